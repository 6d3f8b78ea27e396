"""The ingest pipeline: read → tag → extract → cluster, one article per transaction.

The management command and any background task call the same functions here; each
problem with one input surfaces as an `IngestError` whose message is one line naming it.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import dateparser
from django.db import transaction
from django.utils.text import slugify

from articles.models import Article, Story, TemporalExpression, content_hash
from articles.reading import text_header
from timeline.cluster import bulk_insert, merge_candidates
from timeline.extract import Sentence, body_start, extract_events, split_sentences
from timeline.sources import (
    Draft,
    IngestError,
    read_article_file,
    read_draft,
)
from timeline.temporal import tag
from timeline.titles import trim_words


class NoPublicationDate(IngestError):
    """The article states no publication date and none was given for it."""


@dataclass
class IngestResult:
    source: str
    article: Article | None = None
    created: bool = False
    expressions: int = 0
    proposed: int = 0
    merged: int = 0


@dataclass
class ManifestEntry:
    path: Path
    published: date | None = None
    title: str | None = None


@dataclass
class Manifest:
    story_title: str
    entries: list[ManifestEntry] = field(default_factory=list)


@dataclass(frozen=True)
class Header:
    published: date | None = None
    title: str | None = None


def _inside(manifest: Path, name: str) -> Path:
    """A manifest's file, which must lie in the manifest's folder or below it."""
    folder = manifest.parent.resolve()
    if not isinstance(name, str) or not (folder / name).resolve().is_relative_to(folder):
        raise IngestError(f"{manifest}: “{name}” is not a file in the manifest’s folder")
    return manifest.parent / name


def read_manifest(path: Path | str) -> Manifest:
    path = Path(path)
    try:
        data = json.loads(read_article_file(path))
        articles = data["articles"]
        entries = [
            ManifestEntry(
                path=_inside(path, item["file"]),
                published=_parse_iso(item["published"], path) if item.get("published") else None,
                title=item.get("title") or None,
            )
            for item in articles
        ]
    except json.JSONDecodeError as error:
        raise IngestError(f"{path}: not valid JSON (line {error.lineno})") from None
    except (KeyError, TypeError):
        raise IngestError(
            f'{path}: a manifest is {{"story": …, "articles": [{{"file": …, "published": …}}]}}'
        ) from None
    return Manifest(story_title=str(data.get("story") or path.parent.name), entries=entries)


def _parse_iso(value: str, source: Path | str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise IngestError(f"{source}: “{value}” is not a date (YYYY-MM-DD)") from None


def get_story(*, slug: str | None = None, title: str | None = None) -> Story:
    """The story named by slug (or by the slug of its title), created if new."""
    slug = slug or slugify(title or "")[:100]
    if not slug:
        raise IngestError("no story: give --story SLUG (only a manifest names its own story)")
    story, _ = Story.objects.get_or_create(
        slug=slug, defaults={"title": title or slug.replace("-", " ").capitalize()}
    )
    return story


_HEADER_DATE = re.compile(
    r"^\s*(?:date|dated|published|updated|posted)(?:\s+on)?\s*[:\-]?\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_ISO_DAY = re.compile(r"\b(\d{4}-\d{2}-\d{2})\b")
_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’\-]{1,40},\s+(?P<value>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4})|"
    r"(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}))\s*(?:\([^)]*\))?\s*(?:--|—|–|-|:)"
)
_TITLE_LINE = re.compile(r"^\s*(?:title|headline)\s*:\s*(?P<value>.+)$", re.IGNORECASE)
_HEADER_LINES = 6


def read_header(text: str) -> Header:
    """The publication date and title an article states at its top, if it does: a
    `Title:` line, else the headline line after its date line (see `text_header`)."""
    published = None
    title = None
    lines = [line for line in text.splitlines() if line.strip()][:_HEADER_LINES]
    for line in lines:
        if title is None and (match := _TITLE_LINE.match(line)):
            title = match.group("value").strip()
        if published is None:
            published = _date_in_header_line(line)
    return Header(published=published, title=title or text_header(text).headline)


def _date_in_header_line(line: str) -> date | None:
    if match := _HEADER_DATE.match(line):
        value = match.group("value")
        if iso := _ISO_DAY.search(value):
            return _safe_iso(iso.group(1))
        return _parse_loose(value)
    if match := _DATELINE.match(line):
        return _parse_loose(match.group("value"))
    return None


def _safe_iso(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _parse_loose(value: str) -> date | None:
    # A header date must be complete: a missing year would make dateparser guess today.
    value = value.strip()[:60]
    parsed = dateparser.parse(
        value,
        languages=["en"],
        settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
    )
    if parsed is None:
        # "21 October 2024, 10:07" and the like: try the leading words only.
        words = value.replace(",", " ").split()
        for count in (4, 3):
            parsed = dateparser.parse(
                " ".join(words[:count]),
                languages=["en"],
                settings={"REQUIRE_PARTS": ["day", "month", "year"], "STRICT_PARSING": True},
            )
            if parsed:
                break
    return parsed.date() if parsed else None


def article_title(
    text: str, *, header: Header | None = None, sentences: list[Sentence] | None = None
) -> str:
    """The header's Title:, else a short first line without a final period, else the
    first sentence cut to about twelve words. `sentences`: the text's, if split already."""
    header = header or read_header(text)
    if header.title:
        return header.title[:500]
    first_line = next((line.strip() for line in text.splitlines() if line.strip()), "")
    if (
        first_line
        and len(first_line.split()) <= 15
        and not first_line.endswith((".", "!", "?", "…"))
        and not _date_in_header_line(first_line)
    ):
        return first_line[:500]
    begin = body_start(text)
    if sentences is None:
        sentences = split_sentences(text)
    first = next((s.text for s in sentences if s.start >= begin and not s.is_heading), first_line)
    return trim_words(first, 12)[:500]


