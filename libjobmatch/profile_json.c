/*
 * Reading a "scoring_profile" document.
 *
 * The document starts from a copy of the built-in IPS default: every field
 * left out keeps the default's value.  Exceptions: "id" is required, and
 * "name" and "description" are not inherited (they describe the default,
 * not a custom profile).
 *
 * Vocabulary lists: a list given in "vocabulary" replaces the default's
 * list; with "extend": true it adds to it instead, and an item whose id is
 * already in the default's list replaces that item in place.
 *
 * Validation is complete: ranges, at least one weight above 0, met_by and
 * supported_by naming known offers (met_by may also name "job_coach" or
 * "agency"), each dimension's need naming a known support-need type, coach
 * fading weeks that start at 1 and increase, duplicate ids.  Weights whose
 * preference factors carry less than 60% of the total give a warning.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jsonread.h"
#include "profile_fields.h"
#include "profile_impl.h"
#include "util.h"

#define TERM_MAX 64
#define LABEL_MAX 256
#define NAME_MAX_BYTES 256
#define DESCRIPTION_MAX 4096
#define WEIGHT_MAX 1000.0
#define MIN_PREFERENCE_SHARE 0.6

typedef struct pctx {
    jm_jr *r;
    jm_profile *p;
    bool oom;
    bool type_mismatch;
    /* where each vocabulary item came from: its index in the document's
     * list, or -1 for an item inherited from the default */
    long *offer_src, *need_src, *dim_src;
    size_t offer_cap, need_cap, dim_cap;
} pctx;

/* ---------------------------------------------------------------------- */
/* small helpers                                                          */

static void error_at_key(jm_jr *r, const char *key, int code, const char *msg)
{
    size_t m = jm_jr_push_key(r, key);
    jm_jr_error(r, code, "%s", msg);
    jm_jr_pop(r, m);
}

/* Absent or null (both mean "not given"). */
static bool absent(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return !v || cJSON_IsNull(v);
}

/* A vocabulary term: 1..64 bytes of lowercase letters, digits, '_', '-', '.'. */
static bool term_ok(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > TERM_MAX)
        return false;
    for (const char *c = s; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '_' || *c == '-' ||
              *c == '.'))
            return false;
    return true;
}

static const char *const term_rule =
    "expected a term of 1 to 64 lowercase letters, digits, '_', '-' or '.' (like 'quiet_workspace')";

/* Reads obj.key as a vocabulary term; reports at obj.key. */
static bool read_term(jm_jr *r, const cJSON *obj, const char *key, const char **out)
{
    const char *s = NULL;
    if (!jm_jr_string(r, obj, key, 0, &s))
        return false;
    if (!term_ok(s)) {
        error_at_key(r, key, JM_EINVAL, term_rule);
        return false;
    }
    *out = s;
    return true;
}

/* Reads an array element as a term; reports at the current path. */
static bool read_term_value(jm_jr *r, const cJSON *v, const char **out)
{
    const char *s = NULL;
    if (!jm_jr_value_string(r, v, 0, &s))
        return false;
    if (!term_ok(s)) {
        jm_jr_error(r, JM_EINVAL, "%s", term_rule);
        return false;
    }
    *out = s;
    return true;
}

/* A number with an open lower bound: reports "above lo". */
static bool read_number(jm_jr *r, const cJSON *obj, const char *key, double lo, double hi,
                        bool lo_open, double *out)
{
    double v;
    if (!jm_jr_number(r, obj, key, lo, hi, &v))
        return false;
    if (lo_open && v == lo) {
        char a[32], b[32];
        size_t m = jm_jr_push_key(r, key);
        jm_jr_error(r, JM_EINVAL, "expected a number above %s and up to %s, found %s", jm_num(a, lo),
                    jm_num(b, hi), jm_num(a, v));
        jm_jr_pop(r, m);
        return false;
    }
    *out = v;
    return true;
}

/* ---------------------------------------------------------------------- */
/* weights                                                                */

static void read_weights(pctx *c, const cJSON *root)
{
    jm_jr *r = c->r;
    const char *names[JM_FACTOR_COUNT];
    for (int f = 0; f < JM_FACTOR_COUNT; f++)
        names[f] = jm_factor_name(f);
    jm_jr_numbers(r, root, "weights", names, JM_FACTOR_COUNT, 0.0, WEIGHT_MAX, c->p->weights);
}

