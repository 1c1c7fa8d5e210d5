/* The reporting side of a pair's evaluation: what factors tell the match. */
#include <stdlib.h>
#include <string.h>

#include "engine_impl.h"
#include "eval.h"
#include "match_impl.h"

static void oom(jm_eval *ev)
{
    if (!ev->error)
        ev->error = JM_ENOMEM;
}

static char *vformat(jm_eval *ev, const char *fmt, va_list ap)
{
    jm_buf b;
    jm_buf_init(&b);
    jm_buf_vprintf(&b, fmt, ap);
    char *s = jm_buf_take(&b);
    if (!s)
        oom(ev);
    return s;
}

/* Grows one of the match's arrays by one element; NULL on ENOMEM. */
static void *push(jm_eval *ev, void **items, size_t *n, size_t *cap, size_t elem)
{
    if (jm_grow(items, cap, *n + 1, elem) != JM_OK) {
        oom(ev);
        return NULL;
    }
    char *slot = (char *)*items + (*n)++ * elem;
    memset(slot, 0, elem);
    return slot;
}

/* Records the value in ev->fv; the stored score. */
static double store_value(jm_eval *ev, int factor, bool has_data, double score)
{
    jm_factor_value *v = &ev->fv[factor];
    v->reported = true;
    v->has_data = has_data;
    v->score = has_data ? jm_eval_clamped(score) : NAN;
    return v->score;
}

static void report(jm_eval *ev, int factor, bool has_data, double score, const char *fmt,
                   va_list ap)
{
    if (factor < 0 || factor >= JM_FACTOR_COUNT)
        return;
    score = store_value(ev, factor, has_data, score);
    if (!ev->m)
        return;
    jm_factor_entry *e = &ev->m->factors[factor];
    char *detail = vformat(ev, fmt, ap);
    if (!detail)
        return;
    free(e->detail);
    e->detail = detail;
    e->reported = true;
    e->has_data = has_data;
    e->score = score;
}

void jm_eval_score(jm_eval *ev, int factor, double score, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ev, factor, true, score, fmt, ap);
    va_end(ap);
}

void jm_eval_nodata(jm_eval *ev, int factor, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ev, factor, false, NAN, fmt, ap);
    va_end(ap);
}

int jm_eval_add_exclusion(jm_eval *ev, const char *entry, const char *reason, const char *lift)
{
    struct jm_match *m = ev->m;
    ev->n_excluded++;
    if (!m)
        return JM_OK;
    void *items = m->exclusions;
    jm_excl_entry *x = push(ev, &items, &m->n_exclusions, &m->cap_exclusions, sizeof *x);
    m->exclusions = items;
    if (!x)
        return JM_ENOMEM;
    x->factor = jm_strdup(entry);
    x->reason = jm_strdup(reason ? reason : "");
    x->lift = jm_strdup(lift ? lift : "");
    if (!x->factor || !x->reason || !x->lift) {
        free(x->factor);
        free(x->reason);
        free(x->lift);
        m->n_exclusions--;
        oom(ev);
        return JM_ENOMEM;
    }
    return JM_OK;
}

void jm_eval_exclude(jm_eval *ev, int factor, const char *lift, const char *fmt, ...)
{
    if (factor < 0 || factor >= JM_FACTOR_COUNT)
        return;
    if (!ev->m) {
        ev->n_excluded++;
        return;
    }
    va_list ap;
    va_start(ap, fmt);
    char *reason = vformat(ev, fmt, ap);
    va_end(ap);
    if (!reason)
        return;
    if (jm_eval_add_exclusion(ev, jm_factor_name(factor), reason, lift) == JM_OK)
        ev->m->factors[factor].excluded = true;
    free(reason);
}

void jm_eval_skill(jm_eval *ev, const jm_job_skill *skill, bool matched, double cand_level,
                   double credit)
{
    struct jm_match *m = ev->m;
    if (!m)
        return;
    void *items = m->skills;
    jm_skill_entry *s = push(ev, &items, &m->n_skills, &m->cap_skills, sizeof *s);
    m->skills = items;
    if (!s)
        return;
    s->id = jm_strdup(skill->id);
    s->label = jm_strdup(skill->label ? skill->label : "");
    if (!s->id || !s->label) {
        free(s->id);
        free(s->label);
        m->n_skills--;
        oom(ev);
        return;
    }
    s->essential = skill->essential;
    s->trainable = skill->trainable != JM_NO;
    s->matched = matched;
    s->required_level = skill->level;
    s->candidate_level = cand_level;
    s->credit = jm_clamp(credit, 0.0, 1.0);
}

