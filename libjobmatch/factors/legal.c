/*
 * The legal-essentials factor: licences, right to work and background checks
 * the job requires by law.  These are among the few hard exclusions the
 * engine allows (a job's legal essentials), and each carries what would lift
 * it.  A licence the person can obtain before or soon after starting is a
 * training item ("course"), not an exclusion (place, then train).  What the
 * person's record does not say is "to verify", never held against them.
 *
 * Score 1 when nothing excludes, 0 when something does; the default weight is
 * 0, so this factor acts as a filter that is still shown in the breakdown.
 */
#include "kernel.h"

#include <stdlib.h>

void jm_factor_legal(jm_eval *ev)
{
    const int F = JM_FACTOR_LEGAL;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;

    if (j->n_licences == 0 && !j->right_to_work && !j->background_check) {
        jm_eval_nodata(ev, F, "the job has no legal requirements");
        return;
    }

    jm_req_notes n;
    jm_buf obtain;
    jm_req_init(&n, "; ");
    jm_buf_init(&obtain);

    for (size_t i = 0; i < j->n_licences; i++) {
        const jm_licence_req *lr = &j->licences[i];
        if (!lr->id)
            continue;
        if (jm_strv_contains(c->licences, c->n_licences, lr->id))
            continue;
        if (!c->has_licences && c->n_licences == 0) {
            jm_req_verify(&n, lr->id);
            continue;
        }
        if (lr->obtainable) {
            jm_eval_training(ev, JM_TRAINING_LICENCE, lr->id, NULL, true, 0.0, 0.0, "course");
            if (jm_eval_explaining(ev))
                jm_buf_printf(&obtain, "%s%s", obtain.len ? ", " : "", lr->id);
            continue;
        }
        if (!jm_eval_explaining(ev)) {
            jm_eval_exclude(ev, F, NULL, "needs a licence");
            n.excluded = true;
            continue;
        }
        char *lift = jm_strfmt("feasible if a %s is obtained", lr->id);
        if (!lift && !ev->error)
            ev->error = JM_ENOMEM;
        jm_eval_exclude(ev, F, lift ? lift : "", "needs a %s", lr->id);
        free(lift);
        jm_req_fail(&n, "needs a %s", lr->id);
    }

    if (j->right_to_work)
        jm_req_flag(ev, F, &n, c->right_to_work, "feasible once right to work is confirmed",
                    "the job requires right to work, which is not confirmed", "no right to work",
                    "right to work");
    if (j->background_check)
        jm_req_flag(ev, F, &n, c->background_check, "feasible once a background check is passed",
                    "the job requires a background check, which has not been passed",
                    "no background check passed", "background check");

    jm_req_finish(ev, F, &n, "excluded", obtain.data, "meets the legal requirements");
    jm_buf_free(&obtain);
}

static JM_ALWAYS_INLINE double legal_value(const jm_cpair *pc, const jm_cjob *j,
                                           const jm_thresholds *th, unsigned *excl)
{
    const jm_ccand *c = pc->c;
    const unsigned asks = pc->js->legal[j - pc->js->recs]; /* JM_LEGAL_* */
    if (asks == 0)
        return JM_KNODATA;
    const jm_clicence *req = pc->js->licences + j->licences;
    const uint32_t *held = pc->cs->licences + c->licences;
    bool excluded = false;
    for (size_t i = 0; i < j->n_licences; i++) {
        bool has = false;
        for (size_t k = 0; k < c->n_licences && !has; k++)
            has = held[k] == req[i].id;
        if (has || (!c->has_licences && c->n_licences == 0) || req[i].obtainable)
            continue;
        ++*excl;
        excluded = true;
    }
    if ((asks & JM_LEGAL_RIGHT_TO_WORK) && c->right_to_work == JM_NO) {
        ++*excl;
        excluded = true;
    }
    if ((asks & JM_LEGAL_BACKGROUND_CHECK) && c->background_check == JM_NO) {
        ++*excl;
        excluded = true;
    }
    return excluded ? 0.0 : 1.0;
}
JM_KERNEL_DEFINE_PAIR(legal, JM_FACTOR_LEGAL)

