"""Run the bad-input suite (tests/bad_input/) outside pytest and print its counts by outcome class.

    .venv/bin/python scripts/bad_input_report.py [--jobs 2] [--target building_emissions ...] [--list]
                                                 [--case output_ ...]
                                                 [--json results.json]

Prints how many cases ended in each class (refusal, counted skip, ok, crash, traceback, silently wrong,
unclear refusal) and how many changed an input file; --list adds one line per case that is not a
right outcome (with where it is raised and why), --json saves every record. The expected outcome of
each case, and why a case fails today, is the table in tests/test_bad_input.py.
"""
import argparse
import json
import os
import sys
import tempfile
import time
from collections import Counter

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(REPO, "tests"))

from bad_input import runner  # noqa: E402
from bad_input.cases import CASES  # noqa: E402


def is_right(record, case):
    right = (runner.OK, runner.SKIP) if case.must_run else runner.ACCEPTABLE
    return record["outcome"] in right and not record["problems"] and not record.get("changed")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=min(2, os.cpu_count() or 1), help="worker processes")
    parser.add_argument("--target", action="append", help="only this algorithm or model (repeatable)")
    parser.add_argument("--case", action="append", help="only cases whose id contains this (repeatable)")
    parser.add_argument("--list", action="store_true", help="one line per case that fails")
    parser.add_argument("--json", help="save every record to this file")
    args = parser.parse_args()
    pairs = [list(key) for key in sorted(CASES) if (not args.target or key[0] in args.target)
             and (not args.case or any(part in key[1] for part in args.case))]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="lcr_bad_input_") as root:
        records = runner.run_cases(pairs, root, jobs=args.jobs, weight=runner.weight)
    seconds = time.perf_counter() - started
    counts = runner.outcome_counts(records)
    wrong = [key for key, record in records.items() if not is_right(record, CASES[key])]
    print(f"{len(records)} cases of {len({t for t, _ in records})} algorithms and models in {seconds:.0f} s "
          f"({args.jobs} workers)")
    for name, n in counts.items():
        print(f"  {name:<16} {n:>4}")
    created = Counter(os.path.splitext(name)[1] for record in records.values() for name in record.get("created", []))
    if created:
        print("  files written beside the inputs (their bytes unchanged): "
              + ", ".join(f"{n} × {ext}" for ext, n in created.most_common())
              + " (QGIS has GDAL save raster statistics when it loads a raster)")
    by_kind = Counter(CASES[key].kind for key in wrong)
    print(f"  {len(wrong)} cases are not a right outcome today; by kind of input: "
          + ", ".join(f"{kind} {n}" for kind, n in by_kind.most_common()))
    if args.list:
        for key in sorted(wrong):
            record = records[key]
            if record["outcome"] == runner.REFUSAL:
                why = "refused, but it must run: " + runner.last_error_line(record["message"])
            else:
                why = "; ".join(record["problems"]) or runner.last_error_line(record["message"])
            where = f" [{record['where']}]" if record.get("where") else ""
            print(f"{key[0]} / {key[1]}: {record['outcome']}{where}: {why[:300]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as out:
            json.dump([records[key] for key in sorted(records)], out, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
