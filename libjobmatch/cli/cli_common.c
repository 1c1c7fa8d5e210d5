/* jobmatch command-line tool: shared helpers (messages, options, loading). */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "cli_common.h"

/* ---- messages ---------------------------------------------------------- */

static void vmessage(const char *cmd, const char *fmt, va_list ap)
{
    if (cmd && cmd[0])
        fprintf(stderr, "jobmatch %s: ", cmd);
    else
        fputs("jobmatch: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void cli_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(cmd, fmt, ap);
    va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vmessage(cmd, fmt, ap);
    va_end(ap);
    if (cmd && cmd[0])
        fprintf(stderr, "Try 'jobmatch %s --help' for more information.\n", cmd);
    else
        fputs("Try 'jobmatch --help' for more information.\n", stderr);
    return CLI_EXIT_USAGE;
}

int cli_option_error(const char *cmd, int c, char **argv)
{
    /* optind has moved past the offending word. */
    const char *word = (optind > 0) ? argv[optind - 1] : "";
    if (c == ':') {
        if (optopt && !(word[0] == '-' && word[1] == '-'))
            return cli_usage_error(cmd, "option '-%c' requires an argument", optopt);
        return cli_usage_error(cmd, "option '%s' requires an argument", word);
    }
    if (optopt && !(word[0] == '-' && word[1] == '-'))
        return cli_usage_error(cmd, "unknown option '-%c'", optopt);
    /* A long option: unknown, ambiguous, or given an argument it does not take. */
    const char *eq = strchr(word, '=');
    if (eq && optopt)
        return cli_usage_error(cmd, "option '%.*s' does not take an argument", (int)(eq - word), word);
    return cli_usage_error(cmd, "unknown or ambiguous option '%s'", word);
}

int cli_parse_format(const char *cmd, const char *arg, unsigned allowed, cli_format *out)
{
    static const struct { const char *name; cli_format f; } names[] = {
        { "text", CLI_FORMAT_TEXT }, { "json", CLI_FORMAT_JSON }, { "csv", CLI_FORMAT_CSV },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        if ((allowed & (unsigned)names[i].f) && strcmp(arg, names[i].name) == 0) {
            *out = names[i].f;
            return CLI_EXIT_OK;
        }
    }
    const char *choices = (allowed & CLI_FORMAT_CSV) ? "text, json or csv" : "text or json";
    return cli_usage_error(cmd, "invalid --format '%s' (expected %s)", arg, choices);
}

int cli_parse_count(const char *cmd, const char *option, const char *arg, size_t *out)
{
    const char *p = arg;
    while (*p == ' ')
        p++;
    if (*p < '0' || *p > '9')
        return cli_usage_error(cmd, "invalid %s '%s' (expected a whole number >= 0)", option, arg);
    errno = 0;
    char *end = NULL;
    unsigned long long v = strtoull(p, &end, 10);
    if (errno == ERANGE || *end != '\0' || v > (unsigned long long)((size_t)-1))
        return cli_usage_error(cmd, "invalid %s '%s' (expected a whole number >= 0)", option, arg);
    *out = (size_t)v;
    return CLI_EXIT_OK;
}

const char *cli_display_name(const char *path)
{
    return (path && strcmp(path, "-") == 0) ? "<stdin>" : path;
}

int cli_check_stdin(const char *cmd, const char *const *paths, const char *const *options, size_t n)
{
    const char *first = NULL;
    for (size_t i = 0; i < n; i++) {
        if (!paths[i] || strcmp(paths[i], "-") != 0)
            continue;
        if (first)
            return cli_usage_error(cmd, "%s and %s cannot both read standard input ('-')", first,
                                   options[i]);
        first = options[i];
    }
    return CLI_EXIT_OK;
}

/* ---- diagnostics and loading ------------------------------------------- */

size_t cli_print_diags(const jm_diags *diags, FILE *errors_to)
{
    size_t errors = 0;
    size_t n = jm_diags_count(diags);
    for (size_t i = 0; i < n; i++) {
        jm_diag d;
        if (jm_diags_get(diags, i, &d) != JM_OK)
            continue;
        if (d.severity == JM_SEVERITY_WARNING) {
            /* Composed here: jm_diags_format puts "warning:" after the path. */
            cli_buf b;
            cli_buf_init(&b);
            cli_buf_add(&b, "warning: ");
            if (d.source && d.source[0]) {
                cli_buf_add(&b, d.source);
                if (d.line > 0) {
                    cli_buf_printf(&b, ":%d", d.line);
                    if (d.column > 0)
                        cli_buf_printf(&b, ":%d", d.column);
                }
                cli_buf_add(&b, ": ");
            }
            if (d.path && d.path[0]) {
                cli_buf_add(&b, d.path);
                cli_buf_add(&b, ": ");
            }
            cli_buf_add(&b, d.message ? d.message : "");
            fprintf(stderr, "%s\n", cli_buf_str(&b));
            cli_buf_free(&b);
            continue;
        }
        errors++;
        char *line = NULL;
        if (jm_diags_format(diags, i, &line) == JM_OK && line) {
            fprintf(errors_to, "%s\n", line);
            jm_free(line);
        } else {
            fprintf(errors_to, "%s: %s%s%s\n", d.source ? d.source : "", d.path ? d.path : "",
                    (d.path && d.path[0]) ? ": " : "", d.message ? d.message : "");
        }
    }
    return errors;
}

int cli_read(const char *cmd, const char *path, char **text, size_t *len)
{
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        cli_error(cmd, "cannot read '%s': %s", path, strerror(errno));
        return CLI_EXIT_DATA;
    }
    size_t cap = 4096, n = 0;
    char *buf = malloc(cap);
    int err = 0;
    errno = 0;
    while (buf) {
        if (n + 1 >= cap) {
            char *p = cap < ((size_t)-1) / 2 ? realloc(buf, cap * 2) : NULL;
            if (!p) {
                free(buf);
                buf = NULL;
                err = ENOMEM;
                break;
            }
            buf = p;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                err = errno ? errno : EIO;
            break;
        }
    }
    if (!buf && !err)
        err = ENOMEM;
    if (!is_stdin)
        fclose(f);
    if (err) {
        free(buf);
        cli_error(cmd, "cannot read '%s': %s", cli_display_name(path), strerror(err));
        return CLI_EXIT_DATA;
    }
    buf[n] = '\0';
    *text = buf;
    *len = n;
    return CLI_EXIT_OK;
}

