/*
 * The bad-input catalogue runner (tests/bad-inputs/README.md).
 *
 * For every case of cases.tsv it loads the input into a set that already
 * holds a valid record (or reads it as a scoring profile, or validates it,
 * or - loader "score" - reads a candidate and a job split at "\n-----\n"
 * and scores, explains and ranks them) and checks:
 *   - the exact return code, and the code of the first error diagnostic;
 *   - the JSON path of the first error, and its line and column when given;
 *   - a substring of the first error's message, when given;
 *   - that a failed load left the set unchanged (its count and its JSON are
 *     identical before and after), and that a failed profile read left *out
 *     untouched;
 *   - that no diagnostic (message, path, formatted line) and no
 *     jm_last_error() contains the free-text marker the inputs put in notes,
 *     descriptions and labels.
 * The huge and deep inputs are generated here rather than kept as files.
 *
 * Usage: run_bad_inputs [-v] [--only NAME] [--files | --generated] [--emit DIR] [CATALOGUE_DIR]
 *   CATALOGUE_DIR defaults to $JM_SOURCE_ROOT/tests/bad-inputs.
 *   --files runs only the cases kept as files, --generated only the others.
 *   --emit DIR writes the generated inputs to DIR/NAME.json and exits
 *   (the CLI check uses them).
 * Prints one line per failed check and "N passed, M failed" at the end.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jobmatch.h"

/* Free text that must never appear in any diagnostic: NOTEMARKER_q7x in
 * private notes and profile descriptions (never shown anywhere),
 * TITLEMARKER_q7x in job titles (shown in results, never in diagnostics).
 * DIAG_MARKER matches both. */
#define MARKER "NOTEMARKER_q7x"
#define DIAG_MARKER "MARKER_q7x"

#define MiB (1024u * 1024u)

/* ---------------------------------------------------------------------- */
/* A growing byte buffer.                                                 */

typedef struct buf {
    char *data;
    size_t len, cap;
} buf;

static void buf_reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap)
        return;
    size_t ncap = b->cap ? b->cap : 256;
    while (ncap < b->len + extra + 1)
        ncap *= 2;
    char *p = realloc(b->data, ncap);
    if (!p) {
        fprintf(stderr, "out of memory\n");
        exit(2);
    }
    b->data = p;
    b->cap = ncap;
}

static void buf_add(buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void buf_puts(buf *b, const char *s)
{
    buf_add(b, s, strlen(s));
}

static void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    buf_reserve(b, (size_t)n);
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

static void buf_repeat(buf *b, const char *s, size_t times)
{
    size_t n = strlen(s);
    buf_reserve(b, n * times);
    for (size_t i = 0; i < times; i++) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
    }
    b->data[b->len] = '\0';
}

/* Appends free text (the marker and spaces) until the buffer has grown by
 * at least n bytes. */
static void buf_free_text(buf *b, size_t n)
{
    size_t target = b->len + n;
    buf_reserve(b, n + 32);
    while (b->len < target)
        buf_puts(b, MARKER " is private ");
}

