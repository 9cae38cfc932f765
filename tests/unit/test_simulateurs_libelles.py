"""No label shown to users is a raw key: the contribution table, the warnings and the
explanations of a set of situations are rendered and their visible text scanned."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest
from diese.simulateurs import rendu
from diese.simulation.api import executer
from diese.simulation.paie import LIBELLES
from diese.simulation.parametres import tous
from diese.simulation.resultat import FIGURES, TITRES

SITUATIONS = [
    ("simuler", {"contrat": "cdd", "effectif": 300, "mutuelle_part_employeur": 60,
                 "duree_mois": 6, "date_embauche": "2026-03-01", "taux_versement_mobilite": 2}),
    ("simuler", {"contrat": "apprentissage", "age": 19, "effectif": 300, "ratio_alternants": 2,
                 "niveau_diplome": 6, "date_embauche": "2025-10-01", "duree_mois": 24}),
    ("simuler", {"contrat": "professionnalisation", "age": 47, "demandeur_emploi": True,
                 "date_embauche": "2026-06-01"}),
    ("simuler", {"contrat": "cdi", "salaire_brut_mensuel": 9000, "effectif": 2500,
                 "ratio_alternants": 0.5, "date_embauche": "2025-06-01", "duree_mois": 9}),
    ("simuler", {"contrat": "cdi", "demandeur_emploi": True, "residence_qpv": True,
                 "date_embauche": "2024-06-01", "rqth": True, "effectif": 25}),
    ("simuler", {"contrat": "stage", "date_embauche": "2026-09-01", "duree_mois": 2}),
    ("simuler", {"date_embauche": "2028-01-01", "duree_mois": 3}),
    ("comparer", {"profil": {"age": 24, "rqth": True, "demandeur_emploi": True},
                  "employeur": {"effectif": 300, "horizon_mois": 24}}),
    ("oeth", {"effectif": 260, "beneficiaires": 3}),
]

# Every key the engine uses: contributions, figures, explanations, parameter identifiers and
# their parts, the keys inside grids.
CLES = set(LIBELLES) | set(FIGURES) | set(TITRES)
for _ident, _p in tous().items():
    CLES.add(_ident)
    CLES.update(_ident.split("."))
    for _v in _p.valeurs:
        if isinstance(_v, dict):
            CLES.update(str(k) for k in _v)
CLES = {c for c in CLES if len(c) > 2 and not c.isdigit()}
BRUTES = CLES | {c.replace("_", " ") for c in CLES}


class Textes(HTMLParser):
    """Visible text of each table cell, heading, list item, term and paragraph."""

    BLOCS = {"td", "th", "li", "h2", "h3", "h4", "dt", "dd", "p", "caption", "summary"}

    def __init__(self) -> None:
        super().__init__()
        self.piles: list[list[str]] = []
        self.textes: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        if tag in self.BLOCS:
            self.piles.append([])

    def handle_endtag(self, tag) -> None:
        if tag in self.BLOCS and self.piles:
            self.textes.append(" ".join("".join(self.piles.pop()).split()))

    def handle_data(self, data) -> None:
        for pile in self.piles:
            pile.append(data)


def textes_visibles(html: str) -> list[str]:
    lecteur = Textes()
    lecteur.feed(html)
    return lecteur.textes


def html_de(commande: str, entree: dict) -> str:
    sortie = json.loads(executer(commande, json.dumps(entree)))
    assert sortie["ok"], sortie
    return rendu.rendre(commande, sortie["resultat"])


@pytest.mark.parametrize(("commande", "entree"), SITUATIONS)
def test_aucune_cle_brute_a_l_ecran(commande, entree) -> None:
    textes = textes_visibles(html_de(commande, entree))
    assert textes
    for texte in textes:
        assert texte not in BRUTES, texte  # keys are lower case, labels capitalised
        # An identifier in running text: snake_case or a dotted parameter name.
        assert not re.search(r"\b[a-z0-9]+_[a-z0-9_]+\b", texte), texte
        assert not re.search(r"\b[a-z_]+\.[a-z_]+\.[a-z_]+\b", texte), texte


def test_la_table_des_cotisations_du_cdd_de_300_salaries() -> None:
    """The case of the issue: peec, csa apprentissage, cpf cdd, forfait social were shown raw."""
    html = html_de("simuler", SITUATIONS[0][1])
    table = html[html.index('<table class="diese-cotisations"'):]
    table = table[:table.index("</table>")]
    cellules = [t for t in textes_visibles(table) if not t.endswith("€")]
    for cle in ("peec", "csa_apprentissage", "cpf_cdd", "forfait_social"):
        assert f'data-cle="{cle}"' in table, cle
        assert LIBELLES[cle] in cellules
        assert cle.replace("_", " ") not in [c.lower() for c in cellules]


def test_chaque_cotisation_calculee_a_un_libelle() -> None:
    for commande, entree in SITUATIONS:
        if commande != "simuler" or entree.get("contrat") == "stage":
            continue
        r = json.loads(executer(commande, json.dumps(entree)))["resultat"]
        for m in r["mois"]:
            assert set(m["detail_cotisations"]) <= set(LIBELLES)
