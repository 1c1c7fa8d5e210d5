#!/usr/bin/python3
"""A vectorised numpy/scipy peer of the libjobmatch engine: the same scoring model as the
built-in "ips-default" profile (docs/SCORING.md), computed for the whole candidates x jobs matrix
at once.

    import peer_numpy as pn
    cands = pn.load("candidates.jsonl", "candidate")
    jobs = pn.load("jobs.jsonl", "job")
    totals, feasible = pn.score_matrix(cands, jobs)             # float64 and bool arrays
    totals, feasible, confidence = pn.score_matrix(cands, jobs, confidence=True)

How the factors are vectorised:

- skills: sparse CSR matrices, candidate x skill (one per distinct candidate level) and job x
  skill (what each job skill adds to its "missing" credit when held at that level); their
  products give every pair's essential and optional credit sums;
- schedule: dense 0/1 week grids of 336 half-hour slots; overlap = availability @ schedule.T;
- environment, functional demands and the support needs shortfalls become: job-side one-hot
  states (a level on a dimension; a demand with or without a support in place) against
  candidate-side tables of what each state is worth, in matrix products;
- support: per need type, whether each job meets it (met / to negotiate / unmet), combined with
  the candidates' need weights by (sparse) matrix products;
- job type, hours, wage, benefits, interests, work values, legal: broadcasting of candidate
  columns against the distinct job-side values (jobs share occupations, hours, wages, ...), then
  one gather per factor into the full matrix;
- commute: broadcasting of the haversine distance over (candidate, job) pairs, for the
  candidates with a maximum commute, with the fastest of their transport modes.

Records are read with the json module and normalised by peer_python (the reading rules of the
library's JSON reader live in one place).  Jobs are scored in column blocks so that memory stays
bounded for large matrices.  Sums are taken in a different order than the C engine's, so totals
agree to about 1e-15, not bit for bit.
"""

import math
import os
import sys
import time

import numpy as np
import scipy.sparse as sp

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_python as pp  # noqa: E402  (the shared reader and the profile's constants)

__all__ = ["load", "score_matrix"]

load = pp.load
NAN = math.nan
W = dict(zip(pp.FACTORS, pp.WEIGHTS))
BLOCK_PAIRS = 4_000_000  # pairs per block of jobs
SENTINEL = -1.0e300      # stands for NaN where rows are compared


class _Ids:
    """Interns strings as small integers (-1 for None)."""

    def __init__(self):
        self.ids = {}

    def __call__(self, s):
        if s is None:
            return -1
        return self.ids.setdefault(s, len(self.ids))


def _unique_rows(a):
    """Distinct rows of a 2-D float array (NaN equal to NaN): (rows, inverse index)."""
    a = np.where(np.isnan(a), SENTINEL, a)
    u, inv = np.unique(a, axis=0, return_inverse=True)
    return np.where(u == SENTINEL, NAN, u), inv.reshape(-1)


def _prefix(s, k, digits_only):
    if s is None or len(s) < k:
        return None
    p = s[:k]
    if digits_only and not p.isdigit():
        return None
    return p


class _OccTable:
    """Distinct occupations and, for each, integer ids of its codes and code prefixes."""

    FIELDS = ("esco", "onet", "isco", "key", "i2", "i3", "i4", "o4", "o6", "o7")

    def __init__(self):
        self.index = {}
        self.rows = []
        self.ids = {f: _Ids() for f in self.FIELDS}

    def add(self, occ):
        key = (occ.esco, occ.onet, occ.isco, occ.key)
        i = self.index.get(key)
        if i is None:
            i = self.index[key] = len(self.rows)
            onet_ok = occ.onet is not None and pp._onet_shape(occ.onet)
            vals = {"esco": occ.esco, "onet": occ.onet, "isco": occ.isco, "key": occ.key,
                    "i2": _prefix(occ.isco, 2, True), "i3": _prefix(occ.isco, 3, True),
                    "i4": _prefix(occ.isco, 4, True),
                    "o4": _prefix(occ.onet, 4, False) if onet_ok else None,
                    "o6": _prefix(occ.onet, 6, False) if onet_ok else None,
                    "o7": _prefix(occ.onet, 7, False) if onet_ok else None}
            self.rows.append([self.ids[f](vals[f]) for f in self.FIELDS])
        return i

    def similarity(self):
        """jm_occ_similarity between every pair of the table's occupations."""
        a = np.array(self.rows, dtype=np.int64).reshape(-1, len(self.FIELDS))
        col = {f: a[:, k] for k, f in enumerate(self.FIELDS)}

        def eq(f):
            x = col[f]
            return (x[:, None] == x[None, :]) & (x >= 0)[:, None]

        exact = eq("esco") | eq("onet") | eq("isco") | eq("key")
        isco = np.where(eq("i4"), 0.75, np.where(eq("i3"), 0.5, np.where(eq("i2"), 0.25, 0.0)))
        onet = np.where(eq("o7"), 0.75, np.where(eq("o6"), 0.5, np.where(eq("o4"), 0.25, 0.0)))
        return np.where(exact, 1.0, np.maximum(isco, onet))


