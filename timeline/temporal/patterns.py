"""Where temporal expressions are in the text, and what each one says.

Every rule is a compiled regex plus a builder that reads the match and its context and
returns `(start, end, spec)` or None to reject it (a verb "may", a count "2000 troops").
Spans leave out leading prepositions ("on", "in", "since"), as TIMEX3 does.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .context import word_after, word_before, words_before
from .lexicon import (
    AMBIGUOUS_MONTHS,
    HOLIDAYS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    ORDINALS,
    PARTS_OF_DAY,
    SEASONS,
    TIME_ZONES,
    UNITS,
    VARIABLE_HOLIDAYS,
    WEEKDAY_ABBREVIATIONS,
    WEEKDAYS,
    number_value,
)
from .specs import (
    Anaphor,
    Calendar,
    Clock,
    Fiscal,
    Fixed,
    LatestQuarter,
    Named,
    Offset,
    Range,
    Relative,
)

Found = tuple[int, int, object]
Builder = Callable[[re.Match[str], str], Found | None]


@dataclass(frozen=True, slots=True)
class Rule:
    """A pattern, its builder, and the words one of which every match contains.

    `keys` are lower-case words, or token classes "#year" (four digits), "#num" (any
    number), "#decade" ("1950s", "80s"). The tagger runs `pattern` only near those words:
    most of an article holds no month name, so most of each scan is skipped.
    """

    name: str
    pattern: re.Pattern[str]
    build: Builder
    priority: int  # breaks ties between equally long matches: lower wins
    keys: frozenset[str] = frozenset()


# -- regex fragments ---------------------------------------------------------------------------

_FULL_MONTHS = "|".join(MONTHS)
_ABBR_MONTHS = "|".join(sorted(MONTH_ABBREVIATIONS, key=len, reverse=True))


def _month(name: str) -> str:
    return rf"(?P<{name}>(?:{_FULL_MONTHS})\b|(?:{_ABBR_MONTHS})(?:\.|\b))"


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?\b"


def _year(name: str) -> str:
    return rf"(?P<{name}>[12]\d{{3}})(?![\d]|[,.]\d)"


# ", 2024" or " this year" after a day: "8-13 October this year", "March 3 last year".
_DAY_YEAR = rf"(?:,?\s+(?:{_year('year')}|(?:of\s+)?(?P<rel>this|last|next)\s+year\b))?"


_WEEKDAY_ANY = "|".join(sorted([*WEEKDAYS, *WEEKDAY_ABBREVIATIONS], key=len, reverse=True))
_WEEKDAY_PREFIX = rf"\b(?:(?P<wd>{_WEEKDAY_ANY})\.?,?\s+(?:the\s+)?)?"
_AMPM = r"(?:[ap]\.\s?m\.|[ap]m\b|[ap]\.m\b)"
# "UTC", "(GMT)", "GMT+8", "(GMT +8)", "UTC-05:30": an offset makes it local time, not UTC.
# Named zones ("EST", "(BST)") give their offset; "ET", "Eastern time" leave summer time
# open, so they keep the clock's local reading. Zone letters only count in capitals.
_TZ = (
    r"(?:\s*\(?(?P<tz>utc|gmt|z)\b"
    r"(?:\s*(?P<tzoff>[+\-−]\s?(?:1[0-4]|0?\d)(?::?[0-5]\d)?)(?![\d:]))?\)?"
    r"|\s*\(?(?P<tzname>(?-i:"
    + "|".join(sorted(TIME_ZONES, key=len, reverse=True))
    + r")\b|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?\s+Time\b)\)?)?"
)
_CLOCK = (
    r"(?P<h>\d{1,2})(?:(?::(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?)(?:\s*(?P<ap>" + _AMPM + r"))?"
    r"|(?:\.(?P<mi2>[0-5]\d))?\s*(?P<ap2>" + _AMPM + r"))" + _TZ
)
_TIME_SUFFIX = rf"(?P<clockpart>,?\s+(?:at\s+)?{_CLOCK})?"
_NUMBER = (
    r"(?:\d+(?:\.\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine)\b)?|a\s+couple\s+of|a\s+couple|"
    r"a\s+dozen|a\s+hundred|half\s+an?|an?|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|hundred)"
    r"(?:\s+and\s+a\s+half)?)"
)
_VAGUE = (
    r"(?:several|a\s+few|few|many|some|a\s+number\s+of|recent|"
    r"the\s+(?:past|last|next|coming|following)(?:\s+few)?)"
)
_UNIT = (
    r"(?P<unit>second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|"
    r"centur(?:y|ie))s?"
)
_DASH = r"(?:-|–|—)"
_APOSTROPHE = "['’]"

# Words that make a bare number or month name read as a date.
_DATE_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "during",
        "before",
        "after",
        "from",
        "through",
        "throughout",
        "between",
        "around",
        "circa",
        "early",
        "mid",
        "late",
        "last",
        "next",
        "this",
        "of",
        "to",
        "and",
        "or",
        "than",
        "as",
    ]
)
_STRONG_MONTH_CONTEXT = frozenset(
    [
        "in",
        "on",
        "since",
        "until",
        "till",
        "by",
        "during",
        "before",
        "after",
        "from",
        "through",
        "throughout",
        "early",
        "mid",
        "late",
        "last",
        "next",
        "this",
        "of",
    ]
)
_OF_HEADS = frozenset(
    [
        "end",
        "beginning",
        "start",
        "middle",
        "half",
        "part",
        "rest",
        "remainder",
        "course",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "class",
        "year",
        "month",
        "quarter",
        "close",
    ]
)
_COUNT_NOUNS = frozenset(
    [
        "people",
        "persons",
        "troops",
        "soldiers",
        "men",
        "women",
        "children",
        "workers",
        "jobs",
        "employees",
        "units",
        "points",
        "votes",
        "seats",
        "dollars",
        "euros",
        "pounds",
        "yen",
        "miles",
        "kilometres",
        "kilometers",
        "km",
        "meters",
        "metres",
        "feet",
        "tons",
        "tonnes",
        "barrels",
        "cars",
        "vehicles",
        "homes",
        "houses",
        "shares",
        "copies",
        "rounds",
        "players",
        "students",
        "members",
        "residents",
        "refugees",
        "cases",
        "deaths",
        "victims",
        "of",
    ]
)
_FUNCTION_WORDS = frozenset(
    [
        "and",
        "or",
        "but",
        "when",
        "as",
        "is",
        "was",
        "were",
        "will",
        "would",
        "has",
        "have",
        "had",
        "that",
        "which",
        "who",
        "where",
        "while",
        "with",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "from",
        "of",
        "than",
        "the",
        "a",
        "an",
        "it",
        "they",
        "he",
        "she",
        "we",
        "this",
        "these",
    ]
)
_WEEKDAY_NAME_PREFIXES = frozenset(
    [
        "black",
        "good",
        "cyber",
        "super",
        "ash",
        "holy",
        "bloody",
        "blue",
        "manic",
        "maundy",
        "palm",
        "man",
        "girl",
        "easter",
    ]
)
_DURATION_LEADS = frozenset(["over", "within", "for", "during", "throughout", "in"])
_SUPERLATIVE_LEADS = re.compile(
    r"\b(?:first|lowest|highest|best|worst|biggest|largest|smallest|most|least|strongest|"
    r"weakest|fastest|time|times|level|levels)\W+(?:\w+\W+){0,3}$",
    re.IGNORECASE,
)


def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _keys(words: str) -> frozenset[str]:
    return frozenset(words.split())


_MONTH_KEYS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS])
_UNIT_KEYS = frozenset(
    [
        "second",
        "seconds",
        "minute",
        "minutes",
        "hour",
        "hours",
        "day",
        "days",
        "night",
        "nights",
        "week",
        "weeks",
        "fortnight",
        "fortnights",
        "month",
        "months",
        "quarter",
        "quarters",
        "year",
        "years",
        "decade",
        "decades",
        "century",
        "centuries",
    ]
)


def _month_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return MONTHS.get(word) or MONTH_ABBREVIATIONS[word]


def _weekday_number(word: str) -> int:
    word = word.lower().rstrip(".")
    return WEEKDAYS.get(word, WEEKDAY_ABBREVIATIONS.get(word, 0))


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def _month_word_ok(word: str, *, with_day_or_year: bool) -> bool:
    """A month name is a month: "may" the verb and lower-case "march" are not."""
    bare = word.lower().rstrip(".")
    if bare in MONTH_ABBREVIATIONS and not (_is_capitalised(word) and with_day_or_year):
        return False
    return not (bare in AMBIGUOUS_MONTHS and not _is_capitalised(word))


def _valid_year(text: str) -> int | None:
    year = int(text)
    return year if 1000 <= year <= 2199 else None


def _clock(m: re.Match[str]) -> dict | None:
    """Hour, minute, second and UTC flag from the `_CLOCK` groups, None if not a real time."""
    hour = int(m.group("h"))
    minute = int(m.group("mi") or m.group("mi2") or 0)  # "11.30pm", as British news writes it
    second = int(m.group("s")) if m.group("s") else None
    ampm = (m.group("ap") or m.group("ap2") or "").lower().replace(".", "").replace(" ", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    elif hour > 23:
        return None
    offset = _utc_offset(m.group("tzoff")) if m.group("tz") else None
    if m.group("tzname"):
        offset = _zone_offset(m.group("tzname"))
    return {
        "hour": hour,
        "minute": minute,
        "second": second,
        "utc": bool(m.group("tz")) and offset is None,
        "offset": offset,
    }


def _zone_offset(name: str) -> str | None:
    """ "EST" -> "-05:00", "Pacific Daylight Time" -> "-07:00"; None when summer time is open."""
    words = name.split()
    if len(words) > 1:
        if len(words) == 2:
            return None  # "Eastern time"
        name = "".join(word[0] for word in words).upper()
    return TIME_ZONES.get(name)


def _utc_offset(text: str | None) -> str | None:
    """ "+8" -> "+08:00", "-5:30" -> "-05:30" (ISO 8601), None for none or "+0"."""
    if not text:
        return None
    sign = "-" if text[0] in "-−" else "+"
    digits = text[1:].strip().replace(":", "")
    hours, minutes = (digits[:-2], digits[-2:]) if len(digits) > 2 else (digits, "00")
    if int(hours) == 0 and int(minutes) == 0:
        return None
    return f"{sign}{int(hours):02d}:{minutes}"


def _has_clock(m: re.Match[str]) -> bool:
    return m.group("h") is not None


def _with_clock(m: re.Match[str], day: object) -> object | None:
    if not _has_clock(m):
        return day
    clock = _clock(m)
    return Clock(day=day, **clock) if clock else None


def _end_without_clock(m: re.Match[str]) -> int:
    """Where the match ends if its optional trailing time is dropped."""
    return m.start("clockpart") if m.group("clockpart") else m.end()


# -- builders ----------------------------------------------------------------------------------


def _build_month_day(m: re.Match[str], text: str) -> Found | None:
    day = int(m.group("day"))
    if not 1 <= day <= 31:
        return None
    year = _valid_year(m.group("year")) if m.group("year") else None
    if not _month_word_ok(m.group("mon"), with_day_or_year=True):
        return None
    if m.group("year") and year is None:
        return None
    # "March 3 people": a count after a bare month-day is not a date.
    if year is None and word_after(text, m.end()).lower() in _COUNT_NOUNS:
        return None
    month = _month_number(m.group("mon"))
    if year is None and m.group("rel") is None:
        year = _event_year(text, m.start(), m.end(), month, day)
    weekday = _weekday_number(m.group("wd")) if m.group("wd") else None
    day_spec = Calendar(
        year=year, year_offset=_year_offset(m), month=month, day=day, weekday=weekday
    )
    spec = _with_clock(m, day_spec)
    if spec is None:
        return m.start(), _end_without_clock(m), day_spec
    return m.start(), m.end() if _has_clock(m) else _end_without_clock(m), spec


# Days that name one event, and so one year, when the event is what is meant:
# "the September 11 attacks", "the attacks of 11 September" are 2001, whatever the dct.
_EVENT_DAYS: dict[tuple[int, int], tuple[int, re.Pattern[str], re.Pattern[str]]] = {
    (9, 11): (
        2001,
        re.compile(
            r"(?:th)?\W{0,3}\s*(?:terrorist\s+|terror\s+|al[- ]qaeda\s+)?"
            r"(?:attacks?|hijack(?:ing|er)s?|commission|victims|anniversary)\b",
            re.IGNORECASE,
        ),
        re.compile(r"\b(?:attacks?|hijackings?)\s+(?:of|on)\s+$", re.IGNORECASE),
    ),
}


def _event_year(text: str, start: int, end: int, month: int, day: int) -> int | None:
    event = _EVENT_DAYS.get((month, day))
    if event is None:
        return None
    year, after, before = event
    if after.match(text, end, end + 40) or before.search(text, max(0, start - 30), start):
        return year
    return None


def _build_month_year(m: re.Match[str], text: str) -> Found | None:
    if not _month_word_ok(m.group("mon"), with_day_or_year=True):
        return None
    month = _month_number(m.group("mon"))
    mod = _mod(m.group("mod"))
    if m.group("year"):
        year = _valid_year(m.group("year"))
        if year is None:
            return None
        return m.start(), m.end(), Calendar(year=year, month=month, mod=mod)
    offset = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return m.start(), m.end(), Calendar(year_offset=offset, month=month, mod=mod)


def _build_month(m: re.Match[str], text: str) -> Found | None:
    word = m.group("mon")
    bare = word.lower().rstrip(".")
    if bare in MONTH_ABBREVIATIONS or not _month_word_ok(word, with_day_or_year=False):
        return None
    month = _month_number(word)
    which = (m.group("which") or "").lower()
    if which:
        return m.start(), m.end(), Named("month", month, {"last": -1, "this": 0, "next": 1}[which])
    mod = _mod(m.group("mod"))
    if not mod and not _month_in_context(m, text, ambiguous=bare in AMBIGUOUS_MONTHS):
        return None
    return m.start(), m.end(), Calendar(month=month, mod=mod)


def _month_in_context(m: re.Match[str], text: str, *, ambiguous: bool) -> bool:
    before = word_before(text, m.start())
    if before in ("and", "or", "to", "through") and re.search(
        rf"(?:{_FULL_MONTHS})\W+\w+\W*$", text[max(0, m.start() - 30) : m.start()], re.IGNORECASE
    ):
        return True
    context = _STRONG_MONTH_CONTEXT if ambiguous else _DATE_PREPOSITIONS
    if before in context:
        return True
    if ambiguous:
        return False
    after = word_after(text, m.end())
    # "June Carter": a capitalised name after it makes it a name.
    return not (after and _is_capitalised(after))


def _capitalised_word_before(text: str, position: int) -> bool:
    """A capitalised word directly before (same sentence, no punctuation between)."""
    match = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, position - 30) : position])
    if not match or not _is_capitalised(match.group(1)):
        return False
    # A capitalised word at the start of a sentence or line is not a name.
    head = text[: position - len(match.group(0))].rstrip(" \t")
    return bool(head) and head[-1] not in ".!?\n:\"'“”‘’"


def _build_day_range(m: re.Match[str], text: str) -> Found | None:
    first, last = int(m.group("d1")), int(m.group("d2"))
    if not (1 <= first < last <= 31) or not _month_word_ok(m.group("mon"), with_day_or_year=True):
        return None
    after = word_after(text, m.end())
    if not m.group("year") and after and after.lower() not in _FUNCTION_WORDS:
        return None  # "October 8 and 13 soldiers"
    year = _valid_year(m.group("year")) if m.group("year") else None
    month = _month_number(m.group("mon"))
    offset = _year_offset(m)
    spec = Range(
        Calendar(year=year, year_offset=offset, month=month, day=first),
        Calendar(year=year, year_offset=offset, month=month, day=last),
    )
    return m.start(), m.end(), spec


def _build_year_range(m: re.Match[str], text: str) -> Found | None:
    first = _valid_year(m.group("y1"))
    second_text = m.group("y2")
    if len(second_text) == 2 and first is not None:
        second = first - first % 100 + int(second_text)
    else:
        second = _valid_year(second_text)
    if first is None or second is None or not first < second <= first + 100:
        return None
    connector = m.group("conn").lower()
    lead = (m.group("lead") or "").lower()
    if connector == "and" and lead != "between":
        return None
    if connector in ("to", "until", "till") and lead != "from":
        return None
    if word_after(text, m.end()).lower() in _COUNT_NOUNS:
        return None
    return m.start("y1"), m.end(), Range(Calendar(year=first), Calendar(year=second))


def _build_year(m: re.Match[str], text: str) -> Found | None:
    year = _valid_year(m.group("year"))
    if year is None:
        return None
    mod = _mod(m.group("mod"))
    after = word_after(text, m.end())
    if after.lower() in _COUNT_NOUNS or text[m.end() : m.end() + 1] in "%$":
        return None
    if mod or m.group("poss"):
        return m.start(), m.end(), Calendar(year=year, mod=mod)
    before = word_before(text, m.start())
    gap = text[max(0, m.start() - 12) : m.start()]
    if re.search(r"[\d$£€#%]\s*$", gap):
        return None
    ok = False
    if before in _DATE_PREPOSITIONS - {"of", "to", "and", "or", "than", "as", "the"}:
        ok = before not in ("this", "next", "last")
    elif before == "of":
        head = words_before(text, m.start(), 2)
        ok = (len(head) == 2 and head[0] in _OF_HEADS) or (
            1900 <= year <= 2100 and (not after or after.lower() in _FUNCTION_WORDS)
        )
    elif before in ("to", "and", "or"):
        ok = bool(re.search(r"[12]\d{3}\W+\w+\W*$", text[max(0, m.start() - 20) : m.start()]))
        # "dating to 1994", "back to 1990".
        ok = ok or (tuple(words_before(text, m.start(), 2)) in _YEAR_PHRASES and year >= 1800)
    elif (
        _capitalised_word_before(text, m.start())
        and 1900 <= year <= 2100
        and re.match(r"[ \t]*(?:$|\n|[.,;:!?)])", text[m.end() : m.end() + 3])
    ):
        ok = True  # "WWDC 2005", "Conference 2010" at the end of a headline or clause
    elif before in ("the", "fiscal", "year", "a"):
        # "the 1953 armistice", "fiscal 2024": a year used as an adjective.
        ok = before != "the" or (bool(after) and 1800 <= year <= 2100)
    elif before in _POSSESSIVES:
        # "its 1990 invasion", "his 1996 campaign": the year of the thing owned.
        ok = after.isalpha() and 1800 <= year <= 2100
    elif before in _YEAR_VERBS:
        # "bonds due 1993", "expectations for 1989", "volume is 1989 is following".
        ok = 1900 <= year <= 2100 and (not after or after.lower() in _FUNCTION_WORDS)
    return (m.start(), m.end(), Calendar(year=year)) if ok else None


_POSSESSIVES = frozenset(["its", "his", "her", "their", "our", "my", "whose", "your"])
_YEAR_VERBS = frozenset(["due", "for", "is", "was"])
_YEAR_PHRASES = frozenset([("dating", "to"), ("dates", "to"), ("back", "to"), ("dated", "to")])


_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
]
_CENTURY_NUMBERS = {word: index for index, word in enumerate(_ORDINAL_WORDS, start=1)}
_CENTURY_NUMBERS.update({"twenty-first": 21, "twenty first": 21, "twenty-second": 22})


def _build_century(m: re.Match[str], text: str) -> Found | None:
    """ "the 19th century", "the early twenty-first century": TIMEX3 "18", "20"."""
    ordinal = " ".join(m.group("ord").lower().split())
    number = int(ordinal[:-2]) if ordinal[0].isdigit() else _CENTURY_NUMBERS.get(ordinal)
    if not number or not 1 <= number <= 22:
        return None
    return m.start(), m.end(), Calendar(century=(number - 1) * 100, mod=_mod(m.group("mod")))


_FISCAL_OFFSETS = {
    "this": 0, "the current": 0, "current": 0, "the": 0, "its": 0, "last": -1, "the last": -1,
    "the previous": -1, "the prior": -1, "previous": -1, "prior": -1, "next": 1, "the next": 1,
    "the coming": 1, "the new": 1,
}  # fmt: skip


def _build_fiscal(m: re.Match[str], text: str) -> Found | None:
    """ "fiscal 2009", "fiscal year 2010", "FY2011", "FY 09", "last fiscal year": "FY2009".

    "Financial year", the British name, is the same thing.
    """
    financial = "financial" in m.group(0).lower()
    if m.group("rel"):
        rel = " ".join(m.group("rel").lower().split())
        if rel in ("the", "its") and not m.group("pos"):
            return None  # "the fiscal year" alone: which one is not said
        # "the end of the fiscal year": a company's own calendar, the one now running.
        return m.start(), m.end(), Fiscal(offset=_FISCAL_OFFSETS[rel], financial=financial)
    digits = m.group("year") or m.group("yy")
    year = int(digits) if len(digits) == 4 else 2000 + int(digits)
    if len(digits) == 2 and int(digits) > 50:
        year -= 100
    if not 1900 <= year <= 2100:
        return None
    financial = financial or m.group(0)[:2].lower() == "fy"
    return m.start(), m.end(), Fiscal(year=year, financial=financial)


def _build_year_earlier(m: re.Match[str], text: str) -> Found | None:
    """ "the year-earlier quarter", "year-ago levels": the same period, a year before.

    TimeBank tags the adjective alone. With a period noun it is that period a year back
    from the one last mentioned; otherwise the previous year.
    """
    head = (m.group("head") or "").lower()
    if head in ("quarter", "month", "week"):
        return m.start("adj"), m.end("adj"), Anaphor(head, 0, years=-1)
    if head in ("period", "half"):
        return m.start("adj"), m.end("adj"), Anaphor("period", 0, years=-1)
    return m.start("adj"), m.end("adj"), Relative("year", -1)


def _build_decade(m: re.Match[str], text: str) -> Found | None:
    mod = _mod(m.group("mod"))
    if m.group("dec4"):
        decade = int(m.group("dec4"))
        if not 1000 <= decade <= 2190:
            return None
    else:
        # "the '80s", "the 70s": two digits need "the" or an apostrophe to be a decade.
        if not (m.group("the") or m.group("apos")):
            coordinated = re.search(
                r"\d0['’]?s\s+(?:and|or|to)\s+$", text[max(0, m.start() - 15) : m.start()]
            )
            if word_before(text, m.start()) != "the" and not coordinated:
                return None
        decade = 1900 + int(m.group("dec2"))
    if word_before(text, m.start()) in ("his", "her", "their", "its", "my", "your", "our"):
        return None  # "in their 50s" is an age
    if m.group("dec4") and decade % 100 == 0 and decade < 2000:
        return m.start(), m.end(), Calendar(century=decade, mod=mod)  # "the 1800s": "18"
    return m.start(), m.end(), Calendar(decade=decade, mod=mod)


def _build_quarter(m: re.Match[str], text: str) -> Found | None:
    ordinal = (m.group("ord") or "").lower()
    quarter = int(m.group("q")) if m.group("q") else ORDINALS.get(ordinal)
    year_text = m.group("year")
    rel = (m.group("rel") or "").lower()
    if year_text:
        year = _valid_year(year_text) if len(year_text) == 4 else 2000 + int(year_text)
        return m.start(), m.end(), Calendar(year=year, quarter=quarter)
    if m.group("fyrel") and quarter:
        # "the first quarter of the financial year": the company's calendar, not January.
        return m.start(), m.end(), Fiscal(quarter=quarter, financial=True)
    if rel:
        offset = {"this": 0, "the": 0, "last": -1, "next": 1}[rel]
        return m.start(), m.end(), Calendar(year_offset=offset, quarter=quarter)
    if ordinal == "last":
        return m.start(), m.end(), Relative("quarter", -1)
    return m.start(), m.end(), Calendar(quarter=quarter)


def _build_year_quarter(m: re.Match[str], text: str) -> Found | None:
    """ "the 1988 second quarter", "next year's first quarter"."""
    quarter = ORDINALS[m.group("ord").lower()]
    if m.group("year"):
        year = _valid_year(m.group("year"))
        return (m.start(), m.end(), Calendar(year=year, quarter=quarter)) if year else None
    offset = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return m.start(), m.end(), Calendar(year_offset=offset, quarter=quarter)


def _build_latest_quarter(m: re.Match[str], text: str) -> Found | None:
    named_only = not m.group("latest") or m.group("head").lower() == "period"
    return m.start(), m.end(), LatestQuarter(named_only=named_only)


def _build_half(m: re.Match[str], text: str) -> Found | None:
    half = {"first": 1, "1st": 1, "second": 2, "2nd": 2}.get((m.group("ord") or "").lower())
    half = half or int(m.group("hn"))
    if m.group("year"):
        return m.start(), m.end(), Calendar(year=_valid_year(m.group("year")), half=half)
    offset = {"this": 0, "the": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return m.start(), m.end(), Calendar(year_offset=offset, half=half)


def _build_season(m: re.Match[str], text: str) -> Found | None:
    word = m.group("season").lower()
    season = SEASONS[word]
    mod = _mod(m.group("mod"))
    which = (m.group("which") or "").lower()
    if m.group("year"):
        year = _valid_year(m.group("year"))
        return (m.start(), m.end(), Calendar(year=year, season=season, mod=mod)) if year else None
    if m.group("rel"):
        offset = {"this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
        return m.start(), m.end(), Calendar(year_offset=offset, season=season, mod=mod)
    if which:
        return (
            m.start(),
            m.end(),
            Named("season", season, {"last": -1, "this": 0, "next": 1}[which]),
        )
    before = word_before(text, m.start())
    after = word_after(text, m.end()).lower()
    if after == "of" or (word == "fall" and before not in ("the", "in", "this", "last", "next")):
        return None  # "the fall of Kabul", "prices fall"
    if not mod and before not in _DATE_PREPOSITIONS | {"the"}:
        return None
    if after and after not in _FUNCTION_WORDS:
        return None  # "spring offensive", "summer camp"
    return m.start(), m.end(), Calendar(season=season, mod=mod)


def _build_today(m: re.Match[str], text: str) -> Found | None:
    word = m.group("word").lower()
    pod = PARTS_OF_DAY.get((m.group("pod") or "").lower())
    if word in ("this", "last"):
        if not pod:
            return None
        day = Relative("day", -1 if word == "last" and pod == "NI" else 0)
        if word == "last" and pod != "NI":
            return None  # "last morning" is not said; "last evening" rare
        return m.start(), m.end(), Clock(day=day, part_of_day=pod)
    if word == "today" and not pod and _generic_today(text, m.end()):
        return m.start(), m.end(), Fixed("DATE", "PRESENT_REF", "present-ref")
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[word]
    if m.group("pair"):
        offset = -2 if m.group("pair").lower() == "before yesterday" else 2
    if word == "tonight":
        pod = "NI"
    day = Relative("day", offset)
    return m.start(), m.end(), (Clock(day=day, part_of_day=pod) if pod else day)


# "today's world", "today's economy": the present in general, not the document's day
# (TimeML's PRESENT_REF). "today's meeting", "today's vote" stay the day itself.
_GENERIC_TODAY_NOUNS = frozenset(
    [
        "world",
        "society",
        "economy",
        "economies",
        "generation",
        "generations",
        "youth",
        "young",
        "standards",
        "culture",
        "technology",
        "technologies",
        "environment",
        "climate",
        "children",
        "kids",
        "consumers",
        "businesses",
        "marketplace",
        "industry",
        "politics",
        "media",
        "workforce",
        "workplace",
        "age",
        "era",
        "life",
        "lifestyles",
        "families",
    ]
)
_POSSESSIVE_S = re.compile(
    r"['’]s\s+(?:(?:fast-changing|modern|global|competitive|changing|"
    r"complex|young|digital|uncertain)\s+)?([a-z]+)\b"
)


def _generic_today(text: str, end: int) -> bool:
    match = _POSSESSIVE_S.match(text, end, end + 60)
    return bool(match) and match.group(1) in _GENERIC_TODAY_NOUNS


def _which(m: re.Match[str]) -> str:
    """ "last", "next"...; "this past" (as in "this past weekend") is "last"."""
    which = " ".join((m.group("which") or "").lower().split())
    return "last" if which == "this past" else which


def _build_relative(m: re.Match[str], text: str) -> Found | None:
    which = _which(m)
    unit = m.group("unit").lower()
    the = bool(m.group("the"))
    mod = _mod(m.group("mod"))
    if text[m.end() : m.end() + 1] == "-":
        return None  # "last year-end" etc.
    if unit == "weekend":
        offset = {"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1, "current": 0}[which]
        return m.start(), m.end(), Named("weekend", "WE", offset)
    if the and which in ("past", "last") and unit in ("week", "year") and not mod:
        # "over the past year", "for the last week": TimeBank dates the span that ends now
        # by the calendar period it mostly lies in.
        return m.start(), m.end(), Relative(unit, -1, "trailing")
    duration_lead = word_before(text, m.start()) in _DURATION_LEADS
    if which == "past" or (the and which in ("last", "next", "coming") and duration_lead):
        letter, clock, multiplier = UNITS[unit]
        return (
            m.start(),
            m.end(),
            Fixed("DURATION", _duration_value(multiplier, letter, clock), "duration"),
        )
    if which in ("coming",) and not the:
        return None
    if the and which == "next" and unit in ("week", "month", "year", "quarter"):
        return None  # "went public the next year": the anaphor-step rule, from the last date
    offset = {"this": 0, "current": 0, "last": -1, "next": 1, "coming": 1}[which]
    return m.start(), m.end(), Relative(unit, offset, mod)


def _build_weekday(m: re.Match[str], text: str) -> Found | None:
    word = m.group("wd")
    if not _is_capitalised(word):
        return None
    which_word = _which(m)
    if word_before(text, m.start()) in _WEEKDAY_NAME_PREFIXES:
        return None  # "Black Monday", "Good Friday": names, not this week's days
    which = {"last": -1, "this": 0, "next": 1, "coming": 1, "past": -1}.get(which_word)
    day = Named("weekday", WEEKDAYS[word.lower()], which)
    pod = PARTS_OF_DAY.get((m.group("pod") or "").lower())
    return m.start(), m.end(), (Clock(day=day, part_of_day=pod) if pod else day)


def _build_anaphor_weekday(m: re.Match[str], text: str) -> Found | None:
    """ "the following Monday", "the previous Friday": counted from the day last mentioned."""
    if not _is_capitalised(m.group("wd")):
        return None
    offset = 1 if m.group("which").lower() == "following" else -1
    day = Anaphor("day", offset, weekday=WEEKDAYS[m.group("wd").lower()])
    pod = PARTS_OF_DAY.get((m.group("pod") or "").lower())
    return m.start(), m.end(), (Clock(day=day, part_of_day=pod) if pod else day)


_DAY_OF_MONTH_LEADS = frozenset(
    ["on", "since", "until", "till", "by", "from", "before", "after", "through"]
)


def _build_day_of_month(m: re.Match[str], text: str) -> Found | None:
    """ "on the 12th": a day of the month the text is about."""
    day = int(m.group("day"))
    after = word_after(text, m.end()).lower()
    if not 1 <= day <= 31 or word_before(text, m.start()) not in _DAY_OF_MONTH_LEADS:
        return None
    if after and (after not in _FUNCTION_WORDS or after == "of"):
        return None  # "on the 5th floor", "the 12th of the month"
    return m.start(), m.end(), Anaphor("month", 0, day=day)


def _build_weekend(m: re.Match[str], text: str) -> Found | None:
    which = {"this": 0, "last": -1, "next": 1, "past": -1, "coming": 1}.get(_which(m))
    return m.start(), m.end(), Named("weekend", "WE", which)


def _build_boundary(m: re.Match[str], text: str) -> Found | None:
    mod = _mod(m.group("pos"))
    if m.group("year"):
        return m.start(), m.end(), Calendar(year=_valid_year(m.group("year")), mod=mod)
    if m.group("mon"):
        if not _month_word_ok(m.group("mon"), with_day_or_year=bool(m.group("year2"))):
            return None
        year = _valid_year(m.group("year2")) if m.group("year2") else None
        return m.start(), m.end(), Calendar(year=year, month=_month_number(m.group("mon")), mod=mod)
    offset = {"the": 0, "this": 0, "last": -1, "next": 1}[m.group("rel").lower()]
    return m.start(), m.end(), Relative(m.group("unit").lower(), offset, mod)


def _build_offset(m: re.Match[str], text: str) -> Found | None:
    unit = _unit(m.group("unit"))
    quantity = m.group("num") or ""
    amount = number_value(quantity) if quantity else None
    if quantity.lower() in ("a", "an") and unit in ("second", "quarter"):
        return None
    direction = " ".join(m.group("dir").lower().split())
    if direction in ("earlier", "later") and re.match(r"\s+than\b", text[m.end() : m.end() + 8]):
        return None  # "a week later than planned" compares; the duration rule tags "a week"
    if direction in ("before", "after"):
        following = text[m.end() : m.end() + 2].strip()
        if following and following[0].isalnum():
            return None  # "two days before the vote": anchored to an event, not a date
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    from_mention = direction in ("earlier", "later", "before", "after")
    return m.start(), m.end(), Offset(unit, amount, sign, from_mention)


def _build_in_future(m: re.Match[str], text: str) -> Found | None:
    unit = _unit(m.group("unit"))
    amount = number_value(m.group("num"))
    if amount is None or unit in ("second", "minute", "hour", "quarter"):
        return None
    before = text[max(0, m.start() - 40) : m.start()]
    if _SUPERLATIVE_LEADS.search(before) or re.search(
        r"\b(?:over|nearly|almost|about|more than)\s*$", before, re.IGNORECASE
    ):
        return None  # "the lowest level in six years" is a duration
    from .context import direction

    if direction(text, m.start(), m.end()) < 0:
        return None
    return m.start("num"), m.end(), Offset(unit, amount, 1)


def _build_anaphor(m: re.Match[str], text: str) -> Found | None:
    det = m.group("det").lower()
    unit = m.group("unit").lower()
    if det == "the" and not m.group("same"):
        return None
    pod = PARTS_OF_DAY.get(unit)
    if pod:
        return m.start(), m.end(), Clock(day=Anaphor("day", 0), part_of_day=pod)
    return m.start(), m.end(), Anaphor(unit, 0)


def _build_anaphor_step(m: re.Match[str], text: str) -> Found | None:
    which = m.group("which").lower()
    unit = m.group("unit").lower()
    if which in ("next", "following") and word_before(text, m.start()) in _DURATION_LEADS - {"in"}:
        letter, clock, multiplier = UNITS.get(unit, ("D", False, 1))
        return (
            m.start(),
            m.end(),
            Fixed("DURATION", _duration_value(multiplier, letter, clock), "duration"),
        )
    if which == "next" and word_before(text, m.start()) == "in":
        return (
            m.start(),
            m.end(),
            Fixed("DURATION", _duration_value(*_unit_parts(unit)), "duration"),
        )
    offset = 1 if which in ("next", "following") else -1
    pod = PARTS_OF_DAY.get(unit)
    if pod:
        return m.start(), m.end(), Clock(day=Anaphor("day", offset), part_of_day=pod)
    return m.start(), m.end(), Anaphor(unit, offset)


_RUN_ORDINALS = (
    r"second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"(?:[2-9]|[1-9]\d)(?:st|nd|rd|th)"
)


def _build_nth_in_a_row(m: re.Match[str], text: str) -> Found | None:
    """ "a third straight day", "the fourth week in a row": the period being reported.

    The ordinal counts back from the period the sentence is about, so the expression names
    that period (a date, not a duration); "in a row" and "running" are left out of the span.
    """
    if not (m.group("adj") or m.group("row")):
        return None  # "the second day of the summit" needs its summit, not this rule
    unit = m.group("unit").lower()
    unit = "day" if unit == "session" else unit
    return m.start(), m.end("unit"), Anaphor(unit, 0, in_sentence=True)


def _build_anaphor_before_after(m: re.Match[str], text: str) -> Found | None:
    following = text[m.end() : m.end() + 2].strip()
    if following and following[0].isalnum():
        return None  # "the day after the vote"
    offset = 1 if m.group("dir").lower() == "after" else -1
    return m.start(), m.end(), Anaphor(m.group("unit").lower(), offset)


def _build_that_time(m: re.Match[str], text: str) -> Found | None:
    return m.start(), m.end(), Anaphor("period", 0)


def _build_duration(m: re.Match[str], text: str) -> Found | None:
    unit = _unit(m.group("unit"))
    following = text[m.end() : m.end() + 6].lower()
    if re.match(r"[\s-]*olds?\b", following):
        return None  # ages: "a 45-year-old", "five years old"
    if re.match(r"-(?:end|ago|earlier|to-date|on-)", following):
        return None  # "a year-end bonus", "a year-ago quarter": not a count of years
    quantity = m.group("num")
    if quantity and unit == "quarter" and re.fullmatch(r"(?:19|20)\d\d", quantity):
        # "the 1988 quarter": the quarter being reported on, in 1988.
        start = m.start()
        if text[max(0, start - 4) : start].lower() == "the ":
            start -= 4
        return start, m.end(), LatestQuarter(named_only=True, year=int(quantity))
    if quantity:
        amount = number_value(quantity)
        if quantity.lower() in ("a", "an") and text[m.end("unit") : m.end("unit") + 1] == "s":
            return None  # "a decades-long feud", "a years-old debt": no count of one
        if quantity.lower() in ("a", "an") and unit in ("second", "quarter"):
            return None  # "a second round", "a quarter of its dealers"
        if quantity.lower() in ("a", "an", "one") and unit == "quarter":
            return None
    else:
        amount = None
    if amount is not None and m.group("half"):
        amount += 0.5  # "a month and a half", "two years and a half"
    letter, clock, multiplier = UNITS[unit]
    value = _duration_value(multiplier * amount if amount is not None else None, letter, clock)
    return m.start(), m.end(), Fixed("DURATION", value, "duration")


def _build_set(m: re.Match[str], text: str) -> Found | None:
    if m.group("wd"):
        if not _is_capitalised(m.group("wd")):
            return None
        weekday = WEEKDAYS[m.group("wd").lower()] + 1
        return m.start(), m.end(), Fixed("SET", f"XXXX-WXX-{weekday}", "set-weekday")
    if m.group("pod"):
        return (
            m.start(),
            m.end(),
            Fixed("SET", f"XXXX-XX-XXT{PARTS_OF_DAY[m.group('pod').lower()]}", "set"),
        )
    unit = _unit(m.group("unit"))
    amount = number_value(m.group("num")) if m.group("num") else 1
    if m.group("other"):
        amount = 2
    letter, clock, multiplier = UNITS[unit]
    return (
        m.start(),
        m.end(),
        Fixed("SET", _duration_value(multiplier * (amount or 1), letter, clock), "set"),
    )


def _build_frequency(m: re.Match[str], text: str) -> Found | None:
    unit = _unit(m.group("unit"))
    letter, clock, multiplier = UNITS[unit]
    start = m.start("per") if m.group("qty") else m.start()
    return start, m.end(), Fixed("SET", _duration_value(multiplier, letter, clock), "set")


_ADVERB_SETS = {
    "annually": "P1Y", "annual": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W",
    "daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P1Q",
    "biannual": "P6M", "biennial": "P2Y", "fortnightly": "P2W",
}  # fmt: skip
_YEAR_MEASURES = _keys("profit profits loss losses gain gains earnings revenue revenues growth")
_ADJECTIVE_SETS = frozenset({"annual", "quarterly", "daily", "weekly", "monthly", "yearly"})


# TimeBank leaves a frequency adjective on a financial figure untagged: "its quarterly
# dividend", "average daily volume", "the annual meeting" say what a figure is, not when.
_FIGURE_NOUNS = _keys(
    "dividend dividends payout payouts distribution meeting meetings volume turnover rate "
    "rates sales report reports results interest fee fees of"
)


def _build_adverb_set(m: re.Match[str], text: str) -> Found | None:
    word = m.group(0)
    following = word_after(text, m.end()).lower()
    if word.lower() in _ADJECTIVE_SETS and following in _FIGURE_NOUNS:
        return None
    if word.lower() == "annual" and following in _YEAR_MEASURES:
        # "its first annual loss": a figure measured over a year, a DURATION in TimeML.
        return m.start(), m.end(), Fixed("DURATION", "P1Y", "duration")
    if _is_capitalised(word) and _capitalised_word_before(text, m.start()):
        return None  # "Daily Mail", "The Weekly Standard"
    if _is_capitalised(word) and _is_capitalised(word_after(text, m.end())):
        return None
    return m.start(), m.end(), Fixed("SET", _ADVERB_SETS[word.lower()], "set")


def _build_ref(m: re.Match[str], text: str) -> Found | None:
    word = " ".join(m.group(0).lower().split())
    if word == "now":
        if text[m.end() : m.end() + 1] == "-":
            return None  # "now-defunct"
        return m.start(), m.end(), Fixed("DATE", "PRESENT_REF", "present-ref")
    if word in ("currently", "nowadays", "these days", "at present", "the time being"):
        return m.start(), m.end(), Fixed("DATE", "PRESENT_REF", "present-ref")
    if word in ("recently", "lately"):
        return m.start(), m.end(), Fixed("DATE", "PAST_REF", "past-ref")
    if word == "recent":
        # TimeBank and HeidelTime tag the adjective PAST_REF ("the recent downturn"); a
        # comparison ("the most recent model") orders things rather than placing them.
        if word_before(text, m.start()) in ("most", "more", "less", "least"):
            return None
        return m.start(), m.end(), Fixed("DATE", "PAST_REF", "past-ref")
    if word.endswith(("past", "future")):
        after = word_after(text, m.end()).lower()
        if (after and after not in _FUNCTION_WORDS) or after == "of":
            return None  # "the past decisions", "the future of the alliance"
    value = "PAST_REF" if word.endswith("past") else "FUTURE_REF"  # "the near term" looks ahead
    return m.start(), m.end(), Fixed("DATE", value, value.lower().replace("_", "-"))


def _build_clock(m: re.Match[str], text: str) -> Found | None:
    clock = _clock(m)
    if clock is None:
        return None
    if not (m.group("ap") or m.group("ap2") or m.group("tz") or m.group("tzname")):
        before = word_before(text, m.start())
        after = word_after(text, m.end()).lower()
        if before not in (
            "at",
            "by",
            "until",
            "till",
            "from",
            "around",
            "about",
            "before",
            "after",
            "since",
            "to",
            "between",
            "and",
        ) and after not in ("local", "hours", "gmt", "utc", "on", "today", "yesterday", "tomorrow"):
            return None
        if re.match(r"\s*[:.]\d", text[m.end() : m.end() + 3]):
            return None
    return m.start(), m.end(), Clock(day=None, **clock)


def _build_military(m: re.Match[str], text: str) -> Found | None:
    hour, minute = int(m.group("hh")), int(m.group("mm"))
    utc = m.group("zone").lower() in ("utc", "gmt", "z")
    return m.start(), m.end(), Clock(day=None, hour=hour, minute=minute, utc=utc)


def _build_noon(m: re.Match[str], text: str) -> Found | None:
    if m.group(0).lower() == "noon":
        return m.start(), m.end(), Clock(day=None, hour=12)
    # "until midnight on Sunday" is the end of Sunday; "shortly after midnight on Sunday" its
    # first minutes.
    ends_day = word_before(text, m.start()) not in ("after", "from", "since", "past")
    return m.start(), m.end(), Clock(day=None, hour=0, ends_day=ends_day)


def _build_iso(m: re.Match[str], text: str) -> Found | None:
    try:
        day = date(int(m.group("y")), int(m.group("mo")), int(m.group("d")))
    except ValueError:
        return None
    spec = Calendar(year=day.year, month=day.month, day=day.day)
    if m.group("h"):
        hour, minute = int(m.group("h")), int(m.group("mi"))
        if hour > 23:
            return m.start(), m.start() + 10, spec
        second = int(m.group("s")) if m.group("s") else None
        return (
            m.start(),
            m.end(),
            Clock(day=spec, hour=hour, minute=minute, second=second, utc=bool(m.group("z"))),
        )
    return m.start(), m.end(), spec


def _build_numeric(m: re.Match[str], text: str) -> Found | None:
    day = parse_numeric_date(m.group(0))
    if day is None:
        return None
    return m.start(), m.end(), Calendar(year=day.year, month=day.month, day=day.day)


# Words after which a bare "3/14" is a day rather than a fraction or a score.
_NUMERIC_DAY_LEADS = frozenset(
    ["on", "since", "until", "till", "through", "before", "after", "dated", "ending", "ended"]
)


def _build_numeric_month_day(m: re.Match[str], text: str) -> Found | None:
    """ "on 3/14", "since 14/3": a year-less day, month first unless that cannot be."""
    first, second = int(m.group("a")), int(m.group("b"))
    if word_before(text, m.start()) not in _NUMERIC_DAY_LEADS or (first, second) == (24, 7):
        return None  # "cut by 1/3", "open 24/7"
    if word_after(text, m.end()).lower() == "of":
        return None  # "agreed on 1/2 of the issues": a fraction
    month, day = (first, second) if first <= 12 else (second, first)
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    year = 2001 if (month, day) == (9, 11) else None  # "since 9/11": the attacks
    return m.start(), m.end(), Calendar(year=year, month=month, day=day)


def _build_holiday(m: re.Match[str], text: str) -> Found | None:
    if not _is_capitalised(m.group("hol")):
        return None
    month, day = HOLIDAYS[" ".join(m.group("hol").lower().replace("’", "'").split())]
    year = _valid_year(m.group("year")) if m.group("year") else None
    return m.start(), m.end(), Calendar(year=year, month=month, day=day)


# What follows a holiday's name when it is not the day: "Easter Island", "Easter eggs".
_NOT_HOLIDAY_AFTER = frozenset(
    [
        "island",
        "islands",
        "rising",
        "egg",
        "eggs",
        "bunny",
        "parade",
        "sale",
        "sales",
        "weekend",
        "week",
        "season",
    ]
)


def _build_variable_holiday(m: re.Match[str], text: str) -> Found | None:
    """ "Easter", "Thanksgiving", "Labor Day 2008": a day that moves with the year."""
    name = m.group("hol")
    if not _is_capitalised(name):
        return None
    if not m.group("year") and word_after(text, m.end()).lower() in _NOT_HOLIDAY_AFTER:
        return None
    key = " ".join(name.lower().replace("’", "'").split())
    year = _valid_year(m.group("year")) if m.group("year") else None
    return m.start(), m.end(), Calendar(year=year, holiday=key)


_WEEK_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": -1, "final": -1}


def _build_week_of_month(m: re.Match[str], text: str) -> Found | None:
    """ "the first week of March", "the last week of June 2009": an ISO week."""
    if not _is_capitalised(m.group("mon")):
        return None
    week = _WEEK_ORDINALS[m.group("ord").lower()]
    month = _month_number(m.group("mon"))
    year = _valid_year(m.group("year")) if m.group("year") else None
    if m.group("year") and year is None:
        return None
    offset = {"this": 0, "last": -1, "next": 1}.get((m.group("rel") or "").lower())
    return m.start(), m.end(), Calendar(year=year, year_offset=offset, month=month, week=week)


def _build_year_end(m: re.Match[str], text: str) -> Found | None:
    """ "by year-end", "at year end": the end of the current year (TIMEX3 the year).

    "year-end 2025" is the end of 2025.
    """
    if m.group("year"):
        year = _valid_year(m.group("year"))
        return (m.start(), m.end(), Calendar(year=year, mod="late")) if year else None
    from .context import direction

    # "since year-end", "the rate was 2% at year end": a year-end gone by, last year's.
    past = word_before(text, m.start()) == "since" or direction(text, m.start(), m.end()) < 0
    return m.start(), m.end(), Relative("year", -1 if past else 0, "late")


@lru_cache(maxsize=4096)
def parse_numeric_date(candidate: str) -> date | None:
    """ "7/8/07", "21.10.2024": let dateparser settle the order (US month-first unless
    the first number cannot be a month), strictly, with every part required."""
    import dateparser  # imported lazily: loading its language data costs ~0.3 s

    first = int(re.split(r"[/.]", candidate)[0])
    order = "DMY" if first > 12 else "MDY"
    parsed = dateparser.parse(
        candidate,
        languages=["en"],
        settings={
            "DATE_ORDER": order,
            "STRICT_PARSING": True,
            "REQUIRE_PARTS": ["day", "month", "year"],
            "PREFER_DATES_FROM": "past",
        },
    )
    return parsed.date() if parsed else None


# -- helpers -------------------------------------------------------------------------------------


def _year_offset(m: re.Match[str]) -> int | None:
    rel = m.group("rel")
    return {"this": 0, "last": -1, "next": 1}[rel.lower()] if rel else None


def _mod(word: str | None) -> str | None:
    if not word:
        return None
    word = " ".join(word.lower().replace("-", " ").split())
    word = word.removeprefix("the ")
    return {
        "early": "early", "mid": "mid", "late": "late", "earlier": "earlier", "later": "later",
        "beginning": "start", "start": "start", "end": "end", "close": "end", "middle": "mid",
    }.get(word)  # fmt: skip


def _unit(word: str) -> str:
    word = word.lower()
    if word.startswith("centur"):
        return "century"
    return word[:-1] if word.endswith("s") else word


def _unit_parts(unit: str) -> tuple[float, str, bool]:
    letter, clock, multiplier = UNITS.get(unit, ("D", False, 1))
    return multiplier, letter, clock


def _duration_value(amount: float | None, letter: str, clock: bool) -> str:
    if amount is None:
        number = "X"
    elif amount == int(amount):
        number = str(int(amount))
    else:
        number = f"{amount:g}"
    return f"PT{number}{letter}" if clock else f"P{number}{letter}"


_YEAR_END_LEADS = ("by", "at", "until", "till", "before", "through", "since", "after")

# -- the rules -------------------------------------------------------------------------------------

_MOD = r"(?:(?P<mod>early|mid|late)(?:-|\s+))?"

RULES: tuple[Rule, ...] = (
    Rule(
        "iso-date",
        _compile(
            r"(?<![\w/.-])(?P<y>[12]\d{3})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::(?P<s>[0-5]\d))?(?P<z>Z)?)?(?![\w-]|[.:]\d)"
        ),
        _build_iso,
        0,
        keys=_keys("#year"),
    ),
    Rule(
        "numeric-date",
        _compile(r"(?<![\w/.,-])\d{1,2}([/.])\d{1,2}\1(?:\d{4}|\d{2})(?![\w/-]|[.,]\d)"),
        _build_numeric,
        0,
        keys=_keys("#num"),
    ),
    Rule(
        "numeric-month-day",
        _compile(r"(?<![\w/.,$-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\w/%-]|[.,]\d)"),
        _build_numeric_month_day,
        0,
        keys=_keys("#num"),
    ),
    Rule(
        "month-day",
        _compile(
            _WEEKDAY_PREFIX
            + _month("mon")
            + r"\s+(?:the\s+)?"
            + _day("day")
            + _DAY_YEAR
            + _TIME_SUFFIX
        ),
        _build_month_day,
        0,
        keys=_MONTH_KEYS,
    ),
    Rule(
        "day-month",
        _compile(
            _WEEKDAY_PREFIX
            + r"(?<![\d,.$])"
            + _day("day")
            + r"\s+(?:of\s+)?"
            + _month("mon")
            + _DAY_YEAR
            + _TIME_SUFFIX
        ),
        _build_month_day,
        0,
        keys=_MONTH_KEYS,
    ),
    Rule(
        "month-day-range",
        _compile(
            r"\b"
            + _month("mon")
            + r"\s+"
            + _day("d1")
            + rf"\s*(?:{_DASH}|and|to|through|until|till)\s*"
            + _day("d2")
            + _DAY_YEAR
        ),
        _build_day_range,
        0,
        keys=_MONTH_KEYS,
    ),
    Rule(
        "day-month-range",
        _compile(
            r"\b(?<![\d,.$])"
            + _day("d1")
            + rf"\s*(?:{_DASH}|and|to|through|until|till)\s*"
            + _day("d2")
            + r"\s+(?:of\s+)?"
            + _month("mon")
            + _DAY_YEAR
        ),
        _build_day_range,
        0,
        keys=_MONTH_KEYS,
    ),
    Rule(
        "month-year",
        _compile(
            r"\b"
            + _MOD
            + _month("mon")
            + rf",?\s+(?:of\s+)?(?:{_year('year')}|(?P<rel>this|last|next)\s+year\b)"
        ),
        _build_month_year,
        0,
        keys=_MONTH_KEYS,
    ),
    Rule(
        "month",
        _compile(rf"\b(?:(?P<which>last|this|next)\s+|{_MOD})?" + _month("mon")),
        _build_month,
        2,
        keys=_MONTH_KEYS,
    ),
    Rule(
        "year-range",
        _compile(
            r"(?:\b(?P<lead>between|from)\s+)?(?<![\w$£€#.,/-])"
            + _year("y1")
            + rf"\s*(?P<conn>{_DASH}|and|to|until|till|through)\s*"
            + r"(?P<y2>[12]\d{3}|\d{2})\b(?![\d%])"
        ),
        _build_year_range,
        0,
        keys=_keys("#year"),
    ),
    Rule(
        "year",
        _compile(
            rf"(?<![\w$£€#.,/'’-]){_MOD}(?P<year>[12]\d{{3}})(?P<poss>{_APOSTROPHE}s)?(?![\w%]|[.,/:-]\d)"
        ),
        _build_year,
        3,
        keys=_keys("#year"),
    ),
    Rule(
        "century",
        _compile(
            rf"\b(?:the\s+)?{_MOD}(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|twenty[\s-](?:first|second)|"
            + "|".join(_ORDINAL_WORDS)
            + r")[\s-]+century\b"
        ),
        _build_century,
        0,
        keys=_keys("century"),
    ),
    Rule(
        "fiscal-year",
        _compile(
            r"\b(?:(?P<pos>(?:the\s+)?(?:very\s+)?(?:beginning|start|middle|end|close)\s+of\s+)?"
            r"(?P<rel>this|the\s+current|current|last|the\s+last|the\s+previous|"
            r"the\s+prior|previous|prior|next|the\s+next|the\s+coming|the\s+new|the|its)\s+"
            r"(?:fiscal|financial)[\s-]year\b(?!\s+(?:19|20)\d\d)|"
            r"(?:fiscal[\s-](?:year\s+)?|financial[\s-]year\s+|FY\s?)(?P<year>(?:19|20)\d\d)\b|"
            r"(?:fiscal\s+['’]|FY\s?['’]?)(?P<yy>\d\d)\b)"
        ),
        _build_fiscal,
        0,
        keys=_keys("fiscal financial fy"),
    ),
    Rule(
        "year-earlier",
        _compile(
            r"\b(?P<adj>year-(?:earlier|ago))\s+(?:(?:first|second|third|fourth|same)\s+)?"
            r"(?P<head>[a-z]+)\b"
        ),
        _build_year_earlier,
        0,
        keys=_keys("earlier ago"),
    ),
    Rule(
        "decade",
        _compile(
            rf"(?:\b(?P<the>the)\s+)?{_MOD}(?:(?P<dec4>[12]\d{{2}}0)|(?P<apos>{_APOSTROPHE})?"
            rf"(?P<dec2>[3-9]0)){_APOSTROPHE}?s\b"
        ),
        _build_decade,
        0,
        keys=_keys("#decade #year"),
    ),
    Rule(
        "quarter",
        _compile(
            r"(?:\bthe\s+)?\b(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+"
            r"(?:fiscal\s+)?quarter\b(?:\s+of\s+(?:"
            + _year("year")
            + r"|(?P<rel>this|last|next|the)\s+year\b"
            r"|(?P<fyrel>the|this|its|the\s+current)\s+(?:fiscal|financial)[\s-]year\b))?"
            r"|\bQ(?P<q>[1-4])(?:\s+|-|\s*['’])?(?P<year2>[12]\d{3}|\d{2})?\b"
        ),
        lambda m, text: _build_quarter_any(m, text),
        0,
        keys=_keys("quarter q1 q2 q3 q4"),
    ),
    Rule(
        "latest-quarter",
        _compile(
            r"\b(?:the\s+)?(?P<latest>latest|most\s+recent|just[-\s]ended|just[-\s]completed)"
            r"\s+(?:fiscal\s+)?(?P<head>quarter|period)\b|\bthe\s+quarter\b(?!\s+of\b|-)"
        ),
        _build_latest_quarter,
        1,
        keys=_keys("quarter period"),
    ),
    Rule(
        "year-quarter",
        _compile(
            r"(?:\bthe\s+)?\b(?:(?P<year>[12]\d{3})|(?P<rel>this|last|next)\s+year['’]s)\s+"
            r"(?P<ord>first|second|third|fourth)[\s-]+quarter\b"
        ),
        _build_year_quarter,
        0,
        keys=_keys("quarter"),
    ),
    Rule(
        "half",
        _compile(
            r"(?:\bthe\s+)?\b(?P<ord>first|second|1st|2nd)\s+half\s+of\s+(?:"
            + _year("year")
            + r"|(?P<rel>this|last|next|the)\s+year\b)|\bH(?P<hn>[12])\s+(?P<year2>[12]\d{3})\b"
        ),
        lambda m, text: _build_half_any(m, text),
        0,
        keys=_keys("half h1 h2"),
    ),
    Rule(
        "season",
        _compile(
            rf"\b(?:(?P<which>this|last|next)\s+|{_MOD})?(?P<season>spring|summer|autumn|fall|winter)\b"
            rf"(?:,?\s+(?:of\s+)?{_year('year')}|\s+of\s+(?P<rel>this|last|next)\s+year\b)?"
        ),
        _build_season,
        1,
        keys=_keys("spring summer autumn fall winter"),
    ),
    Rule(
        "today",
        _compile(
            r"\b(?:(?:earlier|later|early|late)\s+)?(?:the\s+day\s+(?P<pair>before\s+yesterday|after\s+tomorrow)|"
            r"(?P<word>today|yesterday|tomorrow|tonight|this|last))\b"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        ),
        lambda m, text: _build_today_any(m, text),
        0,
        keys=_keys("today yesterday tomorrow tonight morning afternoon evening night"),
    ),
    Rule(
        "relative",
        _compile(
            r"\b(?:(?P<the>the)\s+)?(?:(?P<mod>earlier|later|early|late|mid)(?:-|\s+))?"
            r"(?P<which>this\s+past|this|last|next|past|coming|current)\s+"
            r"(?P<unit>week|weekend|month|year|quarter|decade|century)\b"
        ),
        _build_relative,
        0,
        keys=_keys("week weekend month year quarter decade century"),
    ),
    Rule(
        "weekday",
        _compile(
            r"\b(?:(?P<which>last|this\s+past|this|next|coming|past)\s+|(?P<mod>early|late)\s+)?"
            r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
            rf"(?:{_APOSTROPHE}s)?\b(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?"
        ),
        _build_weekday,
        1,
        keys=_keys("monday tuesday wednesday thursday friday saturday sunday"),
    ),
    Rule(
        "anaphor-weekday",
        _compile(
            r"\bthe\s+(?P<which>following|previous|preceding|prior)\s+"
            r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night)\b)?"
        ),
        _build_anaphor_weekday,
        0,
        keys=_keys("monday tuesday wednesday thursday friday saturday sunday"),
    ),
    Rule(
        "day-of-month",
        _compile(r"\bthe\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)\b(?![-\w])"),
        _build_day_of_month,
        1,
        keys=_keys("#num"),
    ),
    Rule(
        "weekend",
        _compile(
            r"\b(?:(?P<which>this\s+past|this|last|next|past|coming)\s+|the\s+)(?P<w>weekend)\b"
        ),
        _build_weekend,
        1,
        keys=_keys("weekend"),
    ),
    Rule(
        "boundary",
        _compile(
            r"\b(?:the\s+)?(?P<pos>beginning|start|end|middle|close)\s+of\s+(?:"
            + _year("year")
            + r"|"
            + _month("mon")
            + rf"(?:,?\s+{_year('year2')})?"
            + r"|(?P<rel>the|this|last|next)\s+"
            + r"(?P<unit>day|week|month|year|quarter|decade|century)\b)"
        ),
        _build_boundary,
        0,
        keys=_keys("beginning start end middle close"),
    ),
    Rule(
        "offset",
        _compile(
            rf"\b(?:(?P<num>{_NUMBER}|several|a\s+few|few|many|some)[\s-]+)?{_UNIT}\s+"
            r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence)\b"
        ),
        _build_offset,
        0,
        keys=_keys("ago earlier later before after hence now"),
    ),
    Rule(
        "in-future",
        _compile(rf"\bin\s+(?P<num>{_NUMBER})\s+{_UNIT}\b(?!\s*(?:-|old|ago|later|earlier))"),
        _build_in_future,
        1,
        keys=_UNIT_KEYS,
    ),
    Rule(
        "anaphor",
        _compile(
            r"\b(?P<det>that|the)\s+(?:very\s+)?(?P<same>same\s+)?"
            r"(?P<unit>day|week|month|year|morning|afternoon|evening|night)\b"
        ),
        _build_anaphor,
        1,
        keys=_keys("day week month year morning afternoon evening night"),
    ),
    Rule(
        "anaphor-step",
        _compile(
            r"\bthe\s+(?P<which>next|following|previous|preceding|prior)\s+"
            r"(?P<unit>day|week|month|year|quarter|morning|afternoon|evening|night)\b"
        ),
        _build_anaphor_step,
        0,
        keys=_keys("next following previous preceding prior"),
    ),
    Rule(
        "nth-in-a-row",
        _compile(
            rf"\b(?:(?:a|the)\s+)?(?:{_RUN_ORDINALS})\s+"
            r"(?:(?P<adj>consecutive|straight|successive)\s+)?(?:trading\s+)?"
            r"(?P<unit>day|session|week|month|quarter|year)\b"
            r"(?P<row>\s+(?:in\s+a\s+row|running)\b)?"
        ),
        _build_nth_in_a_row,
        0,
        keys=_keys("consecutive straight successive running row"),
    ),
    Rule(
        "anaphor-before-after",
        _compile(r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|previous)\b"),
        _build_anaphor_before_after,
        0,
        keys=_keys("before after previous"),
    ),
    Rule(
        "duration",
        _compile(
            rf"\b(?:the\s+(?:past|last|next|coming|first|previous|following)\s+)?"
            rf"(?P<num>{_NUMBER})[\s-]+(?:(?:straight|consecutive|more|additional|full|whole|"
            rf"trading|business|working|calendar)\s+)?{_UNIT}\b(?P<half>\s+and\s+a\s+half\b)?"
            r"(?:-long)?"
        ),
        _build_duration,
        5,
        keys=_UNIT_KEYS,
    ),
    Rule(
        "vague-duration",
        _compile(
            rf"\b(?P<span>{_VAGUE}\s+(?P<unit>seconds|minutes|hours|days|weeks|months|years|"
            r"decades|centuries))\b|\b(?:for|in|over|within|after)\s+(?:just\s+|only\s+|mere\s+)?(?P<span2>(?P<unit2>minutes|"
            r"hours|days|weeks|months|years|decades))\b(?!\s+(?:ago|old))|\b(?P<span3>(?P<unit3>decades|years|"
            r"months)-long)\b|"
            # "decades in the making", "decades of war": a count of decades, all the same
            r"(?<!\d\s)\b(?P<span4>(?P<unit4>decades))\b(?![\s-]+(?:old|ago|later|earlier))"
        ),
        lambda m, text: _build_vague_any(m, text),
        4,
        keys=_UNIT_KEYS,
    ),
    Rule(
        "set",
        _compile(
            r"\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?:(?P<num>"
            + _NUMBER
            + r")\s+)?"
            + _UNIT
            + r"|(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
            r"(?P<pod>morning|afternoon|evening|night))\b"
        ),
        _build_set,
        0,
        keys=_keys("every each"),
    ),
    Rule(
        "frequency",
        _compile(
            r"\b(?:(?P<times>once|twice|thrice|(?:\w+)\s+times)\s+|(?P<qty>(?<=\d\s)|(?<=%\s)))"
            r"(?P<per>a|an|per|each|every)\s+(?P<unit>second|minute|hour|day|week|month|year)\b"
        ),
        _build_frequency,
        0,
        keys=_UNIT_KEYS,
    ),
    Rule(
        "adverb-set",
        _compile(r"\b(?:" + "|".join(_ADVERB_SETS) + r")\b"),
        _build_adverb_set,
        1,
        keys=frozenset(_ADVERB_SETS),
    ),
    Rule(
        "ref",
        _compile(
            r"\b(?:now|currently|nowadays|recent(?:ly)?|lately|these\s+days|at\s+present|"
            r"the\s+(?:(?:near|distant|foreseeable|recent)\s+)?(?:future|past)|"
            r"the\s+time\s+being|the\s+(?:near|long|short)\s+term)\b"
        ),
        _build_ref,
        2,
        keys=_keys(
            "now currently recent recently lately nowadays days present future past being term"
        ),
    ),
    Rule(
        "clock",
        _compile(r"(?<![\w:.,$£€-])" + _CLOCK + r"(?![\w:]|[.,]\d)"),
        _build_clock,
        1,
        keys=_keys("#num"),
    ),
    Rule(
        "military-time",
        _compile(
            r"(?<![\w:.,-])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?P<zone>utc|gmt|z|hours|hrs)\b"
        ),
        _build_military,
        0,
        keys=_keys("utc gmt hours hrs z"),
    ),
    Rule(
        "apostrophe-year",
        _compile(r"(?<![\w'’])['’](?P<yy>\d{2})\b(?![’'\w])"),
        lambda m, text: _build_short_year(m, text),
        2,
        keys=_keys("#num"),
    ),
    Rule(
        "the-day",
        _compile(
            r"\b(?:(?P<lead>end|ends|ended|ending|finish|finished|finishing|close|closed|closing|"
            r"for)\s+)(?P<span>the\s+day)\b|"
            r"\b(?P<span2>(?:later|earlier|late|early)\s+in\s+the\s+(?P<unit>day|week|month|year))\b"
        ),
        lambda m, text: _build_the_day(m, text),
        1,
        keys=_keys("day week month year"),
    ),
    Rule(
        "same-period-last-year",
        _compile(
            r"\b(?:the|that)\s+same\s+(?P<unit>day|week|month|quarter|period|season|time)\s+"
            r"(?:of\s+)?(?:a\s+year\s+(?:ago|earlier|before)|(?:the\s+)?(?:last|previous|prior)\s+year)\b"
        ),
        lambda m, text: _build_same_period(m, text),
        0,
        keys=_keys("same"),
    ),
    Rule(
        "over-the-years",
        _compile(r"\bover\s+the\s+(?P<unit>years|decades|months|weeks)\b"),
        lambda m, text: (
            m.start(),
            m.end(),
            Fixed(
                "DURATION",
                _duration_value(None, UNITS[_unit(m.group("unit"))][0], False),
                "duration-vague",
            ),
        ),
        1,
        keys=_keys("over"),
    ),
    Rule(
        "that-time",
        _compile(r"\bthat\s+time\b"),
        _build_that_time,
        1,
        keys=_keys("time"),
    ),
    Rule(
        "single-day",
        _compile(r"\bsingle[\s-](?P<unit>day|week|month|year|session)\b"),
        lambda m, text: (
            m.start(),
            m.end(),
            Fixed("DURATION", "P1" + UNITS.get(m.group("unit").lower(), ("D",))[0], "duration"),
        ),
        1,
        keys=_keys("single"),
    ),
    Rule(
        "noon",
        _compile(r"\b(?:noon|midnight)\b"),
        _build_noon,
        1,
        keys=_keys("noon midnight"),
    ),
    Rule(
        "holiday",
        _compile(
            r"\b(?P<hol>"
            + "|".join(
                re.escape(name).replace("'", "['’]")
                for name in sorted(HOLIDAYS, key=len, reverse=True)
            )
            + rf")\b(?:,?\s+{_year('year')})?"
        ),
        _build_holiday,
        1,
        keys=_keys("christmas year boxing valentine halloween independence"),
    ),
    Rule(
        "variable-holiday",
        _compile(
            r"\b(?P<hol>"
            + "|".join(
                re.escape(name).replace("'", "['’]?").replace(r"\ ", r"\s+")
                for name in sorted(VARIABLE_HOLIDAYS, key=len, reverse=True)
            )
            + rf")\b(?:,?\s+{_year('year')})?"
        ),
        _build_variable_holiday,
        1,
        keys=_keys(
            "easter good palm ash mardi pentecost thanksgiving black cyber memorial labor "
            "columbus king presidents mother father"
        ),
    ),
    Rule(
        "week-of-month",
        _compile(
            r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|last|final)\s+week\s+(?:of|in)\s+"
            rf"(?P<mon>(?:{_FULL_MONTHS})\b|(?:{_ABBR_MONTHS})\b\.?)"
            rf"(?:,?\s+{_year('year')}|\s+(?P<rel>this|last|next)\s+year\b)?"
        ),
        _build_week_of_month,
        0,
        keys=_keys("week"),
    ),
    Rule(
        "year-end",
        _compile(
            r"\b(?:"
            + "|".join(rf"(?<=\b{lead}\s)" for lead in _YEAR_END_LEADS)
            + r")(?:the\s+)?year[\s-]end\b(?:,?\s+(?P<year>[12]\d{3})\b)?"
        ),
        _build_year_end,
        1,
        keys=_keys("end"),
    ),
)


def _build_quarter_any(m: re.Match[str], text: str) -> Found | None:
    if m.group("q"):
        quarter = int(m.group("q"))
        year_text = m.group("year2")
        if not m.group(0).startswith("Q"):
            return None  # lower-case "q3" is seldom a quarter
        if year_text:
            year = int(year_text) if len(year_text) == 4 else 2000 + int(year_text)
            return m.start(), m.end(), Calendar(year=year, quarter=quarter)
        return m.start(), m.end(), Calendar(quarter=quarter)
    return _build_quarter(m, text)


def _build_half_any(m: re.Match[str], text: str) -> Found | None:
    if m.group("hn"):
        return m.start(), m.end(), Calendar(year=int(m.group("year2")), half=int(m.group("hn")))
    return _build_half(m, text)


def _build_today_any(m: re.Match[str], text: str) -> Found | None:
    if m.group("pair"):
        offset = -2 if m.group("pair").lower().startswith("before") else 2
        return m.start(), m.end(), Relative("day", offset)
    return _build_today(m, text)


def _build_vague_any(m: re.Match[str], text: str) -> Found | None:
    for span, unit in (
        ("span", "unit"),
        ("span2", "unit2"),
        ("span3", "unit3"),
        ("span4", "unit4"),
    ):
        if m.group(span):
            word = _unit(m.group(unit))
            letter, clock, _ = UNITS[word]
            if word == "decade":
                letter = "DE"
            value = _duration_value(None, letter, clock)
            return m.start(span), m.end(span), Fixed("DURATION", value, "duration-vague")
    return None


def _build_short_year(m: re.Match[str], text: str) -> Found | None:
    """ "since '82": a two-digit year after a date preposition or a month."""
    before = word_before(text, m.start())
    if before not in _STRONG_MONTH_CONTEXT and before not in MONTHS:
        return None
    year = int(m.group("yy"))
    return m.start(), m.end(), Calendar(year=(1900 if year > 30 else 2000) + year)


def _build_the_day(m: re.Match[str], text: str) -> Found | None:
    """ "ended the day", "late in the day": the day last mentioned (market reports).

    "earlier in the week", "later in the month" are likewise the week or month the text
    is about: the last one mentioned, else the document's.
    """
    span = "span" if m.group("span") else "span2"
    return m.start(span), m.end(span), Anaphor((m.group("unit") or "day").lower(), 0)


def _build_same_period(m: re.Match[str], text: str) -> Found | None:
    unit = m.group("unit").lower()
    unit = "period" if unit in ("period", "season", "time") else unit
    return m.start(), m.end(), Anaphor(unit, 0, years=-1)