void jm_eval_training(jm_eval *ev, int kind, const char *id, const char *label, bool essential,
                      double gap_levels, double effort_hours, const char *by)
{
    struct jm_match *m = ev->m;
    if (!m)
        return;
    void *items = m->training;
    jm_training_entry *t = push(ev, &items, &m->n_training, &m->cap_training, sizeof *t);
    m->training = items;
    if (!t)
        return;
    t->kind = kind;
    t->id = jm_strdup(id);
    t->label = jm_strdup(label ? label : id);
    t->by = jm_strdup(by ? by : "");
    if (!t->id || !t->label || !t->by) {
        free(t->id);
        free(t->label);
        free(t->by);
        m->n_training--;
        oom(ev);
        return;
    }
    t->essential = essential;
    t->gap_levels = gap_levels;
    t->effort_hours = effort_hours;
}

void jm_eval_support(jm_eval *ev, const char *need, const char *label, int intensity,
                     bool essential, int provider, const char *offer, double coach_hours,
                     const char *origin)
{
    struct jm_match *m = ev->m;
    if (!m)
        return;
    void *items = m->support;
    jm_support_entry *s = push(ev, &items, &m->n_support, &m->cap_support, sizeof *s);
    m->support = items;
    if (!s)
        return;
    s->need = jm_strdup(need);
    s->label = jm_strdup(label ? label : need);
    s->offer = jm_strdup(offer ? offer : "");
    s->origin = jm_strdup(origin ? origin : "stated");
    if (!s->need || !s->label || !s->offer || !s->origin) {
        free(s->need);
        free(s->label);
        free(s->offer);
        free(s->origin);
        m->n_support--;
        oom(ev);
        return;
    }
    s->intensity = intensity;
    s->essential = essential;
    s->provider = provider;
    s->coach_hours = coach_hours;
}

void jm_eval_note(jm_eval *ev, const char *fmt, ...)
{
    if (!ev->m)
        return;
    va_list ap;
    va_start(ap, fmt);
    char *note = vformat(ev, fmt, ap);
    va_end(ap);
    if (!note)
        return;
    /* The same advice from two factors is given once. */
    if (jm_strv_contains(ev->m->notes, ev->m->n_notes, note)) {
        free(note);
        return;
    }
    char **nv = realloc(ev->m->notes, (ev->m->n_notes + 1) * sizeof *nv);
    if (!nv) {
        free(note);
        oom(ev);
        return;
    }
    nv[ev->m->n_notes++] = note;
    ev->m->notes = nv;
}

void jm_eval_derive_need(jm_eval *ev, const char *dimension, const char *type, int intensity)
{
    for (size_t i = 0; i < ev->n_derived; i++) {
        jm_derived_need *d = &ev->derived[i];
        if (strcmp(d->type, type) != 0)
            continue;
        if (intensity > d->intensity) {
            d->intensity = intensity;
            d->dimension = dimension;
        }
        return;
    }
    if (ev->n_derived >= JM_MAX_DERIVED_NEEDS)
        return;
    ev->derived[ev->n_derived].dimension = dimension;
    ev->derived[ev->n_derived].type = type;
    ev->derived[ev->n_derived].intensity = intensity;
    ev->n_derived++;
}

int jm_eval_travel_time(jm_eval *ev, int mode, double *minutes)
{
    const struct jm_engine *e = ev->engine;
    if (!e || !e->travel)
        return JM_ENOTFOUND;
    double t = NAN;
    int rc = e->travel(ev->c, ev->j, mode, &t, e->travel_payload);
    if (rc == JM_ENOTFOUND)
        return JM_ENOTFOUND;
    if (rc != JM_OK || !isfinite(t) || t < 0) {
        jm_fail(JM_ECALLBACK, "travel-time source failed for candidate '%s', job '%s' (%s)",
                ev->c->id, ev->j->id,
                rc != JM_OK ? jm_strerror(rc) : "returned a negative or non-finite time");
        if (!ev->error)
            ev->error = JM_ECALLBACK;
        return JM_ECALLBACK;
    }
    *minutes = t;
    return JM_OK;
}
