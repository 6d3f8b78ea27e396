"""Sentences and event candidates; dates are given by hand so the tagger does not matter."""

from __future__ import annotations

from datetime import date

import pytest

from articles.models import Article, TemporalExpression
from timeline.extract import (
    body_start,
    event_interval,
    extract_events,
    in_a_name,
    split_sentences,
)
from timeline.titles import make_title

PUBLISHED = date(2024, 10, 21)


def article(body: str, published: date = PUBLISHED) -> Article:
    return Article(title="t", body=body, published_on=published)


def timex(
    body: str,
    text: str,
    start: date | None,
    end: date | None = None,
    granularity: str = "day",
    *,
    type: str = "DATE",
    value: str = "",
    occurrence: int = 0,
) -> TemporalExpression:
    at = -1
    for _ in range(occurrence + 1):
        at = body.index(text, at + 1)
    return TemporalExpression(
        start=at,
        end=at + len(text),
        text=text,
        type=type,
        value=value or _value(start, granularity),
        date_start=start,
        date_end=end or start,
        granularity=granularity,
    )


def _value(start: date | None, granularity: str) -> str:
    """The TIMEX3 value a date of this granularity has: "2024-10", "2024"."""
    if start is None:
        return "P1D"
    return {"month": f"{start:%Y-%m}", "year": f"{start:%Y}"}.get(granularity, start.isoformat())


