/*
 * Internal: reading and writing the value types shared by candidate and job
 * records (occupation, week, riasec, tristate), and the record readers and
 * writers that documents.c calls.
 */
#ifndef JM_JSON_COMMON_H
#define JM_JSON_COMMON_H

#include <stdbool.h>

#include <cjson/cJSON.h>

#include "jsonread.h"
#include "model.h"

#define JM_SCHEMA "jobmatch/1"

/* --- shared value types (reading) ---------------------------------------
 * Each reads member key of obj (absent or null: false, nothing reported).
 * Errors are reported at obj.key...; on any error false is returned and
 * *out is left as it was (or cleared, for owned strings).               */

/** An occupation object ("label", "esco", "isco", "onet"; at least one). */
bool jm_jc_occupation(jm_jr *r, const cJSON *obj, const char *key, jm_occ *out);
/** An occupation given as a value (an array element); the path is the caller's. */
bool jm_jc_occupation_value(jm_jr *r, const cJSON *v, const char *const *extra_fields, jm_occ *out);
/** A week ({"mon": ["08:00-12:00"], ...}).  *has gets false when no range
 *  at all was given (an empty week is unknown). */
bool jm_jc_week(jm_jr *r, const cJSON *obj, const char *key, jm_week *out, bool *has);
/** RIASEC scores and/or code. */
bool jm_jc_riasec(jm_jr *r, const cJSON *obj, const char *key, jm_interests *out);
/** true / false (JM_YES / JM_NO); absent or null leaves *out. */
bool jm_jc_tristate(jm_jr *r, const cJSON *obj, const char *key, int *out);
/** Member key of obj is present and not null. */
bool jm_jc_present(const cJSON *obj, const char *key);
/** Reports a missing required member at obj.key. */
void jm_jc_missing(jm_jr *r, const char *key);
/** Reports JM_ENOMEM at the current path. */
void jm_jc_nomem(jm_jr *r);

/** Checks the "schema" and "type" members of a record.  With required, both
 *  must be present; type must be expected_type when given.  A type naming
 *  another record kind is reported with JM_ETYPE. */
void jm_jc_header(jm_jr *r, const cJSON *obj, const char *expected_type, bool required);

/* --- writing ------------------------------------------------------------- */

/** Adds a number / string / bool member; false on ENOMEM.  A NULL string
 *  adds nothing. */
bool jm_jc_add_number(cJSON *obj, const char *key, double x);
bool jm_jc_add_string(cJSON *obj, const char *key, const char *s);
bool jm_jc_add_bool(cJSON *obj, const char *key, bool b);
/** Adds key: true/false unless t is JM_UNKNOWN. */
bool jm_jc_add_tristate(cJSON *obj, const char *key, int t);
/** The occupation as an object (NULL on ENOMEM). */
cJSON *jm_jc_occupation_json(const jm_occ *o);
/** The week as day -> ranges (runs of slots within each day). */
cJSON *jm_jc_week_json(const jm_week *w);
/** The interests (scores and/or code); NULL on ENOMEM. */
cJSON *jm_jc_riasec_json(const jm_interests *in);
/** The interests hold any data. */
bool jm_jc_riasec_known(const jm_interests *in);

/* --- records (json_candidate.c, json_job.c) ------------------------------ */

/** Reads a candidate record object at the current path.  header_required:
 *  schema and type must be given (records, arrays, JSON Lines); otherwise
 *  they may be left out (records inside a collection).  Returns NULL when
 *  an error was reported (errors are counted in r). */
jm_candidate *jm_json_read_candidate(jm_jr *r, const cJSON *obj, bool header_required);
jm_job *jm_json_read_job(jm_jr *r, const cJSON *obj, bool header_required);

/** The record as a tree (with schema and type when header); NULL on ENOMEM. */
cJSON *jm_json_candidate_tree(const jm_candidate *c, bool header);
cJSON *jm_json_job_tree(const jm_job *j, bool header);

/** Prints a tree into a string freed with jm_free; JM_OK or JM_ENOMEM.
 *  The tree is deleted. */
int jm_jc_print(cJSON *tree, char **out);

#endif /* JM_JSON_COMMON_H */
