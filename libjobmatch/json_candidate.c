/* Candidate records: JSON -> jm_candidate and back (docs/FORMAT.md). */
#include <stdlib.h>
#include <string.h>

#include "json_common.h"
#include "names.h"
#include "profile_impl.h"

static const char *const CAND_FIELDS[] = { "schema", "type", "id", "preferences", "skills", "licences",
                                           "right_to_work", "background_check", "abilities",
                                           "support_needs", "benefits", "work_history", NULL };
static const char *const PREF_FIELDS[] = { "job_types", "hours", "availability", "location", "commute",
                                           "wage", "environment", "interests", "work_values", NULL };
static const char *const JOB_TYPES_FIELDS[] = { "wanted", "avoided", NULL };
static const char *const WANTED_EXTRA[] = { "weight", NULL };
static const char *const HOURS_FIELDS[] = { "min", "ideal", "max", "firm", NULL };
static const char *const LOCATION_FIELDS[] = { "lat", "lon", "area", NULL };
static const char *const COMMUTE_FIELDS[] = { "modes", "max_minutes", NULL };
static const char *const WAGE_FIELDS[] = { "floor", "firm", NULL };
static const char *const TOLERANCE_FIELDS[] = { "min", "max", "importance", NULL };
static const char *const SKILL_FIELDS[] = { "id", "label", "level", NULL };
static const char *const NEED_FIELDS[] = { "type", "intensity", "essential", "note", NULL };
static const char *const BENEFITS_FIELDS[] = { "max_hours_per_week", "max_earnings", "period", "goal",
                                               "firm", NULL };
static const char *const HISTORY_FIELDS[] = { "job_type", "months", "liked", "ended", NULL };

/* The record being read and the capacity of the array being filled. */
typedef struct cand_ctx {
    jm_candidate *c;
    size_t cap;
    jm_jc_ids seen; /* the skills' ids (read_skill) */
} cand_ctx;

/* A number in (0, hi] (read as jm_jr_number, then 0 is reported). */
static bool read_positive(jm_jr *r, const cJSON *obj, const char *key, double hi, const char *noun, double *out)
{
    double x;
    if (!jm_jr_number(r, obj, key, 0, hi, &x))
        return false;
    if (x <= 0) {
        char a[32];
        size_t mk = jm_jr_push_key(r, key);
        jm_jr_error(r, JM_EINVAL, "expected %s greater than 0 and at most %s, found 0", noun, jm_num(a, hi));
        jm_jr_pop(r, mk);
        return false;
    }
    *out = x;
    return true;
}

/* --- preferences ---------------------------------------------------------- */

static bool read_wanted(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    cand_ctx *x = ctx;
    jm_wanted w;
    memset(&w, 0, sizeof w);
    w.weight = 1.0;
    bool ok = jm_jc_occupation_value(r, e, WANTED_EXTRA, &w.occ);
    if (cJSON_IsObject(e))
        read_positive(r, e, "weight", 1, "a weight", &w.weight);
    if (ok && !jm_jc_push(r, (void **)&x->c->wanted, &x->c->n_wanted, &x->cap, &w, sizeof w))
        jm_occ_clear(&w.occ);
    return true;
}

static bool read_avoided(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    cand_ctx *x = ctx;
    jm_occ o;
    memset(&o, 0, sizeof o);
    if (jm_jc_occupation_value(r, e, NULL, &o) &&
        !jm_jc_push(r, (void **)&x->c->avoided, &x->c->n_avoided, &x->cap, &o, sizeof o))
        jm_occ_clear(&o);
    return true;
}

static void read_job_types(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    size_t m;
    const cJSON *jt = jm_jr_enter(r, prefs, "job_types", JOB_TYPES_FIELDS, &m);
    if (!jt)
        return;
    cand_ctx wanted = { .c = c }, avoided = { .c = c };
    jm_jr_each(r, jt, "wanted", NULL, read_wanted, &wanted);
    jm_jr_each(r, jt, "avoided", NULL, read_avoided, &avoided);
    jm_jr_pop(r, m);
}

