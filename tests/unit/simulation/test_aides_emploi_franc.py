"""Emploi franc: open to hires up to 31/12/2024, closed from 01/01/2025 (not renewed by the loi de
finances pour 2025), with its reason in `simuler` and in `comparer`."""

from __future__ import annotations

import pytest
from diese.simulation import comparer, simuler

QPV = {"demandeur_emploi": True, "residence_qpv": True}


def ef(jour: str, contrat: str = "cdi", duree: int = 36, **autres) -> dict:
    return simuler({"date_embauche": jour, "contrat": contrat, "duree_mois": duree, **QPV,
                    **autres}).en_dict()


@pytest.mark.parametrize(("jour", "attendu"), [
    ("2024-12-30", 15000), ("2024-12-31", 15000), ("2025-01-01", 0), ("2025-01-02", 0)])
def test_borne_de_fermeture_cdi(jour, attendu):
    r = ef(jour)
    assert r["totaux"]["aides"] == attendu
    ferme = [a["texte"]
               for a in r["avertissements"] if a["texte"].startswith("Emploi franc : aucune aide")]
    assert bool(ferme) is (attendu == 0)
    if ferme:
        assert "1er janvier 2025" in ferme[0] and "31 décembre 2024" in ferme[0]
        assert "loi de finances pour 2025" in ferme[0]


@pytest.mark.parametrize(("jour", "attendu"), [
    ("2024-12-31", 3750), ("2025-01-01", 0), ("2025-01-02", 0)])
def test_borne_de_fermeture_cdd(jour, attendu):
    """18 months: three half-years paid (2 500 € a year, by half-year in arrears)."""
    assert ef(jour, "cdd", 18)["totaux"]["aides"] == attendu


def test_montants_2024():
    r = ef("2024-06-01")
    assert [m["aides"] for m in r["mois"]].count(2500.0) == 6
    assert ef("2024-06-01", "cdd", 12)["totaux"]["aides"] == 2500
    assert ef("2024-06-01", "cdd", 6)["totaux"]["aides"] == 1250
    assert ef("2024-06-01", "cdd", 5)["aides"] == []
    assert ef("2024-06-01", heures_hebdo=28)["totaux"]["aides"] == 12000
    assert not any("renouvellement" in a["texte"] for a in ef("2024-06-01")["avertissements"])


def test_contrat_de_professionnalisation_compris_en_2024():
    """A contrat de pro of six months or more follows the CDD scale, cumulable with the State's
    aid for job seekers of 45 or more."""
    r = ef("2024-06-01", "professionnalisation", 24, age=50)
    assert sorted(a["id"] for a in r["aides"]) == ["aide_professionnalisation_45_ans",
                                                   "emploi_franc"]
    franc = next(a for a in r["aides"] if a["id"] == "emploi_franc")
    assert franc["montant"] == 5000
    assert "contrat de professionnalisation de 6 mois ou plus" in franc["conditions"]
    assert ef("2025-01-01", "professionnalisation", 24, age=50)["totaux"]["aides"] == 2000
    apprenti = simuler({"date_embauche": "2024-06-01", "contrat": "apprentissage", "age": 20,
                        **QPV}).en_dict()
    assert not any(a["id"] == "emploi_franc" for a in apprenti["aides"])
    assert any("contrat de professionnalisation compris" in n
               for n in apprenti["explications"]["aides"]["notes"])


def test_pas_de_note_emploi_franc_ferme_pour_l_apprentissage():
    r = simuler({"date_embauche": "2026-04-01", "contrat": "apprentissage", "age": 20, **QPV})
    assert not any("emploi franc" in n for n in r.explications["aides"].notes)


def test_comparer_montre_l_aide_fermee():
    options = {o.contrat: o.en_dict() for o in comparer(
        {"age": 30, **QPV}, {"effectif": 30, "date_embauche": "2026-04-01"})}
    for contrat in ("cdi", "cdd"):
        fermee = options[contrat]["aides_fermees"]
        assert [a["id"] for a in fermee] == ["emploi_franc"]
        assert fermee[0]["ferme_depuis"] == "2025-01-01"
        assert "non reconduit" in fermee[0]["raison"]
        assert any("Emploi franc : aucune aide" in a["texte"]
                                                     for a in options[contrat]["avertissements"])
        assert options[contrat]["aides"] == []
    assert [a["id"] for a in options["professionnalisation"]["aides_fermees"]] == ["emploi_franc"]
    assert options["apprentissage"]["aides_fermees"] == []
    ouvertes = {o.contrat: o for o in comparer(
        {"age": 30, **QPV}, {"effectif": 30, "date_embauche": "2024-12-31"})}
    assert ouvertes["cdi"].aides_fermees == []
    assert ouvertes["cdi"].aides[0].id == "emploi_franc"
    sans_qpv = {o.contrat: o for o in comparer(
        {"age": 30, "demandeur_emploi": True}, {"effectif": 30, "date_embauche": "2026-04-01"})}
    assert sans_qpv["cdi"].aides_fermees == []


def test_le_rythme_de_versement_suit_le_parametre(parametres_modifies):
    """Paid in arrears every semester (ministry's Q&R): the period is the parameter's, schedule
    and wording alike."""
    avant = ef("2024-06-01", duree=12)
    assert [i for i, m in enumerate(avant["mois"]) if m["aides"]] == [5, 11]
    aide = next(a for a in avant["aides"] if a["id"] == "emploi_franc")
    assert "tous les 6 mois" in aide["conditions"]

    def changer(p: dict) -> None:
        for v in p["emploi_franc.montants"]["valeurs"]:
            if v["valeur"]:
                v["valeur"]["versement_periode_mois"] = 3

    parametres_modifies(changer)
    apres = ef("2024-06-01", duree=12)
    assert [i for i, m in enumerate(apres["mois"]) if m["aides"]] == [2, 5, 8, 11]
    assert apres["totaux"]["aides"] == avant["totaux"]["aides"] == 5000
    aide = next(a for a in apres["aides"] if a["id"] == "emploi_franc")
    assert "tous les 3 mois" in aide["conditions"]
