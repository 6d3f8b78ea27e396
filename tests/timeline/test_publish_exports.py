"""Exports as other programs read them: TimelineJS with absolute links and groups, CSV
that spreadsheets open as UTF-8."""

from __future__ import annotations

import json
from datetime import date

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    story = StoryFactory(title="Harbour strike")
    news = EventFactory(story=story, title="Dockers walk out", date_start=date(2024, 3, 4))
    citation = CitationFactory(
        event=news, article=ArticleFactory(story=story, outlet="Halvik Post")
    )
    news.summary = citation.quote  # as ingest sums an event up: its sentence
    news.save()
    founding = EventFactory(
        story=story, title="The port is founded", date_start=date(1850, 1, 1),
        date_end=date(1850, 12, 31), granularity="year", background=True,
        summary="Founded by merchants.",
    )  # fmt: skip
    CitationFactory(event=founding, article=ArticleFactory(story=story, outlet="Coast Times"))
    return story


def timelinejs(client, story, **params):
    response = client.get(reverse("timeline:export", args=[story.slug, "timelinejs"]), params)
    assert response.status_code == 200
    return {slide["text"]["headline"]: slide for slide in json.loads(response.content)["events"]}


def test_timelinejs_links_are_absolute_from_the_site_url(client, story, settings):
    settings.DATELINE_SITE_URL = "https://dateline.example.org"
    slides = timelinejs(client, story)
    text = " ".join(s["text"]["text"] + s["text"]["headline"] for s in slides.values())
    assert 'href="https://dateline.example.org/articles/' in text
    assert 'href="https://dateline.example.org/events/' in text
    assert 'href="/' not in text


def test_timelinejs_links_are_absolute_from_the_request_without_a_site_url(client, story, settings):
    settings.DATELINE_SITE_URL = ""
    text = json.dumps(timelinejs(client, story))
    assert "http://testserver/articles/" in text and 'href=\\"/' not in text


def test_timelinejs_groups_by_kind_and_marks_background(client, story):
    slides = {s["unique_id"]: s for s in timelinejs(client, story).values()}
    groups = {s["group"] for s in slides.values()}
    assert groups == {"News", "Background"}
    background = next(s for s in slides.values() if s["group"] == "Background")
    assert "Background" in background["text"]["text"] and "background" in background


def test_timelinejs_groups_by_source_when_asked(client, story):
    groups = {s["group"] for s in timelinejs(client, story, group="source").values()}
    assert groups == {"Halvik Post", "Coast Times"}


def test_timelinejs_does_not_repeat_the_quote_as_the_summary(client, story):
    slides = timelinejs(client, story)
    news = next(s for s in slides.values() if s["group"] == "News")
    quote = story.events.get(title="Dockers walk out").citations.get().quote
    assert news["text"]["text"].count(quote) == 1
    founding = next(s for s in slides.values() if s["group"] == "Background")
    assert "<p>Founded by merchants.</p>" in founding["text"]["text"]


def test_a_bad_group_says_which_there_are(client, story):
    url = reverse("timeline:export", args=[story.slug, "timelinejs"])
    response = client.get(url, {"group": "colour"})
    assert response.status_code == 400
    assert response.content.decode().strip() == "“group” must be one of kind, source."


def test_csv_starts_with_a_byte_order_mark_for_spreadsheets(client, story):
    response = client.get(reverse("timeline:export", args=[story.slug, "csv"]))
    assert response.content.startswith("\ufeffid,".encode())
    assert response.content.count("\ufeff".encode()) == 1
