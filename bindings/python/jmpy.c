/* Support code of libjobmatch's Python binding (see jmpy.h). */
#include "jmpy.h"

#include <math.h>
#include <string.h>

/* The innermost scoring call of each thread.  Only the binding keeps this:
 * the library itself has no global state. */
static _Thread_local jmpy_ctx *current_ctx;

/* How many callbacks this thread entered without holding the GIL, that is,
 * from a scoring call that had released it (for the tests). */
static _Thread_local unsigned long callbacks_without_gil;

unsigned long jmpy_callbacks_without_gil(void)
{
    return callbacks_without_gil;
}

/* ---------------------------------------------------------------------- */
/* Strings                                                                */

PyObject *jmpy_str(const char *s)
{
    if (!s)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "surrogateescape");
}

PyObject *jmpy_take_string(char *s)
{
    PyObject *o = jmpy_str(s);
    jm_free(s);
    return o;
}

/* ---------------------------------------------------------------------- */
/* Errors                                                                 */

PyObject *jmpy_raise(int code)
{
    const char *msg = jm_last_error();
    if (!msg || !msg[0])
        msg = jm_strerror(code);
    PyObject *text = jmpy_str(msg);
    if (!text)
        return NULL;
    PyObject *mod = PyImport_ImportModule("jobmatch._errors");
    if (!mod) {
        /* _core imported on its own: a plain exception still says what failed. */
        PyErr_Clear();
        PyErr_Format(PyExc_RuntimeError, "%U (%s)", text, jm_strerror(code));
        Py_DECREF(text);
        return NULL;
    }
    PyObject *exc = PyObject_CallMethod(mod, "_from_code", "iO", code, text);
    Py_DECREF(mod);
    Py_DECREF(text);
    if (exc) {
        PyErr_SetObject((PyObject *)Py_TYPE(exc), exc);
        Py_DECREF(exc);
    }
    return NULL;
}

/* ---------------------------------------------------------------------- */
/* Scoring contexts                                                       */

void jmpy_ctx_enter(jmpy_ctx *ctx)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->prev = current_ctx;
    current_ctx = ctx;
}

int jmpy_ctx_leave(jmpy_ctx *ctx)
{
    current_ctx = ctx->prev;
    Py_CLEAR(ctx->candidate_views);
    Py_CLEAR(ctx->job_views);
    if (!ctx->exc_type)
        return 0;
    /* Whatever was set meanwhile gives way to the callback's own exception. */
    PyErr_Restore(ctx->exc_type, ctx->exc_value, ctx->exc_tb);
    ctx->exc_type = ctx->exc_value = ctx->exc_tb = NULL;
    return -1;
}

/* Keeps the exception being raised for the caller of the scoring call
 * (the first one only: libjobmatch stops at the first failure), or, outside
 * a scoring call of this thread, turns it into a message.  Clears it. */
static void stash_exception(char *msg, size_t size)
{
    jmpy_ctx *ctx = current_ctx;
    if (ctx && !ctx->exc_type) {
        PyErr_Fetch(&ctx->exc_type, &ctx->exc_value, &ctx->exc_tb);
        snprintf(msg, size, "raised %s", ctx->exc_type ? ((PyTypeObject *)ctx->exc_type)->tp_name
                                                       : "an exception");
        return;
    }
    PyObject *type, *value, *tb;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    PyObject *s = value ? PyObject_Str(value) : NULL;
    const char *text = s ? PyUnicode_AsUTF8(s) : NULL;
    snprintf(msg, size, "raised %s: %s", type ? ((PyTypeObject *)type)->tp_name : "an exception",
             text ? text : "");
    PyErr_Clear();
    Py_XDECREF(s);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
}

/* The read-only view of a record for the callbacks: adapter.freeze() of its
 * JSON, cached for the scoring call.  A new reference, or NULL with an
 * exception. */
