/* Tests of candidates built through the setters (candidate.c). */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "testutil.h"

static jm_candidate *mk(void)
{
    jm_candidate *c = NULL;
    TU_OK(jm_candidate_new("c-001", &c));
    return c;
}

START_TEST(new_validates_the_id)
{
    jm_candidate *c = NULL;
    TU_OK(jm_candidate_new("c-014", &c));
    ck_assert_str_eq(jm_candidate_id(c), "c-014");
    jm_candidate_free(c);

    jm_candidate *keep = mk(); /* *out must stay untouched on failure */
    jm_candidate *out = keep;
    TU_FAILS(jm_candidate_new("", &out), JM_EINVAL, "jm_candidate_new: id");
    TU_FAILS(jm_candidate_new(NULL, &out), JM_EINVAL, "id");
    TU_FAILS(jm_candidate_new("a\nb", &out), JM_EINVAL, "id");
    TU_FAILS(jm_candidate_new("\xc3", &out), JM_EINVAL, "id");
    char long_id[258];
    memset(long_id, 'a', 257);
    long_id[257] = '\0';
    TU_FAILS(jm_candidate_new(long_id, &out), JM_EINVAL, "1..256");
    ck_assert_ptr_eq(out, keep);
    jm_candidate_free(keep);
    long_id[256] = '\0';
    TU_OK(jm_candidate_new(long_id, &c));
    ck_assert_uint_eq(strlen(jm_candidate_id(c)), 256);
    jm_candidate_free(c);
    TU_FAILS(jm_candidate_new("x", NULL), JM_EINVAL, "out");
    jm_candidate_free(NULL);
    ck_assert_ptr_null(jm_candidate_id(NULL));
}
END_TEST

START_TEST(alloc_starts_unknown)
{
    jm_candidate *c = jm_candidate_alloc("c-9");
    ck_assert_ptr_nonnull(c);
    ck_assert_str_eq(c->id, "c-9");
    ck_assert(isnan(c->hours_min) && isnan(c->hours_ideal) && isnan(c->hours_max));
    ck_assert(!c->hours_firm);
    ck_assert(!c->has_availability);
    ck_assert(jm_week_is_empty(&c->availability));
    ck_assert(isnan(c->lat) && isnan(c->lon));
    ck_assert_ptr_null(c->area);
    ck_assert_uint_eq(c->transport, 0);
    ck_assert(isnan(c->max_commute));
    ck_assert(isnan(c->wage_floor));
    for (int i = 0; i < JM_ENV_COUNT; i++) {
        ck_assert(isnan(c->env[i].min) && isnan(c->env[i].max));
        ck_assert_int_eq(c->env[i].importance, 0);
    }
    ck_assert(!c->interests.has_scores);
    ck_assert_str_eq(c->interests.code, "");
    for (int i = 0; i < JM_RIASEC_COUNT; i++)
        ck_assert(isnan(c->interests.scores[i]));
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        ck_assert(isnan(c->values[i]));
    ck_assert_int_eq(c->right_to_work, JM_UNKNOWN);
    ck_assert_int_eq(c->background_check, JM_UNKNOWN);
    ck_assert(!c->has_licences && !c->has_needs);
    ck_assert_uint_eq(c->n_wanted + c->n_avoided + c->n_skills + c->n_licences + c->n_abilities +
                          c->n_needs + c->n_history, 0);
    ck_assert(!c->benefits.set);
    ck_assert(isnan(c->benefits.max_hours) && isnan(c->benefits.max_earnings));
    ck_assert_int_eq(c->benefits.goal, JM_GOAL_UNDECIDED);
    ck_assert_int_eq(c->benefits.period, JM_PERIOD_WEEK);
    jm_candidate_free(c);
}
END_TEST

START_TEST(null_candidate_is_named)
{
    jm_occupation o = { "porter", NULL, NULL, NULL };
    double six[6] = { 1, 2, 3, 4, 5, 6 };
    TU_FAILS(jm_candidate_add_wanted(NULL, &o, 1), JM_EINVAL, "jm_candidate_add_wanted: candidate is NULL");
    TU_FAILS(jm_candidate_add_avoided(NULL, &o), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_hours(NULL, 1, 2, 3, 0), JM_EINVAL, "jm_candidate_set_hours: candidate");
    TU_FAILS(jm_candidate_add_availability(NULL, 0, 0, 60), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_location(NULL, 0, 0), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_area(NULL, "x"), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_add_transport(NULL, 0), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_max_commute(NULL, 30), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_wage_floor(NULL, 10, 0), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_environment(NULL, 0, 0, 1, 2), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_interests(NULL, six, 6), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_interest_code(NULL, "R"), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_value(NULL, 0, 3), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_add_skill(NULL, "s", NULL, 1), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_add_licence(NULL, "l"), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_right_to_work(NULL, 1), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_background_check(NULL, 1), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_ability(NULL, "lifting", 1), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_add_support_need(NULL, "mentor", 1, 0, NULL), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_no_support_needs(NULL), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_set_benefits(NULL, 16, NAN, 0, 1, 0), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidate_add_history(NULL, &o, 3, 1, 2), JM_EINVAL, "candidate is NULL");
    jm_candidate *out = NULL;
    TU_FAILS(jm_candidate_copy(NULL, &out), JM_EINVAL, "jm_candidate_copy: candidate is NULL");
}
END_TEST

