/* Documents: records, arrays, collections, JSON Lines; sets; validation. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "util.h"

static jm_diags *D;
static jm_candidates *C;
static jm_jobs *J;

static void setup(void)
{
    ck_assert_int_eq(jm_diags_new(&D), JM_OK);
    ck_assert_int_eq(jm_candidates_new(&C), JM_OK);
    ck_assert_int_eq(jm_jobs_new(&J), JM_OK);
}

static void teardown(void)
{
    jm_diags_free(D);
    jm_candidates_free(C);
    jm_jobs_free(J);
}

#define CAND(id, body) "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"" id "\"" body "}"
#define JOB(id, body) "{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"" id "\"" body "}"

static int load_c(const char *text)
{
    jm_diags_clear(D);
    return jm_candidates_load(C, text, strlen(text), NULL, D);
}

static int load_j(const char *text)
{
    jm_diags_clear(D);
    return jm_jobs_load(J, text, strlen(text), NULL, D);
}

static jm_diag diag(size_t i)
{
    jm_diag g;
    ck_assert_int_eq(jm_diags_get(D, i, &g), JM_OK);
    return g;
}

START_TEST(single_record)
{
    ck_assert_int_eq(load_c(CAND("c1", )), JM_OK);
    ck_assert_uint_eq(jm_candidates_count(C), 1);
    ck_assert_str_eq(jm_candidate_id(jm_candidates_get(C, 0)), "c1");
}
END_TEST

START_TEST(array_of_records)
{
    ck_assert_int_eq(load_c("[" CAND("c1", ) ", " CAND("c2", ", \"skills\": [{\"id\": \"s\", \"level\": 2}]") "]"), JM_OK);
    ck_assert_uint_eq(jm_candidates_count(C), 2);
    ck_assert_ptr_nonnull(jm_candidates_find(C, "c2"));
    ck_assert_int_eq(load_c("[]"), JM_OK);
    ck_assert_uint_eq(jm_candidates_count(C), 2);
}
END_TEST

START_TEST(array_errors_have_index_paths)
{
    int rc = load_c("[" CAND("c1", ) ", " CAND("c2", ", \"skills\": [{\"id\": \"s\", \"level\": \"x\"}]") ", 7, "
                    CAND("c4", ", \"hours\": 3") "]");
    ck_assert_int_eq(rc, JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 3);
    ck_assert(tu_diags_has(D, "[1].skills[0].level", "expected a number from 0 to 7, found a string"));
    ck_assert(tu_diags_has(D, "[2]", "expected a record (an object), found a number"));
    ck_assert(tu_diags_has(D, "[3].hours", "unknown field 'hours'"));
    /* all or nothing */
    ck_assert_uint_eq(jm_candidates_count(C), 0);
}
END_TEST

START_TEST(type_checking)
{
    ck_assert_int_eq(load_c(JOB("j1", )), JM_ETYPE);
    ck_assert(tu_diags_has(D, "type", "expected a candidate record, found a job record"));
    ck_assert_int_eq(load_c("[" CAND("c1", ) ", " JOB("j1", ) "]"), JM_ETYPE);
    ck_assert(tu_diags_has(D, "[1].type", "expected a candidate record, found a job record"));
    ck_assert_uint_eq(jm_candidates_count(C), 0);
    ck_assert_int_eq(load_j("[" CAND("c1", ) "]"), JM_ETYPE);
    ck_assert(tu_diags_has(D, "[0].type", "expected a job record, found a candidate record"));
    ck_assert_int_eq(load_c("{\"schema\": \"jobmatch/1\", \"type\": \"scoring_profile\"}"), JM_ETYPE);
    ck_assert(tu_diags_has(D, "type", "expected a candidate record, found a scoring profile"));
    ck_assert_int_eq(load_c("\"candidate\""), JM_EINVAL);
    ck_assert(tu_diags_has(D, "", "found a string"));
}
END_TEST

