/*
 * Batch scoring: the score matrix and top-k for every row, on many threads.
 *
 * Top k prunes: once a row holds k pairs, a pair that is excluded, or that
 * cannot reach the k-th total even with every factor not yet run scoring 1,
 * is not scored further (jm_score_value_above); the pairs kept are scored
 * in full, so the result is the brute-force one.
 * The rows (candidates, or jobs for top candidates) are handed out in
 * chunks through an atomic counter; each row is computed whole by one thread
 * with jm_score_value, in column order, so results do not depend on the
 * number of threads.  The calling thread works too and is the only one that
 * reports progress.  A failure stops the handing out of rows; of the rows
 * that failed, the first in row order is reported (all rows before it were
 * handed out before it, and finish), so the error is deterministic too.
 */
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "engine_impl.h"
#include "score.h"
#include "util.h"

#define MAX_THREADS 256
#define ERROR_TEXT 512

void jm_batch_options_init(jm_batch_options *opts)
{
    if (!opts)
        return;
    jm_batch_options d = JM_BATCH_OPTIONS_INIT;
    *opts = d;
}

/* One batch call. */
typedef struct batch batch;
typedef int (*row_fn)(batch *b, size_t row);

struct batch {
    const jm_engine *e;
    const jm_candidates *cands;
    const jm_jobs *jobs;
    size_t rows, cols, chunk;
    row_fn row;

    /* outputs */
    double *totals;
    unsigned char *feasible;
    size_t k;
    size_t *index;
    size_t *counts;

    atomic_size_t next; /* first row not handed out */
    atomic_size_t done; /* rows finished */
    atomic_bool stop;   /* a failure or a cancellation */

    pthread_mutex_t lock; /* guards the error below */
    size_t error_row;     /* SIZE_MAX: none */
    int error_code;
    char error_text[ERROR_TEXT];
};

static void record_error(batch *b, size_t row, int rc)
{
    pthread_mutex_lock(&b->lock);
    if (row < b->error_row) {
        b->error_row = row;
        b->error_code = rc;
        snprintf(b->error_text, sizeof b->error_text, "%s", jm_last_error());
    }
    pthread_mutex_unlock(&b->lock);
    atomic_store(&b->stop, true);
}

/* Works through chunks of rows until none is left or the call stops.  The
 * calling thread (progress != NULL) reports after each chunk. */
static void work(batch *b, const jm_batch_options *progress)
{
    for (;;) {
        if (atomic_load_explicit(&b->stop, memory_order_relaxed))
            return;
        size_t first = atomic_fetch_add(&b->next, b->chunk);
        if (first >= b->rows)
            return;
        size_t last = first + b->chunk < b->rows ? first + b->chunk : b->rows;
        for (size_t r = first; r < last; r++) {
            int rc = b->row(b, r);
            if (rc != JM_OK) {
                record_error(b, r, rc);
                return;
            }
        }
        size_t done = atomic_fetch_add(&b->done, last - first) + (last - first);
        if (progress && progress->progress && done < b->rows &&
            progress->progress(done, b->rows, progress->progress_payload) != 0) {
            atomic_store(&b->stop, true);
            pthread_mutex_lock(&b->lock);
            if (b->error_row == SIZE_MAX) {
                b->error_row = SIZE_MAX - 1; /* below "none", above every real row */
                b->error_code = JM_ECANCELED;
                snprintf(b->error_text, sizeof b->error_text, "canceled by the progress callback "
                         "after %zu of %zu rows", done, b->rows);
            }
            pthread_mutex_unlock(&b->lock);
            return;
        }
    }
}

static void *worker_main(void *arg)
{
    work(arg, NULL);
    return NULL;
}

static unsigned thread_count(const jm_batch_options *opts, size_t rows)
{
    unsigned n = opts ? opts->threads : 1;
    if (n == 0) {
        long cpus = sysconf(_SC_NPROCESSORS_ONLN);
        n = cpus > 0 ? (unsigned)(cpus < MAX_THREADS ? cpus : MAX_THREADS) : 1;
    }
    if (n > MAX_THREADS)
        n = MAX_THREADS;
    if ((size_t)n > rows)
        n = rows ? (unsigned)rows : 1;
    return n;
}

