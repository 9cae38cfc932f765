"""A small HTTP server on 127.0.0.1 playing every answer the link checker must understand.
No test of this folder touches the internet."""

from __future__ import annotations

import http.server
import socket
import threading
import time
from collections.abc import Iterator

import pytest

LENTEUR = 2.0  # seconds the /lent page waits: far beyond the delay the tests allow


class _Reponses(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    vus: list[tuple[str, str]] = []

    def log_message(self, *args) -> None:
        pass

    def _repondre(self, code: int, entetes: dict[str, str] | None = None, corps=b"") -> None:
        self.send_response(code)
        for cle, valeur in (entetes or {}).items():
            self.send_header(cle, valeur)
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(corps)

    def _traiter(self) -> None:
        self.vus.append((self.command, self.path))
        chemin = self.path
        if chemin == "/ok":
            self._repondre(200, {"Content-Type": "text/html"}, b"<p>ok</p>")
        elif chemin == "/r1":
            self._repondre(301, {"Location": "/r2"})
        elif chemin == "/r2":
            self._repondre(302, {"Location": f"http://127.0.0.1:{self.server.server_port}/ok"})
        elif chemin == "/boucle":
            self._repondre(302, {"Location": "/boucle"})
        elif chemin == "/absent":
            self._repondre(404, {}, b"introuvable")
        elif chemin == "/parti":
            self._repondre(410, {}, b"parti")
        elif chemin == "/sans-head":
            if self.command == "HEAD":
                self._repondre(405, {"Allow": "GET"})
            else:
                self._repondre(200, {}, b"ok")
        elif chemin == "/lent":
            time.sleep(LENTEUR)
            self._repondre(200, {}, b"enfin")
        elif chemin == "/panne":
            self._repondre(503, {}, b"panne")
        else:
            self._repondre(404)

    do_GET = _traiter
    do_HEAD = _traiter


@pytest.fixture(scope="session")
def serveur_http() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Reponses)
    httpd.daemon_threads = True
    fil = threading.Thread(target=httpd.serve_forever, daemon=True)
    fil.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def requetes_vues() -> Iterator[list[tuple[str, str]]]:
    _Reponses.vus.clear()
    yield _Reponses.vus


@pytest.fixture(scope="session")
def port_ferme() -> int:
    """A port nobody listens on: bound then closed at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
