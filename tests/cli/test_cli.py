"""Tests of the jobmatch command-line tool.

Run by `meson test cli` with JOBMATCH_CLI (the binary) and JM_SOURCE_ROOT
(the project root) in the environment; by hand:
    JOBMATCH_CLI=build/libjobmatch/cli/jobmatch JM_SOURCE_ROOT=. \
        /usr/bin/python3 -m pytest -q tests/cli
"""
import csv
import io
import json
import os
import re
import shlex
import subprocess
from pathlib import Path

import pytest

CLI = os.environ.get("JOBMATCH_CLI")
# meson test --setup valgrind runs the program under valgrind (tests/valgrind/run.sh)
WRAPPER = shlex.split(os.environ.get("JM_TEST_WRAPPER", ""))
ROOT = Path(os.environ.get("JM_SOURCE_ROOT", Path(__file__).resolve().parents[2]))
DATA = Path(__file__).resolve().parent / "data"
SAMPLES = ROOT / "examples" / "data"

if not CLI:
    raise RuntimeError("set JOBMATCH_CLI to the jobmatch binary (meson test cli does)")

CANDS = str(DATA / "candidates.json")
JOBS = str(DATA / "jobs.json")
FACTORS = ["job_type", "hours", "schedule", "commute", "environment", "interests",
           "work_values", "wage", "benefits", "skills", "functional", "support", "legal",
           "programme"]


def run(*args, stdin=None):
    """Runs the CLI; returns the CompletedProcess (text mode)."""
    proc = subprocess.run([*WRAPPER, CLI, *map(str, args)], input=stdin, capture_output=True,
                          text=True, timeout=120)
    # Whatever happens, the tool never dies from a signal.
    assert proc.returncode >= 0, f"killed by signal {-proc.returncode}: {proc.stderr}"
    return proc


def run_bytes(*args):
    return subprocess.run([*WRAPPER, CLI, *map(str, args)], capture_output=True, timeout=120)


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def sample(name):
    p = SAMPLES / name
    if not p.exists():
        pytest.skip(f"sample data {p} not generated")
    return str(p)


def error_lines(text):
    return [l for l in text.splitlines() if l.strip()]


# ---------------------------------------------------------------- general

def test_version():
    r = run("--version")
    assert r.returncode == 0
    assert re.fullmatch(r"jobmatch \d+\.\d+\.\d+\n", r.stdout)
    assert r.stderr == ""


def test_main_help_lists_commands():
    r = run("--help")
    assert r.returncode == 0
    for word in ("validate", "score", "rank", "--version"):
        assert word in r.stdout


@pytest.mark.parametrize("cmd", ["validate", "score", "rank"])
def test_subcommand_help(cmd):
    r = run(cmd, "--help")
    assert r.returncode == 0
    assert r.stdout.startswith(f"Usage: jobmatch {cmd}")
    assert r.stderr == ""
    # `help CMD` prints the same text.
    assert run("help", cmd).stdout == r.stdout


def test_subcommand_help_options():
    assert "--candidate-id" in run("score", "--help").stdout
    text = run("rank", "--help").stdout
    for opt in ("--top", "--for", "--format", "csv", "--profile"):
        assert opt in text


def test_help_fits_80_columns():
    for args in (["--help"], ["validate", "--help"], ["score", "--help"], ["rank", "--help"]):
        for line in run(*args).stdout.splitlines():
            assert len(line) <= 80, line


def test_no_arguments_is_usage_error():
    r = run()
    assert r.returncode == 2
    assert "Usage: jobmatch" in r.stderr


def test_unknown_command():
    r = run("frobnicate")
    assert r.returncode == 2
    assert "unknown command 'frobnicate'" in r.stderr


@pytest.mark.parametrize("args", [
    ["validate", "--bogus", CANDS],
    ["score", "--candidate", CANDS, "--job", JOBS, "--colour"],
    ["rank", "--candidates", CANDS, "--jobs", JOBS, "-x"],
])
def test_bad_option_exit_2(args):
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert "unknown" in r.stderr and "option" in r.stderr
    assert f"jobmatch {args[0]} --help" in r.stderr


def test_bad_option_names_the_option():
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS, "--bogus")
    assert "'--bogus'" in r.stderr
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS, "-x")
    assert "'-x'" in r.stderr


