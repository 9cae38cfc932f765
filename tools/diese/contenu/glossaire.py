"""Glossary (docs/data/glossaire.yml): every acronym and dated term of the guide."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .validation import DONNEES, charger, verifier_ids_uniques

FICHIER = DONNEES / "glossaire.yml"

SCHEMA = {
    "type": "object",
    "required": ["termes"],
    "additionalProperties": False,
    "properties": {
        "termes": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "terme", "definition"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    "terme": {"type": "string", "minLength": 1},
                    "developpe": {"type": "string"},
                    "definition": {"type": "string", "minLength": 10},
                    "aujourdhui": {"type": "string"},
                    "depuis": {"type": "string"},
                    "reference": {
                        "type": "object",
                        "required": ["titre", "url"],
                        "additionalProperties": False,
                        "properties": {
                            "titre": {"type": "string"},
                            "url": {"type": "string", "pattern": "^https://"},
                        },
                    },
                    "infobulle": {"type": "boolean"},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Terme:
    id: str
    terme: str
    definition: str
    developpe: str = ""
    aujourdhui: str = ""
    depuis: str = ""
    reference: dict | None = None
    infobulle: bool = True

    def resume(self) -> str:
        """One line for the abbreviation tooltip."""
        debut = f"{self.developpe} : " if self.developpe else ""
        suite = f" Aujourd'hui : {self.aujourdhui}" if self.aujourdhui else ""
        return f"{debut}{self.definition}{suite}".replace("\n", " ").strip()


def charger_glossaire(fichier: Path = FICHIER) -> list[Terme]:
    donnees = charger(fichier, SCHEMA)
    verifier_ids_uniques(donnees["termes"], fichier)
    return [Terme(**t) for t in donnees["termes"]]


def abreviations_markdown(termes: list[Terme]) -> str:
    """Python-Markdown `abbr` definitions, appended to every page."""
    lignes = [f"*[{t.terme}]: {t.resume()}" for t in termes if t.infobulle]
    return "\n".join(lignes) + "\n"
