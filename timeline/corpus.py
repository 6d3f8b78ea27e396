"""A synthetic news corpus for benchmarks and tests, deterministic for a seed.

`build_corpus(...)` plans stories of news-style articles: every event is told by
one to four articles, each in its own words and with its own way of saying the
date ("on Friday", "last June", "between October 8 and 13, 2024", "in the
third quarter of 2023"…), resolved against that article's publication date.
`write_corpus_to_database(...)` bulk-inserts the plan (stories, articles,
temporal expressions, events, citations); `write_corpus_files(...)` writes the
article texts and a manifest per story, for the ingest benchmark.
"""

from __future__ import annotations

import bisect
import json
import random
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.db import connections, models, router, transaction
from django.utils import timezone

from articles.models import Article, Story, TemporalExpression, content_hash
from timeline.models import Citation, Event

MONTHS = [
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
]  # fmt: skip
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUARTERS = ["first", "second", "third", "fourth"]

ACTORS = [
    "South Korea", "North Korea", "Russia", "Ukraine", "Japan", "China", "the United States",
    "NATO", "the European Union", "the United Nations", "the foreign ministry",
    "the defence ministry", "President Yoon Suk Yeol", "the national intelligence service",
    "the Kremlin", "Pyongyang", "Seoul", "Tokyo", "Kyiv", "Washington", "the G7",
    "the Security Council", "the central bank", "the parliament", "the opposition party",
]  # fmt: skip
ACTIONS = [
    ("summoned", "the ambassador"), ("announced", "new sanctions"),
    ("signed", "a mutual defence treaty"), ("deployed", "troops to the border"),
    ("condemned", "the missile launch"), ("held", "an emergency security meeting"),
    ("approved", "an aid package"), ("postponed", "the summit"),
    ("launched", "an investigation"), ("rejected", "the proposal"),
    ("met", "its counterparts"), ("released", "satellite images"),
    ("raised", "interest rates"), ("opened", "talks on trade"),
    ("expelled", "two diplomats"), ("confirmed", "the casualty figures"),
    ("published", "an intelligence assessment"), ("warned of", "retaliation"),
]  # fmt: skip
SAYING = ["said", "reported", "confirmed", "told reporters", "wrote in a statement"]
SOURCES = [
    "officials", "a government spokesperson", "state media", "analysts", "diplomats",
    "the ministry", "two people familiar with the matter", "local reporters",
]  # fmt: skip
FILLERS = [
    "The details may change as more information becomes available.",
    "Officials did not respond to a request for comment.",
    "The move drew criticism from opposition lawmakers.",
    "Analysts said the decision could reshape relations in the region.",
    "It was not immediately clear how many people were affected.",
    "Markets reacted calmly to the news.",
    "The statement gave no further details.",
    "Critics say the measures do not go far enough.",
]  # fmt: skip
OUTLETS = [
    "Yonhap", "The Korea Herald", "Reuters", "Associated Press", "BBC News", "NHK World",
    "Kyiv Independent", "Financial Times", "Le Monde", "Der Spiegel", "Al Jazeera",
]  # fmt: skip
TOPICS = [
    "North Korean troops in Russia", "Sanctions on Moscow", "The Kursk offensive",
    "Peninsula security talks", "The grain corridor", "Interest rates and inflation",
    "The border crisis", "The arms-for-oil deal", "Elections and their aftermath",
]  # fmt: skip

# How often an event has each granularity, and each status.
GRANULARITY_WEIGHTS = {"day": 70, "week": 5, "month": 12, "quarter": 3, "year": 4, "range": 6}
STATUS_WEIGHTS = {"approved": 55, "proposed": 36, "rejected": 7, "merged": 2}
SOURCES_PER_EVENT = [1, 1, 2, 2, 2, 3, 3, 4]


@dataclass
class PlannedExpression:
    start: int
    end: int
    text: str
    value: str
    date_start: date
    date_end: date
    granularity: str
    rule: str


