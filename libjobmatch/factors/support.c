/*
 * The support-coverage factor: the person's stated support needs, plus the
 * needs derived from functional shortfalls, against what this job can meet.
 *
 * Support needs become a support plan: each need is planned with who meets
 * it here - an accommodation the employer offers, natural supports, a funded
 * scheme, the agency's job coach on site, or the agency off site - walking
 * the need type's met_by list in the profile's order of preference.  A need
 * lowers the score only through what this job leaves unmet, and never
 * excludes the pair (zero exclusion).
 *
 * A need derived from a shortfall whose type is already in the plan is not
 * planned a second time (one item, and one share of coach hours, per type).
 *
 * When the job's supports were not analysed, a need nothing else meets is
 * "to negotiate" and counts as half met; when every need is to negotiate,
 * the factor has no data (unknown is neutral and lowers confidence instead).
 */
#include "kernel.h"
#include "names.h"

#include <stdlib.h>
#include <string.h>

typedef struct plan {
    int provider;
    const char *offer;
} plan;

/* Who meets a need of type `type` at job j. */
static plan plan_at(const jm_job *j, const jm_profile *p, const char *type, const jm_need_def *def)
{
    plan r = { JM_PROVIDER_UNMET, NULL };

    if (strcmp(type, "physical_access") == 0 && j->accessible == JM_YES) {
        r.provider = JM_PROVIDER_EMPLOYER;
        r.offer = "physical_accessibility";
        return r;
    }
    for (size_t i = 0; def && i < def->n_met_by; i++) {
        const char *by = def->met_by[i];
        if (!by)
            continue;
        if (strcmp(by, "job_coach") == 0) {
            if (j->coach_on_site == JM_YES) {
                r.provider = JM_PROVIDER_JOB_COACH;
                return r;
            }
        } else if (strcmp(by, "agency") == 0) {
            r.provider = JM_PROVIDER_AGENCY;
            return r;
        } else if (jm_strv_contains(j->offers, j->n_offers, by)) {
            const jm_offer_def *od = jm_profile_find_offer(p, by);
            r.provider = od ? od->provider : JM_PROVIDER_EMPLOYER;
            r.offer = by;
            return r;
        }
    }
    r.provider = j->has_supports ? JM_PROVIDER_UNMET : JM_PROVIDER_TO_NEGOTIATE;
    return r;
}

static plan plan_need(const jm_eval *ev, const char *type, const jm_need_def *def)
{
    return plan_at(ev->j, ev->p, type, def);
}

int jm_support_provider(const jm_job *j, const jm_profile *p, const char *type, const jm_need_def *def)
{
    return plan_at(j, p, type, def).provider;
}

typedef struct tally {
    double weight, met;
    size_t n, n_met, n_negotiate, n_unmet;
} tally;

/* How a provider counts a need (JM_PROVIDER_*, all constant expressions):
 * met unless unmet or to negotiate; the share of its weight met, all of
 * it, half to negotiate, none unmet. */
#define PROVIDER_MEETS(p) ((p) != JM_PROVIDER_UNMET && (p) != JM_PROVIDER_TO_NEGOTIATE)
#define PROVIDER_SHARE(p) (PROVIDER_MEETS(p) ? 1.0 : (p) == JM_PROVIDER_TO_NEGOTIATE ? 0.5 : 0.0)
#define BY_PROVIDER(F)                                                                              \
    {                                                                                               \
        F(JM_PROVIDER_UNMET), F(JM_PROVIDER_EMPLOYER), F(JM_PROVIDER_NATURAL), F(JM_PROVIDER_FUNDED), \
            F(JM_PROVIDER_JOB_COACH), F(JM_PROVIDER_AGENCY), F(JM_PROVIDER_TO_NEGOTIATE)            \
    }
_Static_assert(JM_PROVIDER_UNMET == 0 && JM_PROVIDER_TO_NEGOTIATE == JM_PROVIDER_COUNT - 1,
               "BY_PROVIDER lists the providers in order");
static const double MET_SHARE[JM_PROVIDER_COUNT] = BY_PROVIDER(PROVIDER_SHARE);
/* The counts a need adds, packed: needs (bits 0-15), met (16-31), to
 * negotiate (32-47); the block form counts at most JM_ROW_NEEDS +
 * JM_MAX_DERIVED_NEEDS. */
#define PROVIDER_COUNTS(p)                                                                          \
    (1u | (uint64_t)PROVIDER_MEETS(p) << 16 | (uint64_t)((p) == JM_PROVIDER_TO_NEGOTIATE) << 32)
static const uint64_t COUNTS[JM_PROVIDER_COUNT] = BY_PROVIDER(PROVIDER_COUNTS);

/* Adds a need of weight w that provider would meet (or not) to t.  A
 * share of 1 or 0.5 adds w or 0.5 * w, and 0 adds +0.0, which leaves the
 * sum's bits (it starts at +0.0 and weights are not negative). */
