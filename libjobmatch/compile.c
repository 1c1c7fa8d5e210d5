/*
 * Compiling candidate and job sets for batch scoring (compiled.h), and the
 * engine's cache of compiled sets.
 *
 * The cache keeps the last candidate set and the last job set compiled,
 * with the string pools they were compiled against.  A call whose sets are
 * both cached takes references and goes; otherwise the missing one is
 * compiled (under the cache's lock, so concurrent calls compile once).
 * When the pools hold far more strings than the cached sets refer to (many
 * sets come and go), the pools start afresh and both sets are compiled
 * again, so a long-running engine's memory stays bounded by its sets.
 */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "compiled.h"
#include "engine_impl.h"
#include "factors/factors.h"
#include "profile_impl.h"

struct jm_compile_cache {
    pthread_mutex_t lock;
    jm_interner *in;
    jm_ccands *cands;
    jm_cjobs *jobs;
};

/* ---------------------------------------------------------------------- */
/* References                                                             */

static jm_interner *interner_new(void)
{
    jm_interner *in = calloc(1, sizeof *in);
    if (!in)
        return NULL;
    atomic_init(&in->refs, 1);
    jm_strpool_init(&in->skills);
    jm_strpool_init(&in->dims);
    jm_strpool_init(&in->strs);
    return in;
}

static void interner_release(jm_interner *in)
{
    if (in && atomic_fetch_sub(&in->refs, 1) == 1) {
        jm_strpool_free(&in->skills);
        jm_strpool_free(&in->dims);
        jm_strpool_free(&in->strs);
        free(in);
    }
}

static void pools_free(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests,
                       jm_blockpool *values, jm_blockpool *occs)
{
    jm_blockpool_free(weeks);
    jm_blockpool_free(envs);
    jm_blockpool_free(interests);
    jm_blockpool_free(values);
    jm_blockpool_free(occs);
}

void jm_ccands_release(jm_ccands *c)
{
    if (!c || atomic_fetch_sub(&c->refs, 1) != 1)
        return;
    pools_free(&c->weeks, &c->envs, &c->interests, &c->values, &c->occs);
    jm_blockpool_free(&c->weights);
    jm_blockpool_free(&c->benefits);
    free(c->recs);
    free(c->occ_refs);
    free(c->skills);
    free(c->licences);
    free(c->abilities);
    free(c->needs);
    interner_release(c->in);
    free(c);
}

void jm_cjobs_release(jm_cjobs *j)
{
    if (!j || atomic_fetch_sub(&j->refs, 1) != 1)
        return;
    pools_free(&j->weeks, &j->envs, &j->interests, &j->values, &j->occs);
    free(j->recs);
    free(j->lat);
    free(j->lon);
    free(j->cos_lat);
    free(j->hours_min);
    free(j->hours_max);
    free(j->wage);
    free(j->legal);
    free(j->licence_masks);
    free(j->skills);
    free(j->licences);
    free(j->demands);
    free(j->demand_bits);
    free(j->dim_types);
    free(j->dims);
    free(j->providers);
    free(j->skill_first);
    free(j->skill_jobs);
    free(j->skill_level);
    free(j->group_first);
    free(j->group_n_lat);
    free(j->group_jobs);
    free(j->group_lat);
    free(j->occ_keys);
    interner_release(j->in);
    free(j);
}

/* ---------------------------------------------------------------------- */
/* Shared pieces                                                          */

/* A growing array of elem-sized items: *at gets the index of n new ones. */
typedef struct grow {
    void *v;
    size_t n, cap, elem;
} grow;

static void *grow_add(grow *g, size_t n, uint32_t *at)
{
    *at = (uint32_t)g->n;
    if (n == 0)
        return NULL; /* nothing to fill: callers check n */
    if (g->n + n > UINT32_MAX)
        return NULL;
    if (g->n + n > g->cap) {
        size_t cap = g->cap ? g->cap : 256;
        while (cap < g->n + n)
            cap *= 2;
        void *v = realloc(g->v, cap * g->elem);
        if (!v)
            return NULL;
        g->v = v;
        g->cap = cap;
    }
    *at = (uint32_t)g->n;
    void *p = (char *)g->v + g->n * g->elem;
    memset(p, 0, n * g->elem);
    g->n += n;
    return p;
}

