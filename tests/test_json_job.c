/* Job records in JSON: every field, round trips, errors with paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "model.h"

static const char *FULL =
    "{\n"
    "  \"schema\": \"jobmatch/1\", \"type\": \"job\",\n"
    "  \"id\": \"j-031\", \"employer\": \"barts-health\", \"title\": \"Sterile services assistant\",\n"
    "  \"occupation\": {\"label\": \"sterile services technician\", \"isco\": \"3211\", \"onet\": \"31-9093.00\"},\n"
    "  \"job_zone\": 2,\n"
    "  \"competitive\": true, \"integrated\": false,\n"
    "  \"wage\": 12.10,\n"
    "  \"hours\": {\"min\": 16, \"max\": 22.5},\n"
    "  \"schedule\": {\"mon\": [\"07:30-15:30\"], \"tue\": [\"07:30-15:30\"]},\n"
    "  \"months_per_year\": 12,\n"
    "  \"location\": {\"lat\": 51.5186, \"lon\": -0.0590, \"area\": \"Tower Hamlets\", \"public_transport\": true, \"accessible\": false},\n"
    "  \"environment\": {\"noise\": 2, \"outdoor\": 0, \"pace\": 2.5, \"public_contact\": 0, \"routine\": 4},\n"
    "  \"interests\": {\"R\": 5.5, \"I\": 2.0, \"A\": 1.0, \"S\": 2.5, \"E\": 1.5, \"C\": 4.5},\n"
    "  \"work_values\": {\"achievement\": 4.2, \"working_conditions\": 4.8, \"relationships\": 5.0, \"support\": 4.5, \"independence\": 3.5, \"recognition\": 3.0},\n"
    "  \"skills\": [{\"id\": \"http://data.europa.eu/esco/skill/s1\", \"label\": \"sterilise medical instruments\", \"essential\": true, \"level\": 3, \"trainable\": true},\n"
    "             {\"id\": \"s2\", \"essential\": false, \"trainable\": false},\n"
    "             {\"id\": \"s3\"}],\n"
    "  \"legal\": {\"licences\": [{\"id\": \"driving_licence_b\", \"obtainable\": true}, \"forklift\"], \"right_to_work\": true, \"background_check\": true},\n"
    "  \"demands\": {\"lifting\": 1, \"standing\": 2},\n"
    "  \"supports\": {\"offers\": [\"modified_schedule\", \"mentor\", \"access_to_work\"], \"job_coach_on_site\": true, \"training_weeks\": 4}\n"
    "}";

static jm_diags *D;

static void setup(void)
{
    ck_assert_int_eq(jm_diags_new(&D), JM_OK);
}

static void teardown(void)
{
    jm_diags_free(D);
}

/* Loads json expecting failure with code (diagnostics in D); returns the number of errors. */
static size_t fails(const char *json, int code)
{
    return tu_job_fails(D, json, code);
}

#define REC(body) "{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"j1\", " body "}"

START_TEST(reads_every_field)
{
    jm_job *j = tu_job(FULL);
    ck_assert_str_eq(j->id, "j-031");
    ck_assert_str_eq(j->employer, "barts-health");
    ck_assert_str_eq(j->title, "Sterile services assistant");
    ck_assert_str_eq(j->occ.label, "sterile services technician");
    ck_assert_str_eq(j->occ.isco, "3211");
    ck_assert_str_eq(j->occ.onet, "31-9093.00");
    ck_assert_ptr_null(j->occ.esco_uri);
    ck_assert_int_eq(j->job_zone, 2);
    ck_assert_int_eq(j->competitive, JM_YES);
    ck_assert_int_eq(j->integrated, JM_NO);
    TU_NEAR(j->wage, 12.10);
    TU_NEAR(j->hours_min, 16);
    TU_NEAR(j->hours_max, 22.5);
    ck_assert(j->has_schedule);
    ck_assert_int_eq(jm_week_count(&j->schedule), 2 * 16);
    ck_assert(jm_week_get(&j->schedule, JM_TUE * 48 + 15));
    ck_assert(!jm_week_get(&j->schedule, JM_TUE * 48 + 31));
    TU_NEAR(j->months_per_year, 12);
    TU_NEAR(j->lat, 51.5186);
    ck_assert_str_eq(j->area, "Tower Hamlets");
    ck_assert_int_eq(j->public_transport, JM_YES);
    ck_assert_int_eq(j->accessible, JM_NO);
    TU_NEAR(j->env[JM_ENV_NOISE], 2);
    TU_NEAR(j->env[JM_ENV_PACE], 2.5);
    TU_NEAR(j->env[JM_ENV_OUTDOOR], 0);
    ck_assert(isnan(j->env[JM_ENV_TEAMWORK]));
    ck_assert(j->interests.has_scores);
    TU_NEAR(j->interests.scores[JM_RIASEC_R], 5.5);
    ck_assert_str_eq(j->interests.code, "");
    TU_NEAR(j->values[JM_VALUE_WORKING_CONDITIONS], 4.8);
    ck_assert_uint_eq(j->n_skills, 3);
    ck_assert(j->skills[0].essential);
    TU_NEAR(j->skills[0].level, 3);
    ck_assert_int_eq(j->skills[0].trainable, JM_YES);
    ck_assert(!j->skills[1].essential);
    ck_assert_int_eq(j->skills[1].trainable, JM_NO);
    ck_assert(j->skills[2].essential); /* default */
    ck_assert(isnan(j->skills[2].level));
    ck_assert_int_eq(j->skills[2].trainable, JM_UNKNOWN);
    ck_assert_uint_eq(j->n_licences, 2);
    ck_assert_str_eq(j->licences[0].id, "driving_licence_b");
    ck_assert(j->licences[0].obtainable);
    ck_assert_str_eq(j->licences[1].id, "forklift");
    ck_assert(!j->licences[1].obtainable);
    ck_assert(j->right_to_work);
    ck_assert(j->background_check);
    ck_assert_uint_eq(j->n_demands, 2);
    ck_assert_str_eq(j->demands[1].id, "standing");
    ck_assert_int_eq(j->demands[1].level, 2);
    ck_assert(j->has_supports);
    ck_assert_uint_eq(j->n_offers, 3);
    ck_assert_str_eq(j->offers[2], "access_to_work");
    ck_assert_int_eq(j->coach_on_site, JM_YES);
    TU_NEAR(j->training_weeks, 4);
    ck_assert_str_eq(jm_job_title(j), "Sterile services assistant");
    jm_job_free(j);
}
END_TEST

