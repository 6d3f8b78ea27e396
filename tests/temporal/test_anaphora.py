from datetime import date

import pytest

from .conftest import found


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        (
            "On October 18, the army announced drills. That same day, Yoon met his cabinet.",
            "2024-10-21",
            [("October 18", "2024-10-18"), ("That same day", "2024-10-18")],
        ),
        (
            "The ceasefire took effect on March 3. The next day, shelling resumed.",
            "2024-03-10",
            [("March 3", "2024-03-03"), ("The next day", "2024-03-04")],
        ),
        (
            "The bill passed on June 12, and the senate approved it the following week.",
            "2024-07-01",
            [("June 12", "2024-06-12"), ("the following week", "2024-W25")],
        ),
        (
            "GDP grew 3% in 2022, after shrinking the previous year.",
            "2024-10-21",
            [("2022", "2022"), ("the previous year", "2021")],
        ),
        (
            "Kherson was retaken on November 11; the Russians had left two days earlier.",
            "2022-11-15",
            [("November 11", "2022-11-11"), ("two days earlier", "2022-11-09")],
        ),
        (
            "Ships docked between October 8 and 13. The next day, they sailed.",
            "2024-10-21",
            [("October 8 and 13", "2024-10-08/2024-10-13"), ("The next day", "2024-10-14")],
        ),
    ],
)
def test_anaphor_resolves_against_the_last_date_mentioned(text, dct, expected):
    assert found(text, dct) == expected


def test_anaphor_records_the_mentioned_date_as_its_anchor():
    from timeline.temporal import tag

    same_day = tag("On October 18, troops moved. That same day, Seoul met.", date(2024, 10, 21))[1]
    assert same_day.anchor == date(2024, 10, 18)
    assert same_day.rule == "anaphora-same-day"


def test_anaphor_without_a_mention_falls_back_to_the_article_date():
    assert found("That same day, Seoul met.", "2024-10-21") == [("That same day", "2024-10-21")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "N units later/earlier" counts from the last date at least as fine as its unit.
        (
            "The law, passed in 2019, took effect two years later.",
            [("2019", "2019"), ("two years later", "2021")],
        ),
        (
            "Unemployment fell to 4.1% in February from 4.3% a month earlier.",
            [("February", "2025-02"), ("a month earlier", "2025-01")],
        ),
        (
            "The plant opened in June 2020 and closed three years later.",
            [("June 2020", "2020-06"), ("three years later", "2023")],
        ),
        # A month is not fine enough for days: "three days later" needs a day.
        (
            "The storm hit on March 9. In April, three days later, it rained.",
            [("March 9", "2025-03-09"), ("April", "2025-04"), ("three days later", "2025-03-12")],
        ),
    ],
)
def test_offset_counts_from_the_last_date_fine_enough_for_its_unit(text, expected):
    assert found(text, "2025-03-15") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the following Monday" is the first Monday after the day last mentioned,
        # "the previous Friday" the last Friday before it; not the article's own week.
        (
            "The strike began on March 3. Talks resumed the following Monday.",
            [("March 3", "2025-03-03"), ("the following Monday", "2025-03-10")],
        ),
        (
            "The strike began on March 3. The union had met the previous Friday.",
            [("March 3", "2025-03-03"), ("the previous Friday", "2025-02-28")],
        ),
        (
            "The storm hit on February 9. Crews arrived the following Tuesday evening.",
            [("February 9", "2025-02-09"), ("the following Tuesday evening", "2025-02-11TEV")],
        ),
        # With no date before it, it counts from the article's date.
        ("Talks resume the following Monday.", [("the following Monday", "2025-03-17")]),
    ],
)
def test_following_or_previous_weekday_counts_from_the_last_day_mentioned(text, expected):
    assert found(text, "2025-03-15") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "earlier/later in the week/month/year" is the period the text is about.
        (
            "The strike began on March 3. Later in the week, talks resumed.",
            [("March 3", "2025-03-03"), ("Later in the week", "2025-W10")],
        ),
        (
            "Sales fell in 2023 but recovered later in the year.",
            [("2023", "2023"), ("later in the year", "2023")],
        ),
        ("Earlier in the month, the minister resigned.", [("Earlier in the month", "2025-03")]),
    ],
)
def test_earlier_or_later_in_the_period_is_the_period_mentioned(text, expected):
    assert found(text, "2025-03-15") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "on the 12th" is that day of the month last mentioned...
        (
            "The strike began in February. On the 12th, talks collapsed.",
            [("February", "2025-02"), ("the 12th", "2025-02-12")],
        ),
        # ... else (or when the tense says otherwise) of the article's month, or the one
        # before or after it as the tense says.
        (
            "The strike began in February. Talks will resume on the 14th.",
            [("February", "2025-02"), ("the 14th", "2025-04-14")],
        ),
        ("The results were published on the 12th.", [("the 12th", "2025-03-12")]),
        ("The board meets again on the 24th.", [("the 24th", "2025-03-24")]),
        ("Workers were paid on the 28th.", [("the 28th", "2025-02-28")]),
        # An ordinal that counts something else is no day.
        ("The office is on the 5th floor.", []),
        ("He crashed on the 3rd lap.", []),
    ],
)
def test_ordinal_day_is_a_day_of_the_month_the_text_is_about(text, expected):
    assert found(text, "2025-03-17") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the next year" counts from the last year mentioned, as "the following year" does;
        # after "over" or "in" it is a duration.
        (
            "The firm was founded in 1998 and went public the next year.",
            [("1998", "1998"), ("the next year", "1999")],
        ),
        ("Growth will slow over the next year.", [("the next year", "P1Y")]),
        ("The firm expects to hire 500 people in the next year.", [("the next year", "P1Y")]),
        ("Prices will rise the next month.", [("the next month", "2025-04")]),
    ],
)
def test_the_next_year_is_the_year_after_the_one_mentioned(text, expected):
    assert found(text, "2025-03-15") == expected
