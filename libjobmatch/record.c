/* What the candidate and job records share: setter checks, owned arrays,
 * level items, string sets and the interest setters (record.h, model.h). */
#include "record.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

#define SKILL_ID_MAX 512

/* ---------------------------------------------------------------------- */
/* Predicates                                                             */

bool jm_is_tristate(int v)
{
    return v == JM_UNKNOWN || v == JM_NO || v == JM_YES;
}

bool jm_in_range(double x, double lo, double hi)
{
    return isfinite(x) && x >= lo && x <= hi;
}

bool jm_text_ok(const char *s)
{
    return s && s[0] != '\0' && jm_utf8_valid(s, strlen(s));
}

/* ---------------------------------------------------------------------- */
/* Argument checks                                                        */

bool jm_arg_id(const char *fn, const char *name, const char *id)
{
    if (jm_id_valid(id))
        return true;
    jm_fail(JM_EINVAL, "%s: %s must be 1..256 bytes of UTF-8 without control characters", fn, name);
    return false;
}

bool jm_arg_text(const char *fn, const char *name, const char *s)
{
    if (!s || jm_text_ok(s))
        return true;
    jm_fail(JM_EINVAL, "%s: %s must be a non-empty UTF-8 string (or NULL)", fn, name);
    return false;
}

bool jm_arg_tristate(const char *fn, const char *name, int v)
{
    if (jm_is_tristate(v))
        return true;
    jm_fail(JM_EINVAL, "%s: %s (%d) must be -1 (unknown), 0 or 1", fn, name, v);
    return false;
}

bool jm_arg_enum(const char *fn, const char *name, int v, int count, const char *type)
{
    if (v >= 0 && v < count)
        return true;
    jm_fail(JM_EINVAL, "%s: %s (%d) is not a %s (0..%d)", fn, name, v, type, count - 1);
    return false;
}

bool jm_arg_range(const char *fn, const char *name, double x, double lo, double hi, bool nan_ok)
{
    if (jm_in_range(x, lo, hi) || (nan_ok && isnan(x)))
        return true;
    char a[32], b[32], c[32];
    jm_fail(JM_EINVAL, "%s: %s (%s) must be in %s..%s%s", fn, name, jm_num(a, x), jm_num(b, lo),
            jm_num(c, hi), nan_ok ? " (or NaN)" : "");
    return false;
}

bool jm_arg_nonneg(const char *fn, const char *name, double x, bool nan_ok)
{
    if ((isfinite(x) && x >= 0) || (nan_ok && isnan(x)))
        return true;
    char a[32];
    jm_fail(JM_EINVAL, "%s: %s (%s) must be a finite number >= 0%s", fn, name, jm_num(a, x),
            nan_ok ? " (or NaN)" : "");
    return false;
}

bool jm_arg_order(const char *fn, double min, double max)
{
    if (isnan(min) || isnan(max) || min <= max)
        return true;
    char a[32], b[32];
    jm_fail(JM_EINVAL, "%s: min (%s) is greater than max (%s)", fn, jm_num(a, min), jm_num(b, max));
    return false;
}

bool jm_arg_hours(const char *fn, double min, double max)
{
    return jm_arg_range(fn, "min", min, 0, 168, false) && jm_arg_range(fn, "max", max, 0, 168, false) &&
           jm_arg_order(fn, min, max);
}

bool jm_arg_location(const char *fn, double lat, double lon)
{
    return jm_arg_range(fn, "lat", lat, -90, 90, false) && jm_arg_range(fn, "lon", lon, -180, 180, false);
}

bool jm_arg_occupation(const char *fn, const jm_occupation *o)
{
    const char *why = jm_occupation_problem(o);
    if (!why)
        return true;
    jm_fail(JM_EINVAL, "%s: occupation: %s", fn, why);
    return false;
}

bool jm_arg_week_range(const char *fn, int day, int start_minute, int end_minute)
{
    const char *why = jm_week_range_problem(day, start_minute, end_minute);
    if (!why)
        return true;
    jm_fail(JM_EINVAL, "%s: %s (got day %d, %d-%d)", fn, why, day, start_minute, end_minute);
    return false;
}

bool jm_arg_skill(const char *fn, const char *id, const char *label, double level)
{
    if (!jm_long_id_valid(id, SKILL_ID_MAX)) {
        jm_fail(JM_EINVAL, "%s: id must be 1..512 bytes of UTF-8 without control characters", fn);
        return false;
    }
    return jm_arg_text(fn, "label", label) && jm_arg_range(fn, "level", level, 0, 7, true);
}

int jm_nomem(const char *fn)
{
    return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
}

