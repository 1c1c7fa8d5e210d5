/* Reading and writing the value types shared by candidates and jobs. */
#include "json_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"
#include "profile_impl.h"

bool jm_jc_present(const cJSON *obj, const char *key)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    return v && !cJSON_IsNull(v);
}

void jm_jc_missing(jm_jr *r, const char *key)
{
    size_t m = jm_jr_push_key(r, key);
    jm_jr_error(r, JM_EINVAL, "missing required field '%s'", key);
    jm_jr_pop(r, m);
}

void jm_jc_nomem(jm_jr *r)
{
    jm_jr_error(r, JM_ENOMEM, "out of memory");
}

bool jm_jc_push(jm_jr *r, void **arr, size_t *n, size_t *cap, const void *item, size_t elem)
{
    if (jm_grow(arr, cap, *n + 1, elem) != JM_OK) {
        jm_jc_nomem(r);
        return false;
    }
    memcpy((char *)*arr + *n * elem, item, elem);
    (*n)++;
    return true;
}

const jm_profile *jm_jc_vocabulary(const jm_jr *r)
{
    const jm_profile *p = r->opts->profile;
    return p ? p : jm_profile_builtin();
}

/* ------------------------------------------------------------------------ */
/* Fields both records have                                                 */

void jm_jc_check_order(jm_jr *r, const char *key_lo, double lo, const char *key_hi, double hi)
{
    if (!isnan(lo) && !isnan(hi) && lo > hi) {
        char a[32], b[32];
        size_t m = jm_jr_push_key(r, key_lo);
        jm_jr_error(r, JM_EINVAL, "expected %s at most %s (%s), found %s", key_lo, key_hi, jm_num(b, hi),
                    jm_num(a, lo));
        jm_jr_pop(r, m);
    }
}

void jm_jc_location(jm_jr *r, const cJSON *l, double *lat, double *lon, char **area)
{
    double la = NAN, lo = NAN;
    bool has_lat = jm_jr_number(r, l, "lat", -90, 90, &la);
    bool has_lon = jm_jr_number(r, l, "lon", -180, 180, &lo);
    bool lat_given = jm_jc_present(l, "lat"), lon_given = jm_jc_present(l, "lon");
    if (lat_given != lon_given) {
        size_t mk = jm_jr_push_key(r, lat_given ? "lon" : "lat");
        jm_jr_error(r, JM_EINVAL, "expected lat and lon together, found only %s", lat_given ? "lat" : "lon");
        jm_jr_pop(r, mk);
    } else if (has_lat && has_lon) {
        *lat = la;
        *lon = lo;
    }
    const char *s = NULL;
    if (jm_jr_string(r, l, "area", 256, &s) && jm_str_set(area, s) != JM_OK)
        jm_jc_nomem(r);
}

void jm_jc_ids_free(jm_jc_ids *ids)
{
    free(ids->slots);
    memset(ids, 0, sizeof *ids);
}

/* The id of element i of v (elements start with their id). */
static const char *id_at(const void *v, size_t i, size_t elem)
{
    return *(char *const *)(const void *)((const char *)v + i * elem);
}

/* The slot of id in ids: the one holding it, or the empty one it would go
 * to (linear probing; the table is at most half full). */
static size_t ids_slot(const jm_jc_ids *ids, const void *v, size_t elem, const char *id)
{
    const size_t mask = ids->nslots - 1;
    size_t at = (size_t)jm_str_key(id) & mask;
    while (ids->slots[at] && strcmp(id_at(v, ids->slots[at] - 1, elem), id) != 0)
        at = (at + 1) & mask;
    return at;
}

/* Enters v[ids->n .. n) (none of them a duplicate); false out of memory. */
static bool ids_catch_up(jm_jc_ids *ids, const void *v, size_t n, size_t elem)
{
    if (n > UINT32_MAX - 1)
        return false;
    if (2 * n > ids->nslots) {
        size_t nslots = ids->nslots ? ids->nslots : 64;
        while (2 * n > nslots)
            nslots *= 2;
        uint32_t *slots = calloc(nslots, sizeof *slots);
        if (!slots)
            return false;
        free(ids->slots);
        ids->slots = slots;
        ids->nslots = nslots;
        ids->n = 0; /* enter them all again */
    }
    for (; ids->n < n; ids->n++) {
        const char *id = id_at(v, ids->n, elem);
        if (id)
            ids->slots[ids_slot(ids, v, elem, id)] = (uint32_t)ids->n + 1;
    }
    return true;
}

