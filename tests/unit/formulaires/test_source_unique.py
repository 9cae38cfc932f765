"""One definition, four outputs: editing the definition changes every one of them."""

from __future__ import annotations

import copy
import io

from diese.formulaires.fichiers import FORMATS
from diese.formulaires.html import generer_html
from pypdf import PdfReader

from .test_odt_docx import texte_docx, texte_odt


def _modifier(definition: dict) -> dict:
    modifiee = copy.deepcopy(definition)
    comportement = modifiee["sections"][1]["champs"][0]
    comportement["lignes"][1]["libelle"] = "Ponctualité et respect des horaires"
    modifiee["sections"][0]["champs"].append(
        {"id": "telephone-tuteur", "type": "texte", "libelle": "Téléphone du tuteur"})
    return modifiee


def test_une_modification_change_les_trois_fichiers_et_le_html(definitions) -> None:
    origine = definitions["evaluation-stage"]
    modifiee = _modifier(origine)
    for f in FORMATS:
        assert f.generer(origine) != f.generer(modifiee), f.extension

    pdf = PdfReader(io.BytesIO(FORMATS[0].generer(modifiee)))
    champs = pdf.get_fields()
    assert "telephone-tuteur" in champs
    bulle = str(champs["comportement_ponctualite_note"]["/TU"])
    assert "Ponctualité et respect des horaires" in bulle

    _, odt, docx = (f.generer(modifiee) for f in FORMATS)
    for texte in (texte_odt(odt), texte_docx(docx)):
        assert "Ponctualité et respect des horaires" in texte
        assert "Téléphone du tuteur" in texte

    html = generer_html(modifiee)
    assert 'name="telephone-tuteur"' in html
    assert "Ponctualité et respect des horaires" in html
    assert html != generer_html(origine)
