/* The commute factor: distance, travel time per mode, maximum, areas, travel-time source. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    jm_thresholds *th = &FX_P->th;
    th->commute_full_share = 0.5;
    th->detour_factor = 1.3;
    for (int m = 0; m < JM_TRANSPORT_COUNT; m++) {
        th->speed_kmh[m] = 30.0;
        th->overhead_min[m] = 5.0;
    }
    th->speed_kmh[JM_TRANSPORT_WALK] = 4.5;
    th->overhead_min[JM_TRANSPORT_WALK] = 0.0;
    th->speed_kmh[JM_TRANSPORT_PUBLIC] = 18.0;
    th->overhead_min[JM_TRANSPORT_PUBLIC] = 10.0;
}

/* 0.05 degrees of latitude apart: 5.56 km; by public transport
 * 5.5598 x 1.3 / 18 x 60 + 10 = 34.09 min, on foot 96.37 min. */
static void places(void)
{
    FX_C->lat = 51.5;
    FX_C->lon = -0.1;
    FX_J->lat = 51.55;
    FX_J->lon = -0.1;
}

#define PT_MIN 34.09226738393076
#define KM 5.559754011676329

static unsigned bit(int mode)
{
    return 1u << mode;
}

START_TEST(haversine)
{
    TU_NEAR_EPS(jm_haversine_km(51.5074, -0.1278, 48.8566, 2.3522), 343.5565, 1e-3);
    TU_NEAR_EPS(jm_haversine_km(0, 0, 1, 0), 6371.0088 * 3.14159265358979323846 / 180.0, 1e-9);
    TU_NEAR_EPS(jm_haversine_km(51.5, -0.1, 51.55, -0.1), KM, 1e-9);
    TU_NEAR(jm_haversine_km(10, 20, 10, 20), 0.0);
    /* antipodes: half the circumference, no NaN from rounding */
    TU_NEAR_EPS(jm_haversine_km(0, 0, 0, 180), 6371.0088 * 3.14159265358979323846, 1e-6);
    TU_NEAR_EPS(jm_haversine_km(0, 179.5, 0, -179.5), jm_haversine_km(0, 0, 0, 1), 1e-9);
}
END_TEST

/* The series the distance takes for short arcs agree with the textbook
 * formula in long double to within 2e-15 (a few units in the last place), at every
 * distance, short and long, and on both sides of where they hand over to
 * libm (about 100 km). */
START_TEST(haversine_series_accuracy)
{
    unsigned long long x = 0x9e3779b97f4a7c15ull;
    double worst = 0.0;
    for (int i = 0; i < 200000; i++) {
        double u[4];
        for (int k = 0; k < 4; k++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            u[k] = (double)(x >> 11) / 9007199254740992.0;
        }
        /* a place, and another at a spread of distances from it */
        const double scale = i % 4 == 0 ? 180.0 : (i % 4 == 1 ? 3.0 : (i % 4 == 2 ? 0.9 : 0.01));
        const double lat1 = u[0] * 160.0 - 80.0, lon1 = u[1] * 360.0 - 180.0;
        double lat2 = lat1 + (u[2] - 0.5) * scale, lon2 = lon1 + (u[3] - 0.5) * scale;
        lat2 = lat2 > 89.0 ? 89.0 : (lat2 < -89.0 ? -89.0 : lat2);
        const long double r = 3.14159265358979323846264338327950288L / 180.0L;
        const long double dp = ((long double)lat2 - lat1) * r, dl = ((long double)lon2 - lon1) * r;
        const long double a = sinl(dp / 2) * sinl(dp / 2) +
                              cosl(lat1 * r) * cosl(lat2 * r) * sinl(dl / 2) * sinl(dl / 2);
        const long double want = 2.0L * 6371.0088L * atan2l(sqrtl(a), sqrtl(1.0L - a));
        const double got = jm_haversine_km(lat1, lon1, lat2, lon2);
        const double err = want > 0 ? (double)(fabsl((long double)got - want) / want) : fabs(got);
        worst = err > worst ? err : worst;
    }
    ck_assert_msg(worst < 2e-15, "relative error %g", worst);
}
END_TEST

START_TEST(travel_minutes)
{
    TU_NEAR(jm_travel_minutes(10, 1.3, 18, 10), 10 * 1.3 / 18 * 60 + 10);
    TU_NEAR(jm_travel_minutes(0, 1.3, 18, 10), 10);
    TU_NEAR(jm_travel_minutes(3, 1.0, 4.5, 0), 40);
    ck_assert(isnan(jm_travel_minutes(3, 1.0, 0, 0)));
    ck_assert(isnan(jm_travel_minutes(NAN, 1.0, 4.5, 0)));
}
END_TEST

