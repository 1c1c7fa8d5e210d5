/*
 * The skills factor: essential and optional coverage of the job's skills,
 * with levels.  Place, then train: a skill the job can teach on site keeps
 * partial credit and enters the training plan; a missing essential skill is
 * never a hard exclusion (zero exclusion), it only lowers this factor.
 *
 * A candidate with an empty skills list is read as holding none of the
 * job's skills (the job's list is data on its own side); trainable skills
 * keep their trainable credit, so such a person does not score 0 for a job
 * that trains what it asks for.
 */
#include "kernel.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

double jm_skill_credit(bool has, double cand_level, double required, bool trainable,
                       double trainable_credit)
{
    if (!has)
        return trainable ? jm_clamp(trainable_credit, 0.0, 1.0) : 0.0;
    if (isnan(cand_level) || isnan(required) || cand_level >= required || required <= 0.0)
        return 1.0;
    double r = cand_level > 0.0 ? cand_level / required : 0.0;
    if (trainable && r < trainable_credit)
        r = trainable_credit;
    return jm_clamp(r, 0.0, 1.0);
}

/* For each of the job's skills, the candidate's skill with its id (NULL
 * when missing), in the job's order: a merge of the two key indexes,
 * linear in the two lists, the ids compared where the keys agree. */
static void match_skills(const jm_candidate *c, const jm_job *j, const jm_skill **out)
{
    for (size_t i = 0; i < j->n_skills; i++)
        out[i] = NULL;
    size_t a = 0, b = 0;
    const jm_key_ref *ci = c->skill_index, *ji = j->skill_index;
    while (a < c->n_skills && b < j->n_skills) {
        if (ci[a].key < ji[b].key) {
            a++;
        } else if (ci[a].key > ji[b].key) {
            b++;
        } else {
            /* equal keys: every candidate skill of this key against this
             * job skill (the ids settle it; a true collision is rare) */
            const jm_job_skill *js = &j->skills[ji[b].pos];
            for (size_t k = a; k < c->n_skills && ci[k].key == ji[b].key; k++) {
                const jm_skill *cs = &c->skills[ci[k].pos];
                if (strcmp(cs->id, js->id) == 0) {
                    out[ji[b].pos] = cs;
                    break;
                }
            }
            b++;
        }
    }
}

enum { SKILLS_ON_STACK = 128 };

/* The factor's score from the essential and optional credits. */
static JM_ALWAYS_INLINE double combine(const jm_thresholds *th, jm_credits credits_ess, size_t n_ess,
                                       jm_credits credits_opt, size_t n_opt)
{
    const double sum_ess = jm_credits_value(credits_ess), sum_opt = jm_credits_value(credits_opt);
    if (n_ess && n_opt)
        return th->essential_share * (sum_ess / (double)n_ess)
               + (1.0 - th->essential_share) * (sum_opt / (double)n_opt);
    if (n_ess)
        return sum_ess / (double)n_ess;
    return sum_opt / (double)n_opt;
}

