"""An event's title: a short who-did-what phrase taken from its sentence.

The title comes from the clause that holds the event's date, so a sentence with two
dates gives each event its own ("The bridge, which opened in 1968, was last inspected in
October 2023" → "The bridge opened" and "The bridge was last inspected"). Reporting
frames ("officials said that …", "…, the mayor said") and the date phrases themselves
are cut (the timeline shows the date), and a long clause is shortened at a phrase
boundary rather than mid-phrase. No words are added: every title word is in the sentence.

The dates are marked in the text with private-use characters, one per date, so the
rules below can find them wherever the cuts have moved them.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache

from timeline.keywords import word_set

TITLE_WORDS = 12  # the longest title; longer clauses are cut at a phrase boundary

_OWN = "\ue000"  # the event's own date
_FIRST_OTHER = 0xE001  # the sentence's other dates, one character each
_ANY_DATE = "[\ue000-\ue0fe]"
_KEPT = "\ue0ff"  # the event's own date where the title needs it: "The company founded in 1921"

IRREGULAR_PAST = word_set(
    """
    said told made met sent began led held took gave won lost fell rose struck hit broke
    brought bought built came went saw found kept left paid put ran set shut spent stood
    sold spoke stole swore threw thought understood withdrew wrote sank shot fled fought
    drew drove ate flew forbade froze grew hid knew laid lay meant overtook rang sought
    slid sped split spread sprang stuck swept swung tore woke wore retook undertook
    mistook forgot forgave overran overthrew arose awoke chose clung crept dealt dug flung
    foresaw oversaw misled rode sang slept strove swam taught wept withheld upheld rebuilt
    heard felt sat became caught got shook hung spun knelt
    """
)
# Past forms that are not participles too: "was … and came to light" shares no "was".
SIMPLE_PAST_ONLY = word_set(
    """
    began took gave fell rose broke came went saw ran spoke stole swore threw withdrew
    wrote sank drew drove ate flew forbade froze grew knew lay overtook rang sprang tore
    woke wore retook undertook mistook forgot forgave overran overthrew arose awoke chose
    foresaw oversaw rode sang strove swam became shook hid
    """
)
NOT_PAST = word_set(
    """
    need speed feed seed steed bed red shed bleed breed creed greed deed weed indeed
    hundred proceed exceed succeed embed
    """
)
DETERMINERS = word_set(
    """
    the a an this that these those its their his her our
    """
)
# A reported clause about "she" needs the frame that says who she is.
_PRONOUNS = word_set("he she it they we i you")
_AUXILIARIES = word_set(
    """
    is are was were be been has have had will would shall should can could may might must
    did does do
    """
)
# Words after which "to …" is what the word needs, not a purpose that can go:
# "plans to send troops", "a bill to ratify the pact", "agreed to talks".
_TAKES_TO = word_set(
    """
    plan plans planned planning agree agreed agrees decide decided decides begin began
    begun try tried tries promise promised promises refuse refused refuses threaten
    threatened threatens vow vowed vows vote voted votes expect expected expects due set
    going hope hoped hopes hoping aim aims aimed bill bills order ordered orders ask asked
    asks allow allowed allows able likely unlikely want wants wanted need needs needed
    continue continued continues seek seeks sought move moved moves deal proposal offer
    offered offers ready willing pledge pledged pledges intend intends intended way
    choose chooses chose chosen
    right failed fail fails attempt attempted attempts effort efforts chance decision
    response addition relation regard contrast reference
    """
)
_ING_NOUNS = word_set(
    """
    meeting meetings hearing hearings briefing building buildings funding morning evening
    spring thing nothing something everything anything king ring wedding warning warnings
    bombing bombings shooting shootings killing killings training ceiling landing opening
    crossing ruling rulings finding findings sitting ending gathering offering
    """
)
_ADVERBS = word_set("not never still also already just now yet further last first again once only")
_APPROXIMATORS = word_set("about around over under nearly almost some")
_PREPOSITIONS = word_set(
    """
    in on at for with from after before during over under along across into near amid
    amidst despite following including regarding against between toward towards around
    about through without within outside via as by to off onto upon beyond behind below
    above among
    """
)
# A cut before these leaves a whole phrase behind it.
_PHRASE_OPENERS = _PREPOSITIONS | word_set("when while where which who whose that because")
# Words a title never ends on ("off", "on", "down" may end one: "were switched off").
_NOT_LAST = (
    DETERMINERS
    | _AUXILIARIES
    | word_set(
        "and or but nor of to for from with at by into between during among than every "
        "that which who whom whose when where as"
    )
)
_CLAUSE_WORDS = word_set("how why whether who which that whose when where")
_FUNCTION_WORDS = (
    _PREPOSITIONS
    | DETERMINERS
    | _AUXILIARIES
    | word_set("and or but nor of so than then who which that whose whom when where not")
)
# Prepositions that go with a dropped date ("on Friday", "between March 4 and 6"); those
# that say more than when ("until July") keep their date.
_DATE_PREPOSITION = (
    r"(?:(?:as\s+early\s+as|as\s+late\s+as|as\s+of|early\s+on|late\s+on|sometime\s+in|"
    r"(?:earlier|later)\s+(?:in|on)|"
    r"(?:shortly|just|soon|immediately)\s+(?:after|before)|"
    r"on|in|at|during|between|from|by|since|for|of|every|earlier|later|before|after|over|"
    r"beginning|starting|effective)\s+"
    r"(?:(?:about|around|approximately)\s+)?(?:the\s+)?)"
)
_DATE_PHRASE = re.compile(
    rf"(?P<preposition>\s*\b{_DATE_PREPOSITION})?\s*{_ANY_DATE}"
    rf"(?:\s*,?\s*(?:and|to|or|-|–)\s*{_ANY_DATE}|\s*{_ANY_DATE})*"
    # "Thursday's trading" keeps its date; "… local time", "from now on" go with it.
    r"(?!['’]s\b)(?:\s+local\s+time\b|\s+on(?=\s*(?:,|$)))?",
    re.IGNORECASE,
)
# "The deadline is 21st October": a date that is what the sentence says stays.
_BE_BEFORE = re.compile(r"\b(?:is|was|are|were|be|been|remains|remained)\s*$", re.IGNORECASE)
_ARTICLE_BEFORE_DATE = re.compile(rf"\b(?P<article>[Aa])n?\s+{_ANY_DATE}\s+(?=(?P<next>\w))")
# "a breach of the 1991 settlement" → "a breach of the settlement": a date that modifies a
# noun goes alone, its determiner (and the preposition before it) stay.
_DETERMINER_BEFORE_DATE = re.compile(
    rf"\b(?P<determiner>the|its|their|his|her|this|that|these|those)\s+{_ANY_DATE}\s+(?=(?-i:[a-z]))",
    re.IGNORECASE,
)
_MARKER = re.compile("[\ue000-\ue0ff]")
_OF_THE_YEAR = re.compile(
    rf"(?P<date>{_ANY_DATE})\s+of\s+(?:the|its|this|that|last|next)\s+"
    r"(?:financial|fiscal|calendar|tax|school|academic)\s+year\b",
    re.IGNORECASE,
)
# "Inspectors visited the site on May 2 and again on May 9" without its dates
_DANGLING_AND = re.compile(r"(?:\s+(?:and|or|but|then)(?:\s+again)?)+\s*$")
# "ended fighting that began in 1950" without its date
_DANGLING_RELATIVE = re.compile(r"\s+(?:that|which|who)\s+\w+$")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,;:.])")
_KEEP_DATE_AFTER = re.compile(r"\b(?:until|till|through|dated)\s*$", re.IGNORECASE)

_REPORTING = (
    r"said|says|say|stated|states|reported|reports|announced|announces|"
    r"confirmed|confirms|added|adds|noted|notes|wrote|writes|claimed|claims|warned|warns|"
    r"insisted|insists|estimated|estimates|suggested|suggests|indicated|indicates|alleged|"
    r"alleges|argued|argues|explained|explains|acknowledged|admitted|revealed|reveals|"
    r"believes|believed|predicted|predicts"
)
# Verbs that frame a clause only with "that": "the review found that …", not "an
# inspection found drums stored by a drain".
_FINDING = r"show|shows|showed|found|finds|concluded|concludes"
_TOLD = (
    r"(?:told|tells)(?:\s+(?:reporters|journalists|the\s+press|parliament|lawmakers|"
    r"a\s+news\s+conference|(?-i:(?:the\s+)?[A-Z][\w’'&.-]*(?:\s+[A-Z][\w’'&.-]*){0,3})))?"
)
_REPORTING_VERB = re.compile(rf"\b(?:(?P<says>{_REPORTING}|{_TOLD})|{_FINDING})\b", re.IGNORECASE)
# What may come between the reporting verb and the reported clause: "said on Monday in a
# statement that …".
_FRAME_TAIL = re.compile(
    rf"(?:\s+(?:on\s+|late\s+on\s+|early\s+on\s+|in\s+|at\s+)?{_ANY_DATE}"
    r"|\s+in\s+(?:a|an)\s+(?:statement|interview|post|letter|briefing|report)"
    rf"(?:\s+[^\s,{_OWN}]+){{0,4}}?(?=\s+(?:on|that)\b|,|\s+{_ANY_DATE})"
    # "NPD said according to those figures, Apple's store passes …"
    r"|\s+according\s+to\s+[^,]{1,60}(?=,))*"
    r"\s*,?\s*(?P<that>that\s+)?",
    re.IGNORECASE,
)
# "…, the mayor said", "…, officials told reporters on Monday", "…, said the mayor".
_TRAILING_FRAME = re.compile(
    rf",\s+(?:(?P<who>[^,]{{1,70}}?)\s+(?:{_REPORTING}|{_TOLD})"
    rf"(?:\s+(?:on\s+|late\s+on\s+)?{_ANY_DATE})?"
    rf"|(?:said|says)\s+[^,]{{1,60}}?|according\s+to\s+[^,]{{1,80}}?)\s*(?=,|$)",
    re.IGNORECASE,
)
_ATTRIBUTION = re.compile(
    r"^(?:according to [^,]{1,80},\s*|in (?:a|an) [^,]{1,60},\s*"
    # The writer's own frame: "It should be mentioned that …", "It is worth noting that …"
    r"|it\s+(?:should|must|may|can)\s+be\s+(?:mentioned|noted|said|stressed|added|"
    r"remembered|recalled)\s+that\s+|it\s+is\s+worth\s+(?:noting|mentioning)\s+that\s+)",
    re.IGNORECASE,
)
# "In recent diplomatic tensions, …", "Following this announcement, …", "On Friday, …"
_OPENERS = (
    "in|on|at|from|after|following|amid|amidst|during|since|before|despite|notably|however|"
    "meanwhile|earlier|later|separately"
)
_OPENING = re.compile(rf"^(?:{_OPENERS})\b[^,]{{0,50}},\s+", re.IGNORECASE)
# Titles also lose "If confirmed, …", "That same day, …", "Speaking to reporters on
# Monday, …", a date that opens the sentence and the frame of "It was not until 2018
# that …".
_LEADING_PHRASE = re.compile(
    rf"^(?:(?:(?:{_OPENERS}|if|still|instead|then|by|late|early|that)\b|{_ANY_DATE})"
    r"[^,]{0,50},\s+"
    r"|[A-Za-z]+ing\s(?:(?!\b(?:is|are|was|were|has|have|had|will|would)\b)[^,]){0,60},\s+"
    rf"|it\s+(?:was|is|will\s+be)\s+(?:not\s+until|only\s+(?:in|on|after))?\s*{_ANY_DATE}"
    r"\s+that\s+)",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s+(?:[^,\s]+\s+){0,3}[^,\s]+,\s+(?=[a-z])")
# ", which opened in 1968," (when the event's date is elsewhere), ", in 2019,".
_ASIDE = re.compile(
    rf",\s+(?:which|who|whose)\s(?:[^,{_OWN}]|,(?=\d))*(?:,(?=\s)|$)"
    rf"|,\s+(?:in\s+|on\s+)?{_ANY_DATE},(?=\s)"
)
# ", during a visit to Pyongyang, signed …"
_PREPOSITIONAL_ASIDE = re.compile(
    rf",\s+(?:during|in|at|on|after|before|amid|despite|following|with|without|under|for)"
    rf"\s[^,{_OWN}]{{0,60}},\s+(?=[a-z])"
)
_INCLUDING = re.compile(rf",\s+(?:including|among them)\s[^,{_OWN}]*,(?=\s)")
_CLAUSE_END = re.compile(
    r",(?=\s)|;|:(?=\s)|\s[—–-]\s|\s(?:which|who|whom|where|while|although|because|whereas)\s"
)
# Coordinated clauses, each with its own subject: "…, and the bridge was shut …".
_COORDINATION = re.compile(r";\s+|,\s+(?:and|but|while|whereas|so)\s+|,\s+(?=then\s)")
# Verb phrases sharing a subject: "… was announced in March, cancelled on May 24 and …"
_VERB_PHRASE_CUT = re.compile(r",?\s+(?:and|but)\s+|,\s+")
_RELATIVE = re.compile(r"(?:,\s*|\s)(?P<pronoun>which|who|whose|that)\s")
_SUBORDINATOR = re.compile(
    r"\b(?:when|after|before|because|as|once|since|until|while|although|where|that|how|"
    r"why|whether)\s",
    re.IGNORECASE,
)
_QUOTE_FIRST = re.compile(r"^[“\"][^”\"]{10,}[,.!?]?[”\"],?\s+(?=[a-z])")
_TRAILING_PREPOSITION = re.compile(
    r"(?:despite|after|before|following|amid|during|since|until)\s+", re.IGNORECASE
)
_SEQUENCE = re.compile(r"(?:following|after|before|since)\s+", re.IGNORECASE)
# "Details of the agreement, signed in June, …": the agreement is what the date is about.
# "In a report released on June 27, the office found …": the date is the document's.
_DOCUMENT = (
    r"report|statement|letter|ruling|decision|judgment|filing|notice|interview|speech|"
    r"post|announcement|memo|review|study|audit|submission|update|message|press\s+release"
)
_DOCUMENT_OPENING = re.compile(
    rf"^(?:in|with|through)\s+(?P<determiner>an?|the|its|their|his|her)\s+"
    rf"(?P<document>(?:[\w’'-]+\s+){{0,2}}?(?:{_DOCUMENT}))\s+"
    rf"(?P<verb>[a-z]+(?:\s+(?:out|down|up))?)\s+(?:(?:late|early)\s+)?(?:on\s+|in\s+|at\s+)?"
    rf"{_OWN}\s*,\s+",
    re.IGNORECASE,
)
# "… the recall the company announced on June 1": a relative clause without "that".
_NOUN_PHRASE = r"(?:(?:the|a|an|its|their|his|her)\s+(?:[\w’'-]+\s+){0,2}?[\w’'-]+)"
_REDUCED_RELATIVE = re.compile(
    rf"\b(?P<object>{_NOUN_PHRASE})\s+(?P<subject>{_NOUN_PHRASE}|(?-i:[A-Z][\w’'&-]*"
    rf"(?:\s+[A-Z][\w’'&-]*){{0,3}}))\s+(?P<verb>[a-z]+)\s+(?:(?:on|in|at|last)\s+)?{_OWN}",
    re.IGNORECASE,
)
_DETERMINERS = word_set("the a an its their his her this that these those")
_HEAD_OF = re.compile(
    r"^(?:(?:the\s+)?(?:details|terms|text|news|reports?|parts?|copies)\s+of)\s+",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'&.,-]+|[\ue000-\ue0ff]")


def make_title(
    sentence: str,
    *,
    date: tuple[int, int] | None = None,
    other_dates: Sequence[tuple[int, int]] = (),
    expression_text: str = "",
) -> str:
    """A short who-did-what phrase for the event `sentence[date[0]:date[1]]` dates.

    `date` and `other_dates` are spans in the sentence; `expression_text` finds the date
    by its text instead. Without a date, the title is the sentence's main clause.
    """
    if date is None and expression_text:
        at = sentence.find(expression_text)
        if at >= 0:
            date = (at, at + len(expression_text))
    text, originals = _mark(sentence, date, other_dates)
    originals[_KEPT] = originals.get(_OWN, "")
    text = _DATELINE.sub("", text.strip())  # "LONDON (Reuters) — …"
    text = _QUOTE_FIRST.sub("", text)  # '"We will …," she said on Monday'
    text = text.strip().strip("“”\"'").rstrip(" .!?…").strip()
    text = _clause_of_date(_INCLUDING.sub("", text))
    text = _LEADING_PHRASE.sub("", _ATTRIBUTION.sub("", text))
    text = _without_parentheticals(text)
    text = _without_frames(text)
    text = _clause_end(text)
    text = _shortened(text, originals)
    words = _tidy(_without_dates(text, originals)).split()
    # Whatever the cuts left, a title does not end on "of", "the" or "will".
    while len(words) > 2 and words[-1].lower().strip(",;:") in _NOT_LAST:
        words.pop()
    if words and words[0] in ('"', "“", "'", "‘"):
        words.pop(0)  # '" Apple is going to …' once the quotation's frame is gone
    title = " ".join(words)
    if title.count('"') == 1 or title.count("“") != title.count("”"):
        title = re.sub(r"^[“\"]\s*|\s*[”\"]$", "", title)  # half a quotation's marks
    if len(words) < 2:
        return trim_words(sentence.strip(), TITLE_WORDS).rstrip(" .,;:")
    return capitalised(title)


# A wire dateline: the place in capitals, maybe a date or country, maybe the agency, a dash.
_DATELINE = re.compile(
    r"^[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*(?:,\s*[^—–()]{1,40}?)?(?:\s*\([^)]{1,30}\))?"
    r"\s*(?:—|–|--|-)\s+"
)

# Words that leave a title waiting for what its date said: "The hearing is still set".
_WANTS_MORE = word_set("set due scheduled slated expected planned poised likely able")


@lru_cache(maxsize=4096)
def title_rank(title: str) -> tuple[bool, bool, bool, bool, bool, bool, int]:
    """How well a title says who did what, for choosing among an event's reports: a clause
    a reader understands alone (`clause_problem`), a whole clause (a verb, not cut short),
    a subject that is not a pronoun ("It …"), a name, four words or more, not a report of
    a report ("… said it was recalling"), then the shorter."""
    words = title.split()
    subject = bool(words) and words[0].lower() not in _PRONOUNS
    complete = (
        len(words) >= 3
        and not title.endswith("…")
        and words[-1].lower() not in _WANTS_MORE
        and _has_verb(title)
    )
    named = bool(words) and (
        words[0].lower() not in DETERMINERS | _PRONOUNS
        or any(word[:1].isupper() for word in words[1:])
    )
    direct = _REPORTING_VERB.search(title) is None
    clear = not clause_problem(title)
    return (clear, complete, subject, named, len(words) >= 4, direct, -len(words))


def trim_words(text: str, limit: int) -> str:
    words = text.split()
    if len(words) <= limit:
        return text.strip()
    return " ".join(words[:limit]).rstrip(",;:") + "…"


def main_clause(sentence: str, *, expression_text: str = "") -> str:
    """What a sentence says first, who did what, leading phrases and asides cut: the
    words clustering weighs most when comparing two reports."""
    text = sentence.strip().strip("“”\"'")
    comma = text.find(", ")
    at = text.find(expression_text) if expression_text else -1
    after = at + len(expression_text)
    if at >= 0 and len(text[:at].split()) <= 2 and text.startswith(", ", after):
        text = text[after + 2 :]  # "From October 25, 2024 to November 2, 2024, Tokyo …"
    elif comma > 0 and expression_text in text[:comma] and len(text[:comma].split()) <= 6:
        text = text[comma + 2 :]  # "On October 18, North Korea announced …"
    text = _OPENING.sub("", _ATTRIBUTION.sub("", text))
    # "The mayor, Helen Achterberg, announced" → "The mayor announced"
    text = _APPOSITION.sub(" ", text)
    title = trim_words(_clause_end(text), 12).rstrip(" .,;:")
    return capitalised(title) if title else sentence[:80]


def past_verb_at(words: Sequence[str], index: int) -> bool:
    """Whether words[index] reads as a verb in the past: "said", "collapsed" (but not
    "the reported deployment" or "Ahmed")."""
    word = words[index]
    lower = word.lower()
    if lower in IRREGULAR_PAST:
        return True
    return (
        len(lower) > 4
        and lower.endswith("ed")
        and lower not in NOT_PAST
        and not word[0].isupper()
        and (index == 0 or words[index - 1].lower() not in DETERMINERS)
    )


def _mark(
    sentence: str, date: tuple[int, int] | None, others: Sequence[tuple[int, int]]
) -> tuple[str, dict[str, str]]:
    """The sentence with each date replaced by one marker character."""
    spans: list[tuple[int, int, str]] = []
    if date is not None:
        spans.append((date[0], date[1], _OWN))
    for index, (start, end) in enumerate(sorted(set(others))):
        if index < 0xFE and (start, end) != date:
            spans.append((start, end, chr(_FIRST_OTHER + index)))
    kept: list[tuple[int, int, str]] = []
    for start, end, mark in spans:  # the own date first: it wins any overlap
        if start < end and all(end <= s or start >= e for s, e, _ in kept):
            kept.append((start, end, mark))
    text = sentence
    originals = {}
    for start, end, mark in sorted(kept, reverse=True):
        originals[mark] = sentence[start:end]
        text = text[:start] + mark + text[end:]
    return text, originals


def _restore(text: str, originals: dict[str, str]) -> str:
    return _MARKER.sub(lambda m: originals.get(m.group(), ""), text)


def _words(text: str) -> list[str]:
    return [w.strip(",") for w in _WORD.findall(text) if w.strip(",")]


def _words_at(text: str) -> tuple[list[str], list[int]]:
    """`_words(text)`, and where each of them starts in the text."""
    matches = [m for m in _WORD.finditer(text) if m.group().strip(",")]
    return [m.group().strip(",") for m in matches], [m.start() for m in matches]


@lru_cache(maxsize=4096)
def _has_verb(text: str) -> bool:
    words = _words(text)
    return any(_is_verb(words, i) for i in range(len(words)))


_MODALS = word_set("will would shall should can could may might must")


def _is_verb(words: Sequence[str], index: int) -> bool:
    if words[index].lower() in _AUXILIARIES:
        return True
    # "-ed" after a preposition is an adjective: "three days of mediated talks".
    after_preposition = index > 0 and words[index - 1].lower() in _PREPOSITIONS | {"of"}
    after_modal = index > 0 and words[index - 1].lower() in _MODALS  # "will replace"
    return after_modal or (past_verb_at(words, index) and not after_preposition)


def _starts_with_verb(text: str) -> bool:
    words = _words(text)
    return bool(words) and _is_verb(words, 0)


def _clause_of_date(text: str) -> str:
    """The clause that holds the event's date, made to stand alone."""
    if _OWN not in text:
        return text
    text = _coordinate_part(text)
    at = text.index(_OWN)
    for rule in (
        _document_opening,
        _relative_clause,
        _reduced_relative,
        _subordinate_clause,
        _event_before,
        _participle_aside,
        _trailing_phrase,
    ):
        clause = rule(text, at)
        if clause:
            return clause
    return text


