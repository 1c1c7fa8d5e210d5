/*
 * What compiling a candidate set and a job set share (compile_impl.h): the
 * growing arrays, the string and block pools, and releasing compiled sets.
 * The sets themselves are compiled in compile_candidates.c and
 * compile_jobs.c; the engine's cache of them is compile_cache.c.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compile_impl.h"
#include "factors/factors.h"

/* ---------------------------------------------------------------------- */
/* References                                                             */

jm_interner *jm_interner_new(void)
{
    jm_interner *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    atomic_init(&in->refs, 1);
    jm_strpool_init(&in->skills);
    jm_strpool_init(&in->dims);
    jm_strpool_init(&in->strs);
    return in;
}

void jm_interner_release(jm_interner *in)
{
    if (in && atomic_fetch_sub(&in->refs, 1) == 1) {
        jm_strpool_free(&in->skills);
        jm_strpool_free(&in->dims);
        jm_strpool_free(&in->strs);
        free(in);
    }
}

static void pools_free(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests,
                       jm_blockpool *values, jm_blockpool *occs)
{
    jm_blockpool_free(weeks);
    jm_blockpool_free(envs);
    jm_blockpool_free(interests);
    jm_blockpool_free(values);
    jm_blockpool_free(occs);
}

void jm_ccands_release(jm_ccands *c)
{
    if (!c || atomic_fetch_sub(&c->refs, 1) != 1)
        return;
    pools_free(&c->weeks, &c->envs, &c->interests, &c->values, &c->occs);
    jm_blockpool_free(&c->weights);
    jm_blockpool_free(&c->benefits);
    free(c->recs);
    free(c->occ_refs);
    free(c->skills);
    free(c->licences);
    free(c->abilities);
    free(c->needs);
    jm_interner_release(c->in);
    free(c);
}

void jm_cjobs_release(jm_cjobs *j)
{
    if (!j || atomic_fetch_sub(&j->refs, 1) != 1)
        return;
    pools_free(&j->weeks, &j->envs, &j->interests, &j->values, &j->occs);
    free(j->recs);
    free(j->lat);
    free(j->lon);
    free(j->cos_lat);
    free(j->hours_min);
    free(j->hours_max);
    free(j->wage);
    free(j->legal);
    free(j->area);
    free(j->public_transport);
    free(j->prog_value);
    free(j->prog_exclusions);
    free(j->licence_masks);
    free(j->skills);
    free(j->licences);
    free(j->demands);
    free(j->demand_bits);
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++)
        free(j->memo_rep[kind]);
    free(j->dim_types);
    free(j->dims);
    free(j->providers);
    free(j->skill_first);
    free(j->skill_jobs);
    free(j->skill_level);
    free(j->group_first);
    free(j->group_n_lat);
    free(j->group_jobs);
    free(j->group_lat);
    free(j->group_lon);
    free(j->group_cos);
    free(j->occ_keys);
    jm_interner_release(j->in);
    free(j);
}

/* ---------------------------------------------------------------------- */
/* Growing arrays, ids and blocks                                         */

void *jm_array_add(jm_array *g, size_t n, uint32_t *at)
{
    *at = (uint32_t)g->n;
    if (n == 0)
        return NULL; /* nothing to fill: callers check n */
    if (g->n + n > UINT32_MAX)
        return NULL;
    if (g->n + n > g->cap) {
        size_t cap = g->cap ? g->cap : 256;
        while (cap < g->n + n)
            cap *= 2;
        void *v = realloc(g->v, cap * g->elem);
        if (!v)
            return NULL;
        g->v = v;
        g->cap = cap;
    }
    *at = (uint32_t)g->n;
    void *p = (char *)g->v + g->n * g->elem;
    memset(p, 0, n * g->elem);
    g->n += n;
    return p;
}

/* Trims to size and hands the array over. */
void *jm_array_take(jm_array *g, size_t *bytes)
{
    void *v = g->v ? g->v : calloc(1, g->elem); /* never NULL: records add offsets to it */
    if (g->n && g->n < g->cap) {
        void *t = realloc(v, g->n * g->elem);
        if (t)
            v = t;
    }
    *bytes += g->n * g->elem;
    g->v = NULL;
    return v;
}

uint32_t jm_compile_str(jm_compiler *k, const char *s, int fold)
{
    uint32_t id = 0;
    if (k->rc == JM_OK && s && *s) {
        k->strings++;
        k->rc = jm_strpool_intern(&k->in->strs, s, fold, &id);
    }
    return id;
}

uint32_t jm_compile_dim(jm_compiler *k, const char *s)
{
    uint32_t id = 0;
    if (k->rc == JM_OK) {
        k->strings++;
        k->rc = jm_strpool_intern(&k->in->dims, s, 0, &id);
    }
    return id;
}

uint32_t jm_compile_skill(jm_compiler *k, const char *s)
{
    uint32_t id = 0;
    if (k->rc == JM_OK) {
        k->strings++;
        k->rc = jm_strpool_intern(&k->in->skills, s, 0, &id);
        if (k->rc == JM_OK && id > JM_CSKILL_ID_MASK)
            k->rc = JM_ENOMEM;
    }
    return id;
}

uint32_t jm_compile_block(jm_compiler *k, jm_blockpool *pool, const void *b)
{
    uint32_t at = JM_NO_BLOCK;
    if (k->rc == JM_OK)
        k->rc = jm_blockpool_intern(pool, b, &at);
    return at;
}

uint32_t jm_compile_occ(jm_compiler *k, jm_blockpool *pool, const jm_occ *o)
{
    jm_cocc c;
    memset(&c, 0, sizeof c);
    c.esco = jm_compile_str(k, o->esco_uri, 0);
    c.onet = jm_compile_str(k, o->onet, 0);
    c.isco = jm_compile_str(k, o->isco, 0);
    c.label = jm_compile_str(k, o->label, 1);
    jm_occ_codes_of(o, &c.codes);
    return jm_compile_block(k, pool, &c);
}

/* A level exact in single precision (NaN included). */
bool jm_float_exact(double x)
{
    return isnan(x) || (double)(float)x == x;
}

/* The provider slot of a need type (see jm_cneed). */
uint16_t jm_need_slot(const jm_profile *p, const char *type)
{
    const jm_need_def *def = jm_profile_find_need(p, type);
    if (def)
        return (uint16_t)(def - p->needs);
    return (uint16_t)(p->n_needs + (strcmp(type, "physical_access") == 0 ? 1 : 0));
}

void jm_pools_init(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests,
                       jm_blockpool *values, jm_blockpool *occs, size_t env_size,
                       size_t interests_size, size_t values_size)
{
    jm_blockpool_init(weeks, sizeof(jm_week));
    jm_blockpool_init(envs, env_size);
    jm_blockpool_init(interests, interests_size);
    jm_blockpool_init(values, values_size);
    jm_blockpool_init(occs, sizeof(jm_cocc));
}

size_t jm_pool_bytes(jm_blockpool *p)
{
    jm_blockpool_trim(p);
    return (size_t)p->n * p->size + p->nslots * sizeof(uint32_t);
}

size_t jm_pools_bytes(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests,
                          jm_blockpool *values, jm_blockpool *occs)
{
    return jm_pool_bytes(weeks) + jm_pool_bytes(envs) + jm_pool_bytes(interests) + jm_pool_bytes(values) +
           jm_pool_bytes(occs);
}
