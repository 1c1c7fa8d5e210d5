/*
 * libjobmatch for Lua 5.4: the low-level module "jobmatch.core".
 *
 * SWIG 4.1 generates it at build time (swig -lua -nomoduleglobal) from the
 * public headers through ../jobmatch.i.  This file gives the Lua typemaps:
 *
 * - integers stay integers (lua_isinteger / lua_pushinteger; SWIG 4.1 would
 *   pass them as floats, swig #1918); booleans are accepted for int flags;
 *   nil is accepted for a double ("unknown", NaN);
 * - an int return is an error code: JM_OK returns nothing, anything else
 *   raises an error object (jmlua.h), except for the few functions whose int
 *   is a value (listed below);
 * - out-parameters are returned: new objects are owned by Lua and freed by
 *   the garbage collector, strings are copied and freed with jm_free,
 *   value structs (jm_factor_info ...) become tables;
 * - diagnostics lists are made internally: the loading functions raise an
 *   error object carrying every diagnostic (with its JSON path), or return
 *   the warnings as an array of tables before their other results;
 * - a borrowed pointer (jm_candidates_get, jm_ranking_get, ...) keeps its
 *   parent alive through its user value;
 * - rules and the travel-time source are bound by hand (jmlua.c) as
 *   engine_add_rule / engine_remove_rule / engine_set_travel_time, and the
 *   scoring functions record the calling lua_State for them.
 *
 * Names lose their jm_ / JM_ prefix: core.engine_new, core.EINVAL.
 * The user-facing module is jobmatch.lua (require "jobmatch").
 */
%module jobmatch_core

%{
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

#include "jobmatch.h"
#include "jmlua.h"
%}

%rename("%(regex:/^(jm_|JM_)(.*)/\\2/)s") "";

/* ---------------------------------------------------------------------- */
/* Opaque handles: classes with destructors, so that the garbage collector */
/* frees what Lua owns.  (SWIG sees an empty struct; C sees the real one.) */

%define JMLUA_HANDLE(TYPE, FREE)
%nodefaultctor TYPE;
%rename("%s") TYPE;
struct TYPE {};
%extend TYPE { ~TYPE() { FREE($self); } }
%enddef

JMLUA_HANDLE(jm_profile, jm_profile_free)
JMLUA_HANDLE(jm_candidate, jm_candidate_free)
JMLUA_HANDLE(jm_job, jm_job_free)
JMLUA_HANDLE(jm_candidates, jm_candidates_free)
JMLUA_HANDLE(jm_jobs, jm_jobs_free)
JMLUA_HANDLE(jm_engine, jm_engine_free)
JMLUA_HANDLE(jm_match, jm_match_free)
JMLUA_HANDLE(jm_ranking, jm_ranking_free)

/* Batch options are not offered in Lua (rules run on the calling thread). */
%ignore jm_batch_options_init;
%ignore jm_batch_options;

/* The garbage collector frees; an explicit free would leave a dangling
 * userdata.  Diagnostics lists and load options are tables in Lua. */
%ignore jm_profile_free;
%ignore jm_candidate_free;
%ignore jm_job_free;
%ignore jm_candidates_free;
%ignore jm_jobs_free;
%ignore jm_engine_free;
%ignore jm_match_free;
%ignore jm_ranking_free;
%ignore jm_diags;
%ignore jm_diags_new;
%ignore jm_diags_free;
%ignore jm_diags_clear;
%ignore jm_diags_count;
%ignore jm_diags_count_severity;
%ignore jm_diags_get;
%ignore jm_diags_format;
%ignore jm_load_options_init;
%ignore jm_engine_remove_rule;   /* jmlua.c: refuses while the engine is scoring */
/* Value structs: converted to and from tables by the typemaps below. */
%ignore jm_diag;
%ignore jm_load_options;
%ignore jm_occupation;
%ignore jm_factor_info;
%ignore jm_exclusion;
%ignore jm_skill_match;
%ignore jm_training_item;
%ignore jm_support_item;
%ignore jm_fading_step;
/* Internal to rules (a verdict exists only inside the trampoline). */
%ignore jm_verdict;
%ignore jm_verdict_score;
%ignore jm_verdict_abstain;
%ignore jm_verdict_veto;
%ignore jm_verdict_note;
%ignore jm_verdict_fail;

/* ---------------------------------------------------------------------- */
/* Numbers                                                                */

