/* Internal: candidate and job sets (sets.c). */
#ifndef JM_SETS_H
#define JM_SETS_H

#include "model.h"

/** Appends n candidates the caller owns, all or nothing: on JM_EEXISTS (an id
 *  already in the set or twice among items; *dup_index gets the index in
 *  items of the first duplicate, may be NULL) or JM_ENOMEM nothing is added
 *  and the caller still owns every item; on JM_OK the set owns them all. */
int jm_candidates_append(jm_candidates *set, jm_candidate **items, size_t n, size_t *dup_index);
int jm_jobs_append(jm_jobs *set, jm_job **items, size_t n, size_t *dup_index);

/** Where jm_jobs_get(set, i) is read from (items[i]), for fetching ahead;
 *  valid until the set changes. */
const void *jm_jobs_item_at(const jm_jobs *set, size_t i);

#endif
