"""Bad input: one French message per field, never another exception; the JSON bridge; the CLI;
the form field metadata."""

from __future__ import annotations

import io
import json
import sys

import pytest
from diese.simulation import ErreurSaisie, calculer_oeth, comparer, simuler
from diese.simulation import champs as module_champs
from diese.simulation.api import executer
from diese.simulation.cli import main
from diese.simulation.inverse import CLES_CIBLE
from diese.simulation.saisie import CLES_SIMULER

BASE = {"date_embauche": "2026-03-01"}

MAUVAISES_SAISIES = [
    ({"inconnu": 1}, "inconnu", "Champ inconnu"),
    ({"contrat": "interim"}, "contrat", "Contrat inconnu"),
    ({"contrat": "apprentissage", "age": 35}, "age", "29 ans"),
    ({"contrat": "apprentissage", "age": 15}, "age", "16 ans"),
    ({"contrat": "apprentissage"}, "age", "Indiquez l’âge"),
    ({"contrat": "professionnalisation", "age": 40}, "age", "demandeurs d’emploi"),
    ({"salaire_brut_mensuel": 1500}, "salaire_brut_mensuel", "inférieur au minimum légal"),
    ({"heures_hebdo": 50}, "heures_hebdo", "48 heures"),
    ({"heures_hebdo": 39, "age": 17}, "heures_hebdo", "moins de 18 ans"),
    ({"effectif": -3}, "effectif", "négatif"),
    ({"date_embauche": "2026-02-30"}, "date_embauche", "n’existe pas"),
    ({"date_embauche": "01/03/2026"}, "date_embauche", "AAAA-MM-JJ"),
    ({"date_embauche": "2023-12-31"}, "date_embauche", "1er janvier 2024"),
    ({"date_naissance": "2030-01-01"}, "date_naissance", "précéder"),
    ({"age": 30, "date_naissance": "2000-01-01"}, "age", "ne correspond pas"),
    ({"effectif": "beaucoup"}, "effectif", "nombre"),
    ({"effectif": 10.5}, "effectif", "entier"),
    ({"rqth": "peut-être"}, "rqth", "oui ou non"),
    ({"duree_mois": 60}, "duree_mois", "dépasser"),
    ({"contrat": "cdd", "duree_mois": 24}, "duree_mois", "dépasser"),
    ({"contrat": "apprentissage", "age": 18, "duree_mois": 3}, "duree_mois", "inférieur"),
    ({"contrat": "stage", "salaire_brut_mensuel": 500}, "salaire_brut_mensuel", "PMSMP"),
    ({"niveau_diplome": 9}, "niveau_diplome", "dépasser"),
    ({"taux_at_mp": -1}, "taux_at_mp", "inférieur"),
    ({"age": True}, "age", "nombre"),
]


@pytest.mark.parametrize(("entree", "champ", "extrait"), MAUVAISES_SAISIES,
                         ids=[f"{c}-{i}" for i, (_, c, _) in enumerate(MAUVAISES_SAISIES)])
def test_mauvaise_saisie(entree, champ, extrait):
    with pytest.raises(ErreurSaisie) as exc:
        simuler({**BASE, **entree})
    erreurs = exc.value.erreurs
    assert any(e["champ"] == champ and extrait in e["message"] for e in erreurs), erreurs


def test_plusieurs_erreurs_a_la_fois():
    with pytest.raises(ErreurSaisie) as exc:
        simuler({"contrat": "x", "effectif": -1, "heures_hebdo": 60})
    assert {e["champ"] for e in exc.value.erreurs} == {"contrat", "effectif", "heures_hebdo"}


def test_pas_un_dictionnaire():
    with pytest.raises(ErreurSaisie):
        simuler([1, 2])


def test_valeurs_par_defaut():
    r = simuler({}).en_dict()
    s = r["situation"]
    assert s["contrat"] == "cdi" and s["heures_hebdo"] == 35 and s["effectif"] == 10
    assert s["duree_mois"] == 12 and len(r["mois"]) == 12
    assert r["mois"][0]["salaire_brut"] > 1700  # the SMIC
    assert set(s) >= set(CLES_SIMULER)