_HAPPENED = re.compile(r"(?:took\s+place|happened|occurred)\b", re.IGNORECASE)
_EVENT_CLAUSE = re.compile(
    r"(?:^|,\s+|\b(?:when|after|as|because|since)\s+)(?P<clause>[^,]+)$", re.IGNORECASE
)
_SUBORDINATE_OPENING = re.compile(r"^(?:when|after|as|because|since)\s+", re.IGNORECASE)
_APPOSED_NAME = re.compile(r"^(?:[A-Z]|[a-z]+[A-Z])[\w’'&.-]*")


def _relative_clause(text: str, at: int) -> str | None:
    """ "The bridge, which opened in 1968, …" → "The bridge opened in 1968"."""
    relative = _open_clause_before(_RELATIVE, text, at)
    if (
        relative
        and relative.group("pronoun") == "that"
        and not _starts_with_verb(text[relative.end() :])
    ):
        return None  # "said that …" opens a clause of its own, not a relative one
    clause = None if relative is None else _own_clause(text, relative.end())
    if clause and _HAPPENED.match(clause) and relative.group("pronoun") == "which":
        # "…, when the company overtook Infogear, which took place in 1996": the
        # antecedent is the clause before, the event itself.
        event = _EVENT_CLAUSE.search(text, 0, relative.start())
        happened = event and _SUBORDINATE_OPENING.sub("", event.group("clause"))
        if happened and _has_verb(happened):
            return happened
    subject = _antecedent(text[: relative.start()]) if clause else ""
    if not subject:
        return None
    # "Apple's new advertising service, iAd, which goes live …": the name in apposition.
    named = subject.rsplit(", ", 1)[-1]
    if named != subject and _APPOSED_NAME.match(named) and len(named.split()) <= 4:
        subject = named
    if relative.group("pronoun") == "whose":  # "the union, whose members …"
        subject += "’s" if "’" in text else "'s"
    return f"{subject} {clause}"


