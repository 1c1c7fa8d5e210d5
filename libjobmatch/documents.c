/*
 * Documents: a record, an array of records, a collection or JSON Lines
 * (docs/FORMAT.md, "Documents"), read into candidate and job sets or only
 * checked (jm_validate).  Every problem is reported; a load that fails
 * leaves the set exactly as it was.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diags.h"
#include "json_common.h"
#include "jsonsyntax.h"
#include "loader.h"
#include "sets.h"

/* ------------------------------------------------------------------------ */
/* Ids seen in one document: a small open-addressing hash set.              */

static size_t hash_str(const char *s)
{
    size_t h = 1469598103934665603ull & (size_t)-1;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ull;
    return h;
}

static void ids_free(id_set *s)
{
    for (size_t i = 0; i < s->cap; i++) {
        free(s->slots[i].id);
        free(s->slots[i].where);
    }
    free(s->slots);
    s->slots = NULL;
    s->cap = s->n = 0;
}

static const id_entry *ids_find(const id_set *s, const char *id)
{
    if (!s->cap)
        return NULL;
    for (size_t i = hash_str(id) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
        if (!s->slots[i].id)
            return NULL;
        if (strcmp(s->slots[i].id, id) == 0)
            return &s->slots[i];
    }
}

/* Adds id; JM_OK or JM_ENOMEM. */
static int ids_add(id_set *s, const char *id, const char *where, int line)
{
    if ((s->n + 1) * 2 > s->cap) {
        size_t ncap = s->cap ? s->cap * 2 : 64;
        id_entry *ns = calloc(ncap, sizeof *ns);
        if (!ns)
            return JM_ENOMEM;
        for (size_t i = 0; i < s->cap; i++) {
            if (!s->slots[i].id)
                continue;
            size_t k = hash_str(s->slots[i].id) & (ncap - 1);
            while (ns[k].id)
                k = (k + 1) & (ncap - 1);
            ns[k] = s->slots[i];
        }
        free(s->slots);
        s->slots = ns;
        s->cap = ncap;
    }
    char *w = jm_strdup(where);
    char *copy = jm_strdup(id);
    if (!w || !copy) {
        free(w);
        free(copy);
        return JM_ENOMEM;
    }
    size_t k = hash_str(id) & (s->cap - 1);
    while (s->slots[k].id)
        k = (k + 1) & (s->cap - 1);
    s->slots[k].id = copy;
    s->slots[k].where = w;
    s->slots[k].line = line;
    s->n++;
    return JM_OK;
}

/* ------------------------------------------------------------------------ */
/* The loader                                                               */


static void loader_free_records(loader *ld)
{
    for (size_t i = 0; i < ld->n_cands; i++)
        jm_candidate_free(ld->cands[i]);
    for (size_t i = 0; i < ld->n_jobs; i++)
        jm_job_free(ld->jobs[i]);
    free(ld->cands);
    free(ld->jobs);
    ld->cands = NULL;
    ld->jobs = NULL;
    ld->n_cands = ld->n_jobs = ld->cap_cands = ld->cap_jobs = 0;
}

void jm_loader_free(loader *ld)
{
    loader_free_records(ld);
    ids_free(&ld->cand_ids);
    ids_free(&ld->job_ids);
}

