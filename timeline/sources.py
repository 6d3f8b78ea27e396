"""Where articles come from: text files, saved web pages (and, through them, fetched ones),
each read into a `Draft` that the ingest takes as it is. Problems are `IngestError`s whose
message is one line naming the input."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from timeline.pages import NotAnArticle, looks_like_html, read_page
from timeline.textfile import NotText, decode_text

MAX_BYTES = 5 * 1024 * 1024
PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}
UNDATED_PAGE = "no publication date in the page (its metadata, its address or a date line)"


class IngestError(Exception):
    """One input could not be ingested; the message is one line and names it."""


@dataclass(frozen=True)
class Draft:
    """One article as its source gives it, before it is ingested."""

    text: str
    source: str
    title: str | None = None
    outlet: str = ""
    author: str = ""
    url: str = ""
    published: date | None = None
    published_from: str | None = None
    undated: str = "no publication date in the text"


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise IngestError(f"{path}: too large ({size / 1_048_576:.1f} MB; the limit is 5 MB)")
        return path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot read ({error.strerror or error})") from None


def read_article_file(path: Path | str) -> str:
    """The file's text, or an IngestError saying why it is not an article."""
    path = Path(path)
    try:
        return decode_text(_read_bytes(path))
    except NotText as error:
        raise IngestError(f"{path}: {error}") from None


def page_draft(html: str | bytes, *, source: str, url: str = "") -> Draft:
    """The article in a web page (fetched from `url`, if it was), or an IngestError."""
    try:
        page = read_page(html, url=url)
    except NotAnArticle as error:
        raise IngestError(f"{source}: {error}") from None
    return Draft(
        text=page.text,
        source=source,
        title=page.title or None,
        outlet=page.outlet,
        author=page.author,
        url=page.url,
        published=page.published,
        published_from=page.published_from or None,
        undated=UNDATED_PAGE,
    )


def read_draft(path: Path | str, *, title: str | None = None) -> Draft:
    """A text file or a saved web page (by its name, or by what it holds), as a Draft."""
    path = Path(path)
    if path.suffix.lower() in PAGE_SUFFIXES:
        draft = page_draft(_read_bytes(path), source=str(path))
    else:
        text = read_article_file(path)
        if looks_like_html(text):
            draft = page_draft(text, source=str(path))
        else:
            draft = Draft(text=text, source=str(path))
    return replace(draft, title=title) if title else draft
