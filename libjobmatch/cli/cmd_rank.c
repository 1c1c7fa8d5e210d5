/* jobmatch rank: rank jobs for every candidate, or candidates for every job. */
#include <getopt.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_common.h"

static const char *const CMD = "rank";

enum {
    LINE_WIDTH = 100,   /* text output fits a 100-column terminal */
    MAX_ID_WIDTH = 14,
    MIN_TITLE_WIDTH = 12,
    MAX_TITLE_WIDTH = 48, /* in headings and excluded lines */
    REASONS_ROOM = 32,    /* room kept for the top factors */
    MAX_REASONS = 3,
    DEFAULT_TOP = 10
};

void cmd_rank_help(FILE *out)
{
    fputs("Usage: jobmatch rank --candidates FILE --jobs FILE [OPTIONS]\n"
          "\n"
          "Ranks the jobs for every candidate (or, with --for jobs, the candidates for\n"
          "every job): the best feasible matches first, ties broken by id.  Every\n"
          "excluded pair is listed with its reason: nothing is dropped silently.\n"
          "\n"
          "Options:\n"
          "      --candidates FILE     the candidates (a jobmatch/1 document; '-' = stdin)\n"
          "      --jobs FILE           the jobs (a jobmatch/1 document; '-' = stdin)\n"
          "      --top K               keep the K best matches per ranking (default 10;\n"
          "                            0 keeps every feasible match)\n"
          "      --for WHO             candidates (default): rank jobs for each candidate;\n"
          "                            jobs: rank candidates for each job\n"
          "      --profile FILE        scoring profile (default: the built-in IPS profile)\n"
          "      --format FORMAT       text (default), json or csv\n"
          "      --all                 the fast batch mode for whole caseloads: the K best\n"
          "                            feasible matches of every row, scores only (no\n"
          "                            explanations, no excluded lists; explain a pair\n"
          "                            with 'jobmatch score'); a progress bar on standard\n"
          "                            error when it is a terminal\n"
          "      --threads N           with --all: threads to use (default 0: one per\n"
          "                            processor); the results are the same for any N\n"
          "  -h, --help                show this help and exit\n"
          "\n"
          "Formats:\n"
          "  text  per ranking a table: rank, id, job title, score and confidence\n"
          "        (0.00-1.00), job-coach hours per week at the start, the factors that\n"
          "        contributed most; then one entry per excluded pair with its reasons\n"
          "        (what would lift them: the JSON output, or 'jobmatch score')\n"
          "  json  an array with one object per ranking:\n"
          "        {\"candidate\": ID, \"matches\": [...], \"excluded\": [...]}\n"
          "        (\"job\" instead of \"candidate\" with --for jobs)\n"
          "  csv   RFC 4180, one row per ranked or excluded pair:\n"
          "        candidate,job,rank,score,confidence,feasible,<one column per factor>,\n"
          "        coach_hours,exclusion  (rank and factor scores empty when unknown)\n"
          "  With --all: text, one line per row: ID (N feasible): ID SCORE ...;\n"
          "  json [{\"candidate\": ID, \"matches\": [{\"job\": ID, \"score\": X}],\n"
          "  \"feasible_total\": N}]; csv candidate,rank,job,score,feasible_total.\n"
          "\n"
          "Exit status: 0 ranked, 1 invalid or unreadable data, 2 usage error.\n",
          out);
}

typedef struct rank_ctx {
    int for_jobs;               /* 1: rank candidates for each job */
    cli_format format;
    const jm_candidates *cands;
    const jm_jobs *jobs;
} rank_ctx;

static const char *job_title_of(const rank_ctx *x, const char *job_id)
{
    const jm_job *j = jm_jobs_find(x->jobs, job_id);
    const char *t = j ? jm_job_title(j) : NULL;
    return t ? t : "";
}

