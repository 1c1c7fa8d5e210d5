/* Jobs: lifecycle, deep copy, getters and the validating setters. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

#define SKILL_ID_MAX 512

static int null_job(const char *fn)
{
    return jm_fail(JM_EINVAL, "%s: job is NULL", fn);
}

static bool is_tristate(int v)
{
    return v == JM_UNKNOWN || v == JM_NO || v == JM_YES;
}

static bool in_range(double x, double lo, double hi)
{
    return isfinite(x) && x >= lo && x <= hi;
}

static bool text_ok(const char *s)
{
    return s && s[0] != '\0' && jm_utf8_valid(s, strlen(s));
}

/* ---------------------------------------------------------------------- */
/* Lifecycle                                                              */

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
    if (!out)
        return jm_fail(JM_EINVAL, "jm_job_new: out is NULL");
    if (!jm_id_valid(id))
        return jm_fail(JM_EINVAL, "jm_job_new: id must be 1..256 bytes of UTF-8 without control characters");
    jm_job *j = jm_job_alloc(id);
    if (!j)
        return jm_fail(JM_ENOMEM, "jm_job_new: out of memory");
    *out = j;
    return JM_OK;
}

static void free_skills(jm_job_skill *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].label);
    }
    free(v);
}

static void free_licences(jm_licence_req *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].id);
    free(v);
}

static void free_levels(jm_level_item *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].id);
    free(v);
}

void jm_job_free(jm_job *j)
{
    if (!j)
        return;
    free(j->id);
    free(j->employer);
    free(j->title);
    jm_occ_clear(&j->occ);
    free(j->area);
    free_skills(j->skills, j->n_skills);
    free_licences(j->licences, j->n_licences);
    free_levels(j->demands, j->n_demands);
    jm_strv_free(j->offers, j->n_offers);
    free(j);
}

static bool dup_opt(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return true;
    *dst = jm_strdup(src);
    return *dst != NULL;
}

static bool copy_skills(jm_job_skill **dst, const jm_job_skill *src, size_t n)
{
    jm_job_skill *v = n ? calloc(n, sizeof *v) : NULL;
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].level = src[i].level;
        v[i].essential = src[i].essential;
        v[i].trainable = src[i].trainable;
        if (!dup_opt(&v[i].id, src[i].id) || !dup_opt(&v[i].label, src[i].label)) {
            free_skills(v, i + 1);
            return false;
        }
    }
    *dst = v;
    return true;
}

static bool copy_licences(jm_licence_req **dst, const jm_licence_req *src, size_t n)
{
    jm_licence_req *v = n ? calloc(n, sizeof *v) : NULL;
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].obtainable = src[i].obtainable;
        if (!dup_opt(&v[i].id, src[i].id)) {
            free_licences(v, i + 1);
            return false;
        }
    }
    *dst = v;
    return true;
}

static bool copy_levels(jm_level_item **dst, const jm_level_item *src, size_t n)
{
    jm_level_item *v = n ? calloc(n, sizeof *v) : NULL;
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].level = src[i].level;
        if (!dup_opt(&v[i].id, src[i].id)) {
            free_levels(v, i + 1);
            return false;
        }
    }
    *dst = v;
    return true;
}

