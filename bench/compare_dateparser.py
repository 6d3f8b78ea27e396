"""Score dateparser.search_dates on a gold JSONL with our own scorer: a baseline for tag().

Run: .venv/bin/python bench/compare_dateparser.py GOLD.jsonl [--split dev|test|all] [--errors]

A thin adapter: each (substring, datetime) search_dates finds becomes a DATE timex whose value
is the day, YYYY-MM-DD, relative dates taken from the document date (RELATIVE_BASE). Offsets
come from finding each substring in the text, left to right. dateparser has no durations, sets,
times of day as TIMEX3 values, or coarser granularities, so those count as wrong values.
"""

from __future__ import annotations

import time
from datetime import date, datetime

from baseline import gold_parser, print_report, read_gold

from timeline.temporal.scoring import evaluate


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
    args = gold_parser(__doc__.splitlines()[0]).parse_args()
    documents = read_gold(args)
    search = dateparser_tagger()
    started = time.process_time()
    report = evaluate(documents, lambda text, dct: [_AsTimex(t) for t in search(text, dct)])
    seconds = time.process_time() - started
    print_report(
        f"dateparser.search_dates, split: {args.split}  ({seconds:.1f} s cpu)", report, args.errors
    )


if __name__ == "__main__":
    main()
