/* The functional-demands factor: VocFit's 3x3 credits and derived support needs. */
#include <string.h>

#include "factor_fixture.h"

/* A small test vocabulary, installed over the default one (and taken out
 * again before the profile is destroyed). */
static char *SUP_LIFTING[] = { "equipment", "job_restructuring" };
static char *SUP_READING[] = { "adjusted_materials" };
static jm_dim_def DIMS[] = {
    { "lifting", "lifting", SUP_LIFTING, 2, "adapted_equipment" },
    { "reading", "reading", SUP_READING, 1, "written_visual_instructions" },
    { "standing", "standing", NULL, 0, NULL },
    { "dexterity", "dexterity", NULL, 0, "adapted_equipment" },
};

static void setup(void)
{
    fx_setup();
    FX_P->th.short1_supported = 0.75;
    FX_P->th.short1_unsupported = 0.5;
    FX_P->th.short2_supported = 0.25;
    FX_P->th.short2_unsupported = 0.1;
    fx_vocabulary(NULL, 0, NULL, 0, DIMS, sizeof DIMS / sizeof DIMS[0]);
}

static const jm_factor_entry *entry(void)
{
    return fx_entry(JM_FACTOR_FUNCTIONAL);
}

static void ability(const char *dim, int level)
{
    ck_assert_int_eq(jm_candidate_set_ability(FX_C, dim, level), JM_OK);
}

static void demand(const char *dim, int level)
{
    ck_assert_int_eq(jm_job_set_demand(FX_J, dim, level), JM_OK);
}

/* The credit of one demand (ability, demand level, supported), as the
 * factor counts and scores it. */
static double credit(int ability, int level, bool supported)
{
    jm_functional_counts n = { 0 };
    jm_functional_count(&n, ability, level, supported);
    return jm_functional_mean(&n, &FX_P->th);
}

START_TEST(credit_matrix)
{
    /* meets */
    TU_NEAR(credit(2, 2, false), 1.0);
    TU_NEAR(credit(2, 0, false), 1.0);
    TU_NEAR(credit(0, 0, false), 1.0);
    /* one level short */
    TU_NEAR(credit(1, 2, true), 0.75);
    TU_NEAR(credit(1, 2, false), 0.5);
    TU_NEAR(credit(0, 1, true), 0.75);
    /* two levels short */
    TU_NEAR(credit(0, 2, true), 0.25);
    TU_NEAR(credit(0, 2, false), 0.1);
    /* a mean, summed kind by kind: met, one short with and without a
     * support, two short with and without */
    jm_functional_counts n = { 0 };
    jm_functional_count(&n, 0, 2, false);
    jm_functional_count(&n, 1, 2, true);
    jm_functional_count(&n, 2, 1, false);
    jm_functional_count(&n, 0, 1, false);
    ck_assert_uint_eq(n.known, 4);
    ck_assert(jm_functional_mean(&n, &FX_P->th) == (((1.0 + 0.75) + 0.5) + 0.1) / 4.0);
}
END_TEST

START_TEST(nodata_without_overlap)
{
    ability("lifting", 2);
    demand("reading", 1);
    jm_factor_functional(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "no functional dimension is known on both sides");
    ck_assert_uint_eq(FX_EV.n_derived, 0);
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
    ck_assert_int_eq(jm_job_add_offer(FX_J, "equipment"), JM_OK);
    FX_J->coach_on_site = JM_NO;
    jm_factor_functional(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, (0.75 + 0.1 + 1.0) / 3.0);
    ck_assert_str_eq(entry()->detail,
                     "meets 1 of 3 demands; lifting 1 level short (support in place); "
                     "reading 2 levels short (no support)");

    ck_assert_uint_eq(FX_EV.n_derived, 2);
    ck_assert_str_eq(FX_EV.derived[0].dimension, "lifting");
    ck_assert_str_eq(FX_EV.derived[0].type, "adapted_equipment");
    ck_assert_int_eq(FX_EV.derived[0].intensity, JM_INTENSITY_MEDIUM);
    ck_assert_str_eq(FX_EV.derived[1].dimension, "reading");
    ck_assert_str_eq(FX_EV.derived[1].type, "written_visual_instructions");
    ck_assert_int_eq(FX_EV.derived[1].intensity, JM_INTENSITY_HIGH);
    /* borrowed from the profile, not from the records */
    ck_assert_ptr_eq(FX_EV.derived[0].type, DIMS[0].need);
    ck_assert_ptr_eq(FX_EV.derived[1].dimension, DIMS[1].id);

    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert(!entry()->excluded);
}
END_TEST