def test_missing_option_argument_exit_2():
    r = run("score", "--candidate", CANDS, "--job")
    assert r.returncode == 2
    assert "option '--job' requires an argument" in r.stderr


@pytest.mark.parametrize("args, message", [
    (["score", "--job", JOBS], "missing --candidate"),
    (["score", "--candidate", CANDS], "missing --job"),
    (["rank", "--jobs", JOBS], "missing --candidates"),
    (["rank", "--candidates", CANDS], "missing --jobs"),
    (["validate"], "no FILE"),
    (["score", "--candidate", CANDS, "--job", JOBS, "--format", "xml"], "invalid --format 'xml'"),
    (["score", "--candidate", CANDS, "--job", JOBS, "--format", "csv"], "invalid --format 'csv'"),
    (["rank", "--candidates", CANDS, "--jobs", JOBS, "--top", "-1"], "invalid --top '-1'"),
    (["rank", "--candidates", CANDS, "--jobs", JOBS, "--top", "3x"], "invalid --top '3x'"),
    (["rank", "--candidates", CANDS, "--jobs", JOBS, "--for", "employers"], "invalid --for"),
    (["rank", "--candidates", CANDS, "--jobs", JOBS, "extra"], "unexpected argument 'extra'"),
    (["rank", "--candidates", "-", "--jobs", "-"], "standard input"),
    (["score", "--candidate", "-", "--job", JOBS, "--profile", "-"], "standard input"),
])
def test_usage_errors(args, message):
    r = run(*args)
    assert r.returncode == 2, r.stderr
    assert message in r.stderr
    assert r.stdout == ""


def test_unreadable_file_exit_1(tmp_path):
    missing = tmp_path / "nope.json"
    r = run("validate", missing)
    assert r.returncode == 1
    assert f"cannot read '{missing}'" in r.stderr
    assert "No such file" in r.stderr
    r = run("score", "--candidate", missing, "--job", JOBS)
    assert r.returncode == 1
    assert str(missing) in r.stderr
    r = run("rank", "--candidates", CANDS, "--jobs", tmp_path)  # a directory
    assert r.returncode == 1
    assert str(tmp_path) in r.stderr
    assert r.stdout == ""


# ---------------------------------------------------------------- validate

def test_validate_fixtures_ok():
    r = run("validate", CANDS, JOBS)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""


def test_validate_verbose():
    r = run("validate", "-v", CANDS, JOBS)
    assert r.returncode == 0
    assert r.stdout == f"{CANDS}: ok\n{JOBS}: ok\n"


def test_validate_samples_ok():
    files = [sample(n) for n in ("candidates.json", "jobs.json", "one-candidate.json",
                                 "one-job.json")]
    r = run("validate", *files)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""


def test_validate_stdin():
    text = (DATA / "jobs.json").read_text()
    r = run("validate", "-v", "-", stdin=text)
    assert r.returncode == 0
    assert r.stdout == "<stdin>: ok\n"


def test_validate_syntax_error_line_column(tmp_path):
    bad = write(tmp_path, "bad.json",
                '{"schema": "jobmatch/1", "type": "job",\n'
                '  "id": "j-1",\n'
                '  "hours": {"min": 16 "max": 20}\n'
                '}\n')
    r = run("validate", bad)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) >= 1
    m = re.match(re.escape(str(bad)) + r":(\d+):(\d+): ", lines[0])
    assert m, lines[0]
    assert int(m.group(1)) == 3
    assert 19 <= int(m.group(2)) <= 23  # at or just before "max"


def test_validate_wrong_type_exact_path(tmp_path):
    bad = write(tmp_path, "bad.json", json.dumps({
        "schema": "jobmatch/1",
        "jobs": [{"id": "j-1"}, {"id": "j-2", "hours": {"min": "sixteen", "max": 20}}],
    }, indent=2))
    r = run("validate", bad)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) == 1, lines
    assert re.match(re.escape(str(bad)) + r"(:\d+:\d+)?: jobs\[1\]\.hours\.min: ", lines[0]), lines[0]


def test_validate_semantic_error_form(tmp_path):
    """A semantic error reads FILE: PATH: message (line:column optional)."""
    bad = write(tmp_path, "range.json", json.dumps({
        "schema": "jobmatch/1", "type": "candidate", "id": "c-1",
        "preferences": {"hours": {"min": 10, "max": 200}},
    }))
    r = run("validate", bad)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) == 1, lines
    m = re.match(re.escape(str(bad)) + r"(:\d+:\d+)?: preferences\.hours\.max: (.+)$", lines[0])
    assert m, lines[0]
    assert "168" in m.group(2)  # says what the range is


