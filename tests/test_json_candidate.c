/* Candidate records in JSON: every field, round trips, errors with paths. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "model.h"

static const char *FULL =
    "{\n"
    "  \"schema\": \"jobmatch/1\", \"type\": \"candidate\",\n"
    "  \"id\": \"c-014\",\n"
    "  \"preferences\": {\n"
    "    \"job_types\": {\n"
    "      \"wanted\": [{\"label\": \"hospital porter\", \"isco\": \"9329\", \"weight\": 1.0},\n"
    "                 {\"esco\": \"http://data.europa.eu/esco/occupation/x\", \"onet\": \"35-9021.00\", \"weight\": 0.5}],\n"
    "      \"avoided\": [{\"label\": \"cleaner\", \"isco\": \"9112\"}]\n"
    "    },\n"
    "    \"hours\": {\"min\": 12, \"ideal\": 16, \"max\": 20, \"firm\": true},\n"
    "    \"availability\": {\"mon\": [\"08:00-16:00\"], \"wed\": [\"08:00-16:00\"], \"fri\": [\"08:00-16:00\"]},\n"
    "    \"location\": {\"lat\": 51.5194, \"lon\": -0.0590, \"area\": \"Tower Hamlets\"},\n"
    "    \"commute\": {\"modes\": [\"walk\", \"public_transport\"], \"max_minutes\": 45},\n"
    "    \"wage\": {\"floor\": 11.44, \"firm\": false},\n"
    "    \"environment\": {\n"
    "      \"noise\": {\"max\": 2, \"importance\": \"high\"},\n"
    "      \"public_contact\": {\"max\": 1, \"importance\": \"must\"},\n"
    "      \"routine\": {\"min\": 3, \"importance\": \"medium\"},\n"
    "      \"pace\": {\"min\": 1, \"max\": 3}\n"
    "    },\n"
    "    \"interests\": {\"R\": 5.0, \"I\": 2.0, \"A\": 1.5, \"S\": 4.0, \"E\": 1.5, \"C\": 4.5, \"code\": \"RCS\"},\n"
    "    \"work_values\": {\"relationships\": 5, \"support\": 4, \"achievement\": 2}\n"
    "  },\n"
    "  \"skills\": [{\"id\": \"http://data.europa.eu/esco/skill/abc\", \"label\": \"move heavy loads\", \"level\": 3},\n"
    "             {\"id\": \"2.A.1.a\"}],\n"
    "  \"licences\": [\"driving_licence_b\"],\n"
    "  \"right_to_work\": true,\n"
    "  \"background_check\": false,\n"
    "  \"abilities\": {\"lifting\": 2, \"standing\": 1, \"reading\": 0},\n"
    "  \"support_needs\": [\n"
    "    {\"type\": \"structured_task_instruction\", \"intensity\": \"high\", \"essential\": true},\n"
    "    {\"type\": \"quiet_workspace\", \"note\": \"free text, kept private\"}\n"
    "  ],\n"
    "  \"benefits\": {\"max_hours_per_week\": 16, \"max_earnings\": 183, \"period\": \"month\", \"goal\": \"stay\", \"firm\": true},\n"
    "  \"work_history\": [{\"job_type\": {\"label\": \"kitchen porter\", \"isco\": \"9412\"}, \"months\": 8, \"liked\": false, \"ended\": \"quit\"},\n"
    "                   {\"job_type\": {\"label\": \"shelf stacker\"}}]\n"
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
    return tu_candidate_fails(D, json, code);
}

#define REC(body) "{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c1\", " body "}"

START_TEST(reads_every_field)
{
    jm_candidate *c = tu_candidate(FULL);
    ck_assert_str_eq(c->id, "c-014");
    ck_assert_uint_eq(c->n_wanted, 2);
    ck_assert_str_eq(c->wanted[0].occ.label, "hospital porter");
    ck_assert_str_eq(c->wanted[0].occ.isco, "9329");
    TU_NEAR(c->wanted[0].weight, 1.0);
    ck_assert_ptr_null(c->wanted[1].occ.label);
    ck_assert_str_eq(c->wanted[1].occ.esco_uri, "http://data.europa.eu/esco/occupation/x");
    ck_assert_str_eq(c->wanted[1].occ.onet, "35-9021.00");
    TU_NEAR(c->wanted[1].weight, 0.5);
    ck_assert_uint_eq(c->n_avoided, 1);
    ck_assert_str_eq(c->avoided[0].isco, "9112");
    TU_NEAR(c->hours_min, 12);
    TU_NEAR(c->hours_ideal, 16);
    TU_NEAR(c->hours_max, 20);
    ck_assert(c->hours_firm);
    ck_assert(c->has_availability);
    ck_assert_int_eq(jm_week_count(&c->availability), 3 * 16);
    ck_assert(jm_week_get(&c->availability, JM_WED * 48 + 16));  /* 08:00 */
    ck_assert(!jm_week_get(&c->availability, JM_WED * 48 + 32)); /* 16:00 */
    ck_assert(!jm_week_get(&c->availability, JM_TUE * 48 + 20));
    TU_NEAR(c->lat, 51.5194);
    TU_NEAR(c->lon, -0.0590);
    ck_assert_str_eq(c->area, "Tower Hamlets");
    ck_assert_uint_eq(c->transport, (1u << JM_TRANSPORT_WALK) | (1u << JM_TRANSPORT_PUBLIC));
    TU_NEAR(c->max_commute, 45);
    TU_NEAR(c->wage_floor, 11.44);
    ck_assert(!c->wage_firm);
    ck_assert(isnan(c->env[JM_ENV_NOISE].min));
    TU_NEAR(c->env[JM_ENV_NOISE].max, 2);
    ck_assert_int_eq(c->env[JM_ENV_NOISE].importance, JM_IMPORTANCE_HIGH);
    ck_assert_int_eq(c->env[JM_ENV_PUBLIC_CONTACT].importance, JM_IMPORTANCE_MUST);
    TU_NEAR(c->env[JM_ENV_ROUTINE].min, 3);
    ck_assert_int_eq(c->env[JM_ENV_ROUTINE].importance, JM_IMPORTANCE_MEDIUM);
    ck_assert_int_eq(c->env[JM_ENV_PACE].importance, JM_IMPORTANCE_MEDIUM); /* default */
    ck_assert_int_eq(c->env[JM_ENV_OUTDOOR].importance, 0);                 /* not given */
    ck_assert(c->interests.has_scores);
    TU_NEAR(c->interests.scores[JM_RIASEC_R], 5.0);
    TU_NEAR(c->interests.scores[JM_RIASEC_C], 4.5);
    ck_assert_str_eq(c->interests.code, "RCS");
    TU_NEAR(c->values[JM_VALUE_RELATIONSHIPS], 5);
    TU_NEAR(c->values[JM_VALUE_ACHIEVEMENT], 2);
    ck_assert(isnan(c->values[JM_VALUE_INDEPENDENCE]));
    ck_assert_uint_eq(c->n_skills, 2);
    ck_assert_str_eq(c->skills[0].label, "move heavy loads");
    TU_NEAR(c->skills[0].level, 3);
    ck_assert_ptr_null(c->skills[1].label);
    ck_assert(isnan(c->skills[1].level));
    ck_assert(c->has_licences);
    ck_assert_uint_eq(c->n_licences, 1);
    ck_assert_str_eq(c->licences[0], "driving_licence_b");
    ck_assert_int_eq(c->right_to_work, JM_YES);
    ck_assert_int_eq(c->background_check, JM_NO);
    ck_assert_uint_eq(c->n_abilities, 3);
    ck_assert_str_eq(c->abilities[0].id, "lifting");
    ck_assert_int_eq(c->abilities[0].level, 2);
    ck_assert_int_eq(c->abilities[2].level, 0);
    ck_assert(c->has_needs);
    ck_assert_uint_eq(c->n_needs, 2);
    ck_assert_str_eq(c->needs[0].type, "structured_task_instruction");
    ck_assert_int_eq(c->needs[0].intensity, JM_INTENSITY_HIGH);
    ck_assert(c->needs[0].essential);
    ck_assert_ptr_null(c->needs[0].note);
    ck_assert_int_eq(c->needs[1].intensity, JM_INTENSITY_MEDIUM); /* default */
    ck_assert(!c->needs[1].essential);
    ck_assert_str_eq(c->needs[1].note, "free text, kept private");
    ck_assert(c->benefits.set);
    TU_NEAR(c->benefits.max_hours, 16);
    TU_NEAR(c->benefits.max_earnings, 183);
    ck_assert_int_eq(c->benefits.period, JM_PERIOD_MONTH);
    ck_assert_int_eq(c->benefits.goal, JM_GOAL_STAY);
    ck_assert(c->benefits.firm);
    ck_assert_uint_eq(c->n_history, 2);
    ck_assert_str_eq(c->history[0].occ.isco, "9412");
    TU_NEAR(c->history[0].months, 8);
    ck_assert_int_eq(c->history[0].liked, JM_NO);
    ck_assert_int_eq(c->history[0].ended, JM_ENDING_QUIT);
    ck_assert(isnan(c->history[1].months));
    ck_assert_int_eq(c->history[1].liked, JM_UNKNOWN);
    ck_assert_int_eq(c->history[1].ended, JM_ENDING_UNKNOWN);
    jm_candidate_free(c);
}
END_TEST

