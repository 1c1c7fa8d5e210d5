/* Tests of the weekly slot grid (week.c). */
#include <string.h>

#include "model.h"
#include "testutil.h"

#define SLOT(day, hh, mm) ((day) * 48 + (hh) * 2 + (mm) / 30)

static jm_week empty_week(void)
{
    jm_week w;
    memset(&w, 0, sizeof w);
    return w;
}

START_TEST(day_range_sets_its_slots)
{
    jm_week w = empty_week();
    jm_week_add(&w, JM_MON, 8 * 60, 12 * 60);
    ck_assert_int_eq(jm_week_count(&w), 8);
    ck_assert(!jm_week_get(&w, SLOT(JM_MON, 7, 30)));
    ck_assert(jm_week_get(&w, SLOT(JM_MON, 8, 0)));
    ck_assert(jm_week_get(&w, SLOT(JM_MON, 11, 30)));
    ck_assert(!jm_week_get(&w, SLOT(JM_MON, 12, 0)));
    ck_assert_int_eq(SLOT(JM_MON, 8, 0), 16);

    jm_week t = empty_week();
    jm_week_add(&t, JM_WED, 13 * 60, 17 * 60 + 30);
    ck_assert_int_eq(jm_week_count(&t), 9);
    ck_assert(jm_week_get(&t, 2 * 48 + 26));
    ck_assert(jm_week_get(&t, 2 * 48 + 34));
    ck_assert(!jm_week_get(&t, 2 * 48 + 35));
}
END_TEST

START_TEST(times_are_rounded_outward)
{
    jm_week w = empty_week();
    jm_week_add(&w, JM_TUE, 8 * 60 + 10, 8 * 60 + 50); /* 08:10-08:50 -> 08:00-09:00 */
    ck_assert_int_eq(jm_week_count(&w), 2);
    ck_assert(jm_week_get(&w, SLOT(JM_TUE, 8, 0)));
    ck_assert(jm_week_get(&w, SLOT(JM_TUE, 8, 30)));
    ck_assert(!jm_week_get(&w, SLOT(JM_TUE, 9, 0)));

    jm_week one = empty_week();
    jm_week_add(&one, JM_TUE, 8 * 60 + 29, 8 * 60 + 31); /* straddles a boundary */
    ck_assert_int_eq(jm_week_count(&one), 2);
}
END_TEST

START_TEST(overnight_runs_into_next_day)
{
    jm_week w = empty_week();
    jm_week_add(&w, JM_FRI, 22 * 60, 24 * 60 + 6 * 60); /* Fri 22:00 - Sat 06:00 */
    ck_assert_int_eq(jm_week_count(&w), 16);
    ck_assert(jm_week_get(&w, SLOT(JM_FRI, 22, 0)));
    ck_assert(jm_week_get(&w, SLOT(JM_FRI, 23, 30)));
    ck_assert(jm_week_get(&w, SLOT(JM_SAT, 0, 0)));
    ck_assert(jm_week_get(&w, SLOT(JM_SAT, 5, 30)));
    ck_assert(!jm_week_get(&w, SLOT(JM_SAT, 6, 0)));
    ck_assert(!jm_week_get(&w, SLOT(JM_FRI, 21, 30)));
}
END_TEST

START_TEST(sunday_wraps_to_monday)
{
    jm_week w = empty_week();
    jm_week_add(&w, JM_SUN, 22 * 60, 24 * 60 + 2 * 60);
    ck_assert_int_eq(jm_week_count(&w), 8);
    ck_assert(jm_week_get(&w, JM_WEEK_SLOTS - 1));
    ck_assert(jm_week_get(&w, SLOT(JM_SUN, 22, 0)));
    ck_assert(jm_week_get(&w, 0));
    ck_assert(jm_week_get(&w, 3));
    ck_assert(!jm_week_get(&w, 4));
}
END_TEST

