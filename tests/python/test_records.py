"""Profiles, candidates, jobs and their sets; validation."""
import json
import pathlib

import pytest

import jobmatch


def test_versions():
    major, minor, patch = map(int, jobmatch.__version__.split("."))
    assert jobmatch.version_number == major * 10000 + minor * 100 + patch
    assert jobmatch.SCHEMA == "jobmatch/1"
    assert jobmatch.FACTORS[0] == "job_type" and jobmatch.FACTORS[-1] == "programme"


# -- sets --------------------------------------------------------------------

def test_load_collection(candidates, jobs):
    assert len(candidates) == 30 and len(jobs) == 70
    assert candidates[0].id == "c-001" and candidates[-1].id == candidates[29].id
    assert jobs[0].id == "j-001" and jobs[0].title == "Hospital porter"
    assert jobs[0].employer == "thames-gateway-nhs-trust"
    assert [c.id for c in candidates] == candidates.ids()
    assert repr(candidates) == "<jobmatch.Candidates: 30 candidates>"
    assert repr(jobs[0]) == "<jobmatch.Job 'j-001' 'Hospital porter'>"
    assert repr(candidates[0]) == "<jobmatch.Candidate 'c-001'>"
    assert candidates.warnings == []


def test_indexing_and_lookup(candidates):
    c = candidates["c-014"]
    assert c.id == "c-014"
    assert candidates.get("c-014") is c
    assert candidates.find("c-014") is c
    assert candidates[13] is c  # one wrapper per record
    assert "c-014" in candidates and c in candidates
    assert "c-999" not in candidates and 14 not in candidates
    assert candidates.get("c-999") is None
    assert candidates.get("c-999", 7) == 7
    with pytest.raises(KeyError):
        candidates["c-999"]
    with pytest.raises(jobmatch.NotFoundError, match="no candidate with id 'c-999'"):
        candidates.find("c-999")
    with pytest.raises(IndexError):
        candidates[30]
    with pytest.raises(IndexError):
        candidates[-31]
    assert [x.id for x in candidates[1:4]] == ["c-002", "c-003", "c-004"]
    assert [x.id for x in candidates[-2:]] == candidates.ids()[-2:]
    assert bool(candidates) and not bool(jobmatch.Candidates())
    assert len(jobmatch.Jobs([])) == 0


def test_json_lines_and_text(data, candidates):
    jl = jobmatch.load_candidates(str(data / "candidates.jsonl"))
    assert jl.ids() == candidates.ids()
    text = (data / "candidates.jsonl").read_text(encoding="utf-8")
    assert jobmatch.Candidates(text).ids() == candidates.ids()
    assert jobmatch.Candidates.from_json(text.encode()).ids() == candidates.ids()
    # A collection holding jobs too: candidates read the "candidates" array only.
    both = json.dumps({"schema": "jobmatch/1", "candidates": [{"id": "a"}], "jobs": [{"id": "j"}]})
    assert jobmatch.Candidates(both).ids() == ["a"]
    assert jobmatch.Jobs(both).ids() == ["j"]


def test_sets_from_dicts_and_objects(candidates):
    s = jobmatch.Candidates([{"id": "x1", "licences": ["forklift"]},
                             {"schema": "jobmatch/1", "type": "candidate", "id": "x2"}])
    assert s.ids() == ["x1", "x2"]
    assert s["x1"].to_dict() == {"schema": "jobmatch/1", "type": "candidate", "id": "x1",
                                 "licences": ["forklift"]}
    # Record objects (copied into the new set), alone or mixed with dicts.
    s2 = jobmatch.Candidates([candidates[0], candidates[5]])
    assert s2.ids() == ["c-001", "c-006"]
    assert s2[0].to_dict() == candidates[0].to_dict()
    s3 = jobmatch.Candidates([candidates[0], {"id": "x"}])
    assert s3.ids() == ["c-001", "x"]
    assert s3[0] == candidates[0]
    with pytest.raises(TypeError, match="not int"):
        jobmatch.Candidates([{"id": "a"}, 3])
    with pytest.raises(TypeError, match="list of records, not one dict"):
        jobmatch.Candidates({"id": "a"})


def test_record_roundtrip(one_candidate, one_job):
    c = jobmatch.Candidate.from_dict(one_candidate)
    assert c.id == "c-014"
    d = c.to_dict()
    assert d["preferences"]["hours"] == {"min": 12, "ideal": 16, "max": 20, "firm": True}
    assert jobmatch.Candidate.from_json(c.to_json()).to_json() == c.to_json()
    j = jobmatch.Job.from_dict(one_job)
    assert j.id == "j-004" and j.title == "Sterile services assistant"
    assert jobmatch.Job.from_dict(j.to_dict()) == j
    # "schema" and "type" are filled in.
    bare = jobmatch.Job.from_dict({"id": "j-x", "wage": 12.5})
    assert bare.to_dict() == {"schema": "jobmatch/1", "type": "job", "id": "j-x", "wage": 12.5}
    with pytest.raises(TypeError, match="make a Candidate with"):
        jobmatch.Candidate()


