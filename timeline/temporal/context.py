"""Reading the words around a match: tense, sentence bounds, the word before."""

from __future__ import annotations

import re

# A full stop before a lower-case word ends an abbreviation, not a sentence: "7 a.m. on".
_SENTENCE_END = re.compile(r"[.!?]\s(?![ \t]*[a-z])|\n")
# Checked before the past cues: "was expected to arrive on Friday" looks ahead.
_FUTURE = re.compile(
    r"\b(?:(?:will|would|shall|should|could|may|might|to|going to)\s+(?:not\s+)?be\s+\w+|"
    r"will|won't|shall|would|going to|plans?|planned|planning|scheduled|set (?:to|for)|slated|"
    r"expected|"
    r"expects?|due|intends?|aims? to|hopes? to|wants? to|seeks? to|forecast|to be|is to|"
    r"are to|could|may|might|should|upcoming|until|till|next|tomorrow|coming|later|proposed|"
    r"begins?|starts?|opens?|"
    # the present of a scheduled event: "the hearing resumes on Tuesday"
    r"resumes|reopens|convenes|meets|expires|kicks off|takes (?:effect|place|office)|"
    r"goes ahead|heads|travels|visits)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|ago|since|earlier|last|previously|yesterday|began|met|said|"
    r"held|took|came|went|made|saw|left|won|lost|told|sent|signed|"
    # irregular past tenses common in news ("shares rose", "sales fell", "the bank paid")
    r"rose|fell|grew|sank|slid|shrank|gave|got|paid|sold|bought|led|became|brought|thought|"
    r"spoke|wrote|found|kept|ran|stood|struck|spent|lent|drew|fought|caught|meant|felt|heard|"
    r"knew|chose|broke|flew|threw|shook|sought|swung|built|dealt|fled|stole|forgot|"
    r"\w{3,}(?<!e)ed)\b",
    re.IGNORECASE,
)
# "a day later than planned", "as expected": a comparison with what was foreseen says
# nothing about which way the clause looks, so its words are no tense cues.
_COMPARISON = re.compile(
    r"\b(?:(?:earlier|later|sooner)\s+)?(?:than|as)\s+(?:(?:originally|initially|previously|"
    r"first|widely|had|has|have|was|were|been|it|they)\s+)*(?:planned|expected|scheduled|"
    r"forecast|predicted|anticipated|hoped|feared|promised|intended|projected|estimated|"
    r"usual|normal|before)\b|\b(?:earlier|later|sooner)\s+than\b",
    re.IGNORECASE,
)
# Verbs that report rather than govern: in "officials said the bridge reopens on May 2"
# the date belongs to "reopens", whatever "said" says.
_REPORTING = frozenset(
    {"said", "says", "told", "added", "announced", "reported", "stated", "noted", "confirmed",
     "explained", "wrote", "warned", "claimed", "insisted", "argued"}
)  # fmt: skip
# "since March 17", "March 17 until now": a start reaching to the present, so not after it.
_UNTIL_NOW = re.compile(r",?\s*(?:(?:until|till|up\s+to)\s+now|to\s+date|so\s+far)\b", re.I)
_CLAUSE_BREAK = re.compile(r"[;:()—–]|,(?!\d)")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z'-]*)\W*$")
_WORD_AFTER = re.compile(r"^\W*?([A-Za-z][A-Za-z'-]*)")


def sentence_start(text: str, position: int) -> int:
    """Offset where the sentence holding `position` starts (a cheap look back, 200 chars)."""
    window_start = max(0, position - 200)
    last = window_start
    for match in _SENTENCE_END.finditer(text, window_start, position):
        last = match.end()
    return last


def sentence_end(text: str, position: int) -> int:
    match = _SENTENCE_END.search(text, position, position + 200)
    return match.start() + 1 if match else min(len(text), position + 200)


def direction(text: str, start: int, end: int) -> int:
    """+1 if the clause around [start, end) looks ahead, -1 if it looks back, else 0.

    The nearest tense cue wins: in "said on Friday that troops will go" the past "said"
    is closer to "Friday" than "will".
    """
    before_start = max(sentence_start(text, start), start - 120)
    after_end = min(sentence_end(text, end), end + 60)
    compared = [m.span() for m in _COMPARISON.finditer(text, before_start, after_end)]
    # Cues in the date's own clause come first: in "the line, shut since the floods in
    # January, will reopen in April" January goes with "shut since", not "will".
    clause_start, clause_end = before_start, after_end
    for match in _CLAUSE_BREAK.finditer(text, before_start, start):
        clause_start = match.end()
    match = _CLAUSE_BREAK.search(text, end, after_end)
    if match:
        clause_end = match.start()
    best = _nearest_cue(text, clause_start, start, end, clause_end, compared)
    if best == 0 and (clause_start, clause_end) != (before_start, after_end):
        best = _nearest_cue(text, before_start, start, end, after_end, compared)
    return best


