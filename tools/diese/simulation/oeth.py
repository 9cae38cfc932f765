"""OETH: the annual contribution of an employer of 20 or more for missing disabled workers, now
and after hiring one beneficiary (RQTH)."""

from __future__ import annotations

import datetime as dt
import math

from .erreurs import ErreurSaisie
from .parametres import tous, valeur
from .resultat import Avertissement, Explication, ParametreLu, ResultatOETH, parametre_lu, titre
from .saisie import Lecteur
from .textes import accorder, arrondi, euros, nombre, phrase_prolongation, pourcent

CLES_OETH = ("effectif", "beneficiaires", "annee", "date", "aucune_action_depuis_3_ans")
ANNEE_MIN, ANNEE_MAX = 2024, 2030



def libelle_sans_action(jour: str) -> str:
    """The question of the surcharge, with its duration in force on `jour` (the input key
    `aucune_action_depuis_3_ans` is only a name)."""
    return (f"Aucune action depuis plus de "
            f"{valeur('oeth.multiplicateurs', jour)['sans_action_annees']} ans")

def _param(ident: str, jour: str) -> tuple[object, ParametreLu]:
    p = tous()[ident]
    r = p.rang(jour)
    return (p.valeurs[r] if r >= 0 else None), parametre_lu(ident, r)


def _contribution(manquantes: float, multiplicateur: int, smic: float) -> float:
    return arrondi(max(0.0, manquantes) * multiplicateur * smic)


