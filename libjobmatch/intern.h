/*
 * Internal: interning for compiled sets (intern.c).
 *
 * A string pool gives each distinct string a small id (1, 2, ...; 0 means
 * "none"), so compiled records compare ids instead of strings.  A block pool
 * does the same for fixed-size byte blocks (a weekly grid, an interest
 * profile): records that share a block share one copy.  Both are open-
 * addressing hash tables (a multiplicative hash of eight bytes at a time,
 * linear probing, load factor <= 1/2) over append-only storage; neither is
 * thread-safe for adding.
 */
#ifndef JM_INTERN_H
#define JM_INTERN_H

#include <stddef.h>
#include <stdint.h>

typedef struct jm_strpool {
    char **strs; /* strs[id - 1], owned */
    uint32_t n, cap;
    uint32_t *slots; /* id, 0 = empty */
    size_t nslots;   /* 0 or a power of two */
    size_t bytes;    /* of the strings held */
} jm_strpool;

void jm_strpool_init(jm_strpool *p);
void jm_strpool_free(jm_strpool *p);
/** The id of s (added when new); with fold, ASCII letters are lower-cased
 *  first, so "Cook" and "cook" share an id.  s NULL or "" gives 0.
 *  *id gets the id; JM_OK or JM_ENOMEM (the pool unchanged). */
int jm_strpool_intern(jm_strpool *p, const char *s, int fold, uint32_t *id);
/** The id of s when it is in the pool, else 0 (never adds). */
uint32_t jm_strpool_find(const jm_strpool *p, const char *s);

typedef struct jm_blockpool {
    size_t size;          /* bytes per block */
    unsigned char *data;  /* block k at data + k * size */
    uint32_t n, cap;
    uint32_t *slots;      /* k + 1, 0 = empty */
    size_t nslots;
} jm_blockpool;

void jm_blockpool_init(jm_blockpool *p, size_t size);
void jm_blockpool_free(jm_blockpool *p);
/** The index of a block equal to the size bytes at b (added when new).
 *  JM_OK or JM_ENOMEM (the pool unchanged). */
int jm_blockpool_intern(jm_blockpool *p, const void *b, uint32_t *index);
static inline const void *jm_blockpool_at(const jm_blockpool *p, uint32_t k)
{
    return p->data + (size_t)k * p->size;
}
/** Trims the storage to what is used and frees the lookup table, after
 *  the last add (an add after it builds the table again). */
void jm_blockpool_trim(jm_blockpool *p);

#endif
