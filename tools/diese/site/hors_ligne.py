"""Offline and installable site: after the build, writes `manifest.webmanifest` and `sw.js` at the
site root. The worker precaches every page and asset worth having in a car park with no network
(not the simulators' engine: large, and kept only once a simulator has been used, in a cache of
its own). Each cache name carries a hash of its content, so a new build installs a fresh site
cache and deletes the old, and keeps the engine's cache while the engine is unchanged.
Runs after the CSP and fingerprinting steps rewrote pages, so the hash covers the final files."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

ORDRE = 95
MANIFESTE = "manifest.webmanifest"
SERVICE_WORKER = "sw.js"
COULEUR_THEME = "#4051b5"
TAILLE_MAX = 3 * 1024 * 1024  # a single file above this is fetched on demand, not precached
DOSSIERS_MOTEUR = ("assets/pyodide/", "assets/wheels/")
# Fetched only when the snapshot cannot be used (a normal start): not copied for offline use,
# which would download it after every first start for a case that almost never happens.
HORS_COPIE_MOTEUR = {"assets/pyodide/python_stdlib.zip", "assets/pyodide/pyodide.asm.wasm"}
# The book (PDF, EPUB: ~400 KB) is downloaded when asked for, not on every first visit.
EXCLUS_DOSSIERS = (*DOSSIERS_MOTEUR, "livre/")
COPIES_COMPRESSEES = (".gz", ".br")  # the host sends them in place of the file itself
EXCLUS_SUFFIXES = (".whl", ".map", ".py", ".DS_Store", ".tmp", *COPIES_COMPRESSEES)
EXCLUS_FICHIERS = {SERVICE_WORKER}
# Material ships a stemmer per language: only French (and what it needs) is ever loaded here.
LUNR = "assets/javascripts/lunr/"
LUNR_UTILES = {"min/lunr.fr.min.js", "min/lunr.stemmer.support.min.js", "min/lunr.multi.min.js"}


def manifeste(nom: str, description: str) -> dict:
    images = "assets/images/"
    return {
        "name": nom,
        "short_name": "DIESE",
        "description": description,
        "lang": "fr",
        "dir": "ltr",
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "background_color": "#ffffff",
        "theme_color": COULEUR_THEME,
        "icons": [
            {"src": images + "icone-192.png", "sizes": "192x192", "type": "image/png"},
            {"src": images + "icone-512.png", "sizes": "512x512", "type": "image/png"},
            {
                "src": images + "icone-masquable-512.png",
                "sizes": "512x512",
                "type": "image/png",
                "purpose": "maskable",
            },
        ],
    }


def a_mettre_en_cache(chemin: str, taille: int) -> bool:
    if chemin in EXCLUS_FICHIERS or chemin.startswith(EXCLUS_DOSSIERS):
        return False
    if chemin.endswith(EXCLUS_SUFFIXES) or taille > TAILLE_MAX:
        return False
    if chemin.startswith(LUNR):
        return chemin[len(LUNR) :] in LUNR_UTILES
    return True


def url_du_fichier(chemin: str) -> str:
    """`a/b/index.html` is asked for as `a/b/` (directory URLs); the root as `./`."""
    if chemin == "index.html":
        return "./"
    if chemin.endswith("/index.html"):
        return chemin[: -len("index.html")]
    return chemin


def inventaire(site: Path) -> tuple[list[str], str]:
    """URLs to precache (relative to the site root) and a hash of their content."""
    empreinte = hashlib.sha256()
    urls = []
    for fichier in sorted(p for p in site.rglob("*") if p.is_file()):
        chemin = fichier.relative_to(site).as_posix()
        if not a_mettre_en_cache(chemin, fichier.stat().st_size):
            continue
        contenu = fichier.read_bytes()
        empreinte.update(chemin.encode() + b"\0" + hashlib.sha256(contenu).digest())
        urls.append(url_du_fichier(chemin))
    return urls, empreinte.hexdigest()[:16]


def inventaire_moteur(site: Path) -> tuple[list[str], str]:
    """The simulators' engine (runtime, wheel, snapshot): URLs and a hash of their content."""
    empreinte = hashlib.sha256()
    urls = []
    for dossier in DOSSIERS_MOTEUR:
        for fichier in sorted(p for p in (site / dossier).glob("*") if p.is_file()):
            if fichier.name.endswith((*COPIES_COMPRESSEES, ".tmp", ".map")):
                continue
            chemin = fichier.relative_to(site).as_posix()
            if chemin in HORS_COPIE_MOTEUR:
                continue
            with fichier.open("rb") as flux:
                empreinte.update(chemin.encode() + b"\0" + hashlib.file_digest(flux, "sha256").digest())
            urls.append(chemin)
    return urls, empreinte.hexdigest()[:16]


def script_service_worker(urls: list[str], version: str, urls_moteur: list[str] = (),
                          version_moteur: str = "aucun") -> str:
    modele = (Path(__file__).with_name("sw.template.js")).read_text(encoding="utf-8")
    remplacements = {
        "__CACHE__": json.dumps(f"diese-{version}"),
        "__MOTEUR__": json.dumps(f"diese-moteur-{version_moteur}"),
        "__FICHIERS_MOTEUR__": json.dumps(list(urls_moteur), ensure_ascii=False, indent=0),
        "__FICHIERS__": json.dumps(urls, ensure_ascii=False, indent=0),
    }
    for marque, valeur in remplacements.items():
        modele = modele.replace(marque, valeur)
    return modele


def on_post_build(config, **_) -> None:
    site = Path(config["site_dir"])
    contenu = manifeste(config["site_name"], (config.get("site_description") or "").strip())
    (site / MANIFESTE).write_text(
        json.dumps(contenu, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )
    urls, version = inventaire(site)
    urls_moteur, version_moteur = inventaire_moteur(site)
    (site / SERVICE_WORKER).write_text(
        script_service_worker(urls, version, urls_moteur, version_moteur), encoding="utf-8"
    )
