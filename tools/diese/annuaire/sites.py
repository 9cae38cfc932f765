"""Annex 1 as an HTML table, the in-text link to one entry, and the « last checked » note.
A dead original is never a live link: today's address comes first, the archived copy second."""

from __future__ import annotations

from collections import Counter
from html import escape

from diese.contenu.sites import CATEGORIES, STATUTS, Site

from .commun import Contexte, date_fr, formulaire_filtre, href_page, lien_externe, lien_html

PAGE_ANNEXE = "guide/annexes/sites-references.md"
GROUPE = "sites"
ICONES = {"actif": "✓", "déplacé": "→", "disparu": "✕", "inconnu": "?"}
RENVOI = {
    "actif": "",
    "déplacé": "a changé d’adresse",
    "disparu": "adresse disparue",
    "inconnu": "adresse non vérifiée",
}
# How a status was established, as the reader sees it. Only `automatique` (written by
# `python -m diese liens --ecrire`, see the README) means the address was actually requested.
METHODES = {
    "documentaire": "d’après la documentation publique (adresses non testées en ligne)",
    "automatique": "testées en ligne",
}


def libelle_verification(date: str, methode: str) -> str:
    """The honest « when and how » of one entry's status."""
    if methode == "automatique":
        return f"Vérifié en ligne le {date_fr(date)}"
    return (
        f"Statut établi le {date_fr(date)} d’après la documentation publique "
        "(adresse non testée en ligne)"
    )


def ancre(site: Site) -> str:
    return f"site-{site.id}"


def badge_statut(statut: str) -> str:
    libelle, slug, phrase = STATUTS[statut]
    return (
        f'<span class="diese-statut diese-statut--{slug}" title="{escape(phrase)}">'
        f'<span class="diese-statut__icone" aria-hidden="true">{ICONES[statut]}</span> '
        f"{escape(libelle)}</span>"
    )


def _cellule_site(site: Site, ctx: Contexte) -> str:
    return (
        f'<th scope="row" data-label="Site" data-cle="{escape(site.libelle.lower())}">'
        # The guide's own line, word for word: « libellé : adresse de 2005 » (never a link).
        f'<span class="diese-sites__libelle">{escape(site.libelle)}</span>'
        f'<span class="diese-sites__ligne-guide"> : '
        f'<code class="diese-sites__adresse">{escape(site.adresse)}</code></span>'
        f'<span class="diese-sites__nom">{escape(site.nom)} · '
        f'<span class="diese-theme">{escape(CATEGORIES[site.categorie])}</span></span>'
        f"{_notes(site, ctx)}</th>"
    )


def _cellule_statut(site: Site) -> str:
    rang = list(STATUTS).index(site.statut)
    verif = site.verification
    return (
        f'<td data-label="Statut" data-cle="{rang}">{badge_statut(site.statut)}'
        '<details class="diese-sites__details"><summary>'
        f"{escape(libelle_verification(verif.date, verif.methode))}</summary>"
        f"<p>{escape(verif.detail)}</p></details></td>"
    )


def _cellule_aujourdhui(site: Site, ctx: Contexte) -> str:
    morceaux = []
    if site.statut == "actif":
        morceaux.append(lien_externe(site.url_originale, site.adresse, "diese-sites__actuel"))
    if site.successeur:
        etiquette = "Équivalent actuel" if site.statut == "disparu" else "Nouvelle adresse"
        morceaux.append(
            f'<span class="diese-sites__etiquette">{etiquette} :</span> '
            + lien_html(site.successeur, ctx, "diese-sites__actuel")
        )
    if site.voir_aussi:
        items = "".join(f"<li>{lien_html(v, ctx)}</li>" for v in site.voir_aussi)
        morceaux.append(
            f'<span class="diese-sites__etiquette">Voir aussi :</span>'
            f'<ul class="diese-sites__voir">{items}</ul>'
        )
    if not morceaux:
        morceaux.append('<span class="diese-sites__aucun">Pas de successeur connu</span>')
    return f'<td data-label="Aujourd’hui">{"".join(morceaux)}</td>'


def _cellule_origine(site: Site) -> str:
    # The 2005 address itself is shown as text in the first cell, never as a link.
    archive = lien_externe(site.archive, "Copie archivée", "diese-sites__archive")
    return (
        f'<td data-label="En 2005">'
        f'<span class="diese-sites__archive-ligne">{archive} '
        f'<span class="diese-sites__discret">(Internet Archive)</span></span></td>'
    )


def _notes(site: Site, ctx: Contexte) -> str:
    citations = []
    for c in site.citations:
        if c.lieu == "annexe-1":
            continue  # the page itself
        lien = f'<a href="{escape(href_page(c.page, ctx))}">{escape(c.titre)}</a>'
        citations.append(lien + (f" : « {escape(c.texte)} »" if c.texte else ""))
    cite = (
        f'<span class="diese-sites__cite">Cité dans le texte du guide, {" ; ".join(citations)}'
        "</span>"
        if citations
        else ""
    )
    return f'<span class="diese-sites__note">{escape(site.note)}</span>{cite}'



