from datetime import date

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory
from timeline.models import Event

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:timeline_event_changelist")


def run_action(client, action, events):
    return client.post(
        CHANGELIST,
        {"action": action, "_selected_action": [e.pk for e in events]},
        follow=True,
    )


def test_admin_requires_login(client):
    response = client.get(CHANGELIST)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_admin_event_list_filters_and_searches(staff_client, seed_story):
    response = staff_client.get(CHANGELIST, {"status__exact": "approved", "q": "ambassador"})
    assert response.status_code == 200
    assert "South Korea summons the Russian ambassador" in response.text
    assert "Korean War" not in response.text


def test_admin_event_page_shows_inline_citations(staff_client, seed_story):
    event = Event.objects.get(title__icontains="emergency security meeting")
    response = staff_client.get(reverse("admin:timeline_event_change", args=[event.pk]))
    assert response.status_code == 200
    assert "That same day, South Korean President Yoon Suk Yeol" in response.text


def test_approve_action_approves_selected_events(staff_client):
    events = EventFactory.create_batch(2, status=Event.Status.PROPOSED)
    run_action(staff_client, "approve", events)
    assert set(Event.objects.values_list("status", flat=True)) == {"approved"}


def test_reject_action_rejects_selected_events(staff_client):
    event = EventFactory(status=Event.Status.PROPOSED)
    run_action(staff_client, "reject", [event])
    event.refresh_from_db()
    assert event.status == Event.Status.REJECTED


def confirm_merge(client, events, *, survivor):
    return client.post(
        CHANGELIST,
        {"action": "merge", "_selected_action": [e.pk for e in events], "confirm": "1",
         "survivor": survivor.pk},
        follow=True,
    )  # fmt: skip


def test_merge_action_moves_citations_onto_the_best_cited_event(staff_client):
    keeper = CitationFactory().event
    CitationFactory(event=keeper)
    other = CitationFactory(event=EventFactory(story=keeper.story)).event
    choice = run_action(staff_client, "merge", [keeper, other])
    assert f'value="{keeper.pk}" checked' in choice.text  # offered first
    response = confirm_merge(staff_client, [keeper, other], survivor=keeper)
    other.refresh_from_db()
    assert "Merged 1 event(s)" in response.text
    assert keeper.citations.count() == 3
    assert other.status == Event.Status.MERGED and other.merged_into == keeper


def test_merge_action_needs_two_events(staff_client):
    event = CitationFactory().event
    response = run_action(staff_client, "merge", [event])
    assert "at least two events" in response.text


def test_split_action_gives_each_source_its_own_event(staff_client):
    citation = CitationFactory()
    CitationFactory(event=citation.event)
    run_action(staff_client, "split_by_source", [citation.event])
    assert Event.objects.count() == 2
    assert all(e.citations.count() == 1 for e in Event.objects.all())


def test_editing_dates_rejects_end_before_start(staff_client):
    event = EventFactory()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = staff_client.post(
        url,
        {
            "story": event.story_id,
            "title": event.title,
            "summary": "",
            "date_start": "2024-10-13",
            "date_end": "2024-10-08",
            "granularity": "range",
            "status": "approved",
            "date_kind": "happened",
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "end date is before the start date" in response.text
    event.refresh_from_db()
    assert event.date_start == date(2024, 10, 18)


def test_editing_dates_rejects_granularity_that_does_not_fit(staff_client):
    event = EventFactory()
    response = staff_client.post(
        reverse("admin:timeline_event_change", args=[event.pk]),
        {
            "story": event.story_id,
            "title": event.title,
            "date_start": "2024-06-01",
            "date_end": "2024-06-20",
            "granularity": "month",
            "status": "approved",
            "date_kind": "happened",
            "citations-TOTAL_FORMS": "0",
            "citations-INITIAL_FORMS": "0",
        },
    )
    assert "is not one month" in response.text


def event_form(event: Event, **changes) -> dict:
    return {
        "story": event.story_id,
        "title": event.title,
        "summary": event.summary,
        "date_start": event.date_start.isoformat(),
        "date_end": event.date_end.isoformat(),
        "granularity": event.granularity,
        "status": event.status,
        "date_kind": event.date_kind,
        "citations-TOTAL_FORMS": "0",
        "citations-INITIAL_FORMS": "0",
        **changes,
    }


def test_editing_status_to_merged_is_refused_not_a_server_error(staff_client):
    event = EventFactory()
    url = reverse("admin:timeline_event_change", args=[event.pk])
    response = staff_client.post(url, event_form(event, status="merged"))
    assert response.status_code == 200
    assert "Only the “Merge” action makes an event merged" in response.text
    event.refresh_from_db()
    assert event.status == Event.Status.APPROVED


def test_a_merged_event_cannot_be_unmerged_by_editing_its_status(staff_client):
    target = EventFactory()
    merged = EventFactory(story=target.story)
    target.absorb([merged])
    merged.refresh_from_db()
    url = reverse("admin:timeline_event_change", args=[merged.pk])
    response = staff_client.post(url, event_form(merged, status="approved"))
    assert response.status_code == 200
    assert "stays merged" in response.text
    merged.refresh_from_db()
    assert (merged.status, merged.merged_into_id) == (Event.Status.MERGED, target.pk)


def test_merge_keeps_an_approved_event_over_a_better_cited_rejected_one(staff_client):
    rejected = CitationFactory(event=EventFactory(status=Event.Status.REJECTED)).event
    CitationFactory(event=rejected)
    approved = CitationFactory(
        event=EventFactory(story=rejected.story, status=Event.Status.APPROVED)
    ).event
    choice = run_action(staff_client, "merge", [rejected, approved])
    assert f'value="{approved.pk}" checked' in choice.text
    confirm_merge(staff_client, [rejected, approved], survivor=approved)
    rejected.refresh_from_db()
    assert rejected.status == Event.Status.MERGED and rejected.merged_into == approved
    assert approved.citations.count() == 3


def test_editors_decisions_are_in_the_admin_history(staff_client):
    from django.contrib.admin.models import LogEntry

    first, second = EventFactory.create_batch(2, status=Event.Status.PROPOSED)
    run_action(staff_client, "approve", [first])
    run_action(staff_client, "reject", [second])
    messages = {
        (int(entry.object_id), entry.get_change_message()) for entry in LogEntry.objects.all()
    }
    assert (first.pk, "Status set to approved.") in messages
    assert (second.pk, "Status set to rejected.") in messages


def edit(client, event: Event, **changes) -> Event:
    """Save the event's admin form with `changes`; the event as stored after."""
    client.post(
        reverse("admin:timeline_event_change", args=[event.pk]), event_form(event, **changes)
    )
    event.refresh_from_db()
    return event


def test_editing_the_title_marks_it_as_the_editors(staff_client):
    event = edit(
        staff_client, EventFactory(status="proposed"), title="Halvorsen recalls fish cakes"
    )
    assert (event.title, event.title_edited) == ("Halvorsen recalls fish cakes", True)


def test_editing_something_else_leaves_the_title_to_ingest(staff_client):
    event = edit(staff_client, EventFactory(status="proposed"), summary="A longer account.")
    assert (event.summary, event.title_edited) == ("A longer account.", False)
