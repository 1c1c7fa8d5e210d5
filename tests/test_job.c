/* Tests of jobs built through the setters (job.c). */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "testutil.h"

static jm_job *mk(void)
{
    jm_job *j = NULL;
    TU_OK(jm_job_new("j-031", &j));
    return j;
}

START_TEST(new_and_getters)
{
    jm_job *j = mk();
    ck_assert_str_eq(jm_job_id(j), "j-031");
    ck_assert_ptr_null(jm_job_title(j));
    ck_assert_ptr_null(jm_job_employer(j));
    ck_assert_ptr_null(jm_job_id(NULL));
    ck_assert_ptr_null(jm_job_title(NULL));
    ck_assert_ptr_null(jm_job_employer(NULL));
    jm_job *out = j;
    TU_FAILS(jm_job_new("", &out), JM_EINVAL, "jm_job_new: id");
    TU_FAILS(jm_job_new("a\x7f", &out), JM_EINVAL, "id");
    TU_FAILS(jm_job_new(NULL, &out), JM_EINVAL, "id");
    TU_FAILS(jm_job_new("j", NULL), JM_EINVAL, "out");
    ck_assert_ptr_eq(out, j);
    jm_job_free(j);
    jm_job_free(NULL);
}
END_TEST

START_TEST(alloc_starts_unknown)
{
    jm_job *j = jm_job_alloc("j-1");
    ck_assert_str_eq(j->id, "j-1");
    ck_assert_ptr_null(j->title);
    ck_assert(jm_occ_is_empty(&j->occ));
    ck_assert_int_eq(j->job_zone, 0);
    ck_assert_int_eq(j->competitive, JM_UNKNOWN);
    ck_assert_int_eq(j->integrated, JM_UNKNOWN);
    ck_assert(isnan(j->wage) && isnan(j->hours_min) && isnan(j->hours_max));
    ck_assert(!j->has_schedule && jm_week_is_empty(&j->schedule));
    ck_assert(isnan(j->months_per_year));
    ck_assert(isnan(j->lat) && isnan(j->lon));
    ck_assert_int_eq(j->public_transport, JM_UNKNOWN);
    ck_assert_int_eq(j->accessible, JM_UNKNOWN);
    for (int i = 0; i < JM_ENV_COUNT; i++)
        ck_assert(isnan(j->env[i]));
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        ck_assert(isnan(j->values[i]));
    ck_assert(!j->interests.has_scores);
    ck_assert_str_eq(j->interests.code, "");
    ck_assert(!j->right_to_work && !j->background_check);
    ck_assert(!j->has_supports);
    ck_assert_int_eq(j->coach_on_site, JM_UNKNOWN);
    ck_assert(isnan(j->training_weeks));
    ck_assert_uint_eq(j->n_skills + j->n_licences + j->n_demands + j->n_offers, 0);
    jm_job_free(j);
}
END_TEST