START_TEST(wanted_and_avoided)
{
    jm_candidate *c = mk();
    jm_occupation porter = { "hospital porter", NULL, "5329", NULL };
    TU_OK(jm_candidate_add_wanted(c, &porter, 1.0));
    jm_occupation onet = { NULL, NULL, NULL, "35-9021.00" };
    TU_OK(jm_candidate_add_wanted(c, &onet, 0.25));
    ck_assert_uint_eq(c->n_wanted, 2);
    ck_assert_str_eq(c->wanted[0].occ.label, "hospital porter");
    ck_assert_str_eq(c->wanted[0].occ.isco, "5329");
    ck_assert_ptr_null(c->wanted[0].occ.onet);
    TU_NEAR(c->wanted[0].weight, 1.0);
    ck_assert_str_eq(c->wanted[1].occ.onet, "35-9021.00");
    TU_NEAR(c->wanted[1].weight, 0.25);

    TU_FAILS(jm_candidate_add_wanted(c, &porter, 0), JM_EINVAL, "jm_candidate_add_wanted: weight (0)");
    TU_FAILS(jm_candidate_add_wanted(c, &porter, 1.5), JM_EINVAL, "weight (1.5) must be in (0, 1]");
    TU_FAILS(jm_candidate_add_wanted(c, &porter, -0.5), JM_EINVAL, "weight");
    TU_FAILS(jm_candidate_add_wanted(c, &porter, NAN), JM_EINVAL, "weight");
    TU_FAILS(jm_candidate_add_wanted(c, NULL, 1), JM_EINVAL, "occupation");
    jm_occupation none = { NULL, NULL, NULL, NULL };
    TU_FAILS(jm_candidate_add_wanted(c, &none, 1), JM_EINVAL, "occupation: occupation has none");
    jm_occupation bad_isco = { "cleaner", NULL, "91120", NULL };
    TU_FAILS(jm_candidate_add_wanted(c, &bad_isco, 1), JM_EINVAL, "isco");
    ck_assert_uint_eq(c->n_wanted, 2);

    jm_occupation cleaner = { "cleaner", NULL, "9112", NULL };
    TU_OK(jm_candidate_add_avoided(c, &cleaner));
    ck_assert_uint_eq(c->n_avoided, 1);
    ck_assert_str_eq(c->avoided[0].isco, "9112");
    jm_occupation bad_onet = { "cleaner", NULL, NULL, "37-2011" };
    TU_FAILS(jm_candidate_add_avoided(c, &bad_onet), JM_EINVAL, "jm_candidate_add_avoided: occupation: onet");
    TU_FAILS(jm_candidate_add_avoided(c, NULL), JM_EINVAL, "occupation");
    ck_assert_uint_eq(c->n_avoided, 1);
    jm_candidate_free(c);
}
END_TEST

START_TEST(hours)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_hours(c, 12, 16, 20, 1));
    TU_NEAR(c->hours_min, 12);
    TU_NEAR(c->hours_ideal, 16);
    TU_NEAR(c->hours_max, 20);
    ck_assert(c->hours_firm);

    TU_FAILS(jm_candidate_set_hours(c, 20, NAN, 16, 0), JM_EINVAL,
          "jm_candidate_set_hours: min (20) is greater than max (16)");
    TU_FAILS(jm_candidate_set_hours(c, -1, NAN, 16, 0), JM_EINVAL, "min (-1) must be in 0..168");
    TU_FAILS(jm_candidate_set_hours(c, 0, NAN, 169, 0), JM_EINVAL, "max (169) must be in 0..168");
    TU_FAILS(jm_candidate_set_hours(c, NAN, NAN, 16, 0), JM_EINVAL, "min");
    TU_FAILS(jm_candidate_set_hours(c, 0, NAN, INFINITY, 0), JM_EINVAL, "max");
    TU_FAILS(jm_candidate_set_hours(c, 10, 25, 20, 0), JM_EINVAL, "ideal (25)");
    TU_FAILS(jm_candidate_set_hours(c, 10, 5, 20, 0), JM_EINVAL, "ideal (5)");
    TU_FAILS(jm_candidate_set_hours(c, 10, INFINITY, 20, 0), JM_EINVAL, "ideal");
    /* unchanged by the failures */
    TU_NEAR(c->hours_min, 12);
    TU_NEAR(c->hours_ideal, 16);
    TU_NEAR(c->hours_max, 20);
    ck_assert(c->hours_firm);

    /* NaN ideal is the midpoint; edges are allowed */
    TU_OK(jm_candidate_set_hours(c, 10, NAN, 25, 0));
    TU_NEAR(c->hours_ideal, 17.5);
    ck_assert(!c->hours_firm);
    TU_OK(jm_candidate_set_hours(c, 0, 0, 168, 7));
    TU_NEAR(c->hours_ideal, 0);
    ck_assert(c->hours_firm);
    TU_OK(jm_candidate_set_hours(c, 16, 16, 16, 0));
    TU_NEAR(c->hours_ideal, 16);
    jm_candidate_free(c);
}
END_TEST