START_TEST(minimal_record_is_all_unknown)
{
    jm_candidate *c = tu_candidate(REC("\"preferences\": null, \"skills\": null"));
    ck_assert(isnan(c->hours_min) && isnan(c->hours_max) && isnan(c->wage_floor) && isnan(c->lat));
    ck_assert(!c->has_availability && !c->has_needs && !c->has_licences && !c->benefits.set);
    ck_assert_int_eq(c->right_to_work, JM_UNKNOWN);
    ck_assert_uint_eq(c->n_skills, 0);
    char *s = NULL;
    ck_assert_int_eq(jm_candidate_to_json(c, &s), JM_OK);
    ck_assert_str_eq(s, "{\n\t\"schema\":\t\"jobmatch/1\",\n\t\"type\":\t\"candidate\",\n\t\"id\":\t\"c1\"\n}");
    jm_free(s);
    jm_candidate_free(c);
}
END_TEST

START_TEST(round_trip_full)
{
    char *a = tu_candidate_round_trip(FULL);
    /* the private note is the user's data: written back */
    ck_assert_ptr_nonnull(strstr(a, "\"note\":\t\"free text, kept private\""));
    /* deterministic order: id before preferences before skills ... work_history last */
    const char *id = strstr(a, "\"id\""), *pref = strstr(a, "\"preferences\""), *hist = strstr(a, "\"work_history\"");
    ck_assert(id && pref && hist && id < pref && pref < hist);
    /* defaults are written explicitly */
    ck_assert_ptr_nonnull(strstr(a, "\"intensity\":\t\"medium\""));
    ck_assert_ptr_nonnull(strstr(a, "\"mon\":\t[\"08:00-16:00\"]"));
    jm_candidate *c = tu_candidate(a);
    ck_assert_str_eq(c->needs[1].note, "free text, kept private");
    TU_NEAR(c->wage_floor, 11.44);
    TU_NEAR(c->lon, -0.059);
    jm_candidate_free(c);
    jm_free(a);
}
END_TEST

