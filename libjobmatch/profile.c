/*
 * Scoring profiles: lifecycle, accessors, the canonical JSON form and the
 * hash that identifies a profile.
 */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "profile_fields.h"
#include "profile_impl.h"
#include "sha256.h"
#include "util.h"

#define TH(field) offsetof(jm_thresholds, field)

/* Canonical order of "thresholds".  Ranges: see docs/SCORING.md. */
const jm_th_field jm_th_fields[] = {
    {"hours_inside_min", TH(hours_inside_min), JM_TH_SCALAR, 0, 1, false},
    {"hours_falloff", TH(hours_falloff), JM_TH_SCALAR, 0, 168, true},
    {"schedule_min_share", TH(schedule_min_share), JM_TH_SCALAR, 0, 1, false},
    {"commute_full_share", TH(commute_full_share), JM_TH_SCALAR, 0, 1, false},
    {"detour_factor", TH(detour_factor), JM_TH_SCALAR, 1, 5, false},
    {"speed_kmh", TH(speed_kmh), JM_TH_BY_MODE, 0, 300, true},
    {"overhead_min", TH(overhead_min), JM_TH_BY_MODE, 0, 600, false},
    {"env_excess_span", TH(env_excess_span), JM_TH_SCALAR, 0, 4, true},
    {"importance_weight", TH(importance_weight), JM_TH_BY_IMPORTANCE, 0, 100, false},
    {"wage_falloff", TH(wage_falloff), JM_TH_SCALAR, 0, 1, true},
    {"benefits_falloff", TH(benefits_falloff), JM_TH_SCALAR, 0, 10, true},
    {"essential_share", TH(essential_share), JM_TH_SCALAR, 0, 1, false},
    {"trainable_credit", TH(trainable_credit), JM_TH_SCALAR, 0, 1, false},
    {"training_hours_per_level", TH(training_hours_per_level), JM_TH_SCALAR, 0, 1000, false},
    {"training_hours_min", TH(training_hours_min), JM_TH_SCALAR, 0, 1000, false},
    {"short1_supported", TH(short1_supported), JM_TH_SCALAR, 0, 1, false},
    {"short1_unsupported", TH(short1_unsupported), JM_TH_SCALAR, 0, 1, false},
    {"short2_supported", TH(short2_supported), JM_TH_SCALAR, 0, 1, false},
    {"short2_unsupported", TH(short2_unsupported), JM_TH_SCALAR, 0, 1, false},
    {"avoid_similarity", TH(avoid_similarity), JM_TH_SCALAR, 0, 1, true},
    {"history_liked", TH(history_liked), JM_TH_SCALAR, 0, 1, false},
    {"history_disliked", TH(history_disliked), JM_TH_SCALAR, 0, 1, false},
    {"need_weight", TH(need_weight), JM_TH_BY_INTENSITY, 0, 100, false},
    {"essential_multiplier", TH(essential_multiplier), JM_TH_SCALAR, 1, 100, false},
};
const size_t jm_th_field_count = sizeof jm_th_fields / sizeof jm_th_fields[0];

const char *const jm_profile_mode_names[JM_TRANSPORT_COUNT] = {
    "walk", "wheelchair", "cycle", "public_transport", "car", "lift"};
const char *const jm_profile_importance_names[4] = {"low", "medium", "high", "must"};
const char *const jm_profile_intensity_names[3] = {"low", "medium", "high"};
const char *const jm_profile_provider_names[3] = {"employer", "natural", "funded"};

/* ---------------------------------------------------------------------- */
/* lifecycle                                                              */

void jm_profile_destroy(jm_profile *p)
{
    if (!p)
        return;
    free(p->id);
    free(p->name);
    free(p->description);
    for (size_t i = 0; i < p->n_needs; i++) {
        free(p->needs[i].id);
        free(p->needs[i].label);
        jm_strv_free(p->needs[i].met_by, p->needs[i].n_met_by);
    }
    free(p->needs);
    for (size_t i = 0; i < p->n_offers; i++) {
        free(p->offers[i].id);
        free(p->offers[i].label);
    }
    free(p->offers);
    for (size_t i = 0; i < p->n_dims; i++) {
        free(p->dims[i].id);
        free(p->dims[i].label);
        free(p->dims[i].need);
        jm_strv_free(p->dims[i].supported_by, p->dims[i].n_supported_by);
    }
    free(p->dims);
    free(p->need_index);
    free(p->offer_index);
    free(p->dim_index);
    free(p->fading);
    free(p);
}

