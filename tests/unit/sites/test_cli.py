"""`python -m diese liens` end to end against the local server, on a temporary data file."""

from __future__ import annotations

import json

import pytest
import yaml
from diese.__main__ import main as diese_main
from diese.contenu.sites import ARCHIVE, charger_sites
from diese.liens.cli import main


def _site(ident: str, adresse: str, statut: str, successeur: str | None = None) -> str:
    """One entry of sites.yml, indented as in the real file."""
    lignes = [
        f"- id: {ident}",
        f'  libelle: "Libellé {ident}"',
        f"  nom: Site {ident}",
        f'  adresse: "{adresse}"',
        "  categorie: emploi",
        "  citations:",
        "    - lieu: annexe-1",
        f"  statut: {statut}",
    ]
    if successeur:
        lignes += ["  successeur:", f"    nom: Successeur de {ident}", f"    adresse: {successeur}"]
    lignes += [
        f"  archive: {ARCHIVE}{adresse}",
        "  verification:",
        '    date: "2005-03-17"',
        "    methode: documentaire",
        "    detail: >-",
        "      Établi à la main pour le test, sans requête réseau.",
        "  # un commentaire que --ecrire doit garder",
        f"  note: Note de {ident}.",
    ]
    return "".join(f"  {ligne}\n" for ligne in lignes)


@pytest.fixture
def donnees(tmp_path, serveur_http, port_ferme):
    """Sites whose addresses all point at 127.0.0.1 (served or closed port)."""
    s = serveur_http
    texte = "# Données de test\nsites:\n" + "\n".join(
        (
            _site("vivant", f"{s}/ok", "inconnu"),
            _site("demenage", f"{s}/r1", "inconnu", successeur=f"{s}/ok"),
            _site("mort", f"{s}/absent", "actif"),
            _site("parti", f"{s}/parti", "déplacé", successeur=f"{s}/sans-head"),
            _site("ferme", f"http://127.0.0.1:{port_ferme}/", "inconnu"),
            _site("lent", f"{s}/lent", "inconnu"),
        )
    )
    fichier = tmp_path / "sites.yml"
    fichier.write_text(texte, encoding="utf-8")
    charger_sites(fichier)  # the fixture itself is valid data
    return fichier


def _lancer(capsys, *args: str) -> tuple[int, str]:
    code = main([*args, "--sans-ressources", "--delai", "0.5", "--concurrence", "4",
                 "--autoriser-local"])
    return code, capsys.readouterr().out


def test_rapport_json(donnees, capsys) -> None:
    code, sortie = _lancer(capsys, "--donnees", str(donnees), "--json")
    rapport = json.loads(sortie)
    etats = {a["url"].rsplit("/", 1)[-1] or "ferme": a["etat"] for a in rapport["adresses"]}
    assert etats == {
        "ok": "ok", "r1": "ok", "absent": "absent", "parti": "absent",
        "sans-head": "ok", "ferme": "refus", "lent": "delai",
    }
    r1 = next(a for a in rapport["adresses"] if a["url"].endswith("/r1"))
    assert r1["redirige"] and [e["code"] for e in r1["chaine"]] == [301, 302, 200]
    verdicts = {v["site"]: v["statut_propose"] for v in rapport["sites"]}
    assert verdicts == {
        "vivant": "actif", "demenage": "déplacé", "mort": "disparu",
        "parti": "déplacé", "ferme": "disparu", "lent": "inconnu",
    }
    assert code == 1  # statuses to record
    assert donnees.read_text(encoding="utf-8").count("methode: documentaire") == 6  # untouched


def test_rapport_texte_en_francais(donnees, capsys) -> None:
    _, sortie = _lancer(capsys, "--donnees", str(donnees))
    assert "Vérification des liens du" in sortie
    assert "connexion refusée" in sortie and "délai dépassé" in sortie
    assert "page introuvable" in sortie
    assert "relancer avec --ecrire" in sortie


def test_sans_forcer_les_statuts_etablis_a_la_main_restent(donnees, capsys) -> None:
    avant = donnees.read_bytes()
    code, sortie = _lancer(capsys, "--donnees", str(donnees), "--ecrire")
    assert code == 1
    assert donnees.read_bytes() == avant  # every entry of the fixture is « documentaire »
    assert "statut établi à la main (documentaire) gardé" in sortie
    assert "relancer avec --forcer" in sortie


def test_ecrire_met_a_jour_statut_et_date(donnees, capsys) -> None:
    code, _ = _lancer(capsys, "--donnees", str(donnees), "--ecrire", "--forcer")
    assert code == 0
    sites = {s.id: s for s in charger_sites(donnees)}
    assert sites["vivant"].statut == "actif"
    assert sites["mort"].statut == "disparu"
    assert sites["ferme"].statut == "disparu"
    assert sites["demenage"].statut == "déplacé"
    assert sites["vivant"].verification.methode == "automatique"
    assert "301" in sites["demenage"].verification.detail
    # A timeout proves nothing: status and verification stay as people wrote them.
    assert sites["lent"].statut == "inconnu"
    assert sites["lent"].verification.methode == "documentaire"
    texte = donnees.read_text(encoding="utf-8")
    assert texte.startswith("# Données de test")
    assert texte.count("# un commentaire que --ecrire doit garder") == 6
    assert yaml.safe_load(texte)["sites"][0]["id"] == "vivant"


def test_successeur_en_panne_est_une_alerte(tmp_path, serveur_http, capsys) -> None:
    fichier = tmp_path / "sites.yml"
    fichier.write_text(
        "sites:\n" + _site("x", f"{serveur_http}/absent", "déplacé", f"{serveur_http}/parti"),
        encoding="utf-8",
    )
    code, sortie = _lancer(capsys, "--donnees", str(fichier))
    assert code == 1
    assert "adresse actuelle en échec" in sortie and "/parti" in sortie


def test_donnees_invalides(tmp_path, capsys) -> None:
    fichier = tmp_path / "sites.yml"
    fichier.write_text("sites:\n  - id: x\n", encoding="utf-8")
    assert main(["--donnees", str(fichier)]) == 2
    assert "champ sites[0]" in capsys.readouterr().err


def test_commande_declaree(capsys) -> None:
    with pytest.raises(SystemExit) as fin:
        diese_main(["liens", "--help"])
    assert fin.value.code == 0
    assert "--concurrence" in capsys.readouterr().out
