"""Reading helpers: cut an article's text into highlighted runs, quote it in context,
and say in words what a date expression was resolved to.

Plain functions over strings and duck-typed objects (anything with `start`/`end`),
so the timeline can use them without the articles app knowing about events.
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

# A sentence ends at . ! ? or … (plus closing quotes/brackets) before white space, or at a
# line break (headlines and datelines have no full stop).
_SENTENCE_BREAK = re.compile(r"(?<=[.!?…])[\"”’)\]]*\s+|\n+")


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Any = None  # the object (a date expression) that this run of text is, if any
    anchor: str = ""  # the id readers can link to, when a cited sentence starts here
    paragraph_end: bool = False  # the text ends a paragraph (a line break)


@dataclass
class Passage:
    """A stretch of the article: either plain, or a sentence that events cite."""

    start: int
    end: int
    segments: list[Segment] = field(default_factory=list)
    anchors: list[str] = field(default_factory=list)  # ids a citation link can target
    events: list[Any] = field(default_factory=list)  # the events citing it, once each


def _split(body: str, start: int, end: int, marks: Sequence[Any]) -> list[Segment]:
    """Plain runs and marked spans covering exactly `body[start:end]`."""
    result: list[Segment] = []
    cursor = start
    for mark in marks:
        if mark.start < cursor or mark.end > end or mark.start >= mark.end:
            continue
        if mark.start > cursor:
            result.append(Segment(body[cursor : mark.start]))
        result.append(Segment(body[mark.start : mark.end], mark))
        cursor = mark.end
    if cursor < end:
        result.append(Segment(body[cursor:end]))
    return result


def _valid_marks(body: str, marks: Iterable[Any]) -> list[Any]:
    kept: list[Any] = []
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if 0 <= mark.start < mark.end <= len(body) and (not kept or mark.start >= kept[-1].end):
            kept.append(mark)
    return kept


def segments(
    body: str, marks: Iterable[Any], anchors: Sequence[tuple[int, str]] = ()
) -> list[Segment]:
    """Split `body` at the spans of `marks` (objects with `start`/`end`).

    Overlapping or out-of-range marks are skipped rather than corrupting the
    text: every character of `body` appears exactly once, in order.
    """
    kept = _valid_marks(body, marks)
    cuts = sorted({0, len(body)} | {p for p, _ in anchors if 0 <= p <= len(body)})
    anchor_at = dict(anchors)
    result: list[Segment] = []
    for left, right in zip(cuts, cuts[1:], strict=False):
        inside = [m for m in kept if left <= m.start and m.end <= right]
        pieces = _split(body, left, right, inside)
        if pieces and anchor_at.get(left):
            pieces[0] = Segment(pieces[0].text, pieces[0].mark, anchor_at[left])
        result.extend(pieces)
    return result


def passages(body: str, marks: Iterable[Any], citations: Iterable[Any]) -> list[Passage]:
    """The article as plain and cited passages, each cut at its date expressions.

    `citations` have `start`, `end`, `event_id` and `event`. Overlapping citations
    share one passage; a date expression that straddles a passage edge widens it.
    """
    kept = _valid_marks(body, marks)
    spans = sorted(
        (c for c in citations if 0 <= c.start < c.end <= len(body)), key=lambda c: c.start
    )
    regions: list[Passage] = []
    for citation in spans:
        start, end = citation.start, citation.end
        for mark in kept:
            if mark.start < start < mark.end:
                start = mark.start
            if mark.start < end < mark.end:
                end = mark.end
        if regions and start < regions[-1].end:
            region = regions[-1]
            region.end = max(region.end, end)
        else:
            region = Passage(start, end)
            regions.append(region)
        anchor = f"cite-{citation.event_id}-{citation.start}"
        if anchor not in region.anchors:
            region.anchors.append(anchor)
        if all(e.pk != citation.event_id for e in region.events):
            region.events.append(citation.event)

    result: list[Passage] = []
    cursor = 0
    for region in regions:
        if region.start > cursor:
            result.append(Passage(cursor, region.start))
        result.append(region)
        cursor = region.end
    if cursor < len(body):
        result.append(Passage(cursor, len(body)))
    for passage in result:
        inside = [m for m in kept if passage.start <= m.start and m.end <= passage.end]
        passage.segments = _paragraphs(_split(body, passage.start, passage.end, inside))
    return result


def _paragraphs(pieces: list[Segment]) -> list[Segment]:
    """Cut plain runs after each line break, so the reader can space paragraphs apart."""
    result: list[Segment] = []
    for piece in pieces:
        if piece.mark is not None or "\n" not in piece.text:
            result.append(piece)
            continue
        for line in piece.text.splitlines(keepends=True):
            result.append(Segment(line, paragraph_end=line.endswith("\n")))
    return result


@lru_cache(maxsize=64)
def _sentence_bounds(body: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where each sentence of `body` starts and ends: a page quoting one article many times
    reads it once (a long article takes milliseconds to scan)."""
    breaks = list(_SENTENCE_BREAK.finditer(body))
    return (0, *(m.end() for m in breaks)), (*(m.start() for m in breaks), len(body))