const char *cli_why(int rc)
{
    const char *why = jm_last_error();
    return (why && why[0]) ? why : jm_strerror(rc);
}

int cli_doc_open(const char *cmd, const char *path, const jm_profile *profile, cli_doc *doc)
{
    if (cli_read(cmd, path, &doc->text, &doc->len) != CLI_EXIT_OK)
        return CLI_EXIT_DATA;
    doc->diags = NULL;
    if (jm_diags_new(&doc->diags) != JM_OK) {
        free(doc->text);
        cli_error(cmd, "out of memory");
        return CLI_EXIT_DATA;
    }
    jm_load_options_init(&doc->opts);
    doc->opts.source = cli_display_name(path);
    doc->opts.profile = profile;
    return CLI_EXIT_OK;
}

void cli_doc_close(cli_doc *doc)
{
    jm_diags_free(doc->diags);
    free(doc->text);
}

/* Reads a document into target (a set, or where a profile goes). */
typedef int (*load_fn)(void *target, const char *text, size_t len, const jm_load_options *opts,
                       jm_diags *diags);

static int profile_load(void *out, const char *text, size_t len, const jm_load_options *opts,
                        jm_diags *diags)
{
    return jm_profile_from_json(text, len, opts, diags, out);
}

/* Reads a file of records into a set (JSON Lines streamed). */
typedef int (*file_load_fn)(void *set, const char *path, const jm_load_options *opts, jm_diags *diags);

static int cand_load(void *set, const char *path, const jm_load_options *opts, jm_diags *diags)
{
    return jm_candidates_load_file(set, path, opts, diags);
}

static int job_load(void *set, const char *path, const jm_load_options *opts, jm_diags *diags)
{
    return jm_jobs_load_file(set, path, opts, diags);
}

