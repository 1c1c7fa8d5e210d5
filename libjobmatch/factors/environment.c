/*
 * The environment factor: the job's levels on the shared 0..4 scales (noise,
 * outdoor work, temperature, pace, time pressure, public contact, teamwork,
 * routine) against the person's tolerances.
 *
 * Per dimension rated on both sides (the job's level known, the person gave
 * a tolerance): 1 inside the person's [min, max] (a missing min is 0, a
 * missing max 4), else 1 - excess / env_excess_span, not below 0.  The score
 * is the mean weighted by importance_weight[importance].  A dimension marked
 * "must" whose level lies outside the range excludes the pair (the person's
 * own deal-breaker), with the restructuring that would lift it.
 */
#include "kernel.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The formula, inlined where the factor code and the kernel use it (with
 * the level and the bounds known: not NaN); jm_env_dimension_score is its
 * entry for the tests. */
static inline double env_bounded_score(double level, double min, double max, double span)
{
    double excess = level < min ? min - level : (level > max ? level - max : 0.0);
    if (excess <= 0.0)
        return 1.0;
    if (!(span > 0.0))
        return 0.0;
    const double s = 1.0 - excess / span;
    return s > 0.0 ? s : 0.0; /* fmax(0.0, s), without the call into libm (s is never -0) */
}

static inline double env_dimension_score(double level, double min, double max, double span)
{
    if (isnan(level))
        return NAN;
    if (isnan(min))
        min = 0.0;
    if (isnan(max))
        max = 4.0;
    return env_bounded_score(level, min, max, span);
}

double jm_env_dimension_score(double level, double min, double max, double span)
{
    return env_dimension_score(level, min, max, span);
}

static const char *dim_label(int d)
{
    static const char *const labels[JM_ENV_COUNT] = {
        "noise", "outdoor work", "temperature", "pace", "time pressure", "public contact",
        "teamwork", "routine"};
    return d >= 0 && d < JM_ENV_COUNT ? labels[d] : "?";
}

typedef struct dim_result {
    int dim;
    double score;
    bool above; /* level above the person's max (else below their min) */
} dim_result;

