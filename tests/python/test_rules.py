"""Custom rules and the travel-time source: Python callables called from C."""
import gc
import traceback
import types
import weakref

import numpy
import pytest

import jobmatch

CAND = {"id": "c1", "preferences": {"hours": {"min": 10, "max": 20}},
        "skills": [{"id": "s-1", "level": 2}, {"id": "s-2"}]}
JOB = {"id": "j1", "title": "Porter", "hours": {"min": 16, "max": 16}, "wage": 12.0}


def total_without(engine, c=CAND, j=JOB):
    """The pair's total with the engine's current rules."""
    return engine.score(c, j).total


def test_rule_scores(engine):
    base = engine.score(CAND, JOB)
    engine.add_rule("quarter", lambda c, j: 0.25, weight=0.5)
    assert engine.rules == {"quarter": 0.5}
    m = engine.score(CAND, JOB)
    f = m.factors["rule:quarter"]
    assert (f.score, f.weight, f.has_data, f.excluded) == (0.25, 0.5, True, False)
    assert list(m.factors)[-1] == "rule:quarter"
    # The total is the weighted mean over the factors with data.
    w = sum(x.weight for x in base.factors.values() if x.has_data)
    assert m.total == pytest.approx((base.total * w + 0.25 * 0.5) / (w + 0.5))
    assert m.confidence > base.confidence
    assert m.to_dict()["factors"]["rule:quarter"]["score"] == 0.25


def test_rule_values_are_clamped_and_may_be_any_real(engine):
    engine.add_rule("high", lambda c, j: 7)
    engine.add_rule("low", lambda c, j: numpy.float32(-2.5))
    m = engine.score(CAND, JOB)
    assert m.factors["rule:high"].score == 1.0 and m.factors["rule:low"].score == 0.0


def test_rule_abstains(engine):
    base = engine.score(CAND, JOB)
    engine.add_rule("unsure", lambda c, j: None, weight=3)
    m = engine.score(CAND, JOB)
    f = m.factors["rule:unsure"]
    assert f.has_data is False and f.score is None and f.detail == "abstained"
    assert m.total == base.total and m.confidence == base.confidence


def test_rule_notes(engine):
    engine.add_rule("noted", lambda c, j: (0.75, "checked the rota"))
    engine.add_rule("quiet", lambda c, j: (None, "no rota yet"))
    m = engine.score(CAND, JOB)
    assert m.factors["rule:noted"].score == 0.75
    assert m.factors["rule:noted"].detail == "checked the rota"
    assert m.factors["rule:quiet"].detail == "abstained; no rota yet"


def test_rule_vetoes(engine):
    def nights(c, j):
        raise jobmatch.Veto("works nights only", lift="a day shift")

    engine.add_rule("nights", nights)
    engine.add_rule("plain", lambda c, j: (_ for _ in ()).throw(jobmatch.Veto("no")))
    m = engine.score(CAND, JOB)
    assert not m.feasible
    assert m.exclusions == [jobmatch.Exclusion("rule:nights", "works nights only", "a day shift"),
                            jobmatch.Exclusion("rule:plain", "no", "")]
    assert m.factors["rule:nights"].excluded and m.factors["rule:nights"].detail == "works nights only"
    r = engine.rank_jobs(CAND, [JOB, dict(JOB, id="j2")])
    assert len(r) == 0 and [x.job_id for x in r.excluded] == ["j1", "j2"]


def test_rule_gets_read_only_views(engine, one_candidate, one_job):
    seen = []

    def look(c, j):
        seen.append((c, j))
        return 1.0

    engine.add_rule("look", look)
    cand = jobmatch.Candidate.from_dict(one_candidate)
    job = jobmatch.Job.from_dict(one_job)
    engine.score(cand, job)
    (c, j), = seen
    assert isinstance(c, types.MappingProxyType) and isinstance(j, types.MappingProxyType)
    assert c["id"] == "c-014" and j["id"] == "j-004" and c["type"] == "candidate"
    assert isinstance(c["skills"], tuple) and isinstance(c["skills"][0], types.MappingProxyType)
    assert c["preferences"]["hours"]["min"] == 12
    with pytest.raises(TypeError):
        c["id"] = "other"
    with pytest.raises(TypeError):
        c["preferences"]["hours"]["min"] = 0
    with pytest.raises(AttributeError):
        c["skills"].append({})

    def thaw(v):
        if isinstance(v, types.MappingProxyType):
            return {k: thaw(x) for k, x in v.items()}
        if isinstance(v, tuple):
            return [thaw(x) for x in v]
        return v

    assert thaw(c) == cand.to_dict() and thaw(j) == job.to_dict()
    # A view can be scored again as it is.
    assert engine.score(c, j).to_json() == engine.score(cand, job).to_json()