/* Prints the diagnostics of a load, and after a failure the library's
 * message when it recorded none, and why the document failed. */
static int report_load(const char *cmd, const char *source, int rc, const jm_diags *diags)
{
    if (rc == JM_OK) {
        cli_print_diags(diags, stderr);
        return CLI_EXIT_OK;
    }
    if (cli_print_diags(diags, stderr) == 0)
        fprintf(stderr, "%s: %s\n", source, cli_why(rc));
    cli_error(cmd, "%s: %s", source, rc == JM_EPARSE ? "not valid JSON" : "invalid document");
    return CLI_EXIT_DATA;
}

/* Loads the records of the file at path into set with fn. */
static int load_set(const char *cmd, const char *path, const jm_profile *profile, void *set, file_load_fn fn)
{
    jm_diags *diags = NULL;
    if (jm_diags_new(&diags) != JM_OK) {
        cli_error(cmd, "out of memory");
        return CLI_EXIT_DATA;
    }
    jm_load_options o;
    jm_load_options_init(&o);
    o.source = cli_display_name(path);
    o.profile = profile;
    int rc = fn(set, path, &o, diags);
    int status;
    if (rc == JM_EIO) {
        cli_error(cmd, "%s", cli_why(rc));
        status = CLI_EXIT_DATA;
    } else {
        status = report_load(cmd, o.source, rc, diags);
    }
    jm_diags_free(diags);
    return status;
}

/* Loads the document at path with fn and prints its diagnostics; after a
 * failure the library's message when it recorded none, and why the
 * document failed. */
static int load_into(const char *cmd, const char *path, const jm_profile *profile, void *target,
                     load_fn fn)
{
    cli_doc doc;
    if (cli_doc_open(cmd, path, profile, &doc) != CLI_EXIT_OK)
        return CLI_EXIT_DATA;
    int rc = fn(target, doc.text, doc.len, &doc.opts, doc.diags);
    int status = report_load(cmd, doc.opts.source, rc, doc.diags);
    cli_doc_close(&doc);
    return status;
}

int cli_load_profile(const char *cmd, const char *path, jm_profile **out)
{
    if (!path) {
        if (jm_profile_default(out) != JM_OK) {
            cli_error(cmd, "out of memory");
            return CLI_EXIT_DATA;
        }
        return CLI_EXIT_OK;
    }
    return load_into(cmd, path, NULL, out, profile_load);
}

int cli_load_candidates(const char *cmd, const char *path, const jm_profile *profile,
                        jm_candidates **out)
{
    jm_candidates *set = NULL;
    if (jm_candidates_new(&set) != JM_OK) {
        cli_error(cmd, "out of memory");
        return CLI_EXIT_DATA;
    }
    int status = load_set(cmd, path, profile, set, cand_load);
    if (status != CLI_EXIT_OK) {
        jm_candidates_free(set);
        return status;
    }
    *out = set;
    return CLI_EXIT_OK;
}

int cli_load_jobs(const char *cmd, const char *path, const jm_profile *profile, jm_jobs **out)
{
    jm_jobs *set = NULL;
    if (jm_jobs_new(&set) != JM_OK) {
        cli_error(cmd, "out of memory");
        return CLI_EXIT_DATA;
    }
    int status = load_set(cmd, path, profile, set, job_load);
    if (status != CLI_EXIT_OK) {
        jm_jobs_free(set);
        return status;
    }
    *out = set;
    return CLI_EXIT_OK;
}

int cli_check_inputs(const char *cmd, int argc, char **argv, const char *cand_path, const char *cand_opt,
                     const char *job_path, const char *job_opt, const char *profile_path)
{
    if (optind < argc)
        return cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
    if (!cand_path)
        return cli_usage_error(cmd, "missing %s FILE", cand_opt);
    if (!job_path)
        return cli_usage_error(cmd, "missing %s FILE", job_opt);
    const char *paths[] = { cand_path, job_path, profile_path };
    const char *names[] = { cand_opt, job_opt, "--profile" };
    return cli_check_stdin(cmd, paths, names, 3);
}

