/*
 * libjobmatch - the scoring engine: scoring, ranking and custom rules.
 *
 * An engine holds a scoring profile, the registered rules and an optional
 * travel-time source.  Thread-safety: scoring calls (jm_engine_score,
 * jm_engine_rank_*) only read the engine and may run concurrently from many
 * threads as long as no thread changes the engine (add/remove rules, set the
 * travel-time source) at the same time, and the callbacks themselves are
 * thread-safe.  Error messages are kept per calling thread (jm_last_error).
 */
#ifndef JOBMATCH_ENGINE_H
#define JOBMATCH_ENGINE_H

#include "jobmatch/common.h"
#include "jobmatch/profile.h"
#include "jobmatch/candidate.h"
#include "jobmatch/job.h"
#include "jobmatch/match.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct jm_engine jm_engine;

/** Creates an engine that scores with profile (NULL = the built-in IPS
 *  default).  The engine takes its own reference to the profile.
 *  Returns JM_OK or JM_ENOMEM. */
JM_API int jm_engine_new(jm_profile *profile, jm_engine **out);

/** Frees the engine; every rule's payload_free runs once.  NULL is allowed. */
JM_API void jm_engine_free(jm_engine *engine);

/** The engine's profile (borrowed). */
JM_API const jm_profile *jm_engine_profile(const jm_engine *engine);

/** Scores one pair.  *out gets a new match freed with jm_match_free.
 *  Returns JM_OK, JM_ECALLBACK (a rule or the travel-time source failed;
 *  jm_last_error() names it and gives its message) or JM_ENOMEM. */
JM_API int jm_engine_score(jm_engine *engine, const jm_candidate *candidate, const jm_job *job,
                           jm_match **out);

/** Ranks jobs for a candidate: the k best feasible matches, best first, ties
 *  broken by job id; every excluded pair is reported apart.  k = 0 keeps all.
 *  Returns as jm_engine_score. */
JM_API int jm_engine_rank_jobs(jm_engine *engine, const jm_candidate *candidate, const jm_jobs *jobs,
                               size_t k, jm_ranking **out);

/** Ranks candidates for a job, ties broken by candidate id. */
JM_API int jm_engine_rank_candidates(jm_engine *engine, const jm_job *job,
                                     const jm_candidates *candidates, size_t k, jm_ranking **out);

/* ---------------------------------------------------------------------- */
/* Batch scoring: whole caseloads against whole vacancy lists             */
/*
 * The batch calls compute the same numbers as jm_engine_score, bit for bit,
 * without building explanations (score a pair of interest afterwards to
 * explain it).  They run on compiled forms of the two sets, which the
 * engine builds on first use and keeps (the last candidate set and the last
 * job set; see jm_engine_prepare): the first call on a new or changed set
 * pays for compiling it, and the engine holds that memory until it compiles
 * another set or is freed.  They split the rows (candidates, or jobs for
 * jm_engine_top_candidates) between threads; each row is computed by one
 * thread in a fixed order, so the results are identical for any number of
 * threads.  With more than one thread, rules and the travel-time source are
 * called from several threads at once: they must be thread-safe.
 */

/** Progress of a batch call: rows done of total.  Called on the calling
 *  thread, between chunks of rows, and once at the end (done == total).
 *  Return 0 to go on, anything else to stop the call (it then returns
 *  JM_ECANCELED); the last report's answer is ignored. */
typedef int (*jm_progress_fn)(size_t done, size_t total, void *payload);

#define JM_BATCH_OPTIONS_VERSION 1

/** Options of the batch calls (NULL = the defaults). */
typedef struct jm_batch_options {
    unsigned version;        /**< JM_BATCH_OPTIONS_VERSION */
    unsigned threads;        /**< threads to use, the calling one included; 0 = one per
                                  online processor; default 1 */
    jm_progress_fn progress; /**< NULL = no progress reports */
    void *progress_payload;  /**< passed to progress */
} jm_batch_options;

