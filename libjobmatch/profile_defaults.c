/*
 * The built-in IPS default scoring profile ("ips-default").
 *
 * Every number here is documented, with its reason, in docs/SCORING.md
 * ("The scoring profile").  Preference factors (job type, hours, schedule,
 * commute, environment, interests, work values, wage) carry 70% of the
 * weight: IPS's "preferences first" (DOMAIN.md, principle 1).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "profile_impl.h"
#include "util.h"

typedef struct offer_row {
    const char *id, *label;
    int provider;
} offer_row;

/* What a job can offer: accommodation categories, natural supports, funded schemes. */
static const offer_row default_offers[] = {
    {"equipment", "Equipment or devices", JM_PROVIDER_EMPLOYER},
    {"job_restructuring", "Job restructuring", JM_PROVIDER_EMPLOYER},
    {"modified_schedule", "Part-time or modified schedule", JM_PROVIDER_EMPLOYER},
    {"reassignment", "Reassignment to another role", JM_PROVIDER_EMPLOYER},
    {"adjusted_training", "Adjusted training materials or policies", JM_PROVIDER_EMPLOYER},
    {"readers_interpreters", "Readers and interpreters", JM_PROVIDER_EMPLOYER},
    {"physical_accessibility", "Physical accessibility", JM_PROVIDER_EMPLOYER},
    {"mentor", "Workplace mentor", JM_PROVIDER_NATURAL},
    {"buddy", "Buddy", JM_PROVIDER_NATURAL},
    {"supportive_coworkers", "Co-workers willing to help", JM_PROVIDER_NATURAL},
    {"access_to_work", "Access to Work", JM_PROVIDER_FUNDED},
    {"funded_support", "Other funded support", JM_PROVIDER_FUNDED},
};

#define MAX_REFS 4

typedef struct need_row {
    const char *id, *label;
    const char *met_by[MAX_REFS]; /* NULL-ended */
} need_row;

/* Support needs, and what can meet each in order of preference: natural
 * supports first where they fit (less stigmatising), "job_coach" (on site,
 * needs the job's permission), "agency" (off site, always available). */
static const need_row default_needs[] = {
    {"structured_task_instruction", "Structured task instruction",
     {"adjusted_training", "mentor", "job_coach"}},
    {"written_visual_instructions", "Written or visual instructions",
     {"adjusted_training", "job_coach"}},
    {"extra_training_time", "Extra training time", {"adjusted_training", "job_coach"}},
    {"mentor_or_buddy", "Mentor or buddy", {"mentor", "buddy", "supportive_coworkers"}},
    {"supervisor_checkins", "Regular supervisor check-ins", {"job_restructuring", "mentor"}},
    {"flexible_schedule", "Flexible schedule", {"modified_schedule"}},
    {"reduced_hours_phased_start", "Reduced hours or phased start",
     {"modified_schedule", "job_restructuring"}},
    {"quiet_workspace", "Quiet workspace", {"equipment", "job_restructuring", "reassignment"}},
    {"sensory_adjustments", "Sensory adjustments", {"equipment", "job_restructuring"}},
    {"assistive_technology", "Assistive technology",
     {"equipment", "access_to_work", "funded_support"}},
    {"communication_support", "Communication support (interpreter, note taker, reader)",
     {"readers_interpreters", "access_to_work", "funded_support"}},
    {"travel_training", "Travel training", {"agency"}},
    {"help_with_travel", "Help with travel to work", {"access_to_work", "funded_support", "agency"}},
    {"physical_access", "Physical access", {"physical_accessibility"}},
    {"adapted_equipment", "Adapted equipment", {"equipment", "access_to_work", "funded_support"}},
    {"personal_care_support", "Personal care support", {"access_to_work", "funded_support"}},
    {"on_site_job_coaching", "On-site job coaching", {"job_coach"}},
    {"job_carving", "Job carving or customised duties", {"job_restructuring", "reassignment"}},
    {"time_off_for_appointments", "Time off for appointments", {"modified_schedule"}},
    {"benefits_counselling", "Benefits counselling", {"agency"}},
};

typedef struct dim_row {
    const char *id, *label;
    const char *supported_by[MAX_REFS]; /* NULL-ended */
    const char *need;
} dim_row;

