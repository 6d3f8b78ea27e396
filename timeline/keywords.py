"""What a sentence is about, as words a machine can compare: stems of content words,
and the figures it gives ("12,000 troops")."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


def word_set(text: str) -> frozenset[str]:
    """A set of words written as a paragraph, easier to read and edit than a list."""
    return frozenset(text.split())


STOPWORDS = word_set(
    """
    a about above after again against all almost along already also although always am
    among an and another any are around as at be because been before being below between
    both but by can could did do does doing down during each either else ever every few
    for from further had has have having he her here hers him his how however i if in
    into is it its itself just least less like many may might more most much must my
    near neither no nor not now of off often on once one only onto or other others our
    out over own per perhaps rather same several she should since so some such than that
    the their them then there these they this those though through thus to too toward
    towards under until up upon us very via was we were what when where whether which
    while who whom whose why will with within without would yet you your mr mrs ms dr
    said says say told stated reported reports according added noted also including
    further recent recently ongoing amid amidst new first second last next earlier later
    today yesterday tomorrow week weeks month months year years day days time times
    monday tuesday wednesday thursday friday saturday sunday january february march
    april june july august september october november december morning evening night
    """
)

# Words so common in news that sharing them says nothing about sharing an event.
WEAK_WORDS = """official officials government country countries people report news statement
    situation issue matter part number percent spokesperson spokesman spokeswoman source
    sources president minister"""
# The first word of a sentence is capitalised whatever it is.
_SENTENCE_OPENING = re.compile(r"(?:^\s*|[.!?:]\s+)[“\"‘']?\Z")

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\d[\d,.]*\d|\d")
_SUFFIXES = (
    "ations",
    "ation",
    "ments",
    "ment",
    "ings",
    "ing",
    "ies",
    "ied",
    "ers",
    "er",
    "ians",
    "ian",
    "ans",
    "an",
    "ia",
    "ed",
    "es",
    "s",
    "e",
    "a",
    "ly",
)
_FIGURE = re.compile(
    r"(?<![\w,.])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:million|billion|thousand))?"
    r"((?:\s+[A-Za-z\-]+){1,4})"
)
_PART_OR_SUM_BEFORE = re.compile(
    r"\b(?:further|another|additional|extra|total\s+of|totall?ing|cumulative)\s+$", re.IGNORECASE
)
_SUM_AFTER = re.compile(r"\s+(?:in\s+total|in\s+all|altogether|so\s+far|to\s+date)\b", re.I)
_NOT_A_UNIT = word_set(
    """
    more than additional special new extra other elite of the
    """
)
_UNIT_SYNONYMS = {
    "soldier": "troops",
    "soldiers": "troops",
    "troop": "troops",
    "forces": "troops",
    "personnel": "troops",
    "fighters": "troops",
    "people": "people",
    "persons": "people",
    "residents": "people",
    "dead": "deaths",
    "killed": "deaths",
    "deaths": "deaths",
}
_SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A crude English stem, enough to meet "summoned"/"summons" and "signing"/"signed"."""
    word = word.lower().replace("’", "'").split("'")[0]
    if word.endswith(("ses", "xes", "zes", "ches", "shes")) and len(word) > 4:
        return word[:-2][:8]  # buses → bus, taxes → tax
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    else:
        # A short plural meets its singular: "pies"/"pie", "jobs"/"job" ("bus", "gas"
        # and "axis" are not plurals).
        if len(word) == 4 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
            word = word[:-1]
    return word[:8]


WEAK = frozenset(stem(word) for word in WEAK_WORDS.split())


def content_tokens(text: str) -> set[str]:
    """Stems of the words that carry meaning; figures are kept as `#12000`."""
    return {token for token, _ in _tokens(text, names=False)}


def topic_words(sentence_tokens: list[frozenset[str]]) -> frozenset[str]:
    """Words in a third or more of an article's sentences: its topic, not one event's."""
    if len(sentence_tokens) < 4:
        return frozenset()
    counts = Counter(token for tokens in sentence_tokens for token in tokens)
    return frozenset(token for token, n in counts.items() if n * 3 >= len(sentence_tokens))


