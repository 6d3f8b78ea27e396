"""What a reader does in a real browser: filter, search, open quotes, follow them, export."""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import date, timedelta
from pathlib import Path

import icalendar
import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import axe_violations
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "north-korean-troops-in-russia"
STORY = f"/stories/{SLUG}/"
# `make screenshots` refreshes the README's pictures; otherwise they go to a temporary folder,
# so a test run never changes the checkout.
SCREENSHOTS_SETTING = "DATELINE_SCREENSHOT_DIR"


def events(page: Page):
    return page.locator("#timeline-list .event")


def titles(page: Page) -> list[str]:
    return page.locator("#timeline-list .event-title").all_inner_texts()


def test_filter_by_date_range_shows_october_and_not_june(page: Page):
    page.goto(STORY)
    expect(events(page)).to_have_count(12)
    page.fill("#f-from", "2024-10")
    page.fill("#f-to", "2024-10")
    page.press("#f-to", "Enter")
    expect(page).to_have_url(re.compile(r"from=2024-10&to=2024-10$"))
    expect(page.locator(".summary")).to_contain_text("7 events")
    expect(page.locator("#announcer")).to_have_text(re.compile(r"^7 events from \d sources"))
    shown = titles(page)
    assert "South Korea summons the Russian ambassador" in shown
    assert not any("defence pact" in title for title in shown)


def test_filter_by_source_checkbox(page: Page):
    page.goto(STORY)
    page.get_by_label(re.compile("^Yoon convenes emergency security meeting")).check()
    expect(page).to_have_url(re.compile(r"source=\d+"))
    expect(events(page)).to_have_count(6)
    assert "The Korean War ends" in titles(page)
    expect(
        page.get_by_label(re.compile("^Yoon convenes emergency security meeting"))
    ).to_be_checked()


def test_search_as_you_type_highlights_matches(page: Page):
    page.goto(STORY)
    page.locator("#f-q").press_sequentially("ambassador", delay=20)
    expect(page).to_have_url(re.compile(r"q=ambassador"))
    expect(page.locator("#timeline-list mark.hit").first).to_have_text(
        re.compile("ambassador", re.I)
    )
    expect(page.locator("#f-q")).to_be_focused()
    assert "The Korean War ends" not in titles(page)


def test_open_citations_inline_and_fold_them_again(page: Page):
    page.goto(STORY)
    card = page.locator(".event", has_text="mutual defence pact")
    toggle = card.locator("[data-citations-toggle]")
    toggle.click()
    expect(card.locator(".citation")).to_have_count(5)
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(card.locator("mark.quote").first).to_be_visible()
    expect(page).to_have_url(re.compile(rf"{STORY}$"))  # opening quotes is not navigation
    toggle.click()
    expect(card.locator(".citations-slot")).to_be_hidden()
    expect(toggle).to_have_attribute("aria-expanded", "false")


def test_citation_shows_the_expression_that_dated_it(page: Page):
    page.goto(STORY)
    card = page.locator(".event", has_text="The Korean War ends")
    card.locator("[data-citations-toggle]").click()
    expect(card.locator(".dated-by")).to_contain_text("“1953” in an article of 18 Oct 2024 → 1953")


def test_quote_context_keeps_the_line_break_before_a_new_paragraph(page: Page, seed):
    event = seed.events.get(title="South Korea summons the Russian ambassador")
    page.goto(f"/events/{event.pk}/")
    quoted = page.locator(".citation", has_text="Calls for Withdrawal").locator("blockquote")
    assert "Troops Training in Russia\nIn recent diplomatic tensions" in quoted.inner_text()


def test_follow_a_citation_to_the_article(page: Page):
    page.goto(STORY)
    card = page.locator(".event", has_text="The Korean War ends")
    card.locator("[data-citations-toggle]").click()
    card.locator(".citation .source a").click()
    expect(page).to_have_url(re.compile(r"/articles/\d+/#cite-\d+-\d+$"))
    target = page.locator(".cited:target")
    expect(target).to_contain_text("which ended in 1953")
    expect(page.locator("mark.timex").first).to_be_visible()


