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

from django.db.models import Prefetch, Q

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


def merge_candidates(*, story: Story, candidates: list[Candidate]) -> MergeOutcome:
    outcome = MergeOutcome()
    words_cache: dict[int, list[Bag]] = {}
    story_words = frozenset(content_tokens(story.title))
    backgrounds: dict[int, frozenset[str]] = {}
    for candidate in candidates:
        article = candidate.article
        if article.pk not in backgrounds:
            backgrounds[article.pk] = story_words | frequent_words(article)
        event = best_match(
            story=story,
            candidate=candidate,
            background=backgrounds[article.pk],
            words_cache=words_cache,
        )
        if event is None:
            event = _create_event(story, candidate)
            outcome.proposed += 1
        else:
            event = _attach(event, candidate)
            outcome.merged += 1
        words_cache.pop(event.pk, None)
        outcome.events.append(event)
    return outcome


def frequent_words(article: Article) -> frozenset[str]:
    """Words in a third or more of an article's sentences: its topic, not one event's."""
    sentences = split_sentences(article.body)
    if len(sentences) < 4:
        return frozenset()
    counts = Counter(token for s in sentences for token in content_tokens(s.text))
    return frozenset(token for token, n in counts.items() if n * 3 >= len(sentences))


def best_match(
    *,
    story: Story,
    candidate: Candidate,
    background: frozenset[str],
    words_cache: dict[int, list[Bag]] | None = None,
) -> Event | None:
    words_cache = {} if words_cache is None else words_cache
    mine = Bag.of(candidate.quote, focus=candidate.focus or candidate.title)
    best: tuple[float, Event] | None = None
    for event in neighbours(story=story, start=candidate.date_start, end=candidate.date_end):
        relation = date_relation(
            (candidate.date_start, candidate.date_end), (event.date_start, event.date_end)
        )
        if relation is None:
            continue
        if any(
            c.article_id == candidate.article.pk and c.start == candidate.start
            for c in event.citations.all()
        ):
            continue  # another date of the same sentence: a different event
        if event.pk not in words_cache:
            words_cache[event.pk] = _event_words(event)
        # Single link: a report joins an event when it reads like one of its citations.
        score = max(
            similarity(mine, theirs, background=background)
            for theirs in words_cache[event.pk]
        )
        if relation == "same" and event.granularity == "range":
            score += SAME_RANGE_BONUS
        needed = {"near": NEAR_SIMILAR, "nested": NESTED_SIMILAR}.get(relation, SIMILAR)
        if any(c.article_id == candidate.article.pk for c in event.citations.all()):
            needed += SAME_ARTICLE_EXTRA
        if score >= needed and (best is None or score > best[0]):
            best = (score, event)
    return best[1] if best else None


def neighbours(*, story: Story, start: date, end: date) -> list[Event]:
    """The story's events a candidate dated `start..end` could belong to.

    Every branch is a bounded range on the (story, date_start, date_end) index, so the
    cost does not grow with the story: events starting within the candidate's interval
    (or a day or two around it), calendar periods that contain it (they start on known
    days), and free ranges that began at most RANGE_LOOKBACK before it.
    """
    slack = timedelta(days=NEAR_DAYS)
    inside = Q(date_start__gte=start - slack, date_start__lte=end + slack)
    periods = Q(date_start__in=period_starts(start), granularity__in=GRANULARITY_ORDER[1:])
    ranges = Q(granularity="range", date_start__gte=start - RANGE_LOOKBACK, date_start__lt=start)
    citations = Citation.objects.order_by().only("id", "event_id", "article_id", "quote")
    return list(
        Event.objects.filter(story=story)
        .filter(inside | periods | ranges)
        .filter(date_end__gte=start - slack)
        .select_related("merged_into")
        .prefetch_related(Prefetch("citations", queryset=citations))
        .order_by("date_start", "id")[:WINDOW_LIMIT]
    )


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
    """"same", "nested" (one inside the other), "near" (days apart) or None."""
    if first == second:
        return "same"
    (a_start, a_end), (b_start, b_end) = first, second
    if (b_start <= a_start and a_end <= b_end) or (a_start <= b_start and b_end <= a_end):
        return "nested"
    if a_start == a_end and b_start == b_end and abs((a_start - b_start).days) <= NEAR_DAYS:
        return "near"
    return None


