/*
 * libjobmatch - scoring profiles: factor weights, thresholds and the
 * vocabularies of support needs, accommodations and functional dimensions.
 *
 * A jm_profile is immutable once created: it may be shared by any number of
 * engines and threads.  Its identity is a SHA-256 hash of its canonical JSON
 * form, so two profiles with the same content have the same hash.
 */
#ifndef JOBMATCH_PROFILE_H
#define JOBMATCH_PROFILE_H

#include "jobmatch/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** The scoring factors, in the order results list them. */
typedef enum jm_factor {
    JM_FACTOR_JOB_TYPE = 0,    /**< wanted and avoided job types */
    JM_FACTOR_HOURS = 1,       /**< hours per week */
    JM_FACTOR_SCHEDULE = 2,    /**< weekly availability vs the job's schedule */
    JM_FACTOR_COMMUTE = 3,     /**< travel time vs the person's maximum */
    JM_FACTOR_ENVIRONMENT = 4, /**< environment levels vs tolerances */
    JM_FACTOR_INTERESTS = 5,   /**< RIASEC interests */
    JM_FACTOR_WORK_VALUES = 6, /**< O*NET work values */
    JM_FACTOR_WAGE = 7,        /**< wage vs the person's floor */
    JM_FACTOR_BENEFITS = 8,    /**< earnings and hours vs a benefits constraint */
    JM_FACTOR_SKILLS = 9,      /**< essential and optional skills */
    JM_FACTOR_FUNCTIONAL = 10, /**< functional abilities vs demands */
    JM_FACTOR_SUPPORT = 11,    /**< support needs this job can meet */
    JM_FACTOR_LEGAL = 12,      /**< licences, right to work, checks */
    JM_FACTOR_PROGRAMME = 13,  /**< the agency's programme rules */
    JM_FACTOR_COUNT = 14
} jm_factor;

/** The factor's name as used in JSON ("job_type", "work_values" ...), or NULL
 *  for an out-of-range value. */
JM_API const char *jm_factor_name(int factor);

/** The factor whose name is given, or -1. */
JM_API int jm_factor_from_name(const char *name);

/** Non-zero for the factors that express the person's preferences
 *  (job type, hours, schedule, commute, environment, interests, work values,
 *  wage): the default profile gives them at least 60% of the weight. */
JM_API int jm_factor_is_preference(int factor);

/** An immutable scoring profile. */
typedef struct jm_profile jm_profile;

/** The built-in IPS default profile.  The returned handle belongs to the
 *  caller (free it with jm_profile_free).  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_profile_default(jm_profile **out);

/** Reads a "scoring_profile" document.  Fields left out take the built-in
 *  default's values.  Problems are appended to diags (may be NULL).
 *  On failure *out is left untouched.  Returns JM_OK, JM_EPARSE, JM_EINVAL,
 *  JM_ETYPE or JM_ENOMEM. */
JM_API int jm_profile_from_json(const char *text, size_t len, const jm_load_options *opts,
                                jm_diags *diags, jm_profile **out);

/** jm_profile_from_json on the contents of a file ("-" = standard input). */
JM_API int jm_profile_load_file(const char *path, const jm_load_options *opts, jm_diags *diags,
                                jm_profile **out);

/** Releases the caller's reference.  NULL is allowed.  Engines hold their
 *  own reference, so a profile may be freed once an engine is made. */
JM_API void jm_profile_free(jm_profile *profile);

/** Takes another reference to the same immutable profile (never fails).
 *  Each reference is released with jm_profile_free. */
JM_API jm_profile *jm_profile_ref(jm_profile *profile);

/** The profile's id (for example "ips-default").  Borrowed. */
JM_API const char *jm_profile_id(const jm_profile *profile);

/** The profile's identity: "sha256:" and 64 hex digits of its canonical
 *  JSON form.  Borrowed. */
JM_API const char *jm_profile_hash(const jm_profile *profile);

/** The weight of a factor (0 when out of range). */
JM_API double jm_profile_weight(const jm_profile *profile, int factor);

/** The full profile, defaults filled in, as canonical JSON (a new string
 *  freed with jm_free).  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_profile_to_json(const jm_profile *profile, char **out);

/** Non-zero when the vocabulary of the profile has this support-need type. */
JM_API int jm_profile_has_support_need(const jm_profile *profile, const char *type);

/** Non-zero when the vocabulary has this functional dimension. */
JM_API int jm_profile_has_functional_dimension(const jm_profile *profile, const char *dimension);

/** Non-zero when the vocabulary has this support offer (an accommodation
 *  category, a natural support or a funded-support scheme). */
JM_API int jm_profile_has_offer(const jm_profile *profile, const char *offer);

#ifdef __cplusplus
}
#endif

#endif /* JOBMATCH_PROFILE_H */
