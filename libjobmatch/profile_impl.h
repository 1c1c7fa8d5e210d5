/*
 * Internal: the scoring profile's contents.  A profile is immutable after
 * jm_profile_finish() has computed its hash; it is shared by reference count.
 */
#ifndef JM_PROFILE_IMPL_H
#define JM_PROFILE_IMPL_H

#include <stdatomic.h>
#include <stdbool.h>

#include "model.h"

/** A support-need type of the vocabulary. */
typedef struct jm_need_def {
    char *id;
    char *label;
    /* offers (accommodation/natural/funded ids) or the pseudo-offers
     * "job_coach" (on site, needs the job's permission) and "agency"
     * (off site, always available) that can meet it, in order of preference */
    char **met_by;
    size_t n_met_by;
} jm_need_def;

/** Something a job can offer. */
typedef struct jm_offer_def {
    char *id;
    char *label;
    int provider; /* JM_PROVIDER_EMPLOYER, _NATURAL or _FUNDED */
} jm_offer_def;

/** A functional dimension (abilities and demands share it). */
typedef struct jm_dim_def {
    char *id;
    char *label;
    char **supported_by; /* offers that support a one-level shortfall */
    size_t n_supported_by;
    char *need; /* support-need type a shortfall becomes */
} jm_dim_def;

typedef struct jm_fade_def {
    int week;     /* from this week */
    double share; /* of the starting coach hours */
} jm_fade_def;

typedef struct jm_thresholds {
    /* hours */
    double hours_inside_min;  /* score at the edge of the person's range (0.8) */
    double hours_falloff;     /* hours beyond the range over which the score falls to 0 */
    /* schedule */
    double schedule_min_share; /* exclude below this share of the job's hours (0: only at none) */
    /* commute */
    double commute_full_share; /* full score up to this share of the maximum (0.5) */
    double detour_factor;      /* road distance / straight-line distance */
    double speed_kmh[JM_TRANSPORT_COUNT];
    double overhead_min[JM_TRANSPORT_COUNT]; /* waiting, parking: added per trip */
    /* environment */
    double env_excess_span;    /* levels of excess at which a dimension scores 0 */
    double importance_weight[5]; /* by jm_importance (index 1..4) */
    /* wage and benefits */
    double wage_falloff;       /* share below the floor at which the wage scores 0 */
    double benefits_falloff;   /* share above a limit at which benefits scores 0 */
    /* skills */
    double essential_share;    /* weight of essential skills within the factor (0.8) */
    double trainable_credit;   /* credit for a missing skill the job can train */
    double training_hours_per_level;
    double training_hours_min;
    /* functional demands: credit by shortfall, with and without a support in place */
    double short1_supported, short1_unsupported;
    double short2_supported, short2_unsupported;
    /* job type */
    double avoid_similarity;   /* similarity at which an avoided type excludes (1 = exact) */
    double history_liked;      /* weight of a liked past job as preference evidence */
    double history_disliked;   /* multiplier when the job resembles a disliked past job */
    /* support */
    double need_weight[4];     /* by intensity (index 1..3) */
    double essential_multiplier;
    double coach_hours[4];     /* job-coach hours per week at the start, by intensity */
} jm_thresholds;

struct jm_profile {
    atomic_int refs;
    char *id;
    char *name;
    char *description;
    char hash[72]; /* "sha256:" + 64 hex */

    double weights[JM_FACTOR_COUNT];
    jm_thresholds th;

    bool competitive_only;
    bool integrated_only;
    double min_wage; /* programme's minimum hourly wage, NaN none */

    jm_need_def *needs;
    size_t n_needs;
    jm_offer_def *offers;
    size_t n_offers;
    jm_dim_def *dims;
    size_t n_dims;
    /* Sorted indexes of the vocabularies, built by jm_profile_finish (NULL
     * before: lookups then scan). */
    jm_key_ref *need_index, *offer_index, *dim_index;
    bool indexed;
    jm_fade_def *fading;
    size_t n_fading;
};

/* profile.c */
/** A new profile holding the built-in IPS defaults (refs = 1, hash unset). */
jm_profile *jm_profile_alloc_default(void);
/** Seals a profile: computes the hash from the canonical JSON form and
 *  indexes the vocabularies.  JM_OK or JM_ENOMEM. */
int jm_profile_finish(jm_profile *p);
/** Frees the contents and the struct regardless of the reference count. */
void jm_profile_destroy(jm_profile *p);

const jm_need_def *jm_profile_find_need(const jm_profile *p, const char *id);
const jm_offer_def *jm_profile_find_offer(const jm_profile *p, const char *id);
const jm_dim_def *jm_profile_find_dim(const jm_profile *p, const char *id);
/** jm_profile_find_dim with the id's key already known (jm_str_key(id)). */
const jm_dim_def *jm_profile_find_dim_key(const jm_profile *p, const char *id, uint64_t key);

/** The process-wide built-in default (made once, never freed); NULL on ENOMEM. */
const jm_profile *jm_profile_builtin(void);

#endif /* JM_PROFILE_IMPL_H */
