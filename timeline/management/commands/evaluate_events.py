"""python manage.py evaluate_events [GOLD.json] [--story SLUG] [--json]

Without a gold file, only the story's titles are checked."""

from __future__ import annotations

import json

from django.core.management.base import BaseCommand, CommandError, CommandParser

from articles.models import Story
from timeline import evaluation


class Command(BaseCommand):
    help = (
        "Compare a story's events with a gold list and print recall, precision, noise, "
        "duplicates and sources per gold event.\n\n" + (evaluation.__doc__ or "")
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs):
        from argparse import RawDescriptionHelpFormatter

        return super().create_parser(
            prog_name, subcommand, formatter_class=RawDescriptionHelpFormatter, **kwargs
        )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "gold", metavar="GOLD.json", nargs="?", help="the curated events (optional)"
        )
        parser.add_argument("--story", metavar="SLUG", help="the story to score (default: gold's)")
        parser.add_argument("--json", action="store_true", help="print the scores as JSON")

    def handle(self, *args, gold: str | None, story: str | None, json: bool, **options) -> None:
        if gold is None:
            if not story:
                raise CommandError("give GOLD.json, or --story SLUG to check its titles only")
            titles = evaluation.check_titles(evaluation.reviewable_events(_story(story)))
            self.stdout.write(_dumps(titles.to_dict()) if json else titles.format())
            return
        try:
            loaded = evaluation.load_gold(gold)
        except evaluation.GoldError as error:
            raise CommandError(str(error)) from None
        slug = story or loaded.story
        if not slug:
            raise CommandError("which story? give --story SLUG (the gold file names none)")
        result = evaluation.evaluate(story=_story(slug), gold=loaded)
        if not result.proposed:
            self.stderr.write(
                f"Story “{slug}” has no proposed or approved events: ingest its articles first "
                "(an article already ingested, in any story, is skipped)."
            )
        if json:
            self.stdout.write(_dumps(result.to_dict()))
        else:
            self.stdout.write(evaluation.format_table(result))


def _story(slug: str) -> Story:
    found = Story.objects.filter(slug=slug).first()
    if found is None:
        raise CommandError(f"no story “{slug}”")
    return found


def _dumps(data: dict) -> str:
    return json.dumps(data, indent=1, ensure_ascii=False)
