#!/usr/bin/env python3
"""Writes every candidate-job pair of a caseload to a CSV file for a spreadsheet.

Usage:
    PYTHONPATH=build/bindings/python python3 examples/python/export_csv.py \
        examples/data/candidates.json examples/data/jobs.json OUT.csv

One row per pair: the rank among the person's feasible jobs (empty when the
job is excluded), the score, confidence, each factor's score (empty when it
had no data), the job coach's hours and, for excluded pairs, why.  The
totals come from one call of Engine.score_matrix(); the details from the
rankings.
"""
import csv
import sys

import jobmatch


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    cand_path, job_path, out_path = argv
    candidates = jobmatch.load_candidates(cand_path)
    jobs = jobmatch.load_jobs(job_path)
    with jobmatch.Engine() as engine:
        totals = engine.score_matrix(candidates, jobs)  # a numpy array, or lists without numpy
        column = {job_id: k for k, job_id in enumerate(jobs.ids())}
        rows = 0
        with open(out_path, "w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(["candidate", "job", "title", "rank", "score", "confidence", "feasible",
                        *jobmatch.FACTORS, "coach_hours", "exclusion"])
            for i, person in enumerate(candidates):
                ranking = engine.rank_jobs(person, jobs, k=None)
                ranked = [(n, m) for n, m in enumerate(ranking, 1)]
                ranked += [(None, m) for m in ranking.excluded]
                for rank, m in ranked:
                    if totals[i][column[m.job_id]] != m.total:  # one computation: never
                        raise SystemExit(f"score_matrix disagrees on {m.candidate_id}, {m.job_id}")
                    w.writerow([m.candidate_id, m.job_id, jobs[m.job_id].title or "",
                                rank or "", f"{m.total:.4f}", f"{m.confidence:.4f}",
                                str(m.feasible).lower(),
                                *(f"{m.factors[n].score:.4f}" if m.factors[n].has_data else ""
                                  for n in jobmatch.FACTORS),
                                f"{m.support_plan.coach_hours_per_week:g}",
                                "; ".join(f"{x.factor}: {x.reason}" for x in m.exclusions)])
                    rows += 1
    print(f"wrote {rows} rows ({len(candidates)} candidates x {len(jobs)} jobs) to {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
