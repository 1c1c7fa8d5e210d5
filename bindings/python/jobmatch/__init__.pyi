# Type stubs of the jobmatch package (the public API of bindings/python/jobmatch/).
import os
import types
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, Dict, List, Literal, NamedTuple, Optional, Tuple, TypeVar, Union, overload

__version__: str
version_number: int
SCHEMA: str
FACTORS: Tuple[str, ...]

JM_OK: int
JM_EINVAL: int
JM_ENOMEM: int
JM_EPARSE: int
JM_ENOTFOUND: int
JM_EEXISTS: int
JM_ECALLBACK: int
JM_EIO: int
JM_ERANGE: int
JM_ETYPE: int
JM_ECANCELED: int

def strerror(code: int) -> str: ...

_Text = Union[str, bytes, bytearray, memoryview]
_Path = Union[str, os.PathLike[str]]
_Policy = Literal["error", "warn", "warning"]
_RecordView = Mapping[str, Any]  # a types.MappingProxyType; nested lists are tuples

# -- errors --------------------------------------------------------------------

class Diagnostic(NamedTuple):
    severity: str  # "error" or "warning"
    code: int
    source: str
    path: str
    line: int
    column: int
    message: str

class JobmatchError(Exception):
    code: int
    message: str
    diagnostics: List[Diagnostic]
    def __init__(self, message: str, code: Optional[int] = ...,
                 diagnostics: Optional[List[Diagnostic]] = ...) -> None: ...
    @property
    def code_name(self) -> str: ...
    @property
    def errors(self) -> List[Diagnostic]: ...
    @property
    def path(self) -> Optional[str]: ...

class ValidationError(JobmatchError, ValueError): ...

class ParseError(ValidationError):
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...

class DocumentTypeError(ValidationError): ...
class NotFoundError(JobmatchError, LookupError): ...
class AlreadyExistsError(JobmatchError, ValueError): ...
class CallbackError(JobmatchError): ...

RuleError = CallbackError

class FileError(JobmatchError, OSError): ...
class OutOfRangeError(JobmatchError, IndexError): ...
class OutOfMemoryError(JobmatchError, MemoryError): ...
class EngineBusyError(JobmatchError, RuntimeError): ...
class CanceledError(JobmatchError): ...

class TopK(NamedTuple):
    index: Any
    totals: Any
    counts: Any

class Veto(Exception):
    reason: str
    lift: Optional[str]
    def __init__(self, reason: str, lift: Optional[str] = ...) -> None: ...

# -- profiles and records --------------------------------------------------------

class Profile:
    warnings: List[Diagnostic]
    def __init__(self, source: Union[None, Mapping[str, Any], _Text, os.PathLike[str], Profile] = ...,
                 *, unknown_fields: _Policy = ..., unknown_terms: _Policy = ...) -> None: ...
    @classmethod
    def default(cls) -> Profile: ...
    @property
    def id(self) -> str: ...
    @property
    def hash(self) -> str: ...
    @property
    def weights(self) -> Dict[str, float]: ...
    def weight(self, factor: str) -> float: ...
    def has_support_need(self, type: str) -> bool: ...
    def has_offer(self, offer: str) -> bool: ...
    def has_functional_dimension(self, dimension: str) -> bool: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

def load_profile(source: Union[Mapping[str, Any], _Text, os.PathLike[str]], *,
                 unknown_fields: _Policy = ..., unknown_terms: _Policy = ...) -> Profile: ...

_R = TypeVar("_R", bound="_Record")

