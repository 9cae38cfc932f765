"""Glossary tooltips on HTML that Markdown did not see, and each tooltip linked to its entry."""

from __future__ import annotations

from html import escape

from diese.contenu.glossaire import Terme
from diese.site.abreviations import Infobulles, on_page_content

ANPE = Terme(id="anpe", terme="ANPE", definition="agence de placement",
             developpe="Agence nationale pour l’emploi", categorie="sigle")
RMI = Terme(id="rmi", terme="RMI", definition="revenu minimum", categorie="sigle",
            variantes=("R.M.I",))
CACHE = Terme(id="cache", terme="cache", definition="x", categorie="terme", infobulle=False)
INFOBULLES = Infobulles([ANPE, RMI, CACHE])
V = "../../ressources/glossaire/"


def test_texte_brut_recoit_infobulle_et_lien() -> None:
    sortie = INFOBULLES.appliquer('<li><span class="x">Agence ANPE &amp; RMI</span></li>', V)
    assert sortie == (
        '<li><span class="x">Agence <a class="diese-sigle" href="../../ressources/glossaire/#anpe">'
        f'<abbr title="{escape(ANPE.resume())}">ANPE</abbr></a> &amp; '
        '<a class="diese-sigle" href="../../ressources/glossaire/#rmi">'
        '<abbr title="Revenu minimum">RMI</abbr></a></span></li>'
    )


def test_abbr_de_markdown_lie_a_son_entree() -> None:
    entree = '<p>Le <abbr title="Revenu minimum">RMI</abbr>.</p>'
    assert INFOBULLES.appliquer(entree, V) == (
        '<p>Le <a class="diese-sigle" href="../../ressources/glossaire/#rmi">'
        '<abbr title="Revenu minimum">RMI</abbr></a>.</p>'
    )


def test_ni_lien_dans_un_lien_ni_infobulle_dans_le_code() -> None:
    for intact in (
        "<p><code>ANPE</code> et <pre>RMI</pre></p>",
        "<script>var a = 'ANPE';</script>",
        '<input value="ANPE"><textarea>RMI</textarea>',
        '<a href="https://anpe.fr" title="ANPE">site de l’ANPEX</a>',
        "<p>mot caché, cache</p>",
        "<h2>ANPE</h2>",
    ):
        assert INFOBULLES.appliquer(intact, V) == intact, intact
    # Inside a link or a label: the tooltip, not a second link.
    dans_lien = INFOBULLES.appliquer('<a href="x">RMI</a><label>ANPE</label>', V)
    assert dans_lien.count("<a ") == 1 and dans_lien.count("<abbr") == 2


def test_chemins_vers_le_glossaire() -> None:
    class Page:
        def __init__(self, url: str) -> None:
            self.url = url

    assert 'href="ressources/glossaire/#' in on_page_content("<p>ANPE</p>", page=Page(""))
    assert 'href="../../ressources/glossaire/#' in on_page_content("<p>ANPE</p>", page=Page("a/b/"))
    # The glossary defines the terms: its own page is left as Markdown made it.
    assert on_page_content("<p>ANPE</p>", page=Page("ressources/glossaire/")) == "<p>ANPE</p>"
