/*
 * libjobmatch - candidates (vocational profiles) and candidate sets.
 *
 * A candidate is built from JSON (jm_candidates_load, jm_candidate_from_json)
 * or through the setters below.  Every field is optional: what is not given is
 * unknown, and unknown never counts against anyone.
 *
 * Ownership: jm_candidate_new / _from_json / _copy return objects the caller
 * frees with jm_candidate_free.  Strings passed in are copied.
 * Thread-safety: a candidate may be read by many threads at once; a setter
 * needs exclusive access.
 */
#ifndef JOBMATCH_CANDIDATE_H
#define JOBMATCH_CANDIDATE_H

#include "jobmatch/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------- */
/* Shared vocabularies of the model (candidates and jobs use the same).   */

/** Environment dimensions, each on a 0..4 scale shared by people and jobs. */
typedef enum jm_env {
    JM_ENV_NOISE = 0,          /**< 0 quiet .. 4 very loud */
    JM_ENV_OUTDOOR = 1,        /**< 0 always indoors .. 4 always outdoors */
    JM_ENV_TEMPERATURE = 2,    /**< 0 comfortable .. 4 very hot or cold */
    JM_ENV_PACE = 3,           /**< 0 relaxed .. 4 very fast */
    JM_ENV_TIME_PRESSURE = 4,  /**< 0 none .. 4 constant deadlines */
    JM_ENV_PUBLIC_CONTACT = 5, /**< 0 none .. 4 constant contact with the public */
    JM_ENV_TEAMWORK = 6,       /**< 0 works alone .. 4 always in a team */
    JM_ENV_ROUTINE = 7,        /**< 0 varied, unstructured .. 4 fixed routine */
    JM_ENV_COUNT = 8
} jm_env;

/** JSON name of an environment dimension ("noise" ...), or NULL. */
JM_API const char *jm_env_name(int dimension);

/** How much a tolerance matters.  JM_IMPORTANCE_MUST makes it a deal-breaker. */
typedef enum jm_importance {
    JM_IMPORTANCE_LOW = 1,
    JM_IMPORTANCE_MEDIUM = 2,
    JM_IMPORTANCE_HIGH = 3,
    JM_IMPORTANCE_MUST = 4
} jm_importance;

/** Ways of getting to work. */
typedef enum jm_transport {
    JM_TRANSPORT_WALK = 0,
    JM_TRANSPORT_WHEELCHAIR = 1,
    JM_TRANSPORT_CYCLE = 2,
    JM_TRANSPORT_PUBLIC = 3, /**< "public_transport" */
    JM_TRANSPORT_CAR = 4,
    JM_TRANSPORT_LIFT = 5,   /**< driven by someone else */
    JM_TRANSPORT_COUNT = 6
} jm_transport;

/** JSON name of a transport mode ("walk", "public_transport" ...), or NULL. */
JM_API const char *jm_transport_name(int mode);

/** RIASEC interest areas (Holland codes), in hexagon order. */
typedef enum jm_riasec {
    JM_RIASEC_R = 0, JM_RIASEC_I = 1, JM_RIASEC_A = 2,
    JM_RIASEC_S = 3, JM_RIASEC_E = 4, JM_RIASEC_C = 5,
    JM_RIASEC_COUNT = 6
} jm_riasec;

/** O*NET work values. */
typedef enum jm_value {
    JM_VALUE_ACHIEVEMENT = 0,
    JM_VALUE_WORKING_CONDITIONS = 1,
    JM_VALUE_RECOGNITION = 2,
    JM_VALUE_RELATIONSHIPS = 3,
    JM_VALUE_SUPPORT = 4,
    JM_VALUE_INDEPENDENCE = 5,
    JM_VALUE_COUNT = 6
} jm_value;

/** JSON name of a work value ("working_conditions" ...), or NULL. */
JM_API const char *jm_value_name(int value);

/** Days of the week, Monday first. */
typedef enum jm_day {
    JM_MON = 0, JM_TUE, JM_WED, JM_THU, JM_FRI, JM_SAT, JM_SUN
} jm_day;

/** Intensity of a support need. */
typedef enum jm_intensity {
    JM_INTENSITY_LOW = 1,
    JM_INTENSITY_MEDIUM = 2,
    JM_INTENSITY_HIGH = 3
} jm_intensity;

/** Whether a person receiving benefits wants to keep them. */
typedef enum jm_benefits_goal {
    JM_GOAL_UNDECIDED = 0,
    JM_GOAL_STAY = 1, /**< stay within the benefit's limits */
    JM_GOAL_EXIT = 2  /**< move off benefits */
} jm_benefits_goal;

