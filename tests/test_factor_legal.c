/* The legal-essentials factor: licences, right to work, background checks. */
#include "factor_fixture.h"

static const jm_factor_entry *entry(void)
{
    return fx_entry(JM_FACTOR_LEGAL);
}

static void licence_held(const char *id)
{
    ck_assert_int_eq(jm_candidate_add_licence(FX_C, id), JM_OK);
}

static void licence_required(const char *id, int obtainable)
{
    ck_assert_int_eq(jm_job_add_licence(FX_J, id, obtainable), JM_OK);
}

START_TEST(nodata_without_requirements)
{
    FX_C->right_to_work = JM_NO;
    jm_factor_legal(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "the job has no legal requirements");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(all_pass)
{
    licence_required("driving_licence_b", 0);
    ck_assert_int_eq(jm_job_set_legal(FX_J, 1, 1), JM_OK);
    licence_held("driving_licence_b");
    FX_C->right_to_work = JM_YES;
    FX_C->background_check = JM_YES;
    jm_factor_legal(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "meets the legal requirements");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_uint_eq(FX_EV.m->n_training, 0);
}
END_TEST

START_TEST(missing_licence_excludes_with_lift)
{
    licence_required("driving_licence_b", 0);
    licence_held("forklift");
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 0.0);
    ck_assert(entry()->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "legal", "needs a driving_licence_b",
                       "feasible if a driving_licence_b is obtained");
    ck_assert_str_eq(entry()->detail, "excluded: needs a driving_licence_b");
}
END_TEST

START_TEST(obtainable_licence_is_training)
{
    licence_required("food_hygiene_level_2", 1);
    /* an empty list is data: holds none */
    FX_C->has_licences = true;
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert(!entry()->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_uint_eq(FX_EV.m->n_training, 1);
    const jm_training_entry *t = &FX_EV.m->training[0];
    ck_assert_int_eq(t->kind, JM_TRAINING_LICENCE);
    ck_assert_str_eq(t->id, "food_hygiene_level_2");
    ck_assert_str_eq(t->label, "food_hygiene_level_2");
    TU_NEAR(t->gap_levels, 0.0);
    TU_NEAR(t->effort_hours, 0.0);
    ck_assert_str_eq(t->by, "course");
    ck_assert_str_eq(entry()->detail, "to obtain: food_hygiene_level_2");
}
END_TEST

START_TEST(unknown_licences_to_verify)
{
    licence_required("driving_licence_b", 0);
    licence_required("cscs_card", 1);
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_uint_eq(FX_EV.m->n_training, 0);
    ck_assert_str_eq(entry()->detail, "to verify: driving_licence_b, cscs_card");
}
END_TEST

START_TEST(right_to_work)
{
    ck_assert_int_eq(jm_job_set_legal(FX_J, 1, 0), JM_OK);
    FX_C->right_to_work = JM_UNKNOWN;
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "to verify: right to work");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);

    fx_new_match();
    FX_C->right_to_work = JM_NO;
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, NULL, "the job requires right to work, which is not confirmed",
                       "feasible once right to work is confirmed");
}
END_TEST

START_TEST(background_check)
{
    ck_assert_int_eq(jm_job_set_legal(FX_J, 0, 1), JM_OK);
    FX_C->background_check = JM_NO;
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, NULL, "the job requires a background check, which has not been passed",
                       "feasible once a background check is passed");
    ck_assert_str_eq(entry()->detail, "excluded: no background check passed");
}
END_TEST

START_TEST(everything_at_once)
{
    licence_required("driving_licence_b", 0);
    licence_required("food_hygiene_level_2", 1);
    licence_required("first_aid", 1);
    ck_assert_int_eq(jm_job_set_legal(FX_J, 1, 1), JM_OK);
    licence_held("first_aid");
    FX_C->right_to_work = JM_NO;
    FX_C->background_check = JM_UNKNOWN;
    jm_factor_legal(&FX_EV);
    TU_NEAR(entry()->score, 0.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 2);
    ck_assert_str_eq(FX_EV.m->exclusions[0].reason, "needs a driving_licence_b");
    ck_assert_str_eq(FX_EV.m->exclusions[1].lift, "feasible once right to work is confirmed");
    ck_assert_uint_eq(FX_EV.m->n_training, 1);
    ck_assert_str_eq(entry()->detail,
                     "excluded: needs a driving_licence_b; no right to work; "
                     "to obtain: food_hygiene_level_2; to verify: background check");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_legal");
    TCase *t = fx_tcase(s, "legal", fx_setup, fx_teardown);
    tcase_add_test(t, nodata_without_requirements);
    tcase_add_test(t, all_pass);
    tcase_add_test(t, missing_licence_excludes_with_lift);
    tcase_add_test(t, obtainable_licence_is_training);
    tcase_add_test(t, unknown_licences_to_verify);
    tcase_add_test(t, right_to_work);
    tcase_add_test(t, background_check);
    tcase_add_test(t, everything_at_once);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
