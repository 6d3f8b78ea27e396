"""Rendered timeline pages are shared until the story changes, each with its reader's CSRF
token; whatever changes on the story shows on the next request, without waiting."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Citation, Event

pytestmark = pytest.mark.django_db

HX = {"HX-Request": "true"}
TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


@pytest.fixture
def story():
    story = StoryFactory(title="Harbour strike")
    first = ArticleFactory(story=story, title="Dockers walk out", published_on=date(2024, 3, 2))
    second = ArticleFactory(story=story, title="Talks resume", published_on=date(2024, 3, 9))
    walkout = EventFactory(story=story, title="Dockers walk out", date_start=date(2024, 3, 1))
    CitationFactory(event=walkout, article=first)
    CitationFactory(event=walkout, article=second)
    talks = EventFactory(story=story, title="Talks resume", date_start=date(2024, 3, 8))
    CitationFactory(event=talks, article=second)
    return story


def page(client: Client, story, **params) -> str:
    response = client.get(story.get_absolute_url(), params)
    assert response.status_code == 200
    return response.content.decode()


def test_a_second_request_is_served_from_the_cache_in_one_query(
    client, story, django_assert_num_queries
):
    first = page(client, story, q="strike")
    with django_assert_num_queries(1):  # the story and its change stamp
        second = page(client, story, q="strike")
    assert TOKEN.sub("", second) == TOKEN.sub("", first)


@pytest.mark.parametrize("count", [3, 60])
def test_a_cached_page_costs_one_query_whatever_the_number_of_events(
    client, django_assert_num_queries, count
):
    story = StoryFactory()
    article = ArticleFactory(story=story)
    for day in range(count):
        CitationFactory(event=EventFactory(story=story, date_start=date(2024, 1, 1 + day % 28)))
    Citation.objects.update(article=article)
    page(client, story)
    with django_assert_num_queries(1):
        page(client, story)


def test_home_serves_the_only_story_from_the_cache_without_counting_events(
    client, story, django_assert_num_queries
):
    first = client.get("/").content.decode()
    with django_assert_num_queries(2):  # which stories there are, then the story's stamp
        second = client.get("/").content.decode()
    assert "<h1>Harbour strike</h1>" in second and TOKEN.sub("", second) == TOKEN.sub("", first)


def test_each_reader_gets_a_token_of_their_own_that_passes_the_csrf_check(story, django_user_model):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    for client in (first, second):
        client.force_login(django_user_model.objects.create_superuser(f"ed{id(client)}"))
    tokens = [TOKEN.search(page(client, story)).group(1) for client in (first, second, first)]
    assert len(set(tokens)) == 3  # masked afresh for every response, as Django does
    assert "csrf" not in tokens[0].lower()
    upload = reverse("ingest")
    assert first.post(upload, headers={"X-CSRFToken": tokens[2]}).status_code != 403
    assert second.post(upload, headers={"X-CSRFToken": tokens[1]}).status_code != 403
    assert Client(enforce_csrf_checks=True).post(upload).status_code in (302, 403)


def test_fragments_and_pages_are_cached_apart(client, story):
    full = page(client, story)
    fragment = client.get(story.get_absolute_url(), headers=HX).content.decode()
    app = client.get(story.get_absolute_url(), headers={**HX, "HX-Target": "app"})
    assert "<html" in full and "<html" in page(client, story)
    assert fragment.lstrip().startswith('<section id="results"')
    assert app.content.decode().lstrip().startswith('<div id="app"')
    assert "X-CSRFToken" not in fragment


def test_a_fragment_still_pushes_its_own_url_when_cached(client, story):
    for _ in range(2):
        response = client.get(story.get_absolute_url(), {"q": "dockers"}, headers=HX)
        assert response["HX-Push-Url"] == f"{story.get_absolute_url()}?q=dockers"


def test_staff_and_readers_are_cached_apart(staff_client, story):
    reader = Client()
    assert 'name="status"' not in page(reader, story)
    assert 'name="status"' in page(staff_client, story)
    assert 'name="status"' not in page(reader, story)


def test_a_deleted_event_disappears_at_once(client, story):
    assert "Dockers walk out</a>" in page(client, story)
    Event.objects.get(title="Dockers walk out").delete()  # not the latest change
    html = page(client, story)
    assert "Dockers walk out</a>" not in html and "1 event</strong>" in html


def test_an_edited_event_shows_at_once(client, story):
    assert "Dockers walk out</a>" in page(client, story)
    Event.objects.filter(title="Dockers walk out").update(title="Dockers strike")
    html = page(client, story)
    assert "Dockers strike</a>" in html and "Dockers walk out</a>" not in html


def test_a_retitled_article_shows_in_the_source_list_at_once(client, story):
    assert "Talks resume\n" in page(client, story)
    article = Article.objects.get(title="Talks resume")
    article.title = "Negotiators meet again"
    article.save()
    html = page(client, story)
    assert "Negotiators meet again" in html and "Talks resume\n" not in html


def test_a_deleted_article_leaves_the_source_list_at_once(client, story):
    assert "Dockers walk out\n" in page(client, story)
    Article.objects.get(title="Dockers walk out").delete()  # not the newest article
    assert "Dockers walk out\n" not in page(client, story)


def test_a_deleted_citation_changes_the_counts_at_once(client, story):
    assert "9 Mar</time> · 2 events" in page(client, story)
    walkout = Event.objects.get(title="Dockers walk out")
    Citation.objects.filter(event=walkout, article__title="Talks resume").delete()  # not the newest
    assert "9 Mar</time> · 1 event<" in page(client, story)


def test_a_new_article_and_citation_show_at_once(client, story):
    assert "from 3 sources" not in page(client, story)
    article = ArticleFactory(story=story, title="Port reopens", published_on=date(2024, 3, 20))
    html = page(client, story)
    assert "Port reopens" in html and "0 events" in html
    CitationFactory(event=Event.objects.get(title="Talks resume"), article=article)
    assert "from 3 sources" in page(client, story)


def test_a_renamed_story_shows_at_once(client, story):
    assert "<h1>Harbour strike</h1>" in page(client, story)
    story.title = "Harbour strike ends"
    story.save()
    assert "<h1>Harbour strike ends</h1>" in page(client, story)


def test_another_story_changing_does_not_change_this_page(client, story):
    html = page(client, story)
    other = StoryFactory()
    Event.objects.filter(pk=EventFactory(story=other).pk).delete()
    assert TOKEN.sub("", page(client, story)) == TOKEN.sub("", html)


def test_the_strip_forgets_the_period_chosen_by_an_earlier_request(client, story):
    assert 'class="bar selected"' in page(client, story, **{"from": "2024-03"})
    assert 'class="bar selected"' not in page(client, story)


def test_what_an_ingest_adds_shows_at_once(client, story):
    from timeline.ingest import ingest_text

    story.show_proposed = True  # what ingest adds is proposed
    story.save()
    assert "Port of Halvik reopens" not in page(client, story)
    ingest_text(
        "Port of Halvik reopens\n\nThe port reopened to shipping on March 15 after the strike.\n",
        story=story,
        published=date(2024, 3, 16),
        title="Port of Halvik reopens",
    )
    html = page(client, story)
    assert "Port of Halvik reopens" in html  # the new source
    assert "reopened to shipping" in html  # its event
