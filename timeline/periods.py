"""Calendar periods as inclusive day intervals, and the honest way to name them."""

from __future__ import annotations

import re
from datetime import date

from timeline.temporal.periods import month_period, period_of

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class BadPeriod(ValueError):
    """A period string that is not YYYY, YYYY-MM or YYYY-MM-DD, or not a real date."""


def parse_period(text: str) -> tuple[date, date]:
    """`2024` → the whole year, `2024-06` → June, `2024-06-15` → that day."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise BadPeriod(f"“{text}” is not a date: use YYYY, YYYY-MM or YYYY-MM-DD.")
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        if month is None:
            return date(year, 1, 1), date(year, 12, 31)
        if day is None:
            return month_interval(year, month)
        return date(year, month, day), date(year, month, day)
    except ValueError:
        raise BadPeriod(f"“{text}” is not a real calendar date.") from None


def month_interval(year: int, month: int) -> tuple[date, date]:
    period = month_period(year, month)
    return period.start, period.end


def interval_fits_granularity(start: date, end: date, granularity: str) -> bool:
    """Whether `start..end` is exactly one period of that granularity."""
    if start > end:
        return False
    if granularity in ("range", "open"):
        return True
    if granularity not in ("day", "week", "month", "quarter", "year", "decade"):
        return False
    period = period_of(granularity, start)
    return (period.start, period.end) == (start, end)


def describe_interval(start: date, end: date, granularity: str) -> str:
    """A date as precise as the sources are: “June 2024”, “8–13 October 2024”."""
    match granularity:
        case "day":
            return f"{start.day} {start:%B %Y}"
        case "week":
            return f"week of {start.day} {start:%B %Y}"
        case "month":
            return f"{start:%B %Y}"
        case "quarter":
            return f"Q{(start.month - 1) // 3 + 1} {start.year}"
        case "year":
            return str(start.year)
        case "decade":
            return f"the {start.year}s"
    if start == end:
        return f"{start.day} {start:%B %Y}"
    if _whole_months(start, end):  # "from June to August", "autumn": no made-up days
        if (start.month, end.month) == (1, 12):
            return str(start.year) if start.year == end.year else f"{start.year}–{end.year}"
        if (start.year, start.month) == (end.year, end.month):
            return f"{start:%B %Y}"
        if start.year == end.year:
            return f"{start:%B} – {end:%B %Y}"
        return f"{start:%B %Y} – {end:%B %Y}"
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"


def _whole_months(start: date, end: date) -> bool:
    return start.day == 1 and month_interval(end.year, end.month)[1] == end
