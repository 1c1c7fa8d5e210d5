/* Match results and rankings as JSON (the format of docs/FORMAT.md, "Results"). */
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "match_impl.h"
#include "util.h"

/* Numbers are rounded to 6 decimals so that output is short and stable. */
static double r6(double x)
{
    double r = round(x * 1e6) / 1e6;
    return r == 0 ? 0 : r; /* no "-0" */
}

static bool add_num(cJSON *o, const char *k, double x)
{
    cJSON *v = isnan(x) ? cJSON_CreateNull() : cJSON_CreateNumber(r6(x));
    return v && cJSON_AddItemToObject(o, k, v);
}

static bool add_str(cJSON *o, const char *k, const char *s)
{
    return cJSON_AddStringToObject(o, k, s ? s : "") != NULL;
}

static bool add_bool(cJSON *o, const char *k, bool b)
{
    return cJSON_AddBoolToObject(o, k, b) != NULL;
}

static cJSON *factor_json(const jm_factor_entry *f)
{
    cJSON *o = cJSON_CreateObject();
    if (o && add_num(o, "score", f->has_data ? f->score : NAN) && add_num(o, "weight", f->weight) &&
        add_num(o, "contribution", f->contribution) && add_bool(o, "has_data", f->has_data) &&
        add_bool(o, "excluded", f->excluded) && (!f->abstained || add_bool(o, "abstained", true)) &&
        add_str(o, "detail", f->detail))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *skill_json(const jm_skill_entry *s)
{
    cJSON *o = cJSON_CreateObject();
    if (o && add_str(o, "id", s->id) && add_str(o, "label", s->label) &&
        add_bool(o, "essential", s->essential) && add_num(o, "required_level", s->required_level) &&
        add_num(o, "level", s->candidate_level) && add_bool(o, "trainable", s->trainable) &&
        add_num(o, "credit", s->credit))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static cJSON *training_json(const jm_training_entry *t)
{
    cJSON *o = cJSON_CreateObject();
    if (o && add_str(o, "kind", t->kind == JM_TRAINING_LICENCE ? "licence" : "skill") &&
        add_str(o, "id", t->id) && add_str(o, "label", t->label) &&
        add_bool(o, "essential", t->essential) && add_num(o, "gap_levels", t->gap_levels) &&
        add_num(o, "effort_hours", t->effort_hours) && add_str(o, "by", t->by))
        return o;
    cJSON_Delete(o);
    return NULL;
}

static const char *const intensity_json[] = { "", "low", "medium", "high" };

static cJSON *support_json(const jm_support_entry *s)
{
    cJSON *o = cJSON_CreateObject();
    const char *intensity = s->intensity >= 1 && s->intensity <= 3 ? intensity_json[s->intensity]
                                                                    : "medium";
    const char *provider = jm_provider_name(s->provider);
    if (o && add_str(o, "need", s->need) && add_str(o, "label", s->label) &&
        add_str(o, "intensity", intensity) && add_bool(o, "essential", s->essential) &&
        add_str(o, "provider", provider ? provider : "unmet") && add_str(o, "offer", s->offer) &&
        add_num(o, "coach_hours", s->coach_hours) && add_str(o, "origin", s->origin))
        return o;
    cJSON_Delete(o);
    return NULL;
}

/* Appends to array arr the JSON of each of n items (skipping those filter rejects). */
#define ADD_ALL(arr, items, n, fn, filter)                                                   \
    do {                                                                                      \
        for (size_t i_ = 0; i_ < (n); i_++) {                                                 \
            if (!(filter))                                                                    \
                continue;                                                                     \
            cJSON *it_ = fn(&(items)[i_]);                                                    \
            if (!it_ || !cJSON_AddItemToArray(arr, it_)) {                                    \
                cJSON_Delete(it_);                                                            \
                return false;                                                                 \
            }                                                                                 \
        }                                                                                     \
    } while (0)

static bool fill_match(cJSON *o, const struct jm_match *m)
{
    if (!add_str(o, "candidate", m->candidate_id) || !add_str(o, "job", m->job_id) ||
        !add_num(o, "score", m->total) || !add_num(o, "confidence", m->confidence) ||
        !add_bool(o, "feasible", m->feasible))
        return false;

    cJSON *factors = cJSON_AddObjectToObject(o, "factors");
    if (!factors)
        return false;
    for (size_t i = 0; i < m->n_factors; i++) {
        cJSON *f = factor_json(&m->factors[i]);
        if (!f || !cJSON_AddItemToObject(factors, m->factors[i].name, f)) {
            cJSON_Delete(f);
            return false;
        }
    }

    cJSON *excl = cJSON_AddArrayToObject(o, "exclusions");
    if (!excl)
        return false;
    for (size_t i = 0; i < m->n_exclusions; i++) {
        cJSON *x = cJSON_CreateObject();
        if (!x || !cJSON_AddItemToArray(excl, x)) {
            cJSON_Delete(x);
            return false;
        }
        if (!add_str(x, "factor", m->exclusions[i].factor) ||
            !add_str(x, "reason", m->exclusions[i].reason) || !add_str(x, "lift", m->exclusions[i].lift))
            return false;
    }

    cJSON *matched = cJSON_AddArrayToObject(o, "matched_skills");
    cJSON *missing = cJSON_AddArrayToObject(o, "missing_skills");
    cJSON *training = cJSON_AddArrayToObject(o, "training_plan");
    if (!matched || !missing || !training)
        return false;
    ADD_ALL(matched, m->skills, m->n_skills, skill_json, m->skills[i_].matched);
    ADD_ALL(missing, m->skills, m->n_skills, skill_json, !m->skills[i_].matched);
    ADD_ALL(training, m->training, m->n_training, training_json, true);

    cJSON *plan = cJSON_AddObjectToObject(o, "support_plan");
    cJSON *needs = plan ? cJSON_AddArrayToObject(plan, "needs") : NULL;
    if (!needs)
        return false;
    ADD_ALL(needs, m->support, m->n_support, support_json, true);
    if (!add_num(plan, "coach_hours_per_week", m->coach_hours))
        return false;
    cJSON *fading = cJSON_AddArrayToObject(plan, "fading");
    if (!fading)
        return false;
    for (size_t i = 0; i < m->n_fading; i++) {
        cJSON *s = cJSON_CreateObject();
        if (!s || !cJSON_AddItemToArray(fading, s)) {
            cJSON_Delete(s);
            return false;
        }
        if (!add_num(s, "week", m->fading[i].week) || !add_num(s, "hours", m->fading[i].hours))
            return false;
    }

    cJSON *notes = cJSON_AddArrayToObject(o, "notes");
    if (!notes)
        return false;
    for (size_t i = 0; i < m->n_notes; i++) {
        cJSON *s = cJSON_CreateString(m->notes[i]);
        if (!s || !cJSON_AddItemToArray(notes, s)) {
            cJSON_Delete(s);
            return false;
        }
    }
    cJSON *prof = cJSON_CreateObject();
    if (!prof || !cJSON_AddItemToObject(o, "profile", prof)) {
        cJSON_Delete(prof);
        return false;
    }
    return add_str(prof, "id", m->profile_id) && add_str(prof, "hash", m->profile_hash) &&
           add_str(o, "engine", m->engine_version);
}

/* Prints and frees a tree; JM_OK or JM_ENOMEM. */
static int print_tree(cJSON *root, bool ok, char **out)
{
    char *text = ok ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    if (!text)
        return jm_fail(JM_ENOMEM, "out of memory writing JSON");
    /* cJSON allocates with malloc, as jm_free frees. */
    *out = text;
    return JM_OK;
}

int jm_match_to_json(const jm_match *m, char **out)
{
    if (!m || !out)
        return jm_fail(JM_EINVAL, "jm_match_to_json: match and out are required");
    cJSON *root = cJSON_CreateObject();
    return print_tree(root, root && fill_match(root, m), out);
}

static bool add_matches(cJSON *o, const char *key, struct jm_match *const *ms, size_t n, bool ranked)
{
    cJSON *arr = cJSON_AddArrayToObject(o, key);
    if (!arr)
        return false;
    for (size_t i = 0; i < n; i++) {
        cJSON *x = cJSON_CreateObject();
        if (!x || !cJSON_AddItemToArray(arr, x)) {
            cJSON_Delete(x);
            return false;
        }
        if ((ranked && !add_num(x, "rank", (double)(i + 1))) || !fill_match(x, ms[i]))
            return false;
    }
    return true;
}

int jm_ranking_to_json(const jm_ranking *r, char **out)
{
    if (!r || !out)
        return jm_fail(JM_EINVAL, "jm_ranking_to_json: ranking and out are required");
    cJSON *root = cJSON_CreateObject();
    bool ok = root && add_str(root, r->for_candidates ? "job" : "candidate", r->subject) &&
              add_num(root, "feasible_total", (double)r->feasible_total) &&
              add_matches(root, "matches", r->kept, r->n_kept, true) &&
              add_matches(root, "excluded", r->excluded, r->n_excluded, false);
    return print_tree(root, ok, out);
}