/* After the weights: the sum must be above 0; the preference share is
 * checked against IPS practice. */
static void check_weights(pctx *c)
{
    double total = 0.0, pref = 0.0;
    for (int f = 0; f < JM_FACTOR_COUNT; f++) {
        total += c->p->weights[f];
        if (jm_factor_is_preference(f))
            pref += c->p->weights[f];
    }
    size_t m = jm_jr_push_key(c->r, "weights");
    if (!(total > 0.0)) {
        jm_jr_error(c->r, JM_EINVAL,
                    "every weight is 0: at least one factor needs a weight above 0");
    } else if (pref / total < MIN_PREFERENCE_SHARE - 1e-9) {
        char a[32];
        jm_jr_warn(c->r,
                   "the preference factors (job_type, hours, schedule, commute, environment, "
                   "interests, work_values, wage) carry %s%% of the total weight; IPS practice "
                   "gives them at least 60%%",
                   jm_num(a, 100.0 * pref / total));
    }
    jm_jr_pop(c->r, m);
}

/* ---------------------------------------------------------------------- */
/* thresholds                                                             */

static void read_named_values(jm_jr *r, const cJSON *t, const jm_th_field *f, double *v,
                              const char *const *names, size_t n)
{
    size_t m;
    const cJSON *o = jm_jr_enter(r, t, f->key, NULL, &m);
    if (!o)
        return;
    jm_jr_check_names(r, o, names, n);
    for (size_t i = 0; i < n; i++)
        read_number(r, o, names[i], f->lo, f->hi, f->lo_open, &v[i]);
    jm_jr_pop(r, m);
}

/* Reports "V is more than LIMIT_KEY (LIMIT): WHY" at key when v > limit. */
static void check_at_most(jm_jr *r, const char *key, double v, const char *limit_key, double limit,
                          const char *why)
{
    if (v > limit) {
        char a[32], b[32];
        size_t m = jm_jr_push_key(r, key);
        jm_jr_error(r, JM_EINVAL, "%s is more than %s (%s): %s", jm_num(a, v), limit_key, jm_num(b, limit),
                    why);
        jm_jr_pop(r, m);
    }
}

static void read_thresholds(pctx *c, const cJSON *root)
{
    jm_jr *r = c->r;
    const char *allowed[64];
    size_t k = 0;
    for (size_t i = 0; i < jm_th_field_count && k + 1 < 64; i++)
        allowed[k++] = jm_th_fields[i].key;
    allowed[k] = NULL;
    size_t m;
    const cJSON *t = jm_jr_enter(r, root, "thresholds", allowed, &m);
    if (!t)
        return;

    jm_thresholds *th = &c->p->th;
    for (size_t i = 0; i < jm_th_field_count; i++) {
        const jm_th_field *f = &jm_th_fields[i];
        double *v = (double *)(void *)((char *)th + f->offset);
        switch (f->kind) {
        case JM_TH_BY_MODE:
            read_named_values(r, t, f, v, jm_profile_mode_names, JM_TRANSPORT_COUNT);
            break;
        case JM_TH_BY_IMPORTANCE:
            read_named_values(r, t, f, v + 1, jm_profile_importance_names, 4);
            break;
        case JM_TH_BY_INTENSITY:
            read_named_values(r, t, f, v + 1, jm_profile_intensity_names, 3);
            break;
        default:
            read_number(r, t, f->key, f->lo, f->hi, f->lo_open, v);
        }
    }

    /* functional credit must not rise with a larger shortfall, nor fall
     * when a support is in place */
    static const char *const supported = "a support in place must not lower the credit";
    static const char *const larger = "a two-level shortfall must not score better than a one-level one";
    check_at_most(r, "short1_unsupported", th->short1_unsupported, "short1_supported", th->short1_supported,
                  supported);
    check_at_most(r, "short2_unsupported", th->short2_unsupported, "short2_supported", th->short2_supported,
                  supported);
    check_at_most(r, "short2_supported", th->short2_supported, "short1_supported", th->short1_supported,
                  larger);
    check_at_most(r, "short2_unsupported", th->short2_unsupported, "short1_unsupported",
                  th->short1_unsupported, larger);
    jm_jr_pop(r, m);
}