void jm_jc_skill_unique(jm_jr *r, jm_jc_ids *seen, const void *v, size_t n, size_t elem, const char *id)
{
    long k = -1;
    if (ids_catch_up(seen, v, n, elem)) {
        const uint32_t at = seen->nslots ? seen->slots[ids_slot(seen, v, elem, id)] : 0;
        k = at ? (long)at - 1 : -1;
    } else {
        k = jm_id_index(v, n, elem, id);
    }
    if (k < 0)
        return;
    size_t mk = jm_jr_push_key(r, "id");
    char shown[JM_JR_ID_SHOWN_MAX + 3];
    jm_jr_error(r, JM_EINVAL, "duplicate skill id %s (already given at skills[%ld])",
                jm_jr_quote_id(id, shown, sizeof shown), k);
    jm_jr_pop(r, mk);
}

void jm_jc_levels(jm_jr *r, const cJSON *obj, const char *key, const char *what, jm_level_item **items,
                  size_t *n)
{
    size_t m;
    const cJSON *o = jm_jr_enter(r, obj, key, NULL, &m);
    if (!o)
        return;
    const jm_profile *p = jm_jc_vocabulary(r);
    size_t cap = 0;
    for (const cJSON *e = o->child; e; e = e->next) {
        const char *dim = e->string ? e->string : "";
        if (cJSON_IsNull(e))
            continue;
        int level = -1;
        size_t before = r->errors;
        if (jm_jr_int(r, o, dim, 0, 2, &level) && p && !jm_profile_find_dim(p, dim)) {
            size_t md = jm_jr_push_key(r, dim);
            jm_jr_unknown_term(r, what, dim);
            jm_jr_pop(r, md);
        }
        if (r->errors == before && level >= 0) {
            jm_level_item it = { jm_strdup(dim), level, jm_str_key(dim) };
            if (!it.id)
                jm_jc_nomem(r);
            else if (!jm_jc_push(r, (void **)items, n, &cap, &it, sizeof it))
                free(it.id);
        }
    }
    jm_jr_pop(r, m);
}

void jm_jc_skill_id(jm_jr *r, const cJSON *e, const char **id)
{
    if (!jm_jr_string(r, e, "id", 512, id) && !jm_jc_present(e, "id"))
        jm_jc_missing(r, "id");
    if (*id && !jm_long_id_valid(*id, 512)) {
        size_t mk = jm_jr_push_key(r, "id");
        jm_jr_error_string(r, "a skill id of 1 to 512 bytes without control characters", *id);
        jm_jr_pop(r, mk);
    }
}

bool jm_jc_licence_id_ok(jm_jr *r, const char *id)
{
    if (jm_long_id_valid(id, 256))
        return true;
    jm_jr_error_string(r, "a licence id of 1 to 256 bytes without control characters", id);
    return false;
}

/* ------------------------------------------------------------------------ */
/* Records                                                                  */

bool jm_jc_record_begin(jm_jr *r, const cJSON *obj, const char *type, bool header_required,
                        const char *const *fields, const char **id)
{
    if (!cJSON_IsObject(obj)) {
        jm_jr_error(r, JM_EINVAL, "expected a %s record (an object), found %s", type, jm_json_type_name(obj));
        return false;
    }
    size_t before = r->errors;
    jm_jc_header(r, obj, type, header_required);
    if (r->errors != before)
        return false; /* another kind of record: its fields would only add noise */
    jm_jr_check_fields(r, obj, fields);
    *id = NULL;
    if (jm_jr_string(r, obj, "id", 4096, id)) {
        if (!jm_id_valid(*id)) {
            size_t mk = jm_jr_push_key(r, "id");
            jm_jr_error_string(r, "an id of 1 to 256 bytes without control characters", *id);
            jm_jr_pop(r, mk);
            *id = NULL;
        }
    } else if (!jm_jc_present(obj, "id")) {
        jm_jc_missing(r, "id");
    }
    if (!*id)
        *id = "?";
    return true;
}

