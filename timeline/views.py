from __future__ import annotations

import functools
import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from urllib.parse import quote, urlencode, urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache, caches
from django.core.exceptions import EmptyResultSet
from django.db import DatabaseError, connection, connections
from django.db.models import (
    Count,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.defaultfilters import pluralize
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.formats import date_format
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_safe
from django_htmx.http import push_url

from articles.models import Article, Granularity, Story
from articles.reading import quote_in_context
from timeline.exports import (
    FORMATS,
    TIMELINEJS_GROUPS,
    absolute_url,
    events_for_export,
    export,
)
from timeline.filters import DEFAULT_STATUSES, TimelineFilters, parse_filters
from timeline.keywords import STOPWORDS, WEAK_WORDS, word_set
from timeline.middleware import frameable_by_embed_origins
from timeline.models import Citation, Event, EventQuerySet, is_editor, visibility
from timeline.overview import count_by_day, draw_overview
from timeline.periods import BadPeriod, parse_period
from timeline.templatetags.timeline_tags import highlight, mentions

PAGE_SIZE = 50
URL_SLOT = 987654321  # reversed once, then replaced by each event's or article's id
MAX_PAGE = 100_000
# Period chips beyond this many (months, years or decades) are left to the overview strip.
MAX_PRESETS = 12
# The search box's example words come from this many of the story's titles.
TITLES_FOR_EXAMPLES = 2000
# A word worth suggesting: letters only, four or more of them.
EXAMPLE_WORD = re.compile(r"[^\W\d_]{4,}")
NOT_EXAMPLES = STOPWORDS | word_set(WEAK_WORDS)
# Events whose date is coarser than a month sit under their year, not under January.
COARSE = {"quarter", "year", "decade"}


# Story-level figures (source list, month counts, the whole story's extent) and whole
# rendered pages are cached per process, keyed on the story's `change_stamp`, which
# changes with anything they show; this only frees memory.
SUMMARY_SECONDS = 300
# The filter panel lists this many sources (those cited by most events), plus any chosen.
SOURCES_SHOWN = 30
# Rendered event cards are kept this long (their key changes whenever what they show does).
CARD_SECONDS = 3600
# Whole rendered pages, keyed on the story's change stamp and the request (see story_timeline).
pages = caches["pages"]


@dataclass(frozen=True)
class Source:
    """An article as the filter panel lists it, with how many events of the story cite it."""

    pk: int
    title: str
    outlet: str
    published_on: date
    event_count: int
    published_label: str = ""  # “21 Oct” (“21 Oct 2024”), formatted once for every page


@dataclass(frozen=True)
class Bound:
    """The first or last event's date and precision, for the results line's reach."""

    date_start: date
    date_end: date
    granularity: str


def stamped(stories: QuerySet[Story]) -> QuerySet[Story]:
    """Stories with what their cache stamp is made of besides `revision`, read in the same
    query as the story: what new rows change (its latest event update, bumped by bulk updates
    too, see EventQuerySet.update; its newest article; the newest citation anywhere), each an
    index probe. Edits and deletions bump `revision` (see `StoryRowQuerySet`)."""
    return stories.order_by().annotate(
        stamp_changed=Subquery(
            Event.objects.filter(story=OuterRef("pk"))
            .order_by("-updated_at")
            .values("updated_at")[:1]
        ),
        stamp_last_article=Subquery(
            Article.objects.filter(story=OuterRef("pk")).order_by("-pk").values("pk")[:1]
        ),
        stamp_last_citation=Subquery(Citation.objects.order_by("-pk").values("pk")[:1]),
    )


# What a timeline reads of its story (the rest stays deferred).
STORY_FIELDS = ("id", "slug", "title", "revision", "show_proposed")
# Stands for the slug in the SQL of `stamped()`, which is compiled once per process.
SLUG_SLOT = "story-slug-slot"


@functools.cache
def stamped_story_sql() -> tuple[str, tuple]:
    """The SQL of `stamped()` for one story: the ORM took three times longer to build it than
    the database to answer it, on every request, cached pages included."""
    stories = Story.objects.only(*STORY_FIELDS).filter(slug=SLUG_SLOT)
    return stamped(stories).query.sql_with_params()


def get_stamped_story(slug: str) -> Story:
    """The story, with its `change_stamp`: anything a timeline of it shows changes the
    stamp (see `stamped()`). One row, or 404."""
    sql, params = stamped_story_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, [slug if param == SLUG_SLOT else param for param in params])
        row = cursor.fetchone()
        columns = [column[0] for column in cursor.description]
    if row is None:
        raise Http404("No story here.")
    values = dict(zip(columns, row, strict=True))
    story = Story.from_db(connection.alias, STORY_FIELDS, [values[f] for f in STORY_FIELDS])
    story.change_stamp = "/".join(str(value) for value in row)
    return story


