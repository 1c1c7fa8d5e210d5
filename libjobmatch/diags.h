/* Internal: appending to a diagnostics list. */
#ifndef JM_DIAGS_H
#define JM_DIAGS_H

#include "jobmatch/common.h"
#include "util.h"

/** Appends a diagnostic (strings copied; path/source may be NULL).  Does
 *  nothing when diags is NULL.  JM_OK or JM_ENOMEM. */
int jm_diags_add(jm_diags *diags, int severity, int code, const char *source, const char *path,
                 int line, int column, const char *message);

/** Number of errors appended since a count taken before (for "did this
 *  document add errors"). */
size_t jm_diags_errors(const jm_diags *diags);

#endif
