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
from .parametres import valeur

CONTRATS = {
    "cdi": "CDI",
    "cdd": "CDD",
    "apprentissage": "Contrat d’apprentissage",
    "professionnalisation": "Contrat de professionnalisation",
    "stage": "Stage de formation professionnelle ou PMSMP",
}
# (minimum, default, maximum) duration in months; CDI: the horizon of the simulation.
DUREES = {
    "cdi": (1, 12, 48),
    "cdd": (1, 6, 18),
    "apprentissage": (6, 24, 36),
    "professionnalisation": (6, 12, 36),
    "stage": (1, 1, 6),
}
DATE_MIN = dt.date(2024, 1, 1)
DATE_MAX = dt.date(2030, 12, 31)
HEURES_MAX = 48.0
HEURES_MAX_MINEUR = 35.0
AGE_MIN, AGE_MAX = 14, 75
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

CLES_SIMULER = (
    "date_embauche", "contrat", "duree_mois", "salaire_brut_mensuel", "heures_hebdo", "effectif",
    "age", "date_naissance", "niveau_diplome", "rqth", "demandeur_emploi",
    "demandeur_emploi_depuis_mois", "residence_qpv", "beneficiaire_rsa", "ratio_alternants",
    "taux_at_mp", "mutuelle_part_employeur", "taux_versement_mobilite",
)


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
                self.erreur(str(cle), f"Champ inconnu « {cle} ». Champs possibles : "
                            + ", ".join(cles) + ".")

    def erreur(self, champ: str | None, message: str) -> None:
        self.erreurs.append({"champ": champ, "message": message})

    def brut(self, cle: str) -> Any:
        valeur = self.entree.get(cle)
        if isinstance(valeur, str) and not valeur.strip():
            return None
        return valeur

    def nombre(self, cle: str, nom: str, defaut, mini: float, maxi: float, entier: bool = False):
        valeur = self.brut(cle)
        if valeur is None:
            return defaut
        if isinstance(valeur, str):
            try:
                texte = valeur.strip().replace("\u202f", "").replace(" ", "")
                valeur = float(texte.replace(",", "."))
            except ValueError:
                self.erreur(cle, f"{nom} doit être un nombre (reçu « {valeur} »).")
                return defaut
        if (isinstance(valeur, bool) or not isinstance(valeur, (int, float))
                or not math.isfinite(valeur)):
            self.erreur(cle, f"{nom} doit être un nombre.")
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
            self.erreur(cle, f"{nom} « {valeur} » n’existe pas ou est mal écrite : "
                        "écrivez-la AAAA-MM-JJ (par exemple 2026-03-01).")
            return None

    def lever(self) -> None:
        if self.erreurs:
            raise ErreurSaisie(self.erreurs)


def _n(x: float) -> str:
    return (f"{x:.0f}" if float(x).is_integer() else f"{x:.2f}").replace(".", ",")


