/*
 * Internal: the scoring factors.  Each lives in its own file and exposes
 * (a) its pure formulas, unit-tested directly, and (b) an evaluation entry
 * point jm_factor_NAME(jm_eval *) that reads the pair, calls the formulas and
 * reports through eval.h.  docs/SCORING.md documents every formula.
 */
#ifndef JM_FACTORS_H
#define JM_FACTORS_H

#include "../eval.h"

typedef void (*jm_factor_fn)(jm_eval *ev);

/** The entry points, indexed by jm_factor. */
extern const jm_factor_fn jm_factor_table[JM_FACTOR_COUNT];

/** The kernels on compiled pairs (ev->pc set, numbers only), indexed by
 *  jm_factor: the same numbers as the entry points, from compiled.h's
 *  records. */
extern const jm_factor_fn jm_kernel_table[JM_FACTOR_COUNT];

/** A kernel over n jobs of a row (kernel.h): out[k] the factor's value for
 *  pc's candidate and jobs[k] (NaN: no data), excl[k] set when the pair is
 *  excluded (left as it is otherwise). */
typedef void (*jm_kblock_fn)(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                             double *restrict out, unsigned char *restrict excl);

/* --- job_type.c --------------------------------------------------------- */
/** Similarity of two occupations in [0, 1]: 1 for the same ESCO URI, O*NET
 *  code, ISCO/ESCO code or label (case-insensitive); partial credit by the
 *  depth of the shared ISCO code prefix (4 digits 0.75, 3 0.5, 2 0.25) or of
 *  the O*NET-SOC code (detailed 0.75, broad 0.5, minor 0.25); else 0. */
double jm_occ_similarity(const jm_occ *a, const jm_occ *b);
void jm_factor_job_type(jm_eval *ev);
void jm_kernel_job_type(jm_eval *ev);
void jm_kblock_job_type(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                        double *restrict out, unsigned char *restrict excl);
/** The job-type factor of a compiled candidate for a job of occupation jo
 *  (NULL: unknown), as jm_kernel_job_type reports it; the kernel takes it
 *  from pc->job_types when set (worked out once per occupation). */
void jm_job_type_of(const jm_ccands *cs, const jm_ccand *c, const jm_cocc *jo,
                    const jm_thresholds *th, jm_job_type_value *out);
/** The job-type factor of candidate c for every occupation group of js
 *  (out: js->n_groups entries), as jm_job_type_of gives it for each: in
 *  full for the groups that share an occupation key (jm_cocc_keys) with
 *  one of the candidate's occupations, and once for all the others, which
 *  are alike to none of them (and, for those that do, from the candidate's
 *  occupations that share a key with them alone).  near: a bit per group;
 *  near_refs: a word per group; both all clear, and clear again on return. */
void jm_job_types_fill(const jm_ccands *cs, const jm_ccand *c, const jm_cjobs *js, const jm_thresholds *th,
                       jm_job_type_value *out, uint64_t *near, uint64_t *near_refs);
/** The codes jm_occ_partial_similarity reads, from an occupation. */
void jm_occ_codes_of(const jm_occ *o, jm_occ_codes *out);
/** Partial credit by the shared ISCO or O*NET-SOC hierarchy (the part of
 *  jm_occ_similarity after the exact matches). */
double jm_occ_partial_similarity(const jm_occ_codes *a, const jm_occ_codes *b);

/* --- hours.c ------------------------------------------------------------ */
/** Score of working h hours for a person with range [min, max] and ideal:
 *  1 at ideal, falling linearly to inside_min at the range's edges, then
 *  linearly to 0 over falloff hours beyond them. */
double jm_hours_score_at(double h, double min, double ideal, double max, double inside_min,
                         double falloff);
/** The hours the person would work in a job offering [jmin, jmax]: their
 *  ideal clamped to the job's range. */
double jm_hours_expected(const jm_candidate *c, const jm_job *j);
/** The same for a compiled candidate and a job whose hours are stated as
 *  job_min and job_max (NaN when not given: jm_cjobs.hours_min, hours_max). */
double jm_hours_expected_c(const jm_ccand *c, double job_min, double job_max);
/** The person's effective {min, ideal, max}; false when they stated no
 *  preference. */
bool jm_hours_candidate_range(const jm_candidate *c, double *min, double *ideal, double *max);
/** The job's effective range from its stated bounds; false when it states none. */
bool jm_hours_job_range(double raw_min, double raw_max, double *min, double *max);
void jm_factor_hours(jm_eval *ev);
void jm_kernel_hours(jm_eval *ev);
void jm_kblock_hours(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                     double *restrict out, unsigned char *restrict excl);

