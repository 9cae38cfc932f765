from __future__ import annotations

import io
import subprocess

import pytest
from diese.formulaires.definition import ORDRE, champs_remplissables
from diese.formulaires.pdf import generer_pdf
from pypdf import PdfReader

MULTILIGNE = 1 << 12
RADIO = 1 << 15
TYPES_PDF = {"texte": "/Tx", "multiligne": "/Tx", "case": "/Btn", "radio": "/Btn", "liste": "/Ch"}


def _champs(pdf: bytes) -> dict[str, dict]:
    """Field name -> its dictionary (with kids' appearance states for buttons)."""
    lecteur = PdfReader(io.BytesIO(pdf))
    resultat = {}
    for ref in lecteur.trailer["/Root"]["/AcroForm"]["/Fields"]:
        champ = ref.get_object()
        etats: set[str] = set()
        for widget in champ.get("/Kids", [champ]):
            widget = widget.get_object()
            if "/AP" in widget:
                etats |= {str(k) for k in widget["/AP"]["/N"].keys()} - {"/Off"}
        resultat[str(champ["/T"])] = {**champ, "etats": etats}
    return resultat


@pytest.mark.parametrize("ident", ORDRE)
def test_chaque_champ_attendu_avec_son_type(ident, definitions, generes) -> None:
    attendus = champs_remplissables(definitions[ident])
    trouves = _champs(generes[(ident, "pdf")])
    assert set(trouves) == {c.nom for c in attendus}
    for attendu in attendus:
        champ = trouves[attendu.nom]
        assert champ["/FT"] == TYPES_PDF[attendu.type], attendu.nom
        drapeaux = int(champ.get("/Ff", 0))
        assert bool(drapeaux & MULTILIGNE) == (attendu.type == "multiligne"), attendu.nom
        if champ["/FT"] == "/Btn":
            assert bool(drapeaux & RADIO) == (attendu.type == "radio"), attendu.nom
        if attendu.type == "radio":
            assert champ["etats"] == {f"/{v}" for v in attendu.valeurs}, attendu.nom
        assert str(champ["/TU"]).startswith(attendu.libelle.split(",")[0]), attendu.nom


def test_evaluation_de_stage_champs_nommes(generes) -> None:
    champs = _champs(generes[("evaluation-stage", "pdf")])
    assert champs["comportement_ponctualite_note"]["etats"] == {"/1", "/2", "/3", "/4", "/5"}
    assert champs["poursuivre"]["etats"] == {"/oui", "/non"}
    assert champs["organisme"]["/FT"] == "/Tx"
    assert champs["taches_07_tache"]["/FT"] == "/Tx"
    assert "1 : pas du tout satisfaisant" in str(champs["approche_curiosite_note"]["/TU"])
    assert len(champs) == 94


@pytest.mark.parametrize("ident", ORDRE)
def test_a4_titre_langue_et_texte_imprime(ident, definitions, generes) -> None:
    lecteur = PdfReader(io.BytesIO(generes[(ident, "pdf")]))
    assert lecteur.metadata.title == definitions[ident]["titre"]
    assert lecteur.trailer["/Root"]["/Lang"] == "fr-FR"
    assert lecteur.trailer["/Root"]["/ViewerPreferences"]["/DisplayDocTitle"]
    for page in lecteur.pages:
        assert [round(float(v)) for v in page.mediabox] == [0, 0, 595, 842]
    texte = " ".join(page.extract_text() for page in lecteur.pages)
    assert "CFAS" not in texte and "Clermont" not in texte


def test_meme_definition_memes_octets(definitions) -> None:
    definition = definitions["evaluation-stage"]
    assert generer_pdf(definition) == generer_pdf(definition)


@pytest.mark.parametrize("ident", ORDRE)
def test_poppler_rend_chaque_page(ident, generes, tmp_path) -> None:
    chemin = tmp_path / f"{ident}.pdf"
    chemin.write_bytes(generes[(ident, "pdf")])
    pages = len(PdfReader(chemin).pages)
    resultat = subprocess.run(
        ["pdftoppm", "-r", "40", "-png", str(chemin), str(tmp_path / "p")],
        capture_output=True, text=True, check=False,
    )
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stderr == ""
    assert len(list(tmp_path.glob("p-*.png"))) == pages
