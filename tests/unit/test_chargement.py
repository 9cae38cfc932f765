"""The page start-up order written at build (diese.site.chargement): what Material would change
while starting is set before the page is styled, its scripts are deferred, the palette is ours,
and its bundle carries V8's compile hint with its source map shifted to match."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from diese.site import chargement

PAGE = """<!doctype html>
<html lang="fr" class="no-js">
  <head>
    <link rel="stylesheet" href="../assets/stylesheets/main.57a0d79d.min.css">
  </head>
  <body dir="ltr" data-md-color-scheme="default">
    <form class="md-header__option" data-md-component="palette"><input></form>
    <a href="../guide/">Guide</a>
      <script src="../assets/javascripts/bundle.a5f9d56c.min.js"></script>
      <script src="../assets/javascripts/diese-chargeur.js"></script>
      <script src="../assets/javascripts/diese-hors-ligne.js"></script>
  </body>
</html>"""


def test_scripts_differes_dans_l_ordre_palette_d_abord() -> None:
    html = chargement.reordonner(PAGE)
    sources = re.findall(r'<script defer src="([^"]+)"></script>', html)
    assert sources == [
        "../assets/javascripts/diese-palette.js",
        "../assets/javascripts/bundle.a5f9d56c.min.js",
        "../assets/javascripts/diese-chargeur.js",
        "../assets/javascripts/diese-hors-ligne.js",
    ]
    assert not re.search(r"<script src=", html)  # nothing left for the parser to wait on
    assert html.rstrip().endswith("</html>")


def test_palette_confiee_au_site_et_scripts_en_ligne_places() -> None:
    html = chargement.reordonner(PAGE)
    assert 'data-md-component="palette"' not in html and "data-diese-palette" in html
    tete, corps = html.split("</head>")
    assert f"<script>{chargement.SCRIPT_TETE}</script>" in tete
    # The body's resolution runs before the deferred scripts, at the end of the parse.
    assert corps.index(chargement.SCRIPT_CORPS) < corps.index("<script defer")


def test_page_sans_palette_garde_ses_scripts() -> None:
    html = chargement.reordonner(PAGE.replace(' data-md-component="palette"', ""))
    assert "diese-palette.js" not in html
    assert html.count("<script defer src=") == 3


def test_page_sans_scripts_de_fin_refusee_en_la_nommant() -> None:
    with pytest.raises(chargement.PageNonReordonnable, match="outils/x.md"):
        chargement.reordonner(PAGE.replace("bundle.a5f9d56c.min.js", "autre.js"), "outils/x.md")


def test_palette_automatique_refusee_au_build() -> None:
    automatique = PAGE.replace("<input>", '<input data-md-color-media="(prefers-color-scheme)">')
    with pytest.raises(chargement.PageNonReordonnable, match="automatique"):
        chargement.reordonner(automatique, "index.md")


def test_scripts_en_ligne_sont_du_javascript_valide(tmp_path) -> None:
    for nom, code in (("tete.js", chargement.SCRIPT_TETE), ("corps.js", chargement.SCRIPT_CORPS)):
        fichier = tmp_path / nom
        fichier.write_text(code, encoding="utf-8")
        verification = subprocess.run(["node", "--check", str(fichier)], capture_output=True,
                                      text=True)
        assert verification.returncode == 0, verification.stderr


def test_indice_de_compilation_une_fois_et_carte_decalee(tmp_path) -> None:
    bundle = tmp_path / "bundle.a5f9d56c.min.js"
    bundle.write_text('"use strict";(()=>{})();\n//# sourceMappingURL=bundle.a5f9d56c.min.js.map\n',
                      encoding="utf-8")
    carte = tmp_path / "bundle.a5f9d56c.min.js.map"
    carte.write_text(json.dumps({"version": 3, "sources": ["a.ts"], "mappings": "AAAA;AACA"}),
                     encoding="utf-8")
    assert chargement.indiquer_compilation(bundle) is True
    assert bundle.read_text(encoding="utf-8").startswith("//# allFunctionsCalledOnLoad\n\"use")
    # Generated line 1 is the hint (no mapping); the code's mappings move down one line.
    assert json.loads(carte.read_text(encoding="utf-8"))["mappings"] == ";AAAA;AACA"
    assert chargement.indiquer_compilation(bundle) is False  # a second build changes nothing
    assert json.loads(carte.read_text(encoding="utf-8"))["mappings"] == ";AAAA;AACA"
    assert sorted(p.name for p in tmp_path.iterdir()) == [bundle.name, carte.name]
