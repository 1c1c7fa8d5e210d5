-- The Lua layer (require "jobmatch"): profiles, engines, candidates and jobs
-- in every accepted form, scoring, ranking, the score matrix, validation,
-- JSON conversion, integers, error mapping and determinism.
local T = require "testlib"
local jm = require "jobmatch"

-- Small records whose scores are easy to work out by hand: only hours and
-- wage have data, both score 1.
local C1 = { id = "c1", preferences = { hours = { min = 10, ideal = 20, max = 30 }, wage = { floor = 10 } } }
local J1 = { id = "j1", hours = { min = 20, max = 20 }, wage = 12 }

local function deep_equal(a, b, path)
  path = path or "value"
  if type(a) ~= type(b) then return false, path .. ": type " .. type(a) .. " vs " .. type(b) end
  if type(a) ~= "table" then
    if a == b and math.type(a) == math.type(b) then return true end
    return false, ("%s: %s vs %s"):format(path, tostring(a), tostring(b))
  end
  for k, v in pairs(a) do
    local ok, why = deep_equal(v, b[k], path .. "." .. tostring(k))
    if not ok then return false, why end
  end
  for k in pairs(b) do
    if a[k] == nil then return false, path .. "." .. tostring(k) .. " missing" end
  end
  return true
end

T.test("module basics", function()
  T.eq(jm.VERSION, require("jobmatch.core").version_string(), "VERSION")
  T.eq(jm.SCHEMA, "jobmatch/1", "SCHEMA")
  T.eq(jm.EINVAL, -1, "EINVAL")
  T.eq(math.type(jm.VERSION_NUMBER), "integer", "VERSION_NUMBER")
end)

