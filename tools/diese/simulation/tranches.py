"""Bands whose keys carry their bounds: « moins_18 », « 18_20 », « 26_plus », « de_20_a_249 »,
« a_partir_de_250 ». A grid of the parameters thus says both its values and the ages or headcounts
they apply to: the code picks a band and the texts name it from the key, with no bound written in
code or prose (a changed grid changes both)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

Bornes = tuple[int | None, int | None]  # (lowest, highest) included; None: open

_MOINS = re.compile(r"^moins_(\d+)$")
_ENTRE = re.compile(r"^(?:de_)?(\d+)_(?:a_)?(\d+)$")
_PLUS = re.compile(r"^(?:(\d+)_plus|a_partir_de_(\d+))$")


@lru_cache(maxsize=256)
def bornes(cle: str) -> Bornes | None:
    """The bounds a band key carries, None for any other key (« montant », « 4 »…)."""
    if m := _MOINS.match(cle):
        return None, int(m[1]) - 1
    if m := _ENTRE.match(cle):
        return int(m[1]), int(m[2])
    if m := _PLUS.match(cle):
        return int(m[1] or m[2]), None
    return None


def tranches(grille: Mapping) -> list[tuple[str, int | None, int | None]]:
    """(key, lowest, highest) of each band of `grille`, from the lowest."""
    trouvees = [(cle, *b) for cle in grille if (b := bornes(str(cle))) is not None]
    return sorted(trouvees, key=lambda t: -1 if t[1] is None else t[1])


def tranche(grille: Mapping, x: float) -> str:
    """The key of the band holding `x` (KeyError when none does: a grid with a hole)."""
    for cle, bas, haut in tranches(grille):
        if (bas is None or x >= bas) and (haut is None or x <= haut):
            return cle
    raise KeyError(f"aucune tranche pour {x}")


def seuils(grille: Mapping) -> list[int]:
    """Where a new band starts: [18, 21, 26] for the apprentice's pay grid."""
    return [bas for _, bas, _ in tranches(grille) if bas is not None]


def seuil_haut(grille: Mapping) -> int:
    """Where the top band starts (e.g. 250 for {moins_250, 250_plus})."""
    return seuils(grille)[-1]


def libelle(cle: str, unite: str) -> str:
    """« moins de 18 ans », « 18 à 20 ans », « 250 salariés et plus » (`unite`: « ans »,
    « salariés »…); the key itself when it is no band."""
    b = bornes(cle)
    if b is None:
        return cle
    bas, haut = b
    if bas is None:
        return f"moins de {haut + 1} {unite}"
    if haut is None:
        return f"{bas} {unite} et plus"
    return f"{bas} à {haut} {unite}"


def enumerer(grille: Mapping, unite: str) -> str:
    """« moins de 21 ans, 21 à 25 ans, 26 ans et plus »."""
    return ", ".join(libelle(cle, unite) for cle, _, _ in tranches(grille))
