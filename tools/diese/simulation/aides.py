"""Hiring aids: who is eligible, how much, and when it is paid (month index from the hire)."""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from dataclasses import dataclass, field

from .dates import ajouter_mois
from .parametres import lire, tous
from .saisie import Situation
from .textes import arrondi, date_fr, euros, liste, nombre, ordinal
from .tranches import libelle, tranche

AIDE_APP = "apprentissage.aide_embauche"
PRORATA_APP = "apprentissage.aide_embauche_prorata"
PART_750 = "apprentissage.participation_employeur"
PART_NIVEAU = "apprentissage.participation_employeur_niveau_min"
AIDE_PRO = "professionnalisation.aide_demandeur_45_ans"
AIDE_PRO_EXC = "professionnalisation.aide_exceptionnelle"
AFE = "professionnalisation.aide_forfaitaire_employeur"
EMPLOI_FRANC = "emploi_franc.montants"
OETH_SEUIL = "oeth.seuil_effectif"
# The input codes of the work-study commitment (saisie.ENGAGEMENTS_ALTERNANCE): the full share of
# work-study contracts, or the lower one with the decree's condition of growth.
PART_ENGAGEMENT = {"5_pourcent": "ratio_alternants_min",
                   "3_pourcent_et_condition": "ratio_alternants_min_progression"}
# Emploi franc: the contracts it covers and the scale each one follows (a contrat de
# professionnalisation is a fixed-term contract here).
EMPLOI_FRANC_BAREMES = {"cdi": "cdi", "cdd": "cdd", "professionnalisation": "cdd"}

# Stable codes of the warnings raised here (Bilan.codes runs parallel to Bilan.avertissements), for
# the typed {code, niveau, texte} warnings.
AV_APPRENTI_SANS_AIDE = "aide_apprenti_fenetre_sans_aide"
AV_RATIO_EN_FRACTION = "ratio_alternants_fraction"
AV_EMPLOI_FRANC_FERME = "emploi_franc_ferme"
AV_EMPLOI_FRANC_NON_CONFIRME = "emploi_franc_non_confirme"
AV_AFE_A_VERIFIER = "afe_a_verifier"


@dataclass(slots=True)
class Aide:
    id: str
    nom: str
    montant_annuel: float
    versements: dict[int, float]  # month index (0 = first month) -> amount
    conditions: str
    parametre: str
    rang: int

    def reference(self) -> dict:
        return tous()[self.parametre].source(self.rang)


def echelonner(montant: float, indices: list[int]) -> dict[int, float]:
    """Split an amount into equal instalments to the cent; the last one absorbs the rounding, so
    the total is exactly what the law pays."""
    if not indices:
        return {}
    part = arrondi(montant / len(indices))
    versements = dict.fromkeys(indices, part)
    versements[indices[-1]] = arrondi(montant - part * (len(indices) - 1))
    return versements


@dataclass(slots=True)
class Bilan:
    aides: list[Aide] = field(default_factory=list)
    avertissements: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    charges: dict[int, float] = field(default_factory=dict)  # extra employer costs by month
    utilises: list[tuple[str, int]] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)  # one code per warning, same order

    def avertir(self, code: str, texte: str) -> None:
        self.codes.append(code)
        self.avertissements.append(texte)


def _lire(ident: str, jour: str) -> tuple[object, int]:
    return lire(ident, jour)  # recorded by the active trace (the aids' sources)


def aides(s: Situation, quotite: float) -> Bilan:
    bilan = Bilan()
    jour = s.date_embauche.isoformat()
    if s.contrat == "apprentissage":
        _apprentissage(s, jour, bilan)
    elif s.contrat == "professionnalisation":
        _professionnalisation(s, jour, quotite, bilan)
    if s.contrat in EMPLOI_FRANC_BAREMES:
        _emploi_franc(s, jour, quotite, bilan)
    elif s.residence_qpv and s.demandeur_emploi and (
            franc := _lire(EMPLOI_FRANC, jour)[0]) is not None:
        bilan.notes.append("L’aide « emploi franc » ne vise que les embauches en CDI ou en CDD "
                           f"d’au moins {franc['cdd_duree_min_mois']} mois (contrat de "
                           "professionnalisation compris) : elle n’est pas retenue pour ce "
                           "contrat.")
    if s.rqth and s.contrat != "stage":
        bilan.notes.append("L’Agefiph peut verser des aides à l’embauche d’une personne "
                           "handicapée (par exemple en alternance) : elles ne sont pas calculées "
                           "ici, "
                           "leurs montants changent souvent et n’ont pas pu être vérifiés "
                           "(voir agefiph.fr).")
        seuil_oeth, _ = _lire(OETH_SEUIL, jour)
        if seuil_oeth is not None and s.effectif >= seuil_oeth:
            bilan.notes.append(f"Entreprise de {seuil_oeth} salariés ou plus : employer une "
                               "personne bénéficiaire de l’obligation d’emploi réduit la "
                               "contribution OETH (voir le calcul dédié).")
    return bilan


