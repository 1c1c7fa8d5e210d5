/* Weekly grids of 30-minute slots (Monday 00:00 is slot 0). */

#include "model.h"

static void set_slot(jm_week *w, int slot)
{
    w->bits[slot / 64] |= (uint64_t)1 << (slot % 64);
}

void jm_week_add(jm_week *w, int day, int start_minute, int end_minute)
{
    if (!w || day < 0 || day > 6)
        return;
    if (start_minute < 0)
        start_minute = 0;
    if (end_minute > 2 * 24 * 60)
        end_minute = 2 * 24 * 60;
    if (end_minute <= start_minute)
        return;
    int first = start_minute / JM_SLOT_MINUTES;                          /* rounded down */
    int last = (end_minute + JM_SLOT_MINUTES - 1) / JM_SLOT_MINUTES;     /* rounded up, exclusive */
    if (last - first > JM_WEEK_SLOTS)
        last = first + JM_WEEK_SLOTS;
    int base = day * JM_SLOTS_PER_DAY;
    for (int s = first; s < last; s++)
        set_slot(w, (base + s) % JM_WEEK_SLOTS); /* Sunday night wraps into Monday */
}

bool jm_week_is_empty(const jm_week *w)
{
    for (int i = 0; i < JM_WEEK_WORDS; i++)
        if (w->bits[i])
            return false;
    return true;
}

bool jm_week_get(const jm_week *w, int slot)
{
    if (slot < 0 || slot >= JM_WEEK_SLOTS)
        return false;
    return (w->bits[slot / 64] >> (slot % 64)) & 1u;
}

const char *jm_week_range_problem(int day, int start_minute, int end_minute)
{
    if (day < JM_MON || day > JM_SUN)
        return "day must be 0 (Monday) .. 6 (Sunday)";
    if (start_minute < 0 || start_minute >= 24 * 60)
        return "start_minute must be in 0..1439";
    if (end_minute <= start_minute)
        return "end_minute must be greater than start_minute (add 1440 to run past midnight)";
    if (end_minute - start_minute > 24 * 60)
        return "end_minute must be at most 1440 minutes after start_minute";
    return NULL;
}
