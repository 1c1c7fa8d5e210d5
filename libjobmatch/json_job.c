/* Job records: JSON -> jm_job and back (docs/FORMAT.md). */
#include <stdlib.h>
#include <string.h>

#include "json_common.h"
#include "names.h"
#include "profile_impl.h"

static const char *const JOB_FIELDS[] = { "schema", "type", "id", "employer", "title", "occupation",
                                          "job_zone", "competitive", "integrated", "wage", "hours",
                                          "schedule", "months_per_year", "location", "environment",
                                          "interests", "work_values", "skills", "legal", "demands",
                                          "supports", NULL };
static const char *const HOURS_FIELDS[] = { "min", "max", NULL };
static const char *const LOCATION_FIELDS[] = { "lat", "lon", "area", "public_transport", "accessible", NULL };
static const char *const SKILL_FIELDS[] = { "id", "label", "essential", "level", "trainable", NULL };
static const char *const LEGAL_FIELDS[] = { "licences", "right_to_work", "background_check", NULL };
static const char *const LICENCE_FIELDS[] = { "id", "obtainable", NULL };
static const char *const SUPPORTS_FIELDS[] = { "offers", "job_coach_on_site", "training_weeks", NULL };

static const jm_profile *vocabulary(jm_jr *r)
{
    const jm_profile *p = r->opts->profile;
    return p ? p : jm_profile_builtin();
}

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

static void read_hours(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *h = jm_jr_object(r, rec, "hours");
    if (!h)
        return;
    size_t m = jm_jr_push_key(r, "hours");
    size_t before = r->errors;
    jm_jr_check_fields(r, h, HOURS_FIELDS);
    double lo = NAN, hi = NAN;
    jm_jr_number(r, h, "min", 0, 168, &lo);
    jm_jr_number(r, h, "max", 0, 168, &hi);
    if (r->errors == before && !isnan(lo) && !isnan(hi) && lo > hi) {
        char a[32], b[32];
        size_t mk = jm_jr_push_key(r, "min");
        jm_jr_error(r, JM_EINVAL, "expected min at most max (%s), found %s", jm_num(b, hi), jm_num(a, lo));
        jm_jr_pop(r, mk);
    }
    if (r->errors == before && !(isnan(lo) && isnan(hi))) {
        /* a bound left out equals the other: {"min": 20} is 20 hours */
        j->hours_min = isnan(lo) ? hi : lo;
        j->hours_max = isnan(hi) ? lo : hi;
    }
    jm_jr_pop(r, m);
}

static void read_location(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *l = jm_jr_object(r, rec, "location");
    if (!l)
        return;
    size_t m = jm_jr_push_key(r, "location");
    jm_jr_check_fields(r, l, LOCATION_FIELDS);
    double lat = NAN, lon = NAN;
    bool has_lat = jm_jr_number(r, l, "lat", -90, 90, &lat);
    bool has_lon = jm_jr_number(r, l, "lon", -180, 180, &lon);
    bool lat_given = jm_jc_present(l, "lat"), lon_given = jm_jc_present(l, "lon");
    if (lat_given != lon_given) {
        size_t mk = jm_jr_push_key(r, lat_given ? "lon" : "lat");
        jm_jr_error(r, JM_EINVAL, "expected lat and lon together, found only %s", lat_given ? "lat" : "lon");
        jm_jr_pop(r, mk);
    } else if (has_lat && has_lon) {
        j->lat = lat;
        j->lon = lon;
    }
    const char *area = NULL;
    if (jm_jr_string(r, l, "area", 256, &area) && jm_str_set(&j->area, area) != JM_OK)
        jm_jc_nomem(r);
    jm_jc_tristate(r, l, "public_transport", &j->public_transport);
    jm_jc_tristate(r, l, "accessible", &j->accessible);
    jm_jr_pop(r, m);
}

static void read_environment(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *env = jm_jr_object(r, rec, "environment");
    if (!env)
        return;
    size_t m = jm_jr_push_key(r, "environment");
    const char *allowed[JM_ENV_COUNT + 1];
    for (int d = 0; d < JM_ENV_COUNT; d++)
        allowed[d] = jm_env_names[d];
    allowed[JM_ENV_COUNT] = NULL;
    jm_jr_check_fields(r, env, allowed);
    for (int d = 0; d < JM_ENV_COUNT; d++)
        jm_jr_number(r, env, jm_env_names[d], 0, 4, &j->env[d]);
    jm_jr_pop(r, m);
}

