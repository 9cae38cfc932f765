"""The guide as a book (site/livre/): the PDF read back by poppler (pdfinfo, pdftotext) and pypdf,
the EPUB by zipfile + an XML parser and by EbookLib — independent readers, not the build step."""

from __future__ import annotations

import re
import subprocess
import unicodedata
import zipfile
from html import escape, unescape
from pathlib import Path
from xml.etree import ElementTree

import pytest
from diese.contenu.changements import TITRE_ADMONITION, charger_changements
from diese.contenu.glossaire import charger_glossaire
from ebooklib import epub
from pypdf import PdfReader

from tests.site.test_fidelite import SOURCE, fragments, manquants, texte_html
from tests.site.test_typographie import ecarts

CHAPITRES = [
    "Guide des bonnes pratiques de la relation entreprise",
    "I. Contextualisation",
    "II. Méthodologie",
    "III. La sensibilisation des entreprises",
    "IV. L’accompagnement et le suivi dans l’entreprise",
    "V. L’accompagnement social des stagiaires",
    "VI. Les bonnes pratiques",
    "Quelques fiches outils",
    "Annexes",
    "Annexe n°1 — Sites référencés",
    "Annexe n°2 : mode d’emploi du questionnaire « état des lieux »",
    "Annexe n°3 : questionnaire « état des lieux »",
    "Glossaire",
]
PARTENAIRES = ["CFAS d’Auvergne", "Mission Locale de Clermont-Ferrand", "GRETA du Velay",
               "ASEA du Puy en Velay", "AFORMAC"]  # fmt: skip
# A4 at 72 dpi is 595 × 842 points; the running heads sit in the top and bottom 2 cm.
SANS_ENTETES = ["-x", "0", "-y", "62", "-W", "596", "-H", "720"]
NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "x": "http://www.w3.org/1999/xhtml",
    "ops": "http://www.idpf.org/2007/ops",
}


def plat(texte: str) -> str:
    """Whitespace of any kind (line ends, no-break spaces) as one space, NFC."""
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", texte)).strip()


@pytest.fixture(scope="module")
def pdf(site_dir: Path) -> Path:
    chemin = site_dir / "livre" / "guide-diese-2005.pdf"
    assert chemin.is_file(), "le livre PDF n’est pas construit"
    return chemin


@pytest.fixture(scope="module")
def epub_(site_dir: Path) -> Path:
    chemin = site_dir / "livre" / "guide-diese-2005.epub"
    assert chemin.is_file(), "le livre EPUB n’est pas construit"
    return chemin


