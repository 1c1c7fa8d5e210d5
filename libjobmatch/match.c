/* Match results: allocation and the public accessors. */
#include <stdlib.h>
#include <string.h>

#include "match_impl.h"
#include "profile_impl.h"
#include "util.h"

struct jm_match *jm_match_alloc(const char *candidate_id, const char *job_id,
                                const jm_profile *profile)
{
    struct jm_match *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->candidate_id = jm_strdup(candidate_id);
    m->job_id = jm_strdup(job_id);
    m->profile_id = jm_strdup(profile->id);
    m->engine_version = "libjobmatch " JM_VERSION_STRING;
    memcpy(m->profile_hash, profile->hash, sizeof m->profile_hash);
    m->factors = calloc(JM_FACTOR_COUNT, sizeof *m->factors);
    m->cap_factors = JM_FACTOR_COUNT;
    if (!m->candidate_id || !m->job_id || !m->profile_id || !m->factors) {
        jm_match_clear(m);
        free(m);
        return NULL;
    }
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        jm_factor_entry *e = &m->factors[f];
        e->score = NAN;
        e->weight = profile->weights[f];
        if (!(e->name = jm_strdup(jm_factor_name(f)))) {
            m->n_factors = (size_t)f;
            jm_match_clear(m);
            free(m);
            return NULL;
        }
        m->n_factors = (size_t)f + 1;
    }
    return m;
}

void jm_match_clear(struct jm_match *m)
{
    if (!m)
        return;
    free(m->candidate_id);
    free(m->job_id);
    free(m->profile_id);
    for (size_t i = 0; i < m->n_factors; i++) {
        free(m->factors[i].name);
        free(m->factors[i].detail);
    }
    free(m->factors);
    for (size_t i = 0; i < m->n_exclusions; i++) {
        free(m->exclusions[i].factor);
        free(m->exclusions[i].reason);
        free(m->exclusions[i].lift);
    }
    free(m->exclusions);
    for (size_t i = 0; i < m->n_skills; i++) {
        free(m->skills[i].id);
        free(m->skills[i].label);
    }
    free(m->skills);
    for (size_t i = 0; i < m->n_training; i++) {
        free(m->training[i].id);
        free(m->training[i].label);
        free(m->training[i].by);
    }
    free(m->training);
    for (size_t i = 0; i < m->n_support; i++) {
        free(m->support[i].need);
        free(m->support[i].label);
        free(m->support[i].offer);
        free(m->support[i].origin);
    }
    free(m->support);
    jm_strv_free(m->notes, m->n_notes);
    free(m->fading);
    memset(m, 0, sizeof *m);
}

void jm_match_free(jm_match *m)
{
    if (!m)
        return;
    jm_match_clear(m);
    free(m);
}

const char *jm_match_candidate_id(const jm_match *m) { return m->candidate_id; }
const char *jm_match_job_id(const jm_match *m) { return m->job_id; }
double jm_match_total(const jm_match *m) { return m->total; }
double jm_match_confidence(const jm_match *m) { return m->confidence; }
int jm_match_feasible(const jm_match *m) { return m->feasible; }
const char *jm_match_profile_id(const jm_match *m) { return m->profile_id; }
const char *jm_match_profile_hash(const jm_match *m) { return m->profile_hash; }
const char *jm_match_engine_version(const jm_match *m) { return m->engine_version; }
size_t jm_match_factor_count(const jm_match *m) { return m->n_factors; }

static void factor_info(const jm_factor_entry *e, jm_factor_info *out)
{
    out->name = e->name;
    out->has_data = e->has_data;
    out->score = e->score;
    out->weight = e->weight;
    out->contribution = e->contribution;
    out->excluded = e->excluded;
    out->detail = e->detail ? e->detail : "";
}

int jm_match_factor(const jm_match *m, size_t i, jm_factor_info *out)
{
    if (!m || !out || i >= m->n_factors)
        return JM_ERANGE;
    factor_info(&m->factors[i], out);
    return JM_OK;
}

