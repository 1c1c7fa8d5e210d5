/*
 * Reading JSON with precise diagnostics: parsing (UTF-8, BOM, depth,
 * syntax errors with line and column, duplicate keys, non-finite numbers),
 * the JSON path, reporting, and typed member access.
 *
 * Privacy: messages name only field names, ids, enum terms and vocabulary
 * terms.  A term is echoed only when it looks like a term (short, made of
 * letters, digits and _-.:/); anything else is described, never quoted.
 */
#include "jsonread.h"
#include "jsonsyntax.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diags.h"

/* At most this many diagnostics are recorded per reader; then one notice. */
#define JR_MAX_DIAGS 1000

void jm_jr_init(jm_jr *r, const jm_load_options *opts, jm_diags *diags)
{
    memset(r, 0, sizeof *r);
    jm_load_options_init(&r->defaults);
    r->opts = opts ? opts : &r->defaults;
    r->diags = diags;
    r->source = (r->opts->source) ? r->opts->source : "";
    r->line = 0;
    r->unknown_fields_are_errors = false;
    r->path[0] = '\0';
    r->path_len = 0;
    r->first_code = JM_OK;
}

/* ------------------------------------------------------------------------ */
/* Reporting                                                                */

/* s is 1..max bytes of letters, digits and the characters of extra. */
static bool plain_word(const char *s, size_t max, const char *extra)
{
    if (!s || !*s)
        return false;
    size_t n = 0;
    for (const char *p = s; *p; p++, n++) {
        char c = *p;
        if (n >= max)
            return false;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || strchr(extra, c)))
            return false;
    }
    return true;
}

bool jm_jr_is_term(const char *s)
{
    return plain_word(s, 64, "_-.:/");
}

const char *jm_jr_quote_id(const char *id, char *buf, size_t n)
{
    if (plain_word(id, JM_JR_ID_SHOWN_MAX, "_-.:/#@+~"))
        snprintf(buf, n, "'%s'", id);
    else
        snprintf(buf, n, "(not shown: not a plain identifier)");
    return buf;
}

static void report(jm_jr *r, int severity, int code, int line, int column, const char *fmt, va_list ap)
{
    if (severity == JM_SEVERITY_ERROR) {
        if (r->errors++ == 0)
            r->first_code = code;
    } else
        r->warnings++;
    size_t total = r->errors + r->warnings;
    char msg[768];
    if (total > JR_MAX_DIAGS + 1)
        return;
    if (total == JR_MAX_DIAGS + 1) {
        jm_diags_add(r->diags, JM_SEVERITY_ERROR, code, r->source, "", 0, 0,
                     "too many problems: the rest are not listed");
        return;
    }
    vsnprintf(msg, sizeof msg, fmt, ap);
    if (severity == JM_SEVERITY_ERROR && r->errors == 1) {
        /* the first error also becomes the thread's last error */
        char where[64] = "";
        if (line > 0 && column > 0)
            snprintf(where, sizeof where, "%d:%d: ", line, column);
        else if (line > 0)
            snprintf(where, sizeof where, "%d: ", line);
        jm_fail(code, "%s%s%s%s%s%s", r->source, r->source[0] ? ":" : "", where, r->path,
                r->path_len ? ": " : "", msg);
    }
    jm_diags_add(r->diags, severity, code, r->source, r->path, line, column, msg);
}

static void report_at(jm_jr *r, int code, int line, int column, const char *fmt, ...) JM_PRINTF(5, 6);
static void report_at(jm_jr *r, int code, int line, int column, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(r, JM_SEVERITY_ERROR, code, line, column, fmt, ap);
    va_end(ap);
}

void jm_jr_error(jm_jr *r, int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(r, JM_SEVERITY_ERROR, code, r->line, 0, fmt, ap);
    va_end(ap);
}

void jm_jr_warn(jm_jr *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(r, JM_SEVERITY_WARNING, JM_EINVAL, r->line, 0, fmt, ap);
    va_end(ap);
}

