/* Tests of candidate and job sets (sets.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "sets.h"
#include "testutil.h"

static jm_candidate *cand(const char *id)
{
    jm_candidate *c = NULL;
    TU_OK(jm_candidate_new(id, &c));
    return c;
}

static jm_job *job(const char *id)
{
    jm_job *j = NULL;
    TU_OK(jm_job_new(id, &j));
    return j;
}

START_TEST(add_copies_and_keeps_order)
{
    jm_candidates *set = NULL;
    TU_OK(jm_candidates_new(&set));
    ck_assert_uint_eq(jm_candidates_count(set), 0);
    ck_assert_ptr_null(jm_candidates_get(set, 0));
    ck_assert_ptr_null(jm_candidates_find(set, "c-1"));

    jm_candidate *a = cand("c-b"), *b = cand("c-a");
    TU_OK(jm_candidate_set_hours(a, 10, NAN, 20, 0));
    TU_OK(jm_candidates_add(set, a));
    TU_OK(jm_candidates_add(set, b));
    ck_assert_uint_eq(jm_candidates_count(set), 2);
    ck_assert_str_eq(jm_candidate_id(jm_candidates_get(set, 0)), "c-b"); /* insertion order */
    ck_assert_str_eq(jm_candidate_id(jm_candidates_get(set, 1)), "c-a");
    ck_assert_ptr_null(jm_candidates_get(set, 2));

    /* the set holds a copy: later changes to the original do not reach it */
    const jm_candidate *in = jm_candidates_find(set, "c-b");
    ck_assert_ptr_nonnull(in);
    ck_assert_ptr_ne(in, a);
    TU_OK(jm_candidate_set_hours(a, 30, NAN, 40, 0));
    TU_NEAR(in->hours_min, 10);
    jm_candidate_free(a);
    TU_NEAR(jm_candidates_find(set, "c-b")->hours_max, 20);

    TU_FAILS(jm_candidates_add(set, b), JM_EEXISTS, "jm_candidates_add: a candidate with id \"c-a\"");
    ck_assert_uint_eq(jm_candidates_count(set), 2);
    TU_FAILS(jm_candidates_add(set, NULL), JM_EINVAL, "candidate is NULL");
    TU_FAILS(jm_candidates_add(NULL, b), JM_EINVAL, "set is NULL");
    jm_candidate_free(b);

    ck_assert_ptr_null(jm_candidates_find(set, "c-"));
    ck_assert_ptr_null(jm_candidates_find(set, "C-A"));
    ck_assert_ptr_null(jm_candidates_find(set, NULL));
    ck_assert_ptr_null(jm_candidates_find(NULL, "c-a"));
    ck_assert_uint_eq(jm_candidates_count(NULL), 0);
    ck_assert_ptr_null(jm_candidates_get(NULL, 0));
    TU_FAILS(jm_candidates_new(NULL), JM_EINVAL, "out");
    jm_candidates_free(set);
    jm_candidates_free(NULL);
}
END_TEST

START_TEST(append_is_all_or_nothing)
{
    jm_candidates *set = NULL;
    TU_OK(jm_candidates_new(&set));
    jm_candidate *first[2] = { cand("a"), cand("b") };
    TU_OK(jm_candidates_append(set, first, 2, NULL)); /* the set owns them now */
    ck_assert_ptr_eq(jm_candidates_get(set, 0), first[0]);

    /* an id already in the set */
    jm_candidate *items[3] = { cand("c"), cand("d"), cand("a") };
    size_t dup = 99;
    TU_FAILS(jm_candidates_append(set, items, 3, &dup), JM_EEXISTS, "\"a\" is already in the set");
    ck_assert_uint_eq(dup, 2);
    ck_assert_uint_eq(jm_candidates_count(set), 2);
    ck_assert_ptr_null(jm_candidates_find(set, "c"));
    ck_assert_ptr_null(jm_candidates_find(set, "d"));
    ck_assert_ptr_eq(jm_candidates_find(set, "a"), first[0]); /* not the newcomer */

    /* the same id twice among the new items */
    jm_candidate *twice[4] = { cand("e"), cand("f"), cand("g"), cand("f") };
    dup = 99;
    TU_FAILS(jm_candidates_append(set, twice, 4, &dup), JM_EEXISTS, "the id \"f\" of candidate 3 is also that of candidate 1");
    ck_assert_uint_eq(dup, 3);
    ck_assert_uint_eq(jm_candidates_count(set), 2);
    ck_assert_ptr_null(jm_candidates_find(set, "e"));
    TU_FAILS(jm_candidates_append(set, twice, 4, NULL), JM_EEXISTS, "\"f\""); /* dup_index may be NULL */

    /* the caller still owns every rejected item: free them */
    for (int i = 0; i < 3; i++)
        jm_candidate_free(items[i]);
    for (int i = 0; i < 4; i++)
        jm_candidate_free(twice[i]);

    /* a clean batch goes in, in order */
    jm_candidate *ok[3] = { cand("z"), cand("y"), cand("x") };
    TU_OK(jm_candidates_append(set, ok, 3, NULL));
    ck_assert_uint_eq(jm_candidates_count(set), 5);
    ck_assert_str_eq(jm_candidate_id(jm_candidates_get(set, 2)), "z");
    ck_assert_str_eq(jm_candidate_id(jm_candidates_get(set, 4)), "x");
    ck_assert_ptr_eq(jm_candidates_find(set, "y"), ok[1]);
    TU_OK(jm_candidates_append(set, NULL, 0, NULL)); /* nothing to add */
    ck_assert_uint_eq(jm_candidates_count(set), 5);

    jm_candidate *with_null[2] = { cand("w"), NULL };
    TU_FAILS(jm_candidates_append(set, with_null, 2, NULL), JM_EINVAL, "item 1");
    ck_assert_uint_eq(jm_candidates_count(set), 5);
    jm_candidate_free(with_null[0]);
    TU_FAILS(jm_candidates_append(NULL, ok, 1, NULL), JM_EINVAL, "set is NULL");
    jm_candidates_free(set);
}
END_TEST

