"""Ingest throughput on the configured database (DATABASE_URL; SQLite by default).

    .venv/bin/python bench/bench_ingest.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/dateline_bench \
        .venv/bin/python bench/bench_ingest.py

Measures, in one process on a throwaway test database (never db.sqlite3):
- articles/s for the whole ingest (tag, extract, cluster, write) of 600-word articles;
- how much of that is the date tagger;
- the cost per article when the story already holds 100 and 10,000 events (at the same
  density around the new articles' dates) — it must not grow, because candidate lookup is
  a UNION of bounded ranges on the (story, date_start, date_end) index;
- the queries per article (BEGIN and COMMIT included) at both sizes: the same, and few.

On PostgreSQL the filled story's tables are analysed, as autovacuum would have done by
the time a story held so many events.

Wall-clock figures include SQLite's fsync per article commit and whatever else the machine
runs; CPU figures (process time) are the steadier measure of the pipeline itself.

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
QUERY_ARTICLES = 5
EVENTS_PER_DAY = 2
WORDS = 600
FIRST_DAY = date(2022, 1, 1)
DAYS = 4 * 365

FIRST_NAMES = [
    "Ana",
    "Olu",
    "Lena",
    "Soo",
    "Mark",
    "Priya",
    "Tom",
    "Ines",
    "Rafael",
    "Mei",
    "Jonas",
    "Amira",
    "Kofi",
    "Sara",
    "Ivan",
    "Leila",
]
LAST_NAMES = [
    "Ruiz",
    "Okafor",
    "Brandt",
    "Kim",
    "Ivers",
    "Nair",
    "Hale",
    "Costa",
    "Lind",
    "Haddad",
    "Berg",
    "Mensah",
    "Novak",
    "Sato",
    "Petrov",
    "Achterberg",
]
ROLES = ["Minister", "President", "Mayor", "General", "Chancellor", "Senator", "Commissioner"]
PLACES = [
    "Portmere",
    "Halden",
    "Vilnor",
    "Kestrel Bay",
    "Ostrava",
    "Marlow",
    "Tessin",
    "Valdera",
    "Brenna",
    "Kolby",
    "Saltash",
    "Arden",
]
ACTIONS = [
    "signed an agreement with",
    "met the leaders of",
    "criticised",
    "announced sanctions against",
    "opened talks with",
    "summoned the ambassador of",
    "sent inspectors to",
    "visited",
    "cut funding to",
    "praised",
    "sued",
    "reopened the border with",
    "suspended flights to",
    "pledged aid to",
]
FILLER = (
    "Officials said the situation remained tense and that further talks were expected. "
    "Analysts noted that the decision could affect trade, security and public opinion. "
    "Residents described long queues, closed offices and uncertainty about the coming "
    "weeks. "
)


def article_text(index: int, published: date, rng: random.Random) -> str:
    """A news-like article of about WORDS words with a dozen dated sentences."""
    sentences = []
    while sum(len(s.split()) for s in sentences) < WORDS:
        who = f"{rng.choice(ROLES)} {rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"
        where, what = rng.choice(PLACES), rng.choice(ACTIONS)
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


def _ingest_all(story, articles) -> tuple[float, float]:
    """Wall and CPU seconds to ingest `articles` (CPU is steadier on a shared machine)."""
    from timeline.ingest import ingest_text

    wall, cpu = time.perf_counter(), time.process_time()
    for text, published in articles:
        ingest_text(text, story=story, published=published)
    return time.perf_counter() - wall, time.process_time() - cpu


def _queries_per_article(story, articles) -> float:
    """Counted apart from the timed runs: capturing SQL has a cost of its own."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from timeline.ingest import ingest_text

    with CaptureQueriesContext(connection) as captured:
        for text, published in articles:
            ingest_text(text, story=story, published=published)
    return len(captured) / len(articles)


def _fill_story(story, count: int, *, last_day: date) -> None:
    """`count` events with one citation each, EVENTS_PER_DAY of them a day up to last_day.

    The density around the new articles is the same whatever `count` is, so comparing
    100 with 10,000 events measures what the story's size costs, not a fuller window.
    """
    from django.db import connection

    from articles.models import Article
    from timeline.models import Citation, Event

    rng = random.Random(count)
    span = max(1, count // EVENTS_PER_DAY)
    body = "Existing events are cited here. " * 4
    holder = Article.objects.create(
        story=story, title="holder", published_on=last_day, body=body + str(count)
    )
    events = Event.objects.bulk_create(
        [
            Event(
                story=story,
                title=f"{rng.choice(LAST_NAMES)} {rng.choice(ACTIONS)} {rng.choice(PLACES)}",
                date_start=(day := last_day - timedelta(days=rng.randrange(span))),
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
    if connection.vendor == "postgresql":
        # What autovacuum does soon after so many rows arrive: without statistics the
        # planner takes the tables for what they were when the test database was made.
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Event._meta.db_table}, {Citation._meta.db_table}")


def _recent_articles(count: int, *, seed: int, last_day: date) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    result = []
    for index in range(count):
        published = last_day - timedelta(days=rng.randrange(10))
        result.append((article_text(seed * 100_000 + index, published, rng), published))
    return result


def _measure() -> list[tuple[str, float, str]]:
    from articles.models import Story
    from timeline.temporal import tag

    vendor = _vendor()
    warm = Story.objects.create(slug="bench-warm", title="Warm-up")
    _ingest_all(warm, _articles(WARM_UP, seed=1))

    articles = _articles(ARTICLES, seed=2)
    story = Story.objects.create(slug="bench-throughput", title="Bench")
    wall, cpu = _ingest_all(story, articles)
    started = time.process_time()
    for text, published in articles:
        tag(text, published)
    tagging = time.process_time() - started

    results = [
        (f"ingest throughput ({vendor}, wall clock)", ARTICLES / wall, "articles/s"),
        (f"ingest throughput ({vendor}, CPU time)", ARTICLES / cpu, "articles/s"),
        (f"ingest CPU per article ({vendor})", cpu / ARTICLES * 1000, "ms"),
        ("of which date tagging (CPU)", tagging / ARTICLES * 1000, "ms"),
    ]
    last_day = date(2025, 6, 30)
    for size in (100, 10_000):
        scaled = Story.objects.create(slug=f"bench-{size}", title=f"Bench {size}")
        _fill_story(scaled, size, last_day=last_day)
        wall, cpu = _ingest_all(
            scaled, _recent_articles(SCALE_ARTICLES, seed=10 + size, last_day=last_day)
        )
        results += [
            (
                f"ingest CPU per article, story of {size:,} events ({vendor})",
                cpu / SCALE_ARTICLES * 1000,
                "ms",
            ),
            (
                f"ingest wall per article, story of {size:,} events ({vendor})",
                wall / SCALE_ARTICLES * 1000,
                "ms",
            ),
            (
                f"queries per article, story of {size:,} events ({vendor})",
                _queries_per_article(
                    scaled, _recent_articles(QUERY_ARTICLES, seed=20 + size, last_day=last_day)
                ),
                "queries",
            ),
        ]
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
        return _measure()
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
