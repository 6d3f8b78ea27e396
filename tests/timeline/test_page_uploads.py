"""/ingest/: saved pages uploaded and links pasted, each a background job like a text file."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from articles.models import Article
from tests.factories import StoryFactory
from timeline.models import UploadedArticle
from timeline.tasks import process_upload

from .conftest import PAGES
from .test_feeds import item, rss

pytestmark = pytest.mark.django_db


def html_file(name: str, content: bytes | None = None) -> SimpleUploadedFile:
    data = content if content is not None else (PAGES / name).read_bytes()
    return SimpleUploadedFile(name, data, content_type="text/html")


def post(client, *, files=(), links="", story=None):
    data = {"files": list(files), "links": links, "story": (story or StoryFactory()).pk}
    return client.post(reverse("ingest"), data)


def run_queued() -> None:
    for row in UploadedArticle.objects.filter(status="queued"):
        process_upload(upload_id=row.pk)


def test_uploaded_page_is_ingested_with_its_metadata_and_date(staff_client):
    response = post(staff_client, files=[html_file("news_article.html")])
    assert response.status_code == 302
    assert UploadedArticle.objects.get().kind == "page"
    run_queued()
    upload = UploadedArticle.objects.get()
    assert upload.status == "done", upload.message
    article = upload.article
    assert (article.outlet, article.published_on, article.published_from) == (
        "The Harbour Gazette",
        date(2025, 3, 12),
        "meta",
    )
    assert "cookies" not in article.body


def test_uploaded_page_in_its_declared_encoding_is_read_right(staff_client):
    page = (PAGES / "dateline_only.html").read_text(encoding="utf-8")
    page = page.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("about £4 million", "about £4 million, the café owners said,")
    post(staff_client, files=[html_file("wall.html", page.encode("windows-1252"))])
    run_queued()
    assert "the café owners said" in Article.objects.get().body


def test_uploaded_page_that_is_not_an_article_fails_at_once(staff_client):
    post(staff_client, files=[html_file("listing.html"), html_file("url_date.html")])
    listing = UploadedArticle.objects.get(file_name="listing.html")
    assert listing.status == "failed"
    assert listing.message.startswith("listing.html: no article text in the page")
    assert UploadedArticle.objects.get(file_name="url_date.html").status == "queued"


def test_pasted_links_become_one_job_each_and_are_fetched_by_the_worker(
    staff_client, page_site, loopback_allowed
):
    links = f"{page_site.url('/news_article.html')}\n\n  {page_site.url('/paywall.html')}  \n"
    response = post(staff_client, links=links)
    assert response.status_code == 302
    assert page_site.user_agents == []  # nothing is fetched during the request
    assert UploadedArticle.objects.filter(kind="link", status="queued").count() == 2
    run_queued()
    news = UploadedArticle.objects.get(link=page_site.url("/news_article.html"))
    assert news.status == "done"
    assert news.article.url.endswith("/news/ferry-runs-aground-kestrel-point")
    paywall = UploadedArticle.objects.get(link=page_site.url("/paywall.html"))
    assert paywall.status == "failed"
    assert "no article text in the page" in paywall.message


def test_pasted_link_to_a_private_address_fails_safely(staff_client, page_site):
    post(staff_client, links=page_site.url("/news_article.html"))
    run_queued()
    upload = UploadedArticle.objects.get()
    assert upload.status == "failed"
    assert "a loopback address" in upload.message
    assert page_site.user_agents == []


def test_a_pasted_line_that_is_not_a_link_refuses_the_form_and_records_nothing(staff_client):
    response = post(staff_client, links="https://news.example/a\nftp://files.example/b\n")
    assert response.status_code == 200
    assert "Line 2 is not an http:// or https:// link" in response.text
    assert not UploadedArticle.objects.exists()


def test_nothing_chosen_is_a_clear_error(staff_client):
    response = post(staff_client)
    assert "Choose article files, or paste links to articles." in response.text
    assert not UploadedArticle.objects.exists()


def test_links_without_csrf_token_are_refused(django_user_model):
    client = Client(enforce_csrf_checks=True)
    client.force_login(django_user_model.objects.create_superuser("e", "e@x.org", "pw-e-12345"))
    response = post(client, links="https://news.example/a")
    assert response.status_code == 403
    assert not UploadedArticle.objects.exists()


def test_hostile_link_text_is_shown_as_text(staff_client):
    hostile = "https://news.example/<script>alert(1)</script>"
    post(staff_client, links=hostile)
    page = staff_client.get(reverse("ingest")).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_bad_link_line_is_echoed_escaped(staff_client):
    response = post(staff_client, links='javascript:"><script>alert(1)</script>')
    assert "<script>alert(1)</script>" not in response.text


def test_a_pasted_feed_link_queues_its_entries_for_the_feed_story(
    staff_client, page_site, loopback_allowed
):
    undated = (PAGES / "dateline_only.html").read_text(encoding="utf-8")
    page_site.routes["/undated.html"] = (
        200,
        {"Content-Type": "text/html"},
        undated.replace("Published 19 March 2025 by", "By").encode(),
    )
    feed = rss(
        item("Ferry aground", "/news_article.html", "Sat, 01 Mar 2025 09:00:00 GMT"),
        item("Harbour wall", "/undated.html", "Tue, 18 Mar 2025 18:00:00 GMT"),
        item("No link at all", None),
    )
    page_site.routes["/feed.rss"] = (200, {"Content-Type": "application/rss+xml"}, feed.encode())
    story = StoryFactory()
    post(staff_client, links=page_site.url("/feed.rss"), story=story)
    run_queued()  # the feed: its entries are queued
    feed_row = UploadedArticle.objects.get(link=page_site.url("/feed.rss"))
    assert feed_row.status == "done"
    assert feed_row.message.splitlines() == [
        "A feed: 2 entries queued.",
        f"{page_site.url('/feed.rss')}: entry 3 (“No link at all”): no link to an article",
    ]
    assert feed_row.entries.filter(status="queued").count() == 2
    run_queued()  # the entries
    entries = {row.link.rsplit("/", 1)[-1]: row for row in feed_row.entries.all()}
    assert {row.status for row in entries.values()} == {"done"}
    undated_article = entries["undated.html"].article
    assert (undated_article.published_on, undated_article.published_from) == (
        date(2025, 3, 18),
        "feed",
    )
    news = entries["news_article.html"].article  # the page's own date wins over the entry's
    assert (news.published_on, news.published_from) == (date(2025, 3, 12), "meta")
    assert set(Article.objects.values_list("story", flat=True)) == {story.pk}
    page = staff_client.get(reverse("ingest")).text
    assert "A feed: 2 entries queued.<br>" in page


def test_a_feed_entry_that_is_itself_a_feed_fails_saying_so(
    staff_client, page_site, loopback_allowed
):
    inner = rss(item("Ferry aground", "/news_article.html"))
    page_site.routes["/inner.rss"] = (200, {"Content-Type": "application/rss+xml"}, inner.encode())
    outer = rss(item("Another feed", "/inner.rss"))
    page_site.routes["/outer.rss"] = (200, {"Content-Type": "application/rss+xml"}, outer.encode())
    post(staff_client, links=page_site.url("/outer.rss"))
    run_queued()
    run_queued()
    entry = UploadedArticle.objects.get(link=page_site.url("/inner.rss"))
    assert entry.status == "failed"
    assert entry.message == (
        f"{page_site.url('/inner.rss')}: a feed, not an article page (a feed's entry must be one)"
    )
    assert not Article.objects.exists()
