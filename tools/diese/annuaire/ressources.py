"""The guide's resource lists, rendered in place (chapters III and V) or all together with a theme
filter (Ressources > Outils de prospection). The guide's words come first; today's pointers are
marked as additions."""

from __future__ import annotations

from collections import Counter
from html import escape

from diese.contenu.ressources import Element, Liste, Ressources
from diese.contenu.sites import Site

from .commun import Contexte, formulaire_filtre, href_page, lien_html
from .sites import renvoi_site

GROUPE = "ressources"


def _texte(element: Element, sites: dict[str, Site], ctx: Contexte) -> str:
    texte = escape(element.texte)
    if not element.site:
        return texte
    site = sites[element.site]
    renvoi = renvoi_site(site, ctx)
    adresse = escape(site.adresse)
    # The address is inside the guide's sentence: turn it into the link to the site's entry.
    return texte.replace(adresse, renvoi, 1) if adresse in texte else f"{texte} ({renvoi})"


def _element(element: Element, themes: dict[str, str], sites: dict[str, Site], ctx) -> str:
    etiquettes = "".join(
        f'<span class="diese-theme">{escape(themes[t])}</span>' for t in element.themes
    )
    morceaux = [
        f'<li data-diese-element data-theme="{escape(" ".join(element.themes))}">',
        f'<span class="diese-ressources__texte">{_texte(element, sites, ctx)}</span>',
        f'<span class="diese-ressources__themes"><span class="diese-masque">Thème : </span>'
        f"{etiquettes}</span>",
    ]
    if element.aujourdhui or element.liens:
        liens = " · ".join(lien_html(lien, ctx) for lien in element.liens)
        texte = escape(element.aujourdhui)
        morceaux.append(
            '<span class="diese-ressources__aujourdhui">'
            '<span class="diese-ressources__etiquette">Aujourd’hui :</span> '
            + " ".join(p for p in (texte, liens) if p)
            + "</span>"
        )
    morceaux.append("</li>")
    return "".join(morceaux)


def liste_ressources(
    liste: Liste, ressources: Ressources, sites: dict[str, Site], ctx: Contexte
) -> str:
    intro = (
        f'<p class="diese-ressources__intro">{escape(liste.introduction)}</p>'
        if liste.introduction
        else ""
    )
    source = ""
    if ctx.page_src != liste.page:
        source = (
            '<p class="diese-ressources__source">Source : '
            f'<a href="{escape(href_page(liste.page, ctx))}">{escape(liste.titre_lieu)}</a></p>'
        )
    elements = "".join(_element(e, ressources.themes, sites, ctx) for e in liste.elements)
    return (
        f'<div class="diese-ressources" id="liste-{escape(liste.id)}" '
        f'data-diese-groupe="{GROUPE}">{intro}'
        f'<ul class="diese-ressources__liste">{elements}</ul>'
        '<p class="diese-filtre__vide" data-diese-vide hidden>Aucun élément de cette liste '
        f"pour ce thème.</p>{source}</div>"
    )


def filtre_ressources(ressources: Ressources) -> str:
    compte = Counter(t for liste in ressources.listes.values() for e in liste.elements
                     for t in e.themes)
    choix = [(t, nom, compte[t]) for t, nom in ressources.themes.items() if compte[t]]
    return formulaire_filtre(
        GROUPE, "Filtrer les ressources par thème", [("theme", "Thème", choix)],
        ("ressource affichée", "ressources affichées"),
        sum(len(liste.elements) for liste in ressources.listes.values()),
    )
