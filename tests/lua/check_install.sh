#!/bin/sh
# Installs the build into a scratch root and checks that Lua 5.4 finds the
# binding there through its *default* package.path and package.cpath (each
# entry moved under the scratch root), then runs the installed example.
set -eu
build=$1
lua=$2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
meson install -C "$build" --destdir "$root" --quiet >/dev/null
prefix=$(meson introspect "$build" --buildoptions | "$lua" -e '
  local s = io.read("a")
  print((s:match("\"name\": \"prefix\".-\"value\": \"([^\"]*)\"")))')
test -f "$root$prefix/share/lua/5.4/jobmatch.lua" || { echo "jobmatch.lua not in $prefix/share/lua/5.4"; exit 1; }
test -f "$root$prefix/lib/lua/5.4/jobmatch/core.so" || { echo "core.so not in $prefix/lib/lua/5.4/jobmatch"; exit 1; }
# Lua's default paths, every absolute entry moved under the scratch root.
paths=$(env -u LUA_PATH -u LUA_CPATH -u LUA_PATH_5_4 -u LUA_CPATH_5_4 ROOT="$root" "$lua" -e '
  local root = os.getenv("ROOT")
  local function moved(p)
    local t = {}
    for e in p:gmatch("[^;]+") do if e:sub(1, 1) == "/" then t[#t + 1] = root .. e end end
    return table.concat(t, ";")
  end
  print(moved(package.path)) print(moved(package.cpath))')
LUA_PATH=$(echo "$paths" | sed -n 1p)
LUA_CPATH=$(echo "$paths" | sed -n 2p)
libdir=$(dirname "$(find "$root" -name 'libjobmatch.so.0' | head -n 1)")
export LUA_PATH LUA_CPATH
ROOT="$root" LD_LIBRARY_PATH="$libdir" "$lua" -e '
  local root = os.getenv("ROOT")
  local jm = require "jobmatch"
  assert(package.searchpath("jobmatch", package.path):find(root, 1, true) == 1, "jobmatch.lua not from the install")
  assert(package.searchpath("jobmatch.core", package.cpath):find(root, 1, true) == 1, "core.so not from the install")
  assert(jm.engine():score({id = "c"}, {id = "j"}).score == 0.5, "scoring")'
LD_LIBRARY_PATH="$libdir" "$lua" "$root$prefix/share/jobmatch/examples/lua/rank_with_rules.lua" > "$root/out.txt"
grep -q "Pairs excluded by the agency's rules" "$root/out.txt"
echo "1 passed, 0 failed"
