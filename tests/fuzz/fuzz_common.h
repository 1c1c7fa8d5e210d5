/*
 * Shared checks for the libFuzzer harnesses (tests/fuzz/README.md).
 *
 * Every check that fails calls FUZZ_ASSERT, which prints what broke and
 * aborts: libFuzzer then keeps the input as a crash artifact.
 */
#ifndef JM_FUZZ_COMMON_H
#define JM_FUZZ_COMMON_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jobmatch.h"

#define FUZZ_ASSERT(cond, ...)                                                        \
    do {                                                                              \
        if (!(cond)) {                                                                \
            fprintf(stderr, "%s:%d: invariant broken: %s: ", __FILE__, __LINE__, #cond); \
            fprintf(stderr, __VA_ARGS__);                                             \
            fprintf(stderr, "\n");                                                    \
            abort();                                                                  \
        }                                                                             \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A copy of the input with a terminating NUL after it (the library takes a
 * length, but a NUL past the end catches reads that trust one). */
static inline char *fuzz_text(const uint8_t *data, size_t size)
{
    char *t = malloc(size + 1);
    if (!t)
        abort();
    if (size)
        memcpy(t, data, size);
    t[size] = '\0';
    return t;
}

/* Messages and paths quote only field names, ids and terms: never a raw
 * control character, and always valid UTF-8 (they go into logs and JSON). */
static inline int fuzz_clean_text(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    if (!s)
        return 0;
    size_t n = strlen(s), i = 0;
    while (i < n) {
        unsigned c = p[i];
        size_t len = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
        if (len == 0 || i + len > n || (c < 0x20 && c != '\t'))
            return 0;
        for (size_t k = 1; k < len; k++)
            if ((p[i + k] & 0xC0) != 0x80)
                return 0;
        i += len;
    }
    return 1;
}

/* The diagnostics agree with the return code: an error return has an error
 * diagnostic whose code is the return code (the first error's code), a
 * success has none; every string is clean. */
static inline void fuzz_check_diags(int rc, const jm_diags *d)
{
    size_t n = jm_diags_count(d);
    size_t errors = jm_diags_count_severity(d, JM_SEVERITY_ERROR);
    FUZZ_ASSERT(n <= 1001, "%zu diagnostics, expected at most 1000 and a notice", n);
    int first_code = JM_OK;
    for (size_t i = 0; i < n; i++) {
        jm_diag g;
        FUZZ_ASSERT(jm_diags_get(d, i, &g) == JM_OK, "jm_diags_get(%zu)", i);
        FUZZ_ASSERT(fuzz_clean_text(g.message), "diagnostic %zu: message not clean text", i);
        FUZZ_ASSERT(fuzz_clean_text(g.path), "diagnostic %zu: path not clean text", i);
        FUZZ_ASSERT(g.line >= 0 && g.column >= 0, "diagnostic %zu: line %d column %d", i, g.line, g.column);
        if (g.severity == JM_SEVERITY_ERROR && first_code == JM_OK)
            first_code = g.code;
        char *s = NULL;
        FUZZ_ASSERT(jm_diags_format(d, i, &s) == JM_OK, "jm_diags_format(%zu)", i);
        jm_free(s);
    }
    if (rc == JM_OK) {
        FUZZ_ASSERT(errors == 0, "returned JM_OK with %zu error diagnostics", errors);
    } else if (rc != JM_ENOMEM) {
        FUZZ_ASSERT(errors > 0, "returned %s without an error diagnostic", jm_strerror(rc));
        FUZZ_ASSERT(first_code == rc, "returned %d (%s) but the first error's code is %d (%s)", rc,
                    jm_strerror(rc), first_code, jm_strerror(first_code));
        FUZZ_ASSERT(fuzz_clean_text(jm_last_error()), "jm_last_error() not clean text");
    }
}

/* A score or confidence: a number in [0, 1]. */
static inline int fuzz_unit(double x)
{
    return !isnan(x) && x >= 0.0 && x <= 1.0;
}

/* Checks a match: total, confidence and factor scores in range, its JSON
 * parses, its explanation exists. */
static inline void fuzz_check_match(const jm_match *m)
{
    FUZZ_ASSERT(fuzz_unit(jm_match_total(m)), "total %g outside [0, 1]", jm_match_total(m));
    FUZZ_ASSERT(fuzz_unit(jm_match_confidence(m)), "confidence %g outside [0, 1]", jm_match_confidence(m));
    for (size_t i = 0; i < jm_match_factor_count(m); i++) {
        jm_factor_info f;
        FUZZ_ASSERT(jm_match_factor(m, i, &f) == JM_OK, "jm_match_factor(%zu)", i);
        if (f.has_data)
            FUZZ_ASSERT(fuzz_unit(f.score), "factor %s: score %g outside [0, 1]", f.name, f.score);
        FUZZ_ASSERT(!isnan(f.contribution) && f.contribution >= 0 && f.contribution <= 1 + 1e-9,
                    "factor %s: contribution %g", f.name, f.contribution);
    }
    FUZZ_ASSERT(!jm_match_feasible(m) == (jm_match_exclusion_count(m) > 0),
                "feasible %d with %zu exclusions", jm_match_feasible(m), jm_match_exclusion_count(m));
    double coach = jm_match_coach_hours(m);
    FUZZ_ASSERT(!isnan(coach) && coach >= 0, "coach hours %g", coach);
    char *json = NULL;
    FUZZ_ASSERT(jm_match_to_json(m, &json) == JM_OK, "jm_match_to_json: %s", jm_last_error());
    cJSON *tree = cJSON_Parse(json);
    FUZZ_ASSERT(tree != NULL, "jm_match_to_json wrote text that does not parse: %.300s", json);
    cJSON_Delete(tree);
    jm_free(json);
    char *text = NULL;
    FUZZ_ASSERT(jm_match_explain(m, &text) == JM_OK, "jm_match_explain: %s", jm_last_error());
    FUZZ_ASSERT(text && text[0], "empty explanation");
    jm_free(text);
}

/* A rich candidate and job (every factor has data) for scoring a fuzzed
 * profile, and as the other side of a pair. */
static const char FUZZ_CANDIDATE[] =
    "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c-014\","
    " \"preferences\": {\"job_types\": {\"wanted\": [{\"label\": \"hospital porter\", \"isco\": \"5329\"}],"
    " \"avoided\": [{\"isco\": \"9112\"}]},"
    " \"hours\": {\"min\": 12, \"ideal\": 16, \"max\": 20, \"firm\": true},"
    " \"availability\": {\"mon\": [\"08:00-16:00\"], \"wed\": [\"08:00-16:00\"], \"sun\": [\"22:00-06:00\"]},"
    " \"location\": {\"lat\": 51.5239, \"lon\": -0.0512},"
    " \"commute\": {\"modes\": [\"walk\", \"public_transport\"], \"max_minutes\": 45},"
    " \"wage\": {\"floor\": 11.44, \"firm\": false},"
    " \"environment\": {\"noise\": {\"max\": 2, \"importance\": \"high\"},"
    " \"public_contact\": {\"max\": 1, \"importance\": \"must\"}, \"routine\": {\"min\": 3}},"
    " \"interests\": {\"R\": 5.0, \"I\": 2.0, \"A\": 1.5, \"S\": 4.0, \"E\": 1.5, \"C\": 4.5},"
    " \"work_values\": {\"relationships\": 5, \"support\": 4, \"achievement\": 2}},"
    " \"skills\": [{\"id\": \"s-clean\", \"level\": 2}, {\"id\": \"s-lift\", \"level\": 1}],"
    " \"licences\": [\"driving_licence_b\"], \"right_to_work\": true,"
    " \"abilities\": {\"lifting\": 1, \"standing\": 2, \"reading\": 0},"
    " \"support_needs\": [{\"type\": \"structured_task_instruction\", \"intensity\": \"medium\", \"essential\": true},"
    " {\"type\": \"quiet_workspace\", \"intensity\": \"low\"}],"
    " \"benefits\": {\"max_hours_per_week\": 16, \"max_earnings\": 183, \"goal\": \"stay\"},"
    " \"work_history\": [{\"job_type\": {\"isco\": \"9412\"}, \"months\": 8, \"liked\": false, \"ended\": \"quit\"}]}";

static const char FUZZ_JOB[] =
    "{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"j-031\", \"employer\": \"barts\","
    " \"title\": \"Sterile services assistant\","
    " \"occupation\": {\"label\": \"sterile services technician\", \"isco\": \"3211\", \"onet\": \"31-9093.00\"},"
    " \"job_zone\": 2, \"competitive\": true, \"integrated\": true, \"wage\": 12.10,"
    " \"hours\": {\"min\": 16, \"max\": 22.5},"
    " \"schedule\": {\"mon\": [\"07:30-15:30\"], \"tue\": [\"07:30-15:30\"], \"sun\": [\"23:00-01:00\"]},"
    " \"months_per_year\": 12,"
    " \"location\": {\"lat\": 51.5186, \"lon\": -0.0590, \"public_transport\": true, \"accessible\": true},"
    " \"environment\": {\"noise\": 2, \"outdoor\": 0, \"pace\": 2, \"public_contact\": 0, \"routine\": 4},"
    " \"interests\": {\"code\": \"RC\"},"
    " \"work_values\": {\"achievement\": 4.2, \"relationships\": 5.0, \"support\": 4.5},"
    " \"skills\": [{\"id\": \"s-clean\", \"essential\": true, \"level\": 3, \"trainable\": true},"
    " {\"id\": \"s-steril\", \"essential\": false, \"level\": 2}],"
    " \"legal\": {\"licences\": [{\"id\": \"driving_licence_b\", \"obtainable\": true}], \"right_to_work\": true},"
    " \"demands\": {\"lifting\": 2, \"standing\": 2, \"reading\": 1},"
    " \"supports\": {\"offers\": [\"modified_schedule\", \"mentor\"], \"job_coach_on_site\": true,"
    " \"training_weeks\": 4}}";

#endif
