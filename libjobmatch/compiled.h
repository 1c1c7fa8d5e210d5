/*
 * Internal: compiled candidate and job sets, what batch scoring runs on.
 *
 * Compiling turns a set's records into compact, immutable structures: every
 * string becomes an interned id (skills in a pool of their own, so their ids
 * are dense and index a table), weekly grids, environment, interest and
 * work-value profiles are pooled blocks that records share, variable-length
 * lists (skills, occupations, licences, demands, needs) live in one array
 * per set, and what depends only on the job and the engine's profile (who
 * would meet each need type, whether a demand is supported, the programme
 * rules) is worked out once per job.  Many threads read a compiled set at
 * once; nothing in it changes after it is built.
 *
 * The kernels (jm_kernel_*, one per factor, in the factor's own file) score
 * a pair from the two compiled records through the same formulas as the
 * factor code on the source records, so their numbers are the same bits;
 * tests/test_properties.c checks this on random records.  What a kernel
 * cannot do exactly (a skill level or a candidate's hours not exact in
 * single precision, a candidate's number that is not in whole hundredths, a
 * travel-time source) is marked on the record or the engine, and those
 * pairs run the factor code on the source records instead.  What depends on
 * the candidate alone is worked out once per row of a batch (jm_crow, the
 * skill sums).
 *
 * Compiled sets are made (compile_candidates.c, compile_jobs.c) and cached
 * by the engine (compile_cache.c): it keeps the last candidate set and the
 * last job set it compiled, keyed by the sets' serial numbers, which change
 * with every change to a set.
 */
#ifndef JM_COMPILED_H
#define JM_COMPILED_H

#include <math.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "intern.h"
#include "model.h"

#define JM_NO_BLOCK UINT32_MAX

/** The codes of an occupation that its partial similarity reads: the first
 *  bytes of the ISCO and O*NET codes (NUL-padded). */
typedef struct jm_occ_codes {
    char isco[4];    /* first 4 bytes of the ISCO code ("" none) */
    char onet[7];    /* first 7 bytes of the O*NET code */
    uint8_t onet_len; /* strlen of the O*NET code, capped at 7 */
    uint8_t has_isco, has_onet, onet_shape;
} jm_occ_codes;

/** An occupation key of a job set's group (jm_cjobs.occ_keys). */
typedef struct jm_occ_key {
    uint64_t key;
    uint32_t group;
} jm_occ_key;

/** An occupation, compiled (a pooled block: records share it). */
typedef struct jm_cocc {
    uint32_t esco, onet, isco, label; /* string ids (label ASCII-folded); 0 none */
    jm_occ_codes codes;
} jm_cocc;

/** What an occupation shares with every occupation it is alike to at all
 *  (cocc similarity above 0), as keys (a kind in the high 32 bits): its
 *  ESCO, O*NET, ISCO and label ids, its ISCO sub-major group (two leading
 *  digits) and its O*NET-SOC minor group ("NN-N").  Two occupations with no
 *  key in common have similarity 0.  Writes at most JM_OCC_KEYS keys to
 *  keys and returns how many. */
#define JM_OCC_KEYS 6
size_t jm_cocc_keys(const jm_cocc *o, uint64_t keys[JM_OCC_KEYS]);

/** A candidate's occupation reference: wanted (with a weight), avoided, or
 *  past job (liked or not). */
typedef struct jm_cocc_ref {
    uint32_t occ; /* block of the set's occupations */
    union {
        uint32_t weight; /* wanted: block of the set's weights (a double, 1 for none usable) */
        int32_t liked;   /* past jobs: jm_tristate */
    };
} jm_cocc_ref;

/** A skill: its id in the engine's skill pool and its level (NaN unknown),
 *  exact in single precision.  Job skills keep trainable in a top bit of
 *  the id, and come essential ones first (jm_cjob.n_essential). */
typedef struct jm_cskill {
    uint32_t id;
    float level;
} jm_cskill;
#define JM_CSKILL_TRAINABLE 0x40000000u
#define JM_CSKILL_ID_MASK 0x3fffffffu

