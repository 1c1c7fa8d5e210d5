/* Scoring a block of a row's jobs at once: every factor's kernel over the
 * block (kernel.h), then the totals, factor by factor across the block. */
#include <stddef.h>
#include <string.h>

#include "engine_impl.h"
#include "factors/factors.h"
#include "score.h"
#include "vec.h"

/* The kernels that run alone over a block, by factor (functional and
 * support run together: support plans what functional derives). */
static const jm_kblock_fn BLOCK_KERNELS[JM_FACTOR_COUNT] = {
    [JM_FACTOR_JOB_TYPE] = jm_kblock_job_type,
    [JM_FACTOR_HOURS] = jm_kblock_hours,
    [JM_FACTOR_SCHEDULE] = jm_kblock_schedule,
    [JM_FACTOR_COMMUTE] = jm_kblock_commute,
    [JM_FACTOR_ENVIRONMENT] = jm_kblock_environment,
    [JM_FACTOR_INTERESTS] = jm_kblock_interests,
    [JM_FACTOR_WORK_VALUES] = jm_kblock_work_values,
    [JM_FACTOR_WAGE] = jm_kblock_wage,
    [JM_FACTOR_BENEFITS] = jm_kblock_benefits,
    [JM_FACTOR_SKILLS] = jm_kblock_skills,
    [JM_FACTOR_LEGAL] = jm_kblock_legal,
    [JM_FACTOR_PROGRAMME] = jm_kblock_programme,
};

/* The totals of a block from its factors' values, four pairs at a time
 * where the compiler has vector types (AVX2 in the x86-64-v3 clone, SSE2 or
 * NEON otherwise: the same IEEE operations as one at a time, so the same
 * bits).  As add_up in engine.c, in factor order: the weight of every
 * positive factor with data, and its weighted score (positive[f]: the
 * weight when positive, else 0, which adds +0.0, as add_up does), the sums
 * in registers across the factors; jm_combine_result then: num /
 * with_data, 0.5 when no factor has data.  The values past n, up to a
 * whole vector, are NaN (no data). */
#if JM_HAVE_VEC
#define LANES JM_VLANES4
_Static_assert(JM_BLOCK_JOBS % LANES == 0, "a block is whole vectors");
JM_BLOCK_CLONES
static void block_totals(const double (*value)[JM_BLOCK_JOBS], const double *positive, size_t n,
                         double *totals)
{
    const jm_vd4 zero = jm_v4splat(0.0), half = jm_v4splat(0.5);
    jm_vd4 w[JM_FACTOR_COUNT];
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        w[f] = jm_v4splat(positive[f]);
    for (size_t k = 0; k < n; k += LANES) {
        jm_vd4 num = zero, with_data = zero;
#pragma GCC unroll 16
        for (int f = 0; f < JM_FACTOR_COUNT; f++) {
            jm_vd4 x;
            memcpy(&x, &value[f][k], sizeof x);
            const jm_vm4 has = x == x;
            with_data += jm_v4and(has, w[f]);
            num += jm_v4and(has, w[f] * x);
        }
        const jm_vd4 t = jm_v4sel(with_data > zero, num / with_data, half);
        if (k + LANES <= n) {
            memcpy(totals + k, &t, sizeof t);
        } else {
            for (size_t i = 0; k + i < n; i++)
                totals[k + i] = t[i];
        }
    }
}
#else
#define LANES 1
static void block_totals(const double (*value)[JM_BLOCK_JOBS], const double *positive, size_t n,
                         double *totals)
{
    for (size_t k = 0; k < n; k++) {
        double num = 0, with_data = 0;
        for (int f = 0; f < JM_FACTOR_COUNT; f++) {
            const bool has = !isnan(value[f][k]);
            with_data += has ? positive[f] : 0.0;
            num += has ? positive[f] * value[f][k] : 0.0;
        }
        totals[k] = with_data > 0 ? num / with_data : 0.5;
    }
}
#endif

void jm_score_memo_fill(const jm_engine *e, const jm_cpair *pc, size_t jobs)
{
    static void (*const FILL[JM_MEMO_KINDS])(const jm_cpair *, const jm_thresholds *) = {
        [JM_MEMO_INTERESTS] = jm_kmemo_interests,
        [JM_MEMO_VALUES] = jm_kmemo_work_values,
        [JM_MEMO_SCHEDULE] = jm_kmemo_schedule,
    };
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++)
        if ((size_t)jm_memo_pool(pc->js, kind)->n * 4 <= jobs)
            FILL[kind](pc, &e->profile->th);
}

bool jm_score_block_ready(const jm_engine *e, const jm_cpair *pc)
{
    return e->n_rules == 0 && jm_score_row_generic(e, pc) == 0;
}

int jm_score_block(const jm_engine *e, const jm_candidate *c, const jm_jobs *jobs, jm_cpair *pc, size_t first,
                   size_t n, double *totals, unsigned char *feasible)
{
    if (n > JM_BLOCK_JOBS)
        n = JM_BLOCK_JOBS;
    const jm_thresholds *th = &e->profile->th;
    const jm_cjob *recs = pc->js->recs + first;
    double value[JM_FACTOR_COUNT][JM_BLOCK_JOBS];
    unsigned char excl[JM_BLOCK_JOBS] = { 0 };
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        if (BLOCK_KERNELS[f])
            BLOCK_KERNELS[f](pc, th, recs, n, value[f], excl);
    jm_kblock_functional_support(pc, th, recs, n, value[JM_FACTOR_FUNCTIONAL], value[JM_FACTOR_SUPPORT]);

    for (size_t k = n; k % LANES; k++)
        for (int f = 0; f < JM_FACTOR_COUNT; f++)
            value[f][k] = NAN; /* the lanes past the block: no data */
    block_totals((const double(*)[JM_BLOCK_JOBS])value, e->positive, n, totals);
    if (feasible)
        for (size_t k = 0; k < n; k++)
            feasible[k] = !excl[k];

    /* jobs that send a factor to the factor code: scored again, in full */
    for (size_t k = 0; k < n; k++) {
        if (!recs[k].generic)
            continue;
        pc->j = &recs[k];
        jm_pair_value v;
        const int rc = jm_score_compiled(e, c, jm_jobs_get(jobs, first + k), pc, -INFINITY, 0, &v, NULL);
        pc->j = NULL;
        if (rc != JM_OK)
            return rc;
        totals[k] = v.total;
        if (feasible)
            feasible[k] = v.feasible;
    }
    return JM_OK;
}
