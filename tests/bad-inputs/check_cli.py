#!/usr/bin/python3
"""Runs every case of the bad-input catalogue through `jobmatch validate`.

Usage: check_cli.py JOBMATCH RUN_BAD_INPUTS CATALOGUE_DIR [NAME...]

For each case of cases.tsv (the generated ones are written by
`run_bad_inputs --emit DIR`):
  - the program must not crash: exit status 1 for a bad input (0 where the
    `cli` column says `ok`: the input is a valid document that only the
    candidate/job/profile loader refuses), nothing from a sanitizer;
  - the first line on standard output must name the file and, when the
    manifest gives them, the line and column ("FILE:LINE:COLUMN: ") and the
    JSON path ("FILE: PATH: ", or "FILE:LINE: PATH: " for JSON Lines);
  - the free-text marker of the inputs never appears in any output.
A `score` case (a candidate and a job separated by a line "-----") is
split into two files and run through `jobmatch score` and `jobmatch rank`
(text and JSON): exit 0 for JM_OK cases, 1 otherwise, never a crash.
Prints one line per failed case and "N passed, M failed".
"""
import os
import shlex
import subprocess
import sys
import tempfile

# Free text in the inputs: notes and descriptions (NOTEMARKER_q7x) never appear
# in any output; job titles (TITLEMARKER_q7x) may appear in results, never in
# `validate`'s diagnostics.
MARKER = b"NOTEMARKER_q7x"
DIAG_MARKER = b"MARKER_q7x"
CRASH_SIGNS = (b"Sanitizer", b"runtime error:", b"Segmentation fault", b"core dumped", b"Aborted")


def read_manifest(path):
    cases = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) != 9:
                raise SystemExit("cases.tsv: malformed line: %r" % line)
            keys = ("name", "input", "loader", "code", "path", "line", "column", "message", "cli")
            cases.append(dict(zip(keys, fields)))
    return cases


def expected_prefix(case, shown):
    """The start of the first output line, or None when only the file is checked."""
    line, col, path = case["line"], case["column"], case["path"]
    prefix = shown
    if line != "-":
        prefix += ":" + line
        if col != "-":
            prefix += ":" + col
    elif path in ("-", "(root)"):
        return None
    prefix += ": "
    if path not in ("-", "(root)"):
        prefix += path + ": "
    return prefix


# meson test --setup valgrind runs the program under valgrind (tests/valgrind/run.sh)
WRAPPER = shlex.split(os.environ.get("JM_TEST_WRAPPER", ""))


def run(argv):
    argv = WRAPPER + argv
    try:
        return subprocess.run(argv, stdin=subprocess.DEVNULL, capture_output=True, timeout=600), None
    except subprocess.TimeoutExpired:
        return None, "%s did not finish within 600 s" % " ".join(argv[:2])


def crash_problems(proc, marker=MARKER):
    problems = []
    if proc.returncode < 0:
        problems.append("killed by signal %d" % -proc.returncode)
    for sign in CRASH_SIGNS:
        if sign in proc.stderr or sign in proc.stdout:
            problems.append("crash report in the output (%s)" % sign.decode())
            break
    if marker in proc.stdout or marker in proc.stderr:
        problems.append("the free-text marker appears in the output")
    return problems


def check_score(case, file, jobmatch, tmp):
    """A candidate and a job: `jobmatch score` and `jobmatch rank`."""
    with open(file, "rb") as f:
        data = f.read()
    cand, sep, job = data.partition(b"\n-----\n")
    if not sep:
        return ["no separator line '-----' in the input"]
    cfile = os.path.join(tmp, case["name"] + "-candidate.json")
    jfile = os.path.join(tmp, case["name"] + "-job.json")
    with open(cfile, "wb") as f:
        f.write(cand)
    with open(jfile, "wb") as f:
        f.write(job)
    want = 0 if case["code"] == "JM_OK" else 1
    problems = []
    for argv in ([jobmatch, "score", "--candidate", cfile, "--job", jfile],
                 [jobmatch, "score", "--candidate", cfile, "--job", jfile, "--format", "json"],
                 [jobmatch, "rank", "--candidates", cfile, "--jobs", jfile, "--format", "json"],
                 [jobmatch, "rank", "--candidates", cfile, "--jobs", jfile, "--for", "jobs"]):
        proc, timeout = run(argv)
        if timeout:
            problems.append(timeout)
            continue
        p = crash_problems(proc)
        if proc.returncode != want:
            p.append("exit status %d, expected %d" % (proc.returncode, want))
        if p:
            problems += ["%s: %s" % (" ".join(argv[1:2] + argv[-2:]), x) for x in p]
            problems.append("stderr: %r" % proc.stderr[:300])
    return problems


def check(case, file, jobmatch, tmp):
    """Returns a list of problems (empty when the case passes)."""
    if case["loader"] == "score":
        return check_score(case, file, jobmatch, tmp)
    proc, timeout = run([jobmatch, "validate", file])
    if timeout:
        return [timeout]
    out, err = proc.stdout, proc.stderr
    problems = crash_problems(proc, DIAG_MARKER)
    want = 0 if case["cli"] == "ok" else 1
    if proc.returncode != want:
        problems.append("exit status %d, expected %d" % (proc.returncode, want))
    if want == 1:
        lines = out.decode("utf-8", "replace").splitlines()
        if not lines:
            problems.append("nothing on standard output")
        else:
            first = lines[0]
            prefix = expected_prefix(case, file)
            if not first.startswith(file):
                problems.append("first line does not name the file: %r" % first[:200])
            elif prefix is not None and not first.startswith(prefix):
                problems.append("first line: expected it to start with %r, got %r" % (prefix, first[:200]))
    if problems:
        problems.append("stdout: %r" % out[:300])
        problems.append("stderr: %r" % err[:300])
    return problems


def main(argv):
    if len(argv) < 4:
        print(__doc__, file=sys.stderr)
        return 2
    jobmatch, runner, catalogue = argv[1], argv[2], argv[3]
    only = set(argv[4:])
    cases = read_manifest(os.path.join(catalogue, "cases.tsv"))
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="jm-bad-inputs-") as tmp:
        subprocess.run([runner, "--emit", tmp, catalogue], check=True)
        for case in cases:
            if only and case["name"] not in only:
                continue
            if case["input"].startswith("gen:"):
                file = os.path.join(tmp, case["name"] + ".json")
            else:
                file = os.path.join(catalogue, case["input"])
            problems = check(case, file, jobmatch, tmp)
            if problems:
                failed += 1
                print("FAIL %s:" % case["name"])
                for p in problems:
                    print("    " + p)
            else:
                passed += 1
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
