/* The hours factor: the score curve, expected hours, firm limits, missing data. */
#include <string.h>

#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.hours_inside_min = 0.8;
    FX_P->th.hours_falloff = 10.0;
}

static void person(double min, double ideal, double max, bool firm)
{
    FX_C->hours_min = min;
    FX_C->hours_ideal = ideal;
    FX_C->hours_max = max;
    FX_C->hours_firm = firm;
}

static void job(double min, double max)
{
    FX_J->hours_min = min;
    FX_J->hours_max = max;
}

START_TEST(score_curve)
{
    /* person 12 / 16 / 20, 0.8 at the edges, 0 ten hours beyond */
    TU_NEAR(jm_hours_score_at(16, 12, 16, 20, 0.8, 10), 1.0);
    TU_NEAR(jm_hours_score_at(14, 12, 16, 20, 0.8, 10), 0.9);
    TU_NEAR(jm_hours_score_at(18, 12, 16, 20, 0.8, 10), 0.9);
    TU_NEAR(jm_hours_score_at(12, 12, 16, 20, 0.8, 10), 0.8);
    TU_NEAR(jm_hours_score_at(20, 12, 16, 20, 0.8, 10), 0.8);
    TU_NEAR(jm_hours_score_at(22, 12, 16, 20, 0.8, 10), 0.64);
    TU_NEAR(jm_hours_score_at(7, 12, 16, 20, 0.8, 10), 0.4);
    TU_NEAR(jm_hours_score_at(30, 12, 16, 20, 0.8, 10), 0.0);
    TU_NEAR(jm_hours_score_at(35, 12, 16, 20, 0.8, 10), 0.0);
    TU_NEAR(jm_hours_score_at(0, 12, 16, 20, 0.8, 10), 0.0);
    /* asymmetric range: the slope differs on each side of the ideal */
    TU_NEAR(jm_hours_score_at(30, 10, 20, 40, 0.8, 10), 0.9);
    TU_NEAR(jm_hours_score_at(15, 10, 20, 40, 0.8, 10), 0.9);
    /* ideal at an edge: no division by zero */
    TU_NEAR(jm_hours_score_at(16, 16, 16, 20, 0.8, 10), 1.0);
    TU_NEAR(jm_hours_score_at(15, 16, 16, 20, 0.8, 10), 0.72);
    TU_NEAR(jm_hours_score_at(20, 20, 20, 20, 0.8, 10), 1.0);
    /* no falloff: 0 right outside the range */
    TU_NEAR(jm_hours_score_at(20.5, 12, 16, 20, 0.8, 0), 0.0);
    TU_NEAR(jm_hours_score_at(20, 12, 16, 20, 0.8, 0), 0.8);
    ck_assert(isnan(jm_hours_score_at(NAN, 12, 16, 20, 0.8, 10)));
    ck_assert(isnan(jm_hours_score_at(16, 12, NAN, 20, 0.8, 10)));
}
END_TEST

START_TEST(expected_hours)
{
    ck_assert(isnan(jm_hours_expected(FX_C, FX_J)));
    person(12, 16, 20, false);
    ck_assert(isnan(jm_hours_expected(FX_C, FX_J)));
    job(20, 30);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 20);
    job(10, 14);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 14);
    job(10, 40);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 16);
    /* a job bound left out equals the other: a job of 30 hours */
    job(30, NAN);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 30);
    job(NAN, 14);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 14);
    /* missing ideal: the midpoint; with an open maximum, the minimum */
    person(10, NAN, 30, false);
    job(0, 40);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 20);
    person(NAN, NAN, 25, false); /* min 0 */
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 12.5);
    person(0, NAN, 25, false);   /* as the JSON reader stores {"max": 25} */
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 12.5);
    person(35, NAN, NAN, false);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 35);
    person(35, NAN, 168, false); /* as the JSON reader stores {"min": 35} */
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 35);
    /* no preference at all */
    person(NAN, NAN, NAN, false);
    ck_assert(isnan(jm_hours_expected(FX_C, FX_J)));
    person(0, NAN, 168, false);
    ck_assert(isnan(jm_hours_expected(FX_C, FX_J)));
    /* an ideal alone is a preference */
    person(NAN, 20, NAN, false);
    TU_NEAR(jm_hours_expected(FX_C, FX_J), 20);
}
END_TEST