/* Skill credits are added in fixed point, whole units of 2^-47 (rounded):
 * integer sums do not depend on the order of their terms, so the factor
 * code, the kernel and the sums by skill of a candidate row (jm_skill_sum) give the same
 * bits.  A credit is in [0, 1] and a job lists at most 65535 skills, so a
 * sum stays below 2^63. */
typedef int64_t jm_credits;
#define JM_CREDITS_UNIT 140737488355328.0 /* 2^47 */
static inline jm_credits jm_credits_of(double credit)
{
    return credit > 0.0 ? (jm_credits)(credit * JM_CREDITS_UNIT + 0.5) : 0;
}
static inline double jm_credits_value(jm_credits c)
{
    return (double)c / JM_CREDITS_UNIT;
}

/** A candidate row's credits for one job, essential and optional, from the
 *  skills the candidate holds (jm_skill_sums_fill): for each, its credit
 *  less that of not holding it.  The job's sums are those of holding none
 *  (n_trainable_* x the trainable credit) plus these. */
typedef struct jm_skill_sum {
    jm_credits ess, opt;
} jm_skill_sum;

/** A candidate's ability: its dimension's id in the dimension pool (at
 *  most JM_CDIM_MAX) in the low 14 bits, its level (0..2) in the top two.
 *  A candidate's abilities are sorted by dimension id, one per dimension. */
typedef uint16_t jm_cability;
#define JM_CDIM_MAX 0x3fffu
static inline uint32_t jm_cability_dim(jm_cability a) { return a & JM_CDIM_MAX; }
static inline int jm_cability_level(jm_cability a) { return a >> 14; }

/** A job's functional demand, and whether a support is in place for it at
 *  this job.  What a shortfall becomes is the dimension's (jm_cdim). */
typedef struct jm_cdemand {
    uint16_t dim;      /* id in the dimension pool, at most JM_CDIM_MAX */
    int8_t level;
    uint8_t supported;
} jm_cdemand;

/** A job's demands as bitsets, for the block kernel of functional and
 *  support (jm_cjobs.demand_bits): dimension id d is bit d - 1 of the
 *  dimensions demanded, demanded at level 1, at level 2 and with a support
 *  in place; and, of the need types a shortfall derives (bit t: the job
 *  set's need_types[t]), those this job's providers meet and those that are
 *  to negotiate here. */
typedef uint32_t jm_bits32;
typedef struct jm_cdemand_bits {
    jm_bits32 demanded, level1, level2, supported;
    jm_bits32 meets, negotiates;
} jm_cdemand_bits;
#define JM_DEMAND_BITS_DIMS 32 /* the dimensions a job set may have for demand bits */

/** What the profile makes of a dimension: the need type a shortfall
 *  becomes (string id, 0 none), its provider slot (see jm_cneed) and the
 *  type's bit among the job set's need types (jm_cjobs.need_types; 0 for
 *  none, or when the set has more than JM_NEED_TYPES_MAX of them). */
typedef struct jm_cdim {
    uint32_t need;
    uint32_t need_slot;
    jm_bits32 need_bit;
} jm_cdim;
#define JM_NEED_TYPES_MAX 32

/** A stated support need.  slot indexes a job's providers: the profile's
 *  need definition k, or n_defs (no definition) / n_defs + 1 (no
 *  definition, type "physical_access"). */
typedef struct jm_cneed {
    uint32_t type; /* string id */
    uint16_t slot;
    int8_t intensity;
    uint8_t essential;
} jm_cneed;

typedef struct jm_clicence {
    uint32_t id;
    uint32_t obtainable;
} jm_clicence;

/* What a job asks of the legal factor (jm_cjobs.legal): licences, the
 * right to work, a background check. */
enum { JM_LEGAL_LICENCES = 1, JM_LEGAL_RIGHT_TO_WORK = 2, JM_LEGAL_BACKGROUND_CHECK = 4 };
/* The most licences a job set's jobs can require without a way to obtain
 * them for the set to keep them as bits (jm_cjobs.licence_masks). */
#define JM_HARD_LICENCES 32

