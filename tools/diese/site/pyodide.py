"""Self-hosts the in-browser runtime of the simulators: copies the five Pyodide files needed to
start (no CDN, no package index: nothing else can be requested) from `node_modules/pyodide`
into `assets/pyodide/`, and writes the engine wheel into `assets/wheels/`.

Runs on every build, `mkdocs serve` rebuilds included (the copy skips unchanged files).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from diese.contenu.validation import RACINE
from diese.simulateurs import roue

SOURCE = RACINE / "node_modules" / "pyodide"
FICHIERS = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
VERSION_ATTENDUE = "314.0.7"


def verifier_source(source: Path = SOURCE) -> None:
    manquants = [nom for nom in FICHIERS if not (source / nom).is_file()]
    if manquants:
        raise RuntimeError(
            f"Pyodide absent de {source} ({', '.join(manquants)}) : lancez `npm ci`"
        )
    version = json.loads((source / "package.json").read_text(encoding="utf-8"))["version"]
    if version != VERSION_ATTENDUE:
        raise RuntimeError(
            f"Pyodide {version} dans {source}, {VERSION_ATTENDUE} attendu (package-lock.json)"
        )


def _copier_si_change(source: Path, cible: Path) -> None:
    if cible.exists():
        a, b = source.stat(), cible.stat()
        if a.st_size == b.st_size and a.st_mtime_ns <= b.st_mtime_ns:
            return
    cible.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(source, cible)


def publier(site: Path, source: Path = SOURCE) -> Path:
    """Copy the runtime and write the wheel into `site`; return the wheel's path."""
    verifier_source(source)
    for nom in FICHIERS:
        _copier_si_change(source / nom, site / "assets" / "pyodide" / nom)
    dossier = site / "assets" / "wheels"
    dossier.mkdir(parents=True, exist_ok=True)
    courante = roue.construire()
    for ancienne in dossier.glob("diese-*.whl"):
        if ancienne.name != courante.nom:
            ancienne.unlink()
    chemin = dossier / courante.nom
    chemin.write_bytes(courante.contenu)
    return chemin


def on_config(config, **_):
    verifier_source()  # fail at once, not after every page is rendered
    return config


def on_post_build(config, **_) -> None:
    publier(Path(config["site_dir"]))