/* ---------------------------------------------------------------------- */
/* programme rules                                                        */

static void read_programme(pctx *c, const cJSON *root)
{
    static const char *const allowed[] = {"competitive_only", "integrated_only", "min_wage", NULL};
    jm_jr *r = c->r;
    size_t m;
    const cJSON *o = jm_jr_enter(r, root, "programme_rules", allowed, &m);
    if (!o)
        return;
    jm_jr_bool(r, o, "competitive_only", &c->p->competitive_only);
    jm_jr_bool(r, o, "integrated_only", &c->p->integrated_only);
    jm_jr_number(r, o, "min_wage", 0.0, 100000.0, &c->p->min_wage);
    jm_jr_pop(r, m);
}

/* ---------------------------------------------------------------------- */
/* vocabulary                                                             */

static void offer_clear(void *item)
{
    jm_offer_def *o = item;
    free(o->id);
    free(o->label);
    memset(o, 0, sizeof *o);
}

static void need_clear(void *item)
{
    jm_need_def *n = item;
    free(n->id);
    free(n->label);
    jm_strv_free(n->met_by, n->n_met_by);
    memset(n, 0, sizeof *n);
}

static void dim_clear(void *item)
{
    jm_dim_def *d = item;
    free(d->id);
    free(d->label);
    free(d->need);
    jm_strv_free(d->supported_by, d->n_supported_by);
    memset(d, 0, sizeof *d);
}

/* Makes room for the source markers of n inherited items (all -1). */
static bool init_src(pctx *c, long **src, size_t *cap, size_t n)
{
    *src = malloc((n ? n : 1) * sizeof **src);
    if (!*src) {
        c->oom = true;
        return false;
    }
    *cap = n ? n : 1;
    for (size_t i = 0; i < n; i++)
        (*src)[i] = -1;
    return true;
}

/* The position of an id in a vocabulary list, or -1. */
static long find_offer(const jm_profile *p, const char *id)
{
    return JM_ID_INDEX(p->offers, p->n_offers, id);
}

static long find_need(const jm_profile *p, const char *id)
{
    return JM_ID_INDEX(p->needs, p->n_needs, id);
}

/* One vocabulary list being read: the profile's items and where each came
 * from (its index in the document's list, or -1 when inherited). */
typedef struct vlist {
    const char *key; /* its name in "vocabulary" */
    void **items;
    size_t *n;
    size_t cap;
    size_t elem;
    long **src;
    size_t *src_cap;
    void (*clear)(void *item);
} vlist;

/* Reads one item of a list (an object) at document index idx. */
typedef void (*vitem_fn)(pctx *c, const cJSON *it, long idx, vlist *l);

static void *vlist_at(const vlist *l, size_t i)
{
    return (char *)*l->items + i * l->elem;
}

/*
 * Stores a read item: in place of the item of the same id (one inherited
 * from the default, in extend mode) or at the end.  Returns false, leaving
 * the item to the caller, for an id the document already gave (reported) or
 * on ENOMEM (c->oom).
 */
static bool vlist_store(pctx *c, vlist *l, const char *id, long idx, const void *item)
{
    long found = jm_id_index(*l->items, *l->n, l->elem, id);
    if (found >= 0 && (*l->src)[found] >= 0) {
        size_t m = jm_jr_push_key(c->r, "id");
        jm_jr_error(c->r, JM_EINVAL, "duplicate id '%s' (also vocabulary.%s[%ld])", id, l->key,
                    (*l->src)[found]);
        jm_jr_pop(c->r, m);
        return false;
    }
    size_t slot = found >= 0 ? (size_t)found : *l->n;
    if (found < 0) {
        size_t cap0 = l->cap;
        if (jm_grow(l->items, &l->cap, *l->n + 1, l->elem) != JM_OK ||
            jm_grow((void **)l->src, l->src_cap, *l->n + 1, sizeof **l->src) != JM_OK) {
            c->oom = true;
            return false;
        }
        if (l->cap > cap0)
            memset(vlist_at(l, cap0), 0, (l->cap - cap0) * l->elem);
        (*l->n)++;
    } else {
        l->clear(vlist_at(l, slot));
    }
    memcpy(vlist_at(l, slot), item, l->elem);
    (*l->src)[slot] = idx;
    return true;
}

