"""Shared helpers for the ingest pipeline tests: stories on disk, seeds from the fixture."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from articles.models import Story
from timeline.ingest import get_story, ingest_paths, ingest_text

ROOT = Path(__file__).resolve().parents[2]
STORIES = ROOT / "tests" / "data" / "stories"


def ingest_seed_articles(story: Story) -> None:
    """The five seed articles, verbatim with their dates, read from the shipped fixture."""
    records = json.loads((ROOT / "fixtures" / "seed_story.json").read_text(encoding="utf-8"))
    for record in records:
        if record["model"] == "articles.article":
            fields = record["fields"]
            ingest_text(
                fields["body"],
                story=story,
                published=date.fromisoformat(fields["published_on"]),
                title=fields["title"],
            )


@pytest.fixture
def seeds_raw(db) -> Story:
    story = get_story(slug="seeds-raw", title="North Korean troops in Russia (October 2024)")
    ingest_seed_articles(story)
    return story


@pytest.fixture
def ingest_story(db):
    def ingest(name: str) -> Story:
        report = ingest_paths([STORIES / name / "manifest.json"], story_slug=name)
        assert not report.errors, report.errors
        return Story.objects.get(slug=name)

    return ingest
