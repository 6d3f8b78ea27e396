"""Visitors see approved events only (and proposed ones where the story says so); editors
see every event, with the status filter. Pages, figures, exports and caches alike."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event
from timeline.views import STATUS_NOTE

pytestmark = pytest.mark.django_db


@pytest.fixture
def story():
    """One approved, one proposed and one rejected event, each cited by its own article."""
    story = StoryFactory(title="Harbour strike")
    for day, status in ((3, "approved"), (10, "proposed"), (17, "rejected")):
        event = EventFactory(
            story=story, title=f"Event {status} here", date_start=date(2024, 3, day), status=status
        )
        CitationFactory(
            event=event,
            article=ArticleFactory(story=story, title=f"Article about {status}"),
        )
    return story


@pytest.fixture
def visitor() -> Client:
    """Anonymous, whoever else logs in (`staff_client` logs in pytest-django's `client`)."""
    return Client()


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def titles_in(text: str) -> set[str]:
    return set(re.findall(r"Event (approved|proposed|rejected) here", text))


def test_visitors_see_approved_events_only(client, story):
    assert titles_in(text_of(client.get(story.get_absolute_url()))) == {"approved"}


def test_editors_see_proposed_and_approved_events(staff_client, story):
    text = text_of(staff_client.get(story.get_absolute_url()))
    assert titles_in(text) == {"approved", "proposed"}


def test_editors_choose_rejected_events_with_the_status_filter(staff_client, story):
    response = staff_client.get(story.get_absolute_url(), {"status": "rejected"})
    assert titles_in(text_of(response)) == {"rejected"}


@pytest.mark.parametrize("status", ["rejected", "proposed", "merged", "nonsense"])
def test_a_visitors_status_is_ignored_with_a_note(client, story, status):
    response = client.get(story.get_absolute_url(), {"status": status})
    assert response.status_code == 200
    text = text_of(response)
    assert titles_in(text) == {"approved"}
    assert STATUS_NOTE in text
    assert "is not one of" not in text  # no error about a filter they cannot use
    assert "status=" not in response.content.decode()  # and no link carries it on


def test_a_visitors_status_is_ignored_in_a_fragment_too(client, story):
    response = client.get(
        story.get_absolute_url(), {"status": "rejected"}, headers={"HX-Request": "true"}
    )
    text = text_of(response)
    assert titles_in(text) == {"approved"} and STATUS_NOTE in text
    assert "status" not in response["HX-Push-Url"]


def test_results_line_and_source_list_count_what_visitors_see(client, story):
    text = text_of(client.get(story.get_absolute_url()))
    assert "1 event from 1 source" in text
    assert "Article about approved" in text
    assert "Article about rejected 14 Oct · 0 events" not in text
    counts = re.findall(r"Article about (\w+) \S+ \S+ · (\d+) events?", text)
    assert dict(counts) == {"approved": "1", "proposed": "0", "rejected": "0"}


def test_overview_strip_counts_what_visitors_see(visitor, staff_client, story):
    public = visitor.get(story.get_absolute_url()).content.decode()
    editors = staff_client.get(story.get_absolute_url()).content.decode()
    # Three day-precise events inside a month: the strip counts them by day.
    assert re.search(r"3 Mar 2024: 1 event\b", public), public
    assert not re.search(r"10 Mar 2024: \d", public)
    assert re.search(r"10 Mar 2024: 1 event\b", editors)


def test_a_page_cached_for_editors_is_never_served_to_visitors(visitor, staff_client, story):
    staff_client.get(story.get_absolute_url())
    staff_client.get(story.get_absolute_url(), headers={"HX-Request": "true"})
    assert titles_in(text_of(visitor.get(story.get_absolute_url()))) == {"approved"}
    fragment = visitor.get(story.get_absolute_url(), headers={"HX-Request": "true"})
    assert titles_in(text_of(fragment)) == {"approved"}


def test_story_setting_shows_proposed_events_marked_unreviewed(client, story):
    client.get(story.get_absolute_url())  # cached before the setting changes
    story.show_proposed = True
    story.save()
    response = client.get(story.get_absolute_url())
    text = text_of(response)
    assert titles_in(text) == {"approved", "proposed"}
    card = re.search(r"status-proposed.*?</article>", response.content.decode(), re.S)
    assert card and "unreviewed" in card.group(0)
    assert "1 event from" not in text and "2 events from 2 sources" in text


def test_story_setting_never_shows_rejected_events(client, story):
    story.show_proposed = True
    story.save()
    response = client.get(story.get_absolute_url(), {"status": "rejected"})
    assert "rejected" not in titles_in(text_of(response))


@pytest.mark.parametrize("status", ["proposed", "rejected"])
def test_visitors_cannot_open_an_unpublished_event(visitor, staff_client, story, status):
    event = Event.objects.get(story=story, status=status)
    assert visitor.get(event.get_absolute_url()).status_code == 404
    assert staff_client.get(event.get_absolute_url()).status_code == 200


def test_a_merged_events_page_sends_visitors_to_the_event_it_lives_on_in(client, story):
    target = Event.objects.get(story=story, status="approved")
    merged = Event.objects.get(story=story, status="proposed")
    target.absorb([merged])
    response = client.get(merged.get_absolute_url())
    assert response.status_code == 302 and response["Location"] == target.get_absolute_url()


def test_a_merged_event_whose_target_is_unpublished_is_not_found(client, story):
    target = Event.objects.get(story=story, status="proposed")
    merged = Event.objects.get(story=story, status="approved")
    target.absorb([merged])
    assert client.get(merged.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("fmt", ["json", "timelinejs", "ics", "csv"])
@pytest.mark.parametrize("params", [{}, {"status": "rejected"}, {"status": "proposed"}])
def test_every_export_holds_approved_events_only_for_visitors(client, story, fmt, params):
    url = reverse("timeline:export", args=[story.slug, fmt])
    response = client.get(url, params)
    assert response.status_code == 200
    content = response.content.decode("utf-8-sig")
    assert titles_in(content) == {"approved"}


def test_editors_export_what_their_filters_choose(staff_client, story):
    url = reverse("timeline:export", args=[story.slug, "json"])
    events = json.loads(staff_client.get(url, {"status": "rejected"}).content)["events"]
    assert [e["title"] for e in events] == ["Event rejected here"]


def test_presentation_reads_the_visitors_export_without_their_status(client, story):
    response = client.get(reverse("timeline:present", args=[story.slug]), {"status": "rejected"})
    source = re.search(r'data-source="([^"]+)"', response.content.decode()).group(1)
    assert source == reverse("timeline:export", args=[story.slug, "timelinejs"])


def test_article_page_links_only_published_events_for_visitors(visitor, staff_client, story):
    for status in ("approved", "proposed", "rejected"):
        article = story.articles.get(title=f"Article about {status}")
        public = visitor.get(article.get_absolute_url()).content.decode()
        editors = staff_client.get(article.get_absolute_url()).content.decode()
        assert (f"Event {status} here" in public) == (status == "approved")
        assert f"Event {status} here" in editors


def test_story_list_counts_published_events(client):
    first, second = StoryFactory(), StoryFactory()
    EventFactory(story=first, status="approved")
    EventFactory(story=first, status="proposed")
    EventFactory(story=second, status="rejected")
    text = text_of(client.get("/"))
    assert f"{first.title} 1 event " in text and f"{second.title} 0 events" in text