def _subordinate_clause(text: str, at: int) -> str | None:
    """ "… was solidified when Putin introduced a bill last week" → "Putin introduced a
    bill last week"; "… after a 2022 inspection found violations" → "a 2022 inspection
    found violations"."""
    for subordinate in reversed(list(_SUBORDINATOR.finditer(text, 0, at))):
        if _OWN not in _to_comma(text, subordinate.end()):
            return None  # closed before the date
        clause = _own_clause(text, subordinate.end())
        if not clause or _starts_with_verb(clause):
            continue
        head, _, tail = clause.partition(_OWN)
        subject_with_date = len(head.split()) <= 2 and _has_verb(" ".join(tail.split()[:2]))
        if _has_verb(head) or subject_with_date:
            if subordinate.start() == 0 and subordinate.group().strip() == "That":
                return f"the {clause}"  # "That lawsuit was settled …": a determiner
            return clause
    return None


def _document_opening(text: str, at: int) -> str | None:
    """ "In a report released on June 27, the office found that …" → "The office released
    a report": who did what on that date, in the sentence's words."""
    opening = _DOCUMENT_OPENING.match(text)
    if opening is None or not past_verb_at(opening.group("verb").split(), 0):
        return None
    rest = text[opening.end() :]
    words, starts = _words_at(rest)
    verb = _main_verb(words)
    if not verb or verb > 8:
        return None
    subject = rest[: starts[verb]].rstrip(" ,")
    determiner, document = opening.group("determiner"), opening.group("document")
    return f"{subject} {opening.group('verb')} {determiner.lower()} {document}"


