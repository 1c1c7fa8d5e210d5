-- Rules written in Lua: scoring, abstaining, vetoing, notes, read-only
-- arguments, errors (also inside coroutines), the engine after an error,
-- the release of rule functions, travel-time functions, determinism, and
-- the instruction budget that stops runaway rules.
local T = require "testlib"
local jm = require "jobmatch"

-- Only hours (weight 0.1) and wage (0.05) have data; both score 1.
local C1 = { id = "c1", preferences = { hours = { min = 10, ideal = 20, max = 30 }, wage = { floor = 10 } } }
local J1 = { id = "j1", hours = { min = 20, max = 20 }, wage = 12, job_zone = 2,
             supports = { offers = { "mentor" }, job_coach_on_site = true } }

T.test("a rule that scores: weighted into the total, with its note", function()
  local e = jm.engine()
  e:add_rule("quarter", function() return 0.25, "checked by hand" end, 0.05)
  local m = e:score(C1, J1)
  -- (0.1 * 1 + 0.05 * 1 + 0.05 * 0.25) / (0.1 + 0.05 + 0.05)
  T.near(m.score, 0.8125, 1e-9, "total")
  local f = m.factors["rule:quarter"]
  T.eq(f.score, 0.25, "rule score")
  T.eq(f.weight, 0.05, "rule weight")
  T.eq(f.has_data, true, "has data")
  T.eq(f.detail, "checked by hand", "note")
  T.near(f.contribution, 0.0625, 1e-9, "contribution")
  T.has(m.explain, "rule:quarter", "explained")
end)

T.test("scores outside [0, 1] are clamped; integers are accepted", function()
  local e = jm.engine()
  e:add_rule("high", function() return 7 end, 0.05)
  T.eq(e:score(C1, J1).factors["rule:high"].score, 1, "clamped to 1")
  e:remove_rule("high")
  e:add_rule("low", function() return -3 end, 0.05)
  local m = e:score(C1, J1)
  T.eq(m.factors["rule:low"].score, 0, "clamped to 0")
  T.near(m.score, 0.75, 1e-9, "total with a 0")
end)

T.test("a rule that abstains leaves the total and the confidence alone", function()
  local e = jm.engine()
  e:add_rule("unsure", function() return nil end, 0.05)
  local m = e:score(C1, J1)
  T.eq(m.score, 1, "total")
  T.eq(m.confidence, 0.15, "confidence")
  T.eq(m.factors["rule:unsure"].has_data, false, "no data")
  T.eq(m.factors["rule:unsure"].detail, "abstained", "detail")
end)