#define JM_BATCH_OPTIONS_INIT { JM_BATCH_OPTIONS_VERSION, 1, NULL, NULL }

/** Fills *opts with the defaults of this library version. */
JM_API void jm_batch_options_init(jm_batch_options *opts);

/** Scores every (candidate, job) pair into the caller's buffers, row-major:
 *  element i * jm_jobs_count(jobs) + k is candidate i with job k.  totals
 *  (n_totals >= candidates x jobs) gets each pair's total; feasible (may be
 *  NULL, else n_feasible >= candidates x jobs) gets 1 for a feasible pair and
 *  0 for an excluded one.  opts may be NULL.  On failure the buffers'
 *  contents are unspecified.  Returns JM_OK, JM_EINVAL (a buffer too small,
 *  a bad option), JM_ECALLBACK (the first failing pair in row order),
 *  JM_ECANCELED or JM_ENOMEM. */
JM_API int jm_engine_score_matrix(jm_engine *engine, const jm_candidates *candidates,
                                  const jm_jobs *jobs, const jm_batch_options *opts,
                                  double *totals, size_t n_totals,
                                  unsigned char *feasible, size_t n_feasible);

/** The k best feasible jobs for every candidate, best first, ties broken by
 *  job id (as jm_engine_rank_jobs orders them).  Row i of the caller's
 *  buffers (n_index, n_totals >= candidates x k) holds candidate i's jobs:
 *  index[i * k + r] is the position in jobs of the r-th best, totals[i * k + r]
 *  its total; when fewer than k jobs are feasible the rest of the row holds
 *  SIZE_MAX and NaN.  counts (may be NULL, else n_counts >= candidates) gets
 *  how many jobs are feasible for each candidate (it may exceed k).  k > 0.
 *  Without rules, top k prunes, and the result is still the brute-force
 *  one, bit for bit: a pair stops being scored once it is excluded or once
 *  it cannot reach the k-th total kept so far even if every factor left
 *  scored 1; the jobs are visited by occupation, best job-type score first,
 *  and once an occupation's bound is below the k-th total its jobs and
 *  those of every occupation after it are skipped; jobs beyond the
 *  distance a candidate can travel within their maximum commute are
 *  skipped (the commute factor would exclude them).  Asking for counts
 *  costs speed: every job not excluded must then be checked for exclusions.
 *  Returns as jm_engine_score_matrix. */
JM_API int jm_engine_top_jobs(jm_engine *engine, const jm_candidates *candidates,
                              const jm_jobs *jobs, size_t k, const jm_batch_options *opts,
                              size_t *index, size_t n_index, double *totals, size_t n_totals,
                              size_t *counts, size_t n_counts);

/** The same the other way round: the k best feasible candidates for every
 *  job (rows are jobs, ties broken by candidate id).  Without rules it
 *  prunes pair by pair as jm_engine_top_jobs does; there is no index over
 *  candidates, so every candidate is visited. */
JM_API int jm_engine_top_candidates(jm_engine *engine, const jm_jobs *jobs,
                                    const jm_candidates *candidates, size_t k,
                                    const jm_batch_options *opts, size_t *index, size_t n_index,
                                    double *totals, size_t n_totals, size_t *counts,
                                    size_t n_counts);

/** What the compiled forms of a candidate set and a job set take. */
typedef struct jm_prepare_stats {
    size_t candidates;      /**< candidates compiled */
    size_t jobs;            /**< jobs compiled */
    size_t candidate_bytes; /**< the compiled candidates: records, lists, shared blocks */
    size_t job_bytes;       /**< the compiled jobs: records, lists, shared blocks */
    size_t candidate_skills; /**< skills of all the candidates */
    size_t job_skills;      /**< skills of all the jobs */
    size_t string_bytes;    /**< the engine's pools of ids and codes, shared by both */
    size_t job_index_bytes; /**< the jobs' indexes for top k: by skill, by occupation and latitude
                                 (with the coordinates in that order) */
} jm_prepare_stats;

