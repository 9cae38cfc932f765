"""Published checklist ids are forever: renaming an item without a replacement fails the build
with a French message, a replacement carries users' ticks over, a new id must be registered."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from diese.contenu.checklists import DOSSIER, charger_checklists
from diese.contenu.ids_publies import FICHIER, remplacements
from diese.contenu.validation import ErreurDonnees


def _copies(tmp_path: Path) -> tuple[Path, Path]:
    dossier = tmp_path / "checklists"
    shutil.copytree(DOSSIER, dossier)
    registre = tmp_path / "ids.yml"
    shutil.copy(FICHIER, registre)
    return dossier, registre


def _renommer(dossier: Path, ancien: str, nouveau: str) -> None:
    fichier = dossier / "avant-stage.yml"
    texte = fichier.read_text(encoding="utf-8")
    assert f"id: {ancien}\n" in texte
    fichier.write_text(texte.replace(f"id: {ancien}\n", f"id: {nouveau}\n"), encoding="utf-8")


def test_le_registre_couvre_les_129_elements_publies() -> None:
    assert remplacements(charger_checklists()) == {}
    texte = FICHIER.read_text(encoding="utf-8")
    assert texte.count("\n    - ") == sum(len(c.elements) for c in charger_checklists().values())


def test_un_identifiant_renomme_sans_remplacement_arrete_le_build(tmp_path: Path) -> None:
    dossier, registre = _copies(tmp_path)
    _renommer(dossier, "av-ent-fichier", "av-ent-fichier-entreprises")
    with pytest.raises(ErreurDonnees) as erreur:
        remplacements(charger_checklists(dossier), registre)
    message = str(erreur.value)
    assert str(registre) in message
    assert "l’identifiant publié « av-ent-fichier » a disparu des check-lists" in message
    assert "remplacements" in message


def test_un_remplacement_declare_est_donne_au_navigateur(tmp_path: Path) -> None:
    dossier, registre = _copies(tmp_path)
    _renommer(dossier, "av-ent-fichier", "av-ent-fichier-entreprises")
    texte = registre.read_text(encoding="utf-8")
    texte = texte.replace("    - av-ent-fichier\n",
                          "    - av-ent-fichier\n    - av-ent-fichier-entreprises\n")
    texte = texte.replace("remplacements: {}",
                          "remplacements:\n  av-ent-fichier: av-ent-fichier-entreprises")
    registre.write_text(texte, encoding="utf-8")
    assert remplacements(charger_checklists(dossier), registre) == {
        "av-ent-fichier": "av-ent-fichier-entreprises"}


def test_une_chaine_de_remplacements_mene_a_l_identifiant_actuel(tmp_path: Path) -> None:
    dossier, registre = _copies(tmp_path)
    _renommer(dossier, "av-ent-fichier", "av-ent-fichier-3")
    texte = registre.read_text(encoding="utf-8").replace(
        "    - av-ent-fichier\n", "    - av-ent-fichier\n    - av-ent-fichier-2\n"
        "    - av-ent-fichier-3\n").replace(
        "remplacements: {}",
        "remplacements:\n  av-ent-fichier: av-ent-fichier-2\n  av-ent-fichier-2: av-ent-fichier-3")
    registre.write_text(texte, encoding="utf-8")
    assert remplacements(charger_checklists(dossier), registre) == {
        "av-ent-fichier": "av-ent-fichier-3", "av-ent-fichier-2": "av-ent-fichier-3"}


def test_un_nouvel_identifiant_doit_etre_inscrit(tmp_path: Path) -> None:
    dossier, registre = _copies(tmp_path)
    fichier = dossier / "avant-stage.yml"
    fichier.write_text(fichier.read_text(encoding="utf-8").replace(
        "elements:\n", "elements:\n  - id: av-ent-nouveau\n    groupe: entreprise\n"
        "    texte: \"Un élément ajouté\"\n", 1), encoding="utf-8")
    with pytest.raises(ErreurDonnees, match="le nouvel identifiant « av-ent-nouveau » n’y est pas"):
        remplacements(charger_checklists(dossier), registre)


def test_un_remplacement_vers_rien_est_refuse(tmp_path: Path) -> None:
    dossier, registre = _copies(tmp_path)
    registre.write_text(registre.read_text(encoding="utf-8").replace(
        "remplacements: {}", "remplacements:\n  av-ent-fichier: inexistant"), encoding="utf-8")
    with pytest.raises(ErreurDonnees, match="existe encore dans les check-lists"):
        remplacements(charger_checklists(dossier), registre)


def test_un_element_retire_sans_successeur_se_declare_null(tmp_path: Path) -> None:
    dossier, registre = _copies(tmp_path)
    fichier = dossier / "avant-stage.yml"
    texte = fichier.read_text(encoding="utf-8")
    debut = texte.index("  - id: av-ent-outils\n")
    fin = texte.index("  - id:", debut + 5)
    fichier.write_text(texte[:debut] + texte[fin:], encoding="utf-8")
    with pytest.raises(ErreurDonnees, match="« av-ent-outils: null » s’il est retiré"):
        remplacements(charger_checklists(dossier), registre)
    registre.write_text(registre.read_text(encoding="utf-8").replace(
        "remplacements: {}", "remplacements:\n  av-ent-outils: null"), encoding="utf-8")
    assert remplacements(charger_checklists(dossier), registre) == {}