def _slots(rows, fill, dtype):
    """A ragged list of lists as a padded 2-D array (at least one column)."""
    width = max((len(r) for r in rows), default=0)
    out = np.full((len(rows), max(width, 1)), fill, dtype=dtype)
    for i, r in enumerate(rows):
        if r:
            out[i, :len(r)] = r
    return out


def _week_grid(bits_list):
    """336-bit integers as a dense 0/1 matrix (float32: BLAS products of counts stay exact)."""
    raw = b"".join(b.to_bytes(42, "little") for b in bits_list)
    u8 = np.frombuffer(raw, dtype=np.uint8).reshape(len(bits_list), 42)
    return np.unpackbits(u8, axis=1, bitorder="little")[:, :pp.WEEK_SLOTS].astype(np.float32)


def _letter(scores, code):
    x = pp.first_letter(scores, code)
    return -1 if x is None else pp.RIASEC.index(x)


def _effective_modes(bits):
    """The person's transport modes without those another of their modes always beats: with
    the same or a higher speed and the same or a smaller overhead, the other mode's estimated
    time is never longer (division, multiplication and addition round monotonically), so the
    fastest time is unchanged.  Of two equal modes (car, lift) the first is kept."""
    speed, over = pp.SPEED_KMH, pp.OVERHEAD_MIN
    eff = bits
    for m in range(6):
        if not bits >> m & 1:
            continue
        for b in range(6):
            if b == m or not bits >> b & 1 or not speed[b] > 0.0:
                continue
            if speed[b] >= speed[m] and over[b] <= over[m] and \
                    (speed[b] > speed[m] or over[b] < over[m] or b < m):
                eff &= ~(1 << m)
                break
    return eff


class _Context:
    """What candidates and jobs share: interned ids and the profile's vocabulary."""

    def __init__(self, cs, js):
        self.occs = _OccTable()
        self.skills, self.licences, self.needs, self.areas = _Ids(), _Ids(), _Ids(), _Ids()
        for t in pp.NEED_MET_BY:
            self.needs(t)
        for c in cs:
            for t, _, _ in c.needs:
                self.needs(t)
        self.dims = {d: k for k, d in enumerate(pp.DIMS)}
        for x in cs:
            for d in x.abilities:
                self.dims.setdefault(d, len(self.dims))
        for x in js:
            for d, _ in x.demands:
                self.dims.setdefault(d, len(self.dims))
        # need types that functional shortfalls become, with their dimensions (vocabulary order)
        self.derived = {}
        for d, (_, need) in pp.DIMS.items():
            self.derived.setdefault(need, []).append(self.dims[d])


