"""A static server that compresses like a real host, for the browser tests and the benchmarks.

- `Accept-Encoding` negotiation: a pre-compressed `X.br` (then `X.gz`) beside `X` is sent as
  `X` with `Content-Encoding`, as the README's hosting notes ask of the host;
- otherwise text, JavaScript, JSON and WebAssembly are gzip-compressed on the fly (level 6, what
  nginx/CDNs do), once per file;
- `Cache-Control` as the README says: `no-cache` for HTML and `sw.js`, a year and `immutable`
  for fingerprinted names (`name.<hash>.ext`), an hour for the rest;
- the bytes written to sockets are counted (what the network carried);
- `coupe` makes every request fail at the socket (the network is gone), and `dossier` may be
  swapped between two requests (a new deploy at the same origin).
"""

from __future__ import annotations

import gzip
import http.server
import re
import sys
import threading
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css",
    ".js": "text/javascript",
    ".mjs": "text/javascript",
    ".json": "application/json",
    ".webmanifest": "application/manifest+json",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".odt": "application/vnd.oasis.opendocument.text",
    ".woff2": "font/woff2",
}
A_LA_VOLEE = {".html", ".css", ".js", ".mjs", ".json", ".webmanifest", ".wasm", ".svg", ".xml",
              ".txt"}
EMPREINTE = re.compile(r"\.[0-9a-f]{8,}\.(js|css)$|\+[0-9a-f]{10}-")


class ServeurCompresse:
    def __init__(self, dossier: Path, port: int = 0) -> None:
        self.dossier = Path(dossier)
        self.octets = 0
        self.requetes: list[str] = []
        self.coupe = False
        self._verrou = threading.Lock()
        self._gzip: dict[tuple[Path, int], bytes] = {}
        serveur = self

        class Gestionnaire(_Gestionnaire):
            hote = serveur

        self.httpd = _Serveur(("127.0.0.1", port), Gestionnaire)
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def compter(self, n: int) -> None:
        with self._verrou:
            self.octets += n

    def gzip_de(self, fichier: Path) -> bytes:
        cle = (fichier, fichier.stat().st_mtime_ns)
        if cle not in self._gzip:
            self._gzip[cle] = gzip.compress(fichier.read_bytes(), 6, mtime=0)
        return self._gzip[cle]

    def arreter(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class _Serveur(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):  # a reader leaving is normal
            super().handle_error(request, client_address)


class _Gestionnaire(http.server.BaseHTTPRequestHandler):
    hote: ServeurCompresse
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def _fichier(self) -> Path | None:
        chemin = unquote(urlsplit(self.path).path)
        cible = (self.hote.dossier / chemin.lstrip("/")).resolve()
        if not cible.is_relative_to(self.hote.dossier.resolve()):
            return None
        if cible.is_dir():
            cible = cible / "index.html"
        return cible if cible.is_file() else None

    def _envoyer(self, statut: int, corps: bytes, entetes: dict[str, str]) -> None:
        self.send_response(statut)
        for nom, valeur in entetes.items():
            self.send_header(nom, valeur)
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(corps)
        self.hote.compter(len(corps))

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        if self.hote.coupe:  # the network is gone: no answer at all
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.hote.requetes.append(self.path)
        fichier = self._fichier()
        if fichier is None:
            page = self.hote.dossier / "404.html"
            corps = page.read_bytes() if page.is_file() else b"introuvable"
            self._envoyer(404, corps, {"Content-Type": "text/html; charset=utf-8",
                                       "Cache-Control": "no-cache"})
            return
        nom = fichier.name
        if nom.endswith((".html", ".webmanifest")) or nom == "sw.js":
            cache = "no-cache"
        elif EMPREINTE.search(nom):
            cache = "public, max-age=31536000, immutable"
        else:
            cache = "public, max-age=3600"
        modifie = fichier.stat().st_mtime
        entetes = {
            "Content-Type": TYPES.get(fichier.suffix, "application/octet-stream"),
            "Cache-Control": cache,
            "Last-Modified": formatdate(modifie, usegmt=True),
            "Vary": "Accept-Encoding",
        }
        depuis = self.headers.get("If-Modified-Since")
        if depuis:
            try:
                if int(modifie) <= parsedate_to_datetime(depuis).timestamp():
                    self._envoyer(304, b"", {"Cache-Control": cache})
                    return
            except (TypeError, ValueError):
                pass
        demande = self.headers.get("Accept-Encoding", "")
        acceptes = {e.split(";")[0].strip() for e in demande.split(",")}
        for codage, suffixe in (("br", ".br"), ("gzip", ".gz")):
            pre = fichier.with_name(nom + suffixe)
            if codage in acceptes and pre.is_file():
                self._envoyer(200, pre.read_bytes(), {**entetes, "Content-Encoding": codage})
                return
        if "gzip" in acceptes and fichier.suffix in A_LA_VOLEE:
            corps = self.hote.gzip_de(fichier)
            self._envoyer(200, corps, {**entetes, "Content-Encoding": "gzip"})
            return
        self._envoyer(200, fichier.read_bytes(), entetes)
