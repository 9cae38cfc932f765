"""Published checklist ids are forever (docs/data/checklists-ids-publies.yml).

Users' ticks and notes are saved under item ids. An id that disappears from the data would move
every user's ticks to « retirés » without a word; so every id ever published is listed in a
committed file, the build fails when one is missing from the data without a replacement, and the
browser applies the replacements (`remplacements` in the catalogue) to users' saved state."""

from __future__ import annotations

from pathlib import Path

from .checklists import IDENTIFIANT, Checklist
from .validation import DONNEES, ErreurDonnees, charger

FICHIER = DONNEES / "checklists-ids-publies.yml"

SCHEMA = {
    "type": "object",
    "required": ["publies", "remplacements"],
    "additionalProperties": False,
    "properties": {
        "publies": {
            "type": "object",
            "minProperties": 1,
            "additionalProperties": {
                "type": "array",
                "items": {"type": "string", "pattern": IDENTIFIANT},
            },
        },
        "remplacements": {
            "type": "object",
            "propertyNames": {"pattern": IDENTIFIANT},
            # null: retired on purpose, with no successor (the browser keeps its ticks aside).
            "additionalProperties": {"anyOf": [{"type": "string", "pattern": IDENTIFIANT},
                                               {"type": "null"}]},
        },
    },
}


def remplacements(listes: dict[str, Checklist], fichier: Path = FICHIER) -> dict[str, str]:
    """{old id: current id} after checking that no published id is lost (each is current,
    replaced, or retired on purpose with `null`) and that every current id is registered;
    ErreurDonnees (French, naming the file and the id) otherwise."""
    donnees = charger(fichier, SCHEMA)
    actuels = {e.id for liste in listes.values() for e in liste.elements}
    publies = {i for ids in donnees["publies"].values() for i in ids}
    brut: dict[str, str] = donnees["remplacements"]
    resolus: dict[str, str] = {}
    retires = {i for i, cible in brut.items() if cible is None}
    for ancien in sorted(set(brut) - retires):
        if ancien in actuels:
            raise ErreurDonnees(
                f"{fichier} : champ remplacements.{ancien} : « {ancien} » existe encore dans les "
                "check-lists ; un identifiant ne peut pas être à la fois actuel et remplacé")
        vus, cible = [ancien], brut[ancien]
        while cible in brut and brut[cible] is not None and cible not in vus:
            vus.append(cible)
            cible = brut[cible]
        if cible not in actuels:
            raise ErreurDonnees(
                f"{fichier} : champ remplacements.{ancien} : « {brut[ancien]} » ne mène à aucun "
                "élément actuel des check-lists")
        resolus[ancien] = cible
    for ident in sorted(retires & actuels):
        raise ErreurDonnees(
            f"{fichier} : champ remplacements.{ident} : « {ident} » est déclaré retiré mais existe "
            "encore dans les check-lists")
    for ident in sorted(publies - actuels - set(resolus) - retires):
        raise ErreurDonnees(
            f"{fichier} : l’identifiant publié « {ident} » a disparu des check-lists. Les coches "
            "des utilisateurs y sont rattachées : rétablissez-le, ou ajoutez "
            f"« {ident}: <nouvel identifiant> » sous remplacements (« {ident}: null » s’il est "
            "retiré sans successeur)")
    for ident in sorted(actuels - publies):
        raise ErreurDonnees(
            f"{fichier} : champ publies : le nouvel identifiant « {ident} » n’y est pas ; "
            "ajoutez-le à la liste de son fichier (un identifiant publié ne disparaît jamais)")
    return resolus
