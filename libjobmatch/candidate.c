/* Candidates: lifecycle, deep copy and the validating setters. */
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "record.h"

static int null_candidate(const char *fn)
{
    return jm_fail(JM_EINVAL, "%s: candidate is NULL", fn);
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
    static const char fn[] = "jm_candidate_new";
    if (!out)
        return jm_fail(JM_EINVAL, "%s: out is NULL", fn);
    if (!jm_arg_id(fn, "id", id))
        return JM_EINVAL;
    jm_candidate *c = jm_candidate_alloc(id);
    if (!c)
        return jm_nomem(fn);
    *out = c;
    return JM_OK;
}

/* Clearing and copying one element of each owned array (record.h): a copy
 * fills a zeroed element and returns false on ENOMEM. */

static void skill_clear(void *item)
{
    jm_skill *s = item;
    free(s->id);
    free(s->label);
}

static bool skill_copy(void *dst, const void *src)
{
    jm_skill *d = dst;
    const jm_skill *s = src;
    d->level = s->level;
    d->key = s->key;
    return jm_dup_opt(&d->id, s->id) && jm_dup_opt(&d->label, s->label);
}

bool jm_candidate_index_skills(jm_candidate *c)
{
    jm_key_ref *index;
    if (!jm_key_index_build(c->skills, c->n_skills, sizeof *c->skills, &index))
        return false;
    free(c->skill_index);
    c->skill_index = index;
    return true;
}

const jm_skill *jm_candidate_find_skill(const jm_candidate *c, const char *id, uint64_t key)
{
    long i = jm_key_index_find(c->skill_index, c->skills, c->n_skills, sizeof *c->skills, id, key);
    return i >= 0 ? &c->skills[i] : NULL;
}

static void need_clear(void *item)
{
    jm_need *nd = item;
    free(nd->type);
    free(nd->note);
}

static bool need_copy(void *dst, const void *src)
{
    jm_need *d = dst;
    const jm_need *s = src;
    d->intensity = s->intensity;
    d->essential = s->essential;
    return jm_dup_opt(&d->type, s->type) && jm_dup_opt(&d->note, s->note);
}

static void wanted_clear(void *item)
{
    jm_occ_clear(&((jm_wanted *)item)->occ);
}

static bool wanted_copy(void *dst, const void *src)
{
    jm_wanted *d = dst;
    const jm_wanted *s = src;
    d->weight = s->weight;
    return jm_occ_copy(&d->occ, &s->occ) == JM_OK;
}

static void occ_clear(void *item)
{
    jm_occ_clear(item);
}

static bool occ_copy(void *dst, const void *src)
{
    return jm_occ_copy(dst, src) == JM_OK;
}

static void history_clear(void *item)
{
    jm_occ_clear(&((jm_history *)item)->occ);
}

static bool history_copy(void *dst, const void *src)
{
    jm_history *d = dst;
    const jm_history *s = src;
    d->months = s->months;
    d->liked = s->liked;
    d->ended = s->ended;
    return jm_occ_copy(&d->occ, &s->occ) == JM_OK;
}

#define FREE_ARRAY(v, n, clear) jm_array_free((v), (n), sizeof *(v), (clear))
#define COPY_ARRAY(dst, src, field, copy, clear)                                                   \
    jm_array_copy((void **)&(dst)->field, &(dst)->n_##field, (src)->field, (src)->n_##field,        \
                  sizeof *(src)->field, (copy), (clear))

void jm_candidate_free(jm_candidate *c)
{
    if (!c)
        return;
    free(c->id);
    FREE_ARRAY(c->wanted, c->n_wanted, wanted_clear);
    FREE_ARRAY(c->avoided, c->n_avoided, occ_clear);
    free(c->area);
    FREE_ARRAY(c->skills, c->n_skills, skill_clear);
    free(c->skill_index);
    jm_strv_free(c->licences, c->n_licences);
    FREE_ARRAY(c->abilities, c->n_abilities, jm_level_clear);
    FREE_ARRAY(c->needs, c->n_needs, need_clear);
    FREE_ARRAY(c->history, c->n_history, history_clear);
    free(c);
}

