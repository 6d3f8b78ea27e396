"""Documents per second for the date tagger alone, and against dateparser.search_dates.

Run: .venv/bin/python bench/bench_tagger.py [--docs N] [--baseline-docs M]
Needs no Django. The articles (~600 words each) are built deterministically from the seed
articles and the regression sentences shipped under tests/temporal/data/.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from timeline.temporal import tag  # noqa: E402
from timeline.temporal.patterns import parse_numeric_date  # noqa: E402

DATA = ROOT / "tests" / "temporal" / "data"
WORDS_PER_DOC = 600


def build_documents(count: int) -> list[str]:
    """`count` news-like articles of ~600 words: seed paragraphs and regression sentences."""
    paragraphs = []
    for path in sorted((DATA / "seeds").glob("*.txt")):
        paragraphs += [p for p in path.read_text(encoding="utf-8").splitlines() if p.strip()]
    with (DATA / "regression.jsonl").open(encoding="utf-8") as lines:
        paragraphs += [json.loads(line)["text"] for line in lines if line.strip()]
    rng = random.Random(20241021)
    documents = []
    for _ in range(count):
        chosen, words = [], 0
        while words < WORDS_PER_DOC:
            paragraph = rng.choice(paragraphs)
            chosen.append(paragraph)
            words += len(paragraph.split())
        documents.append("\n".join(chosen))
    return documents


def rate(function, documents: list[str]) -> tuple[float, float]:
    """Documents per second by the wall clock and by this process's CPU time.

    The CPU figure is the steadier one on a shared machine.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        function(document)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return len(documents) / wall, len(documents) / cpu


def measure(docs: int, baseline_docs: int) -> dict:
    """Rates (wall, cpu) of `tag()` and of dateparser's `search_dates` on the same news."""
    dct = date(2024, 10, 21)
    documents = build_documents(docs)
    words = sum(len(d.split()) for d in documents) / len(documents)
    tag(documents[0], dct)  # warm up the lazy imports, so only tagging is timed
    parse_numeric_date("10/21/2024")
    tagger_rate = rate(lambda text: tag(text, dct), documents)

    from dateparser.search import search_dates

    baseline = documents[:baseline_docs]
    search_dates(baseline[0], languages=["en"])
    baseline_rate = rate(lambda text: search_dates(text, languages=["en"]), baseline)
    return {
        "documents": len(documents),
        "words": words,
        "tagger": tagger_rate,
        "baseline": baseline_rate,
        "baseline_docs": len(baseline),
    }


def run(docs: int = 300, baseline_docs: int = 30) -> list[tuple[str, float, str]]:
    """Rows for `make bench` (bench/run.py)."""
    figures = measure(docs, baseline_docs)
    tagger, baseline = figures["tagger"], figures["baseline"]
    return [
        (f"tag(), {figures['words']:.0f}-word articles (wall)", tagger[0], "docs/s"),
        ("tag() (cpu)", tagger[1], "docs/s"),
        ("dateparser.search_dates (cpu)", baseline[1], "docs/s"),
        ("tag() / search_dates", tagger[1] / baseline[1], "x faster"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--baseline-docs", type=int, default=30)
    args = parser.parse_args()
    figures = measure(args.docs, args.baseline_docs)
    documents, words = figures["documents"], figures["words"]
    tagger_rate, baseline_rate = figures["tagger"], figures["baseline"]
    baseline_docs = figures["baseline_docs"]

    print(f"documents: {documents} of {words:.0f} words on average")
    print(f"{'':25}{'wall':>10}{'cpu':>10}  (docs/s)")
    print(f"{'tag()':25}{tagger_rate[0]:10.1f}{tagger_rate[1]:10.1f}")
    print(
        f"{'dateparser.search_dates':25}{baseline_rate[0]:10.1f}{baseline_rate[1]:10.1f}"
        f"  ({baseline_docs} docs)"
    )
    print(f"ratio tag / search_dates: {tagger_rate[1] / baseline_rate[1]:.1f}x (cpu)")


if __name__ == "__main__":
    main()