def _reduced_relative(text: str, at: int) -> str | None:
    """ "… widening the recall the company announced on June 1" → "The company announced
    the recall"."""
    for match in _REDUCED_RELATIVE.finditer(text, 0, at + 1):
        what, who, verb = match.group("object", "subject", "verb")
        if (
            not past_verb_at([verb], 0)
            or not what.split()[-1].islower()  # "The Dow Jones …" is one name
            or not _is_noun_phrase(what)
            or not _is_noun_phrase(who)
        ):
            continue
        return f"{who} {verb} {what} {text[match.end('verb') : match.end()]}"
    return None


_NOT_IN_NOUN_PHRASE = _FUNCTION_WORDS | _CLAUSE_WORDS


def _is_noun_phrase(text: str) -> bool:
    """A determiner (or a name) and nouns only: "the recall", "its Loxley plant"."""
    words = _words(text)[1:]
    return not _has_verb(text) and not any(w.lower() in _NOT_IN_NOUN_PHRASE for w in words)


def _event_before(text: str, at: int) -> str | None:
    """ "Following the signing of a pact in June, …" → "The signing of a pact"."""
    sequence = _SEQUENCE.match(text)
    first_comma = text.find(", ")
    if sequence and 0 < at < first_comma and _OWN not in text[first_comma:]:
        phrase = text[sequence.end() : first_comma]
        if len(_without_dates(phrase, {}).split()) >= 3 and not _has_verb(phrase):
            return phrase
    return None


def _participle_aside(text: str, at: int) -> str | None:
    """ "Details of the pact, signed during the visit in June, remain …" → "The pact signed
    during the visit in June"."""
    first_comma = text.find(", ")
    if 0 < first_comma < at and not _has_verb(text[:first_comma]):
        aside = _to_comma(text, first_comma + 2)
        if _OWN in aside and _is_participle_aside(aside):
            if len(_without_dates(aside, {}).split()) < 3:
                aside = aside.replace(_OWN, _KEPT)  # "The company, founded in 1921, …"
            return f"{_HEAD_OF.sub('', text[:first_comma])} {aside}"
    return None


def _trailing_phrase(text: str, at: int) -> str | None:
    """ "The permit was renewed last November, despite an inspection in 2022 that found
    leaks" → "an inspection in 2022 found leaks": the date is the phrase's, not the
    main clause's."""
    comma = text.rfind(", ", 0, at)
    if comma < 0 or not _has_verb(text[:comma]):
        return None
    segment = _to_comma(text, comma + 2)
    lead = _TRAILING_PREPOSITION.match(segment)
    if lead is None:
        return None
    phrase = segment[lead.end() :]
    that = re.search(r"\sthat\s", phrase)
    if that and _starts_with_verb(phrase[that.end() :]):
        phrase = f"{phrase[: that.start()]} {phrase[that.end() :]}"
    return phrase if len(_without_dates(phrase, {}).split()) >= 3 else None


def _is_participle_aside(aside: str) -> bool:
    """ "signed in June", "originally set for March 3": a participle phrase."""
    words = _words(aside)
    if words and words[0].lower().endswith("ly"):
        words = words[1:]
    return bool(words) and past_verb_at(words, 0)


def _own_clause(text: str, start: int) -> str | None:
    """The clause opening at `start`, if it holds the event's date: it ends at a comma or
    where the main clause comes back ("the man who attacked a guard on Monday | was
    arrested")."""
    clause = _to_comma(text, start)
    if _OWN not in clause:
        return None
    back = _second_verb_group(clause)
    if back is None:
        return clause
    return clause[:back] if back > clause.index(_OWN) else None


