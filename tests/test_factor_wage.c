/* The wage factor: the floor, the falloff below it, a firm floor. */
#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.wage_falloff = 0.25;
}

START_TEST(wage_formula)
{
    TU_NEAR(jm_wage_score(12, 10, 0.25), 1.0);
    TU_NEAR(jm_wage_score(10, 10, 0.25), 1.0);
    TU_NEAR(jm_wage_score(9, 10, 0.25), 0.6);   /* 0 at 7.5 */
    TU_NEAR(jm_wage_score(8.75, 10, 0.25), 0.5);
    TU_NEAR(jm_wage_score(7.5, 10, 0.25), 0.0);
    TU_NEAR(jm_wage_score(5, 10, 0.25), 0.0);
    TU_NEAR(jm_wage_score(9.99, 10, 0.0), 0.0); /* no falloff: a step */
    TU_NEAR(jm_wage_score(0, 10, 1.0), 0.0);
    TU_NEAR(jm_wage_score(5, 10, 1.0), 0.5);
    TU_NEAR(jm_wage_score(0, 0, 0.25), 1.0);
    ck_assert(isnan(jm_wage_score(NAN, 10, 0.25)));
    ck_assert(isnan(jm_wage_score(10, NAN, 0.25)));
}
END_TEST

START_TEST(above_floor)
{
    FX_C->wage_floor = 11.44;
    FX_J->wage = 12.1;
    const jm_factor_entry *e = fx_run(JM_FACTOR_WAGE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "job pays 12.1 per hour; the person's floor is 11.44");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(below_soft_floor)
{
    FX_C->wage_floor = 12;
    FX_J->wage = 10.5;
    const jm_factor_entry *e = fx_run(JM_FACTOR_WAGE);
    TU_NEAR(e->score, 1.5 / 3.0);
    ck_assert(!e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(below_firm_floor_excludes)
{
    FX_C->wage_floor = 12;
    FX_C->wage_firm = true;
    FX_J->wage = 10.5;
    const jm_factor_entry *e = fx_run(JM_FACTOR_WAGE);
    TU_NEAR(e->score, 0.5);
    ck_assert_str_eq(e->detail, "job pays 10.5 per hour; the person's firm floor is 12");
    ck_assert(e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "wage", "job pays 10.5 per hour, below the person's firm floor of 12",
                       "feasible if the wage reaches 12 per hour");
}
END_TEST

START_TEST(firm_floor_met)
{
    FX_C->wage_floor = 12;
    FX_C->wage_firm = true;
    FX_J->wage = 12;
    const jm_factor_entry *e = fx_run(JM_FACTOR_WAGE);
    TU_NEAR(e->score, 1.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = fx_run(JM_FACTOR_WAGE);
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "neither the person's wage floor nor the job's wage is known");
    FX_C->wage_floor = 12;
    FX_C->wage_firm = true;
    e = fx_run(JM_FACTOR_WAGE);
    ck_assert_str_eq(e->detail, "the job's wage is unknown");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0); /* unknown never excludes */
    FX_C->wage_floor = NAN;
    FX_J->wage = 9;
    e = fx_run(JM_FACTOR_WAGE);
    ck_assert_str_eq(e->detail, "the person gave no wage floor");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_wage");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, wage_formula);
    t = fx_tcase(s, "factor", setup, fx_teardown);
    tcase_add_test(t, above_floor);
    tcase_add_test(t, below_soft_floor);
    tcase_add_test(t, below_firm_floor_excludes);
    tcase_add_test(t, firm_floor_met);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
