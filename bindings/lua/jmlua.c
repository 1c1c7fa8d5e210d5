/*
 * The hand-written part of the Lua 5.4 binding: JSON <-> Lua with cJSON,
 * read-only proxy tables, error objects, and the trampolines that run Lua
 * rules and travel-time functions for libjobmatch.
 *
 * Rules of this file:
 * - A Lua error never crosses a libjobmatch frame: the trampolines do all
 *   their Lua work inside lua_pcall, and the functions that may raise are
 *   called only from Lua C functions (the module's functions and the SWIG
 *   wrappers), before or after a library call.
 * - C memory that must be freed while Lua code may raise is held by a "box"
 *   userdata whose __gc frees it, so an error leaks nothing.
 * - Functions are held by registry reference (luaL_ref) and released with
 *   luaL_unref on the main thread (LUA_RIDX_MAINTHREAD): the payload
 *   destructor may run from an engine's __gc on any coroutine, or from
 *   lua_close.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "jmlua.h"

#define BOX_MT "jobmatch.box"
#define MAX_ENCODE_DEPTH 128

/* ---------------------------------------------------------------------- */
/* Boxes: C memory owned by a userdata until released.                   */

typedef struct box {
    void *ptr;
    void (*release)(void *);
} box;

static int box_gc(lua_State *L)
{
    box *b = luaL_checkudata(L, 1, BOX_MT);
    if (b->ptr && b->release)
        b->release(b->ptr);
    b->ptr = NULL;
    return 0;
}

/* Pushes an empty box; store the pointer in it right after allocating. */
static box *box_new(lua_State *L, void (*release)(void *))
{
    box *b = lua_newuserdatauv(L, sizeof *b, 0);
    b->ptr = NULL;
    b->release = release;
    luaL_setmetatable(L, BOX_MT);
    return b;
}

static void box_release(box *b)
{
    if (b->ptr && b->release)
        b->release(b->ptr);
    b->ptr = NULL;
}

static void release_cjson(void *p)
{
    cJSON_Delete(p);
}

static void release_cjson_text(void *p)
{
    cJSON_free(p);
}

static void release_jm(void *p)
{
    jm_free(p);
}

/* ---------------------------------------------------------------------- */
/* Numbers                                                                */

int jmlua_isint(lua_State *L, int idx)
{
    int ok = 0;
    if (lua_type(L, idx) == LUA_TBOOLEAN)
        return 1;
    if (lua_type(L, idx) != LUA_TNUMBER)
        return 0;
    (void)lua_tointegerx(L, idx, &ok);
    return ok;
}

lua_Integer jmlua_toint(lua_State *L, int idx)
{
    if (lua_type(L, idx) == LUA_TBOOLEAN)
        return lua_toboolean(L, idx) ? 1 : 0;
    return lua_tointeger(L, idx);
}

int jmlua_isnumber_or_nil(lua_State *L, int idx)
{
    return lua_type(L, idx) == LUA_TNUMBER || lua_isnil(L, idx);
}

/* Pushes a JSON number: an integer when it has an integral value that a
 * lua_Integer holds, else a float. */
static void push_number(lua_State *L, double d)
{
    lua_Integer i;
    if (lua_numbertointeger(d, &i) && (lua_Number)i == d)
        lua_pushinteger(L, i);
    else
        lua_pushnumber(L, d);
}

/* ---------------------------------------------------------------------- */
/* Error objects                                                          */

static const char *code_name(int code)
{
    switch (code) {
    case JM_OK: return "OK";
    case JM_EINVAL: return "EINVAL";
    case JM_ENOMEM: return "ENOMEM";
    case JM_EPARSE: return "EPARSE";
    case JM_ENOTFOUND: return "ENOTFOUND";
    case JM_EEXISTS: return "EEXISTS";
    case JM_ECALLBACK: return "ECALLBACK";
    case JM_EIO: return "EIO";
    case JM_ERANGE: return "ERANGE";
    case JM_ETYPE: return "ETYPE";
    default: return "EUNKNOWN";
    }
}

static int error_tostring(lua_State *L)
{
    if (lua_type(L, 1) == LUA_TTABLE && lua_getfield(L, 1, "message") == LUA_TSTRING)
        return 1;
    lua_pushliteral(L, "jobmatch error");
    return 1;
}

/* Pushes one diagnostic as a table. */
static void push_diag(lua_State *L, const jm_diag *d)
{
    lua_createtable(L, 0, 7);
    lua_pushstring(L, d->severity == JM_SEVERITY_WARNING ? "warning" : "error");
    lua_setfield(L, -2, "severity");
    lua_pushinteger(L, d->code);
    lua_setfield(L, -2, "code");
    lua_pushstring(L, d->source ? d->source : "");
    lua_setfield(L, -2, "source");
    lua_pushstring(L, d->path ? d->path : "");
    lua_setfield(L, -2, "path");
    lua_pushinteger(L, d->line);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, d->column);
    lua_setfield(L, -2, "column");
    lua_pushstring(L, d->message ? d->message : "");
    lua_setfield(L, -2, "message");
}

void jmlua_push_diags(lua_State *L, const jm_diags *diags, int only_warnings)
{
    size_t n = diags ? jm_diags_count(diags) : 0;
    lua_Integer k = 0;
    lua_createtable(L, (int)(n < 64 ? n : 64), 0);
    for (size_t i = 0; i < n; i++) {
        jm_diag d;
        if (jm_diags_get(diags, i, &d) != JM_OK)
            continue;
        if (only_warnings && d.severity != JM_SEVERITY_WARNING)
            continue;
        push_diag(L, &d);
        lua_rawseti(L, -2, ++k);
    }
}

/* Pushes an error object whose detail is given; diags_at is the stack index
 * of an array of diagnostic tables to attach, or 0 for none. */
