"""RSS and Atom feeds (feedparser): the entries' links, and their dates to fall back on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import feedparser

from timeline.fetch import is_web_link
from timeline.sources import IngestError

FEED_SUFFIXES = {".xml", ".rss", ".atom"}


@dataclass(frozen=True)
class FeedEntry:
    link: str
    published: date | None  # the entry's own date, used when its page states none


def read_feed(data: bytes, *, source: str, base: str = "") -> tuple[list[FeedEntry], list[str]]:
    """The entries of a feed that link to an article, and one error line per broken entry.
    `base`: the feed's own address, that relative links are read against."""
    # Bytes, never a str: given a str, feedparser would fetch it as a URL or open it as a file.
    parsed = feedparser.parse(bytes(data))
    if not parsed.entries:
        if parsed.get("version"):
            raise IngestError(f"{source}: the feed has no entries")
        raise IngestError(f"{source}: not an RSS or Atom feed")
    entries, errors = [], []
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join((entry.get("title") or "").split())[:80]
        label = f"{source}: entry {number}" + (f" (“{title}”)" if title else "")
        link = (entry.get("link") or "").strip()
        if base and link:
            link = urljoin(base, link)
        if not link:
            errors.append(f"{label}: no link to an article")
        elif not is_web_link(link) or len(link) > 1000:
            errors.append(f"{label}: its link is not an http:// or https:// address")
        else:
            entries.append(FeedEntry(link=link, published=_entry_date(entry)))
    return entries, errors


def _entry_date(entry) -> date | None:
    moment = entry.get("published_parsed") or entry.get("updated_parsed")
    if not moment:
        return None
    try:
        return date(moment.tm_year, moment.tm_mon, moment.tm_mday)
    except ValueError:
        return None
