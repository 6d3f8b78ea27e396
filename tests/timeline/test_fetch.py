"""Articles by their links: fetched from a real server on 127.0.0.1 through the real code,
and every refusal (addresses that are not public, redirects to them, size, time, type)."""

from __future__ import annotations

import ipaddress
from datetime import date

import pytest

from articles.models import Article, Story
from timeline.fetch import FetchError, fetch, refused_because, user_agent
from timeline.ingest import IngestError
from timeline.runs import ingest_paths, read_link

from .conftest import PAGES, run_ingest

CANONICAL = "https://www.harbourgazette.example/news/ferry-runs-aground-kestrel-point"


def test_loopback_is_refused_without_the_setting(page_site):
    url = page_site.url("/news_article.html")
    with pytest.raises(FetchError) as refused:
        fetch(url)
    assert str(refused.value) == (
        f"{url}: refused: 127.0.0.1 is 127.0.0.1, a loopback address "
        "(DATELINE_FETCH_ALLOWED_NETWORKS can allow it)"
    )
    assert page_site.user_agents == []  # not even asked


@pytest.mark.parametrize(
    ("target", "why"),
    [
        ("http://10.1.2.3/admin", "a private address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[::1]/", "a loopback address"),
        ("http://[::ffff:10.0.0.1]/", "a private address"),
        ("http://[fd00:ec2::254]/", "a private address"),
        ("http://0.0.0.0/", "an unspecified address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://100.100.100.200/", "not a public address"),
    ],
)
def test_redirect_to_an_address_that_is_not_public_is_refused(
    page_site, loopback_allowed, target, why
):
    page_site.routes["/moved.html"] = (302, {"Location": target}, b"")
    with pytest.raises(FetchError, match=why):
        fetch(page_site.url("/moved.html"))


def test_an_ipv4_address_written_as_ipv6_is_judged_as_itself():
    assert refused_because(ipaddress.ip_address("::ffff:127.0.0.1")) == "a loopback address"
    assert refused_because(ipaddress.ip_address("::ffff:93.184.215.14")) == ""


def test_a_name_that_resolves_to_loopback_is_refused(page_site):
    with pytest.raises(FetchError, match="refused: localhost is (127.0.0.1|::1), a loopback"):
        fetch(f"http://localhost:{page_site.server_address[1]}/news_article.html")
    assert page_site.user_agents == []


def test_allowed_redirect_is_followed_and_the_final_address_kept(page_site, loopback_allowed):
    page_site.routes["/moved.html"] = (301, {"Location": "/news_article.html"}, b"")
    response = fetch(page_site.url("/moved.html"))
    assert response.url == page_site.url("/news_article.html")
    assert response.body == (PAGES / "news_article.html").read_bytes()


def test_redirects_are_bounded(page_site, loopback_allowed):
    page_site.routes["/loop.html"] = (302, {"Location": "/loop.html"}, b"")
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch(page_site.url("/loop.html"))
    assert len(page_site.user_agents) == 6


def test_a_huge_response_is_cut_off_at_the_limit(page_site, loopback_allowed):
    with pytest.raises(FetchError, match="larger than 5 MB; not read"):
        fetch(page_site.url("/huge.html"))


def test_a_declared_huge_response_is_not_read_at_all(page_site, loopback_allowed):
    page_site.routes["/big.html"] = (200, {"Content-Type": "text/html"}, b"x" * (6 * 1024 * 1024))
    with pytest.raises(FetchError, match="larger than 5 MB"):
        fetch(page_site.url("/big.html"))


def test_a_server_that_does_not_answer_times_out(page_site, loopback_allowed):
    url = page_site.url("/slow.html")
    with pytest.raises(FetchError) as refused:
        fetch(url)
    assert str(refused.value) == f"{url}: timed out after 1 s"