class _Record:
    warnings: List[Diagnostic]
    @classmethod
    def from_dict(cls: type[_R], record: Mapping[str, Any], *, profile: Optional[Profile] = ...,
                  unknown_fields: _Policy = ..., unknown_terms: _Policy = ...) -> _R: ...
    @classmethod
    def from_json(cls: type[_R], text: _Text, *, profile: Optional[Profile] = ...,
                  unknown_fields: _Policy = ..., unknown_terms: _Policy = ...) -> _R: ...
    @property
    def id(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Candidate(_Record): ...

class Job(_Record):
    @property
    def title(self) -> Optional[str]: ...
    @property
    def employer(self) -> Optional[str]: ...

_T = TypeVar("_T", Candidate, Job)
_S = TypeVar("_S", bound="_RecordSet[Any]")

class _RecordSet(Iterable[_T]):
    warnings: List[Diagnostic]
    @classmethod
    def from_json(cls: type[_S], text: _Text, *, profile: Optional[Profile] = ...,
                  unknown_fields: _Policy = ..., unknown_terms: _Policy = ...) -> _S: ...
    def __len__(self) -> int: ...
    @overload
    def __getitem__(self, key: int) -> _T: ...
    @overload
    def __getitem__(self, key: str) -> _T: ...
    @overload
    def __getitem__(self, key: slice) -> List[_T]: ...
    def __iter__(self) -> Iterator[_T]: ...
    def __contains__(self, item: object) -> bool: ...
    def __bool__(self) -> bool: ...
    @overload
    def get(self, id: str) -> Optional[_T]: ...
    @overload
    def get(self, id: str, default: Any) -> Any: ...
    def find(self, id: str) -> _T: ...
    def ids(self) -> List[str]: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

class Candidates(_RecordSet[Candidate]):
    def __init__(self, records: Union[Iterable[Union[Mapping[str, Any], Candidate]], _Text,
                                      os.PathLike[str]] = ...,
                 *, profile: Optional[Profile] = ..., unknown_fields: _Policy = ...,
                 unknown_terms: _Policy = ..., max_depth: int = ...,
                 max_bytes: int = ...) -> None: ...

class Jobs(_RecordSet[Job]):
    def __init__(self, records: Union[Iterable[Union[Mapping[str, Any], Job]], _Text,
                                      os.PathLike[str]] = ...,
                 *, profile: Optional[Profile] = ..., unknown_fields: _Policy = ...,
                 unknown_terms: _Policy = ..., max_depth: int = ...,
                 max_bytes: int = ...) -> None: ...

def load_candidates(path: _Path, *, profile: Optional[Profile] = ...,
                    unknown_fields: _Policy = ..., unknown_terms: _Policy = ...,
                    max_depth: int = ..., max_bytes: int = ...) -> Candidates: ...
def load_jobs(path: _Path, *, profile: Optional[Profile] = ...,
              unknown_fields: _Policy = ..., unknown_terms: _Policy = ...,
              max_depth: int = ..., max_bytes: int = ...) -> Jobs: ...
def validate(document: Union[Mapping[str, Any], List[Any], _Text, os.PathLike[str]], *,
             profile: Optional[Profile] = ...) -> List[Diagnostic]: ...

# -- results ---------------------------------------------------------------------

class Factor(NamedTuple):
    name: str
    score: Optional[float]
    weight: float
    contribution: float
    detail: str
    has_data: bool
    excluded: bool

class Exclusion(NamedTuple):
    factor: str
    reason: str
    lift: str

class SkillMatch(NamedTuple):
    id: str
    label: str
    essential: bool
    required_level: Optional[float]
    candidate_level: Optional[float]
    trainable: bool
    credit: float

class TrainingItem(NamedTuple):
    kind: str  # "skill" or "licence"
    id: str
    label: str
    essential: bool
    gap_levels: float
    effort_hours: float
    by: str

class SupportItem(NamedTuple):
    need: str
    label: str
    intensity: str  # "low", "medium", "high"
    essential: bool
    provider: str   # "unmet", "employer", "natural", "funded", "job_coach", "agency", "to_negotiate"
    offer: str
    coach_hours: float
    origin: str

class FadingStep(NamedTuple):
    week: int
    hours: float

class SupportPlan(NamedTuple):
    needs: List[SupportItem]
    coach_hours_per_week: float
    fading: List[FadingStep]

class Match:
    candidate_id: str
    job_id: str
    total: float
    confidence: float
    feasible: bool
    @property
    def factors(self) -> Dict[str, Factor]: ...
    @property
    def exclusions(self) -> List[Exclusion]: ...
    @property
    def matched_skills(self) -> List[SkillMatch]: ...
    @property
    def missing_skills(self) -> List[SkillMatch]: ...
    @property
    def training_plan(self) -> List[TrainingItem]: ...
    @property
    def support_plan(self) -> SupportPlan: ...
    @property
    def notes(self) -> List[str]: ...
    @property
    def profile_id(self) -> str: ...
    @property
    def profile_hash(self) -> str: ...
    @property
    def engine_version(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...
    def explain(self) -> str: ...

class Ranking(List[Match]):
    subject: str
    excluded: List[Match]
    feasible_total: int
    def to_json(self) -> str: ...
    def to_dict(self) -> Dict[str, Any]: ...

# -- the engine ------------------------------------------------------------------

_CandidateArg = Union[Candidate, Mapping[str, Any], _Text, os.PathLike[str]]
_JobArg = Union[Job, Mapping[str, Any], _Text, os.PathLike[str]]
_CandidatesArg = Union[Candidates, Iterable[Union[Mapping[str, Any], Candidate]], _Text,
                       os.PathLike[str]]
_JobsArg = Union[Jobs, Iterable[Union[Mapping[str, Any], Job]], _Text, os.PathLike[str]]
_RuleResult = Union[float, None, Tuple[Optional[float], Optional[str]]]

class Engine:
    def __init__(self, profile: Union[None, Profile, Mapping[str, Any], _Text,
                                      os.PathLike[str]] = ...) -> None: ...
    def close(self) -> None: ...
    @property
    def closed(self) -> bool: ...
    def __enter__(self) -> Engine: ...
    def __exit__(self, *exc: Any) -> Literal[False]: ...
    @property
    def profile(self) -> Profile: ...
    @property
    def rules(self) -> Dict[str, float]: ...
    def add_rule(self, name: str, fn: Callable[[_RecordView, _RecordView], _RuleResult],
                 weight: float = ...) -> None: ...
    def remove_rule(self, name: str) -> None: ...
    def set_travel_time(self, fn: Optional[Callable[[_RecordView, _RecordView, str],
                                                    Optional[float]]]) -> None: ...
    def score(self, candidate: _CandidateArg, job: _JobArg) -> Match: ...
    def rank_jobs(self, candidate: _CandidateArg, jobs: _JobsArg,
                  k: Optional[int] = ...) -> Ranking: ...
    def rank_candidates(self, job: _JobArg, candidates: _CandidatesArg,
                        k: Optional[int] = ...) -> Ranking: ...
    @overload
    def score_matrix(self, candidates: _CandidatesArg, jobs: _JobsArg, *,
                     feasible: Literal[False] = ..., threads: int = ...) -> Any: ...
    @overload
    def score_matrix(self, candidates: _CandidatesArg, jobs: _JobsArg, *,
                     feasible: Literal[True], threads: int = ...) -> Tuple[Any, Any]: ...
    def prepare(self, candidates: _CandidatesArg, jobs: _JobsArg) -> Dict[str, int]: ...
    def rank_all(self, candidates: _CandidatesArg, jobs: _JobsArg, k: int = ..., *,
                 rows: Literal["candidates", "jobs"] = ..., threads: int = ...,
                 counts: bool = ...) -> TopK: ...
