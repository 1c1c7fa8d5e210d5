/*
 * The compiled path of the batch calls against pairwise scoring, on records
 * built to reach every branch of the kernels: occupations by URI, O*NET code
 * and label, levels and hours that single precision cannot hold and
 * candidate numbers that are not whole hundredths (those pairs run the
 * factor code), tight and long commutes by every mode (latitude windows of
 * top jobs), areas without coordinates, several environment dimensions with
 * musts (and a profile that gives them no weight), interest codes, work
 * values, benefits by week and month, support needs the profile does and
 * does not define, physical access, derived needs, licences, programme
 * rules; and a travel-time source.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiled.h"
#include "testutil.h"

static uint64_t state;
static uint64_t rnd(void)
{
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
}
static int irange(int lo, int hi) { return lo + (int)(rnd() % (uint64_t)(hi - lo + 1)); }
static double unif(double lo, double hi) { return lo + (hi - lo) * (double)(rnd() % 1000001) / 1e6; }
static int coin(void) { return (int)(rnd() & 1); }

enum { ROWS = 70, COLS = 91 }; /* two blocks of a matrix row (block.c), the second of odd length */

static const char *const SKILLS[] = { "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10" };
static const char *const NEEDS[] = { "structured_task_instruction", "flexible_schedule", "physical_access",
                                     "quiet_workspace", "made_up_need" };
static const char *const OFFERS[] = { "modified_schedule", "mentor", "equipment", "quiet_workspace",
                                      "job_carving" };
static const char *const DIMS[] = { "lifting", "standing", "reading", "made_up_dimension" };
static const char *const AREAS[] = { "Bury", "bury", "Wigan", "Bolton" };

static jm_occupation random_occ(void)
{
    /* "9": one digit, alike to another only by the same code */
    static const char *const isco[] = { "9329", "9412", "9112", "5223", "9411", "93", "9", "9412.1" };
    static const char *const onet[] = { "35-2021.00", "35-2014.00", "37-2011.00", "41-2031.00" };
    static const char *const label[] = { "Kitchen porter", "kitchen porter", "cleaner", "Cook" };
    static const char *const esco[] = { "http://data.europa.eu/esco/occupation/a",
                                        "http://data.europa.eu/esco/occupation/b" };
    jm_occupation o = { NULL, NULL, NULL, NULL };
    switch (irange(0, 4)) {
    case 0: o.isco = isco[irange(0, 7)]; break;
    case 1: o.onet = onet[irange(0, 3)]; break;
    case 2: o.label = label[irange(0, 3)]; break;
    case 3: o.esco_uri = esco[irange(0, 1)]; break;
    default:
        o.isco = isco[irange(0, 7)];
        o.onet = onet[irange(0, 3)];
        o.label = label[irange(0, 3)];
    }
    return o;
}

static void check(int rc) { ck_assert_msg(rc == JM_OK, "%s", jm_last_error()); }

/* Records past what the block kernel of functional and support holds in
 * bits (compiled.h, jm_cdemand_bits): candidates with more stated needs than
 * a row holds, or a job set of more dimensions than demand bits hold; those
 * run the kernels' loops, to the same bits.  And a job set of as many
 * dimensions as the bits hold, those of DIMS last in each half of the
 * third and fourth bytes, whose need types the block kernel looks up there.
 * With WIDE_NEEDS some candidates also have more than 64 occupation
 * references. */
enum { WIDE_NONE, WIDE_NEEDS, WIDE_DIMS, WIDE_BYTES };
static int wide;
enum { EXTRA_DIMS = JM_DEMAND_BITS_DIMS + 8, EXTRA_NEEDS = JM_ROW_NEEDS + 4, EXTRA_OCC_REFS = 66 };

/* Jobs of few schedules, interest profiles and work values: a row works
 * out the memo factors for every block at once (jm_score_memo_fill). */
static bool few_blocks;

static void extra_dim(char *buf, size_t size, int k) { snprintf(buf, size, "extra_dimension_%d", k); }

/* And with WIDE_DIMS, more licences that cannot be obtained than a job set
 * keeps as bits (jm_cjobs.licence_masks): the legal kernel's loop. */
static const char *const LICENCES[] = { "driving_b", "forklift", "first_aid" };
enum { EXTRA_LICENCES = 2 * JM_HARD_LICENCES + 8 };
static void extra_licence(char *buf, size_t size, int k) { snprintf(buf, size, "extra_licence_%d", k); }

