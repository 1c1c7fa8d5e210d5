/* libFuzzer harness: a scoring profile (jm_profile_from_json).
 * A profile that reads writes canonical JSON that reads back to the same
 * hash and the same bytes, and an engine made from it scores a rich pair
 * within range. */
#include "fuzz_common.h"

static void pair(jm_candidate **c, jm_job **j)
{
    static jm_candidate *cand;
    static jm_job *job;
    if (!cand)
        FUZZ_ASSERT(jm_candidate_from_json(FUZZ_CANDIDATE, strlen(FUZZ_CANDIDATE), NULL, NULL, &cand) == JM_OK,
                    "%s", jm_last_error());
    if (!job)
        FUZZ_ASSERT(jm_job_from_json(FUZZ_JOB, strlen(FUZZ_JOB), NULL, NULL, &job) == JM_OK, "%s", jm_last_error());
    *c = cand;
    *j = job;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    jm_diags *d = NULL;
    FUZZ_ASSERT(jm_diags_new(&d) == JM_OK, "diags");
    static jm_profile *const SENTINEL = (jm_profile *)(void *)&SENTINEL;
    jm_profile *p = SENTINEL;
    jm_load_options o;
    jm_load_options_init(&o);
    if (size % 3 == 1)
        o.unknown_fields = JM_POLICY_WARN;
    int rc = jm_profile_from_json(text, size, &o, d, &p);
    fuzz_check_diags(rc, d);
    if (rc != JM_OK) {
        FUZZ_ASSERT(p == SENTINEL, "*out changed on failure");
    } else {
        FUZZ_ASSERT(p && p != SENTINEL, "JM_OK without a profile");
        const char *hash = jm_profile_hash(p);
        FUZZ_ASSERT(hash && strncmp(hash, "sha256:", 7) == 0 && strlen(hash) == 71, "hash %s", hash);
        char *j1 = NULL, *j2 = NULL;
        FUZZ_ASSERT(jm_profile_to_json(p, &j1) == JM_OK, "to_json: %s", jm_last_error());
        jm_profile *back = NULL;
        jm_diags_clear(d);
        rc = jm_profile_from_json(j1, strlen(j1), NULL, d, &back);
        if (rc != JM_OK) {
            jm_diag g;
            jm_diags_get(d, 0, &g);
            FUZZ_ASSERT(0, "the canonical form does not read back: %s: %s\n%s", g.path, g.message, j1);
        }
        FUZZ_ASSERT(strcmp(jm_profile_hash(back), hash) == 0, "hash changed on reading back:\n%s", j1);
        FUZZ_ASSERT(jm_profile_to_json(back, &j2) == JM_OK, "to_json");
        FUZZ_ASSERT(strcmp(j1, j2) == 0, "canonical form changed on reading back");
        for (int f = 0; f < JM_FACTOR_COUNT; f++) {
            double w = jm_profile_weight(p, f);
            FUZZ_ASSERT(!isnan(w) && w >= 0 && w <= 1000, "weight %d = %g", f, w);
        }
        jm_engine *e = NULL;
        FUZZ_ASSERT(jm_engine_new(p, &e) == JM_OK, "engine: %s", jm_last_error());
        jm_candidate *c;
        jm_job *j;
        pair(&c, &j);
        jm_match *m = NULL;
        FUZZ_ASSERT(jm_engine_score(e, c, j, &m) == JM_OK, "score: %s", jm_last_error());
        fuzz_check_match(m);
        FUZZ_ASSERT(strcmp(jm_match_profile_hash(m), hash) == 0, "the match names another profile hash");
        jm_match_free(m);
        jm_engine_free(e);
        jm_profile_free(back);
        jm_profile_free(p);
        jm_free(j1);
        jm_free(j2);
    }
    jm_diags_free(d);
    free(text);
    return 0;
}