/* Numbers a candidate record keeps small: a whole count of hundredths
 * (int16), decoding to exactly the double it was made from.  A number with
 * at most two decimals parses to the double nearest it, and n / 100.0 is
 * that same double; any other number does not encode (jm_hundredths_of is
 * false) and the factor reading it runs the factor code for that record. */
#define JM_HUNDREDTHS_NAN INT16_MIN
#define JM_HUNDREDTHS_MAX 400 /* the top of the environment scale, 4.00 */

/** Sets *out to x in hundredths (NaN: JM_HUNDREDTHS_NAN) and returns true
 *  when that is exact and within [lo, hi] hundredths. */
static inline bool jm_hundredths_of(double x, int lo, int hi, int16_t *out)
{
    if (isnan(x)) {
        *out = JM_HUNDREDTHS_NAN;
        return true;
    }
    if (x == 0.0 && signbit(x))
        return false; /* -0 would come back as +0 */
    const double h = x * 100.0;
    if (!(h >= lo - 0.5 && h <= hi + 0.5))
        return false;
    const int n = (int)(h < 0 ? h - 0.5 : h + 0.5);
    if (n < lo || n > hi || (double)n / 100.0 != x)
        return false;
    *out = (int16_t)n;
    return true;
}

/** The double a count of hundredths was made from. */
static inline double jm_hundredths_value(int16_t n)
{
    return n == JM_HUNDREDTHS_NAN ? (double)NAN : (double)n / 100.0;
}

/** Candidate environment tolerances (a pooled block): the bounds in
 *  hundredths of 0..4, decoded once per row (jm_crow); bounds that do not
 *  encode send the candidate's environment factor to the factor code. */
typedef struct jm_cenv_tol {
    int16_t lo[JM_ENV_COUNT], hi[JM_ENV_COUNT]; /* NaN bounds read as 0 and 4 */
    int8_t importance[JM_ENV_COUNT];            /* jm_importance, 0: not rated */
    uint8_t rated[JM_ENV_COUNT];                /* the rated dimensions, in order */
    uint8_t n_rated;
} jm_cenv_tol;

/** A candidate's interest profile (a pooled block): the scores in
 *  hundredths (else the candidate's interests factor runs the factor code),
 *  centred when scored, as the job's are when compiled. */
typedef struct jm_ccand_interests {
    int16_t score[JM_RIASEC_COUNT]; /* JM_HUNDREDTHS_NAN unknown */
    uint8_t has_scores;
    char letter; /* leading RIASEC letter, 0 none */
} jm_ccand_interests;

/** A candidate's work values (a pooled block): importance in hundredths
 *  (else the work-values factor runs the factor code), NaN unknown. */
typedef struct jm_ccand_values {
    int16_t importance[JM_VALUE_COUNT];
} jm_ccand_values;

/** A candidate's benefit limits (a pooled block; none when not set). */
typedef struct jm_cbenefits {
    double max_hours, max_earnings;
    uint8_t period, goal, firm;
} jm_cbenefits;

/** A job's interest profile (a pooled block): the scores centred on their
 *  mean and their sum of squares, for the correlation; the leading letter. */
typedef struct jm_cinterests {
    double dev[JM_RIASEC_COUNT];
    double ss;
    uint8_t has_scores;
    uint8_t centred; /* scores with no NaN: dev and ss are set */
    char letter;     /* leading RIASEC letter, 0 none */
} jm_cinterests;

/* Factors a record sends to the factor code (bit 1 << jm_factor).  Never
 * the job type: top jobs bounds whole occupation groups by the kernel's
 * value of it (batch.c). */
typedef uint16_t jm_generic_bits;
_Static_assert(JM_FACTOR_COUNT <= 16, "a factor has a bit of jm_generic_bits");

/** A compiled candidate.  Hours are single precision (a range that is not
 *  exact in it sends the candidate's hours factor to the factor code). */