/* Trims to size and hands the array over. */
static void *grow_take(grow *g, size_t *bytes)
{
    void *v = g->v ? g->v : calloc(1, g->elem); /* never NULL: records add offsets to it */
    if (g->n && g->n < g->cap) {
        void *t = realloc(v, g->n * g->elem);
        if (t)
            v = t;
    }
    *bytes += g->n * g->elem;
    g->v = NULL;
    return v;
}

typedef struct compiler {
    jm_interner *in;
    const jm_profile *p;
    size_t strings;
    int rc;
} compiler;

static uint32_t str_id(compiler *k, const char *s, int fold)
{
    uint32_t id = 0;
    if (k->rc == JM_OK && s && *s) {
        k->strings++;
        k->rc = jm_strpool_intern(&k->in->strs, s, fold, &id);
    }
    return id;
}

static uint32_t dim_id(compiler *k, const char *s)
{
    uint32_t id = 0;
    if (k->rc == JM_OK) {
        k->strings++;
        k->rc = jm_strpool_intern(&k->in->dims, s, 0, &id);
    }
    return id;
}

static int ability_cmp(const void *a, const void *b)
{
    const uint32_t x = jm_cability_dim(*(const jm_cability *)a), y = jm_cability_dim(*(const jm_cability *)b);
    return (x > y) - (x < y);
}

static uint32_t skill_id(compiler *k, const char *s)
{
    uint32_t id = 0;
    if (k->rc == JM_OK) {
        k->strings++;
        k->rc = jm_strpool_intern(&k->in->skills, s, 0, &id);
        if (k->rc == JM_OK && id > JM_CSKILL_ID_MASK)
            k->rc = JM_ENOMEM;
    }
    return id;
}

static uint32_t block(compiler *k, jm_blockpool *pool, const void *b)
{
    uint32_t at = JM_NO_BLOCK;
    if (k->rc == JM_OK)
        k->rc = jm_blockpool_intern(pool, b, &at);
    return at;
}

static uint32_t occ_block(compiler *k, jm_blockpool *pool, const jm_occ *o)
{
    jm_cocc c;
    memset(&c, 0, sizeof c);
    c.esco = str_id(k, o->esco_uri, 0);
    c.onet = str_id(k, o->onet, 0);
    c.isco = str_id(k, o->isco, 0);
    c.label = str_id(k, o->label, 1);
    jm_occ_codes_of(o, &c.codes);
    return block(k, pool, &c);
}

static uint32_t interests_block(compiler *k, jm_blockpool *pool, const jm_interests *in)
{
    if (!in->has_scores && !in->code[0])
        return JM_NO_BLOCK;
    jm_cinterests ci;
    memset(&ci, 0, sizeof ci);
    ci.has_scores = in->has_scores;
    if (in->has_scores)
        ci.centred = jm_riasec_centre(in->scores, ci.dev, &ci.ss);
    ci.letter = jm_riasec_leading_letter(in);
    return block(k, pool, &ci);
}

static uint32_t values_block(compiler *k, jm_blockpool *pool, const double *values)
{
    double v[JM_VALUE_COUNT];
    memcpy(v, values, sizeof v);
    return block(k, pool, v);
}

/* A candidate's interests in hundredths; false when a score does not
 * encode (no block: the factor code reads the source record). */
static bool cand_interests_block(compiler *k, jm_blockpool *pool, const jm_interests *in, uint32_t *at)
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
    *at = block(k, pool, &ci);
    return true;
}

/* A candidate's work values in hundredths, as cand_interests_block. */
static bool cand_values_block(compiler *k, jm_blockpool *pool, const double *values, uint32_t *at)
{
    *at = JM_NO_BLOCK;
    jm_ccand_values v;
    memset(&v, 0, sizeof v);
    for (int i = 0; i < JM_VALUE_COUNT; i++)
        if (!jm_hundredths_of(values[i], INT16_MIN + 1, INT16_MAX, &v.importance[i]))
            return false;
    *at = block(k, pool, &v);
    return true;
}

/* A level exact in single precision (NaN included). */
static bool float_exact(double x)
{
    return isnan(x) || (double)(float)x == x;
}

/* The provider slot of a need type (see jm_cneed). */
static uint16_t need_slot(const jm_profile *p, const char *type)
{
    const jm_need_def *def = jm_profile_find_need(p, type);
    if (def)
        return (uint16_t)(def - p->needs);
    return (uint16_t)(p->n_needs + (strcmp(type, "physical_access") == 0 ? 1 : 0));
}