def test_back_and_forward_restore_the_filtered_view(page: Page):
    page.goto(STORY)
    page.get_by_role("link", name="October 2024", exact=True).click()
    expect(page).to_have_url(re.compile(r"from=2024-10&to=2024-10$"))
    expect(events(page)).to_have_count(7)
    page.fill("#f-q", "ambassador")
    expect(page).to_have_url(re.compile(r"q=ambassador"))
    page.press("#f-q", "Enter")  # the same view again: no second history entry
    expect(events(page)).to_have_count(1)
    page.go_back()
    expect(page).to_have_url(re.compile(r"from=2024-10&to=2024-10$"))
    expect(events(page)).to_have_count(7)
    expect(page.locator("#f-from")).to_have_value("2024-10")
    page.go_back()
    expect(events(page)).to_have_count(12)
    page.go_forward()
    expect(events(page)).to_have_count(7)


def test_back_restores_what_the_filters_say_along_with_the_view(page: Page):
    page.goto(STORY)
    page.fill("#f-q", "pact")
    expect(page).to_have_url(re.compile(r"\?q=pact$"))
    expect(events(page)).to_have_count(2)
    source = page.locator("#f-sources .check", has_text="Yoon convenes").locator("input")
    source.check()
    expect(page).to_have_url(re.compile(r"&source=\d+$"))
    expect(events(page)).to_have_count(1)
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?q=pact$"))
    expect(events(page)).to_have_count(2)
    expect(page.locator("#f-q")).to_have_value("pact")
    expect(source).not_to_be_checked()
    page.go_back()
    expect(events(page)).to_have_count(12)
    expect(page.locator("#f-q")).to_have_value("")


def test_reload_of_a_filtered_url_reproduces_the_view(page: Page):
    page.goto(f"{STORY}?granularity=week")
    expect(events(page)).to_have_count(2)
    page.reload()
    expect(events(page)).to_have_count(2)
    expect(page.locator("#f-granularity-week")).to_be_checked()


def test_presets_filter_to_the_last_30_days_of_the_story(page: Page):
    page.goto(STORY)
    page.get_by_role("link", name="Last 30 days of the story").click()
    expect(page).to_have_url(re.compile(r"from=2024-10-02&to=2024-10-31$"))
    expect(page.get_by_role("link", name="Last 30 days of the story")).to_have_attribute(
        "aria-current", "true"
    )
    assert "The Korean War ends" not in titles(page)


def test_overview_bar_filters_to_its_period(page: Page):
    page.goto(STORY)
    page.locator("svg.overview-strip a.bar[aria-label^='June 2024']").click()
    expect(page).to_have_url(re.compile(r"from=2024-06&to=2024-06$"))
    expect(events(page)).to_have_count(1)
    expect(page.locator("svg.overview-strip a.bar.selected")).to_have_count(1)


def test_removing_a_chip_removes_that_filter(page: Page):
    page.goto(f"{STORY}?q=troops&from=2024-10")
    page.get_by_role("link", name=re.compile("Remove filter Search")).click()
    expect(page).to_have_url(re.compile(r"\?from=2024-10$"))
    expect(page.locator("#f-q")).to_have_value("")


def test_empty_results_offer_to_clear_filters(page: Page):
    page.goto(f"{STORY}?q=zeppelin")
    expect(page.locator(".summary")).to_contain_text("No events match")
    page.get_by_role("link", name="Clear all filters").click()
    expect(events(page)).to_have_count(12)
    expect(page).to_have_url(re.compile(rf"{STORY}$"))


