#!/usr/bin/env python3
"""Ranks the jobs for every person on a caseload and prints a table.

Usage:
    PYTHONPATH=build/bindings/python python3 examples/python/rank_caseload.py \
        examples/data/candidates.json examples/data/jobs.json [--top 3] [--profile FILE]

For each candidate: the best feasible jobs with their score, confidence, the
job coach's hours per week at the start and the factors that helped most;
then how many jobs were excluded, and the commonest reason.
"""
import argparse
import collections
import sys

import jobmatch


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("candidates", help="candidates file (JSON, array or JSON Lines)")
    ap.add_argument("jobs", help="jobs file")
    ap.add_argument("--top", type=int, default=3, help="jobs to show per person (default 3)")
    ap.add_argument("--profile", help="scoring profile (default: the built-in IPS profile)")
    args = ap.parse_args(argv)

    try:
        with jobmatch.Engine(args.profile) as engine:
            candidates = jobmatch.load_candidates(args.candidates, profile=engine.profile)
            jobs = jobmatch.load_jobs(args.jobs, profile=engine.profile)
            print(f"{len(candidates)} candidates, {len(jobs)} jobs, profile "
                  f"{engine.profile.id} ({engine.profile.hash[:15]}...)\n")
            for person in candidates:
                ranking = engine.rank_jobs(person, jobs, k=args.top)
                print_ranking(person, ranking, jobs)
    except jobmatch.JobmatchError as e:
        for d in e.diagnostics or [e]:
            print(f"error: {d}", file=sys.stderr)
        return 1
    return 0


def print_ranking(person, ranking, jobs):
    print(f"== {person.id}: {ranking.feasible_total} feasible jobs, "
          f"{len(ranking.excluded)} excluded")
    if ranking:
        print(f"   {'#':>2}  {'job':<7} {'title':<32} {'score':>5} {'conf':>5} {'coach':>5}  helped most")
    for rank, m in enumerate(ranking, 1):
        title = jobs[m.job_id].title or ""
        best = sorted((f for f in m.factors.values() if f.has_data),
                      key=lambda f: f.contribution, reverse=True)[:3]
        helped = ", ".join(f.name for f in best)
        print(f"   {rank:>2}  {m.job_id:<7} {title[:32]:<32} {m.total:5.2f} {m.confidence:5.2f} "
              f"{m.support_plan.coach_hours_per_week:5.1f}  {helped}")
    reasons = collections.Counter(x.factor for m in ranking.excluded for x in m.exclusions)
    if reasons:
        factor, n = reasons.most_common(1)[0]
        print(f"   commonest exclusion: {factor} ({n} jobs)")
    print()


if __name__ == "__main__":
    sys.exit(main())
