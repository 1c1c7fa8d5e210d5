/* Shared helpers for the Check suites. */
#include "testutil.h"

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

jm_candidate *tu_candidate(const char *json)
{
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_candidate *c = NULL;
    int rc = jm_candidate_from_json(json, strlen(json), NULL, d, &c);
    if (rc != JM_OK)
        tu_diags_print(d);
    jm_diags_free(d);
    ck_assert_msg(rc == JM_OK, "candidate did not load (%s): %s", jm_strerror(rc), json);
    return c;
}

jm_job *tu_job(const char *json)
{
    jm_diags *d = NULL;
    jm_diags_new(&d);
    jm_job *j = NULL;
    int rc = jm_job_from_json(json, strlen(json), NULL, d, &j);
    if (rc != JM_OK)
        tu_diags_print(d);
    jm_diags_free(d);
    ck_assert_msg(rc == JM_OK, "job did not load (%s): %s", jm_strerror(rc), json);
    return j;
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
