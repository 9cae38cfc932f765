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
from .textes import euros

COLONNES = (("mois", "Mois", 7), ("salaire_brut", "Brut", 11),
            ("cotisations_patronales", "Cotis. patr.", 12), ("reduction_generale", "Réduction", 11),
            ("cout_employeur", "Coût employeur", 14), ("aides", "Aides", 10),
            ("cout_net_aides", "Coût net", 11), ("salaire_net", "Net", 10))


def _montant(x) -> str:
    return euros(x) if isinstance(x, (int, float)) else str(x)


def tableau_simulation(r: dict) -> str:
    lignes = ["  ".join(titre.rjust(largeur) for _, titre, largeur in COLONNES)]
    for m in [*r["mois"], {**r["totaux"], "mois": "Total"}]:
        lignes.append("  ".join((m[c] if c == "mois" else _montant(m[c])).rjust(largeur)
                                for c, _, largeur in COLONNES))
    for a in r["aides"]:
        lignes.append(f"Aide : {a['nom']} — {_montant(a['montant'])} ({a['reference']['titre']})")
    for texte in r["avertissements"]:
        lignes.append(f"Attention : {texte}")
    lignes.append(f"Paramètres confirmés au {r['parametres_au']}.")
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
