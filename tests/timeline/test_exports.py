"""Exports: Dateline JSON, TimelineJS3 JSON, iCalendar and CSV, and the export_timeline command."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import icalendar
import pytest
from django.core.management import CommandError, call_command

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.exports import events_for_export, safe_cell, to_csv, to_ics, to_json, to_timelinejs

pytestmark = pytest.mark.django_db


def run_export(*args: str) -> str:
    out = io.StringIO()
    call_command("export_timeline", *args, stdout=out)
    return out.getvalue()


def test_json_export_has_the_documented_shape(seed_story):
    document = json.loads(run_export("--story", seed_story.slug, "--format", "json"))
    assert document["story"]["slug"] == seed_story.slug
    event = next(e for e in document["events"] if e["title"] == "The Korean War ends")
    assert set(event) == {
        "id", "title", "summary", "date_start", "date_end", "granularity", "status", "citations"
    }  # fmt: skip
    assert (event["date_start"], event["date_end"], event["granularity"]) == (
        "1953-01-01", "1953-12-31", "year",
    )  # fmt: skip
    citation = event["citations"][0]
    assert set(citation) == {"article_id", "article_title", "published", "quote", "start", "end"}
    assert citation["published"] == "2024-10-18"


def test_json_quotes_are_the_article_text_at_their_span(seed_story):
    document = json.loads(to_json(events_for_export(story=seed_story), story=seed_story))
    bodies = {a.pk: a.body for a in seed_story.articles.all()}
    for event in document["events"]:
        for c in event["citations"]:
            assert bodies[c["article_id"]][c["start"] : c["end"]] == c["quote"]


def test_json_export_is_chronological(seed_story):
    document = json.loads(to_json(events_for_export(story=seed_story), story=seed_story))
    starts = [e["date_start"] for e in document["events"]]
    assert starts == sorted(starts) and len(starts) == 12


def test_timelinejs_keeps_precision_in_display_date_and_start_date(seed_story):
    document = json.loads(to_timelinejs(events_for_export(story=seed_story), story=seed_story))
    pact = next(e for e in document["events"] if "defence pact" in e["text"]["headline"])
    assert pact["display_date"] == "June 2024"
    assert pact["start_date"] == {"year": 2024, "month": 6}
    war = next(e for e in document["events"] if e["text"]["headline"] == "The Korean War ends")
    assert war["start_date"] == {"year": 1953} and war["display_date"] == "1953"
    ships = next(e for e in document["events"] if "Vladivostok" in e["text"]["headline"])
    assert ships["end_date"] == {"year": 2024, "month": 10, "day": 13}
    assert document["title"]["text"]["headline"] == seed_story.title


def test_timelinejs_escapes_text(db):
    event = EventFactory(title="<b>bold</b> & co", summary="<script>x</script>")
    CitationFactory(event=event)
    document = json.loads(to_timelinejs([event], story=event.story))
    assert document["events"][0]["text"]["headline"] == "&lt;b&gt;bold&lt;/b&gt; &amp; co"
    assert "<script>" not in document["events"][0]["text"]["text"]


def test_ics_events_are_all_day_with_exclusive_end(seed_story):
    calendar = icalendar.Calendar.from_ical(run_export("--format", "ics"))
    entries = {str(e["SUMMARY"]): e for e in calendar.walk("VEVENT")}
    assert len(entries) == 12
    ships = entries["Russian vessels carry North Korean troops to Vladivostok"]
    assert ships.decoded("DTSTART") == date(2024, 10, 8)
    assert ships.decoded("DTEND") == date(2024, 10, 14)  # the day after the 13th
    pact = entries["Russia and North Korea sign a mutual defence pact in Pyongyang"]
    assert (pact.decoded("DTSTART"), pact.decoded("DTEND")) == (date(2024, 6, 1), date(2024, 7, 1))
    summons = entries["South Korea summons the Russian ambassador"]
    assert summons.decoded("DTEND") == date(2024, 10, 22)
    assert "UID" in summons and "DTSTAMP" in summons
    assert "Kim Hong-kyun" in str(summons["DESCRIPTION"])


def test_ics_is_bytes_that_calendar_apps_can_read(db):
    event = EventFactory(date_start=date(2024, 2, 29))
    raw = to_ics([event], story=event.story)
    assert raw.startswith(b"BEGIN:VCALENDAR") and b"DTSTART;VALUE=DATE:20240229" in raw
    assert b"DTEND;VALUE=DATE:20240301" in raw


@pytest.mark.parametrize("dangerous", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"])
def test_csv_guards_against_formula_injection(db, dangerous):
    event = EventFactory(title=dangerous, summary=dangerous)
    rows = list(csv.DictReader(io.StringIO(to_csv([event], story=event.story))))
    assert rows[0]["title"] == "'" + dangerous
    assert rows[0]["summary"] == "'" + dangerous


def test_csv_leaves_ordinary_text_alone():
    assert safe_cell("North Korea") == "North Korea"
    assert safe_cell(3) == 3
    assert safe_cell("") == ""


def test_csv_export_has_one_row_per_event(seed_story):
    rows = list(csv.DictReader(io.StringIO(run_export("--format", "csv"))))
    assert len(rows) == 12
    pact = next(r for r in rows if "defence pact" in r["title"])
    assert (pact["date_start"], pact["display_date"], pact["source_count"]) == (
        "2024-06-01", "June 2024", "5",
    )  # fmt: skip


def test_export_leaves_out_rejected_and_merged_events(db):
    story = StoryFactory()
    kept = EventFactory(story=story)
    EventFactory(story=story, status="rejected")
    events = events_for_export(story=story)
    assert events == [kept]


def test_command_writes_to_a_file(seed_story, tmp_path):
    target = tmp_path / "story.ics"
    call_command("export_timeline", "--format", "ics", "-o", str(target), stderr=io.StringIO())
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_command_rejects_an_unknown_format(seed_story):
    with pytest.raises(CommandError, match="Unknown format"):
        run_export("--format", "xml")


def test_command_rejects_an_unknown_story(seed_story):
    with pytest.raises(CommandError, match="No story"):
        run_export("--story", "nope", "--format", "json")


def test_command_without_stories_says_so(db):
    with pytest.raises(CommandError, match="no stories"):
        run_export("--format", "json")


def test_command_reports_an_unwritable_file(seed_story, tmp_path):
    with pytest.raises(CommandError, match="Cannot write"):
        run_export("--format", "json", "-o", str(tmp_path / "missing" / "x.json"))


def test_command_defaults_to_the_newest_story(db):
    StoryFactory(title="Old")
    new = StoryFactory(title="New")
    article = ArticleFactory(story=new)
    CitationFactory(event=EventFactory(story=new), article=article)
    assert json.loads(run_export("--format", "json"))["story"]["slug"] == new.slug


def test_export_without_story_says_which_of_several_it_chose(db):
    StoryFactory(slug="older-story")
    StoryFactory(slug="newer-story")
    out, err = io.StringIO(), io.StringIO()
    call_command("export_timeline", "--format", "json", stdout=out, stderr=err)
    assert json.loads(out.getvalue())["story"]["slug"] == "newer-story"
    assert "exporting the newest, newer-story (others: older-story; choose with --story)" in (
        err.getvalue()
    )
