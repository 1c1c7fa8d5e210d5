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
 * Needs derived from shortfalls are one per need type already, at the
 * highest intensity the type's shortfalls need (jm_eval_derive_need); one
 * whose type the candidate states is not planned a second time (one item,
 * and one share of coach hours, per type).  The sums add the stated needs
 * in the candidate's order, then the derived ones by intensity
 * (derived_sum), so the order of the job's demands does not change them.
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

/* Derived needs, counted by intensity ([0] medium, [1] high: the two a
 * shortfall derives; none is essential): how many, how many met, how many
 * to negotiate. */
typedef struct derived_tally {
    unsigned n[2], met[2], negotiate[2];
} derived_tally;

/* The weight of a derived need (never essential) of medium and of high
 * intensity, by the profile's thresholds. */
typedef struct derived_weights {
    double medium, high;
} derived_weights;

static inline derived_weights derived_weights_of(const jm_thresholds *th)
{
    return (derived_weights){ jm_support_need_weight(th, JM_INTENSITY_MEDIUM, false),
                              jm_support_need_weight(th, JM_INTENSITY_HIGH, false) };
}

static inline void derived_add(derived_tally *d, int intensity, int provider)
{
    const int k = intensity >= JM_INTENSITY_HIGH;
    d->n[k]++;
    d->met[k] += PROVIDER_MEETS(provider);
    d->negotiate[k] += provider == JM_PROVIDER_TO_NEGOTIATE;
}

/* A sum of the stated needs' terms, then those of the derived needs kind by
 * kind in a fixed order (medium, then high; `medium` and `high` are the
 * counts, or the shares met, of each): whatever order the needs were
 * derived in, the same bits. */
static inline double derived_sum(double stated, double medium, double high, const derived_weights *w)
{
    return stated + medium * w->medium + high * w->high;
}

/* Adds the derived needs d to the stated needs' tally t, a derived need of
 * each intensity weighing w's. */
static inline void tally_derived(tally *t, const derived_tally *d, const derived_weights *w)
{
    const unsigned n = d->n[0] + d->n[1], met = d->met[0] + d->met[1],
                   negotiate = d->negotiate[0] + d->negotiate[1];
    t->n += n;
    t->n_met += met;
    t->n_negotiate += negotiate;
    t->n_unmet += n - met - negotiate;
    t->weight = derived_sum(t->weight, d->n[0], d->n[1], w);
    t->met = derived_sum(t->met, d->met[0] + 0.5 * d->negotiate[0], d->met[1] + 0.5 * d->negotiate[1], w);
}

/* The score of a tally with needs in it (t->n > 0): the weighted share met,
 * or the share of needs met when no need weighs anything. */
static inline double tally_score(const tally *t)
{
    return t->weight > 0.0 ? t->met / t->weight : (double)t->n_met / (double)t->n;
}

/* What the kernels report for a tally of recorded needs: 1 with none to
 * plan, no data when every need is to negotiate, else its score. */
static inline double tally_value(const tally *t)
{
    if (t->n == 0)
        return 1.0;
    if (t->n_negotiate == t->n)
        return JM_KNODATA;
    return jm_eval_clamped(tally_score(t));
}

/* Plans a need (a plan item when explaining) and returns who meets it. */
static int plan_one(jm_eval *ev, const char *type, int intensity, bool essential, const char *origin)
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
    if (r.provider == JM_PROVIDER_UNMET && essential)
        jm_eval_note(ev, "essential support not available here: %s", type);
    return r.provider;
}

/* A derived need whose type the candidate states is planned as stated
 * (derived needs are one per type already: jm_eval_derive_need). */
static bool stated(const jm_candidate *c, const char *type)
{
    for (size_t i = 0; i < c->n_needs; i++)
        if (c->needs[i].type && strcmp(c->needs[i].type, type) == 0)
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

    const jm_thresholds *th = &ev->p->th;
    tally t = { 0 };
    for (size_t i = 0; i < c->n_needs; i++) {
        const jm_need *n = &c->needs[i];
        if (!n->type)
            continue;
        const int provider = plan_one(ev, n->type, n->intensity, n->essential, "stated");
        tally_add(&t, jm_support_need_weight(th, n->intensity, n->essential), provider);
    }
    derived_tally dt = { 0 };
    for (size_t i = 0; i < n_derived; i++) {
        const jm_derived_need *d = &ev->derived[i];
        if (!d->type || stated(c, d->type))
            continue;
        if (!jm_eval_explaining(ev)) {
            derived_add(&dt, d->intensity, plan_one(ev, d->type, d->intensity, false, NULL));
            continue;
        }
        char *origin = jm_strfmt("functional:%s", d->dimension ? d->dimension : "");
        if (!origin) {
            if (!ev->error)
                ev->error = JM_ENOMEM;
            continue;
        }
        derived_add(&dt, d->intensity, plan_one(ev, d->type, d->intensity, false, origin));
        free(origin);
    }
    const derived_weights w = derived_weights_of(th);
    tally_derived(&t, &dt, &w);

    if (t.n == 0) {
        jm_eval_score(ev, F, 1.0, "no support needs stated");
        return;
    }
    if (t.n_negotiate == t.n) {
        jm_eval_nodata(ev, F, "the job's supports were not analysed: %zu support need%s to negotiate",
                       t.n, t.n == 1 ? "" : "s");
        return;
    }

    const double score = tally_score(&t);
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

/* The support kernel's value (kernel.h), with the needs the functional
 * kernel derived for the pair (one per type: jm_functional_value). */
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
        tally_add(&t, jm_support_need_weight(th, needs[i].intensity, needs[i].essential), prov[needs[i].slot]);
    derived_tally dt = { 0 };
    for (size_t i = 0; i < n_derived; i++) {
        bool planned = false;
        for (size_t k = 0; k < c->n_needs && !planned; k++)
            planned = needs[k].type == derived[i].type_id;
        if (!planned)
            derived_add(&dt, derived[i].intensity, prov[derived[i].slot]);
    }
    const derived_weights w = derived_weights_of(th);
    tally_derived(&t, &dt, &w);
    return tally_value(&t);
}

