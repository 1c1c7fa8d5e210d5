"""Shared fixtures of the Python binding's tests.

Run by `meson test --suite python` with PYTHONPATH pointing at the package
built in <build>/bindings/python, JOBMATCH_CLI at the command-line tool and
JM_SOURCE_ROOT at the project; by hand, from the project root:
    PYTHONPATH=build/bindings/python JOBMATCH_CLI=build/libjobmatch/cli/jobmatch \
        /usr/bin/python3 -m pytest -q tests/python
"""
import json
import os
import shlex
import subprocess
from pathlib import Path

import pytest

import jobmatch

# The package under test is the one PYTHONPATH names (the build tree), never
# an older installed copy.
_paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
if _paths and not any(Path(jobmatch.__file__).resolve().is_relative_to(Path(p).resolve())
                      for p in _paths):
    raise RuntimeError(f"testing {jobmatch.__file__}, not the package in PYTHONPATH={_paths}")

ROOT = Path(os.environ.get("JM_SOURCE_ROOT", Path(__file__).resolve().parents[2]))
DATA = ROOT / "examples" / "data"
CLI = os.environ.get("JOBMATCH_CLI")
# meson test --setup valgrind runs the program under valgrind (tests/valgrind/run.sh)
WRAPPER = shlex.split(os.environ.get("JM_TEST_WRAPPER", ""))
if not CLI:
    raise RuntimeError("set JOBMATCH_CLI to the jobmatch binary (meson test --suite python does)")


def run_cli(*args):
    """Runs the command-line tool; returns its standard output (it must succeed)."""
    proc = subprocess.run([*WRAPPER, CLI, *map(str, args)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


@pytest.fixture(scope="session")
def data():
    return DATA


@pytest.fixture(scope="session")
def candidates():
    return jobmatch.load_candidates(DATA / "candidates.json")


@pytest.fixture(scope="session")
def jobs():
    return jobmatch.load_jobs(DATA / "jobs.json")


@pytest.fixture(scope="session")
def one_candidate():
    return json.loads((DATA / "one-candidate.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def one_job():
    return json.loads((DATA / "one-job.json").read_text(encoding="utf-8"))


@pytest.fixture
def engine():
    with jobmatch.Engine() as e:
        yield e
