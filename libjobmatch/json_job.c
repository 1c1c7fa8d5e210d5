/* Job records: JSON -> jm_job and back (docs/FORMAT.md). */
#include <stdlib.h>

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

/* The record being read and the capacity of the array being filled. */
typedef struct job_ctx {
    jm_job *j;
    size_t cap;
    jm_jc_ids seen; /* the skills' ids */
} job_ctx;

static void read_hours(jm_jr *r, const cJSON *rec, jm_job *j)
{
    size_t m, before = r->errors;
    const cJSON *h = jm_jr_enter(r, rec, "hours", HOURS_FIELDS, &m);
    if (!h)
        return;
    double lo = NAN, hi = NAN;
    jm_jr_number(r, h, "min", 0, 168, &lo);
    jm_jr_number(r, h, "max", 0, 168, &hi);
    if (r->errors == before)
        jm_jc_check_order(r, "min", lo, "max", hi);
    if (r->errors == before && !(isnan(lo) && isnan(hi))) {
        /* a bound left out equals the other: {"min": 20} is 20 hours */
        j->hours_min = isnan(lo) ? hi : lo;
        j->hours_max = isnan(hi) ? lo : hi;
    }
    jm_jr_pop(r, m);
}

static void read_location(jm_jr *r, const cJSON *rec, jm_job *j)
{
    size_t m;
    const cJSON *l = jm_jr_enter(r, rec, "location", LOCATION_FIELDS, &m);
    if (!l)
        return;
    jm_jc_location(r, l, &j->lat, &j->lon, &j->area);
    jm_jc_tristate(r, l, "public_transport", &j->public_transport);
    jm_jc_tristate(r, l, "accessible", &j->accessible);
    jm_jr_pop(r, m);
}

static bool read_skill(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    job_ctx *x = ctx;
    jm_job *j = x->j;
    size_t before = r->errors;
    jm_jr_check_fields(r, e, SKILL_FIELDS);
    const char *id = NULL, *label = NULL;
    double level = NAN;
    bool essential = true;
    int trainable = JM_UNKNOWN;
    jm_jc_skill_id(r, e, &id);
    jm_jr_string(r, e, "label", 256, &label);
    jm_jr_bool(r, e, "essential", &essential);
    jm_jr_number(r, e, "level", 0, 7, &level);
    jm_jc_tristate(r, e, "trainable", &trainable);
    if (r->errors == before)
        jm_jc_skill_unique(r, &x->seen, j->skills, j->n_skills, sizeof *j->skills, id);
    if (r->errors == before) {
        jm_job_skill s = { jm_strdup(id), jm_strdup(label), level, essential, trainable, jm_str_key(id) };
        if (!s.id || (label && !s.label)) {
            jm_jc_nomem(r);
            free(s.id);
            free(s.label);
        } else if (!jm_jc_push(r, (void **)&j->skills, &j->n_skills, &x->cap, &s, sizeof s)) {
            free(s.id);
            free(s.label);
        }
    }
    return true;
}

static bool read_licence(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    job_ctx *x = ctx;
    jm_job *j = x->j;
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
    if (r->errors != before || !id || !jm_jc_licence_id_ok(r, id))
        return true;
    long k = JM_ID_INDEX(j->licences, j->n_licences, id);
    if (k >= 0) {
        /* the same licence twice: obtainable if either says so */
        j->licences[k].obtainable = j->licences[k].obtainable || obtainable;
        return true;
    }
    jm_licence_req lr = { jm_strdup(id), obtainable };
    if (!lr.id)
        jm_jc_nomem(r);
    else if (!jm_jc_push(r, (void **)&j->licences, &j->n_licences, &x->cap, &lr, sizeof lr))
        free(lr.id);
    return true;
}

static void read_legal(jm_jr *r, const cJSON *rec, jm_job *j)
{
    size_t m;
    const cJSON *l = jm_jr_enter(r, rec, "legal", LEGAL_FIELDS, &m);
    if (!l)
        return;
    job_ctx licences = { .j = j };
    jm_jr_each(r, l, "licences", NULL, read_licence, &licences);
    bool b;
    if (jm_jr_bool(r, l, "right_to_work", &b))
        j->right_to_work = b;
    if (jm_jr_bool(r, l, "background_check", &b))
        j->background_check = b;
    jm_jr_pop(r, m);
}

static bool read_offer(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    jm_job *j = ctx;
    const jm_profile *p = jm_jc_vocabulary(r);
    const char *offer = NULL;
    if (!jm_jr_value_string(r, e, 128, &offer))
        return true;
    if (!*offer) {
        jm_jr_error(r, JM_EINVAL, "expected an offer, found an empty string");
        return true;
    }
    if (p && !jm_profile_find_offer(p, offer))
        jm_jr_unknown_term(r, "offer", offer);
    if (!jm_strv_contains(j->offers, j->n_offers, offer) &&
        jm_strv_push(&j->offers, &j->n_offers, offer) != JM_OK)
        jm_jc_nomem(r);
    return true;
}