static void init_pools(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests,
                       jm_blockpool *values, jm_blockpool *occs, size_t env_size,
                       size_t interests_size, size_t values_size)
{
    jm_blockpool_init(weeks, sizeof(jm_week));
    jm_blockpool_init(envs, env_size);
    jm_blockpool_init(interests, interests_size);
    jm_blockpool_init(values, values_size);
    jm_blockpool_init(occs, sizeof(jm_cocc));
}

static size_t pool_bytes(jm_blockpool *p)
{
    jm_blockpool_trim(p);
    return (size_t)p->n * p->size + p->nslots * sizeof(uint32_t);
}

static size_t pools_bytes(jm_blockpool *weeks, jm_blockpool *envs, jm_blockpool *interests,
                          jm_blockpool *values, jm_blockpool *occs)
{
    return pool_bytes(weeks) + pool_bytes(envs) + pool_bytes(interests) + pool_bytes(values) +
           pool_bytes(occs);
}

/* ---------------------------------------------------------------------- */
/* Candidates                                                             */

static void compile_candidate(compiler *k, jm_ccands *cs, const jm_candidate *c, jm_ccand *r,
                              grow *occs, grow *skills, grow *lic, grow *abil, grow *needs)
{
    memset(r, 0, sizeof *r);
    double hours[5] = { NAN, NAN, NAN, c->hours_min, c->hours_max };
    r->has_hours = jm_hours_candidate_range(c, &hours[0], &hours[1], &hours[2]);
    for (int i = 0; i < 5; i++)
        if (!float_exact(hours[i])) /* the range needs double precision (benefits read it too) */
            r->generic |= (1u << JM_FACTOR_HOURS) | (1u << JM_FACTOR_BENEFITS);
    r->h_min = (float)hours[0];
    r->h_ideal = (float)hours[1];
    r->h_max = (float)hours[2];
    r->h_raw_min = (float)hours[3];
    r->h_raw_max = (float)hours[4];
    r->hours_firm = c->hours_firm;
    r->avail = c->has_availability && !jm_week_is_empty(&c->availability)
                   ? block(k, &cs->weeks, &c->availability) : JM_NO_BLOCK;
    r->lat = c->lat;
    r->lon = c->lon;
    r->cos_lat = isnan(c->lat) ? NAN : jm_cos_lat(c->lat);
    r->area = str_id(k, c->area, 1);
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
    r->env = block(k, &cs->envs, &env);
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
    jm_cocc_ref *o = grow_add(occs, n_occ, &r->occs);
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
        o->weight = block(k, &cs->weights, &w);
        o->occ = occ_block(k, &cs->occs, &c->wanted[i].occ);
    }
    for (size_t i = 0; i < c->n_avoided; i++, o++)
        o->occ = occ_block(k, &cs->occs, &c->avoided[i]);
    for (size_t i = 0; i < c->n_history; i++, o++) {
        o->occ = occ_block(k, &cs->occs, &c->history[i].occ);
        o->liked = c->history[i].liked;
    }

    jm_cskill *s = grow_add(skills, c->n_skills, &r->skills);
    if (!s && c->n_skills) {
        k->rc = JM_ENOMEM;
        return;
    }
    r->n_skills = (uint16_t)c->n_skills;
    for (size_t i = 0; i < c->n_skills; i++) {
        s[i].id = skill_id(k, c->skills[i].id);
        s[i].level = (float)c->skills[i].level;
        if (!float_exact(c->skills[i].level))
            r->generic |= 1u << JM_FACTOR_SKILLS;
    }

    uint32_t *l = grow_add(lic, c->n_licences, &r->licences);
    if (!l && c->n_licences) {
        k->rc = JM_ENOMEM;
        return;
    }
    r->n_licences = (uint16_t)c->n_licences;
    for (size_t i = 0; i < c->n_licences; i++)
        l[i] = str_id(k, c->licences[i], 0);
    r->has_licences = c->has_licences;
    r->right_to_work = (int8_t)c->right_to_work;
    r->background_check = (int8_t)c->background_check;

    jm_cability *a = grow_add(abil, c->n_abilities, &r->abilities);
    if (!a && c->n_abilities) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t na = 0;
    for (size_t i = 0; i < c->n_abilities; i++) {
        if (!c->abilities[i].id)
            continue;
        uint32_t dim = dim_id(k, c->abilities[i].id);
        if (dim > JM_CDIM_MAX)
            continue; /* no compiled demand has such an id (compile_job): it meets none */
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

    jm_cneed *nd = grow_add(needs, c->n_needs, &r->needs);
    if (!nd && c->n_needs) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t nn = 0;
    for (size_t i = 0; i < c->n_needs; i++) {
        if (!c->needs[i].type)
            continue;
        nd[nn].type = str_id(k, c->needs[i].type, 0);
        nd[nn].slot = need_slot(k->p, c->needs[i].type);
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
        r->benefits = block(k, &cs->benefits, &b);
    }
}

