/* The job-type factor: occupation similarity, wanted and avoided types, work history. */
#include <stdlib.h>
#include <string.h>

#include "factors/factors.h"
#include "match_impl.h"
#include "testutil.h"

static jm_profile *P;
static jm_candidate *C;
static jm_job *J;
static jm_eval EV;

static void setup(void)
{
    P = jm_profile_alloc_default();
    ck_assert_ptr_nonnull(P);
    P->th.avoid_similarity = 1.0;
    P->th.history_liked = 0.8;
    P->th.history_disliked = 0.5;
    C = jm_candidate_alloc("c1");
    J = jm_job_alloc("j1");
    ck_assert_ptr_nonnull(C);
    ck_assert_ptr_nonnull(J);
    memset(&EV, 0, sizeof EV);
    EV.c = C;
    EV.j = J;
    EV.p = P;
    EV.m = jm_match_alloc("c1", "j1", P);
    ck_assert_ptr_nonnull(EV.m);
}

static void teardown(void)
{
    jm_match_clear(EV.m);
    free(EV.m);
    jm_candidate_free(C);
    jm_job_free(J);
    jm_profile_destroy(P);
}

static const jm_factor_entry *run(void)
{
    jm_factor_job_type(&EV);
    ck_assert_int_eq(EV.error, 0);
    const jm_factor_entry *e = &EV.m->factors[JM_FACTOR_JOB_TYPE];
    ck_assert(e->reported);
    return e;
}

/* An occupation with owned members (NULL = unknown). */
static jm_occ occ(const char *label, const char *isco, const char *onet, const char *esco)
{
    jm_occ o;
    o.label = jm_strdup(label);
    o.isco = jm_strdup(isco);
    o.onet = jm_strdup(onet);
    o.esco_uri = jm_strdup(esco);
    return o;
}

static double sim(jm_occ a, jm_occ b)
{
    double s = jm_occ_similarity(&a, &b);
    jm_occ_clear(&a);
    jm_occ_clear(&b);
    return s;
}

static void want(const char *label, const char *isco, double weight)
{
    C->wanted = realloc(C->wanted, (C->n_wanted + 1) * sizeof *C->wanted);
    ck_assert_ptr_nonnull(C->wanted);
    C->wanted[C->n_wanted].occ = occ(label, isco, NULL, NULL);
    C->wanted[C->n_wanted].weight = weight;
    C->n_wanted++;
}

static void avoid(const char *label, const char *isco)
{
    C->avoided = realloc(C->avoided, (C->n_avoided + 1) * sizeof *C->avoided);
    ck_assert_ptr_nonnull(C->avoided);
    C->avoided[C->n_avoided++] = occ(label, isco, NULL, NULL);
}

static void history(const char *label, const char *isco, int liked)
{
    C->history = realloc(C->history, (C->n_history + 1) * sizeof *C->history);
    ck_assert_ptr_nonnull(C->history);
    jm_history *h = &C->history[C->n_history++];
    memset(h, 0, sizeof *h);
    h->occ = occ(label, isco, NULL, NULL);
    h->months = 6;
    h->liked = liked;
    h->ended = JM_ENDING_QUIT;
}

static void job_occ(const char *label, const char *isco)
{
    jm_occ_clear(&J->occ);
    J->occ = occ(label, isco, NULL, NULL);
}

START_TEST(similarity_exact)
{
    const char *uri = "http://data.europa.eu/esco/occupation/abc";
    TU_NEAR(sim(occ(NULL, NULL, NULL, uri), occ("x", NULL, NULL, uri)), 1.0);
    TU_NEAR(sim(occ(NULL, NULL, "35-2021.00", NULL), occ(NULL, NULL, "35-2021.00", NULL)), 1.0);
    TU_NEAR(sim(occ(NULL, "9412.1", NULL, NULL), occ(NULL, "9412.1", NULL, NULL)), 1.0);
    TU_NEAR(sim(occ("Kitchen Porter", NULL, NULL, NULL), occ("kitchen porter", "9412", NULL, NULL)),
            1.0);
    /* an exact label wins over differing codes */
    TU_NEAR(sim(occ("cleaner", "9112", NULL, NULL), occ("CLEANER", "5111", NULL, NULL)), 1.0);
}
END_TEST

