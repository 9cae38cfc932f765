"""Texts follow the parameters: each family of templated text (explanations, aid conditions,
input errors, warnings, form help) changes when a value changes in a temporary copy of the
compiled parameters — no legal number is written in the code."""

from __future__ import annotations

import datetime as dt

import pytest
from diese.simulation import simuler
from diese.simulation.erreurs import ErreurSaisie
from diese.simulation.tranches import bornes, enumerer, libelle, seuils, tranche

NBSP = "\u00a0"


def _valeur_au(p: dict, jour: str) -> dict:
    return [v for v in p["valeurs"] if v["date"] <= jour][-1]


def _textes(explication: dict) -> str:
    return explication["formule"] + " " + " ".join(explication["notes"])


def _renommer(grille: dict, noms: dict[str, str]) -> dict:
    return {noms.get(k, k): v for k, v in grille.items()}


# ------------------------------------------------------------------ bands from keys
def test_les_cles_portent_leurs_bornes():
    assert bornes("moins_18") == (None, 17)
    assert bornes("18_20") == (18, 20)
    assert bornes("26_plus") == (26, None)
    assert bornes("de_20_a_249") == (20, 249)
    assert bornes("a_partir_de_250") == (250, None)
    assert bornes("4") is None and bornes("montant") is None
    grille = {"moins_18": 1, "18_20": 2, "21_25": 3, "26_plus": 4}
    assert [tranche(grille, a) for a in (16, 17, 18, 20, 21, 25, 26, 60)] == [
        "moins_18", "moins_18", "18_20", "18_20", "21_25", "21_25", "26_plus", "26_plus"]
    assert seuils(grille) == [18, 21, 26]
    assert enumerer({"moins_21": 0, "21_25": 0, "26_plus": 0}, "ans") == (
        "moins de 21 ans, 21 à 25 ans, 26 ans et plus")
    assert libelle("250_plus", "salariés") == "250 salariés et plus"
    with pytest.raises(KeyError):
        tranche({"moins_18": 1, "21_25": 2}, 19)


# ------------------------------------------------------------------ explanations
def test_les_seuils_des_cotisations_suivent_les_parametres(parametres_modifies):
    situation = {"contrat": "cdd", "duree_mois": 6, "date_embauche": "2026-03-01",
                 "mutuelle_part_employeur": 30, "effectif": 20, "salaire_brut_mensuel": 20_000}
    avant = simuler(situation).en_dict()
    cotis = avant["explications"]["cotisations_patronales"]["formule"]
    assert f"moins de 50{NBSP}salariés" in cotis and f"4{NBSP}plafonds" in cotis
    assert f"11{NBSP}salariés" in _textes(avant["explications"]["cout_employeur"])
    lus = {p["id"] for p in avant["explications"]["cotisations_patronales"]["parametres"]}
    assert {"seuils.chomage_ags_plafond", "seuils.fnal",
            "seuils.forfait_social_prevoyance"} <= lus

    def changer(p: dict) -> None:
        _valeur_au(p["seuils.chomage_ags_plafond"], "2026-03-01")["valeur"] = 5
        _valeur_au(p["seuils.fnal"], "2026-03-01")["valeur"] = 60
        _valeur_au(p["seuils.forfait_social_prevoyance"], "2026-03-01")["valeur"] = 25

    parametres_modifies(changer)
    apres = simuler(situation).en_dict()
    cotis = apres["explications"]["cotisations_patronales"]["formule"]
    assert f"moins de 60{NBSP}salariés" in cotis and f"5{NBSP}plafonds" in cotis
    assert f"25{NBSP}salariés" in _textes(apres["explications"]["cout_employeur"])
    # The figures read the same values: a higher cap costs more on a high salary, and 20
    # employees no longer owe the forfait social.
    m_avant, m_apres = avant["mois"][0], apres["mois"][0]
    assert m_apres["detail_cotisations"]["chomage"] > m_avant["detail_cotisations"]["chomage"]
    assert "forfait_social" in m_avant["detail_cotisations"]
    assert "forfait_social" not in m_apres["detail_cotisations"]


