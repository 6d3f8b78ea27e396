"""The embed page: framed only by the listed origins, showing only published events."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, StoryFactory

pytestmark = pytest.mark.django_db
NEWSROOM = "https://news.example.org"


@pytest.fixture
def story():
    story = StoryFactory(title="Harbour strike")
    for day, status in ((3, "approved"), (10, "proposed"), (17, "rejected")):
        CitationFactory(
            event=EventFactory(
                story=story, title=f"Event {status} here", date_start=date(2024, 3, day),
                status=status,
            )
        )  # fmt: skip
    return story


def embed_url(story, **params) -> str:
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return reverse("timeline:embed", args=[story.slug]) + (f"?{query}" if query else "")


def frame_ancestors(response) -> str:
    return re.search(r"frame-ancestors ([^;]*)", response["Content-Security-Policy"]).group(1)


def test_embed_may_be_framed_by_the_listed_origins_only(client, story, settings):
    settings.DATELINE_EMBED_ORIGINS = [NEWSROOM]
    response = client.get(embed_url(story))
    assert response.status_code == 200
    assert frame_ancestors(response).split() == ["'self'", NEWSROOM]
    assert "X-Frame-Options" not in response


def test_every_other_page_keeps_refusing_frames(client, story, settings):
    settings.DATELINE_EMBED_ORIGINS = [NEWSROOM]
    for url in (story.get_absolute_url(), reverse("timeline:present", args=[story.slug]), "/"):
        response = client.get(url)
        assert response["X-Frame-Options"] == "DENY"
        assert frame_ancestors(response) == "'none'"


def test_embed_without_origins_is_framed_by_the_site_alone(client, story, settings):
    settings.DATELINE_EMBED_ORIGINS = []
    assert frame_ancestors(client.get(embed_url(story))) == "'self'"


@pytest.mark.parametrize("who", ["visitor", "editor"])
def test_embed_shows_published_events_whoever_looks(client, staff_client, story, who):
    viewer = staff_client if who == "editor" else Client()
    html = viewer.get(embed_url(story)).content.decode()
    assert "Event approved here" in html
    assert "Event proposed here" not in html and "Event rejected here" not in html


def test_embedded_presentation_reads_the_public_export(staff_client, story):
    html = staff_client.get(embed_url(story, view="present")).content.decode()
    source = re.search(r'data-source="([^"]+)"', html).group(1).replace("&amp;", "&")
    export = staff_client.get(source).content.decode()
    assert "Event approved here" in export and "Event proposed here" not in export


@pytest.mark.parametrize("view", ["slides", "", "<script>"])
def test_a_bad_view_says_which_views_there_are(client, story, view):
    response = client.get(reverse("timeline:embed", args=[story.slug]), {"view": view})
    assert response.status_code == 400
    assert response.content.decode().strip() == "“view” must be one of timeline, present."


def test_timeline_page_offers_the_iframe_snippet(client, story, settings):
    settings.DATELINE_SITE_URL = "https://dateline.example.org"
    html = client.get(story.get_absolute_url()).content.decode()
    snippet = re.search(r'<textarea id="embed-code"[^>]*>(.*?)</textarea>', html, re.S).group(1)
    expected = f"https://dateline.example.org/stories/{story.slug}/embed/"
    assert snippet.startswith("&lt;iframe src=&quot;" + expected)


def test_snippet_uses_the_requests_address_without_a_site_url(client, story, settings):
    settings.DATELINE_SITE_URL = ""
    html = client.get(story.get_absolute_url()).content.decode()
    assert f"http://testserver/stories/{story.slug}/embed/" in html
