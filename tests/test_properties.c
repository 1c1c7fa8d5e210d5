/* Property tests over many random candidates and jobs built through the C API. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define N_PAIRS 400

static uint64_t rng_state;
static uint64_t rnd(void)
{
    rng_state ^= rng_state << 13;
    rng_state ^= rng_state >> 7;
    rng_state ^= rng_state << 17;
    return rng_state;
}
static double unif(double lo, double hi) { return lo + (hi - lo) * (double)(rnd() % 1000001) / 1e6; }
static int irange(int lo, int hi) { return lo + (int)(rnd() % (uint64_t)(hi - lo + 1)); }
static int coin(void) { return (int)(rnd() & 1); }

static const char *const SKILLS[] = { "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8" };
static const char *const ISCO[] = { "9329", "9412", "9112", "5223", "4110", "5322" };
static const char *const NEEDS[] = { "structured_task_instruction", "flexible_schedule",
                                     "quiet_workspace", "mentor_or_buddy", "travel_training" };
static const char *const OFFERS[] = { "modified_schedule", "mentor", "equipment",
                                      "adjusted_training", "job_restructuring" };
static const char *const DIMS[] = { "lifting", "standing", "reading" };

static jm_candidate *random_candidate(int i)
{
    char id[32];
    snprintf(id, sizeof id, "c%d", i);
    jm_candidate *c;
    ck_assert_int_eq(jm_candidate_new(id, &c), JM_OK);
    if (coin()) {
        jm_occupation o = { NULL, NULL, ISCO[irange(0, 5)], NULL };
        ck_assert_int_eq(jm_candidate_add_wanted(c, &o, unif(0.3, 1)), JM_OK);
    }
    if (coin()) {
        double lo = irange(0, 20), hi = lo + irange(0, 20);
        ck_assert_int_eq(jm_candidate_set_hours(c, lo, (lo + hi) / 2, hi, coin()), JM_OK);
    }
    if (coin())
        for (int d = 0; d < 7; d++)
            if (coin())
                ck_assert_int_eq(jm_candidate_add_availability(c, d, irange(6, 12) * 60,
                                                               irange(13, 22) * 60), JM_OK);
    if (coin()) {
        ck_assert_int_eq(jm_candidate_set_location(c, unif(51.4, 51.6), unif(-0.2, 0.1)), JM_OK);
        ck_assert_int_eq(jm_candidate_add_transport(c, JM_TRANSPORT_PUBLIC), JM_OK);
        ck_assert_int_eq(jm_candidate_set_max_commute(c, unif(20, 90)), JM_OK);
    }
    if (coin())
        ck_assert_int_eq(jm_candidate_set_wage_floor(c, unif(10, 14), coin()), JM_OK);
    if (coin())
        ck_assert_int_eq(jm_candidate_set_environment(c, JM_ENV_NOISE, 0, irange(0, 4),
                                                      irange(1, 3)), JM_OK);
    if (coin()) {
        double r[6];
        for (int k = 0; k < 6; k++)
            r[k] = unif(1, 7);
        ck_assert_int_eq(jm_candidate_set_interests(c, r, 6), JM_OK);
    }
    for (int k = 0; k < 8; k++)
        if (coin())
            ck_assert_int_eq(jm_candidate_add_skill(c, SKILLS[k], NULL, irange(1, 5)), JM_OK);
    for (int k = 0; k < 3; k++)
        if (coin())
            ck_assert_int_eq(jm_candidate_set_ability(c, DIMS[k], irange(0, 2)), JM_OK);
    if (coin()) {
        ck_assert_int_eq(jm_candidate_set_no_support_needs(c), JM_OK);
        for (int k = 0; k < 5; k++)
            if (coin())
                ck_assert_int_eq(jm_candidate_add_support_need(c, NEEDS[k], irange(1, 3), coin(), NULL),
                                 JM_OK);
    }
    if (coin())
        ck_assert_int_eq(jm_candidate_set_benefits(c, 16, NAN, JM_PERIOD_WEEK, JM_GOAL_STAY, coin()),
                         JM_OK);
    return c;
}

static jm_job *random_job(int i)
{
    char id[32];
    snprintf(id, sizeof id, "j%d", i);
    jm_job *j;
    ck_assert_int_eq(jm_job_new(id, &j), JM_OK);
    if (coin()) {
        jm_occupation o = { NULL, NULL, ISCO[irange(0, 5)], NULL };
        ck_assert_int_eq(jm_job_set_occupation(j, &o), JM_OK);
    }
    if (coin()) {
        double lo = irange(4, 30);
        ck_assert_int_eq(jm_job_set_hours(j, lo, lo + irange(0, 10)), JM_OK);
    }
    if (coin())
        for (int d = 0; d < 7; d++)
            if (coin())
                ck_assert_int_eq(jm_job_add_shift(j, d, irange(5, 12) * 60, irange(13, 23) * 60), JM_OK);
    if (coin())
        ck_assert_int_eq(jm_job_set_location(j, unif(51.4, 51.6), unif(-0.2, 0.1)), JM_OK);
    if (coin())
        ck_assert_int_eq(jm_job_set_wage(j, unif(10, 15)), JM_OK);
    if (coin())
        ck_assert_int_eq(jm_job_set_environment(j, JM_ENV_NOISE, irange(0, 4)), JM_OK);
    if (coin()) {
        double r[6];
        for (int k = 0; k < 6; k++)
            r[k] = unif(1, 7);
        ck_assert_int_eq(jm_job_set_interests(j, r, 6), JM_OK);
    }
    for (int k = 0; k < 8; k++)
        if (coin())
            ck_assert_int_eq(jm_job_add_skill(j, SKILLS[k], NULL, irange(1, 5), coin(),
                                              coin() ? JM_YES : JM_NO), JM_OK);
    for (int k = 0; k < 3; k++)
        if (coin())
            ck_assert_int_eq(jm_job_set_demand(j, DIMS[k], irange(0, 2)), JM_OK);
    if (coin()) {
        ck_assert_int_eq(jm_job_set_supports_known(j), JM_OK);
        for (int k = 0; k < 5; k++)
            if (coin())
                ck_assert_int_eq(jm_job_add_offer(j, OFFERS[k]), JM_OK);
        ck_assert_int_eq(jm_job_set_coach_on_site(j, coin() ? JM_YES : JM_NO), JM_OK);
    }
    return j;
}

static jm_match *score(jm_engine *e, const jm_candidate *c, const jm_job *j)
{
    jm_match *m = NULL;
    ck_assert_msg(jm_engine_score(e, c, j, &m) == JM_OK, "%s", jm_last_error());
    return m;
}

static double factor_score(const jm_match *m, int f)
{
    jm_factor_info info;
    ck_assert_int_eq(jm_match_factor(m, (size_t)f, &info), JM_OK);
    return info.has_data ? info.score : NAN;
}

START_TEST(scores_in_range_and_deterministic)
{
    rng_state = 0x9e3779b97f4a7c15ULL;
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    for (int i = 0; i < N_PAIRS; i++) {
        jm_candidate *c = random_candidate(i);
        jm_job *j = random_job(i);
        jm_match *a = score(e, c, j), *b = score(e, c, j);
        ck_assert(jm_match_total(a) >= 0 && jm_match_total(a) <= 1);
        ck_assert(jm_match_confidence(a) >= 0 && jm_match_confidence(a) <= 1);
        for (int f = 0; f < JM_FACTOR_COUNT; f++) {
            double s = factor_score(a, f);
            ck_assert_msg(isnan(s) || (s >= 0 && s <= 1), "%s = %g", jm_factor_name(f), s);
        }
        ck_assert_int_eq(jm_match_feasible(a), jm_match_exclusion_count(a) == 0);
        tu_match_same_json(a, b);
        jm_match_free(a);
        jm_match_free(b);
        jm_candidate_free(c);
        jm_job_free(j);
    }
    jm_engine_free(e);
}
END_TEST

START_TEST(gaining_an_essential_skill_never_lowers_the_score)
{
    rng_state = 12345;
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    int checked = 0;
    for (int i = 0; i < N_PAIRS; i++) {
        jm_candidate *c = random_candidate(i);
        jm_job *j = random_job(i);
        for (int k = 0; k < 8; k++) {
            /* a skill the job lists and the person lacks */
            jm_candidate *c2;
            ck_assert_int_eq(jm_candidate_copy(c, &c2), JM_OK);
            if (jm_candidate_add_skill(c2, SKILLS[k], NULL, 7) != JM_OK) {
                jm_candidate_free(c2);
                continue; /* already has it */
            }
            jm_match *before = score(e, c, j), *after = score(e, c2, j);
            double sb = factor_score(before, JM_FACTOR_SKILLS), sa = factor_score(after, JM_FACTOR_SKILLS);
            if (!isnan(sb)) {
                ck_assert_msg(sa >= sb - 1e-12, "skills %g -> %g", sb, sa);
                ck_assert(jm_match_total(after) >= jm_match_total(before) - 1e-12);
                checked++;
            }
            jm_match_free(before);
            jm_match_free(after);
            jm_candidate_free(c2);
        }
        jm_candidate_free(c);
        jm_job_free(j);
    }
    ck_assert_int_gt(checked, 100);
    jm_engine_free(e);
}
END_TEST

