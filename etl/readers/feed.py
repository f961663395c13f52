"""RSS and Atom feeds: one article per entry, its source the feed plus '#' and the entry id."""
from __future__ import annotations

import calendar
from datetime import datetime

import feedparser
import lxml.html

from etl.model import Article, InputError
from etl.readers.common import finish

MAX_ENTRIES = 10_000


def html_to_text(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fromstring(fragment)
    except (lxml.etree.ParserError, ValueError):
        return fragment.strip()
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content().strip()


def entry_date(entry) -> datetime | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return datetime.utcfromtimestamp(calendar.timegm(parsed))


def read(source: str, data: bytes) -> list[Article | InputError]:
    if not data.strip():
        raise InputError(source, "empty file")
    parsed = feedparser.parse(data)
    if not parsed.entries:
        reason = "not an RSS or Atom feed" if parsed.get("bozo") else "feed has no entries"
        raise InputError(source, reason)
    language = (parsed.feed.get("language") or "")[:2] or None
    results: list[Article | InputError] = []
    for index, entry in enumerate(parsed.entries[:MAX_ENTRIES], start=1):
        where = f"{source}#{entry.get('id') or index}"
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
