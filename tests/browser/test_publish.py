"""Publishing in a real browser: the review queue by keyboard and by mouse, what a visitor
sees (approved events only, exports included), and the embed framed by another site."""

from __future__ import annotations

import json
import os
import re
import threading
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.contrib.admin.models import LogEntry
from playwright.sync_api import Page, expect

from tests.browser.conftest import open_page
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-editor-browser-1"


@pytest.fixture
def story():
    story = StoryFactory(title="Harbour strike", slug="harbour-strike")
    for title, day, status in (
        ("Dockers walk out at the port", 4, "proposed"),
        ("Port dockers strike", 4, "proposed"),
        ("Talks resume", 20, "proposed"),
        ("Union calls a vote", 1, "approved"),
        ("Owners lock the gates", 12, "rejected"),
    ):
        event = EventFactory(story=story, title=title, date_start=date(2024, 3, day), status=status)
        CitationFactory(event=event, article=ArticleFactory(story=story, title=f"On {title}"))
    return story


@pytest.fixture
def editor_page(browser, live_server, story, django_user_model) -> Page:
    django_user_model.objects.create_superuser("editor", "editor@example.com", PASSWORD)
    page = open_page(browser, live_server.url)
    page.goto(f"/admin/login/?next=/stories/{story.slug}/review/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#progress")).to_contain_text("2 of 5 reviewed")
    yield page
    problems = page.problems
    page.context.close()
    assert not problems, problems


@pytest.fixture
def visitor(browser, live_server, story) -> Page:
    page = open_page(browser, live_server.url)
    yield page
    problems = [p for p in page.problems if "404" not in p]  # the unpublished event's page
    page.context.close()
    assert not problems, problems


def item(page: Page, title: str):
    heading = page.locator(".review-title", has_text=re.compile(f"^{re.escape(title)}$"))
    return page.locator(".review-item", has=heading)


def status_of(title: str) -> str:
    return Event.objects.get(title=title).status


def test_review_queue_by_keyboard_without_a_page_load(editor_page: Page, story):
    page = editor_page
    loads = []
    page.on("framenavigated", lambda frame: frame == page.main_frame and loads.append(frame.url))
    expect(page.locator(".review-item.current")).to_contain_text("Dockers walk out at the port")

    page.keyboard.press("a")  # approve the first; the next becomes current
    expect(item(page, "Dockers walk out at the port")).to_have_class(re.compile("status-approved"))
    expect(page.locator("#progress")).to_contain_text("3 of 5 reviewed")
    expect(page.locator(".review-item.current")).to_contain_text("Port dockers strike")

    page.keyboard.press("m")  # merge into the most similar: the walkout, same day and words
    expect(page.locator(".review-item.status-merged")).to_have_count(1)
    expect(page.locator(".review-item.current")).to_contain_text("Talks resume")

    page.keyboard.press("e")
    expect(page.locator(".review-item.current input[name=title]")).to_be_focused()
    page.keyboard.type("Talks resume at the port")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Talks resume at the port")).to_be_visible()

    page.keyboard.press("k")
    page.keyboard.press("k")
    expect(page.locator(".review-item.current")).to_contain_text("Dockers walk out at the port")
    page.keyboard.press("r")
    expect(item(page, "Dockers walk out at the port")).to_have_class(re.compile("status-rejected"))
    expect(page.locator("#progress")).to_contain_text("4 of 5 reviewed")  # the merge counts

    assert loads == []  # keystrokes, not page loads
    assert status_of("Dockers walk out at the port") == "rejected"
    merged = Event.objects.get(title="Port dockers strike")
    assert merged.status == "merged" and merged.merged_into.title == "Dockers walk out at the port"
    assert Event.objects.get(title="Talks resume at the port").title_edited
    assert set(LogEntry.objects.values_list("user__username", flat=True)) == {"editor"}
    assert LogEntry.objects.count() >= 5