START_TEST(availability)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_add_availability(c, JM_MON, 8 * 60, 16 * 60));
    TU_OK(jm_candidate_add_availability(c, JM_SUN, 22 * 60, 30 * 60)); /* overnight into Monday */
    ck_assert(c->has_availability);
    ck_assert_int_eq(jm_week_count(&c->availability), 16 + 16);
    ck_assert(jm_week_get(&c->availability, 0));           /* Monday 00:00 from Sunday night */
    ck_assert(jm_week_get(&c->availability, 11));          /* Monday 05:30 */
    ck_assert(!jm_week_get(&c->availability, 12));         /* Monday 06:00 */
    ck_assert(jm_week_get(&c->availability, 16));          /* Monday 08:00 */

    TU_FAILS(jm_candidate_add_availability(c, 7, 0, 60), JM_EINVAL, "jm_candidate_add_availability: day");
    TU_FAILS(jm_candidate_add_availability(c, -1, 0, 60), JM_EINVAL, "day");
    TU_FAILS(jm_candidate_add_availability(c, JM_TUE, -10, 60), JM_EINVAL, "start_minute");
    TU_FAILS(jm_candidate_add_availability(c, JM_TUE, 1440, 1500), JM_EINVAL, "start_minute");
    TU_FAILS(jm_candidate_add_availability(c, JM_TUE, 600, 600), JM_EINVAL, "end_minute");
    TU_FAILS(jm_candidate_add_availability(c, JM_TUE, 22 * 60, 6 * 60), JM_EINVAL, "end_minute");
    TU_FAILS(jm_candidate_add_availability(c, JM_TUE, 0, 1441), JM_EINVAL, "end_minute");
    ck_assert_int_eq(jm_week_count(&c->availability), 32);
    jm_candidate_free(c);

    /* A fresh candidate's first failure does not mark availability as known. */
    c = mk();
    TU_FAILS(jm_candidate_add_availability(c, 9, 0, 60), JM_EINVAL, "day");
    ck_assert(!c->has_availability);
    jm_candidate_free(c);
}
END_TEST

START_TEST(location_area_commute)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_location(c, 51.5194, -0.0590));
    TU_NEAR(c->lat, 51.5194);
    TU_NEAR(c->lon, -0.0590);
    TU_OK(jm_candidate_set_location(c, -90, 180));
    TU_FAILS(jm_candidate_set_location(c, 90.5, 0), JM_EINVAL, "jm_candidate_set_location: lat (90.5)");
    TU_FAILS(jm_candidate_set_location(c, 0, -180.01), JM_EINVAL, "lon (-180.01)");
    TU_FAILS(jm_candidate_set_location(c, NAN, 0), JM_EINVAL, "lat");
    TU_FAILS(jm_candidate_set_location(c, 0, INFINITY), JM_EINVAL, "lon");
    TU_NEAR(c->lat, -90);
    TU_NEAR(c->lon, 180);

    TU_OK(jm_candidate_set_area(c, "Tower Hamlets"));
    ck_assert_str_eq(c->area, "Tower Hamlets");
    TU_FAILS(jm_candidate_set_area(c, ""), JM_EINVAL, "jm_candidate_set_area: area");
    TU_FAILS(jm_candidate_set_area(c, "\xc3("), JM_EINVAL, "area");
    ck_assert_str_eq(c->area, "Tower Hamlets");
    TU_OK(jm_candidate_set_area(c, NULL));
    ck_assert_ptr_null(c->area);

    TU_OK(jm_candidate_add_transport(c, JM_TRANSPORT_WALK));
    TU_OK(jm_candidate_add_transport(c, JM_TRANSPORT_PUBLIC));
    TU_OK(jm_candidate_add_transport(c, JM_TRANSPORT_PUBLIC)); /* idempotent */
    ck_assert_uint_eq(c->transport, (1u << JM_TRANSPORT_WALK) | (1u << JM_TRANSPORT_PUBLIC));
    TU_FAILS(jm_candidate_add_transport(c, JM_TRANSPORT_COUNT), JM_EINVAL, "jm_candidate_add_transport: mode (6)");
    TU_FAILS(jm_candidate_add_transport(c, -1), JM_EINVAL, "mode (-1)");
    ck_assert_uint_eq(c->transport, 9u);

    TU_OK(jm_candidate_set_max_commute(c, 45));
    TU_NEAR(c->max_commute, 45);
    TU_OK(jm_candidate_set_max_commute(c, 600));
    TU_FAILS(jm_candidate_set_max_commute(c, 0), JM_EINVAL, "jm_candidate_set_max_commute: minutes (0)");
    TU_FAILS(jm_candidate_set_max_commute(c, 601), JM_EINVAL, "minutes (601)");
    TU_FAILS(jm_candidate_set_max_commute(c, NAN), JM_EINVAL, "minutes");
    TU_NEAR(c->max_commute, 600);
    jm_candidate_free(c);
}
END_TEST