T.test("score: tables with schema and type filled in", function()
  local e = jm.engine()
  local m = e:score(C1, J1)
  T.eq(m.candidate, "c1", "candidate")
  T.eq(m.job, "j1", "job")
  T.eq(m.score, 1, "score (an integer: integral)")
  T.eq(m.confidence, 0.15, "confidence: hours 0.1 + wage 0.05 of 1.0")
  T.eq(m.feasible, true, "feasible")
  T.eq(m.factors.hours.score, 1, "hours score")
  T.eq(m.factors.hours.contribution, 0.666667, "hours contribution")
  T.eq(m.factors.wage.detail, "job pays 12 per hour; the person's floor is 10", "wage detail")
  T.eq(m.factors.job_type.has_data, false, "no data")
  T.eq(m.factors.job_type.score, nil, "null score is left out")
  T.eq(#m.exclusions, 0, "no exclusions")
  T.eq(m.profile.id, "ips-default", "profile id")
  T.match(m.engine, "^libjobmatch ", "engine version")
  T.has(m.explain, "Score 1 (confidence 15%)", "explain")
  T.eq(C1.schema, nil, "the caller's table is not changed")
end)

T.test("engine{} and engine() both use the built-in IPS default", function()
  T.eq(tostring(jm.engine {}), "jobmatch.Engine(ips-default, 0 rules)", "empty table")
  T.eq(jm.engine {}.profile.hash, jm.engine().profile.hash, "same profile")
end)

T.test("score: the same result from tables, JSON text and loaded objects", function()
  local e = jm.engine()
  local from_tables = e:score(C1, J1)
  local from_text = e:score(jm.json.encode(C1):gsub("^{", '{"schema":"jobmatch/1","type":"candidate",'),
                            jm.json.encode(J1):gsub("^{", '{"schema":"jobmatch/1","type":"job",'))
  local from_objects = e:score(jm.candidate(C1), jm.job(J1))
  local cs, js = jm.candidates { C1 }, jm.jobs { J1 }
  local from_sets = e:score(cs[1], js:find("j1"))
  T.eq(jm.json.encode(from_text), jm.json.encode(from_tables), "text")
  T.eq(jm.json.encode(from_objects), jm.json.encode(from_tables), "objects")
  T.eq(jm.json.encode(from_sets), jm.json.encode(from_tables), "set members")
end)

T.test("score: the same content as the CLI's JSON", function()
  local cli = os.getenv("JOBMATCH_CLI")
  if not cli then print("  (JOBMATCH_CLI not set: compared with the C library's JSON only)") end
  local cpath, jpath = T.data("one-candidate.json"), T.data("one-job.json")
  local m = jm.engine():score(T.read(cpath), T.read(jpath))
  T.eq(m.candidate, "c-014", "candidate")
  T.eq(m.job, "j-004", "job")
  T.near(m.score, 0.805516, 1e-9, "score")
  T.eq(m.confidence, 1, "confidence")
  T.eq(math.type(m.confidence), "integer", "integral confidence")
  T.eq(#m.missing_skills, 8, "missing skills")
  T.eq(#m.training_plan, 8, "training plan")
  T.eq(#m.support_plan.needs, 3, "support needs")
  T.eq(m.support_plan.needs[1].need, "structured_task_instruction", "first need")
  T.eq(m.support_plan.needs[1].provider, "job_coach", "provider")
  T.eq(m.support_plan.coach_hours_per_week, 5, "coach hours")
  T.eq(m.support_plan.fading[1].week, 1, "fading from week 1")
  local explain = m.explain
  m.explain = nil
  T.has(explain, "Candidate c-014 - job j-004", "explain header")
  if cli then
    local p = assert(io.popen(("%q score --candidate %q --job %q --format json"):format(cli, cpath, jpath)))
    local out = p:read("a")
    p:close()
    local ok, why = deep_equal(m, jm.json.decode(out))
    T.ok(ok, "differs from the CLI's JSON: " .. tostring(why))
  end
end)

T.test("integers stay integers, floats stay floats", function()
  local js = jm.load_jobs(T.data("jobs.json"))
  local t = js[1]:to_table()
  T.eq(t.job_zone, 2, "job_zone")
  T.eq(t.hours.min, 30, "hours.min")
  T.eq(t.hours.max, 37.5, "hours.max")
  T.eq(t.wage, 12.76, "wage")
  T.eq(#js, 70, "#jobs")
  T.eq(math.type(#js), "integer", "#jobs type")
  local r = jm.engine():rank_jobs(jm.load_candidates(T.data("candidates.json"))[1], js, 3)
  T.eq(math.type(r.feasible_total), "integer", "feasible_total")
end)

T.test("profiles: default, table, JSON text, path, object", function()
  local default = jm.profile()
  T.eq(default.id, "ips-default", "default id")
  T.near(default:weight("job_type"), 0.2, 1e-12, "default weight by name")
  T.near(default:weight(3), 0.1, 1e-12, "default weight by number")
  local path = T.data("profile-competitive.json")
  local from_path = jm.profile(path)
  T.eq(from_path.id, "riverside-competitive-2025", "from a path")
  T.near(from_path:weight("commute"), 0.14, 1e-12, "commute weight")
  T.eq(jm.profile(T.read(path)).hash, from_path.hash, "from JSON text: same hash")
  T.eq(jm.profile(from_path:to_table()).hash, from_path.hash, "from its own table: same hash")
  T.eq(jm.profile(from_path), from_path, "an object is returned as it is")
  local custom = jm.profile { id = "mine", weights = { commute = 0.3 } }
  T.near(custom:weight("commute"), 0.3, 1e-12, "table")
  T.near(custom:weight("job_type"), 0.2, 1e-12, "defaults kept")
  T.ok(custom.hash ~= default.hash, "another hash")
  T.eq(custom:has_offer("mentor"), true, "vocabulary")
  T.eq(custom:has_support_need("no_such_need"), false, "vocabulary")
  T.has(tostring(T.raises(custom.weight, custom, "comute")), "unknown factor 'comute'", "bad factor")
end)

T.test("engines from every profile form", function()
  local c = jm.load_candidates(T.data("candidates.json"))[1]
  local js = jm.load_jobs(T.data("jobs.json"))
  local e1 = jm.engine(T.data("profile-competitive.json"))
  local e2 = jm.engine(T.read(T.data("profile-competitive.json")))
  local e3 = jm.engine(jm.profile(T.data("profile-competitive.json")):to_table())
  local e4 = jm.engine(jm.profile(T.data("profile-competitive.json")))
  for _, e in ipairs { e1, e2, e3, e4 } do
    T.eq(e.profile.id, "riverside-competitive-2025", "profile id")
    local r = e:rank_jobs(c, js, 1)
    T.eq(r[1].job, "j-004", "best job")
    T.near(r[1].score, 0.876996, 1e-9, "best score")
    T.eq(#r.excluded, 42, "excluded by the programme rules too")
  end
  T.eq(tostring(jm.engine{ id = "x" }), "jobmatch.Engine(x, 0 rules)", "tostring")
end)

T.test("profile errors and warnings", function()
  local err = T.raises(jm.engine, { id = "p", weights = { comute = 1 } })
  T.ok(jm.is_error(err), "an error object")
  T.eq(err.name, "EINVAL", "name")
  T.eq(err.diagnostics[1].path, "weights.comute", "path")
  T.eq(err.message, "weights.comute: unknown field 'comute' (did you mean 'commute'?)", "message")
  local p = jm.profile { id = "p", weights = { skills = 5 } }
  T.eq(#p.warnings, 1, "one warning")
  T.eq(p.warnings[1].path, "weights", "warning path")
  T.match(p.warnings[1].message, "^the preference factors .* carry %d+%.?%d*%% of the total weight", "text")
  err = T.raises(jm.engine, "/no/such/profile.json")
  T.eq(err.name, "EIO", "missing file")
  err = T.raises(jm.engine, '{"schema":"jobmatch/1","type":"job","id":"j"}')
  T.eq(err.name, "ETYPE", "not a profile")
end)

T.test("sets: load, index, find, ids, ipairs, JSON Lines, add", function()
  local cs = jm.load_candidates(T.data("candidates.json"))
  local lines = jm.load_candidates(T.data("candidates.jsonl"))
  T.eq(#cs, 30, "#candidates")
  T.eq(#lines, 30, "JSON Lines")
  T.eq(lines[1].id, cs[1].id, "same first id")
  T.eq(cs[0], nil, "index 0")
  T.eq(cs[31], nil, "past the end")
  T.eq(cs:find("c-014").id, "c-014", "find")
  T.eq(cs:find("nobody"), nil, "find nothing")
  local n = 0
  for i, c in ipairs(cs) do n = i; T.eq(c.id, cs:ids()[i], "ipairs id") end
  T.eq(n, 30, "ipairs count")
  local s = jm.jobs()
  s:add(J1)
  s:add { { id = "j2" }, { id = "j3", wage = 10 } }
  s:add('{"schema":"jobmatch/1","type":"job","id":"j4"}')
  s:add(jm.job { id = "j5" })
  T.eq(table.concat(s:ids(), ","), "j1,j2,j3,j4,j5", "added in order")
  local err = T.raises(s.add, s, { { id = "j6" }, { id = "j1" } })
  T.eq(err.name, "EEXISTS", "duplicate")
  T.eq(err.diagnostics[1].path, "jobs[1].id", "path of the duplicate")
  T.eq(#s, 5, "all or nothing")
  T.eq(s:to_table().jobs[3].wage, 10, "to_table")
  T.eq(jm.json.decode(s:to_json()).schema, "jobmatch/1", "to_json")
  T.eq(tostring(s), "jobmatch.Jobs(5)", "tostring")
end)

T.test("rank_jobs and rank_candidates", function()
  local e = jm.engine()
  local cs = jm.load_candidates(T.data("candidates.json"))
  local js = jm.load_jobs(T.data("jobs.json"))
  local r = e:rank_jobs(cs:find("c-001"), js, 3)
  T.eq(#r, 3, "k = 3")
  T.eq(r.candidate, "c-001", "subject")
  T.eq(r[1].job .. " " .. r[2].job .. " " .. r[3].job, "j-004 j-003 j-005", "order")
  T.near(r[1].score, 0.865418, 1e-9, "best score")
  T.ok(r[1].score >= r[2].score and r[2].score >= r[3].score, "best first")
  T.eq(r.feasible_total, 56, "feasible total")
  T.eq(#r.excluded, 14, "every excluded pair")
  local x = r.excluded[1]
  T.eq(x.job, "j-001", "excluded in input order")
  T.eq(x.feasible, false, "excluded match")
  T.eq(x.exclusions[1].factor, "commute", "excluding factor")
  T.eq(x.exclusions[1].reason, "about 56 min by public transport; maximum 45", "reason")
  T.has(x.explain, "j-001", "explained")
  local all = e:rank_jobs(cs:find("c-001"), js)
  T.eq(#all, 56, "k = nil keeps every feasible match")
  local rc = e:rank_candidates(js:find("j-001"), cs, 3)
  T.eq(rc.job, "j-001", "subject")
  T.eq(rc[1].candidate, "c-007", "best candidate")
  T.near(rc[1].score, 0.634722, 1e-9, "score")
  T.eq(rc.feasible_total, 12, "feasible candidates")
  T.eq(#rc.excluded, 18, "excluded candidates")
  -- lists of tables and JSON text work as sets too
  local small = e:rank_jobs(C1, { J1, { id = "j2", hours = { min = 40 } } })
  T.eq(#small, 2, "two jobs")
  T.eq(small[1].job, "j1", "better first")
  local t = e:rank_jobs(C1, T.read(T.data("jobs.json")), 2)
  T.eq(#t, 2, "jobs from JSON text")
end)

T.test("score_matrix", function()
  local e = jm.engine()
  local cs = jm.load_candidates(T.data("candidates.json"))
  local js = jm.load_jobs(T.data("jobs.json"))
  local totals, feasible = e:score_matrix(cs, js)
  T.eq(#totals, 30, "rows")
  T.eq(#totals[1], 70, "columns")
  T.eq(totals.candidates[14], "c-014", "row ids")
  T.eq(totals.jobs[4], "j-004", "column ids")
  for _, ij in ipairs { { 1, 1 }, { 14, 4 }, { 30, 70 }, { 7, 1 } } do
    local i, k = ij[1], ij[2]
    local m = e:score(cs[i], js[k])
    T.near(totals[i][k], m.score, 5e-7, ("total %d,%d"):format(i, k))
    T.eq(feasible[i][k], m.feasible, ("feasible %d,%d"):format(i, k))
  end
  T.eq(feasible[1][1], false, "c-001 / j-001 is excluded")
  local t2, f2 = e:score_matrix({ C1 }, { J1 })
  T.eq(t2[1][1], 1.0, "one pair")
  T.eq(f2[1][1], true, "feasible")
  local t3 = e:score_matrix({}, js)
  T.eq(#t3, 0, "no candidates")
end)

T.test("error mapping: JSON paths, types and misuse", function()
  local e = jm.engine()
  local err = T.raises(e.score, e, { id = "c1", preferences = { hours = { min = "x", max = 200 } } }, J1)
  T.eq(err.name, "EINVAL", "name")
  T.eq(err.code, jm.EINVAL, "code")
  T.eq(#err.diagnostics, 2, "every problem")
  T.eq(err.diagnostics[1].path, "preferences.hours.min", "first path")
  T.eq(err.diagnostics[2].path, "preferences.hours.max", "second path")
  T.eq(err.diagnostics[2].message, "expected a number from 0 to 168, found 200", "second message")
  T.eq(err.message, "preferences.hours.min: expected a number from 0 to 168, found a string "
                    .. "(and 1 more problem)", "message")
  err = T.raises(e.rank_jobs, e, C1, { J1, { id = "j2", wage = -1 } })
  T.eq(err.diagnostics[1].path, "jobs[1].wage", "path inside a list")
  err = T.raises(e.score, e, C1, { id = "j1", type = "candidate" })
  T.eq(err.name, "ETYPE", "wrong type")
  T.eq(err.message, "type: expected a job record, found a candidate record", "type message")
  err = T.raises(e.score, e, '{"schema":"jobmatch/1","type":"candidate",\n"id": }', J1)
  T.eq(err.name, "EPARSE", "syntax")
  T.eq(err.diagnostics[1].line, 2, "line")
  T.eq(err.diagnostics[1].column, 7, "column")
  err = T.raises(e.score, e, { id = "c1", note = function() end }, J1)
  T.eq(err.name, "EINVAL", "not convertible")
  T.eq(err.diagnostics[1].path, "note", "path of the function")
  T.eq(err.message, "note: a function cannot be written as JSON", "message")
  err = T.raises(e.score, e, 42, J1)
  T.eq(type(err), "string", "misuse is a string error")
  T.has(err, "bad argument #1 to 'score' (candidate", "misuse message")
  err = T.raises(jm.load_jobs, "/no/such/jobs.json")
  T.eq(err.name, "EIO", "missing file")
  T.has(err.message, "/no/such/jobs.json", "names the file")
end)

T.test("validate", function()
  local ok, warnings = jm.validate { schema = "jobmatch/1", type = "job", id = "j" }
  T.eq(ok, true, "valid")
  T.eq(#warnings, 0, "no warnings")
  local bad, err = jm.validate('{"schema":"jobmatch/1","jobs":[{"id":"j","wage":"x"}]}')
  T.eq(bad, false, "invalid")
  T.eq(err.diagnostics[1].path, "jobs[0].wage", "path")
  T.eq(err.diagnostics[1].message, "expected a number >= 0, found a string", "message")
end)

T.test("json: decode and encode", function()
  local t = jm.json.decode('{"a": 1, "b": 1.0, "c": 1.5, "d": [1, null, 3], "e": null, "f": {}, "g": []}')
  T.eq(t.a, 1, "integer")
  T.eq(t.b, 1, "integral float becomes an integer")
  T.eq(t.c, 1.5, "float")
  T.eq(t.d[2], jm.null, "null in an array")
  T.eq(#t.d, 3, "array length kept")
  T.eq(t.e, nil, "null member left out")
  T.eq(jm.json.encode(t.f), "{}", "empty object stays an object")
  T.eq(jm.json.encode(t.g), "[]", "empty array")
  T.eq(jm.json.encode { b = 1, a = { 1, 2 }, c = jm.object(), d = {}, e = jm.null, f = 0.1, g = 'q"' },
       '{"a":[1,2],"b":1,"c":{},"d":[],"e":null,"f":0.1,"g":"q\\""}', "encode, sorted keys")
  T.eq(jm.json.encode(2 ^ 53), "9007199254740992", "exact float")
  T.eq(jm.json.encode(math.maxinteger), "9223372036854775807", "exact integer")
  T.eq(jm.json.encode(1 / 3), "0.3333333333333333", "shortest float")
  local err = T.raises(jm.json.encode, { 1, 2, x = 3 })
  T.has(err.message, "mixes string keys", "mixed table")
  local cyc = {}
  cyc.self = cyc
  err = T.raises(jm.json.encode, { list = { cyc } })
  T.eq(err.diagnostics[1].path, "list[0].self", "cycle path")
  T.eq(err.diagnostics[1].message, "a table that contains itself", "cycle")
  err = T.raises(jm.json.encode, { x = 0 / 0 })
  T.eq(err.message, "x: a number that is not finite (NaN or infinity)", "NaN")
  err = T.raises(jm.json.decode, "[1, 2")
  T.eq(err.name, "EPARSE", "syntax error")
  err = T.raises(jm.json.decode, "[1] [2]")
  T.has(err.message, "text after the JSON value", "two values")
  local ro = jm.json.decode('{"a": {"b": [1, 2]}}', true)
  T.ok(jm.is_readonly(ro) and jm.is_readonly(ro.a) and jm.is_readonly(ro.a.b), "read-only, nested")
  T.eq(#ro.a.b, 2, "length through the proxy")
  T.eq(jm.json.encode(ro), '{"a":{"b":[1,2]}}', "a read-only table encodes")
  local copy = jm.copy(ro)
  copy.a.b[3] = 3
  T.eq(#copy.a.b, 3, "a copy is writable")
end)

T.test("candidate and job objects round-trip", function()
  local full = jm.load_candidates(T.data("candidates.json"))[3]
  local again = jm.candidate(full:to_table())
  -- Lua tables have no member order (abilities are written in input order):
  -- compare the content.
  local ok, why = deep_equal(again:to_table(), full:to_table())
  T.ok(ok, "same record: " .. tostring(why))
  T.eq(jm.candidate(again:to_table()):to_json(), again:to_json(), "same text from then on")
  T.eq(tostring(again), "jobmatch.Candidate(" .. full.id .. ")", "tostring")
  local j = jm.job { id = "j9", title = "Porter", employer = "acme" }
  T.eq(j.id .. "/" .. j.title .. "/" .. j.employer, "j9/Porter/acme", "job fields")
end)

T.test("determinism", function()
  local cs = jm.load_candidates(T.data("candidates.json"))
  local js = jm.load_jobs(T.data("jobs.json"))
  local function text(r)
    return jm.json.encode { matches = { table.unpack(r) }, excluded = r.excluded,
                            feasible_total = r.feasible_total }
  end
  local a = text(jm.engine():rank_jobs(cs[5], js, 10))
  local b = text(jm.engine():rank_jobs(cs[5], js, 10))
  local e = jm.engine()
  local c1 = jm.json.encode(e:score(cs[5], js[9]))
  local c2 = jm.json.encode(e:score(cs[5], js[9]))
  T.eq(a, b, "two engines, same ranking text")
  T.eq(c1, c2, "same match twice")
  T.ok(#a > 1000, "a real ranking")
end)

T.test("load options: max_bytes and max_depth bound the input", function()
  local text = jm.json.encode { { schema = "jobmatch/1", type = "candidate", id = "c-1" } }
  local err = T.raises(jm.candidates, text, { max_bytes = #text - 1 })
  T.eq(err.name, "ERANGE", "too large")
  T.has(err.message, ("input too large: found %d bytes, expected at most %d"):format(#text, #text - 1), "message")
  T.eq(#jm.candidates(text, { max_bytes = #text }), 1, "exactly max_bytes")
  local deep = '{"schema": "jobmatch/1", "type": "candidate", "id": "c", "x": [[[[]]]]}'
  err = T.raises(jm.candidates, deep, { max_depth = 3 })
  T.eq(err.name, "EPARSE", "too deep")
  T.has(err.message, "nesting too deep", "depth message")
  T.has(T.raises(jm.candidates, text, { max_bytes = -1 }), "bad value for load option 'max_bytes'", "negative")
end)

T.test("rank_all: the best of every row in one call, as rank_jobs and rank_candidates", function()
  local root = os.getenv("JM_SOURCE_ROOT")
  local cs = jm.load_candidates(root .. "/examples/data/candidates.json")
  local js = jm.load_jobs(root .. "/examples/data/jobs.json")
  local e = jm.engine()
  local all = e:rank_all(cs, js, 4)
  T.eq(#all, #cs, "a row per candidate")
  for i = 1, #cs do
    local r = e:rank_jobs(cs[i], js, 4)
    T.eq(all[i].candidate, cs[i].id, "row id")
    T.eq(#all[i].matches, #r, "as many matches")
    T.eq(all[i].feasible_total, r.feasible_total, "feasible total")
    T.eq(math.type(all[i].feasible_total), "integer", "an integer")
    for p = 1, #r do
      T.eq(all[i].matches[p].job, r[p].job, "same job at rank " .. p)
      T.near(all[i].matches[p].score, r[p].score, 1e-6, "same score")
    end
  end
  local by_job = e:rank_all(cs, js, 2, "jobs")
  T.eq(#by_job, #js, "a row per job")
  local r = e:rank_candidates(js[1], cs, 2)
  T.eq(by_job[1].job, js[1].id, "job id")
  T.eq(by_job[1].matches[1].candidate, r[1].candidate, "best candidate")
  T.has(T.raises(e.rank_all, e, cs, js, 0), "bad argument #3 to 'rank_all'", "k >= 1")
  T.has(T.raises(e.rank_all, e, cs, js, 2, "people"), "bad argument #4 to 'rank_all'", "rows")
end)

T.test("prepare: compiles both sets and says what they take", function()
  local cs = jm.load_candidates(T.root .. "/examples/data/candidates.json")
  local js = jm.load_jobs(T.root .. "/examples/data/jobs.json")
  local e = jm.engine()
  local st = e:prepare(cs, js)
  T.eq(st.candidates, #cs, "candidates compiled")
  T.eq(st.jobs, #js, "jobs compiled")
  T.eq(math.type(st.job_bytes), "integer", "sizes are integers")
  T.ok(st.job_bytes >= 8 * st.job_skills + 64 * #js, "an 8-byte entry per skill and a record per job")
  T.ok(st.job_index_bytes >= 4 * st.job_skills + 12 * #js, "the indexes")
  T.ok(st.candidate_bytes > 0 and st.string_bytes > 0, "candidates and strings")
  local all = e:rank_all(cs, js, 2)
  T.eq(all[1].matches[1].job, e:rank_jobs(cs[1], js, 2)[1].job, "the prepared sets rank as pair by pair")
  T.has(T.raises(e.prepare, e, cs, 42), "bad argument #2 to 'prepare'", "jobs checked")
end)

T.test("set:add is all or nothing, also for loaded records and other sets", function()
  local s = jm.candidates { { id = "a" }, { id = "b" } }
  local err = T.raises(s.add, s, { jm.candidate { id = "c" }, jm.candidate { id = "a" } })
  T.eq(err.name, "EEXISTS", "a duplicate among loaded records")
  T.eq(table.concat(s:ids(), ","), "a,b", "nothing added")
  err = T.raises(s.add, s, jm.candidates { { id = "x" }, { id = "b" } })
  T.eq(err.name, "EEXISTS", "a duplicate from another set")
  T.eq(#s, 2, "nothing added")
  s:add { jm.candidate { id = "c" }, { id = "e" } }
  T.eq(table.concat(s:ids(), ","), "a,b,c,e", "records and tables mixed")
end)

T.done()
