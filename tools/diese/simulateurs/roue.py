"""Builds the pure-Python wheel the browser unpacks into Pyodide: the engine
(`diese.simulation`) and the renderer, nothing else (no build-time tools, no YAML).

Written with `zipfile` rather than `pip wheel` on purpose: the file list is explicit (pip would
pack every sub-package of `diese`, with modules that import reportlab or PyYAML), the archive is
byte-for-byte reproducible (fixed timestamps, sorted entries) and it takes milliseconds, so
`mkdocs serve` can rebuild it on every change. The content hash is part of the version
(`0.1.0+<hash>`), hence of the file name: browsers never keep a stale engine.
"""

from __future__ import annotations

import base64
import hashlib
import io
import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import diese

PAQUET = Path(diese.__file__).resolve().parent
RACINE_OUTILS = PAQUET.parent
# What the browser needs: the engine with its compiled data, and the renderer.
INCLUS = ("__init__.py", "simulation", "simulateurs/__init__.py", "simulateurs/rendu.py",
          "simulateurs/navigateur.py")
SUFFIXES = {".py", ".json"}
DATE_FIXE = (2020, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Roue:
    nom: str  # file name, e.g. diese-0.1.0+1a2b3c4d-py3-none-any.whl
    contenu: bytes
    fichiers: tuple[str, ...]  # archive paths of the package files (without dist-info)


def fichiers_sources() -> list[Path]:
    trouves: list[Path] = []
    for entree in INCLUS:
        chemin = PAQUET / entree
        if chemin.is_dir():
            trouves += [
                f for f in chemin.rglob("*")
                if f.is_file() and f.suffix in SUFFIXES and "__pycache__" not in f.parts
            ]
        elif chemin.is_file():
            trouves.append(chemin)
    return sorted(trouves)


def _empreinte_record(donnees: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(donnees).digest()).rstrip(b"=")
    return f"sha256={digest.decode('ascii')},{len(donnees)}"


def _ecrire(archive: zipfile.ZipFile, nom: str, donnees: bytes) -> None:
    info = zipfile.ZipInfo(nom, date_time=DATE_FIXE)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    archive.writestr(info, donnees, compresslevel=9)


def construire() -> Roue:
    """The wheel of the current sources (memoised on their content)."""
    sources = fichiers_sources()
    contenus = tuple(
        (f.relative_to(RACINE_OUTILS).as_posix(), f.read_bytes()) for f in sources
    )
    return _construire(contenus)


@lru_cache(maxsize=4)
def _construire(contenus: tuple[tuple[str, bytes], ...]) -> Roue:
    empreinte = hashlib.sha256()
    for nom, donnees in contenus:
        empreinte.update(nom.encode() + b"\0" + donnees + b"\0")
    version = f"{diese.__version__}+{empreinte.hexdigest()[:10]}"
    info = f"diese-{version}.dist-info"
    metadonnees = {
        f"{info}/METADATA": (
            f"Metadata-Version: 2.1\nName: diese\nVersion: {version}\n"
            "Summary: Moteur de simulation DIESE (coût d’une embauche, aides, OETH)\n"
        ).encode(),
        f"{info}/WHEEL": (
            b"Wheel-Version: 1.0\nGenerator: diese.simulateurs.roue\n"
            b"Root-Is-Purelib: true\nTag: py3-none-any\n"
        ),
    }
    tampon = io.BytesIO()
    with zipfile.ZipFile(tampon, "w") as archive:
        record = []
        for nom, donnees in [*contenus, *metadonnees.items()]:
            _ecrire(archive, nom, donnees)
            record.append(f"{nom},{_empreinte_record(donnees)}")
        record.append(f"{info}/RECORD,,")
        _ecrire(archive, f"{info}/RECORD", ("\n".join(record) + "\n").encode())
    return Roue(
        nom=f"diese-{version}-py3-none-any.whl",
        contenu=tampon.getvalue(),
        fichiers=tuple(nom for nom, _ in contenus),
    )