/* Reports a duplicate or records the id; false when the id was a duplicate. */
static bool check_id(loader *ld, id_set *ids, const char *id, bool in_set)
{
    jm_jr *r = &ld->r;
    size_t m = jm_jr_push_key(r, "id");
    const id_entry *e = ids_find(ids, id);
    bool ok = true;
    char shown[JM_JR_ID_SHOWN_MAX + 3];
    if (e || in_set)
        jm_jr_quote_id(id, shown, sizeof shown);
    if (e) {
        if (e->where[0] && e->line)
            jm_jr_error(r, JM_EEXISTS, "duplicate id %s: already used by the record at %s (line %d)", shown,
                        e->where, e->line);
        else if (e->where[0])
            jm_jr_error(r, JM_EEXISTS, "duplicate id %s: already used by the record at %s", shown, e->where);
        else if (e->line)
            jm_jr_error(r, JM_EEXISTS, "duplicate id %s: already used by the record on line %d", shown, e->line);
        else
            jm_jr_error(r, JM_EEXISTS, "duplicate id %s", shown);
        ok = false;
    } else if (in_set) {
        jm_jr_error(r, JM_EEXISTS, "duplicate id %s: the set already holds a record with this id", shown);
        ok = false;
    }
    jm_jr_pop(r, m);
    if (!e) {
        /* the path of the record is the current path */
        if (ids_add(ids, id, r->path, r->line) != JM_OK)
            jm_jc_nomem(r);
    }
    return ok;
}

static void keep_candidate(loader *ld, jm_candidate *c)
{
    if (!ld->keep || !jm_jc_push(&ld->r, (void **)&ld->cands, &ld->n_cands, &ld->cap_cands, &c, sizeof c))
        jm_candidate_free(c);
}

static void keep_job(loader *ld, jm_job *j)
{
    if (!ld->keep || !jm_jc_push(&ld->r, (void **)&ld->jobs, &ld->n_jobs, &ld->cap_jobs, &j, sizeof j))
        jm_job_free(j);
}

/* A scoring profile inside a document (validate only): checked by the
 * profile reader on its own text; its diagnostics are re-rooted at the
 * current path. */
static void check_profile(loader *ld, const cJSON *obj, const char *own_text, size_t own_len)
{
    jm_jr *r = &ld->r;
    char *text = NULL;
    size_t len = own_len;
    if (!own_text) {
        text = cJSON_PrintUnformatted(obj);
        if (!text) {
            jm_jc_nomem(r);
            return;
        }
        len = strlen(text);
    }
    jm_diags *sub = NULL;
    if (jm_diags_new(&sub) != JM_OK) {
        free(text);
        jm_jc_nomem(r);
        return;
    }
    jm_load_options o = *r->opts;
    o.version = JM_LOAD_OPTIONS_VERSION;
    o.unknown_fields = JM_POLICY_ERROR;
    o.source = r->source;
    jm_profile *p = NULL;
    int rc = jm_profile_from_json(own_text ? own_text : text, len, &o, sub, &p);
    jm_profile_free(p);
    for (size_t i = 0; i < jm_diags_count(sub); i++) {
        jm_diag g;
        jm_diags_get(sub, i, &g);
        /* re-root the path: "weights.skills" inside "[2]" is "[2].weights.skills" */
        jm_buf path;
        jm_buf_init(&path);
        jm_buf_append(&path, r->path);
        if (r->path_len && g.path[0] && g.path[0] != '[')
            jm_buf_append(&path, ".");
        jm_buf_append(&path, g.path);
        int line = own_text ? g.line : r->line;
        int column = own_text ? g.column : 0;
        if (g.severity == JM_SEVERITY_ERROR) {
            if (r->errors++ == 0)
                r->first_code = g.code;
        } else {
            r->warnings++;
        }
        jm_diags_add(r->diags, g.severity, g.code, r->source, path.oom ? "" : path.data, line, column,
                     g.message);
        jm_buf_free(&path);
    }
    if (rc != JM_OK && jm_diags_count(sub) == 0) {
        if (r->errors++ == 0)
            r->first_code = rc;
        jm_diags_add(r->diags, JM_SEVERITY_ERROR, rc, r->source, r->path, r->line, 0, jm_last_error());
    }
    jm_diags_free(sub);
    free(text);
}

static const char *record_type(const cJSON *obj)
{
    const cJSON *t = cJSON_GetObjectItemCaseSensitive(obj, "type");
    return cJSON_IsString(t) ? t->valuestring : NULL;
}