static void buf_free(buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

/* ---------------------------------------------------------------------- */
/* Generated inputs: the huge and the deep.                               */

#define CAND_HEAD "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", "
#define JOB_HEAD "{\"schema\": \"jobmatch/1\", \"type\": \"job\", "

static int generate(const char *name, buf *b)
{
    if (strcmp(name, "deep-arrays-10000") == 0) {
        buf_repeat(b, "[", 10000);
        buf_repeat(b, "]", 10000);
    } else if (strcmp(name, "deep-objects-10000") == 0) {
        buf_repeat(b, "{\"a\":", 10000);
        buf_puts(b, "1");
        buf_repeat(b, "}", 10000);
    } else if (strcmp(name, "deep-in-json-lines-10000") == 0) {
        buf_puts(b, JOB_HEAD "\"id\": \"j-1\"}\n");
        buf_repeat(b, "[", 10000);
        buf_repeat(b, "]", 10000);
        buf_puts(b, "\n" JOB_HEAD "\"id\": \"j-3\"}\n");
    } else if (strcmp(name, "deep-profile-10000") == 0) {
        buf_repeat(b, "[", 10000);
        buf_repeat(b, "]", 10000);
    } else if (strcmp(name, "deep-65-levels") == 0) {
        buf_repeat(b, "[", 65);
        buf_repeat(b, "]", 65);
    } else if (strcmp(name, "huge-array-100k-numbers") == 0) {
        buf_puts(b, "[");
        buf_repeat(b, "1,", 99999);
        buf_puts(b, "1]");
    } else if (strcmp(name, "huge-array-100k-records-dup-last") == 0) {
        buf_puts(b, "[");
        for (int i = 0; i < 99999; i++)
            buf_printf(b, CAND_HEAD "\"id\": \"c-%d\"},\n", i);
        buf_puts(b, CAND_HEAD "\"id\": \"c-0\"}]");
    } else if (strcmp(name, "huge-skills-100k-bad-last") == 0) {
        buf_puts(b, JOB_HEAD "\"id\": \"j-1\", \"skills\": [");
        for (int i = 0; i < 99999; i++)
            buf_printf(b, "{\"id\": \"s%d\", \"level\": %d}, ", i, i % 8);
        buf_puts(b, "{\"id\": \"s99999\", \"level\": 9}]}");
    } else if (strcmp(name, "huge-json-lines-100k-bad-last") == 0) {
        for (int i = 0; i < 99999; i++)
            buf_printf(b, CAND_HEAD "\"id\": \"c-%d\"}\n", i);
        buf_puts(b, CAND_HEAD "\"id\": \"c-last\", \"preferences\": {\"hours\": {\"min\": -1}}}\n");
    } else if (strcmp(name, "huge-string-10mb-note") == 0) {
        buf_puts(b, CAND_HEAD "\"id\": \"c-1\", \"support_needs\": [{\"type\": \"quiet_workspace\", \"note\": \"");
        buf_free_text(b, 10 * MiB);
        buf_puts(b, "\"}]}");
    } else if (strcmp(name, "huge-string-10mb-id") == 0) {
        buf_puts(b, JOB_HEAD "\"id\": \"");
        buf_repeat(b, "j", 10 * MiB);
        buf_puts(b, "\"}");
    } else if (strcmp(name, "huge-string-10mb-key") == 0) {
        buf_puts(b, CAND_HEAD "\"id\": \"c-1\", \"");
        buf_free_text(b, 10 * MiB);
        buf_puts(b, "\": 1}");
    } else if (strcmp(name, "huge-string-10mb-unterminated") == 0) {
        buf_puts(b, CAND_HEAD "\"id\": \"c-1\", \"support_needs\": [{\"type\": \"quiet_workspace\", \"note\": \"");
        buf_free_text(b, 10 * MiB);
    } else if (strcmp(name, "huge-string-10mb-profile-description") == 0) {
        buf_puts(b, "{\"schema\": \"jobmatch/1\", \"type\": \"scoring_profile\", \"id\": \"p-1\", \"description\": \"");
        buf_free_text(b, 10 * MiB);
        buf_puts(b, "\"}");
    } else {
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* The manifest                                                           */

typedef struct test_case {
    char *name, *input, *loader, *code, *path, *line, *column, *message, *cli;
} test_case;

static const struct {
    const char *name;
    int code;
} CODES[] = {
    { "JM_OK", JM_OK },         { "JM_EINVAL", JM_EINVAL },       { "JM_ENOMEM", JM_ENOMEM },
    { "JM_EPARSE", JM_EPARSE }, { "JM_ENOTFOUND", JM_ENOTFOUND }, { "JM_EEXISTS", JM_EEXISTS },
    { "JM_ECALLBACK", JM_ECALLBACK }, { "JM_EIO", JM_EIO },       { "JM_ERANGE", JM_ERANGE },
    { "JM_ETYPE", JM_ETYPE },
};

static int code_from_name(const char *s, int *out)
{
    for (size_t i = 0; i < sizeof CODES / sizeof CODES[0]; i++)
        if (strcmp(CODES[i].name, s) == 0) {
            *out = CODES[i].code;
            return 0;
        }
    return -1;
}

static const char *code_name(int code)
{
    for (size_t i = 0; i < sizeof CODES / sizeof CODES[0]; i++)
        if (CODES[i].code == code)
            return CODES[i].name;
    return "(unknown code)";
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = { 0 };
    char chunk[65536];
    size_t n;
    buf_reserve(&b, 0);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&b, chunk, n);
    fclose(f);
    *len = b.len;
    return b.data;
}

/* Splits the manifest into cases (the text is modified in place). */
static size_t parse_manifest(char *text, test_case **out)
{
    size_t n = 0, cap = 0;
    test_case *cases = NULL;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || line[0] == '\0')
            continue;
        char *fields[9];
        size_t nf = 0;
        char *p = line;
        while (nf < 9) {
            fields[nf++] = p;
            char *tab = strchr(p, '\t');
            if (!tab)
                break;
            *tab = '\0';
            p = tab + 1;
        }
        if (nf != 9) {
            fprintf(stderr, "cases.tsv: malformed line for '%s' (%zu fields, expected 9)\n", fields[0], nf);
            exit(2);
        }
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            cases = realloc(cases, cap * sizeof *cases);
            if (!cases)
                exit(2);
        }
        test_case *c = &cases[n++];
        c->name = fields[0];
        c->input = fields[1];
        c->loader = fields[2];
        c->code = fields[3];
        c->path = fields[4];
        c->line = fields[5];
        c->column = fields[6];
        c->message = fields[7];
        c->cli = fields[8];
    }
    *out = cases;
    return n;
}

