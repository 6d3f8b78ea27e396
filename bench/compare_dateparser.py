"""Score dateparser.search_dates on a gold JSONL with our own scorer: a baseline for tag().

Run: .venv/bin/python bench/compare_dateparser.py GOLD.jsonl [--split dev|test|all] [--errors]

A thin adapter: each (substring, datetime) search_dates finds becomes a DATE timex whose value
is the day, YYYY-MM-DD, relative dates taken from the document date (RELATIVE_BASE). Offsets
come from finding each substring in the text, left to right. dateparser has no durations, sets,
times of day as TIMEX3 values, or coarser granularities, so those count as wrong values.
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.scoring import (  # noqa: E402
    evaluate,
    format_errors,
    format_report,
    read_jsonl,
    select_split,
)


def dateparser_tagger():
    from dateparser.search import search_dates

    def tagger(text: str, dct: date) -> list[dict]:
        settings = {
            "RELATIVE_BASE": datetime(dct.year, dct.month, dct.day),
            "RETURN_AS_TIMEZONE_AWARE": False,
        }
        found = search_dates(text, languages=["en"], settings=settings) or []
        out, cursor = [], 0
        for surface, when in found:
            start = text.find(surface, cursor)
            if start < 0:
                start = text.find(surface)
            if start < 0:
                continue
            cursor = start + len(surface)
            out.append(
                {
                    "start": start,
                    "end": start + len(surface),
                    "text": surface,
                    "type": "DATE",
                    "value": when.date().isoformat(),
                }
            )
        return out

    return tagger


class _AsTimex(dict):
    def to_dict(self) -> dict:
        return dict(self)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()

    lines = args.gold.read_text(encoding="utf-8").splitlines()
    documents = select_split(
        list(read_jsonl(lines, required=("dct", "text", "timexes"))), args.split
    )
    search = dateparser_tagger()
    started = time.process_time()
    report = evaluate(documents, lambda text, dct: [_AsTimex(t) for t in search(text, dct)])
    seconds = time.process_time() - started
    print(f"dateparser.search_dates, split: {args.split}  ({seconds:.1f} s cpu)")
    print(format_report(report))
    if args.errors:
        print()
        print(format_errors(report))


if __name__ == "__main__":
    main()
