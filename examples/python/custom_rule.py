#!/usr/bin/env python3
"""Adds an agency's own rules to the scoring, in Python.

Usage:
    PYTHONPATH=build/bindings/python python3 examples/python/custom_rule.py \
        examples/data/candidates.json examples/data/jobs.json [CANDIDATE_ID]

Two rules, as an agency might write them:
  - "local": prefer jobs in the person's own area (1.0), otherwise 0.6;
    abstain when either area is unknown, so missing data costs nothing;
  - "paused_employers": exclude employers the agency has paused placements
    with, saying what would lift it.
Each rule gets read-only views of the two records (their JSON as dicts),
and shows up in the breakdown as "rule:NAME".
"""
import sys

import jobmatch

PAUSED = {"greenfield-supermarkets": "the placement review with the employer ends"}


def local(candidate, job):
    home = candidate.get("preferences", {}).get("location", {}).get("area")
    work = job.get("location", {}).get("area")
    if not home or not work:
        return None  # abstain
    if home == work:
        return 1.0, f"in the person's own area ({home})"
    return 0.6


def paused_employers(candidate, job):
    employer = job.get("employer")
    if employer in PAUSED:
        raise jobmatch.Veto(f"placements with {employer} are paused", lift=PAUSED[employer])
    return None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    candidates = jobmatch.load_candidates(argv[0])
    jobs = jobmatch.load_jobs(argv[1])
    person = candidates[argv[2]] if len(argv) == 3 else candidates[0]

    with jobmatch.Engine() as engine:
        before = engine.rank_jobs(person, jobs, k=5)
        engine.add_rule("local", local, weight=0.1)
        engine.add_rule("paused_employers", paused_employers, weight=0)
        after = engine.rank_jobs(person, jobs, k=5)

    print(f"Top jobs for {person.id}, without and with the agency's rules:")
    for n in range(5):
        b = f"{before[n].job_id} {before[n].total:.3f}" if n < len(before) else ""
        a = f"{after[n].job_id} {after[n].total:.3f}" if n < len(after) else ""
        print(f"  {n + 1}. {b:<16} {a}")
    paused = [m for m in after.excluded if "rule:paused_employers" in m.factors
              and m.factors["rule:paused_employers"].excluded]
    print(f"\n{len(paused)} jobs excluded by rule:paused_employers, for example:")
    for m in paused[:2]:
        x = next(x for x in m.exclusions if x.factor == "rule:paused_employers")
        print(f"  {m.job_id}: {x.reason} (lifted when {x.lift})")
    if after:
        best = after[0]
        rule = best.factors["rule:local"]
        print(f"\nrule:local for {best.job_id}: "
              + (f"{rule.score:g} {rule.detail}".rstrip() if rule.has_data else rule.detail))
    return 0


if __name__ == "__main__":
    sys.exit(main())