static void read_hours(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    size_t m, before = r->errors;
    const cJSON *h = jm_jr_enter(r, prefs, "hours", HOURS_FIELDS, &m);
    if (!h)
        return;
    double lo = NAN, ideal = NAN, hi = NAN;
    bool firm = false;
    jm_jr_number(r, h, "min", 0, 168, &lo);
    jm_jr_number(r, h, "ideal", 0, 168, &ideal);
    jm_jr_number(r, h, "max", 0, 168, &hi);
    jm_jr_bool(r, h, "firm", &firm);
    if (r->errors == before) {
        /* a bound left out is open: min 0, max 168 */
        double emin = isnan(lo) ? 0 : lo, emax = isnan(hi) ? 168 : hi;
        jm_jc_check_order(r, "min", lo, "max", hi);
        if (r->errors == before)
            jm_jc_check_order(r, "min", lo, "ideal", ideal);
        if (r->errors == before)
            jm_jc_check_order(r, "ideal", ideal, "max", hi);
        if (r->errors == before && !(isnan(lo) && isnan(hi) && isnan(ideal))) {
            c->hours_min = emin;
            c->hours_max = emax;
            c->hours_ideal = ideal;
            c->hours_firm = firm;
        }
    }
    jm_jr_pop(r, m);
}

static void read_location(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    size_t m;
    const cJSON *l = jm_jr_enter(r, prefs, "location", LOCATION_FIELDS, &m);
    if (!l)
        return;
    jm_jc_location(r, l, &c->lat, &c->lon, &c->area);
    jm_jr_pop(r, m);
}

static bool read_mode(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    jm_candidate *c = ctx;
    const char *s = NULL;
    int mode;
    if (jm_jr_value_string(r, e, 64, &s) &&
        jm_jr_value_enum(r, e, jm_transport_names, JM_TRANSPORT_COUNT, &mode))
        c->transport |= 1u << mode;
    return true;
}

static void read_commute(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    size_t m;
    const cJSON *cm = jm_jr_enter(r, prefs, "commute", COMMUTE_FIELDS, &m);
    if (!cm)
        return;
    jm_jr_each(r, cm, "modes", NULL, read_mode, c);
    read_positive(r, cm, "max_minutes", 600, "a number", &c->max_commute);
    jm_jr_pop(r, m);
}

static void read_wage(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    size_t m;
    const cJSON *w = jm_jr_enter(r, prefs, "wage", WAGE_FIELDS, &m);
    if (!w)
        return;
    jm_jr_number(r, w, "floor", 0, INFINITY, &c->wage_floor);
    bool firm;
    if (jm_jr_bool(r, w, "firm", &firm))
        c->wage_firm = firm;
    jm_jr_pop(r, m);
}

static void read_environment(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    size_t m;
    const cJSON *env = jm_jr_enter(r, prefs, "environment", NULL, &m);
    if (!env)
        return;
    jm_jr_check_names(r, env, jm_env_names, JM_ENV_COUNT);
    for (int d = 0; d < JM_ENV_COUNT; d++) {
        size_t md, before = r->errors;
        const cJSON *t = jm_jr_enter(r, env, jm_env_names[d], TOLERANCE_FIELDS, &md);
        if (!t)
            continue;
        jm_env_tolerance tol = { NAN, NAN, JM_IMPORTANCE_MEDIUM };
        jm_jr_number(r, t, "min", 0, 4, &tol.min);
        jm_jr_number(r, t, "max", 0, 4, &tol.max);
        jm_jr_enum(r, t, "importance", jm_importance_names, JM_IMPORTANCE_NAMES, &tol.importance);
        jm_jc_check_order(r, "min", tol.min, "max", tol.max);
        if (r->errors == before && isnan(tol.min) && isnan(tol.max))
            jm_jr_error(r, JM_EINVAL, "expected min and/or max (levels 0 to 4), found neither");
        if (r->errors == before)
            c->env[d] = tol;
        jm_jr_pop(r, md);
    }
    jm_jr_pop(r, m);
}

