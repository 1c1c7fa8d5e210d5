/*
 * The commute factor: the one-way travel time to the job against the
 * person's maximum, by the fastest of the person's transport modes.
 *
 * Modes: those the person gave, else public transport and walking; public
 * transport is left out when the job says it has none.  Per mode the
 * engine's travel-time source is asked first; without an answer the time is
 * estimated from the straight-line (haversine) distance:
 * km x detour_factor / speed_kmh[mode] x 60 + overhead_min[mode].
 * Score: 1 up to commute_full_share of the maximum, linear to 0 at the
 * maximum.  Beyond the maximum the pair is excluded (the person's own
 * deal-breaker).  Without coordinates, the same area on both sides
 * (case-insensitive) scores 1.  Without the person's maximum there is no
 * preference to score against: no data, but the detail gives the time.
 */
#include "kernel.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JM_EARTH_RADIUS_KM 6371.0088
#define JM_PI 3.14159265358979323846

double jm_cos_lat(double lat)
{
    return cos(lat * (JM_PI / 180.0));
}

/* Below this, sin and asin are their Taylor series (the next term is below
 * 2^-70 of the result, far under rounding): commutes are mostly shorter
 * than the 100 km it covers, and the series cost a tenth of libm's calls. */
#define JM_SMALL_ANGLE 0.0078125 /* 2^-7 */

static inline double hav_sin(double x)
{
    if (!(fabs(x) < JM_SMALL_ANGLE))
        return sin(x);
    const double x2 = x * x;
    return x + x * x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 - x2 * (1.0 / 5040.0)));
}

/* asin(y) for y in [0, 1] */
static inline double hav_asin(double y)
{
    if (!(y < JM_SMALL_ANGLE))
        return asin(y);
    const double y2 = y * y;
    return y + y * y2 * (1.0 / 6.0 + y2 * (3.0 / 40.0 + y2 * (15.0 / 336.0)));
}

/* The haversine of the central angle between two points (in [0, 1]; it
 * grows with the distance), and the distance it makes. */
static inline double haversine_of(double lat1, double lon1, double cos1, double lat2, double lon2,
                                  double cos2)
{
    const double rad = JM_PI / 180.0;
    double dp = (lat2 - lat1) * rad, dl = (lon2 - lon1) * rad;
    double s1 = hav_sin(dp / 2.0), s2 = hav_sin(dl / 2.0);
    double a = s1 * s1 + cos1 * cos2 * s2 * s2;
    return jm_clamp(a, 0.0, 1.0);
}

static inline double km_of_haversine(double a)
{
    return 2.0 * JM_EARTH_RADIUS_KM * hav_asin(sqrt(a));
}

double jm_haversine_km_cos(double lat1, double lon1, double cos1, double lat2, double lon2,
                           double cos2)
{
    return km_of_haversine(haversine_of(lat1, lon1, cos1, lat2, lon2, cos2));
}

double jm_commute_reach_haversine(double reach_km)
{
    if (isnan(reach_km))
        return INFINITY;
    /* far beyond every rounding of the distance and the travel times */
    const double k = reach_km * (1.0 + 1e-6) + 1e-6;
    if (k <= 0.0)
        return -1.0; /* every way of travelling takes too long, at any distance */
    const double angle = k / (2.0 * JM_EARTH_RADIUS_KM);
    if (!(angle < JM_PI / 2.0))
        return INFINITY; /* half the globe, or more */
    const double s = sin(angle);
    return s * s;
}

size_t jm_commute_within_reach(const jm_ccand *c, double reach, const double *lat, const double *lon,
                               const double *cos, size_t n, uint32_t *keep)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        keep[m] = (uint32_t)i; /* kept when the count moves on */
        m += !(haversine_of(c->lat, c->lon, c->cos_lat, lat[i], lon[i], cos[i]) > reach);
    }
    return m;
}

double jm_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
    return jm_haversine_km_cos(lat1, lon1, jm_cos_lat(lat1), lat2, lon2, jm_cos_lat(lat2));
}

double jm_degrees_of_km(double km)
{
    return km / (JM_EARTH_RADIUS_KM * (JM_PI / 180.0));
}