def test_les_tranches_d_age_des_salaires_suivent_les_grilles(parametres_modifies):
    app = {"contrat": "apprentissage", "age": 19, "date_embauche": "2026-03-01"}
    pro = {"contrat": "professionnalisation", "age": 22, "date_embauche": "2026-03-01"}
    brut_app = _textes(simuler(app).en_dict()["explications"]["salaire_brut"])
    brut_pro = _textes(simuler(pro).en_dict()["explications"]["salaire_brut"])
    assert f"(18, 21, 26{NBSP}ans)" in brut_app and f"À partir de 21{NBSP}ans" in brut_app
    assert "moins de 21 ans, 21 à 25 ans, 26 ans et plus" in brut_pro
    assert "niveau 4)" in brut_pro

    def changer(p: dict) -> None:
        for v in p["apprentissage.remuneration_minimale"]["valeurs"]:
            v["valeur"] = _renommer(v["valeur"], {"18_20": "18_21", "21_25": "22_25"})
        for v in p["professionnalisation.remuneration_minimale"]["valeurs"]:
            v["valeur"] = _renommer(v["valeur"], {"moins_21": "moins_23", "21_25": "23_27",
                                                  "26_plus": "28_plus"})
        _valeur_au(p["apprentissage.age_salaire_conventionnel"], "2026-03-01")["valeur"] = 22
        _valeur_au(p["professionnalisation.niveau_remuneration_majoree"],
                   "2026-03-01")["valeur"] = 5

    parametres_modifies(changer)
    r_app, r_pro = simuler(app).en_dict(), simuler(pro).en_dict()
    brut_app = _textes(r_app["explications"]["salaire_brut"])
    brut_pro = _textes(r_pro["explications"]["salaire_brut"])
    assert f"(18, 22, 26{NBSP}ans)" in brut_app and f"À partir de 22{NBSP}ans" in brut_app
    assert "moins de 23 ans, 23 à 27 ans, 28 ans et plus" in brut_pro
    assert "niveau 5)" in brut_pro
    # The pay follows the same grid: a 22-year-old without the raised level is paid the lower
    # rate of the youngest band (55 % instead of 80 %).
    assert r_pro["mois"][0]["salaire_brut"] < 0.7 * 1823.03


def test_les_dates_des_formules_viennent_des_parametres(parametres_modifies):
    cdd = {"contrat": "cdd", "duree_mois": 6, "date_embauche": "2025-03-01"}
    formule = simuler(cdd).en_dict()["explications"]["reduction_generale"]["formule"]
    assert "jusqu’au 31 décembre 2025" in formule
    rgdu = simuler({"date_embauche": "2026-03-01"}).en_dict()
    formule = rgdu["explications"]["reduction_generale"]["formule"]
    assert "depuis le 1er janvier 2026" in formule and "celui du 1er janvier 2026" in formule

    def changer(p: dict) -> None:
        for v in p["reduction_generale.fillon_tmax_moins_50"]["valeurs"]:
            if v["valeur"] is None:
                v["date"] = "2026-07-01"

    parametres_modifies(changer)
    formule = simuler(cdd).en_dict()["explications"]["reduction_generale"]["formule"]
    assert "jusqu’au 30 juin 2026" in formule

    def sans_fin(p: dict) -> None:
        p["reduction_generale.fillon_tmax_moins_50"]["valeurs"] = [
            v for v in p["reduction_generale.fillon_tmax_moins_50"]["valeurs"]
            if v["valeur"] is not None]

    parametres_modifies(sans_fin)
    formule = simuler(cdd).en_dict()["explications"]["reduction_generale"]["formule"]
    assert "(formule en vigueur) :" in formule


# ------------------------------------------------------------------ aid conditions
def _aide(r: dict, ident: str) -> dict:
    return next(a for a in r["aides"] if a["id"] == ident)


