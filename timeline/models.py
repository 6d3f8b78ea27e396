"""What Dateline derives from the sources: events and the citations that date them."""

from __future__ import annotations

import re
import uuid
from datetime import date

from django.contrib.postgres.fields import DateRangeField
from django.contrib.postgres.indexes import GinIndex, GistIndex
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.backends.postgresql.psycopg_any import DateRange
from django.db.models import Count, F, Func, OuterRef, Prefetch, Q, Subquery, Value
from django.urls import reverse
from django.utils import timezone

from articles.models import (
    Article,
    Granularity,
    Story,
    StoryQuerySet,
    StoryRow,
    StoryRowQuerySet,
    TemporalExpression,
)
from timeline.periods import describe_interval, interval_fits_granularity

SEARCH_CONFIG = "english"
# The same expressions build the GIN indexes (PostgreSQL only, see migration
# 0003) and the queries, so the planner can match one to the other.
EVENT_SEARCH_VECTOR = SearchVector("title", weight="A", config=SEARCH_CONFIG) + SearchVector(
    "summary", weight="B", config=SEARCH_CONFIG
)
CITATION_SEARCH_VECTOR = SearchVector("quote", config=SEARCH_CONFIG)
# An event's days as one PostgreSQL range, for the GiST index (migration 0008) and the
# date filter: the planner estimates `&&` on it from the index's statistics, where two
# independent comparisons on date_start and date_end misjudged a two-month window of a
# ten-year story by a factor of ten (and scanned every citation to count its sources).
EVENT_DAYS = Func(
    F("date_start"), F("date_end"), Value("[]"), function="daterange",
    output_field=DateRangeField(),
)  # fmt: skip
MAX_SEARCH_TERMS = 12


def prefix_search_query(text: str) -> SearchQuery | None:
    """All the words of `text`, each as a prefix ("ambass" finds "ambassador")."""
    words = re.findall(r"[^\W_]+", text)[:MAX_SEARCH_TERMS]
    if not words:
        return None
    return SearchQuery(
        " & ".join(f"{word}:*" for word in words), search_type="raw", config=SEARCH_CONFIG
    )


def is_editor(user) -> bool:
    """Whether `user` curates: sees every event and may filter by status."""
    return bool(user is not None and user.is_active and user.is_staff)


def visibility(user, story: Story) -> str:
    """Which events `user` sees of `story`, as a word for cache keys: pages and figures
    cached for one audience are never served to another."""
    return "editor" if is_editor(user) else "+".join(story.public_statuses())


