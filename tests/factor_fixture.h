/*
 * The fixture shared by the factor suites (tests/test_factor_*.c): the
 * default profile, an empty candidate "c1" and job "j1", and an evaluation of
 * the pair with a fresh match.
 *
 * A suite that relies on a threshold sets it in its own setup wrapper after
 * fx_setup() (jm_match_alloc reads only the profile's id, hash and weights, so
 * a threshold set afterwards is seen by every factor call).
 */
#ifndef JM_FACTOR_FIXTURE_H
#define JM_FACTOR_FIXTURE_H

#include <stddef.h>

#include "factors/factors.h"
#include "match_impl.h"
#include "testutil.h"

extern jm_profile *FX_P;
extern jm_candidate *FX_C;
extern jm_job *FX_J;
extern jm_eval FX_EV; /* c, j and p point at the three above */

/** Allocates the profile, the pair and the match (a checked fixture). */
void fx_setup(void);
/** Frees them, after putting back the profile's own vocabulary. */
void fx_teardown(void);

/** Replaces the match with a fresh one (to score the pair again from scratch). */
void fx_new_match(void);

/** Installs a test vocabulary over the profile's; a NULL part keeps the
 *  profile's own.  fx_teardown takes it out again before the profile is
 *  destroyed. */
void fx_vocabulary(jm_need_def *needs, size_t n_needs, jm_offer_def *offers, size_t n_offers,
                   jm_dim_def *dims, size_t n_dims);

/** The match's entry for a built-in factor; fails the test unless it reported. */
const jm_factor_entry *fx_entry(int factor);
/** Runs jm_factor_table[factor] on FX_EV, fails the test on an evaluation
 *  error, and returns fx_entry(factor). */
const jm_factor_entry *fx_run(int factor);

/** Checks exclusion i of the match; a NULL field is not checked.  A failure
 *  names the caller's file and line. */
#define fx_check_exclusion(i, factor, reason, lift) \
    fx_check_exclusion_at(__FILE__, __LINE__, (i), (factor), (reason), (lift))
void fx_check_exclusion_at(const char *file, int line, size_t i, const char *factor,
                           const char *reason, const char *lift);

/** A test case named name, added to s, with a checked fixture when setup is
 *  not NULL. */
TCase *fx_tcase(Suite *s, const char *name, void (*setup)(void), void (*teardown)(void));

#endif /* JM_FACTOR_FIXTURE_H */
