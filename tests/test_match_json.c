/* Tests of a match's JSON and readable explanation. */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "testutil.h"

static const char *CAND =
    "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c-7\","
    "\"preferences\":{\"hours\":{\"min\":12,\"ideal\":16,\"max\":20},"
    "\"job_types\":{\"wanted\":[{\"label\":\"hospital porter\",\"isco\":\"5329\"}]}},"
    "\"skills\":[{\"id\":\"s:move-loads\",\"level\":3}],"
    "\"support_needs\":[{\"type\":\"structured_task_instruction\",\"intensity\":\"medium\","
    "\"essential\":true,\"note\":\"PRIVATE-NOTE-TEXT\"},"
    "{\"type\":\"flexible_schedule\",\"intensity\":\"low\"}]}";
static const char *JOB =
    "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j-3\",\"title\":\"Porter\","
    "\"occupation\":{\"label\":\"hospital porter\",\"isco\":\"5329\"},"
    "\"hours\":{\"min\":16,\"max\":20},"
    "\"skills\":[{\"id\":\"s:move-loads\",\"label\":\"move heavy loads\",\"essential\":true,\"level\":2},"
    "{\"id\":\"s:clean\",\"label\":\"clean surfaces\",\"essential\":true,\"level\":2,\"trainable\":true}],"
    "\"supports\":{\"offers\":[\"modified_schedule\"],\"job_coach_on_site\":true}}";

START_TEST(json_has_every_section)
{
    jm_match *m = tu_score(CAND, JOB);
    char *text;
    ck_assert_int_eq(jm_match_to_json(m, &text), JM_OK);
    cJSON *o = cJSON_Parse(text);
    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(cJSON_GetObjectItem(o, "candidate")->valuestring, "c-7");
    ck_assert_str_eq(cJSON_GetObjectItem(o, "job")->valuestring, "j-3");
    double score = cJSON_GetObjectItem(o, "score")->valuedouble;
    TU_NEAR_EPS(score, jm_match_total(m), 1e-6);
    ck_assert(cJSON_IsTrue(cJSON_GetObjectItem(o, "feasible")));
    cJSON *factors = cJSON_GetObjectItem(o, "factors");
    ck_assert_int_eq(cJSON_GetArraySize(factors), JM_FACTOR_COUNT);
    cJSON *hours = cJSON_GetObjectItem(factors, "hours");
    ck_assert(cJSON_IsNumber(cJSON_GetObjectItem(hours, "score")));
    ck_assert(cJSON_IsString(cJSON_GetObjectItem(hours, "detail")));
    /* A factor without data has a null score. */
    ck_assert(cJSON_IsNull(cJSON_GetObjectItem(cJSON_GetObjectItem(factors, "commute"), "score")));
    cJSON *matched = cJSON_GetObjectItem(o, "matched_skills");
    cJSON *missing = cJSON_GetObjectItem(o, "missing_skills");
    ck_assert_int_eq(cJSON_GetArraySize(matched), 1);
    ck_assert_int_eq(cJSON_GetArraySize(missing), 1);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(missing, 0), "id")->valuestring, "s:clean");
    cJSON *training = cJSON_GetObjectItem(o, "training_plan");
    ck_assert_int_eq(cJSON_GetArraySize(training), 1);
    ck_assert_str_eq(cJSON_GetObjectItem(cJSON_GetArrayItem(training, 0), "kind")->valuestring, "skill");
    cJSON *plan = cJSON_GetObjectItem(o, "support_plan");
    cJSON *needs = cJSON_GetObjectItem(plan, "needs");
    ck_assert_int_eq(cJSON_GetArraySize(needs), 2);
    ck_assert(cJSON_GetObjectItem(plan, "coach_hours_per_week")->valuedouble > 0);
    ck_assert(cJSON_GetArraySize(cJSON_GetObjectItem(plan, "fading")) >= 2);
    ck_assert(cJSON_IsArray(cJSON_GetObjectItem(o, "exclusions")));
    ck_assert(cJSON_IsArray(cJSON_GetObjectItem(o, "notes")));
    cJSON *prof = cJSON_GetObjectItem(o, "profile");
    ck_assert_str_eq(cJSON_GetObjectItem(prof, "id")->valuestring, "ips-default");
    ck_assert_ptr_nonnull(strstr(cJSON_GetObjectItem(o, "engine")->valuestring, JM_VERSION_STRING));
    /* Private notes never appear in results. */
    ck_assert_ptr_null(strstr(text, "PRIVATE-NOTE-TEXT"));
    cJSON_Delete(o);
    jm_free(text);
    jm_match_free(m);
}
END_TEST

START_TEST(identical_input_gives_identical_bytes)
{
    jm_match *a = tu_score(CAND, JOB), *b = tu_score(CAND, JOB);
    tu_match_same_json(a, b);
    char *ta, *tb;
    ck_assert_int_eq(jm_match_explain(a, &ta), JM_OK);
    ck_assert_int_eq(jm_match_explain(b, &tb), JM_OK);
    ck_assert_str_eq(ta, tb);
    jm_free(ta);
    jm_free(tb);
    jm_match_free(a);
    jm_match_free(b);
}
END_TEST

START_TEST(explanation_reads_for_a_coach)
{
    jm_match *m = tu_score(CAND, JOB);
    char *text;
    ck_assert_int_eq(jm_match_explain(m, &text), JM_OK);
    ck_assert_ptr_nonnull(strstr(text, "Candidate c-7 - job j-3"));
    ck_assert_ptr_nonnull(strstr(text, "Factors"));
    ck_assert_ptr_nonnull(strstr(text, "hours"));
    ck_assert_ptr_nonnull(strstr(text, "[gap]  clean surfaces"));
    ck_assert_ptr_nonnull(strstr(text, "Training plan"));
    ck_assert_ptr_nonnull(strstr(text, "Support plan"));
    ck_assert_ptr_nonnull(strstr(text, "Job coach:"));
    ck_assert_ptr_nonnull(strstr(text, "ips-default"));
    ck_assert_ptr_null(strstr(text, "PRIVATE-NOTE-TEXT"));
    jm_free(text);
    jm_match_free(m);
}
END_TEST

START_TEST(coach_hours_fade)
{
    jm_match *m = tu_score(CAND, JOB);
    double start = jm_match_coach_hours(m);
    ck_assert(start > 0);
    ck_assert_uint_ge(jm_match_fading_count(m), 2);
    jm_fading_step first, last;
    ck_assert_int_eq(jm_match_fading(m, 0, &first), JM_OK);
    ck_assert_int_eq(jm_match_fading(m, jm_match_fading_count(m) - 1, &last), JM_OK);
    ck_assert_int_eq(first.week, 1);
    TU_NEAR(first.hours, start);
    /* Coach time fades to a quarter or less. */
    ck_assert(last.hours <= 0.25 * start + 1e-9);
    double sum = 0;
    for (size_t i = 0; i < jm_match_support_count(m); i++) {
        jm_support_item s;
        ck_assert_int_eq(jm_match_support(m, i, &s), JM_OK);
        sum += s.coach_hours;
    }
    TU_NEAR(sum, start);
    jm_match_free(m);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("match_json");
    TCase *t = tcase_create("core");
    tcase_add_test(t, json_has_every_section);
    tcase_add_test(t, identical_input_gives_identical_bytes);
    tcase_add_test(t, explanation_reads_for_a_coach);
    tcase_add_test(t, coach_hours_fade);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
