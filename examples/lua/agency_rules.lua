--[[
Local matching rules of a supported-employment agency, in Lua.

These are the agency's own policies, added to the built-in IPS factors
without recompiling anything:

  no_nights_first_3_months  We place no one on night shifts in the first three
                            months of a job: that is when the job coach is on
                            site most, and coaches work days. A job with night
                            shifts is excluded, with what would lift it.
  embedded_job_coach        Prefer employers who let a job coach work on site
                            (supports.job_coach_on_site), most of all for people
                            with support needs.
  benefits_hours            Keep hours under the person's benefits limit
                            (benefits.max_hours_per_week) unless they chose to
                            move off benefits: a job over it scores low and
                            says "refer to benefits counselling", but is not
                            excluded (only the person makes a limit firm).

A rule gets read-only tables of the candidate and the job in the jobmatch/1
format (docs/FORMAT.md) and returns a score from 0 to 1, nil to abstain (no
data: it neither helps nor hurts), or jm.veto(reason, lift); a second result
is a note shown in the explanation.  Unknown data is never held against
anyone: a rule abstains when the data it needs is missing.

Use:
  local agency = dofile("agency_rules.lua")
  local e = agency.install(jm.engine())
]]
local jm = require "jobmatch"

local M = {}

-- ---------------------------------------------------------------------------
-- Night shifts

local DAYS = { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }
local SLOTS_PER_DAY = 48 -- half hours: the format's schedule grid
local WEEK = 7 * SLOTS_PER_DAY

-- Night time as the UK Working Time Regulations define it by default,
-- 23:00 to 06:00; a night shift has at least 3 hours of it.
local NIGHT_FROM, NIGHT_TO = 23 * 2, 6 * 2 -- slots of a day
local NIGHT_SHIFT_SLOTS = 3 * 2

local function minutes(hhmm)
  local h, m = hhmm:match("^(%d%d):(%d%d)$")
  return tonumber(h) * 60 + tonumber(m)
end

local function is_night(slot)
  local s = slot % SLOTS_PER_DAY
  return s >= NIGHT_FROM or s < NIGHT_TO
end

--- The shifts of a week schedule ({mon = {"22:00-24:00"}, tue = {"00:00-06:00"}}),
--- joined across midnight (and from Sunday into Monday): a list of
--- {start = slot of the week, slots = length, night = night slots}.
function M.shifts(schedule)
  local worked = {}
  for d, day in ipairs(DAYS) do
    for _, range in ipairs(schedule[day] or {}) do
      local a, b = range:match("^(%d%d:%d%d)%-(%d%d:%d%d)$")
      local from, to = minutes(a), minutes(b)
      if to <= from then to = to + 24 * 60 end -- runs past midnight
      local base = (d - 1) * SLOTS_PER_DAY
      for s = from // 30, (to + 29) // 30 - 1 do
        worked[(base + s) % WEEK] = true
      end
    end
  end
  -- Start from a slot that is not worked, so a shift is never cut in two.
  local first
  for s = 0, WEEK - 1 do
    if not worked[s] then first = s break end
  end
  if not first then -- worked around the clock
    return { { start = 0, slots = WEEK, night = 7 * (SLOTS_PER_DAY - NIGHT_FROM + NIGHT_TO) } }
  end
  local shifts, current = {}, nil
  for i = 1, WEEK do
    local s = (first + i) % WEEK
    if worked[s] then
      if not current then
        current = { start = s, slots = 0, night = 0 }
        shifts[#shifts + 1] = current
      end
      current.slots = current.slots + 1
      if is_night(s) then current.night = current.night + 1 end
    else
      current = nil
    end
  end
  table.sort(shifts, function(x, y) return x.start < y.start end)
  return shifts
end

--- The number of night shifts a week, and of shifts.
function M.night_shifts(schedule)
  local n, all = 0, M.shifts(schedule)
  for _, s in ipairs(all) do
    if s.night >= NIGHT_SHIFT_SLOTS then n = n + 1 end
  end
  return n, #all
end

function M.no_nights_first_3_months(candidate, job)
  if not job.schedule then
    return nil, "schedule unknown: check for night work"
  end
  local nights, shifts = M.night_shifts(job.schedule)
  if nights == 0 then
    return 1, "no night shifts"
  end
  return jm.veto(
    ("%d of %d shifts a week are night shifts (3 h or more between 23:00 and 06:00); "
     .. "we place no one on nights in their first 3 months"):format(nights, shifts),
    "the employer agrees to day shifts for the first 3 months")
end

-- ---------------------------------------------------------------------------
-- Job coach on site

function M.embedded_job_coach(candidate, job)
  local coach = job.supports and job.supports.job_coach_on_site
  if coach == true then
    return 1, "the employer welcomes a job coach on site"
  elseif coach == false then
    local needs = candidate.support_needs
    if needs and #needs > 0 then
      return 0, "no job coach on site: support would have to come from off site"
    end
    return 0.5, "no job coach on site"
  end
  return nil, "ask whether a job coach may work on site"
end

-- ---------------------------------------------------------------------------
-- Hours and the benefits limit

local function h(x)
  return (("%.1f"):format(x):gsub("%.0$", ""))
end

function M.benefits_hours(candidate, job)
  local b = candidate.benefits
  local limit = b and b.max_hours_per_week
  if not limit then return nil end
  if b.goal == "exit" then
    return nil, "moving off benefits: no hours limit"
  end
  local hours = job.hours
  if not hours or (hours.min == nil and hours.max == nil) then
    return nil, ("job hours unknown; benefits limit %s h/week"):format(h(limit))
  end
  local lo, hi = hours.min or hours.max, hours.max or hours.min
  if hi <= limit then
    return 1, ("at most %s h/week, within the benefits limit of %s"):format(h(hi), h(limit))
  elseif lo <= limit then
    return 0.5, ("%s-%s h/week: agree at most %s h/week with the employer"):format(h(lo), h(hi), h(limit))
  end
  -- Never an exclusion: only the person can make their limit a deal-breaker
  -- ("firm", which the built-in benefits factor honours).
  return 0, ("at least %s h/week, over the benefits limit of %s: refer to benefits counselling")
    :format(h(lo), h(limit))
end

-- ---------------------------------------------------------------------------

--- The rules in the order they run, with their weights: the default
--- profile's weights add up to 1, so 0.05 is as much as wage or benefits;
--- the night-shift rule only excludes (weight 0).
M.rules = {
  { name = "no_nights_first_3_months", weight = 0, fn = M.no_nights_first_3_months },
  { name = "embedded_job_coach", weight = 0.05, fn = M.embedded_job_coach },
  { name = "benefits_hours", weight = 0.05, fn = M.benefits_hours },
}

--- Adds the rules to an engine and returns it.
function M.install(engine)
  for _, r in ipairs(M.rules) do
    engine:add_rule(r.name, r.fn, r.weight)
  end
  return engine
end

return M