/* --- schedule.c --------------------------------------------------------- */
/** Share of the job's scheduled slots the person is available for (NaN when
 *  the job schedules none). */
double jm_schedule_share(const jm_week *availability, const jm_week *schedule);
void jm_factor_schedule(jm_eval *ev);
void jm_kernel_schedule(jm_eval *ev);
void jm_kblock_schedule(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                        double *restrict out, unsigned char *restrict excl);
/** The row's value of every block of a memo factor (kernel.h, jm_memo_fill):
 *  the schedule's, the interests' and the work values'. */
void jm_kmemo_schedule(const jm_cpair *pc, const jm_thresholds *th);

/* --- commute.c ---------------------------------------------------------- */
/** Great-circle distance in km (haversine, mean Earth radius 6371.0088 km). */
double jm_haversine_km(double lat1, double lon1, double lat2, double lon2);
/** Estimated door-to-door minutes: km * detour / speed * 60 + overhead. */
double jm_travel_minutes(double km, double detour, double speed_kmh, double overhead_min);
/** 1 up to full_share * max, linear to 0 at max, 0 beyond. */
double jm_commute_score(double minutes, double max_minutes, double full_share);
void jm_factor_commute(jm_eval *ev);
void jm_kernel_commute(jm_eval *ev);
void jm_kblock_commute(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                       double *restrict out, unsigned char *restrict excl);
/** cos of a latitude in degrees, as jm_haversine_km takes it. */
double jm_cos_lat(double lat);
/** jm_haversine_km with the cosines of the latitudes given (the same bits). */
double jm_haversine_km_cos(double lat1, double lon1, double cos1, double lat2, double lon2, double cos2);
/** Degrees of latitude spanning km. */
double jm_degrees_of_km(double km);
/** The farthest straight-line km the candidate reaches within their maximum
 *  commute by any of their modes; NaN when that cannot be told (no
 *  coordinates, no maximum, a mode without a speed). */
double jm_commute_reach_km(const jm_ccand *c, const jm_thresholds *th);
/** A haversine of the central angle (what jm_haversine_km turns into km)
 *  beyond which the distance is over reach_km by far more than any
 *  rounding of it and of the travel times: INFINITY when reach_km is NaN or
 *  half the globe or more, below 0 when reach_km is (nearly) negative. */
double jm_commute_reach_haversine(double reach_km);
/** Of n jobs with coordinates (lat, lon, cos: theirs, in degrees and the
 *  cos of the latitude), the offsets i whose haversine from the candidate
 *  is not beyond reach (the row's reach_haversine) go to keep, in order;
 *  returns how many.  A job left out is one the commute kernel excludes
 *  (commute_value: its own test, on the same numbers), so a ranking may
 *  skip it.  The candidate has coordinates and a maximum commute. */
size_t jm_commute_within_reach(const jm_ccand *c, double reach, const double *lat, const double *lon,
                               const double *cos, size_t n, uint32_t *keep);

/* --- environment.c ------------------------------------------------------ */
/** One dimension: 1 inside [min, max], else max(0, 1 - excess / span). */
double jm_env_dimension_score(double level, double min, double max, double span);
void jm_factor_environment(jm_eval *ev);
void jm_kernel_environment(jm_eval *ev);
void jm_kblock_environment(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                           double *restrict out, unsigned char *restrict excl);

/* --- interests.c -------------------------------------------------------- */
/** Pearson correlation of two six-value profiles; NaN when either is constant. */
double jm_riasec_correlation(const double *a, const double *b);
/** Steps between two RIASEC letters on the hexagon (0..3); -1 for a bad letter. */
int jm_riasec_hexagon_distance(char a, char b);
void jm_factor_interests(jm_eval *ev);
void jm_kernel_interests(jm_eval *ev);
void jm_kblock_interests(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                         double *restrict out, unsigned char *restrict excl);
void jm_kmemo_interests(const jm_cpair *pc, const jm_thresholds *th);
/** Centres six scores on their mean: dev and the sum of squares ss; false
 *  (nothing set) when a score is NaN. */
bool jm_riasec_centre(const double *a, double *dev, double *ss);
/** The first letter of a record's code: given, else its highest score; 0
 *  when neither is usable. */
char jm_riasec_leading_letter(const jm_interests *in);

