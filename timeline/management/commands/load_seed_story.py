"""Load the shipped seed story once; a later run leaves what editors made of it alone."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from articles.models import Story

FIXTURE = "seed_story"


def seed_fixture() -> Path:
    for folder in settings.FIXTURE_DIRS:
        path = Path(folder) / f"{FIXTURE}.json"
        if path.is_file():
            return path
    raise CommandError(f"no {FIXTURE}.json in FIXTURE_DIRS")


def seed_slug(path: Path) -> str:
    records = json.loads(path.read_text(encoding="utf-8"))
    return next(r["fields"]["slug"] for r in records if r["model"] == "articles.story")


class Command(BaseCommand):
    help = (
        "Load the seed story (fixtures/seed_story.json) unless it is already there. "
        "Reloading the fixture over a curated story would undo merges, splits and date "
        "fixes and cite the same sentences twice; this never does."
    )

    def handle(self, *args, **options) -> None:
        slug = seed_slug(seed_fixture())
        if Story.objects.filter(slug=slug).exists():
            self.stdout.write(f"The seed story “{slug}” is already loaded; left as it is.")
            return
        call_command("loaddata", FIXTURE, verbosity=0)
        self.stdout.write(f"Loaded the seed story “{slug}”.")