def ingest_text(
    text: str,
    *,
    story: Story,
    published: date | None = None,
    published_from: str | None = None,
    published_fallback: date | None = None,
    title: str | None = None,
    outlet: str = "",
    author: str = "",
    url: str = "",
    source_name: str = "",
    undated: str = "no publication date in the text",
) -> IngestResult:
    """Ingest one article. Already known text (same content hash) or a page already known
    by its canonical `url` adds nothing. `published_from` says where `published` was read
    (an Article.DateSource); without it a date is given, unless the text's header says it.
    `published_fallback` (a feed entry's date) counts only when nothing else dates it.
    `undated`: what the error says when there is no date at all."""
    source = source_name or "text"
    digest = content_hash(text)
    existing = Article.objects.by_content_hash(digest) or (
        Article.objects.filter(url=url).first() if url else None
    )
    if existing is not None:
        return IngestResult(source=source, article=existing, created=False)
    header = read_header(text)
    published_on = published or header.published or published_fallback
    if published_on is None:
        raise NoPublicationDate(
            f"{source}: {undated}; give --published YYYY-MM-DD or a manifest date"
        )
    read_from_text = header.published is not None and header.published == published_on
    if read_from_text and not (published and published_from):
        published_from = Article.DateSource.TEXT
    elif published is None:
        published_from = Article.DateSource.FEED
    elif not published_from:
        published_from = Article.DateSource.GIVEN
    sentences = split_sentences(text)
    with transaction.atomic():
        article = Article(
            story=story,
            title=title or article_title(text, header=header, sentences=sentences),
            outlet=outlet[:200],
            author=author[:300],
            url=url[:1000],
            published_on=published_on,
            published_from=published_from,
            body=text,
            content_hash=digest,  # what save() would set
        )
        bulk_insert([article])
        expressions = store_expressions(article=article)
        candidates = extract_events(article=article, expressions=expressions, sentences=sentences)
        outcome = merge_candidates(story=story, candidates=candidates)
    return IngestResult(
        source=source,
        article=article,
        created=True,
        expressions=len(expressions),
        proposed=outcome.proposed,
        merged=outcome.merged,
    )


def store_expressions(*, article: Article) -> list[TemporalExpression]:
    """Tag the article's dates and keep every one in its body (not its header: its own
    date line is no date of its story), with how it was resolved."""
    begin = text_header(article.body, title=article.title).end
    rows = [
        TemporalExpression(
            article=article,
            start=timex.start,
            end=timex.end,
            text=timex.text[:300],
            type=timex.type,
            value=timex.value[:100],
            date_start=timex.date_start,
            date_end=timex.date_end,
            granularity=timex.granularity or "",
            anchor_date=timex.anchor,
            rule=timex.rule[:60],
        )
        for timex in tag(article.body, article.published_on)
        if begin <= timex.start < timex.end
    ]
    return bulk_insert(rows)


def ingest_draft(draft: Draft, *, story: Story, published: date | None = None) -> IngestResult:
    """Ingest an article as its source gave it; a `published` date given here overrides
    the source's own."""
    return ingest_text(
        draft.text,
        story=story,
        published=published or draft.published,
        published_from=None if published else draft.published_from,
        title=draft.title,
        outlet=draft.outlet,
        author=draft.author,
        url=draft.url,
        source_name=draft.source,
        undated=draft.undated,
        published_fallback=draft.fallback_published,
    )


def ingest_path(
    path: Path | str, *, story: Story, published: date | None = None, title: str | None = None
) -> IngestResult:
    """Ingest one text file or saved page; its own date counts unless `published` is given."""
    return ingest_draft(read_draft(path, title=title), story=story, published=published)
