from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import GRANULARITIES, TYPES, tag

WORDS = st.sampled_from(
    [
        "on",
        "in",
        "since",
        "last",
        "next",
        "this",
        "that",
        "same",
        "day",
        "week",
        "month",
        "year",
        "June",
        "May",
        "march",
        "2024",
        "1953",
        "21",
        "October",
        "8",
        "and",
        "13",
        "between",
        "from",
        "to",
        "-",
        "–",
        ",",
        ".",
        "Friday",
        "Monday",
        "morning",
        "at",
        "3",
        "p.m.",
        "10:07",
        "UTC",
        "ago",
        "two",
        "days",
        "three",
        "weeks",
        "every",
        "annually",
        "now",
        "recently",
        "the",
        "future",
        "1,500",
        "$27",
        "50%",
        "'82",
        "1950s",
        "Q3",
        "summer",
        "of",
        "earlier",
        "later",
        "early",
        "mid-",
        "late",
        "2024-10-21",
        "10/21/2024",
        "st",
        "th",
        "the",
        "following",
    ]
)
TEXTS = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=60).map(" ".join),
)
DATES = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))


@settings(max_examples=400, deadline=None)
@given(text=TEXTS, dct=DATES)
def test_any_text_and_date_give_well_formed_timexes(text, dct):
    timexes = tag(text, dct)
    previous_end = 0
    for timex in timexes:
        assert 0 <= timex.start < timex.end <= len(text)
        assert timex.start >= previous_end
        assert text[timex.start : timex.end] == timex.text
        assert timex.type in TYPES
        assert timex.granularity is None or timex.granularity in GRANULARITIES
        if timex.date_start is not None or timex.date_end is not None:
            assert timex.date_start <= timex.date_end
        timex.to_dict()
        previous_end = timex.end


def test_expressions_that_fall_off_the_calendar_are_dropped_not_raised():
    text = "Yesterday, people left. Tomorrow, they return."
    assert [t.text for t in tag(text, date(1, 1, 1))] == ["Tomorrow"]
    assert [t.text for t in tag(text, date(9999, 12, 31))] == ["Yesterday"]
