"""Shared fixtures: the built site, a static server on 127.0.0.1, and Debian's Chromium driven by
Playwright.

The site is built once per session (strict) for the port it will be served on: Material's
instant navigation only treats links as internal when `site_url` matches the page's origin,
port included. DIESE_SITE_DIR reuses an existing build (its port is read from its sitemap);
with DIESE_REBUILD=1 that directory is rebuilt first."""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

RACINE = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
AXE = RACINE / "node_modules" / "axe-core" / "axe.min.js"
ARGS_CHROMIUM = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def port_libre() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def construire(destination: Path, site_url: str) -> None:
    env = {**os.environ, "DIESE_SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    chemins = [str(RACINE / "tools"), env.get("PYTHONPATH", "")]
    env["PYTHONPATH"] = os.pathsep.join(c for c in chemins if c)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(destination)],
        cwd=RACINE,
        env=env,
        check=True,
    )


def port_du_sitemap(site: Path) -> int:
    trouve = re.search(r"<loc>https?://[^/:<]+:(\d+)/", (site / "sitemap.xml").read_text())
    if not trouve:
        raise RuntimeError(f"{site}/sitemap.xml : aucun port dans site_url")
    return int(trouve.group(1))


@pytest.fixture(scope="session")
def site_et_port(tmp_path_factory) -> tuple[Path, int]:
    dossier = os.environ.get("DIESE_SITE_DIR")
    reconstruire = os.environ.get("DIESE_REBUILD") == "1"
    if dossier and (Path(dossier) / "index.html").exists() and not reconstruire:
        return Path(dossier), port_du_sitemap(Path(dossier))
    destination = Path(dossier) if dossier else tmp_path_factory.mktemp("site")
    port = port_libre()
    construire(destination, f"http://127.0.0.1:{port}/")
    return destination, port


@pytest.fixture(scope="session")
def site_dir(site_et_port) -> Path:
    """The built site (strict build of the work tree)."""
    return site_et_port[0]


class _Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".mjs": "text/javascript",
        ".js": "text/javascript",
        ".json": "application/json",
        ".webmanifest": "application/manifest+json",
        ".whl": "application/zip",
    }

    def log_message(self, *args) -> None:  # keep test output readable
        pass

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        # Like a static host (and `mkdocs serve`): a missing page gets the site's own 404 page.
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.exists():
            return super().send_error(code, message, explain)
        corps = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(corps)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(corps)

    def end_headers(self) -> None:
        # Like a static host configured as the README says: revalidate HTML and the worker.
        if self.path.endswith((".html", "/", "sw.js")):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


@pytest.fixture(scope="session")
def serveur(site_et_port) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1, on the port its site_url names."""
    site, port = site_et_port
    handler = functools.partial(_Handler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    fil = threading.Thread(target=httpd.serve_forever, daemon=True)
    fil.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="session")
def navigateur():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} absent : `make test` installe le paquet Debian chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS_CHROMIUM)
        yield browser
        browser.close()


class GardeOrigine:
    """Records every request that leaves the site's origin, and aborts it."""

    def __init__(self, base: str) -> None:
        self.hote = urlparse(base).netloc
        self.sorties: list[str] = []

    def installer(self, context) -> None:
        def filtre(route) -> None:
            url = route.request.url
            parsed = urlparse(url)
            if parsed.scheme in {"data", "blob"} or parsed.netloc == self.hote:
                route.continue_()
            else:
                self.sorties.append(url)
                route.abort()

        context.route("**/*", filtre)


@pytest.fixture
def contexte(navigateur, serveur):
    """A fresh browser context (empty storage) whose requests must stay on the site's origin."""
    garde = GardeOrigine(serveur)
    context = navigateur.new_context(base_url=serveur, locale="fr-FR")
    garde.installer(context)
    context.garde = garde
    yield context
    context.close()
    assert not garde.sorties, f"Requêtes hors de l'origine du site : {garde.sorties}"


@pytest.fixture
def page(contexte):
    p = contexte.new_page()
    erreurs: list[str] = []
    p.on("pageerror", lambda exc: erreurs.append(str(exc)))
    p.erreurs_js = erreurs
    yield p
    p.close()


def analyser_axe(
    page, contexte_css: str | None = None, bonnes_pratiques: bool = False
) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA rules, and its best practices if asked) on the current page
    and return its violations."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    etiquettes = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
    if bonnes_pratiques:
        etiquettes.append("best-practice")
    options = {"runOnly": {"type": "tag", "values": etiquettes}}
    cible = json.dumps(contexte_css) if contexte_css else "document"
    return page.evaluate(
        f"async () => (await axe.run({cible}, {json.dumps(options)})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " noeuds: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"
    )


@pytest.fixture
def axe():
    return analyser_axe
