/*
 * The interests factor: the person's RIASEC (Holland) interests against the
 * occupation's, as in O*NET's Interest Profiler.
 *
 * With six scores on both sides: the Pearson correlation r of the two
 * profiles, mapped to (r + 1) / 2.  Otherwise (scores missing, or a profile
 * is flat so r is undefined) the first letters of the two high-point codes
 * are compared on Holland's hexagon (R-I-A-S-E-C in a ring): d steps apart
 * (0..3) scores 1 - d / 3.  A code comes from the record's "code", else from
 * its highest score (the first in RIASEC order on a tie).  Never a hard
 * exclusion.
 */
#include "kernel.h"

#include <math.h>

static const char riasec_letters[] = "RIASEC";

bool jm_riasec_centre(const double *a, double *dev, double *ss)
{
    double m = 0.0;
    for (int i = 0; i < JM_RIASEC_COUNT; i++) {
        if (isnan(a[i]))
            return false;
        m += a[i];
    }
    m /= JM_RIASEC_COUNT;
    *ss = 0.0;
    for (int i = 0; i < JM_RIASEC_COUNT; i++) {
        dev[i] = a[i] - m;
        *ss += dev[i] * dev[i];
    }
    return true;
}

/* The correlation from the two centred profiles: the factor code and the
 * kernel both compute it here (the same bits). */
static inline double correlation_centred(const double *da, double saa, const double *db, double sbb)
{
    if (saa <= 1e-12 || sbb <= 1e-12)
        return NAN;
    double sab = 0.0;
    for (int i = 0; i < JM_RIASEC_COUNT; i++)
        sab += da[i] * db[i];
    return jm_clamp(sab / sqrt(saa * sbb), -1.0, 1.0);
}

double jm_riasec_correlation(const double *a, const double *b)
{
    double da[JM_RIASEC_COUNT], db[JM_RIASEC_COUNT], saa, sbb;
    if (!jm_riasec_centre(a, da, &saa) || !jm_riasec_centre(b, db, &sbb))
        return NAN;
    return correlation_centred(da, saa, db, sbb);
}

static int letter_index(char ch)
{
    if (ch >= 'a' && ch <= 'z')
        ch = (char)(ch - 'a' + 'A');
    for (int i = 0; i < JM_RIASEC_COUNT; i++)
        if (riasec_letters[i] == ch)
            return i;
    return -1;
}

int jm_riasec_hexagon_distance(char a, char b)
{
    int ia = letter_index(a), ib = letter_index(b);
    if (ia < 0 || ib < 0)
        return -1;
    int d = ia > ib ? ia - ib : ib - ia;
    return d > 3 ? 6 - d : d;
}

/* The first letter of a record's code: given, else its highest score; 0 when
 * neither is usable (no code, and scores missing or all equal). */
char jm_riasec_leading_letter(const jm_interests *in)
{
    if (in->code[0] && letter_index(in->code[0]) >= 0)
        return riasec_letters[letter_index(in->code[0])];
    if (!in->has_scores)
        return 0;
    int best = 0;
    bool flat = true;
    for (int i = 0; i < JM_RIASEC_COUNT; i++) {
        if (isnan(in->scores[i]))
            return 0;
        if (in->scores[i] != in->scores[0])
            flat = false;
        if (in->scores[i] > in->scores[best])
            best = i;
    }
    return flat ? 0 : riasec_letters[best];
}

static const char *letter_name(char ch)
{
    static const char *const names[JM_RIASEC_COUNT] = {
        "realistic", "investigative", "artistic", "social", "enterprising", "conventional"};
    int i = letter_index(ch);
    return i >= 0 ? names[i] : "?";
}

static bool has_any(const jm_interests *in)
{
    return in->has_scores || in->code[0];
}

void jm_factor_interests(jm_eval *ev)
{
    const int F = JM_FACTOR_INTERESTS;
    const jm_interests *ci = &ev->c->interests, *ji = &ev->j->interests;
    char n1[32];

    if (!has_any(ci) || !has_any(ji)) {
        if (!has_any(ci) && !has_any(ji))
            jm_eval_nodata(ev, F, "neither the person's interests nor the job's are known");
        else if (!has_any(ci))
            jm_eval_nodata(ev, F, "the person's interests are unknown");
        else
            jm_eval_nodata(ev, F, "the job's interest profile is unknown");
        return;
    }

    if (ci->has_scores && ji->has_scores) {
        double r = jm_riasec_correlation(ci->scores, ji->scores);
        if (!isnan(r)) {
            if (jm_eval_explaining(ev))
                jm_eval_score(ev, F, (r + 1.0) / 2.0, "interest profiles correlate (r = %s)",
                              jm_num(n1, r));
            else
                jm_eval_value(ev, F, (r + 1.0) / 2.0);
            return;
        }
    }

    char a = jm_riasec_leading_letter(ci), b = jm_riasec_leading_letter(ji);
    if (!a || !b) {
        jm_eval_nodata(ev, F, "no interest code can be told on %s",
                       !a && !b ? "either side" : (!a ? "the person's side" : "the job's side"));
        return;
    }
    int d = jm_riasec_hexagon_distance(a, b);
    if (d == 0)
        jm_eval_score(ev, F, 1.0, "same leading interest: %c (%s)", a, letter_name(a));
    else
        jm_eval_score(ev, F, 1.0 - d / 3.0,
                      "person's leading interest %c (%s), job's %c (%s): %d step%s apart on the "
                      "RIASEC hexagon",
                      a, letter_name(a), b, letter_name(b), d, d == 1 ? "" : "s");
}

static JM_ALWAYS_INLINE double interests_compute(const jm_cpair *pc, const jm_cjob *j, const jm_thresholds *th,
                                                 unsigned *excl)
{
    (void)th, (void)excl;
    if (pc->c->interests == JM_NO_BLOCK || j->interests == JM_NO_BLOCK)
        return JM_KNODATA;
    double score = NAN;
    const jm_ccand_interests *ci = jm_blockpool_at(&pc->cs->interests, pc->c->interests);
    const jm_cinterests *ji = jm_blockpool_at(&pc->js->interests, j->interests);
    const jm_crow *row = pc->row; /* the candidate's scores centred once (jm_crow_fill) */
    if (row->int_centred && ji->has_scores && ji->centred) {
        /* centred as the job's were when compiled: the same bits as the factor code */
        const double r = correlation_centred(row->int_dev, row->int_ss, ji->dev, ji->ss);
        if (!isnan(r))
            score = (r + 1.0) / 2.0;
    }
    if (isnan(score) && ci->letter && ji->letter) {
        int d = jm_riasec_hexagon_distance(ci->letter, ji->letter);
        score = d == 0 ? 1.0 : 1.0 - d / 3.0;
    }
    return isnan(score) ? JM_KNODATA : jm_eval_clamped(score);
}
JM_MEMO_KERNEL_DEFINE(interests, JM_FACTOR_INTERESTS, JM_MEMO_INTERESTS, interests, interests)
