"""Glossary (docs/data/glossaire.yml): every acronym and dated term of the guide.

It feeds two things: the abbreviation tooltips appended to every page (`abreviations_markdown`,
written by `diese.site.abreviations`), and the glossary page (`page_glossaire`)."""

from __future__ import annotations

import html
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .validation import DONNEES, charger, verifier_ids_uniques

FICHIER = DONNEES / "glossaire.yml"

CATEGORIES = {
    "contrat": "contrat",
    "dispositif": "dispositif",
    "document": "document",
    "institution": "institution",
    "loi": "loi",
    "methode": "méthode",
    "metier": "fonction",
    "norme": "norme",
    "organisme": "organisme partenaire",
    "programme": "programme européen",
    "projet": "projet",
    "terme": "terme",
}

_REFERENCE = {
    "type": "object",
    "required": ["titre", "url"],
    "additionalProperties": False,
    "properties": {
        "titre": {"type": "string", "minLength": 3},
        "url": {"type": "string", "pattern": "^https://"},
    },
}

# A term must be written exactly as in the text (Python-Markdown `abbr` matches it between word
# boundaries): so it starts and ends with a letter or digit, and holds no Markdown bracket.
_ECRITURE = r"^[\w][^\[\]\n]*[\w)]$"

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
                "required": ["id", "terme", "definition", "categorie"],
                "additionalProperties": False,
                "properties": {
                    "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
                    "terme": {"type": "string", "pattern": _ECRITURE},
                    "variantes": {
                        "type": "array",
                        "items": {"type": "string", "pattern": _ECRITURE},
                    },
                    "categorie": {"enum": sorted(CATEGORIES)},
                    "developpe": {"type": "string", "minLength": 3},
                    "definition": {"type": "string", "minLength": 10},
                    "aujourdhui": {"type": "string", "minLength": 5},
                    "depuis": {"type": "string", "pattern": r"(19|20)\d\d"},
                    "reference": _REFERENCE,
                    "infobulle": {"type": "boolean"},
                },
                # What replaced a term, and since when, must be sourced.
                "dependentRequired": {"aujourdhui": ["depuis", "reference"]},
            },
        }
    },
}


def majuscule(texte: str) -> str:
    return texte[:1].upper() + texte[1:]


@dataclass(frozen=True)
class Terme:
    id: str
    terme: str
    definition: str
    categorie: str = "terme"
    developpe: str = ""
    aujourdhui: str = ""
    depuis: str = ""
    reference: dict | None = None
    infobulle: bool = True
    variantes: tuple[str, ...] = field(default_factory=tuple)

    def ecritures(self) -> tuple[str, ...]:
        """Every spelling that gets the tooltip."""
        return (self.terme, *self.variantes)

    def resume(self) -> str:
        """One line for the abbreviation tooltip, read as plain sentences: « Développé — définition.
        Aujourd’hui : … ». A dash, not a colon, after the expanded form, so that a colon is never
        chained to another one in the same sentence."""
        definition = self.definition if self.developpe else majuscule(self.definition)
        debut = f"{self.developpe} — " if self.developpe else ""
        suite = f" Aujourd’hui : {self.aujourdhui}" if self.aujourdhui else ""
        return " ".join(f"{debut}{definition}{suite}".split())


def charger_glossaire(fichier: Path = FICHIER) -> list[Terme]:
    donnees = charger(fichier, SCHEMA)
    verifier_ids_uniques(donnees["termes"], fichier)
    termes = []
    for brut in donnees["termes"]:
        valeurs = {cle: " ".join(v.split()) if isinstance(v, str) else v for cle, v in brut.items()}
        valeurs["variantes"] = tuple(brut.get("variantes", ()))
        termes.append(Terme(**valeurs))
    return termes


def abreviations_markdown(termes: list[Terme]) -> str:
    """Python-Markdown `abbr` definitions, appended to every page."""
    lignes = [
        f"*[{ecriture}]: {t.resume()}" for t in termes if t.infobulle for ecriture in t.ecritures()
    ]
    return "\n".join(lignes) + "\n"


def cle_de_tri(terme: Terme) -> str:
    sans_accents = unicodedata.normalize("NFD", terme.terme)
    return "".join(c for c in sans_accents if not unicodedata.combining(c)).casefold()


def lettre(terme: Terme) -> str:
    return cle_de_tri(terme)[0].upper()


def _entree(t: Terme) -> str:
    e = html.escape
    # Styled by the theme's own typography (no extra stylesheet): bold term, expansion after a
    # dash, kind of term in small print.
    parties = [f'<dt id="{e(t.id)}"><strong><dfn>{e(t.terme)}</dfn></strong>']
    if t.developpe:
        parties.append(f" — {e(t.developpe)}")
    parties.append(f" <small>({e(CATEGORIES[t.categorie])})</small></dt>")
    parties.append(f"<dd><p>{e(majuscule(t.definition))}</p>")
    if t.aujourdhui:
        quand = f" (depuis {e(t.depuis)})" if t.depuis else ""
        parties.append(f"<p><strong>Aujourd’hui{quand} :</strong> {e(t.aujourdhui)}</p>")
    if t.reference:
        parties.append(
            f'<p>Référence : <a href="{e(t.reference["url"])}">{e(t.reference["titre"])}</a></p>'
        )
    parties.append("</dd>")
    return "".join(parties)


def page_glossaire(termes: list[Terme]) -> str:
    """Markdown for the glossary page: one heading per letter (in the table of contents), then a
    definition list whose entries carry an anchor (`glossaire.md#rmi`)."""
    tries = sorted(termes, key=cle_de_tri)
    lettres = sorted({lettre(t) for t in tries})
    index = " · ".join(f"[{x}](#{x.lower()})" for x in lettres)
    blocs = [f"{len(tries)} termes. Aller à la lettre : {index}", ""]
    for x in lettres:
        entrees = "".join(_entree(t) for t in tries if lettre(t) == x)
        blocs += [f"## {x}", "", f'<dl class="diese-glossaire">{entrees}</dl>', ""]
    return "\n".join(blocs)
