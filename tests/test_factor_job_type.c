/* The job-type factor: occupation similarity, wanted and avoided types, work history. */
#include <stdlib.h>
#include <string.h>

#include "factor_fixture.h"

static void setup(void)
{
    fx_setup();
    FX_P->th.avoid_similarity = 1.0;
    FX_P->th.history_liked = 0.8;
    FX_P->th.history_disliked = 0.5;
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
    FX_C->wanted = realloc(FX_C->wanted, (FX_C->n_wanted + 1) * sizeof *FX_C->wanted);
    ck_assert_ptr_nonnull(FX_C->wanted);
    FX_C->wanted[FX_C->n_wanted].occ = occ(label, isco, NULL, NULL);
    FX_C->wanted[FX_C->n_wanted].weight = weight;
    FX_C->n_wanted++;
}

static void avoid(const char *label, const char *isco)
{
    FX_C->avoided = realloc(FX_C->avoided, (FX_C->n_avoided + 1) * sizeof *FX_C->avoided);
    ck_assert_ptr_nonnull(FX_C->avoided);
    FX_C->avoided[FX_C->n_avoided++] = occ(label, isco, NULL, NULL);
}

static void history(const char *label, const char *isco, int liked)
{
    FX_C->history = realloc(FX_C->history, (FX_C->n_history + 1) * sizeof *FX_C->history);
    ck_assert_ptr_nonnull(FX_C->history);
    jm_history *h = &FX_C->history[FX_C->n_history++];
    memset(h, 0, sizeof *h);
    h->occ = occ(label, isco, NULL, NULL);
    h->months = 6;
    h->liked = liked;
    h->ended = JM_ENDING_QUIT;
}

static void job_occ(const char *label, const char *isco)
{
    jm_occ_clear(&FX_J->occ);
    FX_J->occ = occ(label, isco, NULL, NULL);
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
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 1.0);
    ck_assert_str_eq(e->detail, "matches wanted job type: hospital porter (similarity 1)");
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);
}
END_TEST

START_TEST(wanted_weight_and_partial)
{
    want("kitchen porter", "9412", 0.6);
    want("dishwasher", "9411", 1.0);
    job_occ("kitchen porter", "9412");
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    /* max(0.6 x 1, 1 x 0.5) */
    TU_NEAR(e->score, 0.6);
    ck_assert_str_eq(e->detail, "matches wanted job type: kitchen porter (similarity 1, weight 0.6)");

    job_occ("food preparation helper", "9411.3");
    e = fx_run(JM_FACTOR_JOB_TYPE);
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
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
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
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    TU_NEAR(e->score, 0.8);
    ck_assert_str_eq(e->detail,
                     "matches a past job the person liked: kitchen porter (similarity 1, weight 0.8)");
    /* a wanted type counts over weaker history evidence */
    want("dishwasher", "9412", 1.0);
    e = fx_run(JM_FACTOR_JOB_TYPE);
    TU_NEAR(e->score, 1.0);
}
END_TEST

START_TEST(disliked_history)
{
    want("cook", "5120", 1.0);
    history("kitchen porter", "9412", JM_NO);
    job_occ("cook", "5120");
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    TU_NEAR(e->score, 1.0); /* not like the disliked job */

    job_occ("dishwasher", "9412.1"); /* 0.75 to the disliked job */
    e = fx_run(JM_FACTOR_JOB_TYPE);
    TU_NEAR(e->score, 0.0);
    ck_assert_str_eq(e->detail, "not among the wanted job types (cook); resembles a past job "
                                "the person disliked: kitchen porter");

    jm_occ_clear(&FX_C->wanted[0].occ);
    FX_C->wanted[0].occ = occ("kitchen hand", "9412", NULL, NULL);
    job_occ("kitchen hand", "9412");
    e = fx_run(JM_FACTOR_JOB_TYPE);
    TU_NEAR(e->score, 0.5); /* 1 x history_disliked */
}
END_TEST

START_TEST(disliked_only)
{
    history("kitchen porter", "9412", JM_NO);
    job_occ("dishwasher", "9412");
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(e->has_data);
    TU_NEAR(e->score, 0.25);
    ck_assert_str_eq(e->detail, "no wanted job types; resembles a past job the person "
                                "disliked: kitchen porter");
    /* unlike the disliked job: nothing is known */
    job_occ("gardener", "6113");
    e = fx_run(JM_FACTOR_JOB_TYPE);
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
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(e->excluded);
    ck_assert(e->has_data);
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 1);
    fx_check_exclusion(0, "job_type", "avoided job type: cleaner",
                       "only if the person changes this preference");
}
END_TEST

START_TEST(avoid_similarity_threshold)
{
    avoid(NULL, "9112");
    job_occ("window cleaner", "9112.4");
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(!e->excluded); /* 0.75 < 1 */
    ck_assert_uint_eq(FX_EV.m->n_exclusions, 0);

    FX_P->th.avoid_similarity = 0.75;
    e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(e->excluded);
    ck_assert_str_eq(FX_EV.m->exclusions[0].reason, "avoided job type: ISCO 9112");

    /* avoided only: the exclusion stands, the score has no data */
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "the person named no wanted job types and no work history");
}
END_TEST

START_TEST(nodata)
{
    want("porter", "9329", 1.0);
    const jm_factor_entry *e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(!e->has_data);
    ck_assert(isnan(e->score));
    ck_assert_str_eq(e->detail, "the job's occupation is unknown");

    job_occ("porter", NULL);
    jm_occ_clear(&FX_C->wanted[0].occ);
    FX_C->n_wanted = 0;
    history("porter", NULL, JM_UNKNOWN);
    e = fx_run(JM_FACTOR_JOB_TYPE);
    ck_assert(!e->has_data);
    ck_assert_str_eq(e->detail, "no wanted job types, and no past job the person liked");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("factor_job_type");
    TCase *t = fx_tcase(s, "similarity", NULL, NULL);
    tcase_add_test(t, similarity_exact);
    tcase_add_test(t, similarity_isco_prefix);
    tcase_add_test(t, similarity_onet);
    tcase_add_test(t, similarity_best_of_hierarchies);
    t = fx_tcase(s, "factor", setup, fx_teardown);
    tcase_add_test(t, wanted_exact);
    tcase_add_test(t, wanted_weight_and_partial);
    tcase_add_test(t, not_wanted);
    tcase_add_test(t, liked_history);
    tcase_add_test(t, disliked_history);
    tcase_add_test(t, disliked_only);
    tcase_add_test(t, avoided_excludes);
    tcase_add_test(t, avoid_similarity_threshold);
    tcase_add_test(t, nodata);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
