/*
 * Compiling a job set (compiled.h): each record's columns (coordinates,
 * hours, wage, legal bits), its pooled blocks, skills (essential first),
 * licences, demands and providers; then over the whole set the table of
 * dimensions, the demand bits, the licence masks and the indexes
 * (job_index.c).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compile_impl.h"
#include "factors/factors.h"

static uint32_t interests_block(jm_compiler *k, jm_blockpool *pool, const jm_interests *in)
{
    if (!in->has_scores && !in->code[0])
        return JM_NO_BLOCK;
    jm_cinterests ci;
    memset(&ci, 0, sizeof ci);
    ci.has_scores = in->has_scores;
    if (in->has_scores)
        ci.centred = jm_riasec_centre(in->scores, ci.dev, &ci.ss);
    ci.letter = jm_riasec_leading_letter(in);
    return jm_compile_block(k, pool, &ci);
}

/* A job's work values as the terms the factor weighs (jm_values_terms). */
static uint32_t values_block(jm_compiler *k, jm_blockpool *pool, const double *values)
{
    double v[JM_VALUE_COUNT];
    jm_values_terms(values, v);
    return jm_compile_block(k, pool, v);
}

static void compile_job(jm_compiler *k, jm_cjobs *js, const jm_job *j, jm_cjob *r, jm_array *skills, jm_array *lic,
                        jm_array *dem, jm_array *prov)
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
    js->area[idx] = jm_compile_str(k, j->area, 1);
    js->public_transport[idx] = (int8_t)j->public_transport;
    const jm_occ *o = &j->occ;
    const bool known = (o->label && *o->label) || (o->esco_uri && *o->esco_uri) ||
                       (o->isco && *o->isco) || (o->onet && *o->onet);
    r->occ = known ? jm_compile_occ(k, &js->occs, o) : JM_NO_BLOCK;
    if (j->has_schedule && !jm_week_is_empty(&j->schedule)) {
        r->sched = jm_compile_block(k, &js->weeks, &j->schedule);
        r->sched_slots = (uint16_t)jm_week_count(&j->schedule);
    } else {
        r->sched = JM_NO_BLOCK;
    }
    double env[JM_ENV_COUNT];
    memcpy(env, j->env, sizeof env);
    r->env = jm_compile_block(k, &js->envs, env);
    r->interests = interests_block(k, &js->interests, &j->interests);
    r->values = values_block(k, &js->values, j->values);

    if (j->n_skills > UINT16_MAX || j->n_licences > UINT16_MAX || j->n_demands > UINT16_MAX) {
        k->rc = JM_ENOMEM;
        return;
    }
    jm_cskill *s = jm_array_add(skills, j->n_skills, &r->skills);
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
            s[at].id = jm_compile_skill(k, x->id) | (x->trainable != JM_NO ? JM_CSKILL_TRAINABLE : 0);
            s[at].level = (float)x->level;
            if (x->trainable != JM_NO)
                *(pass == 0 ? &r->n_trainable_ess : &r->n_trainable_opt) += 1;
            if (!jm_float_exact(x->level))
                r->generic |= 1u << JM_FACTOR_SKILLS;
            at++;
        }
        if (pass == 0)
            r->n_essential = (uint16_t)at;
    }
    r->skills_none = jm_skills_score_none(s, r->n_skills, r->n_essential, &p->th);

    jm_clicence *l = jm_array_add(lic, j->n_licences, &r->licences);
    if (!l && j->n_licences) {
        k->rc = JM_ENOMEM;
        return;
    }
    size_t nl = 0;
    for (size_t i = 0; i < j->n_licences; i++) {
        if (!j->licences[i].id)
            continue;
        l[nl].id = jm_compile_str(k, j->licences[i].id, 0);
        l[nl].obtainable = j->licences[i].obtainable;
        nl++;
    }
    r->n_licences = (uint16_t)nl;
    js->legal[idx] = (uint8_t)((nl ? JM_LEGAL_LICENCES : 0) | (j->right_to_work ? JM_LEGAL_RIGHT_TO_WORK : 0) |
                               (j->background_check ? JM_LEGAL_BACKGROUND_CHECK : 0));

    jm_cdemand *d = jm_array_add(dem, j->n_demands, &r->demands);
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
        uint32_t id = jm_compile_dim(k, x->id);
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

    uint8_t *pv = jm_array_add(prov, p->n_needs + 2, &r->providers);
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
    js->prog_value[idx] = !has_data ? NAN : excluded ? 0.0 : 1.0; /* JM_KNODATA, 0 or 1 */
    js->prog_exclusions[idx] = has_data ? (uint8_t)exclusions : 0;
}

