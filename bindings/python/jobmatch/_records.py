"""Scoring profiles, candidates, jobs and their sets.

These objects wrap libjobmatch's handles.  They are immutable once made, so
one set may be scored by many threads at once.  Records are read from the
jobmatch/1 JSON format (docs/FORMAT.md): a dict, JSON text (a record, an
array, a collection or JSON Lines) or a file.
"""

from __future__ import annotations

import json
import os
import weakref
from collections.abc import Iterable, Mapping
from typing import Any, Dict, Iterator, List, Optional, Tuple, Union

from . import _core
from ._errors import Diagnostic, FileError, JobmatchError, NotFoundError, ValidationError

__all__ = [
    "SCHEMA", "FACTORS", "Profile", "Candidate", "Job", "Candidates", "Jobs",
    "load_candidates", "load_jobs", "load_profile", "validate",
]

#: The schema every jobmatch/1 document names in its "schema" field.
SCHEMA = "jobmatch/1"

#: The built-in scoring factors, in the order results list them.
FACTORS: Tuple[str, ...] = tuple(_core.jm_factor_name(i) for i in range(_core.JM_FACTOR_COUNT))

_POLICIES = {"error": _core.JM_POLICY_ERROR, "warn": _core.JM_POLICY_WARN,
             "warning": _core.JM_POLICY_WARN}

PathLike = Union[str, "os.PathLike[str]"]


# ---------------------------------------------------------------------------
# Reading documents

def _policy(value: str, name: str) -> int:
    try:
        return _POLICIES[value]
    except (KeyError, TypeError):
        raise ValueError(f"{name} must be 'error' or 'warn', not {value!r}") from None


class _Options:
    """What every read takes: the vocabulary's profile and the policies."""

    __slots__ = ("profile", "unknown_fields", "unknown_terms", "max_depth", "max_bytes")

    def __init__(self, profile: Optional["Profile"] = None, unknown_fields: str = "error",
                 unknown_terms: str = "warn", max_depth: int = 0, max_bytes: int = 0) -> None:
        if profile is not None and not isinstance(profile, Profile):
            profile = Profile(profile)
        self.profile = profile
        self.unknown_fields = _policy(unknown_fields, "unknown_fields")
        self.unknown_terms = _policy(unknown_terms, "unknown_terms")
        if not isinstance(max_depth, int) or max_depth < 0:
            raise ValueError("max_depth must be an int >= 0")
        self.max_depth = max_depth
        if not isinstance(max_bytes, int) or max_bytes < 0:
            raise ValueError("max_bytes must be an int >= 0")
        self.max_bytes = max_bytes

    def c(self, source: Optional[str] = None) -> tuple:
        """The jm_load_options tuple _core takes."""
        return (self.unknown_fields, self.unknown_terms,
                self.profile._ptr if self.profile is not None else None, source, self.max_depth,
                self.max_bytes)


def _diag_list(diags: Any) -> List[Diagnostic]:
    return [Diagnostic._from_c(_core.jm_diags_get(diags, i))
            for i in range(_core.jm_diags_count(diags))]


def _reading(fn: Any, *args: Any) -> Tuple[Any, List[Diagnostic]]:
    """Calls a reading function of _core with a fresh jm_diags as its last
    argument.  Returns (its result, the warnings); a failure raises its
    JobmatchError with every diagnostic attached."""
    diags = _core.jm_diags_new()
    try:
        try:
            result = fn(*args, diags)
        except JobmatchError as e:
            e._attach(_diag_list(diags))
            raise
        return result, _diag_list(diags)
    finally:
        _core.jm_diags_free(diags)


def _is_json_text(text: str) -> bool:
    """A str whose first non-blank character opens a JSON object or array is
    JSON text; any other str is a path."""
    s = text.lstrip(" \t\r\n\ufeff")
    return s[:1] in ("{", "[")


def _json_default(o: Any) -> Any:
    if isinstance(o, Mapping):
        return dict(o)
    if isinstance(o, (set, frozenset)):
        return sorted(o)
    raise TypeError(f"{type(o).__name__} is not JSON serializable")


