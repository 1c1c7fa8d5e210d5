/* libFuzzer harness: reading a file (jm_candidates_load_file, which streams
 * JSON Lines a line at a time) must give exactly what reading its text gives
 * (jm_candidates_load): the same return code, the same diagnostics line for
 * line, and the same set. */
#include <unistd.h>

#include "fuzz_common.h"

static char path[64];

/* Every diagnostic formatted, one per line (freed with free). */
static char *all_diags(const jm_diags *d)
{
    size_t cap = 256, len = 0;
    char *out = malloc(cap);
    FUZZ_ASSERT(out != NULL, "malloc");
    out[0] = '\0';
    for (size_t i = 0; i < jm_diags_count(d); i++) {
        char *line = NULL;
        FUZZ_ASSERT(jm_diags_format(d, i, &line) == JM_OK, "format");
        size_t n = strlen(line);
        while (len + n + 2 > cap) {
            cap *= 2;
            out = realloc(out, cap);
            FUZZ_ASSERT(out != NULL, "realloc");
        }
        memcpy(out + len, line, n);
        len += n;
        out[len++] = '\n';
        out[len] = '\0';
        jm_free(line);
    }
    return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!path[0])
        snprintf(path, sizeof path, "/tmp/jobmatch-fuzz-stream-%ld.jsonl", (long)getpid());
    FILE *f = fopen(path, "wb");
    FUZZ_ASSERT(f != NULL, "cannot write %s", path);
    if (size)
        fwrite(data, 1, size, f);
    fclose(f);

    char *text = fuzz_text(data, size);
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.source = path;
    jm_candidates *a = NULL, *b = NULL;
    jm_diags *da = NULL, *db = NULL;
    FUZZ_ASSERT(jm_candidates_new(&a) == JM_OK && jm_candidates_new(&b) == JM_OK, "new");
    FUZZ_ASSERT(jm_diags_new(&da) == JM_OK && jm_diags_new(&db) == JM_OK, "diags");
    int ra = jm_candidates_load(a, text, size, &o, da);
    int rb = jm_candidates_load_file(b, path, NULL, db);
    FUZZ_ASSERT(ra == rb, "the text gives %d, the file %d", ra, rb);
    char *ta = all_diags(da), *tb = all_diags(db);
    FUZZ_ASSERT(strcmp(ta, tb) == 0, "diagnostics differ:\n%s---\n%s", ta, tb);
    char *ja = NULL, *jb = NULL;
    FUZZ_ASSERT(jm_candidates_to_json(a, &ja) == JM_OK && jm_candidates_to_json(b, &jb) == JM_OK, "to_json");
    FUZZ_ASSERT(strcmp(ja, jb) == 0, "the sets differ");
    jm_free(ja);
    jm_free(jb);
    free(ta);
    free(tb);
    jm_diags_free(da);
    jm_diags_free(db);
    jm_candidates_free(a);
    jm_candidates_free(b);
    free(text);
    return 0;
}
