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

/* A growing array of elements of size elem; on ENOMEM reports and false. */
static bool push(jm_jr *r, void **arr, size_t *n, size_t *cap, const void *item, size_t elem)
{
    if (jm_grow(arr, cap, *n + 1, elem) != JM_OK) {
        jm_jc_nomem(r);
        return false;
    }
    memcpy((char *)*arr + *n * elem, item, elem);
    (*n)++;
    return true;
}

/* "min <= max"-style order check, reported at obj.key_hi. */
static void check_order(jm_jr *r, const char *key_lo, double lo, const char *key_hi, double hi)
{
    if (!isnan(lo) && !isnan(hi) && lo > hi) {
        char a[32], b[32];
        size_t m = jm_jr_push_key(r, key_lo);
        jm_jr_error(r, JM_EINVAL, "expected %s at most %s (%s), found %s", key_lo, key_hi, jm_num(b, hi),
                    jm_num(a, lo));
        jm_jr_pop(r, m);
    }
}

static const jm_profile *vocabulary(jm_jr *r)
{
    const jm_profile *p = r->opts->profile;
    return p ? p : jm_profile_builtin();
}

/* --- preferences ---------------------------------------------------------- */

static void read_job_types(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    const cJSON *jt = jm_jr_object(r, prefs, "job_types");
    if (!jt)
        return;
    size_t m = jm_jr_push_key(r, "job_types");
    jm_jr_check_fields(r, jt, JOB_TYPES_FIELDS);
    const cJSON *wanted = jm_jr_array(r, jt, "wanted");
    size_t cap = 0;
    if (wanted) {
        size_t mw = jm_jr_push_key(r, "wanted");
        size_t i = 0;
        for (const cJSON *e = wanted->child; e; e = e->next, i++) {
            size_t mi = jm_jr_push_index(r, i);
            jm_wanted w;
            memset(&w, 0, sizeof w);
            w.weight = 1.0;
            bool ok = jm_jc_occupation_value(r, e, WANTED_EXTRA, &w.occ);
            double weight;
            if (cJSON_IsObject(e) && jm_jr_number(r, e, "weight", 0, 1, &weight)) {
                if (weight <= 0) {
                    size_t mk = jm_jr_push_key(r, "weight");
                    jm_jr_error(r, JM_EINVAL, "expected a weight greater than 0 and at most 1, found 0");
                    jm_jr_pop(r, mk);
                } else {
                    w.weight = weight;
                }
            }
            if (ok && !push(r, (void **)&c->wanted, &c->n_wanted, &cap, &w, sizeof w))
                jm_occ_clear(&w.occ);
            jm_jr_pop(r, mi);
        }
        jm_jr_pop(r, mw);
    }
    const cJSON *avoided = jm_jr_array(r, jt, "avoided");
    cap = 0;
    if (avoided) {
        size_t ma = jm_jr_push_key(r, "avoided");
        size_t i = 0;
        for (const cJSON *e = avoided->child; e; e = e->next, i++) {
            size_t mi = jm_jr_push_index(r, i);
            jm_occ o;
            memset(&o, 0, sizeof o);
            if (jm_jc_occupation_value(r, e, NULL, &o) &&
                !push(r, (void **)&c->avoided, &c->n_avoided, &cap, &o, sizeof o))
                jm_occ_clear(&o);
            jm_jr_pop(r, mi);
        }
        jm_jr_pop(r, ma);
    }
    jm_jr_pop(r, m);
}

