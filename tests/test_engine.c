/* Tests of the engine: combining factors, confidence, identity of results. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char *CAND =
    "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c1\","
    "\"preferences\":{\"hours\":{\"min\":10,\"ideal\":16,\"max\":20},"
    "\"wage\":{\"floor\":11}}}";
static const char *JOB =
    "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j1\","
    "\"hours\":{\"min\":16,\"max\":16},\"wage\":10.45}";

START_TEST(total_is_weighted_mean_over_factors_with_data)
{
    jm_match *m = tu_score(CAND, JOB);
    jm_factor_info hours = tu_factor(m, "hours"), wage = tu_factor(m, "wage");
    ck_assert(hours.has_data);
    ck_assert(wage.has_data);
    TU_NEAR(hours.score, 1.0);
    /* wage 10.45 vs floor 11: 1 - 0.55 / (11 * 0.25) = 0.8 */
    TU_NEAR(wage.score, 0.8);
    double w_h = hours.weight, w_w = wage.weight;
    TU_NEAR(jm_match_total(m), (w_h * 1.0 + w_w * 0.8) / (w_h + w_w));
    TU_NEAR(hours.contribution + wage.contribution, jm_match_total(m));
    /* Only hours and wage have data: confidence is their share of the weight. */
    double all = 0;
    for (size_t i = 0; i < jm_match_factor_count(m); i++) {
        jm_factor_info f;
        jm_match_factor(m, i, &f);
        all += f.weight;
        if (strcmp(f.name, "hours") && strcmp(f.name, "wage")) {
            ck_assert_msg(!f.has_data, "%s should have no data", f.name);
            ck_assert(isnan(f.score));
            TU_NEAR(f.contribution, 0);
        }
    }
    TU_NEAR(jm_match_confidence(m), (w_h + w_w) / all);
    ck_assert(jm_match_feasible(m));
    jm_match_free(m);
}
END_TEST

START_TEST(no_data_at_all_is_neutral)
{
    jm_match *m = tu_score("{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c\"}",
                           "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j\"}");
    TU_NEAR(jm_match_total(m), 0.5);
    TU_NEAR(jm_match_confidence(m), 0.0);
    ck_assert(jm_match_feasible(m));
    ck_assert_uint_eq(jm_match_factor_count(m), JM_FACTOR_COUNT);
    jm_match_free(m);
}
END_TEST

START_TEST(results_carry_identity)
{
    jm_profile *p;
    ck_assert_int_eq(jm_profile_default(&p), JM_OK);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(p, &e), JM_OK);
    jm_profile_free(p); /* the engine holds its own reference */
    jm_match *m = tu_score_with(e, CAND, JOB);
    ck_assert_str_eq(jm_match_profile_id(m), "ips-default");
    ck_assert_str_eq(jm_match_profile_hash(m), jm_profile_hash(jm_engine_profile(e)));
    ck_assert_int_eq(strncmp(jm_match_profile_hash(m), "sha256:", 7), 0);
    ck_assert_uint_eq(strlen(jm_match_profile_hash(m)), 7 + 64);
    ck_assert_str_eq(jm_match_engine_version(m), "libjobmatch " JM_VERSION_STRING);
    ck_assert_str_eq(jm_match_candidate_id(m), "c1");
    ck_assert_str_eq(jm_match_job_id(m), "j1");
    jm_match_free(m);
    jm_engine_free(e);
}
END_TEST

START_TEST(factor_order_and_names)
{
    jm_match *m = tu_score(CAND, JOB);
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        jm_factor_info info;
        ck_assert_int_eq(jm_match_factor(m, (size_t)f, &info), JM_OK);
        ck_assert_str_eq(info.name, jm_factor_name(f));
        ck_assert_int_eq(jm_factor_from_name(info.name), f);
    }
    jm_factor_info info;
    ck_assert_int_eq(jm_match_factor(m, JM_FACTOR_COUNT, &info), JM_ERANGE);
    ck_assert_int_eq(jm_match_factor_by_name(m, "nope", &info), JM_ENOTFOUND);
    jm_match_free(m);
}
END_TEST

