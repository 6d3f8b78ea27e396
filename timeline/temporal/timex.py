"""The tagger's output record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

TYPES = ("DATE", "TIME", "DURATION", "SET")
GRANULARITIES = ("day", "week", "month", "quarter", "year", "decade", "range", "open")


@dataclass(frozen=True, slots=True)
class Timex:
    """One temporal expression: where it is, what TIMEX3 says, and what interval it means.

    `date_start`/`date_end` are inclusive days. They are None for durations and sets
    (which name no interval), for PAST_REF/FUTURE_REF (open-ended, no honest bound) and for
    fiscal years ("FY2009": where the year starts is not said);
    PRESENT_REF is the document date itself with granularity "open".
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    date_start: date | None = None
    date_end: date | None = None
    granularity: str | None = None
    anchor: date | None = None
    rule: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type,
            "value": self.value,
            "date_start": _iso(self.date_start),
            "date_end": _iso(self.date_end),
            "granularity": self.granularity,
            "anchor": _iso(self.anchor),
            "rule": self.rule,
        }


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