int jm_candidate_copy(const jm_candidate *src, jm_candidate **out)
{
    static const char fn[] = "jm_candidate_copy";
    if (!src)
        return null_candidate(fn);
    if (!out)
        return jm_fail(JM_EINVAL, "%s: out is NULL", fn);
    jm_candidate *c = malloc(sizeof *c);
    if (!c)
        return jm_nomem(fn);
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
    c->skill_index = NULL;
    c->licences = NULL;
    c->n_licences = 0;
    c->abilities = NULL;
    c->n_abilities = 0;
    c->needs = NULL;
    c->n_needs = 0;
    c->history = NULL;
    c->n_history = 0;

    bool ok = jm_dup_opt(&c->id, src->id) && jm_dup_opt(&c->area, src->area) &&
              COPY_ARRAY(c, src, wanted, wanted_copy, wanted_clear) &&
              COPY_ARRAY(c, src, avoided, occ_copy, occ_clear) &&
              COPY_ARRAY(c, src, skills, skill_copy, skill_clear) && jm_candidate_index_skills(c) &&
              jm_strv_copy(&c->licences, &c->n_licences, src->licences, src->n_licences) == JM_OK &&
              COPY_ARRAY(c, src, abilities, jm_level_copy, jm_level_clear) &&
              COPY_ARRAY(c, src, needs, need_copy, need_clear) &&
              COPY_ARRAY(c, src, history, history_copy, history_clear);
    if (!ok) {
        jm_candidate_free(c);
        return jm_nomem(fn);
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
    if (!jm_arg_occupation(fn, occupation))
        return JM_EINVAL;
    if (!(isfinite(weight) && weight > 0 && weight <= 1)) {
        char n[32];
        return jm_fail(JM_EINVAL, "%s: weight (%s) must be in (0, 1]", fn, jm_num(n, weight));
    }
    jm_wanted w = { .weight = weight };
    if (jm_occ_from_public(&w.occ, occupation) != JM_OK)
        return jm_nomem(fn);
    if (!jm_append((void **)&c->wanted, &c->n_wanted, &w, sizeof w)) {
        jm_occ_clear(&w.occ);
        return jm_nomem(fn);
    }
    return JM_OK;
}

int jm_candidate_add_avoided(jm_candidate *c, const jm_occupation *occupation)
{
    static const char fn[] = "jm_candidate_add_avoided";
    CHECK_C(fn);
    if (!jm_arg_occupation(fn, occupation))
        return JM_EINVAL;
    jm_occ o;
    if (jm_occ_from_public(&o, occupation) != JM_OK)
        return jm_nomem(fn);
    if (!jm_append((void **)&c->avoided, &c->n_avoided, &o, sizeof o)) {
        jm_occ_clear(&o);
        return jm_nomem(fn);
    }
    return JM_OK;
}

int jm_candidate_set_hours(jm_candidate *c, double min, double ideal, double max, int firm)
{
    static const char fn[] = "jm_candidate_set_hours";
    CHECK_C(fn);
    if (!jm_arg_hours(fn, min, max))
        return JM_EINVAL;
    if (isnan(ideal)) {
        ideal = (min + max) / 2;
    } else if (!jm_in_range(ideal, min, max)) {
        char a[32], b[32];
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
    if (!jm_arg_week_range(fn, day, start_minute, end_minute))
        return JM_EINVAL;
    jm_week_add(&c->availability, day, start_minute, end_minute);
    c->has_availability = true;
    return JM_OK;
}

int jm_candidate_set_location(jm_candidate *c, double lat, double lon)
{
    static const char fn[] = "jm_candidate_set_location";
    CHECK_C(fn);
    if (!jm_arg_location(fn, lat, lon))
        return JM_EINVAL;
    c->lat = lat;
    c->lon = lon;
    return JM_OK;
}

int jm_candidate_set_area(jm_candidate *c, const char *area)
{
    static const char fn[] = "jm_candidate_set_area";
    CHECK_C(fn);
    return jm_set_text(fn, "area", &c->area, area);
}

int jm_candidate_add_transport(jm_candidate *c, int mode)
{
    static const char fn[] = "jm_candidate_add_transport";
    CHECK_C(fn);
    if (!jm_arg_enum(fn, "mode", mode, JM_TRANSPORT_COUNT, "jm_transport"))
        return JM_EINVAL;
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
    CHECK_C(fn);
    if (!jm_arg_nonneg(fn, "per_hour", per_hour, false))
        return JM_EINVAL;
    c->wage_floor = per_hour;
    c->wage_firm = firm != 0;
    return JM_OK;
}

int jm_candidate_set_environment(jm_candidate *c, int dimension, double min, double max, int importance)
{
    static const char fn[] = "jm_candidate_set_environment";
    CHECK_C(fn);
    if (!jm_arg_enum(fn, "dimension", dimension, JM_ENV_COUNT, "jm_env") ||
        !jm_arg_range(fn, "min", min, 0, 4, true) || !jm_arg_range(fn, "max", max, 0, 4, true))
        return JM_EINVAL;
    if (isnan(min) && isnan(max))
        return jm_fail(JM_EINVAL, "%s: min and max are both NaN: give at least one", fn);
    if (!jm_arg_order(fn, min, max))
        return JM_EINVAL;
    if (importance < JM_IMPORTANCE_LOW || importance > JM_IMPORTANCE_MUST)
        return jm_fail(JM_EINVAL, "%s: importance (%d) must be 1 (low) .. 4 (must)", fn, importance);
    c->env[dimension].min = min;
    c->env[dimension].max = max;
    c->env[dimension].importance = importance;
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
    CHECK_C(fn);
    if (!jm_arg_enum(fn, "value", value, JM_VALUE_COUNT, "jm_value") ||
        !jm_arg_range(fn, "importance", importance, 1, 5, false))
        return JM_EINVAL;
    c->values[value] = importance;
    return JM_OK;
}

int jm_candidate_add_skill(jm_candidate *c, const char *id, const char *label, double level)
{
    static const char fn[] = "jm_candidate_add_skill";
    CHECK_C(fn);
    if (!jm_arg_skill(fn, id, label, level))
        return JM_EINVAL;
    if (JM_ID_TAKEN(fn, c->skills, c->n_skills, id, "skills"))
        return JM_EEXISTS;
    jm_skill s = { jm_strdup(id), jm_strdup(label), level, jm_str_key(id) };
    if (!s.id || (label && !s.label) || !jm_append((void **)&c->skills, &c->n_skills, &s, sizeof s)) {
        skill_clear(&s);
        return jm_nomem(fn);
    }
    if (!jm_candidate_index_skills(c)) {
        skill_clear(&c->skills[--c->n_skills]); /* as before the call */
        return jm_nomem(fn);
    }
    return JM_OK;
}

int jm_candidate_add_licence(jm_candidate *c, const char *id)
{
    static const char fn[] = "jm_candidate_add_licence";
    CHECK_C(fn);
    int rc = jm_strset_add(fn, "id", &c->licences, &c->n_licences, id);
    if (rc == JM_OK)
        c->has_licences = true;
    return rc;
}

int jm_candidate_set_right_to_work(jm_candidate *c, int status)
{
    static const char fn[] = "jm_candidate_set_right_to_work";
    CHECK_C(fn);
    if (!jm_arg_tristate(fn, "status", status))
        return JM_EINVAL;
    c->right_to_work = status;
    return JM_OK;
}

int jm_candidate_set_background_check(jm_candidate *c, int status)
{
    static const char fn[] = "jm_candidate_set_background_check";
    CHECK_C(fn);
    if (!jm_arg_tristate(fn, "status", status))
        return JM_EINVAL;
    c->background_check = status;
    return JM_OK;
}

int jm_candidate_set_ability(jm_candidate *c, const char *dimension, int level)
{
    static const char fn[] = "jm_candidate_set_ability";
    CHECK_C(fn);
    return jm_levels_set(fn, &c->abilities, &c->n_abilities, dimension, level, "limited", "full");
}

int jm_candidate_add_support_need(jm_candidate *c, const char *type, int intensity, int essential,
                                  const char *note)
{
    static const char fn[] = "jm_candidate_add_support_need";
    CHECK_C(fn);
    if (!jm_arg_id(fn, "type", type))
        return JM_EINVAL;
    if (intensity < JM_INTENSITY_LOW || intensity > JM_INTENSITY_HIGH)
        return jm_fail(JM_EINVAL, "%s: intensity (%d) must be 1 (low) .. 3 (high)", fn, intensity);
    if (note && !jm_utf8_valid(note, strlen(note)))
        return jm_fail(JM_EINVAL, "%s: note is not valid UTF-8", fn); /* never quote the note */
    jm_need nd = { jm_strdup(type), intensity, essential != 0, jm_strdup(note) };
    if (!nd.type || (note && !nd.note) || !jm_append((void **)&c->needs, &c->n_needs, &nd, sizeof nd)) {
        need_clear(&nd);
        return jm_nomem(fn);
    }
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
    CHECK_C(fn);
    if (!jm_arg_range(fn, "max_hours_per_week", max_hours_per_week, 0, 168, true) ||
        !jm_arg_nonneg(fn, "max_earnings", max_earnings, true))
        return JM_EINVAL;
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
    CHECK_C(fn);
    if (!jm_arg_occupation(fn, occupation) || !jm_arg_nonneg(fn, "months", months, true) ||
        !jm_arg_tristate(fn, "liked", liked) || !jm_arg_enum(fn, "ended", ended, JM_ENDING_COUNT, "jm_ending"))
        return JM_EINVAL;
    jm_history h = { .months = months, .liked = liked, .ended = ended };
    if (jm_occ_from_public(&h.occ, occupation) != JM_OK)
        return jm_nomem(fn);
    if (!jm_append((void **)&c->history, &c->n_history, &h, sizeof h)) {
        jm_occ_clear(&h.occ);
        return jm_nomem(fn);
    }
    return JM_OK;
}
