#!/usr/bin/python3
"""A plain-Python peer of the libjobmatch engine: the same scoring model as the built-in
"ips-default" profile (docs/SCORING.md), pair by pair, with the standard library only.

It exists to measure the C engine against: bench/check_peers.py checks that it gives the same
totals, confidence and feasibility as the engine, and the benchmark compares speeds.

    import peer_python as pp
    cands = pp.load("candidates.jsonl", "candidate")      # JSON, arrays, collections, JSON Lines
    jobs = pp.load("jobs.jsonl", "job")
    totals, feasible = pp.score_matrix(cands, jobs)       # lists of lists (candidates x jobs)
    total, confidence, feasible, factors = pp.score_pair(cands[0], jobs[0])

Records are read with the json module and normalised the way the library's JSON reader reads
them (defaults, a job's missing hours bound, week grids of 30-minute slots, ...); the input is
assumed valid (check it with `jobmatch validate`).

Command line: peer_python.py CANDIDATES JOBS prints the matrix size, the share of feasible pairs
and the time taken.
"""

import json
import math
import sys
import time

__all__ = ["load", "load_records", "Candidate", "Job", "prepare_candidate", "prepare_job",
           "score_pair", "score_matrix", "FACTORS", "WEIGHTS"]

NAN = math.nan
isnan = math.isnan

# --------------------------------------------------------------------------------------------
# The ips-default profile (libjobmatch/profile_defaults.c, docs/SCORING.md).

FACTORS = ["job_type", "hours", "schedule", "commute", "environment", "interests", "work_values",
           "wage", "benefits", "skills", "functional", "support", "legal", "programme"]
WEIGHTS = [0.20, 0.10, 0.08, 0.10, 0.08, 0.05, 0.04, 0.05, 0.05, 0.12, 0.06, 0.07, 0.0, 0.0]

HOURS_INSIDE_MIN = 0.8
HOURS_FALLOFF = 10.0
SCHEDULE_MIN_SHARE = 0.0
COMMUTE_FULL_SHARE = 0.5
DETOUR_FACTOR = 1.3
MODES = ["walk", "wheelchair", "cycle", "public_transport", "car", "lift"]
PT = 3
SPEED_KMH = [4.5, 4.0, 14.0, 18.0, 32.0, 32.0]
OVERHEAD_MIN = [0.0, 0.0, 2.0, 10.0, 5.0, 5.0]
ENV_DIMS = ["noise", "outdoor", "temperature", "pace", "time_pressure", "public_contact",
            "teamwork", "routine"]
ENV_EXCESS_SPAN = 3.0
IMPORTANCE = {"low": 1, "medium": 2, "high": 3, "must": 4}
IMPORTANCE_WEIGHT = [0.0, 1.0, 2.0, 3.0, 3.0]
MUST = 4
WAGE_FALLOFF = 0.25
BENEFITS_FALLOFF = 0.5
ESSENTIAL_SHARE = 0.8
TRAINABLE_CREDIT = 0.5
SHORT1_SUPPORTED, SHORT1_UNSUPPORTED = 0.75, 0.5
SHORT2_SUPPORTED, SHORT2_UNSUPPORTED = 0.25, 0.1
AVOID_SIMILARITY = 1.0
HISTORY_LIKED = 0.8
HISTORY_DISLIKED = 0.5
DISLIKED_SIMILARITY = 0.75
INTENSITY = {"low": 1, "medium": 2, "high": 3}
NEED_WEIGHT = [0.0, 1.0, 2.0, 3.0]
ESSENTIAL_MULTIPLIER = 2.0
VALUES = ["achievement", "working_conditions", "recognition", "relationships", "support",
          "independence"]
RIASEC = "RIASEC"
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
WEEK_SLOTS = 336
EARTH_RADIUS_KM = 6371.0088
PI = 3.14159265358979323846
# Programme rules: none in the default profile.
COMPETITIVE_ONLY = False
INTEGRATED_ONLY = False
MIN_WAGE = NAN

