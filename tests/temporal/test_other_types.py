import pytest

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
    from datetime import date

    from timeline.temporal import tag

    timexes = tag("On October 3, the jet landed at 14:05 UTC.", date(2024, 10, 21))
    assert [t.value for t in timexes] == ["2024-10-03", "2024-10-03T14:05Z"]
