"""`python -m diese.parametres [--verifier]`: compile the YAML parameters into the engine's JSON."""

from __future__ import annotations

import os
import sys

from diese.contenu.validation import ErreurDonnees
from diese.parametres import CIBLE, ecrire, est_a_jour


def main(argv: list[str]) -> int:
    if os.environ.get("DIESE_DEBUG") == "1":
        return _main(argv)
    try:
        return _main(argv)
    except ErreurDonnees as exc:  # a typo in a parameter file: the message, no traceback
        print(exc, file=sys.stderr)
        return 2


def _main(argv: list[str]) -> int:
    if "--verifier" in argv:
        if est_a_jour():
            print(f"{CIBLE} est à jour.")
            return 0
        print(f"{CIBLE} est périmé : lancez « python -m diese.parametres ».", file=sys.stderr)
        return 1
    print(f"écrit : {ecrire()}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
