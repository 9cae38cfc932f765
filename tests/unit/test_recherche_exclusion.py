"""`data-search-exclude` drops a whole block from the search index, nested blocks of the same
tag included (Material's parser alone stops excluding at the first inner closing tag)."""

from __future__ import annotations

from diese.site import recherche
from material.plugins.search import plugin

PAGE = """<h1 id="titre">Simuler</h1><p>Texte de la page.</p>
<div class="diese-simulateur" data-search-exclude><div><p>Intérieur un</p></div>
<h2 id="resultat">Résultat</h2><div><input type="text"><p>Intérieur deux</p></div></div>
<h2 id="suite">Suite</h2><p>Après le bloc.</p>"""


def _sections(html: str) -> list:
    recherche.espacer_les_blocs(plugin.Parser)
    recherche.exclure_les_sous_arbres(plugin.Parser, set(plugin.void))
    parseur = plugin.Parser()
    parseur.feed(html)
    parseur.close()
    return parseur.data


def test_le_bloc_exclu_et_ses_descendants_ne_sont_pas_indexes() -> None:
    sections = _sections(PAGE)
    texte = " ".join("".join(s.text) + "".join(s.title) for s in sections)
    assert "Texte de la page" in texte and "Après le bloc" in texte
    assert "Intérieur" not in texte and "Résultat" not in texte
    assert [s.id for s in sections if s.id] == ["suite"]


def test_index_compacte_en_utf8_memes_donnees(tmp_path) -> None:
    import json

    index = tmp_path / "search" / "search_index.json"
    index.parent.mkdir()
    donnees = {"config": {"lang": ["fr"]}, "docs": [{"location": "", "title": "Préambule",
                                                     "text": "Données « complètes »"}]}
    index.write_text(json.dumps(donnees), encoding="utf-8")
    avant = index.stat().st_size
    recherche.compacter_index(tmp_path)
    assert json.loads(index.read_text(encoding="utf-8")) == donnees
    assert "Préambule" in index.read_text(encoding="utf-8") and index.stat().st_size < avant
