#!/bin/sh
# The hardening checks, after the plain test run (README, "Hardening"):
#
#   tests/hardening.sh [BUILD_DIR]
#
#   1. valgrind: every suite of BUILD_DIR (default build) but the peers
#      check of bench/ (numpy under valgrind takes too long) under
#      `meson test --setup valgrind` (tests/valgrind/run.sh);
#   2. AddressSanitizer and UndefinedBehaviorSanitizer: a build in
#      build-asan, every suite but the install and ABI checks (which link or
#      dump the library without the sanitizer runtime), every report fatal;
#   3. ThreadSanitizer: a build in build-tsan, the thread stress test and the
#      C suites (the batch calls' threads included);
#   4. libFuzzer: every harness of tests/fuzz for FUZZ_SECONDS seconds each
#      (default 20; a longer run: tests/fuzz/README.md), after replaying the
#      inputs of tests/fuzz/regressions.
#
# The sanitizer and fuzzing builds are set up the first time and reused.
# Any failure stops the script with a non-zero status.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
secs=${FUZZ_SECONDS:-20}

step() {
    printf '\n== %s\n' "$*"
}

setup() { # DIR OPTIONS...: a build directory, set up once
    dir=$1
    shift
    [ -f "$dir/build.ninja" ] || meson setup "$dir" "$root" "$@"
}

step "valgrind: every suite (meson test --setup valgrind)"
meson test -C "$build" --setup valgrind --no-suite bench --print-errorlogs

step "AddressSanitizer + UndefinedBehaviorSanitizer (meson test --setup asan)"
setup "$root/build-asan" -Db_sanitize=address,undefined -Db_lundef=false -Dbindings=disabled
meson test -C "$root/build-asan" --setup asan --no-suite install --no-suite abi --print-errorlogs

step "ThreadSanitizer: the threaded paths (meson test --setup tsan)"
setup "$root/build-tsan" -Db_sanitize=thread -Dbindings=disabled
meson test -C "$root/build-tsan" --setup tsan --suite threads --suite c --print-errorlogs

step "libFuzzer: every harness for $secs s"
sh "$root/tests/fuzz/run_fuzzers.sh" "$secs" "$root/build-fuzz"
