"""French typography on the built site: every page is read by the standard library's HTML parser
(not by the build step's tokenizer) and its visible text checked against the rules; the build
step itself is tested on small documents, code and URLs included."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from diese.site._html import JETON
from diese.site.typographie import CAPITALES, typographier

FINE, INSECABLE = "\u202f", "\u00a0"
PRESERVES = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "svg", "math"}
EN_LIGNE = set(
    "a abbr b bdi bdo cite data dfn em i mark q s small span strong sub sup time u del ins wbr"
    .split()
)
VIDES = {"br", "hr", "img", "input", "meta", "link", "col", "wbr", "source", "area", "base"}

# (rule, pattern that must find nothing in a text run)
REGLES = [
    ("espace ordinaire avant ; ! ? :", re.compile(r"[ \t\r\n]+[;!?:](?!//)")),
    ("espace insécable normale (non fine) avant ; ! ?", re.compile(INSECABLE + r"[;!?]")),
    ("espace fine (non normale) avant :", re.compile(FINE + ":")),
    # (a guillemet alone at the edge of a text run is left to its neighbour)
    ("« sans espace fine insécable après", re.compile(r"«(?=[^\u202f])")),
    ("» sans espace fine insécable avant", re.compile(r"(?<=[^\u202f])»")),
    ("nombre et unité séparés par une espace ordinaire", re.compile(r"\d[ \t\n]+(?:€|%)")),
    ("nombre collé à €", re.compile(r"\d(?:€|%)")),
    ("milliers groupés par une espace ordinaire", re.compile(r"(?<![\d,.])\d{1,3} \d{3}\b(?! \d)")),
    (
        "milliers non séparés",
        re.compile(r"(?<![\w.,/\-–°#+])(?<!n°)(?<!n° )[1-9]\d{4,7}(?![\w/\-]|[.,:]\d)(?!\s+[A-Z])"),
    ),
    ("capitale sans son accent", re.compile(r"\b(?:" + "|".join(CAPITALES) + r")\b")),
]


class _Textes(HTMLParser):
    """Visible text runs of a page: a run goes on across inline tags and stops at any other."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[str] = [""]
        self.preserves: list[str] = []

    def _couper(self, tag: str) -> None:
        if tag not in EN_LIGNE and self.runs[-1]:
            self.runs.append("")

    def handle_starttag(self, tag, attrs) -> None:
        self._couper(tag)
        if tag in PRESERVES:
            self.preserves.append(tag)

    def handle_startendtag(self, tag, attrs) -> None:
        self._couper(tag)

    def handle_endtag(self, tag) -> None:
        self._couper(tag)
        if tag in self.preserves:
            while self.preserves.pop() != tag:
                pass

    def handle_data(self, data) -> None:
        if not self.preserves:
            self.runs[-1] += data


def ecarts(html: str) -> list[str]:
    lecteur = _Textes()
    lecteur.feed(html)
    trouves = []
    for run in lecteur.runs:
        for nom, motif in REGLES:
            for m in motif.finditer(run):
                contexte = run[max(0, m.start() - 25) : m.end() + 10].replace("\n", " ")
                trouves.append(f"{nom} : « {contexte} »")
    return trouves


def test_chaque_page_construite_respecte_la_typographie(site_dir: Path) -> None:
    pages = sorted(site_dir.rglob("*.html"))
    assert len(pages) > 30
    fautes = {
        str(p.relative_to(site_dir)): e for p in pages if (e := ecarts(p.read_text("utf-8")))
    }
    assert not fautes, "\n".join(f"{page} : {e[:5]}" for page, e in fautes.items())
    # The rules did apply: the guide's headings carry their no-break spaces.
    accueil = (site_dir / "guide" / "annexes" / "index.html").read_text("utf-8")
    assert "Annexe 1\u00a0: sites" in accueil


def test_le_scanner_voit_les_fautes() -> None:
    fautes = ecarts(
        "<p>Pourquoi ? Voici : « mot » et 5 € ; 100000 salariés. Etre là.</p>"
        "<p>Le <code>a ; b</code> reste.</p>"
    )
    assert len(fautes) == 8, fautes
    assert ecarts(typographier("<p>Pourquoi ? Voici : « mot » et 5 € ; 100000. Etre là.</p>")) == []


