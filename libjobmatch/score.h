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

/** Readies ev for jm_score_kernels: pairs of candidate c (source record),
 *  through pc, whose job the caller sets before each call. */
void jm_score_kernels_init(jm_eval *ev, const jm_engine *e, const jm_candidate *c, const jm_cpair *pc);

/** The numbers of ev's compiled pair, as jm_score_compiled gives them with
 *  no flags, when every factor of it runs its kernel and the engine has no
 *  rules: true then (out set); false, with nothing done, when the pair
 *  needs jm_score_compiled.  For the rows of the score matrix: it does not
 *  set ev up again for every pair. */
bool jm_score_kernels(const jm_engine *e, jm_eval *ev, jm_pair_value *out);

#endif