/* Lifting one level short and dexterity two, both becoming adapted
 * equipment, the job listing them in either order. */
static double shortfalls_of_one_type(bool dexterity_first)
{
    ability("lifting", 1);
    ability("dexterity", 0);
    ability("reading", 2);
    if (dexterity_first)
        demand("dexterity", 2);
    demand("lifting", 2);
    demand("reading", 1);
    if (!dexterity_first)
        demand("dexterity", 2);
    FX_J->coach_on_site = JM_NO;
    jm_factor_functional(&FX_EV);
    ck_assert(entry()->has_data);
    /* one need of the type, at the higher intensity, from the dimension that needs it */
    ck_assert_uint_eq(FX_EV.n_derived, 1);
    ck_assert_str_eq(FX_EV.derived[0].type, "adapted_equipment");
    ck_assert_int_eq(FX_EV.derived[0].intensity, JM_INTENSITY_HIGH);
    ck_assert_str_eq(FX_EV.derived[0].dimension, "dexterity");
    return entry()->score;
}

START_TEST(order_of_demands_does_not_matter)
{
    const double first = shortfalls_of_one_type(true);
    TU_NEAR(first, (1.0 + 0.5 + 0.1) / 3.0);
    fx_teardown();
    setup();
    const double last = shortfalls_of_one_type(false);
    /* the credits are summed kind by kind: the same bits */
    ck_assert(memcmp(&first, &last, sizeof first) == 0);
}
END_TEST

START_TEST(job_coach_on_site_supports_every_dimension)
{
    ability("lifting", 1);
    ability("reading", 0);
    demand("lifting", 2);
    demand("reading", 2);
    FX_J->coach_on_site = JM_YES;
    jm_factor_functional(&FX_EV);
    TU_NEAR(entry()->score, (0.75 + 0.25) / 2.0);
    ck_assert_uint_eq(FX_EV.n_derived, 2);
}
END_TEST

START_TEST(other_dimension_offer_does_not_support)
{
    /* adjusted_materials supports reading, not lifting */
    ability("lifting", 1);
    demand("lifting", 2);
    ck_assert_int_eq(jm_job_add_offer(FX_J, "adjusted_materials"), JM_OK);
    jm_factor_functional(&FX_EV);
    TU_NEAR(entry()->score, 0.5);
}
END_TEST

START_TEST(dimension_without_need_type_or_vocabulary)
{
    ability("standing", 0);  /* in the vocabulary, no need type */
    ability("juggling", 1);  /* not in the vocabulary */
    demand("standing", 1);
    demand("juggling", 2);
    FX_J->coach_on_site = JM_UNKNOWN;
    jm_factor_functional(&FX_EV);
    TU_NEAR(entry()->score, 0.5);
    ck_assert_uint_eq(FX_EV.n_derived, 0);
}
END_TEST

START_TEST(all_demands_met)
{
    ability("lifting", 2);
    ability("reading", 1);
    demand("lifting", 1);
    demand("reading", 1);
    jm_factor_functional(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "meets 2 of 2 demands");
    ck_assert_uint_eq(FX_EV.n_derived, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_functional");
    TCase *t = fx_tcase(s, "functional", setup, fx_teardown);
    tcase_add_test(t, credit_matrix);
    tcase_add_test(t, nodata_without_overlap);
    tcase_add_test(t, mean_credit_and_derived_needs);
    tcase_add_test(t, order_of_demands_does_not_matter);
    tcase_add_test(t, job_coach_on_site_supports_every_dimension);
    tcase_add_test(t, other_dimension_offer_does_not_support);
    tcase_add_test(t, dimension_without_need_type_or_vocabulary);
    tcase_add_test(t, all_demands_met);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
