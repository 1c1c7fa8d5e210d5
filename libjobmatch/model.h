/*
 * Internal: the in-memory candidate and job records.
 *
 * Conventions: a double that is NaN is unknown; an int flag of jm_tristate
 * type is JM_UNKNOWN when not given; counted arrays are (pointer, n_ pair).
 * Strings are owned, NUL-terminated UTF-8.
 */
#ifndef JM_MODEL_H
#define JM_MODEL_H

#include <math.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "jobmatch.h"
#include "util.h"

#define JM_SLOT_MINUTES 30
#define JM_SLOTS_PER_DAY (24 * 60 / JM_SLOT_MINUTES) /* 48 */
#define JM_WEEK_SLOTS (7 * JM_SLOTS_PER_DAY)          /* 336 */
#define JM_WEEK_WORDS ((JM_WEEK_SLOTS + 63) / 64)     /* 6 */

/** A weekly grid of 30-minute slots, Monday 00:00 first. */
typedef struct jm_week {
    uint64_t bits[JM_WEEK_WORDS];
} jm_week;

/** An occupation (all members owned, NULL when unknown). */
typedef struct jm_occ {
    char *label;
    char *esco_uri;
    char *isco; /* ISCO-08 or ESCO code: digits, then optional ".N" segments */
    char *onet; /* O*NET-SOC: "NN-NNNN.NN" */
} jm_occ;

typedef struct jm_wanted {
    jm_occ occ;
    double weight; /* (0, 1] */
} jm_wanted;

typedef struct jm_env_tolerance {
    double min, max; /* acceptable levels on 0..4; NaN when not given */
    int importance;  /* jm_importance; 0 when the dimension is not given */
} jm_env_tolerance;

typedef struct jm_skill {
    char *id;
    char *label; /* may be NULL */
    double level; /* 0..7, NaN unknown */
    uint64_t key; /* jm_str_key(id) */
} jm_skill;

typedef struct jm_level_item {
    char *id;  /* functional dimension id */
    int level; /* 0..2 */
    uint64_t key; /* jm_str_key(id) */
} jm_level_item;

typedef struct jm_need {
    char *type;
    int intensity; /* jm_intensity */
    bool essential;
    char *note; /* private free text, may be NULL: never put in messages */
} jm_need;

typedef struct jm_benefits {
    bool set;
    double max_hours; /* per week, NaN no limit */
    double max_earnings; /* per period, NaN no limit */
    int period;   /* jm_period */
    int goal;     /* jm_benefits_goal */
    bool firm;
} jm_benefits;

typedef struct jm_history {
    jm_occ occ;
    double months; /* NaN unknown */
    int liked;     /* jm_tristate */
    int ended;     /* jm_ending */
} jm_history;

typedef struct jm_interests {
    bool has_scores;
    double scores[JM_RIASEC_COUNT]; /* 1..7 */
    char code[4];                   /* "" when none; else 1..3 letters of RIASEC */
} jm_interests;

struct jm_candidate {
    char *id;

    jm_wanted *wanted;
    size_t n_wanted;
    jm_occ *avoided;
    size_t n_avoided;

    /* hours per week; all NaN when not given */
    double hours_min, hours_ideal, hours_max;
    bool hours_firm;

    bool has_availability;
    jm_week availability;

    double lat, lon; /* NaN when unknown */
    char *area;
    unsigned transport; /* bit (1u << jm_transport) per mode */
    double max_commute; /* minutes, NaN unknown */

    double wage_floor; /* per hour, NaN unknown */
    bool wage_firm;

    jm_env_tolerance env[JM_ENV_COUNT];
    jm_interests interests;
    double values[JM_VALUE_COUNT]; /* importance 1..5, NaN unknown */

    jm_skill *skills;
    size_t n_skills;
    jm_key_ref *skill_index; /* of skills (n_skills entries); jm_candidate_index_skills */
    bool has_licences; /* an empty list is data: holds none */
    char **licences;
    size_t n_licences;
    int right_to_work;    /* jm_tristate */
    int background_check; /* jm_tristate */

    jm_level_item *abilities;
    size_t n_abilities;

    bool has_needs; /* an empty list is data: needs none */
    jm_need *needs;
    size_t n_needs;

    jm_benefits benefits;

    jm_history *history;
    size_t n_history;
};

typedef struct jm_job_skill {
    char *id;
    char *label;
    double level; /* 0..7, NaN = any level */
    bool essential;
    int trainable; /* jm_tristate; unknown counts as trainable */
    uint64_t key;  /* jm_str_key(id) */
} jm_job_skill;

typedef struct jm_licence_req {
    char *id;
    bool obtainable;
} jm_licence_req;

struct jm_job {
    char *id;
    char *employer;
    char *title;
    jm_occ occ;
    int job_zone; /* 1..5, 0 unknown */