/** The period an earnings limit is stated for. */
typedef enum jm_period {
    JM_PERIOD_WEEK = 0,
    JM_PERIOD_MONTH = 1
} jm_period;

/** How a past job ended. */
typedef enum jm_ending {
    JM_ENDING_UNKNOWN = 0,
    JM_ENDING_ONGOING = 1,
    JM_ENDING_QUIT = 2,
    JM_ENDING_DISMISSED = 3,
    JM_ENDING_CONTRACT_ENDED = 4,
    JM_ENDING_LAID_OFF = 5,
    JM_ENDING_OTHER = 6
} jm_ending;

/** A three-valued flag: unknown, no, yes. */
typedef enum jm_tristate {
    JM_UNKNOWN = -1,
    JM_NO = 0,
    JM_YES = 1
} jm_tristate;

/** An occupation, named by any of: a label, an ESCO occupation URI, an ISCO-08
 *  or ESCO code ("9412", "9412.1") and an O*NET-SOC code ("35-2021.00").
 *  NULL members are unknown; at least one must be given. */
typedef struct jm_occupation {
    const char *label;
    const char *esco_uri;
    const char *isco;
    const char *onet;
} jm_occupation;

/* ---------------------------------------------------------------------- */
/* Candidates                                                            */

typedef struct jm_candidate jm_candidate;

/** Creates an empty candidate with a (pseudonymous) id of 1..256 bytes of
 *  UTF-8 without control characters.  Returns JM_OK, JM_EINVAL or JM_ENOMEM. */
JM_API int jm_candidate_new(const char *id, jm_candidate **out);

/** Frees a candidate.  NULL is allowed. */
JM_API void jm_candidate_free(jm_candidate *candidate);

/** A deep copy.  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_candidate_copy(const jm_candidate *candidate, jm_candidate **out);

/** The candidate's id.  Borrowed. */
JM_API const char *jm_candidate_id(const jm_candidate *candidate);

/** Reads exactly one candidate record (a JSON object with "type": "candidate").
 *  On failure *out is untouched and diags (may be NULL) says why. */
JM_API int jm_candidate_from_json(const char *text, size_t len, const jm_load_options *opts,
                                  jm_diags *diags, jm_candidate **out);

/** Writes the candidate as a jobmatch/1 record (a new string freed with
 *  jm_free).  Reading it back gives an equal candidate.
 *  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_candidate_to_json(const jm_candidate *candidate, char **out);

/* Setters.  Each validates its arguments and returns JM_OK, JM_EINVAL (with
 * jm_last_error() saying which argument) or JM_ENOMEM; on failure the
 * candidate is unchanged. */

/** Adds a wanted job type with a weight in (0, 1]. */
JM_API int jm_candidate_add_wanted(jm_candidate *c, const jm_occupation *occupation, double weight);
/** Adds a job type the person will not do (a deal-breaker). */
JM_API int jm_candidate_add_avoided(jm_candidate *c, const jm_occupation *occupation);
/** Hours per week: 0 <= min <= ideal <= max <= 168.  firm != 0 makes min and
 *  max deal-breakers.  ideal may be NaN (taken as the midpoint). */
JM_API int jm_candidate_set_hours(jm_candidate *c, double min, double ideal, double max, int firm);
/** Marks [start, end) minutes after midnight of day as available; end may
 *  exceed 1440 to run into the next day.  Times are rounded to 30-minute slots. */
JM_API int jm_candidate_add_availability(jm_candidate *c, int day, int start_minute, int end_minute);
/** Home location in decimal degrees (WGS84). */
JM_API int jm_candidate_set_location(jm_candidate *c, double lat, double lon);
/** Home area (a district or postcode area name) when coordinates are not known. */
JM_API int jm_candidate_set_area(jm_candidate *c, const char *area);
/** Adds a transport mode the person uses (jm_transport). */
JM_API int jm_candidate_add_transport(jm_candidate *c, int mode);
/** Longest acceptable commute, one way, in minutes (> 0). */
JM_API int jm_candidate_set_max_commute(jm_candidate *c, double minutes);
/** Lowest acceptable hourly wage; firm != 0 makes it a deal-breaker. */
JM_API int jm_candidate_set_wage_floor(jm_candidate *c, double per_hour, int firm);
/** Tolerance on an environment dimension: acceptable levels [min, max] on
 *  0..4 and an importance (jm_importance). */
JM_API int jm_candidate_set_environment(jm_candidate *c, int dimension, double min, double max,
                                        int importance);
