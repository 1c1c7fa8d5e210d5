#!/usr/bin/python3
"""Checks that the benchmark's peers (peer_numpy.py, peer_python.py) score exactly like the C
engine: every total within 1e-9 and every feasibility the same as
jobmatch.Engine().score_matrix(candidates, jobs, feasible=True), and confidence on a sample of
pairs the same as Engine().score(...).confidence (on those pairs it also checks that the engine's
score() agrees with its score_matrix()).

Data sets: generated data (bench/gen_data.c, several seeds), the bundled sample data
(examples/data) and "edge" sets: generated records with fields set to rare values (flat interest
profiles, codes only, shifts past midnight, public transport only, unknown vocabulary terms, jobs
without an occupation, ...).  Generated files are also validated with `jobmatch validate`, and
generating twice with the same seed must give the same bytes.

Usage:

    PYTHONPATH=BUILD/bindings/python /usr/bin/python3 bench/check_peers.py --build BUILD
    options: --seeds 1,2,3  --candidates 300  --jobs 500  --gen PATH (a built gen_data; else it
             is compiled with cc into a temporary folder)  --no-python (skip the slow peer)

Prints one line per check and "N passed, M failed"; exits 0 when all pass, 1 otherwise (also when
jobmatch, numpy or scipy cannot be imported: nothing is skipped).
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # keep the source folder clean
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

TOLERANCE = 1e-9


# --------------------------------------------------------------------------------------------
# Edge cases: mutations that keep records valid

CAND_MUTATIONS = [
    lambda c, r: pref(c).__setitem__("interests", {k: 3 for k in "RIASEC"}),
    lambda c, r: pref(c).__setitem__("interests", dict({k: 4 for k in "RIASEC"}, code="s")),
    lambda c, r: pref(c).__setitem__("interests", {"code": r.choice(["ec", "R", "AIS", "c"])}),
    lambda c, r: pref(c).__setitem__("hours", r.choice([
        {"ideal": 20}, {"min": 30}, {"max": 10, "firm": True}, {"min": 0, "max": 168},
        {"min": 16, "ideal": 16, "max": 16, "firm": True}, {"min": 35, "firm": True},
        {"ideal": 37.5, "max": 40, "firm": True}, {}])),
    lambda c, r: pref(c).__setitem__("availability", r.choice([
        {"sun": ["22:00-06:00"]}, {d: ["00:00-24:00"] for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")},
        {"wed": ["09:10-11:50"], "thu": ["23:45-00:15"]}, {}, {"sat": ["06:00-10:00", "18:00-23:30"]}])),
    lambda c, r: pref(c).__setitem__("commute", r.choice([
        {"modes": ["public_transport"], "max_minutes": 30}, {"modes": ["public_transport"]},
        {"modes": ["wheelchair"], "max_minutes": 25}, {"max_minutes": 45},
        {"modes": ["car", "lift", "public_transport"], "max_minutes": 20},
        {"modes": ["cycle", "walk"], "max_minutes": 15}])),
    lambda c, r: pref(c).__setitem__("location", r.choice([
        {"area": "MANCHESTER"}, {"area": "bolton"}, {"lat": 53.48, "lon": -2.2426, "area": "Salford"}])),
    lambda c, r: pref(c).pop("location", None),
    lambda c, r: pref(c).__setitem__("wage", {"floor": r.choice([11.44, 13.0, 25.0]), "firm": r.random() < 0.5}),
    lambda c, r: pref(c).__setitem__("environment", r.choice([
        {"noise": {"min": 2, "importance": "must"}}, {d: {"max": 0, "importance": "low"} for d in (
            "noise", "outdoor", "temperature", "pace", "time_pressure", "public_contact", "teamwork", "routine")},
        {"routine": {"min": 1, "max": 3, "importance": "must"}, "pace": {"max": 2}}])),
    lambda c, r: pref(c).__setitem__("work_values", {"support": r.randint(1, 5)}),
    lambda c, r: c.pop("preferences", None),
    lambda c, r: c.__setitem__("skills", []),
    lambda c, r: [s.__setitem__("level", 0) for s in c.get("skills", [])[:5]],
    lambda c, r: [s.pop("level", None) for s in c.get("skills", [])],
    lambda c, r: c.__setitem__("licences", r.choice([[], ["driving_licence_b"], ["cscs_card", "first_aid"]])),
    lambda c, r: c.pop("licences", None),
    lambda c, r: c.__setitem__("right_to_work", False),
    lambda c, r: c.__setitem__("background_check", False),
    lambda c, r: c.__setitem__("abilities", r.choice([
        {d: 0 for d in ("lifting", "standing", "walking", "reading", "memory", "dexterity")},
        {"climbing": 0, "lifting": 1}, {}])),
    lambda c, r: c.__setitem__("support_needs", r.choice([
        [], [{"type": "physical_access", "intensity": "high", "essential": True}],
        [{"type": "quiet_workspace"}, {"type": "quiet_workspace", "intensity": "low"}],
        [{"type": "pet_assistance", "essential": True}],
        [{"type": "on_site_job_coaching", "intensity": "high"}, {"type": "adapted_equipment"}]])),
    lambda c, r: c.pop("support_needs", None),
    lambda c, r: c.__setitem__("benefits", r.choice([
        {"max_earnings": 800, "period": "month", "goal": "exit", "firm": True},
        {"max_hours_per_week": 16, "firm": True}, {}, {"goal": "stay"},
        {"max_hours_per_week": 0, "max_earnings": 0, "firm": True}])),
    lambda c, r: c.__setitem__("work_history", [
        {"job_type": {"isco": r.choice(["9", "94", "941", "9412", "5223"])}, "liked": r.choice([True, False])}]),
    lambda c, r: c.pop("work_history", None),
]

JOB_MUTATIONS = [
    lambda j, r: j.pop("occupation", None),
    lambda j, r: j.__setitem__("occupation", {"label": j.get("title", "x").upper()}),
    lambda j, r: j.__setitem__("occupation", {"isco": r.choice(["9412", "94", "5223.1", "9"])}),
    lambda j, r: j.__setitem__("hours", r.choice([{"min": 20}, {"max": 10}, {"min": 0, "max": 60}])),
    lambda j, r: j.pop("hours", None),
    lambda j, r: j.__setitem__("schedule", r.choice([
        {"sun": ["22:00-06:00"]}, {"mon": ["00:00-24:00"]}, {"fri": ["23:00-07:00"], "sat": ["05:00-09:00"]}])),
    lambda j, r: j.pop("schedule", None),
    lambda j, r: j.__setitem__("location", r.choice([
        {"area": "manchester"}, {"lat": 53.5, "lon": -2.3, "public_transport": False},
        {"area": "Bolton", "accessible": True, "public_transport": False}])),
    lambda j, r: j.__setitem__("environment", r.choice([
        {d: 4 for d in ("noise", "outdoor", "temperature", "pace", "time_pressure", "public_contact", "teamwork", "routine")},
        {"noise": 0}, {"routine": 2.5}])),
    lambda j, r: j.pop("environment", None),
    lambda j, r: j.__setitem__("interests", r.choice([
        {k: 5 for k in "RIASEC"}, {"code": "SE"}, dict({k: 2 for k in "RIASEC"}, code="c")])),
    lambda j, r: j.pop("interests", None),
    lambda j, r: j.__setitem__("work_values", {"support": 6.5, "recognition": 1}),
    lambda j, r: j.pop("wage", None),
    lambda j, r: j.__setitem__("wage", r.choice([5.0, 11.44, 30.0])),
    lambda j, r: j.pop("skills", None),
    lambda j, r: [s.__setitem__("essential", False) for s in j.get("skills", [])],
    lambda j, r: [s.__setitem__("level", r.choice([0, 7])) for s in j.get("skills", [])[:6]],
    lambda j, r: [s.__setitem__("trainable", False) for s in j.get("skills", [])],
    lambda j, r: j.__setitem__("legal", r.choice([
        {"licences": ["driving_licence_b"]},
        {"licences": [{"id": "cscs_card"}, {"id": "cscs_card", "obtainable": True}], "right_to_work": True},
        {"background_check": True}, {"right_to_work": False}])),
    lambda j, r: j.__setitem__("demands", r.choice([
        {"standing": 2, "lifting": 2, "dexterity": 1}, {"dexterity": 2, "lifting": 1},
        {"memory": 2, "reading": 1, "numeracy": 2, "orienting": 1}, {"climbing": 2, "walking": 2}])),
    lambda j, r: j.__setitem__("supports", r.choice([
        {}, {"job_coach_on_site": True}, {"offers": ["equipment", "mentor", "access_to_work"]},
        {"offers": ["physical_accessibility"], "job_coach_on_site": False}])),
    lambda j, r: j.pop("supports", None),
]


def pref(c):
    return c.setdefault("preferences", {})


def mutate_file(src, dst, mutations, seed, share=0.6):
    r = random.Random(seed)
    with open(src, encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            rec = json.loads(line)
            if r.random() < share:
                for m in r.sample(mutations, r.randint(1, 4)):
                    m(rec, r)
            if isinstance(rec.get("preferences"), dict) and not rec["preferences"]:
                rec.pop("preferences")
            out.write(json.dumps(rec, separators=(",", ":")) + "\n")


# --------------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}", flush=True)


def build_generator(args, tmp):
    if args.gen:
        return args.gen
    if args.build:
        for cand in ("bench/gen_data", "gen_data"):
            p = os.path.join(args.build, cand)
            if os.access(p, os.X_OK):
                return p
    exe = os.path.join(tmp, "gen_data")
    cc = os.environ.get("CC", "cc")
    subprocess.run([cc, "-O2", "-std=c11", "-o", exe, os.path.join(HERE, "gen_data.c")], check=True)
    return exe


def find_cli(args):
    if args.build:
        p = os.path.join(args.build, "libjobmatch", "cli", "jobmatch")
        if os.access(p, os.X_OK):
            return p
    return shutil.which("jobmatch")


def explain(engine, jm, cand_path, job_path, pairs, peer_python):
    """The C breakdown and the Python peer's factors for a few mismatching pairs."""
    cs = jm.load_candidates(cand_path)
    js = jm.load_jobs(job_path)
    pc = peer_python.load(cand_path, "candidate")
    pj = peer_python.load(job_path, "job")
    for i, k in pairs:
        m = engine.score(cs[i], js[k])
        t, conf, feas, factors = peer_python.score_pair(pc[i], pj[k])
        print(f"     pair ({pc[i]['id']}, {pj[k]['id']}): C total {m.total!r} feasible {m.feasible}; "
              f"peer_python {t!r} {feas}")
        for name, f in m.factors.items():
            mine = factors.get(name)
            same = (f.score is None) == (mine is None) and (mine is None or abs(mine - f.score) <= TOLERANCE)
            if not same or f.excluded:
                print(f"       {name}: C {f.score} (excluded {f.excluded}; {f.detail}) / peer {mine}")