START_TEST(wage_floor)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_wage_floor(c, 11.44, 1));
    TU_NEAR(c->wage_floor, 11.44);
    ck_assert(c->wage_firm);
    TU_OK(jm_candidate_set_wage_floor(c, 0, 0));
    TU_NEAR(c->wage_floor, 0);
    ck_assert(!c->wage_firm);
    TU_FAILS(jm_candidate_set_wage_floor(c, -0.01, 1), JM_EINVAL, "jm_candidate_set_wage_floor: per_hour");
    TU_FAILS(jm_candidate_set_wage_floor(c, INFINITY, 1), JM_EINVAL, "per_hour");
    TU_FAILS(jm_candidate_set_wage_floor(c, NAN, 1), JM_EINVAL, "per_hour");
    TU_NEAR(c->wage_floor, 0);
    ck_assert(!c->wage_firm);
    jm_candidate_free(c);
}
END_TEST

START_TEST(environment)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_environment(c, JM_ENV_NOISE, 0, 2, JM_IMPORTANCE_HIGH));
    TU_NEAR(c->env[JM_ENV_NOISE].min, 0);
    TU_NEAR(c->env[JM_ENV_NOISE].max, 2);
    ck_assert_int_eq(c->env[JM_ENV_NOISE].importance, JM_IMPORTANCE_HIGH);
    TU_OK(jm_candidate_set_environment(c, JM_ENV_ROUTINE, 3, NAN, JM_IMPORTANCE_MEDIUM)); /* only a min */
    TU_NEAR(c->env[JM_ENV_ROUTINE].min, 3);
    ck_assert(isnan(c->env[JM_ENV_ROUTINE].max));
    TU_OK(jm_candidate_set_environment(c, JM_ENV_PUBLIC_CONTACT, NAN, 1, JM_IMPORTANCE_MUST));
    ck_assert(isnan(c->env[JM_ENV_PUBLIC_CONTACT].min));
    ck_assert_int_eq(c->env[JM_ENV_PUBLIC_CONTACT].importance, JM_IMPORTANCE_MUST);

    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_COUNT, 0, 1, 2), JM_EINVAL,
          "jm_candidate_set_environment: dimension (8)");
    TU_FAILS(jm_candidate_set_environment(c, -1, 0, 1, 2), JM_EINVAL, "dimension (-1)");
    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_NOISE, 3, 2, 2), JM_EINVAL, "min (3) is greater than max (2)");
    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_NOISE, -1, 2, 2), JM_EINVAL, "min (-1)");
    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_NOISE, 0, 4.5, 2), JM_EINVAL, "max (4.5)");
    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_NOISE, NAN, NAN, 2), JM_EINVAL, "min and max");
    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_NOISE, 0, 1, 0), JM_EINVAL, "importance (0)");
    TU_FAILS(jm_candidate_set_environment(c, JM_ENV_NOISE, 0, 1, 5), JM_EINVAL, "importance (5)");
    TU_NEAR(c->env[JM_ENV_NOISE].max, 2);
    ck_assert_int_eq(c->env[JM_ENV_NOISE].importance, JM_IMPORTANCE_HIGH);
    ck_assert_int_eq(c->env[JM_ENV_PACE].importance, 0);
    jm_candidate_free(c);
}
END_TEST