int jm_jc_from_json(const char *fn, const char *text, size_t len, const jm_load_options *opts, jm_diags *diags,
                    bool has_out, jm_jc_reader read, void **rec)
{
    if (!text || !has_out)
        return jm_fail(JM_EINVAL, "%s: text and out are required", fn);
    jm_jr r;
    jm_jr_init(&r, opts, diags);
    if (!jm_jr_size_ok(&r, len))
        return JM_ERANGE;
    cJSON *root = jm_jr_parse(&r, text, len, 0);
    if (!root)
        return r.first_code ? r.first_code : JM_EPARSE;
    *rec = read(&r, root);
    cJSON_Delete(root);
    if (!*rec)
        return r.first_code ? r.first_code : JM_EINVAL;
    return JM_OK;
}

/* ------------------------------------------------------------------------ */
/* Occupation                                                               */

static const char *const OCC_FIELDS[] = { "label", "esco", "isco", "onet", NULL };

bool jm_jc_occupation_value(jm_jr *r, const cJSON *v, const char *const *extra_fields, jm_occ *out)
{
    if (!cJSON_IsObject(v)) {
        jm_jr_error(r, JM_EINVAL, "expected an occupation object (label, esco, isco, onet), found %s",
                    jm_json_type_name(v));
        return false;
    }
    size_t before = r->errors;
    const char *allowed[16];
    size_t n = 0;
    for (size_t i = 0; OCC_FIELDS[i]; i++)
        allowed[n++] = OCC_FIELDS[i];
    for (size_t i = 0; extra_fields && extra_fields[i] && n < 15; i++)
        allowed[n++] = extra_fields[i];
    allowed[n] = NULL;
    jm_jr_check_fields(r, v, allowed);

    const char *label = NULL, *esco = NULL, *isco = NULL, *onet = NULL;
    if (jm_jr_string(r, v, "label", 256, &label) && !*label) {
        size_t m = jm_jr_push_key(r, "label");
        jm_jr_error(r, JM_EINVAL, "expected a non-empty label, found an empty string");
        jm_jr_pop(r, m);
    }
    if (jm_jr_string(r, v, "esco", 512, &esco) && !jm_long_id_valid(esco, 512)) {
        size_t m = jm_jr_push_key(r, "esco");
        jm_jr_error_string(r, "an ESCO URI without control characters", esco);
        jm_jr_pop(r, m);
    }
    if (jm_jr_string(r, v, "isco", 32, &isco) && !jm_isco_valid(isco)) {
        size_t m = jm_jr_push_key(r, "isco");
        jm_jr_error_term(r, JM_EINVAL,
                         "an ISCO-08 code of 1 to 4 digits with optional .N segments (\"9412\", \"9412.1\")",
                         isco);
        jm_jr_pop(r, m);
        isco = NULL;
    }
    if (jm_jr_string(r, v, "onet", 32, &onet) && !jm_onet_valid(onet)) {
        size_t m = jm_jr_push_key(r, "onet");
        jm_jr_error_term(r, JM_EINVAL, "an O*NET-SOC code NN-NNNN.NN (\"35-9021.00\")", onet);
        jm_jr_pop(r, m);
        onet = NULL;
    }
    if (r->errors != before)
        return false;
    if (!label && !esco && !isco && !onet) {
        jm_jr_error(r, JM_EINVAL, "expected at least one of label, esco, isco, onet, found none");
        return false;
    }
    jm_occ o = { jm_strdup(label), jm_strdup(esco), jm_strdup(isco), jm_strdup(onet) };
    if ((label && !o.label) || (esco && !o.esco_uri) || (isco && !o.isco) || (onet && !o.onet)) {
        jm_occ_clear(&o);
        jm_jc_nomem(r);
        return false;
    }
    jm_occ_clear(out);
    *out = o;
    return true;
}

bool jm_jc_occupation(jm_jr *r, const cJSON *obj, const char *key, jm_occ *out)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!v || cJSON_IsNull(v))
        return false;
    size_t m = jm_jr_push_key(r, key);
    bool ok = jm_jc_occupation_value(r, v, NULL, out);
    jm_jr_pop(r, m);
    return ok;
}

cJSON *jm_jc_occupation_json(const jm_occ *o)
{
    cJSON *v = cJSON_CreateObject();
    if (!v)
        return NULL;
    if (!jm_jc_add_string(v, "label", o->label) || !jm_jc_add_string(v, "esco", o->esco_uri) ||
        !jm_jc_add_string(v, "isco", o->isco) || !jm_jc_add_string(v, "onet", o->onet)) {
        cJSON_Delete(v);
        return NULL;
    }
    return v;
}