/* The id of the other side of a match (the job for a candidate's ranking). */
static const char *other_id(const rank_ctx *x, const jm_match *m)
{
    const char *id = x->for_jobs ? jm_match_candidate_id(m) : jm_match_job_id(m);
    return id ? id : "";
}

/* ---- text ----------------------------------------------------------------- */

static size_t clamp_width(size_t w, size_t lo, size_t hi)
{
    return w < lo ? lo : (w > hi ? hi : w);
}

/* The factors that contributed most, best first, as many of MAX_REASONS as
 * fit in width characters. */
static void add_reasons(cli_buf *b, const jm_match *m, size_t width)
{
    size_t idx[MAX_REASONS];
    double val[MAX_REASONS];
    size_t n = 0;
    size_t count = jm_match_factor_count(m);
    for (size_t i = 0; i < count; i++) {
        jm_factor_info f;
        if (jm_match_factor(m, i, &f) != JM_OK || !f.has_data || !(f.contribution > 0))
            continue;
        /* Insertion into the top list; equal contributions keep factor order. */
        size_t pos = n;
        while (pos > 0 && val[pos - 1] < f.contribution)
            pos--;
        if (pos >= MAX_REASONS)
            continue;
        size_t last = n < MAX_REASONS ? n : MAX_REASONS - 1;
        for (size_t k = last; k > pos; k--) {
            idx[k] = idx[k - 1];
            val[k] = val[k - 1];
        }
        idx[pos] = i;
        val[pos] = f.contribution;
        if (n < MAX_REASONS)
            n++;
    }
    size_t used = 0;
    for (size_t k = 0; k < n; k++) {
        jm_factor_info f;
        if (jm_match_factor(m, idx[k], &f) != JM_OK || !f.name)
            continue;
        size_t w = cli_utf8_width(f.name) + (used ? 2 : 0);
        if (used && used + w > width)
            break;
        if (used)
            cli_buf_add(b, ", ");
        cli_buf_add(b, f.name);
        used += w;
    }
    if (used == 0)
        cli_buf_add(b, "-");
}

/* Starts a continuation line indented by indent spaces. */
static void new_line(cli_buf *b, size_t indent, size_t *col)
{
    cli_buf_add(b, "\n");
    for (size_t i = 0; i < indent; i++)
        cli_buf_add(b, " ");
    *col = indent;
}

/* Appends text wrapped at LINE_WIDTH: the first line after prefix, the
 * others indented by indent spaces.  A word longer than a line is split;
 * nothing is cut off.  Control characters become spaces. */
static void add_wrapped(cli_buf *b, const char *prefix, const char *text, size_t indent)
{
    cli_buf_add(b, prefix);
    size_t col = cli_utf8_width(prefix);
    size_t start = col; /* column where the current line's text began */
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        const char *e = p;
        size_t w = 0;
        while (*e && *e != ' ') {
            e += cli_utf8_seq(e);
            w++;
        }
        if (col > start && col + 1 + w > LINE_WIDTH) {
            new_line(b, indent, &col);
            start = col;
        } else if (col > start) {
            cli_buf_add(b, " ");
            col++;
        }
        while (p < e) {
            if (col >= LINE_WIDTH) {
                new_line(b, indent, &col);
                start = col;
            }
            size_t n = cli_utf8_seq(p);
            unsigned char ch = (unsigned char)*p;
            if (ch < 0x20 || ch == 0x7F)
                cli_buf_add(b, " ");
            else
                cli_buf_addn(b, p, n);
            p += n;
            col++;
        }
    }
    cli_buf_add(b, "\n");
}

/* The reasons a pair is excluded, "FACTOR: reason; ..." (what would lift
 * them is in the JSON output and in 'jobmatch score'). */
