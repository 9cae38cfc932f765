from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from diese.contenu.validation import ErreurDonnees
from diese.formulaires.definition import (
    DOSSIER,
    champs_remplissables,
    charger_definition,
    charger_definitions,
    libelles,
)
from diese.formulaires.definition import ORDRE as IDS


def test_les_cinq_formulaires_dans_l_ordre_de_la_page(definitions) -> None:
    assert tuple(definitions) == IDS


def test_ni_cfas_ni_clermont_ce_sont_des_champs(definitions) -> None:
    for definition in definitions.values():
        texte = yaml.safe_dump(definition, allow_unicode=True)
        assert "CFAS" not in texte and "Clermont" not in texte, definition["id"]
    evaluation = {c.nom for c in champs_remplissables(definitions["evaluation-stage"])}
    assert {"organisme", "lieu", "date"} <= evaluation


def test_evaluation_reprend_les_rubriques_du_guide(definitions) -> None:
    textes = libelles(definitions["evaluation-stage"])
    for attendu in (
        "Entreprise d’accueil", "Secteur d’activité", "Nom du responsable", "Nom du tuteur",
        "Nom du stagiaire", "Poste occupé", "Nom du formateur référent", "Stage n°",
        "Objectif général", "Présentation", "Ponctualité", "Assiduité",
        "Savoir-vivre / politesse", "Intégration dans l’équipe", "Communication",
        "Respect des consignes", "Acceptation des remarques / écoute",
        "Adhésion spontanée au travail", "Tâches réalisées", "Matériel utilisé",
        "Conseillez-vous à ce jeune de poursuivre dans ce métier ?", "Pourquoi ?",
        "Existe-t-il des perspectives d’emploi pour ce jeune dans votre entreprise ?",
        "Fait à",
    ):
        assert attendu in textes, attendu
    comportement = [c for c in champs_remplissables(definitions["evaluation-stage"])
                    if c.nom.startswith("comportement_") and c.type == "radio"]
    assert len(comportement) == 8


def test_suivi_apprenti_garde_les_en_tetes_verticaux(definitions) -> None:
    (journal,) = [c for s in definitions["fiche-suivi-apprenti"]["sections"]
                  for c in s["champs"] if c["type"] == "tableau"]
    assert [c["libelle"] for c in journal["colonnes"]] == [
        "Date", "Intervenant", "Négociation", "Accompagnement", "Liaison", "Suivi",
        "Post-formation", "Contact", "Commentaires",
    ]
    assert journal["lignes"] >= 26  # a contact every fortnight for a year


def test_questionnaire_a_ses_trois_themes_et_la_page_de_garde(definitions) -> None:
    questionnaire = definitions["questionnaire-etat-des-lieux"]
    parties = {s.get("partie") for s in questionnaire["sections"]} - {None}
    assert {"Sensibilisation des entreprises", "Accompagnement & suivi dans l’entreprise",
            "Accompagnement social des stagiaires", "Résultats et produits attendus"} == parties
    assert questionnaire["introduction"][0] == "Madame, Monsieur,"


def _copie(tmp_path: Path, ident: str = "evaluation-stage") -> tuple[Path, dict]:
    cible = tmp_path / f"{ident}.yml"
    shutil.copy(DOSSIER / f"{ident}.yml", cible)
    return cible, yaml.safe_load(cible.read_text(encoding="utf-8"))


def _ecrire(chemin: Path, donnees: dict) -> None:
    chemin.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")


def test_un_libelle_manquant_nomme_fichier_et_champ(tmp_path) -> None:
    chemin, donnees = _copie(tmp_path)
    del donnees["sections"][0]["champs"][3]["libelle"]
    _ecrire(chemin, donnees)
    with pytest.raises(ErreurDonnees) as erreur:
        charger_definition(chemin)
    message = str(erreur.value)
    assert str(chemin) in message
    assert "sections[0].champs[3] (« secteur »)" in message
    assert "libelle" in message


def test_un_type_inconnu_est_refuse(tmp_path) -> None:
    chemin, donnees = _copie(tmp_path)
    donnees["sections"][1]["champs"][0]["colonnes"][0]["type"] = "curseur"
    _ecrire(chemin, donnees)
    with pytest.raises(ErreurDonnees, match=r"sections\[1\]\.champs\[0\] \(« comportement »\)"):
        charger_definition(chemin)


def test_un_choix_sans_options_est_refuse(tmp_path) -> None:
    chemin, donnees = _copie(tmp_path)
    del donnees["sections"][5]["champs"][0]["options"]
    _ecrire(chemin, donnees)
    with pytest.raises(ErreurDonnees, match="options"):
        charger_definition(chemin)


def test_un_identifiant_en_double_est_refuse(tmp_path) -> None:
    chemin, donnees = _copie(tmp_path)
    donnees["sections"][0]["champs"][1]["id"] = "entreprise"
    _ecrire(chemin, donnees)
    with pytest.raises(ErreurDonnees, match="« entreprise » déjà utilisé"):
        charger_definition(chemin)


def test_l_identifiant_est_le_nom_du_fichier(tmp_path) -> None:
    chemin, donnees = _copie(tmp_path)
    donnees["id"] = "autre"
    _ecrire(chemin, donnees)
    with pytest.raises(ErreurDonnees, match="champ id"):
        charger_definition(chemin)


def test_un_dossier_vide_est_une_erreur(tmp_path) -> None:
    with pytest.raises(ErreurDonnees, match="aucune définition"):
        charger_definitions(tmp_path)