START_TEST(null_job_is_named)
{
    jm_occupation o = { "porter", NULL, NULL, NULL };
    double six[6] = { 1, 2, 3, 4, 5, 6 };
    TU_FAILS(jm_job_set_title(NULL, "t", NULL), JM_EINVAL, "jm_job_set_title: job is NULL");
    TU_FAILS(jm_job_set_occupation(NULL, &o), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_job_zone(NULL, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_programme_flags(NULL, 1, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_wage(NULL, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_hours(NULL, 1, 2), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_add_shift(NULL, 0, 0, 60), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_months_per_year(NULL, 12), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_location(NULL, 0, 0), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_area(NULL, "x"), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_access(NULL, 1, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_environment(NULL, 0, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_interests(NULL, six, 6), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_interest_code(NULL, "R"), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_value(NULL, 0, 3), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_add_skill(NULL, "s", NULL, 1, 1, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_add_licence(NULL, "l", 0), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_legal(NULL, 1, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_demand(NULL, "lifting", 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_add_offer(NULL, "mentor"), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_coach_on_site(NULL, 1), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_training_weeks(NULL, 4), JM_EINVAL, "job is NULL");
    TU_FAILS(jm_job_set_supports_known(NULL), JM_EINVAL, "job is NULL");
    jm_job *out = NULL;
    TU_FAILS(jm_job_copy(NULL, &out), JM_EINVAL, "jm_job_copy: job is NULL");
}
END_TEST

START_TEST(title_and_occupation)
{
    jm_job *j = mk();
    TU_OK(jm_job_set_title(j, "Sterile services assistant", "barts-health"));
    ck_assert_str_eq(jm_job_title(j), "Sterile services assistant");
    ck_assert_str_eq(jm_job_employer(j), "barts-health");
    TU_FAILS(jm_job_set_title(j, "", "e"), JM_EINVAL, "jm_job_set_title: title");
    TU_FAILS(jm_job_set_title(j, "ok", "bad\nid"), JM_EINVAL, "employer_id");
    ck_assert_str_eq(jm_job_title(j), "Sterile services assistant");
    ck_assert_str_eq(jm_job_employer(j), "barts-health");
    TU_OK(jm_job_set_title(j, "Porter", NULL)); /* NULL leaves the employer unset */
    ck_assert_str_eq(jm_job_title(j), "Porter");
    ck_assert_ptr_null(jm_job_employer(j));

    jm_occupation o = { "sterile services technician", NULL, "3211", "31-9093.00" };
    TU_OK(jm_job_set_occupation(j, &o));
    ck_assert_str_eq(j->occ.isco, "3211");
    ck_assert_str_eq(j->occ.onet, "31-9093.00");
    jm_occupation o2 = { "kitchen porter", NULL, "9412", NULL };
    TU_OK(jm_job_set_occupation(j, &o2)); /* replaces */
    ck_assert_str_eq(j->occ.label, "kitchen porter");
    ck_assert_ptr_null(j->occ.onet);
    jm_occupation bad = { "x", NULL, "12345", NULL };
    TU_FAILS(jm_job_set_occupation(j, &bad), JM_EINVAL, "jm_job_set_occupation: occupation: isco");
    TU_FAILS(jm_job_set_occupation(j, NULL), JM_EINVAL, "occupation");
    ck_assert_str_eq(j->occ.isco, "9412");
    jm_job_free(j);
}
END_TEST

START_TEST(zone_flags_wage_hours_months)
{
    jm_job *j = mk();
    TU_OK(jm_job_set_job_zone(j, 2));
    ck_assert_int_eq(j->job_zone, 2);
    TU_FAILS(jm_job_set_job_zone(j, 0), JM_EINVAL, "jm_job_set_job_zone: zone (0)");
    TU_FAILS(jm_job_set_job_zone(j, 6), JM_EINVAL, "zone (6)");
    ck_assert_int_eq(j->job_zone, 2);

    TU_OK(jm_job_set_programme_flags(j, JM_YES, JM_UNKNOWN));
    ck_assert_int_eq(j->competitive, JM_YES);
    ck_assert_int_eq(j->integrated, JM_UNKNOWN);
    TU_FAILS(jm_job_set_programme_flags(j, 2, 1), JM_EINVAL, "competitive (2)");
    TU_FAILS(jm_job_set_programme_flags(j, 1, -2), JM_EINVAL, "integrated (-2)");
    ck_assert_int_eq(j->competitive, JM_YES);
    ck_assert_int_eq(j->integrated, JM_UNKNOWN);

    TU_OK(jm_job_set_wage(j, 12.10));
    TU_NEAR(j->wage, 12.10);
    TU_FAILS(jm_job_set_wage(j, -1), JM_EINVAL, "jm_job_set_wage: per_hour (-1)");
    TU_FAILS(jm_job_set_wage(j, NAN), JM_EINVAL, "per_hour");
    TU_NEAR(j->wage, 12.10);

    TU_OK(jm_job_set_hours(j, 16, 22.5));
    TU_NEAR(j->hours_min, 16);
    TU_NEAR(j->hours_max, 22.5);
    TU_FAILS(jm_job_set_hours(j, 30, 20), JM_EINVAL, "jm_job_set_hours: min (30) is greater than max (20)");
    TU_FAILS(jm_job_set_hours(j, -1, 20), JM_EINVAL, "min (-1)");
    TU_FAILS(jm_job_set_hours(j, 10, 170), JM_EINVAL, "max (170)");
    TU_FAILS(jm_job_set_hours(j, NAN, 20), JM_EINVAL, "min");
    TU_NEAR(j->hours_min, 16);
    TU_NEAR(j->hours_max, 22.5);

    TU_OK(jm_job_set_months_per_year(j, 12));
    TU_OK(jm_job_set_months_per_year(j, 1));
    TU_NEAR(j->months_per_year, 1);
    TU_FAILS(jm_job_set_months_per_year(j, 0.5), JM_EINVAL, "jm_job_set_months_per_year: months (0.5)");
    TU_FAILS(jm_job_set_months_per_year(j, 13), JM_EINVAL, "months (13)");
    TU_NEAR(j->months_per_year, 1);
    jm_job_free(j);
}
END_TEST

START_TEST(shifts)
{
    jm_job *j = mk();
    TU_OK(jm_job_add_shift(j, JM_MON, 7 * 60 + 30, 15 * 60 + 30));
    TU_OK(jm_job_add_shift(j, JM_SAT, 22 * 60, 24 * 60 + 6 * 60)); /* night shift into Sunday */
    ck_assert(j->has_schedule);
    ck_assert_int_eq(jm_week_count(&j->schedule), 16 + 16);
    ck_assert(jm_week_get(&j->schedule, 15));                   /* Mon 07:30 */
    ck_assert(!jm_week_get(&j->schedule, 31));                  /* Mon 15:30 */
    ck_assert(jm_week_get(&j->schedule, 6 * 48 + 11));          /* Sun 05:30 */
    ck_assert(!jm_week_get(&j->schedule, 6 * 48 + 12));
    TU_FAILS(jm_job_add_shift(j, 7, 0, 60), JM_EINVAL, "jm_job_add_shift: day");
    TU_FAILS(jm_job_add_shift(j, 0, 600, 500), JM_EINVAL, "end_minute");
    TU_FAILS(jm_job_add_shift(j, 0, -1, 500), JM_EINVAL, "start_minute");
    ck_assert_int_eq(jm_week_count(&j->schedule), 32);
    jm_job_free(j);
}
END_TEST

START_TEST(location_and_access)
{
    jm_job *j = mk();
    TU_OK(jm_job_set_location(j, 51.5186, -0.0590));
    TU_NEAR(j->lat, 51.5186);
    TU_FAILS(jm_job_set_location(j, -91, 0), JM_EINVAL, "jm_job_set_location: lat (-91)");
    TU_FAILS(jm_job_set_location(j, 0, 181), JM_EINVAL, "lon (181)");
    TU_NEAR(j->lon, -0.0590);
    TU_OK(jm_job_set_area(j, "Tower Hamlets"));
    ck_assert_str_eq(j->area, "Tower Hamlets");
    TU_FAILS(jm_job_set_area(j, ""), JM_EINVAL, "jm_job_set_area: area");
    ck_assert_str_eq(j->area, "Tower Hamlets");
    TU_OK(jm_job_set_access(j, JM_YES, JM_NO));
    ck_assert_int_eq(j->public_transport, JM_YES);
    ck_assert_int_eq(j->accessible, JM_NO);
    TU_FAILS(jm_job_set_access(j, 5, 1), JM_EINVAL, "jm_job_set_access: public_transport (5)");
    TU_FAILS(jm_job_set_access(j, 1, 5), JM_EINVAL, "accessible (5)");
    ck_assert_int_eq(j->accessible, JM_NO);
    jm_job_free(j);
}
END_TEST

START_TEST(environment_interests_values)
{
    jm_job *j = mk();
    TU_OK(jm_job_set_environment(j, JM_ENV_NOISE, 2));
    TU_OK(jm_job_set_environment(j, JM_ENV_ROUTINE, 4));
    TU_NEAR(j->env[JM_ENV_ROUTINE], 4);
    TU_FAILS(jm_job_set_environment(j, JM_ENV_NOISE, 4.5), JM_EINVAL, "jm_job_set_environment: level (4.5)");
    TU_FAILS(jm_job_set_environment(j, JM_ENV_NOISE, NAN), JM_EINVAL, "level");
    TU_FAILS(jm_job_set_environment(j, 8, 1), JM_EINVAL, "dimension (8)");
    TU_NEAR(j->env[JM_ENV_NOISE], 2);

    double r[6] = { 5.5, 2.0, 1.0, 2.5, 1.5, 4.5 };
    TU_OK(jm_job_set_interests(j, r, 6));
    TU_NEAR(j->interests.scores[JM_RIASEC_R], 5.5);
    r[5] = 8;
    TU_FAILS(jm_job_set_interests(j, r, 6), JM_EINVAL, "jm_job_set_interests: scores[5] (C = 8)");
    TU_NEAR(j->interests.scores[JM_RIASEC_C], 4.5);
    TU_OK(jm_job_set_interest_code(j, "RC"));
    ck_assert_str_eq(j->interests.code, "RC");
    TU_FAILS(jm_job_set_interest_code(j, "RR"), JM_EINVAL, "jm_job_set_interest_code: code repeats");
    ck_assert_str_eq(j->interests.code, "RC");

    TU_OK(jm_job_set_value(j, JM_VALUE_WORKING_CONDITIONS, 4.8));
    TU_OK(jm_job_set_value(j, JM_VALUE_RELATIONSHIPS, 7));
    TU_NEAR(j->values[JM_VALUE_WORKING_CONDITIONS], 4.8);
    TU_FAILS(jm_job_set_value(j, JM_VALUE_SUPPORT, 0.9), JM_EINVAL, "jm_job_set_value: extent (0.9)");
    TU_FAILS(jm_job_set_value(j, JM_VALUE_SUPPORT, 7.1), JM_EINVAL, "extent (7.1)");
    TU_FAILS(jm_job_set_value(j, 6, 3), JM_EINVAL, "value (6)");
    ck_assert(isnan(j->values[JM_VALUE_SUPPORT]));
    jm_job_free(j);
}
END_TEST

START_TEST(skills_licences_legal)
{
    jm_job *j = mk();
    TU_OK(jm_job_add_skill(j, "esco:sterilise", "sterilise medical instruments", 3, 1, JM_YES));
    TU_OK(jm_job_add_skill(j, "esco:teamwork", NULL, NAN, 0, JM_UNKNOWN));
    ck_assert_uint_eq(j->n_skills, 2);
    ck_assert(j->skills[0].essential);
    ck_assert_int_eq(j->skills[0].trainable, JM_YES);
    ck_assert(!j->skills[1].essential);
    ck_assert(isnan(j->skills[1].level));
    ck_assert_int_eq(j->skills[1].trainable, JM_UNKNOWN);
    TU_FAILS(jm_job_add_skill(j, "esco:teamwork", NULL, 1, 1, 1), JM_EEXISTS,
          "jm_job_add_skill: id \"esco:teamwork\" is already");
    TU_FAILS(jm_job_add_skill(j, "s3", NULL, 8, 1, 1), JM_EINVAL, "level (8)");
    TU_FAILS(jm_job_add_skill(j, "s3", NULL, 1, 1, 2), JM_EINVAL, "trainable (2)");
    TU_FAILS(jm_job_add_skill(j, "", NULL, 1, 1, 1), JM_EINVAL, "id");
    TU_FAILS(jm_job_add_skill(j, "s3", "", 1, 1, 1), JM_EINVAL, "label");
    ck_assert_uint_eq(j->n_skills, 2);

    TU_OK(jm_job_add_licence(j, "driving_licence_b", 0));
    TU_OK(jm_job_add_licence(j, "food_hygiene_l2", 1));
    ck_assert_uint_eq(j->n_licences, 2);
    ck_assert(!j->licences[0].obtainable);
    ck_assert(j->licences[1].obtainable);
    TU_FAILS(jm_job_add_licence(j, "driving_licence_b", 1), JM_EEXISTS, "jm_job_add_licence: id \"driving_licence_b\"");
    TU_FAILS(jm_job_add_licence(j, "", 1), JM_EINVAL, "id");
    ck_assert_uint_eq(j->n_licences, 2);
    ck_assert(!j->licences[0].obtainable);

    TU_OK(jm_job_set_legal(j, 1, 0));
    ck_assert(j->right_to_work);
    ck_assert(!j->background_check);
    TU_FAILS(jm_job_set_legal(j, -1, 0), JM_EINVAL, "jm_job_set_legal: right_to_work (-1)");
    TU_FAILS(jm_job_set_legal(j, 1, 2), JM_EINVAL, "background_check (2)");
    ck_assert(j->right_to_work);
    jm_job_free(j);
}
END_TEST

START_TEST(demands_and_supports)
{
    jm_job *j = mk();
    TU_OK(jm_job_set_demand(j, "lifting", 1));
    TU_OK(jm_job_set_demand(j, "standing", 2));
    TU_OK(jm_job_set_demand(j, "lifting", 0)); /* replaces */
    ck_assert_uint_eq(j->n_demands, 2);
    ck_assert_int_eq(j->demands[0].level, 0);
    TU_FAILS(jm_job_set_demand(j, "lifting", 3), JM_EINVAL, "jm_job_set_demand: level (3)");
    TU_FAILS(jm_job_set_demand(j, "", 1), JM_EINVAL, "dimension");
    ck_assert_int_eq(j->demands[0].level, 0);

    ck_assert(!j->has_supports);
    TU_FAILS(jm_job_add_offer(j, ""), JM_EINVAL, "jm_job_add_offer: offer");
    ck_assert(!j->has_supports);
    TU_OK(jm_job_add_offer(j, "mentor"));
    TU_OK(jm_job_add_offer(j, "access_to_work"));
    TU_OK(jm_job_add_offer(j, "mentor")); /* kept once */
    ck_assert(j->has_supports);
    ck_assert_uint_eq(j->n_offers, 2);
    ck_assert_str_eq(j->offers[1], "access_to_work");

    jm_job *k = mk();
    TU_OK(jm_job_set_coach_on_site(k, JM_YES));
    ck_assert(k->has_supports); /* part of the supports analysis */
    ck_assert_int_eq(k->coach_on_site, JM_YES);
    TU_FAILS(jm_job_set_coach_on_site(k, 4), JM_EINVAL, "jm_job_set_coach_on_site: allowed (4)");
    ck_assert_int_eq(k->coach_on_site, JM_YES);
    jm_job_free(k);

    k = mk();
    TU_FAILS(jm_job_set_training_weeks(k, -1), JM_EINVAL, "jm_job_set_training_weeks: weeks (-1)");
    TU_FAILS(jm_job_set_training_weeks(k, INFINITY), JM_EINVAL, "weeks");
    ck_assert(!k->has_supports);
    TU_OK(jm_job_set_training_weeks(k, 4));
    TU_NEAR(k->training_weeks, 4);
    ck_assert(k->has_supports);
    jm_job_free(k);

    k = mk();
    TU_OK(jm_job_set_supports_known(k));
    ck_assert(k->has_supports);
    ck_assert_uint_eq(k->n_offers, 0);
    jm_job_free(k);
    jm_job_free(j);
}
END_TEST

START_TEST(copy_is_deep)
{
    jm_job *j = mk();
    jm_occupation o = { "porter", "http://data.europa.eu/esco/occupation/x", "9329", "53-7062.00" };
    double r[6] = { 5, 2, 1, 2, 1, 4 };
    TU_OK(jm_job_set_title(j, "Porter", "nhs"));
    TU_OK(jm_job_set_occupation(j, &o));
    TU_OK(jm_job_set_job_zone(j, 1));
    TU_OK(jm_job_set_programme_flags(j, 1, 0));
    TU_OK(jm_job_set_wage(j, 12));
    TU_OK(jm_job_set_hours(j, 16, 24));
    TU_OK(jm_job_add_shift(j, JM_TUE, 480, 960));
    TU_OK(jm_job_set_months_per_year(j, 12));
    TU_OK(jm_job_set_location(j, 51, 0));
    TU_OK(jm_job_set_area(j, "Hackney"));
    TU_OK(jm_job_set_access(j, 1, 1));
    TU_OK(jm_job_set_environment(j, JM_ENV_PACE, 3));
    TU_OK(jm_job_set_interests(j, r, 6));
    TU_OK(jm_job_set_interest_code(j, "R"));
    TU_OK(jm_job_set_value(j, JM_VALUE_ACHIEVEMENT, 4));
    TU_OK(jm_job_add_skill(j, "s1", "carry", 2, 1, 0));
    TU_OK(jm_job_add_licence(j, "l1", 1));
    TU_OK(jm_job_set_legal(j, 1, 1));
    TU_OK(jm_job_set_demand(j, "lifting", 2));
    TU_OK(jm_job_add_offer(j, "mentor"));
    TU_OK(jm_job_set_coach_on_site(j, 1));
    TU_OK(jm_job_set_training_weeks(j, 2));

    jm_job *d = NULL;
    TU_OK(jm_job_copy(j, &d));
    ck_assert_ptr_ne(d->id, j->id);
    ck_assert_str_eq(jm_job_id(d), "j-031");
    ck_assert_str_eq(jm_job_title(d), "Porter");
    ck_assert_ptr_ne(d->title, j->title);
    ck_assert_str_eq(jm_job_employer(d), "nhs");
    ck_assert_ptr_ne(d->occ.esco_uri, j->occ.esco_uri);
    ck_assert_str_eq(d->occ.onet, "53-7062.00");
    ck_assert_int_eq(d->job_zone, 1);
    ck_assert_int_eq(d->integrated, 0);
    TU_NEAR(d->hours_max, 24);
    ck_assert_int_eq(jm_week_count(&d->schedule), 16);
    ck_assert_str_eq(d->area, "Hackney");
    TU_NEAR(d->env[JM_ENV_PACE], 3);
    ck_assert_str_eq(d->interests.code, "R");
    ck_assert_ptr_ne(d->skills, j->skills);
    ck_assert_str_eq(d->skills[0].label, "carry");
    ck_assert_int_eq(d->skills[0].trainable, 0);
    ck_assert_str_eq(d->licences[0].id, "l1");
    ck_assert(d->licences[0].obtainable);
    ck_assert_str_eq(d->demands[0].id, "lifting");
    ck_assert_ptr_ne(d->offers, j->offers);
    ck_assert_str_eq(d->offers[0], "mentor");
    ck_assert(d->has_supports);
    TU_NEAR(d->training_weeks, 2);

    TU_OK(jm_job_add_offer(d, "buddy"));
    TU_OK(jm_job_set_demand(d, "lifting", 0));
    TU_OK(jm_job_set_title(d, "Senior porter", NULL));
    ck_assert_uint_eq(j->n_offers, 1);
    ck_assert_int_eq(j->demands[0].level, 2);
    ck_assert_str_eq(jm_job_title(j), "Porter");
    ck_assert_str_eq(jm_job_employer(j), "nhs");
    jm_job_free(j);
    ck_assert_str_eq(d->skills[0].id, "s1");
    jm_job_free(d);
}
END_TEST

static Suite *suite(void)
{
    Suite *s = suite_create("job");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, new_and_getters);
    tcase_add_test(tc, alloc_starts_unknown);
    tcase_add_test(tc, null_job_is_named);
    tcase_add_test(tc, title_and_occupation);
    tcase_add_test(tc, zone_flags_wage_hours_months);
    tcase_add_test(tc, shifts);
    tcase_add_test(tc, location_and_access);
    tcase_add_test(tc, environment_interests_values);
    tcase_add_test(tc, skills_licences_legal);
    tcase_add_test(tc, demands_and_supports);
    tcase_add_test(tc, copy_is_deep);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    return tu_run(suite());
}
