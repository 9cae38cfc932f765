"""A student's placement (convention de stage): the legal minimum gratification, due when the
presence exceeds two months (308 hours), exempt up to that amount; the excess bears the social
security contributions, CSG-CRDS, CSA, FNAL, versement mobilité, training levy and apprenticeship
tax, not the unemployment,
supplementary pension or general-reduction rules, which concern employees (Urssaf)."""

from __future__ import annotations

from . import alertes_paie as alertes
from .dates import ajouter_mois
from .erreurs import ErreurSaisie
from .paie import E, Employeur, S, bareme
from .parametres import Trace, figure, passer_a
from .remuneration import SEMAINES_PAR_MOIS
from .resultat import Avertissement, Explication, parametres_lus, titre
from .saisie import Situation
from .textes import arrondi, euros, nombre

G = "stage_etudiant."
TAUX = G + "gratification_minimale_horaire"
SEUIL = G + "seuil_gratification"


def heures_de_presence(s: Situation) -> tuple[float, float]:
    """(presence hours in a month, over the whole placement): weekly hours × 52 / 12 a month."""
    par_mois = s.heures_hebdo * SEMAINES_PAR_MOIS
    return par_mois, par_mois * s.duree_mois


def gratification_obligatoire(heures_total: float, seuil: float) -> bool:
    """Due when the presence exceeds the threshold (« plus de deux mois », L124-6 C. éduc.)."""
    return heures_total > seuil


def cotisations(b, excedent: float, emp: Employeur, quotite: float) -> tuple[dict, float, float]:
    """(employer detail, employee contributions, CSG-CRDS) on the part above the exemption."""
    v = b.v
    if excedent <= 0:
        return {}, 0.0, 0.0
    t1 = min(excedent, b.pss * min(1.0, quotite))
    d = {
        "maladie": excedent * v[E + "maladie"],
        "vieillesse_plafonnee": t1 * v[E + "vieillesse_plafonnee"],
        "vieillesse_deplafonnee": excedent * v[E + "vieillesse_deplafonnee"],
        "famille": excedent * v[E + "famille"],
        "at_mp": excedent * emp.taux_at,
        "csa": excedent * v[E + "csa"],
        "fnal": (t1 * v[E + "fnal_moins_50"] if emp.effectif < v["seuils.fnal"]
                 else excedent * v[E + "fnal_50_plus"]),
    }
    # the excess is pay in the social-security base, which is also the base of these two
    # (L6131-1 and L6241-1 CT); modele-social 11.1.0 charges them likewise
    grand = emp.effectif >= v["seuils.formation_professionnelle"]
    d["formation"] = excedent * v[E + ("formation_11_plus" if grand else "formation_moins_11")]
    d["taxe_apprentissage"] = excedent * v[E + "taxe_apprentissage"]
    if emp.taux_vm and emp.effectif >= v["seuils.versement_mobilite"]:
        d["versement_mobilite"] = excedent * emp.taux_vm
    d = {k: arrondi(x) for k, x in d.items()}
    passer_a("salaire_net")  # the employee side's reads count for the net pay
    salariales = arrondi(t1 * v[S + "vieillesse_plafonnee"]
                         + excedent * v[S + "vieillesse_deplafonnee"])
    taux_csg = v[S + "csg_deductible"] + v[S + "csg_non_deductible"] + v[S + "crds"]
    csg = arrondi(excedent * (1 - v[S + "abattement_csg"]) * taux_csg)
    return d, salariales, csg


