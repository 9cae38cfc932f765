"""Page start-up as the build reorders it (diese.site.chargement), in a real browser: Material
still starts (search, instant navigation), finds nothing left to change on <html> or in the
URLs, and the light/dark switch (diese-palette.js, in place of Material's) behaves as Material's
did — chosen by the system on a first visit, kept across pages, toggled by mouse and keyboard —
while writing <meta name="color-scheme"> only when the page is dark."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

SCHEMA = "document.body.getAttribute('data-md-color-scheme')"
META_SCHEMA = "(document.head.querySelector('meta[name=color-scheme]') || {}).content || null"
ETIQUETTES_VISIBLES = (
    "[...document.querySelectorAll('form[data-diese-palette] label')]"
    ".filter(l => !l.hidden).map(l => l.getAttribute('for'))"
)


def attendre_material(page) -> None:
    page.wait_for_function("() => window.document$ !== undefined"
                           " && window.component$ !== undefined")
    page.wait_for_load_state("networkidle")


def test_material_demarre_sans_rien_laisser_a_changer(page) -> None:
    page.goto("outils/cout-embauche/")
    attendre_material(page)
    assert page.evaluate("document.documentElement.className.split(' ').sort()") == [
        "js", "js-focus-visible"]
    relatives = page.evaluate(
        "[...document.querySelectorAll('[href],[src]')].map(e => e.getAttribute('href') ??"
        " e.getAttribute('src')).filter(v => v && !/^(?:[a-z]+:)?\\/\\//i.test(v))")
    assert relatives == []
    # Material started: its search opens from the keyboard, the header is mounted.
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    assert page.erreurs_js == []


def test_scripts_en_ligne_executes_avant_material_et_permis_par_la_csp(contexte) -> None:
    """Material's bundle refused: what the page shows comes from the build's own inline scripts,
    which the page's Content-Security-Policy lets run (no violation reported)."""
    contexte.route("**/assets/javascripts/bundle.*.min.js", lambda route: route.abort())
    contexte.add_init_script(
        "window.__violations = []; document.addEventListener('securitypolicyviolation',"
        " (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    page = contexte.new_page()
    page.goto("outils/cout-embauche/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.document$") is None  # Material never started
    assert page.evaluate("document.documentElement.className.split(' ').sort()") == [
        "js", "js-focus-visible"]
    assert page.evaluate(
        "[...document.querySelectorAll('link[rel=stylesheet], a[href]')]"
        ".every(e => /^https?:\\/\\//.test(e.getAttribute('href')))")
    assert page.evaluate("window.__violations") == []
    # The palette switch is the site's own: it works without Material.
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function(f"() => {SCHEMA} === 'slate'")


def test_palette_clair_par_defaut_sans_balise_color_scheme(page) -> None:
    page.goto("guide/")
    attendre_material(page)
    assert page.evaluate(SCHEMA) == "default"
    assert page.evaluate(META_SCHEMA) is None  # a light page needs no tag, nor any restyling
    assert page.evaluate(ETIQUETTES_VISIBLES) == ["__palette_1"]  # « Passer au thème sombre »
    assert page.evaluate("document.body.hasAttribute('data-md-color-switching')") is False


def test_bascule_souris_puis_clavier_et_choix_garde(page) -> None:
    page.goto("guide/")
    attendre_material(page)
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function(f"() => {SCHEMA} === 'slate'")
    page.wait_for_function(f"() => {META_SCHEMA} === 'dark'")
    assert page.evaluate(ETIQUETTES_VISIBLES) == ["__palette_0"]
    assert page.evaluate("__md_get('__palette').index") == 1
    teinte = page.evaluate("document.head.querySelector('meta[name=theme-color]').content")
    assert teinte.startswith("#") and len(teinte) == 7
    # Another page (a full load): the stored choice is applied before the first paint.
    page.goto("a-propos/")
    assert page.evaluate(SCHEMA) == "slate"
    attendre_material(page)
    assert page.evaluate(ETIQUETTES_VISIBLES) == ["__palette_0"]
    # Keyboard: Enter on the switch goes to the next palette, as with Material.
    page.locator("#__palette_1").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(f"() => {SCHEMA} === 'default'")
    page.wait_for_function(f"() => {META_SCHEMA} === 'light'")
    assert page.evaluate("__md_get('__palette').index") == 0
    assert page.erreurs_js == []


def test_premiere_visite_suit_le_systeme_sombre(navigateur, serveur) -> None:
    contexte = navigateur.new_context(base_url=serveur, color_scheme="dark")
    page = contexte.new_page()
    page.goto("guide/")
    page.wait_for_function(f"() => {SCHEMA} === 'slate'")
    page.wait_for_function(f"() => {META_SCHEMA} === 'dark'")
    assert page.evaluate(ETIQUETTES_VISIBLES) == ["__palette_0"]
    contexte.close()


def test_la_palette_survit_a_la_navigation_instantanee(page) -> None:
    page.goto("")
    attendre_material(page)
    page.evaluate("window.__dieseMarqueur = 7")
    page.locator("label[for='__palette_1']").click()
    page.wait_for_function(f"() => {SCHEMA} === 'slate'")
    page.locator(".md-tabs__link", has_text="Le guide").first.click()
    page.wait_for_url("**/guide/")
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.__dieseMarqueur") == 7  # same document: instant navigation
    assert page.evaluate(SCHEMA) == "slate"
    page.locator("label[for='__palette_0']").click()  # the switch still answers
    page.wait_for_function(f"() => {SCHEMA} === 'default'")
