"""http(s) URLs of pages or feeds, fetched with a time-out, a size cap and few redirects."""
from __future__ import annotations

import os
import socket
import urllib.error
import urllib.request

from etl.model import Article, InputError

TIMEOUT_SECONDS = 15.0  # $ENTENTE_URL_TIMEOUT overrides
MAX_BYTES = 10 * 1024 * 1024
MAX_REDIRECTS = 5
USER_AGENT = "Entente/0.1 (alliance tracker; +https://example.invalid/entente)"

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


class _LimitedRedirects(urllib.request.HTTPRedirectHandler):
    max_redirections = MAX_REDIRECTS


def fetch(address: str, timeout: float | None = None) -> tuple[bytes, str, str]:
    """Return (body, content type, final URL) or raise InputError with the reason."""
    if timeout is None:
        timeout = float(os.environ.get("ENTENTE_URL_TIMEOUT") or TIMEOUT_SECONDS)
    opener = urllib.request.build_opener(_LimitedRedirects)
    request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as response:
            content_type = response.headers.get_content_type()
            body = response.read(MAX_BYTES + 1)
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        if 300 <= exc.code < 400:
            raise InputError(address, f"more than {MAX_REDIRECTS} redirects") from exc
        raise InputError(address, f"HTTP {exc.code} {exc.reason}") from exc
    except (socket.timeout, TimeoutError) as exc:
        raise InputError(address, f"timed out after {timeout:g} s") from exc
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise InputError(address, f"timed out after {timeout:g} s") from exc
        raise InputError(address, f"cannot fetch ({reason})") from exc
    except (OSError, ValueError) as exc:
        raise InputError(address, f"cannot fetch ({exc})") from exc
    if len(body) > MAX_BYTES:
        raise InputError(address, f"response larger than {MAX_BYTES // 2**20} MB")
    return body, content_type, final


def read(address: str) -> list[Article | InputError]:
    from etl.readers import feed, html, jsonfile, text

    body, content_type, final = fetch(address)
    if content_type in FEED_TYPES or (content_type == "text/html" and body.lstrip()[:5] == b"<?xml"):
        return feed.read(address, body)
    if content_type in ("text/html", "application/xhtml+xml"):
        articles = html.read(address, body, url=final)
        for article in articles:
            article.url = article.url or final
        return articles
    if content_type in ("text/plain", "text/markdown"):
        articles = text.read(address, body)
        for article in articles:
            article.url = article.url or final
        return articles
    if content_type in ("application/json", "application/x-ndjson"):
        return jsonfile.read(address, body, lines=content_type == "application/x-ndjson")
    raise InputError(address, f"unsupported content type '{content_type}'")
