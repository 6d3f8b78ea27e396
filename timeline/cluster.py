"""Candidates from many articles → one event per real-world happening.

A candidate joins the most similar existing event whose date is compatible with its own
(the same period, one inside the other, or — for day dates a day or two apart — the same
happening with a disputed date). Otherwise it becomes a new proposed event. Editors'
decisions stand: an approved or rejected event only gains the citation, and a merged
event hands the candidate on to the event it was merged into.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from django.db.models import Q

from articles.models import Article, Story
from timeline.extract import Candidate, make_title, split_sentences
from timeline.keywords import Bag, content_tokens, figures_in, similarity
from timeline.models import Citation, Event
from timeline.periods import describe_interval

SIMILAR = 0.17  # the least similarity for two reports to be one event
NESTED_SIMILAR = 0.3  # "June" and "June 19" may be one event, but must read alike
SAME_RANGE_BONUS = 0.15  # two sources giving the same odd range is itself evidence
SAME_ARTICLE_EXTRA = 0.15  # one article rarely tells one event twice: ask for more
NEAR_DAYS = 2  # day dates this close may be one event the sources date differently
NEAR_SIMILAR = 0.75
RANGE_LOOKBACK = timedelta(days=92)  # the longest free range we look back for
WINDOW_LIMIT = 300  # bounds the work per candidate whatever the story's size

GRANULARITY_ORDER = ["day", "week", "range", "month", "quarter", "year", "decade", "open"]


@dataclass
class MergeOutcome:
    proposed: int = 0  # new events
    merged: int = 0  # candidates that joined an existing event
    events: list[Event] = field(default_factory=list)


@dataclass(slots=True)
class Slot:
    """An event as clustering sees it during one batch: stored already, or about to be."""

    pk: int | None
    title: str
    date_start: date
    date_end: date
    granularity: str
    status: str = Event.Status.PROPOSED
    date_kind: str = Event.DateKind.HAPPENED
    merged_into: int | None = None
    citations: list[tuple[int, int, str]] = field(default_factory=list)  # article, start, quote
    added: list[Candidate] = field(default_factory=list)
    redated: bool = False
    disputed: bool = False  # a source dates it differently (a day or two apart)

    @classmethod
    def of(cls, candidate: Candidate) -> Slot:
        slot = cls(
            pk=None,
            title=candidate.title[:300],
            date_start=candidate.date_start,
            date_end=candidate.date_end,
            granularity=candidate.granularity,
            date_kind=candidate.date_kind,
        )
        slot.add(candidate)
        return slot

    def add(self, candidate: Candidate) -> None:
        self.added.append(candidate)
        self.citations.append((candidate.article.pk, candidate.start, candidate.quote))
        if date_relation(
            (candidate.date_start, candidate.date_end), (self.date_start, self.date_end)
        ) not in ("same", "nested"):
            self.disputed = True
        if self.status != Event.Status.PROPOSED:
            return  # an editor has decided on this event: only the citation is new
        if self.pk is None and len(self.added) == 1:
            return  # the candidate that founded the event
        # What happened outranks what was planned; otherwise the most precise date wins.
        came_true = self.date_kind == Event.DateKind.PLANNED and (
            candidate.date_kind != Event.DateKind.PLANNED
        )
        if came_true or _more_precise(candidate, self):
            self.date_start, self.date_end = candidate.date_start, candidate.date_end
            self.granularity = candidate.granularity
            self.redated = True
        if came_true:
            self.date_kind = candidate.date_kind


def merge_candidates(*, story: Story, candidates: list[Candidate]) -> MergeOutcome:
    """Cluster one batch (typically one article's candidates) into the story's events.

    Reads the neighbourhood of every candidate in two queries, decides in memory, then
    writes new events and citations in bulk.
    """
    outcome = MergeOutcome()
    if not candidates:
        return outcome
    story_words = frozenset(content_tokens(story.title))
    backgrounds: dict[int, frozenset[str]] = {}
    slots = neighbours_of(story=story, candidates=candidates)
    for candidate in candidates:
        article = candidate.article
        if article.pk not in backgrounds:
            backgrounds[article.pk] = story_words | frequent_words(article)
        slot = best_match(candidate=candidate, slots=slots, background=backgrounds[article.pk])
        if slot is None:
            slots.append(Slot.of(candidate))
            outcome.proposed += 1
        else:
            slot.add(candidate)
            outcome.merged += 1
    outcome.events = _save(story, [slot for slot in slots if slot.added])
    return outcome


def frequent_words(article: Article) -> frozenset[str]:
    """Words in a third or more of an article's sentences: its topic, not one event's."""
    sentences = split_sentences(article.body)
    if len(sentences) < 4:
        return frozenset()
    counts = Counter(token for s in sentences for token in content_tokens(s.text))
    return frozenset(token for token, n in counts.items() if n * 3 >= len(sentences))


def best_match(
    *, candidate: Candidate, slots: list[Slot], background: frozenset[str]
) -> Slot | None:
    """The event this candidate reports, or None for a new event."""
    mine = bag(candidate.quote, candidate.focus or candidate.title)
    article_id = candidate.article.pk
    best: tuple[float, Slot] | None = None
    for slot in slots:
        relation = date_relation(
            (candidate.date_start, candidate.date_end), (slot.date_start, slot.date_end)
        )
        if relation is None:
            continue
        if any(a == article_id and s == candidate.start for a, s, _ in slot.citations):
            continue  # another date of the same sentence: a different event
        # Single link: a report joins an event when it reads like one of its citations
        # (or like its title: editors retitle events, merged-away events keep only that).
        theirs = [bag(slot.title, slot.title)] + [
            bag(quote, make_title(quote)) for _, _, quote in slot.citations
        ]
        score = max(similarity(mine, other, background=background) for other in theirs)
        if relation == "same" and slot.granularity == "range":
            score += SAME_RANGE_BONUS
        needed = {"near": NEAR_SIMILAR, "nested": NESTED_SIMILAR}.get(relation, SIMILAR)
        if any(a == article_id for a, _, _ in slot.citations):
            needed += SAME_ARTICLE_EXTRA
        if score >= needed and (best is None or score > best[0]):
            best = (score, slot)
    return best[1] if best else None


@lru_cache(maxsize=20_000)
def bag(text: str, focus: str) -> Bag:
    """Tokenising is the costly part of matching; the same quotes come back again and again."""
    return Bag.of(text, focus=focus)


def window(intervals: list[tuple[date, date]]) -> tuple[list[Q], date]:
    """Where the events that candidates dated `intervals` could belong to are stored.

    Each condition is a bounded range (or a few exact keys) on the (story, date_start,
    date_end) index, so the cost does not grow with the story: events starting within a
    candidate's interval (give or take a day or two), calendar periods that contain it
    (they start on known days), and free ranges that began at most RANGE_LOOKBACK before
    it. They are queried as a UNION, not an OR: SQLite cannot use the range index for an
    OR of ranges and would scan the story. Overlapping ranges are merged first.
    """
    slack = timedelta(days=NEAR_DAYS)
    inside = _merged([(start - slack, end + slack) for start, end in intervals])
    lookback = _merged([(start - RANGE_LOOKBACK, start) for start, _ in intervals])
    starts = sorted({day for start, _ in intervals for day in period_starts(start)})
    earliest = min(start for start, _ in intervals) - slack
    return [
        *(Q(date_start__gte=low, date_start__lte=high) for low, high in inside),
        Q(date_start__in=starts, granularity__in=GRANULARITY_ORDER[1:]),
        *(
            Q(granularity="range", date_start__gte=low, date_start__lte=high)
            for low, high in lookback
        ),
    ], earliest


def _merged(ranges: list[tuple[date, date]]) -> list[tuple[date, date]]:
    result: list[tuple[date, date]] = []
    for low, high in sorted(ranges):
        if result and low <= result[-1][1] + timedelta(days=1):
            result[-1] = (result[-1][0], max(result[-1][1], high))
        else:
            result.append((low, high))
    return result


def neighbours(*, story: Story, start: date, end: date) -> list[Slot]:
    return _load_slots(story, [(start, end)])


def neighbours_of(*, story: Story, candidates: list[Candidate]) -> list[Slot]:
    return _load_slots(story, sorted({(c.date_start, c.date_end) for c in candidates}))


_FIELDS = (
    "pk",
    "title",
    "date_start",
    "date_end",
    "granularity",
    "status",
    "date_kind",
    "merged_into_id",
)


def _load_slots(story: Story, intervals: list[tuple[date, date]]) -> list[Slot]:
    conditions, earliest = window(intervals)
    events = Event.objects.filter(story=story, date_end__gte=earliest).order_by()
    parts = [events.filter(condition).values_list(*_FIELDS) for condition in conditions]
    query = parts[0].union(*parts[1:]) if len(parts) > 1 else parts[0]
    rows = list(query.order_by("date_start", "pk")[:WINDOW_LIMIT])
    if not rows:
        return []
    slots = {row[0]: Slot(*row) for row in rows}
    for event_id, article_id, begin, quote in (
        Citation.objects.filter(event_id__in=list(slots))
        .order_by()
        .values_list("event_id", "article_id", "start", "quote")
    ):
        slots[event_id].citations.append((article_id, begin, quote))
    return list(slots.values())


def _save(story: Story, slots: list[Slot]) -> list[Event]:
    """Write what the batch decided: new events, new citations, refined dates."""
    fresh = [slot for slot in slots if slot.pk is None]
    created = Event.objects.bulk_create(
        [
            Event(
                story=story,
                title=slot.title,
                summary=slot.added[0].summary,
                date_start=slot.date_start,
                date_end=slot.date_end,
                granularity=slot.granularity,
                date_kind=slot.date_kind,
            )
            for slot in fresh
        ]
    )
    for slot, event in zip(fresh, created, strict=True):
        slot.pk = event.pk
    events = {event.pk: event for event in created}
    # Stored events may have been merged by an editor since: follow them to the survivor.
    targets = follow_merges([slot.pk for slot in slots if slot.pk not in events])
    citations = []
    for slot in slots:
        event = targets.get(slot.pk) or events[slot.pk]
        citations += [
            Citation(
                event=event,
                article=candidate.article,
                start=candidate.start,
                end=candidate.end,
                quote=candidate.quote,
                expression=candidate.expression,
            )
            for candidate in slot.added
        ]
    Citation.objects.bulk_create(citations, ignore_conflicts=True)
    for slot in slots:
        event = targets.get(slot.pk) or events[slot.pk]
        if event.status != Event.Status.PROPOSED:
            continue
        changed = []
        if slot.redated and event.pk == slot.pk:
            event.date_start, event.date_end = slot.date_start, slot.date_end
            event.granularity, event.date_kind = slot.granularity, slot.date_kind
            changed += ["date_start", "date_end", "granularity", "date_kind"]
        if slot.disputed or _figures_differ(slot.citations):
            disagreement = describe_disagreement(event)
            if disagreement != event.disagreement:
                event.disagreement = disagreement
                changed.append("disagreement")
        if changed:
            event.save(update_fields=[*changed, "updated_at"])
    return [targets.get(slot.pk) or events[slot.pk] for slot in slots]


def period_starts(day: date) -> list[date]:
    """The first days of the week, month, quarter, year and decade that contain `day`."""
    return [
        day - timedelta(days=day.weekday()),
        day.replace(day=1),
        date(day.year, (day.month - 1) // 3 * 3 + 1, 1),
        date(day.year, 1, 1),
        date(day.year - day.year % 10, 1, 1),
    ]


def date_relation(first: tuple[date, date], second: tuple[date, date]) -> str | None:
    """ "same", "nested" (one inside the other), "near" (days apart) or None."""
    if first == second:
        return "same"
    (a_start, a_end), (b_start, b_end) = first, second
    if (b_start <= a_start and a_end <= b_end) or (a_start <= b_start and b_end <= a_end):
        return "nested"
    if a_start == a_end and b_start == b_end and abs((a_start - b_start).days) <= NEAR_DAYS:
        return "near"
    return None


def follow_merges(pks: list[int]) -> dict[int, Event]:
    """The event that stands for each pk: itself, or the one it was (transitively) merged into."""
    found = Event.objects.in_bulk(pks)
    result = {}
    for pk, event in found.items():
        seen = {event.pk}
        while event.status == Event.Status.MERGED and event.merged_into_id not in seen:
            event = Event.objects.get(pk=event.merged_into_id)
            seen.add(event.pk)
        result[pk] = event
    return result


def _more_precise(candidate: Candidate, slot: Slot) -> bool:
    inside = slot.date_start <= candidate.date_start and candidate.date_end <= slot.date_end
    narrower = (candidate.date_end - candidate.date_start) < (slot.date_end - slot.date_start)
    return inside and narrower


def describe_disagreement(event: Event) -> str:
    """Where the event's sources give different dates or figures, in a sentence or two."""
    citations = list(
        Citation.objects.filter(event=event)
        .order_by("article_id", "start")
        .values_list(
            "article_id",
            "article__title",
            "quote",
            "expression__date_start",
            "expression__date_end",
            "expression__granularity",
        )
    )
    names = {article_id: _short(title) for article_id, title, *_ in citations}
    parts = []
    dates: dict[tuple[date, date, str], set[str]] = {}
    for article_id, _, _, start, end, granularity in citations:
        if start is None or end is None:
            continue
        inside = event.date_start <= start and end <= event.date_end
        around = start <= event.date_start and event.date_end <= end
        if not (inside or around):
            dates.setdefault((start, end, granularity), set()).add(names[article_id])
    if dates:
        ours = describe_interval(event.date_start, event.date_end, event.granularity)
        said = "; ".join(
            f"{describe_interval(*key)} ({', '.join(sorted(sources))})"
            for key, sources in sorted(dates.items())
        )
        parts.append(f"Sources differ on the date: {ours} vs {said}.")
    by_unit: dict[str, dict[int, set[float]]] = {}
    for article_id, _, quote, *_ in citations:
        for unit, values in figures_in(quote).items():
            by_unit.setdefault(unit, {}).setdefault(article_id, set()).update(values)
    for unit, per_article in sorted(by_unit.items()):
        claims: dict[float, list[str]] = {}
        for article_id, values in per_article.items():
            claims.setdefault(max(values), []).append(names[article_id])
        if len(claims) > 1:
            what = "the percentage" if unit == "percent" else f"the number of {unit}"
            said = " vs ".join(
                f"{_number(value)} ({', '.join(sorted(set(sources)))})"
                for value, sources in sorted(claims.items())
            )
            parts.append(f"Sources differ on {what}: {said}.")
    return " ".join(parts)


def _figures_differ(citations: list[tuple[int, int, str]]) -> bool:
    """Cheap test, on the quotes in hand, of whether describe_disagreement has work to do."""
    claims: dict[str, set[float]] = {}
    for _, _, quote in citations:
        for unit, values in figures_in(quote).items():
            claims.setdefault(unit, set()).add(max(values))
    return any(len(values) > 1 for values in claims.values())


def _number(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def _short(title: str) -> str:
    return title if len(title) <= 60 else title[:57].rstrip() + "…"
