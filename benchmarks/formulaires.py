"""Generation time and size of every form in every format (`make bench`)."""

from __future__ import annotations

import statistics
import time

from diese.formulaires.definition import champs_remplissables, charger_definitions
from diese.formulaires.fichiers import FORMATS, taille_lisible
from diese.formulaires.html import generer_html

REPETITIONS = 3


def _mesurer(fonction, definition) -> tuple[float, int]:
    durees, taille = [], 0
    for _ in range(REPETITIONS):
        debut = time.perf_counter()
        resultat = fonction(definition)
        durees.append(time.perf_counter() - debut)
        taille = len(resultat if isinstance(resultat, bytes) else resultat.encode())
    return statistics.median(durees) * 1000, taille


def main() -> None:
    formats = [(f.nom, f.generer) for f in FORMATS] + [("HTML", generer_html)]
    print(f"{'formulaire':<30} {'champs':>6}  " + "  ".join(f"{n:>16}" for n, _ in formats))
    totaux = dict.fromkeys((n for n, _ in formats), 0.0)
    for definition in charger_definitions():
        cellules = []
        for nom, fonction in formats:
            ms, octets = _mesurer(fonction, definition)
            totaux[nom] += ms
            cellules.append(f"{ms:6.0f} ms {taille_lisible(octets):>6}")
        nombre = len(champs_remplissables(definition))
        print(f"{definition['id']:<30} {nombre:>6}  " + "  ".join(f"{c:>16}" for c in cellules))
    print(f"{'total (médiane de 3)':<30} {'':>6}  "
          + "  ".join(f"{totaux[n]:13.0f} ms" for n, _ in formats))


if __name__ == "__main__":
    main()