static void read_values(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *wv = jm_jr_object(r, rec, "work_values");
    if (!wv)
        return;
    size_t m = jm_jr_push_key(r, "work_values");
    const char *allowed[JM_VALUE_COUNT + 1];
    for (int k = 0; k < JM_VALUE_COUNT; k++)
        allowed[k] = jm_value_names[k];
    allowed[JM_VALUE_COUNT] = NULL;
    jm_jr_check_fields(r, wv, allowed);
    for (int k = 0; k < JM_VALUE_COUNT; k++)
        jm_jr_number(r, wv, jm_value_names[k], 1, 7, &j->values[k]);
    jm_jr_pop(r, m);
}

static void read_skills(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *a = jm_jr_array(r, rec, "skills");
    if (!a)
        return;
    size_t m = jm_jr_push_key(r, "skills");
    size_t cap = 0, i = 0;
    for (const cJSON *e = a->child; e; e = e->next, i++) {
        size_t mi = jm_jr_push_index(r, i);
        if (!cJSON_IsObject(e)) {
            jm_jr_error(r, JM_EINVAL, "expected a skill object (id, label, essential, level, trainable), found %s",
                        jm_json_type_name(e));
            jm_jr_pop(r, mi);
            continue;
        }
        size_t before = r->errors;
        jm_jr_check_fields(r, e, SKILL_FIELDS);
        const char *id = NULL, *label = NULL;
        double level = NAN;
        bool essential = true;
        int trainable = JM_UNKNOWN;
        if (!jm_jr_string(r, e, "id", 512, &id) && !jm_jc_present(e, "id"))
            jm_jc_missing(r, "id");
        if (id && !jm_long_id_valid(id, 512)) {
            size_t mk = jm_jr_push_key(r, "id");
            jm_jr_error(r, JM_EINVAL, "expected a skill id of 1 to 512 bytes without control characters, "
                                      "found %s", *id ? "another string" : "an empty string");
            jm_jr_pop(r, mk);
        }
        jm_jr_string(r, e, "label", 256, &label);
        jm_jr_bool(r, e, "essential", &essential);
        jm_jr_number(r, e, "level", 0, 7, &level);
        jm_jc_tristate(r, e, "trainable", &trainable);
        if (r->errors == before) {
            for (size_t k = 0; k < j->n_skills; k++) {
                if (strcmp(j->skills[k].id, id) == 0) {
                    size_t mk = jm_jr_push_key(r, "id");
                    if (jm_jr_is_term(id))
                        jm_jr_error(r, JM_EINVAL, "duplicate skill id '%s' (already given at skills[%zu])", id,
                                    k);
                    else
                        jm_jr_error(r, JM_EINVAL, "duplicate skill id (already given at skills[%zu])", k);
                    jm_jr_pop(r, mk);
                    break;
                }
            }
        }
        if (r->errors == before) {
            jm_job_skill s = { jm_strdup(id), jm_strdup(label), level, essential, trainable };
            if (!s.id || (label && !s.label)) {
                jm_jc_nomem(r);
                free(s.id);
                free(s.label);
            } else if (!push(r, (void **)&j->skills, &j->n_skills, &cap, &s, sizeof s)) {
                free(s.id);
                free(s.label);
            }
        }
        jm_jr_pop(r, mi);
    }
    jm_jr_pop(r, m);
}