/* The dimension at position pos of WIDE_BYTES, in the order in which the
 * first candidate and the first job name them all: DIMS at positions 19,
 * 23, 27 and 31 (bits of a demand bitset), the others extra. */
static const char *bytes_dim(int pos, char *buf, size_t size)
{
    if (pos >= 16 && pos % 4 == 3)
        return DIMS[(pos - 16) / 4];
    extra_dim(buf, size, pos);
    return buf;
}

static jm_candidate *rich_candidate(int i)
{
    char id[32];
    snprintf(id, sizeof id, "c%03d", i);
    jm_candidate *c;
    check(jm_candidate_new(id, &c));
    for (int k = irange(0, 2); k > 0; k--) {
        jm_occupation o = random_occ();
        check(jm_candidate_add_wanted(c, &o, coin() ? 1.0 : unif(0.2, 1)));
    }
    if (irange(0, 3) == 0) {
        jm_occupation o = random_occ();
        check(jm_candidate_add_avoided(c, &o));
    }
    for (int k = irange(0, 2); k > 0; k--) {
        jm_occupation o = random_occ();
        check(jm_candidate_add_history(c, &o, irange(1, 30), irange(-1, 1), JM_ENDING_UNKNOWN));
    }
    if (wide == WIDE_NEEDS && i % 4 == 0) {
        /* more occupation references than a row marks one by one
         * (jm_job_types_fill): past jobs alike to no job's occupation,
         * then one that may be alike to some */
        for (int k = 0; k < EXTRA_OCC_REFS; k++) {
            char label[32];
            snprintf(label, sizeof label, "padding occupation %d", k);
            jm_occupation o = { label, NULL, NULL, NULL };
            check(jm_candidate_add_history(c, &o, 6, JM_UNKNOWN, JM_ENDING_UNKNOWN));
        }
        jm_occupation o = random_occ();
        check(jm_candidate_add_history(c, &o, 12, coin() ? JM_YES : JM_NO, JM_ENDING_UNKNOWN));
    }
    switch (irange(0, 3)) {
    case 0: /* now and then an ideal single precision cannot hold: the factor code */
        check(jm_candidate_set_hours(c, 0, irange(0, 3) ? irange(20, 60) / 2.0 : unif(10, 30), 168, coin()));
        break;
    case 1: check(jm_candidate_set_hours(c, irange(5, 20), NAN, irange(21, 40), coin())); break;
    case 2: check(jm_candidate_set_hours(c, irange(10, 20), NAN, 168, 1)); break;
    default: break;
    }
    if (coin())
        for (int d = 0; d < 7; d++)
            if (coin())
                check(jm_candidate_add_availability(c, d, irange(0, 12) * 60, irange(13, 24) * 60));
    if (irange(0, 4)) {
        check(jm_candidate_set_location(c, unif(53.3, 53.7), unif(-2.6, -2.0)));
        for (int m = 0; m < JM_TRANSPORT_COUNT; m++)
            if (irange(0, 2) == 0)
                check(jm_candidate_add_transport(c, m));
        if (irange(0, 4))
            check(jm_candidate_set_max_commute(c, coin() ? unif(5, 25) : unif(30, 120)));
    }
    if (coin())
        check(jm_candidate_set_area(c, AREAS[irange(0, 3)]));
    if (coin())
        check(jm_candidate_set_wage_floor(c, coin() ? irange(9, 14) : unif(9, 14), coin())); /* whole: some wages equal it */
    for (int d = 0; d < JM_ENV_COUNT; d++)
        if (irange(0, 2) == 0) {
            /* now and then a bound that is not in hundredths: the factor code */
            double lo = irange(0, 2), hi = lo + irange(0, 1) + (coin() ? 0.5 : 0) + (irange(0, 5) ? 0.1 : 0.125);
            int which = irange(0, 2);
            check(jm_candidate_set_environment(c, d, which == 1 ? NAN : lo, which == 2 ? NAN : hi, irange(1, 4)));
        }
    if (coin()) {
        double r[6];
        int flat = irange(0, 5) == 0, tenths = irange(0, 3) > 0; /* else not hundredths: the factor code */
        for (int k = 0; k < 6; k++)
            r[k] = flat ? 4.0 : (tenths ? irange(10, 70) / 10.0 : unif(1, 7));
        check(jm_candidate_set_interests(c, r, 6));
    } else if (coin()) {
        check(jm_candidate_set_interest_code(c, coin() ? "SEC" : "r"));
    }
    const int whole_values = irange(0, 3) > 0; /* else not hundredths: the factor code */
    for (int v = 0; v < JM_VALUE_COUNT; v++)
        if (coin())
            check(jm_candidate_set_value(c, v, whole_values ? irange(1, 5) : unif(1, 5)));
    for (int k = 0; k < 10; k++)
        if (coin())
            /* 2.3 is not exact in single precision: those pairs run the factor code */
            check(jm_candidate_add_skill(c, SKILLS[k], NULL,
                                         irange(0, 9) == 0 ? 2.3 : (coin() ? NAN : irange(0, 6))));
    for (int k = 0; wide != WIDE_BYTES && k < 4; k++)
        if (coin())
            check(jm_candidate_set_ability(c, DIMS[k], irange(0, 2)));
    for (int pos = 0; wide == WIDE_BYTES && pos < JM_DEMAND_BITS_DIMS; pos++)
        if (i == 0 || coin()) {
            char dim[32];
            check(jm_candidate_set_ability(c, bytes_dim(pos, dim, sizeof dim), irange(0, 2)));
        }
    if (coin()) {
        check(jm_candidate_set_no_support_needs(c));
        for (int k = 0; k < 5; k++)
            if (coin())
                check(jm_candidate_add_support_need(c, NEEDS[k], irange(1, 3), coin(), NULL));
        const int extra = wide == WIDE_NEEDS && coin() ? EXTRA_NEEDS : 0; /* beyond a row's */
        for (int k = 0; k < extra; k++)
            check(jm_candidate_add_support_need(c, k % 3 ? NEEDS[k % 5] : "adapted_equipment", irange(1, 3),
                                                coin(), NULL));
    }
    for (int k = 0; wide == WIDE_DIMS && k < EXTRA_DIMS; k++)
        if (coin()) {
            char dim[32];
            extra_dim(dim, sizeof dim, k);
            check(jm_candidate_set_ability(c, dim, irange(0, 2)));
        }
    if (irange(0, 2) == 0)
        check(jm_candidate_set_benefits(c, coin() ? NAN : irange(10, 20), coin() ? NAN : unif(200, 900),
                                        coin() ? JM_PERIOD_WEEK : JM_PERIOD_MONTH, irange(0, 2), coin()));
    for (int k = irange(0, 2), first = irange(0, 2); k > 0; k--)
        check(jm_candidate_add_licence(c, LICENCES[(first + k) % 3]));
    for (int k = 0; wide == WIDE_DIMS && k < EXTRA_LICENCES; k++)
        if (irange(0, 3) == 0) {
            char lic[32];
            extra_licence(lic, sizeof lic, k);
            check(jm_candidate_add_licence(c, lic));
        }
    check(jm_candidate_set_right_to_work(c, irange(-1, 1)));
    check(jm_candidate_set_background_check(c, irange(-1, 1)));
    return c;
}

