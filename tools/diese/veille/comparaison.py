"""Pure comparison of our dated values with a reference model's (no network, no install)."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

DEBUT = "2024-01-01"  # the watch covers the values in force from this day on
TOLERANCE = 1e-9


@dataclass(frozen=True)
class Ecart:
    ident: str
    source: str  # « openfisca-france 177.0.0 », « modele-social 11.2.0 »
    date: str
    notre: Any
    leur: Any


@dataclass(frozen=True)
class Perime:
    ident: str
    confirme_jusqu_au: str


def en_vigueur(valeurs: dict[str, Any], jour: str) -> Any:
    """The value in force on `jour` in a {date of effect: value} table (None before the first)."""
    dates = sorted(valeurs)
    i = bisect_right(dates, jour) - 1
    return None if i < 0 else valeurs[dates[i]]


def dates_a_comparer(nos: dict[str, Any], leurs: dict[str, Any], aujourd_hui: str,
                     debut: str = DEBUT) -> list[str]:
    """Every date of effect, ours or theirs, from `debut` to today, plus `debut` and today: a
    change on either side between two of our dates is seen."""
    dates = {d for d in (*nos, *leurs) if debut <= d <= aujourd_hui}
    return sorted(dates | {debut, aujourd_hui})


def egales(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(a - b) <= TOLERANCE * max(1.0, abs(a), abs(b))
    return a == b


def comparer(ident: str, source: str, nos: dict[str, Any], leurs: dict[str, Any],
             aujourd_hui: str, debut: str = DEBUT) -> list[Ecart]:
    """Dates on which the value in force differs (one line per change, not per day)."""
    ecarts: list[Ecart] = []
    precedent: tuple[Any, Any] | None = None
    for jour in dates_a_comparer(nos, leurs, aujourd_hui, debut):
        paire = (en_vigueur(nos, jour), en_vigueur(leurs, jour))
        if not egales(*paire) and paire != precedent:
            ecarts.append(Ecart(ident, source, jour, *paire))
        precedent = paire if not egales(*paire) else None
    return ecarts


def comparer_ponctuel(ident: str, source: str, nos: dict[str, Any],
                      leurs_par_jour: dict[str, Any], debut: str = DEBUT) -> list[Ecart]:
    """For a model evaluated at chosen days (modele-social): compare on those days only."""
    return [Ecart(ident, source, jour, en_vigueur(nos, jour), leur)
            for jour, leur in sorted(leurs_par_jour.items())
            if jour >= debut and not egales(en_vigueur(nos, jour), leur)]


def perimes(confirmations: dict[str, str], aujourd_hui: str) -> list[Perime]:
    """Our parameters whose last confirmation (last_value_still_valid_on) is before today."""
    return [Perime(i, d) for i, d in sorted(confirmations.items()) if d < aujourd_hui]


def valeurs_openfisca(brut: dict, tranche: int | None) -> dict[str, Any]:
    """{date: value} of an openfisca-france parameter file (`values`, or a bracket's rate)."""
    if tranche is None:
        table = brut.get("values")
    else:
        baremes = brut.get("brackets") or []
        table = baremes[tranche].get("rate") if tranche < len(baremes) else None
    if not isinstance(table, dict):
        raise ValueError("format non reconnu (ni « values » ni tranche de barème)")
    resultat = {}
    for date, entree in table.items():
        jour = date.isoformat() if isinstance(date, dt.date) else str(date)
        valeur = entree.get("value") if isinstance(entree, dict) else entree
        resultat[jour] = valeur
    return resultat


def valeur_modele_social(valeur: Any, unite: dict | None) -> Any:
    """modele-social's rates are in %: ours are /1."""
    if isinstance(valeur, (int, float)) and unite and unite.get("numerators") == ["%"]:
        return valeur / 100
    return valeur


def texte(date: str, versions: dict[str, str], ecarts: list[Ecart], absents: list[str],
          perimes_: list[Perime], compares: int) -> str:
    lignes = [f"Veille des paramètres du {date}",
              "Références : " + ", ".join(f"{n} {v}" for n, v in versions.items()),
              f"Paramètres comparés : {compares}", ""]
    if ecarts:
        lignes.append(f"Écarts ({len(ecarts)}) — à examiner, l’une ou l’autre source peut avoir "
                      "tort :")
        for e in ecarts:
            lignes.append(f"  - {e.ident} au {e.date} : nous {e.notre!r}, {e.source} {e.leur!r}")
    else:
        lignes.append("Aucun écart sur les dates couvertes.")
    if absents:
        lignes += ["", f"Introuvables dans les références ({len(absents)}) :",
                   *[f"  - {a}" for a in absents]]
    lignes += ["", f"Valeurs confirmées pour la dernière fois avant aujourd’hui ({len(perimes_)}) :"
               if perimes_ else "Toutes nos valeurs sont confirmées à ce jour."]
    lignes += [f"  - {p.ident} : confirmé jusqu’au {p.confirme_jusqu_au}" for p in perimes_]
    return "\n".join(lignes)