def _second_verb_group(clause: str) -> int | None:
    """Where a clause's second group of verbs begins: in "the crack was missed in 2023
    will report", at "will" (the main clause coming back)."""
    words, starts = _words_at(clause)
    groups = _verb_groups(words)
    return starts[groups[1]] if len(groups) > 1 else None


def _verb_groups(words: Sequence[str]) -> list[int]:
    """Where each group of verbs starts: "was awarded" is one, "has not yet been
    supplying" one."""
    starts = []
    for i in range(len(words)):
        if not _is_verb(words, i):
            continue
        before = i - 1
        while before >= 0 and _is_adverb(words[before]):
            before -= 1
        if before < 0 or words[before].lower() not in _AUXILIARIES:
            starts.append(i)
    return starts


def _is_adverb(word: str) -> bool:
    lower = word.lower()
    return lower in _ADVERBS or (lower.endswith("ly") and len(lower) > 4)


def _antecedent(text: str) -> str:
    """The noun phrase a relative clause follows: "the approval of union members" →
    "union members", "The bridge" → "The bridge"."""
    words = text.rstrip(" ,").split()
    start = len(words)
    while (
        start > 0
        and words[start - 1].lower() not in _FUNCTION_WORDS
        and not _is_verb(words, start - 1)
    ):
        start -= 1
    if start > 0 and words[start - 1].lower() in DETERMINERS:
        start -= 1
    if start == len(words) or _has_verb(" ".join(words[start:])):
        return ""
    return " ".join(words[start:])


def _coordinate_part(text: str) -> str:
    """Of "A did X on Sunday, and B did Y the next day", the part with the event's date."""
    parts = []
    start = 0
    for match in _COORDINATION.finditer(text):
        before, after = text[start : match.start()], text[match.end() :]
        if _has_verb(before) and _has_verb(after) and not _starts_with_verb_phrase(after):
            parts.append(before)
            start = match.end()
    parts.append(text[start:])
    return _verb_phrase_part(next((part for part in parts if _OWN in part), text))


def _verb_phrase_part(text: str) -> str:
    """Of "Smith was elected in 2016 and re-elected in 2020", the verb phrase with the
    event's date, with the subject (and auxiliaries) it shares: "Smith was re-elected"."""
    if _OWN not in text:
        return text
    cuts = [
        m
        for m in _VERB_PHRASE_CUT.finditer(text)
        if _has_verb(text[: m.start()]) and _has_verb(_to_comma(text, m.end()))
    ]
    # "announced in March, cancelled on May 24 and revived …" is a list of verb phrases
    # (it ends with "and"); "The bank, founded in 1850, had lost …" or "…, bolstered by
    # imagery" are not.
    listed = _has_verb(_to_comma(text, 0))
    cuts = [
        m
        for index, m in enumerate(cuts)
        if m.group().strip() != ","
        or listed
        and _starts_with_verb_phrase(text[m.end() :])
        and not _starts_with_auxiliary(text[m.end() :])
        and any(later.group().strip() != "," for later in cuts[index + 1 :])
    ]
    own = text.index(_OWN)
    before = [m for m in cuts if m.end() <= own]
    after = next((m for m in cuts if m.start() > own), None)
    part_start = before[-1].end() if before else 0
    part = text[part_start : after.start() if after else len(text)]
    if not before or not _starts_with_verb_phrase(part):
        return part  # the first part, or a clause with its own subject
    words, starts = _words_at(text)
    groups = _verb_groups(words)
    if not groups:
        return part
    first = groups[0]
    # The subject without the adverbs of the first verb: "It first received …, and
    # stopped …" → "It stopped …".
    subject_words = words[:first]
    while subject_words and _is_adverb(subject_words[-1]):
        subject_words.pop()
    if not subject_words:
        return part
    subject = text[: starts[len(subject_words)]].rstrip(" ,")
    auxiliaries = []  # "was" of "Smith was elected … and re-elected …"
    at = first
    while at < len(words) and (words[at].lower() in _AUXILIARIES or _is_adverb(words[at])):
        if words[at].lower() in _AUXILIARIES:
            auxiliaries.append(words[at])
        at += 1
    # Shared only by participles: "He was born … and moved abroad" shares no "was", nor
    # does "was introduced …, and pushed rivals to follow" (a verb with an object).
    participle = at < len(words) and past_verb_at(words, at) and _reads_passive(part)
    if not auxiliaries or not participle or _starts_with_auxiliary(part):
        return f"{subject} {part}"
    return f"{subject} {' '.join(auxiliaries)} {part}"


def _reads_passive(phrase: str) -> bool:
    """Whether a verb phrase can share a passive's auxiliary: its verb may be a participle
    and has no object after it ("re-elected in 2020", not "came to light" or "pushed
    rivals to follow")."""
    words = _without_leading_adverbs(_words(phrase))
    if not words or words[0].lower() in SIMPLE_PAST_ONLY:
        return False
    following = words[1].lower() if len(words) > 1 else ""
    return (
        not following
        or following in _PREPOSITIONS
        or _MARKER.match(following) is not None
        or _is_adverb(following)
    )


def _without_leading_adverbs(words: list[str]) -> list[str]:
    at = 0
    while at < len(words) - 1 and _is_adverb(words[at]):
        at += 1
    return words[at:]


def _starts_with_verb_phrase(text: str) -> bool:
    """Whether the text starts with a verb, maybe after adverbs: "only became public"."""
    words = _without_leading_adverbs(_words(text))
    return bool(words) and _is_verb(words, 0)


def _starts_with_auxiliary(text: str) -> bool:
    words = _words(text)
    return bool(words) and words[0].lower() in _AUXILIARIES


def _open_clause_before(pattern: re.Pattern, text: str, at: int) -> re.Match | None:
    """The last clause opener before `at` whose clause has not closed (with a comma) by then."""
    last = None
    for match in pattern.finditer(text, 0, at):
        last = match
    if last is None or ", " in text[last.end() : at]:
        return None
    return last


def _to_comma(text: str, start: int) -> str:
    end = text.find(", ", start)
    return text[start:] if end < 0 else text[start:end]


def _without_frames(text: str) -> str:
    """The reported clause without who reported it: the citation names the source."""
    text = _LEADING_PHRASE.sub("", _ATTRIBUTION.sub("", text))
    for verb in _REPORTING_VERB.finditer(text):
        # "A report published on Monday found that …": the participle is the report's.
        who = re.sub(rf"\s\w+ed\s+(?:\w+\s+)?{_ANY_DATE}", " ", text[: verb.start()])
        if "," in who or len(who.split()) > 12 or _has_verb(who):
            break
        last = who.split()[-1] if who.split() else ""
        if last and (last.lower() in _DETERMINERS or _is_adverb(last) or _MARKER.fullmatch(last)):
            continue  # "Pre-orders of the recently announced iPhone": an adjective
        tail = _FRAME_TAIL.match(text, verb.end())
        rest = text[tail.end() :]
        words = _words(rest)
        reported_clause = verb.group("says") and any(
            _is_verb(words, i) or words[i].lower() in PRESENT_VERBS
            for i in range(1, min(len(words), 9))
        )
        if (
            (tail.group("that") or reported_clause)
            and len(words) >= 3
            and not _is_verb(words, 0)
            and words[0].lower() not in _PREPOSITIONS | _PRONOUNS
        ):
            text = _LEADING_PHRASE.sub("", rest)
            break
    for match in reversed(list(_TRAILING_FRAME.finditer(text))):
        who = match.group("who")
        if who is None or (not _has_verb(who) and len(who.split()) <= 8):
            text = text[: match.start()] + text[match.end() :]
    return text