void jm_jr_policy(jm_jr *r, int policy, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(r, policy == JM_POLICY_WARN ? JM_SEVERITY_WARNING : JM_SEVERITY_ERROR, JM_EINVAL, r->line, 0,
           fmt, ap);
    va_end(ap);
}

void jm_jr_error_term(jm_jr *r, int code, const char *expected, const char *s)
{
    if (jm_jr_is_term(s))
        jm_jr_error(r, code, "expected %s, found '%s'", expected, s);
    else
        jm_jr_error(r, code, "expected %s, found another string", expected);
}

void jm_jr_error_string(jm_jr *r, const char *expected, const char *s)
{
    jm_jr_error(r, JM_EINVAL, "expected %s, found %s", expected, *s ? "another string" : "an empty string");
}

void jm_jr_unknown_term(jm_jr *r, const char *what, const char *term)
{
    if (jm_jr_is_term(term))
        jm_jr_policy(r, r->opts->unknown_terms, "unknown %s '%s' (not in the scoring profile's vocabulary)",
                     what, term);
    else
        jm_jr_policy(r, r->opts->unknown_terms,
                     "unknown %s (not in the scoring profile's vocabulary; a term is made of letters, "
                     "digits and _-.:/, at most 64 bytes)",
                     what);
}

/* ------------------------------------------------------------------------ */
/* The path                                                                 */

static bool is_identifier(const char *k)
{
    if (!*k || (*k >= '0' && *k <= '9'))
        return false;
    for (; *k; k++) {
        char c = *k;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
            return false;
    }
    return true;
}

static void path_append(jm_jr *r, const char *s, size_t n)
{
    if (r->path_len + n >= JM_JR_PATH_MAX) {
        /* too long: keep a marker so the path is visibly cut */
        n = JM_JR_PATH_MAX - 1 - r->path_len;
    }
    memcpy(r->path + r->path_len, s, n);
    r->path_len += n;
    r->path[r->path_len] = '\0';
}

size_t jm_jr_push_key(jm_jr *r, const char *key)
{
    size_t mark = r->path_len;
    if (is_identifier(key)) {
        if (r->path_len)
            path_append(r, ".", 1);
        path_append(r, key, strlen(key));
    } else if (jm_jr_is_term(key)) {
        /* "a-b", "x.y": quoted; a term holds no quote or backslash */
        path_append(r, "[\"", 2);
        path_append(r, key, strlen(key));
        path_append(r, "\"]", 2);
    } else {
        /* anything else may be free text: never copied into a path */
        path_append(r, "[?]", 3);
    }
    return mark;
}

size_t jm_jr_push_index(jm_jr *r, size_t i)
{
    size_t mark = r->path_len;
    char buf[24], *p = buf + sizeof buf;
    *--p = ']';
    do
        *--p = (char)('0' + i % 10);
    while (i /= 10);
    *--p = '[';
    path_append(r, p, (size_t)(buf + sizeof buf - p));
    return mark;
}

void jm_jr_pop(jm_jr *r, size_t mark)
{
    if (mark <= r->path_len) {
        r->path_len = mark;
        r->path[mark] = '\0';
    }
}

/* ------------------------------------------------------------------------ */
/* Parsing                                                                  */

/* 1-based line and column (in bytes) of offset off in text. */
static void line_col(const char *text, size_t off, int *line, int *col)
{
    int l = 1, c = 1;
    for (size_t i = 0; i < off; i++) {
        if (text[i] == '\n') {
            l++;
            c = 1;
        } else {
            c++;
        }
    }
    *line = l;
    *col = c;
}

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Walks a parsed tree: duplicate keys and non-finite numbers.  The tree is
 * no deeper than max_depth (checked before parsing), so recursion is safe. */
