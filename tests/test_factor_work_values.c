/* The work-values factor: importance-weighted extent, missing values. */
#include <string.h>

#include "factor_fixture.h"

static const jm_factor_entry *run(void)
{
    const jm_factor_entry *e = fx_run(JM_FACTOR_WORK_VALUES);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    return e;
}

START_TEST(values_formula)
{
    const double none[6] = {NAN, NAN, NAN, NAN, NAN, NAN};
    const double imp[6] = {2, NAN, NAN, 5, 4, NAN};
    const double ext[6] = {4.2, 4.8, 3.0, 5.0, 4.5, 3.5};
    /* (2 x 3.2/6 + 5 x 4/6 + 4 x 3.5/6) / 11 */
    TU_NEAR(jm_values_score(imp, ext), (2 * 3.2 / 6 + 5 * 4.0 / 6 + 4 * 3.5 / 6) / 11.0);
    ck_assert(isnan(jm_values_score(none, ext)));
    ck_assert(isnan(jm_values_score(imp, none)));
    const double top[6] = {7, 7, 7, 7, 7, 7};
    const double bottom[6] = {1, 1, 1, 1, 1, 1};
    TU_NEAR(jm_values_score(imp, top), 1.0);
    TU_NEAR(jm_values_score(imp, bottom), 0.0);
    /* a value known on one side only is left out */
    const double ext_part[6] = {7, NAN, NAN, NAN, 1, NAN};
    TU_NEAR(jm_values_score(imp, ext_part), 2.0 / 6.0);
}
END_TEST

START_TEST(factor_scores)
{
    FX_C->values[JM_VALUE_RELATIONSHIPS] = 5;
    FX_C->values[JM_VALUE_SUPPORT] = 4;
    FX_C->values[JM_VALUE_ACHIEVEMENT] = 2;
    FX_C->values[JM_VALUE_RECOGNITION] = 4;
    const double ext[6] = {4.2, 4.8, 3.0, 5.0, 4.5, 3.5};
    memcpy(FX_J->values, ext, sizeof ext);
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, (2 * 3.2 / 6 + 4 * 2.0 / 6 + 5 * 4.0 / 6 + 4 * 3.5 / 6) / 15.0);
    /* most important first; equal importance in O*NET order */
    ck_assert_str_eq(e->detail, "matters most: relationships (importance 5, job 5 of 7), "
                                "recognition (importance 4, job 3 of 7), support (importance 4, "
                                "job 4.5 of 7)");
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = run();
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "neither the person's work values nor the job's are known");
    FX_C->values[JM_VALUE_SUPPORT] = 4;
    e = run();
    ck_assert_str_eq(e->detail, "the job's work values are unknown");
    FX_J->values[JM_VALUE_ACHIEVEMENT] = 4;
    e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no work value is known on both sides");
    FX_C->values[JM_VALUE_SUPPORT] = NAN;
    e = run();
    ck_assert_str_eq(e->detail, "the person's work values are unknown");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_work_values");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, values_formula);
    t = fx_tcase(s, "factor", fx_setup, fx_teardown);
    tcase_add_test(t, factor_scores);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
