"""`simuler(situation)`: month by month, what a hire costs the employer once aids are counted."""

from __future__ import annotations

import datetime as dt

from . import alertes_paie as alertes
from . import explications as expl
from . import stage_etudiant
from .aides import aides as calculer_aides
from .dates import age_pour_bareme, ajouter_mois
from .erreurs import ErreurSaisie
from .paie import (
    Employeur,
    bareme,
    calculer,
    deduction_heures_sup,
    taux_reduction_salariale,
)
from .parametres import Trace, figure, lire, tracer
from .remuneration import (
    SEMAINES_PAR_MOIS,
    duree_legale,
    heures_supplementaires,
    minimum,
    quotite_paie,
)
from .resultat import Aide, Avertissement, Echeance, Resultat, annees, avertissement, figures
from .saisie import MOTIFS_CDD, TOUS_CONTRATS, Situation, lire_situation
from .textes import arrondi, date_fr, euros, nombre_court, phrase_prolongation, pourcent

CLES_MOIS = ("salaire_brut", "cotisations_patronales", "reduction_generale", "autres_charges",
             "cout_employeur", "aides", "cout_net_aides", "salaire_net",
             "deduction_heures_supplementaires")


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
    if s.contrat == "stage_etudiant":
        return _stage_etudiant(s, trace)
    apprenti = None
    if s.contrat == "apprentissage":
        with figure("salaire_net", jour0):  # fixed by the date the contract was concluded
            apprenti, _ = lire("apprentissage.exoneration_salariale", jour0)

    with figure("aides", jour0):
        # aids: share of the legal working time
        bilan = calculer_aides(s, s.heures_hebdo / duree_legale(bareme(jour0)))
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
        age = s.age
        if s.date_naissance:  # the age given at hire sets the first band (never an older one)
            age = max(age_pour_bareme(s.date_naissance, debut), s.age)
        with figure("salaire_brut", jour):
            mini, part, _ = minimum(s.contrat, b, s.heures_hebdo, age=age, annee=i // 12 + 1,
                                    niveau=s.niveau_diplome)
        mini = arrondi(mini)
        brut = mini
        if s.salaire_brut_mensuel is not None:
            brut = max(s.salaire_brut_mensuel, mini)
            # Tolerance: the published monthly SMIC counts the legal week × 52 / 12 = 151.666…
            # hours, payslips 151.67 h; both amounts are accepted as "at the minimum".
            tolerance = duree_legale(b) * SEMAINES_PAR_MOIS / b.heures
            if i == 0 and s.salaire_brut_mensuel < mini * tolerance - 0.005:
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
    if cdd and s.motif_cdd != "general":
        avertissements.append(alertes.avertir(alertes.CDD_SANS_INDEMNITE,
                                              motif=_minuscule(MOTIFS_CDD[s.motif_cdd])))
    elif cdd:
        with figure("salaire_brut", lignes[-1][0].isoformat()):
            taux_ifc = b0.v["cdd.indemnite_fin_contrat"]
        indemnite = arrondi(sum(x[2] for x in lignes) * taux_ifc)

    mois: list[dict] = []
    totaux = dict.fromkeys(CLES_MOIS, 0.0)
    total_indemnite = 0.0
    premier = None
    cumul = None  # CDD: (pay, SMIC of reference, reduction) so far in the calendar year
    for i, (debut, b, brut) in enumerate(lignes):
        ifc = indemnite if (cdd and i == len(lignes) - 1) else 0.0
        charges = s.mutuelle_part_employeur + bilan.charges.get(i, 0.0)
        heures_sup, paie_sup = heures_supplementaires(b, s.heures_hebdo, brut)
        if cdd and (cumul is None or debut.month == 1):
            cumul = (0.0, 0.0, 0.0)
        with figure("cotisations_patronales", debut.isoformat()):
            m = calculer(b, brut + ifc, emp, quotite=quotite,
                         cdd=cdd and s.motif_cdd != "saisonnier", apprenti=apprenti,
                         indemnite=ifc, autres_charges=charges, heures_sup=heures_sup,
                         paie_heures_sup=paie_sup, cumul=cumul)
        if cdd:
            cumul = (cumul[0] + m.brut, cumul[1] + m.smic_reference, cumul[2] + m.reduction)
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
            "deduction_heures_supplementaires": m.deduction_heures_sup,
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
        notes_brut.append(alertes.texte(alertes.NAISSANCE_SUPPOSEE))
        avertissements.append(alertes.avertir(alertes.NAISSANCE_SUPPOSEE))
    avertissements += alertes.temps_partiel(s.heures_hebdo, jour0)
    avertissements += alertes.verifier_mois(mois)
    if taux_at_defaut:
        notes_cotis.append(f"Taux AT/MP : taux moyen national de "
                           f"{pourcent(s.taux_at_mp / 100)} retenu par défaut ; indiquez le taux "
                           "notifié à votre entreprise.")
    explications = expl.construire(s, mois, premier, minima, trace, aides_sortie, notes,
                                   indemnite, notes_brut, notes_cotis)
    _notes_paie(s, explications, totaux)
    return _resultat(s, trace, mois, totaux, aides_sortie, avertissements, explications)


