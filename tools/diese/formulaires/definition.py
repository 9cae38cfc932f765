"""Form definitions (docs/data/formulaires/<id>.yml): schema, loader and the derived list of
fillable fields. One definition feeds the four makers (PDF, ODT, DOCX, HTML), so a wording
changes in one place only."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from diese.contenu.validation import (
    DONNEES,
    ErreurDonnees,
    lire_yaml,
    valider,
    verifier_ids_uniques,
)

DOSSIER = DONNEES / "formulaires"
# Display order on the downloads page.
ORDRE = (
    "fiche-accueil",
    "fiche-suivi-apprenti",
    "fiche-suivi-entreprise",
    "evaluation-stage",
    "questionnaire-etat-des-lieux",
)
ECHELLE = ("1", "2", "3", "4", "5")
BORNES_PAR_DEFAUT = ["Pas du tout satisfaisant", "Tout à fait satisfaisant"]

_ID = {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"}
_TEXTE = {"type": "string", "minLength": 1}
_BORNES = {"type": "array", "items": _TEXTE, "minItems": 2, "maxItems": 2}
_COMMUN = {"id": _ID, "libelle": _TEXTE, "aide": _TEXTE}

_COLONNE = {
    "type": "object",
    "required": ["id", "libelle", "type"],
    "additionalProperties": False,
    "properties": {
        **_COMMUN,
        "type": {"enum": ["texte", "date", "case", "echelle"]},
        # relative width: the makers share the line between columns in this ratio
        "largeur": {"type": "number", "exclusiveMinimum": 0, "maximum": 10},
        "vertical": {"type": "boolean"},
        "bornes": _BORNES,
    },
}
_LIGNE = {
    "type": "object",
    "required": ["id", "libelle"],
    "additionalProperties": False,
    "properties": {"id": _ID, "libelle": _TEXTE},
}
_OPTION = _LIGNE


def _champ(type_: str, requis: list[str] | None = None, **proprietes: Any) -> dict:
    return {
        "type": "object",
        "required": ["id", "libelle", "type", *(requis or [])],
        "additionalProperties": False,
        "properties": {**_COMMUN, "type": {"const": type_}, **proprietes},
    }


_DEMI = {"largeur": {"enum": ["pleine", "demie"]}}
_PAR_TYPE = {
    "texte": _champ("texte", **_DEMI),
    "date": _champ("date", **_DEMI),
    "texte_long": _champ("texte_long", lignes={"type": "integer", "minimum": 2, "maximum": 30}),
    "case": _champ("case"),
    "choix": _champ(
        "choix",
        ["options"],
        options={"type": "array", "items": _OPTION, "minItems": 2},
        multiple={"type": "boolean"},
        liste={"type": "boolean"},
    ),
    "echelle": _champ("echelle", bornes=_BORNES),
    "tableau": _champ(
        "tableau",
        ["colonnes", "lignes"],
        colonnes={"type": "array", "items": _COLONNE, "minItems": 1},
        lignes={
            "oneOf": [
                {"type": "integer", "minimum": 1, "maximum": 60},
                {"type": "array", "items": _LIGNE, "minItems": 1},
            ]
        },
        entete_lignes=_TEXTE,
    ),
    "signature": _champ("signature"),
}
# if/then on `type` rather than oneOf, so an error says what is wrong, not "no schema matched".
CHAMP = {
    "type": "object",
    "required": ["id", "libelle", "type"],
    "properties": {"type": {"enum": list(_PAR_TYPE)}},
    "allOf": [
        {"if": {"properties": {"type": {"const": t}}}, "then": schema}
        for t, schema in _PAR_TYPE.items()
    ],
}
SCHEMA = {
    "type": "object",
    "required": ["id", "titre", "objet", "source", "sections"],
    "additionalProperties": False,
    "properties": {
        "id": _ID,
        "titre": _TEXTE,
        "objet": _TEXTE,
        "source": _TEXTE,
        "introduction": {"type": "array", "items": _TEXTE},
        "sections": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["id", "titre", "champs"],
                "additionalProperties": False,
                "properties": {
                    "id": _ID,
                    "titre": _TEXTE,
                    "partie": _TEXTE,
                    "texte": {"type": "array", "items": _TEXTE},
                    "puces": {"type": "array", "items": _TEXTE},
                    "champs": {"type": "array", "items": CHAMP},
                },
            },
        },
    },
}


@dataclass(frozen=True)
class ChampRemplissable:
    """One fillable widget as the PDF holds it: `nom` is the AcroForm field name."""

    nom: str
    type: str  # texte, multiligne, case, radio, liste
    libelle: str
    valeurs: tuple[str, ...] = ()


def nom_champ(*parties: str) -> str:
    # Ids use "-" only, so "_" separates the parts unambiguously (a "." would mean hierarchy).
    return "_".join(parties)


def lignes_tableau(champ: dict) -> list[dict]:
    """Rows of a table: the listed ones, or numbered blank rows (« Ligne 1 », …)."""
    lignes = champ["lignes"]
    if isinstance(lignes, int):
        return [{"id": f"{n:02d}", "libelle": f"Ligne {n}"} for n in range(1, lignes + 1)]
    return lignes


def tous_les_champs(definition: dict) -> Iterator[tuple[dict, dict]]:
    for section in definition["sections"]:
        for champ in section["champs"]:
            yield section, champ


def libelles(definition: dict) -> list[str]:
    """Every piece of wording a person must see in a blank copy (used by the tests)."""
    textes = [definition["titre"]]
    for section in definition["sections"]:
        textes.append(section["titre"])
        textes += section.get("texte", []) + section.get("puces", [])
        for champ in section["champs"]:
            textes.append(champ["libelle"])
            textes += [o["libelle"] for o in champ.get("options", [])]
            textes += [c["libelle"] for c in champ.get("colonnes", [])]
            if champ["type"] == "tableau" and not isinstance(champ["lignes"], int):
                textes += [ligne["libelle"] for ligne in champ["lignes"]]
    return textes


def champs_remplissables(definition: dict) -> list[ChampRemplissable]:
    """The AcroForm fields the PDF must contain, in reading order."""
    resultat: list[ChampRemplissable] = []
    for _, champ in tous_les_champs(definition):
        ident, type_, libelle = champ["id"], champ["type"], champ["libelle"]
        if type_ in {"texte", "date"}:
            resultat.append(ChampRemplissable(ident, "texte", libelle))
        elif type_ == "texte_long":
            resultat.append(ChampRemplissable(ident, "multiligne", libelle))
        elif type_ == "case":
            resultat.append(ChampRemplissable(ident, "case", libelle))
        elif type_ == "echelle":
            resultat.append(ChampRemplissable(ident, "radio", libelle, ECHELLE))
        elif type_ == "choix":
            valeurs = tuple(o["id"] for o in champ["options"])
            if champ.get("multiple"):
                resultat += [
                    ChampRemplissable(nom_champ(ident, o["id"]), "case",
                                      f"{libelle} : {o['libelle']}")
                    for o in champ["options"]
                ]
            elif champ.get("liste"):
                resultat.append(ChampRemplissable(ident, "liste", libelle, valeurs))
            else:
                resultat.append(ChampRemplissable(ident, "radio", libelle, valeurs))
        elif type_ == "tableau":
            for ligne in lignes_tableau(champ):
                for colonne in champ["colonnes"]:
                    nom = nom_champ(ident, ligne["id"], colonne["id"])
                    texte = f"{libelle}, {ligne['libelle']}, {colonne['libelle']}"
                    genre = {"texte": "texte", "date": "texte", "case": "case", "echelle": "radio"}
                    valeurs = ECHELLE if colonne["type"] == "echelle" else ()
                    resultat.append(ChampRemplissable(nom, genre[colonne["type"]], texte, valeurs))
    return resultat


def _verifier(definition: dict, fichier: Path) -> None:
    if definition["id"] != fichier.stem:
        raise ErreurDonnees(
            f"{fichier} : champ id : « {definition['id']} » doit être le nom du fichier "
            f"(« {fichier.stem} »)"
        )
    verifier_ids_uniques(definition["sections"], f"{fichier} : sections")
    champs = [champ for _, champ in tous_les_champs(definition)]
    verifier_ids_uniques(champs, f"{fichier} : champs")
    for champ in champs:
        lieu = f"{fichier} : champ {champ['id']}"
        for cle in ("options", "colonnes"):
            if cle in champ:
                verifier_ids_uniques(champ[cle], f"{lieu}.{cle}")
        if champ["type"] == "tableau" and not isinstance(champ["lignes"], int):
            verifier_ids_uniques(champ["lignes"], f"{lieu}.lignes")
    noms = [c.nom for c in champs_remplissables(definition)]
    doublons = sorted({n for n in noms if noms.count(n) > 1})
    if doublons:
        raise ErreurDonnees(f"{fichier} : champ {doublons[0]} : nom de champ PDF en double")


def _nommer_champs(message: str, donnees: Any) -> str:
    """Add the field id after each « sections[i].champs[j] » so the error names the field."""

    def remplacer(trouve: re.Match) -> str:
        try:
            ident = donnees["sections"][int(trouve[1])]["champs"][int(trouve[2])]["id"]
        except (KeyError, IndexError, TypeError):
            return trouve[0]
        return f"{trouve[0]} (« {ident} »)"

    return re.sub(r"sections\[(\d+)\]\.champs\[(\d+)\]", remplacer, message)


def charger_definition(fichier: Path) -> dict:
    """A validated definition (a fresh copy: callers may modify it)."""
    etat = fichier.stat() if fichier.exists() else None
    cle = (str(fichier), etat.st_mtime_ns if etat else 0, etat.st_size if etat else 0)
    return copy.deepcopy(_charger(cle))


@functools.lru_cache(maxsize=64)
def _charger(cle: tuple[str, int, int]) -> dict:
    # Pages call the macros several times per build: parse each file once per version.
    fichier = Path(cle[0])
    donnees = lire_yaml(fichier)
    try:
        definition = valider(donnees, SCHEMA, fichier)
    except ErreurDonnees as exc:
        raise ErreurDonnees(_nommer_champs(str(exc), donnees)) from None
    _verifier(definition, fichier)
    return definition


def charger_definitions(dossier: Path = DOSSIER) -> list[dict]:
    """Every definition, in the downloads-page order (unknown ids last, alphabetically)."""
    fichiers = sorted(dossier.glob("*.yml"))
    if not fichiers:
        raise ErreurDonnees(f"{dossier} : aucune définition de formulaire")
    definitions = [charger_definition(f) for f in fichiers]
    rang = {ident: n for n, ident in enumerate(ORDRE)}
    return sorted(definitions, key=lambda d: (rang.get(d["id"], len(ORDRE)), d["id"]))


@dataclass(frozen=True)
class Etape:
    """One section of a form in reading order, with what every format writes before it."""

    section: dict
    titre_partie: str | None  # a part heading to write first (its first section), else None
    dans_une_partie: bool  # the section's heading sits one level below its part's


def sections_et_parties(definition: dict) -> Iterator[Etape]:
    """The sections in order. A part heading is written once, before the part's first section,
    unless that section has the part's own title (then the section heading stands for both)."""
    partie = None
    for section in definition["sections"]:
        titre_partie, dessous = None, False
        if section.get("partie"):
            if section["partie"] != partie:
                partie = section["partie"]
                if partie != section["titre"]:
                    titre_partie = partie
            dessous = partie != section["titre"]
        yield Etape(section, titre_partie, dessous)


def suite(champs: list[dict], debut: int, types: set[str]) -> list[dict]:
    """The run of consecutive fields from `debut` whose type is in `types` (signatures side by
    side, short text fields sharing a line): every maker lays such runs out together."""
    fin = debut
    while fin < len(champs) and champs[fin]["type"] in types:
        fin += 1
    return champs[debut:fin]
