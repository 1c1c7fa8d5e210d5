/*
 * libjobmatch - common definitions: export macro, error codes, memory,
 * version queries and diagnostics.
 *
 * Thread-safety: every function in this header is safe to call from any
 * thread.  A jm_diags list is a mutable object: one thread at a time.
 */
#ifndef JOBMATCH_COMMON_H
#define JOBMATCH_COMMON_H

#include <stddef.h>

#include "jobmatch/version.h"

#if defined(_WIN32) && !defined(JM_STATIC)
#  if defined(JM_BUILDING_LIBRARY)
#    define JM_API __declspec(dllexport)
#  else
#    define JM_API __declspec(dllimport)
#  endif
#elif defined(__GNUC__) && __GNUC__ >= 4
#  define JM_API __attribute__((visibility("default")))
#else
#  define JM_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/** Error codes.  Every fallible function returns JM_OK (0) or one of these
 *  negative values. */
typedef enum jm_error_code {
    JM_OK = 0,
    JM_EINVAL = -1,    /**< invalid argument or invalid document content */
    JM_ENOMEM = -2,    /**< out of memory */
    JM_EPARSE = -3,    /**< JSON syntax error */
    JM_ENOTFOUND = -4, /**< no such id, rule or item */
    JM_EEXISTS = -5,   /**< an item with that id or name already exists */
    JM_ECALLBACK = -6, /**< a user callback (rule, travel time) failed */
    JM_EIO = -7,       /**< a file could not be read or written */
    JM_ERANGE = -8,    /**< an index or value is out of range */
    JM_ETYPE = -9,     /**< a document is of another type than expected */
    JM_ECANCELED = -10 /**< a progress callback asked a batch call to stop */
} jm_error_code;

/** A static, English description of an error code ("invalid argument").
 *  Never NULL; unknown codes give "unknown error". */
JM_API const char *jm_strerror(int code);

/** The message of the last failure of a libjobmatch call in the calling
 *  thread, with detail (a file name, a JSON path, a rule name).  Valid until
 *  the next failing call in this thread; "" when none.  Never contains the
 *  free text of a profile (notes, support-need descriptions). */
JM_API const char *jm_last_error(void);

/** Frees a string or buffer that libjobmatch allocated for the caller
 *  (the *_to_json functions).  NULL is allowed. */
JM_API void jm_free(void *ptr);

/** The run-time library version as JM_VERSION_NUMBER encodes it
 *  (major * 10000 + minor * 100 + patch). */
JM_API unsigned jm_version_number(void);

/** The run-time library version as "MAJOR.MINOR.PATCH". */
JM_API const char *jm_version_string(void);

/* ---------------------------------------------------------------------- */
/* Diagnostics: errors and warnings found while reading documents.        */

/** Severity of a diagnostic. */
typedef enum jm_severity {
    JM_SEVERITY_ERROR = 0,
    JM_SEVERITY_WARNING = 1
} jm_severity;

/** What to do with an input that is understood but not expected
 *  (an unknown field, a term missing from the vocabulary). */
typedef enum jm_policy {
    JM_POLICY_ERROR = 0, /**< reject the document */
    JM_POLICY_WARN = 1   /**< accept it, and record a warning */
} jm_policy;

/** One diagnostic.  All strings are borrowed from the jm_diags list that
 *  holds it and live until that list is cleared or freed. */
typedef struct jm_diag {
    int severity;        /**< jm_severity */
    int code;            /**< jm_error_code: JM_EPARSE, JM_EINVAL, JM_ETYPE ... */
    const char *source;  /**< the source name given in jm_load_options ("" if none) */
    const char *path;    /**< JSON path: "jobs[3].skills[2].level"; "" is the document root */
    int line;            /**< 1-based line; 0 when unknown */
    int column;          /**< 1-based column (bytes); 0 when unknown */
    const char *message; /**< what was found and what was expected */
} jm_diag;

/** A growing list of diagnostics. */
typedef struct jm_diags jm_diags;

/** Creates an empty list.  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_diags_new(jm_diags **out);

/** Frees the list and every diagnostic in it.  NULL is allowed. */
JM_API void jm_diags_free(jm_diags *diags);

/** Removes every diagnostic. */
JM_API void jm_diags_clear(jm_diags *diags);

/** Number of diagnostics held. */
JM_API size_t jm_diags_count(const jm_diags *diags);

/** Number of diagnostics of the given severity. */
JM_API size_t jm_diags_count_severity(const jm_diags *diags, int severity);

/** Copies diagnostic i into *out (strings borrowed).
 *  Returns JM_OK or JM_ERANGE. */
JM_API int jm_diags_get(const jm_diags *diags, size_t i, jm_diag *out);

/** Formats diagnostic i as one line "SOURCE:LINE:COLUMN: PATH: message"
 *  (parts that are unknown are left out) into a new string freed with
 *  jm_free.  Returns JM_OK, JM_ERANGE or JM_ENOMEM. */
JM_API int jm_diags_format(const jm_diags *diags, size_t i, char **out);

/* ---------------------------------------------------------------------- */
/* Options for reading documents.                                         */

struct jm_profile;

#define JM_LOAD_OPTIONS_VERSION 1

/** Options for every function that reads jobmatch/1 documents. */
typedef struct jm_load_options {
    unsigned version;     /**< JM_LOAD_OPTIONS_VERSION */
    int unknown_fields;   /**< jm_policy for a field the schema lacks; default error */
    int unknown_terms;    /**< jm_policy for a term missing from the vocabulary; default warning */
    const struct jm_profile *profile; /**< vocabulary to check terms against; NULL = built-in default */
    const char *source;   /**< name put in diagnostics (a file name); NULL = none */
    size_t max_depth;     /**< deepest nesting accepted; 0 = default (64), at most 999 */
    size_t max_bytes;     /**< largest document accepted, in bytes (a JSON Lines
                               text counts whole); 0 = no limit.  A larger one
                               fails with JM_ERANGE before anything is parsed. */
} jm_load_options;

#define JM_LOAD_OPTIONS_INIT { JM_LOAD_OPTIONS_VERSION, JM_POLICY_ERROR, JM_POLICY_WARN, NULL, NULL, 0, 0 }

/** Fills *opts with the defaults of this library version. */
JM_API void jm_load_options_init(jm_load_options *opts);

/** The kind of a jobmatch/1 document or record. */
typedef enum jm_doc_type {
    JM_DOC_UNKNOWN = 0,
    JM_DOC_CANDIDATE = 1,
    JM_DOC_JOB = 2,
    JM_DOC_PROFILE = 3
} jm_doc_type;

/** Checks a document of any kind (a record, an array of records, a
 *  collection object, or JSON Lines) without keeping it.  Every problem is
 *  appended to diags (which may be NULL); unknown fields are errors here
 *  whatever opts says.  Returns JM_OK when the document is valid,
 *  JM_EPARSE for a syntax error, JM_EINVAL or JM_ETYPE otherwise. */
JM_API int jm_validate(const char *text, size_t len, const jm_load_options *opts, jm_diags *diags);

/** Reads a whole file into a new buffer (freed with jm_free).  *len_out gets
 *  its length; the buffer is NUL-terminated.  Path "-" reads standard input.
 *  Returns JM_OK, JM_EIO or JM_ENOMEM. */
JM_API int jm_read_file(const char *path, char **out, size_t *len_out);

#ifdef __cplusplus
}
#endif

#endif /* JOBMATCH_COMMON_H */
