"""Timeline page latency and served throughput, on a throwaway PostgreSQL database.

Run: .venv/bin/python bench/bench_pages.py [--events 100000] [--small 1000] [--requests 200]
       [--seconds 5]

Creates the database `dateline_bench` (dropped at the end), fills it with
`generate_corpus`, then measures:
- latency p50/p95 of the timeline page in-process (Django test client, DEBUG off):
  unfiltered and filtered (a random two-month window and status), full page and htmx
  fragment, at `--small` and `--events` events, and the full page with the page cache
  emptied before every request (every page rendered);
- throughput under gunicorn on 127.0.0.1 with a small threaded keep-alive load
  generator (bounded in requests and seconds), as a ratio to /healthz: of pages asked for
  again and again (after a warm-up, as for /healthz: each worker renders a page once), and
  of pages never asked for before (every one rendered); the figures are taken in slices
  interleaved with each other, so a busy neighbour on the machine weighs on all alike.
Returns rows (label, value, unit) from `run()`.
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SERVER = os.environ.get("BENCH_PG_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE = "dateline_bench"
Row = tuple[str, str, str]
# Each latency figure stops after this long, whatever --requests says.
LATENCY_SECONDS = 20.0


def admin_connection():
    import psycopg

    return psycopg.connect(f"{SERVER}/postgres", autocommit=True, connect_timeout=5)


def create_database() -> None:
    with admin_connection() as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")
        connection.execute(f"CREATE DATABASE {DATABASE}")


def drop_database() -> None:
    with admin_connection() as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {DATABASE} WITH (FORCE)")


def environment() -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{DATABASE}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(48),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_HTTPS": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    }


def setup_django() -> None:
    os.environ.update(environment())
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    import django

    django.setup()


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def month_windows(slug: str) -> list[str]:
    from django.db.models import Max, Min

    from timeline.models import Event

    bounds = Event.objects.filter(story__slug=slug).aggregate(
        first=Min("date_start"), last=Max("date_end")
    )
    months = []
    year, month = bounds["first"].year, bounds["first"].month
    while (year, month) <= (bounds["last"].year, bounds["last"].month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def measure_latency(slug: str, label: str, requests: int) -> list[Row]:
    from django.core.cache import caches
    from django.test import Client

    client = Client()
    months = month_windows(slug)
    rng = random.Random(1)
    path = f"/stories/{slug}/"
    rows = []
    # "rendered": the page cache is emptied before each request, so every page is rendered
    # (event cards and story-wide figures stay cached, as they would on a running server).
    for kind, fragment, rendered in (
        ("full", False, False),
        ("fragment", True, False),
        ("full, rendered", False, True),
    ):
        headers = {"HX-Request": "true"} if fragment else {}
        for filtered in (False, True):
            samples = []
            stop_at = time.monotonic() + LATENCY_SECONDS
            for number in range(requests + 5):
                if samples and time.monotonic() > stop_at:
                    break
                if rendered:
                    caches["pages"].clear()
                params = {}
                if filtered:
                    start = rng.randrange(max(1, len(months) - 1))
                    params = {"from": months[start], "to": months[min(start + 1, len(months) - 1)]}
                    params["status"] = "approved"
                began = time.perf_counter()
                response = client.get(path, params, headers=headers)
                elapsed = time.perf_counter() - began
                assert response.status_code == 200, response.status_code
                if number >= 5:  # the first few warm caches and connections
                    samples.append(elapsed * 1000)
            name = f"timeline {'filtered' if filtered else 'unfiltered'} {kind}, {label}"
            figures = f"{percentile(samples, 0.5):.1f} / {percentile(samples, 0.95):.1f}"
            rows.append((name, figures, f"ms p50/p95 (n={len(samples)})"))
    return rows


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_gunicorn(port: int) -> subprocess.Popen:
    command = [
        str(ROOT / ".venv" / "bin" / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        "--worker-class",
        "gthread",
        "--threads",
        "4",
        "--log-level",
        "warning",
    ]
    server = subprocess.Popen(command, cwd=ROOT, env=environment())
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise RuntimeError("gunicorn did not answer /healthz within 30 s")


def load(
    port: int, paths: list[str], *, seconds: float, max_requests: int, threads: int = 4
) -> tuple[int, float]:
    """Requests done and seconds taken over keep-alive connections, bounded in time and
    count; the threads take `paths` in turn (each path once, then again from the first)."""
    done = 0
    failures = 0
    taken = 0
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        nonlocal done, failures, taken
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        while time.monotonic() < stop_at:
            with lock:
                if taken >= max_requests:
                    return
                path = paths[taken % len(paths)]
                taken += 1
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            with lock:
                done += 1
                failures += response.status != 200
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)

    began = time.monotonic()
    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join()
    if failures:
        raise RuntimeError(f"{failures} of {done} requests failed")
    return done, time.monotonic() - began


def measure_throughput(
    small_slug: str, large_slug: str, *, seconds: float, rounds: int = 5
) -> list[Row]:
    """Each figure is taken in `rounds` slices, interleaved with the others, so that all of
    them see the same share of whatever else the machine is doing."""
    port = free_port()
    server = start_gunicorn(port)
    try:
        months = month_windows(large_slug)
        rng = random.Random(2)
        filtered = []
        for _ in range(50):
            start = rng.randrange(max(1, len(months) - 1))
            window = f"from={months[start]}&to={months[start + 1]}"
            filtered.append(f"/stories/{large_slug}/?{window}&status=approved")
        # Pages nobody asked for before: a one- or two-month window, approved or proposed.
        unseen = [
            f"/stories/{large_slug}/?from={months[start]}"
            f"&to={months[min(start + width, len(months) - 1)]}&status={status}"
            for start in range(len(months))
            for width in (0, 1)
            for status in ("approved", "proposed")
        ]
        rng.shuffle(unseen)
        small = [f"/stories/{small_slug}/"]
        load(port, ["/healthz"], seconds=1, max_requests=200)  # warm up both workers
        # Each worker renders a page (and the story's summary) once: warm them up as well,
        # so that the repeated-page figures are the steady state.
        for paths in (small, filtered):
            load(port, paths, seconds=2 * seconds, max_requests=8 * len(paths))
        totals = {name: [0, 0.0] for name in ("healthz", "small", "large", "unseen")}
        for _ in range(rounds):
            for name, paths in (("healthz", ["/healthz"]), ("small", small), ("large", filtered)):
                done, took = load(port, paths, seconds=seconds / rounds, max_requests=20_000)
                totals[name][0] += done
                totals[name][1] += took
            used = totals["unseen"][0]
            done, took = load(
                port, unseen[used:], seconds=seconds / rounds, max_requests=len(unseen) - used
            )
            totals["unseen"][0] += done
            totals["unseen"][1] += took
    finally:
        server.terminate()
        server.wait(timeout=10)
    rate = {name: done / took for name, (done, took) in totals.items()}
    healthz = rate["healthz"]

    def of_healthz(name: str) -> str:
        return f"{rate[name]:.0f} ({rate[name] / healthz:.0%})"

    return [
        ("served /healthz (gunicorn 2x4 threads)", f"{healthz:.0f}", "req/s"),
        ("served timeline, small story, unfiltered", of_healthz("small"), "req/s (of healthz)"),
        (
            "served timeline, large story, filtered (50 pages)",
            of_healthz("large"),
            "req/s (of healthz)",
        ),
        (
            "served timeline, large story, filtered, each page new",
            of_healthz("unseen"),
            "req/s (of healthz)",
        ),
    ]


def run(
    events: int = 100_000, small: int = 1_000, requests: int = 200, seconds: float = 5.0
) -> list[Row]:
    create_database()
    try:
        setup_django()
        from django.core.management import call_command
        from django.db import connection

        from timeline.corpus import build_corpus, write_corpus_to_database

        call_command("migrate", verbosity=0)
        call_command("collectstatic", verbosity=0, interactive=False)
        rows: list[Row] = []
        began = time.perf_counter()
        write_corpus_to_database(
            build_corpus(stories=1, articles=40, seed=1000, events_per_story=small)
        )
        write_corpus_to_database(
            build_corpus(
                stories=1, articles=max(40, events // 250), seed=2000, events_per_story=events
            )
        )
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
        rows.append(
            (
                "build corpus (generate_corpus)",
                f"{time.perf_counter() - began:.0f}",
                f"s for {small + events} events",
            )
        )
        small_slug, large_slug = "synthetic-1000-1", "synthetic-2000-1"
        rows += measure_latency(small_slug, f"{small:,} events", requests)
        rows += measure_latency(large_slug, f"{events:,} events", requests)
        connection.close()
        rows += measure_throughput(small_slug, large_slug, seconds=seconds)
        return rows
    finally:
        from django.db import connections

        connections.close_all()
        drop_database()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    for label, value, unit in run(args.events, args.small, args.requests, args.seconds):
        print(f"{label:<55} {value:>18} {unit}")


if __name__ == "__main__":
    main()
