"""French search that forgives plurals and missing accents.

Material keeps lunr's French stemmer only when the search `pipeline` lists it (mkdocs.yml).
Accents: the French lunr plugin is extended here, at build time, with a wrapper that strips
diacritics after stemming (overrides/assets/javascripts/lunr/diese-fr-plier.js), because the
search worker loads that file itself and offers no other extension point.
"""

from __future__ import annotations

from pathlib import Path

from diese.contenu.validation import RACINE

ORDRE = 80
EXTENSION = RACINE / "overrides" / "assets" / "javascripts" / "lunr" / "diese-fr-plier.js"
CIBLE = Path("assets") / "javascripts" / "lunr" / "min" / "lunr.fr.min.js"


def on_post_build(config, **_) -> None:
    cible = Path(config["site_dir"]) / CIBLE
    if not cible.exists():
        raise RuntimeError(f"{cible} introuvable : la recherche française de Material a changé")
    texte = cible.read_text(encoding="utf-8")
    extension = EXTENSION.read_text(encoding="utf-8")
    if "dieseAccentsPlies" not in texte:
        cible.write_text(texte.rstrip() + "\n" + extension, encoding="utf-8")
