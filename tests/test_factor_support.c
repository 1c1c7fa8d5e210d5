/* The support-coverage factor: the support plan and the weighted share met. */
#include <string.h>

#include "factor_fixture.h"

/* A small test vocabulary (ids sorted), installed over the default one and
 * taken out again before the profile is destroyed. */
static char *MB_EQUIP[] = { "equipment", "access_to_work" };
static char *MB_BENEFITS[] = { "agency" };
static char *MB_MENTOR[] = { "mentor", "job_coach" };
static char *MB_ACCESS[] = { "physical_accessibility" };
static char *MB_QUIET[] = { "quiet_space" };
static char *MB_STI[] = { "task_instruction", "job_coach" };
static char *MB_TRAVEL[] = { "job_coach", "agency" };
static char *MB_WVI[] = { "adjusted_materials", "job_coach" };
static jm_need_def NEEDS[] = {
    { "adapted_equipment", "adapted equipment", MB_EQUIP, 2 },
    { "benefits_counselling", "benefits counselling", MB_BENEFITS, 1 },
    { "mentor_or_buddy", "mentor or buddy", MB_MENTOR, 2 },
    { "physical_access", "physical access", MB_ACCESS, 1 },
    { "quiet_workspace", "quiet workspace", MB_QUIET, 1 },
    { "structured_task_instruction", "structured task instruction", MB_STI, 2 },
    { "travel_training", "travel training", MB_TRAVEL, 2 },
    { "written_visual_instructions", "written or visual instructions", MB_WVI, 2 },
};
static jm_offer_def OFFERS[] = {
    { "access_to_work", "Access to Work", JM_PROVIDER_FUNDED },
    { "adjusted_materials", "adjusted training materials", JM_PROVIDER_EMPLOYER },
    { "equipment", "equipment or devices", JM_PROVIDER_EMPLOYER },
    { "mentor", "a mentor", JM_PROVIDER_NATURAL },
    { "physical_accessibility", "physical accessibility", JM_PROVIDER_EMPLOYER },
    { "quiet_space", "a quiet space", JM_PROVIDER_EMPLOYER },
};
static char *SUP_READING[] = { "adjusted_materials" };
static jm_dim_def DIMS[] = {
    { "reading", "reading", SUP_READING, 1, "written_visual_instructions" },
};

static void setup(void)
{
    fx_setup();
    FX_P->th.need_weight[1] = 1;
    FX_P->th.need_weight[2] = 2;
    FX_P->th.need_weight[3] = 3;
    FX_P->th.essential_multiplier = 2;
    FX_P->th.coach_hours[1] = 2;
    FX_P->th.coach_hours[2] = 5;
    FX_P->th.coach_hours[3] = 10;
    FX_P->th.short1_supported = 0.75;
    FX_P->th.short1_unsupported = 0.5;
    FX_P->th.short2_supported = 0.25;
    FX_P->th.short2_unsupported = 0.1;
    fx_vocabulary(NEEDS, sizeof NEEDS / sizeof NEEDS[0], OFFERS, sizeof OFFERS / sizeof OFFERS[0],
                  DIMS, 1);
}

static const jm_factor_entry *entry(void)
{
    return fx_entry(JM_FACTOR_SUPPORT);
}

static void need(const char *type, int intensity, int essential, const char *note)
{
    ck_assert_int_eq(jm_candidate_add_support_need(FX_C, type, intensity, essential, note), JM_OK);
}

static void offer(const char *id)
{
    ck_assert_int_eq(jm_job_add_offer(FX_J, id), JM_OK);
}