def _without_parentheticals(text: str) -> str:
    """Asides between commas: ", which opened in 1968,", ", Helen Achterberg,", ", in 2019,"."""
    text = _ASIDE.sub("", text)
    first_comma = text.find(", ")
    if first_comma > 0 and not _has_verb(text[:first_comma]):
        aside = _to_comma(text, first_comma + 2)
        closing = first_comma + 2 + len(aside)
        if _is_participle_aside(aside) and _OWN not in aside and closing < len(text):
            text = text[:first_comma] + text[closing + 1 :]
    text = _PREPOSITIONAL_ASIDE.sub(" ", text)
    return _APPOSITION.sub(lambda m: m.group() if _OWN in m.group() else " ", text)


def _clause_end(text: str) -> str:
    for match in _CLAUSE_END.finditer(text):
        if len(text[: match.start()].split()) >= 4:
            return text[: match.start()]
    return text


def _without_dates(text: str, originals: dict[str, str]) -> str:
    """The title without its date phrases: the timeline shows the date beside it."""

    def drop(match: re.Match) -> str:
        before = text[: match.start()]
        dates = [originals.get(mark, "") for mark in _MARKER.findall(match.group())]
        if _KEEP_DATE_AFTER.search(before) or any(d.endswith(("'s", "’s")) for d in dates):
            return match.group()  # "until July", "in Thursday's referendum"
        if not match.group("preposition"):
            following = text[match.end() :].lstrip()
            if not before.strip() and following[:1].isalpha():
                return match.group()  # the date is the subject: "Monday was the deadline"
            if _BE_BEFORE.search(before) and not following:
                return match.group()
        return " "

    if not _MARKER.search(text):
        return text
    # "the first quarter of the financial year": the year is the date's, it goes with it.
    text = _OF_THE_YEAR.sub(r"\g<date>", text)
    # "after a 2022 inspection" → "after an inspection"
    text = _ARTICLE_BEFORE_DATE.sub(
        lambda m: m.group("article") + ("n " if m.group("next") in "aeiouAEIOU" else " "), text
    )
    text = _DETERMINER_BEFORE_DATE.sub(lambda m: m.group("determiner") + " ", text)
    return _restore(_DATE_PHRASE.sub(drop, text), originals)


def _tidy(text: str) -> str:
    text = _DANGLING_AND.sub("", " ".join(text.split()))
    text = _DANGLING_RELATIVE.sub("", text)
    return _SPACE_BEFORE_PUNCTUATION.sub(r"\1", text).strip(" ,;:.—–-")


def _shortened(text: str, originals: dict[str, str]) -> str:
    """At most TITLE_WORDS words, cut where a phrase ends; "…" only when none does."""

    def length(candidate: str) -> int:
        if len(candidate.split()) <= TITLE_WORDS:
            return TITLE_WORDS  # taking the dates out only shortens it
        return len(_tidy(_without_dates(candidate, originals)).split())

    if length(text) <= TITLE_WORDS:
        return text
    for shorten in (
        _without_purpose,
        _date_participle,
        lambda text: _phrase_cut(text, length),
        _without_subject_modifier,
    ):
        shorter = shorten(text)
        if shorter and length(shorter) <= TITLE_WORDS:
            return shorter
    words = _tidy(_without_dates(text, originals)).split()[:TITLE_WORDS]
    while len(words) > 3 and words[-1].lower().strip(",;:") in _FUNCTION_WORDS:
        words.pop()
    return " ".join(words).rstrip(",;:") + "…"


def _without_purpose(text: str) -> str | None:
    """ "… will hold a public meeting to explain the closure" → "… a public meeting"."""
    for match in re.finditer(r"\s+(?:in\s+order\s+|so\s+as\s+)?to\s+(?=[a-z])", text):
        before = text[: match.start()].split()
        following = text[match.end() :].split()
        if not before or not following:
            continue
        purpose = match.group().strip() != "to" or (
            before[-1].lower() not in _TAKES_TO | _FUNCTION_WORDS
            and not before[-1].lower().endswith("ing")
            and following[0].lower() not in _FUNCTION_WORDS
            and not following[0][0].isdigit()
        )
        if purpose and _has_verb(text[: match.start()]):
            return text[: match.start()]
    return None


def _date_participle(text: str) -> str | None:
    """ "… imagery showing the movement of soldiers transported by sea in October" →
    "soldiers transported by sea": the participle phrase the date belongs to."""
    if _OWN not in text:
        return None
    words = _words(text[: text.index(_OWN)])
    verbs = [i for i in range(len(words)) if _is_verb(words, i)]
    if len(verbs) < 2:
        return None
    last = verbs[-1]
    previous = words[last - 1].lower()
    if previous in _FUNCTION_WORDS or previous.endswith("ly") or not past_verb_at(words, last):
        return None
    if last + 1 < len(words) and words[last + 1].lower() not in _PREPOSITIONS:
        return None  # "the man fled the country": a verb with its object, not a participle
    start = last - 1
    while start > 0 and words[start - 1].lower() not in _FUNCTION_WORDS | DETERMINERS:
        start -= 1
    if start > 0 and words[start - 1].lower() in DETERMINERS:
        start -= 1
    phrase = " ".join(words[start:]) + " " + text[text.index(_OWN) :]
    return _clause_end(phrase) if len(words) - start >= 3 else None


def _without_subject_modifier(text: str) -> str | None:
    """ "Three days of talks between the union and the city ended …" → "Three days of
    talks ended …": a long subject loses its trailing prepositional phrase."""
    words = text.split()
    verb = _main_verb([w.strip(",") for w in words])
    if verb is None or verb < 4:
        return None
    for i in range(1, verb):
        if words[i].lower() in _PREPOSITIONS:
            return " ".join(words[:i] + words[verb:])
    return None


def _main_verb(words: Sequence[str]) -> int | None:
    """Where the main verb is: the first verb, unless the subject has a clause of its own
    ("an inquiry into how the contract was awarded will publish …")."""
    groups = _verb_groups(words)
    if not groups:
        return None
    if not any(w.lower() in _CLAUSE_WORDS for w in words[: groups[0]]):
        return groups[0]
    return groups[1] if len(groups) > 1 else None


def _phrase_cut(text: str, length) -> str | None:
    """The longest head of the text, within the limit, that ends before a phrase opens
    and still says who did what."""
    words = text.split()
    plain = [w.strip(",") for w in words]
    opens = [_opens_phrase(plain, i) for i in range(len(words))]
    verb = _main_verb(plain)
    best = None
    for i in range((verb or 2) + 1, len(words)):
        if not opens[i]:
            continue
        head = " ".join(words[:i])
        if length(head) > TITLE_WORDS:
            break
        last = plain[i - 1].lower()
        says_what = _has_verb(head) or verb is None  # a title without a verb: "The signing of …"
        if says_what and last not in _FUNCTION_WORDS and not opens[i - 1]:
            best = head
    return best


def _opens_phrase(words: Sequence[str], i: int) -> bool:
    """Whether a phrase or a clause of its own starts at words[i]: "… along the river",
    "… residents living nearby", "… a stretch and advised residents"."""
    word, previous = words[i].lower(), words[i - 1].lower()
    if word == "to" and previous in _TAKES_TO:
        return False  # "plans to send troops" is one phrase
    if word in ("and", "but"):
        return i + 1 < len(words) and _is_verb(words, i + 1)
    if i + 1 < len(words) and words[i + 1][:1].isdigit() and word in _APPROXIMATORS:
        return False  # "could reach around 10,000"
    if word == "that":
        return not _is_verb(words, i - 1)  # "a round that lasted", not "found that"
    if word.endswith("ing") and len(word) > 4:
        # "residents living nearby", "imagery showing troops"; but "a security meeting"
        return (
            word not in _ING_NOUNS
            and previous not in _AUXILIARIES
            and not any(w.lower() in DETERMINERS for w in words[max(0, i - 2) : i])
        )
    return word in _PHRASE_OPENERS


