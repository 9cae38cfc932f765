from __future__ import annotations

import html.parser
import shutil

import pytest
from diese.__main__ import main as diese_main
from diese.formulaires import pages
from diese.formulaires.cli import main
from diese.formulaires.definition import DOSSIER, ORDRE, champs_remplissables
from diese.formulaires.fichiers import taille_lisible
from diese.formulaires.html import generer_html


def test_la_commande_ecrit_quinze_fichiers(tmp_path, capsys) -> None:
    assert main(["--sortie", str(tmp_path)]) == 0
    fichiers = sorted(p.name for p in tmp_path.iterdir())
    assert len(fichiers) == 15
    assert fichiers[:3] == ["evaluation-stage.docx", "evaluation-stage.odt", "evaluation-stage.pdf"]
    assert all((tmp_path / nom).stat().st_size > 1000 for nom in fichiers)
    assert "15 fichiers écrits" in capsys.readouterr().out


def test_python_m_diese_formulaires(tmp_path) -> None:
    assert diese_main(["formulaires", "--sortie", str(tmp_path)]) == 0
    assert len(list(tmp_path.iterdir())) == 15


def test_une_definition_cassee_fait_echouer_la_commande(tmp_path, capsys) -> None:
    definitions = tmp_path / "definitions"
    shutil.copytree(DOSSIER, definitions)
    fichier = definitions / "fiche-accueil.yml"
    texte = fichier.read_text(encoding="utf-8")
    fichier.write_text(texte.replace("type: texte_long", "type: zone"), encoding="utf-8")
    assert main(["--sortie", str(tmp_path / "sortie"), "--definitions", str(definitions)]) == 1
    erreur = capsys.readouterr().err
    assert "fiche-accueil.yml" in erreur and "(« adresse »)" in erreur


class _Controles(html.parser.HTMLParser):
    """Collects form controls, labels' targets and fieldsets' legends."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.cibles: set[str] = set()
        self.noms: set[str] = set()
        self.interdits: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        a = dict(attrs)
        if tag in {"input", "textarea", "select"}:
            self.ids.append(a["id"])
            self.noms.add(a["name"])
        if tag == "label":
            self.cibles.add(a["for"])
        if tag == "form" and ("action" in a or "method" in a):
            self.interdits.append("form action")
        if tag == "button" and a.get("type") != "button":
            self.interdits.append("submit button")
        if any(k.startswith("on") or k == "style" for k in a):
            self.interdits.append(f"{tag} inline handler/style")


@pytest.mark.parametrize("ident", ORDRE)
def test_html_chaque_controle_a_son_label_et_son_nom_pdf(ident, definitions) -> None:
    analyse = _Controles()
    analyse.feed(generer_html(definitions[ident]))
    assert len(analyse.ids) == len(set(analyse.ids))
    assert set(analyse.ids) <= analyse.cibles
    assert analyse.noms == {c.nom for c in champs_remplissables(definitions[ident])}
    assert analyse.interdits == []


def test_html_sans_ligne_vide_pour_markdown(definitions) -> None:
    assert "\n" not in generer_html(definitions["questionnaire-etat-des-lieux"])


def test_lien_depuis_une_page_du_guide() -> None:
    lien = pages.lien("evaluation-stage", "guide/fiches-outils.md")
    assert lien.startswith("[Évaluation de stage](../ressources/formulaires/evaluation-stage.md)")
    assert "(../ressources/formulaires/fichiers/evaluation-stage.pdf)" in lien
    annexe = "guide/annexes/questionnaire-etat-des-lieux.md"
    encart = pages.encart("questionnaire-etat-des-lieux", annexe)
    assert "(../../ressources/formulaires/questionnaire-etat-des-lieux.md)" in encart


def test_liste_des_telechargements_avec_tailles() -> None:
    bloc = pages.liste("ressources/formulaires/index.md")
    assert bloc.count("](fichiers/") == 15
    assert bloc.count("## ") == 5
    assert " ko)](fichiers/evaluation-stage.pdf)" in bloc


def test_formulaire_inconnu() -> None:
    with pytest.raises(KeyError, match="formulaire inconnu"):
        pages.lien("fiche-inexistante", "index.md")


def test_tailles_en_francais() -> None:
    assert taille_lisible(300) == "1 ko"
    assert taille_lisible(42_300) == "41 ko"
    assert taille_lisible(1_400_000) == "1,3 Mo"
