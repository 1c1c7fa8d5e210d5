/* libFuzzer harness: one candidate record (jm_candidate_from_json).
 * A record that reads writes back to text that reads to the same bytes,
 * copies equal, and scores against a rich job within range. */
#include "fuzz_common.h"

static jm_job *other_job(void)
{
    static jm_job *job;
    if (!job)
        FUZZ_ASSERT(jm_job_from_json(FUZZ_JOB, strlen(FUZZ_JOB), NULL, NULL, &job) == JM_OK, "%s", jm_last_error());
    return job;
}

static jm_engine *engine(void)
{
    static jm_engine *e;
    if (!e)
        FUZZ_ASSERT(jm_engine_new(NULL, &e) == JM_OK, "%s", jm_last_error());
    return e;
}

static void round_trip(const jm_candidate *c)
{
    char *j1 = NULL, *j2 = NULL, *j3 = NULL;
    FUZZ_ASSERT(jm_candidate_to_json(c, &j1) == JM_OK, "to_json: %s", jm_last_error());
    jm_candidate *back = NULL;
    jm_diags *d = NULL;
    FUZZ_ASSERT(jm_diags_new(&d) == JM_OK, "diags");
    int rc = jm_candidate_from_json(j1, strlen(j1), NULL, d, &back);
    if (rc != JM_OK) {
        jm_diag g;
        jm_diags_get(d, 0, &g);
        FUZZ_ASSERT(0, "the written record does not read back: %s: %s\n%s", g.path, g.message, j1);
    }
    FUZZ_ASSERT(jm_candidate_to_json(back, &j2) == JM_OK, "to_json");
    FUZZ_ASSERT(strcmp(j1, j2) == 0, "writing again gives other bytes:\n%s\n---\n%s", j1, j2);
    jm_candidate *copy = NULL;
    FUZZ_ASSERT(jm_candidate_copy(c, &copy) == JM_OK, "copy");
    FUZZ_ASSERT(jm_candidate_to_json(copy, &j3) == JM_OK, "to_json");
    FUZZ_ASSERT(strcmp(j1, j3) == 0, "a copy writes other bytes");
    FUZZ_ASSERT(strcmp(jm_candidate_id(c), jm_candidate_id(back)) == 0, "id changed");
    jm_candidate_free(copy);
    jm_candidate_free(back);
    jm_diags_free(d);
    jm_free(j1);
    jm_free(j2);
    jm_free(j3);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    jm_diags *d = NULL;
    FUZZ_ASSERT(jm_diags_new(&d) == JM_OK, "diags");
    jm_candidate *c = NULL;
    int rc = jm_candidate_from_json(text, size, NULL, d, &c);
    fuzz_check_diags(rc, d);
    if (rc != JM_OK) {
        FUZZ_ASSERT(c == NULL, "*out set on failure");
        /* unknown fields as warnings, unknown terms as errors */
        jm_load_options o;
        jm_load_options_init(&o);
        o.unknown_fields = JM_POLICY_WARN;
        o.unknown_terms = JM_POLICY_ERROR;
        o.max_depth = 1 + size % 40;
        jm_diags_clear(d);
        rc = jm_candidate_from_json(text, size, &o, d, &c);
        fuzz_check_diags(rc, d);
    }
    if (rc == JM_OK) {
        FUZZ_ASSERT(c != NULL, "JM_OK without a candidate");
        round_trip(c);
        jm_match *m = NULL;
        FUZZ_ASSERT(jm_engine_score(engine(), c, other_job(), &m) == JM_OK, "score: %s", jm_last_error());
        fuzz_check_match(m);
        jm_match_free(m);
        jm_candidate_free(c);
    }
    jm_diags_free(d);
    free(text);
    return 0;
}