static PyObject *record_view(PyObject *adapter, const void *record, int is_candidate)
{
    jmpy_ctx *ctx = current_ctx;
    PyObject **cache = ctx ? (is_candidate ? &ctx->candidate_views : &ctx->job_views) : NULL;
    PyObject *key = PyLong_FromVoidPtr((void *)record);
    if (!key)
        return NULL;
    if (cache && *cache) {
        PyObject *view = PyDict_GetItemWithError(*cache, key);
        if (view || PyErr_Occurred()) {
            Py_XINCREF(view);
            Py_DECREF(key);
            return view;
        }
    }
    char *json = NULL;
    int rc = is_candidate ? jm_candidate_to_json(record, &json) : jm_job_to_json(record, &json);
    if (rc != JM_OK) {
        Py_DECREF(key);
        return jmpy_raise(rc);
    }
    PyObject *text = jmpy_take_string(json);
    PyObject *view = text ? PyObject_CallMethod(adapter, "freeze", "O", text) : NULL;
    Py_XDECREF(text);
    if (view && cache) {
        if (!*cache)
            *cache = PyDict_New();
        if (!*cache || PyDict_SetItem(*cache, key, view) < 0)
            Py_CLEAR(view);
    }
    Py_DECREF(key);
    return view;
}

/* ---------------------------------------------------------------------- */
/* Rules                                                                  */

/* Applies the adapter's 5-tuple to the verdict.  Returns 0, 1 when the rule
 * failed (message given to the verdict), or -1 with an exception. */
static int apply_verdict(PyObject *res, jm_verdict *v)
{
    PyObject *score;
    const char *reason, *lift, *note, *failure;
    if (!PyArg_ParseTuple(res, "Ozzzz;a rule adapter returns a 5-tuple", &score, &reason, &lift,
                          &note, &failure))
        return -1;
    if (failure) {
        jm_verdict_fail(v, failure);
        return 1;
    }
    if (note)
        jm_verdict_note(v, note);
    if (reason) {
        jm_verdict_veto(v, reason, lift);
    } else if (score != Py_None) {
        double x = PyFloat_AsDouble(score);
        if (x == -1.0 && PyErr_Occurred())
            return -1;
        jm_verdict_score(v, x);
    } else {
        jm_verdict_abstain(v);
    }
    return 0;
}

static int rule_trampoline(const jm_candidate *candidate, const jm_job *job, jm_verdict *v,
                           void *payload)
{
    if (!PyGILState_Check())
        callbacks_without_gil++;
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *adapter = payload;
    int rc = -1;
    PyObject *cv = record_view(adapter, candidate, 1);
    PyObject *jv = cv ? record_view(adapter, job, 0) : NULL;
    PyObject *res = jv ? PyObject_CallFunctionObjArgs(adapter, cv, jv, NULL) : NULL;
    if (res) {
        int st = apply_verdict(res, v);
        rc = st == 0 ? 0 : -1;
        Py_DECREF(res);
        if (st == 1)
            goto done; /* failed with a message of its own */
    }
    if (rc != 0) {
        char msg[512];
        stash_exception(msg, sizeof msg);
        jm_verdict_fail(v, msg);
    }
done:
    Py_XDECREF(cv);
    Py_XDECREF(jv);
    PyGILState_Release(gil);
    return rc;
}

/* payload_free: runs once, whichever thread frees the engine. */
static void payload_release(void *payload)
{
    PyGILState_STATE gil = PyGILState_Ensure();
    Py_XDECREF((PyObject *)payload);
    PyGILState_Release(gil);
}

int jmpy_engine_add_rule(jm_engine *engine, const char *name, double weight, PyObject *adapter)
{
    if (!adapter || !PyCallable_Check(adapter)) {
        PyErr_SetString(PyExc_TypeError, "a rule adapter must be callable");
        return JM_EINVAL;
    }
    Py_INCREF(adapter); /* released by payload_release, also on failure */
    return jm_engine_add_rule(engine, name, weight, rule_trampoline, adapter, payload_release);
}

/* ---------------------------------------------------------------------- */
/* Travel times                                                           */

