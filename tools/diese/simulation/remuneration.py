"""Legal minimum monthly pay by contract, age band and year of execution."""

from __future__ import annotations

from .paie import Bareme
from .tranches import tranche

APP = "apprentissage.remuneration_minimale"
PRO = "professionnalisation.remuneration_minimale"
SEMAINES_PAR_MOIS = 52 / 12


NIVEAU_PRO = "professionnalisation.niveau_remuneration_majoree"


def bande_apprenti(grille: dict, age: int) -> str:
    """The age band of the apprentice's pay grid (its keys carry the bounds)."""
    return tranche(grille, age)


def bande_pro(grille: dict, age: int) -> str:
    return tranche(grille, age)


MAJORATIONS = "heures_supplementaires.majorations"


def duree_legale(b: Bareme) -> float:
    """The legal working week (35 h), from the overtime parameter. An untraced look (`get`): which
    hours count as full time is no value a figure shows; the premiums, read when there is
    overtime, are traced."""
    return float(dict.get(b.v, MAJORATIONS)["duree_legale_hebdo"])


def heures_du_mois(b: Bareme, heures_hebdo: float) -> float:
    """Paid hours in a month: 151.67 at full time; part time, weekly hours × 52 / 12 (as on a
    payslip, and as openfisca-france counts them)."""
    return b.heures if heures_hebdo >= duree_legale(b) else heures_hebdo * SEMAINES_PAR_MOIS


def quotite_paie(b: Bareme, heures_hebdo: float) -> float:
    """Share of full time that prorates the SMIC of reference and the social security ceiling;
    above 35 h it counts the overtime hours (without their premium)."""
    if heures_hebdo >= (legale := duree_legale(b)):
        return heures_hebdo / legale
    return heures_du_mois(b, heures_hebdo) / b.heures


def heures_majorees(b: Bareme, heures_hebdo: float) -> tuple[float, float]:
    """(overtime hours in a month, the same hours weighted by their premium): beyond the legal
    week, the first premium for the first hours, the next one beyond (art. L3121-36, values
    from the parameters)."""
    if heures_hebdo <= duree_legale(b):
        return 0.0, 0.0
    m = b.v[MAJORATIONS]  # traced: the premiums serve
    legale = float(m["duree_legale_hebdo"])
    limite = legale + m["heures_au_premier_taux"]
    premieres = max(0.0, min(heures_hebdo, limite) - legale) * SEMAINES_PAR_MOIS
    suivantes = max(0.0, heures_hebdo - limite) * SEMAINES_PAR_MOIS
    return (premieres + suivantes,
            premieres * (1 + m["premier_taux"]) + suivantes * (1 + m["taux_suivant"]))


def smic_du_mois(b: Bareme, heures_hebdo: float) -> float:
    """SMIC for the month's hours, overtime paid with its premium."""
    return b.smic_h * (heures_du_mois(b, heures_hebdo) + heures_majorees(b, heures_hebdo)[1])


def heures_supplementaires(b: Bareme, heures_hebdo: float, brut: float) -> tuple[float, float]:
    """(overtime hours in the month, their pay premium included) for a monthly gross `brut` that
    pays `heures_hebdo` a week: the hourly rate is the brut over the weighted hours."""
    heures, ponderees = heures_majorees(b, heures_hebdo)
    if heures <= 0:
        return 0.0, 0.0
    taux = brut / (heures_du_mois(b, heures_hebdo) + ponderees)
    return heures, taux * ponderees


def minimum(contrat: str, b: Bareme, heures_hebdo: float, *, age: int | None = None,
            annee: int = 1, niveau: int = 4) -> tuple[float, float, list[str]]:
    """(minimum monthly gross pay, share of SMIC, parameters used)."""
    smic = smic_du_mois(b, heures_hebdo)
    utilises = ["smic.horaire", "smic.heures_mensuelles"]
    if contrat == "stage":
        return 0.0, 0.0, ["stage.reference"]
    if contrat == "apprentissage":
        grille = b.v[APP]
        ligne = grille[bande_apprenti(grille, age)]  # one rate per year; the last one goes on
        part = ligne[min(annee, len(ligne)) - 1]
        return smic * part, part, utilises + [APP]
    if contrat == "professionnalisation":
        grille = b.v[PRO]
        part = grille[bande_pro(grille, age)][1 if niveau >= b.v[NIVEAU_PRO] else 0]
        return smic * part, part, utilises + [PRO]
    return smic, 1.0, utilises
