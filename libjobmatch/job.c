/* Jobs: lifecycle, deep copy, getters and the validating setters. */
#include <stdlib.h>
#include <string.h>

#include "record.h"

static int null_job(const char *fn)
{
    return jm_fail(JM_EINVAL, "%s: job is NULL", fn);
}

/* ---------------------------------------------------------------------- */
/* Lifecycle                                                              */

bool jm_job_index_skills(jm_job *j)
{
    jm_key_ref *index;
    if (!jm_key_index_build(j->skills, j->n_skills, sizeof *j->skills, &index))
        return false;
    free(j->skill_index);
    j->skill_index = index;
    return true;
}

jm_job *jm_job_alloc(const char *id)
{
    jm_job *j = calloc(1, sizeof *j);
    if (!j)
        return NULL;
    if (id && !(j->id = jm_strdup(id))) {
        free(j);
        return NULL;
    }
    j->job_zone = 0;
    j->competitive = j->integrated = JM_UNKNOWN;
    j->wage = NAN;
    j->hours_min = j->hours_max = NAN;
    j->months_per_year = NAN;
    j->lat = j->lon = NAN;
    j->public_transport = j->accessible = JM_UNKNOWN;
    for (int i = 0; i < JM_ENV_COUNT; i++)
        j->env[i] = NAN;
    for (int i = 0; i < JM_RIASEC_COUNT; i++)
        j->interests.scores[i] = NAN;
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        j->values[i] = NAN;
    j->right_to_work = false;
    j->background_check = false;
    j->coach_on_site = JM_UNKNOWN;
    j->training_weeks = NAN;
    return j;
}

int jm_job_new(const char *id, jm_job **out)
{
    static const char fn[] = "jm_job_new";
    if (!out)
        return jm_fail(JM_EINVAL, "%s: out is NULL", fn);
    if (!jm_arg_id(fn, "id", id))
        return JM_EINVAL;
    jm_job *j = jm_job_alloc(id);
    if (!j)
        return jm_nomem(fn);
    *out = j;
    return JM_OK;
}

/* Clearing and copying one element of each owned array (record.h). */

static void skill_clear(void *item)
{
    jm_job_skill *s = item;
    free(s->id);
    free(s->label);
}

static bool skill_copy(void *dst, const void *src)
{
    jm_job_skill *d = dst;
    const jm_job_skill *s = src;
    d->level = s->level;
    d->essential = s->essential;
    d->trainable = s->trainable;
    d->key = s->key;
    return jm_dup_opt(&d->id, s->id) && jm_dup_opt(&d->label, s->label);
}

static void licence_clear(void *item)
{
    free(((jm_licence_req *)item)->id);
}

static bool licence_copy(void *dst, const void *src)
{
    jm_licence_req *d = dst;
    const jm_licence_req *s = src;
    d->obtainable = s->obtainable;
    return jm_dup_opt(&d->id, s->id);
}

#define FREE_ARRAY(v, n, clear) jm_array_free((v), (n), sizeof *(v), (clear))
#define COPY_ARRAY(dst, src, field, copy, clear)                                                   \
    jm_array_copy((void **)&(dst)->field, &(dst)->n_##field, (src)->field, (src)->n_##field,        \
                  sizeof *(src)->field, (copy), (clear))

void jm_job_free(jm_job *j)
{
    if (!j)
        return;
    free(j->id);
    free(j->employer);
    free(j->title);
    jm_occ_clear(&j->occ);
    free(j->area);
    FREE_ARRAY(j->skills, j->n_skills, skill_clear);
    free(j->skill_index);
    FREE_ARRAY(j->licences, j->n_licences, licence_clear);
    FREE_ARRAY(j->demands, j->n_demands, jm_level_clear);
    jm_strv_free(j->offers, j->n_offers);
    free(j);
}

int jm_job_copy(const jm_job *src, jm_job **out)
{
    static const char fn[] = "jm_job_copy";
    if (!src)
        return null_job(fn);
    if (!out)
        return jm_fail(JM_EINVAL, "%s: out is NULL", fn);
    jm_job *j = malloc(sizeof *j);
    if (!j)
        return jm_nomem(fn);
    *j = *src;
    j->id = j->employer = j->title = j->area = NULL;
    j->occ.label = j->occ.esco_uri = j->occ.isco = j->occ.onet = NULL;
    j->skills = NULL;
    j->n_skills = 0;
    j->skill_index = NULL;
    j->licences = NULL;
    j->n_licences = 0;
    j->demands = NULL;
    j->n_demands = 0;
    j->offers = NULL;
    j->n_offers = 0;

    bool ok = jm_dup_opt(&j->id, src->id) && jm_dup_opt(&j->employer, src->employer) &&
              jm_dup_opt(&j->title, src->title) && jm_dup_opt(&j->area, src->area) &&
              jm_occ_copy(&j->occ, &src->occ) == JM_OK &&
              COPY_ARRAY(j, src, skills, skill_copy, skill_clear) && jm_job_index_skills(j) &&
              COPY_ARRAY(j, src, licences, licence_copy, licence_clear) &&
              COPY_ARRAY(j, src, demands, jm_level_copy, jm_level_clear) &&
              jm_strv_copy(&j->offers, &j->n_offers, src->offers, src->n_offers) == JM_OK;
    if (!ok) {
        jm_job_free(j);
        return jm_nomem(fn);
    }
    *out = j;
    return JM_OK;
}

