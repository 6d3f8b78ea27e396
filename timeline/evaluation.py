"""Score a story's events against a gold list: which real events were found, with the
right interval and sources, which were found twice, and which proposals are noise.

Gold format (JSON)::

    {"story": "slug",
     "articles": {"000_b665.txt": "<sha256 of the text>", ...},   # optional, see below
     "events": [{"title": "South Korea summons the Russian ambassador",
                 "date_start": "2024-10-21", "date_end": "2024-10-21", "granularity": "day",
                 "headline": true,                      # optional: must be found exactly once
                 "sources": ["000_b665.txt", ...],       # articles that report it
                 "keywords": ["summon", "ambassador"],   # words a matching event mentions
                 "quotes": {"000_b665.txt": "South Korea has summoned"}}]}  # optional openings

A proposed event matches a gold event when their intervals overlap and it either cites
one of the gold quotes or mentions at least half of the keywords. Sources are article
files; they are recognised by content hash, from "articles" or, when that is missing,
from a manifest.json next to the gold file.

Every title is checked too, gold or not: the share of titles that are a clause a reader
understands alone (a named or described subject, a finite verb, not cut short), with
each failure and why (see `timeline.titles.clause_problem`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from articles.models import Story, content_hash
from timeline.keywords import content_tokens
from timeline.models import Event
from timeline.titles import clause_problem


class GoldError(ValueError):
    """The gold file cannot be read; the message is one line."""


@dataclass
class GoldEvent:
    title: str
    date_start: date
    date_end: date
    granularity: str
    sources: list[str]
    keywords: list[str]
    quotes: dict[str, str] = field(default_factory=dict)
    headline: bool = False


@dataclass
class Gold:
    story: str | None
    events: list[GoldEvent]
    articles: dict[str, str]  # source name → content hash


@dataclass
class GoldRow:
    gold: GoldEvent
    matches: list[Event] = field(default_factory=list)
    sources_found: set[str] = field(default_factory=set)

    @property
    def found(self) -> bool:
        return bool(self.matches)

    @property
    def exact(self) -> bool:
        return any(
            (e.date_start, e.date_end) == (self.gold.date_start, self.gold.date_end)
            for e in self.matches
        )

    @property
    def duplicates(self) -> int:
        return max(0, len(self.matches) - 1)

    @property
    def complete(self) -> bool:
        """Found once, with the exact interval and a citation from every source."""
        return (
            len(self.matches) == 1 and self.exact and self.sources_found >= set(self.gold.sources)
        )


@dataclass
class TitleCheck:
    checked: int
    failures: list[tuple[Event, str]]  # each failing event with what its title lacks

    @property
    def clauses(self) -> int:
        return self.checked - len(self.failures)

    @property
    def share(self) -> float:
        return _ratio(self.clauses, self.checked)

    def to_dict(self) -> dict:
        return {
            "checked": self.checked,
            "clauses": self.clauses,
            "share": self.share,
            "failures": [
                {"id": e.pk, "title": e.title, "problem": problem} for e, problem in self.failures
            ],
        }

    def format(self) -> str:
        lines = [
            f"titles: {self.clauses}/{self.checked} ({self.share:.0%}) are a clause a reader "
            "understands alone"
        ]
        lines += [f"  ✗ {_cut(e.title, 70):70} {problem}" for e, problem in self.failures]
        return "\n".join(lines)


def check_titles(events: list[Event]) -> TitleCheck:
    failures = [(e, problem) for e in events if (problem := clause_problem(e.title))]
    return TitleCheck(checked=len(events), failures=failures)


def reviewable_events(story: Story) -> list[Event]:
    """The story's events an evaluation looks at: proposed and approved ones."""
    return list(
        Event.objects.for_story(story)
        .filter(status__in=[Event.Status.PROPOSED, Event.Status.APPROVED])
        .prefetch_related("citations__article")
    )


@dataclass
class Evaluation:
    rows: list[GoldRow]
    noise: list[Event]
    proposed: int
    titles: TitleCheck = field(default_factory=lambda: TitleCheck(checked=0, failures=[]))

    @property
    def recall(self) -> float:
        return _ratio(sum(r.found for r in self.rows), len(self.rows))

    @property
    def exact_recall(self) -> float:
        return _ratio(sum(r.exact for r in self.rows), len(self.rows))

    @property
    def precision(self) -> float:
        return _ratio(self.proposed - len(self.noise), self.proposed)

    @property
    def noise_rate(self) -> float:
        return len(self.noise) / self.proposed if self.proposed else 0.0

    @property
    def duplicates(self) -> int:
        return sum(r.duplicates for r in self.rows)

    @property
    def source_recall(self) -> float:
        wanted = sum(len(r.gold.sources) for r in self.rows)
        return _ratio(sum(len(r.sources_found & set(r.gold.sources)) for r in self.rows), wanted)

    def to_dict(self) -> dict:
        return {
            "recall": self.recall,
            "exact_recall": self.exact_recall,
            "precision": self.precision,
            "noise": self.noise_rate,
            "duplicates": self.duplicates,
            "source_recall": self.source_recall,
            "proposed": self.proposed,
            "gold": [
                {
                    "title": r.gold.title,
                    "found": r.found,
                    "exact": r.exact,
                    "complete": r.complete,
                    "headline": r.gold.headline,
                    "events": [e.pk for e in r.matches],
                    "sources_found": sorted(r.sources_found),
                    "sources_missing": sorted(set(r.gold.sources) - r.sources_found),
                }
                for r in self.rows
            ],
            "noise_events": [{"id": e.pk, "title": e.title} for e in self.noise],
            "titles": self.titles.to_dict(),
        }


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def load_gold(path: Path | str) -> Gold:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        events = [
            GoldEvent(
                title=item["title"],
                date_start=date.fromisoformat(item["date_start"]),
                date_end=date.fromisoformat(item["date_end"]),
                granularity=item.get("granularity", ""),
                sources=list(item.get("sources", [])),
                keywords=list(item.get("keywords") or _default_keywords(item["title"])),
                quotes=dict(item.get("quotes", {})),
                headline=bool(item.get("headline", False)),
            )
            for item in data["events"]
        ]
    except OSError as error:
        raise GoldError(f"{path}: cannot read ({error.strerror or error})") from None
    except json.JSONDecodeError as error:
        raise GoldError(f"{path}: not valid JSON (line {error.lineno})") from None
    except (KeyError, TypeError, ValueError) as error:
        raise GoldError(f"{path}: not a gold file ({type(error).__name__}: {error})") from None
    articles = data.get("articles") or _hashes_from_manifest(path.parent / "manifest.json")
    return Gold(story=data.get("story"), events=events, articles=articles)


