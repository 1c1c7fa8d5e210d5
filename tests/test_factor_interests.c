/* The interests factor: Pearson correlation, hexagon fallback, missing data. */
#include <string.h>

#include "factor_fixture.h"

static const jm_factor_entry *run(void)
{
    const jm_factor_entry *e = fx_run(JM_FACTOR_INTERESTS);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0); /* never a hard factor */
    return e;
}

static void scores(jm_interests *in, double r, double i, double a, double s, double e, double c)
{
    const double v[JM_RIASEC_COUNT] = {r, i, a, s, e, c};
    memcpy(in->scores, v, sizeof v);
    in->has_scores = true;
}

static void code(jm_interests *in, const char *letters)
{
    strncpy(in->code, letters, sizeof in->code - 1);
    in->code[sizeof in->code - 1] = '\0';
}

START_TEST(correlation)
{
    const double a[6] = {1, 2, 3, 4, 5, 6};
    const double b[6] = {2, 1, 4, 3, 6, 5};
    const double lin[6] = {3, 5, 7, 9, 11, 13};
    const double rev[6] = {6, 5, 4, 3, 2, 1};
    const double flat[6] = {4, 4, 4, 4, 4, 4};
    const double part[6] = {4, 4, NAN, 4, 4, 4};
    TU_NEAR(jm_riasec_correlation(a, b), 14.5 / 17.5);
    TU_NEAR(jm_riasec_correlation(a, a), 1.0);
    TU_NEAR(jm_riasec_correlation(a, lin), 1.0);
    TU_NEAR(jm_riasec_correlation(a, rev), -1.0);
    ck_assert(isnan(jm_riasec_correlation(a, flat)));
    ck_assert(isnan(jm_riasec_correlation(flat, a)));
    ck_assert(isnan(jm_riasec_correlation(a, part)));
}
END_TEST

START_TEST(hexagon)
{
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', 'R'), 0);
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', 'I'), 1);
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', 'A'), 2);
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', 'S'), 3);
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', 'E'), 2);
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', 'C'), 1);
    ck_assert_int_eq(jm_riasec_hexagon_distance('C', 'R'), 1);
    ck_assert_int_eq(jm_riasec_hexagon_distance('I', 'E'), 3);
    ck_assert_int_eq(jm_riasec_hexagon_distance('s', 'c'), 2);
    ck_assert_int_eq(jm_riasec_hexagon_distance('X', 'R'), -1);
    ck_assert_int_eq(jm_riasec_hexagon_distance('R', '\0'), -1);
}
END_TEST

START_TEST(profiles_correlate)
{
    scores(&FX_C->interests, 5.0, 2.0, 1.5, 4.0, 1.5, 4.5);
    scores(&FX_J->interests, 5.5, 2.0, 1.0, 2.5, 1.5, 4.5);
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR_EPS(e->score, 0.9611666939251466, 1e-12);
    ck_assert_str_eq(e->detail, "interest profiles correlate (r = 0.92)");
    /* opposite profiles score 0 */
    scores(&FX_J->interests, 2.0, 5.0, 5.5, 3.0, 5.5, 2.5);
    e = run();
    TU_NEAR(e->score, 0.0);
}
END_TEST

START_TEST(codes_on_the_hexagon)
{
    code(&FX_C->interests, "SEC");
    code(&FX_J->interests, "RCI");
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.0);
    ck_assert_str_eq(e->detail, "person's leading interest S (social), job's R (realistic): 3 "
                                "steps apart on the RIASEC hexagon");
    code(&FX_J->interests, "E");
    e = run();
    TU_NEAR(e->score, 2.0 / 3.0);
    ck_assert_str_eq(e->detail, "person's leading interest S (social), job's E (enterprising): 1 "
                                "step apart on the RIASEC hexagon");
    code(&FX_J->interests, "SA");
    e = run();
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "same leading interest: S (social)");
}
END_TEST

START_TEST(scores_against_a_code)
{
    /* the person's highest score is R; the job's code is C */
    scores(&FX_C->interests, 5.0, 2.0, 1.5, 4.0, 1.5, 4.5);
    code(&FX_J->interests, "C");
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 2.0 / 3.0);
    ck_assert_str_eq(e->detail, "person's leading interest R (realistic), job's C "
                                "(conventional): 1 step apart on the RIASEC hexagon");
    /* a stated code wins over the scores' highest */
    code(&FX_C->interests, "S");
    e = run();
    TU_NEAR(e->score, 1.0 / 3.0); /* S to C: 2 steps */
}
END_TEST

START_TEST(flat_profile_falls_back)
{
    scores(&FX_C->interests, 4, 4, 4, 4, 4, 4);
    scores(&FX_J->interests, 5.5, 2.0, 1.0, 2.5, 1.5, 4.5);
    const jm_factor_entry *e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no interest code can be told on the person's side");
    code(&FX_C->interests, "A");
    e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0 / 3.0); /* A to R: 2 steps */
}
END_TEST

START_TEST(tie_takes_riasec_order)
{
    scores(&FX_C->interests, 3, 6, 2, 6, 1, 1); /* I and S tie: I */
    code(&FX_J->interests, "I");
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 1.0);
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = run();
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "neither the person's interests nor the job's are known");
    code(&FX_C->interests, "S");
    e = run();
    ck_assert_str_eq(e->detail, "the job's interest profile is unknown");
    FX_C->interests.code[0] = '\0';
    scores(&FX_J->interests, 5.5, 2.0, 1.0, 2.5, 1.5, 4.5);
    e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person's interests are unknown");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_interests");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, correlation);
    tcase_add_test(t, hexagon);
    t = fx_tcase(s, "factor", fx_setup, fx_teardown);
    tcase_add_test(t, profiles_correlate);
    tcase_add_test(t, codes_on_the_hexagon);
    tcase_add_test(t, scores_against_a_code);
    tcase_add_test(t, flat_profile_falls_back);
    tcase_add_test(t, tie_takes_riasec_order);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