static void read_hours(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    const cJSON *h = jm_jr_object(r, prefs, "hours");
    if (!h)
        return;
    size_t m = jm_jr_push_key(r, "hours");
    size_t before = r->errors;
    jm_jr_check_fields(r, h, HOURS_FIELDS);
    double lo = NAN, ideal = NAN, hi = NAN;
    bool firm = false;
    jm_jr_number(r, h, "min", 0, 168, &lo);
    jm_jr_number(r, h, "ideal", 0, 168, &ideal);
    jm_jr_number(r, h, "max", 0, 168, &hi);
    jm_jr_bool(r, h, "firm", &firm);
    if (r->errors == before) {
        /* a bound left out is open: min 0, max 168 */
        double emin = isnan(lo) ? 0 : lo, emax = isnan(hi) ? 168 : hi;
        check_order(r, "min", lo, "max", hi);
        if (r->errors == before)
            check_order(r, "min", lo, "ideal", ideal);
        if (r->errors == before)
            check_order(r, "ideal", ideal, "max", hi);
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
    const cJSON *l = jm_jr_object(r, prefs, "location");
    if (!l)
        return;
    size_t m = jm_jr_push_key(r, "location");
    jm_jr_check_fields(r, l, LOCATION_FIELDS);
    double lat = NAN, lon = NAN;
    bool has_lat = jm_jr_number(r, l, "lat", -90, 90, &lat);
    bool has_lon = jm_jr_number(r, l, "lon", -180, 180, &lon);
    const cJSON *latv = cJSON_GetObjectItemCaseSensitive(l, "lat");
    const cJSON *lonv = cJSON_GetObjectItemCaseSensitive(l, "lon");
    bool lat_given = latv && !cJSON_IsNull(latv), lon_given = lonv && !cJSON_IsNull(lonv);
    if (lat_given != lon_given) {
        const char *missing = lat_given ? "lon" : "lat";
        size_t mk = jm_jr_push_key(r, missing);
        jm_jr_error(r, JM_EINVAL, "expected lat and lon together, found only %s", lat_given ? "lat" : "lon");
        jm_jr_pop(r, mk);
    } else if (has_lat && has_lon) {
        c->lat = lat;
        c->lon = lon;
    }
    const char *area = NULL;
    if (jm_jr_string(r, l, "area", 256, &area) && jm_str_set(&c->area, area) != JM_OK)
        jm_jc_nomem(r);
    jm_jr_pop(r, m);
}

static void read_commute(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    const cJSON *cm = jm_jr_object(r, prefs, "commute");
    if (!cm)
        return;
    size_t m = jm_jr_push_key(r, "commute");
    jm_jr_check_fields(r, cm, COMMUTE_FIELDS);
    const cJSON *modes = jm_jr_array(r, cm, "modes");
    if (modes) {
        size_t mm = jm_jr_push_key(r, "modes");
        size_t i = 0;
        for (const cJSON *e = modes->child; e; e = e->next, i++) {
            size_t mi = jm_jr_push_index(r, i);
            int mode = -1;
            const char *s = NULL;
            if (jm_jr_value_string(r, e, 64, &s)) {
                for (int k = 0; k < JM_TRANSPORT_COUNT; k++)
                    if (strcmp(jm_transport_names[k], s) == 0)
                        mode = k;
                if (mode < 0) {
                    jm_buf list;
                    jm_buf_init(&list);
                    for (int k = 0; k < JM_TRANSPORT_COUNT; k++)
                        jm_buf_printf(&list, "%s%s", k ? ", " : "", jm_transport_names[k]);
                    if (jm_jr_is_term(s))
                        jm_jr_error(r, JM_EINVAL, "expected one of %s, found '%s'", list.data ? list.data : "",
                                    s);
                    else
                        jm_jr_error(r, JM_EINVAL, "expected one of %s, found another string",
                                    list.data ? list.data : "");
                    jm_buf_free(&list);
                } else {
                    c->transport |= 1u << mode;
                }
            }
            jm_jr_pop(r, mi);
        }
        jm_jr_pop(r, mm);
    }
    double minutes;
    if (jm_jr_number(r, cm, "max_minutes", 0, 600, &minutes)) {
        if (minutes <= 0) {
            size_t mk = jm_jr_push_key(r, "max_minutes");
            jm_jr_error(r, JM_EINVAL, "expected a number greater than 0 and at most 600, found 0");
            jm_jr_pop(r, mk);
        } else {
            c->max_commute = minutes;
        }
    }
    jm_jr_pop(r, m);
}

static void read_wage(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    const cJSON *w = jm_jr_object(r, prefs, "wage");
    if (!w)
        return;
    size_t m = jm_jr_push_key(r, "wage");
    jm_jr_check_fields(r, w, WAGE_FIELDS);
    jm_jr_number(r, w, "floor", 0, INFINITY, &c->wage_floor);
    bool firm;
    if (jm_jr_bool(r, w, "firm", &firm))
        c->wage_firm = firm;
    jm_jr_pop(r, m);
}

static void read_environment(jm_jr *r, const cJSON *prefs, jm_candidate *c)
{
    const cJSON *env = jm_jr_object(r, prefs, "environment");
    if (!env)
        return;
    size_t m = jm_jr_push_key(r, "environment");
    const char *allowed[JM_ENV_COUNT + 1];
    for (int d = 0; d < JM_ENV_COUNT; d++)
        allowed[d] = jm_env_names[d];
    allowed[JM_ENV_COUNT] = NULL;
    jm_jr_check_fields(r, env, allowed);
    for (int d = 0; d < JM_ENV_COUNT; d++) {
        const cJSON *t = jm_jr_object(r, env, jm_env_names[d]);
        if (!t)
            continue;
        size_t md = jm_jr_push_key(r, jm_env_names[d]);
        size_t before = r->errors;
        jm_jr_check_fields(r, t, TOLERANCE_FIELDS);
        jm_env_tolerance tol = { NAN, NAN, JM_IMPORTANCE_MEDIUM };
        jm_jr_number(r, t, "min", 0, 4, &tol.min);
        jm_jr_number(r, t, "max", 0, 4, &tol.max);
        jm_jr_enum(r, t, "importance", jm_importance_names, JM_IMPORTANCE_NAMES, &tol.importance);
        check_order(r, "min", tol.min, "max", tol.max);
        if (r->errors == before && isnan(tol.min) && isnan(tol.max))
            jm_jr_error(r, JM_EINVAL, "expected min and/or max (levels 0 to 4), found neither");
        if (r->errors == before)
            c->env[d] = tol;
        jm_jr_pop(r, md);
    }
    jm_jr_pop(r, m);
}

static void read_values(jm_jr *r, const cJSON *obj, double *values, double lo, double hi)
{
    const cJSON *wv = jm_jr_object(r, obj, "work_values");
    if (!wv)
        return;
    size_t m = jm_jr_push_key(r, "work_values");
    const char *allowed[JM_VALUE_COUNT + 1];
    for (int k = 0; k < JM_VALUE_COUNT; k++)
        allowed[k] = jm_value_names[k];
    allowed[JM_VALUE_COUNT] = NULL;
    jm_jr_check_fields(r, wv, allowed);
    for (int k = 0; k < JM_VALUE_COUNT; k++)
        jm_jr_number(r, wv, jm_value_names[k], lo, hi, &values[k]);
    jm_jr_pop(r, m);
}

static void read_preferences(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    const cJSON *p = jm_jr_object(r, rec, "preferences");
    if (!p)
        return;
    size_t m = jm_jr_push_key(r, "preferences");
    jm_jr_check_fields(r, p, PREF_FIELDS);
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
    read_values(r, p, c->values, 1, 5);
    jm_jr_pop(r, m);
}

/* --- the rest of the record ----------------------------------------------- */

static void read_skills(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    const cJSON *a = jm_jr_array(r, rec, "skills");
    if (!a)
        return;
    size_t m = jm_jr_push_key(r, "skills");
    size_t cap = 0, i = 0;
    for (const cJSON *e = a->child; e; e = e->next, i++) {
        size_t mi = jm_jr_push_index(r, i);
        if (!cJSON_IsObject(e)) {
            jm_jr_error(r, JM_EINVAL, "expected a skill object (id, label, level), found %s",
                        jm_json_type_name(e));
            jm_jr_pop(r, mi);
            continue;
        }
        size_t before = r->errors;
        jm_jr_check_fields(r, e, SKILL_FIELDS);
        const char *id = NULL, *label = NULL;
        double level = NAN;
        if (!jm_jr_string(r, e, "id", 512, &id) && !jm_jc_present(e, "id"))
            jm_jc_missing(r, "id");
        if (id && !jm_long_id_valid(id, 512)) {
            size_t mk = jm_jr_push_key(r, "id");
            jm_jr_error(r, JM_EINVAL, "expected a skill id of 1 to 512 bytes without control characters, "
                                      "found %s", *id ? "another string" : "an empty string");
            jm_jr_pop(r, mk);
        }
        jm_jr_string(r, e, "label", 256, &label);
        jm_jr_number(r, e, "level", 0, 7, &level);
        if (r->errors == before) {
            for (size_t k = 0; k < c->n_skills; k++) {
                if (strcmp(c->skills[k].id, id) == 0) {
                    size_t mk = jm_jr_push_key(r, "id");
                    if (jm_jr_is_term(id) || jm_id_valid(id))
                        jm_jr_error(r, JM_EINVAL, "duplicate skill id '%s' (already given at skills[%zu])", id,
                                    k);
                    else
                        jm_jr_error(r, JM_EINVAL, "duplicate skill id");
                    jm_jr_pop(r, mk);
                    break;
                }
            }
        }
        if (r->errors == before) {
            jm_skill s = { jm_strdup(id), jm_strdup(label), level };
            if (!s.id || (label && !s.label) || !push(r, (void **)&c->skills, &c->n_skills, &cap, &s, sizeof s)) {
                if (!s.id || (label && !s.label))
                    jm_jc_nomem(r);
                free(s.id);
                free(s.label);
            }
        }
        jm_jr_pop(r, mi);
    }
    jm_jr_pop(r, m);
}

static void read_licences(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    const cJSON *a = jm_jr_array(r, rec, "licences");
    if (!a)
        return;
    size_t m = jm_jr_push_key(r, "licences");
    c->has_licences = true;
    size_t i = 0;
    for (const cJSON *e = a->child; e; e = e->next, i++) {
        size_t mi = jm_jr_push_index(r, i);
        const char *s = NULL;
        if (jm_jr_value_string(r, e, 256, &s)) {
            if (!jm_long_id_valid(s, 256))
                jm_jr_error(r, JM_EINVAL, "expected a licence id of 1 to 256 bytes without control "
                                          "characters, found %s", *s ? "another string" : "an empty string");
            else if (!jm_strv_contains(c->licences, c->n_licences, s) &&
                     jm_strv_push(&c->licences, &c->n_licences, s) != JM_OK)
                jm_jc_nomem(r);
        }
        jm_jr_pop(r, mi);
    }
    jm_jr_pop(r, m);
}

static void read_abilities(jm_jr *r, const cJSON *rec, jm_level_item **items, size_t *n, const char *name,
                           const char *what)
{
    const cJSON *o = jm_jr_object(r, rec, name);
    if (!o)
        return;
    size_t m = jm_jr_push_key(r, name);
    const jm_profile *p = vocabulary(r);
    size_t cap = 0;
    for (const cJSON *e = o->child; e; e = e->next) {
        const char *dim = e->string ? e->string : "";
        if (cJSON_IsNull(e))
            continue;
        int level = -1;
        size_t before = r->errors;
        if (jm_jr_int(r, o, dim, 0, 2, &level) && p && !jm_profile_find_dim(p, dim)) {
            size_t md = jm_jr_push_key(r, dim);
            jm_jr_unknown_term(r, what, dim);
            jm_jr_pop(r, md);
        }
        if (r->errors == before && level >= 0) {
            jm_level_item it = { jm_strdup(dim), level };
            if (!it.id)
                jm_jc_nomem(r);
            else if (!push(r, (void **)items, n, &cap, &it, sizeof it))
                free(it.id);
        }
    }
    jm_jr_pop(r, m);
}

static void read_needs(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    const cJSON *a = jm_jr_array(r, rec, "support_needs");
    if (!a)
        return;
    size_t m = jm_jr_push_key(r, "support_needs");
    c->has_needs = true;
    const jm_profile *p = vocabulary(r);
    size_t cap = 0, i = 0;
    for (const cJSON *e = a->child; e; e = e->next, i++) {
        size_t mi = jm_jr_push_index(r, i);
        if (!cJSON_IsObject(e)) {
            jm_jr_error(r, JM_EINVAL, "expected a support-need object (type, intensity, essential, note), found %s",
                        jm_json_type_name(e));
            jm_jr_pop(r, mi);
            continue;
        }
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
            } else if (!push(r, (void **)&c->needs, &c->n_needs, &cap, &nd, sizeof nd)) {
                free(nd.type);
                free(nd.note);
            }
        }
        jm_jr_pop(r, mi);
    }
    jm_jr_pop(r, m);
}

