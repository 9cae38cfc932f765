"""Overtime above 35 h: the premiums (25 % then 50 %), the employer's flat deduction per hour by
company size (L241-18 and L241-18-1 CSS; 250 and more from 2026-01-01, LFSS 2026 art. 21) and the
employee's reduction of old-age contributions (L241-17 CSS, at most 11.31 %)."""

from __future__ import annotations

import pytest
from diese.simulation import simuler
from diese.simulation.paie import bareme, deduction_heures_sup, taux_reduction_salariale
from diese.simulation.remuneration import heures_majorees, heures_supplementaires

HEURES_39 = 4 * 52 / 12  # 17,33 overtime hours a month at 39 h a week


def _mois(jour="2026-03-01", **extra) -> dict:
    entree = {"date_embauche": jour, "contrat": "cdi", "duree_mois": 1, "effectif": 10,
              "heures_hebdo": 39}
    entree.update(extra)
    return simuler(entree).en_dict()


def test_ligne_du_ticket_39_heures_10_salaries():
    """Issue 10: at 39 h, 10 employees, March 2026, modele-social 11.1.0 (complementary health
    0 €) gives a cost of 2 172,85 € and a net of 1 678,76 €; the engine gave 2 198,85 € and
    1 649,31 € before the reliefs (26,00 € too high, 29,46 € too low)."""
    r = _mois()
    m = r["mois"][0]
    assert m["salaire_brut"] == pytest.approx(2083.51, abs=0.01)
    assert m["deduction_heures_supplementaires"] == pytest.approx(26.00, abs=0.01)
    assert m["cout_employeur"] == pytest.approx(2172.851601, abs=0.02)
    assert m["salaire_net"] == pytest.approx(1678.755774, abs=0.02)
    assert r["totaux"]["deduction_heures_supplementaires"] == m["deduction_heures_supplementaires"]


@pytest.mark.parametrize(("effectif", "par_heure"), [(19, 1.5), (20, 0.5), (249, 0.5),
                                                      (250, 0.5), (5000, 0.5)])
def test_deduction_par_taille_en_2026(effectif, par_heure):
    m = _mois(effectif=effectif)["mois"][0]
    assert m["deduction_heures_supplementaires"] == pytest.approx(par_heure * HEURES_39, abs=0.01)


@pytest.mark.parametrize(("jour", "par_heure"), [
    ("2025-12-31", 0.0),  # 250 employees and more: no deduction before 2026
    ("2026-01-01", 0.5),
    ("2026-01-02", 0.5),
])
def test_deduction_250_et_plus_a_partir_de_2026(jour, par_heure):
    m = _mois(jour, effectif=300)["mois"][0]
    assert m["deduction_heures_supplementaires"] == pytest.approx(par_heure * HEURES_39, abs=0.01)


@pytest.mark.parametrize("jour", ["2024-03-01", "2025-12-31", "2026-01-01"])
def test_deduction_sous_250_avant_et_apres_2026(jour):
    assert deduction_heures_sup(bareme(jour), 19, 10) == 15.0
    assert deduction_heures_sup(bareme(jour), 20, 10) == 5.0
    assert deduction_heures_sup(bareme(jour), 249, 10) == 5.0


def test_reduction_salariale_plafonnee_a_11_31():
    for jour in ("2024-01-01", "2025-06-01", "2026-03-01"):
        assert taux_reduction_salariale(bareme(jour)) == pytest.approx(0.1131, abs=1e-9)


def test_reduction_salariale_dans_le_net():
    sans = _mois(heures_hebdo=35, salaire_brut_mensuel=2083.51)["mois"][0]
    avec = _mois()["mois"][0]
    paie_sup = 12.02 * HEURES_39 * 1.25
    assert avec["salaire_net"] - sans["salaire_net"] == pytest.approx(paie_sup * 0.1131, abs=0.02)


@pytest.mark.parametrize(("heures", "attendu"), [(35, 0.0), (35.5, 0.5), (43, 8), (44, 9)])
def test_heures_majorees(heures, attendu):
    h, ponderees = heures_majorees(bareme("2026-03-01"), heures)
    assert h == pytest.approx(attendu * 52 / 12)
    assert ponderees == pytest.approx((min(attendu, 8) * 1.25 + max(attendu - 8, 0) * 1.5)
                                      * 52 / 12)


def test_salaire_indique_taux_horaire_deduit():
    b = bareme("2026-03-01")
    heures, paie = heures_supplementaires(b, 39, 2600.0)
    assert heures == pytest.approx(HEURES_39)
    taux = 2600.0 / (b.heures + HEURES_39 * 1.25)
    assert paie == pytest.approx(taux * HEURES_39 * 1.25)


def test_rien_a_35_heures_et_en_dessous():
    for h in (35, 24, 20):
        m = _mois(heures_hebdo=h)["mois"][0]
        assert m["deduction_heures_supplementaires"] == 0.0


def test_explications_des_heures_sup():
    r = _mois()
    assert "déduction forfaitaire" in r["explications"]["cout_employeur"]["formule"]
    ids = {p["id"] for p in r["explications"]["cout_employeur"]["parametres"]}
    assert "heures_supplementaires.deduction_forfaitaire_patronale" in ids
    ids_net = {p["id"] for p in r["explications"]["salaire_net"]["parametres"]}
    assert "heures_supplementaires.reduction_salariale_taux_max" in ids_net


def test_les_majorations_viennent_des_parametres(tmp_path, monkeypatch):
    """No legal number in the prose: the overtime premiums in the explanation are the values in
    force; another value in a copy of the parameters changes both the figure and the text."""
    import json

    from diese.simulation import parametres as p

    texte = simuler({"date_embauche": "2026-03-01", "heures_hebdo": 39}).en_dict()[
        "explications"]["salaire_brut"]["formule"]
    assert "majorées de 25\u00a0% pour les 8 premières, de 50\u00a0% au-delà" in texte
    brut = json.loads(p.FICHIER.read_text(encoding="utf-8"))
    valeur = brut["parametres"]["heures_supplementaires.majorations"]["valeurs"][-1]["valeur"]
    valeur["premier_taux"] = 0.1
    copie = tmp_path / "parametres.json"
    copie.write_text(json.dumps(brut), encoding="utf-8")
    monkeypatch.setattr(p, "FICHIER", copie)
    p.tous.cache_clear()
    bareme.cache_clear() if hasattr(bareme, "cache_clear") else None
    try:
        r = simuler({"date_embauche": "2026-03-01", "heures_hebdo": 39}).en_dict()
        assert "majorées de 10\u00a0% pour les 8 premières" in r["explications"]["salaire_brut"][
            "formule"]
    finally:
        p.tous.cache_clear()
        bareme.cache_clear() if hasattr(bareme, "cache_clear") else None
