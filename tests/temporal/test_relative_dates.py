from datetime import date

import pytest

from timeline.temporal import tag

from .conftest import only

MONDAY = "2024-10-21"
FRIDAY = "2024-10-18"


@pytest.mark.parametrize(
    ("text", "dct", "span", "value", "granularity"),
    [
        ("The minister resigned today.", MONDAY, "today", "2024-10-21", "day"),
        ("Protesters gathered yesterday.", MONDAY, "yesterday", "2024-10-20", "day"),
        ("Last week, the agency published its report.", MONDAY, "Last week", "2024-W42", "week"),
        ("Inflation has eased this year.", MONDAY, "this year", "2024", "year"),
        ("Putin visited Pyongyang last June.", MONDAY, "last June", "2024-06", "month"),
        (
            "Six died in a strike earlier this month.",
            FRIDAY,
            "earlier this month",
            "2024-10",
            "range",  # 1–18 October: the value names the month, the interval is not all of it
        ),
        (
            "Arms flowed since September of last year.",
            FRIDAY,
            "September of last year",
            "2023-09",
            "month",
        ),
        ("Elections will be held next month.", MONDAY, "next month", "2024-11", "month"),
        ("The ship sank two days ago.", MONDAY, "two days ago", "2024-10-19", "day"),
        ("The vote will take place in three weeks.", MONDAY, "three weeks", "2024-11-11", "day"),
        ("The project will be finished in two years.", MONDAY, "two years", "2026", "year"),
        ("The firm reported losses last quarter.", MONDAY, "last quarter", "2024-Q3", "quarter"),
        ("Tomorrow, the court will rule.", MONDAY, "Tomorrow", "2024-10-22", "day"),
        ("The ceasefire held over the weekend.", MONDAY, "the weekend", "2024-W42-WE", "range"),
        ("This weekend, volunteers will clean up.", MONDAY, "This weekend", "2024-W43-WE", "range"),
        # "this past" is "last", and its "this" belongs to the expression.
        ("Fans gathered this past weekend.", MONDAY, "this past weekend", "2024-W42-WE", "range"),
        ("Prices fell this past week.", MONDAY, "this past week", "2024-W42", "week"),
        ("Polls closed this past Sunday.", MONDAY, "this past Sunday", "2024-10-20", "day"),
        ("The bridge was built 20 years ago.", MONDAY, "20 years ago", "2004", "year"),
        (
            "The plant will close by the end of the year.",
            MONDAY,
            "the end of the year",
            "2024",
            "range",
        ),
        (
            "Parliament debates it the day after tomorrow.",
            MONDAY,
            "the day after tomorrow",
            "2024-10-23",
            "day",
        ),
    ],
)
def test_relative_expression_resolves_against_the_article_date(text, dct, span, value, granularity):
    timex = only(text, dct)
    assert (timex.text, timex.value, timex.granularity) == (span, value, granularity)
    assert timex.anchor == date.fromisoformat(dct)


def test_earlier_this_month_interval_stops_at_the_article_date():
    timex = only("Six died in a strike earlier this month.", FRIDAY)
    assert (timex.date_start, timex.date_end) == (date(2024, 10, 1), date(2024, 10, 18))


@pytest.mark.parametrize(
    ("text", "dct", "value", "rule"),
    [
        ("Yoon convened a meeting on Friday.", FRIDAY, "2024-10-18", "weekday-same-day"),
        ("Officials met on Friday to discuss it.", MONDAY, "2024-10-18", "weekday-past"),
        ("The committee will meet on Thursday.", MONDAY, "2024-10-24", "weekday-future"),
        ("Dozens were killed last Tuesday.", MONDAY, "2024-10-15", "weekday-last"),
        ("The minister will travel next Friday.", MONDAY, "2024-10-25", "weekday-next"),
        ("Police said on Friday that troops will move.", MONDAY, "2024-10-18", "weekday-past"),
        # A tie goes to the verb before: the date is when it was said.
        ("The firm said on Friday it would cut jobs.", MONDAY, "2024-10-18", "weekday-past"),
    ],
)
def test_weekday_is_the_nearest_one_in_the_direction_of_the_tense(text, dct, value, rule):
    timex = only(text, dct)
    assert (timex.value, timex.rule) == (value, rule)