def test_keyboard_alone_can_filter_and_open_quotes(page: Page):
    page.goto(STORY)
    page.keyboard.press("Tab")  # skip link
    expect(page.locator(".skip-link")).to_be_focused()
    page.locator("details.more > summary").focus()
    page.keyboard.press("Enter")
    page.locator("#f-granularity-month").focus()
    page.keyboard.press("Space")
    expect(page).to_have_url(re.compile(r"granularity=month"))
    expect(events(page)).to_have_count(4)
    expect(page.locator("#f-granularity-month")).to_be_focused()  # focus survives the swap
    toggle = page.locator(".event", has_text="Six North Koreans").locator("[data-citations-toggle]")
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    outline = toggle.evaluate("el => getComputedStyle(el).outlineStyle")
    assert outline != "none"


def test_filters_work_without_javascript(browser, live_server, seed):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(STORY)
    page.fill("#f-from", "2024-10")
    page.click("button[type=submit]")
    expect(page).to_have_url(re.compile(r"from=2024-10"))
    expect(page.locator(".summary")).to_contain_text("7 events")
    expect(page.locator(".event", has_text="The Korean War ends")).to_have_count(0)
    page.goto(STORY)
    page.locator(".event", has_text="mutual defence pact").locator(
        "[data-citations-toggle]"
    ).click()
    expect(page).to_have_url(re.compile(r"/events/\d+/$"))
    expect(page.locator(".citation")).to_have_count(5)
    context.close()


@pytest.mark.parametrize("fmt", ["json", "timelinejs", "ics", "csv"])
def test_exports_download_and_parse(page: Page, fmt: str):
    page.goto(f"{STORY}?from=2024-10&to=2024-10")
    with page.expect_download() as info:
        page.locator(f".exports a[data-format='{fmt}']").click()
    content = Path(info.value.path()).read_bytes()
    if fmt == "json" or fmt == "timelinejs":
        assert len(json.loads(content)["events"]) == 7
    elif fmt == "ics":
        assert len(icalendar.Calendar.from_ical(content).walk("VEVENT")) == 7
    else:
        assert len(list(csv.DictReader(io.StringIO(content.decode())))) == 7


def test_presentation_view_renders_timelinejs(page: Page):
    page.goto(f"/stories/{SLUG}/present/")
    expect(page.locator("#timeline-embed.tl-timeline")).to_be_visible()
    expect(page.locator(".tl-slide-titleslide .tl-headline").first).to_contain_text(
        "North Korean troops in Russia"
    )
    page.locator(".tl-slidenav-next").first.click()
    expect(page.locator(".tl-slide h2.tl-headline", has_text="The Korean War ends")).to_be_visible()
    expect(page.locator(".tl-headline-date", has_text="1953")).to_be_visible()
    height = page.locator("#timeline-embed").evaluate("el => el.offsetHeight")
    assert height > 400


def test_presentation_of_no_events_says_so(page: Page):
    page.goto(f"/stories/{SLUG}/present/?q=zebra")
    expect(page.locator("#present-empty")).to_be_visible()
    expect(page.locator("#present-empty")).to_contain_text("No events match these filters")
    expect(page.locator("#timeline-embed")).to_be_hidden()
    page.get_by_role("link", name="Present the whole story").click()
    expect(page.locator(".tl-slide-titleslide .tl-headline").first).to_contain_text(
        "North Korean troops in Russia"
    )


def test_long_story_loads_more_events_on_scroll(page: Page):
    story = StoryFactory(title="A long story", slug="long-story")
    article = ArticleFactory(story=story)
    for i in range(60):
        event = EventFactory(story=story, date_start=date(2024, 1, 1) + timedelta(days=i))
        CitationFactory(event=event, article=article)
    page.goto(story.get_absolute_url())
    expect(events(page)).to_have_count(50)
    page.locator("#load-more").scroll_into_view_if_needed()
    expect(events(page)).to_have_count(60)
    expect(page.locator("#load-more")).to_have_count(0)
    assert len(set(titles(page))) == 60