START_TEST(commute_score)
{
    TU_NEAR(jm_commute_score(0, 45, 0.5), 1.0);
    TU_NEAR(jm_commute_score(22.5, 45, 0.5), 1.0);
    TU_NEAR(jm_commute_score(30, 45, 0.5), 15.0 / 22.5);
    TU_NEAR(jm_commute_score(45, 45, 0.5), 0.0);
    TU_NEAR(jm_commute_score(60, 45, 0.5), 0.0);
    TU_NEAR(jm_commute_score(30, 60, 0.0), 0.5);
    TU_NEAR(jm_commute_score(59, 60, 1.0), 1.0);
    ck_assert(isnan(jm_commute_score(30, NAN, 0.5)));
}
END_TEST

START_TEST(estimated_fastest_mode)
{
    places();
    FX_C->transport = bit(JM_TRANSPORT_PUBLIC) | bit(JM_TRANSPORT_WALK);
    FX_C->max_commute = 45;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, (45 - PT_MIN) / 22.5);
    ck_assert_str_eq(e->detail,
                     "about 35 min by public transport (estimated from 5.6 km); maximum 45");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(modes_assumed)
{
    places();
    FX_C->max_commute = 45;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    TU_NEAR(e->score, (45 - PT_MIN) / 22.5);
    ck_assert_str_eq(e->detail, "about 35 min by public transport (estimated from 5.6 km); modes "
                                "not stated, public transport or walking assumed; maximum 45");
}
END_TEST

START_TEST(beyond_maximum_excludes)
{
    places();
    FX_C->transport = bit(JM_TRANSPORT_PUBLIC);
    FX_C->max_commute = 30;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    TU_NEAR(e->score, 0.0);
    ck_assert(e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "commute", "about 35 min by public transport; maximum 30",
                       "feasible with travel training or help with travel to work, or if the "
                       "person accepts a longer commute");
}
END_TEST

START_TEST(no_public_transport_at_job)
{
    places();
    FX_C->transport = bit(JM_TRANSPORT_PUBLIC) | bit(JM_TRANSPORT_WALK);
    FX_C->max_commute = 120;
    FX_J->public_transport = JM_NO;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    TU_NEAR(e->score, (120 - KM * 1.3 / 4.5 * 60) / 60.0);
    ck_assert_str_eq(e->detail, "about 97 min on foot (estimated from 5.6 km); no public "
                                "transport to the job; maximum 120");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(only_mode_unavailable)
{
    places();
    FX_C->transport = bit(JM_TRANSPORT_PUBLIC);
    FX_C->max_commute = 45;
    FX_J->public_transport = JM_NO;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.0);
    ck_assert(e->excluded);
    fx_check_exclusion(0, NULL,
                       "no public transport to the job, the person's only way of travelling",
                       "feasible with help with travel to work (a lift or funded transport) or "
                       "travel training for another way of travelling");
    ck_assert_uint_eq(FX_EV.m->n_notes, 1);
    ck_assert_str_eq(FX_EV.m->notes[0],
                     "no public transport to the job: consider help with travel to work");
}
END_TEST

START_TEST(no_maximum_is_nodata)
{
    places();
    FX_C->transport = bit(JM_TRANSPORT_PUBLIC);
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "about 35 min by public transport (estimated from 5.6 km); no "
                                "maximum commute stated");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

static int calls;

static int car_only(const jm_candidate *c, const jm_job *j, int mode, double *minutes, void *payload)
{
    (void)c;
    (void)j;
    (void)payload;
    calls++;
    if (mode != JM_TRANSPORT_CAR)
        return JM_ENOTFOUND;
    *minutes = 20;
    return JM_OK;
}

static int failing(const jm_candidate *c, const jm_job *j, int mode, double *minutes, void *payload)
{
    (void)c;
    (void)j;
    (void)mode;
    (void)minutes;
    (void)payload;
    return JM_EINVAL;
}

START_TEST(travel_time_source)
{
    struct jm_engine eng;
    memset(&eng, 0, sizeof eng);
    eng.travel = car_only;
    FX_EV.engine = &eng;
    FX_C->transport = bit(JM_TRANSPORT_CAR) | bit(JM_TRANSPORT_WALK);
    FX_C->max_commute = 45;
    /* no coordinates: the source alone answers */
    calls = 0;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert_int_eq(calls, 2);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "about 20 min by car; maximum 45");
    /* with coordinates the walk is estimated, the car time still comes from the source */
    places();
    e = fx_run(JM_FACTOR_COMMUTE);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "about 20 min by car; maximum 45");
}
END_TEST

START_TEST(travel_time_source_fails)
{
    struct jm_engine eng;
    memset(&eng, 0, sizeof eng);
    eng.travel = failing;
    FX_EV.engine = &eng;
    places();
    FX_C->max_commute = 45;
    jm_factor_commute(&FX_EV);
    ck_assert_int_eq(FX_EV.error, JM_ECALLBACK);
    ck_assert(!FX_EV.m->factors[JM_FACTOR_COMMUTE].reported);
    ck_assert(strstr(jm_last_error(), "travel-time source failed") != NULL);
}
END_TEST

