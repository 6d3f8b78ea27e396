"""Review queue latency: every editor's action on a real story (SQLite), and the queue page
of a story with 10,000 proposed events (PostgreSQL).

Run: .venv/bin/python bench/bench_review.py [--story MANIFEST.json] [--requests 200]

- SQLite, on a throwaway file: ingests the story of MANIFEST (the 30 Apple articles of
  SemEval-2015 give 119 proposals; without --story, the seed articles under
  tests/temporal/data), then times, in-process with the Django test client as a logged-in
  editor, each answer the queue gives: the page itself, and by htmx each event edited,
  approved, rejected and merged into its most similar neighbour, and bulk approval of a
  page; p50, p95 and the slowest answer of each.
- PostgreSQL, on the throwaway database `dateline_bench_review` (or `$BENCH_PG_DATABASE`;
  dropped at the end): a
  `generate_corpus` story whose events are all made proposed (10,046: 10,250 generated, the
  rest merged), and the queue
  page at random pages (p50/p95), full and as the htmx fragment of one action.
Returns rows (label, value, unit) from `run()`.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE = os.environ.get("BENCH_PG_DATABASE", "dateline_bench_review")  # dropped at the end
SEED_MANIFEST = ROOT / "tests" / "temporal" / "data" / "seeds" / "manifest.json"
Row = tuple[str, str, str]
HX = {"HX-Request": "true"}


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def figures(samples: list[float]) -> str:
    return f"{percentile(samples, 0.5):.1f} / {percentile(samples, 0.95):.1f} / {max(samples):.1f}"


def timed(call) -> tuple[float, object]:
    began = time.perf_counter()
    response = call()
    elapsed = (time.perf_counter() - began) * 1000
    assert response.status_code in (200, 302), response.status_code
    return elapsed, response


def editor_client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    user = get_user_model().objects.create_user(
        "bench-editor", password=secrets.token_urlsafe(16), is_staff=True, is_superuser=True
    )
    client = Client()
    client.force_login(user)
    return client


def measure_actions(slug: str) -> list[Row]:
    """Every answer of the queue for each proposed event of story `slug`."""
    from django.urls import reverse

    from timeline.models import Event
    from timeline.review import QUEUE_PAGE

    client = editor_client()
    queue = reverse("timeline:review", args=[slug])
    events = list(Event.objects.filter(story__slug=slug, status="proposed").order_by("pk"))
    samples: dict[str, list[float]] = {
        name: [] for name in ("page", "edit", "approve", "reject", "merge", "bulk")
    }
    for _ in range(5):  # warm up templates and connections
        client.get(queue)
    for _ in range(len(events)):
        samples["page"].append(timed(lambda: client.get(queue))[0])

    def act(event, action, data=None) -> float:
        url = reverse(f"timeline:review-{action}", args=[slug, event.pk])
        return timed(lambda: client.post(url, data or {}, headers=HX))[0]

    for event in events:
        data = {
            "title": event.title + " (checked)",
            "date_start": event.date_start.isoformat(),
            "date_end": event.date_end.isoformat(),
            "granularity": event.granularity,
        }
        samples["edit"].append(act(event, "edit", data))
        samples["approve"].append(act(event, "approve"))
        samples["reject"].append(act(event, "reject"))
    Event.objects.filter(pk__in=[e.pk for e in events]).update(status="proposed")
    # Bulk approval of a queue page at a time, then back to proposed for the merges.
    for start in range(0, len(events), QUEUE_PAGE):
        ids = [str(e.pk) for e in events[start : start + QUEUE_PAGE]]
        samples["bulk"].append(
            timed(
                lambda ids=ids: client.post(f"{queue}bulk/", {"action": "approve", "event": ids})
            )[0]
        )
    Event.objects.filter(pk__in=[e.pk for e in events]).update(status="proposed")
    # Merge each event into the one after it in date order (what "m" does when the most
    # similar event is the next one), every other event so that each target still stands.
    ordered = sorted(events, key=lambda e: (e.date_start, e.date_end, e.pk))
    for event, target in zip(ordered[0::2], ordered[1::2], strict=False):
        samples["merge"].append(act(event, "merge", {"into": str(target.pk)}))
    unit = f"ms p50/p95/max (n={len(events)} events)"
    merges = f"ms p50/p95/max (n={len(samples['merge'])})"
    return [
        (f"review queue page, {len(events)} proposals, SQLite", figures(samples["page"]), unit),
        *(
            (f"review {name} (htmx answer), SQLite", figures(samples[name]), unit)
            for name in ("edit", "approve", "reject")
        ),
        ("review merge (htmx answer), SQLite", figures(samples["merge"]), merges),
        (
            f"review bulk approve of a page ({QUEUE_PAGE}), SQLite",
            figures(samples["bulk"]),
            f"ms p50/p95/max (n={len(samples['bulk'])})",
        ),
    ]


def sqlite_rows(manifest: Path) -> list[Row]:
    scratch = Path(tempfile.mkdtemp(prefix="dateline-bench-review-"))
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{scratch / 'review.sqlite3'}",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_HTTPS": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
        manage = [sys.executable, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "-v0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "collectstatic", "--noinput", "-v0"], env=env, check=True, cwd=ROOT
        )
        ingest = subprocess.run(
            [*manage, "ingest", str(manifest)], env=env, cwd=ROOT, capture_output=True, text=True
        )
        if ingest.returncode:
            raise RuntimeError(f"ingest failed: {ingest.stderr.strip()}")
        os.environ.update(env)
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
        import django

        django.setup()
        from articles.models import Story

        slug = Story.objects.order_by("-pk").values_list("slug", flat=True).first()
        return measure_actions(slug)
    finally:
        from django.db import connections

        connections.close_all()
        shutil.rmtree(scratch, ignore_errors=True)


def admin_connection():
    import psycopg

    return psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=5)


def postgres_rows(events: int, requests: int) -> list[Row]:
    """The queue of a large story on PostgreSQL, in a child process (its own settings)."""
    with admin_connection() as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")
    try:
        env = {
            **os.environ,
            "DATABASE_URL": f"{SERVER}/{DATABASE}",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_HTTPS": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
        }
        result = subprocess.run(
            [sys.executable, __file__, "--postgres-child", str(events), str(requests)],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if result.returncode:
            raise RuntimeError(result.stderr.strip().splitlines()[-1])
        rows = []
        for line in result.stdout.splitlines():
            label, value, unit = line.split("\t")
            rows.append((label, value, unit))
        return rows
    finally:
        with admin_connection() as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def postgres_child(events: int, requests: int) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from timeline.corpus import build_corpus, write_corpus_to_database
    from timeline.models import Event
    from timeline.review import QUEUE_PAGE

    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)
    write_corpus_to_database(
        build_corpus(stories=1, articles=max(40, events // 250), seed=3000, events_per_story=events)
    )
    slug = "synthetic-3000-1"
    Event.objects.filter(story__slug=slug).exclude(status="merged").update(status="proposed")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    proposed = Event.objects.filter(story__slug=slug, status="proposed").count()
    pages = -(-proposed // QUEUE_PAGE)
    client = editor_client()
    queue = reverse("timeline:review", args=[slug])
    rng = random.Random(3)
    rows = []
    for name, pick in (("first page", lambda: 1), ("random page", lambda: rng.randint(1, pages))):
        samples = []
        for number in range(requests + 5):
            page = pick()
            elapsed, _ = timed(lambda page=page: client.get(queue, {"page": page}))
            if number >= 5:
                samples.append(elapsed)
        figures_text = f"{percentile(samples, 0.5):.1f} / {percentile(samples, 0.95):.1f}"
        rows.append(
            (
                f"review queue {name}, {proposed:,} proposals, PostgreSQL",
                figures_text,
                f"ms p50/p95 (n={len(samples)})",
            )
        )
    # An htmx approve in the large story: the item and progress line it answers.
    ids = list(
        Event.objects.filter(story__slug=slug, status="proposed")
        .order_by("?")
        .values_list("pk", flat=True)[: requests + 5]
    )
    samples = []
    with CaptureQueriesContext(connection) as queries:
        for number, pk in enumerate(ids):
            url = reverse("timeline:review-approve", args=[slug, pk])
            elapsed, _ = timed(lambda url=url: client.post(url, headers=HX))
            if number >= 5:
                samples.append(elapsed)
    rows.append(
        (
            f"review approve (htmx answer), {proposed:,} proposals, PostgreSQL",
            f"{percentile(samples, 0.5):.1f} / {percentile(samples, 0.95):.1f}",
            f"ms p50/p95 (n={len(samples)}, {len(queries) / len(ids):.0f} queries each)",
        )
    )
    connection.close()
    out = io.StringIO()
    for row in rows:
        out.write("\t".join(row) + "\n")
    sys.stdout.write(out.getvalue())


# Generated events; merging leaves 10,046 of them to propose, the goal's 10,000 and more.
EVENTS = 10_250


def run(story: str = "", events: int = EVENTS, requests: int = 200) -> list[Row]:
    manifest = Path(story) if story else SEED_MANIFEST
    rows = sqlite_rows(manifest)
    if not story:
        rows = [(label.replace("SQLite", "SQLite, seed articles"), v, u) for label, v, u in rows]
    return rows + postgres_rows(events, requests)


def main() -> None:
    if len(sys.argv) == 4 and sys.argv[1] == "--postgres-child":
        postgres_child(int(sys.argv[2]), int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--story", default="", help="a manifest to ingest (default: the seeds)")
    parser.add_argument("--events", type=int, default=EVENTS)
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    for label, value, unit in run(args.story, args.events, args.requests):
        print(f"{label:<60} {value:>22} {unit}")


if __name__ == "__main__":
    main()
