"""A story that spans years gives every source date its year; a one-year story does not."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}


def story_over(*published: date, events: int = 1, first_event: date | None = None):
    story = StoryFactory()
    sources = [ArticleFactory(story=story, published_on=day) for day in published]
    start = first_event or published[0]
    for i in range(events):
        event = EventFactory(story=story, date_start=start + timedelta(days=i))
        CitationFactory(event=event, article=sources[i % len(sources)])
    return story


def badges(html: str) -> list[str]:
    return re.findall(r'class="source-badge"[^>]*>.*?<time[^>]*>([^<]*)</time>', html, re.S)


def source_list(html: str) -> list[str]:
    panel = re.search(r'<fieldset class="group sources".*?</fieldset>', html, re.S).group(0)
    return re.findall(r"<time[^>]*>([^<]*)</time>", panel)


def results_line(html: str) -> str:
    line = re.search(r'<p class="summary">(.*?)</p>', html, re.S).group(1)
    return " ".join(re.sub(r"<[^>]+>", "", line).split())


def test_source_badges_show_the_year_when_the_story_spans_years(client):
    story = story_over(date(2009, 3, 12), date(2024, 10, 21), events=2)
    html = client.get(story.get_absolute_url()).content.decode()
    assert sorted(badges(html)) == ["12 Mar 2009", "21 Oct 2024"]


def test_source_badges_leave_the_year_out_in_a_one_year_story(client):
    story = story_over(date(2024, 3, 12), date(2024, 10, 21), events=2)
    html = client.get(story.get_absolute_url()).content.decode()
    assert sorted(badges(html)) == ["12 Mar", "21 Oct"]


def test_events_in_another_year_than_the_sources_make_the_story_span_years(client):
    story = story_over(date(2024, 10, 21), first_event=date(2009, 3, 12))
    html = client.get(story.get_absolute_url()).content.decode()
    assert badges(html) == ["21 Oct 2024"]
    assert source_list(html) == ["21 Oct 2024"]


def test_source_list_shows_the_year_when_the_story_spans_years(client):
    story = story_over(date(2009, 3, 12), date(2024, 10, 21), events=2)
    html = client.get(story.get_absolute_url()).content.decode()
    assert source_list(html) == ["12 Mar 2009", "21 Oct 2024"]


def test_source_list_leaves_the_year_out_in_a_one_year_story(client):
    story = story_over(date(2024, 3, 12), date(2024, 10, 21), events=2)
    html = client.get(story.get_absolute_url()).content.decode()
    assert source_list(html) == ["12 Mar", "21 Oct"]


def test_results_line_names_each_year_of_a_reach_over_years(client):
    story = story_over(date(2009, 3, 12), date(2024, 10, 21))
    EventFactory(story=story, date_start=date(2024, 10, 21))
    html = client.get(story.get_absolute_url()).content.decode()
    assert results_line(html) == "2 events from 1 source, 12 Mar 2009 – 21 Oct 2024"


def test_results_line_of_one_year_names_the_year_once(client):
    story = story_over(date(2024, 3, 12), date(2024, 10, 21), first_event=date(2024, 6, 8))
    EventFactory(story=story, date_start=date(2024, 10, 21))
    html = client.get(story.get_absolute_url()).content.decode()
    assert results_line(html) == "2 events from 1 source, 8 Jun – 21 Oct 2024"


def test_load_more_badges_show_the_year_when_the_story_spans_years(client):
    story = story_over(date(2009, 3, 12), date(2024, 10, 21), events=60)
    page_two = client.get(story.get_absolute_url(), {"page": "2"}, headers=HX).content.decode()
    assert page_two.count('class="event ') == 10
    assert set(badges(page_two)) == {"12 Mar 2009", "21 Oct 2024"}


def test_embedded_timeline_badges_show_the_year_when_its_events_span_years(client):
    story = story_over(date(2009, 3, 12), date(2024, 10, 21), events=2)
    html = client.get(reverse("timeline:embed", args=[story.slug])).content.decode()
    assert sorted(badges(html)) == ["12 Mar 2009", "21 Oct 2024"]


def test_csv_export_is_declared_utf8(client):
    story = story_over(date(2024, 10, 21))
    response = client.get(reverse("timeline:export", args=[story.slug, "csv"]))
    assert "charset=utf-8" in response["Content-Type"].lower()