OFFER_PROVIDER = {
    "equipment": "employer", "job_restructuring": "employer", "modified_schedule": "employer",
    "reassignment": "employer", "adjusted_training": "employer",
    "readers_interpreters": "employer", "physical_accessibility": "employer",
    "mentor": "natural", "buddy": "natural", "supportive_coworkers": "natural",
    "access_to_work": "funded", "funded_support": "funded",
}
# Support needs and what meets each, in order of preference.
NEED_MET_BY = {
    "structured_task_instruction": ["adjusted_training", "mentor", "job_coach"],
    "written_visual_instructions": ["adjusted_training", "job_coach"],
    "extra_training_time": ["adjusted_training", "job_coach"],
    "mentor_or_buddy": ["mentor", "buddy", "supportive_coworkers"],
    "supervisor_checkins": ["job_restructuring", "mentor"],
    "flexible_schedule": ["modified_schedule"],
    "reduced_hours_phased_start": ["modified_schedule", "job_restructuring"],
    "quiet_workspace": ["equipment", "job_restructuring", "reassignment"],
    "sensory_adjustments": ["equipment", "job_restructuring"],
    "assistive_technology": ["equipment", "access_to_work", "funded_support"],
    "communication_support": ["readers_interpreters", "access_to_work", "funded_support"],
    "travel_training": ["agency"],
    "help_with_travel": ["access_to_work", "funded_support", "agency"],
    "physical_access": ["physical_accessibility"],
    "adapted_equipment": ["equipment", "access_to_work", "funded_support"],
    "personal_care_support": ["access_to_work", "funded_support"],
    "on_site_job_coaching": ["job_coach"],
    "job_carving": ["job_restructuring", "reassignment"],
    "time_off_for_appointments": ["modified_schedule"],
    "benefits_counselling": ["agency"],
}
# Functional dimensions: the offers that support a one-level shortfall, and the need it becomes.
DIMS = {
    "lifting": (["equipment", "job_restructuring"], "adapted_equipment"),
    "standing": (["equipment", "job_restructuring"], "adapted_equipment"),
    "walking": (["physical_accessibility", "job_restructuring"], "physical_access"),
    "endurance": (["modified_schedule", "job_restructuring"], "reduced_hours_phased_start"),
    "dexterity": (["equipment", "access_to_work"], "adapted_equipment"),
    "orienting": (["mentor", "buddy"], "structured_task_instruction"),
    "work_rate": (["job_restructuring", "modified_schedule"], "job_carving"),
    "reading": (["adjusted_training", "readers_interpreters"], "written_visual_instructions"),
    "numeracy": (["adjusted_training", "equipment"], "structured_task_instruction"),
    "communication": (["readers_interpreters", "mentor"], "communication_support"),
    "memory": (["adjusted_training", "mentor"], "written_visual_instructions"),
    "attention": (["equipment", "job_restructuring"], "quiet_workspace"),
}

# --------------------------------------------------------------------------------------------
# Reading

def load_records(text):
    """The records of a jobmatch/1 document: a record, an array of records, a collection
    ({"candidates": [...], "jobs": [...]}) or JSON Lines.  Returns (candidates, jobs) lists of
    dicts."""
    try:
        docs = [json.loads(text)]
    except json.JSONDecodeError:
        docs = [json.loads(line) for line in text.splitlines() if line.strip()]
    cands, jobs = [], []
    for d in docs:
        items = d if isinstance(d, list) else [d]
        for it in items:
            if "type" not in it and ("candidates" in it or "jobs" in it):
                cands.extend(it.get("candidates") or [])
                jobs.extend(it.get("jobs") or [])
            elif it.get("type") == "candidate":
                cands.append(it)
            elif it.get("type") == "job":
                jobs.append(it)
    return cands, jobs


def load(path, kind):
    """The candidates (kind "candidate") or jobs ("job") of a file, as dicts."""
    with open(path, encoding="utf-8-sig") as f:
        cands, jobs = load_records(f.read())
    return cands if kind == "candidate" else jobs


_LOWER = {c: c + 32 for c in range(ord("A"), ord("Z") + 1)}


def ascii_lower(s):
    return s.translate(_LOWER)


def num(v):
    return NAN if v is None else float(v)


def tristate(v):
    return None if v is None else bool(v)


