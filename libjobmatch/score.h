/* Internal: scoring one pair (engine.c), shared by the ranking code. */
#ifndef JM_SCORE_H
#define JM_SCORE_H

#include "model.h"

/** Scores a pair; arguments already checked.  JM_OK, JM_ENOMEM or JM_ECALLBACK. */
int jm_score_pair(const jm_engine *e, const jm_candidate *c, const jm_job *j, jm_match **out);

#endif
