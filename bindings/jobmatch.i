/*
 * The language-neutral part of libjobmatch's SWIG interface.
 *
 * Each language's interface (python/jobmatch_python.i, lua/jobmatch_lua.i)
 * declares its module, its typemaps (out-parameters, arrays, errors) and its
 * rule and travel-time trampolines, then includes this file.  What is bound
 * here is the public C API of include/jobmatch.h, as it is.
 */
%{
#include "jobmatch.h"
%}

#define JM_API

/* Bound by each language with a trampoline of its own, or replaced by
 * language-level code: */
%ignore jm_engine_add_rule;
%ignore jm_engine_set_travel_time;
%ignore jm_rule_fn;
%ignore jm_travel_fn;
%ignore jm_payload_free_fn;
%ignore jm_free;
%ignore jm_read_file;

%include "jobmatch/version.h"
%include "jobmatch/common.h"
%include "jobmatch/profile.h"
%include "jobmatch/candidate.h"
%include "jobmatch/job.h"
%include "jobmatch/match.h"
%include "jobmatch/engine.h"
