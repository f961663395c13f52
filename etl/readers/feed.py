"""RSS and Atom feeds: one article per entry, its source the feed plus '#' and the entry id."""
from __future__ import annotations

import calendar
import io
from datetime import datetime, timedelta

import feedparser
import lxml.html

from etl.model import Article, InputError
from etl.readers.common import finish, one_line, plausible_date

MAX_ENTRIES = 10_000


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(fragment)
    except (lxml.etree.LxmlError, ValueError):
        return fragment.strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content().strip()


def entry_date(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    try:
        return plausible_date(datetime(1970, 1, 1) + timedelta(seconds=calendar.timegm(parsed)))
    except (ValueError, OverflowError, TypeError):
        return None  # a date feedparser read but no datetime can hold


def entry_source(source: str, entry, index: int) -> str:
    """The feed plus '#' and the entry's id on one short line (ids are whatever the feed says)."""
    return f"{source}#{one_line(str(entry.get('id') or ''), 200) or index}"


def read(source: str, data: bytes) -> list[Article | InputError]:
    if not data.strip():
        raise InputError(source, "empty file")
    # A stream, not bytes: given bytes, feedparser tries them as a file name first, so a feed file
    # holding "/dev/zero" or another file's path would read that file.
    parsed = feedparser.parse(io.BytesIO(data))
    if not parsed.entries:
        reason = "not an RSS or Atom feed" if parsed.get("bozo") else "feed has no entries"
        raise InputError(source, reason)
    language = parsed.feed.get("language") or None
    results: list[Article | InputError] = []
    for index, entry in enumerate(parsed.entries[:MAX_ENTRIES], start=1):
        where = entry_source(source, entry, index)
        contents = entry.get("content") or []
        body = html_to_text(contents[0].get("value", "") if contents else entry.get("summary", ""))
        if not body:
            results.append(InputError(where, "entry has no text"))
            continue
        try:
            results.append(finish(Article(
                text=body, source=where, title=entry.get("title"), url=entry.get("link"),
                published=entry_date(entry), language=language,
                publisher=parsed.feed.get("title"),
            )))
        except InputError as exc:
            results.append(exc)
    if len(parsed.entries) > MAX_ENTRIES:
        results.append(InputError(source, f"feed has {len(parsed.entries)} entries; read the first {MAX_ENTRIES}"))
    return results
