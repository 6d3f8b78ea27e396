"""The timeline's query parameters: read, validated, applied, and written back."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from urllib.parse import urlencode

from django.http import QueryDict

from articles.models import Granularity
from timeline.models import Event, EventQuerySet
from timeline.periods import BadPeriod, parse_period

DEFAULT_STATUSES = [Event.Status.PROPOSED.value, Event.Status.APPROVED.value]
MAX_QUERY_LENGTH = 200
_WHOLE_NUMBER = re.compile(r"[0-9]{1,11}")
# Control characters cannot be searched for and PostgreSQL refuses NUL outright.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def whole_number(text: str) -> int | None:
    """`text` as a non-negative int when it is plain ASCII digits (not “²” or “١”)."""
    text = text.strip()
    return int(text) if _WHOLE_NUMBER.fullmatch(text) else None


@dataclass
class TimelineFilters:
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    sources: list[int] = field(default_factory=list)
    statuses: list[str] = field(default_factory=list)
    granularities: list[str] = field(default_factory=list)
    min_sources: int | None = None
    raw: dict[str, list[str]] = field(default_factory=dict)
    typed: dict[str, str] = field(default_factory=dict)  # the date boxes as the reader left them
    errors: list[str] = field(default_factory=list)

    @property
    def active(self) -> bool:
        return bool(
            self.date_from
            or self.date_to
            or self.q
            or self.sources
            or self.statuses
            or self.granularities
            or self.min_sources
        )

    def apply(self, events: EventQuerySet) -> EventQuerySet:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            return events.none()
        events = (
            events.overlapping(self.date_from, self.date_to)
            .with_status(self.statuses or DEFAULT_STATUSES)
            .with_granularity(self.granularities)
            .from_sources(self.sources)
            .search(self.q)
        )
        if self.min_sources:
            events = events.with_min_sources(self.min_sources)
        return events

    def without_dates(self) -> TimelineFilters:
        """The same filters over the whole story, for the overview of where matches fall."""
        return replace(self, date_from=None, date_to=None)

    @property
    def count(self) -> int:
        """How many filters are set, for the “Filters (3)” label."""
        return sum(
            bool(value)
            for value in (
                self.date_from or self.date_to,
                self.q,
                self.sources,
                self.statuses,
                self.granularities,
                self.min_sources,
            )
        )

    def querystring(self, **overrides: list[str] | str | None) -> str:
        """The current filters as a query string, with some parameters replaced."""
        params = {key: list(values) for key, values in self.raw.items()}
        for key, value in overrides.items():
            key = key.rstrip("_")
            if value in (None, "", []):
                params.pop(key, None)
            else:
                params[key] = value if isinstance(value, list) else [value]
        return urlencode([(key, v) for key, values in params.items() for v in values])

    def period_querystring(self) -> Callable[[str, str], str]:
        """`querystring(from_=start, to=end)` for many periods (a bar per month of the
        overview, the presets): everything but the dates is encoded once."""
        keys = [*self.raw, *(key for key in ("from", "to") if key not in self.raw)]
        encoded = {key: urlencode([(key, v) for v in self.raw.get(key, [])]) for key in keys}

        def querystring(start: str, end: str) -> str:
            dates = {"from": urlencode({"from": start}), "to": urlencode({"to": end})}
            return "&".join(dates.get(key) or encoded[key] for key in keys)

        return querystring


def parse_filters(query: QueryDict) -> TimelineFilters:
    """Read the filters from a request's GET parameters; bad ones become messages."""
    filters = TimelineFilters()

    def keep(name: str, values: list[str]) -> None:
        filters.raw[name] = values

    for name, attribute, bound in (("from", "date_from", 0), ("to", "date_to", 1)):
        text = query.get(name, "").strip()
        if not text:
            continue
        filters.typed[name] = text[:40]
        try:
            setattr(filters, attribute, parse_period(text)[bound])
            keep(name, [text])
        except BadPeriod as error:
            filters.errors.append(f"“{name}”: {error}")
    if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
        filters.errors.append("“from” is after “to”: showing nothing until that is fixed.")

    q = _CONTROL.sub(" ", query.get("q", "")).strip()
    if len(q) > MAX_QUERY_LENGTH:
        filters.errors.append(f"The search text is longer than {MAX_QUERY_LENGTH} characters.")
    elif q:
        filters.q = q
        keep("q", [q])

    for text in query.getlist("source"):
        article_id = whole_number(text)
        if article_id is not None:
            if article_id not in filters.sources:
                filters.sources.append(article_id)
        elif text.strip():
            filters.errors.append(f"“source”: “{text[:40]}” is not an article id.")
    if filters.sources:
        keep("source", [str(s) for s in filters.sources])

    for name, attribute, allowed in (
        ("status", "statuses", Event.Status.values),
        ("granularity", "granularities", Granularity.values),
    ):
        for text in query.getlist(name):
            if text in allowed:
                if text not in getattr(filters, attribute):
                    getattr(filters, attribute).append(text)
            elif text.strip():
                filters.errors.append(
                    f"“{name}”: “{text[:40]}” is not one of {', '.join(allowed)}."
                )
        if getattr(filters, attribute):
            keep(name, getattr(filters, attribute))

    min_sources = query.get("min_sources", "").strip()
    if min_sources:
        number = whole_number(min_sources)
        if number == 1:
            pass  # every event has a source: no filter, no chip
        elif number is not None and 1 < number <= 1000:
            filters.min_sources = number
            keep("min_sources", [str(number)])
        else:
            filters.errors.append("“min_sources” must be a whole number from 1 to 1000.")
    return filters