START_TEST(whole_days_and_whole_week)
{
    jm_week w = empty_week();
    jm_week_add(&w, JM_THU, 0, 24 * 60);
    ck_assert_int_eq(jm_week_count(&w), 48);
    jm_week_add(&w, JM_THU, 0, 24 * 60); /* idempotent */
    ck_assert_int_eq(jm_week_count(&w), 48);

    jm_week all = empty_week();
    for (int d = JM_MON; d <= JM_SUN; d++)
        jm_week_add(&all, d, 0, 24 * 60);
    ck_assert_int_eq(jm_week_count(&all), JM_WEEK_SLOTS);
    ck_assert_int_eq(jm_week_overlap(&all, &w), 48);

    /* two whole days from Saturday 00:00: Saturday and Sunday */
    jm_week two = empty_week();
    jm_week_add(&two, JM_SAT, 0, 2 * 24 * 60);
    ck_assert_int_eq(jm_week_count(&two), 96);
    ck_assert(!jm_week_get(&two, 0));
    ck_assert(jm_week_get(&two, SLOT(JM_SAT, 0, 0)));
}
END_TEST

START_TEST(overlap_counts_shared_slots)
{
    jm_week a = empty_week(), b = empty_week();
    jm_week_add(&a, JM_MON, 8 * 60, 16 * 60);  /* 16 slots */
    jm_week_add(&b, JM_MON, 12 * 60, 20 * 60); /* 16 slots */
    jm_week_add(&b, JM_TUE, 8 * 60, 16 * 60);  /* no overlap with a */
    ck_assert_int_eq(jm_week_count(&a), 16);
    ck_assert_int_eq(jm_week_count(&b), 32);
    ck_assert_int_eq(jm_week_overlap(&a, &b), 8);
    ck_assert_int_eq(jm_week_overlap(&b, &a), 8);
    ck_assert_int_eq(jm_week_overlap(&a, &a), 16);

    /* overlap across a 64-bit word boundary (slot 63/64 lies on Tuesday 07:30/08:00) */
    jm_week c = empty_week(), d = empty_week();
    jm_week_add(&c, JM_TUE, 7 * 60, 9 * 60);
    jm_week_add(&d, JM_TUE, 7 * 60 + 30, 8 * 60 + 30);
    ck_assert_int_eq(jm_week_overlap(&c, &d), 2);
}
END_TEST

START_TEST(empty_and_degenerate)
{
    jm_week w = empty_week();
    ck_assert(jm_week_is_empty(&w));
    ck_assert_int_eq(jm_week_count(&w), 0);
    jm_week_add(&w, JM_MON, 600, 600);  /* empty range */
    jm_week_add(&w, JM_MON, 600, 500);  /* reversed */
    jm_week_add(&w, 7, 0, 60);          /* no such day */
    jm_week_add(&w, -1, 0, 60);
    ck_assert(jm_week_is_empty(&w));
    ck_assert(!jm_week_get(&w, -1));
    ck_assert(!jm_week_get(&w, JM_WEEK_SLOTS));
    jm_week_add(&w, JM_SUN, 23 * 60 + 30, 24 * 60);
    ck_assert(!jm_week_is_empty(&w));
    ck_assert(jm_week_get(&w, JM_WEEK_SLOTS - 1));
    ck_assert(!jm_week_get(&w, JM_WEEK_SLOTS));
    ck_assert_int_eq(jm_week_count(&w), 1);
}
END_TEST

START_TEST(range_rules_for_setters)
{
    ck_assert_ptr_null(jm_week_range_problem(JM_MON, 0, 1440));
    ck_assert_ptr_null(jm_week_range_problem(JM_SUN, 1320, 1800));
    ck_assert_ptr_null(jm_week_range_problem(JM_MON, 1439, 2879));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(7, 0, 60), "day"));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(-1, 0, 60), "day"));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(JM_MON, -30, 60), "start_minute"));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(JM_MON, 1440, 1500), "start_minute"));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(JM_MON, 600, 600), "end_minute"));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(JM_MON, 1320, 360), "past midnight"));
    ck_assert_ptr_nonnull(strstr(jm_week_range_problem(JM_MON, 0, 1441), "1440"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("week");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, day_range_sets_its_slots);
    tcase_add_test(tc, times_are_rounded_outward);
    tcase_add_test(tc, overnight_runs_into_next_day);
    tcase_add_test(tc, sunday_wraps_to_monday);
    tcase_add_test(tc, whole_days_and_whole_week);
    tcase_add_test(tc, overlap_counts_shared_slots);
    tcase_add_test(tc, empty_and_degenerate);
    tcase_add_test(tc, range_rules_for_setters);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
