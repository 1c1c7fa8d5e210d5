/*
 * Thread-safety stress test (tests/threads/README.md).
 *
 * One engine (the built-in default profile plus one thread-safe C rule) and
 * one candidate set and one job set, all loaded from the sample data, are
 * shared by N_THREADS threads.  Each thread calls, for many iterations,
 * jm_engine_score, jm_engine_rank_jobs, jm_engine_rank_candidates and
 * jm_engine_score_matrix, and compares every result with a reference computed
 * single-threaded before the threads start: the match JSON byte for byte, the
 * rankings' ids, totals (bit for bit) and JSON, and the matrix's totals (bit
 * for bit) and feasibility flags.  Each thread also leaves an error of its own
 * in jm_last_error() and checks that it is still its own after the scoring
 * calls; thread 0 in addition keeps provoking errors while the others score:
 * too-small buffers to jm_engine_score_matrix, and the rule failing (it fails
 * for one sentinel candidate that only thread 0 scores).
 *
 * Every third matrix (and half of thread 0's provoked failures) runs on
 * BATCH_THREADS threads of its own (jm_batch_options.threads), so the batch
 * workers run inside the stress too; the reference checks that the matrix
 * equals jm_engine_score's numbers for every pair, bit for bit, on one thread
 * and on BATCH_THREADS.
 *
 * Environment:
 *   JM_SOURCE_ROOT         the source tree (for examples/data/); required
 *   JM_THREADS_ITERATIONS  iterations per thread (default 12)
 *
 * Built against the shared library (public API only).  Under
 * -Db_sanitize=thread it is the TSan stress test; it exits 0 when every check
 * passes and ends with the line "N passed, M failed".
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobmatch.h"

#define N_THREADS 8
#define DEFAULT_ITERATIONS 12
#define SCORES_PER_ITERATION 24
#define ERRORS_PER_ITERATION 64 /* thread 0: provoked failures per iteration */
#define RANK_VARIANTS 2         /* k = RANK_K and k = 0 (keep all) */
#define RANK_K 3
#define MAX_REPORTED 40         /* mismatch lines printed in all */
#define BATCH_THREADS 3         /* threads of a batch call, when it takes options */
#define SENTINEL_ID "sentinel-rule-fails"
#define SENTINEL_TEXT "the sentinel candidate makes the rule fail"
#define MARKER_SIZE 512

static const size_t rank_k[RANK_VARIANTS] = { RANK_K, 0 };

/* ---------------------------------------------------------------------- */
/* Checks and reporting                                                   */

static int n_passed, n_failed;

static void check(int ok, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void check(int ok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs(ok ? "ok   " : "FAIL ", stdout);
    vprintf(fmt, ap);
    putchar('\n');
    va_end(ap);
    if (ok)
        n_passed++;
    else
        n_failed++;
    fflush(stdout);
}

static atomic_int n_reported;
static pthread_mutex_t report_lock = PTHREAD_MUTEX_INITIALIZER;

/* Prints a mismatch seen by a thread (the first MAX_REPORTED in all). */
static void mismatch(int thread, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void mismatch(int thread, const char *fmt, ...)
{
    if (atomic_fetch_add(&n_reported, 1) >= MAX_REPORTED)
        return;
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&report_lock);
    fprintf(stderr, "thread %d: mismatch: ", thread);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    pthread_mutex_unlock(&report_lock);
    va_end(ap);
}

/* Same bits: -0.0 and 0.0 differ, a NaN equals the same NaN. */
static int same_double(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0;
}

/* jm_engine_score_matrix on `threads` threads of its own (0: the default). */
static int score_matrix(jm_engine *e, const jm_candidates *c, const jm_jobs *j, unsigned threads,
                        double *totals, size_t n_totals, unsigned char *feasible, size_t n_feasible)
{
    jm_batch_options opts;
    jm_batch_options_init(&opts);
    if (threads)
        opts.threads = threads;
    return jm_engine_score_matrix(e, c, j, &opts, totals, n_totals, feasible, n_feasible);
}

static const unsigned batch_threads = BATCH_THREADS;

/* ---------------------------------------------------------------------- */
/* The custom rule: deterministic, reads only its arguments; its one piece  */
/* of shared state is an atomic call counter.                              */

typedef struct rule_state {
    atomic_ullong calls;          /* pairs of the shared sets */
    atomic_ullong sentinel_calls; /* pairs of the sentinel candidate */
} rule_state;

static uint32_t fnv1a(const char *s, uint32_t h)
{
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 16777619u;
    }
    return h;
}