void jm_profile_free(jm_profile *profile)
{
    if (!profile)
        return;
    if (atomic_fetch_sub_explicit(&profile->refs, 1, memory_order_acq_rel) == 1)
        jm_profile_destroy(profile);
}

jm_profile *jm_profile_ref(jm_profile *profile)
{
    if (profile)
        atomic_fetch_add_explicit(&profile->refs, 1, memory_order_relaxed);
    return profile;
}

/* The process-wide default: made once, holds one reference of its own that
 * is never released, so callers' references never free it. */
static pthread_once_t builtin_once = PTHREAD_ONCE_INIT;
static jm_profile *builtin_profile;

static void make_builtin(void)
{
    jm_profile *p = jm_profile_alloc_default();
    if (p && jm_profile_finish(p) != JM_OK) {
        jm_profile_destroy(p);
        p = NULL;
    }
    builtin_profile = p;
}

const jm_profile *jm_profile_builtin(void)
{
    pthread_once(&builtin_once, make_builtin);
    return builtin_profile;
}

int jm_profile_default(jm_profile **out)
{
    if (!out)
        return jm_fail(JM_EINVAL, "jm_profile_default: out is NULL");
    const jm_profile *b = jm_profile_builtin();
    if (!b)
        return jm_fail(JM_ENOMEM, "out of memory making the default scoring profile");
    /* the refcount is the one mutable (atomic) member of a shared profile */
    *out = jm_profile_ref((jm_profile *)b);
    return JM_OK;
}

/* ---------------------------------------------------------------------- */
/* accessors                                                              */

const char *jm_profile_id(const jm_profile *profile)
{
    return profile && profile->id ? profile->id : "";
}

const char *jm_profile_hash(const jm_profile *profile)
{
    return profile ? profile->hash : "";
}

double jm_profile_weight(const jm_profile *profile, int factor)
{
    if (!profile || factor < 0 || factor >= JM_FACTOR_COUNT)
        return 0.0;
    return profile->weights[factor];
}

static const jm_profile *or_builtin(const jm_profile *p)
{
    return p ? p : jm_profile_builtin();
}

/* The position of id in a vocabulary: by its index once the profile is
 * sealed, by a scan while it is being read. */
static long vocab_find_key(const jm_profile *p, const jm_key_ref *index, const void *v, size_t n, size_t elem,
                           const char *id, uint64_t key)
{
    if (p->indexed)
        return jm_key_index_find(index, v, n, elem, id, key);
    return jm_id_index(v, n, elem, id);
}

static long vocab_find(const jm_profile *p, const jm_key_ref *index, const void *v, size_t n, size_t elem,
                       const char *id)
{
    return vocab_find_key(p, index, v, n, elem, id, p->indexed ? jm_str_key(id) : 0);
}

const jm_need_def *jm_profile_find_need(const jm_profile *p, const char *id)
{
    p = or_builtin(p);
    long i = p && id ? vocab_find(p, p->need_index, p->needs, p->n_needs, sizeof *p->needs, id) : -1;
    return i >= 0 ? &p->needs[i] : NULL;
}

const jm_offer_def *jm_profile_find_offer(const jm_profile *p, const char *id)
{
    p = or_builtin(p);
    long i = p && id ? vocab_find(p, p->offer_index, p->offers, p->n_offers, sizeof *p->offers, id) : -1;
    return i >= 0 ? &p->offers[i] : NULL;
}

const jm_dim_def *jm_profile_find_dim_key(const jm_profile *p, const char *id, uint64_t key)
{
    p = or_builtin(p);
    long i = p && id ? vocab_find_key(p, p->dim_index, p->dims, p->n_dims, sizeof *p->dims, id, key) : -1;
    return i >= 0 ? &p->dims[i] : NULL;
}

const jm_dim_def *jm_profile_find_dim(const jm_profile *p, const char *id)
{
    p = or_builtin(p);
    long i = p && id ? vocab_find(p, p->dim_index, p->dims, p->n_dims, sizeof *p->dims, id) : -1;
    return i >= 0 ? &p->dims[i] : NULL;
}

int jm_profile_has_support_need(const jm_profile *profile, const char *type)
{
    return jm_profile_find_need(profile, type) != NULL;
}

int jm_profile_has_functional_dimension(const jm_profile *profile, const char *dimension)
{
    return jm_profile_find_dim(profile, dimension) != NULL;
}

int jm_profile_has_offer(const jm_profile *profile, const char *offer)
{
    return jm_profile_find_offer(profile, offer) != NULL;
}

