/* Internal: scoring one pair (engine.c), shared by the ranking code. */
#ifndef JM_SCORE_H
#define JM_SCORE_H

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

#endif