/* One record at the current path.  implied: the type a collection array
 * implies (NULL outside collections).  own_text: the record is the whole
 * document text (for a profile's exact positions). */
static void handle_record(loader *ld, const cJSON *obj, const char *implied, const char *own_text,
                          size_t own_len)
{
    jm_jr *r = &ld->r;
    bool header_required = implied == NULL;
    if (!cJSON_IsObject(obj)) {
        jm_jr_error(r, JM_EINVAL, "expected a record (an object), found %s", jm_json_type_name(obj));
        return;
    }
    int kind = ld->want;
    if (kind == JM_DOC_UNKNOWN) {
        const char *t = record_type(obj);
        if (!t)
            t = implied;
        if (t && strcmp(t, "candidate") == 0) {
            kind = JM_DOC_CANDIDATE;
        } else if (t && strcmp(t, "job") == 0) {
            kind = JM_DOC_JOB;
        } else if (t && strcmp(t, "scoring_profile") == 0 && !implied) {
            check_profile(ld, obj, own_text, own_len);
            return;
        } else {
            size_t m = jm_jr_push_key(r, "type");
            if (!jm_jc_present(obj, "type"))
                jm_jr_error(r, JM_EINVAL,
                            "missing required field 'type' (expected \"candidate\", \"job\" or \"scoring_profile\")");
            else if (t && jm_jr_is_term(t))
                jm_jr_error(r, JM_EINVAL,
                            "expected \"candidate\", \"job\" or \"scoring_profile\", found '%s'", t);
            else
                jm_jr_error(r, JM_EINVAL, "expected \"candidate\", \"job\" or \"scoring_profile\", found %s",
                            jm_json_type_name(cJSON_GetObjectItemCaseSensitive(obj, "type")));
            jm_jr_pop(r, m);
            return;
        }
    }
    /* ids are checked on the tree, so that a record with other errors
     * still counts for duplicates */
    const cJSON *idv = cJSON_GetObjectItemCaseSensitive(obj, "id");
    const char *type = record_type(obj);
    bool type_ok = !type || strcmp(type, kind == JM_DOC_CANDIDATE ? "candidate" : "job") == 0;
    if (type_ok && cJSON_IsString(idv) && jm_id_valid(idv->valuestring)) {
        if (kind == JM_DOC_CANDIDATE)
            check_id(ld, &ld->cand_ids, idv->valuestring,
                     ld->cset && jm_candidates_find(ld->cset, idv->valuestring));
        else
            check_id(ld, &ld->job_ids, idv->valuestring, ld->jset && jm_jobs_find(ld->jset, idv->valuestring));
    }
    if (kind == JM_DOC_CANDIDATE) {
        jm_candidate *c = jm_json_read_candidate(r, obj, header_required);
        if (c)
            keep_candidate(ld, c);
    } else {
        jm_job *j = jm_json_read_job(r, obj, header_required);
        if (j)
            keep_job(ld, j);
    }
}

typedef struct array_ctx {
    loader *ld;
    const char *implied;
} array_ctx;

static bool handle_element(jm_jr *r, const cJSON *e, size_t i, void *ctx)
{
    array_ctx *x = ctx;
    handle_record(x->ld, e, x->implied, NULL, 0);
    return true;
}

static void handle_array(loader *ld, const cJSON *arr, const char *implied)
{
    array_ctx x = { ld, implied };
    jm_jr_each_value(&ld->r, arr, NULL, handle_element, &x);
}

static const char *const COLLECTION_FIELDS[] = { "schema", "candidates", "jobs", NULL };