START_TEST(similarity_isco_prefix)
{
    TU_NEAR(sim(occ(NULL, "9412", NULL, NULL), occ(NULL, "9412.1", NULL, NULL)), 0.75);
    TU_NEAR(sim(occ(NULL, "9412.1", NULL, NULL), occ(NULL, "9412.2", NULL, NULL)), 0.75);
    TU_NEAR(sim(occ(NULL, "9412", NULL, NULL), occ(NULL, "9411", NULL, NULL)), 0.5);
    TU_NEAR(sim(occ(NULL, "9412", NULL, NULL), occ(NULL, "9421", NULL, NULL)), 0.25);
    TU_NEAR(sim(occ(NULL, "9412", NULL, NULL), occ(NULL, "9312", NULL, NULL)), 0.0);
    TU_NEAR(sim(occ(NULL, "9412", NULL, NULL), occ(NULL, "94", NULL, NULL)), 0.25);
    TU_NEAR(sim(occ(NULL, "9", NULL, NULL), occ(NULL, "9412", NULL, NULL)), 0.0);
}
END_TEST

START_TEST(similarity_onet)
{
    TU_NEAR(sim(occ(NULL, NULL, "35-2021.00", NULL), occ(NULL, NULL, "35-2021.01", NULL)), 0.75);
    TU_NEAR(sim(occ(NULL, NULL, "35-2014.00", NULL), occ(NULL, NULL, "35-2011.00", NULL)), 0.5);
    TU_NEAR(sim(occ(NULL, NULL, "35-2021.00", NULL), occ(NULL, NULL, "35-2011.00", NULL)), 0.25);
    TU_NEAR(sim(occ(NULL, NULL, "35-2021.00", NULL), occ(NULL, NULL, "35-9021.00", NULL)), 0.0);
    TU_NEAR(sim(occ(NULL, NULL, "35-2021.00", NULL), occ(NULL, NULL, "37-2021.00", NULL)), 0.0);
    /* malformed codes earn no partial credit */
    TU_NEAR(sim(occ(NULL, NULL, "352021", NULL), occ(NULL, NULL, "352022", NULL)), 0.0);
}
END_TEST

START_TEST(similarity_best_of_hierarchies)
{
    TU_NEAR(sim(occ(NULL, "9412", "35-2021.00", NULL), occ(NULL, "9999", "35-2021.01", NULL)), 0.75);
    TU_NEAR(sim(occ(NULL, "9412", "35-2021.00", NULL), occ(NULL, "9411", "35-9021.00", NULL)), 0.5);
    /* nothing comparable */
    TU_NEAR(sim(occ("porter", NULL, NULL, NULL), occ(NULL, "9412", NULL, NULL)), 0.0);
    TU_NEAR(sim(occ("porter", NULL, NULL, NULL), occ("cleaner", NULL, NULL, NULL)), 0.0);
    TU_NEAR(sim(occ(NULL, NULL, NULL, NULL), occ(NULL, NULL, NULL, NULL)), 0.0);
    TU_NEAR(sim(occ("", "", "", ""), occ("", "", "", "")), 0.0);
    ck_assert(jm_occ_similarity(NULL, NULL) == 0.0);
}
END_TEST

START_TEST(wanted_exact)
{
    want("hospital porter", "9329", 1.0);
    job_occ("porter", "9329");
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "matches wanted job type: hospital porter (similarity 1)");
    ck_assert_uint_eq(EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(wanted_weight_and_partial)
{
    want("kitchen porter", "9412", 0.6);
    want("dishwasher", "9411", 1.0);
    job_occ("kitchen porter", "9412");
    const jm_factor_entry *e = run();
    /* max(0.6 x 1, 1 x 0.5) */
    TU_NEAR(e->score, 0.6);
    ck_assert_str_eq(e->detail, "matches wanted job type: kitchen porter (similarity 1, weight 0.6)");

    job_occ("food preparation helper", "9411.3");
    e = run();
    /* max(0.6 x 0.5, 1 x 0.75) */
    TU_NEAR(e->score, 0.75);
    ck_assert_str_eq(e->detail,
                     "closely related to wanted job type: dishwasher (similarity 0.75)");
}
END_TEST

START_TEST(not_wanted)
{
    want("hospital porter", "9329", 1.0);
    want("gardener", "6113", 1.0);
    want("baker", "7512", 1.0);
    want("librarian", "2622", 1.0);
    job_occ("bus driver", "8331");
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.0);
    ck_assert_str_eq(e->detail,
                     "not among the wanted job types (hospital porter, gardener, baker and 1 more)");
}
END_TEST

