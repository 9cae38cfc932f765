"""`comparer(profil, employeur)`: every contract option for one candidate, over one horizon."""

from __future__ import annotations

import datetime as dt

from .aides import aides_fermees
from .erreurs import ErreurSaisie
from .moteur import simuler_situation
from .resultat import Avertissement, Option
from .saisie import CONTRATS, Lecteur, bornes_duree, lire_situation

CLES_PROFIL = ("age", "date_naissance", "rqth", "demandeur_emploi", "demandeur_emploi_depuis_mois",
               "residence_qpv", "beneficiaire_rsa", "niveau_diplome")
CLES_EMPLOYEUR = ("effectif", "ratio_alternants", "engagement_alternance", "taux_at_mp",
                  "mutuelle_part_employeur",
                  "taux_versement_mobilite", "date_embauche", "horizon_mois", "heures_hebdo")
HORIZON_DEFAUT, HORIZON_MAX = 12, 48


def _verifier(profil, employeur, aujourd_hui) -> tuple[dict, dict, int]:
    """Report every bad field at once: unknown keys, then the shared fields checked as a CDI (so
    bad input is an error, not a list of ineligible options)."""
    lp = Lecteur(profil, CLES_PROFIL)
    le = Lecteur(employeur, CLES_EMPLOYEUR)
    horizon = le.nombre("horizon_mois", "L’horizon de comparaison (en mois)", HORIZON_DEFAUT, 1,
                        HORIZON_MAX, entier=True)
    erreurs = lp.erreurs + le.erreurs
    connus = {k: v for k, v in {**lp.entree, **le.entree}.items()
              if k in CLES_PROFIL or (k in CLES_EMPLOYEUR and k != "horizon_mois")}
    try:
        lire_situation({**connus, "contrat": "cdi", "duree_mois": horizon}, aujourd_hui)
    except ErreurSaisie as exc:
        erreurs += exc.erreurs
    if erreurs:
        raise ErreurSaisie(erreurs)
    return ({k: v for k, v in lp.entree.items()},
            {k: v for k, v in le.entree.items() if k != "horizon_mois"}, horizon)


def comparer(profil: dict, employeur: dict, aujourd_hui: dt.date | None = None) -> list[Option]:
    profil, employeur, horizon = _verifier(profil, employeur, aujourd_hui)
    options = []
    for contrat in CONTRATS:
        option = Option(contrat, CONTRATS[contrat], horizon)
        dmin, _, dmax = bornes_duree(contrat, profil.get("rqth") is True,
                                     aujourd_hui or dt.date.today())
        duree = min(max(horizon, dmin), dmax) if contrat != "stage" else min(horizon, 1)
        option.duree_mois = duree
        entree = {**profil, **employeur, "contrat": contrat, "duree_mois": duree}
        try:
            s = lire_situation(entree, aujourd_hui)
            r = simuler_situation(s)
        except ErreurSaisie as exc:
            option.raison = " ".join(e["message"] for e in exc.erreurs)
            options.append(option)
            continue
        option.eligible = True
        option.totaux = r.totaux
        option.aides = r.aides
        option.salaire_brut_mensuel = r.mois[0]["salaire_brut"] if r.mois else 0.0
        n = len(r.mois) or 1
        option.cout_mensuel_moyen = round(r.totaux["cout_net_aides"] / n, 2)
        option.avertissements = r.avertissements
        option.situation = r.situation
        option.parametres_au = r.parametres_au
        option.aides_fermees = aides_fermees(s)
        option.valeurs_non_verifiees = r.valeurs_non_verifiees
        if contrat == "stage":
            brut = r.explications["salaire_brut"]
            option.explication = brut.formule
            option.references = list(brut.references)
        if duree != horizon:
            portee = "ce seul mois" if duree == 1 else f"ces {duree} mois"
            option.avertissements = [*option.avertissements, Avertissement(
                "duree_retenue", "info",
                f"Durée retenue pour ce contrat : {duree} mois (l’horizon demandé, {horizon} mois, "
                f"sort des durées permises) ; les totaux portent sur {portee}.")]
        options.append(option)
    return options