class _Candidates:
    """Per-candidate columns (shape (n, 1)) and tables."""

    def __init__(self, cs, ctx):
        n = self.n = len(cs)

        def col(vals, dt=np.float64):
            return np.array(vals, dtype=dt).reshape(n, 1)

        occs = ctx.occs
        # job type
        self.want = _slots([[occs.add(o) for o, _ in c.wanted] for c in cs], -1, np.int64)
        self.want_w = _slots([[w if w > 0 else 1.0 for _, w in c.wanted] for c in cs], 0.0,
                             np.float64)
        self.avoid = _slots([[occs.add(o) for o in c.avoided] for c in cs], -1, np.int64)
        self.liked = _slots([[occs.add(o) for o, lk in c.history if lk is True] for c in cs], -1,
                            np.int64)
        self.disliked = _slots([[occs.add(o) for o, lk in c.history if lk is False] for c in cs],
                               -1, np.int64)
        self.positive = col([bool(c.wanted) or any(lk is True for _, lk in c.history)
                             for c in cs], bool)
        # hours
        rng = [pp.candidate_range(c) for c in cs]
        self.has_hours = col([r is not None for r in rng], bool)
        self.h_min = col([r[0] if r else NAN for r in rng])
        self.h_ideal = col([r[1] if r else NAN for r in rng])
        self.h_max = col([r[2] if r else NAN for r in rng])
        self.h_min_raw = col([c.hours_min for c in cs])
        self.h_max_raw = col([c.hours_max for c in cs])
        self.h_firm = col([c.hours_firm for c in cs], bool)
        # schedule
        self.avail = _week_grid([c.avail for c in cs])
        self.has_avail = col([c.avail != 0 for c in cs], bool)
        # commute
        self.lat = col([c.lat for c in cs])
        self.lon = col([c.lon for c in cs])
        self.area = col([ctx.areas(c.area) for c in cs], np.int64)
        modes = [c.modes & 63 or (1 << pp.PT) | 1 for c in cs]
        self.modes = col([_effective_modes(m) for m in modes], np.int64)
        self.max_commute = col([c.max_commute for c in cs])
        # environment: tolerances per dimension (importance 0 = not given)
        self.env_imp = np.zeros((n, 8), dtype=np.int64)
        self.env_lo = np.zeros((n, 8))
        self.env_hi = np.full((n, 8), 4.0)
        for i, c in enumerate(cs):
            for k, lo, hi, imp in c.env:
                self.env_imp[i, k], self.env_lo[i, k], self.env_hi[i, k] = imp, lo, hi
        # interests
        self.has_int = col([bool(c.int_scores or c.int_code) for c in cs], bool)
        self.has_scores = col([c.int_scores is not None for c in cs], bool)
        self.scores = np.array([c.int_scores or [0.0] * 6 for c in cs], dtype=np.float64).reshape(n, 6)
        self.letter = col([_letter(c.int_scores, c.int_code) for c in cs], np.int64)
        # work values: the importance where it counts, else 0
        v = np.array([c.values for c in cs], dtype=np.float64).reshape(n, 6)
        self.values = np.where(~np.isnan(v) & (v > 0.0), v, 0.0)
        # wage
        self.floor = col([c.wage_floor for c in cs])
        self.wage_firm = col([c.wage_firm for c in cs], bool)
        # benefits
        b = [c.benefits or (NAN, NAN, False, "undecided", False) for c in cs]
        self.ben_set = col([c.benefits is not None and not (math.isnan(x[0]) and math.isnan(x[1]))
                            for c, x in zip(cs, b)], bool)
        self.ben_h = col([x[0] for x in b])
        self.ben_e = col([x[1] for x in b])
        self.ben_month = col([x[2] for x in b], bool)
        self.ben_exit = col([x[3] == "exit" for x in b], bool)
        self.ben_firm = col([x[4] for x in b], bool)
        # skills: (rows, skill ids) per distinct stated level (None: not stated)
        self.skill_levels = {}
        for i, c in enumerate(cs):
            for sid, lvl in c.skills.items():
                key = None if math.isnan(lvl) else lvl
                rows, cols = self.skill_levels.setdefault(key, ([], []))
                rows.append(i)
                cols.append(ctx.skills(sid))
        # legal
        self.has_lic = col([c.has_licences or bool(c.licences) for c in cs], bool)
        self.lic = [[ctx.licences(x) for x in c.licences] for c in cs]
        self.rtw_no = col([c.right_to_work is False for c in cs], bool)
        self.bg_no = col([c.background_check is False for c in cs], bool)
        # functional abilities per dimension (-1: not given)
        nd = len(ctx.dims)
        self.ability = np.full((n, nd), -1, dtype=np.int64)
        for i, c in enumerate(cs):
            for d, lvl in c.abilities.items():
                self.ability[i, ctx.dims[d]] = lvl
        # support needs: weight per stated type, and which types are stated
        nt = len(ctx.needs.ids)
        self.has_needs = col([c.has_needs or bool(c.needs) for c in cs], bool)
        self.n_needs = col([len(c.needs) for c in cs])
        rows, cols, vals = [], [], []
        for i, c in enumerate(cs):
            for t, k, e in c.needs:
                rows.append(i)
                cols.append(ctx.needs(t))
                vals.append(pp.NEED_WEIGHT[k] * (pp.ESSENTIAL_MULTIPLIER if e else 1.0))
        self.need_w = sp.csr_matrix((vals, (rows, cols)), shape=(n, nt))
        self.need_n = sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, nt))
        self.stated = (self.need_n > 0).toarray()
        self.need_weight = np.asarray(self.need_w.sum(axis=1)).reshape(n, 1)
        # derived needs: per need type, the candidate's state = its abilities on the type's
        # dimensions (base 4 digits, 0 = not given); one-hot rows, and the same with the types
        # the person already states left out (a stated need is not planned twice)
        blocks, masked = [], []
        for t, dims in ctx.derived.items():
            state = np.zeros(n, dtype=np.int64)
            for k, d in enumerate(dims):
                state += (self.ability[:, d] + 1) * 4 ** k
            oh = sp.csr_matrix((np.ones(n), (np.arange(n), state)), shape=(n, 4 ** len(dims)))
            blocks.append(oh)
            keep = ~self.stated[:, ctx.needs(t)]
            masked.append(sp.diags(keep.astype(np.float64)) @ oh)
        self.derived_oh = sp.hstack(blocks).tocsr()
        self.derived_oh_new = sp.hstack(masked).tocsr()


