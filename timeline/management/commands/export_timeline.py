"""`export_timeline [--story SLUG] --format json|timelinejs|ics|csv [-o FILE]`."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Story
from timeline.exports import FORMATS, events_for_export, export


class Command(BaseCommand):
    help = "Write a story's timeline as Dateline JSON, TimelineJS3 JSON, iCalendar or CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--story", metavar="SLUG", help="Story slug (default: the newest).")
        parser.add_argument(
            "--format", required=True, dest="fmt", help=f"One of: {', '.join(sorted(FORMATS))}."
        )
        parser.add_argument("-o", "--output", metavar="FILE", help="Write here, not stdout.")

    def handle(self, *args, story: str | None, fmt: str, output: str | None, **options) -> None:
        if fmt not in FORMATS:
            raise CommandError(f"Unknown format “{fmt}”: use one of {', '.join(sorted(FORMATS))}.")
        chosen = self.find_story(story)
        content = export(fmt, story=chosen, events=events_for_export(story=chosen))
        data = content if isinstance(content, bytes) else content.encode("utf-8")
        if output:
            try:
                Path(output).write_bytes(data)
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
            self.stderr.write(f"Wrote {chosen.slug} as {fmt} to {output}.")
        else:
            self.stdout.write(data.decode("utf-8"), ending="")

    def find_story(self, slug: str | None) -> Story:
        if slug:
            story = Story.objects.filter(slug=slug).first()
            if story is None:
                raise CommandError(f"No story with slug “{slug}”.")
            return story
        stories = list(Story.objects.values_list("slug", flat=True)[:6])  # newest first
        if not stories:
            raise CommandError("There are no stories yet; ingest some articles first.")
        if len(stories) > 1:
            others = ", ".join(stories[1:5]) + (", …" if len(stories) > 5 else "")
            self.stderr.write(
                f"Several stories: exporting the newest, {stories[0]} "
                f"(others: {others}; choose with --story)."
            )
        return Story.objects.get(slug=stories[0])