static void walk(jm_jr *r, const cJSON *v)
{
    if (cJSON_IsNumber(v)) {
        if (!isfinite(v->valuedouble))
            jm_jr_error(r, JM_EINVAL, "found a number too large to represent (not finite), "
                                      "expected a finite number");
        return;
    }
    if (cJSON_IsArray(v)) {
        size_t i = 0;
        for (const cJSON *c = v->child; c; c = c->next, i++) {
            size_t m = jm_jr_push_index(r, i);
            walk(r, c);
            jm_jr_pop(r, m);
        }
        return;
    }
    if (cJSON_IsObject(v)) {
        for (const cJSON *c = v->child; c; c = c->next) {
            const char *k = c->string ? c->string : "";
            size_t m = jm_jr_push_key(r, k);
            for (const cJSON *p = v->child; p != c; p = p->next) {
                if (p->string && strcmp(p->string, k) == 0) {
                    jm_jr_error(r, JM_EINVAL, "duplicate key '%s': found it twice in one object, "
                                              "expected each key once",
                                jm_jr_is_term(k) ? k : "(not shown)");
                    break;
                }
            }
            walk(r, c);
            jm_jr_pop(r, m);
        }
    }
}

/* Shared parser: parses one JSON value at the start of text[0..len) and
 * returns it, with *end (when not NULL) the offset just after it; when end
 * is NULL anything but whitespace after the value is an error. */