START_TEST(round_trip_full)
{
    char *a = tu_job_round_trip(FULL);
    /* plain-string licences are written as objects */
    ck_assert_ptr_nonnull(strstr(a, "\"id\":\t\"forklift\",\n\t\t\t\t\"obtainable\":\tfalse"));
    ck_assert_ptr_nonnull(strstr(a, "\"mon\":\t[\"07:30-15:30\"]"));
    ck_assert_ptr_nonnull(strstr(a, "\"wage\":\t12.1,"));
    jm_free(a);
}
END_TEST

START_TEST(round_trip_minimal_and_supports)
{
    char *a = tu_job_round_trip(REC("\"supports\": {}"));
    /* a present supports object is data: analysed, offers none */
    ck_assert_ptr_nonnull(strstr(a, "\"supports\":\t{\n\t\t\"offers\":\t[]\n\t}"));
    jm_free(a);
    a = tu_job_round_trip(REC("\"legal\": {}, \"location\": {\"accessible\": true}"));
    ck_assert_ptr_null(strstr(a, "\"legal\""));
    ck_assert_ptr_nonnull(strstr(a, "\"accessible\":\ttrue"));
    jm_free(a);
}
END_TEST

START_TEST(round_trip_setter_built)
{
    jm_job *j = NULL;
    ck_assert_int_eq(jm_job_new("built", &j), JM_OK);
    ck_assert_int_eq(jm_job_add_shift(j, JM_FRI, 22 * 60, 30 * 60), JM_OK);
    ck_assert_int_eq(jm_job_add_licence(j, "cscs_card", 1), JM_OK);
    ck_assert_int_eq(jm_job_set_environment(j, JM_ENV_NOISE, 3), JM_OK);
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(jm_job_to_json(j, &a), JM_OK);
    ck_assert_ptr_nonnull(strstr(a, "\"fri\":\t[\"22:00-24:00\"]"));
    ck_assert_ptr_nonnull(strstr(a, "\"sat\":\t[\"00:00-06:00\"]"));
    jm_job *j2 = tu_job(a);
    ck_assert_int_eq(jm_week_count(&j2->schedule), 16);
    ck_assert_int_eq(jm_job_to_json(j2, &b), JM_OK);
    ck_assert_str_eq(a, b);
    jm_free(a);
    jm_free(b);
    jm_job_free(j);
    jm_job_free(j2);
}
END_TEST