def test_review_queue_by_mouse_with_a_bulk_decision(editor_page: Page, story):
    page = editor_page
    item(page, "Talks resume").get_by_role("button", name=re.compile("^Approve")).click()
    expect(item(page, "Talks resume")).to_have_class(re.compile("status-approved"))
    expect(page.locator("#progress")).to_contain_text("3 of 5 reviewed")

    for title in ("Dockers walk out at the port", "Port dockers strike"):
        item(page, title).get_by_role("checkbox").check()
    page.get_by_role("button", name="Reject selected").click()
    expect(page.locator(".messages")).to_contain_text("Rejected: 2 event(s).")
    expect(page.locator("#progress")).to_contain_text("5 of 5 reviewed")
    assert [status_of(t) for t in ("Dockers walk out at the port", "Port dockers strike")] == [
        "rejected", "rejected",
    ]  # fmt: skip
    expect(page.locator(".empty-state")).to_contain_text("Nothing left to review")


def test_review_queue_screenshot(editor_page: Page, story, tmp_path):
    folder = Path(os.environ.get("DATELINE_SCREENSHOT_DIR") or tmp_path)
    editor_page.set_viewport_size({"width": 1280, "height": 1000})
    editor_page.keyboard.press("j")
    editor_page.screenshot(path=str(folder / "review.png"))
    assert (folder / "review.png").stat().st_size > 10_000


def test_a_visitor_sees_approved_events_only_everywhere(visitor: Page, story, live_server):
    page = visitor
    page.goto(f"/stories/{story.slug}/")
    expect(page.locator("#timeline-list .event-title")).to_have_text(["Union calls a vote"])
    expect(page.locator(".summary")).to_contain_text("1 event from 1 source")

    page.goto(f"/stories/{story.slug}/?status=rejected")
    expect(page.locator(".notice")).to_contain_text("The status filter is for editors")
    expect(page.locator("#timeline-list .event-title")).to_have_text(["Union calls a vote"])

    hidden = Event.objects.get(title="Owners lock the gates")
    assert page.goto(f"/events/{hidden.pk}/").status == 404

    for fmt in ("json", "timelinejs", "ics", "csv"):
        for query in ("", "?status=rejected", "?status=proposed"):
            body = page.request.get(f"/stories/{story.slug}/export.{fmt}{query}").text()
            assert "Union calls a vote" in body, (fmt, query)
            for title in ("Dockers walk out", "Port dockers", "Talks resume", "Owners lock"):
                assert title not in body, (fmt, query, title)

    page.goto(f"/stories/{story.slug}/present/?status=proposed")
    expect(page.locator(".tl-timeline")).to_be_visible()
    source = page.locator("#timeline-embed").get_attribute("data-source")
    slides = json.loads(page.request.get(source).text())["events"]
    assert [re.sub("<[^>]+>", "", s["text"]["headline"]) for s in slides] == ["Union calls a vote"]
    expect(page.locator(".tl-timeline")).not_to_contain_text("Owners lock the gates")


class HostPage(BaseHTTPRequestHandler):
    """Another site on another loopback port: a page that frames the story's embed."""

    embed_url = ""

    def do_GET(self) -> None:
        body = (
            f"<!doctype html><title>Newsroom</title><h1>Our coverage</h1>"
            f'<iframe id="dateline" src="{self.embed_url}" width="800" height="600"></iframe>'
        ).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def host_sites(live_server, story):
    handler = type(
        "Host", (HostPage,), {"embed_url": f"{live_server.url}/stories/{story.slug}/embed/"}
    )
    servers = [ThreadingHTTPServer(("127.0.0.1", 0), handler) for _ in range(2)]
    for server in servers:
        threading.Thread(target=server.serve_forever, daemon=True).start()
    yield [f"http://127.0.0.1:{server.server_address[1]}" for server in servers]
    for server in servers:
        server.shutdown()
        server.server_close()


def test_embed_is_framed_by_an_allowed_origin_and_refused_by_another(browser, host_sites, settings):
    allowed, other = host_sites
    settings.DATELINE_EMBED_ORIGINS = [allowed]
    context = browser.new_context()
    try:
        page = context.new_page()
        page.goto(allowed)
        framed = page.frame_locator("#dateline")
        expect(framed.locator(".event-title")).to_have_text(["Union calls a vote"])

        refused = []
        page.on("console", lambda message: refused.append(message.text))
        page.goto(other)
        page.wait_for_load_state("load")
        expect(page.locator("h1")).to_have_text("Our coverage")
        frame = page.frame_locator("#dateline")
        expect(frame.locator(".event-title")).to_have_count(0)
        assert any("frame-ancestors" in text for text in refused), refused
    finally:
        context.close()
