/* Candidates: lifecycle, deep copy and the validating setters. */
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "names.h"
#include "util.h"

#define SKILL_ID_MAX 512

static int null_candidate(const char *fn)
{
    return jm_fail(JM_EINVAL, "%s: candidate is NULL", fn);
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

jm_candidate *jm_candidate_alloc(const char *id)
{
    jm_candidate *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    if (id && !(c->id = jm_strdup(id))) {
        free(c);
        return NULL;
    }
    c->hours_min = c->hours_ideal = c->hours_max = NAN;
    c->lat = c->lon = NAN;
    c->max_commute = NAN;
    c->wage_floor = NAN;
    for (int i = 0; i < JM_ENV_COUNT; i++) {
        c->env[i].min = c->env[i].max = NAN;
        c->env[i].importance = 0;
    }
    for (int i = 0; i < JM_RIASEC_COUNT; i++)
        c->interests.scores[i] = NAN;
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        c->values[i] = NAN;
    c->right_to_work = JM_UNKNOWN;
    c->background_check = JM_UNKNOWN;
    c->benefits.set = false;
    c->benefits.max_hours = c->benefits.max_earnings = NAN;
    c->benefits.period = JM_PERIOD_WEEK;
    c->benefits.goal = JM_GOAL_UNDECIDED;
    return c;
}

int jm_candidate_new(const char *id, jm_candidate **out)
{
    if (!out)
        return jm_fail(JM_EINVAL, "jm_candidate_new: out is NULL");
    if (!jm_id_valid(id))
        return jm_fail(JM_EINVAL, "jm_candidate_new: id must be 1..256 bytes of UTF-8 without "
                                  "control characters");
    jm_candidate *c = jm_candidate_alloc(id);
    if (!c)
        return jm_fail(JM_ENOMEM, "jm_candidate_new: out of memory");
    *out = c;
    return JM_OK;
}

static void free_skills(jm_skill *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].id);
        free(v[i].label);
    }
    free(v);
}

static void free_levels(jm_level_item *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i].id);
    free(v);
}

static void free_needs(jm_need *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(v[i].type);
        free(v[i].note);
    }
    free(v);
}

static void free_wanted(jm_wanted *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jm_occ_clear(&v[i].occ);
    free(v);
}

static void free_occs(jm_occ *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jm_occ_clear(&v[i]);
    free(v);
}

static void free_history(jm_history *v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        jm_occ_clear(&v[i].occ);
    free(v);
}

void jm_candidate_free(jm_candidate *c)
{
    if (!c)
        return;
    free(c->id);
    free_wanted(c->wanted, c->n_wanted);
    free_occs(c->avoided, c->n_avoided);
    free(c->area);
    free_skills(c->skills, c->n_skills);
    jm_strv_free(c->licences, c->n_licences);
    free_levels(c->abilities, c->n_abilities);
    free_needs(c->needs, c->n_needs);
    free_history(c->history, c->n_history);
    free(c);
}

/* Copies a string that may be NULL; false on ENOMEM. */
static bool dup_opt(char **dst, const char *src)
{
    *dst = NULL;
    if (!src)
        return true;
    *dst = jm_strdup(src);
    return *dst != NULL;
}

/* Each array copier sets *dst (NULL when n is 0) or returns false with
 * nothing allocated. */
static void *alloc_array(size_t n, size_t elem)
{
    return n ? calloc(n, elem) : NULL;
}

static bool copy_wanted(jm_wanted **dst, const jm_wanted *src, size_t n)
{
    jm_wanted *v = alloc_array(n, sizeof *v);
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].weight = src[i].weight;
        if (jm_occ_copy(&v[i].occ, &src[i].occ) != JM_OK) {
            free_wanted(v, i);
            return false;
        }
    }
    *dst = v;
    return true;
}

