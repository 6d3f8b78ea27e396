"""TempEval-3 / TimeBank conventions for English news added after the MEANTIME error review."""

from datetime import date

import pytest

from timeline.temporal.tagger import tag

from .conftest import found, only

WEDNESDAY = "2009-04-01"  # in Q2 of 2009; ISO week 14


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Fiscal years: TimeBank values "fiscal 1989" as the year it is named for; the
        # British "financial year" and "FY" keep TIMEX3's "FY2009". No interval either way
        # (when the year starts is not said).
        ("Profit in fiscal 2009 rose.", [("fiscal 2009", "2009")]),
        ("Sales in fiscal year 2010 fell.", [("fiscal year 2010", "2010")]),
        ("In the fiscal year 2008 sales rose.", [("fiscal year 2008", "2008")]),
        ("FY2011 guidance was cut.", [("FY2011", "FY2011")]),
        ("Its FY 2012 plan is out.", [("FY 2012", "FY2012")]),
        ("Results for fiscal '98 were weak.", [("fiscal '98", "1998")]),
        ("Sales this fiscal year rose.", [("this fiscal year", "2009")]),
        ("Last fiscal year it lost money.", [("Last fiscal year", "2008")]),
        ("It expects growth in the next fiscal year.", [("the next fiscal year", "2010")]),
        ("The fiscal year was hard.", []),  # which fiscal year is not said
        # "Financial year" is the British name; a part of "the fiscal year" is this one's.
        ("Profit in the financial year 2008 rose.", [("financial year 2008", "FY2008")]),
        ("Costs rose last financial year.", [("last financial year", "FY2008")]),
        ("It will cut jobs by the end of the fiscal year.",
         [("the end of the fiscal year", "2009")]),
        (
            "Sales jumped at the very beginning of the financial year.",
            [("the very beginning of the financial year", "FY2009")],
        ),
        ("The financial crisis deepened.", []),
        # "year-earlier" / "year-ago" (TimeBank tags the adjective alone).
        ("Profit fell from year-ago levels.", [("year-ago", "2008")]),
        (
            "Third-quarter profit rose 5% from the year-earlier quarter.",
            [("Third-quarter", "2008-Q3"), ("year-earlier", "2007-Q3")],
        ),
        ("Sales rose a year earlier.", [("a year earlier", "2008")]),
        # Centuries: TIMEX3 writes the first two digits of the century's years.
        ("Life in the 21st century is fast.", [("the 21st century", "20")]),
        ("It was built in the nineteenth century.", [("the nineteenth century", "18")]),
        ("By the early 20th century it was gone.", [("the early 20th century", "19")]),
        ("The twenty-first century began.", [("The twenty-first century", "20")]),
        ("They are 21st-century skills.", [("21st-century", "20")]),
        ("Rail came in the 1800s.", [("the 1800s", "18")]),
        ("Cars spread in the 1900s.", [("the 1900s", "19")]),
        ("Phones spread in the 2000s.", [("the 2000s", "200")]),  # a decade, as said
        ("Prices rose in the 1990s.", [("the 1990s", "199")]),
        # A bare plural of decades is a vague duration.
        ('It was "decades in the making".', [("decades", "PXDE")]),
        ("Decades of war ended.", [("Decades", "PXDE")]),
        ("It was a decades-old dispute.", []),
        ("It settled a decades-long dispute.", [("decades-long", "PXDE")]),
        ("The years-long feud ended.", [("years-long", "PXY")]),
        ("It ended three decades ago.", [("three decades ago", "1979")]),
        # "today's" for the present in general is PRESENT_REF; for the day it is the day.
        ("In today's world, nothing is certain.", [("today", "PRESENT_REF")]),
        ("Today's global economy is fragile.", [("Today", "PRESENT_REF")]),
        ("It suits today's fast-changing economy.", [("today", "PRESENT_REF")]),
        ("Today's meeting was cancelled.", [("Today", "2009-04-01")]),
        ("Today's vote was close.", [("Today", "2009-04-01")]),
        # September 11 as the name of the 2001 attacks, whatever the document date.
        ("The September 11 attacks changed travel.", [("September 11", "2001-09-11")]),
        ("It was the worst drop since the September 11th terrorist attacks.",
         [("September 11th", "2001-09-11")]),
        ("After the attacks of 11 September, markets shut.", [("11 September", "2001-09-11")]),
        ("The report is due on September 11.", [("September 11", "2009-09-11")]),
        # Holidays that move with the year (HeidelTime's normHolidayVar), the year by tense.
        ("Sales peaked at Thanksgiving.", [("Thanksgiving", "2008-11-27")]),
        ("Stores will open on Black Friday.", [("Black Friday", "2009-11-27")]),
        ("The rally began after Labor Day.", [("Labor Day", "2008-09-01")]),
        ("Parades will mark Memorial Day.", [("Memorial Day", "2009-05-25")]),
        ("Churches fill at Easter.", [("Easter", "2009-04-12")]),  # 11 days off: this year's
        ("Sales rose over Easter 2008.", [("Easter 2008", "2008-03-23")]),
        ("Good Friday 2011 was quiet.", [("Good Friday 2011", "2011-04-22")]),
        ("Presidents' Day 2010 fell late.", [("Presidents' Day 2010", "2010-02-15")]),
        ("Easter Island is remote.", []),
        ("He hid Easter eggs.", []),
        ("an easter wind", []),
        # The nth week of a month is an ISO week: the first holds the month's 4th day, the
        # last the day three before its end.
        ("Sales fell in the last week of March.", [("the last week of March", "2009-W13")]),
        ("Sales fell in the first week of March.", [("the first week of March", "2009-W10")]),
        ("Talks resume in the first week of May.", [("the first week of May", "2009-W19")]),
        (
            "It fell in the second week of January 2009.",
            [("the second week of January 2009", "2009-W02")],
        ),
        (
            "It fell in the final week of December last year.",
            [("the final week of December last year", "2008-W52")],
        ),
        # "the last week" / "the past year" are dated (TimeBank): the week most of its
        # days lie in, the last calendar year.
        ("He rested for the last week.", [("the last week", "2009-W13")]),
        ("Sales rose over the past year.", [("the past year", "2008")]),
        ("He rested for the last two weeks.", [("the last two weeks", "P2W")]),
        # "year-end" after a preposition is the end of the current year.
        ("Sales will recover by year-end.", [("year-end", "2009")]),
        ("The rate is 2% at year end.", [("year end", "2009")]),
        ("It paid a year-end bonus.", []),
        ("The deal should close by the year-end.", [("the year-end", "2009")]),
        ("It will buy shares through year-end 2010.", [("year-end 2010", "2010")]),
        # A year-end gone by is last year's.
        ("Since the year-end, prices have risen.", [("the year-end", "2008")]),
        ("The rate was 2% at year end.", [("year end", "2008")]),
        # "a month and a half": the half after the unit.
        ("The strike lasted a month and a half.", [("a month and a half", "P1.5M")]),
        ("It took two years and a half.", [("two years and a half", "P2.5Y")]),
        ("It took two and a half years.", [("two and a half years", "P2.5Y")]),
        # Ages are not durations (as HeidelTime's negative rules).
        ("He is 65 years old.", []),
        ("A 65-year-old man was hurt.", []),
    ],
)  # fmt: skip
def test_news_expression(text, expected):
    assert found(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # Irregular past tenses are tense cues too: a bare quarter or weekday looks back.
        ("Third-quarter profit rose sharply.", "Third-quarter", "2008-Q3"),
        ("Fourth-quarter sales fell.", "Fourth-quarter", "2008-Q4"),
        ("Shares sank on Friday.", "Friday", "2009-03-27"),
        ("The bank paid on Friday.", "Friday", "2009-03-27"),
        ("The bank will pay on Friday.", "Friday", "2009-04-03"),
        ("In November the company sold its stake.", "November", "2008-11"),
        ("In November the company will sell its stake.", "November", "2009-11"),
    ],
)
def test_irregular_past_tense_picks_the_past(text, span, value):
    timex = only(text, WEDNESDAY)
    assert (timex.text, timex.value) == (span, value)