int jm_job_copy(const jm_job *src, jm_job **out)
{
    if (!src)
        return null_job("jm_job_copy");
    if (!out)
        return jm_fail(JM_EINVAL, "jm_job_copy: out is NULL");
    jm_job *j = malloc(sizeof *j);
    if (!j)
        return jm_fail(JM_ENOMEM, "jm_job_copy: out of memory");
    *j = *src;
    j->id = j->employer = j->title = j->area = NULL;
    j->occ.label = j->occ.esco_uri = j->occ.isco = j->occ.onet = NULL;
    j->skills = NULL;
    j->n_skills = 0;
    j->licences = NULL;
    j->n_licences = 0;
    j->demands = NULL;
    j->n_demands = 0;
    j->offers = NULL;
    j->n_offers = 0;

    bool ok = dup_opt(&j->id, src->id) && dup_opt(&j->employer, src->employer) &&
              dup_opt(&j->title, src->title) && dup_opt(&j->area, src->area) &&
              jm_occ_copy(&j->occ, &src->occ) == JM_OK;
    if (ok && (ok = copy_skills(&j->skills, src->skills, src->n_skills)))
        j->n_skills = src->n_skills;
    if (ok && (ok = copy_licences(&j->licences, src->licences, src->n_licences)))
        j->n_licences = src->n_licences;
    if (ok && (ok = copy_levels(&j->demands, src->demands, src->n_demands)))
        j->n_demands = src->n_demands;
    if (ok)
        ok = jm_strv_copy(&j->offers, &j->n_offers, src->offers, src->n_offers) == JM_OK;
    if (!ok) {
        jm_job_free(j);
        return jm_fail(JM_ENOMEM, "jm_job_copy: out of memory");
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
    if (title && !text_ok(title))
        return jm_fail(JM_EINVAL, "%s: title must be a non-empty UTF-8 string (or NULL)", fn);
    if (employer_id && !jm_id_valid(employer_id))
        return jm_fail(JM_EINVAL, "%s: employer_id must be 1..256 bytes of UTF-8 without control "
                                  "characters (or NULL)", fn);
    char *t = jm_strdup(title), *e = jm_strdup(employer_id);
    if ((title && !t) || (employer_id && !e)) {
        free(t);
        free(e);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
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
    const char *why = jm_occupation_problem(occupation);
    if (why)
        return jm_fail(JM_EINVAL, "%s: occupation: %s", fn, why);
    jm_occ o;
    if (jm_occ_from_public(&o, occupation) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
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
    if (!is_tristate(competitive))
        return jm_fail(JM_EINVAL, "%s: competitive (%d) must be -1 (unknown), 0 or 1", fn, competitive);
    if (!is_tristate(integrated))
        return jm_fail(JM_EINVAL, "%s: integrated (%d) must be -1 (unknown), 0 or 1", fn, integrated);
    j->competitive = competitive;
    j->integrated = integrated;
    return JM_OK;
}

int jm_job_set_wage(jm_job *j, double per_hour)
{
    static const char fn[] = "jm_job_set_wage";
    char a[32];
    CHECK_J(fn);
    if (!(isfinite(per_hour) && per_hour >= 0))
        return jm_fail(JM_EINVAL, "%s: per_hour (%s) must be a finite number >= 0", fn, jm_num(a, per_hour));
    j->wage = per_hour;
    return JM_OK;
}

int jm_job_set_hours(jm_job *j, double min, double max)
{
    static const char fn[] = "jm_job_set_hours";
    char a[32], b[32];
    CHECK_J(fn);
    if (!in_range(min, 0, 168))
        return jm_fail(JM_EINVAL, "%s: min (%s) must be in 0..168", fn, jm_num(a, min));
    if (!in_range(max, 0, 168))
        return jm_fail(JM_EINVAL, "%s: max (%s) must be in 0..168", fn, jm_num(a, max));
    if (min > max)
        return jm_fail(JM_EINVAL, "%s: min (%s) is greater than max (%s)", fn, jm_num(a, min),
                       jm_num(b, max));
    j->hours_min = min;
    j->hours_max = max;
    return JM_OK;
}

int jm_job_add_shift(jm_job *j, int day, int start_minute, int end_minute)
{
    static const char fn[] = "jm_job_add_shift";
    CHECK_J(fn);
    const char *why = jm_week_range_problem(day, start_minute, end_minute);
    if (why)
        return jm_fail(JM_EINVAL, "%s: %s (got day %d, %d-%d)", fn, why, day, start_minute, end_minute);
    jm_week_add(&j->schedule, day, start_minute, end_minute);
    j->has_schedule = true;
    return JM_OK;
}

int jm_job_set_months_per_year(jm_job *j, double months)
{
    static const char fn[] = "jm_job_set_months_per_year";
    char a[32];
    CHECK_J(fn);
    if (!in_range(months, 1, 12))
        return jm_fail(JM_EINVAL, "%s: months (%s) must be in 1..12", fn, jm_num(a, months));
    j->months_per_year = months;
    return JM_OK;
}

int jm_job_set_location(jm_job *j, double lat, double lon)
{
    static const char fn[] = "jm_job_set_location";
    char n[32];
    CHECK_J(fn);
    if (!in_range(lat, -90, 90))
        return jm_fail(JM_EINVAL, "%s: lat (%s) must be in -90..90", fn, jm_num(n, lat));
    if (!in_range(lon, -180, 180))
        return jm_fail(JM_EINVAL, "%s: lon (%s) must be in -180..180", fn, jm_num(n, lon));
    j->lat = lat;
    j->lon = lon;
    return JM_OK;
}

int jm_job_set_area(jm_job *j, const char *area)
{
    static const char fn[] = "jm_job_set_area";
    CHECK_J(fn);
    if (area && !text_ok(area))
        return jm_fail(JM_EINVAL, "%s: area must be a non-empty UTF-8 string (or NULL)", fn);
    if (jm_str_set(&j->area, area) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    return JM_OK;
}

int jm_job_set_access(jm_job *j, int public_transport, int accessible)
{
    static const char fn[] = "jm_job_set_access";
    CHECK_J(fn);
    if (!is_tristate(public_transport))
        return jm_fail(JM_EINVAL, "%s: public_transport (%d) must be -1 (unknown), 0 or 1", fn,
                       public_transport);
    if (!is_tristate(accessible))
        return jm_fail(JM_EINVAL, "%s: accessible (%d) must be -1 (unknown), 0 or 1", fn, accessible);
    j->public_transport = public_transport;
    j->accessible = accessible;
    return JM_OK;
}

int jm_job_set_environment(jm_job *j, int dimension, double level)
{
    static const char fn[] = "jm_job_set_environment";
    char a[32];
    CHECK_J(fn);
    if (dimension < 0 || dimension >= JM_ENV_COUNT)
        return jm_fail(JM_EINVAL, "%s: dimension (%d) is not a jm_env (0..%d)", fn, dimension,
                       JM_ENV_COUNT - 1);
    if (!in_range(level, 0, 4))
        return jm_fail(JM_EINVAL, "%s: level (%s) must be in 0..4", fn, jm_num(a, level));
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
    char a[32];
    CHECK_J(fn);
    if (value < 0 || value >= JM_VALUE_COUNT)
        return jm_fail(JM_EINVAL, "%s: value (%d) is not a jm_value (0..%d)", fn, value,
                       JM_VALUE_COUNT - 1);
    if (!in_range(extent, 1, 7))
        return jm_fail(JM_EINVAL, "%s: extent (%s) must be in 1..7", fn, jm_num(a, extent));
    j->values[value] = extent;
    return JM_OK;
}

int jm_job_add_skill(jm_job *j, const char *id, const char *label, double level, int essential,
                     int trainable)
{
    static const char fn[] = "jm_job_add_skill";
    char a[32];
    CHECK_J(fn);
    if (!jm_long_id_valid(id, SKILL_ID_MAX))
        return jm_fail(JM_EINVAL, "%s: id must be 1..512 bytes of UTF-8 without control characters", fn);
    if (label && !text_ok(label))
        return jm_fail(JM_EINVAL, "%s: label must be a non-empty UTF-8 string (or NULL)", fn);
    if (!isnan(level) && !in_range(level, 0, 7))
        return jm_fail(JM_EINVAL, "%s: level (%s) must be in 0..7 (or NaN)", fn, jm_num(a, level));
    if (!is_tristate(trainable))
        return jm_fail(JM_EINVAL, "%s: trainable (%d) must be -1 (unknown), 0 or 1", fn, trainable);
    for (size_t i = 0; i < j->n_skills; i++)
        if (strcmp(j->skills[i].id, id) == 0)
            return jm_fail(JM_EEXISTS, "%s: id \"%s\" is already among the skills", fn, id);
    char *id_copy = jm_strdup(id), *label_copy = jm_strdup(label);
    jm_job_skill *v = NULL;
    if (!id_copy || (label && !label_copy) ||
        !(v = realloc(j->skills, (j->n_skills + 1) * sizeof *v))) {
        free(id_copy);
        free(label_copy);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    }
    j->skills = v;
    v[j->n_skills].id = id_copy;
    v[j->n_skills].label = label_copy;
    v[j->n_skills].level = level;
    v[j->n_skills].essential = essential != 0;
    v[j->n_skills].trainable = trainable;
    j->n_skills++;
    return JM_OK;
}

int jm_job_add_licence(jm_job *j, const char *id, int obtainable)
{
    static const char fn[] = "jm_job_add_licence";
    CHECK_J(fn);
    if (!jm_id_valid(id))
        return jm_fail(JM_EINVAL, "%s: id must be 1..256 bytes of UTF-8 without control characters", fn);
    for (size_t i = 0; i < j->n_licences; i++)
        if (strcmp(j->licences[i].id, id) == 0)
            return jm_fail(JM_EEXISTS, "%s: id \"%s\" is already among the licences", fn, id);
    char *id_copy = jm_strdup(id);
    jm_licence_req *v = id_copy ? realloc(j->licences, (j->n_licences + 1) * sizeof *v) : NULL;
    if (!v) {
        free(id_copy);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    }
    j->licences = v;
    v[j->n_licences].id = id_copy;
    v[j->n_licences].obtainable = obtainable != 0;
    j->n_licences++;
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
    if (!jm_id_valid(dimension))
        return jm_fail(JM_EINVAL, "%s: dimension must be 1..256 bytes of UTF-8 without control "
                                  "characters", fn);
    if (level < 0 || level > 2)
        return jm_fail(JM_EINVAL, "%s: level (%d) must be 0 (low) .. 2 (high)", fn, level);
    for (size_t i = 0; i < j->n_demands; i++) {
        if (strcmp(j->demands[i].id, dimension) == 0) {
            j->demands[i].level = level;
            return JM_OK;
        }
    }
    char *id = jm_strdup(dimension);
    jm_level_item *v = id ? realloc(j->demands, (j->n_demands + 1) * sizeof *v) : NULL;
    if (!v) {
        free(id);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    }
    j->demands = v;
    v[j->n_demands].id = id;
    v[j->n_demands].level = level;
    j->n_demands++;
    return JM_OK;
}

int jm_job_add_offer(jm_job *j, const char *offer)
{
    static const char fn[] = "jm_job_add_offer";
    CHECK_J(fn);
    if (!jm_id_valid(offer))
        return jm_fail(JM_EINVAL, "%s: offer must be 1..256 bytes of UTF-8 without control characters", fn);
    if (!jm_strv_contains(j->offers, j->n_offers, offer) &&
        jm_strv_push(&j->offers, &j->n_offers, offer) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    j->has_supports = true;
    return JM_OK;
}

int jm_job_set_coach_on_site(jm_job *j, int allowed)
{
    static const char fn[] = "jm_job_set_coach_on_site";
    CHECK_J(fn);
    if (!is_tristate(allowed))
        return jm_fail(JM_EINVAL, "%s: allowed (%d) must be -1 (unknown), 0 or 1", fn, allowed);
    j->coach_on_site = allowed;
    j->has_supports = true;
    return JM_OK;
}

int jm_job_set_training_weeks(jm_job *j, double weeks)
{
    static const char fn[] = "jm_job_set_training_weeks";
    char a[32];
    CHECK_J(fn);
    if (!(isfinite(weeks) && weeks >= 0))
        return jm_fail(JM_EINVAL, "%s: weeks (%s) must be a finite number >= 0", fn, jm_num(a, weeks));
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
