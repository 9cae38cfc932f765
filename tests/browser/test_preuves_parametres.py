"""The evidence on « Données et méthode de calcul », in a real browser on a 320 px phone: a
folded proof opens from the keyboard, shows its quoted excerpt and its dated link, the page stays
within the screen, and axe-core finds nothing wrong with every proof open; « non vérifié » is
visible beside its value without opening anything."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

CHEMIN = "outils/schema-simulation/"


@pytest.fixture
def telephone(contexte):
    p = contexte.new_page()
    p.set_viewport_size({"width": 320, "height": 640})
    yield p
    p.close()


def test_une_preuve_s_ouvre_au_clavier_et_tient_sur_le_telephone(telephone, axe) -> None:
    telephone.goto(CHEMIN)
    telephone.wait_for_load_state("networkidle")
    preuve = telephone.locator("details.diese-preuve").first
    citation = preuve.locator("blockquote")
    assert not citation.is_visible()
    preuve.locator("summary").focus()
    telephone.keyboard.press("Enter")
    assert citation.is_visible() and len(citation.inner_text().strip()) >= 10
    assert "consulté le 1er décembre 2026" in preuve.inner_text()
    assert preuve.locator("a[href^='https://']").count() >= 1
    # Every proof open: still no sideways scrolling of the page, and no axe violation.
    telephone.evaluate("document.querySelectorAll('details.diese-preuve')"
                       ".forEach(d => d.open = true)")
    assert telephone.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe(telephone, "article") == []


def test_non_verifie_visible_a_cote_de_la_valeur(telephone) -> None:
    telephone.goto(CHEMIN)
    marque = telephone.locator("li > strong.diese-non-verifie").first
    marque.scroll_into_view_if_needed()
    assert marque.is_visible() and marque.inner_text() == "non vérifié"
