/*
 * The functional-demands factor: the person's abilities (0..2) against the
 * job's demands (0..2) per dimension, VocFit-style.  Meeting a demand scores
 * 1; one level short 0.75 with a support in place and 0.5 without; two levels
 * short 0.25 / 0.1.  A support is in place when the job offers one of the
 * dimension's supported_by offers, or allows a job coach on site.  The
 * score is the mean credit, summed kind by kind (jm_functional_mean): the
 * order of a job's demands never matters.
 *
 * Support needs become a support plan: every shortfall is recorded as a
 * derived support need (the dimension's need type, medium intensity for one
 * level short, high for two) that the support factor then plans: one per
 * need type, at the highest intensity its shortfalls need.  No
 * shortfall ever excludes (zero exclusion).
 */
#include "kernel.h"

#include <stdlib.h>
#include <string.h>

/* The candidate's ability on a demand's dimension (keys first, then ids). */
static const jm_level_item *find_ability(const jm_candidate *c, const jm_level_item *demand)
{
    for (size_t i = 0; i < c->n_abilities; i++)
        if (c->abilities[i].key == demand->key && c->abilities[i].id &&
            strcmp(c->abilities[i].id, demand->id) == 0)
            return &c->abilities[i];
    return NULL;
}

bool jm_functional_supported(const jm_job *j, const jm_dim_def *dim)
{
    if (j->coach_on_site == JM_YES)
        return true;
    if (!dim)
        return false;
    for (size_t i = 0; i < dim->n_supported_by; i++)
        if (jm_strv_contains(j->offers, j->n_offers, dim->supported_by[i]))
            return true;
    return false;
}

void jm_factor_functional(jm_eval *ev)
{
    const int F = JM_FACTOR_FUNCTIONAL;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;

    jm_functional_counts n = { 0 };
    const bool explain = jm_eval_explaining(ev);
    jm_buf shorts;
    jm_buf_init(&shorts);

    for (size_t i = 0; i < j->n_demands; i++) {
        const jm_level_item *demand = &j->demands[i];
        if (!demand->id)
            continue;
        const jm_level_item *ability = find_ability(c, demand);
        if (!ability)
            continue;
        const jm_dim_def *dim = jm_profile_find_dim_key(ev->p, demand->id, demand->key);
        const bool supported = jm_functional_supported(j, dim);
        jm_functional_count(&n, ability->level, demand->level, supported);
        const int shortfall = demand->level - ability->level;
        if (shortfall <= 0)
            continue;
        if (explain)
            jm_buf_printf(&shorts, "; %s %d level%s short (%s)", demand->id, shortfall,
                          shortfall == 1 ? "" : "s", supported ? "support in place" : "no support");
        if (dim && dim->need)
            jm_eval_derive_need(ev, dim->id, dim->need,
                                shortfall == 1 ? JM_INTENSITY_MEDIUM : JM_INTENSITY_HIGH);
    }

    if (n.known == 0) {
        jm_buf_free(&shorts);
        jm_eval_nodata(ev, F, "no functional dimension is known on both sides");
        return;
    }
    const double score = jm_functional_mean(&n, th);
    if (!explain) {
        jm_buf_free(&shorts);
        jm_eval_value(ev, F, score);
        return;
    }
    const unsigned met = n.known - n.short1[0] - n.short1[1] - n.short2[0] - n.short2[1];
    char *text = jm_buf_take(&shorts);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, F, score, "meets %u of %u demands%s", met, n.known, text ? text : "");
    free(text);
}

double jm_functional_value(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                           jm_derived_need *derived, size_t *n_derived)
{
    if (pc->c->n_abilities == 0)
        return JM_KNODATA; /* no demand has a known ability, none derives a need */
    const jm_cdemand *dem = pc->js->demands + j->demands;
    const int8_t *ability = pc->row->ability; /* by dimension id */
    jm_functional_counts counts = { 0 };
    size_t n = *n_derived;
    for (size_t i = 0; i < j->n_demands; i++) {
        const uint32_t dim = dem[i].dim;
        const int level = ability[dim];
        if (level == JM_ABILITY_NONE)
            continue;
        jm_functional_count(&counts, level, dem[i].level, dem[i].supported);
        const int shortfall = dem[i].level - level;
        const jm_cdim *cd = &pc->js->dims[dim];
        if (shortfall <= 0 || !cd->need)
            continue;
        const int intensity = shortfall == 1 ? JM_INTENSITY_MEDIUM : JM_INTENSITY_HIGH;
        size_t k = 0; /* as jm_eval_derive_need: one per type, at its highest intensity */
        while (k < n && derived[k].type_id != cd->need)
            k++;
        if (k < n) {
            if (intensity > derived[k].intensity)
                derived[k].intensity = intensity;
            continue;
        }
        if (n == JM_MAX_DERIVED_NEEDS)
            continue;
        jm_derived_need *d = &derived[n++];
        d->dimension = NULL;
        d->type = NULL;
        d->intensity = intensity;
        d->type_id = cd->need;
        d->slot = (uint16_t)cd->need_slot;
    }
    *n_derived = n;
    return counts.known == 0 ? JM_KNODATA : jm_eval_clamped(jm_functional_mean(&counts, th));
}

void jm_kernel_functional(jm_eval *ev)
{
    const double v = jm_functional_value(ev->pc, ev->pc->j, &ev->p->th, ev->derived, &ev->n_derived);
    jm_kernel_report(ev, JM_FACTOR_FUNCTIONAL, v, 0);
}
