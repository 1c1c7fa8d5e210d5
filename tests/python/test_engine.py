"""The engine: scoring, explanations, rankings, the score matrix."""
import json
import math
import os
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

import numpy
import pytest

import jobmatch
from conftest import DATA, run_cli

CANDS = DATA / "candidates.json"
JOBS = DATA / "jobs.json"
PROFILE = DATA / "profile-competitive.json"


def test_engine_lifecycle():
    e = jobmatch.Engine()
    assert not e.closed and e.profile.id == "ips-default"
    assert repr(e) == "<jobmatch.Engine profile 'ips-default'>"
    e.close()
    e.close()  # twice is fine
    assert e.closed and repr(e) == "<jobmatch.Engine (closed)>"
    with pytest.raises(ValueError, match="closed"):
        e.score({"id": "a"}, {"id": "b"})
    with pytest.raises(ValueError, match="closed"):
        e.add_rule("r", lambda c, j: 1)
    with jobmatch.Engine() as e2:
        assert e2.score({"id": "a"}, {"id": "b"}).total == 0.5
    assert e2.closed
    # __exit__ returns False: the exception goes on.
    with pytest.raises(KeyError):
        with jobmatch.Engine() as e3:
            raise KeyError("k")
    assert e3.closed


def test_score_matches_the_cli(engine, one_candidate, one_job):
    m = engine.score(one_candidate, one_job)
    cli = json.loads(run_cli("score", "--candidate", DATA / "one-candidate.json",
                             "--job", DATA / "one-job.json", "--format", "json"))
    assert m.to_dict() == cli
    assert json.loads(m.to_json()) == cli
    text = run_cli("score", "--candidate", DATA / "one-candidate.json", "--job",
                   DATA / "one-job.json")
    assert m.explain().rstrip("\n") == text.rstrip("\n")
    assert "Score 0.81 (confidence 100%)" in m.explain()


def test_match_attributes(engine, one_candidate, one_job):
    m = engine.score(one_candidate, one_job)
    d = m.to_dict()
    assert (m.candidate_id, m.job_id) == ("c-014", "j-004")
    assert m.total == pytest.approx(d["score"], abs=1e-6)
    assert m.total == pytest.approx(0.805516, abs=1e-6)
    assert m.confidence == 1.0 and m.feasible is True
    assert list(m.factors) == list(jobmatch.FACTORS) == list(d["factors"])
    for name, f in m.factors.items():
        jf = d["factors"][name]
        assert f.name == name and f.has_data == jf["has_data"] and f.excluded == jf["excluded"]
        assert f.weight == pytest.approx(jf["weight"]) and f.detail == jf["detail"]
        assert f.contribution == pytest.approx(jf["contribution"], abs=1e-6)
        if f.has_data:
            assert f.score == pytest.approx(jf["score"], abs=1e-6)
        else:
            assert f.score is None and jf["score"] is None
    assert m.factors["hours"] == jobmatch.Factor(
        "hours", 1.0, pytest.approx(0.1), pytest.approx(0.1), d["factors"]["hours"]["detail"],
        True, False)
    assert sum(f.contribution for f in m.factors.values()) == pytest.approx(m.total)
    assert m.exclusions == []
    assert m.matched_skills == []
    assert [s.id for s in m.missing_skills] == [s["id"] for s in d["missing_skills"]]
    s0 = m.missing_skills[0]
    assert s0.label == "sterilization techniques" and s0.essential and s0.trainable
    assert s0.required_level == 3 and s0.candidate_level is None and s0.credit == 0.5
    assert [t._asdict() for t in m.training_plan] == d["training_plan"]
    plan = m.support_plan
    assert [n._asdict() for n in plan.needs] == d["support_plan"]["needs"]
    assert plan.coach_hours_per_week == 5
    assert [(s.week, s.hours) for s in plan.fading] == [(1, 5), (5, 3), (9, 1.75), (13, 1)]
    assert plan.needs[0].provider == "job_coach" and plan.needs[0].intensity == "medium"
    assert m.notes == ["earnings over the benefit limit: refer to benefits counselling"]
    assert m.profile_id == "ips-default" and m.profile_hash == engine.profile.hash
    assert m.engine_version == f"libjobmatch {jobmatch.__version__}"
    assert repr(m) == ("<jobmatch.Match 'c-014' x 'j-004': total 0.806, confidence 1.00, "
                       "feasible>")