    int competitive; /* jm_tristate */
    int integrated;  /* jm_tristate */
    double wage;     /* per hour, NaN unknown */
    double hours_min, hours_max; /* NaN unknown */
    bool has_schedule;
    jm_week schedule;
    double months_per_year; /* NaN unknown */

    double lat, lon;
    char *area;
    int public_transport; /* jm_tristate */
    int accessible;       /* jm_tristate */

    double env[JM_ENV_COUNT]; /* 0..4, NaN unknown */
    jm_interests interests;
    double values[JM_VALUE_COUNT]; /* extent 1..7, NaN unknown */

    jm_job_skill *skills;
    size_t n_skills;
    jm_key_ref *skill_index; /* of skills (n_skills entries); jm_job_index_skills */

    jm_licence_req *licences;
    size_t n_licences;
    bool right_to_work;
    bool background_check;

    jm_level_item *demands;
    size_t n_demands;

    bool has_supports; /* the supports were analysed (offers may be empty) */
    char **offers;     /* accommodation categories, natural supports, funded schemes */
    size_t n_offers;
    int coach_on_site; /* jm_tristate */
    double training_weeks; /* NaN unknown */
};

/* --- week grids (week.c) ------------------------------------------------ */

/** Sets the slots of [start, end) minutes after midnight of day; end may run
 *  up to 2 * 1440 (wraps into the next day, Sunday into Monday).  start is
 *  rounded down and end up to whole slots. */
void jm_week_add(jm_week *w, int day, int start_minute, int end_minute);
/** Number of slots set. */
static inline int jm_week_count(const jm_week *w)
{
    int n = 0;
    for (int i = 0; i < JM_WEEK_WORDS; i++)
        n += jm_popcount64(w->bits[i]);
    return n;
}
/** Number of slots set in both. */
static inline int jm_week_overlap(const jm_week *a, const jm_week *b)
{
    int n = 0;
    for (int i = 0; i < JM_WEEK_WORDS; i++)
        n += jm_popcount64(a->bits[i] & b->bits[i]);
    return n;
}
bool jm_week_is_empty(const jm_week *w);
bool jm_week_get(const jm_week *w, int slot);
/** Why [start, end) of day is not a valid range for the setters (a static
 *  phrase), or NULL: day 0..6, 0 <= start < 1440, start < end <= start + 1440. */
const char *jm_week_range_problem(int day, int start_minute, int end_minute);

/* --- record lifecycle (candidate.c, job.c) ------------------------------ */

void jm_occ_clear(jm_occ *o);
int jm_occ_copy(jm_occ *dst, const jm_occ *src);
int jm_occ_from_public(jm_occ *dst, const jm_occupation *src);
bool jm_occ_is_empty(const jm_occ *o);

/** Why a public occupation is not acceptable - a static phrase naming the
 *  member ("isco is not an ISCO-08 code ...") - or NULL when it is valid.
 *  Valid: not NULL, at least one member set, every member set non-empty
 *  UTF-8, isco and onet in their formats (occupation.c). */
const char *jm_occupation_problem(const jm_occupation *o);
/** ISCO-08 / ESCO code: 1 to 4 digits, then optional ".N" segments ("9412.1"). */
bool jm_isco_valid(const char *s);
/** O*NET-SOC code "NN-NNNN.NN". */
bool jm_onet_valid(const char *s);
/** A skill, licence or term id: 1..max_bytes bytes of UTF-8 without
 *  control characters (skills allow 512, other ids 256 as jm_id_valid). */
bool jm_long_id_valid(const char *id, size_t max_bytes);

/** Fresh candidate/job with every field unknown (id copied). NULL on ENOMEM. */
jm_candidate *jm_candidate_alloc(const char *id);

/** Rebuilds c->skill_index after c->skills changed.  false on ENOMEM: the
 *  old index is kept, and the caller must undo the change or drop c. */
bool jm_candidate_index_skills(jm_candidate *c);
/** The candidate's skill with this id (key = jm_str_key(id)), or NULL: a
 *  binary search of the skill index. */
const jm_skill *jm_candidate_find_skill(const jm_candidate *c, const char *id, uint64_t key);
jm_job *jm_job_alloc(const char *id);
/** As jm_candidate_index_skills, for a job's skills. */
bool jm_job_index_skills(jm_job *j);

/** Validating interest setters shared by candidates and jobs (record.c):
 *  six scores on 1..7, or a code of 1..3 distinct RIASEC letters (lower case
 *  accepted, stored upper case).  On failure jm_fail names fn and the
 *  argument, and *in is unchanged.  JM_OK or JM_EINVAL. */
int jm_interests_set_scores(jm_interests *in, const char *fn, const double *scores, size_t n);
int jm_interests_set_code(jm_interests *in, const char *fn, const char *code);

#endif /* JM_MODEL_H */
