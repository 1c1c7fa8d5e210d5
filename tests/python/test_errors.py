"""Error mapping: classes from error codes, messages, JSON paths, lines and columns."""
import json

import pytest

import jobmatch
from jobmatch import _core, _errors


def test_hierarchy():
    assert issubclass(jobmatch.ValidationError, jobmatch.JobmatchError)
    assert issubclass(jobmatch.ValidationError, ValueError)
    assert issubclass(jobmatch.ParseError, jobmatch.ValidationError)
    assert issubclass(jobmatch.DocumentTypeError, jobmatch.ValidationError)
    assert issubclass(jobmatch.NotFoundError, LookupError)
    assert issubclass(jobmatch.FileError, OSError)
    assert issubclass(jobmatch.OutOfRangeError, IndexError)
    assert issubclass(jobmatch.OutOfMemoryError, MemoryError)
    assert jobmatch.RuleError is jobmatch.CallbackError
    assert not issubclass(jobmatch.Veto, jobmatch.JobmatchError)


@pytest.mark.parametrize("code, cls", [
    (jobmatch.JM_EINVAL, jobmatch.ValidationError), (jobmatch.JM_ENOMEM, jobmatch.OutOfMemoryError),
    (jobmatch.JM_EPARSE, jobmatch.ParseError), (jobmatch.JM_ENOTFOUND, jobmatch.NotFoundError),
    (jobmatch.JM_EEXISTS, jobmatch.AlreadyExistsError),
    (jobmatch.JM_ECALLBACK, jobmatch.CallbackError), (jobmatch.JM_EIO, jobmatch.FileError),
    (jobmatch.JM_ERANGE, jobmatch.OutOfRangeError), (jobmatch.JM_ETYPE, jobmatch.DocumentTypeError),
    (-99, jobmatch.JobmatchError),
])
def test_classes_from_codes(code, cls):
    e = _errors._from_code(code, "the message")
    assert type(e) is cls and e.code == code and str(e) == "the message"
    assert e.diagnostics == [] and e.path is None


def test_code_names_and_strerror():
    assert jobmatch.JM_OK == 0 and jobmatch.JM_EINVAL == -1 and jobmatch.JM_ETYPE == -9
    assert _errors._from_code(jobmatch.JM_EPARSE, "x").code_name == "JM_EPARSE"
    assert jobmatch.strerror(jobmatch.JM_ENOTFOUND) == "not found"
    assert jobmatch.strerror(12345) == "unknown error"


def test_parse_error_line_and_column():
    text = '{"schema": "jobmatch/1", "type": "candidate",\n  "id": "c1",\n  "skills": [,]}'
    with pytest.raises(jobmatch.ParseError) as ei:
        jobmatch.Candidate.from_json(text)
    e = ei.value
    assert (e.line, e.column) == (3, 14)
    assert e.code == jobmatch.JM_EPARSE and e.code_name == "JM_EPARSE"
    assert len(e.diagnostics) == 1 and e.diagnostics[0].line == 3
    assert str(e).startswith("line 3, column 14: ")
    assert isinstance(e, ValueError)


def test_parse_error_in_a_file(tmp_path):
    f = tmp_path / "jobs.jsonl"
    f.write_text('{"schema": "jobmatch/1", "type": "job", "id": "a"}\n'
                 '{"schema": "jobmatch/1", "type": "job", "id": "b", "wage": 1e999}\n'
                 '{"schema": "jobmatch/1", "type": "job", "id": "c" "title": "x"}\n')
    with pytest.raises(jobmatch.JobmatchError) as ei:
        jobmatch.load_jobs(f)
    e = ei.value
    errs = e.errors
    assert [(d.line, d.path) for d in errs] == [(2, "wage"), (3, "")]
    assert errs[1].code == jobmatch.JM_EPARSE and errs[1].column == 51
    assert all(d.source == str(f) for d in errs)
    assert str(e) == f"{errs[0]} (and 1 more error)"
    assert str(errs[0]).startswith(f"{f}:2: wage: ")


def test_validation_error_paths():
    jobs = [{"id": "a"}, {"id": "b", "skills": [{"id": "s1", "level": 3},
                                                {"id": "s2", "level": 9}]}]
    with pytest.raises(jobmatch.ValidationError) as ei:
        jobmatch.Jobs(jobs)
    e = ei.value
    assert type(e) is jobmatch.ValidationError and e.code == jobmatch.JM_EINVAL
    assert e.path == "[1].skills[1].level"
    assert str(e) == "[1].skills[1].level: expected a number from 0 to 7, found 9"
    # Every problem is reported, not only the first.
    bad = {"id": "c", "preferences": {"hours": {"min": -1, "max": 999}}, "right_to_work": "yes"}
    with pytest.raises(jobmatch.ValidationError) as ei:
        jobmatch.Candidate.from_dict(bad)
    paths = [d.path for d in ei.value.errors]
    assert paths == ["preferences.hours.min", "preferences.hours.max", "right_to_work"]
    assert str(ei.value).endswith("(and 2 more errors)")
    # A collection's paths start at its array.
    doc = {"schema": "jobmatch/1", "candidates": [{"id": "a", "licences": [""]}]}
    with pytest.raises(jobmatch.ValidationError) as ei:
        jobmatch.Candidates(json.dumps(doc))
    assert ei.value.path == "candidates[0].licences[0]"