def test_inputs_in_every_form(engine, one_candidate, one_job, candidates):
    ref = engine.score(one_candidate, one_job).to_json()
    ctext = (DATA / "one-candidate.json").read_text(encoding="utf-8")
    jtext = (DATA / "one-job.json").read_text(encoding="utf-8")
    assert engine.score(ctext, jtext).to_json() == ref
    assert engine.score(ctext.encode(), jtext.encode()).to_json() == ref
    assert engine.score(DATA / "one-candidate.json", str(DATA / "one-job.json")).to_json() == ref
    c = jobmatch.Candidate.from_dict(one_candidate)
    bare = {k: v for k, v in one_job.items() if k not in ("schema", "type")}
    assert engine.score(c, bare).to_json() == ref
    with pytest.raises(ValueError, match="holds 30 candidate records"):
        engine.score(CANDS, one_job)
    with pytest.raises(TypeError, match="a candidate is a Candidate, a dict"):
        engine.score(42, one_job)


def test_exclusions(engine, candidates, jobs):
    m = engine.score(candidates["c-001"], jobs["j-001"])
    assert not m.feasible
    d = m.to_dict()
    assert [e._asdict() for e in m.exclusions] == d["exclusions"]
    assert m.exclusions[0].factor in m.factors and m.factors[m.exclusions[0].factor].excluded
    assert repr(m).endswith("excluded>")


def test_rank_jobs_matches_the_cli(engine, candidates, jobs):
    cli = json.loads(run_cli("rank", "--candidates", CANDS, "--jobs", JOBS, "--top", 3,
                             "--format", "json"))
    ours = [engine.rank_jobs(c, jobs, k=3).to_dict() for c in candidates]
    assert ours == cli
    r = engine.rank_jobs(candidates[0], jobs, k=3)
    assert isinstance(r, list) and isinstance(r, jobmatch.Ranking) and len(r) == 3
    assert r.subject == "c-001"
    assert [m.job_id for m in r] == [m["job"] for m in cli[0]["matches"]]
    assert [m.total for m in r] == sorted((m.total for m in r), reverse=True)
    assert all(m.feasible for m in r) and not any(m.feasible for m in r.excluded)
    assert len(r.excluded) == len(cli[0]["excluded"]) == 14
    assert r.feasible_total == cli[0]["feasible_total"] == 70 - 14
    # Excluded pairs are in input order; ranked and excluded cover every job.
    order = jobs.ids()
    assert [m.job_id for m in r.excluded] == sorted((m.job_id for m in r.excluded),
                                                    key=order.index)
    every = engine.rank_jobs(candidates[0], jobs, k=None)
    assert len(every) == every.feasible_total == 56
    assert len(engine.rank_jobs(candidates[0], jobs, k=0)) == 56
    assert sorted([m.job_id for m in every] + [m.job_id for m in every.excluded]) == sorted(order)
    assert repr(r) == "<jobmatch.Ranking for 'c-001': 3 matches, 14 excluded>"
    with pytest.raises(ValueError, match="k must be >= 0"):
        engine.rank_jobs(candidates[0], jobs, k=-1)


def test_rank_candidates_matches_the_cli(engine, candidates, jobs):
    cli = json.loads(run_cli("rank", "--candidates", CANDS, "--jobs", JOBS, "--top", 5,
                             "--for", "jobs", "--format", "json"))
    ours = [engine.rank_candidates(j, candidates, k=5).to_dict() for j in jobs]
    assert ours == cli
    r = engine.rank_candidates(jobs["j-004"], candidates, k=5)
    assert r.subject == "j-004" and all(m.job_id == "j-004" for m in r)


