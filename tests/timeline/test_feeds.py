"""Feeds: every entry's link ingested, dated by its page or else by the entry; broken
entries reported one line each while the good ones go in."""

from __future__ import annotations

from datetime import date

import pytest

from articles.models import Article

from .conftest import PAGES, run_ingest

pytestmark = pytest.mark.django_db


def rss(*items: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        "<title>Harbour Gazette: transport</title><link>https://www.harbourgazette.example/</link>"
        "<description>Transport news</description>" + "".join(items) + "</channel></rss>"
    )


def item(title: str, link: str | None, published: str = "Wed, 12 Mar 2025 07:45:00 GMT") -> str:
    link_element = f"<link>{link}</link>" if link is not None else ""
    return f"<item><title>{title}</title>{link_element}<pubDate>{published}</pubDate></item>"


@pytest.fixture
def undated_page(page_site):
    source = (PAGES / "dateline_only.html").read_text(encoding="utf-8")
    body = source.replace("Published 19 March 2025 by", "By").encode()
    page_site.routes["/undated.html"] = (200, {"Content-Type": "text/html"}, body)
    return page_site.url("/undated.html")


@pytest.fixture
def mixed_feed(page_site, undated_page):
    return rss(
        item("Ferry aground", page_site.url("/news_article.html"), "Sat, 01 Mar 2025 09:00:00 GMT"),
        item("Harbour wall", undated_page, "Tue, 18 Mar 2025 18:00:00 GMT"),
        item("No link at all", None),
        item("Section front", page_site.url("/listing.html")),
        item("Script", "javascript:alert(1)"),
    )


def test_feed_file_ingests_the_good_entries_and_reports_the_broken(
    page_site, loopback_allowed, mixed_feed, tmp_path
):
    path = tmp_path / "feed.xml"
    path.write_text(mixed_feed, encoding="utf-8")
    out, err, error = run_ingest(str(path), "--story", "ferry")
    assert "articles: 2 new, 0 skipped (already ingested), 3 failed" in out
    assert err.splitlines() == [
        f"{path}: entry 3 (“No link at all”): no link to an article",
        f"{path}: entry 5 (“Script”): its link is not an http:// or https:// address",
        f"{page_site.url('/listing.html')}: no article text in the page "
        "(only 3 words: a paywall, a listing or an empty page?)",
    ]
    assert error == "3 input(s) failed; the others were ingested"


def test_page_date_wins_over_the_entry_date(page_site, loopback_allowed, mixed_feed, tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(mixed_feed, encoding="utf-8")
    run_ingest(str(path), "--story", "ferry")
    news = Article.objects.get(outlet="The Harbour Gazette")
    assert (news.published_on, news.published_from) == (date(2025, 3, 12), "meta")


def test_entry_date_dates_a_page_that_states_none(
    page_site, loopback_allowed, mixed_feed, undated_page, tmp_path
):
    path = tmp_path / "feed.xml"
    path.write_text(mixed_feed, encoding="utf-8")
    run_ingest(str(path), "--story", "ferry")
    wall = Article.objects.get(url=undated_page)
    assert (wall.published_on, wall.published_from) == (date(2025, 3, 18), "feed")
    assert wall.get_published_from_display() == "the feed entry’s date"


def test_feed_link_is_fetched_and_its_entries_ingested(page_site, loopback_allowed, mixed_feed):
    page_site.routes["/feed.rss"] = (
        200,
        {"Content-Type": "application/rss+xml; charset=utf-8"},
        mixed_feed.encode(),
    )
    out, err, _ = run_ingest(page_site.url("/feed.rss"), "--story", "ferry")
    assert "articles: 2 new, 0 skipped (already ingested), 3 failed" in out
    assert f"{page_site.url('/feed.rss')}: entry 3 (“No link at all”)" in err


def test_atom_entry_links_are_read_against_the_feed_address(page_site, loopback_allowed):
    atom = (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Isles News</title><id>urn:isles</id><updated>2025-03-14T10:00:00Z</updated>"
        '<entry><title>Refloated</title><link href="url_date.html"/><id>urn:1</id>'
        "<updated>2025-03-14T10:00:00Z</updated></entry></feed>"
    )
    page_site.routes["/feeds/atom.xml"] = (
        200,
        {"Content-Type": "application/atom+xml"},
        atom.encode(),
    )
    page_site.routes["/feeds/url_date.html"] = (
        200,
        {"Content-Type": "text/html"},
        (PAGES / "url_date.html").read_bytes(),
    )
    _, err, error = run_ingest(page_site.url("/feeds/atom.xml"), "--story", "isles")
    assert error is None, err
    assert Article.objects.get().title == "Islander ferry refloated on the morning tide"


def test_a_file_that_is_not_a_feed_is_refused(tmp_path):
    path = tmp_path / "notes.xml"
    path.write_text("<notes><note>buy milk</note></notes>", encoding="utf-8")
    _, err, error = run_ingest(str(path), "--story", "ferry")
    assert err.strip() == f"{path}: not an RSS or Atom feed"
    assert error == "1 input(s) failed; nothing was ingested"