void jm_factor_environment(jm_eval *ev)
{
    const int F = JM_FACTOR_ENVIRONMENT;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;
    char n1[32], n2[32];

    double wsum = 0.0, sum = 0.0;
    int rated = 0, person_dims = 0, job_dims = 0;
    dim_result outside[JM_ENV_COUNT];
    int n_outside = 0;

    for (int d = 0; d < JM_ENV_COUNT; d++) {
        const jm_env_tolerance *t = &c->env[d];
        const double level = j->env[d];
        const bool has_t = t->importance >= JM_IMPORTANCE_LOW && t->importance <= JM_IMPORTANCE_MUST;
        person_dims += has_t;
        job_dims += !isnan(level);
        if (!has_t || isnan(level))
            continue;
        const double lo = isnan(t->min) ? 0.0 : t->min;
        const double hi = isnan(t->max) ? 4.0 : t->max;
        const double s = env_bounded_score(level, lo, hi, th->env_excess_span); /* none NaN */
        const double w = th->importance_weight[t->importance];
        rated++;
        if (w > 0.0) {
            wsum += w;
            sum += w * s;
        }
        if (level < lo || level > hi) {
            outside[n_outside].dim = d;
            outside[n_outside].score = s;
            outside[n_outside].above = level > hi;
            n_outside++;
            if (t->importance == JM_IMPORTANCE_MUST && !jm_eval_explaining(ev)) {
                jm_eval_excluded(ev, F);
            } else if (t->importance == JM_IMPORTANCE_MUST) {
                char lift[200];
                if (level > hi) {
                    snprintf(lift, sizeof lift,
                             "feasible if the job can be restructured to keep %s at or below %s",
                             dim_label(d), jm_num(n1, hi));
                    jm_eval_exclude(ev, F, lift, "%s %s exceeds the person's limit of %s (a must)",
                                    dim_label(d), jm_num(n1, level), jm_num(n2, hi));
                } else {
                    snprintf(lift, sizeof lift,
                             "feasible if the job can be restructured to bring %s to at least %s",
                             dim_label(d), jm_num(n1, lo));
                    jm_eval_exclude(ev, F, lift,
                                    "%s %s is below the person's minimum of %s (a must)",
                                    dim_label(d), jm_num(n1, level), jm_num(n2, lo));
                }
            }
        }
    }

    if (rated == 0) {
        if (person_dims == 0 && job_dims == 0)
            jm_eval_nodata(ev, F, "neither the person's tolerances nor the job's environment are known");
        else if (person_dims == 0)
            jm_eval_nodata(ev, F, "the person gave no environment tolerances");
        else if (job_dims == 0)
            jm_eval_nodata(ev, F, "the job's environment is unknown");
        else
            jm_eval_nodata(ev, F, "no environment dimension is known on both sides");
        return;
    }
    /* All weights zero: an unweighted mean keeps the factor meaningful. */
    double score;
    if (wsum > 0.0) {
        score = sum / wsum;
    } else {
        score = 0.0;
        for (int k = 0; k < n_outside; k++)
            score += outside[k].score - 1.0;
        score = 1.0 + score / rated;
    }
    if (!jm_eval_explaining(ev)) {
        jm_eval_value(ev, F, score);
        return;
    }

    jm_buf d;
    jm_buf_init(&d);
    if (n_outside == 0) {
        jm_buf_printf(&d, "within the person's tolerance on all %d rated dimension%s", rated,
                      rated == 1 ? "" : "s");
    } else {
        /* Worst first; equal scores keep the dimensions' order. */
        for (int a = 1; a < n_outside; a++) {
            dim_result x = outside[a];
            int b = a;
            while (b > 0 && outside[b - 1].score > x.score) {
                outside[b] = outside[b - 1];
                b--;
            }
            outside[b] = x;
        }
        jm_buf_printf(&d, "outside tolerance on %d of %d rated dimension%s: ", n_outside, rated,
                      rated == 1 ? "" : "s");
        int shown = n_outside < 3 ? n_outside : 3;
        for (int k = 0; k < shown; k++) {
            const int dm = outside[k].dim;
            const jm_env_tolerance *t = &c->env[dm];
            if (outside[k].above)
                jm_buf_printf(&d, "%s%s %s (limit %s)", k ? ", " : "", dim_label(dm),
                              jm_num(n1, j->env[dm]), jm_num(n2, isnan(t->max) ? 4.0 : t->max));
            else
                jm_buf_printf(&d, "%s%s %s (minimum %s)", k ? ", " : "", dim_label(dm),
                              jm_num(n1, j->env[dm]), jm_num(n2, isnan(t->min) ? 0.0 : t->min));
        }
        if (n_outside > shown)
            jm_buf_printf(&d, " and %d more", n_outside - shown);
    }
    char *text = jm_buf_take(&d);
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);
}

static JM_ALWAYS_INLINE double environment_value(const jm_cpair *pc, const jm_cjob *j,
                                                 const jm_thresholds *th, unsigned *excl)
{
    if (pc->c->env == JM_NO_BLOCK || j->env == JM_NO_BLOCK)
        return JM_KNODATA;
    const jm_crow *row = pc->row; /* the rated dimensions, decoded */
    const double *levels = jm_blockpool_at(&pc->js->envs, j->env);
    double wsum = 0.0, sum = 0.0, outside = 0.0;
    int rated = 0;
    for (int k = 0; k < row->env_n; k++) { /* the others are left out, as by the factor code */
        const double level = levels[row->env_dim[k]];
        if (isnan(level))
            continue;
        const double lo = row->env_lo[k], hi = row->env_hi[k];
        /* the weight is 0 when not positive: adding 0.0 and 0 * s leaves
         * the sums' bits, as skipping them in the factor code does */
        const double w = row->env_w[k];
        rated++;
        if (level < lo || level > hi) {
            const double s = env_bounded_score(level, lo, hi, th->env_excess_span); /* none NaN */
            wsum += w;
            sum += w * s;
            outside += s - 1.0;
            *excl += row->env_must[k] != 0;
        } else {
            wsum += w;
            sum += w; /* w * 1.0 */
        }
    }
    if (rated == 0)
        return JM_KNODATA;
    return jm_eval_clamped(wsum > 0.0 ? sum / wsum : 1.0 + outside / rated);
}
JM_KERNEL_DEFINE_PAIR(environment, JM_FACTOR_ENVIRONMENT)

