/* The work-values factor: importance-weighted extent, missing values. */
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

static const jm_factor_entry *run(void)
{
    jm_factor_work_values(&EV);
    ck_assert_int_eq(EV.error, 0);
    const jm_factor_entry *e = &EV.m->factors[JM_FACTOR_WORK_VALUES];
    ck_assert(e->reported);
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
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
    C->values[JM_VALUE_RELATIONSHIPS] = 5;
    C->values[JM_VALUE_SUPPORT] = 4;
    C->values[JM_VALUE_ACHIEVEMENT] = 2;
    C->values[JM_VALUE_RECOGNITION] = 4;
    const double ext[6] = {4.2, 4.8, 3.0, 5.0, 4.5, 3.5};
    memcpy(J->values, ext, sizeof ext);
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
    C->values[JM_VALUE_SUPPORT] = 4;
    e = run();
    ck_assert_str_eq(e->detail, "the job's work values are unknown");
    J->values[JM_VALUE_ACHIEVEMENT] = 4;
    e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no work value is known on both sides");
    C->values[JM_VALUE_SUPPORT] = NAN;
    e = run();
    ck_assert_str_eq(e->detail, "the person's work values are unknown");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_work_values");
    TCase *t = tcase_create("formula");
    tcase_add_test(t, values_formula);
    suite_add_tcase(s, t);
    t = tcase_create("factor");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, factor_scores);
    tcase_add_test(t, nodata);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
