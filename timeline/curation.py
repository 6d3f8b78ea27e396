"""Editors' corrections of what ingest proposed: splitting an event by source, merging
events into the one the editor chooses. Both leave events as ingest would have made them
from the citations they end up with."""

from __future__ import annotations

from django.db import transaction

from articles.models import Article
from timeline.cluster import Slot, describe_disagreement
from timeline.extract import Candidate, extract_events
from timeline.models import Citation, Event


def candidates_cited(article: Article, starts: set[int]) -> list[Candidate]:
    """What ingest reads from `article` at the cited sentences, in text order: the same
    extraction, so a piece of a split is dated and titled as ingest would date it."""
    expressions = list(article.expressions.all())
    candidates = extract_events(article=article, expressions=expressions)
    return [c for c in candidates if c.start in starts]


def derive(event: Event, citations: list[Citation]) -> None:
    """Set `event`'s date, precision, kind, title and summary from its own `citations`, as
    clustering sets them from the reports it joins (`Slot`). A citation ingest would not
    have read as an event (an editor's) leaves the event as it is."""
    candidates = []
    for article in {c.article_id: c.article for c in citations}.values():
        starts = {c.start for c in citations if c.article_id == article.pk}
        candidates += candidates_cited(article, starts)
    if not candidates:
        return
    candidates.sort(key=lambda c: (c.article.published_on, c.article.pk, c.start))
    slot = Slot.of(candidates[0])
    for candidate in candidates[1:]:
        slot.add(candidate)
    event.date_start, event.date_end = slot.date_start, slot.date_end
    event.granularity, event.date_kind = slot.granularity, slot.date_kind
    event.background = slot.background
    if not event.title_edited:
        event.title, event.match_title = slot.title, slot.match_title
    event.summary = candidates[0].summary


@transaction.atomic
def split_by_source(*, event: Event) -> list[Event]:
    """One event per article `event` cites: the first article's citations stay, each other
    article's move to a new proposed event. Every piece, the original included, is dated,
    titled and summed up again from its own citations. Returns the new events."""
    citations = list(
        event.citations.select_related("article").order_by(
            "article__published_on", "article_id", "start"
        )
    )
    by_article: dict[int, list[Citation]] = {}
    for citation in citations:
        by_article.setdefault(citation.article_id, []).append(citation)
    if len(by_article) < 2:
        return []
    groups = list(by_article.values())
    pieces = []
    for group in groups[1:]:
        piece = Event(story_id=event.story_id, status=Event.Status.PROPOSED, title=event.title,
                      date_start=event.date_start, date_end=event.date_end,
                      granularity=event.granularity, date_kind=event.date_kind)  # fmt: skip
        derive(piece, group)
        piece.save()
        Citation.objects.filter(pk__in=[c.pk for c in group]).update(event=piece)
        pieces.append(piece)
    derive(event, groups[0])
    event.save()
    for piece in [event, *pieces]:
        disagreement = describe_disagreement(piece)
        if disagreement != piece.disagreement:
            piece.disagreement = disagreement
            piece.save(update_fields=["disagreement", "updated_at"])
    return pieces


@transaction.atomic
def merge_events(*, survivor: Event, others: list[Event]) -> int:
    """`others` merge into `survivor`, which the editor chose and which keeps its title and
    dates; the sources' disagreement is described again. Returns citations moved."""
    moved = survivor.absorb(others)
    survivor.refresh_from_db()
    disagreement = describe_disagreement(survivor)
    if disagreement != survivor.disagreement:
        survivor.disagreement = disagreement
        survivor.save(update_fields=["disagreement", "updated_at"])
    return moved