@pytest.mark.parametrize(
    ("year", "easter"),
    [(1990, "1990-04-15"), (2008, "2008-03-23"), (2011, "2011-04-24"), (2024, "2024-03-31"),
     (2025, "2025-04-20"), (2038, "2038-04-25")],
)  # fmt: skip
def test_easter_computus(year, easter):
    from timeline.temporal.lexicon import easter as compute

    assert compute(year).isoformat() == easter


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # A clock time with a UTC offset is local time: ISO 8601 "+08:00", not "Z".
        ("It landed at 6:40 p.m. (GMT +8).", "6:40 p.m. (GMT +8)", "2009-04-01T18:40+08:00"),
        ("It left at 10:00 GMT+5:30.", "10:00 GMT+5:30", "2009-04-01T10:00+05:30"),
        ("Polls close at 9 a.m. (UTC-5).", "9 a.m. (UTC-5)", "2009-04-01T09:00-05:00"),
        ("Trading halted at 14:05 GMT+0.", "14:05 GMT+0", "2009-04-01T14:05Z"),
        ("The jet landed at 08:30 UTC.", "08:30 UTC", "2009-04-01T08:30Z"),
        ("Talks began at 7 p.m. GMT, officials said.", "7 p.m. GMT", "2009-04-01T19:00Z"),
        # Named zones give their offset; "ET" and "Eastern time" leave summer time open.
        ("Stocks closed at 4 p.m. EDT.", "4 p.m. EDT", "2009-04-01T16:00-04:00"),
        ("It landed at 9:15 a.m. (PST).", "9:15 a.m. (PST)", "2009-04-01T09:15-08:00"),
        ("Polls shut at 10 p.m. BST.", "10 p.m. BST", "2009-04-01T22:00+01:00"),
        ("The launch is at 11:05 Central Standard Time.", "11:05 Central Standard Time",
         "2009-04-01T11:05-06:00"),
        ("Trading opens at 9:30 a.m. ET.", "9:30 a.m. ET", "2009-04-01T09:30"),
        ("Trading halted at 2 p.m. Eastern time.", "2 p.m. Eastern time", "2009-04-01T14:00"),
        ("He spoke at 5 p.m. et al. agreed.", "5 p.m.", "2009-04-01T17:00"),  # lower case
        # British news writes the minutes after a full stop.
        ("A fire broke out at 11.30pm.", "11.30pm", "2009-04-01T23:30"),
        ("The first train leaves at 6.15 a.m. BST.", "6.15 a.m. BST", "2009-04-01T06:15+01:00"),
    ],
)  # fmt: skip
def test_clock_time_zone_offsets(text, span, value):
    timex = only(text, WEDNESDAY)
    assert (timex.text, timex.type, timex.value) == (span, "TIME", value)