static void push_error_detail(lua_State *L, int code, const char *detail, int diags_at)
{
    if (diags_at)
        diags_at = lua_absindex(L, diags_at);
    lua_createtable(L, 0, 6);
    lua_pushinteger(L, code);
    lua_setfield(L, -2, "code");
    lua_pushstring(L, code_name(code));
    lua_setfield(L, -2, "name");
    lua_pushstring(L, detail && detail[0] ? detail : jm_strerror(code));
    lua_setfield(L, -2, "message");
    if (diags_at)
        lua_pushvalue(L, diags_at);
    else
        lua_newtable(L);
    lua_setfield(L, -2, "diagnostics");
    luaL_setmetatable(L, JMLUA_ERROR_MT);
}

void jmlua_push_error_message(lua_State *L, int code, const char *message)
{
    push_error_detail(L, code, message, 0);
}

void jmlua_push_error(lua_State *L, int code, const jm_diags *diags)
{
    /* Read the thread's last error before anything else can replace it. */
    const char *last = jm_last_error();
    lua_pushstring(L, last ? last : "");
    int last_at = lua_gettop(L);
    size_t n_errors = diags ? jm_diags_count_severity(diags, JM_SEVERITY_ERROR) : 0;
    int diags_at = 0;
    if (diags) {
        jmlua_push_diags(L, diags, 0);
        diags_at = lua_gettop(L);
    }
    if (n_errors > 0) {
        /* The detail is the first error, formatted as the CLI prints it. */
        size_t n = jm_diags_count(diags);
        for (size_t i = 0; i < n; i++) {
            jm_diag d;
            if (jm_diags_get(diags, i, &d) != JM_OK || d.severity != JM_SEVERITY_ERROR)
                continue;
            box *b = box_new(L, release_jm);
            char *line = NULL;
            if (jm_diags_format(diags, i, &line) == JM_OK)
                b->ptr = line;
            if (n_errors > 1)
                lua_pushfstring(L, "%s (and %d more problem%s)", line ? line : d.message,
                                (int)(n_errors - 1), n_errors > 2 ? "s" : "");
            else
                lua_pushstring(L, line ? line : d.message);
            box_release(b);
            lua_remove(L, -2);
            break;
        }
    } else {
        lua_pushvalue(L, last_at);
    }
    push_error_detail(L, code, lua_tostring(L, -1), diags_at);
    /* Keep only the error object. */
    lua_replace(L, last_at);
    lua_settop(L, last_at);
}

/* Raises an EINVAL error object for a value at a JSON path. */
static int raise_at(lua_State *L, const char *path, const char *what)
{
    lua_createtable(L, 1, 0);
    lua_createtable(L, 0, 7);
    lua_pushliteral(L, "error");
    lua_setfield(L, -2, "severity");
    lua_pushinteger(L, JM_EINVAL);
    lua_setfield(L, -2, "code");
    lua_pushliteral(L, "");
    lua_setfield(L, -2, "source");
    lua_pushstring(L, path);
    lua_setfield(L, -2, "path");
    lua_pushinteger(L, 0);
    lua_setfield(L, -2, "line");
    lua_pushinteger(L, 0);
    lua_setfield(L, -2, "column");
    lua_pushstring(L, what);
    lua_setfield(L, -2, "message");
    lua_rawseti(L, -2, 1);
    if (path[0])
        lua_pushfstring(L, "%s: %s", path, what);
    else
        lua_pushstring(L, what);
    push_error_detail(L, JM_EINVAL, lua_tostring(L, -1), -2);
    return lua_error(L);
}

/* ---------------------------------------------------------------------- */
/* Read-only proxies                                                      */

static int ro_newindex(lua_State *L)
{
    const char *key = luaL_tolstring(L, 2, NULL);
    return luaL_error(L, "attempt to change a read-only table (field '%s')", key);
}

/* Pushes the table behind the proxy at idx. */
static void ro_backing(lua_State *L, int idx)
{
    if (!lua_getmetatable(L, idx)) {
        lua_pushvalue(L, idx);
        return;
    }
    lua_pushliteral(L, "__index");
    lua_rawget(L, -2);
    lua_remove(L, -2);
}

static int ro_len(lua_State *L)
{
    ro_backing(L, 1);
    lua_pushinteger(L, (lua_Integer)lua_rawlen(L, -1));
    return 1;
}

static int ro_next(lua_State *L)
{
    lua_settop(L, 2);
    if (lua_next(L, 1))
        return 2;
    lua_pushnil(L);
    return 1;
}

static int ro_pairs(lua_State *L)
{
    lua_pushcfunction(L, ro_next);
    ro_backing(L, 1);
    lua_pushnil(L);
    return 3;
}

/* Non-zero when the value at idx is a read-only proxy made here; then
 * *is_object tells whether it stands for a JSON object. */
static int is_proxy(lua_State *L, int idx, int *is_object)
{
    int yes = 0;
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    lua_pushliteral(L, "__newindex");
    lua_rawget(L, -2);
    yes = lua_tocfunction(L, -1) == ro_newindex;
    lua_pop(L, 1);
    if (yes && is_object) {
        lua_pushliteral(L, "__jmobject");
        lua_rawget(L, -2);
        *is_object = lua_toboolean(L, -1);
        lua_pop(L, 1);
    }
    lua_pop(L, 1);
    return yes;
}

/* Replaces the table at the top with a read-only proxy of it. */
static void make_readonly(lua_State *L, int is_object)
{
    lua_createtable(L, 0, 0);
    lua_createtable(L, 0, 7);
    lua_pushvalue(L, -3);
    lua_setfield(L, -2, "__index");
    lua_pushcfunction(L, ro_newindex);
    lua_setfield(L, -2, "__newindex");
    lua_pushcfunction(L, ro_len);
    lua_setfield(L, -2, "__len");
    lua_pushcfunction(L, ro_pairs);
    lua_setfield(L, -2, "__pairs");
    lua_pushboolean(L, is_object);
    lua_setfield(L, -2, "__jmobject");
    lua_pushliteral(L, "jobmatch.readonly");
    lua_setfield(L, -2, "__name");
    lua_pushliteral(L, "read-only");
    lua_setfield(L, -2, "__metatable");
    lua_setmetatable(L, -2);
    lua_replace(L, -2);
}

/* ---------------------------------------------------------------------- */
/* JSON -> Lua                                                            */