START_TEST(interests_and_values)
{
    jm_candidate *c = mk();
    double r[6] = { 5.0, 2.0, 1.5, 4.0, 1.5, 4.5 };
    TU_OK(jm_candidate_set_interests(c, r, 6));
    ck_assert(c->interests.has_scores);
    TU_NEAR(c->interests.scores[JM_RIASEC_R], 5.0);
    TU_NEAR(c->interests.scores[JM_RIASEC_C], 4.5);
    double bad[6] = { 5.0, 2.0, 0.5, 4.0, 1.5, 4.5 };
    TU_FAILS(jm_candidate_set_interests(c, bad, 6), JM_EINVAL, "jm_candidate_set_interests: scores[2] (A = 0.5)");
    bad[2] = 7.5;
    TU_FAILS(jm_candidate_set_interests(c, bad, 6), JM_EINVAL, "scores[2]");
    bad[2] = NAN;
    TU_FAILS(jm_candidate_set_interests(c, bad, 6), JM_EINVAL, "scores[2]");
    TU_FAILS(jm_candidate_set_interests(c, r, 5), JM_EINVAL, "n (5) must be 6");
    TU_FAILS(jm_candidate_set_interests(c, NULL, 6), JM_EINVAL, "scores is NULL");
    TU_NEAR(c->interests.scores[JM_RIASEC_A], 1.5);

    TU_OK(jm_candidate_set_interest_code(c, "SEC"));
    ck_assert_str_eq(c->interests.code, "SEC");
    TU_OK(jm_candidate_set_interest_code(c, "ri"));
    ck_assert_str_eq(c->interests.code, "RI");
    TU_FAILS(jm_candidate_set_interest_code(c, "SES"), JM_EINVAL, "jm_candidate_set_interest_code: code repeats");
    TU_FAILS(jm_candidate_set_interest_code(c, "RIAS"), JM_EINVAL, "code");
    TU_FAILS(jm_candidate_set_interest_code(c, ""), JM_EINVAL, "code");
    TU_FAILS(jm_candidate_set_interest_code(c, "RX"), JM_EINVAL, "letter 2");
    TU_FAILS(jm_candidate_set_interest_code(c, NULL), JM_EINVAL, "code is NULL");
    ck_assert_str_eq(c->interests.code, "RI");

    TU_OK(jm_candidate_set_value(c, JM_VALUE_RELATIONSHIPS, 5));
    TU_OK(jm_candidate_set_value(c, JM_VALUE_ACHIEVEMENT, 1));
    TU_NEAR(c->values[JM_VALUE_RELATIONSHIPS], 5);
    TU_NEAR(c->values[JM_VALUE_ACHIEVEMENT], 1);
    TU_FAILS(jm_candidate_set_value(c, JM_VALUE_SUPPORT, 0.5), JM_EINVAL, "jm_candidate_set_value: importance (0.5)");
    TU_FAILS(jm_candidate_set_value(c, JM_VALUE_SUPPORT, 6), JM_EINVAL, "importance (6)");
    TU_FAILS(jm_candidate_set_value(c, 6, 3), JM_EINVAL, "value (6)");
    TU_FAILS(jm_candidate_set_value(c, -1, 3), JM_EINVAL, "value (-1)");
    ck_assert(isnan(c->values[JM_VALUE_SUPPORT]));
    jm_candidate_free(c);
}
END_TEST

START_TEST(skills_and_licences)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_add_skill(c, "http://data.europa.eu/esco/skill/abc", "move heavy loads", 3));
    TU_OK(jm_candidate_add_skill(c, "own:kitchen-hygiene", NULL, NAN));
    ck_assert_uint_eq(c->n_skills, 2);
    ck_assert_str_eq(c->skills[0].label, "move heavy loads");
    TU_NEAR(c->skills[0].level, 3);
    ck_assert_ptr_null(c->skills[1].label);
    ck_assert(isnan(c->skills[1].level));

    TU_FAILS(jm_candidate_add_skill(c, "own:kitchen-hygiene", "again", 2), JM_EEXISTS,
          "jm_candidate_add_skill: id \"own:kitchen-hygiene\" is already");
    TU_FAILS(jm_candidate_add_skill(c, "s2", NULL, 7.5), JM_EINVAL, "level (7.5)");
    TU_FAILS(jm_candidate_add_skill(c, "s2", NULL, -1), JM_EINVAL, "level (-1)");
    TU_FAILS(jm_candidate_add_skill(c, "s2", NULL, INFINITY), JM_EINVAL, "level");
    TU_FAILS(jm_candidate_add_skill(c, "", NULL, 1), JM_EINVAL, "id");
    TU_FAILS(jm_candidate_add_skill(c, NULL, NULL, 1), JM_EINVAL, "id");
    TU_FAILS(jm_candidate_add_skill(c, "s2", "", 1), JM_EINVAL, "label");
    char long_id[514];
    memset(long_id, 's', 513);
    long_id[513] = '\0';
    TU_FAILS(jm_candidate_add_skill(c, long_id, NULL, 1), JM_EINVAL, "1..512");
    long_id[512] = '\0'; /* 512 bytes are allowed for skill ids */
    TU_OK(jm_candidate_add_skill(c, long_id, NULL, 0));
    ck_assert_uint_eq(c->n_skills, 3);

    ck_assert(!c->has_licences);
    TU_OK(jm_candidate_add_licence(c, "driving_licence_b"));
    TU_OK(jm_candidate_add_licence(c, "food_hygiene_l2"));
    TU_OK(jm_candidate_add_licence(c, "driving_licence_b")); /* a repeat is kept once */
    ck_assert(c->has_licences);
    ck_assert_uint_eq(c->n_licences, 2);
    ck_assert_str_eq(c->licences[1], "food_hygiene_l2");
    TU_FAILS(jm_candidate_add_licence(c, ""), JM_EINVAL, "jm_candidate_add_licence: id");
    TU_FAILS(jm_candidate_add_licence(c, "a\x01"), JM_EINVAL, "id");
    ck_assert_uint_eq(c->n_licences, 2);
    jm_candidate_free(c);
}
END_TEST