def aides_fermees(s: Situation) -> list[dict]:
    """Aids this profile would have had, closed on the hire date: what a comparison shows."""
    if not (s.demandeur_emploi and s.residence_qpv and s.contrat in EMPLOI_FRANC_BAREMES):
        return []
    jour = s.date_embauche.isoformat()
    val, r = _lire(EMPLOI_FRANC, jour)
    if val is not None or r < 0:
        return []
    return [{"id": "emploi_franc", "nom": "Aide emploi franc",
             "ferme_depuis": tous()[EMPLOI_FRANC].dates[r], "raison": _raison_emploi_franc(r)}]


# --- Apprenticeship --------------------------------------------------------------------------

def _apprentissage(s: Situation, jour: str, bilan: Bilan) -> None:
    val, r = _lire(AIDE_APP, jour)
    bilan.utilises.append((AIDE_APP, r))
    if val is not None:
        _aide_apprenti(s, jour, val, r, bilan)
    niveau_min, _ = _lire(PART_NIVEAU, jour)
    concerne = niveau_min is not None and s.niveau_diplome >= niveau_min
    part, r750 = _lire(PART_750, jour) if concerne else (None, -1)
    if part:
        bilan.utilises.append((PART_750, r750))
        bilan.charges[0] = bilan.charges.get(0, 0.0) + part
        bilan.notes.append(f"Diplôme de niveau {s.niveau_diplome} : l’employeur verse une "
                           f"participation forfaitaire de {euros(part)} au financement du contrat "
                           f"(contrats conclus à partir du {date_fr(tous()[PART_750].dates[r750])}"
                           "), comptée le premier mois.")


def _niveau_max_aide() -> int:
    """The highest diploma level any window's exceptional aid has covered (7, a master's)."""
    return max(int(n) for v in tous()[AIDE_APP].valeurs if v and v["aide_exceptionnelle"]
               for cle, grille in v["aide_exceptionnelle"].items() if isinstance(grille, dict)
               for n in grille)


def _aide_apprenti(s: Situation, jour: str, val: dict, r: int, bilan: Bilan) -> None:
    """The aide unique (Code du travail: companies under a headcount, diploma up to a level) or,
    when a decree opens it for the contract's date, the aide exceptionnelle (higher levels, and
    larger companies that commit to a share of work-study contracts). Thresholds and levels come
    from the window's values."""
    unique, exc = val["aide_unique"], val["aide_exceptionnelle"]
    seuil, niveau_max = unique["seuil_effectif"], unique["niveau_max"]
    niveau, grande = s.niveau_diplome, s.effectif >= seuil
    cle = str(niveau_max) if niveau <= niveau_max else str(niveau)  # the lower levels share one
    rqth = " ; apprenti reconnu travailleur handicapé (RQTH)" if s.rqth else ""
    taille = tranche(exc, s.effectif) if exc is not None else ""
    if not grande and niveau <= niveau_max:
        montant = unique["rqth"] if s.rqth else unique["montant"]
        nom = "Aide unique à l’embauche d’un apprenti"
        cond = (f"entreprise de moins de {seuil} salariés, diplôme au plus de niveau "
                f"{niveau_max}{rqth}")
    elif exc is None or cle not in exc[taille]:
        if exc is None and niveau <= _niveau_max_aide():
            qui = (f"d’une entreprise de {seuil} salariés ou plus" if grande
                   else f"préparant un diplôme de niveau {niveau}")
            bilan.avertir(AV_APPRENTI_SANS_AIDE,
                          f"Aucune aide à l’embauche d’apprenti pour un contrat {qui} conclu le "
                          f"{date_fr(jour)} : {val['motif']}.")
        else:
            bilan.notes.append(f"Diplôme préparé de niveau {niveau} : aucune aide à l’embauche "
                               f"d’apprenti (les aides s’arrêtent au niveau {_niveau_max_aide()}).")
        return
    else:
        engagement = _engagement(s, exc) if grande else ""
        if engagement is None:
            _sans_engagement(s, exc, seuil, bilan)
            return
        montant = exc["rqth"] if (s.rqth and exc["rqth"]) else exc[taille][cle]
        nom = "Aide exceptionnelle à l’embauche d’un apprenti"
        cond = (f"entreprise de {libelle(taille, 'salariés')}{engagement}, diplôme de niveau "
                f"{niveau}{rqth}")
    versements, prorata = _versements_apprenti(s, montant, bilan)
    detail = (f"{euros(montant)} pour la première année d’exécution du contrat, versés chaque mois "
              "(1/12 par mois), rien les années suivantes")
    if prorata:
        detail += f" ; contrat de moins d’un an : {prorata}"
    bilan.aides.append(Aide(
        "aide_apprentissage", nom, montant, versements,
        f"Contrat conclu le {date_fr(jour)}, {cond} ; {detail}.", AIDE_APP, r))


