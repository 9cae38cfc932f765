"""Properties over random input (hypothesis): no exception but ErreurSaisie, cost never negative,
reduction between 0 and contributions, cost non-decreasing in gross pay, aids within the law."""

from __future__ import annotations

import datetime as dt
import json
import os

from diese.simulation import ErreurSaisie, calculer_oeth, comparer, simuler
from diese.simulation.alertes_paie import NET_NEGATIF
from diese.simulation.api import executer
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

# The most each aid can pay in total (law): apprenticeship 6 000 €, professionalisation 2 000 €
# (45+) or 6 000 € (exceptional aid, to 30/04/2024), emploi franc 3 × 5 000 € (CDI).
PLAFONDS_AIDES = {"aide_apprentissage": 6000.0, "aide_professionnalisation_45_ans": 2000.0,
                  "aide_professionnalisation_exceptionnelle": 6000.0, "emploi_franc": 15000.0}
CONTRATS = ["cdi", "cdd", "apprentissage", "professionnalisation", "stage"]

valeurs_libres = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**6), st.floats(allow_nan=True),
    st.text(max_size=12), st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2))
cles = st.sampled_from([
    "date_embauche", "contrat", "duree_mois", "salaire_brut_mensuel", "heures_hebdo", "effectif",
    "age", "date_naissance", "niveau_diplome", "rqth", "demandeur_emploi", "residence_qpv",
    "beneficiaire_rsa", "ratio_alternants", "taux_at_mp", "mutuelle_part_employeur",
    "taux_versement_mobilite", "engagement_alternance", "inconnu"])

situations_valides = st.fixed_dictionaries(
    {
        "date_embauche": st.dates(dt.date(2024, 1, 1), dt.date(2030, 12, 31)).map(
            dt.date.isoformat),
        "contrat": st.sampled_from(CONTRATS),
        "effectif": st.integers(0, 5000),
        "age": st.integers(16, 70),
    },
    optional={
        "duree_mois": st.integers(1, 48),
        "heures_hebdo": st.floats(1, 48),
        "niveau_diplome": st.integers(3, 8),
        "rqth": st.booleans(),
        "demandeur_emploi": st.booleans(),
        "residence_qpv": st.booleans(),
        "beneficiaire_rsa": st.booleans(),
        "ratio_alternants": st.floats(0, 100),
        "engagement_alternance": st.sampled_from(["aucun", "5_pourcent",
                                                  "3_pourcent_et_condition"]),
        "taux_at_mp": st.floats(0, 30),
        "mutuelle_part_employeur": st.floats(0, 300),
        "taux_versement_mobilite": st.floats(0, 5),
        "salaire_brut_mensuel": st.floats(0, 20000),
    },
)

# DIESE_HYPOTHESIS_EXEMPLES=5000 for a deeper search than the everyday run.
reglages = settings(max_examples=int(os.environ.get("DIESE_HYPOTHESIS_EXEMPLES", "150")),
                    deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _simuler(situation):
    try:
        return simuler(situation).en_dict()
    except ErreurSaisie as exc:
        assert exc.erreurs and all(set(e) == {"champ", "message"} for e in exc.erreurs)
        assert all(isinstance(e["message"], str) and e["message"] for e in exc.erreurs)
        return None


@reglages
@given(st.dictionaries(cles, valeurs_libres, max_size=6))
def test_aucune_exception_hors_erreur_de_saisie(entree):
    _simuler(entree)
    reponse = json.loads(executer("simuler", json.dumps(entree, default=str)))
    assert isinstance(reponse["ok"], bool)


@reglages
@given(st.one_of(st.text(max_size=40), st.binary(max_size=20).map(lambda b: b.decode("latin-1"))),
       st.sampled_from(["simuler", "comparer", "oeth", "champs", "autre"]))
def test_le_pont_ne_leve_jamais(texte, commande):
    reponse = json.loads(executer(commande, texte))
    assert reponse["ok"] in (True, False)
    if not reponse["ok"]:
        assert reponse["erreurs"] and "message" in reponse["erreurs"][0]


@reglages
@given(situations_valides)
def test_invariants(situation):
    r = _simuler(situation)
    if r is None:
        return
    assert r["mois"], "au moins un mois"
    codes = {a["code"] for a in r["avertissements"]}
    for m in r["mois"]:
        assert m["cout_employeur"] >= 0
        assert m["cout_net_aides"] >= -1e-9 or m["aides"] > 0  # aids may exceed one month's cost
        assert m["reduction_generale"] <= m["cotisations_patronales"] + 1e-9
        # A CDD's last month regularises the reduction on the whole pay, indemnity included
        # (D241-7 CSS): it may take back part of the earlier months' reduction.
        assert m["reduction_generale"] >= 0 or (r["situation"]["contrat"] == "cdd"
                                                and m is r["mois"][-1])
        assert m["salaire_net"] <= m["salaire_brut"] + 1e-9
        # A few hours a week with a large employer's mutuelle share (whose CSG/CRDS the employee
        # pays) can make the net negative: never silently.
        assert m["salaire_net"] >= 0 or NET_NEGATIF in codes
    assert r["totaux"]["reduction_generale"] >= 0
    for aide in r["aides"]:
        assert 0 < aide["montant"] <= PLAFONDS_AIDES[aide["id"]] + 1e-6
        assert abs(sum(e["montant"] for e in aide["echeancier"]) - aide["montant"]) < 0.011
    assert abs(r["totaux"]["aides"] - sum(a["montant"] for a in r["aides"])) < 0.011
    json.dumps(r)
    for cle in ("salaire_brut", "cotisations_patronales", "reduction_generale", "cout_employeur",
                "aides", "cout_net_aides", "salaire_net"):
        assert cle in r["explications"]


@reglages
@given(situations_valides.filter(lambda s: s["contrat"] in {"cdi", "cdd"}),
       st.floats(0, 8000), st.floats(0, 8000))
def test_cout_croissant_avec_le_salaire(situation, a, b):
    bas, haut = sorted((a, b))
    r1 = _simuler({**situation, "salaire_brut_mensuel": bas})
    r2 = _simuler({**situation, "salaire_brut_mensuel": haut})
    if r1 is None or r2 is None:
        return
    for m1, m2 in zip(r1["mois"], r2["mois"], strict=True):
        assert m2["cout_employeur"] >= m1["cout_employeur"] - 0.011


@reglages
@given(st.dictionaries(st.sampled_from(["age", "rqth", "demandeur_emploi", "residence_qpv",
                                        "beneficiaire_rsa", "niveau_diplome", "inconnu"]),
                       valeurs_libres, max_size=4),
       st.dictionaries(st.sampled_from(["effectif", "ratio_alternants", "horizon_mois",
                                        "date_embauche"]), valeurs_libres, max_size=3))
def test_comparer_sans_exception(profil, employeur):
    try:
        options = comparer(profil, employeur)
    except ErreurSaisie:
        return
    assert [o.contrat for o in options] == CONTRATS
    for o in options:
        d = o.en_dict()
        assert d["eligible"] or d["raison"]
        json.dumps(d)


@reglages
@given(st.dictionaries(st.sampled_from(["effectif", "beneficiaires", "annee", "date",
                                        "aucune_action_depuis_3_ans", "x"]),
                       valeurs_libres, max_size=4))
def test_oeth_sans_exception(entree):
    try:
        r = calculer_oeth(entree).en_dict()
    except ErreurSaisie:
        return
    assert 0 <= r["contribution_apres_embauche"] <= r["contribution_actuelle"]
