/*
 * The hand-written part of the Lua 5.4 binding, shared by the SWIG wrapper
 * (jobmatch_lua.i): JSON <-> Lua conversion (cJSON), read-only proxy tables,
 * error objects, and the rule and travel-time trampolines.
 *
 * Every function that raises a Lua error does so only from a Lua C function
 * frame (a SWIG wrapper or a function of the module), never from inside a
 * libjobmatch call: the trampolines run all their Lua work under lua_pcall.
 */
#ifndef JMLUA_H
#define JMLUA_H

#include <lua.h>
#include <lauxlib.h>

#include "jobmatch.h"

/* Registry names of the metatables the binding creates. */
#define JMLUA_ERROR_MT "jobmatch.error"
#define JMLUA_VETO_MT "jobmatch.veto"
#define JMLUA_HOST_MT "jobmatch.host"
#define JMLUA_OBJECT_MT "jobmatch.object"
#define JMLUA_ARRAY_MT "jobmatch.array"

/* Adds the hand-written functions and values to the module table at the top
 * of the stack and creates the metatables above. */
void jmlua_open(lua_State *L);

/* ---- numbers ---------------------------------------------------------- */

/* Non-zero when the value at idx can be an integer argument: an integer, a
 * float with an integral value, or a boolean (false 0, true 1). */
int jmlua_isint(lua_State *L, int idx);
/* The integer at idx (as jmlua_isint accepts it). */
lua_Integer jmlua_toint(lua_State *L, int idx);
/* Non-zero for a number or nil (nil stands for NaN: "unknown"). */
int jmlua_isnumber_or_nil(lua_State *L, int idx);

/* ---- JSON ------------------------------------------------------------- */

/* Parses JSON text and pushes it as Lua values (objects and arrays become
 * tables, integral numbers integers, null a missing member or, in an array,
 * jobmatch.null); readonly != 0 makes every table a read-only proxy.
 * Raises a Lua error on a syntax error. */
void jmlua_push_json(lua_State *L, const char *text, size_t len, int readonly);

/* Converts the Lua value at idx to compact JSON text and pushes it as a
 * string.  Raises an error object (code JM_EINVAL, with the path of the
 * value that cannot be converted) for functions, cycles, non-finite
 * numbers, mixed tables and the like. */
void jmlua_push_encoded(lua_State *L, int idx);

/* ---- errors ----------------------------------------------------------- */

/* Pushes an error object: a table with the metatable jobmatch.error and the
 * fields code (the negative JM_E* code), name ("EINVAL"), message and
 * diagnostics (an array of tables, from diags when not NULL; else empty).
 * The message is the first error in diags as the CLI prints it ("PATH:
 * message", "(and N more problems)" when there are more), else
 * jm_last_error(), else jm_strerror(code). */
void jmlua_push_error(lua_State *L, int code, const jm_diags *diags);

/* Pushes an error object with the given message (no diagnostics). */
void jmlua_push_error_message(lua_State *L, int code, const char *message);

/* Pushes the diagnostics of a list as an array of tables {severity, code,
 * source, path, line, column, message}; only_warnings != 0 keeps only the
 * warnings. */
void jmlua_push_diags(lua_State *L, const jm_diags *diags, int only_warnings);

/* ---- engines ---------------------------------------------------------- */

/* The instruction budget of a new engine: instructions per call of a rule or
 * of the travel-time function (0 would be no limit). */
#define JMLUA_DEFAULT_BUDGET 10000000

/* Attaches the binding's per-engine state to the engine userdata at idx
 * (its user value).  Raises only on memory errors. */
void jmlua_engine_attach(lua_State *L, int idx, jm_engine *engine);

/* What a scoring call saves to restore afterwards. */
typedef struct jmlua_call {
    void *host;      /* the engine's state */
    lua_State *prev_L;
    int prev_cache;
} jmlua_call;

/* Before a scoring call on the engine at idx: records L as the state the
 * rules run on and makes a fresh per-call cache.  Returns 0, or pushes an
 * error message and returns -1 when idx is not an engine. */
int jmlua_call_begin(lua_State *L, int idx, jmlua_call *call);

/* After the call: restores the engine's state.  When rc is not JM_OK,
 * pushes an error object (naming the failing rule and carrying the Lua
 * error it raised as "cause") and returns -1; else returns 0. */
int jmlua_call_end(lua_State *L, jmlua_call *call, int rc);

#endif /* JMLUA_H */