def _dumps(obj: Any) -> str:
    try:
        return json.dumps(obj, ensure_ascii=False, allow_nan=False, default=_json_default)
    except (TypeError, ValueError) as e:
        raise ValidationError(f"cannot write the data as JSON: {e}") from e
    except RecursionError as e:  # nested far deeper than any document may be
        raise ValidationError("cannot write the data as JSON: nested too deep") from None


def _record_dict(d: Any, kind: str) -> Dict[str, Any]:
    """The record with "schema" and "type" filled in when left out."""
    if not isinstance(d, Mapping):
        raise TypeError(f"a {kind} record is a dict, not {type(d).__name__}")
    out: Dict[str, Any] = {}
    if "schema" not in d:
        out["schema"] = SCHEMA
    if "type" not in d:
        out["type"] = kind
    out.update(d)
    return out


def _fspath(source: Any) -> Optional[str]:
    """The path named by source, or None when source is JSON text or data."""
    if isinstance(source, os.PathLike):
        return os.fspath(source)
    if isinstance(source, str) and not _is_json_text(source):
        return source
    return None


def _owned(obj: Any, ptr: Any, free: Any) -> None:
    """obj owns the handle ptr: freed with free() when obj goes (or at exit)."""
    obj._ptr = ptr
    obj._owner = None
    obj._finalizer = weakref.finalize(obj, free, ptr)


def _borrowed(obj: Any, ptr: Any, owner: Any) -> None:
    """obj borrows ptr from owner, which it keeps alive."""
    obj._ptr = ptr
    obj._owner = owner
    obj._finalizer = None


# ---------------------------------------------------------------------------
# Profiles

class Profile:
    """An immutable scoring profile: factor weights, thresholds, vocabularies.

    ``Profile()`` is the built-in IPS default; ``Profile(source)`` reads a
    ``"scoring_profile"`` document from a dict (``"schema"`` and ``"type"``
    may be left out), JSON text or a file path.  Fields left out take the
    default's values.  Raises :class:`ValidationError` (with
    ``.path`` and ``.diagnostics``), :class:`ParseError` or
    :class:`FileError`.
    """

    _ptr: Any
    warnings: List[Diagnostic]
    """The warnings reading the profile gave."""

    def __init__(self, source: Union[None, Mapping, str, bytes, "os.PathLike[str]", "Profile"] = None,
                 *, unknown_fields: str = "error", unknown_terms: str = "warn") -> None:
        self.warnings: List[Diagnostic] = []
        opts = _Options(None, unknown_fields, unknown_terms)
        if source is None:
            ptr = _core.jm_profile_default()
        elif isinstance(source, Profile):
            ptr = _core.jm_profile_ref(source._ptr)
            self.warnings = list(source.warnings)
        else:
            path = _fspath(source)
            if path is not None:
                ptr, self.warnings = _reading(_core.jm_profile_load_file, path, opts.c())
            else:
                if isinstance(source, Mapping):
                    text: Union[str, bytes] = _dumps(_record_dict(source, "scoring_profile"))
                elif isinstance(source, (str, bytes, bytearray, memoryview)):
                    text = source
                else:
                    raise TypeError("a profile is a dict, JSON text, a path or a Profile, not "
                                    f"{type(source).__name__}")
                ptr, self.warnings = _reading(_core.jm_profile_from_json, text, opts.c())
        _owned(self, ptr, _core.jm_profile_free)

    @classmethod
    def default(cls) -> "Profile":
        """The built-in IPS default profile."""
        return cls()

    @classmethod
    def _wrap_ref(cls, ptr: Any) -> "Profile":
        p = cls.__new__(cls)
        p.warnings = []
        _owned(p, _core.jm_profile_ref(ptr), _core.jm_profile_free)
        return p

    @property
    def id(self) -> str:
        """The profile's id, such as ``"ips-default"``."""
        return _core.jm_profile_id(self._ptr)

    @property
    def hash(self) -> str:
        """``"sha256:"`` and 64 hex digits of the canonical JSON form: equal
        content, equal hash."""
        return _core.jm_profile_hash(self._ptr)

    @property
    def weights(self) -> Dict[str, float]:
        """The weight of every built-in factor, by name."""
        return {name: _core.jm_profile_weight(self._ptr, i) for i, name in enumerate(FACTORS)}

    def weight(self, factor: str) -> float:
        """The weight of one factor (``"hours"`` ...); KeyError for an unknown name."""
        i = _core.jm_factor_from_name(factor)
        if i < 0:
            raise KeyError(factor)
        return _core.jm_profile_weight(self._ptr, i)

    def has_support_need(self, type: str) -> bool:
        """Whether the vocabulary has this support-need type."""
        return _core.jm_profile_has_support_need(self._ptr, type)

    def has_offer(self, offer: str) -> bool:
        """Whether the vocabulary has this support offer (an accommodation
        category, a natural support or a funded scheme)."""
        return _core.jm_profile_has_offer(self._ptr, offer)

    def has_functional_dimension(self, dimension: str) -> bool:
        """Whether the vocabulary has this functional dimension."""
        return _core.jm_profile_has_functional_dimension(self._ptr, dimension)

    def to_json(self) -> str:
        """The full profile, defaults filled in, as canonical JSON."""
        return _core.jm_profile_to_json(self._ptr)

    def to_dict(self) -> Dict[str, Any]:
        """The full profile as a dict (``json.loads(self.to_json())``)."""
        return json.loads(self.to_json())

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Profile):
            return NotImplemented
        return self.hash == other.hash

    def __hash__(self) -> int:
        return hash(self.hash)

    def __repr__(self) -> str:
        return f"<jobmatch.Profile {self.id!r} {self.hash[:19]}...>"