def test_views_are_made_once_per_record_and_call(engine, candidates, jobs):
    seen = []
    engine.add_rule("ids", lambda c, j: seen.append((id(c), id(j))) or 0.5)
    engine.score_matrix(candidates, jobs)
    assert len(seen) == 30 * 70
    by_row = {}
    for i, (c, j) in enumerate(seen):
        by_row.setdefault(i // 70, set()).add(c)
    assert all(len(s) == 1 for s in by_row.values())


def test_rule_uses_the_record(engine, candidates, jobs):
    def likes_porters(c, j):
        title = j.get("title") or ""
        return 1.0 if "porter" in title.lower() else 0.0

    engine.add_rule("porter", likes_porters, weight=2)
    m = engine.score_matrix(candidates, jobs)
    for k, job in enumerate(jobs):
        want = 1.0 if "porter" in (job.title or "").lower() else 0.0
        assert engine.score(candidates[0], job).factors["rule:porter"].score == want
    assert m[0, 0] == engine.score(candidates[0], jobs[0]).total


class Boom(Exception):
    pass


def test_exception_propagates_unchanged(engine, candidates, jobs):
    raised = []

    def bad(c, j):
        e = Boom(f"broken on {c['id']}")
        raised.append(e)
        raise e

    engine.add_rule("bad", bad)
    for call in (lambda: engine.score(CAND, JOB),
                 lambda: engine.rank_jobs(candidates[0], jobs),
                 lambda: engine.rank_candidates(jobs[0], candidates),
                 lambda: engine.score_matrix(candidates, jobs)):
        raised.clear()
        with pytest.raises(Boom) as ei:
            call()
        assert len(raised) == 1 and ei.value is raised[0]  # the very same object
        frames = [f.name for f in traceback.extract_tb(ei.value.__traceback__)]
        assert "bad" in frames  # its traceback still reaches into the rule
    # The engine is still usable: remove the rule and score.
    engine.remove_rule("bad")
    assert engine.score(CAND, JOB).total == pytest.approx(total_without(jobmatch.Engine()))


def test_exception_after_successful_calls(engine, candidates, jobs):
    n = []

    def flaky(c, j):
        n.append(1)
        if len(n) == 100:
            raise KeyError("the hundredth")
        return 0.5

    engine.add_rule("flaky", flaky)
    with pytest.raises(KeyError, match="the hundredth"):
        engine.score_matrix(candidates, jobs)
    assert len(n) == 100  # scoring stopped at the failure
    n.clear()
    n.extend([1] * 1000)  # no more failures
    assert engine.score_matrix(candidates, jobs).shape == (30, 70)


def test_base_exceptions_propagate(engine):
    def stop(c, j):
        raise KeyboardInterrupt

    engine.add_rule("stop", stop)
    with pytest.raises(KeyboardInterrupt):
        engine.score(CAND, JOB)


@pytest.mark.parametrize("value, message", [
    ("0.5", "returned str; expected a number from 0 to 1"),
    (True, "returned bool"),
    ((0.5, 1, 2), "returned a tuple of 3; expected (score, note)"),
    ((0.5, 7), "the note must be a str, not int"),
    (float("nan"), "the rule gave a score that is not a number"),
])
def test_bad_return_values_are_rule_errors(engine, value, message):
    engine.add_rule("odd", lambda c, j: value)
    with pytest.raises(jobmatch.CallbackError) as ei:
        engine.score(CAND, JOB)
    assert str(ei.value).startswith("rule 'odd' failed: ")
    assert message in str(ei.value)
    assert ei.value.code == jobmatch.JM_ECALLBACK
    engine.remove_rule("odd")
    engine.score(CAND, JOB)


def test_rule_order_and_duplicates(engine):
    engine.add_rule("b", lambda c, j: 0.1)
    engine.add_rule("a", lambda c, j: 0.2, weight=0)
    with pytest.raises(jobmatch.AlreadyExistsError):
        engine.add_rule("a", lambda c, j: 0.3)
    assert list(engine.rules) == ["b", "a"]
    names = [n for n in engine.score(CAND, JOB).factors if n.startswith("rule:")]
    assert names == ["rule:b", "rule:a"]
    assert repr(engine) == "<jobmatch.Engine profile 'ips-default', 2 rules>"
    with pytest.raises(TypeError, match="callable"):
        engine.add_rule("c", 3)
    with pytest.raises(jobmatch.ValidationError):
        engine.add_rule("b\0x", lambda c, j: 1)
    with pytest.raises(jobmatch.ValidationError):
        engine.remove_rule("b\0x")
    assert list(engine.rules) == ["b", "a"]


# -- releasing the callables ---------------------------------------------------

class Rule:
    def __call__(self, c, j):
        return 0.5


def test_callables_released_on_remove():
    e = jobmatch.Engine()
    refs = []
    for i in range(2000):
        f = Rule()
        refs.append(weakref.ref(f))
        e.add_rule(f"r{i % 3}", f)
        del f
        if i % 50 == 0:
            e.score(CAND, JOB)
        e.remove_rule(f"r{i % 3}")
    gc.collect()
    assert sum(r() is not None for r in refs) == 0
    assert e.rules == {}


def test_callable_released_on_close_and_collection():
    f = Rule()
    w = weakref.ref(f)
    with jobmatch.Engine() as e:
        e.add_rule("r", f)
    del f
    gc.collect()
    assert w() is None
    f = Rule()
    w = weakref.ref(f)
    e = jobmatch.Engine()
    e.add_rule("r", f)
    del f
    gc.collect()
    assert w() is not None  # the engine holds it
    del e
    gc.collect()
    assert w() is None


def test_callable_released_when_registration_fails(engine):
    engine.add_rule("taken", Rule())
    f = Rule()
    w = weakref.ref(f)
    with pytest.raises(jobmatch.AlreadyExistsError):
        engine.add_rule("taken", f)
    with pytest.raises(jobmatch.ValidationError):
        engine.add_rule("bad name", f)
    del f
    gc.collect()
    assert w() is None


def test_exception_objects_do_not_leak(engine):
    class Marker(Exception):
        pass

    refs = []

    def bad(c, j):
        e = Marker()
        refs.append(weakref.ref(e))
        raise e

    engine.add_rule("bad", bad)
    for _ in range(200):
        with pytest.raises(Marker):
            engine.score(CAND, JOB)
    gc.collect()
    assert sum(r() is not None for r in refs) == 0


# -- changing the engine while it scores ---------------------------------------

def test_engine_cannot_change_while_scoring(engine):
    def meddle(c, j):
        engine.remove_rule("meddle")

    engine.add_rule("meddle", meddle)
    with pytest.raises(jobmatch.EngineBusyError, match="cannot remove a rule while"):
        engine.score(CAND, JOB)
    assert engine.rules == {"meddle": 1.0}

    def close(c, j):
        engine.close()

    engine.remove_rule("meddle")
    engine.add_rule("close", close)
    with pytest.raises(jobmatch.EngineBusyError):
        engine.score(CAND, JOB)
    assert not engine.closed
    engine.remove_rule("close")
    engine.score(CAND, JOB)


def test_nested_scoring_from_a_rule(engine):
    other = {"id": "j-other", "hours": {"min": 40, "max": 40}}

    def compare(c, j):
        if j["id"] == "j-other":
            return None
        return 1.0 if engine.score(c, other).total < 0.9 else 0.0

    engine.add_rule("compare", compare)
    m = engine.score(CAND, JOB)
    assert m.factors["rule:compare"].score in (0.0, 1.0)


# -- the travel-time source ------------------------------------------------------

TRAVELLER = {"id": "t1", "preferences": {
    "location": {"lat": 51.52, "lon": -0.05},
    "commute": {"modes": ["walk", "public_transport"], "max_minutes": 40}}}
SITE = {"id": "s1", "location": {"lat": 51.53, "lon": -0.06}}


def test_travel_time_source(engine):
    estimated = engine.score(TRAVELLER, SITE).factors["commute"]
    asked = []

    def travel(c, j, mode):
        asked.append((c["id"], j["id"], mode))
        return {"public_transport": 30.0, "walk": 50}[mode]

    engine.set_travel_time(travel)
    m = engine.score(TRAVELLER, SITE)
    assert sorted(asked) == [("t1", "s1", "public_transport"), ("t1", "s1", "walk")]
    commute = m.factors["commute"]
    assert estimated.detail.startswith("about 16 min by public transport (estimated")
    assert commute.detail.startswith("about 30 min by public transport")
    assert "estimated" not in commute.detail and commute.score < estimated.score
    # None lets the engine estimate that mode.
    engine.set_travel_time(lambda c, j, mode: None if mode == "public_transport" else 50)
    assert engine.score(TRAVELLER, SITE).factors["commute"] == estimated
    engine.set_travel_time(None)
    assert engine.score(TRAVELLER, SITE).factors["commute"] == estimated


def test_travel_time_errors(engine):
    err = ValueError("no route")

    def broken(c, j, mode):
        raise err

    engine.set_travel_time(broken)
    with pytest.raises(ValueError) as ei:
        engine.score(TRAVELLER, SITE)
    assert ei.value is err
    engine.set_travel_time(lambda c, j, mode: -5)
    with pytest.raises(jobmatch.CallbackError, match="negative or non-finite"):
        engine.score(TRAVELLER, SITE)
    engine.set_travel_time(lambda c, j, mode: "far")
    with pytest.raises(TypeError, match="returned str"):
        engine.score(TRAVELLER, SITE)
    f = Rule()
    w = weakref.ref(f)
    engine.set_travel_time(f)
    engine.set_travel_time(None)
    del f
    gc.collect()
    assert w() is None
