"""http(s) URLs of pages or feeds, fetched with a total time-out, a size cap and few redirects.

Every way a server can misbehave (too slow, too big, wrong type, broken HTTP) ends as an
InputError naming the URL and the reason, so one bad URL never stops a run.
"""
from __future__ import annotations

import functools
import http.client
import math
import os
import socket
import threading
import urllib.error
import urllib.request
from typing import NamedTuple
from urllib.parse import urlsplit

from etl.model import Article, InputError

TIMEOUT_SECONDS = 15.0  # the whole fetch, headers and body; $ENTENTE_URL_TIMEOUT overrides
MAX_BYTES = 10 * 1024 * 1024  # $ENTENTE_URL_MAX_BYTES overrides
MAX_REDIRECTS = 5  # $ENTENTE_URL_MAX_REDIRECTS overrides
CHUNK = 64 * 1024
USER_AGENT = "Entente/0.1 (alliance tracker; +https://example.invalid/entente)"

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
              "application/rdf+xml", "application/feed+json")
HTML_TYPES = ("text/html", "application/xhtml+xml")
TEXT_TYPES = ("text/plain", "text/markdown")
JSON_TYPES = ("application/json", "application/x-ndjson")
ACCEPTED_TYPES = FEED_TYPES + HTML_TYPES + TEXT_TYPES + JSON_TYPES


class Fetched(NamedTuple):
    body: bytes
    content_type: str
    url: str  # after redirects
    charset: str | None


def is_url(item: str) -> bool:
    return item.lower().startswith(("http://", "https://"))


def size_text(n: int) -> str:
    if n >= 2**20 and n % 2**20 == 0:
        return f"{n // 2**20} MB"
    if n >= 1024 and n % 1024 == 0:
        return f"{n // 1024} KB"
    return f"{n:,} bytes"


class LimitedRedirects(urllib.request.HTTPRedirectHandler):
    """At most MAX_REDIRECTS redirects; the importers' downloads use it too."""

    max_redirections = MAX_REDIRECTS


class _Refused(Exception):
    """Raised inside the opener; fetch turns it into an InputError naming the URL."""


