"""Exceptions and diagnostics of the jobmatch package.

Every failure of libjobmatch raises a :class:`JobmatchError`; its subclass is
picked from the library's error code (``JM_EINVAL`` gives
:class:`ValidationError`, ``JM_EPARSE`` :class:`ParseError` ...).  Errors
found while reading documents carry every :class:`Diagnostic` the library
reported, each with its JSON path and, for syntax errors, line and column.
"""

from __future__ import annotations

from typing import List, NamedTuple, Optional

__all__ = [
    "Diagnostic", "JobmatchError", "ValidationError", "ParseError", "DocumentTypeError",
    "NotFoundError", "AlreadyExistsError", "CallbackError", "RuleError", "FileError",
    "OutOfRangeError", "OutOfMemoryError", "EngineBusyError", "CanceledError",
]

# libjobmatch's error codes (jm_error_code in jobmatch/common.h).
JM_OK = 0
JM_EINVAL = -1
JM_ENOMEM = -2
JM_EPARSE = -3
JM_ENOTFOUND = -4
JM_EEXISTS = -5
JM_ECALLBACK = -6
JM_EIO = -7
JM_ERANGE = -8
JM_ETYPE = -9
JM_ECANCELED = -10

_CODE_NAMES = {
    JM_EINVAL: "JM_EINVAL", JM_ENOMEM: "JM_ENOMEM", JM_EPARSE: "JM_EPARSE",
    JM_ENOTFOUND: "JM_ENOTFOUND", JM_EEXISTS: "JM_EEXISTS", JM_ECALLBACK: "JM_ECALLBACK",
    JM_EIO: "JM_EIO", JM_ERANGE: "JM_ERANGE", JM_ETYPE: "JM_ETYPE", JM_ECANCELED: "JM_ECANCELED",
}


class Diagnostic(NamedTuple):
    """One problem found in a document (libjobmatch's ``jm_diag``).

    ``severity`` is ``"error"`` or ``"warning"``; ``code`` the error code
    (``jobmatch.JM_EINVAL`` ...); ``source`` the file name (or ``""``);
    ``path`` the JSON path (``"jobs[3].skills[2].level"``, ``""`` for the
    document root); ``line`` and ``column`` are 1-based, 0 when unknown.
    ``str(diagnostic)`` gives the line ``jobmatch validate`` prints.
    """

    severity: str
    code: int
    source: str
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        where = ""
        if self.source:
            where = self.source
            if self.line:
                where += f":{self.line}"
                if self.column:
                    where += f":{self.column}"
            where += ": "
        elif self.line:
            where = f"line {self.line}" + (f", column {self.column}" if self.column else "") + ": "
        path = f"{self.path}: " if self.path else ""
        prefix = "warning: " if self.severity == "warning" else ""
        return f"{where}{prefix}{path}{self.message}"

    @classmethod
    def _from_c(cls, d: dict) -> "Diagnostic":
        return cls("warning" if d["severity"] == 1 else "error", d["code"], d["source"],
                   d["path"], d["line"], d["column"], d["message"])


