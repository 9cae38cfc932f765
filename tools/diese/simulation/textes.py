"""French number and date formatting (no locale module: Pyodide has no French locale)."""

from __future__ import annotations

import math

from .tranches import bornes, libelle

MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")


def arrondi(x: float) -> float:
    """Round half away from zero to the cent (payslips do not use banker's rounding)."""
    if x < 0:
        return -arrondi(-x)
    return math.floor(x * 100 + 0.5 + 1e-9) / 100


MOINS = "\u2212"  # the typographic minus sign
ESPACE_MILLIERS = "\u202f"  # narrow no-break space between thousands
INSECABLE = "\u00a0"  # before « € », « % », « h »
MOIS_ABREGES = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")


def nombre(x: float, decimales: int = 2) -> str:
    """1234.5 → « 1 234,50 » (narrow no-break space, decimal comma, typographic minus)."""
    texte = f"{x:,.{decimales}f}".replace(",", ESPACE_MILLIERS).replace(".", ",")
    if texte.startswith("-"):
        # « −0,00 » is just 0 once rounded
        texte = texte[1:] if not texte.strip("-0,\u202f") else MOINS + texte[1:]
    return texte


def nombre_court(x: float, decimales: int = 4) -> str:
    """A number without useless trailing zeros: 0.3 → « 0,3 », 12.0 → « 12 »."""
    texte = nombre(x, decimales)
    return texte.rstrip("0").rstrip(",") if "," in texte else texte


def euros(x: float | None) -> str:
    """Money to the cent: « 1 823,03 € »; no amount: « — »."""
    if x is None:
        return "—"
    return nombre(float(x)) + INSECABLE + "€"


def euros_ronds(x: float) -> str:
    """Money to the euro, for one-line answers: « 415 € »."""
    return nombre(float(x), 0) + INSECABLE + "€"


def pourcent(taux: float) -> str:
    """A fraction as a percentage: 0.0345 → « 3,45 % »."""
    return nombre_court(taux * 100, 4) + INSECABLE + "%"


def liste(mots: list[str]) -> str:
    """« a », « a et b », « a, b et c »."""
    return " et ".join(filter(None, [", ".join(mots[:-1]), mots[-1]])) if mots else ""


def ordinal(n: int) -> str:
    """1 → « 1re », 2 → « 2e » (as French writes the year of a contract)."""
    return "1re" if n == 1 else f"{n}e"


def date_fr(iso: str | None) -> str:
    """'2026-03-01' → « 1er mars 2026 »; '2026-08' → « août 2026 »; '' → ''."""
    if not iso:
        return ""
    morceaux = str(iso)[:10].split("-")
    try:
        annee, mois = int(morceaux[0]), int(morceaux[1])
        nom = MOIS[mois - 1]
        if len(morceaux) == 2:
            return f"{nom} {annee}"
        jour = int(morceaux[2])
    except (ValueError, IndexError):
        return str(iso)
    return f"{'1er' if jour == 1 else jour} {nom} {annee}"


def mois_court(iso: str) -> str:
    """'2026-09' → « sept. 2026 » (standard French abbreviations)."""
    annee, _, mois = str(iso).partition("-")
    try:
        return f"{MOIS_ABREGES[int(mois[:2]) - 1]}{INSECABLE}{annee}"
    except (ValueError, IndexError):
        return str(iso)


PROLONGATION = "Certaines valeurs légales"


def phrase_prolongation(dates: list[str]) -> str:
    """One plain sentence for values applied after their last confirmed date (the earliest
    such date: the detailed list, date by date, is in the explanations)."""
    quand = date_fr(min(dates))
    return (f"{PROLONGATION} (taux de cotisation, SMIC…) n’ont pas encore été confirmées "
            f"au-delà du {quand} : la simulation utilise la dernière valeur connue.")


def valeur_lisible(valeur, unite: str) -> str:
    if valeur is None:
        return "aucune valeur à cette date"
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
        if unite == "pss":
            return nombre_court(valeur, 2) + " plafonds de la sécurité sociale"
        if unite == "part_smic":
            return nombre(valeur * 100, 2).rstrip("0").rstrip(",") + "\u00a0% du SMIC"
        return nombre(valeur, 0) if float(valeur).is_integer() else nombre(valeur, 4)
    return "barème (voir le détail de la source)"