/** Compiles candidates and jobs for the batch calls now.  The batch calls
 *  compile the sets they are given on first use and keep the last candidate
 *  set and the last job set compiled (a set that changes is compiled again),
 *  so this call is optional: a service calls it after loading so that its
 *  first query does not pay for compiling, or to learn what the compiled
 *  sets take (stats, may be NULL).  Compiled sets are immutable and shared
 *  by every thread of a batch call; they hold interned ids, fixed-size
 *  records and blocks that records with equal values share (schedules,
 *  environment, interest and work-value profiles, occupations).  The
 *  engine frees them with itself.  Thread-safe: calls on one engine compile
 *  one at a time.  Returns JM_OK, JM_EINVAL (a NULL argument) or JM_ENOMEM. */
JM_API int jm_engine_prepare(jm_engine *engine, const jm_candidates *candidates, const jm_jobs *jobs,
                             jm_prepare_stats *stats);

/* ---------------------------------------------------------------------- */
/* Custom rules                                                          */

/** What a rule says of a pair; filled through the jm_verdict_* calls. */
typedef struct jm_verdict jm_verdict;

/** The rule gives a score in [0, 1] (values outside are clamped; NaN is an
 *  error).  Without any call the rule abstains. */
JM_API void jm_verdict_score(jm_verdict *v, double score);
/** The rule abstains: it is left out of the total and of confidence. */
JM_API void jm_verdict_abstain(jm_verdict *v);
/** The rule excludes the pair, with a reason and (may be NULL) what would lift it. */
JM_API void jm_verdict_veto(jm_verdict *v, const char *reason, const char *lift);
/** Adds explanation text to the rule's line of the breakdown. */
JM_API void jm_verdict_note(jm_verdict *v, const char *text);
/** Records why the rule failed; use with a non-zero return. */
JM_API void jm_verdict_fail(jm_verdict *v, const char *message);

/** A rule.  Returns 0 on success; any other value fails the scoring call with
 *  JM_ECALLBACK, the rule's name and the message given to jm_verdict_fail. */
typedef int (*jm_rule_fn)(const jm_candidate *candidate, const jm_job *job, jm_verdict *verdict,
                          void *payload);

/** Destroys a payload; called exactly once. */
typedef void (*jm_payload_free_fn)(void *payload);

/** Registers a rule with a name (1..64 of [A-Za-z0-9_.-]) and a weight >= 0.
 *  Rules run in registration order after the built-in factors.  payload_free
 *  (may be NULL) runs once: on removal, on engine free, or at once when
 *  registration fails.  Returns JM_OK, JM_EINVAL, JM_EEXISTS or JM_ENOMEM. */
JM_API int jm_engine_add_rule(jm_engine *engine, const char *name, double weight, jm_rule_fn fn,
                              void *payload, jm_payload_free_fn payload_free);

/** Removes a rule (its payload_free runs).  Returns JM_OK or JM_ENOTFOUND. */
JM_API int jm_engine_remove_rule(jm_engine *engine, const char *name);

/** Number of registered rules. */
JM_API size_t jm_engine_rule_count(const jm_engine *engine);

/* ---------------------------------------------------------------------- */
/* Travel times                                                          */

/** Supplies a door-to-door travel time in minutes for a pair and a mode.
 *  Return JM_OK with *minutes set, JM_ENOTFOUND to let the engine estimate
 *  it from distance, or any other negative value to fail the call. */
typedef int (*jm_travel_fn)(const jm_candidate *candidate, const jm_job *job, int mode,
                            double *minutes, void *payload);

/** Sets (or with fn = NULL removes) the travel-time source.  The previous
 *  payload_free runs.  Returns JM_OK. */
JM_API int jm_engine_set_travel_time(jm_engine *engine, jm_travel_fn fn, void *payload,
                                     jm_payload_free_fn payload_free);

#ifdef __cplusplus
}
#endif

#endif /* JOBMATCH_ENGINE_H */