def _part(taux: float) -> str:
    return f"{nombre(taux * 100, 1).replace(',0', '')} %"


def parts_engagement(jour: str) -> dict[str, str]:
    """Each commitment's share of work-study contracts (« 5 % »), from the exceptional aid in force
    on `jour` (when none is, the nearest window's: the question is asked whatever the date)."""
    p = tous()[AIDE_APP]
    rang = max(p.rang(jour), 0)
    ordre = sorted(range(len(p.valeurs)), key=lambda i: (abs(i - rang), i > rang))
    exc = next(p.valeurs[i]["aide_exceptionnelle"] for i in ordre
               if p.valeurs[i] and p.valeurs[i]["aide_exceptionnelle"])
    return {code: _part(exc[cle]) for code, cle in PART_ENGAGEMENT.items()}


def libelles_engagement(jour: str) -> dict[str, str]:
    """The commitments as the aid's conditions word them."""
    haut, bas = parts_engagement(jour).values()
    return {"5_pourcent": f"engagée à atteindre {haut} d’alternants dans son effectif",
            "3_pourcent_et_condition": f"engagée à atteindre {bas} d’alternants avec la condition "
                                       "de progression du décret"}


def _engagement(s: Situation, exc: dict) -> str | None:
    """How a company at or above the aid's headcount meets the work-study condition, or None."""
    if s.engagement_alternance:
        return ", " + libelles_engagement(s.date_embauche.isoformat())[s.engagement_alternance]
    if s.ratio_alternants / 100 >= exc["ratio_alternants_min"]:
        return f", avec {nombre(s.ratio_alternants, 1).replace(',0', '')} % d’alternants"
    return None


def _sans_engagement(s: Situation, exc: dict, seuil_effectif: int, bilan: Bilan) -> None:
    seuil = nombre(exc["ratio_alternants_min"] * 100, 0)
    seuil_bas = nombre(exc["ratio_alternants_min_progression"] * 100, 0)
    if 0 < s.ratio_alternants < 1:
        saisi = f"{s.ratio_alternants:g}".replace(".", ",")
        voulu = f"{s.ratio_alternants * 100:g}".replace(".", ",")
        bilan.avertir(AV_RATIO_EN_FRACTION,
                      f"Vous avez saisi {saisi} % d’alternants : vouliez-vous dire {voulu} % ? La "
                      f"part se saisit en pourcentage ({seuil} pour {seuil} %). Avec {saisi} %, "
                      f"l’aide à l’embauche d’apprenti des entreprises de {seuil_effectif} "
                      "salariés ou plus n’est pas comptée.")
        return
    bilan.notes.append(f"Entreprise de {seuil_effectif} salariés ou plus : l’aide n’est due que si "
                       f"l’employeur s’engage à atteindre {seuil} % d’alternants dans son "
                       f"effectif (ou {seuil_bas} % avec la condition de progression prévue par le "
                       "décret) : "
                       "indiquez cet engagement, ou la part d’alternants, pour la compter.")