def quote_in_context(
    body: str, start: int, end: int, *, sentences: int = 1, max_chars: int = 320
) -> tuple[str, str, str]:
    """(before, quote, after): the quoted span with up to `sentences` sentences either side."""
    start, end = max(0, min(start, len(body))), max(0, min(end, len(body)))
    sentence_starts, sentence_ends = _sentence_bounds(body)
    here = bisect_right(sentence_starts, start) - 1
    begin = sentence_starts[max(0, here - sentences)]
    there = bisect_left(sentence_ends, end)
    if there < len(sentence_ends) and sentence_ends[there] == end:
        there += 1
    finish = sentence_ends[min(len(sentence_ends) - 1, there + sentences - 1)]
    finish = max(finish, end)
    before, after = body[begin:start], body[end:finish]
    if len(before) > max_chars:
        cut = before[-max_chars:]
        before = "…" + cut[cut.find(" ") + 1 :] if " " in cut else "…" + cut
    if len(after) > max_chars:
        cut = after[:max_chars]
        after = (cut[: cut.rfind(" ")] if " " in cut else cut) + "…"
    return before.lstrip(), body[start:end], after.rstrip()


_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_DECADE = re.compile(r"^(\d{3})X?$")
_REFS = {
    "PRESENT_REF": "the present, as of the article",
    "PAST_REF": "some time in the past",
    "FUTURE_REF": "some time in the future",
}


def describe_timex_value(value: str) -> str:
    """A TIMEX3 value in words: `2024-W42` → “week 42 of 2024”, `2024-06` → “June 2024”."""
    value = (value or "").strip()
    if "/" in value:
        left, right = value.split("/", 1)
        return f"{describe_timex_value(left)} to {describe_timex_value(right)}"
    try:
        if match := _WEEK.match(value):
            return f"week {int(match[2])} of {match[1]}"
        if match := _DAY.match(value):
            day = date(int(match[1]), int(match[2]), int(match[3]))
            return f"{day.day} {day:%B %Y}"
        if match := _MONTH.match(value):
            return f"{calendar.month_name[int(match[2])]} {match[1]}"
        if match := _QUARTER.match(value):
            return f"Q{match[2]} {match[1]}"
        if match := _YEAR.match(value):
            return value
        if match := _DECADE.match(value):
            return f"the {match[1]}0s"
    except (ValueError, IndexError):
        return value
    return _REFS.get(value, value)


def timex_datetime(expression: Any) -> str:
    """A valid HTML `datetime` for an expression: day, month, year or week strings."""
    value = getattr(expression, "value", "") or ""
    if _DAY.match(value) or _MONTH.match(value) or _YEAR.match(value) or _WEEK.match(value):
        return value
    start = getattr(expression, "date_start", None)
    return start.isoformat() if start else ""