def pdftotext(pdf: Path, *options: str) -> str:
    return subprocess.run(
        ["pdftotext", "-enc", "UTF-8", *options, str(pdf), "-"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip


def test_pdf_a4_balise_et_pagine(pdf: Path) -> None:
    infos = dict(
        ligne.split(":", 1) for ligne in subprocess.run(
            ["pdfinfo", str(pdf)], check=True, capture_output=True, text=True
        ).stdout.splitlines() if ":" in ligne
    )  # fmt: skip
    assert infos["Tagged"].strip() == "yes"
    assert "(A4)" in infos["Page size"]
    pages = int(infos["Pages"])
    print(f"\nlivre PDF : {pages} pages, {pdf.stat().st_size} octets")
    assert 30 < pages < 150
    assert "Guide des bonnes pratiques" in infos["Title"]


def test_pdf_chapitres_glossaire_et_page_de_titre(pdf: Path) -> None:
    texte = plat(pdftotext(pdf))
    for titre in CHAPITRES:
        assert plat(titre) in texte, titre
    debut = plat(pdftotext(pdf, "-l", "1"))
    assert "Version 9 du 17 mars 2005" in debut
    for partenaire in PARTENAIRES:
        assert partenaire in debut, partenaire
    for terme in charger_glossaire():
        assert plat(terme.terme) in texte, terme.terme
    # The notes stand boxed where they are on the site: each one once, in the book.
    assert texte.count(f"{TITRE_ADMONITION} — ") == len(charger_changements())


def test_pdf_sommaire_avec_numeros_de_page_et_signets(pdf: Path) -> None:
    sommaire = pdftotext(pdf, "-layout", "-f", "2", "-l", "3")
    for titre in ("I. Contextualisation", "VI. Les bonnes pratiques", "Glossaire"):
        assert re.search(re.escape(titre) + r"\s*\.{3,}\s*\d+", sommaire), titre
    lecteur = PdfReader(str(pdf))

    def titres(signets) -> list[str]:
        return [t for s in signets for t in (titres(s) if isinstance(s, list) else [s.title])]

    signets = [plat(t) for t in titres(lecteur.outline)]
    for titre in CHAPITRES:
        assert plat(titre) in signets, titre
    # Page headers name the chapter; footers number the pages.
    page = lecteur.pages[10].extract_text()
    assert re.search(r"Page 11 sur \d+", page)


def test_pdf_fidele_au_guide(pdf: Path, site_dir: Path) -> None:
    """The fidelity test, on the book's text in content order (running heads cropped out)."""
    frags = fragments(SOURCE.read_text(encoding="utf-8"))
    texte = pdftotext(pdf, "-raw", *SANS_ENTETES)
    # A kerned « L’ » comes out of poppler as « L », line end, « ’ »: no line starts with ’.
    texte = re.sub(r"\n(?=[’'])", "", texte)
    # List markers are drawn after their page's text: alone on their line, they are layout.
    texte = re.sub(r"^[ \t]*(?:[•◦▪–]|\d{1,2}\.)[ \t]*\n", "", texte, flags=re.M)
    # The site's marked additions inside the guide's sentences (« (adresse disparue) »).
    texte = plat(texte)
    for ajout in ajouts_du_site(site_dir):
        texte = texte.replace(ajout, "")
    html = f"<article class='md-content__inner'><p>{escape(texte, quote=False)}</p></article>"
    absents = manquants(frags, texte_html(html))
    assert not absents, f"{len(absents)} fragments absents du PDF :\n" + "\n".join(absents[:20])


def ajouts_du_site(site_dir: Path) -> set[str]:
    """Texts the site marks as its own additions (class diese-ajout) in the guide's pages."""
    motif = re.compile(r'<span class="[^"]*\bdiese-ajout\b[^"]*">([^<]+)</span>')
    return {
        plat(unescape(m.group(1)))
        for page in (site_dir / "guide").rglob("*.html")
        for m in motif.finditer(page.read_text(encoding="utf-8"))
    }


def test_epub_structure(epub_: Path) -> None:
    with zipfile.ZipFile(epub_) as z:
        premier = z.infolist()[0]
        assert premier.filename == "mimetype" and premier.compress_type == zipfile.ZIP_STORED
        assert z.read("mimetype") == b"application/epub+zip"
        conteneur = ElementTree.fromstring(z.read("META-INF/container.xml"))
        opf_chemin = conteneur.find(".//c:rootfile", NS).get("full-path")
        opf = ElementTree.fromstring(z.read(opf_chemin))
        assert opf.get("version") == "3.0"
        base = opf_chemin.rsplit("/", 1)[0] + "/" if "/" in opf_chemin else ""
        items = {i.get("id"): i for i in opf.find("opf:manifest", NS)}
        nav = [i for i in items.values() if "nav" in (i.get("properties") or "").split()]
        assert len(nav) == 1, "un document de navigation EPUB 3"
        spine = [items[r.get("idref")].get("href") for r in opf.find("opf:spine", NS)]
        assert len(spine) >= len(CHAPITRES)
        for href in spine:  # every content document is well-formed XHTML
            ElementTree.fromstring(z.read(base + href))
        navigation = ElementTree.fromstring(z.read(base + nav[0].get("href")))
        entrees = [plat("".join(a.itertext())) for a in navigation.iter(f"{{{NS['x']}}}a")]
    for titre in CHAPITRES:
        assert plat(titre) in entrees, titre
    assert opf.find(".//{http://purl.org/dc/elements/1.1/}language").text == "fr"


def test_epub_lu_par_ebooklib(epub_: Path) -> None:
    livre = epub.read_epub(str(epub_))
    documents = [i for i in livre.get_items() if isinstance(i, epub.EpubHtml)]
    textes = plat(" ".join(re.sub("<[^>]+>", " ", i.get_content().decode()) for i in documents))
    for titre in CHAPITRES:
        assert plat(titre) in textes, titre
    assert textes.count(f"{TITRE_ADMONITION} — ") == len(charger_changements())
    assert livre.get_metadata("DC", "language")[0][0] == "fr"
    # Typeset like the site, title page and table of contents included.
    for document in documents:
        assert ecarts(document.get_content().decode()) == [], document.file_name


def test_livre_lie_depuis_l_accueil_et_a_propos(site_dir: Path) -> None:
    for page, prefixe in (("index.html", ""), ("a-propos/index.html", "../")):
        html = (site_dir / page).read_text(encoding="utf-8")
        for extension in ("pdf", "epub"):
            lien = f'href="{prefixe}livre/guide-diese-2005.{extension}"'
            assert lien in html, (page, lien)
