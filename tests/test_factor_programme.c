/* The programme-rules factor, and the factor table. */
#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->competitive_only = false;
    FX_P->integrated_only = false;
    FX_P->min_wage = NAN;
}

static void rescore(void)
{
    fx_new_match();
    jm_factor_programme(&FX_EV);
}

static const jm_factor_entry *entry(void)
{
    return fx_entry(JM_FACTOR_PROGRAMME);
}

START_TEST(nodata_without_rules)
{
    FX_J->competitive = JM_NO;
    FX_J->integrated = JM_NO;
    FX_J->wage = 1;
    jm_factor_programme(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "the programme sets no rules");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(competitive_only)
{
    FX_P->competitive_only = true;
    FX_J->competitive = JM_YES;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "meets the programme rules");

    FX_J->competitive = JM_UNKNOWN;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "to verify: competitive");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);

    FX_J->competitive = JM_NO;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert(entry()->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "programme",
                       "not a competitive job; the programme places in competitive jobs only", "");
}
END_TEST

START_TEST(integrated_only)
{
    FX_P->integrated_only = true;
    FX_J->competitive = JM_NO; /* no competitive rule: not checked */
    FX_J->integrated = JM_NO;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    ck_assert_str_eq(FX_EV.m->exclusions[0].reason,
                     "not an integrated job; the programme places in integrated jobs only");
    ck_assert_str_eq(entry()->detail, "fails the programme rules: not integrated");
}
END_TEST

START_TEST(minimum_wage)
{
    FX_P->min_wage = 11.44;
    FX_J->wage = 10.5;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, NULL, "pays 10.5 per hour, below the programme's minimum wage of 11.44",
                       "feasible if the job pays at least the minimum wage");

    FX_J->wage = 11.44;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);

    FX_J->wage = NAN;
    rescore();
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "to verify: wage");
}
END_TEST

START_TEST(all_rules)
{
    FX_P->competitive_only = true;
    FX_P->integrated_only = true;
    FX_P->min_wage = 11.44;
    FX_J->competitive = JM_NO;
    FX_J->integrated = JM_UNKNOWN;
    FX_J->wage = 9;
    rescore();
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 2);
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
    TCase *t = fx_tcase(s, "programme", setup, fx_teardown);
    tcase_add_test(t, nodata_without_rules);
    tcase_add_test(t, competitive_only);
    tcase_add_test(t, integrated_only);
    tcase_add_test(t, minimum_wage);
    tcase_add_test(t, all_rules);
    tcase_add_test(t, factor_table_in_order);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