static void push_item(lua_State *L, const cJSON *item, int readonly)
{
    luaL_checkstack(L, 6, "JSON nested too deeply");
    if (cJSON_IsObject(item)) {
        int n = 0;
        for (const cJSON *c = item->child; c; c = c->next)
            n++;
        lua_createtable(L, 0, n);
        for (const cJSON *c = item->child; c; c = c->next) {
            if (cJSON_IsNull(c) || !c->string)
                continue; /* null is unknown: the member is left out */
            push_item(L, c, readonly);
            lua_setfield(L, -2, c->string);
        }
        if (readonly)
            make_readonly(L, 1);
        else if (n == 0)
            luaL_setmetatable(L, JMLUA_OBJECT_MT); /* {} stays an object */
    } else if (cJSON_IsArray(item)) {
        lua_Integer k = 0;
        lua_createtable(L, cJSON_GetArraySize(item), 0);
        for (const cJSON *c = item->child; c; c = c->next) {
            if (cJSON_IsNull(c))
                lua_pushlightuserdata(L, NULL); /* jobmatch.null keeps the position */
            else
                push_item(L, c, readonly);
            lua_rawseti(L, -2, ++k);
        }
        if (readonly)
            make_readonly(L, 0);
    } else if (cJSON_IsString(item)) {
        lua_pushstring(L, item->valuestring ? item->valuestring : "");
    } else if (cJSON_IsNumber(item)) {
        push_number(L, item->valuedouble);
    } else if (cJSON_IsTrue(item)) {
        lua_pushboolean(L, 1);
    } else if (cJSON_IsFalse(item)) {
        lua_pushboolean(L, 0);
    } else {
        lua_pushnil(L);
    }
}

