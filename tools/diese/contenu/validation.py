"""Load a YAML data file and validate it against a JSON Schema, failing with a French message
that names the file and the field (the build must stop on a typo, and say where)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

RACINE = Path(__file__).resolve().parents[3]
DONNEES = RACINE / "docs" / "data"


class ErreurDonnees(ValueError):
    """A data file does not match its schema."""


def chemin_du_champ(chemin: Any) -> str:
    morceaux = []
    for partie in chemin:
        morceaux.append(f"[{partie}]" if isinstance(partie, int) else f".{partie}")
    return "".join(morceaux).lstrip(".") or "(racine)"


def valider(donnees: Any, schema: dict, fichier: Path | str) -> Any:
    """Raise ErreurDonnees listing every error as « fichier : champ : message »."""
    validateur = Draft202012Validator(schema)
    erreurs = sorted(validateur.iter_errors(donnees), key=lambda e: list(map(str, e.path)))
    if erreurs:
        lignes = [f"{fichier} : champ {chemin_du_champ(e.path)} : {e.message}" for e in erreurs]
        raise ErreurDonnees("Données invalides\n" + "\n".join(lignes))
    return donnees


def verifier_ids_uniques(elements: list[dict], fichier: Path | str, cle: str = "id") -> None:
    vus: dict[str, int] = {}
    for rang, element in enumerate(elements):
        valeur = element.get(cle)
        if valeur in vus:
            raise ErreurDonnees(
                f"{fichier} : champ [{rang}].{cle} : identifiant « {valeur} » déjà utilisé "
                f"à l’entrée [{vus[valeur]}]"
            )
        vus[valeur] = rang


def lire_yaml(fichier: Path) -> Any:
    try:
        with fichier.open(encoding="utf-8") as flux:
            return yaml.safe_load(flux)
    except FileNotFoundError as exc:
        raise ErreurDonnees(f"{fichier} : fichier introuvable") from exc
    except yaml.YAMLError as exc:
        raise ErreurDonnees(f"{fichier} : YAML illisible : {exc}") from exc


def charger(fichier: Path, schema: dict) -> Any:
    return valider(lire_yaml(fichier), schema, fichier)
