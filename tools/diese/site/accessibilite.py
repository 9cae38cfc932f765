"""Accessibility repairs to the theme's HTML that no template block reaches (RGAA / WCAG 2.1 AA
and axe-core's best practices): the search dialog and the page-loading progress bar get
accessible names; the progress bar moves into the banner landmark (it sat after the footer,
outside any landmark: it is drawn fixed at the top of the window wherever it stands); the page's
table of contents, written twice by the theme (in the main menu for phones, in the side bar),
gets two different names; the menu's sub-sections, named by a label that holds only an icon
when the section has an index page, are named by their title. Colour and link-style fixes live
in diese.css."""

from __future__ import annotations

import html as html_lib
import re

ORDRE = 70

RECHERCHE = '<div class="md-search" data-md-component="search" role="dialog">'
RECHERCHE_NOMMEE = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">'
)

PROGRESSION = '<div class="md-progress" data-md-component="progress" role="progressbar">'
PROGRESSION_NOMMEE = (
    '<div class="md-progress" data-md-component="progress" role="progressbar"'
    ' aria-label="Chargement de la page"></div>'
)
ENTETE = '<header class="md-header" data-md-component="header">'

SOMMAIRE = '<nav class="md-nav md-nav--secondary" aria-label="Table des matières">'
SOMMAIRE_DU_MENU = (
    '<nav class="md-nav md-nav--secondary" aria-label="Table des matières (menu principal)">'
)


# A sub-menu and, further down, its title: « <label class="md-nav__title" for="__nav_2">Le guide ».
SOUS_MENU = re.compile(
    r'(<nav class="md-nav" data-md-level="\d+") aria-labelledby="(?P<id>__nav_[\d_]+)_label"'
    r'(?P<milieu>[^<]*<label class="md-nav__title" for="(?P=id)">)(?P<titre>.*?)(?=</label>)',
    re.S,
)


def nommer_sous_menus(html: str) -> str:
    def nommer(m: re.Match[str]) -> str:
        titre = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", m.group("titre"))).split())
        if not titre:
            return m.group(0)
        nom = html_lib.escape(titre)
        return f'{m.group(1)} aria-label="{nom}"{m.group("milieu")}{m.group("titre")}'

    return SOUS_MENU.sub(nommer, html)


def nommer_progression(html: str) -> str:
    place = html.find(PROGRESSION + "</div>")
    if place < 0 or ENTETE not in html:
        return html.replace(PROGRESSION, PROGRESSION_NOMMEE.removesuffix("</div>"))
    html = html[:place] + html[place + len(PROGRESSION) + len("</div>") :]
    return html.replace(ENTETE, ENTETE + "\n  " + PROGRESSION_NOMMEE, 1)


def nommer_sommaires(html: str) -> str:
    """The first copy is the one inside the main menu (the side bar comes after it)."""
    if html.count(SOMMAIRE) < 2:
        return html
    return html.replace(SOMMAIRE, SOMMAIRE_DU_MENU, 1)


def on_post_page(html: str, **_) -> str:
    html = nommer_progression(html.replace(RECHERCHE, RECHERCHE_NOMMEE))
    return nommer_sous_menus(nommer_sommaires(html))


def on_post_template(sortie: str, template_name: str = "", **_) -> str:
    """The theme's own pages (404.html) carry the same chrome."""
    return on_post_page(sortie) if template_name.endswith(".html") else sortie