%typemap(in, checkfn="jmlua_isint") int, short, long, signed char, enum SWIGTYPE
%{ {
    lua_Integer v_ = jmlua_toint(L, $input);
    if (v_ < INT_MIN || v_ > INT_MAX) {
      lua_pushfstring(L, "%s: argument %d is out of range", "$symname", $argnum);
      SWIG_fail;
    }
    $1 = ($1_ltype)v_;
} %}

%typemap(in, checkfn="jmlua_isint") unsigned int, unsigned short, unsigned long, unsigned char, size_t
%{ {
    lua_Integer v_ = jmlua_toint(L, $input);
    if (v_ < 0) {
      lua_pushfstring(L, "%s: argument %d must not be negative", "$symname", $argnum);
      SWIG_fail;
    }
    $1 = ($1_ltype)v_;
} %}

%typemap(in, checkfn="jmlua_isnumber_or_nil") double, float
%{ $1 = lua_isnil(L, $input) ? ($1_ltype)NAN : ($1_ltype)lua_tonumber(L, $input); %}

%typemap(out) short, long, unsigned int, unsigned short, unsigned long, signed char,
              unsigned char, size_t, enum SWIGTYPE
%{ lua_pushinteger(L, (lua_Integer)$1); SWIG_arg++; %}

%typemap(out) double, float
%{ lua_pushnumber(L, (lua_Number)$1); SWIG_arg++; %}

/* An int result is an error code ... */
%typemap(out) int
%{ if ($1 != JM_OK) { jmlua_push_error(L, $1, NULL); SWIG_fail; } %}

/* The match accessors fail (JM_ERANGE, JM_ENOTFOUND) without a message of
 * their own: say which. */
%typemap(out) int jm_match_factor, int jm_match_factor_by_name, int jm_match_exclusion,
              int jm_match_matched_skill, int jm_match_missing_skill, int jm_match_training,
              int jm_match_support, int jm_match_fading
%{ if ($1 != JM_OK) {
     lua_pushfstring(L, "%s: %s", "$symname", $1 == JM_ERANGE ? "index out of range" : "no such item");
     jmlua_push_error_message(L, $1, lua_tostring(L, -1));
     SWIG_fail;
   } %}

/* ... except for these, whose int is a value. */
%typemap(out) int jm_factor_from_name
%{ lua_pushinteger(L, (lua_Integer)$1); SWIG_arg++; %}
%typemap(out) int jm_factor_is_preference, int jm_match_feasible,
              int jm_profile_has_support_need, int jm_profile_has_functional_dimension,
              int jm_profile_has_offer
%{ lua_pushboolean(L, $1 != 0); SWIG_arg++; %}

/* ---------------------------------------------------------------------- */
/* Strings in and out                                                     */

%typemap(in, checkfn="lua_isstring") (const char *text, size_t len)
%{ {
    size_t n_;
    $1 = ($1_ltype)lua_tolstring(L, $input, &n_);
    $2 = n_;
} %}

%typemap(in, numinputs=0) char **out (char *s = NULL)
%{ $1 = &s; %}
%typemap(argout) char **out
%{ lua_pushstring(L, s$argnum); jm_free(s$argnum); s$argnum = NULL; SWIG_arg++; %}
%typemap(freearg) char **out
%{ jm_free(s$argnum); %}

/* ---------------------------------------------------------------------- */
/* New objects through out-parameters: owned by Lua                       */

%define JMLUA_NEW_OUT(TYPE)
%typemap(in, numinputs=0) TYPE **out (TYPE *obj = NULL)
%{ $1 = &obj; %}
%typemap(argout) TYPE **out
%{ SWIG_NewPointerObj(L, obj$argnum, $*1_descriptor, 1); SWIG_arg++; %}
%enddef

JMLUA_NEW_OUT(jm_profile)
JMLUA_NEW_OUT(jm_candidate)
JMLUA_NEW_OUT(jm_job)
JMLUA_NEW_OUT(jm_candidates)
JMLUA_NEW_OUT(jm_jobs)
JMLUA_NEW_OUT(jm_match)
JMLUA_NEW_OUT(jm_ranking)

/* An engine also gets the binding's per-engine state (rules, travel time). */
%typemap(in, numinputs=0) jm_engine **out (jm_engine *obj = NULL)
%{ $1 = &obj; %}
%typemap(argout) jm_engine **out
%{ SWIG_NewPointerObj(L, obj$argnum, $*1_descriptor, 1); SWIG_arg++;
   jmlua_engine_attach(L, -1, obj$argnum); %}