def test_validate_out_of_range_in_array(tmp_path):
    bad = write(tmp_path, "env.json", json.dumps([
        {"schema": "jobmatch/1", "type": "job", "id": "j-1", "environment": {"noise": 2}},
        {"schema": "jobmatch/1", "type": "job", "id": "j-2", "environment": {"noise": 9}},
    ]))
    r = run("validate", bad)
    assert r.returncode == 1
    assert re.search(r": \[1\]\.environment\.noise: ", r.stdout), r.stdout


def test_validate_unknown_field_suggestion(tmp_path):
    bad = write(tmp_path, "typo.json", json.dumps({
        "schema": "jobmatch/1", "type": "candidate", "id": "c-1",
        "skils": [{"id": "x", "level": 3}],
    }))
    r = run("validate", bad)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) == 1, lines
    assert re.match(re.escape(str(bad)) + r"(:\d+:\d+)?: skils: ", lines[0]), lines[0]
    assert "skills" in lines[0].split(": skils: ", 1)[1]  # the suggestion


def test_validate_duplicate_id(tmp_path):
    bad = write(tmp_path, "dup.json", json.dumps({
        "schema": "jobmatch/1",
        "candidates": [{"id": "c-1"}, {"id": "c-2"}, {"id": "c-1"}],
    }))
    r = run("validate", bad)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) == 1, lines
    assert re.match(re.escape(str(bad)) + r"(:\d+:\d+)?: candidates\[2\]\.id: ", lines[0]), lines[0]
    assert "c-1" in lines[0]


def test_validate_min_greater_than_max(tmp_path):
    bad = write(tmp_path, "minmax.json", json.dumps({
        "schema": "jobmatch/1", "type": "job", "id": "j-1", "hours": {"min": 30, "max": 20},
    }))
    r = run("validate", bad)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) == 1, lines
    assert re.match(re.escape(str(bad)) + r"(:\d+:\d+)?: hours(\.min|\.max)?: ", lines[0]), lines[0]


def test_validate_reports_every_error(tmp_path):
    bad = write(tmp_path, "two.json", json.dumps({
        "schema": "jobmatch/1",
        "jobs": [{"id": "j-1", "job_zone": 9}, {"id": "j-2", "wage": -3}],
    }))
    r = run("validate", bad)
    assert r.returncode == 1
    text = r.stdout
    assert "jobs[0].job_zone: " in text and "jobs[1].wage: " in text


def test_validate_mixed_files_exit_1(tmp_path):
    bad = write(tmp_path, "bad.json", "{")
    r = run("validate", "-v", CANDS, bad, JOBS)
    assert r.returncode == 1
    # The valid files are still reported, in order.
    assert r.stdout.startswith(f"{CANDS}: ok\n")
    assert r.stdout.rstrip().endswith(f"{JOBS}: ok")
    assert str(bad) + ":" in r.stdout


def test_validate_unknown_term_is_warning(tmp_path):
    doc = write(tmp_path, "term.json", json.dumps({
        "schema": "jobmatch/1", "type": "candidate", "id": "c-1",
        "support_needs": [{"type": "telepathic_support"}],
    }))
    r = run("validate", doc)
    assert r.returncode == 0, r.stdout + r.stderr
    assert r.stdout == ""
    warnings = error_lines(r.stderr)
    assert len(warnings) == 1
    assert warnings[0].startswith("warning: " + str(doc))
    assert "support_needs[0].type" in warnings[0]


def test_validate_empty_file(tmp_path):
    r = run("validate", write(tmp_path, "empty.json", ""))
    assert r.returncode == 1
    assert "empty.json" in r.stdout


# ---------------------------------------------------------------- score