/* ------------------------------------------------------------------------ */
/* Week                                                                     */

static int two_digits(const char *s)
{
    if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
        return -1;
    return (s[0] - '0') * 10 + (s[1] - '0');
}

/* "HH:MM" -> minutes, or -1. */
static int parse_time(const char *s)
{
    int h = two_digits(s), m = two_digits(s + 3);
    if (h < 0 || m < 0 || s[2] != ':' || h > 24 || m > 59 || (h == 24 && m != 0))
        return -1;
    return h * 60 + m;
}

static bool time_chars_only(const char *s)
{
    size_t n = 0;
    for (; *s; s++, n++)
        if (n > 32 || !((*s >= '0' && *s <= '9') || *s == ':' || *s == '-' || *s == ' '))
            return false;
    return n > 0;
}

typedef struct day_ctx {
    int day;
    jm_week *w;
} day_ctx;

static bool read_range(jm_jr *r, const cJSON *v, size_t i, void *ctx)
{
    const int day = ((day_ctx *)ctx)->day;
    jm_week *w = ((day_ctx *)ctx)->w;
    const char *s = NULL;
    if (!cJSON_IsString(v)) {
        jm_jr_error(r, JM_EINVAL, "expected a time range \"HH:MM-HH:MM\", found %s", jm_json_type_name(v));
        return true;
    }
    s = v->valuestring;
    int start = -1, end = -1;
    if (strlen(s) == 11 && s[5] == '-') {
        start = parse_time(s);
        end = parse_time(s + 6);
    }
    if (start < 0 || end < 0 || start == 24 * 60) {
        if (time_chars_only(s))
            jm_jr_error(r, JM_EINVAL,
                        "expected a time range \"HH:MM-HH:MM\" with times from 00:00 to 24:00 "
                        "(24:00 only as an end), found '%s'", s);
        else
            jm_jr_error(r, JM_EINVAL, "expected a time range \"HH:MM-HH:MM\", found another string");
        return true;
    }
    if (start == end) {
        jm_jr_error(r, JM_EINVAL, "expected a range whose end differs from its start, found '%s'", s);
        return true;
    }
    if (end < start)
        end += 24 * 60; /* runs past midnight */
    jm_week_add(w, day, start, end);
    return true;
}

bool jm_jc_week(jm_jr *r, const cJSON *obj, const char *key, jm_week *out, bool *has)
{
    size_t m, before = r->errors;
    const cJSON *v = jm_jr_enter(r, obj, key, NULL, &m);
    if (!v)
        return false;
    jm_jr_check_names(r, v, jm_day_names, JM_DAY_COUNT);
    jm_week w;
    memset(&w, 0, sizeof w);
    for (int d = 0; d < JM_DAY_COUNT; d++) {
        day_ctx ctx = { d, &w };
        jm_jr_each(r, v, jm_day_names[d], NULL, read_range, &ctx);
    }
    jm_jr_pop(r, m);
    if (r->errors != before)
        return false;
    *out = w;
    *has = !jm_week_is_empty(&w);
    return true;
}

cJSON *jm_jc_week_json(const jm_week *w)
{
    cJSON *v = cJSON_CreateObject();
    if (!v)
        return NULL;
    for (int d = 0; d < 7; d++) {
        cJSON *arr = NULL;
        int s = 0;
        while (s < JM_SLOTS_PER_DAY) {
            if (!jm_week_get(w, d * JM_SLOTS_PER_DAY + s)) {
                s++;
                continue;
            }
            int e = s;
            while (e < JM_SLOTS_PER_DAY && jm_week_get(w, d * JM_SLOTS_PER_DAY + e))
                e++;
            int a = s * JM_SLOT_MINUTES, b = e * JM_SLOT_MINUTES;
            char buf[48];
            snprintf(buf, sizeof buf, "%02d:%02d-%02d:%02d", a / 60, a % 60, b / 60, b % 60);
            if (!arr && !(arr = cJSON_AddArrayToObject(v, jm_day_names[d]))) {
                cJSON_Delete(v);
                return NULL;
            }
            cJSON *str = cJSON_CreateString(buf);
            if (!str) {
                cJSON_Delete(v);
                return NULL;
            }
            cJSON_AddItemToArray(arr, str);
            s = e;
        }
    }
    return v;
}