class JobmatchError(Exception):
    """A libjobmatch call failed.

    ``code`` is the library's error code (a negative int), ``code_name`` its
    name (``"JM_EINVAL"``), ``message`` the library's detailed message
    (``str(error)``), and ``diagnostics`` the problems found when the error
    came from reading a document (else an empty list).
    """

    code: int = 0
    message: str
    diagnostics: List[Diagnostic]

    def __init__(self, message: str, code: Optional[int] = None,
                 diagnostics: Optional[List[Diagnostic]] = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.message = message
        self.diagnostics: List[Diagnostic] = list(diagnostics or [])

    @property
    def code_name(self) -> str:
        """The name of the error code, such as ``"JM_EINVAL"``."""
        return _CODE_NAMES.get(self.code, str(self.code))

    @property
    def errors(self) -> List[Diagnostic]:
        """The diagnostics of severity ``"error"``."""
        return [d for d in self.diagnostics if d.severity == "error"]

    @property
    def path(self) -> Optional[str]:
        """The JSON path of the first error (``"jobs[3].skills[2].level"``), or
        ``None`` when the error did not come from a document."""
        errs = self.errors
        return errs[0].path if errs else None

    def __str__(self) -> str:
        return self.message

    def _attach(self, diagnostics: List[Diagnostic]) -> None:
        """Adds the diagnostics of a failed read and makes the message the
        first error's line (plus how many more there are)."""
        self.diagnostics = list(diagnostics)
        errs = self.errors
        if errs:
            msg = str(errs[0])
            if len(errs) > 1:
                msg += f" (and {len(errs) - 1} more error{'s' if len(errs) > 2 else ''})"
            self.message = msg
            self.args = (msg,)


class ValidationError(JobmatchError, ValueError):
    """Invalid data or argument (``JM_EINVAL``): ``path`` says where, and
    ``diagnostics`` lists every problem found."""

    code = JM_EINVAL


class ParseError(ValidationError):
    """A JSON syntax error (``JM_EPARSE``), with ``line`` and ``column``
    (1-based; ``column`` counts bytes) of the first one."""

    code = JM_EPARSE

    @property
    def line(self) -> int:
        """1-based line of the first syntax error (0 when unknown)."""
        errs = self.errors
        return errs[0].line if errs else 0

    @property
    def column(self) -> int:
        """1-based column, in bytes, of the first syntax error (0 when unknown)."""
        errs = self.errors
        return errs[0].column if errs else 0


class DocumentTypeError(ValidationError):
    """A document of another kind than expected (``JM_ETYPE``): a job where
    candidates were expected, for example."""

    code = JM_ETYPE


class NotFoundError(JobmatchError, LookupError):
    """No such id, rule or item (``JM_ENOTFOUND``)."""

    code = JM_ENOTFOUND


class AlreadyExistsError(JobmatchError, ValueError):
    """An id or a rule name is already taken (``JM_EEXISTS``)."""

    code = JM_EEXISTS


class CallbackError(JobmatchError):
    """A rule or the travel-time source failed (``JM_ECALLBACK``) without
    raising an exception of its own: it returned an unusable value (a score
    that is not a number, a negative travel time ...).  An exception raised
    by the callable itself propagates unchanged instead."""

    code = JM_ECALLBACK


#: The name the issue tracker and the docs use for rule failures.
RuleError = CallbackError


class FileError(JobmatchError, OSError):
    """A file could not be read (``JM_EIO``)."""

    code = JM_EIO

    def __str__(self) -> str:
        return self.message


class OutOfRangeError(JobmatchError, IndexError):
    """An index or value out of range (``JM_ERANGE``)."""

    code = JM_ERANGE


class OutOfMemoryError(JobmatchError, MemoryError):
    """libjobmatch ran out of memory (``JM_ENOMEM``)."""

    code = JM_ENOMEM


class EngineBusyError(JobmatchError, RuntimeError):
    """The engine was changed (a rule added or removed, the engine closed)
    while a scoring call on it was running, for example from inside a rule."""

    code = JM_EINVAL


class CanceledError(JobmatchError):
    """A batch call was stopped by its progress callback (``JM_ECANCELED``)."""

    code = JM_ECANCELED


_BY_CODE = {
    JM_EINVAL: ValidationError, JM_EPARSE: ParseError, JM_ETYPE: DocumentTypeError,
    JM_ENOTFOUND: NotFoundError, JM_EEXISTS: AlreadyExistsError, JM_ECALLBACK: CallbackError,
    JM_EIO: FileError, JM_ERANGE: OutOfRangeError, JM_ENOMEM: OutOfMemoryError,
    JM_ECANCELED: CanceledError,
}


def _from_code(code: int, message: str) -> JobmatchError:
    """The exception for a libjobmatch error code (called by jobmatch._core)."""
    cls = _BY_CODE.get(code, JobmatchError)
    exc = cls(message)
    exc.code = code
    return exc