void jm_factor_skills(jm_eval *ev)
{
    const int F = JM_FACTOR_SKILLS;
    const jm_candidate *c = ev->c;
    const jm_job *j = ev->j;
    const jm_thresholds *th = &ev->p->th;

    if (j->n_skills == 0) {
        jm_eval_nodata(ev, F, "the job lists no skills");
        return;
    }

    const char *by = j->training_weeks > 0.0 ? "employer training" : "job coach";
    const bool explain = jm_eval_explaining(ev);
    jm_credits sum_ess = 0, sum_opt = 0;
    size_t n_ess = 0, n_opt = 0, has_ess = 0, has_opt = 0, n_train = 0, n_untrainable = 0;

    const jm_skill *stack[SKILLS_ON_STACK];
    const jm_skill **held = j->n_skills <= SKILLS_ON_STACK ? stack : malloc(j->n_skills * sizeof *held);
    if (held)
        match_skills(c, j, held);

    for (size_t i = 0; i < j->n_skills; i++) {
        const jm_job_skill *js = &j->skills[i];
        const jm_skill *cs = held ? held[i] : jm_candidate_find_skill(c, js->id, js->key);
        const bool has = cs != NULL;
        const double cl = has ? cs->level : NAN;
        const bool trainable = js->trainable != JM_NO;
        const double credit = jm_skill_credit(has, cl, js->level, trainable, th->trainable_credit);
        const bool matched = has && (isnan(cl) || isnan(js->level) || cl >= js->level);

        if (explain)
            jm_eval_skill(ev, js, matched, cl, credit);

        if (js->essential) {
            n_ess++;
            sum_ess += jm_credits_of(credit);
            has_ess += matched;
        } else {
            n_opt++;
            sum_opt += jm_credits_of(credit);
            has_opt += matched;
        }
        if (matched || !explain)
            continue; /* the training plan only matters when explaining */
        if (!trainable) {
            n_untrainable++;
            continue;
        }
        double gap;
        if (isnan(js->level))
            gap = has ? 0.0 : 2.0;
        else
            gap = js->level - (has && !isnan(cl) ? cl : 0.0);
        if (gap < 0.0)
            gap = 0.0;
        double effort = gap * th->training_hours_per_level;
        if (effort < th->training_hours_min)
            effort = th->training_hours_min;
        jm_eval_training(ev, JM_TRAINING_SKILL, js->id, js->label, js->essential, gap, effort, by);
        n_train++;
    }

    if (held != stack)
        free(held);

    const double score = combine(th, sum_ess, n_ess, sum_opt, n_opt);

    if (!jm_eval_explaining(ev)) {
        jm_eval_value(ev, F, score);
        return;
    }
    jm_buf d;
    jm_buf_init(&d);
    if (n_ess)
        jm_buf_printf(&d, "%zu of %zu essential skills", has_ess, n_ess);
    if (n_opt)
        jm_buf_printf(&d, n_ess ? ", %zu of %zu optional" : "%zu of %zu optional skills", has_opt,
                      n_opt);
    if (n_train)
        jm_buf_printf(&d, "; %zu trainable on the job", n_train);
    if (n_untrainable)
        jm_buf_printf(&d, "; %zu not trainable here", n_untrainable);
    char *text = jm_buf_take(&d);
    if (!text && !ev->error)
        ev->error = JM_ENOMEM;
    jm_eval_score(ev, F, score, "%s", text ? text : "");
    free(text);
}

/* The credit of a skill not held, by trainable (jm_skill_credit(false, ...)). */
static inline jm_credits not_held_credits(bool trainable, double tc)
{
    return trainable ? jm_credits_of(jm_clamp(tc, 0.0, 1.0)) : 0;
}

/* The credits of n compiled skills added up, by the candidate's levels by
 * skill id (NULL: the candidate holds none of them). */
static jm_credits credit_sum(const jm_cskill *js, size_t n, const double *levels, double tc)
{
    const jm_credits not_held[2] = { not_held_credits(false, tc), not_held_credits(true, tc) };
    jm_credits sum = 0;
    for (size_t i = 0; i < n; i++) {
        const uint32_t idf = js[i].id;
        const bool trainable = (idf & JM_CSKILL_TRAINABLE) != 0;
        const double cl = levels ? levels[idf & JM_CSKILL_ID_MASK] : JM_LEVEL_ABSENT;
        sum += cl != JM_LEVEL_ABSENT /* held; NaN (level unknown) is held */
                   ? jm_credits_of(jm_skill_credit(true, cl, (double)js[i].level, trainable, tc))
                   : not_held[trainable];
    }
    return sum;
}

/* The factor's score from a job's compiled skills (n > 0, the first n_ess
 * essential) and the candidate's levels (NULL: holds none of them). */
static double cskills_score(const jm_cskill *js, size_t n, size_t n_ess, const double *levels,
                            const jm_thresholds *th)
{
    const jm_credits sum_ess = credit_sum(js, n_ess, levels, th->trainable_credit);
    const jm_credits sum_opt = credit_sum(js + n_ess, n - n_ess, levels, th->trainable_credit);
    return combine(th, sum_ess, n_ess, sum_opt, n - n_ess);
}

