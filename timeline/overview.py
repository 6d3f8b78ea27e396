"""The density strip above a timeline: how many events start in each day, week, month
or year.

One grouped query, then plain arithmetic; the template draws the SVG. A story of a few
weeks is counted by day or week, one of months or years by month, a longer one by year.
Long stretches with nothing in them (the Korean War ended in 1953, the story is about
2024) are folded into a single “gap” mark so the strip stays readable, and year labels
are written only where the previous one has ended.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Case, Count, IntegerField, Value, When
from django.db.models.functions import ExtractDay, ExtractMonth, ExtractYear

from timeline.models import EventQuerySet

MAX_MONTH_BINS = 60  # more month columns than this crowd the strip; count years
MAX_YEAR_BINS = 80  # more year columns than this: count decades
DAY_SPAN = 31  # a story whose day-precise events all start within this many days: count days
WEEK_SPAN = 7 * 16  # … within this many: count weeks
FINE = ("day", "week")  # events precise enough for a day or week column
LABEL_CHAR = 7  # px per character of a label under the strip, so that labels never overlap
FOLD_AFTER = 2
COARSE = ("quarter", "year", "decade")  # fold runs of more than this many empty bins into one gap
HEIGHT = 56  # bar area, px
LABEL_HEIGHT = 32
# calendar's names are formatted on every lookup; a strip looks them up hundreds of times.
MONTH_NAMES = tuple(calendar.month_name)
MONTH_ABBREVIATIONS = tuple(calendar.month_abbr)


@dataclass(frozen=True)
class Bin:
    year: int
    month: int | None  # None for year bins
    count: int
    day: int | None = None  # for day and week bins: the first day
    days: int = 1  # for day and week bins: how many days
    years: int = 1  # 10 for a decade bin

    @property
    def period(self) -> str:
        """The filter value: `2024`, `2024-10` or `2024-10-21` (a week's first day)."""
        if self.day:
            return self.interval[0].isoformat()
        return f"{self.year}" if self.month is None else f"{self.year}-{self.month:02d}"

    @property
    def period_end(self) -> str:
        """The filter's “to”: the period itself, or a week's last day."""
        if self.years > 1:
            return str(self.year + self.years - 1)
        return self.interval[1].isoformat() if self.day and self.days > 1 else self.period

    @property
    def name(self) -> str:
        if self.day:
            first = f"{self.day} {MONTH_ABBREVIATIONS[self.month]} {self.year}"
            return f"Week of {first}" if self.days > 1 else first
        if self.years > 1:
            return f"{self.year}s"
        return str(self.year) if self.month is None else f"{MONTH_NAMES[self.month]} {self.year}"

    @property
    def interval(self) -> tuple[date, date]:
        if self.day:
            first = date(self.year, self.month, self.day)
            return first, first + timedelta(days=self.days - 1)
        if self.month is None:
            return date(self.year, 1, 1), date(self.year + self.years - 1, 12, 31)
        last = calendar.monthrange(self.year, self.month)[1]
        return date(self.year, self.month, 1), date(self.year, self.month, last)


@dataclass
class Slot:
    """One column of the strip: a bar (maybe empty) or a folded gap."""

    x: float
    width: float
    bin: Bin | None = None
    skipped: int = 0  # for gaps: how many empty bins were folded
    skipped_label: str = ""
    bar_height: float = 0
    selected: bool = False
    label: str = ""  # drawn under the bar: a year where the year changes
    month_label: str = ""  # “Oct”, when there is room
    qs: str = ""  # the timeline's query string filtered to this bar's period

    @property
    def is_gap(self) -> bool:
        return self.bin is None

    @property
    def center(self) -> float:
        return round(self.x + self.width / 2, 1)

    @property
    def fill_x(self) -> float:
        return round(self.x + min(2, self.width / 6), 1)

    @property
    def fill_width(self) -> float:
        return round(self.width - 2 * min(2, self.width / 6), 1)

    @property
    def fill_y(self) -> float:
        return round(HEIGHT - self.bar_height, 1)


@dataclass
class Overview:
    unit: str = "month"
    slots: list[Slot] = field(default_factory=list)
    width: float = 0
    height: int = HEIGHT + LABEL_HEIGHT
    bar_area: int = HEIGHT
    peak: int = 0
    years: list[int] = field(default_factory=list)
    months: list[Bin] = field(default_factory=list)  # months that have events, newest first

    @property
    def bars(self) -> list[Slot]:
        return [slot for slot in self.slots if slot.bin and slot.bin.count]

    def select(self, selected_from: date | None, selected_to: date | None) -> None:
        """Mark the columns that overlap the chosen period."""
        if not (selected_from or selected_to):
            return
        for slot in self.slots:
            if slot.bin:
                start, end = slot.bin.interval
                slot.selected = (selected_from is None or end >= selected_from) and (
                    selected_to is None or start <= selected_to
                )


def count_by_day(events: EventQuerySet) -> list[Bin]:
    """Events per start day in one query; events dated only to a month count for their
    month (day None), those dated to a quarter, year or decade for their year (month None),
    never for a first of January they may not belong to."""
    rows = (
        events.order_by()
        .annotate(
            year=ExtractYear("date_start"),
            month=Case(
                When(granularity__in=COARSE, then=Value(0)),
                default=ExtractMonth("date_start"),
                output_field=IntegerField(),
            ),
            day=Case(
                When(granularity__in=FINE, then=ExtractDay("date_start")),
                default=Value(0),
                output_field=IntegerField(),
            ),
        )
        .values("year", "month", "day")
        .annotate(n=Count("id"))
        .order_by("year", "month", "day")
    )
    return [Bin(row["year"], row["month"] or None, row["n"], row["day"] or None) for row in rows]


def by_month(bins: list[Bin]) -> list[Bin]:
    """Day bins added up into their months (month and year bins kept as they are)."""
    per_month: dict[tuple[int, int], int] = {}
    for b in bins:
        key = (b.year, b.month or 0)
        per_month[key] = per_month.get(key, 0) + b.count
    return [Bin(year, month or None, n) for (year, month), n in sorted(per_month.items())]


def count_by_month(events: EventQuerySet) -> list[Bin]:
    """Events per start month in one query (see `count_by_day`)."""
    return by_month(count_by_day(events))


def _day_columns(bins: list[Bin]) -> list[Bin | tuple[int, str]] | None:
    """Day or week columns when every event is dated to a day or week and they all start
    within `WEEK_SPAN` days; None otherwise. Weeks start on Monday."""
    if not bins or any(b.day is None for b in bins):
        return None
    first, last = bins[0].interval[0], bins[-1].interval[0]
    span = (last - first).days + 1
    if span > WEEK_SPAN:
        return None
    size = 1 if span <= DAY_SPAN else 7
    start = first - timedelta(days=first.weekday()) if size == 7 else first
    counts: dict[date, int] = {}
    for b in bins:
        day = b.interval[0]
        key = start + timedelta(days=(day - start).days // size * size)
        counts[key] = counts.get(key, 0) + b.count
    columns: list[Bin | tuple[int, str]] = []
    day = start
    while day <= last:
        columns.append(Bin(day.year, day.month, counts.get(day, 0), day.day, size))
        day += timedelta(days=size)
    return columns


def _month_columns(bins: list[Bin]) -> list[Bin | tuple[int, str]]:
    """Year slots for coarse events, every month from the first to the last fine-grained one,
    and folded gaps (an int: how many empty months or years) where nothing happened."""
    fine = [b for b in bins if b.month]
    slots: dict[tuple[int, int], Bin] = {(b.year, 0): b for b in bins if b.month is None}
    if fine:
        counts = {(b.year, b.month): b.count for b in fine}
        year, month = fine[0].year, fine[0].month
        while (year, month) <= (fine[-1].year, fine[-1].month):
            slots[(year, month)] = Bin(year, month, counts.get((year, month), 0))
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    columns: list[Bin | tuple[int, str]] = []
    run: list[Bin] = []
    previous: tuple[int, int] | None = None
    for key in sorted(slots):
        b = slots[key]
        if previous and key[0] - previous[0] > 1 and not run:
            columns.append((key[0] - previous[0] - 1, "year"))  # whole years with nothing at all
        previous = key
        if b.count == 0:
            run.append(b)
            continue
        columns.extend([(len(run), "month")] if len(run) > FOLD_AFTER else run)
        run = []
        columns.append(b)
    return columns


def _year_columns(bins: list[Bin], size: int = 1) -> list[Bin | tuple[int, str]]:
    """A column per year (or per decade, `size` 10) with events, gaps folded."""
    unit = "decade" if size == 10 else "year"
    per_year: dict[int, int] = {}
    for b in bins:
        key = b.year // size * size
        per_year[key] = per_year.get(key, 0) + b.count
    columns: list[Bin | tuple[int, str]] = []
    run = 0
    for year in range(min(per_year), max(per_year) + 1, size):
        if per_year.get(year):
            if run:
                columns.extend(
                    [(run, unit)]
                    if run > FOLD_AFTER
                    else [Bin(y, None, 0, years=size) for y in range(year - run * size, year, size)]
                )
            run = 0
            columns.append(Bin(year, None, per_year[year], years=size))
        else:
            run += 1
    return columns


def build_overview(
    bins: list[Bin], *, selected_from: date | None = None, selected_to: date | None = None
) -> Overview:
    overview = draw_overview(bins)
    overview.select(selected_from, selected_to)
    return overview


def draw_overview(bins: list[Bin]) -> Overview:
    """The strip's columns and bars, before any period is selected (see Overview.select)."""
    overview = Overview()
    if not bins:
        return overview
    days = _day_columns(bins)
    bins = by_month(bins)
    overview.months = [b for b in reversed(bins) if b.count and b.month]
    overview.years = sorted({b.year for b in bins})
    if days is not None:
        overview.unit = "day" if days[0].days == 1 else "week"
        columns = days
    else:
        columns = _month_columns(bins)
    if len(columns) > MAX_MONTH_BINS:
        overview.unit = "year"
        columns = _year_columns(bins)
        if len(columns) > MAX_YEAR_BINS:
            overview.unit = "decade"
            columns = _year_columns(bins, 10)

    overview.peak = max(c.count for c in columns if isinstance(c, Bin))
    bar_count = sum(1 for c in columns if isinstance(c, Bin))
    slot_width = max(10.0, min(44.0, 720 / max(bar_count, 1)))
    gap_width = max(slot_width, 28.0)
    x = 0.0
    previous_year: int | None = None
    previous_month: tuple[int, int] | None = None
    label_end = 0.0  # where the last label written under the strip ends
    for column in columns:
        if isinstance(column, tuple):
            count, unit = column
            overview.slots.append(
                Slot(
                    x=x,
                    width=gap_width,
                    skipped=count,
                    skipped_label=f"{count} {unit}{'s' if count != 1 else ''} with no events",
                )
            )
            x += gap_width
            continue
        height = round(HEIGHT * column.count / overview.peak, 1) if column.count else 0
        if column.day:  # day or week columns: the month where it changes, each day's number
            month = (column.year, column.month)
            wanted = month != previous_month
            text = f"{MONTH_ABBREVIATIONS[column.month]} {column.year}"
            month_label = str(column.day) if slot_width >= 18 else ""
            previous_month = month
        else:
            if overview.unit == "decade":
                wanted = True
            elif overview.unit == "year":
                wanted = previous_year is None or slot_width >= 36 or column.year % 10 == 0
            else:
                wanted = column.year != previous_year
            text = column.name if overview.unit == "decade" else str(column.year)
            month_label = (
                MONTH_ABBREVIATIONS[column.month] if column.month and slot_width >= 26 else ""
            )
        label = text if wanted and x >= label_end else ""
        if label:
            label_end = x + LABEL_CHAR * len(label) + 6
        if column.month is None and overview.unit == "month":
            month_label = "year"
        previous_year = column.year
        overview.slots.append(
            Slot(
                x=x,
                width=slot_width,
                bin=column,
                bar_height=max(height, 3) if column.count else 0,
                label=label,
                month_label=month_label,
            )
        )
        x += slot_width
    overview.width = x
    return overview
