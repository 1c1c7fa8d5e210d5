/*
 * Internal: the JSON names of every enumeration of the model, shared by
 * the public *_name functions, the JSON reader and the JSON writer.
 * Tables indexed by an enum value; a NULL entry is not a valid value
 * (index 0 of intensity and importance).
 */
#ifndef JM_NAMES_H
#define JM_NAMES_H

#include <stddef.h>

#include "jobmatch.h"

#define JM_DAY_COUNT 7
#define JM_INTENSITY_NAMES 4  /* index 1..3 */
#define JM_IMPORTANCE_NAMES 5 /* index 1..4 */
#define JM_GOAL_COUNT 3
#define JM_PERIOD_COUNT 2
#define JM_ENDING_COUNT 7
#define JM_PROVIDER_COUNT 7

extern const char *const jm_env_names[JM_ENV_COUNT];             /* "noise" .. "routine" */
extern const char *const jm_transport_names[JM_TRANSPORT_COUNT]; /* "walk" .. "lift" */
extern const char *const jm_value_names[JM_VALUE_COUNT];         /* "achievement" .. */
extern const char *const jm_day_names[JM_DAY_COUNT];             /* "mon" .. "sun" */
extern const char *const jm_intensity_names[JM_INTENSITY_NAMES]; /* [0] NULL, "low", "medium", "high" */
extern const char *const jm_importance_names[JM_IMPORTANCE_NAMES]; /* [0] NULL, "low" .. "must" */
extern const char *const jm_goal_names[JM_GOAL_COUNT];           /* "undecided", "stay", "exit" */
extern const char *const jm_period_names[JM_PERIOD_COUNT];       /* "week", "month" */
extern const char *const jm_ending_names[JM_ENDING_COUNT];       /* "unknown", "ongoing", .. "other" */
extern const char *const jm_factor_names[JM_FACTOR_COUNT];       /* "job_type" .. "programme" */
extern const char *const jm_provider_names[JM_PROVIDER_COUNT];   /* "unmet" .. "to_negotiate" */
/** RIASEC letters in jm_riasec order: "RIASEC". */
extern const char jm_riasec_letters[JM_RIASEC_COUNT + 1];

/** The index of name in a table of n names (NULL entries skipped), or -1.
 *  Exact, case-sensitive comparison; name may be NULL (gives -1). */
int jm_name_index(const char *const *table, size_t n, const char *name);

#endif /* JM_NAMES_H */
