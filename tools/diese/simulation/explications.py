"""Explanations for company heads: for every figure, the formula in words, filled from the
values in force on the simulated date, and the parameter values its computation read (traced).

No legal number is written in this module's prose: a template names the parameter, e.g.
`{pourcent:cdd.indemnite_fin_contrat}`, and `remplir` writes the value in force on the day."""

from __future__ import annotations

import datetime as dt
import re

from .paie import LIBELLES
from .parametres import Trace, tous
from .resultat import Explication, Ligne, parametres_lus, titre
from .saisie import Situation
from .textes import date_fr, euros, nombre, nombre_court, ordinal, pourcent
from .tranches import enumerer, seuils

PRIORITAIRES = {"SMIC horaire", "plafond mensuel de la sécurité sociale",
                "aide à l’embauche d’un apprenti", "emploi franc", "SMIC de référence de la RGDU"}

# ---------------------------------------------------------------- templates
_CHAMP = re.compile(r"\{(\w+):([\w.]+)(?:/(\w+))?\}")
FORMATS = {
    "euros": euros,
    "pourcent": pourcent,
    "nombre": nombre_court,
    "heures": lambda v: nombre(v) + "\u00a0heures",
    "smic": lambda v: nombre_court(v, 2) + " SMIC",
    "part_smic": lambda v: nombre_court(v * 100, 2) + "\u00a0% du SMIC",
    "complement": lambda v: pourcent(1 - v),  # e.g. the CSG base: 1 − abatement
    "duree": lambda v: nombre_court(v, 2) + "\u00a0heures",
    "ans": lambda v: nombre_court(v, 0) + "\u00a0ans",
    "salaries": lambda v: nombre_court(v, 0) + "\u00a0salariés",
    "plafonds": lambda v: nombre_court(v, 2) + "\u00a0plafonds",
    # Age bands of a pay grid, from its keys: « moins de 21 ans, 21 à 25 ans, 26 ans et plus ».
    "tranches_ans": lambda v: enumerer(v, "ans"),
    # The years of execution a pay grid distinguishes: « 1re, 2e, 3e année ».
    "annees": lambda v: ", ".join(ordinal(i + 1) for i in range(len(next(iter(v.values())))))
    + " année",
    # The ages where a pay grid changes band: « 18, 21, 26 ans ».
    "anniversaires": lambda v: ", ".join(str(s) for s in seuils(v)) + "\u00a0ans",
}
# Formats that read the dates of a parameter rather than its value: the first day of the run of
# values in force (not null) that holds `jour`, the day of effect of the value in force, and
# « jusqu’au » the last day before the parameter is abolished (its next null value; nothing when no
# end is known).
DATES = {"debut", "depuis", "fin"}


def _date(p, fmt: str, jour: str) -> str:
    r = p.rang(jour)
    if fmt == "depuis":
        return date_fr(p.dates[r])
    if fmt == "debut":
        while r > 0 and p.valeurs[r - 1] is not None:
            r -= 1
        return date_fr(p.dates[r])
    fin = next((d for d, v in zip(p.dates[r + 1:], p.valeurs[r + 1:], strict=True) if v is None),
               None)
    if fin is None:
        return ""
    return " jusqu’au " + date_fr((dt.date.fromisoformat(fin) - dt.timedelta(days=1)).isoformat())


def remplir(gabarit: str, jour: str) -> str:
    """Fill `{format:ident}` or `{format:ident/key}` with the value in force on `jour` (or, for
    the formats of DATES, with one of its dates)."""
    params = tous()

    def valeur(m: re.Match) -> str:
        fmt, ident, cle = m.groups()
        if fmt in DATES:
            return _date(params[ident], fmt, jour)
        v = params[ident].valeur(jour)
        if cle is not None:
            v = v[cle]
        return FORMATS[fmt](v)

    return _CHAMP.sub(valeur, gabarit)


def en_vigueur(ident: str, jour: str) -> bool:
    return tous()[ident].valeur(jour) is not None


BRUT_APPRENTI = (
    "Rémunération minimale de l’apprenti : un pourcentage du SMIC qui dépend de son âge et de "
    "l’année d’exécution du contrat ({annees:apprentissage.remuneration_minimale}), appliqué au "
    "SMIC mensuel (SMIC horaire "
    "× {heures:smic.heures_mensuelles} pour {duree:heures_supplementaires.majorations/"
    "duree_legale_hebdo} par semaine). Le taux augmente le mois qui suit un anniversaire "
    "({anniversaires:apprentissage.remuneration_minimale}) et à chaque nouvelle année du "
    "contrat.")
