"""`python -m diese formulaires --sortie DIR`: every form as PDF, ODT and DOCX, outside a build."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from diese.contenu.validation import ErreurDonnees

from .definition import DOSSIER, charger_definitions
from .fichiers import generer_tout, taille_lisible


def main(argv: list[str] | None = None) -> int:
    analyseur = argparse.ArgumentParser(
        prog="python -m diese formulaires",
        description="Écrit les formulaires du guide en PDF à remplir, ODT et DOCX.",
    )
    analyseur.add_argument("--sortie", type=Path, required=True, help="dossier de destination")
    analyseur.add_argument("--definitions", type=Path, default=DOSSIER,
                           help="dossier des définitions YAML (par défaut docs/data/formulaires)")
    args = analyseur.parse_args(argv)
    try:
        chemins = generer_tout(args.sortie, charger_definitions(args.definitions))
    except ErreurDonnees as exc:
        print(exc, file=sys.stderr)
        return 1
    for chemin in chemins:
        print(f"{chemin}  ({taille_lisible(chemin.stat().st_size)})")
    print(f"{len(chemins)} fichiers écrits dans {args.sortie}")
    return 0
