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
    /* past jobs liked or not, an avoided type, licences, right to work */
    for (int k = irange(0, 2); k > 0; k--) {
        jm_occupation o = { NULL, NULL, ISCO[irange(0, 5)], NULL };
        ck_assert_int_eq(jm_candidate_add_history(c, &o, irange(1, 36), irange(-1, 1),
                                                 JM_ENDING_UNKNOWN), JM_OK);
    }
    if (irange(0, 3) == 0) {
        jm_occupation o = { NULL, NULL, ISCO[irange(0, 5)], NULL };
        ck_assert_int_eq(jm_candidate_add_avoided(c, &o), JM_OK);
    }
    if (coin())
        ck_assert_int_eq(jm_candidate_add_licence(c, coin() ? "driving_b" : "forklift"), JM_OK);
    ck_assert_int_eq(jm_candidate_set_right_to_work(c, irange(-1, 1)), JM_OK);
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
    if (irange(0, 3) == 0)
        ck_assert_int_eq(jm_job_add_licence(j, coin() ? "driving_b" : "forklift", coin()), JM_OK);
    if (irange(0, 3) == 0)
        ck_assert_int_eq(jm_job_set_legal(j, 1, coin()), JM_OK);
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

/* ---------------------------------------------------------------------- */
/* Batch scoring: the same bits as pair by pair, for any number of threads */

enum { N_ROWS = 60, N_COLS = 80 };

/* A thread-safe rule: scores, abstains or vetoes from the ids alone. */
static int id_rule(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *payload)
{
    (void)payload;
    unsigned h = 0;
    for (const char *p = jm_candidate_id(c); *p; p++)
        h = h * 31u + (unsigned char)*p;
    for (const char *p = jm_job_id(j); *p; p++)
        h = h * 31u + (unsigned char)*p;
    if (h % 7 == 0)
        jm_verdict_veto(v, "vetoed by the id rule", NULL);
    else if (h % 3 == 0)
        jm_verdict_abstain(v);
    else
        jm_verdict_score(v, (double)(h % 100) / 99.0);
    return 0;
}

/* Fails for one pair only. */
static int failing_rule(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *payload)
{
    (void)payload;
    if (strcmp(jm_candidate_id(c), "c17") == 0 && strcmp(jm_job_id(j), "j5") == 0) {
        jm_verdict_fail(v, "no data for c17 at j5");
        return -1;
    }
    jm_verdict_score(v, 0.5);
    return 0;
}

static void random_sets(jm_candidates **cs, jm_jobs **js)
{
    rng_state = 0x2545f4914f6cdd1dULL;
    ck_assert_int_eq(jm_candidates_new(cs), JM_OK);
    ck_assert_int_eq(jm_jobs_new(js), JM_OK);
    for (int i = 0; i < N_ROWS; i++) {
        jm_candidate *c = random_candidate(i);
        ck_assert_int_eq(jm_candidates_add(*cs, c), JM_OK);
        jm_candidate_free(c);
    }
    for (int i = 0; i < N_COLS; i++) {
        jm_job *j = random_job(i);
        ck_assert_int_eq(jm_jobs_add(*js, j), JM_OK);
        jm_job_free(j);
    }
}

static int count_progress(size_t done, size_t total, void *payload)
{
    size_t *seen = payload;
    ck_assert_uint_le(done, total);
    ck_assert_uint_ge(done, seen[1]); /* never goes back */
    seen[0]++;
    seen[1] = done;
    seen[2] = total;
    return 0;
}

