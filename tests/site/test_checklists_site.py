"""The built site: checklist pages as plain HTML checkbox lists, the catalogue, the service worker
and the manifest linked from every page; a broken data file stops `mkdocs build`."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PIL import Image

from diese.contenu.checklists import charger_checklists
from tests.outils_checklists import construire, copie_du_projet


def test_chaque_liste_est_une_page_de_cases_a_cocher(site_dir: Path) -> None:
    for identifiant, liste in charger_checklists().items():
        html = (site_dir / "checklists" / identifiant / "index.html").read_text(encoding="utf-8")
        cases = re.findall(r'<input type="checkbox" id="cl-([a-z0-9-]+)"', html)
        assert cases == [e.id for e in liste.elements], identifiant
        for groupe in liste.groupes:
            assert f'data-groupe="{groupe.id}"' in html
        assert "Page en cours de rédaction" not in html


def test_sommaire_et_confidentialite(site_dir: Path) -> None:
    html = (site_dir / "checklists" / "index.html").read_text(encoding="utf-8")
    assert "Rien n’est envoyé" in html
    for identifiant in charger_checklists():
        assert f'href="{identifiant}/"' in html


def test_catalogue_publie(site_dir: Path) -> None:
    cat = json.loads((site_dir / "checklists" / "catalogue.json").read_text(encoding="utf-8"))
    assert [li["id"] for li in cat["listes"]] == list(charger_checklists())


def test_manifeste_et_couleur_sur_chaque_page(site_dir: Path) -> None:
    pages = list(site_dir.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        lien = re.search(r'<link rel="manifest" href="([^"]+)">', html)
        assert lien, page
        if lien.group(1).startswith("/"):  # 404.html: absolute, from site_url
            assert lien.group(1).endswith("/manifest.webmanifest"), page
        else:
            cible = (page.parent / lien.group(1)).resolve()
            assert cible == (site_dir / "manifest.webmanifest").resolve(), page
        assert '<meta name="theme-color"' in html
        assert re.search(r"diese-hors-ligne\.[0-9a-f]{10}\.js", html)  # fingerprinted name


def test_icones_du_manifeste(site_dir: Path) -> None:
    manifeste = json.loads((site_dir / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifeste["name"] == "DIESE Guide"
    for icone in manifeste["icons"]:
        with Image.open(site_dir / icone["src"]) as image:
            assert f"{image.width}x{image.height}" == icone["sizes"]


def test_service_worker_a_la_racine(site_dir: Path) -> None:
    sw = (site_dir / "sw.js").read_text(encoding="utf-8")
    fichiers = json.loads(re.search(r"const FICHIERS = (\[.*?\]);", sw, re.S).group(1))
    for attendu in ("./", "checklists/avant-stage/", "checklists/catalogue.json",
                    "search/search_index.json"):
        assert attendu in fichiers
    script = re.compile(r"assets/javascripts/diese-checklists\.[0-9a-f]{10}\.js")
    assert [f for f in fichiers if script.fullmatch(f)]
    # The Pyodide runtime (13.5 MB), the engine wheel and its snapshot are not precached (kept
    # in a cache of their own once a simulator is used), nor the host's compressed copies.
    assert not [f for f in fichiers if f.startswith(("assets/pyodide/", "assets/wheels/"))
                or f.endswith((".whl", ".br", ".gz"))]
    assert all((site_dir / (f if not f.endswith("/") else f + "index.html")).exists()
               for f in fichiers if f != "./")


@pytest.mark.parametrize(
    ("avant", "apres", "champ"),
    [
        ("  - id: av-ent-contact\n", "  - id: av-ent-fichier\n", "elements[1].id"),
        ("    groupe: reussir\n    texte: \"Préciser les horaires\"\n",
         "    groupe: conclure\n    texte: \"Préciser les horaires\"\n", "elements[24].groupe"),
        ("    texte: \"Voiture\"\n", "", "elements[19]"),
    ],
)
def test_une_entree_fautive_arrete_la_construction(tmp_path, avant, apres, champ) -> None:
    projet = copie_du_projet(tmp_path / "projet")
    fichier = projet / "docs" / "data" / "checklists" / "avant-stage.yml"
    texte = fichier.read_text(encoding="utf-8")
    assert avant in texte
    fichier.write_text(texte.replace(avant, apres, 1), encoding="utf-8")
    resultat = construire(projet, tmp_path / "site")
    assert resultat.returncode != 0
    sortie = resultat.stdout + resultat.stderr
    assert "avant-stage.yml" in sortie and champ in sortie, sortie[-2000:]
