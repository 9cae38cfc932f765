"""Self-hosts the in-browser runtime of the simulators: copies the five Pyodide files needed to
start (no CDN, no package index: nothing else can be requested) from `node_modules/pyodide`
into `assets/pyodide/`, writes the engine wheel into `assets/wheels/`, and beside it a memory
snapshot of Pyodide with that wheel imported (made with Node.js by
`diese/simulateurs/instantane.mjs`), which lets the browser skip Python's start-up.

Runs on every build, `mkdocs serve` rebuilds included (the copy skips unchanged files).
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

from diese.contenu.validation import RACINE
from diese.simulateurs import roue
from diese.site import wasm_sans_donnees

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
SANS_DONNEES = "pyodide.asm.sans-donnees.wasm"  # the module a start from the snapshot fetches
TELECHARGES = (SANS_DONNEES, "pyodide-lock.json")
WORKER = Path("assets") / "javascripts" / "diese-pyodide-worker.js"
MARQUE_TAILLES = "const TAILLES = {};"
MARQUE_PLAGE = "const PLAGE_DONNEES = null;"


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
    plage = wasm_sans_donnees.ecrire(site / "assets" / "pyodide" / "pyodide.asm.wasm",
                                     site / "assets" / "pyodide" / SANS_DONNEES)
    dossier = site / "assets" / "wheels"
    dossier.mkdir(parents=True, exist_ok=True)
    courante = roue.construire()
    for ancienne in dossier.glob("diese-*.whl"):
        if ancienne.name != courante.nom:
            ancienne.unlink()
    chemin = dossier / courante.nom
    chemin.write_bytes(courante.contenu)
    instantane = ecrire_instantane(chemin, site / "assets" / "pyodide")
    # The wheel is fetched after `pret` (or by a normal start): not in the start-up's total.
    ecrire_tailles(site, [site / "assets" / "pyodide" / nom for nom in TELECHARGES]
                   + [instantane, instantane.with_name(nom_complement(chemin))])
    ecrire_plage(site, plage)
    return chemin


def _remplacer_dans_worker(site: Path, marque: str, texte_nouveau: str) -> None:
    worker = site / WORKER
    if not worker.is_file():
        return
    texte = worker.read_text(encoding="utf-8")
    if marque not in texte:
        raise RuntimeError(f"{WORKER} : « {marque} » introuvable")
    worker.write_text(texte.replace(marque, texte_nouveau), encoding="utf-8")


def ecrire_plage(site: Path, plage: tuple[int, int]) -> None:
    """Writes into the site's copy of the worker the memory range the data segments filled: the
    worker fills it from the snapshot when it starts with the module without them."""
    _remplacer_dans_worker(site, MARQUE_PLAGE, f"const PLAGE_DONNEES = {list(plage)};")


def ecrire_tailles(site: Path, fichiers: list[Path]) -> None:
    """Writes the start-up files' sizes into the site's copy of the worker."""
    tailles = {f.name: f.stat().st_size for f in fichiers}
    _remplacer_dans_worker(site, MARQUE_TAILLES, f"const TAILLES = {json.dumps(tailles)};")


def nom_instantane(roue_chemin: Path) -> str:
    """`diese-0.1.0+<hash>-py3-none-any.whl` → `diese-0.1.0+<hash>-py3-none-any.instantane`:
    the worker derives one name from the other."""
    return roue_chemin.name.removesuffix(".whl") + ".instantane"


def nom_complement(roue_chemin: Path) -> str:
    """`….whl` → `….stdlib.zip`: the standard library files a restored snapshot may still import
    (those it did not already load), mounted in place of the whole reduced zip."""
    return roue_chemin.name.removesuffix(".whl") + ".stdlib.zip"


def ecrire_instantane(roue_chemin: Path, dossier_pyodide: Path) -> Path:
    cible = roue_chemin.with_name(nom_instantane(roue_chemin))
    complement = roue_chemin.with_name(nom_complement(roue_chemin))
    for ancien in [*roue_chemin.parent.glob("*.instantane*"),
                   *roue_chemin.parent.glob("*.stdlib.zip*")]:
        if ancien not in (cible, complement) and ancien.suffix != ".tmp":
            ancien.unlink()
    # Named after the wheel's content, and kept between builds with the reduced standard library
    # it was made with (the two go together): a snapshot is not byte-identical from one run to
    # the next, and its brotli copy takes a minute to make.
    garde = CACHE_INSTANTANES / f"{VERSION_ATTENDUE}-{cible.name}"
    garde_zip = garde.with_suffix(".stdlib.zip")
    garde_complement = garde.with_suffix(".complement.zip")
    stdlib = dossier_pyodide / "python_stdlib.zip"
    if garde.is_file() and garde_zip.is_file() and garde_complement.is_file():
        shutil.copyfile(garde_zip, stdlib)
        shutil.copyfile(garde_complement, complement)
        shutil.copyfile(garde, cible)
        return cible
    # 1. which standard library files Python loads; 2. a zip of those only (built from the full
    # one, read from node_modules); 3. the snapshot, made with that zip mounted.
    temporaire = cible.with_suffix(".tmp")
    _node(dossier_pyodide, roue_chemin, "--modules", str(temporaire))
    charges = json.loads(temporaire.read_text(encoding="utf-8"))
    temporaire.unlink()
    ecrire_stdlib_reduite(SOURCE / "python_stdlib.zip", stdlib, charges, roue.fichiers_sources())
    ecrire_complement(stdlib, complement, charges)
    _node(dossier_pyodide, roue_chemin, str(temporaire), str(stdlib.resolve()))
    temporaire.replace(cible)
    CACHE_INSTANTANES.mkdir(parents=True, exist_ok=True)
    for ancien in CACHE_INSTANTANES.glob("*"):
        ancien.unlink()  # one engine at a time: the cache holds the current snapshot only
    shutil.copyfile(cible, garde)
    shutil.copyfile(stdlib, garde_zip)
    shutil.copyfile(complement, garde_complement)
    return cible


def _node(dossier_pyodide: Path, roue_chemin: Path, *arguments: str) -> None:
    script = Path(roue.__file__).with_name("instantane.mjs")
    resultat = subprocess.run(
        ["node", str(script), str(dossier_pyodide.resolve()), str(roue_chemin), *arguments],
        capture_output=True,
        text=True,
        check=False,
    )
    if resultat.returncode != 0:
        raise RuntimeError(
            "Instantané Pyodide impossible (Node.js est requis, comme pour `npm ci`) :\n"
            + resultat.stderr[-2000:]
        )


# Always shipped, whatever the warm-up loaded: the common text codecs, and the modules the
# standard library imports lazily inside functions the engine may call.
TOUJOURS = tuple(f"encodings/{nom}.py" for nom in (
    "__init__", "aliases", "ascii", "charmap", "cp1252", "idna", "latin_1", "iso8859_1",
    "iso8859_15", "raw_unicode_escape", "unicode_escape", "utf_16", "utf_16_be", "utf_16_le",
    "utf_32", "utf_8", "utf_8_sig", "punycode",
)) + ("_strptime.py", "_pydatetime.py", "traceback.py", "linecache.py")


def imports_du_moteur(sources: list[Path]) -> set[str]:
    """Every module name the engine imports, anywhere in its code (functions included)."""
    noms: set[str] = set()
    for fichier in sources:
        if fichier.suffix != ".py":
            continue
        for noeud in ast.walk(ast.parse(fichier.read_text(encoding="utf-8"))):
            if isinstance(noeud, ast.Import):
                noms.update(alias.name for alias in noeud.names)
            elif isinstance(noeud, ast.ImportFrom) and noeud.module and not noeud.level:
                noms.add(noeud.module)
                noms.update(f"{noeud.module}.{alias.name}" for alias in noeud.names)
    return noms


def ecrire_stdlib_reduite(complete: Path, cible: Path, charges: list[str],
                          sources: list[Path]) -> list[str]:
    """The standard library zip with only the files Pyodide's start-up and the engine need:
    those loaded by the warm-up, those the engine names, TOUJOURS, and their packages."""
    with zipfile.ZipFile(complete) as archive:
        presents = {info.filename: info for info in archive.infolist()}
        gardes = {f.split(".zip/", 1)[1] for f in charges if ".zip/" in f}
        for nom in imports_du_moteur(sources):
            base = nom.replace(".", "/")
            gardes.update(c for c in (f"{base}.py", f"{base}/__init__.py") if c in presents)
        gardes.update(n for n in TOUJOURS if n in presents)
        for nom in list(gardes):  # the packages above each file
            parties = nom.split("/")[:-1]
            for i in range(1, len(parties) + 1):
                paquet = "/".join(parties[:i]) + "/__init__.py"
                if paquet in presents:
                    gardes.add(paquet)
        temporaire = cible.with_suffix(".tmp")
        # Stored, not deflated: the host's brotli copy then compresses across files (half the
        # size of per-file deflate), and zipimport reads stored entries without inflating them.
        with zipfile.ZipFile(temporaire, "w") as sortie:
            for nom in sorted(gardes):
                info = zipfile.ZipInfo(nom, date_time=presents[nom].date_time)
                info.external_attr = presents[nom].external_attr
                sortie.writestr(info, archive.read(nom), compress_type=zipfile.ZIP_STORED)
        temporaire.replace(cible)
    return sorted(gardes)


def ecrire_complement(reduite: Path, cible: Path, charges: list[str]) -> list[str]:
    """The reduced zip without the files Python had loaded when the snapshot was made: restored,
    it has them in memory already (the snapshot forgets the zip's table of contents, see
    instantane.mjs). What remains is what the engine may import later: lazy imports of the
    standard library, codecs, traceback formatting."""
    with zipfile.ZipFile(reduite) as archive:
        charges_zip = {f.split(".zip/", 1)[1] for f in charges if ".zip/" in f}
        gardes = [i for i in archive.infolist() if i.filename not in charges_zip]
        temporaire = cible.with_suffix(".tmp")
        with zipfile.ZipFile(temporaire, "w") as sortie:
            for info in gardes:
                sortie.writestr(info, archive.read(info.filename), compress_type=zipfile.ZIP_STORED)
        temporaire.replace(cible)
    return [i.filename for i in gardes]


def on_config(config, **_):
    verifier_source()  # fail at once, not after every page is rendered
    return config


def on_post_build(config, **_) -> None:
    publier(Path(config["site_dir"]))