void jmlua_push_json(lua_State *L, const char *text, size_t len, int readonly)
{
    box *b = box_new(L, release_cjson);
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(text, len, &end, 0);
    b->ptr = root;
    if (!root) {
        size_t at = end && end >= text ? (size_t)(end - text) : 0;
        lua_pushfstring(L, "JSON syntax error at byte %d", (int)at);
        push_error_detail(L, JM_EPARSE, lua_tostring(L, -1), 0);
        lua_error(L);
    }
    /* Only whitespace may follow the value. */
    if (end) {
        const char *p = end, *stop = text + len;
        while (p < stop && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
            p++;
        if (p < stop && *p) {
            lua_pushfstring(L, "JSON syntax error at byte %d: text after the JSON value",
                            (int)(p - text));
            push_error_detail(L, JM_EPARSE, lua_tostring(L, -1), 0);
            lua_error(L);
        }
    }
    push_item(L, root, readonly);
    box_release(b);
    lua_remove(L, -2);
}

/* ---------------------------------------------------------------------- */
/* Lua -> JSON                                                            */

typedef struct path_step {
    const char *key;  /* an object member, or NULL */
    lua_Integer index; /* an array element (0-based) */
} path_step;

typedef struct encoder {
    path_step steps[MAX_ENCODE_DEPTH + 1];
    int depth;
    int visiting; /* stack index of the set of tables being written */
} encoder;

/* Raises an EINVAL error naming the current path. */
static int encode_fail(lua_State *L, const encoder *e, const char *what)
{
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (int i = 0; i < e->depth; i++) {
        if (e->steps[i].key) {
            if (i > 0)
                luaL_addchar(&b, '.');
            luaL_addstring(&b, e->steps[i].key);
        } else {
            lua_pushfstring(L, "[%I]", (LUAI_UACINT)e->steps[i].index);
            luaL_addvalue(&b);
        }
    }
    luaL_pushresult(&b);
    return raise_at(L, lua_tostring(L, -1), what);
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static void encode_into(lua_State *L, encoder *e, int idx, cJSON *parent, const char *key);

static void attach(lua_State *L, encoder *e, cJSON *parent, const char *key, cJSON *item)
{
    if (!item)
        encode_fail(L, e, "out of memory");
    if (cJSON_IsArray(parent))
        cJSON_AddItemToArray(parent, item);
    else
        cJSON_AddItemToObject(parent, key, item);
}

/* Encodes the table at idx (a plain table or a read-only proxy) into node. */
static void encode_table(lua_State *L, encoder *e, int idx, cJSON *parent, const char *key)
{
    int marked = -1; /* 1 object, 0 array, -1 decide from the keys */
    int proxy_object = 0;
    if (is_proxy(L, idx, &proxy_object)) {
        ro_backing(L, idx);
        idx = lua_gettop(L);
        marked = proxy_object;
    } else if (lua_getmetatable(L, idx)) {
        luaL_getmetatable(L, JMLUA_OBJECT_MT);
        if (lua_rawequal(L, -1, -2))
            marked = 1;
        lua_pop(L, 1);
        luaL_getmetatable(L, JMLUA_ARRAY_MT);
        if (lua_rawequal(L, -1, -2))
            marked = 0;
        lua_pop(L, 2);
    }
    if (e->depth >= MAX_ENCODE_DEPTH)
        encode_fail(L, e, "nested more than 128 levels deep");
    const void *self = lua_topointer(L, idx);
    if (lua_rawgetp(L, e->visiting, self) != LUA_TNIL)
        encode_fail(L, e, "a table that contains itself");
    lua_pop(L, 1);
    lua_pushboolean(L, 1);
    lua_rawsetp(L, e->visiting, self);

    /* Count the keys: all integers 1..n make an array, all strings an object. */
    size_t n = lua_rawlen(L, idx), n_keys = 0, n_strings = 0, n_seq = 0;
    lua_pushnil(L);
    while (lua_next(L, idx)) {
        n_keys++;
        if (lua_type(L, -2) == LUA_TSTRING) {
            n_strings++;
        } else if (lua_isinteger(L, -2)) {
            lua_Integer k = lua_tointeger(L, -2);
            if (k >= 1 && (lua_Unsigned)k <= n)
                n_seq++;
        }
        lua_pop(L, 1);
    }
    int as_object;
    if (marked == 1) {
        if (n_strings != n_keys)
            encode_fail(L, e, "an object (jobmatch.object) whose keys are not all strings");
        as_object = 1;
    } else if (marked == 0) {
        if (n_seq != n_keys)
            encode_fail(L, e, "an array (jobmatch.array) that is not a sequence 1..n");
        as_object = 0;
    } else if (n_keys == n_seq) {
        as_object = 0; /* a sequence, or an empty table: an array */
    } else if (n_keys == n_strings) {
        as_object = 1;
    } else {
        encode_fail(L, e, "a table that mixes string keys with other keys, or an array with holes");
        return;
    }

    cJSON *node = as_object ? cJSON_CreateObject() : cJSON_CreateArray();
    attach(L, e, parent, key, node);
    if (!as_object) {
        for (size_t i = 1; i <= n_seq; i++) {
            lua_rawgeti(L, idx, (lua_Integer)i);
            e->steps[e->depth].key = NULL;
            e->steps[e->depth].index = (lua_Integer)i - 1;
            e->depth++;
            encode_into(L, e, lua_gettop(L), node, NULL);
            e->depth--;
            lua_pop(L, 1);
        }
    } else if (n_keys > 0) {
        /* Members in byte order of their names: the same table always gives
         * the same text. */
        const char **keys = lua_newuserdatauv(L, n_keys * sizeof *keys, 0);
        size_t k = 0;
        lua_pushnil(L);
        while (lua_next(L, idx)) {
            size_t len;
            const char *s = lua_tolstring(L, -2, &len);
            if (strlen(s) != len) {
                e->steps[e->depth].key = "?";
                e->depth++;
                encode_fail(L, e, "a key with a zero byte");
            }
            keys[k++] = s; /* the key lives as long as the table holds it */
            lua_pop(L, 1);
        }
        qsort(keys, k, sizeof *keys, compare_keys);
        for (size_t i = 0; i < k; i++) {
            lua_pushstring(L, keys[i]);
            lua_rawget(L, idx);
            e->steps[e->depth].key = keys[i];
            e->depth++;
            encode_into(L, e, lua_gettop(L), node, keys[i]);
            e->depth--;
            lua_pop(L, 1);
        }
        lua_pop(L, 1); /* the keys */
    }
    lua_pushnil(L);
    lua_rawsetp(L, e->visiting, self);
    /* The backing table of a proxy, if pushed, goes with the caller's settop. */
}

static void encode_into(lua_State *L, encoder *e, int idx, cJSON *parent, const char *key)
{
    int top = lua_gettop(L);
    luaL_checkstack(L, 8, "table nested too deeply");
    switch (lua_type(L, idx)) {
    case LUA_TNIL:
        attach(L, e, parent, key, cJSON_CreateNull());
        break;
    case LUA_TBOOLEAN:
        attach(L, e, parent, key, cJSON_CreateBool(lua_toboolean(L, idx)));
        break;
    case LUA_TNUMBER: {
        /* Written by hand (a raw node): integers exactly, floats with the
         * fewest digits (15 to 17) that read back to the same value. */
        char text[64];
        if (lua_isinteger(L, idx)) {
            snprintf(text, sizeof text, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
        } else {
            double d = (double)lua_tonumber(L, idx);
            if (!isfinite(d))
                encode_fail(L, e, "a number that is not finite (NaN or infinity)");
            for (int digits = 15; digits <= 17; digits++) {
                snprintf(text, sizeof text, "%.*g", digits, d);
                if (strtod(text, NULL) == d)
                    break;
            }
        }
        attach(L, e, parent, key, cJSON_CreateRaw(text));
        break;
    }
    case LUA_TSTRING: {
        size_t len;
        const char *s = lua_tolstring(L, idx, &len);
        if (strlen(s) != len)
            encode_fail(L, e, "a string with a zero byte");
        attach(L, e, parent, key, cJSON_CreateString(s));
        break;
    }
    case LUA_TLIGHTUSERDATA:
        if (lua_touserdata(L, idx) == NULL) { /* jobmatch.null */
            attach(L, e, parent, key, cJSON_CreateNull());
            break;
        }
        encode_fail(L, e, "a light userdata cannot be written as JSON");
        break;
    case LUA_TTABLE:
        encode_table(L, e, idx, parent, key);
        break;
    default: {
        lua_pushfstring(L, "a %s cannot be written as JSON", luaL_typename(L, idx));
        encode_fail(L, e, lua_tostring(L, -1));
        break;
    }
    }
    lua_settop(L, top);
}

void jmlua_push_encoded(lua_State *L, int idx)
{
    idx = lua_absindex(L, idx);
    encoder *e = lua_newuserdatauv(L, sizeof *e, 0);
    e->depth = 0;
    lua_newtable(L);
    e->visiting = lua_gettop(L);
    box *tree = box_new(L, release_cjson);
    /* The value goes into a one-element array so that every node has a
     * parent that the box owns. */
    cJSON *holder = cJSON_CreateArray();
    if (!holder)
        luaL_error(L, "out of memory");
    tree->ptr = holder;
    encode_into(L, e, idx, holder, NULL);
    box *text = box_new(L, release_cjson_text);
    text->ptr = cJSON_PrintUnformatted(cJSON_GetArrayItem(holder, 0));
    if (!text->ptr)
        luaL_error(L, "out of memory");
    lua_pushstring(L, text->ptr);
    box_release(text);
    box_release(tree);
    lua_replace(L, -5); /* over the encoder */
    lua_pop(L, 3);
}

/* ---------------------------------------------------------------------- */
/* Engines: the per-engine state and the per-call cache                  */

typedef struct host {
    jm_engine *engine;
    lua_State *L;  /* the state of the scoring call in progress, or NULL */
    int cache_ref; /* registry ref of that call's cache table, or LUA_NOREF */
    int depth;     /* scoring calls in progress (nested calls count) */
    lua_Integer budget; /* instructions per call of a rule or the travel-time
                         * function; 0 for no limit */
} host;

/* What a rule or the travel-time source holds: the Lua function, by
 * registry reference, and the engine's state (which outlives it: the
 * engine's userdata holds the state and frees the callbacks first). */
typedef struct callback {
    lua_State *main;
    int fn_ref;
    host *h;
    char name[80];
} callback;

void jmlua_engine_attach(lua_State *L, int idx, jm_engine *engine)
{
    idx = lua_absindex(L, idx);
    host *h = lua_newuserdatauv(L, sizeof *h, 0);
    h->engine = engine;
    h->L = NULL;
    h->cache_ref = LUA_NOREF;
    h->depth = 0;
    h->budget = JMLUA_DEFAULT_BUDGET;
    luaL_setmetatable(L, JMLUA_HOST_MT);
    if (!lua_setiuservalue(L, idx, 1))
        luaL_error(L, "jobmatch: the engine userdata has no user value");
}

static host *get_host(lua_State *L, int idx)
{
    host *h = NULL;
    if (lua_type(L, idx) != LUA_TUSERDATA)
        return NULL;
    if (lua_getiuservalue(L, idx, 1) != LUA_TNONE)
        h = luaL_testudata(L, -1, JMLUA_HOST_MT);
    lua_pop(L, 1);
    return h;
}

static host *check_host(lua_State *L, int idx)
{
    host *h = get_host(L, idx);
    if (!h)
        luaL_typeerror(L, idx, "jobmatch engine");
    return h;
}

int jmlua_call_begin(lua_State *L, int idx, jmlua_call *call)
{
    host *h = get_host(L, idx);
    if (!h) {
        lua_pushliteral(L, "expected a jobmatch engine");
        return -1;
    }
    lua_createtable(L, 0, 4);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    call->host = h;
    call->prev_L = h->L;
    call->prev_cache = h->cache_ref;
    h->L = L;
    h->cache_ref = ref;
    h->depth++;
    return 0;
}

int jmlua_call_end(lua_State *L, jmlua_call *call, int rc)
{
    host *h = call->host;
    int ref = h->cache_ref;
    h->L = call->prev_L;
    h->cache_ref = call->prev_cache;
    h->depth--;
    if (rc == JM_OK) {
        luaL_unref(L, LUA_REGISTRYINDEX, ref);
        return 0;
    }
    int top = lua_gettop(L);
    jmlua_push_error(L, rc, NULL);
    lua_rawgeti(L, LUA_REGISTRYINDEX, ref);
    luaL_unref(L, LUA_REGISTRYINDEX, ref);
    if (rc == JM_ECALLBACK && lua_istable(L, -1)) {
        static const char *const fields[] = { "rule", "callback", "cause" };
        for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
            lua_getfield(L, -1, fields[i]);
            lua_setfield(L, -3, fields[i]);
        }
        /* The travel-time message of the library does not carry the Lua
         * error: add it. */
        if (lua_getfield(L, -1, "detail") == LUA_TSTRING) {
            lua_getfield(L, -3, "message");
            lua_pushliteral(L, ": ");
            lua_pushvalue(L, -3);
            lua_concat(L, 3);
            lua_setfield(L, -4, "message");
        }
        lua_pop(L, 1);
    }
    lua_settop(L, top + 1);
    return -1;
}

/* Pushes the candidate or job as a read-only table, from the call's cache
 * (one conversion per object and call, whatever the number of rules). */
static void push_subject(lua_State *L, host *h, const jm_candidate *c, const jm_job *j)
{
    const void *key = c ? (const void *)c : (const void *)j;
    int cached = h->cache_ref != LUA_NOREF && h->cache_ref != LUA_REFNIL;
    if (cached) {
        lua_rawgeti(L, LUA_REGISTRYINDEX, h->cache_ref);
        if (lua_rawgetp(L, -1, key) != LUA_TNIL) {
            lua_remove(L, -2);
            return;
        }
        lua_pop(L, 1);
    }
    box *b = box_new(L, release_jm);
    char *text = NULL;
    int rc = c ? jm_candidate_to_json(c, &text) : jm_job_to_json(j, &text);
    b->ptr = text;
    if (rc != JM_OK || !text)
        luaL_error(L, "cannot convert the %s to a table: %s", c ? "candidate" : "job", jm_strerror(rc));
    jmlua_push_json(L, text, strlen(text), 1);
    box_release(b);
    lua_remove(L, -2);
    if (cached) {
        lua_pushvalue(L, -1);
        lua_rawsetp(L, -3, key);
        lua_remove(L, -2);
    }
}

/* Records in the call's cache what failed: field = name, and the Lua error
 * value at the top of the stack as "cause" (the value stays). */
static void record_failure(lua_State *L, host *h, const char *field, const char *name, int has_cause)
{
    if (h->cache_ref == LUA_NOREF || h->cache_ref == LUA_REFNIL)
        return;
    int top = lua_gettop(L);
    lua_rawgeti(L, LUA_REGISTRYINDEX, h->cache_ref);
    lua_pushstring(L, name);
    lua_setfield(L, -2, field);
    if (has_cause) {
        lua_pushvalue(L, top);
        lua_setfield(L, -2, "cause");
    }
    lua_settop(L, top);
}


/* ---------------------------------------------------------------------- */
/* Instruction budgets                                                    */
/*
 * Each call of a Lua rule or travel-time function runs with a count hook
 * (lua_sethook, LUA_MASKCOUNT) on the lua_State it runs on; the hook raises
 * a Lua error once the call has spent its budget, and the lua_pcall of the
 * call turns it into the usual failure.  The hook that was set before is
 * put back after the call.
 *
 * The calls in progress form a stack per Lua state (a rule may score with
 * another engine, whose rules run inside it, or resume coroutines): calls of
 * one state are strictly nested, since a rule cannot yield across the
 * trampoline.  The stack lives in a registry userdata made once by
 * jmlua_open, so pushing and popping never allocate.  Each time the hook
 * fires, on whatever coroutine of the state, the instructions since the last
 * time are charged to every call in progress, so a nested call never resets
 * the count of the call around it, and coroutines created inside a rule
 * (they inherit the hook) are counted too.  The hook fires at least every
 * BUDGET_CHUNK instructions; a nested call whose hook was already set finds
 * out it is over budget within that many instructions.
 *
 * Once a call is over budget, the hook fires at every instruction until the
 * call ends, so a rule cannot catch the error with pcall and go on.
 */

#define BUDGET_CHUNK 10000

typedef struct budget_frame {
    struct budget_frame *outer;
    lua_Integer budget;
    lua_Integer remaining;
    const char *rule; /* the rule's name, or NULL for the travel-time function */
    int installed;    /* this call set the hook: restore prev_* when it ends */
    lua_Hook prev_hook;
    int prev_mask;
    int prev_count;
} budget_frame;

typedef struct budget_stack {
    budget_frame *top;
} budget_stack;

static const char budget_key = 0; /* its address is the registry key */

static budget_stack *get_budget_stack(lua_State *L)
{
    budget_stack *s = NULL;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &budget_key) == LUA_TUSERDATA)
        s = lua_touserdata(L, -1);
    lua_pop(L, 1);
    return s;
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    (void)ar;
    budget_stack *s = get_budget_stack(L);
    if (!s || !s->top) {
        /* Inherited by a coroutine made inside a call that has ended. */
        lua_sethook(L, NULL, 0, 0);
        return;
    }
    lua_Integer spent = lua_gethookcount(L);
    lua_Integer next = BUDGET_CHUNK;
    budget_frame *over = NULL;
    for (budget_frame *f = s->top; f; f = f->outer) {
        if (f->remaining > 0)
            f->remaining -= spent;
        if (f->remaining <= 0) {
            if (!over)
                over = f;
        } else if (f->remaining < next) {
            next = f->remaining;
        }
    }
    if (over) {
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
        /* A hook has no frame of its own: level 0 is the Lua function
         * running, where the message points. */
        luaL_where(L, 0);
        if (over->rule)
            lua_pushfstring(L, "rule '%s' exceeded its instruction budget of %I instructions",
                            over->rule, over->budget);
        else
            lua_pushfstring(L, "the travel-time function exceeded its instruction budget of %I "
                               "instructions", over->budget);
        lua_concat(L, 2);
        lua_error(L);
        return;
    }
    if (next != spent)
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, (int)next);
}