@dataclass
class PlannedCitation:
    event: int  # index into the story's events
    article: int  # index into the story's articles
    start: int
    end: int
    expression: PlannedExpression


@dataclass
class PlannedEvent:
    title: str
    summary: str
    date_start: date
    date_end: date
    granularity: str
    status: str
    uid: uuid.UUID
    merged_into: int | None = None


@dataclass
class PlannedArticle:
    title: str
    outlet: str
    published_on: date
    body: str = ""
    expressions: list[PlannedExpression] = field(default_factory=list)


@dataclass
class PlannedStory:
    slug: str
    title: str
    events: list[PlannedEvent]
    articles: list[PlannedArticle]
    citations: list[PlannedCitation]


@dataclass(frozen=True)
class CorpusSummary:
    stories: int
    articles: int
    events: int
    citations: int
    expressions: int


def build_corpus(
    *, stories: int, articles: int, seed: int, events_per_story: int | None = None
) -> Iterator[PlannedStory]:
    """Plan `stories` stories of `articles` articles each; the same seed, the same corpus."""
    rng = random.Random(seed)
    per_story = events_per_story if events_per_story is not None else max(1, articles * 3)
    for number in range(stories):
        yield plan_story(rng, number=number, seed=seed, articles=articles, events=per_story)


def plan_story(
    rng: random.Random, *, number: int, seed: int, articles: int, events: int
) -> PlannedStory:
    topic = TOPICS[number % len(TOPICS)]
    # Denser stories span more years, about 25 events a day at most.
    span_days = max(120, min(events // 25 + 90, 365 * 12))
    first_day = date(2024, 11, 30) - timedelta(days=span_days)
    planned_events = [plan_event(rng, first_day, span_days) for _ in range(events)]
    planned_events.sort(key=lambda e: (e.date_start, e.date_end))
    for index, event in enumerate(planned_events):
        if event.status == "merged":
            if index == 0:
                event.status = "approved"
            else:
                event.merged_into = rng.randrange(index)
                if planned_events[event.merged_into].status == "merged":
                    event.status, event.merged_into = "rejected", None

    published = sorted(
        first_day + timedelta(days=rng.randrange(span_days + 30)) for _ in range(max(1, articles))
    )
    planned_articles = [
        PlannedArticle(
            title=f"{topic}: report {i + 1} ({day:%d %b %Y})",
            outlet=rng.choice(OUTLETS),
            published_on=day,
        )
        for i, day in enumerate(published)
    ]
    sentences: list[list[tuple[str, PlannedExpression | None, int | None]]] = [
        [] for _ in planned_articles
    ]
    for index, event in enumerate(planned_events):
        for article_index in choose_sources(rng, published, event.date_end):
            article = planned_articles[article_index]
            text, expression = tell(rng, event, article.published_on)
            sentences[article_index].append((text, expression, index))

    citations: list[PlannedCitation] = []
    for article_index, article in enumerate(planned_articles):
        parts = [article.title, "\n\n"]
        cursor = len(article.title) + 2
        told = sentences[article_index]
        if not told:
            told = [(rng.choice(FILLERS), None, None)]
        for position, (text, expression, event_index) in enumerate(told):
            if position and position % 6 == 0:
                parts.append("\n\n")
                cursor += 2
            elif position:
                parts.append(" ")
                cursor += 1
            if expression is not None and event_index is not None:
                expression.start += cursor
                expression.end += cursor
                article.expressions.append(expression)
                citations.append(
                    PlannedCitation(
                        event=event_index,
                        article=article_index,
                        start=cursor,
                        end=cursor + len(text),
                        expression=expression,
                    )
                )
            parts.append(text)
            cursor += len(text)
            if rng.random() < 0.25:
                filler = " " + rng.choice(FILLERS)
                parts.append(filler)
                cursor += len(filler)
        article.body = "".join(parts) + "\n"
    return PlannedStory(
        slug=f"synthetic-{seed}-{number + 1}",
        title=f"{topic} (synthetic {seed}-{number + 1})",
        events=planned_events,
        articles=planned_articles,
        citations=citations,
    )


def plan_event(rng: random.Random, first_day: date, span_days: int) -> PlannedEvent:
    granularity = weighted(rng, GRANULARITY_WEIGHTS)
    day = first_day + timedelta(days=rng.randrange(span_days))
    start, end = interval_for(rng, day, granularity)
    actor = rng.choice(ACTORS)
    verb, thing = rng.choice(ACTIONS)
    title = f"{actor[0].upper()}{actor[1:]} {verb} {thing}"
    other = rng.choice(ACTORS)
    summary = f"{title}, {rng.choice(SOURCES)} {rng.choice(SAYING)}; {other} responded."
    return PlannedEvent(
        title=title,
        summary=summary,
        date_start=start,
        date_end=end,
        granularity=granularity,
        status=weighted(rng, STATUS_WEIGHTS),
        uid=uuid.UUID(int=rng.getrandbits(128), version=4),
    )


def interval_for(rng: random.Random, day: date, granularity: str) -> tuple[date, date]:
    if granularity == "week":
        monday = day - timedelta(days=day.weekday())
        return monday, monday + timedelta(days=6)
    if granularity == "month":
        return day.replace(day=1), month_end(day)
    if granularity == "quarter":
        first = date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)
        return first, month_end(date(first.year, first.month + 2, 1))
    if granularity == "year":
        return date(day.year, 1, 1), date(day.year, 12, 31)
    if granularity == "range":
        return day, day + timedelta(days=rng.randint(1, 12))
    return day, day


def month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


def weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def choose_sources(rng: random.Random, published: list[date], after: date) -> list[int]:
    """Distinct articles that report an event: mostly ones published within weeks of it."""
    low = bisect.bisect_left(published, after)
    high = bisect.bisect_right(published, after + timedelta(days=45))
    candidates = (
        range(low, high) if high > low else range(max(0, len(published) - 4), len(published))
    )
    wanted = min(rng.choice(SOURCES_PER_EVENT), len(candidates))
    return sorted(rng.sample(candidates, wanted))


def tell(rng: random.Random, event: PlannedEvent, published: date) -> tuple[str, PlannedExpression]:
    """One sentence reporting `event`, dated the way an article of `published` would."""
    phrase, value, rule = say_date(rng, event, published)
    title = event.title
    body = "t" + title[1:] if title.startswith("The ") else title
    ending = rng.choice([".", ".", f", {rng.choice(SOURCES)} {rng.choice(SAYING)}."])
    if rng.random() < 0.5:
        text = f"{phrase[0].upper()}{phrase[1:]}, {body}{ending}"
        offset = 0
    else:
        lead = f"{rng.choice(SOURCES).capitalize()} {rng.choice(SAYING)} that {body} "
        text = f"{lead}{phrase}{ending}"
        offset = len(lead)
    # TIMEX3 spans leave out the preposition: "on [Friday]", "in [June 2024]".
    for preposition in ("on ", "in "):
        if phrase.lower().startswith(preposition):
            offset, phrase = offset + len(preposition), phrase[len(preposition) :]
            break
    return text, PlannedExpression(
        start=offset,
        end=offset + len(phrase),
        text=text[offset : offset + len(phrase)],
        value=value,
        date_start=event.date_start,
        date_end=event.date_end,
        granularity=event.granularity,
        rule=rule,
    )


def say_date(rng: random.Random, event: PlannedEvent, published: date) -> tuple[str, str, str]:
    """The date of `event` as a reporter writing on `published` would put it, its TIMEX value,
    and the rule that resolves it."""
    start, end, granularity = event.date_start, event.date_end, event.granularity
    before = (published - start).days
    if granularity == "day":
        value = f"{start:%Y-%m-%d}"
        choices = [
            (f"on {MONTHS[start.month - 1]} {start.day}, {start.year}", "absolute-day"),
            (f"on {start.day} {MONTHS[start.month - 1]} {start.year}", "absolute-day"),
            (f"on {start:%Y-%m-%d}", "iso-day"),
        ]
        if before == 1:
            choices.append(("yesterday", "relative-day"))
        if before == 0:
            choices.append(("today", "relative-day"))
        if 0 <= before < 7:
            choices.append((f"on {WEEKDAYS[start.weekday()]}", "weekday-before-dct"))
        if start.year == published.year and before >= 0:
            choices.append((f"on {MONTHS[start.month - 1]} {start.day}", "day-month-dct-year"))
        phrase, rule = rng.choice(choices)
        return phrase, value, rule
    if granularity == "week":
        iso_year, week, _ = start.isocalendar()
        value = f"{iso_year}-W{week:02d}"
        published_week = published - timedelta(days=published.weekday())
        if published_week - start == timedelta(days=7):
            return "last week", value, "relative-week"
        return (
            f"in the week of {MONTHS[start.month - 1]} {start.day}, {start.year}",
            value,
            "week-of",
        )
    if granularity == "month":
        value = f"{start:%Y-%m}"
        if start.year == published.year and start.month < published.month and rng.random() < 0.5:
            return f"last {MONTHS[start.month - 1]}", value, "last-month-name"
        return f"in {MONTHS[start.month - 1]} {start.year}", value, "month-year"
    if granularity == "quarter":
        quarter = (start.month - 1) // 3
        return (
            f"in the {QUARTERS[quarter]} quarter of {start.year}",
            f"{start.year}-Q{quarter + 1}",
            "quarter-year",
        )
    if granularity == "year":
        if start.year == published.year - 1 and rng.random() < 0.5:
            return "last year", str(start.year), "relative-year"
        return f"in {start.year}", str(start.year), "year"
    value = f"{start:%Y-%m-%d}/{end:%Y-%m-%d}"
    if (start.year, start.month) == (end.year, end.month):
        phrase = f"between {MONTHS[start.month - 1]} {start.day} and {end.day}, {start.year}"
    else:
        phrase = (
            f"from {MONTHS[start.month - 1]} {start.day}, {start.year} "
            f"to {MONTHS[end.month - 1]} {end.day}, {end.year}"
        )
    return phrase, value, "range"


@transaction.atomic
def write_corpus_to_database(
    stories: Iterator[PlannedStory], *, with_expressions: bool = True
) -> CorpusSummary:
    """Insert planned stories in bulk; stories of the same slug are replaced."""
    totals = dict(stories=0, articles=0, events=0, citations=0, expressions=0)
    for planned in stories:
        replace_story(planned.slug)
        story = Story.objects.create(slug=planned.slug, title=planned.title)
        articles = Article.objects.bulk_create(
            [
                Article(
                    story=story,
                    title=a.title,
                    outlet=a.outlet,
                    published_on=a.published_on,
                    published_from=Article.DateSource.GIVEN,
                    body=a.body,
                    content_hash=content_hash(a.body),
                )
                for a in planned.articles
            ],
        )
        expression_ids: dict[tuple[int, int], int] = {}
        if with_expressions:
            insert_rows(
                TemporalExpression,
                (
                    {
                        "article_id": article.pk,
                        "start": x.start,
                        "end": x.end,
                        "text": x.text,
                        "type": TemporalExpression.Type.DATE.value,
                        "value": x.value,
                        "date_start": x.date_start,
                        "date_end": x.date_end,
                        "granularity": x.granularity,
                        "anchor_date": a.published_on,
                        "rule": x.rule,
                    }
                    for article, a in zip(articles, planned.articles, strict=True)
                    for x in a.expressions
                ),
            )
            expression_ids = {
                (article_id, start): pk
                for article_id, start, pk in TemporalExpression.objects.filter(
                    article__story=story
                ).values_list("article_id", "start", "pk")
            }
        insert_rows(
            Event,
            (
                {
                    "uid": e.uid,
                    "story_id": story.pk,
                    "title": e.title,
                    "summary": e.summary,
                    "date_start": e.date_start,
                    "date_end": e.date_end,
                    "granularity": e.granularity,
                    "status": "approved" if e.status == "merged" else e.status,
                }
                for e in planned.events
            ),
        )
        event_ids = dict(Event.objects.filter(story=story).values_list("uid", "pk"))
        ids = [event_ids[e.uid] for e in planned.events]
        for e in planned.events:
            if e.merged_into is not None:
                Event.objects.filter(pk=event_ids[e.uid]).update(
                    status=Event.Status.MERGED, merged_into_id=ids[e.merged_into]
                )
        article_ids = [article.pk for article in articles]
        insert_rows(
            Citation,
            (
                {
                    "event_id": ids[c.event],
                    "article_id": article_ids[c.article],
                    "quote": planned.articles[c.article].body[c.start : c.end],
                    "start": c.start,
                    "end": c.end,
                    "expression_id": expression_ids.get(
                        (article_ids[c.article], c.expression.start)
                    ),
                }
                for c in planned.citations
            ),
        )
        totals["stories"] += 1
        totals["articles"] += len(articles)
        totals["events"] += len(ids)
        totals["citations"] += len(planned.citations)
        totals["expressions"] += len(expression_ids)
    return CorpusSummary(**totals)


def insert_rows(
    model: type[models.Model], rows: Iterable[dict[str, Any]], *, batch_size: int = 2000
) -> None:
    """Insert rows (dicts keyed by column attribute name) without reading ids back.

    Fields a row leaves out take their model default. PostgreSQL gets one COPY,
    several times faster than INSERTs for the 10^5 rows a benchmark needs; other
    databases get `bulk_create`.
    """
    connection = connections[router.db_for_write(model)]
    if connection.vendor != "postgresql":
        model.objects.bulk_create((model(**row) for row in rows), batch_size=batch_size)
        return
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]

    def default(field: models.Field) -> Any:
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return now
        return field.get_default()

    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    table = connection.ops.quote_name(model._meta.db_table)
    with (
        connection.cursor() as cursor,
        cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
    ):
        for row in rows:
            copy.write_row([row[f.attname] if f.attname in row else default(f) for f in fields])