/* ---------------------------------------------------------------------- */
/* Running one case                                                       */

typedef struct result {
    int failed;
    const char *name;
    int verbose;
} result;

static void fail(result *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void fail(result *r, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("FAIL %s: ", r->name);
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
    r->failed = 1;
}

static const char BASE_CANDIDATE[] =
    "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"base-1\","
    " \"preferences\": {\"hours\": {\"min\": 10, \"max\": 20}},"
    " \"skills\": [{\"id\": \"s1\", \"level\": 2}],"
    " \"support_needs\": [{\"type\": \"quiet_workspace\", \"note\": \"" MARKER " base\"}]}";
static const char BASE_JOB[] =
    "{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"base-1\", \"title\": \"Kitchen porter\","
    " \"hours\": {\"min\": 16, \"max\": 20}, \"skills\": [{\"id\": \"s1\", \"level\": 2}]}";

static int contains(const char *hay, const char *needle)
{
    return hay && strstr(hay, needle) != NULL;
}

static void print_diags(const jm_diags *d)
{
    size_t n = jm_diags_count(d);
    for (size_t i = 0; i < n && i < 10; i++) {
        char *s = NULL;
        if (jm_diags_format(d, i, &s) == JM_OK) {
            printf("    | %s\n", s);
            jm_free(s);
        }
    }
    if (n > 10)
        printf("    | ... %zu diagnostics in all\n", n);
}

/* Checks the diagnostics and the last error after a call. */
static void check_diags(result *r, const test_case *tc, int expected, const jm_diags *d)
{
    size_t n = jm_diags_count(d);
    const char *last = jm_last_error();
    if (contains(last, DIAG_MARKER))
        fail(r, "jm_last_error() contains the free-text marker: %.200s", last);
    for (size_t i = 0; i < n; i++) {
        jm_diag g;
        if (jm_diags_get(d, i, &g) != JM_OK) {
            fail(r, "jm_diags_get(%zu) failed", i);
            return;
        }
        if (contains(g.message, DIAG_MARKER) || contains(g.path, DIAG_MARKER))
            fail(r, "diagnostic %zu contains the free-text marker: path '%.100s', message '%.200s'", i, g.path,
                 g.message);
        char *s = NULL;
        if (jm_diags_format(d, i, &s) != JM_OK)
            fail(r, "jm_diags_format(%zu) failed", i);
        else if (contains(s, DIAG_MARKER))
            fail(r, "formatted diagnostic %zu contains the free-text marker", i);
        jm_free(s);
    }
    if (n > 1001)
        fail(r, "%zu diagnostics: expected at most 1000 and one 'too many problems' line", n);
    if (expected == JM_OK) {
        if (jm_diags_count_severity(d, JM_SEVERITY_ERROR) != 0)
            fail(r, "expected no error, found %zu error diagnostics", jm_diags_count_severity(d, JM_SEVERITY_ERROR));
        return;
    }
    jm_diag first;
    int found = 0;
    for (size_t i = 0; i < n && !found; i++)
        if (jm_diags_get(d, i, &first) == JM_OK && first.severity == JM_SEVERITY_ERROR)
            found = 1;
    if (!found) {
        fail(r, "no error diagnostic was reported");
        return;
    }
    if (first.code != expected)
        fail(r, "first error's code: expected %s, got %s (path '%s', message '%s')", tc->code,
             code_name(first.code), first.path, first.message);
    if (strcmp(tc->path, "-") != 0) {
        const char *want = strcmp(tc->path, "(root)") == 0 ? "" : tc->path;
        if (strcmp(first.path, want) != 0)
            fail(r, "first error's path: expected '%s', got '%s' (message '%s')", want, first.path,
                 first.message);
    }
    if (strcmp(tc->line, "-") != 0 && first.line != atoi(tc->line))
        fail(r, "first error's line: expected %s, got %d (message '%s')", tc->line, first.line, first.message);
    if (strcmp(tc->column, "-") != 0 && first.column != atoi(tc->column))
        fail(r, "first error's column: expected %s, got %d (message '%s')", tc->column, first.column,
             first.message);
    if (strcmp(tc->message, "-") != 0 && !contains(first.message, tc->message))
        fail(r, "first error's message: expected it to contain '%s', got '%s'", tc->message, first.message);
    if (strcmp(first.source, tc->name) != 0)
        fail(r, "first error's source: expected '%s', got '%s'", tc->name, first.source);
    if (!last || !last[0])
        fail(r, "jm_last_error() is empty after a failure");
}

/* The operations of a candidate set or a job set, for the loaders' cases. */
typedef struct set_ops {
    const char *kind; /* "candidate" or "job" */
    const char *base; /* the record the set holds before the load */
    int (*make)(void **set);
    void (*destroy)(void *set);
    int (*load)(void *set, const char *text, size_t len, const jm_load_options *o, jm_diags *d);
    size_t (*count)(const void *set);
    int (*to_json)(const void *set, char **out);
    bool (*has)(const void *set, const char *id);
} set_ops;

static int c_make(void **s) { return jm_candidates_new((jm_candidates **)s); }
static void c_destroy(void *s) { jm_candidates_free(s); }
static int c_load(void *s, const char *t, size_t n, const jm_load_options *o, jm_diags *d)
{
    return jm_candidates_load(s, t, n, o, d);
}
static size_t c_count(const void *s) { return jm_candidates_count(s); }
static int c_to_json(const void *s, char **out) { return jm_candidates_to_json(s, out); }
static bool c_has(const void *s, const char *id) { return jm_candidates_find(s, id) != NULL; }

static int j_make(void **s) { return jm_jobs_new((jm_jobs **)s); }
static void j_destroy(void *s) { jm_jobs_free(s); }
static int j_load(void *s, const char *t, size_t n, const jm_load_options *o, jm_diags *d)
{
    return jm_jobs_load(s, t, n, o, d);
}
static size_t j_count(const void *s) { return jm_jobs_count(s); }
static int j_to_json(const void *s, char **out) { return jm_jobs_to_json(s, out); }
static bool j_has(const void *s, const char *id) { return jm_jobs_find(s, id) != NULL; }

static const set_ops CANDIDATE_SET = { "candidate", BASE_CANDIDATE, c_make, c_destroy, c_load, c_count,
                                       c_to_json, c_has };
static const set_ops JOB_SET = { "job", BASE_JOB, j_make, j_destroy, j_load, j_count, j_to_json, j_has };

static char *set_json(const set_ops *ops, const void *set)
{
    char *out = NULL;
    return ops->to_json(set, &out) == JM_OK ? out : NULL;
}

static void check_unchanged(result *r, size_t n_before, size_t n_after, const char *before, const char *after)
{
    if (n_before != n_after)
        fail(r, "the set changed after a failed load: %zu records before, %zu after", n_before, n_after);
    if (!before || !after || strcmp(before, after) != 0)
        fail(r, "the set's JSON changed after a failed load");
}

/* ---------------------------------------------------------------------- */
/* The "score" loader: a candidate and a job (the fuzz_score input form).  */

#define PAIR_SEPARATOR "\n-----\n"

static const char *find_separator(const char *text, size_t len)
{
    size_t k = strlen(PAIR_SEPARATOR);
    for (size_t i = 0; i + k <= len; i++)
        if (memcmp(text + i, PAIR_SEPARATOR, k) == 0)
            return text + i;
    return NULL;
}

static int in_unit(double x)
{
    return x >= 0.0 && x <= 1.0; /* false for NaN */
}

static void check_match(result *r, const jm_match *m)
{
    if (!in_unit(jm_match_total(m)) || !in_unit(jm_match_confidence(m)))
        fail(r, "total %g or confidence %g outside [0, 1]", jm_match_total(m), jm_match_confidence(m));
    char *json = NULL, *text = NULL;
    if (jm_match_to_json(m, &json) != JM_OK || !json || !json[0])
        fail(r, "jm_match_to_json failed: %s", jm_last_error());
    if (jm_match_explain(m, &text) != JM_OK || !text || !text[0])
        fail(r, "jm_match_explain failed: %s", jm_last_error());
    if (contains(json, MARKER) || contains(text, MARKER))
        fail(r, "a match's JSON or explanation contains the free-text marker");
    jm_free(json);
    jm_free(text);
}

/* Reads both records (diagnostics into d), then scores, explains, ranks
 * both ways and fills a score matrix.  Returns the first failing code. */
static int score_pair(result *r, const char *text, size_t len, const jm_load_options *opts, jm_diags *d)
{
    const char *sep = find_separator(text, len);
    if (!sep) {
        fail(r, "a score case needs a candidate and a job separated by a line '-----'");
        return JM_EINVAL;
    }
    size_t clen = (size_t)(sep - text);
    const char *jtext = sep + strlen(PAIR_SEPARATOR);
    size_t jlen = len - clen - strlen(PAIR_SEPARATOR);
    jm_candidate *c = NULL;
    jm_job *j = NULL;
    jm_engine *e = NULL;
    int rc = jm_candidate_from_json(text, clen, opts, d, &c);
    if (rc == JM_OK)
        rc = jm_job_from_json(jtext, jlen, opts, d, &j);
    if (rc == JM_OK)
        rc = jm_engine_new(NULL, &e);
    if (rc == JM_OK) {
        jm_match *m = NULL;
        rc = jm_engine_score(e, c, j, &m);
        if (rc == JM_OK)
            check_match(r, m);
        jm_match_free(m);
    }
    jm_candidates *cs = NULL;
    jm_jobs *js = NULL;
    if (rc == JM_OK && (jm_candidates_new(&cs) != JM_OK || jm_jobs_new(&js) != JM_OK ||
                        jm_candidates_add(cs, c) != JM_OK || jm_jobs_add(js, j) != JM_OK))
        rc = JM_ENOMEM;
    if (rc == JM_OK) {
        jm_ranking *rk = NULL;
        rc = jm_engine_rank_jobs(e, c, js, 0, &rk);
        if (rc == JM_OK) {
            if (jm_ranking_count(rk) + jm_ranking_excluded_count(rk) != 1)
                fail(r, "ranking one job: %zu kept + %zu excluded", jm_ranking_count(rk),
                     jm_ranking_excluded_count(rk));
            for (size_t i = 0; i < jm_ranking_count(rk); i++)
                check_match(r, jm_ranking_get(rk, i));
            for (size_t i = 0; i < jm_ranking_excluded_count(rk); i++)
                check_match(r, jm_ranking_excluded(rk, i));
            char *json = NULL;
            if (jm_ranking_to_json(rk, &json) != JM_OK)
                fail(r, "jm_ranking_to_json failed");
            jm_free(json);
        }
        jm_ranking_free(rk);
    }
    if (rc == JM_OK) {
        jm_ranking *rk = NULL;
        rc = jm_engine_rank_candidates(e, j, cs, 1, &rk);
        jm_ranking_free(rk);
    }
    if (rc == JM_OK) {
        double total = -1;
        unsigned char feasible = 2;
        rc = jm_engine_score_matrix(e, cs, js, NULL, &total, 1, &feasible, 1);
        if (rc == JM_OK && (!in_unit(total) || (feasible != 0 && feasible != 1)))
            fail(r, "score matrix: total %g, feasible %d", total, feasible);
    }
    jm_candidates_free(cs);
    jm_jobs_free(js);
    jm_engine_free(e);
    jm_candidate_free(c);
    jm_job_free(j);
    return rc;
}

static void run_case(result *r, const test_case *tc, const char *text, size_t len)
{
    int expected;
    if (code_from_name(tc->code, &expected) != 0) {
        fail(r, "unknown code name '%s' in the manifest", tc->code);
        return;
    }
    jm_diags *d = NULL;
    if (jm_diags_new(&d) != JM_OK) {
        fail(r, "jm_diags_new failed");
        return;
    }
    jm_load_options opts;
    jm_load_options_init(&opts);
    opts.source = tc->name;
    int rc = JM_OK;

    const set_ops *ops = strcmp(tc->loader, "candidates") == 0 ? &CANDIDATE_SET
                         : strcmp(tc->loader, "jobs") == 0      ? &JOB_SET
                                                                : NULL;
    if (ops) {
        /* into a set that already holds a record: unchanged after a failure */
        void *set = NULL;
        if (ops->make(&set) != JM_OK || ops->load(set, ops->base, strlen(ops->base), NULL, NULL) != JM_OK) {
            fail(r, "could not build the base %s set: %s", ops->kind, jm_last_error());
            if (set)
                ops->destroy(set);
            jm_diags_free(d);
            return;
        }
        size_t n_before = ops->count(set);
        char *before = set_json(ops, set);
        rc = ops->load(set, text, len, &opts, d);
        size_t n_after = ops->count(set);
        char *after = set_json(ops, set);
        if (rc != JM_OK)
            check_unchanged(r, n_before, n_after, before, after);
        else if (n_after <= n_before)
            fail(r, "a successful load added nothing");
        else if (!ops->has(set, "base-1"))
            fail(r, "the base record is gone");
        jm_free(before);
        jm_free(after);
        ops->destroy(set);
    } else if (strcmp(tc->loader, "profile") == 0) {
        static jm_profile *const SENTINEL = (jm_profile *)(void *)&SENTINEL;
        jm_profile *p = SENTINEL;
        rc = jm_profile_from_json(text, len, &opts, d, &p);
        if (rc != JM_OK) {
            if (p != SENTINEL)
                fail(r, "a failed profile read changed *out");
        } else {
            jm_profile_free(p);
        }
    } else if (strcmp(tc->loader, "validate") == 0) {
        rc = jm_validate(text, len, &opts, d);
    } else if (strcmp(tc->loader, "score") == 0) {
        rc = score_pair(r, text, len, &opts, d);
    } else {
        fail(r, "unknown loader '%s' in the manifest", tc->loader);
        jm_diags_free(d);
        return;
    }
    if (rc != expected)
        fail(r, "return code: expected %s, got %s (%s)", tc->code, code_name(rc), jm_last_error());
    check_diags(r, tc, expected, d);
    if (r->failed || r->verbose)
        print_diags(d);
    jm_diags_free(d);
}

/* ---------------------------------------------------------------------- */

static int emit(const test_case *cases, size_t n, const char *dir)
{
    for (size_t i = 0; i < n; i++) {
        if (strncmp(cases[i].input, "gen:", 4) != 0)
            continue;
        buf b = { 0 };
        if (generate(cases[i].input + 4, &b) != 0) {
            fprintf(stderr, "no generator for %s\n", cases[i].input);
            return 2;
        }
        char path[4096];
        snprintf(path, sizeof path, "%.2000s/%.1000s.json", dir, cases[i].name);
        FILE *f = fopen(path, "wb");
        if (!f || fwrite(b.data, 1, b.len, f) != b.len || fclose(f) != 0) {
            fprintf(stderr, "%s: %s\n", path, strerror(errno));
            return 2;
        }
        buf_free(&b);
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *dir = NULL, *only = NULL, *emit_dir = NULL;
    int verbose = 0, files = 1, generated = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-v") == 0)
            verbose = 1;
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--files") == 0)
            generated = 0;
        else if (strcmp(argv[i], "--generated") == 0)
            files = 0;
        else if (strcmp(argv[i], "--emit") == 0 && i + 1 < argc)
            emit_dir = argv[++i];
        else
            dir = argv[i];
    }
    char dirbuf[2048];
    if (!dir) {
        const char *root = getenv("JM_SOURCE_ROOT");
        if (!root) {
            fprintf(stderr, "usage: run_bad_inputs [-v] [--only NAME] [--emit DIR] CATALOGUE_DIR\n"
                            "(or set JM_SOURCE_ROOT)\n");
            return 2;
        }
        snprintf(dirbuf, sizeof dirbuf, "%s/tests/bad-inputs", root);
        dir = dirbuf;
    }
    if (strlen(dir) > 2000) {
        fprintf(stderr, "run_bad_inputs: the catalogue path is too long\n");
        return 2;
    }
    char path[4096];
    snprintf(path, sizeof path, "%s/cases.tsv", dir);
    size_t mlen = 0;
    char *manifest = read_all(path, &mlen);
    if (!manifest) {
        fprintf(stderr, "%s: %s\n", path, strerror(errno));
        return 2;
    }
    test_case *cases = NULL;
    size_t n = parse_manifest(manifest, &cases);
    if (emit_dir) {
        int rc = emit(cases, n, emit_dir);
        free(cases);
        free(manifest);
        return rc;
    }

    size_t passed = 0, failed = 0;
    for (size_t i = 0; i < n; i++) {
        const test_case *tc = &cases[i];
        int is_generated = strncmp(tc->input, "gen:", 4) == 0;
        if ((only && strcmp(only, tc->name) != 0) || (is_generated ? !generated : !files))
            continue;
        result r = { 0, tc->name, verbose };
        buf b = { 0 };
        char *text = NULL;
        size_t len = 0;
        if (is_generated) {
            if (generate(tc->input + 4, &b) != 0) {
                fail(&r, "no generator for '%s'", tc->input);
            } else {
                text = b.data;
                len = b.len;
            }
        } else {
            snprintf(path, sizeof path, "%s/%.2000s", dir, tc->input);
            text = read_all(path, &len);
            if (!text)
                fail(&r, "cannot read %s: %s", path, strerror(errno));
            b.data = text;
        }
        if (text) {
            if (verbose)
                printf("---- %s (%s, %zu bytes)\n", tc->name, tc->loader, len);
            run_case(&r, tc, text, len);
        }
        buf_free(&b);
        if (r.failed)
            failed++;
        else
            passed++;
    }
    free(cases);
    free(manifest);
    printf("%zu passed, %zu failed\n", passed, failed);
    return failed ? 1 : 0;
}