/* --- work_values.c ------------------------------------------------------ */
/** Importance-weighted mean of (extent - 1) / 6 over values known on both
 *  sides; NaN when none is. */
double jm_values_score(const double *importance, const double *extent);
/** The terms the score weighs, from a job's extents: (extent - 1) / 6 in
 *  [0, 1], NaN unknown (a compiled job keeps its values so). */
void jm_values_terms(const double *extent, double *term);
void jm_factor_work_values(jm_eval *ev);
void jm_kernel_work_values(jm_eval *ev);
void jm_kblock_work_values(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                           double *restrict out, unsigned char *restrict excl);
void jm_kmemo_work_values(const jm_cpair *pc, const jm_thresholds *th);

/* --- wage.c ------------------------------------------------------------- */
/** 1 at or above the floor, linear to 0 at floor * (1 - falloff). */
double jm_wage_score(double wage, double floor, double falloff);
void jm_factor_wage(jm_eval *ev);
void jm_kernel_wage(jm_eval *ev);
void jm_kblock_wage(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                    double *restrict out, unsigned char *restrict excl);

/* --- benefits.c --------------------------------------------------------- */
/** 1 within the limit, linear to 0 at limit * (1 + falloff); NaN limit = 1. */
double jm_benefits_limit_score(double value, double limit, double falloff);
void jm_factor_benefits(jm_eval *ev);
void jm_kernel_benefits(jm_eval *ev);
void jm_kblock_benefits(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                        double *restrict out, unsigned char *restrict excl);

/* --- skills.c ----------------------------------------------------------- */
/** Credit for one job skill: 1 when the person has it at the required level
 *  (or either level is unstated); level / required when below, but never
 *  less than trainable_credit when trainable; missing: trainable_credit when
 *  trainable, else 0. cand_level NaN with has = false means missing. */
double jm_skill_credit(bool has, double cand_level, double required, bool trainable,
                       double trainable_credit);
void jm_factor_skills(jm_eval *ev);
void jm_kernel_skills(jm_eval *ev);
void jm_kblock_skills(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                      double *restrict out, unsigned char *restrict excl);
/** The skills factor's score for a candidate who holds none of the n job
 *  skills, the first n_essential of them essential (NaN when n is 0), bit
 *  for bit what jm_kernel_skills gives. */
double jm_skills_score_none(const jm_cskill *skills, size_t n, size_t n_essential, const jm_thresholds *th);
/** Adds candidate c's credits to sums (by job index of js, all zero) through
 *  the skill index: for each job listing a skill of c's, the credit of
 *  holding it less that of not. */
void jm_skill_sums_fill(jm_skill_sum *sums, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c,
                        const jm_thresholds *th);

/* --- functional.c ------------------------------------------------------- */
/** A pair's demands known on both sides, counted by credit (VocFit's 3x3:
 *  a demand met scores 1, one level short short1_supported or
 *  short1_unsupported, two short short2_*): short1[s] and short2[s] one and
 *  two levels short, s whether a support is in place; the others are met. */
typedef struct jm_functional_counts {
    unsigned known, short1[2], short2[2];
} jm_functional_counts;
/** The credit of a demand one level short (short1_*) or two (short2_*),
 *  with a support in place or not (the profile's thresholds). */
typedef struct jm_functional_credits {
    double short1_supported, short1_unsupported, short2_supported, short2_unsupported;
} jm_functional_credits;
/** Counts a demand known on both sides into n. */
static inline void jm_functional_count(jm_functional_counts *n, int ability, int demand, bool supported)
{
    const int shortfall = demand - ability;
    n->known++;
    n->short1[supported] += shortfall == 1;
    n->short2[supported] += shortfall >= 2;
}
/** The functional score of counts n (n->known > 0): the mean credit, the
 *  credits summed kind by kind in this fixed order (met, then one level
 *  short with and without a support, then two), so it does not depend on
 *  the order of the job's demands and every way of counting gives the same
 *  bits. */
