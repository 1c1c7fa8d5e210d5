/*
 * What the hard-requirement factors (legal, programme) share: the lists of
 * what fails and what is to verify, yes/no requirements, and the factor's
 * score and detail ("FAILS: ...; to obtain: ...; to verify: ...").
 */
#include "factors.h"

#include <stdarg.h>
#include <stdlib.h>

void jm_req_init(jm_req_notes *n, const char *fail_sep)
{
    jm_buf_init(&n->fail);
    jm_buf_init(&n->verify);
    n->fail_sep = fail_sep;
    n->excluded = false;
}

void jm_req_fail(jm_req_notes *n, const char *fmt, ...)
{
    va_list ap;
    if (n->fail.len)
        jm_buf_append(&n->fail, n->fail_sep);
    va_start(ap, fmt);
    jm_buf_vprintf(&n->fail, fmt, ap);
    va_end(ap);
    n->excluded = true;
}

void jm_req_verify(jm_req_notes *n, const char *what)
{
    jm_buf_printf(&n->verify, "%s%s", n->verify.len ? ", " : "", what);
}

void jm_req_flag(jm_eval *ev, int factor, jm_req_notes *n, int status, const char *lift, const char *reason,
                 const char *fail_label, const char *verify_label)
{
    if (status == JM_NO) {
        jm_eval_exclude(ev, factor, lift, "%s", reason);
        jm_req_fail(n, "%s", fail_label);
    } else if (status != JM_YES) {
        jm_req_verify(n, verify_label);
    }
}

void jm_req_finish(jm_eval *ev, int factor, jm_req_notes *n, const char *fail_intro, const char *obtain,
                   const char *ok_text)
{
    if (!jm_eval_explaining(ev)) {
        jm_eval_value(ev, factor, n->excluded ? 0.0 : 1.0);
        jm_buf_free(&n->fail);
        jm_buf_free(&n->verify);
        return;
    }
    jm_buf d;
    jm_buf_init(&d);
    if (n->fail.len)
        jm_buf_printf(&d, "%s: %s", fail_intro, n->fail.data);
    if (obtain && obtain[0])
        jm_buf_printf(&d, "%sto obtain: %s", d.len ? "; " : "", obtain);
    if (n->verify.len)
        jm_buf_printf(&d, "%sto verify: %s", d.len ? "; " : "", n->verify.data);
    if (!d.len)
        jm_buf_append(&d, ok_text);
    char *text = jm_buf_take(&d);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, factor, n->excluded ? 0.0 : 1.0, "%s", text ? text : "");
    free(text);
    jm_buf_free(&n->fail);
    jm_buf_free(&n->verify);
}
