/* Tests of ranking: order, ties by id, top-k, exclusions reported apart. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "testutil.h"

/* Jobs whose wage alone decides the score for a candidate with a floor of 12. */
static jm_jobs *wage_jobs(void)
{
    static const char *text =
        "{\"schema\":\"jobmatch/1\",\"jobs\":["
        "{\"id\":\"j-b\",\"wage\":12},"
        "{\"id\":\"j-a\",\"wage\":12},"
        "{\"id\":\"j-low\",\"wage\":10.5},"
        "{\"id\":\"j-mid\",\"wage\":11.4},"
        "{\"id\":\"j-long\",\"wage\":13,\"hours\":{\"min\":35,\"max\":40}}]}";
    jm_jobs *jobs;
    ck_assert_int_eq(jm_jobs_new(&jobs), JM_OK);
    ck_assert_int_eq(jm_jobs_load(jobs, text, strlen(text), NULL, NULL), JM_OK);
    return jobs;
}

static const char *CAND =
    "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c1\","
    "\"preferences\":{\"wage\":{\"floor\":12},\"hours\":{\"min\":10,\"max\":20,\"firm\":true}}}";

START_TEST(best_first_ties_by_id_excluded_apart)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_jobs *jobs = wage_jobs();
    jm_candidate *c = tu_candidate(CAND);
    jm_ranking *r;
    ck_assert_int_eq(jm_engine_rank_jobs(e, c, jobs, 10, &r), JM_OK);
    ck_assert_str_eq(jm_ranking_subject(r), "c1");
    ck_assert_uint_eq(jm_ranking_count(r), 4);
    ck_assert_uint_eq(jm_ranking_feasible_total(r), 4);
    ck_assert_str_eq(jm_match_job_id(jm_ranking_get(r, 0)), "j-a"); /* tie with j-b: id order */
    ck_assert_str_eq(jm_match_job_id(jm_ranking_get(r, 1)), "j-b");
    ck_assert_str_eq(jm_match_job_id(jm_ranking_get(r, 2)), "j-mid");
    ck_assert_str_eq(jm_match_job_id(jm_ranking_get(r, 3)), "j-low");
    ck_assert_ptr_null(jm_ranking_get(r, 4));
    for (size_t i = 1; i < jm_ranking_count(r); i++)
        ck_assert(jm_match_total(jm_ranking_get(r, i - 1)) >= jm_match_total(jm_ranking_get(r, i)));
    /* The 35-40 h job breaks the firm 20 h limit: reported, not dropped. */
    ck_assert_uint_eq(jm_ranking_excluded_count(r), 1);
    const jm_match *x = jm_ranking_excluded(r, 0);
    ck_assert_str_eq(jm_match_job_id(x), "j-long");
    ck_assert(!jm_match_feasible(x));
    jm_ranking_free(r);

    ck_assert_int_eq(jm_engine_rank_jobs(e, c, jobs, 2, &r), JM_OK);
    ck_assert_uint_eq(jm_ranking_count(r), 2);
    ck_assert_uint_eq(jm_ranking_feasible_total(r), 4);
    ck_assert_str_eq(jm_match_job_id(jm_ranking_get(r, 1)), "j-b");
    jm_ranking_free(r);

    ck_assert_int_eq(jm_engine_rank_jobs(e, c, jobs, 0, &r), JM_OK);
    ck_assert_uint_eq(jm_ranking_count(r), 4);
    jm_ranking_free(r);
    jm_candidate_free(c);
    jm_jobs_free(jobs);
    jm_engine_free(e);
}
END_TEST