static cJSON *parse_impl(jm_jr *r, const char *text, size_t len, int line0, size_t *end)
{
    size_t start = 0;
    if (!text) {
        jm_jr_error(r, JM_EINVAL, "no text given");
        return NULL;
    }
    /* a byte-order mark starts a document, never a later JSON Lines line */
    if (line0 == 0 && len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        start = 3;
    const char *body = text + start;
    size_t blen = len - start;
    /* lines and columns are counted from after the byte-order mark */
    if (!jm_utf8_valid(body, blen)) {
        size_t bad = jm_utf8_prefix(body, blen);
        int line, col;
        line_col(body, bad, &line, &col);
        report_at(r, JM_EPARSE, line + line0, col,
                  "found a byte that is not valid UTF-8 (0x%02x), expected UTF-8 text",
                  (unsigned)(unsigned char)body[bad]);
        return NULL;
    }
    size_t first = 0;
    while (first < blen && is_ws(body[first]))
        first++;
    if (first == blen) {
        int line, col;
        line_col(body, first, &line, &col);
        report_at(r, JM_EPARSE, line + line0, col, "found no JSON value (empty input), expected a JSON document");
        return NULL;
    }
    size_t max_depth = r->opts->max_depth ? r->opts->max_depth : JM_DEFAULT_MAX_DEPTH;
    if (max_depth > CJSON_NESTING_LIMIT - 1)
        max_depth = CJSON_NESTING_LIMIT - 1;
    /* The strict check first: cJSON alone accepts "012", control
     * characters between tokens and strings cut short by an escaped NUL. */
    jm_syntax_error se;
    size_t after = 0;
    if (!jm_json_check_syntax(body, blen, max_depth, end ? &after : NULL, &se)) {
        int line, col;
        line_col(body, se.offset, &line, &col);
        report_at(r, JM_EPARSE, line + line0, col, "%s", se.message);
        return NULL;
    }
    if (!end)
        after = blen;
    cJSON *root = cJSON_ParseWithLengthOpts(body, after, NULL, 0);
    if (!root) {
        /* the text is valid JSON: cJSON can only have run out of memory */
        report_at(r, JM_ENOMEM, line0 + 1, 1, "out of memory parsing the JSON document");
        return NULL;
    }
    if (end)
        *end = start + after;
    size_t before = r->errors;
    walk(r, root);
    if (r->errors != before) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

bool jm_jr_size_ok(jm_jr *r, size_t len)
{
    size_t max = r->opts->max_bytes;
    if (max == 0 || len <= max)
        return true;
    report_at(r, JM_ERANGE, 0, 0, "input too large: found %zu bytes, expected at most %zu (the max_bytes option)",
              len, max);
    return false;
}

cJSON *jm_jr_parse(jm_jr *r, const char *text, size_t len, int line0)
{
    return parse_impl(r, text, len, line0, NULL);
}

/* ------------------------------------------------------------------------ */
/* Unknown fields                                                           */

static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return (size_t)-1;
    size_t row[65];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = (a[i - 1] == b[j - 1]) ? 0 : 1;
            size_t best = diag + cost;
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[lb];
}

/* The allowed name closest to key, or NULL when none is close enough. */
static const char *closest(const char *key, const char *const *allowed)
{
    const char *best = NULL;
    size_t best_d = (size_t)-1;
    size_t klen = strlen(key);
    for (size_t i = 0; allowed[i]; i++) {
        size_t d = edit_distance(key, allowed[i]);
        if (d < best_d) {
            best_d = d;
            best = allowed[i];
        }
        /* case-insensitive exact match is the best possible suggestion */
        if (jm_strcasecmp(key, allowed[i]) == 0)
            return allowed[i];
    }
    size_t limit = klen <= 4 ? 1 : (klen <= 8 ? 2 : 3);
    return best && best_d <= limit ? best : NULL;
}

void jm_jr_check_fields(jm_jr *r, const cJSON *obj, const char *const *allowed)
{
    if (!cJSON_IsObject(obj))
        return;
    int policy = r->unknown_fields_are_errors ? JM_POLICY_ERROR : r->opts->unknown_fields;
    for (const cJSON *c = obj->child; c; c = c->next) {
        const char *k = c->string ? c->string : "";
        bool ok = false;
        for (size_t i = 0; allowed[i]; i++)
            if (strcmp(allowed[i], k) == 0) {
                ok = true;
                break;
            }
        if (ok)
            continue;
        size_t m = jm_jr_push_key(r, k);
        const char *s = closest(k, allowed);
        const char *shown = jm_jr_is_term(k) ? k : "(name not shown)";
        if (s)
            jm_jr_policy(r, policy, "unknown field '%s' (did you mean '%s'?)", shown, s);
        else
            jm_jr_policy(r, policy, "unknown field '%s'", shown);
        jm_jr_pop(r, m);
    }
}

void jm_jr_check_names(jm_jr *r, const cJSON *obj, const char *const *names, size_t n)
{
    const char *allowed[64 + 1];
    if (n > 64)
        n = 64;
    for (size_t i = 0; i < n; i++)
        allowed[i] = names[i];
    allowed[n] = NULL;
    jm_jr_check_fields(r, obj, allowed);
}

/* ------------------------------------------------------------------------ */
/* Typed members                                                            */

const char *jm_json_type_name(const cJSON *v)
{
    if (!v)
        return "nothing";
    if (cJSON_IsString(v))
        return "a string";
    if (cJSON_IsNumber(v))
        return "a number";
    if (cJSON_IsObject(v))
        return "an object";
    if (cJSON_IsArray(v))
        return "an array";
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? "true" : "false";
    if (cJSON_IsNull(v))
        return "null";
    return "an invalid value";
}

static const cJSON *member(const cJSON *obj, const char *key)
{
    if (!cJSON_IsObject(obj))
        return NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v))
        return NULL;
    return v;
}

/* "a number from 0 to 168", "a number >= 0", "a number" */
static void range_text(char *out, size_t n, const char *noun, double lo, double hi)
{
    char a[32], b[32];
    bool has_lo = isfinite(lo), has_hi = isfinite(hi);
    if (has_lo && has_hi)
        snprintf(out, n, "%s from %s to %s", noun, jm_num(a, lo), jm_num(b, hi));
    else if (has_lo)
        snprintf(out, n, "%s >= %s", noun, jm_num(a, lo));
    else if (has_hi)
        snprintf(out, n, "%s <= %s", noun, jm_num(b, hi));
    else
        snprintf(out, n, "%s", noun);
}

/* The error for v, which is not noun in [lo, hi] (integer: nor whole);
 * the range's text is made only here, on the error path. */