# News says the same thing many ways; these paraphrases of event verbs count as one word.
_PARAPHRASES = {
    "extinguish": r"put out|doused|extinguish\w*",
    "summon": r"called in|summon\w*",
    "strike": r"walk\w* (?:off|out)(?: the job)?|walkouts?|went on strike|stoppages?",
    "resume": r"run again|running again|resum\w*|restart\w*|returned",
    "death": r"killed|died|dead",
    "sign": r"signed|signing|concluded",
    # A product shown for the first time: "unveiled", "introduced", "presented the iPhone".
    # A product put on sale: "will be released", "will be shipped", "ships in July".
    "release": r"releas(?:e|es|ed|ing)|ship(?:s|ped|ping)?",
    "unveil": r"unveil\w*|introduc(?:e|es|ed|ing)|present(?:s|ed|ing)|debut(?:s|ed)?|"
    r"made (?:its|their|his|her) (?:first |public )*(?:appearance|debut)",
}
_PARAPHRASE = re.compile(
    "|".join(rf"\b(?P<{word}>{pattern})\b" for word, pattern in _PARAPHRASES.items()),
    re.IGNORECASE,
)
# Whatever the paraphrases match contains one of these, once the text is in lower case.
# The case-insensitive pattern scans slowly and seldom matches; a case-sensitive test of
# the lowered text is quick. Four letters match ASCII ones only without case (İ ı ſ K):
# a text holding one of them takes the full pattern.
_PARAPHRASE_HINT = re.compile(
    "put out|doused|extinguish|called in|summon|walk|went on strike|stoppage|run again|"
    "running again|resum|restart|returned|killed|died|dead|signed|signing|concluded|unveil|"
    "introduc|present|debut|made its|made their|made his|made her|releas|ship"
)
_CASELESS_ONLY = re.compile("[\u0130\u0131\u017f\u212a]")
_YEAR = re.compile(r"(19|20)\d\d")


def _canonical(text: str) -> str:
    if _PARAPHRASE_HINT.search(text.lower()) is None and _CASELESS_ONLY.search(text) is None:
        return text
    return _PARAPHRASE.sub(lambda match: match.lastgroup or "", text)


def _tokens(text: str, *, names: bool = True) -> list[tuple[str, bool]]:
    """(stem, is_name) for each content word; is_name is always False unless `names`."""
    text = _canonical(text)
    result = []
    for match in _WORD.finditer(text):
        word = match.group()
        lower = word.lower()
        if lower in STOPWORDS:
            continue
        if word[0].isdigit():
            if len(word) >= 3 and not _YEAR.fullmatch(word):
                result.append(("#" + word.replace(",", ""), False))
            continue
        if len(lower) < 3:
            continue
        is_name = names and word[0].isupper()
        if is_name:
            at = match.start()
            is_name = at > 0 and _SENTENCE_OPENING.search(text[max(0, at - 4) : at]) is None
        if "-" not in lower:
            result.append((stem(lower), is_name))
            continue
        for part in lower.split("-"):
            if len(part) >= 3 and part not in STOPWORDS:
                result.append((stem(part), is_name))
    return result


@dataclass(frozen=True, slots=True, eq=False)
class Bag:
    """A text's content stems, which of them are names, and which say who did what.

    Compared by identity: a Scorer keys its work on bags, and hashing three sets each
    time would cost more than the comparison it saves.
    """

    tokens: frozenset[str]
    names: frozenset[str]
    focus: frozenset[str] = frozenset()

    @classmethod
    def of(cls, text: str, *, focus: str = "") -> Bag:
        pairs = _tokens(text)
        tokens = frozenset(token for token, _ in pairs)
        if focus == text:
            focus_tokens = tokens  # a title is all focus
        else:
            focus_tokens = frozenset(content_tokens(focus)) if focus else frozenset()
        return cls(
            tokens=tokens,
            names=frozenset(token for token, is_name in pairs if is_name),
            focus=focus_tokens,
        )


FOCUS_WEIGHT = 2.0  # the main clause (who did what) says more than the rest


def similarity(
    first: Bag,
    second: Bag,
    *,
    background: frozenset[str],
    headline: frozenset[str] = frozenset(),
) -> float:
    """Weighted cosine of two bags: shared names and main-clause words count most,
    the story's everyday words least.

    `headline` words (of the story's and the article's titles: "recall", "strike") are
    background words too, except to two reports whose main clauses both say one:
    "Halvorsen was recalling fish cakes" and "The recall began" tell that very happening.
    """
    if not first.tokens or not second.tokens or not first.tokens & second.tokens:
        return 0.0
    names = first.names | second.names
    about = _about(first, second, headline)

    def weights(bag: Bag) -> dict[str, float]:
        result = {}
        for token in bag.tokens:
            if token in WEAK or token in background and token not in about:
                weight = 0.25
            elif token in names or token.startswith("#"):
                weight = 1.5
            else:
                weight = 1.0
            result[token] = weight * (FOCUS_WEIGHT if token in bag.focus else 1.0)
        return result

    one, two = weights(first), weights(second)
    shared = sum(one[t] * two[t] for t in first.tokens & second.tokens)
    norm = (sum(w * w for w in one.values()) * sum(w * w for w in two.values())) ** 0.5
    return shared / norm


def _about(first: Bag, second: Bag, headline: frozenset[str]) -> frozenset[str]:
    """The headline words both bags are about: in both main clauses, a name in neither
    (a shared actor is not a shared happening), and not among the weak words."""
    if not headline:
        return frozenset()
    about = (first.focus & second.focus & headline) - first.names - second.names - WEAK
    return frozenset(token for token in about if not token.startswith("#"))