void jm_kernel_support(jm_eval *ev)
{
    const double v = support_value(ev->pc, ev->pc->j, &ev->p->th, ev->derived, ev->n_derived);
    jm_kernel_report(ev, JM_FACTOR_SUPPORT, v, 0);
}

void jm_support_need_type_bits(const jm_cjobs *js, const jm_cjob *j, jm_bits32 *meets, jm_bits32 *negotiates)
{
    const uint8_t *prov = js->providers + j->providers;
    *meets = *negotiates = 0;
    for (size_t t = 0; t < js->n_need_types; t++) { /* at most JM_NEED_TYPES_MAX */
        const int p = prov[js->need_type_slots[t]];
        *meets |= (jm_bits32)PROVIDER_MEETS(p) << t;
        *negotiates |= (jm_bits32)(p == JM_PROVIDER_TO_NEGOTIATE) << t;
    }
}

/* What fs_bits reads of the row, the candidate and the profile, copied once
 * per block into a local (which no store to the outputs can reach, so the
 * loop keeps it in registers): the row's bits and stated needs, the sum of
 * the stated needs' weights (the same for every job: added in the same
 * order as tally_add adds them), the profile's functional credits and the
 * weights of a derived need. */
typedef struct fs_row {
    jm_bits32 ab_known, ab_zero, ab_one, planned;
    size_t n_needs;
    uint16_t need_slot[JM_ROW_NEEDS];
    double need_w[JM_ROW_NEEDS];
    double stated_weight;
    bool recorded; /* the candidate has needs recorded, none or some */
    bool wide;     /* the job set has more than 16 dimensions (dim_types) */
    const jm_bits32 (*dim_types)[256];
    jm_functional_credits credits;
    derived_weights derived_w;
} fs_row;

static JM_ALWAYS_INLINE void fs_row_of(const jm_cpair *pc, const jm_thresholds *th, fs_row *r)
{
    const jm_crow *row = pc->row;
    r->ab_known = row->ab_known;
    r->ab_zero = row->ab_zero;
    r->ab_one = row->ab_one;
    r->planned = row->planned;
    r->n_needs = row->n_needs;
    r->stated_weight = 0.0;
    for (size_t i = 0; i < row->n_needs; i++) {
        r->need_slot[i] = row->need_slot[i];
        r->need_w[i] = row->need_w[i];
        r->stated_weight += row->need_w[i];
    }
    r->recorded = pc->c->has_needs; /* set too where any need is stated (compile_candidates.c) */
    r->wide = pc->js->n_dims > 16;
    r->dim_types = pc->js->dim_types;
    r->credits = jm_functional_credits_of(th);
    r->derived_w = derived_weights_of(th);
}

/* The need type bits of the dimensions in dims (demand bits). */
_Static_assert(JM_DEMAND_BITS_DIMS == 32, "dim_types reads four bytes");
static JM_ALWAYS_INLINE jm_bits32 dim_types(const fs_row *r, jm_bits32 dims, bool wide)
{
    const jm_bits32(*t)[256] = r->dim_types;
    jm_bits32 types = t[0][dims & 0xff] | t[1][(dims >> 8) & 0xff];
    if (wide)
        types |= t[2][(dims >> 16) & 0xff] | t[3][dims >> 24];
    return types;
}

/* Functional and support for one job of a row from its demand bits and the
 * row's (jm_crow.fs_bits): the same counts as jm_functional_value and
 * support_value, from bitsets and their popcounts, so the loop has no
 * branch on the data.  The stated needs are added in the candidate's order,
 * as tally_add does; a need type a shortfall derives is one need, high when
 * a shortfall of two levels derives it, unless the candidate states it.
 * n_needs and wide: r's, as constants where the caller specialises the
 * loop. */
