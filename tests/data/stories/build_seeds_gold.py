"""Write seeds_gold.json (the evaluate_events gold) from fixtures/seed_story.json.

The curated fixture is the truth for the seeds; this only restates it in the gold
format: intervals, the articles citing each event, and the opening of each quote.

    .venv/bin/python tests/data/stories/build_seeds_gold.py
"""

from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
FILES = [
    "000_b665132879235f5c.txt",
    "001_c055100525938c07.txt",
    "002_04935ad15eac610d.txt",
    "003_82426c862c5804d0.txt",
    "004_edb18dec551e976d.txt",
]
HEADLINES = 4  # the first four curated events are the story's headline events
STOP = set(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "to",
        "and",
        "with",
        "for",
        "by",
        "from",
        "its",
        "is",
        "are",
        "be",
    ]
)


def main() -> None:
    records = json.loads((ROOT / "fixtures" / "seed_story.json").read_text(encoding="utf-8"))
    articles = [r["fields"] for r in records if r["model"] == "articles.article"]
    name_of = {fields["content_hash"]: name for fields, name in zip(articles, FILES, strict=True)}
    events = [r for r in records if r["model"] == "timeline.event"]
    citations = [r["fields"] for r in records if r["model"] == "timeline.citation"]
    gold_events = []
    for index, event in enumerate(events):
        fields = event["fields"]
        cites = [c for c in citations if c["event"] == [fields["uid"]]]
        sources = [name_of[c["article"][0]] for c in cites]
        gold_events.append(
            {
                "title": fields["title"],
                "date_start": fields["date_start"],
                "date_end": fields["date_end"],
                "granularity": fields["granularity"],
                "headline": index < HEADLINES,
                "sources": sources,
                "keywords": [
                    w
                    for w in re.findall(r"[A-Za-z][\w’'-]+", fields["title"])
                    if w.lower() not in STOP
                ],
                "quotes": {name_of[c["article"][0]]: c["quote"][:60] for c in cites},
            }
        )
    gold = {
        "story": "seeds-raw",
        "articles": {name: digest for digest, name in name_of.items()},
        "events": gold_events,
    }
    out = Path(__file__).with_name("seeds_gold.json")
    out.write_text(json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(gold_events)} events")


if __name__ == "__main__":
    main()
