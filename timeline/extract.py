"""From an article's sentences and dates to event candidates.

No NLP model: sentences are split by punctuation rules, an event is a sentence with a
date that dates something (or the lead sentence reporting the day's news), and what
the event is about is a bag of content words the clustering step compares.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from articles.models import Article, TemporalExpression
from articles.reading import text_header
from timeline.keywords import content_tokens, figures_in, topic_words, word_set
from timeline.periods import interval_fits_granularity, month_interval
from timeline.referents import Referents
from timeline.temporal.lexicon import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS
from timeline.titles import (
    first_verb,
    main_clause,
    past_verb_at,
    readable_title,
    split_words,
    trim_words,
)

# Abbreviations whose final period does not end a sentence.
ABBREVIATIONS = word_set(
    """
    mr mrs ms dr prof sen rep gov gen col lt sgt capt cmdr adm st jr sr inc ltd corp co
    vs etc no nos fig jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed
    thu thur thurs fri sat sun dept univ approx est mt ft rev hon pres vol
    """
)

# A period (or ! ?) plus any closing quotes/brackets, followed by space and a sentence opener.
_BOUNDARY = re.compile(r"[.!?…]+[”\"’')\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_HEADER_LINE = re.compile(
    r"^\s*(?:(?:date|dated|published|updated|posted|by|title|source|headline)\s*:"
    r"|date\s+\d{4}-\d{2}-\d{2}\b)",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!?…][”\"’')\]]*\s*$")

_REPORTING_VERB = re.compile(
    r"\b(?:said|says|say|reported|reports|announced|announces|stated|states|told|claimed|"
    r"confirmed|indicated|revealed|disclosed|noted|added|according to|wrote|tweeted)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plans? to|planned|planning|is|are|was|were) ?(?:set|scheduled|due|"
    r"expected|poised|slated|going)? ?to (?:be |begin|start|hold|take|open|close|vote|meet|"
    r"sign|visit|launch|resume|end|return|decide|announce|publish|hear)|\bwill\b|\bplans? to\b|"
    r"\bscheduled\b|\bis due\b|\bare due\b|\bintends? to\b|\bto be held\b",
    re.IGNORECASE,
)
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|not\s+|been\s+|already\s+|also\s+)*\w+", re.IGNORECASE
)

FRAME_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int  # index of the line block it belongs to
    is_heading: bool = False


@dataclass(slots=True)
class Candidate:
    """One proposed event, as one sentence of one article tells it."""

    article: Article
    title: str
    summary: str
    date_start: date
    date_end: date
    granularity: str
    date_kind: str
    quote: str
    start: int
    end: int
    expression: TemporalExpression | None
    tokens: frozenset[str] = field(default_factory=frozenset)
    figures: dict[str, set[float]] = field(default_factory=dict)
    focus: str = ""  # the words that say what happened: the title, or the date's own clause
    topic: frozenset[str] | None = None  # the article's topic words (None: not worked out)
    background: bool = False  # the article recalls it as long past (see BACKGROUND_DAYS)
    # Sentences with no date of their own that go on telling this news ("Jobs also said
    # …", "He demoed …"): the event cites them too, dated by the same expression.
    also: list[Sentence] = field(default_factory=list)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences with exact offsets: `text[s.start:s.end] == s.text`.

    Each line is its own block (news text puts a paragraph per line); headings (short
    lines without final punctuation) come back marked so callers can skip them.
    """
    sentences: list[Sentence] = []
    offset = 0
    paragraph = -1
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        stripped = line.strip()
        if not stripped:
            continue
        paragraph += 1
        heading = not _TERMINAL.search(stripped) and len(stripped.split()) <= 20
        pieces = [(0, len(line))] if heading else _split_line(line)
        for piece_start, piece_end in pieces:
            start, end = _trim(line, piece_start, piece_end)
            if start < end:
                sentences.append(
                    Sentence(
                        start=line_start + start,
                        end=line_start + end,
                        text=line[start:end],
                        paragraph=paragraph,
                        is_heading=heading,
                    )
                )
    return sentences


