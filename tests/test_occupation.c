/* Tests of occupations (occupation.c) and the model's JSON names (names.c). */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "names.h"
#include "testutil.h"
#include "util.h"

START_TEST(isco_codes)
{
    ck_assert(jm_isco_valid("9"));
    ck_assert(jm_isco_valid("94"));
    ck_assert(jm_isco_valid("9412"));
    ck_assert(jm_isco_valid("9412.1"));
    ck_assert(jm_isco_valid("2512.4.12"));
    ck_assert(!jm_isco_valid(NULL));
    ck_assert(!jm_isco_valid(""));
    ck_assert(!jm_isco_valid("94123"));
    ck_assert(!jm_isco_valid("9412."));
    ck_assert(!jm_isco_valid(".1"));
    ck_assert(!jm_isco_valid("94a2"));
    ck_assert(!jm_isco_valid("9412..1"));
    ck_assert(!jm_isco_valid(" 9412"));
}
END_TEST

START_TEST(onet_codes)
{
    ck_assert(jm_onet_valid("35-9021.00"));
    ck_assert(jm_onet_valid("31-9093.01"));
    ck_assert(!jm_onet_valid(NULL));
    ck_assert(!jm_onet_valid("35-9021"));
    ck_assert(!jm_onet_valid("359021.00"));
    ck_assert(!jm_onet_valid("35-9021.0a"));
    ck_assert(!jm_onet_valid("35-9021.000"));
    ck_assert(!jm_onet_valid("35.9021-00"));
}
END_TEST

START_TEST(long_ids)
{
    char id[600];
    memset(id, 'x', sizeof id);
    id[512] = '\0';
    ck_assert(jm_long_id_valid(id, 512));
    ck_assert(!jm_long_id_valid(id, 256));
    id[512] = 'x';
    id[513] = '\0';
    ck_assert(!jm_long_id_valid(id, 512));
    ck_assert(!jm_long_id_valid("", 512));
    ck_assert(!jm_long_id_valid(NULL, 512));
    ck_assert(!jm_long_id_valid("a\tb", 512));
    ck_assert(!jm_long_id_valid("\xff", 512));
}
END_TEST

START_TEST(occupation_problems_name_the_member)
{
    jm_occupation o = { NULL, NULL, NULL, NULL };
    ck_assert_ptr_nonnull(strstr(jm_occupation_problem(NULL), "NULL"));
    ck_assert_ptr_nonnull(strstr(jm_occupation_problem(&o), "none of label"));
    o.label = "";
    ck_assert_ptr_nonnull(strstr(jm_occupation_problem(&o), "label"));
    o.label = "kitchen porter";
    ck_assert_ptr_null(jm_occupation_problem(&o));
    o.isco = "94120";
    ck_assert_ptr_nonnull(strstr(jm_occupation_problem(&o), "isco"));
    o.isco = "9412";
    o.onet = "35-9021";
    ck_assert_ptr_nonnull(strstr(jm_occupation_problem(&o), "onet"));
    o.onet = "35-9021.00";
    o.esco_uri = "http://x\n";
    ck_assert_ptr_nonnull(strstr(jm_occupation_problem(&o), "esco"));
    o.esco_uri = "http://data.europa.eu/esco/occupation/abc";
    ck_assert_ptr_null(jm_occupation_problem(&o));
    jm_occupation only_onet = { NULL, NULL, NULL, "35-9021.00" };
    ck_assert_ptr_null(jm_occupation_problem(&only_onet));
}
END_TEST

