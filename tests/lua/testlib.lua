-- A small test runner for the Lua binding's tests: T.test(name, fn), checks
-- that raise with a readable message, and T.done() printing the closing line
-- "N passed, M failed" and exiting non-zero on any failure.
local T = { passed = 0, failed = 0 }

T.root = os.getenv("JM_SOURCE_ROOT") or "."

function T.data(name)
  return T.root .. "/examples/data/" .. name
end

function T.read(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function show(v)
  if type(v) == "string" then return ("%q"):format(v) end
  if math.type(v) == "float" then return ("%.17g (float)"):format(v) end
  if math.type(v) == "integer" then return ("%d (integer)"):format(v) end
  return tostring(v)
end

function T.test(name, fn)
  local ok, err = xpcall(fn, function(e)
    return debug.traceback(type(e) == "string" and e or tostring(e), 2)
  end)
  if ok then
    T.passed = T.passed + 1
    print("ok     " .. name)
  else
    T.failed = T.failed + 1
    print("FAILED " .. name .. "\n" .. tostring(err))
  end
end

function T.eq(got, want, what)
  if got ~= want or math.type(got) ~= math.type(want) then
    error(("%s: expected %s, got %s"):format(what or "value", show(want), show(got)), 2)
  end
end

function T.near(got, want, tol, what)
  tol = tol or 1e-6
  if type(got) ~= "number" or math.abs(got - want) > tol then
    error(("%s: expected %s (+-%g), got %s"):format(what or "value", show(want), tol, show(got)), 2)
  end
end

function T.ok(cond, what)
  if not cond then error(what or "condition failed", 2) end
end

function T.match(s, pattern, what)
  if type(s) ~= "string" or not s:find(pattern) then
    error(("%s: %s does not match %q"):format(what or "string", show(s), pattern), 2)
  end
end

function T.has(s, plain, what)
  if type(s) ~= "string" or not s:find(plain, 1, true) then
    error(("%s: %s does not contain %q"):format(what or "string", show(s), plain), 2)
  end
end

-- Calls fn(...) and returns the error it raises (fails when it does not).
function T.raises(fn, ...)
  local ok, err = pcall(fn, ...)
  if ok then error("expected an error, got none", 2) end
  return err
end

function T.done()
  print(("%d passed, %d failed"):format(T.passed, T.failed))
  os.exit(T.failed == 0 and 0 or 1, true)
end

return T
