"""`python -m diese COMMANDE …`: one entry point, each command lives in its own module."""

from __future__ import annotations

import importlib
import sys

# command -> module exposing `main(argv: list[str]) -> int`
COMMANDES: dict[str, tuple[str, str]] = {
    "simuler": ("diese.simulation.cli", "calcule le coût d’une embauche (JSON en entrée)"),
    "comparer": ("diese.simulation.cli", "compare les contrats possibles pour un candidat"),
    "formulaires": ("diese.formulaires.cli", "écrit les formulaires PDF, ODT et DOCX"),
    "liens": ("diese.liens.cli", "vérifie les adresses des sites référencés"),
    "parametres": ("diese.veille.cli",
                   "veille : compare nos paramètres aux dernières versions des modèles de "
                   "référence"),
}


def aide() -> str:
    lignes = ["usage : python -m diese COMMANDE [options]", "", "commandes :"]
    lignes += [f"  {nom:<12} {texte}" for nom, (_, texte) in COMMANDES.items()]
    return "\n".join(lignes)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if not args or args[0] in {"-h", "--help", "aide"}:
        print(aide())
        return 0
    nom, reste = args[0], args[1:]
    if nom not in COMMANDES:
        print(f"Commande inconnue : « {nom} ».\n\n{aide()}", file=sys.stderr)
        return 2
    module = importlib.import_module(COMMANDES[nom][0])
    if nom in {"simuler", "comparer"}:
        return module.main([nom, *reste])
    return module.main(reste)


if __name__ == "__main__":
    sys.exit(main())