/* lua_pcall(L, nargs, nresults, 0) under the engine's instruction budget;
 * rule is the rule's name, or NULL for the travel-time function. */
static int budgeted_pcall(lua_State *L, const host *h, const char *rule, int nargs, int nresults)
{
    budget_stack *s = h->budget > 0 ? get_budget_stack(L) : NULL;
    if (!s)
        return lua_pcall(L, nargs, nresults, 0);
    budget_frame f;
    f.outer = s->top;
    f.budget = h->budget;
    f.remaining = h->budget;
    f.rule = rule;
    f.prev_hook = lua_gethook(L);
    f.prev_mask = lua_gethookmask(L);
    f.prev_count = lua_gethookcount(L);
    /* A call in progress already counts on this state: keep its count
     * running.  Else set the hook (one left behind by an ended call is
     * dropped, not restored). */
    f.installed = !(f.prev_hook == budget_hook && s->top);
    if (f.installed) {
        if (f.prev_hook == budget_hook) {
            f.prev_hook = NULL;
            f.prev_mask = 0;
            f.prev_count = 0;
        }
        lua_sethook(L, budget_hook, LUA_MASKCOUNT,
                    (int)(h->budget < BUDGET_CHUNK ? h->budget : BUDGET_CHUNK));
    }
    s->top = &f;
    int rc = lua_pcall(L, nargs, nresults, 0);
    s->top = f.outer;
    if (f.installed)
        lua_sethook(L, f.prev_hook, f.prev_mask, f.prev_count);
    return rc;
}

