"""Self-hosts the in-browser runtime of the simulators: copies the five Pyodide files needed to
start (no CDN, no package index: nothing else can be requested) from `node_modules/pyodide`
into `assets/pyodide/`, writes the engine wheel into `assets/wheels/`, and beside it a memory
snapshot of Pyodide with that wheel imported (made with Node.js by
`diese/simulateurs/instantane.mjs`), which lets the browser skip Python's start-up.

Runs on every build, `mkdocs serve` rebuilds included (the copy skips unchanged files).
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from diese.contenu.validation import RACINE
from diese.simulateurs import roue

SOURCE = RACINE / "node_modules" / "pyodide"
CACHE_INSTANTANES = RACINE / "build" / "instantanes"
FICHIERS = (
    "pyodide.mjs",
    "pyodide.asm.mjs",
    "pyodide.asm.wasm",
    "python_stdlib.zip",
    "pyodide-lock.json",
)
VERSION_ATTENDUE = "314.0.7"
# Fetched by the worker at start-up (pyodide.asm.mjs is imported, not fetched): their sizes make
# the progress bar's total.
TELECHARGES = ("pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")
WORKER = Path("assets") / "javascripts" / "diese-pyodide-worker.js"
MARQUE_TAILLES = "const TAILLES = {};"


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
    instantane = ecrire_instantane(chemin, site / "assets" / "pyodide")
    ecrire_tailles(site, [site / "assets" / "pyodide" / nom for nom in TELECHARGES]
                   + [chemin, instantane])
    return chemin


def ecrire_tailles(site: Path, fichiers: list[Path]) -> None:
    """Writes the start-up files' sizes into the site's copy of the worker."""
    worker = site / WORKER
    if not worker.is_file():
        return
    texte = worker.read_text(encoding="utf-8")
    tailles = {f.name: f.stat().st_size for f in fichiers}
    if MARQUE_TAILLES not in texte:
        raise RuntimeError(f"{WORKER} : « {MARQUE_TAILLES} » introuvable (tailles du chargement)")
    worker.write_text(texte.replace(MARQUE_TAILLES, f"const TAILLES = {json.dumps(tailles)};"),
                      encoding="utf-8")


def nom_instantane(roue_chemin: Path) -> str:
    """`diese-0.1.0+<hash>-py3-none-any.whl` → `diese-0.1.0+<hash>-py3-none-any.instantane`:
    the worker derives one name from the other."""
    return roue_chemin.name.removesuffix(".whl") + ".instantane"


def ecrire_instantane(roue_chemin: Path, dossier_pyodide: Path) -> Path:
    cible = roue_chemin.with_name(nom_instantane(roue_chemin))
    for ancien in roue_chemin.parent.glob("*.instantane*"):
        if ancien != cible and ancien.suffix != ".tmp":
            ancien.unlink()
    if cible.exists():  # named after the wheel's content: same name, same snapshot
        return cible
    # Kept between builds too (a fresh site folder, a test session): a snapshot is not
    # byte-identical from one run to the next, and its brotli copy takes a minute to make.
    garde = CACHE_INSTANTANES / f"{VERSION_ATTENDUE}-{cible.name}"
    if garde.is_file():
        shutil.copyfile(garde, cible)
        return cible
    script = Path(roue.__file__).with_name("instantane.mjs")
    temporaire = cible.with_suffix(".tmp")
    resultat = subprocess.run(
        ["node", str(script), str(dossier_pyodide.resolve()), str(roue_chemin), str(temporaire)],
        capture_output=True,
        text=True,
        check=False,
    )
    if resultat.returncode != 0:
        raise RuntimeError(
            "Instantané Pyodide impossible (Node.js est requis, comme pour `npm ci`) :\n"
            + resultat.stderr[-2000:]
        )
    temporaire.replace(cible)
    CACHE_INSTANTANES.mkdir(parents=True, exist_ok=True)
    for ancien in CACHE_INSTANTANES.glob("*.instantane"):
        ancien.unlink()  # one engine at a time: the cache holds the current snapshot only
    shutil.copyfile(cible, garde)
    return cible


def on_config(config, **_):
    verifier_source()  # fail at once, not after every page is rendered
    return config


def on_post_build(config, **_) -> None:
    publier(Path(config["site_dir"]))