typedef struct jm_ccand {
    double lat, lon, cos_lat; /* degrees; cos of latitude in radians */
    double max_commute;
    double wage_floor;
    float h_min, h_ideal, h_max; /* effective range (has_hours) */
    float h_raw_min, h_raw_max;  /* as stated, NaN not given */
    uint32_t avail;     /* week block or JM_NO_BLOCK (unknown or empty) */
    uint32_t env;       /* jm_cenv_tol block */
    uint32_t interests; /* jm_ccand_interests block */
    uint32_t values;    /* jm_ccand_values block */
    uint32_t benefits;  /* jm_cbenefits block, JM_NO_BLOCK not set */
    uint32_t area;      /* folded string id, 0 none */
    uint32_t occs;      /* first of n_wanted, n_avoided, n_history jm_cocc_ref */
    uint32_t skills;    /* first jm_cskill */
    uint32_t licences;  /* first licence id */
    uint32_t abilities; /* first jm_cability */
    uint32_t needs;     /* first jm_cneed */
    uint16_t n_wanted, n_avoided, n_history, n_skills, n_licences, n_abilities, n_needs;
    uint8_t transport;
    uint8_t has_hours, hours_firm, wage_firm, has_licences, has_needs;
    int8_t right_to_work, background_check;
    jm_generic_bits generic;
} jm_ccand;

/** A compiled job. */
typedef struct jm_cjob {
    double skills_none; /* the skills factor for a candidate with none of the skills */
    uint32_t occ;       /* occupation block, JM_NO_BLOCK unknown */
    uint32_t sched;     /* week block or JM_NO_BLOCK */
    uint32_t env;       /* block of JM_ENV_COUNT doubles */
    uint32_t interests; /* jm_cinterests block */
    uint32_t values;    /* block of JM_VALUE_COUNT doubles: the terms (jm_values_terms) */
    uint32_t skills;    /* first jm_cskill */
    uint32_t licences;  /* first jm_clicence */
    uint32_t demands;   /* first jm_cdemand */
    uint32_t providers; /* first of n_need_defs + 2 provider bytes */
    uint16_t n_skills, n_licences, n_demands, sched_slots;
    uint16_t n_essential; /* the first n_essential skills are the essential ones */
    uint16_t n_trainable_ess, n_trainable_opt; /* of the essential and the optional skills */
    jm_generic_bits generic;
} jm_cjob;

/** The engine's string pools, shared by its compiled sets (refcounted). */
typedef struct jm_interner {
    atomic_int refs;
    jm_strpool skills; /* skill ids */
    jm_strpool dims;   /* functional dimensions (dense: the first 64 have mask bits) */
    jm_strpool strs;   /* every other id and code, labels and areas folded */
} jm_interner;

typedef struct jm_ccands {
    atomic_int refs;
    uint64_t serial;
    jm_interner *in;
    size_t n;
    jm_ccand *recs;
    jm_blockpool weeks, envs, interests, values, occs;
    jm_blockpool weights, benefits; /* doubles (occupation weights); jm_cbenefits */
    jm_cocc_ref *occ_refs;
    jm_cskill *skills;
    uint32_t *licences;
    jm_cability *abilities;
    jm_cneed *needs;
    uint32_t n_skill_ids; /* skill pool size when compiled: ids are below it + 1 */
    size_t n_skill_refs;  /* skills of all the records */
    size_t bytes;         /* of everything above */
    size_t strings;       /* string references made */
} jm_ccands;

/** What a memo table holds, by block id of the job set's pool: interest
 *  profiles, work values, weeks (schedules). */
enum { JM_MEMO_INTERESTS, JM_MEMO_VALUES, JM_MEMO_SCHEDULE, JM_MEMO_KINDS };