START_TEST(round_trip_week_past_midnight_and_rounding)
{
    char *a = tu_candidate_round_trip(REC("\"preferences\": {\"availability\": "
                                          "{\"sun\": [\"22:00-06:00\"], \"tue\": [\"08:10-12:20\", \"12:00-13:00\"], \"sat\": [\"00:00-24:00\"]}}"));
    /* Sunday night wraps into Monday; ranges are rounded outward to 30 minutes and merged */
    ck_assert_ptr_nonnull(strstr(a, "\"mon\":\t[\"00:00-06:00\"]"));
    ck_assert_ptr_nonnull(strstr(a, "\"tue\":\t[\"08:00-13:00\"]"));
    ck_assert_ptr_nonnull(strstr(a, "\"sat\":\t[\"00:00-24:00\"]"));
    ck_assert_ptr_nonnull(strstr(a, "\"sun\":\t[\"22:00-24:00\"]"));
    jm_free(a);
}
END_TEST

START_TEST(round_trip_empty_lists_are_data)
{
    char *a = tu_candidate_round_trip(REC("\"support_needs\": [], \"licences\": []"));
    ck_assert_ptr_nonnull(strstr(a, "\"support_needs\":\t[]"));
    ck_assert_ptr_nonnull(strstr(a, "\"licences\":\t[]"));
    jm_candidate *c = tu_candidate(a);
    ck_assert(c->has_needs);
    ck_assert_uint_eq(c->n_needs, 0);
    jm_candidate_free(c);
    jm_free(a);
}
END_TEST

