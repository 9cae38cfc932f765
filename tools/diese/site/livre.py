"""The guide as a book: one A4 PDF (WeasyPrint) and one EPUB 3 (EbookLib), written to
`site/livre/` after the build, from the article content of the very pages the site serves (so
the book carries the same text, notes and typography).

Book order: title page (partners, version), table of contents, then the pages of the « Le
guide » section of the navigation in their order (presentation, chapters I–VI, fiches, annexes),
then the glossary. Links between those pages become links inside the book; links to the rest of
the site point to the site's address; the site's chrome (permalinks, forms, buttons) is dropped.
DIESE_LIVRE=0 skips this step.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from .typographie import typographier

ORDRE = 85  # after every page is written, before the CSP and offline steps read the site
DOSSIER = "livre"
NOM = "guide-diese-2005"
SECTION_GUIDE = "Le guide"
GLOSSAIRE = "ressources/glossaire.md"
CSS = Path(__file__).with_name("livre.css")

TITRE = "Guide des bonnes pratiques de la relation entreprise"
VERSION = "Version 9 du 17 mars 2005"
PROJET = (
    "Projet DIESE — initiative communautaire Equal (PIC-Equal), "
    "cofinancé par le Fonds social européen"
)
# The five partner organisations that wrote the guide (À propos, chapter I).
PARTENAIRES = (
    "le CFAS d’Auvergne",
    "la Mission Locale de Clermont-Ferrand communauté",
    "le GRETA du Velay",
    "l’Antenne Prépa de l’ASEA du Puy en Velay",
    "l’AFORMAC",
)
# Site chrome that has no meaning on paper.
RETIRES = (
    "script",
    "style",
    "template",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "*[@hidden]",
    "a[contains(concat(' ', @class, ' '), ' headerlink ')]",
    "a[contains(concat(' ', @class, ' '), ' md-content__button ')]",
)
MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")  # fmt: skip


@dataclass
class Chapitre:
    numero: int
    url: str  # « guide/methodologie/ »
    titre: str
    corps: etree._Element  # <section id="c{numero}"> holding the article's content

    @property
    def ancre(self) -> str:
        return f"c{self.numero}"


def sources_du_livre(nav: list) -> list[str]:
    """Markdown files of the guide section of the navigation, in order, then the glossary."""

    def feuilles(entree) -> list[str]:
        if isinstance(entree, str):
            return [entree]
        if isinstance(entree, dict):
            return [f for valeur in entree.values() for f in feuilles(valeur)]
        if isinstance(entree, list):
            return [f for e in entree for f in feuilles(e)]
        return []

    for entree in nav or []:
        if isinstance(entree, dict) and SECTION_GUIDE in entree:
            return [*feuilles(entree[SECTION_GUIDE]), GLOSSAIRE]
    raise RuntimeError(f"mkdocs.yml : section « {SECTION_GUIDE} » absente de la navigation")


def url_de(source: str) -> str:
    """`guide/index.md` → `guide/`, `guide/x.md` → `guide/x/` (directory URLs)."""
    chemin = source.removesuffix(".md")
    if chemin == "index" or chemin.endswith("/index"):
        return chemin.removesuffix("index")
    return chemin + "/"


def article(html: str, source: str) -> etree._Element:
    racine = lxml.html.document_fromstring(html)
    trouves = racine.xpath("//article[contains(concat(' ', @class, ' '), ' md-content__inner ')]")
    if not trouves:
        raise RuntimeError(f"{source} : pas d’article dans la page construite")
    contenu = trouves[0]
    for motif in RETIRES:
        for element in contenu.xpath(f".//{motif}"):
            _retirer(element)
    for details in contenu.iter("details"):
        details.set("open", "open")  # on paper every detail is shown
    return contenu


def _retirer(element: etree._Element) -> None:
    """Remove an element but keep the text that follows it."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        precedent = element.getprevious()
        if precedent is not None:
            precedent.tail = (precedent.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def chapitres(site: Path, sources: list[str]) -> list[Chapitre]:
    resultat = []
    for numero, source in enumerate(sources, start=1):
        url = url_de(source)
        fichier = site / url / "index.html"
        contenu = article(fichier.read_text(encoding="utf-8"), source)
        titre_h1 = contenu.find(".//h1")
        titre = titre_h1.text_content().strip() if titre_h1 is not None else source
        contenu.attrib.clear()
        contenu.tag = "section"
        contenu.set("class", "chapitre")
        contenu.set("id", f"c{numero}")
        resultat.append(Chapitre(numero, url, titre, contenu))
    return resultat


def relier(chapitres: list[Chapitre], site_url: str, cible) -> None:
    """Make ids unique across the book and point links inside it: `cible(chapitre, ancre)`
    gives the href of an anchor of a chapter (`#c3-x` in the PDF, `c3.xhtml#c3-x` in the EPUB).
    """
    par_url = {c.url: c for c in chapitres}
    for chapitre in chapitres:
        prefixe = chapitre.ancre + "-"
        for element in chapitre.corps.iter():
            if element is not chapitre.corps and element.get("id"):
                element.set("id", prefixe + element.get("id"))
        for lien in chapitre.corps.iter("a"):
            href = lien.get("href")
            if not href:
                continue
            morceaux = urlsplit(href)
            if morceaux.scheme or morceaux.netloc:
                continue  # another site, mailto:
            absolu = urlsplit(urljoin("/" + chapitre.url, href))
            chemin = re.sub(r"index\.html$", "", absolu.path.lstrip("/"))
            visee = par_url.get(chemin)
            if visee is not None:
                ancre = f"{visee.ancre}-{absolu.fragment}" if absolu.fragment else visee.ancre
                lien.set("href", cible(visee, ancre))
            else:
                fragment = f"#{absolu.fragment}" if absolu.fragment else ""
                lien.set("href", urljoin(site_url, chemin) + fragment)


def date_edition() -> dt.date:
    """Build date, or SOURCE_DATE_EPOCH for a reproducible book."""
    epoque = os.environ.get("SOURCE_DATE_EPOCH")
    if epoque:
        return dt.datetime.fromtimestamp(int(epoque), dt.UTC).date()
    return dt.date.today()


def date_fr(jour: dt.date) -> str:
    return f"{'1er' if jour.day == 1 else jour.day} {MOIS[jour.month - 1]} {jour.year}"


def page_de_titre(jour: dt.date) -> str:
    """Typeset like the pages (the chapters come from pages already typeset)."""
    partenaires = "".join(f"<li>{p}</li>" for p in PARTENAIRES)
    return typographier(
        '<section class="titre" id="titre">'
        f'<p class="titre-projet">{PROJET}</p>'
        f'<h1 class="titre-livre">{TITRE}</h1>'
        f'<p class="titre-version">{VERSION}</p>'
        "<p>Écrit en partenariat par cinq structures d’Auvergne :</p>"
        f'<ul class="titre-partenaires">{partenaires}</ul>'
        f'<p class="titre-edition">Édition du site DIESE Guide du {date_fr(jour)} : le texte de '
        "2005, ses notes « Ce qui a changé depuis 2005 » et son glossaire.</p>"
        "</section>"
    )


def sommaire(chapitres: list[Chapitre], cible) -> str:
    lignes = []
    for c in chapitres:
        sous = [
            f'<li><a href="{cible(c, h2.get("id"))}">{_texte(h2)}</a></li>'
            for h2 in c.corps.iter("h2")
            if h2.get("id") and len(h2.text_content().strip()) > 2  # not the glossary's letters
        ]
        imbrique = f"<ol>{''.join(sous)}</ol>" if sous else ""
        lignes.append(f'<li><a href="{cible(c, c.ancre)}">{_texte_titre(c)}</a>{imbrique}</li>')
    return typographier(
        '<nav class="sommaire" id="sommaire" aria-labelledby="sommaire-titre">'
        '<h1 id="sommaire-titre">Table des matières</h1>'
        f"<ol>{''.join(lignes)}</ol></nav>"
    )


def _texte(element: etree._Element) -> str:
    return escape(re.sub(r"\s+", " ", element.text_content()).strip())


def _texte_titre(c: Chapitre) -> str:
    return escape(c.titre)


def xhtml(element: etree._Element) -> str:
    return lxml.html.tostring(element, encoding="unicode")


# --- PDF ------------------------------------------------------------------------------------
def document_pdf(chapitres: list[Chapitre], jour: dt.date) -> str:
    def cible(chapitre: Chapitre, ancre: str) -> str:
        return f"#{ancre}"

    corps = "".join(xhtml(c.corps) for c in chapitres)
    return (
        '<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8">'
        f"<title>{TITRE} — DIESE, {VERSION.lower()}</title>"
        '<meta name="author" content="Projet DIESE (PIC-Equal)">'
        f'<meta name="description" content="{PROJET}">'
        f"</head><body>{page_de_titre(jour)}{sommaire(chapitres, cible)}{corps}</body></html>"
    )


def ecrire_pdf(chapitres: list[Chapitre], jour: dt.date, sortie: Path, site: Path) -> None:
    from weasyprint import CSS as FeuilleDeStyle
    from weasyprint import HTML

    HTML(string=document_pdf(chapitres, jour), base_url=str(site) + "/").write_pdf(
        sortie,
        stylesheets=[FeuilleDeStyle(filename=str(CSS))],
        pdf_variant="pdf/ua-1",
        pdf_tags=True,
    )


# --- EPUB -----------------------------------------------------------------------------------
def ecrire_epub(chapitres: list[Chapitre], jour: dt.date, sortie: Path) -> None:
    from ebooklib import epub

    def fichier(chapitre: Chapitre) -> str:
        return f"{chapitre.ancre}.xhtml"

    def cible(chapitre: Chapitre, ancre: str) -> str:
        return f"{fichier(chapitre)}#{ancre}"

    livre = epub.EpubBook()
    livre.set_identifier(f"urn:diese-guide:{NOM}:{jour.isoformat()}")
    livre.set_title(TITRE)
    livre.set_language("fr")
    livre.add_author("Projet DIESE (PIC-Equal)")
    livre.add_metadata("DC", "description", PROJET)
    livre.add_metadata("DC", "date", jour.isoformat())
    style = epub.EpubItem(
        uid="style", file_name="livre.css", media_type="text/css",
        content=CSS.read_text(encoding="utf-8").encode("utf-8"),
    )  # fmt: skip
    livre.add_item(style)

    def page(uid: str, nom: str, titre: str, contenu: str) -> epub.EpubHtml:
        item = epub.EpubHtml(uid=uid, file_name=nom, title=titre, lang="fr")
        item.content = contenu
        item.add_item(style)
        livre.add_item(item)
        return item

    titre = page("titre", "titre.xhtml", TITRE, page_de_titre(jour))
    sommaire_item = page("sommaire", "sommaire.xhtml", "Table des matières",
                         sommaire(chapitres, cible))  # fmt: skip
    items = [page(c.ancre, fichier(c), c.titre, xhtml(c.corps)) for c in chapitres]
    livre.toc = [epub.Link(fichier(c), c.titre, c.ancre) for c in chapitres]
    livre.add_item(epub.EpubNcx())
    livre.add_item(epub.EpubNav(title="Table des matières"))
    livre.spine = [titre, "nav", sommaire_item, *items]
    epub.write_epub(str(sortie), livre, {"epub3_pages": False})


# --- Build step -----------------------------------------------------------------------------
def construire(site: Path, nav: list, site_url: str) -> tuple[Path, Path]:
    jour = date_edition()
    sources = sources_du_livre(nav)
    dossier = site / DOSSIER
    dossier.mkdir(parents=True, exist_ok=True)
    pdf, epub_ = dossier / f"{NOM}.pdf", dossier / f"{NOM}.epub"

    pour_pdf = chapitres(site, sources)
    relier(pour_pdf, site_url, lambda c, ancre: f"#{ancre}")
    ecrire_pdf(pour_pdf, jour, pdf, site)

    pour_epub = chapitres(site, sources)  # read again: `relier` rewrites links in place
    relier(pour_epub, site_url, lambda c, ancre: f"{c.ancre}.xhtml#{ancre}")
    ecrire_epub(pour_epub, jour, epub_)
    return pdf, epub_


def on_post_build(config, **_) -> None:
    if os.environ.get("DIESE_LIVRE") == "0":
        return  # e.g. `make serve`: about 4 s of WeasyPrint saved on every rebuild
    construire(Path(config["site_dir"]), config["nav"], config.get("site_url") or "")