int jm_match_factor_by_name(const jm_match *m, const char *name, jm_factor_info *out)
{
    for (size_t i = 0; m && name && out && i < m->n_factors; i++) {
        if (strcmp(m->factors[i].name, name) == 0) {
            factor_info(&m->factors[i], out);
            return JM_OK;
        }
    }
    return JM_ENOTFOUND;
}

size_t jm_match_exclusion_count(const jm_match *m) { return m->n_exclusions; }

int jm_match_exclusion(const jm_match *m, size_t i, jm_exclusion *out)
{
    if (!m || !out || i >= m->n_exclusions)
        return JM_ERANGE;
    out->factor = m->exclusions[i].factor;
    out->reason = m->exclusions[i].reason;
    out->lift = m->exclusions[i].lift ? m->exclusions[i].lift : "";
    return JM_OK;
}

static void skill_info(const jm_skill_entry *e, jm_skill_match *out)
{
    out->id = e->id;
    out->label = e->label ? e->label : "";
    out->essential = e->essential;
    out->required_level = e->required_level;
    out->candidate_level = e->candidate_level;
    out->trainable = e->trainable;
    out->credit = e->credit;
}

/* The i-th skill entry whose matched flag equals matched. */
static const jm_skill_entry *nth_skill(const jm_match *m, bool matched, size_t i)
{
    for (size_t k = 0; k < m->n_skills; k++)
        if (m->skills[k].matched == matched && i-- == 0)
            return &m->skills[k];
    return NULL;
}

static size_t count_skills(const jm_match *m, bool matched)
{
    size_t n = 0;
    for (size_t k = 0; k < m->n_skills; k++)
        n += m->skills[k].matched == matched;
    return n;
}

size_t jm_match_matched_skill_count(const jm_match *m) { return count_skills(m, true); }
size_t jm_match_missing_skill_count(const jm_match *m) { return count_skills(m, false); }

int jm_match_matched_skill(const jm_match *m, size_t i, jm_skill_match *out)
{
    const jm_skill_entry *e = m && out ? nth_skill(m, true, i) : NULL;
    if (!e)
        return JM_ERANGE;
    skill_info(e, out);
    return JM_OK;
}

int jm_match_missing_skill(const jm_match *m, size_t i, jm_skill_match *out)
{
    const jm_skill_entry *e = m && out ? nth_skill(m, false, i) : NULL;
    if (!e)
        return JM_ERANGE;
    skill_info(e, out);
    return JM_OK;
}

size_t jm_match_training_count(const jm_match *m) { return m->n_training; }

int jm_match_training(const jm_match *m, size_t i, jm_training_item *out)
{
    if (!m || !out || i >= m->n_training)
        return JM_ERANGE;
    const jm_training_entry *e = &m->training[i];
    out->kind = e->kind;
    out->id = e->id;
    out->label = e->label ? e->label : e->id;
    out->essential = e->essential;
    out->gap_levels = e->gap_levels;
    out->effort_hours = e->effort_hours;
    out->by = e->by ? e->by : "";
    return JM_OK;
}

size_t jm_match_support_count(const jm_match *m) { return m->n_support; }

int jm_match_support(const jm_match *m, size_t i, jm_support_item *out)
{
    if (!m || !out || i >= m->n_support)
        return JM_ERANGE;
    const jm_support_entry *e = &m->support[i];
    out->need = e->need;
    out->label = e->label ? e->label : e->need;
    out->intensity = e->intensity;
    out->essential = e->essential;
    out->provider = e->provider;
    out->offer = e->offer ? e->offer : "";
    out->coach_hours = e->coach_hours;
    out->origin = e->origin ? e->origin : "stated";
    return JM_OK;
}

double jm_match_coach_hours(const jm_match *m) { return m->coach_hours; }
size_t jm_match_fading_count(const jm_match *m) { return m->n_fading; }

int jm_match_fading(const jm_match *m, size_t i, jm_fading_step *out)
{
    if (!m || !out || i >= m->n_fading)
        return JM_ERANGE;
    *out = m->fading[i];
    return JM_OK;
}

size_t jm_match_note_count(const jm_match *m) { return m->n_notes; }

const char *jm_match_note(const jm_match *m, size_t i)
{
    return m && i < m->n_notes ? m->notes[i] : NULL;
}
