/*
 * The programme-rules factor: rules the agency sets in its scoring profile
 * (competitive jobs only, integrated jobs only, a minimum hourly wage).
 * Programme rules are one of the few sources of hard exclusions the engine
 * allows; each is reported with its reason.  A job flag that is unknown is
 * "to verify", never a failure.  Score 1 when every rule passes, 0 when one
 * fails; no data when the profile sets no rule.
 */
#include "factors.h"

#include <math.h>
#include <stdlib.h>

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

    bool excluded = false;
    jm_buf fail, verify;
    jm_buf_init(&fail);
    jm_buf_init(&verify);

    if (p->competitive_only) {
        if (j->competitive == JM_NO) {
            jm_eval_exclude(ev, F, "",
                            "not a competitive job; the programme places in competitive jobs only");
            jm_buf_printf(&fail, "%snot competitive", fail.len ? ", " : "");
            excluded = true;
        } else if (j->competitive != JM_YES) {
            jm_buf_printf(&verify, "%scompetitive", verify.len ? ", " : "");
        }
    }
    if (p->integrated_only) {
        if (j->integrated == JM_NO) {
            jm_eval_exclude(ev, F, "",
                            "not an integrated job; the programme places in integrated jobs only");
            jm_buf_printf(&fail, "%snot integrated", fail.len ? ", " : "");
            excluded = true;
        } else if (j->integrated != JM_YES) {
            jm_buf_printf(&verify, "%sintegrated", verify.len ? ", " : "");
        }
    }
    if (wage_rule) {
        if (isnan(j->wage)) {
            jm_buf_printf(&verify, "%swage", verify.len ? ", " : "");
        } else if (j->wage < p->min_wage) {
            jm_eval_exclude(ev, F, "feasible if the job pays at least the minimum wage",
                            "pays %s per hour, below the programme's minimum wage of %s",
                            jm_num(n1, j->wage), jm_num(n2, p->min_wage));
            jm_buf_printf(&fail, "%sbelow the minimum wage", fail.len ? ", " : "");
            excluded = true;
        }
    }

    jm_buf d;
    jm_buf_init(&d);
    if (fail.len)
        jm_buf_printf(&d, "fails the programme rules: %s", fail.data);
    if (verify.len)
        jm_buf_printf(&d, "%sto verify: %s", d.len ? "; " : "", verify.data);
    if (!d.len)
        jm_buf_append(&d, "meets the programme rules");
    char *text = jm_buf_take(&d);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, F, excluded ? 0.0 : 1.0, "%s", text ? text : "");
    free(text);
    jm_buf_free(&fail);
    jm_buf_free(&verify);
}