def load_profile(source: Union[Mapping, str, bytes, "os.PathLike[str]"], *,
                 unknown_fields: str = "error", unknown_terms: str = "warn") -> Profile:
    """Reads a scoring profile from a dict, JSON text or a path (see :class:`Profile`)."""
    return Profile(source, unknown_fields=unknown_fields, unknown_terms=unknown_terms)


# ---------------------------------------------------------------------------
# Records

class _Record:
    """What candidates and jobs share."""

    _kind = ""
    _c_from_json: Any = None  # jm_candidate_from_json / jm_job_from_json
    _c_free: Any = None       # jm_candidate_free / jm_job_free
    _c_id: Any = None         # jm_candidate_id / jm_job_id
    _c_to_json: Any = None    # jm_candidate_to_json / jm_job_to_json
    _ptr: Any
    warnings: List[Diagnostic]
    """The warnings reading the record gave (empty for a record taken from a set)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        raise TypeError(f"make a {type(self).__name__} with {type(self).__name__}.from_dict() or "
                        ".from_json(), or take it from a set")

    @classmethod
    def _wrap(cls, ptr: Any, owner: Any) -> Any:
        r = cls.__new__(cls)
        r.warnings = []
        _borrowed(r, ptr, owner)
        return r

    @classmethod
    def _read(cls, text: Union[str, bytes], opts: _Options) -> Any:
        ptr, warnings = _reading(cls._c_from_json, text, opts.c())
        r = cls.__new__(cls)
        r.warnings = warnings
        _owned(r, ptr, cls._c_free)
        return r

    @classmethod
    def from_dict(cls, record: Mapping, *, profile: Optional[Profile] = None,
                  unknown_fields: str = "error", unknown_terms: str = "warn") -> Any:
        """Reads one record from a dict in the jobmatch/1 format; ``"schema"``
        and ``"type"`` are filled in when left out.  ``profile`` gives the
        vocabulary terms are checked against (default: the built-in one).
        Raises :class:`ValidationError` with ``.path`` and ``.diagnostics``."""
        return cls._read(_dumps(_record_dict(record, cls._kind)),
                         _Options(profile, unknown_fields, unknown_terms))

    @classmethod
    def from_json(cls, text: Union[str, bytes], *, profile: Optional[Profile] = None,
                  unknown_fields: str = "error", unknown_terms: str = "warn") -> Any:
        """Reads exactly one record from JSON text.  Raises
        :class:`ParseError` (with ``.line`` and ``.column``) or
        :class:`ValidationError`."""
        return cls._read(text, _Options(profile, unknown_fields, unknown_terms))

    @property
    def id(self) -> str:
        """The record's (pseudonymous) id."""
        return self._c_id(self._ptr)

    def to_json(self) -> str:
        """The record as jobmatch/1 JSON (reading it back gives an equal
        record); written once, then kept (records are immutable)."""
        text = self.__dict__.get("_json")
        if text is None:
            text = self._json = self._c_to_json(self._ptr)
        return text

    def to_dict(self) -> Dict[str, Any]:
        """The record as a dict in the jobmatch/1 format."""
        return json.loads(self.to_json())

    def __eq__(self, other: object) -> bool:
        """Records are equal when their JSON is (records are immutable)."""
        if type(other) is not type(self):
            return NotImplemented
        return self is other or self.to_json() == other.to_json()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self.to_json())


