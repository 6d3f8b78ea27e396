"""Calendar periods as inclusive day intervals, and the honest way to name them."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

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
    last_day = calendar.monthrange(year, month)[1]
    return date(year, month, 1), date(year, month, last_day)


def interval_fits_granularity(start: date, end: date, granularity: str) -> bool:
    """Whether `start..end` is exactly one period of that granularity."""
    if start > end:
        return False
    match granularity:
        case "day":
            return start == end
        case "week":
            return start.weekday() == 0 and end == start + timedelta(days=6)
        case "month":
            return start.day == 1 and (start, end) == month_interval(start.year, start.month)
        case "quarter":
            return (
                start.day == 1
                and start.month in (1, 4, 7, 10)
                and end == month_interval(start.year, start.month + 2)[1]
            )
        case "year":
            return (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and (
                start.year == end.year
            )
        case "decade":
            return (
                start == date(start.year, 1, 1)
                and start.year % 10 == 0
                and end == date(start.year + 9, 12, 31)
            )
        case "range" | "open":
            return True
    return False


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
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end.day} {end:%B %Y}"
    if start.year == end.year:
        return f"{start.day} {start:%B} – {end.day} {end:%B %Y}"
    return f"{start.day} {start:%B %Y} – {end.day} {end:%B %Y}"
