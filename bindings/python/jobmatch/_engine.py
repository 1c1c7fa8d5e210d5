"""The scoring engine, custom rules and the travel-time source."""

from __future__ import annotations

import json
import numbers
import os
import threading
import types
import weakref
from collections.abc import Mapping
from typing import Any, Callable, Dict, Iterable, NamedTuple, Optional, Tuple, Union

from . import _core
from ._errors import EngineBusyError, ValidationError
from ._match import Match, Ranking
from ._records import Candidate, Candidates, Job, Jobs, Profile, _fspath

__all__ = ["Engine", "Veto", "TopK"]


class TopK(NamedTuple):
    """What :meth:`Engine.rank_all` returns: for every row, the positions
    (-1 past the feasible ones) and totals (NaN past them) of its best
    columns, and how many columns are feasible for it in all (None when
    ``rank_all`` was asked not to count)."""

    index: Any
    totals: Any
    counts: Any


class Veto(Exception):
    """Raised by a rule to exclude the pair: ``raise jobmatch.Veto("works
    nights only", lift="a day shift")``.  ``reason`` says why; ``lift`` (may be
    None) what would make the pair feasible.  Both appear in the match's
    ``exclusions``."""

    reason: str
    lift: Optional[str]

    def __init__(self, reason: str, lift: Optional[str] = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.lift = lift


def _freeze(value: Any) -> Any:
    """A read-only copy: dicts as MappingProxyType, lists as tuples."""
    if isinstance(value, dict):
        return types.MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list):
        return tuple(_freeze(v) for v in value)
    return value


def _freeze_json(text: str) -> Any:
    return _freeze(json.loads(text))


def _check_text(value: Any, what: str) -> Optional[str]:
    """A str the C side can take, or the reason it cannot."""
    if not isinstance(value, str):
        return f"{what} must be a str, not {type(value).__name__}"
    if "\0" in value:
        return f"{what} contains a NUL character"
    return None


class _RuleAdapter:
    """The payload of a registered rule: calls fn and turns what it does into
    the 5-tuple the C trampoline applies (see bindings/python/jmpy.h).  Any
    exception fn raises, other than Veto, passes through unchanged."""

    __slots__ = ("fn", "name", "__weakref__")

    freeze = staticmethod(_freeze_json)

    def __init__(self, fn: Callable[..., Any], name: str) -> None:
        self.fn = fn
        self.name = name

    def __call__(self, candidate: Any, job: Any) -> Tuple[Any, Any, Any, Any, Any]:
        try:
            result = self.fn(candidate, job)
        except Veto as v:
            reason = str(v.reason) if v.reason is not None else ""
            lift = None if v.lift is None else str(v.lift)
            for text, what in ((reason, "the veto's reason"), (lift, "the veto's lift")):
                if text is not None and "\0" in text:
                    return (None, None, None, None, f"{what} contains a NUL character")
            return (None, reason or "vetoed by the rule", lift, None, None)
        note = None
        if isinstance(result, tuple):
            if len(result) != 2:
                return (None, None, None, None,
                        f"returned a tuple of {len(result)}; expected (score, note)")
            result, note = result
            if note is not None:
                problem = _check_text(note, "the note")
                if problem:
                    return (None, None, None, None, problem)
        if result is None:
            return (None, None, None, note, None)
        if isinstance(result, bool) or not isinstance(result, numbers.Real):
            return (None, None, None, None,
                    f"returned {type(result).__name__}; expected a number from 0 to 1, None "
                    "(abstain) or a (score, note) tuple, or raise jobmatch.Veto")
        return (float(result), None, None, note, None)


class _TravelAdapter:
    """The payload of the travel-time source: fn(candidate, job, mode) gives
    minutes or None (the engine estimates from distance)."""

    __slots__ = ("fn", "__weakref__")

    freeze = staticmethod(_freeze_json)

    def __init__(self, fn: Callable[..., Any]) -> None:
        self.fn = fn

    def __call__(self, candidate: Any, job: Any, mode: str) -> Optional[float]:
        result = self.fn(candidate, job, mode)
        if result is None:
            return None
        if isinstance(result, bool) or not isinstance(result, numbers.Real):
            raise TypeError(f"the travel-time source returned {type(result).__name__}; "
                            "expected minutes (a number) or None")
        return float(result)


