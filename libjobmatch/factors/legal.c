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
#include "factors.h"

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

    bool excluded = false;
    jm_buf fail, verify, obtain;
    jm_buf_init(&fail);
    jm_buf_init(&verify);
    jm_buf_init(&obtain);

    for (size_t i = 0; i < j->n_licences; i++) {
        const jm_licence_req *lr = &j->licences[i];
        if (!lr->id)
            continue;
        if (jm_strv_contains(c->licences, c->n_licences, lr->id))
            continue;
        if (!c->has_licences && c->n_licences == 0) {
            jm_buf_printf(&verify, "%s%s", verify.len ? ", " : "", lr->id);
            continue;
        }
        if (lr->obtainable) {
            jm_eval_training(ev, JM_TRAINING_LICENCE, lr->id, NULL, true, 0.0, 0.0, "course");
            jm_buf_printf(&obtain, "%s%s", obtain.len ? ", " : "", lr->id);
            continue;
        }
        char *lift = jm_strfmt("feasible if a %s is obtained", lr->id);
        if (!lift && !ev->error)
            ev->error = JM_ENOMEM;
        jm_eval_exclude(ev, F, lift ? lift : "", "needs a %s", lr->id);
        free(lift);
        jm_buf_printf(&fail, "%sneeds a %s", fail.len ? "; " : "", lr->id);
        excluded = true;
    }

    if (j->right_to_work) {
        if (c->right_to_work == JM_NO) {
            jm_eval_exclude(ev, F, "feasible once right to work is confirmed",
                            "the job requires right to work, which is not confirmed");
            jm_buf_printf(&fail, "%sno right to work", fail.len ? "; " : "");
            excluded = true;
        } else if (c->right_to_work != JM_YES) {
            jm_buf_printf(&verify, "%sright to work", verify.len ? ", " : "");
        }
    }
    if (j->background_check) {
        if (c->background_check == JM_NO) {
            jm_eval_exclude(ev, F, "feasible once a background check is passed",
                            "the job requires a background check, which has not been passed");
            jm_buf_printf(&fail, "%sno background check passed", fail.len ? "; " : "");
            excluded = true;
        } else if (c->background_check != JM_YES) {
            jm_buf_printf(&verify, "%sbackground check", verify.len ? ", " : "");
        }
    }

    jm_buf d;
    jm_buf_init(&d);
    if (fail.len)
        jm_buf_printf(&d, "excluded: %s", fail.data);
    if (obtain.len)
        jm_buf_printf(&d, "%sto obtain: %s", d.len ? "; " : "", obtain.data);
    if (verify.len)
        jm_buf_printf(&d, "%sto verify: %s", d.len ? "; " : "", verify.data);
    if (!d.len)
        jm_buf_append(&d, "meets the legal requirements");
    char *text = jm_buf_take(&d);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, F, excluded ? 0.0 : 1.0, "%s", text ? text : "");
    free(text);
    jm_buf_free(&fail);
    jm_buf_free(&verify);
    jm_buf_free(&obtain);
}