class Candidate(_Record):
    """One candidate (a person's vocational profile), immutable.

    Make one with :meth:`Candidate.from_dict` or :meth:`Candidate.from_json`,
    or take it from a :class:`Candidates` set.  ``warnings`` lists the
    warnings reading it gave (terms missing from the vocabulary ...).
    """

    _kind = "candidate"
    _c_from_json = staticmethod(_core.jm_candidate_from_json)
    _c_free = staticmethod(_core.jm_candidate_free)
    _c_id = staticmethod(_core.jm_candidate_id)
    _c_to_json = staticmethod(_core.jm_candidate_to_json)

    def __repr__(self) -> str:
        return f"<jobmatch.Candidate {self.id!r}>"


class Job(_Record):
    """One job (a vacancy with its job and worksite analysis), immutable.

    Make one with :meth:`Job.from_dict` or :meth:`Job.from_json`, or take it
    from a :class:`Jobs` set.
    """

    _kind = "job"
    _c_from_json = staticmethod(_core.jm_job_from_json)
    _c_free = staticmethod(_core.jm_job_free)
    _c_id = staticmethod(_core.jm_job_id)
    _c_to_json = staticmethod(_core.jm_job_to_json)

    @property
    def title(self) -> Optional[str]:
        """The job's title, or None."""
        return _core.jm_job_title(self._ptr)

    @property
    def employer(self) -> Optional[str]:
        """The employer's id, or None."""
        return _core.jm_job_employer(self._ptr)

    def __repr__(self) -> str:
        title = self.title
        return f"<jobmatch.Job {self.id!r}" + (f" {title!r}>" if title else ">")


# ---------------------------------------------------------------------------
# Sets