static void read_preferences(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    size_t m;
    const cJSON *p = jm_jr_enter(r, rec, "preferences", PREF_FIELDS, &m);
    if (!p)
        return;
    read_job_types(r, p, c);
    read_hours(r, p, c);
    jm_week w;
    bool has = false;
    if (jm_jc_week(r, p, "availability", &w, &has) && has) {
        c->availability = w;
        c->has_availability = true;
    }
    read_location(r, p, c);
    read_commute(r, p, c);
    read_wage(r, p, c);
    read_environment(r, p, c);
    jm_jc_riasec(r, p, "interests", &c->interests);
    jm_jr_numbers(r, p, "work_values", jm_value_names, JM_VALUE_COUNT, 1, 5, c->values);
    jm_jr_pop(r, m);
}

/* --- the rest of the record ----------------------------------------------- */

static bool read_skill(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    cand_ctx *x = ctx;
    jm_candidate *c = x->c;
    size_t before = r->errors;
    jm_jr_check_fields(r, e, SKILL_FIELDS);
    const char *id = NULL, *label = NULL;
    double level = NAN;
    jm_jc_skill_id(r, e, &id);
    jm_jr_string(r, e, "label", 256, &label);
    jm_jr_number(r, e, "level", 0, 7, &level);
    if (r->errors == before)
        jm_jc_skill_unique(r, &x->seen, c->skills, c->n_skills, sizeof *c->skills, id);
    if (r->errors == before) {
        jm_skill s = { jm_strdup(id), jm_strdup(label), level, jm_str_key(id) };
        if (!s.id || (label && !s.label)) {
            jm_jc_nomem(r);
            free(s.id);
            free(s.label);
        } else if (!jm_jc_push(r, (void **)&c->skills, &c->n_skills, &x->cap, &s, sizeof s)) {
            free(s.id);
            free(s.label);
        }
    }
    return true;
}

static bool read_licence(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    jm_candidate *c = ctx;
    const char *s = NULL;
    if (jm_jr_value_string(r, e, 256, &s) && jm_jc_licence_id_ok(r, s) &&
        !jm_strv_contains(c->licences, c->n_licences, s) &&
        jm_strv_push(&c->licences, &c->n_licences, s) != JM_OK)
        jm_jc_nomem(r);
    return true;
}

static bool read_need(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    cand_ctx *x = ctx;
    const jm_profile *p = jm_jc_vocabulary(r);
    size_t before = r->errors;
    jm_jr_check_fields(r, e, NEED_FIELDS);
    const char *type = NULL, *note = NULL;
    int intensity = JM_INTENSITY_MEDIUM;
    bool essential = false;
    if (jm_jr_string(r, e, "type", 128, &type)) {
        size_t mk = jm_jr_push_key(r, "type");
        if (!*type)
            jm_jr_error(r, JM_EINVAL, "expected a support-need type, found an empty string");
        else if (p && !jm_profile_find_need(p, type))
            jm_jr_unknown_term(r, "support-need type", type);
        jm_jr_pop(r, mk);
    } else if (!jm_jc_present(e, "type")) {
        jm_jc_missing(r, "type");
    }
    jm_jr_enum(r, e, "intensity", jm_intensity_names, JM_INTENSITY_NAMES, &intensity);
    jm_jr_bool(r, e, "essential", &essential);
    jm_jr_string(r, e, "note", 4096, &note);
    if (r->errors == before) {
        jm_need nd = { jm_strdup(type), intensity, essential, jm_strdup(note) };
        if (!nd.type || (note && !nd.note)) {
            jm_jc_nomem(r);
            free(nd.type);
            free(nd.note);
        } else if (!jm_jc_push(r, (void **)&x->c->needs, &x->c->n_needs, &x->cap, &nd, sizeof nd)) {
            free(nd.type);
            free(nd.note);
        }
    }
    return true;
}

