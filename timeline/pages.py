"""A saved or fetched web page: the article's main text and what the page says about it.

trafilatura finds the text (navigation, share buttons, comments, related links and cookie
banners dropped) and the title, site name, author and canonical address; htmldate reads the
publication date from the page's markup (meta tags, JSON-LD, `<time>`) or its address. A date
that is only written in the text (a date line) is left to the ingest's own header reader, as
for plain text. htmldate's free-text search is never used: it turns a "© 2025" footer into
2025-01-01, a day nobody wrote. No Django here.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import trafilatura
from htmldate.core import examine_header, examine_time_elements, extract_url_date, json_search
from htmldate.utils import Extractor
from htmldate.validators import get_max_date, get_min_date
from lxml.html import HtmlElement
from trafilatura.utils import decode_file, load_html

# An article says something: fewer words than this is a paywall, a listing or an error page.
MIN_WORDS = 50

# trafilatura and htmldate log every page they find little in; the refusal says it once.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


class NotAnArticle(ValueError):
    """The page holds no article text Dateline can use; the message says why."""


class DateFrom:
    """Where a page's publication date was read (values of Article.DateSource)."""

    METADATA = "meta"
    ADDRESS = "url"


@dataclass(frozen=True)
class Page:
    text: str
    title: str = ""
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None
    published_from: str = ""


def looks_like_html(text: str) -> bool:
    head = text.lstrip()[:512].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml")) or (
        "<head" in head and "<body" in text[:20_000].lower()
    )


def decode_page(data: bytes) -> str:
    """A page's bytes as text, in the encoding it declares or seems to be in."""
    return decode_file(data)


def read_page(html: str | bytes, *, url: str = "") -> Page:
    """The article in `html` (fetched from `url`, if it was), or NotAnArticle."""
    tree = load_html(html)
    if tree is None:
        raise NotAnArticle("not an HTML page")
    # Dates first: the extraction below prunes the tree in place.
    published, published_from = read_publication_date(tree, url=_canonical_link(tree) or url)
    document = trafilatura.bare_extraction(
        tree,
        url=url or None,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        favor_precision=True,
    )
    text = _paragraphs(document.text if document is not None else "")
    words = len(text.split())
    if words < MIN_WORDS:
        raise NotAnArticle(
            f"no article text in the page (only {words} word{'s' if words != 1 else ''}: "
            "a paywall, a listing or an empty page?)"
        )
    canonical = _web_address(document.url) or _web_address(url)
    return Page(
        text=text,
        title=_one_line(document.title)[:500],
        outlet=_one_line(document.sitename)[:200],
        author=_one_line(document.author)[:300],
        url=canonical[:1000],
        published=published,
        published_from=published_from,
    )


def read_publication_date(tree: HtmlElement | None, *, url: str = "") -> tuple[date | None, str]:
    """The page's publication date and where it was read: its metadata (meta tags, JSON-LD,
    `<time datetime>`), else its address (`/2025/03/14/`); (None, "") when neither says."""
    if tree is None:
        return None, ""
    options = Extractor(False, get_max_date(None), get_min_date(None), True, "%Y-%m-%d")
    found = examine_header(tree, options) or json_search(tree, options)
    if found is None:
        found = examine_time_elements(tree, options)
    if found is not None:
        return date.fromisoformat(found), DateFrom.METADATA
    if url and (found := extract_url_date(url, options)) is not None:
        return date.fromisoformat(found), DateFrom.ADDRESS
    return None, ""


def _canonical_link(tree: HtmlElement) -> str:
    link = tree.find('.//link[@rel="canonical"]')
    return _web_address(link.get("href") if link is not None else "")


def _paragraphs(text: str) -> str:
    lines = (" ".join(line.split()) for line in (text or "").splitlines())
    return "\n".join(line for line in lines if line)


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def _web_address(value: str | None) -> str:
    value = (value or "").strip()
    parts = urlsplit(value)
    return value if parts.scheme in {"http", "https"} and parts.netloc else ""
