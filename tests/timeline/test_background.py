"""News and background: an event every source recalls as long past is background."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.cluster import merge_candidates
from timeline.extract import BACKGROUND_DAYS, extract_events
from timeline.ingest import get_story, ingest_text
from timeline.models import Event

from .test_cluster import candidate
from .test_extract import article, timex

pytestmark = pytest.mark.django_db

FOUNDED = "Apple Corps was founded by the Beatles in 1968."


def _founding(published: date):
    body = f"Apple Corps sues\n\n{FOUNDED}\n"
    year = timex(body, "1968", date(1968, 1, 1), date(1968, 12, 31), "year")
    (found,) = extract_events(article=article(body, published), expressions=[year])
    return found


def test_an_event_long_before_the_article_is_background():
    assert _founding(date(2006, 3, 28)).background is True


def test_an_event_of_the_articles_own_year_is_news():
    assert _founding(date(1968, 6, 1)).background is False


def test_an_event_of_last_june_is_still_news_in_october():
    body = "Pact\n\nPutin signed a pact in Pyongyang last June.\n"
    june = timex(body, "last June", date(2024, 6, 1), date(2024, 6, 30), "month")
    (pact,) = extract_events(article=article(body, date(2024, 10, 21)), expressions=[june])
    assert (date(2024, 10, 21) - pact.date_end).days < BACKGROUND_DAYS
    assert pact.background is False


def test_an_event_one_source_reports_as_news_is_not_background():
    story = get_story(slug="apple", title="Apple")
    day = date(2005, 9, 7)
    recalled = candidate(story, "Apple unveiled the iPod nano.", day, published=date(2011, 10, 6))
    recalled.background = True
    merge_candidates(story=story, candidates=[recalled])
    assert Event.objects.get(story=story).background is True
    told = candidate(story, "Apple unveiled the iPod nano today.", day, published=day)
    merge_candidates(story=story, candidates=[told])
    event = Event.objects.get(story=story)
    assert (event.background, event.citations.count()) == (False, 2)


def test_ingest_marks_what_the_article_recalls_as_background():
    story = get_story(slug="corps", title="Apple Corps")
    ingest_text(f"Apple Corps sues\n\n{FOUNDED}\n", story=story, published=date(2006, 3, 28))
    (event,) = Event.objects.filter(story=story)
    assert (event.date_start, event.background) == (date(1968, 1, 1), True)
    assert list(Event.objects.for_story(story).news()) == []