START_TEST(round_trip_numbers_exact)
{
    char *a = tu_candidate_round_trip(REC("\"preferences\": {\"wage\": {\"floor\": 0.1}, \"location\": {\"lat\": 51.51940000000001, \"lon\": 1e-7}}"));
    jm_candidate *c = tu_candidate(a);
    ck_assert(c->wage_floor == 0.1);
    ck_assert(c->lat == 51.51940000000001);
    ck_assert(c->lon == 1e-7);
    jm_candidate_free(c);
    jm_free(a);
}
END_TEST

START_TEST(round_trip_setter_built)
{
    jm_candidate *c = NULL;
    ck_assert_int_eq(jm_candidate_new("made-by-setters", &c), JM_OK);
    ck_assert_int_eq(jm_candidate_set_hours(c, 10, NAN, 30, 0), JM_OK);
    ck_assert_int_eq(jm_candidate_add_support_need(c, "mentor_or_buddy", JM_INTENSITY_LOW, 1, "n"), JM_OK);
    ck_assert_int_eq(jm_candidate_set_benefits(c, NAN, 100, JM_PERIOD_WEEK, JM_GOAL_EXIT, 0), JM_OK);
    char *a = NULL, *b = NULL;
    ck_assert_int_eq(jm_candidate_to_json(c, &a), JM_OK);
    jm_candidate *c2 = tu_candidate(a);
    TU_NEAR(c2->hours_ideal, 20); /* the setter takes the midpoint */
    ck_assert(isnan(c2->benefits.max_hours));
    ck_assert_int_eq(c2->benefits.goal, JM_GOAL_EXIT);
    ck_assert_int_eq(jm_candidate_to_json(c2, &b), JM_OK);
    ck_assert_str_eq(a, b);
    jm_free(a);
    jm_free(b);
    jm_candidate_free(c);
    jm_candidate_free(c2);
}
END_TEST

START_TEST(hours_defaults_and_order)
{
    jm_candidate *c = tu_candidate(REC("\"preferences\": {\"hours\": {\"max\": 16}}"));
    TU_NEAR(c->hours_min, 0);
    TU_NEAR(c->hours_max, 16);
    ck_assert(isnan(c->hours_ideal));
    ck_assert(!c->hours_firm);
    jm_candidate_free(c);
    fails(REC("\"preferences\": {\"hours\": {\"min\": 20, \"max\": 12}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.hours.min", "expected min at most max (12), found 20"));
    fails(REC("\"preferences\": {\"hours\": {\"min\": 10, \"ideal\": 25, \"max\": 20}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.hours.ideal", "expected ideal at most max (20), found 25"));
    fails(REC("\"preferences\": {\"hours\": {\"max\": 200}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.hours.max", "expected a number from 0 to 168, found 200"));
    fails(REC("\"preferences\": {\"hours\": {\"min\": \"twelve\"}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.hours.min", "expected a number from 0 to 168, found a string"));
}
END_TEST

START_TEST(wrong_types_at_several_levels)
{
    size_t n = fails(REC("\"preferences\": [], \"skills\": {}, \"support_needs\": [1], "
                         "\"abilities\": {\"lifting\": 1.5}, \"right_to_work\": \"yes\", "
                         "\"work_history\": [{\"job_type\": \"porter\"}]"),
                     JM_EINVAL);
    ck_assert_uint_eq(n, 6);
    ck_assert(tu_diags_has(D, "preferences", "expected an object, found an array"));
    ck_assert(tu_diags_has(D, "skills", "expected an array, found an object"));
    ck_assert(tu_diags_has(D, "support_needs[0]", "found a number"));
    ck_assert(tu_diags_has(D, "abilities.lifting", "expected an integer from 0 to 2, found 1.5"));
    ck_assert(tu_diags_has(D, "right_to_work", "expected true or false, found a string"));
    ck_assert(tu_diags_has(D, "work_history[0].job_type", "expected an occupation object"));
}
END_TEST

