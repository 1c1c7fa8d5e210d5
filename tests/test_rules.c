/* Tests of custom rules: score, abstain, veto, notes, failures, payload lifetime. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static const char *CAND =
    "{\"schema\":\"jobmatch/1\",\"type\":\"candidate\",\"id\":\"c1\","
    "\"preferences\":{\"hours\":{\"min\":10,\"ideal\":16,\"max\":20}}}";
static const char *JOB =
    "{\"schema\":\"jobmatch/1\",\"type\":\"job\",\"id\":\"j1\",\"title\":\"Night porter\","
    "\"hours\":{\"min\":16,\"max\":16}}";

static int frees;
static void on_free(void *p)
{
    (void)p;
    frees++;
}

static int rule_score(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *p)
{
    (void)c;
    (void)j;
    jm_verdict_score(v, *(double *)p);
    jm_verdict_note(v, "agency preference");
    return 0;
}

static int rule_abstain(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *p)
{
    (void)c; (void)j; (void)v; (void)p;
    return 0;
}

static int rule_veto_nights(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *p)
{
    (void)c;
    (void)p;
    const char *title = jm_job_title(j);
    if (title && strstr(title, "Night"))
        jm_verdict_veto(v, "no night shifts in the first three months", "after month three");
    return 0;
}

static int rule_fail(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *p)
{
    (void)c; (void)j; (void)p;
    jm_verdict_fail(v, "lookup table missing");
    return -1;
}

static int rule_nan(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *p)
{
    (void)c; (void)j; (void)p;
    jm_verdict_score(v, NAN);
    return 0;
}

START_TEST(scoring_rule_joins_the_total)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_match *base = tu_score_with(e, CAND, JOB);
    jm_factor_info hours = tu_factor(base, "hours");
    static double zero = 0.0;
    ck_assert_int_eq(jm_engine_add_rule(e, "agency_pref", hours.weight, rule_score, &zero, NULL), JM_OK);
    jm_match *m = tu_score_with(e, CAND, JOB);
    jm_factor_info r = tu_factor(m, "rule:agency_pref");
    ck_assert(r.has_data);
    TU_NEAR(r.score, 0.0);
    ck_assert_ptr_nonnull(strstr(r.detail, "agency preference"));
    /* hours 1.0 and the rule 0.0 with equal weights -> 0.5 */
    TU_NEAR(jm_match_total(m), 0.5);
    ck_assert(jm_match_confidence(m) > jm_match_confidence(base));
    ck_assert_uint_eq(jm_match_factor_count(m), JM_FACTOR_COUNT + 1);
    jm_match_free(m);
    jm_match_free(base);
    jm_engine_free(e);
}
END_TEST

START_TEST(abstaining_rule_changes_nothing)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_match *base = tu_score_with(e, CAND, JOB);
    ck_assert_int_eq(jm_engine_add_rule(e, "quiet", 5.0, rule_abstain, NULL, NULL), JM_OK);
    jm_match *m = tu_score_with(e, CAND, JOB);
    TU_NEAR(jm_match_total(m), jm_match_total(base));
    TU_NEAR(jm_match_confidence(m), jm_match_confidence(base));
    jm_factor_info r = tu_factor(m, "rule:quiet");
    ck_assert(!r.has_data);
    ck_assert_str_eq(r.detail, "abstained");
    jm_match_free(m);
    jm_match_free(base);
    jm_engine_free(e);
}
END_TEST

START_TEST(veto_excludes_with_reason)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "no_nights", 1.0, rule_veto_nights, NULL, NULL), JM_OK);
    jm_match *m = tu_score_with(e, CAND, JOB);
    ck_assert(!jm_match_feasible(m));
    jm_exclusion x;
    ck_assert_int_eq(jm_match_exclusion(m, 0, &x), JM_OK);
    ck_assert_str_eq(x.factor, "rule:no_nights");
    ck_assert_str_eq(x.reason, "no night shifts in the first three months");
    ck_assert_str_eq(x.lift, "after month three");
    ck_assert(tu_factor(m, "rule:no_nights").excluded);
    jm_match_free(m);
    jm_engine_free(e);
}
END_TEST

