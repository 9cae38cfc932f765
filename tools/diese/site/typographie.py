"""French typography, applied once to every built page (on_post_page), whoever wrote it.

The page is cut into tags and text nodes by a tokenizer that gives the tags back byte for byte:
only text nodes change. Text runs across inline tags (`mot</a> :` is one run, the tags kept as
markers), and never enters `code`, `pre`, `kbd`, `samp`, `script`, `style`, `textarea`,
`select` or `svg`. Attribute values (URLs, titles, form values) are never touched.

Rules (Imprimerie nationale):
- narrow no-break space (U+202F) before `; ! ?` and inside « »;
- no-break space (U+00A0) before `:` and between a number and its unit, `€` or `%`;
- thousands grouped by U+202F in amounts (5 digits and more, or 4 before a currency), never in
  years, identifiers (leading 0, 9 digits and more, `n°`, joined to letters or hyphens), postal
  codes (before a capitalised town name) or phone numbers (groups of two digits);
- capitals get back the accent a 2005 keyboard could not type (« Etre » → « Être »): an explicit
  list of words, so that nothing else is guessed.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable

from ._html import TEXTE_BRUT, jetons, nom

ORDRE = 60

FINE = "\u202f"  # espace fine insécable
INSECABLE = "\u00a0"
MARQUE = "\ue000"  # stands for an inline tag inside a text run (private use: never in text)
BLANC = "[ \t\r\n\u00a0\u202f]"
M = MARQUE + "*"

# Elements whose content is kept as is (code, raw text, form values, drawings).
PRESERVES = {"code", "pre", "kbd", "samp", "script", "style", "textarea", "select", "svg", "math"}
# Inline elements: the text run goes on across them. Any other tag ends the run.
EN_LIGNE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "data", "dfn", "em", "i", "mark", "q", "s", "small",
    "span", "strong", "sub", "sup", "time", "u", "del", "ins", "wbr",
}  # fmt: skip

# Capitals typed without their accent in 2005 (word → accented word).
CAPITALES = {
    "Ecole": "École",
    "Ecoute": "Écoute",
    "Echanger": "Échanger",
    "Echelle": "Échelle",
    "Economie": "Économie",
    "Elaborer": "Élaborer",
    "Emettre": "Émettre",
    "Etablir": "Établir",
    "Etat": "État",
    "Etats": "États",
    "Etes": "Êtes",
    "Etre": "Être",
    "Etude": "Étude",
    "Etudes": "Études",
    "Evaluation": "Évaluation",
    "Evaluations": "Évaluations",
    "Evaluer": "Évaluer",
    "Eviter": "Éviter",
}

UNITES = (
    r"€|%|‰|euros?\b|EUR\b|k€|M€|h\b|heures?\b|min\b|minutes?\b|jours?\b|semaines?\b|mois\b"
    r"|ans?\b|années?\b|km\b|kg\b|°C"
)

# (characters one of which must be in the text for the rule to apply, pattern, replacement):
# the cheap test keeps the build fast (most text runs hold none of them).
_Regle = tuple[str, re.Pattern[str], str | Callable[[re.Match[str]], str]]
CHIFFRES = "0123456789"


DEVISE = re.compile(rf"(?:,\d+)?{BLANC}*{M}(?:€|euros?\b|EUR\b)")


def _grouper(chiffres: str) -> str:
    groupes = []
    while len(chiffres) > 3:
        groupes.insert(0, chiffres[-3:])
        chiffres = chiffres[:-3]
    return FINE.join([chiffres, *groupes])


def _milliers(m: re.Match[str]) -> str:
    nombre = m.group(0)
    if nombre.startswith("0") or len(nombre) > 8:
        return nombre  # identifier or phone number
    if len(nombre) == 4 and not DEVISE.match(m.string, m.end()):
        return nombre  # a year, or a small number: left as typed
    return _grouper(nombre)


REGLES: list[_Regle] = [
    # Spaces already grouping a number (« 100 000 ») become thin and unbreakable.
    (
        CHIFFRES,
        re.compile(r"(?<![\d,.])(?<!\d )(\d{1,3})((?:[ \u00a0]\d{3})+)(?!\d| \d)"),
        lambda m: m.group(1) + re.sub("[ \u00a0]", FINE, m.group(2)),
    ),
    # Thousands in numbers typed without a separator.
    (
        CHIFFRES,
        re.compile(
            r"(?<![\w.,/\-–°#+])(?<!n°)(?<!n° )\d{4,}"
            # not a decimal part, unless of an amount (« 1234,56 € »); not a postal code
            rf"(?![\w/\-]|[.:]\d)(?!,\d++(?!{BLANC}*{M}(?:€|euros?\b)))"
            rf"(?!{BLANC}+[A-ZÉ][A-Za-zÉé])"
        ),
        _milliers,
    ),
    # Number and unit.
    (CHIFFRES, re.compile(rf"(\d){BLANC}+({M})({UNITES})"), rf"\1{INSECABLE}\2\3"),
    ("€%", re.compile(rf"(\d)({M})(€|%)"), rf"\1{INSECABLE}\2\3"),
    # Before ; ! ? — a narrow no-break space replaces whatever space was typed.
    (";!?", re.compile(rf"{BLANC}+({M})([;!?])"), rf"{FINE}\1\2"),
    # Before : — a no-break space.
    (":", re.compile(rf"{BLANC}+({M}):(?!//)"), rf"{INSECABLE}\1:"),
    # Inside « » — narrow no-break spaces, added where none was typed.
    ("«", re.compile(rf"«{BLANC}*({M}){BLANC}*(?=[^\s{MARQUE}])"), rf"«{FINE}\1"),
    ("»", re.compile(rf"(?<=[^\s{MARQUE}])({M}){BLANC}*({M}){BLANC}*»"), rf"\1\2{FINE}»"),
    # Accented capitals.
    ("E", re.compile(r"\b(" + "|".join(CAPITALES) + r")\b"), lambda m: CAPITALES[m.group(1)]),
]


def corriger(texte: str) -> str:
    """Apply the rules to a text run (inline tags stand as MARQUE and are never moved)."""
    for declencheurs, motif, remplacement in REGLES:
        if any(c in texte for c in declencheurs):
            texte = motif.sub(remplacement, texte)
    return texte


def typographier(html: str) -> str:
    """The page with its text nodes corrected; tags, comments and preserved elements unchanged."""
    sortie: list[str] = []
    run: list[int] = []  # indices in `sortie` of the run's text nodes and inline tags
    marques: set[int] = set()

    def vider() -> None:
        if not run:
            return
        # Slots: the text between two markers (at most one text node each: the tokenizer
        # never yields two text nodes in a row).
        noeuds: list[int | None] = [None]
        for i in run:
            if i in marques:
                noeuds.append(None)
            else:
                noeuds[-1] = i
        avant = [html_lib.unescape(sortie[i]) if i is not None else "" for i in noeuds]
        apres = corriger(MARQUE.join(avant)).split(MARQUE)
        assert len(apres) == len(avant), "règle typographique qui déplace une balise"
        for i, texte_avant, texte_apres in zip(noeuds, avant, apres, strict=True):
            if texte_apres != texte_avant:
                assert i is not None, "règle typographique qui écrit entre deux balises"
                sortie[i] = html_lib.escape(texte_apres, quote=False)
        run.clear()
        marques.clear()

    preserves: list[str] = []
    for genre, source in jetons(html):
        sortie.append(source)
        if genre == "brut":
            continue
        if genre == "texte":
            if not preserves:
                run.append(len(sortie) - 1)
            continue
        element = nom(source)
        if (element in EN_LIGNE or source.startswith("<!--")) and not preserves:
            marques.add(len(sortie) - 1)
            run.append(len(sortie) - 1)
            continue
        # Any other tag ends the text run (its text is corrected before the tag is kept).
        sortie.pop()
        vider()
        sortie.append(source)
        if element in PRESERVES and not source.endswith("/>") and element not in TEXTE_BRUT:
            if source.startswith("</"):
                if element in preserves:
                    while preserves and preserves.pop() != element:
                        pass
            else:
                preserves.append(element)
    vider()
    return "".join(sortie)


def on_post_page(html: str, **_) -> str:
    return typographier(html)


def on_post_template(sortie: str, template_name: str = "", **_) -> str:
    """The theme's own pages (404.html) are typeset too."""
    return typographier(sortie) if template_name.endswith(".html") else sortie
