from datetime import date

import pytest

from .conftest import only


@pytest.mark.parametrize(
    ("text", "dct", "span", "value"),
    [
        (
            "Ships docked between October 8 and 13.",
            "2024-10-21",
            "October 8 and 13",
            "2024-10-08/2024-10-13",
        ),
        ("The festival runs 8-13 October.", "2024-09-01", "8-13 October", "2024-10-08/2024-10-13"),
        (
            "The festival runs October 8–13, 2024.",
            "2024-09-01",
            "October 8–13, 2024",
            "2024-10-08/2024-10-13",
        ),
        (
            "Construction is planned from June to August.",
            "2025-02-10",
            "June to August",
            "2025-06/2025-08",
        ),
        ("Output grew between 2019 and 2021.", "2024-10-21", "2019 and 2021", "2019/2021"),
        ("Trade doubled from 2010 to 2020.", "2024-10-21", "2010 to 2020", "2010/2020"),
        ("The 2009-2011 plan failed.", "2024-10-21", "2009-2011", "2009/2011"),
        (
            "From Monday to Wednesday, rail workers walked out.",
            "2024-10-21",
            "Monday to Wednesday",
            "2024-10-14/2024-10-16",
        ),
        (
            "Work was halted from December to February.",
            "2024-10-21",
            "December to February",
            "2023-12/2024-02",
        ),
    ],
)
def test_range_is_one_expression(text, dct, span, value):
    timex = only(text, dct)
    assert (timex.text, timex.value, timex.granularity) == (span, value, "range")


def test_range_interval_covers_both_ends():
    timex = only("Construction is planned from June to August.", "2025-02-10")
    assert (timex.date_start, timex.date_end) == (date(2025, 6, 1), date(2025, 8, 31))


def test_two_years_joined_by_and_without_between_stay_apart():
    timex = only("Sales in 2009 and a plan.", "2024-10-21")
    assert timex.value == "2009"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Two weekdays make one run of days, placed as a whole by the tense; the article's
        # own day (Saturday) is no exception.
        ("The storm is expected to hit between Thursday and Saturday.", "2025-03-20/2025-03-22"),
        ("Trains will not run from Monday to Wednesday.", "2025-03-17/2025-03-19"),
        ("The bridge was shut from Monday to Wednesday.", "2025-03-10/2025-03-12"),
        ("The festival ran from Friday to Monday.", "2025-03-07/2025-03-10"),
        # With no tense, a run the article's day falls in is the one going on.
        ("The festival runs from Friday to Sunday.", "2025-03-14/2025-03-16"),
    ],
)
def test_weekday_range_is_placed_as_a_whole(text, value):
    assert only(text, "2025-03-15").value == value