static void number_error(jm_jr *r, const cJSON *v, const char *noun, double lo, double hi)
{
    char expect[96], found[40];
    range_text(expect, sizeof expect, noun, lo, hi);
    if (!cJSON_IsNumber(v)) {
        jm_jr_error(r, JM_EINVAL, "expected %s, found %s", expect, jm_json_type_name(v));
    } else if (!isfinite(v->valuedouble)) {
        jm_jr_error(r, JM_EINVAL, "expected %s, found a number that is not finite", expect);
    } else {
        snprintf(found, sizeof found, "%.10g", v->valuedouble);
        jm_jr_error(r, JM_EINVAL, "expected %s, found %s", expect, found);
    }
}

bool jm_jr_value_number(jm_jr *r, const cJSON *v, double lo, double hi, double *out)
{
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble < lo || v->valuedouble > hi) {
        number_error(r, v, "a number", lo, hi);
        return false;
    }
    *out = v->valuedouble;
    return true;
}

bool jm_jr_number(jm_jr *r, const cJSON *obj, const char *key, double lo, double hi, double *out)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return false;
    size_t m = jm_jr_push_key(r, key);
    bool ok = jm_jr_value_number(r, v, lo, hi, out);
    jm_jr_pop(r, m);
    return ok;
}

bool jm_jr_int(jm_jr *r, const cJSON *obj, const char *key, int lo, int hi, int *out)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return false;
    if (!cJSON_IsNumber(v) || !isfinite(v->valuedouble) || v->valuedouble != floor(v->valuedouble) ||
        v->valuedouble < lo || v->valuedouble > hi) {
        size_t m = jm_jr_push_key(r, key);
        number_error(r, v, "an integer", (double)lo, (double)hi);
        jm_jr_pop(r, m);
        return false;
    }
    *out = (int)v->valuedouble;
    return true;
}

bool jm_jr_bool(jm_jr *r, const cJSON *obj, const char *key, bool *out)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return false;
    if (!cJSON_IsBool(v)) {
        size_t m = jm_jr_push_key(r, key);
        jm_jr_error(r, JM_EINVAL, "expected true or false, found %s", jm_json_type_name(v));
        jm_jr_pop(r, m);
        return false;
    }
    *out = cJSON_IsTrue(v) != 0;
    return true;
}

bool jm_jr_value_string(jm_jr *r, const cJSON *v, size_t max_len, const char **out)
{
    if (max_len == 0)
        max_len = 4096;
    if (!cJSON_IsString(v) || !v->valuestring) {
        jm_jr_error(r, JM_EINVAL, "expected a string, found %s", jm_json_type_name(v));
        return false;
    }
    size_t n = strlen(v->valuestring);
    if (n > max_len) {
        jm_jr_error(r, JM_EINVAL, "expected a string of at most %zu bytes, found %zu bytes", max_len, n);
        return false;
    }
    *out = v->valuestring;
    return true;
}

bool jm_jr_string(jm_jr *r, const cJSON *obj, const char *key, size_t max_len, const char **out)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return false;
    size_t m = jm_jr_push_key(r, key);
    bool ok = jm_jr_value_string(r, v, max_len, out);
    jm_jr_pop(r, m);
    return ok;
}

bool jm_jr_value_enum(jm_jr *r, const cJSON *v, const char *const *names, int count, int *out)
{
    bool ok = false;
    jm_buf list;
    jm_buf_init(&list);
    jm_buf_append(&list, "one of ");
    for (int i = 0, listed = 0; i < count; i++) {
        if (!names[i])
            continue;
        if (listed++)
            jm_buf_append(&list, ", ");
        jm_buf_append(&list, names[i]);
    }
    const char *choices = list.data && !list.oom ? list.data : "one of a known term";
    if (!cJSON_IsString(v) || !v->valuestring) {
        jm_jr_error(r, JM_EINVAL, "expected %s, found %s", choices, jm_json_type_name(v));
    } else {
        for (int i = 0; i < count; i++) {
            if (names[i] && strcmp(names[i], v->valuestring) == 0) {
                *out = i;
                ok = true;
                break;
            }
        }
        if (!ok)
            jm_jr_error_term(r, JM_EINVAL, choices, v->valuestring);
    }
    jm_buf_free(&list);
    return ok;
}

