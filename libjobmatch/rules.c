/* Custom rules: registration, verdicts and running them on a pair. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "match_impl.h"
#include "rules.h"

enum verdict_state { V_ABSTAIN, V_SCORE, V_VETO };

struct jm_verdict {
    enum verdict_state state;
    double score;
    bool bad_score; /* NaN given */
    jm_buf reason, lift, notes, failure;
};

void jm_verdict_score(jm_verdict *v, double score)
{
    if (!v)
        return;
    if (isnan(score)) {
        v->bad_score = true;
        return;
    }
    v->state = V_SCORE;
    v->score = jm_clamp(score, 0.0, 1.0);
}

void jm_verdict_abstain(jm_verdict *v)
{
    if (v)
        v->state = V_ABSTAIN;
}

void jm_verdict_veto(jm_verdict *v, const char *reason, const char *lift)
{
    if (!v)
        return;
    v->state = V_VETO;
    jm_buf_free(&v->reason);
    jm_buf_free(&v->lift);
    jm_buf_append(&v->reason, reason && reason[0] ? reason : "vetoed by the rule");
    jm_buf_append(&v->lift, lift ? lift : "");
}

void jm_verdict_note(jm_verdict *v, const char *text)
{
    if (!v || !text || !text[0])
        return;
    if (v->notes.len)
        jm_buf_append(&v->notes, "; ");
    jm_buf_append(&v->notes, text);
}

void jm_verdict_fail(jm_verdict *v, const char *message)
{
    if (!v)
        return;
    jm_buf_free(&v->failure);
    jm_buf_append(&v->failure, message ? message : "");
}

static bool rule_name_valid(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '.' || c == '-'))
            return false;
    }
    return true;
}

static jm_rule *find_rule(const jm_engine *e, const char *name, size_t *index)
{
    for (size_t i = 0; i < e->n_rules; i++) {
        if (strcmp(e->rules[i].name, name) == 0) {
            if (index)
                *index = i;
            return &e->rules[i];
        }
    }
    return NULL;
}

int jm_engine_add_rule(jm_engine *e, const char *name, double weight, jm_rule_fn fn,
                       void *payload, jm_payload_free_fn payload_free)
{
    int rc;
    if (!e || !fn) {
        rc = jm_fail(JM_EINVAL, "jm_engine_add_rule: engine and fn are required");
    } else if (!rule_name_valid(name)) {
        rc = jm_fail(JM_EINVAL, "jm_engine_add_rule: a rule name is 1 to 64 of A-Z a-z 0-9 _ . -");
    } else if (!(weight >= 0) || !isfinite(weight)) {
        rc = jm_fail(JM_EINVAL, "jm_engine_add_rule: rule '%s': weight must be a finite number >= 0",
                     name);
    } else if (find_rule(e, name, NULL)) {
        rc = jm_fail(JM_EEXISTS, "jm_engine_add_rule: a rule named '%s' is already registered", name);
    } else {
        void *items = e->rules;
        char *copy = jm_strdup(name), *entry = jm_strfmt("rule:%s", name);
        if (!copy || !entry || jm_grow(&items, &e->cap_rules, e->n_rules + 1, sizeof *e->rules)) {
            free(copy);
            free(entry);
            rc = jm_fail(JM_ENOMEM, "out of memory registering rule '%s'", name);
        } else {
            e->rules = items;
            e->rules[e->n_rules++] = (jm_rule){ copy, entry, weight, fn, payload, payload_free };
            return JM_OK;
        }
    }
    if (payload_free)
        payload_free(payload);
    return rc;
}

static void rule_release(jm_rule *r)
{
    free(r->name);
    free(r->entry_name);
    if (r->payload_free)
        r->payload_free(r->payload);
}

int jm_engine_remove_rule(jm_engine *e, const char *name)
{
    size_t i;
    if (!e || !name || !find_rule(e, name, &i))
        return jm_fail(JM_ENOTFOUND, "jm_engine_remove_rule: no rule named '%s'",
                       name ? name : "(null)");
    jm_rule r = e->rules[i];
    memmove(&e->rules[i], &e->rules[i + 1], (e->n_rules - i - 1) * sizeof *e->rules);
    e->n_rules--;
    rule_release(&r);
    return JM_OK;
}

