"""docs/data/synonymes.yml is validated: a bad group fails with the file and the field named."""

from __future__ import annotations

import pytest
from diese.contenu.synonymes import FICHIER, charger_synonymes
from diese.contenu.validation import ErreurDonnees


def test_donnees_du_site_valides() -> None:
    groupes = charger_synonymes()
    assert all(len(g) >= 2 for g in groupes)
    assert ["Pôle emploi", "France Travail", "ANPE"] in groupes


@pytest.mark.parametrize(
    ("contenu", "attendu"),
    [
        ("synonymes:\n  - [checklist]\n", "champ synonymes[0]"),
        ("synonymes:\n  - [checklist, 'check<list>']\n", "champ synonymes[0][1]"),
        ("synonyme:\n  - [a, b]\n", "champ (racine)"),
        ("synonymes:\n  - [CV, curriculum vitae]\n  - [cv, C.V]\n", "champ synonymes[1]"),
        ("synonymes:\n  - [CV, curriculum vitae]\n  - [Cv, résumé]\n", "figure déjà"),
    ],
)
def test_erreurs_en_francais(tmp_path, contenu: str, attendu: str) -> None:
    fichier = tmp_path / "synonymes.yml"
    fichier.write_text(contenu, encoding="utf-8")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_synonymes(fichier)
    assert str(fichier) in str(erreur.value) and attendu in str(erreur.value)
    assert FICHIER.name == "synonymes.yml"
