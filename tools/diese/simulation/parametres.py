"""Read the compiled parameters (standard library only) and look values up by date.

A lookup returns the value in force on a day and the date of effect it comes from, so every
figure can name the values it used, their date and their source."""

from __future__ import annotations

import json
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any

FICHIER = Path(__file__).resolve().parent / "parametres.json"


class Parametre:
    __slots__ = ("ident", "libelle", "description", "unite", "statut", "note", "sources",
                 "confirmer_aupres", "note_usager",
                 "references", "derniere_date_confirmee", "dates", "valeurs", "refs_valeurs",
                 "preuves_valeurs", "statuts_valeurs")

    def __init__(self, ident: str, brut: dict) -> None:
        self.ident = ident
        self.libelle: str = brut["libelle"]
        self.description: str = brut["description"]
        self.unite: str = brut["unite"]
        self.statut: str = brut["statut"]
        self.note: str = brut["note"]  # maintainers only (never shown by the simulators)
        self.confirmer_aupres: str = brut.get("confirmer_aupres", "")
        self.note_usager: str = brut.get("note_usager", "")
        self.sources: list[str] = brut["sources"]
        self.references: list[dict] = brut["references"]
        self.derniere_date_confirmee: str = brut["derniere_date_confirmee"]
        self.dates: list[str] = [v["date"] for v in brut["valeurs"]]
        self.valeurs: list[Any] = [v["valeur"] for v in brut["valeurs"]]
        self.refs_valeurs: list[list[dict]] = [v["references"] for v in brut["valeurs"]]
        # Evidence per dated value: [{titre, url, extrait, consulte_le}].
        self.preuves_valeurs: list[list[dict]] = [v.get("preuves", []) for v in brut["valeurs"]]
        # A value-level statut overrides the parameter's ("" = the parameter's statut).
        self.statuts_valeurs: list[str] = [v.get("statut", "") for v in brut["valeurs"]]

    def note_publique(self) -> str:
        """What the simulators may tell a user about this value: a plain note, and who can
        confirm it when our sources did not."""
        morceaux = [self.note_usager] if self.note_usager else []
        if self.statut != "verifie":
            morceaux.append(f"Valeur à confirmer auprès {self.confirmer_aupres}.")
        return " ".join(morceaux)

    def rang(self, jour: str) -> int:
        """Index of the value in force on `jour` (ISO date), -1 before the first date of effect."""
        return bisect_right(self.dates, jour) - 1

    def valeur(self, jour: str) -> Any:
        i = self.rang(jour)
        return None if i < 0 else self.valeurs[i]

    def preuves(self, rang: int) -> list[dict]:
        return self.preuves_valeurs[rang] if rang >= 0 else []

    def statut_valeur(self, rang: int) -> str:
        """Statut of one dated value: its own if set, else the parameter's."""
        propre = self.statuts_valeurs[rang] if rang >= 0 else ""
        return propre or self.statut

    def source(self, rang: int) -> dict:
        """The most specific reference for a value: its own, else the parameter's first one."""
        refs = self.refs_valeurs[rang] if rang >= 0 else []
        return (refs or self.references)[0]


@lru_cache(maxsize=1)
def tous() -> dict[str, Parametre]:
    with FICHIER.open(encoding="utf-8") as flux:
        brut = json.load(flux)
    return {ident: Parametre(ident, p) for ident, p in brut["parametres"].items()}


def parametre(ident: str) -> Parametre:
    return tous()[ident]


def valeur(ident: str, jour: str) -> Any:
    return tous()[ident].valeur(jour)