class Occ:
    """An occupation: label (and its ASCII-lower-case key), ESCO URI, ISCO/ESCO code, O*NET-SOC."""
    __slots__ = ("label", "key", "esco", "isco", "onet")

    def __init__(self, d):
        self.label = d.get("label") or None
        self.key = ascii_lower(self.label) if self.label else None
        self.esco = d.get("esco") or None
        self.isco = d.get("isco") or None
        self.onet = d.get("onet") or None

    def known(self):
        return bool(self.label or self.esco or self.isco or self.onet)


def parse_week(w):
    """A week object as a 336-bit integer (bit k = slot k, Monday 00:00 first)."""
    bits = 0
    if not w:
        return 0
    for day, name in enumerate(DAYS):
        for r in w.get(name) or ():
            start = int(r[0:2]) * 60 + int(r[3:5])
            end = int(r[6:8]) * 60 + int(r[9:11])
            if end < start:
                end += 1440
            first, last = start // 30, (end + 29) // 30
            if last - first > WEEK_SLOTS:
                last = first + WEEK_SLOTS
            base = day * 48
            for s in range(first, last):
                bits |= 1 << ((base + s) % WEEK_SLOTS)
    return bits


def parse_interests(d):
    """(scores or None, first letter of the code or None)."""
    if not d:
        return None, None
    scores = None
    if all(d.get(k) is not None for k in RIASEC):
        scores = [float(d[k]) for k in RIASEC]
    code = d.get("code")
    return scores, (code[0].upper() if code else None)


class Candidate:
    __slots__ = ("id", "wanted", "avoided", "history", "hours_min", "hours_ideal", "hours_max",
                 "hours_firm", "avail", "lat", "lon", "area", "modes", "max_commute",
                 "wage_floor", "wage_firm", "env", "int_scores", "int_code", "values", "skills",
                 "has_licences", "licences", "right_to_work", "background_check", "abilities",
                 "has_needs", "needs", "benefits")


class Job:
    __slots__ = ("id", "occ", "competitive", "integrated", "wage", "hours_min", "hours_max",
                 "sched", "sched_count", "lat", "lon", "area", "public_transport", "accessible",
                 "env", "int_scores", "int_code", "values", "skills", "licences",
                 "right_to_work", "background_check", "demands", "has_supports", "offers",
                 "coach_on_site", "training_weeks")


def prepare_candidate(d):
    """A candidate dict as the engine reads it."""
    if isinstance(d, Candidate):
        return d
    c = Candidate()
    c.id = d["id"]
    p = d.get("preferences") or {}
    jt = p.get("job_types") or {}
    c.wanted = [(Occ(w), float(w["weight"]) if w.get("weight") is not None else 1.0)
                for w in jt.get("wanted") or ()]
    c.avoided = [Occ(a) for a in jt.get("avoided") or ()]
    c.history = [(Occ(h["job_type"]), tristate(h.get("liked"))) for h in d.get("work_history") or ()]
    h = p.get("hours")
    c.hours_min = c.hours_ideal = c.hours_max = NAN
    c.hours_firm = False
    if h and not (h.get("min") is None and h.get("ideal") is None and h.get("max") is None):
        c.hours_min = num(h.get("min")) if h.get("min") is not None else 0.0
        c.hours_max = num(h.get("max")) if h.get("max") is not None else 168.0
        c.hours_ideal = num(h.get("ideal"))
        c.hours_firm = bool(h.get("firm"))
    c.avail = parse_week(p.get("availability"))
    loc = p.get("location") or {}
    c.lat, c.lon = (float(loc["lat"]), float(loc["lon"])) if loc.get("lat") is not None else (NAN, NAN)
    c.area = ascii_lower(loc["area"]) if loc.get("area") else None
    cm = p.get("commute") or {}
    c.modes = 0
    for m in cm.get("modes") or ():
        c.modes |= 1 << MODES.index(m)
    c.max_commute = num(cm.get("max_minutes"))
    w = p.get("wage") or {}
    c.wage_floor = num(w.get("floor"))
    c.wage_firm = bool(w.get("firm"))
    env = p.get("environment") or {}
    c.env = []
    for k, dim in enumerate(ENV_DIMS):
        t = env.get(dim)
        if t:
            lo = t.get("min")
            hi = t.get("max")
            c.env.append((k, 0.0 if lo is None else float(lo), 4.0 if hi is None else float(hi),
                          IMPORTANCE[t.get("importance") or "medium"]))
    c.int_scores, c.int_code = parse_interests(p.get("interests"))
    wv = p.get("work_values") or {}
    c.values = [num(wv.get(v)) for v in VALUES]
    c.skills = {}
    for s in d.get("skills") or ():
        c.skills.setdefault(s["id"], num(s.get("level")))
    lic = d.get("licences")
    c.has_licences = lic is not None
    c.licences = set(lic or ())
    c.right_to_work = tristate(d.get("right_to_work"))
    c.background_check = tristate(d.get("background_check"))
    c.abilities = {k: int(v) for k, v in (d.get("abilities") or {}).items() if v is not None}
    needs = d.get("support_needs")
    c.has_needs = needs is not None
    c.needs = [(n["type"], INTENSITY[n.get("intensity") or "medium"], bool(n.get("essential")))
               for n in needs or ()]
    b = d.get("benefits")
    if b is None:
        c.benefits = None
    else:
        c.benefits = (num(b.get("max_hours_per_week")), num(b.get("max_earnings")),
                      (b.get("period") or "week") == "month", b.get("goal") or "undecided",
                      bool(b.get("firm")))
    return c