class EventQuerySet(StoryRowQuerySet):
    # Changed events carry their `updated_at`, which the cache stamp reads: no touch needed.
    touch_on_update = False

    def for_story(self, story: Story) -> EventQuerySet:
        return self.filter(story=story)

    def current(self) -> EventQuerySet:
        """Events still standing on their own (merged ones live on in their target)."""
        return self.exclude(status=Event.Status.MERGED)

    def visible_to(self, user, story: Story) -> EventQuerySet:
        """The story's events `user` may see; every page and export reads events through
        this. Staff see every event still standing (the status filter chooses among
        them); anyone else the approved ones, and the proposed ones where the story shows
        them (`Story.show_proposed`). Rejected and merged events are never public."""
        events = self.for_story(story).current()
        if is_editor(user):
            return events
        return events.filter(status__in=story.public_statuses())

    def overlapping(self, start: date | None = None, end: date | None = None) -> EventQuerySet:
        """Events whose interval shares at least one day with `start..end`."""
        queryset = self
        if start is not None:
            queryset = queryset.filter(date_end__gte=start)
        if end is not None:
            queryset = queryset.filter(date_start__lte=end)
        if queryset is not self and connections[self.db].vendor == "postgresql":
            # The same condition again as a range overlap (see EVENT_DAYS): the comparisons
            # above keep the ordered index scan of a page cheap, the range brings the
            # estimate near the truth, so that counting sources probes the citation index.
            days = DateRange(start, end, bounds="[]")  # None: unbounded on that side
            queryset = queryset.alias(days=EVENT_DAYS).filter(days__overlap=days)
        return queryset

    def search(self, text: str) -> EventQuerySet:
        """Events whose title, summary or a cited sentence matches `text`.

        On PostgreSQL: full-text search (English stemming, every word a prefix,
        all words required) through the GIN indexes on `EVENT_SEARCH_VECTOR`
        and `CITATION_SEARCH_VECTOR`, with a `search_rank` annotation. Elsewhere
        (SQLite): case-insensitive substring match, `search_rank` 0.
        """
        text = text.strip()
        if not text:
            return self
        if connections[self.db].vendor != "postgresql":
            quoted = Citation.objects.filter(quote__icontains=text).values("event_id")
            return self.filter(
                Q(title__icontains=text) | Q(summary__icontains=text) | Q(pk__in=quoted)
            ).annotate(search_rank=Value(0.0, output_field=models.FloatField()))
        query = prefix_search_query(text)
        if query is None:
            return self.none()
        # A UNION of the two index scans: an OR across the join could use neither index.
        by_event = Event.objects.alias(vector=EVENT_SEARCH_VECTOR).filter(vector=query)
        by_quote = Citation.objects.alias(vector=CITATION_SEARCH_VECTOR).filter(vector=query)
        # order_by(): Citation's default ordering would join articles into the subquery.
        matching = by_event.order_by().values("pk").union(by_quote.order_by().values("event_id"))
        return self.filter(pk__in=matching).annotate(
            search_rank=SearchRank(EVENT_SEARCH_VECTOR, query)
        )

    def by_relevance(self) -> EventQuerySet:
        """Best matches first, after `search()`; chronological among equals."""
        return self.order_by("-search_rank", "date_start", "date_end", "id")

    def from_sources(self, article_ids: list[int]) -> EventQuerySet:
        if not article_ids:
            return self
        # A subquery, not a join: no duplicate rows, so no DISTINCT for callers to undo.
        cited = Citation.objects.filter(article_id__in=article_ids).values("event_id")
        return self.filter(pk__in=cited)

    def with_status(self, statuses: list[str]) -> EventQuerySet:
        return self.filter(status__in=statuses) if statuses else self

    def news(self) -> EventQuerySet:
        """Events the sources report as news, without the background they recall."""
        return self.filter(background=False)

    def with_granularity(self, granularities: list[str]) -> EventQuerySet:
        return self.filter(granularity__in=granularities) if granularities else self

    def with_source_count(self) -> EventQuerySet:
        return self.annotate(source_count=Count("citations__article", distinct=True))

    def with_min_sources(self, minimum: int) -> EventQuerySet:
        """Events citing at least `minimum` different articles.

        A correlated count per event (the citation index is keyed on the event),
        not a GROUP BY of the whole query: the result can still be counted,
        aggregated and grouped by month like any other filter's.
        """
        counts = (
            Citation.objects.filter(event=OuterRef("pk"))
            .order_by()
            .values("event")
            .annotate(n=Count("article", distinct=True))
            .values("n")
        )
        return self.alias(cited_sources=Subquery(counts)).filter(cited_sources__gte=minimum)

    def update(self, **kwargs) -> int:
        """Bulk updates bump `updated_at` too (Django's `auto_now` only acts on `save()`):
        the timeline's cached story summaries are keyed on the latest change."""
        kwargs.setdefault("updated_at", timezone.now())
        return super().update(**kwargs)

    def with_citations(self) -> EventQuerySet:
        citations = Citation.objects.select_related("article", "expression").order_by(
            "article__published_on", "article_id", "start"
        )
        return self.prefetch_related(Prefetch("citations", queryset=citations))

    def chronological(self) -> EventQuerySet:
        return self.order_by("date_start", "date_end", "id")


class EventManager(models.Manager.from_queryset(EventQuerySet)):  # type: ignore[misc]
    def get_by_natural_key(self, uid: str) -> Event:
        return self.get(uid=uid)


