"""Inverse computation (known net pay or budget → gross pay) checked against the forward engine,
and French-written numbers read by the engine's input reader."""

from __future__ import annotations

import json

import pytest
from diese.simulation import inverse
from diese.simulation.api import executer
from diese.simulation.erreurs import ErreurSaisie
from diese.simulation.moteur import simuler
from diese.simulation.nombres import nombre_fr

CONTRATS = [
    {"contrat": "cdi"},
    {"contrat": "cdd", "duree_mois": 6},
    {"contrat": "cdd", "duree_mois": 1},
    {"contrat": "apprentissage", "age": 19, "duree_mois": 24},
    {"contrat": "apprentissage", "age": 27, "rqth": True, "duree_mois": 24, "niveau_diplome": 6},
    {"contrat": "professionnalisation", "age": 22, "duree_mois": 12},
    {"contrat": "cdi", "heures_hebdo": 24},
]
EFFECTIFS = [5, 60, 300]
DATES = ["2026-05-15", "2027-01-01"]


def premier_mois(entree: dict, brut: float) -> dict:
    entree = {**entree, "salaire_brut_mensuel": brut}
    if entree["contrat"] == "cdd":
        entree["duree_mois"] = max(2, entree["duree_mois"])
    return simuler(entree).mois[0]


@pytest.mark.parametrize("base", CONTRATS, ids=lambda c: "-".join(map(str, c.values())))
@pytest.mark.parametrize("effectif", EFFECTIFS)
@pytest.mark.parametrize("date", DATES)
def test_aller_retour_au_centime(base, effectif, date) -> None:
    entree = {**base, "effectif": effectif, "date_embauche": date}
    minimum = simuler(entree).mois[0]["salaire_brut"]
    for sorte, cle in (("net", "salaire_net"), ("cout", "cout_employeur")):
        for facteur in (1.0, 1.13, 1.6, 2.7, 9.4):
            # Round trip: gross → forward figure → gross again, within one cent, same figure.
            depart = round(minimum * facteur, 2)
            cible = premier_mois(entree, depart)[cle]
            brut, obtenu = inverse.brut_pour(entree, sorte, cible)
            assert obtenu == cible and premier_mois(entree, brut)[cle] == cible
            assert abs(round(brut * 100) - round(depart * 100)) <= 1, (sorte, depart, brut)
            # A target between two cents of gross pay: the closest figure the law's rounding
            # allows (a cent of gross moves the employer cost by more than a cent).
            visee = round(cible + 0.37, 2)
            brut, obtenu = inverse.brut_pour(entree, sorte, visee)
            assert premier_mois(entree, brut)[cle] == obtenu
            for voisin in (round(brut - 0.01, 2), round(brut + 0.01, 2)):
                assert abs(premier_mois(entree, voisin)[cle] - visee) >= abs(obtenu - visee)

def test_cible_sous_le_minimum_message_francais() -> None:
    entree = {"contrat": "cdi", "date_embauche": "2027-01-01"}
    with pytest.raises(ErreurSaisie) as exc:
        inverse.brut_pour(entree, "net", 900)
    erreur = exc.value.erreurs[0]
    assert erreur["champ"] == "salaire_net_mensuel"
    assert "inférieur à ce que permet le salaire minimum légal" in erreur["message"]
    assert "900,00" in erreur["message"]


def test_api_net_connu_donne_le_brut_et_le_dit() -> None:
    entree = {"contrat": "cdi", "date_embauche": "2027-01-01", "salaire_connu": "net",
              "salaire_net_mensuel": "1 800,00 €"}
    sortie = json.loads(executer("simuler", json.dumps(entree)))
    assert sortie["ok"], sortie
    r = sortie["resultat"]
    assert abs(r["mois"][0]["salaire_net"] - 1800) <= 0.01
    premier = r["avertissements"][0]["texte"]
    assert premier.startswith("Salaire brut retrouvé à partir du salaire net visé")
    assert r["situation"]["salaire_brut_mensuel"] == r["mois"][0]["salaire_brut"]


