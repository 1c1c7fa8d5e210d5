/* A readable explanation of a match, written for a job coach. */
#include <stdlib.h>
#include <string.h>

#include "match_impl.h"
#include "util.h"

static const char *const intensity_text[] = { "", "low", "medium", "high" };

static const char *provider_text(int provider)
{
    switch (provider) {
    case JM_PROVIDER_EMPLOYER: return "employer accommodation";
    case JM_PROVIDER_NATURAL: return "natural support";
    case JM_PROVIDER_FUNDED: return "funded support";
    case JM_PROVIDER_JOB_COACH: return "job coach on site";
    case JM_PROVIDER_AGENCY: return "agency (off site)";
    case JM_PROVIDER_TO_NEGOTIATE: return "to negotiate with the employer";
    default: return "NOT MET at this job";
    }
}

static void explain_factors(jm_buf *b, const struct jm_match *m)
{
    char n1[32], n2[32], n3[32];
    jm_buf_append(b, "\nFactors (score x weight -> contribution):\n");
    for (size_t i = 0; i < m->n_factors; i++) {
        const jm_factor_entry *f = &m->factors[i];
        if (f->has_data)
            jm_buf_printf(b, "  %-14s %5s x %-5s -> %-6s %s%s\n", f->name, jm_num(n1, f->score),
                          jm_num(n2, f->weight), jm_num(n3, f->contribution),
                          f->excluded ? "[EXCLUDES] " : "", f->detail ? f->detail : "");
        else
            jm_buf_printf(b, "  %-14s %5s   %-5s    %-6s %s%s\n", f->name, "-",
                          f->abstained ? "" : jm_num(n2, f->weight), "",
                          f->excluded ? "[EXCLUDES] " : "(no data) ", f->detail ? f->detail : "");
    }
}

static void explain_skills(jm_buf *b, const struct jm_match *m)
{
    char n1[32], n2[32];
    if (m->n_skills == 0)
        return;
    jm_buf_append(b, "\nSkills:\n");
    for (size_t i = 0; i < m->n_skills; i++) {
        const jm_skill_entry *s = &m->skills[i];
        jm_buf_printf(b, "  %s %s (%s", s->matched ? "[have]" : "[gap] ",
                      s->label && s->label[0] ? s->label : s->id,
                      s->essential ? "essential" : "optional");
        if (!isnan(s->required_level))
            jm_buf_printf(b, ", level %s", jm_num(n1, s->required_level));
        if (!isnan(s->candidate_level))
            jm_buf_printf(b, ", has %s", jm_num(n2, s->candidate_level));
        if (!s->matched)
            jm_buf_append(b, s->trainable ? ", trainable on the job" : ", not trainable on the job");
        jm_buf_append(b, ")\n");
    }
}

static void explain_plans(jm_buf *b, const struct jm_match *m)
{
    char n1[32], n2[32];
    if (m->n_training) {
        jm_buf_append(b, "\nTraining plan:\n");
        for (size_t i = 0; i < m->n_training; i++) {
            const jm_training_entry *t = &m->training[i];
            if (t->kind == JM_TRAINING_LICENCE)
                jm_buf_printf(b, "  obtain %s (%s)\n", t->label, t->by);
            else
                jm_buf_printf(b, "  learn %s%s: about %s hours (%s)\n", t->label,
                              t->essential ? " (essential)" : "", jm_num(n1, t->effort_hours), t->by);
        }
    }
    if (m->n_support) {
        jm_buf_append(b, "\nSupport plan:\n");
        for (size_t i = 0; i < m->n_support; i++) {
            const jm_support_entry *s = &m->support[i];
            int in = s->intensity >= 1 && s->intensity <= 3 ? s->intensity : 2;
            jm_buf_printf(b, "  %s (%s%s%s): %s", s->label, intensity_text[in],
                          s->essential ? ", essential" : "",
                          strncmp(s->origin, "functional:", 11) == 0 ? ", from a functional demand" : "",
                          provider_text(s->provider));
            if (s->offer && s->offer[0])
                jm_buf_printf(b, " [%s]", s->offer);
            if (s->coach_hours > 0)
                jm_buf_printf(b, ", %s h/week of coaching", jm_num(n1, s->coach_hours));
            jm_buf_append(b, "\n");
        }
        if (m->coach_hours > 0) {
            jm_buf_printf(b, "  Job coach: %s h/week at the start", jm_num(n1, m->coach_hours));
            for (size_t i = 1; i < m->n_fading; i++)
                jm_buf_printf(b, ", %s from week %d", jm_num(n2, m->fading[i].hours), m->fading[i].week);
            jm_buf_append(b, "\n");
        }
    }
}

int jm_match_explain(const jm_match *m, char **out)
{
    if (!m || !out)
        return jm_fail(JM_EINVAL, "jm_match_explain: match and out are required");
    char n1[32], n2[32];
    jm_buf b;
    jm_buf_init(&b);
    jm_buf_printf(&b, "Candidate %s - job %s\n", m->candidate_id, m->job_id);
    jm_buf_printf(&b, "Score %s (confidence %s%%)%s\n", jm_num(n1, m->total),
                  jm_num(n2, round(m->confidence * 100)), m->feasible ? "" : " - NOT FEASIBLE");
    for (size_t i = 0; i < m->n_exclusions; i++) {
        const jm_excl_entry *x = &m->exclusions[i];
        jm_buf_printf(&b, "  excluded by %s: %s", x->factor, x->reason);
        if (x->lift && x->lift[0])
            jm_buf_printf(&b, " (%s)", x->lift);
        jm_buf_append(&b, "\n");
    }
    explain_factors(&b, m);
    explain_skills(&b, m);
    explain_plans(&b, m);
    if (m->n_notes) {
        jm_buf_append(&b, "\nNotes:\n");
        for (size_t i = 0; i < m->n_notes; i++)
            jm_buf_printf(&b, "  - %s\n", m->notes[i]);
    }
    jm_buf_printf(&b, "\n%s, profile %s (%s)\n", m->engine_version, m->profile_id, m->profile_hash);
    char *s = jm_buf_take(&b);
    if (!s)
        return jm_fail(JM_ENOMEM, "out of memory writing an explanation");
    *out = s;
    return JM_OK;
}
