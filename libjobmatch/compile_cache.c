/*
 * The engine's cache of compiled sets.
 *
 * The cache keeps the last candidate set and the last job set compiled,
 * with the string pools they were compiled against.  A call whose sets are
 * both cached takes references and goes; otherwise the missing one is
 * compiled (under the cache's lock, so concurrent calls compile once).
 * When the pools hold far more strings than the cached sets refer to (many
 * sets come and go), the pools start afresh and both sets are compiled
 * again, so a long-running engine's memory stays bounded by its sets.
 */
#include <pthread.h>
#include <stdlib.h>

#include "compile_impl.h"
#include "engine_impl.h"

struct jm_compile_cache {
    pthread_mutex_t lock;
    jm_interner *in;
    jm_ccands *cands;
    jm_cjobs *jobs;
};

jm_compile_cache *jm_compile_cache_new(void)
{
    jm_compile_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c);
        return NULL;
    }
    return c;
}

void jm_compile_cache_free(jm_compile_cache *c)
{
    if (!c)
        return;
    jm_ccands_release(c->cands);
    jm_cjobs_release(c->jobs);
    jm_interner_release(c->in);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

/* The pools hold far more than the cached sets use: start afresh. */
static bool pools_bloated(const jm_compile_cache *c)
{
    size_t used = (c->cands ? c->cands->strings : 0) + (c->jobs ? c->jobs->strings : 0);
    return (size_t)c->in->strs.n + c->in->skills.n + c->in->dims.n > 2 * used + 65536;
}

int jm_compiled_get(const jm_engine *e, const jm_candidates *cs, const jm_jobs *js, jm_ccands **ccs,
                    jm_cjobs **cjs)
{
    jm_compile_cache *c = e->cache;
    pthread_mutex_lock(&c->lock);
    int rc = JM_OK;
    bool cands_ok = c->cands && c->cands->serial == jm_candidates_serial(cs);
    bool jobs_ok = c->jobs && c->jobs->serial == jm_jobs_serial(js);
    if (!cands_ok || !jobs_ok) {
        if (!c->in || pools_bloated(c)) {
            jm_interner *in = jm_interner_new();
            if (!in) {
                rc = JM_ENOMEM;
                goto done;
            }
            jm_ccands_release(c->cands);
            jm_cjobs_release(c->jobs);
            jm_interner_release(c->in);
            c->cands = NULL;
            c->jobs = NULL;
            c->in = in;
            cands_ok = jobs_ok = false;
        }
        if (!cands_ok) {
            jm_ccands *n = NULL;
            rc = jm_compile_candidates(c->in, e->profile, cs, &n);
            if (rc != JM_OK)
                goto done;
            jm_ccands_release(c->cands);
            c->cands = n;
        }
        if (!jobs_ok) {
            jm_cjobs *n = NULL;
            rc = jm_compile_jobs(c->in, e->profile, js, &n);
            if (rc != JM_OK)
                goto done;
            jm_cjobs_release(c->jobs);
            c->jobs = n;
        }
    }
    atomic_fetch_add(&c->cands->refs, 1);
    atomic_fetch_add(&c->jobs->refs, 1);
    *ccs = c->cands;
    *cjs = c->jobs;
done:
    pthread_mutex_unlock(&c->lock);
    if (rc != JM_OK)
        return jm_fail(rc, "out of memory compiling the sets for batch scoring");
    return JM_OK;
}

int jm_engine_prepare(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, jm_prepare_stats *stats)
{
    if (!e || !cs || !js)
        return jm_fail(JM_EINVAL, "jm_engine_prepare: engine, candidates and jobs are required");
    jm_ccands *cc;
    jm_cjobs *cj;
    if (jm_compiled_get(e, cs, js, &cc, &cj) != JM_OK)
        return JM_ENOMEM;
    if (stats) {
        stats->candidates = cc->n;
        stats->jobs = cj->n;
        stats->candidate_bytes = cc->bytes;
        stats->job_bytes = cj->bytes;
        stats->job_index_bytes = cj->index_bytes;
        stats->candidate_skills = cc->n_skill_refs;
        stats->job_skills = cj->n_skill_refs;
        const jm_strpool *pools[] = { &cc->in->skills, &cc->in->dims, &cc->in->strs };
        stats->string_bytes = 0;
        pthread_mutex_lock(&e->cache->lock); /* the pools jm_array under it */
        for (size_t i = 0; i < 3; i++)
            stats->string_bytes += pools[i]->bytes + pools[i]->cap * sizeof(char *) +
                                   pools[i]->nslots * sizeof(uint32_t);
        pthread_mutex_unlock(&e->cache->lock);
    }
    jm_ccands_release(cc);
    jm_cjobs_release(cj);
    return JM_OK;
}
