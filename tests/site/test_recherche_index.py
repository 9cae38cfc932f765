"""The search index the browser loads: the text of adjacent blocks keeps a space between them
(snippets read « Internet Archive) Les formations », not « Internet Archive)Les formations »),
and the synonyms script is appended to lunr's French plugin with the data's groups."""

from __future__ import annotations

import json
import re
from pathlib import Path

from diese.contenu.synonymes import charger_synonymes


def test_blocs_separes_dans_l_index(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    texte = "\n".join(re.sub(r"<[^>]+>", " ", d["text"]) for d in index["docs"])
    for colle in ("Archive)Les", "tutoratPas", "DisparuStatut", "connuCopie", "ParamètreValeur"):
        assert colle not in texte, colle
    assert re.search(r"Internet Archive\)\s+Les formations", texte)
    # Words inside one element stay whole.
    assert "check-list" in texte and "l’entreprise" in texte


def test_synonymes_dans_la_recherche(site_dir: Path) -> None:
    script = (site_dir / "assets/javascripts/lunr/min/lunr.fr.min.js").read_text(encoding="utf-8")
    assert "dieseAccentsPlies" in script and "dieseSynonymes" in script
    assert "__SYNONYMES__" not in script
    groupes = charger_synonymes()
    assert json.dumps(groupes, ensure_ascii=False) in script
    assert ["checklist", "check-list", "liste de contrôle"] in groupes
