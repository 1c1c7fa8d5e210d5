/*
 * Candidate and job sets: insertion-ordered arrays with an open-addressing
 * hash index on the ids (FNV-1a, linear probing, load factor <= 1/2), so
 * get is O(1) and find is O(1) on average.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <stdatomic.h>

#include "compiled.h"
#include "model.h"
#include "sets.h"
#include "util.h"

typedef const char *(*id_fn)(const void *item);
/* Item k of a caller's typed array (jm_candidate ** or jm_job **). */
typedef void *(*at_fn)(const void *base, size_t k);

/* The shared machinery: items in order, and slots holding index + 1 (0 = empty). */
typedef struct idset {
    void **items;
    size_t n, cap;
    size_t *slots;
    size_t nslots; /* 0 or a power of two */
    uint64_t serial; /* unique in the process; new after every change */
} idset;

/* Serial numbers: compiled forms of a set are keyed by them. */
static atomic_uint_fast64_t next_serial = 1;

static uint64_t new_serial(void)
{
    return (uint64_t)atomic_fetch_add(&next_serial, 1);
}

struct jm_candidates {
    idset s;
};

struct jm_jobs {
    idset s;
};

static size_t hash_id(const char *s)
{
    uint64_t h = 1469598103934665603ull;
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    return (size_t)(h ^ (h >> 32));
}

/* Index of the item with this id, or SIZE_MAX. */
static size_t idset_lookup(const idset *s, const char *id, id_fn get_id)
{
    if (!s->nslots)
        return SIZE_MAX;
    size_t mask = s->nslots - 1;
    for (size_t i = hash_id(id) & mask;; i = (i + 1) & mask) {
        size_t v = s->slots[i];
        if (!v)
            return SIZE_MAX;
        if (strcmp(get_id(s->items[v - 1]), id) == 0)
            return v - 1;
    }
}

static void slots_insert(size_t *slots, size_t nslots, const char *id, size_t index)
{
    size_t mask = nslots - 1;
    size_t i = hash_id(id) & mask;
    while (slots[i])
        i = (i + 1) & mask;
    slots[i] = index + 1;
}

/* Makes room for `extra` more items (array and index); the set's content is
 * unchanged either way.  JM_OK or JM_ENOMEM. */
static int idset_reserve(idset *s, size_t extra, id_fn get_id)
{
    if (extra > SIZE_MAX / 4 - s->n)
        return JM_ENOMEM;
    size_t need = s->n + extra;
    void *p = s->items;
    if (jm_grow(&p, &s->cap, need, sizeof *s->items) != JM_OK)
        return JM_ENOMEM;
    s->items = p;
    if (need * 2 <= s->nslots)
        return JM_OK;
    size_t nslots = s->nslots ? s->nslots : 16;
    while (nslots < need * 2)
        nslots *= 2;
    size_t *slots = calloc(nslots, sizeof *slots);
    if (!slots)
        return JM_ENOMEM;
    for (size_t i = 0; i < s->n; i++)
        slots_insert(slots, nslots, get_id(s->items[i]), i);
    free(s->slots);
    s->slots = slots;
    s->nslots = nslots;
    return JM_OK;
}

