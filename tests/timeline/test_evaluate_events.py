"""Event scoring, and the pipeline's targets on the seeds and on the test stories."""

from __future__ import annotations

import json
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from articles.models import content_hash
from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from tests.timeline.conftest import STORIES
from timeline.evaluation import Gold, GoldEvent, evaluate, load_gold

pytestmark = pytest.mark.django_db

SEEDS_GOLD = STORIES / "seeds_gold.json"


def test_seed_headline_events_come_out_once_with_exact_interval_and_every_source(seeds_raw):
    result = evaluate(story=seeds_raw, gold=load_gold(SEEDS_GOLD))
    headlines = [row for row in result.rows if row.gold.headline]
    assert len(headlines) == 4
    assert all(row.complete for row in headlines), [
        (row.gold.title, len(row.matches), sorted(row.sources_found)) for row in headlines
    ]


def test_seed_other_events_are_found_with_the_right_interval(seeds_raw):
    result = evaluate(story=seeds_raw, gold=load_gold(SEEDS_GOLD))
    others = [row for row in result.rows if not row.gold.headline]
    assert sum(row.exact for row in others) / len(others) >= 0.8


def test_seed_proposals_are_at_most_one_fifth_noise(seeds_raw):
    result = evaluate(story=seeds_raw, gold=load_gold(SEEDS_GOLD))
    assert result.noise_rate <= 0.2


@pytest.mark.parametrize("name", ["portmere_fire", "halden_strike", "halvorsen_recall"])
def test_story_events_are_found_with_little_noise(ingest_story, name):
    story = ingest_story(name)
    result = evaluate(story=story, gold=load_gold(STORIES / name / "gold.json"))
    assert result.exact_recall >= 0.8
    assert result.noise_rate <= 0.2
    assert all(row.complete for row in result.rows if row.gold.headline), [
        row.gold.title for row in result.rows if row.gold.headline and not row.complete
    ]


def test_halden_deal_records_the_disputed_raise(ingest_story):
    story = ingest_story("halden_strike")
    deal = story.events.get(date_start=date(2025, 9, 26))
    assert "4.5" in deal.disagreement and "5 (" in deal.disagreement


def test_halvorsen_recall_is_one_event_apart_from_the_deadline_around_it(ingest_story):
    story = ingest_story("halvorsen_recall")
    recall = story.events.get(date_start=date(2025, 4, 6))
    assert recall.citations.values("article").distinct().count() == 3
    deadline = story.events.get(granularity="month", date_start=date(2025, 4, 1))
    assert (deadline.date_kind, deadline.citations.count()) == ("planned", 1)
    # The telling of the restart ("…, the company said on Wednesday") is no event.
    assert not story.events.filter(date_start=date(2025, 5, 7), title__contains="restart")


def test_halvorsen_titles_come_from_each_dates_own_clause(ingest_story):
    story = ingest_story("halvorsen_recall")
    titles = dict(story.events.values_list("date_start", "title"))
    # "The company" is the company the article named before.
    assert titles[date(2025, 4, 3)] == "Halvorsen Foods halted the Dunmore production line"
    assert titles[date(2025, 5, 6)] == "The National Food Safety Agency released a report"


def test_reingesting_a_story_changes_nothing(ingest_story):
    story = ingest_story("portmere_fire")
    before = sorted(story.events.values_list("id", "date_start", "date_end", "status"))
    ingest_story("portmere_fire")
    assert sorted(story.events.values_list("id", "date_start", "date_end", "status")) == before


def gold_for(article, **overrides) -> Gold:
    event = GoldEvent(
        title="Seoul summons the envoy",
        date_start=date(2024, 10, 21),
        date_end=date(2024, 10, 21),
        granularity="day",
        sources=["a.txt"],
        keywords=["summons", "envoy"],
    )
    for key, value in overrides.items():
        setattr(event, key, value)
    return Gold(story=None, events=[event], articles={"a.txt": content_hash(article.body)})


def test_evaluate_counts_a_gold_event_found_twice_as_a_duplicate():
    story = StoryFactory()
    article = ArticleFactory(story=story, body="Seoul summons the envoy. More.")
    for _ in range(2):
        CitationFactory(
            event=EventFactory(
                story=story, title="Seoul summons envoy", date_start=date(2024, 10, 21)
            ),
            article=article,
        )
    result = evaluate(story=story, gold=gold_for(article))
    assert (result.duplicates, result.recall, result.noise_rate) == (1, 1.0, 0.0)


def test_evaluate_counts_an_event_matching_no_gold_as_noise():
    story = StoryFactory()
    article = ArticleFactory(story=story, body="Seoul summons the envoy. More.")
    EventFactory(story=story, title="Weather was fine", date_start=date(2024, 10, 21))
    result = evaluate(story=story, gold=gold_for(article))
    assert (result.recall, result.noise_rate) == (0.0, 1.0)


def test_evaluate_needs_overlapping_intervals():
    story = StoryFactory()
    article = ArticleFactory(story=story, body="Seoul summons the envoy. More.")
    CitationFactory(
        event=EventFactory(story=story, title="Seoul summons envoy", date_start=date(2023, 1, 1)),
        article=article,
    )
    assert evaluate(story=story, gold=gold_for(article)).recall == 0.0


def test_evaluate_events_command_prints_table_and_scores(seeds_raw):
    out = StringIO()
    call_command("evaluate_events", str(SEEDS_GOLD), "--story", "seeds-raw", stdout=out)
    assert "South Korea summons the Russian ambassador" in out.getvalue()
    assert "recall 12/12" in out.getvalue()


def test_a_story_without_events_has_no_noise():
    article = ArticleFactory(body="Seoul summons the envoy. More.")
    result = evaluate(story=article.story, gold=gold_for(article))
    assert (result.proposed, result.noise_rate, result.recall) == (0, 0.0, 0.0)


def test_evaluate_events_command_says_when_the_story_has_no_events(seed_story):
    StoryFactory(slug="seeds-raw")
    out, err = StringIO(), StringIO()
    call_command("evaluate_events", str(SEEDS_GOLD), "--story", "seeds-raw", stdout=out, stderr=err)
    assert "noise 0%" in out.getvalue()
    assert "has no proposed or approved events: ingest its articles first" in err.getvalue()


def test_evaluate_events_command_json_output(seeds_raw):
    out = StringIO()
    call_command("evaluate_events", str(SEEDS_GOLD), "--json", stdout=out)
    assert json.loads(out.getvalue())["recall"] >= 0.8


def test_evaluate_events_command_rejects_a_bad_gold_file(tmp_path):
    path = tmp_path / "gold.json"
    path.write_text('{"events": [{"title": 1}]}', encoding="utf-8")
    with pytest.raises(CommandError, match="not a gold file"):
        call_command("evaluate_events", str(path), "--story", "x")


def test_halden_walkout_records_the_disputed_number_of_strikers(ingest_story):
    story = ingest_story("halden_strike")
    walkout = story.events.get(date_start=date(2025, 9, 15))
    assert "number of drivers: 1,200" in walkout.disagreement
    assert "1,400" in walkout.disagreement
