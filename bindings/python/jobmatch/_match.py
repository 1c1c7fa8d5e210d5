"""Match results and rankings."""

from __future__ import annotations

import json
import math
import weakref
from functools import cached_property
from typing import Any, Dict, List, NamedTuple, Optional

from . import _core

__all__ = ["Match", "Ranking", "Factor", "Exclusion", "SkillMatch", "TrainingItem",
           "SupportItem", "FadingStep", "SupportPlan"]

_INTENSITIES = {1: "low", 2: "medium", 3: "high"}
_TRAINING_KINDS = {_core.JM_TRAINING_SKILL: "skill", _core.JM_TRAINING_LICENCE: "licence"}


def _num(x: float) -> Optional[float]:
    """NaN (the C API's "unknown") as None."""
    return None if math.isnan(x) else x


class Factor(NamedTuple):
    """One line of a match's breakdown: a built-in factor (``"hours"`` ...)
    or a custom rule (``"rule:NAME"``).  ``score`` is in [0, 1], or None when
    ``has_data`` is False (left out of the total); ``contribution`` is
    weight x score / the sum of the weights with data."""

    name: str
    score: Optional[float]
    weight: float
    contribution: float
    detail: str
    has_data: bool
    excluded: bool


class Exclusion(NamedTuple):
    """A hard exclusion: the factor (or ``"rule:NAME"``), why, and what would
    lift it (``""`` when nothing can)."""

    factor: str
    reason: str
    lift: str


class SkillMatch(NamedTuple):
    """A skill the job asks for, as the person has it or lacks it.  Levels
    are on O*NET's 0..7 scale, None when unknown; ``credit`` is the credit the
    skill factor gave (0..1)."""

    id: str
    label: str
    essential: bool
    required_level: Optional[float]
    candidate_level: Optional[float]
    trainable: bool
    credit: float


class TrainingItem(NamedTuple):
    """One item of the training plan: ``kind`` is ``"skill"`` or
    ``"licence"``; ``by`` is ``"employer training"``, ``"job coach"`` or
    ``"course"``."""

    kind: str
    id: str
    label: str
    essential: bool
    gap_levels: float
    effort_hours: float
    by: str


class SupportItem(NamedTuple):
    """Who meets one support need at this job.  ``intensity`` is ``"low"``,
    ``"medium"`` or ``"high"``; ``provider`` one of ``"unmet"``,
    ``"employer"``, ``"natural"``, ``"funded"``, ``"job_coach"``,
    ``"agency"``, ``"to_negotiate"``; ``origin`` ``"stated"`` or
    ``"functional:DIMENSION"``."""

    need: str
    label: str
    intensity: str
    essential: bool
    provider: str
    offer: str
    coach_hours: float
    origin: str


class FadingStep(NamedTuple):
    """From this week of employment (1-based), this many job-coach hours a week."""

    week: int
    hours: float


class SupportPlan(NamedTuple):
    """The support plan: each need and who meets it, the job coach's hours
    per week at the start, and how they fade."""

    needs: List[SupportItem]
    coach_hours_per_week: float
    fading: List[FadingStep]


class _RankingHandle:
    """Owns a jm_ranking; the matches borrowed from it keep it alive."""

    def __init__(self, ptr: Any) -> None:
        self.ptr = ptr
        self._finalizer = weakref.finalize(self, _core.jm_ranking_free, ptr)


