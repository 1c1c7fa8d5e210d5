/* jobmatch rank --all: the K best feasible matches of every row, in one
 * batch call on many threads, without explanations (explain a pair with
 * 'jobmatch score'). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_common.h"

/* The progress bar on standard error (only when it is a terminal). */
typedef struct bar {
    const char *what; /* "candidates" or "jobs" */
    int last;         /* last percentage shown; -1 before the first */
} bar;

static int show_progress(size_t done, size_t total, void *payload)
{
    bar *b = payload;
    int pct = total ? (int)(done * 100 / total) : 100;
    if (pct != b->last) {
        enum { WIDTH = 30 };
        char cells[WIDTH + 1];
        int full = pct * WIDTH / 100;
        for (int i = 0; i < WIDTH; i++)
            cells[i] = i < full ? '#' : '.';
        cells[WIDTH] = '\0';
        fprintf(stderr, "\rjobmatch rank: [%s] %3d%% (%zu of %zu %s)", cells, pct, done, total, b->what);
        if (done == total)
            fputs("\n", stderr);
        fflush(stderr);
        b->last = pct;
    }
    return 0;
}

static const char *row_id(const cli_rank_all *a, size_t i)
{
    return a->for_jobs ? jm_job_id(jm_jobs_get(a->jobs, i)) : jm_candidate_id(jm_candidates_get(a->cands, i));
}

static const char *col_id(const cli_rank_all *a, size_t i)
{
    return a->for_jobs ? jm_candidate_id(jm_candidates_get(a->cands, i)) : jm_job_id(jm_jobs_get(a->jobs, i));
}

static void write_rows(const cli_rank_all *a, size_t rows, const size_t *index, const double *totals,
                       const size_t *counts, cli_buf *out)
{
    const char *row_key = a->for_jobs ? "job" : "candidate";
    const char *col_key = a->for_jobs ? "candidate" : "job";
    const size_t k = a->top;
    if (a->format == CLI_FORMAT_JSON)
        cli_buf_add(out, "[");
    else if (a->format == CLI_FORMAT_CSV)
        cli_buf_printf(out, "%s,rank,%s,score,feasible_total\r\n", row_key, col_key);
    for (size_t i = 0; i < rows; i++) {
        const char *rid = row_id(a, i);
        if (a->format == CLI_FORMAT_JSON) {
            cli_buf_printf(out, "%s\n  {\"%s\": ", i ? "," : "", row_key);
            cli_buf_json_string(out, rid);
            cli_buf_add(out, ", \"matches\": [");
        } else if (a->format == CLI_FORMAT_TEXT) {
            cli_buf_printf(out, "%s%s (%zu feasible):", i ? "\n" : "", rid, counts[i]);
        }
        for (size_t r = 0; r < k && index[i * k + r] != SIZE_MAX; r++) {
            const char *cid = col_id(a, index[i * k + r]);
            double t = totals[i * k + r];
            if (a->format == CLI_FORMAT_JSON) {
                cli_buf_printf(out, "%s{\"%s\": ", r ? ", " : "", col_key);
                cli_buf_json_string(out, cid);
                cli_buf_printf(out, ", \"score\": %.6g}", t);
            } else if (a->format == CLI_FORMAT_CSV) {
                cli_buf_csv(out, rid);
                cli_buf_printf(out, ",%zu,", r + 1);
                cli_buf_csv(out, cid);
                cli_buf_printf(out, ",%.6f,%zu\r\n", t, counts[i]);
            } else {
                cli_buf_printf(out, " %s %.2f", cid, t);
            }
        }
        if (a->format == CLI_FORMAT_JSON)
            cli_buf_printf(out, "], \"feasible_total\": %zu}", counts[i]);
        else if (a->format == CLI_FORMAT_TEXT && counts[i] == 0)
            cli_buf_add(out, " none");
    }
    if (a->format == CLI_FORMAT_JSON)
        cli_buf_add(out, rows ? "\n]\n" : "]\n");
    else if (a->format == CLI_FORMAT_TEXT)
        cli_buf_add(out, rows ? "\n" : "");
}

int cli_rank_all_run(const cli_rank_all *a, jm_engine *engine, cli_buf *out)
{
    const size_t rows = a->for_jobs ? jm_jobs_count(a->jobs) : jm_candidates_count(a->cands);
    const size_t k = a->top;
    if (rows && k > SIZE_MAX / sizeof(double) / rows) {
        cli_error(a->cmd, "--top %zu is too large for %zu rows", k, rows);
        return CLI_EXIT_USAGE;
    }
    size_t *index = malloc((rows * k != 0 ? rows * k : 1) * sizeof *index);
    double *totals = malloc((rows * k != 0 ? rows * k : 1) * sizeof *totals);
    size_t *counts = malloc((rows ? rows : 1) * sizeof *counts);
    if (!index || !totals || !counts) {
        free(index);
        free(totals);
        free(counts);
        cli_error(a->cmd, "out of memory");
        return CLI_EXIT_DATA;
    }
    jm_batch_options o;
    jm_batch_options_init(&o);
    o.threads = a->threads;
    bar b = { a->for_jobs ? "jobs" : "candidates", -1 };
    if (a->progress) {
        o.progress = show_progress;
        o.progress_payload = &b;
    }
    int rc = a->for_jobs
                 ? jm_engine_top_candidates(engine, a->jobs, a->cands, k, &o, index, rows * k, totals, rows * k,
                                            counts, rows)
                 : jm_engine_top_jobs(engine, a->cands, a->jobs, k, &o, index, rows * k, totals, rows * k,
                                      counts, rows);
    int status = CLI_EXIT_OK;
    if (rc != JM_OK) {
        cli_error(a->cmd, "ranking failed: %s", cli_why(rc));
        status = CLI_EXIT_DATA;
    } else {
        write_rows(a, rows, index, totals, counts, out);
    }
    free(index);
    free(totals);
    free(counts);
    return status;
}