def test_rank_takes_lists_and_text(engine, candidates, jobs):
    ref = engine.rank_jobs(candidates[0], jobs, k=5).to_json()
    assert engine.rank_jobs(candidates[0], list(jobs), k=5).to_json() == ref
    assert engine.rank_jobs(candidates[0], [j.to_dict() for j in jobs], k=5).to_json() == ref
    assert engine.rank_jobs(candidates[0], JOBS, k=5).to_json() == ref
    assert engine.rank_jobs(candidates[0], JOBS.read_text(), k=5).to_json() == ref
    assert engine.rank_jobs(candidates[0].to_dict(), jobs, k=5).to_json() == ref


def test_matches_outlive_their_sources(candidates):
    with jobmatch.Engine() as e:
        r = e.rank_jobs(candidates[0], jobmatch.load_jobs(JOBS), k=2)
        m = e.score({"id": "a"}, {"id": "b"})
    first = r[0]
    del r
    import gc
    gc.collect()
    assert first.factors["job_type"].name == "job_type" and first.to_dict()["job"] == first.job_id
    assert m.to_dict()["candidate"] == "a"


def test_profile_engine_matches_the_cli(data):
    e = jobmatch.Engine(data / "profile-competitive.json")
    assert e.profile.id == "riverside-competitive-2025"
    m = e.score(data / "one-candidate.json", data / "one-job.json")
    cli = json.loads(run_cli("score", "--candidate", data / "one-candidate.json", "--job",
                             data / "one-job.json", "--profile", data / "profile-competitive.json",
                             "--format", "json"))
    assert m.to_dict() == cli
    assert m.profile_hash == e.profile.hash != jobmatch.Profile().hash
    for source in (jobmatch.Profile(data / "profile-competitive.json"),
                   json.loads((data / "profile-competitive.json").read_text()),
                   (data / "profile-competitive.json").read_text()):
        assert jobmatch.Engine(source).profile.hash == e.profile.hash


def test_score_matrix_equals_pairwise(engine, candidates, jobs):
    cs = jobmatch.Candidates(list(candidates)[:7])
    m = engine.score_matrix(cs, jobs)
    assert isinstance(m, numpy.ndarray) and m.dtype == numpy.float64 and m.shape == (7, 70)
    for i, c in enumerate(cs):
        for k, j in enumerate(jobs):
            assert m[i, k] == engine.score(c, j).total  # exactly: the same computation
    totals, feasible = engine.score_matrix(cs, jobs, feasible=True)
    assert numpy.array_equal(totals, m) and feasible.dtype == numpy.bool_
    for i, c in enumerate(cs):
        for k, j in enumerate(jobs):
            assert feasible[i, k] == engine.score(c, j).feasible
    assert 0 < feasible.sum() < feasible.size


def test_score_matrix_whole_sample(engine, candidates, jobs):
    m = engine.score_matrix(candidates, jobs)
    assert m.shape == (30, 70)
    i, k = 13, 3
    assert m[i, k] == engine.score(candidates[i], jobs[k]).total
    assert numpy.all((m >= 0) & (m <= 1))


def test_score_matrix_empty(engine, jobs):
    m = engine.score_matrix(jobmatch.Candidates(), jobs)
    assert m.shape == (0, 70)
    t, f = engine.score_matrix([{"id": "a"}], [], feasible=True)
    assert t.shape == (1, 0) and f.shape == (1, 0)


def test_score_matrix_list_path(engine, candidates, jobs, monkeypatch):
    ref = engine.score_matrix(candidates, jobs)
    monkeypatch.setitem(sys.modules, "numpy", None)  # import numpy now raises ImportError
    m = engine.score_matrix(candidates, jobs)
    assert type(m) is list and len(m) == 30 and all(type(row) is list and len(row) == 70
                                                    for row in m)
    assert m == ref.tolist()
    t, f = engine.score_matrix(candidates, jobs, feasible=True)
    assert t == m and type(f[0][0]) is bool
    assert f[0][0] == engine.score(candidates[0], jobs[0]).feasible
    assert engine.score_matrix([], jobs) == []


