"""The density strip: bins, folded gaps, and how imprecise events are counted."""

from datetime import date, timedelta

import pytest

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event
from timeline.overview import (
    LABEL_CHAR,
    MAX_MONTH_BINS,
    Bin,
    build_overview,
    count_by_day,
    count_by_month,
)


def test_long_empty_stretches_fold_into_one_gap():
    overview = build_overview([Bin(2024, 1, 2), Bin(2024, 9, 5)])
    gaps = [slot for slot in overview.slots if slot.is_gap]
    assert len(gaps) == 1 and gaps[0].skipped == 7
    assert gaps[0].skipped_label == "7 months with no events"


def test_short_empty_stretches_stay_as_empty_months():
    overview = build_overview([Bin(2024, 1, 2), Bin(2024, 3, 5)])
    assert [slot.bin.period for slot in overview.slots] == ["2024-01", "2024-02", "2024-03"]
    assert overview.slots[1].bar_height == 0


def test_year_only_events_get_a_year_column_not_january():
    overview = build_overview([Bin(1953, None, 1), Bin(2024, 10, 7)])
    periods = [slot.bin.period if slot.bin else "gap" for slot in overview.slots]
    assert periods == ["1953", "gap", "2024-10"]
    assert overview.slots[1].skipped_label == "70 years with no events"
    assert [b.period for b in overview.months] == ["2024-10"]


def test_bars_scale_to_the_busiest_period_and_mark_the_selection():
    overview = build_overview(
        [Bin(2024, 9, 1), Bin(2024, 10, 4)],
        selected_from=date(2024, 10, 1),
        selected_to=date(2024, 10, 31),
    )
    september, october = overview.slots
    assert october.bar_height == 56 and september.bar_height == 14
    assert october.selected and not september.selected


def test_very_long_stories_count_by_year():
    bins = [Bin(1950 + i, month, 1) for i in range(70) for month in (1, 6)]
    overview = build_overview(bins)
    assert overview.unit == "year"
    assert all(slot.bin.month is None for slot in overview.slots if slot.bin)
    assert len(overview.slots) == 70


def test_centuries_count_by_decade():
    bins = [Bin(1800 + i * 3, 6, 1) for i in range(240)]
    overview = build_overview(bins)
    assert overview.unit == "decade"
    assert len(overview.slots) == 72  # 1800s … 2510s
    first = overview.slots[0]
    assert (first.bin.name, first.bin.period, first.bin.period_end) == ("1800s", "1800", "1809")
    assert first.bin.count == 4  # 1800, 1803, 1806, 1809


def test_no_events_no_strip():
    assert build_overview([]).slots == []


@pytest.mark.django_db
def test_count_by_month_is_one_query_and_keeps_coarse_events_out_of_january(
    django_assert_num_queries,
):
    story = StoryFactory()
    EventFactory(story=story, date_start=date(2024, 10, 18))
    EventFactory(story=story, date_start=date(2024, 10, 21))
    EventFactory(
        story=story, date_start=date(2023, 1, 1), date_end=date(2023, 12, 31), granularity="year"
    )
    with django_assert_num_queries(1):
        bins = count_by_month(Event.objects.for_story(story))
    assert bins == [Bin(2023, None, 1), Bin(2024, 10, 2)]


def labels_never_overlap(overview) -> None:
    written = [(slot.x, slot.label) for slot in overview.slots if slot.label]
    for (x, text), (next_x, _) in zip(written, written[1:], strict=False):
        assert x + LABEL_CHAR * len(text) <= next_x, (text, x, next_x)


def day_bins(first: date, days: int, every: int = 1) -> list[Bin]:
    return [
        Bin(d.year, d.month, 1, d.day)
        for d in (first + timedelta(days=n) for n in range(0, days, every))
    ]


def test_a_story_of_three_weeks_counts_days():
    overview = build_overview(day_bins(date(2024, 10, 1), 21))
    assert overview.unit == "day"
    assert len(overview.slots) == 21
    first = overview.slots[0]
    assert (first.bin.name, first.bin.period, first.bin.period_end) == (
        "1 Oct 2024",
        "2024-10-01",
        "2024-10-01",
    )
    assert first.label == "Oct 2024"
    labels_never_overlap(overview)


def test_a_story_of_sixty_days_counts_weeks_from_monday():
    overview = build_overview(day_bins(date(2024, 9, 4), 60, every=2))  # a Wednesday
    assert overview.unit == "week"
    assert 9 <= len(overview.slots) <= 10
    first = overview.slots[0].bin
    assert (first.name, first.period, first.period_end) == (
        "Week of 2 Sep 2024",
        "2024-09-02",
        "2024-09-08",
    )
    assert first.count == 3  # the 4th, 6th and 8th
    assert sum(slot.bin.count for slot in overview.slots) == 30
    labels_never_overlap(overview)


def test_month_dated_events_keep_a_short_story_by_month():
    overview = build_overview([*day_bins(date(2024, 10, 1), 10), Bin(2024, 9, 1)])
    assert overview.unit == "month"


def test_sixty_years_of_events_keep_labels_apart():
    bins = [Bin(1950 + i, month, 1) for i in range(60) for month in (1, 4, 7, 10)]
    overview = build_overview(bins)
    assert overview.unit == "year"
    assert len(overview.slots) == 60
    assert sum(1 for slot in overview.slots if slot.label) >= 6
    labels_never_overlap(overview)


@pytest.mark.django_db
def test_count_by_day_counts_day_and_week_events_by_their_first_day():
    story = StoryFactory()
    EventFactory(story=story, date_start=date(2024, 10, 21))
    EventFactory(story=story, date_start=date(2024, 10, 21))
    EventFactory(
        story=story, date_start=date(2024, 10, 14), date_end=date(2024, 10, 20), granularity="week"
    )
    EventFactory(
        story=story, date_start=date(2024, 9, 1), date_end=date(2024, 9, 30), granularity="month"
    )
    bins = count_by_day(Event.objects.for_story(story))
    assert bins == [Bin(2024, 9, 1), Bin(2024, 10, 1, 14), Bin(2024, 10, 2, 21)]


def test_week_bar_links_to_its_seven_days(client, db):
    story = StoryFactory()
    article = ArticleFactory(story=story, published_on=date(2024, 11, 30))
    for n in range(0, 60, 3):
        event = EventFactory(story=story, date_start=date(2024, 10, 1) + timedelta(days=n))
        CitationFactory(event=event, article=article)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "Events by the week they start in" in html
    assert "from=2024-09-30&amp;to=2024-10-06" in html
    assert 'aria-label="Week of 30 Sep 2024: 2 events"' in html


def test_two_decades_of_months_count_years_not_decades():
    bins = [Bin(1990 + i, month, 1) for i in range(22) for month in (1, 6)]
    overview = build_overview(bins)
    assert overview.unit == "year"
    assert len(overview.slots) == 22 <= MAX_MONTH_BINS