static void check_item(size_t i, const char *need_id, const char *label, int intensity,
                       bool essential, int provider, const char *offer_id, double coach,
                       const char *origin)
{
    ck_assert_uint_lt(i, FX_EV.m->n_support);
    const jm_support_entry *s = &FX_EV.m->support[i];
    ck_assert_str_eq(s->need, need_id);
    ck_assert_str_eq(s->label, label);
    ck_assert_int_eq(s->intensity, intensity);
    ck_assert_int_eq(s->essential, essential);
    ck_assert_int_eq(s->provider, provider);
    ck_assert_str_eq(s->offer, offer_id);
    TU_NEAR(s->coach_hours, coach);
    ck_assert_str_eq(s->origin, origin);
}

START_TEST(nodata_when_needs_not_recorded)
{
    jm_factor_support(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "support needs not recorded");
    ck_assert_uint_eq(FX_EV.m->n_support, 0);
}
END_TEST

START_TEST(no_needs_is_data)
{
    ck_assert_int_eq(jm_candidate_set_no_support_needs(FX_C), JM_OK);
    jm_factor_support(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "no support needs stated");
}
END_TEST

START_TEST(plan_with_every_provider)
{
    FX_J->has_supports = true;
    offer("mentor");
    FX_J->coach_on_site = JM_YES;
    need("mentor_or_buddy", JM_INTENSITY_LOW, 0, NULL);                /* natural, w 1 */
    need("structured_task_instruction", JM_INTENSITY_MEDIUM, 1, NULL); /* coach, w 4 */
    need("quiet_workspace", JM_INTENSITY_HIGH, 1, "PRIVATE-NOTE-42");  /* unmet, w 6 */
    need("benefits_counselling", JM_INTENSITY_LOW, 0, NULL);           /* agency, w 1 */
    need("sign_language", JM_INTENSITY_MEDIUM, 0, NULL);               /* unknown term, w 2 */
    jm_factor_support(&FX_EV);

    ck_assert_uint_eq(FX_EV.m->n_support, 5);
    check_item(0, "mentor_or_buddy", "mentor or buddy", 1, false, JM_PROVIDER_NATURAL, "mentor", 0,
               "stated");
    check_item(1, "structured_task_instruction", "structured task instruction", 2, true,
               JM_PROVIDER_JOB_COACH, "", 5, "stated");
    check_item(2, "quiet_workspace", "quiet workspace", 3, true, JM_PROVIDER_UNMET, "", 0,
               "stated");
    check_item(3, "benefits_counselling", "benefits counselling", 1, false, JM_PROVIDER_AGENCY, "",
               2, "stated");
    check_item(4, "sign_language", "sign_language", 2, false, JM_PROVIDER_UNMET, "", 0, "stated");

    TU_NEAR(entry()->score, 6.0 / 14.0);
    ck_assert_str_eq(entry()->detail, "3 of 5 support needs met here; 2 unmet");
    ck_assert_uint_eq(FX_EV.m->n_notes, 1);
    ck_assert_str_eq(FX_EV.m->notes[0], "essential support not available here: quiet_workspace");
    /* zero exclusion */
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert(!entry()->excluded);
    /* the private note never reaches any message */
    ck_assert_ptr_null(strstr(entry()->detail, "PRIVATE"));
    for (size_t i = 0; i < FX_EV.m->n_notes; i++)
        ck_assert_ptr_null(strstr(FX_EV.m->notes[i], "PRIVATE"));
}
END_TEST

START_TEST(met_by_order_is_preference)
{
    /* mentor_or_buddy: the mentor is preferred to the job coach */
    FX_J->has_supports = true;
    FX_J->coach_on_site = JM_YES;
    offer("mentor");
    offer("equipment");
    offer("access_to_work");
    need("mentor_or_buddy", JM_INTENSITY_HIGH, 0, NULL);
    need("adapted_equipment", JM_INTENSITY_MEDIUM, 0, NULL);
    need("travel_training", JM_INTENSITY_MEDIUM, 0, NULL);
    jm_factor_support(&FX_EV);
    check_item(0, "mentor_or_buddy", "mentor or buddy", 3, false, JM_PROVIDER_NATURAL, "mentor", 0,
               "stated");
    check_item(1, "adapted_equipment", "adapted equipment", 2, false, JM_PROVIDER_EMPLOYER,
               "equipment", 0, "stated");
    check_item(2, "travel_training", "travel training", 2, false, JM_PROVIDER_JOB_COACH, "", 5,
               "stated");
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "3 of 3 support needs met here");
}
END_TEST