static void handle_collection(loader *ld, const cJSON *root)
{
    jm_jr *r = &ld->r;
    jm_jr_check_fields(r, root, COLLECTION_FIELDS);
    if (!jm_jc_schema(r, root) && !jm_jc_present(root, "schema"))
        jm_jc_missing(r, "schema");
    const cJSON *cands = jm_jr_array(r, root, "candidates");
    const cJSON *jobs = jm_jr_array(r, root, "jobs");
    if (ld->want == JM_DOC_CANDIDATE && !jm_jc_present(root, "candidates")) {
        jm_jr_error(r, JM_ETYPE, "expected a collection with \"candidates\", found %s",
                    jm_jc_present(root, "jobs") ? "one with jobs only" : "neither candidates nor jobs");
        return;
    }
    if (ld->want == JM_DOC_JOB && !jm_jc_present(root, "jobs")) {
        jm_jr_error(r, JM_ETYPE, "expected a collection with \"jobs\", found %s",
                    jm_jc_present(root, "candidates") ? "one with candidates only"
                                                      : "neither candidates nor jobs");
        return;
    }
    if (cands && ld->want != JM_DOC_JOB) {
        size_t m = jm_jr_push_key(r, "candidates");
        int save = ld->want;
        ld->want = JM_DOC_CANDIDATE;
        handle_array(ld, cands, "candidate");
        ld->want = save;
        jm_jr_pop(r, m);
    }
    if (jobs && ld->want != JM_DOC_CANDIDATE) {
        size_t m = jm_jr_push_key(r, "jobs");
        int save = ld->want;
        ld->want = JM_DOC_JOB;
        handle_array(ld, jobs, "job");
        ld->want = save;
        jm_jr_pop(r, m);
    }
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* JSON Lines: the first non-blank character is '{' and the text holds more
 * than one top-level value.  When the first value does not parse, a first
 * line that looks like a whole record followed by another line that opens
 * one is taken as JSON Lines too (so every line's errors are reported). */
static bool detect_json_lines(const char *text, size_t len)
{
    size_t i = 0;
    if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
        (unsigned char)text[2] == 0xBF)
        i = 3;
    while (i < len && is_blank(text[i]))
        i++;
    if (i >= len || text[i] != '{')
        return false;
    size_t end = 0;
    jm_syntax_error se;
    if (jm_json_check_syntax(text + i, len - i, SIZE_MAX, &end, &se)) {
        size_t k = i + end;
        while (k < len && is_blank(text[k]))
            k++;
        return k < len;
    }
    /* the first line, trimmed, ends with '}' and a later line starts with '{' */
    size_t eol = i;
    while (eol < len && text[eol] != '\n')
        eol++;
    size_t last = eol;
    while (last > i && is_blank(text[last - 1]))
        last--;
    if (last == i || text[last - 1] != '}')
        return false;
    size_t k = eol;
    while (k < len) {
        while (k < len && is_blank(text[k]))
            k++;
        if (k < len)
            return text[k] == '{';
    }
    return false;
}

bool jm_loader_json_lines_start(const char *first, size_t first_len, bool bom_allowed, const char *next,
                                size_t next_len)
{
    size_t i = 0;
    if (bom_allowed && first_len >= 3 && (unsigned char)first[0] == 0xEF && (unsigned char)first[1] == 0xBB &&
        (unsigned char)first[2] == 0xBF)
        i = 3;
    while (i < first_len && is_blank(first[i]))
        i++;
    if (i >= first_len || first[i] != '{' || !next)
        return false; /* not an object, or the only line: one document */
    /* As detect_json_lines: the first value ends on the first line (and
     * more follows), or the first line looks like a whole record and the
     * next one opens another.  A value that goes on past the first line
     * cannot be followed by a line starting with '{'. */
    size_t end = 0;
    jm_syntax_error se;
    if (jm_json_check_syntax(first + i, first_len - i, SIZE_MAX, &end, &se))
        return true;
    size_t last = first_len;
    while (last > i && is_blank(first[last - 1]))
        last--;
    size_t k = 0;
    while (k < next_len && is_blank(next[k]))
        k++;
    return first[last - 1] == '}' && k < next_len && next[k] == '{';
}

void jm_loader_read_line(loader *ld, const char *text, size_t len, int line)
{
    jm_jr *r = &ld->r;
    size_t b = 0, e = len;
    while (b < e && is_blank(text[b]))
        b++;
    bool bom_only = false;
    if (line == 1 && e - b >= 3 && (unsigned char)text[b] == 0xEF && (unsigned char)text[b + 1] == 0xBB &&
        (unsigned char)text[b + 2] == 0xBF) {
        size_t k = b + 3;
        while (k < e && is_blank(text[k]))
            k++;
        bom_only = k == e;
    }
    if (b < e && !bom_only) {
        r->line = line;
        cJSON *root = jm_jr_parse(r, text, len, line - 1);
        if (root) {
            handle_record(ld, root, NULL, NULL, 0);
            cJSON_Delete(root);
        }
        r->line = 0;
    }
}

static void read_json_lines(loader *ld, const char *text, size_t len)
{
    size_t pos = 0;
    int line = 1;
    while (pos < len) {
        size_t eol = pos;
        while (eol < len && text[eol] != '\n')
            eol++;
        jm_loader_read_line(ld, text + pos, eol - pos, line);
        pos = eol + 1;
        line++;
    }
}

int jm_loader_status(const loader *ld)
{
    if (ld->r.errors)
        return ld->r.first_code ? ld->r.first_code : JM_EINVAL;
    return JM_OK;
}

int jm_loader_read_document(loader *ld, const char *text, size_t len)
{
    jm_jr *r = &ld->r;
    if (!jm_jr_size_ok(r, len))
        return JM_ERANGE;
    if (detect_json_lines(text, len)) {
        read_json_lines(ld, text, len);
    } else {
        cJSON *root = jm_jr_parse(r, text, len, 0);
        if (root) {
            if (cJSON_IsArray(root)) {
                handle_array(ld, root, NULL);
            } else if (cJSON_IsObject(root)) {
                bool collection = !jm_jc_present(root, "type") &&
                                  (cJSON_GetObjectItemCaseSensitive(root, "candidates") ||
                                   cJSON_GetObjectItemCaseSensitive(root, "jobs"));
                if (collection)
                    handle_collection(ld, root);
                else
                    handle_record(ld, root, NULL, text, len);
            } else {
                jm_jr_error(r, JM_EINVAL,
                            "expected a record, an array of records or a collection (an object or an array), "
                            "found %s", jm_json_type_name(root));
            }
            cJSON_Delete(root);
        }
    }
    return jm_loader_status(ld);
}

void jm_loader_init(loader *ld, const jm_load_options *opts, jm_diags *diags, int want, const void *set)
{
    memset(ld, 0, sizeof *ld);
    jm_jr_init(&ld->r, opts, diags);
    ld->want = want;
    ld->keep = set != NULL;
    if (want == JM_DOC_CANDIDATE)
        ld->cset = set;
    else if (want == JM_DOC_JOB)
        ld->jset = set;
}

int jm_loader_commit(loader *ld, void *set)
{
    size_t dup = 0;
    const bool jobs = ld->want == JM_DOC_JOB;
    int rc = jobs ? jm_jobs_append(set, ld->jobs, ld->n_jobs, &dup)
                  : jm_candidates_append(set, ld->cands, ld->n_cands, &dup);
    if (rc == JM_OK) {
        ld->n_cands = ld->n_jobs = 0; /* the set owns them now */
    } else if (rc == JM_EEXISTS) {
        char shown[JM_JR_ID_SHOWN_MAX + 3];
        const char *id = jobs ? jm_job_id(ld->jobs[dup]) : jm_candidate_id(ld->cands[dup]);
        jm_jr_error(&ld->r, JM_EEXISTS, "duplicate id %s", jm_jr_quote_id(id, shown, sizeof shown));
    } else {
        jm_jc_nomem(&ld->r);
    }
    return rc;
}

static int check_args(const void *set, const char *text, const jm_load_options *opts, const char *fn)
{
    if (!set || !text)
        return jm_fail(JM_EINVAL, "%s: the set and the text are required", fn);
    if (opts && opts->version != JM_LOAD_OPTIONS_VERSION)
        return jm_fail(JM_EINVAL, "%s: unknown jm_load_options version %u", fn, opts->version);
    return JM_OK;
}

static int load_text(void *set, int want, const char *text, size_t len, const jm_load_options *opts,
                     jm_diags *diags, const char *fn)
{
    int rc = check_args(set, text, opts, fn);
    if (rc != JM_OK)
        return rc;
    loader ld;
    jm_loader_init(&ld, opts, diags, want, set);
    rc = jm_loader_read_document(&ld, text, len);
    if (rc == JM_OK)
        rc = jm_loader_commit(&ld, set);
    jm_loader_free(&ld);
    return rc;
}

int jm_candidates_load(jm_candidates *set, const char *text, size_t len, const jm_load_options *opts,
                       jm_diags *diags)
{
    return load_text(set, JM_DOC_CANDIDATE, text, len, opts, diags, "jm_candidates_load");
}

int jm_jobs_load(jm_jobs *set, const char *text, size_t len, const jm_load_options *opts, jm_diags *diags)
{
    return load_text(set, JM_DOC_JOB, text, len, opts, diags, "jm_jobs_load");
}

int jm_validate(const char *text, size_t len, const jm_load_options *opts, jm_diags *diags)
{
    if (!text)
        return jm_fail(JM_EINVAL, "jm_validate: text is required");
    if (opts && opts->version != JM_LOAD_OPTIONS_VERSION)
        return jm_fail(JM_EINVAL, "jm_validate: unknown jm_load_options version %u", opts->version);
    loader ld;
    jm_loader_init(&ld, opts, diags, JM_DOC_UNKNOWN, NULL);
    ld.r.unknown_fields_are_errors = true;
    int rc = jm_loader_read_document(&ld, text, len);
    jm_loader_free(&ld);
    return rc;
}

/* ------------------------------------------------------------------------ */
/* Writing sets                                                             */

static cJSON *collection(const char *key, cJSON **arr)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return NULL;
    if (!jm_jc_add_string(root, "schema", JM_SCHEMA) || !(*arr = cJSON_AddArrayToObject(root, key))) {
        cJSON_Delete(root);
        return NULL;
    }
    return root;
}

