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

/* Worked out for each job when the set is compiled (jm_cjobs.prog_value):
 * the rules read the job and the profile, never the candidate. */
static JM_ALWAYS_INLINE double programme_value(const jm_cpair *pc, const jm_cjob *j,
                                               const jm_thresholds *th, unsigned *excl)
{
    const size_t at = (size_t)(j - pc->js->recs);
    *excl += pc->js->prog_exclusions[at];
    return pc->js->prog_value[at];
}
JM_KERNEL_DEFINE_PAIR(programme, JM_FACTOR_PROGRAMME)

/* 1 in each byte of w that is not 0, else 0. */
static inline uint64_t bytes_nonzero(uint64_t w)
{
    const uint64_t low7 = 0x7f7f7f7f7f7f7f7full;
    return ((((w & low7) + low7) | w) >> 7) & 0x0101010101010101ull;
}

/* The block form: the block's stretch of the columns, the exclusions
 * eight jobs at a time. */
JM_BLOCK_CLONES
void jm_kblock_programme(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                         double *restrict out, unsigned char *restrict excl)
{
    (void)th;
    const size_t first = (size_t)(jobs - pc->js->recs);
    const uint8_t *exclusions = pc->js->prog_exclusions + first;
    memcpy(out, pc->js->prog_value + first, n * sizeof *out);
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t e, x;
        memcpy(&e, excl + k, sizeof e);
        memcpy(&x, exclusions + k, sizeof x);
        e |= bytes_nonzero(x);
        memcpy(excl + k, &e, sizeof e);
    }
    for (; k < n; k++)
        excl[k] |= (unsigned char)(exclusions[k] != 0);
}