static int travel_trampoline(const jm_candidate *candidate, const jm_job *job, int mode,
                             double *minutes, void *payload)
{
    if (!PyGILState_Check())
        callbacks_without_gil++;
    PyGILState_STATE gil = PyGILState_Ensure();
    PyObject *adapter = payload;
    int rc = JM_ECALLBACK;
    PyObject *cv = record_view(adapter, candidate, 1);
    PyObject *jv = cv ? record_view(adapter, job, 0) : NULL;
    PyObject *name = jv ? jmpy_str(jm_transport_name(mode)) : NULL;
    PyObject *res = name ? PyObject_CallFunctionObjArgs(adapter, cv, jv, name, NULL) : NULL;
    if (res == Py_None) {
        rc = JM_ENOTFOUND;
    } else if (res) {
        double x = PyFloat_AsDouble(res);
        if (!(x == -1.0 && PyErr_Occurred())) {
            *minutes = x;
            rc = JM_OK;
        }
    }
    if (rc == JM_ECALLBACK) {
        char msg[512];
        stash_exception(msg, sizeof msg);
    }
    Py_XDECREF(res);
    Py_XDECREF(name);
    Py_XDECREF(cv);
    Py_XDECREF(jv);
    PyGILState_Release(gil);
    return rc;
}

int jmpy_engine_set_travel_time(jm_engine *engine, PyObject *adapter)
{
    if (!adapter || adapter == Py_None)
        return jm_engine_set_travel_time(engine, NULL, NULL, NULL);
    if (!PyCallable_Check(adapter)) {
        PyErr_SetString(PyExc_TypeError, "a travel-time adapter must be callable");
        return JM_EINVAL;
    }
    Py_INCREF(adapter);
    int rc = jm_engine_set_travel_time(engine, travel_trampoline, adapter, payload_release);
    if (rc != JM_OK)
        payload_release(adapter);
    return rc;
}

/* ---------------------------------------------------------------------- */
/* Arguments                                                              */

void jmpy_release(Py_buffer *view)
{
    if (view->obj)
        PyBuffer_Release(view);
}

int jmpy_text_arg(PyObject *obj, Py_buffer *view, const char **text, size_t *len)
{
    memset(view, 0, sizeof *view);
    if (PyUnicode_Check(obj)) {
        Py_ssize_t n;
        const char *s = PyUnicode_AsUTF8AndSize(obj, &n);
        if (!s)
            return -1;
        *text = s;
        *len = (size_t)n;
        return 0;
    }
    if (PyObject_CheckBuffer(obj)) {
        if (PyObject_GetBuffer(obj, view, PyBUF_SIMPLE) < 0)
            return -1;
        *text = view->buf;
        *len = (size_t)view->len;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "expected JSON text as str or bytes, not %.100s",
                 Py_TYPE(obj)->tp_name);
    return -1;
}

static int format_ok(const char *have, char want)
{
    if (!have)
        have = "B";
    if (have[0] == '@' || have[0] == '=' || have[0] == '<')
        have++;
    if (strlen(have) != 1)
        return 0;
    if (want == 'B')
        return have[0] == 'B' || have[0] == '?' || have[0] == 'b';
    if (want == 'N') /* size_t: any 8-byte integer (numpy's intp is 'l') */
        return strchr("NnlLqQ", have[0]) != NULL;
    return have[0] == want;
}

int jmpy_buffer_arg(PyObject *obj, Py_buffer *view, char format, void **buf, size_t *count)
{
    memset(view, 0, sizeof *view);
    if (PyObject_GetBuffer(obj, view, PyBUF_WRITABLE | PyBUF_FORMAT | PyBUF_C_CONTIGUOUS) < 0)
        return -1;
    size_t itemsize = format == 'd' ? sizeof(double) : format == 'N' ? sizeof(size_t) : 1;
    if (!format_ok(view->format, format) || (size_t)view->itemsize != itemsize) {
        PyErr_Format(PyExc_TypeError, "expected a writable buffer of %s, found format '%s'",
                     format == 'd' ? "float64 ('d')" : format == 'N' ? "intp ('n', 'l' or 'q')"
                                                                    : "bytes ('B' or '?')",
                     view->format ? view->format : "B");
        PyBuffer_Release(view);
        return -1;
    }
    *buf = view->buf;
    *count = (size_t)view->len / itemsize;
    return 0;
}

/* A str member of a dict (borrowed UTF-8), or NULL for a missing or None one. */
static int dict_str(PyObject *dict, const char *key, const char **out)
{
    PyObject *v = PyDict_GetItemString(dict, key);
    *out = NULL;
    if (!v || v == Py_None)
        return 0;
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "occupation '%s' must be a str", key);
        return -1;
    }
    *out = PyUnicode_AsUTF8(v);
    return *out ? 0 : -1;
}

