"""The offline hook: what the service worker precaches, and a cache name that follows the build."""

from __future__ import annotations

import json
import re
from pathlib import Path

from diese.site import hors_ligne


def _site(racine: Path) -> Path:
    fichiers = {
        "index.html": "<html>accueil</html>",
        "checklists/avant-stage/index.html": "<html>avant</html>",
        "404.html": "introuvable",
        "assets/stylesheets/diese.css": "body{}",
        "assets/javascripts/lunr/min/lunr.fr.min.js": "fr",
        "assets/javascripts/lunr/min/lunr.ja.min.js": "ja",
        "assets/pyodide/pyodide.asm.wasm": "gros",
        "assets/wheels/diese-0.1.0-py3-none-any.whl": "roue",
        "search/search_index.json": "{}",
        "sitemap.xml.gz": "gz",
        "sw.js": "ancien",
    }
    for chemin, contenu in fichiers.items():
        (racine / chemin).parent.mkdir(parents=True, exist_ok=True)
        (racine / chemin).write_text(contenu, encoding="utf-8")
    return racine


def test_inventaire_pages_et_fichiers_sans_pyodide_ni_wheels(tmp_path) -> None:
    urls, _ = hors_ligne.inventaire(_site(tmp_path))
    assert urls == [
        "404.html",
        "assets/javascripts/lunr/min/lunr.fr.min.js",
        "assets/stylesheets/diese.css",
        "checklists/avant-stage/",
        "./",
        "search/search_index.json",
    ]


def test_le_nom_du_cache_change_avec_le_contenu(tmp_path) -> None:
    site = _site(tmp_path)
    _, avant = hors_ligne.inventaire(site)
    assert hors_ligne.inventaire(site)[1] == avant  # stable d'une construction identique à l'autre
    (site / "assets/pyodide/pyodide.asm.wasm").write_text("autre", encoding="utf-8")
    assert hors_ligne.inventaire(site)[1] == avant  # ce qui n'est pas en cache ne compte pas
    (site / "checklists/avant-stage/index.html").write_text("<html>modifié</html>", "utf-8")
    assert hors_ligne.inventaire(site)[1] != avant


def test_on_post_build_ecrit_service_worker_et_manifeste(tmp_path) -> None:
    site = _site(tmp_path)
    config = {"site_dir": str(site), "site_name": "DIESE Guide", "site_description": "Guide."}
    hors_ligne.on_post_build(config)
    sw = (site / "sw.js").read_text(encoding="utf-8")
    nom = re.search(r'const CACHE = "(diese-[0-9a-f]{16})";', sw)
    assert nom
    liste = json.loads(re.search(r"const FICHIERS = (\[.*?\]);", sw, re.S).group(1))
    assert "manifest.webmanifest" in liste and "checklists/avant-stage/" in liste
    assert "caches.delete" in sw and "__CACHE__" not in sw
    manifeste = json.loads((site / "manifest.webmanifest").read_text(encoding="utf-8"))
    assert manifeste["name"] == "DIESE Guide" and manifeste["display"] == "standalone"
    assert manifeste["start_url"] == "./" and manifeste["lang"] == "fr"
    assert {i.get("purpose", "any") for i in manifeste["icons"]} == {"any", "maskable"}
