"""Calendar periods: their TIMEX3 values and inclusive day intervals."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

# Meteorological seasons (northern hemisphere): month the season starts, its length.
# Winter YYYY runs from December YYYY to February YYYY+1.
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    value: str
    start: date
    end: date
    granularity: str


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def add_years(day: date, years: int) -> date:
    return add_months(day, 12 * years)


def shift(day: date, unit: str, amount: int) -> date:
    """Move `day` by `amount` units, clamping month ends ("Jan 31 + 1 month" is Feb 28/29)."""
    if unit == "day":
        return day + timedelta(days=amount)
    if unit in ("week", "weekend"):
        return day + timedelta(weeks=amount)
    if unit == "month":
        return add_months(day, amount)
    if unit == "quarter":
        return add_months(day, 3 * amount)
    if unit == "year":
        return add_years(day, amount)
    if unit == "decade":
        return add_years(day, 10 * amount)
    if unit == "century":
        return add_years(day, 100 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def day_period(day: date) -> Period:
    return Period(day.isoformat(), day, day, "day")


def week_period(day: date) -> Period:
    monday = day - timedelta(days=day.weekday())
    iso_year, iso_week, _ = day.isocalendar()
    return Period(f"{iso_year}-W{iso_week:02d}", monday, monday + timedelta(days=6), "week")


def weekend_period(day: date) -> Period:
    week = week_period(day)
    return Period(f"{week.value}-WE", week.start + timedelta(days=5), week.end, "range")


def month_period(year: int, month: int) -> Period:
    return Period(f"{year:04d}-{month:02d}", date(year, month, 1), month_end(year, month), "month")


def quarter_period(year: int, quarter: int) -> Period:
    first = 3 * quarter - 2
    return Period(
        f"{year:04d}-Q{quarter}", date(year, first, 1), month_end(year, first + 2), "quarter"
    )


def half_period(year: int, half: int) -> Period:
    first = 6 * half - 5
    return Period(f"{year:04d}-H{half}", date(year, first, 1), month_end(year, first + 5), "range")


def season_period(year: int, season: str) -> Period:
    start = date(year, SEASON_START[season], 1)
    end = add_months(start, 3) - timedelta(days=1)
    return Period(f"{year:04d}-{season}", start, end, "range")


def year_period(year: int) -> Period:
    return Period(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def decade_period(year: int) -> Period:
    first = year - year % 10
    return Period(f"{first // 10:03d}", date(first, 1, 1), date(first + 9, 12, 31), "decade")


def century_period(year: int) -> Period:
    first = year - year % 100
    return Period(f"{first // 100:02d}", date(first, 1, 1), date(first + 99, 12, 31), "range")


def period_of(unit: str, day: date) -> Period:
    """The `unit`-long calendar period containing `day`."""
    if unit == "day":
        return day_period(day)
    if unit == "week":
        return week_period(day)
    if unit == "weekend":
        return weekend_period(day)
    if unit == "month":
        return month_period(day.year, day.month)
    if unit == "quarter":
        return quarter_period(day.year, (day.month - 1) // 3 + 1)
    if unit == "year":
        return year_period(day.year)
    if unit == "decade":
        return decade_period(day.year)
    if unit == "century":
        return century_period(day.year)
    raise ValueError(f"unknown unit {unit!r}")


def narrow(period: Period, mod: str | None, dct: date) -> Period:
    """Keep the part of `period` a modifier points at ("early June", "later this year").

    The value and granularity stay those of the whole period (TIMEX3 keeps the modifier
    apart); only the interval shrinks, so filters do not over-match.
    """
    if not mod:
        return period
    start, end = period.start, period.end
    third = ((end - start).days + 1) // 3
    if mod in ("early", "start", "beginning"):
        end = start + timedelta(days=max(third - 1, 0))
    elif mod in ("mid", "middle"):
        start, end = start + timedelta(days=third), end - timedelta(days=third)
    elif mod in ("late", "end", "close"):
        start = end - timedelta(days=max(third - 1, 0))
    elif mod == "earlier" and start <= dct <= end:
        end = dct
    elif mod == "later" and start <= dct <= end:
        start = dct
    return Period(period.value, start, end, period.granularity)
