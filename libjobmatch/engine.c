/* The engine: its lifecycle, and scoring one pair (factors, rules, totals). */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "factors/factors.h"
#include "match_impl.h"
#include "rules.h"
#include "score.h"

int jm_engine_new(jm_profile *profile, jm_engine **out)
{
    if (!out)
        return jm_fail(JM_EINVAL, "jm_engine_new: out is NULL");
    jm_engine *e = calloc(1, sizeof *e);
    if (!e)
        return jm_fail(JM_ENOMEM, "out of memory creating an engine");
    e->cache = jm_compile_cache_new();
    if (!e->cache) {
        free(e);
        return jm_fail(JM_ENOMEM, "out of memory creating an engine");
    }
    if (profile) {
        e->profile = jm_profile_ref(profile);
    } else if (jm_profile_default(&e->profile) != JM_OK) {
        jm_compile_cache_free(e->cache);
        free(e);
        return jm_fail(JM_ENOMEM, "out of memory creating the default profile");
    }
    /* the profile is immutable: what every pair's total adds up the same way */
    jm_combine all = { 0, 0, 0 };
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        const double w = e->profile->weights[f];
        jm_combine_add(&all, w, false, false, 0.0);
        e->positive[f] = w > 0 ? w : 0.0;
    }
    e->weight_all = all.all;
    *out = e;
    return JM_OK;
}

void jm_engine_free(jm_engine *e)
{
    if (!e)
        return;
    jm_rules_free_all(e);
    jm_compile_cache_free(e->cache);
    if (e->travel_free)
        e->travel_free(e->travel_payload);
    jm_profile_free(e->profile);
    free(e);
}

const jm_profile *jm_engine_profile(const jm_engine *e)
{
    return e ? e->profile : NULL;
}

int jm_engine_set_travel_time(jm_engine *e, jm_travel_fn fn, void *payload,
                              jm_payload_free_fn payload_free)
{
    if (!e) {
        if (payload_free)
            payload_free(payload);
        return jm_fail(JM_EINVAL, "jm_engine_set_travel_time: engine is NULL");
    }
    if (e->travel_free)
        e->travel_free(e->travel_payload);
    e->travel = fn;
    e->travel_payload = fn ? payload : NULL;
    e->travel_free = fn ? payload_free : NULL;
    if (!fn && payload_free)
        payload_free(payload);
    return JM_OK;
}

/* Totals, contributions, feasibility and the coach's fading schedule. */
static int finish(struct jm_match *m, const jm_profile *p)
{
    jm_combine acc = {0, 0, 0};
    for (size_t i = 0; i < m->n_factors; i++) {
        jm_factor_entry *f = &m->factors[i];
        if (!f->reported) {
            f->reported = true;
            f->detail = jm_strdup("not evaluated");
            if (!f->detail)
                return JM_ENOMEM;
        }
        jm_combine_add(&acc, f->weight, f->has_data, f->abstained, f->score);
    }
    jm_combine_result(&acc, &m->total, &m->confidence);
    const double with_data = acc.with_data;
    for (size_t i = 0; i < m->n_factors; i++) {
        jm_factor_entry *f = &m->factors[i];
        f->contribution = (f->has_data && with_data > 0 && f->weight > 0)
                              ? f->weight * f->score / with_data : 0.0;
    }
    m->feasible = m->n_exclusions == 0;

    m->coach_hours = 0;
    for (size_t i = 0; i < m->n_support; i++)
        m->coach_hours += m->support[i].coach_hours;
    if (m->coach_hours > 0 && p->n_fading > 0) {
        m->fading = calloc(p->n_fading, sizeof *m->fading);
        if (!m->fading)
            return JM_ENOMEM;
        for (size_t i = 0; i < p->n_fading; i++) {
            m->fading[i].week = p->fading[i].week;
            m->fading[i].hours = m->coach_hours * p->fading[i].share;
        }
        m->n_fading = p->n_fading;
    }
    return JM_OK;
}

int jm_score_pair(const jm_engine *e, const jm_candidate *c, const jm_job *j, jm_match **out)
{
    struct jm_match *m = jm_match_alloc(c->id, j->id, e->profile);
    if (!m)
        return jm_fail(JM_ENOMEM, "out of memory scoring '%s' against '%s'", c->id, j->id);
    jm_eval ev;
    memset(&ev, 0, sizeof ev);
    ev.c = c;
    ev.j = j;
    ev.p = e->profile;
    ev.engine = e;
    ev.m = m;
    for (int f = 0; f < JM_FACTOR_COUNT && !ev.error; f++)
        jm_factor_table[f](&ev);
    int rc = ev.error;
    if (!rc)
        rc = jm_rules_run(&ev);
    if (!rc)
        rc = finish(m, e->profile);
    if (rc) {
        jm_match_free(m);
        if (rc == JM_ENOMEM)
            return jm_fail(JM_ENOMEM, "out of memory scoring '%s' against '%s'", c->id, j->id);
        return rc; /* JM_ECALLBACK: the message is already set */
    }
    *out = m;
    return JM_OK;
}

