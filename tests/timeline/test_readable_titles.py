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


LIST = (
    "In 1998 Apple introduced the iMac personal computer, in 2001 the iPod music player "
    "and the following year the Mac OS X operating system was released."
)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("1998", "Apple introduced the iMac personal computer"),
        # A later item of the list borrows the first clause's subject and verb.
        ("2001", "Apple introduced the iPod music player"),
    ],
)
def test_an_item_of_a_dated_list_is_titled_with_the_lists_subject_and_verb(written, title):
    dates = [(LIST.index(d), LIST.index(d) + 4) for d in ("1998", "2001")]
    own = dates[0] if written == "1998" else dates[1]
    assert readable_title(LIST, date=own, other_dates=dates) == title


@pytest.mark.parametrize(
    ("sentence", "date", "title"),
    [
        (
            "The court found the store was a breach of the 1991 settlement.",
            "1991",
            "The court found the store was a breach of the settlement",
        ),
        (
            "The panel began its 2022 inspection of the depot.",
            "2022",
            "The panel began its inspection of the depot",
        ),
    ],
)
def test_a_date_that_modifies_a_noun_leaves_the_title_alone(sentence, date, title):
    assert readable_title(sentence, **_dated(sentence, date)) == title


STOCK = (
    "It should be mentioned that the stock capital of Apple Inc tripled in 2004, doubled in "
    "2005 and increased by 16 percent in 2006."
)


@pytest.mark.parametrize(
    ("written", "title"),
    [
        ("2004", "The stock capital of Apple Inc tripled"),
        ("2005", "The stock capital of Apple Inc doubled"),
        ("2006", "The stock capital of Apple Inc increased by 16 percent"),
    ],
)
def test_each_dated_verb_phrase_of_a_list_is_titled_with_the_lists_subject(written, title):
    dates = [(STOCK.index(d), STOCK.index(d) + 4) for d in ("2004", "2005", "2006")]
    own = dates[("2004", "2005", "2006").index(written)]
    assert readable_title(STOCK, date=own, other_dates=dates) == title


def test_a_verb_phrase_borrows_the_subject_without_the_first_verbs_adverb():
    sentence = (
        "The company first heard from a customer on April 1, and halted the line two days later."
    )
    dates = [(sentence.index(d), sentence.index(d) + len(d)) for d in ("April 1", "two days later")]
    title = readable_title(sentence, date=dates[1], other_dates=dates)
    assert title == "The company halted the line"


def test_a_report_frame_with_its_source_gives_the_reported_clause():
    sentence = (
        "NPD said according to those figures, Apple's iTunes store passes the retailer "
        "Best Buy in 2007."
    )
    title = readable_title(sentence, **_dated(sentence, "2007"))
    assert title.startswith("Apple's iTunes store passes the retailer")


@pytest.mark.parametrize(
    ("sentence", "date", "title"),
    [
        # The name in apposition is the subject of the relative clause the date is in.
        (
            "iOS will support Apple's new mobile advertising service, iAd, which goes live on "
            "July 1.",
            "July 1",
            "iAd goes live",
        ),
        # "of the financial year" belongs to its date.
        (
            "During the first quarter of the financial year Apple Inc. sold more than 21 "
            "million iPod players.",
            "the first quarter",
            "Apple Inc. sold more than 21 million iPod players",
        ),
        # A quotation's opening mark does not open the title.
        (
            'During his speech he stated that "Today Apple is going to reinvent the phone".',
            "Today",
            "Apple is going to reinvent the phone",
        ),
    ],
)
def test_a_title_keeps_no_leftover_of_an_apposition_a_date_or_a_quotation(sentence, date, title):
    assert readable_title(sentence, **_dated(sentence, date)) == title


@pytest.mark.parametrize(
    ("sentence", "date", "title"),
    [
        # A participle aside with the date tells what was done to the subject.
        (
            "Jobs, born in San Francisco on February 24, 1955, has built the most valuable "
            "technology company in the world.",
            "February 24, 1955",
            "Jobs was born in San Francisco",
        ),
        # "the recently announced iPhone": a reporting verb as an adjective frames nothing.
        (
            "Pre-orders of the recently announced iPhone 4 began Tuesday, overwhelming Apple.",
            "Tuesday",
            "Pre-orders of the recently announced iPhone 4 began",
        ),
        # "That" opening the sentence is a determiner, not a clause opener.
        (
            "That lawsuit was settled in 1991, also out of court, with Apple paying $26.5 million.",
            "1991",
            "The lawsuit was settled",
        ),
        # "which took place" refers to the clause before it: that clause is the event.
        (
            "Cisco states that it received the trademark in 2000, when the company overtook "
            "Infogear Technology Corp., which took place in 1996.",
            "1996",
            "The company overtook Infogear Technology Corp",
        ),
    ],
)
def test_a_date_in_an_aside_titles_the_aside_as_a_clause(sentence, date, title):
    assert readable_title(sentence, **_dated(sentence, date)) == title
