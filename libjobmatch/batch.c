/*
 * Batch scoring: the score matrix and top-k for every row, on many threads.
 *
 * Top k prunes: once a row holds k pairs, a pair that is excluded, or that
 * cannot reach the k-th total even with every factor not yet run scoring 1,
 * is not scored further (jm_score_compiled); top jobs visits the jobs by
 * occupation group and skips the groups whose job-type score alone keeps
 * them below the k-th total (top_jobs_by_group), and the jobs beyond a
 * candidate's commute reach (top_scan).  The pairs kept are scored
 * in full, so the result is the brute-force one.
 * The rows (candidates, or jobs for top candidates) are handed out in
 * chunks through an atomic counter; each row is computed whole by one thread
 * with jm_score_compiled, in an order that depends on the row alone (column
 * order, or occupation groups for top jobs), so results do not depend on
 * the number of threads.  The calling thread works too and is the only one that
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

#include "compiled.h"
#include "engine_impl.h"
#include "factors/factors.h"
#include "score.h"
#include "sets.h"
#include "util.h"

#define MAX_THREADS 256
#define PREFETCH_AHEAD 8 /* records ahead of the one being scored */
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

/* An occupation group and the best total a job of it could reach. */
typedef struct group_bound {
    double reach;
    uint32_t g;
} group_bound;

/* A thread's working memory.  levels: the table of a candidate's skill
 * levels (compiled.h), all JM_LEVEL_ABSENT between pairs; touched
 * (jm_cpair); by occupation group of the job set: the candidate's job-type
 * factor, and the groups to visit (top_jobs_by_group). */
typedef struct scratch {
    jm_crow row; /* its ability table all JM_ABILITY_NONE between rows */
    double *levels;
    uint64_t *touched; /* top k: a bit per job, it lists a skill of the candidate's; all clear between rows */
    jm_job_type_value *job_type;
    uint64_t *near;      /* a bit per occupation group (jm_job_types_fill), all clear between rows */
    uint64_t *near_refs; /* a word per occupation group (jm_job_types_fill), all clear between rows */
    group_bound *hot;
    uint32_t *cold;
    jm_memo memo; /* for candidate rows */
    jm_skill_sum *sums; /* score matrix: by job, the row's skill credits; all zero between rows */
} scratch;

/* Entries of a memo table: the blocks of the job set's pool of that kind. */
static size_t memo_entries(const jm_cjobs *js, int kind)
{
    return (size_t)jm_memo_pool(js, kind)->n + 1;
}

/* A new row for the memo: entries of earlier rows no longer hold. */
static jm_memo *memo_row(const jm_cjobs *js, scratch *s)
{
    if (++s->memo.stamp == 0) { /* wrapped: clear every entry once */
        for (int kind = 0; kind < JM_MEMO_KINDS; kind++)
            memset(s->memo.table[kind], 0, memo_entries(js, kind) * sizeof(jm_memo_entry));
        s->memo.stamp = 1;
    }
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++)
        s->memo.full[kind] = false;
    return &s->memo;
}

typedef int (*row_fn)(batch *b, size_t row, scratch *s);