def test_fiscal_year_has_no_interval():
    timex = only("Profit in fiscal 2009 rose.", WEDNESDAY)
    assert (timex.type, timex.date_start, timex.date_end) == ("DATE", None, None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The adjective "recent" is PAST_REF, as TimeBank and HeidelTime tag it, like "recently".
        ("In a recent address, the minister spoke.", [("recent", "PAST_REF")]),
        ("The recent downturn hurt sales.", [("recent", "PAST_REF")]),
        ("Recent reports suggest a build-up.", [("Recent", "PAST_REF")]),
        ("It was the largest bankruptcy in recent U.S. history.", [("recent", "PAST_REF")]),
        # Longer expressions keep their own reading.
        ("Prices have climbed in recent years.", [("recent years", "PXY")]),
        ("It happened in the recent past.", [("the recent past", "PAST_REF")]),
        # A comparison orders things rather than placing them in time.
        ("The most recent model sold well.", []),
        ("A more recent survey disagreed.", []),
        # Adjective "current" and "ongoing" are not tagged.
        ("Its five current models sell.", []),
        ("The ongoing recession hurt.", []),
    ],
)  # fmt: skip
def test_recent_is_past_ref_but_current_and_ongoing_are_not_dates(text, expected):
    assert found(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the nth straight day" names the period being reported: the one its sentence
        # mentions, else the document's; "in a row" stays out of the span.
        ("Trade halted for a second consecutive day.", [("a second consecutive day", WEDNESDAY)]),
        ("Stocks rose a third straight session.", [("a third straight session", WEDNESDAY)]),
        ("Shares gained for the fourth week in a row.", [("the fourth week", "2009-W14")]),
        ("Exports fell for a 12th straight month.", [("a 12th straight month", "2009-04")]),
        ("Sales grew for the fifth consecutive year.", [("the fifth consecutive year", "2009")]),
        (
            "On March 16, the index slid for a third successive day.",
            [("March 16", "2009-03-16"), ("a third successive day", "2009-03-16")],
        ),
        (
            "In February, jobless claims rose for the second month running.",
            [("February", "2009-02"), ("the second month", "2009-02")],
        ),
        # An earlier sentence's date does not anchor it.
        (
            "The bank failed on March 16. Markets fell for a third straight day.",
            [("March 16", "2009-03-16"), ("a third straight day", "2009-04-01")],
        ),
        # Without "consecutive", "straight" or "in a row" the ordinal needs its event.
        ("It was the second day of the summit.", []),
        ("Two consecutive quarters of decline followed.", [("Two consecutive quarters", "P2Q")]),
    ],
)  # fmt: skip
def test_nth_period_in_a_row_is_the_period_reported(text, expected):
    assert found(text, WEDNESDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "<duration> earlier/later than planned" compares two dates; it names neither.
        # TimeBank tags the duration alone.
        ("It reopened a week later than planned.", [("a week", "P1W")]),
        ("The repairs ended two days earlier than expected.", [("two days", "P2D")]),
        ("The launch came a month later than originally planned.", [("a month", "P1M")]),
        ("Results came several weeks later than forecast.", [("several weeks", "PXW")]),
        ("Two days earlier than scheduled, the bridge reopened.", [("Two days", "P2D")]),
        ("The firm reports on May 27, two weeks later than usual.",
         [("May 27", "2009-05-27"), ("two weeks", "P2W")]),
        # Without "than" the offset is a date counted from the last one mentioned.
        ("The storm hit on March 9. A week later, the town was flooded.",
         [("March 9", "2009-03-09"), ("A week later", "2009-03-16")]),
    ],
)  # fmt: skip
def test_duration_earlier_or_later_than_planned_is_a_duration_not_a_date(text, expected):
    assert found(text, WEDNESDAY) == expected


