"""French wording of a JSON Schema error: the maintainer reading a build failure should not have
to parse jsonschema's English (« 'x' is a required property »)."""

from __future__ import annotations

from typing import Any

from jsonschema.exceptions import ValidationError

_TYPES = {
    "string": "un texte",
    "integer": "un nombre entier",
    "number": "un nombre",
    "boolean": "true ou false",
    "object": "une table de champs",
    "array": "une liste",
    "null": "vide (null)",
}


def _court(valeur: Any, limite: int = 60) -> str:
    texte = repr(valeur) if not isinstance(valeur, str) else valeur
    return texte if len(texte) <= limite else texte[: limite - 1] + "…"


def _types(attendu: Any) -> str:
    noms = attendu if isinstance(attendu, list) else [attendu]
    return " ou ".join(_TYPES.get(n, n) for n in noms)


def message(erreur: ValidationError) -> str:
    v, attendu, instance = erreur.validator, erreur.validator_value, erreur.instance
    if v == "required":
        manquants = [c for c in attendu if isinstance(instance, dict) and c not in instance]
        return "champ obligatoire absent : " + ", ".join(f"« {c} »" for c in manquants)
    if v == "additionalProperties":
        connus = set(erreur.schema.get("properties", {}))
        inconnus = [c for c in instance if c not in connus] if isinstance(instance, dict) else []
        permis = ", ".join(sorted(connus)) or "aucun"
        return (
            "champ inconnu " + ", ".join(f"« {c} »" for c in inconnus)
            + f" (faute de frappe ? champs permis : {permis})"
        )
    if v == "type":
        return f"doit être {_types(attendu)} (trouvé : « {_court(instance)} »)"
    if v == "enum":
        permis = ", ".join(f"« {x} »" for x in attendu)
        return f"valeur « {_court(instance)} » non permise (valeurs possibles : {permis})"
    if v == "const":
        return f"doit valoir « {attendu} »"
    if v == "pattern":
        return f"« {_court(instance)} » n’a pas la forme attendue (motif {attendu})"
    if v == "minLength":
        return f"texte trop court : au moins {attendu} caractère(s)"
    if v == "maxLength":
        return f"texte trop long : {len(instance)} caractères pour {attendu} au plus"
    if v == "minItems":
        return f"liste trop courte : au moins {attendu} élément(s)"
    if v == "maxItems":
        return f"liste trop longue : {attendu} élément(s) au plus"
    if v == "uniqueItems":
        return "la liste contient deux fois le même élément"
    if v in {"minimum", "exclusiveMinimum"}:
        return f"{_court(instance)} est trop petit (minimum {attendu})"
    if v in {"maximum", "exclusiveMaximum"}:
        return f"{_court(instance)} est trop grand (maximum {attendu})"
    if v == "minProperties":
        return f"table vide : au moins {attendu} champ(s)"
    if v == "propertyNames":
        return f"nom de champ « {_court(instance)} » incorrect"
    if v in {"oneOf", "anyOf"}:
        return "ne correspond à aucune des formes permises"
    if v == "format":
        return f"« {_court(instance)} » n’est pas au format {attendu}"
    return f"valeur refusée par la règle « {v} »"