struct batch {
    const jm_engine *e;
    const jm_candidates *cands;
    const jm_jobs *jobs;
    size_t rows, cols, chunk;
    row_fn row;
    jm_ccands *ccs; /* the compiled sets */
    jm_cjobs *cjs;
    size_t n_levels;
    bool prune;     /* top k may stop a pair early (no rules) */
    bool windows;   /* top jobs may skip jobs beyond a candidate's commute */
    bool skill_sums; /* rows work out their skill credits for every job ahead (scratch.sums) */
    double weight_sum; /* of the profile's positive weights */

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

static void work_rows(batch *b, const jm_batch_options *progress, scratch *s);

/* Works through chunks of rows until none is left or the call stops.  The
 * calling thread (progress != NULL) reports after each chunk. */
static void work(batch *b, const jm_batch_options *progress)
{
    const size_t groups = b->cjs->n_groups;
    const jm_cjobs *js = b->cjs;
    /* the score matrix sums skills by job (sums); top k marks the jobs
     * sharing a skill (touched) */
    scratch s = { { .ability = malloc(js->n_dims + 1) }, malloc(b->n_levels * sizeof *s.levels),
                  b->skill_sums ? NULL : calloc(jm_touched_words(js), sizeof *s.touched),
                  malloc(groups * sizeof *s.job_type), calloc(groups / 64 + 1, sizeof *s.near),
                  calloc(groups ? groups : 1, sizeof *s.near_refs),
                  malloc(groups * sizeof *s.hot), malloc(groups * sizeof *s.cold), { 0, { NULL }, { false } },
                  b->skill_sums ? calloc(js->n ? js->n : 1, sizeof *s.sums) : NULL };
    bool memo_ok = true;
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++) {
        s.memo.table[kind] = calloc(memo_entries(js, kind), sizeof(jm_memo_entry));
        memo_ok = memo_ok && s.memo.table[kind];
    }
    if (!s.row.ability || !s.levels || (b->skill_sums ? !s.sums : !s.touched) || !s.job_type || !s.near ||
        !s.near_refs || !s.hot || !s.cold || !memo_ok) {
        jm_fail(JM_ENOMEM, "out of memory for a batch thread");
        record_error(b, 0, JM_ENOMEM);
    } else {
        for (size_t i = 0; i < b->n_levels; i++)
            s.levels[i] = JM_LEVEL_ABSENT;
        memset(s.row.ability, JM_ABILITY_NONE, js->n_dims + 1);
        work_rows(b, progress, &s);
    }
    free(s.row.ability);
    free(s.sums);
    free(s.levels);
    free(s.touched);
    free(s.job_type);
    free(s.near);
    free(s.near_refs);
    free(s.hot);
    free(s.cold);
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++)
        free(s.memo.table[kind]);
}

