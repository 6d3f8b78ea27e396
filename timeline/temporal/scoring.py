"""TempEval-3-style scoring of timexes against a gold standard. Plain Python.

Spans: strict (same offsets) and relaxed (any overlap, one-to-one). Type accuracy and value
scores are taken over relaxed matches; a relaxed match with the right value is a value
true positive, so value P = TP / system, value R = TP / gold.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .tagger import tag

CONTEXT_CHARS = 40


@dataclass(slots=True)
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_ok: int = 0
    value_ok: int = 0

    def add(self, other: Counts) -> None:
        for name in ("gold", "system", "strict", "relaxed", "type_ok", "value_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass(frozen=True, slots=True)
class Error:
    doc_id: str
    kind: str  # "missed" | "spurious" | "wrong-value" | "wrong-type"
    gold: dict[str, Any] | None
    system: dict[str, Any] | None
    context: str


@dataclass(slots=True)
class Report:
    total: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))
    errors: list[Error] = field(default_factory=list)
    documents: int = 0

    def scores(self) -> dict[str, float]:
        return scores(self.total)


def prf(hits: int, system: int, gold: int) -> tuple[float, float, float]:
    precision = hits / system if system else 0.0
    recall = hits / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def scores(counts: Counts) -> dict[str, float]:
    out: dict[str, float] = {}
    for name, hits in (
        ("strict", counts.strict),
        ("relaxed", counts.relaxed),
        ("value", counts.value_ok),
    ):
        p, r, f = prf(hits, counts.system, counts.gold)
        out[f"{name}_p"], out[f"{name}_r"], out[f"{name}_f1"] = p, r, f
    out["type_accuracy"] = counts.type_ok / counts.relaxed if counts.relaxed else 0.0
    out["value_accuracy"] = counts.value_ok / counts.relaxed if counts.relaxed else 0.0
    return out


def _same_value(a: str, b: str) -> bool:
    return a.strip().upper() == b.strip().upper()


def _match(gold: list[dict], system: list[dict]) -> list[tuple[int, int]]:
    """One-to-one relaxed pairs (gold index, system index): exact spans first, then most overlap."""
    pairs: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                exact = g["start"] == s["start"] and g["end"] == s["end"]
                pairs.append((0 if exact else 1, -overlap, gi * 100000 + si))
    pairs.sort()
    used_gold: set[int] = set()
    used_system: set[int] = set()
    matched = []
    for _, _, key in pairs:
        gi, si = divmod(key, 100000)
        if gi in used_gold or si in used_system:
            continue
        used_gold.add(gi)
        used_system.add(si)
        matched.append((gi, si))
    return matched


def score_document(
    doc_id: str, text: str, gold: list[dict], system: list[dict], report: Report
) -> None:
    report.documents += 1
    pairs = _match(gold, system)
    matched_gold = {gi for gi, _ in pairs}
    matched_system = {si for _, si in pairs}
    for g in gold:
        report.total.gold += 1
        report.by_type[g["type"]].gold += 1
    for s in system:
        report.total.system += 1
        report.by_type[s["type"]].system += 1
    for gi, si in pairs:
        g, s = gold[gi], system[si]
        row = report.by_type[g["type"]]
        for counts in (report.total, row):
            counts.relaxed += 1
            counts.strict += g["start"] == s["start"] and g["end"] == s["end"]
            counts.type_ok += g["type"] == s["type"]
            counts.value_ok += _same_value(g["value"], s["value"])
        if not _same_value(g["value"], s["value"]):
            report.errors.append(Error(doc_id, "wrong-value", g, s, _context(text, g)))
        elif g["type"] != s["type"]:
            report.errors.append(Error(doc_id, "wrong-type", g, s, _context(text, g)))
    for gi, g in enumerate(gold):
        if gi not in matched_gold:
            report.errors.append(Error(doc_id, "missed", g, None, _context(text, g)))
    for si, s in enumerate(system):
        if si not in matched_system:
            report.errors.append(Error(doc_id, "spurious", None, s, _context(text, s)))


def _context(text: str, timex: dict) -> str:
    start, end = timex["start"], timex["end"]
    before = text[max(0, start - CONTEXT_CHARS) : start]
    after = text[end : end + CONTEXT_CHARS]
    return " ".join(f"{before}[[{text[start:end]}]]{after}".split())


def evaluate(documents: Iterable[dict], tagger: Callable[[str, date], list] = tag) -> Report:
    """Tag every gold document and score it. Each document: doc_id, dct, text, timexes."""
    report = Report()
    for document in documents:
        dct = date.fromisoformat(document["dct"])
        system = [t.to_dict() for t in tagger(document["text"], dct)]
        score_document(
            str(document.get("doc_id", report.documents)),
            document["text"],
            document["timexes"],
            system,
            report,
        )
    return report


SPLITS = ("dev", "test", "all")


def split_of(doc_id: str) -> str:
    """ "dev" or "test": a fixed half of any corpus, by a hash of the document id.

    Deterministic across runs, machines and Python versions (no `hash()` salting), so rules
    are tuned on "dev" only and "test" stays held out.
    """
    digest = hashlib.sha256(str(doc_id).encode("utf-8")).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


def select_split(documents: Iterable[dict], split: str) -> list[dict]:
    """The documents of one half ("dev"/"test"), or all of them ("all").

    A document without a doc_id is keyed by its position, counted from 0.
    """
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}, expected one of {', '.join(SPLITS)}")
    chosen = []
    for index, document in enumerate(documents):
        if split == "all" or split_of(str(document.get("doc_id", index))) == split:
            chosen.append(document)
    return chosen


class InputError(ValueError):
    """Bad input a command should report in one line."""


def read_jsonl(lines: Iterable[str], *, required: tuple[str, ...]) -> Iterator[dict]:
    """Parse JSON lines, naming the line number of the first bad one. Blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise InputError(f"line {number}: not valid JSON ({error.msg})") from None
        if not isinstance(record, dict):
            raise InputError(f"line {number}: expected a JSON object")
        missing = [key for key in required if key not in record]
        if missing:
            raise InputError(f"line {number}: missing {', '.join(missing)}")
        if "dct" in required:
            record["dct"] = parse_dct(record["dct"], where=f"line {number}: ")
        yield record


