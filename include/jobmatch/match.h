/*
 * libjobmatch - match results: scores, explanations, training and support plans.
 *
 * A jm_match is immutable once returned.  Accessors copy small value structs
 * whose strings are borrowed from the match and live until jm_match_free
 * (or, for matches inside a jm_ranking, until jm_ranking_free).
 */
#ifndef JOBMATCH_MATCH_H
#define JOBMATCH_MATCH_H

#include "jobmatch/common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jm_match jm_match;

/** One line of the per-factor breakdown.  Custom rules appear after the
 *  built-in factors, named "rule:NAME". */
typedef struct jm_factor_info {
    const char *name;    /**< "hours", "rule:no_nights" ... */
    int has_data;        /**< 0 when either side lacks the data (left out of the total) */
    double score;        /**< 0..1; NaN when !has_data */
    double weight;       /**< the profile's (or rule's) weight */
    double contribution; /**< weight * score / sum of weights with data; 0 when !has_data */
    int excluded;        /**< non-zero when this factor excludes the pair */
    const char *detail;  /**< a short readable explanation */
} jm_factor_info;

/** A hard exclusion and what would lift it. */
typedef struct jm_exclusion {
    const char *factor;  /**< the factor or "rule:NAME" */
    const char *reason;  /**< why the pair is excluded */
    const char *lift;    /**< what would make it feasible ("" when nothing can) */
} jm_exclusion;

/** A skill the job asks for, as the person has it or lacks it. */
typedef struct jm_skill_match {
    const char *id;
    const char *label;       /**< the job's label, or "" */
    int essential;           /**< essential (1) or optional (0) for this job */
    double required_level;   /**< NaN when the job states none */
    double candidate_level;  /**< NaN when missing or unstated */
    int trainable;           /**< the job can train it on site */
    double credit;           /**< 0..1 credit the skill factor gave */
} jm_skill_match;

/** Kinds of item in a training plan. */
typedef enum jm_training_kind {
    JM_TRAINING_SKILL = 0,   /**< learn a skill on the job */
    JM_TRAINING_LICENCE = 1  /**< obtain a licence or certificate */
} jm_training_kind;

/** One item of the training plan. */
typedef struct jm_training_item {
    int kind;             /**< jm_training_kind */
    const char *id;       /**< skill or licence id */
    const char *label;    /**< readable name, or the id */
    int essential;
    double gap_levels;    /**< levels to gain (0 for a licence) */
    double effort_hours;  /**< estimated hours of instruction */
    const char *by;       /**< "employer training", "job coach" or "course" */
} jm_training_item;

/** Who meets a support need at this job. */
typedef enum jm_provider {
    JM_PROVIDER_UNMET = 0,        /**< this job cannot meet it (as far as known) */
    JM_PROVIDER_EMPLOYER = 1,     /**< an accommodation the employer offers */
    JM_PROVIDER_NATURAL = 2,      /**< natural supports: mentor, buddy, co-workers */
    JM_PROVIDER_FUNDED = 3,       /**< a funded scheme (e.g. Access to Work) */
    JM_PROVIDER_JOB_COACH = 4,    /**< the agency's job coach, on site */
    JM_PROVIDER_AGENCY = 5,       /**< the agency, off site (travel training, counselling) */
    JM_PROVIDER_TO_NEGOTIATE = 6  /**< unknown: the job's supports were not analysed */
} jm_provider;

/** JSON name of a provider ("employer", "natural", ...), or NULL. */
JM_API const char *jm_provider_name(int provider);

/** One item of the support plan. */
typedef struct jm_support_item {
    const char *need;        /**< support-need type id */
    const char *label;       /**< its readable name */
    int intensity;           /**< jm_intensity */
    int essential;
    int provider;            /**< jm_provider */
    const char *offer;       /**< the job's offer that meets it ("modified_schedule"), or "" */
    double coach_hours;      /**< job-coach hours per week at the start for this need */
    const char *origin;      /**< "stated" or "functional:DIMENSION" (a shortfall turned into a need) */
} jm_support_item;

/** A step of the job coach's fading schedule. */
typedef struct jm_fading_step {
    int week;            /**< from this week of employment (1-based) */
    double hours;        /**< coach hours per week */
} jm_fading_step;

