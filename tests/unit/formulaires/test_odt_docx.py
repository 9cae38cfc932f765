from __future__ import annotations

import io
import re
import zipfile

import docx
import pytest
from diese.formulaires.definition import ORDRE, libelles
from odf import teletype
from odf.opendocument import load
from odf.table import Table
from odf.text import H, P

# 8 + 7 criteria, 7 tasks, 4 pieces of equipment, 4 aptitudes rated 1–5, then two oui/non
CASES_EVALUATION = (8 + 7 + 7 + 4 + 4) * 5 + 2 * 2


def _normaliser(texte: str) -> str:
    return re.sub(r"\s+", " ", texte).strip()


def texte_odt(contenu: bytes) -> str:
    document = load(io.BytesIO(contenu))
    morceaux = [teletype.extractText(e) for genre in (H, P)
                for e in document.getElementsByType(genre)]
    return _normaliser("\n".join(morceaux))


def texte_docx(contenu: bytes) -> str:
    document = docx.Document(io.BytesIO(contenu))
    morceaux = [p.text for p in document.paragraphs]
    for table in document.tables:
        for ligne in table.rows:
            for cellule in ligne.cells:
                morceaux += [p.text for p in cellule.paragraphs]
    return _normaliser("\n".join(morceaux))


@pytest.mark.parametrize("ident", ORDRE)
def test_odt_contient_chaque_libelle(ident, definitions, generes) -> None:
    texte = texte_odt(generes[(ident, "odt")])
    manquants = [t for t in libelles(definitions[ident]) if _normaliser(t) not in texte]
    assert manquants == []


@pytest.mark.parametrize("ident", ORDRE)
def test_docx_contient_chaque_libelle(ident, definitions, generes) -> None:
    texte = texte_docx(generes[(ident, "docx")])
    manquants = [t for t in libelles(definitions[ident]) if _normaliser(t) not in texte]
    assert manquants == []


def test_odt_metadonnees_tableaux_et_cases(definitions, generes) -> None:
    contenu = generes[("evaluation-stage", "odt")]
    document = load(io.BytesIO(contenu))
    assert teletype.extractText(document.meta).startswith("Évaluation de stage")
    assert len(document.getElementsByType(Table)) >= 6
    # 154 boxes, plus the one in « remplacez ☐ par ☒ »
    assert texte_odt(contenu).count("☐") == CASES_EVALUATION + 1
    with zipfile.ZipFile(io.BytesIO(contenu)) as archive:
        assert archive.namelist()[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED


def test_docx_metadonnees_et_cases_cliquables(generes) -> None:
    contenu = generes[("evaluation-stage", "docx")]
    document = docx.Document(io.BytesIO(contenu))
    assert document.core_properties.title == "Évaluation de stage"
    assert document.core_properties.language == "fr-FR"
    xml = document.element.xml
    assert xml.count("<w14:checkbox>") == CASES_EVALUATION
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)


@pytest.mark.parametrize("extension", ["odt", "docx"])
def test_memes_octets_a_chaque_generation(extension, definitions) -> None:
    from diese.formulaires.fichiers import FORMATS

    (format_,) = [f for f in FORMATS if f.extension == extension]
    definition = definitions["fiche-accueil"]
    assert format_.generer(definition) == format_.generer(definition)
