/* Small shared helpers: strings, growable buffers and arrays. */
#include "util.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobmatch/common.h"
#include "model.h" /* jm_long_id_valid */

char *jm_strdup(const char *s)
{
    return s ? jm_strndup(s, strlen(s)) : NULL;
}

char *jm_strndup(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

int jm_str_set(char **dst, const char *src)
{
    char *copy = NULL;
    if (src && !(copy = jm_strdup(src)))
        return JM_ENOMEM;
    free(*dst);
    *dst = copy;
    return JM_OK;
}

int jm_strcasecmp(const char *a, const char *b)
{
    for (;; a++, b++) {
        int ca = (unsigned char)*a, cb = (unsigned char)*b;
        if (ca >= 'A' && ca <= 'Z')
            ca += 'a' - 'A';
        if (cb >= 'A' && cb <= 'Z')
            cb += 'a' - 'A';
        if (ca != cb || ca == 0)
            return ca - cb;
    }
}

int jm_grow(void **ptr, size_t *cap, size_t need, size_t elem)
{
    if (need <= *cap)
        return JM_OK;
    size_t ncap = *cap ? *cap : 4;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2)
            return JM_ENOMEM;
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        return JM_ENOMEM;
    void *p = realloc(*ptr, ncap * elem);
    if (!p)
        return JM_ENOMEM;
    *ptr = p;
    *cap = ncap;
    return JM_OK;
}

uint64_t jm_str_key(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h ^= *p;
        h *= 0x100000001b3ULL;
    }
    return h;
}

/* The id an element starts with (see jm_id_index). */
static const char *elem_id(const void *v, size_t i, size_t elem)
{
    return *(char *const *)(const void *)((const char *)v + i * elem);
}

static int key_ref_cmp(const void *a, const void *b)
{
    const jm_key_ref *x = a, *y = b;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

bool jm_key_index_build(const void *v, size_t n, size_t elem, jm_key_ref **out)
{
    jm_key_ref *index = NULL;
    if (n) {
        index = malloc(n * sizeof *index);
        if (!index)
            return false;
        for (size_t i = 0; i < n; i++) {
            const char *id = elem_id(v, i, elem);
            index[i].key = jm_str_key(id ? id : "");
            index[i].pos = i;
        }
        qsort(index, n, sizeof *index, key_ref_cmp);
    }
    *out = index;
    return true;
}

long jm_key_index_find(const jm_key_ref *index, const void *v, size_t n, size_t elem, const char *id,
                       uint64_t key)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (index[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (; lo < n && index[lo].key == key; lo++) {
        const char *item = elem_id(v, index[lo].pos, elem);
        if (item && strcmp(item, id) == 0)
            return (long)index[lo].pos;
    }
    return -1;
}

long jm_id_index(const void *v, size_t n, size_t elem, const char *id)
{
    for (size_t i = 0; i < n; i++) {
        /* the element starts with its id: a pointer to the element, suitably
         * converted, points to that first member */
        const char *item_id = *(char *const *)(const void *)((const char *)v + i * elem);
        if (item_id && strcmp(item_id, id) == 0)
            return (long)i;
    }
    return -1;
}

int jm_strv_push(char ***v, size_t *n, const char *s)
{
    char *copy = jm_strdup(s);
    if (!copy)
        return JM_ENOMEM;
    char **nv = realloc(*v, (*n + 1) * sizeof **v);
    if (!nv) {
        free(copy);
        return JM_ENOMEM;
    }
    nv[(*n)++] = copy;
    *v = nv;
    return JM_OK;
}

void jm_strv_free(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

int jm_strv_copy(char ***dst, size_t *dst_n, char *const *src, size_t n)
{
    *dst = NULL;
    *dst_n = 0;
    for (size_t i = 0; i < n; i++) {
        if (jm_strv_push(dst, dst_n, src[i]) != JM_OK) {
            jm_strv_free(*dst, *dst_n);
            *dst = NULL;
            *dst_n = 0;
            return JM_ENOMEM;
        }
    }
    return JM_OK;
}

bool jm_strv_contains(char *const *v, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], s) == 0)
            return true;
    return false;
}

void jm_buf_init(jm_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

void jm_buf_free(jm_buf *b)
{
    free(b->data);
    jm_buf_init(b);
}

void jm_buf_appendn(jm_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    void *p = b->data;
    if (jm_grow(&p, &b->cap, b->len + n + 1, 1) != JM_OK) {
        b->oom = true;
        return;
    }
    b->data = p;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void jm_buf_append(jm_buf *b, const char *s)
{
    jm_buf_appendn(b, s, strlen(s));
}

void jm_buf_vprintf(jm_buf *b, const char *fmt, va_list ap)
{
    if (b->oom)
        return;
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->oom = true;
        return;
    }
    void *p = b->data;
    if (jm_grow(&p, &b->cap, b->len + (size_t)n + 1, 1) != JM_OK) {
        b->oom = true;
        return;
    }
    b->data = p;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void jm_buf_printf(jm_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    jm_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *jm_buf_take(jm_buf *b)
{
    char *d = NULL;
    if (!b->oom)
        d = b->data ? b->data : jm_strdup("");
    else
        free(b->data);
    jm_buf_init(b);
    return d;
}

char *jm_strfmt(const char *fmt, ...)
{
    jm_buf b;
    jm_buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    jm_buf_vprintf(&b, fmt, ap);
    va_end(ap);
    return jm_buf_take(&b);
}

const char *jm_num(char out[32], double x)
{
    if (isnan(x)) {
        strcpy(out, "?");
        return out;
    }
    snprintf(out, 32, "%.2f", x);
    char *dot = strchr(out, '.');
    if (dot) {
        char *end = out + strlen(out) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(out, "-0") == 0)
        strcpy(out, "0");
    return out;
}

size_t jm_utf8_prefix(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        size_t len;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            len = 2; min = 0x80; c &= 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            len = 3; min = 0x800; c &= 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            len = 4; min = 0x10000; c &= 0x07;
        } else {
            return i;
        }
        if (n - i < len)
            return i;
        for (size_t k = 1; k < len; k++) {
            if ((u[i + k] & 0xC0) != 0x80)
                return i;
            c = (c << 6) | (u[i + k] & 0x3F);
        }
        if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
            return i;
        i += len;
    }
    return n;
}

bool jm_utf8_valid(const char *s, size_t n)
{
    return jm_utf8_prefix(s, n) == n;
}

bool jm_long_id_valid(const char *id, size_t max_bytes)
{
    if (!id)
        return false;
    size_t n = strlen(id);
    if (n == 0 || n > max_bytes || !jm_utf8_valid(id, n))
        return false;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)id[i] < 0x20 || id[i] == 0x7F)
            return false;
    return true;
}

bool jm_id_valid(const char *id)
{
    return jm_long_id_valid(id, 256);
}