class Event(StoryRow):
    touch_on_update = False  # see EventQuerySet

    class Status(models.TextChoices):
        PROPOSED = "proposed", "proposed"
        APPROVED = "approved", "approved"
        REJECTED = "rejected", "rejected"
        MERGED = "merged", "merged"

    class DateKind(models.TextChoices):
        HAPPENED = "happened", "happened"
        REPORTED = "reported", "reported"
        PLANNED = "planned", "planned"

    uid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="events")
    title = models.CharField(max_length=300)
    title_edited = models.BooleanField(
        default=False, help_text="An editor wrote the title: ingest leaves it as it is."
    )
    match_title = models.CharField(
        max_length=300,
        blank=True,
        help_text=(
            "What ingest compares new reports with, besides the citations: the title of the "
            "report that founded the event (blank: the title)."
        ),
    )
    summary = models.TextField(blank=True)
    date_start = models.DateField()
    date_end = models.DateField()
    granularity = models.CharField(max_length=8, choices=Granularity.choices)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PROPOSED)
    date_kind = models.CharField(max_length=8, choices=DateKind.choices, default=DateKind.HAPPENED)
    background = models.BooleanField(
        default=False,
        help_text=(
            "Background, not the story's news: every source tells it as something long past "
            "(a founding, a birth, an earlier lawsuit)."
        ),
    )
    disagreement = models.TextField(
        blank=True,
        help_text="Where sources disagree on this event's date or figures, in a sentence.",
    )
    merged_into = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        # A merged event is only a pointer (its citations moved to the target), so it
        # goes with its target; SET_NULL would leave a "merged" event pointing nowhere.
        on_delete=models.CASCADE,
        related_name="merged_events",
        help_text="The event this one was merged into.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventManager()

    class Meta:
        ordering = ["date_start", "date_end", "id"]
        indexes = [
            models.Index(fields=["story", "date_start", "date_end"]),
            models.Index(fields=["story", "date_end"]),
            # The timeline's usual filter (story, status) in date order, covering
            # what the month overview and the extent read: index-only scans.
            models.Index(
                fields=["story", "status", "date_start", "date_end", "granularity"],
                name="event_story_status_dates",
            ),
            # The review queue's pages: a story's proposed events in date order, whose ids
            # an index-only scan gives for any page (the rows are then read by id).
            models.Index(
                fields=["story", "status", "date_start", "date_end", "id"],
                name="event_review_order",
            ),
            models.Index(fields=["status"]),
            models.Index(fields=["granularity"]),
            # The timeline's cache stamp: the story's latest change, one index probe.
            models.Index(fields=["story", "updated_at"], name="event_story_updated"),
            GinIndex(EVENT_SEARCH_VECTOR, name="event_search_gin"),
            GistIndex(EVENT_DAYS, name="event_days_gist"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(date_start__lte=F("date_end")), name="event_interval_ordered"
            ),
            models.CheckConstraint(
                condition=~Q(granularity="day") | Q(date_start=F("date_end")),
                name="event_day_is_one_day",
            ),
            models.CheckConstraint(
                condition=Q(granularity__in=Granularity.values), name="event_granularity_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["proposed", "approved", "rejected", "merged"]),
                name="event_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(date_kind__in=["happened", "reported", "planned"]),
                name="event_date_kind_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="merged", merged_into__isnull=False)
                | (~Q(status="merged") & Q(merged_into__isnull=True)),
                name="event_merged_iff_target",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_date}: {self.title}"

    def natural_key(self) -> tuple[str]:
        return (str(self.uid),)

    natural_key.dependencies = ["articles.story"]

    def get_absolute_url(self) -> str:
        return reverse("timeline:event", kwargs={"pk": self.pk})

    @property
    def display_date(self) -> str:
        return describe_interval(self.date_start, self.date_end, self.granularity)

    def clean(self) -> None:
        if self.date_start and self.date_end:
            if self.date_start > self.date_end:
                raise ValidationError({"date_end": "The end date is before the start date."})
            if not interval_fits_granularity(self.date_start, self.date_end, self.granularity):
                raise ValidationError(
                    {
                        "granularity": (
                            f"{self.date_start:%Y-%m-%d}..{self.date_end:%Y-%m-%d} is not "
                            f"one {self.granularity}; fix the dates or choose “range”."
                        )
                    }
                )
        if self.merged_into_id and self.merged_into_id == self.pk:
            raise ValidationError({"merged_into": "An event cannot be merged into itself."})
        # The database holds "merged" and its target together (event_merged_iff_target);
        # only `absorb()` sets both, so an edited status must not break the pair.
        if (self.status == Event.Status.MERGED) != bool(self.merged_into_id):
            raise ValidationError(
                {
                    "status": (
                        "This event was merged into another and stays merged; split that "
                        "event to take its citations apart."
                        if self.merged_into_id
                        else "Only the “Merge” action makes an event merged: it moves the "
                        "citations and records which event they went to."
                    )
                }
            )

    @transaction.atomic
    def absorb(self, others: list[Event]) -> int:
        """Merge `others` into this event: their citations move here, they are marked merged.

        Returns how many citations moved.
        """
        other_ids = [other.pk for other in others if other.pk != self.pk]
        if not other_ids:
            return 0
        locked = list(
            Event.objects.select_for_update().filter(pk__in=[self.pk, *other_ids]).order_by("pk")
        )
        if any(event.story_id != self.story_id for event in locked):
            raise ValidationError("Only events of the same story can be merged.")
        if any(event.status == Event.Status.MERGED for event in locked):
            raise ValidationError("One of these events was already merged; reload and retry.")
        existing = set(self.citations.values_list("article_id", "start", "end"))
        moving = Citation.objects.filter(event_id__in=other_ids)
        duplicates = [c.pk for c in moving if (c.article_id, c.start, c.end) in existing]
        Citation.objects.filter(pk__in=duplicates).delete()
        moved = Citation.objects.filter(event_id__in=other_ids).update(event=self)
        Event.objects.filter(pk__in=other_ids).update(status=Event.Status.MERGED, merged_into=self)
        Event.objects.filter(merged_into_id__in=other_ids).update(merged_into=self)
        return moved


class CitationQuerySet(StoryRowQuerySet):
    story_path = "event__story"


class CitationManager(models.Manager.from_queryset(CitationQuerySet)):  # type: ignore[misc]
    def get_by_natural_key(self, event_uid: str, article_hash: str, start: int) -> Citation:
        return self.get(event__uid=event_uid, article__content_hash=article_hash, start=start)


class Citation(StoryRow):
    """The exact sentence of an article that reports an event."""

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="citations")
    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="citations")
    quote = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    expression = models.ForeignKey(
        TemporalExpression,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="citations",
        help_text="The date expression that dated the event.",
    )
    continues = models.BooleanField(
        default=False,
        help_text=(
            "The sentence has no date of its own: it goes on telling the news an earlier "
            "sentence of the article dates (“Jobs also said …”)."
        ),
    )

    objects = CitationManager()

    class Meta:
        ordering = ["article__published_on", "article_id", "start"]
        indexes = [
            models.Index(fields=["article", "start"]),
            GinIndex(CITATION_SEARCH_VECTOR, name="citation_search_gin"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "article", "start"], name="citation_unique_per_event"
            ),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="citation_span_not_empty"),
        ]

    def __str__(self) -> str:
        return f"{self.article.title} [{self.start}:{self.end}]"

    def natural_key(self) -> tuple[str, str, int]:
        return (str(self.event.uid), self.article.content_hash, self.start)

    natural_key.dependencies = ["timeline.event", "articles.article"]

    def stories(self) -> StoryQuerySet:
        return Story.objects.filter(pk__in=Event.objects.filter(pk=self.event_id).values("story"))

    def clean(self) -> None:
        if self.article_id and self.start is not None and self.end is not None:
            body = self.article.body
            if self.end > len(body) or self.start >= self.end:
                raise ValidationError("The span is outside the article text.")
            if body[self.start : self.end] != self.quote:
                raise ValidationError({"quote": "The quote is not the text at that span."})
        if self.expression_id and self.article_id and self.expression.article_id != self.article_id:
            raise ValidationError({"expression": "That date expression is from another article."})