@pytest.mark.parametrize(
    ("avant", "apres"),
    [
        ("<p>Pourquoi ? Oui ! Ah ; bon</p>", f"<p>Pourquoi{FINE}? Oui{FINE}! Ah{FINE}; bon</p>"),
        ("<p>Annexe 1 : sites</p>", f"<p>Annexe 1{INSECABLE}: sites</p>"),
        ("<p>le « guide »</p>", f"<p>le «{FINE}guide{FINE}»</p>"),
        ("<p>le «guide»</p>", f"<p>le «{FINE}guide{FINE}»</p>"),
        (
            "<p>5 € et 6 % et 35 heures</p>",
            f"<p>5{INSECABLE}€ et 6{INSECABLE}% et 35{INSECABLE}heures</p>",
        ),
        ("<p>100000 et 1 500 000</p>", f"<p>100{FINE}000 et 1{FINE}500{FINE}000</p>"),
        ("<p>1500 € mais 1500 salariés</p>", f"<p>1{FINE}500{INSECABLE}€ mais 1500 salariés</p>"),
        ("<p>1823,07 € et 1234,5678</p>", f"<p>1{FINE}823,07{INSECABLE}€ et 1234,5678</p>"),
        ("<p>Etre présent, Eviter, Evaluations</p>", "<p>Être présent, Éviter, Évaluations</p>"),
        # Inline tags stay where they are; the space before them is the one replaced.
        ("<p><strong>Objet</strong> :</p>", f"<p><strong>Objet</strong>{INSECABLE}:</p>"),
        ("<p>Objet <a href='#x'>:</a></p>", f"<p>Objet{INSECABLE}<a href='#x'>:</a></p>"),
        ("<p>« <em>mot</em> »</p>", f"<p>«{FINE}<em>mot</em>{FINE}»</p>"),
        # Entities are read as text; the rest of the node is escaped again.
        ("<p>A &amp; B : &lt;x&gt;</p>", f"<p>A &amp; B{INSECABLE}: &lt;x&gt;</p>"),
        ("<p>déjà&nbsp;: bon</p>", "<p>déjà&nbsp;: bon</p>"),
    ],
)
def test_regles(avant: str, apres: str) -> None:
    assert typographier(avant) == apres


@pytest.mark.parametrize(
    "intact",
    [
        # Years, identifiers, postal codes, phone numbers, law numbers, decimals.
        "<p>En 2005, le décret n° 2018771 et la loi 2005-102.</p>",
        "<p>63100 Clermont-Ferrand, 04 73 92 91 06, 0473929106, SIRET 12345678901234</p>",
        "<p>ISO 9001 et 0,00015 et 176.1.8 et L6222-27</p>",
        # Code, raw text, form values, attributes, comments.
        "<pre><code>x = a ; b ? c : d  # 100000 €</code></pre>",
        "<p>voir <code>a ; b</code> et <kbd>Ctrl : x</kbd></p>",
        "<script>if (a ? b : c) { x = '« y »'; }</script>",
        "<style>a:hover { content: ' ; '; }</style>",
        "<textarea name='n'>Note : à voir ; 100000 €</textarea>",
        "<select><option value='a : b'>A : b</option></select>",
        '<a href="https://exemple.fr/?a=1 ;b&amp;c : d" title="Titre : « x »">lien</a>',
        '<input value="1 500 € ; ok ?" placeholder="Nom : ici">',
        "<!-- commentaire : 100000 € ; -->",
        "<svg><text>a : b</text></svg>",
    ],
)
def test_code_urls_et_valeurs_intacts(intact: str) -> None:
    assert typographier(intact) == intact


def test_balises_identiques_octet_pour_octet(site_dir: Path) -> None:
    """On real pages, the step changes text nodes only (checked here on the built output:
    typesetting it again changes nothing, and every tag is the one the theme wrote)."""
    for page in sorted(site_dir.rglob("*.html")):
        html = page.read_text("utf-8")
        assert typographier(html) == html, page
    brut = (
        '<html><head><title>T : x</title><script>var a = "<p> ; </p>";</script></head>'
        '<body class="a>b"><p data-x=\'1 ; 2\'>Un : deux</p><br/><img alt="a : b"></body></html>'
    )
    assert JETON.findall(typographier(brut)) == JETON.findall(brut)
    assert typographier(brut).replace(INSECABLE, " ") == brut