size_t jm_engine_rule_count(const jm_engine *e)
{
    return e ? e->n_rules : 0;
}

void jm_rules_free_all(jm_engine *e)
{
    for (size_t i = 0; i < e->n_rules; i++)
        rule_release(&e->rules[i]);
    free(e->rules);
    e->rules = NULL;
    e->n_rules = e->cap_rules = 0;
}

static void verdict_free(jm_verdict *v)
{
    jm_buf_free(&v->reason);
    jm_buf_free(&v->lift);
    jm_buf_free(&v->notes);
    jm_buf_free(&v->failure);
}

/* Appends the rule's line to the breakdown from its verdict. */
static int record_verdict(jm_eval *ev, const jm_rule *r, const jm_verdict *v)
{
    struct jm_match *m = ev->m;
    if (!m) {
        /* numbers only: as the breakdown entry below would add up */
        jm_combine_add(&ev->acc, r->weight, v->state == V_SCORE, v->state == V_ABSTAIN, v->score);
        if (v->state == V_VETO)
            ev->n_excluded++;
        return JM_OK;
    }
    void *items = m->factors;
    if (jm_grow(&items, &m->cap_factors, m->n_factors + 1, sizeof *m->factors) != JM_OK)
        return JM_ENOMEM;
    m->factors = items;
    jm_factor_entry *e = &m->factors[m->n_factors];
    memset(e, 0, sizeof *e);
    e->weight = r->weight;
    e->score = NAN;
    e->reported = true;
    jm_buf detail;
    jm_buf_init(&detail);
    switch (v->state) {
    case V_SCORE:
        e->has_data = true;
        e->score = v->score;
        break;
    case V_ABSTAIN:
        e->abstained = true;
        jm_buf_append(&detail, "abstained");
        break;
    case V_VETO:
        e->excluded = true;
        jm_buf_append(&detail, v->reason.data ? v->reason.data : "vetoed");
        break;
    }
    if (v->notes.len) {
        if (detail.len)
            jm_buf_append(&detail, "; ");
        jm_buf_append(&detail, v->notes.data);
    }
    e->detail = jm_buf_take(&detail);
    e->name = jm_strdup(r->entry_name);
    if (!e->detail || !e->name) {
        free(e->detail);
        free(e->name);
        return JM_ENOMEM;
    }
    m->n_factors++;
    if (v->state == V_VETO)
        return jm_eval_add_exclusion(ev, r->entry_name, v->reason.data,
                                     v->lift.data ? v->lift.data : "");
    return JM_OK;
}

int jm_rules_run(jm_eval *ev)
{
    const jm_engine *e = ev->engine;
    for (size_t i = 0; i < e->n_rules; i++) {
        const jm_rule *r = &e->rules[i];
        jm_verdict v;
        memset(&v, 0, sizeof v);
        jm_buf_init(&v.reason);
        jm_buf_init(&v.lift);
        jm_buf_init(&v.notes);
        jm_buf_init(&v.failure);
        v.state = V_ABSTAIN;
        int rc = r->fn(ev->c, ev->j, &v, r->payload);
        if (rc != 0 || v.bad_score) {
            const char *msg = v.failure.len ? v.failure.data
                              : v.bad_score ? "the rule gave a score that is not a number"
                                            : "the rule returned an error";
            /* The rule's own message is the caller's text: kept whole. */
            jm_fail(JM_ECALLBACK, "rule '%s' failed: %s", r->name, msg);
            verdict_free(&v);
            return JM_ECALLBACK;
        }
        bool oom = v.reason.oom || v.lift.oom || v.notes.oom;
        rc = oom ? JM_ENOMEM : record_verdict(ev, r, &v);
        verdict_free(&v);
        if (rc != JM_OK)
            return rc;
    }
    return JM_OK;
}
