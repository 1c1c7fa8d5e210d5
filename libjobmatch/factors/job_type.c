/*
 * The job-type factor: the job's occupation against the job types the person
 * wants and avoids, and the evidence of their work history.
 *
 * Similarity of two occupations (jm_occ_similarity): 1 for the same ESCO
 * URI, O*NET-SOC code, ISCO/ESCO code or label (case-insensitive); partial
 * credit by the depth of the shared hierarchy: ISCO-08 digits (unit group,
 * 4 shared digits, 0.75; minor group, 3, 0.5; sub-major group, 2, 0.25) or
 * O*NET-SOC (same detailed SOC occupation "NN-NNNN" 0.75, broad group
 * "NN-NNN" 0.5, minor group "NN-N" 0.25); the best of these; else 0.
 *
 * Score: the best of weight x similarity over the wanted types and of
 * history_liked x similarity over the past jobs the person liked; times
 * history_disliked when the job resembles (similarity >= 0.75) a past job
 * they disliked.  With no wanted type and no liked past job, a resemblance
 * to a disliked one still scores (0.5 x history_disliked: a neutral base
 * lowered by the evidence); otherwise there is no preference data.
 *
 * An avoided job type with similarity >= avoid_similarity excludes the pair:
 * it is the person's own deal-breaker.
 */
#include "kernel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Resemblance to a disliked past job that lowers the score. */
#define JM_DISLIKED_SIMILARITY 0.75

static bool nonempty(const char *s)
{
    return s && *s;
}

static bool occ_known(const jm_occ *o)
{
    return nonempty(o->label) || nonempty(o->esco_uri) || nonempty(o->isco) ||
           nonempty(o->onet);
}

static bool is_digit(char ch)
{
    return ch >= '0' && ch <= '9';
}

void jm_occ_codes_of(const jm_occ *o, jm_occ_codes *out)
{
    memset(out, 0, sizeof *out);
    if (nonempty(o->isco)) {
        out->has_isco = 1;
        for (size_t i = 0; i < sizeof out->isco && o->isco[i]; i++)
            out->isco[i] = o->isco[i];
    }
    if (nonempty(o->onet)) {
        const char *s = o->onet;
        size_t len = strlen(s);
        out->has_onet = 1;
        out->onet_len = (uint8_t)(len < 7 ? len : 7);
        memcpy(out->onet, s, out->onet_len);
        out->onet_shape = len >= 4 && is_digit(s[0]) && is_digit(s[1]) && s[2] == '-' && is_digit(s[3]);
    }
}

/* Leading ISCO digits both codes share (0..4). */
static int isco_shared_digits(const char *a, const char *b)
{
    int n = 0;
    while (n < 4 && is_digit(a[n]) && a[n] == b[n])
        n++;
    return n;
}

/* O*NET-SOC partial credit; both codes have at least the shape "NN-N". */
static double onet_similarity(const jm_occ_codes *a, const jm_occ_codes *b)
{
    if (a->onet_len >= 7 && b->onet_len >= 7 && memcmp(a->onet, b->onet, 7) == 0)
        return 0.75; /* the same detailed SOC occupation */
    if (a->onet_len >= 6 && b->onet_len >= 6 && memcmp(a->onet, b->onet, 6) == 0)
        return 0.5; /* broad group */
    if (memcmp(a->onet, b->onet, 4) == 0)
        return 0.25; /* minor group */
    return 0.0;
}

double jm_occ_partial_similarity(const jm_occ_codes *a, const jm_occ_codes *b)
{
    double best = 0.0;
    if (a->has_isco && b->has_isco) {
        static const double by_digits[5] = {0.0, 0.0, 0.25, 0.5, 0.75};
        best = by_digits[isco_shared_digits(a->isco, b->isco)];
    }
    if (a->has_onet && b->has_onet && a->onet_shape && b->onet_shape)
        best = fmax(best, onet_similarity(a, b));
    return best;
}

