"""A student's placement (`contrat: "stage_etudiant"`): the legal minimum gratification (15 % of
the hourly social security ceiling: 4,35 € in 2024 and 2025, 4,50 € in 2026) is due beyond two
months of presence (308 hours, D124-6 C. éduc.), exempt up to that amount, the excess charged."""

from __future__ import annotations

import json

import pytest
from diese.simulation import simuler
from diese.simulation.api import executer
from diese.simulation.comparaison import comparer
from diese.simulation.erreurs import ErreurSaisie
from diese.simulation.stage_etudiant import gratification_obligatoire

HEURES_MOIS_35 = 35 * 52 / 12  # 151,67 hours of presence a month


def _stage(**extra) -> dict:
    entree = {"date_embauche": "2026-03-01", "contrat": "stage_etudiant", "duree_mois": 4}
    entree.update(extra)
    return simuler(entree).en_dict()


@pytest.mark.parametrize(("jour", "horaire"), [
    ("2024-01-01", 4.35), ("2025-06-01", 4.35),
    ("2025-12-31", 4.35), ("2026-01-01", 4.50), ("2026-01-02", 4.50),
])
def test_minimum_legal_par_date(jour, horaire):
    m = _stage(date_embauche=jour)["mois"][0]
    assert m["salaire_brut"] == pytest.approx(round(horaire * HEURES_MOIS_35, 2), abs=0.01)
    assert m["cotisations_patronales"] == 0 and m["cout_employeur"] == m["salaire_brut"]
    assert m["salaire_net"] == m["salaire_brut"]


@pytest.mark.parametrize(("heures", "due"), [(307.99, False), (308, False), (308.01, True)])
def test_seuil_de_308_heures(heures, due):
    assert gratification_obligatoire(heures, 308) is due


def test_deux_mois_a_35_heures_pas_obligatoire():
    r = _stage(duree_mois=2)  # 303,33 hours: not more than 308
    assert r["totaux"]["cout_employeur"] == 0
    textes = [a["texte"] for a in r["avertissements"]]
    assert any("n’est obligatoire qu’au-delà de 308 heures" in t for t in textes)


def test_trois_mois_obligatoire_des_le_premier_jour():
    r = _stage(duree_mois=3)
    assert [m["salaire_brut"] for m in r["mois"]] == [682.5, 682.5, 682.5]
    assert not any("obligatoire" in a["texte"] for a in r["avertissements"])


def test_gratification_facultative_exoneree():
    m = _stage(duree_mois=2, salaire_brut_mensuel=500)["mois"][0]
    assert m["cout_employeur"] == 500 and m["cotisations_patronales"] == 0


def test_part_excedentaire_comme_modele_social():
    """modele-social 11.1.0, stage, March 2026, 10 employees, gratification 918,25 € of which
    317,50 € above the exemption: employer 103,5685 €, student 53,436 €."""
    m = _stage(salaire_brut_mensuel=682.5 + 317.5)["mois"][0]
    assert m["cotisations_patronales"] == pytest.approx(103.5685, abs=0.02)
    assert m["salaire_brut"] - m["salaire_net"] == pytest.approx(53.436, abs=0.02)
    assert "chomage" not in m["detail_cotisations"]
    assert "agirc_arrco" not in m["detail_cotisations"]
    assert m["reduction_generale"] == 0


def test_gratification_sous_le_minimum_refusee():
    with pytest.raises(ErreurSaisie) as exc:
        _stage(salaire_brut_mensuel=600)
    assert exc.value.erreurs[0]["champ"] == "salaire_brut_mensuel"
    assert "inférieure au minimum légal" in exc.value.erreurs[0]["message"]


def test_duree_au_plus_six_mois():
    with pytest.raises(ErreurSaisie) as exc:
        _stage(duree_mois=7)
    assert exc.value.erreurs[0]["champ"] == "duree_mois"


def test_le_stage_pmsmp_reste_sans_cout():
    r = simuler({"date_embauche": "2026-03-01", "contrat": "stage"}).en_dict()
    assert r["totaux"]["cout_employeur"] == 0


def test_explications_et_sources():
    r = _stage()
    ids = {p["id"] for p in r["explications"]["salaire_brut"]["parametres"]}
    assert {"stage_etudiant.gratification_minimale_horaire",
            "stage_etudiant.seuil_gratification"} <= ids
    assert "4,50" in r["explications"]["salaire_brut"]["formule"]
    assert r["aides"] == []


def test_choix_du_formulaire_et_comparer():
    champs = json.loads(executer("champs", "{}"))["resultat"]["simuler"]
    contrat = next(c for c in champs if c["nom"] == "contrat")
    assert "stage_etudiant" in [c["valeur"] for c in contrat["choix"]]
    options = comparer({"age": 22}, {"date_embauche": "2026-04-01"})
    assert "stage_etudiant" not in [o.contrat for o in options]  # not a hire