/* jm_profile_ref gives a new reference. */
%typemap(out) jm_profile *jm_profile_ref
%{ SWIG_NewPointerObj(L, $1, $1_descriptor, 1); SWIG_arg++; %}

/* ---------------------------------------------------------------------- */
/* Borrowed objects: the userdata keeps its parent (argument 1) alive.    */

%define JMLUA_BORROWED(TYPE, FN)
%typemap(out) const TYPE *FN
%{ if ($1) {
     SWIG_NewPointerObj(L, (void *)$1, $1_descriptor, 0);
     lua_pushvalue(L, 1);
     lua_setiuservalue(L, -2, 1);
   } else {
     lua_pushnil(L);
   }
   SWIG_arg++; %}
%enddef

JMLUA_BORROWED(jm_candidate, jm_candidates_get)
JMLUA_BORROWED(jm_candidate, jm_candidates_find)
JMLUA_BORROWED(jm_job, jm_jobs_get)
JMLUA_BORROWED(jm_job, jm_jobs_find)
JMLUA_BORROWED(jm_match, jm_ranking_get)
JMLUA_BORROWED(jm_match, jm_ranking_excluded)
JMLUA_BORROWED(jm_profile, jm_engine_profile)

/* ---------------------------------------------------------------------- */
/* Diagnostics and load options                                           */

%typemap(in, numinputs=0) jm_diags *diags (jm_diags *d = NULL)
%{ if (jm_diags_new(&d) != JM_OK) { lua_pushliteral(L, "out of memory"); SWIG_fail; }
   $1 = d; %}
%typemap(argout) jm_diags *diags
%{ if (result != JM_OK) { jmlua_push_error(L, result, d$argnum); SWIG_fail; }
   jmlua_push_diags(L, d$argnum, 1); SWIG_arg++; %}
%typemap(freearg) jm_diags *diags
%{ jm_diags_free(d$argnum); %}

/* The functions with a diagnostics list raise from its argout typemap, with
 * every diagnostic: their int typemap does nothing. */
%typemap(out) int jm_profile_from_json, int jm_profile_load_file, int jm_candidate_from_json,
              int jm_candidates_load, int jm_candidates_load_file, int jm_job_from_json,
              int jm_jobs_load, int jm_jobs_load_file, int jm_validate ""

%{
/* Reads a policy: "error", "warn" or a jm_policy number. */
static int jmlua_policy(lua_State *L, int idx, int *out)
{
    if (lua_isnil(L, idx))
        return 1;
    if (lua_type(L, idx) == LUA_TSTRING) {
        const char *s = lua_tostring(L, idx);
        if (strcmp(s, "error") == 0) { *out = JM_POLICY_ERROR; return 1; }
        if (strcmp(s, "warn") == 0 || strcmp(s, "warning") == 0) { *out = JM_POLICY_WARN; return 1; }
        return 0;
    }
    if (jmlua_isint(L, idx)) {
        lua_Integer v = jmlua_toint(L, idx);
        if (v == JM_POLICY_ERROR || v == JM_POLICY_WARN) { *out = (int)v; return 1; }
    }
    return 0;
}

/* Fills *opts from nil or a table {unknown_fields, unknown_terms, source,
 * max_depth, max_bytes, profile}.  Returns 0, or pushes a message and returns -1.
 * The strings and the profile stay referenced by the table on the stack. */
static int jmlua_load_options(lua_State *L, int idx, jm_load_options *opts)
{
    jm_load_options_init(opts);
    if (lua_isnoneornil(L, idx))
        return 0;
    if (!lua_istable(L, idx)) {
        lua_pushfstring(L, "load options must be a table, not a %s", luaL_typename(L, idx));
        return -1;
    }
    idx = lua_absindex(L, idx);
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
        int ok = 1;
        if (strcmp(key, "unknown_fields") == 0) {
            ok = jmlua_policy(L, -1, &opts->unknown_fields);
        } else if (strcmp(key, "unknown_terms") == 0) {
            ok = jmlua_policy(L, -1, &opts->unknown_terms);
        } else if (strcmp(key, "source") == 0) {
            ok = lua_type(L, -1) == LUA_TSTRING;
            if (ok)
                opts->source = lua_tostring(L, -1);
        } else if (strcmp(key, "max_depth") == 0) {
            ok = jmlua_isint(L, -1) && jmlua_toint(L, -1) >= 0;
            if (ok)
                opts->max_depth = (size_t)jmlua_toint(L, -1);
        } else if (strcmp(key, "max_bytes") == 0) {
            ok = jmlua_isint(L, -1) && jmlua_toint(L, -1) >= 0;
            if (ok)
                opts->max_bytes = (size_t)jmlua_toint(L, -1);
        } else if (strcmp(key, "profile") == 0) {
            void *p = NULL;
            ok = lua_isnil(L, -1) || SWIG_IsOK(SWIG_ConvertPtr(L, -1, &p, SWIGTYPE_p_jm_profile, 0));
            opts->profile = p;
        } else {
            lua_pushfstring(L, "unknown load option '%s'", key);
            return -1;
        }
        if (!ok) {
            lua_pushfstring(L, "bad value for load option '%s'", key);
            return -1;
        }
        lua_pop(L, 1);
    }
    return 0;
}
%}

