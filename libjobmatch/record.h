/*
 * Internal: what the candidate and job records share (record.c) - the
 * argument checks of their setters, owned arrays (copy, free, append, id
 * lookup), functional level items and sets of strings.
 *
 * The jm_arg_* checks return true when an argument is acceptable; otherwise
 * they set the last error ("FN: NAME (VALUE) must be ...", through jm_fail)
 * and return false, so that a setter can chain them and return JM_EINVAL.
 */
#ifndef JM_RECORD_H
#define JM_RECORD_H

#include "model.h"
#include "util.h"

/* --- predicates ---------------------------------------------------------- */

/** JM_UNKNOWN, JM_NO or JM_YES. */
bool jm_is_tristate(int v);
/** Finite and within [lo, hi]. */
bool jm_in_range(double x, double lo, double hi);
/** Not NULL, not empty, valid UTF-8. */
bool jm_text_ok(const char *s);

/* --- argument checks (JM_EINVAL) ---------------------------------------- */

/** An id as jm_id_valid: "NAME must be 1..256 bytes of UTF-8 without
 *  control characters". */
bool jm_arg_id(const char *fn, const char *name, const char *id);
/** NULL or jm_text_ok: "NAME must be a non-empty UTF-8 string (or NULL)". */
bool jm_arg_text(const char *fn, const char *name, const char *s);
/** -1, 0 or 1. */
bool jm_arg_tristate(const char *fn, const char *name, int v);
/** An index of an enum of count members: "NAME (V) is not a TYPE (0..N)". */
bool jm_arg_enum(const char *fn, const char *name, int v, int count, const char *type);
/** x within [lo, hi] ("must be in LO..HI"); with nan_ok NaN is accepted
 *  too (and the message says "(or NaN)"). */
bool jm_arg_range(const char *fn, const char *name, double x, double lo, double hi, bool nan_ok);
/** x finite and >= 0 (or NaN with nan_ok). */
bool jm_arg_nonneg(const char *fn, const char *name, double x, bool nan_ok);
/** min <= max when both are known: "min (A) is greater than max (B)". */
bool jm_arg_order(const char *fn, double min, double max);
/** Hours per week: min and max in 0..168, min <= max. */
bool jm_arg_hours(const char *fn, double min, double max);
/** lat in -90..90, lon in -180..180. */
bool jm_arg_location(const char *fn, double lat, double lon);
/** A valid public occupation ("occupation: WHY"). */
bool jm_arg_occupation(const char *fn, const jm_occupation *o);
/** A range of a day that jm_week_add accepts. */
bool jm_arg_week_range(const char *fn, int day, int start_minute, int end_minute);
/** A skill's id (1..512 bytes), label (NULL or text) and level (0..7 or NaN). */
bool jm_arg_skill(const char *fn, const char *id, const char *label, double level);

/** Sets the last error "FN: out of memory" and returns JM_ENOMEM. */
int jm_nomem(const char *fn);

/** Replaces *dst with a copy of s after jm_arg_text.  JM_OK, JM_EINVAL or
 *  JM_ENOMEM (then *dst is unchanged). */
int jm_set_text(const char *fn, const char *name, char **dst, const char *s);

/* --- owned arrays ---------------------------------------------------------- */

/** Copies a string that may be NULL into *dst; false on ENOMEM. */
bool jm_dup_opt(char **dst, const char *src);

/** Frees every element with clear (may be NULL), then the array. */
void jm_array_free(void *v, size_t n, size_t elem, void (*clear)(void *item));
/** Copies n elements with copy (which fills a zeroed element and returns
 *  false on ENOMEM); on success *dst and *dst_n are set, on failure nothing
 *  stays allocated and false is returned. */
bool jm_array_copy(void **dst, size_t *dst_n, const void *src, size_t n, size_t elem,
                   bool (*copy)(void *dst, const void *src), void (*clear)(void *item));
/** Appends a copy of item (elem bytes), growing the array by exactly one
 *  element.  false on ENOMEM (then nothing changes). */
bool jm_append(void **v, size_t *n, const void *item, size_t elem);

/** When the id is taken (jm_id_index), fails with JM_EEXISTS ("FN: id "ID" is already
 *  among the LIST") and returns true. */
bool jm_id_taken(const char *fn, const void *v, size_t n, size_t elem, const char *id, const char *list);
#define JM_ID_TAKEN(fn, v, n, id, list) jm_id_taken((fn), (v), (n), sizeof *(v), (id), (list))

/* --- level items (abilities, demands) and string sets ----------------------- */

void jm_level_clear(void *item);
bool jm_level_copy(void *dst, const void *src);

/** Sets the level (0..2; names the ends low .. high in the message) of a
 *  functional dimension, adding it when new. */
int jm_levels_set(const char *fn, jm_level_item **v, size_t *n, const char *dimension, int level,
                  const char *low, const char *high);

/** Adds an id (as jm_arg_id) to a set of strings unless it is there. */
int jm_strset_add(const char *fn, const char *name, char ***v, size_t *n, const char *s);

#endif /* JM_RECORD_H */
