/* The skills factor: credits, coverage, the training plan, place-then-train. */
#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.essential_share = 0.8;
    FX_P->th.trainable_credit = 0.5;
    FX_P->th.training_hours_per_level = 10;
    FX_P->th.training_hours_min = 8;
}

static const jm_factor_entry *entry(void)
{
    return fx_entry(JM_FACTOR_SKILLS);
}

static void job_skill(const char *id, double level, int essential, int trainable)
{
    ck_assert_int_eq(jm_job_add_skill(FX_J, id, NULL, level, essential, trainable), JM_OK);
}

static void cand_skill(const char *id, double level)
{
    ck_assert_int_eq(jm_candidate_add_skill(FX_C, id, NULL, level), JM_OK);
}

START_TEST(credit_formula)
{
    /* missing */
    TU_NEAR(jm_skill_credit(false, NAN, 3, true, 0.5), 0.5);
    TU_NEAR(jm_skill_credit(false, NAN, 3, false, 0.5), 0.0);
    TU_NEAR(jm_skill_credit(false, NAN, NAN, true, 0.4), 0.4);
    /* at or above the level, or a level unstated */
    TU_NEAR(jm_skill_credit(true, 3, 3, false, 0.5), 1.0);
    TU_NEAR(jm_skill_credit(true, 5, 3, false, 0.5), 1.0);
    TU_NEAR(jm_skill_credit(true, NAN, 4, false, 0.5), 1.0);
    TU_NEAR(jm_skill_credit(true, 2, NAN, false, 0.5), 1.0);
    /* below the level: the ratio, floored at the trainable credit when trainable */
    TU_NEAR(jm_skill_credit(true, 2, 4, false, 0.5), 0.5);
    TU_NEAR(jm_skill_credit(true, 3, 4, true, 0.5), 0.75);
    TU_NEAR(jm_skill_credit(true, 1, 4, true, 0.5), 0.5);
    TU_NEAR(jm_skill_credit(true, 1, 4, false, 0.5), 0.25);
    TU_NEAR(jm_skill_credit(true, 0, 4, false, 0.5), 0.0);
}
END_TEST

START_TEST(nodata_when_job_lists_none)
{
    cand_skill("cooking", 3);
    jm_factor_skills(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "the job lists no skills");
    ck_assert_uint_eq(FX_EV.m->n_skills, 0);
}
END_TEST

START_TEST(mixed_coverage)
{
    job_skill("e1", 3, 1, JM_YES);
    job_skill("e2", 4, 1, JM_NO);
    job_skill("e3", NAN, 1, JM_UNKNOWN);
    job_skill("o1", 2, 0, JM_YES);
    job_skill("o2", NAN, 0, JM_NO);
    cand_skill("e1", 3);   /* matched: 1 */
    cand_skill("e2", 2);   /* below, not trainable: 0.5 */
    cand_skill("o2", NAN); /* level unstated: 1 */
    cand_skill("x", 7);    /* not asked for */
    /* e3 missing, trainable (unknown counts as trainable): 0.5; o1 missing: 0.5 */
    jm_factor_skills(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, 0.8 * (2.0 / 3.0) + 0.2 * 0.75);
    ck_assert_str_eq(entry()->detail, "1 of 3 essential skills, 1 of 2 optional; "
                                      "2 trainable on the job; 1 not trainable here");

    ck_assert_uint_eq(FX_EV.m->n_skills, 5);
    const jm_skill_entry *s = FX_EV.m->skills;
    ck_assert_str_eq(s[0].id, "e1");
    ck_assert(s[0].matched);
    TU_NEAR(s[0].credit, 1.0);
    ck_assert(!s[1].matched);
    TU_NEAR(s[1].candidate_level, 2.0);
    TU_NEAR(s[1].credit, 0.5);
    ck_assert(!s[2].matched);
    ck_assert(isnan(s[2].candidate_level));
    TU_NEAR(s[2].credit, 0.5);
    ck_assert(!s[3].matched);
    ck_assert(s[4].matched);

    /* training: e3 (missing, no level: 2 levels) and o1 (missing, level 2) */
    ck_assert_uint_eq(FX_EV.m->n_training, 2);
    const jm_training_entry *t = FX_EV.m->training;
    ck_assert_int_eq(t[0].kind, JM_TRAINING_SKILL);
    ck_assert_str_eq(t[0].id, "e3");
    ck_assert(t[0].essential);
    TU_NEAR(t[0].gap_levels, 2.0);
    TU_NEAR(t[0].effort_hours, 20.0);
    ck_assert_str_eq(t[0].by, "job coach");
    ck_assert_str_eq(t[1].id, "o1");
    ck_assert(!t[1].essential);
    TU_NEAR(t[1].gap_levels, 2.0);

    /* place, then train: never an exclusion */
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert(!entry()->excluded);
}
END_TEST

