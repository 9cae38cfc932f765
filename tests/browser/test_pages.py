"""Every page of the built site, in a real browser: no request leaves the origin, nothing is
refused by the Content-Security-Policy, nothing 404s, no JavaScript error, and axe-core (WCAG 2.1
A/AA) reports no violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import SITE

pytestmark = pytest.mark.browser


def chemins_des_pages(site: Path) -> list[str]:
    chemins = []
    for fichier in sorted(site.rglob("index.html")):
        relatif = fichier.parent.relative_to(site).as_posix()
        chemins.append("" if relatif == "." else relatif + "/")
    return chemins


PAGES = chemins_des_pages(SITE) if (SITE / "index.html").exists() else [""]


def test_le_site_a_toutes_ses_pages(site_dir: Path) -> None:
    assert len(chemins_des_pages(site_dir)) >= 30


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
