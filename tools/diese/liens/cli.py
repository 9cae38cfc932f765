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
from .ecriture import MiseAJour, appliquer
from .requetes import verifier
from .verdicts import juger


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
                   help="délai d’attente par requête, en secondes (défaut : 10)")
    p.add_argument("--json", action="store_true", help="rapport en JSON")
    p.add_argument("--ecrire", action="store_true",
                   help="enregistrer statut et date de vérification dans le fichier des sites")
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
        trouves = executeur.map(lambda a: verifier(a.url, args.delai), adresses)
        resultats = {r.url: r for r in trouves}

    date = dt.date.today().isoformat()
    verdicts = [juger(site, resultats[site.url_originale]) for site in sites]
    if args.ecrire:
        mises_a_jour = [
            MiseAJour(v.site, v.statut_propose, date, "automatique", v.detail)
            for v in verdicts
            if v.concluant and not v.a_examiner
        ]
        if mises_a_jour:
            texte = args.donnees.read_text(encoding="utf-8")
            args.donnees.write_text(appliquer(texte, mises_a_jour), encoding="utf-8")
            charger(args.donnees, args.docs)  # what we wrote must still be valid data

    messages = rapport.alertes(adresses, resultats, verdicts, args.ecrire)
    if args.json:
        print(rapport.en_json(date, adresses, resultats, verdicts, messages, args.ecrire))
    else:
        print(rapport.texte(date, sites, adresses, resultats, verdicts, messages, args.ecrire))
    return 1 if messages else 0
