"""Helpers shared by the checklist tests: build a modified copy of the project, and a static
server whose folder can be swapped (same origin, so the browser keeps its storage and its
service worker across "deployments")."""

from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]


def copie_du_projet(destination: Path) -> Path:
    for nom in ("docs", "macros", "overrides", "tools", "source"):
        shutil.copytree(RACINE / nom, destination / nom,
                        ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    shutil.copy(RACINE / "mkdocs.yml", destination / "mkdocs.yml")
    # The npm runtime (Pyodide) is large and read-only for the build: link it, don't copy it.
    (destination / "node_modules").symlink_to(RACINE / "node_modules", target_is_directory=True)
    # The build's caches (Pyodide snapshot, brotli copies): a minute of work each, same inputs.
    for cache in ("instantanes", "compresse"):
        if (RACINE / "build" / cache).is_dir():
            (destination / "build").mkdir(exist_ok=True)
            (destination / "build" / cache).symlink_to(RACINE / "build" / cache)
    return destination


def construire(projet: Path, sortie: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(projet / "tools"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(sortie)],
        cwd=projet, env=env, capture_output=True, text=True, check=False,
    )


class _Gestionnaire(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
    }

    def log_message(self, *args) -> None:
        pass

    def end_headers(self) -> None:
        if self.path.endswith((".html", "/", "sw.js")):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


class ServeurCommutable:
    """Serves `dossier` on 127.0.0.1; `dossier` may be replaced between two requests."""

    def __init__(self, dossier: Path) -> None:
        self.dossier = dossier
        serveur = self

        class Gestionnaire(_Gestionnaire):
            def __init__(self, *args, **kwargs) -> None:
                super().__init__(*args, directory=str(serveur.dossier), **kwargs)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Gestionnaire)
        self.fil = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.fil.start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.actif = True

    def couper(self) -> None:
        """The network is gone: nothing answers on this port any more."""
        if self.actif:
            self.httpd.shutdown()
            self.httpd.server_close()
            self.actif = False