START_TEST(score_matrix_equals_pairwise_scores_for_any_thread_count)
{
    jm_candidates *cs;
    jm_jobs *js;
    random_sets(&cs, &js);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "ids", 0.1, id_rule, NULL, NULL), JM_OK);
    static double ref[N_ROWS * N_COLS], got[N_ROWS * N_COLS];
    static unsigned char ref_f[N_ROWS * N_COLS], got_f[N_ROWS * N_COLS];
    size_t excluded = 0;
    for (size_t i = 0; i < N_ROWS; i++)
        for (size_t k = 0; k < N_COLS; k++) {
            jm_match *m = score(e, jm_candidates_get(cs, i), jm_jobs_get(js, k));
            ref[i * N_COLS + k] = jm_match_total(m);
            ref_f[i * N_COLS + k] = (unsigned char)jm_match_feasible(m);
            excluded += !jm_match_feasible(m);
            jm_match_free(m);
        }
    ck_assert_uint_gt(excluded, 100); /* the comparison covers exclusions */
    const unsigned threads[] = { 1, 2, 3, 8, 0 };
    for (size_t t = 0; t < sizeof threads / sizeof *threads; t++) {
        jm_batch_options o = JM_BATCH_OPTIONS_INIT;
        size_t seen[3] = { 0, 0, 0 };
        o.threads = threads[t];
        o.progress = count_progress;
        o.progress_payload = seen;
        memset(got, 0xAB, sizeof got);
        ck_assert_int_eq(jm_engine_score_matrix(e, cs, js, &o, got, N_ROWS * N_COLS, got_f,
                                                N_ROWS * N_COLS), JM_OK);
        ck_assert_msg(memcmp(ref, got, sizeof ref) == 0, "totals differ with %u threads", threads[t]);
        ck_assert_msg(memcmp(ref_f, got_f, sizeof ref_f) == 0, "feasible differs with %u threads",
                      threads[t]);
        ck_assert_uint_ge(seen[0], 1);
        ck_assert_uint_eq(seen[1], N_ROWS); /* the last report: all done */
        ck_assert_uint_eq(seen[2], N_ROWS);
    }
    jm_engine_free(e);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

START_TEST(top_k_equals_rankings_for_any_thread_count)
{
    jm_candidates *cs;
    jm_jobs *js;
    random_sets(&cs, &js);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "ids", 0.1, id_rule, NULL, NULL), JM_OK);
    enum { K = 5 };
    static size_t idx[N_COLS * K], counts[N_COLS];
    static double tot[N_COLS * K];
    for (unsigned threads = 1; threads <= 3; threads++) {
        jm_batch_options o = JM_BATCH_OPTIONS_INIT;
        o.threads = threads;
        ck_assert_int_eq(jm_engine_top_jobs(e, cs, js, K, &o, idx, N_ROWS * K, tot, N_ROWS * K,
                                            counts, N_ROWS), JM_OK);
        for (size_t i = 0; i < N_ROWS; i++) {
            jm_ranking *r;
            ck_assert_int_eq(jm_engine_rank_jobs(e, jm_candidates_get(cs, i), js, K, &r), JM_OK);
            ck_assert_uint_eq(counts[i], jm_ranking_feasible_total(r));
            for (size_t p = 0; p < K; p++) {
                if (p < jm_ranking_count(r)) {
                    const jm_match *m = jm_ranking_get(r, p);
                    ck_assert_str_eq(jm_job_id(jm_jobs_get(js, idx[i * K + p])), jm_match_job_id(m));
                    ck_assert(tot[i * K + p] == jm_match_total(m));
                } else {
                    ck_assert_uint_eq(idx[i * K + p], SIZE_MAX);
                    ck_assert(isnan(tot[i * K + p]));
                }
            }
            jm_ranking_free(r);
        }
        ck_assert_int_eq(jm_engine_top_candidates(e, js, cs, K, &o, idx, N_COLS * K, tot, N_COLS * K,
                                                  counts, N_COLS), JM_OK);
        for (size_t k = 0; k < N_COLS; k++) {
            jm_ranking *r;
            ck_assert_int_eq(jm_engine_rank_candidates(e, jm_jobs_get(js, k), cs, K, &r), JM_OK);
            ck_assert_uint_eq(counts[k], jm_ranking_feasible_total(r));
            for (size_t p = 0; p < jm_ranking_count(r); p++)
                ck_assert_str_eq(jm_candidate_id(jm_candidates_get(cs, idx[k * K + p])),
                                 jm_match_candidate_id(jm_ranking_get(r, p)));
            jm_ranking_free(r);
        }
    }
    /* buffers and k are checked */
    TU_FAILS(jm_engine_top_jobs(e, cs, js, 0, NULL, idx, N_ROWS * K, tot, N_ROWS * K, NULL, 0), JM_EINVAL,
             "k must be at least 1");
    TU_FAILS(jm_engine_top_jobs(e, cs, js, K, NULL, idx, N_ROWS * K - 1, tot, N_ROWS * K, NULL, 0),
             JM_EINVAL, "need 300 elements");
    TU_FAILS(jm_engine_top_jobs(e, cs, js, K, NULL, idx, N_ROWS * K, tot, N_ROWS * K, counts, 3),
             JM_EINVAL, "counts 60");
    jm_engine_free(e);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

/* The sample caseload: history liked and disliked, avoided types,
 * licences, supports, benefits: what the random records lack. */
