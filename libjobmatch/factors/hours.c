/*
 * The hours factor: hours per week the job offers against the person's
 * {min, ideal, max}.
 *
 * The person's range: a missing min is 0, a missing max 168 (open); a
 * missing ideal is the midpoint of min and max, or the min when the max is
 * open ("at least 30").  The job's range: a bound left out equals the other
 * (a job of "20 hours"), as the JSON reader reads it.  The person works
 * their ideal clamped into the job's range (jm_hours_expected); that many
 * hours score 1 at the ideal, falling linearly to hours_inside_min at the
 * edges of the person's range, then linearly to 0 over hours_falloff hours
 * beyond them.
 *
 * With firm hours the person's stated min and max are deal-breakers: a job
 * whose stated minimum exceeds the person's maximum, or whose stated maximum
 * is below the person's minimum, is excluded (a bound the job does not state
 * never excludes).
 */
#include "kernel.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define JM_WEEK_HOURS 168.0

/* The formula, inlined where the factor code and the kernel use it;
 * jm_hours_score_at is its entry for the tests. */
static inline double hours_score_at(double h, double min, double ideal, double max, double inside_min,
                                    double falloff)
{
    if (isnan(h) || isnan(min) || isnan(ideal) || isnan(max))
        return NAN;
    inside_min = jm_clamp(inside_min, 0.0, 1.0);
    if (h == ideal)
        return 1.0;
    if (h >= min && h < ideal)
        return 1.0 - (1.0 - inside_min) * (ideal - h) / (ideal - min);
    if (h > ideal && h <= max)
        return 1.0 - (1.0 - inside_min) * (h - ideal) / (max - ideal);
    double beyond = h < min ? min - h : h - max;
    if (!(falloff > 0.0) || beyond >= falloff)
        return 0.0;
    return inside_min * (1.0 - beyond / falloff);
}

double jm_hours_score_at(double h, double min, double ideal, double max, double inside_min,
                         double falloff)
{
    return hours_score_at(h, min, ideal, max, inside_min, falloff);
}

/* The person's effective range; false when they stated no preference (no
 * ideal, and neither a minimum above 0 nor a maximum below 168). */
bool jm_hours_candidate_range(const jm_candidate *c, double *min, double *ideal, double *max)
{
    double lo = isnan(c->hours_min) ? 0.0 : c->hours_min;
    double hi = isnan(c->hours_max) ? JM_WEEK_HOURS : c->hours_max;
    double id = c->hours_ideal;
    if (isnan(id)) {
        if (lo <= 0.0 && hi >= JM_WEEK_HOURS)
            return false;
        /* The midpoint; with an open maximum ("at least 30") the minimum. */
        id = hi >= JM_WEEK_HOURS ? lo : (lo + hi) / 2.0;
    }
    *min = fmin(lo, id);
    *max = fmax(hi, id);
    *ideal = id;
    return true;
}

/* The job's effective range; false when it states no hours.  A bound left
 * out equals the other (a job of "20 hours"), as the JSON reader reads it. */
bool jm_hours_job_range(double raw_min, double raw_max, double *min, double *max)
{
    if (isnan(raw_min) && isnan(raw_max))
        return false;
    *min = isnan(raw_min) ? raw_max : raw_min;
    *max = isnan(raw_max) ? raw_min : raw_max;
    if (*max < *min)
        *max = *min;
    return true;
}

double jm_hours_expected(const jm_candidate *c, const jm_job *j)
{
    double cmin, ideal, cmax, jmin, jmax;
    if (!jm_hours_candidate_range(c, &cmin, &ideal, &cmax) || !jm_hours_job_range(j->hours_min, j->hours_max, &jmin, &jmax))
        return NAN;
    return jm_clamp(ideal, jmin, jmax);
}

static void describe_job(jm_buf *d, double jmin, double jmax)
{
    char a[32], b[32];
    if (jmin == jmax)
        jm_buf_printf(d, "job offers %s h/week", jm_num(a, jmin));
    else
        jm_buf_printf(d, "job offers %s-%s h/week", jm_num(a, jmin), jm_num(b, jmax));
}

static void describe_person(jm_buf *d, const jm_candidate *c)
{
    char a[32], b[32];
    const bool has_min = !isnan(c->hours_min) && c->hours_min > 0.0;
    const bool has_max = !isnan(c->hours_max) && c->hours_max < JM_WEEK_HOURS;
    const bool has_ideal = !isnan(c->hours_ideal);
    jm_buf range;
    jm_buf_init(&range);
    if (has_min && has_max)
        jm_buf_printf(&range, "%s-%s", jm_num(a, c->hours_min), jm_num(b, c->hours_max));
    else if (has_max)
        jm_buf_printf(&range, "at most %s", jm_num(a, c->hours_max));
    else if (has_min)
        jm_buf_printf(&range, "at least %s", jm_num(a, c->hours_min));
    if (c->hours_firm && (has_min || has_max))
        jm_buf_append(&range, ", firm");

    jm_buf_append(d, "; person prefers ");
    if (has_ideal) {
        jm_buf_append(d, jm_num(a, c->hours_ideal));
        if (range.len)
            jm_buf_printf(d, " (%s)", range.data);
    } else {
        jm_buf_append(d, range.len ? range.data : "any hours");
    }
    jm_buf_free(&range);
}