START_TEST(find_among_ten_thousand)
{
    enum { N = 10000 };
    jm_candidates *set = NULL;
    TU_OK(jm_candidates_new(&set));
    char id[32];
    /* half one at a time (the index grows many times), half in one batch */
    for (int i = 0; i < N / 2; i++) {
        snprintf(id, sizeof id, "cand-%05d", i);
        jm_candidate *c = cand(id);
        TU_OK(jm_candidates_add(set, c));
        jm_candidate_free(c);
    }
    jm_candidate **batch = malloc((N / 2) * sizeof *batch);
    for (int i = 0; i < N / 2; i++) {
        snprintf(id, sizeof id, "cand-%05d", N / 2 + i);
        batch[i] = cand(id);
    }
    TU_OK(jm_candidates_append(set, batch, N / 2, NULL));
    free(batch);
    ck_assert_uint_eq(jm_candidates_count(set), N);
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "cand-%05d", i);
        const jm_candidate *c = jm_candidates_find(set, id);
        ck_assert_ptr_nonnull(c);
        ck_assert_str_eq(jm_candidate_id(c), id);
        ck_assert_ptr_eq(jm_candidates_get(set, (size_t)i), c);
    }
    ck_assert_ptr_null(jm_candidates_find(set, "cand-10000"));
    ck_assert_ptr_null(jm_candidates_find(set, "cand-0000"));
    /* a duplicate deep in the set is still caught */
    jm_candidate *again = cand("cand-07777");
    size_t dup = 99;
    TU_FAILS(jm_candidates_append(set, &again, 1, &dup), JM_EEXISTS, "cand-07777");
    ck_assert_uint_eq(dup, 0);
    jm_candidate_free(again);
    ck_assert_uint_eq(jm_candidates_count(set), N);
    jm_candidates_free(set);
}
END_TEST

START_TEST(job_sets)
{
    jm_jobs *set = NULL;
    TU_OK(jm_jobs_new(&set));
    jm_job *j = job("j-1");
    TU_OK(jm_job_set_title(j, "Porter", NULL));
    TU_OK(jm_jobs_add(set, j));
    TU_FAILS(jm_jobs_add(set, j), JM_EEXISTS, "jm_jobs_add: a job with id \"j-1\"");
    TU_OK(jm_job_set_title(j, "Changed", NULL));
    ck_assert_str_eq(jm_job_title(jm_jobs_find(set, "j-1")), "Porter");
    jm_job_free(j);

    jm_job *items[3] = { job("j-2"), job("j-3"), job("j-1") };
    size_t dup = 99;
    TU_FAILS(jm_jobs_append(set, items, 3, &dup), JM_EEXISTS, "a job with id \"j-1\" is already in the set");
    ck_assert_uint_eq(dup, 2);
    ck_assert_uint_eq(jm_jobs_count(set), 1);
    ck_assert_ptr_null(jm_jobs_find(set, "j-2"));
    jm_job_free(items[2]);
    items[2] = job("j-4");
    TU_OK(jm_jobs_append(set, items, 3, &dup));
    ck_assert_uint_eq(jm_jobs_count(set), 4);
    ck_assert_str_eq(jm_job_id(jm_jobs_get(set, 3)), "j-4");
    ck_assert_ptr_eq(jm_jobs_find(set, "j-3"), items[1]);
    ck_assert_ptr_null(jm_jobs_get(set, 4));
    ck_assert_ptr_null(jm_jobs_find(set, "j-5"));

    jm_job *twice[2] = { job("k"), job("k") };
    TU_FAILS(jm_jobs_append(set, twice, 2, &dup), JM_EEXISTS, "the id \"k\" of job 1 is also that of job 0");
    ck_assert_uint_eq(dup, 1);
    jm_job_free(twice[0]);
    jm_job_free(twice[1]);
    ck_assert_uint_eq(jm_jobs_count(set), 4);

    enum { N = 10000 };
    char id[32];
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "job%d", i);
        jm_job *x = job(id);
        TU_OK(jm_jobs_append(set, &x, 1, NULL));
    }
    ck_assert_uint_eq(jm_jobs_count(set), N + 4);
    for (int i = 0; i < N; i++) {
        snprintf(id, sizeof id, "job%d", i);
        ck_assert_ptr_eq(jm_jobs_find(set, id), jm_jobs_get(set, (size_t)i + 4));
    }
    ck_assert_uint_eq(jm_jobs_count(NULL), 0);
    ck_assert_ptr_null(jm_jobs_find(NULL, "j-1"));
    TU_FAILS(jm_jobs_add(set, NULL), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_jobs_new(NULL), JM_EINVAL, "out");
    jm_jobs_free(set);
    jm_jobs_free(NULL);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("sets");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, add_copies_and_keeps_order);
    tcase_add_test(tc, append_is_all_or_nothing);
    tcase_add_test(tc, find_among_ten_thousand);
    tcase_add_test(tc, job_sets);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