def test_document_type_error():
    with pytest.raises(jobmatch.DocumentTypeError) as ei:
        jobmatch.Candidates([{"type": "job", "id": "a"}])
    assert ei.value.path == "[0].type"
    assert "expected a candidate record, found a job record" in str(ei.value)
    with pytest.raises(jobmatch.DocumentTypeError):
        jobmatch.Candidate.from_dict({"type": "job", "id": "x"})


def test_already_exists():
    with pytest.raises(jobmatch.AlreadyExistsError) as ei:
        jobmatch.Jobs([{"id": "a"}, {"id": "b"}, {"id": "a"}])
    assert ei.value.path == "[2].id"
    assert "duplicate id 'a'" in str(ei.value)
    j = jobmatch.Job.from_dict({"id": "a"})
    with pytest.raises(jobmatch.AlreadyExistsError) as ei:
        jobmatch.Jobs([j, j])
    assert ei.value.path == "[1].id"


def test_not_found_and_file_errors(tmp_path, engine):
    with pytest.raises(jobmatch.NotFoundError, match="no rule named 'nope'"):
        engine.remove_rule("nope")
    missing = tmp_path / "missing.json"
    with pytest.raises(jobmatch.FileError) as ei:
        jobmatch.load_candidates(missing)
    assert str(missing) in str(ei.value) and ei.value.code == jobmatch.JM_EIO
    with pytest.raises(jobmatch.FileError):
        jobmatch.Engine(tmp_path / "no-profile.json")


def test_out_of_range_from_the_library():
    d = _core.jm_diags_new()
    try:
        with pytest.raises(jobmatch.OutOfRangeError):
            _core.jm_diags_get(d, 0)
    finally:
        _core.jm_diags_free(d)


def test_argument_errors_carry_the_library_message(engine):
    with pytest.raises(jobmatch.ValidationError) as ei:
        engine.add_rule("no spaces", lambda c, j: 1.0)
    assert str(ei.value) == "jm_engine_add_rule: a rule name is 1 to 64 of A-Z a-z 0-9 _ . -"
    assert ei.value.path is None and ei.value.diagnostics == []
    with pytest.raises(jobmatch.ValidationError, match="weight must be a finite number >= 0"):
        engine.add_rule("neg", lambda c, j: 1.0, weight=-1)
    assert engine.rules == {}


def test_bad_profile():
    with pytest.raises(jobmatch.ValidationError) as ei:
        jobmatch.Engine({"id": "p", "weights": {"hours": -1}})
    assert ei.value.path == "weights.hours"
    with pytest.raises(jobmatch.ParseError) as ei:
        jobmatch.Engine('{"weights": ')
    assert ei.value.line == 1


def test_not_json_serialisable():
    with pytest.raises(jobmatch.ValidationError, match="cannot write the data as JSON"):
        jobmatch.Candidate.from_dict({"id": "a", "preferences": {"wage": {"floor": float("nan")}}})
    with pytest.raises(TypeError, match="a candidate record is a dict"):
        jobmatch.Candidate.from_dict(["id", "a"])


def test_input_limits(tmp_path):
    rec = {"schema": "jobmatch/1", "type": "candidate", "id": "c-1"}
    text = json.dumps([rec])
    with pytest.raises(jobmatch.OutOfRangeError) as e:
        jobmatch.Candidates(text, max_bytes=len(text) - 1)
    assert f"input too large: found {len(text)} bytes, expected at most {len(text) - 1}" in str(e.value)
    assert len(jobmatch.Candidates(text, max_bytes=len(text))) == 1
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps(rec) + "\n")
    with pytest.raises(jobmatch.OutOfRangeError):
        jobmatch.load_candidates(f, max_bytes=10)
    head = '{"schema": "jobmatch/1", "type": "candidate", "id": "c", "x": '
    deep = head + "[" * 5 + "]" * 5 + "}"
    with pytest.raises(jobmatch.ParseError) as e:
        jobmatch.Candidates(deep, max_depth=3)
    # the object is level 1: the third '[' opens level 4
    assert "nesting too deep" in str(e.value) and e.value.column == len(head) + 3
    with pytest.raises(ValueError):
        jobmatch.Candidates(text, max_bytes=-1)


def test_unwritable_dicts_are_validation_errors():
    looped = {"id": "c1"}
    looped["self"] = looped
    deep = cur = {}
    for _ in range(100000):
        cur["x"] = {}
        cur = cur["x"]
    for record, words in ((looped, "Circular reference"), ({"id": "c", "preferences": deep}, "nested too deep"),
                          ({"id": "c", "skills": [{"id": "s", "level": float("nan")}]}, "not JSON compliant")):
        with pytest.raises(jobmatch.ValidationError, match=words):
            jobmatch.Candidate.from_dict(record)
