/* Error codes, the thread-local last error, memory and version queries. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "jobmatch/common.h"
#include "util.h"

static _Thread_local char last_error[1024];

const char *jm_strerror(int code)
{
    switch (code) {
    case JM_OK: return "success";
    case JM_EINVAL: return "invalid argument or document";
    case JM_ENOMEM: return "out of memory";
    case JM_EPARSE: return "JSON syntax error";
    case JM_ENOTFOUND: return "not found";
    case JM_EEXISTS: return "already exists";
    case JM_ECALLBACK: return "a callback failed";
    case JM_EIO: return "input/output error";
    case JM_ERANGE: return "out of range";
    case JM_ETYPE: return "wrong document type";
    case JM_ECANCELED: return "canceled";
    default: return "unknown error";
    }
}

const char *jm_last_error(void)
{
    return last_error;
}

int jm_fail(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_error, sizeof last_error, fmt, ap);
    va_end(ap);
    return code;
}

void jm_free(void *ptr)
{
    free(ptr);
}

unsigned jm_version_number(void)
{
    return JM_VERSION_NUMBER;
}

const char *jm_version_string(void)
{
    return JM_VERSION_STRING;
}

void jm_load_options_init(jm_load_options *opts)
{
    jm_load_options d = JM_LOAD_OPTIONS_INIT;
    *opts = d;
}

int jm_read_file(const char *path, char **out, size_t *len_out)
{
    if (!path || !out)
        return jm_fail(JM_EINVAL, "jm_read_file: path and out are required");
    FILE *f = (path[0] == '-' && path[1] == '\0') ? stdin : fopen(path, "rb");
    if (!f)
        return jm_fail(JM_EIO, "%s: cannot open for reading", path);
    jm_buf b;
    jm_buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        jm_buf_appendn(&b, chunk, n);
    int err = ferror(f);
    if (f != stdin)
        fclose(f);
    if (err) {
        jm_buf_free(&b);
        return jm_fail(JM_EIO, "%s: read error", path);
    }
    size_t len = b.len;
    char *data = jm_buf_take(&b);
    if (!data)
        return jm_fail(JM_ENOMEM, "%s: out of memory reading the file", path);
    *out = data;
    if (len_out)
        *len_out = len;
    return JM_OK;
}
