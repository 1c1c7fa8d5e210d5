/* The environment factor: per-dimension scores, importance weights, "must" limits. */
#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.env_excess_span = 3.0;
    FX_P->th.importance_weight[0] = 0.0;
    FX_P->th.importance_weight[JM_IMPORTANCE_LOW] = 1.0;
    FX_P->th.importance_weight[JM_IMPORTANCE_MEDIUM] = 2.0;
    FX_P->th.importance_weight[JM_IMPORTANCE_HIGH] = 3.0;
    FX_P->th.importance_weight[JM_IMPORTANCE_MUST] = 3.0;
}

static void tol(int dim, double min, double max, int importance)
{
    FX_C->env[dim].min = min;
    FX_C->env[dim].max = max;
    FX_C->env[dim].importance = importance;
}

START_TEST(dimension_formula)
{
    TU_NEAR(jm_env_dimension_score(2, 0, 2, 3), 1.0);
    TU_NEAR(jm_env_dimension_score(0, 0, 2, 3), 1.0);
    TU_NEAR(jm_env_dimension_score(3, 0, 2, 3), 2.0 / 3.0);
    TU_NEAR(jm_env_dimension_score(3, 0, 1, 3), 1.0 / 3.0);
    TU_NEAR(jm_env_dimension_score(4, 0, 1, 3), 0.0);
    TU_NEAR(jm_env_dimension_score(4, 0, 0, 3), 0.0);
    TU_NEAR(jm_env_dimension_score(1, 3, 4, 3), 1.0 / 3.0);
    TU_NEAR(jm_env_dimension_score(2.5, 0, 2, 2), 0.75);
    /* missing bounds: min 0, max 4 */
    TU_NEAR(jm_env_dimension_score(4, NAN, NAN, 3), 1.0);
    TU_NEAR(jm_env_dimension_score(4, NAN, 2, 3), 1.0 / 3.0);
    TU_NEAR(jm_env_dimension_score(4, NAN, 3, 3), 2.0 / 3.0);
    TU_NEAR(jm_env_dimension_score(0, 2, NAN, 3), 1.0 / 3.0);
    /* no span: 0 as soon as outside */
    TU_NEAR(jm_env_dimension_score(2.5, 0, 2, 0), 0.0);
    TU_NEAR(jm_env_dimension_score(2, 0, 2, 0), 1.0);
    ck_assert(isnan(jm_env_dimension_score(NAN, 0, 2, 3)));
}
END_TEST

START_TEST(weighted_mean_and_must)
{
    tol(JM_ENV_NOISE, NAN, 2, JM_IMPORTANCE_HIGH);
    tol(JM_ENV_PUBLIC_CONTACT, NAN, 1, JM_IMPORTANCE_MUST);
    tol(JM_ENV_ROUTINE, 3, NAN, JM_IMPORTANCE_MEDIUM);
    FX_J->env[JM_ENV_NOISE] = 2;
    FX_J->env[JM_ENV_PUBLIC_CONTACT] = 3;
    FX_J->env[JM_ENV_ROUTINE] = 4;
    FX_J->env[JM_ENV_PACE] = 4; /* the person gave no tolerance: not rated */
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    ck_assert(e->has_data);
    /* (3 x 1 + 3 x 1/3 + 2 x 1) / 8 */
    TU_NEAR(e->score, 0.75);
    ck_assert_str_eq(e->detail, "outside tolerance on 1 of 3 rated dimensions: public contact 3 "
                                "(limit 1)");
    ck_assert(e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "environment",
                       "public contact 3 exceeds the person's limit of 1 (a must)",
                       "feasible if the job can be restructured to keep public contact at or "
                       "below 1");
}
END_TEST

START_TEST(must_minimum)
{
    tol(JM_ENV_ROUTINE, 3, NAN, JM_IMPORTANCE_MUST);
    FX_J->env[JM_ENV_ROUTINE] = 1;
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    TU_NEAR(e->score, 1.0 / 3.0);
    ck_assert_str_eq(e->detail,
                     "outside tolerance on 1 of 1 rated dimension: routine 1 (minimum 3)");
    fx_check_exclusion(0, NULL, "routine 1 is below the person's minimum of 3 (a must)",
                       "feasible if the job can be restructured to bring routine to at least 3");
}
END_TEST