%typemap(in) const jm_load_options *opts (jm_load_options o)
%{ if (jmlua_load_options(L, $input, &o) != 0) SWIG_fail;
   $1 = &o; %}
%typemap(default) const jm_load_options *opts (jm_load_options o)
%{ jm_load_options_init(&o); $1 = &o; %}

/* ---------------------------------------------------------------------- */
/* Occupations and score arrays in                                        */

%typemap(in, checkfn="lua_istable") const jm_occupation *occupation (jm_occupation o)
%{ {
    static const char *const names_[] = { "label", "esco_uri", "esco", "isco", "onet" };
    const char **slots_[] = { &o.label, &o.esco_uri, &o.esco_uri, &o.isco, &o.onet };
    memset(&o, 0, sizeof o);
    for (int i_ = 0; i_ < 5; i_++) {
      int t_ = lua_getfield(L, $input, names_[i_]);
      if (t_ == LUA_TSTRING)
        *slots_[i_] = lua_tostring(L, -1);   /* the table keeps the string */
      else if (t_ != LUA_TNIL) {
        lua_pushfstring(L, "%s: occupation.%s must be a string", "$symname", names_[i_]);
        SWIG_fail;
      }
      lua_pop(L, 1);
    }
    $1 = &o;
} %}

%typemap(in, checkfn="lua_istable") (const double *scores, size_t n) (double buf[16])
%{ {
    size_t n_ = lua_rawlen(L, $input);
    if (n_ > 16) n_ = 16;
    for (size_t i_ = 0; i_ < n_; i_++) {
      lua_rawgeti(L, $input, (lua_Integer)i_ + 1);
      if (lua_type(L, -1) != LUA_TNUMBER) {
        lua_pushfstring(L, "%s: scores[%d] must be a number", "$symname", (int)i_ + 1);
        SWIG_fail;
      }
      buf[i_] = (double)lua_tonumber(L, -1);
      lua_pop(L, 1);
    }
    $1 = buf;
    $2 = n_;
} %}

/* ---------------------------------------------------------------------- */
/* Value structs out: tables (NaN becomes nil: unknown)                   */

%{
static void jmlua_set_str(lua_State *L, const char *k, const char *v)
{
    lua_pushstring(L, v ? v : "");
    lua_setfield(L, -2, k);
}
static void jmlua_set_int(lua_State *L, const char *k, lua_Integer v)
{
    lua_pushinteger(L, v);
    lua_setfield(L, -2, k);
}
static void jmlua_set_bool(lua_State *L, const char *k, int v)
{
    lua_pushboolean(L, v != 0);
    lua_setfield(L, -2, k);
}
static void jmlua_set_num(lua_State *L, const char *k, double v)
{
    if (isnan(v))
        return;
    lua_pushnumber(L, (lua_Number)v);
    lua_setfield(L, -2, k);
}
%}

%define JMLUA_STRUCT_OUT(TYPE, CODE)
%typemap(in, numinputs=0) TYPE *out (TYPE v)
%{ memset(&v, 0, sizeof v); $1 = &v; %}
%typemap(argout) TYPE *out
%{ { TYPE *p_ = &v$argnum; lua_newtable(L); CODE SWIG_arg++; } %}
%enddef

JMLUA_STRUCT_OUT(jm_factor_info,
  jmlua_set_str(L, "name", p_->name); jmlua_set_bool(L, "has_data", p_->has_data);
  jmlua_set_num(L, "score", p_->score); jmlua_set_num(L, "weight", p_->weight);
  jmlua_set_num(L, "contribution", p_->contribution); jmlua_set_bool(L, "excluded", p_->excluded);
  jmlua_set_str(L, "detail", p_->detail);)
