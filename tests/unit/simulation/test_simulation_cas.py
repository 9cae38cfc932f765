"""Cases derived from the law, as data (donnees/cas.yml): every scheme and date boundary."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from diese.simulation import calculer_oeth, simuler

CAS = yaml.safe_load((Path(__file__).parent / "donnees" / "cas.yml").read_text(encoding="utf-8"))


def lire(resultat, chemin: str):
    valeur = resultat
    for morceau in chemin.split("."):
        valeur = valeur[int(morceau)] if isinstance(valeur, list) else valeur[morceau]
    return valeur


def test_les_cas_sont_complets():
    ids = [c["id"] for c in CAS]
    assert len(ids) == len(set(ids))
    for cas in CAS:
        assert cas.get("source"), cas["id"]
        assert cas.get("attendu"), cas["id"]


@pytest.mark.parametrize("cas", CAS, ids=[c["id"] for c in CAS])
def test_cas(cas):
    if cas.get("commande") == "oeth":
        resultat = calculer_oeth(cas["entree"]).en_dict()
    else:
        resultat = simuler(cas["entree"]).en_dict()
    for chemin, attendu in cas["attendu"].items():
        if chemin == "avertissement":
            assert any(attendu in a["texte"] for a in resultat["avertissements"]), (
                resultat["avertissements"])
        elif chemin == "aucune_aide":
            assert (resultat["aides"] == []) is attendu, resultat["aides"]
        elif isinstance(attendu, bool) or not isinstance(attendu, (int, float)):
            assert lire(resultat, chemin) == attendu, chemin
        else:
            obtenu = lire(resultat, chemin)
            assert obtenu == pytest.approx(attendu, abs=0.011), (chemin, cas["source"])
