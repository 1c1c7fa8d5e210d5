#!/bin/sh
# Runs every libFuzzer harness of tests/fuzz/ for a bounded time.
#
#   tests/fuzz/run_fuzzers.sh [SECONDS_EACH] [BUILD_DIR]
#
# SECONDS_EACH defaults to 30; BUILD_DIR to build-fuzz at the top of the
# source tree.  When BUILD_DIR has no harnesses yet it is set up with clang,
# AddressSanitizer and UndefinedBehaviorSanitizer and the harnesses are built.
# Each harness starts from its seed corpus (tests/fuzz/corpus/NAME, copied:
# the seeds in the tree are never changed) and the dictionary
# tests/fuzz/jobmatch.dict.  A crash, leak, sanitizer report or broken
# invariant leaves the input in BUILD_DIR/fuzz-artifacts/NAME/ and makes the
# script exit 1.  Before fuzzing, every input kept in tests/fuzz/regressions/NAME/
# (crashes found earlier) is replayed once; one that still fails fails the
# harness.  The last line is "N passed, M failed".
# Environment: FUZZ_HARNESSES="load score" runs only those; FUZZ_JOBS=N runs
# N fuzzing processes per harness (libFuzzer -fork; default 1).
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:-30}
build=${2:-$root/build-fuzz}
harnesses=${FUZZ_HARNESSES:-candidate job profile load stream validate score}
jobs=${FUZZ_JOBS:-1}

case $secs in
    ''|*[!0-9]*) echo "run_fuzzers.sh: SECONDS_EACH must be a whole number, got '$secs'" >&2; exit 2 ;;
esac

targets=""
for h in $harnesses; do targets="$targets tests/fuzz/fuzz_$h"; done

if [ ! -f "$build/build.ninja" ]; then
    echo "== setting up $build (clang, address and undefined sanitizers)"
    CC=clang meson setup "$build" "$root" -Db_sanitize=address,undefined -Db_lundef=false \
        -Dbindings=disabled || exit 2
fi
# shellcheck disable=SC2086
meson compile -C "$build" $targets >"$build/fuzz-build.log" 2>&1 || {
    cat "$build/fuzz-build.log" >&2
    echo "run_fuzzers.sh: building the harnesses failed (clang with libFuzzer is needed)" >&2
    exit 2
}

# Undefined behaviour must stop the run, not only print a line.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS ASAN_OPTIONS

work=$(mktemp -d "${TMPDIR:-/tmp}/jm-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

passed=0
failed=0
for h in $harnesses; do
    bin="$build/tests/fuzz/fuzz_$h"
    seeds="$here/corpus/$h"
    artifacts="$build/fuzz-artifacts/$h"
    mkdir -p "$work/$h" "$artifacts"
    log="$build/fuzz-$h.log"
    if [ "$jobs" -gt 1 ]; then
        par="-fork=$jobs -ignore_crashes=0"
    else
        par=""
    fi
    regressions_ok=1
    if [ -d "$here/regressions/$h" ] && [ -n "$(ls -A "$here/regressions/$h")" ]; then
        for f in "$here/regressions/$h"/*; do
            if ! "$bin" "$f" >"$build/fuzz-$h-regression.log" 2>&1; then
                regressions_ok=0
                echo "fuzz_$h: regression input fails again: $f"
                grep -E 'ERROR|invariant broken|runtime error|SUMMARY' "$build/fuzz-$h-regression.log" | head -n 5
            fi
        done
    fi
    echo "== fuzz_$h: $secs s"
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$secs" -timeout=30 -rss_limit_mb=4096 -max_len=16384 \
        -dict="$here/jobmatch.dict" -artifact_prefix="$artifacts/" -print_final_stats=1 $par \
        "$work/$h" "$seeds" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
    cov=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    if [ $rc -eq 0 ] && [ $regressions_ok -eq 1 ]; then
        passed=$((passed + 1))
        echo "fuzz_$h: ok, ${execs:-?} executions, coverage ${cov:-?} edges (log: $log)"
    else
        failed=$((failed + 1))
        echo "fuzz_$h: FAILED (exit $rc, regressions ok: $regressions_ok), ${execs:-?} executions; inputs kept in $artifacts/"
        grep -E 'ERROR|invariant broken|runtime error|SUMMARY|Test unit written' "$log" | head -n 20
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
