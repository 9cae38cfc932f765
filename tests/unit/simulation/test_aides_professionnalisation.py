"""Contrat de professionnalisation: the State's 2 000 € for a job seeker of 45 or more, the
exceptional aid ended for contracts from 01/05/2024 (décret 2024-392), France Travail's AFE never
credited (only a warning)."""

from __future__ import annotations

import pytest
from diese.simulation import simuler


def pro(jour: str = "2026-04-01", age: int = 50, demandeur: bool = True, **autres) -> dict:
    return simuler({"date_embauche": jour, "contrat": "professionnalisation", "age": age,
                    "demandeur_emploi": demandeur, "duree_mois": 12, **autres}).en_dict()


def ids(r: dict) -> list[str]:
    return [a["id"] for a in r["aides"]]


def test_aide_45_ans_demandeur_d_emploi_seulement():
    assert ids(pro(age=45)) == ["aide_professionnalisation_45_ans"]
    assert pro(age=45)["totaux"]["aides"] == 2000
    assert pro(age=44)["aides"] == []
    non_inscrit = pro(age=50, demandeur=False, beneficiaire_rsa=True)
    assert non_inscrit["aides"] == []
    assert any("cochez « demandeur d’emploi »" in n
               for n in non_inscrit["explications"]["aides"]["notes"])


@pytest.mark.parametrize(("jour", "attendu"), [
    ("2024-01-01", 6000), ("2024-04-29", 6000), ("2024-04-30", 6000), ("2024-05-01", 0),
    ("2024-05-02", 0), ("2026-04-01", 0)])
def test_aide_exceptionnelle_fin_30_avril_2024(jour, attendu):
    r = pro(jour, age=22, demandeur=False)
    assert r["totaux"]["aides"] == attendu
    assert (ids(r) == ["aide_professionnalisation_exceptionnelle"]) is (attendu > 0)


def test_aide_exceptionnelle_moins_de_30_ans():
    assert pro("2024-04-30", age=29)["totaux"]["aides"] == 6000
    assert pro("2024-04-30", age=30)["totaux"]["aides"] == 0
    court = simuler({"date_embauche": "2024-03-01", "contrat": "professionnalisation",
                     "age": 20, "duree_mois": 6}).en_dict()
    assert court["totaux"]["aides"] == pytest.approx(3000, abs=0.05)


def test_afe_jamais_comptee_mais_signalee():
    r = pro(age=50)
    assert ids(r) == ["aide_professionnalisation_45_ans"] and r["totaux"]["aides"] == 2000
    afe = [a["texte"] for a in r["avertissements"]
           if a["texte"].startswith("À vérifier auprès de France Travail")]
    assert len(afe) == 1 and "AFE" in afe[0] and "26 ans" in afe[0]
    trente = pro(age=30)
    assert trente["aides"] == [] and any("AFE" in a["texte"] for a in trente["avertissements"])
    assert not any("AFE" in a["texte"] for a in pro(age=25)["avertissements"])
    assert not any("AFE" in a["texte"] for a in pro(age=30, demandeur=False, beneficiaire_rsa=True)[
        "avertissements"])