START_TEST(legal_status)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_right_to_work(c, JM_YES));
    ck_assert_int_eq(c->right_to_work, JM_YES);
    TU_OK(jm_candidate_set_right_to_work(c, JM_UNKNOWN));
    ck_assert_int_eq(c->right_to_work, JM_UNKNOWN);
    TU_FAILS(jm_candidate_set_right_to_work(c, 2), JM_EINVAL, "jm_candidate_set_right_to_work: status (2)");
    TU_FAILS(jm_candidate_set_right_to_work(c, -2), JM_EINVAL, "status (-2)");
    TU_OK(jm_candidate_set_background_check(c, JM_NO));
    ck_assert_int_eq(c->background_check, JM_NO);
    TU_FAILS(jm_candidate_set_background_check(c, 3), JM_EINVAL, "jm_candidate_set_background_check: status (3)");
    ck_assert_int_eq(c->background_check, JM_NO);
    jm_candidate_free(c);
}
END_TEST

START_TEST(abilities_replace_by_dimension)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_ability(c, "lifting", 2));
    TU_OK(jm_candidate_set_ability(c, "reading", 0));
    TU_OK(jm_candidate_set_ability(c, "lifting", 1));
    ck_assert_uint_eq(c->n_abilities, 2);
    ck_assert_str_eq(c->abilities[0].id, "lifting");
    ck_assert_int_eq(c->abilities[0].level, 1);
    ck_assert_int_eq(c->abilities[1].level, 0);
    TU_FAILS(jm_candidate_set_ability(c, "lifting", 3), JM_EINVAL, "jm_candidate_set_ability: level (3)");
    TU_FAILS(jm_candidate_set_ability(c, "lifting", -1), JM_EINVAL, "level (-1)");
    TU_FAILS(jm_candidate_set_ability(c, "", 1), JM_EINVAL, "dimension");
    TU_FAILS(jm_candidate_set_ability(c, NULL, 1), JM_EINVAL, "dimension");
    ck_assert_int_eq(c->abilities[0].level, 1);
    ck_assert_uint_eq(c->n_abilities, 2);
    jm_candidate_free(c);
}
END_TEST

START_TEST(support_needs_keep_notes_private)
{
    jm_candidate *c = mk();
    ck_assert(!c->has_needs);
    TU_OK(jm_candidate_set_no_support_needs(c));
    ck_assert(c->has_needs);
    ck_assert_uint_eq(c->n_needs, 0);
    TU_OK(jm_candidate_add_support_need(c, "structured_task_instruction", JM_INTENSITY_MEDIUM, 1, NULL));
    TU_OK(jm_candidate_add_support_need(c, "quiet_workspace", JM_INTENSITY_LOW, 0, "SECRET-NOTE"));
    ck_assert_uint_eq(c->n_needs, 2);
    ck_assert(c->needs[0].essential);
    ck_assert_ptr_null(c->needs[0].note);
    ck_assert_str_eq(c->needs[1].note, "SECRET-NOTE");
    ck_assert_int_eq(c->needs[1].intensity, JM_INTENSITY_LOW);
    ck_assert(!c->needs[1].essential);

    TU_FAILS(jm_candidate_add_support_need(c, "mentor", 0, 0, "SECRET-NOTE"), JM_EINVAL,
          "jm_candidate_add_support_need: intensity (0)");
    ck_assert_ptr_null(strstr(jm_last_error(), "SECRET"));
    TU_FAILS(jm_candidate_add_support_need(c, "mentor", 4, 0, NULL), JM_EINVAL, "intensity (4)");
    TU_FAILS(jm_candidate_add_support_need(c, "", 1, 0, NULL), JM_EINVAL, "type");
    TU_FAILS(jm_candidate_add_support_need(c, NULL, 1, 0, NULL), JM_EINVAL, "type");
    TU_FAILS(jm_candidate_add_support_need(c, "mentor", 1, 0, "SECRET\xff"), JM_EINVAL, "note");
    ck_assert_ptr_null(strstr(jm_last_error(), "SECRET"));
    ck_assert_uint_eq(c->n_needs, 2);
    /* "no support needs" contradicts a list that has some */
    TU_FAILS(jm_candidate_set_no_support_needs(c), JM_EINVAL, "already has 2 support need");
    ck_assert_uint_eq(c->n_needs, 2);
    jm_candidate_free(c);
}
END_TEST

