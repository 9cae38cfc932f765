"""New payroll warnings, each with a stable code (alertes_paie): part time under 24 h, negative
net pay or net cost."""

from __future__ import annotations

import pytest
from diese.simulation import simuler
from diese.simulation.alertes_paie import TEXTES

MINIMUM_24H = "la durée minimale légale est de 24 heures"


def _r(**entree) -> dict:
    return simuler({"date_embauche": "2026-03-01", "contrat": "cdi", "duree_mois": 1,
                    **entree}).en_dict()


@pytest.mark.parametrize(("heures", "averti"), [(23.5, True), (24, False), (24.5, False),
                                                (1, True)])
def test_temps_partiel_sous_24_heures(heures, averti):
    r = _r(heures_hebdo=heures)
    assert any(MINIMUM_24H in a["texte"] for a in r["avertissements"]) is averti


def test_mention_des_derogations():
    textes = [a["texte"] for a in _r(heures_hebdo=20)["avertissements"]]
    texte = next(t for t in textes if MINIMUM_24H in t)
    assert "L3123-27" in texte and "20 h par semaine" in texte
    assert "étudiant de moins de 26 ans" in texte and "demande écrite" in texte
    assert "L3123-7" in texte and "24 heures" in texte


def test_salaire_net_negatif():
    r = _r(heures_hebdo=1, mutuelle_part_employeur=2000, effectif=5)
    assert r["mois"][0]["salaire_net"] < 0
    assert any("Le salaire net est négatif" in a["texte"] for a in r["avertissements"])


def test_cout_net_negatif():
    r = simuler({"date_embauche": "2026-09-01", "contrat": "apprentissage", "age": 17,
                 "duree_mois": 12, "heures_hebdo": 5, "effectif": 10}).en_dict()
    assert min(m["cout_net_aides"] for m in r["mois"]) < 0
    assert any("Le coût net des aides est négatif" in a["texte"] for a in r["avertissements"])


def test_pas_d_avertissement_a_temps_plein():
    textes = [t.split(" ")[0] for t in TEXTES.values()]
    r = _r()
    assert not any(a["texte"].startswith(("Temps partiel", "Le salaire net est négatif",
                                          "Le coût net des aides")) for a in r["avertissements"])
    assert textes  # every code has a text


def test_codes_stables():
    assert set(TEXTES) == {"temps_partiel_moins_24h", "salaire_net_negatif", "cout_net_negatif",
                           "naissance_supposee", "cdd_sans_indemnite",
                           "gratification_non_obligatoire"}