/* Names a read item (the label defaults to the id) and stores it; when that
 * fails the item is cleared. */
static void vlist_add(pctx *c, vlist *l, long idx, const char *id, const char *label, char **id_out,
                      char **label_out, void *item)
{
    *id_out = jm_strdup(id);
    *label_out = jm_strdup(label ? label : id);
    if (!*id_out || !*label_out)
        c->oom = true;
    if (c->oom || !vlist_store(c, l, id, idx, item))
        l->clear(item);
}

/* The fields and the id of an item; false when the id is missing or not a
 * term (reported). */
static bool read_item_id(jm_jr *r, const cJSON *it, const char *const *fields, const char *missing,
                         const char **id)
{
    jm_jr_check_fields(r, it, fields);
    bool ok = read_term(r, it, "id", id);
    if (!ok && absent(it, "id"))
        error_at_key(r, "id", JM_EINVAL, missing);
    return ok;
}

typedef struct vlist_ctx {
    pctx *c;
    vlist *l;
    vitem_fn fn;
} vlist_ctx;

static bool vlist_item(jm_jr *r, const cJSON *it, size_t i, void *ctx)
{
    vlist_ctx *x = ctx;
    x->fn(x->c, it, (long)i, x->l);
    return !x->c->oom;
}

/* Reads vocabulary.KEY: it replaces the default's list, or with extend adds
 * to it. */
static void read_vlist(pctx *c, const cJSON *voc, bool extend, vlist *l, vitem_fn fn)
{
    const cJSON *arr = jm_jr_array(c->r, voc, l->key);
    if (!arr)
        return;
    if (!extend) {
        for (size_t i = 0; i < *l->n; i++)
            l->clear(vlist_at(l, i));
        *l->n = 0;
    }
    l->cap = *l->n;
    size_t m = jm_jr_push_key(c->r, l->key);
    vlist_ctx x = { c, l, fn };
    jm_jr_each_value(c->r, arr, "an object", vlist_item, &x);
    jm_jr_pop(c->r, m);
}

static void read_offer(pctx *c, const cJSON *it, long idx, vlist *l)
{
    static const char *const allowed[] = {"id", "label", "provider", NULL};
    jm_jr *r = c->r;
    const char *id = NULL, *label = NULL;
    int prov = 0;
    bool ok = read_item_id(r, it, allowed, "missing: every offer needs an id", &id);
    if (ok && (strcmp(id, JM_OFFER_JOB_COACH) == 0 || strcmp(id, JM_OFFER_AGENCY) == 0)) {
        size_t mk = jm_jr_push_key(r, "id");
        jm_jr_error(r, JM_EINVAL,
                    "'%s' is reserved: met_by names it directly (job_coach = the agency's job "
                    "coach on site, agency = off-site agency services)", id);
        jm_jr_pop(r, mk);
        ok = false;
    }
    jm_jr_string(r, it, "label", LABEL_MAX, &label);
    if (jm_jr_enum(r, it, "provider", jm_profile_provider_names, 3, &prov))
        prov += JM_PROVIDER_EMPLOYER;
    else
        prov = JM_PROVIDER_EMPLOYER;
    if (!ok)
        return;
    jm_offer_def o = {NULL, NULL, prov};
    vlist_add(c, l, idx, id, label, &o.id, &o.label, &o);
}

/* Is ref something that can meet a need (an offer, job_coach, agency)? */
static bool meets_ok(const jm_profile *p, const char *ref, bool pseudo_allowed)
{
    if (pseudo_allowed && (strcmp(ref, JM_OFFER_JOB_COACH) == 0 || strcmp(ref, JM_OFFER_AGENCY) == 0))
        return true;
    return find_offer(p, ref) >= 0;
}

typedef struct refs_ctx {
    pctx *c;
    bool pseudo_allowed;
    char ***out;
    size_t *n_out;
    bool ok;
} refs_ctx;