/* Runs b->row over every row; JM_OK or the first failure (message set). */
static int run(batch *b, const jm_batch_options *opts, const char *fn)
{
    if (opts && opts->version != JM_BATCH_OPTIONS_VERSION)
        return jm_fail(JM_EINVAL, "%s: unknown jm_batch_options version %u", fn, opts->version);
    /* About 4096 pairs per chunk: few atomic operations, fine progress. */
    b->chunk = b->cols ? 4096 / b->cols : 4096;
    if (b->chunk == 0)
        b->chunk = 1;
    atomic_init(&b->next, 0);
    atomic_init(&b->done, 0);
    atomic_init(&b->stop, false);
    b->error_row = SIZE_MAX;
    b->error_code = JM_OK;
    b->error_text[0] = '\0';
    if (pthread_mutex_init(&b->lock, NULL) != 0)
        return jm_fail(JM_ENOMEM, "%s: cannot create a mutex", fn);

    unsigned n = thread_count(opts, b->rows);
    pthread_t tids[MAX_THREADS];
    unsigned started = 0;
    for (unsigned t = 1; t < n; t++) {
        if (pthread_create(&tids[started], NULL, worker_main, b) != 0)
            break; /* fewer threads: the same results, later */
        started++;
    }
    jm_batch_options progress = opts ? *opts : (jm_batch_options)JM_BATCH_OPTIONS_INIT;
    work(b, &progress);
    for (unsigned t = 0; t < started; t++)
        pthread_join(tids[t], NULL);
    pthread_mutex_destroy(&b->lock);

    if (b->error_code != JM_OK)
        return jm_fail(b->error_code, "%s", b->error_text);
    if (progress.progress) /* all done: what it returns no longer matters */
        (void)progress.progress(b->rows, b->rows, progress.progress_payload);
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* The score matrix                                                       */

static int matrix_row(batch *b, size_t i)
{
    const jm_candidate *c = jm_candidates_get(b->cands, i);
    double *t = b->totals + i * b->cols;
    unsigned char *f = b->feasible ? b->feasible + i * b->cols : NULL;
    for (size_t k = 0; k < b->cols; k++) {
        jm_pair_value v;
        int rc = jm_score_value(b->e, c, jm_jobs_get(b->jobs, k), &v);
        if (rc != JM_OK)
            return rc;
        t[k] = v.total;
        if (f)
            f[k] = v.feasible;
    }
    return JM_OK;
}

/* rows x cols, checked against SIZE_MAX. */
static int pair_count(size_t rows, size_t cols, const char *fn, size_t *out)
{
    if (cols && rows > SIZE_MAX / cols)
        return jm_fail(JM_EINVAL, "%s: %zu x %zu pairs is too many", fn, rows, cols);
    *out = rows * cols;
    return JM_OK;
}

int jm_engine_score_matrix(jm_engine *e, const jm_candidates *candidates, const jm_jobs *jobs,
                           const jm_batch_options *opts, double *totals, size_t n_totals,
                           unsigned char *feasible, size_t n_feasible)
{
    static const char fn[] = "jm_engine_score_matrix";
    if (!e || !candidates || !jobs || !totals)
        return jm_fail(JM_EINVAL, "%s: engine, candidates, jobs and totals are required", fn);
    batch b;
    memset(&b, 0, sizeof b);
    b.e = e;
    b.cands = candidates;
    b.jobs = jobs;
    b.rows = jm_candidates_count(candidates);
    b.cols = jm_jobs_count(jobs);
    size_t n = 0;
    if (pair_count(b.rows, b.cols, fn, &n) != JM_OK)
        return JM_EINVAL;
    if (n_totals < n || (feasible && n_feasible < n))
        return jm_fail(JM_EINVAL, "%s: the buffers need %zu elements (%zu x %zu)", fn, n, b.rows,
                       b.cols);
    b.totals = totals;
    b.feasible = feasible;
    b.row = matrix_row;
    return run(&b, opts, fn);
}

/* ---------------------------------------------------------------------- */
/* Top k for every row                                                    */

/* Is (total a, id a) ranked before (total b, id b)?  Best first, equal
 * totals in id order, as rankings sort. */
static bool before(double ta, const char *ia, double tb, const char *ib)
{
    if (ta != tb)
        return ta > tb;
    return strcmp(ia, ib) < 0;
}

static const char *col_id(const batch *b, size_t col, bool cols_are_jobs)
{
    return cols_are_jobs ? jm_job_id(jm_jobs_get(b->jobs, col))
                         : jm_candidate_id(jm_candidates_get(b->cands, col));
}

/* One row's top k: the row's slots hold the best so far, sorted; an
 * insertion per feasible pair that beats the last. */
static int top_row(batch *b, size_t row, bool rows_are_candidates)
{
    const size_t k = b->k;
    size_t *idx = b->index + row * k;
    double *tot = b->totals + row * k;
    size_t kept = 0, feasible = 0;
    const jm_candidate *c = rows_are_candidates ? jm_candidates_get(b->cands, row) : NULL;
    const jm_job *j = rows_are_candidates ? NULL : jm_jobs_get(b->jobs, row);
    for (size_t col = 0; col < b->cols; col++) {
        jm_pair_value v;
        bool pruned = false;
        /* once k are kept, a pair must reach the last of them */
        const double bar = kept == k ? tot[k - 1] : -INFINITY;
        int rc = rows_are_candidates
                     ? jm_score_value_above(b->e, c, jm_jobs_get(b->jobs, col), bar, &v, &pruned)
                     : jm_score_value_above(b->e, jm_candidates_get(b->cands, col), j, bar, &v, &pruned);
        if (rc != JM_OK)
            return rc;
        if (!v.feasible)
            continue;
        feasible++;
        if (pruned)
            continue;
        const char *id = NULL;
        if (kept == k) {
            if (v.total < tot[k - 1])
                continue;
            id = col_id(b, col, rows_are_candidates);
            if (!before(v.total, id, tot[k - 1], col_id(b, idx[k - 1], rows_are_candidates)))
                continue;
            kept--; /* the last one drops out */
        }
        if (!id)
            id = col_id(b, col, rows_are_candidates);
        size_t at = kept;
        while (at > 0 && before(v.total, id, tot[at - 1], col_id(b, idx[at - 1], rows_are_candidates))) {
            tot[at] = tot[at - 1];
            idx[at] = idx[at - 1];
            at--;
        }
        tot[at] = v.total;
        idx[at] = col;
        kept++;
    }
    for (size_t r = kept; r < k; r++) {
        idx[r] = SIZE_MAX;
        tot[r] = NAN;
    }
    if (b->counts)
        b->counts[row] = feasible;
    return JM_OK;
}

static int top_jobs_row(batch *b, size_t row)
{
    return top_row(b, row, true);
}

static int top_candidates_row(batch *b, size_t row)
{
    return top_row(b, row, false);
}

static int top(jm_engine *e, const jm_candidates *candidates, const jm_jobs *jobs, bool rows_are_candidates,
               size_t k, const jm_batch_options *opts, size_t *index, size_t n_index, double *totals,
               size_t n_totals, size_t *counts, size_t n_counts, const char *fn)
{
    if (!e || !candidates || !jobs || !index || !totals)
        return jm_fail(JM_EINVAL, "%s: engine, candidates, jobs, index and totals are required", fn);
    if (k == 0)
        return jm_fail(JM_EINVAL, "%s: k must be at least 1", fn);
    batch b;
    memset(&b, 0, sizeof b);
    b.e = e;
    b.cands = candidates;
    b.jobs = jobs;
    b.rows = rows_are_candidates ? jm_candidates_count(candidates) : jm_jobs_count(jobs);
    b.cols = rows_are_candidates ? jm_jobs_count(jobs) : jm_candidates_count(candidates);
    size_t n = 0;
    if (pair_count(b.rows, k, fn, &n) != JM_OK)
        return JM_EINVAL;
    if (n_index < n || n_totals < n || (counts && n_counts < b.rows))
        return jm_fail(JM_EINVAL, "%s: index and totals need %zu elements (%zu rows x k = %zu), "
                       "counts %zu", fn, n, b.rows, k, b.rows);
    b.k = k;
    b.index = index;
    b.totals = totals;
    b.counts = counts;
    b.row = rows_are_candidates ? top_jobs_row : top_candidates_row;
    return run(&b, opts, fn);
}

int jm_engine_top_jobs(jm_engine *e, const jm_candidates *candidates, const jm_jobs *jobs, size_t k,
                       const jm_batch_options *opts, size_t *index, size_t n_index, double *totals,
                       size_t n_totals, size_t *counts, size_t n_counts)
{
    return top(e, candidates, jobs, true, k, opts, index, n_index, totals, n_totals, counts, n_counts,
               "jm_engine_top_jobs");
}

int jm_engine_top_candidates(jm_engine *e, const jm_jobs *jobs, const jm_candidates *candidates,
                             size_t k, const jm_batch_options *opts, size_t *index, size_t n_index,
                             double *totals, size_t n_totals, size_t *counts, size_t n_counts)
{
    return top(e, candidates, jobs, false, k, opts, index, n_index, totals, n_totals, counts,
               n_counts, "jm_engine_top_candidates");
}