double jm_skills_score_none(const jm_cskill *skills, size_t n, size_t n_essential, const jm_thresholds *th)
{
    return n ? cskills_score(skills, n, n_essential, NULL, th) : NAN;
}

void jm_skill_sums_fill(jm_skill_sum *sums, const jm_cjobs *js, const jm_ccands *cs, const jm_ccand *c,
                        const jm_thresholds *th)
{
    const double tc = th->trainable_credit;
    const jm_credits not_held[2] = { not_held_credits(false, tc), not_held_credits(true, tc) };
    const jm_cskill *s = cs->skills + c->skills;
    for (size_t i = 0; i < c->n_skills; i++) {
        const uint32_t id = s[i].id;
        if (id > js->n_skill_ids)
            continue; /* a skill no job of the set lists */
        const double cl = (double)s[i].level; /* as jm_levels_fill has it */
        for (uint32_t p = js->skill_first[id]; p < js->skill_first[id + 1]; p++) {
            const uint32_t e = js->skill_jobs[p];
            const bool trainable = (e & JM_POSTING_TRAINABLE) != 0;
            const jm_credits d =
                jm_credits_of(jm_skill_credit(true, cl, (double)js->skill_level[p], trainable, tc)) -
                not_held[trainable];
            jm_skill_sum *sum = &sums[e & JM_POSTING_JOB];
            if (e & JM_POSTING_ESSENTIAL)
                sum->ess += d;
            else
                sum->opt += d;
        }
    }
}

static JM_ALWAYS_INLINE double skills_value(const jm_cpair *pc, const jm_cjob *j,
                                            const jm_thresholds *th, unsigned *excl)
{
    if (j->n_skills == 0)
        return JM_KNODATA;
    if (pc->sums) {
        /* the credits of holding none, and the row's for what the candidate holds */
        const jm_skill_sum *sum = &pc->sums[j - pc->js->recs];
        const jm_credits tr = not_held_credits(true, th->trainable_credit);
        return jm_eval_clamped(combine(th, j->n_trainable_ess * tr + sum->ess, j->n_essential,
                                 j->n_trainable_opt * tr + sum->opt, j->n_skills - j->n_essential));
    }
    if (pc->touched) {
        /* a job that shares no skill with the candidate: worked out ahead */
        const size_t at = (size_t)(j - pc->js->recs);
        if (!((pc->touched[at >> 6] >> (at & 63)) & 1))
            return jm_eval_clamped(j->skills_none);
    }
    return jm_eval_clamped(
        cskills_score(pc->js->skills + j->skills, j->n_skills, j->n_essential, pc->levels, th));
}
JM_KERNEL_DEFINE_PAIR(skills, JM_FACTOR_SKILLS)

/* The block form: with the row's sums by job (the score matrix) the
 * loop reads them straight, the credit of a trainable skill not held
 * worked out once; else skills_value job by job. */
JM_BLOCK_CLONES
void jm_kblock_skills(const jm_cpair *pc, const jm_thresholds *th, const jm_cjob *jobs, size_t n,
                      double *restrict out, unsigned char *restrict excl)
{
    if (!pc->sums) {
        for (size_t k = 0; k < n; k++) {
            unsigned x = 0;
            out[k] = skills_value(pc, &jobs[k], th, &x);
            excl[k] |= (unsigned char)(x != 0);
        }
        return;
    }
    const jm_skill_sum *sums = pc->sums + (jobs - pc->js->recs);
    const jm_credits tr = not_held_credits(true, th->trainable_credit);
    for (size_t k = 0; k < n; k++) {
        const jm_cjob *j = &jobs[k];
        out[k] = j->n_skills == 0 ? JM_KNODATA
                                  : jm_eval_clamped(combine(th, j->n_trainable_ess * tr + sums[k].ess, j->n_essential,
                                                            j->n_trainable_opt * tr + sums[k].opt,
                                                            j->n_skills - j->n_essential));
    }
}
