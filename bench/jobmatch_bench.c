/*
 * jobmatch_bench: the library's side of the benchmark (bench/run_bench.py
 * runs it on data from gen_data and compares with the Python peers).
 *
 *   jobmatch_bench CANDIDATES.jsonl JOBS.jsonl [options]
 *     --matrix-rows N     candidates in the score-matrix runs (default 200)
 *     --topk-queries N    single-candidate top-10 queries timed (default 20)
 *     --all-rows N        candidates in the all-pairs top-10 run (default: all)
 *     --all-cols N        jobs in the all-pairs top-10 run (default 10000)
 *     --threads N         threads for the multi-threaded runs (default 0: all)
 *
 * Prints one line per figure, "BENCH name value unit", and nothing else on
 * standard output.  Every timing is wall-clock (CLOCK_MONOTONIC), best of a
 * few repetitions where a run is short (pairs per second: the shortest of
 * at least 3 runs over at least 2 s); these are figures, not tests.
 */
#define _POSIX_C_SOURCE 200809L
#include <jobmatch.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Resident set size now (VmRSS) and at its peak (VmHWM), in KiB. */
static long status_kib(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    if (!f)
        return -1;
    char line[256];
    long v = -1;
    size_t n = strlen(field);
    while (fgets(line, sizeof line, f))
        if (strncmp(line, field, n) == 0 && line[n] == ':') {
            v = strtol(line + n + 1, NULL, 10);
            break;
        }
    fclose(f);
    return v;
}

static void fail(const char *what, int rc)
{
    fprintf(stderr, "jobmatch_bench: %s: %s (%s)\n", what, jm_strerror(rc), jm_last_error());
    exit(1);
}

static size_t file_size(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 ? (size_t)st.st_size : 0;
}

/* A set of the first n candidates of all (copies). */
static jm_candidates *first_candidates(const jm_candidates *all, size_t n)
{
    jm_candidates *s;
    if (jm_candidates_new(&s) != JM_OK)
        fail("jm_candidates_new", JM_ENOMEM);
    for (size_t i = 0; i < n && i < jm_candidates_count(all); i++) {
        int rc = jm_candidates_add(s, jm_candidates_get(all, i));
        if (rc != JM_OK)
            fail("jm_candidates_add", rc);
    }
    return s;
}

static jm_jobs *first_jobs(const jm_jobs *all, size_t n)
{
    jm_jobs *s;
    if (jm_jobs_new(&s) != JM_OK)
        fail("jm_jobs_new", JM_ENOMEM);
    for (size_t i = 0; i < n && i < jm_jobs_count(all); i++) {
        int rc = jm_jobs_add(s, jm_jobs_get(all, i));
        if (rc != JM_OK)
            fail("jm_jobs_add", rc);
    }
    return s;
}

static size_t arg_size(const char *s)
{
    char *end;
    unsigned long long v = strtoull(s, &end, 10);
    if (*s == '\0' || *end != '\0') {
        fprintf(stderr, "jobmatch_bench: expected a number, found '%s'\n", s);
        exit(2);
    }
    return (size_t)v;
}

