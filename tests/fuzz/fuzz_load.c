/* libFuzzer harness: loading candidate and job sets (a record, an array, a
 * collection or JSON Lines: jm_candidates_load, jm_jobs_load).
 * Into sets that already hold a record: a failed load leaves the set exactly
 * as it was; a successful one keeps the old records first, and the set's
 * JSON reads back into an empty set to the same JSON. */
#include "fuzz_common.h"

static const char BASE_C[] = "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"base-1\","
                             " \"preferences\": {\"hours\": {\"min\": 10, \"max\": 20}}}";
static const char BASE_J[] = "{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"base-1\", \"wage\": 12}";

static void check_candidates(const char *text, size_t size, const jm_load_options *o)
{
    jm_candidates *set = NULL;
    FUZZ_ASSERT(jm_candidates_new(&set) == JM_OK && jm_candidates_load(set, BASE_C, strlen(BASE_C), NULL, NULL) == JM_OK,
                "base set: %s", jm_last_error());
    char *before = NULL, *after = NULL;
    FUZZ_ASSERT(jm_candidates_to_json(set, &before) == JM_OK, "to_json");
    jm_diags *d = NULL;
    FUZZ_ASSERT(jm_diags_new(&d) == JM_OK, "diags");
    int rc = jm_candidates_load(set, text, size, o, d);
    fuzz_check_diags(rc, d);
    FUZZ_ASSERT(jm_candidates_to_json(set, &after) == JM_OK, "to_json");
    if (rc != JM_OK) {
        FUZZ_ASSERT(jm_candidates_count(set) == 1, "a failed load changed the count to %zu", jm_candidates_count(set));
        FUZZ_ASSERT(strcmp(before, after) == 0, "a failed load changed the set");
    } else {
        FUZZ_ASSERT(strcmp(jm_candidate_id(jm_candidates_get(set, 0)), "base-1") == 0, "the base record moved");
        for (size_t i = 0; i < jm_candidates_count(set); i++) {
            const jm_candidate *c = jm_candidates_get(set, i);
            FUZZ_ASSERT(jm_candidates_find(set, jm_candidate_id(c)) == c, "ids not unique");
        }
        jm_candidates *again = NULL;
        char *json2 = NULL;
        FUZZ_ASSERT(jm_candidates_new(&again) == JM_OK, "new");
        jm_diags_clear(d);
        rc = jm_candidates_load(again, after, strlen(after), NULL, d);
        if (rc != JM_OK) {
            jm_diag g;
            jm_diags_get(d, 0, &g);
            FUZZ_ASSERT(0, "the set's JSON does not read back: %s: %s", g.path, g.message);
        }
        FUZZ_ASSERT(jm_candidates_to_json(again, &json2) == JM_OK, "to_json");
        FUZZ_ASSERT(strcmp(after, json2) == 0, "the set's JSON changed on reading back");
        jm_free(json2);
        jm_candidates_free(again);
    }
    jm_free(before);
    jm_free(after);
    jm_diags_free(d);
    jm_candidates_free(set);
}

static void check_jobs(const char *text, size_t size, const jm_load_options *o)
{
    jm_jobs *set = NULL;
    FUZZ_ASSERT(jm_jobs_new(&set) == JM_OK && jm_jobs_load(set, BASE_J, strlen(BASE_J), NULL, NULL) == JM_OK,
                "base set: %s", jm_last_error());
    char *before = NULL, *after = NULL;
    FUZZ_ASSERT(jm_jobs_to_json(set, &before) == JM_OK, "to_json");
    jm_diags *d = NULL;
    FUZZ_ASSERT(jm_diags_new(&d) == JM_OK, "diags");
    int rc = jm_jobs_load(set, text, size, o, d);
    fuzz_check_diags(rc, d);
    FUZZ_ASSERT(jm_jobs_to_json(set, &after) == JM_OK, "to_json");
    if (rc != JM_OK) {
        FUZZ_ASSERT(jm_jobs_count(set) == 1, "a failed load changed the count to %zu", jm_jobs_count(set));
        FUZZ_ASSERT(strcmp(before, after) == 0, "a failed load changed the set");
    } else {
        FUZZ_ASSERT(strcmp(jm_job_id(jm_jobs_get(set, 0)), "base-1") == 0, "the base record moved");
        jm_jobs *again = NULL;
        char *json2 = NULL;
        FUZZ_ASSERT(jm_jobs_new(&again) == JM_OK, "new");
        jm_diags_clear(d);
        rc = jm_jobs_load(again, after, strlen(after), NULL, d);
        if (rc != JM_OK) {
            jm_diag g;
            jm_diags_get(d, 0, &g);
            FUZZ_ASSERT(0, "the set's JSON does not read back: %s: %s", g.path, g.message);
        }
        FUZZ_ASSERT(jm_jobs_to_json(again, &json2) == JM_OK, "to_json");
        FUZZ_ASSERT(strcmp(after, json2) == 0, "the set's JSON changed on reading back");
        jm_free(json2);
        jm_jobs_free(again);
    }
    jm_free(before);
    jm_free(after);
    jm_diags_free(d);
    jm_jobs_free(set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    jm_load_options o;
    jm_load_options_init(&o);
    o.source = "fuzz";
    check_candidates(text, size, &o);
    check_jobs(text, size, &o);
    /* other options, chosen by the input's size so that runs repeat */
    o.unknown_fields = JM_POLICY_WARN;
    o.unknown_terms = (size & 1) ? JM_POLICY_ERROR : JM_POLICY_WARN;
    static const size_t depths[] = { 1, 2, 3, 5, 8, 999, 1000, 100000 };
    o.max_depth = depths[(size >> 1) % 8];
    check_candidates(text, size, &o);
    check_jobs(text, size, &o);
    free(text);
    return 0;
}
