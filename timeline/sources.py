"""Where articles come from: text files, saved web pages (and, through them, fetched ones),
each read into a `Draft` that the ingest takes as it is. Problems are `IngestError`s whose
message is one line naming the input."""

from __future__ import annotations

import json
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

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
    fallback_published: date | None = None  # a feed entry's date, when the page states none


def read_bytes(path: Path) -> bytes:
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
        return decode_text(read_bytes(path))
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
        draft = page_draft(read_bytes(path), source=str(path))
    else:
        text = read_article_file(path)
        if looks_like_html(text):
            draft = page_draft(text, source=str(path))
        else:
            draft = Draft(text=text, source=str(path))
    return replace(draft, title=title) if title else draft


ARCHIVE_SUFFIXES = {".jsonl", ".ndjson"}
ARCHIVE_MAX_BYTES = 200 * 1024 * 1024
_ARCHIVE_FIELDS = ("title", "published", "text", "url", "outlet")


def read_archive(path: Path | str) -> list[Draft]:
    """A newsroom archive: one JSON article a line, `{"title", "published", "text", "url",
    "outlet"}`. One malformed line refuses the whole file (nothing of it is ingested), with
    an error naming that line."""
    path = Path(path)
    try:
        if (size := path.stat().st_size) > ARCHIVE_MAX_BYTES:
            raise IngestError(
                f"{path}: too large ({size / 1_048_576:.0f} MB; the limit for an archive is "
                f"{ARCHIVE_MAX_BYTES // 1_048_576} MB)"
            )
        with path.open("rb") as lines:
            drafts = [
                _archive_line(raw, path=path, number=number)
                for number, raw in enumerate(lines, start=1)
                if raw.strip()
            ]
    except OSError as error:
        raise IngestError(f"{path}: cannot read ({error.strerror or error})") from None
    if not drafts:
        raise IngestError(f"{path}: empty archive (no article lines)")
    return drafts


def _archive_line(raw: bytes, *, path: Path, number: int) -> Draft:
    where = f"{path}: line {number}"
    try:
        record = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError as error:
        raise IngestError(f"{where}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise IngestError(f"{where}: not valid JSON ({error.msg}, column {error.colno})") from None
    if not isinstance(record, dict):
        raise IngestError(f"{where}: not an article object {{{', '.join(_ARCHIVE_FIELDS)}}}")
    for key in _ARCHIVE_FIELDS:
        if not isinstance(record.get(key, ""), str):
            raise IngestError(f"{where}: “{key}” must be a string")
    text = record.get("text", "")
    if not text.strip():
        raise IngestError(f"{where}: no “text”")
    if "\x00" in text:
        raise IngestError(f"{where}: “text” holds NUL bytes")
    if len(text.encode("utf-8")) > MAX_BYTES:
        raise IngestError(f"{where}: “text” is larger than 5 MB")
    given = record.get("published", "")
    try:
        published = date.fromisoformat(given)
    except ValueError:
        raise IngestError(
            f"{where}: “published” must be a date (YYYY-MM-DD), not “{given[:40]}”"
        ) from None
    url = record.get("url", "").strip()
    if url and not _is_web_address(url):
        raise IngestError(f"{where}: “url” must be an http:// or https:// address")
    return Draft(
        text=text,
        source=where,
        title=" ".join(record.get("title", "").split())[:500] or None,
        outlet=" ".join(record.get("outlet", "").split())[:200],
        url=url[:1000],
        published=published,
    )


def _is_web_address(value: str) -> bool:
    parts = urlsplit(value)
    return parts.scheme in {"http", "https"} and bool(parts.netloc) and len(value) <= 1000