START_TEST(from_public_copies_deeply)
{
    char label[] = "kitchen porter";
    char isco[] = "9412";
    jm_occupation src = { label, NULL, isco, NULL };
    jm_occ o;
    ck_assert_int_eq(jm_occ_from_public(&o, &src), JM_OK);
    label[0] = 'K';
    isco[3] = '9';
    ck_assert_str_eq(o.label, "kitchen porter");
    ck_assert_str_eq(o.isco, "9412");
    ck_assert_ptr_null(o.esco_uri);
    ck_assert_ptr_null(o.onet);
    ck_assert(!jm_occ_is_empty(&o));

    jm_occ c;
    ck_assert_int_eq(jm_occ_copy(&c, &o), JM_OK);
    ck_assert_ptr_ne(c.label, o.label);
    ck_assert_str_eq(c.label, "kitchen porter");
    ck_assert_str_eq(c.isco, "9412");
    ck_assert_ptr_null(c.onet);
    jm_occ_clear(&o);
    ck_assert(jm_occ_is_empty(&o));
    ck_assert_ptr_null(o.label);
    ck_assert_str_eq(c.label, "kitchen porter"); /* the copy lives on */
    jm_occ_clear(&c);
    jm_occ_clear(&c); /* clearing twice is harmless */
    ck_assert(jm_occ_is_empty(NULL));
}
END_TEST

START_TEST(from_public_rejects_invalid)
{
    jm_occupation bad = { "porter", NULL, "9x", NULL };
    jm_occ o = { NULL, NULL, NULL, NULL };
    ck_assert_int_eq(jm_occ_from_public(&o, &bad), JM_EINVAL);
    ck_assert_ptr_nonnull(strstr(jm_last_error(), "isco"));
    ck_assert(jm_occ_is_empty(&o));
    ck_assert_int_eq(jm_occ_from_public(&o, NULL), JM_EINVAL);
}
END_TEST

START_TEST(model_names)
{
    ck_assert_str_eq(jm_env_name(JM_ENV_NOISE), "noise");
    ck_assert_str_eq(jm_env_name(JM_ENV_TIME_PRESSURE), "time_pressure");
    ck_assert_str_eq(jm_env_name(JM_ENV_PUBLIC_CONTACT), "public_contact");
    ck_assert_str_eq(jm_env_name(JM_ENV_ROUTINE), "routine");
    ck_assert_ptr_null(jm_env_name(JM_ENV_COUNT));
    ck_assert_ptr_null(jm_env_name(-1));
    ck_assert_str_eq(jm_transport_name(JM_TRANSPORT_PUBLIC), "public_transport");
    ck_assert_str_eq(jm_transport_name(JM_TRANSPORT_LIFT), "lift");
    ck_assert_ptr_null(jm_transport_name(JM_TRANSPORT_COUNT));
    ck_assert_str_eq(jm_value_name(JM_VALUE_WORKING_CONDITIONS), "working_conditions");
    ck_assert_str_eq(jm_value_name(JM_VALUE_INDEPENDENCE), "independence");
    ck_assert_ptr_null(jm_value_name(6));
    ck_assert_str_eq(jm_provider_name(JM_PROVIDER_UNMET), "unmet");
    ck_assert_str_eq(jm_provider_name(JM_PROVIDER_JOB_COACH), "job_coach");
    ck_assert_str_eq(jm_provider_name(JM_PROVIDER_TO_NEGOTIATE), "to_negotiate");
    ck_assert_ptr_null(jm_provider_name(7));
    ck_assert_ptr_null(jm_provider_name(-1));
}
END_TEST

START_TEST(factor_names_round_trip)
{
    static const char *const expected[JM_FACTOR_COUNT] = {
        "job_type", "hours", "schedule", "commute", "environment", "interests", "work_values",
        "wage", "benefits", "skills", "functional", "support", "legal", "programme",
    };
    int preferences = 0;
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        ck_assert_str_eq(jm_factor_name(f), expected[f]);
        ck_assert_int_eq(jm_factor_from_name(expected[f]), f);
        preferences += jm_factor_is_preference(f) != 0;
    }
    ck_assert_int_eq(preferences, 8);
    ck_assert(jm_factor_is_preference(JM_FACTOR_WAGE));
    ck_assert(jm_factor_is_preference(JM_FACTOR_JOB_TYPE));
    ck_assert(!jm_factor_is_preference(JM_FACTOR_BENEFITS));
    ck_assert(!jm_factor_is_preference(JM_FACTOR_SKILLS));
    ck_assert(!jm_factor_is_preference(JM_FACTOR_SUPPORT));
    ck_assert(!jm_factor_is_preference(-1));
    ck_assert(!jm_factor_is_preference(JM_FACTOR_COUNT));
    ck_assert_ptr_null(jm_factor_name(JM_FACTOR_COUNT));
    ck_assert_int_eq(jm_factor_from_name("Hours"), -1);
    ck_assert_int_eq(jm_factor_from_name("skill"), -1);
    ck_assert_int_eq(jm_factor_from_name(NULL), -1);
}
END_TEST