def _default_keywords(title: str) -> list[str]:
    return sorted(content_tokens(title))


def _hashes_from_manifest(manifest: Path) -> dict[str, str]:
    if not manifest.exists():
        return {}
    entries = json.loads(manifest.read_text(encoding="utf-8"))["articles"]
    return {
        entry["file"]: content_hash((manifest.parent / entry["file"]).read_text(encoding="utf-8"))
        for entry in entries
    }


def evaluate(*, story: Story, gold: Gold) -> Evaluation:
    events = reviewable_events(story)
    source_of = {digest: name for name, digest in gold.articles.items()}
    rows = [GoldRow(gold=g) for g in gold.events]
    noise = []
    for event in events:
        best = max(
            ((_match_score(event, row.gold, source_of), index) for index, row in enumerate(rows)),
            default=(None, -1),
            key=lambda pair: pair[0] or (),
        )
        if best[0] is None:
            noise.append(event)
            continue
        row = rows[best[1]]
        row.matches.append(event)
        row.sources_found |= {
            source_of.get(c.article.content_hash, f"article {c.article_id}")
            for c in event.citations.all()
        }
    return Evaluation(rows=rows, noise=noise, proposed=len(events), titles=check_titles(events))


def _match_score(event: Event, gold: GoldEvent, source_of: dict[str, str]) -> tuple | None:
    if event.date_end < gold.date_start or gold.date_end < event.date_start:
        return None
    quote_hits = 0
    for citation in event.citations.all():
        source = source_of.get(citation.article.content_hash)
        opening = gold.quotes.get(source or "")
        if opening and _normal(opening)[:40] in _normal(citation.quote):
            quote_hits += 1
    texts = [event.title, event.summary, *(c.quote for c in event.citations.all())]
    tokens = set().union(*(content_tokens(t) for t in texts))
    wanted = {token for k in gold.keywords for token in content_tokens(k)}
    keyword_share = len(tokens & wanted) / len(wanted) if wanted else 0.0
    if not quote_hits and keyword_share < 0.5:
        return None
    exact = (event.date_start, event.date_end) == (gold.date_start, gold.date_end)
    return (quote_hits, exact, keyword_share)


def _normal(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def format_table(evaluation: Evaluation) -> str:
    lines = [f"{'':2} {'gold event':52} {'interval':23} {'ev':>2} {'date':>4} {'sources':>7}"]
    for row in evaluation.rows:
        gold = row.gold
        mark = "✓" if row.complete else ("~" if row.found else "✗")
        found_sources = len(row.sources_found & set(gold.sources))
        lines.append(
            f"{mark:2} {_cut(gold.title, 52):52} "
            f"{gold.date_start:%Y-%m-%d}..{gold.date_end:%Y-%m-%d} "
            f"{len(row.matches):>2} {'ok' if row.exact else '--':>4} "
            f"{found_sources:>3}/{len(gold.sources):<3}"
        )
    for event in evaluation.noise:
        lines.append(
            f"{'+':2} {_cut('noise: ' + event.title, 52):52} "
            f"{event.date_start:%Y-%m-%d}..{event.date_end:%Y-%m-%d}"
        )
    e = evaluation
    found = sum(r.found for r in e.rows)
    exact = sum(r.exact for r in e.rows)
    lines.append(
        f"recall {found}/{len(e.rows)} ({e.recall:.0%}), exact interval {exact}/{len(e.rows)} "
        f"({e.exact_recall:.0%}); precision {e.proposed - len(e.noise)}/{e.proposed} "
        f"({e.precision:.0%}), noise {e.noise_rate:.0%}; duplicates {e.duplicates}; "
        f"sources {e.source_recall:.0%}"
    )
    lines.append(e.titles.format())
    return "\n".join(lines)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def headline_ok(evaluation: Evaluation) -> bool:
    return all(row.complete for row in evaluation.rows if row.gold.headline)
