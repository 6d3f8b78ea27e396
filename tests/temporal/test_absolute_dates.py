from datetime import date

import pytest

from .conftest import found, only


@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "granularity"),
    [
        ("It was signed on 21 October 2024.", "2024-11-01", "21 October 2024", "2024-10-21", "day"),
        ("Talks resumed on October 21.", "2024-10-25", "October 21", "2024-10-21", "day"),
        ("Talks resumed on October 21st.", "2024-10-25", "October 21st", "2024-10-21", "day"),
        ("Prices peaked in Oct. 2024.", "2025-01-10", "Oct. 2024", "2024-10", "month"),
        ("The firm was founded in 2024.", "2025-03-03", "2024", "2024", "year"),
        ("Jazz flourished in the 1950s.", "2024-10-21", "the 1950s", "195", "decade"),
        ("Revenue fell in Q3 2024.", "2024-11-05", "Q3 2024", "2024-Q3", "quarter"),
        ("The drought of summer 2023 was severe.", "2024-10-21", "summer 2023", "2023-SU", "range"),
        (
            "It opened on Monday, October 21, 2024, in Seoul.",
            "2024-10-22",
            "Monday, October 21, 2024",
            "2024-10-21",
            "day",
        ),
        (
            "The law takes effect on January 1, 2025.",
            "2024-12-01",
            "January 1, 2025",
            "2025-01-01",
            "day",
        ),
        (
            "The filing dated 2024-10-21 shows a loss.",
            "2024-10-25",
            "2024-10-21",
            "2024-10-21",
            "day",
        ),
        (
            "Sales rose in the first quarter of 2024.",
            "2024-10-21",
            "the first quarter of 2024",
            "2024-Q1",
            "quarter",
        ),
        (
            "Production will rise in the second half of 2025.",
            "2024-10-21",
            "the second half of 2025",
            "2025-H2",
            "range",
        ),
        ("The war ended in 1953.", "2024-10-18", "1953", "1953", "year"),
        ("Fighting intensified in late 2023.", "2024-10-21", "late 2023", "2023", "range"),
    ],
)
def test_absolute_date_at_every_precision(text, dct, span, value, granularity):
    timex = only(text, dct)
    assert (timex.text, timex.value, timex.granularity) == (span, value, granularity)
    assert timex.type == "DATE"


def test_month_interval_covers_the_whole_month_not_a_made_up_day():
    timex = only("The pact was signed in June.", "2024-10-21")
    assert (timex.date_start, timex.date_end) == (date(2024, 6, 1), date(2024, 6, 30))


def test_decade_interval_covers_ten_years():
    timex = only("Jazz flourished in the 1950s.", "2024-10-21")
    assert (timex.date_start, timex.date_end) == (date(1950, 1, 1), date(1959, 12, 31))


def test_season_interval_is_meteorological():
    timex = only("The drought of summer 2023 was severe.", "2024-10-21")
    assert (timex.date_start, timex.date_end) == (date(2023, 6, 1), date(2023, 8, 31))


def test_numeric_date_is_parsed_by_dateparser_month_first():
    assert found("The memo dated 10/21/2024 leaked.", "2024-10-25") == [
        ("10/21/2024", "2024-10-21")
    ]


def test_numeric_date_with_day_above_twelve_reads_day_first():
    assert found("The memo dated 21/10/2024 leaked.", "2024-10-25") == [
        ("21/10/2024", "2024-10-21")
    ]


def test_date_with_clock_time_is_one_time_expression():
    timex = only(" Monday, October 21, 2024 10:07:57 AM", "2024-10-21")
    assert (timex.type, timex.value) == ("TIME", "2024-10-21T10:07:57")


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The rally was held on March 5 in the capital.", "2024-10-21", "2024-03-05"),
        ("Prices are expected to rise in January.", "2024-10-21", "2025-01"),
        ("The agreement was reached in December.", "2024-02-10", "2023-12"),
        ("The harvest begins in September.", "2024-06-01", "2024-09"),
        ("Voters go to the polls on November 5.", "2024-10-21", "2024-11-05"),
        ("Markets have fallen since November.", "2009-03-13", "2008-11"),
    ],
)
def test_missing_year_follows_the_tense_of_the_sentence(text, dct, value):
    assert only(text, dct).value == value


