"""Every number proven: each parameter value in force on or after 1 January 2024 carries its
evidence (the page read, an excerpt in its words, the day it was read) or says it is unverified;
a malformed piece of evidence fails the compilation with a French message naming file and
field."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from diese import parametres
from diese.contenu.validation import ErreurDonnees
from diese.parametres.documentation import DEBUT_PREUVES

FICHIERS = parametres.fichiers()


def _nom(fichier: Path) -> str:
    return fichier.relative_to(parametres.DOSSIER).as_posix()


def valeurs_a_prouver(compile_: dict) -> list[dict]:
    """The value in force on DEBUT_PREUVES (even if dated earlier) and every later one."""
    valeurs = compile_["valeurs"]
    avant = [i for i, v in enumerate(valeurs) if v["date"] <= DEBUT_PREUVES]
    debut = avant[-1] if avant else 0
    return valeurs[debut:]


def test_la_selection_suit_la_regle():
    valeurs = [{"date": d} for d in ("2019-01-01", "2023-05-01", "2024-11-01")]
    assert [v["date"] for v in valeurs_a_prouver({"valeurs": valeurs})] == [
        "2023-05-01", "2024-11-01"]
    valeurs = [{"date": d} for d in ("2023-05-01", "2024-01-01", "2025-01-01")]
    assert [v["date"] for v in valeurs_a_prouver({"valeurs": valeurs})] == [
        "2024-01-01", "2025-01-01"]
    valeurs = [{"date": "2026-01-01"}]
    assert [v["date"] for v in valeurs_a_prouver({"valeurs": valeurs})] == ["2026-01-01"]


@pytest.mark.parametrize("fichier", FICHIERS, ids=_nom)
def test_chaque_valeur_depuis_2024_a_sa_preuve(fichier: Path):
    compile_ = parametres.compiler_un(fichier)
    sans_preuve = [v["date"] for v in valeurs_a_prouver(compile_)
                   if not v["preuves"] and v["statut"] != "non_verifie"]
    assert not sans_preuve, (
        f"{_nom(fichier)} : valeurs sans preuves ni « statut: non_verifie » : "
        + ", ".join(sans_preuve))


@pytest.mark.parametrize("fichier", FICHIERS, ids=_nom)
def test_les_preuves_sont_bien_formees(fichier: Path):
    aujourd_hui = dt.date.today()
    for v in parametres.compiler_un(fichier)["valeurs"]:
        for preuve in v["preuves"]:
            lieu = f"{_nom(fichier)} {v['date']}"
            assert 10 <= len(preuve["extrait"]) <= 300, lieu
            assert preuve["extrait"] == preuve["extrait"].strip(), lieu
            assert dt.date.fromisoformat(preuve["consulte_le"]) <= aujourd_hui, lieu
            assert preuve["url"].startswith("https://") and len(preuve["titre"]) >= 3, lieu


PREUVE = ("    preuves:\n    - titre: Page lue\n      url: https://exemple.fr/page\n"
          "      extrait: Le taux est de 1 %, lu sur la page.\n      consulte_le: '2026-12-01'\n")


def _fichier_avec(tmp_path: Path, preuve: str) -> Path:
    """A small valid parameter file whose one dated value carries `preuve`."""
    fichier = tmp_path / "mensuel.yaml"
    fichier.write_text(
        "description: Plafond mensuel de test\nvalues:\n  '2026-01-01':\n    value: 4005\n"
        + preuve
        + "metadata:\n  unit: currency-EUR\n  reference:\n  - title: Arrêté de test\n"
        "    href: https://exemple.fr/arrete\n  last_value_still_valid_on: '2026-07-01'\n"
        "  statut: verifie\n  sources:\n  - essai\n", encoding="utf-8")
    return fichier


def test_une_preuve_bien_formee_est_compilee(tmp_path):
    compile_ = parametres.compiler_un(_fichier_avec(tmp_path, PREUVE))
    assert compile_["valeurs"][0]["preuves"][0]["extrait"] == "Le taux est de 1 %, lu sur la page."


@pytest.mark.parametrize(("remplacer", "par", "champ", "message"), [
    ("      extrait: Le taux est de 1 %, lu sur la page.\n", "      extrait: " + "x" * 301 + "\n",
     "preuves[0].extrait", "301 caractères"),
    ("      extrait: Le taux est de 1 %, lu sur la page.\n", "", "preuves[0].extrait",
     "manquant"),
    ("'2026-12-01'", "'2026-02-30'", "preuves[0].consulte_le", "date impossible"),
    ("'2026-12-01'", "'2999-01-01'", "preuves[0].consulte_le", "date future"),
    ("https://exemple.fr/page", "http://exemple.fr/page", "preuves[0].url", "https://"),
    ("      consulte_le: '2026-12-01'\n", "      consulte_le: '2026-12-01'\n      lu: oui\n",
     "preuves[0].lu", "champ inconnu"),
])
def test_une_preuve_mal_formee_est_refusee_en_francais(tmp_path, remplacer, par, champ,
                                                        message):
    fichier = _fichier_avec(tmp_path, PREUVE.replace(remplacer, par))
    with pytest.raises(ErreurDonnees) as exc:
        parametres.compiler_un(fichier)
    texte = str(exc.value)
    assert "mensuel.yaml" in texte and champ in texte and message in texte, texte


def test_une_liste_de_preuves_vide_est_refusee(tmp_path):
    fichier = _fichier_avec(tmp_path, "    preuves: []\n")
    with pytest.raises(ErreurDonnees, match=r"mensuel\.yaml : champ values\.[0-9-]+\.preuves"):
        parametres.compiler_un(fichier)


@pytest.mark.parametrize(("jour", "taux"), [
    ("2023-12-31", 0.0015), ("2024-01-01", 0.002), ("2024-01-02", 0.002),
    ("2024-06-30", 0.002), ("2024-07-01", 0.0025), ("2024-07-02", 0.0025),
])
def test_taux_ags_corrige_aux_bornes(jour, taux):
    """Corrected on 2026-12-01 from the AGS communiqués: 0.15 % until 31/12/2023, 0.20 % from
    1/1/2024 (it was 0.20 % from 1/7/2023 before), 0.25 % from 1/7/2024."""
    from diese.simulation.parametres import valeur

    assert valeur("cotisations.employeur.ags", jour) == taux