def prepare_job(d):
    """A job dict as the engine reads it."""
    if isinstance(d, Job):
        return d
    j = Job()
    j.id = d["id"]
    o = d.get("occupation")
    j.occ = Occ(o) if o else None
    if j.occ is not None and not j.occ.known():
        j.occ = None
    j.competitive = tristate(d.get("competitive"))
    j.integrated = tristate(d.get("integrated"))
    j.wage = num(d.get("wage"))
    h = d.get("hours") or {}
    lo, hi = num(h.get("min")), num(h.get("max"))
    j.hours_min = hi if isnan(lo) else lo
    j.hours_max = lo if isnan(hi) else hi
    j.sched = parse_week(d.get("schedule"))
    j.sched_count = j.sched.bit_count()
    loc = d.get("location") or {}
    j.lat, j.lon = (float(loc["lat"]), float(loc["lon"])) if loc.get("lat") is not None else (NAN, NAN)
    j.area = ascii_lower(loc["area"]) if loc.get("area") else None
    j.public_transport = tristate(loc.get("public_transport"))
    j.accessible = tristate(loc.get("accessible"))
    env = d.get("environment") or {}
    j.env = [num(env.get(k)) for k in ENV_DIMS]
    j.int_scores, j.int_code = parse_interests(d.get("interests"))
    wv = d.get("work_values") or {}
    j.values = [num(wv.get(v)) for v in VALUES]
    j.skills = []
    for s in d.get("skills") or ():
        ess = s.get("essential")
        j.skills.append((s["id"], num(s.get("level")), True if ess is None else bool(ess),
                         s.get("trainable") is not False))
    legal = d.get("legal") or {}
    j.licences = {}
    for lic in legal.get("licences") or ():
        if isinstance(lic, str):
            lid, obt = lic, False
        else:
            lid, obt = lic["id"], bool(lic.get("obtainable"))
        j.licences[lid] = j.licences.get(lid, False) or obt
    j.right_to_work = bool(legal.get("right_to_work"))
    j.background_check = bool(legal.get("background_check"))
    j.demands = [(k, int(v)) for k, v in (d.get("demands") or {}).items() if v is not None]
    sup = d.get("supports")
    j.has_supports = sup is not None
    sup = sup or {}
    j.offers = set(sup.get("offers") or ())
    j.coach_on_site = tristate(sup.get("job_coach_on_site"))
    j.training_weeks = num(sup.get("training_weeks"))
    return j

# --------------------------------------------------------------------------------------------
# Formulas (the pure functions of libjobmatch/factors/*.c)

def clamp(x, lo, hi):
    return lo if x < lo else (hi if x > hi else x)


def _isco_shared_digits(a, b):
    n = 0
    while n < 4 and n < len(a) and n < len(b) and a[n].isdigit() and a[n] == b[n]:
        n += 1
    return n


def _onet_shape(s):
    return len(s) >= 4 and s[0].isdigit() and s[1].isdigit() and s[2] == "-" and s[3].isdigit()