class _RecordSet:
    """What candidate and job sets share: an immutable sequence of records
    with unique ids."""

    _record: Any = _Record
    _ptr: Any
    warnings: List[Diagnostic]
    """The warnings reading the set gave (terms missing from the vocabulary ...)."""

    def __init__(self, records: Any = (), *, profile: Optional[Profile] = None,
                 unknown_fields: str = "error", unknown_terms: str = "warn",
                 max_depth: int = 0, max_bytes: int = 0) -> None:
        c = self._c()
        opts = _Options(profile, unknown_fields, unknown_terms, max_depth, max_bytes)
        _owned(self, c["new"](), c["free"])
        self._items: Dict[int, Any] = {}
        self._index: Optional[Dict[str, int]] = None
        self.warnings: List[Diagnostic] = []
        path = _fspath(records)
        if path is not None:
            _, self.warnings = _reading(c["load_file"], self._ptr, path, opts.c())
        elif isinstance(records, (str, bytes, bytearray, memoryview)):
            _, self.warnings = _reading(c["load"], self._ptr, records, opts.c())
        elif isinstance(records, Mapping):
            raise TypeError(f"give {type(self).__name__} a list of records, not one dict")
        elif isinstance(records, Iterable):
            items = list(records)
            if all(isinstance(r, self._record) for r in items):
                for i, r in enumerate(items):
                    try:
                        c["add"](self._ptr, r._ptr)
                    except JobmatchError as e:
                        e._attach([Diagnostic("error", e.code, "", f"[{i}].id", 0, 0, str(e))])
                        raise
            elif items:
                for r in items:
                    if not isinstance(r, (Mapping, self._record)):
                        raise TypeError(f"{type(self).__name__} takes {self._record._kind} "
                                        f"records as dicts or {self._record.__name__} objects, "
                                        f"not {type(r).__name__}")
                text = "[" + ",\n".join(
                    r.to_json() if isinstance(r, self._record)
                    else _dumps(_record_dict(r, self._record._kind)) for r in items) + "]"
                _, self.warnings = _reading(c["load"], self._ptr, text, opts.c())
        else:
            raise TypeError(f"{type(self).__name__} takes records, JSON text or a path, not "
                            f"{type(records).__name__}")

    @classmethod
    def _c(cls) -> Dict[str, Any]:
        raise NotImplementedError

    @classmethod
    def from_json(cls, text: Union[str, bytes], *, profile: Optional[Profile] = None,
                  unknown_fields: str = "error", unknown_terms: str = "warn") -> Any:
        """Reads a set from JSON text: a record, an array of records, a
        collection or JSON Lines.  All or nothing: any error raises
        (:class:`ValidationError`, :class:`ParseError`,
        :class:`AlreadyExistsError` for a repeated id ...) with every
        diagnostic."""
        s = cls.__new__(cls)
        c = cls._c()
        _owned(s, c["new"](), c["free"])
        s._items, s._index, s.warnings = {}, None, []
        _, s.warnings = _reading(c["load"], s._ptr, text,
                                 _Options(profile, unknown_fields, unknown_terms).c())
        return s

    def __len__(self) -> int:
        return self._c()["count"](self._ptr)

    def _at(self, i: int) -> Any:
        r = self._items.get(i)
        if r is None:
            r = self._record._wrap(self._c()["get"](self._ptr, i), self)
            self._items[i] = r
        return r

    def __getitem__(self, key: Any) -> Any:
        """``s[i]`` (negative too), ``s[i:j]`` (a list) or ``s["id"]``
        (KeyError when no record has that id)."""
        n = len(self)
        if isinstance(key, str):
            i = self._id_index().get(key)
            if i is None:
                raise KeyError(key)
            return self._at(i)
        if isinstance(key, slice):
            return [self._at(i) for i in range(*key.indices(n))]
        i = key.__index__()
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError(f"{type(self).__name__} index {key} out of range ({n} records)")
        return self._at(i)

    def __iter__(self) -> Iterator[Any]:
        for i in range(len(self)):
            yield self._at(i)

    def _id_index(self) -> Dict[str, int]:
        if self._index is None:
            self._index = {r.id: i for i, r in enumerate(self)}
        return self._index

    def __contains__(self, item: object) -> bool:
        """``"id" in s``, or a record whose id is in s."""
        if isinstance(item, self._record):
            item = item.id
        return isinstance(item, str) and item in self._id_index()

    def get(self, id: str, default: Any = None) -> Any:
        """The record with this id, or default."""
        i = self._id_index().get(id)
        return default if i is None else self._at(i)

    def find(self, id: str) -> Any:
        """The record with this id; :class:`NotFoundError` when none."""
        r = self.get(id)
        if r is None:
            raise NotFoundError(f"no {self._record._kind} with id '{id}'")
        return r

    def ids(self) -> List[str]:
        """The ids, in order."""
        return list(self._id_index())

    def to_json(self) -> str:
        """The set as a jobmatch/1 collection document."""
        return self._c()["to_json"](self._ptr)

    def to_dict(self) -> Dict[str, Any]:
        """The set as a collection dict ``{"schema": ..., "candidates": [...]}``."""
        return json.loads(self.to_json())

    def __bool__(self) -> bool:
        return len(self) > 0

    def __repr__(self) -> str:
        n = len(self)
        return f"<jobmatch.{type(self).__name__}: {n} {self._record._kind}{'' if n == 1 else 's'}>"


