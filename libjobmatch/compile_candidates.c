/*
 * Compiling a candidate set (compiled.h): each record's hours in single
 * precision, its environment bounds, interests and work values in whole
 * hundredths, its occupations, skills, licences, abilities and needs in the
 * set's arrays; what does not compile exactly is marked for the factor code
 * (jm_ccand.generic).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compile_impl.h"
#include "factors/factors.h"

static int ability_cmp(const void *a, const void *b)
{
    const uint32_t x = jm_cability_dim(*(const jm_cability *)a), y = jm_cability_dim(*(const jm_cability *)b);
    return (x > y) - (x < y);
}

/* A candidate's interests in hundredths; false when a score does not
 * encode (no block: the factor code reads the source record). */
static bool cand_interests_block(jm_compiler *k, jm_blockpool *pool, const jm_interests *in, uint32_t *at)
{
    *at = JM_NO_BLOCK;
    if (!in->has_scores && !in->code[0])
        return true;
    jm_ccand_interests ci;
    memset(&ci, 0, sizeof ci);
    ci.has_scores = in->has_scores;
    for (int i = 0; i < JM_RIASEC_COUNT && in->has_scores; i++)
        if (!jm_hundredths_of(in->scores[i], INT16_MIN + 1, INT16_MAX, &ci.score[i]))
            return false;
    ci.letter = jm_riasec_leading_letter(in);
    *at = jm_compile_block(k, pool, &ci);
    return true;
}

/* A candidate's work values in hundredths, as cand_interests_block. */
static bool cand_values_block(jm_compiler *k, jm_blockpool *pool, const double *values, uint32_t *at)
{
    *at = JM_NO_BLOCK;
    jm_ccand_values v;
    memset(&v, 0, sizeof v);
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        if (!jm_hundredths_of(values[i], INT16_MIN + 1, INT16_MAX, &v.importance[i]))
            return false;
    *at = jm_compile_block(k, pool, &v);
    return true;
}

