"""Every page of the built site, in a real browser: no request leaves the origin, nothing is
refused by the Content-Security-Policy, nothing 404s, no JavaScript error, and axe-core (WCAG 2.1
A/AA) reports no violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import RACINE

pytestmark = pytest.mark.browser


def chemins_des_pages(docs: Path) -> list[str]:
    """The URL of every Markdown page (directory URLs, as MkDocs writes them)."""
    chemins = []
    for fichier in sorted(docs.rglob("*.md")):
        relatif = fichier.relative_to(docs).with_suffix("").as_posix()
        if relatif == "index":
            chemins.append("")
        elif relatif.endswith("/index"):
            chemins.append(relatif.removesuffix("index"))
        else:
            chemins.append(relatif + "/")
    return chemins


PAGES = chemins_des_pages(RACINE / "docs")


def test_chaque_page_est_construite(site_dir: Path) -> None:
    manquantes = [c for c in PAGES if not (site_dir / c / "index.html").exists()]
    assert len(PAGES) >= 30 and manquantes == []


@pytest.mark.parametrize("chemin", PAGES)
def test_page_propre(page, chemin: str, axe) -> None:
    refus_csp: list[str] = []
    introuvables: list[str] = []
    page.on(
        "console",
        lambda m: refus_csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.on("response", lambda r: introuvables.append(r.url) if r.status >= 400 else None)
    reponse = page.goto(chemin)
    assert reponse is not None and reponse.ok, chemin
    page.wait_for_load_state("networkidle")
    assert page.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1
    assert refus_csp == [], refus_csp
    assert introuvables == [], introuvables
    assert page.erreurs_js == [], page.erreurs_js
    violations = axe(page)
    assert violations == [], violations
