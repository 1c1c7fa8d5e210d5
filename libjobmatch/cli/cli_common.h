/*
 * jobmatch command-line tool: shared pieces - exit codes, error messages,
 * option helpers, loading documents and printing their diagnostics, a small
 * string builder.  The tool uses only the public API (jobmatch.h).
 */
#ifndef JM_CLI_COMMON_H
#define JM_CLI_COMMON_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "jobmatch.h"

#if defined(__GNUC__)
#define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CLI_PRINTF(f, a)
#endif

/* Exit statuses. */
enum {
    CLI_EXIT_OK = 0,    /* success (validate: every file is valid) */
    CLI_EXIT_DATA = 1,  /* invalid or unreadable input, or a failure while scoring */
    CLI_EXIT_USAGE = 2  /* unknown option, missing or bad argument */
};

/* Output formats. */
typedef enum cli_format {
    CLI_FORMAT_TEXT = 1,
    CLI_FORMAT_JSON = 2,
    CLI_FORMAT_CSV = 4
} cli_format;

/* The subcommands (one file each). */
int cmd_validate(int argc, char **argv);
int cmd_score(int argc, char **argv);
int cmd_rank(int argc, char **argv);
void cmd_validate_help(FILE *out);
void cmd_score_help(FILE *out);
void cmd_rank_help(FILE *out);

/* ---- messages ---------------------------------------------------------- */

/** Prints "jobmatch CMD: message" and a newline on stderr. */
void cli_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);

/** Prints a usage error and a hint to use --help on stderr; returns
 *  CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);

/** Reports what getopt_long returned for a bad option (c is '?' or ':';
 *  the option string must start with ':').  Returns CLI_EXIT_USAGE. */
int cli_option_error(const char *cmd, int c, char **argv);

/** Parses --format: one of the formats in the mask allowed. */
int cli_parse_format(const char *cmd, const char *arg, unsigned allowed, cli_format *out);

/** Parses a non-negative integer option value. */
int cli_parse_count(const char *cmd, const char *option, const char *arg, size_t *out);

/** The name a file is shown under in messages: "<stdin>" for "-". */
const char *cli_display_name(const char *path);

/** Fails with a usage error when more than one of the n paths (NULL ones
 *  are skipped) is "-": standard input can be read only once. */
int cli_check_stdin(const char *cmd, const char *const *paths, const char *const *options, size_t n);

/* ---- loading ------------------------------------------------------------ */

/** Prints the diagnostics of a list: errors (one line each,
 *  "FILE:LINE:COLUMN: PATH: message", parts unknown left out) to errors_to,
 *  warnings to stderr as "warning: FILE: PATH: message".
 *  Returns the number of errors printed. */
size_t cli_print_diags(const jm_diags *diags, FILE *errors_to);

/** Reads a whole file ("-" = standard input).  On failure prints why and
 *  returns CLI_EXIT_DATA. */
int cli_read(const char *cmd, const char *path, char **text, size_t *len);

/** The last error of the library, or the message of rc when it set none. */
const char *cli_why(int rc);

/** A document read for loading: its text, and the diagnostics and options
 *  to load it with (source: the file's display name; profile). */
typedef struct cli_doc {
    char *text;
    size_t len;
    jm_diags *diags;
    jm_load_options opts;
} cli_doc;

/** Reads path and prepares the rest of doc.  On failure prints why and
 *  returns CLI_EXIT_DATA (nothing to close). */
int cli_doc_open(const char *cmd, const char *path, const jm_profile *profile, cli_doc *doc);
void cli_doc_close(cli_doc *doc);

/** Loads a scoring profile, or the built-in default when path is NULL.
 *  Returns CLI_EXIT_OK or CLI_EXIT_DATA (diagnostics printed). */
int cli_load_profile(const char *cmd, const char *path, jm_profile **out);

/** Loads every candidate of a document; terms are checked against profile. */
int cli_load_candidates(const char *cmd, const char *path, const jm_profile *profile,
                        jm_candidates **out);

/** Loads every job of a document. */
int cli_load_jobs(const char *cmd, const char *path, const jm_profile *profile, jm_jobs **out);

/* ---- the inputs of score and rank ----------------------------------------- */

typedef struct cli_inputs {
    jm_profile *profile;
    jm_candidates *cands;
    jm_jobs *jobs;
} cli_inputs;

/** After the options: no operand is left, the candidate and job files are
 *  given (cand_opt and job_opt name their options) and at most one of the
 *  three files is '-'.  CLI_EXIT_OK, or CLI_EXIT_USAGE after a message. */
int cli_check_inputs(const char *cmd, int argc, char **argv, const char *cand_path, const char *cand_opt,
                     const char *job_path, const char *job_opt, const char *profile_path);

/** Loads the profile (the built-in default when profile_path is NULL), then
 *  the candidates and the jobs with its vocabulary.  CLI_EXIT_OK or
 *  CLI_EXIT_DATA (reported); what was loaded is freed by cli_inputs_free. */
int cli_load_inputs(const char *cmd, const char *cand_path, const char *job_path, const char *profile_path,
                    cli_inputs *in);
void cli_inputs_free(cli_inputs *in);

/** Flushes standard output; reports a write error (CLI_EXIT_DATA). */
int cli_finish(const char *cmd, int status);

/* ---- a small string builder ------------------------------------------- */

typedef struct cli_buf {
    char *data;
    size_t len, cap;
    bool oom;
} cli_buf;

void cli_buf_init(cli_buf *b);
void cli_buf_free(cli_buf *b);
void cli_buf_add(cli_buf *b, const char *s);
void cli_buf_addn(cli_buf *b, const char *s, size_t n);
void cli_buf_printf(cli_buf *b, const char *fmt, ...) CLI_PRINTF(2, 3);
/** The text so far ("" when empty or after an allocation failure). */
const char *cli_buf_str(const cli_buf *b);

/* ---- text helpers --------------------------------------------------------- */

/** Length in bytes of the UTF-8 character at s (1 for an invalid byte,
 *  0 at the end of the string). */
size_t cli_utf8_seq(const char *s);

/** Number of characters (UTF-8 code points) in s. */
size_t cli_utf8_width(const char *s);

/** Appends s padded with spaces (or cut, ending in "~") to exactly width
 *  characters; control characters become spaces.  left != 0 aligns left. */
void cli_buf_cell(cli_buf *b, const char *s, size_t width, int left);

/** Appends a field quoted as RFC 4180 requires (only when needed). */
void cli_buf_csv(cli_buf *b, const char *s);

/** Appends s as a JSON string (quotes, backslashes and control characters
 *  escaped; s is UTF-8). */
void cli_buf_json_string(cli_buf *b, const char *s);

/* ---- rank --all (rank_all.c) ---------------------------------------------- */

typedef struct cli_rank_all {
    const char *cmd;
    int for_jobs; /* rows are jobs: the best candidates for each */
    cli_format format;
    size_t top;       /* K >= 1 */
    unsigned threads; /* 0: one per processor */
    bool progress;    /* a progress bar on standard error */
    const jm_candidates *cands;
    const jm_jobs *jobs;
} cli_rank_all;

/** The K best feasible matches of every row into out.  CLI_EXIT_*. */
int cli_rank_all_run(const cli_rank_all *a, jm_engine *engine, cli_buf *out);

#endif /* JM_CLI_COMMON_H */
