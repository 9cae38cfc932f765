"""Every page of the built site, in a real browser: no request leaves the origin, nothing is
refused by the Content-Security-Policy, nothing 404s, no JavaScript error, and axe-core (WCAG 2.1
A/AA and its best practices) reports no violation."""

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
    violations = axe(page, bonnes_pratiques=True)
    assert violations == [], violations


def test_page_introuvable_en_francais(page, axe) -> None:
    """A mistyped address gets the site's 404 page, in French, with ways back into the site."""
    refus_csp: list[str] = []
    page.on(
        "console",
        lambda m: refus_csp.append(m.text) if "Content Security Policy" in m.text else None,
    )
    reponse = page.goto("guide/chapitre-qui-n-existe-pas/")
    assert reponse is not None and reponse.status == 404
    page.wait_for_load_state("networkidle")
    assert page.title().startswith("Page introuvable")
    assert page.locator("article h1").text_content() == "Page introuvable"
    liens = page.locator("article li a")
    assert liens.count() == 5
    for i in range(liens.count()):
        assert page.request.get(liens.nth(i).get_attribute("href")).ok
    assert refus_csp == [] and page.erreurs_js == []
    assert axe(page, bonnes_pratiques=True) == []
    liens.nth(1).click()
    page.wait_for_url("**/guide/")
    assert "Guide" in page.title()
