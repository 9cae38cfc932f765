"""Home page cards (the whole card is the link, « Simuler un coût » opens the simulator) and, on
a phone, headings that the invisible « # » permalink never pushes onto an extra line."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# Height of a heading's own text (its text nodes, permalink excluded) and of the heading box.
HAUTEURS = """(titre) => {
  const plage = document.createRange();
  const lien = titre.querySelector('.headerlink');
  plage.setStart(titre, 0);
  if (lien) plage.setEndBefore(lien); else plage.setEnd(titre, titre.childNodes.length);
  const lignes = new Set([...plage.getClientRects()].map(r => Math.round(r.top)));
  return {texte: lignes.size, boite: titre.getBoundingClientRect().height,
          ligne: parseFloat(getComputedStyle(titre).lineHeight)};
}"""


def test_simuler_un_cout_ouvre_le_simulateur(page) -> None:
    page.goto("")
    lien = page.get_by_role("link", name="Simuler un coût")
    assert lien.get_attribute("href").endswith("outils/cout-embauche/")
    lien.click()
    page.wait_for_url("**/outils/cout-embauche/")


@pytest.mark.parametrize(
    ("texte", "adresse"),
    [
        ("Le texte complet de 2005", "**/guide/"),
        ("Les bonnes pratiques en check-lists", "**/checklists/"),
        ("Ce que coûte une embauche", "**/outils/cout-embauche/"),
    ],
)
def test_toute_la_carte_est_le_lien(page, texte: str, adresse: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("")
    # A click on the card's description (not on its link text) follows the card's link: the
    # link's box covers the card, so it is the element under the pointer.
    boite = page.get_by_text(texte).bounding_box()
    page.mouse.click(boite["x"] + boite["width"] / 2, boite["y"] + boite["height"] / 2)
    page.wait_for_url(adresse)


def test_livre_lie_depuis_l_accueil(page) -> None:
    page.goto("")
    for nom, fin in (("PDF au format A4", ".pdf"), ("EPUB pour liseuse", ".epub")):
        href = page.get_by_role("link", name=nom).get_attribute("href")
        assert href.endswith(fin)
        assert page.request.get(href).ok, href


@pytest.mark.parametrize("largeur", [360, 375, 390, 412])
def test_permalien_invisible_ne_fait_pas_de_ligne_en_plus(contexte, largeur: int) -> None:
    telephone = contexte.new_page()
    telephone.set_viewport_size({"width": largeur, "height": 800})
    for chemin in ("guide/bonnes-pratiques/", "guide/contextualisation/", "a-propos/"):
        telephone.goto(chemin)
        for titre in telephone.locator("article h1, article h2").element_handles():
            mesure = telephone.evaluate(HAUTEURS, titre)
            assert mesure["boite"] < (mesure["texte"] + 0.5) * mesure["ligne"], (chemin, mesure)
    # The permalink still shows when it gets keyboard focus.
    telephone.goto("guide/bonnes-pratiques/")
    lien = telephone.locator("article h1 .headerlink")
    lien.focus()
    assert lien.bounding_box()["width"] > 5
    telephone.close()