double jm_travel_minutes(double km, double detour, double speed_kmh, double overhead_min)
{
    if (!(speed_kmh > 0.0) || isnan(km))
        return NAN;
    if (isnan(detour) || detour <= 0.0)
        detour = 1.0;
    if (isnan(overhead_min) || overhead_min < 0.0)
        overhead_min = 0.0;
    return km * detour / speed_kmh * 60.0 + overhead_min;
}

double jm_commute_score(double minutes, double max_minutes, double full_share)
{
    if (isnan(minutes) || isnan(max_minutes))
        return NAN;
    full_share = isnan(full_share) ? 0.0 : jm_clamp(full_share, 0.0, 1.0);
    double full = full_share * max_minutes;
    if (minutes <= full)
        return 1.0;
    if (minutes >= max_minutes)
        return 0.0;
    return (max_minutes - minutes) / (max_minutes - full);
}

static const char *mode_phrase(int mode)
{
    switch (mode) {
    case JM_TRANSPORT_WALK: return "on foot";
    case JM_TRANSPORT_WHEELCHAIR: return "by wheelchair";
    case JM_TRANSPORT_CYCLE: return "by bike";
    case JM_TRANSPORT_PUBLIC: return "by public transport";
    case JM_TRANSPORT_CAR: return "by car";
    case JM_TRANSPORT_LIFT: return "getting a lift";
    default: return "";
    }
}

/* Whole minutes for display, never below the true time (so that a time just
 * over the maximum never reads as the maximum). */
static double display_minutes(double m)
{
    return ceil(m - 1e-9);
}

static bool nonempty(const char *s)
{
    return s && *s;
}

