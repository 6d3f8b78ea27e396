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


# A text's header (see `text_header`): a date line, labelled lines, a byline, a headline.
_DATE_LINE = re.compile(
    r"^\s*(?:date|dated|published|updated|posted)\b(?:\s+on)?\s*[:\-]?\s*(?=.*\b\d{4}\b)",
    re.IGNORECASE,
)  # a header date is complete: it has its year
_LABELLED_LINE = re.compile(r"^\s*(?:title|headline|by|byline|author|source)\s*:\s*\S", re.I)
_BYLINE = re.compile(r"^\s*[Bb]y\s+[A-Z]")
_ENDS_A_SENTENCE = re.compile(r"[.…,;:][”\"’')\]]*$")
HEADER_SEARCH = 3  # the date or labelled line that starts a header is among the first lines
HEADER_SCAN = 12  # lines looked at in all
HEADLINE_WORDS = 20
DATE_LINE_WORDS = 30  # “date 2024-10-21 <the headline> Monday, October 21, 2024 10:07:57 AM”
BYLINE_WORDS = 8


@dataclass(frozen=True)
class TextHeader:
    """The lines at the top of an article's text that are about it rather than its story:
    `text[:end]`. `headline`: the headline line after the date line, if there is one."""

    end: int = 0
    headline: str | None = None
    lines: tuple[str, ...] = ()

    def body_start(self, text: str) -> int:
        """Where the body's first line with text begins."""
        rest = text[self.end :]
        return self.end + len(rest) - len(rest.lstrip())


def _is_header_line(line: str) -> bool:
    words = len(line.split())
    return bool(
        (_DATE_LINE.match(line) and words <= DATE_LINE_WORDS)
        or _LABELLED_LINE.match(line)
        or (_BYLINE.match(line) and words <= BYLINE_WORDS)
    )


def _is_headline(line: str) -> bool:
    return (
        0 < len(line.split()) <= HEADLINE_WORDS
        and not _ENDS_A_SENTENCE.search(line)
        and not _is_header_line(line)
    )


def text_header(text: str, *, title: str | None = None) -> TextHeader:
    """The header a text starts with, as in
    `Kicker\nDate: 2024-10-21\nHeadline\n\nBody…` or `Headline\nPublished 19 March 2025 by
    A. Writer\nBody…`: it starts at a date line (or a `Title:`-like line) among the first
    lines, after only short lines; it goes on through the lines that follow it without a
    blank line while they are header lines or (once) a headline, and takes a headline that
    stands alone between blank lines just after it. Without such a line, a first line that
    is the article's `title` (a saved page's headline) is its header; else there is none."""
    rows: list[tuple[int, str]] = []  # (offset after the line, the line stripped)
    offset = 0
    for line in text.splitlines(keepends=True)[:HEADER_SCAN]:
        offset += len(line)
        rows.append((offset, line.strip()))
    filled = [index for index, (_, line) in enumerate(rows) if line]
    starts = [i for i in filled[:HEADER_SEARCH] if _is_header_line(rows[i][1])]
    if not starts:
        title = (title or "").strip()
        if title and len(filled) > 1 and rows[filled[0]][1] == title:
            return TextHeader(end=rows[filled[0]][0], lines=(title,))
        return TextHeader()
    first = starts[0]
    if not all(_is_headline(rows[i][1]) for i in filled if i < first):
        return TextHeader()  # a sentence of the story comes before it
    last, headline = first, None
    index = first + 1
    while index < len(rows):
        line = rows[index][1]
        if _is_header_line(line):
            last = index
        elif line and headline is None and _is_headline(line):
            last, headline = index, line
        elif not line and headline is None:
            after = [i for i in filled if i > index]
            lone = after and _is_headline(rows[after[0]][1])
            if lone and after[0] + 1 < len(rows) and not rows[after[0] + 1][1]:
                last, headline = after[0], rows[after[0]][1]
            break
        else:
            break
        index += 1
    lines = tuple(line for _, line in rows[: last + 1] if line)
    return TextHeader(end=rows[last][0], headline=headline, lines=lines)


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


def passages(
    body: str, marks: Iterable[Any], citations: Iterable[Any], *, begin: int = 0
) -> list[Passage]:
    """The article from `begin` (where its body starts, after its header) as plain and
    cited passages, each cut at its date expressions.

    `citations` have `start`, `end`, `event_id` and `event`. Overlapping citations
    share one passage; a date expression that straddles a passage edge widens it.
    """
    kept = [mark for mark in _valid_marks(body, marks) if mark.start >= begin]
    spans = sorted(
        (c for c in citations if begin <= c.start < c.end <= len(body)), key=lambda c: c.start
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
    cursor = begin
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