def test_nombres_ecrits_en_texte():
    r = simuler({**BASE, "salaire_brut_mensuel": "2 000,50", "effectif": "12"}).en_dict()
    assert r["mois"][0]["salaire_brut"] == 2000.5


def test_salaire_smic_publie_accepte():
    """The published monthly SMIC (35 h × 52 / 12) is not refused as below the minimum."""
    r = simuler({**BASE, "salaire_brut_mensuel": 1823.03}).en_dict()
    assert r["mois"][0]["salaire_brut"] == pytest.approx(1823.07)


def test_schema_du_resultat():
    r = simuler({**BASE, "contrat": "apprentissage", "age": 19}).en_dict()
    assert set(r) == {"mois", "totaux", "figures", "annees", "aides", "avertissements",
                      "explications", "parametres_au", "situation"}
    for cle in ("mois", "salaire_brut", "cotisations_patronales", "reduction_generale",
                "cout_employeur", "aides", "cout_net_aides", "salaire_net"):
        assert cle in r["mois"][0]
        assert cle == "mois" or cle in r["totaux"]
    aide = r["aides"][0]
    assert {"id", "nom", "montant", "echeancier", "reference"} <= set(aide)
    assert set(aide["reference"]) == {"titre", "url"}
    for cle, explication in r["explications"].items():
        assert explication["formule"], cle
        for p in explication["parametres"]:
            assert p["date_effet"] and p["source"]["url"].startswith("https://"), (cle, p)
    assert r["explications"]["salaire_brut"]["parametres"]
    assert r["explications"]["reduction_generale"]["parametres"]
    json.dumps(r)


def test_avertissement_parametre_prolonge():
    r = simuler({"date_embauche": "2028-01-01"}).en_dict()
    prolonges = [a["texte"] for a in r["avertissements"] if a["code"] == "valeurs_prolongees"]
    # One plain sentence on the result; the list of values stays in the explanations.
    assert len(prolonges) == 1 and "n’ont pas encore été confirmées au-delà du" in prolonges[0]
    assert "Agirc" not in prolonges[0] and "Paramètre" not in prolonges[0]
    assert any("SMIC horaire" in n for n in r["explications"]["valeurs_prolongees"]["notes"])
    assert r["parametres_au"] < "2028-01-01"


def test_pas_d_avertissement_dans_la_periode_confirmee():
    r = simuler({"date_embauche": "2026-03-01", "duree_mois": 2}).en_dict()
    assert not any(a["code"] == "valeurs_prolongees" for a in r["avertissements"])
    assert "valeurs_prolongees" not in r["explications"]


def test_comparer():
    options = comparer({"age": 22, "demandeur_emploi": True, "residence_qpv": True},
                       {"effectif": 30, "date_embauche": "2024-06-01"})
    par_contrat = {o.contrat: o.en_dict() for o in options}
    assert set(par_contrat) == {"cdi", "cdd", "apprentissage", "professionnalisation", "stage"}
    assert all(o["eligible"] for o in par_contrat.values())
    assert par_contrat["cdi"]["aides"][0]["id"] == "emploi_franc"
    assert par_contrat["apprentissage"]["horizon_mois"] == 12


def test_comparer_non_eligible():
    options = {o.contrat: o.en_dict() for o in comparer({"age": 40}, {"effectif": 30})}
    apprentissage = options["apprentissage"]
    assert not apprentissage["eligible"] and "29 ans" in apprentissage["raison"]
    assert not options["professionnalisation"]["eligible"]
    assert options["cdi"]["eligible"]


def test_comparer_mauvaise_saisie():
    with pytest.raises(ErreurSaisie) as exc:
        comparer({"age": 22, "x": 1}, {"effectif": -2})
    assert {e["champ"] for e in exc.value.erreurs} == {"x", "effectif"}


def test_oeth_erreurs():
    with pytest.raises(ErreurSaisie) as exc:
        calculer_oeth({"effectif": -5, "beneficiaires": -1})
    assert {e["champ"] for e in exc.value.erreurs} == {"effectif", "beneficiaires"}
    with pytest.raises(ErreurSaisie):
        calculer_oeth({})


