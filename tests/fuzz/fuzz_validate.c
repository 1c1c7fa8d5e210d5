/* libFuzzer harness: jm_validate on any document.
 * Diagnostics agree with the return code; a document that validates loads
 * as candidates and as jobs, or is refused only as of another type. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    jm_diags *d = NULL;
    FUZZ_ASSERT(jm_diags_new(&d) == JM_OK, "diags");
    int rc = jm_validate(text, size, NULL, d);
    fuzz_check_diags(rc, d);
    FUZZ_ASSERT(rc == JM_OK || rc == JM_EPARSE || rc == JM_EINVAL || rc == JM_ETYPE || rc == JM_EEXISTS ||
                    rc == JM_ENOMEM,
                "unexpected code %d", rc);
    if (rc == JM_OK) {
        jm_candidates *cs = NULL;
        jm_jobs *js = NULL;
        FUZZ_ASSERT(jm_candidates_new(&cs) == JM_OK && jm_jobs_new(&js) == JM_OK, "new");
        jm_diags_clear(d);
        int rc_c = jm_candidates_load(cs, text, size, NULL, d);
        jm_diag g = { 0 };
        if (rc_c != JM_OK)
            jm_diags_get(d, 0, &g);
        FUZZ_ASSERT(rc_c == JM_OK || rc_c == JM_ETYPE,
                    "validates, but the candidate loader says %s at '%s': %s", jm_strerror(rc_c), g.path, g.message);
        jm_diags_clear(d);
        int rc_j = jm_jobs_load(js, text, size, NULL, d);
        if (rc_j != JM_OK)
            jm_diags_get(d, 0, &g);
        FUZZ_ASSERT(rc_j == JM_OK || rc_j == JM_ETYPE,
                    "validates, but the job loader says %s at '%s': %s", jm_strerror(rc_j), g.path, g.message);
        jm_candidates_free(cs);
        jm_jobs_free(js);
    }
    jm_diags_free(d);
    free(text);
    return 0;
}