START_TEST(inside_the_job_range)
{
    person(12, 16, 20, false);
    job(16, 22.5);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "job offers 16-22.5 h/week; person prefers 16 (12-20)");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(beyond_the_range_not_firm)
{
    person(12, 16, 20, false);
    job(22, 30);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 0.64);
    ck_assert_str_eq(e->detail,
                     "job offers 22-30 h/week; person prefers 16 (12-20); about 22 h/week here");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert(!e->excluded);
}
END_TEST

START_TEST(firm_maximum_excludes)
{
    person(12, 16, 20, true);
    job(30, 35);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.0);
    ck_assert(e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "hours", "job needs at least 30 h/week; firm maximum 20",
                       "feasible if the employer agrees to 20 h/week or fewer "
                       "(job carving / reduced hours)");
    ck_assert(strstr(e->detail, "(12-20, firm)") != NULL);
}
END_TEST

START_TEST(firm_minimum_excludes)
{
    person(16, 20, 24, true);
    job(8, 10);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 0.8 * (1 - 6.0 / 10.0));
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, NULL, "job offers at most 10 h/week; firm minimum 16",
                       "feasible if the employer can offer 16 h/week or more "
                       "(extra hours or shifts)");
}
END_TEST

START_TEST(firm_edges_are_inside)
{
    /* the job's minimum equal to the firm maximum is feasible */
    person(12, 16, 20, true);
    job(20, 25);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 0.8);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(unstated_job_bound_never_excludes)
{
    /* firm max 20, the job states only a maximum of 25: scored as 25 hours,
     * but only a stated minimum can exclude */
    person(12, 16, 20, true);
    job(NAN, 25);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 0.4);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    ck_assert_str_eq(e->detail,
                     "job offers 25 h/week; person prefers 16 (12-20, firm); about 25 h/week here");
}
END_TEST

START_TEST(partial_person)
{
    /* only a maximum (min 0): ideal = the midpoint 10 */
    person(0, NAN, 20, false);
    job(12, 15);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 1.0 - 0.2 * 2.0 / 10.0);
    ck_assert_str_eq(e->detail,
                     "job offers 12-15 h/week; person prefers at most 20; about 12 h/week here");
    /* only a minimum (max open): ideal = the minimum, more hours stay inside */
    person(30, NAN, 168, false);
    job(37.5, 37.5);
    e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 1.0 - 0.2 * 7.5 / 138.0);
    ck_assert_str_eq(e->detail,
                     "job offers 37.5 h/week; person prefers at least 30; about 37.5 h/week here");
    /* an ideal alone */
    person(NAN, 20, NAN, false);
    e = fx_run(JM_FACTOR_HOURS);
    ck_assert_str_eq(e->detail, "job offers 37.5 h/week; person prefers 20; about 37.5 h/week here");
}
END_TEST

START_TEST(one_sided_job)
{
    person(12, 16, 20, false);
    job(30, NAN);
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    TU_NEAR(e->score, 0.0);
    ck_assert_str_eq(e->detail, "job offers 30 h/week; person prefers 16 (12-20); about 30 h/week here");
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = fx_run(JM_FACTOR_HOURS);
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "neither the person's hours nor the job's are known");

    person(12, 16, 20, true);
    e = fx_run(JM_FACTOR_HOURS);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the job's hours are unknown");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);

    person(NAN, NAN, NAN, false);
    job(10, 20);
    e = fx_run(JM_FACTOR_HOURS);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person stated no hours preference");
    person(0, NAN, 168, true); /* open on both sides: no preference */
    e = fx_run(JM_FACTOR_HOURS);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person stated no hours preference");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_hours");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, score_curve);
    t = fx_tcase(s, "factor", setup, fx_teardown);
    tcase_add_test(t, expected_hours);
    tcase_add_test(t, inside_the_job_range);
    tcase_add_test(t, beyond_the_range_not_firm);
    tcase_add_test(t, firm_maximum_excludes);
    tcase_add_test(t, firm_minimum_excludes);
    tcase_add_test(t, firm_edges_are_inside);
    tcase_add_test(t, unstated_job_bound_never_excludes);
    tcase_add_test(t, partial_person);
    tcase_add_test(t, one_sided_job);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