def cached(story: Story, stamp: str, name: str, variant: str, compute, *, store=cache):
    digest = hashlib.sha256(f"{stamp}|{variant}".encode()).hexdigest()[:32]
    key = f"timeline:{story.pk}:{name}:{digest}"
    value = store.get(key)
    if value is None:
        value = compute()
        store.set(key, value, SUMMARY_SECONDS)
    return value


def extent_of(events: EventQuerySet) -> dict:
    """How many events match, from how many sources, and their reach, in one query that
    reads the matching events once (a CTE) for the count, the reach and their citations.
    As two ORM aggregates, the filter ran twice: 4.7 ms against 8.7 ms at 100,000 events."""
    extent = {"count": 0, "sources": 0, "first_event": None, "last_event": None}
    matched = events.order_by().values("pk", "date_start", "date_end", "granularity")
    try:
        matched_sql, params = matched.query.sql_with_params()
    except EmptyResultSet:  # filters that can match nothing (“from” after “to”)
        return extent
    database = connections[events.db]
    citations = database.ops.quote_name(Citation._meta.db_table)
    day_and_precision = "CAST({} AS TEXT) || ' ' || granularity"  # sorts by the day first
    sql = f"""
        WITH matched (id, date_start, date_end, granularity) AS ({matched_sql})
        SELECT
            (SELECT COUNT(*) FROM matched),
            (SELECT MIN({day_and_precision.format("date_start")}) FROM matched),
            (SELECT MAX({day_and_precision.format("date_end")}) FROM matched),
            (SELECT COUNT(DISTINCT cited.article_id)
             FROM {citations} cited JOIN matched ON matched.id = cited.event_id)
    """
    with database.cursor() as cursor:
        cursor.execute(sql, params)
        count, first, last, sources = cursor.fetchone()
    extent.update(count=count, sources=sources)
    if count:
        first_day, first_granularity = first.split(" ", 1)
        last_day, last_granularity = last.split(" ", 1)
        first, last = date.fromisoformat(first_day), date.fromisoformat(last_day)
        extent["first_event"] = Bound(first, first, first_granularity)
        extent["last_event"] = Bound(last, last, last_granularity)
    return extent


def story_summary(story: Story, statuses: list[str]) -> dict:
    """Every source with how many events of `statuses` cite it, and the story's end."""
    counts = (
        Article.objects.filter(story=story)
        .order_by("published_on", "id")
        .values_list("id", "title", "outlet", "published_on")
        .annotate(
            event_count=Count(
                "citations__event",
                filter=Q(citations__event__status__in=statuses),
                distinct=True,
            )
        )
    )
    shown = Event.objects.for_story(story).current().with_status(statuses)
    reach = shown.order_by().aggregate(first=Min("date_start"), last=Max("date_end"))
    titles = shown.order_by("id").values_list("title", flat=True)[:TITLES_FOR_EXAMPLES]
    counts = list(counts)
    days = [row[3] for row in counts] + [reach["first"], reach["last"]]
    with_year = spans_years(days)
    label = day_month_year if with_year else day_month
    sources = [Source(*row, published_label=label(row[3])) for row in counts]
    return {
        "sources": sources,
        "first": reach["first"],
        "last": reach["last"],
        "search_words": search_examples(titles),
        "spans_years": with_year,
    }