static void compile_candidate(jm_compiler *k, jm_ccands *cs, const jm_candidate *c, jm_ccand *r,
                              jm_array *occs, jm_array *skills, jm_array *lic, jm_array *abil, jm_array *needs)
{
    memset(r, 0, sizeof *r);
    double hours[5] = { NAN, NAN, NAN, c->hours_min, c->hours_max };
    r->has_hours = jm_hours_candidate_range(c, &hours[0], &hours[1], &hours[2]);
    for (int i = 0; i < 5; i++)
        if (!jm_float_exact(hours[i])) /* the range needs double precision (benefits read it too) */
            r->generic |= (1u << JM_FACTOR_HOURS) | (1u << JM_FACTOR_BENEFITS);
    r->h_min = (float)hours[0];
    r->h_ideal = (float)hours[1];
    r->h_max = (float)hours[2];
    r->h_raw_min = (float)hours[3];
    r->h_raw_max = (float)hours[4];
    r->hours_firm = c->hours_firm;
    r->avail = c->has_availability && !jm_week_is_empty(&c->availability)
                   ? jm_compile_block(k, &cs->weeks, &c->availability) : JM_NO_BLOCK;
    r->lat = c->lat;
    r->lon = c->lon;
    r->cos_lat = isnan(c->lat) ? NAN : jm_cos_lat(c->lat);
    r->area = jm_compile_str(k, c->area, 1);
    r->transport = (uint8_t)c->transport;
    r->max_commute = c->max_commute;
    r->wage_floor = c->wage_floor;
    r->wage_firm = c->wage_firm;

    jm_cenv_tol env;
    memset(&env, 0, sizeof env);
    for (int d = 0; d < JM_ENV_COUNT; d++) {
        const double lo = isnan(c->env[d].min) ? 0.0 : c->env[d].min;
        const double hi = isnan(c->env[d].max) ? 4.0 : c->env[d].max;
        if (!jm_hundredths_of(lo, 0, JM_HUNDREDTHS_MAX, &env.lo[d]) ||
            !jm_hundredths_of(hi, 0, JM_HUNDREDTHS_MAX, &env.hi[d])) {
            r->generic |= 1u << JM_FACTOR_ENVIRONMENT; /* the bounds are not hundredths of 0..4 */
            env.lo[d] = env.hi[d] = 0;
        }
        const int imp = c->env[d].importance;
        /* the factor rates the dimensions of importance low to must only */
        const bool rated = imp >= JM_IMPORTANCE_LOW && imp <= JM_IMPORTANCE_MUST;
        env.importance[d] = (int8_t)(rated ? imp : 0);
        if (rated)
            env.rated[env.n_rated++] = (uint8_t)d;
    }
    r->env = jm_compile_block(k, &cs->envs, &env);
    if (!cand_interests_block(k, &cs->interests, &c->interests, &r->interests))
        r->generic |= 1u << JM_FACTOR_INTERESTS;
    if (!cand_values_block(k, &cs->values, c->values, &r->values))
        r->generic |= 1u << JM_FACTOR_WORK_VALUES;

    size_t n_occ = c->n_wanted + c->n_avoided + c->n_history;
    if (n_occ > UINT16_MAX || c->n_skills > UINT16_MAX || c->n_licences > UINT16_MAX ||
        c->n_abilities > UINT16_MAX || c->n_needs > UINT16_MAX) {
        k->rc = JM_ENOMEM; /* beyond what a compiled record counts */
        return;
    }
    jm_cocc_ref *o = jm_array_add(occs, n_occ, &r->occs);
    if (!o && n_occ) {
        k->rc = JM_ENOMEM;
        return;
    }
    r->n_wanted = (uint16_t)c->n_wanted;
    r->n_avoided = (uint16_t)c->n_avoided;
    r->n_history = (uint16_t)c->n_history;
    for (size_t i = 0; i < c->n_wanted; i++, o++) {
        double w = c->wanted[i].weight;
        if (isnan(w) || w <= 0.0)
            w = 1.0; /* as the factor reads a weight that is not usable */
        o->weight = jm_compile_block(k, &cs->weights, &w);
        o->occ = jm_compile_occ(k, &cs->occs, &c->wanted[i].occ);
    }
    for (size_t i = 0; i < c->n_avoided; i++, o++)
        o->occ = jm_compile_occ(k, &cs->occs, &c->avoided[i]);
    for (size_t i = 0; i < c->n_history; i++, o++) {
        o->occ = jm_compile_occ(k, &cs->occs, &c->history[i].occ);
        o->liked = c->history[i].liked;
    }

    jm_cskill *s = jm_array_add(skills, c->n_skills, &r->skills);
    if (!s && c->n_skills) {
        k->rc = JM_ENOMEM;
        return;
    }
    r->n_skills = (uint16_t)c->n_skills;
    for (size_t i = 0; i < c->n_skills; i++) {
        s[i].id = jm_compile_skill(k, c->skills[i].id);
        s[i].level = (float)c->skills[i].level;
        if (!jm_float_exact(c->skills[i].level))
            r->generic |= 1u << JM_FACTOR_SKILLS;
    }

    uint32_t *l = jm_array_add(lic, c->n_licences, &r->licences);
    if (!l && c->n_licences) {
        k->rc = JM_ENOMEM;
        return;
    }
    r->n_licences = (uint16_t)c->n_licences;
    for (size_t i = 0; i < c->n_licences; i++)
        l[i] = jm_compile_str(k, c->licences[i], 0);
    r->has_licences = c->has_licences;
    r->right_to_work = (int8_t)c->right_to_work;
    r->background_check = (int8_t)c->background_check;

    jm_cability *a = jm_array_add(abil, c->n_abilities, &r->abilities);
    if (!a && c->n_abilities) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t na = 0;
    for (size_t i = 0; i < c->n_abilities; i++) {
        if (!c->abilities[i].id)
            continue;
        uint32_t dim = jm_compile_dim(k, c->abilities[i].id);
        if (dim > JM_CDIM_MAX)
            continue; /* no compiled demand has such an id (compile_jobs.c): it meets none */
        bool seen = false; /* the first ability of a dimension counts */
        for (size_t q = 0; q < na && !seen; q++)
            seen = jm_cability_dim(a[q]) == dim;
        if (seen)
            continue;
        a[na] = (jm_cability)(dim | (uint32_t)c->abilities[i].level << 14); /* 0..2, as demands */
        na++;
    }
    if (na > 1)
        qsort(a, na, sizeof *a, ability_cmp);
    r->n_abilities = (uint16_t)na;

    jm_cneed *nd = jm_array_add(needs, c->n_needs, &r->needs);
    if (!nd && c->n_needs) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t nn = 0;
    for (size_t i = 0; i < c->n_needs; i++) {
        if (!c->needs[i].type)
            continue;
        nd[nn].type = jm_compile_str(k, c->needs[i].type, 0);
        nd[nn].slot = jm_need_slot(k->p, c->needs[i].type);
        nd[nn].intensity = (int8_t)c->needs[i].intensity;
        nd[nn].essential = c->needs[i].essential;
        nn++;
    }
    r->n_needs = (uint16_t)nn;
    r->has_needs = c->has_needs || c->n_needs > 0;

    r->benefits = JM_NO_BLOCK;
    if (c->benefits.set) {
        jm_cbenefits b;
        memset(&b, 0, sizeof b);
        b.max_hours = c->benefits.max_hours;
        b.max_earnings = c->benefits.max_earnings;
        b.period = (uint8_t)c->benefits.period;
        b.goal = (uint8_t)c->benefits.goal;
        b.firm = c->benefits.firm;
        r->benefits = jm_compile_block(k, &cs->benefits, &b);
    }
}

