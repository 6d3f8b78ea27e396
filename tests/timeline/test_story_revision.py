"""Edits and deletions of a story's rows bump its revision; new rows need not (the cache
stamp counts them)."""

from __future__ import annotations

import pytest
from django.db import transaction

from articles.models import Article, Story
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db


def revision(story: Story) -> int:
    return Story.objects.values_list("revision", flat=True).get(pk=story.pk)


@pytest.fixture
def citation() -> Citation:
    return CitationFactory()


def test_new_rows_leave_the_revision_alone(citation):
    story = citation.event.story
    EventFactory(story=story)
    ArticleFactory(story=story)
    CitationFactory(event=citation.event, article=ArticleFactory(story=story))
    assert revision(story) == 0


def test_editing_an_article_bumps_its_story(citation):
    article = citation.article
    article.title = "Retitled"
    article.save()
    assert revision(article.story) == 1


def test_deleting_an_article_bumps_its_story(citation):
    citation.article.delete()
    assert revision(citation.event.story) == 1


def test_deleting_articles_in_bulk_bumps_their_stories_once(citation):
    story = citation.event.story
    ArticleFactory(story=story)
    Article.objects.filter(story=story).delete()
    assert revision(story) == 1


def test_updating_articles_in_bulk_bumps_their_stories(citation):
    Article.objects.filter(pk=citation.article_id).update(title="Retitled")
    assert revision(citation.article.story) == 1


def test_deleting_an_event_bumps_its_story(citation):
    citation.event.delete()
    assert revision(citation.article.story) == 1


def test_deleting_events_in_bulk_bumps_only_their_stories(citation):
    other = EventFactory(story=StoryFactory())
    Event.objects.filter(pk=citation.event_id).delete()
    assert revision(citation.article.story) == 1
    assert revision(other.story) == 0


def test_editing_an_event_leaves_the_revision_to_updated_at(citation):
    event = citation.event
    before = event.updated_at
    event.title = "Retitled"
    event.save()
    Event.objects.filter(pk=event.pk).update(title="Retitled again")
    event.refresh_from_db()
    assert revision(event.story) == 0 and event.updated_at > before


def test_editing_a_citation_bumps_the_story_of_its_event(citation):
    citation.quote = citation.quote[:-1]
    citation.end -= 1
    citation.save()
    assert revision(citation.event.story) == 1


def test_deleting_a_citation_bumps_the_story_of_its_event(citation):
    citation.delete()
    assert revision(citation.event.story) == 1


def test_moving_citations_in_bulk_bumps_their_stories(citation):
    twin = EventFactory(story=citation.event.story)
    Citation.objects.filter(pk=citation.pk).update(event=twin)
    assert revision(twin.story) == 1


def test_deleting_citations_in_bulk_bumps_their_stories(citation):
    Citation.objects.filter(pk=citation.pk).delete()
    assert revision(citation.event.story) == 1


def test_a_failed_transaction_leaves_the_revision_as_it_was(citation):
    with pytest.raises(RuntimeError), transaction.atomic():
        citation.event.delete()
        raise RuntimeError("rolled back")
    assert revision(citation.event.story) == 0
