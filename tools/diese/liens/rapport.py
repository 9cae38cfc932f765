"""The checker's report: French text for people, JSON for scripts."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import asdict

from diese.contenu.sites import STATUTS, Site

from .adresses import Adresse
from .requetes import OK, Resultat
from .verdicts import ETATS, Verdict, resumer

SYMBOLES = {"ok": "✓", "absent": "✕", "dns": "✕", "refus": "✕"}


def alertes(
    adresses: list[Adresse], resultats: dict[str, Resultat], verdicts: list[Verdict], ecrit: bool
) -> list[str]:
    """What a maintainer must act on. Dead 2005 addresses are expected and are not alerts."""
    messages = []
    for adresse in adresses:
        actuels = [u for u in adresse.usages if u.role != "origine"]
        resultat = resultats[adresse.url]
        if actuels and resultat.etat != OK:
            ou = ", ".join(sorted({f"{u.role} de « {u.ou} »" for u in actuels}))
            messages.append(
                f"adresse actuelle en échec : {adresse.url} ({ou}) : {resumer(resultat)}"
            )
    for v in verdicts:
        if v.a_examiner:
            messages.append(f"« {v.site} » : à examiner à la main : {v.detail}")
        elif v.concluant and v.statut_propose != v.statut_actuel and not ecrit:
            messages.append(
                f"« {v.site} » : statut « {v.statut_actuel} » → « {v.statut_propose} » "
                "(relancer avec --ecrire pour l’enregistrer)"
            )
    return messages


def texte(
    date: str,
    sites: list[Site],
    adresses: list[Adresse],
    resultats: dict[str, Resultat],
    verdicts: list[Verdict],
    messages: list[str],
    ecrit: bool,
) -> str:
    par_site = {v.site: v for v in verdicts}
    lignes = [f"Vérification des liens du {date} : {len(adresses)} adresses", ""]
    lignes.append(f"Adresses de 2005 ({len(sites)})")
    for site in sites:
        r = resultats[site.url_originale]
        v = par_site[site.id]
        symbole = SYMBOLES.get(r.etat, "?")
        changement = (
            f"{v.statut_actuel} → {v.statut_propose}"
            if v.statut_propose != v.statut_actuel
            else f"{v.statut_actuel} (inchangé)"
        )
        lignes.append(f"  {symbole} {site.libelle} — {site.adresse}")
        lignes.append(f"      {resumer(r)}")
        suite = " ; à examiner" if v.a_examiner else ("" if v.concluant else " ; non concluant")
        lignes.append(f"      statut : {changement}{suite}")
    actuelles = [a for a in adresses if not a.est_origine]
    titre = f"Adresses actuelles : successeurs, « voir aussi », ressources ({len(actuelles)})"
    lignes += ["", titre]
    for adresse in actuelles:
        r = resultats[adresse.url]
        code = f" {r.code}" if r.code else ""
        redirection = f" → {r.url_finale}" if r.redirige else ""
        lignes.append(
            f"  {SYMBOLES.get(r.etat, '?')} {adresse.url} : {ETATS[r.etat]}{code}{redirection}"
        )
    etats = Counter(resultats[a.url].etat for a in adresses)
    statuts = Counter(v.statut_propose for v in verdicts)
    lignes += [
        "",
        "Bilan",
        "  réponses : " + ", ".join(f"{n} {ETATS[e]}" for e, n in etats.most_common()),
        "  statuts" + (" enregistrés" if ecrit else " proposés") + " : "
        + ", ".join(f"{statuts[s]} {STATUTS[s][0].lower()}" for s in STATUTS if statuts[s]),
    ]
    if messages:
        lignes += ["", f"À faire ({len(messages)})", *[f"  - {m}" for m in messages]]
    else:
        lignes += ["", "Rien à faire."]
    return "\n".join(lignes)


def en_json(
    date: str,
    adresses: list[Adresse],
    resultats: dict[str, Resultat],
    verdicts: list[Verdict],
    messages: list[str],
    ecrit: bool,
) -> str:
    return json.dumps(
        {
            "date": date,
            "ecrit": ecrit,
            "adresses": [
                {
                    **asdict(resultats[a.url]),
                    "usages": [asdict(u) for u in a.usages],
                    "redirige": resultats[a.url].redirige,
                }
                for a in adresses
            ],
            "sites": [asdict(v) for v in verdicts],
            "alertes": messages,
        },
        ensure_ascii=False,
        indent=2,
    )