static void work_rows(batch *b, const jm_batch_options *progress, scratch *s)
{
    for (;;) {
        if (atomic_load_explicit(&b->stop, memory_order_relaxed))
            return;
        size_t first = atomic_fetch_add(&b->next, b->chunk);
        if (first >= b->rows)
            return;
        size_t last = first + b->chunk < b->rows ? first + b->chunk : b->rows;
        for (size_t r = first; r < last; r++) {
            int rc = b->row(b, r, s);
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
    if (jm_compiled_get(b->e, b->cands, b->jobs, &b->ccs, &b->cjs) != JM_OK)
        return JM_ENOMEM;
    b->n_levels = (size_t)(b->ccs->n_skill_ids > b->cjs->n_skill_ids ? b->ccs->n_skill_ids
                                                                     : b->cjs->n_skill_ids) + 1;
    b->prune = b->e->n_rules == 0;
    b->windows = b->prune && !b->e->travel;
    b->weight_sum = 0;
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        const double w = b->e->profile->weights[f];
        b->weight_sum += w > 0 ? w : 0;
    }
    if (pthread_mutex_init(&b->lock, NULL) != 0) {
        jm_ccands_release(b->ccs);
        jm_cjobs_release(b->cjs);
        return jm_fail(JM_ENOMEM, "%s: cannot create a mutex", fn);
    }

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
    jm_ccands_release(b->ccs);
    jm_cjobs_release(b->cjs);

    if (b->error_code != JM_OK)
        return jm_fail(b->error_code, "%s", b->error_text);
    if (progress.progress) /* all done: what it returns no longer matters */
        (void)progress.progress(b->rows, b->rows, progress.progress_payload);
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* The score matrix                                                       */

/* The candidate's job-type factor for every occupation group of the jobs. */
static void job_types(const batch *b, const jm_ccand *c, scratch *s)
{
    jm_job_types_fill(b->ccs, c, b->cjs, &b->e->profile->th, s->job_type, s->near, s->near_refs);
}

/* The candidate's skill levels and row (compiled.h), and clearing them. */
static void row_fill(const batch *b, scratch *s, const jm_ccand *c)
{
    jm_levels_fill(s->levels, b->ccs, c);
    jm_crow_fill(&s->row, b->ccs, b->cjs, c, &b->e->profile->th);
}

static void row_clear(const batch *b, scratch *s, const jm_ccand *c)
{
    jm_levels_clear(s->levels, b->ccs, c);
    jm_crow_clear(&s->row, b->ccs, b->cjs, c);
}

static int matrix_row(batch *b, size_t i, scratch *s)
{
    const jm_candidate *c = jm_candidates_get(b->cands, i);
    double *t = b->totals + i * b->cols;
    unsigned char *f = b->feasible ? b->feasible + i * b->cols : NULL;
    /* the row's skill credits for every job at once, through the skill index */
    jm_cpair pc = { b->ccs, b->cjs, &b->ccs->recs[i], NULL, s->levels, NULL, NULL, memo_row(b->cjs, s),
                    s->sums, &s->row };
    row_fill(b, s, pc.c);
    jm_skill_sums_fill(s->sums, b->cjs, b->ccs, pc.c, &b->e->profile->th);
    /* the job-type factor once per occupation, when jobs share them */
    const bool by_group = b->cjs->n_groups < b->cols;
    if (by_group) {
        job_types(b, pc.c, s);
        pc.job_types = s->job_type;
    }
    int rc = JM_OK;
    if (jm_score_block_ready(b->e, &pc)) {
        jm_score_memo_fill(b->e, &pc, b->cols);
        for (size_t k = 0; k < b->cols && rc == JM_OK; k += JM_BLOCK_JOBS) {
            const size_t n = b->cols - k < JM_BLOCK_JOBS ? b->cols - k : JM_BLOCK_JOBS;
            rc = jm_score_block(b->e, c, b->jobs, &pc, k, n, t + k, f ? f + k : NULL);
            if (rc == JM_OK) /* read: zero for the next row */
                memset(s->sums + k, 0, n * sizeof *s->sums);
        }
    } else {
        /* rules, a travel-time source or a candidate on the factor code: a pair at a time */
        for (size_t k = 0; k < b->cols && rc == JM_OK; k++) {
            jm_pair_value v;
            pc.j = &b->cjs->recs[k];
            rc = jm_score_compiled(b->e, c, jm_jobs_get(b->jobs, k), &pc, -INFINITY, 0, &v, NULL);
            if (rc != JM_OK)
                break;
            t[k] = v.total;
            if (f)
                f[k] = v.feasible;
            s->sums[k] = (jm_skill_sum){ 0, 0 }; /* read: zero for the next row, in order */
        }
    }
    row_clear(b, s, pc.c);
    if (rc != JM_OK) /* the jobs after the failure were not read */
        memset(s->sums, 0, b->cols * sizeof *s->sums);
    return rc;
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
    b.skill_sums = true;
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
typedef struct top_state {
    size_t *idx;
    double *tot;
    size_t kept, feasible;
    /* top jobs with pruning: touched, the bitmap of the jobs sharing a
     * skill with the candidate (scratch.touched), is filled once the row
     * has scanned fill_at jobs (touch_when_due); until then the pair's
     * touched is NULL */
    uint64_t *touched;
    size_t scanned, fill_at;
} top_state;

static int top_pair(batch *b, top_state *st, size_t row, size_t col, bool rows_are_candidates,
                    jm_cpair *pc)
{
    const size_t k = b->k;
    size_t *idx = st->idx;
    double *tot = st->tot;
    jm_pair_value v;
    bool pruned = false;
    /* once k are kept, a pair must reach the last of them */
    const double bar = st->kept == k ? tot[k - 1] : -INFINITY;
    const jm_candidate *c = jm_candidates_get(b->cands, rows_are_candidates ? row : col);
    const jm_job *j = jm_jobs_get(b->jobs, rows_are_candidates ? col : row);
    /* feasibility of the pairs below the bar only matters when counted */
    const unsigned flags = JM_SCORE_PRUNE | (b->counts ? JM_SCORE_FEASIBLE : 0u);
    int rc = jm_score_compiled(b->e, c, j, pc, bar, flags, &v, &pruned);
    if (rc != JM_OK)
        return rc;
    if (!v.feasible)
        return JM_OK;
    st->feasible++;
    if (pruned)
        return JM_OK;
    const char *id = NULL;
    if (st->kept == k) {
        if (v.total < tot[k - 1])
            return JM_OK;
        id = col_id(b, col, rows_are_candidates);
        if (!before(v.total, id, tot[k - 1], col_id(b, idx[k - 1], rows_are_candidates)))
            return JM_OK;
        st->kept--; /* the last one drops out */
    }
    if (!id)
        id = col_id(b, col, rows_are_candidates);
    size_t at = st->kept;
    while (at > 0 && before(v.total, id, tot[at - 1], col_id(b, idx[at - 1], rows_are_candidates))) {
        tot[at] = tot[at - 1];
        idx[at] = idx[at - 1];
        at--;
    }
    tot[at] = v.total;
    idx[at] = col;
    st->kept++;
    return JM_OK;
}

/* The first of the n sorted values at or above x. */
static size_t lower_bound(const double *v, size_t n, double x)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (v[mid] < x)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* A pruned pair's total is below the bar by more than any rounding (as
 * engine.c prunes). */
#define PRUNE_MARGIN 1e-9

/* Jobs a scan filters by distance at a time (top_scan). */
#define SCAN_RUN 256

/* Fetches what scoring job col reads, where it is not in the order of the
 * scan: its record, the set's entry for it, and the columns of the factors
 * that may exclude (commute, hours, wage, legal, the programme), which run
 * first. */
static inline void fetch_job(const batch *b, uint32_t col)
{
    const jm_cjobs *js = b->cjs;
    const jm_cjob *r = &js->recs[col];
    __builtin_prefetch(r);
    __builtin_prefetch((const char *)r + sizeof *r - 1);
    __builtin_prefetch(jm_jobs_item_at(b->jobs, col));
    __builtin_prefetch(&js->lat[col]);
    __builtin_prefetch(&js->lon[col]);
    __builtin_prefetch(&js->cos_lat[col]);
    __builtin_prefetch(&js->public_transport[col]);
    __builtin_prefetch(&js->hours_min[col]);
    __builtin_prefetch(&js->hours_max[col]);
    __builtin_prefetch(&js->wage[col]);
    __builtin_prefetch(&js->legal[col]);
    __builtin_prefetch(&js->prog_value[col]);
    __builtin_prefetch(&js->prog_exclusions[col]);
}

/* A row's top jobs fills the bitmap of the jobs sharing a skill with the
 * candidate once it has scanned a job for every TOUCH_AFTER_SHARE postings
 * of the candidate's skills: filling it costs a write a posting; without
 * it, a pair that gets as far as the skills factor scores them from the
 * candidate's levels, which costs many times more, but few pairs do. */
#define TOUCH_AFTER_SHARE 16

/* Fills the row's bitmap once it has scanned enough jobs (top_state). */
static inline void touch_when_due(const batch *b, top_state *st, jm_cpair *pc, size_t scanning)
{
    st->scanned += scanning;
    if (pc->touched || st->scanned < st->fill_at)
        return;
    jm_touched_fill(st->touched, b->cjs, b->ccs, pc->c);
    pc->touched = st->touched;
}

/* Top jobs for a candidate over group_jobs[base + keep[i]], i < n (keep:
 * NULL for base .. base + n). */
static int top_scan_jobs(batch *b, top_state *st, size_t row, jm_cpair *pc, size_t base,
                         const uint32_t *keep, size_t n)
{
    const uint32_t *jobs = b->cjs->group_jobs + base;
    int rc = JM_OK;
    touch_when_due(b, st, pc, n);
    for (size_t i = 0; i < n && rc == JM_OK; i++) {
        /* the records are visited out of order: fetch ahead */
        if (i + PREFETCH_AHEAD < n)
            fetch_job(b, jobs[keep ? keep[i + PREFETCH_AHEAD] : i + PREFETCH_AHEAD]);
        const uint32_t col = jobs[keep ? keep[i] : i];
        pc->j = &b->cjs->recs[col];
        rc = top_pair(b, st, row, col, true, pc);
    }
    return rc;
}

/* Top jobs for a candidate over the jobs group_jobs[from .. to).  With
 * reach (a commute window, jobs with coordinates), the jobs beyond the
 * candidate's reach are left out first, a run at a time, reading the
 * group's coordinates in sequence: the commute kernel would exclude them. */
static int top_scan(batch *b, top_state *st, size_t row, jm_cpair *pc, size_t from, size_t to, bool reach)
{
    if (!reach)
        return top_scan_jobs(b, st, row, pc, from, NULL, to - from);
    const jm_cjobs *js = b->cjs;
    uint32_t keep[SCAN_RUN];
    int rc = JM_OK;
    for (size_t at = from; at < to && rc == JM_OK; at += SCAN_RUN) {
        const size_t n = to - at < SCAN_RUN ? to - at : SCAN_RUN;
        const size_t m = jm_commute_within_reach(pc->c, pc->row->reach_haversine, js->group_lat + at,
                                                 js->group_lon + at, js->group_cos + at, n, keep);
        rc = top_scan_jobs(b, st, row, pc, at, keep, m);
    }
    return rc;
}

/* Best bound first, ties by group index. */
static int by_bound(const void *a, const void *b)
{
    const group_bound *x = a, *y = b;
    if (x->reach != y->reach)
        return x->reach > y->reach ? -1 : 1;
    return (x->g > y->g) - (x->g < y->g);
}

/* Top jobs for a candidate by occupation group: the job-type factor is
 * worked out once per group, and it bounds the total of every job of the
 * group (the other factors scoring 1 at best).  Groups are visited best
 * bound first, so the bar rises early; once a group's bound is below the
 * bar, neither it nor any group after it can place a job (unless feasible
 * pairs are counted: then every group that is not excluded is visited).
 * Groups whose job-type score is 0 share one bound and are visited last, in
 * index order.  In each group, with a commute window, only the jobs whose
 * latitude is inside it and whose distance is within the candidate's reach
 * (top_scan), and those without coordinates. */
static int top_jobs_by_group(batch *b, top_state *st, size_t row, jm_cpair *pc, scratch *s)
{
    const jm_cjobs *js = b->cjs;
    const double *w = b->e->profile->weights;
    const double wjt = w[JM_FACTOR_JOB_TYPE] > 0 ? w[JM_FACTOR_JOB_TYPE] : 0;
    const double rest = b->weight_sum - wjt;
    job_types(b, pc->c, s);
    size_t n_hot = 0, n_cold = 0;
    double cold_reach = 0.0;
    for (size_t g = 0; g < js->n_groups; g++) {
        const jm_job_type_value *v = &s->job_type[g];
        if (v->exclusions || js->group_first[g] == js->group_first[g + 1])
            continue; /* every job excluded, or none */
        const double num = v->has_data ? wjt * v->score : 0, wd = v->has_data ? wjt : 0;
        const double reach = wd + rest > 0 ? (num + rest) / (wd + rest) : 0.5;
        if (v->has_data && v->score == 0.0) {
            s->cold[n_cold++] = (uint32_t)g; /* in index order, all with this bound */
            cold_reach = reach;
        } else {
            s->hot[n_hot++] = (group_bound){ reach, (uint32_t)g };
        }
    }
    /* often already in order (a candidate without job-type data: every
     * bound 1), then not sorted again */
    bool sorted = true;
    for (size_t i = 1; i < n_hot && sorted; i++)
        sorted = by_bound(&s->hot[i - 1], &s->hot[i]) < 0;
    if (!sorted)
        qsort(s->hot, n_hot, sizeof *s->hot, by_bound);
    const double reach_km = b->windows ? jm_commute_reach_km(pc->c, &b->e->profile->th) : NAN;
    const double deg = isnan(reach_km) ? NAN
                                       : jm_degrees_of_km(fmax(reach_km, 0.0) * (1.0 + 1e-6) + 1e-3);
    const double lat = pc->c->lat;
    int rc = JM_OK;
    for (size_t i = 0; i < n_hot + n_cold && rc == JM_OK; i++) {
        const size_t g = i < n_hot ? s->hot[i].g : s->cold[i - n_hot];
        const double reach = i < n_hot ? s->hot[i].reach : cold_reach;
        /* the bar only rises, and the bounds fall: every group left is below */
        if (!b->counts && st->kept == b->k && reach < st->tot[b->k - 1] - PRUNE_MARGIN)
            break;
        pc->job_types = s->job_type; /* the scans are of group g */
        const size_t first = js->group_first[g], n_lat = js->group_n_lat[g];
        size_t lo = first, hi = first + n_lat;
        if (!isnan(deg)) {
            /* outside the window the commute excludes the job */
            lo = first + lower_bound(js->group_lat + first, n_lat, lat - deg);
            hi = first + lower_bound(js->group_lat + first, n_lat, lat + deg);
            while (hi < first + n_lat && js->group_lat[hi] <= lat + deg)
                hi++;
        }
        rc = top_scan(b, st, row, pc, lo, hi, !isnan(deg));
        if (rc == JM_OK)
            rc = top_scan(b, st, row, pc, first + n_lat, js->group_first[g + 1], false);
    }
    pc->job_types = NULL;
    return rc;
}

static int top_row(batch *b, size_t row, bool rows_are_candidates, scratch *s)
{
    const size_t k = b->k;
    top_state st = { b->index + row * k, b->totals + row * k, 0, 0, s->touched, 0, 0 };
    jm_cpair pc = { b->ccs, b->cjs, NULL, NULL, s->levels, NULL, NULL, NULL, NULL, &s->row };
    int rc = JM_OK;
    if (rows_are_candidates) {
        pc.c = &b->ccs->recs[row];
        pc.memo = memo_row(b->cjs, s);
        row_fill(b, s, pc.c);
        /* The order of the columns does not change the result (ties go by
         * id): with pruning, by occupation group; else in index order.  The
         * bitmap of the jobs sharing a skill only changes how a pair's
         * skills are worked out, not their bits: with pruning, it is filled
         * once the row has scanned enough jobs (touch_when_due). */
        if (b->prune) {
            st.fill_at = jm_touched_postings(b->cjs, b->ccs, pc.c) / TOUCH_AFTER_SHARE;
            rc = top_jobs_by_group(b, &st, row, &pc, s);
        } else {
            pc.touched = s->touched;
            jm_touched_fill(s->touched, b->cjs, b->ccs, pc.c);
            for (size_t col = 0; col < b->cols && rc == JM_OK; col++) {
                pc.j = &b->cjs->recs[col];
                rc = top_pair(b, &st, row, col, true, &pc);
            }
        }
        row_clear(b, s, pc.c);
        if (pc.touched)
            jm_touched_clear(s->touched, b->cjs, b->ccs, pc.c);
    } else {
        pc.j = &b->cjs->recs[row];
        for (size_t col = 0; col < b->cols && rc == JM_OK; col++) {
            pc.c = &b->ccs->recs[col];
            row_fill(b, s, pc.c);
            rc = top_pair(b, &st, row, col, false, &pc);
            row_clear(b, s, pc.c);
        }
    }
    if (rc != JM_OK)
        return rc;
    for (size_t r = st.kept; r < k; r++) {
        st.idx[r] = SIZE_MAX;
        st.tot[r] = NAN;
    }
    if (b->counts)
        b->counts[row] = st.feasible;
    return JM_OK;
}

static int top_jobs_row(batch *b, size_t row, scratch *s)
{
    return top_row(b, row, true, s);
}

static int top_candidates_row(batch *b, size_t row, scratch *s)
{
    return top_row(b, row, false, s);
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