NOVEMBER = "1989-11-02"  # results season for the third quarter of 1989


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # After a quarter is named, "a year ago" in a results comparison is that quarter a
        # year before (TimeBank), not the whole year.
        (
            "Third-quarter profit rose to $5 million from $3 million a year ago.",
            [("Third-quarter", "1989-Q3"), ("a year ago", "1988-Q3")],
        ),
        (
            "Second-quarter net fell. A year earlier, it earned $2 million.",
            [("Second-quarter", "1989-Q2"), ("A year earlier", "1988-Q2")],
        ),
        (
            "In the third quarter it lost $4 million, against a loss of $3 million last year.",
            [("the third quarter", "1989-Q3"), ("last year", "1988-Q3")],
        ),
        # "last year" with no figure compared is the year.
        (
            "In the third quarter sales rose. The plant opened last year.",
            [("the third quarter", "1989-Q3"), ("last year", "1988")],
        ),
        # Counted on from an earlier "a year ago", still the quarter.
        (
            "First-quarter profit rose to $9 million from $7 million a year ago. Sales were"
            " C$348.2 million compared with C$307.2 a year earlier.",
            [
                ("First-quarter", "1989-Q1"),
                ("a year ago", "1988-Q1"),
                ("a year earlier", "1988-Q1"),
            ],
        ),
        # A year named in between is what "a year earlier" counts from.
        (
            "Third-quarter profit rose. In 1985 it bought a mill; a year earlier it sold one.",
            [("Third-quarter", "1989-Q3"), ("1985", "1985"), ("a year earlier", "1984")],
        ),
        # With no quarter named, the year.
        ("Profit rose to $5 million from $3 million a year ago.", [("a year ago", "1988")]),
        # A longer period named after the quarter is what is compared.
        (
            "Third-quarter profit rose. For the first nine months, sales were $9 million,"
            " up from $8 million a year earlier.",
            [
                ("Third-quarter", "1989-Q3"),
                ("the first nine months", "P9M"),
                ("a year earlier", "1988"),
            ],
        ),
    ],
)
def test_a_year_ago_after_a_quarter_is_that_quarter(text, expected):
    assert found(text, NOVEMBER) == expected


def test_the_year_ago_quarter_is_its_three_months():
    timex = tag("Third-quarter profit rose from $3 million a year ago.", date(1989, 11, 2))[-1]
    assert (timex.date_start, timex.date_end, timex.granularity) == (
        date(1988, 7, 1),
        date(1988, 9, 30),
        "quarter",
    )