#if JM_HAVE_VEC
/* A job's levels, or NaN on every dimension (a job without an
 * environment, or the lane past a block's last job). */
static const double NO_LEVELS[JM_ENV_COUNT] = { NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN };

static inline const double *job_levels(const jm_cpair *pc, const jm_cjob *j)
{
    return j->env == JM_NO_BLOCK ? NO_LEVELS : jm_blockpool_at(&pc->js->envs, j->env);
}

/* environment_value for four jobs at once, a job per lane: each lane adds
 * the same terms in the same order (a term left out adds +0.0), with
 * env_bounded_score's cases as masks.  Outside the bounds the excess is
 * positive, so the score is the span's; inside it is 1.  The lanes past a
 * block's last job read NO_LEVELS, and nothing is stored for them. */
JM_BLOCK_CLONES
void jm_kblock_environment(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                           double *restrict out, unsigned char *restrict excl)
{
    const jm_crow *row = pc->row;
    if (pc->c->env == JM_NO_BLOCK || row->env_n == 0) {
        for (size_t k = 0; k < n; k++)
            out[k] = JM_KNODATA;
        return;
    }
    const double span = th->env_excess_span;
    const jm_vm4 span_ok = jm_v4mask_of(span > 0.0);
    const jm_vd4 zero = jm_v4splat(0.0), one = jm_v4splat(1.0), vspan = jm_v4splat(span);
    for (size_t k = 0; k < n; k += JM_VLANES4) {
        const size_t lanes = n - k < JM_VLANES4 ? n - k : JM_VLANES4;
        const double *l[JM_VLANES4];
        for (size_t i = 0; i < JM_VLANES4; i++)
            l[i] = i < lanes ? job_levels(pc, &jobs[k + i]) : NO_LEVELS;
        jm_vd4 wsum = zero, sum = zero, outside = zero, rated = zero;
        jm_vm4 must = { 0, 0, 0, 0 };
        for (int d = 0; d < row->env_n; d++) {
            const int dim = row->env_dim[d];
            const jm_vd4 level = { l[0][dim], l[1][dim], l[2][dim], l[3][dim] };
            const jm_vd4 lo = jm_v4splat(row->env_lo[d]), hi = jm_v4splat(row->env_hi[d]);
            const jm_vd4 w = jm_v4splat(row->env_w[d]);
            const jm_vm4 known = level == level, below = level < lo, above = level > hi;
            const jm_vd4 excess = jm_v4sel(below, lo - level, level - hi);
            jm_vd4 s = one - excess / vspan;
            s = jm_v4and(span_ok & (s > zero), s);
            s = jm_v4sel(below | above, s, one);
            wsum += jm_v4and(known, w);
            sum += jm_v4and(known, w * s);
            outside += jm_v4and(known, s - one);
            rated += jm_v4and(known, one); /* a count, exact in a double */
            must |= (below | above) & jm_v4mask_of(row->env_must[d]);
        }
        /* the weighted mean, or 1 less the mean shortfall without weights;
         * jm_eval_clamped; no data when nothing is rated (and then no must
         * is outside its bounds: a comparison with NaN is false) */
        jm_vd4 v = jm_v4sel(wsum > zero, sum / wsum, one + outside / rated);
        v = jm_v4sel(v == v, v, zero);
        v = jm_v4sel(v < zero, zero, jm_v4sel(v > one, one, v));
        v = jm_v4sel(rated > zero, v, jm_v4splat(JM_KNODATA));
        jm_v4store(out + k, excl + k, v, must, lanes);
    }
}
#else
JM_KERNEL_DEFINE_BLOCK(jm_kblock_environment, environment)
#endif
