"""The date a figure is compared with ("up 82% from a year ago") dates no event."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.extract import extract_events

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
