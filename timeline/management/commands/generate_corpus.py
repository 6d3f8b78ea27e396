"""Build a synthetic news corpus, into the database or as files for the ingest benchmark."""

from __future__ import annotations

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from timeline.corpus import build_corpus, write_corpus_files, write_corpus_to_database


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError(text)
    return value


class Command(BaseCommand):
    help = (
        "Generate a deterministic synthetic corpus (stories, articles, dated events, citations). "
        "Stories are named synthetic-SEED-N and replaced if they exist."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--stories", type=positive, default=1, help="How many stories.")
        parser.add_argument("--articles", type=positive, default=20, help="Articles per story.")
        parser.add_argument("--seed", type=int, default=1, help="Same seed, same corpus.")
        parser.add_argument(
            "--events-per-story", type=positive, default=None, help="Default: 3 per article."
        )
        parser.add_argument(
            "--no-expressions",
            action="store_true",
            help="Skip the temporal expression rows (faster; citations then have no date link).",
        )
        parser.add_argument(
            "--out",
            type=Path,
            default=None,
            help="Write OUT/<story>/article-NNNN.txt and manifest.json instead of the database.",
        )

    def handle(self, *args, **options) -> None:
        began = time.perf_counter()
        plan = build_corpus(
            stories=options["stories"],
            articles=options["articles"],
            seed=options["seed"],
            events_per_story=options["events_per_story"],
        )
        try:
            if options["out"]:
                summary = write_corpus_files(plan, out=options["out"])
                where = f"files in {options['out']}"
            else:
                summary = write_corpus_to_database(
                    plan, with_expressions=not options["no_expressions"]
                )
                where = "the database"
        except OSError as error:
            raise CommandError(f"Cannot write the corpus: {error}") from error
        self.stdout.write(
            f"Wrote {summary.stories} stories, {summary.articles} articles, "
            f"{summary.events} events, {summary.citations} citations, "
            f"{summary.expressions} date expressions to {where} "
            f"in {time.perf_counter() - began:.1f}s."
        )
