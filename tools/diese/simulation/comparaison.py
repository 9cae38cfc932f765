"""`comparer(profil, employeur)`: every contract option for one candidate, over one horizon."""

from __future__ import annotations

import datetime as dt

from .aides import aides_fermees
from .erreurs import ErreurSaisie
from .moteur import simuler_situation
from .resultat import Avertissement, Option
from .saisie import CONTRATS, Lecteur, bornes_duree, lire_situation
from .textes import euros

CLES_PROFIL = ("age", "date_naissance", "rqth", "demandeur_emploi", "demandeur_emploi_depuis_mois",
               "residence_qpv", "beneficiaire_rsa", "niveau_diplome")
CLES_EMPLOYEUR = ("effectif", "ratio_alternants", "engagement_alternance", "taux_at_mp",
                  "mutuelle_part_employeur", "taux_versement_mobilite", "date_embauche",
                  "horizon_mois", "heures_hebdo", "salaire_brut_mensuel")
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
        if contrat == "stage":
            entree.pop("salaire_brut_mensuel", None)  # the host company pays nothing
        try:
            s = lire_situation(entree, aujourd_hui)
            r, releve = _simuler_au_salaire(s)
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
        if releve:
            option.avertissements = [Avertissement("salaire_sous_minimum", "info", releve),
                                     *option.avertissements]
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
    _expliquer_ecarts(options)
    return options


def _simuler_au_salaire(s):
    """The salary asked for when this contract allows it; else the contract's own minimum,
    with the sentence that says so."""
    try:
        return simuler_situation(s), None
    except ErreurSaisie as exc:
        demande = s.salaire_brut_mensuel
        if demande is None or any(e["champ"] != "salaire_brut_mensuel" for e in exc.erreurs):
            raise
        s.salaire_brut_mensuel = None
        r = simuler_situation(s)
        mini = r.mois[0]["salaire_brut"] if r.mois else 0.0
        return r, (f"Le salaire indiqué ({euros(demande)} brut par mois) est inférieur au minimum "
                   f"légal de ce contrat : le minimum, {euros(mini)} brut le premier mois, est "
                   "retenu.")


def _expliquer_ecarts(options: list[Option]) -> None:
    """`pourquoi` of each paid option, from its own figures: the end-of-contract indemnity, the
    aids, and a gross pay other than the CDI's (the reduced pay grids of work-study contracts)."""
    reference = next((o for o in options if o.contrat == "cdi" and o.eligible), None)
    brut_ref = reference.salaire_brut_mensuel if reference else None
    charges_ref = _taux_charges(reference.totaux) if reference else None
    for o in options:
        if not o.eligible or o.contrat == "stage" or not o.totaux:
            continue
        raisons = []
        if brut_ref is not None and o is not reference and o.salaire_brut_mensuel is not None:
            ecart = o.salaire_brut_mensuel - brut_ref
            if ecart < -0.5:
                raisons.append(f"salaire plus bas que le CDI ({euros(o.salaire_brut_mensuel)} "
                               f"brut le premier mois contre {euros(brut_ref)}) : grille de "
                               "salaire minimum réduite de ce contrat")
            elif ecart > 0.5:
                raisons.append(f"salaire plus élevé que le CDI ({euros(o.salaire_brut_mensuel)} "
                               f"brut le premier mois contre {euros(brut_ref)})")
        charges = _taux_charges(o.totaux)
        if charges_ref is not None and charges is not None and o is not reference:
            if charges < charges_ref - 0.01:
                raisons.append(f"cotisations plus basses ({_pour_cent(charges)} du salaire brut "
                               f"contre {_pour_cent(charges_ref)} en CDI, réduction comprise)")
            elif charges > charges_ref + 0.01:
                raisons.append(f"cotisations plus élevées ({_pour_cent(charges)} du salaire "
                               f"brut contre {_pour_cent(charges_ref)} en CDI)")
        ifc = float(o.totaux.get("indemnite_fin_contrat") or 0)
        if ifc:
            raisons.append(f"indemnité de fin de contrat : {euros(ifc)} de plus (avec ses "
                           "cotisations), versée le dernier mois")
        aides = float(o.totaux.get("aides") or 0)
        if aides:
            raisons.append(f"aides à l’embauche : {euros(aides)} de moins")
        if raisons:
            texte = " ; ".join(raisons)
            o.pourquoi = texte[0].upper() + texte[1:] + "."
        elif o is reference:
            o.pourquoi = ("Référence : salaire plein, cotisations ordinaires, sans indemnité de "
                          "fin de contrat ni aide.")
        else:
            o.pourquoi = "Même salaire et mêmes cotisations que le CDI, sans aide."


def _taux_charges(totaux: dict | None) -> float | None:
    """What the employer pays on top of the gross pay, as a share of it (over the horizon)."""
    if not totaux or not totaux.get("salaire_brut"):
        return None
    return (totaux["cout_employeur"] - totaux["salaire_brut"]) / totaux["salaire_brut"]


def _pour_cent(part: float) -> str:
    return f"{part * 100:.0f}\u00a0%"
