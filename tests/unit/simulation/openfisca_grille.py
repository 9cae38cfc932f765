"""Run openfisca-france over a grid of CDI/CDD situations, one vectorised simulation per period,
and the engine over the same grid, so the test can compare them figure by figure."""

from __future__ import annotations

import functools
from dataclasses import dataclass

PERIODES = ("2024-03", "2024-12", "2025-03", "2025-09", "2026-03", "2026-09")
MULTIPLES_SMIC = (1.0, 1.05, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 2.0, 2.25, 2.5, 2.75, 3.0, 3.2)
EFFECTIFS = (10, 49, 50, 300)
CONTRATS = ("cdi", "cdd")
VARIABLES = ("cotisations_employeur", "allegement_general", "salaire_super_brut", "salaire_net")


@dataclass(frozen=True, slots=True)
class Cas:
    periode: str
    contrat: str
    effectif: int
    multiple: float
    brut: float
    taux_at: float  # percent


@functools.lru_cache(maxsize=1)
def systeme():
    from openfisca_france import FranceTaxBenefitSystem

    return FranceTaxBenefitSystem()


def cas_de_la_periode(periode: str) -> list[Cas]:
    from diese.simulation.paie import bareme

    b = bareme(periode + "-01")
    smic_mensuel = b.smic_h * b.heures
    taux_at = round(b.v["cotisations.employeur.at_mp_defaut"] * 100, 4)
    return [Cas(periode, c, e, m, round(m * smic_mensuel, 2), taux_at)
            for c in CONTRATS for e in EFFECTIFS for m in MULTIPLES_SMIC]


def openfisca(periode: str, cas: list[Cas]) -> dict[str, list[float]]:
    """One simulation with one person per grid cell; returns each variable as a list."""
    from openfisca_core.simulation_builder import SimulationBuilder

    individus, familles, foyers, menages = {}, {}, {}, {}
    for i, c in enumerate(cas):
        p = f"p{i}"
        individus[p] = {
            "salaire_de_base": {periode: c.brut},
            "contrat_de_travail_type": {periode: c.contrat},
            "categorie_salarie": {periode: "prive_non_cadre"},
            "effectif_entreprise": {periode: c.effectif},
            "taux_accident_travail": {periode: c.taux_at / 100},
            "ratio_alternants": {periode: 0.0},
            "allegement_general_mode_recouvrement": {periode: "anticipe"},
            "allegement_cotisation_allocations_familiales_mode_recouvrement": {periode: "anticipe"},
            "allegement_cotisation_maladie_mode_recouvrement": {periode: "anticipe"},
            "date_naissance": {"ETERNITY": "1990-01-01"},
        }
        familles[f"f{i}"] = {"parents": [p]}
        foyers[f"ff{i}"] = {"declarants": [p]}
        menages[f"m{i}"] = {"personne_de_reference": [p]}
    situation = {"individus": individus, "familles": familles, "foyers_fiscaux": foyers,
                 "menages": menages}
    sim = SimulationBuilder().build_from_entities(systeme(), situation)
    return {v: [float(x) for x in sim.calculate(v, periode)] for v in VARIABLES}


def moteur(c: Cas) -> dict:
    from diese.simulation import simuler

    r = simuler({
        "date_embauche": c.periode + "-01", "contrat": c.contrat,
        "duree_mois": 6 if c.contrat == "cdd" else 1, "salaire_brut_mensuel": c.brut,
        "effectif": c.effectif, "taux_at_mp": c.taux_at,
    }).en_dict()
    return r["mois"][0]  # a regular month (the CDD end-of-contract pay falls in month 6)
