"""What sentences are about, and how alike two of them read."""

from __future__ import annotations

import json
from itertools import product
from pathlib import Path

import pytest

from timeline import keywords
from timeline.extract import split_sentences
from timeline.keywords import Bag, Scorer, content_tokens, similarity
from timeline.titles import make_title

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed_story.json"


def seed_bags() -> list[Bag]:
    records = json.loads(SEED.read_text(encoding="utf-8"))
    bodies = [r["fields"]["body"] for r in records if r["model"] == "articles.article"]
    sentences = [s.text for body in bodies for s in split_sentences(body)][:80]
    return [Bag.of(s, focus=make_title(s)) for s in sentences]


def test_scorer_gives_exactly_what_similarity_gives():
    bags = seed_bags()
    background = frozenset(content_tokens("North Korean troops in Russia"))
    scorer = Scorer(background)
    for first, second in product(bags, repeat=2):
        assert scorer(first, second) == similarity(first, second, background=background)


def test_scorer_best_is_the_highest_similarity_or_zero():
    bags = seed_bags()
    scorer = Scorer(frozenset())
    mine, others = bags[0], bags[1:30]
    expected = max(similarity(mine, other, background=frozenset()) for other in others)
    assert scorer.best(mine, others) == expected > 0
    assert scorer.best(Bag.of("Bananas ripen slowly."), others) == 0.0


def test_a_title_bag_is_all_focus():
    title = "South Korea summons the Russian ambassador"
    assert Bag.of(title, focus=title).focus == frozenset(content_tokens(title))


@pytest.mark.parametrize(
    "text",
    [
        "The fire was put out on Monday and the crews DOUSED the embers.",
        "Seoul Called In the ambassador; Summoning envoys is rare.",
        "Drivers walked off the job, a walkout that became a stoppage.",
        "Trains run again after service Resumed and restarts.",
        "Two people were KILLED and one died; the dead were named.",
        "The pact, signed in June, was concluded after Signing talks.",
        "Apple Unveiled the phone it had Presented and introduced; it made its debut.",
        "Lion will be Shipped in July; the release ships with iOS 5 and was released.",
        "Nothing here matches any paraphrase at all.",
        "The treaty was ſigned by the Kremlin, İt said; Kılled in action.",
    ],
)
def test_canonical_words_replace_paraphrases_as_the_full_pattern_does(text):
    assert keywords._canonical(text) == keywords._PARAPHRASE.sub(
        lambda match: match.lastgroup or "", text
    )


def test_scorer_gives_exactly_what_similarity_gives_with_headline_words():
    bags = seed_bags()
    story = frozenset(content_tokens("North Korean troops sent to Russia"))
    background = story | frozenset(content_tokens("ambassador summoned"))
    scorer = Scorer(background, headline=story)
    for first, second in product(bags, repeat=2):
        assert scorer(first, second) == similarity(
            first, second, background=background, headline=story
        )


@pytest.mark.parametrize(("plural", "singular"), [("pies", "pie"), ("jobs", "job")])
def test_a_short_plural_meets_its_singular(plural, singular):
    assert content_tokens(plural) == content_tokens(singular)


@pytest.mark.parametrize("word", ["bus", "gas", "axis", "boss"])
def test_words_ending_in_s_that_are_not_plurals_keep_it(word):
    assert content_tokens(word) == {word[:8]}


def both_tell(first: str, first_focus: str, second: str, second_focus: str, headline: str):
    story = frozenset(content_tokens(headline))
    one, two = Bag.of(first, focus=first_focus), Bag.of(second, focus=second_focus)
    plain = Scorer(story)(one, two)
    return plain, Scorer(story, headline=story)(one, two)


def test_a_headline_word_both_main_clauses_say_is_not_background():
    plain, told = both_tell(
        "The mill said on Sunday it was recalling 9,000 bags of flour.",
        "The mill said on Sunday it was recalling 9,000 bags of flour",
        "The recall, which began on June 1, covered 20,000 bags in all.",
        "The recall, which began on June 1",
        "Flour recall",
    )
    assert told > plain


def test_a_headline_name_both_main_clauses_say_stays_background():
    # A shared actor is not a shared happening.
    plain, told = both_tell(
        "Officials said Ostrava Mills will publish its findings.",
        "Ostrava Mills will publish its findings",
        "Inspectors said Ostrava Mills halted its second line.",
        "Ostrava Mills halted its second line",
        "Ostrava Mills",
    )
    assert told == plain


@pytest.mark.parametrize(
    "report",
    [
        "Last week the company presented the iPhone.",
        "The iPhone only made its appearance as a prototype.",
        "Apple introduced the iPhone at the conference.",
        "The iPhone debuted at the conference.",
    ],
)
def test_showing_a_product_for_the_first_time_is_one_word_however_it_is_said(report):
    assert "unveil" in content_tokens(report)
    assert "unveil" in content_tokens("Apple unveiled the iPhone.")


def test_a_release_and_a_shipping_are_one_word():
    shipped = content_tokens("Mac OS X Lion will be shipped in July.")
    released = content_tokens("The phone is scheduled for release next summer.")
    assert shipped & released == {keywords.stem("release")}
