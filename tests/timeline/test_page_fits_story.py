"""The timeline page speaks of the story shown: its search and date examples and its
period presets come from that story's own titles and dates."""

from __future__ import annotations

import re
from datetime import date

import pytest

from tests.factories import ArticleFactory, CitationFactory, EventFactory, StoryFactory
from timeline.models import Event
from timeline.overview import Bin
from timeline.views import MAX_PRESETS, preset_periods, search_examples

pytestmark = pytest.mark.django_db


def story_of(titled_dates: list[tuple[str, date]], *, status=Event.Status.APPROVED):
    story = StoryFactory()
    article = ArticleFactory(story=story, published_on=max(d for _, d in titled_dates))
    for title, day in titled_dates:
        event = EventFactory(story=story, title=title, date_start=day, status=status)
        CitationFactory(event=event, article=article)
    return story


def placeholder(html: str, field_id: str) -> str:
    match = re.search(rf'<input id="{field_id}"[^>]*?placeholder="([^"]*)"', html)
    assert match, f"no placeholder on #{field_id}"
    return match.group(1)


def test_search_examples_are_the_most_frequent_title_words_without_stop_words():
    titles = [
        "Apple releases the iPhone",
        "Apple sues a rival over the iPhone design",
        "Apple shares rise",
        "The company said it would",
    ]
    assert search_examples(titles) == ["apple", "iphone"]


def test_search_examples_count_a_word_once_per_title():
    assert search_examples(["Strike strike strike", "Pact signed", "Pact ratified"]) == [
        "pact",
        "ratified",
    ]


def test_placeholders_come_from_the_story_shown_not_the_seed(client, seed_story):
    story = story_of(
        [
            ("Apple unveils the iPhone", date(2007, 1, 9)),
            ("Apple ships the iPhone", date(2007, 6, 29)),
            ("Apple founded in a garage", date(1976, 4, 1)),
        ]
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert placeholder(html, "f-q") == "apple, iphone…"
    assert placeholder(html, "f-from") == "1976-04"
    assert placeholder(html, "f-to") == "2007-06-29"
    for seed_word in ("ambassador", "pact", "2024-06", "2024-10-21"):
        assert seed_word not in html


def test_seed_story_placeholders_are_its_own_dates(client, seed_story):
    first = Event.objects.for_story(seed_story).order_by("date_start")[0].date_start
    last = Event.objects.for_story(seed_story).order_by("-date_end")[0].date_end
    html = client.get(seed_story.get_absolute_url()).content.decode()
    assert first == date(1953, 1, 1)  # the Korean War, dated to its year
    assert placeholder(html, "f-from") == "1953"
    assert placeholder(html, "f-to") == last.isoformat()


def test_unpublished_titles_never_reach_the_public_placeholder(client):
    story = story_of([("Apple unveils the iPhone", date(2007, 1, 9))])
    EventFactory(story=story, title="Secretive merger drafted", status=Event.Status.PROPOSED)
    EventFactory(story=story, title="Secretive merger revised", status=Event.Status.PROPOSED)
    html = client.get(story.get_absolute_url()).content.decode()
    assert "secretive" not in placeholder(html, "f-q")
    assert placeholder(html, "f-q") == "apple, iphone…"


def test_a_story_with_no_events_shows_the_formats_not_another_story(client, seed_story):
    story = StoryFactory()
    html = client.get(story.get_absolute_url()).content.decode()
    assert placeholder(html, "f-from") == "YYYY-MM"
    assert placeholder(html, "f-to") == "YYYY-MM-DD"
    assert "ambassador" not in html


def month_bins(*periods: tuple[int, int]) -> list[Bin]:
    """Months with events, newest first, as the overview lists them."""
    return [Bin(year, month, 1) for year, month in sorted(periods, reverse=True)]


def test_a_story_within_a_year_gets_month_chips_only():
    months = month_bins((2024, 6), (2024, 8), (2024, 10))
    chips = preset_periods([2024], months)
    assert [c[0] for c in chips] == ["October 2024", "August 2024", "June 2024"]
    assert {c[3] for c in chips} == {"month"}


def test_a_few_years_and_months_show_both_within_the_bound():
    months = month_bins((2023, 3), (2024, 6), (2024, 10))
    chips = preset_periods([2023, 2024], months)
    assert [c[0] for c in chips] == ["2023", "2024", "October 2024", "June 2024", "March 2023"]


def test_a_story_over_years_collapses_to_year_chips():
    months = month_bins(*[(year, month) for year in range(2015, 2021) for month in (1, 6, 11)])
    chips = preset_periods(list(range(2015, 2021)), months)
    assert [c[0] for c in chips] == [str(y) for y in range(2015, 2021)]
    assert chips[0][1:3] == ("2015", "2015")


def test_a_story_over_decades_collapses_to_decade_chips():
    years = [1955, 1968, 1976, 1984, 1997, *range(2001, 2012)]
    months = month_bins(*[(year, 3) for year in years])
    chips = preset_periods(years, months)
    assert [c[0] for c in chips] == ["1950s", "1960s", "1970s", "1980s", "1990s", "2000s", "2010s"]
    assert chips[-1][1:] == ("2010", "2019", "decade")


def test_chips_stay_bounded_on_a_story_of_centuries():
    years = list(range(1800, 2025, 3))
    chips = preset_periods(years, month_bins(*[(y, 1) for y in years]))
    assert len(chips) == MAX_PRESETS
    assert chips[-1][0] == "2020s"


def test_decade_chip_filters_to_the_decade(client):
    story = story_of(
        [
            ("Apple founded in a garage", date(1976, 4, 1)),
            *[(f"Apple ships model {n}", date(1990 + n, 5, 1)) for n in range(14)],
        ]
    )
    html = client.get(story.get_absolute_url()).content.decode()
    assert ">1970s</a>" in html and "from=1970&amp;to=1979" in html
    assert ">1995</a>" not in html  # years are collapsed into decades
    listed = client.get(story.get_absolute_url(), {"from": "1970", "to": "1979"})
    assert "Apple founded in a garage" in listed.content.decode()
    assert "Apple ships model" not in listed.content.decode()