def test_a_content_type_that_is_not_a_page_is_refused(page_site, loopback_allowed):
    page_site.routes["/photo.html"] = (200, {"Content-Type": "image/png"}, b"\x89PNG")
    with pytest.raises(FetchError, match="not a web page \\(content type “image/png”\\)"):
        read_link(page_site.url("/photo.html"))


def test_a_page_with_no_article_text_is_refused(page_site, loopback_allowed):
    url = page_site.url("/listing.html")
    with pytest.raises(IngestError, match="no article text in the page"):
        read_link(url)


def test_an_error_status_is_refused(page_site, loopback_allowed):
    with pytest.raises(FetchError, match="the server answered 404"):
        fetch(page_site.url("/missing.html"))


def test_requests_say_who_is_asking(page_site, loopback_allowed):
    fetch(page_site.url("/news_article.html"))
    assert page_site.user_agents == [user_agent()]
    assert user_agent().startswith("Dateline/0.")


@pytest.mark.django_db
def test_command_ingests_a_link_with_its_page_date(page_site, loopback_allowed):
    out, err, error = run_ingest(page_site.url("/news_article.html"), "--story", "ferry")
    assert error is None, err
    article = Article.objects.get()
    assert (article.url, article.published_on, article.published_from) == (
        CANONICAL,
        date(2025, 3, 12),
        "meta",
    )


@pytest.mark.django_db
def test_page_without_a_canonical_link_keeps_the_address_it_was_fetched_from(
    page_site, loopback_allowed
):
    run_ingest(page_site.url("/dateline_only.html"), "--story", "ferry")
    assert Article.objects.get().url == page_site.url("/dateline_only.html")


@pytest.mark.django_db
def test_links_file_ingests_each_link_and_reports_the_bad_ones(
    page_site, loopback_allowed, tmp_path
):
    links = tmp_path / "links.txt"
    links.write_text(
        "# the ferry story\n"
        f"{page_site.url('/news_article.html')}\n\n"
        f"{page_site.url('/paywall.html')}\n"
        f"{page_site.url('/url_date.html')}\n",
        encoding="utf-8",
    )
    out, err, error = run_ingest("--urls", str(links), "--story", "ferry")
    assert "articles: 2 new, 0 skipped (already ingested), 1 failed" in out
    assert err.strip() == (
        f"{page_site.url('/paywall.html')}: no article text in the page "
        "(only 14 words: a paywall, a listing or an empty page?)"
    )
    assert error == "1 input(s) failed; the others were ingested"


@pytest.mark.django_db
def test_links_file_with_a_line_that_is_not_a_link_is_refused_whole(
    page_site, loopback_allowed, tmp_path
):
    links = tmp_path / "links.txt"
    links.write_text(f"{page_site.url('/news_article.html')}\nfile:///etc/passwd\n")
    _, _, error = run_ingest("--urls", str(links), "--story", "ferry")
    assert error == f"{links}: line 2: not an http:// or https:// link"
    assert page_site.user_agents == []
    assert not Story.objects.exists()


@pytest.mark.django_db
def test_the_same_article_as_a_file_then_a_link_is_ingested_once(page_site, loopback_allowed):
    report = ingest_paths(
        [PAGES / "news_article.html", page_site.url("/news_article.html")], story_slug="ferry"
    )
    assert (report.new, report.skipped, report.errors) == (1, 1, [])


@pytest.mark.django_db
def test_a_page_known_by_its_canonical_address_is_ingested_once(
    page_site, loopback_allowed, tmp_path
):
    # Another copy of the page: an edited text (another hash), the same canonical address.
    edited = (PAGES / "news_article.html").read_text(encoding="utf-8")
    edited = edited.replace("Nobody was seriously hurt", "No one was seriously hurt")
    page_site.routes["/edited.html"] = (200, {"Content-Type": "text/html"}, edited.encode())
    report = ingest_paths(
        [PAGES / "news_article.html", page_site.url("/edited.html")], story_slug="ferry"
    )
    assert (report.new, report.skipped) == (1, 1)
    assert "Nobody was seriously hurt" in Article.objects.get().body