BRUT_PRO = (
    "Rémunération minimale en contrat de professionnalisation : un pourcentage du SMIC selon "
    "l’âge ({tranches_ans:professionnalisation.remuneration_minimale}) et le niveau de formation "
    "(inférieur ou au moins égal au bac, niveau "
    "{nombre:professionnalisation.niveau_remuneration_majoree}).")
SALAIRE_CONVENTIONNEL = (
    "À partir de {ans:apprentissage.age_salaire_conventionnel}, la base est le plus élevé du SMIC "
    "et du salaire minimum conventionnel : vérifiez votre convention collective.")
BRUT_SALARIE = (
    "Au moins le SMIC : SMIC horaire ({euros:smic.horaire} au début du contrat) × "
    "{heures:smic.heures_mensuelles} par mois pour "
    "{duree:heures_supplementaires.majorations/duree_legale_hebdo} par semaine, au prorata des "
    "heures "
    "(heures supplémentaires majorées de {pourcent:heures_supplementaires.majorations/premier_taux}"
    " pour les {nombre:heures_supplementaires.majorations/heures_au_premier_taux} premières, de "
    "{pourcent:heures_supplementaires.majorations/taux_suivant} au-delà).")
INDEMNITE = (
    "Le dernier mois inclut l’indemnité de fin de CDD : {pourcent:cdd.indemnite_fin_contrat} du "
    "total des salaires bruts, soit {montant}. L’indemnité compensatrice de congés payés n’est "
    "pas comptée (congés supposés pris).")
FILLON = (
    "Réduction générale des cotisations patronales (formule en vigueur"
    "{fin:reduction_generale.fillon_tmax_moins_50}) : coefficient = Tmax ÷ "
    "({nombre:reduction_generale.plafond_smic} − 1) × "
    "({nombre:reduction_generale.plafond_smic} × SMIC du mois ÷ salaire brut − 1), plafonné à "
    "Tmax et arrondi à {nombre:reduction_generale.arrondi_coefficient} décimales ; réduction = "
    "coefficient × salaire brut. Elle s’annule à "
    "{smic:reduction_generale.plafond_smic}.")
TAUX_REDUITS = (
    " S’ajoutent des taux réduits de cotisation maladie "
    "({pourcent:cotisations.employeur.maladie_taux_reduit}) et d’allocations familiales "
    "({pourcent:cotisations.employeur.famille_taux_reduit}) sous un plafond de salaire.")
RGDU = (
    "Réduction générale dégressive unique (RGDU, depuis le {debut:reduction_generale.rgdu_tmin}) : "
    "coefficient = "
    "Tmin + Tdelta × [½ × ({nombre:reduction_generale.plafond_smic} × SMIC ÷ salaire brut − "
    "1)]^{nombre:reduction_generale.rgdu_puissance}, plafonné à Tmin + Tdelta et arrondi à "
    "{nombre:reduction_generale.arrondi_coefficient} décimales ; réduction = coefficient × "
    "salaire brut. Elle s’annule à "
    "{smic:reduction_generale.plafond_smic}.")
RGDU_SMIC_GELE = (
    " Le SMIC retenu est celui du {depuis:reduction_generale.smic_reference_rgdu} "
    "({euros:reduction_generale.smic_reference_rgdu} de "
    "l’heure), même après une revalorisation en cours d’année.")
NET = (
    "Salaire net = salaire brut − cotisations salariales (vieillesse, retraite complémentaire) − "
    "CSG et CRDS ({taux_csg} sur {complement:cotisations.salarie.abattement_csg} du brut, plus "
    "la part employeur de la mutuelle). Avant prélèvement à la source et hors part salariale de "
    "la mutuelle.")
NET_APPRENTI = (
    " Apprenti (contrat conclu le {date}) : cotisations salariales calculées seulement sur la "
    "part du salaire au-delà de "
    "{part_smic:apprentissage.exoneration_salariale/seuil_cotisations} ; ")
CSG_APPRENTI_EXONEREE = "CSG-CRDS : exonération totale."
CSG_APPRENTI = ("CSG-CRDS dues au-delà de "
                "{part_smic:apprentissage.exoneration_salariale/seuil_csg_crds}.")
MUTUELLE = (
    "Part employeur de la complémentaire santé : {montant} par mois (soumise au forfait social "
    "de {pourcent:cotisations.employeur.forfait_social_prevoyance} à partir de "
    "{salaries:seuils.forfait_social_prevoyance}, et à la CSG-CRDS du salarié).")
