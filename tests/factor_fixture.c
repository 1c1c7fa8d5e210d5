/* The fixture shared by the factor suites. */
#include "factor_fixture.h"

#include <stdlib.h>
#include <string.h>

jm_profile *FX_P;
jm_candidate *FX_C;
jm_job *FX_J;
jm_eval FX_EV;

/* The profile's own vocabulary while a test one is installed. */
static bool swapped;
static jm_need_def *saved_needs;
static jm_offer_def *saved_offers;
static jm_dim_def *saved_dims;
static size_t saved_n_needs, saved_n_offers, saved_n_dims;

void fx_setup(void)
{
    FX_P = jm_profile_alloc_default();
    ck_assert_ptr_nonnull(FX_P);
    swapped = false;
    FX_C = jm_candidate_alloc("c1");
    FX_J = jm_job_alloc("j1");
    ck_assert_ptr_nonnull(FX_C);
    ck_assert_ptr_nonnull(FX_J);
    memset(&FX_EV, 0, sizeof FX_EV);
    FX_EV.c = FX_C;
    FX_EV.j = FX_J;
    FX_EV.p = FX_P;
    fx_new_match();
}

void fx_teardown(void)
{
    jm_match_clear(FX_EV.m);
    free(FX_EV.m);
    FX_EV.m = NULL;
    jm_candidate_free(FX_C);
    jm_job_free(FX_J);
    if (swapped) {
        FX_P->needs = saved_needs;
        FX_P->n_needs = saved_n_needs;
        FX_P->offers = saved_offers;
        FX_P->n_offers = saved_n_offers;
        FX_P->dims = saved_dims;
        FX_P->n_dims = saved_n_dims;
        swapped = false;
    }
    jm_profile_destroy(FX_P);
}

void fx_new_match(void)
{
    if (FX_EV.m) {
        jm_match_clear(FX_EV.m);
        free(FX_EV.m);
    }
    FX_EV.m = jm_match_alloc("c1", "j1", FX_P);
    ck_assert_ptr_nonnull(FX_EV.m);
}

void fx_vocabulary(jm_need_def *needs, size_t n_needs, jm_offer_def *offers, size_t n_offers,
                   jm_dim_def *dims, size_t n_dims)
{
    if (!swapped) {
        saved_needs = FX_P->needs;
        saved_n_needs = FX_P->n_needs;
        saved_offers = FX_P->offers;
        saved_n_offers = FX_P->n_offers;
        saved_dims = FX_P->dims;
        saved_n_dims = FX_P->n_dims;
        swapped = true;
    }
    if (needs) {
        FX_P->needs = needs;
        FX_P->n_needs = n_needs;
    }
    if (offers) {
        FX_P->offers = offers;
        FX_P->n_offers = n_offers;
    }
    if (dims) {
        FX_P->dims = dims;
        FX_P->n_dims = n_dims;
    }
}

const jm_factor_entry *fx_entry(int factor)
{
    ck_assert_int_ge(factor, 0);
    ck_assert_int_lt(factor, JM_FACTOR_COUNT);
    const jm_factor_entry *e = &FX_EV.m->factors[factor];
    ck_assert(e->reported);
    return e;
}

const jm_factor_entry *fx_run(int factor)
{
    ck_assert_int_ge(factor, 0);
    ck_assert_int_lt(factor, JM_FACTOR_COUNT);
    jm_factor_table[factor](&FX_EV);
    ck_assert_int_eq(FX_EV.error, 0);
    return fx_entry(factor);
}

/* Fails unless the field is expected (or not checked). */
static void check_field(const char *file, int line, size_t i, const char *name, const char *got,
                        const char *expected)
{
    if (!expected)
        return;
    ck_assert_msg(got && strcmp(got, expected) == 0,
                  "%s:%d: exclusion %zu: %s is \"%s\", expected \"%s\"", file, line, i, name,
                  got ? got : "(null)", expected);
}

void fx_check_exclusion_at(const char *file, int line, size_t i, const char *factor,
                           const char *reason, const char *lift)
{
    ck_assert_msg(i < FX_EV.m->n_exclusions, "%s:%d: exclusion %zu of %zu", file, line, i,
                  FX_EV.m->n_exclusions);
    const jm_excl_entry *x = &FX_EV.m->exclusions[i];
    check_field(file, line, i, "factor", x->factor, factor);
    check_field(file, line, i, "reason", x->reason, reason);
    check_field(file, line, i, "lift", x->lift, lift);
}

TCase *fx_tcase(Suite *s, const char *name, void (*setup)(void), void (*teardown)(void))
{
    TCase *t = tcase_create(name);
    if (setup)
        tcase_add_checked_fixture(t, setup, teardown);
    suite_add_tcase(s, t);
    return t;
}
