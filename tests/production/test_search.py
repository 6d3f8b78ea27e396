"""`EventQuerySet.search`: full-text on PostgreSQL, substring elsewhere, one entry point."""

import pytest
from django.db import connection

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

on_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def story():
    story = StoryFactory()
    EventFactory(story=story, title="Seoul summons the Russian ambassador", summary="")
    EventFactory(story=story, title="Troops arrive", summary="Soldiers were deployed to Kursk.")
    quoted = EventFactory(story=story, title="A meeting", summary="")
    article = ArticleFactory(story=story, body="The council convened an emergency session. End.")
    CitationFactory(event=quoted, article=article)
    EventFactory(story=story, title="Unrelated weather", summary="Rain.")
    return story


def titles(events) -> set[str]:
    return {event.title for event in events}


def test_search_finds_words_in_title(story):
    assert titles(Event.objects.for_story(story).search("ambassador")) == {
        "Seoul summons the Russian ambassador"
    }


def test_search_finds_words_in_summary(story):
    assert titles(Event.objects.for_story(story).search("Kursk")) == {"Troops arrive"}


def test_search_finds_words_in_cited_sentence(story):
    assert titles(Event.objects.for_story(story).search("emergency")) == {"A meeting"}


def test_search_matches_the_start_of_a_word(story):
    assert titles(Event.objects.for_story(story).search("ambass")) == {
        "Seoul summons the Russian ambassador"
    }


def test_search_is_case_insensitive(story):
    assert titles(Event.objects.for_story(story).search("KURSK")) == {"Troops arrive"}


def test_search_of_blank_text_keeps_everything(story):
    assert Event.objects.for_story(story).search("  ").count() == 4


def test_search_of_punctuation_only_finds_nothing_and_does_not_fail(story):
    assert list(Event.objects.for_story(story).search("&|!:*()'")) == []


def test_search_chains_with_other_filters_without_duplicates(story):
    events = Event.objects.for_story(story).current().search("a").chronological()
    ids = [event.pk for event in events]
    assert len(ids) == len(set(ids))


@on_postgres
def test_search_stems_english_words(story):
    assert titles(Event.objects.for_story(story).search("summoning")) == {
        "Seoul summons the Russian ambassador"
    }


@on_postgres
def test_search_ranks_title_matches_above_summary_matches():
    story = StoryFactory()
    EventFactory(story=story, title="Rain later", summary="Kursk was quiet.")
    EventFactory(story=story, title="Kursk offensive", summary="")
    ranked = Event.objects.for_story(story).search("kursk").by_relevance()
    assert [event.title for event in ranked] == ["Kursk offensive", "Rain later"]


@on_postgres
def test_search_indexes_exist_on_postgres():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname IN "
            "('event_search_gin', 'citation_search_gin')"
        )
        assert {row[0] for row in cursor.fetchall()} == {"event_search_gin", "citation_search_gin"}


def test_timeline_view_searches(story, client):
    response = client.get(story.get_absolute_url(), {"q": "emergency"})
    assert "A meeting" in response.text
    assert "Unrelated weather" not in response.text
