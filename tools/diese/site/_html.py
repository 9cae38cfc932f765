"""A tokenizer for the build steps that touch text in built HTML: tags, comments and raw-text
elements (script, style, textarea) come back byte for byte; only text nodes are given to edit."""

from __future__ import annotations

import re
from collections.abc import Iterator

# Comments, doctype, processing instructions and tags (quoted attribute values may hold `>`).
JETON = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?[A-Za-z][^\s/>]*(?:\"[^\"]*\"|'[^']*'|[^'\">])*>", re.S
)
NOM_BALISE = re.compile(r"</?([A-Za-z][^\s/>]*)")
# Raw-text elements: their content is not HTML, so it is kept up to the closing tag.
TEXTE_BRUT = {"script", "style", "textarea"}


def nom(balise: str) -> str:
    """Lower-case element name of a tag (« » for comments and doctypes)."""
    trouve = NOM_BALISE.match(balise)
    return trouve.group(1).lower() if trouve else ""


def jetons(html: str) -> Iterator[tuple[str, str]]:
    """(kind, source) pairs: « texte », « balise » (tag, comment, doctype) or « brut » (content
    of a raw-text element). Joined back, the sources are the document."""
    pos, longueur = 0, len(html)
    while pos < longueur:
        balise = JETON.search(html, pos)
        debut = balise.start() if balise else longueur
        if debut > pos:
            yield "texte", html[pos:debut]
        if not balise:
            return
        source = balise.group(0)
        pos = balise.end()
        yield "balise", source
        element = nom(source)
        if element in TEXTE_BRUT and not source.startswith("</"):
            fin = re.compile(rf"</{element}\s*>", re.I).search(html, pos)
            fin_pos = fin.start() if fin else longueur
            if fin_pos > pos:
                yield "brut", html[pos:fin_pos]
            pos = fin_pos
