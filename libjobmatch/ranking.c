/* Ranking: the k best feasible matches for a candidate or a job, explained. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "match_impl.h"
#include "score.h"
#include "util.h"

/* Best first; equal totals in id order of the ranked side. */
static int cmp_by_job(const void *a, const void *b)
{
    const struct jm_match *x = *(struct jm_match *const *)a, *y = *(struct jm_match *const *)b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return strcmp(x->job_id, y->job_id);
}

static int cmp_by_candidate(const void *a, const void *b)
{
    const struct jm_match *x = *(struct jm_match *const *)a, *y = *(struct jm_match *const *)b;
    if (x->total != y->total)
        return x->total > y->total ? -1 : 1;
    return strcmp(x->candidate_id, y->candidate_id);
}

void jm_ranking_free(jm_ranking *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->n_kept; i++)
        jm_match_free(r->kept[i]);
    for (size_t i = 0; i < r->n_excluded; i++)
        jm_match_free(r->excluded[i]);
    free(r->kept);
    free(r->excluded);
    free(r->subject);
    free(r);
}

typedef struct ranker {
    jm_ranking *r;
    size_t cap_kept, cap_excluded;
} ranker;

static int add_match(ranker *rk, jm_match *m)
{
    jm_ranking *r = rk->r;
    void *items = m->feasible ? (void *)r->kept : (void *)r->excluded;
    size_t *n = m->feasible ? &r->n_kept : &r->n_excluded;
    size_t *cap = m->feasible ? &rk->cap_kept : &rk->cap_excluded;
    if (jm_grow(&items, cap, *n + 1, sizeof(jm_match *)) != JM_OK)
        return JM_ENOMEM;
    if (m->feasible)
        r->kept = items;
    else
        r->excluded = items;
    ((jm_match **)items)[(*n)++] = m;
    return JM_OK;
}

/* Sorts the feasible matches and keeps the k best (k = 0 keeps all). */
static void keep_best(jm_ranking *r, size_t k)
{
    r->feasible_total = r->n_kept;
    if (r->n_kept > 1) /* kept is NULL when no match is feasible: qsort(NULL, 0) is undefined */
        qsort(r->kept, r->n_kept, sizeof *r->kept, r->for_candidates ? cmp_by_candidate : cmp_by_job);
    if (k > 0 && r->n_kept > k) {
        for (size_t i = k; i < r->n_kept; i++)
            jm_match_free(r->kept[i]);
        r->n_kept = k;
    }
}

static jm_ranking *ranking_new(const char *subject, bool for_candidates)
{
    jm_ranking *r = calloc(1, sizeof *r);
    if (r && !(r->subject = jm_strdup(subject))) {
        free(r);
        return NULL;
    }
    if (r)
        r->for_candidates = for_candidates;
    return r;
}

/* Scores one pair into the ranking; on failure frees the ranking. */
static int rank_one(const jm_engine *e, ranker *rk, const jm_candidate *c, const jm_job *j)
{
    jm_match *m = NULL;
    int rc = jm_score_pair(e, c, j, &m);
    if (rc == JM_OK && add_match(rk, m) != JM_OK) {
        jm_match_free(m);
        rc = jm_fail(JM_ENOMEM, "out of memory ranking '%s'", rk->r->subject);
    }
    if (rc != JM_OK)
        jm_ranking_free(rk->r);
    return rc;
}

int jm_engine_rank_jobs(jm_engine *e, const jm_candidate *c, const jm_jobs *jobs, size_t k,
                        jm_ranking **out)
{
    if (!e || !c || !jobs || !out)
        return jm_fail(JM_EINVAL, "jm_engine_rank_jobs: engine, candidate, jobs and out are required");
    ranker rk = { ranking_new(c->id, false), 0, 0 };
    if (!rk.r)
        return jm_fail(JM_ENOMEM, "out of memory ranking '%s'", c->id);
    size_t n = jm_jobs_count(jobs);
    for (size_t i = 0; i < n; i++) {
        int rc = rank_one(e, &rk, c, jm_jobs_get(jobs, i));
        if (rc != JM_OK)
            return rc;
    }
    keep_best(rk.r, k);
    *out = rk.r;
    return JM_OK;
}

int jm_engine_rank_candidates(jm_engine *e, const jm_job *j, const jm_candidates *candidates,
                              size_t k, jm_ranking **out)
{
    if (!e || !j || !candidates || !out)
        return jm_fail(JM_EINVAL,
                       "jm_engine_rank_candidates: engine, job, candidates and out are required");
    ranker rk = { ranking_new(j->id, true), 0, 0 };
    if (!rk.r)
        return jm_fail(JM_ENOMEM, "out of memory ranking '%s'", j->id);
    size_t n = jm_candidates_count(candidates);
    for (size_t i = 0; i < n; i++) {
        int rc = rank_one(e, &rk, jm_candidates_get(candidates, i), j);
        if (rc != JM_OK)
            return rc;
    }
    keep_best(rk.r, k);
    *out = rk.r;
    return JM_OK;
}

const char *jm_ranking_subject(const jm_ranking *r) { return r->subject; }
size_t jm_ranking_count(const jm_ranking *r) { return r->n_kept; }
size_t jm_ranking_feasible_total(const jm_ranking *r) { return r->feasible_total; }
size_t jm_ranking_excluded_count(const jm_ranking *r) { return r->n_excluded; }

const jm_match *jm_ranking_get(const jm_ranking *r, size_t i)
{
    return r && i < r->n_kept ? r->kept[i] : NULL;
}

const jm_match *jm_ranking_excluded(const jm_ranking *r, size_t i)
{
    return r && i < r->n_excluded ? r->excluded[i] : NULL;
}