def _onet_similarity(a, b):
    if not _onet_shape(a) or not _onet_shape(b):
        return 0.0
    if len(a) >= 7 and len(b) >= 7 and a[:7] == b[:7]:
        return 0.75
    if len(a) >= 6 and len(b) >= 6 and a[:6] == b[:6]:
        return 0.5
    if a[:4] == b[:4]:
        return 0.25
    return 0.0


_ISCO_SIM = (0.0, 0.0, 0.25, 0.5, 0.75)


def occ_similarity(a, b):
    if a.esco and b.esco and a.esco == b.esco:
        return 1.0
    if a.onet and b.onet and a.onet == b.onet:
        return 1.0
    if a.isco and b.isco and a.isco == b.isco:
        return 1.0
    if a.key and b.key and a.key == b.key:
        return 1.0
    best = 0.0
    if a.isco and b.isco:
        best = _ISCO_SIM[_isco_shared_digits(a.isco, b.isco)]
    if a.onet and b.onet:
        best = max(best, _onet_similarity(a.onet, b.onet))
    return best


def hours_score_at(h, lo, ideal, hi, inside_min, falloff):
    inside_min = clamp(inside_min, 0.0, 1.0)
    if h == ideal:
        return 1.0
    if lo <= h < ideal:
        return 1.0 - (1.0 - inside_min) * (ideal - h) / (ideal - lo)
    if ideal < h <= hi:
        return 1.0 - (1.0 - inside_min) * (h - ideal) / (hi - ideal)
    beyond = lo - h if h < lo else h - hi
    if not falloff > 0.0 or beyond >= falloff:
        return 0.0
    return inside_min * (1.0 - beyond / falloff)


def candidate_range(c):
    """(min, ideal, max) or None when the person states no hours preference."""
    lo = 0.0 if isnan(c.hours_min) else c.hours_min
    hi = 168.0 if isnan(c.hours_max) else c.hours_max
    ideal = c.hours_ideal
    if isnan(ideal):
        if lo <= 0.0 and hi >= 168.0:
            return None
        ideal = lo if hi >= 168.0 else (lo + hi) / 2.0
    return min(lo, ideal), ideal, max(hi, ideal)


def job_range(j):
    if isnan(j.hours_min) and isnan(j.hours_max):
        return None
    lo = j.hours_max if isnan(j.hours_min) else j.hours_min
    hi = j.hours_min if isnan(j.hours_max) else j.hours_max
    return lo, max(hi, lo)


def haversine_km(lat1, lon1, lat2, lon2):
    rad = PI / 180.0
    p1, p2 = lat1 * rad, lat2 * rad
    dp, dl = (lat2 - lat1) * rad, (lon2 - lon1) * rad
    s1, s2 = math.sin(dp / 2.0), math.sin(dl / 2.0)
    a = s1 * s1 + math.cos(p1) * math.cos(p2) * s2 * s2
    a = clamp(a, 0.0, 1.0)
    return 2.0 * EARTH_RADIUS_KM * math.atan2(math.sqrt(a), math.sqrt(1.0 - a))


def commute_score(minutes, max_minutes, full_share):
    full = full_share * max_minutes
    if minutes <= full:
        return 1.0
    if minutes >= max_minutes:
        return 0.0
    return (max_minutes - minutes) / (max_minutes - full)


def riasec_correlation(a, b):
    ma = mb = 0.0
    for x in a:
        ma += x
    for x in b:
        mb += x
    ma /= 6
    mb /= 6
    sab = saa = sbb = 0.0
    for x, y in zip(a, b):
        da, db = x - ma, y - mb
        sab += da * db
        saa += da * da
        sbb += db * db
    if saa <= 1e-12 or sbb <= 1e-12:
        return NAN
    return clamp(sab / math.sqrt(saa * sbb), -1.0, 1.0)


def first_letter(scores, code):
    if code:
        return code
    if scores is None:
        return None
    best = 0
    for i in range(6):
        if scores[i] > scores[best]:
            best = i
    if all(s == scores[0] for s in scores):
        return None
    return RIASEC[best]


def hexagon_distance(a, b):
    d = abs(RIASEC.index(a) - RIASEC.index(b))
    return 6 - d if d > 3 else d