def score_json(*extra):
    r = run("score", "--format", "json", *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_score_json_fixture():
    m = score_json("--candidate", CANDS, "--candidate-id", "c-a", "--job", JOBS, "--job-id", "j-1")
    assert m["candidate"] == "c-a" and m["job"] == "j-1"
    for key in ("score", "confidence", "feasible", "factors", "exclusions", "support_plan",
                "profile", "engine"):
        assert key in m, key
    assert 0.0 <= m["score"] <= 1.0
    assert 0.0 < m["confidence"] <= 1.0
    assert m["feasible"] is True
    assert set(FACTORS) <= set(m["factors"])
    assert m["factors"]["job_type"]["score"] == pytest.approx(1.0)  # the exact job type wanted
    assert m["profile"]["id"] == "ips-default"


def test_score_json_excluded_pair_has_reason():
    # c-a's hours are firm (max 20); j-3 needs 36-40.
    m = score_json("--candidate", CANDS, "--candidate-id", "c-a", "--job", JOBS, "--job-id", "j-3")
    assert m["feasible"] is False
    assert any(x["factor"] == "hours" and x["reason"] for x in m["exclusions"])


def test_score_samples_text_and_json():
    cand, job = sample("one-candidate.json"), sample("one-job.json")
    r = run("score", "--candidate", cand, "--job", job)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    cid = json.loads(Path(cand).read_text())["id"]
    jid = json.loads(Path(job).read_text())["id"]
    assert cid in text and jid in text
    assert "Score" in text and "Factors" in text
    m = score_json("--candidate", cand, "--job", job)
    assert (m["candidate"], m["job"]) == (cid, jid)
    assert 0.0 <= m["score"] <= 1.0


def test_score_text_matches_json():
    args = ["--candidate", CANDS, "--candidate-id", "c-b", "--job", JOBS, "--job-id", "j-2"]
    text = run("score", *args).stdout
    m = score_json(*args)
    assert text.startswith("Candidate c-b - job j-2\n")
    for name in FACTORS:
        assert name in text


def test_score_stdin():
    text = (DATA / "candidates.json").read_text()
    a = run("score", "--candidate", "-", "--candidate-id", "c-a", "--job", JOBS, "--job-id", "j-1",
            "--format", "json", stdin=text)
    b = run("score", "--candidate", CANDS, "--candidate-id", "c-a", "--job", JOBS, "--job-id", "j-1",
            "--format", "json")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout


def test_score_ambiguous_set_needs_id():
    r = run("score", "--candidate", CANDS, "--job", JOBS, "--job-id", "j-1")
    assert r.returncode == 2
    assert "3 candidates" in r.stderr and "--candidate-id" in r.stderr
    r = run("score", "--candidate", CANDS, "--candidate-id", "c-a", "--job", JOBS)
    assert r.returncode == 2
    assert "4 jobs" in r.stderr and "--job-id" in r.stderr


def test_score_unknown_id():
    r = run("score", "--candidate", CANDS, "--candidate-id", "c-zz", "--job", JOBS, "--job-id", "j-1")
    assert r.returncode == 1
    assert "no candidate with id 'c-zz'" in r.stderr


def test_score_single_records_need_no_id(tmp_path):
    cand = write(tmp_path, "c.json", json.dumps({"schema": "jobmatch/1", "type": "candidate",
                                                 "id": "solo"}))
    job = write(tmp_path, "j.json", json.dumps({"schema": "jobmatch/1", "type": "job",
                                                "id": "only-job"}))
    m = score_json("--candidate", cand, "--job", job)
    assert (m["candidate"], m["job"]) == ("solo", "only-job")
    # Zero exclusion: nothing known is nothing against anyone.
    assert m["feasible"] is True
    assert m["exclusions"] == []


def test_score_invalid_document_prints_diagnostics(tmp_path):
    bad = write(tmp_path, "bad-cand.json", json.dumps({
        "schema": "jobmatch/1", "type": "candidate", "id": "c-1", "skils": []}))
    r = run("score", "--candidate", bad, "--job", JOBS, "--job-id", "j-1")
    assert r.returncode == 1
    assert r.stdout == ""
    assert re.search(re.escape(str(bad)) + r"(:\d+:\d+)?: skils: ", r.stderr), r.stderr


def test_score_wrong_document_type(tmp_path):
    # A job file given as the candidate.
    r = run("score", "--candidate", JOBS, "--job", JOBS, "--job-id", "j-1")
    assert r.returncode == 1
    assert r.stdout == ""
    assert JOBS in r.stderr


def test_score_warning_goes_to_stderr(tmp_path):
    cand = write(tmp_path, "c.json", json.dumps({
        "schema": "jobmatch/1", "type": "candidate", "id": "c-w",
        "support_needs": [{"type": "telepathic_support"}]}))
    r = run("score", "--candidate", cand, "--job", JOBS, "--job-id", "j-4", "--format", "json")
    assert r.returncode == 0, r.stderr
    json.loads(r.stdout)
    assert any(l.startswith("warning: ") and "support_needs[0].type" in l
               for l in r.stderr.splitlines()), r.stderr


def test_notes_never_printed():
    """Support-need notes are private: no output of any command shows them."""
    outputs = [
        run("score", "--candidate", CANDS, "--candidate-id", "c-a", "--job", JOBS, "--job-id", "j-1"),
        run("score", "--candidate", CANDS, "--candidate-id", "c-a", "--job", JOBS, "--job-id", "j-3",
            "--format", "json"),
        run("rank", "--candidates", CANDS, "--jobs", JOBS),
        run("rank", "--candidates", CANDS, "--jobs", JOBS, "--format", "json"),
        run("rank", "--candidates", CANDS, "--jobs", JOBS, "--format", "csv"),
    ]
    for r in outputs:
        assert r.returncode == 0
        assert "PRIVATE-NOTE" not in r.stdout + r.stderr


# ---------------------------------------------------------------- rank

def rank_json(*extra):
    r = run("rank", "--format", "json", *extra)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout)


