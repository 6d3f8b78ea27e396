"""A run of the ingest command: inputs (files, manifests, archives, feeds, links) expanded
into one job per article, each ingested in its own transaction. One bad article is reported
in one line and the others still go in; a malformed manifest, archive or links file is
refused whole."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from functools import partial
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from timeline.feeds import FEED_SUFFIXES, FeedEntry, read_feed
from timeline.fetch import fetch, is_web_link
from timeline.ingest import IngestResult, get_story, ingest_draft, read_manifest
from timeline.sources import (
    ARCHIVE_SUFFIXES,
    Draft,
    IngestError,
    page_draft,
    read_archive,
    read_bytes,
    read_draft,
)


@dataclass
class Expansion:
    """What a link turned out to be when it was a feed: its entries, and one error line
    per broken entry."""

    entries: list[FeedEntry]
    errors: list[str]


@dataclass
class IngestJob:
    name: str  # what progress and error lines call it
    read: Callable[[], Draft | Expansion]
    story_slug: str | None
    story_title: str | None
    published: date | None = None


@dataclass
class RunReport:
    results: list[IngestResult] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def new(self) -> int:
        return sum(1 for r in self.results if r.created)

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.results if not r.created)

    def summary(self) -> str:
        expressions = sum(r.expressions for r in self.results)
        proposed = sum(r.proposed for r in self.results)
        merged = sum(r.merged for r in self.results)
        return (
            f"articles: {self.new} new, {self.skipped} skipped (already ingested), "
            f"{len(self.errors)} failed; expressions: {expressions}; "
            f"events: {proposed} proposed, {merged} merged into existing events"
        )


def plan_jobs(
    paths: list[str | Path], *, story_slug: str | None = None, published: date | None = None
) -> tuple[list[IngestJob], list[str]]:
    """Expand manifests, archives and feed files into their articles; returns the jobs and
    one error line per bad input."""
    jobs: list[IngestJob] = []
    errors: list[str] = []
    for raw in paths:
        path = Path(raw)
        suffix = path.suffix.lower()
        try:
            if suffix == ".json" and not is_web_link(str(raw)):
                jobs += _manifest_jobs(path, story_slug=story_slug, published=published)
                continue
            if story_slug is None:
                errors.append(f"{raw}: which story? give --story SLUG (a manifest names its own)")
                continue
            job = partial(IngestJob, story_slug=story_slug, story_title=None, published=published)
            if is_web_link(str(raw)):
                jobs.append(job(name=str(raw), read=partial(read_link, str(raw), feeds=True)))
            elif suffix in ARCHIVE_SUFFIXES:
                jobs += [
                    job(name=draft.source.rsplit("/", 1)[-1], read=partial(_given, draft))
                    for draft in read_archive(path)
                ]
            elif suffix in FEED_SUFFIXES:
                entries, broken = read_feed(read_bytes(path), source=str(path))
                jobs += _entry_jobs(entries, job=job)
                errors += broken
            else:
                jobs.append(job(name=path.name, read=partial(read_draft, path)))
        except IngestError as error:
            errors.append(str(error))
    return jobs, errors


def _manifest_jobs(
    path: Path, *, story_slug: str | None, published: date | None
) -> list[IngestJob]:
    manifest = read_manifest(path)
    return [
        IngestJob(
            name=entry.path.name,
            read=partial(read_draft, entry.path, title=entry.title),
            story_slug=story_slug or slugify(manifest.story_title)[:100],
            story_title=manifest.story_title,
            published=published or entry.published,
        )
        for entry in manifest.entries
    ]


def _entry_jobs(entries: list[FeedEntry], *, job: Callable[..., IngestJob]) -> list[IngestJob]:
    return [
        job(name=entry.link, read=partial(read_link, entry.link, fallback=entry.published))
        for entry in entries
    ]


def _feed_jobs(expansion: Expansion, *, feed: IngestJob) -> list[IngestJob]:
    """The jobs of a feed link's entries, for the feed's story."""
    return _entry_jobs(expansion.entries, job=partial(replace, feed))


def _given(draft: Draft) -> Draft:
    return draft


def read_link(url: str, *, feeds: bool = False, fallback: date | None = None) -> Draft | Expansion:
    """The article at `url`; or, when `url` is a feed and `feeds` are taken, its entries (a
    feed's entry must lead to an article). `fallback`: the date of the feed entry that linked
    here, for a page that states none."""
    response = fetch(url)
    if response.is_feed:
        if not feeds:
            raise IngestError(f"{url}: a feed, not an article page (a feed's entry must be one)")
        entries, errors = read_feed(response.body, source=url, base=response.url)
        return Expansion(entries=entries, errors=errors)
    draft = page_draft(response.body, source=url, url=response.url)
    return replace(draft, fallback_published=fallback) if fallback else draft


def run_job(job: IngestJob, draft: Draft) -> IngestResult:
    """One article in one transaction: the story it needs is created only if it goes in."""
    with transaction.atomic():
        story = get_story(slug=job.story_slug, title=job.story_title)
        return ingest_draft(draft, story=story, published=job.published)


def ingest_paths(
    paths: list[str | Path],
    *,
    story_slug: str | None = None,
    published: date | None = None,
    on_progress: Callable[[int, int, str], None] | None = None,
) -> RunReport:
    """Ingest files, manifests, archives, feeds and links."""
    jobs, errors = plan_jobs(paths, story_slug=story_slug, published=published)
    report = RunReport(errors=errors)
    queue, total, index = deque(jobs), len(jobs), 0
    while queue:
        job = queue.popleft()
        index += 1
        if on_progress is not None:
            on_progress(index, total, job.name)
        try:
            read = job.read()
            if isinstance(read, Expansion):  # a link that was a feed: its entries come next
                entry_jobs = _feed_jobs(read, feed=job)
                queue.extendleft(reversed(entry_jobs))
                total += len(entry_jobs)
                report.errors += read.errors
                continue
            report.results.append(run_job(job, read))
        except IngestError as error:
            report.errors.append(str(error))
        except Exception as error:  # noqa: BLE001 — one bad article must not stop the run
            message = str(error).splitlines()[0] if str(error) else type(error).__name__
            report.errors.append(f"{job.name}: {type(error).__name__}: {message}")
    return report