def _nearest_cue(
    text: str, before_start: int, start: int, end: int, after_end: int, compared: list
) -> int:
    before_distance, before = 10**6, 0
    after_distance, after = 10**6, 0
    for pattern, sign in ((_FUTURE, 1), (_PAST, -1)):
        for match in pattern.finditer(text, before_start, start):
            if start - match.end() < before_distance and not _inside(match, compared):
                before_distance, before = start - match.end(), sign
        for match in pattern.finditer(text, end, after_end):
            if _inside(match, compared):
                continue
            if match.start() - end < after_distance:
                after_distance, after = match.start() - end, sign
            break
    # At equal distance the verb before governs: "said on Wednesday it would cut".
    return before if before_distance <= after_distance else after


def _inside(match: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(start <= match.start() and match.end() <= end for start, end in spans)


def word_before(text: str, position: int, span: int = 40) -> str:
    """The word ending just before `position` (lower case), skipping spaces and punctuation."""
    match = _WORD_BEFORE.search(text[max(0, position - span) : position])
    return match.group(1).lower() if match else ""


def words_before(text: str, position: int, count: int = 2) -> list[str]:
    """Up to `count` words right before `position`, nearest last, lower case."""
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text[max(0, position - 60) : position])
    return [word.lower() for word in words[-count:]]


def word_after(text: str, position: int) -> str:
    """The word right after `position`, case kept, "" if punctuation intervenes."""
    match = _WORD_AFTER.match(text[position : position + 40])
    if not match:
        return ""
    if re.search(r"[^\s]", text[position : position + match.start(1)]):
        return ""
    return match.group(1)


def looks_back(text: str, start: int, end: int) -> bool:
    """True if the date at [start, end) can only be in the past.

    "since March 17", "March 17 until now", or a past or perfect verb that governs it:
    "was shut on March 17", "cars returned March 17", "On March 17, cars returned". The
    verb must be a few words away on the date's side of any comma; reporting verbs ("said")
    and other prepositions ("declared for Christmas", "closed until May 2") do not count.
    """
    before = word_before(text, start)
    if before == "since" or _UNTIL_NOW.match(text, end, end + 20):
        return True
    lead = text[sentence_start(text, start) : start]
    if before == "on" and re.fullmatch(r"\W*on\s+", lead, re.IGNORECASE):
        return _first_cue(text[end : end + 60]) < 0  # "On March 17, cars returned"
    words = re.split(r"[,;:(]", text[max(0, start - 60) : start])[-1].split()[-5:]
    if before == "on":
        return _last_cue(" ".join(words)) < 0
    # "cars returned March 17", not "will be held March 24"; a copula does not govern
    # ("the deadline was March 20").
    if not words or words[-1].lower() != before or before in ("was", "were"):
        return False
    phrase = " ".join(words)
    cues = _cues(phrase)
    return bool(cues) and cues[-1] == (len(phrase) - len(before), -1)  # the verb, in the past


def _last_cue(words: str) -> int:
    """+1/-1 for the last tense cue in `words` (reporting verbs aside), 0 for none."""
    cues = _cues(words)
    return cues[-1][1] if cues else 0


def _first_cue(after: str) -> int:
    clause = re.split(r"[;:(.!?]", after)[0]
    cues = _cues(" ".join(clause.split()[:5]))
    return cues[0][1] if cues else 0


def _cues(words: str) -> list[tuple[int, int]]:
    ahead = [m.span() for m in _FUTURE.finditer(words)]
    cues = [(start, 1) for start, _ in ahead]
    for match in _PAST.finditer(words):
        # "will be held", "may now be signed": the participle belongs to a future.
        if (
            match.group().lower() not in _REPORTING
            and not any(start <= match.start() < end for start, end in ahead)
            and not re.search(r"\bbe\s+$", words[: match.start()], re.IGNORECASE)
        ):
            cues.append((match.start(), -1))
    return sorted(cues)