static void read_legal(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *l = jm_jr_object(r, rec, "legal");
    if (!l)
        return;
    size_t m = jm_jr_push_key(r, "legal");
    jm_jr_check_fields(r, l, LEGAL_FIELDS);
    const cJSON *a = jm_jr_array(r, l, "licences");
    if (a) {
        size_t ml = jm_jr_push_key(r, "licences");
        size_t cap = 0, i = 0;
        for (const cJSON *e = a->child; e; e = e->next, i++) {
            size_t mi = jm_jr_push_index(r, i);
            size_t before = r->errors;
            const char *id = NULL;
            bool obtainable = false;
            if (cJSON_IsString(e)) {
                jm_jr_value_string(r, e, 256, &id);
            } else if (cJSON_IsObject(e)) {
                jm_jr_check_fields(r, e, LICENCE_FIELDS);
                if (!jm_jr_string(r, e, "id", 256, &id) && !jm_jc_present(e, "id"))
                    jm_jc_missing(r, "id");
                jm_jr_bool(r, e, "obtainable", &obtainable);
            } else {
                jm_jr_error(r, JM_EINVAL, "expected a licence id or an object {\"id\", \"obtainable\"}, found %s",
                            jm_json_type_name(e));
            }
            if (r->errors == before && id && !jm_long_id_valid(id, 256))
                jm_jr_error(r, JM_EINVAL, "expected a licence id of 1 to 256 bytes without control "
                                          "characters, found %s", *id ? "another string" : "an empty string");
            if (r->errors == before && id) {
                bool dup = false;
                for (size_t k = 0; k < j->n_licences; k++)
                    if (strcmp(j->licences[k].id, id) == 0) {
                        /* the same licence twice: obtainable if either says so */
                        j->licences[k].obtainable = j->licences[k].obtainable || obtainable;
                        dup = true;
                    }
                if (!dup) {
                    jm_licence_req lr = { jm_strdup(id), obtainable };
                    if (!lr.id)
                        jm_jc_nomem(r);
                    else if (!push(r, (void **)&j->licences, &j->n_licences, &cap, &lr, sizeof lr))
                        free(lr.id);
                }
            }
            jm_jr_pop(r, mi);
        }
        jm_jr_pop(r, ml);
    }
    bool b;
    if (jm_jr_bool(r, l, "right_to_work", &b))
        j->right_to_work = b;
    if (jm_jr_bool(r, l, "background_check", &b))
        j->background_check = b;
    jm_jr_pop(r, m);
}

static void read_demands(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *o = jm_jr_object(r, rec, "demands");
    if (!o)
        return;
    size_t m = jm_jr_push_key(r, "demands");
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
            jm_jr_unknown_term(r, "functional dimension", dim);
            jm_jr_pop(r, md);
        }
        if (r->errors == before && level >= 0) {
            jm_level_item it = { jm_strdup(dim), level };
            if (!it.id)
                jm_jc_nomem(r);
            else if (!push(r, (void **)&j->demands, &j->n_demands, &cap, &it, sizeof it))
                free(it.id);
        }
    }
    jm_jr_pop(r, m);
}

static void read_supports(jm_jr *r, const cJSON *rec, jm_job *j)
{
    const cJSON *s = jm_jr_object(r, rec, "supports");
    if (!s)
        return;
    size_t m = jm_jr_push_key(r, "supports");
    jm_jr_check_fields(r, s, SUPPORTS_FIELDS);
    j->has_supports = true;
    const jm_profile *p = vocabulary(r);
    const cJSON *a = jm_jr_array(r, s, "offers");
    if (a) {
        size_t mo = jm_jr_push_key(r, "offers");
        size_t i = 0;
        for (const cJSON *e = a->child; e; e = e->next, i++) {
            size_t mi = jm_jr_push_index(r, i);
            const char *offer = NULL;
            if (jm_jr_value_string(r, e, 128, &offer)) {
                if (!*offer) {
                    jm_jr_error(r, JM_EINVAL, "expected an offer, found an empty string");
                } else {
                    if (p && !jm_profile_find_offer(p, offer))
                        jm_jr_unknown_term(r, "offer", offer);
                    if (!jm_strv_contains(j->offers, j->n_offers, offer) &&
                        jm_strv_push(&j->offers, &j->n_offers, offer) != JM_OK)
                        jm_jc_nomem(r);
                }
            }
            jm_jr_pop(r, mi);
        }
        jm_jr_pop(r, mo);
    }
    jm_jc_tristate(r, s, "job_coach_on_site", &j->coach_on_site);
    jm_jr_number(r, s, "training_weeks", 0, INFINITY, &j->training_weeks);
    jm_jr_pop(r, m);
}