# Verbs in the present that news titles use: "Apple plans to sell films", "Jobs resigns".
PRESENT_VERBS = word_set(
    """
    says plans wants announces launches releases unveils introduces sues resigns dies opens
    closes agrees approves rejects warns calls seeks faces gets makes takes gives shows wins
    loses leaves joins becomes remains includes offers sells buys uses does goes comes starts
    begins ends holds meets signs raises cuts expects claims denies reports owns passes
    replaces renames settles files returns confirms reveals admits lowers plans tells
    provides works marks doubles triples rises falls grows drops
    """
)
# Subjects a title cannot be understood by alone: the article says who they are.
GENERIC_SUBJECTS = word_set("he she it they we i you this that these those there which who what")
_PERSONAL_PRONOUNS = word_set("he she it they we i you him her them")
# "That day has come", "The same year was …": a time, not who.
_TIME_SUBJECT = re.compile(
    r"^(?:that|this|the|the\s+same|the\s+following|the\s+next|one)\s+"
    r"(?:day|week|month|year|time|morning|evening|night|decade)$"
)
# "NPD said according to those figures": a report that does not say what was reported.
_REPORT_WITHOUT_WHAT = re.compile(
    rf"^(?:{_REPORTING})\s+(?:in|on|at|according|during|after|before|with|by|to)\b",
    re.IGNORECASE,
)
_GENERIC_PHRASES = frozenset(
    {"the company", "the firm", "the group", "the organisation", "the organization"}
)
# Words that open no subject: "Within one month …", "As a result …", "Rather than …".
_NO_SUBJECT = _PREPOSITIONS | word_set(
    """
        and or but nor so as if when while because although though unless whether rather
        than unfortunately however meanwhile also then still even only further moreover
        """
)
# A title that ends on one of these waits for what it is about: "Apple Inc. announced".
_NEEDS_OBJECT = word_set(
    """
    announced said told showed suggested suggest revealed reported confirmed chosen made gave
    took found introduced unveiled launched received bought sold asked stated noted added
    described called promised compared beginning including according
    """
)


_BE = word_set("is are was were be been being")


FUNCTION_WORDS = _FUNCTION_WORDS


def capitalised(text: str) -> str:
    """`text` with a capital first letter, unless its first word is a name written with
    a small one ("iTunes passed…", "eBay bought…")."""
    first = text.split(" ", 1)[0]
    if any(c.isupper() for c in first[1:]):
        return text
    return text[:1].upper() + text[1:]


def split_words(text: str) -> list[str]:
    """The words of a text as the title rules see them (commas stripped)."""
    return _words(text)


def first_verb_at(text: str) -> int | None:
    """Where in `text` its first verb starts (see `first_verb`), or None."""
    words, starts = _words_at(text)
    verb = first_verb(words)
    return None if verb is None else starts[verb]


def first_verb(words: Sequence[str]) -> int | None:
    """Where the first verb of `words` is: a verb in the past, an auxiliary, or a verb
    in the present that news titles use ("resigns", "plans")."""
    return next(
        (i for i in range(len(words)) if _is_verb(words, i) or words[i].lower() in PRESENT_VERBS),
        None,
    )


def clause_problem(title: str) -> str:
    """Why a title is not a clause a reader understands alone — a named or described
    subject, then a finite verb, not cut short — or "" when it is one."""
    words = _words(title)
    if len(words) < 3:
        return "too short"
    if title.endswith("…"):
        return "cut short"
    verb = first_verb(words)
    if verb is None:
        return "no verb"
    subject = [w.lower() for w in words[:verb]]
    while subject and _is_adverb(subject[-1]):
        subject.pop()
    if not subject:
        return "no subject"
    counted = subject[0] in _APPROXIMATORS and len(subject) > 1 and subject[1][:1].isdigit()
    if not counted and (
        subject[0] in _NO_SUBJECT or (subject[0].endswith("ing") and len(subject[0]) > 4)
    ):
        return "no subject"
    said = " ".join(subject)
    if (
        said in GENERIC_SUBJECTS
        or said in _GENERIC_PHRASES
        or _TIME_SUBJECT.match(said)
        or any(w in _PERSONAL_PRONOUNS for w in subject)
    ):
        return f"subject “{' '.join(words[:verb])}” says not who"
    if _REPORT_WITHOUT_WHAT.match(" ".join(words[verb:])):
        return "says not what was reported"
    passive = len(words) > 1 and words[-2].lower() in _BE
    if words[-1].lower() in _NOT_LAST or (words[-1].lower() in _NEEDS_OBJECT and not passive):
        return "cut short"
    return ""


def readable_title(
    sentence: str,
    *,
    date: tuple[int, int] | None = None,
    other_dates: Sequence[tuple[int, int]] = (),
    resolve: Callable[[str], str] = lambda title: title,
) -> str:
    """The event's title as `make_title` gives it, made a clause a reader understands
    alone when it is not one: the sentence is read again without an opening phrase
    ("Five years after its launch, …"), an apposition ("Steve Jobs, the chief executive
    officer of Apple Inc., announced …"), a description before a name, or the frame of a
    reported clause ("Apple announced Friday that it will give …"), or only its clause
    with the date; a title cut short is cut where a phrase ends instead. `resolve` names
    a pronoun or "the company" subject (see timeline.referents)."""
    if date is not None and (head_end := sentence.find(", ")) > 0:
        # A later verb phrase of a list tells the date's event: "…tripled in 2004, doubled
        # in 2005 and …" is titled by its own verb, with the list's subject.
        gapped = _gapped_subject(sentence, date, head_end)
        if gapped and not clause_problem(title := resolve(gapped)):
            return title
    first = resolve(make_title(sentence, date=date, other_dates=other_dates))
    if not clause_problem(first):
        return first
    # "Jobs, born in San Francisco": the aside's participle tells what was done to him.
    if (aside := _PARTICIPLE_TITLE.match(first)) and not clause_problem(
        passive := f"{aside['who']} {_be_for(aside['who'])} {aside['rest']}"
    ):
        return passive
    for variant in _variants(sentence, date, list(other_dates)):
        text, own, others = variant
        title = resolve(make_title(text, date=own, other_dates=others))
        title = _cut_where_a_phrase_ends(title)
        if not clause_problem(title):
            return title
    if date is not None and (gapped := _gapped_clause(sentence, date)):
        title = resolve(gapped)
        if not clause_problem(title):
            return title
    shorter = _cut_where_a_phrase_ends(first)
    return shorter if not clause_problem(shorter) else first


def _gapped_subject(sentence: str, date: tuple[int, int], head_end: int) -> str | None:
    """ "The stock tripled in 2004, doubled in 2005 and …": the date's item is a verb phrase
    whose subject is the first clause's."""
    if date[0] <= head_end:
        return None
    head = _ATTRIBUTION.sub("", sentence[:head_end])
    words = split_words(head)
    verb = first_verb(words)
    if not verb:
        return None
    before = sentence[: date[0]]
    start = max(before.rfind(", "), before.rfind(" and "))
    if start < head_end:
        return None
    item = before[start:].removeprefix(", ").removeprefix(" and ").strip()
    item = re.sub(r"\s+(?:in|on|at|during|by)\s*$", "", item)
    item_words = split_words(item)
    if not item_words or first_verb(item_words) != 0 or len(item_words) > 12:
        return None
    subject = words[:verb]
    # "The company first heard …, and halted …": the adverb was the first verb's.
    while len(subject) > 1 and (_is_adverb(subject[-1]) or subject[-1].lower() in _SEQUENCE_WORDS):
        subject.pop()
    return capitalised(f"{' '.join(subject)} {item}")