def _split_line(line: str) -> list[tuple[int, int]]:
    pieces = []
    start = 0
    for match in _BOUNDARY.finditer(line):
        if _is_abbreviation(line, match.start()):
            continue
        pieces.append((start, match.end()))
        start = match.end()
    pieces.append((start, len(line)))
    return pieces


def _is_abbreviation(line: str, period_at: int) -> bool:
    if line[period_at] != ".":
        return False
    word = _WORD_BEFORE.search(line, max(0, period_at - 30), period_at)
    if not word:
        return False
    token = word.group(1)
    # Initials and dotted acronyms (J. Smith, U.S., a.m.) rarely end a sentence mid-line.
    if len(token) == 1 and token.isupper() or "." in token:
        return True
    return token.lower() in ABBREVIATIONS


def _trim(line: str, start: int, end: int) -> tuple[int, int]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    return start, end


def body_start(text: str) -> int:
    """Where the article's body begins, after header lines (Date:, a dateline, a title)."""
    offset = 0
    seen_title = False
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            offset += len(line)
            continue
        if _HEADER_LINE.match(line):
            offset += len(line)
            continue
        if not seen_title and not _TERMINAL.search(stripped) and len(stripped.split()) <= 20:
            seen_title = True
            offset += len(line)
            continue
        break
    return max(offset, text_header(text).end)


def extract_events(
    *,
    article: Article,
    expressions: Sequence[TemporalExpression],
    sentences: list[Sentence] | None = None,
) -> list[Candidate]:
    """Event candidates of one article, in text order.

    A sentence yields one candidate per date it carries that dates an event (nested or
    repeated dates count once, at their most precise); the reporting date of "X said on
    Tuesday that Y happened in June" is dropped in favour of June. The lead sentence
    with no date that reports news in the past is dated by the publication date.
    `sentences` are the article's, split already by the caller (else they are split here).

    Every sentence is tokenised here, once: the candidates carry their own words and the
    article's topic words, which clustering weighs down.
    """
    text = article.body
    begin = body_start(text)
    every = split_sentences(text) if sentences is None else sentences
    tokens = {s.start: frozenset(content_tokens(s.text)) for s in every}
    topic = topic_words(list(tokens.values()))
    sentences = [s for s in every if s.start >= begin and not s.is_heading]
    usable = sorted(
        (
            e
            for e in expressions
            if _dates_something(e, published=article.published_on)
            and not in_a_name(text, e.start, e.end)
        ),
        key=lambda e: e.start,
    )
    dated = [e for e in expressions if e.type in ("DATE", "TIME")]
    candidates: list[Candidate] = []
    referents = Referents([s.text for s in every])
    index_of = {s.start: index for index, s in enumerate(every)}

    def title_of(sentence: Sentence, own: tuple[int, int] | None, spans) -> str:
        index = index_of[sentence.start]
        return readable_title(
            sentence.text,
            date=own,
            other_dates=spans,
            resolve=lambda title: referents.resolve_title(
                title, index=index, sentence=sentence.text
            ),
        )

    lead = sentences[0] if sentences else None
    told: set[int] = set()  # sentences that gave a candidate
    following: list[Sentence] = []  # undated sentences that may go on telling the news
    for sentence in sentences:
        inside = [e for e in usable if sentence.start <= e.start < sentence.end]
        spans = [
            (e.start - sentence.start, e.end - sentence.start)
            for e in dated
            if sentence.start <= e.start and e.end <= sentence.end
        ]
        if inside:
            if _is_question(sentence) or _inside_quotation(text, sentence):
                continue
            dates = [_season_or_day(text, e) for e in _event_dates(sentence, inside)]
            for expression in dates:
                if _negated(_clause_around(sentence, expression)):
                    continue
                # A sentence in the present ("members vote on October 3") tells an event
                # only when its date lies ahead.
                if not _tells_an_event(sentence.text) and not (
                    expression.date_start > article.published_on
                ):
                    continue
                candidate = _candidate(article, sentence, expression, spans, title_of)
                if hedged(candidate.title) or _forecast_before(sentence, expression):
                    continue
                if told_before := _told_before(candidate, candidates):
                    told_before.also.append(sentence)
                    told.add(sentence.start)
                    continue
                if len(dates) > 1:
                    candidate.focus = _clause_around(sentence, expression)
                    # Each date's kind from its own clause, as its title tells it: "the crack
                    # was missed in 2023" in a sentence about a review that "will report".
                    candidate.date_kind = date_kind(
                        candidate.title,
                        start=candidate.date_start,
                        end=candidate.date_end,
                        published=article.published_on,
                    )
                if _dates_the_telling(sentence, expression):
                    candidate.date_kind = "reported"  # "announced today that … will …"
                candidates.append(candidate)
                told.add(sentence.start)
        elif sentence is lead and _tells_news_in_past(sentence.text):
            candidates.append(_candidate(article, sentence, None, spans, title_of))
            told.add(sentence.start)
            continue
        if sentence.start not in told and _goes_on_telling(sentence.text):
            following.append(sentence)
    _attach_following(candidates, following, published=article.published_on)
    for candidate in candidates:
        candidate.tokens = tokens[candidate.start]
        candidate.topic = topic
    return candidates


