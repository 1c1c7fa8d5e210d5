/* The schedule factor: share of the job's hours covered, missing spans, exclusion. */
#include <string.h>

#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.schedule_min_share = 0.0;
}

#define HM(h, m) ((h) * 60 + (m))

static void avail(int day, int start, int end)
{
    FX_C->has_availability = true;
    jm_week_add(&FX_C->availability, day, start, end);
}

static void shift(int day, int start, int end)
{
    FX_J->has_schedule = true;
    jm_week_add(&FX_J->schedule, day, start, end);
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
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "available for all 16 h/week of the job's schedule");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(partly_available)
{
    for (int d = JM_MON; d <= JM_FRI; d++) {
        shift(d, HM(9, 0), HM(13, 0));
        avail(d, HM(8, 0), HM(14, 0));
    }
    shift(JM_SAT, HM(7, 30), HM(12, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 20.0 / 24.5);
    ck_assert_str_eq(e->detail, "available for 82% of the job's hours (missing: Sat 07:30-12:00)");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(several_missing_spans)
{
    shift(JM_MON, HM(8, 0), HM(12, 0));
    shift(JM_WED, HM(8, 0), HM(12, 0));
    shift(JM_FRI, HM(8, 0), HM(12, 0));
    avail(JM_WED, HM(8, 0), HM(12, 0));
    avail(JM_FRI, HM(10, 0), HM(12, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 6.0 / 12.0);
    ck_assert_str_eq(e->detail,
                     "available for 50% of the job's hours (missing: Mon 08:00-12:00 and 1 more)");
}
END_TEST

START_TEST(spans_over_midnight)
{
    shift(JM_SUN, HM(22, 0), HM(30, 0)); /* Sun 22:00 to Mon 06:00 */
    avail(JM_MON, HM(4, 0), HM(12, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 4.0 / 16.0);
    ck_assert_str_eq(e->detail, "available for 25% of the job's hours (missing: Sun 22:00-Mon 04:00)");

    memset(&FX_J->schedule, 0, sizeof FX_J->schedule);
    shift(JM_SAT, HM(20, 0), HM(24, 0));
    avail(JM_SAT, HM(20, 0), HM(21, 0));
    e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert_str_eq(e->detail, "available for 25% of the job's hours (missing: Sat 21:00-24:00)");
}
END_TEST

START_TEST(small_share_never_reads_zero)
{
    shift(JM_MON, 0, HM(24, 0));
    avail(JM_MON, HM(23, 30), HM(24, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 1.0 / 48.0);
    ck_assert_str_eq(e->detail, "available for 2% of the job's hours (missing: Mon 00:00-23:30)");

    memset(&FX_J->schedule, 0, sizeof FX_J->schedule);
    memset(&FX_C->availability, 0, sizeof FX_C->availability);
    for (int d = JM_MON; d <= JM_SUN; d++) {
        shift(d, 0, HM(24, 0));
        avail(d, 0, HM(24, 0));
    }
    /* 335 of 336 slots: 99.7% reads 99%, never 100% */
    FX_C->availability.bits[0] &= ~(uint64_t)1;
    e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert_str_eq(e->detail, "available for 99% of the job's hours (missing: Mon 00:00-00:30)");
}
END_TEST

START_TEST(none_available_excludes)
{
    shift(JM_SAT, HM(8, 0), HM(16, 0));
    shift(JM_SUN, HM(8, 0), HM(16, 0));
    avail(JM_MON, HM(8, 0), HM(16, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.0);
    ck_assert(e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "schedule", "not available for any of the job's shifts",
                       "feasible if the employer can move the shifts to times the person is "
                       "available (flexible or modified schedule), or if the person's availability "
                       "changes");
    ck_assert_str_eq(e->detail,
                     "available for 0% of the job's hours (missing: Sat 08:00-16:00 and 1 more)");
}
END_TEST

START_TEST(minimum_share)
{
    FX_P->th.schedule_min_share = 0.5;
    shift(JM_MON, HM(8, 0), HM(14, 0));
    avail(JM_MON, HM(8, 0), HM(10, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 1.0 / 3.0);
    ck_assert(e->excluded);
    ck_assert_str_eq(FX_EV.m->exclusions[0].reason,
                     "available for only 33% of the job's hours; at least 50% needed");
    /* exactly at the minimum passes */
    avail(JM_MON, HM(10, 0), HM(11, 0));
    fx_new_match();
    e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 0.5);
    ck_assert(!e->excluded);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(longest_missing_span_named)
{
    shift(JM_MON, HM(7, 30), HM(15, 30));
    shift(JM_TUE, HM(7, 30), HM(15, 30));
    avail(JM_MON, HM(8, 0), HM(16, 0));
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    TU_NEAR(e->score, 15.0 / 32.0);
    ck_assert_str_eq(e->detail,
                     "available for 47% of the job's hours (missing: Tue 07:30-15:30 and 1 more)");
}
END_TEST

START_TEST(nodata)
{
    const jm_factor_entry *e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "neither the person's availability nor the job's schedule is known");
    shift(JM_MON, HM(8, 0), HM(12, 0));
    e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person's availability is unknown");
    /* an availability given as empty is taken as not stated: never excludes */
    FX_C->has_availability = true;
    e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert(!e->has_data);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
    FX_J->has_schedule = false;
    memset(&FX_J->schedule, 0, sizeof FX_J->schedule);
    avail(JM_MON, HM(8, 0), HM(12, 0));
    e = fx_run(JM_FACTOR_SCHEDULE);
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "the job's schedule is unknown");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_schedule");
    TCase *t = fx_tcase(s, "formula", NULL, NULL);
    tcase_add_test(t, share_formula);
    t = fx_tcase(s, "factor", setup, fx_teardown);
    tcase_add_test(t, fully_available);
    tcase_add_test(t, partly_available);
    tcase_add_test(t, several_missing_spans);
    tcase_add_test(t, spans_over_midnight);
    tcase_add_test(t, small_share_never_reads_zero);
    tcase_add_test(t, none_available_excludes);
    tcase_add_test(t, minimum_share);
    tcase_add_test(t, longest_missing_span_named);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