/* For rankings, the factors that may exclude a pair run first, those that
 * exclude most often and cost least (by the benchmark's data) ahead; the
 * others (functional before support, which plans the needs functional
 * derives, and the skills, the dearest) last.  After each factor the pair
 * may stop: when it is excluded, or when it could not reach the bar even if
 * every factor left scored 1.  Every factor writes its own entry of ev->fv,
 * so the order they run in does not change the numbers. */
static const int PRUNE_ORDER[] = { JM_FACTOR_JOB_TYPE, JM_FACTOR_COMMUTE, JM_FACTOR_HOURS,
                                   JM_FACTOR_SCHEDULE, JM_FACTOR_WAGE, JM_FACTOR_LEGAL,
                                   JM_FACTOR_ENVIRONMENT, JM_FACTOR_BENEFITS, JM_FACTOR_PROGRAMME,
                                   /* these never exclude */
                                   JM_FACTOR_INTERESTS, JM_FACTOR_WORK_VALUES, JM_FACTOR_FUNCTIONAL,
                                   JM_FACTOR_SUPPORT, JM_FACTOR_SKILLS };
#define N_MAY_EXCLUDE 9
#define COUNT_OF(a) (sizeof(a) / sizeof *(a))
_Static_assert(COUNT_OF(PRUNE_ORDER) == JM_FACTOR_COUNT, "PRUNE_ORDER lists every factor once");

/* A pruned pair's total is below the bar by more than any rounding. */
#define PRUNE_MARGIN 1e-9

/* A compiled pair runs the kernels (ev->pc), except for the factors in
 * generic, which run the factor code on the source records. */
static inline void run_factor(jm_eval *ev, int f, jm_generic_bits generic)
{
    if (ev->pc && !(generic & (1u << f)))
        jm_kernel_table[f](ev);
    else
        jm_factor_table[f](ev);
}

/* Every kernel, in PRUNE_ORDER: direct calls, for a pair with no factor
 * on the factor code (numbers only: a kernel allocates nothing, so cannot
 * fail). */
static void run_kernels(jm_eval *ev)
{
    jm_kernel_job_type(ev);
    jm_kernel_commute(ev);
    jm_kernel_hours(ev);
    jm_kernel_schedule(ev);
    jm_kernel_wage(ev);
    jm_kernel_legal(ev);
    jm_kernel_environment(ev);
    jm_kernel_benefits(ev);
    jm_kernel_programme(ev);
    jm_kernel_interests(ev);
    jm_kernel_work_values(ev);
    jm_kernel_functional(ev);
    jm_kernel_support(ev);
    jm_kernel_skills(ev);
}

jm_generic_bits jm_score_row_generic(const jm_engine *e, const jm_cpair *pc)
{
    jm_generic_bits g = pc->c->generic;
    if (e->travel)
        g |= 1u << JM_FACTOR_COMMUTE; /* the source is asked per mode */
    if (!pc->levels)
        g |= 1u << JM_FACTOR_SKILLS;
    return g;
}

/* Which factors of a compiled pair run the factor code. */
static jm_generic_bits generic_bits(const jm_engine *e, const jm_cpair *pc)
{
    jm_generic_bits g = jm_score_row_generic(e, pc) | pc->j->generic;
    /* functional hands its derived needs to support: both or neither */
    if (g & ((1u << JM_FACTOR_FUNCTIONAL) | (1u << JM_FACTOR_SUPPORT)))
        g |= (1u << JM_FACTOR_FUNCTIONAL) | (1u << JM_FACTOR_SUPPORT);
    return g;
}

/* Runs the factors in PRUNE_ORDER, stopping early as the comment above it
 * says; true when the pair stopped (out is then final). */