static JM_ALWAYS_INLINE void fs_bits(const fs_row *r, const uint8_t *prov, const jm_cdemand_bits *b,
                                     double *functional, double *support, size_t n_needs, bool wide,
                                     bool abilities)
{
    double met = 0.0;
    uint64_t counts = 0;
    for (size_t i = 0; i < n_needs; i++) {
        const unsigned p = prov[r->need_slot[i]];
        met += r->need_w[i] * MET_SHARE[p];
        counts += COUNTS[p];
    }
    tally t = { .weight = r->stated_weight, .met = met };
    t.n = counts & 0xffffu;
    t.n_met = (counts >> 16) & 0xffffu;
    t.n_negotiate = counts >> 32;

    derived_tally d = { { 0, 0 }, { 0, 0 }, { 0, 0 } };
    if (!abilities) {
        /* no ability known: no data, and no shortfall derives a need */
        *functional = JM_KNODATA;
        tally_derived(&t, &d, &r->derived_w);
        *support = r->recorded || t.n != 0 ? tally_value(&t) : JM_KNODATA;
        return;
    }
    const jm_bits32 short2 = b->level2 & r->ab_zero;
    const jm_bits32 short1 = (b->level1 & r->ab_zero) | (b->level2 & r->ab_one);
    jm_functional_counts fc;
    fc.known = (unsigned)__builtin_popcount(b->demanded & r->ab_known);
    fc.short1[1] = (unsigned)__builtin_popcount(short1 & b->supported);
    fc.short1[0] = (unsigned)__builtin_popcount(short1 & ~b->supported);
    fc.short2[1] = (unsigned)__builtin_popcount(short2 & b->supported);
    fc.short2[0] = (unsigned)__builtin_popcount(short2 & ~b->supported);
    /* jm_eval_clamped would change nothing: no credit is above 1 and
     * rounding is monotonic, so the sum is at most known; none is below 0 */
    *functional = fc.known == 0 ? JM_KNODATA : jm_functional_mean_of(&fc, &r->credits);

    const jm_bits32 high = dim_types(r, short2, wide) & ~r->planned;
    const jm_bits32 medium = dim_types(r, short1, wide) & ~r->planned & ~high;
    d.n[0] = (unsigned)__builtin_popcount(medium);
    d.n[1] = (unsigned)__builtin_popcount(high);
    d.met[0] = (unsigned)__builtin_popcount(medium & b->meets);
    d.met[1] = (unsigned)__builtin_popcount(high & b->meets);
    d.negotiate[0] = (unsigned)__builtin_popcount(medium & b->negotiates);
    d.negotiate[1] = (unsigned)__builtin_popcount(high & b->negotiates);
    tally_derived(&t, &d, &r->derived_w);
    *support = r->recorded || t.n != 0 ? tally_value(&t) : JM_KNODATA;
}

static JM_ALWAYS_INLINE void fs_loop(const fs_row *r, const jm_cjobs *js, const jm_cjob *jobs, size_t n,
                                     double *restrict functional, double *restrict support, size_t n_needs,
                                     bool wide, bool abilities)
{
    const jm_cdemand_bits *bits = js->demand_bits + (jobs - js->recs); /* jobs[k]'s */
    for (size_t k = 0; k < n; k++)
        fs_bits(r, js->providers + jobs[k].providers, &bits[k], &functional[k], &support[k], n_needs, wide,
                abilities);
}

/* fs_loop with r's needs, width and abilities as constants: none, one or
 * two stated needs (most candidates), or any number; a candidate without
 * a known ability (about a quarter) reads no demand. */
static JM_ALWAYS_INLINE void fs_block(const fs_row *r, const jm_cjobs *js, const jm_cjob *jobs, size_t n,
                                      double *restrict functional, double *restrict support, bool wide,
                                      bool abilities)
{
    switch (r->n_needs) {
    case 0: fs_loop(r, js, jobs, n, functional, support, 0, wide, abilities); break;
    case 1: fs_loop(r, js, jobs, n, functional, support, 1, wide, abilities); break;
    case 2: fs_loop(r, js, jobs, n, functional, support, 2, wide, abilities); break;
    default: fs_loop(r, js, jobs, n, functional, support, r->n_needs, wide, abilities); break;
    }
}

JM_BLOCK_CLONES
void jm_kblock_functional_support(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                                  double *restrict functional, double *restrict support)
{
    if (pc->row->fs_bits) {
        fs_row r;
        fs_row_of(pc, th, &r);
        if ((r.ab_known | r.ab_zero | r.ab_one) == 0)
            fs_block(&r, pc->js, jobs, n, functional, support, false, false);
        else if (r.wide)
            fs_block(&r, pc->js, jobs, n, functional, support, true, true);
        else
            fs_block(&r, pc->js, jobs, n, functional, support, false, true);
        return;
    }
    jm_derived_need derived[JM_MAX_DERIVED_NEEDS];
    for (size_t k = 0; k < n; k++) {
        size_t n_derived = 0;
        functional[k] = jm_functional_value(pc, &jobs[k], th, derived, &n_derived);
        support[k] = support_value(pc, &jobs[k], th, derived, n_derived);
    }
}
