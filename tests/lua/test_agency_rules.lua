-- The example rule file examples/lua/agency_rules.lua: night shifts worked
-- out from a schedule, the job-coach preference and the benefits-hours rule,
-- alone and in an engine on the sample data.
local T = require "testlib"
local jm = require "jobmatch"
local agency = dofile(T.root .. "/examples/lua/agency_rules.lua")

local function job(t)
  t.id = t.id or "j"
  return t
end

T.test("shifts are joined across midnight and across the week", function()
  -- The written form of an overnight shift Mon-Fri 22:00-06:00.
  local schedule = { mon = { "22:00-24:00" }, tue = { "00:00-06:00", "22:00-24:00" },
                     wed = { "00:00-06:00" } }
  local shifts = agency.shifts(schedule)
  T.eq(#shifts, 2, "two shifts")
  T.eq(shifts[1].slots, 16, "8 hours")
  T.eq(shifts[1].night, 14, "7 hours at night (23:00-06:00)")
  -- Sunday night into Monday morning is one shift.
  shifts = agency.shifts { sun = { "20:00-24:00" }, mon = { "00:00-04:00" } }
  T.eq(#shifts, 1, "one shift over the week's end")
  T.eq(shifts[1].slots, 16, "8 hours")
  T.eq(shifts[1].night, 10, "5 hours at night")
  -- An end before the start runs past midnight, as the format allows.
  local n, all = agency.night_shifts { fri = { "21:00-05:00" } }
  T.eq(n, 1, "one night shift")
  T.eq(all, 1, "of one")
end)

T.test("night shifts need 3 hours between 23:00 and 06:00", function()
  T.eq(agency.night_shifts { mon = { "15:00-23:00" } }, 0, "ends at 23:00")
  T.eq(agency.night_shifts { mon = { "05:30-09:00" } }, 0, "early start: 30 minutes")
  T.eq(agency.night_shifts { mon = { "18:00-01:30" } }, 0, "2.5 hours at night")
  T.eq(agency.night_shifts { mon = { "18:00-02:00" } }, 1, "3 hours at night: the threshold")
  T.eq(agency.night_shifts { mon = { "04:00-12:00" }, tue = { "03:00-11:00" } }, 1, "from 03:00")
  T.eq(agency.night_shifts { mon = { "00:00-24:00" }, tue = { "00:00-24:00" }, wed = { "00:00-24:00" },
                             thu = { "00:00-24:00" }, fri = { "00:00-24:00" }, sat = { "00:00-24:00" },
                             sun = { "00:00-24:00" } }, 1, "around the clock")
end)

T.test("no_nights_first_3_months: veto with a lift, or abstain without a schedule", function()
  local c = { id = "c" }
  local v = agency.no_nights_first_3_months(c, job { schedule = { mon = { "22:00-06:00" }, tue = { "08:00-16:00" } } })
  T.eq(getmetatable(v), getmetatable(jm.veto("x")), "a veto")
  T.eq(v.reason, "1 of 2 shifts a week are night shifts (3 h or more between 23:00 and 06:00); "
                 .. "we place no one on nights in their first 3 months", "reason")
  T.eq(v.lift, "the employer agrees to day shifts for the first 3 months", "lift")
  local s, note = agency.no_nights_first_3_months(c, job { schedule = { mon = { "08:00-16:00" } } })
  T.eq(s, 1, "day work")
  T.eq(note, "no night shifts", "note")
  s, note = agency.no_nights_first_3_months(c, job {})
  T.eq(s, nil, "unknown schedule: abstain")
  T.eq(note, "schedule unknown: check for night work", "note")
end)

T.test("embedded_job_coach", function()
  local with_needs = { id = "c", support_needs = { { type = "job_coach", intensity = "high" } } }
  local none = { id = "c", support_needs = {} }
  T.eq(agency.embedded_job_coach(none, job { supports = { job_coach_on_site = true } }), 1, "coach on site")
  T.eq(agency.embedded_job_coach(with_needs, job { supports = { job_coach_on_site = false } }), 0,
       "no coach, support needs")
  T.eq(agency.embedded_job_coach(none, job { supports = { job_coach_on_site = false } }), 0.5,
       "no coach, no needs")
  local s, note = agency.embedded_job_coach(none, job { supports = {} })
  T.eq(s, nil, "unknown: abstain")
  T.eq(note, "ask whether a job coach may work on site", "note")
end)

T.test("benefits_hours", function()
  local stay = { id = "c", benefits = { max_hours_per_week = 16, goal = "stay" } }
  local s, note = agency.benefits_hours(stay, job { hours = { min = 10, max = 16 } })
  T.eq(s, 1, "within")
  T.eq(note, "at most 16 h/week, within the benefits limit of 16", "note")
  s, note = agency.benefits_hours(stay, job { hours = { min = 12, max = 22.5 } })
  T.eq(s, 0.5, "straddles")
  T.eq(note, "12-22.5 h/week: agree at most 16 h/week with the employer", "note")
  s, note = agency.benefits_hours(stay, job { hours = { min = 30, max = 37.5 } })
  T.eq(s, 0, "over: scores 0, never excluded")
  T.eq(note, "at least 30 h/week, over the benefits limit of 16: refer to benefits counselling", "note")
  s, note = agency.benefits_hours({ id = "c", benefits = { max_hours_per_week = 16, goal = "exit" } },
                                  job { hours = { min = 30 } })
  T.eq(s, nil, "moving off benefits")
  T.eq(note, "moving off benefits: no hours limit", "note")
  T.eq(agency.benefits_hours({ id = "c" }, job { hours = { min = 30 } }), nil, "no limit")
  s, note = agency.benefits_hours(stay, job {})
  T.eq(note, "job hours unknown; benefits limit 16 h/week", "no hours")
end)

T.test("in an engine, on the sample data", function()
  local e = agency.install(jm.engine())
  T.eq(table.concat(e:rules(), ","), "no_nights_first_3_months,embedded_job_coach,benefits_hours", "rules")
  local cs = jm.load_candidates(T.data("candidates.json"))
  local js = jm.load_jobs(T.data("jobs.json"))
  -- j-002 is worked overnight: excluded for everyone, with the lift.
  local m = e:score(cs:find("c-014"), js:find("j-002"))
  T.eq(m.feasible, false, "night job excluded")
  local found
  for _, x in ipairs(m.exclusions) do
    if x.factor == "rule:no_nights_first_3_months" then found = x end
  end
  T.ok(found, "excluded by the night rule")
  T.eq(found.lift, "the employer agrees to day shifts for the first 3 months", "lift")
  -- c-014 keeps benefits at 16 h/week; j-004 offers 16-22.5 h.
  m = e:score(cs:find("c-014"), js:find("j-004"))
  T.eq(m.factors["rule:benefits_hours"].score, 0.5, "benefits rule")
  T.eq(m.factors["rule:embedded_job_coach"].score, 1, "coach on site")
  T.eq(m.factors["rule:no_nights_first_3_months"].detail, "no night shifts", "day job")
  -- the night rule excludes every overnight vacancy for every person
  local night_jobs = 0
  for _, j in ipairs(js) do
    local t = j:to_table()
    if t.schedule and agency.night_shifts(t.schedule) > 0 then night_jobs = night_jobs + 1 end
  end
  T.eq(night_jobs, 4, "overnight vacancies in the sample")
  local excluded = 0
  for _, c in ipairs(cs) do
    for _, x in ipairs(e:rank_jobs(c, js, 1).excluded) do
      for _, ex in ipairs(x.exclusions) do
        if ex.factor == "rule:no_nights_first_3_months" then excluded = excluded + 1 end
      end
    end
  end
  T.eq(excluded, night_jobs * #cs, "every pair with a night job")
end)

T.done()
