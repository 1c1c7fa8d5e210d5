/* Shared helpers for the Check suites. */
#ifndef JM_TESTUTIL_H
#define JM_TESTUTIL_H

#include <check.h>
#include <math.h>

#include "jobmatch.h"

/** Runs a suite and returns the process exit status (every test file's main). */
int tu_run(Suite *s);

/** Parses one candidate / job record from JSON text; fails the test (with
 *  every diagnostic) when it does not load. */
jm_candidate *tu_candidate(const char *json);
jm_job *tu_job(const char *json);

/** Scores a pair with the default profile (or profile, when not NULL). */
jm_match *tu_score(const char *candidate_json, const char *job_json);
jm_match *tu_score_with(jm_engine *engine, const char *candidate_json, const char *job_json);

/** The factor named name of a match (fails the test if absent). */
jm_factor_info tu_factor(const jm_match *m, const char *name);

/** Does some diagnostic have this path and a message containing needle? */
int tu_diags_has(const jm_diags *d, const char *path, const char *needle);

/** Prints every diagnostic to stderr (for failing tests). */
void tu_diags_print(const jm_diags *d);

#define TU_NEAR(a, b) ck_assert_msg(fabs((double)(a) - (double)(b)) < 1e-9, \
    "%s = %.12g, expected %.12g", #a, (double)(a), (double)(b))
#define TU_NEAR_EPS(a, b, eps) ck_assert_msg(fabs((double)(a) - (double)(b)) < (eps), \
    "%s = %.12g, expected %.12g", #a, (double)(a), (double)(b))

#endif