# A sentence whose subject names the news already told: "The announcement came today at
# a special event", "Monday's email announcement marked …", "The move came after …".
_ANAPHORIC_EVENT = re.compile(
    r"^(?:The|This|That|Its|His|Her|Their|[A-Z][a-z]+day[’']s)\s+(?:[\w’'-]+\s+){0,2}?"
    r"(?:announcement|move|decision|unveiling|launch|news|statement|revelation|resignation|"
    r"settlement|ruling|verdict|deal|change|cut|recall|offer|order)\b"
)


def _told_before(candidate: Candidate, candidates: list[Candidate]) -> Candidate | None:
    """The candidate of the same article whose news this one's subject refers back to, on
    the same dates; None when the sentence tells news of its own."""
    if not _ANAPHORIC_EVENT.match(candidate.quote):
        return None
    for earlier in reversed(candidates):
        if (earlier.date_start, earlier.date_end) == (candidate.date_start, candidate.date_end):
            return earlier
    return None


# What a title says may, might or could be is a guess, not something that happened or is
# planned: "The deal could help Apple". ("The road should reopen in December" is a plan.)
_HEDGES = word_set("could might may")


# "Buyers should try again tomorrow": advice to the reader's kind, not a plan.
_ADVICE = re.compile(
    r"\b(?:buyers|customers|users|consumers|people|residents|owners|shoppers|investors|"
    r"readers|viewers|travellers|travelers|passengers|parents|you|we)\s+should\b",
    re.IGNORECASE,
)


# "Longhorn is expected to have these advantages": a forecast of a state, not a plan ("is
# expected to be released" is one).
_FORECAST = re.compile(
    r"\bexpected\s+to\s+(?:have|include|cost|feature|support|offer|become|remain|reach|top)\b",
    re.IGNORECASE,
)


def _forecast_before(sentence: Sentence, expression: TemporalExpression) -> bool:
    """Whether the date closes a forecast of a state: "… is expected to have these
    advantages when it is released, expected in late 2006"."""
    at = expression.start - sentence.start
    return bool(_FORECAST.search(sentence.text, max(0, at - 120), at))


def hedged(title: str) -> bool:
    words = [w.lower() for w in split_words(title)]
    verb = first_verb(words)
    return (
        verb is not None
        and words[verb] in _HEDGES
        or bool(_ADVICE.search(title))
        or bool(_FORECAST.search(title))
    )


# "had not been updated since 2008", "never shipped in 2009": what did not happen is no
# event ("not only … but also" is no negation).
_NEGATION = re.compile(
    r"\b(?:has|have|had|did|does|do|was|were|is|are|will|would|could|can)(?:\s+\w+ly)?"
    r"\s*(?:not|n[’']t|never)\b(?!\s+only)|\bnever\b|\bcannot\b",
    re.IGNORECASE,
)