START_TEST(hours_rules)
{
    jm_job *j = tu_job(REC("\"hours\": {\"min\": 20}"));
    TU_NEAR(j->hours_min, 20);
    TU_NEAR(j->hours_max, 20);
    jm_job_free(j);
    fails(REC("\"hours\": {\"min\": 30, \"max\": 20}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "hours.min", "expected min at most max (20), found 30"));
    fails(REC("\"hours\": {\"max\": 169}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "hours.max", "expected a number from 0 to 168, found 169"));
}
END_TEST

START_TEST(value_rules)
{
    fails(REC("\"job_zone\": 6, \"months_per_year\": 0, \"wage\": -1, \"competitive\": 1, "
              "\"environment\": {\"noise\": 5, \"loudness\": 1}, \"work_values\": {\"support\": 7.5}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "job_zone", "expected an integer from 1 to 5, found 6"));
    ck_assert(tu_diags_has(D, "months_per_year", "expected a number from 1 to 12, found 0"));
    ck_assert(tu_diags_has(D, "wage", "expected a number >= 0, found -1"));
    ck_assert(tu_diags_has(D, "competitive", "expected true or false, found a number"));
    ck_assert(tu_diags_has(D, "environment.noise", "expected a number from 0 to 4, found 5"));
    ck_assert(tu_diags_has(D, "environment.loudness", "unknown field 'loudness'"));
    ck_assert(tu_diags_has(D, "work_values.support", "expected a number from 1 to 7, found 7.5"));
    fails(REC("\"skills\": [{\"id\": \"a\"}, {\"id\": \"a\"}, {\"id\": \"b\", \"essential\": \"yes\"}, {\"id\": \"c\", \"trainable\": null, \"level\": 8}]"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "skills[1].id", "duplicate skill id 'a'"));
    ck_assert(tu_diags_has(D, "skills[2].essential", "expected true or false"));
    ck_assert(tu_diags_has(D, "skills[3].level", "expected a number from 0 to 7, found 8"));
    fails(REC("\"legal\": {\"licences\": [5, {\"obtainable\": true}, {\"id\": \"x\", \"obtainabel\": true}], \"right_to_work\": null, \"background_check\": 1}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "legal.licences[0]", "expected a licence id or an object"));
    ck_assert(tu_diags_has(D, "legal.licences[1].id", "missing required field 'id'"));
    ck_assert(tu_diags_has(D, "legal.licences[2].obtainabel", "did you mean 'obtainable'?"));
    ck_assert(tu_diags_has(D, "legal.background_check", "expected true or false, found a number"));
    fails(REC("\"demands\": {\"lifting\": 3}, \"supports\": {\"offers\": \"mentor\", \"training_weeks\": -1}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "demands.lifting", "expected an integer from 0 to 2, found 3"));
    ck_assert(tu_diags_has(D, "supports.offers", "expected an array, found a string"));
    ck_assert(tu_diags_has(D, "supports.training_weeks", "expected a number >= 0, found -1"));
    fails(REC("\"occupation\": {}, \"schedule\": {\"mon\": \"07:00-15:00\"}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "occupation", "expected at least one of label, esco, isco, onet, found none"));
    ck_assert(tu_diags_has(D, "schedule.mon", "expected an array, found a string"));
}
END_TEST

START_TEST(unknown_terms_warn)
{
    const char *t = REC("\"supports\": {\"offers\": [\"jetpack\", \"mentor\", \"mentor\"]}, \"demands\": {\"juggling\": 2}");
    jm_job *j = NULL;
    jm_diags_clear(D);
    ck_assert_int_eq(jm_job_from_json(t, strlen(t), NULL, D, &j), JM_OK);
    ck_assert(tu_diags_has(D, "supports.offers[0]", "unknown offer 'jetpack'"));
    ck_assert(tu_diags_has(D, "demands.juggling", "unknown functional dimension 'juggling'"));
    ck_assert_uint_eq(j->n_offers, 2); /* duplicates kept once */
    jm_job_free(j);
}
END_TEST

START_TEST(type_mismatch_and_suggestion)
{
    fails("{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c1\"}", JM_ETYPE);
    ck_assert(tu_diags_has(D, "type", "expected a job record, found a candidate record"));
    fails(REC("\"tilte\": \"x\""), JM_EINVAL);
    ck_assert(tu_diags_has(D, "tilte", "unknown field 'tilte' (did you mean 'title'?)"));
    fails(REC("\"wage\": 1e309"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "wage", "not finite"));
    fails(REC("\"wage\": 1, \"wage\": 2"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "wage", "duplicate key 'wage'"));
}
END_TEST

/* Duplicates among many skills (the ids are hashed as they are read): the
 * first occurrence is named, a repeat of a repeat too. */
START_TEST(duplicates_among_many_skills)
{
    tu_check_duplicates_among_many_skills(D, "job");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("json_job");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, reads_every_field);
    tcase_add_test(t, duplicates_among_many_skills);
    tcase_add_test(t, round_trip_full);
    tcase_add_test(t, round_trip_minimal_and_supports);
    tcase_add_test(t, round_trip_setter_built);
    tcase_add_test(t, hours_rules);
    tcase_add_test(t, value_rules);
    tcase_add_test(t, unknown_terms_warn);
    tcase_add_test(t, type_mismatch_and_suggestion);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