def test_year_as_adjective_counts_as_a_date():
    assert found("The 1953 armistice ended the war.", "2024-10-21") == [("1953", "1953")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A year-less day a few days after the article's date is this year's, unless
        # "since", "until now" or a past or perfect verb puts it in the past: last year's.
        ("The ferry has carried 9,000 people since March 17.", "2024-03-17"),
        ("Ever since March 17, the line has been closed.", "2024-03-17"),
        ("From March 17 until now, the ferry has carried 9,000 people.", "2024-03-17"),
        ("The bridge was shut on March 17.", "2024-03-17"),
        ("On March 20, the council voted to close the bridge.", "2024-03-20"),
        ("Shares jumped on March 20 after the report.", "2024-03-20"),
        ("Cars returned March 17.", "2024-03-17"),
        # Looking ahead, or no verb that governs the date: this year's.
        ("The ferry will resume service on March 17.", "2025-03-17"),
        ("On March 20, the council is expected to vote.", "2025-03-20"),
        ("The hearing, which was postponed twice, will now be held on March 20.", "2025-03-20"),
        ("The game was postponed and will be replayed on March 20.", "2025-03-20"),
        ("The summit was scheduled to start on March 20.", "2025-03-20"),
        ("Flights were cancelled and the airport reopens on March 20.", "2025-03-20"),
        ("Officials said the bridge reopens on March 17.", "2025-03-17"),
        ("The hearing was adjourned until March 20.", "2025-03-20"),
        ("The vote was moved to March 20.", "2025-03-20"),
        ("The conference will be held March 24-26.", "2025-03-24/2025-03-26"),
        ("Cars returned for the March 17 vote.", "2025-03-17"),
        ("The deadline was March 20.", "2025-03-20"),
    ],
)
def test_year_less_day_soon_after_the_article_is_last_years_when_the_past_governs(text, value):
    days = [v for _, v in found(text, "2025-03-15") if v != "PRESENT_REF"]  # "until now"
    assert days == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The team has not lost since Christmas.", "2023-12-25"),
        ("A truce was declared for Christmas.", "2024-12-25"),  # declared for: ahead
    ],
)
def test_holiday_soon_after_the_article_follows_the_same_rule(text, value):
    assert only(text, "2024-12-20").value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The weekday named with a year-less day picks the year, whatever the tense.
        ("The index fell on Monday, March 17, its worst day in a year.", "2025-03-17"),
        ("The talks open on Thursday, 12 March.", "2026-03-12"),
        ("Results came out on Wed., March 12.", "2025-03-12"),
        ("The ministry said on Sunday, March 17, that prices rose.", "2024-03-17"),
    ],
)
def test_weekday_named_with_a_day_decides_its_year(text, value):
    assert found(text, "2025-03-15")[0][1] == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A year-less "3/14" after a date word is a day, month first unless it cannot be.
        ("Sales rose in the quarter ending 3/14.", [("3/14", "2025-03-14")]),
        ("The firm will report on 3/27.", [("3/27", "2025-03-27")]),
        ("The memo dated 14/3 leaked.", [("14/3", "2025-03-14")]),
        ("Security has tightened since 9/11.", [("9/11", "2001-09-11")]),
        # Fractions, scores and "24/7" are not days.
        ("The tax was cut by 1/3.", []),
        ("Voters agreed on 1/2 of the issues.", []),
        ("The shop is open 24/7.", []),
        ("The team won 3/1 on aggregate.", []),
    ],
)
def test_year_less_numeric_day_needs_a_date_word_before_it(text, expected):
    assert found(text, "2025-03-15") == expected
