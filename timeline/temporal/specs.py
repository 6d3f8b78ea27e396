"""What a matched expression means, before it is resolved against a date.

Patterns turn text into one of these; `resolve` turns them into values and intervals.
Keeping the two apart lets anaphora ("that same day") see the dates resolved before it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Calendar:
    """A calendar period named by its fields: "21 October 2024", "June", "Q3", "the 1950s".

    A missing year is inferred from the document date and tense (or from the weekday named
    with the day); `year_offset` is a year given relative to it ("September of last year"
    is month=9, year_offset=-1).
    """

    year: int | None = None
    year_offset: int | None = None
    month: int | None = None
    day: int | None = None
    quarter: int | None = None
    half: int | None = None
    season: str | None = None
    decade: int | None = None  # first year of the decade
    century: int | None = None  # first year of the century
    mod: str | None = None
    holiday: str | None = None  # a key of lexicon.VARIABLE_HOLIDAYS: "easter", "labor day"
    week: int | None = None  # nth week of `month`, -1 the last: "the first week of March"
    weekday: int | None = None  # named with the day, Monday 0: "Monday, March 17"


@dataclass(frozen=True, slots=True)
class Relative:
    """The period `offset` units from the document date's: "last week", "this year"."""

    unit: str
    offset: int
    mod: str | None = None


@dataclass(frozen=True, slots=True)
class Named:
    """A named weekday, month or season picked relative to the document date.

    `which` is -1/0/+1 for "last"/"this"/"next", None when bare ("on Friday"): then
    the tense of the sentence decides the direction.
    """

    kind: str  # "weekday" | "month" | "season" | "weekend"
    index: int | str
    which: int | None = None


@dataclass(frozen=True, slots=True)
class Offset:
    """A count of units before/after the document date or the last date mentioned.

    "two days ago" (dct, -2 days), "in three weeks", "three days later" (mention).
    `amount` None means a vague count ("years ago"): a PAST_REF/FUTURE_REF.
    """

    unit: str
    amount: float | None
    sign: int
    from_mention: bool = False


@dataclass(frozen=True, slots=True)
class Anaphor:
    """A period relative to the last date the text mentioned: "that same day", "the next week".

    `unit` "period" means the mention's own granularity; `years` shifts it further
    ("the same month a year ago" is unit=month, offset=0, years=-1). `in_sentence` looks
    no further back than the sentence, then falls back on the document date ("for a third
    straight day" is the day its sentence is about, else the day of the report).
    """

    unit: str
    offset: int
    years: int = 0
    in_sentence: bool = False
    weekday: int | None = None  # "the following Monday": the first Monday after (offset 1)
    day: int | None = None  # "on the 12th": that day of the month (unit "month")


@dataclass(frozen=True, slots=True)
class LatestQuarter:
    """The quarter a results story reports on: "the latest quarter", "the quarter".

    The latest quarter the text named; failing that, the last one ended before the
    document date, unless `named_only` ("the quarter", "the latest period" say nothing
    about quarters on their own). With `year`, that quarter in the year ("the 1988
    quarter" after "the third quarter" is 1988-Q3).
    """

    named_only: bool = False
    year: int | None = None


@dataclass(frozen=True, slots=True)
class Range:
    """Two dates read as one interval: "October 8 and 13", "from June to August"."""

    first: object
    last: object


@dataclass(frozen=True, slots=True)
class Clock:
    """A time of day, optionally on a day named alongside ("Monday, ... 10:07:57 AM").

    Either hour (with minute/second) or part_of_day ("MO", "AF", "EV", "NI") is set.
    """

    day: object | None
    hour: int | None = None
    minute: int = 0
    second: int | None = None
    part_of_day: str | None = None
    utc: bool = False
    offset: str | None = None  # from UTC, "+08:00": "6:40 p.m. (GMT +8)"
    ends_day: bool = False  # "until midnight on Sunday": on a named day, its end (T24:00)


@dataclass(frozen=True, slots=True)
class Fiscal:
    """A fiscal year: "fiscal 2009" (year=2009), "last fiscal year" (offset=-1).

    TimeBank values the American "fiscal 1989" as the year it is named for ("1989"); the
    British "financial year" keeps TIMEX3's "FY2009" (as MEANTIME writes it), and so does
    a quarter of it (`quarter`: "the first quarter of the financial year" is "FY2009-Q1").
    Where a company's fiscal year starts is not in the text, so either resolves to no
    interval.
    """

    year: int | None = None
    offset: int = 0
    financial: bool = False
    quarter: int | None = None


@dataclass(frozen=True, slots=True)
class Fixed:
    """A value that needs no resolving: durations ("P3D"), sets ("P1W"), PAST_REF..."""

    type: str
    value: str
    rule: str
