/* The benefits factor: limit scores, hours and earnings, goal, firm limits. */
#include <string.h>

#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.benefits_falloff = 0.5;
}

static const jm_factor_entry *entry(void)
{
    return fx_entry(JM_FACTOR_BENEFITS);
}

/* Candidate hours with an ideal; job hours range; wage. */
static void pair(double ideal, double jmin, double jmax, double wage)
{
    FX_C->hours_min = ideal;
    FX_C->hours_ideal = ideal;
    FX_C->hours_max = ideal;
    FX_J->hours_min = jmin;
    FX_J->hours_max = jmax;
    FX_J->wage = wage;
}

static void benefits(double max_hours, double max_earn, int period, int goal, bool firm)
{
    FX_C->benefits.set = true;
    FX_C->benefits.max_hours = max_hours;
    FX_C->benefits.max_earnings = max_earn;
    FX_C->benefits.period = period;
    FX_C->benefits.goal = goal;
    FX_C->benefits.firm = firm;
}

static bool has_note(const char *needle)
{
    for (size_t i = 0; i < FX_EV.m->n_notes; i++)
        if (strstr(FX_EV.m->notes[i], needle))
            return true;
    return false;
}

START_TEST(limit_score_formula)
{
    TU_NEAR(jm_benefits_limit_score(10, 16, 0.5), 1.0);
    TU_NEAR(jm_benefits_limit_score(16, 16, 0.5), 1.0);
    TU_NEAR(jm_benefits_limit_score(20, 16, 0.5), 0.5);   /* 0 at 24 */
    TU_NEAR(jm_benefits_limit_score(22.5, 16, 0.5), 0.1875);
    TU_NEAR(jm_benefits_limit_score(24, 16, 0.5), 0.0);
    TU_NEAR(jm_benefits_limit_score(40, 16, 0.5), 0.0);
    TU_NEAR(jm_benefits_limit_score(200, 183, 0.25), 1.0 - 17.0 / 45.75);
    /* no limit, no falloff, a zero limit */
    TU_NEAR(jm_benefits_limit_score(100, NAN, 0.5), 1.0);
    TU_NEAR(jm_benefits_limit_score(16.01, 16, 0.0), 0.0);
    TU_NEAR(jm_benefits_limit_score(0, 0, 0.5), 1.0);
    TU_NEAR(jm_benefits_limit_score(1, 0, 0.5), 0.0);
}
END_TEST

START_TEST(nodata_without_constraint)
{
    pair(20, 16, 22.5, 12.10);
    jm_factor_benefits(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "no benefits constraint stated");
    ck_assert_uint_eq(FX_EV.m->n_notes, 0);
}
END_TEST

