/*
 * Internal: reading JSON with precise diagnostics.
 *
 * A jm_jr holds the current JSON path ("jobs[3].skills[2].level"), where to
 * report, and the policies of jm_load_options.  Readers of candidates, jobs
 * and profiles walk a cJSON tree with it; every problem is reported with the
 * path and, for JSON Lines, the line of the record.  Nothing here prints
 * the content of string values into messages except ids, enum terms and
 * vocabulary terms (free-text fields are never echoed).
 */
#ifndef JM_JSONREAD_H
#define JM_JSONREAD_H

#include <stdbool.h>
#include <stddef.h>

#include <cjson/cJSON.h>

#include "jobmatch/common.h"
#include "util.h"

#define JM_JR_PATH_MAX 512
#define JM_DEFAULT_MAX_DEPTH 64

typedef struct jm_jr {
    const jm_load_options *opts; /* never NULL (defaults when the caller gave NULL) */
    jm_load_options defaults;    /* storage for the defaults */
    jm_diags *diags;             /* may be NULL */
    const char *source;          /* "" when none */
    int line;                    /* line of the record (JSON Lines), 0 otherwise */
    bool unknown_fields_are_errors; /* validate forces this */
    size_t errors;               /* errors reported through this reader */
    size_t warnings;
    char path[JM_JR_PATH_MAX];
    size_t path_len;
    int first_code;              /* code of the first error reported; JM_OK when none */
} jm_jr;

/** Prepares a reader.  opts may be NULL (defaults). */
void jm_jr_init(jm_jr *r, const jm_load_options *opts, jm_diags *diags);

/** Parses text (length len, need not be NUL-terminated).  Skips a UTF-8
 *  byte-order mark; rejects invalid UTF-8, syntax errors (with line and
 *  column of the first bad byte), nesting deeper than opts->max_depth and
 *  duplicate keys in an object.  line0 is added to reported lines (for a
 *  JSON Lines record: its line number - 1).  NULL after reporting. */
cJSON *jm_jr_parse(jm_jr *r, const char *text, size_t len, int line0);

/** Checks len against opts->max_bytes; false after reporting JM_ERANGE. */
bool jm_jr_size_ok(jm_jr *r, size_t len);

/* --- the path ----------------------------------------------------------- */

/** Appends ".key" (or "key" at the root) and returns the previous length,
 *  to give back to jm_jr_pop.  Keys that are not plain identifiers are
 *  written ["like-this"] when they are terms (jm_jr_is_term), and as [?]
 *  otherwise (a key with spaces may be free text: it is never shown). */
size_t jm_jr_push_key(jm_jr *r, const char *key);
/** Appends "[i]". */
size_t jm_jr_push_index(jm_jr *r, size_t i);
void jm_jr_pop(jm_jr *r, size_t mark);

/* --- reporting ---------------------------------------------------------- */

/** An error at the current path. */
void jm_jr_error(jm_jr *r, int code, const char *fmt, ...) JM_PRINTF(3, 4);
/** A warning at the current path. */
void jm_jr_warn(jm_jr *r, const char *fmt, ...) JM_PRINTF(2, 3);
/** An error or a warning as the policy says. */
void jm_jr_policy(jm_jr *r, int policy, const char *fmt, ...) JM_PRINTF(3, 4);
/** A term missing from the vocabulary ("what" names the vocabulary,
 *  e.g. "support-need type"), reported as opts->unknown_terms says. */
void jm_jr_unknown_term(jm_jr *r, const char *what, const char *term);

/** Reports every member of obj whose name is not in allowed (a NULL-ended
 *  list), as opts->unknown_fields says (always an error when
 *  unknown_fields_are_errors), suggesting the closest allowed name. */
void jm_jr_check_fields(jm_jr *r, const cJSON *obj, const char *const *allowed);
/** The same with the allowed names given as an array of n (at most 64). */
void jm_jr_check_names(jm_jr *r, const cJSON *obj, const char *const *names, size_t n);

/** The longest id jm_jr_quote_id shows (skill ids may have 512 bytes). */
#define JM_JR_ID_SHOWN_MAX 512
/** An id for a message: quoted ('c-014') when it is a plain identifier
 *  (letters, digits and _-.:/#@+~, at most JM_JR_ID_SHOWN_MAX bytes), else
 *  "(not shown: not a plain identifier)", since an id with spaces may hold
 *  a person's name.  Writes into buf (n >= JM_JR_ID_SHOWN_MAX + 3 shows
 *  every plain id whole) and returns it. */