COTISATIONS = (
    "Somme des cotisations et contributions patronales : chaque taux × son assiette (le salaire "
    "brut, ou la part du salaire sous le plafond de la sécurité sociale pour la vieillesse "
    "plafonnée, la tranche 1 de retraite complémentaire et le FNAL des moins de "
    "{salaries:seuils.fnal} ; dans la limite de {plafonds:seuils.chomage_ags_plafond} pour le "
    "chômage et l’AGS). Le taux AT/MP retenu est {taux_at}.")


# ---------------------------------------------------------------- what the trace tells
def prolonges(trace: Trace) -> dict[str, list[str]]:
    """Values used after their last confirmed date, grouped by that date. Only a value with no
    later dated value can be « prolonged »: a window closed by a later value (an abolition, a
    revaluation) was known when the parameter was confirmed; an abolished value read as null
    was not used."""
    params = tous()
    groupes: dict[str, list[str]] = {}
    for (ident, rang), jour in trace.valeurs_utilisees().items():
        p = params[ident]
        if rang == len(p.dates) - 1 and jour > p.derniere_date_confirmee:
            groupes.setdefault(p.derniere_date_confirmee, []).append(p.libelle)
    return {d: sorted(set(noms), key=lambda n: (n not in PRIORITAIRES, n))
            for d, noms in sorted(groupes.items())}


def explication_prolongations(groupes: dict[str, list[str]]) -> Explication | None:
    if not groupes:
        return None
    notes = [f"Confirmées jusqu’au {date_fr(d)} : {', '.join(noms)}."
             for d, noms in groupes.items()]
    return Explication("valeurs_prolongees", titre("valeurs_prolongees"),
                       "Pour les mois où une valeur légale n’a pas encore été publiée ou "
                       "confirmée, la simulation reprend la dernière valeur connue.", notes)


def parametres_au(trace: Trace) -> str:
    """The earliest confirmation date among the open values used (see `prolonges`)."""
    params = tous()
    dates = [params[i].derniere_date_confirmee for i, r in trace.valeurs_utilisees()
             if r == len(params[i].dates) - 1]
    return min(dates) if dates else max(p.derniere_date_confirmee for p in params.values())


# ---------------------------------------------------------------- the explanations
def _explication(cle: str, formule: str, trace: Trace, notes=None, **extra) -> Explication:
    return Explication(cle, titre(cle), formule, list(notes or []),
                       parametres_lus(trace.lus(cle)), **extra)


