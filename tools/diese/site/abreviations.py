"""Glossary tooltips on every page, each leading to its glossary entry.

1. Before pages are rendered, writes build/snippets/abreviations.md from the glossary: the file
   that `pymdownx.snippets` appends to every page so that Markdown text gets its `<abbr>`.
2. After rendering (on_page_content), the text that Markdown did not see — HTML written by the
   macros: resource lists, the list of sites, check-lists, forms — gets the same `<abbr>`, and
   every `<abbr>` of a glossary term becomes a link to its entry (`glossaire/#anpe`), except
   where a link cannot go (inside another link, a heading, a label, a summary, a button).
"""

from __future__ import annotations

import html as html_lib
import posixpath
import re

from diese.contenu.glossaire import Terme, abreviations_markdown, charger_glossaire
from diese.contenu.validation import RACINE

from ._html import jetons, nom

ORDRE = 10
SORTIE = RACINE / "build" / "snippets" / "abreviations.md"
GLOSSAIRE_URL = "ressources/glossaire/"

# No new <abbr> inside these (code, raw text, form values, the glossary's own terms).
SANS_ABBR = {
    "abbr", "dfn", "code", "pre", "kbd", "samp", "script", "style", "textarea", "select",
    "option", "svg", "math", "title", "button", "h1", "h2", "h3", "h4", "h5", "h6", "template",
}  # fmt: skip
# No link inside these (nested interactive content, headings with their own permalink).
SANS_LIEN = {
    "a", "button", "label", "summary", "select", "option", "textarea", "h1", "h2", "h3", "h4",
    "h5", "h6", "svg", "template", "legend", "caption",
}  # fmt: skip
VIDES = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}  # fmt: skip
ABBR_OUVRANTE = re.compile(r'<abbr title="(?P<titre>[^"]*)">', re.I)


def on_config(config, **_):
    SORTIE.parent.mkdir(parents=True, exist_ok=True)
    SORTIE.write_text(abreviations_markdown(charger_glossaire()), encoding="utf-8")
    return config


class Infobulles:
    """The glossary's spellings, their tooltips and their entries."""

    def __init__(self, termes: list[Terme]) -> None:
        self.par_ecriture: dict[str, Terme] = {}
        for terme in termes:
            if terme.infobulle:
                for ecriture in terme.ecritures():
                    self.par_ecriture.setdefault(ecriture, terme)
        self.par_titre = {t.resume(): t for t in self.par_ecriture.values()}
        # Longest spelling first, whole words only (as Python-Markdown's abbr does).
        ecritures = sorted(self.par_ecriture, key=len, reverse=True)
        self.motif = re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ecritures)) + r")(?!\w)")

    def abbr(self, ecriture: str) -> str:
        titre = html_lib.escape(self.par_ecriture[ecriture].resume())
        return f'<abbr title="{titre}">{html_lib.escape(ecriture, quote=False)}</abbr>'

    def baliser(self, texte: str) -> str:
        """A text node (HTML source) with each glossary spelling in an <abbr>."""
        clair = html_lib.unescape(texte)
        if not self.motif.search(clair):
            return texte
        morceaux, pos = [], 0
        for m in self.motif.finditer(clair):
            morceaux.append(html_lib.escape(clair[pos : m.start()], quote=False))
            morceaux.append(self.abbr(m.group(1)))
            pos = m.end()
        morceaux.append(html_lib.escape(clair[pos:], quote=False))
        return "".join(morceaux)

    def appliquer(self, html: str, vers_glossaire: str | None) -> str:
        """Tooltips for text Markdown did not see; each glossary <abbr> linked to its entry
        (`vers_glossaire`: the glossary's URL relative to the page; None: no links)."""
        sortie: list[str] = []
        pile: list[str] = []
        lien_ouvert: list[bool] = []  # per open <abbr>: did we open a link before it?
        for genre, source in jetons(html):
            if genre == "brut":
                sortie.append(source)
                continue
            if genre == "texte":
                sortie.append(source if SANS_ABBR & set(pile) else self._texte(source, pile,
                                                                                 vers_glossaire))
                continue
            element = nom(source)
            fermante = source.startswith("</")
            if element == "abbr" and not fermante:
                terme = self._terme_de(source)
                lier = bool(vers_glossaire and terme and not SANS_LIEN & set(pile))
                if lier:
                    sortie.append(self._lien(terme, vers_glossaire))
                lien_ouvert.append(lier)
            sortie.append(source)
            if element == "abbr" and fermante and lien_ouvert and lien_ouvert.pop():
                sortie.append("</a>")
            if not element or element in VIDES or source.endswith("/>"):
                continue
            if fermante:
                if element in pile:
                    while pile and pile.pop() != element:
                        pass
            else:
                pile.append(element)
        return "".join(sortie)

    def _texte(self, texte: str, pile: list[str], vers_glossaire: str | None) -> str:
        balise = self.baliser(texte)
        if balise == texte or not vers_glossaire or SANS_LIEN & set(pile):
            return balise
        return ABBR_OUVRANTE.sub(
            lambda m: self._lien(self._terme_de(m.group(0)), vers_glossaire) + m.group(0),
            balise,
        ).replace("</abbr>", "</abbr></a>")

    def _terme_de(self, balise: str) -> Terme | None:
        m = ABBR_OUVRANTE.match(balise)
        return self.par_titre.get(html_lib.unescape(m.group("titre"))) if m else None

    @staticmethod
    def _lien(terme: Terme | None, vers_glossaire: str) -> str:
        assert terme is not None
        return f'<a class="diese-sigle" href="{vers_glossaire}#{terme.id}">'


_infobulles: Infobulles | None = None


def on_pre_build(**_) -> None:
    global _infobulles
    _infobulles = Infobulles(charger_glossaire())


def on_page_content(html: str, page, **_) -> str:
    infobulles = _infobulles or Infobulles(charger_glossaire())
    url = page.url or ""
    if url == GLOSSAIRE_URL:
        return html  # the glossary defines the terms: no tooltips on its own entries
    vers = posixpath.relpath(GLOSSAIRE_URL, url or ".") + "/"
    return infobulles.appliquer(html, vers)