START_TEST(funded_and_agency_fallbacks)
{
    FX_J->has_supports = true;
    FX_J->coach_on_site = JM_NO;
    offer("access_to_work");
    need("adapted_equipment", JM_INTENSITY_LOW, 1, NULL);
    need("travel_training", JM_INTENSITY_HIGH, 0, NULL);
    need("mentor_or_buddy", JM_INTENSITY_MEDIUM, 1, NULL); /* no mentor, no coach: unmet */
    jm_factor_support(&FX_EV);
    check_item(0, "adapted_equipment", "adapted equipment", 1, true, JM_PROVIDER_FUNDED,
               "access_to_work", 0, "stated");
    check_item(1, "travel_training", "travel training", 3, false, JM_PROVIDER_AGENCY, "", 10,
               "stated");
    check_item(2, "mentor_or_buddy", "mentor or buddy", 2, true, JM_PROVIDER_UNMET, "", 0,
               "stated");
    /* weights 2, 3, 4: 5 of 9 */
    TU_NEAR(entry()->score, 5.0 / 9.0);
    ck_assert_str_eq(FX_EV.m->notes[0], "essential support not available here: mentor_or_buddy");
}
END_TEST

START_TEST(physical_access_by_accessible_worksite)
{
    FX_J->has_supports = true;
    FX_J->accessible = JM_YES;
    need("physical_access", JM_INTENSITY_HIGH, 1, NULL);
    jm_factor_support(&FX_EV);
    check_item(0, "physical_access", "physical access", 3, true, JM_PROVIDER_EMPLOYER,
               "physical_accessibility", 0, "stated");
    TU_NEAR(entry()->score, 1.0);

    /* not accessible and not offered: unmet */
    fx_new_match();
    FX_J->accessible = JM_NO;
    jm_factor_support(&FX_EV);
    ck_assert_int_eq(FX_EV.m->support[0].provider, JM_PROVIDER_UNMET);
    TU_NEAR(entry()->score, 0.0);
}
END_TEST

START_TEST(unknown_supports_are_to_negotiate)
{
    /* The job's supports were not analysed. */
    need("quiet_workspace", JM_INTENSITY_LOW, 1, NULL);      /* w 2, half met */
    need("benefits_counselling", JM_INTENSITY_LOW, 0, NULL); /* agency, w 1 */
    jm_factor_support(&FX_EV);
    check_item(0, "quiet_workspace", "quiet workspace", 1, true, JM_PROVIDER_TO_NEGOTIATE, "", 0,
               "stated");
    check_item(1, "benefits_counselling", "benefits counselling", 1, false, JM_PROVIDER_AGENCY,
               "", 2, "stated");
    TU_NEAR(entry()->score, (0.5 * 2 + 1) / 3.0);
    ck_assert_str_eq(entry()->detail, "1 of 2 support needs met here; 1 to negotiate");
    /* to negotiate is not "not available" */
    ck_assert_uint_eq(FX_EV.m->n_notes, 0);
}
END_TEST

START_TEST(all_to_negotiate_is_nodata)
{
    need("quiet_workspace", JM_INTENSITY_LOW, 1, NULL);
    need("mentor_or_buddy", JM_INTENSITY_HIGH, 0, NULL);
    jm_factor_support(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail,
                     "the job's supports were not analysed: 2 support needs to negotiate");
    /* the plan still lists them */
    ck_assert_uint_eq(FX_EV.m->n_support, 2);
    ck_assert_int_eq(FX_EV.m->support[1].provider, JM_PROVIDER_TO_NEGOTIATE);
}
END_TEST

