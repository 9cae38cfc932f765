"""On the built site, the HTML lists (resources, sites) carry the glossary tooltips, and every
glossary tooltip outside the glossary links to an entry that exists."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit


def test_listes_de_ressources_avec_infobulles_liees(site_dir: Path) -> None:
    liste = (site_dir / "ressources" / "outils-prospection" / "index.html").read_text("utf-8")
    assert 'href="../glossaire/#anpe"><abbr title="Agence nationale pour l’emploi' in liste
    sites = (site_dir / "guide" / "annexes" / "sites-references" / "index.html").read_text("utf-8")
    assert 'href="../../../ressources/glossaire/#anpe"><abbr' in sites


def test_chaque_lien_de_sigle_mene_a_une_entree(site_dir: Path) -> None:
    glossaire = (site_dir / "ressources" / "glossaire" / "index.html").read_text("utf-8")
    entrees = set(re.findall(r'<dt id="([^"]+)">', glossaire))
    liens = 0
    for page in site_dir.rglob("*.html"):
        url = "/" + page.relative_to(site_dir).as_posix()
        for href in re.findall(r'<a class="diese-sigle" href="([^"]+)">', page.read_text("utf-8")):
            cible = urlsplit(urljoin(url, href))
            assert cible.path == "/ressources/glossaire/", (page, href)
            assert cible.fragment in entrees, (page, href)
            liens += 1
    assert liens > 100