_SEQUENCE_WORDS = word_set("first then later also again once still")


# "In 1998 Apple introduced the iMac, in 2001 the iPod and …": the later items of a list
# of dated objects leave out the subject and verb the first item gave them.
_LIST_ITEM_END = re.compile(r",\s+|\s+and\s+|;\s+|\.\s*$")
_LEADING_DATE_PHRASE = re.compile(
    r"^(?:(?:in|on|by|during|since)\s+)?(?:the\s+)?[^,]*?\d{4}\s*,?\s+", re.IGNORECASE
)


def _gapped_clause(sentence: str, date: tuple[int, int]) -> str | None:
    """The date's list item with the subject and verb of the sentence's first clause
    ("Apple introduced the iPod music player"), or None when the item is not gapped."""
    head_end = sentence.find(", ")
    if head_end < 0:
        return None
    leading = _LEADING_DATE_PHRASE.match(sentence[:head_end])
    if leading is None:
        return _gapped_subject(sentence, date, head_end)
    head = sentence[leading.end() : head_end]
    words = split_words(head)
    verb = first_verb(words)
    if verb is None or verb == 0:
        return None
    if date[1] <= leading.end():
        return capitalised(head)  # the first item: its own clause
    after = sentence[date[1] :]
    end = _LIST_ITEM_END.search(after)
    item = (after[: end.start()] if end else after).strip(" ,")
    if not item or first_verb(split_words(item)) is not None or len(item.split()) > 12:
        return None
    return capitalised(f"{' '.join(words[: verb + 1])} {item}")


_PARTICIPLE_TITLE = re.compile(
    r"^(?P<who>[^,]{2,60}),\s+(?P<rest>(?:born|founded|established|elected|appointed|named|"
    r"arrested|filed|signed|built|opened|launched|released|introduced|acquired)\b[^,]*)$"
)


def _be_for(subject: str) -> str:
    last = subject.split()[-1].lower()
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is", "'s", "’s"))
    return "were" if plural and len(subject.split()) > 1 else "was"


_Spans = tuple[str, tuple[int, int] | None, list[tuple[int, int]]]


def _variants(
    sentence: str, own: tuple[int, int] | None, others: list[tuple[int, int]]
) -> Iterator[_Spans]:
    """The sentence read other ways, each with its dates moved to their new places."""
    seen = {sentence}
    queue: list[_Spans] = [(sentence, own, others)]
    while queue:
        text, date, dates = queue.pop(0)
        for cut in _cuts(text, date):
            if date is not None and (
                cut[0] < date[0] < cut[1] < date[1] or (date[0] < cut[0] < date[1] < cut[1])
            ):
                continue  # a cut through the event's own date ("…, 1955, has built …")
            variant = _cut_out(text, date, dates, *cut)
            if variant[0] not in seen and len(variant[0].split()) >= 3:
                seen.add(variant[0])
                queue.append(variant)
                yield variant


_OPENING_PHRASE = re.compile(r"^[^,]{3,160}?,\s+")
_APPOSITIVE = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'&.-]*\s+){0,3}[A-Z][\w’'&.-]*),\s+(?:the|a|an|its|their|his|her|"
    r"founder|co-founder|chief|head|president|director)\b[^,]{2,90},\s+(?=[a-z])"
)
_NAME_AFTER_DESCRIPTION = re.compile(
    r"^(?:The|A|An)\s+[^,]{3,90}?\s(?=(?:[A-Z][\w’'&-]*\s+)?[A-Z][\w’'&-]+\s+(?:has|have|had|"
    r"was|were|is|are|will|would|\w+ed)\b)"
)
_REPORTED = re.compile(
    rf"\b(?:{_REPORTING}|{_FINDING})\b(?:\s+{_ANY_DATE})?(?:\s+in\s+an?\s+[^,]{{1,40}}?)?"
    rf"\s+that\s+(?:(?:as\s+of|on|in|by)\s+{_ANY_DATE}\s*,\s*)?"
    rf"|\b(?:announced|said|says)\s+(?:{_ANY_DATE}\s+)?(?=(?:it|he|she|they|the|[A-Z])\b)",
    re.IGNORECASE,
)
_CLAUSE_JOINT = re.compile(r",\s+(?:but|and|while|whereas)\s*,?\s+|;\s+|\s+[—–-]\s+")


def _cuts(text: str, date: tuple[int, int] | None) -> Iterator[tuple[int, int]]:
    """Spans of `text` whose removal may leave a clearer clause, most promising first."""
    marked, _ = _mark(text, date, ())
    if appositive := _APPOSITIVE.match(text):
        yield appositive.end("name"), appositive.end() - 1
    opening = _OPENING_PHRASE.match(text)
    if opening and first_verb_at(opening.group()) is None:
        yield 0, opening.end()
    if described := _NAME_AFTER_DESCRIPTION.match(text):
        yield 0, described.end()
    for reported in _REPORTED.finditer(marked):
        at = reported.end()  # in the marked text: the own date is one character there
        if date is not None and at > date[0]:
            at += date[1] - date[0] - 1
        yield 0, at
    verb = first_verb_at(text)
    if verb is not None:
        # A list of objects: "released a new lineup of laptops and the 2011 version of …"
        for joint in re.finditer(r"\s+(?:and|or)\s+|\s+\(", text[verb:]):
            yield verb + joint.start(), len(text)
    joints = list(_CLAUSE_JOINT.finditer(text))
    if joints and date is not None:
        before = [j for j in joints if j.end() <= date[0]]
        after = [j for j in joints if j.start() >= date[1]]
        if before:
            yield 0, before[-1].end()
        if after:
            yield after[0].start(), len(text)


def _cut_out(
    text: str, own: tuple[int, int] | None, others: list[tuple[int, int]], start: int, end: int
) -> _Spans:
    """`text` without text[start:end], and the dates outside it where they now are."""

    def moved(span: tuple[int, int]) -> tuple[int, int] | None:
        if span[1] <= start:
            return span
        if span[0] >= end:
            return span[0] - (end - start), span[1] - (end - start)
        return None

    rest = (text[:start] + text[end:]).strip()
    shift = len(text[:start] + text[end:]) - len((text[:start] + text[end:]).lstrip())
    rest = capitalised(rest)

    def placed(span: tuple[int, int] | None) -> tuple[int, int] | None:
        span = moved(span) if span is not None else None
        return None if span is None else (span[0] - shift, span[1] - shift)

    return rest, placed(own), [s for s in map(placed, others) if s is not None]


# Where a long title may end: before a bracket, a dash, a list's "and", a comma.
_PHRASE_END = re.compile(r"\s+\(|\s+[—–-]\s+|,\s+|\s+and\s+|\s+or\s+")


def _cut_where_a_phrase_ends(title: str) -> str:
    """A title cut short ("… Kit (SDK) and the …") ends instead where the last phrase
    that still leaves a clause ends."""
    if not title.endswith("…"):
        return title
    text = title.rstrip("…").rstrip()
    for match in reversed(list(_PHRASE_END.finditer(text))):
        head = text[: match.start()].rstrip(" ,;:")
        if not clause_problem(head):
            return head
    return title
