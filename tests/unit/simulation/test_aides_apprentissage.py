"""Apprentice hiring aid by the contract's date: every window boundary (day before, day of, day
after) through `simuler`, the commitment of companies of 250 or more, and the day pro rata of
contracts under a year (décret 2025-1031)."""

from __future__ import annotations

import pytest
from diese.simulation import ErreurSaisie, simuler
from diese.simulation.parametres import tous

PETITE, GRANDE = 11, 300


def aide(jour: str, niveau: int = 4, effectif: int = PETITE, duree: int = 12, **autres) -> dict:
    entree = {"date_embauche": jour, "contrat": "apprentissage", "age": 20, "duree_mois": duree,
              "niveau_diplome": niveau, "effectif": effectif, **autres}
    return simuler(entree).en_dict()


def total(jour: str, **kw) -> float:
    return aide(jour, **kw)["totaux"]["aides"]


ENGAGE = {"engagement_alternance": "5_pourcent"}

# (day, level, headcount, extra input) -> aid; three days around each boundary.
BORNES = [
    # 31/12/2024 -> 01/01/2025: the exceptional aid (décret 2022-1714) ends, the aide unique stays.
    ("2024-12-31", 6, PETITE, {}, 6000), ("2025-01-01", 6, PETITE, {}, 0),
    ("2025-01-02", 6, PETITE, {}, 0),
    ("2024-12-31", 4, GRANDE, ENGAGE, 6000), ("2025-01-01", 4, GRANDE, ENGAGE, 0),
    ("2025-01-02", 4, GRANDE, ENGAGE, 0),
    ("2024-12-31", 4, PETITE, {}, 6000), ("2025-01-01", 4, PETITE, {}, 6000),
    ("2025-01-02", 4, PETITE, {}, 6000),
    # 23/02/2025 -> 24/02/2025: décret 2025-174 (aide unique 5 000 €, exceptional aid again).
    ("2025-02-23", 4, PETITE, {}, 6000), ("2025-02-24", 4, PETITE, {}, 5000),
    ("2025-02-25", 4, PETITE, {}, 5000),
    ("2025-02-23", 6, PETITE, {}, 0), ("2025-02-24", 6, PETITE, {}, 5000),
    ("2025-02-25", 6, PETITE, {}, 5000),
    ("2025-02-23", 4, GRANDE, ENGAGE, 0), ("2025-02-24", 4, GRANDE, ENGAGE, 2000),
    ("2025-02-25", 4, GRANDE, ENGAGE, 2000),
    ("2025-02-23", 4, PETITE, {"rqth": True}, 6000),
    ("2025-02-24", 4, PETITE, {"rqth": True}, 6000),
    ("2025-02-24", 7, GRANDE, {"rqth": True, **ENGAGE}, 6000),
    # 31/12/2025 -> 01/01/2026: only the aide unique (communiqué of 26/12/2025).
    ("2025-12-31", 6, PETITE, {}, 5000), ("2026-01-01", 6, PETITE, {}, 0),
    ("2026-01-02", 6, PETITE, {}, 0),
    ("2025-12-31", 4, GRANDE, ENGAGE, 2000), ("2026-01-01", 4, GRANDE, ENGAGE, 0),
    ("2026-01-02", 4, GRANDE, ENGAGE, 0),
    ("2025-12-31", 4, PETITE, {}, 5000), ("2026-01-01", 4, PETITE, {}, 5000),
    ("2026-01-02", 4, PETITE, {}, 5000),
    ("2026-01-01", 4, PETITE, {"rqth": True}, 6000), ("2026-01-01", 6, PETITE, {"rqth": True}, 0),
    ("2026-01-01", 4, GRANDE, {"rqth": True, **ENGAGE}, 0),
    # 07/03/2026 -> 08/03/2026: décret 2026-168.
    ("2026-03-07", 5, PETITE, {}, 0), ("2026-03-08", 5, PETITE, {}, 4500),
    ("2026-03-09", 5, PETITE, {}, 4500),
    ("2026-03-07", 6, PETITE, {}, 0), ("2026-03-08", 6, PETITE, {}, 2000),
    ("2026-03-09", 7, PETITE, {}, 2000),
    ("2026-03-07", 4, GRANDE, ENGAGE, 0), ("2026-03-08", 4, GRANDE, ENGAGE, 2000),
    ("2026-03-09", 4, GRANDE, ENGAGE, 2000),
    ("2026-03-08", 5, GRANDE, ENGAGE, 1500), ("2026-03-08", 6, GRANDE, ENGAGE, 750),
    ("2026-03-08", 7, GRANDE, ENGAGE, 750),
    ("2026-03-07", 6, PETITE, {"rqth": True}, 0), ("2026-03-08", 6, PETITE, {"rqth": True}, 6000),
    ("2026-03-08", 7, GRANDE, {"rqth": True, **ENGAGE}, 6000),
    ("2026-03-08", 4, PETITE, {}, 5000),
    # 31/12/2026 -> 01/01/2027: the decree covers contracts starting before 2027.
    ("2026-12-31", 6, PETITE, {}, 2000), ("2027-01-01", 6, PETITE, {}, 0),
    ("2027-01-02", 6, PETITE, {}, 0),
    ("2026-12-31", 4, GRANDE, ENGAGE, 2000), ("2027-01-01", 4, GRANDE, ENGAGE, 0),
    ("2027-01-02", 4, GRANDE, ENGAGE, 0),
    ("2026-12-31", 4, PETITE, {}, 5000), ("2027-01-01", 4, PETITE, {}, 5000),
    ("2027-01-02", 4, PETITE, {"rqth": True}, 6000),
]


@pytest.mark.parametrize(("jour", "niveau", "effectif", "autres", "attendu"), BORNES,
                         ids=[f"{b[0]}-niv{b[1]}-{b[2]}sal-{len(b[3])}-{b[4]}" for b in BORNES])
def test_aide_par_fenetre(jour, niveau, effectif, autres, attendu):
    r = aide(jour, niveau, effectif, **autres)
    assert r["totaux"]["aides"] == pytest.approx(attendu, abs=0.011)
    assert (r["aides"] == []) is (attendu == 0)


def test_debut_2023_dans_les_parametres():
    """The simulator starts in 2024; the 2023 window is in the parameters from its first day."""
    p = tous()["apprentissage.aide_embauche"]
    assert p.valeur("2022-12-31") is None
    assert p.valeur("2023-01-01")["aide_exceptionnelle"]["moins_250"]["7"] == 6000
    assert p.valeur("2023-01-02")["aide_unique"]["montant"] == 6000


@pytest.mark.parametrize(("jour", "motif"), [
    ("2025-01-01", "24 février 2025"), ("2026-01-01", "26 décembre 2025"),
    ("2027-01-01", "nouveau décret")])
def test_avertissement_sans_aide_exceptionnelle(jour, motif):
    r = aide(jour, niveau=6)
    assert r["aides"] == []
    texte = next(a["texte"] for a in r["avertissements"]
                 if a["texte"].startswith("Aucune aide à l’embauche"))
    assert motif in texte and "niveau 6" in texte


def test_lignes_du_tableau_de_l_issue():
    assert total("2025-02-01", niveau=4, effectif=11) == 6000
    assert total("2026-02-01", niveau=6, effectif=20) == 0
    assert total("2026-02-01", niveau=4, effectif=300) == 0
    r = aide("2027-02-01", niveau=6)
    assert r["totaux"]["aides"] == 0
    assert any("un nouveau décret" in a["texte"] for a in r["avertissements"])