def test_les_conditions_des_aides_suivent_les_parametres(parametres_modifies):
    unique = {"contrat": "apprentissage", "age": 18, "date_embauche": "2026-03-01",
              "effectif": 260, "niveau_diplome": 5}
    grande = {**unique, "date_embauche": "2026-04-01", "niveau_diplome": 6}
    rqth = {"contrat": "cdi", "date_embauche": "2026-04-01", "rqth": True, "effectif": 22}
    assert not simuler(unique).en_dict()["aides"]  # 260 employees: no aide unique
    note = " ".join(simuler(grande).en_dict()["explications"]["aides"]["notes"])
    assert "Entreprise de 250 salariés ou plus" in note and "5 % d’alternants" in note
    assert "Entreprise de 20 salariés ou plus" in " ".join(
        simuler(rqth).en_dict()["explications"]["aides"]["notes"])

    def changer(p: dict) -> None:
        for v in p["apprentissage.aide_embauche"]["valeurs"]:
            v["valeur"]["aide_unique"].update(seuil_effectif=300, niveau_max=5)
            exc = v["valeur"]["aide_exceptionnelle"]
            if exc:
                exc["moins_300"] = exc.pop("moins_250")
                exc["300_plus"] = exc.pop("250_plus")
                exc["ratio_alternants_min"] = 0.06
        _valeur_au(p["oeth.seuil_effectif"], "2026-04-01")["valeur"] = 25

    parametres_modifies(changer)
    r = simuler(unique).en_dict()
    assert "entreprise de moins de 300 salariés, diplôme au plus de niveau 5" in _aide(
        r, "aide_apprentissage")["conditions"]
    note = " ".join(simuler({**grande, "effectif": 320}).en_dict()["explications"]["aides"]
                    ["notes"])
    assert "Entreprise de 300 salariés ou plus" in note and "6 % d’alternants" in note
    # 22 employees: under the new threshold, no OETH note
    assert not any("OETH" in n for n in simuler(rqth).en_dict()["explications"]["aides"]["notes"])
    engage = simuler({**grande, "effectif": 320, "engagement_alternance": "5_pourcent"}).en_dict()
    assert "engagée à atteindre 6 % d’alternants" in _aide(engage, "aide_apprentissage")[
        "conditions"]


def test_l_aide_pro_et_l_emploi_franc_nomment_leurs_valeurs(parametres_modifies):
    pro = {"contrat": "professionnalisation", "age": 50, "demandeur_emploi": True,
           "date_embauche": "2026-03-01"}
    assert "de 45 ans et plus" in _aide(simuler(pro).en_dict(),
                                        "aide_professionnalisation_45_ans")["nom"]

    aide = _aide(simuler(pro).en_dict(), "aide_professionnalisation_45_ans")
    assert "en 2 échéances (à l’issue des 3e et 10e mois" in aide["conditions"]

    def changer(p: dict) -> None:
        val = _valeur_au(p["professionnalisation.aide_demandeur_45_ans"], "2026-03-01")["valeur"]
        val.update(age_min=48, versements_apres_mois=[4, 8, 11])

    parametres_modifies(changer)
    aide = _aide(simuler(pro).en_dict(), "aide_professionnalisation_45_ans")
    assert "de 48 ans et plus" in aide["nom"]
    assert "en 3 échéances (à l’issue des 4e, 8e et 11e mois" in aide["conditions"]


# ------------------------------------------------------------------ input errors
def _erreurs(entree: dict) -> str:
    with pytest.raises(ErreurSaisie) as exc:
        simuler(entree)
    return " ".join(e["message"] for e in exc.value.erreurs)


def test_les_messages_d_erreur_suivent_les_parametres(parametres_modifies):
    jour = "2026-03-01"
    assert "maximum légal de 48 heures" in _erreurs({"date_embauche": jour, "heures_hebdo": 50})
    assert "moins de 18 ans ne peut pas travailler plus de 35 heures" in _erreurs(
        {"date_embauche": jour, "heures_hebdo": 38, "age": 17})
    assert "commence à 16 ans" in _erreurs(
        {"date_embauche": jour, "contrat": "professionnalisation", "age": 15})
    assert "À partir de 26 ans" in _erreurs(
        {"date_embauche": jour, "contrat": "professionnalisation", "age": 30})
    assert "moins de 16 ans" in _erreurs({"date_embauche": jour, "age": 15})
    assert "(15 ans en sortie de 3e" in _erreurs(
        {"date_embauche": jour, "contrat": "apprentissage", "age": 14})

    def changer(p: dict) -> None:
        _valeur_au(p["travail.duree_maximale_hebdomadaire"], jour)["valeur"] = 46
        _valeur_au(p["travail.jeunes_travailleurs"], jour)["valeur"] = {
            "age_majorite": 19, "heures_hebdo_max": 32}
        _valeur_au(p["professionnalisation.age_min"], jour)["valeur"] = 17
        _valeur_au(p["professionnalisation.age_max"], jour)["valeur"] = 27
        _valeur_au(p["travail.age_minimum"], jour)["valeur"] = 17
        _valeur_au(p["apprentissage.age"], jour)["valeur"]["min_sortie_3e"] = 14

    parametres_modifies(changer)
    assert "maximum légal de 46 heures" in _erreurs({"date_embauche": jour, "heures_hebdo": 47})
    assert "moins de 19 ans ne peut pas travailler plus de 32 heures" in _erreurs(
        {"date_embauche": jour, "heures_hebdo": 33, "age": 18})
    assert "commence à 17 ans" in _erreurs(
        {"date_embauche": jour, "contrat": "professionnalisation", "age": 16})
    assert "À partir de 28 ans" in _erreurs(
        {"date_embauche": jour, "contrat": "professionnalisation", "age": 30})
    simuler({"date_embauche": jour, "contrat": "professionnalisation", "age": 27})  # allowed now
    assert "moins de 17 ans" in _erreurs({"date_embauche": jour, "age": 16})
    assert "(14 ans en sortie de 3e" in _erreurs(
        {"date_embauche": jour, "contrat": "apprentissage", "age": 14})


