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

#include <stddef.h>
#include <string.h>

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

/* A factor that has one value for a row and all the jobs of a block of the
 * job set's pool (an interest profile, work values, a schedule): its file
 * holds NAME_compute, a value function that needs no memo, and
 * JM_MEMO_KERNEL_DEFINE(NAME, FACTOR, KIND, FIELD, CFIELD) makes of it
 * NAME_value and both kernels, which keep what it returns for a job of
 * block jobs->FIELD (the value and the exclusions) in the row's memo table
 * KIND (jm_memo) and give it again for the block's other jobs: the same
 * bits, computed once a row and block.  A job of no block (JM_NO_BLOCK) has
 * no data and no exclusion, nor has any job for a candidate whose CFIELD
 * (the candidate's side of the factor, a block of the candidate set) is
 * JM_NO_BLOCK: NAME_compute, which must say the same, is not asked. */
typedef double jm_value_fn(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th, unsigned *excl);

/* The memo's value for job j of block `block`, from compute on the row's
 * first job of the block (on j itself without a memo). */
static JM_ALWAYS_INLINE double jm_memo_value(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                                             unsigned *excl, int kind, uint32_t block, uint32_t cand_block,
                                             jm_value_fn *compute)
{
    if (block == JM_NO_BLOCK || cand_block == JM_NO_BLOCK)
        return JM_KNODATA;
    bool fresh;
    jm_memo_entry *m = jm_memo_at(pc->memo, kind, block, &fresh);
    if (!m)
        return compute(pc, j, th, excl);
    if (!fresh) {
        unsigned x = 0;
        m->score = compute(pc, j, th, &x);
        m->excluded = (uint8_t)x; /* 0 or 1: a memo factor excludes once at most */
    }
    *excl += m->excluded;
    return m->score;
}

/* The block form: the row's table and stamp loaded once (a restrict table:
 * its stores do not touch the row). */
static JM_ALWAYS_INLINE void jm_memo_block(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs,
                                           size_t n, double *restrict out, unsigned char *restrict excl,
                                           int kind, size_t field, uint32_t cand_block, jm_value_fn *compute)
{
    if (cand_block == JM_NO_BLOCK) {
        for (size_t k = 0; k < n; k++)
            out[k] = JM_KNODATA;
        return;
    }
    if (pc->memo && pc->memo->full[kind]) { /* every block's value: a load a job */
        const jm_memo_entry *restrict full = pc->memo->table[kind];
        const uint32_t none = jm_memo_pool(pc->js, kind)->n; /* the entry past the blocks */
        for (size_t k = 0; k < n; k++) {
            uint32_t block;
            memcpy(&block, (const char *)&jobs[k] + field, sizeof block);
            const jm_memo_entry *e = &full[block == JM_NO_BLOCK ? none : block];
            out[k] = e->score;
            excl[k] |= e->excluded;
        }
        return;
    }
    jm_memo_entry *restrict table = pc->memo ? pc->memo->table[kind] : NULL;
    const uint32_t stamp = pc->memo ? pc->memo->stamp : 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t block;
        memcpy(&block, (const char *)&jobs[k] + field, sizeof block);
        if (block == JM_NO_BLOCK) {
            out[k] = JM_KNODATA;
            continue;
        }
        if (!table) {
            unsigned x = 0;
            out[k] = compute(pc, &jobs[k], th, &x);
            excl[k] |= (unsigned char)(x != 0);
            continue;
        }
        jm_memo_entry *e = &table[block];
        if (e->stamp != stamp) {
            unsigned x = 0;
            e->score = compute(pc, &jobs[k], th, &x);
            e->excluded = (uint8_t)x;
            e->stamp = stamp;
        }
        out[k] = e->score;
        excl[k] |= e->excluded;
    }
}

/* Works out the row's value of every block of the kind's pool at once
 * (jm_memo.full), from a job of each (jm_cjobs.memo_rep). */
static inline void jm_memo_fill(const jm_cpair *pc, const jm_thresholds *th, int kind, uint32_t cand_block,
                                jm_value_fn *compute)
{
    jm_memo *m = pc->memo;
    if (!m || cand_block == JM_NO_BLOCK)
        return; /* no memo; or no data for any job (jm_memo_block) */
    const jm_cjobs *js = pc->js;
    const size_t n = jm_memo_pool(js, kind)->n;
    const uint32_t *rep = js->memo_rep[kind];
    jm_memo_entry *table = m->table[kind];
    for (size_t b = 0; b < n; b++) {
        unsigned x = 0;
        table[b].score = rep[b] == UINT32_MAX ? JM_KNODATA : compute(pc, &js->recs[rep[b]], th, &x);
        table[b].excluded = (uint8_t)x;
        table[b].stamp = m->stamp;
    }
    table[n] = (jm_memo_entry){ .stamp = m->stamp, .excluded = 0, .score = JM_KNODATA };
    m->full[kind] = true;
}

#define JM_MEMO_KERNEL_DEFINE(name, factor, kind, field, cfield)                                    \
    static JM_ALWAYS_INLINE double name##_value(const jm_cpair *pc, const jm_cjob *j,               \
                                                const jm_thresholds *th, unsigned *excl)            \
    {                                                                                               \
        return jm_memo_value(pc, j, th, excl, kind, j->field, pc->c->cfield, name##_compute);       \
    }                                                                                               \
    JM_KERNEL_DEFINE_PAIR(name, factor)                                                             \
    JM_BLOCK_CLONES void jm_kblock_##name(const jm_cpair *pc, const jm_thresholds *th,              \
                                          const jm_cjob *jobs, size_t n, double *restrict out,      \
                                          unsigned char *restrict excl)                             \
    {                                                                                               \
        jm_memo_block(pc, th, jobs, n, out, excl, kind, offsetof(jm_cjob, field), pc->c->cfield,    \
                      name##_compute);                                                              \
    }                                                                                               \
    JM_BLOCK_CLONES void jm_kmemo_##name(const jm_cpair *pc, const jm_thresholds *th)              \
    {                                                                                               \
        jm_memo_fill(pc, th, kind, pc->c->cfield, name##_compute);                                  \
    }

#endif /* JM_FACTORS_KERNEL_H */
