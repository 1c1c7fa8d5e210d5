/* Internal: scoring one pair (engine.c), shared by the ranking code. */
#ifndef JM_SCORE_H
#define JM_SCORE_H

#include "compiled.h"
#include "eval.h"
#include "model.h"

/** Scores a pair; arguments already checked.  JM_OK, JM_ENOMEM or JM_ECALLBACK. */
int jm_score_pair(const jm_engine *e, const jm_candidate *c, const jm_job *j, jm_match **out);

/** A pair's numbers: what jm_score_pair's match says, bit for bit. */
typedef struct jm_pair_value {
    double total, confidence;
    bool feasible;
} jm_pair_value;

/* jm_score_compiled's flags. */
#define JM_SCORE_PRUNE 1u    /* for a ranking: may stop early (see below) */
#define JM_SCORE_FEASIBLE 2u /* out->feasible must be right for a pair pruned below bar */

/** Scores a pair's numbers without building a match (no text, no
 *  allocation unless a rule's verdict needs it): its total, confidence and
 *  feasibility are jm_score_pair's, bit for bit.  c and j are the source
 *  records; pc is the compiled pair the kernels read (NULL: every factor
 *  runs on c and j).
 *
 *  With JM_SCORE_PRUNE and pruned non-NULL, for a ranking that needs a
 *  pair's total only when the pair is feasible and may reach bar
 *  (-INFINITY: any total), and when the engine has no rules, the pair may
 *  stop early (*pruned, total and confidence NaN): once it is excluded
 *  (out->feasible false), or once even the factors left all scoring 1 could
 *  not lift it to bar.  Then out->feasible is true with JM_SCORE_FEASIBLE
 *  (the factors that may exclude have all run) and false without (not
 *  known: for rankings that do not count feasible pairs).  A pair not
 *  pruned has the full numbers.  Thread-safe on a shared engine as
 *  jm_score_pair.  JM_OK, JM_ENOMEM or JM_ECALLBACK (message set). */
int jm_score_compiled(const jm_engine *e, const jm_candidate *c, const jm_job *j, const jm_cpair *pc,
                      double bar, unsigned flags, jm_pair_value *out, bool *pruned);

/** The factors of compiled pairs of pc's row (pc->c, pc->levels) that run
 *  the factor code whatever the job: those of the candidate's record,
 *  commute with a travel-time source, skills without the row's levels.
 *  A pair adds its job's (jm_cjob.generic). */
jm_generic_bits jm_score_row_generic(const jm_engine *e, const jm_cpair *pc);

/** The jobs jm_score_block scores at once, at most. */
#define JM_BLOCK_JOBS 64

/** Whether jm_score_block may score pc's row: the engine has no rules and
 *  no factor of the row runs the factor code (jm_score_row_generic). */
bool jm_score_block_ready(const jm_engine *e, const jm_cpair *pc);

/** Before a row of `jobs` jobs is scored by blocks: each memo factor whose
 *  job set's pool has at most a quarter as many blocks as that works out
 *  the row's value of every block at once (jm_memo.full), so that each
 *  job's is a load.  pc->memo is this row's (or NULL: nothing to do). */
void jm_score_memo_fill(const jm_engine *e, const jm_cpair *pc, size_t jobs);

/** Scores candidate c (source record; pc its compiled row, made ready as
 *  jm_score_block_ready says) against the jobs first .. first + n - 1 of
 *  the job set (jobs, compiled in pc->js), n at most JM_BLOCK_JOBS: their
 *  totals into totals[0 .. n), and when feasible is not NULL their
 *  feasibility, what jm_score_compiled gives with no flags, bit for bit.
 *  Each factor's kernel runs over the whole block before the next; a job
 *  whose record sends a factor to the factor code is scored again by
 *  jm_score_compiled (pc->j is set for it, then NULL).  JM_OK, or what
 *  jm_score_compiled returned (the block's numbers are then incomplete). */
int jm_score_block(const jm_engine *e, const jm_candidate *c, const jm_jobs *jobs, jm_cpair *pc, size_t first,
                   size_t n, double *totals, unsigned char *feasible);

#endif
