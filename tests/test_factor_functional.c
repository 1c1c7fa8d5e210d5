/* The functional-demands factor: VocFit's 3x3 credits and derived support needs. */
#include <stdlib.h>
#include <string.h>

#include "factors/factors.h"
#include "match_impl.h"
#include "testutil.h"

/* A small test vocabulary, installed over the default one (and taken out
 * again before the profile is destroyed). */
static char *SUP_LIFTING[] = { "equipment", "job_restructuring" };
static char *SUP_READING[] = { "adjusted_materials" };
static jm_dim_def DIMS[] = {
    { "lifting", "lifting", SUP_LIFTING, 2, "adapted_equipment" },
    { "reading", "reading", SUP_READING, 1, "written_visual_instructions" },
    { "standing", "standing", NULL, 0, NULL },
};

static jm_profile *P;
static jm_candidate *C;
static jm_job *J;
static jm_eval EV;
static jm_dim_def *saved_dims;
static size_t saved_n_dims;

static void setup(void)
{
    P = jm_profile_alloc_default();
    ck_assert_ptr_nonnull(P);
    P->th.short1_supported = 0.75;
    P->th.short1_unsupported = 0.5;
    P->th.short2_supported = 0.25;
    P->th.short2_unsupported = 0.1;
    saved_dims = P->dims;
    saved_n_dims = P->n_dims;
    P->dims = DIMS;
    P->n_dims = sizeof DIMS / sizeof DIMS[0];
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
    P->dims = saved_dims;
    P->n_dims = saved_n_dims;
    jm_profile_destroy(P);
}

static const jm_factor_entry *entry(void)
{
    const jm_factor_entry *e = &EV.m->factors[JM_FACTOR_FUNCTIONAL];
    ck_assert(e->reported);
    return e;
}

static void ability(const char *dim, int level)
{
    ck_assert_int_eq(jm_candidate_set_ability(C, dim, level), JM_OK);
}

static void demand(const char *dim, int level)
{
    ck_assert_int_eq(jm_job_set_demand(J, dim, level), JM_OK);
}

START_TEST(credit_matrix)
{
    const jm_thresholds *th = &P->th;
    /* meets */
    TU_NEAR(jm_functional_credit(2, 2, false, th), 1.0);
    TU_NEAR(jm_functional_credit(2, 0, false, th), 1.0);
    TU_NEAR(jm_functional_credit(0, 0, false, th), 1.0);
    /* one level short */
    TU_NEAR(jm_functional_credit(1, 2, true, th), 0.75);
    TU_NEAR(jm_functional_credit(1, 2, false, th), 0.5);
    TU_NEAR(jm_functional_credit(0, 1, true, th), 0.75);
    /* two levels short */
    TU_NEAR(jm_functional_credit(0, 2, true, th), 0.25);
    TU_NEAR(jm_functional_credit(0, 2, false, th), 0.1);
}
END_TEST

START_TEST(nodata_without_overlap)
{
    ability("lifting", 2);
    demand("reading", 1);
    jm_factor_functional(&EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "no functional dimension is known on both sides");
    ck_assert_uint_eq(EV.n_derived, 0);
}
END_TEST

START_TEST(mean_credit_and_derived_needs)
{
    ability("lifting", 1);
    ability("reading", 0);
    ability("standing", 2);
    demand("lifting", 2);  /* 1 short, equipment offered: 0.75 */
    demand("reading", 2);  /* 2 short, no support: 0.1 */
    demand("standing", 2); /* meets: 1 */
    demand("orienting", 1); /* no ability stated: left out */
    ck_assert_int_eq(jm_job_add_offer(J, "equipment"), JM_OK);
    J->coach_on_site = JM_NO;
    jm_factor_functional(&EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, (0.75 + 0.1 + 1.0) / 3.0);
    ck_assert_str_eq(entry()->detail,
                     "meets 1 of 3 demands; lifting 1 level short (support in place); "
                     "reading 2 levels short (no support)");

    ck_assert_uint_eq(EV.n_derived, 2);
    ck_assert_str_eq(EV.derived[0].dimension, "lifting");
    ck_assert_str_eq(EV.derived[0].type, "adapted_equipment");
    ck_assert_int_eq(EV.derived[0].intensity, JM_INTENSITY_MEDIUM);
    ck_assert_str_eq(EV.derived[1].dimension, "reading");
    ck_assert_str_eq(EV.derived[1].type, "written_visual_instructions");
    ck_assert_int_eq(EV.derived[1].intensity, JM_INTENSITY_HIGH);
    /* borrowed from the profile, not from the records */
    ck_assert_ptr_eq(EV.derived[0].type, DIMS[0].need);
    ck_assert_ptr_eq(EV.derived[1].dimension, DIMS[1].id);

    ck_assert_uint_eq(EV.m->n_exclusions, 0);
    ck_assert(!entry()->excluded);
}
END_TEST

START_TEST(job_coach_on_site_supports_every_dimension)
{
    ability("lifting", 1);
    ability("reading", 0);
    demand("lifting", 2);
    demand("reading", 2);
    J->coach_on_site = JM_YES;
    jm_factor_functional(&EV);
    TU_NEAR(entry()->score, (0.75 + 0.25) / 2.0);
    ck_assert_uint_eq(EV.n_derived, 2);
}
END_TEST

START_TEST(other_dimension_offer_does_not_support)
{
    /* adjusted_materials supports reading, not lifting */
    ability("lifting", 1);
    demand("lifting", 2);
    ck_assert_int_eq(jm_job_add_offer(J, "adjusted_materials"), JM_OK);
    jm_factor_functional(&EV);
    TU_NEAR(entry()->score, 0.5);
}
END_TEST

START_TEST(dimension_without_need_type_or_vocabulary)
{
    ability("standing", 0);  /* in the vocabulary, no need type */
    ability("juggling", 1);  /* not in the vocabulary */
    demand("standing", 1);
    demand("juggling", 2);
    J->coach_on_site = JM_UNKNOWN;
    jm_factor_functional(&EV);
    TU_NEAR(entry()->score, 0.5);
    ck_assert_uint_eq(EV.n_derived, 0);
}
END_TEST

START_TEST(all_demands_met)
{
    ability("lifting", 2);
    ability("reading", 1);
    demand("lifting", 1);
    demand("reading", 1);
    jm_factor_functional(&EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "meets 2 of 2 demands");
    ck_assert_uint_eq(EV.n_derived, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_functional");
    TCase *t = tcase_create("functional");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, credit_matrix);
    tcase_add_test(t, nodata_without_overlap);
    tcase_add_test(t, mean_credit_and_derived_needs);
    tcase_add_test(t, job_coach_on_site_supports_every_dimension);
    tcase_add_test(t, other_dimension_offer_does_not_support);
    tcase_add_test(t, dimension_without_need_type_or_vocabulary);
    tcase_add_test(t, all_demands_met);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
