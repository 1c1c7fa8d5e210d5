/*
 * A candidate row: what batch scoring works out once per candidate for the
 * kernels, rather than once per pair (compiled.h, jm_crow).
 */
#include <math.h>
#include <string.h>

#include "compiled.h"
#include "factors/factors.h"

/* The tables of functional and support over a block (jm_crow): what each
 * demand makes for this candidate (row->ability set). */
static void fs_tables(jm_crow *row, const jm_ccands *cs, const jm_cjobs *js, const jm_ccand *c,
                      const jm_thresholds *th)
{
    row->fs_tables = row->fs && js->need_type_bits && c->n_needs <= JM_ROW_NEEDS;
    if (!row->fs_tables)
        return;
    uint64_t planned = 0; /* the need types the candidate states */
    const jm_cneed *needs = cs->needs + c->needs;
    for (size_t i = 0; i < c->n_needs; i++) {
        for (size_t t = 0; t < js->n_need_types; t++)
            if (js->need_types[t] == needs[i].type)
                planned |= UINT64_C(1) << t;
        row->need_slot[i] = needs[i].slot;
        row->need_w[i] = jm_support_need_weight(th, needs[i].intensity, needs[i].essential);
    }
    row->n_needs = (uint8_t)c->n_needs;
    for (size_t dim = 0; dim <= js->n_dims; dim++) {
        const jm_cdim *cd = &js->dims[dim];
        const int a = row->ability[dim];
        for (int level = 0; level < 3; level++)
            for (int sup = 0; sup < 2; sup++) {
                jm_fs_entry *e = &row->fs[JM_FS_AT(dim, level, sup)];
                const int shortfall = level - a;
                e->known = a != JM_ABILITY_NONE;
                e->credit = e->known ? jm_functional_credit(a, level, sup, th) : 0.0;
                e->derives = e->known && shortfall > 0 ? cd->need_bit & ~planned : 0;
                e->slot = (uint16_t)cd->need_slot;
                e->weight[0] = 0.0;
                e->weight[1] = jm_support_need_weight(
                    th, shortfall == 1 ? JM_INTENSITY_MEDIUM : JM_INTENSITY_HIGH, false);
            }
    }
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

    fs_tables(row, cs, js, c, th);

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
