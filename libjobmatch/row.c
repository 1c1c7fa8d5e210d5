/*
 * A candidate row: what batch scoring works out once per candidate for the
 * kernels, rather than once per pair (compiled.h, jm_crow).
 */
#include <math.h>
#include <string.h>

#include "compiled.h"
#include "factors/factors.h"

/* What functional and support over a block read of the candidate
 * (jm_crow.fs_bits): its abilities and stated needs as bits of the job set. */
static void fs_bits(jm_crow *row, const jm_ccands *cs, const jm_cjobs *js, const jm_ccand *c,
                    const jm_thresholds *th)
{
    row->fs_bits = js->demand_bits && c->n_needs <= JM_ROW_NEEDS;
    if (!row->fs_bits)
        return;
    row->ab_known = row->ab_zero = row->ab_one = 0;
    const jm_cability *ab = cs->abilities + c->abilities;
    for (size_t i = 0; i < c->n_abilities; i++) {
        const uint32_t dim = jm_cability_dim(ab[i]);
        if (dim == 0 || dim > js->n_dims)
            continue; /* meets no demand of the set */
        const jm_bits32 bit = (jm_bits32)1 << (dim - 1);
        const int level = jm_cability_level(ab[i]);
        row->ab_known |= bit;
        row->ab_zero |= level == 0 ? bit : 0;
        row->ab_one |= level == 1 ? bit : 0;
    }
    jm_bits32 planned = 0;
    const jm_cneed *needs = cs->needs + c->needs;
    for (size_t i = 0; i < c->n_needs; i++) {
        for (size_t t = 0; t < js->n_need_types; t++)
            if (js->need_types[t] == needs[i].type)
                planned |= (jm_bits32)1 << t; /* t < JM_NEED_TYPES_MAX */
        row->need_slot[i] = needs[i].slot;
        row->need_w[i] = jm_support_need_weight(th, needs[i].intensity, needs[i].essential);
    }
    row->planned = planned;
    row->n_needs = (uint8_t)c->n_needs;
}

void jm_crow_fill(jm_crow *row, const jm_ccands *cs, const jm_cjobs *js, const jm_ccand *c,
                  const jm_thresholds *th)
{
    /* environment: the rated dimensions in order, their bounds decoded */
    row->env_n = 0;
    if (c->env != JM_NO_BLOCK) {
        const jm_cenv_tol *t = jm_blockpool_at(&cs->envs, c->env);
        for (int k = 0; k < t->n_rated; k++) {
            const int d = t->rated[k];
            row->env_dim[k] = (uint8_t)d;
            row->env_lo[k] = jm_hundredths_value(t->lo[d]);
            row->env_hi[k] = jm_hundredths_value(t->hi[d]);
            const double w = th->importance_weight[t->importance[d]];
            row->env_w[k] = w > 0.0 ? w : 0.0;
            row->env_must[k] = t->importance[d] == JM_IMPORTANCE_MUST;
        }
        row->env_n = t->n_rated;
    }

    /* functional: the abilities by dimension id; those beyond the job
     * set's dimensions meet no demand of it */
    const jm_cability *ab = cs->abilities + c->abilities;
    for (size_t i = 0; i < c->n_abilities; i++) {
        const uint32_t dim = jm_cability_dim(ab[i]);
        if (dim <= js->n_dims)
            row->ability[dim] = (int8_t)jm_cability_level(ab[i]);
    }

    fs_bits(row, cs, js, c, th);

    /* interests and work values: decoded, the interests centred */
    row->int_centred = false;
    if (c->interests != JM_NO_BLOCK) {
        const jm_ccand_interests *ci = jm_blockpool_at(&cs->interests, c->interests);
        if (ci->has_scores) {
            double a[JM_RIASEC_COUNT];
            for (int i = 0; i < JM_RIASEC_COUNT; i++)
                a[i] = jm_hundredths_value(ci->score[i]);
            row->int_centred = jm_riasec_centre(a, row->int_dev, &row->int_ss);
        }
    }
    if (c->values != JM_NO_BLOCK) {
        const jm_ccand_values *cv = jm_blockpool_at(&cs->values, c->values);
        for (int i = 0; i < JM_VALUE_COUNT; i++)
            row->importance[i] = jm_hundredths_value(cv->importance[i]);
    }

    /* commute: beyond this distance every mode takes longer than the maximum */
    row->reach_haversine = jm_commute_reach_haversine(jm_commute_reach_km(c, th));
}

void jm_crow_clear(jm_crow *row, const jm_ccands *cs, const jm_cjobs *js, const jm_ccand *c)
{
    const jm_cability *ab = cs->abilities + c->abilities;
    for (size_t i = 0; i < c->n_abilities; i++) {
        const uint32_t dim = jm_cability_dim(ab[i]);
        if (dim <= js->n_dims)
            row->ability[dim] = JM_ABILITY_NONE;
    }
}