def test_score_matrix_without_numpy_in_a_subprocess(engine, candidates, jobs):
    code = ("import sys; sys.modules['numpy'] = None\n"
            "import jobmatch, json\n"
            "e = jobmatch.Engine()\n"
            "m = e.score_matrix(jobmatch.load_candidates(sys.argv[1]), jobmatch.load_jobs(sys.argv[2]))\n"
            "print(json.dumps(m))\n")
    out = subprocess.run([sys.executable, "-c", code, str(CANDS), str(JOBS)], check=True,
                         capture_output=True, text=True, env=os.environ).stdout
    assert json.loads(out) == engine.score_matrix(candidates, jobs).tolist()


def test_score_matrix_buffers_checked(engine, candidates, jobs):
    from jobmatch import _core
    small = numpy.zeros(3)
    with pytest.raises(jobmatch.ValidationError, match="the buffers need 2100 elements"):
        _core.jm_engine_score_matrix(engine._ptr, candidates._ptr, jobs._ptr, None, small, None)
    with pytest.raises(TypeError, match="float64"):
        _core.jm_engine_score_matrix(engine._ptr, candidates._ptr, jobs._ptr, None,
                                     numpy.zeros(2100, dtype=numpy.float32), None)
    with pytest.raises((TypeError, BufferError)):
        _core.jm_engine_score_matrix(engine._ptr, candidates._ptr, jobs._ptr, None, b"x" * 16800, None)


def test_score_matrix_threads_give_the_same_bits(engine, candidates, jobs):
    one = engine.score_matrix(candidates, jobs, threads=1, feasible=True)
    for t in (0, 2, 3, 7):
        many = engine.score_matrix(candidates, jobs, threads=t, feasible=True)
        assert one[0].tobytes() == many[0].tobytes() and numpy.array_equal(one[1], many[1])
    with pytest.raises(ValueError, match="threads"):
        engine.score_matrix(candidates, jobs, threads=-1)
    with pytest.raises(ValueError, match="threads"):
        engine.score_matrix(candidates, jobs, threads=1000)


def test_rank_all_equals_rank_jobs_and_rank_candidates(engine, candidates, jobs):
    top = engine.rank_all(candidates, jobs, k=4)
    assert isinstance(top, jobmatch.TopK)
    assert top.index.shape == (len(candidates), 4) and top.index.dtype == numpy.intp
    assert top.totals.shape == (len(candidates), 4) and top.counts.shape == (len(candidates),)
    for r, c in enumerate(candidates):
        ranking = engine.rank_jobs(c, jobs, k=4)
        want = [(jobs.ids().index(m.job_id), m.total) for m in ranking]
        got = [(int(i), float(t)) for i, t in zip(top.index[r], top.totals[r]) if i >= 0]
        assert got == want, c.id
        assert top.counts[r] == ranking.feasible_total
        assert all(i == -1 for i in top.index[r][len(want):])
        assert all(numpy.isnan(top.totals[r][len(want):]))
    by_job = engine.rank_all(candidates, jobs, k=3, rows="jobs", threads=2)
    assert by_job.index.shape == (len(jobs), 3)
    for r, j in enumerate(jobs):
        ranking = engine.rank_candidates(j, candidates, k=3)
        want = [candidates.ids().index(m.candidate_id) for m in ranking]
        assert [int(i) for i in by_job.index[r] if i >= 0] == want, j.id
    with pytest.raises(ValueError, match="rows"):
        engine.rank_all(candidates, jobs, rows="people")
    with pytest.raises(ValueError, match="k"):
        engine.rank_all(candidates, jobs, k=0)