JMLUA_STRUCT_OUT(jm_exclusion,
  jmlua_set_str(L, "factor", p_->factor); jmlua_set_str(L, "reason", p_->reason);
  jmlua_set_str(L, "lift", p_->lift);)
JMLUA_STRUCT_OUT(jm_skill_match,
  jmlua_set_str(L, "id", p_->id); jmlua_set_str(L, "label", p_->label);
  jmlua_set_bool(L, "essential", p_->essential); jmlua_set_num(L, "required_level", p_->required_level);
  jmlua_set_num(L, "candidate_level", p_->candidate_level); jmlua_set_bool(L, "trainable", p_->trainable);
  jmlua_set_num(L, "credit", p_->credit);)
JMLUA_STRUCT_OUT(jm_training_item,
  jmlua_set_int(L, "kind", p_->kind); jmlua_set_str(L, "id", p_->id); jmlua_set_str(L, "label", p_->label);
  jmlua_set_bool(L, "essential", p_->essential); jmlua_set_num(L, "gap_levels", p_->gap_levels);
  jmlua_set_num(L, "effort_hours", p_->effort_hours); jmlua_set_str(L, "by", p_->by);)
JMLUA_STRUCT_OUT(jm_support_item,
  jmlua_set_str(L, "need", p_->need); jmlua_set_str(L, "label", p_->label);
  jmlua_set_int(L, "intensity", p_->intensity); jmlua_set_bool(L, "essential", p_->essential);
  jmlua_set_int(L, "provider", p_->provider); jmlua_set_str(L, "offer", p_->offer);
  jmlua_set_num(L, "coach_hours", p_->coach_hours); jmlua_set_str(L, "origin", p_->origin);)
JMLUA_STRUCT_OUT(jm_fading_step,
  jmlua_set_int(L, "week", p_->week); jmlua_set_num(L, "hours", p_->hours);)

/* ---------------------------------------------------------------------- */
/* Scoring: rules run on the lua_State of the call                        */

%define JMLUA_SCORING(FN)
%exception FN
%{ {
    jmlua_call call_;
    if (jmlua_call_begin(L, 1, &call_) != 0) SWIG_fail;
    $action
    if (jmlua_call_end(L, &call_, result) != 0) SWIG_fail;
} %}
%enddef

JMLUA_SCORING(jm_engine_score)
JMLUA_SCORING(jm_engine_rank_jobs)
JMLUA_SCORING(jm_engine_rank_candidates)

/* score_matrix(engine, candidates, jobs) -> totals, feasible: row-major
 * arrays of arrays (candidate i, job k, from 1). */
/* Lua rules can only run on the calling thread: batch calls use one. */
%typemap(in, numinputs=0) const jm_batch_options *opts "$1 = NULL;"
%typemap(in, numinputs=0) (double *totals, size_t n_totals) ""
%typemap(in, numinputs=0) (unsigned char *feasible, size_t n_feasible) ""
%typemap(freearg) (double *totals, size_t n_totals) %{ free($1); %}
%typemap(freearg) (unsigned char *feasible, size_t n_feasible) %{ free($1); %}
%typemap(argout) (unsigned char *feasible, size_t n_feasible)
%{ {
    size_t nc_ = jm_candidates_count(arg2), nj_ = jm_jobs_count(arg3);
    lua_createtable(L, (int)nc_, 0);
    lua_createtable(L, (int)nc_, 0);
    for (size_t i_ = 0; i_ < nc_; i_++) {
      lua_createtable(L, (int)nj_, 0);
      lua_createtable(L, (int)nj_, 0);
      for (size_t k_ = 0; k_ < nj_; k_++) {
        lua_pushnumber(L, (lua_Number)arg5[i_ * nj_ + k_]);
        lua_rawseti(L, -3, (lua_Integer)k_ + 1);
        lua_pushboolean(L, $1[i_ * nj_ + k_] != 0);
        lua_rawseti(L, -2, (lua_Integer)k_ + 1);
      }
      lua_rawseti(L, -3, (lua_Integer)i_ + 1);
      lua_rawseti(L, -3, (lua_Integer)i_ + 1);
    }
    SWIG_arg += 2;
} %}
%exception jm_engine_score_matrix
%{ {
    size_t nc_ = jm_candidates_count(arg2), nj_ = jm_jobs_count(arg3);
    if (nj_ && nc_ > SIZE_MAX / sizeof(double) / nj_) {
      lua_pushliteral(L, "score_matrix: too many pairs");
      SWIG_fail;
    }
    size_t n_ = nc_ * nj_;
    arg5 = malloc((n_ ? n_ : 1) * sizeof *arg5);
    arg6 = n_;
    arg7 = malloc(n_ ? n_ : 1);
    arg8 = n_;
    if (!arg5 || !arg7) {
      lua_pushliteral(L, "out of memory");
      SWIG_fail;
    }
    jmlua_call call_;
    if (jmlua_call_begin(L, 1, &call_) != 0) SWIG_fail;
    $action
    if (jmlua_call_end(L, &call_, result) != 0) SWIG_fail;
} %}

