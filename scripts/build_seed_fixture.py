"""Write fixtures/seed_story.json: the seed articles verbatim and the curated events.

The curation (which sentence reports which event, with which date) is written
out below by hand; offsets are found in the texts, never typed, so the fixture
cannot drift from the articles. Date expressions come from the project's own
tagger, so the reader highlights them and citations point at what dated them.

    python scripts/build_seed_fixture.py SEEDS_DIR/manifest.json
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import uuid
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STORY = {
    "slug": "north-korean-troops-in-russia",
    "title": "North Korean troops in Russia (October 2024)",
    "created_at": "2024-10-21T12:00:00Z",
}

# Titles the manifest does not give, written as an editor would.
TITLES = {
    "000_b665132879235f5c.txt": (
        "South Korea summons Russian ambassador over North Korean troop deployment"
    ),
    "001_c055100525938c07.txt": "Seoul protests North Korea’s deployment of troops to Russia",
    "004_edb18dec551e976d.txt": (
        "Yoon convenes emergency security meeting over North Korean troops for Russia"
    ),
}

# (title, summary, date_start, date_end, granularity, kind,
#  [(file, sentence opening, date text or None)])
EVENTS = [
    (
        "Russia and North Korea sign a mutual defence pact in Pyongyang",
        "During Vladimir Putin’s visit to Pyongyang, he and Kim Jong-un sign a comprehensive "
        "strategic partnership treaty promising mutual military assistance.",
        "2024-06-01",
        "2024-06-30",
        "month",
        "happened",
        [
            ("000", "Details of the military agreement between Putin and Kim", "June"),
            ("001", "Notably, Russian President Vladimir Putin made a rare visit", "last June"),
            ("002", "Following the signing of a security pact in June", "June"),
            ("003", "In June, Vladimir Putin, during a visit to Pyongyang", "June"),
            ("004", "In June, their leaders further solidified", "June"),
        ],
    ),
    (
        "Russian vessels carry North Korean troops to Vladivostok",
        "Satellite imagery released by South Korea’s intelligence service shows elite North "
        "Korean soldiers moved by Russian navy ships to Russia’s Far East.",
        "2024-10-08",
        "2024-10-13",
        "range",
        "happened",
        [
            ("000", "The intelligence service released satellite imagery", "October 8 and 13"),
            ("001", "NIS predicts that the total number of soldiers", "October 8 and 13"),
        ],
    ),
    (
        "Yoon convenes an emergency security meeting in Seoul",
        "President Yoon Suk Yeol meets security, defence and intelligence chiefs over reports "
        "that North Korea is sending troops to Russia.",
        "2024-10-18",
        "2024-10-18",
        "day",
        "happened",
        [
            ("003", "That same day, South Korean President Yoon Suk Yeol", "That same day"),
            ("004", "President Yoon Suk Yeol convened an emergency security meeting", "Friday"),
        ],
    ),
    (
        "South Korea summons the Russian ambassador",
        "First Vice Foreign Minister Kim Hong-kyun tells ambassador Georgy Zinoviev that North "
        "Korea’s troop deployment breaches UN resolutions and demands their withdrawal.",
        "2024-10-21",
        "2024-10-21",
        "day",
        "happened",
        [
            ("000", "South Korea has summoned the Russian ambassador in Seoul", None),
            ("001", "On October 21, South Korea’s Foreign Ministry announced", "October 21"),
            ("002", "In recent diplomatic tensions, South Korea has summoned", None),
            ("003", "South Korea's Foreign Ministry summoned the Russian ambassador", None),
        ],
    ),
    (
        "Intelligence reports North Korea has begun sending troops to Russia",
        "South Korea’s intelligence service says about 1,500 North Korean special forces have "
        "been sent to Russia’s Far East for training before joining the war.",
        "2024-10-14",
        "2024-10-20",
        "week",
        "reported",
        [
            ("000", "Last week, South Korea’s national intelligence service reported", "Last week"),
            ("003", "Last week, both Ukrainian and South Korean officials reported", "Last week"),
        ],
    ),
    (
        "Putin sends a bill to ratify the pact with North Korea",
        "Vladimir Putin introduces legislation to ratify the mutual assistance treaty.",
        "2024-10-14",
        "2024-10-20",
        "week",
        "happened",
        [("002", "This agreement, which assures mutual assistance", "last week")],
    ),
    (
        "North Korea is said to be sending 12,000 troops to the Ukraine war",
        "Reports say North Korea plans to send 12,000 troops, including special forces.",
        "2024-10-18",
        "2024-10-18",
        "day",
        "reported",
        [("003", "On October 18, North Korea announced plans", "October 18")],
    ),
    (
        "North Korea starts shipping armaments to Russia",
        "South Korean intelligence says North Korea has delivered over 13,000 containers of "
        "armaments to Russia since August.",
        "2024-08-01",
        "2024-08-31",
        "month",
        "happened",
        [("000", "Recent intelligence from South Korea suggested", "August")],
    ),
    (
        "North Korean weapons, including ballistic missiles, begin reaching Russia",
        "South Korean and US officials say North Korea has supplied weapons to Russia since "
        "September 2023.",
        "2023-09-01",
        "2023-09-30",
        "month",
        "happened",
        [("004", "However, both Moscow and Pyongyang continue to deny", "September of last year")],
    ),
    (
        "Russia–North Korea summit in the Russian Far East",
        "Both nations agree to enhance their military collaboration.",
        "2023-01-01",
        "2023-12-31",
        "year",
        "happened",
        [("004", "North Korea’s and Russia’s recent cooperation intensified", "last year")],
    ),
    (
        "Six North Koreans killed in a Ukrainian missile strike in Donetsk",
        "Earlier reports say six North Korean individuals were killed in a Ukrainian missile "
        "strike in the eastern Donetsk region.",
        "2024-10-01",
        "2024-10-31",
        "month",
        "happened",
        [("004", "Earlier reports indicated that six North Korean", "earlier this month")],
    ),
    (
        "The Korean War ends",
        "The deployment would be North Korea’s first major military engagement since the "
        "Korean War, which ended in 1953.",
        "1953-01-01",
        "1953-12-31",
        "year",
        "happened",
        [("004", "If confirmed, the deployment of North Korean troops", "1953")],
    ),
]

SENTENCE_END = re.compile(r"[.!?][”\"’']?(?=\s+[A-Z“\"‘']|\s*$)|\n")


def sentence_at(body: str, opening: str) -> tuple[int, int]:
    start = body.index(opening)
    match = SENTENCE_END.search(body, start + len(opening))
    end = match.end() if match else len(body)
    return start, end if body[end - 1] != "\n" else end - 1


def main(manifest_path: Path, *, with_dates: bool = True) -> None:
    if with_dates:
        from timeline.temporal import tag
    else:

        def tag(body: str, published: date) -> list:
            return []

    manifest = json.loads(manifest_path.read_text())
    records: list[dict] = [{"model": "articles.story", "fields": STORY}]
    articles: dict[str, dict] = {}
    for entry in manifest["articles"]:
        body = (manifest_path.parent / entry["file"]).read_text(encoding="utf-8")
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()
        published = date.fromisoformat(entry["published"])
        title = entry.get("title") or TITLES[entry["file"]]
        fields = {
            "story": [STORY["slug"]],
            "title": title,
            "outlet": "",
            "url": "",
            "published_on": entry["published"],
            "published_from": "text" if entry["file"].startswith("003") else "given",
            "body": body,
            "content_hash": digest,
            "ingested_at": "2024-10-21T12:00:00Z",
        }
        records.append({"model": "articles.article", "fields": fields})
        timexes = tag(body, published)
        for timex in timexes:
            records.append(
                {
                    "model": "articles.temporalexpression",
                    "fields": {
                        "article": [digest],
                        "start": timex.start,
                        "end": timex.end,
                        "text": timex.text,
                        "type": timex.type,
                        "value": timex.value,
                        "date_start": timex.date_start and timex.date_start.isoformat(),
                        "date_end": timex.date_end and timex.date_end.isoformat(),
                        "granularity": timex.granularity or "",
                        "anchor_date": timex.anchor and timex.anchor.isoformat(),
                        "rule": timex.rule,
                    },
                }
            )
        articles[entry["file"][:3]] = {"body": body, "hash": digest, "timexes": timexes}

    for index, (title, summary, start, end, granularity, kind, cites) in enumerate(EVENTS):
        uid = str(uuid.uuid5(uuid.NAMESPACE_URL, f"dateline:seed:{index}"))
        records.append(
            {
                "model": "timeline.event",
                "fields": {
                    "uid": uid,
                    "story": [STORY["slug"]],
                    "title": title,
                    "summary": summary,
                    "date_start": start,
                    "date_end": end,
                    "granularity": granularity,
                    "status": "approved",
                    "date_kind": kind,
                    "merged_into": None,
                    "created_at": "2024-10-21T12:00:00Z",
                    "updated_at": "2024-10-21T12:00:00Z",
                },
            }
        )
        for key, opening, date_text in cites:
            article = articles[key]
            s, e = sentence_at(article["body"], opening)
            expression = None
            if date_text and with_dates:
                found = [t for t in article["timexes"] if s <= t.start < e and date_text in t.text]
                if not found:
                    raise SystemExit(f"no expression “{date_text}” tagged in {key}: {opening}")
                expression = [article["hash"], found[0].start, found[0].end]
            records.append(
                {
                    "model": "timeline.citation",
                    "fields": {
                        "event": [uid],
                        "article": [article["hash"]],
                        "quote": article["body"][s:e],
                        "start": s,
                        "end": e,
                        "expression": expression,
                    },
                }
            )
    out = ROOT / "fixtures" / "seed_story.json"
    out.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}: {len(records)} records")


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--no-dates"]
    if len(arguments) != 1:
        raise SystemExit(__doc__)
    main(Path(arguments[0]), with_dates="--no-dates" not in sys.argv)
