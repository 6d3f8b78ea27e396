from datetime import date

import pytest

from timeline.temporal import tag

from .conftest import only

MONDAY = "2024-10-21"


@pytest.mark.parametrize(
    ("text", "span", "type_", "value"),
    [
        ("The meeting starts at 3 p.m. in the hall.", "3 p.m.", "TIME", "2024-10-21T15:00"),
        ("Police arrived on Monday morning.", "Monday morning", "TIME", "2024-10-21TMO"),
        ("Sirens sounded last night.", "last night", "TIME", "2024-10-20TNI"),
        ("The talks ended this morning.", "this morning", "TIME", "2024-10-21TMO"),
        ("The jet landed at 14:05 UTC.", "14:05 UTC", "TIME", "2024-10-21T14:05Z"),
        ("Voting will close at noon on Tuesday.", "noon on Tuesday", "TIME", "2024-10-22T12:00"),
        ("The hostages were held for three days.", "three days", "DURATION", "P3D"),
        ("He served as mayor for two years.", "two years", "DURATION", "P2Y"),
        ("The strike lasted 18 months.", "18 months", "DURATION", "P18M"),
        ("Unemployment fell over the past six months.", "the past six months", "DURATION", "P6M"),
        ("Negotiations could take several years.", "several years", "DURATION", "PXY"),
        ("It took almost two and a half years.", "two and a half years", "DURATION", "P2.5Y"),
        ("The flight was a 12-hour ordeal.", "12-hour", "DURATION", "PT12H"),
        ("The committee meets every week.", "every week", "SET", "P1W"),
        ("The report is published annually.", "annually", "SET", "P1Y"),
        ("The board meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("Elections are held every four years.", "every four years", "SET", "P4Y"),
        ("Rates are reviewed twice a year.", "twice a year", "SET", "P1Y"),
        ("Troops are now stationed there.", "now", "DATE", "PRESENT_REF"),
        ("The office is currently closed.", "currently", "DATE", "PRESENT_REF"),
        ("The navy has recently expanded.", "recently", "DATE", "PAST_REF"),
        ("They pledged to cooperate in the future.", "the future", "DATE", "FUTURE_REF"),
    ],
)
def test_type_and_value(text, span, type_, value):
    timex = only(text, MONDAY)
    assert (timex.text, timex.type, timex.value) == (span, type_, value)


def test_duration_has_no_interval():
    timex = only("The hostages were held for three days.", MONDAY)
    assert (timex.date_start, timex.date_end, timex.granularity) == (None, None, None)


def test_present_ref_is_the_article_date_with_open_granularity():
    timex = only("Troops are now stationed there.", MONDAY)
    assert str(timex.date_start) == str(timex.date_end) == MONDAY
    assert timex.granularity == "open"


def test_time_without_a_date_takes_the_day_mentioned_in_its_sentence():
    timexes = tag("On October 3, the jet landed at 14:05 UTC.", date(2024, 10, 21))
    assert [t.value for t in timexes] == ["2024-10-03", "2024-10-03T14:05Z"]


SATURDAY = "2025-03-15"
STORM = "The storm hit on March 9. "


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        # A clock time and the day beside it are one TIME on that day, whichever comes first.
        (STORM + "The bridge was shut at 6 a.m. the next day.", "6 a.m. the next day",
         "2025-03-10T06:00"),
        (STORM + "At 3 p.m. that day, the levee broke.", "3 p.m. that day", "2025-03-09T15:00"),
        (STORM + "Crews arrived at 7 a.m. on the following day.", "7 a.m. on the following day",
         "2025-03-10T07:00"),
        (STORM + "Crews had arrived at 9 p.m. the previous evening.",
         "9 p.m. the previous evening", "2025-03-08T21:00"),
        ("The bridge was shut at noon on Friday.", "noon on Friday", "2025-03-14T12:00"),
        ("The ferry sailed at 6 a.m. yesterday morning.", "6 a.m. yesterday morning",
         "2025-03-14T06:00"),
        ("The blast came at 3:15 p.m. local time on Wednesday.",
         "3:15 p.m. local time on Wednesday", "2025-03-12T15:15"),
        # A bare hour beside a part of the day is a time; the part says a.m. or p.m.
        (STORM + "The bridge reopened the next morning at 7.", "the next morning at 7",
         "2025-03-10T07:00"),
        (STORM + "At 7 the next morning, crews arrived.", "7 the next morning", "2025-03-10T07:00"),
        (STORM + "The levee broke at 8 that evening.", "8 that evening", "2025-03-09T20:00"),
        ("The bridge reopened on Thursday morning at 6, officials said.",
         "Thursday morning at 6", "2025-03-13T06:00"),
        ("The meeting starts at 9 tonight.", "9 tonight", "2025-03-15T21:00"),
    ],
)  # fmt: skip
def test_clock_time_and_the_day_beside_it_are_one_time(text, span, value):
    timex = tag(text, date.fromisoformat(SATURDAY))[-1]
    assert (timex.text, timex.type, timex.value) == (span, "TIME", value)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Talks resumed that evening at 8 people's homes.", "that evening"),  # a count
        ("Shares closed that afternoon at 7 percent below their peak.", "that afternoon"),
    ],
)
def test_number_after_a_part_of_the_day_is_an_hour_only_when_nothing_counts_it(text, span):
    assert [t.text for t in tag(text, date.fromisoformat(SATURDAY))] == [span]


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The fire started on the night of March 14.", "the night of March 14", "2025-03-14TNI"),
        (STORM + "On the morning of the next day, the river rose.", "the morning of the next day",
         "2025-03-10TMO"),
        ("Crowds gathered on the evening of Friday, March 14.",
         "the evening of Friday, March 14", "2025-03-14TEV"),
    ],
)  # fmt: skip
def test_part_of_the_day_of_a_day_is_one_time(text, span, value):
    timex = tag(text, date.fromisoformat(SATURDAY))[-1]
    assert (timex.text, timex.type, timex.value) == (span, "TIME", value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The full stop of "a.m." can end a sentence; the next one's day is not the time's.
        (
            "The storm hit on March 9 and crews left at 6 a.m. The next day, they returned.",
            [("March 9", "2025-03-09"), ("6 a.m.", "2025-03-09T06:00"),
             ("The next day", "2025-03-10")],
        ),
        # ... but before a lower-case word it ends nothing: the time is on that day.
        (
            "Polls open at 7 a.m. on Thursday and close at 10 p.m.",
            [("7 a.m. on Thursday", "2025-03-20T07:00"), ("10 p.m.", "2025-03-20T22:00")],
        ),
    ],
)  # fmt: skip
def test_full_stop_of_a_clock_time_ends_a_sentence_only_before_a_capital(text, expected):
    assert [(t.text, t.value) for t in tag(text, date.fromisoformat(SATURDAY))] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Two clock times joined as a range share the day named after the second.
        (
            "Polls are open from 7 a.m. to 10 p.m. on Thursday.",
            [("7 a.m.", "2025-03-20T07:00"), ("10 p.m. on Thursday", "2025-03-20T22:00")],
        ),
        # A range of days stays a range; the time beside it is not on its first day alone.
        (
            "Shops closed at 6 p.m. Monday through Thursday.",
            [("6 p.m.", "2025-03-15T18:00"), ("Monday through Thursday", "2025-03-10/2025-03-13")],
        ),
    ],
)
def test_clock_times_and_ranges_of_days(text, expected):
    assert [(t.text, t.value) for t in tag(text, date.fromisoformat(SATURDAY))] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # "midnight on Wednesday" ends Wednesday (ISO 8601 T24:00), unless it is what
        # comes "after"; a bare "midnight" stays the start of its day.
        ("The strike will end at midnight on Wednesday.", "2025-03-19T24:00"),
        ("The storm struck shortly before midnight on March 6.", "2025-03-06T24:00"),
        ("The fire started shortly after midnight on Tuesday.", "2025-03-11T00:00"),
        ("Investigators said the fire started shortly after midnight.", "2025-03-15T00:00"),
    ],
)
def test_midnight_on_a_day_is_its_end(text, value):
    assert only(text, SATURDAY).value == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A time before a comma and a date or weekday is on that day; news annotation keeps
        # the two expressions apart.
        (
            "Published: 14:32 GMT, Wednesday 12 March 2025",
            [("14:32 GMT", "2025-03-12T14:32Z"), ("Wednesday 12 March 2025", "2025-03-12")],
        ),
        (
            "The bomb exploded at 3 p.m., Tuesday, police said.",
            [("3 p.m.", "2025-03-11T15:00"), ("Tuesday", "2025-03-11")],
        ),
        # Not an anaphor after the comma: "the next day's papers" says nothing of the time.
        (
            "He left at 6 a.m., the next day's papers said.",
            [("6 a.m.", "2025-03-15T06:00"), ("the next day", "2025-03-16")],
        ),
    ],
)
def test_time_before_a_comma_and_a_date_is_on_that_date(text, expected):
    assert [(t.text, t.value) for t in tag(text, date.fromisoformat(SATURDAY))] == expected
