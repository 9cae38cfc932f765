"""Writes `checklists/catalogue.json` (every list, group and item id with its wording): the
checklist script uses it to export whole dossiers and to set aside ticks of removed items."""

from __future__ import annotations

import json
from pathlib import Path

from diese.contenu.checklists import catalogue, charger_checklists

ORDRE = 50
CHEMIN = "checklists/catalogue.json"


def on_post_build(config, **_) -> None:
    sortie = Path(config["site_dir"]) / CHEMIN
    sortie.parent.mkdir(parents=True, exist_ok=True)
    sortie.write_text(
        json.dumps(catalogue(charger_checklists()), ensure_ascii=False, separators=(",", ":")),
        encoding="utf-8",
    )
