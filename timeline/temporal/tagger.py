"""Find, choose, combine and resolve the temporal expressions of one text."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from .patterns import RULES
from .resolve import Resolver
from .specs import Calendar, Clock, Named, Range, Relative
from .timex import Timex

_RANGE_GAP = re.compile(r"\s*(?P<conn>-|–|—|to|through|until|till|and)\s*", re.IGNORECASE)
_RANGE_LEAD = re.compile(r"\b(?P<lead>between|from)\s+$", re.IGNORECASE)
_DAY_THEN_TIME = re.compile(r",?\s*(?:at\s+)?", re.IGNORECASE)
_TIME_THEN_DAY = re.compile(r"\s*(?:on\s+)?", re.IGNORECASE)


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
                granularity=resolved.granularity,
                anchor=resolved.anchor,
                rule=resolved.rule,
            )
        )
    return timexes


def _find(text: str) -> list[_Candidate]:
    lower = text.lower()
    lines = _line_spans(text)
    line_starts = [start for start, _ in lines]
    lines_with: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    found = []
    for rule in RULES:
        if rule.trigger is None:
            spans = lines
        else:
            spans = lines_with.get(rule.trigger)
            if spans is None:
                spans = lines_with[rule.trigger] = _lines_hit(rule.trigger, lower, lines, line_starts)
        for line_start, line_end in spans:
            for match in rule.pattern.finditer(text, line_start, line_end):
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


def _lines_hit(
    trigger: re.Pattern[str], lower: str, lines: list[tuple[int, int]], line_starts: list[int]
) -> list[tuple[int, int]]:
    """The lines holding a match of `trigger`, in order, each once."""
    hit: list[tuple[int, int]] = []
    position = 0
    while True:
        match = trigger.search(lower, position)
        if match is None:
            return hit
        line = lines[bisect_right(line_starts, match.start()) - 1]
        hit.append(line)
        position = line[1] + 1


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
    out: list[_Candidate] = []
    for candidate in candidates:
        if out:
            joined = _join(out[-1], candidate, text)
            if joined is not None:
                out[-1] = joined
                continue
        out.append(candidate)
    return out


def _join(first: _Candidate, second: _Candidate, text: str) -> _Candidate | None:
    gap = text[first.end : second.start]
    if _is_range_end(first.spec) and _is_range_end(second.spec):
        match = _RANGE_GAP.fullmatch(gap)
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
    if _is_day(first.spec) and _is_bare_clock(second.spec) and _DAY_THEN_TIME.fullmatch(gap):
        spec = Clock(
            day=first.spec,
            hour=second.spec.hour,
            minute=second.spec.minute,
            second=second.spec.second,
            utc=second.spec.utc,
        )
        return _Candidate(first.start, second.end, first.priority, spec)
    if _is_bare_clock(first.spec) and _is_day(second.spec) and _TIME_THEN_DAY.fullmatch(gap):
        spec = Clock(
            day=second.spec,
            hour=first.spec.hour,
            minute=first.spec.minute,
            second=first.spec.second,
            utc=first.spec.utc,
        )
        return _Candidate(first.start, second.end, first.priority, spec)
    return None


def _is_range_end(spec: object) -> bool:
    if isinstance(spec, Calendar):
        return spec.decade is None and spec.century is None
    return isinstance(spec, Named) and spec.kind in ("weekday", "month")


def _is_day(spec: object) -> bool:
    if isinstance(spec, Calendar):
        return spec.day is not None
    if isinstance(spec, Named):
        return spec.kind == "weekday"
    return isinstance(spec, Relative) and spec.unit == "day"


def _is_bare_clock(spec: object) -> bool:
    return isinstance(spec, Clock) and spec.day is None and spec.hour is not None