def spans_years(days: Iterable[date | None]) -> bool:
    """Whether these days (a story's publications and its events' reach) fall in more than
    one calendar year: then a day without its year (“12 Mar”) could be any of them."""
    return len({day.year for day in days if day is not None}) > 1


def day_month(day: date) -> str:
    return date_format(day, "j M")


def day_month_year(day: date) -> str:
    return date_format(day, "j M Y")


def search_examples(titles: Iterable[str], count: int = 2) -> list[str]:
    """The words the story's titles use most (lower case, no stop words): what the search
    box suggests, so that it speaks of the story shown and of no other."""
    counts: Counter[str] = Counter()
    for title in titles:
        counts.update(
            {
                word.lower()
                for word in EXAMPLE_WORD.findall(title)
                if word.lower() not in NOT_EXAMPLES
            }
        )
    return [word for word, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:count]]


def placeholders(summary: dict) -> dict:
    """The search and date boxes' examples, from the story's own words and dates."""
    first, last = summary["first"], summary["last"]
    words = summary["search_words"]
    return {
        "q": f"{', '.join(words)}…" if words else "a word from a title",
        "from": (first.strftime("%Y" if (first.month, first.day) == (1, 1) else "%Y-%m"))
        if first
        else "YYYY-MM",  # a year-dated start (1 January) is shown as its year
        "to": last.isoformat() if last else "YYYY-MM-DD",
    }


def shown_sources(
    sources: list[Source], filters: TimelineFilters, *, show_all: bool
) -> list[Source]:
    """The sources cited by most events (and the chosen ones), in publication order."""
    if show_all or len(sources) <= SOURCES_SHOWN:
        return sources
    busiest = sorted(sources, key=lambda s: (-s.event_count, s.published_on, s.pk))
    keep = {s.pk for s in busiest[:SOURCES_SHOWN]} | set(filters.sources)
    return [s for s in sources if s.pk in keep]


# Said on a public page whose address asks for a status: only editors choose by status.
STATUS_NOTE = "The status filter is for editors: showing the published events."


def filters_for(request: HttpRequest) -> TimelineFilters:
    """The request's filters, as this visitor may use them: a status asked for by anyone
    but an editor is dropped (with `STATUS_NOTE` among `notes`), so it neither filters nor
    reaches a link the page writes."""
    filters = parse_filters(request.GET)
    filters.notes = []
    if not is_editor(request.user) and "status" in request.GET:
        filters.statuses = []
        filters.raw.pop("status", None)
        filters.errors = [e for e in filters.errors if not e.startswith("“status”")]
        filters.notes.append(STATUS_NOTE)
    return filters


def summary_statuses(user, story: Story) -> list[str]:
    """Whose events the source list counts: the timeline's default view for this visitor."""
    if is_editor(user):
        return DEFAULT_STATUSES
    return [status for status in DEFAULT_STATUSES if status in story.public_statuses()]


def wants_fragment(request: HttpRequest) -> bool:
    return bool(request.htmx) and not request.htmx.history_restore_request