# ------------------------------------------------------------------ warnings and form help
def _avertissement(r: dict, code: str) -> str:
    return next(a["texte"] for a in r["avertissements"] if a["code"] == code)


def test_l_avertissement_du_temps_partiel_suit_les_parametres(parametres_modifies):
    situation = {"date_embauche": "2026-03-01", "heures_hebdo": 10}
    texte = _avertissement(simuler(situation).en_dict(), "temps_partiel_moins_24h")
    assert "étudiant de moins de 26 ans, CDD de 7 jours au plus" in texte

    def changer(p: dict) -> None:
        _valeur_au(p["temps_partiel.derogations"], "2026-03-01")["valeur"] = {
            "age_etudiant_max_exclu": 25, "cdd_jours_max": 8}

    parametres_modifies(changer)
    texte = _avertissement(simuler(situation).en_dict(), "temps_partiel_moins_24h")
    assert "étudiant de moins de 25 ans, CDD de 8 jours au plus" in texte


def test_l_aide_des_formulaires_suit_les_parametres(parametres_modifies):
    from diese.simulation.champs import champs_oeth, champs_simuler

    aujourd_hui = dt.date.today().isoformat()
    avant = {c["nom"]: c for c in champs_simuler()}
    assert avant["heures_hebdo"]["aide"] == "35 heures pour un temps plein ; 48 heures au plus."
    assert avant["heures_hebdo"]["max"] == 48
    assert "après 26 ans" in avant["beneficiaire_rsa"]["aide"]
    assert "à partir de 11 salariés" in avant["taux_versement_mobilite"]["aide"]
    assert avant["engagement_alternance"]["visible_si"]["effectif"] == {"min": 250}
    assert "commence à 20." in champs_oeth()[0]["aide"]

    def changer(p: dict) -> None:
        _valeur_au(p["travail.duree_maximale_hebdomadaire"], aujourd_hui)["valeur"] = 46
        _valeur_au(p["professionnalisation.age_max"], aujourd_hui)["valeur"] = 27
        _valeur_au(p["seuils.versement_mobilite"], aujourd_hui)["valeur"] = 12
        _valeur_au(p["oeth.seuil_effectif"], aujourd_hui)["valeur"] = 21
        aide = _valeur_au(p["apprentissage.aide_embauche"], aujourd_hui)["valeur"]
        aide["aide_unique"]["seuil_effectif"] = 300
        aide["aide_exceptionnelle"]["ratio_alternants_min"] = 0.06

    parametres_modifies(changer)
    apres = {c["nom"]: c for c in champs_simuler()}
    assert apres["heures_hebdo"]["aide"] == "35 heures pour un temps plein ; 46 heures au plus."
    assert apres["heures_hebdo"]["max"] == 46
    assert "après 28 ans" in apres["beneficiaire_rsa"]["aide"]
    assert "à partir de 12 salariés" in apres["taux_versement_mobilite"]["aide"]
    assert apres["taux_versement_mobilite"]["visible_si"]["effectif"] == {"min": 12}
    assert apres["engagement_alternance"]["visible_si"]["effectif"] == {"min": 300}
    assert "(300 salariés ou plus)" in apres["engagement_alternance"]["libelle"]
    assert apres["engagement_alternance"]["choix"][1]["libelle"] == "6 % d’alternants"
    assert "commence à 21." in champs_oeth()[0]["aide"]


def _formule_oeth(r) -> str:
    return r.en_dict()["explications"]["contribution_actuelle"]["formule"]


def test_la_surcontribution_oeth_nomme_sa_duree(parametres_modifies):
    from diese.simulation import calculer_oeth
    from diese.simulation.champs import champs_oeth

    entree = {"effectif": 120, "annee": 2026, "beneficiaires": 0,
              "aucune_action_depuis_3_ans": True}
    assert "depuis plus de 3 ans" in _formule_oeth(calculer_oeth(entree))
    assert champs_oeth()[3]["libelle"] == "Aucune action depuis plus de 3 ans"

    def changer(p: dict) -> None:
        for v in p["oeth.multiplicateurs"]["valeurs"]:
            v["valeur"]["sans_action_annees"] = 4

    parametres_modifies(changer)
    assert "depuis plus de 4 ans" in _formule_oeth(calculer_oeth(entree))
    assert champs_oeth()[3]["libelle"] == "Aucune action depuis plus de 4 ans"


