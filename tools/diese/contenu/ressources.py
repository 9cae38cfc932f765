"""The guide's other resource lists (docs/data/ressources.yml): needs-analysis tools, targeted
company search, the company file, partners by need. The guide's wording is kept; each element
carries one or more themes so readers can filter, and optional dated pointers for today."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .sites import DOCS, LIEUX, SCHEMA_LIEN, Lien, charger_sites
from .sites import FICHIER as FICHIER_SITES
from .validation import DONNEES, ErreurDonnees, charger, verifier_ids_uniques

FICHIER = DONNEES / "ressources.yml"

SCHEMA = {
    "type": "object",
    "required": ["themes", "listes"],
    "additionalProperties": False,
    "properties": {
        "themes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "nom"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    "nom": {"type": "string", "minLength": 2},
                },
            },
        },
        "listes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "titre", "lieu", "elements"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    "titre": {"type": "string", "minLength": 2},
                    "lieu": {"enum": list(LIEUX)},
                    "introduction": {"type": "string", "minLength": 2},
                    "elements": {
                        "type": "array",
                        "minItems": 1,
                        "items": {
                            "type": "object",
                            "required": ["texte", "themes"],
                            "additionalProperties": False,
                            "properties": {
                                "texte": {"type": "string", "minLength": 2},
                                "themes": {
                                    "type": "array",
                                    "minItems": 1,
                                    "uniqueItems": True,
                                    "items": {"type": "string"},
                                },
                                "aujourdhui": {"type": "string", "minLength": 5},
                                "liens": {"type": "array", "items": SCHEMA_LIEN},
                                "site": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                            },
                        },
                    },
                },
            },
        },
    },
}


@dataclass(frozen=True)
class Element:
    texte: str
    themes: tuple[str, ...]
    aujourdhui: str = ""
    liens: tuple[Lien, ...] = ()
    site: str = ""


@dataclass(frozen=True)
class Liste:
    id: str
    titre: str
    lieu: str
    elements: tuple[Element, ...]
    introduction: str = ""

    @property
    def page(self) -> str:
        return LIEUX[self.lieu][1]

    @property
    def titre_lieu(self) -> str:
        return LIEUX[self.lieu][0]


@dataclass(frozen=True)
class Ressources:
    themes: dict[str, str]
    listes: dict[str, Liste]


def _verifier_regles(donnees: dict, fichier: Path, docs: Path, ids_sites: set[str]) -> None:
    verifier_ids_uniques(donnees["themes"], fichier)
    verifier_ids_uniques(donnees["listes"], fichier)
    themes = {t["id"] for t in donnees["themes"]}
    for i, liste in enumerate(donnees["listes"]):
        for j, element in enumerate(liste["elements"]):
            champ = f"listes[{i}].elements[{j}]"
            for k, theme in enumerate(element["themes"]):
                if theme not in themes:
                    raise ErreurDonnees(
                        f"{fichier} : champ {champ}.themes[{k}] : thème « {theme} » inconnu "
                        f"(thèmes déclarés : {', '.join(sorted(themes))})"
                    )
            if "site" in element and element["site"] not in ids_sites:
                raise ErreurDonnees(
                    f"{fichier} : champ {champ}.site : « {element['site']} » n’est pas un "
                    "identifiant de sites.yml"
                )
            for k, lien in enumerate(element.get("liens", [])):
                if "page" in lien and not (docs / lien["page"]).is_file():
                    raise ErreurDonnees(
                        f"{fichier} : champ {champ}.liens[{k}].page : la page "
                        f"« {lien['page']} » n’existe pas dans docs/"
                    )


def charger_ressources(
    fichier: Path = FICHIER, docs: Path = DOCS, fichier_sites: Path = FICHIER_SITES
) -> Ressources:
    donnees = charger(fichier, SCHEMA)
    ids_sites = {s.id for s in charger_sites(fichier_sites, docs)}
    _verifier_regles(donnees, fichier, docs, ids_sites)
    listes = {
        brute["id"]: Liste(
            id=brute["id"],
            titre=brute["titre"],
            lieu=brute["lieu"],
            introduction=brute.get("introduction", ""),
            elements=tuple(
                Element(
                    texte=e["texte"],
                    themes=tuple(e["themes"]),
                    aujourdhui=e.get("aujourdhui", ""),
                    liens=tuple(Lien(**lien) for lien in e.get("liens", [])),
                    site=e.get("site", ""),
                )
                for e in brute["elements"]
            ),
        )
        for brute in donnees["listes"]
    }
    return Ressources(themes={t["id"]: t["nom"] for t in donnees["themes"]}, listes=listes)