@pytest.mark.parametrize("commande", ["simuler", "comparer", "oeth", "champs"])
def test_pont_json(commande):
    entrees = {"simuler": {"date_embauche": "2026-03-01"}, "comparer": {"profil": {"age": 20}},
               "oeth": {"effectif": 60}, "champs": {}}
    reponse = json.loads(executer(commande, json.dumps(entrees[commande])))
    assert reponse["ok"] is True and reponse["resultat"]


def test_pont_json_erreurs():
    for commande, texte in [("simuler", "{"), ("simuler", '{"contrat": "x"}'), ("inconnue", "{}"),
                            ("comparer", '{"autre": 1}'), ("oeth", "[]")]:
        reponse = json.loads(executer(commande, texte))
        assert reponse["ok"] is False and reponse["erreurs"][0]["message"]


def test_pont_json_exception_inattendue(monkeypatch):
    import diese.simulation.api as api

    def panne(_):
        raise RuntimeError("boom")

    monkeypatch.setattr(api, "simuler", panne)
    reponse = json.loads(api.executer("simuler", "{}"))
    assert reponse == {"ok": False, "erreurs": [{"champ": None, "message": api.ERREUR_INATTENDUE}]}


def test_champs():
    reponse = json.loads(executer("champs", "{}"))["resultat"]
    noms = [c["nom"] for c in reponse["simuler"]]
    assert set(noms) == set(CLES_SIMULER) | set(CLES_CIBLE)  # a known net pay or budget too
    for groupe in reponse.values():
        for c in groupe:
            assert c["type"] in {"date", "entier", "decimal", "booleen", "choix"}
            assert c["libelle"] and c["aide"].endswith(".")
            assert c["type"] != "choix" or c["choix"]
    assert module_champs.CHAMPS_SIMULER and module_champs.CHAMPS_OETH
    assert module_champs.CHAMPS_COMPARER_PROFIL and module_champs.CHAMPS_COMPARER_EMPLOYEUR
    defauts = {c["nom"]: c["defaut"] for c in reponse["simuler"]}
    assert defauts["contrat"] == "cdi" and defauts["heures_hebdo"] == 35
    assert defauts["effectif"] == 10 and defauts["salaire_brut_mensuel"] is None


def _cli(monkeypatch, capsys, argv, entree):
    monkeypatch.setattr(sys, "stdin", io.StringIO(entree))
    code = main(argv)
    return code, capsys.readouterr()


def test_cli_json(monkeypatch, capsys):
    code, sortie = _cli(monkeypatch, capsys, ["simuler"], '{"date_embauche": "2026-03-01"}')
    assert code == 0 and json.loads(sortie.out)["mois"]


def test_cli_tableau(monkeypatch, capsys):
    code, sortie = _cli(monkeypatch, capsys, ["simuler", "--format", "tableau"],
                        '{"date_embauche": "2026-03-01", "duree_mois": 2}')
    assert code == 0 and "Total" in sortie.out and "Coût employeur" in sortie.out


def test_cli_comparer(monkeypatch, capsys):
    code, sortie = _cli(monkeypatch, capsys, ["comparer", "--format", "tableau"],
                        '{"profil": {"age": 40}, "employeur": {"effectif": 5}}')
    assert code == 0 and "non éligible" in sortie.out


def test_cli_erreur(monkeypatch, capsys):
    code, sortie = _cli(monkeypatch, capsys, ["simuler"], '{"contrat": "x"}')
    assert code == 2 and "contrat : Contrat inconnu" in sortie.err and sortie.out == ""
    code, sortie = _cli(monkeypatch, capsys, ["simuler"], "pas du json")
    assert code == 2 and "JSON" in sortie.err


def test_cli_fichier(tmp_path, monkeypatch, capsys):
    f = tmp_path / "s.json"
    f.write_text('{"date_embauche": "2026-03-01", "duree_mois": 1}', encoding="utf-8")
    code, sortie = _cli(monkeypatch, capsys, ["simuler", "--fichier", str(f)], "")
    assert code == 0 and len(json.loads(sortie.out)["mois"]) == 1
    code, sortie = _cli(monkeypatch, capsys, ["simuler", "--fichier", str(tmp_path / "absent")], "")
    assert code == 2
