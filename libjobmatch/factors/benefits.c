/*
 * The benefits factor: the hours and earnings a job would bring against the
 * person's benefits constraint (maximum hours per week, maximum earnings per
 * week or month) and their goal (stay on benefits, exit, undecided).
 *
 * Hours worked are the person's expected hours at this job
 * (jm_hours_expected), or the job's minimum (then maximum) when that is
 * unknown.  Weekly earnings are hours x hourly wage; a monthly limit compares
 * weekly earnings x 52 / 12.  The score is the lower of the hours and the
 * earnings limit scores.  A goal of exit scores 1 (leaving benefits is the
 * aim), with a note when the job would go beyond the limits.  Beyond a limit
 * the coach is told to refer the person to benefits counselling; a firm
 * constraint excludes the pair, with what would lift it.
 */
#include "kernel.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

double jm_benefits_limit_score(double value, double limit, double falloff)
{
    if (isnan(limit) || isnan(value) || value <= limit)
        return 1.0;
    if (!(falloff > 0.0))
        return 0.0;
    double top = limit * (1.0 + falloff);
    if (value >= top)
        return 0.0;
    return (top - value) / (top - limit);
}

/* The hours the person would work at this job, NaN when unknown. */
static double expected_hours(const jm_candidate *c, const jm_job *j)
{
    double h = jm_hours_expected(c, j);
    if (isnan(h))
        h = j->hours_min;
    if (isnan(h))
        h = j->hours_max;
    return h;
}

void jm_factor_benefits(jm_eval *ev)
{
    const int F = JM_FACTOR_BENEFITS;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_benefits *b = &c->benefits;
    const double falloff = ev->p->th.benefits_falloff;
    char n1[32], n2[32], n3[32];

    if (!b->set) {
        jm_eval_nodata(ev, F, "no benefits constraint stated");
        return;
    }
    if (isnan(b->max_hours) && isnan(b->max_earnings)) {
        jm_eval_nodata(ev, F, "the benefits constraint sets no limit");
        return;
    }

    const double h = expected_hours(c, j);
    const double wage = j->wage;
    const bool monthly = b->period == JM_PERIOD_MONTH;
    const char *per = monthly ? "month" : "week";

    /* Which limits can be checked with what the job says. */
    const bool check_hours = !isnan(b->max_hours) && !isnan(h);
    const bool check_earn = !isnan(b->max_earnings) && !isnan(h) && !isnan(wage);
    if (!check_hours && !check_earn) {
        if (isnan(h) && isnan(wage))
            jm_eval_nodata(ev, F, "the job's hours and wage are unknown");
        else if (isnan(h))
            jm_eval_nodata(ev, F, "the job's hours are unknown");
        else
            jm_eval_nodata(ev, F, "the job's wage is unknown");
        return;
    }

    double score = 1.0;
    bool over_hours = false, over_earn = false;
    double earnings = NAN;
    const bool explain = jm_eval_explaining(ev);
    jm_buf detail;
    jm_buf_init(&detail);

    if (check_hours) {
        double s = jm_benefits_limit_score(h, b->max_hours, falloff);
        over_hours = h > b->max_hours;
        score = fmin(score, s);
        if (explain)
            jm_buf_printf(&detail, "about %s h/week, %s the limit of %s h/week", jm_num(n1, h),
                          over_hours ? "over" : "within", jm_num(n2, b->max_hours));
    }
    if (check_earn) {
        earnings = h * wage;
        if (monthly)
            earnings = earnings * 52.0 / 12.0;
        double s = jm_benefits_limit_score(earnings, b->max_earnings, falloff);
        over_earn = earnings > b->max_earnings;
        score = fmin(score, s);
        if (explain)
            jm_buf_printf(&detail, "%searnings about %s per %s, %s the limit of %s",
                          check_hours ? "; " : "", jm_num(n1, earnings), per,
                          over_earn ? "over" : "within", jm_num(n2, b->max_earnings));
    }
    if (explain && !isnan(b->max_earnings) && !check_earn)
        jm_buf_append(&detail, "; earnings unknown (no wage)");

    const bool over = over_hours || over_earn;
    if (!explain) {
        /* the same decisions as below, without the text */
        jm_eval_value(ev, F, b->goal == JM_GOAL_EXIT ? 1.0 : score);
        if (b->goal != JM_GOAL_EXIT && b->firm)
            ev->n_excluded += (size_t)over_hours + (size_t)over_earn;
        return;
    }

    if (b->goal == JM_GOAL_EXIT) {
        jm_buf_append(&detail, "; the goal is to move off benefits");
        char *text = jm_buf_take(&detail);
        if (!text && !ev->error)
            ev->error = JM_ENOMEM;
        jm_eval_score(ev, F, 1.0, "%s", text ? text : "");
        free(text);
        if (over)
            jm_eval_note(ev, "above the benefit limits: refer to benefits counselling before "
                             "accepting");
        return;
    }

    char *text = jm_buf_take(&detail);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);
    if (!over)
        return;

    if (over_hours && over_earn)
        jm_eval_note(ev, "hours and earnings over the benefit limits: refer to benefits counselling");
    else if (over_hours)
        jm_eval_note(ev, "hours over the benefit limit: refer to benefits counselling");
    else
        jm_eval_note(ev, "earnings over the benefit limit: refer to benefits counselling");

    if (!b->firm)
        return;
    if (over_hours) {
        char lift[160];
        snprintf(lift, sizeof lift, "feasible at %s h/week or fewer, or after benefits counselling",
                 jm_num(n3, b->max_hours));
        jm_eval_exclude(ev, F, lift, "about %s h/week, over the benefit limit of %s", jm_num(n1, h),
                        jm_num(n2, b->max_hours));
    }
    if (over_earn) {
        /* The hours at which earnings stay within the limit, at this wage. */
        double weekly_limit = monthly ? b->max_earnings * 12.0 / 52.0 : b->max_earnings;
        double h_ok = wage > 0.0 ? weekly_limit / wage : NAN;
        char lift[160];
        if (!isnan(h_ok))
            snprintf(lift, sizeof lift,
                     "feasible at %s h/week or fewer at this wage, or after benefits counselling",
                     jm_num(n3, floor(h_ok * 100.0) / 100.0));
        else
            snprintf(lift, sizeof lift, "feasible after benefits counselling");
        jm_eval_exclude(ev, F, lift, "earnings about %s per %s, over the benefit limit of %s",
                        jm_num(n1, earnings), per, jm_num(n2, b->max_earnings));
    }
}