class _Jobs:
    """Per-job rows (shape (1, n)) and job-side state tables of one block of jobs."""

    def __init__(self, js, ctx):
        n = self.n = len(js)

        def row(vals, dt=np.float64):
            return np.array(vals, dtype=dt).reshape(1, n)

        # job type: distinct occupations (the last column stands for "unknown")
        occ = np.array([ctx.occs.add(j.occ) if j.occ is not None else -1 for j in js],
                       dtype=np.int64)
        self.occ_u, inv = np.unique(occ[occ >= 0], return_inverse=True)
        self.occ_inv = np.full(n, len(self.occ_u), dtype=np.int64)
        self.occ_inv[occ >= 0] = inv
        # hours: distinct (min, max, stated min, stated max)
        rng = [pp.job_range(j) for j in js]
        h = np.array([[r[0] if r else NAN, r[1] if r else NAN, j.hours_min, j.hours_max]
                      for r, j in zip(rng, js)], dtype=np.float64).reshape(n, 4)
        self.hours_u, self.hours_inv = _unique_rows(h)
        self.wage = row([j.wage for j in js])
        # benefits: distinct (hours state, wage)
        hw = np.column_stack([self.hours_inv.astype(np.float64), self.wage.reshape(n)])
        self.hw_u, self.hw_inv = _unique_rows(hw)
        # wage alone
        self.wage_u, self.wage_inv = _unique_rows(self.wage.reshape(n, 1))
        # schedule: distinct week grids
        grid = _week_grid([j.sched for j in js])
        self.sched_u, self.sched_inv = _unique_rows(grid.astype(np.float64))
        self.sched_u = self.sched_u.astype(np.float32)
        self.sched_n = self.sched_u.sum(axis=1, dtype=np.float64).reshape(1, -1)
        # commute
        self.lat = row([j.lat for j in js])
        self.lon = row([j.lon for j in js])
        self.area = row([ctx.areas(j.area) for j in js], np.int64)
        self.no_pt = row([j.public_transport is False for j in js], bool)
        # environment: one-hot (dimension, level) states
        env = np.array([j.env for j in js], dtype=np.float64).reshape(n, 8)
        self.env_levels, onehot = [], []
        for d in range(8):
            levels = np.unique(env[~np.isnan(env[:, d]), d])
            self.env_levels.append(levels)
            for v in levels:
                onehot.append(env[:, d] == v)
        self.env_onehot = np.array(onehot, dtype=np.float64).reshape(len(onehot), n)
        # interests: distinct (has scores, six scores, leading letter, has any)
        it = np.array([[j.int_scores is not None] + (j.int_scores or [0.0] * 6) +
                       [_letter(j.int_scores, j.int_code), bool(j.int_scores or j.int_code)]
                       for j in js], dtype=np.float64).reshape(n, 9)
        self.int_u, self.int_inv = _unique_rows(it)
        # work values: distinct extents
        self.val_u, self.val_inv = _unique_rows(
            np.array([j.values for j in js], dtype=np.float64).reshape(n, 6))
        # skills: (job, skill id, required level, essential, trainable) per job skill
        ent = [(k, ctx.skills(sid), lvl, e, t) for k, j in enumerate(js)
               for sid, lvl, e, t in j.skills]
        self.sk_job = np.array([x[0] for x in ent], dtype=np.int64)
        self.sk_id = np.array([x[1] for x in ent], dtype=np.int64)
        self.sk_req = np.array([x[2] for x in ent], dtype=np.float64)
        self.sk_ess = np.array([x[3] for x in ent], dtype=bool)
        self.sk_tr = np.array([x[4] for x in ent], dtype=bool)
        self.n_ess = row([sum(1 for s in j.skills if s[2]) for j in js])
        self.n_opt = row([sum(1 for s in j.skills if not s[2]) for j in js])
        tc = pp.clamp(pp.TRAINABLE_CREDIT, 0.0, 1.0)
        self.base_ess = row([sum(tc if s[3] else 0.0 for s in j.skills if s[2]) for j in js])
        self.base_opt = row([sum(tc if s[3] else 0.0 for s in j.skills if not s[2]) for j in js])
        # legal: distinct requirement sets (non-obtainable licences, right to work, check)
        legal = [(tuple(sorted(ctx.licences(x) for x, obt in j.licences.items() if not obt)),
                  j.right_to_work, j.background_check,
                  bool(j.licences) or j.right_to_work or j.background_check) for j in js]
        self.legal_u = sorted(set(legal))
        index = {x: k for k, x in enumerate(self.legal_u)}
        self.legal_inv = np.array([index[x] for x in legal], dtype=np.int64)
        self.competitive_no = row([j.competitive is False for j in js], bool)
        self.integrated_no = row([j.integrated is False for j in js], bool)
        # functional demands: per dimension, the demand (-1: none)
        nd = len(ctx.dims)
        demand = np.full((n, nd), -1, dtype=np.int64)
        supported = np.zeros((n, nd), dtype=bool)
        names = sorted(ctx.dims, key=ctx.dims.get)
        for k, j in enumerate(js):
            for d, lvl in j.demands:
                demand[k, ctx.dims[d]] = lvl
            coach = j.coach_on_site is True
            for d in names:
                spec = pp.DIMS.get(d)
                supported[k, ctx.dims[d]] = coach or (
                    spec is not None and any(o in j.offers for o in spec[0]))
        # one-hot (dimension, demand, supported) states, 6 per dimension
        state = np.where(demand >= 0, demand * 2 + supported, -1)
        self.func_onehot = np.zeros((nd * 6, n))
        for d in range(nd):
            ok = state[:, d] >= 0
            self.func_onehot[d * 6 + state[ok, d], np.nonzero(ok)[0]] = 1.0
        # support: per need type, met (1), to negotiate (0.5) or unmet (0) at each job
        types = sorted(ctx.needs.ids, key=ctx.needs.ids.get)
        self.status = np.array([[pp.plan_status(j, t) for j in js] for t in types],
                               dtype=np.float64).reshape(len(types), n)
        # derived needs: for each need type and each candidate state (abilities on the type's
        # dimensions), the need weight, met weight, count and to-negotiate count at each job;
        # the need's intensity is the highest any of its dimensions' shortfalls needs
        wt, met, has, neg = [], [], [], []
        for t, dims in ctx.derived.items():
            st = self.status[ctx.needs(t)]
            for s in range(4 ** len(dims)):
                inten = np.zeros(n, dtype=np.int64)
                for k, d in enumerate(dims):
                    a = (s // 4 ** k) % 4 - 1
                    if a < 0:
                        continue
                    short = np.where(demand[:, d] >= 0, demand[:, d] - a, 0)
                    inten = np.maximum(inten, np.where(short >= 2, 3, np.where(short == 1, 2, 0)))
                w = np.array(pp.NEED_WEIGHT)[inten]
                wt.append(w)
                met.append(w * st)
                has.append(inten > 0)
                neg.append((inten > 0) & (st == 0.5))
        self.derived = np.hstack([np.array(x, dtype=np.float64) for x in (wt, met, has, neg)])
        self.derived_has = np.array(has, dtype=np.float64)


def _skill_sums(C, J, n_skills):
    """Essential and optional credit sums for every pair (nc x nb each)."""
    nc, nb = C.n, J.n
    tc = pp.clamp(pp.TRAINABLE_CREDIT, 0.0, 1.0)
    sum_ess = np.repeat(J.base_ess, nc, axis=0)
    sum_opt = np.repeat(J.base_opt, nc, axis=0)
    req, tr = J.sk_req, J.sk_tr
    base = np.where(tr, tc, 0.0)
    rows = np.where(J.sk_ess, J.sk_job, J.sk_job + nb)  # essential rows, then optional rows
    for lvl, (crow, ccol) in C.skill_levels.items():
        if lvl is None:
            credit = np.ones_like(req)
        else:
            with np.errstate(divide="ignore", invalid="ignore"):
                ratio = np.where(lvl > 0.0, lvl / req, 0.0)
            ratio = np.where(tr & (ratio < tc), tc, ratio)
            credit = np.where(np.isnan(req) | (lvl >= req) | (req <= 0.0), 1.0,
                              np.clip(ratio, 0.0, 1.0))
        gain = credit - base
        keep = gain != 0.0
        Jm = sp.csr_matrix((gain[keep], (J.sk_id[keep], rows[keep])), shape=(n_skills, 2 * nb))
        Cm = sp.csr_matrix((np.ones(len(crow)), (crow, ccol)), shape=(nc, n_skills))
        prod = (Cm @ Jm).toarray()
        sum_ess += prod[:, :nb]
        sum_opt += prod[:, nb:]
    return sum_ess, sum_opt


def _score_block(C, J, ctx, SIM):
    nc, nb = C.n, J.n
    shape = (nc, nb)
    num = np.zeros(shape)
    with_data = np.zeros(shape)
    excl = np.zeros(shape, dtype=bool)

    def clip(s):
        return np.clip(np.where(np.isnan(s), 0.0, s), 0.0, 1.0)

    def add_table(name, score, data, inv, rows=None, excluded=None):
        """A factor computed on the distinct job states: gathered into the matrix."""
        w = W[name]
        if rows is None:
            if w > 0.0:
                num[...] += np.where(data, w * clip(score), 0.0)[:, inv]
                with_data[...] += np.where(data, w, 0.0)[:, inv]
            if excluded is not None:
                excl[...] |= excluded[:, inv]
        else:
            if w > 0.0:
                num[rows] += np.where(data, w * clip(score), 0.0)[:, inv]
                with_data[rows] += np.where(data, w, 0.0)[:, inv]
            if excluded is not None:
                excl[rows] |= excluded[:, inv]

    def add(name, score, data):
        w = W[name]
        if w > 0.0:
            num[...] += np.where(data, w * clip(score), 0.0)
            with_data[...] += np.where(data, w, 0.0)

    # --- job type, on the block's distinct occupations (+ a column for "unknown")
    sim = SIM[:, J.occ_u]
    U = len(J.occ_u)
    best = np.zeros((nc, U))
    for k in range(C.want.shape[1]):
        o = C.want[:, k]
        s = C.want_w[:, k, None] * sim[np.maximum(o, 0)]
        best = np.maximum(best, np.where((o >= 0)[:, None], s, 0.0))
    for k in range(C.liked.shape[1]):
        o = C.liked[:, k]
        best = np.maximum(best, np.where((o >= 0)[:, None], pp.HISTORY_LIKED * sim[np.maximum(o, 0)],
                                         0.0))
    disliked = np.zeros((nc, U), dtype=bool)
    for k in range(C.disliked.shape[1]):
        o = C.disliked[:, k]
        disliked |= (o >= 0)[:, None] & (sim[np.maximum(o, 0)] >= pp.DISLIKED_SIMILARITY)
    avoided = np.zeros((nc, U + 1), dtype=bool)
    for k in range(C.avoid.shape[1]):
        o = C.avoid[:, k]
        s = sim[np.maximum(o, 0)]
        avoided[:, :U] |= (o >= 0)[:, None] & (s > 0.0) & (s >= pp.AVOID_SIMILARITY)
    score = np.where(C.positive, np.where(disliked, best * pp.HISTORY_DISLIKED, best),
                     0.5 * pp.HISTORY_DISLIKED)
    data = np.hstack([C.positive | disliked, np.zeros((nc, 1), dtype=bool)])
    add_table("job_type", np.hstack([score, np.zeros((nc, 1))]), data, J.occ_inv,
              excluded=avoided)

    # --- hours, on the distinct job hours
    jmin, jmax = J.hours_u[None, :, 0], J.hours_u[None, :, 1]
    jmin_raw, jmax_raw = J.hours_u[None, :, 2], J.hours_u[None, :, 3]
    data = C.has_hours & ~np.isnan(jmin)
    h = np.minimum(np.maximum(C.h_ideal, jmin), jmax)
    e, F = pp.clamp(pp.HOURS_INSIDE_MIN, 0.0, 1.0), pp.HOURS_FALLOFF
    lo, ideal, hi = C.h_min, C.h_ideal, C.h_max
    with np.errstate(divide="ignore", invalid="ignore"):
        beyond = np.where(h < lo, lo - h, h - hi)
        outside = np.where(beyond >= F, 0.0, e * (1.0 - beyond / F)) if F > 0 else 0.0
        score = np.where(h == ideal, 1.0, np.where(
            (h >= lo) & (h < ideal), 1.0 - (1.0 - e) * (ideal - h) / (ideal - lo),
            np.where((h > ideal) & (h <= hi), 1.0 - (1.0 - e) * (h - ideal) / (hi - ideal),
                     outside)))
    firm_out = data & C.h_firm & (
        (~np.isnan(C.h_max_raw) & ~np.isnan(jmin_raw) & (jmin_raw > C.h_max_raw)) |
        (~np.isnan(C.h_min_raw) & ~np.isnan(jmax_raw) & (jmax_raw < C.h_min_raw)))
    add_table("hours", score, data, J.hours_inv, excluded=firm_out)
    # the hours worked, for the benefits factor: expected, else the job's minimum, then maximum
    worked = np.where(data, h, NAN)
    worked = np.where(np.isnan(worked), jmin_raw, worked)
    worked = np.where(np.isnan(worked), jmax_raw, worked)

    # --- schedule, on the distinct schedules
    covered = (C.avail @ J.sched_u.T).astype(np.float64)  # exact: at most 336
    data = C.has_avail & (J.sched_n > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = covered / J.sched_n
    add_table("schedule", share, data, J.sched_inv,
              excluded=data & ((covered == 0) | (share < pp.SCHEDULE_MIN_SHARE)))

    # --- commute: the candidates with a maximum, against every job
    R = np.nonzero(~np.isnan(C.max_commute[:, 0]))[0]
    if len(R):
        rad2 = pp.PI / 180.0 / 2.0
        la, lb = C.lat[R] * rad2, J.lat * rad2
        s1 = np.sin((J.lat - C.lat[R]) * rad2)
        s2 = np.sin((J.lon - C.lon[R]) * rad2)
        cc = np.cos(2.0 * la) * np.cos(2.0 * lb)
        a = np.clip(s1 * s1 + cc * s2 * s2, 0.0, 1.0)
        kmd = (2.0 * pp.EARTH_RADIUS_KM * pp.DETOUR_FACTOR) * np.arcsin(np.sqrt(a))
        modes = C.modes[R]
        best = np.full((len(R), nb), np.inf)
        for m in range(6):
            use = np.nonzero((modes[:, 0] >> m) & 1)[0]
            if not len(use) or not pp.SPEED_KMH[m] > 0.0:
                continue
            t = kmd[use] / pp.SPEED_KMH[m] * 60.0 + pp.OVERHEAD_MIN[m]
            if m == pp.PT:
                t = np.where(J.no_pt, np.inf, t)
            best[use] = np.minimum(best[use], t)
        mx = C.max_commute[R]
        blocked = (modes == 1 << pp.PT) & J.no_pt
        coords = ~np.isnan(C.lat[R]) & ~np.isnan(J.lat)
        full = pp.COMMUTE_FULL_SHARE * mx
        with np.errstate(invalid="ignore", divide="ignore"):
            by_time = np.where(best <= full, 1.0,
                               np.where(best >= mx, 0.0, (mx - best) / (mx - full)))
        same_area = (C.area[R] == J.area) & (C.area[R] >= 0)
        score = np.where(blocked, 0.0, np.where(coords, by_time, 1.0))
        data = blocked | coords | same_area
        w = W["commute"]
        num[R] += np.where(data, w * clip(score), 0.0)
        with_data[R] += np.where(data, w, 0.0)
        excl[R] |= blocked | (coords & (best > mx))

    # --- environment: candidate tables of the block's (dimension, level) states, x one-hot
    cols_tot, cols_w, cols_rated, cols_must = [], [], [], []
    iw = np.array(pp.IMPORTANCE_WEIGHT)
    for d in range(8):
        imp = C.env_imp[:, d]
        lo, hi = C.env_lo[:, d, None], C.env_hi[:, d, None]
        level = J.env_levels[d][None, :]
        excess = np.where(level < lo, lo - level, np.where(level > hi, level - hi, 0.0))
        s = np.where(excess <= 0.0, 1.0, np.maximum(0.0, 1.0 - excess / pp.ENV_EXCESS_SPAN))
        rated = (imp > 0)[:, None] & np.ones_like(level, dtype=bool)
        w = np.where(rated, iw[imp][:, None], 0.0)
        cols_tot.append(w * s)
        cols_w.append(w)
        cols_rated.append(rated)
        cols_must.append(rated & (imp == pp.MUST)[:, None] & (excess > 0.0))
    if J.env_onehot.shape[0]:
        table = np.vstack([np.hstack(x).astype(np.float64)
                           for x in (cols_tot, cols_w, cols_rated, cols_must)])
        prod = table @ J.env_onehot
        tot, wsum, rated, must = (prod[k * nc:(k + 1) * nc] for k in range(4))
        # importance weights are all above 0 in the default profile: wsum > 0 where rated
        with np.errstate(divide="ignore", invalid="ignore"):
            add("environment", tot / wsum, rated > 0)
        excl |= must > 0

    # --- interests, on the distinct job profiles
    u = J.int_u
    j_has_scores, j_scores, j_letter, j_has = u[:, 0] > 0, u[:, 1:7], u[:, 7].astype(np.int64), u[:, 8] > 0
    da = C.scores - C.scores.mean(axis=1, keepdims=True)
    db = j_scores - j_scores.mean(axis=1, keepdims=True)
    sab = da @ db.T
    saa = (da * da).sum(axis=1, keepdims=True)
    sbb = (db * db).sum(axis=1)[None, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.clip(sab / np.sqrt(saa * sbb), -1.0, 1.0)
    r_ok = C.has_scores & j_has_scores[None, :] & (saa > 1e-12) & (sbb > 1e-12)
    hexagon = np.array([[min(abs(a - b), 6 - abs(a - b)) for b in range(6)] for a in range(6)])
    d = hexagon[np.maximum(C.letter, 0), np.maximum(j_letter, 0)[None, :]]
    letters = (C.letter >= 0) & (j_letter >= 0)[None, :]
    score = np.where(r_ok, (r + 1.0) / 2.0, 1.0 - d / 3.0)
    add_table("interests", score, C.has_int & j_has[None, :] & (r_ok | letters), J.int_inv)

    # --- work values, on the distinct job extents
    known = ~np.isnan(J.val_u)
    x = np.where(known, np.clip((J.val_u - 1.0) / 6.0, 0.0, 1.0), 0.0)
    wsum = C.values @ known.T.astype(np.float64)
    tot = C.values @ x.T
    with np.errstate(divide="ignore", invalid="ignore"):
        add_table("work_values", tot / wsum, wsum > 0.0, J.val_inv)

    # --- wage, for the candidates with a floor, on the distinct wages
    rows = np.nonzero(~np.isnan(C.floor[:, 0]))[0]
    if len(rows):
        wage = J.wage_u[:, 0][None, :]
        floor_ = C.floor[rows]
        f = pp.WAGE_FALLOFF
        bottom = floor_ * (1.0 - min(f, 1.0))
        with np.errstate(divide="ignore", invalid="ignore"):
            score = np.where(wage >= floor_, 1.0, np.where(
                wage <= bottom, 0.0, (wage - bottom) / (floor_ - bottom)) if f > 0.0 else 0.0)
        data = ~np.isnan(wage) & np.ones_like(floor_, dtype=bool)
        add_table("wage", score, data, J.wage_inv, rows=rows,
                  excluded=data & C.wage_firm[rows] & (wage < floor_))

    # --- benefits, for the candidates with a limit, on the distinct (hours, wage) of the jobs
    rows = np.nonzero(C.ben_set[:, 0])[0]
    if len(rows):
        hrs = worked[rows][:, J.hw_u[:, 0].astype(np.int64)]
        wage = J.hw_u[:, 1][None, :]
        fb = pp.BENEFITS_FALLOFF
        max_h, max_e = C.ben_h[rows], C.ben_e[rows]

        def limit_score(v, lim):
            with np.errstate(divide="ignore", invalid="ignore"):
                top = lim * (1.0 + fb)
                s = np.where(v >= top, 0.0, (top - v) / (top - lim)) if fb > 0.0 else 0.0
            return np.where(np.isnan(lim) | np.isnan(v) | (v <= lim), 1.0, s)

        check_h = ~np.isnan(max_h) & ~np.isnan(hrs)
        check_e = ~np.isnan(max_e) & ~np.isnan(hrs) & ~np.isnan(wage)
        earnings = hrs * wage
        earnings = np.where(C.ben_month[rows], earnings * 52.0 / 12.0, earnings)
        score = np.minimum(np.where(check_h, limit_score(hrs, max_h), 1.0),
                           np.where(check_e, limit_score(earnings, max_e), 1.0))
        over = (check_h & (hrs > max_h)) | (check_e & (earnings > max_e))
        data = check_h | check_e
        exit_ = C.ben_exit[rows]
        add_table("benefits", np.where(exit_, 1.0, score), data, J.hw_inv, rows=rows,
                  excluded=data & ~exit_ & C.ben_firm[rows] & over)

    # --- skills: sparse products
    sum_ess, sum_opt = _skill_sums(C, J, len(ctx.skills.ids))
    es = pp.ESSENTIAL_SHARE
    with np.errstate(divide="ignore", invalid="ignore"):
        mean_e, mean_o = sum_ess / J.n_ess, sum_opt / J.n_opt
    score = np.where((J.n_ess > 0) & (J.n_opt > 0), es * mean_e + (1.0 - es) * mean_o,
                     np.where(J.n_ess > 0, mean_e, mean_o))
    add("skills", score, (J.n_ess + J.n_opt) > 0)

    # --- functional demands: candidate credit per (dimension, demand, supported) state
    nd = len(ctx.dims)
    credit = np.zeros((nc, nd * 6))
    known = np.zeros((nc, nd * 6))
    for dm in range(3):
        for sup in (0, 1):
            short = dm - C.ability
            c = np.where(short <= 0, 1.0, np.where(
                short == 1, pp.SHORT1_SUPPORTED if sup else pp.SHORT1_UNSUPPORTED,
                pp.SHORT2_SUPPORTED if sup else pp.SHORT2_UNSUPPORTED))
            cols = np.arange(nd) * 6 + dm * 2 + sup
            credit[:, cols] = np.where(C.ability >= 0, c, 0.0)
            known[:, cols] = C.ability >= 0
    prod = np.vstack([credit, known]) @ J.func_onehot
    fsum, n_known = prod[:nc], prod[nc:]
    with np.errstate(divide="ignore", invalid="ignore"):
        add("functional", fsum / n_known, n_known > 0)

    # --- support: stated needs (sparse products) and the needs shortfalls become
    status = J.status
    met = np.asarray(C.need_w @ status)
    n_neg = np.asarray(C.need_n @ (status == 0.5).astype(np.float64))
    der = np.asarray(C.derived_oh_new @ J.derived)
    d_w, d_met, d_n, d_neg = (der[:, k * nb:(k + 1) * nb] for k in range(4))
    any_derived = np.asarray(C.derived_oh @ J.derived_has) > 0
    weight = C.need_weight + d_w
    met = met + d_met
    n = C.n_needs + d_n
    n_neg = n_neg + d_neg
    empty = (C.n_needs == 0) & ~any_derived
    with np.errstate(divide="ignore", invalid="ignore"):
        score = np.where(empty, 1.0, met / weight)
    add("support", score, (C.has_needs | (C.n_needs > 0) | any_derived) & (empty | (n_neg != n)))

    # --- legal essentials (a filter: weight 0), on the distinct requirement sets
    hold = np.zeros((nc, max(len(ctx.licences.ids), 1)))
    for i, lic in enumerate(C.lic):
        hold[i, lic] = 1.0
    cols = []
    for lic, rtw, bg, any_req in J.legal_u:
        missing = (hold[:, list(lic)] == 0.0).any(axis=1, keepdims=True) if lic else False
        cols.append(any_req & ((C.has_lic & missing) | (rtw & C.rtw_no) | (bg & C.bg_no)))
    excl |= np.hstack(cols)[:, J.legal_inv]

    # --- programme rules (none in the default profile)
    if pp.COMPETITIVE_ONLY or pp.INTEGRATED_ONLY or not math.isnan(pp.MIN_WAGE):
        prog = np.zeros((1, nb), dtype=bool)
        if pp.COMPETITIVE_ONLY:
            prog |= J.competitive_no
        if pp.INTEGRATED_ONLY:
            prog |= J.integrated_no
        if not math.isnan(pp.MIN_WAGE):
            prog |= ~np.isnan(J.wage) & (J.wage < pp.MIN_WAGE)
        excl |= prog

    with np.errstate(divide="ignore", invalid="ignore"):
        total = np.where(with_data > 0.0, num / with_data, 0.5)
    every = sum(w for w in pp.WEIGHTS if w > 0.0)
    return total, ~excl, with_data / every


def score_matrix(candidates, jobs, *, confidence=False):
    """(totals, feasible) for every (candidate, job) pair: float64 and bool arrays of shape
    (len(candidates), len(jobs)); with confidence=True also the confidence array."""
    cs = [pp.prepare_candidate(c) for c in candidates]
    js = [pp.prepare_job(j) for j in jobs]
    nc, nj = len(cs), len(js)
    totals = np.zeros((nc, nj))
    feasible = np.zeros((nc, nj), dtype=bool)
    conf = np.zeros((nc, nj))
    if nc and nj:
        ctx = _Context(cs, js)
        C = _Candidates(cs, ctx)
        step = max(1, BLOCK_PAIRS // nc)
        blocks = [(k, min(k + step, nj)) for k in range(0, nj, step)]
        Js = [_Jobs(js[a:b], ctx) for a, b in blocks]
        if not ctx.occs.rows:
            ctx.occs.add(pp.Occ({}))
        SIM = ctx.occs.similarity()  # small: the distinct occupations on both sides
        for (a, b), J in zip(blocks, Js):
            totals[:, a:b], feasible[:, a:b], conf[:, a:b] = _score_block(C, J, ctx, SIM)
    return (totals, feasible, conf) if confidence else (totals, feasible)


def main(argv):
    if len(argv) != 2:
        print("usage: peer_numpy.py CANDIDATES JOBS", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    cands, jobs = load(argv[0], "candidate"), load(argv[1], "job")
    t1 = time.perf_counter()
    totals, feasible = score_matrix(cands, jobs)
    t2 = time.perf_counter()
    n = totals.size
    print(f"{len(cands)} x {len(jobs)} pairs: {feasible.mean() if n else 0:.1%} feasible; "
          f"read {t1 - t0:.2f} s, scored {t2 - t1:.2f} s ({n / (t2 - t1) if t2 > t1 else 0:.0f} pairs/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