static void read_benefits(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    const cJSON *b = jm_jr_object(r, rec, "benefits");
    if (!b)
        return;
    size_t m = jm_jr_push_key(r, "benefits");
    size_t before = r->errors;
    jm_jr_check_fields(r, b, BENEFITS_FIELDS);
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

static void read_history(jm_jr *r, const cJSON *rec, jm_candidate *c)
{
    const cJSON *a = jm_jr_array(r, rec, "work_history");
    if (!a)
        return;
    size_t m = jm_jr_push_key(r, "work_history");
    size_t cap = 0, i = 0;
    for (const cJSON *e = a->child; e; e = e->next, i++) {
        size_t mi = jm_jr_push_index(r, i);
        if (!cJSON_IsObject(e)) {
            jm_jr_error(r, JM_EINVAL, "expected a past-job object (job_type, months, liked, ended), found %s",
                        jm_json_type_name(e));
            jm_jr_pop(r, mi);
            continue;
        }
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
        if (r->errors != before || !push(r, (void **)&c->history, &c->n_history, &cap, &h, sizeof h))
            jm_occ_clear(&h.occ);
        jm_jr_pop(r, mi);
    }
    jm_jr_pop(r, m);
}

jm_candidate *jm_json_read_candidate(jm_jr *r, const cJSON *obj, bool header_required)
{
    if (!cJSON_IsObject(obj)) {
        jm_jr_error(r, JM_EINVAL, "expected a candidate record (an object), found %s", jm_json_type_name(obj));
        return NULL;
    }
    size_t before = r->errors;
    jm_jc_header(r, obj, "candidate", header_required);
    if (r->errors != before)
        return NULL; /* another kind of record: its fields would only add noise */
    jm_jr_check_fields(r, obj, CAND_FIELDS);
    const char *id = NULL;
    if (jm_jr_string(r, obj, "id", 4096, &id)) {
        if (!jm_id_valid(id)) {
            size_t mk = jm_jr_push_key(r, "id");
            jm_jr_error(r, JM_EINVAL, "expected an id of 1 to 256 bytes without control characters, found %s",
                        *id ? "another string" : "an empty string");
            jm_jr_pop(r, mk);
            id = NULL;
        }
    } else if (!jm_jc_present(obj, "id")) {
        jm_jc_missing(r, "id");
    }
    jm_candidate *c = jm_candidate_alloc(id ? id : "?");
    if (!c) {
        jm_jc_nomem(r);
        return NULL;
    }
    read_preferences(r, obj, c);
    read_skills(r, obj, c);
    read_licences(r, obj, c);
    jm_jc_tristate(r, obj, "right_to_work", &c->right_to_work);
    jm_jc_tristate(r, obj, "background_check", &c->background_check);
    read_abilities(r, obj, &c->abilities, &c->n_abilities, "abilities", "functional dimension");
    read_needs(r, obj, c);
    read_benefits(r, obj, c);
    read_history(r, obj, c);
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

static bool add_item(cJSON *parent, const char *key, cJSON *item)
{
    if (!item)
        return false;
    if (key)
        return cJSON_AddItemToObject(parent, key, item) != 0;
    return cJSON_AddItemToArray(parent, item) != 0;
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
                CHECK(add_item(a, NULL, o));
                CHECK(jm_jc_add_number(o, "weight", c->wanted[i].weight));
            }
        }
        if (c->n_avoided) {
            cJSON *a = cJSON_AddArrayToObject(jt, "avoided");
            CHECK(a);
            for (size_t i = 0; i < c->n_avoided; i++)
                CHECK(add_item(a, NULL, jm_jc_occupation_json(&c->avoided[i])));
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
        CHECK(add_item(p, "availability", jm_jc_week_json(&c->availability)));
    if ((!isnan(c->lat) && !isnan(c->lon)) || c->area) {
        cJSON *l = cJSON_AddObjectToObject(p, "location");
        CHECK(l);
        if (!isnan(c->lat) && !isnan(c->lon)) {
            CHECK(jm_jc_add_number(l, "lat", c->lat));
            CHECK(jm_jc_add_number(l, "lon", c->lon));
        }
        CHECK(jm_jc_add_string(l, "area", c->area));
    }
    if (c->transport || !isnan(c->max_commute)) {
        cJSON *cm = cJSON_AddObjectToObject(p, "commute");
        CHECK(cm);
        if (c->transport) {
            cJSON *a = cJSON_AddArrayToObject(cm, "modes");
            CHECK(a);
            for (int k = 0; k < JM_TRANSPORT_COUNT; k++)
                if (c->transport & (1u << k))
                    CHECK(add_item(a, NULL, cJSON_CreateString(jm_transport_names[k])));
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
                CHECK(add_item(e, jm_env_names[d], tolerance_json(&c->env[d])));
    }
    if (jm_jc_riasec_known(&c->interests))
        CHECK(add_item(p, "interests", jm_jc_riasec_json(&c->interests)));
    bool any_value = false;
    for (int k = 0; k < JM_VALUE_COUNT; k++)
        any_value |= !isnan(c->values[k]);
    if (any_value) {
        cJSON *v = cJSON_AddObjectToObject(p, "work_values");
        CHECK(v);
        for (int k = 0; k < JM_VALUE_COUNT; k++)
            CHECK(isnan(c->values[k]) || jm_jc_add_number(v, jm_value_names[k], c->values[k]));
    }
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
        CHECK(add_item(o, "preferences", p));
    else
        cJSON_Delete(p);
    if (c->n_skills) {
        cJSON *a = cJSON_AddArrayToObject(o, "skills");
        CHECK(a);
        for (size_t i = 0; i < c->n_skills; i++) {
            cJSON *s = cJSON_CreateObject();
            CHECK(add_item(a, NULL, s));
            CHECK(jm_jc_add_string(s, "id", c->skills[i].id));
            CHECK(jm_jc_add_string(s, "label", c->skills[i].label));
            CHECK(isnan(c->skills[i].level) || jm_jc_add_number(s, "level", c->skills[i].level));
        }
    }
    if (c->has_licences || c->n_licences) {
        cJSON *a = cJSON_AddArrayToObject(o, "licences");
        CHECK(a);
        for (size_t i = 0; i < c->n_licences; i++)
            CHECK(add_item(a, NULL, cJSON_CreateString(c->licences[i])));
    }
    CHECK(jm_jc_add_tristate(o, "right_to_work", c->right_to_work));
    CHECK(jm_jc_add_tristate(o, "background_check", c->background_check));
    if (c->n_abilities) {
        cJSON *a = cJSON_AddObjectToObject(o, "abilities");
        CHECK(a);
        for (size_t i = 0; i < c->n_abilities; i++)
            CHECK(jm_jc_add_number(a, c->abilities[i].id, c->abilities[i].level));
    }
    if (c->has_needs || c->n_needs) {
        cJSON *a = cJSON_AddArrayToObject(o, "support_needs");
        CHECK(a);
        for (size_t i = 0; i < c->n_needs; i++) {
            const jm_need *nd = &c->needs[i];
            cJSON *s = cJSON_CreateObject();
            CHECK(add_item(a, NULL, s));
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
            CHECK(add_item(a, NULL, s));
            CHECK(add_item(s, "job_type", jm_jc_occupation_json(&h->occ)));
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

int jm_candidate_from_json(const char *text, size_t len, const jm_load_options *opts, jm_diags *diags,
                           jm_candidate **out)
{
    if (!text || !out)
        return jm_fail(JM_EINVAL, "jm_candidate_from_json: text and out are required");
    jm_jr r;
    jm_jr_init(&r, opts, diags);
    cJSON *root = jm_jr_parse(&r, text, len, 0);
    if (!root)
        return r.first_code ? r.first_code : JM_EPARSE;
    jm_candidate *c = jm_json_read_candidate(&r, root, true);
    cJSON_Delete(root);
    if (!c)
        return r.first_code ? r.first_code : JM_EINVAL;
    *out = c;
    return JM_OK;
}

int jm_candidate_to_json(const jm_candidate *candidate, char **out)
{
    if (!candidate || !out)
        return jm_fail(JM_EINVAL, "jm_candidate_to_json: candidate and out are required");
    return jm_jc_print(jm_json_candidate_tree(candidate, true), out);
}
