--- libjobmatch for Lua 5.4.
--
--   local jm = require "jobmatch"
--   local e = jm.engine()                       -- the built-in IPS default profile
--   local m = e:score(candidate, job)           -- tables, JSON text or loaded objects
--   print(m.score, m.feasible, m.explain)
--
-- Candidates, jobs and profiles are given as tables in the jobmatch/1 format
-- (docs/FORMAT.md; "schema" and "type" are filled in when missing), as JSON
-- text, or as objects loaded from files (jm.load_candidates, jm.load_jobs).
-- Results are plain tables with the content of the C library's JSON
-- (jm_match_to_json): integral numbers are Lua integers, JSON null is left
-- out (in arrays it is jm.null).
--
-- Errors are raised as error objects (tostring gives the message):
--   err.code         the C error code (a negative integer, jm.EINVAL ...)
--   err.name         "EINVAL", "EPARSE", "ETYPE", "EEXISTS", "ECALLBACK" ...
--   err.message      what went wrong, with the JSON path of the first problem
--   err.diagnostics  every problem: {severity, code, source, path, line, column, message}
--   err.rule, err.cause   for a failing rule: its name and the Lua error it raised
-- Misuse (a number where a candidate is expected) raises an ordinary string error.

local core = require "jobmatch.core"

local M = {}

M.VERSION = core.version_string()
M.VERSION_NUMBER = core.version_number()
M.SCHEMA = core.SCHEMA

--- Error codes, as in the C API.
for _, name in ipairs { "OK", "EINVAL", "ENOMEM", "EPARSE", "ENOTFOUND", "EEXISTS",
                        "ECALLBACK", "EIO", "ERANGE", "ETYPE" } do
  M[name] = core[name]
end

--- JSON null in arrays, and to write an explicit null.
M.null = core.null
--- The metatable of error objects: getmetatable(err) == jm.Error.
M.Error = core.error_mt

--- JSON text <-> Lua values (cJSON).  decode(text, readonly) makes
--- read-only tables when readonly is true.  encode writes members sorted by
--- name, so the same table always gives the same text.
M.json = { decode = core.json_decode, encode = core.json_encode }

--- Marks a table to be written as a JSON object (needed for an empty one:
--- an empty table is written as an array).
function M.object(t)
  return setmetatable(t or {}, core.object_mt)
end

--- Marks a table to be written as a JSON array.
function M.array(t)
  return setmetatable(t or {}, core.array_mt)
end

--- What a rule returns to exclude the pair: a reason and, optionally, what
--- would lift the exclusion.
M.veto = core.veto

--- True for the error objects the module raises.
function M.is_error(x)
  return type(x) == "table" and getmetatable(x) == core.error_mt
end

--- True for the read-only tables given to rules.
M.is_readonly = core.is_readonly

--- A deep, writable copy of a value (read-only tables included).
function M.copy(x)
  if type(x) ~= "table" then return x end
  local t = {}
  for k, v in pairs(x) do t[k] = M.copy(v) end
  return t
end

-- --------------------------------------------------------------------------
-- Helpers

local function is_json_text(s)
  return s:match("^%s*[%[{]") ~= nil or s:match("^\239\187\191") ~= nil
end

-- A table as JSON text, with schema and type added to a record when missing.
local function record_json(t, kind)
  if t.schema == nil or t.type == nil then
    local copy = {}
    for k, v in pairs(t) do copy[k] = v end
    if copy.schema == nil then copy.schema = core.SCHEMA end
    if copy.type == nil then copy.type = kind end
    t = copy
  end
  return core.json_encode(t)
end

-- A sequence (or empty table) of records: not a single record.
local function is_list(t)
  if core.is_readonly(t) then return #t > 0 end
  if getmetatable(t) == core.object_mt then return false end
  if next(t) == nil then return true end
  return t[1] ~= nil
end