static jm_job *rich_job(int i)
{
    char id[32];
    snprintf(id, sizeof id, "j%03d", i);
    jm_job *j;
    check(jm_job_new(id, &j));
    if (irange(0, 5)) {
        jm_occupation o = random_occ();
        check(jm_job_set_occupation(j, &o));
    }
    if (irange(0, 3))
        check(jm_job_set_programme_flags(j, irange(-1, 1), irange(-1, 1)));
    switch (irange(0, 3)) {
    case 0: check(jm_job_set_hours(j, irange(4, 30), irange(30, 40))); break;
    case 1: check(jm_job_set_hours(j, 0, irange(10, 40))); break;
    case 2: {
        double lo = irange(4, 30);
        check(jm_job_set_hours(j, lo, lo + irange(0, 10)));
        break;
    }
    default: break;
    }
    if (few_blocks) {
        for (int k = irange(0, 3), d = 0; d < k; d++) /* four weeks, one of them empty */
            check(jm_job_add_shift(j, d, 6 * 60 + 60 * k, 14 * 60 + 90 * k));
    } else if (coin()) {
        for (int d = 0; d < 7; d++)
            if (coin())
                check(jm_job_add_shift(j, d, irange(0, 12) * 60, irange(13, 24) * 60));
    }
    if (irange(0, 4))
        check(jm_job_set_location(j, unif(53.3, 53.7), unif(-2.6, -2.0)));
    if (coin())
        check(jm_job_set_area(j, AREAS[irange(0, 3)]));
    if (coin())
        check(jm_job_set_access(j, irange(-1, 1), irange(-1, 1)));
    if (irange(0, 3))
        check(jm_job_set_wage(j, coin() ? irange(8, 15) : unif(8, 15)));
    for (int d = 0; d < JM_ENV_COUNT; d++)
        if (coin())
            check(jm_job_set_environment(j, d, coin() ? irange(0, 4) : unif(0, 4)));
    if (few_blocks) { /* three interest profiles and work values, and none */
        const int k = irange(0, 3);
        const double r[6] = { 1 + k, 7 - k, 2, 4 + k / 2.0, 3, 5 };
        if (k == 3)
            check(jm_job_set_interest_code(j, "ES"));
        else if (k)
            check(jm_job_set_interests(j, r, 6));
        for (int v = 0, w = irange(0, 3); w && v < JM_VALUE_COUNT; v++)
            check(jm_job_set_value(j, v, 1 + (v * w) % 7));
    } else {
        if (coin()) {
            double r[6];
            for (int k = 0; k < 6; k++)
                r[k] = unif(1, 7);
            check(jm_job_set_interests(j, r, 6));
        } else if (coin()) {
            check(jm_job_set_interest_code(j, coin() ? "ES" : "ICA"));
        }
        for (int v = 0; v < JM_VALUE_COUNT; v++)
            if (coin())
                check(jm_job_set_value(j, v, unif(1, 7)));
    }
    for (int k = 0; k < 10; k++)
        if (coin())
            check(jm_job_add_skill(j, SKILLS[k], NULL, irange(0, 12) == 0 ? 3.3 : (coin() ? NAN : irange(1, 6)),
                                   coin(), irange(-1, 1)));
    for (int k = 0; wide != WIDE_BYTES && k < 4; k++)
        if (coin())
            check(jm_job_set_demand(j, DIMS[k], irange(0, 2)));
    for (int pos = 0; wide == WIDE_BYTES && pos < JM_DEMAND_BITS_DIMS; pos++)
        if (i == 0 || coin()) {
            char dim[32];
            check(jm_job_set_demand(j, bytes_dim(pos, dim, sizeof dim), irange(0, 2)));
        }
    for (int k = 0; wide == WIDE_DIMS && k < EXTRA_DIMS; k++)
        if (irange(0, 3) == 0) {
            char dim[32];
            extra_dim(dim, sizeof dim, k);
            check(jm_job_set_demand(j, dim, irange(0, 2)));
        }
    if (coin()) {
        check(jm_job_set_supports_known(j));
        for (int k = 0; k < 5; k++)
            if (coin())
                check(jm_job_add_offer(j, OFFERS[k]));
    }
    if (coin())
        check(jm_job_set_coach_on_site(j, irange(-1, 1)));
    for (int k = irange(0, 5) - 3, first = irange(0, 2); k > 0; k--)
        check(jm_job_add_licence(j, LICENCES[(first + k) % 3], coin()));
    for (int k = 0; wide == WIDE_DIMS && k < EXTRA_LICENCES; k++)
        if (irange(0, 7) == 0) {
            char lic[32];
            extra_licence(lic, sizeof lic, k);
            check(jm_job_add_licence(j, lic, coin()));
        }
    if (irange(0, 3) == 0)
        check(jm_job_set_legal(j, coin(), coin()));
    return j;
}