def test_rank_json_structure():
    doc = rank_json("--candidates", CANDS, "--jobs", JOBS)
    assert isinstance(doc, list)
    assert [r["candidate"] for r in doc] == ["c-a", "c-b", "c-c"]
    for r in doc:
        assert set(r) >= {"candidate", "matches", "excluded"}
        # Nothing dropped: every job is either ranked or excluded.
        assert len(r["matches"]) + len(r["excluded"]) == 4
        scores = [m["score"] for m in r["matches"]]
        assert scores == sorted(scores, reverse=True)
        for m in r["matches"]:
            assert m["candidate"] == r["candidate"]
            assert m["feasible"] is True
            assert 0.0 <= m["score"] <= 1.0
            assert 0.0 <= m["confidence"] <= 1.0
            assert set(FACTORS) <= set(m["factors"])
        for m in r["excluded"]:
            assert m["feasible"] is False
            assert m["exclusions"], m
    by_id = {r["candidate"]: r for r in doc}
    # c-a: firm hours max 20 exclude the 36-40 hour night porter job.
    assert "j-3" in [m["job"] for m in by_id["c-a"]["excluded"]]
    # c-b avoids kitchen porter work.
    assert "j-1" in [m["job"] for m in by_id["c-b"]["excluded"]]
    # c-c has no data at all: nothing excludes them (zero exclusion).
    assert by_id["c-c"]["excluded"] == []
    assert [m["job"] for m in by_id["c-c"]["matches"]] and by_id["c-a"]["matches"][0]["job"] == "j-1"


@pytest.mark.parametrize("k", [1, 2])
def test_rank_top_k(k):
    doc = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", k)
    for r in doc:
        assert len(r["matches"]) <= k
    by_id = {r["candidate"]: r for r in doc}
    assert len(by_id["c-c"]["matches"]) == k  # all four jobs are feasible for c-c
    assert len(by_id["c-c"]["excluded"]) == 0


def test_rank_top_k_keeps_best():
    full = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", 0)
    top1 = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", 1)
    for a, b in zip(full, top1):
        assert b["matches"] == a["matches"][:1]
        assert b["excluded"] == a["excluded"]


def test_rank_default_top_is_10():
    doc = rank_json("--candidates", sample("candidates.json"), "--jobs", sample("jobs.json"))
    assert len(doc) == len(json.loads(Path(sample("candidates.json")).read_text())["candidates"])
    assert max(len(r["matches"]) for r in doc) == 10


def test_rank_for_jobs():
    doc = rank_json("--candidates", CANDS, "--jobs", JOBS, "--for", "jobs")
    assert [r["job"] for r in doc] == ["j-1", "j-2", "j-3", "j-4"]
    for r in doc:
        assert "candidate" not in r
        assert len(r["matches"]) + len(r["excluded"]) == 3
        for m in r["matches"]:
            assert m["job"] == r["job"]
    by_id = {r["job"]: r for r in doc}
    assert "c-b" in [m["candidate"] for m in by_id["j-1"]["excluded"]]