START_TEST(benefits)
{
    jm_candidate *c = mk();
    TU_OK(jm_candidate_set_benefits(c, 16, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, 0));
    ck_assert(c->benefits.set);
    TU_NEAR(c->benefits.max_hours, 16);
    TU_NEAR(c->benefits.max_earnings, 183);
    ck_assert_int_eq(c->benefits.goal, JM_GOAL_STAY);
    ck_assert(!c->benefits.firm);
    TU_OK(jm_candidate_set_benefits(c, NAN, 800, JM_PERIOD_MONTH, JM_GOAL_EXIT, 1));
    ck_assert(isnan(c->benefits.max_hours));
    ck_assert_int_eq(c->benefits.period, JM_PERIOD_MONTH);
    ck_assert(c->benefits.firm);

    TU_FAILS(jm_candidate_set_benefits(c, 169, NAN, 0, 0, 0), JM_EINVAL,
          "jm_candidate_set_benefits: max_hours_per_week (169)");
    TU_FAILS(jm_candidate_set_benefits(c, -1, NAN, 0, 0, 0), JM_EINVAL, "max_hours_per_week (-1)");
    TU_FAILS(jm_candidate_set_benefits(c, 16, -5, 0, 0, 0), JM_EINVAL, "max_earnings (-5)");
    TU_FAILS(jm_candidate_set_benefits(c, 16, INFINITY, 0, 0, 0), JM_EINVAL, "max_earnings");
    TU_FAILS(jm_candidate_set_benefits(c, 16, 100, 2, 0, 0), JM_EINVAL, "period (2)");
    TU_FAILS(jm_candidate_set_benefits(c, 16, 100, 0, 3, 0), JM_EINVAL, "goal (3)");
    TU_FAILS(jm_candidate_set_benefits(c, 16, 100, 0, -1, 0), JM_EINVAL, "goal (-1)");
    TU_NEAR(c->benefits.max_earnings, 800);
    ck_assert_int_eq(c->benefits.goal, JM_GOAL_EXIT);
    jm_candidate_free(c);
}
END_TEST

START_TEST(history)
{
    jm_candidate *c = mk();
    jm_occupation kp = { "kitchen porter", NULL, "9412", NULL };
    TU_OK(jm_candidate_add_history(c, &kp, 8, JM_NO, JM_ENDING_QUIT));
    TU_OK(jm_candidate_add_history(c, &kp, NAN, JM_UNKNOWN, JM_ENDING_UNKNOWN));
    ck_assert_uint_eq(c->n_history, 2);
    TU_NEAR(c->history[0].months, 8);
    ck_assert_int_eq(c->history[0].liked, JM_NO);
    ck_assert_int_eq(c->history[0].ended, JM_ENDING_QUIT);
    ck_assert_str_eq(c->history[0].occ.label, "kitchen porter");
    ck_assert(isnan(c->history[1].months));

    TU_FAILS(jm_candidate_add_history(c, &kp, -1, 0, 0), JM_EINVAL, "jm_candidate_add_history: months (-1)");
    TU_FAILS(jm_candidate_add_history(c, &kp, 3, 2, 0), JM_EINVAL, "liked (2)");
    TU_FAILS(jm_candidate_add_history(c, &kp, 3, 1, 7), JM_EINVAL, "ended (7)");
    TU_FAILS(jm_candidate_add_history(c, &kp, 3, 1, -1), JM_EINVAL, "ended (-1)");
    TU_FAILS(jm_candidate_add_history(c, NULL, 3, 1, 1), JM_EINVAL, "occupation");
    jm_occupation bad = { NULL, "", NULL, NULL };
    TU_FAILS(jm_candidate_add_history(c, &bad, 3, 1, 1), JM_EINVAL, "esco");
    ck_assert_uint_eq(c->n_history, 2);
    jm_candidate_free(c);
}
END_TEST

static jm_candidate *full_candidate(void)
{
    jm_candidate *c = mk();
    jm_occupation porter = { "hospital porter", "http://data.europa.eu/esco/occupation/p", "5329",
                             "53-7062.00" };
    jm_occupation cleaner = { "cleaner", NULL, "9112", NULL };
    double r[6] = { 5, 2, 1.5, 4, 1.5, 4.5 };
    TU_OK(jm_candidate_add_wanted(c, &porter, 0.5));
    TU_OK(jm_candidate_add_avoided(c, &cleaner));
    TU_OK(jm_candidate_set_hours(c, 12, 16, 20, 1));
    TU_OK(jm_candidate_add_availability(c, JM_WED, 8 * 60, 16 * 60));
    TU_OK(jm_candidate_set_location(c, 51.5, -0.05));
    TU_OK(jm_candidate_set_area(c, "Tower Hamlets"));
    TU_OK(jm_candidate_add_transport(c, JM_TRANSPORT_CYCLE));
    TU_OK(jm_candidate_set_max_commute(c, 45));
    TU_OK(jm_candidate_set_wage_floor(c, 11.44, 0));
    TU_OK(jm_candidate_set_environment(c, JM_ENV_NOISE, 0, 2, JM_IMPORTANCE_HIGH));
    TU_OK(jm_candidate_set_interests(c, r, 6));
    TU_OK(jm_candidate_set_interest_code(c, "RCS"));
    TU_OK(jm_candidate_set_value(c, JM_VALUE_SUPPORT, 4));
    TU_OK(jm_candidate_add_skill(c, "skill-1", "lifting", 3));
    TU_OK(jm_candidate_add_licence(c, "driving_licence_b"));
    TU_OK(jm_candidate_set_right_to_work(c, JM_YES));
    TU_OK(jm_candidate_set_background_check(c, JM_NO));
    TU_OK(jm_candidate_set_ability(c, "standing", 1));
    TU_OK(jm_candidate_add_support_need(c, "mentor", JM_INTENSITY_HIGH, 1, "private"));
    TU_OK(jm_candidate_set_benefits(c, 16, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, 1));
    TU_OK(jm_candidate_add_history(c, &cleaner, 8, JM_NO, JM_ENDING_DISMISSED));
    return c;
}

