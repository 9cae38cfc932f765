"""Parse the user's JSON safely: deep nesting is refused before the parser sees it (in Pyodide,
100 000 nested lists overflow the JavaScript stack and kill the interpreter instead of raising
RecursionError)."""

from __future__ import annotations

import json

PROFONDEUR_MAX = 64  # a situation is at most three levels deep
MESSAGE = "La saisie n’est pas un JSON valide (ou elle est imbriquée trop profondément)."


def profondeur(texte: str) -> int:
    """Deepest nesting of arrays and objects, brackets inside strings ignored."""
    if texte.count("[") + texte.count("{") <= PROFONDEUR_MAX:
        return 0  # cannot be deeper than the number of openings
    plus, niveau, chaine, echappe = 0, 0, False, False
    for c in texte:
        if chaine:
            if echappe:
                echappe = False
            elif c == "\\":
                echappe = True
            elif c == '"':
                chaine = False
        elif c == '"':
            chaine = True
        elif c in "[{":
            niveau += 1
            if niveau > plus:
                plus = niveau
                if plus > PROFONDEUR_MAX:
                    return plus
        elif c in "]}":
            niveau -= 1
    return plus


def charger(texte: str) -> object:
    """`json.loads`, refusing deep nesting; ValueError (with MESSAGE) for any bad input."""
    if profondeur(texte) > PROFONDEUR_MAX:
        raise ValueError(MESSAGE)
    try:
        return json.loads(texte)
    except RecursionError as exc:
        raise ValueError(MESSAGE) from exc
