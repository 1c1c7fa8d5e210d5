/*
 * libjobmatch - job matching for supported employment.
 *
 * Include this header to get the whole public API:
 *   jobmatch/common.h     error codes, diagnostics, load options, version
 *   jobmatch/profile.h    scoring profiles and factors
 *   jobmatch/candidate.h  candidates and candidate sets
 *   jobmatch/job.h        jobs and job sets
 *   jobmatch/match.h      match results, explanations, rankings
 *   jobmatch/engine.h     the engine: scoring, ranking, custom rules
 */
#ifndef JOBMATCH_H
#define JOBMATCH_H

#include "jobmatch/common.h"
#include "jobmatch/profile.h"
#include "jobmatch/candidate.h"
#include "jobmatch/job.h"
#include "jobmatch/match.h"
#include "jobmatch/engine.h"

#endif /* JOBMATCH_H */