typedef struct jm_cjobs {
    atomic_int refs;
    uint64_t serial;
    jm_interner *in;
    size_t n;
    jm_cjob *recs;
    /* By index, in columns (so that a kernel loads several jobs' at once):
     * where each job is, in degrees, NaN when unknown, and the cosine of
     * the latitude in radians (NaN when unknown); its weekly hours as
     * stated and its hourly wage, NaN when not given */
    double *lat, *lon, *cos_lat;
    double *hours_min, *hours_max, *wage;
    /* By index, for the commute kernel four at a time: the job's area
     * (folded string id, 0 none) and whether it is reached by public
     * transport (jm_tristate) */
    uint32_t *area;
    int8_t *public_transport;
    /* By index: the programme factor, which depends on the job and the
     * profile alone, worked out (what its kernel reports: 1, 0 or no data,
     * and the exclusions) */
    double *prog_value;
    uint8_t *prog_exclusions;
    /* By index: what each job asks of the legal factor (JM_LEGAL_* bits);
     * and when the set's jobs require at most JM_HARD_LICENCES distinct
     * licences that cannot be obtained (hard_licences, string ids in the
     * order of their bits), those each job requires, as bits (else
     * licence_masks is NULL and n_hard_licences 0) */
    uint8_t *legal;
    jm_bits32 *licence_masks;
    uint32_t hard_licences[JM_HARD_LICENCES];
    size_t n_hard_licences;
    jm_blockpool weeks, envs, interests, values, occs;
    /* For each block of the pools the memo factors read (jm_memo_pool), a
     * job of that block (its first, by index): a row can work out every
     * block's value at once (jm_memo.full) */
    uint32_t *memo_rep[JM_MEMO_KINDS];
    jm_cskill *skills;
    jm_clicence *licences;
    jm_cdemand *demands;
    jm_cdim *dims;      /* by dimension id (n_dims + 1 entries) */
    size_t n_dims;
    /* The distinct need types the dimensions' shortfalls become, in the
     * order of their bits (need_type_bits: at most JM_NEED_TYPES_MAX, so
     * each has one; false when there are more) */
    uint32_t need_types[JM_NEED_TYPES_MAX];
    uint32_t need_type_slots[JM_NEED_TYPES_MAX]; /* each type's provider slot */
    size_t n_need_types;
    bool need_type_bits;
    /* When the set has at most JM_DEMAND_BITS_DIMS dimensions and
     * need_type_bits: every job's demand bits, by index; and the need type
     * bits of the dimensions set in each byte of a dimension bitset
     * (dim_types[b][x]: of the dimensions 8b + 1 .. 8b + 8 whose bits x
     * holds).  Else both NULL. */
    jm_cdemand_bits *demand_bits;
    jm_bits32 (*dim_types)[256]; /* JM_DEMAND_BITS_DIMS / 8 tables */
    uint8_t *providers;
    size_t n_need_defs;
    uint32_t n_skill_ids;
    size_t n_skill_refs;
    /* The jobs by skill: those that list skill id are
     * skill_jobs[skill_first[id] .. skill_first[id + 1]), by index, each
     * with how it lists the skill (skill_jobs' bits, skill_level) */
    uint32_t *skill_first; /* n_skill_ids + 2 */
    uint32_t *skill_jobs;  /* n_skill_refs: the index (JM_POSTING_JOB), and the JM_POSTING_* bits */
    float *skill_level;    /* of each of those: the level the job asks */
    /* The jobs by occupation: group g < n_groups - 1 holds the jobs of
     * occupation block g, the last group those whose occupation is
     * unknown.  Group g is group_jobs[group_first[g] .. group_first[g + 1]):
     * first the group_n_lat[g] jobs with coordinates, by latitude
     * (group_lat, for commute windows), then the others, by index.
     * group_lat, group_lon and group_cos are the lat, lon and cos_lat of
     * group_jobs[i], in its order, so that a window is read in sequence. */
    size_t n_groups;
    uint32_t *group_first;
    uint32_t *group_n_lat;
    uint32_t *group_jobs;
    double *group_lat, *group_lon, *group_cos;
    /* The groups by the keys of their occupation (jm_cocc_keys), sorted by
     * key then group: the last group (unknown occupation) has none */
    jm_occ_key *occ_keys;
    size_t n_occ_keys;
    size_t bytes;       /* of the records, lists and blocks */
    size_t index_bytes; /* of the skill and occupation indexes */
    size_t strings;
} jm_cjobs;

