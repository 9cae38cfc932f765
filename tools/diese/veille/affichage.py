"""The sentence the « Données et méthode » page shows about the last law watch."""

from __future__ import annotations

import json
from pathlib import Path

from diese.simulation.textes import date_fr

DERNIERE = Path(__file__).resolve().parent / "derniere-veille.json"


def phrase_derniere_veille(fichier: Path = DERNIERE) -> str:
    if not fichier.exists():
        return "Aucune veille n’a encore été faite."
    r = json.loads(fichier.read_text(encoding="utf-8"))
    versions = " et ".join(f"{nom} {v}" for nom, v in r["versions"].items())
    ecarts = r["ecarts"]
    ecart = "aucun écart" if not ecarts else f"{ecarts} écart{'s' if ecarts > 1 else ''}"
    return (f"Dernière veille le {date_fr(r['date'])}, contre {versions} : "
            f"{r['parametres_compares']} paramètres comparés, {ecart} à examiner.")
