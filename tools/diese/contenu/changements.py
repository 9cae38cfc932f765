"""« Ce qui a changé depuis 2005 » (docs/data/changements.yml): one dated note per institution,
contract or law of the guide that changed since, each with official references. A page places a
note next to the text it qualifies with `{{ changement("id") }}`."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

from .validation import DONNEES, ErreurDonnees, charger, verifier_ids_uniques

FICHIER = DONNEES / "changements.yml"
TITRE_ADMONITION = "Ce qui a changé depuis 2005"

_REFERENCE = {
    "type": "object",
    "required": ["titre", "url"],
    "additionalProperties": False,
    "properties": {
        "titre": {"type": "string", "minLength": 5},
        # Official sources only, over HTTPS (Légifrance, service-public.fr, EUR-Lex…).
        "url": {"type": "string", "pattern": r"^https://[a-z0-9.-]+\.(gouv\.fr|europa\.eu|fr)/"},
    },
}

SCHEMA = {
    "type": "object",
    "required": ["changements"],
    "additionalProperties": False,
    "properties": {
        "changements": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "titre", "date", "texte", "references"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    # Shown in the admonition title, between double quotes.
                    "titre": {"type": "string", "minLength": 5, "pattern": '^[^"]+$'},
                    # When it changed, as readers say it (« 1er juin 2009 », « 2005, puis 2022 »).
                    "date": {"type": "string", "pattern": r"(19|20)\d\d"},
                    "texte": {"type": "string", "minLength": 40},
                    "references": {"type": "array", "minItems": 1, "items": _REFERENCE},
                    # Glossary ids of the terms concerned (checked against the glossary).
                    "termes": {"type": "array", "items": {"type": "string"}},
                },
            },
        }
    },
}


@dataclass(frozen=True)
class Changement:
    id: str
    titre: str
    date: str
    texte: str
    references: tuple[dict, ...]
    termes: tuple[str, ...] = ()


def charger_changements(fichier: Path = FICHIER) -> dict[str, Changement]:
    donnees = charger(fichier, SCHEMA)
    verifier_ids_uniques(donnees["changements"], fichier)
    return {
        c["id"]: Changement(
            id=c["id"],
            titre=c["titre"],
            date=c["date"],
            texte=" ".join(c["texte"].split()),
            references=tuple(c["references"]),
            termes=tuple(c.get("termes", ())),
        )
        for c in donnees["changements"]
    }


def verifier_termes(changements: dict[str, Changement], ids_glossaire: set[str], fichier) -> None:
    for rang, changement in enumerate(changements.values()):
        for terme in changement.termes:
            if terme not in ids_glossaire:
                raise ErreurDonnees(
                    f"{fichier} : champ changements[{rang}].termes : terme « {terme} » "
                    "absent du glossaire"
                )


def _texte(valeur: str) -> str:
    """Plain data text inside Markdown: HTML-escaped, and no Markdown link or emphasis syntax."""
    echappe = html.escape(valeur, quote=False)
    for caractere in "[]*_`":
        echappe = echappe.replace(caractere, "\\" + caractere)
    return echappe


def admonition(changement: Changement) -> str:
    """A Material admonition (Markdown), placed where the macro is called."""
    references = " · ".join(
        f"[{_texte(r['titre'])}]({html.escape(r['url'])})" for r in changement.references
    )
    titre = f"{TITRE_ADMONITION} — {changement.titre} ({changement.date})"
    lignes = [
        f'!!! info "{html.escape(titre, quote=False)}"',
        "",
        f"    {_texte(changement.texte)}",
        "",
        f"    Références : {references}",
        "",
    ]
    return "\n".join(lignes)


def rendre(changements: dict[str, Changement], ident: str) -> str:
    if ident not in changements:
        connus = ", ".join(sorted(changements))
        raise ErreurDonnees(f"{FICHIER} : changement « {ident} » inconnu (connus : {connus})")
    return admonition(changements[ident])
