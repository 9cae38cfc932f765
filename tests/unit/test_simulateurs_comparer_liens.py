"""Each option of the comparison links to the « coût d’une embauche » page filled in for it: that
page, given the link's query as its form would read it, computes the option's very totals."""

from __future__ import annotations

import json
import re
from html import unescape
from urllib.parse import parse_qsl, urlsplit

import pytest
from diese.simulateurs import rendu
from diese.simulation.api import executer
from diese.simulation.champs import CHAMPS_SIMULER

TYPES = {c["nom"]: c["type"] for c in CHAMPS_SIMULER}


def lancer(commande: str, entree: dict):
    sortie = json.loads(executer(commande, json.dumps(entree)))
    assert sortie["ok"], sortie
    return sortie["resultat"]


def entree_du_lien(lien: str) -> dict:
    """What the page's form sends the engine for this query (fields absent keep their defaults)."""
    entree = {}
    for nom, texte in parse_qsl(urlsplit(lien).query):
        assert nom in TYPES, nom  # only fields the page has
        type_ = TYPES[nom]
        entree[nom] = (texte == "1" if type_ == "booleen" else int(texte) if type_ == "entier"
                       else float(texte) if type_ == "decimal" else texte)
    return entree


@pytest.mark.parametrize(("profil", "employeur"), [
    ({"age": 19}, {"date_embauche": "2026-11-26"}),
    ({"date_naissance": "1979-03-14", "demandeur_emploi": True, "residence_qpv": True},
     {"date_embauche": "2026-07-01", "effectif": 60, "horizon_mois": 24, "heures_hebdo": 28}),
    ({"age": 24, "rqth": True, "niveau_diplome": 6},
     {"date_embauche": "2026-09-01", "effectif": 300, "ratio_alternants": 6,
      "mutuelle_part_employeur": 45}),
])
def test_chaque_option_mene_a_son_detail(profil, employeur) -> None:
    options = lancer("comparer", {"profil": profil, "employeur": employeur})
    html = rendu.rendre("comparer", options)
    liens = {c: unescape(h) for h, c in
             re.findall(r'<a href="(\.\./cout-embauche/\?[^"]+)" data-contrat="([^"]+)"', html)}
    salaries = [o for o in options if o["eligible"] and o["contrat"] != "stage"]
    assert salaries and set(liens) == {o["contrat"] for o in salaries}
    for o in salaries:
        r = lancer("simuler", entree_du_lien(liens[o["contrat"]]))
        assert r["totaux"] == o["totaux"], o["contrat"]