START_TEST(nodata_without_hours_and_wage)
{
    benefits(16, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "the job's hours and wage are unknown");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(nodata_earnings_limit_without_wage)
{
    pair(20, 16, 22.5, NAN);
    benefits(NAN, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    ck_assert(!entry()->has_data);
    ck_assert_str_eq(entry()->detail, "the job's wage is unknown");
}
END_TEST

START_TEST(nodata_without_limits)
{
    pair(20, 16, 22.5, 12);
    benefits(NAN, NAN, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    ck_assert(!entry()->has_data);
}
END_TEST

START_TEST(within_limits)
{
    pair(12, 10, 20, 12.10);
    benefits(16, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_str_eq(entry()->detail, "about 12 h/week, within the limit of 16 h/week; earnings "
                                      "about 145.2 per week, within the limit of 183");
    ck_assert_uint_eq(FX_EV.m->n_notes, 0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(hours_over_firm_limit_excludes)
{
    /* ideal 25 clamped to the job's 16..22.5 -> 22.5 h/week */
    FX_C->hours_min = 20;
    FX_C->hours_ideal = 25;
    FX_C->hours_max = 30;
    FX_J->hours_min = 16;
    FX_J->hours_max = 22.5;
    benefits(16, NAN, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, 0.1875);
    ck_assert(entry()->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "benefits", "about 22.5 h/week, over the benefit limit of 16",
                       "feasible at 16 h/week or fewer, or after benefits counselling");
    ck_assert(has_note("refer to benefits counselling"));
}
END_TEST

START_TEST(hours_over_soft_limit_notes_only)
{
    pair(20, 16, 22.5, NAN);
    benefits(16, NAN, JM_PERIOD_WEEK, JM_GOAL_UNDECIDED, false);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, 0.5);
    ck_assert(!entry()->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_uint_eq(FX_EV.m->n_notes, 1);
    ck_assert_str_eq(FX_EV.m->notes[0], "hours over the benefit limit: refer to benefits counselling");
}
END_TEST

START_TEST(weekly_earnings)
{
    /* 20 h x 12.10 = 242 per week against 183: 0 at 274.5 */
    pair(20, 16, 22.5, 12.10);
    benefits(NAN, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, false);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, (274.5 - 242.0) / 91.5);
    ck_assert_str_eq(entry()->detail, "earnings about 242 per week, over the limit of 183");
    ck_assert(has_note("refer to benefits counselling"));
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(firm_earnings_lift_names_the_hours)
{
    pair(20, 16, 22.5, 12.10);
    benefits(NAN, 183, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    /* the lift: 183 / 12.10 = 15.1239... rounded down */
    fx_check_exclusion(0, NULL, "earnings about 242 per week, over the benefit limit of 183",
                       "feasible at 15.12 h/week or fewer at this wage, "
                       "or after benefits counselling");
}
END_TEST

START_TEST(monthly_earnings)
{
    /* 16 h x 10 = 160 per week = 693.33 per month */
    pair(16, 10, 20, 10);
    benefits(NAN, 700, JM_PERIOD_MONTH, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    fx_new_match();

    FX_C->benefits.max_earnings = 600; /* 0 at 900 */
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, (900.0 - 160.0 * 52.0 / 12.0) / 300.0);
    ck_assert_str_eq(entry()->detail, "earnings about 693.33 per month, over the limit of 600");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
}
END_TEST

START_TEST(score_is_the_lower_of_both)
{
    /* hours 20 vs 16: 0.5; earnings 200 vs 150: (225 - 200) / 75 */
    pair(20, 16, 22.5, 10);
    benefits(16, 150, JM_PERIOD_WEEK, JM_GOAL_STAY, true);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, 1.0 / 3.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 2);
    ck_assert_uint_eq(FX_EV.m->n_notes, 1);
    ck_assert_str_eq(FX_EV.m->notes[0],
                     "hours and earnings over the benefit limits: refer to benefits counselling");
}
END_TEST

START_TEST(goal_exit_scores_one)
{
    pair(20, 16, 22.5, 12.10);
    benefits(16, 183, JM_PERIOD_WEEK, JM_GOAL_EXIT, true);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_uint_eq(FX_EV.m->n_notes, 1);
    ck_assert_str_eq(FX_EV.m->notes[0],
                     "above the benefit limits: refer to benefits counselling before accepting");
}
END_TEST

START_TEST(goal_exit_within_limits_no_note)
{
    pair(10, 8, 12, 10);
    benefits(16, 183, JM_PERIOD_WEEK, JM_GOAL_EXIT, false);
    jm_factor_benefits(&FX_EV);
    TU_NEAR(entry()->score, 1.0);
    ck_assert_uint_eq(FX_EV.m->n_notes, 0);
}
END_TEST

START_TEST(job_minimum_when_person_has_no_hours)
{
    /* No hours preference: the job's minimum (18) is what would be worked. */
    FX_J->hours_min = 18;
    FX_J->hours_max = 30;
    benefits(16, NAN, JM_PERIOD_WEEK, JM_GOAL_STAY, false);
    jm_factor_benefits(&FX_EV);
    ck_assert(entry()->has_data);
    TU_NEAR(entry()->score, 0.75); /* 0 at 24 */
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_benefits");
    TCase *t = fx_tcase(s, "benefits", setup, fx_teardown);
    tcase_add_test(t, limit_score_formula);
    tcase_add_test(t, nodata_without_constraint);
    tcase_add_test(t, nodata_without_hours_and_wage);
    tcase_add_test(t, nodata_earnings_limit_without_wage);
    tcase_add_test(t, nodata_without_limits);
    tcase_add_test(t, within_limits);
    tcase_add_test(t, hours_over_firm_limit_excludes);
    tcase_add_test(t, hours_over_soft_limit_notes_only);
    tcase_add_test(t, weekly_earnings);
    tcase_add_test(t, firm_earnings_lift_names_the_hours);
    tcase_add_test(t, monthly_earnings);
    tcase_add_test(t, score_is_the_lower_of_both);
    tcase_add_test(t, goal_exit_scores_one);
    tcase_add_test(t, goal_exit_within_limits_no_note);
    tcase_add_test(t, job_minimum_when_person_has_no_hours);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
