"""Shared helpers for the ingest pipeline tests: stories on disk, seeds from the fixture."""

from __future__ import annotations

import json
import threading
import time
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from articles.models import Story
from timeline.ingest import get_story, ingest_text
from timeline.runs import ingest_paths

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "tests" / "data" / "stories"


def ingest_seed_articles(story: Story) -> None:
    """The five seed articles, verbatim with their dates, read from the shipped fixture."""
    records = json.loads((ROOT / "fixtures" / "seed_story.json").read_text(encoding="utf-8"))
    for record in records:
        if record["model"] == "articles.article":
            fields = record["fields"]
            ingest_text(
                fields["body"],
                story=story,
                published=date.fromisoformat(fields["published_on"]),
                title=fields["title"],
            )


@pytest.fixture
def seeds_raw(db) -> Story:
    story = get_story(slug="seeds-raw", title="North Korean troops in Russia (October 2024)")
    ingest_seed_articles(story)
    return story


@pytest.fixture
def ingest_story(db):
    def ingest(name: str) -> Story:
        report = ingest_paths([STORIES / name / "manifest.json"], story_slug=name)
        assert not report.errors, report.errors
        return Story.objects.get(slug=name)

    return ingest


PAGES = ROOT / "tests" / "data" / "pages"


def run_ingest(*args) -> tuple[str, str, str | None]:
    """`manage.py ingest ARGS`: its stdout, its stderr, and its error (None if it passed)."""
    out, err = StringIO(), StringIO()
    try:
        call_command("ingest", *args, stdout=out, stderr=err)
        error = None
    except CommandError as raised:
        error = str(raised)
    return out.getvalue(), err.getvalue(), error


class PageSite(ThreadingHTTPServer):
    """A real web server on 127.0.0.1 serving the test pages, and some bad answers."""

    daemon_threads = True
    block_on_close = False  # the slow handler may still be asleep at teardown

    def __init__(self):
        super().__init__(("127.0.0.1", 0), PageHandler)
        self.user_agents: list[str] = []
        self.routes: dict[str, tuple[int, dict[str, str], bytes]] = {}

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class PageHandler(BaseHTTPRequestHandler):
    server: PageSite

    def log_message(self, *args) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 — the http.server API
        self.server.user_agents.append(self.headers.get("User-Agent", ""))
        path = self.path.split("?")[0]
        try:
            if path == "/slow.html":
                time.sleep(3)
                self.answer(200, {"Content-Type": "text/html"}, b"<html></html>")
            elif path == "/huge.html":
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.end_headers()  # no Content-Length: the client must stop by itself
                chunk = b"<p>" + b"x" * (1024 * 1024 - 7) + b"</p>\n"
                for _ in range(50):
                    self.wfile.write(chunk)
            elif path in self.server.routes:
                self.answer(*self.server.routes[path])
            elif (PAGES / path.lstrip("/")).is_file() and path.endswith(".html"):
                body = (PAGES / path.lstrip("/")).read_bytes()
                self.answer(200, {"Content-Type": "text/html; charset=utf-8"}, body)
            else:
                self.answer(404, {"Content-Type": "text/plain"}, b"not found")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def answer(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def page_site():
    site = PageSite()
    thread = threading.Thread(target=site.serve_forever, daemon=True)
    thread.start()
    yield site
    site.shutdown()
    site.server_close()


@pytest.fixture
def loopback_allowed(settings):
    """The tests' web server is on 127.0.0.1: allow that address, and only it."""
    settings.DATELINE_FETCH_ALLOWED_NETWORKS = ["127.0.0.1/32"]
    settings.DATELINE_FETCH_TIMEOUT = 1.0
    return settings