/* legal_value over a block of a set that keeps its jobs' licences as bits
 * (jm_cjobs.licence_masks): the hard licences the candidate lacks (none
 * when the candidate's licences do not count) and the job's requirements
 * it fails worked out once, each job's from its columns.  A job asks
 * nothing (no data) exactly when its legal bits are 0, and then nothing
 * excludes. */
static JM_ALWAYS_INLINE void legal_by_masks(const jm_cpair *pc, const jm_cjob *jobs, size_t n,
                                            double *restrict out, unsigned char *restrict excl)
{
    const jm_cjobs *js = pc->js;
    const jm_ccand *c = pc->c;
    const size_t at = (size_t)(jobs - js->recs);
    const uint8_t *legal = js->legal + at;
    const jm_bits32 *required = js->licence_masks + at;
    jm_bits32 lacks = 0;
    if (c->has_licences || c->n_licences != 0) {
        const uint32_t *held = pc->cs->licences + c->licences;
        for (size_t t = 0; t < js->n_hard_licences; t++) {
            unsigned has = 0;
            for (size_t h = 0; h < c->n_licences; h++)
                has |= held[h] == js->hard_licences[t];
            lacks |= (jm_bits32)!has << t;
        }
    }
    const unsigned fails = (c->right_to_work == JM_NO ? JM_LEGAL_RIGHT_TO_WORK : 0u) |
                           (c->background_check == JM_NO ? JM_LEGAL_BACKGROUND_CHECK : 0u);
    if (!fails && !lacks) { /* nothing can exclude: 1 where the job asks anything */
        for (size_t k = 0; k < n; k++)
            out[k] = legal[k] == 0 ? JM_KNODATA : 1.0;
        return;
    }
    for (size_t k = 0; k < n; k++) {
        const unsigned ex = ((legal[k] & fails) != 0) | ((required[k] & lacks) != 0);
        out[k] = legal[k] == 0 ? JM_KNODATA : ex ? 0.0 : 1.0;
        excl[k] |= (unsigned char)ex;
    }
}

/* legal_value over a block, the row's tests worked out once and the job's
 * as integer masks: a licence excludes when the candidate's licences count
 * (stated), it is not held and cannot be obtained. */
JM_BLOCK_CLONES
void jm_kblock_legal(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                     double *restrict out, unsigned char *restrict excl)
{
    (void)th;
    if (pc->js->licence_masks) {
        legal_by_masks(pc, jobs, n, out, excl);
        return;
    }
    static const double VALUE[2][2] = { { 1.0, 0.0 }, { JM_KNODATA, JM_KNODATA } }; /* [no data][excluded] */
    const jm_ccand *c = pc->c;
    const uint32_t *held = pc->cs->licences + c->licences;
    const bool licences_count = c->has_licences || c->n_licences != 0;
    const unsigned fails = (c->right_to_work == JM_NO ? JM_LEGAL_RIGHT_TO_WORK : 0u) |
                           (c->background_check == JM_NO ? JM_LEGAL_BACKGROUND_CHECK : 0u);
    const uint8_t *legal = pc->js->legal + (jobs - pc->js->recs);
    for (size_t k = 0; k < n; k++) {
        const jm_cjob *j = &jobs[k];
        unsigned ex = (legal[k] & fails) != 0;
        if (licences_count) {
            const jm_clicence *req = pc->js->licences + j->licences;
            for (size_t i = 0; i < j->n_licences; i++) {
                unsigned has = 0;
                for (size_t h = 0; h < c->n_licences; h++)
                    has |= held[h] == req[i].id;
                ex |= !has & !req[i].obtainable;
            }
        }
        const unsigned nodata = legal[k] == 0;
        out[k] = VALUE[nodata][ex];
        excl[k] |= (unsigned char)(ex & !nodata);
    }
}
