/*
 * Internal: how a factor's kernel is written once and run two ways.
 *
 * A factor file holds its kernel as an inline value function
 *
 *     static inline double NAME_value(const jm_cpair *pc, const jm_cjob *j,
 *                                     const jm_thresholds *th, unsigned *excl);
 *
 * giving what the factor reports for pc's candidate and job j: its score,
 * clamped as jm_eval_value clamps it (jm_eval_clamped), or NaN when it has
 * no data (a reported score is never NaN); it adds the pair's exclusions to
 * *excl.
 * JM_KERNEL_DEFINE(NAME, FACTOR) then makes of it
 *
 *   - jm_kernel_NAME(ev): one pair, reporting into ev (jm_kernel_table);
 *   - jm_kblock_NAME(pc, th, jobs, n, out, excl): n jobs of a row at once
 *     (jobs[0 .. n) with pc's candidate), out[k] the value for jobs[k] and
 *     excl[k] set when the pair is excluded; with the row's loads hoisted
 *     out of the loop.
 *
 * Both run the same code, so they give the same bits.
 */
#ifndef JM_FACTORS_KERNEL_H
#define JM_FACTORS_KERNEL_H

#include "factors.h"

/** What a value function returns for no data. */
#define JM_KNODATA ((double)NAN)

/** Reports a value function's result into ev, as jm_eval_value (or
 *  jm_eval_novalue for NaN) and jm_eval_excluded would. */
static inline void jm_kernel_report(jm_eval *ev, int factor, double value, unsigned excl)
{
    if (isnan(value))
        jm_eval_novalue(ev, factor);
    else
        jm_eval_value(ev, factor, value); /* clamped already: the same bits */
    ev->n_excluded += excl;
}

/* JM_KERNEL_DEFINE in two halves, for a factor whose block form is
 * written apart (as lanes of vectors, vec.h): the pair and the plain block. */
#define JM_KERNEL_DEFINE_PAIR(name, factor)                                                         \
    void jm_kernel_##name(jm_eval *ev)                                                              \
    {                                                                                               \
        unsigned excl = 0;                                                                          \
        const double v = name##_value(ev->pc, ev->pc->j, &ev->p->th, &excl);                        \
        jm_kernel_report(ev, factor, v, excl);                                                      \
    }
#define JM_KERNEL_DEFINE_BLOCK(fn, name)                                                            \
    JM_BLOCK_CLONES void fn(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs,       \
                            size_t n, double *restrict out, unsigned char *restrict excl)           \
    {                                                                                               \
        for (size_t k = 0; k < n; k++) {                                                            \
            unsigned x = 0;                                                                         \
            out[k] = name##_value(pc, &jobs[k], th, &x);                                            \
            excl[k] |= (unsigned char)(x != 0);                                                     \
        }                                                                                           \
    }
#define JM_KERNEL_DEFINE(name, factor)                                                              \
    JM_KERNEL_DEFINE_PAIR(name, factor)                                                             \
    JM_KERNEL_DEFINE_BLOCK(jm_kblock_##name, name)

#endif /* JM_FACTORS_KERNEL_H */
