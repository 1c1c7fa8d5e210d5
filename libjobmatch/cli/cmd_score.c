/* jobmatch score: score one candidate against one job, explained. */
#include <getopt.h>
#include <string.h>

#include "cli_common.h"

static const char *const CMD = "score";

void cmd_score_help(FILE *out)
{
    fputs("Usage: jobmatch score --candidate FILE --job FILE [OPTIONS]\n"
          "\n"
          "Scores how well a job fits a person and explains the score: the per-factor\n"
          "breakdown, exclusions and what would lift them, the training plan and the\n"
          "support plan with job-coach hours.\n"
          "\n"
          "Options:\n"
          "      --candidate FILE     the candidate (a record or a set; '-' = stdin)\n"
          "      --job FILE           the job (a record or a set; '-' = stdin)\n"
          "      --candidate-id ID    pick this candidate when FILE holds several\n"
          "      --job-id ID          pick this job when FILE holds several\n"
          "      --profile FILE       scoring profile (default: the built-in IPS profile)\n"
          "      --format FORMAT      text (default) or json\n"
          "  -h, --help               show this help and exit\n"
          "\n"
          "Only one FILE may be '-'.  Invalid documents are reported as by\n"
          "'jobmatch validate' (on standard error); warnings are prefixed \"warning:\".\n"
          "\n"
          "Exit status: 0 scored (feasible or not), 1 invalid or unreadable data,\n"
          "2 usage error.\n",
          out);
}

/* Picks the record of a set: by id, or the only one.  name is the file's
 * display name; what is "candidate" or "job". */
static int pick(const char *name, const char *what, size_t count, const char *id,
                const void *found, const char *id_option)
{
    if (id) {
        if (!found) {
            cli_error(CMD, "%s: no %s with id '%s'", name, what, id);
            return CLI_EXIT_DATA;
        }
        return CLI_EXIT_OK;
    }
    if (count == 0) {
        cli_error(CMD, "%s: holds no %s record", name, what);
        return CLI_EXIT_DATA;
    }
    if (count > 1)
        return cli_usage_error(CMD, "%s holds %zu %ss: choose one with %s ID", name, count, what,
                               id_option);
    return CLI_EXIT_OK;
}

static int output(const jm_match *m, cli_format format)
{
    char *text = NULL;
    int rc = format == CLI_FORMAT_JSON ? jm_match_to_json(m, &text) : jm_match_explain(m, &text);
    if (rc != JM_OK || !text) {
        cli_error(CMD, "cannot write the result: %s", jm_strerror(rc != JM_OK ? rc : JM_ENOMEM));
        return CLI_EXIT_DATA;
    }
    size_t n = strlen(text);
    fputs(text, stdout);
    if (n == 0 || text[n - 1] != '\n')
        fputc('\n', stdout);
    jm_free(text);
    return CLI_EXIT_OK;
}

int cmd_score(int argc, char **argv)
{
    enum { OPT_CANDIDATE = 256, OPT_JOB, OPT_CANDIDATE_ID, OPT_JOB_ID, OPT_PROFILE, OPT_FORMAT };
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "candidate", required_argument, NULL, OPT_CANDIDATE },
        { "job", required_argument, NULL, OPT_JOB },
        { "candidate-id", required_argument, NULL, OPT_CANDIDATE_ID },
        { "job-id", required_argument, NULL, OPT_JOB_ID },
        { "profile", required_argument, NULL, OPT_PROFILE },
        { "format", required_argument, NULL, OPT_FORMAT },
        { NULL, 0, NULL, 0 },
    };
    const char *cand_path = NULL, *job_path = NULL, *profile_path = NULL;
    const char *cand_id = NULL, *job_id = NULL;
    cli_format format = CLI_FORMAT_TEXT;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            cmd_score_help(stdout);
            return cli_finish(CMD, CLI_EXIT_OK);
        case OPT_CANDIDATE: cand_path = optarg; break;
        case OPT_JOB: job_path = optarg; break;
        case OPT_CANDIDATE_ID: cand_id = optarg; break;
        case OPT_JOB_ID: job_id = optarg; break;
        case OPT_PROFILE: profile_path = optarg; break;
        case OPT_FORMAT:
            if (cli_parse_format(CMD, optarg, CLI_FORMAT_TEXT | CLI_FORMAT_JSON, &format) != CLI_EXIT_OK)
                return CLI_EXIT_USAGE;
            break;
        default:
            return cli_option_error(CMD, c, argv);
        }
    }
    if (cli_check_inputs(CMD, argc, argv, cand_path, "--candidate", job_path, "--job", profile_path) !=
        CLI_EXIT_OK)
        return CLI_EXIT_USAGE;

    cli_inputs in;
    jm_engine *engine = NULL;
    jm_match *match = NULL;
    int status = cli_load_inputs(CMD, cand_path, job_path, profile_path, &in);
    const jm_candidates *cands = in.cands;
    const jm_jobs *jobs = in.jobs;

    const jm_candidate *cand = NULL;
    const jm_job *job = NULL;
    if (status == CLI_EXIT_OK) {
        cand = cand_id ? jm_candidates_find(cands, cand_id) : jm_candidates_get(cands, 0);
        status = pick(cli_display_name(cand_path), "candidate", jm_candidates_count(cands), cand_id,
                      cand, "--candidate-id");
    }
    if (status == CLI_EXIT_OK) {
        job = job_id ? jm_jobs_find(jobs, job_id) : jm_jobs_get(jobs, 0);
        status = pick(cli_display_name(job_path), "job", jm_jobs_count(jobs), job_id, job, "--job-id");
    }
    if (status == CLI_EXIT_OK && jm_engine_new(in.profile, &engine) != JM_OK) {
        cli_error(CMD, "out of memory");
        status = CLI_EXIT_DATA;
    }
    if (status == CLI_EXIT_OK) {
        int rc = jm_engine_score(engine, cand, job, &match);
        if (rc != JM_OK) {
            cli_error(CMD, "scoring failed: %s", cli_why(rc));
            status = CLI_EXIT_DATA;
        }
    }
    if (status == CLI_EXIT_OK)
        status = output(match, format);

    jm_match_free(match);
    jm_engine_free(engine);
    cli_inputs_free(&in);
    return cli_finish(CMD, status);
}
