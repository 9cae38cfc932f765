"""A quiet static server for the benchmarks that open the built site in Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path


class _Silencieux(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the figures readable
        pass


def servir(dossier: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve `dossier` on a free port of 127.0.0.1 (daemon thread): (base URL, server to shut
    down)."""
    handler = functools.partial(_Silencieux, directory=str(dossier))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd
