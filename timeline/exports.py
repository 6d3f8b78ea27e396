"""A story's events in other formats: Dateline JSON, TimelineJS3 JSON, iCalendar, CSV.

Each format is a function from a list of events (citations prefetched, as
`events_for_export` loads them) to text or bytes; the web view and the
`export_timeline` command only choose the events and the format.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

import icalendar
from django.conf import settings
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import escape

from articles.models import Story
from timeline.filters import TimelineFilters, parse_filters
from timeline.models import Event, EventQuerySet

# Spreadsheets run cells that start with these as formulas (CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def absolute_url(request, path: str) -> str:
    """`path` on the site: at `DATELINE_SITE_URL` when it is set, else where `request`
    came to (None: the path as it is)."""
    if settings.DATELINE_SITE_URL:
        return f"{settings.DATELINE_SITE_URL}{path}"
    return f"{request.scheme}://{request.get_host()}{path}" if request is not None else path


def events_for_export(
    *, story: Story, filters: TimelineFilters | None = None, events: EventQuerySet | None = None
) -> list[Event]:
    """The events of a story to export, filtered. `events` are those the reader may see
    (`Event.objects.visible_to`); without them, every event still standing, as the command
    line exports for the editors who run it."""
    filters = filters or parse_filters(QueryDict())
    chosen = filters.apply(Event.objects.for_story(story).current() if events is None else events)
    return list(chosen.with_citations().chronological())


def _article_url(citation, base_url: str = "") -> str:
    url = reverse("articles:detail", kwargs={"pk": citation.article_id})
    return f"{base_url}{url}#cite-{citation.event_id}-{citation.start}"


def _said_already(summary: str, citations) -> bool:
    """Whether the summary only repeats a quote (ingest sums an event up by its sentence)."""
    text = " ".join(summary.rstrip("…. ").split())
    return any(text and text in " ".join(c.quote.split()) for c in citations)


def to_json(events: Sequence[Event], *, story: Story) -> str:
    document = {
        "story": {"slug": story.slug, "title": story.title, "url": story.get_absolute_url()},
        "events": [
            {
                "id": event.pk,
                "title": event.title,
                "summary": event.summary,
                "date_start": event.date_start.isoformat(),
                "date_end": event.date_end.isoformat(),
                "granularity": event.granularity,
                "status": event.status,
                "citations": [
                    {
                        "article_id": citation.article_id,
                        "article_title": citation.article.title,
                        "published": citation.article.published_on.isoformat(),
                        "quote": citation.quote,
                        "start": citation.start,
                        "end": citation.end,
                    }
                    for citation in event.citations.all()
                ],
            }
            for event in events
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _timelinejs_date(day, granularity: str) -> dict[str, int]:
    """A TimelineJS date no more precise than the event: a month event has no day."""
    if granularity in ("year", "decade"):
        return {"year": day.year}
    if granularity in ("month", "quarter"):
        return {"year": day.year, "month": day.month}
    return {"year": day.year, "month": day.month, "day": day.day}


def _timelinejs_text(event: Event, base_url: str = "") -> str:
    citations = list(event.citations.all())
    parts = []
    if event.background:
        parts.append('<p class="tl-background"><em>Background</em>: recalled by the sources '
                     "as long past, not the story’s news.</p>")  # fmt: skip
    if event.summary and not _said_already(event.summary, citations):
        parts.append(f"<p>{escape(event.summary)}</p>")
    if event.disagreement:
        parts.append(f"<p><strong>Sources disagree:</strong> {escape(event.disagreement)}</p>")
    for citation in citations:
        parts.append(
            f"<blockquote>{escape(citation.quote)}</blockquote>"
            f'<p class="tl-source">— <a href="{escape(_article_url(citation, base_url))}">'
            f"{escape(citation.article.title)}</a>, {citation.article.published_on:%-d %b %Y}</p>"
        )
    return "".join(parts)


TIMELINEJS_GROUPS = ("kind", "source")


def _timelinejs_group(event: Event, group_by: str) -> str:
    """The row of the time navigation the slide sits on: the kind of event (background,
    planned, reported, news), or the outlet of its first source."""
    if group_by == "source":
        first = next(iter(event.citations.all()), None)
        return (first.article.outlet or first.article.title) if first else "No source"
    if event.background:
        return "Background"
    return {"planned": "Planned", "reported": "Reported"}.get(event.date_kind, "News")


def to_timelinejs(
    events: Sequence[Event], *, story: Story, base_url: str = "", group_by: str = "kind"
) -> str:
    """TimelineJS3 JSON; links are absolute with `base_url` (the site's address)."""
    sources = {c.article_id for event in events for c in event.citations.all()}
    slides = []
    for event in events:
        headline = escape(event.title)
        slide = {
            "unique_id": f"event-{event.pk}",
            "start_date": _timelinejs_date(event.date_start, event.granularity),
            "display_date": event.display_date,
            "group": _timelinejs_group(event, group_by),
            "text": {
                "headline": (
                    f'<a href="{escape(base_url + event.get_absolute_url())}">{headline}</a>'
                    if base_url
                    else headline
                ),
                "text": _timelinejs_text(event, base_url),
            },
        }
        if event.background:
            slide["background"] = {"color": "#efece4"}
        if event.granularity in ("week", "range", "open") and event.date_end != event.date_start:
            slide["end_date"] = _timelinejs_date(event.date_end, "day")
        slides.append(slide)
    document = {
        "title": {
            "text": {
                "headline": escape(story.title),
                "text": (
                    f"<p>{len(events)} event{'s' if len(events) != 1 else ''} "
                    f"from {len(sources)} source{'s' if len(sources) != 1 else ''}, "
                    "each dated as precisely as the articles allow.</p>"
                ),
            }
        },
        "events": slides,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def to_ics(events: Sequence[Event], *, story: Story) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//Dateline//Dateline timeline export//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", story.title)
    for event in events:
        entry = icalendar.Event()
        entry.add("uid", f"{event.uid}@dateline")
        entry.add("summary", event.title)
        # All-day events: DTEND is the day after the last day (RFC 5545 §3.6.1).
        entry.add("dtstart", event.date_start)
        entry.add("dtend", event.date_end + timedelta(days=1))
        entry.add("dtstamp", event.updated_at)
        entry.add("status", "CONFIRMED" if event.status == "approved" else "TENTATIVE")
        entry.add("categories", [event.granularity])
        lines = [f"When: {event.display_date} ({event.granularity})"]
        if event.summary:
            lines.append(event.summary)
        if event.disagreement:
            lines.append(f"Sources disagree: {event.disagreement}")
        for citation in event.citations.all():
            lines.append(
                f"“{citation.quote}” — {citation.article.title}, "
                f"{citation.article.published_on:%Y-%m-%d}"
            )
        entry.add("description", "\n\n".join(lines))
        calendar.add_component(entry)
    return calendar.to_ical()


def safe_cell(value: object) -> object:
    """Prefix text a spreadsheet would run as a formula with an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


CSV_COLUMNS = [
    "id",
    "date_start",
    "date_end",
    "display_date",
    "granularity",
    "status",
    "title",
    "summary",
    "source_count",
    "sources",
    "quotes",
    "disagreement",
]


def to_csv(events: Sequence[Event], *, story: Story) -> str:
    """CSV that spreadsheet programs open as UTF-8: it starts with a byte order mark."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for event in events:
        citations = list(event.citations.all())
        titles = list(dict.fromkeys(c.article.title for c in citations))
        row = [
            event.pk,
            event.date_start.isoformat(),
            event.date_end.isoformat(),
            event.display_date,
            event.granularity,
            event.status,
            event.title,
            event.summary,
            len({c.article_id for c in citations}),
            "; ".join(titles),
            "\n".join(f"“{c.quote}” ({c.article.published_on:%Y-%m-%d})" for c in citations),
            event.disagreement,
        ]
        writer.writerow([safe_cell(cell) for cell in row])
    return buffer.getvalue()


@dataclass(frozen=True)
class ExportFormat:
    render: Callable[..., str | bytes]
    content_type: str
    suffix: str  # file name ending


FORMATS: dict[str, ExportFormat] = {
    "json": ExportFormat(to_json, "application/json; charset=utf-8", ".json"),
    "timelinejs": ExportFormat(
        to_timelinejs, "application/json; charset=utf-8", ".timelinejs.json"
    ),
    "ics": ExportFormat(to_ics, "text/calendar; charset=utf-8", ".ics"),
    "csv": ExportFormat(to_csv, "text/csv; charset=utf-8", ".csv"),
}


def export(fmt: str, *, story: Story, events: Sequence[Event], **options) -> str | bytes:
    """Render `events` in format `fmt`; KeyError names an unknown format. `options` are
    the TimelineJS export's (`base_url`, `group_by`)."""
    if fmt != "timelinejs":
        options = {}
    return FORMATS[fmt].render(events, story=story, **options)
