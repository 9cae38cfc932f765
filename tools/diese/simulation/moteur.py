"""`simuler(situation)`: month by month, what a hire costs the employer once aids are counted."""

from __future__ import annotations

import datetime as dt

from . import explications as expl
from .aides import aides as calculer_aides
from .dates import age_pour_bareme, ajouter_mois
from .erreurs import ErreurSaisie
from .paie import Employeur, bareme, calculer
from .parametres import Trace, figure, lire, tracer
from .remuneration import minimum, quotite_paie
from .resultat import Aide, Avertissement, Echeance, Resultat, annees, avertissement, figures
from .saisie import CONTRATS, Situation, lire_situation
from .textes import arrondi, date_fr, euros, nombre_court, phrase_prolongation, pourcent

TOLERANCE_SMIC = (35 * 52 / 12) / 151.67
CLES_MOIS = ("salaire_brut", "cotisations_patronales", "reduction_generale", "autres_charges",
             "cout_employeur", "aides", "cout_net_aides", "salaire_net")


def simuler(situation: dict, aujourd_hui: dt.date | None = None) -> Resultat:
    return simuler_situation(lire_situation(situation, aujourd_hui))


def simuler_situation(s: Situation) -> Resultat:
    with tracer() as trace:
        return _simuler(s, trace)


def _simuler(s: Situation, trace: Trace) -> Resultat:
    depart = s.date_embauche
    jour0 = depart.isoformat()
    b0 = bareme(jour0)
    with figure("salaire_brut", jour0):
        quotite = quotite_paie(b0, s.heures_hebdo)
    taux_at_defaut = s.taux_at_mp is None
    if taux_at_defaut:
        with figure("cotisations_patronales", jour0):
            s.taux_at_mp = round(b0.v["cotisations.employeur.at_mp_defaut"] * 100, 4)
    emp = Employeur(effectif=s.effectif, taux_at=s.taux_at_mp / 100,
                    taux_vm=s.taux_versement_mobilite / 100, mutuelle=s.mutuelle_part_employeur,
                    ratio_alternants=s.ratio_alternants / 100)
    apprenti = None
    if s.contrat == "apprentissage":
        with figure("salaire_net", jour0):  # fixed by the date the contract was concluded
            apprenti, _ = lire("apprentissage.exoneration_salariale", jour0)

    with figure("aides", jour0):
        bilan = calculer_aides(s, s.heures_hebdo / 35.0)  # aids: share of the legal working time
    avertissements = _avertissements_aides(bilan)
    if s.contrat == "stage":
        return _stage(s, trace, avertissements, bilan.notes)

    cdd = s.contrat == "cdd"
    lignes = []
    minima = []
    releve = None
    for i in range(s.duree_mois):
        debut = ajouter_mois(depart, i)
        jour = debut.isoformat()
        b = bareme(jour)
        age = age_pour_bareme(s.date_naissance, debut) if s.date_naissance else s.age
        with figure("salaire_brut", jour):
            mini, part, _ = minimum(s.contrat, b, s.heures_hebdo, age=age, annee=i // 12 + 1,
                                    niveau=s.niveau_diplome)
        mini = arrondi(mini)
        brut = mini
        if s.salaire_brut_mensuel is not None:
            brut = max(s.salaire_brut_mensuel, mini)
            # Tolerance: the published monthly SMIC uses 35 h × 52 / 12 = 151.666… hours, payslips
            # 151.67 h; both amounts are accepted as "at the minimum".
            if i == 0 and s.salaire_brut_mensuel < mini * TOLERANCE_SMIC - 0.005:
                raise ErreurSaisie.une(
                    "salaire_brut_mensuel",
                    f"Le salaire brut mensuel ({euros(s.salaire_brut_mensuel)}) est inférieur au "
                    f"minimum légal pour ce contrat à cette date : {euros(mini)} "
                    f"({nombre_court(part * 100, 2)} % du SMIC pour "
                    f"{nombre_court(s.heures_hebdo, 2)} h par semaine).")
            if brut > s.salaire_brut_mensuel and releve is None:
                releve = (jour, brut)
        minima.append((part, mini))
        lignes.append([debut, b, brut])

    if releve:
        avertissements.append(Avertissement(
            "salaire_releve", "attention",
            f"Le salaire indiqué passe sous le minimum légal à partir du {date_fr(releve[0])} "
            f"(revalorisation du SMIC ou changement de tranche) : il est relevé à "
            f"{euros(releve[1])} dans la simulation."))

    indemnite = 0.0
    if cdd:
        with figure("salaire_brut", lignes[-1][0].isoformat()):
            taux_ifc = b0.v["cdd.indemnite_fin_contrat"]
        indemnite = arrondi(sum(x[2] for x in lignes) * taux_ifc)

    mois: list[dict] = []
    totaux = dict.fromkeys(CLES_MOIS, 0.0)
    total_indemnite = 0.0
    premier = None
    for i, (debut, b, brut) in enumerate(lignes):
        ifc = indemnite if (cdd and i == len(lignes) - 1) else 0.0
        charges = s.mutuelle_part_employeur + bilan.charges.get(i, 0.0)
        with figure("cotisations_patronales", debut.isoformat()):
            m = calculer(b, brut + ifc, emp, quotite=quotite, cdd=cdd, apprenti=apprenti,
                         indemnite=ifc, autres_charges=charges)
        aides_mois = arrondi(sum(a.versements.get(i, 0.0) for a in bilan.aides))
        ligne = {
            "mois": debut.isoformat()[:7],
            "debut": debut.isoformat(),
            "salaire_brut": m.brut,
            "indemnite_fin_contrat": m.indemnite,
            "cotisations_patronales": m.patronales,
            "detail_cotisations": m.detail,
            "coefficient_reduction": m.coefficient,
            "reduction_generale": m.reduction,
            "autres_charges": m.autres_charges,
            "cout_employeur": m.cout,
            "aides": aides_mois,
            "cout_net_aides": arrondi(m.cout - aides_mois),
            "salaire_net": m.net,
        }
        mois.append(ligne)
        for cle in CLES_MOIS:
            totaux[cle] += ligne[cle]
        total_indemnite += m.indemnite
        if premier is None:
            premier = m
    totaux = {cle: arrondi(v) for cle, v in totaux.items()}
    totaux["indemnite_fin_contrat"] = arrondi(total_indemnite)
    totaux["nombre_de_mois"] = len(mois)

    aides_sortie = [_aide(a, depart) for a in bilan.aides]
    notes = list(bilan.notes)
    notes_brut, notes_cotis = [], []
    if s.naissance_supposee and s.contrat in {"apprentissage", "professionnalisation"}:
        notes_brut.append("Âge indiqué sans date de naissance : l’anniversaire est supposé "
                          "tomber à la date d’embauche (indiquez la date de naissance pour un "
                          "calcul exact).")
    if taux_at_defaut:
        notes_cotis.append(f"Taux AT/MP : taux moyen national de "
                           f"{pourcent(s.taux_at_mp / 100)} retenu par défaut ; indiquez le taux "
                           "notifié à votre entreprise.")
    explications = expl.construire(s, mois, premier, minima, trace, aides_sortie, notes,
                                   indemnite, notes_brut, notes_cotis)
    return _resultat(s, trace, mois, totaux, aides_sortie, avertissements, explications)