void jm_factor_hours(jm_eval *ev)
{
    const int F = JM_FACTOR_HOURS;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;
    char n1[32], n2[32], n3[32];

    double cmin, ideal, cmax, jmin, jmax;
    const bool has_c = jm_hours_candidate_range(c, &cmin, &ideal, &cmax);
    const bool has_j = jm_hours_job_range(j->hours_min, j->hours_max, &jmin, &jmax);
    if (!has_c || !has_j) {
        if (!has_c && !has_j)
            jm_eval_nodata(ev, F, "neither the person's hours nor the job's are known");
        else if (!has_c)
            jm_eval_nodata(ev, F, "the person stated no hours preference");
        else
            jm_eval_nodata(ev, F, "the job's hours are unknown");
        return;
    }

    const double h = jm_clamp(ideal, jmin, jmax);
    const double score = hours_score_at(h, cmin, ideal, cmax, th->hours_inside_min,
                                        th->hours_falloff);

    if (jm_eval_explaining(ev)) {
        jm_buf d;
        jm_buf_init(&d);
        describe_job(&d, jmin, jmax);
        describe_person(&d, c);
        if (h != ideal)
            jm_buf_printf(&d, "; about %s h/week here", jm_num(n1, h));
        char *text = jm_buf_take(&d);
        jm_eval_score(ev, F, score, "%s", text ? text : "");
        free(text);
    } else {
        jm_eval_value(ev, F, score);
    }

    if (!c->hours_firm)
        return;
    const bool over = !isnan(c->hours_max) && !isnan(j->hours_min) && j->hours_min > c->hours_max;
    const bool under = !isnan(c->hours_min) && !isnan(j->hours_max) && j->hours_max < c->hours_min;
    if (!jm_eval_explaining(ev)) {
        if (over)
            jm_eval_excluded(ev, F);
        if (under)
            jm_eval_excluded(ev, F);
        return;
    }
    if (over) {
        char lift[160];
        snprintf(lift, sizeof lift,
                 "feasible if the employer agrees to %s h/week or fewer "
                 "(job carving / reduced hours)",
                 jm_num(n3, c->hours_max));
        jm_eval_exclude(ev, F, lift, "job needs at least %s h/week; firm maximum %s",
                        jm_num(n1, j->hours_min), jm_num(n2, c->hours_max));
    }
    if (under) {
        char lift[160];
        snprintf(lift, sizeof lift,
                 "feasible if the employer can offer %s h/week or more (extra hours or shifts)",
                 jm_num(n3, c->hours_min));
        jm_eval_exclude(ev, F, lift, "job offers at most %s h/week; firm minimum %s",
                        jm_num(n1, j->hours_max), jm_num(n2, c->hours_min));
    }
}

double jm_hours_expected_c(const jm_ccand *c, double job_min, double job_max)
{
    double jmin, jmax;
    if (!c->has_hours || !jm_hours_job_range(job_min, job_max, &jmin, &jmax))
        return NAN;
    return jm_clamp((double)c->h_ideal, jmin, jmax);
}

static JM_ALWAYS_INLINE double hours_value(const jm_cpair *pc, const jm_cjob *j,
                                           const jm_thresholds *th, unsigned *excl)
{
    const jm_ccand *c = pc->c;
    const size_t at = (size_t)(j - pc->js->recs);
    const double job_min = pc->js->hours_min[at], job_max = pc->js->hours_max[at];
    double jmin, jmax;
    if (!c->has_hours || !jm_hours_job_range(job_min, job_max, &jmin, &jmax))
        return JM_KNODATA;
    /* single precision holds the candidate's range exactly (compile_candidates.c) */
    const double ideal = c->h_ideal, raw_min = c->h_raw_min, raw_max = c->h_raw_max;
    const double h = jm_clamp(ideal, jmin, jmax);
    const double v = jm_eval_clamped(hours_score_at(h, c->h_min, ideal, c->h_max, th->hours_inside_min,
                                              th->hours_falloff));
    if (c->hours_firm) {
        *excl += !isnan(raw_max) && !isnan(job_min) && job_min > raw_max;
        *excl += !isnan(raw_min) && !isnan(job_max) && job_max < raw_min;
    }
    return v;
}
JM_KERNEL_DEFINE_PAIR(hours, JM_FACTOR_HOURS)