def ligne(site: Site, ctx: Contexte) -> str:
    slug = STATUTS[site.statut][1]
    return (
        f'<tr id="{ancre(site)}" data-diese-element data-ordre="{site.rang}" '
        f'data-categorie="{escape(site.categorie)}" data-statut="{slug}">'
        f"{_cellule_site(site, ctx)}"
        f"{_cellule_statut(site)}{_cellule_aujourdhui(site, ctx)}"
        f"{_cellule_origine(site)}</tr>"
    )


def filtre_sites(sites: list[Site]) -> str:
    categories = Counter(s.categorie for s in sites)
    statuts = Counter(s.statut for s in sites)
    return formulaire_filtre(
        GROUPE,
        "Filtrer les sites",
        [
            (
                "categorie",
                "Catégorie",
                [(c, CATEGORIES[c], categories[c]) for c in CATEGORIES if categories[c]],
            ),
            (
                "statut",
                "Statut",
                [(STATUTS[s][1], STATUTS[s][0], statuts[s]) for s in STATUTS if statuts[s]],
            ),
        ],
        ("site affiché", "sites affichés"),
        len(sites),
    )


def tableau_sites(sites: list[Site], ctx: Contexte) -> str:
    entetes = [
        ("Site (libellé et adresse du guide)", True),
        ("Statut", True),
        ("Aujourd’hui", False),
        ("En 2005", False),
    ]
    tete = "".join(
        f'<th scope="col"{" data-diese-tri" if triable else ""}>{escape(t)}</th>'
        for t, triable in entetes
    )
    corps = "".join(ligne(s, ctx) for s in sites)
    return (
        f'<div class="diese-sites" data-diese-groupe="{GROUPE}">'
        f"{filtre_sites(sites)}"
        '<div class="diese-sites__defilement">'
        '<table class="diese-sites__table">'
        "<caption>Sites référencés — Liste non exhaustive : l’annexe n°1 du guide, puis les "
        "adresses citées dans son texte</caption>"
        f"<thead><tr>{tete}</tr></thead><tbody>{corps}</tbody></table></div>"
        '<p class="diese-filtre__vide" data-diese-vide hidden>Aucun site ne correspond à ces '
        "critères.</p></div>"
    )


def renvoi_site(site: Site, ctx: Contexte, texte: str | None = None) -> str:
    """Inline link from the guide's text to the site's entry in Annex 1."""
    href = href_page(PAGE_ANNEXE, ctx, ancre(site))
    etat = RENVOI[site.statut]
    classes = "diese-site-renvoi__statut diese-ajout"
    suffixe = f'<span class="{classes}"> ({etat})</span>' if etat else ""
    slug = STATUTS[site.statut][1]
    return (
        f'<a class="diese-site-renvoi diese-site-renvoi--{slug}" href="{escape(href)}">'
        f"{escape(texte or site.adresse)}{suffixe}</a>"
    )


def legende_statuts() -> str:
    items = "".join(
        f"<li>{badge_statut(statut)} : {escape(phrase)}.</li>"
        for statut, (_, _, phrase) in STATUTS.items()
    )
    return f'<ul class="diese-sites-legende">{items}</ul>'


def compter_statuts(sites: list[Site]) -> dict[str, int]:
    compte = Counter(s.statut for s in sites)
    return {statut: compte[statut] for statut in STATUTS}


def note_verification(sites: list[Site]) -> str:
    derniere = max(s.verification.date for s in sites)
    premiere = min(s.verification.date for s in sites)
    methodes = Counter(s.verification.methode for s in sites)
    periode = (
        f"le {date_fr(derniere)}"
        if premiere == derniere
        else f"entre le {date_fr(premiere)} et le {date_fr(derniere)}"
    )
    detail_methodes = " ; ".join(
        f"{n} {'adresse' if n == 1 else 'adresses'} {METHODES[m]}"
        for m, n in sorted(methodes.items())
    )
    statuts = ", ".join(
        f"{n} « {STATUTS[s][0].lower()} »" for s, n in compter_statuts(sites).items() if n
    )
    return (
        '<div class="admonition info diese-sites-note" role="note">'
        '<p class="admonition-title">Mise à jour de la liste</p>'
        f"<p>Statuts établis {escape(periode)} : {escape(detail_methodes)}. "
        f"Bilan : {escape(statuts)} sur {len(sites)} adresses.</p>"
        "<p>Une adresse a pu changer depuis cette date : en cas de doute, la copie archivée "
        "montre la page telle qu’elle était en 2005.</p></div>"
    )