/** The occupation group of job r of js (see jm_cjobs' groups). */
static inline size_t jm_cjob_group(const jm_cjobs *js, const jm_cjob *r)
{
    return r->occ == JM_NO_BLOCK ? js->n_groups - 1 : r->occ;
}

/** The job-type factor of a candidate for an occupation (jm_job_type_of). */
typedef struct jm_job_type_value {
    double score;        /* NaN without data */
    double value;        /* what the kernel reports: the score clamped, NaN without data (kernel.h) */
    bool has_data;
    unsigned exclusions; /* avoided job types it resembles */
} jm_job_type_value;

/** A factor's value for the current row and one block of the job set (an
 *  interest profile, work values, a schedule): jobs that share the block
 *  share the value, so a row works it out once (jm_memo). */
typedef struct jm_memo_entry {
    uint32_t stamp; /* the row's stamp when set */
    uint8_t excluded; /* the exclusions the value brings */
    double score;     /* the value (kernel.h: NaN without data) */
} jm_memo_entry;


/** The pool of the job set's blocks a memo kind is by. */
static inline const jm_blockpool *jm_memo_pool(const jm_cjobs *js, int kind)
{
    return kind == JM_MEMO_INTERESTS ? &js->interests : kind == JM_MEMO_VALUES ? &js->values : &js->weeks;
}

/** A thread's memo: a table per kind, of the kind's pool's blocks and one
 *  more; an entry holds for the row whose stamp it carries.  full[kind]:
 *  every block's entry holds for the row, and the one past them is no
 *  data (the entry of a job of no block), so a job's value is a load. */
typedef struct jm_memo {
    uint32_t stamp; /* the current row's, never 0 */
    jm_memo_entry *table[JM_MEMO_KINDS];
    bool full[JM_MEMO_KINDS];
} jm_memo;

/** The memo entry of block k of a kind, or NULL without a memo; *fresh:
 *  the entry holds the row's value already. */
static inline jm_memo_entry *jm_memo_at(jm_memo *memo, int kind, uint32_t k, bool *fresh)
{
    if (!memo) {
        *fresh = false;
        return NULL;
    }
    jm_memo_entry *e = &memo->table[kind][k];
    *fresh = e->stamp == memo->stamp;
    e->stamp = memo->stamp;
    return e;
}

#define JM_ROW_NEEDS 16 /* a candidate's stated needs the row's tables hold */

/** What batch scoring works out once per candidate row (or per pair, when
 *  rows are jobs), for the kernels: the candidate's rated environment
 *  dimensions in order with their bounds decoded, their weights (0 when not
 *  positive) and whether each is a must; its abilities by dimension id of
 *  the job set; the distance beyond which every way of travelling takes
 *  longer than its maximum commute, as the haversine of its central angle
 *  (jm_commute_reach_haversine; INFINITY when unknown). */
typedef struct jm_crow {
    double env_lo[JM_ENV_COUNT], env_hi[JM_ENV_COUNT], env_w[JM_ENV_COUNT];
    uint8_t env_dim[JM_ENV_COUNT], env_must[JM_ENV_COUNT];
    uint8_t env_n;
    int8_t *ability; /* n_dims + 1 levels, JM_ABILITY_NONE where none (the thread's) */
    double reach_haversine;
    /* Functional and support over a block (jm_kblock_functional_support),
     * when fs_bits (the job set has demand bits, the candidate at most
     * JM_ROW_NEEDS stated needs): the dimensions with an ability known,
     * with ability 0 and with ability 1, as demand bits; the need types it
     * states, as need type bits; its stated needs' provider slots and
     * weights, in order. */
    bool fs_bits;
    jm_bits32 ab_known, ab_zero, ab_one, planned;
    uint8_t n_needs;
    uint16_t need_slot[JM_ROW_NEEDS];
    double need_w[JM_ROW_NEEDS];
    /* Interests and work values, decoded once: the candidate's interest
     * scores centred by jm_riasec_centre (int_centred: it has scores, none
     * unknown), and the importance of its work values (when it has them) */
    bool int_centred;
    double int_dev[JM_RIASEC_COUNT], int_ss;
    double importance[JM_VALUE_COUNT];
} jm_crow;
#define JM_ABILITY_NONE (-1)