jm_job *jm_json_read_job(jm_jr *r, const cJSON *obj, bool header_required)
{
    if (!cJSON_IsObject(obj)) {
        jm_jr_error(r, JM_EINVAL, "expected a job record (an object), found %s", jm_json_type_name(obj));
        return NULL;
    }
    size_t before = r->errors;
    jm_jc_header(r, obj, "job", header_required);
    if (r->errors != before)
        return NULL;
    jm_jr_check_fields(r, obj, JOB_FIELDS);
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
    jm_job *j = jm_job_alloc(id ? id : "?");
    if (!j) {
        jm_jc_nomem(r);
        return NULL;
    }
    const char *s = NULL;
    if (jm_jr_string(r, obj, "employer", 256, &s) && jm_str_set(&j->employer, s) != JM_OK)
        jm_jc_nomem(r);
    if (jm_jr_string(r, obj, "title", 256, &s) && jm_str_set(&j->title, s) != JM_OK)
        jm_jc_nomem(r);
    jm_jc_occupation(r, obj, "occupation", &j->occ);
    jm_jr_int(r, obj, "job_zone", 1, 5, &j->job_zone);
    jm_jc_tristate(r, obj, "competitive", &j->competitive);
    jm_jc_tristate(r, obj, "integrated", &j->integrated);
    jm_jr_number(r, obj, "wage", 0, INFINITY, &j->wage);
    read_hours(r, obj, j);
    jm_week w;
    bool has = false;
    if (jm_jc_week(r, obj, "schedule", &w, &has) && has) {
        j->schedule = w;
        j->has_schedule = true;
    }
    jm_jr_number(r, obj, "months_per_year", 1, 12, &j->months_per_year);
    read_location(r, obj, j);
    read_environment(r, obj, j);
    jm_jc_riasec(r, obj, "interests", &j->interests);
    read_values(r, obj, j);
    read_skills(r, obj, j);
    read_legal(r, obj, j);
    read_demands(r, obj, j);
    read_supports(r, obj, j);
    if (r->errors != before) {
        jm_job_free(j);
        return NULL;
    }
    return j;
}

/* --- writing --------------------------------------------------------------- */

#define CHECK(x) do { if (!(x)) goto oom; } while (0)

static bool add_item(cJSON *parent, const char *key, cJSON *item)
{
    if (!item)
        return false;
    if (key)
        return cJSON_AddItemToObject(parent, key, item) != 0;
    return cJSON_AddItemToArray(parent, item) != 0;
}