def mois_du_stage(s: Situation) -> tuple[list[dict], list[Avertissement], dict]:
    """(months, warnings, facts for the explanations); the reads are traced per figure."""
    par_mois, total = heures_de_presence(s)
    jour0 = s.date_embauche.isoformat()
    b0 = bareme(jour0)
    with figure("salaire_brut", jour0):
        seuil = b0.v[SEUIL]
        taux0 = b0.v[TAUX]
    due = gratification_obligatoire(total, seuil)
    emp = Employeur(effectif=s.effectif, taux_at=(s.taux_at_mp or 0.0) / 100,
                    taux_vm=s.taux_versement_mobilite / 100, mutuelle=0.0, ratio_alternants=0.0)
    quotite = par_mois / b0.heures
    avertissements = []
    if not due:
        avertissements.append(alertes.avertir(alertes.GRATIFICATION_NON_DUE,
                                              heures=nombre(total, 0), seuil=nombre(seuil, 0)))
    mois = []
    franchise0 = None
    for i in range(s.duree_mois):
        debut = ajouter_mois(s.date_embauche, i)
        jour = debut.isoformat()
        b = bareme(jour)
        with figure("salaire_brut", jour):
            taux = b.v[TAUX]
            b.v[SEUIL]  # noqa: B018 — read for the sources: the threshold decides the minimum
        franchise = arrondi(taux * par_mois)
        minimum = franchise if due else 0.0
        grat = minimum if s.salaire_brut_mensuel is None else s.salaire_brut_mensuel
        if i == 0:
            franchise0 = franchise
            if grat < minimum - 0.005:
                raise ErreurSaisie.une(
                    "salaire_brut_mensuel",
                    f"La gratification mensuelle ({euros(grat)}) est inférieure au minimum légal "
                    f"pour {nombre(par_mois)} heures de présence par mois : {euros(minimum)} "
                    f"({euros(taux)} par heure ; Code de l’éducation, art. L124-6).")
        grat = max(grat, minimum)
        excedent = arrondi(max(0.0, grat - franchise))
        with figure("cotisations_patronales", jour):
            detail, salariales, csg = cotisations(b, excedent, emp, quotite)
        patronales = arrondi(sum(detail.values()))
        cout = arrondi(grat + patronales)
        mois.append({"mois": jour[:7], "debut": jour, "salaire_brut": arrondi(grat),
                     "indemnite_fin_contrat": 0.0, "cotisations_patronales": patronales,
                     "detail_cotisations": detail, "coefficient_reduction": 0.0,
                     "reduction_generale": 0.0, "deduction_heures_supplementaires": 0.0,
                     "autres_charges": 0.0, "cout_employeur": cout,
                     "aides": 0.0, "cout_net_aides": cout,
                     "salaire_net": arrondi(grat - salariales - csg)})
    faits = {"due": due, "heures_mois": par_mois, "heures_total": total, "seuil": seuil,
             "franchise": franchise0, "taux": taux0}
    return mois, avertissements, faits


def explications(s: Situation, trace: Trace, faits: dict) -> dict[str, Explication]:
    if faits["due"]:
        brut = (f"Gratification obligatoire : {nombre(faits['heures_total'], 0)} heures de "
                f"présence au total, plus de {nombre(faits['seuil'], 0)} heures (deux mois). "
                f"Minimum légal : {euros(faits['taux'])} par heure de présence × "
                f"{nombre(faits['heures_mois'])} heures par mois (heures par semaine × 52 ÷ 12), "
                "versé chaque mois dès le premier jour.")
    else:
        brut = (f"Stage de {nombre(faits['heures_total'], 0)} heures de présence, pas plus de "
                f"{nombre(faits['seuil'], 0)} heures : la gratification est facultative.")
    exoneration = (f"La gratification n’est soumise à aucune cotisation jusqu’à "
                   f"{euros(faits['franchise'])} par mois (le minimum horaire × les heures de "
                   "présence du mois) ; au-delà, la part excédentaire supporte les cotisations de "
                   "sécurité sociale (maladie, vieillesse, famille, AT/MP), la CSA, le FNAL, le "
                   "versement mobilité, la formation professionnelle, la taxe d’apprentissage et "
                   "la CSG-CRDS, mais ni l’assurance chômage ni la retraite "
                   "complémentaire : le stagiaire n’est pas salarié.")
    sans_objet = ("Sans objet pour un stagiaire : ni réduction générale ni aide à "
                  "l’embauche.")

    def expl(cle: str, formule: str) -> Explication:
        return Explication(cle, titre(cle), formule, [], parametres_lus(trace.lus(cle)))

    return {
        "salaire_brut": expl("salaire_brut", brut),
        "cotisations_patronales": expl("cotisations_patronales", exoneration),
        "reduction_generale": Explication("reduction_generale", titre("reduction_generale"),
                                          sans_objet),
        "cout_employeur": Explication("cout_employeur", titre("cout_employeur"),
                                      "Coût = gratification + cotisations sur la part "
                                      "excédentaire."),
        "aides": Explication("aides", titre("aides"), sans_objet),
        "cout_net_aides": Explication("cout_net_aides", titre("cout_net_aides"),
                                      "Aucune aide : coût net = coût."),
        "salaire_net": expl("salaire_net", "Gratification nette = gratification − cotisations "
                            "salariales de vieillesse et CSG-CRDS sur la part excédentaire."),
    }
