"""Writes `checklists/catalogue.json` (every list, group and item id with its wording, and the
replacements of retired ids): the checklist script uses it to export whole dossiers, to carry
ticks of a replaced id over to its successor, and to set aside ticks of removed items."""

from __future__ import annotations

import json
from pathlib import Path

from diese.contenu.checklists import catalogue, charger_checklists
from diese.contenu.ids_publies import remplacements

ORDRE = 50
CHEMIN = "checklists/catalogue.json"


def on_post_build(config, **_) -> None:
    sortie = Path(config["site_dir"]) / CHEMIN
    sortie.parent.mkdir(parents=True, exist_ok=True)
    listes = charger_checklists()
    donnees = {**catalogue(listes), "remplacements": remplacements(listes)}
    sortie.write_text(json.dumps(donnees, ensure_ascii=False, separators=(",", ":")),
                      encoding="utf-8")
