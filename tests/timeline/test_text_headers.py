"""A text's header names the article: its headline is the title, its dates are not the
story's, and the reader shows it as the article's header (text files and pages alike)."""

from __future__ import annotations

import json
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article, Story, TemporalExpression
from tests.factories import StoryFactory
from timeline.ingest import ingest_text
from timeline.models import Citation, Event, UploadedArticle
from timeline.tasks import process_upload

from .conftest import PAGES
from .conftest import run_ingest as run

pytestmark = pytest.mark.django_db

HEADED = (
    "Seoul Daily — Politics\n"
    "Date: 2023-10-21\n"
    "Seoul summons the Russian envoy\n"
    "\n"
    "South Korea summoned the Russian ambassador on Friday over the troops.\n"
    "In June, the two countries signed a pact.\n"
)


def reader_html(client, article: Article) -> str:
    return client.get(reverse("articles:detail", args=[article.pk])).content.decode()


def body_of(html: str) -> str:
    return re.search(r'<div class="body">(.*?)</div>', html, re.S).group(1)


def header_of(html: str) -> str:
    return re.search(r"<header>(.*?)</header>", html, re.S).group(1)


def test_the_headline_after_the_date_line_is_the_title():
    article = ingest_text(HEADED, story=StoryFactory()).article
    assert article.title == "Seoul summons the Russian envoy"
    assert article.published_on.isoformat() == "2023-10-21"


def test_a_title_given_for_the_article_wins_over_its_headline():
    article = ingest_text(HEADED, story=StoryFactory(), title="As the manifest says").article
    assert article.title == "As the manifest says"


def test_dates_in_the_header_are_not_stored_nor_made_into_events():
    article = ingest_text(HEADED, story=StoryFactory()).article
    header_end = HEADED.index("\n\n")
    texts = set(TemporalExpression.objects.filter(article=article).values_list("text", flat=True))
    assert texts == {"Friday", "June"}
    assert not TemporalExpression.objects.filter(article=article, start__lt=header_end).exists()
    assert not Citation.objects.filter(article=article, start__lt=header_end).exists()
    assert not Event.objects.filter(date_start__year=2023, date_start__month=10, date_start__day=21)


def test_the_reader_shows_the_header_lines_as_the_articles_header(client):
    article = ingest_text(HEADED, story=StoryFactory()).article
    Event.objects.update(status=Event.Status.APPROVED)
    html = reader_html(client, article)
    header, body = header_of(html), body_of(html)
    assert "<p>Seoul Daily — Politics</p><p>Date: 2023-10-21</p>" in header
    assert header.count("Seoul summons the Russian envoy") == 1  # as the title, once
    assert "Date: 2023-10-21" not in body and "Seoul Daily" not in body
    assert "Seoul summons the Russian envoy" not in body
    assert re.sub(r"<[^>]+>", "", body).startswith("South Korea summoned")
    assert body.count('<mark class="timex"') == 2


def test_header_lines_in_the_reader_are_escaped(client):
    text = "<b>Kicker</b>\nDate: 2024-10-21\nHeadline & more\n\nTroops moved on Friday.\n"
    article = ingest_text(text, story=StoryFactory()).article
    header = header_of(reader_html(client, article))
    assert "<p>&lt;b&gt;Kicker&lt;/b&gt;</p>" in header
    assert "Headline &amp; more" in header


def test_a_text_file_ingested_by_the_command_is_titled_by_its_headline(tmp_path):
    path = tmp_path / "headed.txt"
    path.write_text(HEADED, encoding="utf-8")
    _, _, error = run(str(path), "--story", "envoys")
    assert error is None
    assert Article.objects.get().title == "Seoul summons the Russian envoy"


def test_a_manifest_title_and_story_title_are_kept_as_written(tmp_path):
    (tmp_path / "a.txt").write_text(HEADED, encoding="utf-8")
    manifest = tmp_path / "manifest.json"
    story = "Envoys, troops & the 2023 summit (draft)"
    manifest.write_text(
        json.dumps({"story": story, "articles": [{"file": "a.txt", "title": "seoul SUMMONS"}]}),
        encoding="utf-8",
    )
    _, _, error = run(str(manifest))
    assert error is None
    assert Story.objects.get().title == story
    assert Article.objects.get().title == "seoul SUMMONS"


def test_an_uploaded_text_file_is_titled_by_its_headline(staff_client):
    upload = SimpleUploadedFile("headed.txt", HEADED.encode(), content_type="text/plain")
    staff_client.post(reverse("ingest"), {"files": [upload], "story": StoryFactory().pk})
    for row in UploadedArticle.objects.filter(status="queued"):
        process_upload(upload_id=row.pk)
    assert UploadedArticle.objects.get().status == "done"
    assert Article.objects.get().title == "Seoul summons the Russian envoy"


def test_an_ingested_page_shows_its_headline_and_byline_as_header(client):
    _, _, error = run(str(PAGES / "dateline_only.html"), "--story", "harbour")
    assert error is None
    article = Article.objects.get()
    headline, byline = article.body.splitlines()[:2]
    assert (headline, byline) == (article.title, "Published 19 March 2025 by Ilse Marquand")
    html = reader_html(client, article)
    body = body_of(html)
    assert headline not in body and "Published" not in body
    assert re.sub(r"<[^>]+>", "", body).startswith("Kestrel Bay council approved")
    assert f"<p>{byline}</p>" in header_of(html)
    assert not TemporalExpression.objects.filter(article=article, text="19 March 2025")


def test_a_page_whose_first_line_is_its_title_shows_it_as_the_title_only(client):
    _, _, error = run(str(PAGES / "news_article.html"), "--story", "ferry")
    assert error is None
    article = Article.objects.get()
    assert article.body.splitlines()[0] == article.title
    html = reader_html(client, article)
    assert article.title not in body_of(html)
    assert '<div class="text-header">' not in html
