/* JSON names of the model's enumerations. */
#include <string.h>

#include "names.h"

const char *const jm_env_names[JM_ENV_COUNT] = {
    "noise", "outdoor", "temperature", "pace", "time_pressure", "public_contact", "teamwork", "routine",
};

const char *const jm_transport_names[JM_TRANSPORT_COUNT] = {
    "walk", "wheelchair", "cycle", "public_transport", "car", "lift",
};

const char *const jm_value_names[JM_VALUE_COUNT] = {
    "achievement", "working_conditions", "recognition", "relationships", "support", "independence",
};

const char *const jm_day_names[JM_DAY_COUNT] = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" };

const char *const jm_intensity_names[JM_INTENSITY_NAMES] = { NULL, "low", "medium", "high" };

const char *const jm_importance_names[JM_IMPORTANCE_NAMES] = { NULL, "low", "medium", "high", "must" };

const char *const jm_goal_names[JM_GOAL_COUNT] = { "undecided", "stay", "exit" };

const char *const jm_period_names[JM_PERIOD_COUNT] = { "week", "month" };

const char *const jm_ending_names[JM_ENDING_COUNT] = {
    "unknown", "ongoing", "quit", "dismissed", "contract_ended", "laid_off", "other",
};

const char *const jm_factor_names[JM_FACTOR_COUNT] = {
    "job_type", "hours", "schedule", "commute", "environment", "interests", "work_values",
    "wage", "benefits", "skills", "functional", "support", "legal", "programme",
};

const char *const jm_provider_names[JM_PROVIDER_COUNT] = {
    "unmet", "employer", "natural", "funded", "job_coach", "agency", "to_negotiate",
};

const char jm_riasec_letters[JM_RIASEC_COUNT + 1] = "RIASEC";

int jm_name_index(const char *const *table, size_t n, const char *name)
{
    if (!name)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (table[i] && strcmp(table[i], name) == 0)
            return (int)i;
    return -1;
}

static const char *lookup(const char *const *table, int n, int i)
{
    return i >= 0 && i < n ? table[i] : NULL;
}

const char *jm_env_name(int dimension)
{
    return lookup(jm_env_names, JM_ENV_COUNT, dimension);
}

const char *jm_transport_name(int mode)
{
    return lookup(jm_transport_names, JM_TRANSPORT_COUNT, mode);
}

const char *jm_value_name(int value)
{
    return lookup(jm_value_names, JM_VALUE_COUNT, value);
}

const char *jm_factor_name(int factor)
{
    return lookup(jm_factor_names, JM_FACTOR_COUNT, factor);
}

int jm_factor_from_name(const char *name)
{
    return jm_name_index(jm_factor_names, JM_FACTOR_COUNT, name);
}

int jm_factor_is_preference(int factor)
{
    switch (factor) {
    case JM_FACTOR_JOB_TYPE:
    case JM_FACTOR_HOURS:
    case JM_FACTOR_SCHEDULE:
    case JM_FACTOR_COMMUTE:
    case JM_FACTOR_ENVIRONMENT:
    case JM_FACTOR_INTERESTS:
    case JM_FACTOR_WORK_VALUES:
    case JM_FACTOR_WAGE:
        return 1;
    default:
        return 0;
    }
}

const char *jm_provider_name(int provider)
{
    return lookup(jm_provider_names, JM_PROVIDER_COUNT, provider);
}