def construire(s: Situation, mois: list[dict], premier, minima, trace: Trace,
               aides: list, notes: list[str], indemnite: float, notes_brut: list[str],
               notes_cotis: list[str]) -> dict[str, Explication]:
    jour0 = s.date_embauche.isoformat()
    m0 = mois[0]
    part0, mini0 = minima[0]
    brut_notes = list(notes_brut)
    if s.contrat in {"apprentissage", "professionnalisation"}:
        brut_notes.insert(0, f"Premier mois : minimum légal de {nombre(part0 * 100, 0)} % du SMIC, "
                          f"soit {euros(mini0)}.")
    if s.contrat == "apprentissage":
        formule_brut = remplir(BRUT_APPRENTI, jour0)
        brut_notes.append(remplir(SALAIRE_CONVENTIONNEL, jour0))
    elif s.contrat == "professionnalisation":
        formule_brut = remplir(BRUT_PRO, jour0)
    else:
        formule_brut = remplir(BRUT_SALARIE, jour0)
    if s.salaire_brut_mensuel is not None:
        formule_brut = (f"Salaire indiqué : {euros(s.salaire_brut_mensuel)} par mois, jamais moins "
                        "que le minimum légal. " + formule_brut)
    else:
        formule_brut = "Salaire au minimum légal. " + formule_brut
    if indemnite:
        brut_notes.append(remplir(INDEMNITE.replace("{montant}", euros(indemnite)), jour0))
    lignes = [Ligne(k, LIBELLES[k], v) for k, v in m0["detail_cotisations"].items()]
    debut = m0["debut"]
    grand = s.effectif >= tous()["reduction_generale.seuil_effectif"].valeur(debut)
    if en_vigueur("reduction_generale.fillon_tmax_moins_50", debut):
        formule_red = remplir(FILLON, debut)
        if en_vigueur("cotisations.employeur.maladie_taux_reduit", debut):
            formule_red += remplir(TAUX_REDUITS, debut)
    else:
        formule_red = remplir(RGDU, debut)
        if en_vigueur("reduction_generale.smic_reference_rgdu", debut):
            formule_red += remplir(RGDU_SMIC_GELE, debut)
    seuil = nombre_court(tous()["reduction_generale.seuil_effectif"].valeur(debut), 0)
    red_notes = [f"Premier mois : SMIC de référence {euros(premier.smic_reference)} (au prorata "
                 f"du temps de travail), coefficient {nombre_court(premier.coefficient)}, "
                 f"réduction {euros(premier.reduction)}.",
                 "Calcul mois par mois : la régularisation annuelle peut la modifier un peu, "
                 "notamment le mois où l’indemnité de fin de CDD est versée.",
                 (f"Entreprise de {seuil} salariés ou plus" if grand else
                  f"Entreprise de moins de {seuil} salariés")
                 + " : les coefficients correspondants s’appliquent."]
    cout_notes = []
    if s.mutuelle_part_employeur:
        cout_notes.append(remplir(MUTUELLE.replace("{montant}", euros(s.mutuelle_part_employeur)),
                                  jour0))
    else:
        cout_notes.append("La complémentaire santé d’entreprise est obligatoire et l’employeur en "
                          "paie au moins la moitié : indiquez sa part mensuelle pour l’inclure.")
    params = tous()
    taux_csg = sum(params[f"cotisations.salarie.{x}"].valeur(jour0)
                   for x in ("csg_deductible", "csg_non_deductible", "crds"))
    net_formule = remplir(NET.replace("{taux_csg}", pourcent(taux_csg)), jour0)
    if s.contrat == "apprentissage":
        exo = params["apprentissage.exoneration_salariale"].valeur(jour0)
        net_formule += remplir(NET_APPRENTI.replace("{date}", date_fr(jour0)), jour0)
        net_formule += (CSG_APPRENTI_EXONEREE if exo["csg_crds_exoneration_totale"]
                        else remplir(CSG_APPRENTI, jour0))
    aides_texte = "Aucune aide à l’embauche retenue pour cette situation."
    if aides:
        aides_texte = ("Aides versées par l’État ou France Travail, mois par mois, selon "
                       "l’échéancier de chaque aide.")
    return {
        "salaire_brut": _explication("salaire_brut", formule_brut, trace, brut_notes),
        "cotisations_patronales": _explication(
            "cotisations_patronales",
            remplir(COTISATIONS.replace("{taux_at}", pourcent(s.taux_at_mp / 100)), debut),
            trace, notes_cotis, lignes=lignes),
        "reduction_generale": _explication("reduction_generale", formule_red, trace, red_notes),
        "cout_employeur": _explication(
            "cout_employeur",
            "Coût employeur = salaire brut + cotisations patronales − réduction générale + autres "
            "charges (part employeur de la mutuelle, participation forfaitaire à l’apprentissage "
            "le cas échéant).", trace, cout_notes),
        "aides": _explication("aides", aides_texte, trace, notes),
        "cout_net_aides": _explication(
            "cout_net_aides", "Coût net des aides = coût employeur − aides versées le même mois.",
            trace),
        "salaire_net": _explication("salaire_net", net_formule, trace),
    }


def construire_stage(s: Situation, trace: Trace, notes: list[str]) -> dict[str, Explication]:
    p = tous()["stage.reference"]
    texte = ("Stagiaire de la formation professionnelle ou période de mise en situation en milieu "
             "professionnel (PMSMP) : l’entreprise d’accueil ne verse ni salaire ni gratification "
             "et ne paie pas de cotisations. " + p.note_usager)
    rien = "Rien à payer pour l’entreprise d’accueil."

    def vide(cle: str, formule: str = rien, notes=()) -> Explication:
        return Explication(cle, titre(cle), formule, list(notes))

    brut = _explication("salaire_brut", texte, trace)
    brut.references = list(p.references)
    return {
        "salaire_brut": brut,
        "cotisations_patronales": vide("cotisations_patronales"),
        "reduction_generale": vide("reduction_generale"),
        "cout_employeur": vide("cout_employeur"),
        "aides": vide("aides", "Aucune aide : il ne s’agit pas d’une embauche.", notes),
        "cout_net_aides": vide("cout_net_aides"),
        "salaire_net": vide("salaire_net", "Pas de salaire versé par l’entreprise d’accueil."),
    }