void jm_factor_commute(jm_eval *ev)
{
    const int F = JM_FACTOR_COMMUTE;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;
    char n1[32], n2[32], n3[32];
    static const char *const lift =
        "feasible with travel training or help with travel to work, or if the person accepts a "
        "longer commute";

    unsigned modes = c->transport & ((1u << JM_TRANSPORT_COUNT) - 1u);
    const bool assumed = modes == 0;
    if (assumed)
        modes = (1u << JM_TRANSPORT_PUBLIC) | (1u << JM_TRANSPORT_WALK);
    const bool no_pt = j->public_transport == JM_NO && (modes & (1u << JM_TRANSPORT_PUBLIC));
    if (j->public_transport == JM_NO)
        modes &= ~(1u << JM_TRANSPORT_PUBLIC);

    const bool has_max = !isnan(c->max_commute);
    const bool coords = !isnan(c->lat) && !isnan(c->lon) && !isnan(j->lat) && !isnan(j->lon);
    const double km = coords ? jm_haversine_km(c->lat, c->lon, j->lat, j->lon) : NAN;

    if (modes == 0) {
        /* The person travels only by public transport and the job has none. */
        jm_eval_note(ev, "no public transport to the job: consider help with travel to work");
        if (!has_max) {
            jm_eval_nodata(ev, F, "no public transport to the job, the person's only way of "
                                  "travelling; no maximum commute stated");
            return;
        }
        jm_eval_score(ev, F, 0.0, "no public transport to the job, the person's only way of "
                                  "travelling; maximum %s min", jm_num(n1, c->max_commute));
        jm_eval_exclude(ev, F,
                        "feasible with help with travel to work (a lift or funded transport) "
                        "or travel training for another way of travelling",
                        "no public transport to the job, the person's only way of travelling");
        return;
    }

    double best = INFINITY;
    int best_mode = -1;
    bool best_estimated = false;
    for (int mode = 0; mode < JM_TRANSPORT_COUNT; mode++) {
        if (!(modes & (1u << mode)))
            continue;
        double m = NAN;
        int rc = jm_eval_travel_time(ev, mode, &m);
        if (rc == JM_ECALLBACK)
            return; /* recorded in ev->error: the engine fails the call */
        bool estimated = false;
        if (rc != JM_OK) {
            if (!coords)
                continue;
            m = jm_travel_minutes(km, th->detour_factor, th->speed_kmh[mode], th->overhead_min[mode]);
            estimated = true;
        }
        if (!isnan(m) && m < best) {
            best = m;
            best_mode = mode;
            best_estimated = estimated;
        }
    }

    if (best_mode < 0) {
        const bool same_area = nonempty(c->area) && nonempty(j->area) &&
                               jm_strcasecmp(c->area, j->area) == 0;
        if (same_area && has_max) {
            jm_eval_score(ev, F, 1.0, "same area; maximum %s min", jm_num(n1, c->max_commute));
        } else if (same_area) {
            jm_eval_nodata(ev, F, "same area; no maximum commute stated");
        } else {
            const bool c_loc = (!isnan(c->lat) && !isnan(c->lon)) || nonempty(c->area);
            const bool j_loc = (!isnan(j->lat) && !isnan(j->lon)) || nonempty(j->area);
            if (!c_loc && !j_loc)
                jm_eval_nodata(ev, F, "neither the person's location nor the job's is known");
            else if (!c_loc)
                jm_eval_nodata(ev, F, "the person's location is unknown");
            else if (!j_loc)
                jm_eval_nodata(ev, F, "the job's location is unknown");
            else
                jm_eval_nodata(ev, F, "travel time unknown (no coordinates on both sides)");
        }
        return;
    }

    if (!jm_eval_explaining(ev)) {
        if (!has_max) {
            jm_eval_nodata(ev, F, "no maximum commute stated");
            return;
        }
        jm_eval_value(ev, F, jm_commute_score(best, c->max_commute, th->commute_full_share));
        if (best > c->max_commute)
            jm_eval_exclude(ev, F, NULL, "beyond the maximum commute");
        return;
    }

    jm_buf d;
    jm_buf_init(&d);
    jm_buf_printf(&d, "about %s min %s", jm_num(n1, display_minutes(best)), mode_phrase(best_mode));
    if (best_estimated)
        jm_buf_printf(&d, " (estimated from %s km)", jm_num(n2, round(km * 10.0) / 10.0));
    if (assumed)
        jm_buf_append(&d, "; modes not stated, public transport or walking assumed");
    else if (no_pt)
        jm_buf_append(&d, "; no public transport to the job");

    if (!has_max) {
        jm_buf_append(&d, "; no maximum commute stated");
        char *text = jm_buf_take(&d);
        jm_eval_nodata(ev, F, "%s", text ? text : "");
        free(text);
        return;
    }

    jm_buf_printf(&d, "; maximum %s", jm_num(n3, c->max_commute));
    const double score = jm_commute_score(best, c->max_commute, th->commute_full_share);
    char *text = jm_buf_take(&d);
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);

    if (best > c->max_commute)
        jm_eval_exclude(ev, F, lift, "about %s min %s; maximum %s",
                        jm_num(n1, display_minutes(best)), mode_phrase(best_mode),
                        jm_num(n2, c->max_commute));
}

/* The modes a pair travels by, as jm_factor_commute chooses them. */
static unsigned pair_modes(unsigned transport, int job_public_transport)
{
    unsigned modes = transport & ((1u << JM_TRANSPORT_COUNT) - 1u);
    if (modes == 0)
        modes = (1u << JM_TRANSPORT_PUBLIC) | (1u << JM_TRANSPORT_WALK);
    if (job_public_transport == JM_NO)
        modes &= ~(1u << JM_TRANSPORT_PUBLIC);
    return modes;
}

double jm_commute_reach_km(const jm_ccand *c, const jm_thresholds *th)
{
    if (isnan(c->lat) || isnan(c->lon) || isnan(c->max_commute))
        return NAN;
    unsigned modes = pair_modes(c->transport, JM_YES);
    double reach = -INFINITY;
    for (int mode = 0; mode < JM_TRANSPORT_COUNT; mode++) {
        if (!(modes & (1u << mode)))
            continue;
        double speed = th->speed_kmh[mode], detour = th->detour_factor, over = th->overhead_min[mode];
        if (!(speed > 0.0) || !isfinite(speed))
            return NAN; /* a mode without a speed: the factor may fall back on the area */
        if (isnan(detour) || detour <= 0.0)
            detour = 1.0;
        if (isnan(over) || over < 0.0)
            over = 0.0;
        reach = fmax(reach, (c->max_commute - over) / 60.0 * speed / detour);
    }
    return reach;
}