class Scorer:
    """`similarity` against one background, each bag's weights worked out once.

    A token's weight depends on the other bag only through its names, so each bag keeps
    the weights that are fixed (background/weak words, its own names, figures), the
    plain words (1.0, or 1.5 when the other bag names them) and its squared norm with
    every plain word at 1.0. The weights are multiples of 1/4 and the sums of their
    products are exact in floating point, so the result equals `similarity`'s exactly.
    """

    __slots__ = ("background", "headline", "_prepared")

    def __init__(
        self, background: frozenset[str], *, headline: frozenset[str] = frozenset()
    ) -> None:
        self.background = background
        self.headline = headline & background
        self._prepared: dict[Bag, tuple[dict[str, float], dict[str, float], float]] = {}

    def _prepare(self, bag: Bag) -> tuple[dict[str, float], dict[str, float], float]:
        prepared = self._prepared[bag] = _weights(bag, bag.tokens & self.background)
        return prepared

    def __call__(self, first: Bag, second: Bag) -> float:
        return self.best(first, (second,))

    def best(self, bag: Bag, others: Iterable[Bag]) -> float:
        """The highest similarity of `bag` to any of `others`; 0.0 when none shares a word.

        Each bag is prepared once per Scorer; a pair that shares no word costs one set test.
        """
        prepared = self._prepared
        tokens, names = bag.tokens, bag.names
        fixed_one, plain_one, square = prepared.get(bag) or self._prepare(bag)
        headline = self.headline
        # The headline words of this bag's main clause, the only ones `_about` can give.
        own_headline = headline & bag.focus if headline else headline
        best = 0.0
        for other in others:
            if tokens.isdisjoint(other.tokens):
                continue
            fixed_two, plain_two, square_two = prepared.get(other) or self._prepare(other)
            names_two = other.names
            square_one = square
            shared = 0.0
            about = (
                _about(bag, other, headline)
                if own_headline and not own_headline.isdisjoint(other.focus)
                else ()
            )
            for token in tokens & other.tokens:
                # A plain word the other bag names weighs 1.5 times as much, so its square
                # grows by (1.5f)² − f² = 1.25f².
                one = fixed_one.get(token)
                if one is None:
                    one = plain_one[token]
                    if token in names_two:
                        square_one += 1.25 * one * one
                        one *= 1.5
                two = fixed_two.get(token)
                if two is None:
                    two = plain_two[token]
                    if token in names:
                        square_two += 1.25 * two * two
                        two *= 1.5
                if about and token in about:
                    # A headline word both are about weighs as a plain word: four times
                    # its background weight, so its square grows by 16w² − w² = 15w².
                    square_one += 15 * one * one
                    square_two += 15 * two * two
                    one, two = 4 * one, 4 * two
                shared += one * two
            score = shared / (square_one * square_two) ** 0.5
            if score > best:
                best = score
        return best


@lru_cache(maxsize=50_000)
def _weights(bag: Bag, background: frozenset[str]) -> tuple[dict, dict, float]:
    """A bag's fixed weights, plain weights and squared norm, given which of its words are
    the background's. Stored events are compared again by each new article, and their
    words are seldom its background: the same weights serve them all."""
    fixed: dict[str, float] = {}
    plain: dict[str, float] = {}
    square = 0.0
    for token in bag.tokens:
        factor = FOCUS_WEIGHT if token in bag.focus else 1.0
        if token in background or token in WEAK:
            weight = fixed[token] = 0.25 * factor
        elif token in bag.names or token.startswith("#"):
            weight = fixed[token] = 1.5 * factor
        else:
            weight = plain[token] = factor
        square += weight * weight
    return fixed, plain, square


def figures_in(text: str) -> dict[str, set[float]]:
    """Counts the sentence gives, by what they count: {"troops": {12000}}."""
    figures: dict[str, set[int]] = {}
    for match in _FIGURE.finditer(text):
        if _PART_OR_SUM_BEFORE.search(text, max(0, match.start() - 30), match.start()) or (
            _SUM_AFTER.search(text, match.start(), match.end() + 20)
        ):
            continue  # "a further 80,000 pies", "200,000 pies in total": not the same count
        number, scale, following = match.groups()
        nouns = [w for w in following.split() if w.islower() and w not in _NOT_A_UNIT][:2]
        # "1,200 bus drivers" counts drivers: prefer the plural noun of the group.
        plural = [w for w in nouns if w.endswith("s") and not w.endswith(("ss", "us"))]
        unit = plural[0] if plural else (nouns[0] if nouns else None)
        if unit is None or re.fullmatch(r"(19|20)\d\d", number):
            continue
        value = float(number.replace(",", ""))
        if scale:
            value *= _SCALE[scale.strip().lower()]
        unit = _UNIT_SYNONYMS.get(unit, unit)
        if unit in STOPWORDS:
            continue
        figures.setdefault(unit, set()).add(value)
    return figures
