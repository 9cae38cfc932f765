"""Check and normalise a situation: every bad input becomes a French message naming the field,
collected before raising one ErreurSaisie. Defaults are filled in here and echoed back."""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import asdict, dataclass
from typing import Any

from .dates import age_le, moins_annees
from .erreurs import ErreurSaisie
from .nombres import nombre_fr
from .parametres import valeur
from .textes import date_fr

CONTRATS = {
    "cdi": "CDI",
    "cdd": "CDD",
    "apprentissage": "Contrat d’apprentissage",
    "professionnalisation": "Contrat de professionnalisation",
    "stage": "Stage de formation professionnelle ou PMSMP",
}
# Every contract the simulator reads: the hire options above (which `comparer` weighs) and a
# student's placement, which is no hire.
TOUS_CONTRATS = {**CONTRATS, "stage_etudiant": "Stage d’étudiant ou d’élève (convention de stage)"}
# Why a CDD was concluded or how it ends: every case but "general" owes no end-of-contract
# indemnity (Code du travail, art. L1243-8 and L1243-10; the service-public fiche « Fin d’un
# contrat à durée déterminée », as quoted by code.travail.gouv.fr, read on 2026-12-01).
MOTIFS_CDD = {
    "general": "Cas général : indemnité de fin de contrat due",
    "saisonnier": "Emploi saisonnier",
    "usage": "CDD d’usage (secteur où l’usage exclut le CDI)",
    "vacances_scolaires": "Jeune pendant ses vacances scolaires ou universitaires",
    "refus_cdi": "Le salarié refuse le CDI proposé à l’issue du contrat",
    "suite_cdi": "Le CDD se poursuit par un CDI",
    "contrat_aide": "Contrat aidé (CUI – parcours emploi compétences, CDD senior)",
    "complement_formation": "CDD avec complément de formation professionnelle",
}
# (minimum, default, maximum) duration in months; CDI: the horizon of the simulation. The legal
# bounds of the other contracts replace these in `bornes_duree` (dated parameters).
DUREES = {
    "cdi": (1, 12, 48),
    "cdd": (1, 6, 18),
    "apprentissage": (6, 24, 36),
    "professionnalisation": (6, 12, 36),
    "stage": (1, 1, 6),
    "stage_etudiant": (1, 3, 6),
}
DATE_MIN = dt.date(2024, 1, 1)
DATE_MAX = dt.date(2030, 12, 31)
# The legal bounds (maximum weekly hours, minors' hours, minimum age) are dated parameters read at
# the hire date; these are only the simulator's own range of ages.
AGE_MIN, AGE_MAX = 14, 75
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

CLES_SIMULER = (
    "date_embauche", "contrat", "duree_mois", "salaire_brut_mensuel", "heures_hebdo", "effectif",
    "age", "date_naissance", "niveau_diplome", "rqth", "demandeur_emploi",
    "demandeur_emploi_depuis_mois", "residence_qpv", "beneficiaire_rsa", "ratio_alternants",
    "taux_at_mp", "mutuelle_part_employeur", "taux_versement_mobilite", "engagement_alternance",
    "motif_cdd",
)
# Companies at or above the aid's headcount: the work-study commitment the apprentice aid requires
# (the share is checked at the end of the year after the contract's): the full share, or the lower
# one with the decree's condition of growth. Their wording, with the shares of the decree in force,
# is `aides.libelles_engagement`.
ENGAGEMENTS_ALTERNANCE = ("5_pourcent", "3_pourcent_et_condition")
# Bigger numbers are refused before any arithmetic (a 400-digit integer overflows a float).
NOMBRE_MAX = 1e15