def test_api_cout_connu_erreurs_au_champ() -> None:
    base = {"contrat": "cdi", "date_embauche": "2027-01-01", "salaire_connu": "cout"}
    sortie = json.loads(executer("simuler", json.dumps(base)))
    assert not sortie["ok"] and sortie["erreurs"][0]["champ"] == "cout_mensuel"
    sortie = json.loads(executer("simuler", json.dumps({**base, "cout_mensuel": "deux mille"})))
    assert sortie["erreurs"][0]["champ"] == "cout_mensuel"
    assert "nombre" in sortie["erreurs"][0]["message"]
    sortie = json.loads(executer("simuler", json.dumps({**base, "cout_mensuel": 100})))
    assert "minimum légal" in sortie["erreurs"][0]["message"]
    brut = json.loads(executer("simuler", json.dumps({**base, "salaire_connu": "brut",
                                                      "cout_mensuel": 100})))
    assert brut["ok"]  # the gross pay is the one used: the budget field is ignored


@pytest.mark.parametrize("texte", ["1 500,50", "1500.5", "1500,5", "1 500,50 €", "1\u00a0500,50",
                                   "1\u202f500,50\u00a0€", "1.500,50", " 1500,50€ "])
def test_nombres_francais(texte) -> None:
    assert nombre_fr(texte) == 1500.5


@pytest.mark.parametrize("texte", ["", "€", "1,2,3", "abc", "1 500 000 000 x", "inf", "nan"])
def test_nombres_refuses(texte) -> None:
    with pytest.raises(ValueError):
        nombre_fr(texte)


def test_le_moteur_lit_les_montants_francais() -> None:
    a = simuler({"contrat": "cdi", "date_embauche": "2027-01-01",
                 "salaire_brut_mensuel": "2\u202f000,50 €"})
    b = simuler({"contrat": "cdi", "date_embauche": "2027-01-01", "salaire_brut_mensuel": 2000.5})
    assert a.mois == b.mois


# ------------------------------------------------------------------ compare with a salary
def _options(employeur: dict, profil: dict | None = None) -> dict:
    from diese.simulation.comparaison import comparer

    base = {"date_embauche": "2027-01-01", "horizon_mois": 12}
    return {o.contrat: o for o in comparer(profil or {"age": 19}, {**base, **employeur})}


def test_comparer_au_meme_salaire_la_ou_la_loi_le_permet() -> None:
    options = _options({"salaire_brut_mensuel": "2 500 €"})
    for contrat in ("cdi", "cdd", "apprentissage", "professionnalisation"):
        assert options[contrat].salaire_brut_mensuel == 2500.0
        assert not any("inférieur au minimum" in a.texte for a in options[contrat].avertissements)
    assert options["stage"].eligible and options["stage"].totaux["cout_employeur"] == 0


def test_comparer_sous_le_minimum_d_un_contrat_son_minimum_est_retenu_et_dit() -> None:
    options = _options({"salaire_brut_mensuel": 1000})
    sans = _options({})
    assert options["apprentissage"].salaire_brut_mensuel == 1000.0  # above its minimum
    for contrat in ("cdi", "cdd", "professionnalisation"):
        o = options[contrat]
        assert o.eligible and o.salaire_brut_mensuel == sans[contrat].salaire_brut_mensuel
        texte = o.avertissements[0].texte
        assert texte.startswith("Le salaire indiqué (1\u202f000,00\u00a0€ brut par "
                                              "mois) est inférieur au minimum légal de ce contrat")


def test_une_ligne_par_option_dit_ce_qui_fait_la_difference() -> None:
    options = _options({})
    assert options["cdi"].pourquoi.startswith("Référence")
    assert "indemnité de fin de contrat : 2\u202f240,47\u00a0€" in options["cdd"].pourquoi
    assert options["cdd"].totaux["indemnite_fin_contrat"] == 2240.47
    app = options["apprentissage"].pourquoi
    assert "grille de salaire minimum réduite" in app and "aides à l’embauche" in app
    assert options["stage"].pourquoi is None
    # Same salary everywhere: the apprentice's difference is its contributions and aids only.
    app = _options({"salaire_brut_mensuel": 1900})["apprentissage"].pourquoi
    assert "grille" not in app and app.startswith("Cotisations plus basses")
