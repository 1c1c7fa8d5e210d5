/* The wage factor: the floor, the falloff below it, a firm floor. */
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
    P->th.wage_falloff = 0.25;
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
    jm_factor_wage(&EV);
    ck_assert_int_eq(EV.error, 0);
    const jm_factor_entry *e = &EV.m->factors[JM_FACTOR_WAGE];
    ck_assert(e->reported);
    return e;
}

START_TEST(wage_formula)
{
    TU_NEAR(jm_wage_score(12, 10, 0.25), 1.0);
    TU_NEAR(jm_wage_score(10, 10, 0.25), 1.0);
    TU_NEAR(jm_wage_score(9, 10, 0.25), 0.6);   /* 0 at 7.5 */
    TU_NEAR(jm_wage_score(8.75, 10, 0.25), 0.5);
    TU_NEAR(jm_wage_score(7.5, 10, 0.25), 0.0);
    TU_NEAR(jm_wage_score(5, 10, 0.25), 0.0);
    TU_NEAR(jm_wage_score(9.99, 10, 0.0), 0.0); /* no falloff: a step */
    TU_NEAR(jm_wage_score(0, 10, 1.0), 0.0);
    TU_NEAR(jm_wage_score(5, 10, 1.0), 0.5);
    TU_NEAR(jm_wage_score(0, 0, 0.25), 1.0);
    ck_assert(isnan(jm_wage_score(NAN, 10, 0.25)));
    ck_assert(isnan(jm_wage_score(10, NAN, 0.25)));
}
END_TEST

START_TEST(above_floor)
{
    C->wage_floor = 11.44;
    J->wage = 12.1;
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "job pays 12.1 per hour; the person's floor is 11.44");
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(below_soft_floor)
{
    C->wage_floor = 12;
    J->wage = 10.5;
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 1.5 / 3.0);
    ck_assert(!e->excluded);
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(below_firm_floor_excludes)
{
    C->wage_floor = 12;
    C->wage_firm = true;
    J->wage = 10.5;
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 0.5);
    ck_assert_str_eq(e->detail, "job pays 10.5 per hour; the person's firm floor is 12");
    ck_assert(e->excluded);
    ck_assert_uint_eq(EV.m->n_exclusions, 1);
    ck_assert_str_eq(EV.m->exclusions[0].factor, "wage");
    ck_assert_str_eq(EV.m->exclusions[0].reason,
                     "job pays 10.5 per hour, below the person's firm floor of 12");
    ck_assert_str_eq(EV.m->exclusions[0].lift, "feasible if the wage reaches 12 per hour");
}
END_TEST

START_TEST(firm_floor_met)
{
    C->wage_floor = 12;
    C->wage_firm = true;
    J->wage = 12;
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 1.0);
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = run();
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "neither the person's wage floor nor the job's wage is known");
    C->wage_floor = 12;
    C->wage_firm = true;
    e = run();
    ck_assert_str_eq(e->detail, "the job's wage is unknown");
    ck_assert_uint_eq(EV.m->n_exclusions, 0); /* unknown never excludes */
    C->wage_floor = NAN;
    J->wage = 9;
    e = run();
    ck_assert_str_eq(e->detail, "the person gave no wage floor");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_wage");
    TCase *t = tcase_create("formula");
    tcase_add_test(t, wage_formula);
    suite_add_tcase(s, t);
    t = tcase_create("factor");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, above_floor);
    tcase_add_test(t, below_soft_floor);
    tcase_add_test(t, below_firm_floor_excludes);
    tcase_add_test(t, firm_floor_met);
    tcase_add_test(t, nodata);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
