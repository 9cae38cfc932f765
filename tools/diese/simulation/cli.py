"""Command line: `python -m diese simuler|comparer [--fichier F] [--format json|tableau]`.

Reads JSON from stdin or a file, prints JSON (or a readable table). Bad input: the French
messages on stderr, exit code 2."""

from __future__ import annotations

import argparse
import json
import sys

from .comparaison import comparer
from .entree_json import charger
from .erreurs import ErreurSaisie
from .moteur import simuler
from .textes import date_fr, euros, mois_court

NIVEAUX = {"info": "À savoir", "attention": "Attention", "erreur": "Erreur"}


def _montant(x) -> str:
    return euros(x) if isinstance(x, (int, float)) else str(x)


def tableau_simulation(r: dict) -> str:
    """The one-line answer per year, then the month table (columns and labels from the result)."""
    lignes = [f"{a['periode']} : {a['texte']}." for a in r["annees"]]
    colonnes = [("mois", "Mois")] + [(f["cle"], f["libelle"]) for f in r["figures"]]
    rangees = [[mois_court(m["mois"])] + [_montant(m[c]) for c, _ in colonnes[1:]]
               for m in r["mois"]]
    rangees.append(["Total"] + [_montant(r["totaux"][c]) for c, _ in colonnes[1:]])
    largeurs = [max(len(t), *(len(x[k]) for x in rangees)) for k, (_, t) in enumerate(colonnes)]
    lignes.append("  ".join(t.rjust(w) for (_, t), w in zip(colonnes, largeurs, strict=True)))
    for x in rangees:
        lignes.append("  ".join(c.rjust(w) for c, w in zip(x, largeurs, strict=True)))
    for a in r["aides"]:
        lignes.append(f"Aide : {a['nom']} — {_montant(a['montant'])} ({a['reference']['titre']})")
    for a in r["avertissements"]:
        lignes.append(f"{NIVEAUX[a['niveau']]} : {a['texte']}")
    lignes.append(f"Paramètres confirmés au {date_fr(r['parametres_au'])}.")
    return "\n".join(lignes)


def tableau_comparaison(options: list[dict]) -> str:
    lignes = []
    for o in options:
        if o["eligible"]:
            t = o["totaux"]
            lignes.append(f"{o['libelle']} ({o['duree_mois']} mois) : coût employeur "
                          f"{_montant(t['cout_employeur'])}, aides {_montant(t['aides'])}, coût "
                          "net "
                          f"{_montant(t['cout_net_aides'])} ; brut du premier mois "
                          f"{_montant(o['salaire_brut_mensuel'])}.")
        else:
            lignes.append(f"{o['libelle']} : non éligible — {o['raison']}")
    return "\n".join(lignes)


def _lire(fichier: str | None) -> object:
    texte = open(fichier, encoding="utf-8").read() if fichier else sys.stdin.read()
    return charger(texte) if texte.strip() else {}


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"simuler", "comparer"}:
        print("usage : python -m diese simuler|comparer [--fichier F] [--format json|tableau]",
              file=sys.stderr)
        return 2
    commande = argv[0]
    analyseur = argparse.ArgumentParser(prog=f"python -m diese {commande}")
    analyseur.add_argument("--fichier", help="fichier JSON (sinon l’entrée standard)")
    analyseur.add_argument("--format", choices=("json", "tableau"), default="json")
    args = analyseur.parse_args(argv[1:])
    try:
        entree = _lire(args.fichier)
    except OSError as exc:
        print(f"Fichier illisible : {exc.strerror} ({args.fichier}).", file=sys.stderr)
        return 2
    except ValueError:
        print("L’entrée n’est pas un JSON valide (ou elle est imbriquée trop profondément).",
              file=sys.stderr)
        return 2
    try:
        if commande == "simuler":
            resultat = simuler(entree).en_dict()
        else:
            if not isinstance(entree, dict) or set(entree) - {"profil", "employeur"}:
                raise ErreurSaisie.une(None, "Attendu : un objet JSON avec « profil » et "
                                       "« employeur ».")
            resultat = [o.en_dict() for o in comparer(entree.get("profil", {}),
                                                       entree.get("employeur", {}))]
    except ErreurSaisie as exc:
        for e in exc.erreurs:
            prefixe = f"{e['champ']} : " if e["champ"] else ""
            print(prefixe + e["message"], file=sys.stderr)
        return 2
    except (RecursionError, OverflowError, MemoryError):  # hostile input beyond the checks
        print("La saisie est démesurée (nombres ou imbrication) : vérifiez-la.", file=sys.stderr)
        return 2
    if args.format == "tableau":
        rendu = tableau_simulation if commande == "simuler" else tableau_comparaison
        print(rendu(resultat))
    else:
        print(json.dumps(resultat, ensure_ascii=False, indent=2))
    return 0