const char *jm_job_id(const jm_job *j)
{
    return j ? j->id : NULL;
}

const char *jm_job_title(const jm_job *j)
{
    return j ? j->title : NULL;
}

const char *jm_job_employer(const jm_job *j)
{
    return j ? j->employer : NULL;
}

/* ---------------------------------------------------------------------- */
/* Setters                                                                */

#define CHECK_J(fn)               \
    do {                          \
        if (!j)                   \
            return null_job(fn);  \
    } while (0)

int jm_job_set_title(jm_job *j, const char *title, const char *employer_id)
{
    static const char fn[] = "jm_job_set_title";
    CHECK_J(fn);
    if (!jm_arg_text(fn, "title", title))
        return JM_EINVAL;
    if (employer_id && !jm_id_valid(employer_id))
        return jm_fail(JM_EINVAL, "%s: employer_id must be 1..256 bytes of UTF-8 without control "
                                  "characters (or NULL)", fn);
    char *t = jm_strdup(title), *e = jm_strdup(employer_id);
    if ((title && !t) || (employer_id && !e)) {
        free(t);
        free(e);
        return jm_nomem(fn);
    }
    free(j->title);
    free(j->employer);
    j->title = t;
    j->employer = e;
    return JM_OK;
}

int jm_job_set_occupation(jm_job *j, const jm_occupation *occupation)
{
    static const char fn[] = "jm_job_set_occupation";
    CHECK_J(fn);
    if (!jm_arg_occupation(fn, occupation))
        return JM_EINVAL;
    jm_occ o;
    if (jm_occ_from_public(&o, occupation) != JM_OK)
        return jm_nomem(fn);
    jm_occ_clear(&j->occ);
    j->occ = o;
    return JM_OK;
}

int jm_job_set_job_zone(jm_job *j, int zone)
{
    static const char fn[] = "jm_job_set_job_zone";
    CHECK_J(fn);
    if (zone < 1 || zone > 5)
        return jm_fail(JM_EINVAL, "%s: zone (%d) must be in 1..5", fn, zone);
    j->job_zone = zone;
    return JM_OK;
}

int jm_job_set_programme_flags(jm_job *j, int competitive, int integrated)
{
    static const char fn[] = "jm_job_set_programme_flags";
    CHECK_J(fn);
    if (!jm_arg_tristate(fn, "competitive", competitive) || !jm_arg_tristate(fn, "integrated", integrated))
        return JM_EINVAL;
    j->competitive = competitive;
    j->integrated = integrated;
    return JM_OK;
}

int jm_job_set_wage(jm_job *j, double per_hour)
{
    static const char fn[] = "jm_job_set_wage";
    CHECK_J(fn);
    if (!jm_arg_nonneg(fn, "per_hour", per_hour, false))
        return JM_EINVAL;
    j->wage = per_hour;
    return JM_OK;
}

int jm_job_set_hours(jm_job *j, double min, double max)
{
    static const char fn[] = "jm_job_set_hours";
    CHECK_J(fn);
    if (!jm_arg_hours(fn, min, max))
        return JM_EINVAL;
    j->hours_min = min;
    j->hours_max = max;
    return JM_OK;
}

int jm_job_add_shift(jm_job *j, int day, int start_minute, int end_minute)
{
    static const char fn[] = "jm_job_add_shift";
    CHECK_J(fn);
    if (!jm_arg_week_range(fn, day, start_minute, end_minute))
        return JM_EINVAL;
    jm_week_add(&j->schedule, day, start_minute, end_minute);
    j->has_schedule = true;
    return JM_OK;
}

int jm_job_set_months_per_year(jm_job *j, double months)
{
    static const char fn[] = "jm_job_set_months_per_year";
    CHECK_J(fn);
    if (!jm_arg_range(fn, "months", months, 1, 12, false))
        return JM_EINVAL;
    j->months_per_year = months;
    return JM_OK;
}

int jm_job_set_location(jm_job *j, double lat, double lon)
{
    static const char fn[] = "jm_job_set_location";
    CHECK_J(fn);
    if (!jm_arg_location(fn, lat, lon))
        return JM_EINVAL;
    j->lat = lat;
    j->lon = lon;
    return JM_OK;
}

int jm_job_set_area(jm_job *j, const char *area)
{
    static const char fn[] = "jm_job_set_area";
    CHECK_J(fn);
    return jm_set_text(fn, "area", &j->area, area);
}

int jm_job_set_access(jm_job *j, int public_transport, int accessible)
{
    static const char fn[] = "jm_job_set_access";
    CHECK_J(fn);
    if (!jm_arg_tristate(fn, "public_transport", public_transport) ||
        !jm_arg_tristate(fn, "accessible", accessible))
        return JM_EINVAL;
    j->public_transport = public_transport;
    j->accessible = accessible;
    return JM_OK;
}