/* engine_top_jobs(engine, candidates, jobs, k) and engine_top_candidates(
 * engine, jobs, candidates, k) -> index, totals, counts: per row the
 * positions (from 1) and totals of its best columns, and how many columns
 * are feasible for it. */
%typemap(in, numinputs=0) (size_t *index, size_t n_index) ""
%typemap(in, numinputs=0) (size_t *counts, size_t n_counts) ""
%typemap(freearg) (size_t *index, size_t n_index) %{ free($1); %}
%typemap(freearg) (size_t *counts, size_t n_counts) %{ free($1); %}
%typemap(argout) (size_t *counts, size_t n_counts)
%{ {
    size_t rows_ = $2, k_ = arg4;
    lua_createtable(L, (int)rows_, 0);
    lua_createtable(L, (int)rows_, 0);
    lua_createtable(L, (int)rows_, 0);
    for (size_t r_ = 0; r_ < rows_; r_++) {
      lua_createtable(L, (int)k_, 0);
      lua_createtable(L, (int)k_, 0);
      for (size_t p_ = 0; p_ < k_ && arg6[r_ * k_ + p_] != SIZE_MAX; p_++) {
        lua_pushinteger(L, (lua_Integer)arg6[r_ * k_ + p_] + 1);
        lua_rawseti(L, -3, (lua_Integer)p_ + 1);
        lua_pushnumber(L, (lua_Number)arg8[r_ * k_ + p_]);
        lua_rawseti(L, -2, (lua_Integer)p_ + 1);
      }
      lua_rawseti(L, -4, (lua_Integer)r_ + 1);
      lua_rawseti(L, -4, (lua_Integer)r_ + 1);
      lua_pushinteger(L, (lua_Integer)$1[r_]);
      lua_rawseti(L, -2, (lua_Integer)r_ + 1);
    }
    SWIG_arg += 3;
} %}
%define JMLUA_TOP(FUNC, ROWS)
%exception FUNC
%{ {
    size_t rows_ = ROWS;
    if (arg4 == 0 || (rows_ && arg4 > SIZE_MAX / sizeof(double) / rows_)) {
      lua_pushliteral(L, "rank_all: k must be from 1 to the number of pairs");
      SWIG_fail;
    }
    size_t n_ = rows_ * arg4;
    arg6 = malloc((n_ ? n_ : 1) * sizeof *arg6);
    arg7 = n_;
    arg8 = malloc((n_ ? n_ : 1) * sizeof *arg8);
    arg9 = n_;
    arg10 = malloc((rows_ ? rows_ : 1) * sizeof *arg10);
    arg11 = rows_;
    if (!arg6 || !arg8 || !arg10) {
      lua_pushliteral(L, "out of memory");
      SWIG_fail;
    }
    jmlua_call call_;
    if (jmlua_call_begin(L, 1, &call_) != 0) SWIG_fail;
    $action
    if (jmlua_call_end(L, &call_, result) != 0) SWIG_fail;
} %}
%enddef
JMLUA_TOP(jm_engine_top_jobs, jm_candidates_count(arg2))
JMLUA_TOP(jm_engine_top_candidates, jm_jobs_count(arg2))

/* ---------------------------------------------------------------------- */

%init %{
  jmlua_open(L);
  /* SWIG's runtime adds swig_type and swig_equals to the globals: keep them
   * in the module only. */
  {
    static const char *const names_[] = { "swig_type", "swig_equals" };
    const lua_CFunction fns_[] = { SWIG_Lua_type, SWIG_Lua_class_equal };
    for (int i_ = 0; i_ < 2; i_++) {
      lua_pushcfunction(L, fns_[i_]);
      lua_setfield(L, -2, names_[i_]);
      lua_getglobal(L, names_[i_]);
      int ours_ = lua_tocfunction(L, -1) == fns_[i_];
      lua_pop(L, 1);
      if (ours_) {
        lua_pushnil(L);
        lua_setglobal(L, names_[i_]);
      }
    }
  }
%}

%include "../jobmatch.i"