double jm_occ_similarity(const jm_occ *a, const jm_occ *b)
{
    if (!a || !b)
        return 0.0;
    if (nonempty(a->esco_uri) && nonempty(b->esco_uri) && strcmp(a->esco_uri, b->esco_uri) == 0)
        return 1.0;
    if (nonempty(a->onet) && nonempty(b->onet) && strcmp(a->onet, b->onet) == 0)
        return 1.0;
    if (nonempty(a->isco) && nonempty(b->isco) && strcmp(a->isco, b->isco) == 0)
        return 1.0;
    if (nonempty(a->label) && nonempty(b->label) && jm_strcasecmp(a->label, b->label) == 0)
        return 1.0;
    jm_occ_codes ca, cb;
    jm_occ_codes_of(a, &ca);
    jm_occ_codes_of(b, &cb);
    return jm_occ_partial_similarity(&ca, &cb);
}

/* The same on compiled occupations: ids stand for the strings. */
static double cocc_similarity(const jm_cocc *a, const jm_cocc *b)
{
    if ((a->esco && a->esco == b->esco) || (a->onet && a->onet == b->onet) ||
        (a->isco && a->isco == b->isco) || (a->label && a->label == b->label))
        return 1.0;
    return jm_occ_partial_similarity(&a->codes, &b->codes);
}

size_t jm_cocc_keys(const jm_cocc *o, uint64_t keys[JM_OCC_KEYS])
{
    enum { ESCO = 1, ONET, ISCO, LABEL, ISCO_SUB_MAJOR, ONET_MINOR };
    size_t n = 0;
    /* (a valid O*NET code has the minor group's shape, so the minor group
     * key covers its exact matches too; the id keeps the rule whole) */
    const uint32_t ids[4] = { o->esco, o->onet, o->isco, o->label };
    for (int k = 0; k < 4; k++)
        if (ids[k])
            keys[n++] = (uint64_t)(ESCO + k) << 32 | ids[k];
    const jm_occ_codes *c = &o->codes;
    /* isco_shared_digits counts two only over two digits */
    if (c->has_isco && is_digit(c->isco[0]) && is_digit(c->isco[1]))
        keys[n++] = (uint64_t)ISCO_SUB_MAJOR << 32 | (uint32_t)(unsigned char)c->isco[0] << 8 |
                    (unsigned char)c->isco[1];
    /* onet_similarity gives credit only where the first four bytes agree */
    if (c->has_onet && c->onet_shape) {
        uint32_t minor = 0;
        for (int i = 0; i < 4; i++)
            minor = minor << 8 | (unsigned char)c->onet[i];
        keys[n++] = (uint64_t)ONET_MINOR << 32 | minor;
    }
    return n;
}

/* What a candidate's occupation references tell of one job's occupation,
 * added one reference at a time (ref_evidence) and then scored
 * (evidence_value). */
typedef struct evidence {
    double best;         /* the best of weight x similarity and history_liked x similarity */
    bool disliked;       /* resembles a past job the person disliked */
    unsigned exclusions; /* avoided job types it resembles */
} evidence;

/* Adds reference i of c's (wanted, then avoided, then past jobs), of
 * similarity sim to the job's occupation, to e.  A reference of
 * similarity 0 adds nothing: an avoided type excludes and a disliked past
 * job lowers only above 0, and a product of 0 is not above best (at least
 * 0); the liked past jobs are counted apart (positive_evidence). */
static JM_ALWAYS_INLINE void ref_evidence(const jm_ccands *cs, const jm_ccand *c, const jm_cocc_ref *ref, size_t i,
                                          double sim, const jm_thresholds *th, evidence *e)
{
    double s = 0.0;
    if (i < c->n_wanted) {
        s = *(const double *)jm_blockpool_at(&cs->weights, ref->weight) * sim; /* usable */
    } else if (i < (size_t)c->n_wanted + c->n_avoided) {
        if (sim > 0.0 && sim >= th->avoid_similarity)
            e->exclusions++;
    } else if (ref->liked == JM_YES) {
        s = th->history_liked * sim;
    } else if (ref->liked == JM_NO && sim >= JM_DISLIKED_SIMILARITY) {
        e->disliked = true;
    }
    if (s > e->best)
        e->best = s;
}

