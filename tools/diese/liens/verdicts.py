"""From a network answer to a site's status. Cautious on purpose: a dead 2005 address must never
come back as a live link because its domain was bought by someone else and answers 200."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from diese.contenu.sites import Site

from .requetes import ABSENT, DNS, INTERDIT, OK, REFUS, Resultat

ETATS = {
    "ok": "répond",
    "absent": "page introuvable",
    "erreur-http": "erreur du serveur",
    "delai": "délai dépassé",
    "refus": "connexion refusée",
    "dns": "domaine introuvable",
    "boucle": "trop de redirections",
    "reseau": "réseau injoignable",
    "interdit": "cible refusée",
    "erreur": "erreur",
}


@dataclass
class Verdict:
    site: str
    statut_actuel: str
    statut_propose: str
    concluant: bool
    a_examiner: bool
    detail: str


def hote(url: str) -> str:
    nom = (urlsplit(url).hostname or "").lower()
    return nom[4:] if nom.startswith("www.") else nom


def resumer(resultat: Resultat) -> str:
    """« HEAD 301 → https://… : GET 200 » style summary of the chain, in French."""
    morceaux = []
    for etape in resultat.chaine:
        fin = str(etape.code) if etape.code is not None else etape.erreur
        morceaux.append(f"{etape.methode} {etape.url} : {fin}")
    chaine = " → ".join(morceaux) if morceaux else resultat.url
    return f"{ETATS.get(resultat.etat, resultat.etat)} ({chaine})"


def juger(site: Site, resultat: Resultat) -> Verdict:
    actuel = site.statut
    detail = resumer(resultat)

    def verdict(propose: str, concluant: bool = True, examiner: bool = False) -> Verdict:
        return Verdict(site.id, actuel, propose, concluant, examiner, detail)

    if resultat.etat == INTERDIT:
        # A 2005 address now sending us to a local file, a private network or ftp: whoever
        # holds the domain, a person must look before anything is written.
        return verdict(actuel, concluant=False, examiner=True)
    if not resultat.concluant:
        return verdict(actuel, concluant=False)
    if resultat.etat == OK:
        meme_hote = hote(resultat.url_finale) == hote(site.url_originale)
        successeur = site.successeur.adresse if site.successeur else ""
        if successeur and hote(resultat.url_finale) == hote(successeur):
            return verdict("déplacé")  # the old address redirects to its successor
        if meme_hote and actuel in {"actif", "inconnu"}:
            return verdict("actif")
        # Answers, but elsewhere, or again after being declared dead: a person must look.
        return verdict(actuel, examiner=True)
    if resultat.etat in {ABSENT, DNS, REFUS} or resultat.concluant:
        if actuel in {"déplacé", "disparu"}:
            return verdict(actuel)
        return verdict("disparu")
    return verdict(actuel, concluant=False)
