"""Legal minimum monthly pay by contract, age band and year of execution."""

from __future__ import annotations

from .paie import Bareme

APP = "apprentissage.remuneration_minimale"
PRO = "professionnalisation.remuneration_minimale"
SEMAINES_PAR_MOIS = 52 / 12


def bande_apprenti(age: int) -> str:
    if age < 18:
        return "moins_18"
    if age < 21:
        return "18_20"
    if age < 26:
        return "21_25"
    return "26_plus"


def bande_pro(age: int) -> str:
    if age < 21:
        return "moins_21"
    if age < 26:
        return "21_25"
    return "26_plus"


def smic_du_mois(b: Bareme, heures_hebdo: float) -> float:
    """SMIC for the month's hours; hours beyond 35 are paid +25 % (36th–43rd) and +50 % beyond
    (Code du travail, art. L3121-36)."""
    base = b.smic_h * b.heures * min(heures_hebdo, 35.0) / 35.0
    sup25 = max(0.0, min(heures_hebdo, 43.0) - 35.0) * SEMAINES_PAR_MOIS * 1.25
    sup50 = max(0.0, heures_hebdo - 43.0) * SEMAINES_PAR_MOIS * 1.5
    return base + b.smic_h * (sup25 + sup50)


def minimum(contrat: str, b: Bareme, heures_hebdo: float, *, age: int | None = None,
            annee: int = 1, niveau: int = 4) -> tuple[float, float, list[str]]:
    """(minimum monthly gross pay, share of SMIC, parameters used)."""
    smic = smic_du_mois(b, heures_hebdo)
    utilises = ["smic.horaire", "smic.heures_mensuelles"]
    if contrat == "stage":
        return 0.0, 0.0, ["stage.reference"]
    if contrat == "apprentissage":
        grille = b.v[APP]
        part = grille[bande_apprenti(age)][min(annee, 3) - 1]
        return smic * part, part, utilises + [APP]
    if contrat == "professionnalisation":
        grille = b.v[PRO]
        part = grille[bande_pro(age)][1 if niveau >= 4 else 0]
        return smic * part, part, utilises + [PRO]
    return smic, 1.0, utilises