/* Whether c has positive evidence at all: a wanted type or a liked past job. */
static bool positive_evidence(const jm_ccands *cs, const jm_ccand *c)
{
    if (c->n_wanted > 0)
        return true;
    const jm_cocc_ref *history = cs->occ_refs + c->occs + c->n_wanted + c->n_avoided;
    for (size_t i = 0; i < c->n_history; i++)
        if (history[i].liked == JM_YES)
            return true;
    return false;
}

static JM_ALWAYS_INLINE void evidence_value(const evidence *e, bool positive, const jm_thresholds *th,
                                            jm_job_type_value *out)
{
    out->exclusions = e->exclusions;
    if (!positive && !e->disliked) {
        out->score = out->value = NAN; /* no preference data */
        out->has_data = false;
        return;
    }
    double s = !positive ? 0.5 * th->history_disliked : e->best;
    if (positive && e->disliked)
        s *= th->history_disliked;
    out->score = s;
    out->value = jm_eval_clamped(s);
    out->has_data = true;
}

void jm_job_type_of(const jm_ccands *cs, const jm_ccand *c, const jm_cocc *jo,
                    const jm_thresholds *th, jm_job_type_value *out)
{
    if (!jo) { /* the job's occupation is unknown */
        out->score = out->value = NAN;
        out->has_data = false;
        out->exclusions = 0;
        return;
    }
    const jm_cocc_ref *refs = cs->occ_refs + c->occs;
    const size_t n_refs = (size_t)c->n_wanted + c->n_avoided + c->n_history;
    evidence e = { 0.0, false, 0 };
    for (size_t i = 0; i < n_refs; i++)
        ref_evidence(cs, c, &refs[i], i, cocc_similarity(jm_blockpool_at(&cs->occs, refs[i].occ), jo), th, &e);
    evidence_value(&e, positive_evidence(cs, c), th, out);
}

