"""Reading files, headers and titles; one article per transaction; idempotence."""

from __future__ import annotations

from datetime import date

import pytest

from articles.models import Article, TemporalExpression
from tests.factories import StoryFactory
from timeline import ingest as ingest_module
from timeline.ingest import (
    IngestError,
    article_title,
    ingest_path,
    ingest_text,
    read_article_file,
    read_header,
)
from timeline.models import Citation, Event

BODY = (
    "Date: 2024-10-21\n"
    "South Korea has summoned the Russian ambassador over North Korean troops.\n"
    "On October 18, President Yoon convened an emergency security meeting.\n"
)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n", "empty"),
        (b"text\x00with nul", "binary"),
        (b"caf\xe9 latin-1", "not UTF-8"),
    ],
)
def test_read_article_file_rejects_what_is_not_an_article(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(IngestError, match=reason) as error:
        read_article_file(path)
    assert "bad.txt" in str(error.value) and "\n" not in str(error.value)


def test_read_article_file_rejects_files_over_five_megabytes(tmp_path):
    path = tmp_path / "huge.txt"
    path.write_bytes(b"a" * (5 * 1024 * 1024 + 1))
    with pytest.raises(IngestError, match="huge.txt: too large"):
        read_article_file(path)


def test_read_article_file_names_a_missing_file(tmp_path):
    with pytest.raises(IngestError, match="missing.txt: cannot read"):
        read_article_file(tmp_path / "missing.txt")


@pytest.mark.parametrize(
    ("header", "published"),
    [
        ("Date: 2024-10-21\nText.", date(2024, 10, 21)),
        ("Published 4 March 2025\nText.", date(2025, 3, 4)),
        ("Published: September 17, 2025\nText.", date(2025, 9, 17)),
        (
            " date 2024-10-21 South Korea summons Russian ambassador Monday\n\nText.",
            date(2024, 10, 21),
        ),
        ("SEOUL, Oct. 21, 2024 (Yonhap) -- South Korea summoned the envoy.", date(2024, 10, 21)),
        ("Date: 21 October\nNo year, so no date.", None),
        ("South Korea has summoned the Russian ambassador.", None),
    ],
)
def test_read_header_finds_the_publication_date(header, published):
    assert read_header(header).published == published


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Title: Troops cross the border\nDate: 2024-10-21\nBody.", "Troops cross the border"),
        ("Troops cross the border\nThe body starts here.", "Troops cross the border"),
        (
            "Date: 2024-10-21\nOne two three four five six seven eight nine ten eleven twelve "
            "thirteen fourteen. Next.",
            "One two three four five six seven eight nine ten eleven twelve…",
        ),
    ],
)
def test_article_title_comes_from_header_first_line_or_first_sentence(text, title):
    assert article_title(text) == title


@pytest.mark.django_db
def test_ingest_text_reads_the_date_line_and_stores_every_expression():
    result = ingest_text(BODY, story=StoryFactory())
    article = result.article
    assert (article.published_on, article.published_from) == (date(2024, 10, 21), "text")
    assert result.expressions == TemporalExpression.objects.filter(article=article).count() > 0


@pytest.mark.django_db
def test_ingest_text_twice_adds_nothing():
    story = StoryFactory()
    ingest_text(BODY, story=story)
    counts = (Article.objects.count(), Event.objects.count(), Citation.objects.count())
    again = ingest_text(BODY, story=story)
    assert not again.created
    assert (Article.objects.count(), Event.objects.count(), Citation.objects.count()) == counts


@pytest.mark.django_db
def test_given_published_date_overrides_the_header():
    result = ingest_text(BODY, story=StoryFactory(), published=date(2024, 10, 22))
    assert (result.article.published_on, result.article.published_from) == (
        date(2024, 10, 22),
        "given",
    )


@pytest.mark.django_db
def test_ingest_text_without_any_date_stops_and_names_the_source():
    with pytest.raises(IngestError, match="story.txt: no publication date"):
        ingest_text("Troops moved.", story=StoryFactory(), source_name="story.txt")
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_failure_mid_article_leaves_no_half_article_and_no_events(monkeypatch):
    def explode(**kwargs):
        Event.objects.create(
            story=kwargs["story"],
            title="orphan",
            date_start=date(2024, 1, 1),
            date_end=date(2024, 1, 1),
            granularity="day",
        )
        raise RuntimeError("boom")

    monkeypatch.setattr(ingest_module, "merge_candidates", explode)
    with pytest.raises(RuntimeError):
        ingest_text(BODY, story=StoryFactory())
    assert not Article.objects.exists()
    assert not Event.objects.exists()
    assert not TemporalExpression.objects.exists()


@pytest.mark.django_db
def test_ingest_path_proposes_events_with_citations(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(BODY, encoding="utf-8")
    result = ingest_path(path, story=StoryFactory())
    assert result.proposed >= 2
    citation = Citation.objects.filter(article=result.article).first()
    assert BODY[citation.start : citation.end] == citation.quote