START_TEST(integer_errors_and_long_index_paths)
{
    /* a job zone is an integer from 1 to 5: each way of missing it says so */
    ck_assert_int_eq(load_j("[" JOB("j0", ", \"job_zone\": 2.5") ", " JOB("j1", ", \"job_zone\": 6") ", "
                            JOB("j2", ", \"job_zone\": \"3\"") ", " JOB("j3", ", \"job_zone\": 5") "]"),
                     JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 3);
    ck_assert(tu_diags_has(D, "[0].job_zone", "expected an integer from 1 to 5, found 2.5"));
    ck_assert(tu_diags_has(D, "[1].job_zone", "expected an integer from 1 to 5, found 6"));
    ck_assert(tu_diags_has(D, "[2].job_zone", "expected an integer from 1 to 5, found a string"));
    ck_assert_uint_eq(jm_jobs_count(J), 0);
    /* indices of several digits, and 0, in paths */
    static char doc[16384];
    strcpy(doc, "[");
    for (int i = 0; i < 120; i++) {
        char id[16];
        snprintf(id, sizeof id, "c%d", i);
        strcat(doc, i ? ", " : "");
        strcat(doc, i == 107 ? "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c107\", "
                               "\"skills\": [{\"id\": \"s\", \"level\": \"x\"}]}"
                             : "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"");
        if (i != 107) {
            strcat(doc, id);
            strcat(doc, "\"}");
        }
    }
    strcat(doc, "]");
    ck_assert_int_eq(load_c(doc), JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 1);
    ck_assert_str_eq(diag(0).path, "[107].skills[0].level");
}
END_TEST

static const char *COLLECTION =
    "{\"schema\": \"jobmatch/1\",\n"
    " \"candidates\": [{\"id\": \"c1\"}, {\"id\": \"c2\", \"type\": \"candidate\"}],\n"
    " \"jobs\": [{\"id\": \"j0\"}, {\"id\": \"j1\"}, {\"id\": \"j2\", \"schema\": \"jobmatch/1\"}, {\"id\": \"j3\", \"hours\": {\"min\": 20, \"max\": 10}}]}";

START_TEST(collection)
{
    ck_assert_int_eq(load_c(COLLECTION), JM_OK); /* the jobs are not candidates' business */
    ck_assert_uint_eq(jm_candidates_count(C), 2);
    ck_assert_int_eq(load_j(COLLECTION), JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 1);
    jm_diag g = diag(0);
    ck_assert_str_eq(g.path, "jobs[3].hours.min");
    ck_assert_str_eq(g.message, "expected min at most max (10), found 20");
    ck_assert_int_eq(g.line, 0);
    ck_assert_uint_eq(jm_jobs_count(J), 0);
}
END_TEST

START_TEST(collection_errors)
{
    ck_assert_int_eq(load_c("{\"schema\": \"jobmatch/1\", \"candidates\": [{\"id\": \"c1\", \"type\": \"job\"}]}"), JM_ETYPE);
    ck_assert(tu_diags_has(D, "candidates[0].type", "expected a candidate record, found a job record"));
    ck_assert_int_eq(load_c("{\"schema\": \"jobmatch/1\", \"jobs\": []}"), JM_ETYPE);
    ck_assert(tu_diags_has(D, "", "found one with jobs only"));
    ck_assert_int_eq(load_c("{\"candidates\": [], \"candidatez\": []}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "schema", "missing required field 'schema'"));
    ck_assert(tu_diags_has(D, "candidatez", "did you mean 'candidates'?"));
    ck_assert_int_eq(load_j("{\"schema\": \"jobmatch/1\", \"jobs\": {}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "jobs", "expected an array, found an object"));
}
END_TEST

START_TEST(json_lines)
{
    const char *t = CAND("c1", ) "\n"
                    "\n"
                    CAND("c2", ", \"skills\": [{\"id\": \"s\", \"level\": 9}]") "\n"
                    "   \r\n"
                    "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c5\",}\n"
                    CAND("c6", ) "\r\n";
    ck_assert_int_eq(load_c(t), JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 2);
    jm_diag g = diag(0);
    ck_assert_str_eq(g.path, "skills[0].level");
    ck_assert_int_eq(g.line, 3);
    ck_assert_str_eq(g.message, "expected a number from 0 to 7, found 9");
    g = diag(1);
    ck_assert_int_eq(g.code, JM_EPARSE);
    ck_assert_int_eq(g.line, 5);
    ck_assert_int_eq(g.column, 58); /* the '}' where a key was expected */
    ck_assert_uint_eq(jm_candidates_count(C), 0);
    /* without the bad lines everything loads */
    ck_assert_int_eq(load_c("\xEF\xBB\xBF" CAND("c1", ) "\n" CAND("c2", ) "\n\n" CAND("c3", ) "\n"), JM_OK);
    ck_assert_uint_eq(jm_candidates_count(C), 3);
}
END_TEST

START_TEST(json_lines_first_line_broken)
{
    const char *t = "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c1\" \"x\": 1}\n"
                    CAND("c2", ", \"wage\": 1") "\n";
    ck_assert_int_eq(load_c(t), JM_EPARSE);
    ck_assert_uint_eq(jm_diags_count(D), 2);
    jm_diag g = diag(0);
    ck_assert_int_eq(g.line, 1);
    ck_assert_int_eq(g.column, 58); /* the '"' of "x" where a ',' was expected */
    g = diag(1);
    ck_assert_int_eq(g.line, 2);
    ck_assert_str_eq(g.path, "wage");
}
END_TEST

START_TEST(single_record_syntax_error_position)
{
    ck_assert_int_eq(load_c("{\"schema\": \"jobmatch/1\",\n \"type\": \"candidate\",\n \"id\": c1}"), JM_EPARSE);
    jm_diag g = diag(0);
    ck_assert_int_eq(g.line, 3);
    ck_assert_int_eq(g.column, 8);
}
END_TEST

START_TEST(duplicate_ids)
{
    ck_assert_int_eq(load_c("[" CAND("c1", ) ", " CAND("c2", ) ", " CAND("c1", ) "]"), JM_EEXISTS);
    ck_assert(tu_diags_has(D, "[2].id", "duplicate id 'c1': already used by the record at [0]"));
    ck_assert_uint_eq(jm_candidates_count(C), 0);
    ck_assert_int_eq(load_c(CAND("c1", ) "\n" CAND("c1", ) "\n"), JM_EEXISTS);
    ck_assert(tu_diags_has(D, "id", "already used by the record on line 1"));
    ck_assert_int_eq(diag(0).line, 2);
    /* against the set: all or nothing */
    ck_assert_int_eq(load_c("[" CAND("a", ) ", " CAND("b", ) "]"), JM_OK);
    ck_assert_int_eq(load_c("[" CAND("c", ) ", " CAND("b", ) "]"), JM_EEXISTS);
    ck_assert(tu_diags_has(D, "[1].id", "duplicate id 'b': the set already holds a record with this id"));
    ck_assert_uint_eq(jm_candidates_count(C), 2);
    ck_assert_ptr_null(jm_candidates_find(C, "c"));
    /* the same id may name a candidate and a job */
    ck_assert_int_eq(load_j(JOB("a", )), JM_OK);
}
END_TEST

START_TEST(ids_that_may_be_names_are_not_shown)
{
    /* an id with spaces may be a person's name: the path says where */
    ck_assert_int_eq(load_c("[" CAND("Jane Doe", ) ", " CAND("Jane Doe", ) "]"), JM_EEXISTS);
    ck_assert(tu_diags_has(D, "[1].id", "duplicate id (not shown: not a plain identifier)"));
    ck_assert_ptr_null(strstr(jm_last_error(), "Jane"));
    /* a long URI-like id is a plain identifier and is shown whole */
    ck_assert_int_eq(load_c(CAND("c1", ", \"skills\": [{\"id\": \"http://data.europa.eu/esco/skill/"
                                       "6ff01827-907d-43d8-b6e4-7162c1cf0aca\"}, {\"id\": \"http://data.europa.eu/"
                                       "esco/skill/6ff01827-907d-43d8-b6e4-7162c1cf0aca\"}]")), JM_EINVAL);
    ck_assert(tu_diags_has(D, "skills[1].id", "duplicate skill id 'http://data.europa.eu/esco/skill/"
                                               "6ff01827-907d-43d8-b6e4-7162c1cf0aca' (already given at skills[0])"));
}
END_TEST

START_TEST(max_bytes_refuses_larger_documents_before_parsing)
{
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    const char *t = "[" CAND("c1", ) ", " CAND("c2", ) "]";
    o.max_bytes = strlen(t) - 1;
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidates_load(C, t, strlen(t), &o, D), JM_ERANGE);
    ck_assert_uint_eq(jm_candidates_count(C), 0);
    char msg[128];
    snprintf(msg, sizeof msg, "input too large: found %zu bytes, expected at most %zu", strlen(t), strlen(t) - 1);
    ck_assert(tu_diags_has(D, "", msg));
    ck_assert_int_eq(diag(0).code, JM_ERANGE);
    /* JSON Lines count whole, and so do validate and single records */
    const char *jl = CAND("c1", ) "\n" CAND("c2", ) "\n";
    o.max_bytes = strlen(jl) - 1;
    ck_assert_int_eq(jm_candidates_load(C, jl, strlen(jl), &o, D), JM_ERANGE);
    ck_assert_int_eq(jm_validate(jl, strlen(jl), &o, D), JM_ERANGE);
    jm_candidate *one = NULL;
    o.max_bytes = 10;
    ck_assert_int_eq(jm_candidate_from_json(CAND("c1", ), strlen(CAND("c1", )), &o, D, &one), JM_ERANGE);
    ck_assert_ptr_null(one);
    jm_profile *p = NULL;
    const char *pt = "{\"schema\": \"jobmatch/1\", \"type\": \"scoring_profile\", \"id\": \"p\"}";
    ck_assert_int_eq(jm_profile_from_json(pt, strlen(pt), &o, D, &p), JM_ERANGE);
    ck_assert_ptr_null(p);
    /* exactly max_bytes is accepted; 0 means no limit */
    o.max_bytes = strlen(t);
    ck_assert_int_eq(jm_candidates_load(C, t, strlen(t), &o, D), JM_OK);
    o.max_bytes = 0;
    ck_assert_int_eq(jm_candidates_load(C, jl, strlen(jl), &o, D), JM_EEXISTS);
}
END_TEST

/* Every diagnostic formatted, one per line. */
static char *all_diags(const jm_diags *d)
{
    jm_buf b;
    jm_buf_init(&b);
    for (size_t i = 0; i < jm_diags_count(d); i++) {
        char *line = NULL;
        ck_assert_int_eq(jm_diags_format(d, i, &line), JM_OK);
        jm_buf_printf(&b, "%s\n", line);
        jm_free(line);
    }
    return jm_buf_take(&b);
}

START_TEST(a_file_loads_exactly_as_its_text)
{
    /* JSON Lines are read from a file a line at a time: the result and
     * every diagnostic must be those of the same text loaded whole. */
    static const char *const texts[] = {
        CAND("c1", ) "\n" CAND("c2", ) "\n",
        CAND("c1", ) "\n" CAND("c2", ),                         /* no final newline */
        "\n\n  " CAND("c1", ) "\r\n\r\n" CAND("c2", ) "\r\n",  /* blank lines, CRLF */
        "\xEF\xBB\xBF" CAND("c1", ) "\n" CAND("c2", ) "\n",     /* BOM on the first line */
        CAND("c1", ) "\n\xEF\xBB\xBF" CAND("c2", ) "\n",        /* BOM on a later line */
        "\n\xEF\xBB\xBF" CAND("c1", ) "\n" CAND("c2", ) "\n",  /* BOM after a blank line */
        CAND("c1", ) "\n" CAND("c1", ) "\n",                     /* duplicate */
        CAND("c1", ", \"wage\": 1") "\n" CAND("c2", ", \"skils\": []") "\n" CAND("c3", ) "\n",
        "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": }\n" CAND("c2", ) "\n",
        CAND("c1", ) " " CAND("c2", ) "\n" CAND("c3", ) "\n",      /* two values on one line */
        CAND("c1", ) "\n[1, 2]\n",
        CAND("c1", ),                                             /* one record, one line */
        CAND("c1", ) "\n",
        "{\"schema\": \"jobmatch/1\",\n \"type\": \"candidate\",\n \"id\": \"c1\"}\n", /* pretty */
        "[" CAND("c1", ) ",\n " CAND("c2", ) "]\n",
        "{\"schema\": \"jobmatch/1\", \"candidates\": [" CAND("c1", ) "]}",
        "", "\n\n", "{\n", CAND("c1", ) "\n{\n",
        JOB("j1", ) "\n" CAND("c2", ) "\n",
        CAND("c1", ) "\n" CAND("c2", ) "\n\n" CAND("c3", ) "\n" CAND("c4", ", \"wage\": 1") "\n{\n", /* late errors */
    };
    char path[] = "/tmp/jobmatch-stream-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        FILE *f = fopen(path, "wb");
        fputs(texts[i], f);
        fclose(f);
        jm_load_options o = JM_LOAD_OPTIONS_INIT;
        o.source = path;
        jm_candidates *a, *b;
        jm_diags *da, *db;
        ck_assert_int_eq(jm_candidates_new(&a), JM_OK);
        ck_assert_int_eq(jm_candidates_new(&b), JM_OK);
        ck_assert_int_eq(jm_diags_new(&da), JM_OK);
        ck_assert_int_eq(jm_diags_new(&db), JM_OK);
        int ra = jm_candidates_load(a, texts[i], strlen(texts[i]), &o, da);
        int rb = jm_candidates_load_file(b, path, NULL, db);
        char *ta = all_diags(da), *tb = all_diags(db), *ja = NULL, *jb = NULL;
        ck_assert_msg(ra == rb, "text %zu: %d from the text, %d from the file", i, ra, rb);
        ck_assert_msg(strcmp(ta, tb) == 0, "text %zu: diagnostics differ:\n%s---\n%s", i, ta, tb);
        ck_assert_int_eq(jm_candidates_to_json(a, &ja), JM_OK);
        ck_assert_int_eq(jm_candidates_to_json(b, &jb), JM_OK);
        ck_assert_str_eq(ja, jb);
        free(ta);
        free(tb);
        jm_free(ja);
        jm_free(jb);
        jm_diags_free(da);
        jm_diags_free(db);
        jm_candidates_free(a);
        jm_candidates_free(b);
    }
    /* max_bytes on a file: refused before reading */
    FILE *f = fopen(path, "wb");
    fputs(texts[0], f);
    fclose(f);
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.max_bytes = 10;
    jm_candidates *c;
    ck_assert_int_eq(jm_candidates_new(&c), JM_OK);
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidates_load_file(c, path, &o, D), JM_ERANGE);
    ck_assert(tu_diags_has(D, "", "input too large"));
    ck_assert_uint_eq(jm_candidates_count(c), 0);
    jm_candidates_free(c);
    unlink(path);
}
END_TEST

START_TEST(first_error_code_is_returned)
{
    ck_assert_int_eq(load_c("[" CAND("c1", ", \"wage\": 1") ", " JOB("j", ) "]"), JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 2);
    ck_assert_int_eq(diag(1).code, JM_ETYPE);
}
END_TEST

START_TEST(diagnostics_are_capped)
{
    jm_buf b;
    jm_buf_init(&b);
    jm_buf_append(&b, "[");
    for (int i = 0; i < 1500; i++)
        jm_buf_printf(&b, "%s{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c%d\", \"wage\": 1}",
                      i ? "," : "", i);
    jm_buf_append(&b, "]");
    ck_assert_int_eq(load_c(b.data), JM_EINVAL);
    ck_assert_uint_eq(jm_diags_count(D), 1001);
    ck_assert(tu_diags_has(D, "[1499].wage", NULL) == 0);
    ck_assert(tu_diags_has(D, "", "too many problems"));
    jm_buf_free(&b);
}
END_TEST

START_TEST(privacy_in_documents)
{
    const char *t = "[" CAND("c1", ", \"support_needs\": [{\"type\": \"quiet_workspace\", \"intensity\": \"severe\", "
                               "\"note\": \"PRIVATE-NOTE about depression\"}]") "]";
    ck_assert_int_eq(load_c(t), JM_EINVAL);
    ck_assert(tu_diags_has(D, "[0].support_needs[0].intensity", "found 'severe'"));
    for (size_t i = 0; i < jm_diags_count(D); i++) {
        char *line = NULL;
        jm_diags_format(D, i, &line);
        ck_assert_ptr_null(strstr(line, "PRIVATE"));
        jm_free(line);
    }
    ck_assert_ptr_null(strstr(jm_last_error(), "PRIVATE"));
}
END_TEST

START_TEST(sets_round_trip)
{
    ck_assert_int_eq(load_c("[" CAND("c1", ", \"support_needs\": [{\"type\": \"mentor_or_buddy\", \"note\": \"n\"}]") ", "
                            CAND("c2", ", \"preferences\": {\"hours\": {\"min\": 4, \"max\": 8}}") "]"),
                     JM_OK);
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(jm_candidates_to_json(C, &a), JM_OK);
    ck_assert_ptr_nonnull(strstr(a, "{\n\t\"schema\":\t\"jobmatch/1\",\n\t\"candidates\":\t[{\n\t\t\t\"id\":\t\"c1\""));
    jm_candidates *c2 = NULL;
    jm_candidates_new(&c2);
    ck_assert_int_eq(jm_candidates_load(c2, a, strlen(a), NULL, D), JM_OK);
    ck_assert_uint_eq(jm_candidates_count(c2), 2);
    ck_assert_int_eq(jm_candidates_to_json(c2, &b), JM_OK);
    ck_assert_str_eq(a, b);
    jm_free(a);
    jm_free(b);
    jm_candidates_free(c2);

    ck_assert_int_eq(load_j("[" JOB("j1", ", \"wage\": 12.5") "]"), JM_OK);
    ck_assert_int_eq(jm_jobs_to_json(J, &a), JM_OK);
    jm_jobs *j2 = NULL;
    jm_jobs_new(&j2);
    ck_assert_int_eq(jm_jobs_load(j2, a, strlen(a), NULL, D), JM_OK);
    ck_assert_int_eq(jm_jobs_to_json(j2, &b), JM_OK);
    ck_assert_str_eq(a, b);
    jm_free(a);
    jm_free(b);
    jm_jobs_free(j2);
    /* an empty set is an empty collection that loads */
    jm_candidates *e = NULL;
    jm_candidates_new(&e);
    ck_assert_int_eq(jm_candidates_to_json(e, &a), JM_OK);
    ck_assert_int_eq(jm_candidates_load(e, a, strlen(a), NULL, D), JM_OK);
    jm_free(a);
    jm_candidates_free(e);
}
END_TEST

START_TEST(load_file)
{
    char path[] = "/tmp/jm_test_documents_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char *t = CAND("c1", ) "\n" CAND("c2", ", \"wage\": 1") "\n";
    ck_assert_int_eq((int)write(fd, t, strlen(t)), (int)strlen(t));
    close(fd);
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidates_load_file(C, path, NULL, D), JM_EINVAL);
    jm_diag g = diag(0);
    ck_assert_str_eq(g.source, path);
    ck_assert_int_eq(g.line, 2);
    char *line = NULL;
    jm_diags_format(D, 0, &line);
    char expect[256];
    snprintf(expect, sizeof expect, "%s:2: wage: unknown field 'wage'", path);
    ck_assert_str_eq(line, expect);
    jm_free(line);
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.source = "people";
    o.unknown_fields = JM_POLICY_WARN;
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidates_load_file(C, path, &o, D), JM_OK);
    ck_assert_str_eq(diag(0).source, "people");
    ck_assert_uint_eq(jm_candidates_count(C), 2);
    unlink(path);
    jm_diags_clear(D);
    ck_assert_int_eq(jm_jobs_load_file(J, "/nonexistent/jobs.json", NULL, D), JM_EIO);
    ck_assert_str_eq(diag(0).source, "/nonexistent/jobs.json");
}
END_TEST

