/* The schedule factor: share of the job's hours covered, missing spans, exclusion. */
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
    P->th.schedule_min_share = 0.0;
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
    jm_factor_schedule(&EV);
    ck_assert_int_eq(EV.error, 0);
    const jm_factor_entry *e = &EV.m->factors[JM_FACTOR_SCHEDULE];
    ck_assert(e->reported);
    return e;
}

#define HM(h, m) ((h) * 60 + (m))

static void avail(int day, int start, int end)
{
    C->has_availability = true;
    jm_week_add(&C->availability, day, start, end);
}

static void shift(int day, int start, int end)
{
    J->has_schedule = true;
    jm_week_add(&J->schedule, day, start, end);
}

START_TEST(share_formula)
{
    jm_week a, s;
    memset(&a, 0, sizeof a);
    memset(&s, 0, sizeof s);
    ck_assert(isnan(jm_schedule_share(&a, &s)));
    jm_week_add(&s, JM_MON, HM(8, 0), HM(16, 0));
    TU_NEAR(jm_schedule_share(&a, &s), 0.0);
    jm_week_add(&a, JM_MON, HM(8, 0), HM(12, 0));
    TU_NEAR(jm_schedule_share(&a, &s), 0.5);
    jm_week_add(&a, JM_TUE, HM(8, 0), HM(12, 0)); /* availability outside the schedule */
    TU_NEAR(jm_schedule_share(&a, &s), 0.5);
    jm_week_add(&a, JM_MON, HM(12, 0), HM(15, 30));
    TU_NEAR(jm_schedule_share(&a, &s), 15.0 / 16.0);
    jm_week_add(&a, JM_MON, 0, HM(24, 0));
    TU_NEAR(jm_schedule_share(&a, &s), 1.0);
}
END_TEST

START_TEST(fully_available)
{
    shift(JM_MON, HM(7, 30), HM(15, 30));
    shift(JM_TUE, HM(7, 30), HM(15, 30));
    avail(JM_MON, HM(7, 0), HM(18, 0));
    avail(JM_TUE, HM(7, 0), HM(18, 0));
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "available for all 16 h/week of the job's schedule");
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(partly_available)
{
    for (int d = JM_MON; d <= JM_FRI; d++) {
        shift(d, HM(9, 0), HM(13, 0));
        avail(d, HM(8, 0), HM(14, 0));
    }
    shift(JM_SAT, HM(7, 30), HM(12, 0));
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 20.0 / 24.5);
    ck_assert_str_eq(e->detail, "available for 82% of the job's hours (missing: Sat 07:30-12:00)");
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(several_missing_spans)
{
    shift(JM_MON, HM(8, 0), HM(12, 0));
    shift(JM_WED, HM(8, 0), HM(12, 0));
    shift(JM_FRI, HM(8, 0), HM(12, 0));
    avail(JM_WED, HM(8, 0), HM(12, 0));
    avail(JM_FRI, HM(10, 0), HM(12, 0));
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 6.0 / 12.0);
    ck_assert_str_eq(e->detail,
                     "available for 50% of the job's hours (missing: Mon 08:00-12:00 and 1 more)");
}
END_TEST

START_TEST(spans_over_midnight)
{
    shift(JM_SUN, HM(22, 0), HM(30, 0)); /* Sun 22:00 to Mon 06:00 */
    avail(JM_MON, HM(4, 0), HM(12, 0));
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 4.0 / 16.0);
    ck_assert_str_eq(e->detail, "available for 25% of the job's hours (missing: Sun 22:00-Mon 04:00)");

    memset(&J->schedule, 0, sizeof J->schedule);
    shift(JM_SAT, HM(20, 0), HM(24, 0));
    avail(JM_SAT, HM(20, 0), HM(21, 0));
    e = run();
    ck_assert_str_eq(e->detail, "available for 25% of the job's hours (missing: Sat 21:00-24:00)");
}
END_TEST