def test_rank_for_jobs_agrees_with_for_candidates():
    """A pair scores the same whichever side is ranked."""
    per_cand = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", 0)
    per_job = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", 0, "--for", "jobs")
    a = {(m["candidate"], m["job"]): m["score"] for r in per_cand for m in r["matches"] + r["excluded"]}
    b = {(m["candidate"], m["job"]): m["score"] for r in per_job for m in r["matches"] + r["excluded"]}
    assert a == b and len(a) == 12


def test_rank_csv():
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    header = rows[0]
    assert header == ["candidate", "job", "rank", "score", "confidence", "feasible", *FACTORS,
                      "coach_hours", "exclusion"]
    body = rows[1:]
    assert len(body) == 12  # 3 candidates x 4 jobs: ranked or excluded, none dropped
    assert all(len(row) == len(header) for row in body)
    col = {name: i for i, name in enumerate(header)}
    for row in body:
        assert 0.0 <= float(row[col["score"]]) <= 1.0
        if row[col["feasible"]] == "true":
            assert int(row[col["rank"]]) >= 1 and row[col["exclusion"]] == ""
        else:
            assert row[col["feasible"]] == "false"
            assert row[col["rank"]] == "" and row[col["exclusion"]] != ""
    ranks = [(row[0], int(row[2])) for row in body if row[2]]
    for cand in ("c-a", "c-b", "c-c"):
        got = [k for c, k in ranks if c == cand]
        assert got == list(range(1, len(got) + 1))
    excl = [row for row in body if row[0] == "c-a" and row[1] == "j-3"][0]
    assert excl[col["exclusion"]].startswith("hours: ")


def test_rank_csv_row_count_with_top():
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS, "--format", "csv", "--top", "1")
    rows = list(csv.reader(io.StringIO(r.stdout, newline="")))
    doc = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", "1")
    assert len(rows) - 1 == sum(len(x["matches"]) + len(x["excluded"]) for x in doc)


def test_rank_csv_rfc4180_quoting(tmp_path):
    jobs = write(tmp_path, "jobs.json", json.dumps({"schema": "jobmatch/1", "jobs": [
        {"id": 'j,"quoted"', "title": "t"}]}))
    cands = write(tmp_path, "c.json", json.dumps({"schema": "jobmatch/1", "type": "candidate",
                                                  "id": "c,1"}))
    r = run_bytes("rank", "--candidates", cands, "--jobs", jobs, "--format", "csv")
    assert r.returncode == 0
    assert b'\r\n"c,1","j,""quoted""",1,' in r.stdout
    assert r.stdout.endswith(b"\r\n")


def test_rank_text():
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS)
    assert r.returncode == 0, r.stderr
    text = r.stdout
    assert "Candidate c-a:" in text and "Candidate c-b:" in text and "Candidate c-c:" in text
    assert "SCORE" in text and "COACH/WK" in text
    assert "Kitchen porter" in text  # titles shown
    # Every excluded job is listed with its reason.
    block_a = text.split("Candidate c-a:")[1].split("Candidate c-b:")[0]
    assert re.search(r"excluded j-3 \(Night porter\): hours: ", block_a), block_a
    block_b = text.split("Candidate c-b:")[1].split("Candidate c-c:")[0]
    assert re.search(r"excluded j-1 \(Kitchen porter\): job_type: ", block_b), block_b
    # The first ranked row of c-a is the kitchen porter job, with its score.
    doc = rank_json("--candidates", CANDS, "--jobs", JOBS)
    best = doc[0]["matches"][0]
    assert re.search(r"^\s+1  j-1 .* %.2f  %.2f " % (best["score"], best["confidence"]), block_a,
                     re.M), block_a
    for line in text.splitlines():
        assert len(line) <= 100, line


def test_rank_text_samples_fit_100_columns():
    r = run("rank", "--candidates", sample("candidates.json"), "--jobs", sample("jobs.json"),
            "--top", 5)
    assert r.returncode == 0, r.stderr
    for line in r.stdout.splitlines():
        assert len(line) <= 100, line
    r = run("rank", "--candidates", sample("candidates.json"), "--jobs", sample("jobs.json"),
            "--top", 5, "--for", "jobs")
    assert r.returncode == 0, r.stderr
    for line in r.stdout.splitlines():
        assert len(line) <= 100, line
    assert "Job j-001" in r.stdout


