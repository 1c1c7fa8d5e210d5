#!/bin/sh
# Installs the build into a scratch root, then builds and runs the quick-start
# example against the installed headers, library and pkg-config file.
set -eu
build=$1
src=$2
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
meson install -C "$build" --destdir "$root" --quiet >/dev/null
pc=$(dirname "$(find "$root" -name libjobmatch.pc | head -n 1)")
[ -n "$pc" ] || { echo "no libjobmatch.pc installed"; exit 1; }
cli=$(find "$root" -path '*/bin/jobmatch' | head -n 1)
test -x "$cli" || { echo "no jobmatch CLI installed"; exit 1; }
export PKG_CONFIG_PATH="$pc" PKG_CONFIG_SYSROOT_DIR="$root"
cc -std=c99 -Wall -Wextra -Werror "$src/examples/c/quickstart.c" $(pkg-config --cflags --libs libjobmatch) -o "$root/quickstart"
libdir=$(dirname "$(find "$root" -name 'libjobmatch.so.0' | head -n 1)")
# The installed program finds the library in its own libdir without
# ldconfig (a run path), and runs.
readelf -d "$cli" | grep -q "path: \[${libdir#"$root"}\]" || {
    echo "the installed jobmatch has no run path to ${libdir#"$root"}"; readelf -d "$cli" | grep -i path; exit 1; }
LD_LIBRARY_PATH="$libdir" "$cli" validate "$src/examples/data/jobs.json"
# shellcheck disable=SC2086
LD_LIBRARY_PATH="$libdir" ${JM_TEST_WRAPPER:-} "$root/quickstart" "$src/examples/data/candidates.json" "$src/examples/data/jobs.json" > "$root/out.txt"
grep -q "feasible jobs" "$root/out.txt"
# The headers also compile as C++.
printf '#include <jobmatch.h>\nint main() { return jm_version_number() > 0 ? 0 : 1; }\n' > "$root/t.cpp"
c++ -Wall -Wextra -Werror "$root/t.cpp" $(pkg-config --cflags --libs libjobmatch) -o "$root/t"
LD_LIBRARY_PATH="$libdir" "$root/t"
echo "1 passed, 0 failed"