def calculer_oeth(entree: dict, aujourd_hui: dt.date | None = None) -> ResultatOETH:
    lec = Lecteur(entree, CLES_OETH)
    effectif = lec.nombre("effectif", "L’effectif moyen annuel", None, -1e12, 1_000_000)
    if effectif is None and not lec.erreurs:
        lec.erreur("effectif", "Indiquez l’effectif moyen annuel de l’entreprise.")
    elif effectif is not None and effectif < 0:
        lec.erreur("effectif", "L’effectif de l’entreprise ne peut pas être négatif.")
    beneficiaires = lec.nombre("beneficiaires", "Le nombre de bénéficiaires employés (en "
                               "équivalent temps plein)", 0.0, -1e12, 1_000_000)
    if beneficiaires < 0:
        lec.erreur("beneficiaires", "Le nombre de bénéficiaires employés ne peut pas être négatif.")
    annee = lec.nombre("annee", "L’année d’assujettissement", None, ANNEE_MIN, ANNEE_MAX,
                       entier=True)
    jour = lec.date("date", "La date")
    if annee is None:
        if jour is not None:
            annee = jour.year
            if not ANNEE_MIN <= annee <= ANNEE_MAX:
                lec.erreur("date", f"Le calcul couvre les années {ANNEE_MIN} à {ANNEE_MAX}.")
        else:
            annee = (aujourd_hui or dt.date.today()).year
    question = libelle_sans_action((aujourd_hui or dt.date.today()).isoformat())
    sans_action = lec.booleen("aucune_action_depuis_3_ans", f"« {question} »")
    lec.lever()
    annee = min(max(annee, ANNEE_MIN), ANNEE_MAX)

    fin = f"{annee}-12-31"
    taux, p_taux = _param("oeth.taux", fin)
    seuil, p_seuil = _param("oeth.seuil_effectif", fin)
    mult, p_mult = _param("oeth.multiplicateurs", fin)
    smic, p_smic = _param("smic.horaire", fin)
    parametres = [p_seuil, p_taux, p_mult, p_smic]
    prolonges = [tous()[i].derniere_date_confirmee
                 for i in ("oeth.taux", "oeth.multiplicateurs", "smic.horaire")
                 if fin > tous()[i].derniere_date_confirmee]
    avertissements = ([Avertissement("valeurs_prolongees", "info", phrase_prolongation(prolonges))]
                      if prolonges else [])
    avertissements.append(Avertissement(
        "oeth_estimation", "info", "Taux, seuil et multiplicateurs viennent du Code du travail "
                          "(art. L5212-1 et suivants, D5212-19 et suivants) : valeurs à confirmer "
                          "auprès de l’Agefiph. Les déductions possibles (achats auprès d’un ESAT, "
                          "d’une entreprise adaptée ou d’un travailleur indépendant handicapé, "
                          "certaines dépenses) ne sont pas calculées : elles réduisent la "
                          "contribution."))
    assujetti = effectif >= seuil
    obligation = math.floor(effectif * taux) if assujetti else 0
    multiplicateur = 0
    for depuis, m in mult["tranches"]:
        if effectif >= depuis:
            multiplicateur = m
    manquantes = max(0.0, obligation - beneficiaires)
    cas_1500 = assujetti and sans_action and beneficiaires == 0
    mult_avant = mult["sans_action"] if cas_1500 else multiplicateur
    avant = _contribution(manquantes, mult_avant, smic) if assujetti else 0.0
    manquantes_apres = max(0.0, obligation - beneficiaires - 1)
    apres = _contribution(manquantes_apres, multiplicateur, smic) if assujetti else 0.0
    if not assujetti:
        formule = (f"Entreprise de moins de {seuil} salariés : pas de contribution OETH "
                   f"(l’obligation d’emploi de {pourcent(taux)} ne s’applique qu’à partir de "
                   f"{seuil} salariés).")
    else:
        formule = (f"Obligation = {pourcent(taux)} de l’effectif, arrondi à l’entier inférieur : "
                   f"{accorder(obligation, 'bénéficiaire')} pour {accorder(effectif, 'salarié')}. "
                   "Unités manquantes = obligation − bénéficiaires employés = "
                   f"{manquantes:g}. Contribution = unités "
                   f"manquantes × {mult_avant} × SMIC horaire brut au 31 décembre {annee} "
                   f"({euros(smic)}).")
        if cas_1500:
            formule += (" Aucun bénéficiaire employé ni aucune action (sous-traitance, accord) "
                        f"depuis plus de {mult['sans_action_annees']} ans : le multiplicateur est "
                        f"porté à {nombre(mult['sans_action'], 0)}.")
    apres_formule = ("Avec un bénéficiaire de plus (par exemple une personne ayant une RQTH "
                     "embauchée à temps plein toute l’année), il manque "
                     f"{accorder(manquantes_apres, 'unité')} ; le multiplicateur de "
                     f"{nombre(mult['sans_action'], 0)} ne "
                     "s’applique plus dès qu’un bénéficiaire est employé.")
    return ResultatOETH(
        annee=annee, effectif=effectif, beneficiaires=beneficiaires, assujetti=assujetti,
        obligation=obligation, unites_manquantes=manquantes, multiplicateur=mult_avant,
        multiplicateur_apres_embauche=multiplicateur if assujetti else 0, smic_horaire=smic,
        contribution_actuelle=avant, contribution_apres_embauche=apres,
        economie=arrondi(avant - apres),
        explications={
            "contribution_actuelle": Explication(
                "contribution_actuelle", titre("contribution_actuelle"), formule, [],
                list(parametres)),
            "contribution_apres_embauche": Explication(
                "contribution_apres_embauche", titre("contribution_apres_embauche"),
                apres_formule, ["Un salarié compte au prorata de son temps de travail et de sa "
                                "durée de présence dans l’année."], list(parametres)),
        },
        avertissements=avertissements,
        parametres_au=min(tous()[i].derniere_date_confirmee
                          for i in ("oeth.taux", "oeth.multiplicateurs", "smic.horaire")),
        situation={"effectif": effectif, "beneficiaires": beneficiaires, "annee": annee,
                   "aucune_action_depuis_3_ans": sans_action},
    )


__all__ = ["ResultatOETH", "calculer_oeth", "ErreurSaisie"]
