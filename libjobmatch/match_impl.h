/*
 * Internal: the contents of a match result and of a ranking.
 */
#ifndef JM_MATCH_IMPL_H
#define JM_MATCH_IMPL_H

#include <stdbool.h>

#include "model.h"

typedef struct jm_factor_entry {
    char *name;        /* owned */
    bool reported;     /* the factor reported (score or nodata) */
    bool has_data;
    bool excluded;
    bool abstained;    /* rules only: left out of the total and of confidence */
    double score;      /* NaN without data */
    double weight;
    double contribution;
    char *detail;      /* owned */
} jm_factor_entry;

typedef struct jm_excl_entry {
    char *factor, *reason, *lift;
} jm_excl_entry;

typedef struct jm_skill_entry {
    char *id, *label;
    bool essential, trainable, matched;
    double required_level, candidate_level, credit;
} jm_skill_entry;

typedef struct jm_training_entry {
    int kind;
    char *id, *label, *by;
    bool essential;
    double gap_levels, effort_hours;
} jm_training_entry;

typedef struct jm_support_entry {
    char *need, *label, *offer, *origin;
    int intensity, provider;
    bool essential;
    double coach_hours;
} jm_support_entry;

struct jm_match {
    char *candidate_id, *job_id;
    double total, confidence;
    bool feasible;
    const char *engine_version; /* static */
    char *profile_id;
    char profile_hash[72];

    jm_factor_entry *factors; /* JM_FACTOR_COUNT built-ins, then rules */
    size_t n_factors, cap_factors;
    jm_excl_entry *exclusions;
    size_t n_exclusions, cap_exclusions;
    jm_skill_entry *skills; /* matched and missing, in the job's order */
    size_t n_skills, cap_skills;
    jm_training_entry *training;
    size_t n_training, cap_training;
    jm_support_entry *support;
    size_t n_support, cap_support;
    char **notes;
    size_t n_notes;
    double coach_hours;
    jm_fading_step *fading;
    size_t n_fading;
};

/** An empty match for a pair with room for the built-in factors (named,
 *  unreported).  NULL on ENOMEM. */
struct jm_match *jm_match_alloc(const char *candidate_id, const char *job_id,
                                const jm_profile *profile);

/** Frees the contents (used by jm_match_free and by rankings). */
void jm_match_clear(struct jm_match *m);

struct jm_ranking {
    char *subject;        /* candidate or job id */
    bool for_candidates;  /* true: ranks candidates for a job */
    struct jm_match **kept;
    size_t n_kept;
    size_t feasible_total;
    struct jm_match **excluded;
    size_t n_excluded;
};

#endif /* JM_MATCH_IMPL_H */