def compare(report, label, cand_path, job_path, jm, peers, peer_python, sample, rng):
    import numpy as np
    engine = jm.Engine()
    cs, js = jm.load_candidates(cand_path), jm.load_jobs(job_path)
    totals, feasible = engine.score_matrix(cs, js, feasible=True)
    totals, feasible = np.asarray(totals, dtype=float), np.asarray(feasible, dtype=bool)
    nc, nj = totals.shape
    pairs = sorted({(rng.randrange(nc), rng.randrange(nj)) for _ in range(sample)}) if nc and nj else []
    conf_c, differ = {}, []
    for p in pairs:
        m = engine.score(cs[p[0]], js[p[1]])
        conf_c[p] = m.confidence
        if not (abs(m.total - totals[p]) <= TOLERANCE and bool(m.feasible) == feasible[p]):
            differ.append(p)
    report.check(f"{label}: C engine score() agrees with score_matrix() ({len(pairs)} pairs)",
                 not differ, f"{len(differ)} differ, e.g. {differ[:3]}" if differ else "")
    pc = peer_python.load(cand_path, "candidate")
    pj = peer_python.load(job_path, "job")
    for name, peer in peers:
        if name == "peer_numpy":
            t, f, conf = peer.score_matrix(pc, pj, confidence=True)
            conf_p = {p: conf[p] for p in pairs}
        else:
            t, f = peer.score_matrix(pc, pj)
            conf_p = {p: peer.score_pair(pc[p[0]], pj[p[1]])[1] for p in pairs}
        t, f = np.asarray(t, dtype=float).reshape(nc, nj), np.asarray(f, dtype=bool).reshape(nc, nj)
        diff = np.abs(t - totals)
        bad_t = np.argwhere(~(diff <= TOLERANCE))
        report.check(f"{label}: {name} totals ({nc} x {nj})", len(bad_t) == 0,
                     f"max difference {diff.max():.3g}" if diff.size else "")
        bad_f = np.argwhere(f != feasible)
        report.check(f"{label}: {name} feasibility", len(bad_f) == 0,
                     f"{len(bad_f)} pairs differ, {feasible.mean():.1%} feasible" if diff.size else "")
        bad_c = [p for p in pairs if not abs(conf_p[p] - conf_c[p]) <= TOLERANCE]
        report.check(f"{label}: {name} confidence ({len(pairs)} pairs)", not bad_c,
                     f"{len(bad_c)} differ" if bad_c else "")
        worst = [tuple(map(int, x)) for x in list(bad_t[:3]) + list(bad_f[:3])] + bad_c[:2]
        if worst:
            explain(engine, jm, cand_path, job_path, worst, peer_python)


