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

With `--manifest PATH` (a story's manifest, read in place), it also ingests that real
story, once into an empty story and once into one already holding 10,000 events, and
prints articles/s of CPU time with its ratio to `TARGET_ARTICLES_PER_S`, and the ratio of
the two costs per article (flat: about 1).

    .venv/bin/python bench/bench_ingest.py --manifest story/manifest.json

`run()` returns [(label, value, unit)] for the bench harness.
"""

from __future__ import annotations

import os
import random
import sys
import tempfile
import time
from contextlib import contextmanager
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
TARGET_ARTICLES_PER_S = 50  # a real story's ingest, CPU time, on SQLite
FILLED_EVENTS = 10_000

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


def _fill_between(story, count: int, first: date, last: date, *, seed: int) -> None:
    """`count` day-dated events spread at random from `first` to `last`, one citation each."""
    from articles.models import Article
    from timeline.models import Citation, Event

    if count <= 0:
        return
    rng = random.Random(seed)
    holder = Article.objects.create(
        story=story, title="holder", published_on=last,
        body=f"Existing events are cited here, {count} of them from {first} to {last}.",
    )  # fmt: skip
    span = (last - first).days
    events = Event.objects.bulk_create(
        [
            Event(
                story=story,
                title=f"{rng.choice(LAST_NAMES)} {rng.choice(ACTIONS)} {rng.choice(PLACES)}",
                date_start=(day := first + timedelta(days=rng.randint(0, span))),
                date_end=day,
                granularity="day",
            )
            for _ in range(count)
        ],
        batch_size=1000,
    )
    Citation.objects.bulk_create(
        [Citation(event=e, article=holder, quote=e.title, start=0, end=10) for e in events],
        batch_size=1000,
    )


def _recent_articles(count: int, *, seed: int, last_day: date) -> list[tuple[str, date]]:
    rng = random.Random(seed)
    result = []
    for index in range(count):
        published = last_day - timedelta(days=rng.randrange(10))
        result.append((article_text(seed * 100_000 + index, published, rng), published))
    return result


def _ingest_manifest(manifest: Path, slug: str) -> tuple[int, float]:
    """Articles ingested from `manifest` into the story `slug`, and the CPU seconds it took."""
    from timeline.runs import ingest_paths

    cpu = time.process_time()
    report = ingest_paths([manifest], story_slug=slug)
    cpu = time.process_time() - cpu
    if report.errors:
        raise SystemExit(f"{manifest}: {report.errors[0]}")
    return report.new, cpu


def _measure_manifest(manifest: Path) -> list[tuple[str, float, str]]:
    """A real story: articles/s of CPU into an empty story, against the target; then its
    cost per article in a story already holding 100 and `FILLED_EVENTS` events, with the
    same 100 over the story's own dates and the rest in a century nobody writes about, so
    that only the story's size differs: the ratio must stay about 1."""
    from articles.models import Article, Story

    vendor = _vendor()
    created, cpu = _ingest_manifest(manifest, "bench-real")
    if not created:
        raise SystemExit(f"{manifest}: no article was ingested")
    rate = created / cpu
    days = Article.objects.filter(story__slug="bench-real").values_list("published_on", flat=True)
    first_day, last_day = min(days), max(days)
    Story.objects.filter(slug="bench-real").delete()  # an article is stored once, in one story
    per_article = {}
    for size in (100, FILLED_EVENTS):
        filled = Story.objects.create(slug=f"bench-real-{size}", title=f"Real story, {size}")
        _fill_between(filled, 100, first_day, last_day, seed=1)
        _fill_between(filled, size - 100, date(1800, 1, 1), date(1899, 12, 31), seed=2)
        filled_created, filled_cpu = _ingest_manifest(manifest, filled.slug)
        per_article[size] = filled_cpu / max(filled_created, 1)
        filled.delete()  # its articles go in again next; its holder is the synthetic rows' too
    return [
        (f"real story ingest ({vendor}, CPU time, {created} articles)", rate, "articles/s"),
        (f"real story ingest vs target of {TARGET_ARTICLES_PER_S}/s",
         rate / TARGET_ARTICLES_PER_S, "x target"),
        (f"real story CPU per article, story of {FILLED_EVENTS:,} events ({vendor})",
         per_article[FILLED_EVENTS] * 1000, "ms"),
        (f"real story cost per article, {FILLED_EVENTS:,} vs 100 events",
         per_article[FILLED_EVENTS] / per_article[100], "x"),
    ]  # fmt: skip


def _measure(manifest: Path | None = None) -> list[tuple[str, float, str]]:
    from articles.models import Story
    from timeline.temporal import tag

    vendor = _vendor()
    warm = Story.objects.create(slug="bench-warm", title="Warm-up")
    _ingest_all(warm, _articles(WARM_UP, seed=1))
    real = _measure_manifest(manifest) if manifest else []

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
    return results + real


def _vendor() -> str:
    from django.db import connection

    return connection.vendor


@contextmanager
def throwaway_database():
    """Django set up on a test database made for the run and dropped after it (never
    db.sqlite3): an SQLite file, like production SQLite, or PostgreSQL's test database."""
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
        yield
    finally:
        teardown_databases(old_config, verbosity=0)
        if scratch:
            for leftover in Path(scratch).glob("*"):
                leftover.unlink()
            Path(scratch).rmdir()


def run(manifest: str | None = None) -> list[tuple[str, float, str]]:
    """The rows; with `manifest`, the real story's too (see the module's docstring)."""
    with throwaway_database():
        return _measure(Path(manifest) if manifest else None)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description="Ingest throughput.")
    parser.add_argument("--manifest", help="a real story's manifest.json, read in place")
    args = parser.parse_args()
    if args.manifest and not Path(args.manifest).is_file():
        sys.exit(f"--manifest: no such file: {args.manifest}")
    for label, value, unit in run(args.manifest):
        print(f"{label:55} {value:10.1f} {unit}")


if __name__ == "__main__":
    main()
