"""Content-Security-Policy meta tag on every page.

Runs after the whole site is written (ORDRE 90, on_post_build) so that one policy covers every
page: with instant navigation the first page's policy stays in force while others are swapped
in, so the inline scripts of every page (the theme's own) are hashed into one site-wide list.
Scripts stay strict: no 'unsafe-inline', no 'unsafe-eval'. Pages with an in-browser simulator
(`data-diese-pyodide`) also get 'wasm-unsafe-eval', the only addition WebAssembly needs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

ORDRE = 90

SCRIPT_EN_LIGNE = re.compile(r"<script(?P<attrs>[^>]*)>(?P<code>.*?)</script>", re.S | re.I)
TYPES_NON_EXECUTES = re.compile(r"""type=["']?(application/json|text/template)""", re.I)
META_EXISTANTE = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*', re.I)


def empreintes_scripts(html: str) -> set[str]:
    """sha256 sources of the executable inline scripts of a page."""
    empreintes = set()
    for script in SCRIPT_EN_LIGNE.finditer(html):
        attrs = script.group("attrs")
        if "src=" in attrs or TYPES_NON_EXECUTES.search(attrs):
            continue
        digest = hashlib.sha256(script.group("code").encode("utf-8")).digest()
        empreintes.add("'sha256-" + base64.b64encode(digest).decode("ascii") + "'")
    return empreintes


def politique(empreintes: set[str], webassembly: bool) -> str:
    scripts = ["'self'", *sorted(empreintes)]
    if webassembly:
        scripts.append("'wasm-unsafe-eval'")
    directives = {
        "default-src": "'self'",
        "script-src": " ".join(scripts),
        # Material sets a few style attributes (e.g. scroll offsets): styles only, no scripts.
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data:",
        "font-src": "'self'",
        "connect-src": "'self'",
        "worker-src": "'self'",
        "manifest-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
    }
    return "; ".join(f"{nom} {valeur}" for nom, valeur in directives.items())


def inserer(html: str, regle: str) -> str:
    html = META_EXISTANTE.sub("", html)
    balise = f'<meta http-equiv="Content-Security-Policy" content="{regle}">'
    # Before any script: right after the charset declaration (or the opening <head>).
    charset = re.search(r"<meta charset=[^>]*>", html, re.I)
    if charset:
        return html[: charset.end()] + "\n    " + balise + html[charset.end() :]
    return re.sub(r"<head[^>]*>", lambda m: m.group(0) + balise, html, count=1)


def appliquer(site: Path) -> int:
    pages = sorted(site.rglob("*.html"))
    contenus = {page: page.read_text(encoding="utf-8") for page in pages}
    empreintes: set[str] = set()
    for html in contenus.values():
        empreintes |= empreintes_scripts(html)
    for page, html in contenus.items():
        regle = politique(empreintes, webassembly="data-diese-pyodide" in html)
        page.write_text(inserer(html, regle), encoding="utf-8")
    return len(pages)


def on_post_build(config, **_) -> None:
    appliquer(Path(config["site_dir"]))
