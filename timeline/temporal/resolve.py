"""Turn a spec into a TIMEX3 value and an interval, given the document date and what came before."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from . import periods
from .context import direction, looks_back, sentence_start
from .lexicon import VARIABLE_HOLIDAYS
from .periods import Period
from .specs import (
    Anaphor,
    Calendar,
    Clock,
    Fiscal,
    Fixed,
    LatestQuarter,
    Named,
    Offset,
    Range,
    Relative,
)

# How fine a granularity is; an anaphor for a unit needs a mention at least that fine.
_RANK = {"day": 0, "week": 1, "weekend": 1, "month": 2, "quarter": 3, "range": 3, "year": 4}
_RANK.update(decade=5, century=6)

# The granularity an offset's anchor needs: "a month earlier" can count from "February".
_OFFSET_ANCHOR = {"week": "week", "fortnight": "week", "month": "month", "quarter": "quarter"}
_OFFSET_ANCHOR.update(year="year", decade="year", century="year")

# A bare day this close to the document date keeps its year whatever the tense says:
# tense cues are weak, and a story's "October 25" a few weeks off is nearly always this year's.
_SAME_YEAR_DAYS = 30


_QUARTER = re.compile(r"\d{4}-Q[1-4]")
# Results come out after a quarter ends: "will report third-quarter results" in October
# is the quarter just ended, whatever the tense says.
_JUST_ENDED_DAYS = 92


@dataclass(frozen=True, slots=True)
class Resolved:
    type: str
    value: str
    date_start: date | None
    date_end: date | None
    granularity: str | None
    anchor: date | None
    rule: str


@dataclass(slots=True)
class _Mention:
    start: int
    period: Period


# "less than two weeks ago", "about a year ago": the count is a bound or a guess.
_OFFSET_BOUND = re.compile(
    r"\b(?P<bound>less\s+than|fewer\s+than|under|within|up\s+to|barely|not\s+even|"
    r"about|around|roughly|approximately|nearly|almost|some|more\s+than|over|at\s+least)\s+$",
    re.IGNORECASE,
)
_AT_MOST = frozenset({"less than", "fewer than", "under", "within", "up to", "barely", "not even"})
_AT_LEAST = frozenset({"more than", "over", "at least"})


def _bounded(found, bound: str):
    """An offset whose count is not exact covers every day the count allows: "less than two
    weeks ago" is any day since then, "about two weeks ago" a few days either side; "more than
    two weeks ago" names no bound before, so no interval. The TIMEX3 value stays."""
    if found is None or isinstance(found[0], Resolved):
        return found
    period, base, rule = found
    bound = " ".join(bound.split())
    if bound in _AT_LEAST:
        return (
            Resolved("DATE", period.value, None, None, "open", base, rule + "-at-least"),
            base,
            rule,
        )
    if bound in _AT_MOST:
        start, end = min(period.start, base), max(period.end, base)
        return Period(period.value, start, end, "range"), base, rule + "-at-most"
    margin = timedelta(days=max(1, abs((base - period.start).days) // 4))
    start, end = period.start - margin, period.end + margin
    if period.end <= base:
        end = min(end, base)
    return Period(period.value, start, end, "range"), base, rule + "-approximate"


class Resolver:
    """Resolves the specs of one document in text order, remembering the dates it resolved."""

    def __init__(self, text: str, dct: date) -> None:
        self.text = text
        self.dct = dct
        self.mentions: list[_Mention] = []

    def resolve(self, spec: object, start: int, end: int) -> Resolved | None:
        if isinstance(spec, Fixed):
            return self._fixed(spec)
        if isinstance(spec, Fiscal):
            year = spec.year if spec.year is not None else self.dct.year + spec.offset
            if spec.quarter is not None:
                value = f"FY{year}-Q{spec.quarter}"
                return Resolved("DATE", value, None, None, "quarter", self.dct, "fiscal-quarter")
            value = f"FY{year}" if spec.financial else f"{year:04d}"
            return Resolved("DATE", value, None, None, "year", self.dct, "fiscal-year")
        try:
            if isinstance(spec, Clock):
                result = self._clock(spec, start, end)
            else:
                found = self._date(spec, start, end)
        except (ValueError, OverflowError):
            return None  # "yesterday" in a text dated 1 January of year 1: off the calendar
        if not isinstance(spec, Clock):
            if found is None:
                return None
            period, anchor, rule = found
            if isinstance(period, Resolved):
                return period
            result = Resolved(
                "DATE", period.value, period.start, period.end, period.granularity, anchor, rule
            )
        if result is not None and result.date_start is not None:
            self.mentions.append(_Mention(start, _mention_period(result)))
        return result

    # -- dates -------------------------------------------------------------------------------

    def _date(self, spec: object, start: int, end: int):
        """(Period, anchor, rule) for a date spec, or a ready Resolved for vague offsets."""
        dct = self.dct
        if isinstance(spec, Calendar):
            return self._calendar(spec, start, end)
        if isinstance(spec, Relative) and spec.mod == "trailing":
            return _trailing(spec.unit, dct), dct, f"trailing-{spec.unit}"
        if isinstance(spec, Relative):
            period = periods.period_of(spec.unit, periods.shift(dct, spec.unit, spec.offset))
            rule = f"relative-{spec.unit}" + (f"-{spec.mod}" if spec.mod else "")
            return periods.narrow(period, spec.mod, dct), dct, rule
        if isinstance(spec, Named):
            return self._named(spec, start, end)
        if isinstance(spec, Offset):
            found = self._offset(spec)
            bound = _OFFSET_BOUND.search(self.text, max(0, start - 30), start)
            if bound is None:
                return found
            if spec.unit in ("week", "fortnight") and found and not isinstance(found[0], Resolved):
                # "less than two weeks ago": the week is what is known, never a made-up day.
                week = periods.week_period(found[0].start)
                found = (replace(found[0], value=week.value), *found[1:])
            return _bounded(found, bound.group("bound").lower())
        if isinstance(spec, Anaphor):
            return self._anaphor(spec, start, end)
        if isinstance(spec, Range):
            return self._range(spec, start, end)
        if isinstance(spec, LatestQuarter):
            return self._latest_quarter(spec)
        return None

    def _latest_quarter(self, spec: LatestQuarter):
        # The latest in time, not in the text: "the year-earlier quarter" is named in passing.
        named = [
            m.period
            for m in self.mentions
            if m.period.granularity == "quarter"
            and _QUARTER.fullmatch(m.period.value)
            and m.period.end < self.dct
        ]
        if named:
            latest = max(named, key=lambda p: p.start)
            if spec.year is not None:
                quarter = periods.quarter_period(spec.year, int(latest.value[-1]))
                return quarter, None, "latest-quarter-in-year"
            return latest, None, "latest-quarter-named"
        if spec.named_only:
            return None
        ended = periods.period_of("quarter", self.dct).start - timedelta(days=1)
        return periods.period_of("quarter", ended), self.dct, "latest-quarter-dct"

    def _anaphor(self, spec: Anaphor, start: int, end: int):
        if spec.day is not None:
            return self._day_of_month(spec.day, start, end)
        if spec.weekday is not None:
            anchor_period, rule_suffix = self._anchor("day")
            base = anchor_period.end if spec.offset > 0 else anchor_period.start
            day = _nearest_weekday(base, spec.weekday, spec.offset)
            kind = "next" if spec.offset > 0 else "previous"
            return periods.day_period(day), base, f"anaphora-{kind}-weekday{rule_suffix}"
        since = sentence_start(self.text, start) if spec.in_sentence else 0
        if spec.unit == "period":
            # "the same period last year": the last mention's own period, a year back.
            anchor_period, rule_suffix = self._anchor("century", since)
            unit = {"range": "day"}.get(anchor_period.granularity, anchor_period.granularity)
        else:
            unit = spec.unit
            anchor_period, rule_suffix = self._anchor(unit, since)
        base = anchor_period.start if spec.offset <= 0 else anchor_period.end
        moved = periods.shift(periods.shift(base, unit, spec.offset), "year", spec.years)
        period = periods.period_of(unit, moved)
        kind = {0: "same", 1: "next", -1: "previous"}.get(spec.offset, "offset")
        rule = f"anaphora-{kind}-{spec.unit}" + ("-year-back" if spec.years else "")
        return period, base, rule + rule_suffix

    def _day_of_month(self, day: int, start: int, end: int):
        """ "on the 12th": that day of the month last mentioned, else of the nearest month
        in the direction of the tense."""
        anchor_period, rule_suffix = self._anchor("month")
        tense = direction(self.text, start, end)
        month = date(anchor_period.start.year, anchor_period.start.month, 1)
        mentioned = _day_in(month, day)
        if mentioned is not None and not rule_suffix and tense * (mentioned - self.dct).days >= 0:
            return periods.day_period(mentioned), month, "anaphora-day-of-month"
        # No month mentioned, or the tense contradicts it ("talks will resume on the 24th"
        # after a past month): the document's month, or its neighbour the tense points to.
        month = date(self.dct.year, self.dct.month, 1)
        if tense < 0 and day > self.dct.day:
            month = periods.add_months(month, -1)
        elif tense > 0 and day < self.dct.day:
            month = periods.add_months(month, 1)
        found = _day_in(month, day)
        if found is None:
            return None
        return periods.day_period(found), month, "anaphora-day-of-month-dct"

    def _calendar(self, spec: Calendar, start: int, end: int):
        dct = self.dct
        if spec.decade is not None:
            period = periods.decade_period(spec.decade)
            return periods.narrow(period, spec.mod, dct), None, "absolute-decade"
        if spec.century is not None:
            return periods.century_period(spec.century), None, "absolute-century"
        if spec.year is not None:
            period = _build(spec, spec.year)
            if period is None:
                return None
            return periods.narrow(period, spec.mod, dct), None, f"absolute-{period.granularity}"
        if spec.year_offset is not None:
            period = _build(spec, dct.year + spec.year_offset)
            if period is None:
                return None
            rule = f"relative-year-{period.granularity}"
            return periods.narrow(period, spec.mod, dct), dct, rule
        period = self._infer_year(spec, start, end)
        if period is None:
            return None
        return periods.narrow(period, spec.mod, dct), dct, f"inferred-year-{period.granularity}"

    def _infer_year(self, spec: Calendar, start: int, end: int) -> Period | None:
        """Pick the year for "June", "October 18", "the fourth quarter": the tense decides."""
        dct = self.dct
        if spec.weekday is not None:
            # "Monday, March 17": the year (of the three nearest) whose March 17 is a Monday.
            named = [
                p
                for year in (dct.year - 1, dct.year, dct.year + 1)
                if (p := _build(spec, year)) and p.start.weekday() == spec.weekday
            ]
            if named:
                return min(named, key=lambda p: _distance(p, dct))
        same = _build(spec, dct.year)
        if same is not None and (
            same.start <= dct <= same.end
            or (
                (spec.day is not None or spec.holiday is not None)
                and abs((same.start - dct).days) <= _SAME_YEAR_DAYS
            )
        ):
            if same.start > dct and looks_back(self.text, start, end):
                # "has carried 9,000 people since March 17" in a March 15 article: last year's.
                return _build(spec, dct.year - 1) or same
            return same
        candidates = [
            p for year in (dct.year - 1, dct.year, dct.year + 1) if (p := _build(spec, year))
        ]
        if not candidates:
            return None
        if spec.quarter is not None and spec.month is None:
            for period in candidates:
                if 0 < (dct - period.end).days <= _JUST_ENDED_DAYS:
                    return period
        tense = direction(self.text, start, end)
        if tense < 0:
            past = [p for p in candidates if p.start <= dct]
            if past:
                return max(past, key=lambda p: p.start)
        elif tense > 0:
            future = [p for p in candidates if p.end >= dct]
            if future:
                return min(future, key=lambda p: p.start)
        return min(candidates, key=lambda p: (_distance(p, dct), p.start.year != dct.year))

    def _named(self, spec: Named, start: int, end: int):
        dct = self.dct
        if spec.kind == "weekday":
            wanted = int(spec.index)
            if spec.which is None:
                if dct.weekday() == wanted:
                    return periods.day_period(dct), dct, "weekday-same-day"
                tense = 1 if direction(self.text, start, end) > 0 else -1
                day = _nearest_weekday(dct, wanted, tense)
                rule = "weekday-future" if tense > 0 else "weekday-past"
            elif spec.which == 0:
                # "is set for this Thursday" on a Saturday is the coming one, "was held this
                # Thursday" the one gone by; with no tense, the one of this week.
                tense = direction(self.text, start, end) if dct.weekday() != wanted else 0
                if tense:
                    day = _nearest_weekday(dct, wanted, tense)
                else:
                    day = dct + timedelta(days=wanted - dct.weekday())
                rule = "weekday-this"
            else:
                day = _nearest_weekday(dct, wanted, spec.which)
                rule = "weekday-next" if spec.which > 0 else "weekday-last"
            return periods.day_period(day), dct, rule
        if spec.kind == "weekend":
            which = spec.which
            if which is None:
                tense = direction(self.text, start, end)
                if dct.weekday() == 6 or (dct.weekday() == 5 and tense >= 0):
                    which = 0
                else:
                    # On a Saturday, a weekend the clause looks back on is the last one: this
                    # one has only begun.
                    which = 0 if tense > 0 else -1
            elif which == 0 and dct.weekday() < 5:
                # "this weekend" in a Monday paper is the one just gone, unless it looks
                # ahead; later in the week only a clause in the past makes it so.
                tense = direction(self.text, start, end)
                if tense < 0 or (tense == 0 and dct.weekday() == 0):
                    which = -1
            period = periods.weekend_period(dct + timedelta(weeks=which))
            return period, dct, "relative-weekend"
        if spec.kind == "month":
            month = int(spec.index)
            year = dct.year
            if spec.which == -1 and month >= dct.month:
                year -= 1
            elif spec.which == 1 and month <= dct.month:
                year += 1
            rule = {-1: "month-last", 0: "month-this", 1: "month-next"}[spec.which or 0]
            return periods.month_period(year, month), dct, rule
        # seasons
        season = str(spec.index)
        options = [periods.season_period(y, season) for y in range(dct.year - 2, dct.year + 2)]
        if spec.which == -1:
            period = max((p for p in options if p.end < dct), key=lambda p: p.start)
        elif spec.which == 1:
            period = min((p for p in options if p.start > dct), key=lambda p: p.start)
        else:
            period = min(options, key=lambda p: (_distance(p, dct), p.start))
        rule = {-1: "season-last", 0: "season-this", 1: "season-next"}[spec.which or 0]
        return period, dct, rule

    def _offset(self, spec: Offset):
        if spec.from_mention:
            # "two years later" counts from the last date at least as fine as a year ("in
            # 2019"); "three days later" needs a day.
            anchor_period, _ = self._anchor(_OFFSET_ANCHOR.get(spec.unit, "day"))
            base = anchor_period.end if spec.sign > 0 else anchor_period.start
            rule = "anaphora-offset"
        else:
            base, rule = self.dct, ("offset-ago" if spec.sign < 0 else "offset-ahead")
        if spec.amount is None:
            value = "PAST_REF" if spec.sign < 0 else "FUTURE_REF"
            return Resolved("DATE", value, None, None, "open", base, rule + "-vague"), base, rule
        unit, amount = spec.unit, spec.amount
        if unit in ("second", "minute", "hour"):
            return periods.day_period(base), base, rule
        if unit in ("day", "night", "week", "fortnight"):
            days = amount * {"week": 7, "fortnight": 14}.get(unit, 1)
            day = base + timedelta(days=spec.sign * round(days))
            return periods.day_period(day), base, rule
        if unit in ("decade", "century"):
            amount, unit = amount * (10 if unit == "decade" else 100), "year"
        if unit == "year" and amount != int(amount):
            amount, unit = amount * 12, "month"
        moved = periods.shift(base, unit, spec.sign * round(amount))
        return periods.period_of(unit, moved), base, rule

    def _anchor(self, unit: str, since: int = 0) -> tuple[Period, str]:
        """The latest mention fine enough for `unit` from offset `since` on, else the dct."""
        wanted = _RANK.get(unit, 0)
        for mention in reversed(self.mentions):
            if mention.start < since:
                break
            if _RANK.get(mention.period.granularity, 9) <= wanted:
                return mention.period, ""
        return periods.day_period(self.dct), "-dct"

    def _range(self, spec: Range, start: int, end: int):
        first, last = spec.first, spec.last
        if _bare_weekday(first) and _bare_weekday(last):
            return self._weekday_range(int(first.index), int(last.index), start, end)
        if _yearless(first) and isinstance(last, Calendar) and not _yearless(last):
            first = replace(first, year=last.year, year_offset=last.year_offset)
        one = self._date(first, start, end)
        if one is None or isinstance(one[0], Resolved):
            return None
        if _yearless(last) and isinstance(first, Calendar):
            last = replace(last, year=one[0].start.year)
        two = self._date(last, start, end)
        if two is None or isinstance(two[0], Resolved):
            return None
        a, b = one[0], two[0]
        if b.end < a.start:
            # "from December to February": the second end is in the following year.
            if _yearless(spec.last) and isinstance(last, Calendar):
                b = _build(last, a.start.year + 1) or b
            elif _yearless(spec.first) and isinstance(first, Calendar):
                a = _build(first, b.start.year - 1) or a
            elif isinstance(first, Named) and first.kind == "weekday":
                # "from Monday to Wednesday": the Monday before that Wednesday.
                back = (b.start.weekday() - int(first.index)) % 7
                a = periods.day_period(b.start - timedelta(days=back))
        period = Period(f"{a.value}/{b.value}", min(a.start, b.start), max(a.end, b.end), "range")
        return period, one[1] or two[1], "range"

    def _weekday_range(self, first: int, last: int, start: int, end: int):
        """ "from Monday to Wednesday": the nearest such run of days in the tense's direction,
        the document's own day included (on a Saturday, "between Thursday and Saturday" is
        the two days before it, or, looking ahead, the next Thursday to Saturday)."""
        dct, length = self.dct, (last - first) % 7 or 7
        tense = direction(self.text, start, end)
        since_first = (dct.weekday() - first) % 7
        if tense == 0 and since_first <= length:
            # "The festival runs from Friday to Sunday" on its Saturday: the run going on.
            a = dct - timedelta(days=since_first)
            b = a + timedelta(days=length)
            rule = "range-weekday-current"
        elif tense > 0:
            a = dct + timedelta(days=(first - dct.weekday()) % 7)
            b = a + timedelta(days=length)
            rule = "range-weekday-future"
        else:
            b = dct - timedelta(days=(dct.weekday() - last) % 7)
            a = b - timedelta(days=length)
            rule = "range-weekday-past"
        value = f"{a.isoformat()}/{b.isoformat()}"
        return Period(value, a, b, "range"), dct, rule

    # -- times and fixed values --------------------------------------------------------------

    def _clock(self, spec: Clock, start: int, end: int) -> Resolved | None:
        anchor: date | None
        if spec.day is not None:
            found = self._date(spec.day, start, end)
            if found is None or isinstance(found[0], Resolved):
                return None
            day, anchor, rule = found[0].start, found[1], "time-of-day"
        else:
            day, anchor, rule = self.dct, self.dct, "time-of-day-dct"
            sentence = sentence_start(self.text, start)
            for mention in reversed(self.mentions):
                if mention.start < sentence:
                    break
                if mention.period.granularity == "day":
                    day, anchor, rule = (
                        mention.period.start,
                        mention.period.start,
                        "time-of-day-mention",
                    )
                    break
        if spec.part_of_day:
            value = f"{day.isoformat()}T{spec.part_of_day}"
        elif spec.ends_day and spec.day is not None:
            # "the strike ends at midnight on Wednesday": the end of Wednesday, as ISO 8601
            # writes it. A bare "midnight" stays the start of the day it is resolved to.
            value = f"{day.isoformat()}T24:00"
        else:
            value = f"{day.isoformat()}T{spec.hour:02d}:{spec.minute:02d}"
            if spec.second is not None:
                value += f":{spec.second:02d}"
            if spec.offset:
                value += spec.offset
            elif spec.utc:
                value += "Z"
        return Resolved("TIME", value, day, day, "day", anchor, rule)

    def _fixed(self, spec: Fixed) -> Resolved:
        if spec.value == "PRESENT_REF":
            return Resolved("DATE", spec.value, self.dct, self.dct, "open", self.dct, spec.rule)
        if spec.value in ("PAST_REF", "FUTURE_REF"):
            return Resolved("DATE", spec.value, None, None, "open", self.dct, spec.rule)
        return Resolved(spec.type, spec.value, None, None, None, None, spec.rule)


def _trailing(unit: str, dct: date) -> Period:
    """The week or year up to `dct`: named as TimeBank does (a week by the ISO week most of
    its days lie in, a year by the last calendar year), its interval the days it spans."""
    if unit == "week":
        named = periods.week_period(dct - timedelta(days=3))
        start = dct - timedelta(days=6)
    else:
        named = periods.year_period(dct.year - 1)
        start = periods.shift(dct, "year", -1) + timedelta(days=1)
    return Period(named.value, start, dct, "range")


def _mention_period(result: Resolved) -> Period:
    """What later anaphora count from: a range of days counts from its last day."""
    _, _, last = result.value.partition("/")
    if len(last) == 10 and result.date_end is not None:
        return periods.day_period(result.date_end)
    return Period(result.value, result.date_start, result.date_end, result.granularity)


def _build(spec: Calendar, year: int) -> Period | None:
    """The period `spec` names in `year`, None if there is no such day (February 30)."""
    if not 1 <= year <= 9998:
        return None
    if spec.holiday is not None:
        if year < 1583:  # the Gregorian computus
            return None
        return periods.day_period(VARIABLE_HOLIDAYS[spec.holiday](year))
    if spec.week is not None and spec.month is not None:
        # Like ISO weeks: a month's first week holds its 4th day, its last week the day
        # three before its end (so most of the week lies in the month).
        month = periods.month_period(year, spec.month)
        if spec.week > 0:
            day = month.start + timedelta(days=3 + 7 * (spec.week - 1))
        else:
            day = month.end - timedelta(days=3)
        return periods.week_period(day)
    if spec.month is not None and spec.day is not None:
        try:
            return periods.day_period(date(year, spec.month, spec.day))
        except ValueError:
            return None
    if spec.month is not None:
        return periods.month_period(year, spec.month)
    if spec.quarter is not None:
        return periods.quarter_period(year, spec.quarter)
    if spec.half is not None:
        return periods.half_period(year, spec.half)
    if spec.season is not None:
        return periods.season_period(year, spec.season)
    return periods.year_period(year)


def _day_in(month: date, day: int) -> date | None:
    try:
        return month.replace(day=day)
    except ValueError:
        return None  # "the 31st" of a 30-day month


def _bare_weekday(spec: object) -> bool:
    return isinstance(spec, Named) and spec.kind == "weekday" and spec.which is None


def _yearless(spec: object) -> bool:
    return (
        isinstance(spec, Calendar)
        and spec.year is None
        and spec.year_offset is None
        and spec.decade is None
        and spec.century is None
    )


def _distance(period: Period, day: date) -> int:
    if period.start <= day <= period.end:
        return 0
    return min(abs((period.start - day).days), abs((period.end - day).days))


def _nearest_weekday(day: date, weekday: int, sign: int) -> date:
    """The closest `weekday` strictly before (sign -1) or after (sign +1) `day`."""
    if sign > 0:
        return day + timedelta(days=(weekday - day.weekday() - 1) % 7 + 1)
    return day - timedelta(days=(day.weekday() - weekday - 1) % 7 + 1)
