"""Pre-compressed copies of the big assets: beside `X`, `X.br` (brotli, best quality) and `X.gz`
(gzip -9), for a host that serves them as `X` with `Content-Encoding: br|gzip` when the browser
accepts it (README, « Hébergement »). The simulators' runtime is most of a first visit's bytes:
brotli takes the WebAssembly from 9.6 MB to 2.7 MB, where a host's on-the-fly gzip gives 3.5 MB.

Brotli at quality 11 takes about a minute for the runtime and the snapshot, so each result is kept
in `build/compresse/` under the hash of its input: a build only compresses what changed (the
snapshot, after an engine change). Runs after every step that writes final files.
"""

from __future__ import annotations

import gzip
import hashlib
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from diese.contenu.validation import RACINE

ORDRE = 97
CACHE = RACINE / "build" / "compresse"
TAILLE_MIN = 10 * 1024  # below this, a host's on-the-fly compression is as good
SUFFIXES = (".wasm", ".mjs", ".js", ".css", ".json", ".instantane", ".zip", ".svg", ".xml")
CODAGES = (".br", ".gz")


# sw.js names the files of one version: a copy a step behind it (a partial upload) would install
# the previous version, so the host compresses it on the fly like the pages.
EXCLUS = {"sw.js"}


def a_compresser(chemin: Path) -> bool:
    return (chemin.suffix in SUFFIXES and chemin.name not in EXCLUS
            and chemin.stat().st_size >= TAILLE_MIN)


def _brotli(donnees: bytes) -> bytes:
    import brotli

    return brotli.compress(donnees, quality=11, lgwin=24)


def _gzip(donnees: bytes) -> bytes:
    return gzip.compress(donnees, compresslevel=9, mtime=0)


def _compresse(donnees: bytes, codage: str, cache: Path) -> bytes:
    empreinte = hashlib.sha256(donnees).hexdigest()
    cible = cache / f"{empreinte}{codage}"
    if cible.is_file():
        return cible.read_bytes()
    resultat = _brotli(donnees) if codage == ".br" else _gzip(donnees)
    cache.mkdir(parents=True, exist_ok=True)
    temporaire = cible.with_suffix(f".{os.getpid()}.tmp")
    temporaire.write_bytes(resultat)
    temporaire.replace(cible)
    return resultat


def _ecrire(fichier: Path, cache: Path) -> None:
    donnees = fichier.read_bytes()
    for codage in CODAGES:
        copie = fichier.with_name(fichier.name + codage)
        compresse = _compresse(donnees, codage, cache)
        if len(compresse) < 0.95 * len(donnees):
            copie.write_bytes(compresse)
        elif copie.exists():  # not worth it: the host sends the file itself
            copie.unlink()


def compresser(site: Path, cache: Path = CACHE) -> list[Path]:
    """Write `.br`/`.gz` beside every big compressible file of `site`; remove stale copies."""
    for copie in [p for codage in CODAGES for p in site.rglob(f"*{codage}")]:
        original = copie.with_name(copie.name[: -len(copie.suffix)])
        if original.suffix in SUFFIXES and (not original.exists() or original.name in EXCLUS):
            copie.unlink()
    fichiers = sorted(p for p in site.rglob("*") if p.is_file() and a_compresser(p))
    # Largest first, on two threads: brotli and zlib release the GIL while they work.
    fichiers.sort(key=lambda p: -p.stat().st_size)
    with ThreadPoolExecutor(max_workers=2) as executeur:
        list(executeur.map(lambda f: _ecrire(f, cache), fichiers))
    return fichiers


def on_post_build(config, **_) -> None:
    compresser(Path(config["site_dir"]))
