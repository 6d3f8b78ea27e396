"""The sources: stories, the articles that tell them, and the dates they say."""

from __future__ import annotations

import hashlib

from django.core.exceptions import ValidationError
from django.db import connections, models, transaction
from django.db.models import F, Q
from django.urls import reverse


class Granularity(models.TextChoices):
    DAY = "day", "day"
    WEEK = "week", "week"
    MONTH = "month", "month"
    QUARTER = "quarter", "quarter"
    YEAR = "year", "year"
    DECADE = "decade", "decade"
    RANGE = "range", "range"
    OPEN = "open", "open"


class StoryQuerySet(models.QuerySet["Story"]):
    def touch(self) -> int:
        """Count a change to these stories that their timeline's cache stamp cannot see by
        itself (an edit or a deletion of one of their rows): `revision` goes up.

        Called after the writes it records, so that a story row is only ever locked after
        the rows it sums up (never before them: no lock-order deadlock with an ingest)."""
        return self.update(revision=F("revision") + 1)


class StoryManager(models.Manager.from_queryset(StoryQuerySet)):  # type: ignore[misc]
    def get_by_natural_key(self, slug: str) -> Story:
        return self.get(slug=slug)


class Story(models.Model):
    slug = models.SlugField(max_length=100, unique=True)
    title = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    revision = models.PositiveBigIntegerField(
        default=0,
        editable=False,
        help_text="Goes up when one of the story's articles, events or citations is edited "
        "or deleted; cached timeline pages are keyed on it.",
    )
    show_proposed = models.BooleanField(
        "show proposed events publicly",
        default=False,
        help_text="Visitors see the events ingest proposed too, marked as unreviewed, not only "
        "those an editor approved. Rejected and merged events are never public.",
    )

    objects = StoryManager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name_plural = "stories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("timeline:story", kwargs={"slug": self.slug})

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def public_statuses(self) -> list[str]:
        """The statuses of the events anyone may see: approved ones, and proposed ones too
        when the story shows them. (Status values as text: the articles app does not
        import the timeline.)"""
        return ["approved", "proposed"] if self.show_proposed else ["approved"]


class StoryRowQuerySet(models.QuerySet):
    """Rows that belong to a story: articles here, events and citations in the timeline.

    Deleting them, or changing them in bulk, touches their stories (`StoryQuerySet.touch`),
    in the same transaction. New rows need no touch: a story's cache stamp counts them."""

    story_path = "story"  # the lookup from a row to its story
    touch_on_update = True

    def story_ids(self) -> list[int]:
        return list(self.order_by().values_list(self.story_path, flat=True).distinct())

    def delete(self) -> tuple[int, dict[str, int]]:
        with transaction.atomic(using=self.db, savepoint=False):
            stories = self.story_ids()
            deleted = super().delete()
            Story.objects.using(self.db).filter(pk__in=stories).touch()
        return deleted

    def update(self, **kwargs) -> int:
        if not self.touch_on_update:
            return super().update(**kwargs)
        with transaction.atomic(using=self.db, savepoint=False):
            stories = self.story_ids()
            updated = super().update(**kwargs)
            Story.objects.using(self.db).filter(pk__in=stories).touch()
        return updated


class StoryRow(models.Model):
    """A model whose rows belong to a story: editing (with `touch_on_update`) or deleting
    one touches the story (see `StoryRowQuerySet`)."""

    touch_on_update = True

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self._state.adding or not self.touch_on_update:
            super().save(*args, **kwargs)
            return
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            super().save(*args, **kwargs)
            self.stories().using(self._state.db).touch()

    def delete(self, *args, **kwargs) -> tuple[int, dict[str, int]]:
        with transaction.atomic(using=kwargs.get("using"), savepoint=False):
            db = self._state.db
            deleted = super().delete(*args, **kwargs)
            self.stories().using(db).touch()
        return deleted

    def stories(self) -> StoryQuerySet:
        """The stories this row belongs to (still answerable once the row is deleted)."""
        return Story.objects.filter(pk=self.story_id)


def content_hash(body: str) -> str:
    """The identity of an article: the same text is the same article."""
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


class ArticleManager(models.Manager.from_queryset(StoryRowQuerySet)):  # type: ignore[misc]
    def get_by_natural_key(self, content_hash: str) -> Article:
        return self.get(content_hash=content_hash)

    def by_content_hash(self, digest: str) -> Article | None:
        """The article with this content hash, if there is one.

        A probe of the unique index written as SQL: ingest asks this of every article,
        nearly always new, and the ORM took ten times longer to build the query than the
        database to answer it.
        """
        meta = self.model._meta
        connection = connections[self.db]
        qn = connection.ops.quote_name
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {qn(meta.pk.column)} FROM {qn(meta.db_table)} "
                f"WHERE {qn(meta.get_field('content_hash').column)} = %s",
                [digest],
            )
            row = cursor.fetchone()
        return None if row is None else self.get(pk=row[0])