def _versements_apprenti(s: Situation, montant: float, bilan: Bilan) -> tuple[dict, str]:
    """Monthly twelfths over the first year of execution. A contract of less than a year gets
    its months only; since the decree of 31 October 2025 its first and last calendar months are
    paid pro rata of the days covered (before, every month begun was due in full)."""
    duree = s.duree_mois
    if duree >= 12:
        return echelonner(montant, list(range(12))), ""
    debut = s.date_embauche
    fin = ajouter_mois(debut, duree)  # first day after the contract
    if debut.day == 1:
        return echelonner(arrondi(montant * duree / 12), list(range(duree))), ""
    dernier_jour = (fin - dt.timedelta(days=1)).isoformat()
    val_debut, r_debut = _lire(PRORATA_APP, debut.isoformat())
    val_fin, r_fin = _lire(PRORATA_APP, dernier_jour)
    regle_debut, regle_fin = val_debut["prorata_des_jours"], val_fin["prorata_des_jours"]
    bilan.utilises += [(PRORATA_APP, r_debut), (PRORATA_APP, r_fin)]
    mensuel = montant / 12
    jours0 = monthrange(debut.year, debut.month)[1]
    part0 = (jours0 - debut.day + 1) / jours0 if regle_debut else 1.0
    part_fin = (fin.day - 1) / monthrange(fin.year, fin.month)[1] if regle_fin else 1.0
    parts = [part0] + [1.0] * (duree - 1)
    parts[-1] += part_fin
    versements = {i: arrondi(mensuel * p) for i, p in enumerate(parts)}
    regles = tous()[PRORATA_APP]
    depuis = date_fr(next(d for d, v in zip(regles.dates, regles.valeurs, strict=True)
                          if v["prorata_des_jours"]))
    if regle_debut and regle_fin:
        texte = "premier et dernier mois au prorata des jours couverts"
    elif regle_fin:
        texte = (f"dernier mois au prorata des jours couverts (contrat en cours au {depuis} : "
                 "premier mois dû en entier)")
    else:
        texte = f"chaque mois commencé compte en entier (règle antérieure au {depuis})"
    return versements, texte


# --- Contrat de professionnalisation ---------------------------------------------------------

def _professionnalisation(s: Situation, jour: str, quotite: float, bilan: Bilan) -> None:
    exc, r_exc = _lire(AIDE_PRO_EXC, jour)
    if exc is not None and s.age is not None and s.age <= exc["age_max"]:
        bilan.utilises.append((AIDE_PRO_EXC, r_exc))
        versements = {i: v for i, v in echelonner(exc["montant"], list(range(12))).items()
                      if i < s.duree_mois}
        bilan.aides.append(Aide(
            "aide_professionnalisation_exceptionnelle", "Aide exceptionnelle à l’embauche en "
            "contrat de professionnalisation", exc["montant"], versements,
            f"Contrat conclu le {date_fr(jour)} avec un salarié de moins de "
            f"{exc['age_max'] + 1} ans : {euros(exc['montant'])} pour la première année "
            "d’exécution, versés chaque mois (1/12 par mois, dans la limite de la durée du "
            "contrat).", AIDE_PRO_EXC, r_exc))
    val, r = _lire(AIDE_PRO, jour)
    bilan.utilises.append((AIDE_PRO, r))
    _afe(s, jour, bilan)
    if val is None:
        return
    if not (s.demandeur_emploi and s.age is not None and s.age >= val["age_min"]):
        if s.age is not None and s.age >= val["age_min"]:
            bilan.notes.append(f"L’aide de l’État de {euros(val['montant'])} vise l’embauche d’un "
                               f"demandeur d’emploi de {val['age_min']} ans ou plus : cochez "
                               "« demandeur d’emploi » si c’est le cas.")
        return
    montant = arrondi(val["montant"] * min(1.0, quotite))
    mois = val["versements_apres_mois"]  # paid at the end of these months of execution
    versements = {i: v for i, v in echelonner(montant, [m - 1 for m in mois]).items()
                  if i < s.duree_mois}
    bilan.aides.append(Aide(
        "aide_professionnalisation_45_ans", f"Aide à l’embauche d’un demandeur d’emploi de "
        f"{val['age_min']} ans et plus en contrat de professionnalisation", montant, versements,
        f"Demandeur d’emploi de {s.age} ans ; {euros(val['montant'])} pour un temps plein, au "
        f"prorata du temps de travail, versés en {len(mois)} échéances (à l’issue des "
        f"{liste([ordinal(m) for m in mois])} mois, dans la limite de la durée du contrat).",
        AIDE_PRO, r))


