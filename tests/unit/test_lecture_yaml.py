"""The one YAML reader refuses what can hurt (alias bombs, duplicate keys, non-UTF-8 bytes) and
says in French which file, which line and which field; a schema error is worded in French."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from diese.contenu.glossaire import FICHIER as GLOSSAIRE
from diese.contenu.glossaire import charger_glossaire
from diese.contenu.validation import RACINE, ErreurDonnees, lire_yaml

BOMBE = """\
a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]
b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]
c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]
d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]
e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]
f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]
g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]
h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]
"""


def _glossaire_avec(tmp_path: Path, ajout: str) -> Path:
    fichier = tmp_path / "glossaire.yml"
    fichier.write_text(GLOSSAIRE.read_text(encoding="utf-8") + ajout, encoding="utf-8")
    return fichier


def test_une_bombe_d_alias_est_refusee_a_la_premiere_ancre(tmp_path: Path) -> None:
    fichier = tmp_path / "glossaire.yml"
    fichier.write_text(BOMBE, encoding="utf-8")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_glossaire(fichier)
    message = str(erreur.value)
    assert str(fichier) in message and "ligne 1" in message and "ancre « &a » refusée" in message


def test_un_alias_seul_est_refuse(tmp_path: Path) -> None:
    fichier = tmp_path / "x.yml"
    fichier.write_text("a: 1\nb: *a\n", encoding="utf-8")
    with pytest.raises(ErreurDonnees, match=r"x\.yml, ligne 2, colonne 4 : alias « \*a » refusé"):
        lire_yaml(fichier)


def test_une_cle_en_double_est_refusee_avec_ses_deux_lignes(tmp_path: Path) -> None:
    fichier = _glossaire_avec(
        tmp_path, "  - id: doublon\n    terme: DOUBLON\n    terme: AUTRE\n"
        "    categorie: sigle\n    definition: un terme écrit deux fois.\n")
    lignes = fichier.read_text(encoding="utf-8").count("\n")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_glossaire(fichier)
    message = str(erreur.value)
    assert f"ligne {lignes - 2}" in message
    assert f"clé « terme » écrite deux fois (déjà ligne {lignes - 3})" in message


def test_un_octet_qui_n_est_pas_utf8_nomme_fichier_et_ligne(tmp_path: Path) -> None:
    fichier = tmp_path / "glossaire.yml"
    fichier.write_bytes(b"termes:\n  - id: caf\n    terme: Caf\xe9\n")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_glossaire(fichier)
    message = str(erreur.value)
    assert str(fichier) in message and "ligne 3" in message and "0xe9" in message
    assert "UTF-8" in message


def test_un_fichier_absent_est_dit_en_francais(tmp_path: Path) -> None:
    with pytest.raises(ErreurDonnees, match="absent.yml : fichier introuvable"):
        charger_glossaire(tmp_path / "absent.yml")


def test_une_erreur_de_schema_est_en_francais_avec_sa_ligne(tmp_path: Path) -> None:
    fichier = _glossaire_avec(
        tmp_path, "  - id: faute\n    terme: FAUTE\n    categorie: sigle\n"
        "    definiton: une faute de frappe dans le nom du champ.\n")
    lignes = fichier.read_text(encoding="utf-8").count("\n")
    with pytest.raises(ErreurDonnees) as erreur:
        charger_glossaire(fichier)
    message = str(erreur.value)
    assert f"(ligne {lignes - 3})" in message
    assert "champ inconnu « definiton »" in message
    assert "champ obligatoire absent : « definition »" not in message  # first error only
    assert "autre erreur" in message or "autres erreurs" in message
    for anglais in ("is a required property", "Additional properties", "is not of type"):
        assert anglais not in message


def _copie_du_projet(tmp_path: Path) -> Path:
    copie = tmp_path / "projet"
    copie.mkdir()
    shutil.copy(RACINE / "mkdocs.yml", copie)
    for dossier in ("docs", "overrides", "macros", "tools"):
        shutil.copytree(RACINE / dossier, copie / dossier,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (copie / "node_modules").symlink_to(RACINE / "node_modules")
    return copie


def _construire(copie: Path, **env: str) -> subprocess.CompletedProcess:
    environnement = {**os.environ, "PYTHONPATH": str(copie / "tools"),
                     "NO_MKDOCS_2_WARNING": "1", **env}
    environnement.pop("DIESE_DEBUG", None) if "DIESE_DEBUG" not in env else None
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(copie / "site")],
        cwd=copie, env=environnement, capture_output=True, text=True, timeout=300)


def test_le_build_s_arrete_sur_une_bombe_sans_trace_python(tmp_path: Path) -> None:
    copie = _copie_du_projet(tmp_path)
    glossaire = copie / "docs" / "data" / "glossaire.yml"
    glossaire.write_text(BOMBE, encoding="utf-8")
    resultat = _construire(copie)
    assert resultat.returncode != 0
    assert "glossaire.yml, ligne 1" in resultat.stderr and "ancre « &a » refusée" in resultat.stderr
    assert "Traceback" not in resultat.stderr + resultat.stdout
    assert not (copie / "site" / "index.html").exists()


def test_le_build_nomme_un_fichier_absent_et_donne_la_trace_avec_diese_debug(
        tmp_path: Path) -> None:
    copie = _copie_du_projet(tmp_path)
    (copie / "docs" / "data" / "sites.yml").unlink()
    resultat = _construire(copie)
    assert resultat.returncode != 0
    assert "sites.yml : fichier introuvable" in resultat.stderr
    assert "Traceback" not in resultat.stderr and "FileNotFoundError" not in resultat.stderr
    avec_trace = _construire(copie, DIESE_DEBUG="1")
    assert avec_trace.returncode != 0 and "Traceback" in avec_trace.stderr


def test_la_compilation_des_parametres_dit_l_erreur_sans_trace(tmp_path: Path) -> None:
    copie = _copie_du_projet(tmp_path)
    fichier = copie / "tools" / "diese" / "parametres" / "pss" / "mensuel.yaml"
    fichier.write_text(fichier.read_text(encoding="utf-8") + "description: encore\n",
                       encoding="utf-8")
    cible = copie / "tools" / "diese" / "simulation" / "parametres.json"
    avant = cible.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(copie / "tools")}
    env.pop("DIESE_DEBUG", None)
    r = subprocess.run([sys.executable, "-m", "diese.parametres"], cwd=copie, env=env,
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "mensuel.yaml" in r.stderr and "clé « description » écrite deux fois" in r.stderr
    assert cible.read_bytes() == avant
