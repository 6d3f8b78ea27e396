"""Every date in the five seed articles, and none of their non-dates."""

import json
from datetime import date

import pytest

from timeline.temporal import tag

from .conftest import DATA_DIR

SEEDS = DATA_DIR / "seeds"
PUBLISHED = {
    a["file"][:3]: date.fromisoformat(a["published"])
    for a in json.loads((SEEDS / "manifest.json").read_text())["articles"]
}

# "currently" (PRESENT_REF) and "recent" (PAST_REF) are tagged as TimeBank does; they place
# nothing on the timeline, so the ingest pipeline dates no event with them.
EXPECTED = {
    "000": [
        ("this year", "2024"),
        ("Last week", "2024-W42"),
        ("October 8 and 13", "2024-10-08/2024-10-13"),
        ("June", "2024-06"),
        ("Recent", "PAST_REF"),  # "Recent intelligence from South Korea"
        ("August", "2024-08"),
        ("recent", "PAST_REF"),  # "In a recent address"
    ],
    "001": [
        ("October 21", "2024-10-21"),
        ("recent", "PAST_REF"),
        ("October 8 and 13", "2024-10-08/2024-10-13"),
        ("recent", "PAST_REF"),
        ("last June", "2024-06"),
    ],
    "002": [
        ("recent", "PAST_REF"),
        ("currently", "PRESENT_REF"),
        ("June", "2024-06"),
        ("last week", "2024-W42"),
        ("recent", "PAST_REF"),
    ],
    "003": [
        ("2024-10-21", "2024-10-21"),
        ("Monday, October 21, 2024 10:07:57 AM", "2024-10-21T10:07:57"),
        ("Last week", "2024-W42"),
        ("October 18", "2024-10-18"),
        ("That same day", "2024-10-18"),
        ("June", "2024-06"),
    ],
    "004": [
        ("Friday", "2024-10-18"),
        ("currently", "PRESENT_REF"),
        ("recent", "PAST_REF"),
        ("last year", "2023"),
        ("June", "2024-06"),
        ("1953", "1953"),
        ("earlier this month", "2024-10"),
        ("September of last year", "2023-09"),
    ],
}


def _read(prefix: str) -> str:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_article_dates_and_nothing_else(prefix):
    timexes = tag(_read(prefix), PUBLISHED[prefix])
    assert [(t.text, t.value) for t in timexes] == EXPECTED[prefix]


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_seed_article_offsets_index_the_text(prefix):
    text = _read(prefix)
    for timex in tag(text, PUBLISHED[prefix]):
        assert text[timex.start : timex.end] == timex.text