START_TEST(derived_needs_are_planned)
{
    FX_J->has_supports = true;
    FX_J->coach_on_site = JM_YES;
    ck_assert_int_eq(jm_candidate_set_no_support_needs(FX_C), JM_OK);
    jm_eval_derive_need(&FX_EV, DIMS[0].id, "written_visual_instructions", JM_INTENSITY_HIGH);
    jm_factor_support(&FX_EV);
    check_item(0, "written_visual_instructions", "written or visual instructions", 3, false,
               JM_PROVIDER_JOB_COACH, "", 10, "functional:reading");
    TU_NEAR(entry()->score, 1.0);
}
END_TEST

START_TEST(functional_shortfall_flows_into_the_plan)
{
    /* Needs not stated, but a reading shortfall at a job that adjusts materials. */
    FX_J->has_supports = true;
    offer("adjusted_materials");
    ck_assert_int_eq(jm_candidate_set_ability(FX_C, "reading", 1), JM_OK);
    ck_assert_int_eq(jm_job_set_demand(FX_J, "reading", 2), JM_OK);
    jm_factor_functional(&FX_EV);
    TU_NEAR(FX_EV.m->factors[JM_FACTOR_FUNCTIONAL].score, 0.75);
    ck_assert_uint_eq(FX_EV.n_derived, 1);
    jm_factor_support(&FX_EV);
    ck_assert(entry()->has_data);
    ck_assert_uint_eq(FX_EV.m->n_support, 1);
    check_item(0, "written_visual_instructions", "written or visual instructions", 2, false,
               JM_PROVIDER_EMPLOYER, "adjusted_materials", 0, "functional:reading");
}
END_TEST

START_TEST(derived_need_already_stated_is_planned_once)
{
    FX_J->has_supports = true;
    FX_J->coach_on_site = JM_YES;
    need("written_visual_instructions", JM_INTENSITY_LOW, 1, NULL);
    jm_eval_derive_need(&FX_EV, DIMS[0].id, "written_visual_instructions", JM_INTENSITY_HIGH);
    jm_eval_derive_need(&FX_EV, "numeracy", "travel_training", JM_INTENSITY_MEDIUM);
    jm_eval_derive_need(&FX_EV, "orienting", "travel_training", JM_INTENSITY_LOW);
    jm_factor_support(&FX_EV);
    ck_assert_uint_eq(FX_EV.m->n_support, 2);
    check_item(0, "written_visual_instructions", "written or visual instructions", 1, true,
               JM_PROVIDER_JOB_COACH, "", 2, "stated");
    check_item(1, "travel_training", "travel training", 2, false, JM_PROVIDER_JOB_COACH, "", 5,
               "functional:numeracy");
}
END_TEST

/* A stated need this job meets, and one need type it does not, derived
 * from two shortfalls, medium and high, in either order. */
static double derived_twice(bool high_first)
{
    FX_J->has_supports = true;
    FX_J->coach_on_site = JM_NO;
    need("quiet_workspace", JM_INTENSITY_MEDIUM, 0, NULL);
    offer("quiet_space");
    if (high_first)
        jm_eval_derive_need(&FX_EV, "dexterity", "adapted_equipment", JM_INTENSITY_HIGH);
    jm_eval_derive_need(&FX_EV, "lifting", "adapted_equipment", JM_INTENSITY_MEDIUM);
    if (!high_first)
        jm_eval_derive_need(&FX_EV, "dexterity", "adapted_equipment", JM_INTENSITY_HIGH);
    ck_assert_uint_eq(FX_EV.n_derived, 1);
    jm_factor_support(&FX_EV);
    /* one item, at the higher intensity and from the dimension that needs it */
    ck_assert_uint_eq(FX_EV.m->n_support, 2);
    check_item(1, "adapted_equipment", "adapted equipment", 3, false, JM_PROVIDER_UNMET, "", 0,
               "functional:dexterity");
    ck_assert_str_eq(entry()->detail, "1 of 2 support needs met here; 1 unmet");
    return entry()->score;
}