bool jm_jr_enum(jm_jr *r, const cJSON *obj, const char *key, const char *const *names, int count,
                int *out)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return false;
    size_t m = jm_jr_push_key(r, key);
    bool ok = jm_jr_value_enum(r, v, names, count, out);
    jm_jr_pop(r, m);
    return ok;
}

/* A member of the kind is() accepts; NULL when absent, or after reporting. */
static const cJSON *typed_member(jm_jr *r, const cJSON *obj, const char *key, cJSON_bool (*is)(const cJSON *),
                                 const char *expected)
{
    const cJSON *v = member(obj, key);
    if (!v)
        return NULL;
    if (!is(v)) {
        size_t m = jm_jr_push_key(r, key);
        jm_jr_error(r, JM_EINVAL, "expected %s, found %s", expected, jm_json_type_name(v));
        jm_jr_pop(r, m);
        return NULL;
    }
    return v;
}

const cJSON *jm_jr_object(jm_jr *r, const cJSON *obj, const char *key)
{
    return typed_member(r, obj, key, cJSON_IsObject, "an object");
}

const cJSON *jm_jr_array(jm_jr *r, const cJSON *obj, const char *key)
{
    return typed_member(r, obj, key, cJSON_IsArray, "an array");
}

const cJSON *jm_jr_enter(jm_jr *r, const cJSON *obj, const char *key, const char *const *allowed,
                         size_t *mark)
{
    const cJSON *v = jm_jr_object(r, obj, key);
    if (!v)
        return NULL;
    *mark = jm_jr_push_key(r, key);
    if (allowed)
        jm_jr_check_fields(r, v, allowed);
    return v;
}

void jm_jr_numbers(jm_jr *r, const cJSON *obj, const char *key, const char *const *names, int n,
                   double lo, double hi, double *values)
{
    size_t m;
    const cJSON *o = jm_jr_enter(r, obj, key, NULL, &m);
    if (!o)
        return;
    jm_jr_check_names(r, o, names, (size_t)n);
    for (int k = 0; k < n; k++)
        jm_jr_number(r, o, names[k], lo, hi, &values[k]);
    jm_jr_pop(r, m);
}

/* ------------------------------------------------------------------------ */
/* Arrays, file options                                                     */

void jm_jr_each_value(jm_jr *r, const cJSON *v, const char *what, jm_jr_each_fn fn, void *ctx)
{
    size_t i = 0;
    for (const cJSON *e = v->child; e; e = e->next, i++) {
        size_t m = jm_jr_push_index(r, i);
        bool go_on = true;
        if (what && !cJSON_IsObject(e))
            jm_jr_error(r, JM_EINVAL, "expected %s, found %s", what, jm_json_type_name(e));
        else
            go_on = fn(r, e, i, ctx);
        jm_jr_pop(r, m);
        if (!go_on)
            break;
    }
}

bool jm_jr_each(jm_jr *r, const cJSON *obj, const char *key, const char *what, jm_jr_each_fn fn,
                void *ctx)
{
    const cJSON *v = jm_jr_array(r, obj, key);
    if (!v)
        return false;
    size_t m = jm_jr_push_key(r, key);
    jm_jr_each_value(r, v, what, fn, ctx);
    jm_jr_pop(r, m);
    return true;
}

void jm_jr_file_options(jm_load_options *out, const jm_load_options *opts, const char *path)
{
    if (opts)
        *out = *opts;
    else
        jm_load_options_init(out);
    if (!out->source)
        out->source = strcmp(path, "-") == 0 ? "<stdin>" : path;
}
