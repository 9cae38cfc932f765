"""From a known net pay or a known monthly budget (employer cost) to the gross pay the forward
engine needs: an inverse computation on the first month, exact to the cent.

The forward figures (net pay, employer cost) rise with the gross pay but are not linear (general
reduction, rounding), so the gross pay is searched in whole cents between the contract's legal
minimum and the engine's maximum: regula falsi (near-linear, so a few steps) that falls back to
bisection as a last resort.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .erreurs import ErreurSaisie
from .moteur import simuler_situation
from .resultat import Avertissement, Resultat
from .saisie import Lecteur, lire_situation
from .textes import euros

BRUT_MAX = 100_000.0
# What the user knows about the pay: the engine's own gross pay, or a target to invert.
SALAIRE_CONNU = {"brut": None, "net": "salaire_net_mensuel", "cout": "cout_mensuel"}
CIBLES = {
    "net": ("salaire_net", "Le salaire net mensuel visé", "salaire net"),
    "cout": ("cout_employeur", "Le coût total mensuel visé", "coût total pour l’entreprise"),
}
CLES_CIBLE = ("salaire_connu", "salaire_net_mensuel", "cout_mensuel")


def _premier_mois(entree: dict, brut: float | None, aujourd_hui: dt.date | None) -> dict:
    s = lire_situation({**entree, "salaire_brut_mensuel": brut}, aujourd_hui)
    return simuler_situation(s).mois[0]


def brut_pour(entree: dict, sorte: str, cible: float,
              aujourd_hui: dt.date | None = None) -> tuple[float, float]:
    """(gross pay, first-month value it gives) for `cible`, the first month's net pay (`net`) or
    employer cost (`cout`); ErreurSaisie in French when the law's minimum pay already gives more
    or the engine's maximum gives less."""
    cle, nom, _ = CIBLES[sorte]
    champ = SALAIRE_CONNU[sorte]
    entree = dict(entree)
    if entree.get("contrat") == "cdd":
        # The end-of-contract indemnity is paid with the last month: keep it out of month one.
        try:
            entree["duree_mois"] = max(2, int(entree.get("duree_mois") or 2))
        except (TypeError, ValueError):
            pass  # the engine reports the bad duration itself

    def f(cents: int) -> float:
        return _premier_mois(entree, cents / 100, aujourd_hui)[cle]

    minimum = _premier_mois(entree, None, aujourd_hui)
    bas, haut = round(minimum["salaire_brut"] * 100), round(BRUT_MAX * 100)
    f_bas = minimum[cle]
    if cible < f_bas - 0.005:
        raise ErreurSaisie.une(champ, (
            f"{nom} ({euros(cible)}) est inférieur à ce que permet le salaire minimum légal de ce "
            f"contrat : au moins {euros(f_bas)} par mois (pour {euros(minimum['salaire_brut'])} "
            "brut)."))
    f_haut = f(haut)
    if cible > f_haut + 0.005:
        raise ErreurSaisie.une(champ, (
            f"{nom} ({euros(cible)}) dépasse ce que le simulateur calcule : au plus "
            f"{euros(f_haut)} par mois (pour {euros(BRUT_MAX)} brut)."))
    # Illinois variant of regula falsi: an end kept twice has its weight halved, so the
    # bracket closes from both sides; bisection after many steps guards against odd shapes.
    g_bas, g_haut, garde, pas = f_bas - cible, f_haut - cible, 0, 0
    while haut - bas > 1:
        pas += 1
        if pas > 40 or g_haut == g_bas:
            x = (bas + haut) // 2
        else:
            x = bas + round(-g_bas * (haut - bas) / (g_haut - g_bas))
            x = min(max(x, bas + 1), haut - 1)
        fx = f(x)
        if abs(fx - cible) < 0.0005:
            return x / 100, fx
        if fx < cible:
            bas, f_bas, g_bas = x, fx, fx - cible
            g_haut = g_haut / 2 if garde == -1 else g_haut
            garde = -1
        else:
            haut, f_haut, g_haut = x, fx, fx - cible
            g_bas = g_bas / 2 if garde == 1 else g_bas
            garde = 1
    if abs(f_bas - cible) <= abs(f_haut - cible):
        return bas / 100, f_bas
    return haut / 100, f_haut


def preparer(entree: Any, aujourd_hui: dt.date | None = None) -> tuple[Any, str | None]:
    """The engine input with the target (net pay or budget) replaced by the gross pay it needs,
    and a French sentence saying so; input without a target is returned unchanged."""
    if not isinstance(entree, dict) or not any(k in entree for k in CLES_CIBLE):
        return entree, None
    lec = Lecteur({k: entree[k] for k in CLES_CIBLE if k in entree}, CLES_CIBLE)
    reste = {k: v for k, v in entree.items() if k not in CLES_CIBLE}
    sorte = lec.brut("salaire_connu") or "brut"
    if sorte not in SALAIRE_CONNU:
        lec.erreur("salaire_connu", f"« {sorte} » : indiquez brut, net ou cout.")
        lec.lever()
    if sorte == "brut":
        return reste, None
    champ = SALAIRE_CONNU[sorte]
    cible = lec.nombre(champ, CIBLES[sorte][1], None, 0, 1e9)
    if cible is None and not lec.erreurs:
        lec.erreur(champ, f"{CIBLES[sorte][1]} est à indiquer (en euros par mois).")
    lec.lever()
    reste.pop("salaire_brut_mensuel", None)
    brut, obtenu = brut_pour(reste, sorte, cible, aujourd_hui)
    phrase = (f"Salaire brut retrouvé à partir du {CIBLES[sorte][2]} visé ({euros(cible)} par "
              f"mois) : {euros(brut)} brut par mois, qui donne {euros(obtenu)} le premier mois.")
    return {**reste, "salaire_brut_mensuel": brut}, phrase


def simuler_depuis_cible(entree: Any, aujourd_hui: dt.date | None = None) -> Resultat:
    """`moteur.simuler`, accepting a known net pay or budget instead of the gross pay."""
    entree, phrase = preparer(entree, aujourd_hui)
    r = simuler_situation(lire_situation(entree, aujourd_hui))
    if phrase:
        r.avertissements = [Avertissement("salaire_brut_retrouve", "info", phrase),
                            *r.avertissements]
    return r
