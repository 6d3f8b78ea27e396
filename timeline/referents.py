"""Who "he", "it" or "the company" stands for in an article: the nearest earlier name
that fits, found among the subjects of the sentences before (a title must say who).

Rules, not a model: a sentence's subject is what comes before its first verb; a run of
capitalised words in it, not after a preposition, is a name; a name with a word like
"Inc." or "Ministry" (or an acronym) is an organisation, one of two words or more a
person, and a single word a person when it is part of a person's name said before, else
an organisation or a thing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from timeline.keywords import word_set
from timeline.titles import FUNCTION_WORDS, first_verb_at

PERSON, ORGANISATION, THING = "person", "organisation", "thing"

# Words before a name that say what the person is: "Apple CEO Steve Jobs".
ROLES = word_set(
    """
    ceo cfo coo chief executive president vice minister prime secretary general spokesperson
    spokesman spokeswoman founder co-founder cofounder chairman chairwoman chair director
    judge justice presiding mr mrs ms dr sir dame lord lady governor mayor senator
    congressman congresswoman representative officer analyst professor ambassador envoy
    deputy foreign defence defense interior finance former current new acting head leader
    king queen prince princess pope colonel captain commander nurse mediator councillor
    councilman councilwoman inspector detective sergeant trustee economist lawyer attorney
    researcher scientist doctor engineer manager owner
    """
)
ORGANISATION_WORDS = word_set(
    """
    inc corp corporation co ltd llc plc company companies computer computers group ministry
    agency service council office department bank university association corps records
    commission court store stores systems technologies motors airlines airways news times post
    party government army navy police union fund institute authority board bureau
    foundation federation league club team network networks studios foods industries
    holdings partners energy pharmaceuticals labs laboratories media brands solutions
    services capital insurance electric steel oil gas mining beverages entertainment
    pictures music publishing press airline railways rail telecom communications
    electronics chemicals logistics shipping utilities water power mills works
    """
)
# Words that make a name a place or a thing, not a person: "United States", "Mac OS X".
THING_WORDS = word_set(
    """
    united states kingdom republic north south east west city county island islands
    river street square center centre program programme project conference event store
    system software service edition series prize award day
    """
)
_ACRONYM = re.compile(r"^[A-Z]{2,}[A-Z&]*$")
_PERSON_WORD = re.compile(r"^[A-Z][a-z’'-]+$")
_TOKEN = re.compile(r"[\w’'&.-]+|[^\w\s]")
_CAPITALISED = re.compile(r"^(?:[A-Z][\w’'&.-]*|[a-z]+[A-Z][\w’'&.-]*)$")
_JOINERS = word_set("of de van von der al bin da")
# An opening phrase before the subject: "In 1986, …", "Five years after its launch, …".
_OPENER = re.compile(
    r"^(?:(?:in|on|at|after|before|following|during|since|within|as|despite|amid|with|"
    r"from|by|under|rather|unfortunately|however|meanwhile|still|moving|earlier|later|"
    r"[a-z]+ing)\b|\d|[A-Z][a-z]+\s+(?:years?|months?|weeks?|days?)\b)[^,]*,\s+",
    re.IGNORECASE,
)
_PERSONAL = word_set("he she him his her")
_IMPERSONAL = word_set("it its")
_PRONOUN_WORDS = _PERSONAL | _IMPERSONAL | word_set("they them their we i you")
_COMPANY = re.compile(
    r"^(?P<phrase>[Tt]he\s+(?:company|firm|group|organisation|organization|corporation))\b"
)
_PRONOUN = re.compile(r"^(?P<phrase>[Hh]e|[Ss]he|[Ii]t)\b(?!['’])")
_POSSESSIVE = re.compile(r"^(?P<phrase>[Hh]is|[Hh]er)\s+(?=[a-z])")
_OWNER_OF = {"his": "he", "her": "she"}
# A time phrase before the subject, which the event's date already says: "One year later
# he was fired", "The following year it was …".
_TIME_OPENER = re.compile(
    r"^(?:(?:[A-Z][a-z]+|\d+)\s+(?:years?|months?|weeks?|days?)\s+(?:later|earlier|after|"
    r"before)|The\s+(?:following|next|same)\s+(?:year|month|week|day)|Later|Soon\s+after),?\s+"
    r"(?=(?:he|she|it)\b)"
)


@dataclass(frozen=True, slots=True)
class Name:
    text: str
    kind: str


def subject_of(sentence: str) -> str:
    """What comes before a sentence's first verb, after an opening phrase ("In 1986 he
    bought Pixar" → "In 1986 he"; "Five years after its launch, iTunes passed …" →
    "iTunes")."""
    return _subject_and_verb(sentence)[0]


def _subject_and_verb(sentence: str) -> tuple[str, str]:
    text = _OPENER.sub("", sentence.strip().lstrip("“\"'‘"), count=1)
    verb = first_verb_at(text)
    if verb is None:
        return "", ""
    return text[:verb], text[verb:].split(" ", 1)[0].lower()


# A subject that describes instead of naming: "The regional environment agency", "the
# company's chief executive".
_DESCRIBED = re.compile(r"^(?:the|a|an)\s+(?P<words>[\w’'-]+(?:\s+[\w’'-]+){0,5})\s*$", re.I)
_PLURAL_VERBS = word_set("are were have")
_GENERIC = word_set("company firm group organisation organization corporation")


def _described(subject: str, verb: str) -> Name | None:
    match = _DESCRIBED.match(subject.strip())
    if match is None:
        return None
    words = match.group("words").split()
    head = words[-1].lower()
    if head in _GENERIC and len(words) == 1:
        return None  # "the company" says no more than the phrase it should resolve
    if head in ROLES:
        return Name(subject.strip(), PERSON)
    if verb in _PLURAL_VERBS:
        return None
    return Name(subject.strip(), THING)


def names_in(text: str, *, known: frozenset[str] | None = None) -> list[Name]:
    """The names in a text, each with its kind. A run of capitalised words after a
    preposition ("in San Francisco") is a place or a setting, not a name that acts. The
    text's first word opens a name only when it is one of the `known` capitalised words
    (those the article writes with a capital inside a sentence): "Many", "Shares" and
    "The" open none."""
    names: list[Name] = []
    run: list[str] = []
    after_preposition = False
    previous = ""
    tokens = [*_TOKEN.findall(text), ","]
    for position, token in enumerate(tokens):
        if _CAPITALISED.match(token) or (run and token.lower() in _JOINERS):
            opening = (
                position == 0
                and known is not None
                and token not in known
                and not _CAPITALISED.match(tokens[1] if len(tokens) > 1 else "")
            )
            if not run and (token.lower() in FUNCTION_WORDS | _PRONOUN_WORDS or opening):
                previous = token.lower()
                continue
            if not run:
                after_preposition = previous in FUNCTION_WORDS and previous not in _DETERMINERS
            run.append(token)
            continue
        while run and run[-1].lower() in _JOINERS:
            run.pop()
        if run and not after_preposition and (name := _named(run)) is not None:
            names.append(name)
        run = []
        previous = token.lower()
    return names


_DETERMINERS = word_set("the a an this that these those its their his her our")


def _named(run: list[str]) -> Name | None:
    lowered = [w.lower().rstrip(".").removesuffix("’s").removesuffix("'s") for w in run]
    roles = [i for i, w in enumerate(lowered[:-1]) if w in ROLES]
    if roles and roles[-1] > 0:  # "Apple CEO Steve Jobs" is Steve Jobs
        return _named(run[roles[-1] + 1 :])
    if any(w in ORGANISATION_WORDS for w in lowered):
        return Name(" ".join(run), ORGANISATION)
    while run and run[0].lower().rstrip(".") in ROLES:  # "President Yoon Suk Yeol" is Yoon Suk Yeol
        run = run[1:]
    if not run:
        return None
    text = " ".join(run).removesuffix("’s").removesuffix("'s")
    if len(run) == 1 and _ACRONYM.match(run[0]):
        return Name(text, ORGANISATION)
    person = len(run) >= 2 and all(
        _PERSON_WORD.match(w) and w.lower() not in THING_WORDS for w in text.split()
    )
    return Name(text, PERSON if person else THING)


class Referents:
    """The names an article's sentences are about, in order, to resolve what follows."""

    def __init__(self, sentences: Sequence[str]) -> None:
        known = frozenset(
            word
            for sentence in sentences
            for word in _TOKEN.findall(sentence)[1:]
            if _CAPITALISED.match(word)
        )
        self._persons: set[str] = set()
        self._subjects: list[Name | None] = []
        for sentence in sentences:
            subject, verb = _subject_and_verb(sentence)
            name = self._main_name(names_in(subject, known=known))
            self._subjects.append(name or _described(subject, verb))

    def _main_name(self, names: list[Name]) -> Name | None:
        """The name a subject is about: its last person ("Apple CEO Steve Jobs" is Steve
        Jobs), else its first name ("Apple Computer's iTunes" is Apple Computer)."""
        for name in names:
            if name.kind == PERSON:
                self._persons.update(name.text.split())
        people = [n for n in names if n.kind == PERSON]
        if people:
            return people[-1]
        if not names:
            return None
        first = names[0]
        if first.kind == THING and first.text in self._persons:
            return Name(first.text, PERSON)
        return first

    def of(self, phrase: str, *, index: int) -> str | None:
        """The name `phrase` ("He", "it", "the company") stands for, looking back from
        sentence `index`: the nearest subject that is a name of the right kind."""
        lower = phrase.lower()
        before = [n for n in self._subjects[: max(0, index + 1)] if n is not None]
        if lower in _PERSONAL:
            people = [n for n in before if n.kind == PERSON]
            return people[-1].text if people else None
        if lower in _IMPERSONAL:
            things = [n for n in before if n.kind != PERSON]
            return things[-1].text if things else None
        # "The company" is the company the article is about: the one it names most as a
        # subject so far (the nearest of those it names as often).
        companies = [
            n for n in before if n.kind == ORGANISATION or (n.kind == THING and " " not in n.text)
        ]
        if not companies:
            return None
        counts = Counter(n.text for n in companies)
        return max(reversed(companies), key=lambda n: counts[n.text]).text

    def resolve_title(self, title: str, *, index: int, sentence: str) -> str:
        """The title with a pronoun or "the company" subject replaced by what it stands
        for. In a reported clause ("Cisco states that it has …") the sentence's own
        subject comes first; a leading subject looks at the sentences before."""
        opener = _TIME_OPENER.match(title)
        if opener:
            title = title[opener.end() :]
            title = title[:1].upper() + title[1:]
        if owner := _POSSESSIVE.match(title):
            # "His company sold 13.7 million Macs": the person's company.
            name = self.of(_OWNER_OF[owner.group("phrase").lower()], index=index)
            return title if name is None else f"{name}'s {title[owner.end() :]}"
        match = _PRONOUN.match(title) or _COMPANY.match(title)
        if match is None:
            return title
        phrase = match.group("phrase")
        leading = subject_of(sentence).strip().lower().startswith(phrase.lower())
        name = self.of(phrase, index=index - 1 if leading else index)
        if name is None:
            return title
        return name + title[match.end() :]
