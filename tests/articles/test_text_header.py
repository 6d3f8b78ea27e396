"""A text's header: the date line, the lines about the article around it, its headline."""

from __future__ import annotations

import pytest

from articles.reading import text_header

SEED_003_HEADER = (
    " date 2024-10-21 South Korea summons Russian ambassador over reports of North Korean "
    "troop deployment to Ukraine Monday, October 21, 2024 10:07:57 AM"
)


@pytest.mark.parametrize(
    ("text", "lines", "headline", "body"),
    [
        (
            "Title line?\nDate: 2024-10-21\nHeadline line\n\nBody starts. More.",
            ("Title line?", "Date: 2024-10-21", "Headline line"), "Headline line",
            "Body starts. More.",
        ),
        (
            "Date: 2024-10-21\n\nSeoul summons envoy\n\nSouth Korea summoned him on Friday.\n",
            ("Date: 2024-10-21", "Seoul summons envoy"), "Seoul summons envoy",
            "South Korea summoned him on Friday.\n",
        ),
        (
            "Harbour wall approved\nPublished 19 March 2025 by Ilse Marquand\nThe council voted.",
            ("Harbour wall approved", "Published 19 March 2025 by Ilse Marquand"), None,
            "The council voted.",
        ),
        (
            "Title: Troops cross\nDate: 2024-10-21\nBy Jo Park\nThe body. More.",
            ("Title: Troops cross", "Date: 2024-10-21", "By Jo Park"), None, "The body. More.",
        ),
        (
            f"{SEED_003_HEADER}\n\nSouth Korea's Foreign Ministry summoned the ambassador.\n",
            (SEED_003_HEADER.strip(),), None,
            "South Korea's Foreign Ministry summoned the ambassador.\n",
        ),
        (
            "Date: 2024-10-21\nA long first sentence of the story, which the reporter ends.",
            ("Date: 2024-10-21",), None,
            "A long first sentence of the story, which the reporter ends.",
        ),
    ],
)  # fmt: skip
def test_header_lines_and_headline_are_found_before_the_body(text, lines, headline, body):
    header = text_header(text)
    assert header.lines == lines
    assert header.headline == headline
    assert text[header.body_start(text) :] == body


@pytest.mark.parametrize(
    "text",
    [
        "South Korea Calls for Withdrawal of North Korean Troops\nIn recent tensions, Seoul…",
        "Published reports say the troops arrived.\nMore.",  # no year: not a date line
        "South Korea summoned the Russian ambassador over the troops sent in October, the "
        "ministry in Seoul said on Monday.\nDate: 2024-10-21\nMore.",  # a sentence comes first
        "Troops moved on 21 October 2024.",
    ],
)
def test_a_text_without_a_date_or_labelled_line_at_its_top_has_no_header(text):
    header = text_header(text)
    assert (header.end, header.headline, header.lines) == (0, None, ())


def test_a_first_line_that_is_the_title_is_the_header_of_a_text_without_a_date_line():
    text = "Ferry runs aground\nThe ferry ran aground on Friday.\n"
    header = text_header(text, title="Ferry runs aground")
    assert (header.lines, text[header.body_start(text) :]) == (
        ("Ferry runs aground",),
        "The ferry ran aground on Friday.\n",
    )
    assert text_header(text, title="Another title").end == 0
