"""The date a figure is compared with ("up 82% from a year ago") dates no event."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract_events, hedged

from .test_extract import article, timex

PUBLISHED = date(2010, 7, 20)
YEAR_AGO = (date(2009, 7, 1), date(2009, 7, 31), "month")


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple said profit rose 78% compared with a year ago.",
        "Revenue was $15.7 billion, up 61 percent from a year ago.",
        "Sales were higher than a year ago.",
        "Apple sold 8.4 million iPhones, versus a year ago.",
    ],
)
def test_a_date_a_figure_is_compared_with_dates_no_event(sentence):
    body = f"Results\n\n{sentence}\n"
    expression = timex(body, "a year ago", *YEAR_AGO)
    assert extract_events(article=article(body, PUBLISHED), expressions=[expression]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple opened its first store in China a year ago.",
        # "from" that starts an event's own span is no comparison.
        "The strike ran from a year ago until the deal.",
    ],
)
def test_a_date_of_what_happened_still_dates_an_event(sentence):
    body = f"Results\n\n{sentence}\n"
    expression = timex(body, "a year ago", *YEAR_AGO)
    (event,) = extract_events(article=article(body, PUBLISHED), expressions=[expression])
    assert (event.date_start, event.date_end) == YEAR_AGO[:2]


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        ("The deal could help Apple in 2011.", 0),
        ("Apple may cut prices in June.", 0),
        ("Apple will ship the phone in June.", 1),
        ("Apple shipped the phone in June.", 1),
    ],
)
def test_a_guess_is_no_event(sentence, events):
    body = f"Phones\n\n{sentence}\n"
    text = next(t for t in ("in 2011", "in June") if t in sentence)
    expression = timex(body, text.split(" ", 1)[1], date(2010, 6, 1), date(2010, 6, 30), "month")
    found = extract_events(article=article(body, date(2010, 3, 1)), expressions=[expression])
    assert len(found) == events


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        # The end of a state, not when anything happened.
        ("A judge barred him from working until April 2009.", "April 2009"),
        ("The cases will be free to owners until September 30.", "September 30"),
        # A figure's baseline.
        ("Revenue reached $7.1 billion, up from $5.8 billion in 2005.", "2005"),
        ("Shares rose to $373.72, a drop of only $2.46 since Wednesday's close.", "Wednesday"),
        # A period's edge.
        ("Profits rose 78 percent in the quarter, which ended December 30.", "December 30"),
        (
            "Eight million phones will be sold by the end of the quarter, which ends on June 26.",
            "June 26",
        ),
        # The date of the source the sentence cites.
        ("According to an April 2 report in the paper, the store passed its rival.", "April 2"),
        ("The store became the top seller, according to figures released April 3.", "April 3"),
    ],
)
def test_a_date_that_only_bounds_something_dates_no_event(sentence, written):
    body = f"Results\n\n{sentence}\n"
    expression = timex(body, written, date(2010, 4, 2))
    assert extract_events(article=article(body, PUBLISHED), expressions=[expression]) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The Air had not been significantly updated since 2008.",
        "The company never shipped the tablet in 2008.",
        "The phone did not sell well in 2008.",
    ],
)
def test_what_did_not_happen_is_no_event(sentence):
    body = f"Results\n\n{sentence}\n"
    expression = timex(body, "2008", date(2008, 1, 1), date(2008, 12, 31), "year")
    assert extract_events(article=article(body, PUBLISHED), expressions=[expression]) == []


def test_not_only_is_no_negation():
    body = "Results\n\nThe deal was not only signed in 2008 but also praised.\n"
    expression = timex(body, "2008", date(2008, 1, 1), date(2008, 12, 31), "year")
    assert len(extract_events(article=article(body, PUBLISHED), expressions=[expression])) == 1


@pytest.mark.parametrize(
    ("title", "advice"),
    [
        ("Buyers should try again", True),
        ("Customers should return the phones", True),
        ("The road should reopen", False),
        # A forecast of a state is a guess; a forecast release is a plan.
        ("Longhorn is also expected to have many of these advantages", True),
        ("Longhorn is expected to be released", False),
    ],
)
def test_advice_and_forecasts_of_a_state_are_no_event(title, advice):
    assert hedged(title) is advice


@pytest.mark.parametrize(
    "body",
    [
        # The quotation opened in an earlier paragraph and closes in this one.
        'Jobs wrote, "I said I would be the first to let you know.\n\n'
        'Unfortunately, that day has come on Monday."\n',
        # Opened earlier in the same paragraph.
        'He said: "We shipped it. We knew on Monday that it worked."\n',
        "He said: “We shipped it. We knew on Monday that it worked.”\n",
    ],
)
def test_a_sentence_inside_a_quotation_dates_no_event(body):
    body = f"Letters\n\n{body}"
    expression = timex(body, "Monday", date(2010, 7, 12))
    found = extract_events(article=article(body, PUBLISHED), expressions=[expression])
    assert [c for c in found if c.expression is expression] == []


def test_a_quotation_that_opens_in_the_sentence_still_dates_its_report():
    body = 'Letters\n\nOn Monday he said, "We shipped it."\n'
    expression = timex(body, "Monday", date(2010, 7, 12))
    found = extract_events(article=article(body, PUBLISHED), expressions=[expression])
    assert [c.expression for c in found] == [expression]


@pytest.mark.parametrize(
    "sentence",
    [
        "Apple sold a record number of iPods during the Christmas and New Year sales period.",
        "Apple sold more iPods than ever in the Christmas shopping season.",
    ],
)
def test_a_holiday_that_names_a_season_dates_its_month(sentence):
    body = f"Results\n\n{sentence}\n"
    expression = timex(body, "Christmas", date(2006, 12, 25))
    (event,) = extract_events(article=article(body, date(2007, 1, 18)), expressions=[expression])
    assert (event.date_start, event.date_end, event.granularity) == (
        date(2006, 12, 1),
        date(2006, 12, 31),
        "month",
    )


def test_a_holiday_itself_stays_its_day():
    body = "Results\n\nThe store opened on Christmas to long queues.\n"
    expression = timex(body, "Christmas", date(2006, 12, 25))
    (event,) = extract_events(article=article(body, date(2007, 1, 18)), expressions=[expression])
    assert (event.date_start, event.granularity) == (date(2006, 12, 25), "day")


def test_a_date_that_closes_a_forecast_of_a_state_dates_no_event():
    body = (
        "Reactions\n\nThey point out that Longhorn is also expected to have many of these "
        "advantages when it is released, expected in late 2006.\n"
    )
    expression = timex(body, "late 2006", date(2006, 9, 1), date(2006, 12, 31), "range")
    found = extract_events(article=article(body, date(2005, 5, 7)), expressions=[expression])
    assert [c for c in found if c.expression is expression] == []