static inline void tally_add(tally *t, double w, int provider)
{
    t->n++;
    t->weight += w;
    t->met += w * MET_SHARE[provider];
    t->n_met += PROVIDER_MEETS(provider);
    t->n_negotiate += provider == JM_PROVIDER_TO_NEGOTIATE;
    t->n_unmet += provider == JM_PROVIDER_UNMET;
}

static void plan_one(jm_eval *ev, tally *t, const char *type, int intensity, bool essential,
                     const char *origin)
{
    const jm_thresholds *th = &ev->p->th;
    const jm_need_def *def = jm_profile_find_need(ev->p, type);
    const char *label = def && def->label ? def->label : type;
    const plan r = plan_need(ev, type, def);
    const int k = intensity < JM_INTENSITY_LOW    ? JM_INTENSITY_LOW
                  : intensity > JM_INTENSITY_HIGH ? JM_INTENSITY_HIGH
                                                  : intensity;
    double coach = 0.0;
    if (r.provider == JM_PROVIDER_JOB_COACH || r.provider == JM_PROVIDER_AGENCY)
        coach = th->coach_hours[k];

    jm_eval_support(ev, type, label, k, essential, r.provider, r.offer, coach, origin);

    tally_add(t, jm_support_need_weight(th, k, essential), r.provider);
    if (r.provider == JM_PROVIDER_UNMET && essential)
        jm_eval_note(ev, "essential support not available here: %s", type);
}

/* A derived need whose type is already planned (stated, or derived from an
 * earlier dimension) is not planned twice: one plan item per need type. */
static bool already_planned(const jm_eval *ev, size_t derived_index)
{
    const char *type = ev->derived[derived_index].type;
    for (size_t i = 0; i < ev->c->n_needs; i++)
        if (ev->c->needs[i].type && strcmp(ev->c->needs[i].type, type) == 0)
            return true;
    for (size_t i = 0; i < derived_index; i++)
        if (ev->derived[i].type && strcmp(ev->derived[i].type, type) == 0)
            return true;
    return false;
}

void jm_factor_support(jm_eval *ev)
{
    const int F = JM_FACTOR_SUPPORT;
    const jm_candidate *c = ev->c;

    const size_t n_derived = ev->n_derived < JM_MAX_DERIVED_NEEDS ? ev->n_derived
                                                                  : JM_MAX_DERIVED_NEEDS;
    if (!c->has_needs && c->n_needs == 0 && n_derived == 0) {
        jm_eval_nodata(ev, F, "support needs not recorded");
        return;
    }
    if (c->n_needs == 0 && n_derived == 0) {
        jm_eval_score(ev, F, 1.0, "no support needs stated");
        return;
    }

    tally t = { 0 };
    for (size_t i = 0; i < c->n_needs; i++) {
        const jm_need *n = &c->needs[i];
        if (!n->type)
            continue;
        plan_one(ev, &t, n->type, n->intensity, n->essential, "stated");
    }
    for (size_t i = 0; i < n_derived; i++) {
        const jm_derived_need *d = &ev->derived[i];
        if (!d->type || already_planned(ev, i))
            continue;
        char *origin = NULL;
        if (!jm_eval_explaining(ev)) {
            plan_one(ev, &t, d->type, d->intensity, false, NULL); /* no plan is kept */
            continue;
        }
        origin = jm_strfmt("functional:%s", d->dimension ? d->dimension : "");
        if (!origin) {
            if (!ev->error)
                ev->error = JM_ENOMEM;
            continue;
        }
        plan_one(ev, &t, d->type, d->intensity, false, origin);
        free(origin);
    }

    if (t.n == 0) {
        jm_eval_score(ev, F, 1.0, "no support needs stated");
        return;
    }
    if (t.n_negotiate == t.n) {
        jm_eval_nodata(ev, F, "the job's supports were not analysed: %zu support need%s to negotiate",
                       t.n, t.n == 1 ? "" : "s");
        return;
    }

    const double score = t.weight > 0.0 ? t.met / t.weight : (double)t.n_met / (double)t.n;
    if (!jm_eval_explaining(ev)) {
        jm_eval_value(ev, F, score);
        return;
    }
    jm_buf d;
    jm_buf_init(&d);
    jm_buf_printf(&d, "%zu of %zu support need%s met here", t.n_met, t.n, t.n == 1 ? "" : "s");
    if (t.n_negotiate)
        jm_buf_printf(&d, "; %zu to negotiate", t.n_negotiate);
    if (t.n_unmet)
        jm_buf_printf(&d, "; %zu unmet", t.n_unmet);
    char *text = jm_buf_take(&d);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);
}

double jm_support_need_weight(const jm_thresholds *th, int intensity, bool essential)
{
    const int k = intensity < JM_INTENSITY_LOW    ? JM_INTENSITY_LOW
                  : intensity > JM_INTENSITY_HIGH ? JM_INTENSITY_HIGH
                                                  : intensity;
    return th->need_weight[k] * (essential ? th->essential_multiplier : 1.0);
}

/* As plan_one, numbers only, with the provider worked out at compile time. */
static inline void tally_one(const jm_thresholds *th, tally *t, int provider, int intensity, bool essential)
{
    tally_add(t, jm_support_need_weight(th, intensity, essential), provider);
}

