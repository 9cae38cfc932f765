"""Dated legal parameters: one YAML file per parameter (OpenFisca style), compiled into
`diese/simulation/parametres.json`, which the engine reads with the standard library only
(the browser has no YAML parser).

`python -m diese.parametres` rewrites the JSON; `python -m diese.parametres --verifier` fails if
it is stale. The tests and the site build run the same check, so nothing goes stale silently.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

DOSSIER = Path(__file__).resolve().parent
CIBLE = DOSSIER.parent / "simulation" / "parametres.json"
FORMAT = 1
EXTRAIT_MAX = 300  # characters of one quoted excerpt

_REFERENCE = {
    "type": "object",
    "required": ["title", "href"],
    "additionalProperties": False,
    "properties": {
        "title": {"type": "string", "minLength": 3},
        "href": {"type": "string", "pattern": "^https://"},
    },
}
_DATE = r"^\d{4}-\d{2}-\d{2}$"
# Evidence for one dated value: the page read, a short excerpt in the page's own words that
# states the value, and the day it was read.
_PREUVE = {
    "type": "object",
    "required": ["titre", "url", "extrait", "consulte_le"],
    "additionalProperties": False,
    "properties": {
        "titre": {"type": "string", "minLength": 3},
        "url": {"type": "string", "pattern": "^https://"},
        "extrait": {"type": "string", "minLength": 10, "maxLength": EXTRAIT_MAX},
        "consulte_le": {"type": "string", "pattern": _DATE},
    },
}

SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["description", "values", "metadata"],
    "additionalProperties": False,
    "properties": {
        "description": {"type": "string", "minLength": 10},
        "values": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": _DATE},
            "additionalProperties": {
                "type": "object",
                "required": ["value"],
                "additionalProperties": False,
                "properties": {
                    "value": {"type": ["number", "object", "null"]},
                    "reference": {"type": "array", "minItems": 1, "items": _REFERENCE},
                    "preuves": {"type": "array", "minItems": 1, "items": _PREUVE},
                    # A value our searches could not confirm (overrides the parameter's statut).
                    "statut": {"enum": ["verifie", "non_verifie"]},
                },
            },
        },
        "metadata": {
            "type": "object",
            "required": ["unit", "reference", "last_value_still_valid_on", "statut", "sources"],
            "additionalProperties": False,
            "properties": {
                "unit": {"type": "string"},
                "short_label": {"type": "string"},
                "reference": {"type": "array", "minItems": 1, "items": _REFERENCE},
                "last_value_still_valid_on": {"type": "string", "pattern": _DATE},
                "statut": {"enum": ["verifie", "desaccord", "non_verifie"]},
                "sources": {"type": "array", "minItems": 1, "items": {"type": "string"}},
                # For the maintainers' page only (how the value was checked, disagreements).
                "note": {"type": "string"},
                # For the simulators' users: who confirms an unverified value, and a plain note.
                "confirmer_aupres": {"type": "string", "minLength": 3},
                "note_usager": {"type": "string", "minLength": 10},
            },
        },
    },
}


def _texte_date(valeur: Any) -> str:
    return valeur.isoformat() if isinstance(valeur, dt.date) else str(valeur)


def _normaliser(brut: Any) -> Any:
    """YAML reads unquoted dates as `date` objects: turn every key and value into JSON types."""
    if isinstance(brut, dict):
        return {_texte_date(k): _normaliser(v) for k, v in brut.items()}
    if isinstance(brut, list):
        return [_normaliser(v) for v in brut]
    if isinstance(brut, dt.date):
        return brut.isoformat()
    return brut


def fichiers() -> list[Path]:
    return sorted(DOSSIER.rglob("*.yaml"))


def identifiant(fichier: Path) -> str:
    return ".".join(fichier.relative_to(DOSSIER).with_suffix("").parts)


def _reference(ref: dict) -> dict:
    return {"titre": ref["title"], "url": ref["href"]}


def _probleme_preuve(preuve: Any, aujourd_hui: dt.date) -> tuple[str, str] | None:
    """The first fault of one evidence entry, as (field, French message), or None."""
    if not isinstance(preuve, dict):
        return "", "chaque preuve est un objet {titre, url, extrait, consulte_le}"
    for cle in ("titre", "url", "extrait", "consulte_le"):
        if not isinstance(preuve.get(cle), str) or not preuve[cle].strip():
            return cle, "champ obligatoire manquant ou vide"
    inconnus = sorted(set(preuve) - {"titre", "url", "extrait", "consulte_le"})
    if inconnus:
        return inconnus[0], "champ inconnu (permis : titre, url, extrait, consulte_le)"
    if not preuve["url"].startswith("https://"):
        return "url", "l’adresse de la page lue doit commencer par https://"
    if not 10 <= len(preuve["extrait"]) <= EXTRAIT_MAX:
        return "extrait", (f"l’extrait fait {len(preuve['extrait'])} caractères "
                           f"(de 10 à {EXTRAIT_MAX})")
    try:
        jour = dt.date.fromisoformat(preuve["consulte_le"])
    except ValueError:
        return "consulte_le", f"date impossible « {preuve['consulte_le']} » (AAAA-MM-JJ)"
    if jour > aujourd_hui:
        return "consulte_le", f"date future « {preuve['consulte_le']} »"
    return None


def verifier_preuves(donnees: Any, fichier: Path, aujourd_hui: dt.date | None = None) -> None:
    """Evidence gets French messages naming file and field, before the generic schema check."""
    from diese.contenu.validation import ErreurDonnees

    valeurs = donnees.get("values") if isinstance(donnees, dict) else None
    if not isinstance(valeurs, dict):
        return
    aujourd_hui = aujourd_hui or dt.date.today()
    for date, entree in valeurs.items():
        if not isinstance(entree, dict) or "preuves" not in entree:
            continue
        preuves = entree["preuves"]
        if not isinstance(preuves, list) or not preuves:
            raise ErreurDonnees(f"{fichier} : champ values.{date}.preuves : une liste d’au moins "
                                "une preuve {titre, url, extrait, consulte_le} est attendue")
        for rang, preuve in enumerate(preuves):
            probleme = _probleme_preuve(preuve, aujourd_hui)
            if probleme:
                champ = f"values.{date}.preuves[{rang}]" + (f".{probleme[0]}" if probleme[0]
                                                             else "")
                raise ErreurDonnees(f"{fichier} : champ {champ} : {probleme[1]}")


def compiler_un(fichier: Path) -> dict:
    from diese.contenu.validation import ErreurDonnees, lire_yaml, valider

    donnees = _normaliser(lire_yaml(fichier))
    verifier_preuves(donnees, fichier)
    valider(donnees, SCHEMA, fichier)
    meta = donnees["metadata"]
    valeurs = []
    for date in sorted(donnees["values"]):
        try:
            dt.date.fromisoformat(date)
        except ValueError as exc:
            raise ErreurDonnees(f"{fichier} : champ values.{date} : date impossible") from exc
        entree = donnees["values"][date]
        valeurs.append(
            {
                "date": date,
                "valeur": entree["value"],
                "references": [_reference(r) for r in entree.get("reference", [])],
                "preuves": entree.get("preuves", []),
                "statut": entree.get("statut", ""),
            }
        )
    return {
        "description": donnees["description"],
        "libelle": meta.get("short_label", donnees["description"]),
        "unite": meta["unit"],
        "statut": meta["statut"],
        "sources": meta["sources"],
        "note": meta.get("note", ""),
        "confirmer_aupres": meta.get("confirmer_aupres", ""),
        "note_usager": meta.get("note_usager", ""),
        "references": [_reference(r) for r in meta["reference"]],
        "derniere_date_confirmee": meta["last_value_still_valid_on"],
        "valeurs": valeurs,
    }


def compiler() -> dict:
    return {
        "format": FORMAT,
        "parametres": {identifiant(f): compiler_un(f) for f in fichiers()},
    }


def serialiser(donnees: dict) -> str:
    return json.dumps(donnees, ensure_ascii=False, indent=1) + "\n"


def est_a_jour() -> bool:
    return CIBLE.exists() and CIBLE.read_text(encoding="utf-8") == serialiser(compiler())


def ecrire() -> Path:
    """Compile, then replace the JSON in one step (a failed compile leaves it untouched)."""
    texte = serialiser(compiler())
    temporaire = CIBLE.with_name(f".{CIBLE.name}.tmp")
    temporaire.write_text(texte, encoding="utf-8")
    temporaire.replace(CIBLE)
    return CIBLE