static inline double jm_functional_mean_of(const jm_functional_counts *n, const jm_functional_credits *cr)
{
    const unsigned met = n->known - n->short1[0] - n->short1[1] - n->short2[0] - n->short2[1];
    const double sum = (double)met + (double)n->short1[1] * cr->short1_supported +
                       (double)n->short1[0] * cr->short1_unsupported +
                       (double)n->short2[1] * cr->short2_supported +
                       (double)n->short2[0] * cr->short2_unsupported;
    return sum / (double)n->known;
}
/** The credits of the profile's thresholds th. */
static inline jm_functional_credits jm_functional_credits_of(const jm_thresholds *th)
{
    return (jm_functional_credits){ th->short1_supported, th->short1_unsupported, th->short2_supported,
                                    th->short2_unsupported };
}
/** jm_functional_mean_of with the credits of th. */
static inline double jm_functional_mean(const jm_functional_counts *n, const jm_thresholds *th)
{
    const jm_functional_credits cr = jm_functional_credits_of(th);
    return jm_functional_mean_of(n, &cr);
}
void jm_factor_functional(jm_eval *ev);
void jm_kernel_functional(jm_eval *ev);
/** The functional kernel's value (kernel.h) for pc's candidate and job j,
 *  adding the needs its shortfalls derive to derived[0 .. *n_derived) as
 *  jm_eval_derive_need does (one per need type, at its highest intensity). */
double jm_functional_value(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                           jm_derived_need *derived, size_t *n_derived);
/** Whether a support is in place at job j for dimension dim (may be NULL):
 *  a job coach on site, or one of the dimension's supported_by offers. */
bool jm_functional_supported(const jm_job *j, const jm_dim_def *dim);

/* --- support.c ---------------------------------------------------------- */
void jm_factor_support(jm_eval *ev);
void jm_kernel_support(jm_eval *ev);
/** The functional and the support kernels over n jobs of a row, as
 *  jm_kblock_fn (neither excludes): support plans the needs functional
 *  derives for each pair. */
void jm_kblock_functional_support(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                                  double *restrict functional, double *restrict support);
/** Of js's need types (their bits, jm_cjobs.need_types), those job j's
 *  providers meet (*meets) and those to negotiate there (*negotiates). */
void jm_support_need_type_bits(const jm_cjobs *js, const jm_cjob *j, jm_bits32 *meets, jm_bits32 *negotiates);
/** A support need's weight in the support factor: the profile's weight of
 *  its intensity (clamped to low..high), times essential_multiplier when
 *  essential. */
double jm_support_need_weight(const jm_thresholds *th, int intensity, bool essential);
/** Who would meet a need of this type (definition def, may be NULL) at job
 *  j: a jm_provider. */
int jm_support_provider(const jm_job *j, const jm_profile *p, const char *type, const jm_need_def *def);

/* --- requirements.c (shared by legal.c and programme.c) ----------------- */
/** What a hard-requirement factor has found: the failures (joined by
 *  fail_sep), what is to verify (joined by ", "), whether one excludes. */
typedef struct jm_req_notes {
    jm_buf fail, verify;
    const char *fail_sep;
    bool excluded;
} jm_req_notes;

void jm_req_init(jm_req_notes *n, const char *fail_sep);
/** Adds a failure (formatted) and marks the pair excluded. */
void jm_req_fail(jm_req_notes *n, const char *fmt, ...) JM_PRINTF(2, 3);
/** Adds what is to verify. */
void jm_req_verify(jm_req_notes *n, const char *what);
/** A yes/no requirement the pair must meet: status JM_NO excludes (lift,
 *  reason) and fails as fail_label; any status but JM_YES is to verify. */
void jm_req_flag(jm_eval *ev, int factor, jm_req_notes *n, int status, const char *lift, const char *reason,
                 const char *fail_label, const char *verify_label);
/** Scores the factor (0 when excluded, else 1) with the detail
 *  "FAIL_INTRO: failures; to obtain: OBTAIN; to verify: ..." (the parts
 *  there are) or ok_text, and frees the notes.  obtain may be NULL. */
void jm_req_finish(jm_eval *ev, int factor, jm_req_notes *n, const char *fail_intro, const char *obtain,
                   const char *ok_text);

/* --- legal.c ------------------------------------------------------------ */
void jm_factor_legal(jm_eval *ev);
void jm_kernel_legal(jm_eval *ev);
void jm_kblock_legal(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                     double *restrict out, unsigned char *restrict excl);

/* --- programme.c -------------------------------------------------------- */
void jm_factor_programme(jm_eval *ev);
void jm_kernel_programme(jm_eval *ev);
void jm_kblock_programme(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                         double *restrict out, unsigned char *restrict excl);
/** The programme factor's outcome for a job: whether it has data, whether
 *  the job is excluded, and by how many rules. */
void jm_programme_outcome(const jm_job *j, const jm_profile *p, bool *has_data, bool *excluded,
                          int *exclusions);

#endif /* JM_FACTORS_H */
