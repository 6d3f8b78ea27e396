"""Fetching a page by its link, safely: a timeout, a size limit, a bounded number of
redirects, an honest User-Agent, and no request to an address that is not public.

Every hop's host is resolved here and the connection goes to the address that was checked
(TLS still verifies the host's name), so a name that resolves to a public address when
checked cannot then send the request to a private one. Redirects are followed by hand for
the same reason. Which non-public networks may be reached is a setting
(`DATELINE_FETCH_ALLOWED_NETWORKS`); none by default.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import urllib3
from django.conf import settings

from timeline.sources import IngestError

REDIRECTS = {301, 302, 303, 307, 308}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
FEED_TYPES = {
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
}
CHUNK = 64 * 1024


class FetchError(IngestError):
    """The link could not be fetched, or was refused; the message names it."""


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    content_type: str
    body: bytes

    @property
    def is_html(self) -> bool:
        return self.content_type in HTML_TYPES

    @property
    def is_feed(self) -> bool:
        return self.content_type in FEED_TYPES


@cache
def user_agent() -> str:
    try:
        version = metadata.version("dateline")
    except metadata.PackageNotFoundError:
        version = _version_in_pyproject()
    return f"Dateline/{version} (news timeline builder)"


def _version_in_pyproject() -> str:
    import tomllib

    pyproject = Path(__file__).resolve().parents[1] / "pyproject.toml"
    try:
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, ValueError):
        return "unknown"


def is_web_link(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.hostname)


def fetch(url: str, *, accept: set[str] | None = None) -> Response:
    """GET `url`; FetchError if it is refused, fails, is too large or too slow, or its
    content type is not one of `accept` (web pages and feeds by default)."""
    accept = accept or HTML_TYPES | FEED_TYPES
    deadline = time.monotonic() + settings.DATELINE_FETCH_TIMEOUT
    current = url
    for _hop in range(settings.DATELINE_FETCH_MAX_REDIRECTS + 1):
        response = _get(current, deadline=deadline, origin=url)
        try:
            if response.status in REDIRECTS:
                location = response.headers.get("Location", "")
                if not location:
                    raise FetchError(f"{url}: a redirect ({response.status}) to nowhere")
                current = urljoin(current, location.strip())
                continue
            if response.status != 200:
                raise FetchError(f"{url}: the server answered {response.status}")
            content_type = (response.headers.get("Content-Type") or "").split(";")[0]
            content_type = content_type.strip().lower()
            if content_type not in accept:
                raise FetchError(f"{url}: not a web page (content type “{content_type or 'none'}”)")
            body = _read_capped(response, url=url, deadline=deadline)
            return Response(url=current, content_type=content_type, body=body)
        finally:
            response.release_conn()
            response.close()
    raise FetchError(
        f"{url}: more than {settings.DATELINE_FETCH_MAX_REDIRECTS} redirects; not followed"
    )


def _get(url: str, *, deadline: float, origin: str) -> urllib3.BaseHTTPResponse:
    parts = urlsplit(url)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise FetchError(f"{origin}: only http:// and https:// links are fetched (not “{url}”)")
    host = parts.hostname
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = checked_address(host, port, origin=origin)
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchError(f"{origin}: timed out after {settings.DATELINE_FETCH_TIMEOUT:g} s")
    options = {
        "host": address,
        "port": port,
        "timeout": urllib3.Timeout(connect=remaining, read=remaining),
        "retries": False,
        "maxsize": 1,
    }
    if parts.scheme == "https":
        pool = urllib3.HTTPSConnectionPool(
            **options,
            server_hostname=host,
            assert_hostname=host,
            cert_reqs="CERT_REQUIRED",
            ca_certs=settings.DATELINE_FETCH_CA_BUNDLE or None,
        )
    else:
        pool = urllib3.HTTPConnectionPool(**options)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    headers = {
        "Host": parts.netloc.rsplit("@", 1)[-1],
        "User-Agent": user_agent(),
        "Accept": "text/html, application/xhtml+xml, application/rss+xml, "
        "application/atom+xml;q=0.9, */*;q=0.1",
    }
    try:
        return pool.urlopen(
            "GET",
            target,
            headers=headers,
            redirect=False,
            retries=False,
            preload_content=False,
            assert_same_host=False,
        )
    except urllib3.exceptions.TimeoutError:
        raise FetchError(
            f"{origin}: timed out after {settings.DATELINE_FETCH_TIMEOUT:g} s"
        ) from None
    except urllib3.exceptions.SSLError:
        raise FetchError(f"{origin}: the TLS certificate of {host} could not be verified") from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(
            f"{origin}: could not connect to {host} ({type(error).__name__})"
        ) from None


def checked_address(host: str, port: int, *, origin: str) -> str:
    """The address to connect to for `host`: every address it resolves to must be public
    or in an allowed network, else FetchError."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"{origin}: no such host “{host}”") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    for address in addresses:
        if why := refused_because(ipaddress.ip_address(address.split("%")[0])):
            raise FetchError(
                f"{origin}: refused: {host} is {address}, {why} "
                "(DATELINE_FETCH_ALLOWED_NETWORKS can allow it)"
            )
    return addresses[0]


def refused_because(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str:
    """Why Dateline will not fetch from `ip` ("" when it may)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if any(ip in network for network in allowed_networks()):
        return ""
    for test, why in (
        ("is_unspecified", "an unspecified address"),
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address (where cloud metadata services answer)"),
        ("is_private", "a private address"),
        ("is_multicast", "a multicast address"),
        ("is_reserved", "a reserved address"),
    ):
        if getattr(ip, test):
            return why
    return "" if ip.is_global else "not a public address"


def allowed_networks() -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    networks = []
    for value in settings.DATELINE_FETCH_ALLOWED_NETWORKS:
        try:
            networks.append(ipaddress.ip_network(value, strict=False))
        except ValueError:
            continue
    return networks


def _read_capped(response: urllib3.BaseHTTPResponse, *, url: str, deadline: float) -> bytes:
    limit = settings.DATELINE_FETCH_MAX_BYTES
    too_large = FetchError(f"{url}: larger than {limit / 1_048_576:g} MB; not read")
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    try:
        for chunk in response.stream(CHUNK):
            body += chunk
            if len(body) > limit:
                raise too_large
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: timed out after {settings.DATELINE_FETCH_TIMEOUT:g} s")
    except urllib3.exceptions.TimeoutError:
        raise FetchError(f"{url}: timed out after {settings.DATELINE_FETCH_TIMEOUT:g} s") from None
    except urllib3.exceptions.HTTPError as error:
        raise FetchError(f"{url}: the download broke off ({type(error).__name__})") from None
    return bytes(body)


def read_links(path: Path | str) -> list[str]:
    """The links in a file, one a line (blank lines and `#` comments skipped). A line that is
    not an http(s) link refuses the whole file, naming the line."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or error
        raise IngestError(f"{path}: cannot read ({reason})") from None
    links = []
    for number, line in enumerate(text.splitlines(), start=1):
        link = line.strip()
        if not link or link.startswith("#"):
            continue
        if not is_web_link(link) or len(link) > 1000:
            raise IngestError(f"{path}: line {number}: not an http:// or https:// link")
        links.append(link)
    if not links:
        raise IngestError(f"{path}: no links in it")
    return links
