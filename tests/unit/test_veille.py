"""The law watch's comparison logic on fixtures (the real run needs the registries and is never
part of the tests): openfisca files by values or bracket, modele-social's percentages, changes
on either side between our dates, `depuis`, and values past their confirmation date."""

from __future__ import annotations

import datetime as dt
import json

from diese.veille import cli, comparaison
from diese.veille.comparaison import Ecart, comparer, comparer_ponctuel


def test_valeur_en_vigueur_le_jour_meme_et_la_veille() -> None:
    table = {"2024-01-01": 0.002, "2024-07-01": 0.0025}
    assert comparaison.en_vigueur(table, "2024-06-30") == 0.002
    assert comparaison.en_vigueur(table, "2024-07-01") == 0.0025
    assert comparaison.en_vigueur(table, "2023-12-31") is None


def test_un_changement_chez_eux_seulement_est_vu_a_sa_date() -> None:
    nos = {"2024-01-01": 0.002}
    leurs = {"2024-01-01": 0.002, "2025-03-01": 0.0025}
    assert comparer("ags", "of", nos, leurs, "2026-12-01") == [
        Ecart("ags", "of", "2025-03-01", 0.002, 0.0025)]


def test_un_ecart_qui_dure_est_dit_une_fois_puis_sa_fin() -> None:
    nos = {"2024-01-01": 0.2, "2024-07-01": 0.25}
    leurs = {"2024-01-01": 0.2}
    assert [e.date for e in comparer("x", "of", nos, leurs, "2026-12-01")] == ["2024-07-01"]


def test_les_arrondis_ne_sont_pas_des_ecarts() -> None:
    assert comparer("x", "of", {"2024-01-01": 0.3}, {"2024-01-01": 0.1 * 3}, "2026-12-01") == []


def test_depuis_ignore_ce_que_la_reference_n_a_pas_avant() -> None:
    nos = {"2020-01-01": 50}
    leurs = {"2026-01-01": 50}
    assert comparer("seuil", "of", nos, leurs, "2026-12-01")[0].date == "2024-01-01"
    assert comparer("seuil", "of", nos, leurs, "2026-12-01", debut="2026-01-01") == []


def test_fichier_openfisca_par_valeurs_ou_par_tranche() -> None:
    par_valeurs = {"values": {dt.date(2026, 1, 1): {"value": 12.02}}}
    assert comparaison.valeurs_openfisca(par_valeurs, None) == {"2026-01-01": 12.02}
    bareme = {"brackets": [
        {"threshold": {}, "rate": {dt.date(2019, 1, 1): {"value": 0.0472}}},
        {"threshold": {}, "rate": {dt.date(2019, 1, 1): {"value": 0.1295}}}]}
    assert comparaison.valeurs_openfisca(bareme, 1) == {"2019-01-01": 0.1295}


def test_modele_social_en_pourcent_ramene_a_un() -> None:
    assert comparaison.valeur_modele_social(0.25, {"numerators": ["%"]}) == 0.0025
    assert comparaison.valeur_modele_social(12.02, {"numerators": ["€"]}) == 12.02
    ecarts = comparer_ponctuel("ags", "ms", {"2024-07-01": 0.0025},
                               {"2024-07-01": 0.0025, "2026-01-01": 0.003})
    assert ecarts == [Ecart("ags", "ms", "2026-01-01", 0.0025, 0.003)]


def test_valeurs_perimees() -> None:
    perimes = comparaison.perimes({"a": "2026-07-01", "b": "2026-12-01"}, "2026-12-01")
    assert [p.ident for p in perimes] == ["a"]


def test_rapport_et_resume_enregistre(tmp_path) -> None:
    resultat = {
        "date": "2026-12-01", "versions": {"openfisca-france": "1", "modele-social": "2"},
        "compares": 3, "ecarts": [Ecart("ags", "of 1", "2024-07-01", 0.0025, 0.002)],
        "absents": ["x : introuvable"], "perimes": comparaison.perimes({"a": "2026-01-01"},
                                                                         "2026-12-01"),
    }
    texte = comparaison.texte(resultat["date"], resultat["versions"], resultat["ecarts"],
                              resultat["absents"], resultat["perimes"], resultat["compares"])
    assert "ags au 2024-07-01 : nous 0.0025, of 1 0.002" in texte
    assert "Introuvables dans les références (1)" in texte and "a : confirmé jusqu’au" in texte
    cible = tmp_path / "derniere-veille.json"
    cli.enregistrer(resultat, cible)
    assert json.loads(cible.read_text(encoding="utf-8")) == {
        "date": "2026-12-01", "versions": {"openfisca-france": "1", "modele-social": "2"},
        "parametres_compares": 3, "ecarts": 1, "perimes": 1}


def test_chaque_correspondance_nomme_un_de_nos_parametres() -> None:
    from diese.contenu.validation import lire_yaml
    from diese.simulation.parametres import tous
    correspondances = lire_yaml(cli.CORRESPONDANCES)
    assert set(correspondances) <= set(tous())
    for cibles in correspondances.values():
        assert set(cibles) <= {"openfisca", "modele_social", "depuis"}


def test_phrase_de_la_page_methode(tmp_path) -> None:
    from diese.veille.affichage import phrase_derniere_veille
    assert phrase_derniere_veille(tmp_path / "absent.json") == "Aucune veille n’a encore été faite."
    fichier = tmp_path / "v.json"
    fichier.write_text(json.dumps({"date": "2026-12-01", "versions": {"openfisca-france": "1"},
                                   "parametres_compares": 45, "ecarts": 1, "perimes": 3}))
    assert phrase_derniere_veille(fichier) == (
        "Dernière veille le 1er décembre 2026, contre openfisca-france 1 : 45 paramètres "
        "comparés, 1 écart à examiner.")