def _numpy() -> Any:
    """numpy, or None when it cannot be imported."""
    try:
        import numpy
    except ImportError:
        return None
    return numpy


RecordLike = Union[Mapping, str, bytes, "os.PathLike[str]"]


class Engine:
    """Scores and ranks with a scoring profile and custom rules.

    ``Engine()`` uses the built-in IPS default profile; ``Engine(profile)``
    takes a :class:`Profile`, a dict, JSON text or a path.  Candidates and
    jobs are given as :class:`Candidate` / :class:`Job` objects, dicts in the
    jobmatch/1 format (``"schema"`` and ``"type"`` may be left out), JSON text
    or paths; sets as :class:`Candidates` / :class:`Jobs`, lists of those, JSON
    text or paths.  Records given as data are checked against this engine's
    profile.

    Scoring releases the GIL, and scoring calls may run from many threads at
    once.  Changing the engine (``add_rule``, ``remove_rule``,
    ``set_travel_time``, ``close``) while a scoring call runs raises
    :class:`EngineBusyError`.  ``with Engine() as e:`` closes it at the end.
    """

    def __init__(self, profile: Union[None, Profile, RecordLike] = None) -> None:
        if profile is not None and not isinstance(profile, Profile):
            profile = Profile(profile)
        self._ptr: Any = _core.jm_engine_new(profile._ptr if profile is not None else None)
        self._finalizer = weakref.finalize(self, _core.jm_engine_free, self._ptr)
        self._profile = Profile._wrap_ref(_core.jm_engine_profile(self._ptr))
        self._lock = threading.RLock()
        self._active = 0
        self._rules: Dict[str, float] = {}
        self._has_travel = False

    # -- lifecycle ---------------------------------------------------------

    def close(self) -> None:
        """Frees the engine now: its rules' callables and the travel-time
        source are released.  Closing twice is allowed; using a closed engine
        raises ValueError."""
        with self._lock:
            if self._active:
                raise EngineBusyError("cannot close the engine while it is scoring")
            self._finalizer()
            self._rules.clear()

    @property
    def closed(self) -> bool:
        """True once the engine is closed."""
        return not self._finalizer.alive

    def __enter__(self) -> "Engine":
        return self

    def __exit__(self, *exc: Any) -> bool:
        self.close()
        return False

    def _check_open(self) -> None:
        if not self._finalizer.alive:
            raise ValueError("the engine is closed")

    def _scoring(self) -> "_Scoring":
        return _Scoring(self)

    def _changing(self, what: str) -> None:
        """Called with self._lock held before changing the engine."""
        self._check_open()
        if self._active:
            raise EngineBusyError(f"cannot {what} while the engine is scoring")

    # -- the profile and the rules ------------------------------------------

    @property
    def profile(self) -> Profile:
        """The engine's scoring profile."""
        return self._profile

    @property
    def rules(self) -> Dict[str, float]:
        """The registered rules' names and weights, in registration order."""
        return dict(self._rules)

    def add_rule(self, name: str, fn: Callable[[Mapping, Mapping], Any],
                 weight: float = 1.0) -> None:
        """Registers a custom rule, run after the built-in factors.

        ``fn(candidate, job)`` gets read-only views of the two records (their
        jobmatch/1 JSON as ``types.MappingProxyType``, lists as tuples) and
        returns a score from 0 to 1 (values outside are clamped), ``None`` to
        abstain (left out of the total and of confidence), or a
        ``(score or None, note)`` tuple to add a note to its line of the
        breakdown; or it raises :class:`Veto` to exclude the pair.  It appears
        in results as ``"rule:NAME"`` with this weight.  Any other exception
        it raises propagates, the very same object, to the caller of the
        scoring call; a value of the wrong type raises
        :class:`CallbackError` there.  The engine stays usable.

        ``name`` is 1 to 64 of ``A-Z a-z 0-9 _ . -``.  Raises
        :class:`AlreadyExistsError` when the name is taken,
        :class:`ValidationError` for a bad name or weight.  The engine holds
        ``fn`` until the rule is removed or the engine closed or collected;
        a rule that refers to its own engine keeps it alive until
        ``close()``.
        """
        if not callable(fn):
            raise TypeError("a rule is a callable fn(candidate, job)")
        _check_rule_name(name)
        weight = float(weight)
        with self._lock:
            self._changing("add a rule")
            _core.jmpy_engine_add_rule(self._ptr, name, weight, _RuleAdapter(fn, name))
            self._rules[name] = weight

    def remove_rule(self, name: str) -> None:
        """Removes a rule and releases its callable.  Raises
        :class:`NotFoundError` when no rule has that name."""
        _check_rule_name(name)
        with self._lock:
            self._changing("remove a rule")
            _core.jm_engine_remove_rule(self._ptr, name)
            self._rules.pop(name, None)

    def set_travel_time(self, fn: Optional[Callable[[Mapping, Mapping, str], Any]]) -> None:
        """Sets the travel-time source, or removes it with ``None``.

        ``fn(candidate, job, mode)`` gets the records' read-only views and a
        transport mode (``"walk"``, ``"wheelchair"``, ``"cycle"``,
        ``"public_transport"``, ``"car"``, ``"lift"``) and returns the
        door-to-door minutes, or None to let the engine estimate them from
        the distance.  Exceptions propagate as for rules.
        """
        if fn is not None and not callable(fn):
            raise TypeError("the travel-time source is a callable fn(candidate, job, mode)")
        with self._lock:
            self._changing("set the travel-time source")
            _core.jmpy_engine_set_travel_time(self._ptr,
                                              _TravelAdapter(fn) if fn is not None else None)
            self._has_travel = fn is not None

    # -- inputs -------------------------------------------------------------

    def _candidate(self, c: Any) -> Candidate:
        return _one(Candidate, Candidates, c, self._profile)

    def _job(self, j: Any) -> Job:
        return _one(Job, Jobs, j, self._profile)

    def _candidates(self, cs: Any) -> Candidates:
        return cs if isinstance(cs, Candidates) else Candidates(cs, profile=self._profile)

    def _jobs(self, js: Any) -> Jobs:
        return js if isinstance(js, Jobs) else Jobs(js, profile=self._profile)

    # -- scoring ------------------------------------------------------------

    def score(self, candidate: Union[Candidate, RecordLike], job: Union[Job, RecordLike]) -> Match:
        """Scores one pair and explains it: a :class:`Match`."""
        c, j = self._candidate(candidate), self._job(job)
        with self._scoring():
            ptr = _core.jm_engine_score(self._ptr, c._ptr, j._ptr)
        return Match._make(ptr, None)

    def rank_jobs(self, candidate: Union[Candidate, RecordLike],
                  jobs: Union[Jobs, Iterable[Any], str, bytes, "os.PathLike[str]"],
                  k: Optional[int] = 10) -> Ranking:
        """Ranks jobs for a candidate: a :class:`Ranking` of the ``k`` best
        feasible matches (``k=None`` or 0: all), best first, ties broken by
        job id, with every excluded pair in ``.excluded``."""
        c, js = self._candidate(candidate), self._jobs(jobs)
        k = _k(k)
        with self._scoring():
            ptr = _core.jm_engine_rank_jobs(self._ptr, c._ptr, js._ptr, k)
        return Ranking._make(ptr)

    def rank_candidates(self, job: Union[Job, RecordLike],
                        candidates: Union[Candidates, Iterable[Any], str, bytes, "os.PathLike[str]"],
                        k: Optional[int] = 10) -> Ranking:
        """Ranks candidates for a job, as :meth:`rank_jobs` (ties broken by
        candidate id)."""
        j, cs = self._job(job), self._candidates(candidates)
        k = _k(k)
        with self._scoring():
            ptr = _core.jm_engine_rank_candidates(self._ptr, j._ptr, cs._ptr, k)
        return Ranking._make(ptr)

    def _threads(self, threads: int) -> int:
        """The thread count for a batch call: Python rules and travel-time
        sources run one at a time under the GIL, and their exceptions are
        carried on the calling thread, so an engine with any runs on one."""
        if not isinstance(threads, int) or isinstance(threads, bool) or not 0 <= threads <= 256:
            raise ValueError("threads must be an int from 0 (one per processor) to 256")
        return 1 if self._rules or self._has_travel else threads

    def score_matrix(self, candidates: Union[Candidates, Iterable[Any], str, bytes, "os.PathLike[str]"],
                     jobs: Union[Jobs, Iterable[Any], str, bytes, "os.PathLike[str]"], *,
                     feasible: bool = False, threads: int = 0) -> Any:
        """The total of every (candidate, job) pair, in one call into the
        library: row i is candidates[i], column k is jobs[k].

        Returns a numpy float64 array of shape (len(candidates), len(jobs))
        when numpy can be imported (the library writes into it: no copy),
        otherwise a list of lists of floats.  With ``feasible=True`` returns
        ``(totals, feasible)``, the second a bool array (or list of lists of
        bool): False for an excluded pair.  The numbers are those of
        :meth:`score`, bit for bit.  ``threads``: 0 (the default) uses every
        processor, and the results are the same for any number; an engine
        with Python rules or a travel-time source scores on one thread.  The
        GIL is released meanwhile.
        """
        cs, js = self._candidates(candidates), self._jobs(jobs)
        nc, nj = len(cs), len(js)
        np = _numpy()
        if np is not None:
            totals = np.zeros((nc, nj), dtype=np.float64)
            mask = np.zeros((nc, nj), dtype=np.bool_) if feasible else None
        else:
            import array
            totals = array.array("d", bytes(8 * nc * nj))
            mask = bytearray(nc * nj) if feasible else None
        if nc and nj:
            with self._scoring():
                _core.jm_engine_score_matrix(self._ptr, cs._ptr, js._ptr, self._threads(threads),
                                             totals, mask)
        if np is None:
            totals = [totals[i * nj:(i + 1) * nj].tolist() for i in range(nc)]
            if mask is not None:
                mask = [[bool(b) for b in mask[i * nj:(i + 1) * nj]] for i in range(nc)]
        return (totals, mask) if feasible else totals

    def prepare(self, candidates: Union[Candidates, Iterable[Any], str, bytes, "os.PathLike[str]"],
                jobs: Union[Jobs, Iterable[Any], str, bytes, "os.PathLike[str]"]) -> Dict[str, int]:
        """Compiles ``candidates`` and ``jobs`` for the batch calls now
        (:meth:`score_matrix` and :meth:`rank_all` compile on first use and
        keep the last sets compiled, so this is optional: a service calls it
        after loading so that its first query does not pay for compiling).
        Pass the same :class:`Candidates` and :class:`Jobs` objects to the
        batch calls afterwards: records given as lists or files make new sets.
        Returns what the compiled sets take: ``candidates``, ``jobs``,
        ``candidate_bytes``, ``job_bytes``, ``job_index_bytes``,
        ``candidate_skills``, ``job_skills``, ``string_bytes``.  The GIL is
        released meanwhile.
        """
        cs, js = self._candidates(candidates), self._jobs(jobs)
        st = _core.new_jm_prepare_stats()
        try:
            with self._scoring():
                _core.jm_engine_prepare(self._ptr, cs._ptr, js._ptr, st)
            return {name: int(getattr(_core, f"jm_prepare_stats_{name}_get")(st))
                    for name in ("candidates", "jobs", "candidate_bytes", "job_bytes", "job_index_bytes",
                                 "candidate_skills", "job_skills", "string_bytes")}
        finally:
            _core.delete_jm_prepare_stats(st)

    def rank_all(self, candidates: Union[Candidates, Iterable[Any], str, bytes, "os.PathLike[str]"],
                 jobs: Union[Jobs, Iterable[Any], str, bytes, "os.PathLike[str]"], k: int = 10, *,
                 rows: str = "candidates", threads: int = 0, counts: bool = True) -> TopK:
        """The ``k`` best feasible jobs for every candidate (``rows="jobs"``:
        the ``k`` best candidates for every job), in one call into the
        library, best first, ties broken by id, as :meth:`rank_jobs` orders
        them.

        Returns a :class:`TopK` of numpy arrays (the library writes into
        them: no copy), or of lists without numpy: ``index[r, i]`` is the
        position in ``jobs`` (or ``candidates``) of row r's i-th best, -1
        past the feasible ones; ``totals[r, i]`` its total (NaN past them);
        ``counts[r]`` how many are feasible for row r in all.  Explain a pair
        of interest with :meth:`score`.  ``threads`` as in
        :meth:`score_matrix`; the GIL is released meanwhile.  With
        ``counts=False``, ``TopK.counts`` is None, and ranking is faster: a
        job that cannot reach a row's k-th total is not checked for
        exclusions, and whole occupations are skipped.
        """
        if rows not in ("candidates", "jobs"):
            raise ValueError('rows must be "candidates" or "jobs"')
        if not isinstance(k, int) or isinstance(k, bool) or k < 1:
            raise ValueError("k must be an int >= 1")
        if not isinstance(counts, bool):
            raise ValueError("counts must be a bool")
        want_counts = counts
        cs, js = self._candidates(candidates), self._jobs(jobs)
        n = len(cs) if rows == "candidates" else len(js)
        np = _numpy()
        if np is not None:
            index = np.empty((n, k), dtype=np.intp)
            totals = np.empty((n, k), dtype=np.float64)
            counts = np.empty(n, dtype=np.intp) if want_counts else None
        else:
            import array
            index, totals = array.array("q", bytes(8 * n * k)), array.array("d", bytes(8 * n * k))
            counts = array.array("q", bytes(8 * n)) if want_counts else None
        if n:
            t = self._threads(threads)
            with self._scoring():
                if rows == "candidates":
                    _core.jm_engine_top_jobs(self._ptr, cs._ptr, js._ptr, k, t, index, totals, counts)
                else:
                    _core.jm_engine_top_candidates(self._ptr, js._ptr, cs._ptr, k, t, index, totals,
                                                   counts)
        if np is None:
            return TopK([index[r * k:(r + 1) * k].tolist() for r in range(n)],
                        [totals[r * k:(r + 1) * k].tolist() for r in range(n)],
                        counts.tolist() if counts is not None else None)
        return TopK(index, totals, counts)

    def __repr__(self) -> str:
        if self.closed:
            return "<jobmatch.Engine (closed)>"
        rules = f", {len(self._rules)} rule{'' if len(self._rules) == 1 else 's'}"
        return f"<jobmatch.Engine profile {self._profile.id!r}{rules if self._rules else ''}>"