def main(argv):
    ap = argparse.ArgumentParser(description="Check the peers against the C engine.")
    ap.add_argument("--build", help="the Meson build folder (for the jobmatch module and program)")
    ap.add_argument("--gen", help="a built gen_data program")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--candidates", type=int, default=300)
    ap.add_argument("--jobs", type=int, default=500)
    ap.add_argument("--sample", type=int, default=500, help="pairs whose confidence is compared")
    ap.add_argument("--no-python", action="store_true", help="skip peer_python (the slow one)")
    args = ap.parse_args(argv)
    if args.build:
        sys.path.insert(0, os.path.join(os.path.abspath(args.build), "bindings", "python"))
    # A missing module fails the check: it never skips silently.
    try:
        import jobmatch as jm
    except ImportError as e:
        print(f"FAIL cannot import jobmatch ({e}); give --build or PYTHONPATH")
        print("0 passed, 1 failed")
        return 1
    import peer_python
    peers = []
    try:
        import peer_numpy
        peers.append(("peer_numpy", peer_numpy))
    except ImportError as e:
        print(f"FAIL cannot import peer_numpy: {e} (apt-get install python3-numpy python3-scipy)")
        print("0 passed, 1 failed")
        return 1
    if not args.no_python:
        peers.append(("peer_python", peer_python))

    report = Report()
    rng = random.Random(20260101)
    tmp = tempfile.mkdtemp(prefix="jm-check-peers-")
    try:
        gen = build_generator(args, tmp)
        cli = find_cli(args)
        seeds = [int(s) for s in args.seeds.split(",") if s.strip()]
        for seed in seeds:
            out = os.path.join(tmp, f"seed{seed}")
            cmd = [gen, "--quiet", "--vocab", os.path.join(HERE, "vocab"), "--seed", str(seed),
                   "--candidates", str(args.candidates), "--jobs", str(args.jobs), "--out-dir", out]
            subprocess.run(cmd, check=True)
            cand, job = os.path.join(out, "candidates.jsonl"), os.path.join(out, "jobs.jsonl")
            if seed == seeds[0]:
                again = os.path.join(tmp, "again")
                subprocess.run(cmd[:-1] + [again], check=True)
                same = all(open(os.path.join(out, n), "rb").read() == open(os.path.join(again, n), "rb").read()
                           for n in ("candidates.jsonl", "jobs.jsonl"))
                report.check(f"gen_data seed {seed}: the same seed gives the same bytes", same)
            if cli:
                v = subprocess.run([cli, "validate", cand, job], capture_output=True, text=True)
                report.check(f"seed {seed}: jobmatch validate", v.returncode == 0,
                             "" if v.returncode == 0 else (v.stdout + v.stderr).strip()[:2000])
            compare(report, f"seed {seed}", cand, job, jm, peers, peer_python, args.sample, rng)
            # edge cases: the same records with rare values
            ecand, ejob = os.path.join(out, "edge-candidates.jsonl"), os.path.join(out, "edge-jobs.jsonl")
            mutate_file(cand, ecand, CAND_MUTATIONS, seed * 7919)
            mutate_file(job, ejob, JOB_MUTATIONS, seed * 104729)
            if cli:
                v = subprocess.run([cli, "validate", ecand, ejob], capture_output=True, text=True)
                report.check(f"edge seed {seed}: jobmatch validate", v.returncode == 0,
                             "" if v.returncode == 0 else (v.stdout + v.stderr).strip()[:2000])
            compare(report, f"edge seed {seed}", ecand, ejob, jm, peers, peer_python, args.sample, rng)
        data = os.path.join(ROOT, "examples", "data")
        compare(report, "examples/data", os.path.join(data, "candidates.json"),
                os.path.join(data, "jobs.json"), jm, peers, peer_python, args.sample, rng)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"{report.passed} passed, {report.failed} failed")
    return 0 if report.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