static JM_ALWAYS_INLINE double commute_value(const jm_cpair *pc, const jm_cjob *j,
                                             const jm_thresholds *th, unsigned *excl)
{
    const jm_ccand *c = pc->c;
    const size_t at = (size_t)(j - pc->js->recs);
    const unsigned modes = pair_modes(c->transport, pc->js->public_transport[at]);
    const bool has_max = !isnan(c->max_commute);
    if (modes == 0) {
        if (!has_max)
            return JM_KNODATA;
        ++*excl;
        return 0.0;
    }
    const double lat = pc->js->lat[at], lon = pc->js->lon[at];
    const bool coords = !isnan(c->lat) && !isnan(c->lon) && !isnan(lat) && !isnan(lon);
    double best = INFINITY;
    bool found = false;
    if (coords) {
        const double a = haversine_of(c->lat, c->lon, c->cos_lat, lat, lon, pc->js->cos_lat[at]);
        /* Beyond the row's reach (for every mode of the candidate's, a
         * superset of the pair's) by more than any rounding: every mode
         * takes longer than the maximum (score 0, excluded), as the travel
         * times below would say. */
        if (has_max && a > pc->row->reach_haversine) {
            ++*excl;
            return 0.0;
        }
        const double km = km_of_haversine(a);
        for (unsigned left = modes; left; left &= left - 1) {
            const int mode = __builtin_ctz(left);
            double m = jm_travel_minutes(km, th->detour_factor, th->speed_kmh[mode], th->overhead_min[mode]);
            if (!isnan(m) && m < best) {
                best = m;
                found = true;
            }
        }
    }
    if (!found) {
        const bool same_area = c->area && c->area == pc->js->area[at];
        return same_area && has_max ? 1.0 : JM_KNODATA;
    }
    if (!has_max)
        return JM_KNODATA;
    *excl += best > c->max_commute;
    return jm_eval_clamped(jm_commute_score(best, c->max_commute, th->commute_full_share));
}
JM_KERNEL_DEFINE_PAIR(commute, JM_FACTOR_COMMUTE)

#if JM_HAVE_VEC
static inline jm_vd4 vabs(jm_vd4 x)
{
    return (jm_vd4)((jm_vm4)x & (jm_vm4){ INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX });
}

/* hav_sin and hav_asin's series, where the argument is small */
static inline jm_vd4 vsin_small(jm_vd4 x)
{
    const jm_vd4 x2 = x * x;
    return x + x * x2 * (-1.0 / 6.0 + x2 * (1.0 / 120.0 - x2 * (1.0 / 5040.0)));
}

static inline jm_vd4 vasin_small(jm_vd4 y)
{
    const jm_vd4 y2 = y * y;
    return y + y * y2 * (1.0 / 6.0 + y2 * (3.0 / 40.0 + y2 * (15.0 / 336.0)));
}

/* Four jobs' places, from the set's columns (jm_cjobs.area and
 * public_transport): the lanes whose job is not reached by public
 * transport, and those in the candidate's area (none when the candidate's
 * is unknown), as masks. */
typedef uint32_t jm_vu32x4 __attribute__((vector_size(4 * sizeof(uint32_t))));
typedef int8_t jm_vi8x4 __attribute__((vector_size(4 * sizeof(int8_t))));
static JM_ALWAYS_INLINE void place_masks(const uint32_t *area, const int8_t *public_transport, uint32_t cand_area,
                                         jm_vm4 *no_public, jm_vm4 *here)
{
    jm_vu32x4 a;
    jm_vi8x4 pt;
    memcpy(&a, area, sizeof a);
    memcpy(&pt, public_transport, sizeof pt);
    const jm_vi8x4 no = { JM_NO, JM_NO, JM_NO, JM_NO };
    *no_public = __builtin_convertvector(pt == no, jm_vm4);
    const jm_vu32x4 mine = { cand_area, cand_area, cand_area, cand_area };
    *here = cand_area ? __builtin_convertvector(a == mine, jm_vm4) : (jm_vm4){ 0, 0, 0, 0 };
}