class _Redirects(LimitedRedirects):
    """Counts redirects itself, before urllib's own loop check, and only follows http(s)."""

    def __init__(self, limit: int):
        super().__init__()
        self.limit = limit
        self.followed = 0
        self.max_redirections = self.max_repeats = limit + 1

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise _Refused(f"redirect to a non-HTTP URL refused ({newurl[:100]})")
        self.followed += 1
        if self.followed > self.limit:
            raise _Refused(f"more than {self.limit} redirects")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Watchdog:
    """Shuts the connection's socket when the time is up.

    A socket time-out only bounds each read, so a server dripping a byte a second would never
    time out; shutting the socket from a timer bounds the whole fetch, for http and https alike.
    """

    def __init__(self, seconds: float):
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def __enter__(self) -> _Watchdog:
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    def watch(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shutdown(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shutdown(sock)


def _shutdown(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class _HTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, watchdog: _Watchdog, **kwargs):
        super().__init__(*args, **kwargs)
        self._watchdog = watchdog

    def connect(self):
        super().connect()
        self._watchdog.watch(self.sock)


class _HTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, watchdog: _Watchdog, **kwargs):
        super().__init__(*args, **kwargs)
        self._watchdog = watchdog

    def connect(self):
        super().connect()  # self.sock is the TLS socket from here on
        self._watchdog.watch(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, watchdog: _Watchdog):
        super().__init__()
        self._watchdog = watchdog

    def http_open(self, req):
        return self.do_open(functools.partial(_HTTPConnection, watchdog=self._watchdog), req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, watchdog: _Watchdog):
        super().__init__()
        self._watchdog = watchdog

    def https_open(self, req):
        return self.do_open(functools.partial(_HTTPSConnection, watchdog=self._watchdog), req,
                            context=self._context)


def _setting(address: str, given, variable: str, default, kind):
    if given is not None:
        return kind(given)
    raw = os.environ.get(variable)
    if not raw:
        return default
    try:
        value = kind(raw)
    except ValueError:
        raise InputError(address, f"${variable} is not a number: {raw[:20]!r}") from None
    if not (math.isfinite(value) and (value > 0 or (value == 0 and kind is int))):
        raise InputError(address, f"${variable} is out of range: {raw[:20]!r}")
    return value


def fetch(address: str, timeout: float | None = None, max_bytes: int | None = None,
          max_redirects: int | None = None) -> Fetched:
    """The body of an accepted content type, or an InputError with the reason."""
    timeout = _setting(address, timeout, "ENTENTE_URL_TIMEOUT", TIMEOUT_SECONDS, float)
    max_bytes = _setting(address, max_bytes, "ENTENTE_URL_MAX_BYTES", MAX_BYTES, int)
    max_redirects = _setting(address, max_redirects, "ENTENTE_URL_MAX_REDIRECTS", MAX_REDIRECTS, int)
    with _Watchdog(timeout) as watchdog:
        opener = urllib.request.build_opener(_Redirects(max_redirects), _HTTPHandler(watchdog),
                                             _HTTPSHandler(watchdog))
        try:
            request = urllib.request.Request(address, headers={"User-Agent": USER_AGENT})
            fetched = _download(address, opener, request, timeout, max_bytes)
        except Exception as exc:
            # Checked first: the socket shut by the watchdog reads as an early end of the body.
            if watchdog.expired or _is_timeout(exc):
                raise InputError(address, f"timed out after {timeout:g} s") from exc
            if isinstance(exc, InputError):
                raise
            raise InputError(address, _reason(exc)) from exc
    if watchdog.expired:
        raise InputError(address, f"timed out after {timeout:g} s")
    return fetched


def _download(address: str, opener, request, timeout: float, max_bytes: int) -> Fetched:
    with opener.open(request, timeout=timeout) as response:
        content_type = response.headers.get_content_type()
        if content_type not in ACCEPTED_TYPES:  # refused before reading a byte of the body
            raise InputError(address, f"unsupported content type '{content_type}'")
        declared = response.headers.get("Content-Length", "").strip()
        if declared.isdigit() and int(declared) > max_bytes:
            raise InputError(address, f"response larger than {size_text(max_bytes)}")
        chunks, size = [], 0
        while chunk := response.read(min(CHUNK, max_bytes + 1 - size)):
            chunks.append(chunk)
            size += len(chunk)
            if size > max_bytes:
                raise InputError(address, f"response larger than {size_text(max_bytes)}")
        if declared.isdigit() and size < int(declared):  # http.client reads an early close as the end
            raise InputError(address, f"connection closed after {size:,} of {int(declared):,} bytes")
        return Fetched(b"".join(chunks), content_type, response.geturl(),
                       response.headers.get_content_charset())


def _is_timeout(exc: BaseException) -> bool:
    reason = getattr(exc, "reason", None)
    return isinstance(exc, (socket.timeout, TimeoutError)) or isinstance(reason, (socket.timeout, TimeoutError))


def _reason(exc: Exception) -> str:
    if isinstance(exc, _Refused):
        return str(exc)
    if isinstance(exc, urllib.error.HTTPError):
        if 300 <= exc.code < 400:
            location = (exc.headers or {}).get("Location")
            if not location:
                return f"HTTP {exc.code} redirect without a Location header"
            return f"HTTP {exc.code} redirect to '{location[:100]}' not followed"
        return f"HTTP {exc.code} {exc.reason}"
    if isinstance(exc, http.client.IncompleteRead):
        return f"connection closed after {len(exc.partial):,} bytes of the body"
    if isinstance(exc, http.client.InvalidURL):
        return f"invalid URL ({exc})"
    if isinstance(exc, http.client.HTTPException):
        return f"invalid HTTP response ({type(exc).__name__})"
    if isinstance(exc, urllib.error.URLError):
        return f"cannot fetch ({exc.reason})"
    return f"cannot fetch ({exc})"


def _transcode(address: str, body: bytes, charset: str | None) -> bytes:
    """Text and JSON readers read UTF-8: honour another charset the server declares."""
    if not charset or charset.lower().replace("_", "-") in ("utf-8", "utf8", "us-ascii", "ascii"):
        return body
    try:
        return body.decode(charset).encode("utf-8")
    except LookupError:
        raise InputError(address, f"unknown charset '{charset[:40]}'") from None
    except UnicodeDecodeError as exc:
        byte = f"byte 0x{body[exc.start]:02x} at offset {exc.start}"
        raise InputError(address, f"not valid {charset} ({byte})") from None


def read(address: str, **limits) -> list[Article | InputError]:
    """limits: timeout, max_bytes, max_redirects, each overriding its constant for this call."""
    from etl.readers import feed, html, jsonfile, text

    body, content_type, final, charset = fetch(address, **limits)
    if content_type in FEED_TYPES or (content_type == "text/html" and body.lstrip()[:5] == b"<?xml"):
        return feed.read(address, body)
    if content_type in HTML_TYPES:
        articles = html.read(address, body, url=final)
    elif content_type in TEXT_TYPES:
        articles = text.read(address, _transcode(address, body, charset))
    else:
        return jsonfile.read(address, _transcode(address, body, charset),
                             lines=content_type == "application/x-ndjson")
    for article in articles:
        article.url = article.url or final
    return articles
