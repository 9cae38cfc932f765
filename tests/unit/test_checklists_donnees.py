"""Checklist data: the six lists load, chapter VI is reproduced word for word and group by group,
and a bad entry stops the build with a message naming the file and the field."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from diese.checklists.rendu import rendre_checklist, url_relative
from diese.contenu.checklists import DOSSIER, catalogue, charger_checklists, lire_checklist
from diese.contenu.validation import RACINE, ErreurDonnees

GUIDE = RACINE / "source" / "guide-2005.txt"

ATTENDU = {
    "avant-stage": {"entreprise": 8, "stagiaire": 7, "outils": 7, "reussir": 4},
    "pendant-stage": {"entreprise-stagiaire": 9, "outils": 8, "reussir": 2},
    "apres-stage": {"entreprise": 5, "stagiaire": 5, "outils": 3, "reussir": 3},
    "preparer-visite": {"rendez-vous": 6, "outils": 4, "visite": 9, "suivi": 6},
    "accompagnement-social": {
        "avant": 3, "espace": 5, "temps": 3, "pendant": 4, "hebdo": 9, "bilans": 2, "contrat": 3,
    },
    "suivi-post-stage": {"trois-mois": 7, "six-mois": 7},
}


def _normaliser(texte: str) -> str:
    texte = texte.replace("\ufffd", " ").replace("*", " ")
    return re.sub(r"\s+", " ", texte).strip()


def test_les_six_listes_dans_l_ordre_du_guide() -> None:
    listes = charger_checklists()
    assert list(listes) == list(ATTENDU)
    for identifiant, groupes in ATTENDU.items():
        obtenu = {g.id: len(g.elements) for g in listes[identifiant].groupes}
        assert obtenu == groupes, identifiant
    assert sum(len(liste.elements) for liste in listes.values()) == 129


def test_identifiants_uniques_sur_toutes_les_listes() -> None:
    ids = [e.id for liste in charger_checklists().values() for e in liste.elements]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("identifiant", ["avant-stage", "pendant-stage", "apres-stage"])
def test_tableaux_du_chapitre_vi_mot_pour_mot(identifiant: str) -> None:
    """Each item (or each part around « : » for the two split « Définir et respecter » lines)
    is in the guide's text, bullets and line breaks aside."""
    source = _normaliser(GUIDE.read_text(encoding="utf-8"))
    for element in charger_checklists()[identifiant].elements:
        for morceau in element.texte.split(" : "):
            assert _normaliser(morceau) in source, (element.id, morceau)


def test_le_catalogue_reprend_tous_les_elements() -> None:
    listes = charger_checklists()
    cat = catalogue(listes)
    ids = [e["id"] for li in cat["listes"] for g in li["groupes"] for e in g["elements"]]
    assert len(ids) == 129 and cat["format"] == "diese-checklists-catalogue"


def _copie(tmp_path: Path) -> Path:
    dossier = tmp_path / "checklists"
    shutil.copytree(DOSSIER, dossier)
    return dossier


def _modifier(fichier: Path, modification) -> None:
    donnees = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    modification(donnees)
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")


def _doublon(d):
    d["elements"][1]["id"] = d["elements"][0]["id"]


def _sans_texte(d):
    del d["elements"][2]["texte"]


def _texte_vide(d):
    d["elements"][2]["texte"] = "  "


def _groupe_inconnu(d):
    d["elements"][3]["groupe"] = "partenaires"


def _champ_inconnu(d):
    d["elements"][0]["libelle"] = "x"


def _id_fichier(d):
    d["id"] = "avant"


@pytest.mark.parametrize(
    ("modification", "champ"),
    [
        (_doublon, "elements[1].id"),
        (_sans_texte, "elements[2]"),
        (_texte_vide, "elements[2].texte"),
        (_groupe_inconnu, "elements[3].groupe"),
        (_champ_inconnu, "elements[0]"),
        (_id_fichier, "champ id"),
    ],
)
def test_une_entree_fautive_nomme_fichier_et_champ(tmp_path, modification, champ) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "avant-stage.yml"
    _modifier(fichier, modification)
    with pytest.raises(ErreurDonnees) as erreur:
        charger_checklists(dossier)
    message = str(erreur.value)
    assert str(fichier) in message and champ in message, message


def test_un_identifiant_repris_dans_une_autre_liste_est_refuse(tmp_path) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "pendant-stage.yml"
    _modifier(fichier, lambda d: d["elements"][0].update(id="av-ent-fichier"))
    with pytest.raises(ErreurDonnees, match=r"pendant-stage\.yml : champ elements\[0\]\.id"):
        charger_checklists(dossier)


def test_groupe_sans_element_refuse(tmp_path) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "apres-stage.yml"
    _modifier(fichier, lambda d: d["groupes"].append({"id": "vide", "titre": "Vide"}))
    with pytest.raises(ErreurDonnees, match=r"apres-stage\.yml : champ groupes\[4\]"):
        lire_checklist(fichier)


def test_rendu_echappe_et_relie_chaque_case_a_son_etiquette(tmp_path) -> None:
    dossier = _copie(tmp_path)
    fichier = dossier / "avant-stage.yml"
    _modifier(fichier, lambda d: d["elements"][0].update(texte='<script>alert("x")</script> & co'))
    html = rendre_checklist(lire_checklist(fichier), "checklists/avant-stage/")
    assert "<script>" not in html and "&lt;script&gt;" in html and "&amp; co" in html
    ids = re.findall(r'<input type="checkbox" id="([^"]+)"', html)
    assert len(ids) == 26
    assert all(f'<label for="{i}">' in html for i in ids)
    assert re.search(r'data-catalogue="\.\./catalogue\.json\?v=[0-9a-f]{12}"', html)


@pytest.mark.parametrize(
    ("page", "attendu"),
    [
        ("checklists/avant-stage/", "../catalogue.json"),
        ("checklists/", "catalogue.json"),
        ("checklists/avant-stage.html", "catalogue.json"),
        ("", "checklists/catalogue.json"),
    ],
)
def test_url_relative(page: str, attendu: str) -> None:
    assert url_relative("checklists/catalogue.json", page) == attendu