START_TEST(validate)
{
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.unknown_fields = JM_POLICY_WARN; /* validate treats them as errors anyway */
    const char *ok = "{\"schema\": \"jobmatch/1\", \"candidates\": [{\"id\": \"c1\"}], \"jobs\": [{\"id\": \"c1\"}]}";
    ck_assert_int_eq(jm_validate(ok, strlen(ok), &o, D), JM_OK);
    ck_assert_int_eq(jm_validate(ok, strlen(ok), NULL, NULL), JM_OK);
    const char *bad = "[" CAND("c1", ", \"skils\": []") ", " JOB("j1", ", \"hours\": {\"min\": 9, \"max\": 1}") ", "
                      "{\"schema\": \"jobmatch/1\", \"type\": \"scoring_profile\", \"id\": \"p\", \"wieghts\": {}}, "
                      "{\"schema\": \"jobmatch/1\", \"type\": \"resume\"}, "
                      JOB("j1", ) "]";
    jm_diags_clear(D);
    ck_assert_int_eq(jm_validate(bad, strlen(bad), &o, D), JM_EINVAL);
    if (jm_diags_count_severity(D, JM_SEVERITY_ERROR) != 5)
        tu_diags_print(D);
    ck_assert_uint_eq(jm_diags_count_severity(D, JM_SEVERITY_ERROR), 5);
    ck_assert(tu_diags_has(D, "[0].skils", "did you mean 'skills'?"));
    ck_assert(tu_diags_has(D, "[1].hours.min", "expected min at most max (1), found 9"));
    ck_assert(tu_diags_has(D, "[2].wieghts", "did you mean 'weights'?"));
    ck_assert(tu_diags_has(D, "[3].type", "found 'resume'"));
    ck_assert(tu_diags_has(D, "[4].id", "duplicate id 'j1'"));
    /* a valid profile record */
    const char *prof = "{\"schema\": \"jobmatch/1\", \"type\": \"scoring_profile\", \"id\": \"mine\"}";
    jm_diags_clear(D);
    ck_assert_int_eq(jm_validate(prof, strlen(prof), NULL, D), JM_OK);
    /* a profile at the root keeps line numbers */
    const char *prof_bad = "{\"schema\": \"jobmatch/1\",\n \"type\": \"scoring_profile\",\n \"wieghts\": {}}";
    jm_diags_clear(D);
    ck_assert_int_eq(jm_validate(prof_bad, strlen(prof_bad), NULL, D), JM_EINVAL);
    ck_assert(tu_diags_has(D, "wieghts", "did you mean 'weights'?"));
    /* syntax */
    jm_diags_clear(D);
    ck_assert_int_eq(jm_validate("[1,", 3, NULL, D), JM_EPARSE);
    /* deep nesting is a clean error */
    char *deep = malloc(20001);
    for (int i = 0; i < 10000; i++) {
        deep[i] = '[';
        deep[19999 - i] = ']';
    }
    deep[20000] = '\0';
    jm_diags_clear(D);
    ck_assert_int_eq(jm_validate(deep, 20000, NULL, D), JM_EPARSE);
    ck_assert_int_eq(diag(0).column, 65);
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidates_load(C, deep, 20000, NULL, D), JM_EPARSE);
    free(deep);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("documents");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 30);
    tcase_add_test(t, single_record);
    tcase_add_test(t, array_of_records);
    tcase_add_test(t, array_errors_have_index_paths);
    tcase_add_test(t, type_checking);
    tcase_add_test(t, integer_errors_and_long_index_paths);
    tcase_add_test(t, collection);
    tcase_add_test(t, collection_errors);
    tcase_add_test(t, json_lines);
    tcase_add_test(t, json_lines_first_line_broken);
    tcase_add_test(t, single_record_syntax_error_position);
    tcase_add_test(t, duplicate_ids);
    tcase_add_test(t, ids_that_may_be_names_are_not_shown);
    tcase_add_test(t, max_bytes_refuses_larger_documents_before_parsing);
    tcase_add_test(t, a_file_loads_exactly_as_its_text);
    tcase_add_test(t, first_error_code_is_returned);
    tcase_add_test(t, diagnostics_are_capped);
    tcase_add_test(t, privacy_in_documents);
    tcase_add_test(t, sets_round_trip);
    tcase_add_test(t, load_file);
    tcase_add_test(t, validate);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
