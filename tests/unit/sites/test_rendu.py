"""HTML of the Annex 1 table, the in-text links and the resource lists (diese.annuaire)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from diese.annuaire.commun import Contexte, href_page, url_de_page
from diese.annuaire.ressources import filtre_ressources, liste_ressources
from diese.annuaire.sites import (
    libelle_verification,
    note_verification,
    renvoi_site,
    tableau_sites,
)
from diese.contenu.ressources import charger_ressources
from diese.contenu.sites import charger_sites, index_sites

ANNEXE = Contexte("guide/annexes/sites-references.md", "guide/annexes/sites-references/")
CHAPITRE_3 = Contexte("guide/sensibilisation-entreprises.md", "guide/sensibilisation-entreprises/")


@pytest.fixture(scope="module")
def sites():
    return charger_sites()


def _lignes(html: str) -> dict[str, str]:
    return dict(re.findall(r'<tr id="site-([a-z0-9-]+)"(.*?)</tr>', html, re.S))


@pytest.mark.parametrize(
    ("src", "dir_urls", "url"),
    [
        ("index.md", True, ""),
        ("guide/index.md", True, "guide/"),
        ("outils/comparer.md", True, "outils/comparer/"),
        ("outils/comparer.md", False, "outils/comparer.html"),
        ("guide/index.md", False, "guide/index.html"),
    ],
)
def test_url_de_page(src, dir_urls, url) -> None:
    assert url_de_page(src, dir_urls) == url


def test_liens_relatifs_entre_pages() -> None:
    assert href_page("outils/comparer.md", ANNEXE) == "../../../outils/comparer/"
    assert href_page("index.md", ANNEXE) == "../../../"
    assert href_page("guide/annexes/sites-references.md", ANNEXE, "site-anpe") == "#site-anpe"
    assert (
        href_page("guide/annexes/sites-references.md", CHAPITRE_3, "site-anpe")
        == "../annexes/sites-references/#site-anpe"
    )
    sans_dossiers = Contexte("guide/methodologie.md", "guide/methodologie.html", dir_urls=False)
    assert href_page("outils/oeth.md", sans_dossiers) == "../outils/oeth.html"


def test_chaque_site_a_sa_ligne_et_son_ancre(sites) -> None:
    lignes = _lignes(tableau_sites(sites, ANNEXE))
    assert list(lignes) == [s.id for s in sites]


def test_une_adresse_morte_n_est_jamais_un_lien(sites) -> None:
    lignes = _lignes(tableau_sites(sites, ANNEXE))
    for site in sites:
        hrefs = re.findall(r'href="([^"]+)"', lignes[site.id])
        if site.statut != "actif":
            assert site.url_originale not in hrefs, site.id
        assert site.archive in hrefs


def test_successeur_avant_archive_et_statut_en_texte(sites) -> None:
    lignes = _lignes(tableau_sites(sites, ANNEXE))
    anpe = lignes["anpe"]
    assert anpe.index("https://www.francetravail.fr/") < anpe.index("web.archive.org")
    assert "Déplacé" in anpe and 'data-statut="deplace"' in anpe
    assert "Pas de successeur connu" in lignes["mediat-coaching"]


def test_site_actif_est_un_lien(sites) -> None:
    actif = replace(sites[0], statut="actif", successeur=None, voir_aussi=())
    html = tableau_sites([actif], ANNEXE)
    assert f'href="{actif.url_originale}"' in html


def test_donnees_echappees(sites) -> None:
    piege = replace(sites[0], note='<script>alert("x")</script>', libelle="A & B")
    html = tableau_sites([piege], ANNEXE)
    assert "<script>" not in html
    assert "&lt;script&gt;" in html and "A &amp; B" in html


def test_filtre_cache_sans_javascript(sites) -> None:
    html = tableau_sites(sites, ANNEXE)
    assert re.search(r'<form class="diese-filtre" data-diese-filtre="sites"[^>]* hidden>', html)
    assert "onclick" not in html and "javascript:" not in html
    assert html.count('type="radio"') == 1 + len({s.categorie for s in sites}) + 1 + len(
        {s.statut for s in sites}
    )


def test_renvoi_depuis_le_texte(sites) -> None:
    lien = renvoi_site(index_sites(sites)["diese-net-questionnaire"], CHAPITRE_3)
    assert 'href="../annexes/sites-references/#site-diese-net-questionnaire"' in lien
    assert ">www.diese.net<" in lien and "(adresse disparue)" in lien


def test_note_de_derniere_verification(sites) -> None:
    note = note_verification(sites)
    dates = sorted(s.verification.date for s in sites)
    annee, mois, jour = dates[-1].split("-")
    assert annee in note and "sur 14 adresses" in note
    # Reader wording: no maintainer command, no claim of an online check that was not made.
    assert "python -m diese" not in note and "mainteneur" not in note
    assert "a pu changer depuis cette date" in note
    assert "d’après la documentation publique (adresses non testées en ligne)" in note


def test_libelle_de_verification_honnete(sites) -> None:
    html = tableau_sites(sites, ANNEXE)
    for site in sites:
        libelle = libelle_verification(site.verification.date, site.verification.methode)
        assert f"<summary>{libelle}</summary>" in html.replace("&#x27;", "'"), site.id
    assert libelle_verification("2026-11-26", "documentaire") == (
        "Statut établi le 26 novembre 2026 d’après la documentation publique "
        "(adresse non testée en ligne)"
    )
    assert "Vérifié le" not in html and "(documentaire)" not in html
    en_ligne = libelle_verification("2026-11-26", "automatique")
    assert en_ligne == "Vérifié en ligne le 26 novembre 2026"


def test_liste_ressources_en_place(sites) -> None:
    ressources = charger_ressources()
    html = liste_ressources(
        ressources.listes["analyse-besoins"], ressources, index_sites(sites), CHAPITRE_3
    )
    # The guide's address becomes the link to the Annex 1 entry, inside the guide's sentence.
    assert "(disponible sur <a class=\"diese-site-renvoi" in html
    elements = ressources.listes["analyse-besoins"].elements
    assert html.count("<li data-diese-element") == len(elements)
    assert "Source :" not in html  # already on its chapter page
    ailleurs = liste_ressources(
        ressources.listes["analyse-besoins"], ressources, index_sites(sites), ANNEXE
    )
    assert "Source :" in ailleurs


def test_filtre_des_ressources_compte_chaque_element_une_fois() -> None:
    ressources = charger_ressources()
    total = sum(len(liste.elements) for liste in ressources.listes.values())
    assert f"Tous <span class=\"diese-filtre__nombre\">({total})</span>" in filtre_ressources(
        ressources
    )
