"""Article text is data: whatever markup it carries is shown as text, never run."""

import pytest
from django.db import IntegrityError, transaction
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert('x')</script>"
ATTRIBUTE = '<img src=x onerror="alert(1)">'
LINK = '<a href="javascript:alert(1)">click</a>'
HOSTILE = f"{SCRIPT} {ATTRIBUTE} {LINK}"


@pytest.fixture
def hostile_event():
    story = StoryFactory(title=f"Story {SCRIPT}", slug="hostile")
    article = ArticleFactory(
        story=story,
        title=f"Title {SCRIPT}",
        outlet=f"Outlet {ATTRIBUTE}",
        url="https://example.com/?q=<script>",
        body=f"On October 18, {HOSTILE} the minister met the ambassador. Then more.",
    )
    event = EventFactory(story=story, title=f"Event {ATTRIBUTE}", summary=f"Summary {LINK}")
    CitationFactory(event=event, article=article)
    return event


def assert_inert(html: str) -> None:
    assert SCRIPT not in html
    assert "onerror=" not in html.replace("onerror=&quot;", "")
    assert 'href="javascript:' not in html.lower()
    assert "&lt;script&gt;" in html or "&lt;img" in html or "&lt;a href" in html


def test_timeline_shows_markup_as_text(client, hostile_event):
    assert_inert(client.get(hostile_event.story.get_absolute_url()).text)


def test_timeline_fragment_shows_markup_as_text(htmx_client, hostile_event):
    assert_inert(htmx_client.get(hostile_event.story.get_absolute_url()).text)


def test_event_page_shows_quote_markup_as_text(client, hostile_event):
    assert_inert(client.get(reverse("timeline:event", args=[hostile_event.pk])).text)


def test_reader_shows_article_markup_as_text(client, hostile_event):
    article = hostile_event.citations.get().article
    assert_inert(client.get(reverse("articles:detail", args=[article.pk])).text)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x"])
def test_database_refuses_an_article_url_the_reader_would_run(url):
    with pytest.raises(IntegrityError), transaction.atomic():
        ArticleFactory(url=url)


def test_reader_escapes_the_article_url(client, hostile_event):
    article = hostile_event.citations.get().article
    html = client.get(reverse("articles:detail", args=[article.pk])).text
    assert 'href="https://example.com/?q=&lt;script&gt;"' in html


@pytest.mark.parametrize(
    "url_name", ["admin:timeline_event_change", "admin:timeline_event_changelist"]
)
def test_admin_shows_markup_as_text(staff_client, hostile_event, url_name):
    args = [hostile_event.pk] if url_name.endswith("change") else []
    html = staff_client.get(reverse(url_name, args=args)).text
    assert SCRIPT not in html
    assert ATTRIBUTE not in html


def test_admin_article_page_shows_markup_as_text(staff_client, hostile_event):
    article = hostile_event.citations.get().article
    html = staff_client.get(reverse("admin:articles_article_change", args=[article.pk])).text
    assert SCRIPT not in html.replace("&lt;script&gt;", "")


def test_admin_is_only_for_staff(db, django_user_model, hostile_event):
    user = django_user_model.objects.create_user("reader", password="pw-reader-1")
    client = Client()
    client.force_login(user)
    response = client.get(reverse("admin:timeline_event_changelist"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
