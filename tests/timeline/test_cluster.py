"""Merging candidates into events: built by hand, so only the clustering is under test."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from tests.factories import (
    ArticleFactory,
    CitationFactory,
    EventFactory,
    StoryFactory,
    TemporalExpressionFactory,
)
from timeline.cluster import bulk_insert, merge_candidates, neighbours
from timeline.extract import Candidate, date_kind
from timeline.keywords import content_tokens, figures_in
from timeline.models import Citation, Event
from timeline.titles import make_title

pytestmark = pytest.mark.django_db


def candidate(
    story,
    sentence: str,
    start: date,
    end: date | None = None,
    granularity: str = "day",
    *,
    published: date = date(2024, 10, 21),
) -> Candidate:
    art = ArticleFactory(
        story=story, body=f"Intro sentence for this test. {sentence}", published_on=published
    )
    at = art.body.index(sentence)
    end = end or start
    return Candidate(
        article=art,
        title=make_title(sentence),
        summary=sentence,
        date_start=start,
        date_end=end,
        granularity=granularity,
        date_kind=date_kind(sentence, start=start, published=published),
        quote=sentence,
        start=at,
        end=at + len(sentence),
        expression=None,
        tokens=frozenset(content_tokens(sentence)),
        figures=figures_in(sentence),
    )


@pytest.fixture
def story():
    return StoryFactory(title="North Korean troops in Russia", slug="nk")


OCT18 = date(2024, 10, 18)
SUMMONS_A = "South Korea has summoned the Russian ambassador in Seoul to protest."
SUMMONS_B = "South Korea's Foreign Ministry summoned the Russian ambassador in Seoul."


def test_same_event_from_two_articles_becomes_one_event(story):
    outcome = merge_candidates(
        story=story,
        candidates=[candidate(story, SUMMONS_A, OCT18), candidate(story, SUMMONS_B, OCT18)],
    )
    assert (outcome.proposed, outcome.merged) == (1, 1)
    [event] = Event.objects.filter(story=story)
    assert event.citations.count() == 2
    assert event.status == Event.Status.PROPOSED


def test_different_events_on_the_same_day_stay_apart(story):
    merge_candidates(
        story=story,
        candidates=[
            candidate(
                story, "President Yoon Suk Yeol convened an emergency security meeting.", OCT18
            ),
            candidate(
                story, "North Korea announced plans to send 12,000 troops to the war.", OCT18
            ),
        ],
    )
    assert Event.objects.filter(story=story).count() == 2


def test_same_words_on_incompatible_dates_stay_apart(story):
    merge_candidates(
        story=story,
        candidates=[
            candidate(story, SUMMONS_A, date(2024, 10, 1)),
            candidate(story, SUMMONS_B, date(2024, 10, 21)),
        ],
    )
    assert Event.objects.filter(story=story).count() == 2


def test_month_and_day_merge_keeping_the_day(story):
    merge_candidates(
        story=story,
        candidates=[
            candidate(
                story,
                "Putin and Kim signed a mutual defence treaty in Pyongyang.",
                date(2024, 6, 1),
                date(2024, 6, 30),
                "month",
            ),
            candidate(
                story,
                "Putin and Kim signed the mutual defence treaty in Pyongyang.",
                date(2024, 6, 19),
            ),
        ],
    )
    [event] = Event.objects.filter(story=story)
    assert (event.date_start, event.date_end, event.granularity) == (
        date(2024, 6, 19),
        date(2024, 6, 19),
        "day",
    )


@pytest.fixture
def recall_story():
    return StoryFactory(title="Ostrava Mills flour recall", slug="flour")


def test_a_deadline_and_another_deed_of_the_same_actor_inside_it_stay_apart(recall_story):
    deadline = candidate(
        recall_story,
        "The Food Safety Board said it would publish its findings by the end of the month.",
        date(2025, 6, 1),
        date(2025, 6, 30),
        "month",
        published=date(2025, 6, 2),
    )
    deadline.date_kind = Event.DateKind.PLANNED  # as extract finds it: June is not over
    order = candidate(
        recall_story,
        "The Food Safety Board on Friday ordered Ostrava Mills to recall 8,000 more bags.",
        date(2025, 6, 6),
        published=date(2025, 6, 10),
    )
    merge_candidates(story=recall_story, candidates=[deadline])
    outcome = merge_candidates(story=recall_story, candidates=[order])
    assert (outcome.proposed, outcome.merged) == (1, 0)


def test_same_day_reports_of_the_storys_own_happening_merge(recall_story):
    merge_candidates(
        story=recall_story,
        candidates=[
            candidate(
                recall_story,
                "Ostrava Mills said on Sunday it was recalling 9,000 bags of flour after "
                "customers found pieces of metal in them.",
                date(2025, 6, 1),
                published=date(2025, 6, 2),
            )
        ],
    )
    outcome = merge_candidates(
        story=recall_story,
        candidates=[
            candidate(
                recall_story,
                "The recall began on June 1, a week after the first complaint.",
                date(2025, 6, 1),
                published=date(2025, 7, 3),
            )
        ],
    )
    assert (outcome.proposed, outcome.merged) == (0, 1)


SUMMONS_BY_PRONOUN = "It has summoned the Russian ambassador in Seoul, the ministry said."


def test_a_proposed_event_shows_its_best_reports_title_but_matches_by_its_first(story):
    merge_candidates(story=story, candidates=[candidate(story, SUMMONS_BY_PRONOUN, OCT18)])
    outcome = merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    assert outcome.merged == 1
    [event] = Event.objects.filter(story=story)
    assert event.title == make_title(SUMMONS_B)
    assert event.match_title == make_title(SUMMONS_BY_PRONOUN)
    assert not event.title_edited


def test_an_event_stored_without_a_match_title_keeps_matching_by_the_title_it_had(story):
    event = EventFactory(
        story=story, title="It has summoned the Russian ambassador", status="proposed"
    )
    CitationFactory(event=event, article=ArticleFactory(story=story, body=SUMMONS_BY_PRONOUN))
    merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    event.refresh_from_db()
    assert event.title == make_title(SUMMONS_B)
    assert event.match_title == "It has summoned the Russian ambassador"


def test_saving_a_retitled_event_keeps_a_title_an_editor_wrote_meanwhile(story):
    from timeline.cluster import Slot, _update

    event = EventFactory(story=story, title="Seoul summons envoy", status="proposed")
    slot = Slot(event.pk, "South Korea summoned the ambassador", OCT18, OCT18, "day")
    Event.objects.filter(pk=event.pk).update(title="Summons", title_edited=True)
    _update([slot])
    event.refresh_from_db()
    assert (event.title, event.date_start) == ("Summons", OCT18)


def test_a_less_precise_report_does_not_give_its_title(story):
    merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    merge_candidates(
        story=story,
        candidates=[candidate(story, SUMMONS_A, date(2024, 10, 1), date(2024, 10, 31), "month")],
    )
    [event] = Event.objects.filter(story=story)
    assert event.citations.count() == 2
    assert event.title == make_title(SUMMONS_B)


@pytest.mark.parametrize(
    "decided",
    [{"title_edited": True}, {"status": Event.Status.APPROVED}, {"status": Event.Status.REJECTED}],
)
def test_an_editors_title_or_decision_keeps_the_title(story, decided):
    event = EventFactory(
        story=story, title="Summons", date_start=OCT18, **{"status": "proposed", **decided}
    )
    CitationFactory(event=event, article=ArticleFactory(story=story, body=SUMMONS_BY_PRONOUN))
    merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    event.refresh_from_db()
    assert event.citations.count() == 2
    assert event.title == "Summons"


def test_a_word_of_the_articles_own_title_both_main_clauses_say_counts(db):
    from timeline.ingest import ingest_text

    story = StoryFactory(title="Ostrava Mills", slug="mills")
    ingest_text(
        "Ostrava Mills said on Sunday it was recalling 9,000 bags of flour after customers "
        "found metal in them.\nThe mill is the region's largest.\n",
        story=story,
        published=date(2025, 6, 2),
    )
    # "recall" is in most of this article's sentences, so it weighs little, except where
    # both main clauses say it and the article's title does too.
    ingest_text(
        "The Food Board on Friday ordered Ostrava Mills to recall 5,000 more bags, widening "
        "the recall the company announced on June 1.\nThe recall now covers four regions.\n"
        "Shops must return every recalled bag.\nNo injuries have been reported.\n",
        story=story,
        published=date(2025, 6, 10),
        title="Regulator orders wider flour recall",
    )
    recall = Event.objects.get(story=story, date_start=date(2025, 6, 1))
    assert recall.citations.count() == 2


def test_approved_event_gains_the_citation_but_keeps_status_and_dates(story):
    event = EventFactory(
        story=story,
        title="South Korea summons the Russian ambassador",
        date_start=date(2024, 10, 1),
        date_end=date(2024, 10, 31),
        granularity="month",
        status=Event.Status.APPROVED,
    )
    CitationFactory(event=event, article=ArticleFactory(story=story, body=SUMMONS_A))
    merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, date(2024, 10, 21))])
    event.refresh_from_db()
    assert event.citations.count() == 2
    assert (event.status, event.granularity) == (Event.Status.APPROVED, "month")


def test_rejected_event_stays_rejected_and_nothing_new_is_proposed(story):
    event = EventFactory(story=story, status=Event.Status.REJECTED)
    CitationFactory(event=event, article=ArticleFactory(story=story, body=SUMMONS_A))
    outcome = merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    event.refresh_from_db()
    assert (outcome.proposed, event.status) == (0, Event.Status.REJECTED)


def test_candidate_matching_a_merged_event_joins_the_event_it_was_merged_into(story):
    target = EventFactory(
        story=story,
        title="Summons",
        date_start=date(2024, 10, 1),
        date_end=date(2024, 10, 31),
        granularity="month",
    )
    merged = EventFactory(
        story=story, title="Summons", status=Event.Status.MERGED, merged_into=target
    )
    CitationFactory(event=merged, article=ArticleFactory(story=story, body=SUMMONS_A))
    merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    assert target.citations.count() == 1
    assert merged.citations.count() == 1


def test_candidate_follows_merges_to_an_event_outside_its_date_window(story):
    # An editor merged twice, the last time into an event the window does not reach.
    survivor = EventFactory(story=story, title="Summons", date_start=date(2023, 1, 5))
    middle = EventFactory(
        story=story, title="Summons", status=Event.Status.MERGED, merged_into=survivor
    )
    merged = EventFactory(
        story=story, title="Summons", status=Event.Status.MERGED, merged_into=middle
    )
    CitationFactory(event=merged, article=ArticleFactory(story=story, body=SUMMONS_A))
    outcome = merge_candidates(story=story, candidates=[candidate(story, SUMMONS_B, OCT18)])
    assert (outcome.proposed, outcome.merged) == (0, 1)
    assert [c.quote for c in survivor.citations.all()] == [SUMMONS_B]
    survivor.refresh_from_db()
    assert survivor.date_start == date(2023, 1, 5)


def test_sources_disagreeing_on_a_figure_are_recorded(story):
    merge_candidates(
        story=story,
        candidates=[
            candidate(story, "North Korea sent 10,000 troops to Russia's Far East by ship.", OCT18),
            candidate(story, "North Korea sent 12,000 troops to Russia's Far East by ship.", OCT18),
        ],
    )
    [event] = Event.objects.filter(story=story)
    assert "10,000" in event.disagreement and "12,000" in event.disagreement


def test_a_plan_that_happened_takes_the_date_of_what_happened(story):
    merge_candidates(
        story=story,
        candidates=[
            candidate(
                story,
                "The mediator will begin mediated talks with both sides.",
                date(2025, 9, 22),
                published=date(2025, 9, 17),
            ),
            candidate(
                story,
                "Both sides met for mediated talks at the mediator's office.",
                date(2025, 9, 22),
                date(2025, 9, 24),
                "range",
                published=date(2025, 9, 25),
            ),
        ],
    )
    [event] = Event.objects.filter(story=story)
    assert (event.date_end, event.granularity, event.date_kind) == (
        date(2025, 9, 24),
        "range",
        "happened",
    )


def test_neighbours_find_containing_periods_and_skip_far_events(story):
    month = EventFactory(
        story=story, date_start=date(2024, 10, 1), date_end=date(2024, 10, 31), granularity="month"
    )
    year = EventFactory(
        story=story, date_start=date(2024, 1, 1), date_end=date(2024, 12, 31), granularity="year"
    )
    EventFactory(story=story, date_start=date(2024, 3, 1))
    found = neighbours(story=story, start=OCT18, end=OCT18)
    assert {event.pk for event in found} == {month.pk, year.pk}


def test_a_dense_window_keeps_the_events_nearest_the_candidates_date(story):
    from timeline.cluster import WINDOW_LIMIT

    two_days_before = OCT18 - timedelta(days=2)
    Event.objects.bulk_create(
        Event(
            story=story,
            title=f"e{n}",
            date_start=two_days_before,
            date_end=two_days_before,
            granularity="day",
        )
        for n in range(WINDOW_LIMIT)
    )
    same_day = EventFactory(story=story, date_start=OCT18)
    month = EventFactory(
        story=story, date_start=date(2024, 10, 1), date_end=date(2024, 10, 31), granularity="month"
    )
    found = neighbours(story=story, start=OCT18, end=OCT18)
    assert len(found) == WINDOW_LIMIT
    assert {same_day.pk, month.pk} <= {slot.pk for slot in found}


def test_neighbour_lookup_costs_the_same_queries_whatever_the_story_size(
    story, django_assert_max_num_queries
):
    Event.objects.bulk_create(
        [
            Event(
                story=story,
                title=f"e{n}",
                date_start=date(2020, 1, 1 + n % 28),
                date_end=date(2020, 1, 1 + n % 28),
                granularity="day",
            )
            for n in range(300)
        ]
    )
    with django_assert_max_num_queries(1):  # events joined to their citations
        neighbours(story=story, start=OCT18, end=OCT18)


def test_neighbour_query_searches_date_ranges_instead_of_scanning_the_story(story):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if connection.vendor != "sqlite":
        pytest.skip("reads SQLite's query plan")
    EventFactory(story=story, date_start=OCT18)
    with CaptureQueriesContext(connection) as captured:
        neighbours(story=story, start=OCT18, end=OCT18)
    plan = connection.cursor().execute("EXPLAIN QUERY PLAN " + captured[0]["sql"]).fetchall()
    lookups = [row[3] for row in plan if row[3].startswith(("SEARCH", "SCAN"))]
    events = [step for step in lookups if step.startswith("SEARCH timeline_event ")]
    citations = [step for step in lookups if step.startswith("SEARCH timeline_citation ")]
    assert events and all("date_start" in step for step in events), lookups
    assert citations and all("(event_id=?)" in step for step in citations), lookups
    # Besides those index searches, only what they found ("around"), to keep the
    # WINDOW_LIMIT nearest ("nearby").
    assert set(lookups) - set(events) - set(citations) == {"SCAN around", "SCAN nearby"}, lookups


@pytest.mark.parametrize("rows", [1, 3])
def test_bulk_insert_stores_what_the_orm_stores(story, rows):
    article = ArticleFactory(story=story)
    made = [
        Event(
            story=story,
            title=f"Troops “moved” {n}",
            summary="",
            date_start=date(2024, 10, 8),
            date_end=date(2024, 10, 13),
            granularity="range",
        )
        for n in range(rows)
    ]
    bulk_insert(made)
    cited = [
        Citation(event=made[0], article=article, quote="q", start=n, end=n + 1) for n in range(rows)
    ]
    bulk_insert(cited, ignore_conflicts=True, returning=False)
    stored = Event.objects.filter(story=story).order_by("pk")
    assert [e.pk for e in stored] == [e.pk for e in made]
    for event, original in zip(stored, made, strict=True):
        assert (event.title, event.date_start, event.date_end, event.granularity) == (
            original.title,
            original.date_start,
            original.date_end,
            original.granularity,
        )
        assert (event.uid, event.status, event.created_at) == (
            original.uid,
            Event.Status.PROPOSED,
            original.created_at,
        )
    assert sorted(made[0].citations.values_list("start", flat=True)) == list(range(rows))


@pytest.mark.parametrize(
    "sentence",
    [
        "The regulator ordered the company to recall a further 80,000 pies.",
        "Another 300 workers joined the strike.",
        "The recall covered 200,000 pies in total.",
        "A total of 1,200 homes were evacuated.",
    ],
)
def test_a_part_or_a_sum_is_not_a_figure_to_compare(sentence):
    assert figures_in(sentence) == {}


def test_a_plain_count_is_a_figure_to_compare():
    assert figures_in("The company recalled 120,000 frozen pies.") == {"pies": {120000.0}}


RESIGNED = "Steve Jobs has chosen to step down from his post as chief executive of Apple."
RESIGNED_ON = "On August 24, Jobs resigned from his post as chief executive of Apple."
AUG24, AUG25 = date(2011, 8, 24), date(2011, 8, 25)


def dated(story, sentence: str, day: date, *, published: date) -> Candidate:
    """A candidate its own sentence dates (not only its article's publication day)."""
    report = candidate(story, sentence, day, published=published)
    report.expression = TemporalExpressionFactory(
        article=report.article, date_start=day, date_end=day, granularity="day"
    )
    return report


@pytest.mark.parametrize("stated_first", [True, False])
def test_a_report_dated_by_its_article_joins_the_day_another_source_states(story, stated_first):
    """The news an article tells on its day (Aug 25) and a later source's "On August 24"
    are one happening; the day the source states wins."""
    news = candidate(story, RESIGNED, AUG25, published=AUG25)
    stated = dated(story, RESIGNED_ON, AUG24, published=date(2011, 10, 6))
    batches = [[stated], [news]] if stated_first else [[news], [stated]]
    for batch in batches:
        merge_candidates(story=story, candidates=batch)
    [event] = Event.objects.filter(story=story)
    assert (event.date_start, event.date_end) == (AUG24, AUG24)
    assert event.citations.count() == 2


def test_two_sources_stating_days_apart_need_to_read_alike_to_merge(story):
    merge_candidates(
        story=story,
        candidates=[dated(story, RESIGNED, AUG25, published=AUG25)],
    )
    merge_candidates(
        story=story,
        candidates=[dated(story, RESIGNED_ON, AUG24, published=date(2011, 10, 6))],
    )
    assert Event.objects.filter(story=story).count() == 2