static bool read_ref(jm_jr *r, const cJSON *it, size_t i, void *ctx)
{
    refs_ctx *x = ctx;
    const char *ref = NULL;
    if (!read_term_value(r, it, &ref)) {
        x->ok = false;
    } else if (!meets_ok(x->c->p, ref, x->pseudo_allowed)) {
        if (x->pseudo_allowed)
            jm_jr_error(r, JM_EINVAL,
                        "unknown offer '%s': expected an offer of vocabulary.offers, "
                        "'job_coach' or 'agency'", ref);
        else
            jm_jr_error(r, JM_EINVAL, "unknown offer '%s': expected an offer of "
                        "vocabulary.offers", ref);
        x->ok = false;
    } else if (jm_strv_contains(*x->out, *x->n_out, ref)) {
        jm_jr_error(r, JM_EINVAL, "'%s' is listed twice", ref);
        x->ok = false;
    } else if (jm_strv_push(x->out, x->n_out, ref) != JM_OK) {
        x->c->oom = true;
        x->ok = false;
    }
    return true;
}

/* Reads a list of references (met_by / supported_by) at obj.key.  Each must
 * be an offer (or job_coach/agency when pseudo_allowed), listed once. */
static bool read_refs(pctx *c, const cJSON *obj, const char *key, bool pseudo_allowed,
                      char ***out, size_t *n_out)
{
    refs_ctx x = { c, pseudo_allowed, out, n_out, true };
    if (!jm_jr_each(c->r, obj, key, NULL, read_ref, &x))
        return absent(obj, key);
    return x.ok;
}

static void read_need(pctx *c, const cJSON *it, long idx, vlist *l)
{
    static const char *const allowed[] = {"id", "label", "met_by", NULL};
    jm_jr *r = c->r;
    const char *id = NULL, *label = NULL;
    bool ok = read_item_id(r, it, allowed, "missing: every support need needs an id", &id);
    jm_jr_string(r, it, "label", LABEL_MAX, &label);
    jm_need_def n = {0};
    if (!read_refs(c, it, "met_by", true, &n.met_by, &n.n_met_by))
        ok = false;
    if (ok && n.n_met_by == 0)
        jm_jr_warn(r, "nothing can meet support need '%s' (met_by is empty): it will always "
                   "count as unmet", id);
    if (ok)
        vlist_add(c, l, idx, id, label, &n.id, &n.label, &n);
    else
        need_clear(&n);
}

static void read_dim(pctx *c, const cJSON *it, long idx, vlist *l)
{
    static const char *const allowed[] = {"id", "label", "supported_by", "need", NULL};
    jm_jr *r = c->r;
    const char *id = NULL, *label = NULL, *need = NULL;
    bool ok = read_item_id(r, it, allowed, "missing: every functional dimension needs an id", &id);
    jm_jr_string(r, it, "label", LABEL_MAX, &label);
    jm_dim_def d = {0};
    if (!read_refs(c, it, "supported_by", false, &d.supported_by, &d.n_supported_by))
        ok = false;
    if (read_term(r, it, "need", &need)) {
        if (find_need(c->p, need) < 0) {
            size_t mk = jm_jr_push_key(r, "need");
            jm_jr_error(r, JM_EINVAL, "unknown support-need type '%s': expected a need of "
                        "vocabulary.support_needs", need);
            jm_jr_pop(r, mk);
            ok = false;
        }
    } else {
        if (absent(it, "need"))
            error_at_key(r, "need", JM_EINVAL,
                         "missing: the support-need type a shortfall on this dimension becomes");
        ok = false;
    }
    if (!ok) {
        dim_clear(&d);
        return;
    }
    if (!(d.need = jm_strdup(need)))
        c->oom = true;
    vlist_add(c, l, idx, id, label, &d.id, &d.label, &d);
}

/* Items inherited from the default may refer to offers or needs that a
 * replacing list removed: one error per list, naming the items. */
static void report_inherited(jm_jr *r, const char *list, const char *what, const char *refs,
                             jm_buf *ids, size_t count)
{
    if (!count)
        return;
    size_t mk = jm_jr_push_key(r, list);
    jm_jr_error(r, JM_EINVAL,
                "%zu default %s (%s%s) refer to %s this profile does not have: give %s too, or "
                "use \"extend\": true",
                count, what, ids->data ? ids->data : "", count > 6 ? ", ..." : "", refs, list);
    jm_jr_pop(r, mk);
}

static void add_id(jm_buf *ids, size_t *count, const char *id)
{
    if (*count < 6)
        jm_buf_printf(ids, "%s'%s'", *count ? ", " : "", id);
    (*count)++;
}