START_TEST(removing_data_lowers_confidence_only)
{
    rng_state = 777;
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    for (int i = 0; i < N_PAIRS; i++) {
        jm_candidate *c = random_candidate(i);
        jm_job *j = random_job(i);
        /* The same candidate without its wage floor. */
        jm_candidate *bare;
        ck_assert_int_eq(jm_candidate_new(jm_candidate_id(c), &bare), JM_OK);
        jm_match *full = score(e, c, j), *less = score(e, bare, j);
        ck_assert(jm_match_confidence(less) <= jm_match_confidence(full) + 1e-12);
        ck_assert(jm_match_total(less) >= 0 && jm_match_total(less) <= 1);
        jm_match_free(full);
        jm_match_free(less);
        jm_candidate_free(bare);
        jm_candidate_free(c);
        jm_job_free(j);
    }
    jm_engine_free(e);
}
END_TEST

START_TEST(avoided_type_and_firm_hours_exclude_with_reasons)
{
    jm_candidate *c;
    ck_assert_int_eq(jm_candidate_new("c", &c), JM_OK);
    jm_occupation cleaner = { "cleaner", NULL, "9112", NULL };
    ck_assert_int_eq(jm_candidate_add_avoided(c, &cleaner), JM_OK);
    ck_assert_int_eq(jm_candidate_set_hours(c, 8, 12, 16, 1), JM_OK);
    jm_job *j;
    ck_assert_int_eq(jm_job_new("j", &j), JM_OK);
    ck_assert_int_eq(jm_job_set_occupation(j, &cleaner), JM_OK);
    ck_assert_int_eq(jm_job_set_hours(j, 30, 37.5), JM_OK);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_match *m = score(e, c, j);
    ck_assert(!jm_match_feasible(m));
    ck_assert_uint_eq(jm_match_exclusion_count(m), 2);
    int seen_type = 0, seen_hours = 0;
    for (size_t i = 0; i < 2; i++) {
        jm_exclusion x;
        ck_assert_int_eq(jm_match_exclusion(m, i, &x), JM_OK);
        ck_assert(strlen(x.reason) > 0);
        seen_type += strcmp(x.factor, "job_type") == 0;
        seen_hours += strcmp(x.factor, "hours") == 0;
    }
    ck_assert(seen_type && seen_hours);
    jm_match_free(m);
    jm_candidate_free(c);
    jm_job_free(j);
    jm_engine_free(e);
}
END_TEST