/** Frees a match.  NULL is allowed.  Never call it on a match borrowed
 *  from a jm_ranking. */
JM_API void jm_match_free(jm_match *match);

JM_API const char *jm_match_candidate_id(const jm_match *m);
JM_API const char *jm_match_job_id(const jm_match *m);
/** Weighted score in [0, 1] over the factors with data (0.5 when none has data). */
JM_API double jm_match_total(const jm_match *m);
/** Share of the total weight whose factors had data, in [0, 1]. */
JM_API double jm_match_confidence(const jm_match *m);
/** Non-zero when no hard exclusion applies. */
JM_API int jm_match_feasible(const jm_match *m);
/** The profile id, its hash and the engine version that made this result. */
JM_API const char *jm_match_profile_id(const jm_match *m);
JM_API const char *jm_match_profile_hash(const jm_match *m);
JM_API const char *jm_match_engine_version(const jm_match *m);

JM_API size_t jm_match_factor_count(const jm_match *m);
/** Factor i; returns JM_OK or JM_ERANGE. */
JM_API int jm_match_factor(const jm_match *m, size_t i, jm_factor_info *out);
/** The factor (or "rule:NAME") with this name; JM_OK or JM_ENOTFOUND. */
JM_API int jm_match_factor_by_name(const jm_match *m, const char *name, jm_factor_info *out);

JM_API size_t jm_match_exclusion_count(const jm_match *m);
JM_API int jm_match_exclusion(const jm_match *m, size_t i, jm_exclusion *out);

JM_API size_t jm_match_matched_skill_count(const jm_match *m);
JM_API int jm_match_matched_skill(const jm_match *m, size_t i, jm_skill_match *out);
JM_API size_t jm_match_missing_skill_count(const jm_match *m);
JM_API int jm_match_missing_skill(const jm_match *m, size_t i, jm_skill_match *out);

JM_API size_t jm_match_training_count(const jm_match *m);
JM_API int jm_match_training(const jm_match *m, size_t i, jm_training_item *out);

JM_API size_t jm_match_support_count(const jm_match *m);
JM_API int jm_match_support(const jm_match *m, size_t i, jm_support_item *out);
/** Job-coach hours per week at the start (sum over the support plan). */
JM_API double jm_match_coach_hours(const jm_match *m);
JM_API size_t jm_match_fading_count(const jm_match *m);
JM_API int jm_match_fading(const jm_match *m, size_t i, jm_fading_step *out);

/** Advisory flags ("refer to benefits counselling", notes added by rules). */
JM_API size_t jm_match_note_count(const jm_match *m);
/** Note i (borrowed), or NULL. */
JM_API const char *jm_match_note(const jm_match *m, size_t i);

/** The whole result as JSON (a new string freed with jm_free): the same
 *  bytes for the same inputs, profile and engine version.
 *  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_match_to_json(const jm_match *m, char **out);

/** A readable multi-line explanation for a job coach (freed with jm_free). */
JM_API int jm_match_explain(const jm_match *m, char **out);

/* ---------------------------------------------------------------------- */
/* Rankings                                                              */

typedef struct jm_ranking jm_ranking;

JM_API void jm_ranking_free(jm_ranking *r);
/** The id of the candidate (or job) the ranking is for.  Borrowed. */
JM_API const char *jm_ranking_subject(const jm_ranking *r);
/** Feasible matches kept, best first (at most k). */
JM_API size_t jm_ranking_count(const jm_ranking *r);
/** Match i (borrowed), or NULL. */
JM_API const jm_match *jm_ranking_get(const jm_ranking *r, size_t i);
/** Number of feasible pairs found (kept or not). */
JM_API size_t jm_ranking_feasible_total(const jm_ranking *r);
/** Every excluded pair, in input order: nothing is dropped silently. */
JM_API size_t jm_ranking_excluded_count(const jm_ranking *r);
JM_API const jm_match *jm_ranking_excluded(const jm_ranking *r, size_t i);
/** The ranking as JSON: {"candidate": ID, "matches": [...], "excluded": [...]}
 *  (or "job" and "candidates" for a ranking of candidates). */
JM_API int jm_ranking_to_json(const jm_ranking *r, char **out);

#ifdef __cplusplus
}
#endif

#endif /* JOBMATCH_MATCH_H */
