from __future__ import annotations

from django.db import DatabaseError, connection
from django.db.models import Count, Max, Min
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.models import Article, Story
from timeline.filters import parse_filters
from timeline.models import Event

PAGE_SIZE = 50


def wants_fragment(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_page(
    request: HttpRequest, template: str, fragment: str, context: dict
) -> HttpResponse:
    """The whole page, or only the named partial when htmx asks for it."""
    name = f"{template}#{fragment}" if wants_fragment(request) else template
    response = render(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    stories = list(Story.objects.annotate(event_count=Count("events")))
    if len(stories) == 1:
        return story_timeline(request, stories[0].slug)
    return render(request, "stories.html", {"stories": stories})


@require_GET
def story_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    filters = parse_filters(request.GET)
    page = read_page(request, filters.errors)
    events = filters.apply(Event.objects.for_story(story).current())
    extent = events.aggregate(
        count=Count("id", distinct=True), first=Min("date_start"), last=Max("date_end")
    )
    offset = (page - 1) * PAGE_SIZE
    window = list(
        events.with_source_count()
        .with_citations()
        .chronological()[offset : offset + PAGE_SIZE + 1]
    )
    sources = Article.objects.filter(story=story).annotate(
        event_count=Count("citations__event", distinct=True)
    )
    context = {
        "story": story,
        "filters": filters,
        "events": window[:PAGE_SIZE],
        "extent": extent,
        "source_count": len({c.article_id for e in window for c in e.citations.all()}),
        "sources": sources,
        "next_page": page + 1 if len(window) > PAGE_SIZE else None,
        "page": page,
    }
    if request.htmx and request.GET.get("page") and not request.htmx.history_restore_request:
        return render_page(request, "timeline.html", "more", context)
    return render_page(request, "timeline.html", "results", context)


def read_page(request: HttpRequest, errors: list[str]) -> int:
    text = request.GET.get("page", "1").strip() or "1"
    if text.isdigit() and 1 <= int(text) <= 100_000:
        return int(text)
    errors.append("“page” must be a whole number from 1.")
    return 1


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.select_related("story", "merged_into").with_citations(), pk=pk
    )
    return render_page(request, "event.html", "citations", {"event": event})


@never_cache
@require_GET
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