/* All or nothing; see sets.h.  what is "candidate" or "job" for messages. */
static int idset_append(idset *s, const void *base, size_t n, at_fn at, size_t *dup_index, id_fn get_id,
                        const char *fn, const char *what)
{
    if (n == 0)
        return JM_OK;
    if (!base)
        return jm_fail(JM_EINVAL, "%s: items is NULL", fn);
    if (n > SIZE_MAX / 8)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    for (size_t i = 0; i < n; i++) {
        if (!at(base, i) || !get_id(at(base, i)))
            return jm_fail(JM_EINVAL, "%s: item %zu is NULL or has no id", fn, i);
        if (idset_lookup(s, get_id(at(base, i)), get_id) != SIZE_MAX) {
            if (dup_index)
                *dup_index = i;
            return jm_fail(JM_EEXISTS, "%s: a %s with id \"%s\" is already in the set", fn, what,
                           get_id(at(base, i)));
        }
    }
    /* Duplicates among the new items: a temporary index over them alone. */
    if (n > 1) {
        size_t nslots = 16;
        while (nslots < n * 2)
            nslots *= 2;
        size_t *slots = calloc(nslots, sizeof *slots);
        if (!slots)
            return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
        size_t mask = nslots - 1;
        for (size_t k = 0; k < n; k++) {
            const char *id = get_id(at(base, k));
            size_t i = hash_id(id) & mask;
            for (; slots[i]; i = (i + 1) & mask) {
                if (strcmp(get_id(at(base, slots[i] - 1)), id) == 0) {
                    size_t first = slots[i] - 1;
                    free(slots);
                    if (dup_index)
                        *dup_index = k;
                    return jm_fail(JM_EEXISTS, "%s: the id \"%s\" of %s %zu is also that of %s %zu", fn,
                                   id, what, k, what, first);
                }
            }
            slots[i] = k + 1;
        }
        free(slots);
    }
    if (idset_reserve(s, n, get_id) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    for (size_t k = 0; k < n; k++) {
        s->items[s->n] = at(base, k);
        slots_insert(s->slots, s->nslots, get_id(at(base, k)), s->n);
        s->n++;
    }
    s->serial = new_serial();
    return JM_OK;
}

static void idset_free(idset *s, void (*free_item)(void *))
{
    for (size_t i = 0; i < s->n; i++)
        free_item(s->items[i]);
    free(s->items);
    free(s->slots);
}

/* ---------------------------------------------------------------------- */
/* Candidates                                                             */

static const char *cand_id(const void *item)
{
    return ((const jm_candidate *)item)->id;
}

static void *cand_at(const void *base, size_t k)
{
    return ((jm_candidate *const *)base)[k];
}

static void cand_free(void *item)
{
    jm_candidate_free(item);
}

int jm_candidates_new(jm_candidates **out)
{
    if (!out)
        return jm_fail(JM_EINVAL, "jm_candidates_new: out is NULL");
    jm_candidates *set = calloc(1, sizeof *set);
    if (!set)
        return jm_fail(JM_ENOMEM, "jm_candidates_new: out of memory");
    set->s.serial = new_serial();
    *out = set;
    return JM_OK;
}

void jm_candidates_free(jm_candidates *set)
{
    if (!set)
        return;
    idset_free(&set->s, cand_free);
    free(set);
}

int jm_candidates_append(jm_candidates *set, jm_candidate **items, size_t n, size_t *dup_index)
{
    if (!set)
        return jm_fail(JM_EINVAL, "jm_candidates_append: set is NULL");
    return idset_append(&set->s, items, n, cand_at, dup_index, cand_id, "jm_candidates_append",
                        "candidate");
}

int jm_candidates_add(jm_candidates *set, const jm_candidate *candidate)
{
    static const char fn[] = "jm_candidates_add";
    if (!set)
        return jm_fail(JM_EINVAL, "%s: set is NULL", fn);
    if (!candidate)
        return jm_fail(JM_EINVAL, "%s: candidate is NULL", fn);
    if (idset_lookup(&set->s, candidate->id, cand_id) != SIZE_MAX)
        return jm_fail(JM_EEXISTS, "%s: a candidate with id \"%s\" is already in the set", fn,
                       candidate->id);
    jm_candidate *copy = NULL;
    if (jm_candidate_copy(candidate, &copy) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    int rc = idset_append(&set->s, &copy, 1, cand_at, NULL, cand_id, fn, "candidate");
    if (rc != JM_OK)
        jm_candidate_free(copy);
    return rc;
}

size_t jm_candidates_count(const jm_candidates *set)
{
    return set ? set->s.n : 0;
}

const jm_candidate *jm_candidates_get(const jm_candidates *set, size_t i)
{
    return set && i < set->s.n ? set->s.items[i] : NULL;
}

const jm_candidate *jm_candidates_find(const jm_candidates *set, const char *id)
{
    if (!set || !id)
        return NULL;
    size_t i = idset_lookup(&set->s, id, cand_id);
    return i == SIZE_MAX ? NULL : set->s.items[i];
}

/* ---------------------------------------------------------------------- */
/* Jobs                                                                   */

static const char *job_id(const void *item)
{
    return ((const jm_job *)item)->id;
}

static void *job_at(const void *base, size_t k)
{
    return ((jm_job *const *)base)[k];
}

static void job_free(void *item)
{
    jm_job_free(item);
}

int jm_jobs_new(jm_jobs **out)
{
    if (!out)
        return jm_fail(JM_EINVAL, "jm_jobs_new: out is NULL");
    jm_jobs *set = calloc(1, sizeof *set);
    if (!set)
        return jm_fail(JM_ENOMEM, "jm_jobs_new: out of memory");
    set->s.serial = new_serial();
    *out = set;
    return JM_OK;
}

void jm_jobs_free(jm_jobs *set)
{
    if (!set)
        return;
    idset_free(&set->s, job_free);
    free(set);
}

int jm_jobs_append(jm_jobs *set, jm_job **items, size_t n, size_t *dup_index)
{
    if (!set)
        return jm_fail(JM_EINVAL, "jm_jobs_append: set is NULL");
    return idset_append(&set->s, items, n, job_at, dup_index, job_id, "jm_jobs_append", "job");
}

int jm_jobs_add(jm_jobs *set, const jm_job *job)
{
    static const char fn[] = "jm_jobs_add";
    if (!set)
        return jm_fail(JM_EINVAL, "%s: set is NULL", fn);
    if (!job)
        return jm_fail(JM_EINVAL, "%s: job is NULL", fn);
    if (idset_lookup(&set->s, job->id, job_id) != SIZE_MAX)
        return jm_fail(JM_EEXISTS, "%s: a job with id \"%s\" is already in the set", fn, job->id);
    jm_job *copy = NULL;
    if (jm_job_copy(job, &copy) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    int rc = idset_append(&set->s, &copy, 1, job_at, NULL, job_id, fn, "job");
    if (rc != JM_OK)
        jm_job_free(copy);
    return rc;
}

size_t jm_jobs_count(const jm_jobs *set)
{
    return set ? set->s.n : 0;
}

const jm_job *jm_jobs_get(const jm_jobs *set, size_t i)
{
    return set && i < set->s.n ? set->s.items[i] : NULL;
}

const void *jm_jobs_item_at(const jm_jobs *set, size_t i)
{
    return &set->s.items[i];
}

const jm_job *jm_jobs_find(const jm_jobs *set, const char *id)
{
    if (!set || !id)
        return NULL;
    size_t i = idset_lookup(&set->s, id, job_id);
    return i == SIZE_MAX ? NULL : set->s.items[i];
}

uint64_t jm_candidates_serial(const jm_candidates *set)
{
    return set->s.serial;
}

uint64_t jm_jobs_serial(const jm_jobs *set)
{
    return set->s.serial;
}
