/* jobmatch validate: check jobmatch/1 documents of any kind. */
#include <getopt.h>
#include <string.h>

#include "cli_common.h"

static const char *const CMD = "validate";

void cmd_validate_help(FILE *out)
{
    fputs("Usage: jobmatch validate [OPTIONS] FILE...\n"
          "\n"
          "Checks jobmatch/1 documents (candidates, jobs, scoring profiles; a record,\n"
          "an array, a collection or JSON Lines).  An unknown field is always an error.\n"
          "Prints nothing when every file is valid; otherwise one line per error on\n"
          "standard output:\n"
          "  FILE:LINE:COLUMN: message          (a JSON syntax error)\n"
          "  FILE: PATH: message                (a field with a wrong or missing value)\n"
          "Warnings (terms missing from the vocabulary) go to standard error,\n"
          "prefixed \"warning:\".  FILE may be '-' for standard input.\n"
          "\n"
          "Options:\n"
          "  -v, --verbose        also print \"FILE: ok\" for every valid file\n"
          "      --profile FILE   check vocabulary terms against this scoring profile\n"
          "                       (default: the built-in IPS profile)\n"
          "  -h, --help           show this help and exit\n"
          "\n"
          "Exit status: 0 all valid, 1 a file is invalid or unreadable, 2 usage error.\n",
          out);
}

static int validate_one(const char *path, const jm_profile *profile, int verbose)
{
    cli_doc doc;
    if (cli_doc_open(CMD, path, profile, &doc) != CLI_EXIT_OK)
        return CLI_EXIT_DATA;
    int rc = jm_validate(doc.text, doc.len, &doc.opts, doc.diags);
    size_t errors = cli_print_diags(doc.diags, stdout);
    if (rc != JM_OK && errors == 0) {
        /* The library failed without a diagnostic (out of memory ...). */
        printf("%s: %s\n", doc.opts.source, cli_why(rc));
    } else if (rc == JM_OK && verbose) {
        printf("%s: ok\n", doc.opts.source);
    }
    cli_doc_close(&doc);
    return rc == JM_OK ? CLI_EXIT_OK : CLI_EXIT_DATA;
}

int cmd_validate(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "help", no_argument, NULL, 'h' },
        { "verbose", no_argument, NULL, 'v' },
        { "profile", required_argument, NULL, 'p' },
        { NULL, 0, NULL, 0 },
    };
    int verbose = 0;
    const char *profile_path = NULL;
    opterr = 0;
    int c;
    while ((c = getopt_long(argc, argv, ":hv", longopts, NULL)) != -1) {
        switch (c) {
        case 'h':
            cmd_validate_help(stdout);
            return cli_finish(CMD, CLI_EXIT_OK);
        case 'v':
            verbose = 1;
            break;
        case 'p':
            profile_path = optarg;
            break;
        default:
            return cli_option_error(CMD, c, argv);
        }
    }
    if (optind >= argc)
        return cli_usage_error(CMD, "no FILE given");

    /* Standard input can be read once. */
    int from_stdin = profile_path && strcmp(profile_path, "-") == 0;
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "-") != 0)
            continue;
        if (from_stdin)
            return cli_usage_error(CMD, "standard input ('-') can be read only once");
        from_stdin = 1;
    }

    jm_profile *profile = NULL;
    if (profile_path && cli_load_profile(CMD, profile_path, &profile) != CLI_EXIT_OK)
        return cli_finish(CMD, CLI_EXIT_DATA);

    int status = CLI_EXIT_OK;
    for (int i = optind; i < argc; i++)
        if (validate_one(argv[i], profile, verbose) != CLI_EXIT_OK)
            status = CLI_EXIT_DATA;
    jm_profile_free(profile);
    return cli_finish(CMD, status);
}