def _avertissements_aides(bilan) -> list[Avertissement]:
    """The aids' warnings, typed: each with its code when `aides` gives one (`Bilan.codes`, in
    the same order as `Bilan.avertissements`), else the code "aides"."""
    codes = list(getattr(bilan, "codes", ()))
    codes += ["aides"] * (len(bilan.avertissements) - len(codes))
    return [avertissement(a, code) for a, code in zip(bilan.avertissements, codes, strict=True)]


def _notes_paie(s: Situation, explications: dict, totaux: dict) -> None:
    """Notes for the CDD's whole-contract reduction and the overtime reliefs."""
    if s.contrat == "cdd":
        notes = explications["reduction_generale"].notes
        notes[:] = [n for n in notes if not n.startswith("Calcul mois par mois")]
        notes.append("CDD : la réduction est calculée sur la rémunération cumulée depuis le début "
                     "du contrat (ou de l’année civile), indemnité de fin de contrat comprise "
                     "(régularisation progressive, art. D241-7 du code de la sécurité sociale) : "
                     "le mois où l’indemnité est versée, la réduction est régularisée.")
    b0 = bareme(s.date_embauche.isoformat())
    if s.heures_hebdo > duree_legale(b0) and s.contrat != "stage":
        par_heure = deduction_heures_sup(b0, s.effectif, 1.0)  # values read, not written here
        deduction = totaux.get("deduction_heures_supplementaires", 0.0)
        explications["cout_employeur"].formule += (
            f" Moins la déduction forfaitaire par heure supplémentaire ({euros(par_heure)} "
            f"l’heure pour {s.effectif} salariés à l’embauche ; art. L241-18 et L241-18-1 du "
            f"code de la sécurité sociale) : {euros(deduction)} sur la période.")
        explications["salaire_net"].notes.append(
            "Heures supplémentaires : les cotisations salariales de vieillesse sont réduites sur "
            f"leur paie (majoration comprise), au taux de {pourcent(taux_reduction_salariale(b0))}"
            " (art. L241-17 du code de la sécurité sociale) ; la CSG et la CRDS restent dues.")


def _stage_etudiant(s: Situation, trace: Trace) -> Resultat:
    mois, avertissements, faits = stage_etudiant.mois_du_stage(s)
    totaux = {cle: arrondi(sum(m.get(cle, 0.0) for m in mois)) for cle in CLES_MOIS}
    totaux["indemnite_fin_contrat"] = 0.0
    totaux["nombre_de_mois"] = len(mois)
    if s.mutuelle_part_employeur:
        avertissements.append(Avertissement(
            "mutuelle_stagiaire", "info",
            "La part employeur de la mutuelle n’est pas comptée : la complémentaire santé "
            "d’entreprise concerne les salariés, pas les stagiaires."))
    explications = stage_etudiant.explications(s, trace, faits)
    return _resultat(s, trace, mois, totaux, [], avertissements, explications)


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
                     "deduction_heures_supplementaires": 0.0,
                     "autres_charges": 0.0, "cout_employeur": 0.0, "aides": 0.0,
                     "cout_net_aides": 0.0, "salaire_net": 0.0})
    totaux = dict.fromkeys(CLES_MOIS, 0.0)
    totaux["indemnite_fin_contrat"] = 0.0
    totaux["nombre_de_mois"] = len(mois)
    explications = expl.construire_stage(s, trace, notes)
    return _resultat(s, trace, mois, totaux, [], avertissements, explications)


LIBELLES_CONTRATS = TOUS_CONTRATS


def _minuscule(libelle: str) -> str:
    """A label inside a sentence: first letter lowered, acronyms (CDD, CDI, CUI) kept."""
    if libelle[1:2].isupper():
        return libelle
    return libelle[:1].lower() + libelle[1:]