/* ------------------------------------------------------------------------ */
/* RIASEC                                                                   */

static const char *const RIASEC_FIELDS[] = { "R", "I", "A", "S", "E", "C", "code", NULL };

bool jm_jc_riasec(jm_jr *r, const cJSON *obj, const char *key, jm_interests *out)
{
    size_t m, before = r->errors;
    const cJSON *v = jm_jr_enter(r, obj, key, RIASEC_FIELDS, &m);
    if (!v)
        return false;
    jm_interests in;
    memset(&in, 0, sizeof in);
    int given = 0;
    char missing[8] = "";
    size_t nmissing = 0;
    for (int k = 0; k < JM_RIASEC_COUNT; k++) {
        char name[2] = { jm_riasec_letters[k], '\0' };
        const cJSON *x = cJSON_GetObjectItemCaseSensitive(v, name);
        if (!x || cJSON_IsNull(x)) {
            missing[nmissing++] = jm_riasec_letters[k];
            missing[nmissing] = '\0';
            continue;
        }
        given++;
        jm_jr_number(r, v, name, 1, 7, &in.scores[k]);
    }
    if (given > 0 && given < JM_RIASEC_COUNT) {
        jm_buf b;
        jm_buf_init(&b);
        for (size_t i = 0; i < nmissing; i++)
            jm_buf_printf(&b, "%s'%c'", i ? ", " : "", missing[i]);
        jm_jr_error(r, JM_EINVAL, "expected all six RIASEC scores (R, I, A, S, E, C), missing %s",
                    b.data ? b.data : "some");
        jm_buf_free(&b);
    }
    in.has_scores = given == JM_RIASEC_COUNT;
    const char *code = NULL;
    if (jm_jr_string(r, v, "code", 16, &code)) {
        size_t n = strlen(code);
        bool ok = n >= 1 && n <= 3;
        char up[4] = "";
        for (size_t i = 0; ok && i < n; i++) {
            char c = code[i];
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
            if (!strchr(jm_riasec_letters, c) || c == '\0' || strchr(up, c))
                ok = false;
            up[i] = c;
            up[i + 1] = '\0';
        }
        if (!ok) {
            size_t mc = jm_jr_push_key(r, "code");
            jm_jr_error_term(r, JM_EINVAL, "1 to 3 distinct letters of RIASEC (\"SEC\")", code);
            jm_jr_pop(r, mc);
        } else {
            memcpy(in.code, up, sizeof in.code);
        }
    }
    jm_jr_pop(r, m);
    if (r->errors != before)
        return false;
    *out = in;
    return true;
}

bool jm_jc_riasec_known(const jm_interests *in)
{
    return in->has_scores || in->code[0] != '\0';
}

cJSON *jm_jc_riasec_json(const jm_interests *in)
{
    cJSON *v = cJSON_CreateObject();
    if (!v)
        return NULL;
    if (in->has_scores) {
        for (int k = 0; k < JM_RIASEC_COUNT; k++) {
            char name[2] = { jm_riasec_letters[k], '\0' };
            if (!jm_jc_add_number(v, name, in->scores[k])) {
                cJSON_Delete(v);
                return NULL;
            }
        }
    }
    if (in->code[0] && !jm_jc_add_string(v, "code", in->code)) {
        cJSON_Delete(v);
        return NULL;
    }
    return v;
}

/* ------------------------------------------------------------------------ */
/* Tristate, header                                                         */

bool jm_jc_tristate(jm_jr *r, const cJSON *obj, const char *key, int *out)
{
    bool b;
    if (!jm_jr_bool(r, obj, key, &b))
        return false;
    *out = b ? JM_YES : JM_NO;
    return true;
}

static const char *record_kind(const char *type)
{
    if (strcmp(type, "candidate") == 0)
        return "a candidate record";
    if (strcmp(type, "job") == 0)
        return "a job record";
    if (strcmp(type, "scoring_profile") == 0)
        return "a scoring profile";
    return NULL;
}

bool jm_jc_schema(jm_jr *r, const cJSON *obj)
{
    const char *schema = NULL;
    if (!jm_jr_string(r, obj, "schema", 64, &schema))
        return false;
    if (strcmp(schema, JM_SCHEMA) != 0) {
        size_t m = jm_jr_push_key(r, "schema");
        jm_jr_error_term(r, JM_EINVAL, "\"" JM_SCHEMA "\"", schema);
        jm_jr_pop(r, m);
    }
    return true;
}