#if JM_HAVE_VEC
/* hours_value for four jobs at once, a job per lane (their hours loaded
 * from the set's columns): jm_hours_job_range,
 * the clamp of the ideal into the job's range and hours_score_at with
 * their cases as masks, each case's formula as written there (a case not
 * taken may divide by zero: its lanes are not selected). */
JM_BLOCK_CLONES
void jm_kblock_hours(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                     double *restrict out, unsigned char *restrict excl)
{
    const jm_ccand *c = pc->c;
    if (!c->has_hours) {
        for (size_t k = 0; k < n; k++)
            out[k] = JM_KNODATA;
        return;
    }
    const double ideal_s = c->h_ideal, min_s = c->h_min, max_s = c->h_max;
    const double raw_min_s = c->h_raw_min, raw_max_s = c->h_raw_max, falloff_s = th->hours_falloff;
    const double inside_min_s = jm_clamp(th->hours_inside_min, 0.0, 1.0);
    /* hours_score_at's test of its arguments: the candidate's are the row's */
    const bool row_nan = isnan(min_s) || isnan(ideal_s) || isnan(max_s);
    const jm_vd4 ideal = jm_v4splat(ideal_s), min = jm_v4splat(min_s), max = jm_v4splat(max_s);
    const jm_vd4 one = jm_v4splat(1.0), zero = jm_v4splat(0.0), nan = jm_v4splat(NAN);
    const jm_vd4 inside_min = jm_v4splat(inside_min_s), falloff = jm_v4splat(falloff_s);
    const jm_vd4 raw_min = jm_v4splat(raw_min_s), raw_max = jm_v4splat(raw_max_s);
    const jm_vm4 falloff_ok = jm_v4mask_of(falloff_s > 0.0), firm = jm_v4mask_of(c->hours_firm);
    const jm_vm4 has_raw_min = jm_v4mask_of(!isnan(raw_min_s)), has_raw_max = jm_v4mask_of(!isnan(raw_max_s));
    const size_t first = (size_t)(jobs - pc->js->recs);
    const double *col_min = pc->js->hours_min + first, *col_max = pc->js->hours_max + first;
    for (size_t k = 0; k < n; k += JM_VLANES4) {
        const size_t lanes = n - k < JM_VLANES4 ? n - k : JM_VLANES4;
        jm_vd4 jr_min, jr_max;
        if (lanes == JM_VLANES4) {
            memcpy(&jr_min, col_min + k, sizeof jr_min);
            memcpy(&jr_max, col_max + k, sizeof jr_max);
        } else {
            for (size_t i = 0; i < JM_VLANES4; i++) { /* the lanes past the block repeat its last job */
                const size_t at = k + i < n ? k + i : n - 1;
                jr_min[i] = col_min[at];
                jr_max[i] = col_max[at];
            }
        }
        const jm_vm4 known_min = jr_min == jr_min, known_max = jr_max == jr_max;
        const jm_vm4 has_data = known_min | known_max;
        const jm_vd4 jmin = jm_v4sel(known_min, jr_min, jr_max);
        jm_vd4 jmax = jm_v4sel(known_max, jr_max, jr_min);
        jmax = jm_v4sel(jmax < jmin, jmin, jmax);
        const jm_vd4 h = jm_v4sel(ideal < jmin, jmin, jm_v4sel(ideal > jmax, jmax, ideal));

        const jm_vd4 below_ideal = one - (one - inside_min) * (ideal - h) / (ideal - min);
        const jm_vd4 above_ideal = one - (one - inside_min) * (h - ideal) / (max - ideal);
        const jm_vd4 beyond = jm_v4sel(h < min, min - h, h - max);
        const jm_vd4 outside =
            jm_v4and(falloff_ok & ~(beyond >= falloff), inside_min * (one - beyond / falloff));
        jm_vd4 v = jm_v4sel((h > ideal) & (h <= max), above_ideal, outside);
        v = jm_v4sel((h >= min) & (h < ideal), below_ideal, v);
        v = jm_v4sel(h == ideal, one, v);
        v = jm_v4sel(h == h, v, nan);
        /* jm_eval_clamped */
        v = jm_v4sel(v == v, v, zero);
        v = jm_v4sel(v < zero, zero, jm_v4sel(v > one, one, v));
        /* a row whose range hours_score_at rejects scores 0 where a job has data */
        v = jm_v4sel(has_data, row_nan ? zero : v, nan);

        const jm_vm4 over = has_raw_max & known_min & (jr_min > raw_max);
        const jm_vm4 under = has_raw_min & known_max & (jr_max < raw_min);
        const jm_vm4 excluded = firm & has_data & (over | under);
        jm_v4store(out + k, excl + k, v, excluded, lanes);
    }
}
#else
JM_KERNEL_DEFINE_BLOCK(jm_kblock_hours, hours)
#endif