static void rich_sets(uint64_t seed, jm_candidates **cs, jm_jobs **js)
{
    state = seed;
    check(jm_candidates_new(cs));
    check(jm_jobs_new(js));
    for (int i = 0; i < ROWS; i++) {
        jm_candidate *c = rich_candidate(i);
        check(jm_candidates_add(*cs, c));
        jm_candidate_free(c);
    }
    for (int i = 0; i < COLS; i++) {
        jm_job *j = rich_job(i);
        check(jm_jobs_add(*js, j));
        jm_job_free(j);
    }
}

/* An engine on a scoring profile given as JSON. */
static jm_engine *profile_engine(const char *text)
{
    jm_profile *p;
    check(jm_profile_from_json(text, strlen(text), NULL, NULL, &p));
    jm_engine *e;
    check(jm_engine_new(p, &e));
    jm_profile_free(p);
    return e;
}

/* A programme with every rule, so the programme factor scores, and a
 * weight for it (none by default), so its value counts. */
static jm_engine *programme_engine(void)
{
    return profile_engine("{\"schema\":\"jobmatch/1\",\"type\":\"scoring_profile\",\"id\":\"strict\","
                          "\"weights\":{\"programme\":0.3},"
                          "\"programme_rules\":{\"competitive_only\":true,\"integrated_only\":true,"
                          "\"min_wage\":10.5}}");
}

