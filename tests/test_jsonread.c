/* Tests of the JSON reader: parsing, positions, paths, typed members. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "jsonread.h"

static jm_diags *D;

static void setup(void)
{
    ck_assert_int_eq(jm_diags_new(&D), JM_OK);
}

static void teardown(void)
{
    jm_diags_free(D);
    D = NULL;
}

/* The only diagnostic (fails unless there is exactly one). */
static jm_diag only(void)
{
    if (jm_diags_count(D) != 1)
        tu_diags_print(D);
    ck_assert_uint_eq(jm_diags_count(D), 1);
    jm_diag g;
    ck_assert_int_eq(jm_diags_get(D, 0, &g), JM_OK);
    return g;
}

static cJSON *parse(const char *text, const jm_load_options *opts)
{
    jm_jr r;
    jm_jr_init(&r, opts, D);
    return jm_jr_parse(&r, text, strlen(text), 0);
}

START_TEST(parses_plain_object)
{
    cJSON *v = parse("{\"a\": 1, \"b\": [true, null]}", NULL);
    ck_assert_ptr_nonnull(v);
    ck_assert_uint_eq(jm_diags_count(D), 0);
    ck_assert_int_eq((int)cJSON_GetObjectItem(v, "a")->valuedouble, 1);
    cJSON_Delete(v);
}
END_TEST