START_TEST(an_accommodation_that_meets_a_need_raises_support)
{
    jm_candidate *c;
    ck_assert_int_eq(jm_candidate_new("c", &c), JM_OK);
    ck_assert_int_eq(jm_candidate_add_support_need(c, "flexible_schedule", JM_INTENSITY_HIGH, 1, NULL),
                     JM_OK);
    ck_assert_int_eq(jm_candidate_add_support_need(c, "quiet_workspace", JM_INTENSITY_LOW, 0, NULL),
                     JM_OK);
    jm_job *j;
    ck_assert_int_eq(jm_job_new("j", &j), JM_OK);
    ck_assert_int_eq(jm_job_set_supports_known(j), JM_OK);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    jm_match *before = score(e, c, j);
    ck_assert_int_eq(jm_job_add_offer(j, "modified_schedule"), JM_OK);
    jm_match *after = score(e, c, j);
    double sb = factor_score(before, JM_FACTOR_SUPPORT), sa = factor_score(after, JM_FACTOR_SUPPORT);
    ck_assert_msg(sa > sb, "support %g -> %g", sb, sa);
    jm_support_item s;
    ck_assert_int_eq(jm_match_support(after, 0, &s), JM_OK);
    ck_assert_str_eq(s.need, "flexible_schedule");
    ck_assert_int_eq(s.provider, JM_PROVIDER_EMPLOYER);
    ck_assert_str_eq(s.offer, "modified_schedule");
    /* A support need never excludes anyone (zero exclusion). */
    ck_assert(jm_match_feasible(before));
    jm_match_free(before);
    jm_match_free(after);
    jm_candidate_free(c);
    jm_job_free(j);
    jm_engine_free(e);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("properties");
    TCase *t = tcase_create("core");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, scores_in_range_and_deterministic);
    tcase_add_test(t, gaining_an_essential_skill_never_lowers_the_score);
    tcase_add_test(t, removing_data_lowers_confidence_only);
    tcase_add_test(t, avoided_type_and_firm_hours_exclude_with_reasons);
    tcase_add_test(t, an_accommodation_that_meets_a_need_raises_support);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
