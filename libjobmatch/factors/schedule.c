/*
 * The schedule factor: the person's weekly availability against the job's
 * shifts, on a grid of 30-minute slots (model.h).
 *
 * Score: the share of the job's scheduled slots in which the person is
 * available, |availability AND schedule| / |schedule|.  A person available
 * for none of the job's hours (or for less than schedule_min_share of them)
 * cannot work its shifts: the pair is excluded, with what would lift it.
 * The detail names the longest span the person cannot cover.
 */
#include "kernel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

double jm_schedule_share(const jm_week *availability, const jm_week *schedule)
{
    int total = jm_week_count(schedule);
    if (total == 0)
        return NAN;
    return (double)jm_week_overlap(availability, schedule) / (double)total;
}

static bool missing_at(const jm_week *avail, const jm_week *sched, int slot)
{
    slot = ((slot % JM_WEEK_SLOTS) + JM_WEEK_SLOTS) % JM_WEEK_SLOTS;
    return jm_week_get(sched, slot) && !jm_week_get(avail, slot);
}

static const char *const day_names[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

static void slot_time(int slot, int *day, int *hh, int *mm)
{
    slot %= JM_WEEK_SLOTS;
    *day = slot / JM_SLOTS_PER_DAY;
    int minute = (slot % JM_SLOTS_PER_DAY) * JM_SLOT_MINUTES;
    *hh = minute / 60;
    *mm = minute % 60;
}

/* Appends "Sat 07:30-12:00" for the longest span the person cannot cover
 * (the first in week order on a tie) and how many more there are; spans may
 * wrap from Sunday into Monday. */
static void describe_missing(jm_buf *d, const jm_week *avail, const jm_week *sched)
{
    int first = -1, first_len = 0, runs = 0;
    for (int s = 0; s < JM_WEEK_SLOTS; s++) {
        if (!missing_at(avail, sched, s) || missing_at(avail, sched, s - 1))
            continue;
        int len = 1;
        while (len < JM_WEEK_SLOTS && missing_at(avail, sched, s + len))
            len++;
        if (runs++ == 0 || len > first_len) {
            first = s;
            first_len = len;
        }
    }
    if (first < 0) {
        /* No span starts anywhere: every slot of the week is missing. */
        jm_buf_append(d, "the whole week");
        return;
    }
    int d1, h1, m1, d2, h2, m2;
    slot_time(first, &d1, &h1, &m1);
    int end = first + first_len; /* exclusive */
    slot_time(end, &d2, &h2, &m2);
    if (d2 == d1 && first_len < JM_SLOTS_PER_DAY)
        jm_buf_printf(d, "%s %02d:%02d-%02d:%02d", day_names[d1], h1, m1, h2, m2);
    else if (h2 == 0 && m2 == 0 && first_len <= JM_SLOTS_PER_DAY)
        jm_buf_printf(d, "%s %02d:%02d-24:00", day_names[d1], h1, m1);
    else
        jm_buf_printf(d, "%s %02d:%02d-%s %02d:%02d", day_names[d1], h1, m1, day_names[d2], h2,
                      m2);
    if (runs > 1)
        jm_buf_printf(d, " and %d more", runs - 1);
}

/* A share as a whole percentage that never reads 0% or 100% when it is not. */
static int percent(double share)
{
    int pct = (int)lround(share * 100.0);
    if (pct == 0 && share > 0.0)
        pct = 1;
    if (pct == 100 && share < 1.0)
        pct = 99;
    return pct;
}

void jm_factor_schedule(jm_eval *ev)
{
    const int F = JM_FACTOR_SCHEDULE;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;

    const bool has_avail = c->has_availability && !jm_week_is_empty(&c->availability);
    const bool has_sched = j->has_schedule && !jm_week_is_empty(&j->schedule);
    if (!has_avail || !has_sched) {
        if (!has_avail && !has_sched)
            jm_eval_nodata(ev, F, "neither the person's availability nor the job's schedule is known");
        else if (!has_avail)
            jm_eval_nodata(ev, F, "the person's availability is unknown");
        else
            jm_eval_nodata(ev, F, "the job's schedule is unknown");
        return;
    }

    const double share = jm_schedule_share(&c->availability, &j->schedule);
    const int total = jm_week_count(&j->schedule);
    const int covered = jm_week_overlap(&c->availability, &j->schedule);
    char n1[32], n2[32];

    if (jm_eval_explaining(ev)) {
        jm_buf d;
        jm_buf_init(&d);
        if (covered == total) {
            jm_buf_printf(&d, "available for all %s h/week of the job's schedule",
                          jm_num(n1, total * JM_SLOT_MINUTES / 60.0));
        } else {
            jm_buf_printf(&d, "available for %d%% of the job's hours (missing: ", percent(share));
            describe_missing(&d, &c->availability, &j->schedule);
            jm_buf_append(&d, ")");
        }
        char *text = jm_buf_take(&d);
        jm_eval_score(ev, F, share, "%s", text ? text : "");
        free(text);
    } else {
        jm_eval_value(ev, F, share);
    }

    static const char *const lift =
        "feasible if the employer can move the shifts to times the person is available "
        "(flexible or modified schedule), or if the person's availability changes";
    if (!jm_eval_explaining(ev)) {
        if (covered == 0 || share < th->schedule_min_share)
            jm_eval_excluded(ev, F);
    } else if (covered == 0)
        jm_eval_exclude(ev, F, lift, "not available for any of the job's shifts");
    else if (share < th->schedule_min_share)
        jm_eval_exclude(ev, F, lift,
                        "available for only %d%% of the job's hours; at least %s%% needed",
                        percent(share), jm_num(n2, th->schedule_min_share * 100.0));
}

/* jm_week_overlap through the compiler's popcount, which the kernels'
 * x86-64-v3 clones (JM_BLOCK_CLONES) make one instruction a word: the same
 * count. */
static JM_ALWAYS_INLINE int slots_in_both(const jm_week *a, const jm_week *b)
{
    int n = 0;
    for (int i = 0; i < JM_WEEK_WORDS; i++)
        n += __builtin_popcountll(a->bits[i] & b->bits[i]);
    return n;
}

static JM_ALWAYS_INLINE double schedule_compute(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                                                unsigned *excl)
{
    if (pc->c->avail == JM_NO_BLOCK || j->sched == JM_NO_BLOCK)
        return JM_KNODATA;
    /* sched_slots is the count of the block's slots: the block settles it */
    const int total = j->sched_slots;
    const int covered =
        slots_in_both(jm_blockpool_at(&pc->cs->weeks, pc->c->avail), jm_blockpool_at(&pc->js->weeks, j->sched));
    const double share = (double)covered / (double)total;
    *excl += covered == 0 || share < th->schedule_min_share;
    return jm_eval_clamped(share);
}
JM_MEMO_KERNEL_DEFINE(schedule, JM_FACTOR_SCHEDULE, JM_MEMO_SCHEDULE, sched, avail)
