"""The density strip: bins, folded gaps, and how imprecise events are counted."""

from datetime import date

import pytest

from tests.factories import EventFactory, StoryFactory
from timeline.models import Event
from timeline.overview import MAX_MONTH_BINS, Bin, build_overview, count_by_month


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
    bins = [Bin(1800 + i * 3, 6, 1) for i in range(MAX_MONTH_BINS)]
    overview = build_overview(bins)
    assert overview.unit == "year"
    assert all(slot.bin.month is None for slot in overview.slots if slot.bin)


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
