"""Entry point of the Pyodide worker: runs the engine and returns the HTML of the result, built by
the same renderer as the pre-rendered page. Standard library only (ships in the wheel)."""

from __future__ import annotations

import json

from diese.simulateurs import rendu
from diese.simulation.api import executer_objet


def repondre(commande: str, entree_json: str) -> str:
    """JSON `{"ok": true, "html", "annonce"}` or `{"ok": false, "erreurs": [...]}`; never raises."""
    # The engine's objects as they are: serialising them to JSON and reading them back (what
    # `executer` does for the command line) would cost a third of the time of a keystroke.
    sortie = executer_objet(commande, entree_json)
    if not sortie.get("ok"):
        return json.dumps({"ok": False, "erreurs": sortie.get("erreurs") or []}, ensure_ascii=False)
    resultat = sortie.get("resultat")
    try:
        html = rendu.rendre(commande, resultat)
        annonce = rendu.annonce(commande, resultat)
    except Exception as exc:  # noqa: BLE001 — the page must get a message, not a traceback
        message = f"Le résultat n’a pas pu être affiché ({type(exc).__name__})."
        return json.dumps({"ok": False, "erreurs": [{"champ": None, "message": message}]},
                          ensure_ascii=False)
    return json.dumps({"ok": True, "html": html, "annonce": annonce}, ensure_ascii=False)