START_TEST(internal_tables)
{
    ck_assert_int_eq(jm_name_index(jm_day_names, JM_DAY_COUNT, "mon"), JM_MON);
    ck_assert_int_eq(jm_name_index(jm_day_names, JM_DAY_COUNT, "sun"), JM_SUN);
    ck_assert_int_eq(jm_name_index(jm_day_names, JM_DAY_COUNT, "Mon"), -1);
    ck_assert_ptr_null(jm_intensity_names[0]);
    ck_assert_int_eq(jm_name_index(jm_intensity_names, JM_INTENSITY_NAMES, "low"), JM_INTENSITY_LOW);
    ck_assert_int_eq(jm_name_index(jm_intensity_names, JM_INTENSITY_NAMES, "high"), JM_INTENSITY_HIGH);
    ck_assert_int_eq(jm_name_index(jm_importance_names, JM_IMPORTANCE_NAMES, "must"), JM_IMPORTANCE_MUST);
    ck_assert_int_eq(jm_name_index(jm_importance_names, JM_IMPORTANCE_NAMES, "medium"),
                     JM_IMPORTANCE_MEDIUM);
    ck_assert_int_eq(jm_name_index(jm_goal_names, JM_GOAL_COUNT, "exit"), JM_GOAL_EXIT);
    ck_assert_int_eq(jm_name_index(jm_goal_names, JM_GOAL_COUNT, "undecided"), JM_GOAL_UNDECIDED);
    ck_assert_int_eq(jm_name_index(jm_period_names, JM_PERIOD_COUNT, "month"), JM_PERIOD_MONTH);
    ck_assert_int_eq(jm_name_index(jm_ending_names, JM_ENDING_COUNT, "contract_ended"),
                     JM_ENDING_CONTRACT_ENDED);
    ck_assert_int_eq(jm_name_index(jm_ending_names, JM_ENDING_COUNT, "laid_off"), JM_ENDING_LAID_OFF);
    ck_assert_int_eq(jm_name_index(jm_env_names, JM_ENV_COUNT, "teamwork"), JM_ENV_TEAMWORK);
    ck_assert_int_eq(jm_name_index(jm_transport_names, JM_TRANSPORT_COUNT, "wheelchair"),
                     JM_TRANSPORT_WHEELCHAIR);
    ck_assert_int_eq(jm_name_index(jm_value_names, JM_VALUE_COUNT, "relationships"),
                     JM_VALUE_RELATIONSHIPS);
    ck_assert_int_eq(jm_name_index(jm_day_names, JM_DAY_COUNT, NULL), -1);
    ck_assert_str_eq(jm_riasec_letters, "RIASEC");
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("occupation");
    TCase *tc = tcase_create("occupation");
    tcase_add_test(tc, isco_codes);
    tcase_add_test(tc, onet_codes);
    tcase_add_test(tc, long_ids);
    tcase_add_test(tc, occupation_problems_name_the_member);
    tcase_add_test(tc, from_public_copies_deeply);
    tcase_add_test(tc, from_public_rejects_invalid);
    suite_add_tcase(s, tc);
    TCase *tn = tcase_create("names");
    tcase_add_test(tn, model_names);
    tcase_add_test(tn, factor_names_round_trip);
    tcase_add_test(tn, internal_tables);
    suite_add_tcase(s, tn);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
