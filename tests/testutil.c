/* Shared helpers for the Check suites. */
#include "testutil.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int tu_run(Suite *s)
{
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}

void tu_diags_print(const jm_diags *d)
{
    for (size_t i = 0; i < jm_diags_count(d); i++) {
        char *line = NULL;
        if (jm_diags_format(d, i, &line) == JM_OK)
            fprintf(stderr, "  diag: %s\n", line);
        jm_free(line);
    }
}

/* A record kind, so that candidates and jobs share one load / write code. */
typedef struct tu_kind {
    const char *name;
    int (*load)(const char *json, jm_diags *d, void **out);
    int (*write)(const void *record, char **out);
    void (*destroy)(void *record);
} tu_kind;

static int candidate_load(const char *json, jm_diags *d, void **out)
{
    jm_candidate *c = NULL;
    int rc = jm_candidate_from_json(json, strlen(json), NULL, d, &c);
    *out = c;
    return rc;
}

static int candidate_write(const void *record, char **out)
{
    return jm_candidate_to_json(record, out);
}

static void candidate_destroy(void *record)
{
    jm_candidate_free(record);
}

static int job_load(const char *json, jm_diags *d, void **out)
{
    jm_job *j = NULL;
    int rc = jm_job_from_json(json, strlen(json), NULL, d, &j);
    *out = j;
    return rc;
}

static int job_write(const void *record, char **out)
{
    return jm_job_to_json(record, out);
}

static void job_destroy(void *record)
{
    jm_job_free(record);
}

static const tu_kind CANDIDATE = { "candidate", candidate_load, candidate_write, candidate_destroy };
static const tu_kind JOB = { "job", job_load, job_write, job_destroy };

static void *load(const tu_kind *k, const char *json)
{
    jm_diags *d = NULL;
    jm_diags_new(&d);
    void *record = NULL;
    int rc = k->load(json, d, &record);
    if (rc != JM_OK)
        tu_diags_print(d);
    jm_diags_free(d);
    ck_assert_msg(rc == JM_OK, "%s did not load (%s): %s", k->name, jm_strerror(rc), json);
    return record;
}

static size_t load_fails(const tu_kind *k, jm_diags *d, const char *json, int code)
{
    void *record = NULL;
    jm_diags_clear(d);
    int rc = k->load(json, d, &record);
    if (rc != code)
        tu_diags_print(d);
    ck_assert_int_eq(rc, code);
    ck_assert_ptr_null(record);
    return jm_diags_count_severity(d, JM_SEVERITY_ERROR);
}

static char *round_trip(const tu_kind *k, const char *json)
{
    void *first = load(k, json);
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(k->write(first, &a), JM_OK);
    void *again = load(k, a);
    ck_assert_int_eq(k->write(again, &b), JM_OK);
    ck_assert_str_eq(a, b);
    jm_free(b);
    k->destroy(first);
    k->destroy(again);
    return a;
}

jm_candidate *tu_candidate(const char *json)
{
    return load(&CANDIDATE, json);
}

jm_job *tu_job(const char *json)
{
    return load(&JOB, json);
}

size_t tu_candidate_fails(jm_diags *d, const char *json, int code)
{
    return load_fails(&CANDIDATE, d, json, code);
}

size_t tu_job_fails(jm_diags *d, const char *json, int code)
{
    return load_fails(&JOB, d, json, code);
}

void tu_check_duplicates_among_many_skills(jm_diags *d, const char *type)
{
    static char text[32768];
    size_t len = (size_t)snprintf(text, sizeof text,
                                  "{\"schema\": \"jobmatch/1\", \"type\": \"%s\", \"id\": \"r1\", \"skills\": [", type);
    for (int i = 0; i < 300; i++) {
        const int id = i == 250 || i == 299 ? 17 : i;
        len += (size_t)snprintf(text + len, sizeof text - len, "%s{\"id\": \"skill-%d\"}", i ? ", " : "", id);
    }
    snprintf(text + len, sizeof text - len, "]}");
    const bool job = strcmp(type, "job") == 0;
    ck_assert_uint_eq(job ? tu_job_fails(d, text, JM_EINVAL) : tu_candidate_fails(d, text, JM_EINVAL), 2);
    ck_assert(tu_diags_has(d, "skills[250].id", "duplicate skill id 'skill-17' (already given at skills[17])"));
    ck_assert(tu_diags_has(d, "skills[299].id", "duplicate skill id 'skill-17' (already given at skills[17])"));
}

char *tu_candidate_round_trip(const char *json)
{
    return round_trip(&CANDIDATE, json);
}

char *tu_job_round_trip(const char *json)
{
    return round_trip(&JOB, json);
}

jm_match *tu_score_with(jm_engine *engine, const char *candidate_json, const char *job_json)
{
    jm_candidate *c = tu_candidate(candidate_json);
    jm_job *j = tu_job(job_json);
    jm_match *m = NULL;
    int rc = jm_engine_score(engine, c, j, &m);
    ck_assert_msg(rc == JM_OK, "score failed: %s", jm_last_error());
    jm_candidate_free(c);
    jm_job_free(j);
    return m;
}

jm_match *tu_score(const char *candidate_json, const char *job_json)
{
    jm_engine *e = NULL;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_match *m = tu_score_with(e, candidate_json, job_json);
    jm_engine_free(e);
    return m;
}

void tu_match_same_json(const jm_match *a, const jm_match *b)
{
    char *ta = NULL, *tb = NULL;
    ck_assert_int_eq(jm_match_to_json(a, &ta), JM_OK);
    ck_assert_int_eq(jm_match_to_json(b, &tb), JM_OK);
    ck_assert_str_eq(ta, tb);
    jm_free(ta);
    jm_free(tb);
}

jm_factor_info tu_factor(const jm_match *m, const char *name)
{
    jm_factor_info f;
    int rc = jm_match_factor_by_name(m, name, &f);
    ck_assert_msg(rc == JM_OK, "no factor %s in the match", name);
    return f;
}

int tu_diags_has(const jm_diags *d, const char *path, const char *needle)
{
    for (size_t i = 0; i < jm_diags_count(d); i++) {
        jm_diag g;
        jm_diags_get(d, i, &g);
        if ((!path || strcmp(g.path, path) == 0) && (!needle || strstr(g.message, needle)))
            return 1;
    }
    return 0;
}