class Article(StoryRow):
    class DateSource(models.TextChoices):
        TEXT = "text", "read from the text"
        GIVEN = "given", "given at ingest"
        METADATA = "meta", "read from the page’s metadata"
        ADDRESS = "url", "read from the page’s address"
        FEED = "feed", "the feed entry’s date"

    story = models.ForeignKey(Story, on_delete=models.CASCADE, related_name="articles")
    title = models.CharField(max_length=500)
    outlet = models.CharField(max_length=200, blank=True)
    author = models.CharField(max_length=300, blank=True)
    url = models.URLField(
        max_length=1000, blank=True, help_text="The canonical address of the page it came from."
    )
    published_on = models.DateField()
    published_from = models.CharField(
        max_length=5, choices=DateSource.choices, default=DateSource.GIVEN
    )
    body = models.TextField(help_text="The text as ingested; never altered.")
    content_hash = models.CharField(max_length=64, unique=True, editable=False)
    ingested_at = models.DateTimeField(auto_now_add=True)

    objects = ArticleManager()

    class Meta:
        ordering = ["published_on", "id"]
        indexes = [
            models.Index(fields=["story", "published_on"]),
            # A story's newest article, one probe: part of the timeline's cache stamp.
            models.Index(fields=["story", "id"], name="article_story_newest"),
            # The same page reached twice (a saved file, then its link) is one article.
            models.Index(fields=["url"], name="article_url"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(published_from__in=["text", "given", "meta", "url", "feed"]),
                name="article_published_from_valid",
            ),
            models.CheckConstraint(condition=~Q(body=""), name="article_body_not_empty"),
            # The reader links this address: only the web's schemes, never javascript:/data:.
            models.CheckConstraint(
                condition=Q(url="")
                | Q(url__istartswith="http://")
                | Q(url__istartswith="https://"),
                name="article_url_is_web",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.published_on:%Y-%m-%d})"

    def save(self, *args, **kwargs) -> None:
        self.content_hash = content_hash(self.body)
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("articles:detail", kwargs={"pk": self.pk})

    def natural_key(self) -> tuple[str]:
        return (self.content_hash,)

    natural_key.dependencies = ["articles.story"]

    def clean(self) -> None:
        # content_hash is not a form field, so forms do not check its uniqueness.
        if self.body:
            same = Article.objects.filter(content_hash=content_hash(self.body)).exclude(pk=self.pk)
            if twin := same.select_related("story").first():
                raise ValidationError(
                    {"body": f"This text is already in Dateline: “{twin.title}” ({twin.story})."}
                )


class TemporalExpressionManager(models.Manager["TemporalExpression"]):
    def get_by_natural_key(self, article_hash: str, start: int, end: int) -> TemporalExpression:
        return self.get(article__content_hash=article_hash, start=start, end=end)


class TemporalExpression(models.Model):
    """A date expression as the article says it, and what it was resolved to."""

    class Type(models.TextChoices):
        DATE = "DATE", "date"
        TIME = "TIME", "time"
        DURATION = "DURATION", "duration"
        SET = "SET", "set"

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="expressions")
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    text = models.CharField(max_length=300)
    type = models.CharField(max_length=8, choices=Type.choices)
    value = models.CharField(max_length=100)
    date_start = models.DateField(null=True, blank=True)
    date_end = models.DateField(null=True, blank=True)
    granularity = models.CharField(max_length=8, choices=Granularity.choices, blank=True)
    anchor_date = models.DateField(
        null=True, blank=True, help_text="The date a relative expression was resolved against."
    )
    rule = models.CharField(max_length=60, blank=True)

    objects = TemporalExpressionManager()

    class Meta:
        ordering = ["article", "start"]
        constraints = [
            models.UniqueConstraint(fields=["article", "start", "end"], name="timex_unique_span"),
            models.CheckConstraint(condition=Q(start__lt=F("end")), name="timex_span_not_empty"),
            models.CheckConstraint(
                condition=Q(date_start__isnull=True)
                | Q(date_end__isnull=True)
                | Q(date_start__lte=F("date_end")),
                name="timex_interval_ordered",
            ),
            models.CheckConstraint(
                condition=Q(type__in=["DATE", "TIME", "DURATION", "SET"]), name="timex_type_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"“{self.text}” → {self.value}"

    def natural_key(self) -> tuple[str, int, int]:
        return (self.article.content_hash, self.start, self.end)

    natural_key.dependencies = ["articles.article"]
