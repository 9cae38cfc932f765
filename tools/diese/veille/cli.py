"""`python -m diese parametres veille`: compare our parameters with the newest reference models.

Exit status: 0 no difference and nothing past its confirmation date, 1 something to examine,
2 the references could not be installed (no registry) or bad arguments."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from diese.contenu.validation import ErreurDonnees, lire_yaml
from diese.simulation.parametres import Parametre, tous

from . import comparaison, references
from .affichage import DERNIERE

DOSSIER = Path(__file__).resolve().parent
CORRESPONDANCES = DOSSIER / "correspondances.yml"


def _nos_valeurs(p: Parametre) -> dict:
    return dict(zip(p.dates, p.valeurs, strict=True))


def _jours_modele_social(nos: dict, aujourd_hui: str) -> list[str]:
    annees = range(int(comparaison.DEBUT[:4]), int(aujourd_hui[:4]) + 1)
    jours = {f"{a}-{m}-01" for a in annees for m in ("01", "07")}
    jours |= set(nos) | {comparaison.DEBUT, aujourd_hui}
    return sorted(j for j in jours if comparaison.DEBUT <= j <= aujourd_hui)


def analyser(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m diese parametres",
        description="Compare nos paramètres légaux avec les dernières versions "
                    "d’openfisca-france et de modele-social (registres pip et npm requis).")
    p.add_argument("action", choices=["veille"])
    p.add_argument("--sans-enregistrer", action="store_true",
                   help="ne pas mettre à jour la date de la dernière veille")
    return p.parse_args(argv)


def veiller(installation: references.Installation, aujourd_hui: str) -> dict:
    correspondances = lire_yaml(CORRESPONDANCES)
    parametres = tous()
    ecarts: list[comparaison.Ecart] = []
    absents: list[str] = []
    source_of = f"openfisca-france {installation.version_openfisca}"
    source_ms = f"modele-social {installation.version_modele_social}"
    demandes_ms: dict[str, list[str]] = {}
    for ident, cibles in correspondances.items():
        if ident not in parametres:
            absents.append(f"{ident} : inconnu de nos paramètres (correspondances.yml)")
            continue
        nos = _nos_valeurs(parametres[ident])
        debut = max(comparaison.DEBUT, str(cibles.get("depuis", comparaison.DEBUT)))
        cible_of = cibles.get("openfisca")
        if cible_of:
            chemin = cible_of["fichier"] if isinstance(cible_of, dict) else cible_of
            tranche = cible_of.get("tranche") if isinstance(cible_of, dict) else None
            try:
                brut = references.lire_openfisca(installation, chemin)
                leurs = comparaison.valeurs_openfisca(brut, tranche)
                ecarts += comparaison.comparer(ident, source_of, nos, leurs, aujourd_hui, debut)
            except (ErreurDonnees, ValueError, OSError) as exc:
                absents.append(f"{ident} : {source_of} {chemin} : {exc}")
        if cibles.get("modele_social"):
            demandes_ms[cibles["modele_social"]] = _jours_modele_social(nos, aujourd_hui)
    if demandes_ms:
        evaluees = references.evaluer_modele_social(installation, demandes_ms)
        for ident, cibles in correspondances.items():
            regle = cibles.get("modele_social")
            if not regle or ident not in parametres:
                continue
            leurs_par_jour = {}
            for jour, r in evaluees.get(regle, {}).items():
                if "erreur" in r:
                    absents.append(f"{ident} : {source_ms} « {regle} » : {r['erreur'][:120]}")
                    break
                leurs_par_jour[jour] = comparaison.valeur_modele_social(r["valeur"], r["unite"])
            debut = max(comparaison.DEBUT, str(cibles.get("depuis", comparaison.DEBUT)))
            ecarts += comparaison.comparer_ponctuel(
                ident, source_ms, _nos_valeurs(parametres[ident]), leurs_par_jour, debut)
    perimes = comparaison.perimes(
        {i: p.derniere_date_confirmee for i, p in parametres.items()}, aujourd_hui)
    return {
        "date": aujourd_hui,
        "versions": {"openfisca-france": installation.version_openfisca,
                     "modele-social": installation.version_modele_social},
        "compares": len(correspondances),
        "ecarts": ecarts,
        "absents": absents,
        "perimes": perimes,
    }


def enregistrer(resultat: dict, cible: Path = DERNIERE) -> None:
    """The date and summary of this watch, for the « Données et méthode » page (atomic)."""
    resume = {
        "date": resultat["date"],
        "versions": resultat["versions"],
        "parametres_compares": resultat["compares"],
        "ecarts": len(resultat["ecarts"]),
        "perimes": len(resultat["perimes"]),
    }
    descripteur, nom = tempfile.mkstemp(prefix=".veille.", dir=cible.parent)
    with os.fdopen(descripteur, "w", encoding="utf-8") as flux:
        flux.write(json.dumps(resume, ensure_ascii=False, indent=1) + "\n")
    os.replace(nom, cible)


def main(argv: list[str]) -> int:
    args = analyser(argv)
    aujourd_hui = dt.date.today().isoformat()
    with tempfile.TemporaryDirectory(prefix="diese-veille-") as dossier:
        print("Installation d’openfisca-france et de modele-social dans un dossier temporaire…",
              file=sys.stderr)
        try:
            installation = references.installer(Path(dossier))
        except (subprocess.CalledProcessError, OSError) as exc:
            detail = getattr(exc, "stderr", "") or str(exc)
            print(f"Installation impossible (registres pip/npm joignables ?) : "
                  f"{detail.strip()[-500:]}", file=sys.stderr)
            return 2
        resultat = veiller(installation, aujourd_hui)
    print(comparaison.texte(resultat["date"], resultat["versions"], resultat["ecarts"],
                            resultat["absents"], resultat["perimes"], resultat["compares"]))
    if not args.sans_enregistrer:
        enregistrer(resultat)
    return 1 if resultat["ecarts"] or resultat["perimes"] or resultat["absents"] else 0