class _Scoring:
    """Marks a scoring call: the engine cannot change meanwhile."""

    __slots__ = ("engine",)

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def __enter__(self) -> None:
        e = self.engine
        with e._lock:
            e._check_open()
            e._active += 1

    def __exit__(self, *exc: Any) -> None:
        e = self.engine
        with e._lock:
            e._active -= 1


def _check_rule_name(name: Any) -> None:
    if not isinstance(name, str):
        raise TypeError(f"a rule name is a str, not {type(name).__name__}")
    if "\0" in name:
        raise ValidationError("a rule name is 1 to 64 of A-Z a-z 0-9 _ . -")


def _k(k: Optional[int]) -> int:
    if k is None:
        return 0
    k = int(k)
    if k < 0:
        raise ValueError("k must be >= 0 (0 or None keeps every match)")
    return k


def _one(record_cls: Any, set_cls: Any, value: Any, profile: Profile) -> Any:
    """One record from a record object, a dict, JSON text or a path."""
    if isinstance(value, record_cls):
        return value
    if isinstance(value, Mapping):
        return record_cls.from_dict(value, profile=profile)
    if _fspath(value) is not None:
        s = set_cls(value, profile=profile)
        if len(s) != 1:
            raise ValueError(f"{_fspath(value)} holds {len(s)} {record_cls._kind} records; "
                             f"pick one from jobmatch.load_{record_cls._kind}s()")
        return s[0]
    if isinstance(value, (str, bytes, bytearray, memoryview)):
        return record_cls.from_json(value, profile=profile)
    raise TypeError(f"a {record_cls._kind} is a {record_cls.__name__}, a dict, JSON text or a "
                    f"path, not {type(value).__name__}")
