"""« Ce qui a changé depuis 2005 » data (docs/data/changements.yml): schema and rendering."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from diese.contenu.changements import (
    FICHIER,
    TITRE_ADMONITION,
    charger_changements,
    rendre,
    verifier_termes,
)
from diese.contenu.glossaire import charger_glossaire
from diese.contenu.validation import ErreurDonnees

RACINE = Path(__file__).resolve().parents[2]
APPEL = re.compile(r"""\{\{\s*changement\(\s*["']([a-z0-9-]+)["']\s*\)\s*\}\}""")


def donnees_valides() -> dict:
    return yaml.safe_load(FICHIER.read_text(encoding="utf-8"))


def ecrire(tmp_path: Path, donnees: dict) -> Path:
    fichier = tmp_path / "changements.yml"
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    return fichier


def test_chaque_note_est_datee_et_sourcee_officiellement() -> None:
    changements = charger_changements()
    assert len(changements) >= 10
    for c in changements.values():
        assert re.search(r"(19|20)\d\d", c.date), c.id
        assert c.references, c.id
        for ref in c.references:
            assert ref["url"].startswith("https://"), c.id


def test_les_termes_cites_existent_dans_le_glossaire() -> None:
    verifier_termes(charger_changements(), {t.id for t in charger_glossaire()}, FICHIER)


def test_chaque_note_est_placee_une_fois_dans_les_pages() -> None:
    appels = [
        ident
        for page in (RACINE / "docs").rglob("*.md")
        for ident in APPEL.findall(page.read_text(encoding="utf-8"))
    ]
    assert sorted(appels) == sorted(charger_changements())


def test_rendu_admonition_material() -> None:
    rendu = rendre(charger_changements(), "rmi-rsa")
    lignes = rendu.splitlines()
    assert lignes[0].startswith(f'!!! info "{TITRE_ADMONITION} — ')
    assert "1er juin 2009" in lignes[0]
    assert all(ligne == "" or ligne.startswith("    ") for ligne in lignes[1:])
    assert "(https://www.legifrance.gouv.fr/loda/id/JORFTEXT000019860428)" in rendu


def test_rendu_echappe_les_donnees(tmp_path: Path) -> None:
    donnees = donnees_valides()
    donnees["changements"][0]["texte"] = "<b>gras</b> et [faux lien](https://x.fr) " * 3
    changements = charger_changements(ecrire(tmp_path, donnees))
    rendu = rendre(changements, donnees["changements"][0]["id"])
    assert "<b>" not in rendu and "&lt;b&gt;" in rendu and "\\[faux lien\\]" in rendu


def test_identifiant_inconnu() -> None:
    with pytest.raises(ErreurDonnees, match="changement « absent » inconnu"):
        rendre(charger_changements(), "absent")


def test_terme_absent_du_glossaire() -> None:
    changements = charger_changements()
    with pytest.raises(ErreurDonnees, match=r"champ changements\[\d+\]\.termes"):
        verifier_termes(changements, set(), "changements.yml")


@pytest.mark.parametrize(
    ("modification", "champ"),
    [
        (lambda c: c.pop("date"), "changements[0]"),
        (lambda c: c.update(date="bientôt"), "changements[0].date"),
        (lambda c: c.update(references=[]), "changements[0].references"),
        (
            lambda c: c.update(references=[{"titre": "Loi du 1er juin", "url": "http://a.fr/"}]),
            "changements[0].references[0].url",
        ),
        (lambda c: c.update(titre='Un "titre" cassé'), "changements[0].titre"),
        (lambda c: c.update(inconnu=1), "changements[0]"),
    ],
)
def test_une_entree_cassee_nomme_fichier_et_champ(tmp_path: Path, modification, champ) -> None:
    donnees = donnees_valides()
    modification(donnees["changements"][0])
    fichier = ecrire(tmp_path, donnees)
    with pytest.raises(ErreurDonnees) as erreur:
        charger_changements(fichier)
    assert str(fichier) in str(erreur.value)
    assert f"champ {champ}" in str(erreur.value)
