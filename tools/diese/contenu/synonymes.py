"""Synonyms of the trade's words for the site search (docs/data/synonymes.yml): groups of forms
that name the same thing (« checklist », « check-list », « liste de contrôle »). The search
worker looks a query up under each form of its group (diese.site.recherche)."""

from __future__ import annotations

from pathlib import Path

from .validation import DONNEES, ErreurDonnees, charger

FICHIER = DONNEES / "synonymes.yml"

SCHEMA = {
    "type": "object",
    "required": ["synonymes"],
    "additionalProperties": False,
    "properties": {
        "synonymes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "array",
                "minItems": 2,
                "uniqueItems": True,
                # Words, spaces, hyphens and apostrophes only: a form is searched as typed.
                "items": {"type": "string", "minLength": 2, "pattern": r"^[\w’' -]+$"},
            },
        }
    },
}


def _cle(forme: str) -> str:
    return " ".join(forme.casefold().replace("'", "’").split())


def charger_synonymes(fichier: Path = FICHIER) -> list[list[str]]:
    groupes = charger(fichier, SCHEMA)["synonymes"]
    vus: dict[str, int] = {}
    for rang, groupe in enumerate(groupes):
        for forme in groupe:
            cle = _cle(forme)
            if cle in vus:
                raise ErreurDonnees(
                    f"{fichier} : champ synonymes[{rang}] : « {forme} » figure déjà dans le "
                    f"groupe synonymes[{vus[cle]}]"
                )
            vus[cle] = rang
    return [[" ".join(f.split()) for f in groupe] for groupe in groupes]