/* What the profile makes of each dimension a job demands. */
static int dim_table(jm_compiler *k, jm_cjobs *js)
{
    js->n_dims = k->in->dims.n;
    js->dims = calloc(js->n_dims + 1, sizeof *js->dims);
    if (!js->dims)
        return JM_ENOMEM;
    for (size_t id = 1; id <= js->n_dims; id++) {
        const char *name = k->in->dims.strs[id - 1];
        const jm_dim_def *dim = jm_profile_find_dim(k->p, name);
        if (dim && dim->need) {
            js->dims[id].need = jm_compile_str(k, dim->need, 0);
            js->dims[id].need_slot = jm_need_slot(k->p, dim->need);
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

/* A job of each block of the memo factors' pools (jm_cjobs.memo_rep). */
static int memo_reps(jm_cjobs *js)
{
    for (int kind = 0; kind < JM_MEMO_KINDS; kind++) {
        const size_t n = jm_memo_pool(js, kind)->n;
        uint32_t *rep = malloc((n ? n : 1) * sizeof *rep);
        if (!rep)
            return JM_ENOMEM;
        js->memo_rep[kind] = rep;
        js->bytes += n * sizeof *rep;
        for (size_t b = 0; b < n; b++)
            rep[b] = UINT32_MAX;
        for (size_t r = js->n; r-- > 0;) { /* the first job of each block is the last set */
            const jm_cjob *j = &js->recs[r];
            const uint32_t block = kind == JM_MEMO_INTERESTS ? j->interests
                                   : kind == JM_MEMO_VALUES  ? j->values
                                                             : j->sched;
            if (block != JM_NO_BLOCK)
                rep[block] = (uint32_t)r;
        }
    }
    return JM_OK;
}

int jm_compile_jobs(jm_interner *in, const jm_profile *p, const jm_jobs *set, jm_cjobs **out)
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
    jm_pools_init(&js->weeks, &js->envs, &js->interests, &js->values, &js->occs, sizeof(double) * JM_ENV_COUNT,
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
    js->area = malloc(cells * sizeof *js->area);
    js->public_transport = malloc(cells * sizeof *js->public_transport);
    js->prog_value = malloc(cells * sizeof *js->prog_value);
    js->prog_exclusions = malloc(cells * sizeof *js->prog_exclusions);
    const bool columns = js->lat && js->lon && js->cos_lat && js->hours_min && js->hours_max && js->wage &&
                         js->legal && js->area && js->public_transport && js->prog_value && js->prog_exclusions;
    jm_compiler k = { in, p, 0, js->recs && columns ? JM_OK : JM_ENOMEM };
    jm_array skills = { NULL, 0, 0, sizeof(jm_cskill) }, lic = { NULL, 0, 0, sizeof(jm_clicence) },
         dem = { NULL, 0, 0, sizeof(jm_cdemand) }, prov = { NULL, 0, 0, 1 };
    for (size_t i = 0; i < js->n && k.rc == JM_OK; i++)
        compile_job(&k, js, jm_jobs_get(set, i), &js->recs[i], &skills, &lic, &dem, &prov);
    js->bytes = sizeof *js + js->n * (sizeof *js->recs + sizeof *js->lat + sizeof *js->lon + sizeof *js->cos_lat +
                                      sizeof *js->hours_min + sizeof *js->hours_max + sizeof *js->wage +
                                      sizeof *js->legal + sizeof *js->area + sizeof *js->public_transport +
                                      sizeof *js->prog_value + sizeof *js->prog_exclusions);
    js->n_skill_refs = skills.n;
    js->skills = jm_array_take(&skills, &js->bytes);
    js->licences = jm_array_take(&lic, &js->bytes);
    js->demands = jm_array_take(&dem, &js->bytes);
    js->providers = jm_array_take(&prov, &js->bytes);
    js->bytes += jm_pools_bytes(&js->weeks, &js->envs, &js->interests, &js->values, &js->occs);
    js->n_skill_ids = in->skills.n;
    js->strings = k.strings;
    if (k.rc == JM_OK)
        k.rc = dim_table(&k, js);
    if (k.rc == JM_OK)
        k.rc = demand_bits(js);
    if (k.rc == JM_OK)
        k.rc = licence_masks(js);
    if (k.rc == JM_OK)
        k.rc = memo_reps(js);
    if (k.rc == JM_OK)
        k.rc = jm_cjobs_index(js);
    if (k.rc != JM_OK) {
        jm_cjobs_release(js);
        return k.rc;
    }
    *out = js;
    return JM_OK;
}
