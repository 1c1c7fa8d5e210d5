--[==[
Ranks vacancies for each person on a caseload with the agency's own rules
(agency_rules.lua) added to the built-in IPS profile, and prints the best
jobs with what the rules said, then what the rules excluded.

  lua5.4 examples/lua/rank_with_rules.lua [CANDIDATES [JOBS [TOP]]]

Defaults: the sample caseload and vacancies in examples/data, top 3.
]==]
local jm = require "jobmatch"

local here = (arg and arg[0] or ""):match("^(.*[/\\])") or "./"
local agency = dofile(here .. "agency_rules.lua")

local candidates_path = arg[1] or here .. "../data/candidates.json"
local jobs_path = arg[2] or here .. "../data/jobs.json"
local top = tonumber(arg[3] or "3")

local ok, err = pcall(function()
  local candidates = jm.load_candidates(candidates_path)
  local jobs = jm.load_jobs(jobs_path)
  local engine = agency.install(jm.engine())

  print(("%d people, %d vacancies; profile %s; agency rules: %s"):format(
    #candidates, #jobs, engine.profile.id, table.concat(engine:rules(), ", ")))

  local excluded_by = {}
  for _, name in ipairs(engine:rules()) do excluded_by["rule:" .. name] = 0 end

  for _, person in ipairs(candidates) do
    local ranking = engine:rank_jobs(person, jobs, top)
    print()
    print(("%s: %d feasible jobs, %d excluded"):format(person.id, ranking.feasible_total,
                                                       #ranking.excluded))
    for i, m in ipairs(ranking) do
      local job = jobs:find(m.job)
      print(("  %d. %-6s %-34s score %.2f (confidence %3.0f%%)"):format(
        i, m.job, job.title or "", m.score, 100 * m.confidence))
      for _, r in ipairs(agency.rules) do
        local f = m.factors["rule:" .. r.name]
        if f and f.detail ~= "" and f.detail ~= "abstained" then
          print(("       %s: %s"):format(r.name, f.detail))
        end
      end
    end
    if #ranking == 0 then print("  no feasible job: see the exclusions with the person") end
    for _, m in ipairs(ranking.excluded) do
      for _, x in ipairs(m.exclusions) do
        if excluded_by[x.factor] then excluded_by[x.factor] = excluded_by[x.factor] + 1 end
      end
    end
  end

  print()
  print("Pairs excluded by the agency's rules (each can be lifted):")
  for _, r in ipairs(agency.rules) do
    print(("  %-26s %d"):format(r.name, excluded_by["rule:" .. r.name]))
  end
end)

if not ok then
  io.stderr:write("rank_with_rules: ", tostring(err), "\n")
  os.exit(1)
end