int jm_set_text(const char *fn, const char *name, char **dst, const char *s)
{
    if (!jm_arg_text(fn, name, s))
        return JM_EINVAL;
    if (jm_str_set(dst, s) != JM_OK)
        return jm_nomem(fn);
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* Owned arrays                                                           */

bool jm_dup_opt(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return true;
    *dst = jm_strdup(src);
    return *dst != NULL;
}

void jm_array_free(void *v, size_t n, size_t elem, void (*clear)(void *item))
{
    if (clear)
        for (size_t i = 0; i < n; i++)
            clear((char *)v + i * elem);
    free(v);
}

bool jm_array_copy(void **dst, size_t *dst_n, const void *src, size_t n, size_t elem,
                   bool (*copy)(void *dst, const void *src), void (*clear)(void *item))
{
    char *v = n ? calloc(n, elem) : NULL;
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!copy(v + i * elem, (const char *)src + i * elem)) {
            jm_array_free(v, i + 1, elem, clear);
            return false;
        }
    }
    *dst = v;
    *dst_n = n;
    return true;
}

bool jm_append(void **v, size_t *n, const void *item, size_t elem)
{
    if (*n + 1 > SIZE_MAX / elem)
        return false;
    char *p = realloc(*v, (*n + 1) * elem);
    if (!p)
        return false;
    memcpy(p + *n * elem, item, elem);
    *v = p;
    (*n)++;
    return true;
}

bool jm_id_taken(const char *fn, const void *v, size_t n, size_t elem, const char *id, const char *list)
{
    if (jm_id_index(v, n, elem, id) < 0)
        return false;
    jm_fail(JM_EEXISTS, "%s: id \"%s\" is already among the %s", fn, id, list);
    return true;
}

/* ---------------------------------------------------------------------- */
/* Level items and string sets                                            */

void jm_level_clear(void *item)
{
    free(((jm_level_item *)item)->id);
}

bool jm_level_copy(void *dst, const void *src)
{
    jm_level_item *d = dst;
    const jm_level_item *s = src;
    d->level = s->level;
    d->key = s->key;
    return jm_dup_opt(&d->id, s->id);
}

int jm_levels_set(const char *fn, jm_level_item **v, size_t *n, const char *dimension, int level,
                  const char *low, const char *high)
{
    if (!jm_arg_id(fn, "dimension", dimension))
        return JM_EINVAL;
    if (level < 0 || level > 2)
        return jm_fail(JM_EINVAL, "%s: level (%d) must be 0 (%s) .. 2 (%s)", fn, level, low, high);
    for (size_t i = 0; i < *n; i++) {
        if (strcmp((*v)[i].id, dimension) == 0) {
            (*v)[i].level = level;
            return JM_OK;
        }
    }
    jm_level_item it = { jm_strdup(dimension), level, jm_str_key(dimension) };
    if (!it.id || !jm_append((void **)v, n, &it, sizeof it)) {
        free(it.id);
        return jm_nomem(fn);
    }
    return JM_OK;
}

int jm_strset_add(const char *fn, const char *name, char ***v, size_t *n, const char *s)
{
    if (!jm_arg_id(fn, name, s))
        return JM_EINVAL;
    if (!jm_strv_contains(*v, *n, s) && jm_strv_push(v, n, s) != JM_OK)
        return jm_nomem(fn);
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* Interests (model.h)                                                    */

int jm_interests_set_scores(jm_interests *in, const char *fn, const double *scores, size_t n)
{
    char a[32];
    if (!scores)
        return jm_fail(JM_EINVAL, "%s: scores is NULL", fn);
    if (n != JM_RIASEC_COUNT)
        return jm_fail(JM_EINVAL, "%s: n (%zu) must be 6 (R, I, A, S, E, C)", fn, n);
    for (size_t i = 0; i < n; i++)
        if (!jm_in_range(scores[i], 1, 7))
            return jm_fail(JM_EINVAL, "%s: scores[%zu] (%c = %s) must be in 1..7", fn, i,
                           jm_riasec_letters[i], jm_num(a, scores[i]));
    memcpy(in->scores, scores, sizeof in->scores);
    in->has_scores = true;
    return JM_OK;
}

int jm_interests_set_code(jm_interests *in, const char *fn, const char *code)
{
    if (!code)
        return jm_fail(JM_EINVAL, "%s: code is NULL", fn);
    size_t n = strlen(code);
    if (n < 1 || n > 3)
        return jm_fail(JM_EINVAL, "%s: code must be 1 to 3 letters of RIASEC", fn);
    char t[4] = { 0 };
    for (size_t i = 0; i < n; i++) {
        char ch = code[i];
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (!ch || !strchr(jm_riasec_letters, ch))
            return jm_fail(JM_EINVAL, "%s: code must be 1 to 3 letters of RIASEC "
                                      "(letter %zu is not one)", fn, i + 1);
        if (memchr(t, ch, i))
            return jm_fail(JM_EINVAL, "%s: code repeats the letter %c", fn, ch);
        t[i] = ch;
    }
    memcpy(in->code, t, sizeof in->code);
    return JM_OK;
}