SATURDAY = "2025-03-15"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A weekday with a part of the day follows the tense as a bare weekday does,
        # whether the verb comes before or after it.
        ("Cars returned on Thursday morning.", "2025-03-13TMO"),
        ("On Thursday morning, cars returned to the bridge.", "2025-03-13TMO"),
        ("Traffic resumed on Friday night.", "2025-03-14TNI"),
        ("On Monday evening, the council approved the budget.", "2025-03-10TEV"),
        ("Cars will return on Thursday morning.", "2025-03-20TMO"),
        ("On Monday evening, the council will vote on the budget.", "2025-03-17TEV"),
        # "later than planned", "as expected" compare with a plan: they do not look ahead.
        ("Cars returned on Thursday morning, a day later than planned.", "2025-03-13TMO"),
        ("Cars returned on Thursday morning, days later than expected.", "2025-03-13TMO"),
        ("The bridge reopened on Thursday as planned.", "2025-03-13"),
        ("The bridge reopened on Thursday, sooner than expected.", "2025-03-13"),
        ("The bridge will reopen on Thursday, a day later than planned.", "2025-03-20"),
    ],
)
def test_weekday_and_part_of_day_follow_the_tense_of_the_clause(text, value):
    assert tag(text, date.fromisoformat(SATURDAY))[0].value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The tense of the date's own clause decides before a nearer cue past a comma.
        ("The minister, who arrived on Friday, will meet the president.", ["2025-03-14"]),
        ("The line, shut since the floods in January, will reopen in April.",
         ["2025-01", "2025-04"]),
        ("The plant, which opened in June, will close.", ["2024-06"]),
        ("The plant, which will open in June, was built in 2023.", ["2025-06", "2023"]),
        # A clause with no cue of its own takes the sentence's.
        ("On Thursday, the council will vote on the plan.", ["2025-03-20"]),
        ("In June, the council approved the plan.", ["2024-06"]),
    ],
)  # fmt: skip
def test_the_dates_own_clause_gives_its_tense_first(text, expected):
    assert [t.value for t in tag(text, date.fromisoformat(SATURDAY))] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The present of a scheduled event looks ahead: "resumes on Tuesday" is next Tuesday.
        ("The hearing resumes on Tuesday.", "2025-03-18"),
        ("The board meets again on Thursday.", "2025-03-20"),
        ("The president visits Paris on Friday.", "2025-03-21"),
        ("The law takes effect on Saturday.", "2025-03-22"),
        ("The hearing resumed on Tuesday.", "2025-03-11"),
    ],
)
def test_present_of_a_scheduled_event_looks_ahead(text, value):
    assert only(text, "2025-03-17").value == value


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "this Thursday" follows the tense when the week has moved past it; with no
        # tense it is this week's.
        ("The vote is set for this Thursday.", "2025-03-20"),
        ("The vote was held this Thursday.", "2025-03-13"),
        ("Results are due this Monday.", "2025-03-17"),
        ("The rally takes place this Saturday.", "2025-03-15"),
        ("This Thursday, markets are closed.", "2025-03-13"),
    ],
)
def test_this_weekday_follows_the_tense(text, value):
    assert only(text, SATURDAY).value == value


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        # On a Saturday the weekend has only begun: one looked back on is the last one.
        ("Protesters gathered over the weekend.", SATURDAY, "2025-W10-WE"),
        ("The shelter will stay open through the weekend.", SATURDAY, "2025-W11-WE"),
        ("Protesters gathered over the weekend.", "2025-03-16", "2025-W11-WE"),  # Sunday
        ("Protesters gathered over the weekend.", "2025-03-17", "2025-W11-WE"),  # Monday
    ],
)
def test_the_weekend_on_a_saturday_follows_the_tense(text, dct, value):
    assert only(text, dct).value == value


@pytest.mark.parametrize(
    ("text", "interval", "rule"),
    [
        (
            "It was introduced less than two weeks ago.",
            (date(2010, 6, 2), date(2010, 6, 16)),
            "offset-ago-at-most",
        ),
        (
            "It began about two weeks ago.",
            (date(2010, 5, 30), date(2010, 6, 5)),
            "offset-ago-approximate",
        ),
        ("It began more than two weeks ago.", (None, None), "offset-ago-at-least"),
    ],
)
def test_an_offset_that_is_a_bound_or_a_guess_is_no_single_day(text, interval, rule):
    timex = only(text, "2010-06-16")
    assert timex.value == "2010-W22"  # the week the count reaches, never a made-up day
    assert ((timex.date_start, timex.date_end), timex.rule) == (interval, rule)
    assert timex.granularity != "day"