def _event_words(event: Event) -> list[Bag]:
    """The event as its citations tell it, and as its title says (editors retitle events;
    merged-away events keep only their title)."""
    return [Bag.of(event.title, focus=event.title)] + [
        Bag.of(c.quote, focus=make_title(c.quote)) for c in event.citations.all()
    ]


def _create_event(story: Story, candidate: Candidate) -> Event:
    event = Event.objects.create(
        story=story,
        title=candidate.title[:300],
        summary=candidate.summary,
        date_start=candidate.date_start,
        date_end=candidate.date_end,
        granularity=candidate.granularity,
        date_kind=candidate.date_kind,
    )
    _cite(event, candidate)
    return event


def _attach(event: Event, candidate: Candidate) -> Event:
    target = follow_merges(event)
    _cite(target, candidate)
    if target.status != Event.Status.PROPOSED:
        return target  # an editor has decided on this event: only the citation is new
    changed = []
    # What happened outranks what was planned; otherwise the most precise date wins.
    came_true = target.date_kind == Event.DateKind.PLANNED and candidate.date_kind != (
        Event.DateKind.PLANNED
    )
    if came_true or _more_precise(candidate, target):
        target.date_start = candidate.date_start
        target.date_end = candidate.date_end
        target.granularity = candidate.granularity
        changed += ["date_start", "date_end", "granularity"]
    if came_true:
        target.date_kind = candidate.date_kind
        changed.append("date_kind")
    disagreement = describe_disagreement(target)
    if disagreement != target.disagreement:
        target.disagreement = disagreement
        changed.append("disagreement")
    if changed:
        target.save(update_fields=[*changed, "updated_at"])
    return target


def follow_merges(event: Event) -> Event:
    seen = {event.pk}
    while event.status == Event.Status.MERGED and event.merged_into_id:
        event = Event.objects.get(pk=event.merged_into_id)
        if event.pk in seen:
            break
        seen.add(event.pk)
    return event


def _cite(event: Event, candidate: Candidate) -> None:
    Citation.objects.get_or_create(
        event=event,
        article=candidate.article,
        start=candidate.start,
        defaults={
            "end": candidate.end,
            "quote": candidate.quote,
            "expression": candidate.expression,
        },
    )


def _more_precise(candidate: Candidate, event: Event) -> bool:
    inside = event.date_start <= candidate.date_start and candidate.date_end <= event.date_end
    narrower = (candidate.date_end - candidate.date_start) < (event.date_end - event.date_start)
    return inside and narrower


def describe_disagreement(event: Event) -> str:
    """Where the event's sources give different dates or figures, in a sentence or two."""
    citations = list(
        Citation.objects.filter(event=event)
        .select_related("article", "expression")
        .order_by("article_id", "start")
    )
    parts = []
    dates: dict[tuple[date, date, str], list[str]] = {}
    for citation in citations:
        expression = citation.expression
        if expression is None or expression.date_start is None:
            continue
        inside = event.date_start <= expression.date_start and expression.date_end <= (
            event.date_end
        )
        around = expression.date_start <= event.date_start and event.date_end <= (
            expression.date_end
        )
        if not (inside or around):
            key = (expression.date_start, expression.date_end, expression.granularity)
            dates.setdefault(key, []).append(_source(citation.article))
    if dates:
        said = "; ".join(
            f"{describe_interval(*key)} ({', '.join(sorted(set(sources)))})"
            for key, sources in sorted(dates.items())
        )
        parts.append(
            f"Sources differ on the date: {describe_interval(event.date_start, event.date_end, event.granularity)} "
            f"vs {said}."
        )
    by_unit: dict[str, dict[int, set[float]]] = {}
    for citation in citations:
        for unit, values in figures_in(citation.quote).items():
            by_unit.setdefault(unit, {}).setdefault(citation.article_id, set()).update(values)
    names = {c.article_id: _source(c.article) for c in citations}
    for unit, per_article in sorted(by_unit.items()):
        if len(per_article) < 2:
            continue
        claims = {article_id: max(values) for article_id, values in per_article.items()}
        if len(set(claims.values())) > 1:
            said = " vs ".join(
                f"{_number(value)} ({names[article_id]})"
                for article_id, value in sorted(claims.items(), key=lambda item: item[1])
            )
            parts.append(f"Sources differ on the number of {unit}: {said}.")
    return " ".join(parts)


def _number(value: float) -> str:
    return f"{int(value):,}" if value.is_integer() else f"{value:,}"


def _source(article: Article) -> str:
    title = article.title
    return title if len(title) <= 60 else title[:57].rstrip() + "…"
