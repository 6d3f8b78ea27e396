"""Faults: broken fixtures, racing editors, and arbitrary text through the whole ingest."""

import json
import threading
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import connection, transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, Story
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.ingest import IngestError, ingest_text, read_article_file
from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db


def test_fixture_with_an_event_ending_before_it_starts_loads_nothing(tmp_path):
    fixture = tmp_path / "broken.json"
    event = {
        "story": ["broken-story"],
        "title": "Ends before it starts",
        "date_start": "2024-10-21",
        "date_end": "2024-10-01",
        "granularity": "range",
        "created_at": "2024-10-21T00:00:00Z",
        "updated_at": "2024-10-21T00:00:00Z",
    }
    fixture.write_text(
        json.dumps(
            [
                {
                    "model": "articles.story",
                    "fields": {
                        "slug": "broken-story",
                        "title": "Broken",
                        "created_at": "2024-10-21T00:00:00Z",
                    },
                },
                {
                    "model": "timeline.event",
                    "fields": {**event, "title": "Fine", "date_end": "2024-10-22"},
                },
                {"model": "timeline.event", "fields": event},
            ]
        )
    )
    with pytest.raises(Exception, match="event_interval_ordered"):
        call_command("loaddata", str(fixture), verbosity=0)
    assert not Story.objects.filter(slug="broken-story").exists()
    assert not Event.objects.exists()


def test_merging_an_event_another_editor_already_merged_is_refused():
    story = StoryFactory()
    first, second, contested = EventFactory.create_batch(3, story=story)
    CitationFactory(event=contested, article=ArticleFactory(story=story))
    stale = Event.objects.get(pk=contested.pk)  # what the second editor still sees
    first.absorb([contested])
    with pytest.raises(ValidationError, match="already merged"):
        second.absorb([stale])
    contested.refresh_from_db()
    assert contested.merged_into == first
    assert Citation.objects.get().event == first


@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs row locks across connections")
@pytest.mark.django_db(transaction=True)
def test_two_editors_merging_the_same_event_at_once_leave_one_consistent_merge():
    story = StoryFactory()
    first, second, contested = EventFactory.create_batch(3, story=story)
    CitationFactory(event=contested, article=ArticleFactory(story=story))
    barrier = threading.Barrier(2)
    outcomes = []

    def merge(target_id):
        from django.db import connections

        try:
            target = Event.objects.get(pk=target_id)
            victim = Event.objects.get(pk=contested.pk)
            barrier.wait(timeout=10)
            target.absorb([victim])
            outcomes.append("merged")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=merge, args=(e.pk,)) for e in (first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes) == ["merged", "refused"]
    contested.refresh_from_db()
    assert contested.status == "merged"
    assert Citation.objects.get().event_id == contested.merged_into_id


class Rollback(Exception):
    pass


NEWS = st.sampled_from(
    [
        "On Friday, ", "last June ", "October 8 and 13", "2024-10-21", "may ", "May 2024",
        "the ambassador was summoned", ". ", "\n\n", "Date: 2024-10-21\n", "yesterday",
        "between 2019 and 2023", "Q3 2024", "the 1990s", "<script>alert(1)</script>", "\u202e",
        "31/02/2024", "9999-99-99", "€", "🙂", "\r\n", "\t", "said on Monday that",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(NEWS, st.text(max_size=20)), max_size=40).map("".join),
    st.binary(max_size=300),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=TEXTS)
def test_any_file_content_either_ingests_or_fails_with_an_ingest_error(tmp_path, content):
    path = tmp_path / "fuzz.txt"
    path.write_bytes(
        content if isinstance(content, bytes) else content.encode("utf-8", "surrogatepass")
    )
    story, _ = Story.objects.get_or_create(slug="fuzz", defaults={"title": "Fuzz"})
    try:
        with transaction.atomic():
            try:
                text = read_article_file(path)
                result = ingest_text(text, story=story, published=date(2024, 10, 21))
            except IngestError as error:
                assert str(error) and "\n" not in str(error)
                raise Rollback from None
            assert result.article is not None
            assert Article.objects.filter(pk=result.article.pk, body=text).exists()
            raise Rollback
    except Rollback:
        pass