/* The first of js's occupation keys not below key. */
static size_t occ_key_lower(const jm_cjobs *js, uint64_t key)
{
    size_t lo = 0, hi = js->n_occ_keys;
    while (lo < hi) {
        const size_t mid = lo + (hi - lo) / 2;
        if (js->occ_keys[mid].key < key)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void jm_job_types_fill(const jm_ccands *cs, const jm_ccand *c, const jm_cjobs *js, const jm_thresholds *th,
                       jm_job_type_value *out, uint64_t *near, uint64_t *near_refs)
{
    const size_t groups = js->n_groups - 1; /* the last: occupation unknown */
    /* every similarity 0, as to an occupation with no id and no code */
    static const jm_cocc ALIKE_TO_NONE;
    jm_job_type_value base;
    jm_job_type_of(cs, c, &ALIKE_TO_NONE, th, &base);
    for (size_t g = 0; g < groups; g++)
        out[g] = base;
    jm_job_type_of(cs, c, NULL, th, &out[groups]);

    /* the groups alike to a reference, and which references they are (of
     * the first 64; a group alike to a later one is scored in full) */
    const jm_cocc_ref *refs = cs->occ_refs + c->occs;
    const size_t n_refs = (size_t)c->n_wanted + c->n_avoided + c->n_history;
    for (size_t i = 0; i < n_refs; i++) {
        uint64_t keys[JM_OCC_KEYS];
        const uint64_t bit = i < 64 ? (uint64_t)1 << i : ~(uint64_t)0;
        const size_t n_keys = jm_cocc_keys(jm_blockpool_at(&cs->occs, refs[i].occ), keys);
        for (size_t k = 0; k < n_keys; k++)
            for (size_t at = occ_key_lower(js, keys[k]); at < js->n_occ_keys && js->occ_keys[at].key == keys[k];
                 at++) {
                const uint32_t g = js->occ_keys[at].group;
                near[g >> 6] |= (uint64_t)1 << (g & 63);
                near_refs[g] |= bit;
            }
    }
    const bool positive = positive_evidence(cs, c);
    for (size_t w = 0; w <= groups >> 6; w++) {
        uint64_t bits = near[w];
        near[w] = 0;
        for (; bits; bits &= bits - 1) {
            const uint32_t g = (uint32_t)(w << 6 | (size_t)__builtin_ctzll(bits));
            const jm_cocc *jo = jm_blockpool_at(&js->occs, g);
            const uint64_t alike = near_refs[g];
            near_refs[g] = 0;
            if (alike == ~(uint64_t)0) {
                jm_job_type_of(cs, c, jo, th, &out[g]);
                continue;
            }
            /* the other references' similarity is 0: they add nothing */
            evidence e = { 0.0, false, 0 };
            for (uint64_t left = alike; left; left &= left - 1) {
                const size_t i = (size_t)__builtin_ctzll(left);
                ref_evidence(cs, c, &refs[i], i, cocc_similarity(jm_blockpool_at(&cs->occs, refs[i].occ), jo), th,
                             &e);
            }
            evidence_value(&e, positive, th, &out[g]);
        }
    }
}

static JM_ALWAYS_INLINE double job_type_value(const jm_cpair *pc, const jm_cjob *j,
                                              const jm_thresholds *th, unsigned *excl)
{
    jm_job_type_value v;
    if (pc->job_types) {
        v = pc->job_types[jm_cjob_group(pc->js, j)];
    } else {
        const jm_cocc *jo = j->occ == JM_NO_BLOCK ? NULL : jm_blockpool_at(&pc->js->occs, j->occ);
        jm_job_type_of(pc->cs, pc->c, jo, th, &v);
    }
    *excl += v.exclusions;
    return v.value;
}
JM_KERNEL_DEFINE_PAIR(job_type, JM_FACTOR_JOB_TYPE)

/* The block form: with the row's values by group (pc->job_types, the
 * usual case) a load a job; else job_type_value job by job. */
JM_BLOCK_CLONES
void jm_kblock_job_type(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                        double *restrict out, unsigned char *restrict excl)
{
    const jm_job_type_value *by_group = pc->job_types;
    if (!by_group) {
        for (size_t k = 0; k < n; k++) {
            unsigned x = 0;
            out[k] = job_type_value(pc, &jobs[k], th, &x);
            excl[k] |= (unsigned char)(x != 0);
        }
        return;
    }
    for (size_t k = 0; k < n; k++) {
        const jm_job_type_value *v = &by_group[jm_cjob_group(pc->js, &jobs[k])];
        out[k] = v->value;
        excl[k] |= (unsigned char)(v->exclusions != 0);
    }
}

/* A readable name for an occupation: its label, else a code. */
static const char *occ_name(const jm_occ *o, char *buf, size_t size)
{
    if (nonempty(o->label))
        return o->label;
    if (nonempty(o->isco))
        snprintf(buf, size, "ISCO %s", o->isco);
    else if (nonempty(o->onet))
        snprintf(buf, size, "O*NET %s", o->onet);
    else if (nonempty(o->esco_uri))
        return o->esco_uri;
    else
        snprintf(buf, size, "unnamed job type");
    return buf;
}

static const char *closeness(double sim)
{
    if (sim >= 1.0)
        return "matches";
    if (sim >= 0.75)
        return "closely related to";
    if (sim >= 0.5)
        return "related to";
    return "loosely related to";
}

void jm_factor_job_type(jm_eval *ev)
{
    const int F = JM_FACTOR_JOB_TYPE;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;
    char nb[32], name_buf[96];

    if (!occ_known(&j->occ)) {
        jm_eval_nodata(ev, F, "the job's occupation is unknown");
        return;
    }

    /* Deal-breakers first: each avoided type the job resembles closely enough. */
    for (size_t i = 0; i < c->n_avoided; i++) {
        double sim = jm_occ_similarity(&c->avoided[i], &j->occ);
        if (sim > 0.0 && sim >= th->avoid_similarity)
            jm_eval_exclude(ev, F, "only if the person changes this preference",
                            "avoided job type: %s",
                            occ_name(&c->avoided[i], name_buf, sizeof name_buf));
    }

    /* Positive evidence: wanted types, then liked past jobs. */
    double best = 0.0;
    const jm_occ *best_occ = NULL;
    double best_sim = 0.0;
    bool best_from_history = false;
    size_t n_liked = 0;
    for (size_t i = 0; i < c->n_wanted; i++) {
        double w = c->wanted[i].weight;
        if (isnan(w) || w <= 0.0)
            w = 1.0;
        double sim = jm_occ_similarity(&c->wanted[i].occ, &j->occ);
        double s = w * sim;
        if (s > best) {
            best = s;
            best_occ = &c->wanted[i].occ;
            best_sim = sim;
            best_from_history = false;
        }
    }
    const jm_occ *disliked = NULL;
    for (size_t i = 0; i < c->n_history; i++) {
        const jm_history *h = &c->history[i];
        double sim = jm_occ_similarity(&h->occ, &j->occ);
        if (h->liked == JM_YES) {
            n_liked++;
            double s = th->history_liked * sim;
            if (s > best) {
                best = s;
                best_occ = &h->occ;
                best_sim = sim;
                best_from_history = true;
            }
        } else if (h->liked == JM_NO && sim >= JM_DISLIKED_SIMILARITY && !disliked) {
            disliked = &h->occ;
        }
    }

    const bool positive = c->n_wanted > 0 || n_liked > 0;
    if (!positive && !disliked) {
        if (c->n_wanted == 0 && c->n_history == 0)
            jm_eval_nodata(ev, F, "the person named no wanted job types and no work history");
        else
            jm_eval_nodata(ev, F, "no wanted job types, and no past job the person liked");
        return;
    }
    if (!jm_eval_explaining(ev)) {
        /* the score as below, without the text */
        double s = !positive ? 0.5 * th->history_disliked : best;
        if (positive && disliked)
            s *= th->history_disliked;
        jm_eval_value(ev, F, s);
        return;
    }

    jm_buf d;
    jm_buf_init(&d);
    double score;
    if (!positive) {
        score = 0.5 * th->history_disliked;
        jm_buf_printf(&d, "no wanted job types; resembles a past job the person disliked: %s",
                      occ_name(disliked, name_buf, sizeof name_buf));
    } else {
        score = best;
        if (best_occ) {
            jm_buf_printf(&d, "%s %s: %s (similarity %s", closeness(best_sim),
                          best_from_history ? "a past job the person liked" : "wanted job type",
                          occ_name(best_occ, name_buf, sizeof name_buf), jm_num(nb, best_sim));
            /* Say why the score is below the similarity: the item's weight. */
            if (best < best_sim)
                jm_buf_printf(&d, ", weight %s", jm_num(nb, best / best_sim));
            jm_buf_append(&d, ")");
        } else if (c->n_wanted > 0) {
            jm_buf_append(&d, "not among the wanted job types (");
            size_t shown = c->n_wanted < 3 ? c->n_wanted : 3;
            for (size_t i = 0; i < shown; i++)
                jm_buf_printf(&d, "%s%s", i ? ", " : "",
                              occ_name(&c->wanted[i].occ, name_buf, sizeof name_buf));
            if (c->n_wanted > shown)
                jm_buf_printf(&d, " and %zu more", c->n_wanted - shown);
            jm_buf_append(&d, ")");
        } else {
            jm_buf_append(&d, "unlike any past job the person liked");
        }
        if (disliked) {
            score *= th->history_disliked;
            jm_buf_printf(&d, "; resembles a past job the person disliked: %s",
                          occ_name(disliked, name_buf, sizeof name_buf));
        }
    }
    char *text = jm_buf_take(&d);
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);
}