def test_engagement_ou_part_d_alternants():
    assert total("2026-04-01", niveau=5, effectif=GRANDE) == 0
    assert total("2026-04-01", niveau=5, effectif=GRANDE, ratio_alternants=5) == 1500
    assert total("2026-04-01", niveau=5, effectif=GRANDE, ratio_alternants=4.9) == 0
    assert total("2026-04-01", niveau=5, effectif=GRANDE,
                 engagement_alternance="3_pourcent_et_condition") == 1500
    assert total("2026-04-01", niveau=5, effectif=GRANDE, engagement_alternance="aucun") == 0
    r = aide("2026-04-01", niveau=5, effectif=GRANDE)
    explications = r["explications"]["aides"]["notes"]
    assert any("5 % d’alternants" in n and "3 %" in n for n in explications)


@pytest.mark.parametrize("valeur", ["beaucoup", ["5_pourcent"], 5, True])
def test_engagement_inconnu_refuse(valeur):
    with pytest.raises(ErreurSaisie) as exc:
        aide("2026-04-01", effectif=GRANDE, engagement_alternance=valeur)
    assert exc.value.erreurs[0]["champ"] == "engagement_alternance"


def test_part_d_alternants_saisie_en_fraction():
    r = aide("2026-04-01", niveau=4, effectif=GRANDE, ratio_alternants=0.05)
    assert r["totaux"]["aides"] == 0
    assert any(a["texte"].startswith("Vous avez saisi 0,05 % d’alternants : vouliez-vous dire "
                                     "5 % ?") for a in r["avertissements"])
    # Not asked when the share does not decide the aid.
    for autre in (aide("2026-04-01", niveau=4, effectif=PETITE, ratio_alternants=0.05),
                  aide("2026-04-01", niveau=4, effectif=GRANDE, ratio_alternants=0.05,
                       **ENGAGE)):
        assert not any("vouliez-vous dire" in a["texte"] for a in autre["avertissements"])


def test_doctorat_jamais_aide():
    for jour in ("2024-06-01", "2025-03-01", "2026-04-01"):
        r = aide(jour, niveau=8)
        assert r["aides"] == [] and not any("Aucune aide" in a["texte"]
                                                               for a in r["avertissements"])


def test_premiere_annee_seulement():
    r = aide("2026-04-01", duree=24)
    assert r["totaux"]["aides"] == 5000
    assert all(m["aides"] == 0 for m in r["mois"][12:])


# --- Day pro rata (décret 2025-1031, from 01/11/2025) ----------------------------------------

MENSUEL = 5000 / 12


@pytest.mark.parametrize(("jour", "mois_payes"), [
    # 31/10/2025 -> 30/04/2026: concluded before the decree, first month due in full; the last
    # month (29 days of April) is pro rata, the contract running on 01/11/2025.
    ("2025-10-31", 1 + 5 + 29 / 30),
    # A contract starting on the 1st covers whole calendar months.
    ("2025-11-01", 6),
    # 02/11/2025 -> 01/05/2026: 29 days of November, 5 whole months, 1 day of May.
    ("2025-11-02", 29 / 30 + 5 + 1 / 31),
    # Before the decree, ending before it too: every month begun counts in full.
    ("2025-03-15", 7),
])
def test_prorata_des_jours_contrat_de_six_mois(jour, mois_payes):
    r = aide(jour, duree=6)
    assert r["totaux"]["aides"] == pytest.approx(MENSUEL * mois_payes, abs=0.03)
    assert sum(1 for m in r["mois"] if m["aides"]) == 6


def test_prorata_premier_et_dernier_mois():
    r = aide("2026-04-15", duree=6)
    assert r["mois"][0]["aides"] == pytest.approx(MENSUEL * 16 / 30, abs=0.01)
    assert r["mois"][2]["aides"] == pytest.approx(MENSUEL, abs=0.01)
    assert r["mois"][5]["aides"] == pytest.approx(MENSUEL * (1 + 14 / 31), abs=0.01)
    assert "prorata des jours" in r["aides"][0]["conditions"]


def test_contrat_d_un_an_ou_plus_sans_prorata():
    assert total("2026-04-15", duree=12) == 5000
    assert total("2026-04-15", duree=18) == 5000
