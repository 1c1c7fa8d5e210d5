/* Tests of diagnostics lists and their one-line format. */
#include <string.h>

#include "diags.h"
#include "testutil.h"

START_TEST(add_get_format)
{
    jm_diags *d = NULL;
    ck_assert_int_eq(jm_diags_new(&d), JM_OK);
    ck_assert_int_eq(jm_diags_add(d, JM_SEVERITY_ERROR, JM_EINVAL, "jobs.json", "jobs[3].skills[2].level",
                                  0, 0, "expected a number from 0 to 7, found 9"), JM_OK);
    ck_assert_int_eq(jm_diags_add(d, JM_SEVERITY_ERROR, JM_EPARSE, "bad.json", "", 3, 14,
                                  "unexpected character"), JM_OK);
    ck_assert_int_eq(jm_diags_add(d, JM_SEVERITY_WARNING, JM_EINVAL, NULL, "support_needs[0].type", 0, 0,
                                  "unknown support-need type 'x'"), JM_OK);
    ck_assert_uint_eq(jm_diags_count(d), 3);
    ck_assert_uint_eq(jm_diags_count_severity(d, JM_SEVERITY_ERROR), 2);
    ck_assert_uint_eq(jm_diags_count_severity(d, JM_SEVERITY_WARNING), 1);

    jm_diag g;
    ck_assert_int_eq(jm_diags_get(d, 0, &g), JM_OK);
    ck_assert_str_eq(g.path, "jobs[3].skills[2].level");
    ck_assert_int_eq(g.code, JM_EINVAL);
    ck_assert_int_eq(jm_diags_get(d, 3, &g), JM_ERANGE);

    char *s;
    ck_assert_int_eq(jm_diags_format(d, 0, &s), JM_OK);
    ck_assert_str_eq(s, "jobs.json: jobs[3].skills[2].level: expected a number from 0 to 7, found 9");
    jm_free(s);
    ck_assert_int_eq(jm_diags_format(d, 1, &s), JM_OK);
    ck_assert_str_eq(s, "bad.json:3:14: unexpected character");
    jm_free(s);
    ck_assert_int_eq(jm_diags_format(d, 2, &s), JM_OK);
    ck_assert_str_eq(s, "support_needs[0].type: warning: unknown support-need type 'x'");
    jm_free(s);

    jm_diags_clear(d);
    ck_assert_uint_eq(jm_diags_count(d), 0);
    jm_diags_free(d);
    jm_diags_free(NULL);
    /* Adding to no list is allowed and does nothing. */
    ck_assert_int_eq(jm_diags_add(NULL, 0, 0, "", "", 0, 0, "x"), JM_OK);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("diags");
    TCase *t = tcase_create("core");
    tcase_add_test(t, add_get_format);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