def wage_score(wage, floor_, falloff):
    if wage >= floor_:
        return 1.0
    if not falloff > 0.0:
        return 0.0
    bottom = floor_ * (1.0 - min(falloff, 1.0))
    if wage <= bottom:
        return 0.0
    return (wage - bottom) / (floor_ - bottom)


def benefits_limit_score(value, limit, falloff):
    if isnan(limit) or isnan(value) or value <= limit:
        return 1.0
    if not falloff > 0.0:
        return 0.0
    top = limit * (1.0 + falloff)
    if value >= top:
        return 0.0
    return (top - value) / (top - limit)


def skill_credit(has, cand_level, required, trainable, tc):
    if not has:
        return clamp(tc, 0.0, 1.0) if trainable else 0.0
    if isnan(cand_level) or isnan(required) or cand_level >= required or required <= 0.0:
        return 1.0
    r = cand_level / required if cand_level > 0.0 else 0.0
    if trainable and r < tc:
        r = tc
    return clamp(r, 0.0, 1.0)


def functional_credit(ability, demand, supported):
    short = demand - ability
    if short <= 0:
        return 1.0
    if short == 1:
        return SHORT1_SUPPORTED if supported else SHORT1_UNSUPPORTED
    return SHORT2_SUPPORTED if supported else SHORT2_UNSUPPORTED


def plan_status(j, need_type):
    """1 met, 0.5 to negotiate, 0 unmet: who meets a need of this type at job j."""
    if need_type == "physical_access" and j.accessible is True:
        return 1.0
    for by in NEED_MET_BY.get(need_type, ()):
        if by == "job_coach":
            if j.coach_on_site is True:
                return 1.0
        elif by == "agency":
            return 1.0
        elif by in j.offers:
            return 1.0
    return 0.0 if j.has_supports else 0.5

# --------------------------------------------------------------------------------------------
# Scoring one pair