def test_split_sentences_keeps_exact_offsets():
    body = "First one here. Second one follows!\nThird on a new line."
    sentences = split_sentences(body)
    assert [s.text for s in sentences] == [
        "First one here.",
        "Second one follows!",
        "Third on a new line.",
    ]
    assert all(body[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize(
    "body",
    [
        "Troops left the U.S. Army base. Then they flew.",
        "Dr. Kim met Mr. Park on Oct. 3 in Seoul. Then they flew.",
        "Jane K. Doe arrived at 9 a.m. Monday. Then they flew.",
    ],
)
def test_split_sentences_does_not_break_after_abbreviations(body):
    assert len(split_sentences(body)) == 2


def test_split_sentences_keeps_closing_quote_with_its_sentence():
    body = "Kim stated, “We will respond jointly.” The ministry agreed."
    first, second = split_sentences(body)
    assert first.text.endswith("jointly.”")
    assert second.text == "The ministry agreed."


def test_short_line_without_final_period_is_a_heading():
    sentences = split_sentences("NATO Expresses Concerns Over Troop Movements\nA sentence here.")
    assert [s.is_heading for s in sentences] == [True, False]


def test_body_start_skips_date_line_and_title():
    body = "Date: 2024-10-21\nA short title\n\nThe story starts here."
    assert body[body_start(body) :].startswith("The story starts here.")


def test_reported_event_is_dated_by_what_happened_not_by_the_telling():
    body = "Officials said on Tuesday that troops arrived in June."
    expressions = [
        timex(body, "Tuesday", date(2024, 10, 15)),
        timex(body, "June", date(2024, 6, 1), date(2024, 6, 30), "month"),
    ]
    [candidate] = extract_events(article=article(body), expressions=expressions)
    assert (candidate.date_start, candidate.date_end) == (date(2024, 6, 1), date(2024, 6, 30))
    assert candidate.granularity == "month"


def test_this_year_only_frames_the_article():
    body = "Intro line that is a long first sentence with enough words in it. Trade grew this year."
    expressions = [timex(body, "this year", date(2024, 1, 1), date(2024, 12, 31), "year")]
    assert extract_events(article=article(body), expressions=expressions) == []


def test_durations_and_sets_date_no_event():
    body = "The rule is old. Talks lasted three days and the council met every week."
    expressions = [
        timex(body, "three days", None, type="DURATION", granularity=""),
        timex(body, "every week", None, type="SET", granularity=""),
    ]
    assert extract_events(article=article(body), expressions=expressions) == []


def test_present_ref_dates_no_event():
    body = "The rule is old. Troops are currently deployed."
    expressions = [timex(body, "currently", PUBLISHED, granularity="open", value="PRESENT_REF")]
    assert extract_events(article=article(body), expressions=expressions) == []


def test_undated_lead_sentence_in_the_past_is_dated_by_publication():
    body = "South Korea has summoned the Russian ambassador.\nMore details followed later."
    [candidate] = extract_events(article=article(body), expressions=[])
    assert (candidate.date_start, candidate.granularity) == (PUBLISHED, "day")
    assert candidate.expression is None
    assert candidate.quote == "South Korea has summoned the Russian ambassador."


def test_undated_sentence_after_the_lead_yields_nothing():
    body = "Seoul protests the deployment.\nThe ministry has summoned the ambassador."
    assert extract_events(article=article(body), expressions=[]) == []


def test_sentence_with_two_separate_dates_yields_two_candidates():
    body = "The intro is here. The fire started on March 3 and was put out on March 5."
    expressions = [
        timex(body, "March 3", date(2025, 3, 3)),
        timex(body, "March 5", date(2025, 3, 5)),
    ]
    candidates = extract_events(article=article(body, date(2025, 3, 7)), expressions=expressions)
    assert [c.date_start for c in candidates] == [date(2025, 3, 3), date(2025, 3, 5)]
    assert candidates[0].quote == candidates[1].quote


def test_nested_dates_count_once_at_the_most_precise():
    body = "The intro is here. The pact was signed in June, on June 19, in Pyongyang."
    expressions = [
        timex(body, "June", date(2024, 6, 1), date(2024, 6, 30), "month"),
        timex(body, "June 19", date(2024, 6, 19)),
    ]
    [candidate] = extract_events(article=article(body), expressions=expressions)
    assert candidate.date_start == candidate.date_end == date(2024, 6, 19)


def test_comparison_since_a_date_does_not_date_the_sentence():
    body = "The intro is here. It was the first strike since a long stoppage in 2019."
    expressions = [timex(body, "2019", date(2019, 1, 1), date(2019, 12, 31), "year")]
    assert extract_events(article=article(body), expressions=expressions) == []


def test_future_sentence_is_planned():
    body = "The intro is here. Union members will vote on the agreement on October 3."
    expressions = [timex(body, "October 3", date(2025, 10, 3))]
    [candidate] = extract_events(article=article(body, date(2025, 9, 27)), expressions=expressions)
    assert candidate.date_kind == "planned"


def test_present_tense_sentence_with_future_date_is_planned():
    body = "The intro is here. Members vote on Friday, October 3."
    expressions = [timex(body, "Friday, October 3", date(2025, 10, 3))]
    [candidate] = extract_events(article=article(body, date(2025, 9, 29)), expressions=expressions)
    assert candidate.date_kind == "planned"


def test_citation_span_is_the_sentence():
    body = "The intro is here. Yoon convened a meeting on Friday."
    expressions = [timex(body, "Friday", date(2024, 10, 18))]
    [candidate] = extract_events(article=article(body), expressions=expressions)
    assert body[candidate.start : candidate.end] == candidate.quote
    assert candidate.quote == "Yoon convened a meeting on Friday."


@pytest.mark.parametrize(
    ("sentence", "expression", "title"),
    [
        (
            "On October 18, North Korea announced plans to send 12,000 troops, including "
            "special forces, to the war.",
            "October 18",
            "North Korea announced plans to send 12,000 troops to the war",
        ),
        (
            "Portmere's mayor, Helen Achterberg, announced an inquiry on Friday, saying so.",
            "Friday",
            "Portmere's mayor announced an inquiry",
        ),
        (
            "In recent diplomatic tensions, South Korea has summoned the Russian ambassador, "
            "Georgiy Zinoviev, demanding withdrawal.",
            "",
            "South Korea has summoned the Russian ambassador demanding withdrawal",
        ),
    ],
)
def test_make_title_keeps_who_did_what(sentence, expression, title):
    assert make_title(sentence, expression_text=expression) == title


def test_part_of_a_month_dates_an_event_in_that_month():
    # "earlier this month" in an article of 18 October: the tagger clips at the 18th.
    assert event_interval(date(2024, 10, 1), date(2024, 10, 18), "2024-10") == (
        date(2024, 10, 1),
        date(2024, 10, 31),
        "month",
    )


def test_end_of_a_month_dates_an_event_in_that_month():
    # "by the end of June": the tagger gives the month's last days.
    assert event_interval(date(2025, 6, 21), date(2025, 6, 30), "2025-06") == (
        date(2025, 6, 1),
        date(2025, 6, 30),
        "month",
    )


def test_earlier_this_year_dates_an_event_in_that_year():
    assert event_interval(date(2024, 1, 1), date(2024, 10, 21), "2024") == (
        date(2024, 1, 1),
        date(2024, 12, 31),
        "year",
    )


def test_late_in_a_year_is_a_range_not_the_year():
    # "expected in late 2006": the last third of the year, which is no calendar period.
    assert event_interval(date(2006, 9, 2), date(2006, 12, 31), "2006") == (
        date(2006, 9, 2),
        date(2006, 12, 31),
        "range",
    )


def test_a_whole_week_keeps_its_granularity_and_two_days_are_a_range():
    assert event_interval(date(2024, 10, 14), date(2024, 10, 20), "2024-W42")[2] == "week"
    assert (
        event_interval(date(2024, 10, 8), date(2024, 10, 13), "2024-10-08/2024-10-13")[2] == "range"
    )


def test_announced_plans_on_a_past_day_are_a_report_not_a_plan():
    body = "The intro is here. On October 18, North Korea announced plans to send troops."
    expressions = [timex(body, "October 18", date(2024, 10, 18))]
    [candidate] = extract_events(article=article(body), expressions=expressions)
    assert candidate.date_kind == "reported"


def test_title_of_a_date_in_a_relative_clause_names_its_subject():
    sentence = "It would be the first war since the Korean War, which ended in 1953."
    assert make_title(sentence, expression_text="1953") == "The Korean War ended"


def test_each_date_of_a_sentence_titles_its_own_event():
    body = (
        "The intro is here. The crane collapsed on Saturday morning, and the street was "
        "reopened to traffic on Monday."
    )
    expressions = [
        timex(body, "Saturday morning", date(2024, 10, 19), type="TIME"),
        timex(body, "Monday", date(2024, 10, 21)),
    ]
    saturday, monday = extract_events(article=article(body), expressions=expressions)
    assert saturday.title == "The crane collapsed"
    assert monday.title == "The street was reopened to traffic"


def test_each_date_of_a_sentence_has_the_kind_its_clause_tells():
    body = (
        "The intro is here. An inquiry into how the levee failed in 2022 will report to "
        "the council in March."
    )
    expressions = [
        timex(body, "2022", date(2022, 1, 1), date(2022, 12, 31), "year"),
        timex(body, "March", date(2025, 3, 1), date(2025, 3, 31), "month"),
    ]
    failure, report = extract_events(article=article(body), expressions=expressions)
    assert (failure.title, failure.date_kind) == ("The levee failed", "happened")
    assert report.date_kind == "planned"


def test_title_leaves_out_every_date_of_the_sentence():
    body = "The intro is here. The pumps were switched off at 5 a.m. the next day."
    expressions = [
        timex(body, "5 a.m.", date(2024, 10, 20), type="TIME"),
        timex(body, "the next day", date(2024, 10, 20)),
    ]
    [candidate] = extract_events(article=article(body), expressions=expressions)
    assert candidate.title == "The pumps were switched off"


def test_deadline_told_after_said_is_a_planned_event():
    body = (
        "The intro is here. The contractor said the work would be finished by the end of "
        "November, and the road should reopen in early December."
    )
    expressions = [
        timex(body, "the end of November", date(2024, 11, 21), date(2024, 11, 30), "month"),
        timex(body, "early December", date(2024, 12, 1), date(2024, 12, 10), "month"),
    ]
    november, december = extract_events(article=article(body), expressions=expressions)
    assert (november.date_start, november.date_end, november.granularity) == (
        date(2024, 11, 1),
        date(2024, 11, 30),
        "month",
    )
    assert november.date_kind == december.date_kind == "planned"
    assert november.title == "The work would be finished"
    assert december.title == "The road should reopen"


def test_date_of_the_telling_still_gives_way_to_the_date_told():
    body = "The intro is here. The ministry said on Tuesday that exports fell in June."
    expressions = [
        timex(body, "Tuesday", date(2024, 10, 15)),
        timex(body, "June", date(2024, 6, 1), date(2024, 6, 30), "month"),
    ]
    [candidate] = extract_events(article=article(body), expressions=expressions)
    assert candidate.expression.text == "June"


def test_date_of_a_trailing_frame_is_the_telling_not_an_event():
    body = (
        "The intro is here. The mill will reopen on March 10, a month after the flood, "
        "the owners said on Thursday."
    )
    expressions = [
        timex(body, "March 10", date(2025, 3, 10)),
        timex(body, "Thursday", date(2025, 2, 27)),
    ]
    [candidate] = extract_events(article=article(body, date(2025, 2, 28)), expressions=expressions)
    assert candidate.expression.text == "March 10"
    assert (candidate.title, candidate.date_kind) == ("The mill will reopen", "planned")


def test_date_after_a_reporting_verb_in_a_told_clause_still_dates_an_event():
    # "the cuts the council announced in April" is what happened, not who told it.
    body = (
        "The intro is here. Lawmakers on Thursday rejected the budget, reversing the cuts "
        "the council announced in April."
    )
    expressions = [
        timex(body, "Thursday", date(2025, 6, 12)),
        timex(body, "April", date(2025, 4, 1), date(2025, 4, 30), "month"),
    ]
    candidates = extract_events(article=article(body, date(2025, 6, 14)), expressions=expressions)
    assert [c.expression.text for c in candidates] == ["Thursday", "April"]


def test_deadline_told_with_would_in_a_month_not_over_is_planned():
    body = (
        "The intro is here. The agency said it would decide by the end of the month "
        "whether to fine the firm."
    )
    expressions = [
        timex(body, "the end of the month", date(2025, 4, 21), date(2025, 4, 30), "month")
    ]
    [candidate] = extract_events(article=article(body, date(2025, 4, 7)), expressions=expressions)
    assert (candidate.date_start, candidate.date_kind) == (date(2025, 4, 1), "planned")


def test_would_about_a_period_already_over_is_not_a_plan():
    body = "The intro is here. The agency said in March that it would fine the firm."
    expressions = [timex(body, "March", date(2025, 3, 1), date(2025, 3, 31), "month")]
    [candidate] = extract_events(article=article(body, date(2025, 4, 7)), expressions=expressions)
    assert candidate.date_kind != "planned"


@pytest.mark.parametrize(
    ("text", "year", "named"),
    [
        ('the text "Steve Jobs 1955-2011", states', "1955-2011", True),  # a lifespan
        ("Jobs (1955–2011) was", "1955–2011", True),
        ("the keynote at WWDC 2005 in San Francisco", "2005", True),
        ("the 2011 version of iLife", "2011", True),
        ("results of the 2009-2010 season", "2009-2010", True),
        ("Apple's 2008 lineup", "2008", True),
        ("In 2005 Apple grew", "2005", False),
        ("Since 1998, Apple", "1998", False),
        ("after the 2022 inspection found leaks", "2022", False),  # the inspection's date
        ("Apple Computer was started in 1976", "1976", False),
    ],
)
def test_a_year_in_a_name_is_no_date_of_an_event(text, year, named):
    at = text.index(year)
    assert in_a_name(text, at, at + len(year)) is named


def test_a_lifespan_in_a_quoted_name_dates_no_event():
    body = 'Jobs dies\n\nThe homepage shows the text "Steve Jobs 1955-2011" above a photograph.\n'
    span = timex(body, "1955-2011", date(1955, 1, 1), date(2011, 12, 31), "range")
    assert extract_events(article=article(body, date(2011, 10, 6)), expressions=[span]) == []


@pytest.mark.parametrize(
    "second",
    [
        "The announcement came today at a special music event hosted by Apple.",
        "Monday's email announcement marked the third time he has taken leave.",
        "The move came today after weeks of complaints.",
        "The change in policy will occur within months, Apple announced today.",
    ],
)
def test_a_sentence_naming_the_news_told_before_cites_that_news(second):
    first = "Apple today unveiled the iPod nano."
    body = f"Apple unveils iPod nano\n\n{first} {second}\n"
    day = date(2005, 9, 5)
    said = "today" if "today" in second else "Monday"
    expressions = [
        timex(body, "today", day),
        timex(body, said, day, occurrence=1 if said == "today" else 0),
    ]
    (event,) = extract_events(article=article(body, day), expressions=expressions)
    assert event.quote == first
    assert [s.text for s in event.also] == [second]


def test_a_sentence_naming_news_on_another_day_is_news_of_its_own():
    body = (
        "Apple unveils iPod nano\n\nApple today unveiled the iPod nano. "
        "The decision to end the mini was announced on Monday.\n"
    )
    expressions = [timex(body, "today", date(2005, 9, 7)), timex(body, "Monday", date(2005, 9, 5))]
    found = extract_events(article=article(body, date(2005, 9, 7)), expressions=expressions)
    assert [c.date_start for c in found] == [date(2005, 9, 7), date(2005, 9, 5)]


def test_a_report_of_a_plan_is_dated_by_its_telling_when_the_plans_date_is_an_aside():
    """The date in ", which is scheduled for next summer," dates the release, not what
    the announcement tells: the announcement today is news of its own."""
    body = (
        "Apple unveils laptops\n\nJobs announced today that the Lion release, which is "
        "scheduled for release next summer, will include more support for multitouch.\n"
    )
    day = date(2010, 10, 23)
    expressions = [
        timex(body, "today", day),
        timex(body, "next summer", date(2011, 6, 1), date(2011, 8, 31), "range"),
    ]
    found = extract_events(article=article(body, day), expressions=expressions)
    told = [c for c in found if c.date_start == day]
    assert [c.date_kind for c in told] == ["reported"]
    assert any(c.date_start == date(2011, 6, 1) for c in found)


def test_a_report_frame_before_a_dated_reported_clause_still_gives_way():
    body = "Talks\n\nThe union said on Tuesday that drivers would strike on October 3.\n"
    expressions = [
        timex(body, "Tuesday", date(2024, 9, 24)),
        timex(body, "October 3", date(2024, 10, 3)),
    ]
    found = extract_events(article=article(body, date(2024, 9, 25)), expressions=expressions)
    assert [c.date_start for c in found] == [date(2024, 10, 3)]
