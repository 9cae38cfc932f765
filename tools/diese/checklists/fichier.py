"""The company file (« fichier d’entreprises », issue 12): its data model is one JSON Schema,
`docs/data/fichier-entreprises.schema.json`, read here at build time and by the browser
(`diese-fichier-modele.js` validates stored and imported data with it). The browser's validator
knows a subset of JSON Schema: the build refuses a schema that steps outside it."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError

from diese.checklists.rendu import url_relative
from diese.contenu.validation import DONNEES, ErreurDonnees, valider

SCHEMA = DONNEES / "fichier-entreprises.schema.json"
URL_SCHEMA = "data/fichier-entreprises.schema.json"
FORMAT = "diese-fichier-entreprises"
VERSION = 1

# What diese-fichier-modele.js implements (keep both lists in step).
MOTS_CLES = {
    "$schema", "$id", "title", "description", "$defs", "$ref", "type", "const", "enum",
    "required", "properties", "additionalProperties", "items", "maxItems", "minLength",
    "maxLength", "pattern", "format",
}
FORMATS = {"date", "date-time"}
TYPES = {"object", "array", "string", "integer", "boolean"}


def _verifier_sous_ensemble(noeud: Any, chemin: str, fichier: Path) -> None:
    if not isinstance(noeud, dict):
        return
    for cle, valeur in noeud.items():
        ici = f"{chemin}.{cle}" if chemin else cle
        if cle not in MOTS_CLES:
            raise ErreurDonnees(
                f"{fichier} : champ {ici} : mot-clé « {cle} » inconnu du code du navigateur "
                f"(connus : {', '.join(sorted(MOTS_CLES))})"
            )
        if cle == "format" and valeur not in FORMATS:
            raise ErreurDonnees(f"{fichier} : champ {ici} : format « {valeur} » non pris en charge")
        if cle == "type" and valeur not in TYPES:
            raise ErreurDonnees(f"{fichier} : champ {ici} : type « {valeur} » non pris en charge")
        if cle == "$ref" and not str(valeur).startswith("#/$defs/"):
            raise ErreurDonnees(
                f"{fichier} : champ {ici} : seules les références #/$defs/… sont lues"
            )
        if cle in {"properties", "$defs"}:
            for nom, sous in valeur.items():
                _verifier_sous_ensemble(sous, f"{ici}.{nom}", fichier)
        elif cle in {"items", "additionalProperties"}:
            _verifier_sous_ensemble(valeur, ici, fichier)


def charger_schema(fichier: Path = SCHEMA) -> dict:
    """The schema, checked (valid JSON Schema 2020-12, within the browser's subset)."""
    try:
        schema = json.loads(fichier.read_text(encoding="utf-8"))
    except json.JSONDecodeError as erreur:
        raise ErreurDonnees(
            f"{fichier} : JSON illisible ligne {erreur.lineno} : {erreur.msg}"
        ) from None
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as erreur:
        champ = ".".join(map(str, erreur.path)) or "(racine)"
        raise ErreurDonnees(f"{fichier} : champ {champ} : {erreur.message}") from None
    _verifier_sous_ensemble(schema, "", fichier)
    return schema


def valider_fichier(donnees: Any, source: str = "fichier d’entreprises") -> Any:
    """A company file (stored state or backup), validated like the browser does."""
    return valider(donnees, charger_schema(), source)


def rendre_fichier(page_url: str) -> str:
    """The file page's mount point; without JavaScript, a sentence says what is missing."""
    schema = url_relative(URL_SCHEMA, page_url)
    checklists = url_relative("checklists/", page_url)
    formulaires = url_relative("ressources/formulaires/", page_url)
    return (
        f'<div class="diese-fe" data-diese-fichier data-schema="{escape(schema)}" '
        f'data-checklists="{escape(checklists)}/" data-formulaires="{escape(formulaires)}/">'
        '<p class="diese-fe-sans-js">Le fichier d’entreprises s’ouvre avec JavaScript : '
        "il est gardé dans la mémoire de ce navigateur, sur cet appareil.</p></div>"
    )