START_TEST(copy_is_deep)
{
    jm_candidate *c = full_candidate();
    jm_candidate *d = NULL;
    TU_OK(jm_candidate_copy(c, &d));
    ck_assert_ptr_ne(d, c);
    ck_assert_str_eq(d->id, "c-001");
    ck_assert_ptr_ne(d->id, c->id);
    ck_assert_ptr_ne(d->wanted, c->wanted);
    ck_assert_ptr_ne(d->wanted[0].occ.label, c->wanted[0].occ.label);
    ck_assert_str_eq(d->wanted[0].occ.onet, "53-7062.00");
    TU_NEAR(d->wanted[0].weight, 0.5);
    ck_assert_str_eq(d->avoided[0].isco, "9112");
    ck_assert_ptr_ne(d->area, c->area);
    ck_assert_str_eq(d->area, "Tower Hamlets");
    ck_assert_int_eq(jm_week_count(&d->availability), 16);
    ck_assert(d->has_availability);
    ck_assert_uint_eq(d->transport, 1u << JM_TRANSPORT_CYCLE);
    TU_NEAR(d->hours_ideal, 16);
    ck_assert_str_eq(d->interests.code, "RCS");
    TU_NEAR(d->interests.scores[JM_RIASEC_C], 4.5);
    TU_NEAR(d->values[JM_VALUE_SUPPORT], 4);
    ck_assert_ptr_ne(d->skills[0].id, c->skills[0].id);
    ck_assert_str_eq(d->skills[0].label, "lifting");
    ck_assert_ptr_ne(d->licences, c->licences);
    ck_assert_str_eq(d->licences[0], "driving_licence_b");
    ck_assert(d->has_licences);
    ck_assert_ptr_ne(d->abilities[0].id, c->abilities[0].id);
    ck_assert_str_eq(d->needs[0].note, "private");
    ck_assert_ptr_ne(d->needs[0].note, c->needs[0].note);
    ck_assert(d->needs[0].essential);
    ck_assert(d->benefits.set && d->benefits.firm);
    ck_assert_int_eq(d->history[0].ended, JM_ENDING_DISMISSED);
    ck_assert_ptr_ne(d->history[0].occ.label, c->history[0].occ.label);

    /* changing the copy leaves the original alone, and the other way round */
    TU_OK(jm_candidate_add_skill(d, "skill-2", NULL, 1));
    TU_OK(jm_candidate_set_area(d, "Hackney"));
    TU_OK(jm_candidate_set_ability(d, "standing", 2));
    TU_OK(jm_candidate_add_availability(d, JM_THU, 0, 60));
    ck_assert_uint_eq(c->n_skills, 1);
    ck_assert_str_eq(c->area, "Tower Hamlets");
    ck_assert_int_eq(c->abilities[0].level, 1);
    ck_assert_int_eq(jm_week_count(&c->availability), 16);
    jm_candidate_free(c);
    ck_assert_str_eq(d->wanted[0].occ.label, "hospital porter");
    ck_assert_str_eq(d->needs[0].note, "private");
    jm_candidate_free(d);

    /* an empty candidate copies too */
    jm_candidate *e = mk(), *f = NULL;
    TU_OK(jm_candidate_copy(e, &f));
    ck_assert_ptr_null(f->skills);
    ck_assert(isnan(f->hours_min));
    jm_candidate_free(e);
    jm_candidate_free(f);
    TU_FAILS(jm_candidate_copy(e = mk(), NULL), JM_EINVAL, "out is NULL");
    jm_candidate_free(e);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("candidate");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, new_validates_the_id);
    tcase_add_test(tc, alloc_starts_unknown);
    tcase_add_test(tc, null_candidate_is_named);
    tcase_add_test(tc, wanted_and_avoided);
    tcase_add_test(tc, hours);
    tcase_add_test(tc, availability);
    tcase_add_test(tc, location_area_commute);
    tcase_add_test(tc, wage_floor);
    tcase_add_test(tc, environment);
    tcase_add_test(tc, interests_and_values);
    tcase_add_test(tc, skills_and_licences);
    tcase_add_test(tc, legal_status);
    tcase_add_test(tc, abilities_replace_by_dimension);
    tcase_add_test(tc, support_needs_keep_notes_private);
    tcase_add_test(tc, benefits);
    tcase_add_test(tc, history);
    tcase_add_test(tc, copy_is_deep);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
