/* Internal: custom rules (rules.c). */
#ifndef JM_RULES_H
#define JM_RULES_H

#include "eval.h"

/** Frees the engine's rules, running each payload_free once. */
void jm_rules_free_all(struct jm_engine *engine);

/** Runs every rule on the pair after the built-in factors, appending one
 *  factor entry per rule.  Returns JM_OK, JM_ENOMEM or JM_ECALLBACK (with
 *  jm_last_error() naming the rule). */
int jm_rules_run(jm_eval *ev);

#endif