/* What the commute kernel works out once per row and block. */
typedef struct commute_row {
    jm_vd4 max, full, lat1, lon1, cos1, reach;
    double detour, speed[JM_TRANSPORT_COUNT], over[JM_TRANSPORT_COUNT];
    unsigned usable, modes_yes, modes_no;
    uint32_t area; /* the candidate's, 0 when unknown */
} commute_row;

/* commute_value for four jobs at once, a job per lane, as the series in
 * haversine_of and km_of_haversine give it: each step the same IEEE
 * operation as there, the cases as masks.  jobs[0 .. lanes) are the jobs,
 * lat, lon and cos their coordinates, no_public and here their places
 * (place_masks; four lanes, those past lanes any job's).  When a lane would call sin or asin (points farther apart than
 * about 100 km that are not beyond the row's reach), commute_value scores
 * the four jobs instead. */
static JM_ALWAYS_INLINE void commute_lanes(const jm_cpair *pc, const jm_thresholds *th, const commute_row *r,
                                           const jm_cjob *jobs, size_t lanes, jm_vd4 lat2, jm_vd4 lon2,
                                           jm_vd4 cos2, jm_vm4 no_public, jm_vm4 here, double *out,
                                           unsigned char *excl)
{
    const jm_vd4 zero = jm_v4splat(0.0), one = jm_v4splat(1.0), small = jm_v4splat(JM_SMALL_ANGLE);
    const double rad = JM_PI / 180.0;
    const jm_vm4 coords = (lat2 == lat2) & (lon2 == lon2);
    const jm_vd4 dp = (lat2 - r->lat1) * rad, dl = (lon2 - r->lon1) * rad;
    const jm_vd4 x1 = dp / 2.0, x2 = dl / 2.0;
    const jm_vd4 s1 = vsin_small(x1), s2 = vsin_small(x2);
    jm_vd4 a = s1 * s1 + r->cos1 * cos2 * s2 * s2;
    a = jm_v4sel(a < zero, zero, jm_v4sel(a > one, one, a)); /* jm_clamp */
    const jm_vm4 beyond = a > r->reach;
    /* a in [0, 1], or NaN without coordinates */
    const jm_vd4 root = { sqrt(a[0]), sqrt(a[1]), sqrt(a[2]), sqrt(a[3]) };
    const jm_vm4 series = (vabs(x1) < small) & (vabs(x2) < small) & (beyond | (root < small));
    if (jm_v4any(coords & ~series)) {
        for (size_t i = 0; i < lanes; i++) {
            unsigned x = 0;
            out[i] = commute_value(pc, &jobs[i], th, &x);
            excl[i] |= (unsigned char)(x != 0);
        }
        return;
    }
    const jm_vd4 km = 2.0 * JM_EARTH_RADIUS_KM * vasin_small(root);

    /* no mode for the pair (pair_modes): the candidate names none but
     * public transport and the job has none, or names none at all */
    const jm_vm4 none = { 0, 0, 0, 0 };
    const jm_vm4 modes0 = (r->modes_no == 0 ? no_public : none) | (r->modes_yes == 0 ? ~no_public : none);
    jm_vd4 best = jm_v4splat(INFINITY);
    jm_vm4 found = { 0, 0, 0, 0 };
    for (unsigned left = r->modes_yes & r->usable; left; left &= left - 1) {
        const int m = __builtin_ctz(left);
        const jm_vm4 in_modes = (r->modes_no >> m) & 1u ? ~(jm_vm4){ 0, 0, 0, 0 } : ~no_public;
        const jm_vd4 minutes = km * r->detour / r->speed[m] * 60.0 + r->over[m];
        const jm_vm4 take = in_modes & (minutes < best);
        best = jm_v4sel(take, minutes, best);
        found |= take;
    }

    /* jm_commute_score, then jm_eval_clamped */
    const jm_vd4 max = r->max, full = r->full;
    jm_vd4 v = jm_v4sel(best <= full, one, jm_v4sel(best >= max, zero, (max - best) / (max - full)));
    v = jm_v4sel(v == v, v, zero);
    v = jm_v4sel(v < zero, zero, jm_v4sel(v > one, one, v));
    v = jm_v4sel(found, v, jm_v4sel(here, one, jm_v4splat(NAN)));
    const jm_vm4 far = coords & beyond;
    v = jm_v4sel(far | modes0, zero, v);
    const jm_vm4 excluded = modes0 | far | (found & (best > max));
    jm_v4store(out, excl, v, excluded, lanes);
}

