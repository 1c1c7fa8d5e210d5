/*
 * The programme-rules factor: rules the agency sets in its scoring profile
 * (competitive jobs only, integrated jobs only, a minimum hourly wage).
 * Programme rules are one of the few sources of hard exclusions the engine
 * allows; each is reported with its reason.  A job flag that is unknown is
 * "to verify", never a failure.  Score 1 when every rule passes, 0 when one
 * fails; no data when the profile sets no rule.
 */
#include "kernel.h"

#include <math.h>

void jm_factor_programme(jm_eval *ev)
{
    const int F = JM_FACTOR_PROGRAMME;
    const jm_profile *p = ev->p;
    const jm_job *j = ev->j;
    const bool wage_rule = !isnan(p->min_wage);
    char n1[32], n2[32];

    if (!p->competitive_only && !p->integrated_only && !wage_rule) {
        jm_eval_nodata(ev, F, "the programme sets no rules");
        return;
    }

    jm_req_notes n;
    jm_req_init(&n, ", ");
    if (p->competitive_only)
        jm_req_flag(ev, F, &n, j->competitive, "",
                    "not a competitive job; the programme places in competitive jobs only", "not competitive",
                    "competitive");
    if (p->integrated_only)
        jm_req_flag(ev, F, &n, j->integrated, "",
                    "not an integrated job; the programme places in integrated jobs only", "not integrated",
                    "integrated");
    if (wage_rule) {
        if (isnan(j->wage)) {
            jm_req_verify(&n, "wage");
        } else if (j->wage < p->min_wage && !jm_eval_explaining(ev)) {
            jm_eval_excluded(ev, F);
            n.excluded = true;
        } else if (j->wage < p->min_wage) {
            jm_eval_exclude(ev, F, "feasible if the job pays at least the minimum wage",
                            "pays %s per hour, below the programme's minimum wage of %s",
                            jm_num(n1, j->wage), jm_num(n2, p->min_wage));
            jm_req_fail(&n, "below the minimum wage");
        }
    }
    jm_req_finish(ev, F, &n, "fails the programme rules", NULL, "meets the programme rules");
}

void jm_programme_outcome(const jm_job *j, const jm_profile *p, bool *has_data, bool *excluded,
                          int *exclusions)
{
    *has_data = p->competitive_only || p->integrated_only || !isnan(p->min_wage);
    *exclusions = 0;
    if (p->competitive_only && j->competitive == JM_NO)
        ++*exclusions;
    if (p->integrated_only && j->integrated == JM_NO)
        ++*exclusions;
    if (!isnan(p->min_wage) && !isnan(j->wage) && j->wage < p->min_wage)
        ++*exclusions;
    *excluded = *exclusions > 0;
}

static JM_ALWAYS_INLINE double programme_value(const jm_cpair *pc, const jm_cjob *j,
                                               const jm_thresholds *th, unsigned *excl)
{
    if (!j->prog_data)
        return JM_KNODATA;
    *excl += j->prog_exclusions;
    return j->prog_excluded ? 0.0 : 1.0;
}
JM_KERNEL_DEFINE(programme, JM_FACTOR_PROGRAMME)
