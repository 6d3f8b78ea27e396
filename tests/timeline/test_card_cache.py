"""Cached event cards: rendered once per key, never stale, still escaped."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.cache import cache

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

HOSTILE = 'Storm <script>alert("x")</script> & <b onmouseover="y">bold</b>'


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def card_of(client, event: Event, **params) -> str:
    html = client.get(event.story.get_absolute_url(), params).content.decode()
    start = html.index(f'id="event-{event.pk}"')
    return html[start : html.index("</article>", start)]


def test_a_card_is_rendered_once_then_served_from_the_cache(client):
    event = CitationFactory(event=EventFactory(title="Treaty signed")).event
    first = card_of(client, event)
    assert "Treaty signed" in first
    assert any(key.startswith(":1:timeline:card:") for key in cache._cache)  # noqa: SLF001
    assert card_of(client, event) == first


def test_the_card_changes_when_the_event_title_changes(client):
    event = CitationFactory(event=EventFactory(title="Treaty signed")).event
    assert "Treaty signed" in card_of(client, event)

    event.title = "Treaty torn up"
    event.save()
    card = card_of(client, event)
    assert "Treaty torn up" in card and "Treaty signed" not in card

    Event.objects.filter(pk=event.pk).update(title="Treaty restored")
    card = card_of(client, event)
    assert "Treaty restored" in card and "Treaty torn up" not in card


def test_the_card_changes_when_a_citation_is_added(client):
    story = StoryFactory()
    event = CitationFactory(
        event=EventFactory(story=story),
        article=ArticleFactory(story=story, outlet="First Outlet", published_on=date(2024, 1, 2)),
    ).event
    card = card_of(client, event)
    assert "Show 1 quote<" in card and "First Outlet" in card and "Second Outlet" not in card

    CitationFactory(
        event=event,
        article=ArticleFactory(story=story, outlet="Second Outlet", published_on=date(2024, 1, 3)),
    )
    card = card_of(client, event)
    assert "Show 2 quotes<" in card and "First Outlet" in card and "Second Outlet" in card


def test_the_card_follows_the_search_highlight(client):
    event = CitationFactory(event=EventFactory(title="Treaty signed")).event
    assert '<mark class="hit">' not in card_of(client, event)
    assert '<mark class="hit">Treaty</mark> signed' in card_of(client, event, q="treaty")
    assert '<mark class="hit">signed</mark>' in card_of(client, event, q="signed")
    assert '<mark class="hit">' not in card_of(client, event)


@pytest.mark.parametrize("q", ["", "storm"])
def test_hostile_text_stays_escaped_when_rendered_and_when_cached(client, q):
    story = StoryFactory()
    event = CitationFactory(
        event=EventFactory(story=story, title=HOSTILE, summary=HOSTILE, disagreement=HOSTILE),
        article=ArticleFactory(story=story, title=HOSTILE, outlet=HOSTILE),
    ).event
    for _ in range(2):  # rendered, then from the cache
        card = card_of(client, event, q=q)
        assert "<script" not in card and "<b onmouseover" not in card
        assert "&lt;script&gt;" in card and "&lt;b onmouseover=" in card
