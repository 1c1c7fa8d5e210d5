/*
 * Internal: the evaluation of one (candidate, job) pair.
 *
 * The engine runs every factor in jm_factor order on a jm_eval; each factor
 * reads the pair and the profile and reports through the jm_eval_* calls
 * below.  A factor must report exactly once through jm_eval_score or
 * jm_eval_nodata (jm_eval_exclude may come in addition, any number of times).
 * Out-of-memory is recorded in ev->error by these calls: factors need not
 * check return values.
 *
 * Two modes run the same factor code, so their numbers are identical:
 * explaining (ev->m is the match under construction: details, skills,
 * plans, notes) and numbers only (ev->m is NULL: batch scoring).  Without a
 * match the reporting calls record scores and exclusions and skip all text;
 * a factor builds its detail only when jm_eval_explaining(ev).
 */
#ifndef JM_EVAL_H
#define JM_EVAL_H

#include <math.h>

#include "compiled.h"
#include "model.h"
#include "profile_impl.h"
#include "util.h"

struct jm_engine;

/** A support need derived from functional shortfalls (functional.c fills,
 *  support.c plans): one per need type, at the highest intensity any of the
 *  job's shortfalls of that type needs, from the first dimension that needs
 *  it (jm_eval_derive_need). */
typedef struct jm_derived_need {
    const char *dimension; /* borrowed from the profile */
    const char *type;      /* support-need type, borrowed from the profile */
    int intensity;
    uint32_t type_id;   /* compiled pairs: the type's string id */
    uint16_t slot;      /* compiled pairs: its provider slot (jm_cneed) */
} jm_derived_need;

#define JM_MAX_DERIVED_NEEDS 64 /* need types derived in one pair, at most */

/** What one factor reported. */
typedef struct jm_factor_value {
    bool reported, has_data;
    double score; /* in [0, 1]; NaN without data */
} jm_factor_value;

/** The weighted sums behind a total and a confidence; entries are added in
 *  the order of the breakdown (built-in factors, then rules), in both modes,
 *  so both give the same bits. */
typedef struct jm_combine {
    double num, with_data, all;
} jm_combine;

static inline void jm_combine_add(jm_combine *c, double weight, bool has_data, bool abstained,
                                  double score)
{
    if (abstained || !(weight > 0))
        return;
    c->all += weight;
    if (has_data) {
        c->with_data += weight;
        c->num += weight * score;
    }
}

/** The total (0.5 when no factor has data) and the confidence. */
static inline void jm_combine_result(const jm_combine *c, double *total, double *confidence)
{
    *total = c->with_data > 0 ? c->num / c->with_data : 0.5;
    *confidence = c->all > 0 ? c->with_data / c->all : 0.0;
}

typedef struct jm_eval {
    const jm_candidate *c;
    const jm_job *j;
    const jm_profile *p;
    const struct jm_engine *engine;
    struct jm_match *m; /* the result under construction; NULL: numbers only */
    const jm_cpair *pc; /* the compiled pair, numbers only: kernels read it */
    int error;          /* first failure: JM_ENOMEM or JM_ECALLBACK; 0 when none */

    jm_factor_value fv[JM_FACTOR_COUNT]; /* what each built-in factor reported */
    size_t n_excluded;                   /* exclusions, by factors and rules */
    jm_combine acc;                      /* numbers only: the rules add to it */

    jm_derived_need derived[JM_MAX_DERIVED_NEEDS];
    size_t n_derived;
} jm_eval;

/** true when the evaluation builds a match with details (false: numbers only). */
static inline bool jm_eval_explaining(const jm_eval *ev)
{
    return ev->m != NULL;
}

/** A score as a factor reports it: clamped to [0, 1], NaN read as 0. */
static inline double jm_eval_clamped(double score)
{
    return jm_clamp(isnan(score) ? 0.0 : score, 0.0, 1.0);
}

/** Numbers only: the factor has data, with this score (as jm_eval_score
 *  without a detail: jm_eval_clamped).  In explaining mode use
 *  jm_eval_score.  factor must be a jm_factor. */
static inline void jm_eval_value(jm_eval *ev, int factor, double score)
{
    jm_factor_value *v = &ev->fv[factor];
    v->reported = true;
    v->has_data = true;
    v->score = jm_eval_clamped(score);
}

/** Numbers only: the factor lacks data (as jm_eval_nodata without the
 *  detail).  factor must be a jm_factor. */
static inline void jm_eval_novalue(jm_eval *ev, int factor)
{
    jm_factor_value *v = &ev->fv[factor];
    v->reported = true;
    v->has_data = false;
    v->score = NAN;
}

/** The factor has data on both sides: score in [0, 1] (clamped) and a
 *  readable detail. */
void jm_eval_score(jm_eval *ev, int factor, double score, const char *fmt, ...) JM_PRINTF(4, 5);

/** Either side lacks the data: the factor is left out of the total and of
 *  confidence.  The detail says what is missing. */
void jm_eval_nodata(jm_eval *ev, int factor, const char *fmt, ...) JM_PRINTF(3, 4);

/** A hard exclusion of the pair by this factor, with what would lift it
 *  (lift may be NULL or "" when nothing can). */
void jm_eval_exclude(jm_eval *ev, int factor, const char *lift, const char *fmt, ...)
    JM_PRINTF(4, 5);

/** Numbers only: the pair is excluded by this factor (as jm_eval_exclude,
 *  without the reason and the lift a factor need not build then). */
static inline void jm_eval_excluded(jm_eval *ev, int factor)
{
    (void)factor;
    ev->n_excluded++;
}

/** Records an exclusion under an entry name (a factor name or "rule:NAME").
 *  JM_OK or JM_ENOMEM (also recorded in ev->error). */
int jm_eval_add_exclusion(jm_eval *ev, const char *entry, const char *reason, const char *lift);

/** A job skill and how the candidate stands on it. cand_level NaN = missing
 *  or unstated; credit in [0, 1]. */
void jm_eval_skill(jm_eval *ev, const jm_job_skill *skill, bool matched, double cand_level,
                   double credit);

/** A training-plan item (jm_training_kind).  label may be NULL. */
void jm_eval_training(jm_eval *ev, int kind, const char *id, const char *label, bool essential,
                      double gap_levels, double effort_hours, const char *by);

/** A support-plan item.  offer may be NULL; origin is "stated" or
 *  "functional:DIM". */
void jm_eval_support(jm_eval *ev, const char *need, const char *label, int intensity,
                     bool essential, int provider, const char *offer, double coach_hours,
                     const char *origin);

/** An advisory note for the coach ("refer to benefits counselling"). */
void jm_eval_note(jm_eval *ev, const char *fmt, ...) JM_PRINTF(2, 3);

/** Records a support need derived from a shortfall on dimension: a need
 *  of a type derived already takes the higher of the two intensities (and,
 *  when this one is higher, this dimension), so the plan does not depend
 *  on the order of the job's demands.  Types beyond JM_MAX_DERIVED_NEEDS
 *  are dropped. */
void jm_eval_derive_need(jm_eval *ev, const char *dimension, const char *type, int intensity);

/** Travel time for a mode from the engine's travel-time source.
 *  JM_OK with *minutes, JM_ENOTFOUND when there is no source or it has no
 *  answer (estimate from distance), JM_ECALLBACK after setting ev->error. */
int jm_eval_travel_time(jm_eval *ev, int mode, double *minutes);

#endif /* JM_EVAL_H */
