"""Ingest throughput on the configured database (DATABASE_URL; SQLite by default).

    .venv/bin/python bench/bench_ingest.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_bench .venv/bin/python bench/bench_ingest.py

Measures, in one process on a throwaway test database (never db.sqlite3):
- articles/s for the whole ingest (tag, extract, cluster, write) of 600-word articles;
- how much of that is the date tagger;
- the cost per article when the story already holds 100 and 10,000 events — it must not
  grow, because candidate lookup is a bounded range on the (story, date_start) index.

`run()` returns [(label, value, unit)] for the bench harness.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

ARTICLES = 120
WARM_UP = 3
SCALE_ARTICLES = 40
WORDS = 600
FIRST_DAY = date(2022, 1, 1)
DAYS = 4 * 365

PEOPLE = ["Minister Ana Ruiz", "President Olu Okafor", "Mayor Lena Brandt", "General Kim Soo",
          "Chancellor Mark Ivers", "Senator Priya Nair", "Commissioner Tom Hale"]
PLACES = ["Portmere", "Halden", "Vilnor", "Kestrel Bay", "the capital", "the northern province"]
ACTIONS = ["signed an agreement with", "met", "criticised", "announced sanctions against",
           "opened talks with", "summoned the ambassador of", "sent troops to", "visited"]
FILLER = ("Officials said the situation remained tense and that further talks were expected. "
          "Analysts noted that the decision could affect trade, security and public opinion. "
          "Residents described long queues, closed offices and uncertainty about the coming "
          "weeks. ")


def article_text(index: int, published: date, rng: random.Random) -> str:
    """A news-like article of about WORDS words with a dozen dated sentences."""
    sentences = []
    while sum(len(s.split()) for s in sentences) < WORDS:
        who, where, what = rng.choice(PEOPLE), rng.choice(PLACES), rng.choice(ACTIONS)
        day = published - timedelta(days=rng.randint(0, 40))
        when = rng.choice(
            [
                f"on {day:%B} {day.day}",
                "last week",
                "on Monday",
                f"in {day:%B}",
                f"between {day:%B} {day.day} and {min(day.day + 4, 28)}",
                "earlier this month",
                "yesterday",
            ]
        )
        sentences.append(f"{who} {what} {where} {when}, according to report {index}.")
        sentences.append(FILLER)
    return f"Date: {published.isoformat()}\n\n" + " ".join(sentences)


def _articles(count: int, seed: int) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    result = []
    for index in range(count):
        published = FIRST_DAY + timedelta(days=rng.randint(60, DAYS - 1))
        result.append((article_text(seed * 100_000 + index, published, rng), published))
    return result


def _ingest_all(story, articles) -> float:
    from timeline.ingest import ingest_text

    started = time.perf_counter()
    for text, published in articles:
        ingest_text(text, story=story, published=published)
    return time.perf_counter() - started


def _fill_story(story, count: int) -> None:
    """`count` existing events with one citation each, spread over the bench's years."""
    from articles.models import Article
    from timeline.models import Citation, Event

    rng = random.Random(count)
    body = "Existing events are cited here. " * 4
    holder = Article.objects.create(
        story=story, title="holder", published_on=FIRST_DAY, body=body + str(count)
    )
    events = Event.objects.bulk_create(
        [
            Event(
                story=story,
                title=f"{rng.choice(PEOPLE)} {rng.choice(ACTIONS)} {rng.choice(PLACES)}",
                date_start=(day := FIRST_DAY + timedelta(days=rng.randrange(DAYS))),
                date_end=day,
                granularity="day",
            )
            for _ in range(count)
        ],
        batch_size=1000,
    )
    Citation.objects.bulk_create(
        [
            Citation(event=event, article=holder, quote=event.title, start=0, end=10)
            for event in events
        ],
        batch_size=1000,
    )


def _measure(setup_story) -> list[tuple[str, float, str]]:
    from articles.models import Story
    from timeline.temporal import tag

    vendor = _vendor()
    warm = Story.objects.create(slug="bench-warm", title="Warm-up")
    _ingest_all(warm, _articles(WARM_UP, seed=1))

    articles = _articles(ARTICLES, seed=2)
    story = Story.objects.create(slug="bench-throughput", title="Bench")
    elapsed = _ingest_all(story, articles)
    started = time.perf_counter()
    for text, published in articles:
        tag(text, published)
    tagging = time.perf_counter() - started

    results = [
        (f"ingest throughput ({vendor})", ARTICLES / elapsed, "articles/s"),
        (f"ingest cost per article ({vendor})", elapsed / ARTICLES * 1000, "ms"),
        ("of which date tagging", tagging / ARTICLES * 1000, "ms"),
    ]
    for size in (100, 10_000):
        scaled = Story.objects.create(slug=f"bench-{size}", title=f"Bench {size}")
        _fill_story(scaled, size)
        elapsed = _ingest_all(scaled, _articles(SCALE_ARTICLES, seed=10 + size))
        results.append(
            (f"ingest cost per article at {size:,} events ({vendor})",
             elapsed / SCALE_ARTICLES * 1000, "ms")
        )
    return results


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


def run() -> list[tuple[str, float, str]]:
    import django

    django.setup()
    from django.conf import settings
    from django.test.utils import setup_databases, teardown_databases

    database = settings.DATABASES["default"]
    scratch = None
    if database["ENGINE"].endswith("sqlite3"):
        # A file, like production SQLite; the test runner would otherwise use memory.
        scratch = tempfile.mkdtemp(prefix="dateline-bench-")
        database.setdefault("TEST", {})["NAME"] = str(Path(scratch) / "bench.sqlite3")
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        return _measure(None)
    finally:
        teardown_databases(old_config, verbosity=0)
        if scratch:
            for leftover in Path(scratch).glob("*"):
                leftover.unlink()
            Path(scratch).rmdir()


def main() -> None:
    for label, value, unit in run():
        print(f"{label:55} {value:10.1f} {unit}")


if __name__ == "__main__":
    main()
