"""Hiring aids: who is eligible, how much, and when it is paid (month index from the hire)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .parametres import lire, tous
from .saisie import Situation
from .textes import arrondi, date_fr, euros

AIDE_APP = "apprentissage.aide_embauche"
PART_750 = "apprentissage.participation_employeur_niveau_6_7"
AIDE_PRO = "professionnalisation.aide_demandeur_45_ans"
EMPLOI_FRANC = "emploi_franc.montants"


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


def _lire(ident: str, jour: str) -> tuple[object, int]:
    return lire(ident, jour)  # recorded by the active trace (the aids' sources)


def aides(s: Situation, quotite: float) -> Bilan:
    bilan = Bilan()
    jour = s.date_embauche.isoformat()
    if s.contrat == "apprentissage":
        _apprentissage(s, jour, bilan)
    elif s.contrat == "professionnalisation":
        _professionnalisation(s, jour, quotite, bilan)
    if s.contrat in {"cdi", "cdd"}:
        _emploi_franc(s, jour, quotite, bilan)
    elif s.residence_qpv and s.demandeur_emploi:
        bilan.notes.append("L’aide « emploi franc » ne vise que les embauches en CDI ou en CDD "
                           "d’au moins six mois : elle n’est pas retenue pour ce contrat.")
    if s.rqth and s.contrat != "stage":
        bilan.notes.append("L’Agefiph peut verser des aides à l’embauche d’une personne "
                           "handicapée (par exemple en alternance) : elles ne sont pas calculées "
                           "ici, "
                           "leurs montants changent souvent et n’ont pas pu être vérifiés "
                           "(voir agefiph.fr).")
        if s.effectif >= 20:
            bilan.notes.append("Entreprise de 20 salariés ou plus : employer une personne "
                               "bénéficiaire de l’obligation d’emploi réduit la contribution OETH "
                               "(voir le calcul dédié).")
    return bilan


def _apprentissage(s: Situation, jour: str, bilan: Bilan) -> None:
    val, r = _lire(AIDE_APP, jour)
    bilan.utilises.append((AIDE_APP, r))
    if val is None:
        bilan.avertissements.append(
            f"Aucune aide à l’embauche d’apprenti n’est confirmée pour un contrat conclu le "
            f"{date_fr(jour)} : l’aide exceptionnelle a pris fin le 31 décembre 2024 et le régime "
            "suivant ne vise que les contrats conclus à partir du 24 février 2025.")
    elif s.niveau_diplome > val["niveau_max"]:
        bilan.notes.append(f"Diplôme préparé de niveau {s.niveau_diplome} : l’aide à l’embauche "
                           f"d’apprenti s’arrête au niveau {val['niveau_max']} (master).")
    else:
        cle = "4" if s.niveau_diplome <= 4 else str(s.niveau_diplome)
        grande = s.effectif >= 250
        if s.rqth:
            montant, cond = val["rqth"], "apprenti reconnu travailleur handicapé (RQTH)"
        elif not grande:
            montant, cond = val["moins_250"][cle], "entreprise de moins de 250 salariés"
        elif s.ratio_alternants / 100 >= val["ratio_alternants_min"]:
            montant = val["250_plus"][cle]
            cond = "entreprise de 250 salariés ou plus atteignant 5 % d’alternants"
        else:
            montant = 0
            bilan.notes.append("Entreprise de 250 salariés ou plus : l’aide n’est due que si "
                               "l’entreprise atteint 5 % d’alternants dans son effectif (à "
                               "indiquer "
                               "dans « part d’alternants »).")
        if montant:
            # 1/12 a month over the first year of execution; a shorter contract gets fewer months.
            versements = {i: v for i, v in echelonner(montant, list(range(12))).items()
                          if i < s.duree_mois}
            bilan.aides.append(Aide(
                "aide_apprentissage", "Aide à l’embauche d’un apprenti", montant, versements,
                f"Contrat conclu le {date_fr(jour)}, diplôme de niveau {s.niveau_diplome}, {cond} "
                "; "
                f"{euros(montant)} pour la première année d’exécution du contrat, versés chaque "
                "mois (1/12 par mois), rien les années suivantes.", AIDE_APP, r))
    part, r750 = _lire(PART_750, jour) if s.niveau_diplome in (6, 7) else (None, -1)
    if part:
        bilan.utilises.append((PART_750, r750))
        bilan.charges[0] = bilan.charges.get(0, 0.0) + part
        bilan.notes.append(f"Diplôme de niveau {s.niveau_diplome} : l’employeur verse une "
                           f"participation forfaitaire de {euros(part)} au financement du contrat "
                           "(contrats conclus à partir du 1er juillet 2025), comptée le premier "
                           "mois.")


def _professionnalisation(s: Situation, jour: str, quotite: float, bilan: Bilan) -> None:
    val, r = _lire(AIDE_PRO, jour)
    bilan.utilises.append((AIDE_PRO, r))
    if val is None:
        return
    if not (s.demandeur_emploi and s.age is not None and s.age >= val["age_min"]):
        if s.age is not None and s.age >= val["age_min"]:
            bilan.notes.append("L’aide de France Travail de 2 000 € vise l’embauche d’un demandeur "
                               "d’emploi de 45 ans ou plus : cochez « demandeur d’emploi » si "
                               "c’est "
                               "le cas.")
        return
    montant = arrondi(val["montant"] * min(1.0, quotite))
    versements = {i: v for i, v in echelonner(montant, [2, 9]).items() if i < s.duree_mois}
    bilan.aides.append(Aide(
        "aide_professionnalisation_45_ans", "Aide à l’embauche d’un demandeur d’emploi de 45 ans "
        "et plus en contrat de professionnalisation", montant, versements,
        f"Demandeur d’emploi de {s.age} ans ; {euros(val['montant'])} pour un temps plein, au "
        "prorata du temps de travail, versés en deux fois (3e et 10e mois, dans la limite de la "
        "durée du contrat).", AIDE_PRO, r))


def _emploi_franc(s: Situation, jour: str, quotite: float, bilan: Bilan) -> None:
    if not (s.demandeur_emploi and s.residence_qpv):
        return
    val, r = _lire(EMPLOI_FRANC, jour)
    bilan.utilises.append((EMPLOI_FRANC, r))
    if val is None:
        return
    if s.contrat == "cdd" and s.duree_mois < val["cdd_duree_min_mois"]:
        bilan.notes.append(f"Emploi franc : un CDD doit durer au moins {val['cdd_duree_min_mois']} "
                           "mois pour ouvrir droit à l’aide.")
        return
    annuel = val[s.contrat] * min(1.0, quotite)
    annees = val[f"{s.contrat}_annees"]
    semestres = [6 * k - 1 for k in range(1, 2 * annees + 1)]
    versements = {i: v for i, v in echelonner(annuel * annees, semestres).items()
                  if i < s.duree_mois}
    p = tous()[EMPLOI_FRANC]
    if jour > p.derniere_date_confirmee:
        bilan.avertissements.append(
            f"Emploi franc : le renouvellement du dispositif pour une embauche le {date_fr(jour)} "
            f"n’est pas confirmé (dernière confirmation : {date_fr(p.derniere_date_confirmee)}). "
            "Vérifiez auprès de France Travail avant de compter sur cette aide.")
    if versements:
        bilan.aides.append(Aide(
            "emploi_franc", "Aide emploi franc", arrondi(annuel), versements,
            f"Demandeur d’emploi résidant en quartier prioritaire (QPV), embauché en "
            f"{'CDI' if s.contrat == 'cdi' else 'CDD de six mois ou plus'} : "
            f"{euros(val[s.contrat])} "
            f"par an pour un temps plein pendant {annees} ans au plus, au prorata du temps de "
            "travail, versés par semestre échu.", EMPLOI_FRANC, r))