START_TEST(liked_history)
{
    history("kitchen porter", "9412", JM_YES);
    job_occ(NULL, "9412");
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 0.8);
    ck_assert_str_eq(e->detail,
                     "matches a past job the person liked: kitchen porter (similarity 1, weight 0.8)");
    /* a wanted type counts over weaker history evidence */
    want("dishwasher", "9412", 1.0);
    e = run();
    TU_NEAR(e->score, 1.0);
}
END_TEST

START_TEST(disliked_history)
{
    want("cook", "5120", 1.0);
    history("kitchen porter", "9412", JM_NO);
    job_occ("cook", "5120");
    const jm_factor_entry *e = run();
    TU_NEAR(e->score, 1.0); /* not like the disliked job */

    job_occ("dishwasher", "9412.1"); /* 0.75 to the disliked job */
    e = run();
    TU_NEAR(e->score, 0.0);
    ck_assert_str_eq(e->detail, "not among the wanted job types (cook); resembles a past job "
                                "the person disliked: kitchen porter");

    jm_occ_clear(&C->wanted[0].occ);
    C->wanted[0].occ = occ("kitchen hand", "9412", NULL, NULL);
    job_occ("kitchen hand", "9412");
    e = run();
    TU_NEAR(e->score, 0.5); /* 1 x history_disliked */
}
END_TEST

START_TEST(disliked_only)
{
    history("kitchen porter", "9412", JM_NO);
    job_occ("dishwasher", "9412");
    const jm_factor_entry *e = run();
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.25);
    ck_assert_str_eq(e->detail, "no wanted job types; resembles a past job the person "
                                "disliked: kitchen porter");
    /* unlike the disliked job: nothing is known */
    job_occ("gardener", "6113");
    e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no wanted job types, and no past job the person liked");
}
END_TEST

START_TEST(avoided_excludes)
{
    want("cleaner", "9112", 1.0);
    avoid("cleaner", "9112");
    avoid("street sweeper", "9613");
    job_occ("office cleaner", "9112");
    const jm_factor_entry *e = run();
    ck_assert(e->excluded);
    ck_assert(e->has_data);
    ck_assert_uint_eq(EV.m->n_exclusions, 1);
    ck_assert_str_eq(EV.m->exclusions[0].factor, "job_type");
    ck_assert_str_eq(EV.m->exclusions[0].reason, "avoided job type: cleaner");
    ck_assert_str_eq(EV.m->exclusions[0].lift, "only if the person changes this preference");
}
END_TEST

START_TEST(avoid_similarity_threshold)
{
    avoid(NULL, "9112");
    job_occ("window cleaner", "9112.4");
    const jm_factor_entry *e = run();
    ck_assert(!e->excluded); /* 0.75 < 1 */
    ck_assert_uint_eq(EV.m->n_exclusions, 0);

    P->th.avoid_similarity = 0.75;
    e = run();
    ck_assert(e->excluded);
    ck_assert_str_eq(EV.m->exclusions[0].reason, "avoided job type: ISCO 9112");

    /* avoided only: the exclusion stands, the score has no data */
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person named no wanted job types and no work history");
}
END_TEST

START_TEST(nodata)
{
    want("porter", "9329", 1.0);
    const jm_factor_entry *e = run();
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "the job's occupation is unknown");

    job_occ("porter", NULL);
    jm_occ_clear(&C->wanted[0].occ);
    C->n_wanted = 0;
    history("porter", NULL, JM_UNKNOWN);
    e = run();
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no wanted job types, and no past job the person liked");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_job_type");
    TCase *t = tcase_create("similarity");
    tcase_add_test(t, similarity_exact);
    tcase_add_test(t, similarity_isco_prefix);
    tcase_add_test(t, similarity_onet);
    tcase_add_test(t, similarity_best_of_hierarchies);
    suite_add_tcase(s, t);
    t = tcase_create("factor");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, wanted_exact);
    tcase_add_test(t, wanted_weight_and_partial);
    tcase_add_test(t, not_wanted);
    tcase_add_test(t, liked_history);
    tcase_add_test(t, disliked_history);
    tcase_add_test(t, disliked_only);
    tcase_add_test(t, avoided_excludes);
    tcase_add_test(t, avoid_similarity_threshold);
    tcase_add_test(t, nodata);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
