-- The bad-input catalogue (tests/bad-inputs) through the Lua binding: every
-- case fails with its error code (no free text in the message) or loads
-- when it must, and a set that a failed load was given is unchanged.
local T = require "testlib"
local jm = require "jobmatch"

local dir = T.root .. "/tests/bad-inputs/"
local BASE = {
  candidates = { schema = "jobmatch/1", type = "candidate", id = "base-1" },
  jobs = { schema = "jobmatch/1", type = "job", id = "base-1" },
}

local n = 0
for line in io.lines(dir .. "cases.tsv") do
  local name, source, loader, code = line:match("^([^#\t][^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
  if name and not source:find("^gen:") and loader ~= "score" then
    n = n + 1
    T.test(name, function()
      local text = T.read(dir .. source)
      local want = jm[code:gsub("^JM_", "")]
      if loader == "validate" then
        local ok, res = jm.validate(text)
        T.eq(ok, want == jm.OK, "valid?")
        if not ok then T.eq(res.code, want, "code") end
        return
      end
      local ok, err, set, before
      if loader == "profile" then
        ok, err = pcall(jm.profile, dir .. source) -- a path: the text may not look like JSON
      else
        set = (loader == "candidates" and jm.candidates or jm.jobs)({ BASE[loader] })
        before = set:to_json()
        ok, err = pcall(set.add, set, text)
      end
      if want == jm.OK then
        T.ok(ok, "loads: " .. tostring(err))
        return
      end
      T.ok(not ok, "refused")
      T.ok(jm.is_error(err), "an error object: " .. tostring(err))
      T.eq(err.code, want, "code (" .. tostring(err.message) .. ")")
      T.ok(not tostring(err):find("NOTEMARKER_q7x") and not tostring(err):find("TITLEMARKER_q7x"),
           "no free text in the message")
      if set then T.eq(set:to_json(), before, "the set is unchanged") end
    end)
  end
end
T.ok(n >= 150, "the catalogue was read")
T.done()
