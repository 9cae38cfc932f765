"""Checklists (docs/data/checklists/*.yml): one file per list, groups declared once, every item
with a stable `id`. The browser saves ticks under that id, so ids are unique across all lists
and never derived from the wording (a reworded item keeps its ticks)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .validation import DONNEES, ErreurDonnees, charger

DOSSIER = DONNEES / "checklists"
IDENTIFIANT = "^[a-z0-9]+(-[a-z0-9]+)*$"
# The phases in the guide's order, then the lists it implies (any other file comes last).
ORDRE = (
    "avant-stage",
    "pendant-stage",
    "apres-stage",
    "preparer-visite",
    "accompagnement-social",
    "suivi-post-stage",
)
TEXTE = {"type": "string", "minLength": 1, "pattern": r"\S"}

SCHEMA = {
    "type": "object",
    "required": ["id", "titre", "source", "groupes", "elements"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": IDENTIFIANT},
        "titre": TEXTE,
        "sous_titre": TEXTE,
        "source": TEXTE,
        "groupes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "titre"],
                "additionalProperties": False,
                "properties": {"id": {"type": "string", "pattern": IDENTIFIANT}, "titre": TEXTE},
            },
        },
        "elements": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "groupe", "texte"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": IDENTIFIANT},
                    "groupe": {"type": "string"},
                    "texte": TEXTE,
                    "detail": TEXTE,
                    "source": TEXTE,
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Element:
    id: str
    texte: str
    detail: str = ""
    source: str = ""


@dataclass(frozen=True)
class Groupe:
    id: str
    titre: str
    elements: tuple[Element, ...]


@dataclass(frozen=True)
class Checklist:
    id: str
    titre: str
    source: str
    groupes: tuple[Groupe, ...]
    sous_titre: str = ""

    @property
    def elements(self) -> tuple[Element, ...]:
        return tuple(e for g in self.groupes for e in g.elements)


def _ids_uniques(entrees: list[dict], fichier: Path, champ: str) -> None:
    vus: dict[str, int] = {}
    for rang, entree in enumerate(entrees):
        if entree["id"] in vus:
            raise ErreurDonnees(
                f"{fichier} : champ {champ}[{rang}].id : identifiant « {entree['id']} » déjà "
                f"utilisé à l’entrée {champ}[{vus[entree['id']]}]"
            )
        vus[entree["id"]] = rang


def lire_checklist(fichier: Path) -> Checklist:
    """Load and check one file: schema, id = file name, unique ids, known and non-empty groups."""
    donnees = charger(fichier, SCHEMA)
    if donnees["id"] != fichier.stem:
        raise ErreurDonnees(
            f"{fichier} : champ id : « {donnees['id']} » doit être le nom du fichier "
            f"(« {fichier.stem} »)"
        )
    for cle in ("groupes", "elements"):
        _ids_uniques(donnees[cle], fichier, cle)
    connus = [g["id"] for g in donnees["groupes"]]
    par_groupe: dict[str, list[Element]] = {g: [] for g in connus}
    for rang, brut in enumerate(donnees["elements"]):
        if brut["groupe"] not in par_groupe:
            raise ErreurDonnees(
                f"{fichier} : champ elements[{rang}].groupe : groupe inconnu « {brut['groupe']} »"
                f" (groupes déclarés : {', '.join(connus)})"
            )
        element = Element(
            brut["id"], brut["texte"].strip(), brut.get("detail", ""), brut.get("source", "")
        )
        par_groupe[brut["groupe"]].append(element)
    for rang, groupe in enumerate(donnees["groupes"]):
        if not par_groupe[groupe["id"]]:
            raise ErreurDonnees(
                f"{fichier} : champ groupes[{rang}] : groupe « {groupe['id']} » sans élément"
            )
    return Checklist(
        id=donnees["id"],
        titre=donnees["titre"],
        source=donnees["source"],
        sous_titre=donnees.get("sous_titre", ""),
        groupes=tuple(
            Groupe(g["id"], g["titre"], tuple(par_groupe[g["id"]])) for g in donnees["groupes"]
        ),
    )


def _rang(fichier: Path) -> tuple[int, str]:
    rang = ORDRE.index(fichier.stem) if fichier.stem in ORDRE else len(ORDRE)
    return rang, fichier.stem


def charger_checklists(dossier: Path = DOSSIER) -> dict[str, Checklist]:
    """Every list of the folder, keyed by id, in the guide's order; an item id used twice
    anywhere fails the build."""
    listes: dict[str, Checklist] = {}
    vus: dict[str, Path] = {}
    fichiers = sorted(dossier.glob("*.yml"), key=_rang)
    if not fichiers:
        raise ErreurDonnees(f"{dossier} : aucune liste (*.yml)")
    for fichier in fichiers:
        liste = lire_checklist(fichier)
        for rang, element in enumerate(liste.elements):
            if element.id in vus:
                raise ErreurDonnees(
                    f"{fichier} : champ elements[{rang}].id : identifiant « {element.id} » "
                    f"déjà utilisé dans {vus[element.id]}"
                )
            vus[element.id] = fichier
        listes[liste.id] = liste
    return listes


def catalogue(listes: dict[str, Checklist]) -> dict:
    """What the browser needs to know about every item (export, retired items, progress)."""
    return {
        "format": "diese-checklists-catalogue",
        "version": 1,
        "listes": [
            {
                "id": liste.id,
                "titre": liste.titre,
                "groupes": [
                    {
                        "id": g.id,
                        "titre": g.titre,
                        "elements": [{"id": e.id, "texte": e.texte} for e in g.elements],
                    }
                    for g in liste.groupes
                ],
            }
            for liste in listes.values()
        ],
    }