int cli_load_inputs(const char *cmd, const char *cand_path, const char *job_path, const char *profile_path,
                    cli_inputs *in)
{
    in->profile = NULL;
    in->cands = NULL;
    in->jobs = NULL;
    int status = cli_load_profile(cmd, profile_path, &in->profile);
    if (status == CLI_EXIT_OK)
        status = cli_load_candidates(cmd, cand_path, in->profile, &in->cands);
    if (status == CLI_EXIT_OK)
        status = cli_load_jobs(cmd, job_path, in->profile, &in->jobs);
    return status;
}

void cli_inputs_free(cli_inputs *in)
{
    jm_jobs_free(in->jobs);
    jm_candidates_free(in->cands);
    jm_profile_free(in->profile);
}

int cli_finish(const char *cmd, int status)
{
    if (fflush(stdout) != 0 || ferror(stdout)) {
        cli_error(cmd, "error writing the output: %s", strerror(errno));
        return status == CLI_EXIT_OK ? CLI_EXIT_DATA : status;
    }
    return status;
}

/* ---- string builder ------------------------------------------------------ */

void cli_buf_init(cli_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = false;
}

void cli_buf_free(cli_buf *b)
{
    free(b->data);
    cli_buf_init(b);
}

void cli_buf_addn(cli_buf *b, const char *s, size_t n)
{
    if (b->oom || n == 0)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->oom = true;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void cli_buf_add(cli_buf *b, const char *s)
{
    if (s)
        cli_buf_addn(b, s, strlen(s));
}

void cli_buf_printf(cli_buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        cli_buf_addn(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = true;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    cli_buf_addn(b, big, (size_t)n);
    free(big);
}

const char *cli_buf_str(const cli_buf *b)
{
    return (b->data && !b->oom) ? b->data : "";
}

/* ---- text helpers ---------------------------------------------------------- */

/* Length in bytes of the UTF-8 sequence starting at s (1 for a stray byte). */
static size_t utf8_seq(const unsigned char *s)
{
    size_t n = 1;
    if (s[0] >= 0xF0)
        n = 4;
    else if (s[0] >= 0xE0)
        n = 3;
    else if (s[0] >= 0xC0)
        n = 2;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

size_t cli_utf8_seq(const char *s)
{
    return *s ? utf8_seq((const unsigned char *)s) : 0;
}

size_t cli_utf8_width(const char *s)
{
    size_t w = 0;
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        p += utf8_seq(p);
        w++;
    }
    return w;
}

void cli_buf_cell(cli_buf *b, const char *s, size_t width, int left)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t w = cli_utf8_width((const char *)p);
    bool cut = w > width;
    size_t keep = cut ? (width > 0 ? width - 1 : 0) : w;
    size_t pad = cut ? 0 : width - w;
    if (!left)
        for (size_t i = 0; i < pad; i++)
            cli_buf_addn(b, " ", 1);
    for (size_t i = 0; i < keep && *p; i++) {
        size_t n = utf8_seq(p);
        if (*p < 0x20 || *p == 0x7F)
            cli_buf_addn(b, " ", 1);
        else
            cli_buf_addn(b, (const char *)p, n);
        p += n;
    }
    if (cut && width > 0)
        cli_buf_addn(b, "~", 1);
    if (left)
        for (size_t i = 0; i < pad; i++)
            cli_buf_addn(b, " ", 1);
}

void cli_buf_csv(cli_buf *b, const char *s)
{
    s = s ? s : "";
    if (!strpbrk(s, ",\"\r\n")) {
        cli_buf_add(b, s);
        return;
    }
    cli_buf_addn(b, "\"", 1);
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            cli_buf_addn(b, "\"\"", 2);
        else
            cli_buf_addn(b, p, 1);
    }
    cli_buf_addn(b, "\"", 1);
}

void cli_buf_json_string(cli_buf *b, const char *s)
{
    cli_buf_add(b, "\"");
    for (const char *p = s ? s : ""; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c == '"' || c == '\\')
            cli_buf_printf(b, "\\%c", c);
        else if (c < 0x20)
            cli_buf_printf(b, "\\u%04x", c);
        else
            cli_buf_addn(b, p, 1);
    }
    cli_buf_add(b, "\"");
}