START_TEST(skill_errors)
{
    fails(REC("\"skills\": [{\"id\": \"a\", \"level\": 3}, {\"id\": \"b\", \"level\": \"high\"}, {\"label\": \"x\"}, {\"id\": \"a\"}]"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "skills[1].level", "expected a number from 0 to 7, found a string"));
    ck_assert(tu_diags_has(D, "skills[2].id", "missing required field 'id'"));
    ck_assert(tu_diags_has(D, "skills[3].id", "duplicate skill id 'a' (already given at skills[0])"));
    fails(REC("\"skills\": [{\"id\": \"a\", \"level\": 7.5}]"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "skills[0].level", "found 7.5"));
}
END_TEST

/* Duplicates among many skills (the ids are hashed as they are read): the
 * first occurrence is named, a repeat of a repeat too. */
START_TEST(duplicates_among_many_skills)
{
    tu_check_duplicates_among_many_skills(D, "candidate");
}
END_TEST

START_TEST(unknown_field_with_suggestion)
{
    fails(REC("\"skils\": []"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "skils", "unknown field 'skils' (did you mean 'skills'?)"));
    fails(REC("\"preferences\": {\"hours\": {\"maximum\": 3}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.hours.maximum", "unknown field 'maximum'"));
    fails(REC("\"preferences\": {\"environment\": {\"nosie\": {\"max\": 1}}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.environment.nosie", "did you mean 'noise'?"));
    fails(REC("\"preferences\": {\"availability\": {\"monday\": [\"08:00-12:00\"]}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.availability.monday", "unknown field 'monday'"));
    /* as a warning, the record loads */
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.unknown_fields = JM_POLICY_WARN;
    jm_candidate *c = NULL;
    const char *t = REC("\"skils\": [], \"licences\": [\"x\"]");
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidate_from_json(t, strlen(t), &o, D, &c), JM_OK);
    ck_assert_uint_eq(jm_diags_count_severity(D, JM_SEVERITY_WARNING), 1);
    ck_assert_uint_eq(c->n_licences, 1);
    jm_candidate_free(c);
}
END_TEST

START_TEST(header_errors)
{
    fails("{\"schema\": \"jobmatch/1\", \"type\": \"job\", \"id\": \"j1\"}", JM_ETYPE);
    ck_assert(tu_diags_has(D, "type", "expected a candidate record, found a job record"));
    fails("{\"schema\": \"jobmatch/2\", \"type\": \"candidate\", \"id\": \"c\"}", JM_EINVAL);
    ck_assert(tu_diags_has(D, "schema", "expected \"jobmatch/1\", found 'jobmatch/2'"));
    fails("{\"type\": \"candidate\", \"id\": \"c\"}", JM_EINVAL);
    ck_assert(tu_diags_has(D, "schema", "missing required field 'schema'"));
    fails("{\"schema\": \"jobmatch/1\", \"id\": \"c\"}", JM_EINVAL);
    ck_assert(tu_diags_has(D, "type", "missing required field 'type'"));
    fails("[]", JM_EINVAL);
    ck_assert(tu_diags_has(D, "", "expected a candidate record (an object), found an array"));
    fails("{\"schema\": \"jobmatch/1\", \"type\": \"candidate\"}", JM_EINVAL);
    ck_assert(tu_diags_has(D, "id", "missing required field 'id'"));
    fails("{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"\"}", JM_EINVAL);
    ck_assert(tu_diags_has(D, "id", "expected an id of 1 to 256 bytes"));
    fails("{\"schema\": \"jobmatch/1\", \"type\": \"candidate\", \"id\": \"c\"", JM_EPARSE);
}
END_TEST

