"""Site-wide behaviour in a real browser: instant navigation, keyboard use, dark palette contrast,
print rendering without navigation chrome."""

from __future__ import annotations

import pytest

from tests.browser.test_pages import PAGES

pytestmark = pytest.mark.browser


def test_navigation_instantanee_sans_rechargement(page) -> None:
    page.goto("")
    page.evaluate("window.__dieseMarqueur = 42")
    page.locator(".md-tabs__link", has_text="Le guide").first.click()
    page.wait_for_url("**/guide/")
    page.wait_for_load_state("networkidle")
    # The same document swapped its content: the marker survives only with instant navigation.
    assert page.evaluate("window.__dieseMarqueur") == 42
    assert page.locator("h1").first.inner_text().strip() != ""


def test_clavier_lien_d_evitement_puis_contenu(page) -> None:
    page.goto("guide/")
    page.keyboard.press("Tab")
    focus = page.evaluate("(e => e.className + ' ' + e.textContent)(document.activeElement)")
    assert "md-skip" in focus and "contenu" in focus.lower()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") != ""


def test_clavier_ouvre_la_recherche(page) -> None:
    page.goto("")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.press("Escape")


def test_theme_sombre_contraste_sur_chaque_page(navigateur, serveur, axe) -> None:
    """The dark palette (chosen by the system setting) passes axe on every page too."""
    contexte = navigateur.new_context(base_url=serveur, color_scheme="dark")
    page = contexte.new_page()
    echecs = {}
    for chemin in PAGES:
        page.goto(chemin)
        page.wait_for_load_state("networkidle")
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
        violations = axe(page)
        if violations:
            echecs[chemin] = violations
    contexte.close()
    assert echecs == {}


def test_impression_sans_navigation(page) -> None:
    page.goto("guide/contextualisation/")
    page.emulate_media(media="print")
    for selecteur in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selecteur).first.evaluate("e => getComputedStyle(e).display") == "none"
    assert page.locator("article h1").is_visible()