class Candidates(_RecordSet):
    """An immutable, ordered set of candidates with unique ids.

    ``Candidates(records)`` takes a list of dicts (``"schema"``/``"type"``
    filled in) or :class:`Candidate` objects, JSON text (a record, an array,
    a collection or JSON Lines) or a path.  Reading is all or nothing; an
    error raises :class:`ValidationError` / :class:`ParseError` with the
    JSON path of every problem (``[3].skills[2].level`` in a list).
    ``len(s)``, ``s[i]``, ``s["c-014"]``, ``"c-014" in s``, iteration,
    ``s.get(id)``, ``s.ids()``; ``s.warnings`` lists the warnings.
    """

    _record = Candidate

    @classmethod
    def _c(cls) -> Dict[str, Any]:
        return {"new": _core.jm_candidates_new, "free": _core.jm_candidates_free,
                "load": _core.jm_candidates_load, "load_file": _core.jm_candidates_load_file,
                "add": _core.jm_candidates_add, "count": _core.jm_candidates_count,
                "get": _core.jm_candidates_get, "to_json": _core.jm_candidates_to_json}


class Jobs(_RecordSet):
    """An immutable, ordered set of jobs with unique ids; as :class:`Candidates`."""

    _record = Job

    @classmethod
    def _c(cls) -> Dict[str, Any]:
        return {"new": _core.jm_jobs_new, "free": _core.jm_jobs_free,
                "load": _core.jm_jobs_load, "load_file": _core.jm_jobs_load_file,
                "add": _core.jm_jobs_add, "count": _core.jm_jobs_count,
                "get": _core.jm_jobs_get, "to_json": _core.jm_jobs_to_json}


def load_candidates(path: "PathLike", *, profile: Optional[Profile] = None,
                    unknown_fields: str = "error", unknown_terms: str = "warn",
                    max_depth: int = 0, max_bytes: int = 0) -> Candidates:
    """Reads the candidates of a file: a record, an array, a collection
    ``{"candidates": [...]}`` or JSON Lines (``"-"`` is standard input).
    ``max_depth`` (0: 64) and ``max_bytes`` (0: no limit) bound the input;
    beyond them :class:`OutOfRangeError` (bytes) or :class:`ParseError`
    (depth) is raised."""
    return Candidates(_Path(path), profile=profile, unknown_fields=unknown_fields,
                      unknown_terms=unknown_terms, max_depth=max_depth, max_bytes=max_bytes)


def load_jobs(path: "PathLike", *, profile: Optional[Profile] = None,
              unknown_fields: str = "error", unknown_terms: str = "warn",
              max_depth: int = 0, max_bytes: int = 0) -> Jobs:
    """Reads the jobs of a file (as :func:`load_candidates`)."""
    return Jobs(_Path(path), profile=profile, unknown_fields=unknown_fields,
                unknown_terms=unknown_terms, max_depth=max_depth, max_bytes=max_bytes)


class _Path(os.PathLike):
    """A str that is a path, whatever it looks like."""

    def __init__(self, path: "PathLike") -> None:
        self.path = os.fspath(path)
        if not isinstance(self.path, str):
            self.path = os.fsdecode(self.path)

    def __fspath__(self) -> str:
        return self.path


def validate(document: Union[Mapping, list, str, bytes, "os.PathLike[str]"], *,
             profile: Optional[Profile] = None) -> List[Diagnostic]:
    """Checks a document of any kind (candidates, jobs, scoring profiles; a
    record, an array, a collection or JSON Lines) as ``jobmatch validate``
    does: unknown fields are errors.  Returns every problem found (errors and
    warnings; an empty list for a valid document); never raises for invalid
    data.  ``document`` is a dict or list (records need their "schema" and
    "type"), JSON text, or a path."""
    source = None
    path = _fspath(document)
    if path is not None:
        try:
            with open(path, "rb") as f:
                text: Union[str, bytes] = f.read()
        except OSError as e:
            raise FileError(f"{path}: cannot open for reading ({e.strerror})") from e
        source = path
    elif isinstance(document, (Mapping, list)):
        text = _dumps(document)
    elif isinstance(document, (str, bytes, bytearray, memoryview)):
        text = document
    else:
        raise TypeError(f"cannot validate a {type(document).__name__}")
    opts = _Options(profile)
    diags = _core.jm_diags_new()
    try:
        try:
            _core.jm_validate(text, opts.c(source), diags)
        except JobmatchError as e:
            found = _diag_list(diags)
            if not any(d.severity == "error" for d in found):
                raise  # not a problem of the document (out of memory ...)
            return found
        return _diag_list(diags)
    finally:
        _core.jm_diags_free(diags)