class UploadedArticle(models.Model):
    """An article file an editor uploaded, and what became of it in the background."""

    class Status(models.TextChoices):
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        DONE = "done", "done"
        FAILED = "failed", "failed"

    class Kind(models.TextChoices):
        TEXT = "text", "text file"
        PAGE = "page", "saved web page"
        LINK = "link", "link"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="uploads")
    kind = models.CharField(max_length=4, choices=Kind.choices, default=Kind.TEXT)
    file_name = models.CharField(max_length=255)
    text = models.TextField(
        blank=True,
        help_text="The uploaded text (a page's HTML), kept so that a retried task can ingest "
        "it again.",
    )
    link = models.URLField(max_length=1000, blank=True, help_text="A link to fetch (kind link).")
    feed = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="entries",
        help_text="The pasted feed link whose entry this link is.",
    )
    entry_published = models.DateField(
        null=True, blank=True, help_text="The feed entry's date, for a page that states none."
    )
    published_on = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    message = models.TextField(blank=True)
    article = models.ForeignKey(
        Article, null=True, blank=True, on_delete=models.SET_NULL, related_name="uploads"
    )
    created_article = models.BooleanField(
        default=False, help_text="False when the same text was already there."
    )
    uploaded_by = models.ForeignKey(
        "auth.User", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    task_id = models.CharField(max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-id"]
        indexes = [models.Index(fields=["status", "started_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=["queued", "running", "done", "failed"]),
                name="upload_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=["text", "page", "link"]), name="upload_kind_valid"
            ),
            # Only the web's schemes are fetched (the fetch checks it again, and every hop).
            models.CheckConstraint(
                condition=~Q(kind="link")
                | Q(link__istartswith="http://")
                | Q(link__istartswith="https://"),
                name="upload_link_is_web",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def pending(self) -> bool:
        return self.status in {self.Status.QUEUED, self.Status.RUNNING}