def test_rank_text_for_jobs():
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS, "--for", "jobs")
    assert r.returncode == 0
    assert "Job j-1 (Kitchen porter):" in r.stdout
    assert "CANDIDATE" in r.stdout
    assert "Job j-4 (Post room assistant): 3 of 3 candidates feasible" in r.stdout


def test_rank_stdin():
    text = (DATA / "jobs.json").read_text()
    a = run("rank", "--candidates", CANDS, "--jobs", "-", "--format", "csv", stdin=text)
    b = run("rank", "--candidates", CANDS, "--jobs", JOBS, "--format", "csv")
    assert a.returncode == 0, a.stderr
    assert a.stdout == b.stdout


def test_rank_jsonl_samples():
    doc = rank_json("--candidates", sample("candidates.jsonl"), "--jobs", sample("jobs.json"),
                    "--top", 3)
    assert len(doc) > 0 and all(len(r["matches"]) <= 3 for r in doc)


@pytest.mark.parametrize("fmt", ["text", "json", "csv"])
def test_rank_deterministic(fmt):
    args = ["rank", "--candidates", sample("candidates.json"), "--jobs", sample("jobs.json"),
            "--format", fmt, "--top", 5]
    a, b = run_bytes(*args), run_bytes(*args)
    assert a.returncode == 0
    assert a.stdout == b.stdout and len(a.stdout) > 0


def test_score_deterministic():
    args = ["score", "--candidate", sample("one-candidate.json"), "--job", sample("one-job.json"),
            "--format", "json"]
    assert run_bytes(*args).stdout == run_bytes(*args).stdout


def test_rank_empty_sets(tmp_path):
    empty = write(tmp_path, "none.json", json.dumps({"schema": "jobmatch/1", "candidates": []}))
    assert rank_json("--candidates", empty, "--jobs", JOBS) == []
    r = run("rank", "--candidates", empty, "--jobs", JOBS, "--format", "csv")
    assert r.returncode == 0 and len(r.stdout.splitlines()) == 1
    r = run("rank", "--candidates", empty, "--jobs", JOBS)
    assert r.returncode == 0 and "No candidates" in r.stdout


def test_rank_invalid_jobs_file(tmp_path):
    bad = write(tmp_path, "jobs.json", json.dumps({"schema": "jobmatch/1", "jobs": [
        {"id": "j-1"}, {"id": "j-1"}]}))
    r = run("rank", "--candidates", CANDS, "--jobs", bad, "--format", "json")
    assert r.returncode == 1
    assert r.stdout == ""
    assert re.search(re.escape(str(bad)) + r"(:\d+:\d+)?: jobs\[1\]\.id: ", r.stderr), r.stderr


# ---------------------------------------------------------------- more

def test_help_unknown_command():
    r = run("help", "frobnicate")
    assert r.returncode == 2
    assert "unknown command 'frobnicate'" in r.stderr


def test_validate_json_lines_gives_line(tmp_path):
    doc = write(tmp_path, "jobs.jsonl",
                '{"schema":"jobmatch/1","type":"job","id":"j-1"}\n'
                '\n'
                '{"schema":"jobmatch/1","type":"job","id":"j-2","wage":-1}\n')
    r = run("validate", doc)
    assert r.returncode == 1
    lines = error_lines(r.stdout)
    assert len(lines) == 1
    assert lines[0].startswith(f"{doc}:3")
    assert ": wage: " in lines[0]


def test_validate_profile_document(tmp_path):
    good = write(tmp_path, "p.json", json.dumps({"schema": "jobmatch/1", "type": "scoring_profile",
                                                 "id": "test-profile"}))
    assert run("validate", good).returncode == 0
    bad = write(tmp_path, "p2.json", json.dumps({"schema": "jobmatch/1", "type": "scoring_profile",
                                                 "id": "p", "wieghts": {}}))
    r = run("validate", bad)
    assert r.returncode == 1
    assert re.match(re.escape(str(bad)) + r"(:\d+:\d+)?: wieghts: ", r.stdout), r.stdout


