"""Find, choose, combine and resolve the temporal expressions of one text."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date

from .lexicon import MONTH_ABBREVIATIONS, MONTHS, PARTS_OF_DAY, WEEKDAY_ABBREVIATIONS, WEEKDAYS
from .patterns import RULES
from .periods import period_of, quarter_period
from .resolve import Resolver
from .specs import Anaphor, Calendar, Clock, Named, Range, Relative
from .timex import Timex

_RANGE_GAP = re.compile(r"\s*(?P<conn>-|–|—|to|through|until|till|and)\s*", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"\b(?P<lead>between|from)\s+$", re.IGNORECASE)
_DAY_THEN_TIME = re.compile(r",?\s*(?:at\s+)?", re.IGNORECASE)
_TIME_THEN_DAY = re.compile(r"\s*(?:local\s+time\s+)?(?:on\s+)?", re.IGNORECASE)
# A bare hour is a time only beside a part of the day: "the next morning at 7", "at 9 tonight".
_HOUR = r"(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?(?:\s*o['’]clock)?"
_HOUR_AFTER = re.compile(
    r",?\s+at\s+(?:about\s+|around\s+)?" + _HOUR + r"(?![\w%:]|[.,]\d)"
    r"(?=\s*(?:$|[^\w\s]|(?:the|a|an|and|but|on|in|as|when|to|after|before)\b))",
    re.IGNORECASE,
)
# Words written with a capital anywhere in a sentence.
_NAMES = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS])
_CLOCK_RANGE_GAP = re.compile(r"\s*(?:-|–|—|to|until|till|and)\s*", re.IGNORECASE)
_PART_OF_DAY_BEFORE = re.compile(
    r"\bthe\s+(?P<pod>morning|afternoon|evening|night)\s+of\s+$", re.IGNORECASE
)
_HOUR_BEFORE = re.compile(
    r"\bat\s+(?:about\s+|around\s+)?" + _HOUR + r"\s+(?:on\s+)?$", re.IGNORECASE
)


@dataclass(slots=True)
class _Candidate:
    start: int
    end: int
    priority: int
    spec: object


def tag(text: str, dct: date) -> list[Timex]:
    """Every temporal expression in `text`, resolved against the document date `dct`.

    Sorted by start, non-overlapping; offsets index `text` as given.
    """
    candidates = _choose(_find(text))
    candidates = _combine(candidates, text)
    resolver = Resolver(text, dct)
    timexes = []
    for candidate in candidates:
        resolved = resolver.resolve(candidate.spec, candidate.start, candidate.end)
        if resolved is None:
            continue
        timexes.append(
            Timex(
                start=candidate.start,
                end=candidate.end,
                text=text[candidate.start : candidate.end],
                type=resolved.type,
                value=resolved.value,
                date_start=resolved.date_start,
                date_end=resolved.date_end,
                granularity=honest_granularity(
                    resolved.granularity, resolved.date_start, resolved.date_end
                ),
                anchor=resolved.anchor,
                rule=resolved.rule,
            )
        )
    return _year_ago_quarters(timexes, text)


# Results news compares a quarter with the same quarter a year before: after "third-quarter
# profit" (1989-Q3), "up from $10 million a year ago" is 1988-Q3 (TimeBank), not all of 1988.
_YEAR_AGO = re.compile(
    r"(?:an?|one)\s+year\s+(?:ago|earlier|before)|year[-\s](?:ago|earlier)", re.IGNORECASE
)
_LAST_YEAR = re.compile(
    r"(?:the\s+corresponding\s+period\s+)?last\s+year(?:'s\s+quarter)?", re.IGNORECASE
)
_QUARTER_VALUE = re.compile(r"(?P<year>\d{4})-Q(?P<q>[1-4])")
_FIGURE_BEFORE = re.compile(
    r"(?:\$|\d|\bloss\b|\bprofit\b|\bearnings\b)[^.;]{0,60}$", re.IGNORECASE
)
_QUARTER_REACH = 2000  # characters back to the quarter being compared


def _year_ago_quarters(timexes: list[Timex], text: str) -> list[Timex]:
    quarter: tuple[int, int, int] | None = None  # (year, quarter, end offset)
    out = []
    for timex in timexes:
        found = _QUARTER_VALUE.fullmatch(timex.value)
        if found and timex.type == "DATE":
            quarter = (int(found["year"]), int(found["q"]), timex.end)
        elif timex.type == "DURATION" and timex.value.startswith("P"):
            quarter = None  # "the first nine months ... a year earlier": the longer period
        elif (
            quarter is not None
            and timex.type == "DATE"
            and (
                timex.value == f"{quarter[0] - 1:04d}"
                # Counted from an earlier "a year ago" read as the year: still the quarter.
                or (timex.rule.startswith("anaphora-offset") and _YEAR_AGO.fullmatch(timex.text))
            )
            and timex.start - quarter[2] <= _QUARTER_REACH
            and (
                _YEAR_AGO.fullmatch(timex.text)
                or (
                    _LAST_YEAR.fullmatch(timex.text)
                    and _FIGURE_BEFORE.search(text, max(0, timex.start - 80), timex.start)
                )
            )
        ):
            period = quarter_period(quarter[0] - 1, quarter[1])
            timex = replace(
                timex,
                value=period.value,
                date_start=period.start,
                date_end=period.end,
                granularity="quarter",
            )
        elif (
            quarter is not None
            and timex.type == "DATE"
            and re.fullmatch(r"\d{4}", timex.value)
            and int(timex.value) not in (quarter[0], quarter[0] - 1)
        ):
            quarter = None  # "In 1985 ... a year earlier": counted from 1985
        out.append(timex)
    return out


_CALENDAR_UNITS = frozenset({"day", "week", "month", "quarter", "year", "decade"})


def honest_granularity(granularity: str | None, start: date | None, end: date | None) -> str | None:
    """A granularity the interval really has: "late 2006" (2 September – 31 December) and
    "earlier this month" (up to the article's day) are ranges, not a year or a month. The
    TIMEX3 value keeps the period the text names."""
    if granularity not in _CALENDAR_UNITS or start is None or end is None:
        return granularity
    period = period_of(granularity, start)
    return granularity if (period.start, period.end) == (start, end) else "range"


# How far around a key word an expression can reach: "the 8 and 13 of October" starts
# before "october", "October 21, 2024 at 10:07:57 a.m. UTC" runs on after it.
_BEFORE_KEY = 50
_AFTER_KEY = 80
_TOKEN = re.compile(r"[a-z0-9]+")


def _find(text: str) -> list[_Candidate]:
    lines = _line_spans(text)
    line_starts = [start for start, _ in lines]
    positions = _key_positions(text.lower())
    windows_for: dict[frozenset[str], list[tuple[int, int]]] = {}
    found = []
    for rule in RULES:
        windows = windows_for.get(rule.keys)
        if windows is None:
            hits = sorted(p for key in rule.keys for p in positions.get(key, ()))
            windows = windows_for[rule.keys] = _windows(hits, text, lines, line_starts)
        for window_start, window_end in windows:
            for match in rule.pattern.finditer(text, window_start, window_end):
                if match.end() == match.start():
                    continue
                built = rule.build(match, text)
                if built is None:
                    continue
                start, end, spec = built
                # Trailing spaces/punctuation never belong to an expression.
                while end > start and text[end - 1] in " \t\n,;":
                    end -= 1
                if end > start:
                    found.append(_Candidate(start, end, rule.priority, spec))
    return found


def _key_positions(lower: str) -> dict[str, list[int]]:
    """Where each word, and each class of number, starts in the text."""
    positions: dict[str, list[int]] = defaultdict(list)
    for token in _TOKEN.finditer(lower):
        word, start = token.group(), token.start()
        if word[0].isdigit():
            positions["#num"].append(start)
            if len(word) == 4 and word.isdigit():
                positions["#year"].append(start)
            elif word.endswith("0s"):
                positions["#decade"].append(start)
        else:
            positions[word].append(start)
            if word.startswith("fy") and word[2:].isdigit():
                positions["fy"].append(start)  # "FY2009" is one token
    return positions


def _line_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each line: no expression crosses a line break."""
    spans, start = [], 0
    while True:
        end = text.find("\n", start)
        if end == -1:
            spans.append((start, len(text)))
            return spans
        if end > start:
            spans.append((start, end))
        start = end + 1


def _windows(
    hits: list[int], text: str, lines: list[tuple[int, int]], line_starts: list[int]
) -> list[tuple[int, int]]:
    """Merged stretches of text around each key word, within its line, cut at spaces.

    Scanning these instead of the whole text is what keeps the tagger fast: a rule's
    regex only ever runs near a word its matches must contain.
    """
    windows: list[tuple[int, int]] = []
    for hit in hits:
        if windows and hit + _AFTER_KEY <= windows[-1][1]:
            continue  # already covered
        line_start, line_end = lines[bisect_right(line_starts, hit) - 1]
        start = max(line_start, hit - _BEFORE_KEY)
        while start > line_start and not text[start - 1].isspace():
            start -= 1
        end = min(line_end, hit + _AFTER_KEY)
        while end < line_end and not text[end].isspace():
            end += 1
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(end, windows[-1][1]))
        else:
            windows.append((start, end))
    return windows


