"""A real HTTP server on 127.0.0.1 for URL and feed inputs, with routes that misbehave on purpose."""
from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Routes(dict):
    """path -> (status, content type, body bytes, delay seconds, extra headers)."""


def serve(routes: Routes):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            status, ctype, body, delay, headers = routes.get(self.path, (404, "text/plain", b"not found", 0, {}))
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for key, value in headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"
