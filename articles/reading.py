"""Cut an article's text into plain runs and highlighted spans, for the reader."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Segment:
    text: str
    mark: Any = None  # the object (a date expression) that this run of text is, if any
    anchor: str = ""  # the id readers can link to, when a cited sentence starts here


def segments(body: str, marks: Iterable[Any], anchors: Sequence[tuple[int, str]] = ()) -> list[Segment]:
    """Split `body` at the spans of `marks` (objects with `start`/`end`).

    Overlapping or out-of-range marks are skipped rather than corrupting the
    text: every character of `body` appears exactly once, in order.
    """
    cuts = sorted({position for position, _ in anchors if 0 <= position <= len(body)})
    anchor_at = {position: name for position, name in anchors}
    result: list[Segment] = []
    cursor = 0

    def plain_until(limit: int) -> None:
        nonlocal cursor
        while cursor < limit:
            next_cut = next((c for c in cuts if cursor < c < limit), limit)
            result.append(Segment(body[cursor:next_cut], anchor=anchor_at.get(cursor, "")))
            cursor = next_cut

    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        if mark.start < cursor or mark.end > len(body) or mark.start >= mark.end:
            continue
        plain_until(mark.start)
        result.append(Segment(body[mark.start : mark.end], mark, anchor_at.get(mark.start, "")))
        cursor = mark.end
    plain_until(len(body))
    return result