/* engine_set_instruction_budget(engine, n or nil): n >= 0, 0 or nil for no limit */
static int l_set_instruction_budget(lua_State *L)
{
    host *h = check_host(L, 1);
    lua_Integer n = 0;
    if (!lua_isnoneornil(L, 2)) {
        int ok = 0;
        if (lua_type(L, 2) == LUA_TNUMBER)
            n = lua_tointegerx(L, 2, &ok);
        if (!ok || n < 0)
            return luaL_argerror(L, 2, lua_type(L, 2) == LUA_TNUMBER
                                           ? "the instruction budget must be an integer >= 0"
                                           : lua_pushfstring(L, "integer expected, got %s",
                                                             luaL_typename(L, 2)));
    }
    h->budget = n;
    return 0;
}

/* engine_instruction_budget(engine) -> n (0: no limit) */
static int l_instruction_budget(lua_State *L)
{
    lua_pushinteger(L, check_host(L, 1)->budget);
    return 1;
}

/* ---------------------------------------------------------------------- */
/* Rules                                                                  */

typedef struct rule_args {
    callback *cb;
    const jm_candidate *c;
    const jm_job *j;
    jm_verdict *v;
    int failed;
} rule_args;

static int is_veto(lua_State *L, int idx)
{
    int yes = 0;
    if (lua_type(L, idx) != LUA_TTABLE || !lua_getmetatable(L, idx))
        return 0;
    luaL_getmetatable(L, JMLUA_VETO_MT);
    yes = lua_rawequal(L, -1, -2);
    lua_pop(L, 2);
    return yes;
}