static void check_inherited(pctx *c)
{
    jm_jr *r = c->r;
    jm_profile *p = c->p;
    jm_buf ids;
    size_t count = 0;
    size_t m = jm_jr_push_key(r, "vocabulary");

    jm_buf_init(&ids);
    for (size_t i = 0; i < p->n_needs; i++) {
        if (c->need_src[i] >= 0)
            continue;
        for (size_t j = 0; j < p->needs[i].n_met_by; j++)
            if (!meets_ok(p, p->needs[i].met_by[j], true)) {
                add_id(&ids, &count, p->needs[i].id);
                break;
            }
    }
    report_inherited(r, "support_needs", "support needs", "offers", &ids, count);
    jm_buf_free(&ids);

    jm_buf_init(&ids);
    count = 0;
    for (size_t i = 0; i < p->n_dims; i++) {
        if (c->dim_src[i] >= 0)
            continue;
        const jm_dim_def *d = &p->dims[i];
        bool bad = find_need(p, d->need) < 0;
        for (size_t j = 0; j < d->n_supported_by && !bad; j++)
            bad = !meets_ok(p, d->supported_by[j], false);
        if (bad)
            add_id(&ids, &count, d->id);
    }
    report_inherited(r, "functional_dimensions", "functional dimensions",
                     "offers or support needs", &ids, count);
    jm_buf_free(&ids);
    jm_jr_pop(r, m);
}

static void read_vocabulary(pctx *c, const cJSON *root)
{
    static const char *const allowed[] = {"extend", "offers", "support_needs",
                                          "functional_dimensions", NULL};
    jm_jr *r = c->r;
    jm_profile *p = c->p;
    const cJSON *voc = jm_jr_object(r, root, "vocabulary");
    if (!voc)
        return;
    if (!init_src(c, &c->offer_src, &c->offer_cap, p->n_offers) ||
        !init_src(c, &c->need_src, &c->need_cap, p->n_needs) ||
        !init_src(c, &c->dim_src, &c->dim_cap, p->n_dims))
        return;
    bool extend = false;
    size_t m = jm_jr_push_key(r, "vocabulary");
    jm_jr_check_fields(r, voc, allowed);
    jm_jr_bool(r, voc, "extend", &extend);
    vlist offers = { "offers", (void **)&p->offers, &p->n_offers, 0, sizeof *p->offers,
                     &c->offer_src, &c->offer_cap, offer_clear };
    vlist needs = { "support_needs", (void **)&p->needs, &p->n_needs, 0, sizeof *p->needs,
                    &c->need_src, &c->need_cap, need_clear };
    vlist dims = { "functional_dimensions", (void **)&p->dims, &p->n_dims, 0, sizeof *p->dims,
                   &c->dim_src, &c->dim_cap, dim_clear };
    /* in this order: needs refer to offers, dimensions to both */
    read_vlist(c, voc, extend, &offers, read_offer);
    if (!c->oom)
        read_vlist(c, voc, extend, &needs, read_need);
    if (!c->oom)
        read_vlist(c, voc, extend, &dims, read_dim);
    jm_jr_pop(r, m);
    if (!c->oom)
        check_inherited(c);
}

/* ---------------------------------------------------------------------- */
/* coach                                                                  */

typedef struct fade_ctx {
    jm_fade_def *f;
    size_t seen; /* steps read (the elements that are objects) */
    bool ok;
} fade_ctx;

