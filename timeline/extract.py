"""From an article's sentences and dates to event candidates.

No NLP model: sentences are split by punctuation rules, an event is a sentence with a
date that dates something (or the lead sentence reporting the day's news), and what
the event is about is a bag of content words the clustering step compares.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from articles.models import Article, TemporalExpression
from timeline.keywords import content_tokens, figures_in, topic_words, word_set
from timeline.periods import month_interval

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
_IRREGULAR_PAST = word_set(
    """
    said told made met sent began led held took gave won lost fell rose struck hit broke
    brought bought built came went saw found kept left paid put ran set shut spent stood
    sold spoke stole swore threw thought understood withdrew wrote sank shot fled fought
    drew drove ate flew forbade froze grew hid knew laid lay meant overtook rang sought
    slid sped split spread sprang stuck swept swung tore woke wore
    """
)
_NOT_PAST = word_set(
    """
    need speed feed seed steed bed red shed bleed breed creed greed deed weed indeed
    hundred proceed exceed succeed embed
    """
)
_PERFECT = re.compile(
    r"\b(?:has|have|had)\s+(?:\w+ly\s+|not\s+|been\s+|already\s+|also\s+)*\w+", re.IGNORECASE
)
_DETERMINER = word_set(
    """
    the a an this that these those its their his her our
    """
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
    return offset


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
        (e for e in expressions if _dates_something(e, published=article.published_on)),
        key=lambda e: e.start,
    )
    candidates: list[Candidate] = []
    lead = sentences[0] if sentences else None
    for sentence in sentences:
        inside = [e for e in usable if sentence.start <= e.start < sentence.end]
        if inside:
            if _is_question(sentence):
                continue
            dates = _event_dates(sentence, inside)
            for expression in dates:
                # A sentence in the present ("members vote on October 3") tells an event
                # only when its date lies ahead.
                if not _tells_an_event(sentence.text) and not (
                    expression.date_start > article.published_on
                ):
                    continue
                candidate = _candidate(article, sentence, expression)
                if len(dates) > 1:
                    candidate.focus = _clause_around(sentence, expression)
                candidates.append(candidate)
        elif sentence is lead and _tells_news_in_past(sentence.text):
            candidates.append(_candidate(article, sentence, None))
    for candidate in candidates:
        candidate.tokens = tokens[candidate.start]
        candidate.topic = topic
    return candidates


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


def _dates_something(expression: TemporalExpression, *, published: date) -> bool:
    """Whether the expression can date an event; "this year" only frames the article."""
    if (
        expression.granularity in ("year", "decade")
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


# "the first strike since 2019", "the longest since 1953": the date is of another event.
_COMPARED_SINCE = re.compile(
    r"\b(?:first|last|longest|shortest|largest|biggest|worst|best|highest|lowest|most|least|"
    r"deadliest|only)\b(?:\s+[\w’'-]+){0,4}\s+since(?:\s+[\w’'-]+){0,5}\s*$",
    re.IGNORECASE,
)


def _event_dates(sentence: Sentence, expressions: list[TemporalExpression]) -> list:
    # Nested dates ("on Friday, October 18" or "June ... this year") describe one moment:
    # keep the most precise of each nest.
    expressions = [
        e
        for e in expressions
        if not _COMPARED_SINCE.search(
            sentence.text[max(0, e.start - sentence.start - 90) : e.start - sentence.start]
        )
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
    """The date of the telling, not of what is told: `said on Tuesday that … in June`."""
    local_start = expression.start - sentence.start
    local_end = expression.end - sentence.start
    around = sentence.text[max(0, local_start - 40) : local_end + 40]
    if not _REPORTING_VERB.search(around):
        return False
    rest = sentence.text[local_end:]
    clause = re.search(r"\bthat\b|,", rest)
    return clause is not None and any(
        other.start - sentence.start > local_end + clause.start() for other in others
    )


def _is_question(sentence: Sentence) -> bool:
    return sentence.text.rstrip("”\"’' ").endswith("?")


def _tells_an_event(text: str) -> bool:
    return _has_past_verb(text) or bool(_PLANNED.search(text)) or bool(_PERFECT.search(text))


def _tells_news_in_past(text: str) -> bool:
    return bool(_PERFECT.search(text)) or _has_past_verb(text)


def _has_past_verb(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text)
    for index, word in enumerate(words):
        lower = word.lower()
        if lower in _IRREGULAR_PAST:
            return True
        if (
            len(lower) > 4
            and lower.endswith("ed")
            and lower not in _NOT_PAST
            and not word[0].isupper()
            and (index == 0 or words[index - 1].lower() not in _DETERMINER)
        ):
            return True
    return False


def _candidate(
    article: Article, sentence: Sentence, expression: TemporalExpression | None
) -> Candidate:
    if expression is None:
        start = end = article.published_on
        granularity = "day"
    else:
        start, end, granularity = event_interval(
            expression.date_start, expression.date_end, expression.granularity
        )
    expression_text = expression.text if expression else ""
    return Candidate(
        article=article,
        title=make_title(sentence.text, expression_text=expression_text),
        # Clustering compares main clauses: who did what, as the sentence puts it first.
        focus=make_title(sentence.text, expression_text=expression_text, date_clause=False),
        summary=trim_words(sentence.text, 60),
        date_start=start,
        date_end=end,
        granularity=granularity,
        date_kind=date_kind(sentence.text, start=start, published=article.published_on),
        quote=sentence.text,
        start=sentence.start,
        end=sentence.end,
        expression=expression,
        figures=figures_in(sentence.text),
    )


def event_interval(start: date, end: date, granularity: str) -> tuple[date, date, str]:
    """An event's interval is a whole period: "earlier this month" is the month, not its
    first part (the tagger clips such expressions at the document date)."""
    if granularity == "month" and start.day == 1:
        full_start, full_end = month_interval(start.year, start.month)
        if end <= full_end:
            return full_start, full_end, "month"
    if granularity == "year" and (start.month, start.day) == (1, 1) and end.year == start.year:
        return start, date(start.year, 12, 31), "year"
    if granularity == "day" and start != end:
        return start, end, "range"
    return start, end, granularity


_ANNOUNCED_PLAN = re.compile(
    r"\b(?:announced|unveiled|revealed|disclosed|confirmed)\s+(?:its\s+|their\s+)?plans?\b",
    re.IGNORECASE,
)
_CONDITIONAL = re.compile(r"\bif\s+(?:confirmed|true|accurate)\b", re.IGNORECASE)


def date_kind(text: str, *, start: date, published: date) -> str:
    """planned (ahead, or said to be intended), reported (the date is of the telling) or
    happened. "announced plans to send" on a past day is a report, not a plan."""
    if start > published:
        return "planned"
    if _ANNOUNCED_PLAN.search(text):
        return "reported"
    if _PLANNED.search(text):
        return "planned"
    head = _CONDITIONAL.sub("", text[:120])
    if _REPORTING_VERB.search(head) and not _PERFECT.search(head.split(" that ")[-1]):
        return "reported"
    return "happened"


_ATTRIBUTION = re.compile(
    r"^(?:according to [^,]{1,80},\s*|in (?:a|an) [^,]{1,60},\s*)", re.IGNORECASE
)
# "In recent diplomatic tensions, …", "Following this announcement, …"
_LEADING_PHRASE = re.compile(
    r"^(?:in|on|at|after|following|amid|amidst|during|since|before|despite|notably|however|"
    r"meanwhile|earlier|later|separately)\b[^,]{0,50},\s+",
    re.IGNORECASE,
)
_APPOSITION = re.compile(r",\s+(?:[^,\s]+\s+){0,3}[^,\s]+,\s+(?=[a-z])")
_CLAUSE_END = re.compile(
    r",(?=\s)|;|:|\s[—–-]\s|\s(?:which|who|whom|where|while|although|because)\s"
)


def make_title(sentence: str, *, expression_text: str = "", date_clause: bool = True) -> str:
    """A short who-did-what phrase: the main clause, leading date and attribution cut."""
    text = sentence.strip().strip("“”\"'")
    if date_clause:
        text = _date_clause(text, expression_text)
    comma = text.find(", ")
    if comma > 0 and expression_text in text[:comma] and len(text[:comma].split()) <= 6:
        text = text[comma + 2 :]  # "On October 18, North Korea announced …"
    text = _LEADING_PHRASE.sub("", _ATTRIBUTION.sub("", text))
    text = _APPOSITION.sub(
        " ", text
    )  # "The mayor, Helen Achterberg, announced" → "The mayor announced"
    clause_end = None
    for match in _CLAUSE_END.finditer(text):
        if len(text[: match.start()].split()) >= 4:
            clause_end = match.start()
            break
    if clause_end is not None:
        text = text[:clause_end]
    title = trim_words(text, 12).rstrip(" .,;:")
    return title[:1].upper() + title[1:] if title else sentence[:80]


_SUBORDINATE = re.compile(r"\b(that|when|after|which|who)\s", re.IGNORECASE)
_NOUN_PHRASE = re.compile(
    r"((?:(?i:the|a|an|its|their))\s+[\w’'-]+(?:\s+[\w’'-]+){0,3}|(?:[A-Z][\w’'-]*\s*){1,4})$"
)


def _date_clause(text: str, expression_text: str) -> str:
    """The clause the date belongs to, when it is not the main one: "officials said that
    troops arrived in June" → "troops arrived in June"; "the Korean War, which ended in
    1953" → "the Korean War ended in 1953"."""
    at = text.find(expression_text) if expression_text else -1
    if at <= 0:
        return text
    last = None
    for match in _SUBORDINATE.finditer(text, 0, at):
        last = match
    if last is None:
        return text
    clause = text[last.end() :]
    if last.group(1).lower() in ("which", "who"):
        subject = _NOUN_PHRASE.search(text[: last.start()].rstrip(" ,"))
        if subject is None:
            return text
        clause = f"{subject.group(1).strip()} {clause}"
    return clause if len(clause.split()) >= 3 else text


def trim_words(text: str, limit: int) -> str:
    words = text.split()
    if len(words) <= limit:
        return text.strip()
    return " ".join(words[:limit]).rstrip(",;:") + "…"
