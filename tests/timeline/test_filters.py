"""Reading the timeline's query parameters."""

from datetime import date

import pytest
from django.http import QueryDict

from timeline.filters import parse_filters
from timeline.views import source_choices


def parse(query: str):
    return parse_filters(QueryDict(query))


def test_periods_become_inclusive_bounds():
    filters = parse("from=2024-06&to=2024-10")
    assert (filters.date_from, filters.date_to) == (date(2024, 6, 1), date(2024, 10, 31))
    assert not filters.errors


@pytest.mark.parametrize("text", ["²", "١٢", "1.5", "-1", "99999999999999"])
def test_source_must_be_plain_digits(text):
    filters = parse(f"source={text}")
    assert filters.sources == [] and filters.errors


def test_repeated_sources_are_kept_once():
    assert parse("source=3&source=3&source=4").sources == [3, 4]


def test_repeated_status_is_kept_once():
    assert parse("status=approved&status=approved").statuses == ["approved"]


def test_control_characters_are_dropped_from_the_search():
    assert parse("q=%00pact%07").q == "pact"


@pytest.mark.parametrize("text", ["0", "1001", "١", "two"])
def test_min_sources_out_of_range_is_an_error(text):
    filters = parse(f"min_sources={text}")
    assert filters.min_sources is None and filters.errors


def test_min_sources_one_filters_nothing_and_says_nothing():
    filters = parse("min_sources=1")
    assert filters.min_sources is None and not filters.errors and not filters.active


@pytest.mark.parametrize(
    ("total", "chosen", "choices"),
    [(4, None, [2, 3, 4]), (4, 3, [2, 3, 4]), (3, 1000, [2, 3, 1000]), (1, None, [])],
)
def test_source_choices_go_up_to_the_story_sources_and_the_number_asked_for(total, chosen, choices):
    assert source_choices(total, chosen) == choices


def test_querystring_round_trips_and_overrides():
    filters = parse("q=pact&source=2&source=3&from=2024")
    assert filters.querystring() == "from=2024&q=pact&source=2&source=3"
    assert filters.querystring(from_=None, source=["3"]) == "q=pact&source=3"


def test_count_of_set_filters():
    assert parse("from=2024&to=2024&q=x&granularity=day").count == 3


def test_without_dates_keeps_the_rest():
    filters = parse("from=2024&q=x").without_dates()
    assert filters.date_from is None and filters.q == "x"


@pytest.mark.parametrize(
    "query",
    [
        "",
        "q=pact&source=2",
        "to=2024-10&q=a%26b+c&status=approved",
        "from=2024&to=2024-06&granularity=day&granularity=month&min_sources=2",
        "q=%E2%80%9Cquoted%E2%80%9D&from=2023",
    ],
)
@pytest.mark.parametrize(
    "period", [("2024", "2024"), ("2024-10", "2024-10"), ("2024-09-22", "2024-10-21")]
)
def test_period_querystring_is_querystring_with_those_dates(query, period):
    filters = parse(query)
    start, end = period
    assert filters.period_querystring()(start, end) == filters.querystring(from_=start, to=end)


def test_a_bad_date_stays_in_its_box_to_be_fixed(client, seed_story):
    response = client.get(seed_story.get_absolute_url(), {"from": "2024-13-45"})
    assert response.status_code == 200
    assert 'name="from" value="2024-13-45"' in response.text
    assert "is not a real calendar date" in response.text