static void read_supports(jm_jr *r, const cJSON *rec, jm_job *j)
{
    size_t m;
    const cJSON *s = jm_jr_enter(r, rec, "supports", SUPPORTS_FIELDS, &m);
    if (!s)
        return;
    j->has_supports = true;
    jm_jr_each(r, s, "offers", NULL, read_offer, j);
    jm_jc_tristate(r, s, "job_coach_on_site", &j->coach_on_site);
    jm_jr_number(r, s, "training_weeks", 0, INFINITY, &j->training_weeks);
    jm_jr_pop(r, m);
}

jm_job *jm_json_read_job(jm_jr *r, const cJSON *obj, bool header_required)
{
    size_t before = r->errors;
    const char *id;
    if (!jm_jc_record_begin(r, obj, "job", header_required, JOB_FIELDS, &id))
        return NULL;
    jm_job *j = jm_job_alloc(id);
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
    jm_jr_numbers(r, obj, "environment", jm_env_names, JM_ENV_COUNT, 0, 4, j->env);
    jm_jc_riasec(r, obj, "interests", &j->interests);
    jm_jr_numbers(r, obj, "work_values", jm_value_names, JM_VALUE_COUNT, 1, 7, j->values);
    job_ctx skills = { .j = j };
    jm_jr_each(r, obj, "skills", "a skill object (id, label, essential, level, trainable)", read_skill,
               &skills);
    jm_jc_ids_free(&skills.seen);
    if (!jm_job_index_skills(j))
        jm_jc_nomem(r);
    read_legal(r, obj, j);
    jm_jc_levels(r, obj, "demands", "functional dimension", &j->demands, &j->n_demands);
    read_supports(r, obj, j);
    if (r->errors != before) {
        jm_job_free(j);
        return NULL;
    }
    return j;
}

/* --- writing --------------------------------------------------------------- */

#define CHECK(x) do { if (!(x)) goto oom; } while (0)

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
        CHECK(jm_jc_add_item(o, "occupation", jm_jc_occupation_json(&j->occ)));
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
        CHECK(jm_jc_add_item(o, "schedule", jm_jc_week_json(&j->schedule)));
    CHECK(isnan(j->months_per_year) || jm_jc_add_number(o, "months_per_year", j->months_per_year));
    bool has_ll = !isnan(j->lat) && !isnan(j->lon);
    if (has_ll || j->area || j->public_transport != JM_UNKNOWN || j->accessible != JM_UNKNOWN) {
        cJSON *l = cJSON_AddObjectToObject(o, "location");
        CHECK(l);
        CHECK(jm_jc_add_location(l, j->lat, j->lon, j->area));
        CHECK(jm_jc_add_tristate(l, "public_transport", j->public_transport));
        CHECK(jm_jc_add_tristate(l, "accessible", j->accessible));
    }
    CHECK(jm_jc_add_numbers(o, "environment", j->env, jm_env_names, JM_ENV_COUNT));
    if (jm_jc_riasec_known(&j->interests))
        CHECK(jm_jc_add_item(o, "interests", jm_jc_riasec_json(&j->interests)));
    CHECK(jm_jc_add_numbers(o, "work_values", j->values, jm_value_names, JM_VALUE_COUNT));
    if (j->n_skills) {
        cJSON *a = cJSON_AddArrayToObject(o, "skills");
        CHECK(a);
        for (size_t i = 0; i < j->n_skills; i++) {
            const jm_job_skill *sk = &j->skills[i];
            cJSON *s = cJSON_CreateObject();
            CHECK(jm_jc_add_item(a, NULL, s));
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
                CHECK(jm_jc_add_item(a, NULL, s));
                CHECK(jm_jc_add_string(s, "id", j->licences[i].id));
                CHECK(jm_jc_add_bool(s, "obtainable", j->licences[i].obtainable));
            }
        }
        CHECK(jm_jc_add_bool(l, "right_to_work", j->right_to_work));
        CHECK(jm_jc_add_bool(l, "background_check", j->background_check));
    }
    CHECK(jm_jc_add_levels(o, "demands", j->demands, j->n_demands));
    if (j->has_supports || j->n_offers || j->coach_on_site != JM_UNKNOWN || !isnan(j->training_weeks)) {
        cJSON *s = cJSON_AddObjectToObject(o, "supports");
        CHECK(s);
        CHECK(jm_jc_add_strings(s, "offers", j->offers, j->n_offers));
        CHECK(jm_jc_add_tristate(s, "job_coach_on_site", j->coach_on_site));
        CHECK(isnan(j->training_weeks) || jm_jc_add_number(s, "training_weeks", j->training_weeks));
    }
    return o;
oom:
    cJSON_Delete(o);
    return NULL;
}

/* --- public ---------------------------------------------------------------- */

static void *read_document_record(jm_jr *r, const cJSON *root)
{
    return jm_json_read_job(r, root, true);
}

int jm_job_from_json(const char *text, size_t len, const jm_load_options *opts, jm_diags *diags, jm_job **out)
{
    void *j = NULL;
    int rc = jm_jc_from_json("jm_job_from_json", text, len, opts, diags, out != NULL, read_document_record, &j);
    if (rc == JM_OK)
        *out = j;
    return rc;
}

int jm_job_to_json(const jm_job *job, char **out)
{
    if (!job || !out)
        return jm_fail(JM_EINVAL, "jm_job_to_json: job and out are required");
    return jm_jc_print(jm_json_job_tree(job, true), out);
}
