"""Saved web pages: the article's text and metadata, its date and where it was read."""

from __future__ import annotations

import json
from datetime import date
from html import escape
from pathlib import Path

import pytest
from django.urls import reverse
from lxml import html as lxml_html

from articles.models import Article, Story
from timeline.models import Event
from timeline.pages import NotAnArticle, read_page
from timeline.runs import ingest_paths

from .conftest import PAGES, ROOT, run_ingest

SEEDS = ROOT / "tests" / "temporal" / "data" / "seeds"

BOILERPLATE = [
    "We use cookies",
    "Accept all",
    "Subscribe for",
    "Share on",
    "Email this article",
    "Related stories",
    "Ferry fares to rise",
    "morning briefing",
    "seadog77",
    "coastguard volunteers",
    "Log in to comment",
    "All rights reserved",
    "Privacy policy",
    "Photo: coastguard handout",
]


def article_paragraphs(name: str, xpath: str) -> list[str]:
    tree = lxml_html.fromstring((PAGES / name).read_bytes())
    return [" ".join(p.text_content().split()) for p in tree.xpath(xpath)]


def test_news_page_keeps_every_paragraph_of_the_article():
    page = read_page((PAGES / "news_article.html").read_bytes())
    paragraphs = article_paragraphs("news_article.html", '//div[@class="story-body"]/p')
    assert len(paragraphs) == 6
    for paragraph in paragraphs:
        assert paragraph in page.text.splitlines()


@pytest.mark.parametrize("boilerplate", BOILERPLATE)
def test_news_page_text_has_none_of_the_boilerplate(boilerplate):
    page = read_page((PAGES / "news_article.html").read_bytes())
    assert boilerplate not in page.text


def test_news_page_gives_title_outlet_author_canonical_address_and_date():
    page = read_page((PAGES / "news_article.html").read_bytes())
    assert page.title == "Ferry runs aground off Kestrel Point; 212 passengers taken off safely"
    assert (page.outlet, page.author) == ("The Harbour Gazette", "Maren Tollefsen")
    assert page.url == "https://www.harbourgazette.example/news/ferry-runs-aground-kestrel-point"
    assert (page.published, page.published_from) == (date(2025, 3, 12), "meta")


def test_publication_date_is_not_the_modified_date():
    page = read_page((PAGES / "news_article.html").read_bytes())
    assert page.published != date(2025, 3, 13)


def test_page_dated_only_in_its_address_is_dated_by_it():
    page = read_page((PAGES / "url_date.html").read_bytes())
    assert (page.published, page.published_from) == (date(2025, 3, 14), "url")


@pytest.mark.parametrize("name", ["listing.html", "paywall.html"])
def test_page_that_is_not_an_article_is_refused(name):
    with pytest.raises(NotAnArticle, match="no article text"):
        read_page((PAGES / name).read_bytes())


def test_copyright_year_is_not_a_publication_date():
    source = (PAGES / "dateline_only.html").read_text(encoding="utf-8")
    undated = source.replace("Published 19 March 2025 by", "By").replace(
        "Kestrel Bay</div>", "Kestrel Bay · © 2025</div>"
    )
    assert read_page(undated).published is None


@pytest.mark.django_db
def test_command_ingests_pages_with_their_metadata_and_date_sources():
    out, err, error = run_ingest(
        str(PAGES / "news_article.html"),
        str(PAGES / "dateline_only.html"),
        str(PAGES / "url_date.html"),
        "--story",
        "ferry",
    )
    assert error is None, err
    assert "articles: 3 new" in out
    found = {a.title: (a.published_on, a.published_from) for a in Article.objects.all()}
    assert found == {
        "Ferry runs aground off Kestrel Point; 212 passengers taken off safely": (
            date(2025, 3, 12),
            "meta",
        ),
        "Kestrel Bay council approves new harbour wall": (date(2025, 3, 19), "text"),
        "Islander ferry refloated on the morning tide": (date(2025, 3, 14), "url"),
    }
    news = Article.objects.get(outlet="The Harbour Gazette")
    assert (news.author, news.url) == (
        "Maren Tollefsen",
        "https://www.harbourgazette.example/news/ferry-runs-aground-kestrel-point",
    )
    assert Event.objects.filter(story__slug="ferry").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["listing.html", "paywall.html"])