static void exclusion_text(cli_buf *b, const jm_match *m)
{
    size_t n = jm_match_exclusion_count(m);
    for (size_t i = 0; i < n; i++) {
        jm_exclusion e;
        if (jm_match_exclusion(m, i, &e) != JM_OK)
            continue;
        if (i)
            cli_buf_add(b, "; ");
        cli_buf_printf(b, "%s: %s", e.factor ? e.factor : "?", e.reason ? e.reason : "excluded");
    }
    if (n == 0)
        cli_buf_add(b, "excluded");
}

static void text_ranking(cli_buf *b, const rank_ctx *x, const jm_ranking *r, size_t others)
{
    const char *subject = jm_ranking_subject(r);
    size_t kept = jm_ranking_count(r);
    size_t feasible = jm_ranking_feasible_total(r);
    size_t excluded = jm_ranking_excluded_count(r);
    const char *other_kind = x->for_jobs ? "candidates" : "jobs";

    cli_buf head;
    cli_buf_init(&head);
    if (x->for_jobs) {
        const char *title = job_title_of(x, subject ? subject : "");
        cli_buf_add(&head, "Job ");
        cli_buf_add(&head, subject);
        if (title[0]) {
            size_t w = cli_utf8_width(title);
            cli_buf_add(&head, " (");
            cli_buf_cell(&head, title, w > MAX_TITLE_WIDTH ? MAX_TITLE_WIDTH : w, 1);
            cli_buf_add(&head, ")");
        }
    } else {
        cli_buf_add(&head, "Candidate ");
        cli_buf_add(&head, subject);
    }
    cli_buf_printf(&head, ": %zu of %zu %s feasible", feasible, others, other_kind);
    if (kept < feasible)
        cli_buf_printf(&head, ", top %zu shown", kept);
    cli_buf_printf(&head, ", %zu excluded", excluded);
    add_wrapped(b, "", cli_buf_str(&head), 2);
    cli_buf_free(&head);

    /* Column widths from the data, within limits. */
    size_t idw = strlen(x->for_jobs ? "CANDIDATE" : "JOB"), tw = strlen("TITLE");
    for (size_t i = 0; i < kept; i++) {
        const jm_match *m = jm_ranking_get(r, i);
        if (m)
            idw = clamp_width(cli_utf8_width(other_id(x, m)), idw, MAX_ID_WIDTH);
    }
    /* "  #  ID  TITLE  SCORE  CONF  COACH/WK  TOP FACTORS": the title gets
     * what the other columns and REASONS_ROOM leave. */
    size_t fixed = 3 + 2 + idw + 2 + 5 + 2 + 4 + 2 + 8 + 2;
    size_t title_cap = fixed + REASONS_ROOM + 2 + MIN_TITLE_WIDTH < LINE_WIDTH
                           ? LINE_WIDTH - fixed - REASONS_ROOM - 2
                           : MIN_TITLE_WIDTH;
    for (size_t i = 0; i < kept && !x->for_jobs; i++) {
        const jm_match *m = jm_ranking_get(r, i);
        if (m)
            tw = clamp_width(cli_utf8_width(job_title_of(x, other_id(x, m))), tw, title_cap);
    }
    if (kept > 0) {
        size_t used = fixed + (x->for_jobs ? 0 : tw + 2);
        size_t reasons_w = used + 20 < LINE_WIDTH ? LINE_WIDTH - used : 20;
        cli_buf_cell(b, "#", 3, 0);
        cli_buf_add(b, "  ");
        cli_buf_cell(b, x->for_jobs ? "CANDIDATE" : "JOB", idw, 1);
        cli_buf_add(b, "  ");
        if (!x->for_jobs) {
            cli_buf_cell(b, "TITLE", tw, 1);
            cli_buf_add(b, "  ");
        }
        cli_buf_add(b, "SCORE  CONF  COACH/WK  TOP FACTORS\n");
        for (size_t i = 0; i < kept; i++) {
            const jm_match *m = jm_ranking_get(r, i);
            if (!m)
                continue;
            cli_buf_printf(b, "%3zu  ", i + 1);
            cli_buf_cell(b, other_id(x, m), idw, 1);
            cli_buf_add(b, "  ");
            if (!x->for_jobs) {
                cli_buf_cell(b, job_title_of(x, other_id(x, m)), tw, 1);
                cli_buf_add(b, "  ");
            }
            double coach = jm_match_coach_hours(m);
            cli_buf_printf(b, " %4.2f  %4.2f  %6.1f h  ", jm_match_total(m), jm_match_confidence(m),
                           isfinite(coach) ? coach : 0.0);
            add_reasons(b, m, reasons_w);
            cli_buf_add(b, "\n");
        }
    } else if (excluded == 0) {
        cli_buf_printf(b, "  (no %s)\n", other_kind);
    }
    for (size_t i = 0; i < excluded; i++) {
        const jm_match *m = jm_ranking_excluded(r, i);
        if (!m)
            continue;
        cli_buf prefix, why;
        cli_buf_init(&prefix);
        cli_buf_init(&why);
        cli_buf_add(&prefix, "  excluded ");
        const char *id = other_id(x, m);
        cli_buf_cell(&prefix, id, cli_utf8_width(id) > MAX_ID_WIDTH ? MAX_ID_WIDTH : cli_utf8_width(id), 1);
        if (!x->for_jobs) {
            const char *title = job_title_of(x, id);
            if (title[0]) {
                cli_buf_add(&prefix, " (");
                size_t w = cli_utf8_width(title);
                cli_buf_cell(&prefix, title, w > MAX_TITLE_WIDTH ? MAX_TITLE_WIDTH : w, 1);
                cli_buf_add(&prefix, ")");
            }
        }
        cli_buf_add(&prefix, ": ");
        exclusion_text(&why, m);
        add_wrapped(b, cli_buf_str(&prefix), cli_buf_str(&why), 6);
        cli_buf_free(&prefix);
        cli_buf_free(&why);
    }
}