def test_profile_option():
    prof = sample("profile-competitive.json")
    pid = json.loads(Path(prof).read_text())["id"]
    doc = rank_json("--candidates", CANDS, "--jobs", JOBS, "--profile", prof, "--top", 0)
    for r in doc:
        for m in r["matches"] + r["excluded"]:
            assert m["profile"]["id"] == pid
    default = rank_json("--candidates", CANDS, "--jobs", JOBS, "--top", 0)
    assert default[0]["matches"][0]["profile"]["id"] == "ips-default"
    m = score_json("--candidate", CANDS, "--candidate-id", "c-c", "--job", JOBS, "--job-id", "j-1",
                   "--profile", prof)
    assert m["profile"]["id"] == pid


def test_profile_option_wrong_document():
    r = run("rank", "--candidates", CANDS, "--jobs", JOBS, "--profile", JOBS)
    assert r.returncode == 1
    assert r.stdout == ""
    assert JOBS in r.stderr


# ---- rank --all: the batch mode ------------------------------------------------


@pytest.mark.parametrize("who", ["candidates", "jobs"])
@pytest.mark.parametrize("threads", ["1", "2", "0"])
def test_rank_all_agrees_with_the_explained_rankings(who, threads):
    args = ["--candidates", sample("candidates.json"), "--jobs", sample("jobs.json"), "--for", who,
            "--top", "4"]
    explained = rank_json(*args)
    r = run("rank", "--format", "json", "--all", "--threads", threads, *args)
    assert r.returncode == 0, r.stderr
    assert r.stderr == ""  # no progress bar: standard error is not a terminal
    fast = json.loads(r.stdout)
    key, other = ("candidate", "job") if who == "candidates" else ("job", "candidate")
    assert [x[key] for x in fast] == [x[key] for x in explained]
    for a, b in zip(fast, explained):
        assert [m[other] for m in a["matches"]] == [m[other] for m in b["matches"]]
        assert [m["score"] for m in a["matches"]] == pytest.approx([m["score"] for m in b["matches"]],
                                                                   abs=1e-6)
        assert a["feasible_total"] == len(b["matches"]) or a["feasible_total"] > 4
        assert set(a) == {key, "matches", "feasible_total"}


def test_rank_all_text_and_csv():
    args = ["rank", "--all", "--candidates", CANDS, "--jobs", JOBS, "--top", "2"]
    text = run(*args)
    assert text.returncode == 0, text.stderr
    lines = text.stdout.splitlines()
    assert len(lines) == 3 and lines[0].startswith("c-a (") and "feasible):" in lines[0]
    csv_out = run(*args, "--format", "csv")
    rows = list(csv.reader(io.StringIO(csv_out.stdout)))
    assert rows[0] == ["candidate", "rank", "job", "score", "feasible_total"]
    assert all(len(x) == 5 for x in rows) and len(rows) == 1 + 2 * 3  # c-c has all four feasible
    assert [x[1] for x in rows[1:3]] == ["1", "2"]


def test_rank_all_top_0_keeps_every_feasible_match():
    doc = json.loads(run("rank", "--all", "--format", "json", "--top", "0", "--candidates", CANDS,
                         "--jobs", JOBS).stdout)
    assert all(len(x["matches"]) == x["feasible_total"] for x in doc)


def test_rank_threads_needs_all_and_a_valid_count():
    r = run("rank", "--threads", "2", "--candidates", CANDS, "--jobs", JOBS)
    assert r.returncode == 2 and "--threads needs --all" in r.stderr
    r = run("rank", "--all", "--threads", "999", "--candidates", CANDS, "--jobs", JOBS)
    assert r.returncode == 2 and "invalid --threads '999'" in r.stderr
    r = run("rank", "--all", "--threads", "x", "--candidates", CANDS, "--jobs", JOBS)
    assert r.returncode == 2


def test_rank_all_shows_a_progress_bar_on_a_terminal():
    import pty
    master, slave = pty.openpty()
    try:
        proc = subprocess.run([*WRAPPER, CLI, "rank", "--all", "--candidates", sample("candidates.json"),
                               "--jobs", sample("jobs.json")], stdout=subprocess.PIPE, stderr=slave,
                              timeout=120)
        os.close(slave)
        slave = None
        err = b""
        while True:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            err += chunk
    finally:
        if slave is not None:
            os.close(slave)
        os.close(master)
    assert proc.returncode == 0
    text = err.decode()
    assert "jobmatch rank: [" in text and "100% (30 of 30 candidates)" in text
    assert proc.stdout.count(b"\n") == 30
