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
        if self.statut == "non_verifie":
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


_CACHES: dict[str, dict] = {}
_CACHES_SOURCE: list[dict | None] = [None]


def cache_lie(nom: str) -> dict:
    """A memo for what is derived from the parameters loaded (the same at every keystroke),
    emptied whenever they are loaded again (tests change them through a fresh copy)."""
    params = tous()
    if _CACHES_SOURCE[0] is not params:
        _CACHES.clear()
        _CACHES_SOURCE[0] = params
    return _CACHES.setdefault(nom, {})


def parametre(ident: str) -> Parametre:
    return tous()[ident]


def valeur(ident: str, jour: str) -> Any:
    return tous()[ident].valeur(jour)


# ---------------------------------------------------------------- tracer
# As OpenFisca's tracer does: while a `Trace` is active, every dated value the computation reads
# is recorded under the figure being computed, with the last day it was read for. The sources a
# figure shows are then what its computation actually read, not a list kept by hand.

class Trace:
    """Reads per figure: {figure: {(ident, rang): last day read}} (insertion-ordered). Months
    are computed in date order, so the last day written is the last day the value served."""

    __slots__ = ("figure", "jour", "par_figure", "courant")

    def __init__(self) -> None:
        self.figure = ""
        self.jour = ""
        self.par_figure: dict[str, dict[tuple[str, int], str]] = {}
        self.courant = self.par_figure.setdefault("", {})  # the current figure's reads

    def choisir(self, figure: str, jour: str) -> None:
        self.figure, self.jour = figure, jour
        self.courant = self.par_figure.setdefault(figure, {})

    def noter(self, ident: str, rang: int) -> None:
        self.courant[(ident, rang)] = self.jour

    def lus(self, figure: str) -> list[tuple[str, int]]:
        return list(self.par_figure.get(figure, {}))

    @property
    def jusqu_au(self) -> dict[tuple[str, int], str]:
        """For each value read, the last simulated day it served (all figures)."""
        jours: dict[tuple[str, int], str] = {}
        for lus in self.par_figure.values():
            for cle, jour in lus.items():
                if jour > jours.get(cle, ""):
                    jours[cle] = jour
        return jours

    def valeurs_utilisees(self) -> dict[tuple[str, int], str]:
        """Values that served: a value read as abolished (null) is not « used »."""
        params = tous()
        return {(i, r): jour for (i, r), jour in self.jusqu_au.items()
                if r >= 0 and params[i].valeurs[r] is not None}


_trace: Trace | None = None  # Pyodide and the build run one computation at a time


class tracer:  # noqa: N801 — used as `with tracer() as trace:`
    """Record reads into a new trace until the block ends (an outer trace resumes then)."""

    __slots__ = ("trace", "_exterieure")

    def __init__(self) -> None:
        self.trace = Trace()
        self._exterieure: Trace | None = None

    def __enter__(self) -> Trace:
        global _trace
        self._exterieure = _trace
        _trace = self.trace
        return self.trace

    def __exit__(self, *exc) -> None:
        global _trace
        _trace = self._exterieure


class figure:  # noqa: N801 — used as `with figure("salaire_brut", jour):`
    """Reads inside the block count for `cle` (and for `jour`, when given)."""

    __slots__ = ("cle", "jour", "_avant")

    def __init__(self, cle: str, jour: str | None = None) -> None:
        self.cle, self.jour = cle, jour
        self._avant: tuple[str, str] | None = None

    def __enter__(self) -> None:
        t = _trace
        if t is not None:
            self._avant = (t.figure, t.jour)
            t.choisir(self.cle, t.jour if self.jour is None else self.jour)

    def __exit__(self, *exc) -> None:
        t = _trace
        if t is not None and self._avant is not None:
            t.choisir(*self._avant)


def noter(ident: str, rang: int) -> None:
    if _trace is not None:
        _trace.noter(ident, rang)


def lire(ident: str, jour: str) -> tuple[Any, int]:
    """(value in force on `jour`, its index), recorded by the active trace."""
    p = tous()[ident]
    r = p.rang(jour)
    if _trace is not None:
        _trace.noter(ident, r)
    return (None if r < 0 else p.valeurs[r]), r


class ValeursDatees(dict):
    """{ident: value} in force on one day; reading an item records it in the active trace."""

    __slots__ = ("rangs",)

    def __init__(self) -> None:
        super().__init__()
        self.rangs: dict[str, int] = {}

    def __getitem__(self, ident: str) -> Any:
        t = _trace
        if t is not None:  # inlined `Trace.noter`: this runs thousands of times per simulation
            t.courant[(ident, self.rangs[ident])] = t.jour
        return dict.__getitem__(self, ident)


def passer_a(cle: str) -> None:
    """From here on, reads count for figure `cle` (inside a `figure` block, which restores the
    outer figure when it ends): one line where a computation moves to the next figure."""
    if _trace is not None:
        _trace.choisir(cle, _trace.jour)