/* The job type carries most of the weight: top jobs skip whole occupation
 * groups that are below the bar.  And the legal factor carries some (none
 * by default), so its value counts, not only its exclusions. */
static jm_engine *job_type_engine(void)
{
    return profile_engine("{\"schema\":\"jobmatch/1\",\"type\":\"scoring_profile\",\"id\":\"types\","
                          "\"weights\":{\"job_type\":3.0,\"legal\":0.5}}");
}

/* No environment dimension carries weight: the environment factor is 1
 * less the mean shortfall of the rated dimensions (its unweighted case). */
static jm_engine *unweighted_environment_engine(void)
{
    return profile_engine("{\"schema\":\"jobmatch/1\",\"type\":\"scoring_profile\",\"id\":\"flat\","
                          "\"thresholds\":{\"importance_weight\":{\"low\":0,\"medium\":0,\"high\":0,"
                          "\"must\":0}}}");
}

static int slow_walk(const jm_candidate *c, const jm_job *j, int mode, double *minutes, void *payload)
{
    (void)c, (void)j, (void)payload;
    if (mode != JM_TRANSPORT_WALK)
        return JM_ENOTFOUND;
    *minutes = 47.0;
    return JM_OK;
}

static int half_rule(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *payload)
{
    (void)payload;
    if ((jm_candidate_id(c)[3] + jm_job_id(j)[3]) % 5 == 0)
        jm_verdict_veto(v, "rule", NULL);
    else
        jm_verdict_score(v, 0.5);
    return 0;
}

static double ref[ROWS * COLS];
static unsigned char ref_f[ROWS * COLS];

static void check_top_jobs(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, size_t K, bool counted);

/* The matrix equals jm_engine_score pair by pair (bits), on 1 and 2 threads;
 * top jobs and top candidates equal the brute-force ranking of it. */
static void compare(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, size_t *n_excluded)
{
    for (size_t i = 0; i < ROWS; i++)
        for (size_t k = 0; k < COLS; k++) {
            jm_match *m;
            check(jm_engine_score(e, jm_candidates_get(cs, i), jm_jobs_get(js, k), &m));
            ref[i * COLS + k] = jm_match_total(m);
            ref_f[i * COLS + k] = (unsigned char)jm_match_feasible(m);
            *n_excluded += !jm_match_feasible(m);
            jm_match_free(m);
        }
    static double got[ROWS * COLS];
    static unsigned char got_f[ROWS * COLS];
    for (unsigned t = 1; t <= 2; t++) {
        jm_batch_options o = JM_BATCH_OPTIONS_INIT;
        o.threads = t;
        check(jm_engine_score_matrix(e, cs, js, &o, got, ROWS * COLS, got_f, ROWS * COLS));
        for (size_t p = 0; p < ROWS * COLS; p++)
            ck_assert_msg(memcmp(&ref[p], &got[p], sizeof(double)) == 0 && ref_f[p] == got_f[p],
                          "pair %zu x %zu: matrix %.17g (%d), pairwise %.17g (%d)", p / COLS, p % COLS, got[p],
                          got_f[p], ref[p], ref_f[p]);
    }
    /* top jobs, with feasible pairs counted (every group visited) and not
     * (groups below the bar skipped), for k of 1, a few, and more than
     * some rows have feasible jobs */
    static const size_t ks[] = { 1, 5, 40 };
    for (size_t q = 0; q < sizeof ks / sizeof *ks; q++)
        for (int counted = 0; counted <= 1; counted++)
            check_top_jobs(e, cs, js, ks[q], counted);
}

enum { MAX_K = 40 };

/* Top k jobs of every row, on threads threads, equal the brute-force
 * ranking of ref. */
