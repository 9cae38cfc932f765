"""The built page « Données et méthode de calcul » shows the evidence beside the values: for
every parameter that has evidence, its table row quotes at least one of its excerpts inside a
folded <details>, and a value marked unverified says « non vérifié » in its own line."""

from __future__ import annotations

import json
import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path

from diese.simulation.parametres import tous


def _normal(texte: str) -> str:
    """Compare text as read, without its spaces (the typography step adds no-break ones, before
    « % » too) and with one apostrophe."""
    texte = unicodedata.normalize("NFC", texte).replace("’", "'")
    return re.sub(r"[\s\u00a0\u202f]+", "", texte)


class _Lignes(HTMLParser):
    """Rows of the parameter tables: the parameter's id, its quoted excerpts, its value lines."""

    def __init__(self) -> None:
        super().__init__()
        self.lignes: dict[str, dict] = {}
        self._ligne: dict | None = None
        self._pile: list[str] = []
        self._texte: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._ligne = {"code": "", "citations": [], "valeurs": [], "details": 0}
        self._pile.append(tag)
        if tag in {"code", "blockquote", "li"}:
            self._texte = []
        if tag == "details" and self._ligne is not None:
            self._ligne["details"] += 1

    def handle_endtag(self, tag):
        while self._pile and self._pile.pop() != tag:
            pass
        ligne = self._ligne
        if ligne is None:
            return
        texte = _normal("".join(self._texte))
        if tag == "code" and not ligne["code"]:
            ligne["code"] = texte
        elif tag == "blockquote":
            ligne["citations"].append(texte)
        elif tag == "tr":
            self.lignes[ligne["code"]] = ligne
            self._ligne = None

    def handle_data(self, data):
        self._texte.append(data)
        if self._ligne is not None and "li" in self._pile and "details" not in self._pile:
            self._ligne["valeurs"].append(data)


def test_chaque_parametre_prouve_montre_un_extrait(site_dir: Path):
    page = (site_dir / "outils" / "schema-simulation" / "index.html").read_text(encoding="utf-8")
    lecteur = _Lignes()
    lecteur.feed(page)
    prouves = 0
    for ident, p in tous().items():
        extraits = {_normal(pr["extrait"]) for preuves in p.preuves_valeurs for pr in preuves}
        ligne = lecteur.lignes.get(ident)
        assert ligne is not None, f"{ident} : pas de ligne dans le tableau"
        if extraits:
            prouves += 1
            assert ligne["details"] >= 1, f"{ident} : aucune preuve repliée"
            assert extraits & set(ligne["citations"]), f"{ident} : aucun extrait cité"
            assert "consulté le" in page
        marques = [i for i, s in enumerate(p.statuts_valeurs) if s == "non_verifie"]
        if marques:
            assert "non vérifié" in " ".join(ligne["valeurs"]), f"{ident} : « non vérifié » absent"
    assert prouves > 0, "aucun paramètre n’a de preuve"


def test_les_preuves_restent_hors_de_l_index_de_recherche(site_dir: Path):
    """The tables stay out of the search index every page downloads: no excerpt in it."""
    brut = json.loads((site_dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    index = _normal(" ".join(d.get("title", "") + " " + d.get("text", "") for d in brut["docs"]))
    assert _normal("Données et méthode de calcul") in index  # the page itself is indexed
    extraits = {_normal(pr["extrait"]) for p in tous().values()
                for preuves in p.preuves_valeurs for pr in preuves}
    assert extraits and not [e for e in extraits if e in index]
    assert _normal("consulté le") not in index
