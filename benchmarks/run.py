"""`make bench`: runs every benchmarks/<name>.py that defines main(), in name order, and prints
their figures. Benchmarks measure; they never pass or fail on a time."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]


def main() -> int:
    sys.path[:0] = [str(RACINE), str(RACINE / "tools")]
    fichiers = (RACINE / "benchmarks").glob("*.py")
    noms = sorted(p.stem for p in fichiers if p.stem not in {"run", "__init__"})
    for nom in noms:
        module = importlib.import_module(f"benchmarks.{nom}")
        if callable(getattr(module, "main", None)):
            print(f"\n=== {nom} ===", flush=True)
            module.main()
    return 0


if __name__ == "__main__":
    sys.exit(main())