def _afe(s: Situation, jour: str, bilan: Bilan) -> None:
    """France Travail's AFE: no page confirms it is still open, so it is never credited."""
    val, _ = _lire(AFE, jour)
    if val is None or not s.demandeur_emploi or s.age is None or s.age < val["age_min"]:
        return
    bilan.avertir(AV_AFE_A_VERIFIER,
                  f"À vérifier auprès de France Travail : l’aide forfaitaire à l’employeur (AFE, "
                  f"jusqu’à {euros(val['montant'])}) pour l’embauche d’un demandeur d’emploi de "
                  f"{val['age_min']} ans ou plus en contrat de professionnalisation n’est pas "
                  "comptée ici, faute de source confirmant qu’elle est encore ouverte.")


# --- Emploi franc ----------------------------------------------------------------------------

def _contrat_emploi_franc(contrat: str, val: dict) -> str:
    if contrat == "cdi":
        return "CDI"
    nom = "CDD" if contrat == "cdd" else "contrat de professionnalisation"
    return f"{nom} de {val['cdd_duree_min_mois']} mois ou plus"


def _raison_emploi_franc(r: int) -> str:
    p = tous()[EMPLOI_FRANC]
    ferme = dt.date.fromisoformat(p.dates[r])
    veille = (ferme - dt.timedelta(days=1)).isoformat()
    return (f"le dispositif, non reconduit par la loi de finances pour {ferme.year}, est fermé aux "
            f"embauches depuis le {date_fr(p.dates[r])} ; seules les embauches faites jusqu’au "
            f"{date_fr(veille)} gardent leur aide")


def _emploi_franc(s: Situation, jour: str, quotite: float, bilan: Bilan) -> None:
    if not (s.demandeur_emploi and s.residence_qpv):
        return
    val, r = _lire(EMPLOI_FRANC, jour)
    bilan.utilises.append((EMPLOI_FRANC, r))
    if val is None:
        if r >= 0:
            bilan.avertir(AV_EMPLOI_FRANC_FERME,
                          f"Emploi franc : aucune aide pour une embauche le {date_fr(jour)} — "
                          f"{_raison_emploi_franc(r)}.")
        return
    bareme = EMPLOI_FRANC_BAREMES[s.contrat]
    if bareme == "cdd" and s.duree_mois < val["cdd_duree_min_mois"]:
        bilan.notes.append(f"Emploi franc : un CDD doit durer au moins {val['cdd_duree_min_mois']} "
                           "mois pour ouvrir droit à l’aide.")
        return
    annuel = val[bareme] * min(1.0, quotite)
    annees = val[f"{bareme}_annees"]
    periode = val["versement_periode_mois"]  # paid at the end of each period (a semester)
    echeances = [periode * k - 1 for k in range(1, annees * 12 // periode + 1)]
    versements = {i: v for i, v in echelonner(annuel * annees, echeances).items()
                  if i < s.duree_mois}
    p = tous()[EMPLOI_FRANC]
    if jour > p.derniere_date_confirmee:
        bilan.avertir(
            AV_EMPLOI_FRANC_NON_CONFIRME,
            f"Emploi franc : le renouvellement du dispositif pour une embauche le {date_fr(jour)} "
            f"n’est pas confirmé (dernière confirmation : {date_fr(p.derniere_date_confirmee)}). "
            "Vérifiez auprès de France Travail avant de compter sur cette aide.")
    if versements:
        bilan.aides.append(Aide(
            "emploi_franc", "Aide emploi franc", arrondi(annuel), versements,
            f"Demandeur d’emploi résidant en quartier prioritaire (QPV), embauché en "
            f"{_contrat_emploi_franc(s.contrat, val)} : {euros(val[bareme])} "
            f"par an pour un temps plein pendant {annees} ans au plus, au prorata du temps de "
            f"travail, versés à terme échu tous les {periode} mois.", EMPLOI_FRANC, r))