@dataclass(slots=True)
class Situation:
    date_embauche: dt.date
    contrat: str
    duree_mois: int
    salaire_brut_mensuel: float | None
    heures_hebdo: float
    effectif: int
    age: int | None
    date_naissance: dt.date | None
    niveau_diplome: int
    rqth: bool
    demandeur_emploi: bool
    demandeur_emploi_depuis_mois: int | None
    residence_qpv: bool
    beneficiaire_rsa: bool
    ratio_alternants: float
    taux_at_mp: float | None
    mutuelle_part_employeur: float
    taux_versement_mobilite: float
    naissance_supposee: bool = False
    engagement_alternance: str | None = None
    motif_cdd: str = "general"

    def en_dict(self) -> dict:
        d = asdict(self)
        d.pop("naissance_supposee")
        d["date_embauche"] = self.date_embauche.isoformat()
        d["date_naissance"] = self.date_naissance.isoformat() if self.date_naissance else None
        return d


FEMININS_EN = ("ée", "té", "ion", "ance", "ence", "ure")


def _accord(adjectif: str, nom: str) -> str:
    """« La durée … inférieure », « L’âge … inférieur »: the field's name says its gender (« La »,
    or « L’ » before a feminine ending)."""
    premier = nom.split(" ", 1)[0]
    feminin = premier == "La" or (premier.startswith("L’") and premier.endswith(FEMININS_EN))
    return adjectif + "e" if feminin else adjectif


class Lecteur:
    """Reads typed fields from a dict, collecting errors instead of stopping at the first."""

    def __init__(self, entree: Any, cles: tuple[str, ...]) -> None:
        self.erreurs: list[dict] = []
        if not isinstance(entree, dict):
            self.entree: dict = {}
            self.erreur(None, "La saisie doit être un objet JSON : des paires « champ : valeur ».")
            return
        self.entree = entree
        for cle in entree:
            if cle not in cles:
                self.erreur(_apercu(str(cle)), f"Champ inconnu « {_apercu(str(cle))} ». Champs "
                            "possibles : "
                            + ", ".join(cles) + ".")

    def erreur(self, champ: str | None, message: str) -> None:
        self.erreurs.append({"champ": champ, "message": message})

    def brut(self, cle: str) -> Any:
        valeur = self.entree.get(cle)
        if isinstance(valeur, str) and not valeur.strip():
            return None
        return valeur

    def choix(self, cle: str, nom: str, permis, defaut: str | None) -> str | None:
        """One of `permis` (case and surrounding spaces ignored), `defaut` when absent; anything
        else is an error at the field that names the choices."""
        valeur = self.brut(cle)
        if valeur is None:
            return defaut
        if isinstance(valeur, str) and valeur.strip().lower() in permis:
            return valeur.strip().lower()
        *debut, dernier = list(permis)
        self.erreur(cle, f"{nom} inconnu « {_apercu(valeur)} » : choisissez "
                    f"{', '.join(debut)} ou {dernier}.")
        return defaut

    def nombre(self, cle: str, nom: str, defaut, mini: float, maxi: float, entier: bool = False):
        valeur = self.brut(cle)
        if valeur is None:
            return defaut
        if isinstance(valeur, str):
            try:
                valeur = nombre_fr(valeur)
            except ValueError:
                self.erreur(cle, f"{nom} doit être un nombre (reçu « {_apercu(valeur)} »).")
                return defaut
        if isinstance(valeur, bool) or not isinstance(valeur, (int, float)):
            self.erreur(cle, f"{nom} doit être un nombre.")
            return defaut
        if isinstance(valeur, int) and abs(valeur) > NOMBRE_MAX:  # before float(): no overflow
            valeur = math.inf if valeur > 0 else -math.inf
        if math.isnan(valeur):
            self.erreur(cle, f"{nom} doit être un nombre.")
            return defaut
        if math.isinf(valeur) or abs(valeur) > NOMBRE_MAX:
            borne = maxi if valeur > 0 else mini
            if abs(borne) < 1e9:  # a real bound (not a sentinel left to a later, finer check)
                sens = "dépasser" if valeur > 0 else "être inférieur à"
                self.erreur(cle, f"{nom} ne peut pas {sens} {_n(borne)} (reçu un nombre "
                            "démesuré).")
            else:
                self.erreur(cle, f"{nom} reçu est un nombre démesuré : vérifiez la saisie.")
            return defaut
        if entier and not float(valeur).is_integer():
            self.erreur(cle, f"{nom} doit être un nombre entier (reçu {valeur}).")
            return defaut
        if valeur < mini:
            self.erreur(cle, f"{nom} ne peut pas être {_accord('inférieur', nom)} à {_n(mini)} "
                             f"(reçu {_n(valeur)}).")
            return defaut
        if valeur > maxi:
            self.erreur(cle, f"{nom} ne peut pas dépasser {_n(maxi)} (reçu {_n(valeur)}).")
            return defaut
        return int(valeur) if entier else float(valeur)

    def booleen(self, cle: str, nom: str) -> bool:
        valeur = self.brut(cle)
        if valeur is None:
            return False
        if isinstance(valeur, bool):
            return valeur
        if isinstance(valeur, str) and valeur.lower() in {"true", "false", "oui", "non"}:
            return valeur.lower() in {"true", "oui"}
        self.erreur(cle, f"{nom} doit valoir oui ou non (true ou false).")
        return False

    def date(self, cle: str, nom: str) -> dt.date | None:
        valeur = self.brut(cle)
        if valeur is None:
            return None
        if not isinstance(valeur, str):
            self.erreur(cle, f"{nom} doit être une date écrite AAAA-MM-JJ.")
            return None
        try:
            if not _DATE.match(valeur.strip()):
                raise ValueError(valeur)
            return dt.date.fromisoformat(valeur.strip())
        except ValueError:
            self.erreur(cle, f"{nom} « {_apercu(valeur)} » n’existe pas ou est mal écrite : "
                        "écrivez-la AAAA-MM-JJ (par exemple 2026-03-01).")
            return None

    def lever(self) -> None:
        if self.erreurs:
            raise ErreurSaisie(self.erreurs)