START_TEST(a_type_derived_twice_takes_the_higher_intensity)
{
    const double high_first = derived_twice(true);
    TU_NEAR(high_first, 2.0 / (2.0 + 3.0)); /* medium met (weight 2), high unmet (3) */
    fx_teardown();
    setup();
    ck_assert(memcmp(&high_first, &(double){ derived_twice(false) }, sizeof high_first) == 0);
}
END_TEST

START_TEST(unmet_lowers_only_through_this_job)
{
    /* The same needs score higher where the job meets them. */
    need("quiet_workspace", JM_INTENSITY_MEDIUM, 1, NULL);
    need("mentor_or_buddy", JM_INTENSITY_MEDIUM, 0, NULL);
    FX_J->has_supports = true;
    jm_factor_support(&FX_EV);
    TU_NEAR(entry()->score, 0.0);
    ck_assert_str_eq(entry()->detail, "0 of 2 support needs met here; 2 unmet");

    fx_new_match();
    offer("quiet_space");
    jm_factor_support(&FX_EV);
    TU_NEAR(entry()->score, 4.0 / 6.0);
    ck_assert_uint_eq(FX_EV.m->n_notes, 0);
}
END_TEST

/* The built-in default vocabulary, as shipped (the plain shared fixture). */
START_TEST(default_vocabulary)
{
    FX_J->has_supports = true;
    FX_J->coach_on_site = JM_NO;
    offer("physical_accessibility");
    need("physical_access", JM_INTENSITY_HIGH, 1, NULL);
    need("benefits_counselling", JM_INTENSITY_MEDIUM, 0, NULL);
    need("on_site_job_coaching", JM_INTENSITY_LOW, 0, NULL); /* coach not allowed: unmet */
    jm_factor_support(&FX_EV);
    ck_assert_uint_eq(FX_EV.m->n_support, 3);
    ck_assert_int_eq(FX_EV.m->support[0].provider, JM_PROVIDER_EMPLOYER);
    ck_assert_str_eq(FX_EV.m->support[0].offer, "physical_accessibility");
    ck_assert_int_eq(FX_EV.m->support[1].provider, JM_PROVIDER_AGENCY);
    TU_NEAR(FX_EV.m->support[1].coach_hours, FX_P->th.coach_hours[JM_INTENSITY_MEDIUM]);
    ck_assert_int_eq(FX_EV.m->support[2].provider, JM_PROVIDER_UNMET);
    const jm_thresholds *th = &FX_P->th;
    double w0 = th->need_weight[3] * th->essential_multiplier, w1 = th->need_weight[2],
           w2 = th->need_weight[1];
    TU_NEAR(FX_EV.m->factors[JM_FACTOR_SUPPORT].score, (w0 + w1) / (w0 + w1 + w2));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_support");
    TCase *t = fx_tcase(s, "support", setup, fx_teardown);
    tcase_add_test(t, nodata_when_needs_not_recorded);
    tcase_add_test(t, no_needs_is_data);
    tcase_add_test(t, plan_with_every_provider);
    tcase_add_test(t, met_by_order_is_preference);
    tcase_add_test(t, funded_and_agency_fallbacks);
    tcase_add_test(t, physical_access_by_accessible_worksite);
    tcase_add_test(t, unknown_supports_are_to_negotiate);
    tcase_add_test(t, all_to_negotiate_is_nodata);
    tcase_add_test(t, derived_needs_are_planned);
    tcase_add_test(t, functional_shortfall_flows_into_the_plan);
    tcase_add_test(t, derived_need_already_stated_is_planned_once);
    tcase_add_test(t, a_type_derived_twice_takes_the_higher_intensity);
    tcase_add_test(t, unmet_lowers_only_through_this_job);
    TCase *d = fx_tcase(s, "default_vocabulary", fx_setup, fx_teardown);
    tcase_add_test(d, default_vocabulary);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