static int compile_candidates(jm_interner *in, const jm_profile *p, const jm_candidates *set,
                              jm_ccands **out)
{
    jm_ccands *cs = calloc(1, sizeof *cs);
    if (!cs)
        return JM_ENOMEM;
    atomic_init(&cs->refs, 1);
    atomic_fetch_add(&in->refs, 1);
    cs->in = in;
    cs->serial = jm_candidates_serial(set);
    init_pools(&cs->weeks, &cs->envs, &cs->interests, &cs->values, &cs->occs, sizeof(jm_cenv_tol),
               sizeof(jm_ccand_interests), sizeof(jm_ccand_values));
    jm_blockpool_init(&cs->weights, sizeof(double));
    jm_blockpool_init(&cs->benefits, sizeof(jm_cbenefits));
    cs->n = jm_candidates_count(set);
    cs->recs = calloc(cs->n ? cs->n : 1, sizeof *cs->recs);
    compiler k = { in, p, 0, cs->recs ? JM_OK : JM_ENOMEM };
    grow occs = { NULL, 0, 0, sizeof(jm_cocc_ref) }, skills = { NULL, 0, 0, sizeof(jm_cskill) },
         lic = { NULL, 0, 0, sizeof(uint32_t) }, abil = { NULL, 0, 0, sizeof(jm_cability) },
         needs = { NULL, 0, 0, sizeof(jm_cneed) };
    for (size_t i = 0; i < cs->n && k.rc == JM_OK; i++)
        compile_candidate(&k, cs, jm_candidates_get(set, i), &cs->recs[i], &occs, &skills, &lic, &abil,
                          &needs);
    cs->bytes = sizeof *cs + cs->n * sizeof *cs->recs;
    cs->occ_refs = grow_take(&occs, &cs->bytes);
    cs->n_skill_refs = skills.n;
    cs->skills = grow_take(&skills, &cs->bytes);
    cs->licences = grow_take(&lic, &cs->bytes);
    cs->abilities = grow_take(&abil, &cs->bytes);
    cs->needs = grow_take(&needs, &cs->bytes);
    cs->bytes += pools_bytes(&cs->weeks, &cs->envs, &cs->interests, &cs->values, &cs->occs) +
                 pool_bytes(&cs->weights) + pool_bytes(&cs->benefits);
    cs->n_skill_ids = in->skills.n;
    cs->strings = k.strings;
    if (k.rc != JM_OK) {
        jm_ccands_release(cs);
        return k.rc;
    }
    *out = cs;
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* Jobs                                                                   */

static void compile_job(compiler *k, jm_cjobs *js, const jm_job *j, jm_cjob *r, grow *skills, grow *lic,
                        grow *dem, grow *prov)
{
    const jm_profile *p = k->p;
    memset(r, 0, sizeof *r);
    const size_t idx = (size_t)(r - js->recs);
    js->lat[idx] = j->lat;
    js->lon[idx] = j->lon;
    js->cos_lat[idx] = isnan(j->lat) ? NAN : jm_cos_lat(j->lat);
    js->hours_min[idx] = j->hours_min;
    js->hours_max[idx] = j->hours_max;
    js->wage[idx] = j->wage;
    r->area = str_id(k, j->area, 1);
    r->public_transport = (int8_t)j->public_transport;
    const jm_occ *o = &j->occ;
    const bool known = (o->label && *o->label) || (o->esco_uri && *o->esco_uri) ||
                       (o->isco && *o->isco) || (o->onet && *o->onet);
    r->occ = known ? occ_block(k, &js->occs, o) : JM_NO_BLOCK;
    if (j->has_schedule && !jm_week_is_empty(&j->schedule)) {
        r->sched = block(k, &js->weeks, &j->schedule);
        r->sched_slots = (uint16_t)jm_week_count(&j->schedule);
    } else {
        r->sched = JM_NO_BLOCK;
    }
    double env[JM_ENV_COUNT];
    memcpy(env, j->env, sizeof env);
    r->env = block(k, &js->envs, env);
    r->interests = interests_block(k, &js->interests, &j->interests);
    r->values = values_block(k, &js->values, j->values);

    if (j->n_skills > UINT16_MAX || j->n_licences > UINT16_MAX || j->n_demands > UINT16_MAX) {
        k->rc = JM_ENOMEM;
        return;
    }
    jm_cskill *s = grow_add(skills, j->n_skills, &r->skills);
    if (!s && j->n_skills) {
        k->rc = JM_ENOMEM;
        return;
    }
    r->n_skills = (uint16_t)j->n_skills;
    /* the essential skills first, then the optional, each in the job's
     * order: the kernel adds each kind up in the order the factor code does */
    size_t at = 0;
    for (int pass = 0; pass < 2; pass++) {
        for (size_t i = 0; i < j->n_skills; i++) {
            const jm_job_skill *x = &j->skills[i];
            if ((pass == 0) != (x->essential != 0))
                continue;
            s[at].id = skill_id(k, x->id) | (x->trainable != JM_NO ? JM_CSKILL_TRAINABLE : 0);
            s[at].level = (float)x->level;
            if (x->trainable != JM_NO)
                *(pass == 0 ? &r->n_trainable_ess : &r->n_trainable_opt) += 1;
            if (!float_exact(x->level))
                r->generic |= 1u << JM_FACTOR_SKILLS;
            at++;
        }
        if (pass == 0)
            r->n_essential = (uint16_t)at;
    }
    r->skills_none = jm_skills_score_none(s, r->n_skills, r->n_essential, &p->th);

    jm_clicence *l = grow_add(lic, j->n_licences, &r->licences);
    if (!l && j->n_licences) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t nl = 0;
    for (size_t i = 0; i < j->n_licences; i++) {
        if (!j->licences[i].id)
            continue;
        l[nl].id = str_id(k, j->licences[i].id, 0);
        l[nl].obtainable = j->licences[i].obtainable;
        nl++;
    }
    r->n_licences = (uint16_t)nl;
    r->right_to_work = j->right_to_work;
    r->background_check = j->background_check;
    js->legal[idx] = (uint8_t)((nl ? JM_LEGAL_LICENCES : 0) | (j->right_to_work ? JM_LEGAL_RIGHT_TO_WORK : 0) |
                               (j->background_check ? JM_LEGAL_BACKGROUND_CHECK : 0));

    jm_cdemand *d = grow_add(dem, j->n_demands, &r->demands);
    if (!d && j->n_demands) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t nd = 0;
    for (size_t i = 0; i < j->n_demands; i++) {
        const jm_level_item *x = &j->demands[i];
        if (!x->id)
            continue;
        const jm_dim_def *dim = jm_profile_find_dim_key(p, x->id, x->key);
        uint32_t id = dim_id(k, x->id);
        if (id > JM_CDIM_MAX) {
            k->rc = JM_ENOMEM; /* beyond what a compiled demand holds */
            return;
        }
        d[nd].dim = (uint16_t)id;
        d[nd].level = (int8_t)x->level;
        if (x->level < 0 || x->level > 2) /* levels are validated on the way in: never */
            r->generic |= (1u << JM_FACTOR_FUNCTIONAL) | (1u << JM_FACTOR_SUPPORT);
        d[nd].supported = jm_functional_supported(j, dim);
        nd++;
    }
    r->n_demands = (uint16_t)nd;

    uint8_t *pv = grow_add(prov, p->n_needs + 2, &r->providers);
    if (!pv) {
        k->rc = JM_ENOMEM;
        return;
    }
    for (size_t i = 0; i < p->n_needs; i++)
        pv[i] = (uint8_t)jm_support_provider(j, p, p->needs[i].id, &p->needs[i]);
    pv[p->n_needs] = (uint8_t)jm_support_provider(j, p, "", NULL);
    pv[p->n_needs + 1] = (uint8_t)jm_support_provider(j, p, "physical_access", NULL);

    bool has_data, excluded;
    int exclusions;
    jm_programme_outcome(j, p, &has_data, &excluded, &exclusions);
    r->prog_data = has_data;
    r->prog_excluded = excluded;
    r->prog_exclusions = (uint8_t)exclusions;
}

/* What the profile makes of each dimension a job demands. */
static int dim_table(compiler *k, jm_cjobs *js)
{
    js->n_dims = k->in->dims.n;
    js->dims = calloc(js->n_dims + 1, sizeof *js->dims);
    if (!js->dims)
        return JM_ENOMEM;
    for (size_t id = 1; id <= js->n_dims; id++) {
        const char *name = k->in->dims.strs[id - 1];
        const jm_dim_def *dim = jm_profile_find_dim(k->p, name);
        if (dim && dim->need) {
            js->dims[id].need = str_id(k, dim->need, 0);
            js->dims[id].need_slot = need_slot(k->p, dim->need);
        }
    }
    /* the need types' bits, for the block kernel of functional and support */
    js->need_type_bits = true;
    for (size_t id = 1; id <= js->n_dims; id++) {
        const uint32_t need = js->dims[id].need;
        if (!need)
            continue;
        size_t t = 0;
        while (t < js->n_need_types && js->need_types[t] != need)
            t++;
        if (t == JM_NEED_TYPES_MAX) {
            js->need_type_bits = false;
            break;
        }
        if (t == js->n_need_types) {
            js->need_type_slots[t] = js->dims[id].need_slot;
            js->need_types[js->n_need_types++] = need;
        }
        js->dims[id].need_bit = (jm_bits32)1 << t;
    }
    if (!js->need_type_bits)
        for (size_t id = 1; id <= js->n_dims; id++)
            js->dims[id].need_bit = 0;
    js->bytes += (js->n_dims + 1) * sizeof *js->dims;
    return k->rc;
}

/* The bit of hard licence id in js->hard_licences, added when there is
 * room; 0 when there is none. */
static jm_bits32 hard_licence_bit(jm_cjobs *js, uint32_t id)
{
    size_t t = 0;
    while (t < js->n_hard_licences && js->hard_licences[t] != id)
        t++;
    if (t == JM_HARD_LICENCES)
        return 0;
    if (t == js->n_hard_licences)
        js->hard_licences[js->n_hard_licences++] = id;
    return (jm_bits32)1 << t;
}

/* The licences each job requires and cannot obtain, as bits
 * (jm_cjobs.licence_masks), for a set whose jobs require few. */
static int licence_masks(jm_cjobs *js)
{
    _Static_assert(JM_HARD_LICENCES <= 32, "a licence mask is a jm_bits32");
    js->n_hard_licences = 0;
    for (size_t r = 0; r < js->n; r++) {
        const jm_clicence *l = js->licences + js->recs[r].licences;
        for (size_t i = 0; i < js->recs[r].n_licences; i++)
            if (!l[i].obtainable && !hard_licence_bit(js, l[i].id)) {
                js->n_hard_licences = 0; /* too many: the kernel's loop over the licences */
                return JM_OK;
            }
    }
    js->licence_masks = calloc(js->n ? js->n : 1, sizeof *js->licence_masks);
    if (!js->licence_masks)
        return JM_ENOMEM;
    js->bytes += js->n * sizeof *js->licence_masks;
    for (size_t r = 0; r < js->n; r++) {
        const jm_clicence *l = js->licences + js->recs[r].licences;
        for (size_t i = 0; i < js->recs[r].n_licences; i++)
            if (!l[i].obtainable)
                js->licence_masks[r] |= hard_licence_bit(js, l[i].id);
    }
    return JM_OK;
}

/* The jobs' demand bits and the dimensions' need type bits by byte
 * (jm_cjobs.demand_bits), for a set of few dimensions and need types. */
static int demand_bits(jm_cjobs *js)
{
    if (js->n_dims > JM_DEMAND_BITS_DIMS || !js->need_type_bits)
        return JM_OK; /* the kernels' loops over the demands */
    enum { BYTES = JM_DEMAND_BITS_DIMS / 8 };
    js->dim_types = calloc(BYTES, sizeof *js->dim_types);
    js->demand_bits = calloc(js->n ? js->n : 1, sizeof *js->demand_bits);
    if (!js->dim_types || !js->demand_bits)
        return JM_ENOMEM;
    js->bytes += BYTES * sizeof *js->dim_types + js->n * sizeof *js->demand_bits;
    for (size_t b = 0; b < BYTES; b++)
        for (unsigned x = 0; x < 256; x++)
            for (size_t i = 0; i < 8; i++)
                if ((x >> i & 1) && 8 * b + i + 1 <= js->n_dims)
                    js->dim_types[b][x] |= js->dims[8 * b + i + 1].need_bit;
    for (size_t r = 0; r < js->n; r++) {
        const jm_cjob *j = &js->recs[r];
        jm_cdemand_bits *out = &js->demand_bits[r];
        const jm_cdemand *d = js->demands + j->demands;
        for (size_t i = 0; i < j->n_demands; i++) {
            const jm_bits32 bit = (jm_bits32)1 << (d[i].dim - 1); /* ids from 1 */
            out->demanded |= bit;
            out->level1 |= d[i].level == 1 ? bit : 0;
            out->level2 |= d[i].level == 2 ? bit : 0; /* out of range: the factor code (compile_job) */
            out->supported |= d[i].supported ? bit : 0;
        }
        jm_support_need_type_bits(js, j, &out->meets, &out->negotiates);
    }
    return JM_OK;
}

static int compile_jobs(jm_interner *in, const jm_profile *p, const jm_jobs *set, jm_cjobs **out)
{
    if (jm_jobs_count(set) > UINT32_MAX)
        return JM_ENOMEM;
    jm_cjobs *js = calloc(1, sizeof *js);
    if (!js)
        return JM_ENOMEM;
    atomic_init(&js->refs, 1);
    atomic_fetch_add(&in->refs, 1);
    js->in = in;
    js->serial = jm_jobs_serial(set);
    init_pools(&js->weeks, &js->envs, &js->interests, &js->values, &js->occs, sizeof(double) * JM_ENV_COUNT,
               sizeof(jm_cinterests), sizeof(double) * JM_VALUE_COUNT);
    js->n = jm_jobs_count(set);
    js->n_need_defs = p->n_needs;
    const size_t cells = js->n ? js->n : 1;
    js->recs = calloc(cells, sizeof *js->recs);
    js->lat = malloc(cells * sizeof *js->lat);
    js->lon = malloc(cells * sizeof *js->lon);
    js->cos_lat = malloc(cells * sizeof *js->cos_lat);
    js->hours_min = malloc(cells * sizeof *js->hours_min);
    js->hours_max = malloc(cells * sizeof *js->hours_max);
    js->wage = malloc(cells * sizeof *js->wage);
    js->legal = malloc(cells * sizeof *js->legal);
    const bool columns =
        js->lat && js->lon && js->cos_lat && js->hours_min && js->hours_max && js->wage && js->legal;
    compiler k = { in, p, 0, js->recs && columns ? JM_OK : JM_ENOMEM };
    grow skills = { NULL, 0, 0, sizeof(jm_cskill) }, lic = { NULL, 0, 0, sizeof(jm_clicence) },
         dem = { NULL, 0, 0, sizeof(jm_cdemand) }, prov = { NULL, 0, 0, 1 };
    for (size_t i = 0; i < js->n && k.rc == JM_OK; i++)
        compile_job(&k, js, jm_jobs_get(set, i), &js->recs[i], &skills, &lic, &dem, &prov);
    js->bytes = sizeof *js + js->n * (sizeof *js->recs + sizeof *js->lat + sizeof *js->lon + sizeof *js->cos_lat +
                                      sizeof *js->hours_min + sizeof *js->hours_max + sizeof *js->wage +
                                      sizeof *js->legal);
    js->n_skill_refs = skills.n;
    js->skills = grow_take(&skills, &js->bytes);
    js->licences = grow_take(&lic, &js->bytes);
    js->demands = grow_take(&dem, &js->bytes);
    js->providers = grow_take(&prov, &js->bytes);
    js->bytes += pools_bytes(&js->weeks, &js->envs, &js->interests, &js->values, &js->occs);
    js->n_skill_ids = in->skills.n;
    js->strings = k.strings;
    if (k.rc == JM_OK)
        k.rc = dim_table(&k, js);
    if (k.rc == JM_OK)
        k.rc = demand_bits(js);
    if (k.rc == JM_OK)
        k.rc = licence_masks(js);
    if (k.rc == JM_OK)
        k.rc = jm_cjobs_index(js);
    if (k.rc != JM_OK) {
        jm_cjobs_release(js);
        return k.rc;
    }
    *out = js;
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* The cache                                                              */

jm_compile_cache *jm_compile_cache_new(void)
{
    jm_compile_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    if (pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c);
        return NULL;
    }
    return c;
}

void jm_compile_cache_free(jm_compile_cache *c)
{
    if (!c)
        return;
    jm_ccands_release(c->cands);
    jm_cjobs_release(c->jobs);
    interner_release(c->in);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

/* The pools hold far more than the cached sets use: start afresh. */
static bool pools_bloated(const jm_compile_cache *c)
{
    size_t used = (c->cands ? c->cands->strings : 0) + (c->jobs ? c->jobs->strings : 0);
    return (size_t)c->in->strs.n + c->in->skills.n + c->in->dims.n > 2 * used + 65536;
}

int jm_compiled_get(const jm_engine *e, const jm_candidates *cs, const jm_jobs *js, jm_ccands **ccs,
                    jm_cjobs **cjs)
{
    jm_compile_cache *c = e->cache;
    pthread_mutex_lock(&c->lock);
    int rc = JM_OK;
    bool cands_ok = c->cands && c->cands->serial == jm_candidates_serial(cs);
    bool jobs_ok = c->jobs && c->jobs->serial == jm_jobs_serial(js);
    if (!cands_ok || !jobs_ok) {
        if (!c->in || pools_bloated(c)) {
            jm_interner *in = interner_new();
            if (!in) {
                rc = JM_ENOMEM;
                goto done;
            }
            jm_ccands_release(c->cands);
            jm_cjobs_release(c->jobs);
            interner_release(c->in);
            c->cands = NULL;
            c->jobs = NULL;
            c->in = in;
            cands_ok = jobs_ok = false;
        }
        if (!cands_ok) {
            jm_ccands *n = NULL;
            rc = compile_candidates(c->in, e->profile, cs, &n);
            if (rc != JM_OK)
                goto done;
            jm_ccands_release(c->cands);
            c->cands = n;
        }
        if (!jobs_ok) {
            jm_cjobs *n = NULL;
            rc = compile_jobs(c->in, e->profile, js, &n);
            if (rc != JM_OK)
                goto done;
            jm_cjobs_release(c->jobs);
            c->jobs = n;
        }
    }
    atomic_fetch_add(&c->cands->refs, 1);
    atomic_fetch_add(&c->jobs->refs, 1);
    *ccs = c->cands;
    *cjs = c->jobs;
done:
    pthread_mutex_unlock(&c->lock);
    if (rc != JM_OK)
        return jm_fail(rc, "out of memory compiling the sets for batch scoring");
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

int jm_engine_prepare(jm_engine *e, const jm_candidates *cs, const jm_jobs *js, jm_prepare_stats *stats)
{
    if (!e || !cs || !js)
        return jm_fail(JM_EINVAL, "jm_engine_prepare: engine, candidates and jobs are required");
    jm_ccands *cc;
    jm_cjobs *cj;
    if (jm_compiled_get(e, cs, js, &cc, &cj) != JM_OK)
        return JM_ENOMEM;
    if (stats) {
        stats->candidates = cc->n;
        stats->jobs = cj->n;
        stats->candidate_bytes = cc->bytes;
        stats->job_bytes = cj->bytes;
        stats->job_index_bytes = cj->index_bytes;
        stats->candidate_skills = cc->n_skill_refs;
        stats->job_skills = cj->n_skill_refs;
        const jm_strpool *pools[] = { &cc->in->skills, &cc->in->dims, &cc->in->strs };
        stats->string_bytes = 0;
        pthread_mutex_lock(&e->cache->lock); /* the pools grow under it */
        for (size_t i = 0; i < 3; i++)
            stats->string_bytes += pools[i]->bytes + pools[i]->cap * sizeof(char *) +
                                   pools[i]->nslots * sizeof(uint32_t);
        pthread_mutex_unlock(&e->cache->lock);
    }
    jm_ccands_release(cc);
    jm_cjobs_release(cj);
    return JM_OK;
}
