"""The event list and form, fit for going through many proposals."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from tests.factories import CitationFactory, EventFactory, StoryFactory
from tests.timeline.test_admin import event_form

pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:timeline_event_changelist")


def test_event_list_shows_each_events_first_quote(staff_client):
    citation = CitationFactory(event=EventFactory(status="proposed"))
    response = staff_client.get(CHANGELIST)
    assert "first quote" in response.text.lower()
    assert citation.quote in response.text


def test_event_form_gives_the_title_room(staff_client):
    event = EventFactory()
    response = staff_client.get(reverse("admin:timeline_event_change", args=[event.pk]))
    assert 'name="title"' in response.text and 'size="90"' in response.text


def test_heading_after_a_failed_save_names_the_saved_event(staff_client):
    event = EventFactory(title="Dockers walk out")
    url = reverse("admin:timeline_event_change", args=[event.pk])
    form = event_form(event, title="A title never saved", date_end="2020-01-01")
    response = staff_client.post(url, form)
    assert response.status_code == 200 and "errornote" in response.text
    heading = response.text.split("<h2>", 1)[1].split("</h2>", 1)[0]
    assert "Dockers walk out" in heading and "never saved" not in heading


def test_date_filter_offers_the_storys_own_years_and_months(staff_client):
    story = StoryFactory()
    EventFactory(story=story, date_start=date(2005, 6, 6))
    EventFactory(story=story, date_start=date(2011, 10, 5))
    EventFactory(date_start=date(1999, 1, 1))  # another story's
    response = staff_client.get(CHANGELIST, {"story__id__exact": story.pk})
    assert "period=2005-06" in response.text and "period=2011" in response.text
    assert "June 2005" in response.text and "October 2011" in response.text
    assert "1999" not in response.text


def test_date_filter_keeps_events_of_that_month(staff_client):
    story = StoryFactory()
    june = EventFactory(story=story, title="June thing", date_start=date(2005, 6, 6))
    EventFactory(story=story, title="October thing", date_start=date(2011, 10, 5))
    response = staff_client.get(CHANGELIST, {"period": "2005-06"})
    assert june.title in response.text and "October thing" not in response.text
