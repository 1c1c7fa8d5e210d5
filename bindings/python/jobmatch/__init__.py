"""jobmatch: job matching for supported employment (Python binding of libjobmatch).

Scores how well a job fits a person, and a person fits a job, the way
supported-employment practice (IPS, job coaching) does: preferences first,
zero exclusion, place-then-train, support needs turned into a support plan,
every score explained.

    import jobmatch

    candidates = jobmatch.load_candidates("candidates.json")
    jobs = jobmatch.load_jobs("jobs.json")
    with jobmatch.Engine() as engine:
        for m in engine.rank_jobs(candidates["c-014"], jobs, k=3):
            print(m.job_id, round(m.total, 2))

Records are dicts (or JSON text, or files) in the jobmatch/1 format of
docs/FORMAT.md.  Errors raise :class:`JobmatchError` subclasses carrying the
library's diagnostics (JSON path, line, column).
"""

from . import _core
from ._errors import (AlreadyExistsError, CallbackError, CanceledError, Diagnostic, DocumentTypeError,
                      EngineBusyError, FileError, JobmatchError, NotFoundError, OutOfMemoryError,
                      OutOfRangeError, ParseError, RuleError, ValidationError)
from ._records import (FACTORS, SCHEMA, Candidate, Candidates, Job, Jobs, Profile,
                       load_candidates, load_jobs, load_profile, validate)
from ._match import (Exclusion, Factor, FadingStep, Match, Ranking, SkillMatch, SupportItem,
                     SupportPlan, TrainingItem)
from ._engine import Engine, TopK, Veto

#: The version of the libjobmatch library in use ("0.1.0").
__version__ = _core.jm_version_string()

#: The same as a number: major * 10000 + minor * 100 + patch.
version_number = _core.jm_version_number()

# The error codes, as JobmatchError.code holds them.
JM_OK = _core.JM_OK
JM_EINVAL = _core.JM_EINVAL
JM_ENOMEM = _core.JM_ENOMEM
JM_EPARSE = _core.JM_EPARSE
JM_ENOTFOUND = _core.JM_ENOTFOUND
JM_EEXISTS = _core.JM_EEXISTS
JM_ECALLBACK = _core.JM_ECALLBACK
JM_EIO = _core.JM_EIO
JM_ERANGE = _core.JM_ERANGE
JM_ETYPE = _core.JM_ETYPE
JM_ECANCELED = _core.JM_ECANCELED


def strerror(code: int) -> str:
    """The library's short English description of an error code."""
    return _core.jm_strerror(code)


__all__ = [
    "Engine", "Veto", "TopK", "Profile", "Candidate", "Job", "Candidates", "Jobs",
    "Match", "Ranking", "Factor", "Exclusion", "SkillMatch", "TrainingItem", "SupportItem",
    "SupportPlan", "FadingStep", "Diagnostic",
    "load_candidates", "load_jobs", "load_profile", "validate", "strerror",
    "JobmatchError", "ValidationError", "ParseError", "DocumentTypeError", "NotFoundError",
    "AlreadyExistsError", "CallbackError", "RuleError", "FileError", "OutOfRangeError",
    "OutOfMemoryError", "EngineBusyError", "CanceledError",
    "SCHEMA", "FACTORS", "__version__", "version_number",
    "JM_OK", "JM_EINVAL", "JM_ENOMEM", "JM_EPARSE", "JM_ENOTFOUND", "JM_EEXISTS",
    "JM_ECALLBACK", "JM_EIO", "JM_ERANGE", "JM_ETYPE", "JM_ECANCELED",
]
