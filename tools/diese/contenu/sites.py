"""Reference sites (docs/data/sites.yml): Annex 1 of the guide and the addresses its text cites,
with what became of each one. Loaded at build time; a bad entry stops the build naming the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .validation import DONNEES, RACINE, ErreurDonnees, charger, verifier_ids_uniques

FICHIER = DONNEES / "sites.yml"
DOCS = RACINE / "docs"
ARCHIVE = "https://web.archive.org/web/2005/"

# Where the guide cites a site: id -> (title as in the guide's table of contents, page).
LIEUX: dict[str, tuple[str, str]] = {
    "annexe-1": ("Annexe n°1 — Sites référencés", "guide/annexes/sites-references.md"),
    "chapitre-3": (
        "III. La sensibilisation des entreprises",
        "guide/sensibilisation-entreprises.md",
    ),
    "chapitre-4": (
        "IV. L’accompagnement et le suivi dans l’entreprise",
        "guide/accompagnement-suivi-entreprise.md",
    ),
    "chapitre-5": ("V. L’accompagnement social des stagiaires", "guide/accompagnement-social.md"),
}

CATEGORIES: dict[str, str] = {
    "alternance": "Alternance",
    "formation": "Formation et tutorat",
    "insertion": "Insertion",
    "emploi": "Emploi",
    "handicap": "Handicap",
    "europe": "Europe",
    "coaching": "Coaching",
    "rh": "Ressources humaines",
}

# statut -> (label shown, ASCII slug for HTML attributes, sentence for readers)
STATUTS: dict[str, tuple[str, str, str]] = {
    "actif": ("Actif", "actif", "l’adresse de 2005 fonctionne toujours"),
    "déplacé": ("Déplacé", "deplace", "le site vit aujourd’hui à une autre adresse"),
    "disparu": ("Disparu", "disparu", "l’adresse de 2005 ne sert plus ce contenu"),
    "inconnu": ("Non vérifié", "inconnu", "le devenir de l’adresse n’est pas établi"),
}
METHODES = ("documentaire", "automatique")

SCHEMA_LIEN = {
    "type": "object",
    "required": ["nom"],
    "additionalProperties": False,
    "properties": {
        "nom": {"type": "string", "minLength": 2},
        # https only, except loopback addresses (the link checker's tests serve plain http).
        "adresse": {
            "type": "string",
            "pattern": r"^(https://[^\s]+|http://(127\.0\.0\.1|localhost)(:\d+)?(/\S*)?)$",
        },
        "page": {"type": "string", "pattern": r"^[a-z0-9/_-]+\.md$"},
    },
    "oneOf": [{"required": ["adresse"]}, {"required": ["page"]}],
}

SCHEMA_SITE = {
    "type": "object",
    "required": [
        "id", "libelle", "nom", "adresse", "categorie", "citations", "statut", "archive",
        "verification", "note",
    ],
    "additionalProperties": False,
    "properties": {
        "id": {"type": "string", "pattern": "^[a-z0-9-]+$"},
        "libelle": {"type": "string", "minLength": 2},
        "nom": {"type": "string", "minLength": 2},
        # As printed in the guide: the scheme is often missing (« www.handijob.org »).
        "adresse": {
            "type": "string",
            "pattern": r"^(https?://)?[a-z0-9.-]+\.[a-z0-9]+(:\d+)?(/\S*)?$",
        },
        "categorie": {"enum": list(CATEGORIES)},
        "citations": {
            "type": "array",
            "minItems": 1,
            "items": {
                "type": "object",
                "required": ["lieu"],
                "additionalProperties": False,
                "properties": {
                    "lieu": {"enum": list(LIEUX)},
                    "texte": {"type": "string", "minLength": 2},
                },
            },
        },
        "statut": {"enum": list(STATUTS)},
        "successeur": SCHEMA_LIEN,
        "voir_aussi": {"type": "array", "items": SCHEMA_LIEN},
        "archive": {"type": "string", "pattern": r"^https://web\.archive\.org/web/\S+$"},
        "verification": {
            "type": "object",
            "required": ["date", "methode", "detail"],
            "additionalProperties": False,
            "properties": {
                "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                "methode": {"enum": list(METHODES)},
                "detail": {"type": "string", "minLength": 10},
            },
        },
        "note": {"type": "string", "minLength": 5},
    },
}

SCHEMA = {
    "type": "object",
    "required": ["sites"],
    "additionalProperties": False,
    "properties": {"sites": {"type": "array", "minItems": 1, "items": SCHEMA_SITE}},
}


@dataclass(frozen=True)
class Lien:
    """A current address (https) or a page of this site (docs path)."""

    nom: str
    adresse: str = ""
    page: str = ""


@dataclass(frozen=True)
class Verification:
    date: str
    methode: str
    detail: str


@dataclass(frozen=True)
class Citation:
    lieu: str
    texte: str = ""

    @property
    def titre(self) -> str:
        return LIEUX[self.lieu][0]

    @property
    def page(self) -> str:
        return LIEUX[self.lieu][1]


@dataclass(frozen=True)
class Site:
    id: str
    libelle: str
    nom: str
    adresse: str
    categorie: str
    statut: str
    archive: str
    verification: Verification
    note: str
    citations: tuple[Citation, ...] = ()
    successeur: Lien | None = None
    voir_aussi: tuple[Lien, ...] = field(default_factory=tuple)
    rang: int = 0

    @property
    def url_originale(self) -> str:
        return normaliser(self.adresse)

    @property
    def dans_annexe(self) -> bool:
        return any(c.lieu == "annexe-1" for c in self.citations)


def normaliser(adresse: str) -> str:
    """The guide often omits the scheme (« www.europa.eu.int/ »): browsers assumed http."""
    return adresse if adresse.startswith(("http://", "https://")) else f"http://{adresse}"


def _verifier_regles(sites: list[dict], fichier: Path, docs: Path) -> None:
    """Rules a JSON Schema cannot say simply; each error names the entry and the field."""
    verifier_ids_uniques(sites, fichier)
    for rang, site in enumerate(sites):
        if site["statut"] == "déplacé" and "successeur" not in site:
            raise ErreurDonnees(
                f"{fichier} : champ sites[{rang}].successeur : obligatoire quand le statut est "
                f"« déplacé » (site « {site['id']} »)"
            )
        attendu = ARCHIVE + normaliser(site["adresse"])
        if site["archive"] != attendu:
            raise ErreurDonnees(
                f"{fichier} : champ sites[{rang}].archive : attendu « {attendu} » "
                f"(copie de l’adresse de 2005), trouvé « {site['archive']} »"
            )
        liens = [("successeur", site.get("successeur"))] + [
            (f"voir_aussi[{i}]", lien) for i, lien in enumerate(site.get("voir_aussi", []))
        ]
        for nom_champ, lien in liens:
            if lien and "page" in lien and not (docs / lien["page"]).is_file():
                raise ErreurDonnees(
                    f"{fichier} : champ sites[{rang}].{nom_champ}.page : la page "
                    f"« {lien['page']} » n’existe pas dans docs/"
                )


def _lien(brut: dict | None) -> Lien | None:
    return Lien(**brut) if brut else None


def construire(brut: dict, rang: int) -> Site:
    return Site(
        id=brut["id"],
        libelle=brut["libelle"],
        nom=brut["nom"],
        adresse=brut["adresse"],
        categorie=brut["categorie"],
        statut=brut["statut"],
        archive=brut["archive"],
        verification=Verification(**brut["verification"]),
        note=brut["note"],
        citations=tuple(Citation(**c) for c in brut["citations"]),
        successeur=_lien(brut.get("successeur")),
        voir_aussi=tuple(Lien(**v) for v in brut.get("voir_aussi", [])),
        rang=rang,
    )


def charger_sites(fichier: Path = FICHIER, docs: Path = DOCS) -> list[Site]:
    """Every site, in the guide's order (Annex 1 first, then the text's citations)."""
    donnees = charger(fichier, SCHEMA)
    _verifier_regles(donnees["sites"], fichier, docs)
    return [construire(brut, rang) for rang, brut in enumerate(donnees["sites"], start=1)]


def index_sites(sites: list[Site]) -> dict[str, Site]:
    return {s.id: s for s in sites}
