"""The review queue: who may use it, what it shows, and what each decision does."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from tests.factories import (
    ArticleFactory,
    CitationFactory,
    EventFactory,
    StoryFactory,
    TemporalExpressionFactory,
)
from timeline.models import Citation, Event
from timeline.review import QUEUE_PAGE

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def story():
    story = StoryFactory(title="Harbour strike")
    article = ArticleFactory(
        story=story,
        title="Dockers walk out",
        body="The union met on Sunday. On March 4, dockers walked out at the port. "
        "Ships waited offshore.",
    )
    start, end = article.body.index("On March 4"), article.body.index(" Ships")
    expression = TemporalExpressionFactory(
        article=article, start=start + 3, end=start + 10, value="2024-03-04",
        date_start=date(2024, 3, 4), date_end=date(2024, 3, 4), rule="absolute-day",
        anchor_date=date(2024, 3, 5),
    )  # fmt: skip
    walkout = EventFactory(
        story=story, title="Dockers walk out at the port", date_start=date(2024, 3, 4),
        status="proposed",
    )  # fmt: skip
    CitationFactory(event=walkout, article=article, start=start, end=end,
                    quote=article.body[start:end], expression=expression)  # fmt: skip
    twin = EventFactory(
        story=story, title="Port dockers strike", date_start=date(2024, 3, 4), status="proposed"
    )
    CitationFactory(event=twin, article=ArticleFactory(story=story, body="Port dockers struck."))
    EventFactory(story=story, title="Talks began", date_start=date(2024, 2, 1), status="approved")
    EventFactory(
        story=story, title="Unrelated thing", date_start=date(2023, 1, 1), status="rejected"
    )
    return story


def queue_url(story) -> str:
    return reverse("timeline:review", args=[story.slug])


def action_url(story, event, action) -> str:
    if action not in ("approve", "reject", "edit", "merge"):
        return f"{queue_url(story)}{event.pk}/{action}/"
    return reverse(f"timeline:review-{action}", args=[story.slug, event.pk])


def text_of(response) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", response.content.decode()))


def test_queue_is_for_staff_only(client, story, django_user_model):
    assert client.get(queue_url(story)).status_code == 302
    reader = django_user_model.objects.create_user("reader", password="pw-reader-1")
    client.force_login(reader)
    assert client.get(queue_url(story)).status_code == 302
    walkout = Event.objects.get(title__startswith="Dockers")
    assert client.post(action_url(story, walkout, "approve")).status_code == 302
    assert Event.objects.get(pk=walkout.pk).status == "proposed"


def test_queue_lists_proposed_events_in_date_order(staff_client, story):
    EventFactory(
        story=story, title="Earlier proposal", date_start=date(2024, 1, 5), status="proposed"
    )
    text = text_of(staff_client.get(queue_url(story)))
    assert "Talks began" not in text.split("Similar events")[0]
    found = re.findall(r"Earlier proposal|Dockers walk out at the port|Port dockers strike", text)
    assert found[:2] == ["Earlier proposal", "Dockers walk out at the port"]
    assert "Unrelated thing" not in text


def test_queue_shows_quotes_in_context_and_how_they_were_dated(staff_client, story):
    html = staff_client.get(queue_url(story)).content.decode()
    assert re.search(r'<span class="context">The union met on Sunday\.\s+</span>', html)
    assert '<mark class="quote">On March 4, dockers walked out at the port.</mark>' in html
    text = text_of(staff_client.get(queue_url(story)))
    assert "Dated by “March 4” → 4 March 2024" in text
    assert "rule: absolute-day" in text and "resolved against 5 Mar 2024" in text


def test_queue_shows_the_most_similar_events_beside_each(staff_client, story):
    response = staff_client.get(queue_url(story))
    item = response.content.decode().split('<li class="review-item')[1]  # the walkout
    assert "Port dockers strike" in item
    assert "same dates" in item and "dockers" in item
    assert "Unrelated thing" not in item


def test_queue_says_how_many_events_are_reviewed(staff_client, story):
    assert "2 of 4 reviewed" in text_of(staff_client.get(queue_url(story)))


def test_queue_documents_its_keys(staff_client, story):
    text = text_of(staff_client.get(queue_url(story)))
    for key in ("j", "k", "a", "r", "e", "m"):
        assert f" {key} " in text


def test_approve_without_javascript_goes_back_to_the_queue(staff_client, story):
    walkout = Event.objects.get(title__startswith="Dockers")
    response = staff_client.post(action_url(story, walkout, "approve"))
    assert response.status_code == 302
    assert response["Location"] == f"{queue_url(story)}#review-{walkout.pk}"
    assert Event.objects.get(pk=walkout.pk).status == "approved"
    assert "Approved: “Dockers walk out at the port”" in text_of(staff_client.get(queue_url(story)))


def test_approve_with_htmx_answers_the_item_and_the_progress(staff_client, story):
    walkout = Event.objects.get(title__startswith="Dockers")
    response = staff_client.post(action_url(story, walkout, "approve"), headers=HX)
    html = response.content.decode()
    assert html.lstrip().startswith(
        f'<li class="review-item status-approved" id="review-{walkout.pk}"'
    )
    assert 'id="progress" class="progress" hx-swap-oob="true"' in html
    assert "3 of 4 reviewed" in text_of(response)


def test_every_decision_is_in_the_admin_history_with_who_made_it(staff_client, story):
    walkout = Event.objects.get(title__startswith="Dockers")
    staff_client.post(action_url(story, walkout, "reject"), headers=HX)
    entry = LogEntry.objects.get(object_id=str(walkout.pk))
    assert entry.user.username == "editor"
    assert "rejected" in entry.get_change_message()
    assert Event.objects.get(pk=walkout.pk).status == "rejected"


def test_edit_saves_title_and_dates_and_keeps_the_editors_title(staff_client, story):
    walkout = Event.objects.get(title__startswith="Dockers")
    data = {"title": "Dockers strike", "date_start": "2024-03-01", "date_end": "2024-03-31",
            "granularity": "month"}  # fmt: skip
    staff_client.post(action_url(story, walkout, "edit"), data, headers=HX)
    walkout.refresh_from_db()
    assert (walkout.title, walkout.granularity, walkout.title_edited) == (
        "Dockers strike", "month", True,
    )  # fmt: skip
    assert walkout.date_end == date(2024, 3, 31)
    assert "title" in LogEntry.objects.get(object_id=str(walkout.pk)).get_change_message()


@pytest.mark.parametrize(
    "data",
    [
        {
            "title": "X",
            "date_start": "2024-03-09",
            "date_end": "2024-03-01",
            "granularity": "range",
        },
        {"title": "X", "date_start": "2024-03-01", "date_end": "2024-03-02", "granularity": "day"},
        {"title": "", "date_start": "2024-03-04", "date_end": "2024-03-04", "granularity": "day"},
        {"title": "X", "date_start": "March", "date_end": "2024-03-04", "granularity": "day"},
        {"title": "X", "date_start": "2024-03-04", "date_end": "2024-03-04", "granularity": "eon"},
    ],
)
def test_a_bad_edit_says_why_in_one_line_and_changes_nothing(staff_client, story, data):
    walkout = Event.objects.get(title__startswith="Dockers")
    response = staff_client.post(action_url(story, walkout, "edit"), data, headers=HX)
    assert response.status_code == 200
    errors = re.findall(r'<p class="error" role="alert">([^<]+)</p>', response.content.decode())
    assert len(errors) == 1 and "\n" not in errors[0].strip()
    after = Event.objects.get(pk=walkout.pk)
    assert (after.title, after.date_start, after.date_end, after.granularity) == (
        walkout.title, walkout.date_start, walkout.date_end, walkout.granularity,
    )  # fmt: skip
    assert not LogEntry.objects.exists()


def test_merge_into_a_neighbour_moves_the_citations_there(staff_client, story):
    walkout = Event.objects.get(title__startswith="Dockers")
    twin = Event.objects.get(title="Port dockers strike")
    response = staff_client.post(action_url(story, walkout, "merge"), {"into": twin.pk}, headers=HX)
    walkout.refresh_from_db()
    assert walkout.status == "merged" and walkout.merged_into_id == twin.pk
    assert Citation.objects.filter(event=twin).count() == 2
    assert "Merged into" in text_of(response)
    messages = {e.object_id: e.get_change_message() for e in LogEntry.objects.all()}
    assert "Merged into event" in messages[str(walkout.pk)]
    assert "Absorbed" in messages[str(twin.pk)]


@pytest.mark.parametrize("into", ["", "abc", "999999", "self", "other-story", "9" * 40])
def test_merge_into_nothing_usable_changes_nothing(staff_client, story, into):
    walkout = Event.objects.get(title__startswith="Dockers")
    if into == "self":
        into = walkout.pk
    elif into == "other-story":
        into = EventFactory(status="proposed").pk
    response = staff_client.post(action_url(story, walkout, "merge"), {"into": into}, headers=HX)
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    assert Event.objects.get(pk=walkout.pk).status == "proposed"


def test_bulk_approves_the_selection(staff_client, story):
    chosen = list(Event.objects.filter(status="proposed"))
    url = reverse("timeline:review-bulk", args=[story.slug])
    response = staff_client.post(url, {"action": "approve", "event": [e.pk for e in chosen]})
    assert response.status_code == 302
    assert set(
        Event.objects.filter(pk__in=[e.pk for e in chosen]).values_list("status", flat=True)
    ) == {"approved"}
    assert LogEntry.objects.count() == len(chosen)
    assert "4 of 4 reviewed" in text_of(staff_client.get(queue_url(story)))


def test_bulk_rejects_only_the_selection(staff_client, story):
    walkout = Event.objects.get(title__startswith="Dockers")
    url = reverse("timeline:review-bulk", args=[story.slug])
    staff_client.post(url, {"action": "reject", "event": [walkout.pk]})
    assert Event.objects.get(pk=walkout.pk).status == "rejected"
    assert Event.objects.get(title="Port dockers strike").status == "proposed"


@pytest.mark.parametrize(
    "data", [{"action": "approve"}, {"action": "delete", "event": ["1"]}, {"event": ["x"]}]
)
def test_a_bad_bulk_post_says_why_and_changes_nothing(staff_client, story, data):
    url = reverse("timeline:review-bulk", args=[story.slug])
    response = staff_client.post(url, data, follow=True)
    assert response.status_code == 200 and 'class="error"' in response.content.decode()
    assert Event.objects.filter(status="proposed").count() == 2


def test_actions_need_post_a_known_action_and_the_csrf_token(story, django_user_model):
    walkout = Event.objects.get(title__startswith="Dockers")
    client = Client(enforce_csrf_checks=True)
    client.force_login(
        django_user_model.objects.create_superuser("boss", "b@example.com", "pw-b-1")
    )
    assert client.get(action_url(story, walkout, "approve")).status_code == 405
    assert client.post(action_url(story, walkout, "approve")).status_code == 403
    assert client.post(action_url(story, walkout, "delete")).status_code in (403, 404)
    assert Event.objects.get(pk=walkout.pk).status == "proposed"


def test_an_event_of_another_story_is_not_found(staff_client, story):
    other = EventFactory(status="proposed")
    assert staff_client.post(action_url(story, other, "approve")).status_code == 404
    assert Event.objects.get(pk=other.pk).status == "proposed"


def proposed_story(count: int):
    story = StoryFactory()
    articles = [ArticleFactory(story=story) for _ in range(3)]
    for i in range(count):
        event = EventFactory(
            story=story, status="proposed", date_start=date(2024, 1, 1) + timedelta(days=i % 9)
        )
        CitationFactory(event=event, article=articles[i % 3])
    return story


# session, user, story, the page's ids, their rows, citations, their articles, neighbours,
# progress
QUEUE_QUERIES = 9
# session, user, story, event, savepoint, update, history (content type, log entry) and
# release, then the answer: citations, articles, neighbours, progress
ACTION_QUERIES = 13


@pytest.mark.parametrize("count", [3, 60])
def test_queue_page_costs_the_same_queries_whatever_the_events(
    staff_client, django_assert_num_queries, count
):
    story = proposed_story(count)
    with django_assert_num_queries(QUEUE_QUERIES):
        assert staff_client.get(queue_url(story)).status_code == 200


@pytest.mark.parametrize("count", [3, 60])
def test_an_action_costs_the_same_queries_whatever_the_events(
    staff_client, django_assert_num_queries, count
):
    story = proposed_story(count)
    event = Event.objects.filter(story=story).first()
    ContentType.objects.clear_cache()  # as in a fresh process: the history reads it once
    with django_assert_num_queries(ACTION_QUERIES):
        response = staff_client.post(action_url(story, event, "approve"), headers=HX)
    assert response.status_code == 200
    assert Event.objects.get(pk=event.pk).status == "approved"


def test_a_later_page_shows_the_next_proposals_in_date_order(staff_client):
    story = proposed_story(QUEUE_PAGE + 3)
    ordered = list(Event.objects.filter(story=story).order_by("date_start", "date_end", "id"))
    first = staff_client.get(queue_url(story))
    second = staff_client.get(queue_url(story), {"page": 2})
    shown = re.findall(r'data-event="(\d+)"', second.content.decode())
    assert [int(pk) for pk in shown] == [e.pk for e in ordered[QUEUE_PAGE:]]
    assert f'data-event="{ordered[QUEUE_PAGE].pk}"' not in first.content.decode()
    assert "?page=2" in first.content.decode()