def _choose(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest match first; on ties, the more specific rule. Overlaps are dropped."""
    candidates.sort(key=lambda c: (c.start - c.end, c.priority, c.start))
    taken: list[tuple[int, int]] = []
    chosen = []
    for candidate in candidates:
        if any(candidate.start < end and start < candidate.end for start, end in taken):
            continue
        taken.append((candidate.start, candidate.end))
        chosen.append(candidate)
    chosen.sort(key=lambda c: c.start)
    return chosen


def _combine(candidates: list[_Candidate], text: str) -> list[_Candidate]:
    """Join neighbours that are one expression: "from June to August", "Monday at 3 p.m."."""
    # Ranges first: in "9:30 a.m. Monday through Friday" the days are one range, and the
    # time is not on the Monday alone.
    ranges: list[_Candidate] = []
    for candidate in candidates:
        joined = _join_range(ranges[-1], candidate, text) if ranges else None
        if joined is not None:
            ranges[-1] = joined
        else:
            ranges.append(candidate)
    out: list[_Candidate] = []
    for candidate in ranges:
        if out:
            joined = _join_time(out[-1], candidate, text)
            if joined is not None:
                out[-1] = joined
                _share_day(out, text)
                continue
        floor = out[-1].end if out else 0
        if _is_day(candidate.spec) and not isinstance(candidate.spec, Clock):
            candidate = _with_part_of_day(candidate, text, floor)
        if _is_part_of_day(candidate.spec):
            candidate = _with_bare_hour(candidate, text, floor)
        out.append(candidate)
        _share_dated_day(out, text)
    return out


def _share_dated_day(out: list[_Candidate], text: str) -> None:
    """ "14:32 GMT, Wednesday 12 March 2025": the time is on the date after its comma.

    News annotation keeps the two apart, so they stay two expressions.
    """
    if len(out) < 2 or not _is_bare_clock(out[-2].spec):
        return
    day, first = out[-1].spec, out[-2]
    if (
        isinstance(day, (Calendar, Named))
        and _is_day(day)
        and text[first.end : out[-1].start].strip() == ","
    ):
        out[-2] = _Candidate(first.start, first.end, first.priority, _on_day(first.spec, day))


def _with_part_of_day(candidate: _Candidate, text: str, floor: int) -> _Candidate:
    """ "the night of March 14": that part of that day."""
    found = _PART_OF_DAY_BEFORE.search(text, max(floor, candidate.start - 30), candidate.start)
    if found is None:
        return candidate
    part = PARTS_OF_DAY[found.group("pod").lower()]
    spec = Clock(day=candidate.spec, part_of_day=part)
    return _Candidate(found.start(), candidate.end, candidate.priority, spec)


def _with_bare_hour(candidate: _Candidate, text: str, floor: int) -> _Candidate:
    """ "the next morning at 7", "at 8 that evening": the hour on that part of the day."""
    after = _HOUR_AFTER.match(text, candidate.end, candidate.end + 30)
    before = _HOUR_BEFORE.search(text, max(floor, candidate.start - 30), candidate.start)
    found = after or before
    if found is None:
        return candidate
    hour, minute = int(found.group("h")), int(found.group("mi") or 0)
    clock = Clock(day=None, hour=hour, minute=minute)
    start, end = (candidate.start, after.end()) if after else (before.start("h"), candidate.end)
    return _Candidate(start, end, candidate.priority, _on_day(clock, candidate.spec))


def _share_day(out: list[_Candidate], text: str) -> None:
    """ "from 7 a.m. to 10 p.m. on Thursday": the first time is on Thursday too."""
    if len(out) < 2 or not _is_bare_clock(out[-2].spec) or out[-1].spec.day is None:
        return
    if _CLOCK_RANGE_GAP.fullmatch(text, out[-2].end, out[-1].start):
        first = out[-2]
        out[-2] = _Candidate(
            first.start, first.end, first.priority, _on_day(first.spec, out[-1].spec.day)
        )


def _join_range(first: _Candidate, second: _Candidate, text: str) -> _Candidate | None:
    if not (_is_range_end(first.spec) and _is_range_end(second.spec)):
        return None
    match = _RANGE_GAP.fullmatch(text, first.end, second.start)
    if match and type(first.spec) is type(second.spec):
        connector = match.group("conn").lower()
        lead = _RANGE_LEAD.search(text, max(0, first.start - 10), first.start)
        lead_word = lead.group("lead").lower() if lead else ""
        if connector in ("-", "–", "—", "through") or (
            (connector == "and" and lead_word == "between")
            or (connector in ("to", "until", "till") and lead_word == "from")
        ):
            spec = Range(first.spec, second.spec)
            return _Candidate(first.start, second.end, first.priority, spec)
    return None


def _join_time(first: _Candidate, second: _Candidate, text: str) -> _Candidate | None:
    gap = text[first.end : second.start]
    if _is_day(first.spec) and _is_bare_clock(second.spec) and _DAY_THEN_TIME.fullmatch(gap):
        return _Candidate(first.start, second.end, first.priority, _on_day(second.spec, first.spec))
    if (
        _is_bare_clock(first.spec)
        and _is_day(second.spec)
        and _TIME_THEN_DAY.fullmatch(gap)
        and not _new_sentence(first, second, text)
    ):
        return _Candidate(first.start, second.end, first.priority, _on_day(first.spec, second.spec))
    return None


def _new_sentence(first: _Candidate, second: _Candidate, text: str) -> bool:
    """ "He left at 6 a.m. The next day, he returned": the full stop of "a.m." ended it."""
    word = re.match(r"\w+", text[second.start : second.end])
    return (
        text[first.end - 1] == "."
        and word is not None
        and word.group()[0].isupper()
        and word.group().lower() not in _NAMES
    )


def _on_day(clock: Clock, day: object) -> Clock:
    hour = clock.hour
    if isinstance(day, Clock):
        # "9 the previous evening": the part of the day says which half of the clock.
        day, part = day.day, day.part_of_day
        afternoon = part in ("AF", "EV") or (part == "NI" and hour is not None and hour >= 6)
        if afternoon and hour is not None and hour < 12:
            hour += 12
    return Clock(
        day=day,
        hour=hour,
        minute=clock.minute,
        second=clock.second,
        utc=clock.utc,
        offset=clock.offset,
        ends_day=clock.ends_day,
    )


def _is_range_end(spec: object) -> bool:
    if isinstance(spec, Calendar):
        return spec.decade is None and spec.century is None
    return isinstance(spec, Named) and spec.kind in ("weekday", "month")


def _is_day(spec: object) -> bool:
    if isinstance(spec, Calendar):
        return spec.day is not None
    if isinstance(spec, Named):
        return spec.kind == "weekday"
    if isinstance(spec, (Relative, Anaphor)):
        return spec.unit == "day"  # "yesterday", "the next day", "that same day"
    return _is_part_of_day(spec)


def _is_part_of_day(spec: object) -> bool:
    """ "Thursday morning", "the previous evening", "tonight": a day, and when in it."""
    return isinstance(spec, Clock) and spec.part_of_day is not None and spec.day is not None


def _is_bare_clock(spec: object) -> bool:
    return isinstance(spec, Clock) and spec.day is None and spec.hour is not None