/* The benefit limits of pc's candidate, NULL when it has none: then the
 * factor has no data for any job. */
static JM_ALWAYS_INLINE const jm_cbenefits *row_limits(const jm_cpair *pc)
{
    const jm_ccand *c = pc->c;
    const jm_cbenefits *b = c->benefits == JM_NO_BLOCK ? NULL : jm_blockpool_at(&pc->cs->benefits, c->benefits);
    return !b || (isnan(b->max_hours) && isnan(b->max_earnings)) ? NULL : b;
}

/* The factor's value for pc's candidate, of limits b (row_limits), and job j. */
static JM_ALWAYS_INLINE double limits_value(const jm_cpair *pc, const jm_cbenefits *b, const jm_cjob *j,
                                            const jm_thresholds *th, unsigned *excl)
{
    const jm_ccand *c = pc->c;
    const double falloff = th->benefits_falloff;
    const size_t at = (size_t)(j - pc->js->recs);
    const double job_min = pc->js->hours_min[at], job_max = pc->js->hours_max[at];
    double h = jm_hours_expected_c(c, job_min, job_max);
    if (isnan(h))
        h = job_min;
    if (isnan(h))
        h = job_max;
    const double wage = pc->js->wage[at];
    const bool check_hours = !isnan(b->max_hours) && !isnan(h);
    const bool check_earn = !isnan(b->max_earnings) && !isnan(h) && !isnan(wage);
    if (!check_hours && !check_earn)
        return JM_KNODATA;
    double score = 1.0;
    bool over_hours = false, over_earn = false;
    if (check_hours) {
        score = fmin(score, jm_benefits_limit_score(h, b->max_hours, falloff));
        over_hours = h > b->max_hours;
    }
    if (check_earn) {
        double earnings = h * wage;
        if (b->period == JM_PERIOD_MONTH)
            earnings = earnings * 52.0 / 12.0;
        score = fmin(score, jm_benefits_limit_score(earnings, b->max_earnings, falloff));
        over_earn = earnings > b->max_earnings;
    }
    if (b->goal != JM_GOAL_EXIT && b->firm)
        *excl += (unsigned)over_hours + (unsigned)over_earn;
    return jm_eval_clamped(b->goal == JM_GOAL_EXIT ? 1.0 : score);
}

static JM_ALWAYS_INLINE double benefits_value(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                                              unsigned *excl)
{
    const jm_cbenefits *b = row_limits(pc);
    return b ? limits_value(pc, b, j, th, excl) : JM_KNODATA;
}
JM_KERNEL_DEFINE_PAIR(benefits, JM_FACTOR_BENEFITS)

#if JM_HAVE_VEC
/* jm_benefits_limit_score in four lanes (falloff_ok: falloff > 0). */
static JM_ALWAYS_INLINE jm_vd4 limit_score4(jm_vd4 value, jm_vd4 limit, jm_vd4 falloff, jm_vm4 falloff_ok)
{
    const jm_vd4 one = jm_v4splat(1.0);
    const jm_vd4 top = limit * (one + falloff);
    const jm_vd4 within = jm_v4and(falloff_ok & (value < top), (top - value) / (top - limit));
    return jm_v4sel((limit != limit) | (value != value) | (value <= limit), one, within);
}