/* Pairs per second of the score matrix of cs x js on threads threads. */
static double matrix_rate(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, unsigned threads)
{
    size_t n = jm_candidates_count(cs) * jm_jobs_count(js);
    double *totals = malloc(n * sizeof *totals);
    if (!totals)
        fail("malloc", JM_ENOMEM);
    jm_batch_options o = JM_BATCH_OPTIONS_INIT;
    o.threads = threads;
    /* the shortest of at least 3 runs, run again until 2 s have passed (as
     * run_bench.py times the peers): a busy moment spoils fewer figures */
    double best = INFINITY;
    const double start = now();
    for (int rep = 0; rep < 3 || now() - start < 2.0; rep++) {
        double t0 = now();
        int rc = jm_engine_score_matrix(e, cs, js, &o, totals, n, NULL, 0);
        double dt = now() - t0;
        if (rc != JM_OK)
            fail("jm_engine_score_matrix", rc);
        if (dt < best)
            best = dt;
    }
    free(totals);
    return (double)n / best;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median milliseconds of a top-10 query for one candidate over js. */
static double topk_ms(jm_engine *e, const jm_candidates *all, const jm_jobs *js, size_t queries)
{
    double *ms = malloc((queries ? queries : 1) * sizeof *ms);
    size_t idx[10];
    double tot[10];
    jm_batch_options o = JM_BATCH_OPTIONS_INIT; /* one thread */
    size_t q = 0;
    for (; q < queries && q < jm_candidates_count(all); q++) {
        jm_candidates *one = first_candidates(all, 0);
        int rc = jm_candidates_add(one, jm_candidates_get(all, q));
        if (rc != JM_OK)
            fail("jm_candidates_add", rc);
        double t0 = now();
        rc = jm_engine_top_jobs(e, one, js, 10, &o, idx, 10, tot, 10, NULL, 0);
        ms[q] = (now() - t0) * 1e3;
        if (rc != JM_OK)
            fail("jm_engine_top_jobs", rc);
        jm_candidates_free(one);
    }
    qsort(ms, q, sizeof *ms, cmp_double);
    double med = q ? ms[q / 2] : NAN;
    free(ms);
    return med;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: jobmatch_bench CANDIDATES.jsonl JOBS.jsonl [--matrix-rows N] "
                        "[--topk-queries N] [--all-rows N] [--all-cols N] [--threads N]\n");
        return 2;
    }
    size_t matrix_rows = 200, queries = 20, all_rows = (size_t)-1, all_cols = 10000;
    unsigned threads = 0;
    for (int i = 3; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--matrix-rows") == 0)
            matrix_rows = arg_size(argv[i + 1]);
        else if (strcmp(argv[i], "--topk-queries") == 0)
            queries = arg_size(argv[i + 1]);
        else if (strcmp(argv[i], "--all-rows") == 0)
            all_rows = arg_size(argv[i + 1]);
        else if (strcmp(argv[i], "--all-cols") == 0)
            all_cols = arg_size(argv[i + 1]);
        else if (strcmp(argv[i], "--threads") == 0)
            threads = (unsigned)arg_size(argv[i + 1]);
        else {
            fprintf(stderr, "jobmatch_bench: unknown option '%s'\n", argv[i]);
            return 2;
        }
    }

    /* Loading: JSON Lines streamed; throughput and memory per record. */
    jm_candidates *cands;
    jm_jobs *jobs;
    if (jm_candidates_new(&cands) != JM_OK || jm_jobs_new(&jobs) != JM_OK)
        fail("new", JM_ENOMEM);
    long rss0 = status_kib("VmRSS");
    double t0 = now();
    int rc = jm_jobs_load_file(jobs, argv[2], NULL, NULL);
    double t_jobs = now() - t0;
    if (rc != JM_OK)
        fail(argv[2], rc);
    long rss1 = status_kib("VmRSS");
    t0 = now();
    rc = jm_candidates_load_file(cands, argv[1], NULL, NULL);
    double t_cands = now() - t0;
    if (rc != JM_OK)
        fail(argv[1], rc);
    long rss2 = status_kib("VmRSS");
    const size_t nc = jm_candidates_count(cands), nj = jm_jobs_count(jobs);
    const double mb = (double)(file_size(argv[1]) + file_size(argv[2])) / 1e6;
    printf("BENCH candidates %zu records\n", nc);
    printf("BENCH jobs %zu records\n", nj);
    printf("BENCH load_throughput %.1f MB/s\n", mb / (t_jobs + t_cands));
    printf("BENCH job_bytes %.0f bytes/record\n", nj ? (double)(rss1 - rss0) * 1024.0 / (double)nj : NAN);
    printf("BENCH candidate_bytes %.0f bytes/record\n",
           nc ? (double)(rss2 - rss1) * 1024.0 / (double)nc : NAN);
    fflush(stdout);

    jm_engine *e;
    if (jm_engine_new(NULL, &e) != JM_OK)
        fail("jm_engine_new", JM_ENOMEM);

    /* Compiling both sets: time, and bytes per compiled record. */
    jm_prepare_stats ps;
    t0 = now();
    rc = jm_engine_prepare(e, cands, jobs, &ps);
    double t_prep = now() - t0;
    if (rc != JM_OK)
        fail("jm_engine_prepare", rc);
    const size_t job_skills = ps.job_skills, cand_skills = ps.candidate_skills;
    printf("BENCH compile_s %.2f s (%zu candidates and %zu jobs)\n", t_prep, nc, nj);
    printf("BENCH compiled_job_bytes %.0f bytes/record (%.1f skills)\n",
           nj ? (double)ps.job_bytes / (double)nj : NAN, nj ? (double)job_skills / (double)nj : NAN);
    printf("BENCH compiled_job_index_bytes %.0f bytes/record\n", nj ? (double)ps.job_index_bytes / (double)nj : NAN);
    printf("BENCH compiled_candidate_bytes %.0f bytes/record (%.1f skills)\n",
           nc ? (double)ps.candidate_bytes / (double)nc : NAN, nc ? (double)cand_skills / (double)nc : NAN);
    printf("BENCH compiled_string_bytes %.0f bytes/record\n",
           nc + nj ? (double)ps.string_bytes / (double)(nc + nj) : NAN);
    fflush(stdout);

    /* Full-model pairs per second: a block of the matrix. */
    jm_candidates *block = first_candidates(cands, matrix_rows);
    jm_jobs *block_jobs = first_jobs(jobs, 10000);
    double r1 = matrix_rate(e, block, block_jobs, 1);
    printf("BENCH pairs_per_s_1_thread %.0f pairs/s\n", r1);
    fflush(stdout);
    double rn = matrix_rate(e, block, block_jobs, threads);
    printf("BENCH pairs_per_s_all_threads %.0f pairs/s\n", rn);
    printf("BENCH thread_speedup %.2f x\n", rn / r1);
    fflush(stdout);

    /* Top-10 for one candidate over 100k and all the jobs. */
    if (nj >= 100000) {
        jm_jobs *j100k = first_jobs(jobs, 100000);
        printf("BENCH top10_ms_100k_jobs %.2f ms\n", topk_ms(e, cands, j100k, queries));
        jm_jobs_free(j100k);
    }
    printf("BENCH top10_ms_all_jobs %.2f ms (%zu jobs)\n", topk_ms(e, cands, jobs, queries), nj);
    fflush(stdout);

    /* All-pairs top-10: every candidate (or all_rows) against all_cols jobs. */
    jm_candidates *rows = first_candidates(cands, all_rows);
    jm_jobs *cols = first_jobs(jobs, all_cols);
    size_t nr = jm_candidates_count(rows);
    size_t *idx = malloc(nr * 10 * sizeof *idx);
    double *tot = malloc(nr * 10 * sizeof *tot);
    size_t *counts = malloc(nr * sizeof *counts);
    if (!idx || !tot || !counts)
        fail("malloc", JM_ENOMEM);
    jm_batch_options o = JM_BATCH_OPTIONS_INIT;
    o.threads = threads;
    /* compiling both sets, then top-10 without and with the count of
     * feasible jobs per row (which must check every job for exclusions) */
    t0 = now();
    rc = jm_engine_prepare(e, rows, cols, NULL);
    double t_compile = now() - t0;
    if (rc != JM_OK)
        fail("jm_engine_prepare", rc);
    t0 = now();
    rc = jm_engine_top_jobs(e, rows, cols, 10, &o, idx, nr * 10, tot, nr * 10, NULL, 0);
    double t_all = now() - t0;
    if (rc != JM_OK)
        fail("jm_engine_top_jobs", rc);
    t0 = now();
    rc = jm_engine_top_jobs(e, rows, cols, 10, &o, idx, nr * 10, tot, nr * 10, counts, nr);
    double t_counted = now() - t0;
    if (rc != JM_OK)
        fail("jm_engine_top_jobs", rc);
    printf("BENCH all_pairs_top10_s %.2f s (%zu candidates x %zu jobs)\n", t_all, nr, jm_jobs_count(cols));
    printf("BENCH all_pairs_top10_counted_s %.2f s\n", t_counted);
    printf("BENCH all_pairs_compile_s %.2f s\n", t_compile);
    printf("BENCH peak_rss %.1f MiB\n", (double)status_kib("VmHWM") / 1024.0);
    free(idx);
    free(tot);
    free(counts);
    jm_candidates_free(rows);
    jm_jobs_free(cols);
    jm_candidates_free(block);
    jm_jobs_free(block_jobs);
    jm_engine_free(e);
    jm_candidates_free(cands);
    jm_jobs_free(jobs);
    return 0;
}
