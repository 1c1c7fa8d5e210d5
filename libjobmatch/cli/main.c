/*
 * jobmatch: validate jobmatch/1 documents, score a candidate against a job,
 * rank jobs for candidates (or candidates for jobs).
 */
#include <string.h>

#include "cli_common.h"

static void usage(FILE *out)
{
    fputs("Usage: jobmatch COMMAND [OPTIONS] [ARGS]\n"
          "\n"
          "Job matching for supported employment: every score is explained.\n"
          "\n"
          "Commands:\n"
          "  validate FILE...                 check jobmatch/1 documents of any kind\n"
          "  score --candidate FILE --job FILE\n"
          "                                   score one candidate against one job\n"
          "  rank --candidates FILE --jobs FILE\n"
          "                                   rank jobs for every candidate (or candidates\n"
          "                                   for every job with --for jobs)\n"
          "  help [COMMAND]                   show help for a command\n"
          "\n"
          "Options:\n"
          "  -h, --help                       show this help and exit\n"
          "  -V, --version                    show the library version and exit\n"
          "\n"
          "FILE may be '-' for standard input (once per command).\n"
          "Run 'jobmatch COMMAND --help' for the options of a command.\n"
          "\n"
          "Exit status: 0 success, 1 invalid or unreadable data, 2 usage error.\n",
          out);
}

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    void (*help)(FILE *out);
} command;

static const command commands[] = {
    { "validate", cmd_validate, cmd_validate_help },
    { "score", cmd_score, cmd_score_help },
    { "rank", cmd_rank, cmd_rank_help },
};

static const command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return CLI_EXIT_USAGE;
    }
    const char *name = argv[1];
    if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
        usage(stdout);
        return cli_finish(NULL, CLI_EXIT_OK);
    }
    if (strcmp(name, "-V") == 0 || strcmp(name, "--version") == 0) {
        printf("jobmatch %s\n", jm_version_string());
        return cli_finish(NULL, CLI_EXIT_OK);
    }
    if (strcmp(name, "help") == 0) {
        if (argc < 3) {
            usage(stdout);
            return cli_finish(NULL, CLI_EXIT_OK);
        }
        const command *c = find_command(argv[2]);
        if (!c)
            return cli_usage_error(NULL, "unknown command '%s'", argv[2]);
        c->help(stdout);
        return cli_finish(NULL, CLI_EXIT_OK);
    }
    const command *c = find_command(name);
    if (!c) {
        if (name[0] == '-')
            return cli_usage_error(NULL, "unknown option '%s' (a command comes first)", name);
        return cli_usage_error(NULL, "unknown command '%s'", name);
    }
    /* The command sees its own name as argv[0]. */
    return c->run(argc - 1, argv + 1);
}
