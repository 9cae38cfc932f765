"""The one relative-URL helper for links made in Python."""

from __future__ import annotations

import pytest
from diese.simulation.urls import url_relative


@pytest.mark.parametrize(("cible", "page", "attendu"), [
    ("outils/cout-embauche/", "outils/comparer/", "../cout-embauche/"),
    ("", "outils/cout-embauche/", "../../"),
    ("", "", "./"),
    ("outils/", "outils/", "./"),
    ("checklists/catalogue.json", "checklists/visite/", "../catalogue.json"),
    ("checklists/catalogue.json", "", "checklists/catalogue.json"),
    ("ressources/formulaires/x.md", "guide/visite.md", "../ressources/formulaires/x.md"),
    ("ressources/formulaires/x.md", "index.md", "ressources/formulaires/x.md"),
    ("a/b/c.md", "a/b/d.md", "c.md"),
])
def test_url_relative(cible, page, attendu) -> None:
    assert url_relative(cible, page) == attendu
