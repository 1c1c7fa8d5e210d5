/* Internal: scoring one pair (engine.c), shared by the ranking code. */
#ifndef JM_SCORE_H
#define JM_SCORE_H

#include "compiled.h"
#include "model.h"

/** Scores a pair; arguments already checked.  JM_OK, JM_ENOMEM or JM_ECALLBACK. */
int jm_score_pair(const jm_engine *e, const jm_candidate *c, const jm_job *j, jm_match **out);

/** A pair's numbers: what jm_score_pair's match says, bit for bit. */
typedef struct jm_pair_value {
    double total, confidence;
    bool feasible;
} jm_pair_value;

/** Scores a pair without building a match (no text, no allocation unless a
 *  rule's verdict needs it).  Thread-safe on a shared engine as
 *  jm_score_pair.  JM_OK, JM_ENOMEM or JM_ECALLBACK (message set). */
int jm_score_value(const jm_engine *e, const jm_candidate *c, const jm_job *j, jm_pair_value *out);

/** As jm_score_value for a ranking, which needs a pair's total only when the
 *  pair is feasible and its total may reach bar (-INFINITY: any total).
 *  Without rules, the factors that may exclude run first, and the pair stops
 *  there (*pruned, the total NaN) when it is excluded, or when even the
 *  factors left all scoring 1 could not lift it to bar; out->feasible is
 *  right either way.  A pair that is not pruned has jm_score_value's numbers
 *  bit for bit.  With rules every pair is scored in full. */
int jm_score_value_above(const jm_engine *e, const jm_candidate *c, const jm_job *j, double bar,
                         jm_pair_value *out, bool *pruned);

/* jm_score_compiled's flags. */
#define JM_SCORE_PRUNE 1u    /* may stop early, as jm_score_value_above */
#define JM_SCORE_FEASIBLE 2u /* out->feasible must be right for a pair pruned below bar */

/** On a compiled pair: as jm_score_value (flags 0, or pruned NULL), or as
 *  jm_score_value_above (JM_SCORE_PRUNE | JM_SCORE_FEASIBLE).  With
 *  JM_SCORE_PRUNE alone a pair that cannot reach bar stops at once, its
 *  feasibility unknown (out->feasible false): for rankings that do not
 *  count feasible pairs.  c and j are the pair's source records (for the
 *  factors that run on them and for rules).  The same numbers, bit for bit. */
int jm_score_compiled(const jm_engine *e, const jm_candidate *c, const jm_job *j, const jm_cpair *pc,
                      double bar, unsigned flags, jm_pair_value *out, bool *pruned);

#endif
