/*
 * Reading candidate and job files, JSON Lines a line at a time.
 *
 * A JSON Lines file is read line by line into the loader: what is held
 * while reading is one line and the records read so far, never the whole
 * text, so a file of any size loads in the memory its records need.  Any
 * other document (a record, an array, a collection) is read whole, as
 * jm_candidates_load does.  Which of the two a file is, is decided from its
 * first two non-blank lines, the same way jm_loader_read_document decides
 * for a whole text, so a file loads exactly as its text would.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "diags.h"
#include "loader.h"
#include "sets.h"

/* One line read from a file, its newline removed. */
typedef struct line_buf {
    char *data;
    size_t len, cap;
} line_buf;

/* Reads the next line into *l.  2 with a line that ended in a newline, 1
 * with the file's last line (no newline), 0 at the end, -1 on a read error
 * or ENOMEM (ferror tells which). */
static int read_line(FILE *f, line_buf *l, size_t *bytes)
{
    errno = 0;
    ssize_t n = getline(&l->data, &l->cap, f);
    if (n < 0) {
        l->len = 0;
        return (ferror(f) || errno == ENOMEM) ? -1 : 0;
    }
    *bytes += (size_t)n;
    bool newline = l->data[n - 1] == '\n';
    l->len = (size_t)n - newline;
    l->data[l->len] = '\0';
    return newline ? 2 : 1;
}

static bool blank_line(const line_buf *l)
{
    for (size_t i = 0; i < l->len; i++)
        if (l->data[i] != ' ' && l->data[i] != '\t' && l->data[i] != '\r')
            return false;
    return true;
}

/* The text of the lines held so far, one after the other. */
typedef struct held {
    jm_buf text;
    size_t n_lines;
    size_t first_nonblank; /* offset into text, and its length; SIZE_MAX: none yet */
    size_t first_len;
    int first_line;
} held;

typedef struct file_reader {
    loader *ld;
    FILE *f;
    const char *path;
    size_t bytes, max_bytes;
} file_reader;

static int too_large(file_reader *fr)
{
    jm_jr_error(&fr->ld->r, JM_ERANGE, "input too large: found more than %zu bytes, expected at most %zu "
                                       "(the max_bytes option)", fr->max_bytes, fr->max_bytes);
    return JM_ERANGE;
}

static int io_error(file_reader *fr, bool oom)
{
    jm_diags_add(fr->ld->r.diags, JM_SEVERITY_ERROR, oom ? JM_ENOMEM : JM_EIO, fr->ld->r.source, "", 0, 0,
                 oom ? "out of memory reading the file" : "cannot read the file");
    jm_fail(oom ? JM_ENOMEM : JM_EIO, "cannot read '%s': %s", fr->path,
            oom ? "out of memory" : strerror(errno ? errno : EIO));
    return oom ? JM_ENOMEM : JM_EIO;
}

/* Reads the rest of the file after the lines held, and the whole text as
 * one document. */
static int read_whole(file_reader *fr, held *h)
{
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fr->f)) > 0) {
        fr->bytes += n;
        if (fr->max_bytes && fr->bytes > fr->max_bytes)
            return too_large(fr);
        jm_buf_appendn(&h->text, chunk, n);
    }
    if (ferror(fr->f))
        return io_error(fr, false);
    if (h->text.oom)
        return io_error(fr, true);
    return jm_loader_read_document(fr->ld, h->text.data ? h->text.data : "", h->text.len);
}