static bool copy_occs(jm_occ **dst, const jm_occ *src, size_t n)
{
    jm_occ *v = alloc_array(n, sizeof *v);
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (jm_occ_copy(&v[i], &src[i]) != JM_OK) {
            free_occs(v, i);
            return false;
        }
    }
    *dst = v;
    return true;
}

static bool copy_skills(jm_skill **dst, const jm_skill *src, size_t n)
{
    jm_skill *v = alloc_array(n, sizeof *v);
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].level = src[i].level;
        if (!dup_opt(&v[i].id, src[i].id) || !dup_opt(&v[i].label, src[i].label)) {
            free_skills(v, i + 1);
            return false;
        }
    }
    *dst = v;
    return true;
}

static bool copy_levels(jm_level_item **dst, const jm_level_item *src, size_t n)
{
    jm_level_item *v = alloc_array(n, sizeof *v);
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

static bool copy_needs(jm_need **dst, const jm_need *src, size_t n)
{
    jm_need *v = alloc_array(n, sizeof *v);
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].intensity = src[i].intensity;
        v[i].essential = src[i].essential;
        if (!dup_opt(&v[i].type, src[i].type) || !dup_opt(&v[i].note, src[i].note)) {
            free_needs(v, i + 1);
            return false;
        }
    }
    *dst = v;
    return true;
}

static bool copy_history(jm_history **dst, const jm_history *src, size_t n)
{
    jm_history *v = alloc_array(n, sizeof *v);
    if (n && !v)
        return false;
    for (size_t i = 0; i < n; i++) {
        v[i].months = src[i].months;
        v[i].liked = src[i].liked;
        v[i].ended = src[i].ended;
        if (jm_occ_copy(&v[i].occ, &src[i].occ) != JM_OK) {
            free_history(v, i);
            return false;
        }
    }
    *dst = v;
    return true;
}

int jm_candidate_copy(const jm_candidate *src, jm_candidate **out)
{
    if (!src)
        return null_candidate("jm_candidate_copy");
    if (!out)
        return jm_fail(JM_EINVAL, "jm_candidate_copy: out is NULL");
    jm_candidate *c = malloc(sizeof *c);
    if (!c)
        return jm_fail(JM_ENOMEM, "jm_candidate_copy: out of memory");
    *c = *src;
    /* Detach every owned pointer first so that a partial copy frees cleanly. */
    c->id = NULL;
    c->wanted = NULL;
    c->n_wanted = 0;
    c->avoided = NULL;
    c->n_avoided = 0;
    c->area = NULL;
    c->skills = NULL;
    c->n_skills = 0;
    c->licences = NULL;
    c->n_licences = 0;
    c->abilities = NULL;
    c->n_abilities = 0;
    c->needs = NULL;
    c->n_needs = 0;
    c->history = NULL;
    c->n_history = 0;

    bool ok = dup_opt(&c->id, src->id) && dup_opt(&c->area, src->area);
    if (ok && (ok = copy_wanted(&c->wanted, src->wanted, src->n_wanted)))
        c->n_wanted = src->n_wanted;
    if (ok && (ok = copy_occs(&c->avoided, src->avoided, src->n_avoided)))
        c->n_avoided = src->n_avoided;
    if (ok && (ok = copy_skills(&c->skills, src->skills, src->n_skills)))
        c->n_skills = src->n_skills;
    if (ok && (ok = jm_strv_copy(&c->licences, &c->n_licences, src->licences, src->n_licences) == JM_OK))
        c->n_licences = src->n_licences;
    if (ok && (ok = copy_levels(&c->abilities, src->abilities, src->n_abilities)))
        c->n_abilities = src->n_abilities;
    if (ok && (ok = copy_needs(&c->needs, src->needs, src->n_needs)))
        c->n_needs = src->n_needs;
    if (ok && (ok = copy_history(&c->history, src->history, src->n_history)))
        c->n_history = src->n_history;
    if (!ok) {
        jm_candidate_free(c);
        return jm_fail(JM_ENOMEM, "jm_candidate_copy: out of memory");
    }
    *out = c;
    return JM_OK;
}

