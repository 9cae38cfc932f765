"""Accessibility repairs to the theme's HTML that no template block reaches (RGAA / WCAG 2.1 AA):
the search dialog and the page-loading progress bar get accessible names. Colour and link-style
fixes live in diese.css."""

from __future__ import annotations

ORDRE = 70

RECHERCHE = '<div class="md-search" data-md-component="search" role="dialog">'
RECHERCHE_NOMMEE = (
    '<div class="md-search" data-md-component="search" role="dialog" aria-label="Recherche">'
)

PROGRESSION = '<div class="md-progress" data-md-component="progress" role="progressbar">'
PROGRESSION_NOMMEE = (
    '<div class="md-progress" data-md-component="progress" role="progressbar"'
    ' aria-label="Chargement de la page">'
)


def on_post_page(html: str, **_) -> str:
    return html.replace(RECHERCHE, RECHERCHE_NOMMEE).replace(PROGRESSION, PROGRESSION_NOMMEE)


def on_post_template(sortie: str, template_name: str = "", **_) -> str:
    """The theme's own pages (404.html) carry the same chrome."""
    return on_post_page(sortie) if template_name.endswith(".html") else sortie