START_TEST(score_matrix_equals_pairwise_scores_on_the_sample_data)
{
    const char *root = getenv("JM_SOURCE_ROOT");
    ck_assert_msg(root != NULL, "JM_SOURCE_ROOT is not set (meson test sets it)");
    char path[4096];
    jm_candidates *cs;
    jm_jobs *js;
    ck_assert_int_eq(jm_candidates_new(&cs), JM_OK);
    ck_assert_int_eq(jm_jobs_new(&js), JM_OK);
    snprintf(path, sizeof path, "%s/examples/data/candidates.json", root);
    ck_assert_int_eq(jm_candidates_load_file(cs, path, NULL, NULL), JM_OK);
    snprintf(path, sizeof path, "%s/examples/data/jobs.json", root);
    ck_assert_int_eq(jm_jobs_load_file(js, path, NULL, NULL), JM_OK);
    const size_t nc = jm_candidates_count(cs), nj = jm_jobs_count(js);
    double *got = malloc(nc * nj * sizeof *got);
    unsigned char *got_f = malloc(nc * nj);
    const char *profiles[] = { NULL, "examples/data/profile-competitive.json" };
    for (size_t p = 0; p < 2; p++) {
        jm_profile *prof = NULL;
        if (profiles[p]) {
            snprintf(path, sizeof path, "%s/%s", root, profiles[p]);
            ck_assert_int_eq(jm_profile_load_file(path, NULL, NULL, &prof), JM_OK);
        }
        jm_engine *e;
        ck_assert_int_eq(jm_engine_new(prof, &e), JM_OK);
        jm_profile_free(prof);
        jm_batch_options o = JM_BATCH_OPTIONS_INIT;
        o.threads = 2;
        ck_assert_int_eq(jm_engine_score_matrix(e, cs, js, &o, got, nc * nj, got_f, nc * nj), JM_OK);
        for (size_t i = 0; i < nc; i++)
            for (size_t k = 0; k < nj; k++) {
                jm_match *m = score(e, jm_candidates_get(cs, i), jm_jobs_get(js, k));
                double t = jm_match_total(m);
                ck_assert_msg(memcmp(&t, &got[i * nj + k], sizeof t) == 0, "%s x %s: %.17g != %.17g",
                              jm_match_candidate_id(m), jm_match_job_id(m), t, got[i * nj + k]);
                ck_assert_int_eq(jm_match_feasible(m), got_f[i * nj + k]);
                jm_match_free(m);
            }
        jm_engine_free(e);
    }
    free(got);
    free(got_f);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

/* The brute-force top k of row r of a matrix (rows x cols, ids of the
 * columns), as the rankings order: best first, equal totals by id. */
static size_t brute_top(const double *m, const unsigned char *f, size_t r, size_t cols, const char *const *ids,
                        size_t k, size_t *out)
{
    size_t n = 0;
    for (size_t c = 0; c < cols; c++) {
        if (!f[r * cols + c])
            continue;
        double t = m[r * cols + c];
        size_t at = n < k ? n : k;
        while (at > 0) {
            size_t p = out[at - 1];
            double tp = m[r * cols + p];
            if (t > tp || (t == tp && strcmp(ids[c], ids[p]) < 0))
                at--;
            else
                break;
        }
        if (at >= k)
            continue;
        for (size_t q = (n < k ? n : k - 1); q > at; q--)
            out[q] = out[q - 1];
        out[at] = c;
        if (n < k)
            n++;
    }
    return n;
}

/* Pruned top k equals brute force: random records and the sample caseload,
 * both directions, several k. */
START_TEST(pruned_top_k_equals_brute_force)
{
    jm_candidates *cs;
    jm_jobs *js;
    random_sets(&cs, &js);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    static double m[N_ROWS * N_COLS], mt[N_COLS * N_ROWS], tot[N_COLS * N_COLS];
    static unsigned char f[N_ROWS * N_COLS], ft[N_COLS * N_ROWS];
    static size_t idx[N_COLS * N_COLS], want[N_COLS], counts[N_COLS]; /* k up to N_COLS */
    const char *cid[N_ROWS], *jid[N_COLS];
    for (size_t i = 0; i < N_ROWS; i++)
        cid[i] = jm_candidate_id(jm_candidates_get(cs, i));
    for (size_t k = 0; k < N_COLS; k++)
        jid[k] = jm_job_id(jm_jobs_get(js, k));
    ck_assert_int_eq(jm_engine_score_matrix(e, cs, js, NULL, m, N_ROWS * N_COLS, f, N_ROWS * N_COLS), JM_OK);
    for (size_t i = 0; i < N_ROWS; i++)
        for (size_t k = 0; k < N_COLS; k++) {
            mt[k * N_ROWS + i] = m[i * N_COLS + k];
            ft[k * N_ROWS + i] = f[i * N_COLS + k];
        }
    const size_t ks[] = { 1, 2, 3, 10, 80 };
    for (size_t t = 0; t < sizeof ks / sizeof *ks; t++) {
        const size_t K = ks[t];
        ck_assert_int_eq(jm_engine_top_jobs(e, cs, js, K, NULL, idx, N_ROWS * K, tot, N_ROWS * K, counts,
                                            N_ROWS), JM_OK);
        for (size_t i = 0; i < N_ROWS; i++) {
            size_t n = brute_top(m, f, i, N_COLS, jid, K, want), feasible = 0;
            for (size_t k = 0; k < N_COLS; k++)
                feasible += f[i * N_COLS + k];
            ck_assert_uint_eq(counts[i], feasible);
            for (size_t p = 0; p < K; p++) {
                if (p < n) {
                    ck_assert_msg(idx[i * K + p] == want[p], "k=%zu row %zu rank %zu: %zu, brute force %zu", K, i,
                                  p, idx[i * K + p], want[p]);
                    ck_assert(memcmp(&tot[i * K + p], &m[i * N_COLS + want[p]], sizeof(double)) == 0);
                } else {
                    ck_assert_uint_eq(idx[i * K + p], SIZE_MAX);
                }
            }
        }
        ck_assert_int_eq(jm_engine_top_candidates(e, js, cs, K, NULL, idx, N_COLS * K, tot, N_COLS * K,
                                                  counts, N_COLS), JM_OK);
        for (size_t k = 0; k < N_COLS; k++) {
            size_t n = brute_top(mt, ft, k, N_ROWS, cid, K, want);
            for (size_t p = 0; p < n; p++)
                ck_assert_msg(idx[k * K + p] == want[p], "k=%zu job %zu rank %zu", K, k, p);
            if (n < K)
                ck_assert_uint_eq(idx[k * K + n], SIZE_MAX);
        }
    }
    jm_engine_free(e);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

static int cancel_early(size_t done, size_t total, void *payload)
{
    (void)total;
    (void)payload;
    return done > 0;
}

START_TEST(batch_errors_are_the_first_in_row_order_and_cancel_stops)
{
    jm_candidates *cs;
    jm_jobs *js;
    random_sets(&cs, &js);
    jm_engine *e;
    ck_assert_int_eq(jm_engine_new(NULL, &e), JM_OK);
    ck_assert_int_eq(jm_engine_add_rule(e, "fragile", 0.1, failing_rule, NULL, NULL), JM_OK);
    static double got[N_ROWS * N_COLS];
    for (unsigned threads = 1; threads <= 4; threads++) {
        jm_batch_options o = JM_BATCH_OPTIONS_INIT;
        o.threads = threads;
        TU_FAILS(jm_engine_score_matrix(e, cs, js, &o, got, N_ROWS * N_COLS, NULL, 0), JM_ECALLBACK,
                 "rule 'fragile' failed: no data for c17 at j5");
    }
    ck_assert_int_eq(jm_engine_remove_rule(e, "fragile"), JM_OK);
    jm_batch_options o = JM_BATCH_OPTIONS_INIT;
    o.progress = cancel_early;
    TU_FAILS(jm_engine_score_matrix(e, cs, js, &o, got, N_ROWS * N_COLS, NULL, 0), JM_ECANCELED,
             "canceled by the progress callback");
    o.version = 99;
    TU_FAILS(jm_engine_score_matrix(e, cs, js, &o, got, N_ROWS * N_COLS, NULL, 0), JM_EINVAL,
             "unknown jm_batch_options version 99");
    jm_batch_options d;
    jm_batch_options_init(&d);
    ck_assert_uint_eq(d.version, JM_BATCH_OPTIONS_VERSION);
    ck_assert_uint_eq(d.threads, 1);
    jm_engine_free(e);
    jm_candidates_free(cs);
    jm_jobs_free(js);
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
    tcase_add_test(t, score_matrix_equals_pairwise_scores_for_any_thread_count);
    tcase_add_test(t, top_k_equals_rankings_for_any_thread_count);
    tcase_add_test(t, score_matrix_equals_pairwise_scores_on_the_sample_data);
    tcase_add_test(t, pruned_top_k_equals_brute_force);
    tcase_add_test(t, batch_errors_are_the_first_in_row_order_and_cancel_stops);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