T.test("a rule that vetoes excludes the pair with its reason and lift", function()
  local e = jm.engine()
  e:add_rule("policy", function(c, j)
    if j.id == "j2" then return jm.veto("night work", "the employer agrees to day shifts") end
    return 1
  end, 0)
  local m = e:score(C1, J1)
  T.eq(m.feasible, true, "j1 passes")
  local J2 = { id = "j2", hours = { min = 20, max = 20 } }
  m = e:score(C1, J2)
  T.eq(m.feasible, false, "j2 is excluded")
  T.eq(m.exclusions[1].factor, "rule:policy", "factor")
  T.eq(m.exclusions[1].reason, "night work", "reason")
  T.eq(m.exclusions[1].lift, "the employer agrees to day shifts", "lift")
  T.eq(m.factors["rule:policy"].excluded, true, "factor line")
  local r = e:rank_jobs(C1, { J1, J2 })
  T.eq(#r, 1, "one feasible")
  T.eq(r.excluded[1].job, "j2", "reported apart")
  e:add_rule("plain", function() return jm.veto() end, 0)
  m = e:score(C1, J1)
  T.eq(m.exclusions[1].reason, "vetoed by the rule", "default reason")
  T.eq(m.exclusions[1].lift, "", "no lift")
  T.eq(tostring(jm.veto("x")), "jobmatch.veto(x)", "tostring")
end)

T.test("rules get read-only tables of the records, integers intact", function()
  local e = jm.engine()
  local seen = {}
  e:add_rule("look", function(c, j)
    seen.c, seen.j = c, j
    seen.min_type = math.type(c.preferences.hours.min)
    seen.zone_type = math.type(j.job_zone)
    seen.coach = j.supports.job_coach_on_site
    seen.offers = #j.supports.offers
    seen.keys = 0
    for _ in pairs(c.preferences) do seen.keys = seen.keys + 1 end
    seen.set_top = select(2, pcall(function() c.id = "other" end))
    seen.set_deep = select(2, pcall(function() j.hours.min = 1 end))
    seen.insert = select(2, pcall(table.insert, j.supports.offers, "x"))
    return nil
  end, 1)
  e:score(C1, J1)
  T.eq(seen.c.id, "c1", "candidate id")
  T.eq(seen.c.schema, "jobmatch/1", "the record's JSON form")
  T.eq(seen.c.type, "candidate", "type")
  T.eq(seen.min_type, "integer", "hours.min")
  T.eq(seen.zone_type, "integer", "job_zone")
  T.eq(seen.coach, true, "nested boolean")
  T.eq(seen.offers, 1, "array length")
  T.eq(seen.keys, 2, "pairs over a read-only table")
  T.ok(jm.is_readonly(seen.c) and jm.is_readonly(seen.j.hours), "read-only, nested")
  T.match(seen.set_top, "attempt to change a read%-only table %(field 'id'%)", "top-level write")
  T.match(seen.set_deep, "attempt to change a read%-only table %(field 'min'%)", "nested write")
  T.match(seen.insert, "read%-only", "table.insert")
  T.eq(getmetatable(seen.c), "read-only", "metatable protected")
  T.eq(seen.c.no_such_field, nil, "unknown data is nil")
end)

T.test("the records are converted once per call, shared by the rules", function()
  local e = jm.engine()
  local firsts, seconds = {}, {}
  e:add_rule("a", function(c, j) firsts[#firsts + 1] = c; return nil end, 1)
  e:add_rule("b", function(c, j) seconds[#seconds + 1] = c; return nil end, 1)
  e:rank_jobs(C1, { J1, { id = "j2" }, { id = "j3" } })
  T.eq(#firsts, 3, "one call per job")
  T.ok(rawequal(firsts[1], seconds[1]), "the same table for both rules")
  T.ok(rawequal(firsts[1], firsts[3]), "the same candidate table for every job")
  e:score(C1, J1)
  T.ok(not rawequal(firsts[4], firsts[1]), "a new table for a new call")
end)

T.test("a Lua error in a rule fails the call, naming the rule", function()
  local e = jm.engine()
  e:add_rule("fine", function() return 1 end, 0.05)
  e:add_rule("broken", function(c, j) return c.preferences.nothing.here end, 0.05)
  local err = T.raises(e.score, e, C1, J1)
  T.ok(jm.is_error(err), "an error object")
  T.eq(err.name, "ECALLBACK", "name")
  T.eq(err.code, jm.ECALLBACK, "code")
  T.eq(err.rule, "broken", "rule")
  T.match(err.message, "^rule 'broken' failed: .*test_rules%.lua:%d+: attempt to index a nil value "
                       .. "%(field 'nothing'%)$", "message")
  T.match(err.cause, "attempt to index a nil value", "cause")
  local token = { why = "custom" }
  e:remove_rule("broken")
  e:add_rule("thrower", function() error(token) end, 0.05)
  err = T.raises(e.rank_jobs, e, C1, { J1 })
  T.ok(rawequal(err.cause, token), "the error value itself is kept")
  T.eq(err.rule, "thrower", "rule in a ranking")
  err = T.raises(e.score_matrix, e, { C1 }, { J1 })
  T.eq(err.rule, "thrower", "rule in a matrix")
end)

T.test("bad results from a rule are errors too", function()
  local e = jm.engine()
  e:add_rule("text", function() return "yes" end, 1)
  local err = T.raises(e.score, e, C1, J1)
  T.eq(err.message, "rule 'text' failed: the rule returned a string; expected a number from 0 to 1, "
                    .. "nil (abstain) or jobmatch.veto(reason [, lift])", "string")
  e:remove_rule("text")
  e:add_rule("nan", function() return 0 / 0 end, 1)
  err = T.raises(e.score, e, C1, J1)
  T.eq(err.message, "rule 'nan' failed: the rule gave a score that is not a number", "NaN")
  T.eq(err.rule, "nan", "rule")
  e:remove_rule("nan")
  e:add_rule("note", function() return 1, 42 end, 1)
  err = T.raises(e.score, e, C1, J1)
  T.has(err.message, "second result (a note) must be a string, not a number", "note")
end)

T.test("the engine stays usable after a rule error", function()
  local e = jm.engine()
  local fail = true
  e:add_rule("flaky", function() if fail then error("not now") end return 0.25 end, 0.05)
  for _ = 1, 3 do
    local err = T.raises(e.score, e, C1, J1)
    T.eq(err.rule, "flaky", "fails")
  end
  fail = false
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "works again")
  local r = e:rank_jobs(C1, { J1 })
  T.near(r[1].score, 0.8125, 1e-9, "ranking works")
end)

T.test("rules run on the coroutine that scores", function()
  local e = jm.engine()
  local ran_on
  e:add_rule("where", function() ran_on = coroutine.running() return 1 end, 0.05)
  local co = coroutine.create(function()
    local m = e:score(C1, J1)
    coroutine.yield(m.score)
    return e:score(C1, J1).score
  end)
  local ok, score = coroutine.resume(co)
  T.ok(ok, "resumed")
  T.eq(score, 1, "score inside the coroutine")
  T.ok(ran_on == co, "the rule ran on the coroutine")
  -- meanwhile, the main thread scores with the same engine
  T.eq(e:score(C1, J1).score, 1, "main thread")
  T.ok(ran_on ~= co, "then on the main thread")
  ok, score = coroutine.resume(co)
  T.ok(ok and score == 1, "the coroutine goes on")
  T.ok(ran_on == co, "and its rule runs on it again")
  T.eq(coroutine.status(co), "dead", "finished")
end)

T.test("a rule error inside a coroutine is an error in that coroutine", function()
  local e = jm.engine()
  e:add_rule("boom", function() error("inside") end, 1)
  local co = coroutine.wrap(function()
    local ok, err = pcall(e.score, e, C1, J1)
    coroutine.yield(ok, err)
    e:remove_rule("boom")
    return e:score(C1, J1).score
  end)
  local ok, err = co()
  T.eq(ok, false, "failed")
  T.eq(err.rule, "boom", "rule")
  T.match(err.cause, "inside$", "cause")
  T.eq(co(), 1, "the engine works in the coroutine afterwards")
  -- An error not caught in the coroutine ends it, as any Lua error does.
  e:add_rule("boom", function() error("uncaught") end, 1)
  local co2 = coroutine.create(function() return e:score(C1, J1) end)
  local ok2, err2 = coroutine.resume(co2)
  T.eq(ok2, false, "resume reports the error")
  T.eq(err2.name, "ECALLBACK", "the error object")
  e:remove_rule("boom")
  T.eq(e:score(C1, J1).score, 1, "the main thread is unaffected")
end)

T.test("rules added in a coroutine outlive it", function()
  local e = jm.engine()
  local co = coroutine.create(function()
    e:add_rule("from_co", function() return 0.25 end, 0.05)
  end)
  assert(coroutine.resume(co))
  co = nil
  collectgarbage()
  collectgarbage()
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "the rule runs on the main thread")
  e:remove_rule("from_co")
  T.eq(e:score(C1, J1).score, 1, "removed from the main thread")
end)

T.test("a rule cannot yield", function()
  local e = jm.engine()
  e:add_rule("yielder", function() coroutine.yield(1) return 1 end, 1)
  local co = coroutine.wrap(function() return pcall(e.score, e, C1, J1) end)
  local ok, err = co()
  T.eq(ok, false, "failed")
  T.match(err.message, "^rule 'yielder' failed: attempt to yield across a C%-call boundary", "message")
end)

T.test("rules cannot change the engine while it scores; other engines can score", function()
  local e, inner = jm.engine(), jm.engine()
  inner:add_rule("inner", function() return 0.5 end, 0.05)
  local inner_score
  e:add_rule("outer", function(c, j)
    inner_score = inner:score(c, j).score -- the read-only tables are records too
    return 1
  end, 0.05)
  e:score(C1, J1)
  T.near(inner_score, (0.15 + 0.025) / 0.2, 1e-9, "nested scoring with another engine")
  e:add_rule("meddler", function() e:remove_rule("outer") return 1 end, 0.05)
  local err = T.raises(e.score, e, C1, J1)
  T.eq(err.rule, "meddler", "rule")
  T.match(err.cause, "cannot change the rules or the travel%-time source of an engine while it is scoring",
          "cause")
  T.eq(table.concat(e:rules(), ","), "outer,meddler", "rules unchanged")
end)

T.test("add_rule and remove_rule errors", function()
  local e = jm.engine()
  e:add_rule("once", function() return 1 end, 0.1)
  local err = T.raises(e.add_rule, e, "once", function() return 1 end, 0.1)
  T.eq(err.name, "EEXISTS", "duplicate")
  T.eq(err.message, "jm_engine_add_rule: a rule named 'once' is already registered", "message")
  err = T.raises(e.add_rule, e, "bad name!", function() return 1 end, 0.1)
  T.eq(err.name, "EINVAL", "name")
  err = T.raises(e.add_rule, e, "neg", function() return 1 end, -1)
  T.eq(err.message, "jm_engine_add_rule: rule 'neg': weight must be a finite number >= 0", "weight")
  err = T.raises(e.add_rule, e, "nofn", 42, 0.1)
  T.has(err, "bad argument #2 to 'add_rule' (function expected", "not a function")
  err = T.raises(e.add_rule, e, "badweight", function() return 1 end, "heavy")
  T.has(err, "bad argument #3 to 'add_rule'", "weight must be a number")
  err = T.raises(e.remove_rule, e, "never")
  T.eq(err.name, "ENOTFOUND", "remove unknown")
  T.eq(table.concat(e:rules(), ","), "once", "rules")
  T.eq(tostring(e), "jobmatch.Engine(ips-default, 1 rules)", "tostring")
  -- the weight defaults to 1, as in Python
  e:add_rule("unweighted", function() return 1 end)
  T.eq(e:score(C1, J1).factors["rule:unweighted"].weight, 1, "default weight")
  e:remove_rule("unweighted")
  -- a callable table is a rule too
  e:add_rule("callable", setmetatable({}, { __call = function() return 0 end }), 0.1)
  T.eq(e:score(C1, J1).factors["rule:callable"].score, 0, "callable table")
end)

-- Counts the registry's entries (freed references stay as free-list slots).
local function registry_size()
  local n = 0
  for _ in pairs(debug.getregistry()) do n = n + 1 end
  return n
end

local collected = 0
local function sentinel()
  return setmetatable({}, { __gc = function() collected = collected + 1 end })
end

-- A rule whose closure holds a sentinel counted when it is collected.
local function counted_rule()
  local s = sentinel()
  return function() return s and 1 end
end

T.test("removed rules are released: no registry growth, functions collected", function()
  local e = jm.engine()
  collectgarbage()
  e:add_rule("warm", counted_rule(), 0.1)
  e:remove_rule("warm")
  collectgarbage()
  collectgarbage()
  local before, base = registry_size(), collected
  for i = 1, 1000 do
    e:add_rule("r" .. i, counted_rule(), 0.1)
    if i % 2 == 0 then e:score(C1, J1) end
    e:remove_rule("r" .. i)
  end
  collectgarbage()
  collectgarbage()
  T.eq(registry_size(), before, "registry size")
  T.eq(collected - base, 1000, "every removed function collected")
  T.eq(#e:rules(), 0, "no rules left")
end)

T.test("an engine's rules are released when the engine is collected", function()
  local function cycle()
    local e = jm.engine()
    for i = 1, 10 do e:add_rule("r" .. i, counted_rule(), 0.1) end
    e:set_travel_time(counted_rule())
    e:score(C1, J1)
  end
  -- Each engine is collected before the next is made (the engine's __gc
  -- releases its rules, the next cycle collects the functions), so the
  -- registry never needs more slots than one engine's.
  cycle()
  collectgarbage()
  collectgarbage()
  local before, base = registry_size(), collected
  for _ = 1, 20 do
    cycle()
    collectgarbage()
  end
  collectgarbage()
  T.eq(collected - base, 20 * 11, "ten rules and the travel-time function per engine")
  T.eq(registry_size(), before, "registry size")
end)

T.test("a failed registration releases the function at once", function()
  local e = jm.engine()
  collectgarbage()
  collectgarbage()
  local base = collected
  T.raises(e.add_rule, e, "bad name!", counted_rule(), 0.1)
  collectgarbage()
  collectgarbage()
  T.eq(collected - base, 1, "released")
end)

T.test("travel times from a Lua function", function()
  local C = { id = "c1", preferences = { location = { lat = 51.5, lon = -0.1 },
                                          commute = { modes = { "walk", "public_transport" }, max_minutes = 40 } } }
  local J = { id = "j1", location = { lat = 51.51, lon = -0.1 } }
  local e = jm.engine()
  T.eq(e:score(C, J).factors.commute.detail,
       "about 15 min by public transport (estimated from 1.1 km); maximum 40", "estimated")
  local modes = {}
  e:set_travel_time(function(c, j, mode)
    T.ok(jm.is_readonly(c) and j.id == "j1", "read-only records")
    modes[#modes + 1] = mode
    if mode == "walk" then return nil end -- let the engine estimate walking
    return 12
  end)
  local m = e:score(C, J)
  T.eq(table.concat(modes, ","), "walk,public_transport", "modes asked")
  T.eq(m.factors.commute.detail, "about 12 min by public transport; maximum 40", "supplied")
  e:set_travel_time(function() return 50 end)
  m = e:score(C, J)
  T.eq(m.feasible, false, "beyond the maximum")
  T.eq(m.exclusions[1].reason, "about 50 min on foot; maximum 40", "reason")
  e:set_travel_time(function() error("router down") end)
  local err = T.raises(e.score, e, C, J)
  T.eq(err.callback, "travel_time", "callback")
  T.match(err.cause, "router down$", "cause")
  T.match(err.message, "^travel%-time source failed for candidate 'c1', job 'j1' %(a callback failed%): "
                       .. ".*router down$", "message")
  e:set_travel_time(nil)
  T.eq(e:score(C, J).factors.commute.detail,
       "about 15 min by public transport (estimated from 1.1 km); maximum 40", "removed")
end)

T.test("rules are deterministic", function()
  local function run()
    local e = jm.engine()
    e:add_rule("even", function(c, j) return (#j.id % 2 == 0) and 1 or 0.5 end, 0.1)
    local cs = jm.load_candidates(T.data("candidates.json"))
    local js = jm.load_jobs(T.data("jobs.json"))
    local r = e:rank_jobs(cs[2], js, 5)
    local ids = {}
    for i, m in ipairs(r) do ids[i] = m.job .. "=" .. m.score end
    return table.concat(ids, " ")
  end
  local a = run()
  T.eq(run(), a, "same ranking")
  T.match(a, "^j%-%d+=", "a real ranking")
end)

-- --------------------------------------------------------------------------
-- The instruction budget.  (If it were broken, the endless loops below would
-- hang until meson's timeout: that is a failure too.)

local function spin() while true do end end

-- The message of a rule error caused by the budget.
local function budget_message(rule, n)
  return "^rule '" .. rule .. "' failed: .*test_rules%.lua:%d+: rule '" .. rule
         .. "' exceeded its instruction budget of " .. n .. " instructions$"
end

T.test("instruction budget: the default, setting it, argument errors", function()
  local e = jm.engine()
  T.eq(e:instruction_budget(), 10000000, "default")
  T.ok(rawequal(e:set_instruction_budget(5000), e), "returns the engine")
  T.eq(e:instruction_budget(), 5000, "set")
  e:set_instruction_budget(2e6)
  T.eq(e:instruction_budget(), 2000000, "an integral float")
  e:set_instruction_budget(0)
  T.eq(e:instruction_budget(), 0, "0: no limit")
  e:set_instruction_budget(100)
  e:set_instruction_budget(nil)
  T.eq(e:instruction_budget(), 0, "nil: no limit")
  T.eq(jm.engine():instruction_budget(), 10000000, "per engine")
  local err = T.raises(e.set_instruction_budget, e, -1)
  T.has(err, "bad argument #1 to 'set_instruction_budget' (the instruction budget must be an "
             .. "integer >= 0 (0 for no limit), got -1)", "negative")
  err = T.raises(e.set_instruction_budget, e, 2.5)
  T.has(err, "bad argument #1 to 'set_instruction_budget'", "not an integer")
  T.has(err, "got 2.5", "not an integer: the value")
  err = T.raises(e.set_instruction_budget, e, "lots")
  T.has(err, "bad argument #1 to 'set_instruction_budget' (integer", "a string")
  T.has(err, "got string", "a string: its type")
  T.raises(e.set_instruction_budget, e, math.huge)
  T.raises(e.set_instruction_budget, e, 0 / 0)
  T.eq(e:instruction_budget(), 0, "unchanged by the errors")
  err = T.raises(require("jobmatch.core").engine_set_instruction_budget, e._e, -5)
  T.has(err, "bad argument #2", "the C function checks too")
end)

T.test("an endless loop in a rule fails score with the budget message; the engine stays usable", function()
  local e = jm.engine() -- the default budget
  e:add_rule("fine", function() return 0.25 end, 0.05)
  e:add_rule("spin", spin, 0.05)
  local err = T.raises(e.score, e, C1, J1)
  T.ok(jm.is_error(err), "an error object")
  T.eq(err.name, "ECALLBACK", "name")
  T.eq(err.rule, "spin", "rule")
  T.match(err.message, budget_message("spin", 10000000), "message")
  T.match(err.cause, "rule 'spin' exceeded its instruction budget of 10000000 instructions$", "cause")
  e:set_instruction_budget(1000)
  err = T.raises(e.rank_jobs, e, C1, { J1 })
  T.match(err.message, budget_message("spin", 1000), "in a ranking, with the budget set")
  err = T.raises(e.score_matrix, e, { C1 }, { J1 })
  T.eq(err.rule, "spin", "in a matrix")
  e:remove_rule("spin")
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "the normal result without the rule")
  T.near(e:rank_jobs(C1, { J1 })[1].score, 0.8125, 1e-9, "ranking works")
end)

T.test("an endless loop in a rule inside a coroutine", function()
  local e = jm.engine():set_instruction_budget(1000)
  e:add_rule("fine", function() return 0.25 end, 0.05)
  e:add_rule("spin", spin, 0.05)
  local co = coroutine.wrap(function()
    local ok, err = pcall(e.score, e, C1, J1)
    coroutine.yield(ok, err)
    e:remove_rule("spin")
    return e:score(C1, J1).score
  end)
  local ok, err = co()
  T.eq(ok, false, "failed")
  T.eq(err.rule, "spin", "rule")
  T.match(err.message, budget_message("spin", 1000), "message")
  T.near(co(), 0.8125, 1e-9, "the engine works in the coroutine afterwards")
  -- uncaught in the coroutine: resume reports it; the main thread is fine
  e:add_rule("spin", spin, 0.05)
  local co2 = coroutine.create(function() return e:score(C1, J1) end)
  local ok2, err2 = coroutine.resume(co2)
  T.eq(ok2, false, "resume reports the error")
  T.match(err2.message, budget_message("spin", 1000), "message from resume")
  e:remove_rule("spin")
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "main thread")
end)

T.test("a rule of a few thousand instructions passes under 1,000,000, fails under 100", function()
  local function busy()
    local x = 0
    for i = 1, 2000 do x = x + i % 7 end
    return x > 0 and 0.25 or 0
  end
  local e = jm.engine():set_instruction_budget(1000000)
  e:add_rule("busy", busy, 0.05)
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "passes under 1,000,000")
  T.near(e:rank_jobs(C1, { J1, { id = "j2" }, { id = "j3" } })[1].score, 0.8125, 1e-9,
         "a budget per rule call, not per scoring call")
  e:set_instruction_budget(100)
  local err = T.raises(e.score, e, C1, J1)
  T.eq(err.rule, "busy", "rule")
  T.match(err.message, budget_message("busy", 100), "fails under 100")
  e:set_instruction_budget(1000000)
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "passes again")
end)

T.test("a rule cannot catch the budget error and go on", function()
  local e = jm.engine():set_instruction_budget(5000)
  local caught = 0
  e:add_rule("stubborn", function()
    while true do
      if not pcall(spin) then caught = caught + 1 end
    end
  end, 1)
  local err = T.raises(e.score, e, C1, J1)
  T.eq(err.rule, "stubborn", "rule")
  T.has(err.message, "rule 'stubborn' exceeded its instruction budget of 5000 instructions", "message")
  T.ok(caught <= 1, "caught at most once")
end)

T.test("coroutines created by a rule count against its budget, and only during the call", function()
  local e = jm.engine():set_instruction_budget(1000)
  e:add_rule("co_spin", function() coroutine.wrap(spin)() return 1 end, 1)
  local err = T.raises(e.score, e, C1, J1)
  T.eq(err.rule, "co_spin", "rule")
  T.has(err.message, "rule 'co_spin' exceeded its instruction budget of 1000 instructions", "message")
  e:remove_rule("co_spin")
  -- a coroutine the rule makes and leaves suspended: not limited afterwards
  local kept
  e:add_rule("keeper", function()
    kept = coroutine.create(function()
      while true do
        coroutine.yield()
        local x = 0
        for i = 1, 5000 do x = x + i end
      end
    end)
    assert(coroutine.resume(kept))
    return 1
  end, 1)
  T.eq(e:score(C1, J1).feasible, true, "scored")
  for _ = 1, 3 do T.ok(coroutine.resume(kept), "runs 5000 iterations outside the call") end
  T.eq(debug.gethook(kept), nil, "no hook left on it")
end)

T.test("nested scoring: the budget of the outer rule still counts", function()
  local inner = jm.engine()
  inner:add_rule("inner", function() return 0.5 end, 0.05)
  local outer = jm.engine():set_instruction_budget(100000)
  local calls = 0
  outer:add_rule("outer", function(c, j)
    while true do
      inner:score(c, j)
      calls = calls + 1
    end
  end, 0.05)
  local err = T.raises(outer.score, outer, C1, J1)
  T.eq(err.rule, "outer", "rule")
  T.has(err.message, "rule 'outer' exceeded its instruction budget of 100000 instructions", "message")
  T.ok(calls > 0, "the inner engine scored")
  T.near(inner:score(C1, J1).score, (0.15 + 0.025) / 0.2, 1e-9, "the inner engine works")
  -- an inner rule over its own, smaller, budget
  outer:remove_rule("outer")
  inner:remove_rule("inner")
  inner:add_rule("inner_spin", spin, 0.05)
  inner:set_instruction_budget(100)
  local inner_err
  outer:add_rule("outer", function(c, j)
    local ok, e2 = pcall(inner.score, inner, c, j)
    inner_err = not ok and e2
    return 0.25
  end, 0.05)
  T.near(outer:score(C1, J1).score, 0.8125, 1e-9, "the outer rule goes on")
  T.eq(inner_err.rule, "inner_spin", "the inner rule failed")
  T.match(inner_err.message, budget_message("inner_spin", 100), "with its own budget")
end)

T.test("a hook set before scoring is still set afterwards", function()
  local e = jm.engine():set_instruction_budget(100000)
  e:add_rule("busy", function()
    local x = 0
    for i = 1, 20000 do x = x + i end
    return 1
  end, 0.05)
  T.eq(debug.gethook(), nil, "no hook to begin with")
  e:score(C1, J1)
  T.eq(debug.gethook(), nil, "still none after a call")
  local fired = 0
  local function hook() fired = fired + 1 end
  debug.sethook(hook, "", 1000)
  local ok, err = pcall(function()
    e:score(C1, J1)
    local h, mask, count = debug.gethook()
    T.ok(h == hook, "the same hook function")
    T.eq(mask, "", "mask")
    T.eq(count, 1000, "count")
    local before = fired
    for _ = 1, 10000 do end
    T.ok(fired > before, "and it still fires")
    -- also after a rule that ran out of its budget
    e:set_instruction_budget(100)
    T.raises(e.score, e, C1, J1)
    h, mask, count = debug.gethook()
    T.ok(h == hook and mask == "" and count == 1000, "after a budget error")
  end)
  debug.sethook()
  assert(ok, err)
  -- a line hook on a coroutine that scores
  e:set_instruction_budget(100000)
  local co = coroutine.create(function()
    e:score(C1, J1)
    return debug.gethook()
  end)
  local lines = 0
  debug.sethook(co, function() lines = lines + 1 end, "l")
  local ok2, h2, mask2 = coroutine.resume(co)
  T.ok(ok2, "resumed")
  T.eq(type(h2), "function", "the coroutine's hook")
  T.eq(mask2, "l", "its mask")
  T.ok(lines > 0, "it fired")
  T.eq(debug.gethook(), nil, "the main thread has none")
end)

T.test("budget 0 means no limit", function()
  local e = jm.engine():set_instruction_budget(1000)
  e:add_rule("long", function()
    for _ = 1, 2000000 do end
    return 0.25
  end, 0.05)
  local err = T.raises(e.score, e, C1, J1)
  T.match(err.message, budget_message("long", 1000), "limited")
  e:set_instruction_budget(0)
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "2,000,000 iterations complete with 0")
  e:set_instruction_budget(1000)
  T.raises(e.score, e, C1, J1)
  e:set_instruction_budget(nil)
  T.near(e:score(C1, J1).score, 0.8125, 1e-9, "and with nil")
end)

T.test("a runaway travel-time function fails with the budget message", function()
  local C = { id = "c1", preferences = { location = { lat = 51.5, lon = -0.1 },
                                          commute = { modes = { "walk" }, max_minutes = 40 } } }
  local J = { id = "j1", location = { lat = 51.51, lon = -0.1 } }
  local e = jm.engine():set_instruction_budget(1000)
  e:set_travel_time(spin)
  local err = T.raises(e.score, e, C, J)
  T.eq(err.callback, "travel_time", "callback")
  T.match(err.cause, "the travel%-time function exceeded its instruction budget of 1000 instructions$",
          "cause")
  T.match(err.message, "^travel%-time source failed for candidate 'c1', job 'j1' %(a callback failed%): "
                       .. ".*exceeded its instruction budget of 1000 instructions$", "message")
  e:set_travel_time(function() return 12 end)
  T.eq(e:score(C, J).factors.commute.detail, "about 12 min on foot; maximum 40", "works afterwards")
end)

T.done()