static bool run_pruning(jm_eval *ev, jm_generic_bits generic, double bar, unsigned flags,
                        jm_pair_value *out)
{
    const double *w = ev->p->weights;
    double rest = 0, num = 0, with_data = 0;
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        rest += w[f] > 0 ? w[f] : 0;
    bool below = false; /* cannot reach the bar: only feasibility is left to settle */
    for (size_t i = 0; i < COUNT_OF(PRUNE_ORDER); i++) {
        if (below && i >= N_MAY_EXCLUDE)
            break;
        const int f = PRUNE_ORDER[i];
        run_factor(ev, f, generic);
        if (ev->error)
            return false;
        if (ev->n_excluded) {
            /* excluded: its total does not matter to a ranking */
            out->total = NAN;
            out->confidence = NAN;
            out->feasible = false;
            return true;
        }
        if (below || bar == -INFINITY)
            continue;
        if (w[f] > 0) {
            rest -= w[f];
            if (ev->fv[f].has_data) {
                num += w[f] * ev->fv[f].score;
                with_data += w[f];
            }
        }
        /* the best the pair can still reach: every factor left scoring 1 */
        const double best = with_data + rest > 0 ? (num + rest) / (with_data + rest) : 0.5;
        if (best < bar - PRUNE_MARGIN) {
            below = true;
            if (!(flags & JM_SCORE_FEASIBLE))
                break; /* feasibility is not asked for */
        }
    }
    if (!below)
        return false;
    out->total = NAN;
    out->confidence = NAN;
    out->feasible = (flags & JM_SCORE_FEASIBLE) ? true : false;
    return true;
}

/* The built-in factors' sums in ev->acc, in order (the rules add theirs
 * after): as finish() adds up (jm_combine_add: the weight of every positive
 * factor, and of those with data the score; in locals, as ev's address has
 * gone to the factors and its fields would be stored and loaded at every
 * step). */
static inline void add_up(const jm_engine *e, jm_eval *ev)
{
    double num = 0, with_data = 0;
    const double *pw = e->positive;
#pragma GCC unroll 16
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        /* without a branch: both sums are >= 0 (positive weights, scores in
         * [0, 1]), so adding 0.0 for a factor without data or weight leaves
         * their bits */
        const bool has = ev->fv[f].has_data;
        with_data += has ? pw[f] : 0.0;
        num += has ? pw[f] * ev->fv[f].score : 0.0;
    }
    ev->acc = (jm_combine){ num, with_data, e->weight_all };
}

/* Scores a pair's numbers; with JM_SCORE_PRUNE, may stop early (*pruned)
 * as run_pruning says.  pc (may be NULL) is the compiled pair. */
static int score_value(const jm_engine *e, const jm_candidate *c, const jm_job *j, const jm_cpair *pc,
                       double bar, unsigned flags, jm_pair_value *out, bool *pruned)
{
    jm_eval ev;
    ev.c = c;
    ev.j = j;
    ev.p = e->profile;
    ev.engine = e;
    ev.m = NULL;
    ev.pc = pc;
    ev.error = 0;
    ev.n_derived = 0;
    ev.n_excluded = 0;
    if (pruned)
        *pruned = false;
    const jm_generic_bits generic = pc ? generic_bits(e, pc) : 0;
    /* Rules may score and veto: with any, every pair is scored in full. */
    const bool prune = pruned && (flags & JM_SCORE_PRUNE) && e->n_rules == 0;
    if (pc && !generic && !prune) {
        run_kernels(&ev); /* each reports once, and they cannot fail */
    } else {
        /* what has not reported has no data (a loop, not memset: the rep
         * stos the compiler emits for 224 bytes costs as much as a cheap
         * factor) */
        for (int f = 0; f < JM_FACTOR_COUNT; f++) {
            ev.fv[f].reported = false;
            ev.fv[f].has_data = false;
        }
        if (prune) {
            if (run_pruning(&ev, generic, bar, flags, out)) {
                *pruned = true;
                return JM_OK;
            }
        } else {
            for (int f = 0; f < JM_FACTOR_COUNT && !ev.error; f++)
                run_factor(&ev, PRUNE_ORDER[f], generic);
        }
    }
    add_up(e, &ev);
    int rc = ev.error;
    if (!rc && e->n_rules)
        rc = jm_rules_run(&ev);
    if (rc) {
        if (rc == JM_ENOMEM)
            return jm_fail(JM_ENOMEM, "out of memory scoring '%s' against '%s'", c->id, j->id);
        return rc;
    }
    jm_combine_result(&ev.acc, &out->total, &out->confidence);
    out->feasible = ev.n_excluded == 0;
    return JM_OK;
}

int jm_score_compiled(const jm_engine *e, const jm_candidate *c, const jm_job *j, const jm_cpair *pc,
                      double bar, unsigned flags, jm_pair_value *out, bool *pruned)
{
    return score_value(e, c, j, pc, bar, flags, out, pruned);
}

int jm_engine_score(jm_engine *e, const jm_candidate *c, const jm_job *j, jm_match **out)
{
    if (!e || !c || !j || !out)
        return jm_fail(JM_EINVAL, "jm_engine_score: engine, candidate, job and out are required");
    return jm_score_pair(e, c, j, out);
}