@pytest.mark.parametrize(
    "path", [STORY, f"{STORY}?q=troops&from=2024", "/events/{event}/", "/articles/{article}/"]
)
def test_no_serious_accessibility_violations(audit_page: Page, seed, path: str):
    page = audit_page
    event = seed.events.get(title="Russia and North Korea sign a mutual defence pact in Pyongyang")
    article = seed.articles.get(title__startswith="Yoon convenes")
    page.goto(path.format(event=event.pk, article=article.pk))
    if path == STORY:
        page.locator(".event", has_text="mutual defence pact").locator(
            "[data-citations-toggle]"
        ).click()
        expect(page.locator(".citation").first).to_be_visible()
    assert axe_violations(page) == []


def test_date_values_show_on_hover_and_keyboard_focus(page: Page, seed):
    article = seed.articles.get(title__startswith="Yoon convenes")
    page.goto(f"/articles/{article.pk}/")
    first = page.locator(".body mark.timex").first
    tip = first.locator(".timex-tip")
    expect(tip).to_be_hidden()
    first.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("18 October 2024")
    page.mouse.move(0, 0)
    expect(tip).to_be_hidden()
    first.focus()
    expect(tip).to_be_visible()
    expect(first.locator("time")).to_have_attribute("datetime", "2024-10-18")


def test_date_explanations_stay_on_a_phone_screen(phone: Page, seed):
    article = seed.articles.get(title__startswith="Yoon convenes")
    phone.goto(f"/articles/{article.pk}/")
    marks = phone.locator(".body mark.timex")
    assert marks.count() > 3
    for mark in marks.all():
        mark.focus()
        tip = mark.locator(".timex-tip")
        expect(tip).to_be_visible()
        box = tip.evaluate("e => e.getBoundingClientRect().toJSON()")
        assert box["left"] >= 0 and box["right"] <= 390, mark.inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_phone_layout_has_no_sideways_scroll(phone: Page):
    phone.goto(STORY)
    expect(events(phone)).to_have_count(12)
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    phone.locator("details.drawer > summary").click()
    expect(phone.locator("#f-from")).to_be_visible()


def test_screenshots(page: Page, phone: Page, seed, tmp_path):
    screenshots = Path(os.environ.get(SCREENSHOTS_SETTING) or tmp_path)
    screenshots.mkdir(parents=True, exist_ok=True)
    page.goto(STORY)
    expect(events(page)).to_have_count(12)
    page.screenshot(path=screenshots / "timeline.png")
    page.screenshot(path=screenshots / "timeline-full.png", full_page=True)

    card = page.locator(".event", has_text="South Korea summons the Russian ambassador")
    card.locator("[data-citations-toggle]").click()
    expect(card.locator(".citation").first).to_be_visible()
    card.scroll_into_view_if_needed()
    page.evaluate("el => el.scrollIntoView({block: 'start'})", card.element_handle())
    page.screenshot(path=screenshots / "event-open.png")

    page.goto(f"{STORY}?q=troops&from=2024-10")
    expect(page.locator("mark.hit").first).to_be_visible()
    page.screenshot(path=screenshots / "timeline-filtered.png")

    event = seed.events.get(title="The Korean War ends")
    page.goto(f"/events/{event.pk}/")
    page.screenshot(path=screenshots / "event-page.png", full_page=True)

    article = seed.articles.get(title__startswith="Yoon convenes")
    page.goto(f"/articles/{article.pk}/")
    page.locator(".body mark.timex").first.hover()
    page.screenshot(path=screenshots / "article-reader.png")

    page.goto(f"/stories/{SLUG}/present/")
    expect(page.locator(".tl-slide-titleslide .tl-headline").first).to_be_visible()
    page.wait_for_timeout(800)
    page.screenshot(path=screenshots / "presentation.png")

    phone.goto(STORY)
    expect(events(phone)).to_have_count(12)
    phone.screenshot(path=screenshots / "phone-timeline.png")
    phone.goto(f"/articles/{article.pk}/")
    phone.screenshot(path=screenshots / "phone-article.png")
    for name in ("timeline", "event-open", "article-reader", "phone-timeline"):
        assert (screenshots / f"{name}.png").stat().st_size > 10_000