def score_pair(c, j):
    """(total, confidence, feasible, factors): factors maps each factor name to its score, or
    None when it has no data."""
    c = prepare_candidate(c)
    j = prepare_job(j)
    S = [None] * 14  # factor scores; None = no data
    excluded = False

    # job type
    jo = j.occ
    if jo is not None:
        for a in c.avoided:
            sim = occ_similarity(a, jo)
            if sim > 0.0 and sim >= AVOID_SIMILARITY:
                excluded = True
        best = 0.0
        for occ, w in c.wanted:
            if isnan(w) or w <= 0.0:
                w = 1.0
            s = w * occ_similarity(occ, jo)
            if s > best:
                best = s
        n_liked = 0
        disliked = False
        for occ, liked in c.history:
            sim = occ_similarity(occ, jo)
            if liked is True:
                n_liked += 1
                s = HISTORY_LIKED * sim
                if s > best:
                    best = s
            elif liked is False and sim >= DISLIKED_SIMILARITY:
                disliked = True
        positive = bool(c.wanted) or n_liked > 0
        if positive:
            S[0] = best * HISTORY_DISLIKED if disliked else best
        elif disliked:
            S[0] = 0.5 * HISTORY_DISLIKED

    # hours
    cr = candidate_range(c)
    jr = job_range(j)
    if cr is not None and jr is not None:
        lo, ideal, hi = cr
        h = clamp(ideal, jr[0], jr[1])
        S[1] = hours_score_at(h, lo, ideal, hi, HOURS_INSIDE_MIN, HOURS_FALLOFF)
        if c.hours_firm:
            if not isnan(c.hours_max) and not isnan(j.hours_min) and j.hours_min > c.hours_max:
                excluded = True
            if not isnan(c.hours_min) and not isnan(j.hours_max) and j.hours_max < c.hours_min:
                excluded = True

    # schedule
    if c.avail and j.sched:
        covered = (c.avail & j.sched).bit_count()
        share = covered / j.sched_count
        S[2] = share
        if covered == 0 or share < SCHEDULE_MIN_SHARE:
            excluded = True

    # commute
    modes = c.modes & 63
    if modes == 0:
        modes = (1 << PT) | 1
    if j.public_transport is False:
        modes &= ~(1 << PT)
    has_max = not isnan(c.max_commute)
    if modes == 0:
        if has_max:
            S[3] = 0.0
            excluded = True
    elif not isnan(c.lat) and not isnan(j.lat):
        kmd = haversine_km(c.lat, c.lon, j.lat, j.lon) * DETOUR_FACTOR
        best = math.inf
        for m in range(6):
            if modes >> m & 1:
                t = kmd / SPEED_KMH[m] * 60.0 + OVERHEAD_MIN[m]
                if t < best:
                    best = t
        if has_max:
            S[3] = commute_score(best, c.max_commute, COMMUTE_FULL_SHARE)
            if best > c.max_commute:
                excluded = True
    elif c.area and j.area and c.area == j.area and has_max:
        S[3] = 1.0

    # environment
    wsum = total = 0.0
    rated = 0
    for k, lo, hi, imp in c.env:
        level = j.env[k]
        if isnan(level):
            continue
        excess = lo - level if level < lo else (level - hi if level > hi else 0.0)
        s = 1.0 if excess <= 0.0 else max(0.0, 1.0 - excess / ENV_EXCESS_SPAN)
        w = IMPORTANCE_WEIGHT[imp]
        rated += 1
        if w > 0.0:
            wsum += w
            total += w * s
        if excess > 0.0 and imp == MUST:
            excluded = True
    if rated:
        S[4] = total / wsum  # every importance weighs more than 0 in the default profile

    # interests
    if (c.int_scores or c.int_code) and (j.int_scores or j.int_code):
        r = NAN
        if c.int_scores and j.int_scores:
            r = riasec_correlation(c.int_scores, j.int_scores)
        if not isnan(r):
            S[5] = (r + 1.0) / 2.0
        else:
            a, b = first_letter(c.int_scores, c.int_code), first_letter(j.int_scores, j.int_code)
            if a and b:
                S[5] = 1.0 - hexagon_distance(a, b) / 3.0

    # work values
    wsum = total = 0.0
    for w, e in zip(c.values, j.values):
        if isnan(w) or isnan(e) or w <= 0.0:
            continue
        wsum += w
        total += w * clamp((e - 1.0) / 6.0, 0.0, 1.0)
    if wsum > 0.0:
        S[6] = total / wsum

    # wage
    if not isnan(c.wage_floor) and not isnan(j.wage):
        S[7] = wage_score(j.wage, c.wage_floor, WAGE_FALLOFF)
        if c.wage_firm and j.wage < c.wage_floor:
            excluded = True

    # benefits
    if c.benefits is not None:
        max_h, max_e, monthly, goal, firm = c.benefits
        if not (isnan(max_h) and isnan(max_e)):
            h = NAN
            if cr is not None and jr is not None:
                h = clamp(cr[1], jr[0], jr[1])
            if isnan(h):
                h = j.hours_min
            if isnan(h):
                h = j.hours_max
            check_h = not isnan(max_h) and not isnan(h)
            check_e = not isnan(max_e) and not isnan(h) and not isnan(j.wage)
            if check_h or check_e:
                score = 1.0
                over = False
                if check_h:
                    score = min(score, benefits_limit_score(h, max_h, BENEFITS_FALLOFF))
                    over = h > max_h
                if check_e:
                    earnings = h * j.wage
                    if monthly:
                        earnings = earnings * 52.0 / 12.0
                    score = min(score, benefits_limit_score(earnings, max_e, BENEFITS_FALLOFF))
                    over = over or earnings > max_e
                if goal == "exit":
                    S[8] = 1.0
                else:
                    S[8] = score
                    if over and firm:
                        excluded = True

    # skills
    if j.skills:
        se = so = 0.0
        ne = no = 0
        cs = c.skills
        for sid, req, ess, trainable in j.skills:
            lvl = cs.get(sid)
            credit = skill_credit(lvl is not None, NAN if lvl is None else lvl, req, trainable,
                                  TRAINABLE_CREDIT)
            if ess:
                ne += 1
                se += credit
            else:
                no += 1
                so += credit
        if ne and no:
            S[9] = ESSENTIAL_SHARE * (se / ne) + (1.0 - ESSENTIAL_SHARE) * (so / no)
        elif ne:
            S[9] = se / ne
        else:
            S[9] = so / no

    # functional demands, and the support needs shortfalls become
    fsum = 0.0
    known = 0
    derived = {}  # need type -> the highest intensity its shortfalls need
    for dim, demand in j.demands:
        ability = c.abilities.get(dim)
        if ability is None:
            continue
        known += 1
        spec = DIMS.get(dim)
        supported = j.coach_on_site is True or (
            spec is not None and any(o in j.offers for o in spec[0]))
        fsum += functional_credit(ability, demand, supported)
        short = demand - ability
        if short > 0 and spec is not None:
            derived[spec[1]] = max(derived.get(spec[1], 0), 2 if short == 1 else 3)
    if known:
        S[10] = fsum / known

    # support
    if c.has_needs or c.needs or derived:
        if not c.needs and not derived:
            S[11] = 1.0
        else:
            weight = met = 0.0
            n = n_neg = 0
            planned = set()
            for t, intensity, ess in c.needs:
                st = plan_status(j, t)
                w = NEED_WEIGHT[intensity] * (ESSENTIAL_MULTIPLIER if ess else 1.0)
                n += 1
                weight += w
                met += st * w
                n_neg += st == 0.5
                planned.add(t)
            for t, intensity in derived.items():
                if t in planned:
                    continue
                st = plan_status(j, t)
                w = NEED_WEIGHT[intensity]
                n += 1
                weight += w
                met += st * w
                n_neg += st == 0.5
            if n_neg != n:
                S[11] = met / weight

    # legal essentials
    if j.licences or j.right_to_work or j.background_check:
        legal_excl = False
        if c.has_licences or c.licences:
            for lid, obtainable in j.licences.items():
                if lid not in c.licences and not obtainable:
                    legal_excl = True
        if j.right_to_work and c.right_to_work is False:
            legal_excl = True
        if j.background_check and c.background_check is False:
            legal_excl = True
        S[12] = 0.0 if legal_excl else 1.0
        excluded = excluded or legal_excl

    # programme rules
    if COMPETITIVE_ONLY or INTEGRATED_ONLY or not isnan(MIN_WAGE):
        prog_excl = (COMPETITIVE_ONLY and j.competitive is False) or \
                    (INTEGRATED_ONLY and j.integrated is False) or \
                    (not isnan(MIN_WAGE) and not isnan(j.wage) and j.wage < MIN_WAGE)
        S[13] = 0.0 if prog_excl else 1.0
        excluded = excluded or prog_excl

    # totals
    numer = with_data = every = 0.0
    for w, s in zip(WEIGHTS, S):
        if w <= 0.0:
            continue
        every += w
        if s is not None:
            s = 0.0 if isnan(s) else clamp(s, 0.0, 1.0)
            with_data += w
            numer += w * s
    total = numer / with_data if with_data > 0.0 else 0.5
    confidence = with_data / every if every > 0.0 else 0.0
    return total, confidence, not excluded, dict(zip(FACTORS, S))


def score_matrix(candidates, jobs):
    """(totals, feasible): lists of lists, row i for candidates[i], column k for jobs[k]."""
    cs = [prepare_candidate(c) for c in candidates]
    js = [prepare_job(j) for j in jobs]
    totals, feasible = [], []
    for c in cs:
        row_t, row_f = [], []
        for j in js:
            t, _, f, _ = score_pair(c, j)
            row_t.append(t)
            row_f.append(f)
        totals.append(row_t)
        feasible.append(row_f)
    return totals, feasible


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip().split("\n\n")[0], file=sys.stderr)
        print("usage: peer_python.py CANDIDATES JOBS", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    cands, jobs = load(argv[0], "candidate"), load(argv[1], "job")
    t1 = time.perf_counter()
    totals, feasible = score_matrix(cands, jobs)
    t2 = time.perf_counter()
    n = len(cands) * len(jobs)
    share = sum(map(sum, feasible)) / n if n else 0.0
    print(f"{len(cands)} x {len(jobs)} pairs: {share:.1%} feasible; read {t1 - t0:.2f} s, "
          f"scored {t2 - t1:.2f} s ({n / (t2 - t1) if t2 > t1 else 0:.0f} pairs/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