def _avertissements_aides(bilan) -> list[Avertissement]:
    """The aids' warnings, typed: each with its code when `aides` gives one (`Bilan.codes`, in
    the same order as `Bilan.avertissements`), else the code "aides"."""
    codes = list(getattr(bilan, "codes", ()))
    codes += ["aides"] * (len(bilan.avertissements) - len(codes))
    return [avertissement(a, code) for a, code in zip(bilan.avertissements, codes, strict=True)]


def _resultat(s: Situation, trace: Trace, mois, totaux, aides_sortie, avertissements,
              explications) -> Resultat:
    """The typed result, with the warning and the detailed list of prolonged values."""
    groupes = expl.prolonges(trace)
    if groupes:
        avertissements.append(Avertissement("valeurs_prolongees", "info",
                                            phrase_prolongation(list(groupes))))
        explications["valeurs_prolongees"] = expl.explication_prolongations(groupes)
    return Resultat(mois, totaux, figures(totaux), annees(mois), aides_sortie, avertissements,
                    explications, expl.parametres_au(trace), s.en_dict())


def _aide(a, depart: dt.date) -> Aide:
    echeancier = [Echeance(ajouter_mois(depart, i).isoformat()[:7], montant)
                  for i, montant in sorted(a.versements.items())]
    return Aide(a.id, a.nom, arrondi(sum(a.versements.values())), a.montant_annuel, echeancier,
                a.conditions, a.reference())


def _stage(s: Situation, trace: Trace, avertissements: list, notes: list[str]) -> Resultat:
    with figure("salaire_brut", s.date_embauche.isoformat()):
        lire("stage.reference", s.date_embauche.isoformat())
    mois = []
    for i in range(s.duree_mois):
        debut = ajouter_mois(s.date_embauche, i)
        mois.append({"mois": debut.isoformat()[:7], "debut": debut.isoformat(),
                     "salaire_brut": 0.0, "indemnite_fin_contrat": 0.0,
                     "cotisations_patronales": 0.0, "detail_cotisations": {},
                     "coefficient_reduction": 0.0, "reduction_generale": 0.0,
                     "autres_charges": 0.0, "cout_employeur": 0.0, "aides": 0.0,
                     "cout_net_aides": 0.0, "salaire_net": 0.0})
    totaux = dict.fromkeys(CLES_MOIS, 0.0)
    totaux["indemnite_fin_contrat"] = 0.0
    totaux["nombre_de_mois"] = len(mois)
    explications = expl.construire_stage(s, trace, notes)
    return _resultat(s, trace, mois, totaux, [], avertissements, explications)


LIBELLES_CONTRATS = CONTRATS