START_TEST(training_gap_and_effort)
{
    FX_J->training_weeks = 4;
    job_skill("a", 4, 1, JM_YES);   /* has 1: gap 3, 30 h */
    job_skill("b", 3.5, 1, JM_YES); /* has 3: gap 0.5, 5 h -> minimum 8 */
    job_skill("c", 5, 0, JM_YES);   /* missing: gap 5, 50 h */
    cand_skill("a", 1);
    cand_skill("b", 3);
    jm_factor_skills(&FX_EV);
    ck_assert_uint_eq(FX_EV.m->n_training, 3);
    const jm_training_entry *t = FX_EV.m->training;
    TU_NEAR(t[0].gap_levels, 3.0);
    TU_NEAR(t[0].effort_hours, 30.0);
    ck_assert_str_eq(t[0].by, "employer training");
    TU_NEAR(t[1].gap_levels, 0.5);
    TU_NEAR(t[1].effort_hours, 8.0);
    TU_NEAR(t[2].gap_levels, 5.0);
    TU_NEAR(t[2].effort_hours, 50.0);
    /* E = (max(0.25, 0.5) + max(3/3.5, 0.5)) / 2, O = 0.5 */
    TU_NEAR(entry()->score, 0.8 * (0.5 + 3.0 / 3.5) / 2.0 + 0.2 * 0.5);
    ck_assert_str_eq(entry()->detail,
                     "0 of 2 essential skills, 0 of 1 optional; 3 trainable on the job");
}
END_TEST

START_TEST(essential_only_and_optional_only)
{
    job_skill("a", 2, 1, JM_NO);
    job_skill("b", 2, 1, JM_YES);
    cand_skill("a", 2);
    jm_factor_skills(&FX_EV);
    TU_NEAR(entry()->score, 0.75);
    ck_assert_str_eq(entry()->detail, "1 of 2 essential skills; 1 trainable on the job");

    jm_job_free(FX_J);
    FX_J = jm_job_alloc("j1");
    FX_EV.j = FX_J;
    fx_new_match();
    job_skill("a", 2, 0, JM_NO);
    job_skill("z", 2, 0, JM_NO);
    jm_factor_skills(&FX_EV);
    TU_NEAR(entry()->score, 0.5);
    ck_assert_str_eq(entry()->detail, "1 of 2 optional skills; 1 not trainable here");
    ck_assert_uint_eq(FX_EV.m->n_training, 0);
}
END_TEST

START_TEST(candidate_without_skills)
{
    /* Read as holding none: trainable skills keep their credit. */
    job_skill("a", 3, 1, JM_YES);
    job_skill("b", NAN, 1, JM_UNKNOWN);
    jm_factor_skills(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, 0.5);
    ck_assert_uint_eq(FX_EV.m->n_training, 2);
    TU_NEAR(FX_EV.m->training[0].gap_levels, 3.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(untrainable_missing_essential_is_not_an_exclusion)
{
    job_skill("forklift_operation", 3, 1, JM_NO);
    jm_factor_skills(&FX_EV);
    TU_NEAR(entry()->score, 0.0);
    ck_assert(!entry()->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_uint_eq(FX_EV.m->n_training, 0);
    ck_assert_uint_eq(FX_EV.m->n_skills, 1);
    ck_assert(!FX_EV.m->skills[0].matched);
}
END_TEST

/* Scores the current pair from scratch. */
static double score_now(void)
{
    fx_new_match();
    jm_factor_skills(&FX_EV);
    return entry()->score;
}

START_TEST(gaining_an_essential_skill_never_lowers_the_score)
{
    const double levels[] = { NAN, 0, 1, 2, 3, 4, 5, 7 };
    const int trainables[] = { JM_YES, JM_NO, JM_UNKNOWN };
    const double credits[] = { 0.0, 0.3, 0.5, 1.0 };
    size_t checked = 0;
    for (size_t tc = 0; tc < 4; tc++) {
        FX_P->th.trainable_credit = credits[tc];
        for (size_t rl = 0; rl < 8; rl++)
            for (size_t tr = 0; tr < 3; tr++)
                for (size_t cl = 0; cl < 8; cl++) {
                    jm_job_free(FX_J);
                    jm_candidate_free(FX_C);
                    FX_J = jm_job_alloc("j1");
                    FX_C = jm_candidate_alloc("c1");
                    FX_EV.j = FX_J;
                    FX_EV.c = FX_C;
                    job_skill("target", levels[rl], 1, trainables[tr]);
                    job_skill("other", 3, 1, JM_YES);
                    job_skill("opt", 2, 0, JM_NO);
                    cand_skill("other", 2);
                    double before = score_now();
                    cand_skill("target", levels[cl]);
                    double after = score_now();
                    ck_assert_msg(after >= before - 1e-12,
                                  "required %g trainable %d gained at %g: %g -> %g", levels[rl],
                                  trainables[tr], levels[cl], before, after);
                    checked++;
                }
    }
    ck_assert_uint_eq(checked, 4 * 8 * 3 * 8);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_skills");
    TCase *t = fx_tcase(s, "skills", setup, fx_teardown);
    tcase_add_test(t, credit_formula);
    tcase_add_test(t, nodata_when_job_lists_none);
    tcase_add_test(t, mixed_coverage);
    tcase_add_test(t, training_gap_and_effort);
    tcase_add_test(t, essential_only_and_optional_only);
    tcase_add_test(t, candidate_without_skills);
    tcase_add_test(t, untrainable_missing_essential_is_not_an_exclusion);
    tcase_add_test(t, gaining_an_essential_skill_never_lowers_the_score);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
