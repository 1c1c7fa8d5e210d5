/* Tests of the strict JSON syntax check: exactly RFC 8259, with where and why. */
#include <stdlib.h>
#include <string.h>

#include "jsonsyntax.h"
#include "testutil.h"

static const char *const valid[] = {
    "{}", "[]", "0", "-0", "12", "-3.25", "1e5", "1E+5", "2.5e-3", "0.0", "\"\"", "true", "false",
    "null", " \t\r\n{ \"a\" : [ 1 , 2 , { } , [ ] ] , \"b\" : null } \n",
    "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"",
    "{\"k\u00e9y\": \"caf\u00e9\"}", "[[[[1]]]]",
};

START_TEST(accepts_valid_json)
{
    jm_syntax_error e;
    for (size_t i = 0; i < sizeof valid / sizeof *valid; i++)
        ck_assert_msg(jm_json_check_syntax(valid[i], strlen(valid[i]), 64, NULL, &e),
                      "refused %s: %s at %zu", valid[i], e.message, e.offset);
}
END_TEST

typedef struct bad_case {
    const char *text;
    size_t offset;
    const char *message;
} bad_case;

static const bad_case bad[] = {
    {"", 0, "found the end of the input, expected a value"},
    {"{\"a\": 012}", 6, "found a number with a leading zero"},
    {"[1.]", 1, "no digit after '.'"},
    {"[1e]", 1, "no digit in the exponent"},
    {"[+1]", 1, "a number with a '+' sign"},
    {"[0x1F]", 1, "found a malformed number"},
    {"[1,]", 3, "found ']', expected a value (a ',' before ']' ends nothing)"},
    {"{\"a\":1,}", 7, "found '}', expected a key in double quotes (a ',' before '}' ends nothing)"},
    {"{\"a\" 1}", 5, "found a number, expected ':' after the key"},
    {"{\"a\":1 \"b\":2}", 7, "found '\"', expected ',' or '}'"},
    {"[1 2]", 3, "found a number, expected ',' or ']'"},
    {"{'a': 1}", 1, "a single quote (strings need double quotes)"},
    {"{\"a\": nul}", 6, "found a bare word"},
    {"[NaN]", 1, "found a bare word"},
    {"{\"a\":\x01 1}", 5, "found a control character (0x01), expected a value"},
    {"[\"a\tb\"]", 3, "a raw control character (0x09) inside a string"},
    {"[\"a\\u0000b\"]", 3, "an escaped NUL character (\\u0000)"},
    {"[\"\\uD800\"]", 2, "an unpaired UTF-16 high surrogate"},
    {"[\"\\uDC00\"]", 2, "an unpaired UTF-16 low surrogate"},
    {"[\"\\x41\"]", 2, "an invalid escape"},
    {"[\"\\u12G4\"]", 2, "without four hexadecimal digits"},
    {"{\"a\": [1, 2", 11, "found the end of the input, expected ',' or ']'"},
    {"{\"a\": [1, 2  \n\n", 11, "found the end of the input"},
    {"[\"abc", 5, "expected the string's closing '\"'"},
    {"{} x", 3, "found a bare word (strings need double quotes; literals are true, false, null) after the end"},
    {"{} {}", 3, "found '{' after the end of the document, expected nothing more"},
    {"// c\n{}", 0, "'/' (JSON has no comments)"},
    {"\xEF\xBB\xBF{}", 0, "a byte-order mark (U+FEFF)"},
    {"[\"a\"]]", 5, "found ']' after the end of the document"},
};

START_TEST(refuses_invalid_json_saying_where)
{
    jm_syntax_error e;
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        const bad_case *c = &bad[i];
        ck_assert_msg(!jm_json_check_syntax(c->text, strlen(c->text), 64, NULL, &e), "accepted %s", c->text);
        ck_assert_msg(e.offset == c->offset, "%s: offset %zu, expected %zu (%s)", c->text, e.offset,
                      c->offset, e.message);
        ck_assert_msg(strstr(e.message, c->message), "%s: message \"%s\" lacks \"%s\"", c->text, e.message,
                      c->message);
        ck_assert(!e.depth);
    }
}
END_TEST

START_TEST(nesting_deeper_than_the_limit_is_refused_without_recursion)
{
    enum { N = 100000 };
    char *t = malloc(2 * N);
    memset(t, '[', N);
    memset(t + N, ']', N);
    jm_syntax_error e;
    ck_assert(!jm_json_check_syntax(t, 2 * N, 10, NULL, &e));
    ck_assert(e.depth);
    ck_assert_uint_eq(e.offset, 10); /* the 11th '[' */
    ck_assert_ptr_nonnull(strstr(e.message, "more than 10 levels"));
    ck_assert(jm_json_check_syntax(t + N - 10, 20, 10, NULL, &e)); /* exactly 10 levels */
    /* the limit is capped at 1024 levels whatever the caller asks */
    ck_assert(!jm_json_check_syntax(t, 2 * N, (size_t)-1, NULL, &e));
    ck_assert_uint_eq(e.offset, 1024);
    free(t);
}
END_TEST

START_TEST(prefix_mode_gives_the_end_of_the_first_value)
{
    const char *t = " {\"a\": [1, {}]}\n{\"b\": 2}\n";
    size_t end = 0;
    jm_syntax_error e;
    ck_assert(jm_json_check_syntax(t, strlen(t), 64, &end, &e));
    ck_assert_uint_eq(end, 15);
    ck_assert(jm_json_check_syntax("12 x", 4, 64, &end, &e));
    ck_assert_uint_eq(end, 2);
    /* without end, the second value is an error */
    ck_assert(!jm_json_check_syntax(t, strlen(t), 64, NULL, &e));
    ck_assert_uint_eq(e.offset, 16);
}
END_TEST

START_TEST(string_contents_are_never_quoted)
{
    const char *t = "{\"note\": \"SECRET\x02\"}";
    jm_syntax_error e;
    ck_assert(!jm_json_check_syntax(t, strlen(t), 64, NULL, &e));
    ck_assert_ptr_null(strstr(e.message, "SECRET"));
    const char *u = "[SECRETWORD]";
    ck_assert(!jm_json_check_syntax(u, strlen(u), 64, NULL, &e));
    ck_assert_ptr_null(strstr(e.message, "SECRET"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("jsonsyntax");
    TCase *t = tcase_create("core");
    tcase_add_test(t, accepts_valid_json);
    tcase_add_test(t, refuses_invalid_json_saying_where);
    tcase_add_test(t, nesting_deeper_than_the_limit_is_refused_without_recursion);
    tcase_add_test(t, prefix_mode_gives_the_end_of_the_first_value);
    tcase_add_test(t, string_contents_are_never_quoted);
    suite_add_tcase(s, t);
    return tu_run(s);
}