def test_rank_all_without_counts_ranks_the_same(engine, candidates, jobs):
    counted = engine.rank_all(candidates, jobs, k=3)
    for k in (1, 3, len(jobs) + 2):
        full = engine.rank_all(candidates, jobs, k=k)
        fast = engine.rank_all(candidates, jobs, k=k, counts=False)
        assert fast.counts is None
        assert numpy.array_equal(fast.index, full.index)
        assert fast.totals.tobytes() == full.totals.tobytes()
    assert numpy.array_equal(engine.rank_all(candidates, jobs, k=3, counts=False).index, counted.index)
    with pytest.raises(ValueError, match="counts"):
        engine.rank_all(candidates, jobs, counts=1)


def test_prepare_reports_the_compiled_sizes(engine, candidates, jobs):
    st = engine.prepare(candidates, jobs)
    assert st["candidates"] == len(candidates) and st["jobs"] == len(jobs)
    n_skills = sum(len(j.to_dict().get("skills", [])) for j in jobs)
    assert st["job_skills"] == n_skills
    # an 8-byte skill entry each, and a record per job
    assert st["job_bytes"] >= 8 * n_skills + 64 * len(jobs)
    assert st["job_index_bytes"] >= 4 * n_skills + 12 * len(jobs)
    assert st["candidate_bytes"] > 0 and st["string_bytes"] > 0
    # the batch calls then score the prepared sets: the same numbers as pair by pair
    m = engine.score_matrix(candidates, jobs)
    assert m[0][0] == engine.score(candidates[0], jobs[0]).total
    with pytest.raises(jobmatch.ValidationError):
        engine.prepare(candidates, [{"bad": "record"}])


def test_rank_all_without_numpy(engine, candidates, jobs, monkeypatch):
    with_np = engine.rank_all(candidates, jobs, k=2)
    monkeypatch.setitem(sys.modules, "numpy", None)
    top = engine.rank_all(candidates, jobs, k=2)
    assert isinstance(top.index, list) and top.index == with_np.index.tolist()
    assert top.counts == with_np.counts.tolist()
    assert engine.rank_all(candidates, jobs, k=2, counts=False).counts is None


def test_batch_calls_with_python_rules_run_on_one_thread(engine, candidates, jobs):
    seen = set()

    def rule(c, j):
        seen.add(threading.get_ident())
        return 0.5
    engine.add_rule("half", rule, weight=0.1)
    m = engine.score_matrix(candidates, jobs, threads=4)
    assert seen == {threading.get_ident()}
    assert m[0][0] == engine.score(candidates[0], jobs[0]).total


def test_determinism(candidates, jobs):
    e1, e2 = jobmatch.Engine(), jobmatch.Engine()
    for c in list(candidates)[:5]:
        for j in list(jobs)[:10]:
            a, b = e1.score(c, j), e2.score(c, j)
            assert a.to_json() == b.to_json() == e1.score(c, j).to_json()
            assert a.explain() == b.explain()
    assert numpy.array_equal(e1.score_matrix(candidates, jobs), e2.score_matrix(candidates, jobs))


def test_threads_score_at_once(candidates, jobs):
    e = jobmatch.Engine()
    calls = []
    lock = threading.Lock()

    def rule(c, j):
        with lock:
            calls.append(threading.get_ident())
        return 0.5

    e.add_rule("half", rule)
    serial = [e.score_matrix(candidates, jobs) for _ in range(4)]
    calls.clear()
    with ThreadPoolExecutor(4) as pool:
        parallel = list(pool.map(lambda _: e.score_matrix(candidates, jobs), range(4)))
    for s, p in zip(serial, parallel):
        assert numpy.array_equal(s, p)
    assert len(calls) == 4 * 30 * 70
    e.close()


def test_gil_is_released_while_scoring(engine, one_candidate, one_job, candidates, jobs):
    from jobmatch import _core
    before = _core.jmpy_callbacks_without_gil()
    engine.add_rule("r", lambda c, j: 0.5)
    engine.score(one_candidate, one_job)
    assert _core.jmpy_callbacks_without_gil() == before + 1
    engine.rank_jobs(candidates[0], jobs)
    assert _core.jmpy_callbacks_without_gil() == before + 1 + 70
    engine.score_matrix(candidates, jobs)
    assert _core.jmpy_callbacks_without_gil() == before + 1 + 70 + 2100