int jmpy_occupation_arg(PyObject *obj, jm_occupation *out)
{
    memset(out, 0, sizeof *out);
    if (!PyDict_Check(obj)) {
        PyErr_SetString(PyExc_TypeError,
                        "an occupation is a dict with 'label', 'esco', 'isco' or 'onet'");
        return -1;
    }
    if (dict_str(obj, "label", &out->label) < 0 || dict_str(obj, "esco", &out->esco_uri) < 0 ||
        dict_str(obj, "isco", &out->isco) < 0 || dict_str(obj, "onet", &out->onet) < 0)
        return -1;
    return 0;
}

int jmpy_doubles_arg(PyObject *obj, double **values, size_t *n)
{
    PyObject *seq = PySequence_Fast(obj, "expected a sequence of numbers");
    if (!seq)
        return -1;
    Py_ssize_t count = PySequence_Fast_GET_SIZE(seq);
    double *v = PyMem_Malloc((size_t)(count ? count : 1) * sizeof *v);
    if (!v) {
        Py_DECREF(seq);
        PyErr_NoMemory();
        return -1;
    }
    for (Py_ssize_t i = 0; i < count; i++) {
        v[i] = PyFloat_AsDouble(PySequence_Fast_GET_ITEM(seq, i));
        if (v[i] == -1.0 && PyErr_Occurred()) {
            PyMem_Free(v);
            Py_DECREF(seq);
            return -1;
        }
    }
    Py_DECREF(seq);
    *values = v;
    *n = (size_t)count;
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Value structs                                                          */

/* jmpy_str with the signature Py_BuildValue's "O&" expects. */
static PyObject *str_conv(void *s)
{
    return jmpy_str(s);
}

PyObject *jmpy_diag_dict(const jm_diag *d)
{
    return Py_BuildValue("{s:i,s:i,s:O&,s:O&,s:i,s:i,s:O&}", "severity", d->severity, "code",
                         d->code, "source", str_conv, d->source, "path", str_conv, d->path,
                         "line", d->line, "column", d->column, "message", str_conv, d->message);
}

PyObject *jmpy_factor_dict(const jm_factor_info *f)
{
    return Py_BuildValue("{s:O&,s:O,s:d,s:d,s:d,s:O,s:O&}", "name", str_conv, f->name,
                         "has_data", f->has_data ? Py_True : Py_False, "score", f->score,
                         "weight", f->weight, "contribution", f->contribution,
                         "excluded", f->excluded ? Py_True : Py_False,
                         "detail", str_conv, f->detail);
}

PyObject *jmpy_exclusion_dict(const jm_exclusion *e)
{
    return Py_BuildValue("{s:O&,s:O&,s:O&}", "factor", str_conv, e->factor, "reason", str_conv,
                         e->reason, "lift", str_conv, e->lift);
}

PyObject *jmpy_skill_dict(const jm_skill_match *s)
{
    return Py_BuildValue("{s:O&,s:O&,s:O,s:d,s:d,s:O,s:d}", "id", str_conv, s->id, "label",
                         str_conv, s->label, "essential", s->essential ? Py_True : Py_False,
                         "required_level", s->required_level, "candidate_level",
                         s->candidate_level, "trainable", s->trainable ? Py_True : Py_False,
                         "credit", s->credit);
}

PyObject *jmpy_training_dict(const jm_training_item *t)
{
    return Py_BuildValue("{s:i,s:O&,s:O&,s:O,s:d,s:d,s:O&}", "kind", t->kind, "id", str_conv,
                         t->id, "label", str_conv, t->label, "essential",
                         t->essential ? Py_True : Py_False, "gap_levels", t->gap_levels,
                         "effort_hours", t->effort_hours, "by", str_conv, t->by);
}

PyObject *jmpy_support_dict(const jm_support_item *s)
{
    return Py_BuildValue("{s:O&,s:O&,s:i,s:O,s:i,s:O&,s:d,s:O&}", "need", str_conv, s->need,
                         "label", str_conv, s->label, "intensity", s->intensity, "essential",
                         s->essential ? Py_True : Py_False, "provider", s->provider, "offer",
                         str_conv, s->offer, "coach_hours", s->coach_hours, "origin", str_conv,
                         s->origin);
}

PyObject *jmpy_fading_dict(const jm_fading_step *f)
{
    return Py_BuildValue("{s:i,s:d}", "week", f->week, "hours", f->hours);
}