int jm_job_set_environment(jm_job *j, int dimension, double level)
{
    static const char fn[] = "jm_job_set_environment";
    CHECK_J(fn);
    if (!jm_arg_enum(fn, "dimension", dimension, JM_ENV_COUNT, "jm_env") ||
        !jm_arg_range(fn, "level", level, 0, 4, false))
        return JM_EINVAL;
    j->env[dimension] = level;
    return JM_OK;
}

int jm_job_set_interests(jm_job *j, const double *scores, size_t n)
{
    static const char fn[] = "jm_job_set_interests";
    CHECK_J(fn);
    return jm_interests_set_scores(&j->interests, fn, scores, n);
}

int jm_job_set_interest_code(jm_job *j, const char *code)
{
    static const char fn[] = "jm_job_set_interest_code";
    CHECK_J(fn);
    return jm_interests_set_code(&j->interests, fn, code);
}

int jm_job_set_value(jm_job *j, int value, double extent)
{
    static const char fn[] = "jm_job_set_value";
    CHECK_J(fn);
    if (!jm_arg_enum(fn, "value", value, JM_VALUE_COUNT, "jm_value") ||
        !jm_arg_range(fn, "extent", extent, 1, 7, false))
        return JM_EINVAL;
    j->values[value] = extent;
    return JM_OK;
}

int jm_job_add_skill(jm_job *j, const char *id, const char *label, double level, int essential,
                     int trainable)
{
    static const char fn[] = "jm_job_add_skill";
    CHECK_J(fn);
    if (!jm_arg_skill(fn, id, label, level) || !jm_arg_tristate(fn, "trainable", trainable))
        return JM_EINVAL;
    if (JM_ID_TAKEN(fn, j->skills, j->n_skills, id, "skills"))
        return JM_EEXISTS;
    jm_job_skill s = { jm_strdup(id), jm_strdup(label), level, essential != 0, trainable, jm_str_key(id) };
    if (!s.id || (label && !s.label) || !jm_append((void **)&j->skills, &j->n_skills, &s, sizeof s)) {
        skill_clear(&s);
        return jm_nomem(fn);
    }
    if (!jm_job_index_skills(j)) {
        skill_clear(&j->skills[--j->n_skills]); /* as before the call */
        return jm_nomem(fn);
    }
    return JM_OK;
}

int jm_job_add_licence(jm_job *j, const char *id, int obtainable)
{
    static const char fn[] = "jm_job_add_licence";
    CHECK_J(fn);
    if (!jm_arg_id(fn, "id", id))
        return JM_EINVAL;
    if (JM_ID_TAKEN(fn, j->licences, j->n_licences, id, "licences"))
        return JM_EEXISTS;
    jm_licence_req lr = { jm_strdup(id), obtainable != 0 };
    if (!lr.id || !jm_append((void **)&j->licences, &j->n_licences, &lr, sizeof lr)) {
        licence_clear(&lr);
        return jm_nomem(fn);
    }
    return JM_OK;
}

int jm_job_set_legal(jm_job *j, int right_to_work, int background_check)
{
    static const char fn[] = "jm_job_set_legal";
    CHECK_J(fn);
    if (right_to_work != 0 && right_to_work != 1)
        return jm_fail(JM_EINVAL, "%s: right_to_work (%d) must be 0 or 1", fn, right_to_work);
    if (background_check != 0 && background_check != 1)
        return jm_fail(JM_EINVAL, "%s: background_check (%d) must be 0 or 1", fn, background_check);
    j->right_to_work = right_to_work == 1;
    j->background_check = background_check == 1;
    return JM_OK;
}

int jm_job_set_demand(jm_job *j, const char *dimension, int level)
{
    static const char fn[] = "jm_job_set_demand";
    CHECK_J(fn);
    return jm_levels_set(fn, &j->demands, &j->n_demands, dimension, level, "low", "high");
}

int jm_job_add_offer(jm_job *j, const char *offer)
{
    static const char fn[] = "jm_job_add_offer";
    CHECK_J(fn);
    int rc = jm_strset_add(fn, "offer", &j->offers, &j->n_offers, offer);
    if (rc == JM_OK)
        j->has_supports = true;
    return rc;
}

int jm_job_set_coach_on_site(jm_job *j, int allowed)
{
    static const char fn[] = "jm_job_set_coach_on_site";
    CHECK_J(fn);
    if (!jm_arg_tristate(fn, "allowed", allowed))
        return JM_EINVAL;
    j->coach_on_site = allowed;
    j->has_supports = true;
    return JM_OK;
}

int jm_job_set_training_weeks(jm_job *j, double weeks)
{
    static const char fn[] = "jm_job_set_training_weeks";
    CHECK_J(fn);
    if (!jm_arg_nonneg(fn, "weeks", weeks, false))
        return JM_EINVAL;
    j->training_weeks = weeks;
    j->has_supports = true;
    return JM_OK;
}

int jm_job_set_supports_known(jm_job *j)
{
    static const char fn[] = "jm_job_set_supports_known";
    CHECK_J(fn);
    j->has_supports = true;
    return JM_OK;
}