/* Functional dimensions (VocFit-style ability/demand pairs): the offers that
 * support a one-level shortfall, and the support need a shortfall becomes. */
static const dim_row default_dims[] = {
    {"lifting", "Lifting", {"equipment", "job_restructuring"}, "adapted_equipment"},
    {"standing", "Standing", {"equipment", "job_restructuring"}, "adapted_equipment"},
    {"walking", "Walking", {"physical_accessibility", "job_restructuring"}, "physical_access"},
    {"endurance", "Endurance", {"modified_schedule", "job_restructuring"},
     "reduced_hours_phased_start"},
    {"dexterity", "Dexterity", {"equipment", "access_to_work"}, "adapted_equipment"},
    {"orienting", "Orienting", {"mentor", "buddy"}, "structured_task_instruction"},
    {"work_rate", "Work rate", {"job_restructuring", "modified_schedule"}, "job_carving"},
    {"reading", "Reading", {"adjusted_training", "readers_interpreters"},
     "written_visual_instructions"},
    {"numeracy", "Numeracy", {"adjusted_training", "equipment"}, "structured_task_instruction"},
    {"communication", "Communication", {"readers_interpreters", "mentor"}, "communication_support"},
    {"memory", "Memory", {"adjusted_training", "mentor"}, "written_visual_instructions"},
    {"attention", "Attention", {"equipment", "job_restructuring"}, "quiet_workspace"},
};

