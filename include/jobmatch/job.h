/*
 * libjobmatch - jobs (a vacancy plus its job and worksite analysis) and job sets.
 *
 * Every field is optional: what is not given is unknown.
 * Ownership and thread-safety as for candidates (jobmatch/candidate.h).
 */
#ifndef JOBMATCH_JOB_H
#define JOBMATCH_JOB_H

#include "jobmatch/common.h"
#include "jobmatch/candidate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jm_job jm_job;

/** Creates an empty job with an id (rules as for candidate ids). */
JM_API int jm_job_new(const char *id, jm_job **out);
/** Frees a job.  NULL is allowed. */
JM_API void jm_job_free(jm_job *job);
/** A deep copy.  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_job_copy(const jm_job *job, jm_job **out);
/** The job's id.  Borrowed. */
JM_API const char *jm_job_id(const jm_job *job);
/** The job's title, or NULL.  Borrowed. */
JM_API const char *jm_job_title(const jm_job *job);
/** The employer's id, or NULL.  Borrowed. */
JM_API const char *jm_job_employer(const jm_job *job);

/** Reads exactly one job record ("type": "job").  On failure *out is
 *  untouched and diags (may be NULL) says why. */
JM_API int jm_job_from_json(const char *text, size_t len, const jm_load_options *opts,
                            jm_diags *diags, jm_job **out);
/** Writes the job as a jobmatch/1 record (freed with jm_free). */
JM_API int jm_job_to_json(const jm_job *job, char **out);

/* Setters: JM_OK, JM_EINVAL (jm_last_error() says which argument) or
 * JM_ENOMEM; on failure the job is unchanged. */

/** Title and employer id (either may be NULL to leave it unset). */
JM_API int jm_job_set_title(jm_job *j, const char *title, const char *employer_id);
/** The occupation (at least one member set). */
JM_API int jm_job_set_occupation(jm_job *j, const jm_occupation *occupation);
/** O*NET job zone, 1..5. */
JM_API int jm_job_set_job_zone(jm_job *j, int zone);
/** Competitive (at least minimum wage) and integrated (open to anyone) flags (jm_tristate). */
JM_API int jm_job_set_programme_flags(jm_job *j, int competitive, int integrated);
/** Hourly wage (>= 0). */
JM_API int jm_job_set_wage(jm_job *j, double per_hour);
/** Hours per week offered, 0 <= min <= max <= 168. */
JM_API int jm_job_set_hours(jm_job *j, double min, double max);
/** Adds a scheduled shift: [start, end) minutes after midnight of day
 *  (end may run past midnight), rounded to 30-minute slots. */
JM_API int jm_job_add_shift(jm_job *j, int day, int start_minute, int end_minute);
/** Months per year the job runs, 1..12. */
JM_API int jm_job_set_months_per_year(jm_job *j, double months);
/** Worksite location in decimal degrees. */
JM_API int jm_job_set_location(jm_job *j, double lat, double lon);
/** Worksite area name. */
JM_API int jm_job_set_area(jm_job *j, const char *area);
/** Public-transport access and physical accessibility (jm_tristate each). */
JM_API int jm_job_set_access(jm_job *j, int public_transport, int accessible);
/** Level of an environment dimension, 0..4. */
JM_API int jm_job_set_environment(jm_job *j, int dimension, double level);
/** RIASEC profile of the occupation on 1..7, six values. */
JM_API int jm_job_set_interests(jm_job *j, const double *scores, size_t n);
/** RIASEC high-point code of the occupation. */
JM_API int jm_job_set_interest_code(jm_job *j, const char *code);
/** Extent of a work value on O*NET's 1..7 scale. */
JM_API int jm_job_set_value(jm_job *j, int value, double extent);
/** Adds a required skill: level 0..7 (NaN = any), essential or optional,
 *  trainable on the job (jm_tristate; unknown is taken as trainable). */
JM_API int jm_job_add_skill(jm_job *j, const char *id, const char *label, double level, int essential,
                            int trainable);
/** Adds a required licence; obtainable != 0 when a person can get it
 *  before or soon after starting (then its lack is a training item, not an
 *  exclusion). */
JM_API int jm_job_add_licence(jm_job *j, const char *id, int obtainable);
/** Whether the job requires right to work and a background check (0/1 each). */
JM_API int jm_job_set_legal(jm_job *j, int right_to_work, int background_check);
/** A functional demand on 0..2 (0 low, 1 moderate, 2 high). */
JM_API int jm_job_set_demand(jm_job *j, const char *dimension, int level);
/** Adds a support the job offers: an accommodation category, a natural
 *  support or a funded-support scheme, as named in the profile's vocabulary. */
JM_API int jm_job_add_offer(jm_job *j, const char *offer);
/** Whether a job coach may work on site (jm_tristate). */
JM_API int jm_job_set_coach_on_site(jm_job *j, int allowed);
/** The employer's standard training length for new staff, in weeks. */
JM_API int jm_job_set_training_weeks(jm_job *j, double weeks);
/** States the job's supports have been analysed, even if it offers none. */
JM_API int jm_job_set_supports_known(jm_job *j);

/* ---------------------------------------------------------------------- */
/* Job sets                                                              */

/** An ordered set of jobs with unique ids. */
typedef struct jm_jobs jm_jobs;

JM_API int jm_jobs_new(jm_jobs **out);
JM_API void jm_jobs_free(jm_jobs *set);
/** As jm_candidates_load, for job records and {"jobs": [...]} collections. */
JM_API int jm_jobs_load(jm_jobs *set, const char *text, size_t len, const jm_load_options *opts,
                        jm_diags *diags);
/** As jm_candidates_load_file, for jobs (JSON Lines streamed). */
JM_API int jm_jobs_load_file(jm_jobs *set, const char *path, const jm_load_options *opts,
                             jm_diags *diags);
JM_API int jm_jobs_add(jm_jobs *set, const jm_job *job);
JM_API size_t jm_jobs_count(const jm_jobs *set);
JM_API const jm_job *jm_jobs_get(const jm_jobs *set, size_t i);
JM_API const jm_job *jm_jobs_find(const jm_jobs *set, const char *id);
JM_API int jm_jobs_to_json(const jm_jobs *set, char **out);

#ifdef __cplusplus
}
#endif

#endif /* JOBMATCH_JOB_H */