START_TEST(areas)
{
    FX_C->area = jm_strdup("Tower Hamlets");
    FX_J->area = jm_strdup("tower hamlets");
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "same area; no maximum commute stated");
    FX_C->max_commute = 45;
    e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "same area; maximum 45 min");
    free(FX_J->area);
    FX_J->area = jm_strdup("Hackney");
    e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "travel time unknown (no coordinates on both sides)");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(nodata)
{
    FX_C->max_commute = 45;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "neither the person's location nor the job's is known");
    FX_C->lat = 51.5;
    FX_C->lon = -0.1;
    e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert_str_eq(e->detail, "the job's location is unknown");
    FX_C->lat = FX_C->lon = NAN;
    FX_J->lat = 51.5;
    FX_J->lon = -0.1;
    e = fx_run(JM_FACTOR_COMMUTE);
    ck_assert_str_eq(e->detail, "the person's location is unknown");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(unusable_mode_skipped)
{
    places();
    FX_P->th.speed_kmh[JM_TRANSPORT_PUBLIC] = 0.0;
    FX_C->transport = bit(JM_TRANSPORT_PUBLIC) | bit(JM_TRANSPORT_CYCLE);
    FX_C->max_commute = 60;
    const jm_factor_entry *e = fx_run(JM_FACTOR_COMMUTE);
    /* cycle: 5.5598 x 1.3 / 30 x 60 + 5 = 19.46 min */
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "about 20 min by bike (estimated from 5.6 km); maximum 60");
}
END_TEST

/* The filter top jobs runs over a commute window: the jobs within the
 * reach, in order; beyond it none; with an unbounded reach all. */
START_TEST(within_reach)
{
    jm_ccand c;
    memset(&c, 0, sizeof c);
    c.lat = 51.5;
    c.lon = -0.1;
    c.cos_lat = jm_cos_lat(c.lat);
    /* north, east, south-west and west of the candidate, at these km */
    const double km[] = { 2.0, 9.9, 10.5, 30.0, 5.0, 10.02, 0.0 };
    const double dir[][2] = { { 1, 0 }, { 0, 1 }, { -0.7, -0.7 }, { 1, 0 }, { 0, -1 }, { 0, 1 }, { 0, 0 } };
    enum { N = sizeof km / sizeof *km };
    double lat[N], lon[N], cs[N];
    for (size_t i = 0; i < N; i++) {
        const double deg = jm_degrees_of_km(km[i]);
        lat[i] = c.lat + dir[i][0] * deg;
        lon[i] = c.lon + dir[i][1] * deg / c.cos_lat;
        cs[i] = jm_cos_lat(lat[i]);
    }
    uint32_t keep[N];
    const double reach = jm_commute_reach_haversine(10.0);
    ck_assert_uint_eq(jm_commute_within_reach(&c, reach, lat, lon, cs, N, keep), 4);
    const uint32_t want[] = { 0, 1, 4, 6 }; /* 2, 9.9, 5 and 0 km */
    for (size_t i = 0; i < 4; i++) {
        ck_assert_uint_eq(keep[i], want[i]);
        ck_assert(jm_haversine_km(c.lat, c.lon, lat[keep[i]], lon[keep[i]]) < 10.0);
    }
    ck_assert_double_gt(jm_haversine_km(c.lat, c.lon, lat[5], lon[5]), 10.0);
    ck_assert_uint_eq(jm_commute_within_reach(&c, jm_commute_reach_haversine(-1.0), lat, lon, cs, N, keep), 0);
    ck_assert_uint_eq(jm_commute_within_reach(&c, jm_commute_reach_haversine(NAN), lat, lon, cs, N, keep), N);
    ck_assert_uint_eq(keep[N - 1], N - 1);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_commute");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, haversine);
    tcase_add_test(t, haversine_series_accuracy);
    tcase_add_test(t, travel_minutes);
    tcase_add_test(t, commute_score);
    tcase_add_test(t, within_reach);
    t = fx_tcase(s, "factor", setup, fx_teardown);
    tcase_add_test(t, estimated_fastest_mode);
    tcase_add_test(t, modes_assumed);
    tcase_add_test(t, beyond_maximum_excludes);
    tcase_add_test(t, no_public_transport_at_job);
    tcase_add_test(t, only_mode_unavailable);
    tcase_add_test(t, no_maximum_is_nodata);
    tcase_add_test(t, travel_time_source);
    tcase_add_test(t, travel_time_source_fails);
    tcase_add_test(t, areas);
    tcase_add_test(t, nodata);
    tcase_add_test(t, unusable_mode_skipped);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