static void read_benefits(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    size_t m, before = r->errors;
    const cJSON *b = jm_jr_enter(r, rec, "benefits", BENEFITS_FIELDS, &m);
    if (!b)
        return;
    jm_benefits ben = { true, NAN, NAN, JM_PERIOD_WEEK, JM_GOAL_UNDECIDED, false };
    jm_jr_number(r, b, "max_hours_per_week", 0, 168, &ben.max_hours);
    jm_jr_number(r, b, "max_earnings", 0, INFINITY, &ben.max_earnings);
    jm_jr_enum(r, b, "period", jm_period_names, JM_PERIOD_COUNT, &ben.period);
    jm_jr_enum(r, b, "goal", jm_goal_names, JM_GOAL_COUNT, &ben.goal);
    jm_jr_bool(r, b, "firm", &ben.firm);
    if (r->errors == before)
        c->benefits = ben;
    jm_jr_pop(r, m);
}

static bool read_past_job(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    cand_ctx *x = ctx;
    size_t before = r->errors;
    jm_jr_check_fields(r, e, HISTORY_FIELDS);
    jm_history h;
    memset(&h, 0, sizeof h);
    h.months = NAN;
    h.liked = JM_UNKNOWN;
    h.ended = JM_ENDING_UNKNOWN;
    bool occ_ok = jm_jc_occupation(r, e, "job_type", &h.occ);
    if (!occ_ok && !jm_jc_present(e, "job_type"))
        jm_jc_missing(r, "job_type");
    jm_jr_number(r, e, "months", 0, INFINITY, &h.months);
    jm_jc_tristate(r, e, "liked", &h.liked);
    const char *endings[JM_ENDING_COUNT];
    for (int k = 0; k < JM_ENDING_COUNT; k++)
        endings[k] = k == JM_ENDING_UNKNOWN ? NULL : jm_ending_names[k]; /* "unknown" is absence */
    jm_jr_enum(r, e, "ended", endings, JM_ENDING_COUNT, &h.ended);
    if (r->errors != before || !jm_jc_push(r, (void **)&x->c->history, &x->c->n_history, &x->cap, &h, sizeof h))
        jm_occ_clear(&h.occ);
    return true;
}

jm_candidate *jm_json_read_candidate(jm_jr *r, const cJSON *obj, bool header_required)
{
    size_t before = r->errors;
    const char *id;
    if (!jm_jc_record_begin(r, obj, "candidate", header_required, CAND_FIELDS, &id))
        return NULL;
    jm_candidate *c = jm_candidate_alloc(id);
    if (!c) {
        jm_jc_nomem(r);
        return NULL;
    }
    cand_ctx skills = { .c = c }, needs = { .c = c }, history = { .c = c };
    read_preferences(r, obj, c);
    jm_jr_each(r, obj, "skills", "a skill object (id, label, level)", read_skill, &skills);
    jm_jc_ids_free(&skills.seen);
    if (!jm_candidate_index_skills(c))
        jm_jc_nomem(r);
    if (jm_jr_each(r, obj, "licences", NULL, read_licence, c))
        c->has_licences = true;
    jm_jc_tristate(r, obj, "right_to_work", &c->right_to_work);
    jm_jc_tristate(r, obj, "background_check", &c->background_check);
    jm_jc_levels(r, obj, "abilities", "functional dimension", &c->abilities, &c->n_abilities);
    if (jm_jr_each(r, obj, "support_needs", "a support-need object (type, intensity, essential, note)",
                   read_need, &needs))
        c->has_needs = true;
    read_benefits(r, obj, c);
    jm_jr_each(r, obj, "work_history", "a past-job object (job_type, months, liked, ended)", read_past_job,
               &history);
    if (r->errors != before) {
        jm_candidate_free(c);
        return NULL;
    }
    return c;
}

/* --- writing --------------------------------------------------------------- */

#define CHECK(x) do { if (!(x)) goto oom; } while (0)

static cJSON *tolerance_json(const jm_env_tolerance *t)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    CHECK(isnan(t->min) || jm_jc_add_number(o, "min", t->min));
    CHECK(isnan(t->max) || jm_jc_add_number(o, "max", t->max));
    CHECK(jm_jc_add_string(o, "importance", jm_importance_names[t->importance]));
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