void jm_jc_header(jm_jr *r, const cJSON *obj, const char *expected_type, bool required)
{
    const char *type = NULL;
    if (!jm_jc_schema(r, obj) && required && !jm_jc_present(obj, "schema")) {
        size_t m = jm_jr_push_key(r, "schema");
        jm_jr_error(r, JM_EINVAL, "missing required field 'schema' (expected \"" JM_SCHEMA "\")");
        jm_jr_pop(r, m);
    }
    if (jm_jr_string(r, obj, "type", 64, &type)) {
        if (expected_type && strcmp(type, expected_type) != 0) {
            size_t m = jm_jr_push_key(r, "type");
            const char *found = record_kind(type);
            const char *want = record_kind(expected_type);
            if (found) {
                jm_jr_error(r, JM_ETYPE, "expected %s, found %s", want ? want : expected_type, found);
            } else {
                char quoted[80];
                snprintf(quoted, sizeof quoted, "\"%s\"", expected_type);
                jm_jr_error_term(r, JM_EINVAL, quoted, type);
            }
            jm_jr_pop(r, m);
        }
    } else if (required && !jm_jc_present(obj, "type")) {
        size_t m = jm_jr_push_key(r, "type");
        jm_jr_error(r, JM_EINVAL, "missing required field 'type' (expected \"%s\")",
                    expected_type ? expected_type : "candidate");
        jm_jr_pop(r, m);
    }
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                  */

bool jm_jc_add_number(cJSON *obj, const char *key, double x)
{
    return cJSON_AddNumberToObject(obj, key, x) != NULL;
}

bool jm_jc_add_string(cJSON *obj, const char *key, const char *s)
{
    return !s || cJSON_AddStringToObject(obj, key, s) != NULL;
}

bool jm_jc_add_bool(cJSON *obj, const char *key, bool b)
{
    return cJSON_AddBoolToObject(obj, key, b) != NULL;
}

bool jm_jc_add_tristate(cJSON *obj, const char *key, int t)
{
    return t == JM_UNKNOWN || jm_jc_add_bool(obj, key, t == JM_YES);
}

bool jm_jc_add_item(cJSON *parent, const char *key, cJSON *item)
{
    if (!item)
        return false;
    if (key)
        return cJSON_AddItemToObject(parent, key, item) != 0;
    return cJSON_AddItemToArray(parent, item) != 0;
}

bool jm_jc_add_numbers(cJSON *obj, const char *key, const double *values, const char *const *names, int n)
{
    bool any = false;
    for (int k = 0; k < n; k++)
        any |= !isnan(values[k]);
    if (!any)
        return true;
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    if (!o)
        return false;
    for (int k = 0; k < n; k++)
        if (!isnan(values[k]) && !jm_jc_add_number(o, names[k], values[k]))
            return false;
    return true;
}

bool jm_jc_add_levels(cJSON *obj, const char *key, const jm_level_item *items, size_t n)
{
    if (!n)
        return true;
    cJSON *o = cJSON_AddObjectToObject(obj, key);
    if (!o)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!jm_jc_add_number(o, items[i].id, items[i].level))
            return false;
    return true;
}

bool jm_jc_add_strings(cJSON *obj, const char *key, char *const *v, size_t n)
{
    cJSON *a = cJSON_AddArrayToObject(obj, key);
    if (!a)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!jm_jc_add_item(a, NULL, cJSON_CreateString(v[i])))
            return false;
    return true;
}

bool jm_jc_add_location(cJSON *obj, double lat, double lon, const char *area)
{
    if (!isnan(lat) && !isnan(lon) &&
        (!jm_jc_add_number(obj, "lat", lat) || !jm_jc_add_number(obj, "lon", lon)))
        return false;
    return jm_jc_add_string(obj, "area", area);
}

int jm_jc_print(cJSON *tree, char **out)
{
    if (!tree)
        return jm_fail(JM_ENOMEM, "out of memory writing JSON");
    char *s = cJSON_Print(tree);
    cJSON_Delete(tree);
    if (!s)
        return jm_fail(JM_ENOMEM, "out of memory writing JSON");
    /* cJSON allocates with malloc (no hooks are installed): jm_free frees it */
    *out = s;
    return JM_OK;
}