/* The commute kernel over a block, four jobs at a time (commute_lanes),
 * their coordinates loaded from the set's columns.  Rows whose candidate
 * has no coordinates or no maximum commute (no haversine, or no score)
 * run commute_value. */
JM_BLOCK_CLONES
void jm_kblock_commute(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                       double *restrict out, unsigned char *restrict excl)
{
    const jm_ccand *c = pc->c;
    if (isnan(c->lat) || isnan(c->lon) || isnan(c->max_commute)) {
        for (size_t k = 0; k < n; k++) {
            unsigned x = 0;
            out[k] = commute_value(pc, &jobs[k], th, &x);
            excl[k] |= (unsigned char)(x != 0);
        }
        return;
    }
    commute_row r;
    r.modes_yes = pair_modes(c->transport, JM_YES);
    r.modes_no = pair_modes(c->transport, JM_NO);
    /* the modes' constants, sanitized as jm_travel_minutes does; a mode
     * without a positive speed gives NaN minutes, never the best */
    r.detour = th->detour_factor;
    if (isnan(r.detour) || r.detour <= 0.0)
        r.detour = 1.0;
    r.usable = 0;
    for (int m = 0; m < JM_TRANSPORT_COUNT; m++) {
        r.speed[m] = th->speed_kmh[m];
        r.over[m] = th->overhead_min[m];
        if (isnan(r.over[m]) || r.over[m] < 0.0)
            r.over[m] = 0.0;
        if (r.speed[m] > 0.0)
            r.usable |= 1u << m;
    }
    const double full_share = isnan(th->commute_full_share) ? 0.0 : jm_clamp(th->commute_full_share, 0.0, 1.0);
    r.max = jm_v4splat(c->max_commute);
    r.full = jm_v4splat(full_share * c->max_commute);
    r.lat1 = jm_v4splat(c->lat);
    r.lon1 = jm_v4splat(c->lon);
    r.cos1 = jm_v4splat(c->cos_lat);
    r.reach = jm_v4splat(pc->row->reach_haversine);
    r.area = c->area;

    const size_t first = (size_t)(jobs - pc->js->recs);
    const double *col_lat = pc->js->lat + first, *col_lon = pc->js->lon + first;
    const double *col_cos = pc->js->cos_lat + first;
    const uint32_t *col_area = pc->js->area + first;
    const int8_t *col_pt = pc->js->public_transport + first;
    size_t k = 0;
    for (; k + JM_VLANES4 <= n; k += JM_VLANES4) {
        jm_vd4 lat2, lon2, cos2;
        jm_vm4 no_public, here;
        memcpy(&lat2, col_lat + k, sizeof lat2);
        memcpy(&lon2, col_lon + k, sizeof lon2);
        memcpy(&cos2, col_cos + k, sizeof cos2);
        place_masks(col_area + k, col_pt + k, r.area, &no_public, &here);
        commute_lanes(pc, th, &r, jobs + k, JM_VLANES4, lat2, lon2, cos2, no_public, here, out + k, excl + k);
    }
    if (k < n) {
        /* the last jobs, the lanes past them repeating the last */
        jm_vd4 lat2, lon2, cos2;
        jm_vm4 no_public, here;
        uint32_t area[JM_VLANES4];
        int8_t pt[JM_VLANES4];
        for (size_t i = 0; i < JM_VLANES4; i++) {
            const size_t at = k + i < n ? k + i : n - 1;
            lat2[i] = col_lat[at];
            lon2[i] = col_lon[at];
            cos2[i] = col_cos[at];
            area[i] = col_area[at];
            pt[i] = col_pt[at];
        }
        place_masks(area, pt, r.area, &no_public, &here);
        commute_lanes(pc, th, &r, jobs + k, n - k, lat2, lon2, cos2, no_public, here, out + k, excl + k);
    }
}
#else
JM_KERNEL_DEFINE_BLOCK(jm_kblock_commute, commute)
#endif
