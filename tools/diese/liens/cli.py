"""`python -m diese liens [options]`: check every address of the reference data over the network.

Exit status: 0 nothing to do, 1 something to act on (a current address fails, a status to change
or examine), 2 bad data or arguments."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from diese.contenu.ressources import FICHIER as FICHIER_RESSOURCES
from diese.contenu.sites import DOCS
from diese.contenu.sites import FICHIER as FICHIER_SITES
from diese.contenu.validation import ErreurDonnees

from . import rapport
from .adresses import charger, collecter
from .ecriture import MiseAJour, ecrire
from .requetes import DELAI, DNS, ERREUR, REFUS, RESEAU, Resultat, verifier
from .verdicts import ETATS, juger

# A run in which most addresses fail the same way says more about this machine's network than
# about the sites: it writes nothing.
ECHECS_DU_RESEAU = {DNS, REFUS, DELAI, RESEAU, ERREUR}
PART_NON_CONCLUANTE = 0.5


def analyser(argv: list[str]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python -m diese liens",
        description="Vérifie les adresses des sites référencés (annexe n°1) et des ressources.",
    )
    p.add_argument("--donnees", type=Path, default=FICHIER_SITES,
                   help="fichier des sites (défaut : docs/data/sites.yml)")
    p.add_argument("--ressources", type=Path, default=FICHIER_RESSOURCES,
                   help="fichier des listes de ressources (défaut : docs/data/ressources.yml)")
    p.add_argument("--sans-ressources", action="store_true",
                   help="ne pas vérifier les liens du fichier des ressources")
    p.add_argument("--docs", type=Path, default=DOCS, help="dossier des pages (défaut : docs/)")
    p.add_argument("--archives", action="store_true",
                   help="vérifier aussi les copies de l’Internet Archive (lent)")
    p.add_argument("--concurrence", type=int, default=8,
                   help="requêtes en parallèle au plus (défaut : 8)")
    p.add_argument("--delai", type=float, default=10.0,
                   help="délai total par adresse (redirections comprises), en secondes "
                        "(défaut : 10)")
    p.add_argument("--json", action="store_true", help="rapport en JSON")
    p.add_argument("--ecrire", action="store_true",
                   help="enregistrer statut et date de vérification dans le fichier des sites")
    p.add_argument("--forcer", action="store_true",
                   help="avec --ecrire, remplacer aussi les statuts établis à la main "
                        "(methode: documentaire)")
    p.add_argument("--autoriser-local", action="store_true",
                   help="visiter aussi les adresses locales et privées (pour les tests)")
    args = p.parse_args(argv)
    if args.concurrence < 1 or args.delai <= 0:
        p.error("--concurrence doit valoir au moins 1 et --delai être positif")
    return args


def main(argv: list[str] | None = None) -> int:
    args = analyser(sys.argv[1:] if argv is None else argv)
    try:
        sites = charger(args.donnees, args.docs)
        adresses = collecter(
            sites,
            None if args.sans_ressources else args.ressources,
            fichier_sites=args.donnees,
            docs=args.docs,
            archives=args.archives,
        )
    except ErreurDonnees as exc:
        print(exc, file=sys.stderr)
        return 2

    with ThreadPoolExecutor(max_workers=args.concurrence) as executeur:
        trouves = executeur.map(
            lambda a: verifier(a.url, args.delai, autoriser_local=args.autoriser_local),
            adresses)
        resultats = {r.url: r for r in trouves}

    date = dt.date.today().isoformat()
    verdicts = [juger(site, resultats[site.url_originale]) for site in sites]
    messages: list[str] = []
    panne = panne_generale(list(resultats.values()))
    ecrit = False
    if panne:
        messages.append(panne)
    elif args.ecrire:
        methodes = {s.id: s.verification.methode for s in sites}
        retenus = [v for v in verdicts if v.concluant and not v.a_examiner]
        gardes = [v for v in retenus if methodes[v.site] == "documentaire" and not args.forcer
                  and v.statut_propose != v.statut_actuel]
        mises_a_jour = [
            MiseAJour(v.site, v.statut_propose, date, "automatique", v.detail)
            for v in retenus
            if methodes[v.site] != "documentaire" or args.forcer
        ]
        messages += [
            f"« {v.site} » : statut établi à la main (documentaire) gardé ; le vérificateur "
            f"propose « {v.statut_propose} » (relancer avec --forcer pour le remplacer)"
            for v in gardes
        ]
        if mises_a_jour:
            try:
                ecrire(args.donnees, mises_a_jour, lambda f: charger(f, args.docs))
                ecrit = True
            except (ErreurDonnees, ValueError) as exc:
                print(exc, file=sys.stderr)
                return 2

    messages = rapport.alertes(adresses, resultats, verdicts, ecrit) + messages
    if args.json:
        print(rapport.en_json(date, adresses, resultats, verdicts, messages, ecrit))
    else:
        print(rapport.texte(date, sites, adresses, resultats, verdicts, messages, ecrit))
    return 1 if messages else 0


def panne_generale(resultats: list[Resultat]) -> str:
    """A message when most addresses failed the same way (no DNS, no route…), else ""."""
    if len(resultats) < 4:
        return ""
    compte: dict[str, int] = {}
    for r in resultats:
        if r.etat in ECHECS_DU_RESEAU:
            compte[r.etat] = compte.get(r.etat, 0) + 1
    if not compte:
        return ""
    etat, nombre = max(compte.items(), key=lambda e: e[1])
    if nombre / len(resultats) < PART_NON_CONCLUANTE:
        return ""
    return (f"vérification non concluante : {nombre} adresses sur {len(resultats)} en échec "
            f"« {ETATS[etat]} » (réseau ou DNS indisponible ?) ; rien n’a été écrit")