def test_les_plafonds_d_assiette_viennent_des_parametres(parametres_modifies):
    """The CSG abatement's cap and the top of the complementary pension's tranche 2 are read
    from the parameters: lowering them changes a high salary's net pay and cost."""
    situation = {"date_embauche": "2026-03-01", "salaire_brut_mensuel": 40_000}
    avant = simuler(situation).en_dict()["mois"][0]

    def changer(p: dict) -> None:
        _valeur_au(p["seuils.abattement_csg_plafond"], "2026-03-01")["valeur"] = 2
        _valeur_au(p["seuils.retraite_complementaire_plafond"], "2026-03-01")["valeur"] = 6

    parametres_modifies(changer)
    apres = simuler(situation).en_dict()["mois"][0]
    assert apres["detail_cotisations"]["agirc_arrco"] < avant["detail_cotisations"]["agirc_arrco"]
    assert apres["salaire_net"] != avant["salaire_net"]


def test_les_durees_legales_viennent_des_parametres(parametres_modifies):
    jour = "2026-03-01"
    simuler({"date_embauche": jour, "contrat": "cdd", "duree_mois": 18})
    assert "ne peut pas dépasser 18" in _erreurs(
        {"date_embauche": jour, "contrat": "cdd", "duree_mois": 19})
    assert "ne peut pas dépasser 6" in _erreurs(
        {"date_embauche": jour, "contrat": "stage_etudiant", "duree_mois": 7})
    assert "inférieure à 6" in _erreurs(
        {"date_embauche": jour, "contrat": "professionnalisation", "age": 20, "duree_mois": 5})

    def changer(p: dict) -> None:
        _valeur_au(p["cdd.duree_maximale"], jour)["valeur"] = 12
        _valeur_au(p["stage_etudiant.duree_maximale"], jour)["valeur"] = 5
        _valeur_au(p["professionnalisation.duree"], jour)["valeur"] = {"min": 4, "max": 24}

    parametres_modifies(changer)
    assert "ne peut pas dépasser 12" in _erreurs(
        {"date_embauche": jour, "contrat": "cdd", "duree_mois": 13})
    assert "ne peut pas dépasser 5" in _erreurs(
        {"date_embauche": jour, "contrat": "stage_etudiant", "duree_mois": 6})
    simuler({"date_embauche": jour, "contrat": "professionnalisation", "age": 20,
             "duree_mois": 5})
    assert "ne peut pas dépasser 24" in _erreurs(
        {"date_embauche": jour, "contrat": "professionnalisation", "age": 20, "duree_mois": 30})


def test_l_arrondi_du_coefficient_vient_des_parametres(parametres_modifies):
    situation = {"date_embauche": "2026-03-01", "salaire_brut_mensuel": 2100}
    avant = simuler(situation).en_dict()
    assert "arrondi à 4 décimales" in avant["explications"]["reduction_generale"]["formule"]

    def changer(p: dict) -> None:
        _valeur_au(p["reduction_generale.arrondi_coefficient"], "2026-03-01")["valeur"] = 2

    parametres_modifies(changer)
    apres = simuler(situation).en_dict()
    assert "arrondi à 2 décimales" in apres["explications"]["reduction_generale"]["formule"]
    coefficient = apres["mois"][0]["coefficient_reduction"]
    assert coefficient == round(coefficient, 2) != avant["mois"][0]["coefficient_reduction"]


def test_la_participation_employeur_suit_le_niveau_du_parametre(parametres_modifies):
    def participation(niveau: int) -> float:
        r = simuler({"contrat": "apprentissage", "age": 20, "date_embauche": "2026-04-01",
                     "niveau_diplome": niveau}).en_dict()
        return r["mois"][0]["autres_charges"]

    assert participation(5) == 0 and participation(6) == 750 and participation(8) == 750

    def changer(p: dict) -> None:
        _valeur_au(p["apprentissage.participation_employeur_niveau_min"],
                   "2026-04-01")["valeur"] = 7

    parametres_modifies(changer)
    assert participation(6) == 0 and participation(7) == 750
