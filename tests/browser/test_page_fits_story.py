"""A story over sixty years and one over sixty days, as a reader sees them: the page's
examples, chips and density strip speak of that story and stay readable."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import Page, expect

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def story_with(slug: str, days: list[date], word: str) -> str:
    story = StoryFactory(title=f"A {word} story", slug=slug)
    article = ArticleFactory(story=story, published_on=max(days))
    for n, day in enumerate(days):
        event = EventFactory(story=story, title=f"Harbour {word} number {n}", date_start=day)
        CitationFactory(event=event, article=article)
    return story.get_absolute_url()


def label_boxes(page: Page) -> list[dict]:
    return [
        label.bounding_box() for label in page.locator("svg.overview-strip text.year-label").all()
    ]


def assert_apart(boxes: list[dict]) -> None:
    for box, following in zip(boxes, boxes[1:], strict=False):
        assert box["x"] + box["width"] <= following["x"], (box, following)


def test_sixty_years_get_decade_chips_year_bars_and_labels_apart(page: Page):
    days = [date(1950 + year, 3, 1) for year in range(0, 61, 2)]
    url = story_with("sixty-years", days, "crane")
    page.goto(url)
    expect(page.locator("#f-q")).to_have_attribute("placeholder", "crane, harbour…")
    expect(page.locator("#f-from")).to_have_attribute("placeholder", "1950-03")
    expect(page.locator("#f-to")).to_have_attribute("placeholder", "2010-03-01")
    chips = page.locator(".presets li:not(.preset-recent) a")
    expect(chips).to_have_count(7)  # 1950s … 2010s
    expect(page.locator("figcaption#overview-caption")).to_contain_text("by the year")
    assert page.locator("svg.overview-strip a.bar").count() == 31
    boxes = label_boxes(page)
    assert len(boxes) >= 4
    assert_apart(boxes)
    chips.first.click()
    expect(page).to_have_url(re.compile(r"from=1950&to=1959$"))
    expect(page.locator("#timeline-list .event")).to_have_count(5)


def test_sixty_days_get_week_bars_month_chips_and_labels_apart(page: Page):
    days = [date(2024, 9, 2) + timedelta(days=n) for n in range(0, 60, 2)]
    url = story_with("sixty-days", days, "ferry")
    page.goto(url)
    expect(page.locator("#f-to")).to_have_attribute("placeholder", "2024-10-30")
    expect(page.locator("figcaption#overview-caption")).to_contain_text("by the week")
    assert 8 <= page.locator("svg.overview-strip a.bar").count() <= 10
    assert_apart(label_boxes(page))
    texts = page.locator(".presets li a").all_inner_texts()
    assert "September 2024" in texts and "October 2024" in texts
    assert "ambassador" not in page.content()
    page.locator("svg.overview-strip a.bar").first.click()
    expect(page).to_have_url(re.compile(r"from=2024-09-02&to=2024-09-08$"))
    expect(page.locator("#timeline-list .event")).to_have_count(4)
