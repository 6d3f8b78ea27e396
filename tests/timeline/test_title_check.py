"""evaluate_events checks every title: the share that is a clause a reader understands
alone, with each failure and why."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.factories import EventFactory, StoryFactory
from timeline.evaluation import check_titles, reviewable_events
from timeline.models import Event

from .test_evaluate_events import SEEDS_GOLD

pytestmark = pytest.mark.django_db


def _story_with_titles(*titles: str, status=Event.Status.PROPOSED):
    story = StoryFactory(slug="checked")
    for title in titles:
        EventFactory(story=story, title=title, status=status)
    return story


def test_the_check_counts_clauses_and_lists_each_failure_with_its_reason():
    story = _story_with_titles("Apple released the iPhone 4", "The iPod music player")
    check = check_titles(reviewable_events(story))
    assert (check.checked, check.clauses, check.share) == (2, 1, 0.5)
    assert [(e.title, why) for e, why in check.failures] == [("The iPod music player", "no verb")]


def test_rejected_events_are_not_checked():
    story = _story_with_titles("The iPod music player", status=Event.Status.REJECTED)
    assert check_titles(reviewable_events(story)).checked == 0


def test_without_a_gold_file_the_command_checks_the_titles_only():
    _story_with_titles("Apple released the iPhone 4", "Five years after its launch")
    out = StringIO()
    call_command("evaluate_events", "--story", "checked", stdout=out)
    text = out.getvalue()
    assert text.startswith("titles: 1/2 (50%) are a clause a reader understands alone")
    assert "Five years after its launch" in text and "no verb" in text


def test_the_title_check_as_json():
    _story_with_titles("Apple released the iPhone 4")
    out = StringIO()
    call_command("evaluate_events", "--story", "checked", "--json", stdout=out)
    assert json.loads(out.getvalue()) == {
        "checked": 1,
        "clauses": 1,
        "share": 1.0,
        "failures": [],
    }


def test_without_gold_or_story_the_command_says_what_it_needs():
    with pytest.raises(CommandError, match="give GOLD.json, or --story SLUG"):
        call_command("evaluate_events")


def test_the_seed_story_scores_show_the_title_check(seeds_raw):
    out = StringIO()
    call_command("evaluate_events", str(SEEDS_GOLD), "--story", "seeds-raw", stdout=out)
    assert "titles: 12/12 (100%) are a clause a reader understands alone" in out.getvalue()


@pytest.mark.parametrize("story", ["portmere_fire", "halden_strike", "halvorsen_recall"])
def test_every_title_of_the_test_stories_is_a_clause(ingest_story, story):
    check = check_titles(reviewable_events(ingest_story(story)))
    assert check.failures == [], [(e.title, why) for e, why in check.failures]