static bool read_step(jm_jr *r, const cJSON *it, size_t i, void *ctx)
{
    static const char *const allowed[] = {"week", "share", NULL};
    fade_ctx *x = ctx;
    jm_fade_def *f = x->f;
    x->seen++;
    jm_jr_check_fields(r, it, allowed);
    bool has_week = jm_jr_int(r, it, "week", 1, 520, &f[i].week);
    bool has_share = jm_jr_number(r, it, "share", 0.0, 1.0, &f[i].share);
    if (!has_week) {
        x->ok = false;
        if (absent(it, "week"))
            error_at_key(r, "week", JM_EINVAL, "missing: the week this share starts");
    } else if (i == 0 && f[i].week != 1) {
        size_t mk = jm_jr_push_key(r, "week");
        jm_jr_error(r, JM_EINVAL, "the first step must start at week 1, found week %d", f[i].week);
        jm_jr_pop(r, mk);
        x->ok = false;
    } else if (i > 0 && f[i - 1].week > 0 && f[i].week <= f[i - 1].week) {
        size_t mk = jm_jr_push_key(r, "week");
        jm_jr_error(r, JM_EINVAL, "weeks must increase: week %d follows week %d", f[i].week, f[i - 1].week);
        jm_jr_pop(r, mk);
        x->ok = false;
    }
    if (!has_share) {
        x->ok = false;
        if (absent(it, "share"))
            error_at_key(r, "share", JM_EINVAL,
                         "missing: the share of the starting coach hours from this week");
    } else if (i > 0 && f[i].share > f[i - 1].share) {
        char a[32], b[32];
        size_t mk = jm_jr_push_key(r, "share");
        jm_jr_warn(r, "the share rises from %s to %s: coach time usually fades", jm_num(a, f[i - 1].share),
                   jm_num(b, f[i].share));
        jm_jr_pop(r, mk);
    }
    return true;
}

static void read_fading(pctx *c, const cJSON *coach)
{
    jm_jr *r = c->r;
    const cJSON *arr = jm_jr_array(r, coach, "fading");
    if (!arr)
        return;
    size_t n = (size_t)cJSON_GetArraySize(arr);
    size_t m = jm_jr_push_key(r, "fading");
    if (n == 0) {
        jm_jr_error(r, JM_EINVAL, "expected at least one step (week 1 and its share)");
        jm_jr_pop(r, m);
        return;
    }
    fade_ctx x = { calloc(n, sizeof *x.f), 0, true };
    if (!x.f) {
        c->oom = true;
        jm_jr_pop(r, m);
        return;
    }
    jm_jr_each_value(r, arr, "an object", read_step, &x);
    jm_jr_pop(r, m);
    if (!x.ok || x.seen != n) {
        free(x.f);
        return;
    }
    free(c->p->fading);
    c->p->fading = x.f;
    c->p->n_fading = n;
}

static void read_coach(pctx *c, const cJSON *root)
{
    static const char *const allowed[] = {"hours_by_intensity", "fading", NULL};
    jm_jr *r = c->r;
    size_t m;
    const cJSON *coach = jm_jr_enter(r, root, "coach", allowed, &m);
    if (!coach)
        return;
    jm_jr_numbers(r, coach, "hours_by_intensity", jm_profile_intensity_names, 3, 0.0, 40.0,
                  &c->p->th.coach_hours[1]);
    read_fading(c, coach);
    jm_jr_pop(r, m);
}

/* ---------------------------------------------------------------------- */
/* the record                                                             */

/* Checks schema and type.  false when this is not a scoring profile. */
static bool read_header(pctx *c, const cJSON *root)
{
    jm_jr *r = c->r;
    const char *type = NULL, *schema = NULL;
    const cJSON *tv = cJSON_GetObjectItemCaseSensitive(root, "type");
    if (jm_jr_string(r, root, "type", 64, &type)) {
        if (strcmp(type, "scoring_profile") != 0) {
            size_t m = jm_jr_push_key(r, "type");
            if (strcmp(type, "candidate") == 0 || strcmp(type, "job") == 0)
                jm_jr_error(r, JM_ETYPE, "expected a 'scoring_profile' record, found a '%s'", type);
            else
                jm_jr_error(r, JM_ETYPE, "expected 'scoring_profile'");
            jm_jr_pop(r, m);
            c->type_mismatch = true;
            return false;
        }
    } else if (!tv || cJSON_IsNull(tv)) {
        error_at_key(r, "type", JM_ETYPE, "missing: expected \"type\": \"scoring_profile\"");
        c->type_mismatch = true;
        return false;
    } else {
        c->type_mismatch = true;
        return false;
    }
    const cJSON *sv = cJSON_GetObjectItemCaseSensitive(root, "schema");
    if (jm_jr_string(r, root, "schema", 64, &schema)) {
        if (strcmp(schema, "jobmatch/1") != 0)
            error_at_key(r, "schema", JM_EINVAL, "expected \"jobmatch/1\"");
    } else if (!sv || cJSON_IsNull(sv)) {
        error_at_key(r, "schema", JM_EINVAL, "missing: expected \"schema\": \"jobmatch/1\"");
    }
    return true;
}

