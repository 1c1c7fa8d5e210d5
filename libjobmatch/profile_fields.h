/*
 * Internal to the profile module (profile.c, profile_json.c): the table of
 * thresholds in their canonical JSON order, and the names used in the
 * profile's JSON form.  One table drives both the writer and the reader, so
 * the two cannot drift apart.
 */
#ifndef JM_PROFILE_FIELDS_H
#define JM_PROFILE_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "profile_impl.h"
#include "util.h"

typedef enum jm_th_kind {
    JM_TH_SCALAR = 0,     /* one double */
    JM_TH_BY_MODE = 1,    /* double[JM_TRANSPORT_COUNT], an object keyed by mode */
    JM_TH_BY_IMPORTANCE = 2, /* double[5], index 1..4: low, medium, high, must */
    JM_TH_BY_INTENSITY = 3   /* double[4], index 1..3: low, medium, high */
} jm_th_kind;

typedef struct jm_th_field {
    const char *key;
    size_t offset; /* into jm_thresholds */
    int kind;      /* jm_th_kind */
    double lo, hi; /* accepted range of each value */
    bool lo_open;  /* lo itself is not accepted */
} jm_th_field;

extern const jm_th_field jm_th_fields[];
extern const size_t jm_th_field_count;

/* "walk" ... "lift", indexed by jm_transport */
extern const char *const jm_profile_mode_names[JM_TRANSPORT_COUNT];
/* "low", "medium", "high", "must", indexed by jm_importance - 1 */
extern const char *const jm_profile_importance_names[4];
/* "low", "medium", "high", indexed by jm_intensity - 1 */
extern const char *const jm_profile_intensity_names[3];
/* "employer", "natural", "funded", indexed by provider - JM_PROVIDER_EMPLOYER */
extern const char *const jm_profile_provider_names[3];

/* The pseudo-offers a support need may be met by besides the offers. */
#define JM_OFFER_JOB_COACH "job_coach"
#define JM_OFFER_AGENCY "agency"

/** Appends x to b as a JSON number: the shortest form that reads back as
 *  the same double, independent of the locale; "null" for NaN. */
void jm_profile_json_number(jm_buf *b, double x);

#endif /* JM_PROFILE_FIELDS_H */
