"""French search that forgives: plural ↔ singular and optional accents, through Material's real
search box (the same worker, index and lunr files as visitors get)."""

from __future__ import annotations

import re
import unicodedata

import pytest

pytestmark = pytest.mark.browser

# query typed → a form that must appear in the text of the results (accents and plural differ)
REQUETES = [
    ("tuteurs", "tuteur"),
    ("tuteur", "tuteurs"),
    ("designe", "désign"),
    ("handicapes", "handicapés"),
    ("handicape", "handicap"),
    ("entreprises", "entreprise"),
    ("stagiaire", "stagiaires"),
    ("evaluation", "évaluation"),
    ("delegue", "délégué"),
    ("reussir", "réussir"),
    ("procedures", "procédure"),
    ("qualifications", "qualification"),
]


def plier(texte: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", texte.lower()) if unicodedata.category(c) != "Mn"
    )


@pytest.fixture
def recherche(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("")
    champ = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    page.keyboard.press("/")  # Material's shortcut: focuses the search box
    champ.wait_for(state="visible")
    # A query typed while the index is still being built is dropped: wait for the worker.
    page.wait_for_function(
        "() => /Taper/i.test(document.querySelector('.md-search-result__meta').textContent)",
        timeout=60_000,
    )

    def chercher(requete: str) -> list[str]:
        champ.fill("")
        champ.press_sequentially(requete, delay=15)  # Material listens to key strokes
        page.wait_for_function(
            "() => !/Taper|Initialisation/i.test("
            "document.querySelector('.md-search-result__meta').textContent)"
        )
        page.wait_for_timeout(150)
        assert meta.count() == 1
        return page.locator(".md-search-result__item").all_inner_texts()

    return chercher


def test_recherche_pardonne_pluriel_et_accents(recherche) -> None:
    echecs = []
    for requete, forme in REQUETES:
        resultats = recherche(requete)
        if not resultats or not any(plier(forme) in plier(r) for r in resultats):
            echecs.append((requete, forme, len(resultats)))
    assert echecs == [], f"requêtes sans résultat attendu : {echecs}"


def test_recherche_sans_resultat_le_dit(recherche) -> None:
    assert recherche("zzxqwv") == []


def test_recherche_avec_accents_trouve_aussi(recherche) -> None:
    resultats = recherche("désigné")
    assert resultats and any(re.search(r"d[ée]sign", plier(r)) for r in resultats)


def test_plusieurs_mots_tous_requis(recherche) -> None:
    """Each word must be found, stop words ignored: the guide's page on the old contract and
    its glossary entry come first, not every page that says « contrat »."""
    resultats = recherche("contrat de qualification")
    assert resultats and len(resultats) <= 5
    assert "contrats de qualification" in plier(resultats[0])


# query typed (absent from the site's text) → a synonym that must appear in the results
# (docs/data/synonymes.yml)
SYNONYMES = [
    ("checklist", "check-list"),
    ("liste de contrôle", "check-list"),
    ("curriculum vitae", "CV"),
    ("apprenant", "stagiaire"),
]


@pytest.mark.parametrize(("requete", "synonyme"), SYNONYMES)
def test_recherche_connait_les_synonymes_du_metier(recherche, requete, synonyme) -> None:
    resultats = recherche(requete)
    assert resultats, requete
    assert any(synonyme.lower() in r.lower() for r in resultats), (requete, resultats[:3])
    # The words typed are not shown as « Non trouvé » on results found through a synonym.
    assert not any("Non trouvé" in r for r in resultats[:5]), resultats[:5]


def test_synonyme_et_autre_mot_restent_requis(recherche) -> None:
    """« checklist visite »: the synonym stands for one word, the other word is still required."""
    avec_visite = recherche("checklist visite")
    assert avec_visite and len(avec_visite) < len(recherche("checklist"))
    assert recherche("checklist zzxqwv") == []