def parse_dct(value: object, *, where: str = "") -> str:
    """Check a document date is YYYY-MM-DD and return it unchanged."""
    if not isinstance(value, str):
        raise InputError(f"{where}dct must be a YYYY-MM-DD string")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise InputError(f"{where}invalid dct {value!r}, expected YYYY-MM-DD") from None
    if len(value) != 10:
        raise InputError(f"{where}invalid dct {value!r}, expected YYYY-MM-DD")
    return value


def format_report(report: Report) -> str:
    """The score table a person reads."""
    s = report.scores()
    lines = [
        f"documents: {report.documents}  gold: {report.total.gold}  system: {report.total.system}",
        f"{'':<10}{'P':>8}{'R':>8}{'F1':>8}",
    ]
    for name in ("strict", "relaxed", "value"):
        lines.append(
            f"{name:<10}{s[name + '_p']:>8.3f}{s[name + '_r']:>8.3f}{s[name + '_f1']:>8.3f}"
        )
    lines.append(f"type accuracy (relaxed matches): {s['type_accuracy']:.3f}")
    lines.append(f"value accuracy (relaxed matches): {s['value_accuracy']:.3f}")
    lines.append("")
    lines.append(f"{'type':<10}{'gold':>6}{'system':>8}{'rel P':>8}{'rel R':>8}{'val acc':>9}")
    for name in sorted(report.by_type):
        counts = report.by_type[name]
        precision = counts.relaxed / counts.system if counts.system else 0.0
        # relaxed matches are counted on the gold type, so P per type is approximate
        recall = counts.relaxed / counts.gold if counts.gold else 0.0
        accuracy = counts.value_ok / counts.relaxed if counts.relaxed else 0.0
        lines.append(
            f"{name:<10}{counts.gold:>6}{counts.system:>8}{precision:>8.3f}{recall:>8.3f}{accuracy:>9.3f}"
        )
    return "\n".join(lines)


_REFS = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def _shape(value: str) -> str:
    """A value with every digit made 9: "2024-10-08" -> "9999-99-99", "P3M" -> "P9M"."""
    return "".join("9" if ch.isdigit() else ch for ch in value.strip().upper())


def error_group(error: Error) -> str:
    """Where an error belongs: "span missed", "spurious", or "wrong value: CATEGORY".

    Categories of a wrong value, first that applies: "type" (DATE valued as DURATION, ...),
    "reference" (PRESENT_REF and the like on one side only), "granularity" (one value a
    prefix of the other: 2024 vs 2024-10), "anchor" (same shape, other date: resolved from
    the wrong day or direction), "format" (any other shape: 2024-Q4 vs 2024-10).
    """
    if error.kind == "missed":
        return "span missed"
    if error.kind == "spurious":
        return "spurious"
    if error.kind == "wrong-type":
        return "wrong type"
    gold, system = error.gold or {}, error.system or {}
    if gold.get("type") != system.get("type"):
        return "wrong value: type"
    g, s = str(gold.get("value", "")).strip().upper(), str(system.get("value", "")).strip().upper()
    if (g in _REFS) != (s in _REFS):
        return "wrong value: reference"
    if g and s and (g.startswith(s) or s.startswith(g)):
        return "wrong value: granularity"
    if _shape(g) == _shape(s):
        return "wrong value: anchor"
    return "wrong value: format"


def format_errors(report: Report) -> str:
    """Errors grouped by kind, largest group first: a count table, then each group listed."""
    groups: dict[str, list[Error]] = defaultdict(list)
    for error in report.errors:
        groups[error_group(error)].append(error)
    order = sorted(groups, key=lambda name: (-len(groups[name]), name))
    lines = [f"{'errors by kind':<28}{'count':>6}"]
    lines += [f"{name:<28}{len(groups[name]):>6}" for name in order]
    for name in order:
        lines.append("")
        lines.append(f"## {name} ({len(groups[name])})")
        for error in groups[name]:
            gold = f"{error.gold['type']} {error.gold['value']}" if error.gold else "-"
            system = f"{error.system['type']} {error.system['value']}" if error.system else "-"
            lines.append(
                f"{error.kind:<12} {error.doc_id}: gold={gold} system={system} | {error.context}"
            )
    return "\n".join(lines)
