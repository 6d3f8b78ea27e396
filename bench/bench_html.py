"""Saved web pages: reading one (main text and metadata by trafilatura, publication date by
htmldate) and ingesting a folder of them whole, on the configured database (SQLite by
default; a throwaway test database, never db.sqlite3).

    .venv/bin/python bench/bench_html.py

The pages are the project's news test page (navigation, cookie banner, share buttons,
related links, comments, JSON-LD and Open Graph) with the article replaced by a different
600-word bench article each, its own canonical address and date. Figures are CPU time
(process time), the steadier measure on a shared machine.

`run()` returns [(label, value, unit)] for the bench harness.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from html import escape
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
for folder in (ROOT, BENCH):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

from bench_ingest import article_text, throwaway_database  # noqa: E402

TEMPLATE = ROOT / "tests" / "data" / "pages" / "news_article.html"
PAGES = 100
WARM_UP = 3
TARGET_ARTICLES_PER_S = 30  # whole ingest of saved pages, CPU time


def page(index: int, rng: random.Random) -> str:
    """The news test page around bench article `index`, dated and addressed as its own."""
    published = date(2024, 1, 1) + timedelta(days=rng.randint(0, 365))
    text = article_text(index, published, rng).split("\n\n", 1)[1]  # no "Date:" line
    sentences = text.split(". ")
    paragraphs = [". ".join(sentences[n : n + 4]) for n in range(0, len(sentences), 4)]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs if p.strip())
    html = TEMPLATE.read_text(encoding="utf-8")
    start = html.index('<div class="story-body">') + len('<div class="story-body">')
    end = html.index("</div>", start)
    html = html[:start] + body + html[end:]
    return (
        html.replace("ferry-runs-aground-kestrel-point", f"bench-story-{index}")
        .replace("2025-03-12", published.isoformat())
        .replace("Ferry runs aground off Kestrel Point", f"Bench story {index}")
    )


def _read_rows(pages: list[str]) -> list[tuple[str, float, str]]:
    from trafilatura.utils import load_html

    from timeline.pages import read_page, read_publication_date

    reading, dating = [], []
    for html in pages:
        started = time.process_time()
        read_page(html)
        reading.append(time.process_time() - started)
        tree = load_html(html)
        started = time.process_time()
        read_publication_date(tree)
        dating.append(time.process_time() - started)
    return [
        ("page read: text, metadata and date (median, CPU)", statistics.median(reading) * 1000,
         "ms/page"),
        ("of which the date (htmldate, median, CPU)", statistics.median(dating) * 1000,
         "ms/page"),
        ("page read, slowest page (CPU)", max(reading) * 1000, "ms/page"),
    ]  # fmt: skip


def _ingest_rows(pages: list[str]) -> list[tuple[str, float, str]]:
    from django.db import connection

    from articles.models import Story
    from timeline.pages import read_page
    from timeline.runs import ingest_paths

    with tempfile.TemporaryDirectory(prefix="dateline-bench-pages-") as folder:
        paths, texts = [], []
        for index, html in enumerate(pages):
            path = Path(folder) / f"page-{index:04}.html"
            path.write_text(html, encoding="utf-8")
            paths.append(path)
            text = Path(folder) / f"text-{index:04}.txt"
            page = read_page(html)
            text.write_text(f"Date: {page.published}\n\n{page.text}", encoding="utf-8")
            texts.append(text)
        ingest_paths(paths[:WARM_UP], story_slug="bench-warm")
        text_rate, _ = _timed_ingest(texts[WARM_UP:], "bench-texts")
        Story.objects.filter(slug="bench-texts").delete()  # other texts, but keep it even
        rate, report = _timed_ingest(paths[WARM_UP:], "bench-pages")
    vendor = connection.vendor
    return [
        (f"saved pages, whole ingest ({vendor}, CPU, {report.new} pages)", rate, "articles/s"),
        (f"saved pages, whole ingest vs target of {TARGET_ARTICLES_PER_S}/s",
         rate / TARGET_ARTICLES_PER_S, "x target"),
        (f"the same articles as text files, whole ingest ({vendor}, CPU)", text_rate,
         "articles/s"),
    ]  # fmt: skip


def _timed_ingest(paths: list[Path], slug: str):
    from timeline.runs import ingest_paths

    started = time.process_time()
    report = ingest_paths(paths, story_slug=slug)
    cpu = time.process_time() - started
    if report.errors or report.new != len(paths):
        raise SystemExit(f"bench pages: {report.errors[:1]} ({report.new} ingested)")
    return report.new / cpu, report


def run() -> list[tuple[str, float, str]]:
    rng = random.Random(12)
    pages = [page(index, rng) for index in range(PAGES + WARM_UP)]
    with throwaway_database():
        return _read_rows(pages[WARM_UP:]) + _ingest_rows(pages)


def main() -> None:
    for label, value, unit in run():
        print(f"{label:60} {value:10.1f} {unit}")


if __name__ == "__main__":
    main()
