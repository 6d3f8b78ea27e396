"""Who "he", "it" or "the company" stands for: the nearest earlier name that fits."""

from __future__ import annotations

import pytest

from timeline.referents import ORGANISATION, PERSON, THING, Name, Referents, names_in, subject_of

ARTICLE = [
    "Apple Inc. released its quarterly results on Monday.",
    "Apple CEO Steve Jobs said sales of the iPod were strong.",
    "He unveiled the iPhone 4 in San Francisco on June 7.",
    "The company said it will ship the phone in June.",
]


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        ("In 1986 he bought Pixar.", "In 1986 he"),
        ("Five years after its launch, iTunes passed 5 billion songs.", "iTunes"),
        ("Apple Inc. released its results.", "Apple Inc."),
        ("No verb in this", ""),
    ],
)
def test_a_subject_is_what_comes_before_the_first_verb_after_an_opening(sentence, subject):
    assert subject_of(sentence).strip() == subject


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Apple CEO Steve Jobs spoke", [Name("Steve Jobs", PERSON)]),
        ("Apple Inc. CEO Tim Cook said", [Name("Tim Cook", PERSON)]),
        ("President Yoon Suk Yeol said", [Name("Yoon Suk Yeol", PERSON)]),
        ("Apple Computer Inc. said", [Name("Apple Computer Inc.", ORGANISATION)]),
        ("The FBI said", [Name("FBI", ORGANISATION)]),
        ("The United States said", [Name("United States", THING)]),
        # A name after a preposition is a setting, not who acts.
        ("the store in San Francisco closed", []),
    ],
)
def test_names_and_their_kinds(text, names):
    assert names_in(text) == names


def test_a_sentence_opening_word_is_a_name_only_when_the_article_capitalises_it_inside():
    assert names_in("Shares rose", known=frozenset({"Apple"})) == []
    assert names_in("Apple rose", known=frozenset({"Apple"})) == [Name("Apple", THING)]


@pytest.mark.parametrize(
    ("title", "index", "resolved"),
    [
        ("He unveiled the iPhone 4", 2, "Steve Jobs unveiled the iPhone 4"),
        ("The company said", 3, "Apple Inc. said"),
        # A possessive pronoun names its owner: "His company" is the person's company.
        ("His company sold 13.7 million Macs", 3, "Steve Jobs's company sold 13.7 million Macs"),
        # A title that names its subject is left as it is.
        (
            "Apple Inc. released its quarterly results",
            0,
            "Apple Inc. released its quarterly results",
        ),
    ],
)
def test_a_pronoun_or_the_company_is_the_name_it_stands_for(title, index, resolved):
    referents = Referents(ARTICLE)
    assert referents.resolve_title(title, index=index, sentence=ARTICLE[index]) == resolved


def test_he_is_a_person_and_it_is_not():
    referents = Referents(ARTICLE)
    assert referents.of("he", index=3) == "Steve Jobs"
    assert referents.of("it", index=3) == "Apple Inc."


def test_a_pronoun_with_nothing_before_it_stays():
    sentences = ["He resigned on Monday."]
    referents = Referents(sentences)
    assert referents.resolve_title("He resigned", index=0, sentence=sentences[0]) == "He resigned"


def test_a_leading_pronoun_looks_only_at_the_sentences_before():
    sentences = [
        "Software maker Microsoft filed a lawsuit against Google.",
        "It said on Monday that Google copied it.",
    ]
    referents = Referents(sentences)
    assert referents.resolve_title("It said", index=1, sentence=sentences[1]) == "Microsoft said"


def test_the_company_is_the_one_the_article_names_most():
    sentences = [
        "Apple Inc. sued Samsung.",
        "Apple Inc. said the phones were copies.",
        "Samsung denied it.",
        "The company said on Monday it would appeal.",
    ]
    referents = Referents(sentences)
    assert referents.of("the company", index=3) == "Apple Inc."


def test_a_time_phrase_before_a_pronoun_goes_and_the_pronoun_is_named():
    sentences = ["Steve Jobs founded Apple in 1976.", "One year later he was fired."]
    referents = Referents(sentences)
    title = referents.resolve_title("One year later he was fired", index=1, sentence=sentences[1])
    assert title == "Steve Jobs was fired"
