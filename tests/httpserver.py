"""A real HTTP server on 127.0.0.1 for URL and feed inputs, with routes that misbehave on purpose.

A route is either a tuple (status, content type, body bytes, delay seconds, extra headers), or a
function given the request handler, which writes whatever raw bytes it likes to `handler.wfile`
(see the helpers below: a slow drip, an endless body, a truncated body, a broken status line).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Routes(dict):
    """path -> (status, content type, body bytes, delay seconds, extra headers) or a raw writer."""


def serve(routes: Routes):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            route = routes.get(self.path, (404, "text/plain", b"not found", 0, {}))
            try:
                if callable(route):
                    route(self)
                    return
                status, ctype, body, delay, headers = route
                if delay:
                    time.sleep(delay)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should with a misbehaving route

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


Writer = Callable[[BaseHTTPRequestHandler], None]


def _head(handler: BaseHTTPRequestHandler, ctype: str, length: int | None = None) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", ctype)
    if length is not None:
        handler.send_header("Content-Length", str(length))
    handler.end_headers()
    handler.wfile.flush()


def drip(body: bytes, interval: float, ctype: str = "text/html") -> Writer:
    """Headers at once, then the body a byte every `interval` seconds: each read is quick, the whole is not."""
    def write(handler):
        _head(handler, ctype, len(body))
        for i in range(len(body)):
            time.sleep(interval)
            handler.wfile.write(body[i:i + 1])
            handler.wfile.flush()
    return write


def drip_headers(interval: float, count: int = 200) -> Writer:
    """A status line then header bytes a little at a time, never finishing the headers."""
    def write(handler):
        handler.wfile.write(b"HTTP/1.0 200 OK\r\nX-Slow: ")
        for _ in range(count):
            time.sleep(interval)
            handler.wfile.write(b"a")
            handler.wfile.flush()
    return write


def endless(ctype: str = "text/html", declare: int | None = None) -> Writer:
    """A body that never ends (no Content-Length, or a false one): stops only when the client hangs up."""
    def write(handler):
        _head(handler, ctype, declare)
        block = b"<p>" + b"lorem ipsum " * 5000 + b"</p>\n"
        while True:
            handler.wfile.write(block)
    return write


def truncated(body: bytes, declared: int, ctype: str = "text/html") -> Writer:
    """Promises `declared` bytes, sends `body`, then closes the connection."""
    def write(handler):
        _head(handler, ctype, declared)
        handler.wfile.write(body)
        handler.wfile.flush()
        handler.close_connection = True
    return write


def raw(data: bytes) -> Writer:
    """Whatever bytes, status line included: for responses that are not HTTP at all."""
    def write(handler):
        handler.wfile.write(data)
        handler.wfile.flush()
    return write
