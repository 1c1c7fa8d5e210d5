/*
 * The wage factor: the job's hourly wage against the person's floor.
 *
 * Score: 1 at or above the floor, linear to 0 at floor x (1 - wage_falloff).
 * A firm floor is a deal-breaker: a wage below it excludes the pair, lifted
 * if the wage reaches the floor.  Either side unknown: no data.
 */
#include "kernel.h"

#include <math.h>
#include <stdio.h>

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
    if (isnan(c->wage_floor) || isnan(j->wage))
        return JM_KNODATA;
    *excl += c->wage_firm && j->wage < c->wage_floor;
    return jm_eval_clamped(jm_wage_score(j->wage, c->wage_floor, th->wage_falloff));
}
JM_KERNEL_DEFINE(wage, JM_FACTOR_WAGE)