/* ---- CSV ------------------------------------------------------------------ */

static void csv_header(cli_buf *b)
{
    cli_buf_add(b, "candidate,job,rank,score,confidence,feasible");
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        cli_buf_add(b, ",");
        cli_buf_csv(b, jm_factor_name(f));
    }
    cli_buf_add(b, ",coach_hours,exclusion\r\n");
}

static void csv_number(cli_buf *b, double v)
{
    if (isfinite(v))
        cli_buf_printf(b, "%.4f", v);
}

static void csv_row(cli_buf *b, const jm_match *m, size_t rank)
{
    cli_buf_csv(b, jm_match_candidate_id(m));
    cli_buf_add(b, ",");
    cli_buf_csv(b, jm_match_job_id(m));
    cli_buf_add(b, ",");
    if (rank > 0)
        cli_buf_printf(b, "%zu", rank);
    cli_buf_add(b, ",");
    csv_number(b, jm_match_total(m));
    cli_buf_add(b, ",");
    csv_number(b, jm_match_confidence(m));
    cli_buf_add(b, jm_match_feasible(m) ? ",true" : ",false");
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        cli_buf_add(b, ",");
        jm_factor_info info;
        if (jm_match_factor_by_name(m, jm_factor_name(f), &info) == JM_OK && info.has_data)
            csv_number(b, info.score);
    }
    cli_buf_add(b, ",");
    csv_number(b, jm_match_coach_hours(m));
    cli_buf_add(b, ",");
    if (jm_match_exclusion_count(m) > 0) {
        cli_buf why;
        cli_buf_init(&why);
        exclusion_text(&why, m);
        cli_buf_csv(b, cli_buf_str(&why));
        cli_buf_free(&why);
    }
    cli_buf_add(b, "\r\n");
}

