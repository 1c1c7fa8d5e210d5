/*
 * The work-values factor: how far the occupation provides what the person
 * values, on O*NET's six work values (achievement, working conditions,
 * recognition, relationships, support, independence).
 *
 * Score: the mean of (extent - 1) / 6 (the job's extent 1..7 mapped to
 * 0..1), weighted by the person's importance 1..5, over the values known on
 * both sides.  Values the person rates as mattering most weigh most.  Never
 * a hard exclusion.
 */
#include "kernel.h"

#include <math.h>
#include <stdlib.h>

/* The formula, inlined where the factor code and the kernel use it;
 * jm_values_score is its entry for the tests.  A job's extents become
 * terms (jm_values_terms) before they are weighed: a compiled job keeps
 * them so (compile_jobs.c), and the kernel weighs them (terms_score). */
static inline double terms_score(const double *importance, const double *term)
{
    double wsum = 0.0, sum = 0.0;
    for (int i = 0; i < JM_VALUE_COUNT; i++) {
        const double w = importance[i], t = term[i];
        if (isnan(w) || isnan(t) || w <= 0.0)
            continue;
        wsum += w;
        sum += w * t;
    }
    return wsum > 0.0 ? sum / wsum : NAN;
}

void jm_values_terms(const double *extent, double *term)
{
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        term[i] = isnan(extent[i]) ? NAN : jm_clamp((extent[i] - 1.0) / 6.0, 0.0, 1.0);
}

static inline double values_score(const double *importance, const double *extent)
{
    double term[JM_VALUE_COUNT];
    jm_values_terms(extent, term);
    return terms_score(importance, term);
}

double jm_values_score(const double *importance, const double *extent)
{
    return values_score(importance, extent);
}

static const char *value_label(int v)
{
    static const char *const labels[JM_VALUE_COUNT] = {
        "achievement", "working conditions", "recognition", "relationships", "support",
        "independence"};
    return v >= 0 && v < JM_VALUE_COUNT ? labels[v] : "?";
}

void jm_factor_work_values(jm_eval *ev)
{
    const int F = JM_FACTOR_WORK_VALUES;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    char n1[32], n2[32];

    const double score = values_score(c->values, j->values);
    if (isnan(score)) {
        int np = 0, nj = 0;
        for (int i = 0; i < JM_VALUE_COUNT; i++) {
            np += !isnan(c->values[i]) && c->values[i] > 0.0;
            nj += !isnan(j->values[i]);
        }
        if (np == 0 && nj == 0)
            jm_eval_nodata(ev, F, "neither the person's work values nor the job's are known");
        else if (np == 0)
            jm_eval_nodata(ev, F, "the person's work values are unknown");
        else if (nj == 0)
            jm_eval_nodata(ev, F, "the job's work values are unknown");
        else
            jm_eval_nodata(ev, F, "no work value is known on both sides");
        return;
    }
    if (!jm_eval_explaining(ev)) {
        jm_eval_value(ev, F, score);
        return;
    }

    /* The (up to) three values that matter most to the person, most first;
     * equal importance keeps O*NET's order. */
    int order[JM_VALUE_COUNT], n = 0;
    for (int i = 0; i < JM_VALUE_COUNT; i++) {
        if (isnan(c->values[i]) || c->values[i] <= 0.0 || isnan(j->values[i]))
            continue;
        int k = n++;
        while (k > 0 && c->values[order[k - 1]] < c->values[i]) {
            order[k] = order[k - 1];
            k--;
        }
        order[k] = i;
    }
    jm_buf d;
    jm_buf_init(&d);
    jm_buf_append(&d, "matters most: ");
    int shown = n < 3 ? n : 3;
    for (int k = 0; k < shown; k++) {
        int v = order[k];
        jm_buf_printf(&d, "%s%s (importance %s, job %s of 7)", k ? ", " : "", value_label(v),
                      jm_num(n1, c->values[v]), jm_num(n2, j->values[v]));
    }
    char *text = jm_buf_take(&d);
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);
}

static JM_ALWAYS_INLINE double work_values_compute(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                                                   unsigned *excl)
{
    (void)th, (void)excl;
    if (pc->c->values == JM_NO_BLOCK || j->values == JM_NO_BLOCK)
        return JM_KNODATA;
    /* the importance decoded once (jm_crow_fill) */
    const double score = terms_score(pc->row->importance, jm_blockpool_at(&pc->js->values, j->values));
    return isnan(score) ? JM_KNODATA : jm_eval_clamped(score);
}
JM_MEMO_KERNEL_DEFINE(work_values, JM_FACTOR_WORK_VALUES, JM_MEMO_VALUES, values, values)