/* Job-coach time fades: by week 13 a fifth of the starting hours. */
static const jm_fade_def default_fading[] = {
    {1, 1.0}, {5, 0.6}, {9, 0.35}, {13, 0.2},
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int copy_refs(char ***dst, size_t *n, const char *const *src)
{
    for (size_t i = 0; i < MAX_REFS && src[i]; i++)
        if (jm_strv_push(dst, n, src[i]) != JM_OK)
            return JM_ENOMEM;
    return JM_OK;
}

static void set_weights(jm_profile *p)
{
    double *w = p->weights;
    w[JM_FACTOR_JOB_TYPE] = 0.20;
    w[JM_FACTOR_HOURS] = 0.10;
    w[JM_FACTOR_SCHEDULE] = 0.08;
    w[JM_FACTOR_COMMUTE] = 0.10;
    w[JM_FACTOR_ENVIRONMENT] = 0.08;
    w[JM_FACTOR_INTERESTS] = 0.05;
    w[JM_FACTOR_WORK_VALUES] = 0.04;
    w[JM_FACTOR_WAGE] = 0.05;
    w[JM_FACTOR_BENEFITS] = 0.05;
    w[JM_FACTOR_SKILLS] = 0.12;
    w[JM_FACTOR_FUNCTIONAL] = 0.06;
    w[JM_FACTOR_SUPPORT] = 0.07;
    w[JM_FACTOR_LEGAL] = 0.0;     /* a filter only */
    w[JM_FACTOR_PROGRAMME] = 0.0; /* a filter only */
}

static void set_thresholds(jm_thresholds *t)
{
    t->hours_inside_min = 0.8;
    t->hours_falloff = 10.0;
    t->schedule_min_share = 0.0;
    t->commute_full_share = 0.5;
    t->detour_factor = 1.3;
    t->speed_kmh[JM_TRANSPORT_WALK] = 4.5;
    t->speed_kmh[JM_TRANSPORT_WHEELCHAIR] = 4.0;
    t->speed_kmh[JM_TRANSPORT_CYCLE] = 14.0;
    t->speed_kmh[JM_TRANSPORT_PUBLIC] = 18.0;
    t->speed_kmh[JM_TRANSPORT_CAR] = 32.0;
    t->speed_kmh[JM_TRANSPORT_LIFT] = 32.0;
    t->overhead_min[JM_TRANSPORT_WALK] = 0.0;
    t->overhead_min[JM_TRANSPORT_WHEELCHAIR] = 0.0;
    t->overhead_min[JM_TRANSPORT_CYCLE] = 2.0;
    t->overhead_min[JM_TRANSPORT_PUBLIC] = 10.0;
    t->overhead_min[JM_TRANSPORT_CAR] = 5.0;
    t->overhead_min[JM_TRANSPORT_LIFT] = 5.0;
    t->env_excess_span = 3.0;
    t->importance_weight[0] = 0.0;
    t->importance_weight[JM_IMPORTANCE_LOW] = 1.0;
    t->importance_weight[JM_IMPORTANCE_MEDIUM] = 2.0;
    t->importance_weight[JM_IMPORTANCE_HIGH] = 3.0;
    t->importance_weight[JM_IMPORTANCE_MUST] = 3.0;
    t->wage_falloff = 0.25;
    t->benefits_falloff = 0.5;
    t->essential_share = 0.8;
    t->trainable_credit = 0.5;
    t->training_hours_per_level = 10.0;
    t->training_hours_min = 4.0;
    t->short1_supported = 0.75;
    t->short1_unsupported = 0.5;
    t->short2_supported = 0.25;
    t->short2_unsupported = 0.1;
    t->avoid_similarity = 1.0;
    t->history_liked = 0.8;
    t->history_disliked = 0.5;
    t->need_weight[0] = 0.0;
    t->need_weight[JM_INTENSITY_LOW] = 1.0;
    t->need_weight[JM_INTENSITY_MEDIUM] = 2.0;
    t->need_weight[JM_INTENSITY_HIGH] = 3.0;
    t->essential_multiplier = 2.0;
    t->coach_hours[0] = 0.0;
    t->coach_hours[JM_INTENSITY_LOW] = 1.0;
    t->coach_hours[JM_INTENSITY_MEDIUM] = 2.5;
    t->coach_hours[JM_INTENSITY_HIGH] = 5.0;
}

static int fill_vocabulary(jm_profile *p)
{
    p->offers = calloc(COUNT(default_offers), sizeof *p->offers);
    p->needs = calloc(COUNT(default_needs), sizeof *p->needs);
    p->dims = calloc(COUNT(default_dims), sizeof *p->dims);
    p->fading = malloc(sizeof default_fading);
    if (!p->offers || !p->needs || !p->dims || !p->fading)
        return JM_ENOMEM;

    for (size_t i = 0; i < COUNT(default_offers); i++) {
        jm_offer_def *o = &p->offers[p->n_offers++];
        o->id = jm_strdup(default_offers[i].id);
        o->label = jm_strdup(default_offers[i].label);
        o->provider = default_offers[i].provider;
        if (!o->id || !o->label)
            return JM_ENOMEM;
    }
    for (size_t i = 0; i < COUNT(default_needs); i++) {
        jm_need_def *n = &p->needs[p->n_needs++];
        n->id = jm_strdup(default_needs[i].id);
        n->label = jm_strdup(default_needs[i].label);
        if (!n->id || !n->label || copy_refs(&n->met_by, &n->n_met_by, default_needs[i].met_by))
            return JM_ENOMEM;
    }
    for (size_t i = 0; i < COUNT(default_dims); i++) {
        jm_dim_def *d = &p->dims[p->n_dims++];
        d->id = jm_strdup(default_dims[i].id);
        d->label = jm_strdup(default_dims[i].label);
        d->need = jm_strdup(default_dims[i].need);
        if (!d->id || !d->label || !d->need ||
            copy_refs(&d->supported_by, &d->n_supported_by, default_dims[i].supported_by))
            return JM_ENOMEM;
    }
    memcpy(p->fading, default_fading, sizeof default_fading);
    p->n_fading = COUNT(default_fading);
    return JM_OK;
}

jm_profile *jm_profile_alloc_default(void)
{
    jm_profile *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    atomic_init(&p->refs, 1);
    p->id = jm_strdup("ips-default");
    p->name = jm_strdup("IPS default");
    p->description = jm_strdup(
        "Built-in default following Individual Placement and Support: the person's preferences "
        "carry 70% of the weight; skills a job can train and support needs it can meet lower "
        "the score only a little.");
    set_weights(p);
    set_thresholds(&p->th);
    p->competitive_only = false;
    p->integrated_only = false;
    p->min_wage = NAN;
    if (!p->id || !p->name || !p->description || fill_vocabulary(p) != JM_OK) {
        jm_profile_destroy(p);
        return NULL;
    }
    return p;
}