static void check_top_jobs_on(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, size_t K, bool counted,
                              unsigned threads)
{
    static size_t idx[ROWS * MAX_K], counts[ROWS];
    static double tot[ROWS * MAX_K];
    jm_batch_options o = JM_BATCH_OPTIONS_INIT;
    o.threads = threads;
    check(jm_engine_top_jobs(e, cs, js, K, &o, idx, ROWS * K, tot, ROWS * K, counted ? counts : NULL,
                             counted ? ROWS : 0));
    for (size_t i = 0; i < ROWS; i++) {
        size_t want[MAX_K], n = 0, feasible = 0;
        for (size_t k = 0; k < COLS; k++) {
            if (!ref_f[i * COLS + k])
                continue;
            feasible++;
            /* insert k among the best K (ties by id: columns are in id order) */
            size_t at = n < K ? n++ : K;
            if (at == K && !(ref[i * COLS + k] > ref[i * COLS + want[K - 1]]))
                continue;
            if (at == K)
                at = K - 1;
            while (at > 0 && ref[i * COLS + k] > ref[i * COLS + want[at - 1]]) {
                want[at] = want[at - 1];
                at--;
            }
            want[at] = k;
        }
        if (counted)
            ck_assert_uint_eq(counts[i], feasible);
        for (size_t r = 0; r < K; r++) {
            ck_assert_msg(idx[i * K + r] == (r < n ? want[r] : SIZE_MAX), "k %zu row %zu rank %zu: %zu, want %zu",
                          K, i, r, idx[i * K + r], r < n ? want[r] : SIZE_MAX);
            if (r < n)
                ck_assert_msg(memcmp(&tot[i * K + r], &ref[i * COLS + want[r]], sizeof(double)) == 0,
                              "k %zu row %zu rank %zu: total %.17g, pairwise %.17g", K, i, r, tot[i * K + r],
                              ref[i * COLS + want[r]]);
        }
    }
}

static void check_top_jobs(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, size_t K, bool counted)
{
    for (unsigned threads = 1; threads <= 2; threads++)
        check_top_jobs_on(e, cs, js, K, counted, threads);
}

/* Whether the compiled job set has demand bits, the most stated needs and
 * occupation references a candidate has, the set's dimensions and whether
 * it has licence bits. */
static void bits_and_needs(const jm_engine *e, const jm_candidates *cs, const jm_jobs *js, bool *bits,
                           size_t *most_needs, size_t *most_refs, size_t *n_dims, bool *licence_bits)
{
    jm_ccands *ccs;
    jm_cjobs *cjs;
    check(jm_compiled_get(e, cs, js, &ccs, &cjs));
    *bits = cjs->demand_bits != NULL;
    *n_dims = cjs->n_dims;
    *licence_bits = cjs->licence_masks != NULL;
    *most_needs = *most_refs = 0;
    for (size_t i = 0; i < ccs->n; i++) {
        const jm_ccand *c = &ccs->recs[i];
        const size_t refs = (size_t)c->n_wanted + c->n_avoided + c->n_history;
        if (c->n_needs > *most_needs)
            *most_needs = c->n_needs;
        if (refs > *most_refs)
            *most_refs = refs;
    }
    jm_ccands_release(ccs);
    jm_cjobs_release(cjs);
}

START_TEST(compiled_batch_equals_pairwise_scoring)
{
    const uint64_t seeds[] = { 0x9e3779b97f4a7c15ull, 0xd1b54a32d192ed03ull, 0x8cb92ba72f3d8dd7ull,
                               0x2545f4914f6cdd1dull };
    size_t excluded = 0;
    for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
        jm_candidates *cs;
        jm_jobs *js;
        wide = (int)s; /* WIDE_NONE, WIDE_NEEDS, WIDE_DIMS, WIDE_BYTES */
        rich_sets(seeds[s], &cs, &js);
        wide = WIDE_NONE;
        jm_engine *e;
        check(jm_engine_new(NULL, &e));
        bool bits, licence_bits;
        size_t most_needs, most_refs, n_dims;
        bits_and_needs(e, cs, js, &bits, &most_needs, &most_refs, &n_dims, &licence_bits);
        ck_assert(bits == (s != WIDE_DIMS));
        ck_assert(licence_bits == (s != WIDE_DIMS));
        if (s == WIDE_BYTES)
            ck_assert_uint_eq(n_dims, JM_DEMAND_BITS_DIMS);
        ck_assert(s == WIDE_NEEDS ? most_needs > JM_ROW_NEEDS : most_needs <= JM_ROW_NEEDS);
        ck_assert(s == WIDE_NEEDS ? most_refs > 64 : most_refs <= 64);
        compare(e, cs, js, &excluded); /* no rules: kernels, windows, pruning */
        check(jm_engine_add_rule(e, "half", 0.3, half_rule, NULL, NULL));
        compare(e, cs, js, &excluded); /* rules after the kernels */
        jm_engine_free(e);
        e = job_type_engine();
        compare(e, cs, js, &excluded); /* groups pruned whole */
        jm_engine_free(e);
        e = unweighted_environment_engine();
        compare(e, cs, js, &excluded);
        jm_engine_free(e);
        e = programme_engine();
        compare(e, cs, js, &excluded);
        check(jm_engine_set_travel_time(e, slow_walk, NULL, NULL));
        compare(e, cs, js, &excluded); /* commute by the factor code */
        jm_engine_free(e);
        jm_candidates_free(cs);
        jm_jobs_free(js);
    }
    ck_assert_uint_gt(excluded, 1000);
}
END_TEST

