"""The result read by a company head on a phone: the one-line answer first (pre-rendered, then
updated in place, year by year for a contract over a year), a chart whose two lines are told
apart without colour, and no accessibility violation."""

from __future__ import annotations

import html
import json
import re

import pytest

from tests.browser.test_simulateurs import (
    ATTENTE_MS,
    PRET,
    REMPLIR,
    Session,
    attendre_calcul,
    entree_cpython,
    html_cpython,
)

pytestmark = pytest.mark.browser

TELEPHONE = {"width": 390, "height": 844}
REPONSE = "#simulateur .diese-simulateur__resultat .diese-reponse"


@pytest.fixture(scope="module")
def telephone(navigateur, serveur):
    s = Session(navigateur, serveur)
    s.page.set_viewport_size(TELEPHONE)
    yield s
    s.contexte.close()
    assert not s.garde.sorties, f"Requêtes hors de l'origine du site : {s.garde.sorties}"
    assert not s.echecs, s.echecs
    assert not s.erreurs_js, s.erreurs_js


def test_la_reponse_d_abord_pre_rendue_puis_mise_a_jour(telephone, axe) -> None:
    page = telephone.page
    page.goto("outils/cout-embauche/")
    # Before Python is ready: the pre-rendered answer is there, first in the result.
    reponse = page.locator(REPONSE)
    assert reponse.count() == 1
    assert re.search(r"≈ [\d\u202f]+\u00a0€ par mois", reponse.inner_text())
    premier = page.evaluate(
        "() => document.querySelector('#simulateur .diese-resultat h2').nextElementSibling"
        ".className")
    assert premier == "diese-reponse"
    page.wait_for_selector(PRET, timeout=ATTENTE_MS)

    situation = {"contrat": "apprentissage", "age": "19", "niveau_diplome": "4",
                 "duree_mois": "24", "date_embauche": "2026-09-01"}
    avant = page.evaluate(REMPLIR, [situation])
    attendre_calcul(page, avant)
    lignes = page.locator(f"{REPONSE} li")
    assert lignes.count() == 2  # one line per year of the contract
    assert "1re année" in lignes.nth(0).inner_text()
    assert "après aides" in lignes.nth(0).inner_text()
    assert "2e année" in lignes.nth(1).inner_text()
    date = page.get_attribute("#simulateur", "data-date-reference")
    attendu = html_cpython("simuler", entree_cpython("simuler", date, situation))
    fragment = attendu[attendu.index('<ul class="diese-reponse">'):]
    fragment = fragment[:fragment.index("</ul>")]
    assert page.locator(REPONSE).text_content() == html.unescape(re.sub("<[^>]+>", "", fragment))
    violations = axe(page, ".md-content")
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_graphique_lisible_sur_un_telephone(telephone) -> None:
    page = telephone.page
    graphique = page.locator("#simulateur .diese-graphique svg[role=img]")
    assert graphique.is_visible()
    # Round ticks on the vertical axis.
    graduations = [int(t.replace("\u202f", "")) for t in page.locator(
        "#simulateur .diese-graphique svg[role=img] text[text-anchor=end]").all_text_contents()
        if re.fullmatch(r"[\d\u202f]+", t)]
    assert len(graduations) >= 3
    pas = graduations[1] - graduations[0]
    assert pas > 0 and all(b - a == pas for a, b in zip(graduations, graduations[1:], strict=False))
    assert any(pas == m * 10 ** k for m in (1, 2, 25, 5) for k in range(5)), pas
    # Each line has its own markers, visible on a phone, and its own dash.
    ronds = page.locator("#simulateur .diese-graphique svg[role=img] circle.diese-graphique__cout")
    carres = page.locator("#simulateur .diese-graphique svg[role=img] rect.diese-graphique__net")
    assert ronds.count() >= 2 and carres.count() == ronds.count()
    assert ronds.first.is_visible() and carres.first.is_visible()
    tirets = page.evaluate(
        "() => ['cout', 'net'].map((c) => getComputedStyle(document.querySelector("
        "`#simulateur svg[role=img] polyline.diese-graphique__${c}`)).strokeDasharray)")
    assert tirets[0] != tirets[1]
    # The legend shows each line's sample (marker and dash) beside its label.
    legende = page.locator("#simulateur .diese-graphique figcaption")
    assert legende.locator("svg circle").count() == 1
    assert legende.locator("svg rect").count() == 1
    assert "Coût employeur" in legende.inner_text() and "Coût net" in legende.inner_text()


APERCU = "#simulateur .diese-simulateur__apercu"


@pytest.mark.parametrize("taille", [{"width": 1280, "height": 720}, TELEPHONE])
def test_le_premier_chiffre_se_voit_sans_defiler(navigateur, serveur, taille) -> None:
    """Issue 11: the first cost figure on screen at first paint, above the form, on a laptop
    and on a phone; it follows every recomputation and leads to the detail."""
    s = Session(navigateur, serveur)
    try:
        page = s.page
        page.set_viewport_size(taille)
        page.goto("outils/cout-embauche/")
        apercu = page.locator(APERCU)
        boite = apercu.bounding_box()
        assert boite and boite["y"] + boite["height"] <= taille["height"], boite
        assert re.search(r"≈ [\d\u202f]+\u00a0€ par mois", apercu.inner_text())
        page.wait_for_selector(PRET, timeout=ATTENTE_MS)
        situation = {"contrat": "apprentissage", "age": "19", "niveau_diplome": "4",
                     "duree_mois": "24", "date_embauche": "2026-09-01"}
        avant = page.evaluate(REMPLIR, [situation])
        attendre_calcul(page, avant)
        premiere = page.locator(f"{REPONSE} li").nth(0).inner_text()
        texte = apercu.locator(".diese-simulateur__apercu-texte").inner_text()
        assert texte.endswith("la 1re année") and "après aides" in texte
        assert texte.removesuffix(" la 1re année") in premiere
        assert apercu.locator("a").get_attribute("href").endswith("#resultat")
    finally:
        s.contexte.close()