def _apercu(valeur: Any, longueur: int = 40) -> str:
    """A bad value as echoed in a message: short, whatever its size or nesting."""
    texte = valeur if isinstance(valeur, str) else type(valeur).__name__
    if isinstance(valeur, (int, float)) and not isinstance(valeur, bool):
        texte = _n(valeur) if math.isfinite(valeur) and abs(valeur) <= NOMBRE_MAX else "démesuré"
    return texte if len(texte) <= longueur else texte[:longueur] + "…"


def _n(x: float) -> str:
    if abs(x) > NOMBRE_MAX:
        return f"{x:.3g}".replace(".", ",")
    return (f"{x:.0f}" if float(x).is_integer() else f"{x:.2f}").replace(".", ",")


def lire_situation(entree: Any, aujourd_hui: dt.date | None = None) -> Situation:
    lec = Lecteur(entree, CLES_SIMULER)
    jour = lec.date("date_embauche", "La date d’embauche")
    if jour is None and lec.brut("date_embauche") is None:
        jour = aujourd_hui or dt.date.today()
    if jour is not None and not DATE_MIN <= jour <= DATE_MAX:
        lec.erreur("date_embauche", f"Le simulateur couvre les embauches du "
                   f"{date_fr(DATE_MIN.isoformat())} au {date_fr(DATE_MAX.isoformat())} (les "
                   "règles antérieures ne sont pas modélisées).")
        jour = None
    le_jour = (jour or DATE_MIN).isoformat()  # the legal bounds in force on the hire date
    contrat = lec.choix("contrat", "Contrat", TOUS_CONTRATS, "cdi")
    rqth = lec.booleen("rqth", "La reconnaissance de travailleur handicapé (RQTH)")
    dmin, ddef, dmax = bornes_duree(contrat, rqth, jour or DATE_MIN)
    nom_duree = ("L’horizon de simulation (en mois)" if contrat == "cdi"
                 else "La durée du contrat (en mois)")
    duree = lec.nombre("duree_mois", nom_duree, ddef, dmin, dmax, entier=True)
    salaire = lec.nombre("salaire_brut_mensuel", "Le salaire brut mensuel", None, 0, 100_000)
    legale = float(valeur("heures_supplementaires.majorations", le_jour)["duree_legale_hebdo"])
    heures = lec.nombre("heures_hebdo", "La durée hebdomadaire de travail", legale, 1, 1e9)
    heures_max = valeur("travail.duree_maximale_hebdomadaire", le_jour)
    if heures > heures_max:
        lec.erreur("heures_hebdo", f"La durée hebdomadaire ({_n(heures)} h) dépasse le maximum "
                   f"légal de {_n(heures_max)} heures (Code du travail, art. L3121-20).")
        heures = legale
    effectif = lec.nombre("effectif", "L’effectif de l’entreprise", 10, -1e12, 1_000_000,
                          entier=True)
    if effectif < 0:
        lec.erreur("effectif", "L’effectif de l’entreprise ne peut pas être négatif.")
        effectif = 10
    age = lec.nombre("age", "L’âge", None, -1e9, 1e9, entier=True)
    if age is not None and not AGE_MIN <= age <= AGE_MAX:
        lec.erreur("age", f"L’âge doit être compris entre {AGE_MIN} et {AGE_MAX} ans (reçu {age}).")
        age = None
    naissance = lec.date("date_naissance", "La date de naissance")
    niveau = lec.nombre("niveau_diplome", "Le niveau de diplôme", 4, 3, 8, entier=True)
    demandeur = lec.booleen("demandeur_emploi", "Le statut de demandeur d’emploi")
    depuis = lec.nombre("demandeur_emploi_depuis_mois", "L’ancienneté d’inscription (en mois)",
                        None, 0, 600, entier=True)
    qpv = lec.booleen("residence_qpv", "La résidence en quartier prioritaire (QPV)")
    rsa = lec.booleen("beneficiaire_rsa", "Le statut de bénéficiaire du RSA")
    ratio = lec.nombre("ratio_alternants", "La part d’alternants (en %)", 0.0, 0, 100)
    taux_at = lec.nombre("taux_at_mp", "Le taux AT/MP (en %)", None, 0, 30)
    mutuelle = lec.nombre("mutuelle_part_employeur",
                          "La part employeur de la mutuelle (€ par mois)", 0.0, 0, 2_000)
    vm = lec.nombre("taux_versement_mobilite", "Le taux de versement mobilité (en %)", 0.0, 0, 5)
    engagement = lec.choix("engagement_alternance", "Engagement d’alternance",
                           ["aucun", *ENGAGEMENTS_ALTERNANCE], None)
    if engagement == "aucun":
        engagement = None
    motif = lec.choix("motif_cdd", "Motif de CDD", MOTIFS_CDD, "general")
    if contrat != "cdd" and motif != "general":
        lec.erreur("motif_cdd", "Le motif de recours ne concerne que le CDD : laissez-le vide "
                   "pour ce contrat.")
        motif = "general"

    supposee = False
    if jour is not None and naissance is not None:
        if naissance >= jour:
            lec.erreur("date_naissance", "La date de naissance doit précéder la date d’embauche.")
        else:
            age_calcule = age_le(naissance, jour)
            if age is not None and age != age_calcule:
                lec.erreur("age", f"L’âge indiqué ({age} ans) ne correspond pas à la date de "
                           f"naissance ({age_calcule} ans à la date d’embauche) : n’en gardez "
                           "qu’un.")
            elif not AGE_MIN <= age_calcule <= AGE_MAX:
                lec.erreur("date_naissance", f"La date de naissance donne {age_calcule} ans à "
                           f"l’embauche : l’âge doit être compris entre {AGE_MIN} et {AGE_MAX} "
                           "ans.")
            else:
                age = age_calcule
    elif jour is not None and age is not None:
        naissance, supposee = moins_annees(jour, age), True

    jeunes = valeur("travail.jeunes_travailleurs", le_jour)
    if age is not None and age < jeunes["age_majorite"] and heures > jeunes["heures_hebdo_max"]:
        lec.erreur("heures_hebdo", f"Un salarié de moins de {jeunes['age_majorite']} ans ne peut "
                   f"pas travailler plus de {_n(jeunes['heures_hebdo_max'])} heures par semaine "
                   "(Code du travail, art. L3162-1).")
    _regles_du_contrat(lec, contrat, age, rqth, demandeur, rsa, salaire, le_jour)
    lec.lever()
    return Situation(
        date_embauche=jour, contrat=contrat, duree_mois=duree, salaire_brut_mensuel=salaire,
        heures_hebdo=heures, effectif=effectif, age=age, date_naissance=naissance,
        niveau_diplome=niveau, rqth=rqth, demandeur_emploi=demandeur,
        demandeur_emploi_depuis_mois=depuis, residence_qpv=qpv, beneficiaire_rsa=rsa,
        ratio_alternants=ratio, taux_at_mp=taux_at, mutuelle_part_employeur=mutuelle,
        taux_versement_mobilite=vm, naissance_supposee=supposee,
        engagement_alternance=engagement, motif_cdd=motif,
    )


