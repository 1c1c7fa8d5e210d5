/* String and block pools for compiled sets: see intern.h. */
#include <stdlib.h>
#include <string.h>

#include "intern.h"
#include "jobmatch.h"

/* A hash of n bytes, eight at a time (a multiply and a shift each, the
 * last bytes zero-padded, the length mixed in): strings of ids and codes
 * are long (an ESCO URI is some 70 bytes) and blocks are tens of bytes,
 * which a byte at a time would spend most of compiling on. */
static uint64_t hash_bytes(const unsigned char *s, size_t n)
{
    uint64_t h = 0x9e3779b97f4a7c15ull ^ (uint64_t)n;
    for (; n >= 8; s += 8, n -= 8) {
        uint64_t w;
        memcpy(&w, s, 8);
        h = (h ^ w) * 0xff51afd7ed558ccdull;
        h ^= h >> 32;
    }
    uint64_t w = 0;
    memcpy(&w, s, n);
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 29);
}

/* A table of twice the needed slots (a power of two, at least 16). */
static uint32_t *new_slots(size_t need, size_t *nslots)
{
    size_t n = 16;
    while (n < need * 2)
        n *= 2;
    *nslots = n;
    return calloc(n, sizeof(uint32_t));
}

/* Puts entry k (stored as k + 1) with hash h in the first free slot from
 * its home (linear probing; nslots a power of two). */
static void slot_place(uint32_t *slots, size_t nslots, uint64_t h, uint32_t k)
{
    size_t i = (size_t)h & (nslots - 1);
    while (slots[i])
        i = (i + 1) & (nslots - 1);
    slots[i] = k + 1;
}

void jm_strpool_init(jm_strpool *p)
{
    memset(p, 0, sizeof *p);
}

void jm_strpool_free(jm_strpool *p)
{
    for (uint32_t i = 0; i < p->n; i++)
        free(p->strs[i]);
    free(p->strs);
    free(p->slots);
    memset(p, 0, sizeof *p);
}

static size_t str_slot(const jm_strpool *p, const char *s, size_t len, uint32_t *found)
{
    size_t mask = p->nslots - 1;
    size_t i = (size_t)hash_bytes((const unsigned char *)s, len) & mask;
    for (;; i = (i + 1) & mask) {
        uint32_t id = p->slots[i];
        if (!id || strcmp(p->strs[id - 1], s) == 0) {
            *found = id;
            return i;
        }
    }
}

uint32_t jm_strpool_find(const jm_strpool *p, const char *s)
{
    if (!s || !*s || !p->nslots)
        return 0;
    uint32_t id = 0;
    str_slot(p, s, strlen(s), &id);
    return id;
}

int jm_strpool_intern(jm_strpool *p, const char *s, int fold, uint32_t *id)
{
    *id = 0;
    if (!s || !*s)
        return JM_OK;
    size_t len = strlen(s);
    char *copy = NULL;
    if (fold) {
        copy = malloc(len + 1);
        if (!copy)
            return JM_ENOMEM;
        for (size_t i = 0; i <= len; i++) {
            char c = s[i];
            copy[i] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        s = copy;
    }
    if ((size_t)p->n + 1 > p->nslots / 2) {
        size_t nslots;
        uint32_t *slots = new_slots((size_t)p->n + 1, &nslots);
        if (!slots) {
            free(copy);
            return JM_ENOMEM;
        }
        for (uint32_t k = 0; k < p->n; k++)
            slot_place(slots, nslots, hash_bytes((const unsigned char *)p->strs[k], strlen(p->strs[k])), k);
        free(p->slots);
        p->slots = slots;
        p->nslots = nslots;
    }
    uint32_t found = 0;
    size_t slot = str_slot(p, s, len, &found);
    if (found) {
        free(copy);
        *id = found;
        return JM_OK;
    }
    if (p->n == UINT32_MAX - 1) {
        free(copy);
        return JM_ENOMEM;
    }
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 64;
        char **v = realloc(p->strs, (size_t)cap * sizeof *v);
        if (!v) {
            free(copy);
            return JM_ENOMEM;
        }
        p->strs = v;
        p->cap = cap;
    }
    if (!copy) {
        copy = malloc(len + 1);
        if (!copy)
            return JM_ENOMEM;
        memcpy(copy, s, len + 1);
    }
    p->strs[p->n++] = copy;
    p->slots[slot] = p->n;
    p->bytes += len + 1;
    *id = p->n;
    return JM_OK;
}

void jm_blockpool_init(jm_blockpool *p, size_t size)
{
    memset(p, 0, sizeof *p);
    p->size = size;
}

void jm_blockpool_free(jm_blockpool *p)
{
    free(p->data);
    free(p->slots);
    size_t size = p->size;
    memset(p, 0, sizeof *p);
    p->size = size;
}

int jm_blockpool_intern(jm_blockpool *p, const void *b, uint32_t *index)
{
    if ((size_t)p->n + 1 > p->nslots / 2) {
        size_t nslots;
        uint32_t *slots = new_slots((size_t)p->n + 1, &nslots);
        if (!slots)
            return JM_ENOMEM;
        for (uint32_t k = 0; k < p->n; k++)
            slot_place(slots, nslots, hash_bytes(p->data + (size_t)k * p->size, p->size), k);
        free(p->slots);
        p->slots = slots;
        p->nslots = nslots;
    }
    size_t mask = p->nslots - 1;
    size_t i = (size_t)hash_bytes(b, p->size) & mask;
    for (; p->slots[i]; i = (i + 1) & mask) {
        uint32_t k = p->slots[i] - 1;
        if (memcmp(p->data + (size_t)k * p->size, b, p->size) == 0) {
            *index = k;
            return JM_OK;
        }
    }
    if (p->n == UINT32_MAX - 1)
        return JM_ENOMEM;
    if (p->n == p->cap) {
        uint32_t cap = p->cap ? p->cap * 2 : 16;
        unsigned char *d = realloc(p->data, (size_t)cap * p->size);
        if (!d)
            return JM_ENOMEM;
        p->data = d;
        p->cap = cap;
    }
    memcpy(p->data + (size_t)p->n * p->size, b, p->size);
    p->slots[i] = ++p->n;
    *index = p->n - 1;
    return JM_OK;
}

void jm_blockpool_trim(jm_blockpool *p)
{
    free(p->slots); /* only adding blocks looks them up */
    p->slots = NULL;
    p->nslots = 0;
    if (p->n && p->n < p->cap) {
        unsigned char *d = realloc(p->data, (size_t)p->n * p->size);
        if (d) {
            p->data = d;
            p->cap = p->n;
        }
    }
}
