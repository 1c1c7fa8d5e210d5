"""The bad-input catalogue (tests/bad-inputs) through the Python binding:
every case gives its error code (and no free text in the message), or
loads when it must.  Sets are immutable in Python: the two cases of an id
already in the set are loaded after the set's record."""
import csv
import os
from pathlib import Path

import pytest

import jobmatch

ROOT = Path(os.environ["JM_SOURCE_ROOT"])
CATALOGUE = ROOT / "tests" / "bad-inputs"
CODES = {name: getattr(jobmatch, name) for name in dir(jobmatch) if name.startswith("JM_")}


def cases():
    with open(CATALOGUE / "cases.tsv", newline="") as f:
        for row in csv.reader((line for line in f if not line.startswith("#")), delimiter="\t"):
            name, source, loader, code = row[0], row[1], row[2], row[3]
            if source.startswith("gen:") or loader == "score":
                continue  # generated in C, or a pair: run_bad_inputs covers them
            yield pytest.param(name, CATALOGUE / source, loader, CODES[code], id=name)


BASE = {"candidates": {"schema": "jobmatch/1", "type": "candidate", "id": "base-1"},
        "jobs": {"schema": "jobmatch/1", "type": "job", "id": "base-1"}}


@pytest.mark.parametrize("name, path, loader, code", list(cases()))
def test_case(name, path, loader, code):
    data = path.read_bytes()
    if loader == "validate":
        diags = jobmatch.validate(data)
        errors = [d for d in diags if d.severity == "error"]
        assert bool(errors) == (code != jobmatch.JM_OK), (name, diags)
        if errors:
            assert errors[0].code == code, (name, errors[0])
        return
    if loader == "profile":
        def make():
            return jobmatch.Profile(data)
    else:
        cls = jobmatch.Candidates if loader == "candidates" else jobmatch.Jobs

        def make():
            if name.endswith("-with-set"):  # the record after the set's own
                return cls([BASE[loader], cls(data)[0]])
            return cls(data)
    if code == jobmatch.JM_OK:
        make()
        return
    with pytest.raises(jobmatch.JobmatchError) as e:
        make()
    assert e.value.code == code, (name, e.value)
    for marker in ("NOTEMARKER_q7x", "TITLEMARKER_q7x"):
        assert marker not in str(e.value), name
        assert all(marker not in (d.message or "") for d in e.value.errors), name
