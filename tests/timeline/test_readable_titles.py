"""Titles a reader understands alone: a named or described subject and a finite verb."""

from __future__ import annotations

import pytest

from timeline.titles import capitalised, clause_problem, readable_title


@pytest.mark.parametrize(
    ("title", "problem"),
    [
        ("Apple released the iPhone 4", ""),
        ("Shares of Apple rose 5 percent", ""),
        ("The regional agency closed the river", ""),
        ("Five years after its launch", "no verb"),
        ("The iPod music player", "no verb"),
        ("Steve Jobs, the chief executive officer of Apple Inc", "no verb"),
        ("Unfortunately, has come", "no subject"),
        ("He briefly made an appearance", "subject “He briefly” says not who"),
        ("It announced", "too short"),
        ("That day has come", "subject “That day” says not who"),
        ("One year later he was fired", "subject “One year later he” says not who"),
        ("Which is expected", "subject “Which” says not who"),
        ("NPD said according to those figures", "says not what was reported"),
        ("Steve Jobs announced in an internal memo", "says not what was reported"),
        ("Apple has sold more than", "cut short"),
        ("Many of the bigger technology advances have gained high praise they point…", "cut short"),
    ],
)
def test_clause_problem_names_what_a_title_lacks(title, problem):
    assert clause_problem(title) == problem


def _dated(sentence: str, date: str) -> dict:
    start = sentence.index(date)
    return {"date": (start, start + len(date)), "other_dates": [(start, start + len(date))]}


@pytest.mark.parametrize(
    ("sentence", "date", "title"),
    [
        # An opening phrase is no subject.
        (
            "Five years after its launch, iTunes passed 5 billion songs in June 2008.",
            "June 2008",
            "iTunes passed 5 billion songs",
        ),
        # An apposition between subject and verb is left out.
        (
            "Steve Jobs, the chief executive officer of Apple Inc., announced the iPod on Tuesday.",
            "Tuesday",
            "Steve Jobs announced the iPod",
        ),
    ],
)
def test_readable_title_reads_the_sentence_again_for_a_clause(sentence, date, title):
    assert readable_title(sentence, **_dated(sentence, date)) == title
    assert clause_problem(title) == ""


def test_readable_title_names_a_pronoun_subject_through_resolve():
    sentence = "He unveiled the iPhone 4 on Monday."
    title = readable_title(
        sentence, **_dated(sentence, "Monday"), resolve=lambda t: t.replace("He", "Steve Jobs", 1)
    )
    assert title == "Steve Jobs unveiled the iPhone 4"


def test_a_name_written_with_a_small_letter_keeps_it():
    assert capitalised("iTunes passed 5 billion songs") == "iTunes passed 5 billion songs"
    assert capitalised("the agency closed") == "The agency closed"