/* The support kernel's value (kernel.h), with the needs the functional
 * kernel derived for the pair. */
static JM_ALWAYS_INLINE double support_value(const jm_cpair *pc, const jm_cjob *j,
                                             const jm_thresholds *th, const jm_derived_need *derived,
                                             size_t n_derived)
{
    const jm_ccand *c = pc->c;
    const jm_cneed *needs = pc->cs->needs + c->needs;
    const uint8_t *prov = pc->js->providers + j->providers;
    if (!c->has_needs && c->n_needs == 0 && n_derived == 0)
        return JM_KNODATA;
    tally t = { 0 };
    for (size_t i = 0; i < c->n_needs; i++)
        tally_one(th, &t, prov[needs[i].slot], needs[i].intensity, needs[i].essential);
    for (size_t i = 0; i < n_derived; i++) {
        const jm_derived_need *d = &derived[i];
        bool planned = false;
        for (size_t k = 0; k < c->n_needs && !planned; k++)
            planned = needs[k].type == d->type_id;
        for (size_t k = 0; k < i && !planned; k++)
            planned = derived[k].type_id == d->type_id;
        if (!planned)
            tally_one(th, &t, prov[d->slot], d->intensity, false);
    }
    if (t.n == 0)
        return 1.0;
    if (t.n_negotiate == t.n)
        return JM_KNODATA;
    return jm_eval_clamped(t.weight > 0.0 ? t.met / t.weight : (double)t.n_met / (double)t.n);
}

void jm_kernel_support(jm_eval *ev)
{
    const double v = support_value(ev->pc, ev->pc->j, &ev->p->th, ev->derived, ev->n_derived);
    jm_kernel_report(ev, JM_FACTOR_SUPPORT, v, 0);
}

/* Functional and support for one job of a row with the row's tables
 * (jm_crow.fs_tables): the same sums as jm_functional_value and
 * support_value, term by term in the same order, with the tests that go
 * either way from job to job made integer masks and table lookups, so the
 * loop has no branch on the data.  A term that does not count adds +0.0
 * (the sums start at +0.0, so it leaves their bits), and a derived need is
 * planned unless its type is stated (the table says) or derived already
 * (its bit in seen).  A job has at most JM_MAX_DERIVED_NEEDS demands here,
 * so none is dropped. */
static JM_ALWAYS_INLINE void fs_tabled(const jm_cpair *pc, const jm_cjob *j, double *functional,
                                       double *support)
{
    const jm_crow *row = pc->row;
    const uint8_t *prov = pc->js->providers + j->providers;
    double weight = 0.0, met = 0.0;
    uint64_t counts = 0;
    for (size_t i = 0; i < row->n_needs; i++) {
        const unsigned p = prov[row->need_slot[i]];
        const double w = row->need_w[i];
        weight += w;
        met += w * MET_SHARE[p];
        counts += COUNTS[p];
    }

    const jm_cdemand *dem = pc->js->demands + j->demands;
    const jm_fs_entry *fs = row->fs;
    uint64_t seen = 0;
    double sum = 0.0;
    unsigned known = 0;
    for (size_t i = 0; i < j->n_demands; i++) {
        const jm_fs_entry *e = &fs[dem[i].fs];
        sum += e->credit;
        known += e->known;
        const uint64_t first = e->derives & ~seen; /* the need, unless derived already */
        const unsigned take = first != 0;
        seen |= first;
        const unsigned p = prov[e->slot];
        const double w = e->weight[take];
        weight += w;
        met += w * MET_SHARE[p];
        counts += COUNTS[p] & (0 - (uint64_t)take);
    }
    const unsigned n = (unsigned)(counts & 0xffffu), n_met = (unsigned)((counts >> 16) & 0xffffu),
                   n_negotiate = (unsigned)(counts >> 32);
    *functional = known == 0 ? JM_KNODATA : jm_eval_clamped(sum / (double)known);

    const jm_ccand *c = pc->c;
    if (n == 0)
        *support = !c->has_needs && c->n_needs == 0 ? JM_KNODATA : 1.0;
    else if (n_negotiate == n)
        *support = JM_KNODATA;
    else
        *support = jm_eval_clamped(weight > 0.0 ? met / weight : (double)n_met / (double)n);
}

JM_BLOCK_CLONES
void jm_kblock_functional_support(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                                  double *restrict functional, double *restrict support)
{
    jm_derived_need derived[JM_MAX_DERIVED_NEEDS];
    const bool tabled = pc->row->fs_tables;
    for (size_t k = 0; k < n; k++) {
        if (tabled && jobs[k].n_demands <= JM_MAX_DERIVED_NEEDS) {
            fs_tabled(pc, &jobs[k], &functional[k], &support[k]);
            continue;
        }
        size_t n_derived = 0;
        functional[k] = jm_functional_value(pc, &jobs[k], th, derived, &n_derived);
        support[k] = support_value(pc, &jobs[k], th, derived, n_derived);
    }
}