/* limits_value for four jobs at once, a job per lane, from the set's
 * columns (hours and wage): each step the same IEEE operation as there,
 * the cases as masks (the scores are never NaN, so fmin is a selection). */
static JM_ALWAYS_INLINE void limits_lanes(const jm_ccand *c, const jm_cbenefits *b, const jm_thresholds *th,
                                          jm_vd4 jr_min, jm_vd4 jr_max, jm_vd4 wage, jm_vd4 *value,
                                          jm_vm4 *excluded)
{
    const jm_vd4 one = jm_v4splat(1.0), zero = jm_v4splat(0.0), nan = jm_v4splat(NAN);
    const jm_vd4 falloff = jm_v4splat(th->benefits_falloff);
    const jm_vm4 falloff_ok = jm_v4mask_of(th->benefits_falloff > 0.0);
    /* jm_hours_expected_c, then the job's minimum, then its maximum */
    const jm_vm4 known_min = jr_min == jr_min, known_max = jr_max == jr_max;
    const jm_vd4 jmin = jm_v4sel(known_min, jr_min, jr_max);
    jm_vd4 jmax = jm_v4sel(known_max, jr_max, jr_min);
    jmax = jm_v4sel(jmax < jmin, jmin, jmax);
    const jm_vd4 ideal = jm_v4splat(c->h_ideal);
    jm_vd4 h = jm_v4sel(ideal < jmin, jmin, jm_v4sel(ideal > jmax, jmax, ideal));
    h = jm_v4sel(jm_v4mask_of(c->has_hours) & (known_min | known_max), h, nan);
    h = jm_v4sel(h == h, h, jr_min);
    h = jm_v4sel(h == h, h, jr_max);

    const jm_vd4 max_hours = jm_v4splat(b->max_hours), max_earnings = jm_v4splat(b->max_earnings);
    const jm_vm4 check_hours = jm_v4mask_of(!isnan(b->max_hours)) & (h == h);
    const jm_vm4 check_earn = jm_v4mask_of(!isnan(b->max_earnings)) & (h == h) & (wage == wage);
    jm_vd4 score = one;
    const jm_vd4 s_hours = limit_score4(h, max_hours, falloff, falloff_ok);
    score = jm_v4sel(check_hours & (s_hours < score), s_hours, score);
    const jm_vm4 over_hours = check_hours & (h > max_hours);
    jm_vd4 earnings = h * wage;
    if (b->period == JM_PERIOD_MONTH)
        earnings = earnings * 52.0 / 12.0;
    const jm_vd4 s_earn = limit_score4(earnings, max_earnings, falloff, falloff_ok);
    score = jm_v4sel(check_earn & (s_earn < score), s_earn, score);
    const jm_vm4 over_earn = check_earn & (earnings > max_earnings);
    const bool exit = b->goal == JM_GOAL_EXIT;
    *excluded = jm_v4mask_of(!exit && b->firm) & (over_hours | over_earn);
    /* jm_eval_clamped; no data when neither limit can be checked */
    jm_vd4 v = exit ? one : score;
    v = jm_v4sel(v == v, v, zero);
    v = jm_v4sel(v < zero, zero, jm_v4sel(v > one, one, v));
    *value = jm_v4sel(check_hours | check_earn, v, nan);
}
#endif

/* benefits_value over a block, the row's limits looked up once: most
 * candidates have none, and no data for every job; the others run four
 * jobs at a time (limits_lanes), the lanes past the block repeating its
 * last job and stored nowhere. */
JM_BLOCK_CLONES
void jm_kblock_benefits(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                        double *restrict out, unsigned char *restrict excl)
{
    const jm_cbenefits *b = row_limits(pc);
    if (!b) {
        for (size_t k = 0; k < n; k++)
            out[k] = JM_KNODATA;
        return;
    }
#if JM_HAVE_VEC
    const size_t first = (size_t)(jobs - pc->js->recs);
    const double *col_min = pc->js->hours_min + first, *col_max = pc->js->hours_max + first;
    const double *col_wage = pc->js->wage + first;
    for (size_t k = 0; k < n; k += JM_VLANES4) {
        const size_t lanes = n - k < JM_VLANES4 ? n - k : JM_VLANES4;
        jm_vd4 jr_min, jr_max, wage, v;
        jm_vm4 excluded;
        for (size_t i = 0; i < JM_VLANES4; i++) {
            const size_t at = k + i < n ? k + i : n - 1;
            jr_min[i] = col_min[at];
            jr_max[i] = col_max[at];
            wage[i] = col_wage[at];
        }
        limits_lanes(pc->c, b, th, jr_min, jr_max, wage, &v, &excluded);
        jm_v4store(out + k, excl + k, v, excluded, lanes);
    }
#else
    for (size_t k = 0; k < n; k++) {
        unsigned x = 0;
        out[k] = limits_value(pc, b, &jobs[k], th, &x);
        excl[k] |= (unsigned char)(x != 0);
    }
#endif
}