def _negated(clause: str) -> bool:
    return bool(_NEGATION.search(clause))


def _inside_quotation(text: str, sentence: Sentence) -> bool:
    """Whether the sentence goes on with a quotation opened before it ("… stating, “I have
    always said …” / Unfortunately, that day has come.”"): the speaker's words, whose
    dates are the speaker's, not the reporter's."""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    before = text[line_start : sentence.start]
    told = before + sentence.text
    if before.count("“") > before.count("”") or told.count("”") > told.count("“"):
        return True
    straight = before.count('"')
    # A closing quote that no quote in its paragraph opened: the quotation began earlier.
    return straight % 2 == 1 or (told.count('"') % 2 == 1 and told.rstrip().endswith('"'))


# "the Christmas and New Year sales period", "Thanksgiving shopping": a season named by a
# holiday, not the holiday's day.
_SEASON_AFTER = re.compile(
    r"(?:\s+(?:and|&)\s+[A-Z][\w’']*(?:\s+[A-Z][\w’']*)?)?\s+"
    r"(?:sales|season|shopping|holidays?|period|quarter|rush|break|spending|trading)\b"
)
_HOLIDAY_NAME = re.compile(
    r"^(?:Christmas|Xmas|New\s+Year(?:[’']s)?|Thanksgiving|Easter|Black\s+"
    r"Friday|Cyber\s+Monday|Halloween|Ramadan|Hanukkah|Diwali)$"
)


def _season_or_day(text: str, expression: TemporalExpression) -> TemporalExpression:
    """The expression as it dates an event: a holiday that names a season ("Christmas
    sales") dates the holiday's month, not its day."""
    if not (
        expression.granularity == "day"
        and _HOLIDAY_NAME.match(expression.text.strip())
        and _SEASON_AFTER.match(text, expression.end, expression.end + 60)
    ):
        return expression
    season = copy.copy(expression)
    season.date_start, season.date_end = month_interval(
        expression.date_start.year, expression.date_start.month
    )
    season.value, season.granularity = f"{expression.date_start:%Y-%m}", "month"
    return season


# An event that ended this long before the article's day is background the article recalls
# (a founding, a birth, an earlier lawsuit), not its news.
BACKGROUND_DAYS = 183
NEWS_DAYS = 7  # a day this close before publication is the article's news, not history

# An undated sentence that tells of an earlier time: "had twice before sued", "first
# introduced", "formerly", "ten years ago". It is background, not the day's news.
_EARLIER = re.compile(
    r"\b(?:before|previously|earlier|formerly|originally|once|ago|used\s+to|in\s+the\s+past|"
    r"first\s+\w+ed|had\s+(?:\w+ly\s+|not\s+|never\s+|already\s+|also\s+)*(?:been|\w+ed|\w+en))\b",
    re.IGNORECASE,
)


# "has released", "have been told", "has not yet mentioned"; not "has two cameras".
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:\w+ly\s+|not\s+|yet\s+|already\s+|also\s+|just\s+)*"
    r"(?:been|\w+ed|\w+en|made|said|told|sent|held|built|brought|bought|found|kept|left|lost|"
    r"paid|put|set|sold|spent|won|led|met|begun|grown|shown|thought|taught|caught)\b",
    re.IGNORECASE,
)


def _goes_on_telling(text: str) -> bool:
    """Whether an undated sentence reports something done, as news reports the day's
    news: "Jobs also announced …", "He demoed the widget", "Apple has released …". A
    present state ("The phone has two cameras") or what came before is not."""
    if text.rstrip("”\"’' ").endswith("?") or _EARLIER.search(text):
        return False
    return bool(_PRESENT_PERFECT.search(text)) or _has_past_verb(text)


def _is_news(candidate: Candidate, *, published: date) -> bool:
    """Whether a candidate is the article's news: what happened on a day of the last week."""
    return (
        candidate.date_end <= published
        and (candidate.date_end - candidate.date_start).days < NEWS_DAYS
        and (published - candidate.date_start).days <= NEWS_DAYS
    )