/* Runs under lua_pcall: calls the rule and turns its results into the verdict. */
static int rule_call(lua_State *L)
{
    rule_args *a = lua_touserdata(L, 1);
    callback *cb = a->cb;
    lua_settop(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, cb->fn_ref);
    push_subject(L, cb->h, a->c, NULL);
    push_subject(L, cb->h, NULL, a->j);
    if (budgeted_pcall(L, cb->h, cb->name, 2, 2) != LUA_OK) {
        record_failure(L, cb->h, "rule", cb->name, 1);
        jm_verdict_fail(a->v, luaL_tolstring(L, -1, NULL));
        a->failed = 1;
        return 0;
    }
    /* A second result is a note for the rule's line of the breakdown. */
    if (lua_type(L, 2) == LUA_TSTRING) {
        jm_verdict_note(a->v, lua_tostring(L, 2));
    } else if (!lua_isnil(L, 2)) {
        record_failure(L, cb->h, "rule", cb->name, 0);
        lua_pushfstring(L, "the rule's second result (a note) must be a string, not a %s",
                        luaL_typename(L, 2));
        jm_verdict_fail(a->v, lua_tostring(L, -1));
        a->failed = 1;
        return 0;
    }
    switch (lua_type(L, 1)) {
    case LUA_TNIL:
        jm_verdict_abstain(a->v);
        break;
    case LUA_TNUMBER: {
        lua_Number x = lua_tonumber(L, 1);
        if (x != x)
            record_failure(L, cb->h, "rule", cb->name, 0);
        jm_verdict_score(a->v, (double)x);
        break;
    }
    default:
        if (is_veto(L, 1)) {
            lua_getfield(L, 1, "reason");
            lua_getfield(L, 1, "lift");
            jm_verdict_veto(a->v, lua_tostring(L, -2), lua_tostring(L, -1));
            break;
        }
        record_failure(L, cb->h, "rule", cb->name, 0);
        lua_pushfstring(L, "the rule returned a %s; expected a number from 0 to 1, nil (abstain) "
                           "or jobmatch.veto(reason [, lift])", luaL_typename(L, 1));
        jm_verdict_fail(a->v, lua_tostring(L, -1));
        a->failed = 1;
        break;
    }
    return 0;
}

static int rule_trampoline(const jm_candidate *c, const jm_job *j, jm_verdict *v, void *payload)
{
    callback *cb = payload;
    lua_State *L = cb->h->L;
    if (!L) {
        jm_verdict_fail(v, "the Lua rule was called outside a call from Lua");
        return -1;
    }
    if (!lua_checkstack(L, 8)) {
        jm_verdict_fail(v, "Lua stack overflow");
        return -1;
    }
    rule_args a = { cb, c, j, v, 0 };
    int top = lua_gettop(L);
    lua_pushcfunction(L, rule_call);
    lua_pushlightuserdata(L, &a);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK) {
        /* An error in the binding's own work (memory, a failing __tostring). */
        jm_verdict_fail(v, lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1)
                                                          : "error while running the Lua rule");
        a.failed = 1;
    }
    lua_settop(L, top);
    return a.failed ? -1 : 0;
}

/* Destroys a rule's or travel-time source's payload: called exactly once by
 * the library (removal, replacement, engine free or failed registration). */
static void callback_free(void *payload)
{
    callback *cb = payload;
    if (!cb)
        return;
    if (cb->main && cb->fn_ref != LUA_NOREF && lua_checkstack(cb->main, 4))
        luaL_unref(cb->main, LUA_REGISTRYINDEX, cb->fn_ref);
    free(cb);
}

/* Makes a payload holding the function at idx. */
static callback *callback_new(lua_State *L, host *h, int idx, const char *name)
{
    lua_rawgeti(L, LUA_REGISTRYINDEX, LUA_RIDX_MAINTHREAD);
    lua_State *main = lua_tothread(L, -1);
    lua_pop(L, 1);
    lua_pushvalue(L, idx);
    int ref = luaL_ref(L, LUA_REGISTRYINDEX);
    callback *cb = calloc(1, sizeof *cb);
    if (!cb) {
        luaL_unref(L, LUA_REGISTRYINDEX, ref);
        luaL_error(L, "out of memory");
        return NULL;
    }
    cb->main = main;
    cb->fn_ref = ref;
    cb->h = h;
    size_t n = strlen(name);
    if (n >= sizeof cb->name)
        n = sizeof cb->name - 1;
    memcpy(cb->name, name, n);
    cb->name[n] = '\0';
    return cb;
}

static void check_idle(lua_State *L, const host *h)
{
    if (h->depth > 0)
        luaL_error(L, "cannot change the rules or the travel-time source of an engine while it is "
                      "scoring (from inside a rule)");
}

/* engine_add_rule(engine, name, weight, fn) */
static int l_add_rule(lua_State *L)
{
    host *h = check_host(L, 1);
    const char *name = luaL_checkstring(L, 2);
    lua_Number weight = luaL_checknumber(L, 3);
    luaL_checktype(L, 4, LUA_TFUNCTION);
    check_idle(L, h);
    callback *cb = callback_new(L, h, 4, name);
    int rc = jm_engine_add_rule(h->engine, name, (double)weight, rule_trampoline, cb, callback_free);
    if (rc != JM_OK) {
        jmlua_push_error(L, rc, NULL);
        return lua_error(L);
    }
    return 0;
}