const char *jm_candidate_id(const jm_candidate *c)
{
    return c ? c->id : NULL;
}

/* ---------------------------------------------------------------------- */
/* Setters                                                                */

#define CHECK_C(fn)                     \
    do {                                \
        if (!c)                         \
            return null_candidate(fn);  \
    } while (0)

int jm_candidate_add_wanted(jm_candidate *c, const jm_occupation *occupation, double weight)
{
    static const char fn[] = "jm_candidate_add_wanted";
    CHECK_C(fn);
    const char *why = jm_occupation_problem(occupation);
    if (why)
        return jm_fail(JM_EINVAL, "%s: occupation: %s", fn, why);
    if (!(isfinite(weight) && weight > 0 && weight <= 1)) {
        char n[32];
        return jm_fail(JM_EINVAL, "%s: weight (%s) must be in (0, 1]", fn, jm_num(n, weight));
    }
    jm_wanted *v = realloc(c->wanted, (c->n_wanted + 1) * sizeof *v);
    if (!v)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    c->wanted = v;
    if (jm_occ_from_public(&v[c->n_wanted].occ, occupation) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    v[c->n_wanted].weight = weight;
    c->n_wanted++;
    return JM_OK;
}

int jm_candidate_add_avoided(jm_candidate *c, const jm_occupation *occupation)
{
    static const char fn[] = "jm_candidate_add_avoided";
    CHECK_C(fn);
    const char *why = jm_occupation_problem(occupation);
    if (why)
        return jm_fail(JM_EINVAL, "%s: occupation: %s", fn, why);
    jm_occ *v = realloc(c->avoided, (c->n_avoided + 1) * sizeof *v);
    if (!v)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    c->avoided = v;
    if (jm_occ_from_public(&v[c->n_avoided], occupation) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    c->n_avoided++;
    return JM_OK;
}

int jm_candidate_set_hours(jm_candidate *c, double min, double ideal, double max, int firm)
{
    static const char fn[] = "jm_candidate_set_hours";
    char a[32], b[32];
    CHECK_C(fn);
    if (!in_range(min, 0, 168))
        return jm_fail(JM_EINVAL, "%s: min (%s) must be in 0..168", fn, jm_num(a, min));
    if (!in_range(max, 0, 168))
        return jm_fail(JM_EINVAL, "%s: max (%s) must be in 0..168", fn, jm_num(a, max));
    if (min > max)
        return jm_fail(JM_EINVAL, "%s: min (%s) is greater than max (%s)", fn, jm_num(a, min),
                       jm_num(b, max));
    if (isnan(ideal)) {
        ideal = (min + max) / 2;
    } else if (!in_range(ideal, min, max)) {
        return jm_fail(JM_EINVAL, "%s: ideal (%s) must be between min (%s) and max", fn,
                       jm_num(a, ideal), jm_num(b, min));
    }
    c->hours_min = min;
    c->hours_ideal = ideal;
    c->hours_max = max;
    c->hours_firm = firm != 0;
    return JM_OK;
}

int jm_candidate_add_availability(jm_candidate *c, int day, int start_minute, int end_minute)
{
    static const char fn[] = "jm_candidate_add_availability";
    CHECK_C(fn);
    const char *why = jm_week_range_problem(day, start_minute, end_minute);
    if (why)
        return jm_fail(JM_EINVAL, "%s: %s (got day %d, %d-%d)", fn, why, day, start_minute, end_minute);
    jm_week_add(&c->availability, day, start_minute, end_minute);
    c->has_availability = true;
    return JM_OK;
}

int jm_candidate_set_location(jm_candidate *c, double lat, double lon)
{
    static const char fn[] = "jm_candidate_set_location";
    char n[32];
    CHECK_C(fn);
    if (!in_range(lat, -90, 90))
        return jm_fail(JM_EINVAL, "%s: lat (%s) must be in -90..90", fn, jm_num(n, lat));
    if (!in_range(lon, -180, 180))
        return jm_fail(JM_EINVAL, "%s: lon (%s) must be in -180..180", fn, jm_num(n, lon));
    c->lat = lat;
    c->lon = lon;
    return JM_OK;
}

int jm_candidate_set_area(jm_candidate *c, const char *area)
{
    static const char fn[] = "jm_candidate_set_area";
    CHECK_C(fn);
    if (area && !text_ok(area))
        return jm_fail(JM_EINVAL, "%s: area must be a non-empty UTF-8 string (or NULL)", fn);
    if (jm_str_set(&c->area, area) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    return JM_OK;
}

int jm_candidate_add_transport(jm_candidate *c, int mode)
{
    static const char fn[] = "jm_candidate_add_transport";
    CHECK_C(fn);
    if (mode < 0 || mode >= JM_TRANSPORT_COUNT)
        return jm_fail(JM_EINVAL, "%s: mode (%d) is not a jm_transport (0..%d)", fn, mode,
                       JM_TRANSPORT_COUNT - 1);
    c->transport |= 1u << mode;
    return JM_OK;
}

int jm_candidate_set_max_commute(jm_candidate *c, double minutes)
{
    static const char fn[] = "jm_candidate_set_max_commute";
    char n[32];
    CHECK_C(fn);
    if (!(isfinite(minutes) && minutes > 0 && minutes <= 600))
        return jm_fail(JM_EINVAL, "%s: minutes (%s) must be in (0, 600]", fn, jm_num(n, minutes));
    c->max_commute = minutes;
    return JM_OK;
}

int jm_candidate_set_wage_floor(jm_candidate *c, double per_hour, int firm)
{
    static const char fn[] = "jm_candidate_set_wage_floor";
    char n[32];
    CHECK_C(fn);
    if (!(isfinite(per_hour) && per_hour >= 0))
        return jm_fail(JM_EINVAL, "%s: per_hour (%s) must be a finite number >= 0", fn,
                       jm_num(n, per_hour));
    c->wage_floor = per_hour;
    c->wage_firm = firm != 0;
    return JM_OK;
}

int jm_candidate_set_environment(jm_candidate *c, int dimension, double min, double max, int importance)
{
    static const char fn[] = "jm_candidate_set_environment";
    char a[32], b[32];
    CHECK_C(fn);
    if (dimension < 0 || dimension >= JM_ENV_COUNT)
        return jm_fail(JM_EINVAL, "%s: dimension (%d) is not a jm_env (0..%d)", fn, dimension,
                       JM_ENV_COUNT - 1);
    if (!isnan(min) && !in_range(min, 0, 4))
        return jm_fail(JM_EINVAL, "%s: min (%s) must be in 0..4 (or NaN)", fn, jm_num(a, min));
    if (!isnan(max) && !in_range(max, 0, 4))
        return jm_fail(JM_EINVAL, "%s: max (%s) must be in 0..4 (or NaN)", fn, jm_num(a, max));
    if (isnan(min) && isnan(max))
        return jm_fail(JM_EINVAL, "%s: min and max are both NaN: give at least one", fn);
    if (!isnan(min) && !isnan(max) && min > max)
        return jm_fail(JM_EINVAL, "%s: min (%s) is greater than max (%s)", fn, jm_num(a, min),
                       jm_num(b, max));
    if (importance < JM_IMPORTANCE_LOW || importance > JM_IMPORTANCE_MUST)
        return jm_fail(JM_EINVAL, "%s: importance (%d) must be 1 (low) .. 4 (must)", fn, importance);
    c->env[dimension].min = min;
    c->env[dimension].max = max;
    c->env[dimension].importance = importance;
    return JM_OK;
}

/* Interests, shared with job.c (model.h). */
int jm_interests_set_scores(jm_interests *in, const char *fn, const double *scores, size_t n)
{
    char a[32];
    if (!scores)
        return jm_fail(JM_EINVAL, "%s: scores is NULL", fn);
    if (n != JM_RIASEC_COUNT)
        return jm_fail(JM_EINVAL, "%s: n (%zu) must be 6 (R, I, A, S, E, C)", fn, n);
    for (size_t i = 0; i < n; i++)
        if (!in_range(scores[i], 1, 7))
            return jm_fail(JM_EINVAL, "%s: scores[%zu] (%c = %s) must be in 1..7", fn, i,
                           jm_riasec_letters[i], jm_num(a, scores[i]));
    memcpy(in->scores, scores, sizeof in->scores);
    in->has_scores = true;
    return JM_OK;
}

int jm_interests_set_code(jm_interests *in, const char *fn, const char *code)
{
    if (!code)
        return jm_fail(JM_EINVAL, "%s: code is NULL", fn);
    size_t n = strlen(code);
    if (n < 1 || n > 3)
        return jm_fail(JM_EINVAL, "%s: code must be 1 to 3 letters of RIASEC", fn);
    char t[4] = { 0 };
    for (size_t i = 0; i < n; i++) {
        char ch = code[i];
        if (ch >= 'a' && ch <= 'z')
            ch = (char)(ch - 'a' + 'A');
        if (!ch || !strchr(jm_riasec_letters, ch))
            return jm_fail(JM_EINVAL, "%s: code must be 1 to 3 letters of RIASEC "
                                      "(letter %zu is not one)", fn, i + 1);
        if (memchr(t, ch, i))
            return jm_fail(JM_EINVAL, "%s: code repeats the letter %c", fn, ch);
        t[i] = ch;
    }
    memcpy(in->code, t, sizeof in->code);
    return JM_OK;
}

int jm_candidate_set_interests(jm_candidate *c, const double *scores, size_t n)
{
    static const char fn[] = "jm_candidate_set_interests";
    CHECK_C(fn);
    return jm_interests_set_scores(&c->interests, fn, scores, n);
}

int jm_candidate_set_interest_code(jm_candidate *c, const char *code)
{
    static const char fn[] = "jm_candidate_set_interest_code";
    CHECK_C(fn);
    return jm_interests_set_code(&c->interests, fn, code);
}

int jm_candidate_set_value(jm_candidate *c, int value, double importance)
{
    static const char fn[] = "jm_candidate_set_value";
    char a[32];
    CHECK_C(fn);
    if (value < 0 || value >= JM_VALUE_COUNT)
        return jm_fail(JM_EINVAL, "%s: value (%d) is not a jm_value (0..%d)", fn, value,
                       JM_VALUE_COUNT - 1);
    if (!in_range(importance, 1, 5))
        return jm_fail(JM_EINVAL, "%s: importance (%s) must be in 1..5", fn, jm_num(a, importance));
    c->values[value] = importance;
    return JM_OK;
}

int jm_candidate_add_skill(jm_candidate *c, const char *id, const char *label, double level)
{
    static const char fn[] = "jm_candidate_add_skill";
    char a[32];
    CHECK_C(fn);
    if (!jm_long_id_valid(id, SKILL_ID_MAX))
        return jm_fail(JM_EINVAL, "%s: id must be 1..512 bytes of UTF-8 without control characters", fn);
    if (label && !text_ok(label))
        return jm_fail(JM_EINVAL, "%s: label must be a non-empty UTF-8 string (or NULL)", fn);
    if (!isnan(level) && !in_range(level, 0, 7))
        return jm_fail(JM_EINVAL, "%s: level (%s) must be in 0..7 (or NaN)", fn, jm_num(a, level));
    for (size_t i = 0; i < c->n_skills; i++)
        if (strcmp(c->skills[i].id, id) == 0)
            return jm_fail(JM_EEXISTS, "%s: id \"%s\" is already among the skills", fn, id);
    char *id_copy = jm_strdup(id), *label_copy = jm_strdup(label);
    jm_skill *v = NULL;
    if (!id_copy || (label && !label_copy) ||
        !(v = realloc(c->skills, (c->n_skills + 1) * sizeof *v))) {
        free(id_copy);
        free(label_copy);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    }
    c->skills = v;
    v[c->n_skills].id = id_copy;
    v[c->n_skills].label = label_copy;
    v[c->n_skills].level = level;
    c->n_skills++;
    return JM_OK;
}

int jm_candidate_add_licence(jm_candidate *c, const char *id)
{
    static const char fn[] = "jm_candidate_add_licence";
    CHECK_C(fn);
    if (!jm_id_valid(id))
        return jm_fail(JM_EINVAL, "%s: id must be 1..256 bytes of UTF-8 without control characters", fn);
    if (!jm_strv_contains(c->licences, c->n_licences, id) &&
        jm_strv_push(&c->licences, &c->n_licences, id) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    c->has_licences = true;
    return JM_OK;
}

int jm_candidate_set_right_to_work(jm_candidate *c, int status)
{
    static const char fn[] = "jm_candidate_set_right_to_work";
    CHECK_C(fn);
    if (!is_tristate(status))
        return jm_fail(JM_EINVAL, "%s: status (%d) must be -1 (unknown), 0 or 1", fn, status);
    c->right_to_work = status;
    return JM_OK;
}

int jm_candidate_set_background_check(jm_candidate *c, int status)
{
    static const char fn[] = "jm_candidate_set_background_check";
    CHECK_C(fn);
    if (!is_tristate(status))
        return jm_fail(JM_EINVAL, "%s: status (%d) must be -1 (unknown), 0 or 1", fn, status);
    c->background_check = status;
    return JM_OK;
}

int jm_candidate_set_ability(jm_candidate *c, const char *dimension, int level)
{
    static const char fn[] = "jm_candidate_set_ability";
    CHECK_C(fn);
    if (!jm_id_valid(dimension))
        return jm_fail(JM_EINVAL, "%s: dimension must be 1..256 bytes of UTF-8 without control "
                                  "characters", fn);
    if (level < 0 || level > 2)
        return jm_fail(JM_EINVAL, "%s: level (%d) must be 0 (limited) .. 2 (full)", fn, level);
    for (size_t i = 0; i < c->n_abilities; i++) {
        if (strcmp(c->abilities[i].id, dimension) == 0) {
            c->abilities[i].level = level;
            return JM_OK;
        }
    }
    char *id = jm_strdup(dimension);
    jm_level_item *v = id ? realloc(c->abilities, (c->n_abilities + 1) * sizeof *v) : NULL;
    if (!v) {
        free(id);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    }
    c->abilities = v;
    v[c->n_abilities].id = id;
    v[c->n_abilities].level = level;
    c->n_abilities++;
    return JM_OK;
}

int jm_candidate_add_support_need(jm_candidate *c, const char *type, int intensity, int essential,
                                  const char *note)
{
    static const char fn[] = "jm_candidate_add_support_need";
    CHECK_C(fn);
    if (!jm_id_valid(type))
        return jm_fail(JM_EINVAL, "%s: type must be 1..256 bytes of UTF-8 without control characters", fn);
    if (intensity < JM_INTENSITY_LOW || intensity > JM_INTENSITY_HIGH)
        return jm_fail(JM_EINVAL, "%s: intensity (%d) must be 1 (low) .. 3 (high)", fn, intensity);
    if (note && !jm_utf8_valid(note, strlen(note)))
        return jm_fail(JM_EINVAL, "%s: note is not valid UTF-8", fn); /* never quote the note */
    char *type_copy = jm_strdup(type), *note_copy = jm_strdup(note);
    jm_need *v = NULL;
    if (!type_copy || (note && !note_copy) || !(v = realloc(c->needs, (c->n_needs + 1) * sizeof *v))) {
        free(type_copy);
        free(note_copy);
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    }
    c->needs = v;
    v[c->n_needs].type = type_copy;
    v[c->n_needs].intensity = intensity;
    v[c->n_needs].essential = essential != 0;
    v[c->n_needs].note = note_copy;
    c->n_needs++;
    c->has_needs = true;
    return JM_OK;
}

int jm_candidate_set_no_support_needs(jm_candidate *c)
{
    static const char fn[] = "jm_candidate_set_no_support_needs";
    CHECK_C(fn);
    if (c->n_needs > 0)
        return jm_fail(JM_EINVAL, "%s: the candidate already has %zu support need(s)", fn, c->n_needs);
    c->has_needs = true;
    return JM_OK;
}

int jm_candidate_set_benefits(jm_candidate *c, double max_hours_per_week, double max_earnings, int period,
                              int goal, int firm)
{
    static const char fn[] = "jm_candidate_set_benefits";
    char a[32];
    CHECK_C(fn);
    if (!isnan(max_hours_per_week) && !in_range(max_hours_per_week, 0, 168))
        return jm_fail(JM_EINVAL, "%s: max_hours_per_week (%s) must be in 0..168 (or NaN)", fn,
                       jm_num(a, max_hours_per_week));
    if (!isnan(max_earnings) && !(isfinite(max_earnings) && max_earnings >= 0))
        return jm_fail(JM_EINVAL, "%s: max_earnings (%s) must be a finite number >= 0 (or NaN)", fn,
                       jm_num(a, max_earnings));
    if (period != JM_PERIOD_WEEK && period != JM_PERIOD_MONTH)
        return jm_fail(JM_EINVAL, "%s: period (%d) must be 0 (week) or 1 (month)", fn, period);
    if (goal < JM_GOAL_UNDECIDED || goal > JM_GOAL_EXIT)
        return jm_fail(JM_EINVAL, "%s: goal (%d) must be 0 (undecided), 1 (stay) or 2 (exit)", fn, goal);
    c->benefits.set = true;
    c->benefits.max_hours = max_hours_per_week;
    c->benefits.max_earnings = max_earnings;
    c->benefits.period = period;
    c->benefits.goal = goal;
    c->benefits.firm = firm != 0;
    return JM_OK;
}

int jm_candidate_add_history(jm_candidate *c, const jm_occupation *occupation, double months, int liked,
                             int ended)
{
    static const char fn[] = "jm_candidate_add_history";
    char a[32];
    CHECK_C(fn);
    const char *why = jm_occupation_problem(occupation);
    if (why)
        return jm_fail(JM_EINVAL, "%s: occupation: %s", fn, why);
    if (!isnan(months) && !(isfinite(months) && months >= 0))
        return jm_fail(JM_EINVAL, "%s: months (%s) must be a finite number >= 0 (or NaN)", fn,
                       jm_num(a, months));
    if (!is_tristate(liked))
        return jm_fail(JM_EINVAL, "%s: liked (%d) must be -1 (unknown), 0 or 1", fn, liked);
    if (ended < JM_ENDING_UNKNOWN || ended > JM_ENDING_OTHER)
        return jm_fail(JM_EINVAL, "%s: ended (%d) is not a jm_ending (0..6)", fn, ended);
    jm_history *v = realloc(c->history, (c->n_history + 1) * sizeof *v);
    if (!v)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    c->history = v;
    if (jm_occ_from_public(&v[c->n_history].occ, occupation) != JM_OK)
        return jm_fail(JM_ENOMEM, "%s: out of memory", fn);
    v[c->n_history].months = months;
    v[c->n_history].liked = liked;
    v[c->n_history].ended = ended;
    c->n_history++;
    return JM_OK;
}