static cJSON *preferences_json(const jm_candidate *c)
{
    cJSON *p = cJSON_CreateObject();
    if (!p)
        return NULL;
    if (c->n_wanted || c->n_avoided) {
        cJSON *jt = cJSON_AddObjectToObject(p, "job_types");
        CHECK(jt);
        if (c->n_wanted) {
            cJSON *a = cJSON_AddArrayToObject(jt, "wanted");
            CHECK(a);
            for (size_t i = 0; i < c->n_wanted; i++) {
                cJSON *o = jm_jc_occupation_json(&c->wanted[i].occ);
                CHECK(jm_jc_add_item(a, NULL, o));
                CHECK(jm_jc_add_number(o, "weight", c->wanted[i].weight));
            }
        }
        if (c->n_avoided) {
            cJSON *a = cJSON_AddArrayToObject(jt, "avoided");
            CHECK(a);
            for (size_t i = 0; i < c->n_avoided; i++)
                CHECK(jm_jc_add_item(a, NULL, jm_jc_occupation_json(&c->avoided[i])));
        }
    }
    if (!isnan(c->hours_min) || !isnan(c->hours_max)) {
        cJSON *h = cJSON_AddObjectToObject(p, "hours");
        CHECK(h);
        CHECK(isnan(c->hours_min) || jm_jc_add_number(h, "min", c->hours_min));
        CHECK(isnan(c->hours_ideal) || jm_jc_add_number(h, "ideal", c->hours_ideal));
        CHECK(isnan(c->hours_max) || jm_jc_add_number(h, "max", c->hours_max));
        CHECK(jm_jc_add_bool(h, "firm", c->hours_firm));
    }
    if (c->has_availability && !jm_week_is_empty(&c->availability))
        CHECK(jm_jc_add_item(p, "availability", jm_jc_week_json(&c->availability)));
    if ((!isnan(c->lat) && !isnan(c->lon)) || c->area) {
        cJSON *l = cJSON_AddObjectToObject(p, "location");
        CHECK(l);
        CHECK(jm_jc_add_location(l, c->lat, c->lon, c->area));
    }
    if (c->transport || !isnan(c->max_commute)) {
        cJSON *cm = cJSON_AddObjectToObject(p, "commute");
        CHECK(cm);
        if (c->transport) {
            cJSON *a = cJSON_AddArrayToObject(cm, "modes");
            CHECK(a);
            for (int k = 0; k < JM_TRANSPORT_COUNT; k++)
                if (c->transport & (1u << k))
                    CHECK(jm_jc_add_item(a, NULL, cJSON_CreateString(jm_transport_names[k])));
        }
        CHECK(isnan(c->max_commute) || jm_jc_add_number(cm, "max_minutes", c->max_commute));
    }
    if (!isnan(c->wage_floor) || c->wage_firm) {
        cJSON *w = cJSON_AddObjectToObject(p, "wage");
        CHECK(w);
        CHECK(isnan(c->wage_floor) || jm_jc_add_number(w, "floor", c->wage_floor));
        CHECK(jm_jc_add_bool(w, "firm", c->wage_firm));
    }
    bool any_env = false;
    for (int d = 0; d < JM_ENV_COUNT; d++)
        any_env |= c->env[d].importance != 0;
    if (any_env) {
        cJSON *e = cJSON_AddObjectToObject(p, "environment");
        CHECK(e);
        for (int d = 0; d < JM_ENV_COUNT; d++)
            if (c->env[d].importance != 0)
                CHECK(jm_jc_add_item(e, jm_env_names[d], tolerance_json(&c->env[d])));
    }
    if (jm_jc_riasec_known(&c->interests))
        CHECK(jm_jc_add_item(p, "interests", jm_jc_riasec_json(&c->interests)));
    CHECK(jm_jc_add_numbers(p, "work_values", c->values, jm_value_names, JM_VALUE_COUNT));
    return p;
oom:
    cJSON_Delete(p);
    return NULL;
}