static void csv_ranking(cli_buf *b, const jm_ranking *r)
{
    size_t kept = jm_ranking_count(r);
    for (size_t i = 0; i < kept; i++) {
        const jm_match *m = jm_ranking_get(r, i);
        if (m)
            csv_row(b, m, i + 1);
    }
    size_t excluded = jm_ranking_excluded_count(r);
    for (size_t i = 0; i < excluded; i++) {
        const jm_match *m = jm_ranking_excluded(r, i);
        if (m)
            csv_row(b, m, 0);
    }
}

/* ---- driver --------------------------------------------------------------- */

/* Ranks for subject i and appends the result to out.  first: no ranking
 * written before. */
static int rank_one(const rank_ctx *x, jm_engine *engine, size_t i, size_t top, int first,
                    cli_buf *out, size_t *excluded)
{
    jm_ranking *r = NULL;
    int rc;
    size_t others;
    if (x->for_jobs) {
        rc = jm_engine_rank_candidates(engine, jm_jobs_get(x->jobs, i), x->cands, top, &r);
        others = jm_candidates_count(x->cands);
    } else {
        rc = jm_engine_rank_jobs(engine, jm_candidates_get(x->cands, i), x->jobs, top, &r);
        others = jm_jobs_count(x->jobs);
    }
    if (rc != JM_OK || !r) {
        cli_error(CMD, "ranking failed: %s", cli_why(rc));
        jm_ranking_free(r);
        return CLI_EXIT_DATA;
    }
    int status = CLI_EXIT_OK;
    *excluded += jm_ranking_excluded_count(r);
    if (x->format == CLI_FORMAT_JSON) {
        char *json = NULL;
        if (jm_ranking_to_json(r, &json) != JM_OK || !json) {
            cli_error(CMD, "cannot write the result: %s", jm_strerror(JM_ENOMEM));
            status = CLI_EXIT_DATA;
        } else {
            size_t n = strlen(json);
            while (n > 0 && (json[n - 1] == '\n' || json[n - 1] == ' '))
                n--;
            cli_buf_add(out, first ? "\n" : ",\n");
            cli_buf_addn(out, json, n);
        }
        jm_free(json);
    } else if (x->format == CLI_FORMAT_CSV) {
        csv_ranking(out, r);
    } else {
        if (!first)
            cli_buf_add(out, "\n");
        text_ranking(out, x, r, others);
    }
    jm_ranking_free(r);
    return status;
}