static int stress_rule(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *payload)
{
    rule_state *st = payload;
    if (strcmp(jm_candidate_id(c), SENTINEL_ID) == 0) {
        atomic_fetch_add_explicit(&st->sentinel_calls, 1, memory_order_relaxed);
        jm_verdict_fail(v, SENTINEL_TEXT);
        return 1;
    }
    atomic_fetch_add_explicit(&st->calls, 1, memory_order_relaxed);
    uint32_t h = fnv1a(jm_job_id(j), fnv1a("/", fnv1a(jm_candidate_id(c), 2166136261u)));
    char note[64];
    snprintf(note, sizeof note, "pair hash %08" PRIx32, h);
    if (h % 29 == 0) {
        jm_verdict_veto(v, "the stress rule vetoes this pair", "another pair hash");
    } else if (h % 5 == 0) {
        jm_verdict_abstain(v);
    } else {
        jm_verdict_score(v, (double)(h % 1001) / 1000.0);
        jm_verdict_note(v, note);
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Reference results                                                      */

typedef struct ranking_ref {
    char *subject;
    size_t count, feasible_total, excluded_count;
    char **cand_ids, **job_ids; /* kept matches, best first */
    double *totals;
    char **excluded_ids;        /* the other side's id of each excluded pair */
    char *json;
} ranking_ref;

typedef struct shared {
    jm_engine *engine;
    const jm_candidates *cands;
    const jm_jobs *jobs;
    size_t nc, nj, npairs;
    char **pair_json;              /* [i * nj + k] */
    double *pair_total;            /* jm_engine_score's numbers, [i * nj + k] */
    unsigned char *pair_feasible;
    jm_candidates *sentinel;       /* the one candidate the rule fails for (thread 0's) */
    ranking_ref *jobs_ref[RANK_VARIANTS];  /* [variant][candidate] */
    ranking_ref *cands_ref[RANK_VARIANTS]; /* [variant][job] */
    double *totals;
    unsigned char *feasible;
    int iterations;
    rule_state *rule;
    pthread_barrier_t start;
} shared;

static char *dup_str(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static char *match_json(const jm_match *m)
{
    char *out = NULL;
    return jm_match_to_json(m, &out) == JM_OK ? out : NULL;
}

/* Fills *ref from a ranking; 0 on success. */
static int ranking_capture(const jm_ranking *r, int of_jobs, ranking_ref *ref)
{
    memset(ref, 0, sizeof *ref);
    ref->subject = dup_str(jm_ranking_subject(r));
    ref->count = jm_ranking_count(r);
    ref->feasible_total = jm_ranking_feasible_total(r);
    ref->excluded_count = jm_ranking_excluded_count(r);
    ref->cand_ids = calloc(ref->count + 1, sizeof *ref->cand_ids);
    ref->job_ids = calloc(ref->count + 1, sizeof *ref->job_ids);
    ref->totals = calloc(ref->count + 1, sizeof *ref->totals);
    ref->excluded_ids = calloc(ref->excluded_count + 1, sizeof *ref->excluded_ids);
    if (!ref->subject || !ref->cand_ids || !ref->job_ids || !ref->totals || !ref->excluded_ids)
        return -1;
    for (size_t i = 0; i < ref->count; i++) {
        const jm_match *m = jm_ranking_get(r, i);
        ref->cand_ids[i] = dup_str(jm_match_candidate_id(m));
        ref->job_ids[i] = dup_str(jm_match_job_id(m));
        ref->totals[i] = jm_match_total(m);
        if (!ref->cand_ids[i] || !ref->job_ids[i])
            return -1;
    }
    for (size_t i = 0; i < ref->excluded_count; i++) {
        const jm_match *m = jm_ranking_excluded(r, i);
        ref->excluded_ids[i] = dup_str(of_jobs ? jm_match_job_id(m) : jm_match_candidate_id(m));
        if (!ref->excluded_ids[i])
            return -1;
    }
    return jm_ranking_to_json(r, &ref->json) == JM_OK ? 0 : -1;
}

static void ranking_ref_free(ranking_ref *ref)
{
    for (size_t i = 0; ref->cand_ids && i < ref->count; i++)
        free(ref->cand_ids[i]);
    for (size_t i = 0; ref->job_ids && i < ref->count; i++)
        free(ref->job_ids[i]);
    for (size_t i = 0; ref->excluded_ids && i < ref->excluded_count; i++)
        free(ref->excluded_ids[i]);
    free(ref->cand_ids);
    free(ref->job_ids);
    free(ref->excluded_ids);
    free(ref->totals);
    free(ref->subject);
    jm_free(ref->json);
}

/* Compares a ranking with its reference; returns NULL when equal, else what differs. */
static const char *ranking_differs(const jm_ranking *r, int of_jobs, const ranking_ref *ref)
{
    if (strcmp(jm_ranking_subject(r), ref->subject) != 0)
        return "subject";
    if (jm_ranking_count(r) != ref->count)
        return "count";
    if (jm_ranking_feasible_total(r) != ref->feasible_total)
        return "feasible total";
    if (jm_ranking_excluded_count(r) != ref->excluded_count)
        return "excluded count";
    for (size_t i = 0; i < ref->count; i++) {
        const jm_match *m = jm_ranking_get(r, i);
        if (strcmp(jm_match_candidate_id(m), ref->cand_ids[i]) != 0 ||
            strcmp(jm_match_job_id(m), ref->job_ids[i]) != 0)
            return "order or ids of the kept matches";
        if (!same_double(jm_match_total(m), ref->totals[i]))
            return "totals of the kept matches";
    }
    for (size_t i = 0; i < ref->excluded_count; i++) {
        const jm_match *m = jm_ranking_excluded(r, i);
        if (strcmp(of_jobs ? jm_match_job_id(m) : jm_match_candidate_id(m), ref->excluded_ids[i]) != 0)
            return "excluded ids";
    }
    char *json = NULL;
    if (jm_ranking_to_json(r, &json) != JM_OK)
        return "jm_ranking_to_json failed";
    int same = strcmp(json, ref->json) == 0;
    jm_free(json);
    return same ? NULL : "ranking JSON";
}

/* Computes every reference result (single-threaded).  Counts the rule calls
 * it causes into *calls.  Returns 0 on success. */
static int compute_reference(shared *s, unsigned long long *calls)
{
    s->pair_json = calloc(s->npairs, sizeof *s->pair_json);
    s->pair_total = calloc(s->npairs, sizeof *s->pair_total);
    s->pair_feasible = calloc(s->npairs, 1);
    s->totals = calloc(s->npairs, sizeof *s->totals);
    s->feasible = calloc(s->npairs, 1);
    if (!s->pair_json || !s->pair_total || !s->pair_feasible || !s->totals || !s->feasible)
        return -1;
    for (size_t i = 0; i < s->nc; i++) {
        for (size_t k = 0; k < s->nj; k++) {
            jm_match *m = NULL;
            if (jm_engine_score(s->engine, jm_candidates_get(s->cands, i), jm_jobs_get(s->jobs, k),
                                &m) != JM_OK)
                return -1;
            ++*calls;
            s->pair_total[i * s->nj + k] = jm_match_total(m);
            s->pair_feasible[i * s->nj + k] = jm_match_feasible(m) != 0;
            s->pair_json[i * s->nj + k] = match_json(m);
            jm_match_free(m);
            if (!s->pair_json[i * s->nj + k])
                return -1;
        }
    }
    for (int v = 0; v < RANK_VARIANTS; v++) {
        s->jobs_ref[v] = calloc(s->nc + 1, sizeof **s->jobs_ref);
        s->cands_ref[v] = calloc(s->nj + 1, sizeof **s->cands_ref);
        if (!s->jobs_ref[v] || !s->cands_ref[v])
            return -1;
        for (size_t i = 0; i < s->nc; i++) {
            jm_ranking *r = NULL;
            if (jm_engine_rank_jobs(s->engine, jm_candidates_get(s->cands, i), s->jobs, rank_k[v],
                                    &r) != JM_OK)
                return -1;
            *calls += s->nj;
            int rc = ranking_capture(r, 1, &s->jobs_ref[v][i]);
            jm_ranking_free(r);
            if (rc)
                return -1;
        }
        for (size_t k = 0; k < s->nj; k++) {
            jm_ranking *r = NULL;
            if (jm_engine_rank_candidates(s->engine, jm_jobs_get(s->jobs, k), s->cands, rank_k[v],
                                          &r) != JM_OK)
                return -1;
            *calls += s->nc;
            int rc = ranking_capture(r, 0, &s->cands_ref[v][k]);
            jm_ranking_free(r);
            if (rc)
                return -1;
        }
    }
    if (score_matrix(s->engine, s->cands, s->jobs, 0, s->totals, s->npairs, s->feasible,
                     s->npairs) != JM_OK)
        return -1;
    *calls += s->npairs;
    return 0;
}

/* The references agree with one another: the matrix has jm_engine_score's
 * numbers for every pair, each ranking's totals are the matrix's, and the
 * matrix is the same again, on one thread and on batch threads. */
static int reference_consistent(shared *s, unsigned long long *calls)
{
    if (memcmp(s->totals, s->pair_total, s->npairs * sizeof *s->totals) != 0) {
        fprintf(stderr, "the matrix's totals differ from jm_engine_score's\n");
        return 0;
    }
    for (size_t p = 0; p < s->npairs; p++) {
        if (s->feasible[p] != s->pair_feasible[p]) {
            fprintf(stderr, "pair %zu: the matrix's feasibility differs from jm_engine_score's\n", p);
            return 0;
        }
    }
    for (size_t i = 0; i < s->nc; i++) {
        const ranking_ref *ref = &s->jobs_ref[1][i]; /* k = 0: every feasible job */
        for (size_t n = 0; n < ref->count; n++) {
            const jm_job *j = jm_jobs_find(s->jobs, ref->job_ids[n]);
            size_t k = 0;
            while (k < s->nj && jm_jobs_get(s->jobs, k) != j)
                k++;
            if (k == s->nj || !same_double(s->totals[i * s->nj + k], ref->totals[n]) ||
                !s->feasible[i * s->nj + k])
                return 0;
        }
    }
    double *totals = calloc(s->npairs, sizeof *totals);
    unsigned char *feasible = calloc(s->npairs, 1);
    int ok = totals && feasible;
    for (int round = 0; ok && round < 2; round++) {
        ok = score_matrix(s->engine, s->cands, s->jobs, round ? batch_threads : 0, totals, s->npairs,
                          feasible, s->npairs) == JM_OK &&
             memcmp(totals, s->totals, s->npairs * sizeof *totals) == 0 &&
             memcmp(feasible, s->feasible, s->npairs) == 0;
        *calls += s->npairs;
    }
    free(totals);
    free(feasible);
    return ok;
}

static void reference_free(shared *s)
{
    for (size_t p = 0; s->pair_json && p < s->npairs; p++)
        jm_free(s->pair_json[p]);
    free(s->pair_json);
    free(s->pair_total);
    free(s->pair_feasible);
    for (int v = 0; v < RANK_VARIANTS; v++) {
        for (size_t i = 0; s->jobs_ref[v] && i < s->nc; i++)
            ranking_ref_free(&s->jobs_ref[v][i]);
        for (size_t k = 0; s->cands_ref[v] && k < s->nj; k++)
            ranking_ref_free(&s->cands_ref[v][k]);
        free(s->jobs_ref[v]);
        free(s->cands_ref[v]);
    }
    free(s->totals);
    free(s->feasible);
}

/* ---------------------------------------------------------------------- */
/* The threads                                                            */

enum { K_SCORE, K_RANK_JOBS, K_RANK_CANDS, K_MATRIX, K_LAST_ERROR, K_PROVOKED, K_COUNT };

static const char *const kind_text[K_COUNT] = {
    "jm_engine_score: match JSON equals the reference",
    "jm_engine_rank_jobs: ids, totals and JSON equal the reference",
    "jm_engine_rank_candidates: ids, totals and JSON equal the reference",
    "jm_engine_score_matrix: totals and feasibility equal the reference",
    "jm_last_error keeps this thread's own error",
    "provoked failures (too-small buffers, the rule failing) give this thread's message",
};

typedef struct worker {
    shared *s;
    int id;
    pthread_t thread;
    unsigned long long calls[K_COUNT]; /* calls made of each kind */
    unsigned long long bad[K_COUNT];   /* mismatches of each kind */
    unsigned long long rule_calls;     /* pairs this thread scored */
    int fresh_error_empty;             /* jm_last_error() was "" when the thread started */
} worker;

/* Leaves an error of this thread's own in jm_last_error(); writes the
 * text it must contain into marker. */
static int mark_error(worker *w, int iteration, char *marker, size_t size)
{
    snprintf(marker, size, "/nonexistent/jobmatch-threads/thread-%d/iteration-%d", w->id, iteration);
    char *data = NULL;
    size_t len = 0;
    int rc = jm_read_file(marker, &data, &len);
    jm_free(data);
    return rc == JM_EIO && strstr(jm_last_error(), marker) != NULL;
}

static void check_last_error(worker *w, const char *marker, const char *after)
{
    w->calls[K_LAST_ERROR]++;
    if (!strstr(jm_last_error(), marker)) {
        w->bad[K_LAST_ERROR]++;
        mismatch(w->id, "after %s jm_last_error() is \"%s\", expected it to name \"%s\"", after,
                 jm_last_error(), marker);
    }
}

static void do_scores(worker *w, int it)
{
    shared *s = w->s;
    for (int n = 0; n < SCORES_PER_ITERATION; n++) {
        size_t p = ((size_t)w->id * 7919u + (size_t)it * 613u + (size_t)n * 97u) % s->npairs;
        size_t i = p / s->nj, k = p % s->nj;
        jm_match *m = NULL;
        w->calls[K_SCORE]++;
        int rc = jm_engine_score(s->engine, jm_candidates_get(s->cands, i), jm_jobs_get(s->jobs, k),
                                 &m);
        if (rc != JM_OK) {
            w->bad[K_SCORE]++;
            mismatch(w->id, "jm_engine_score(%zu, %zu) returned %d: %s", i, k, rc, jm_last_error());
            continue;
        }
        w->rule_calls++;
        char *json = match_json(m);
        if (!json || strcmp(json, s->pair_json[p]) != 0) {
            w->bad[K_SCORE]++;
            mismatch(w->id, "jm_engine_score(%zu, %zu): JSON differs from the reference", i, k);
        }
        jm_free(json);
        jm_match_free(m);
    }
}

static void do_rank_jobs(worker *w, int it)
{
    shared *s = w->s;
    size_t i = ((size_t)w->id + (size_t)it * 5u) % s->nc;
    int v = (w->id + it) % RANK_VARIANTS;
    jm_ranking *r = NULL;
    w->calls[K_RANK_JOBS]++;
    int rc = jm_engine_rank_jobs(s->engine, jm_candidates_get(s->cands, i), s->jobs, rank_k[v], &r);
    if (rc != JM_OK) {
        w->bad[K_RANK_JOBS]++;
        mismatch(w->id, "jm_engine_rank_jobs(%zu, k=%zu) returned %d", i, rank_k[v], rc);
        return;
    }
    w->rule_calls += s->nj;
    const char *diff = ranking_differs(r, 1, &s->jobs_ref[v][i]);
    if (diff) {
        w->bad[K_RANK_JOBS]++;
        mismatch(w->id, "jm_engine_rank_jobs(candidate %zu, k=%zu): %s differs", i, rank_k[v], diff);
    }
    jm_ranking_free(r);
}

static void do_rank_candidates(worker *w, int it)
{
    shared *s = w->s;
    size_t k = ((size_t)w->id * 3u + (size_t)it * 11u) % s->nj;
    int v = (w->id + it + 1) % RANK_VARIANTS;
    jm_ranking *r = NULL;
    w->calls[K_RANK_CANDS]++;
    int rc = jm_engine_rank_candidates(s->engine, jm_jobs_get(s->jobs, k), s->cands, rank_k[v], &r);
    if (rc != JM_OK) {
        w->bad[K_RANK_CANDS]++;
        mismatch(w->id, "jm_engine_rank_candidates(%zu, k=%zu) returned %d", k, rank_k[v], rc);
        return;
    }
    w->rule_calls += s->nc;
    const char *diff = ranking_differs(r, 0, &s->cands_ref[v][k]);
    if (diff) {
        w->bad[K_RANK_CANDS]++;
        mismatch(w->id, "jm_engine_rank_candidates(job %zu, k=%zu): %s differs", k, rank_k[v], diff);
    }
    jm_ranking_free(r);
}

static void do_matrix(worker *w, int it, double *totals, unsigned char *feasible)
{
    shared *s = w->s;
    unsigned threads = it % 3 == 2 ? batch_threads : 0;
    /* poison the buffers so that a pair left unwritten is seen */
    memset(totals, 0xa5, s->npairs * sizeof *totals);
    memset(feasible, 0xa5, s->npairs);
    w->calls[K_MATRIX]++;
    int rc = score_matrix(s->engine, s->cands, s->jobs, threads, totals, s->npairs, feasible,
                          s->npairs);
    if (rc != JM_OK) {
        w->bad[K_MATRIX]++;
        mismatch(w->id, "jm_engine_score_matrix (%u threads) returned %d: %s", threads, rc,
                 jm_last_error());
        return;
    }
    w->rule_calls += s->npairs;
    if (memcmp(totals, s->totals, s->npairs * sizeof *totals) != 0 ||
        memcmp(feasible, s->feasible, s->npairs) != 0) {
        w->bad[K_MATRIX]++;
        mismatch(w->id, "jm_engine_score_matrix (%u threads): the matrix differs from the reference",
                 threads);
    }
}

/* Thread 0's extra work: failures that must report this thread's message,
 * not another thread's (whose markers name "jobmatch-threads").  The last
 * message becomes the thread's marker (MARKER_SIZE bytes), which
 * jm_last_error() must keep naming until its next failure. */
static void provoked(worker *w, int rc, int code, const char *what, const char *needle)
{
    const char *msg = jm_last_error();
    w->calls[K_PROVOKED]++;
    if (rc != code || !strstr(msg, needle) || strstr(msg, "jobmatch-threads")) {
        w->bad[K_PROVOKED]++;
        mismatch(w->id, "%s: returned %d, expected %d, jm_last_error() \"%s\"", what, rc, code, msg);
    }
}

static void do_provoke(worker *w, int it, double *totals, unsigned char *feasible, char *marker)
{
    shared *s = w->s;
    for (int n = 0; n < ERRORS_PER_ITERATION; n++) {
        unsigned threads = (n / 4) % 2 ? batch_threads : 0;
        switch (n % 4) {
        case 0:
            provoked(w, score_matrix(s->engine, s->cands, s->jobs, threads, totals, s->npairs - 1,
                                     feasible, s->npairs),
                     JM_EINVAL, "jm_engine_score_matrix, totals one too small",
                     "jm_engine_score_matrix");
            break;
        case 1:
            provoked(w, score_matrix(s->engine, s->cands, s->jobs, threads, totals, s->npairs,
                                     feasible, s->npairs - 1),
                     JM_EINVAL, "jm_engine_score_matrix, feasible one too small",
                     "jm_engine_score_matrix");
            break;
        case 2: {
            jm_match *m = NULL;
            provoked(w, jm_engine_score(s->engine, jm_candidates_get(s->sentinel, 0),
                                        jm_jobs_get(s->jobs, (size_t)(it + n) % s->nj), &m),
                     JM_ECALLBACK, "jm_engine_score of the sentinel", SENTINEL_TEXT);
            jm_match_free(m);
            break;
        }
        default:
            provoked(w, score_matrix(s->engine, s->sentinel, s->jobs, threads, totals, s->nj, feasible,
                                     s->nj),
                     JM_ECALLBACK, "jm_engine_score_matrix of the sentinel", SENTINEL_TEXT);
        }
    }
    snprintf(marker, MARKER_SIZE, "%s", jm_last_error());
}

static void *worker_main(void *arg)
{
    worker *w = arg;
    shared *s = w->s;
    w->fresh_error_empty = jm_last_error() != NULL && jm_last_error()[0] == '\0';
    double *totals = malloc(s->npairs * sizeof *totals);
    unsigned char *feasible = malloc(s->npairs);
    pthread_barrier_wait(&s->start);
    if (!totals || !feasible) {
        w->bad[K_MATRIX]++;
        mismatch(w->id, "out of memory");
        free(totals);
        free(feasible);
        return NULL;
    }
    char marker[MARKER_SIZE];
    for (int it = 0; it < s->iterations; it++) {
        w->calls[K_LAST_ERROR]++;
        if (!mark_error(w, it, marker, sizeof marker)) {
            w->bad[K_LAST_ERROR]++;
            mismatch(w->id, "jm_read_file(\"%s\") did not fail with its path: \"%s\"", marker,
                     jm_last_error());
        }
        /* rotate the order of the calls so that different threads overlap
         * different functions */
        for (int step = 0; step < 4; step++) {
            switch ((step + w->id + it) % 4) {
            case 0: do_scores(w, it); check_last_error(w, marker, "jm_engine_score"); break;
            case 1: do_rank_jobs(w, it); check_last_error(w, marker, "jm_engine_rank_jobs"); break;
            case 2:
                do_rank_candidates(w, it);
                check_last_error(w, marker, "jm_engine_rank_candidates");
                break;
            default:
                do_matrix(w, it, totals, feasible);
                check_last_error(w, marker, "jm_engine_score_matrix");
            }
            if (w->id == 0)
                do_provoke(w, it, totals, feasible, marker);
        }
    }
    free(totals);
    free(feasible);
    return NULL;
}

/* ---------------------------------------------------------------------- */

static int load_sets(const char *root, jm_candidates **cands, jm_jobs **jobs)
{
    char path[4096];
    jm_diags *diags = NULL;
    int rc = jm_diags_new(&diags);
    if (rc == JM_OK)
        rc = jm_candidates_new(cands);
    if (rc == JM_OK)
        rc = jm_jobs_new(jobs);
    if (rc == JM_OK) {
        snprintf(path, sizeof path, "%s/examples/data/candidates.json", root);
        rc = jm_candidates_load_file(*cands, path, NULL, diags);
    }
    if (rc == JM_OK) {
        snprintf(path, sizeof path, "%s/examples/data/jobs.json", root);
        rc = jm_jobs_load_file(*jobs, path, NULL, diags);
    }
    for (size_t i = 0; i < jm_diags_count(diags); i++) {
        char *line = NULL;
        if (jm_diags_format(diags, i, &line) == JM_OK)
            fprintf(stderr, "%s\n", line);
        jm_free(line);
    }
    if (rc != JM_OK)
        fprintf(stderr, "loading the sample data failed: %s: %s\n", jm_strerror(rc), jm_last_error());
    jm_diags_free(diags);
    return rc;
}

static int finish(void)
{
    printf("%d passed, %d failed\n", n_passed, n_failed);
    return n_failed ? 1 : 0;
}

int main(void)
{
    const char *root = getenv("JM_SOURCE_ROOT");
    if (!root || !root[0]) {
        fprintf(stderr, "test_threads: set JM_SOURCE_ROOT to the source tree\n");
        check(0, "JM_SOURCE_ROOT is set");
        return finish();
    }
    int iterations = DEFAULT_ITERATIONS;
    const char *env = getenv("JM_THREADS_ITERATIONS");
    if (env && env[0]) {
        iterations = atoi(env);
        if (iterations < 1)
            iterations = 1;
    }

    shared s;
    memset(&s, 0, sizeof s);
    jm_candidates *cands = NULL;
    jm_jobs *jobs = NULL;
    int loaded = load_sets(root, &cands, &jobs) == JM_OK;
    s.cands = cands;
    s.jobs = jobs;
    s.nc = jm_candidates_count(cands);
    s.nj = jm_jobs_count(jobs);
    s.npairs = s.nc * s.nj;
    check(loaded && s.npairs > 1, "sample data loaded (%zu candidates, %zu jobs)", s.nc, s.nj);
    if (!loaded || s.npairs <= 1) {
        jm_candidates_free(cands);
        jm_jobs_free(jobs);
        return finish();
    }

    rule_state rule;
    atomic_init(&rule.calls, 0);
    atomic_init(&rule.sentinel_calls, 0);
    s.rule = &rule;
    s.iterations = iterations;
    int rc = jm_engine_new(NULL, &s.engine);
    if (rc == JM_OK)
        rc = jm_engine_add_rule(s.engine, "stress_hash", 0.1, stress_rule, &rule, NULL);
    check(rc == JM_OK && jm_engine_rule_count(s.engine) == 1,
          "one engine: the default profile and the rule 'stress_hash'");
    if (rc != JM_OK) {
        jm_engine_free(s.engine);
        jm_candidates_free(cands);
        jm_jobs_free(jobs);
        return finish();
    }

    jm_candidate *sentinel = NULL;
    rc = jm_candidates_new(&s.sentinel);
    if (rc == JM_OK)
        rc = jm_candidate_new(SENTINEL_ID, &sentinel);
    if (rc == JM_OK)
        rc = jm_candidates_add(s.sentinel, sentinel);
    jm_candidate_free(sentinel);
    check(rc == JM_OK, "a sentinel candidate for thread 0 (the rule fails for it)");
    printf("     every third matrix runs on %u batch threads of its own\n", batch_threads);

    unsigned long long expected_calls = 0;
    int ref_ok = rc == JM_OK && compute_reference(&s, &expected_calls) == 0;
    check(ref_ok, "reference computed single-threaded (%zu pairs, %d rankings)", s.npairs,
          RANK_VARIANTS * (int)(s.nc + s.nj));
    if (ref_ok) {
        size_t vetoed = 0, feasible = 0;
        for (size_t p = 0; p < s.npairs; p++) {
            feasible += s.feasible[p] != 0;
            vetoed += strstr(s.pair_json[p], "the stress rule vetoes this pair") != NULL;
        }
        check(vetoed > 0 && feasible > 0 && strstr(s.pair_json[0], "rule:stress_hash") != NULL,
              "the rule takes part (%zu of %zu pairs feasible, %zu vetoed by the rule)", feasible,
              s.npairs, vetoed);
        check(reference_consistent(&s, &expected_calls),
              "reference is consistent: the matrix has jm_engine_score's numbers for every pair, "
              "rankings agree with it, the matrix is the same again (also on %u batch threads)",
              batch_threads);
    }

    /* The main thread's own error, which no thread may overwrite. */
    char main_marker[] = "/nonexistent/jobmatch-threads/main-thread";
    char *data = NULL;
    check(jm_read_file(main_marker, &data, NULL) == JM_EIO && strstr(jm_last_error(), main_marker),
          "the main thread's error is set");
    jm_free(data);

    if (ref_ok) {
        worker w[N_THREADS];
        memset(w, 0, sizeof w);
        pthread_barrier_init(&s.start, NULL, N_THREADS);
        int started = 0;
        for (int t = 0; t < N_THREADS; t++) {
            w[t].s = &s;
            w[t].id = t;
            if (pthread_create(&w[t].thread, NULL, worker_main, &w[t]) != 0)
                break;
            started++;
        }
        check(started == N_THREADS, "%d threads started, %d iterations each", started, iterations);
        if (started < N_THREADS) {
            /* the barrier would never open: nothing sensible is left to do */
            fprintf(stderr, "pthread_create failed\n");
            return finish();
        }
        for (int t = 0; t < N_THREADS; t++)
            pthread_join(w[t].thread, NULL);
        pthread_barrier_destroy(&s.start);

        unsigned long long thread_calls = 0;
        for (int t = 0; t < N_THREADS; t++) {
            check(w[t].fresh_error_empty, "thread %d: jm_last_error() is \"\" in a new thread", t);
            for (int kd = 0; kd < K_COUNT; kd++) {
                if (kd == K_PROVOKED && t != 0)
                    continue;
                check(w[t].bad[kd] == 0 && w[t].calls[kd] > 0, "thread %d: %s (%llu of %llu differ)", t,
                      kind_text[kd], w[t].bad[kd], w[t].calls[kd]);
            }
            thread_calls += w[t].rule_calls;
        }
        expected_calls += thread_calls;
        unsigned long long calls = atomic_load(&rule.calls);
        check(calls == expected_calls, "the rule ran once per scored pair (%llu calls, expected %llu)",
              calls, expected_calls);
        check(atomic_load(&rule.sentinel_calls) > 0, "the rule failed for the sentinel %llu times",
              (unsigned long long)atomic_load(&rule.sentinel_calls));
    }
    check(strstr(jm_last_error(), main_marker) != NULL,
          "the main thread's error is still its own after the threads: \"%s\"", jm_last_error());

    reference_free(&s);
    jm_candidates_free(s.sentinel);
    jm_engine_free(s.engine);
    jm_candidates_free(cands);
    jm_jobs_free(jobs);
    return finish();
}
