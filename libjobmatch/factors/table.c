/* The factor entry points, indexed by jm_factor (the order the engine runs them). */
#include "factors.h"

const jm_factor_fn jm_factor_table[JM_FACTOR_COUNT] = {
    [JM_FACTOR_JOB_TYPE] = jm_factor_job_type,
    [JM_FACTOR_HOURS] = jm_factor_hours,
    [JM_FACTOR_SCHEDULE] = jm_factor_schedule,
    [JM_FACTOR_COMMUTE] = jm_factor_commute,
    [JM_FACTOR_ENVIRONMENT] = jm_factor_environment,
    [JM_FACTOR_INTERESTS] = jm_factor_interests,
    [JM_FACTOR_WORK_VALUES] = jm_factor_work_values,
    [JM_FACTOR_WAGE] = jm_factor_wage,
    [JM_FACTOR_BENEFITS] = jm_factor_benefits,
    [JM_FACTOR_SKILLS] = jm_factor_skills,
    [JM_FACTOR_FUNCTIONAL] = jm_factor_functional,
    [JM_FACTOR_SUPPORT] = jm_factor_support,
    [JM_FACTOR_LEGAL] = jm_factor_legal,
    [JM_FACTOR_PROGRAMME] = jm_factor_programme,
};

const jm_factor_fn jm_kernel_table[JM_FACTOR_COUNT] = {
    [JM_FACTOR_JOB_TYPE] = jm_kernel_job_type,
    [JM_FACTOR_HOURS] = jm_kernel_hours,
    [JM_FACTOR_SCHEDULE] = jm_kernel_schedule,
    [JM_FACTOR_COMMUTE] = jm_kernel_commute,
    [JM_FACTOR_ENVIRONMENT] = jm_kernel_environment,
    [JM_FACTOR_INTERESTS] = jm_kernel_interests,
    [JM_FACTOR_WORK_VALUES] = jm_kernel_work_values,
    [JM_FACTOR_WAGE] = jm_kernel_wage,
    [JM_FACTOR_BENEFITS] = jm_kernel_benefits,
    [JM_FACTOR_SKILLS] = jm_kernel_skills,
    [JM_FACTOR_FUNCTIONAL] = jm_kernel_functional,
    [JM_FACTOR_SUPPORT] = jm_kernel_support,
    [JM_FACTOR_LEGAL] = jm_kernel_legal,
    [JM_FACTOR_PROGRAMME] = jm_kernel_programme,
};
