"""Template filters for timelines: honest dates, search highlights, date explanations."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from html import escape as quick_escape

from django import template
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.reading import describe_timex_value

register = template.Library()

_COARSE = {"month": "%b %Y", "quarter": "%b %Y", "year": "%Y", "decade": "%Y"}


MAX_TERMS = 12


@lru_cache(maxsize=256)
def search_pattern(query: str) -> re.Pattern[str] | None:
    """Each word of the search, case-insensitively: search matches words, not the phrase."""
    words = list(dict.fromkeys(re.findall(r"[^\W_]{2,}", query or "")))[:MAX_TERMS]
    words.sort(key=len, reverse=True)
    if not words:
        return None
    return re.compile("(" + "|".join(re.escape(word) for word in words) + ")", re.IGNORECASE)


@register.filter
def mentions(text: str, query: str) -> bool:
    pattern = search_pattern(query)
    return bool(pattern and text and pattern.search(str(text)))


@register.filter
def highlight(text: str, query: str) -> SafeString:
    """`text`, escaped, with every word of the search `query` in <mark class="hit">."""
    text = "" if text is None else str(text)
    pattern = search_pattern(query)
    if pattern is None:
        return escape(text)
    pieces = pattern.split(text)
    return mark_safe(
        "".join(
            f'<mark class="hit">{escape(piece)}</mark>' if index % 2 else escape(piece)
            for index, piece in enumerate(pieces)
        )
    )


@register.filter
def html_datetime(event) -> str:
    """A `datetime` attribute as precise as the event: `2024-W42`, `2024-06`, `2023`."""
    start: date = event.date_start
    match event.granularity:
        case "week":
            year, week, _ = start.isocalendar()
            return f"{year}-W{week:02d}"
        case "month":
            return f"{start:%Y-%m}"
        case "year":
            return f"{start:%Y}"
    return start.isoformat()


def _label(day: date, granularity: str) -> str:
    return (
        f"{day.day} {day:%b %Y}"
        if granularity not in _COARSE
        else day.strftime(_COARSE[granularity])
    )


@register.simple_tag
def span_label(first, last) -> str:
    """The results line's reach: “8 Jun – 21 Oct 2024”, “1953 – Oct 2024”."""
    if first is None or last is None:
        return ""
    left = _label(first.date_start, first.granularity)
    right = _label(last.date_end, last.granularity)
    if left == right:
        return left
    year = f" {last.date_end:%Y}"
    if left.endswith(year) and right.endswith(year) and left != year.strip():
        left = left[: -len(year)]
        month = f" {last.date_end:%b}"
        if left.endswith(month) and right.endswith(month + year) and left[: -len(month)].isdigit():
            left = left[: -len(month)]
    return f"{left} – {right}"


@register.filter
def timex_words(value: str) -> str:
    return describe_timex_value(value)


@register.simple_tag
def overview_slots(overview, story_url: str) -> SafeString:
    """The density strip's bars, gaps and labels: a few hundred SVG elements, built here in
    one pass (as a template loop they were thousands of nodes on a long story). Escaped with
    the standard library's `html.escape`, which Django's `escape` wraps with lazy-string
    checks that cost more than the escaping here."""
    area, height = overview.bar_area, overview.height
    parts: list[str] = []
    for slot in overview.slots:
        if slot.is_gap:
            parts.append(
                f'<g class="gap"><title>{quick_escape(slot.skipped_label)}</title>\n'
                f'  <text class="gap-mark" aria-hidden="true" x="{slot.center}" y="{area - 4}"'
                ' text-anchor="middle">⋯</text>\n</g>'
            )
        elif slot.bin.count:
            classes = "bar"
            if slot.selected:
                classes += " selected"
            if not slot.bin.month and overview.unit == "month":
                classes += " coarse"
            href = quick_escape(f"{story_url}?{slot.qs}")
            count = slot.bin.count
            label = quick_escape(f"{slot.bin.name}: {count} event{'' if count == 1 else 's'}")
            parts.append(
                f'<a class="{classes}" href="{href}"\n'
                f'   hx-get="{href}" hx-target="#app" hx-swap="outerHTML" hx-push-url="true"\n'
                f'   aria-label="{label}">\n'
                f"  <title>{label}</title>\n"
                f'  <rect class="hit" x="{slot.x}" y="0" width="{slot.width}" height="{height}"/>\n'
                f'  <rect class="fill" x="{slot.fill_x}" y="{slot.fill_y}"'
                f' width="{slot.fill_width}" height="{slot.bar_height}"/>\n</a>'
            )
            if slot.month_label:
                month = quick_escape(slot.month_label)
                parts.append(
                    f'<text class="month-label" x="{slot.center}" y="{area + 13}"'
                    f' text-anchor="middle" aria-hidden="true">{month}</text>'
                )
        else:
            parts.append(
                f'<rect class="empty" x="{slot.fill_x}" y="{area - 1}"'
                f' width="{slot.fill_width}" height="1"/>'
            )
        if slot.label:
            parts.append(
                f'<text class="year-label" aria-hidden="true" x="{slot.x}"'
                f' y="{height - 3}">{quick_escape(slot.label)}</text>'
            )
    return mark_safe("\n".join(parts))


@register.simple_tag
def source_options(choices, selected: int | None) -> SafeString:
    """The “reported by at least” options (one per source count, hundreds on a big story)."""
    return mark_safe(
        "".join(
            f'<option value="{n}"{" selected" if n == selected else ""}>{n} sources</option>'
            for n in choices
        )
    )