def _attach_following(
    candidates: list[Candidate], following: list[Sentence], *, published: date
) -> None:
    """Each undated sentence that goes on telling the news is cited by the news it follows:
    the nearest report of the day's news before it (or, before the first one, the first)."""
    news = [c for c in candidates if _is_news(c, published=published)]
    if not news:
        return
    for sentence in following:
        before = [c for c in news if c.start < sentence.start]
        (before[-1] if before else news[0]).also.append(sentence)


_CLAUSE_SPLIT = re.compile(r",\s|;\s|\s(?:and|but|while|after|before|when|then)\s")


def _clause_around(sentence: Sentence, expression: TemporalExpression) -> str:
    """The part of a sentence that goes with one of its dates: "… and was put out on March 5"."""
    at = expression.start - sentence.start
    start = 0
    end = len(sentence.text)
    for match in _CLAUSE_SPLIT.finditer(sentence.text):
        if match.end() <= at:
            start = match.end()
        elif match.start() >= at + len(expression.text):
            end = match.start()
            break
    return sentence.text[start:end]


# A value naming a year or a decade ("2024", "202"), whatever part of it the text says.
_YEAR_OR_DECADE = re.compile(r"^\d{3,4}$")


def _dates_something(expression: TemporalExpression, *, published: date) -> bool:
    """Whether the expression can date an event; "this year" only frames the article."""
    if (
        _YEAR_OR_DECADE.match(expression.value)
        and expression.date_start is not None
        and expression.date_start <= published <= expression.date_end
    ):
        return False
    return (
        expression.type in ("DATE", "TIME")
        and expression.date_start is not None
        and expression.date_end is not None
        and expression.granularity not in ("", "open")
        and expression.value not in FRAME_VALUES
    )


_YEAR_SPAN = re.compile(r"^(?:\d{4}|\d{4}\s*[-–—/]\s*\d{2,4})$")
# What a year names when it comes right after a name: "WWDC 2005", "Steve Jobs 1955–2011",
# "Jobs (1955-2011)". Not after a word that opens a date phrase: "In 2005", "Since 1998".
_AFTER_NAME = re.compile(r"(?<![\w’'])(?P<word>[A-Z][\w’'&.-]*|[a-z]+[A-Z][\w’'&.-]*)\s*[(,]?\s*$")
# A year or a span of years before a noun it names: "the 2011 version", "its 2009–2010
# season", "Apple's 2008 lineup".
_BEFORE_NOUN = re.compile(r"(?:\b(?:the|a|an|its|their|his|her|our)|['’]s)\s+$", re.IGNORECASE)
_NAMED_THINGS = word_set(
    """
    version versions edition editions model models lineup line range series season seasons
    release collection catalogue catalog album issue volume term budget calendar
    """
)
_DATE_WORDS = word_set(
    """
    in on at by since until till from to before after during between of and or through circa
    early late mid end beginning spring summer autumn fall winter the a an this that
    """
)

_NOT_NAMES = _DATE_WORDS | {*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS}


def in_a_name(text: str, start: int, end: int) -> bool:
    """Whether a year (or span of years) at text[start:end] is part of a name or a title
    rather than a date: "Steve Jobs 1955-2011" (a lifespan), "WWDC 2005", "the 2011
    version of iLife", "the 2009-2010 season"."""
    written = text[start:end]
    if not _YEAR_SPAN.match(written):
        return False
    before = text[max(0, start - 40) : start]
    name = _AFTER_NAME.search(before)
    if name and name.group("word").lower().rstrip(".") not in _NOT_NAMES:
        return True
    if _BEFORE_NOUN.search(before):
        following = re.match(r"\s*([A-Za-z]+)", text[end : end + 30])
        span = not written.isdigit()
        if following and (span or following.group(1).lower() in _NAMED_THINGS):
            return following.group(1).lower() not in _DATE_WORDS
    return False


# "the first strike since 2019", "the longest since 1953": the date is of another event.
_COMPARED_SINCE = re.compile(
    r"\b(?:first|last|longest|shortest|largest|biggest|worst|best|highest|lowest|most|least|"
    r"deadliest|only)\b(?:\s+[\w’'-]+){0,4}\s+since(?:\s+[\w’'-]+){0,5}\s*$",
    re.IGNORECASE,
)


