"""French search that forgives plurals and missing accents, and knows the trade's synonyms.

Material keeps lunr's French stemmer only when the search `pipeline` lists it (mkdocs.yml).
Accents and synonyms: the French lunr plugin is extended here, at build time, with two scripts
(overrides/assets/javascripts/lunr/diese-fr-plier.js, then diese-synonymes.js with the groups of
docs/data/synonymes.yml), because the search worker loads that file itself and offers no other
extension point.

Snippets: Material's index parser glues the text of adjacent blocks (« Internet Archive)Les
formations »). Its parser is given a space at every block boundary and between sibling elements,
in the index only: the pages themselves are not changed.
"""

from __future__ import annotations

import json
from pathlib import Path

from diese.contenu.synonymes import charger_synonymes
from diese.contenu.validation import RACINE
from diese.site._ecriture import remplacer_texte

ORDRE = 80
LUNR = RACINE / "overrides" / "assets" / "javascripts" / "lunr"
EXTENSION = LUNR / "diese-fr-plier.js"
SYNONYMES = LUNR / "diese-synonymes.js"
CIBLE = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.fr.min.js"

# Elements that flow inside a line of text: no space is added at their edges.
EN_LIGNE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "del", "dfn", "em", "i", "ins",
    "kbd", "mark", "q", "s", "samp", "small", "strong", "sub", "sup", "time", "u", "var",
    "span",
}  # fmt: skip
TITRES = {f"h{n}" for n in range(1, 7)}


def script_synonymes(groupes: list[list[str]]) -> str:
    return SYNONYMES.read_text(encoding="utf-8").replace(
        "__SYNONYMES__", json.dumps(groupes, ensure_ascii=False)
    )


def _espacer(parseur) -> None:
    """One space in the section's text (never in its title), collapsed by the parser."""
    section = getattr(parseur, "section", None)
    if section is None or section.el in parseur.context or parseur.skip.intersection(
        parseur.context
    ):
        return
    parseur.handle_data(" ")


def espacer_les_blocs(classe) -> None:
    """Wrap Material's search Parser (idempotent)."""
    if getattr(classe, "diese_blocs_espaces", False):
        return
    debut, fin, texte = classe.handle_starttag, classe.handle_endtag, classe.handle_data

    def handle_starttag(self, tag, attrs):
        if tag not in TITRES and (tag not in EN_LIGNE or getattr(self, "_diese_apres_fin", False)):
            _espacer(self)
        self._diese_apres_fin = False
        return debut(self, tag, attrs)

    def handle_endtag(self, tag):
        resultat = fin(self, tag)
        if tag not in TITRES and tag not in EN_LIGNE:
            _espacer(self)
        self._diese_apres_fin = True
        return resultat

    def handle_data(self, data):
        if data.strip():
            self._diese_apres_fin = False
        return texte(self, data)

    classe.handle_starttag, classe.handle_endtag = handle_starttag, handle_endtag
    classe.handle_data = handle_data
    classe.diese_blocs_espaces = True


def exclure_les_sous_arbres(classe, vides: set[str]) -> None:
    """Make `data-search-exclude` drop the element's whole subtree (idempotent).

    Material's parser compares elements by tag name: inside an excluded <div>, the first inner
    </div> ends the exclusion, and the rest of the block is indexed. Here nothing inside such an
    element reaches the parser at all (the simulators' forms and figures are no answer to a
    search, and every page downloads the index)."""
    if getattr(classe, "diese_sous_arbres_exclus", False):
        return
    debut, fin, texte = classe.handle_starttag, classe.handle_endtag, classe.handle_data

    def handle_starttag(self, tag, attrs):
        profondeur = getattr(self, "_diese_exclu", 0)
        if profondeur:
            if tag not in vides:
                self._diese_exclu = profondeur + 1
            return None
        if tag not in vides and any(nom == "data-search-exclude" for nom, _ in attrs):
            self._diese_exclu = 1
            return None
        return debut(self, tag, attrs)

    def handle_endtag(self, tag):
        profondeur = getattr(self, "_diese_exclu", 0)
        if profondeur:
            self._diese_exclu = profondeur - 1
            return None
        return fin(self, tag)

    def handle_data(self, data):
        if getattr(self, "_diese_exclu", 0):
            return None
        return texte(self, data)

    classe.handle_starttag, classe.handle_endtag = handle_starttag, handle_endtag
    classe.handle_data = handle_data
    classe.diese_sous_arbres_exclus = True


def on_config(config, **_):
    charger_synonymes()  # a typo in the data fails the build, with file and field
    from material.plugins.search import plugin

    if not hasattr(plugin, "Parser") or not hasattr(plugin, "void"):
        raise RuntimeError("material.plugins.search.plugin.Parser introuvable : Material a changé")
    espacer_les_blocs(plugin.Parser)
    exclure_les_sous_arbres(plugin.Parser, set(plugin.void))
    return config


INDEX = Path("search") / "search_index.json"


def compacter_index(site: Path) -> None:
    """Material writes the index with every accented letter escaped (« \\u00e9 »): written again in
    UTF-8, the same data, smaller — every page downloads it (through a temporary copy, checked)."""
    chemin = site / INDEX
    if not chemin.exists():
        raise RuntimeError(f"{chemin} introuvable : la recherche de Material a changé")
    donnees = json.loads(chemin.read_text(encoding="utf-8"))
    texte = json.dumps(donnees, ensure_ascii=False, separators=(",", ":"))
    if json.loads(texte) != donnees:
        raise RuntimeError(f"{chemin} : index de recherche altéré par la réécriture")
    remplacer_texte(chemin, texte)


def on_post_build(config, **_) -> None:
    compacter_index(Path(config["site_dir"]))
    cible = Path(config["site_dir"]) / CIBLE
    if not cible.exists():
        raise RuntimeError(f"{cible} introuvable : la recherche française de Material a changé")
    texte = cible.read_text(encoding="utf-8")
    if "dieseAccentsPlies" not in texte:
        extension = EXTENSION.read_text(encoding="utf-8")
        synonymes = script_synonymes(charger_synonymes())
        cible.write_text(texte.rstrip() + "\n" + extension + "\n" + synonymes, encoding="utf-8")