/* The tree of record i of a set (without header); NULL on ENOMEM. */
typedef cJSON *(*record_tree_fn)(const void *set, size_t i);

static cJSON *candidate_tree(const void *set, size_t i)
{
    return jm_json_candidate_tree(jm_candidates_get(set, i), false);
}

static cJSON *job_tree(const void *set, size_t i)
{
    return jm_json_job_tree(jm_jobs_get(set, i), false);
}

/* A collection {"schema", key: [records]} printed into *out. */
static int set_to_json(const char *key, const void *set, size_t n, record_tree_fn tree, char **out)
{
    cJSON *arr = NULL;
    cJSON *root = collection(key, &arr);
    for (size_t i = 0; root && i < n; i++) {
        cJSON *rec = tree(set, i);
        if (!rec || !cJSON_AddItemToArray(arr, rec)) {
            cJSON_Delete(rec);
            cJSON_Delete(root);
            root = NULL;
        }
    }
    return jm_jc_print(root, out);
}

int jm_candidates_to_json(const jm_candidates *set, char **out)
{
    if (!set || !out)
        return jm_fail(JM_EINVAL, "jm_candidates_to_json: set and out are required");
    return set_to_json("candidates", set, jm_candidates_count(set), candidate_tree, out);
}

int jm_jobs_to_json(const jm_jobs *set, char **out)
{
    if (!set || !out)
        return jm_fail(JM_EINVAL, "jm_jobs_to_json: set and out are required");
    return set_to_json("jobs", set, jm_jobs_count(set), job_tree, out);
}
