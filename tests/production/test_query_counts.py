"""Pages cost the same number of queries whatever the number of events."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from timeline.corpus import build_corpus, write_corpus_to_database

pytestmark = pytest.mark.django_db


def queries_for(client, path, params=None, **headers) -> int:
    client.get(path, params or {}, headers=headers)  # warm any per-process caches
    with CaptureQueriesContext(connection) as context:
        assert client.get(path, params or {}, headers=headers).status_code == 200
    return len(context.captured_queries)


@pytest.fixture
def small_and_large():
    write_corpus_to_database(build_corpus(stories=1, articles=4, seed=21, events_per_story=60))
    write_corpus_to_database(build_corpus(stories=1, articles=30, seed=22, events_per_story=400))
    return "/stories/synthetic-21-1/", "/stories/synthetic-22-1/"


@pytest.mark.parametrize("fragment", [False, True], ids=["full", "fragment"])
@pytest.mark.parametrize(
    "params", [{}, {"from": "2024-06", "to": "2024-09", "status": "approved"}, {"q": "summoned"}]
)
def test_timeline_query_count_does_not_grow_with_events(client, small_and_large, params, fragment):
    headers = {"HX-Request": "true"} if fragment else {}
    small, large = (queries_for(client, path, params, **headers) for path in small_and_large)
    assert small == large


def test_event_page_query_count_does_not_grow_with_citations(client, small_and_large):
    from timeline.models import Event

    counts = {}
    for slug in ("synthetic-21-1", "synthetic-22-1"):
        event = max(Event.objects.filter(story__slug=slug), key=lambda e: e.citations.count())
        Event.objects.filter(pk=event.pk).update(status=Event.Status.APPROVED)  # public
        counts[slug] = queries_for(client, reverse("timeline:event", args=[event.pk]))
    assert len(set(counts.values())) == 1