/** Fills row for candidate c (row->ability all JM_ABILITY_NONE); clear
 *  sets row->ability back. */
struct jm_thresholds;
void jm_crow_fill(jm_crow *row, const jm_ccands *cs, const jm_cjobs *js, const jm_ccand *c,
                  const struct jm_thresholds *th);
void jm_crow_clear(jm_crow *row, const jm_ccands *cs, const jm_cjobs *js, const jm_ccand *c);

/** A pair as the kernels see it.  levels: the candidate's skill levels by
 *  skill id (JM_LEVEL_ABSENT where the candidate lacks the skill).
 *  job_types: NULL, or the job-type factor for every occupation group of
 *  the job set (jm_cjobs' groups), worked out ahead (it depends on the
 *  candidate and the occupation alone).
 *  touched: NULL, or a bit per job of the set (bit i % 64 of word i / 64),
 *  set for the jobs that list a skill of the candidate's; the others score
 *  their skills_none. */
typedef struct jm_cpair {
    const jm_ccands *cs;
    const jm_cjobs *js;
    const jm_ccand *c;
    const jm_cjob *j;
    const double *levels;
    const jm_job_type_value *job_types;
    const uint64_t *touched;
    jm_memo *memo; /* NULL, or this thread's memo for the row */
    const jm_skill_sum *sums; /* NULL, or by job index: the row's credits (jm_skill_sums_fill) */
    const jm_crow *row; /* the candidate's row */
} jm_cpair;
#define JM_LEVEL_ABSENT (-1.0)

struct jm_engine;

/** Compiled forms of both sets for this engine (from its cache or built
 *  now), each a reference the caller releases.  Thread-safe.  JM_OK or
 *  JM_ENOMEM (message set). */
int jm_compiled_get(const struct jm_engine *e, const jm_candidates *cs, const jm_jobs *js,
                    jm_ccands **ccs, jm_cjobs **cjs);
void jm_ccands_release(jm_ccands *c);
void jm_cjobs_release(jm_cjobs *j);

/** The engine's cache (engine_impl.h holds a pointer to it). */
typedef struct jm_compile_cache jm_compile_cache;
jm_compile_cache *jm_compile_cache_new(void);
void jm_compile_cache_free(jm_compile_cache *c);

/** Builds js's occupation and skill indexes (job_index.c), adding their
 *  bytes to js->index_bytes.  JM_OK or JM_ENOMEM (what was built is freed
 *  with the set). */
int jm_cjobs_index(jm_cjobs *js);

/* A posting of the skill index: the job's index and how it lists the skill. */
#define JM_POSTING_JOB 0x3fffffffu
#define JM_POSTING_ESSENTIAL 0x80000000u
#define JM_POSTING_TRAINABLE 0x40000000u

/** The words of a bitmap of a bit per job of js (jm_touched_fill). */
static inline size_t jm_touched_words(const jm_cjobs *js)
{
    return js->n / 64 + 1;
}

/** Sets, in touched (a bit per job of js, all clear; jm_touched_words
 *  long), the jobs that share a skill with the candidate; jm_touched_clear
 *  clears them again (walking the same postings, or every word when there
 *  are many). */
void jm_touched_fill(uint64_t *touched, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c);
void jm_touched_clear(uint64_t *touched, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c);
/** The postings of the candidate's skills in js's skill index (the bits
 *  jm_touched_fill sets, with repeats). */
size_t jm_touched_postings(const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c);

/** Fills levels (n_skill_ids + 1 entries, all JM_LEVEL_ABSENT) with a
 *  candidate's skills, and clears them again. */
void jm_levels_fill(double *levels, const jm_ccands *cs, const jm_ccand *c);
void jm_levels_clear(double *levels, const jm_ccands *cs, const jm_ccand *c);

/** A set's serial number (sets.c): unique in the process, new after each change. */
uint64_t jm_candidates_serial(const jm_candidates *set);
uint64_t jm_jobs_serial(const jm_jobs *set);

#endif
