/* libFuzzer harness: a candidate and a job from one input, split at the
 * first "\n-----\n" (a side that does not read is replaced by a rich
 * built-in record), scored, explained and ranked. */
#include "fuzz_common.h"

#define SEPARATOR "\n-----\n"

static jm_engine *engine(void)
{
    static jm_engine *e;
    if (!e)
        FUZZ_ASSERT(jm_engine_new(NULL, &e) == JM_OK, "%s", jm_last_error());
    return e;
}

static const char *find(const char *hay, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (memcmp(hay + i, needle, k) == 0)
            return hay + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = fuzz_text(data, size);
    const char *sep = find(text, size, SEPARATOR);
    size_t clen = sep ? (size_t)(sep - text) : size;
    const char *jtext = sep ? sep + strlen(SEPARATOR) : FUZZ_JOB;
    size_t jlen = sep ? size - clen - strlen(SEPARATOR) : strlen(FUZZ_JOB);
    jm_candidate *c = NULL;
    jm_job *j = NULL;
    int from_input = 0;
    if (jm_candidate_from_json(text, clen, NULL, NULL, &c) == JM_OK)
        from_input++;
    else
        FUZZ_ASSERT(jm_candidate_from_json(FUZZ_CANDIDATE, strlen(FUZZ_CANDIDATE), NULL, NULL, &c) == JM_OK, "built-in");
    if (jm_job_from_json(jtext, jlen, NULL, NULL, &j) == JM_OK)
        from_input++;
    else
        FUZZ_ASSERT(jm_job_from_json(FUZZ_JOB, strlen(FUZZ_JOB), NULL, NULL, &j) == JM_OK, "built-in");
    if (from_input) {
        jm_match *m = NULL;
        FUZZ_ASSERT(jm_engine_score(engine(), c, j, &m) == JM_OK, "score: %s", jm_last_error());
        fuzz_check_match(m);
        FUZZ_ASSERT(strcmp(jm_match_candidate_id(m), jm_candidate_id(c)) == 0, "candidate id");
        FUZZ_ASSERT(strcmp(jm_match_job_id(m), jm_job_id(j)) == 0, "job id");
        /* scoring is deterministic */
        jm_match *m2 = NULL;
        char *a = NULL, *b = NULL;
        FUZZ_ASSERT(jm_engine_score(engine(), c, j, &m2) == JM_OK, "score");
        FUZZ_ASSERT(jm_match_to_json(m, &a) == JM_OK && jm_match_to_json(m2, &b) == JM_OK, "to_json");
        FUZZ_ASSERT(strcmp(a, b) == 0, "scoring the same pair twice gives other JSON");
        jm_free(a);
        jm_free(b);
        jm_match_free(m2);
        jm_match_free(m);

        /* ranking: the pair among a set with the built-in job */
        jm_jobs *jobs = NULL;
        jm_job *other = NULL;
        FUZZ_ASSERT(jm_jobs_new(&jobs) == JM_OK && jm_jobs_add(jobs, j) == JM_OK, "jobs");
        FUZZ_ASSERT(jm_job_from_json(FUZZ_JOB, strlen(FUZZ_JOB), NULL, NULL, &other) == JM_OK, "built-in");
        int rc = jm_jobs_add(jobs, other);
        FUZZ_ASSERT(rc == JM_OK || rc == JM_EEXISTS, "jm_jobs_add: %d", rc);
        jm_ranking *r = NULL;
        FUZZ_ASSERT(jm_engine_rank_jobs(engine(), c, jobs, 0, &r) == JM_OK, "rank: %s", jm_last_error());
        FUZZ_ASSERT(jm_ranking_count(r) + jm_ranking_excluded_count(r) == jm_jobs_count(jobs),
                    "ranked %zu + excluded %zu of %zu jobs", jm_ranking_count(r), jm_ranking_excluded_count(r),
                    jm_jobs_count(jobs));
        for (size_t i = 0; i < jm_ranking_count(r); i++)
            fuzz_check_match(jm_ranking_get(r, i));
        for (size_t i = 1; i < jm_ranking_count(r); i++)
            FUZZ_ASSERT(jm_match_total(jm_ranking_get(r, i - 1)) >= jm_match_total(jm_ranking_get(r, i)),
                        "ranking not in order");
        /* the batch calls: the matrix has the pairs' totals bit for bit, the
         * (pruned) top k is the ranking's, on one thread and on two */
        const size_t nj = jm_jobs_count(jobs);
        jm_candidates *cs = NULL;
        FUZZ_ASSERT(jm_candidates_new(&cs) == JM_OK && jm_candidates_add(cs, c) == JM_OK, "candidates");
        for (unsigned threads = 1; threads <= 2; threads++) {
            jm_batch_options o = JM_BATCH_OPTIONS_INIT;
            o.threads = threads;
            double totals[2], top_totals[2];
            unsigned char feasible[2];
            size_t top[2], count = 0;
            FUZZ_ASSERT(jm_engine_score_matrix(engine(), cs, jobs, &o, totals, nj, feasible, nj) == JM_OK,
                        "matrix: %s", jm_last_error());
            for (size_t k = 0; k < nj; k++) {
                jm_match *mk = NULL;
                FUZZ_ASSERT(jm_engine_score(engine(), c, jm_jobs_get(jobs, k), &mk) == JM_OK, "score");
                double t = jm_match_total(mk);
                FUZZ_ASSERT(memcmp(&t, &totals[k], sizeof t) == 0, "matrix total %.17g, score %.17g", totals[k], t);
                FUZZ_ASSERT(feasible[k] == (jm_match_feasible(mk) != 0), "matrix feasibility");
                jm_match_free(mk);
            }
            FUZZ_ASSERT(jm_engine_top_jobs(engine(), cs, jobs, 1, &o, top, 1, top_totals, 1, &count, 1) == JM_OK,
                        "top: %s", jm_last_error());
            FUZZ_ASSERT(count == jm_ranking_count(r), "top counts %zu feasible, the ranking %zu", count,
                        jm_ranking_count(r));
            if (count) {
                const jm_match *best = jm_ranking_get(r, 0);
                FUZZ_ASSERT(strcmp(jm_job_id(jm_jobs_get(jobs, top[0])), jm_match_job_id(best)) == 0, "top job");
                double t = jm_match_total(best);
                FUZZ_ASSERT(memcmp(&t, &top_totals[0], sizeof t) == 0, "top total");
            } else {
                FUZZ_ASSERT(top[0] == SIZE_MAX, "an empty top has SIZE_MAX");
            }
        }
        jm_candidates_free(cs);

        char *rj = NULL;
        FUZZ_ASSERT(jm_ranking_to_json(r, &rj) == JM_OK, "ranking to_json");
        cJSON *tree = cJSON_Parse(rj);
        FUZZ_ASSERT(tree != NULL, "ranking JSON does not parse");
        cJSON_Delete(tree);
        jm_free(rj);
        jm_ranking_free(r);
        jm_job_free(other);
        jm_jobs_free(jobs);
    }
    jm_candidate_free(c);
    jm_job_free(j);
    free(text);
    return 0;
}