def bornes_duree(contrat: str, rqth: bool, jour: dt.date) -> tuple[int, int, int]:
    """(minimum, default, maximum) months; the legal bounds (apprenticeship, pro contract, CDD,
    student placement) come from the parameters in force on `jour`."""
    dmin, ddef, dmax = DUREES[contrat]
    j = jour.isoformat()
    if contrat == "apprentissage":
        p = valeur("apprentissage.duree", j)
        dmin, dmax = p["min"], p["max_rqth"] if rqth else p["max"]
    elif contrat == "professionnalisation":
        p = valeur("professionnalisation.duree", j)
        dmin, dmax = p["min"], p["max"]
    elif contrat == "cdd":
        dmax = valeur("cdd.duree_maximale", j)
    elif contrat == "stage_etudiant":
        dmax = valeur("stage_etudiant.duree_maximale", j)
    return dmin, ddef, dmax


def _regles_du_contrat(lec: Lecteur, contrat: str, age, rqth, demandeur, rsa, salaire,
                       jour: str) -> None:
    if contrat in {"apprentissage", "professionnalisation"} and age is None:
        lec.erreur("age", "Indiquez l’âge ou la date de naissance : la rémunération minimale de ce "
                   "contrat en dépend.")
        return
    if contrat == "apprentissage":
        bornes = valeur("apprentissage.age", jour)
        if age < bornes["min"]:
            lec.erreur("age", f"Un contrat d’apprentissage commence à {bornes['min']} ans "
                       f"({bornes['min_sortie_3e']} ans en sortie de 3e, cas non modélisé) ; âge "
                       f"reçu : {age} ans (Code du travail, art. L6222-1).")
        elif age > bornes["max"] and not rqth:
            lec.erreur("age", f"Un contrat d’apprentissage est ouvert jusqu’à {bornes['max']} ans "
                       "révolus, sans "
                       f"limite d’âge pour une personne reconnue travailleur handicapé (RQTH) ; "
                       f"âge reçu : {age} ans (Code du travail, art. L6222-1 et L6222-2).")
    elif contrat == "professionnalisation":
        age_min = valeur("professionnalisation.age_min", jour)
        age_max = valeur("professionnalisation.age_max", jour)
        if age < age_min:
            lec.erreur("age", f"Un contrat de professionnalisation commence à {age_min} ans ; âge "
                       f"reçu : {age} ans (Code du travail, art. L6325-1).")
        elif age > age_max and not (demandeur or rsa or rqth):
            lec.erreur("age", f"À partir de {age_max + 1} ans, le contrat de professionnalisation "
                       "est réservé aux demandeurs d’emploi et aux bénéficiaires du RSA, de l’ASS "
                       "ou de l’AAH (Code du travail, art. L6325-1).")
    elif contrat == "stage":
        if salaire:
            lec.erreur("salaire_brut_mensuel", "Un stagiaire de la formation professionnelle ou "
                       "une "
                       "personne en PMSMP n’est pas rémunéré par l’entreprise d’accueil : "
                       "laissez le salaire vide.")
    elif contrat == "stage_etudiant":
        pass  # a pupil's placement has no minimum age here (the school's agreement frames it)
    elif age is not None and age < (age_min := valeur("travail.age_minimum", jour)):
        lec.erreur("age", f"On ne peut pas embaucher une personne de moins de {age_min} ans (âge "
                   f"reçu : {age} ans ; Code du travail, art. L4153-1).")