/* engine_remove_rule(engine, name) */
static int l_remove_rule(lua_State *L)
{
    host *h = check_host(L, 1);
    const char *name = luaL_checkstring(L, 2);
    check_idle(L, h);
    int rc = jm_engine_remove_rule(h->engine, name);
    if (rc != JM_OK) {
        jmlua_push_error(L, rc, NULL);
        return lua_error(L);
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Travel times                                                           */

typedef struct travel_args {
    callback *cb;
    const jm_candidate *c;
    const jm_job *j;
    int mode;
    double minutes;
    int rc;
} travel_args;

static int travel_call(lua_State *L)
{
    travel_args *a = lua_touserdata(L, 1);
    callback *cb = a->cb;
    lua_settop(L, 0);
    lua_rawgeti(L, LUA_REGISTRYINDEX, cb->fn_ref);
    push_subject(L, cb->h, a->c, NULL);
    push_subject(L, cb->h, NULL, a->j);
    const char *mode = jm_transport_name(a->mode);
    lua_pushstring(L, mode ? mode : "unknown");
    if (budgeted_pcall(L, cb->h, NULL, 3, 1) != LUA_OK) {
        record_failure(L, cb->h, "callback", "travel_time", 1);
        const char *msg = luaL_tolstring(L, -1, NULL);
        lua_rawgeti(L, LUA_REGISTRYINDEX, cb->h->cache_ref);
        lua_pushstring(L, msg);
        lua_setfield(L, -2, "detail");
        a->rc = JM_ECALLBACK;
        return 0;
    }
    if (lua_isnil(L, 1)) {
        a->rc = JM_ENOTFOUND; /* let the engine estimate it */
    } else if (lua_type(L, 1) == LUA_TNUMBER) {
        a->minutes = (double)lua_tonumber(L, 1);
        a->rc = JM_OK;
    } else {
        record_failure(L, cb->h, "callback", "travel_time", 0);
        lua_rawgeti(L, LUA_REGISTRYINDEX, cb->h->cache_ref);
        lua_pushfstring(L, "the travel-time function returned a %s; expected minutes or nil",
                        luaL_typename(L, 1));
        lua_setfield(L, -2, "detail");
        a->rc = JM_ECALLBACK;
    }
    return 0;
}

static int travel_trampoline(const jm_candidate *c, const jm_job *j, int mode, double *minutes,
                             void *payload)
{
    callback *cb = payload;
    lua_State *L = cb->h->L;
    if (!L || !lua_checkstack(L, 8))
        return JM_ECALLBACK;
    travel_args a = { cb, c, j, mode, 0.0, JM_ECALLBACK };
    int top = lua_gettop(L);
    lua_pushcfunction(L, travel_call);
    lua_pushlightuserdata(L, &a);
    if (lua_pcall(L, 1, 0, 0) != LUA_OK)
        a.rc = JM_ECALLBACK;
    lua_settop(L, top);
    if (a.rc == JM_OK)
        *minutes = a.minutes;
    return a.rc;
}

/* engine_set_travel_time(engine, fn or nil) */
static int l_set_travel_time(lua_State *L)
{
    host *h = check_host(L, 1);
    if (!lua_isnoneornil(L, 2))
        luaL_checktype(L, 2, LUA_TFUNCTION);
    check_idle(L, h);
    if (lua_isnoneornil(L, 2)) {
        jm_engine_set_travel_time(h->engine, NULL, NULL, NULL);
        return 0;
    }
    callback *cb = callback_new(L, h, 2, "travel_time");
    int rc = jm_engine_set_travel_time(h->engine, travel_trampoline, cb, callback_free);
    if (rc != JM_OK) {
        jmlua_push_error(L, rc, NULL);
        return lua_error(L);
    }
    return 0;
}

/* ---------------------------------------------------------------------- */
/* Module functions                                                       */

/* veto(reason [, lift]) */
static int l_veto(lua_State *L)
{
    const char *reason = luaL_optstring(L, 1, NULL);
    const char *lift = luaL_optstring(L, 2, NULL);
    lua_createtable(L, 0, 2);
    if (reason) {
        lua_pushstring(L, reason);
        lua_setfield(L, -2, "reason");
    }
    if (lift) {
        lua_pushstring(L, lift);
        lua_setfield(L, -2, "lift");
    }
    luaL_setmetatable(L, JMLUA_VETO_MT);
    return 1;
}

static int veto_tostring(lua_State *L)
{
    lua_getfield(L, 1, "reason");
    lua_pushfstring(L, "jobmatch.veto(%s)", lua_isstring(L, -1) ? lua_tostring(L, -1) : "");
    return 1;
}

/* json_decode(text [, readonly]) */
static int l_json_decode(lua_State *L)
{
    size_t len;
    const char *text = luaL_checklstring(L, 1, &len);
    jmlua_push_json(L, text, len, lua_toboolean(L, 2));
    return 1;
}

/* json_encode(value) */
static int l_json_encode(lua_State *L)
{
    luaL_checkany(L, 1);
    jmlua_push_encoded(L, 1);
    return 1;
}

/* is_readonly(value): true for the read-only tables given to rules */
static int l_is_readonly(lua_State *L)
{
    lua_pushboolean(L, is_proxy(L, 1, NULL));
    return 1;
}

/* error_object(code, message): an error object, for the Lua layer */
static int l_error_object(lua_State *L)
{
    int code = (int)luaL_checkinteger(L, 1);
    const char *detail = luaL_optstring(L, 2, NULL);
    push_error_detail(L, code, detail, 0);
    return 1;
}

void jmlua_open(lua_State *L)
{
    int module = lua_gettop(L);
    static const luaL_Reg fns[] = {
        { "engine_add_rule", l_add_rule },
        { "engine_remove_rule", l_remove_rule },
        { "engine_set_travel_time", l_set_travel_time },
        { "engine_set_instruction_budget", l_set_instruction_budget },
        { "engine_instruction_budget", l_instruction_budget },
        { "veto", l_veto },
        { "json_decode", l_json_decode },
        { "json_encode", l_json_encode },
        { "is_readonly", l_is_readonly },
        { "error_object", l_error_object },
        { NULL, NULL },
    };
    luaL_setfuncs(L, fns, 0);

    luaL_newmetatable(L, BOX_MT);
    lua_pushcfunction(L, box_gc);
    lua_setfield(L, -2, "__gc");
    lua_pop(L, 1);

    luaL_newmetatable(L, JMLUA_HOST_MT);
    lua_pop(L, 1);

    /* The stack of budgeted calls: one per Lua state, kept if the module is
     * loaded again (calls may be in progress). */
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &budget_key) != LUA_TUSERDATA) {
        budget_stack *s = lua_newuserdatauv(L, sizeof *s, 0);
        s->top = NULL;
        lua_rawsetp(L, LUA_REGISTRYINDEX, &budget_key);
    }
    lua_pop(L, 1);

    luaL_newmetatable(L, JMLUA_ERROR_MT);
    lua_pushcfunction(L, error_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_setfield(L, module, "error_mt");

    luaL_newmetatable(L, JMLUA_VETO_MT);
    lua_pushcfunction(L, veto_tostring);
    lua_setfield(L, -2, "__tostring");
    lua_setfield(L, module, "veto_mt");

    luaL_newmetatable(L, JMLUA_OBJECT_MT);
    lua_setfield(L, module, "object_mt");
    luaL_newmetatable(L, JMLUA_ARRAY_MT);
    lua_setfield(L, module, "array_mt");

    lua_pushlightuserdata(L, NULL);
    lua_setfield(L, module, "null");
}
