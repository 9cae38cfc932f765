"""On a small phone (320 px wide) no page of the site is wider than the screen, and a long
check-box label wraps beside its box, on screen and on paper."""

from __future__ import annotations

import pytest

from tests.browser.test_pages import chemins_des_pages
from tests.conftest import RACINE

pytestmark = pytest.mark.browser

# WCAG 1.4.10 (reflow): content usable at 320 CSS px without scrolling sideways.
LARGEUR = 320

PAGES = chemins_des_pages(RACINE / "docs")


@pytest.fixture
def telephone(contexte):
    p = contexte.new_page()
    p.set_viewport_size({"width": LARGEUR, "height": 640})
    yield p
    p.close()


def test_aucune_page_plus_large_que_le_telephone(telephone) -> None:
    trop_larges = {}
    for chemin in PAGES:
        telephone.goto(chemin)
        telephone.wait_for_load_state("load")
        largeur = telephone.evaluate("document.documentElement.scrollWidth")
        if largeur > LARGEUR:
            trop_larges[chemin] = largeur
    assert trop_larges == {}


def test_libelle_long_a_cote_de_sa_case(telephone) -> None:
    telephone.goto("ressources/formulaires/fiche-accueil/")
    case = telephone.locator("#f-fiche-accueil-reseau-transport")
    libelle = telephone.locator("label[for='f-fiche-accueil-reseau-transport']")
    for media in ("screen", "print"):
        telephone.emulate_media(media=media)
        boite_case, boite_libelle = case.bounding_box(), libelle.bounding_box()
        # The label starts right of the box, on the box's first line, and wraps there.
        assert boite_libelle["x"] >= boite_case["x"] + boite_case["width"], media
        assert boite_libelle["y"] < boite_case["y"] + boite_case["height"], media
        assert boite_libelle["height"] > 1.5 * boite_case["height"], media
