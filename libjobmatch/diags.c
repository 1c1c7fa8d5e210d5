/* Diagnostics lists: errors and warnings with where they were found. */
#include <stdlib.h>
#include <string.h>

#include "diags.h"

typedef struct diag_entry {
    int severity, code, line, column;
    char *source, *path, *message;
} diag_entry;

struct jm_diags {
    diag_entry *items;
    size_t n, cap;
    size_t errors;
};

int jm_diags_new(jm_diags **out)
{
    if (!out)
        return jm_fail(JM_EINVAL, "jm_diags_new: out is NULL");
    jm_diags *d = calloc(1, sizeof *d);
    if (!d)
        return jm_fail(JM_ENOMEM, "out of memory");
    *out = d;
    return JM_OK;
}

static void entry_free(diag_entry *e)
{
    free(e->source);
    free(e->path);
    free(e->message);
}

void jm_diags_clear(jm_diags *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++)
        entry_free(&d->items[i]);
    d->n = 0;
    d->errors = 0;
}

void jm_diags_free(jm_diags *d)
{
    if (!d)
        return;
    jm_diags_clear(d);
    free(d->items);
    free(d);
}

size_t jm_diags_count(const jm_diags *d)
{
    return d ? d->n : 0;
}

size_t jm_diags_count_severity(const jm_diags *d, int severity)
{
    size_t n = 0;
    for (size_t i = 0; d && i < d->n; i++)
        n += d->items[i].severity == severity;
    return n;
}

size_t jm_diags_errors(const jm_diags *d)
{
    return d ? d->errors : 0;
}

int jm_diags_add(jm_diags *d, int severity, int code, const char *source, const char *path,
                 int line, int column, const char *message)
{
    if (!d)
        return JM_OK;
    void *p = d->items;
    if (jm_grow(&p, &d->cap, d->n + 1, sizeof *d->items) != JM_OK)
        return JM_ENOMEM;
    d->items = p;
    diag_entry e = { severity, code, line, column, jm_strdup(source ? source : ""),
                     jm_strdup(path ? path : ""), jm_strdup(message ? message : "") };
    if (!e.source || !e.path || !e.message) {
        entry_free(&e);
        return JM_ENOMEM;
    }
    d->items[d->n++] = e;
    if (severity == JM_SEVERITY_ERROR)
        d->errors++;
    return JM_OK;
}

int jm_diags_get(const jm_diags *d, size_t i, jm_diag *out)
{
    if (!d || !out || i >= d->n)
        return JM_ERANGE;
    const diag_entry *e = &d->items[i];
    out->severity = e->severity;
    out->code = e->code;
    out->source = e->source;
    out->path = e->path;
    out->line = e->line;
    out->column = e->column;
    out->message = e->message;
    return JM_OK;
}

int jm_diags_format(const jm_diags *d, size_t i, char **out)
{
    if (!d || !out || i >= d->n)
        return JM_ERANGE;
    const diag_entry *e = &d->items[i];
    jm_buf b;
    jm_buf_init(&b);
    if (e->source[0]) {
        jm_buf_append(&b, e->source);
        if (e->line > 0) {
            jm_buf_printf(&b, ":%d", e->line);
            if (e->column > 0)
                jm_buf_printf(&b, ":%d", e->column);
        }
        jm_buf_append(&b, ": ");
    } else if (e->line > 0) {
        jm_buf_printf(&b, "line %d", e->line);
        if (e->column > 0)
            jm_buf_printf(&b, ", column %d", e->column);
        jm_buf_append(&b, ": ");
    }
    if (e->path[0]) {
        jm_buf_append(&b, e->path);
        jm_buf_append(&b, ": ");
    }
    if (e->severity == JM_SEVERITY_WARNING)
        jm_buf_append(&b, "warning: ");
    jm_buf_append(&b, e->message);
    char *s = jm_buf_take(&b);
    if (!s)
        return JM_ENOMEM;
    *out = s;
    return JM_OK;
}
