/* The programme-rules factor, and the factor table. */
#include <stdlib.h>
#include <string.h>

#include "factors/factors.h"
#include "match_impl.h"
#include "testutil.h"

static jm_profile *P;
static jm_candidate *C;
static jm_job *J;
static jm_eval EV;

static void setup(void)
{
    P = jm_profile_alloc_default();
    ck_assert_ptr_nonnull(P);
    P->competitive_only = false;
    P->integrated_only = false;
    P->min_wage = NAN;
    C = jm_candidate_alloc("c1");
    J = jm_job_alloc("j1");
    ck_assert_ptr_nonnull(C);
    ck_assert_ptr_nonnull(J);
    memset(&EV, 0, sizeof EV);
    EV.c = C;
    EV.j = J;
    EV.p = P;
    EV.m = jm_match_alloc("c1", "j1", P);
    ck_assert_ptr_nonnull(EV.m);
}

static void teardown(void)
{
    jm_match_clear(EV.m);
    free(EV.m);
    jm_candidate_free(C);
    jm_job_free(J);
    jm_profile_destroy(P);
}

static void rescore(void)
{
    jm_match_clear(EV.m);
    free(EV.m);
    EV.m = jm_match_alloc("c1", "j1", P);
    ck_assert_ptr_nonnull(EV.m);
    jm_factor_programme(&EV);
}

static const jm_factor_entry *entry(void)
{
    const jm_factor_entry *e = &EV.m->factors[JM_FACTOR_PROGRAMME];
    ck_assert(e->reported);
    return e;
}

START_TEST(nodata_without_rules)
{
    J->competitive = JM_NO;
    J->integrated = JM_NO;
    J->wage = 1;
    jm_factor_programme(&EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "the programme sets no rules");
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(competitive_only)
{
    P->competitive_only = true;
    J->competitive = JM_YES;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "meets the programme rules");

    J->competitive = JM_UNKNOWN;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "to verify: competitive");
    ck_assert_uint_eq(EV.m->n_exclusions, 0);

    J->competitive = JM_NO;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert(entry()->excluded);
    ck_assert_uint_eq(EV.m->n_exclusions, 1);
    ck_assert_str_eq(EV.m->exclusions[0].factor, "programme");
    ck_assert_str_eq(EV.m->exclusions[0].reason,
                     "not a competitive job; the programme places in competitive jobs only");
    ck_assert_str_eq(EV.m->exclusions[0].lift, "");
}
END_TEST

START_TEST(integrated_only)
{
    P->integrated_only = true;
    J->competitive = JM_NO; /* no competitive rule: not checked */
    J->integrated = JM_NO;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(EV.m->n_exclusions, 1);
    ck_assert_str_eq(EV.m->exclusions[0].reason,
                     "not an integrated job; the programme places in integrated jobs only");
    ck_assert_str_eq(entry()->detail, "fails the programme rules: not integrated");
}
END_TEST

START_TEST(minimum_wage)
{
    P->min_wage = 11.44;
    J->wage = 10.5;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(EV.m->n_exclusions, 1);
    ck_assert_str_eq(EV.m->exclusions[0].reason,
                     "pays 10.5 per hour, below the programme's minimum wage of 11.44");
    ck_assert_str_eq(EV.m->exclusions[0].lift, "feasible if the job pays at least the minimum wage");

    J->wage = 11.44;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_uint_eq(EV.m->n_exclusions, 0);

    J->wage = NAN;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "to verify: wage");
}
END_TEST

START_TEST(all_rules)
{
    P->competitive_only = true;
    P->integrated_only = true;
    P->min_wage = 11.44;
    J->competitive = JM_NO;
    J->integrated = JM_UNKNOWN;
    J->wage = 9;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(EV.m->n_exclusions, 2);
    ck_assert_str_eq(entry()->detail, "fails the programme rules: not competitive, below the "
                                      "minimum wage; to verify: integrated");
}
END_TEST

START_TEST(factor_table_in_order)
{
    const jm_factor_fn expected[JM_FACTOR_COUNT] = {
        jm_factor_job_type, jm_factor_hours,       jm_factor_schedule,    jm_factor_commute,
        jm_factor_environment, jm_factor_interests, jm_factor_work_values, jm_factor_wage,
        jm_factor_benefits, jm_factor_skills,      jm_factor_functional,  jm_factor_support,
        jm_factor_legal,    jm_factor_programme,
    };
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        ck_assert_ptr_nonnull(jm_factor_table[f]);
        ck_assert_msg(jm_factor_table[f] == expected[f], "factor %d out of place", f);
    }
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_programme");
    TCase *t = tcase_create("programme");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, nodata_without_rules);
    tcase_add_test(t, competitive_only);
    tcase_add_test(t, integrated_only);
    tcase_add_test(t, minimum_wage);
    tcase_add_test(t, all_rules);
    tcase_add_test(t, factor_table_in_order);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