const char *jm_jr_quote_id(const char *id, char *buf, size_t n);

/** An error "expected EXPECTED, found 'S'" that quotes s only when it is a
 *  term (jm_jr_is_term), else "..., found another string". */
void jm_jr_error_term(jm_jr *r, int code, const char *expected, const char *s);
/** An error "expected EXPECTED, found another string" (or "an empty string"
 *  when s is empty): for strings that are never quoted. */
void jm_jr_error_string(jm_jr *r, const char *expected, const char *s);

/* --- typed members -------------------------------------------------------
 * Each reads member key of object obj.  Absent or null: returns false and
 * leaves *out untouched (null is the same as absent).  Present but of the
 * wrong type or out of range: reports an error at obj.key and returns false.
 * Present and valid: sets *out and returns true.                           */

bool jm_jr_number(jm_jr *r, const cJSON *obj, const char *key, double lo, double hi, double *out);
bool jm_jr_int(jm_jr *r, const cJSON *obj, const char *key, int lo, int hi, int *out);
bool jm_jr_bool(jm_jr *r, const cJSON *obj, const char *key, bool *out);
/** A string (borrowed from the tree); max_len bytes at most (0 = 4096). */
bool jm_jr_string(jm_jr *r, const cJSON *obj, const char *key, size_t max_len, const char **out);
/** A string that must be one of names[0..count-1]; *out gets its index. */
bool jm_jr_enum(jm_jr *r, const cJSON *obj, const char *key, const char *const *names, int count,
                int *out);
/** An object member (NULL when absent; error and NULL when not an object). */
const cJSON *jm_jr_object(jm_jr *r, const cJSON *obj, const char *key);
/** An array member (NULL when absent; error and NULL when not an array). */
const cJSON *jm_jr_array(jm_jr *r, const cJSON *obj, const char *key);
/** An object member key whose members are names[0..n-1], each a number in
 *  [lo, hi] stored at values[k]. */
void jm_jr_numbers(jm_jr *r, const cJSON *obj, const char *key, const char *const *names, int n,
                   double lo, double hi, double *values);
/** Enters the object member key of obj: returns it with the path at key,
 *  its fields checked against allowed (unless NULL) and *mark set for
 *  jm_jr_pop; NULL, the path unchanged, when absent or not an object. */
const cJSON *jm_jr_enter(jm_jr *r, const cJSON *obj, const char *key, const char *const *allowed,
                         size_t *mark);

/** Checks a value (not a member): the same rules, for array elements. */
bool jm_jr_value_number(jm_jr *r, const cJSON *v, double lo, double hi, double *out);
bool jm_jr_value_string(jm_jr *r, const cJSON *v, size_t max_len, const char **out);
bool jm_jr_value_enum(jm_jr *r, const cJSON *v, const char *const *names, int count, int *out);

/* --- arrays ----------------------------------------------------------------
 * The callback gets each element e (index i) with the path at [i]; it returns
 * false to stop.  With what not NULL, an element that is not an object is
 * reported ("expected WHAT, found TYPE") and skipped.                      */

typedef bool (*jm_jr_each_fn)(jm_jr *r, const cJSON *e, size_t i, void *ctx);
/** Each element of the array v (at the current path). */
void jm_jr_each_value(jm_jr *r, const cJSON *v, const char *what, jm_jr_each_fn fn, void *ctx);
/** Each element of the array member key of obj (jm_jr_array: absent, or
 *  reported when not an array, returns false). */
bool jm_jr_each(jm_jr *r, const cJSON *obj, const char *key, const char *what, jm_jr_each_fn fn,
                void *ctx);

/** The options for reading the file path: opts (or the defaults) with the
 *  source defaulting to the path ("<stdin>" for "-"). */
void jm_jr_file_options(jm_load_options *out, const jm_load_options *opts, const char *path);

/** True when s looks like a term that may be quoted in a message: 1..64
 *  bytes of letters, digits and _-.:/ (free text never qualifies). */
bool jm_jr_is_term(const char *s);

/** A short name of a JSON value's type: "a string", "a number", "an object"... */
const char *jm_json_type_name(const cJSON *v);

#endif /* JM_JSONREAD_H */