START_TEST(failing_rule_names_itself_and_engine_stays_usable)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "broken", 1.0, rule_fail, NULL, NULL), JM_OK);
    jm_candidate *c = tu_candidate(CAND);
    jm_job *j = tu_job(JOB);
    jm_match *m = NULL;
    ck_assert_int_eq(jm_engine_score(e, c, j, &m), JM_ECALLBACK);
    ck_assert_ptr_null(m);
    ck_assert_str_eq(jm_last_error(), "rule 'broken' failed: lookup table missing");
    ck_assert_int_eq(jm_engine_remove_rule(e, "broken"), JM_OK);
    ck_assert_int_eq(jm_engine_score(e, c, j, &m), JM_OK);
    jm_match_free(m);

    ck_assert_int_eq(jm_engine_add_rule(e, "nan", 1.0, rule_nan, NULL, NULL), JM_OK);
    ck_assert_int_eq(jm_engine_score(e, c, j, &m), JM_ECALLBACK);
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "rule 'nan' failed"));
    jm_candidate_free(c);
    jm_job_free(j);
    jm_engine_free(e);
}
END_TEST

START_TEST(payload_free_runs_exactly_once)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    frees = 0;
    ck_assert_int_eq(jm_engine_add_rule(e, "a", 1, rule_abstain, NULL, on_free), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "b", 1, rule_abstain, NULL, on_free), JM_OK);
    /* A failed registration frees the payload at once. */
    ck_assert_int_eq(jm_engine_add_rule(e, "a", 1, rule_abstain, NULL, on_free), JM_EEXISTS);
    ck_assert_int_eq(frees, 1);
    ck_assert_int_eq(jm_engine_add_rule(e, "bad name!", 1, rule_abstain, NULL, on_free), JM_EINVAL);
    ck_assert_int_eq(frees, 2);
    ck_assert_int_eq(jm_engine_add_rule(e, "neg", -1, rule_abstain, NULL, on_free), JM_EINVAL);
    ck_assert_int_eq(frees, 3);
    ck_assert_uint_eq(jm_engine_rule_count(e), 2);
    ck_assert_int_eq(jm_engine_remove_rule(e, "a"), JM_OK);
    ck_assert_int_eq(frees, 4);
    ck_assert_int_eq(jm_engine_remove_rule(e, "a"), JM_ENOTFOUND);
    ck_assert_int_eq(frees, 4);
    jm_engine_free(e);
    ck_assert_int_eq(frees, 5);
    /* Many add/remove cycles keep nothing. */
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    frees = 0;
    for (int i = 0; i < 1000; i++) {
        ck_assert_int_eq(jm_engine_add_rule(e, "cycle", 1, rule_abstain, NULL, on_free), JM_OK);
        ck_assert_int_eq(jm_engine_remove_rule(e, "cycle"), JM_OK);
    }
    ck_assert_int_eq(frees, 1000);
    ck_assert_uint_eq(jm_engine_rule_count(e), 0);
    jm_engine_free(e);
}
END_TEST

START_TEST(rules_run_in_registration_order)
{
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    static double one = 1, half = 0.5;
    ck_assert_int_eq(jm_engine_add_rule(e, "second", 1, rule_score, &half, NULL), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "first", 1, rule_score, &one, NULL), JM_OK);
    jm_match *m = tu_score_with(e, CAND, JOB);
    jm_factor_info f;
    ck_assert_int_eq(jm_match_factor(m, JM_FACTOR_COUNT, &f), JM_OK);
    ck_assert_str_eq(f.name, "rule:second");
    TU_NEAR(f.score, 0.5);
    ck_assert_int_eq(jm_match_factor(m, JM_FACTOR_COUNT + 1, &f), JM_OK);
    ck_assert_str_eq(f.name, "rule:first");
    jm_match_free(m);
    jm_engine_free(e);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("rules");
    TCase *t = tcase_create("core");
    tcase_add_test(t, scoring_rule_joins_the_total);
    tcase_add_test(t, abstaining_rule_changes_nothing);
    tcase_add_test(t, veto_excludes_with_reason);
    tcase_add_test(t, failing_rule_names_itself_and_engine_stays_usable);
    tcase_add_test(t, payload_free_runs_exactly_once);
    tcase_add_test(t, rules_run_in_registration_order);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