/** RIASEC interest profile on O*NET's 1..7 scale, six values in jm_riasec order. */
JM_API int jm_candidate_set_interests(jm_candidate *c, const double *scores, size_t n);
/** RIASEC high-point code ("SEC"), 1 to 3 distinct letters of RIASEC. */
JM_API int jm_candidate_set_interest_code(jm_candidate *c, const char *code);
/** Importance of a work value on 1..5 (jm_value). */
JM_API int jm_candidate_set_value(jm_candidate *c, int value, double importance);
/** Adds a skill with a level on O*NET's 0..7 scale (NaN = level unknown). */
JM_API int jm_candidate_add_skill(jm_candidate *c, const char *id, const char *label, double level);
/** Adds a licence or certification the person holds. */
JM_API int jm_candidate_add_licence(jm_candidate *c, const char *id);
/** Right to work (jm_tristate). */
JM_API int jm_candidate_set_right_to_work(jm_candidate *c, int status);
/** Whether a background check has been passed (jm_tristate). */
JM_API int jm_candidate_set_background_check(jm_candidate *c, int status);
/** A functional ability on 0..2 (0 limited, 1 moderate, 2 full). */
JM_API int jm_candidate_set_ability(jm_candidate *c, const char *dimension, int level);
/** Adds a support need of a vocabulary type (see the scoring profile), an
 *  intensity (jm_intensity) and whether it is essential.  note is private free
 *  text (may be NULL): it is kept and written back, never shown in errors. */
JM_API int jm_candidate_add_support_need(jm_candidate *c, const char *type, int intensity,
                                         int essential, const char *note);
/** States that the person has no support needs (an empty list is data). */
JM_API int jm_candidate_set_no_support_needs(jm_candidate *c);
/** A benefits constraint: max hours per week and max earnings per period
 *  (either may be NaN = no limit), a jm_benefits_goal, and firm != 0 to make
 *  it a deal-breaker. */
JM_API int jm_candidate_set_benefits(jm_candidate *c, double max_hours_per_week, double max_earnings,
                                     int period, int goal, int firm);
/** Adds a past job: months in it (NaN unknown), liked (jm_tristate), how it ended. */
JM_API int jm_candidate_add_history(jm_candidate *c, const jm_occupation *occupation, double months,
                                    int liked, int ended);

/* ---------------------------------------------------------------------- */
/* Candidate sets                                                        */

/** An ordered set of candidates with unique ids. */
typedef struct jm_candidates jm_candidates;

/** Creates an empty set.  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_candidates_new(jm_candidates **out);

/** Frees the set and its candidates.  NULL is allowed. */
JM_API void jm_candidates_free(jm_candidates *set);

/** Appends every candidate of a document: a candidate record, an array of
 *  records, a collection {"schema": "jobmatch/1", "candidates": [...]} or
 *  JSON Lines.  All or nothing: on any error (including an id already in the
 *  set) nothing is added.  Diagnostics go to diags (may be NULL).
 *  Returns JM_OK, JM_EPARSE, JM_EINVAL, JM_ETYPE, JM_EEXISTS or JM_ENOMEM. */
JM_API int jm_candidates_load(jm_candidates *set, const char *text, size_t len,
                              const jm_load_options *opts, jm_diags *diags);

/** jm_candidates_load on a file ("-" = standard input), with the same
 *  result and diagnostics as on its text.  JSON Lines are read a line at a
 *  time, so memory holds one line and the records, never the whole file;
 *  other documents are read whole.  opts->source defaults to the path;
 *  opts->max_bytes refuses a larger file (a regular file before reading).
 *  Returns as jm_candidates_load, or JM_EIO when the file cannot be read. */
JM_API int jm_candidates_load_file(jm_candidates *set, const char *path, const jm_load_options *opts,
                                   jm_diags *diags);

/** Appends a copy of a candidate.  Returns JM_OK, JM_EEXISTS or JM_ENOMEM. */
JM_API int jm_candidates_add(jm_candidates *set, const jm_candidate *candidate);

/** Number of candidates. */
JM_API size_t jm_candidates_count(const jm_candidates *set);

/** Candidate i (borrowed, lives as long as the set), or NULL when out of range. */
JM_API const jm_candidate *jm_candidates_get(const jm_candidates *set, size_t i);

/** The candidate with this id (borrowed), or NULL. */
JM_API const jm_candidate *jm_candidates_find(const jm_candidates *set, const char *id);

/** The set as a collection document (a new string freed with jm_free). */
JM_API int jm_candidates_to_json(const jm_candidates *set, char **out);

#ifdef __cplusplus
}
#endif

#endif /* JOBMATCH_CANDIDATE_H */
