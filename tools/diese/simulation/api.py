"""`executer(commande, entree_json) -> str`: the one bridge used at build time and in the
browser (Pyodide). It never raises: bad input and unexpected failures become French messages."""

from __future__ import annotations

import json

from .champs import tous_les_champs
from .comparaison import comparer
from .entree_json import MESSAGE as MESSAGE_JSON
from .entree_json import charger
from .erreurs import ErreurSaisie
from .inverse import simuler_depuis_cible as simuler
from .oeth import calculer_oeth

COMMANDES = ("simuler", "comparer", "oeth", "champs")
ERREUR_INATTENDUE = ("Le calcul a échoué pour une raison inattendue. Vérifiez la saisie ; si le "
                     "problème persiste, signalez-le.")


def _erreurs(erreurs: list[dict]) -> str:
    return json.dumps({"ok": False, "erreurs": erreurs}, ensure_ascii=False)


def _executer(commande: str, entree) -> object:
    if commande == "simuler":
        return simuler(entree).en_dict()  # a known net pay or budget is inverted first
    if commande == "comparer":
        if not isinstance(entree, dict):
            raise ErreurSaisie.une(None, "La saisie doit être un objet JSON avec « profil » et "
                                   "« employeur ».")
        inconnues = set(entree) - {"profil", "employeur"}
        if inconnues:
            raise ErreurSaisie([{"champ": k, "message": f"Champ inconnu « {k} » : attendus "
                                 "« profil » et « employeur "
                                 "»."} for k in sorted(map(str, inconnues))])
        profil, employeur = entree.get("profil", {}), entree.get("employeur", {})
        return [o.en_dict() for o in comparer(profil, employeur)]
    if commande == "oeth":
        return calculer_oeth(entree).en_dict()
    return tous_les_champs()


def executer_objet(commande: str, entree_json: str) -> dict:
    """`executer` before serialisation: `{"ok": True, "resultat": ...}` or `{"ok": False,
    "erreurs": [...]}`. The browser's renderer reads it directly (no JSON round trip)."""
    try:
        if commande not in COMMANDES:
            return {"ok": False, "erreurs": [{"champ": None, "message": f"Commande inconnue « "
                                              f"{commande} » : attendue simuler, comparer, oeth "
                                              "ou champs."}]}
        try:
            entree = charger(entree_json) if entree_json and entree_json.strip() else {}
        except (ValueError, TypeError, AttributeError):
            return {"ok": False, "erreurs": [{"champ": None, "message": MESSAGE_JSON}]}
        return {"ok": True, "resultat": _executer(commande, entree)}
    except ErreurSaisie as exc:
        return {"ok": False, "erreurs": exc.erreurs}
    except Exception:  # noqa: BLE001 — the bridge must never raise into the page
        return {"ok": False, "erreurs": [{"champ": None, "message": ERREUR_INATTENDUE}]}


def executer(commande: str, entree_json: str) -> str:
    sortie = executer_objet(commande, entree_json)
    try:
        return json.dumps(sortie, ensure_ascii=False)
    except (TypeError, ValueError):  # the bridge must never raise into the page
        return _erreurs([{"champ": None, "message": ERREUR_INATTENDUE}])
