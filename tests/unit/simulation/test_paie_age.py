"""Age at hire: the pay band at hire is the band of the age on the hire date; with an age and no
birth date, the next birthday is assumed 12 months after the hire, and the result says so."""

from __future__ import annotations

import pytest
from diese.simulation import simuler


def _apprenti(**extra) -> dict:
    entree = {"date_embauche": "2026-09-01", "contrat": "apprentissage", "duree_mois": 24,
              "effectif": 10}
    entree.update(extra)
    return simuler(entree).en_dict()


def _part(r: dict, i: int) -> float:
    return r["mois"][i]["salaire_brut"] / r["mois"][0]["salaire_brut"]


def test_ligne_du_ticket_26_ans_sans_date_de_naissance():
    """Issue 10: an apprentice aged 26 hired 2026-09-01 is paid 100 % of the SMIC from month 1
    (the engine gave 53 %)."""
    r = _apprenti(age=26, rqth=True)
    assert r["mois"][0]["salaire_brut"] == pytest.approx(1867.06, abs=0.01)  # 12,31 × 151,67
    notes = " ".join(r["explications"]["salaire_brut"]["notes"])
    assert "minimum légal de 100 % du SMIC" in notes
    texte = "le prochain anniversaire tombe 12 mois après l’embauche"
    assert any(texte in a["texte"] for a in r["avertissements"])
    assert any(texte in n for n in r["explications"]["salaire_brut"]["notes"])


@pytest.mark.parametrize(("naissance", "septembre", "octobre"), [
    ("2000-08-31", 1.0, 1.0),   # 26 the day before the hire
    ("2000-09-01", 1.0, 1.0),   # 26 on the hire day
    ("2000-09-02", 0.53, 1.0),  # 26 the day after: 25 at hire, 26+ from the next month
])
def test_anniversaire_autour_de_l_embauche(naissance, septembre, octobre):
    r = _apprenti(date_naissance=naissance, rqth=True)
    smic = 1867.06
    assert r["mois"][0]["salaire_brut"] == pytest.approx(smic * septembre, abs=0.01)
    assert r["mois"][1]["salaire_brut"] == pytest.approx(smic * octobre, abs=0.01)
    assert not any("anniversaire" in a["texte"] for a in r["avertissements"])


def test_anniversaire_suppose_douze_mois_apres():
    """Aged 20 at hire, no birth date: 21 on 2027-09-01, the 21–25 band from 2027-10-01
    (D6222-34: the month after the birthday); the second contract year starts in month 13."""
    r = _apprenti(age=20)
    smic = 1867.06
    assert r["mois"][0]["salaire_brut"] == pytest.approx(smic * 0.43, abs=0.01)  # 18–20, year 1
    assert r["mois"][11]["salaire_brut"] == pytest.approx(smic * 0.43, abs=0.01)
    assert r["mois"][12]["salaire_brut"] == pytest.approx(smic * 0.51, abs=0.01)  # 18–20, year 2
    assert r["mois"][13]["salaire_brut"] == pytest.approx(smic * 0.61, abs=0.01)  # 21–25, year 2


def test_professionnalisation_aussi():
    r = simuler({"date_embauche": "2026-09-01", "contrat": "professionnalisation",
                 "duree_mois": 12, "age": 21, "niveau_diplome": 3}).en_dict()
    notes = " ".join(r["explications"]["salaire_brut"]["notes"])
    assert "minimum légal de 70 % du SMIC" in notes
