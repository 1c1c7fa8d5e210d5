/*
 * Internal: what compiling a candidate set (compile_candidates.c) and a job
 * set (compile_jobs.c) share (compile.c), and the entries the engine's cache
 * of compiled sets (compile_cache.c) calls.
 *
 * A compiler carries the engine's string pools, its profile and the first
 * error: once k->rc is not JM_OK every helper below does nothing and
 * returns 0 (or JM_NO_BLOCK), so a record's compilation reads straight on
 * and the caller checks k->rc at the end.  None of it is thread-safe: the
 * cache compiles under its lock.
 */
#ifndef JM_COMPILE_IMPL_H
#define JM_COMPILE_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compiled.h"
#include "profile_impl.h"

/** A growing array of elem-sized items (a set's skills, licences, ...). */
typedef struct jm_array {
    void *v;
    size_t n, cap, elem;
} jm_array;

/** n new items, zeroed; *at gets the index of the first.  NULL when n is 0
 *  (nothing to fill) or out of memory: callers check n. */
void *jm_array_add(jm_array *g, size_t n, uint32_t *at);
/** The array trimmed to size, handed over (never NULL: records add offsets
 *  to it); its bytes are added to *bytes. */
void *jm_array_take(jm_array *g, size_t *bytes);

typedef struct jm_compiler {
    jm_interner *in;
    const jm_profile *p;
    size_t strings; /* string references made, for the cache's bound */
    int rc;         /* the first error, JM_OK until one */
} jm_compiler;

/** The id of s in the pool of other strings (ASCII-folded when fold), 0
 *  for NULL or "". */
uint32_t jm_compile_str(jm_compiler *k, const char *s, int fold);
/** The id of a functional dimension. */
uint32_t jm_compile_dim(jm_compiler *k, const char *s);
/** The id of a skill (at most JM_CSKILL_ID_MASK, else JM_ENOMEM). */
uint32_t jm_compile_skill(jm_compiler *k, const char *s);
/** The block of pool equal to b, added when new. */
uint32_t jm_compile_block(jm_compiler *k, jm_blockpool *pool, const void *b);
/** An occupation's block (jm_cocc) in pool. */
uint32_t jm_compile_occ(jm_compiler *k, jm_blockpool *pool, const jm_occ *o);
/** Whether a level is exact in single precision (NaN included). */
bool jm_float_exact(double x);
/** The provider slot of a need type (see jm_cneed). */
uint16_t jm_need_slot(const jm_profile *p, const char *type);

/** The pools both kinds of set have, by their block sizes. */
void jm_pools_init(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests, jm_blockpool *values,
                   jm_blockpool *occs, size_t env_size, size_t interests_size, size_t values_size);
/** A pool's bytes, trimmed to size first. */
size_t jm_pool_bytes(jm_blockpool *p);
size_t jm_pools_bytes(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests, jm_blockpool *values,
                      jm_blockpool *occs);

/** New string pools, one reference; NULL out of memory. */
jm_interner *jm_interner_new(void);
/** Drops a reference (NULL: nothing), freeing the pools with the last. */
void jm_interner_release(jm_interner *in);

/** Compiles a set against the pools in (which *out then refers to) and the
 *  engine's profile p.  JM_OK, or JM_ENOMEM with nothing made. */
int jm_compile_candidates(jm_interner *in, const jm_profile *p, const jm_candidates *set, jm_ccands **out);
int jm_compile_jobs(jm_interner *in, const jm_profile *p, const jm_jobs *set, jm_cjobs **out);

#endif /* JM_COMPILE_IMPL_H */