def test_records_compare_by_content(candidates):
    a = jobmatch.Candidate.from_dict(candidates[0].to_dict())
    assert a == candidates[0] and hash(a) == hash(candidates[0])
    assert a != candidates[1] and len({a, candidates[0], candidates[1]}) == 2
    assert a != jobmatch.Job.from_dict({"id": a.id})


def test_sets_to_json(candidates):
    d = candidates.to_dict()
    assert d["schema"] == "jobmatch/1" and len(d["candidates"]) == 30
    assert jobmatch.Candidates(candidates.to_json()).to_json() == candidates.to_json()


def test_warnings_and_policies():
    rec = {"id": "w", "support_needs": [{"type": "no_such_need"}]}
    c = jobmatch.Candidate.from_dict(rec)
    assert len(c.warnings) == 1
    w = c.warnings[0]
    assert w.severity == "warning" and w.path == "support_needs[0].type"
    assert "no_such_need" in w.message
    assert str(w).startswith("warning: support_needs[0].type: ")
    with pytest.raises(jobmatch.ValidationError) as ei:
        jobmatch.Candidate.from_dict(rec, unknown_terms="error")
    assert ei.value.path == "support_needs[0].type"
    # Unknown fields: errors by default, warnings on request.
    with pytest.raises(jobmatch.ValidationError, match="skils"):
        jobmatch.Candidate.from_dict({"id": "u", "skils": []})
    c2 = jobmatch.Candidate.from_dict({"id": "u", "skils": []}, unknown_fields="warn")
    assert [x.path for x in c2.warnings] == ["skils"]
    with pytest.raises(ValueError, match="unknown_fields must be"):
        jobmatch.Candidate.from_dict({"id": "u"}, unknown_fields="ignore")


# -- profiles ----------------------------------------------------------------

def test_default_profile():
    p = jobmatch.Profile()
    assert p.id == "ips-default"
    assert p.hash.startswith("sha256:") and len(p.hash) == 7 + 64
    assert p == jobmatch.Profile.default() and hash(p) == hash(jobmatch.Profile())
    w = p.weights
    assert list(w) == list(jobmatch.FACTORS) and len(w) == 14
    assert w["job_type"] == pytest.approx(0.2) and p.weight("hours") == pytest.approx(0.1)
    assert sum(w.values()) == pytest.approx(1.0)
    with pytest.raises(KeyError):
        p.weight("nope")
    assert p.has_support_need("quiet_workspace") and not p.has_support_need("peer_support")
    assert p.has_offer("mentor") and p.has_functional_dimension("reading")
    assert p.to_dict()["type"] == "scoring_profile"
    assert repr(p).startswith("<jobmatch.Profile 'ips-default' sha256:")


def test_profile_sources(data):
    path = data / "profile-competitive.json"
    p1 = jobmatch.Profile(path)
    p2 = jobmatch.Profile(str(path))
    text = path.read_text(encoding="utf-8")
    p3 = jobmatch.Profile(text)
    d = json.loads(text)
    del d["schema"], d["type"]
    p4 = jobmatch.load_profile(d)  # schema and type filled in
    assert p1.id == "riverside-competitive-2025"
    assert p1.hash == p2.hash == p3.hash == p4.hash != jobmatch.Profile().hash
    assert p1.weight("commute") == pytest.approx(0.14)
    assert p1.has_support_need("peer_support")
    assert jobmatch.Profile(p1) == p1
    # Fields left out take the default's values.
    partial = jobmatch.Profile({"id": "mine", "weights": {"hours": 0.3}})
    assert partial.weight("hours") == pytest.approx(0.3)
    assert partial.weight("job_type") == pytest.approx(jobmatch.Profile().weight("job_type"))


def test_validate(data, tmp_path):
    assert jobmatch.validate(data / "candidates.json") == []
    assert jobmatch.validate(str(data / "profile-competitive.json")) == []
    bad = {"schema": "jobmatch/1", "jobs": [{"id": "a"}, {"id": "b", "hours": {"min": "x"}}]}
    diags = jobmatch.validate(bad)
    assert [(d.severity, d.path) for d in diags] == [("error", "jobs[1].hours.min")]
    assert "expected a number from 0 to 168, found a string" in diags[0].message
    f = tmp_path / "bad.json"
    f.write_text('{"schema": "jobmatch/1", "type": "job",\n "id": "a", "wage": }\n')
    diags = jobmatch.validate(f)
    assert len(diags) == 1 and diags[0].code == jobmatch.JM_EPARSE
    assert (diags[0].line, diags[0].column) == (2, 21)
    assert diags[0].source == str(f)
    assert str(diags[0]).startswith(f"{f}:2:21: ")
    with pytest.raises(jobmatch.FileError, match="cannot open"):
        jobmatch.validate(tmp_path / "missing.json")
