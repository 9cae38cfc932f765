"""The aid parameters carry their evidence: every value in force on or after 2024-01-01 (the
closures, value null, included) names the page read, an excerpt and the day it was read."""

from __future__ import annotations

import pytest
from diese.simulation.parametres import tous

AIDES = ("apprentissage.aide_embauche", "apprentissage.aide_embauche_prorata",
         "emploi_franc.montants", "professionnalisation.aide_demandeur_45_ans",
         "professionnalisation.aide_exceptionnelle",
         "professionnalisation.aide_forfaitaire_employeur")


def en_vigueur_depuis_2024(ident: str) -> list[int]:
    p = tous()[ident]
    fins = [*p.dates[1:], "9999-12-31"]
    return [i for i, fin in enumerate(fins) if fin > "2024-01-01"]


@pytest.mark.parametrize("ident", AIDES)
def test_chaque_valeur_depuis_2024_a_ses_preuves(ident):
    p = tous()[ident]
    rangs = en_vigueur_depuis_2024(ident)
    assert rangs
    for rang in rangs:
        preuves = p.preuves(rang)
        assert preuves, (ident, p.dates[rang])
        for preuve in preuves:
            assert preuve["url"].startswith("https://")
            assert 10 <= len(preuve["extrait"]) <= 300
            assert preuve["consulte_le"] == "2026-12-01"


def test_fermetures_prouvees():
    """A null value is a closure: it is proven like an amount."""
    for ident, jour in (("emploi_franc.montants", "2025-01-01"),
                        ("professionnalisation.aide_exceptionnelle", "2024-05-01")):
        p = tous()[ident]
        rang = p.rang(jour)
        assert p.dates[rang] == jour and p.valeurs[rang] is None and p.preuves(rang)


def test_afe_non_verifiee():
    p = tous()["professionnalisation.aide_forfaitaire_employeur"]
    assert p.statut_valeur(p.rang("2026-01-01")) == "non_verifie"