def lire_situation(entree: Any, aujourd_hui: dt.date | None = None) -> Situation:
    lec = Lecteur(entree, CLES_SIMULER)
    jour = lec.date("date_embauche", "La date d’embauche")
    if jour is None and lec.brut("date_embauche") is None:
        jour = aujourd_hui or dt.date.today()
    if jour is not None and not DATE_MIN <= jour <= DATE_MAX:
        lec.erreur("date_embauche", "Le simulateur couvre les embauches du 1er janvier 2024 au "
                   "31 décembre 2030 (les règles antérieures ne sont pas modélisées).")
        jour = None
    contrat = lec.brut("contrat")
    if contrat is None:
        contrat = "cdi"
    if not isinstance(contrat, str) or contrat.strip().lower() not in CONTRATS:
        lec.erreur("contrat", f"Contrat inconnu « {contrat} » : choisissez cdi, cdd, "
                   "apprentissage, professionnalisation ou stage.")
        contrat = "cdi"
    contrat = contrat.strip().lower()
    rqth = lec.booleen("rqth", "La reconnaissance de travailleur handicapé (RQTH)")
    dmin, ddef, dmax = bornes_duree(contrat, rqth, jour or DATE_MIN)
    nom_duree = ("L’horizon de simulation (en mois)" if contrat == "cdi"
                 else "La durée du contrat (en mois)")
    duree = lec.nombre("duree_mois", nom_duree, ddef, dmin, dmax, entier=True)
    salaire = lec.nombre("salaire_brut_mensuel", "Le salaire brut mensuel", None, 0, 100_000)
    heures = lec.nombre("heures_hebdo", "La durée hebdomadaire de travail", 35.0, 1, 1e9)
    if heures > HEURES_MAX:
        lec.erreur("heures_hebdo", f"La durée hebdomadaire ({_n(heures)} h) dépasse le maximum "
                   "légal de 48 heures (Code du travail, art. L3121-20).")
        heures = 35.0
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

    if age is not None and age < 18 and heures > HEURES_MAX_MINEUR:
        lec.erreur("heures_hebdo", "Un salarié de moins de 18 ans ne peut pas travailler plus de "
                   "35 heures par semaine (Code du travail, art. L3162-1).")
    _regles_du_contrat(lec, contrat, age, rqth, demandeur, rsa, salaire,
                       (jour or DATE_MIN).isoformat())
    lec.lever()
    return Situation(
        date_embauche=jour, contrat=contrat, duree_mois=duree, salaire_brut_mensuel=salaire,
        heures_hebdo=heures, effectif=effectif, age=age, date_naissance=naissance,
        niveau_diplome=niveau, rqth=rqth, demandeur_emploi=demandeur,
        demandeur_emploi_depuis_mois=depuis, residence_qpv=qpv, beneficiaire_rsa=rsa,
        ratio_alternants=ratio, taux_at_mp=taux_at, mutuelle_part_employeur=mutuelle,
        taux_versement_mobilite=vm, naissance_supposee=supposee,
    )


def bornes_duree(contrat: str, rqth: bool, jour: dt.date) -> tuple[int, int, int]:
    """(minimum, default, maximum) months; apprenticeship bounds come from the parameters."""
    dmin, ddef, dmax = DUREES[contrat]
    if contrat == "apprentissage":
        p = valeur("apprentissage.duree", jour.isoformat())
        dmin, dmax = p["min"], p["max_rqth"] if rqth else p["max"]
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
            lec.erreur("age", f"Un contrat d’apprentissage commence à {bornes['min']} ans (15 ans "
                       f"en sortie de 3e, cas non modélisé) ; âge reçu : {age} ans (Code du "
                       "travail, art. L6222-1).")
        elif age > bornes["max"] and not rqth:
            lec.erreur("age", f"Un contrat d’apprentissage est ouvert jusqu’à {bornes['max']} ans "
                       "révolus, sans "
                       f"limite d’âge pour une personne reconnue travailleur handicapé (RQTH) ; "
                       f"âge reçu : {age} ans (Code du travail, art. L6222-1 et L6222-2).")
    elif contrat == "professionnalisation":
        if age < valeur("professionnalisation.age_min", jour):
            lec.erreur("age", f"Un contrat de professionnalisation commence à 16 ans ; âge reçu : "
                       f"{age} ans (Code du travail, art. L6325-1).")
        elif age >= 26 and not (demandeur or rsa or rqth):
            lec.erreur("age", "À partir de 26 ans, le contrat de professionnalisation est réservé "
                       "aux demandeurs d’emploi et aux bénéficiaires du RSA, de l’ASS ou de l’AAH "
                       "(Code du travail, art. L6325-1).")
    elif contrat == "stage":
        if salaire:
            lec.erreur("salaire_brut_mensuel", "Un stagiaire de la formation professionnelle ou "
                       "une "
                       "personne en PMSMP n’est pas rémunéré par l’entreprise d’accueil : "
                       "laissez le salaire vide.")
    elif age is not None and age < 16:
        lec.erreur("age", f"On ne peut pas embaucher une personne de moins de 16 ans (âge reçu : "
                   f"{age} ans ; Code du travail, art. L4153-1).")