static void read_identity(pctx *c, const cJSON *root)
{
    jm_jr *r = c->r;
    jm_profile *p = c->p;
    const char *id = NULL, *name = NULL, *desc = NULL;
    /* a custom profile is not "IPS default": name and description are its own */
    free(p->name);
    free(p->description);
    p->name = p->description = NULL;

    if (jm_jr_string(r, root, "id", 256, &id)) {
        if (!jm_id_valid(id))
            error_at_key(r, "id", JM_EINVAL,
                         "expected an id of 1 to 256 bytes without control characters");
        else if (jm_str_set(&p->id, id) != JM_OK)
            c->oom = true;
    } else if (absent(root, "id")) {
        error_at_key(r, "id", JM_EINVAL, "missing: a scoring profile needs an id");
    }
    if (jm_jr_string(r, root, "name", NAME_MAX_BYTES, &name) && jm_str_set(&p->name, name) != JM_OK)
        c->oom = true;
    if (jm_jr_string(r, root, "description", DESCRIPTION_MAX, &desc) &&
        jm_str_set(&p->description, desc) != JM_OK)
        c->oom = true;
}

int jm_profile_from_json(const char *text, size_t len, const jm_load_options *opts,
                         jm_diags *diags, jm_profile **out)
{
    static const char *const allowed[] = {"schema", "type", "id", "name", "description", "weights",
                                          "thresholds", "programme_rules", "vocabulary", "coach",
                                          NULL};
    if (!text || !out)
        return jm_fail(JM_EINVAL, "jm_profile_from_json: text or out is NULL");

    jm_jr r;
    jm_jr_init(&r, opts, diags);
    if (!jm_jr_size_ok(&r, len))
        return JM_ERANGE;
    cJSON *root = jm_jr_parse(&r, text, len, 0);
    if (!root)
        return r.errors ? (r.first_code ? r.first_code : JM_EPARSE) : jm_fail(JM_ENOMEM, "out of memory reading a scoring profile");
    if (!cJSON_IsObject(root)) {
        jm_jr_error(&r, JM_ETYPE, "expected a scoring_profile record (an object), found %s",
                    jm_json_type_name(root));
        cJSON_Delete(root);
        return JM_ETYPE;
    }

    pctx c = {0};
    c.r = &r;
    if (!read_header(&c, root)) {
        cJSON_Delete(root);
        /* the code of the first error: JM_ETYPE for another document type,
         * JM_EINVAL for a "type" that is not a string at all */
        return r.first_code ? r.first_code : JM_ETYPE;
    }
    c.p = jm_profile_alloc_default();
    if (!c.p) {
        cJSON_Delete(root);
        return jm_fail(JM_ENOMEM, "out of memory reading a scoring profile");
    }
    jm_jr_check_fields(&r, root, allowed);
    read_identity(&c, root);
    if (!c.oom) {
        read_weights(&c, root);
        check_weights(&c);
        read_thresholds(&c, root);
        read_programme(&c, root);
        read_vocabulary(&c, root);
    }
    if (!c.oom)
        read_coach(&c, root);
    cJSON_Delete(root);
    free(c.offer_src);
    free(c.need_src);
    free(c.dim_src);

    int rc = JM_OK;
    if (c.oom)
        rc = jm_fail(JM_ENOMEM, "out of memory reading a scoring profile");
    else if (r.errors)
        rc = JM_EINVAL; /* the first error is already the last error */
    else
        rc = jm_profile_finish(c.p);
    if (rc != JM_OK) {
        jm_profile_destroy(c.p);
        return rc;
    }
    *out = c.p;
    return JM_OK;
}

int jm_profile_load_file(const char *path, const jm_load_options *opts, jm_diags *diags,
                         jm_profile **out)
{
    if (!path || !out)
        return jm_fail(JM_EINVAL, "jm_profile_load_file: path or out is NULL");
    jm_load_options o;
    jm_jr_file_options(&o, opts, path);
    char *text = NULL;
    size_t len = 0;
    int rc = jm_read_file(path, &text, &len);
    if (rc != JM_OK)
        return rc;
    rc = jm_profile_from_json(text, len, &o, diags, out);
    jm_free(text);
    return rc;
}
