"""French number and date formatting (no locale module: Pyodide has no French locale)."""

from __future__ import annotations

import math

MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")


def arrondi(x: float) -> float:
    """Round half away from zero to the cent (payslips do not use banker's rounding)."""
    if x < 0:
        return -arrondi(-x)
    return math.floor(x * 100 + 0.5 + 1e-9) / 100


def nombre(x: float, decimales: int = 2) -> str:
    texte = f"{x:,.{decimales}f}".replace(",", "\u202f").replace(".", ",")
    return texte


def euros(x: float) -> str:
    return nombre(x) + "\u00a0€"


def pourcent(taux: float) -> str:
    texte = f"{taux * 100:.4f}".rstrip("0").rstrip(".").replace(".", ",")
    return texte + "\u00a0%"


def date_fr(iso: str) -> str:
    annee, mois, jour = iso[:10].split("-")
    j = int(jour)
    return f"{'1er' if j == 1 else j} {MOIS[int(mois) - 1]} {annee}"


def valeur_lisible(valeur, unite: str) -> str:
    if valeur is None:
        return "supprimé (aucune valeur)"
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, (int, float)):
        if unite == "/1":
            return pourcent(valeur)
        if unite == "currency-EUR":
            return euros(valeur)
        if unite == "heure":
            return nombre(valeur) + "\u00a0h"
        if unite == "smic":
            return nombre(valeur, 2) + " SMIC"
        return nombre(valeur, 0) if float(valeur).is_integer() else nombre(valeur, 4)
    return "barème (voir le détail de la source)"
