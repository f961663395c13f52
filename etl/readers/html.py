"""HTML pages: main text and metadata by trafilatura."""
from __future__ import annotations

import re

import trafilatura

from etl.model import Article, InputError
from etl.readers.common import finish, parse_published

# trafilatura takes minutes on 20 MB of markup; real article pages are far smaller.
MAX_HTML_BYTES = 10 * 1024 * 1024
HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([a-zA-Z]{2})", re.IGNORECASE)


def read(source: str, data: bytes, url: str | None = None) -> list[Article]:
    if not data.strip():
        raise InputError(source, "empty file")
    if len(data) > MAX_HTML_BYTES:
        raise InputError(source, f"HTML page larger than {MAX_HTML_BYTES // 2**20} MB")
    if b"<" not in data[:4096]:
        raise InputError(source, "not HTML (no markup found)")
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False)
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise InputError(source, f"unreadable HTML ({type(exc).__name__})") from exc
    if doc is None or not (doc.text or "").strip():
        raise InputError(source, "no article text found in the HTML")
    lang = HTML_LANG.search(data[:8192])
    try:
        published = parse_published(source, doc.date)
    except InputError:
        published = None
    article = Article(
        text=doc.text.strip(), source=source, title=doc.title, url=doc.url or url,
        published=published, language=lang.group(1).decode().lower() if lang else doc.language,
        publisher=doc.sitename,
    )
    return [finish(article)]
