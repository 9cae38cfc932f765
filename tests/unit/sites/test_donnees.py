"""docs/data/sites.yml and ressources.yml: faithful to the guide, and a bad entry stops the build
with a message naming the file and the field."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from diese.contenu.ressources import FICHIER as FICHIER_RESSOURCES
from diese.contenu.ressources import charger_ressources
from diese.contenu.sites import ARCHIVE, FICHIER, STATUTS, charger_sites, normaliser
from diese.contenu.validation import RACINE, ErreurDonnees

from tests.site.test_fidelite import CORRECTIONS

GUIDE = (RACINE / "source" / "guide-2005.txt").read_text(encoding="utf-8")
# The text extraction split some lines (« http://handiformation-\n\nauvergne.org »).
GUIDE_CONTINU = re.sub(r"\s+", " ", re.sub(r"-\s*\n\s*", "-", GUIDE))


def _corrige(texte: str) -> str:
    """The guide as published here: the fidelity test's listed spelling repairs applied."""
    for source, site in CORRECTIONS:
        texte = texte.replace(source, site)
    return texte


GUIDE_CORRIGE = _corrige(GUIDE_CONTINU)


def dans_le_guide(texte: str) -> bool:
    # Apostrophes are typographic on the site (’), as the fidelity test allows.
    texte = texte.replace("’", "'")
    return any(texte in g.replace("’", "'") for g in (GUIDE_CONTINU, GUIDE_CORRIGE))

LIBELLES_ANNEXE_1 = [
    "Les contrats en alternances",
    "Les formations de tuteurs",
    "La formation professionnelle des personnes handicapées en Auvergne",
    "Centre de ressources pour l’insertion",
    "La loi du 10 juillet 1987",
    "L’agence Nationale pour l’emploi",
    "La commission Européenne",
    "L’inforégion (commission européenne : programme régionaux)",
    "L’insertion professionnelle des personnes handicapées",
    "Le coaching en pratique et à la carte",
    "L’employabilité",
    "Communiquer sur son handicap en entreprise",
]


def _ecrire(tmp_path: Path, donnees: dict, nom: str = "sites.yml") -> Path:
    fichier = tmp_path / nom
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    return fichier


def _brut(fichier: Path = FICHIER) -> dict:
    return yaml.safe_load(fichier.read_text(encoding="utf-8"))


def test_toute_l_annexe_1_dans_l_ordre_du_guide() -> None:
    sites = charger_sites()
    annexe = [s.libelle for s in sites if s.dans_annexe]
    assert annexe == LIBELLES_ANNEXE_1


def test_libelles_et_adresses_mot_pour_mot() -> None:
    for site in charger_sites():
        assert site.libelle in GUIDE_CONTINU, site.id
        assert site.adresse in GUIDE_CONTINU, site.id
        for citation in site.citations:
            if citation.texte:
                assert citation.texte in GUIDE_CONTINU, site.id


def test_adresses_citees_dans_le_texte() -> None:
    cites = {s.id: s for s in charger_sites() if not s.dans_annexe}
    assert {c.lieu for s in cites.values() for c in s.citations} == {"chapitre-3", "chapitre-4"}
    assert all(s.adresse == "www.diese.net" for s in cites.values())


def test_archive_et_verification_de_chaque_site() -> None:
    for site in charger_sites():
        assert site.archive == ARCHIVE + normaliser(site.adresse)
        assert site.verification.methode in {"documentaire", "automatique"}
        if site.statut == "déplacé":
            assert site.successeur is not None
        if site.successeur and site.successeur.adresse:
            assert site.successeur.adresse.startswith("https://")


def test_comptes_par_statut() -> None:
    compte = Counter(s.statut for s in charger_sites())
    assert set(compte) <= set(STATUTS)
    assert sum(compte.values()) == 14


def test_ressources_dans_les_mots_du_guide() -> None:
    ressources = charger_ressources()
    assert set(ressources.listes) >= {
        "analyse-besoins", "recherche-ciblee", "fichier-entreprises",
        "structures-specifiques", "professionnels-specialites",
    }
    for liste in ressources.listes.values():
        for element in liste.elements:
            assert dans_le_guide(element.texte), (liste.id, element.texte)
        if liste.introduction:
            assert dans_le_guide(liste.introduction), liste.id


@pytest.mark.parametrize(
    ("modifier", "champ"),
    [
        (lambda s: s.update(categorie="cuisine"), "sites[0].categorie"),
        (lambda s: s.update(statut="fermé"), "sites[0].statut"),
        (lambda s: s.pop("note"), "sites[0]"),
        (lambda s: s["verification"].update(date="26/11/2026"), "sites[0].verification.date"),
        (lambda s: s["verification"].update(methode="devinette"), "sites[0].verification.methode"),
        (lambda s: s.update(successeur={"nom": "X", "adresse": "http://x.fr"}),
         "sites[0].successeur"),
        (lambda s: s.update(archive="https://web.archive.org/web/2005/http://autre.fr"),
         "sites[0].archive"),
        (lambda s: s.pop("successeur"), "sites[0].successeur"),
        (lambda s: s["voir_aussi"].append({"nom": "Page", "page": "nulle-part.md"}),
         "sites[0].voir_aussi[3].page"),
    ],
)
def test_une_entree_fautive_nomme_fichier_et_champ(tmp_path, modifier, champ) -> None:
    donnees = _brut()
    modifier(donnees["sites"][0])
    fichier = _ecrire(tmp_path, donnees)
    with pytest.raises(ErreurDonnees) as erreur:
        charger_sites(fichier)
    assert str(fichier) in str(erreur.value)
    assert f"champ {champ}" in str(erreur.value)


def test_identifiant_en_double(tmp_path) -> None:
    donnees = _brut()
    donnees["sites"][1]["id"] = donnees["sites"][0]["id"]
    fichier = _ecrire(tmp_path, donnees)
    with pytest.raises(ErreurDonnees, match=r"champ \[1\]\.id"):
        charger_sites(fichier)


@pytest.mark.parametrize(
    ("modifier", "champ"),
    [
        (lambda d: d["listes"][0]["elements"][1].update(themes=["astrologie"]),
         "listes[0].elements[1].themes[0]"),
        (lambda d: d["listes"][0]["elements"][0].update(site="inconnu"),
         "listes[0].elements[0].site"),
        (lambda d: d["listes"][0]["elements"][1].pop("themes"), "listes[0].elements[1]"),
        (lambda d: d["listes"][0].update(lieu="chapitre-9"), "listes[0].lieu"),
    ],
)
def test_ressource_fautive_nomme_fichier_et_champ(tmp_path, modifier, champ) -> None:
    donnees = _brut(FICHIER_RESSOURCES)
    modifier(donnees)
    fichier = _ecrire(tmp_path, donnees, "ressources.yml")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_ressources(fichier)
    assert str(fichier) in str(erreur.value)
    assert f"champ {champ}" in str(erreur.value)
