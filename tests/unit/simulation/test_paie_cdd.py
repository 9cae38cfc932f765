"""CDD: the general reduction on the contract's whole pay, end-of-contract indemnity included
(progressive regularisation, D241-7 CSS), and the cases where no indemnity is due (motif_cdd)."""

from __future__ import annotations

import pytest
from diese.simulation import simuler
from diese.simulation.erreurs import ErreurSaisie
from diese.simulation.paie import bareme, coefficient_reduction, smic_reference

# modele-social 11.1.0 + publicodes 1.10.3, « salarié . coût total employeur » for one month of a
# CDD (it spreads the 10 % indemnity over the months), complementary health set to 0 €:
# (hire date, months, headcount, monthly gross) → monthly cost. Evaluated on 2026-12-01.
MODELE_SOCIAL = [
    ("2026-01-01", 5, 11, 1823.07, 2268.00117192),
    ("2026-01-01", 3, 11, 1823.07, 2268.00117192),
    ("2026-01-01", 5, 60, 2200.0, 3053.4592),
    ("2026-01-01", 4, 11, 3000.0, 4519.548),
]


def _cdd(**extra) -> dict:
    entree = {"date_embauche": "2026-01-01", "contrat": "cdd", "duree_mois": 5, "effectif": 11}
    entree.update(extra)
    return simuler(entree).en_dict()


@pytest.mark.parametrize(("jour", "duree", "effectif", "brut", "mensuel_ms"), MODELE_SOCIAL)
def test_cout_du_contrat_entier_comme_modele_social(jour, duree, effectif, brut, mensuel_ms):
    r = _cdd(date_embauche=jour, duree_mois=duree, effectif=effectif, salaire_brut_mensuel=brut)
    reference = mensuel_ms * duree
    assert abs(r["totaux"]["cout_employeur"] - reference) <= 0.003 * reference


def test_ligne_du_ticket_cdd_5_mois_au_smic():
    """Issue 10: month-by-month reduction with the indemnity lumped into the last month made the
    cost 1.16 % too low (11 208,33 € against 11 340,01 €)."""
    r = _cdd(salaire_brut_mensuel=1823.07)
    assert r["totaux"]["cout_employeur"] == pytest.approx(11340.01, abs=0.05)
    assert r["totaux"]["indemnite_fin_contrat"] == pytest.approx(911.54, abs=0.01)


def test_la_reduction_annuelle_est_celle_du_cumul():
    r = _cdd(salaire_brut_mensuel=1823.07)
    b = bareme("2026-01-01")
    brut_total = r["totaux"]["salaire_brut"]
    smic_total = smic_reference(b, 1.0) * 5
    coef = coefficient_reduction(b, brut_total, smic_total, 11)
    assert r["totaux"]["reduction_generale"] == pytest.approx(coef * brut_total, abs=0.02)
    # the months before the indemnity keep the monthly figure (first month = openfisca's)
    premier = simuler({"date_embauche": "2026-01-01", "contrat": "cdi", "duree_mois": 1,
                       "effectif": 11, "salaire_brut_mensuel": 1823.07}).en_dict()["mois"][0]
    assert r["mois"][0]["reduction_generale"] == premier["reduction_generale"]
    assert r["mois"][-1]["reduction_generale"] < r["mois"][0]["reduction_generale"]


@pytest.mark.parametrize(("debut", "reinitialise"), [
    ("2025-11-30", "2025-12-30"),  # the month that starts on the eve of the new year
    ("2025-12-01", "2026-01-01"),  # the month that starts on 1 January
    ("2025-12-02", "2026-01-02"),  # the day after
])
def test_le_cumul_repart_au_1er_janvier(debut, reinitialise):
    r = _cdd(date_embauche=debut, duree_mois=3, salaire_brut_mensuel=2000)
    mois = {m["debut"]: m for m in r["mois"]}
    m = mois[reinitialise]
    if reinitialise.startswith("2026"):  # a new year: the coefficient of that month alone
        seul = simuler({"date_embauche": reinitialise, "contrat": "cdi", "duree_mois": 1,
                        "effectif": 11, "salaire_brut_mensuel": 2000}).en_dict()["mois"][0]
        assert m["coefficient_reduction"] == seul["coefficient_reduction"]
    else:  # still 2025: the Fillon coefficient of the cumulated pay, same as the first month
        assert m["coefficient_reduction"] == r["mois"][0]["coefficient_reduction"]


@pytest.mark.parametrize("motif", ["saisonnier", "usage", "vacances_scolaires", "refus_cdi",
                                   "suite_cdi", "contrat_aide", "complement_formation"])
def test_motifs_sans_indemnite(motif):
    r = _cdd(motif_cdd=motif)
    assert r["totaux"]["indemnite_fin_contrat"] == 0
    assert r["mois"][-1]["salaire_brut"] == r["mois"][0]["salaire_brut"]
    assert any("Pas d’indemnité de fin de contrat" in a["texte"] for a in r["avertissements"])
    assert r["situation"]["motif_cdd"] == motif
    # the 1 % CPF-CDD is not due for seasonal jobs only (L6331-6 CT, décret 2021-1917)
    assert ("cpf_cdd" in r["mois"][0]["detail_cotisations"]) is (motif != "saisonnier")


def test_motif_general_par_defaut():
    r = _cdd()
    assert r["situation"]["motif_cdd"] == "general"
    assert r["totaux"]["indemnite_fin_contrat"] > 0
    assert "cpf_cdd" in r["mois"][0]["detail_cotisations"]


@pytest.mark.parametrize(("entree", "message"), [
    ({"contrat": "cdd", "motif_cdd": "vendanges"}, "Motif de CDD inconnu"),
    ({"contrat": "cdd", "motif_cdd": 3}, "Motif de CDD inconnu"),
    ({"contrat": "cdi", "motif_cdd": "saisonnier"}, "ne concerne que le CDD"),
])
def test_motif_refuse(entree, message):
    with pytest.raises(ErreurSaisie) as exc:
        simuler({"date_embauche": "2026-03-01", **entree})
    assert exc.value.erreurs[0]["champ"] == "motif_cdd"
    assert message in exc.value.erreurs[0]["message"]


def test_motif_general_accepte_pour_tout_contrat():
    """The form sends its default « general » whatever the contract."""
    r = simuler({"date_embauche": "2026-03-01", "contrat": "cdi", "motif_cdd": "general"})
    assert r.en_dict()["situation"]["motif_cdd"] == "general"