START_TEST(not_must_never_excludes)
{
    tol(JM_ENV_NOISE, 0, 0, JM_IMPORTANCE_HIGH);
    FX_J->env[JM_ENV_NOISE] = 4;
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    TU_NEAR(e->score, 0.0);
    ck_assert(!e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(all_within)
{
    tol(JM_ENV_NOISE, NAN, 2, JM_IMPORTANCE_LOW);
    tol(JM_ENV_OUTDOOR, 0, 4, JM_IMPORTANCE_MUST);
    FX_J->env[JM_ENV_NOISE] = 1;
    FX_J->env[JM_ENV_OUTDOOR] = 4;
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "within the person's tolerance on all 2 rated dimensions");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(worst_listed_first)
{
    tol(JM_ENV_NOISE, NAN, 3, JM_IMPORTANCE_LOW);       /* 4: 2/3 */
    tol(JM_ENV_OUTDOOR, NAN, 0, JM_IMPORTANCE_LOW);     /* 3: 0 */
    tol(JM_ENV_TEMPERATURE, NAN, 1, JM_IMPORTANCE_LOW); /* 3: 1/3 */
    tol(JM_ENV_PACE, NAN, 2, JM_IMPORTANCE_LOW);        /* 4: 1/3 */
    tol(JM_ENV_TEAMWORK, NAN, 4, JM_IMPORTANCE_LOW);    /* 4: 1 */
    for (int d = 0; d < JM_ENV_COUNT; d++)
        FX_J->env[d] = 4;
    FX_J->env[JM_ENV_OUTDOOR] = 3;
    FX_J->env[JM_ENV_TEMPERATURE] = 3;
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    TU_NEAR(e->score, (2.0 / 3.0 + 0 + 1.0 / 3.0 + 1.0 / 3.0 + 1) / 5.0);
    ck_assert_str_eq(e->detail, "outside tolerance on 4 of 5 rated dimensions: outdoor work 3 "
                                "(limit 0), temperature 3 (limit 1), pace 4 (limit 2) and 1 more");
}
END_TEST

START_TEST(zero_weights_fall_back_to_plain_mean)
{
    for (int i = 0; i < 5; i++)
        FX_P->th.importance_weight[i] = 0.0;
    tol(JM_ENV_NOISE, NAN, 1, JM_IMPORTANCE_LOW);
    tol(JM_ENV_PACE, NAN, 4, JM_IMPORTANCE_HIGH);
    FX_J->env[JM_ENV_NOISE] = 4;
    FX_J->env[JM_ENV_PACE] = 4;
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    TU_NEAR(e->score, 0.5);
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = fx_run(JM_FACTOR_ENVIRONMENT);
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail,
                     "neither the person's tolerances nor the job's environment are known");
    FX_J->env[JM_ENV_NOISE] = 3;
    e = fx_run(JM_FACTOR_ENVIRONMENT);
    ck_assert_str_eq(e->detail, "the person gave no environment tolerances");
    tol(JM_ENV_PACE, NAN, 1, JM_IMPORTANCE_MUST);
    e = fx_run(JM_FACTOR_ENVIRONMENT);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no environment dimension is known on both sides");
    FX_J->env[JM_ENV_NOISE] = NAN;
    e = fx_run(JM_FACTOR_ENVIRONMENT);
    ck_assert_str_eq(e->detail, "the job's environment is unknown");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_environment");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, dimension_formula);
    t = fx_tcase(s, "factor", setup, fx_teardown);
    tcase_add_test(t, weighted_mean_and_must);
    tcase_add_test(t, must_minimum);
    tcase_add_test(t, not_must_never_excludes);
    tcase_add_test(t, all_within);
    tcase_add_test(t, worst_listed_first);
    tcase_add_test(t, zero_weights_fall_back_to_plain_mean);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
