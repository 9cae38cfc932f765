"""Numbers as French users type them: « 1 500,50 », « 1500.5 », « 1 500 € », « 12,5 % »
(ordinary, no-break and narrow no-break spaces as thousands separators)."""

from __future__ import annotations

import re

_ESPACES = re.compile(r"[\s\u00a0\u202f\u2009]+")
_NOMBRE = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


def nombre_fr(texte: str) -> float:
    """The number a French-written text means; ValueError if it is not one."""
    propre = _ESPACES.sub("", texte)
    for unite in ("€", "%", "EUR", "eur"):
        if propre.endswith(unite):
            propre = propre[: -len(unite)]
            break
    if "," in propre and "." in propre:
        # « 1.500,50 »: the last sign is the decimal one, the other groups thousands.
        decimal = "," if propre.rfind(",") > propre.rfind(".") else "."
        propre = propre.replace("." if decimal == "," else ",", "")
    if not _NOMBRE.match(propre):
        raise ValueError(texte)
    return float(propre.replace(",", "."))