def render_page(request: HttpRequest, template: str, fragment: str, context: dict) -> HttpResponse:
    """The whole page, or only the named partial when htmx asks for it."""
    name = f"{template}#{fragment}" if wants_fragment(request) else template
    response = render(request, name, context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    # The only story's timeline without counting its events first (a scan of all of them).
    slugs = list(Story.objects.order_by().values_list("slug", flat=True)[:2])
    if len(slugs) == 1:
        return story_timeline(request, slugs[0])
    stories = list(Story.objects.all())
    by_status = (
        Event.objects.current().order_by().values_list("story", "status").annotate(n=Count("pk"))
    )
    counts: Counter[int] = Counter()
    shown = {story.pk: story for story in stories}
    for story_id, status, n in by_status:
        story = shown.get(story_id)
        if story and (is_editor(request.user) or status in story.public_statuses()):
            counts[story_id] += n
    for story in stories:
        story.event_count = counts[story.pk]
    return render(request, "stories.html", {"stories": stories})


@dataclass(frozen=True)
class CardCitation:
    """What an event card shows of one of its citations: the source, not its whole text."""

    pk: int
    article_id: int
    start: int
    quote: str
    article_title: str
    outlet: str
    published_on: date


def attach_citations(events: list[Event]) -> None:
    """Each event's citations as `event.cited`, in the order its card lists them: one query
    of plain rows (model instances for a page's hundred citations cost more than the query)."""
    cited: dict[int, list[CardCitation]] = {event.pk: [] for event in events}
    rows = (
        Citation.objects.filter(event_id__in=cited)
        .order_by("article__published_on", "article_id", "start")
        .values_list(
            "event_id", "pk", "article_id", "start", "quote",
            "article__title", "article__outlet", "article__published_on",
        )
    )  # fmt: skip
    for event_id, *fields in rows:
        cited[event_id].append(CardCitation(*fields))
    for event in events:
        event.cited = cited[event.pk]


def mark_headings(events: list[Event], previous: Event | None = None) -> list[Event]:
    """Flag where a new year or month starts, continuing from the previous page's last event."""

    def key(event: Event) -> tuple[int, int | None]:
        month = None if event.granularity in COARSE else event.date_start.month
        return event.date_start.year, month

    last = key(previous) if previous else None
    for event in events:
        current = key(event)
        event.starts_year = last is None or current[0] != last[0]
        event.starts_month = current[1] is not None and current != last
        last = current
    return events


def badge_names(sources: list) -> dict[int, str]:
    """Each source's outlet or title, cut short, but whole where cutting would make two
    badges of one card read the same."""
    full = {s.article_id: s.outlet or s.article_title for s in sources}
    short = {article_id: Truncator(name).chars(34) for article_id, name in full.items()}
    taken = Counter(short.values())
    return {
        article_id: name if taken[short[article_id]] > 1 else short[article_id]
        for article_id, name in full.items()
    }


def prepare_cards(
    events: list[Event], q: str = "", *, with_year: bool | None = None
) -> list[Event]:
    """What each event card shows, worked out once per page rather than node by node in the
    template: its links (one `reverse()` each, then string formatting), its source badges
    (the same article's badge is built once, with the year when `with_year`: the story spans
    years; None decides from these events and their sources), its title and summary with the
    search words marked and, while searching, the quotes that match."""
    event_url = reverse("timeline:event", args=[URL_SLOT]).replace(str(URL_SLOT), "{}")
    article_url = reverse("articles:detail", args=[URL_SLOT]).replace(str(URL_SLOT), "{}")
    query = f"?q={quote(q, safe='/')}" if q else ""  # as the `urlencode` filter does
    badges: dict[tuple[int, str], tuple[str, str]] = {}
    attach_citations(events)
    if with_year is None:
        with_year = spans_years(
            [day for e in events for day in (e.date_start, e.date_end)]
            + [c.published_on for e in events for c in e.cited]
        )
    published_label = day_month_year if with_year else day_month
    for event in events:
        citations = event.cited
        event.url = event_url.format(event.pk)
        event.citations_url = f"{event.url}{query}"
        count = len(citations)
        event.quotes_label = f"Show {count} quote{pluralize(count)}"
        sources = list({c.article_id: c for c in citations}.values())  # one badge each
        names = badge_names(sources)
        items = []
        for citation in sources:
            key = (citation.article_id, names[citation.article_id])
            if key not in badges:
                badges[key] = (
                    escape(citation.article_title),
                    format_html(
                        '{} <time datetime="{}">{}</time>',
                        names[citation.article_id],
                        citation.published_on.isoformat(),
                        published_label(citation.published_on),
                    ),
                )
            title, label = badges[key]
            href = escape(
                f"{article_url.format(citation.article_id)}#cite-{event.pk}-{citation.start}"
            )
            items.append(
                f'<li><a class="source-badge" href="{href}"\n'
                f'       title="{title}">{label}</a></li>'
            )
        event.badges_html = mark_safe("\n".join(items))
        event.title_html = highlight(event.title, q)
        event.summary_html = highlight(event.summary, q)
        event.quote_hits = (
            [highlight(c.quote, q) for c in citations if mentions(c.quote, q)] if q else []
        )
        event.card_key = card_key(event, citations, q)
    render_cards(events)
    return events


def card_key(event: Event, citations: list[CardCitation], q: str) -> str:
    """What an event card depends on, hashed: the event (and its `updated_at`, bumped by
    `save()` and `EventQuerySet.update()`), its citations (how many, the newest), the search
    (highlights) and everything else the card shows, so a changed event or a new citation
    is a new key and a cached card is never stale."""
    parts = (
        event.pk, event.updated_at, len(citations), max((c.pk for c in citations), default=0),
        q, get_language(), event.title, event.summary, event.disagreement, event.status,
        event.granularity, event.date_start, event.date_end, event.url, event.citations_url,
        event.quotes_label, event.badges_html, *event.quote_hits,
    )  # fmt: skip
    text = "\x1f".join(str(part) for part in parts)
    return f"timeline:card:{event.pk}:{hashlib.sha256(text.encode()).hexdigest()[:32]}"


def render_cards(events: list[Event]) -> None:
    """Each card's HTML, rendered once per key and kept in the cache (fragment caching)."""
    cards = cache.get_many([event.card_key for event in events])
    missing = {}
    template = None
    for event in events:
        html = cards.get(event.card_key)
        if html is None:
            template = template or get_template("includes/event_card.html")
            html = template.render({"event": event}).strip()
            missing[event.card_key] = html
        event.card_html = mark_safe(html)
    if missing:
        cache.set_many(missing, CARD_SECONDS)


def page_of(events: EventQuerySet, page: int) -> tuple[list[Event], Event | None, bool]:
    """The page's events, the event just before them (for headings), and whether more follow."""
    offset = (page - 1) * PAGE_SIZE
    first = max(offset - 1, 0)
    rows = list(events.chronological()[first : offset + PAGE_SIZE + 1])
    previous = rows.pop(0) if offset and rows else None
    has_more = len(rows) > PAGE_SIZE
    return mark_headings(rows[:PAGE_SIZE], previous), previous, has_more


def preset_periods(years: list[int], months: list) -> list[tuple[str, str, str, str]]:
    """(label, from, to, kind) for the chips: the finest of month, year and decade that names
    at most `MAX_PRESETS` periods with events (and, above months, the years while both fit
    in it). A story over decades gets decades, one over years gets years."""
    decades = sorted({year // 10 * 10 for year in years})
    levels = [
        [(b.name, b.period, b.period, "month") for b in months],  # newest first
        [(str(y), str(y), str(y), "year") for y in years],
        [(f"{d}s", str(d), str(d + 9), "decade") for d in decades],
    ]
    for finest, level in enumerate(levels):
        if len(level) <= MAX_PRESETS or finest == len(levels) - 1:
            break
    chosen = levels[finest][:MAX_PRESETS]
    coarser = levels[1] if finest == 0 else []
    if len(coarser) > 1 and len(chosen) + len(coarser) <= MAX_PRESETS:
        chosen = coarser + chosen
    if finest == len(levels) - 1:  # more than MAX_PRESETS decades: the latest ones
        chosen = levels[finest][-MAX_PRESETS:]
    return chosen


def presets(filters: TimelineFilters, *, story_last, overview) -> list[dict]:
    """Ready-made periods: the story's last 30 days, then its decades, years or months
    (see `preset_periods`)."""
    periods: list[tuple[str, str, str, str]] = []
    if story_last:
        periods.append(
            ("Last 30 days of the story", (story_last - timedelta(days=29)).isoformat(),
             story_last.isoformat(), "recent")
        )  # fmt: skip
    periods += preset_periods(overview.years, overview.months)
    current = (filters.raw.get("from", [""])[0], filters.raw.get("to", [""])[0])
    querystring = filters.period_querystring()
    return [
        {
            "label": label,
            "qs": querystring(start, end),
            "current": current == (start, end),
            "kind": kind,
        }
        for label, start, end, kind in periods
    ]


def read_page(request: HttpRequest, errors: list[str]) -> int:
    text = request.GET.get("page", "1").strip() or "1"
    if text.isascii() and text.isdigit() and 1 <= int(text) <= MAX_PAGE:
        return int(text)
    errors.append(f"“page” must be a whole number from 1 to {MAX_PAGE}.")
    return 1


def timeline_part(request: HttpRequest, page: int) -> str | None:
    """Which partial of timeline.html answers the request; None for the whole page."""
    if not wants_fragment(request):
        return None
    if page > 1:
        return "more"  # “load more”: the next events only
    # htmx swaps only the results while someone types a search, the whole app otherwise.
    return "app" if request.htmx.target == "app" else "results"


@functools.cache
def csrf_slot() -> str:
    """Stands for the CSRF token in a cached page until it is served; unguessable, so no
    text of an article or event can spell it."""
    return salted_hmac("timeline.views.csrf_slot", "page cache").hexdigest()


@require_GET
def story_timeline(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_stamped_story(slug)
    stamp = story.change_stamp
    filters = filters_for(request)
    page = read_page(request, filters.errors)
    part = timeline_part(request, page)
    # The rendered page, for everyone who asks for the same view of the same story state.
    variant = "|".join(
        (
            part or "page",
            visibility(request.user, story),
            get_language(),
            "" if settings.DATELINE_SITE_URL else request.get_host(),  # the embed snippet
            urlencode(sorted(request.GET.lists()), doseq=True),
        )
    )
    content = cached(
        story, stamp, "page", variant,
        lambda: render_timeline(
            request, story, stamp=stamp, filters=filters, page=page, part=part
        ).encode(),
        store=pages,
    )  # fmt: skip
    if part is None:  # the whole page: its <body> carries the token for htmx
        content = content.replace(csrf_slot().encode(), get_token(request).encode())
    response = HttpResponse(content)
    patch_vary_headers(response, ["HX-Request"])
    if part in ("app", "results"):
        query = filters.querystring()
        canonical = f"{story.get_absolute_url()}{'?' + query if query else ''}"
        # Pressing Enter after typing a search must not add the same view to history twice.
        here = urlsplit(request.htmx.current_url or "")
        already_there = f"{here.path}{'?' + here.query if here.query else ''}" == canonical
        push_url(response, False if already_there else canonical)
    return response


def render_timeline(
    request: HttpRequest,
    story: Story,
    *,
    stamp: str,
    filters: TimelineFilters,
    page: int,
    part: str | None,
) -> str:
    """The timeline page (or its `part`) as HTML, with `csrf_slot()` for the CSRF token."""
    seen = visibility(request.user, story)
    events = filters.apply(Event.objects.visible_to(request.user, story))
    show_all_sources = request.GET.get("all_sources") == "1"
    template = f"timeline.html#{part}" if part else "timeline.html"
    common = {"story": story, "filters": filters, "story_url": story.get_absolute_url()}

    summary = cached(  # (“v2”: summaries cached before `spans_years` lack it)
        story, stamp, "summary", f"{seen}|{get_language()}|v2",
        lambda: story_summary(story, summary_statuses(request.user, story)),
    )  # fmt: skip
    if part == "more":
        window, _, has_more = page_of(events, page)
        prepare_cards(window, filters.q, with_year=summary["spans_years"])
        context = {**common, "events": window, "next_page": page + 1 if has_more else None}
        return render_to_string(template, context, request)

    if filters.active:
        extent = extent_of(events)
    else:  # the whole story: the same for everyone until it changes
        extent = cached(story, stamp, "extent", seen, lambda: extent_of(events))
    window, previous, has_more = page_of(events, page)
    prepare_cards(window, filters.q, with_year=summary["spans_years"])
    without_dates = filters.without_dates()
    # Where the matches fall over the whole story: the same for every period chosen.
    overview = cached(
        story, stamp, "overview", f"{seen}|{without_dates.querystring(from_=None, to=None)}",
        lambda: draw_overview(
            count_by_day(without_dates.apply(Event.objects.visible_to(request.user, story)))
        ),
    )  # fmt: skip
    overview.select(filters.date_from, filters.date_to)
    sources = summary["sources"]
    story_last = summary["last"]
    period_querystring = filters.period_querystring()
    for slot in overview.slots:
        if slot.bin:
            slot.qs = period_querystring(slot.bin.period, slot.bin.period_end)
    context = {
        **common,
        "events": window,
        "extent": extent,
        "first_event": extent["first_event"],
        "last_event": extent["last_event"],
        "overview": overview,
        "presets": presets(filters, story_last=story_last, overview=overview),
        "placeholders": placeholders(summary),
        "sources": shown_sources(sources, filters, show_all=show_all_sources),
        "source_total": len(sources),
        "show_all_sources": show_all_sources,
        "chips": chips(filters, sources),
        "granularities": Granularity.choices,
        "statuses": Event.Status.choices,
        "source_choices": source_choices(len(sources), filters.min_sources),
        "next_page": page + 1 if has_more else None,
        "previous_page": page - 1 if page > 1 else None,
        "page": page,
        "formats": export_links(),
        "embed_snippet": embed_snippet(request, story),
        "show_status": is_editor(request.user),
        "notes": filters.notes,
        # Filled in per response: the page itself is shared (see story_timeline).
        "csrf_token": csrf_slot(),
    }
    return render_to_string(template, context, request)


def export_links() -> list[tuple[str, str]]:
    labels = {"json": "JSON", "timelinejs": "TimelineJS", "ics": "iCalendar", "csv": "CSV"}
    return [(fmt, labels.get(fmt, fmt)) for fmt in FORMATS]


def period_words(text: str) -> str:
    """`2024-10` → “Oct 2024”, `2024-10-21` → “21 Oct 2024”, `2024` → “2024”."""
    try:
        start, end = parse_period(text)
    except BadPeriod:
        return text
    if len(text) == 4:
        return text
    return f"{start:%b %Y}" if len(text) == 7 else f"{start.day} {start:%b %Y}"


def chips(filters: TimelineFilters, sources: list[Article]) -> list[dict]:
    """One removable label per active filter: what is set, and the link without it."""
    result: list[dict] = []
    if filters.date_from or filters.date_to:
        left, right = (period_words(filters.raw.get(name, [""])[0]) for name in ("from", "to"))
        if left and right:
            text = left if left == right else f"{left} – {right}"
        else:
            text = f"from {left}" if left else f"until {right}"
        result.append(
            {"label": text, "kind": "Dates", "qs": filters.querystring(from_=None, to=None)}
        )
    if filters.q:
        result.append(
            {"label": f"“{filters.q}”", "kind": "Search", "qs": filters.querystring(q=None)}
        )
    titles = {article.pk: article.title for article in sources}
    for article_id in filters.sources:
        rest = [str(s) for s in filters.sources if s != article_id]
        result.append(
            {
                "label": titles.get(article_id, f"article {article_id}"),
                "kind": "Source",
                "qs": filters.querystring(source=rest),
            }
        )
    for name, values in (("status", filters.statuses), ("granularity", filters.granularities)):
        for value in values:
            rest = [v for v in values if v != value]
            result.append(
                {"label": value, "kind": name.title(), "qs": filters.querystring(**{name: rest})}
            )
    if filters.min_sources:
        result.append(
            {
                "label": f"≥ {filters.min_sources} sources",
                "kind": "Sources",
                "qs": filters.querystring(min_sources=None),
            }
        )
    return result


@require_GET
def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(
        Event.objects.select_related("story", "merged_into").with_citations(), pk=pk
    )
    if not is_editor(request.user) and event.status not in event.story.public_statuses():
        target = event.merged_into
        if target is not None and target.status in event.story.public_statuses():
            return redirect(target.get_absolute_url())  # an event merged away lives on there
        raise Http404("No event here.")
    citations = list(event.citations.all())
    for citation in citations:
        citation.before, citation.quoted, citation.after = quote_in_context(
            citation.article.body, citation.start, citation.end
        )
    q = request.GET.get("q", "").strip()[:200]
    context = {
        "event": event,
        "citations": citations,
        "source_count": len({c.article_id for c in citations}),
        "q": q,
    }
    return render_page(request, "event.html", "citations", context)


@require_GET
def export_story(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404(f"Unknown export format “{fmt}”: use one of {', '.join(FORMATS)}.")
    story = get_object_or_404(Story, slug=slug)
    filters = filters_for(request)
    if filters.errors:
        return HttpResponse(
            "\n".join(filters.errors) + "\n", status=400, content_type="text/plain; charset=utf-8"
        )
    # An embedded presentation asks for what anyone may see, whoever is signed in.
    reader = AnonymousUser() if request.GET.get("audience") == "public" else request.user
    events = events_for_export(
        story=story, filters=filters, events=Event.objects.visible_to(reader, story)
    )
    group_by = request.GET.get("group", "kind")
    if group_by not in TIMELINEJS_GROUPS:
        return HttpResponse(
            f"“group” must be one of {', '.join(TIMELINEJS_GROUPS)}.\n", status=400,
            content_type="text/plain; charset=utf-8",
        )  # fmt: skip
    base_url = absolute_url(request, "")
    content = export(fmt, story=story, events=events, base_url=base_url, group_by=group_by)
    response = HttpResponse(content, content_type=FORMATS[fmt].content_type)
    response["Content-Disposition"] = f'attachment; filename="{story.slug}{FORMATS[fmt].suffix}"'
    return response


@require_GET
def present(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    filters = filters_for(request)
    return render(request, "present.html", {"story": story, "filters": filters})


# The embedded timeline lists at most this many events (then links to the whole story).
EMBED_EVENTS = 300
EMBED_VIEWS = ("timeline", "present")


@require_GET
@frameable_by_embed_origins
def embed(request: HttpRequest, slug: str) -> HttpResponse:
    """The story as another site shows it in a frame: what anyone may see, whoever asks
    (an editor's own session must not put unreviewed events on a newspaper's page)."""
    story = get_object_or_404(Story, slug=slug)
    view = request.GET.get("view", "timeline")
    if view not in EMBED_VIEWS:
        return HttpResponse(
            f"“view” must be one of {', '.join(EMBED_VIEWS)}.\n", status=400,
            content_type="text/plain; charset=utf-8",
        )  # fmt: skip
    context = {
        "story": story,
        "view": view,
        "story_link": absolute_url(request, story.get_absolute_url()),
    }
    if view == "timeline":
        visible = Event.objects.visible_to(AnonymousUser(), story).chronological()
        events = list(visible[: EMBED_EVENTS + 1])
        context["more"] = len(events) > EMBED_EVENTS
        context["events"] = prepare_cards(mark_headings(events[:EMBED_EVENTS]))
    return render(request, "embed.html", context)


def embed_snippet(request: HttpRequest, story: Story) -> str:
    """The <iframe> a site pastes to show the story."""
    url = absolute_url(request, reverse("timeline:embed", args=[story.slug]))
    return (
        f'<iframe src="{escape(url)}" title="{escape(story.title)} — timeline" '
        'width="100%" height="640" style="border:0" loading="lazy"></iframe>'
    )


@never_cache
@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


def source_choices(source_total: int, chosen: int | None) -> list[int]:
    """“Reported by at least N sources”: 2 up to the story's sources, and the N asked for."""
    choices = list(range(2, source_total + 1))
    if chosen and chosen > source_total:
        choices.append(chosen)
    return choices