int cmd_rank(int argc, char **argv)
{
    enum { OPT_CANDIDATES = 256, OPT_JOBS, OPT_TOP, OPT_FOR, OPT_PROFILE, OPT_FORMAT, OPT_ALL,
           OPT_THREADS };
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "candidates", required_argument, NULL, OPT_CANDIDATES },
        { "jobs", required_argument, NULL, OPT_JOBS },
        { "top", required_argument, NULL, OPT_TOP },
        { "for", required_argument, NULL, OPT_FOR },
        { "profile", required_argument, NULL, OPT_PROFILE },
        { "format", required_argument, NULL, OPT_FORMAT },
        { "all", no_argument, NULL, OPT_ALL },
        { "threads", required_argument, NULL, OPT_THREADS },
        { NULL, 0, NULL, 0 },
    };
    const char *cands_path = NULL, *jobs_path = NULL, *profile_path = NULL;
    size_t top = DEFAULT_TOP, threads = 0;
    bool all = false, threads_given = false;
    rank_ctx x = { 0, CLI_FORMAT_TEXT, NULL, NULL };
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            cmd_rank_help(stdout);
            return cli_finish(CMD, CLI_EXIT_OK);
        case OPT_CANDIDATES: cands_path = optarg; break;
        case OPT_JOBS: jobs_path = optarg; break;
        case OPT_PROFILE: profile_path = optarg; break;
        case OPT_TOP:
            if (cli_parse_count(CMD, "--top", optarg, &top) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            break;
        case OPT_ALL: all = true; break;
        case OPT_THREADS:
            if (cli_parse_count(CMD, "--threads", optarg, &threads) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            if (threads > 256)
                return cli_usage_error(CMD, "invalid --threads '%s' (expected 0 to 256)", optarg);
            threads_given = true;
            break;
        case OPT_FOR:
            if (strcmp(optarg, "candidates") == 0)
                x.for_jobs = 0;
            else if (strcmp(optarg, "jobs") == 0)
                x.for_jobs = 1;
            else
                return cli_usage_error(CMD, "invalid --for '%s' (expected candidates or jobs)", optarg);
            break;
        case OPT_FORMAT:
            if (cli_parse_format(CMD, optarg, CLI_FORMAT_TEXT | CLI_FORMAT_JSON | CLI_FORMAT_CSV,
                                 &x.format) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            break;
        default:
            return cli_option_error(CMD, c, argv);
        }
    }
    if (cli_check_inputs(CMD, argc, argv, cands_path, "--candidates", jobs_path, "--jobs", profile_path) !=
        CLI_EXIT_OK)
        return CLI_EXIT_USAGE;
    if (threads_given && !all)
        return cli_usage_error(CMD, "--threads needs --all (the explained rankings run on one thread)");

    cli_inputs in;
    jm_engine *engine = NULL;
    int status = cli_load_inputs(CMD, cands_path, jobs_path, profile_path, &in);
    const jm_candidates *cands = in.cands;
    const jm_jobs *jobs = in.jobs;
    if (status == CLI_EXIT_OK && jm_engine_new(in.profile, &engine) != JM_OK) {
        cli_error(CMD, "out of memory");
        status = CLI_EXIT_DATA;
    }

    /* The whole output is built first: a failure part-way prints nothing. */
    cli_buf out;
    cli_buf_init(&out);
    if (status == CLI_EXIT_OK && all) {
        size_t cols = x.for_jobs ? jm_candidates_count(cands) : jm_jobs_count(jobs);
        cli_rank_all a = { CMD, x.for_jobs, x.format, top ? top : (cols ? cols : 1), (unsigned)threads,
                           isatty(STDERR_FILENO) != 0, cands, jobs };
        status = cli_rank_all_run(&a, engine, &out);
        if (status == CLI_EXIT_OK && out.oom) {
            cli_error(CMD, "out of memory");
            status = CLI_EXIT_DATA;
        }
        if (status == CLI_EXIT_OK)
            fwrite(out.data ? out.data : "", 1, out.len, stdout);
    } else if (status == CLI_EXIT_OK) {
        x.cands = cands;
        x.jobs = jobs;
        size_t subjects = x.for_jobs ? jm_jobs_count(jobs) : jm_candidates_count(cands);
        if (x.format == CLI_FORMAT_JSON)
            cli_buf_add(&out, "[");
        else if (x.format == CLI_FORMAT_CSV)
            csv_header(&out);
        else if (subjects == 0)
            cli_buf_printf(&out, "No %s to rank for.\n", x.for_jobs ? "jobs" : "candidates");
        size_t excluded = 0;
        for (size_t i = 0; i < subjects && status == CLI_EXIT_OK; i++)
            status = rank_one(&x, engine, i, top, i == 0, &out, &excluded);
        if (x.format == CLI_FORMAT_TEXT && excluded > 0)
            cli_buf_add(&out, "\nWhat would lift an exclusion: see 'jobmatch score' or --format json.\n");
        if (x.format == CLI_FORMAT_JSON)
            cli_buf_add(&out, subjects ? "\n]\n" : "]\n");
        if (status == CLI_EXIT_OK && out.oom) {
            cli_error(CMD, "out of memory");
            status = CLI_EXIT_DATA;
        }
        if (status == CLI_EXIT_OK)
            fwrite(out.data ? out.data : "", 1, out.len, stdout);
    }
    cli_buf_free(&out);
    jm_engine_free(engine);
    cli_inputs_free(&in);
    return cli_finish(CMD, status);
}