START_TEST(syntax_error_line_and_column)
{
    /* the '}' at line 3, column 8 is where a value was expected */
    const char *t = "{\n  \"a\": 1,\n  \"b\": }";
    ck_assert_ptr_null(parse(t, NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 3);
    ck_assert_int_eq(g.column, 8);
    ck_assert_str_eq(g.path, "");
    ck_assert_ptr_nonnull(strstr(g.message, "JSON syntax error: found '}'"));
}
END_TEST

START_TEST(syntax_error_missing_comma)
{
    const char *t = "{\"a\": 1\n \"b\": 2}";
    ck_assert_ptr_null(parse(t, NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 2);
    ck_assert_int_eq(g.column, 2);
    ck_assert_ptr_nonnull(strstr(g.message, "found '\"'"));
}
END_TEST

START_TEST(syntax_error_line0_offset)
{
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    const char *t = "{\"a\": tru}";
    ck_assert_ptr_null(jm_jr_parse(&r, t, strlen(t), 41));
    jm_diag g = only();
    ck_assert_int_eq(g.line, 42);
    ck_assert_int_eq(g.column, 7);
    ck_assert_ptr_nonnull(strstr(g.message, "bare word"));
    ck_assert_uint_eq(r.errors, 1);
}
END_TEST

START_TEST(syntax_error_end_of_input)
{
    ck_assert_ptr_null(parse("{\"a\": [1, 2", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.column, 12);
    ck_assert_ptr_nonnull(strstr(g.message, "found the end of the input"));
}
END_TEST

START_TEST(nan_token_is_syntax_error)
{
    ck_assert_ptr_null(parse("{\"level\": NaN}", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 1);
    ck_assert_int_eq(g.column, 11);
}
END_TEST

START_TEST(infinite_number_reported_with_path)
{
    ck_assert_ptr_null(parse("{\"a\": {\"b\": [1, 1e309, -1e400]}}", NULL));
    ck_assert_uint_eq(jm_diags_count(D), 2);
    ck_assert(tu_diags_has(D, "a.b[1]", "not finite"));
    ck_assert(tu_diags_has(D, "a.b[2]", "expected a finite number"));
    jm_diag g;
    jm_diags_get(D, 0, &g);
    ck_assert_int_eq(g.code, JM_EINVAL);
}
END_TEST

START_TEST(trailing_data)
{
    ck_assert_ptr_null(parse("{\"a\": 1}\n  x", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 2);
    ck_assert_int_eq(g.column, 3);
    ck_assert_ptr_nonnull(strstr(g.message, "after the end of the document"));
}
END_TEST

START_TEST(empty_input)
{
    ck_assert_ptr_null(parse("  \n ", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_ptr_nonnull(strstr(g.message, "empty input"));
}
END_TEST

START_TEST(bom_is_skipped)
{
    cJSON *v = parse("\xEF\xBB\xBF{\"a\": 2}", NULL);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq((int)cJSON_GetObjectItem(v, "a")->valuedouble, 2);
    cJSON_Delete(v);
    /* columns are counted after the mark */
    ck_assert_ptr_null(parse("\xEF\xBB\xBF{\"a\" 2}", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.line, 1);
    ck_assert_int_eq(g.column, 6);
}
END_TEST

START_TEST(invalid_utf8_position)
{
    /* 0xFF at line 2, column 9 */
    ck_assert_ptr_null(parse("{\n  \"a\": \"x\xff\"}", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 2);
    ck_assert_int_eq(g.column, 10);
    ck_assert_ptr_nonnull(strstr(g.message, "not valid UTF-8 (0xff)"));
}
END_TEST

START_TEST(overlong_utf8_rejected)
{
    ck_assert_ptr_null(parse("[\"\xC0\xAF\"]", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.column, 3);
}
END_TEST

START_TEST(valid_utf8_accepted)
{
    cJSON *v = parse("{\"area\": \"K\xC3\xB6ln \xE2\x82\xAC \xF0\x9F\x98\x80\"}", NULL);
    ck_assert_ptr_nonnull(v);
    cJSON_Delete(v);
}
END_TEST

START_TEST(raw_control_character_in_string)
{
    ck_assert_ptr_null(parse("{\"a\": \"x\ty\"}", NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.column, 9);
    ck_assert_ptr_nonnull(strstr(g.message, "control character (0x09)"));
}
END_TEST

static char *nested(size_t depth)
{
    char *s = malloc(2 * depth + 1);
    for (size_t i = 0; i < depth; i++) {
        s[i] = '[';
        s[2 * depth - 1 - i] = ']';
    }
    s[2 * depth] = '\0';
    return s;
}

START_TEST(deep_nesting_10000)
{
    char *s = nested(10000);
    ck_assert_ptr_null(parse(s, NULL));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 1);
    ck_assert_int_eq(g.column, 65); /* the 65th '[' */
    ck_assert_ptr_nonnull(strstr(g.message, "more than 64 levels"));
    free(s);
}
END_TEST

START_TEST(deep_nesting_unterminated)
{
    /* 10,000 openings and no closings: still a clean error */
    char *s = nested(10000);
    s[10000] = '\0';
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.max_depth = 100000; /* capped below cJSON's own limit */
    ck_assert_ptr_null(parse(s, &o));
    jm_diag g = only();
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.column, 1000);
    free(s);
}
END_TEST

START_TEST(depth_limit_exact)
{
    char *s = nested(64);
    cJSON *v = parse(s, NULL);
    ck_assert_ptr_nonnull(v);
    cJSON_Delete(v);
    free(s);
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.max_depth = 3;
    v = parse("{\"a\": {\"b\": [1]}}", &o);
    ck_assert_ptr_nonnull(v);
    cJSON_Delete(v);
    ck_assert_ptr_null(parse("{\"a\": {\"b\": [[1]]}}", &o));
    jm_diag g = only();
    ck_assert_int_eq(g.column, 14);
    ck_assert_ptr_nonnull(strstr(g.message, "more than 3 levels"));
}
END_TEST

START_TEST(brackets_in_strings_do_not_count)
{
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.max_depth = 2;
    cJSON *v = parse("{\"a\": [\"[[[[{{{{\\\"\"]}", &o);
    ck_assert_ptr_nonnull(v);
    cJSON_Delete(v);
}
END_TEST

START_TEST(duplicate_keys)
{
    ck_assert_ptr_null(parse("{\"a\": 1, \"skills\": [{\"id\": \"x\", \"id\": \"y\"}], \"a\": 2}", NULL));
    ck_assert_uint_eq(jm_diags_count(D), 2);
    ck_assert(tu_diags_has(D, "skills[0].id", "duplicate key 'id'"));
    ck_assert(tu_diags_has(D, "a", "duplicate key 'a'"));
}
END_TEST

START_TEST(paths)
{
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    size_t m0 = jm_jr_push_key(&r, "jobs");
    size_t m1 = jm_jr_push_index(&r, 3);
    size_t m2 = jm_jr_push_key(&r, "hours");
    jm_jr_push_key(&r, "min");
    ck_assert_str_eq(r.path, "jobs[3].hours.min");
    jm_jr_pop(&r, m2);
    ck_assert_str_eq(r.path, "jobs[3]");
    size_t m3 = jm_jr_push_key(&r, "odd-key");
    ck_assert_str_eq(r.path, "jobs[3][\"odd-key\"]");
    jm_jr_pop(&r, m3);
    jm_jr_push_key(&r, "free text \"key\"");
    ck_assert_str_eq(r.path, "jobs[3][?]");
    jm_jr_pop(&r, m1);
    ck_assert_str_eq(r.path, "jobs");
    jm_jr_pop(&r, m0);
    ck_assert_str_eq(r.path, "");
    jm_jr_push_index(&r, 0);
    jm_jr_push_key(&r, "id");
    ck_assert_str_eq(r.path, "[0].id");
    /* very long paths are cut, never overflow */
    for (int i = 0; i < 200; i++)
        jm_jr_push_key(&r, "abcdefgh");
    ck_assert_uint_eq(strlen(r.path), JM_JR_PATH_MAX - 1);
}
END_TEST

START_TEST(error_carries_source_line_path)
{
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.source = "people.jsonl";
    jm_jr r;
    jm_jr_init(&r, &o, D);
    r.line = 7;
    size_t m = jm_jr_push_key(&r, "hours");
    jm_jr_error(&r, JM_EINVAL, "bad %d", 5);
    jm_jr_pop(&r, m);
    jm_jr_warn(&r, "mild");
    ck_assert_uint_eq(r.errors, 1);
    ck_assert_uint_eq(r.warnings, 1);
    jm_diag g;
    jm_diags_get(D, 0, &g);
    ck_assert_str_eq(g.source, "people.jsonl");
    ck_assert_int_eq(g.line, 7);
    ck_assert_str_eq(g.path, "hours");
    ck_assert_str_eq(g.message, "bad 5");
    ck_assert_int_eq(g.severity, JM_SEVERITY_ERROR);
    jm_diags_get(D, 1, &g);
    ck_assert_int_eq(g.severity, JM_SEVERITY_WARNING);
    ck_assert_str_eq(g.path, "");
    ck_assert_str_eq(jm_last_error(), "people.jsonl:7: hours: bad 5");
}
END_TEST

static const char *const ALLOWED[] = { "id", "skills", "support_needs", "preferences", "work_history", NULL };

START_TEST(unknown_field_suggestion)
{
    cJSON *v = parse("{\"id\": \"c1\", \"skils\": [], \"Preferences\": {}, \"zzzzzz\": 1}", NULL);
    ck_assert_ptr_nonnull(v);
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    jm_jr_check_fields(&r, v, ALLOWED);
    ck_assert_uint_eq(r.errors, 3);
    ck_assert(tu_diags_has(D, "skils", "unknown field 'skils' (did you mean 'skills'?)"));
    ck_assert(tu_diags_has(D, "Preferences", "(did you mean 'preferences'?)"));
    ck_assert(tu_diags_has(D, "zzzzzz", NULL));
    jm_diag g;
    jm_diags_get(D, 2, &g);
    ck_assert_str_eq(g.message, "unknown field 'zzzzzz'");
    cJSON_Delete(v);
}
END_TEST

START_TEST(unknown_field_policy)
{
    cJSON *v = parse("{\"work_histroy\": []}", NULL);
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.unknown_fields = JM_POLICY_WARN;
    jm_jr r;
    jm_jr_init(&r, &o, D);
    jm_jr_check_fields(&r, v, ALLOWED);
    ck_assert_uint_eq(r.errors, 0);
    ck_assert_uint_eq(r.warnings, 1);
    ck_assert(tu_diags_has(D, "work_histroy", "did you mean 'work_history'?"));
    /* validate forces errors */
    jm_jr_init(&r, &o, D);
    r.unknown_fields_are_errors = true;
    jm_jr_check_fields(&r, v, ALLOWED);
    ck_assert_uint_eq(r.errors, 1);
    cJSON_Delete(v);
}
END_TEST

START_TEST(typed_number)
{
    cJSON *v = parse("{\"s\": \"x\", \"big\": 200, \"ok\": 16.5, \"n\": null, \"neg\": -1}", NULL);
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    double x = -7;
    ck_assert(!jm_jr_number(&r, v, "s", 0, 168, &x));
    ck_assert(tu_diags_has(D, "s", "expected a number from 0 to 168, found a string"));
    ck_assert(!jm_jr_number(&r, v, "big", 0, 168, &x));
    ck_assert(tu_diags_has(D, "big", "expected a number from 0 to 168, found 200"));
    ck_assert(!jm_jr_number(&r, v, "n", 0, 168, &x));
    ck_assert(!jm_jr_number(&r, v, "absent", 0, 168, &x));
    ck_assert(!jm_jr_number(&r, v, "neg", 0, INFINITY, &x));
    ck_assert(tu_diags_has(D, "neg", "expected a number >= 0, found -1"));
    TU_NEAR(x, -7);
    ck_assert(jm_jr_number(&r, v, "ok", 0, 168, &x));
    TU_NEAR(x, 16.5);
    ck_assert_uint_eq(r.errors, 3);
    ck_assert_str_eq(r.path, "");
    cJSON_Delete(v);
}
END_TEST

START_TEST(typed_int_bool_string)
{
    cJSON *v = parse("{\"i\": 1.5, \"j\": 2, \"k\": 3, \"b\": \"yes\", \"t\": true, \"str\": 5,"
                     " \"long\": \"abcdef\", \"o\": [], \"a\": {}}",
                     NULL);
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    int i = -1;
    ck_assert(!jm_jr_int(&r, v, "i", 0, 2, &i));
    ck_assert(tu_diags_has(D, "i", "expected an integer from 0 to 2, found 1.5"));
    ck_assert(jm_jr_int(&r, v, "j", 0, 2, &i));
    ck_assert_int_eq(i, 2);
    ck_assert(!jm_jr_int(&r, v, "k", 0, 2, &i));
    ck_assert(tu_diags_has(D, "k", "expected an integer from 0 to 2, found 3"));
    bool b = false;
    ck_assert(!jm_jr_bool(&r, v, "b", &b));
    ck_assert(tu_diags_has(D, "b", "expected true or false, found a string"));
    ck_assert(jm_jr_bool(&r, v, "t", &b));
    ck_assert(b);
    const char *s = NULL;
    ck_assert(!jm_jr_string(&r, v, "str", 0, &s));
    ck_assert(tu_diags_has(D, "str", "expected a string, found a number"));
    ck_assert(!jm_jr_string(&r, v, "long", 3, &s));
    ck_assert(tu_diags_has(D, "long", "expected a string of at most 3 bytes, found 6 bytes"));
    ck_assert(jm_jr_string(&r, v, "long", 6, &s));
    ck_assert_str_eq(s, "abcdef");
    ck_assert_ptr_null(jm_jr_object(&r, v, "o"));
    ck_assert(tu_diags_has(D, "o", "expected an object, found an array"));
    ck_assert_ptr_null(jm_jr_array(&r, v, "a"));
    ck_assert(tu_diags_has(D, "a", "expected an array, found an object"));
    ck_assert_ptr_nonnull(jm_jr_object(&r, v, "a"));
    ck_assert_ptr_nonnull(jm_jr_array(&r, v, "o"));
    ck_assert_uint_eq(r.errors, 7);
    cJSON_Delete(v);
}
END_TEST

static const char *const INTENSITY[] = { "low", "medium", "high" };

START_TEST(typed_enum)
{
    cJSON *v = parse("{\"a\": \"high\", \"b\": \"extreme\", \"c\": 2, \"d\": \"my private words\"}", NULL);
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    int k = -1;
    ck_assert(jm_jr_enum(&r, v, "a", INTENSITY, 3, &k));
    ck_assert_int_eq(k, 2);
    ck_assert(!jm_jr_enum(&r, v, "b", INTENSITY, 3, &k));
    ck_assert(tu_diags_has(D, "b", "expected one of low, medium, high, found 'extreme'"));
    ck_assert(!jm_jr_enum(&r, v, "c", INTENSITY, 3, &k));
    ck_assert(tu_diags_has(D, "c", "expected one of low, medium, high, found a number"));
    ck_assert(!jm_jr_enum(&r, v, "d", INTENSITY, 3, &k));
    ck_assert(tu_diags_has(D, "d", "found another string"));
    ck_assert(!tu_diags_has(D, NULL, "private"));
    cJSON_Delete(v);
}
END_TEST

START_TEST(unknown_term_policy)
{
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    jm_jr_unknown_term(&r, "support-need type", "jetpack");
    jm_jr_unknown_term(&r, "support-need type", "help with my diagnosis");
    ck_assert_uint_eq(r.warnings, 2);
    ck_assert(tu_diags_has(D, NULL, "unknown support-need type 'jetpack'"));
    ck_assert(!tu_diags_has(D, NULL, "diagnosis"));
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.unknown_terms = JM_POLICY_ERROR;
    jm_jr_init(&r, &o, D);
    jm_jr_unknown_term(&r, "offer", "x");
    ck_assert_uint_eq(r.errors, 1);
}
END_TEST

START_TEST(value_helpers)
{
    cJSON *v = parse("[\"a\", 3, true]", NULL);
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    const char *s;
    double x;
    jm_jr_push_index(&r, 0);
    ck_assert(jm_jr_value_string(&r, cJSON_GetArrayItem(v, 0), 0, &s));
    ck_assert(!jm_jr_value_number(&r, cJSON_GetArrayItem(v, 0), 0, 7, &x));
    ck_assert(tu_diags_has(D, "[0]", "expected a number from 0 to 7, found a string"));
    ck_assert(!jm_jr_value_string(&r, cJSON_GetArrayItem(v, 2), 0, &s));
    ck_assert(tu_diags_has(D, "[0]", "expected a string, found true"));
    ck_assert_str_eq(jm_json_type_name(cJSON_GetArrayItem(v, 1)), "a number");
    cJSON_Delete(v);
}
END_TEST

START_TEST(diagnostics_capped)
{
    jm_jr r;
    jm_jr_init(&r, NULL, D);
    for (int i = 0; i < 1500; i++)
        jm_jr_error(&r, JM_EINVAL, "problem %d", i);
    ck_assert_uint_eq(r.errors, 1500);
    ck_assert_uint_eq(jm_diags_count(D), 1001);
    jm_diag g;
    jm_diags_get(D, 1000, &g);
    ck_assert_ptr_nonnull(strstr(g.message, "too many problems"));
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("jsonread");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, parses_plain_object);
    tcase_add_test(t, syntax_error_line_and_column);
    tcase_add_test(t, syntax_error_missing_comma);
    tcase_add_test(t, syntax_error_line0_offset);
    tcase_add_test(t, syntax_error_end_of_input);
    tcase_add_test(t, nan_token_is_syntax_error);
    tcase_add_test(t, infinite_number_reported_with_path);
    tcase_add_test(t, trailing_data);
    tcase_add_test(t, empty_input);
    tcase_add_test(t, bom_is_skipped);
    tcase_add_test(t, invalid_utf8_position);
    tcase_add_test(t, overlong_utf8_rejected);
    tcase_add_test(t, valid_utf8_accepted);
    tcase_add_test(t, raw_control_character_in_string);
    tcase_add_test(t, deep_nesting_10000);
    tcase_add_test(t, deep_nesting_unterminated);
    tcase_add_test(t, depth_limit_exact);
    tcase_add_test(t, brackets_in_strings_do_not_count);
    tcase_add_test(t, duplicate_keys);
    tcase_add_test(t, paths);
    tcase_add_test(t, error_carries_source_line_path);
    tcase_add_test(t, unknown_field_suggestion);
    tcase_add_test(t, unknown_field_policy);
    tcase_add_test(t, typed_number);
    tcase_add_test(t, typed_int_bool_string);
    tcase_add_test(t, typed_enum);
    tcase_add_test(t, unknown_term_policy);
    tcase_add_test(t, value_helpers);
    tcase_add_test(t, diagnostics_capped);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
