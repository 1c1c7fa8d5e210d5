/* Quick start: load a caseload and a vacancy list, print each person's three
 * best jobs with the reasons, and the support each would need.
 *
 *   cc quickstart.c $(pkg-config --cflags --libs libjobmatch) -o quickstart
 *   ./quickstart examples/data/candidates.json examples/data/jobs.json
 */
#include <stdio.h>

#include <jobmatch.h>

static int load(const char *path, jm_candidates *cands, jm_jobs *jobs)
{
    jm_diags *diags = NULL;
    jm_diags_new(&diags);
    int rc = cands ? jm_candidates_load_file(cands, path, NULL, diags)
                   : jm_jobs_load_file(jobs, path, NULL, diags);
    for (size_t i = 0; i < jm_diags_count(diags); i++) {
        char *line = NULL;
        if (jm_diags_format(diags, i, &line) == JM_OK)
            fprintf(stderr, "%s\n", line);
        jm_free(line);
    }
    jm_diags_free(diags);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s CANDIDATES.json JOBS.json\n", argv[0]);
        return 2;
    }
    jm_candidates *cands = NULL;
    jm_jobs *jobs = NULL;
    jm_engine *engine = NULL;
    int rc = jm_candidates_new(&cands);
    if (rc == JM_OK)
        rc = jm_jobs_new(&jobs);
    if (rc == JM_OK)
        rc = load(argv[1], cands, NULL);
    if (rc == JM_OK)
        rc = load(argv[2], NULL, jobs);
    if (rc == JM_OK)
        rc = jm_engine_new(NULL, &engine); /* NULL: the built-in IPS default profile */

    for (size_t i = 0; rc == JM_OK && i < jm_candidates_count(cands); i++) {
        const jm_candidate *c = jm_candidates_get(cands, i);
        jm_ranking *ranking = NULL;
        rc = jm_engine_rank_jobs(engine, c, jobs, 3, &ranking);
        if (rc != JM_OK)
            break;
        printf("%s: %zu feasible jobs, %zu excluded\n", jm_candidate_id(c),
               jm_ranking_feasible_total(ranking), jm_ranking_excluded_count(ranking));
        for (size_t k = 0; k < jm_ranking_count(ranking); k++) {
            const jm_match *m = jm_ranking_get(ranking, k);
            printf("  %zu. %-8s score %.2f (confidence %.0f%%), coach %.1f h/week at the start\n", k + 1,
                   jm_match_job_id(m), jm_match_total(m), 100 * jm_match_confidence(m),
                   jm_match_coach_hours(m));
            for (size_t s = 0; s < jm_match_support_count(m); s++) {
                jm_support_item item;
                jm_match_support(m, s, &item);
                printf("       support: %s -> %s\n", item.label, jm_provider_name(item.provider));
            }
        }
        jm_ranking_free(ranking);
    }
    if (rc != JM_OK)
        fprintf(stderr, "error: %s: %s\n", jm_strerror(rc), jm_last_error());
    jm_engine_free(engine);
    jm_jobs_free(jobs);
    jm_candidates_free(cands);
    return rc == JM_OK ? 0 : 1;
}
