from datetime import date

import pytest

from timeline.periods import BadPeriod, describe_interval, interval_fits_granularity, parse_period


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2023-02", date(2023, 2, 1), date(2023, 2, 28)),
        ("2024-06-15", date(2024, 6, 15), date(2024, 6, 15)),
        (" 2024-10 ", date(2024, 10, 1), date(2024, 10, 31)),
    ],
)
def test_parse_period_covers_the_whole_period(text, start, end):
    assert parse_period(text) == (start, end)


@pytest.mark.parametrize("text", ["", "24", "2024-13", "2024-02-30", "June", "2024/06", "2024-6"])
def test_parse_period_rejects_what_is_not_a_calendar_period(text):
    with pytest.raises(BadPeriod):
        parse_period(text)


@pytest.mark.parametrize(
    ("start", "end", "granularity", "fits"),
    [
        (date(2024, 6, 1), date(2024, 6, 30), "month", True),
        (date(2024, 6, 1), date(2024, 6, 29), "month", False),
        (date(2024, 10, 14), date(2024, 10, 20), "week", True),
        (date(2024, 10, 15), date(2024, 10, 21), "week", False),
        (date(2024, 7, 1), date(2024, 9, 30), "quarter", True),
        (date(2024, 1, 1), date(2024, 12, 31), "year", True),
        (date(1950, 1, 1), date(1959, 12, 31), "decade", True),
        (date(2024, 10, 8), date(2024, 10, 13), "range", True),
        (date(2024, 10, 8), date(2024, 10, 8), "day", True),
        (date(2024, 10, 8), date(2024, 10, 9), "day", False),
        (date(2024, 10, 9), date(2024, 10, 8), "range", False),
    ],
)
def test_interval_fits_granularity(start, end, granularity, fits):
    assert interval_fits_granularity(start, end, granularity) is fits


@pytest.mark.parametrize(
    ("start", "end", "granularity", "text"),
    [
        (date(2024, 6, 1), date(2024, 6, 30), "month", "June 2024"),
        (date(2024, 10, 8), date(2024, 10, 13), "range", "8–13 October 2024"),
        (date(2024, 10, 18), date(2024, 10, 18), "day", "18 October 2024"),
        (date(2024, 10, 14), date(2024, 10, 20), "week", "week of 14 October 2024"),
        (date(2023, 1, 1), date(2023, 12, 31), "year", "2023"),
        (date(2024, 9, 28), date(2024, 10, 2), "range", "28 September – 2 October 2024"),
        (date(2024, 6, 1), date(2024, 8, 31), "range", "June – August 2024"),
        (date(2024, 12, 1), date(2025, 2, 28), "range", "December 2024 – February 2025"),
        (date(2019, 1, 1), date(2021, 12, 31), "range", "2019–2021"),
        (date(2024, 6, 1), date(2024, 6, 30), "range", "June 2024"),
        (date(2024, 1, 1), date(2024, 12, 31), "range", "2024"),
    ],
)
def test_describe_interval_is_as_precise_as_the_date(start, end, granularity, text):
    assert describe_interval(start, end, granularity) == text
