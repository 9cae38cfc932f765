"""Writes every form in every downloadable format (PDF, ODT, DOCX) into one folder."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from diese.contenu.validation import RACINE

from .definition import charger_definitions
from .docx import generer_docx
from .odt import generer_odt
from .pdf import generer_pdf

# Where the site build puts them (git-ignored), and their folder in the built site.
DOSSIER_BUILD = RACINE / "build" / "formulaires"
URL_SITE = "ressources/formulaires/fichiers"


@dataclass(frozen=True)
class Format:
    extension: str
    nom: str
    description: str
    generer: Callable[[dict], bytes]


FORMATS = (
    Format("pdf", "PDF", "PDF à remplir à l’écran ou à imprimer", generer_pdf),
    Format("odt", "ODT", "OpenDocument (LibreOffice, OpenOffice)", generer_odt),
    Format("docx", "DOCX", "Word", generer_docx),
)


def nom_fichier(ident: str, extension: str) -> str:
    return f"{ident}.{extension}"


def ecrire(chemin: Path, contenu: bytes) -> None:
    """Leave an unchanged file alone (no new mtime, so `mkdocs serve` stays quiet)."""
    if chemin.exists() and chemin.read_bytes() == contenu:
        return
    chemin.write_bytes(contenu)


def generer_tout(sortie: Path, definitions: list[dict] | None = None) -> list[Path]:
    sortie.mkdir(parents=True, exist_ok=True)
    ecrits = []
    for definition in definitions if definitions is not None else charger_definitions():
        for format_ in FORMATS:
            chemin = sortie / nom_fichier(definition["id"], format_.extension)
            ecrire(chemin, format_.generer(definition))
            ecrits.append(chemin)
    return ecrits


def taille_lisible(octets: int) -> str:
    """« 42 ko », « 1,3 Mo » (French units and decimal comma)."""
    if octets < 1024 * 1024:
        return f"{max(1, round(octets / 1024))} ko"
    return f"{octets / 1024 / 1024:.1f} Mo".replace(".", ",")