cJSON *jm_json_candidate_tree(const jm_candidate *c, bool header)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    if (header) {
        CHECK(jm_jc_add_string(o, "schema", JM_SCHEMA));
        CHECK(jm_jc_add_string(o, "type", "candidate"));
    }
    CHECK(jm_jc_add_string(o, "id", c->id));
    cJSON *p = preferences_json(c);
    CHECK(p);
    if (p->child)
        CHECK(jm_jc_add_item(o, "preferences", p));
    else
        cJSON_Delete(p);
    if (c->n_skills) {
        cJSON *a = cJSON_AddArrayToObject(o, "skills");
        CHECK(a);
        for (size_t i = 0; i < c->n_skills; i++) {
            cJSON *s = cJSON_CreateObject();
            CHECK(jm_jc_add_item(a, NULL, s));
            CHECK(jm_jc_add_string(s, "id", c->skills[i].id));
            CHECK(jm_jc_add_string(s, "label", c->skills[i].label));
            CHECK(isnan(c->skills[i].level) || jm_jc_add_number(s, "level", c->skills[i].level));
        }
    }
    if (c->has_licences || c->n_licences)
        CHECK(jm_jc_add_strings(o, "licences", c->licences, c->n_licences));
    CHECK(jm_jc_add_tristate(o, "right_to_work", c->right_to_work));
    CHECK(jm_jc_add_tristate(o, "background_check", c->background_check));
    CHECK(jm_jc_add_levels(o, "abilities", c->abilities, c->n_abilities));
    if (c->has_needs || c->n_needs) {
        cJSON *a = cJSON_AddArrayToObject(o, "support_needs");
        CHECK(a);
        for (size_t i = 0; i < c->n_needs; i++) {
            const jm_need *nd = &c->needs[i];
            cJSON *s = cJSON_CreateObject();
            CHECK(jm_jc_add_item(a, NULL, s));
            CHECK(jm_jc_add_string(s, "type", nd->type));
            CHECK(jm_jc_add_string(s, "intensity", jm_intensity_names[nd->intensity]));
            CHECK(jm_jc_add_bool(s, "essential", nd->essential));
            CHECK(jm_jc_add_string(s, "note", nd->note));
        }
    }
    if (c->benefits.set) {
        const jm_benefits *b = &c->benefits;
        cJSON *bo = cJSON_AddObjectToObject(o, "benefits");
        CHECK(bo);
        CHECK(isnan(b->max_hours) || jm_jc_add_number(bo, "max_hours_per_week", b->max_hours));
        CHECK(isnan(b->max_earnings) || jm_jc_add_number(bo, "max_earnings", b->max_earnings));
        CHECK(jm_jc_add_string(bo, "period", jm_period_names[b->period]));
        CHECK(jm_jc_add_string(bo, "goal", jm_goal_names[b->goal]));
        CHECK(jm_jc_add_bool(bo, "firm", b->firm));
    }
    if (c->n_history) {
        cJSON *a = cJSON_AddArrayToObject(o, "work_history");
        CHECK(a);
        for (size_t i = 0; i < c->n_history; i++) {
            const jm_history *h = &c->history[i];
            cJSON *s = cJSON_CreateObject();
            CHECK(jm_jc_add_item(a, NULL, s));
            CHECK(jm_jc_add_item(s, "job_type", jm_jc_occupation_json(&h->occ)));
            CHECK(isnan(h->months) || jm_jc_add_number(s, "months", h->months));
            CHECK(jm_jc_add_tristate(s, "liked", h->liked));
            if (h->ended != JM_ENDING_UNKNOWN)
                CHECK(jm_jc_add_string(s, "ended", jm_ending_names[h->ended]));
        }
    }
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

/* --- public ---------------------------------------------------------------- */

static void *read_document_record(jm_jr *r, const cJSON *root)
{
    return jm_json_read_candidate(r, root, true);
}

int jm_candidate_from_json(const char *text, size_t len, const jm_load_options *opts, jm_diags *diags,
                           jm_candidate **out)
{
    void *c = NULL;
    int rc = jm_jc_from_json("jm_candidate_from_json", text, len, opts, diags, out != NULL,
                             read_document_record, &c);
    if (rc == JM_OK)
        *out = c;
    return rc;
}

int jm_candidate_to_json(const jm_candidate *candidate, char **out)
{
    if (!candidate || !out)
        return jm_fail(JM_EINVAL, "jm_candidate_to_json: candidate and out are required");
    return jm_jc_print(jm_json_candidate_tree(candidate, true), out);
}