cJSON *jm_json_job_tree(const jm_job *j, bool header)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    if (header) {
        CHECK(jm_jc_add_string(o, "schema", JM_SCHEMA));
        CHECK(jm_jc_add_string(o, "type", "job"));
    }
    CHECK(jm_jc_add_string(o, "id", j->id));
    CHECK(jm_jc_add_string(o, "employer", j->employer));
    CHECK(jm_jc_add_string(o, "title", j->title));
    if (!jm_occ_is_empty(&j->occ))
        CHECK(add_item(o, "occupation", jm_jc_occupation_json(&j->occ)));
    CHECK(j->job_zone == 0 || jm_jc_add_number(o, "job_zone", j->job_zone));
    CHECK(jm_jc_add_tristate(o, "competitive", j->competitive));
    CHECK(jm_jc_add_tristate(o, "integrated", j->integrated));
    CHECK(isnan(j->wage) || jm_jc_add_number(o, "wage", j->wage));
    if (!isnan(j->hours_min) || !isnan(j->hours_max)) {
        cJSON *h = cJSON_AddObjectToObject(o, "hours");
        CHECK(h);
        CHECK(isnan(j->hours_min) || jm_jc_add_number(h, "min", j->hours_min));
        CHECK(isnan(j->hours_max) || jm_jc_add_number(h, "max", j->hours_max));
    }
    if (j->has_schedule && !jm_week_is_empty(&j->schedule))
        CHECK(add_item(o, "schedule", jm_jc_week_json(&j->schedule)));
    CHECK(isnan(j->months_per_year) || jm_jc_add_number(o, "months_per_year", j->months_per_year));
    bool has_ll = !isnan(j->lat) && !isnan(j->lon);
    if (has_ll || j->area || j->public_transport != JM_UNKNOWN || j->accessible != JM_UNKNOWN) {
        cJSON *l = cJSON_AddObjectToObject(o, "location");
        CHECK(l);
        if (has_ll) {
            CHECK(jm_jc_add_number(l, "lat", j->lat));
            CHECK(jm_jc_add_number(l, "lon", j->lon));
        }
        CHECK(jm_jc_add_string(l, "area", j->area));
        CHECK(jm_jc_add_tristate(l, "public_transport", j->public_transport));
        CHECK(jm_jc_add_tristate(l, "accessible", j->accessible));
    }
    bool any = false;
    for (int d = 0; d < JM_ENV_COUNT; d++)
        any |= !isnan(j->env[d]);
    if (any) {
        cJSON *e = cJSON_AddObjectToObject(o, "environment");
        CHECK(e);
        for (int d = 0; d < JM_ENV_COUNT; d++)
            CHECK(isnan(j->env[d]) || jm_jc_add_number(e, jm_env_names[d], j->env[d]));
    }
    if (jm_jc_riasec_known(&j->interests))
        CHECK(add_item(o, "interests", jm_jc_riasec_json(&j->interests)));
    any = false;
    for (int k = 0; k < JM_VALUE_COUNT; k++)
        any |= !isnan(j->values[k]);
    if (any) {
        cJSON *v = cJSON_AddObjectToObject(o, "work_values");
        CHECK(v);
        for (int k = 0; k < JM_VALUE_COUNT; k++)
            CHECK(isnan(j->values[k]) || jm_jc_add_number(v, jm_value_names[k], j->values[k]));
    }
    if (j->n_skills) {
        cJSON *a = cJSON_AddArrayToObject(o, "skills");
        CHECK(a);
        for (size_t i = 0; i < j->n_skills; i++) {
            const jm_job_skill *sk = &j->skills[i];
            cJSON *s = cJSON_CreateObject();
            CHECK(add_item(a, NULL, s));
            CHECK(jm_jc_add_string(s, "id", sk->id));
            CHECK(jm_jc_add_string(s, "label", sk->label));
            CHECK(jm_jc_add_bool(s, "essential", sk->essential));
            CHECK(isnan(sk->level) || jm_jc_add_number(s, "level", sk->level));
            CHECK(jm_jc_add_tristate(s, "trainable", sk->trainable));
        }
    }
    if (j->n_licences || j->right_to_work || j->background_check) {
        cJSON *l = cJSON_AddObjectToObject(o, "legal");
        CHECK(l);
        if (j->n_licences) {
            cJSON *a = cJSON_AddArrayToObject(l, "licences");
            CHECK(a);
            for (size_t i = 0; i < j->n_licences; i++) {
                cJSON *s = cJSON_CreateObject();
                CHECK(add_item(a, NULL, s));
                CHECK(jm_jc_add_string(s, "id", j->licences[i].id));
                CHECK(jm_jc_add_bool(s, "obtainable", j->licences[i].obtainable));
            }
        }
        CHECK(jm_jc_add_bool(l, "right_to_work", j->right_to_work));
        CHECK(jm_jc_add_bool(l, "background_check", j->background_check));
    }
    if (j->n_demands) {
        cJSON *d = cJSON_AddObjectToObject(o, "demands");
        CHECK(d);
        for (size_t i = 0; i < j->n_demands; i++)
            CHECK(jm_jc_add_number(d, j->demands[i].id, j->demands[i].level));
    }
    if (j->has_supports || j->n_offers || j->coach_on_site != JM_UNKNOWN || !isnan(j->training_weeks)) {
        cJSON *s = cJSON_AddObjectToObject(o, "supports");
        CHECK(s);
        cJSON *a = cJSON_AddArrayToObject(s, "offers");
        CHECK(a);
        for (size_t i = 0; i < j->n_offers; i++)
            CHECK(add_item(a, NULL, cJSON_CreateString(j->offers[i])));
        CHECK(jm_jc_add_tristate(s, "job_coach_on_site", j->coach_on_site));
        CHECK(isnan(j->training_weeks) || jm_jc_add_number(s, "training_weeks", j->training_weeks));
    }
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

/* --- public ---------------------------------------------------------------- */

int jm_job_from_json(const char *text, size_t len, const jm_load_options *opts, jm_diags *diags, jm_job **out)
{
    if (!text || !out)
        return jm_fail(JM_EINVAL, "jm_job_from_json: text and out are required");
    jm_jr r;
    jm_jr_init(&r, opts, diags);
    cJSON *root = jm_jr_parse(&r, text, len, 0);
    if (!root)
        return r.first_code ? r.first_code : JM_EPARSE;
    jm_job *j = jm_json_read_job(&r, root, true);
    cJSON_Delete(root);
    if (!j)
        return r.first_code ? r.first_code : JM_EINVAL;
    *out = j;
    return JM_OK;
}

int jm_job_to_json(const jm_job *job, char **out)
{
    if (!job || !out)
        return jm_fail(JM_EINVAL, "jm_job_to_json: job and out are required");
    return jm_jc_print(jm_json_job_tree(job, true), out);
}