START_TEST(value_rules)
{
    fails(REC("\"preferences\": {\"job_types\": {\"wanted\": [{\"label\": \"a\", \"weight\": 0}, {\"weight\": 0.5}, {\"isco\": \"94123\"}, {\"onet\": \"35-9021\"}]}}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.job_types.wanted[0].weight", "greater than 0"));
    ck_assert(tu_diags_has(D, "preferences.job_types.wanted[1]", "expected at least one of label, esco, isco, onet"));
    ck_assert(tu_diags_has(D, "preferences.job_types.wanted[2].isco", "found '94123'"));
    ck_assert(tu_diags_has(D, "preferences.job_types.wanted[3].onet", "NN-NNNN.NN"));
    fails(REC("\"preferences\": {\"location\": {\"lat\": 51.5}, \"commute\": {\"modes\": [\"bus\"], \"max_minutes\": 0}}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.location.lon", "expected lat and lon together, found only lat"));
    ck_assert(tu_diags_has(D, "preferences.commute.modes[0]", "expected one of walk, wheelchair, cycle, public_transport, car, lift, found 'bus'"));
    ck_assert(tu_diags_has(D, "preferences.commute.max_minutes", "greater than 0"));
    fails(REC("\"preferences\": {\"environment\": {\"noise\": {\"min\": 3, \"max\": 1, \"importance\": \"vital\"}, \"pace\": {\"importance\": \"low\"}}}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.environment.noise.min", "expected min at most max (1), found 3"));
    ck_assert(tu_diags_has(D, "preferences.environment.noise.importance", "expected one of low, medium, high, must, found 'vital'"));
    ck_assert(tu_diags_has(D, "preferences.environment.pace", "expected min and/or max"));
    fails(REC("\"preferences\": {\"interests\": {\"R\": 1, \"I\": 2, \"S\": 8, \"code\": \"SS\"}, \"work_values\": {\"support\": 6}}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.interests", "missing 'A', 'E', 'C'"));
    ck_assert(tu_diags_has(D, "preferences.interests.S", "expected a number from 1 to 7, found 8"));
    ck_assert(tu_diags_has(D, "preferences.interests.code", "found 'SS'"));
    ck_assert(tu_diags_has(D, "preferences.work_values.support", "expected a number from 1 to 5, found 6"));
    fails(REC("\"benefits\": {\"period\": \"year\", \"goal\": \"leave\", \"max_earnings\": -1}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "benefits.period", "expected one of week, month, found 'year'"));
    ck_assert(tu_diags_has(D, "benefits.goal", "expected one of undecided, stay, exit, found 'leave'"));
    ck_assert(tu_diags_has(D, "benefits.max_earnings", "expected a number >= 0, found -1"));
    fails(REC("\"work_history\": [{\"job_type\": {\"label\": \"x\"}, \"ended\": \"unknown\", \"months\": -2}, {\"months\": 3}]"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "work_history[0].ended", "expected one of ongoing, quit, dismissed, contract_ended, laid_off, other"));
    ck_assert(tu_diags_has(D, "work_history[0].months", "expected a number >= 0, found -2"));
    ck_assert(tu_diags_has(D, "work_history[1].job_type", "missing required field 'job_type'"));
    fails(REC("\"preferences\": {\"availability\": {\"mon\": [\"8:00-12:00\", \"09:00-09:00\", \"10:00-24:30\", 5]}}"),
          JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.availability.mon[0]", "found '8:00-12:00'"));
    ck_assert(tu_diags_has(D, "preferences.availability.mon[1]", "end differs from its start"));
    ck_assert(tu_diags_has(D, "preferences.availability.mon[2]", "found '10:00-24:30'"));
    ck_assert(tu_diags_has(D, "preferences.availability.mon[3]", "found a number"));
}
END_TEST

START_TEST(non_finite_number)
{
    fails(REC("\"preferences\": {\"hours\": {\"max\": 1e309}}"), JM_EINVAL);
    ck_assert(tu_diags_has(D, "preferences.hours.max", "not finite"));
    fails(REC("\"preferences\": {\"hours\": {\"max\": NaN}}"), JM_EPARSE);
}
END_TEST

START_TEST(vocabulary_terms)
{
    jm_candidate *c = NULL;
    const char *t = REC("\"support_needs\": [{\"type\": \"jetpack\"}], \"abilities\": {\"juggling\": 1}");
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidate_from_json(t, strlen(t), NULL, D, &c), JM_OK);
    ck_assert_uint_eq(jm_diags_count_severity(D, JM_SEVERITY_WARNING), 2);
    ck_assert(tu_diags_has(D, "support_needs[0].type", "unknown support-need type 'jetpack'"));
    ck_assert(tu_diags_has(D, "abilities.juggling", "unknown functional dimension 'juggling'"));
    ck_assert_uint_eq(c->n_needs, 1);
    jm_candidate_free(c);
    jm_load_options o = JM_LOAD_OPTIONS_INIT;
    o.unknown_terms = JM_POLICY_ERROR;
    c = NULL;
    ck_assert_int_eq(jm_candidate_from_json(t, strlen(t), &o, D, &c), JM_EINVAL);
    ck_assert_ptr_null(c);
}
END_TEST

START_TEST(privacy_note_never_in_diagnostics)
{
    static const char *NOTE = "SECRET-DIAGNOSIS paranoid schizophrenia";
    char json[1024];
    snprintf(json, sizeof json,
             REC("\"support_needs\": [{\"type\": \"quiet workspace for %s\", \"intensity\": \"%s\", "
                 "\"essential\": \"%s\", \"note\": \"%s\", \"%s\": 1}]"),
             NOTE, NOTE, NOTE, NOTE, NOTE);
    jm_candidate *c = NULL;
    jm_diags_clear(D);
    ck_assert_int_ne(jm_candidate_from_json(json, strlen(json), NULL, D, &c), JM_OK);
    ck_assert_uint_ge(jm_diags_count(D), 3);
    for (size_t i = 0; i < jm_diags_count(D); i++) {
        char *line = NULL;
        ck_assert_int_eq(jm_diags_format(D, i, &line), JM_OK);
        ck_assert_msg(!strstr(line, "SECRET") && !strstr(line, "schizo"), "leaked: %s", line);
        jm_free(line);
    }
    ck_assert(tu_diags_has(D, "support_needs[0][?]", "unknown field '(name not shown)'"));
    ck_assert(tu_diags_has(D, "support_needs[0].type", "unknown support-need type (not in"));
    ck_assert(tu_diags_has(D, "support_needs[0].intensity", "found another string"));
    ck_assert(tu_diags_has(D, "support_needs[0].essential", "expected true or false, found a string"));
    ck_assert_ptr_null(strstr(jm_last_error(), "SECRET"));
    /* a note with a wrong type is described, not shown */
    const char *t = REC("\"support_needs\": [{\"type\": \"mentor_or_buddy\", \"note\": 5}]");
    jm_diags_clear(D);
    ck_assert_int_eq(jm_candidate_from_json(t, strlen(t), NULL, D, &c), JM_EINVAL);
    ck_assert(tu_diags_has(D, "support_needs[0].note", "expected a string, found a number"));
}
END_TEST

START_TEST(bom_and_utf8)
{
    jm_candidate *c = tu_candidate("\xEF\xBB\xBF" REC("\"preferences\": {\"location\": {\"area\": \"K\xC3\xB6ln\"}}"));
    ck_assert_str_eq(c->area, "K\xC3\xB6ln");
    jm_candidate_free(c);
    fails(REC("\"preferences\": {\"location\": {\"area\": \"K\xF6ln\"}}"), JM_EPARSE);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("json_candidate");
    TCase *t = tcase_create("core");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, reads_every_field);
    tcase_add_test(t, duplicates_among_many_skills);
    tcase_add_test(t, minimal_record_is_all_unknown);
    tcase_add_test(t, round_trip_full);
    tcase_add_test(t, round_trip_week_past_midnight_and_rounding);
    tcase_add_test(t, round_trip_empty_lists_are_data);
    tcase_add_test(t, round_trip_numbers_exact);
    tcase_add_test(t, round_trip_setter_built);
    tcase_add_test(t, hours_defaults_and_order);
    tcase_add_test(t, wrong_types_at_several_levels);
    tcase_add_test(t, skill_errors);
    tcase_add_test(t, unknown_field_with_suggestion);
    tcase_add_test(t, header_errors);
    tcase_add_test(t, value_rules);
    tcase_add_test(t, non_finite_number);
    tcase_add_test(t, vocabulary_terms);
    tcase_add_test(t, privacy_note_never_in_diagnostics);
    tcase_add_test(t, bom_and_utf8);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
