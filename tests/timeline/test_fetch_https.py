"""Links over HTTPS: the certificate is checked, against the system's trust store or the
CAs named by DATELINE_FETCH_CA_BUNDLE, and for the name in the link."""

from __future__ import annotations

import ssl
import threading
from pathlib import Path

import pytest

from articles.models import Article
from timeline.fetch import FetchError, fetch

from .conftest import PAGES, PageSite, run_ingest

TLS = Path(__file__).resolve().parents[1] / "data" / "tls"


class TLSPageSite(PageSite):
    """The test pages served over TLS on 127.0.0.1 with a certificate from `TLS`."""

    def __init__(self, certificate: str):
        super().__init__()
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(TLS / f"{certificate}.pem", TLS / f"{certificate}.key")
        self.socket = context.wrap_socket(self.socket, server_side=True)

    def url(self, path: str) -> str:
        return f"https://127.0.0.1:{self.server_address[1]}{path}"


def serve(certificate: str):
    site = TLSPageSite(certificate)
    threading.Thread(target=site.serve_forever, daemon=True).start()
    return site


@pytest.fixture
def tls_site():
    sites = []

    def start(certificate: str = "loopback") -> TLSPageSite:
        sites.append(serve(certificate))
        return sites[-1]

    yield start
    for site in sites:
        site.shutdown()
        site.server_close()


@pytest.fixture
def test_ca_trusted(loopback_allowed):
    loopback_allowed.DATELINE_FETCH_CA_BUNDLE = str(TLS / "ca.pem")
    return loopback_allowed


def test_a_certificate_from_a_trusted_authority_is_fetched(tls_site, test_ca_trusted):
    site = tls_site()
    response = fetch(site.url("/news_article.html"))
    assert response.body == (PAGES / "news_article.html").read_bytes()
    assert response.url.startswith("https://127.0.0.1:")
    assert site.user_agents and site.user_agents[0].startswith("Dateline/")


def test_a_certificate_nobody_vouches_for_is_refused(tls_site, loopback_allowed):
    site = tls_site()
    url = site.url("/news_article.html")
    with pytest.raises(FetchError) as refused:
        fetch(url)
    assert str(refused.value) == f"{url}: the TLS certificate of 127.0.0.1 could not be verified"
    assert site.user_agents == []  # no request was sent over the unverified connection


def test_a_certificate_for_another_name_is_refused(tls_site, test_ca_trusted):
    site = tls_site("other")  # valid, from the trusted CA, but for news.example
    with pytest.raises(FetchError, match="TLS certificate of 127.0.0.1 could not be verified"):
        fetch(site.url("/news_article.html"))
    assert site.user_agents == []


@pytest.mark.django_db
def test_an_unverified_link_ingests_nothing(tls_site, loopback_allowed):
    site = tls_site()
    url = site.url("/news_article.html")
    _out, err, error = run_ingest(url, "--story", "harbour")
    assert error == "1 input(s) failed; nothing was ingested"
    assert f"{url}: the TLS certificate of 127.0.0.1 could not be verified" in err.splitlines()
    assert not Article.objects.exists()
