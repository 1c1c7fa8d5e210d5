/* Shared helpers for the Check suites. */
#ifndef JM_TESTUTIL_H
#define JM_TESTUTIL_H

#include <check.h>
#include <math.h>
#include <string.h>

#include "jobmatch.h"

/** Runs a suite and returns the process exit status (every test file's main). */
int tu_run(Suite *s);

/** Parses one candidate / job record from JSON text; fails the test (with
 *  every diagnostic) when it does not load. */
jm_candidate *tu_candidate(const char *json);
jm_job *tu_job(const char *json);

/** Loads a candidate / job record that must fail with code, with the
 *  diagnostics in d (cleared first); fails the test (printing them) unless it
 *  does.  Returns the number of errors. */
size_t tu_candidate_fails(jm_diags *d, const char *json, int code);
size_t tu_job_fails(jm_diags *d, const char *json, int code);
/** A record of type ("candidate" or "job") with 300 skills, skill-17
 *  given again at skills[250] and skills[299], must fail with exactly the
 *  two duplicates named, each against skills[17]. */
void tu_check_duplicates_among_many_skills(jm_diags *d, const char *type);

/** Loads a candidate / job record, writes it, loads and writes that again:
 *  fails the test unless both writes are the same.  Returns the first write
 *  (free with jm_free). */
char *tu_candidate_round_trip(const char *json);
char *tu_job_round_trip(const char *json);

/** Scores a pair with the default profile (or profile, when not NULL). */
jm_match *tu_score(const char *candidate_json, const char *job_json);
jm_match *tu_score_with(jm_engine *engine, const char *candidate_json, const char *job_json);

/** Fails the test unless both matches write the same JSON. */
void tu_match_same_json(const jm_match *a, const jm_match *b);

/** The factor named name of a match (fails the test if absent). */
jm_factor_info tu_factor(const jm_match *m, const char *name);

/** Does some diagnostic have this path and a message containing needle? */
int tu_diags_has(const jm_diags *d, const char *path, const char *needle);

/** Prints every diagnostic to stderr (for failing tests). */
void tu_diags_print(const jm_diags *d);

/** The call fails with code, and jm_last_error() contains needle. */
#define TU_FAILS(call, code, needle)                                                            \
    do {                                                                                        \
        int rc_ = (call);                                                                       \
        ck_assert_msg(rc_ == (code), "%s returned %d, expected %d", #call, rc_, (int)(code));   \
        ck_assert_msg(strstr(jm_last_error(), (needle)) != NULL,                                \
                      "last error \"%s\" lacks \"%s\"", jm_last_error(), (needle));             \
    } while (0)

/** The call succeeds. */
#define TU_OK(call) ck_assert_int_eq((call), JM_OK)

#define TU_NEAR(a, b) ck_assert_msg(fabs((double)(a) - (double)(b)) < 1e-9, \
    "%s = %.12g, expected %.12g", #a, (double)(a), (double)(b))
#define TU_NEAR_EPS(a, b, eps) ck_assert_msg(fabs((double)(a) - (double)(b)) < (eps), \
    "%s = %.12g, expected %.12g", #a, (double)(a), (double)(b))

#endif