START_TEST(memo_factors_filled_for_a_row_equal_pairwise_scoring)
{
    jm_candidates *cs;
    jm_jobs *js;
    few_blocks = true;
    rich_sets(0x51ed270b27b7fd1dull, &cs, &js);
    few_blocks = false;
    jm_engine *e;
    check(jm_engine_new(NULL, &e));
    jm_ccands *ccs;
    jm_cjobs *cjs;
    check(jm_compiled_get(e, cs, js, &ccs, &cjs));
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++) /* few enough that a row fills them */
        ck_assert_uint_le((size_t)jm_memo_pool(cjs, kind)->n * 4, COLS);
    ck_assert_uint_ge(cjs->weeks.n, 3);
    jm_ccands_release(ccs);
    jm_cjobs_release(cjs);
    size_t excluded = 0;
    compare(e, cs, js, &excluded);
    jm_engine_free(e);
    e = job_type_engine();
    compare(e, cs, js, &excluded);
    jm_engine_free(e);
    ck_assert_uint_gt(excluded, 100);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

/* Benefit limits of every kind (hours, earnings by week or month, firm or
 * not, each goal), of candidates with and without hours, against jobs with
 * and without hours (a bound left out equals the other) and wage: the
 * benefits kernel's lanes equal pairwise scoring. */
START_TEST(benefit_limits_over_every_shape_of_job_equal_pairwise_scoring)
{
    static char text[1 << 16];
    size_t len = 0;
    state = 0x7f4a7c159e3779b9ull;
    for (int i = 0; i < ROWS; i++) {
        static const char *const goals[] = { "undecided", "stay", "exit" };
        char hours[96] = "", limits[160] = "";
        if (irange(0, 3))
            snprintf(hours, sizeof hours, ", \"hours\": {\"min\": %d, \"max\": %d, \"firm\": %s}", irange(5, 20),
                     irange(21, 40), coin() ? "true" : "false");
        int at = snprintf(limits, sizeof limits, "\"goal\": \"%s\", \"period\": \"%s\", \"firm\": %s",
                          goals[irange(0, 2)], coin() ? "week" : "month", coin() ? "true" : "false");
        if (irange(0, 2))
            at += snprintf(limits + at, sizeof limits - (size_t)at, ", \"max_hours_per_week\": %d", irange(10, 30));
        if (irange(0, 2))
            snprintf(limits + at, sizeof limits - (size_t)at, ", \"max_earnings\": %d", irange(50, 900));
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c%03d\", "
                                "\"preferences\": {\"job_types\": {\"wanted\": [{\"label\": \"cleaner\"}]}%s}, "
                                "\"benefits\": {%s}}\n",
                                i, hours, limits);
    }
    jm_candidates *cs;
    check(jm_candidates_new(&cs));
    check(jm_candidates_load(cs, text, len, NULL, NULL));
    len = 0;
    for (int i = 0; i < COLS; i++) {
        char hours[64] = "", wage[32] = "";
        const int lo = irange(0, 25), hi = lo + irange(0, 20);
        switch (i % 4) {
        case 1: snprintf(hours, sizeof hours, ", \"hours\": {\"min\": %d}", lo); break;
        case 2: snprintf(hours, sizeof hours, ", \"hours\": {\"max\": %d}", hi); break;
        case 3: snprintf(hours, sizeof hours, ", \"hours\": {\"min\": %d, \"max\": %d}", lo, hi); break;
        default: break;
        }
        if (irange(0, 3))
            snprintf(wage, sizeof wage, ", \"wage\": %d.%02d", irange(6, 15), irange(0, 99));
        len += (size_t)snprintf(text + len, sizeof text - len,
                                "{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"j%03d\", "
                                "\"occupation\": {\"label\": \"cleaner\"}%s%s}\n",
                                i, hours, wage);
    }
    jm_jobs *js;
    check(jm_jobs_new(&js));
    check(jm_jobs_load(js, text, len, NULL, NULL));
    jm_engine *e;
    check(jm_engine_new(NULL, &e));
    size_t excluded = 0;
    compare(e, cs, js, &excluded);
    ck_assert_uint_gt(excluded, 100); /* firm limits exclude */
    jm_engine_free(e);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

