"""Browser fixtures: Debian's Chromium driven by Playwright against the live test server."""

from __future__ import annotations

import os
import shutil
from datetime import date
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by
# the fixtures here would otherwise refuse to run "in an async context".
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

from articles.models import Article, TemporalExpression  # noqa: E402

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE = Path(__file__).resolve().parents[2] / "static" / "vendor" / "axe-core" / "axe.min.js"

# Dates the seed's "Yoon convenes…" article (published Friday 18 October 2024) says,
# as the tagger resolves them, for a fixture that carries events but no expressions.
SEED_EXPRESSIONS = [
    ("on Friday", "DATE", "2024-10-18", (date(2024, 10, 18),) * 2, "day", "weekday-same-day"),
    ("last year", "DATE", "2023", (date(2023, 1, 1), date(2023, 12, 31)), "year", "last-year"),
    ("In June", "DATE", "2024-06", (date(2024, 6, 1), date(2024, 6, 30)), "month", "month-past"),
    ("1953", "DATE", "1953", (date(1953, 1, 1), date(1953, 12, 31)), "year", "year"),
    ("earlier this month", "DATE", "2024-10", (date(2024, 10, 1), date(2024, 10, 31)), "month",
     "this-month"),
]  # fmt: skip


@pytest.fixture(scope="session")
def browser() -> Browser:
    executable = shutil.which("chromium")
    if not executable:
        pytest.skip("Debian's chromium is not installed (make browser-deps)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def seed(seed_story):
    """The seed story, with date expressions on the article the reader tests open."""
    article = Article.objects.get(story=seed_story, title__startswith="Yoon convenes")
    if article.expressions.exists():  # the fixture carries them since the tagger landed
        return seed_story
    for text, kind, value, (start_day, end_day), granularity, rule in SEED_EXPRESSIONS:
        start = article.body.find(text)
        if start < 0:
            continue
        expression = TemporalExpression.objects.create(
            article=article, start=start, end=start + len(text), text=text, type=kind,
            value=value, date_start=start_day, date_end=end_day, granularity=granularity,
            anchor_date=article.published_on, rule=rule,
        )  # fmt: skip
        article.citations.filter(start__lte=start, end__gte=start + len(text)).update(
            expression=expression
        )
    return seed_story


def open_page(browser: Browser, base_url: str, **context_options) -> Page:
    context = browser.new_context(
        base_url=base_url, accept_downloads=True, **{"viewport": {"width": 1280, "height": 900},
                                                     **context_options}
    )  # fmt: skip
    page = context.new_page()
    page.problems = []  # console errors, uncaught exceptions, requests leaving the server

    def on_console(message) -> None:
        if message.type == "error":
            page.problems.append(f"console: {message.text}")

    def on_request(route) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            page.problems.append(f"external request: {route.request.url}")
            route.abort()

    page.on("console", on_console)
    page.on("pageerror", lambda error: page.problems.append(f"page error: {error}"))
    page.route("**/*", on_request)
    return page


@pytest.fixture
def page(browser, live_server, seed) -> Page:
    page = open_page(browser, live_server.url)
    yield page
    problems = page.problems
    page.context.close()
    assert not problems, problems


@pytest.fixture
def phone(browser, live_server, seed) -> Page:
    page = open_page(
        browser, live_server.url, viewport={"width": 390, "height": 844}, device_scale_factor=2,
        is_mobile=True, has_touch=True,
    )  # fmt: skip
    yield page
    problems = page.problems
    page.context.close()
    assert not problems, problems


@pytest.fixture
def audit_page(browser, live_server, seed) -> Page:
    """A page whose Content-Security-Policy lets Playwright inject axe-core inline."""
    page = open_page(browser, live_server.url, bypass_csp=True)
    yield page
    problems = page.problems
    page.context.close()
    assert not problems, problems


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]