def test_command_refuses_a_page_that_is_not_an_article_in_one_line(name):
    _, err, error = run_ingest(str(PAGES / name), "--story", "ferry")
    assert err.count("\n") == 1
    assert err.startswith(f"{PAGES / name}: no article text in the page (only ")
    assert err.rstrip().endswith("words: a paywall, a listing or an empty page?)")
    assert error == "1 input(s) failed; nothing was ingested"
    assert not Story.objects.exists()


def undated_page(tmp_path) -> Path:
    source = (PAGES / "dateline_only.html").read_text(encoding="utf-8")
    path = tmp_path / "undated.htm"
    path.write_text(source.replace("Published 19 March 2025 by", "By"), encoding="utf-8")
    return path


@pytest.mark.django_db
def test_page_without_a_date_is_refused_naming_it(tmp_path):
    path = undated_page(tmp_path)
    _, err, error = run_ingest(str(path), "--story", "ferry")
    assert err.strip() == (
        f"{path}: no publication date in the page (its metadata, its address or a date line); "
        "give --published YYYY-MM-DD or a manifest date"
    )
    assert error is not None
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_page_without_a_date_goes_in_with_published(tmp_path):
    _, _, error = run_ingest(
        str(undated_page(tmp_path)), "--story", "ferry", "--published", "2025-03-18"
    )
    assert error is None
    article = Article.objects.get()
    assert (article.published_on, article.published_from) == (date(2025, 3, 18), "given")


@pytest.mark.django_db
def test_published_overrides_the_page_metadata():
    run_ingest(str(PAGES / "news_article.html"), "--story", "ferry", "--published", "2025-03-11")
    article = Article.objects.get()
    assert (article.published_on, article.published_from) == (date(2025, 3, 11), "given")


@pytest.mark.django_db
def test_html_saved_as_txt_is_read_as_a_page(tmp_path):
    path = tmp_path / "saved.txt"
    path.write_bytes((PAGES / "news_article.html").read_bytes())
    run_ingest(str(path), "--story", "ferry")
    assert "<p>" not in Article.objects.get().body
    assert "cookies" not in Article.objects.get().body


@pytest.mark.django_db
def test_reader_shows_where_the_date_was_read(client):
    run_ingest(str(PAGES / "news_article.html"), "--story", "ferry")
    article = Article.objects.get()
    page = client.get(reverse("articles:detail", args=[article.pk])).text
    assert "read from the page’s metadata" in page
    assert '<time datetime="2025-03-12">' in page
    assert "Maren Tollefsen" in page


def seed_page(text: str, *, title: str, published: str) -> str:
    """A seed article as a simple saved page: its lines as paragraphs, its date in a meta."""
    paragraphs = "\n".join(f"<p>{escape(line)}</p>" for line in text.splitlines() if line.strip())
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title>"
        f'<meta property="article:published_time" content="{published}">'
        f"</head><body><article>\n{paragraphs}\n</article></body></html>"
    )


def story_events(slug: str) -> list[tuple]:
    events = Event.objects.filter(story__slug=slug).prefetch_related("citations")
    return sorted(
        (
            e.title,
            e.date_start,
            e.date_end,
            e.granularity,
            e.date_kind,
            e.status,
            tuple(sorted(c.quote for c in e.citations.all())),
        )
        for e in events
    )


@pytest.mark.django_db
def test_seed_articles_as_pages_give_the_same_events_as_their_text_files(tmp_path):
    report = ingest_paths([SEEDS / "manifest.json"], story_slug="seeds")
    assert not report.errors
    from_text = story_events("seeds")
    assert len(from_text) > 10
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))
    titles = {Path(r.source).name: r.article.title for r in report.results}
    Story.objects.filter(slug="seeds").delete()  # the same texts: their hashes are taken
    pages = []
    for entry in manifest["articles"]:
        text = (SEEDS / entry["file"]).read_text(encoding="utf-8")
        path = tmp_path / entry["file"].replace(".txt", ".html")
        path.write_text(
            seed_page(text, title=titles[entry["file"]], published=entry["published"]),
            encoding="utf-8",
        )
        pages.append(path)
    report = ingest_paths(pages, story_slug="seeds")
    assert not report.errors
    assert {a.published_from for a in Article.objects.all()} == {"meta"}
    assert story_events("seeds") == from_text