/* ---------------------------------------------------------------------- */
/* canonical JSON                                                         */

void jm_profile_json_number(jm_buf *b, double x)
{
    if (!isfinite(x)) {
        jm_buf_append(b, "null");
        return;
    }
    if (x == 0.0)
        x = 0.0; /* no "-0" */
    /* the shortest precision that reads back as the same double: the same
     * content always gives the same text (and so the same hash) */
    char s[40];
    if (x == floor(x) && fabs(x) < 1e15) {
        snprintf(s, sizeof s, "%.0f", x); /* whole numbers in full: 100, not 1e+02 */
        jm_buf_append(b, s);
        return;
    }
    for (int prec = 1; prec <= 17; prec++) {
        snprintf(s, sizeof s, "%.*g", prec, x);
        if (strtod(s, NULL) == x) /* strtod follows the same locale as snprintf */
            break;
    }
    /* a locale may write the decimal point as ',': JSON wants '.' */
    for (char *c = s; *c; c++)
        if (!(*c >= '0' && *c <= '9') && *c != '-' && *c != '+' && *c != 'e')
            *c = '.';
    jm_buf_append(b, s);
}

static void json_string(jm_buf *b, const char *s)
{
    if (!s) {
        jm_buf_append(b, "null");
        return;
    }
    jm_buf_append(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        switch (*p) {
        case '"': jm_buf_append(b, "\\\""); break;
        case '\\': jm_buf_append(b, "\\\\"); break;
        case '\n': jm_buf_append(b, "\\n"); break;
        case '\r': jm_buf_append(b, "\\r"); break;
        case '\t': jm_buf_append(b, "\\t"); break;
        case '\b': jm_buf_append(b, "\\b"); break;
        case '\f': jm_buf_append(b, "\\f"); break;
        default:
            if (*p < 0x20 || *p == 0x7F)
                jm_buf_printf(b, "\\u%04x", (unsigned)*p);
            else
                jm_buf_appendn(b, (const char *)p, 1);
        }
    }
    jm_buf_append(b, "\"");
}

static void json_key(jm_buf *b, bool *first, const char *key)
{
    if (!*first)
        jm_buf_append(b, ",");
    *first = false;
    json_string(b, key);
    jm_buf_append(b, ":");
}

static void json_strv(jm_buf *b, char *const *v, size_t n)
{
    jm_buf_append(b, "[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            jm_buf_append(b, ",");
        json_string(b, v[i]);
    }
    jm_buf_append(b, "]");
}

static void json_named_values(jm_buf *b, const double *v, const char *const *names, size_t n)
{
    bool first = true;
    jm_buf_append(b, "{");
    for (size_t i = 0; i < n; i++) {
        json_key(b, &first, names[i]);
        jm_profile_json_number(b, v[i]);
    }
    jm_buf_append(b, "}");
}

static void json_thresholds(jm_buf *b, const jm_thresholds *th)
{
    bool first = true;
    jm_buf_append(b, "{");
    for (size_t i = 0; i < jm_th_field_count; i++) {
        const jm_th_field *f = &jm_th_fields[i];
        const double *v = (const double *)(const void *)((const char *)th + f->offset);
        json_key(b, &first, f->key);
        switch (f->kind) {
        case JM_TH_BY_MODE:
            json_named_values(b, v, jm_profile_mode_names, JM_TRANSPORT_COUNT);
            break;
        case JM_TH_BY_IMPORTANCE:
            json_named_values(b, v + 1, jm_profile_importance_names, 4);
            break;
        case JM_TH_BY_INTENSITY:
            json_named_values(b, v + 1, jm_profile_intensity_names, 3);
            break;
        default:
            jm_profile_json_number(b, *v);
        }
    }
    jm_buf_append(b, "}");
}

static const char *provider_name(int provider)
{
    int i = provider - JM_PROVIDER_EMPLOYER;
    return i >= 0 && i < 3 ? jm_profile_provider_names[i] : "employer";
}

