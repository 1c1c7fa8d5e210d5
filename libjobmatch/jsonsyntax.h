/*
 * Internal: a strict JSON syntax check (RFC 8259) run before cJSON parses.
 *
 * cJSON is lenient where a job-matching library must not be: it reads
 * "012" and "1." as numbers, skips control characters between tokens as
 * if they were spaces, and cuts a string at an escaped NUL ("a\u0000b"
 * becomes "a", silently losing the rest).  This check accepts exactly the
 * JSON grammar, without recursion, and says where the first problem is and
 * what was expected there.  Messages never quote string contents.
 */
#ifndef JM_JSONSYNTAX_H
#define JM_JSONSYNTAX_H

#include <stdbool.h>
#include <stddef.h>

typedef struct jm_syntax_error {
    size_t offset;     /* of the first bad byte (len for the end of the input) */
    bool depth;        /* the problem is nesting deeper than max_depth */
    char message[200]; /* "JSON syntax error: found X, expected Y" */
} jm_syntax_error;

/** Checks that text[0..len) begins, after optional whitespace, with one
 *  JSON value nested at most max_depth levels deep.  text must be valid
 *  UTF-8 (checked before).  On success *end (when end is not NULL) gets
 *  the offset just after the value and true is returned; with end NULL,
 *  anything but whitespace after the value is an error.  On failure *err
 *  says where and what.  Allocates nothing. */
bool jm_json_check_syntax(const char *text, size_t len, size_t max_depth, size_t *end,
                          jm_syntax_error *err);

#endif /* JM_JSONSYNTAX_H */