class Match:
    """How well one job fits one person, explained.

    ``total`` is the weighted score in [0, 1] over the factors with data;
    ``confidence`` the share of the weight that had data; ``feasible`` is
    False when an exclusion applies (see ``exclusions``).  ``factors`` maps
    each factor's name (and ``"rule:NAME"``) to a :class:`Factor`.
    ``to_dict()`` is the JSON the command-line tool prints
    (``jobmatch score --format json``), ``explain()`` its text.
    """

    __slots__ = ("_ptr", "_owner", "_finalizer", "candidate_id", "job_id", "total",
                 "confidence", "feasible", "__dict__", "__weakref__")

    def __init__(self) -> None:
        raise TypeError("matches come from Engine.score() and Engine.rank_*()")

    @classmethod
    def _make(cls, ptr: Any, owner: Any) -> "Match":
        m = cls.__new__(cls)
        m._ptr = ptr
        m._owner = owner
        m._finalizer = weakref.finalize(m, _core.jm_match_free, ptr) if owner is None else None
        m.candidate_id = _core.jm_match_candidate_id(ptr)
        m.job_id = _core.jm_match_job_id(ptr)
        m.total = _core.jm_match_total(ptr)
        m.confidence = _core.jm_match_confidence(ptr)
        m.feasible = _core.jm_match_feasible(ptr)
        return m

    candidate_id: str
    """The candidate's id."""
    job_id: str
    """The job's id."""
    total: float
    """The weighted score in [0, 1] (0.5 when no factor has data)."""
    confidence: float
    """The share of the total weight whose factors had data, in [0, 1]."""
    feasible: bool
    """False when a hard exclusion applies."""

    @cached_property
    def factors(self) -> Dict[str, Factor]:
        """Every factor and rule of the breakdown, by name, in order."""
        out = {}
        for i in range(_core.jm_match_factor_count(self._ptr)):
            f = _core.jm_match_factor(self._ptr, i)
            out[f["name"]] = Factor(f["name"], _num(f["score"]) if f["has_data"] else None,
                                    f["weight"], f["contribution"], f["detail"], f["has_data"],
                                    f["excluded"])
        return out

    @cached_property
    def exclusions(self) -> List[Exclusion]:
        """The hard exclusions (empty when feasible)."""
        return [Exclusion(**_core.jm_match_exclusion(self._ptr, i))
                for i in range(_core.jm_match_exclusion_count(self._ptr))]

    @staticmethod
    def _skill(d: Dict[str, Any]) -> SkillMatch:
        return SkillMatch(d["id"], d["label"], d["essential"], _num(d["required_level"]),
                          _num(d["candidate_level"]), d["trainable"], d["credit"])

    @cached_property
    def matched_skills(self) -> List[SkillMatch]:
        """The job's skills the person has at the level asked."""
        return [self._skill(_core.jm_match_matched_skill(self._ptr, i))
                for i in range(_core.jm_match_matched_skill_count(self._ptr))]

    @cached_property
    def missing_skills(self) -> List[SkillMatch]:
        """The job's skills the person lacks or has below the level asked."""
        return [self._skill(_core.jm_match_missing_skill(self._ptr, i))
                for i in range(_core.jm_match_missing_skill_count(self._ptr))]

    @cached_property
    def training_plan(self) -> List[TrainingItem]:
        """What to learn on the job (skills) or obtain (licences)."""
        out = []
        for i in range(_core.jm_match_training_count(self._ptr)):
            t = _core.jm_match_training(self._ptr, i)
            out.append(TrainingItem(_TRAINING_KINDS.get(t["kind"], str(t["kind"])), t["id"],
                                    t["label"], t["essential"], t["gap_levels"],
                                    t["effort_hours"], t["by"]))
        return out

    @cached_property
    def support_plan(self) -> SupportPlan:
        """Who meets each support need, and the job coach's hours."""
        needs = []
        for i in range(_core.jm_match_support_count(self._ptr)):
            s = _core.jm_match_support(self._ptr, i)
            needs.append(SupportItem(s["need"], s["label"],
                                     _INTENSITIES.get(s["intensity"], str(s["intensity"])),
                                     s["essential"], _core.jm_provider_name(s["provider"]) or "",
                                     s["offer"], s["coach_hours"], s["origin"]))
        fading = [FadingStep(**_core.jm_match_fading(self._ptr, i))
                  for i in range(_core.jm_match_fading_count(self._ptr))]
        return SupportPlan(needs, _core.jm_match_coach_hours(self._ptr), fading)

    @cached_property
    def notes(self) -> List[str]:
        """Advisory notes ("refer to benefits counselling", notes of rules)."""
        return [_core.jm_match_note(self._ptr, i)
                for i in range(_core.jm_match_note_count(self._ptr))]

    @property
    def profile_id(self) -> str:
        """The id of the scoring profile that made this result."""
        return _core.jm_match_profile_id(self._ptr)

    @property
    def profile_hash(self) -> str:
        """The hash of the scoring profile that made this result."""
        return _core.jm_match_profile_hash(self._ptr)

    @property
    def engine_version(self) -> str:
        """The engine that made this result ("libjobmatch 0.1.0")."""
        return _core.jm_match_engine_version(self._ptr)

    def to_json(self) -> str:
        """The whole result as JSON: the same bytes for the same inputs,
        profile and engine version (``jobmatch score --format json``)."""
        return _core.jm_match_to_json(self._ptr)

    def to_dict(self) -> Dict[str, Any]:
        """The whole result as a dict (``json.loads(self.to_json())``)."""
        return json.loads(self.to_json())

    def explain(self) -> str:
        """A readable explanation for a job coach (``jobmatch score``)."""
        return _core.jm_match_explain(self._ptr)

    def __repr__(self) -> str:
        state = "feasible" if self.feasible else "excluded"
        return (f"<jobmatch.Match {self.candidate_id!r} x {self.job_id!r}: total {self.total:.3f}, "
                f"confidence {self.confidence:.2f}, {state}>")


class Ranking(List[Match]):
    """The best feasible matches, best first (a list of :class:`Match`).

    ``subject`` is the id of the candidate (``rank_jobs``) or the job
    (``rank_candidates``) ranked for; ``excluded`` lists every excluded pair
    in input order (nothing is dropped silently); ``feasible_total`` counts
    the feasible pairs, kept or not.  ``to_dict()`` is the command-line
    tool's JSON for it.
    """

    subject: str
    excluded: List[Match]
    feasible_total: int

    @classmethod
    def _make(cls, ptr: Any) -> "Ranking":
        handle = _RankingHandle(ptr)
        r = cls(Match._make(_core.jm_ranking_get(ptr, i), handle)
                for i in range(_core.jm_ranking_count(ptr)))
        r._handle = handle
        r.subject = _core.jm_ranking_subject(ptr)
        r.excluded = [Match._make(_core.jm_ranking_excluded(ptr, i), handle)
                      for i in range(_core.jm_ranking_excluded_count(ptr))]
        r.feasible_total = _core.jm_ranking_feasible_total(ptr)
        return r

    def to_json(self) -> str:
        """``{"candidate": ID, "matches": [...], "excluded": [...]}`` (or
        ``"job"`` and ``"candidates"``), as JSON."""
        return _core.jm_ranking_to_json(self._handle.ptr)

    def to_dict(self) -> Dict[str, Any]:
        """The ranking as a dict (``json.loads(self.to_json())``)."""
        return json.loads(self.to_json())

    def __repr__(self) -> str:
        return (f"<jobmatch.Ranking for {self.subject!r}: {len(self)} matches, "
                f"{len(self.excluded)} excluded>")