int jm_compile_candidates(jm_interner *in, const jm_profile *p, const jm_candidates *set,
                              jm_ccands **out)
{
    jm_ccands *cs = calloc(1, sizeof *cs);
    if (!cs)
        return JM_ENOMEM;
    atomic_init(&cs->refs, 1);
    atomic_fetch_add(&in->refs, 1);
    cs->in = in;
    cs->serial = jm_candidates_serial(set);
    jm_pools_init(&cs->weeks, &cs->envs, &cs->interests, &cs->values, &cs->occs, sizeof(jm_cenv_tol),
               sizeof(jm_ccand_interests), sizeof(jm_ccand_values));
    jm_blockpool_init(&cs->weights, sizeof(double));
    jm_blockpool_init(&cs->benefits, sizeof(jm_cbenefits));
    cs->n = jm_candidates_count(set);
    cs->recs = calloc(cs->n ? cs->n : 1, sizeof *cs->recs);
    jm_compiler k = { in, p, 0, cs->recs ? JM_OK : JM_ENOMEM };
    jm_array occs = { NULL, 0, 0, sizeof(jm_cocc_ref) }, skills = { NULL, 0, 0, sizeof(jm_cskill) },
         lic = { NULL, 0, 0, sizeof(uint32_t) }, abil = { NULL, 0, 0, sizeof(jm_cability) },
         needs = { NULL, 0, 0, sizeof(jm_cneed) };
    for (size_t i = 0; i < cs->n && k.rc == JM_OK; i++)
        compile_candidate(&k, cs, jm_candidates_get(set, i), &cs->recs[i], &occs, &skills, &lic, &abil,
                          &needs);
    cs->bytes = sizeof *cs + cs->n * sizeof *cs->recs;
    cs->occ_refs = jm_array_take(&occs, &cs->bytes);
    cs->n_skill_refs = skills.n;
    cs->skills = jm_array_take(&skills, &cs->bytes);
    cs->licences = jm_array_take(&lic, &cs->bytes);
    cs->abilities = jm_array_take(&abil, &cs->bytes);
    cs->needs = jm_array_take(&needs, &cs->bytes);
    cs->bytes += jm_pools_bytes(&cs->weeks, &cs->envs, &cs->interests, &cs->values, &cs->occs) +
                 jm_pool_bytes(&cs->weights) + jm_pool_bytes(&cs->benefits);
    cs->n_skill_ids = in->skills.n;
    cs->strings = k.strings;
    if (k.rc != JM_OK) {
        jm_ccands_release(cs);
        return k.rc;
    }
    *out = cs;
    return JM_OK;
}

void jm_levels_fill(double *levels, const jm_ccands *cs, const jm_ccand *c)
{
    const jm_cskill *s = cs->skills + c->skills;
    for (size_t i = 0; i < c->n_skills; i++)
        levels[s[i].id] = (double)s[i].level;
}

void jm_levels_clear(double *levels, const jm_ccands *cs, const jm_ccand *c)
{
    const jm_cskill *s = cs->skills + c->skills;
    for (size_t i = 0; i < c->n_skills; i++)
        levels[s[i].id] = JM_LEVEL_ABSENT;
}