/* Streams the file into fr->ld. */
static int read_file(file_reader *fr)
{
    held h;
    memset(&h, 0, sizeof h);
    jm_buf_init(&h.text);
    h.first_nonblank = SIZE_MAX;
    line_buf l = { NULL, 0, 0 };
    int rc = JM_OK;
    int line = 0;
    /* Hold lines until the second non-blank one (or the end). */
    for (;;) {
        int got = read_line(fr->f, &l, &fr->bytes);
        if (got < 0) {
            rc = io_error(fr, !ferror(fr->f));
            goto done;
        }
        if (fr->max_bytes && fr->bytes > fr->max_bytes) {
            rc = too_large(fr);
            goto done;
        }
        if (got == 0)
            break;
        line++;
        bool blank = blank_line(&l);
        if (!blank && h.first_nonblank != SIZE_MAX) {
            /* the second non-blank line: decide */
            const char *first = h.text.data + h.first_nonblank;
            if (jm_loader_json_lines_start(first, h.first_len, h.first_line == 1, l.data, l.len)) {
                /* JSON Lines: the lines held, then this one, then the rest */
                size_t pos = 0;
                for (int k = 1; k < line; k++) {
                    const char *s = h.text.data + pos;
                    const char *nl = memchr(s, '\n', h.text.len - pos);
                    size_t n = nl ? (size_t)(nl - s) : h.text.len - pos;
                    jm_loader_read_line(fr->ld, s, n, k);
                    pos += n + 1;
                }
                jm_buf_free(&h.text);
                jm_loader_read_line(fr->ld, l.data, l.len, line);
                for (;;) {
                    got = read_line(fr->f, &l, &fr->bytes);
                    if (got < 0) {
                        rc = io_error(fr, !ferror(fr->f));
                        goto done;
                    }
                    if (fr->max_bytes && fr->bytes > fr->max_bytes) {
                        rc = too_large(fr);
                        goto done;
                    }
                    if (got == 0)
                        break;
                    jm_loader_read_line(fr->ld, l.data, l.len, ++line);
                }
                rc = jm_loader_status(fr->ld);
                goto done;
            }
            jm_buf_appendn(&h.text, l.data, l.len);
            if (got == 2)
                jm_buf_append(&h.text, "\n");
            rc = read_whole(fr, &h);
            goto done;
        }
        if (!blank && h.first_nonblank == SIZE_MAX) {
            h.first_nonblank = h.text.len;
            h.first_len = l.len;
            h.first_line = line;
        }
        if (l.len)
            jm_buf_appendn(&h.text, l.data, l.len);
        if (got == 2)
            jm_buf_append(&h.text, "\n");
        if (h.text.oom) {
            rc = io_error(fr, true);
            goto done;
        }
    }
    /* At most one non-blank line: one document. */
    rc = jm_loader_read_document(fr->ld, h.text.data ? h.text.data : "", h.text.len);
done:
    free(l.data);
    jm_buf_free(&h.text);
    return rc;
}

static int load_file(const char *path, const jm_load_options *opts, jm_diags *diags, void *set, int want,
                     const char *fn)
{
    if (!path || !set)
        return jm_fail(JM_EINVAL, "%s: the set and the path are required", fn);
    if (opts && opts->version != JM_LOAD_OPTIONS_VERSION)
        return jm_fail(JM_EINVAL, "%s: unknown jm_load_options version %u", fn, opts->version);
    jm_load_options o;
    jm_jr_file_options(&o, opts, path);
    const bool is_stdin = path[0] == '-' && path[1] == '\0';
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        int err = errno;
        jm_diags_add(diags, JM_SEVERITY_ERROR, JM_EIO, o.source, "", 0, 0, "cannot read the file");
        return jm_fail(JM_EIO, "cannot read '%s': %s", path, strerror(err));
    }
    loader ld;
    jm_loader_init(&ld, &o, diags, want, set);
    file_reader fr = { &ld, f, path, 0, o.max_bytes };
    int rc;
    struct stat st;
    /* A regular file's size is known: refuse it before reading, with the
     * same message as for a text. */
    if (!is_stdin && o.max_bytes && fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > (unsigned long long)o.max_bytes) {
        rc = jm_jr_size_ok(&ld.r, (size_t)st.st_size) ? JM_OK : JM_ERANGE;
    } else {
        rc = read_file(&fr);
    }
    if (!is_stdin)
        fclose(f);
    if (rc == JM_OK)
        rc = jm_loader_commit(&ld, set);
    jm_loader_free(&ld);
    return rc;
}

int jm_candidates_load_file(jm_candidates *set, const char *path, const jm_load_options *opts, jm_diags *diags)
{
    return load_file(path, opts, diags, set, JM_DOC_CANDIDATE, "jm_candidates_load_file");
}

int jm_jobs_load_file(jm_jobs *set, const char *path, const jm_load_options *opts, jm_diags *diags)
{
    return load_file(path, opts, diags, set, JM_DOC_JOB, "jm_jobs_load_file");
}
