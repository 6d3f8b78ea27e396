"""The timeline page speaks of the story shown: its search and date examples and its
period presets come from that story's own titles and dates."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event
from timeline.views import search_examples

pytestmark = pytest.mark.django_db


def story_of(titled_dates: list[tuple[str, date]], *, status=Event.Status.APPROVED):
    story = StoryFactory()
    article = ArticleFactory(story=story, published_on=max(d for _, d in titled_dates))
    for title, day in titled_dates:
        event = EventFactory(story=story, title=title, date_start=day, status=status)
        CitationFactory(event=event, article=article)
    return story


def placeholder(html: str, field_id: str) -> str:
    match = re.search(rf'<input id="{field_id}"[^>]*?placeholder="([^"]*)"', html)
    assert match, f"no placeholder on #{field_id}"
    return match.group(1)


def test_search_examples_are_the_most_frequent_title_words_without_stop_words():
    titles = [
        "Apple releases the iPhone",
        "Apple sues a rival over the iPhone design",
        "Apple shares rise",
        "The company said it would",
    ]
    assert search_examples(titles) == ["apple", "iphone"]


def test_search_examples_count_a_word_once_per_title():
    assert search_examples(["Strike strike strike", "Pact signed", "Pact ratified"]) == [
        "pact",
        "ratified",
    ]


def test_placeholders_come_from_the_story_shown_not_the_seed(client, seed_story):
    story = story_of(
        [
            ("Apple unveils the iPhone", date(2007, 1, 9)),
            ("Apple ships the iPhone", date(2007, 6, 29)),
            ("Apple founded in a garage", date(1976, 4, 1)),
        ]
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert placeholder(html, "f-q") == "apple, iphone…"
    assert placeholder(html, "f-from") == "1976-04"
    assert placeholder(html, "f-to") == "2007-06-29"
    for seed_word in ("ambassador", "pact", "2024-06", "2024-10-21"):
        assert seed_word not in html


def test_seed_story_placeholders_are_its_own_dates(client, seed_story):
    first = Event.objects.for_story(seed_story).order_by("date_start")[0].date_start
    last = Event.objects.for_story(seed_story).order_by("-date_end")[0].date_end
    html = client.get(seed_story.get_absolute_url()).content.decode()
    assert placeholder(html, "f-from") == first.strftime("%Y-%m")
    assert placeholder(html, "f-to") == last.isoformat()


def test_unpublished_titles_never_reach_the_public_placeholder(client):
    story = story_of([("Apple unveils the iPhone", date(2007, 1, 9))])
    EventFactory(story=story, title="Secretive merger drafted", status=Event.Status.PROPOSED)
    EventFactory(story=story, title="Secretive merger revised", status=Event.Status.PROPOSED)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "secretive" not in placeholder(html, "f-q")
    assert placeholder(html, "f-q") == "apple, iphone…"


def test_a_story_with_no_events_shows_the_formats_not_another_story(client, seed_story):
    story = StoryFactory()
    html = client.get(story.get_absolute_url()).content.decode()
    assert placeholder(html, "f-from") == "YYYY-MM"
    assert placeholder(html, "f-to") == "YYYY-MM-DD"
    assert "ambassador" not in html
