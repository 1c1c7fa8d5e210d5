#!/bin/sh
# The exe_wrapper of `meson test --setup valgrind`: runs one test under valgrind.
#
# - C programs (the Check suites, the bad-input runner, the examples): any
#   memory error and every kind of leak fails the test (exit 99).
# - The Python and Lua interpreters (the binding suites, and the scripts that
#   drive the jobmatch program): any memory error fails, and so does a
#   definite leak allocated in libjobmatch's own frames (the library or the
#   binding modules); what the interpreters and other extension modules
#   (numpy) keep until exit is theirs.  PYTHONMALLOC=malloc lets valgrind see
#   every Python allocation.  These scripts run the jobmatch program under
#   $JM_TEST_WRAPPER, set here to the strict settings for C programs.
# - Shell scripts (the install checks) run as they are, with $JM_TEST_WRAPPER
#   set for the programs of ours they start.
strict="valgrind --quiet --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect,possible --show-leak-kinds=definite,indirect,possible"
case $(basename "$1") in
    python*|lua*) ;;
    sh|bash|dash)
        # Install checks: the shell and meson are not ours; what they run of
        # ours goes through $JM_TEST_WRAPPER.
        JM_TEST_WRAPPER=$strict
        export JM_TEST_WRAPPER
        exec "$@"
        ;;
    *)
        # shellcheck disable=SC2086
        exec $strict "$@"
        ;;
esac

JM_TEST_WRAPPER=$strict
PYTHONMALLOC=malloc
export JM_TEST_WRAPPER PYTHONMALLOC
log=$(mktemp "${TMPDIR:-/tmp}/jobmatch-valgrind.XXXXXX")
valgrind --quiet --log-file="$log" --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=none \
    --show-leak-kinds=definite --num-callers=40 "$@"
status=$?
# Leak records (from "definitely lost" to the blank line ending it) that
# name a frame of libjobmatch or of its bindings; SWIG's generated runtime
# creating its globals object while the module is destroyed at interpreter
# exit (and never freeing it) is SWIG's, not ours.
ours=$(awk '
    /are definitely lost/ { rec = $0; inrec = 1; next }
    inrec && /^==[0-9]+== *$/ { if (rec !~ /SWIG_Python_DestroyModule/ && rec ~ /libjobmatch|jobmatch_python_wrap|jobmatch_lua_wrap|jmpy\.c|jmlua\.c|_core\.cpython|jobmatch\/core\.so/) print rec "\n"; inrec = 0; next }
    inrec { rec = rec "\n" $0 }
' "$log")
if [ "$status" -eq 99 ] || [ -n "$ours" ]; then
    cat "$log" >&2
    [ -n "$ours" ] && printf '\nvalgrind: definite leaks in libjobmatch frames:\n%s\n' "$ours" >&2
    rm -f "$log"
    exit 99
fi
rm -f "$log"
exit "$status"