START_TEST(a_changed_set_is_compiled_again)
{
    jm_candidates *cs;
    jm_jobs *js;
    rich_sets(42, &cs, &js);
    jm_engine *e;
    check(jm_engine_new(NULL, &e));
    jm_prepare_stats st;
    check(jm_engine_prepare(e, cs, js, &st));
    ck_assert_uint_eq(st.candidates, ROWS);
    ck_assert_uint_eq(st.jobs, COLS);
    ck_assert_uint_gt(st.job_bytes, COLS * 64);
    ck_assert_uint_gt(st.string_bytes, 0);
    /* the indexes: a 4-byte entry per job skill, a 4-byte job number and an
     * 8-byte latitude per job, and their offsets */
    ck_assert_uint_gt(st.job_index_bytes, st.job_skills * 4 + COLS * 12);
    /* a job added after compiling is scored: the set's serial changed */
    jm_job *j;
    check(jm_job_new("zz-new", &j));
    check(jm_job_set_wage(j, 50));
    check(jm_jobs_add(js, j));
    jm_job_free(j);
    static double got[ROWS * (COLS + 1)];
    check(jm_engine_score_matrix(e, cs, js, NULL, got, ROWS * (COLS + 1), NULL, 0));
    check(jm_engine_prepare(e, cs, js, &st));
    ck_assert_uint_eq(st.jobs, COLS + 1);
    for (size_t i = 0; i < ROWS; i++) {
        jm_match *m;
        check(jm_engine_score(e, jm_candidates_get(cs, i), jm_jobs_get(js, COLS), &m));
        ck_assert(memcmp(&got[i * (COLS + 1) + COLS], &(double){ jm_match_total(m) }, sizeof(double)) == 0);
        jm_match_free(m);
    }
    ck_assert_int_eq(jm_engine_prepare(NULL, cs, js, NULL), JM_EINVAL);
    jm_engine_free(e);
    jm_candidates_free(cs);
    jm_jobs_free(js);
}
END_TEST

/* A compiled candidate's small numbers come back as the very doubles they
 * were made from, or do not encode (the factor code then reads them). */
START_TEST(hundredths_give_back_the_same_double)
{
    int16_t n;
    const char *exact[] = { "0", "0.29", "2.5", "4", "3.07", "1.4", "6.99", "0.01" };
    for (size_t i = 0; i < sizeof exact / sizeof *exact; i++) {
        const double x = strtod(exact[i], NULL); /* as the JSON reader parses it */
        ck_assert_msg(jm_hundredths_of(x, 0, 700, &n), "%s", exact[i]);
        ck_assert_msg(memcmp(&(double){ jm_hundredths_value(n) }, &x, sizeof x) == 0, "%s", exact[i]);
    }
    ck_assert(jm_hundredths_of(NAN, 0, 400, &n) && n == JM_HUNDREDTHS_NAN && isnan(jm_hundredths_value(n)));
    ck_assert(!jm_hundredths_of(1.234, 0, 400, &n));
    ck_assert(!jm_hundredths_of(0.1 + 0.2, 0, 400, &n)); /* 0.30000000000000004 */
    ck_assert(!jm_hundredths_of(-0.0, 0, 400, &n));
    ck_assert(!jm_hundredths_of(4.01, 0, JM_HUNDREDTHS_MAX, &n));
    ck_assert(!jm_hundredths_of(-0.5, 0, 400, &n));
    ck_assert(jm_hundredths_of(-0.5, -100, 400, &n) && n == -50);
    ck_assert(!jm_hundredths_of(INFINITY, 0, 400, &n));
    ck_assert(!jm_hundredths_of(3.999999, 0, 400, &n));
    /* every count of the environment scale decodes to the double its decimal parses to */
    for (int k = 0; k <= JM_HUNDREDTHS_MAX; k++) {
        char text[16];
        snprintf(text, sizeof text, "%d.%02d", k / 100, k % 100);
        const double x = strtod(text, NULL);
        ck_assert_msg(jm_hundredths_of(x, 0, JM_HUNDREDTHS_MAX, &n) && n == k, "%s", text);
        ck_assert_msg(jm_hundredths_value(n) == x, "%s", text);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("compiled");
    TCase *tc = tcase_create("compiled");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, compiled_batch_equals_pairwise_scoring);
    tcase_add_test(tc, memo_factors_filled_for_a_row_equal_pairwise_scoring);
    tcase_add_test(tc, benefit_limits_over_every_shape_of_job_equal_pairwise_scoring);
    tcase_add_test(tc, a_changed_set_is_compiled_again);
    tcase_add_test(tc, hundredths_give_back_the_same_double);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
