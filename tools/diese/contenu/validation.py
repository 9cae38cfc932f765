"""Load a YAML data file and validate it against a JSON Schema, failing with a French message
that names the file and the field (the build must stop on a typo, and say where)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from .lecture_yaml import Chemin, ErreurLecture, lire
from .messages_schema import message

RACINE = Path(__file__).resolve().parents[3]
DONNEES = RACINE / "docs" / "data"


class ErreurDonnees(ValueError):
    """A data file does not match its schema."""


# Line of each field of the files read, so a schema error can say where to look.
_LIGNES: dict[str, dict[Chemin, int]] = {}


def _ligne(fichier: Path | str, chemin: Any) -> str:
    lignes = _LIGNES.get(str(fichier), {})
    parties = tuple(p if isinstance(p, int) else str(p) for p in chemin)
    while parties and parties not in lignes:
        parties = parties[:-1]
    n = lignes.get(parties)
    return f" (ligne {n})" if n else ""


def chemin_du_champ(chemin: Any) -> str:
    morceaux = []
    for partie in chemin:
        morceaux.append(f"[{partie}]" if isinstance(partie, int) else f".{partie}")
    return "".join(morceaux).lstrip(".") or "(racine)"


def valider(donnees: Any, schema: dict, fichier: Path | str) -> Any:
    """Raise ErreurDonnees on the first error (in file order), in French:
    « fichier : champ X (ligne N) : message », and how many more there are."""
    validateur = Draft202012Validator(schema)
    erreurs = list(validateur.iter_errors(donnees))
    if not erreurs:
        return donnees
    lignes = _LIGNES.get(str(fichier), {})

    def rang(e) -> tuple:
        parties = tuple(p if isinstance(p, int) else str(p) for p in e.absolute_path)
        while parties and parties not in lignes:
            parties = parties[:-1]
        # At one place, a misspelt field name explains the « missing » one: say it first.
        priorite = {"additionalProperties": 0, "required": 2}.get(e.validator, 1)
        return (lignes.get(parties, 0), list(map(str, e.absolute_path)), priorite)

    premiere = min(erreurs, key=rang)
    texte = (
        f"{fichier} : champ {chemin_du_champ(premiere.absolute_path)}"
        f"{_ligne(fichier, premiere.absolute_path)} : {message(premiere)}"
    )
    autres = len(erreurs) - 1
    if autres == 1:
        texte += "\n(et une autre erreur dans ce fichier)"
    elif autres > 1:
        texte += f"\n(et {autres} autres erreurs dans ce fichier)"
    raise ErreurDonnees("Données invalides : " + texte)


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
    """Every data and parameter file is read here (aliases, anchors, duplicate keys and
    non-UTF-8 bytes refused: see lecture_yaml)."""
    try:
        donnees, lignes = lire(Path(fichier))
    except ErreurLecture as exc:
        raise ErreurDonnees(str(exc)) from None
    _LIGNES[str(fichier)] = lignes
    return donnees


def charger(fichier: Path, schema: dict) -> Any:
    return valider(lire_yaml(fichier), schema, fichier)