--- Load options (every loading function's last argument): a table with
--- unknown_fields and unknown_terms ("error" or "warn"), source
--- (the name put in diagnostics), max_depth (deepest nesting; 0 = 64),
--- max_bytes (largest document; 0 = no limit: larger fails with ERANGE)
--- and profile (the vocabulary to check terms against).
local function opts_arg(opts, level)
  if opts == nil then return nil end
  if type(opts) ~= "table" then
    error("load options must be a table", level + 1)
  end
  if opts.profile ~= nil and type(opts.profile) == "table" and opts.profile._p then
    local o = {}
    for k, v in pairs(opts) do o[k] = v end
    o.profile = opts.profile._p
    return o
  end
  return opts
end

local function check_arg(ok, n, fname, expected, got, level)
  if not ok then
    error(("bad argument #%d to '%s' (%s expected, got %s)"):format(n, fname, expected, type(got)),
          level + 1)
  end
end

-- --------------------------------------------------------------------------
-- Profiles

local Profile = {}
Profile.__index = Profile
Profile.__name = "jobmatch.Profile"

local function wrap_profile(p, warnings)
  return setmetatable({ _p = p, id = core.profile_id(p), hash = core.profile_hash(p),
                        warnings = warnings or {} }, Profile)
end

function Profile:__tostring()
  return ("jobmatch.Profile(%s)"):format(self.id)
end

--- The weight of a factor, by name ("commute") or number.
function Profile:weight(factor)
  if type(factor) == "string" then
    local f = core.factor_from_name(factor)
    if f < 0 then error(("unknown factor '%s'"):format(factor), 2) end
    factor = f
  end
  return core.profile_weight(self._p, factor)
end

--- The full profile, defaults filled in, as a table or as canonical JSON.
function Profile:to_table() return core.json_decode(core.profile_to_json(self._p)) end
function Profile:to_json() return core.profile_to_json(self._p) end
function Profile:has_support_need(t) return core.profile_has_support_need(self._p, t) end
function Profile:has_offer(t) return core.profile_has_offer(self._p, t) end
function Profile:has_functional_dimension(t)
  return core.profile_has_functional_dimension(self._p, t)
end

--- jm.profile(x): nil or an empty table (the built-in IPS default), a table,
--- JSON text, a file path, or a profile (returned as it is).  opts: load
--- options.
function M.profile(x, opts)
  if x == nil or (type(x) == "table" and getmetatable(x) == nil and next(x) == nil) then
    return wrap_profile(core.profile_default())
  end
  if getmetatable(x) == Profile then return x end
  opts = opts_arg(opts, 2)
  if type(x) == "table" then
    local warnings, p = core.profile_from_json(record_json(x, "scoring_profile"), opts)
    return wrap_profile(p, warnings)
  elseif type(x) == "string" then
    local warnings, p
    if is_json_text(x) then
      warnings, p = core.profile_from_json(x, opts)
    else
      warnings, p = core.profile_load_file(x, opts)
    end
    return wrap_profile(p, warnings)
  end
  check_arg(false, 1, "profile", "table, JSON text or path", x, 2)
end

-- --------------------------------------------------------------------------
-- Candidates and jobs

local Candidate, Job = {}, {}
Candidate.__name, Job.__name = "jobmatch.Candidate", "jobmatch.Job"
local CandidateSet, JobSet = {}, {}
CandidateSet.__name, JobSet.__name = "jobmatch.Candidates", "jobmatch.Jobs"

local function object_index(cls, field)
  return function(self, k)
    if k == "id" then return core[field .. "_id"](rawget(self, "_p")) end
    return cls[k]
  end
end
Candidate.__index = object_index(Candidate, "candidate")
Job.__index = function(self, k)
  if k == "id" then return core.job_id(rawget(self, "_p")) end
  if k == "title" then return core.job_title(rawget(self, "_p")) end
  if k == "employer" then return core.job_employer(rawget(self, "_p")) end
  return Job[k]
end

function Candidate:__tostring() return ("jobmatch.Candidate(%s)"):format(self.id) end
function Job:__tostring() return ("jobmatch.Job(%s)"):format(self.id) end
--- The record as a table (unknown data left out) or as JSON text.
function Candidate:to_table() return core.json_decode(core.candidate_to_json(self._p)) end
function Candidate:to_json() return core.candidate_to_json(self._p) end
function Job:to_table() return core.json_decode(core.job_to_json(self._p)) end
function Job:to_json() return core.job_to_json(self._p) end

local kinds = {
  candidate = { cls = Candidate, set = CandidateSet, from_json = core.candidate_from_json,
                new_set = core.candidates_new, load = core.candidates_load,
                load_file = core.candidates_load_file, add = core.candidates_add,
                count = core.candidates_count, get = core.candidates_get,
                find = core.candidates_find, to_json = core.candidates_to_json,
                member = "candidates" },
  job = { cls = Job, set = JobSet, from_json = core.job_from_json,
          new_set = core.jobs_new, load = core.jobs_load, load_file = core.jobs_load_file,
          add = core.jobs_add, count = core.jobs_count, get = core.jobs_get,
          find = core.jobs_find, to_json = core.jobs_to_json, member = "jobs" },
}

-- The C object behind a candidate or job given in any accepted form.
local function to_object(kind, x, fname, n, level)
  local k = kinds[kind]
  local mt = getmetatable(x)
  if mt == k.cls then return x._p end
  if type(x) == "string" then
    local _, p = k.from_json(x)
    return p
  end
  if type(x) == "table" and (mt == nil or mt == core.object_mt or core.is_readonly(x)) then
    local _, p = k.from_json(record_json(x, kind))
    return p
  end
  check_arg(false, n, fname, kind .. " (table, JSON text or loaded " .. kind .. ")", x, level + 1)
end

local function wrap_object(kind, p)
  return setmetatable({ _p = p }, kinds[kind].cls)
end

--- jm.candidate(x) / jm.job(x): one record from a table or JSON text.
function M.candidate(x) return wrap_object("candidate", to_object("candidate", x, "candidate", 1, 2)) end
function M.job(x) return wrap_object("job", to_object("job", x, "job", 1, 2)) end

local function set_index(kind)
  local k = kinds[kind]
  return function(self, i)
    if math.type(i) == "integer" then
      if i < 1 then return nil end
      local p = k.get(rawget(self, "_p"), i - 1)
      return p and wrap_object(kind, p) or nil
    end
    return k.set[i]
  end
end
CandidateSet.__index = set_index("candidate")
JobSet.__index = set_index("job")
function CandidateSet:__len() return core.candidates_count(self._p) end
function JobSet:__len() return core.jobs_count(self._p) end
function CandidateSet:__tostring() return ("jobmatch.Candidates(%d)"):format(#self) end
function JobSet:__tostring() return ("jobmatch.Jobs(%d)"):format(#self) end

local function new_set(kind)
  return setmetatable({ _p = kinds[kind].new_set(), warnings = {} }, kinds[kind].set)
end

local function set_methods(kind)
  local k = kinds[kind]
  local S = k.set
  --- set:find(id): the record with this id, or nil.
  function S:find(id)
    local p = k.find(self._p, id)
    return p and wrap_object(kind, p) or nil
  end
  -- Adds the records of the set other, all or nothing: an id this set
  -- already holds raises (the library's EEXISTS error) before any is added.
  local function add_all(self, other)
    for i = 1, #other do
      if k.find(self._p, other[i].id) then k.add(self._p, other[i]._p) end
    end
    for i = 1, #other do k.add(self._p, other[i]._p) end
  end
  --- set:add(x): appends records (a record, a list of them, JSON text, a
  --- loaded record or another set).  All or nothing.
  function S:add(x, opts)
    local mt = getmetatable(x)
    if mt == k.cls then
      k.add(self._p, x._p)
    elseif mt == k.set then
      add_all(self, x)
    elseif type(x) == "string" then
      local w = k.load(self._p, x, opts_arg(opts, 2))
      for _, d in ipairs(w) do self.warnings[#self.warnings + 1] = d end
    elseif type(x) == "table" then
      local text
      if is_list(x) then
        for _, r in ipairs(x) do
          if getmetatable(r) == k.cls then
            -- records already loaded among them: gathered in a new set
            -- first (duplicates among them raise there), then added
            local gathered = new_set(kind)
            for _, r2 in ipairs(x) do S.add(gathered, r2, opts) end
            add_all(self, gathered)
            return self
          end
        end
        text = core.json_encode({ schema = core.SCHEMA, [k.member] = x })
      else
        text = record_json(x, kind)
      end
      local w = k.load(self._p, text, opts_arg(opts, 2))
      for _, d in ipairs(w) do self.warnings[#self.warnings + 1] = d end
    else
      check_arg(false, 1, "add", kind .. "s", x, 2)
    end
    return self
  end
  --- The set as a collection document (JSON text) or table.
  function S:to_json() return k.to_json(self._p) end
  function S:to_table() return core.json_decode(k.to_json(self._p)) end
  --- ids in order.
  function S:ids()
    local t = {}
    for i = 1, #self do t[i] = self[i].id end
    return t
  end
end
set_methods("candidate")
set_methods("job")


--- jm.candidates(x [, opts]) / jm.jobs(x [, opts]): a set from a list of
--- tables, a single table, JSON text (a record, an array, a collection or
--- JSON Lines), or nothing (empty).  set.warnings lists the warnings.
function M.candidates(x, opts)
  local s = new_set("candidate")
  if x ~= nil then s:add(x, opts) end
  return s
end
function M.jobs(x, opts)
  local s = new_set("job")
  if x ~= nil then s:add(x, opts) end
  return s
end

--- jm.load_candidates(path [, opts]) / jm.load_jobs(path [, opts]): a set
--- from a file (JSON, an array, a collection or JSON Lines; "-" = stdin).
local function load_file(kind, path, opts)
  check_arg(type(path) == "string", 1, "load_" .. kind .. "s", "path", path, 3)
  local s = new_set(kind)
  s.warnings = kinds[kind].load_file(s._p, path, opts_arg(opts, 3))
  return s
end
function M.load_candidates(path, opts) return load_file("candidate", path, opts) end
function M.load_jobs(path, opts) return load_file("job", path, opts) end

-- The C set behind a set given in any accepted form.
local function to_set(kind, x, fname, n, level)
  local k = kinds[kind]
  local mt = getmetatable(x)
  if mt == k.set then return x._p, x end
  if mt == k.cls then
    local s = new_set(kind)
    k.add(s._p, x._p)
    return s._p, s
  end
  if type(x) == "string" or type(x) == "table" then
    local s = new_set(kind)
    s:add(x)
    return s._p, s
  end
  check_arg(false, n, fname, kind .. "s (a list of tables, JSON text or a loaded set)", x, level + 1)
end

--- jm.validate(x [, opts]): checks any jobmatch/1 document (JSON text, or a
--- table).  Returns true and the warnings, or false and the error object.
function M.validate(x, opts)
  if type(x) == "table" then x = core.json_encode(x) end
  check_arg(type(x) == "string", 1, "validate", "JSON text or table", x, 2)
  local ok, res = pcall(core.validate, x, opts_arg(opts, 2))
  if ok then return true, res end
  if M.is_error(res) then return false, res end
  error(res, 2)
end

-- --------------------------------------------------------------------------
-- Results

-- A match as a table: the content of jm_match_to_json plus explain.
local function match_table(m)
  local t = core.json_decode(core.match_to_json(m))
  t.explain = core.match_explain(m)
  return t
end

local function ranking_table(r, subject_field)
  local t = {}
  for i = 0, core.ranking_count(r) - 1 do
    t[#t + 1] = match_table(core.ranking_get(r, i))
  end
  local ex = {}
  for i = 0, core.ranking_excluded_count(r) - 1 do
    ex[#ex + 1] = match_table(core.ranking_excluded(r, i))
  end
  t.excluded = ex
  t.feasible_total = core.ranking_feasible_total(r)
  t[subject_field] = core.ranking_subject(r)
  return t
end

-- --------------------------------------------------------------------------
-- Engines

local Engine = {}
Engine.__index = Engine
Engine.__name = "jobmatch.Engine"

--- jm.engine(profile [, opts]): an engine scoring with a profile given as a
--- table (jm.engine{id = "...", weights = {...}}), JSON text, a file path or
--- a profile object; the built-in IPS default when nil.  opts: load options
--- for the profile.  Each call of a Lua rule or travel-time function runs
--- under an instruction budget, 10,000,000 instructions by default (see
--- e:set_instruction_budget).
function M.engine(profile, opts)
  local p = M.profile(profile, opts)
  local e = core.engine_new(p._p)
  return setmetatable({ _e = e, profile = p, _rules = {} }, Engine)
end

function Engine:__tostring()
  return ("jobmatch.Engine(%s, %d rules)"):format(self.profile.id, #self._rules)
end

--- e:score(candidate, job) -> the match as a table:
---   candidate, job, score, confidence, feasible, factors (by name, with
---   score, weight, contribution, has_data, excluded, detail; rules as
---   "rule:NAME"), exclusions (factor, reason, lift), matched_skills,
---   missing_skills, training_plan, support_plan (needs,
---   coach_hours_per_week, fading), notes, profile (id, hash), engine, and
---   explain (the readable explanation for a job coach).
function Engine:score(c, j)
  local cp = to_object("candidate", c, "score", 1, 2)
  local jp = to_object("job", j, "score", 2, 2)
  return match_table(core.engine_score(self._e, cp, jp))
end

--- e:rank_jobs(candidate, jobs [, k]) -> the k best feasible matches (all
--- when k is nil or 0), best first; .excluded lists every excluded pair,
--- .feasible_total counts the feasible ones, .candidate is the id.
function Engine:rank_jobs(c, jobs, k)
  local cp = to_object("candidate", c, "rank_jobs", 1, 2)
  local js = to_set("job", jobs, "rank_jobs", 2, 2)
  return ranking_table(core.engine_rank_jobs(self._e, cp, js, k or 0), "candidate")
end

--- e:rank_candidates(job, candidates [, k]): the same the other way round
--- (.job is the id).
function Engine:rank_candidates(j, cands, k)
  local jp = to_object("job", j, "rank_candidates", 1, 2)
  local cs = to_set("candidate", cands, "rank_candidates", 2, 2)
  return ranking_table(core.engine_rank_candidates(self._e, jp, cs, k or 0), "job")
end

--- e:score_matrix(candidates, jobs) -> totals, feasible: totals[i][k] is the
--- score of candidate i with job k, feasible[i][k] a boolean; totals.candidates
--- and totals.jobs list the ids of the rows and columns.
function Engine:score_matrix(cands, jobs)
  local cp, cs = to_set("candidate", cands, "score_matrix", 1, 2)
  local jp, js = to_set("job", jobs, "score_matrix", 2, 2)
  local totals, feasible = core.engine_score_matrix(self._e, cp, jp)
  totals.candidates = cs:ids()
  totals.jobs = js:ids()
  return totals, feasible
end

--- e:prepare(candidates, jobs) -> stats: compiles both sets for the batch
--- calls now (e:score_matrix and e:rank_all compile on first use and keep the
--- last sets compiled: this is optional, so that a first query does not pay
--- for compiling; pass the same loaded sets to them afterwards).  stats says
--- what the compiled sets take: candidates, jobs, candidate_bytes, job_bytes,
--- job_index_bytes, candidate_skills, job_skills, string_bytes.
local PREPARE_STATS = { "candidates", "jobs", "candidate_bytes", "job_bytes", "job_index_bytes",
                        "candidate_skills", "job_skills", "string_bytes" }
function Engine:prepare(cands, jobs)
  local cp = to_set("candidate", cands, "prepare", 1, 2)
  local jp = to_set("job", jobs, "prepare", 2, 2)
  local st = core.prepare_stats()
  core.engine_prepare(self._e, cp, jp, st)
  local out = {}
  for _, name in ipairs(PREPARE_STATS) do out[name] = math.tointeger(st[name]) or st[name] end
  return out
end

--- e:rank_all(candidates, jobs [, k [, rows]]) -> the k (default 10) best
--- feasible jobs of every candidate (rows = "jobs": the best candidates of
--- every job) in one call, best first, ties by id, scores only (explain a
--- pair with e:score): an array of {candidate = ID, matches = {{job = ID,
--- score = X}, ...}, feasible_total = N} ("job" and "candidate" swap with
--- rows = "jobs").  The numbers are those of e:score, bit for bit.
function Engine:rank_all(cands, jobs, k, rows)
  local cp, cs = to_set("candidate", cands, "rank_all", 1, 2)
  local jp, js = to_set("job", jobs, "rank_all", 2, 2)
  if k == nil then k = 10 end
  check_arg(math.type(k) == "integer" and k >= 1, 3, "rank_all", "integer >= 1 (k)", k, 2)
  rows = rows or "candidates"
  check_arg(rows == "candidates" or rows == "jobs", 4, "rank_all", '"candidates" or "jobs"', rows, 2)
  local by_jobs = rows == "jobs"
  local index, totals, counts
  if by_jobs then
    index, totals, counts = core.engine_top_candidates(self._e, jp, cp, k)
  else
    index, totals, counts = core.engine_top_jobs(self._e, cp, jp, k)
  end
  local row_ids, col_ids = cs:ids(), js:ids()
  local row_key, col_key = "candidate", "job"
  if by_jobs then
    row_ids, col_ids, row_key, col_key = col_ids, row_ids, "job", "candidate"
  end
  local out = {}
  for r = 1, #row_ids do
    local matches = {}
    for p = 1, #index[r] do
      matches[p] = { [col_key] = col_ids[index[r][p]], score = totals[r][p] }
    end
    out[r] = { [row_key] = row_ids[r], matches = matches, feasible_total = counts[r] }
  end
  return out
end

--- e:add_rule(name, fn [, weight]): a custom rule (weight 1 by default, as
--- in Python), run after the built-in
--- factors.  fn(candidate, job) gets read-only tables of the two records and
--- returns a score from 0 to 1, nil to abstain, or jm.veto(reason [, lift]);
--- a second result, a string, is added to the rule's line of the breakdown.
--- A Lua error in fn fails the scoring call with an error naming the rule;
--- so does a call of fn that runs more Lua instructions than the engine's
--- instruction budget (e:set_instruction_budget), e.g. an endless loop.
function Engine:add_rule(name, fn, weight)
  check_arg(type(name) == "string", 1, "add_rule", "string", name, 2)
  check_arg(type(fn) == "function" or (getmetatable(fn) or {}).__call ~= nil, 2, "add_rule",
            "function", fn, 2)
  if weight == nil then weight = 1.0 end
  check_arg(type(weight) == "number", 3, "add_rule", "number (the rule's weight)", weight, 2)
  if type(fn) ~= "function" then
    local callable = fn
    fn = function(c, j) return callable(c, j) end
  end
  core.engine_add_rule(self._e, name, weight, fn)
  self._rules[#self._rules + 1] = name
  return self
end

--- e:remove_rule(name): removes a rule (an ENOTFOUND error if none has the name).
function Engine:remove_rule(name)
  core.engine_remove_rule(self._e, name)
  for i, n in ipairs(self._rules) do
    if n == name then table.remove(self._rules, i) break end
  end
  return self
end

--- e:rules(): the names of the rules, in the order they run.
function Engine:rules()
  return { table.unpack(self._rules) }
end

--- e:set_travel_time(fn): fn(candidate, job, mode) gives the door-to-door
--- minutes by a transport mode ("walk", "public_transport" ...), or nil to
--- let the engine estimate it from the distance.  nil removes it.
function Engine:set_travel_time(fn)
  core.engine_set_travel_time(self._e, fn)
  return self
end

--- e:set_instruction_budget(n): the most Lua instructions (VM instructions,
--- counted with a debug count hook) one call of a rule or of the
--- travel-time function may run, coroutines it creates included; a call
--- that needs more fails the scoring call like any rule error, with the
--- message "rule 'NAME' exceeded its instruction budget of N instructions"
--- (err.rule names it; the engine stays usable).  n: a positive integer, or
--- 0 or nil for no limit.  New engines have 10,000,000.  Time spent inside
--- C functions (string.rep, a long pattern match) is not counted.  A hook
--- that was set before (a debugger's) is put back after each call.
function Engine:set_instruction_budget(n)
  if n ~= nil then
    check_arg(type(n) == "number", 1, "set_instruction_budget",
              "integer (instructions, 0 or nil for no limit)", n, 2)
    local i = math.tointeger(n)
    if i == nil or i < 0 then
      error(("bad argument #1 to 'set_instruction_budget' (the instruction budget must be an integer "
             .. ">= 0 (0 for no limit), got %s)"):format(n), 2)
    end
    n = i
  end
  core.engine_set_instruction_budget(self._e, n)
  return self
end

--- e:instruction_budget() -> the budget in instructions (0: no limit).
function Engine:instruction_budget()
  return core.engine_instruction_budget(self._e)
end

M.Engine, M.Profile = Engine, Profile
M.Candidate, M.Job, M.Candidates, M.Jobs = Candidate, Job, CandidateSet, JobSet

return M
