"""What the baseline comparisons share: the gold file's arguments, reading it, printing a report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal.scoring import (  # noqa: E402
    Report,
    format_errors,
    format_report,
    read_jsonl,
    select_split,
)


def gold_parser(description: str) -> argparse.ArgumentParser:
    """A parser that takes the gold JSONL, `--split` and `--errors`; callers add their own."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--split", choices=("dev", "test", "all"), default="all")
    parser.add_argument("--errors", action="store_true")
    return parser


def read_gold(args: argparse.Namespace) -> list[dict]:
    lines = args.gold.read_text(encoding="utf-8").splitlines()
    documents = list(read_jsonl(lines, required=("dct", "text", "timexes")))
    return select_split(documents, args.split)


def print_report(heading: str, report: Report, errors: bool) -> None:
    print(heading)
    print(format_report(report))
    if errors:
        print()
        print(format_errors(report))