START_TEST(exclusion_makes_infeasible_but_keeps_score)
{
    const char *cand = "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c\","
                       "\"preferences\":{\"hours\":{\"min\":8,\"ideal\":12,\"max\":16,\"firm\":true}}}";
    const char *job = "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j\","
                      "\"hours\":{\"min\":30,\"max\":37.5}}";
    jm_match *m = tu_score(cand, job);
    ck_assert(!jm_match_feasible(m));
    ck_assert_uint_ge(jm_match_exclusion_count(m), 1);
    jm_exclusion x;
    ck_assert_int_eq(jm_match_exclusion(m, 0, &x), JM_OK);
    ck_assert_str_eq(x.factor, "hours");
    ck_assert_ptr_nonnull(strstr(x.reason, "30"));
    ck_assert_ptr_nonnull(strstr(x.reason, "16"));
    ck_assert(strlen(x.lift) > 0);
    ck_assert(tu_factor(m, "hours").excluded);
    ck_assert(jm_match_total(m) >= 0 && jm_match_total(m) <= 1);
    jm_match_free(m);
}
END_TEST

START_TEST(bad_arguments)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_match *m = NULL;
    ck_assert_int_eq(jm_engine_score(e, NULL, NULL, &m), JM_EINVAL);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "jm_engine_score"));
    ck_assert_int_eq(jm_engine_new(NULL, NULL), JM_EINVAL);
    jm_engine_free(e);
    jm_engine_free(NULL);
    jm_match_free(NULL);
}
END_TEST

static int travel_fixed(const jm_candidate *c, const jm_job *j, int mode, double *minutes, void *p)
{
    (void)c;
    (void)j;
    if (mode != JM_TRANSPORT_PUBLIC)
        return JM_ENOTFOUND;
    *minutes = *(double *)p;
    return JM_OK;
}

static int travel_broken(const jm_candidate *c, const jm_job *j, int mode, double *minutes, void *p)
{
    (void)c; (void)j; (void)mode; (void)minutes; (void)p;
    return JM_EIO;
}

static int freed_count;
static void count_free(void *p)
{
    (void)p;
    freed_count++;
}

START_TEST(caller_supplied_travel_time)
{
    const char *cand = "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c\","
                       "\"preferences\":{\"location\":{\"lat\":51.5,\"lon\":-0.1},"
                       "\"commute\":{\"modes\":[\"public_transport\"],\"max_minutes\":40}}}";
    const char *job = "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j\","
                      "\"location\":{\"lat\":51.5,\"lon\":-0.1}}";
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    static double thirty = 30;
    freed_count = 0;
    ck_assert_int_eq(jm_engine_set_travel_time(e, travel_fixed, &thirty, count_free), JM_OK);
    jm_match *m = tu_score_with(e, cand, job);
    /* 30 of 40 minutes: linear from 1 at 20 to 0 at 40 -> 0.5 */
    TU_NEAR(tu_factor(m, "commute").score, 0.5);
    jm_match_free(m);

    ck_assert_int_eq(jm_engine_set_travel_time(e, travel_broken, NULL, count_free), JM_OK);
    ck_assert_int_eq(freed_count, 1);
    jm_candidate *c = tu_candidate(cand);
    jm_job *j = tu_job(job);
    m = NULL;
    ck_assert_int_eq(jm_engine_score(e, c, j, &m), JM_ECALLBACK);
    ck_assert_ptr_null(m);
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "travel-time"));
    jm_candidate_free(c);
    jm_job_free(j);
    jm_engine_free(e);
    ck_assert_int_eq(freed_count, 2);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("engine");
    TCase *t = tcase_create("core");
    tcase_add_test(t, total_is_weighted_mean_over_factors_with_data);
    tcase_add_test(t, no_data_at_all_is_neutral);
    tcase_add_test(t, results_carry_identity);
    tcase_add_test(t, factor_order_and_names);
    tcase_add_test(t, exclusion_makes_infeasible_but_keeps_score);
    tcase_add_test(t, bad_arguments);
    tcase_add_test(t, caller_supplied_travel_time);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
