"""Generated messages agree in number and gender (no « bénéficiaire(s) », no « la durée … ne peut
pas être inférieur »)."""

from __future__ import annotations

import pytest
from diese.simulation import ErreurSaisie, calculer_oeth, simuler
from diese.simulation.saisie import _accord
from diese.simulation.textes import accorder


@pytest.mark.parametrize(
    ("n", "attendu"),
    [(0, "0 bénéficiaire"), (1, "1 bénéficiaire"), (1.5, "1,5 bénéficiaire"),
     (2, "2 bénéficiaires"), (3, "3 bénéficiaires")],
)
def test_accorder(n, attendu):
    assert accorder(n, "bénéficiaire") == attendu


@pytest.mark.parametrize(
    ("nom", "attendu"),
    [("La durée du contrat (en mois)", "inférieure"), ("L’année d’assujettissement", "inférieure"),
     ("L’ancienneté d’inscription (en mois)", "inférieure"), ("L’âge", "inférieur"),
     ("L’horizon de simulation (en mois)", "inférieur"), ("Le taux AT/MP (en %)", "inférieur")],
)
def test_accord_du_nom_du_champ(nom, attendu):
    assert _accord("inférieur", nom) == attendu


def test_message_de_duree_au_feminin():
    with pytest.raises(ErreurSaisie) as exc:
        simuler({"date_embauche": "2026-03-01", "contrat": "apprentissage", "age": 18,
                 "duree_mois": 3})
    messages = [e["message"] for e in exc.value.erreurs if e["champ"] == "duree_mois"]
    assert messages and messages[0].startswith("La durée du contrat (en mois) ne peut pas être "
                                               "inférieure à "), messages


def test_oeth_sans_parentheses_de_pluriel():
    r = calculer_oeth({"effectif": 60, "beneficiaires": 0, "annee": 2025}).en_dict()
    formules = " ".join(e["formule"] for e in r["explications"].values())
    assert "(s)" not in formules
    assert "3 bénéficiaires pour 60 salariés" in formules
    assert "il manque 2 unités" in formules