# Band keys (« moins_18 », « 250_plus »…) are not listed: their label is built from the bounds
# they carry (`tranches.libelle`), in years for a pay grid, in employees otherwise.
CLES = {
    "rqth": "apprenti handicapé", "niveau_max": "niveau maximal",
    "ratio_alternants_min": "part d’alternants exigée", "multiple": "multiple du SMIC",
    "ratio_alternants_min_progression": "part d’alternants exigée avec progression",
    "smic_horaire_reference": "SMIC horaire de référence",
    "plancher_multiple_smic_courant": "plancher en SMIC courants", "seuil_effectif": "effectif",
    "tranches": "par tranche", "majoration": "taux majoré",
    "ratio_alternants_max_exclu": "part d’alternants inférieure à", "taux": "taux",
    "seuil_cotisations": "cotisations salariales dues au-delà de",
    "csg_crds_exoneration_totale": "CSG-CRDS totalement exonérées",
    "seuil_csg_crds": "CSG-CRDS dues au-delà de", "min": "minimum", "max": "maximum",
    "max_rqth": "maximum (RQTH)", "min_sortie_3e": "minimum en sortie de 3e",
    "age_majorite": "âge en dessous duquel la limite s’applique",
    "heures_hebdo_max": "durée hebdomadaire maximale (heures)",
    "age_etudiant_max_exclu": "étudiant de moins de (âge)",
    "cdd_jours_max": "CDD d’au plus (jours)", "cdi": "CDI (par an)", "cdi_annees": "CDI (années)",
    "cdd": "CDD (par an)", "cdd_annees": "CDD (années)", "cdd_duree_min_mois": "CDD minimum (mois)",
    "sans_action": "sans aucune action (× SMIC horaire)", "montant": "montant",
    "sans_action_annees": "années sans action",
    "versements_apres_mois": "versée à l’issue des mois",
    "age_min": "âge minimum", "age_max": "âge maximum",
    "4": "niveau 3-4", "5": "niveau 5", "6": "niveau 6", "7": "niveau 7",
}


# Inside a grid, some keys carry their own unit whatever the parameter's unit.
UNITES_DES_CLES = {
    "niveau_max": "nombre", "ratio_alternants_min": "/1", "seuil_effectif": "nombre",
    "ratio_alternants_min_progression": "/1", "age_max": "nombre",
    "cdi_annees": "nombre", "cdd_annees": "nombre", "cdd_duree_min_mois": "nombre",
    "age_min": "nombre", "min": "nombre", "max": "nombre", "max_rqth": "nombre",
    "min_sortie_3e": "nombre", "age_majorite": "nombre", "heures_hebdo_max": "nombre",
    "age_etudiant_max_exclu": "nombre", "cdd_jours_max": "nombre",
    "smic_horaire_reference": "currency-EUR", "ratio_alternants_max_exclu": "/1", "taux": "/1",
    "multiple": "smic", "plancher_multiple_smic_courant": "smic", "sans_action": "nombre",
    "sans_action_annees": "nombre", "versements_apres_mois": "nombre",
    "seuil_cotisations": "part_smic", "seuil_csg_crds": "part_smic",
}


def _scalaire(valeur, unite: str) -> str:
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    if isinstance(valeur, (int, float)):
        if unite == "part_smic":
            return nombre(valeur * 100, 2).rstrip("0").rstrip(",") + "\u00a0% du SMIC"
        if unite == "/1":
            return pourcent(valeur)
        return valeur_lisible(valeur, unite)
    return str(valeur)


def _libelle_cle(cle: str, unite: str) -> str:
    if cle in CLES:
        return CLES[cle]
    if bornes(cle) is not None:
        return libelle(cle, "ans" if unite == "part_smic" else "salariés")
    return cle.replace("_", " ")


def valeur_texte(valeur, unite: str) -> str:
    """A dated value as short French text (grids written out key by key)."""
    if valeur is None:
        return "aucune valeur à cette date"
    if isinstance(valeur, dict):
        morceaux = []
        for cle, v in valeur.items():
            if cle == "tranches":
                texte = ", ".join(f"sous {pourcent(a)} d’alternants\u00a0: {pourcent(b)}"
                                  if unite == "/1" else
                                  f"à partir de {a:g} salariés\u00a0: {b:g} × SMIC horaire"
                                  for a, b in v)
            else:
                texte = valeur_texte(v, UNITES_DES_CLES.get(cle, unite))
            morceaux.append(f"{_libelle_cle(cle, unite)}\u00a0: {texte}")
        return " ; ".join(morceaux)
    if isinstance(valeur, list):
        return " / ".join(valeur_texte(v, unite) for v in valeur)
    return _scalaire(valeur, unite)


def accorder(n: float, singulier: str, pluriel: str | None = None) -> str:
    """« 1 bénéficiaire », « 3 bénéficiaires », « 0,5 unité »: plural from 2 on, as in French."""
    mot = singulier if abs(n) < 2 else (pluriel or singulier + "s")
    return f"{n:g} {mot}".replace(".", ",")
