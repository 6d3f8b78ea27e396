"""The review queue: an editor goes through a story's proposed events one key at a time.

Each proposed event is shown with its quotes in context, how its date was read, and the
few most similar other events of the story (same dates or same words), so that approving,
rejecting, fixing a date or merging a duplicate is one decision, not an admin page each.
Every decision is in the admin's history (LogEntry) with who made it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from django import forms
from django.contrib import messages
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from articles.models import Article, Granularity, Story
from articles.reading import quote_in_context
from timeline.curation import merge_events
from timeline.keywords import content_tokens
from timeline.models import Citation, Event

QUEUE_PAGE = 10
MAX_PAGE = 10_000
SIMILAR_SHOWN = 3
# Events this many days either side of a page's dates are looked at as its neighbours.
NEAR = timedelta(days=30)
CLOSE_DAYS = 7  # two events starting this close may be one the sources date differently
# At most this many events are compared with a page's (a day with a crowd of events).
NEIGHBOUR_ROWS = 200
ACTIONS = ("approve", "reject", "edit", "merge")


@lru_cache(maxsize=8192)
def title_words(title: str) -> frozenset[str]:
    """The words of a title that carry meaning, as clustering compares them (stems); kept,
    since every page compares hundreds of titles that the next page compares again."""
    return frozenset(token for token in content_tokens(title) if not token.startswith("#"))


@dataclass(frozen=True)
class Neighbour:
    """Another event of the story beside a proposed one, and why it is there."""

    pk: int
    title: str
    display_date: str
    status: str
    reasons: str
    score: float

    @property
    def url(self) -> str:
        return reverse("timeline:event", args=[self.pk])


def similarity(
    dates: tuple[date, date],
    words: frozenset[str],
    other: tuple[date, date],
    theirs: frozenset[str],
) -> tuple[float, list[str]]:
    """How alike two events are by their dates (start, end) and their titles' words (as
    `title_words` gives them, worked out once per title by the caller), with the reasons."""
    reasons = []
    score = 0.0
    if dates == other:
        score += 1.0
        reasons.append("same dates")
    elif dates[0] <= other[1] and other[0] <= dates[1]:
        score += 0.6
        reasons.append("overlapping dates")
    elif abs((dates[0] - other[0]).days) <= CLOSE_DAYS:
        score += 0.2
        reasons.append("within a week")
    shared = words & theirs
    if shared:
        score += 1.5 * len(shared) / len(words | theirs)
        reasons.append("same words: " + ", ".join(sorted(shared)[:4]))
    return score, reasons


def attach_neighbours(events: list[Event], *, story: Story) -> None:
    """Each event's most similar others as `event.neighbours`: one query for the page, and
    each title read once (a page is compared with hundreds of events)."""
    for event in events:
        event.neighbours = []
    if not events:
        return
    start = min(e.date_start for e in events) - NEAR
    end = max(e.date_end for e in events) + NEAR
    rows = list(
        Event.objects.for_story(story)
        .filter(status__in=[Event.Status.PROPOSED, Event.Status.APPROVED])
        .overlapping(start, end)
        .order_by("date_start", "id")
        .values_list("pk", "title", "date_start", "date_end", "granularity", "status")[
            :NEIGHBOUR_ROWS
        ]
    )
    words = {row[0]: title_words(row[1]) for row in rows}
    for event in events:
        mine = words[event.pk] if event.pk in words else title_words(event.title)
        dates = (event.date_start, event.date_end)
        scored = []
        for pk, title, other_start, other_end, granularity, status in rows:
            if pk == event.pk:
                continue
            # Neither overlapping dates nor a shared word: below the bar, whatever else.
            if (other_start > dates[1] or dates[0] > other_end) and mine.isdisjoint(words[pk]):
                continue
            score, reasons = similarity(dates, mine, (other_start, other_end), words[pk])
            if score >= 0.5:
                scored.append(
                    (score, pk, title, other_start, other_end, granularity, status, reasons)
                )
        scored.sort(key=lambda n: (-n[0], n[1]))
        event.neighbours = [
            Neighbour(
                pk,
                title,
                Event(date_start=first, date_end=last, granularity=granularity).display_date,
                status,
                "; ".join(reasons),
                score,
            )  # fmt: skip
            for score, pk, title, first, last, granularity, status, reasons in scored[
                :SIMILAR_SHOWN
            ]
        ]


def attach_quotes(events: list[Event]) -> None:
    """Each event's citations as `event.quotes`, their sentence in context and the date
    expression that dated them: two queries (citations, then the articles' texts once)."""
    by_event: dict[int, list[Citation]] = {event.pk: [] for event in events}
    citations = list(
        Citation.objects.filter(event_id__in=by_event)
        .select_related("expression")
        .order_by("event_id", "article_id", "start")
    )
    articles = {
        a.pk: a
        for a in Article.objects.filter(pk__in={c.article_id for c in citations}).only(
            "pk", "title", "outlet", "published_on", "body"
        )
    }
    for citation in citations:
        article = articles[citation.article_id]
        citation.source = article
        citation.before, citation.quoted, citation.after = quote_in_context(
            article.body, citation.start, citation.end
        )
        by_event[citation.event_id].append(citation)
    for event in events:
        event.quotes = sorted(
            by_event[event.pk], key=lambda c: (c.source.published_on, c.article_id, c.start)
        )


def attach_action_urls(events: list[Event], *, story: Story) -> None:
    """Each event's action addresses as `event.action_urls`, built from the first event's
    (the same pattern with another id): a page has a hundred of them."""
    if not events:
        return
    first = events[0].pk
    patterns = {
        action: reverse(f"timeline:review-{action}", args=[story.slug, first]).replace(
            f"/{first}/", "/{}/"
        )
        for action in ACTIONS
    }
    for event in events:
        event.action_urls = {action: url.format(event.pk) for action, url in patterns.items()}


def progress(story: Story) -> dict:
    """How many of the story's events an editor has decided on, of all of them."""
    counts = Event.objects.for_story(story).aggregate(
        total=Count("pk"), proposed=Count("pk", filter=Q(status=Event.Status.PROPOSED))
    )
    return {"total": counts["total"], "reviewed": counts["total"] - counts["proposed"]}


def queue_page(story: Story, page: int) -> tuple[list[Event], bool]:
    """One page of the story's proposed events in date order, ready to show."""
    offset = (page - 1) * QUEUE_PAGE
    # The page's ids first (an index-only scan, however deep the page), then their rows.
    ids = list(
        Event.objects.for_story(story)
        .filter(status=Event.Status.PROPOSED)
        .chronological()
        .values_list("pk", flat=True)[offset : offset + QUEUE_PAGE + 1]
    )
    rows = Event.objects.in_bulk(ids)
    events = [rows[pk] for pk in ids if pk in rows]
    has_more = len(events) > QUEUE_PAGE
    events = events[:QUEUE_PAGE]
    attach_quotes(events)
    attach_neighbours(events, story=story)
    attach_action_urls(events, story=story)
    return events, has_more


class EventEditForm(forms.ModelForm):
    """The title and dates, as the queue edits them inline (the model validates them)."""

    class Meta:
        model = Event
        fields = ["title", "date_start", "date_end", "granularity"]
        widgets = {
            "date_start": forms.DateInput(attrs={"type": "date"}),
            "date_end": forms.DateInput(attrs={"type": "date"}),
        }


def one_line(errors: dict) -> str:
    return " ".join(str(m) for field_errors in errors.values() for m in field_errors)


def log(user, event: Event, message: str) -> None:
    """The admin's history of `event`: who decided what."""
    LogEntry.objects.log_actions(
        user_id=user.pk, queryset=[event], action_flag=CHANGE, change_message=message,
        single_object=True,
    )  # fmt: skip


@transaction.atomic
def set_status(events: list[Event], status: str, *, user, where: str = "") -> int:
    """Approve or reject `events` (merged ones stay merged), each decision logged."""
    events = [e for e in events if e.status != Event.Status.MERGED]
    Event.objects.filter(pk__in=[e.pk for e in events]).update(status=status)
    for event in events:
        event.status = status
        log(user, event, f"Status set to {status}{where}.")
    return len(events)


@transaction.atomic
def edit_event(event: Event, data, *, user) -> str:
    """Save a new title or dates; the reason it cannot, as one line (and nothing saved)."""
    form = EventEditForm(data, instance=event)
    if not form.is_valid():
        event.refresh_from_db()
        return one_line(form.errors)
    if "title" in form.changed_data:
        event.title_edited = True  # an editor's title stands against later ingests
    form.save()
    changed = ", ".join(form.changed_data) or "nothing"
    log(user, event, f"Changed {changed} in the review queue.")
    return ""


@transaction.atomic
def merge_into(event: Event, target: Event, *, user) -> None:
    """`event`'s citations move onto `target`, which survives with its title."""
    moved = merge_events(survivor=target, others=[event])
    log(user, event, f"Merged into event {target.pk} “{target.title}” in the review queue.")
    log(user, target, f"Absorbed event {event.pk}, {moved} citation(s), in the review queue.")


def read_page(request: HttpRequest) -> int:
    text = request.GET.get("page", "1").strip()
    return int(text) if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_PAGE else 1


@staff_member_required
@require_GET
def review_queue(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    page = read_page(request)
    events, has_more = queue_page(story, page)
    context = {
        "story": story,
        "events": events,
        "progress": progress(story),
        "page": page,
        "next_page": page + 1 if has_more else None,
        "previous_page": page - 1 if page > 1 else None,
        "granularities": Granularity.choices,
    }
    return render(request, "review.html", context)


def answer(request: HttpRequest, story: Story, event: Event, *, error: str = "", done: str = ""):
    """htmx: the event's item again and the progress line; without it, back to the queue."""
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif done:
            messages.success(request, done)
        return redirect(f"{reverse('timeline:review', args=[story.slug])}#review-{event.pk}")
    attach_quotes([event])
    attach_neighbours([event], story=story)
    attach_action_urls([event], story=story)
    context = {
        "story": story,
        "event": event,
        "error": error,
        "done": done,
        "progress": progress(story),
        "granularities": Granularity.choices,
        "oob": True,
    }
    html = render_to_string("review.html#item", context, request) + render_to_string(
        "review.html#progress", context, request
    )
    return HttpResponse(html)


@staff_member_required
@require_POST
def review_action(request: HttpRequest, slug: str, pk: int, action: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    if action not in ACTIONS:
        raise Http404(f"No such review action: use one of {', '.join(ACTIONS)}.")
    event = get_object_or_404(Event, story=story, pk=pk)
    if event.status == Event.Status.MERGED:
        return answer(request, story, event, error="This event was merged already.")
    if action in ("approve", "reject"):
        status = Event.Status.APPROVED if action == "approve" else Event.Status.REJECTED
        set_status([event], status, user=request.user, where=" in the review queue")
        return answer(request, story, event, done=f"{status.label.capitalize()}: “{event.title}”.")
    if action == "edit":
        error = edit_event(event, request.POST, user=request.user)
        return answer(request, story, event, error=error, done="" if error else "Saved.")
    into = request.POST.get("into", "").strip()
    target = (
        Event.objects.for_story(story).current().filter(pk=int(into)).first()
        if into.isascii() and into.isdigit() and len(into) < 12
        else None
    )
    if target is None or target.pk == event.pk:
        return answer(
            request, story, event, error="Choose another event of this story to merge into."
        )
    try:
        merge_into(event, target, user=request.user)
    except ValidationError as failure:
        event.refresh_from_db()
        return answer(request, story, event, error=" ".join(failure.messages))
    event.refresh_from_db()
    return answer(request, story, event, done=f"Merged into “{target.title}”.")


@staff_member_required
@require_POST
def review_bulk(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    action = request.POST.get("action", "")
    ids = [
        int(v) for v in request.POST.getlist("event") if v.isascii() and v.isdigit() and len(v) < 12
    ]
    queue = reverse("timeline:review", args=[story.slug])
    if action not in ("approve", "reject"):
        messages.error(request, "Choose “Approve selected” or “Reject selected”.")
    elif not ids:
        messages.error(request, "Select one or more events first.")
    else:
        status = Event.Status.APPROVED if action == "approve" else Event.Status.REJECTED
        events = list(Event.objects.for_story(story).filter(pk__in=ids))
        count = set_status(events, status, user=request.user, where=" in the review queue")
        messages.success(request, f"{status.label.capitalize()}: {count} event(s).")
    page = read_page(request)
    target = f"{queue}?page={page}" if page > 1 else queue
    return redirect(target)
