"""Ingest costs a constant number of queries per article, however full the story is."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from tests.factories import StoryFactory
from timeline.ingest import ingest_text
from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db

PUBLISHED = date(2024, 10, 21)
PLACES = ["Portmere", "Halden", "Vilnor", "Ostrava", "Marlow", "Tessin", "Valdera", "Kolby"]
SPEAKERS = ["Ana Ruiz", "Olu Okafor", "Lena Brandt", "Soo Kim", "Priya Nair", "Tom Hale"]
# Read, write, cluster and save one article: the duplicate check, the article, its dates,
# the event window with its citations, new events, the citations, the citations of events
# whose sources differ, the events whose dates or disagreement changed, and the savepoint
# around it all.
MAX_QUERIES_PER_ARTICLE = 10


def article(index: int) -> str:
    """An article that reports stored events again (with other figures) and new ones."""
    lines = [f"Date: {PUBLISHED.isoformat()}", ""]
    for n, place in enumerate(PLACES):
        day = PUBLISHED - timedelta(days=n + 1)
        lines.append(
            f"The mayor of {place} signed a water agreement with {index + 10 * n} "
            f"farmers on {day:%B} {day.day}."
        )
    # One event nobody has reported yet.
    lines.append(f"{SPEAKERS[index % len(SPEAKERS)]} will open a museum on December {index + 1}.")
    return "\n".join(lines) + "\n"


def fill(story, count: int) -> None:
    """`count` stored events, two a day up to the articles' date, each cited once."""
    holder = Article.objects.create(
        story=story, title="holder", published_on=PUBLISHED, body="Stored events."
    )
    events = Event.objects.bulk_create(
        Event(
            story=story,
            title=f"The mayor of {PLACES[n % len(PLACES)]} signed a water agreement",
            date_start=(day := PUBLISHED - timedelta(days=n % (count // 2))),
            date_end=day,
            granularity="day",
        )
        for n in range(count)
    )
    Citation.objects.bulk_create(
        Citation(
            event=event,
            article=holder,
            start=0,
            end=10,
            quote=f"{event.title} with {n} farmers.",
        )
        for n, event in enumerate(events)
    )


def test_queries_per_article_are_constant_in_a_story_with_many_events(
    django_assert_max_num_queries,
):
    story = StoryFactory(title="Water rights")
    fill(story, 2_000)
    counts = []
    for index in range(20):  # the 1st and the 20th article cost the same
        with (
            django_assert_max_num_queries(MAX_QUERIES_PER_ARTICLE),
            CaptureQueriesContext(connection) as captured,
        ):
            result = ingest_text(article(index), story=story)
        assert result.created and result.merged and result.proposed
        counts.append(len(captured))
    assert counts[0] == counts[-1], counts