START_TEST(small_share_never_reads_zero)
{
    shift(JM_MON, 0, HM(24, 0));
    avail(JM_MON, HM(23, 30), HM(24, 0));
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 1.0 / 48.0);
    ck_assert_str_eq(e->detail, "available for 2% of the job's hours (missing: Mon 00:00-23:30)");

    memset(&J->schedule, 0, sizeof J->schedule);
    memset(&C->availability, 0, sizeof C->availability);
    for (int d = JM_MON; d <= JM_SUN; d++) {
        shift(d, 0, HM(24, 0));
        avail(d, 0, HM(24, 0));
    }
    /* 335 of 336 slots: 99.7% reads 99%, never 100% */
    C->availability.bits[0] &= ~(uint64_t)1;
    e = run();
    ck_assert_str_eq(e->detail, "available for 99% of the job's hours (missing: Mon 00:00-00:30)");
}
END_TEST

START_TEST(none_available_excludes)
{
    shift(JM_SAT, HM(8, 0), HM(16, 0));
    shift(JM_SUN, HM(8, 0), HM(16, 0));
    avail(JM_MON, HM(8, 0), HM(16, 0));
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.0);
    ck_assert(e->excluded);
    ck_assert_uint_eq(EV.m->n_exclusions, 1);
    ck_assert_str_eq(EV.m->exclusions[0].factor, "schedule");
    ck_assert_str_eq(EV.m->exclusions[0].reason, "not available for any of the job's shifts");
    ck_assert_str_eq(EV.m->exclusions[0].lift,
                     "feasible if the employer can move the shifts to times the person is "
                     "available (flexible or modified schedule), or if the person's "
                     "availability changes");
    ck_assert_str_eq(e->detail,
                     "available for 0% of the job's hours (missing: Sat 08:00-16:00 and 1 more)");
}
END_TEST

START_TEST(minimum_share)
{
    P->th.schedule_min_share = 0.5;
    shift(JM_MON, HM(8, 0), HM(14, 0));
    avail(JM_MON, HM(8, 0), HM(10, 0));
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 1.0 / 3.0);
    ck_assert(e->excluded);
    ck_assert_str_eq(EV.m->exclusions[0].reason,
                     "available for only 33% of the job's hours; at least 50% needed");
    /* exactly at the minimum passes */
    avail(JM_MON, HM(10, 0), HM(11, 0));
    jm_match_clear(EV.m);
    free(EV.m);
    EV.m = jm_match_alloc("c1", "j1", P);
    e = run();
    TU_NEAR(e->score, 0.5);
    ck_assert(!e->excluded);
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(longest_missing_span_named)
{
    shift(JM_MON, HM(7, 30), HM(15, 30));
    shift(JM_TUE, HM(7, 30), HM(15, 30));
    avail(JM_MON, HM(8, 0), HM(16, 0));
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 15.0 / 32.0);
    ck_assert_str_eq(e->detail,
                     "available for 47% of the job's hours (missing: Tue 07:30-15:30 and 1 more)");
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "neither the person's availability nor the job's schedule is known");
    shift(JM_MON, HM(8, 0), HM(12, 0));
    e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person's availability is unknown");
    /* an availability given as empty is taken as not stated: never excludes */
    C->has_availability = true;
    e = run();
    ck_assert(!e->has_data);
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
    J->has_schedule = false;
    memset(&J->schedule, 0, sizeof J->schedule);
    avail(JM_MON, HM(8, 0), HM(12, 0));
    e = run();
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "the job's schedule is unknown");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_schedule");
    TCase *t = tcase_create("formula");
    tcase_add_test(t, share_formula);
    suite_add_tcase(s, t);
    t = tcase_create("factor");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, fully_available);
    tcase_add_test(t, partly_available);
    tcase_add_test(t, several_missing_spans);
    tcase_add_test(t, spans_over_midnight);
    tcase_add_test(t, small_share_never_reads_zero);
    tcase_add_test(t, none_available_excludes);
    tcase_add_test(t, minimum_share);
    tcase_add_test(t, longest_missing_span_named);
    tcase_add_test(t, nodata);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
