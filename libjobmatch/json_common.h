/*
 * Internal: reading and writing what candidate and job records share - the
 * value types (occupation, week, riasec, tristate), fields both have
 * (location, levels, skill and licence ids), the start of a record and the
 * from_json body - and the record readers and writers that documents.c
 * calls.
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

/* --- fields and pieces both record readers use ------------------------- */

/** Appends a copy of item (elem bytes) to an array of *n with capacity *cap;
 *  on ENOMEM reports and returns false (nothing changes). */
bool jm_jc_push(jm_jr *r, void **arr, size_t *n, size_t *cap, const void *item, size_t elem);
/** The profile whose vocabulary terms are checked against: opts->profile or
 *  the built-in default. */
const jm_profile *jm_jc_vocabulary(const jm_jr *r);
/** Reports "expected KEY_LO at most KEY_HI (HI), found LO" at obj.key_lo
 *  when both are known and lo > hi. */
void jm_jc_check_order(jm_jr *r, const char *key_lo, double lo, const char *key_hi, double hi);
/** "lat" and "lon" (both or neither; set only when both are valid) and
 *  "area" of a location object. */
void jm_jc_location(jm_jr *r, const cJSON *l, double *lat, double *lon, char **area);
/** The ids of an array being read (a record's skills), hashed, so that a
 *  duplicate is found in constant time, not by a scan of those before it
 *  (a record of 100,000 skills would take 5 billion comparisons).  Start
 *  it zeroed; jm_jc_ids_free frees it. */
typedef struct jm_jc_ids {
    uint32_t *slots; /* index + 1 of an element, 0 empty */
    size_t nslots;   /* 0 or a power of two */
    size_t n;        /* the elements entered */
} jm_jc_ids;
void jm_jc_ids_free(jm_jc_ids *ids);
/** Reports "duplicate skill id" at .id when one of the n skills of v
 *  (elements of elem bytes that start with their id) already has id.
 *  seen: the ids of v's elements so far (those added since the last call
 *  are entered first); out of memory for it, the skills are scanned. */
void jm_jc_skill_unique(jm_jr *r, jm_jc_ids *seen, const void *v, size_t n, size_t elem, const char *id);

/** An object member key mapping functional dimensions to levels 0..2 (what
 *  names the vocabulary for unknown terms); null members are skipped. */
void jm_jc_levels(jm_jr *r, const cJSON *obj, const char *key, const char *what, jm_level_item **items,
                  size_t *n);
/** A skill's "id" of element e: required, 1..512 bytes. */
void jm_jc_skill_id(jm_jr *r, const cJSON *e, const char **id);
/** A licence id's rule (1..256 bytes): reports at the current path. */
bool jm_jc_licence_id_ok(jm_jr *r, const char *id);

/* --- records: start, header, from_json ---------------------------------- */

/** The start of reading a record: obj must be an object with a header of
 *  the type; its fields are checked and its id read (*id is "?" when it is
 *  missing or invalid, after reporting).  false when obj is not a record of
 *  this type (reported). */
bool jm_jc_record_begin(jm_jr *r, const cJSON *obj, const char *type, bool header_required,
                        const char *const *fields, const char **id);

/** A record reader for jm_jc_from_json. */
typedef void *(*jm_jc_reader)(jm_jr *r, const cJSON *obj);
/** The body of jm_candidate_from_json and jm_job_from_json (fn names the
 *  entry point in messages): parses text and reads one record into *rec. */
int jm_jc_from_json(const char *fn, const char *text, size_t len, const jm_load_options *opts, jm_diags *diags,
                    bool has_out, jm_jc_reader read, void **rec);

/** Checks the "schema" member when present and not null (reported when it
 *  is not JM_SCHEMA); false when absent, null or not a string. */
bool jm_jc_schema(jm_jr *r, const cJSON *obj);
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
/** Adds item under key (to an array when key is NULL); false when item is
 *  NULL or on ENOMEM. */
bool jm_jc_add_item(cJSON *parent, const char *key, cJSON *item);
/** Adds key: {names[k]: values[k]} for the known values, unless none is known. */
bool jm_jc_add_numbers(cJSON *obj, const char *key, const double *values, const char *const *names, int n);
/** Adds key: {id: level} unless n is 0. */
bool jm_jc_add_levels(cJSON *obj, const char *key, const jm_level_item *items, size_t n);
/** Adds key: [strings] (also when n is 0). */
bool jm_jc_add_strings(cJSON *obj, const char *key, char *const *v, size_t n);
/** Adds lat and lon (when both are known) and area (when not NULL). */
bool jm_jc_add_location(cJSON *obj, double lat, double lon, const char *area);
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