def replace_story(slug: str) -> None:
    """Delete a story, unmerging first: SET_NULL on `merged_into` alone would break
    the merged-iff-target constraint."""
    Event.objects.filter(story__slug=slug, status=Event.Status.MERGED).update(
        status=Event.Status.REJECTED, merged_into=None
    )
    Story.objects.filter(slug=slug).delete()


def write_corpus_files(stories: Iterator[PlannedStory], *, out: Path) -> CorpusSummary:
    """Write each story's articles as text files with a manifest, in `out/<slug>/`."""
    totals = dict(stories=0, articles=0, events=0, citations=0, expressions=0)
    for planned in stories:
        folder = Path(out) / planned.slug
        folder.mkdir(parents=True, exist_ok=True)
        entries = []
        for number, article in enumerate(planned.articles, start=1):
            name = f"article-{number:04d}.txt"
            (folder / name).write_text(article.body, encoding="utf-8")
            entries.append(
                {
                    "file": name,
                    "published": f"{article.published_on:%Y-%m-%d}",
                    "title": article.title,
                }
            )
        manifest = {"story": planned.title, "articles": entries}
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
        totals["stories"] += 1
        totals["articles"] += len(planned.articles)
        totals["events"] += len(planned.events)
        totals["citations"] += len(planned.citations)
        totals["expressions"] += sum(len(a.expressions) for a in planned.articles)
    return CorpusSummary(**totals)