static void json_vocabulary(jm_buf *b, const jm_profile *p)
{
    jm_buf_append(b, "{\"offers\":[");
    for (size_t i = 0; i < p->n_offers; i++) {
        const jm_offer_def *o = &p->offers[i];
        jm_buf_append(b, i ? ",{\"id\":" : "{\"id\":");
        json_string(b, o->id);
        jm_buf_append(b, ",\"label\":");
        json_string(b, o->label);
        jm_buf_append(b, ",\"provider\":");
        json_string(b, provider_name(o->provider));
        jm_buf_append(b, "}");
    }
    jm_buf_append(b, "],\"support_needs\":[");
    for (size_t i = 0; i < p->n_needs; i++) {
        const jm_need_def *n = &p->needs[i];
        jm_buf_append(b, i ? ",{\"id\":" : "{\"id\":");
        json_string(b, n->id);
        jm_buf_append(b, ",\"label\":");
        json_string(b, n->label);
        jm_buf_append(b, ",\"met_by\":");
        json_strv(b, n->met_by, n->n_met_by);
        jm_buf_append(b, "}");
    }
    jm_buf_append(b, "],\"functional_dimensions\":[");
    for (size_t i = 0; i < p->n_dims; i++) {
        const jm_dim_def *d = &p->dims[i];
        jm_buf_append(b, i ? ",{\"id\":" : "{\"id\":");
        json_string(b, d->id);
        jm_buf_append(b, ",\"label\":");
        json_string(b, d->label);
        jm_buf_append(b, ",\"supported_by\":");
        json_strv(b, d->supported_by, d->n_supported_by);
        jm_buf_append(b, ",\"need\":");
        json_string(b, d->need);
        jm_buf_append(b, "}");
    }
    jm_buf_append(b, "]}");
}

static char *canonical_json(const jm_profile *p)
{
    jm_buf b;
    bool first = true;
    jm_buf_init(&b);
    jm_buf_append(&b, "{\"schema\":\"jobmatch/1\",\"type\":\"scoring_profile\",\"id\":");
    json_string(&b, p->id);
    jm_buf_append(&b, ",\"name\":");
    json_string(&b, p->name);
    jm_buf_append(&b, ",\"description\":");
    json_string(&b, p->description);

    jm_buf_append(&b, ",\"weights\":{");
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        json_key(&b, &first, jm_factor_name(f));
        jm_profile_json_number(&b, p->weights[f]);
    }
    jm_buf_append(&b, "},\"thresholds\":");
    json_thresholds(&b, &p->th);

    jm_buf_printf(&b, ",\"programme_rules\":{\"competitive_only\":%s,\"integrated_only\":%s,"
                      "\"min_wage\":",
                  p->competitive_only ? "true" : "false", p->integrated_only ? "true" : "false");
    jm_profile_json_number(&b, p->min_wage);
    jm_buf_append(&b, "},\"vocabulary\":");
    json_vocabulary(&b, p);

    jm_buf_append(&b, ",\"coach\":{\"hours_by_intensity\":");
    json_named_values(&b, p->th.coach_hours + 1, jm_profile_intensity_names, 3);
    jm_buf_append(&b, ",\"fading\":[");
    for (size_t i = 0; i < p->n_fading; i++) {
        jm_buf_printf(&b, "%s{\"week\":%d,\"share\":", i ? "," : "", p->fading[i].week);
        jm_profile_json_number(&b, p->fading[i].share);
        jm_buf_append(&b, "}");
    }
    jm_buf_append(&b, "]}}");
    return jm_buf_take(&b);
}

int jm_profile_to_json(const jm_profile *profile, char **out)
{
    if (!profile || !out)
        return jm_fail(JM_EINVAL, "jm_profile_to_json: profile or out is NULL");
    char *s = canonical_json(profile);
    if (!s)
        return jm_fail(JM_ENOMEM, "out of memory writing a scoring profile");
    *out = s;
    return JM_OK;
}

int jm_profile_finish(jm_profile *p)
{
    char *s = canonical_json(p);
    if (!s)
        return jm_fail(JM_ENOMEM, "out of memory hashing a scoring profile");
    char hex[2 * JM_SHA256_DIGEST_SIZE + 1];
    jm_sha256_hex(s, strlen(s), hex);
    free(s);
    snprintf(p->hash, sizeof p->hash, "sha256:%s", hex);
    free(p->need_index);
    free(p->offer_index);
    free(p->dim_index);
    p->need_index = p->offer_index = p->dim_index = NULL;
    p->indexed = false;
    if (!jm_key_index_build(p->needs, p->n_needs, sizeof *p->needs, &p->need_index) ||
        !jm_key_index_build(p->offers, p->n_offers, sizeof *p->offers, &p->offer_index) ||
        !jm_key_index_build(p->dims, p->n_dims, sizeof *p->dims, &p->dim_index))
        return jm_fail(JM_ENOMEM, "out of memory indexing a scoring profile");
    p->indexed = true;
    return JM_OK;
}
