/*
 * The wage factor: the job's hourly wage against the person's floor.
 *
 * Score: 1 at or above the floor, linear to 0 at floor x (1 - wage_falloff).
 * A firm floor is a deal-breaker: a wage below it excludes the pair, lifted
 * if the wage reaches the floor.  Either side unknown: no data.
 */
#include "kernel.h"
#include "vec.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double jm_wage_score(double wage, double floor_, double falloff)
{
    if (isnan(wage) || isnan(floor_))
        return NAN;
    if (wage >= floor_)
        return 1.0;
    if (!(falloff > 0.0))
        return 0.0;
    double bottom = floor_ * (1.0 - fmin(falloff, 1.0));
    if (wage <= bottom)
        return 0.0;
    return (wage - bottom) / (floor_ - bottom);
}

void jm_factor_wage(jm_eval *ev)
{
    const int F = JM_FACTOR_WAGE;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    char n1[32], n2[32];

    if (isnan(c->wage_floor) || isnan(j->wage)) {
        if (isnan(c->wage_floor) && isnan(j->wage))
            jm_eval_nodata(ev, F, "neither the person's wage floor nor the job's wage is known");
        else if (isnan(c->wage_floor))
            jm_eval_nodata(ev, F, "the person gave no wage floor");
        else
            jm_eval_nodata(ev, F, "the job's wage is unknown");
        return;
    }

    const double score = jm_wage_score(j->wage, c->wage_floor, ev->p->th.wage_falloff);
    if (jm_eval_explaining(ev))
        jm_eval_score(ev, F, score, "job pays %s per hour; the person's %sfloor is %s",
                      jm_num(n1, j->wage), c->wage_firm ? "firm " : "", jm_num(n2, c->wage_floor));
    else
        jm_eval_value(ev, F, score);

    if (c->wage_firm && j->wage < c->wage_floor && !jm_eval_explaining(ev)) {
        jm_eval_excluded(ev, F);
    } else if (c->wage_firm && j->wage < c->wage_floor) {
        char lift[120];
        snprintf(lift, sizeof lift, "feasible if the wage reaches %s per hour",
                 jm_num(n1, c->wage_floor));
        jm_eval_exclude(ev, F, lift, "job pays %s per hour, below the person's firm floor of %s",
                        jm_num(n1, j->wage), jm_num(n2, c->wage_floor));
    }
}

static JM_ALWAYS_INLINE double wage_value(const jm_cpair *pc, const jm_cjob *j,
                                          const jm_thresholds *th, unsigned *excl)
{
    const jm_ccand *c = pc->c;
    const double wage = pc->js->wage[j - pc->js->recs];
    if (isnan(c->wage_floor) || isnan(wage))
        return JM_KNODATA;
    *excl += c->wage_firm && wage < c->wage_floor;
    return jm_eval_clamped(jm_wage_score(wage, c->wage_floor, th->wage_falloff));
}
JM_KERNEL_DEFINE_PAIR(wage, JM_FACTOR_WAGE)

#if JM_HAVE_VEC
/* wage_value for four jobs at once, a job per lane (their wages loaded from
 * the set's column): jm_wage_score's cases as masks, each formula as written
 * there, then jm_eval_clamped. */
JM_BLOCK_CLONES
void jm_kblock_wage(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                    double *restrict out, unsigned char *restrict excl)
{
    const jm_ccand *c = pc->c;
    const double floor_s = c->wage_floor, falloff = th->wage_falloff;
    if (isnan(floor_s)) {
        for (size_t k = 0; k < n; k++)
            out[k] = JM_KNODATA;
        return;
    }
    const bool falls = falloff > 0.0;
    const double bottom_s = falls ? floor_s * (1.0 - fmin(falloff, 1.0)) : 0.0;
    const jm_vd4 floor_ = jm_v4splat(floor_s), bottom = jm_v4splat(bottom_s);
    const jm_vd4 one = jm_v4splat(1.0), zero = jm_v4splat(0.0);
    const jm_vm4 falls_m = jm_v4mask_of(falls), firm = jm_v4mask_of(c->wage_firm);
    const double *col = pc->js->wage + (jobs - pc->js->recs);
    for (size_t k = 0; k < n; k += JM_VLANES4) {
        const size_t lanes = n - k < JM_VLANES4 ? n - k : JM_VLANES4;
        jm_vd4 wage;
        if (lanes == JM_VLANES4)
            memcpy(&wage, col + k, sizeof wage);
        else
            for (size_t i = 0; i < JM_VLANES4; i++) /* the lanes past the block repeat its last job */
                wage[i] = col[k + i < n ? k + i : n - 1];
        const jm_vm4 known = wage == wage;
        jm_vd4 v = jm_v4sel(wage <= bottom, zero, (wage - bottom) / (floor_ - bottom));
        v = jm_v4sel(wage >= floor_, one, jm_v4and(falls_m, v));
        v = jm_v4sel(v == v, v, zero); /* jm_eval_clamped */
        v = jm_v4sel(v < zero, zero, jm_v4sel(v > one, one, v));
        v = jm_v4sel(known, v, jm_v4splat(JM_KNODATA));
        const jm_vm4 excluded = firm & (wage < floor_);
        jm_v4store(out + k, excl + k, v, excluded, lanes);
    }
}
#else
JM_KERNEL_DEFINE_BLOCK(jm_kblock_wage, wage)
#endif
