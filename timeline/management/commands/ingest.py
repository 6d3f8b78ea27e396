"""python manage.py ingest PATH|LINK... [--urls FILE] [--story SLUG] [--published YYYY-MM-DD]
[--progress]"""

from __future__ import annotations

from datetime import date

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.fetch import read_links
from timeline.ingest import IngestError
from timeline.progress import Progress
from timeline.runs import ingest_paths


class Command(BaseCommand):
    help = (
        "Ingest articles: plain-text files, saved web pages (.html), a manifest.json listing "
        "files, a newsroom archive (.jsonl, one JSON article a line), or links to "
        "fetch (https://…, or --urls FILE): tag their dates, "
        "propose events and merge them with the story's events. Idempotent."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths",
            nargs="*",
            metavar="PATH",
            help="article .txt or .html, manifest .json, archive .jsonl, or an https:// link",
        )
        parser.add_argument(
            "--urls",
            metavar="FILE",
            help="a file of links to fetch and ingest, one a line (# starts a comment)",
        )
        parser.add_argument("--story", metavar="SLUG", help="the story the articles belong to")
        parser.add_argument(
            "--published",
            metavar="YYYY-MM-DD",
            help="publication date for every article (overrides header and manifest dates)",
        )
        parser.add_argument(
            "--progress",
            action="store_true",
            help="progress lines on stderr even when it is not a terminal (they come by "
            "themselves for runs of more than 25 articles; a terminal gets a bar)",
        )

    def handle(
        self,
        *args,
        paths: list[str],
        story: str | None,
        published: str | None,
        progress: bool,
        urls: str | None = None,
        **options,
    ) -> None:
        if urls:
            try:
                paths = [*paths, *read_links(urls)]
            except IngestError as error:
                raise CommandError(str(error)) from None
        if not paths:
            raise CommandError("nothing to ingest: give a PATH, a link or --urls FILE")
        published_on = None
        if published:
            try:
                published_on = date.fromisoformat(published)
            except ValueError:
                raise CommandError(
                    f"--published “{published}” is not a date (YYYY-MM-DD)"
                ) from None
        progress_bar = Progress(self.stderr, interactive=self.stderr.isatty(), always=progress)
        report = ingest_paths(
            paths, story_slug=story, published=published_on, on_progress=progress_bar
        )
        progress_bar.clear()
        for error in report.errors:
            self.stderr.write(error)
        self.stdout.write(f"{report.summary()}; {progress_bar.elapsed:.1f} s")
        if report.errors:
            failed = len(report.errors)
            if report.new + report.skipped == 0:
                raise CommandError(f"{failed} input(s) failed; nothing was ingested")
            raise CommandError(f"{failed} input(s) failed; the others were ingested")
