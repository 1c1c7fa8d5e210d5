/* Tests of the shared helpers: buffers, numbers, UTF-8, ids, errors. */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util.h"

START_TEST(buf_grows_and_formats)
{
    jm_buf b;
    jm_buf_init(&b);
    for (int i = 0; i < 1000; i++)
        jm_buf_printf(&b, "%d,", i % 10);
    ck_assert_uint_eq(b.len, 2000);
    ck_assert(!b.oom);
    char *s = jm_buf_take(&b);
    ck_assert_int_eq(strncmp(s, "0,1,2,3,", 8), 0);
    ck_assert_uint_eq(strlen(s), 2000);
    free(s);
    ck_assert_ptr_null(b.data);
    /* An empty buffer hands over an empty string, not NULL. */
    char *e = jm_buf_take(&b);
    ck_assert_str_eq(e, "");
    free(e);
}
END_TEST

START_TEST(num_formats_for_people)
{
    char n[32];
    ck_assert_str_eq(jm_num(n, 16), "16");
    ck_assert_str_eq(jm_num(n, 7.5), "7.5");
    ck_assert_str_eq(jm_num(n, 0.25), "0.25");
    ck_assert_str_eq(jm_num(n, 0.333333), "0.33");
    ck_assert_str_eq(jm_num(n, -0.001), "0");
    ck_assert_str_eq(jm_num(n, NAN), "?");
    ck_assert_str_eq(jm_num(n, 22.50), "22.5");
}
END_TEST

START_TEST(utf8_validation)
{
    ck_assert(jm_utf8_valid("plain", 5));
    ck_assert(jm_utf8_valid("caf\xc3\xa9", 5));
    ck_assert(jm_utf8_valid("\xf0\x9f\x98\x80", 4));
    ck_assert(!jm_utf8_valid("\xc3", 1));           /* truncated */
    ck_assert(!jm_utf8_valid("\xc0\xaf", 2));       /* overlong */
    ck_assert(!jm_utf8_valid("\xed\xa0\x80", 3));   /* surrogate */
    ck_assert(!jm_utf8_valid("\xff", 1));
    ck_assert(!jm_utf8_valid("\xf4\x90\x80\x80", 4)); /* above U+10FFFF */
}
END_TEST

START_TEST(ids)
{
    ck_assert(jm_id_valid("c-001"));
    ck_assert(!jm_id_valid(""));
    ck_assert(!jm_id_valid(NULL));
    ck_assert(!jm_id_valid("a\nb"));
    char long_id[300];
    memset(long_id, 'x', sizeof long_id - 1);
    long_id[299] = '\0';
    ck_assert(!jm_id_valid(long_id));
    long_id[256] = '\0';
    ck_assert(jm_id_valid(long_id));
}
END_TEST

START_TEST(last_error_is_per_call)
{
    ck_assert_int_eq(jm_fail(JM_EINVAL, "bad %s", "thing"), JM_EINVAL);
    ck_assert_str_eq(jm_last_error(), "bad thing");
    ck_assert_str_eq(jm_strerror(JM_ENOMEM), "out of memory");
    ck_assert_str_eq(jm_strerror(12345), "unknown error");
    ck_assert_uint_eq(jm_version_number(), JM_VERSION_NUMBER);
    ck_assert_str_eq(jm_version_string(), JM_VERSION_STRING);
}
END_TEST

START_TEST(strv_and_case)
{
    char **v = NULL;
    size_t n = 0;
    ck_assert_int_eq(jm_strv_push(&v, &n, "a"), JM_OK);
    ck_assert_int_eq(jm_strv_push(&v, &n, "b"), JM_OK);
    ck_assert(jm_strv_contains(v, n, "b"));
    ck_assert(!jm_strv_contains(v, n, "c"));
    char **w;
    size_t wn;
    ck_assert_int_eq(jm_strv_copy(&w, &wn, v, n), JM_OK);
    ck_assert_uint_eq(wn, 2);
    ck_assert_str_eq(w[1], "b");
    ck_assert_ptr_ne(w[1], v[1]);
    jm_strv_free(v, n);
    jm_strv_free(w, wn);
    ck_assert_int_eq(jm_strcasecmp("Kitchen Porter", "kitchen porter"), 0);
    ck_assert_int_lt(jm_strcasecmp("a", "B"), 0);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("util");
    TCase *t = tcase_create("core");
    tcase_add_test(t, buf_grows_and_formats);
    tcase_add_test(t, num_formats_for_people);
    tcase_add_test(t, utf8_validation);
    tcase_add_test(t, ids);
    tcase_add_test(t, last_error_is_per_call);
    tcase_add_test(t, strv_and_case);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
