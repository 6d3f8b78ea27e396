"""Split and merge leave events as ingest would make them from their own citations."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from timeline.curation import merge_events, split_by_source
from timeline.ingest import get_story, ingest_text
from timeline.models import Event

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:timeline_event_changelist")


@pytest.fixture
def two_reports():
    """Two articles, each telling its own dated event: as ingest proposed them."""
    story = get_story(slug="harbour", title="Harbour strike")
    ingest_text(
        "Dockers walk out\n\nDockers walked out at the port of Halvik on March 4, halting "
        "all shipping.\n",
        story=story, published=date(2024, 3, 5), title="Dockers walk out",
    )  # fmt: skip
    ingest_text(
        "Port reopens\n\nThe port of Halvik reopened to shipping in June after the union "
        "accepted a new contract.\n",
        story=story, published=date(2024, 7, 2), title="Port reopens",
    )  # fmt: skip
    events = list(Event.objects.filter(story=story).order_by("date_start"))
    assert len(events) == 2, [(e.title, e.date_start) for e in events]
    return events


def snapshot(event: Event) -> tuple:
    return (event.title, event.summary, event.date_start, event.date_end, event.granularity)


def test_split_dates_and_titles_each_piece_from_its_own_citations(two_reports):
    walkout, reopening = two_reports
    before = {e.citations.get().article_id: snapshot(e) for e in two_reports}
    merge_events(survivor=walkout, others=[reopening])  # a wrong merge: two dates in one
    walkout.refresh_from_db()
    assert walkout.citations.count() == 2

    pieces = split_by_source(event=walkout)
    walkout.refresh_from_db()
    assert len(pieces) == 1
    after = {e.citations.get().article_id: snapshot(e) for e in [walkout, *pieces]}
    assert after == before  # each piece is the event ingest made from its article
    assert {e.granularity for e in [walkout, *pieces]} == {"day", "month"}
    assert pieces[0].status == "proposed"


def test_split_describes_no_disagreement_the_pieces_no_longer_have(two_reports):
    walkout, reopening = two_reports
    merge_events(survivor=walkout, others=[reopening])
    split_by_source(event=walkout)
    assert set(Event.objects.current().values_list("disagreement", flat=True)) == {""}


def test_split_of_a_one_source_event_changes_nothing(two_reports):
    walkout = two_reports[0]
    before = snapshot(walkout)
    assert split_by_source(event=walkout) == []
    walkout.refresh_from_db()
    assert snapshot(walkout) == before


def test_split_keeps_an_editors_title_on_the_event_it_splits(two_reports):
    walkout, reopening = two_reports
    merge_events(survivor=walkout, others=[reopening])
    Event.objects.filter(pk=walkout.pk).update(title="Strike at Halvik", title_edited=True)
    walkout.refresh_from_db()
    piece = split_by_source(event=walkout)[0]
    walkout.refresh_from_db()
    assert walkout.title == "Strike at Halvik" and walkout.date_start == date(2024, 3, 4)
    assert piece.title != "Strike at Halvik" and piece.date_start == date(2024, 6, 1)


def test_split_is_one_transaction(two_reports, monkeypatch):
    walkout, reopening = two_reports
    merge_events(survivor=walkout, others=[reopening])
    walkout.refresh_from_db()
    before = snapshot(walkout)

    def broken(event, citations):
        raise RuntimeError("disk full")

    monkeypatch.setattr("timeline.curation.derive", broken)
    with pytest.raises(RuntimeError):
        split_by_source(event=walkout)
    walkout.refresh_from_db()
    assert snapshot(walkout) == before and walkout.citations.count() == 2
    assert Event.objects.current().count() == 1


@pytest.mark.parametrize("keep", [0, 1])
def test_merge_keeps_the_survivor_the_editor_chose(staff_client, two_reports, keep):
    survivor, other = two_reports[keep], two_reports[1 - keep]
    before = snapshot(survivor)
    staff_client.post(
        CHANGELIST,
        {"action": "merge", "_selected_action": [e.pk for e in two_reports], "confirm": "1",
         "survivor": survivor.pk},
    )  # fmt: skip
    survivor.refresh_from_db()
    other.refresh_from_db()
    assert snapshot(survivor) == before
    assert other.status == "merged" and other.merged_into_id == survivor.pk
    assert survivor.citations.count() == 2


def test_merge_of_events_with_different_dates_says_the_sources_disagree(two_reports):
    walkout, reopening = two_reports
    merge_events(survivor=walkout, others=[reopening])
    walkout.refresh_from_db()
    assert walkout.disagreement


def test_merge_without_a_chosen_survivor_changes_nothing(staff_client, two_reports):
    response = staff_client.post(
        CHANGELIST,
        {"action": "merge", "_selected_action": [e.pk for e in two_reports], "confirm": "1",
         "survivor": "nope"},
        follow=True,
    )  # fmt: skip
    assert "Choose the event that survives" in response.text
    assert not Event.objects.filter(status="merged").exists()


def test_admin_split_action_gives_pieces_their_own_dates(staff_client, two_reports):
    walkout, reopening = two_reports
    merge_events(survivor=walkout, others=[reopening])
    staff_client.post(CHANGELIST, {"action": "split_by_source", "_selected_action": [walkout.pk]})
    dates = sorted(Event.objects.current().values_list("date_start", "granularity"))
    assert dates == [(date(2024, 3, 4), "day"), (date(2024, 6, 1), "month")]