START_TEST(candidates_for_a_job)
{
    static const char *text =
        "{\"schema\":\"jobmatch/1\",\"candidates\":["
        "{\"id\":\"c-z\",\"preferences\":{\"wage\":{\"floor\":12}}},"
        "{\"id\":\"c-y\",\"preferences\":{\"wage\":{\"floor\":14}}},"
        "{\"id\":\"c-x\",\"preferences\":{\"wage\":{\"floor\":12}}},"
        "{\"id\":\"c-w\",\"preferences\":{\"wage\":{\"floor\":20,\"firm\":true}}}]}";
    jm_candidates *cs;
    ck_assert_int_eq(jm_candidates_new(&cs), JM_OK);
    ck_assert_int_eq(jm_candidates_load(cs, text, strlen(text), NULL, NULL), JM_OK);
    jm_job *j = tu_job("{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j\",\"wage\":13}");
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_ranking *r;
    ck_assert_int_eq(jm_engine_rank_candidates(e, j, cs, 5, &r), JM_OK);
    ck_assert_str_eq(jm_ranking_subject(r), "j");
    ck_assert_uint_eq(jm_ranking_count(r), 3);
    ck_assert_str_eq(jm_match_candidate_id(jm_ranking_get(r, 0)), "c-x");
    ck_assert_str_eq(jm_match_candidate_id(jm_ranking_get(r, 1)), "c-z");
    ck_assert_str_eq(jm_match_candidate_id(jm_ranking_get(r, 2)), "c-y");
    ck_assert_uint_eq(jm_ranking_excluded_count(r), 1);
    ck_assert_str_eq(jm_match_candidate_id(jm_ranking_excluded(r, 0)), "c-w");

    char *json;
    ck_assert_int_eq(jm_ranking_to_json(r, &json), JM_OK);
    cJSON *root = cJSON_Parse(json);
    ck_assert_ptr_nonnull(root);
    ck_assert_str_eq(cJSON_GetObjectItem(root, "job")->valuestring, "j");
    cJSON *matches = cJSON_GetObjectItem(root, "matches");
    ck_assert_int_eq(cJSON_GetArraySize(matches), 3);
    cJSON *first = cJSON_GetArrayItem(matches, 0);
    ck_assert_str_eq(cJSON_GetObjectItem(first, "candidate")->valuestring, "c-x");
    ck_assert_int_eq(cJSON_GetObjectItem(first, "rank")->valueint, 1);
    ck_assert_int_eq(cJSON_GetArraySize(cJSON_GetObjectItem(root, "excluded")), 1);
    cJSON_Delete(root);
    jm_free(json);
    jm_ranking_free(r);
    jm_job_free(j);
    jm_candidates_free(cs);
    jm_engine_free(e);
}
END_TEST


START_TEST(score_matrix_matches_pairwise_scores)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_jobs *jobs = wage_jobs();
    static const char *text =
        "{\"schema\":\"jobmatch/1\",\"candidates\":["
        "{\"id\":\"c1\",\"preferences\":{\"wage\":{\"floor\":12},"
        "\"hours\":{\"min\":10,\"max\":20,\"firm\":true}}},"
        "{\"id\":\"c2\",\"preferences\":{\"wage\":{\"floor\":11}}}]}";
    jm_candidates *cs;
    ck_assert_int_eq(jm_candidates_new(&cs), JM_OK);
    ck_assert_int_eq(jm_candidates_load(cs, text, strlen(text), NULL, NULL), JM_OK);
    size_t nc = jm_candidates_count(cs), nj = jm_jobs_count(jobs);
    double totals[10];
    unsigned char feasible[10];
    ck_assert_int_eq(jm_engine_score_matrix(e, cs, jobs, NULL, totals, 10, feasible, 10), JM_OK);
    for (size_t i = 0; i < nc; i++) {
        for (size_t k = 0; k < nj; k++) {
            jm_match *m;
            ck_assert_int_eq(jm_engine_score(e, jm_candidates_get(cs, i), jm_jobs_get(jobs, k), &m), JM_OK);
            ck_assert(totals[i * nj + k] == jm_match_total(m));
            ck_assert_int_eq(feasible[i * nj + k], jm_match_feasible(m));
            jm_match_free(m);
        }
    }
    /* c1 cannot take the 35-40 h job (firm limit); c2 can. */
    ck_assert_int_eq(feasible[0 * nj + 4], 0);
    ck_assert_int_eq(feasible[1 * nj + 4], 1);
    ck_assert_int_eq(jm_engine_score_matrix(e, cs, jobs, NULL, totals, 9, NULL, 0), JM_EINVAL);
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "10 elements"));
    ck_assert_int_eq(jm_engine_score_matrix(e, cs, jobs, NULL, totals, 10, feasible, 3), JM_EINVAL);
    ck_assert_int_eq(jm_engine_score_matrix(e, cs, jobs, NULL, totals, 10, NULL, 0), JM_OK);
    jm_candidates_free(cs);
    jm_jobs_free(jobs);
    jm_engine_free(e);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("ranking");
    TCase *t = tcase_create("core");
    tcase_add_test(t, best_first_ties_by_id_excluded_apart);
    tcase_add_test(t, candidates_for_a_job);
    tcase_add_test(t, score_matrix_matches_pairwise_scores);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
