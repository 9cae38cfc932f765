"""Shared fixtures: the built site, a static server on 127.0.0.1, and Debian's Chromium driven by
Playwright. The site is built once per session (`make test` builds it just before pytest)."""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

RACINE = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("DIESE_SITE_DIR", RACINE / "site"))
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


@pytest.fixture(scope="session")
def site_dir() -> Path:
    """The built site; built here if `make test` did not build it already."""
    if not (SITE / "index.html").exists() or os.environ.get("DIESE_REBUILD") == "1":
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(SITE)],
            cwd=RACINE,
            check=True,
        )
    return SITE


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

    def end_headers(self) -> None:
        # Like a static host configured as the README says: revalidate HTML and the worker.
        if self.path.endswith((".html", "/", "sw.js")):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()


@pytest.fixture(scope="session")
def serveur(site_dir: Path) -> Iterator[str]:
    """Base URL of the built site served on 127.0.0.1 (random free port)."""
    handler = functools.partial(_Handler, directory=str(site_dir))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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


def analyser_axe(page, contexte_css: str | None = None) -> list[dict]:
    """Run axe-core (WCAG 2.1 A/AA rules) on the current page and return its violations."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
    cible = json.dumps(contexte_css) if contexte_css else "document"
    return page.evaluate(
        f"async () => (await axe.run({cible}, {json.dumps(options)})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " noeuds: v.nodes.slice(0, 5).map(n => n.target.join(' '))}))"
    )


@pytest.fixture
def axe():
    return analyser_axe
