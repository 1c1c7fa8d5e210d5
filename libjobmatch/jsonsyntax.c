/* A strict JSON syntax check (RFC 8259): see jsonsyntax.h. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "jsonsyntax.h"

/* What the checker expects next. */
enum expect {
    X_VALUE,          /* at the root, after ':', after ',' in an array */
    X_VALUE_OR_CLOSE, /* just after '[' */
    X_KEY,            /* after ',' in an object */
    X_KEY_OR_CLOSE,   /* just after '{' */
    X_COLON,          /* after a key */
    X_NEXT            /* after a value inside a container */
};

#define MAX_LEVELS 1024 /* the containers' kinds, one bit per level */

typedef struct checker {
    const char *s;
    size_t len;
    size_t max_depth;
    size_t depth;
    uint64_t is_object[MAX_LEVELS / 64];
    jm_syntax_error *err;
} checker;

static bool is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_hex(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* A byte that may follow a number or a literal. */
static bool is_delimiter(char c)
{
    return is_ws(c) || c == ',' || c == ']' || c == '}';
}

static bool top_is_object(const checker *k)
{
    size_t d = k->depth - 1;
    return (k->is_object[d / 64] >> (d % 64)) & 1u;
}

static bool fail(checker *k, size_t off, const char *found, const char *expected)
{
    k->err->offset = off;
    k->err->depth = false;
    snprintf(k->err->message, sizeof k->err->message, "JSON syntax error: found %s, expected %s", found,
             expected);
    return false;
}

/* The end of the input: reported just after the last byte that is not
 * whitespace, so a truncated file points at where it was cut. */
static bool fail_end(checker *k, const char *expected)
{
    size_t off = k->len;
    while (off > 0 && is_ws(k->s[off - 1]))
        off--;
    return fail(k, off, "the end of the input", expected);
}

/* What the byte at off is, for "found X"; string contents are never
 * quoted, only structural and other single ASCII characters. */
static void describe(const checker *k, size_t off, char *out, size_t n)
{
    const unsigned char c = (unsigned char)k->s[off];
    const char *rest = k->s + off;
    size_t left = k->len - off;
    if (strchr("{}[],:\"", c) && c)
        snprintf(out, n, "'%c'", c);
    else if (is_digit((char)c) || c == '-' || c == '+' || c == '.')
        snprintf(out, n, "a number");
    else if ((left >= 4 && (!memcmp(rest, "true", 4) || !memcmp(rest, "null", 4))) ||
             (left >= 5 && !memcmp(rest, "false", 5)))
        snprintf(out, n, "a literal (true, false or null)");
    else if (is_alpha((char)c))
        snprintf(out, n, "a bare word (strings need double quotes; literals are true, false, null)");
    else if (c == '\'')
        snprintf(out, n, "a single quote (strings need double quotes)");
    else if (c == '/')
        snprintf(out, n, "'/' (JSON has no comments)");
    else if (c < 0x20 || c == 0x7f)
        snprintf(out, n, "a control character (0x%02x)", (unsigned)c);
    else if (left >= 3 && c == 0xEF && (unsigned char)rest[1] == 0xBB && (unsigned char)rest[2] == 0xBF)
        snprintf(out, n, "a byte-order mark (U+FEFF)");
    else if (c >= 0x80)
        snprintf(out, n, "a non-ASCII character outside a string");
    else
        snprintf(out, n, "an unexpected character ('%c')", c);
}

static bool fail_at(checker *k, size_t off, const char *expected)
{
    if (off >= k->len)
        return fail_end(k, expected);
    char what[96];
    describe(k, off, what, sizeof what);
    return fail(k, off, what, expected);
}

static unsigned hex4(const char *p)
{
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v = v * 16 + (unsigned)(is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
}

/* A \uXXXX escape at *i (pointing at the backslash).  Advances past it,
 * and past the low half of a surrogate pair. */
static bool check_unicode_escape(checker *k, size_t *i)
{
    size_t at = *i;
    const char *s = k->s;
    if (at + 6 > k->len || !is_hex(s[at + 2]) || !is_hex(s[at + 3]) || !is_hex(s[at + 4]) ||
        !is_hex(s[at + 5])) {
        if (at + 6 > k->len && memchr(s + at, '"', k->len - at) == NULL)
            return fail_end(k, "the rest of a \\uXXXX escape and the string's closing '\"'");
        return fail(k, at, "a \\u escape without four hexadecimal digits", "\\uXXXX");
    }
    unsigned u = hex4(s + at + 2);
    if (u == 0)
        return fail(k, at, "an escaped NUL character (\\u0000) in a string",
                    "text without NUL characters (they would cut the string short)");
    if (u >= 0xDC00 && u <= 0xDFFF)
        return fail(k, at, "an unpaired UTF-16 low surrogate escape in a string",
                    "a \\uD800-\\uDBFF escape before it");
    if (u >= 0xD800 && u <= 0xDBFF) {
        bool low = at + 12 <= k->len && s[at + 6] == '\\' && s[at + 7] == 'u' && is_hex(s[at + 8]) &&
                   is_hex(s[at + 9]) && is_hex(s[at + 10]) && is_hex(s[at + 11]);
        unsigned v = low ? hex4(s + at + 8) : 0;
        if (!low || v < 0xDC00 || v > 0xDFFF)
            return fail(k, at, "an unpaired UTF-16 high surrogate escape in a string",
                        "a \\uDC00-\\uDFFF escape right after it");
        *i = at + 12;
        return true;
    }
    *i = at + 6;
    return true;
}

/* A string starting at *i (the opening quote); *i ends just after it. */
static bool check_string(checker *k, size_t *i)
{
    size_t p = *i + 1;
    const char *s = k->s;
    while (p < k->len) {
        unsigned char c = (unsigned char)s[p];
        if (c == '"') {
            *i = p + 1;
            return true;
        }
        if (c < 0x20) {
            char what[96];
            snprintf(what, sizeof what, "a raw control character (0x%02x) inside a string", (unsigned)c);
            return fail(k, p, what, "it escaped (\\n, \\t, \\u00XX)");
        }
        if (c != '\\') {
            p++;
            continue;
        }
        if (p + 1 >= k->len)
            return fail_end(k, "the rest of an escape and the string's closing '\"'");
        char e = s[p + 1];
        if (e == 'u') {
            if (!check_unicode_escape(k, &p))
                return false;
        } else if (strchr("\"\\/bfnrt", e) && e) {
            p += 2;
        } else {
            return fail(k, p, "an invalid escape in a string",
                        "one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX");
        }
    }
    return fail_end(k, "the string's closing '\"'");
}

/* A number starting at *i; *i ends just after it. */
static bool check_number(checker *k, size_t *i, const char *expected)
{
    const char *s = k->s;
    size_t start = *i, p = start, n = k->len;
    const char *problem = NULL;
    if (p < n && s[p] == '-')
        p++;
    if (p < n && s[p] == '0') {
        p++;
        if (p < n && is_digit(s[p]))
            problem = "a number with a leading zero";
    } else if (p < n && is_digit(s[p])) {
        while (p < n && is_digit(s[p]))
            p++;
    } else {
        problem = s[start] == '+' ? "a number with a '+' sign" : "a malformed number";
    }
    if (!problem && p < n && s[p] == '.') {
        p++;
        if (p >= n || !is_digit(s[p]))
            problem = "a malformed number (no digit after '.')";
        while (p < n && is_digit(s[p]))
            p++;
    }
    if (!problem && p < n && (s[p] == 'e' || s[p] == 'E')) {
        p++;
        if (p < n && (s[p] == '+' || s[p] == '-'))
            p++;
        if (p >= n || !is_digit(s[p]))
            problem = "a malformed number (no digit in the exponent)";
        while (p < n && is_digit(s[p]))
            p++;
    }
    if (!problem && p < n && !is_delimiter(s[p]))
        problem = "a malformed number";
    if (problem)
        return fail(k, start, problem, expected);
    *i = p;
    return true;
}

/* true, false or null at *i. */
static bool check_literal(checker *k, size_t *i, const char *expected)
{
    static const char *const words[] = {"true", "false", "null"};
    const char *s = k->s + *i;
    size_t left = k->len - *i;
    for (size_t w = 0; w < 3; w++) {
        size_t n = strlen(words[w]);
        if (left >= n && memcmp(s, words[w], n) == 0 && (left == n || is_delimiter(s[n]))) {
            *i += n;
            return true;
        }
    }
    return fail(k, *i, "a bare word (strings need double quotes; literals are true, false, null)",
                expected);
}

static bool push(checker *k, size_t off, bool object)
{
    if (k->depth + 1 > k->max_depth) {
        k->err->offset = off;
        k->err->depth = true;
        snprintf(k->err->message, sizeof k->err->message,
                 "nesting too deep: found more than %zu levels of arrays and objects, expected at most %zu",
                 k->max_depth, k->max_depth);
        return false;
    }
    size_t d = k->depth++;
    if (object)
        k->is_object[d / 64] |= (uint64_t)1 << (d % 64);
    else
        k->is_object[d / 64] &= ~((uint64_t)1 << (d % 64));
    return true;
}

static const char *expected_text(const checker *k, enum expect x)
{
    switch (x) {
    case X_VALUE: return "a value (an object, array, string, number, true, false or null)";
    case X_VALUE_OR_CLOSE: return "a value or ']'";
    case X_KEY: return "a key in double quotes";
    case X_KEY_OR_CLOSE: return "a key in double quotes or '}'";
    case X_COLON: return "':' after the key";
    case X_NEXT: return top_is_object(k) ? "',' or '}'" : "',' or ']'";
    }
    return "valid JSON";
}

bool jm_json_check_syntax(const char *text, size_t len, size_t max_depth, size_t *end,
                          jm_syntax_error *err)
{
    checker k = {.s = text, .len = len, .max_depth = max_depth, .err = err};
    if (k.max_depth > MAX_LEVELS)
        k.max_depth = MAX_LEVELS;
    enum expect x = X_VALUE;
    size_t i = 0;
    for (;;) {
        while (i < len && is_ws(text[i]))
            i++;
        const char *want = expected_text(&k, x);
        if (i >= len)
            return fail_end(&k, want);
        char c = text[i];
        switch (x) {
        case X_COLON:
            if (c != ':')
                return fail_at(&k, i, want);
            i++;
            x = X_VALUE;
            continue;
        case X_NEXT:
            if (c == ',') {
                i++;
                x = top_is_object(&k) ? X_KEY : X_VALUE;
                continue;
            }
            if (c != (top_is_object(&k) ? '}' : ']'))
                return fail_at(&k, i, want);
            i++;
            k.depth--;
            break; /* a value (the container) has ended */
        case X_KEY:
        case X_KEY_OR_CLOSE:
            if (c == '}' && x == X_KEY_OR_CLOSE) {
                i++;
                k.depth--;
                break;
            }
            if (c != '"')
                return fail_at(&k, i, c == '}' ? "a key in double quotes (a ',' before '}' ends nothing)"
                                               : want);
            if (!check_string(&k, &i))
                return false;
            x = X_COLON;
            continue;
        case X_VALUE:
        case X_VALUE_OR_CLOSE:
            if (c == ']' && x == X_VALUE_OR_CLOSE) {
                i++;
                k.depth--;
                break;
            }
            if (c == '{' || c == '[') {
                if (!push(&k, i, c == '{'))
                    return false;
                i++;
                x = c == '{' ? X_KEY_OR_CLOSE : X_VALUE_OR_CLOSE;
                continue;
            }
            if (c == '"') {
                if (!check_string(&k, &i))
                    return false;
            } else if (is_digit(c) || c == '-' || c == '+' || c == '.') {
                if (!check_number(&k, &i, want))
                    return false;
            } else if (is_alpha(c)) {
                if (!check_literal(&k, &i, want))
                    return false;
            } else {
                return fail_at(&k, i, c == ']' ? "a value (a ',' before ']' ends nothing)" : want);
            }
            break; /* a scalar value has ended */
        }
        /* a value has ended: the document, or one member of a container */
        if (k.depth > 0) {
            x = X_NEXT;
            continue;
        }
        if (end) {
            *end = i;
            return true;
        }
        while (i < len && is_ws(text[i]))
            i++;
        if (i < len) {
            char what[96];
            describe(&k, i, what, sizeof what);
            k.err->offset = i;
            k.err->depth = false;
            snprintf(k.err->message, sizeof k.err->message,
                     "JSON syntax error: found %s after the end of the document, expected nothing more", what);
            return false;
        }
        return true;
    }
}
