"""Writes build/snippets/abreviations.md from the glossary before pages are rendered: the file
that `pymdownx.snippets` appends to every page so each term gets its tooltip."""

from __future__ import annotations

from diese.contenu.glossaire import abreviations_markdown, charger_glossaire
from diese.contenu.validation import RACINE

ORDRE = 10
SORTIE = RACINE / "build" / "snippets" / "abreviations.md"


def on_config(config, **_):
    SORTIE.parent.mkdir(parents=True, exist_ok=True)
    SORTIE.write_text(abreviations_markdown(charger_glossaire()), encoding="utf-8")
    return config