# "up 82% from nine months ago", "compared to the previous year", "higher than a year
# earlier": the date of what a figure is compared with, not of an event.
_COMPARED_WITH = re.compile(
    r"(?:\b(?:compared|as\s+against)\s+(?:to|with)\b[^.;]{0,80}|\b(?:than|versus|vs\.?)\s+"
    r"(?:(?:the|a|an|that\s+of|those\s+of)\s+)?"
    r"|\d[\d.,]*\s*(?:%|percent|per\s+cent)?\s+(?:[a-z]+\s+){0,2}(?:from|over)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


# What a date only bounds, in English news: the end of a state ("barred him from working
# until April", "free until September 30"), a figure's baseline ("from $5.8 billion in
# 2005", "a drop of $2.46 since Wednesday's close"), a period's edge ("the quarter, which
# ended December 30") and the date of a source ("according to an April 2 report").
_UNTIL = re.compile(r"\b(?:until|till|til)\s+(?:(?:the\s+)?(?:end|middle|start)\s+of\s+)?$", re.I)
_FIGURE = r"(?:US\s*)?[$€£]?\d[\d.,]*\s*(?:%|percent|per\s+cent|billion|million|thousand|bn|m)?"
_BASELINE = re.compile(
    rf"\bfrom\s+{_FIGURE}\s+(?:in|on|at|during)\s+(?:the\s+)?$"
    rf"|\b(?:drop|rise|fall|gain|increase|decrease|decline|jump|loss|change|up|down)\s+"
    rf"(?:of\s+)?(?:only\s+|just\s+|about\s+|nearly\s+|some\s+)?{_FIGURE}\s+since\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PERIOD_EDGE = re.compile(
    r"\b(?:quarter|year|season|month|period|term|week|half|session)\b[^.;]{0,30}?"
    r"(?:\bwhich\s+|\bthat\s+)?(?:ended|ends|ending|began|begins|beginning|closed|closes|"
    r"will\s+end|will\s+begin)\s+(?:on\s+|in\s+)?$",
    re.IGNORECASE,
)
_SOURCE = re.compile(r"\baccording\s+to\b[^,;]{0,60}$", re.IGNORECASE)


def _bounds_something(sentence: Sentence, expression: TemporalExpression, before: str) -> bool:
    """Whether the expression only bounds a state, a figure or a period, or dates the
    source the sentence cites: it dates no event of its own."""
    return bool(
        _UNTIL.search(before)
        or _BASELINE.search(before)
        or _PERIOD_EDGE.search(before)
        or _SOURCE.search(before)
    )


def _event_dates(sentence: Sentence, expressions: list[TemporalExpression]) -> list:
    # Nested dates ("on Friday, October 18" or "June ... this year") describe one moment:
    # keep the most precise of each nest.
    expressions = [
        e
        for e in expressions
        if not _COMPARED_SINCE.search(
            before := sentence.text[
                max(0, e.start - sentence.start - 90) : e.start - sentence.start
            ]
        )
        and not _COMPARED_WITH.search(before)
        and not _bounds_something(sentence, e, before)
    ]
    kept = []
    for expression in expressions:
        if any(
            other is not expression
            and _contains(expression, other)
            and (not _contains(other, expression) or other.start < expression.start)
            for other in expressions
        ):
            continue
        kept.append(expression)
    if len(kept) > 1:
        kept = [e for e in kept if not _is_report_frame(sentence, e, kept)] or kept
    return kept


def _contains(outer: TemporalExpression, inner: TemporalExpression) -> bool:
    return outer.date_start <= inner.date_start and inner.date_end <= outer.date_end


def _is_report_frame(sentence: Sentence, expression, others: list) -> bool:
    """The date of the telling, not of what is told: `said on Tuesday that … in June`, or
    `… on July 7, the company said on Wednesday.`"""
    local_start = expression.start - sentence.start
    local_end = expression.end - sentence.start
    text = sentence.text
    if _is_trailing_frame(text, local_start, local_end, others, sentence.start):
        return True
    # The reporting verb must be the date's own: "said on Tuesday", not "said the repairs
    # would be finished by the end of June" (a deadline, told).
    verbs = _REPORTING_VERB.finditer(text, max(0, local_start - 40), local_end + 40)
    if all(
        _tells_something(
            text[verb.end() : local_start]
            if verb.end() <= local_start
            else text[local_end : verb.start()]
        )
        for verb in verbs
    ):
        return False
    rest = text[local_end:]
    clause = re.search(r"\bthat\b|,", rest)
    return clause is not None and any(
        other.start - sentence.start > local_end + clause.start()
        and not _in_an_aside(text, other.start - sentence.start)
        for other in others
    )


_TELLING_BEFORE = re.compile(rf"(?:{_REPORTING_VERB.pattern})\s+(?:on\s+|in\s+)?$", re.I)


def _dates_the_telling(sentence: Sentence, expression: TemporalExpression) -> bool:
    """Whether the date is the reporting verb's own: "Jobs announced today that …"."""
    return bool(_TELLING_BEFORE.search(sentence.text, 0, expression.start - sentence.start))


_ASIDE_OPENS = re.compile(r",\s+(?:which|who|whose|where)\b[^,]*$", re.IGNORECASE)


def _in_an_aside(text: str, at: int) -> bool:
    """Whether text[at] lies in a relative clause set off by commas ("… that the Lion
    release, which is scheduled for next summer, will include …"): its date dates the
    noun before it, not what the reported clause tells."""
    return bool(_ASIDE_OPENS.search(text, 0, at))


# The frame after what it tells: "…, the company said on Wednesday." (or "…, officials
# told reporters late on Friday, adding …"); the date comes right after it.
_TRAILING_FRAME = re.compile(
    rf",\s+(?P<who>[^,]{{0,70}}?)\s*{_REPORTING_VERB.pattern}(?:\s+(?:reporters|journalists))?"
    r"(?:\s+in\s+an?\s+(?:statement|interview|filing|letter|post|briefing))?"
    r"\s+(?:(?:late|early)\s+)?(?:on\s+|in\s+|at\s+)?$",
    re.IGNORECASE,
)
_SENTENCE_END = re.compile(r"\s*(?:[.!?…”\"’')\]]*\s*$|,\s)")


def _is_trailing_frame(text: str, start: int, end: int, others: list, offset: int) -> bool:
    """Whether the date at text[start:end] dates a frame that closes the sentence, after
    another of the sentence's dates: that date is what is told, this one the telling."""
    frame = _TRAILING_FRAME.search(text, 0, start)
    if frame is None or not _SENTENCE_END.match(text, end):
        return False
    if not _names_a_teller(frame.group("who")):
        return False  # "…, widening the recall the company announced on June 1": told
    return any(other.start - offset < frame.start() for other in others)


_DETERMINER = word_set("the a an its their his her this that these those")
_PREPOSITIONS = word_set("of at for in on from with by to about")
_NOT_A_TELLER = word_set(
    "which that who whom whose and but or as when while after before because if since"
)


def _names_a_teller(words: str) -> bool:
    """Whether a frame's subject is one noun phrase ("the company", "the mill's chief
    executive", "officials at the plant"), not a clause that tells something."""
    words = words.split()
    if not words or len(words) > 10 or words[0].lower() in _NOT_A_TELLER:
        return False
    if _tells_something(" ".join(words)):
        return False
    for index, word in enumerate(words):
        lower = word.lower()
        if lower.endswith("ing") and len(lower) > 4:
            return False  # a participle: "widening the recall"
        # A second determiner not after a preposition starts another phrase: "the recall
        # the company (announced)".
        if index and lower in _DETERMINER and words[index - 1].lower() not in _PREPOSITIONS:
            return False
    return True


_FINITE = re.compile(r"\b(?:would|will|could|should|is|are|was|were|has|have|had)\b", re.I)


def _tells_something(text: str) -> bool:
    return bool(_FINITE.search(text)) or _has_past_verb(text)


def _is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip("”\"’' ").endswith("?")


def _tells_an_event(text: str) -> bool:
    return _has_past_verb(text) or bool(_PLANNED.search(text)) or bool(_PERFECT.search(text))


def _tells_news_in_past(text: str) -> bool:
    return bool(_PERFECT.search(text)) or _has_past_verb(text)


def _has_past_verb(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    return any(past_verb_at(words, index) for index in range(len(words)))


def _candidate(
    article: Article,
    sentence: Sentence,
    expression: TemporalExpression | None,
    spans: list[tuple[int, int]],
    title_of: Callable[[Sentence, tuple[int, int] | None, list[tuple[int, int]]], str],
) -> Candidate:
    """`spans` are the sentence's dates, each as (start, end) in the sentence; `title_of`
    titles the event the sentence's date `own` dates."""
    if expression is None:
        start = end = article.published_on
        granularity = "day"
    else:
        start, end, granularity = event_interval(
            expression.date_start, expression.date_end, expression.value
        )
    own = (
        (expression.start - sentence.start, expression.end - sentence.start) if expression else None
    )
    return Candidate(
        article=article,
        title=title_of(sentence, own, spans),
        # Clustering compares main clauses: who did what, as the sentence puts it first.
        focus=main_clause(sentence.text, expression_text=expression.text if expression else ""),
        summary=trim_words(sentence.text, 60),
        date_start=start,
        date_end=end,
        granularity=granularity,
        date_kind=date_kind(sentence.text, start=start, end=end, published=article.published_on),
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        expression=expression,
        figures=figures_in(sentence.text),
        background=(article.published_on - end).days > BACKGROUND_DAYS,
    )


_MONTH_VALUE = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR_VALUE = re.compile(r"^(\d{4})$")


def event_interval(start: date, end: date, value: str) -> tuple[date, date, str]:
    """An event's interval and its honest granularity.

    A date naming a month dates the event to the whole month: "earlier this month" (the
    tagger stops it at the article's day) and "by the end of June" are that month. So does
    a year the article's day cuts short ("earlier this year"); "late 2006" stays the range
    it is. Any interval that is not one whole calendar period is a range.
    """
    if month := _MONTH_VALUE.match(value):
        full_start, full_end = month_interval(int(month[1]), int(month[2]))
        if full_start <= start and end <= full_end:
            return full_start, full_end, "month"
    year = _YEAR_VALUE.match(value)
    if year and start == date(int(year[1]), 1, 1) and end.year == start.year:
        return start, date(start.year, 12, 31), "year"
    for granularity in ("day", "week", "month", "quarter", "year", "decade"):
        if interval_fits_granularity(start, end, granularity):
            return start, end, granularity
    return start, end, "range"


_ANNOUNCED_PLAN = re.compile(
    r"\b(?:announced|unveiled|revealed|disclosed|confirmed)\s+(?:its\s+|their\s+)?plans?\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\bif\s+(?:confirmed|true|accurate)\b", re.IGNORECASE)


# "said it would decide by the end of the month": a plan, told in the past tense.
_WOULD = re.compile(r"\bwould\b|\b(?:was|were)\s+(?:due|expected|set|scheduled)\s+to\b", re.I)


def date_kind(text: str, *, start: date, published: date, end: date | None = None) -> str:
    """planned (ahead, or said to be intended), reported (the date is of the telling) or
    happened. "announced plans to send" on a past day is a report, not a plan; "would
    decide by the end of the month", in a month not over yet, is a plan."""
    if start > published:
        return "planned"
    if end is not None and end > published and _WOULD.search(text):
        return "planned"
    if _ANNOUNCED_PLAN.search(text):
        return "reported"
    if _PLANNED.search(text):
        return "planned"
    head = _CONDITIONAL.sub("", text[:120])
    if _REPORTING_VERB.search(head) and not _PERFECT.search(head.split(" that ")[-1]):
        return "reported"
    return "happened"
