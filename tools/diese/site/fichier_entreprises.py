"""Checks the company file's schema before pages are rendered: a typo in
`docs/data/fichier-entreprises.schema.json` stops the build with a French message naming the
field (the browser validates stored and imported files with it)."""

from __future__ import annotations

from diese.checklists.fichier import charger_schema

ORDRE = 20


def on_config(config, **_):
    charger_schema()
    return config
