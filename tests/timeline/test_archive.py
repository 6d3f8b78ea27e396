"""Newsroom archives: one JSON article a line; a malformed line refuses the whole file."""

from __future__ import annotations

import json
from datetime import date

import pytest

from articles.models import Article, Story

from .conftest import run_ingest

pytestmark = pytest.mark.django_db

FIRST = {
    "title": "Ferry runs aground off Kestrel Point",
    "published": "2025-03-12",
    "text": "The Islander ran aground off Kestrel Point on Tuesday evening.\n"
    "The coastguard took all 212 passengers off by midnight.\n",
    "url": "https://www.harbourgazette.example/news/ferry-aground",
    "outlet": "The Harbour Gazette",
}
SECOND = {
    "title": "Islander refloated",
    "published": "2025-03-14",
    "text": "Salvage crews refloated the Islander on Friday, three days after it ran aground.\n",
    "url": "https://news.isles.example/islander-refloated",
    "outlet": "Isles News",
}


def write_archive(tmp_path, *lines: str):
    path = tmp_path / "archive.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_archive_ingests_every_line_with_its_title_date_address_and_outlet(tmp_path):
    path = write_archive(tmp_path, json.dumps(FIRST), "", json.dumps(SECOND))
    out, _, error = run_ingest(str(path), "--story", "ferry")
    assert error is None
    assert "articles: 2 new" in out
    first = Article.objects.get(title=FIRST["title"])
    assert (first.published_on, first.published_from) == (date(2025, 3, 12), "given")
    assert (first.url, first.outlet, first.body) == (FIRST["url"], FIRST["outlet"], FIRST["text"])
    assert first.expressions.exists()


def test_archive_again_adds_nothing(tmp_path):
    path = write_archive(tmp_path, json.dumps(FIRST), json.dumps(SECOND))
    run_ingest(str(path), "--story", "ferry")
    out, _, error = run_ingest(str(path), "--story", "ferry")
    assert error is None
    assert "articles: 0 new, 2 skipped" in out
    assert Article.objects.count() == 2


@pytest.mark.parametrize(
    ("bad_line", "says"),
    [
        ('{"title": "x", "published": "2025-03-12", "text": "A', "not valid JSON"),
        ('["a list"]', "not an article object"),
        (json.dumps({**SECOND, "text": ""}), "no “text”"),
        (json.dumps({**SECOND, "text": 5}), "“text” must be a string"),
        (json.dumps({**SECOND, "published": "14/03/2025"}), "“published” must be a date"),
        (json.dumps({k: v for k, v in SECOND.items() if k != "published"}), "“published”"),
        (json.dumps({**SECOND, "url": "javascript:alert(1)"}), "“url” must be an http"),
    ],
)
def test_malformed_line_refuses_the_whole_file_naming_the_line(tmp_path, bad_line, says):
    path = write_archive(tmp_path, json.dumps(FIRST), bad_line)
    out, err, error = run_ingest(str(path), "--story", "ferry")
    assert err.count("\n") == 1
    assert err.startswith(f"{path}: line 2: ")
    assert says in err
    assert error == "1 input(s) failed; nothing was ingested"
    assert not Article.objects.exists()
    assert not Story.objects.exists()


def test_archive_needs_a_story(tmp_path):
    path = write_archive(tmp_path, json.dumps(FIRST))
    _, err, _ = run_ingest(str(path))
    assert "which story?" in err
    assert not Article.objects.exists()


def test_empty_archive_is_refused(tmp_path):
    path = write_archive(tmp_path, "", "  ")
    _, err, _ = run_ingest(str(path), "--story", "ferry")
    assert err.strip() == f"{path}: empty archive (no article lines)"


def test_published_option_overrides_the_archive_dates(tmp_path):
    path = write_archive(tmp_path, json.dumps(FIRST))
    run_ingest(str(path), "--story", "ferry", "--published", "2025-03-13")
    assert Article.objects.get().published_on == date(2025, 3, 13)
