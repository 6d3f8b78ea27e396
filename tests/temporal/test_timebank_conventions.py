"""TimeBank conventions for financial and general news, added after the TBAQ dev review."""

import pytest

from .conftest import found

OCTOBER_1989 = "1989-10-26"  # a Thursday in 1989-Q4, when third-quarter results come out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A frequency adjective on a financial figure says what the figure is, not when.
        ("It raised its quarterly dividend to 12 cents.", []),
        ("The split and quarterly dividend will be paid.", []),
        ("It is 5% of the average daily volume.", []),
        ("Holders voted at the annual meeting.", []),
        ("It declared its initial quarterly of five cents.", []),
        # A year owned, due or aimed at is a date (TimeBank tags it).
        ("It began after its 1990 invasion of Kuwait.", [("1990", "1990")]),
        ("He lost his 1996 campaign.", [("1996", "1996")]),
        ("It sold bonds due 1993 and warrants.", [("1993", "1993")]),
        ('Sales have not met our expectations for 1989".', [("1989", "1989")]),
        ("It links attacks dating to 1994.", [("1994", "1994")]),
        ("He paid for 1500 shares.", []),
        ("His 1500 shares were sold.", []),
        ("Its 2000 employees were told.", []),
        # A profit or loss that is annual measures a year.
        ("GM posts its first annual loss since 1992.", [("annual", "P1Y"), ("1992", "1992")]),
        # Used of events or profits it is still a frequency.
        ("The report is published annually.", [("annually", "P1Y")]),
        ("They hold daily rallies.", [("daily", "P1D")]),
    ],
)  # fmt: skip
def test_timebank_convention(text, expected):
    assert found(text, OCTOBER_1989) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Results come out after the quarter: the one just ended, whatever the tense.
        ("It expects to report a third-quarter loss.", [("third-quarter", "1989-Q3")]),
        ("It will post fourth-quarter results.", [("fourth-quarter", "1989-Q4")]),
        ("Sales will rise in the first quarter.", [("the first quarter", "1990-Q1")]),
        # "The latest quarter" is the quarter the story reports on, else the one just ended.
        ("Sales rose in the latest quarter.", [("the latest quarter", "1989-Q3")]),
        (
            "Third-quarter profit fell. The latest period had a one-time gain.",
            [("Third-quarter", "1989-Q3"), ("The latest period", "1989-Q3")],
        ),
        (
            "Profit in the third quarter fell. Coal fell 5% for the quarter.",
            [("the third quarter", "1989-Q3"), ("the quarter", "1989-Q3")],
        ),
        # A quarter still running is not the latest one reported.
        (
            "The fourth quarter looks weak; in the latest quarter it lost $7 million.",
            [("The fourth quarter", "1989-Q4"), ("the latest quarter", "1989-Q3")],
        ),
        # Alone, "the quarter" and "the period" name no quarter.
        ("Sales for the quarter were flat.", []),
        ("In the latest period sales fell.", []),
        ("It sold a quarter of its stake.", []),
        # A year before a quarter is the quarter's: "the 1988 second quarter".
        ("It took a charge in the 1988 second quarter.", [("the 1988 second quarter", "1988-Q2")]),
        ("It starts in next year's first quarter.", [("next year's first quarter", "1990-Q1")]),
        (
            "Third-quarter sales fell from $9 million in the 1988 quarter.",
            [("Third-quarter", "1989-Q3"), ("the 1988 quarter", "1988-Q3")],
        ),
        # A quarter of a financial year whose start is not said stays a quarter of "FY".
        (
            "Profit for the first quarter of the financial year rose.",
            [("the first quarter of the financial year", "FY1989-Q1")],
        ),
    ],
)  # fmt: skip
def test_results_quarters(text, expected):
    assert found(text, OCTOBER_1989) == expected


@pytest.mark.parametrize(
    ("dct", "text", "value"),
    [
        # "this weekend" in a Monday paper is the one just gone, unless the clause looks ahead.
        ("2024-10-21", "Thousands marched this weekend in Paris.", "2024-W42-WE"),
        ("2024-10-21", "The film topped the box office this weekend.", "2024-W42-WE"),
        ("2024-10-21", "Crowds will march this weekend.", "2024-W43-WE"),
        ("2024-10-23", "Crowds are expected this weekend.", "2024-W43-WE"),
    ],
)
def test_this_weekend_early_in_the_week(dct, text, value):
    assert [v for _, v in found(text, dct)] == [value]
