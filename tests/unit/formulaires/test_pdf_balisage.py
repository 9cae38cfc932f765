"""The fillable PDFs are tagged: structure tree, marked content, widgets in the tree.

Checked twice: with pypdf (the tree, the parent tree and the page content streams against
each other) and with poppler (`pdfinfo`, `pdfinfo -struct-text`), a real reader."""

from __future__ import annotations

import io
import re
import subprocess
from collections import Counter
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest
from diese.formulaires._balisage import Balisage
from diese.formulaires.definition import ORDRE, charger_definitions, libelles, lignes_tableau
from diese.formulaires.pdf import generer_pdf
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, IndirectObject

# Operators that put ink on the page: text shown, or a path painted.
TEXTE = {b"Tj", b"TJ", b"'", b'"'}
PEINTURE = {b"S", b"s", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"sh", b"Do"}


@dataclass
class Arbre:
    """What the structure tree holds, read with pypdf."""

    roles: Counter = field(default_factory=Counter)
    mcr: list[tuple[int, int]] = field(default_factory=list)  # (page index, MCID)
    objr: list[int] = field(default_factory=list)  # widget object numbers under a /Form
    chemins: dict[int, list[str]] = field(default_factory=dict)  # widget -> roles above it
    elements: dict[tuple[int, int], int] = field(default_factory=dict)  # MCR -> its element


def _num(objet) -> int:
    """Object number of an indirect object, whether pypdf hands the reference or the object."""
    return objet.idnum if isinstance(objet, IndirectObject) else objet.indirect_reference.idnum


def _lecteur(pdf: bytes) -> PdfReader:
    return PdfReader(io.BytesIO(pdf))


def _arbre(lecteur: PdfReader) -> Arbre:
    pages = {p.indirect_reference.idnum: n for n, p in enumerate(lecteur.pages)}
    arbre = Arbre()

    def parcourir(ref: IndirectObject, chemin: list[str]) -> None:
        element = ref.get_object()
        role = str(element["/S"])
        arbre.roles[role] += 1
        page = pages.get(_num(element["/Pg"])) if "/Pg" in element else None
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if isinstance(kid, int):
                arbre.mcr.append((page, int(kid)))
                arbre.elements[(page, int(kid))] = ref.idnum
                continue
            objet = kid.get_object()
            match objet.get("/Type"):
                case "/MCR":
                    cle = (pages[_num(objet["/Pg"])], int(objet["/MCID"]))
                    arbre.mcr.append(cle)
                    arbre.elements[cle] = ref.idnum
                case "/OBJR":
                    assert role == "/Form", role
                    arbre.objr.append(_num(objet["/Obj"]))
                    arbre.chemins[_num(objet["/Obj"])] = [*chemin, role]
                case _:
                    assert _num(objet["/P"]) == ref.idnum, "/P is not the parent"
                    parcourir(kid, [*chemin, role])

    racine = lecteur.trailer["/Root"]["/StructTreeRoot"]
    for kid in racine["/K"]:
        parcourir(kid, [])
    return arbre


def _widgets(lecteur: PdfReader) -> list[tuple[int, DictionaryObject]]:
    """(page index, widget annotation) in page order."""
    return [
        (n, a.get_object())
        for n, page in enumerate(lecteur.pages)
        for a in page.get("/Annots", [])
        if a.get_object()["/Subtype"] == "/Widget"
    ]


def _marques(lecteur: PdfReader) -> list[tuple[int, int]]:
    """(page, MCID) of every marked-content sequence; asserts that no ink is outside a
    marked-content sequence (tagged content or artifact) and that BDC/EMC balance."""
    resultat = []
    for n, page in enumerate(lecteur.pages):
        pile: list[str] = []
        for operandes, operateur in ContentStream(page.get_contents(), lecteur).operations:
            if operateur == b"BDC":
                pile.append(str(operandes[0]))
                if "/MCID" in operandes[1]:
                    resultat.append((n, int(operandes[1]["/MCID"])))
            elif operateur == b"BMC":
                pile.append(str(operandes[0]))
            elif operateur == b"EMC":
                pile.pop()
            elif operateur in TEXTE | PEINTURE:
                assert pile, f"page {n + 1} : {operateur!r} hors de tout contenu marqué"
        assert pile == [], f"page {n + 1} : BDC/BMC sans EMC"
    return resultat


def _struct_text(pdf: bytes, tmp_path) -> str:
    chemin = tmp_path / "f.pdf"
    chemin.write_bytes(pdf)
    resultat = subprocess.run(["pdfinfo", "-struct-text", str(chemin)], capture_output=True,
                              text=True, check=True)
    return resultat.stdout


@pytest.mark.parametrize("ident", ORDRE)
def test_catalogue_balise(ident, generes) -> None:
    lecteur = _lecteur(generes[(ident, "pdf")])
    catalogue = lecteur.trailer["/Root"]
    assert catalogue["/MarkInfo"]["/Marked"].value is True
    assert catalogue["/Lang"] == "fr-FR"
    assert catalogue["/ViewerPreferences"]["/DisplayDocTitle"]
    racine = catalogue["/StructTreeRoot"]
    assert racine["/Type"] == "/StructTreeRoot"
    nums = racine["/ParentTree"]["/Nums"]
    cles = [int(k) for k in nums[::2]]
    assert cles == sorted(cles) and len(set(cles)) == len(cles)
    assert int(racine["/ParentTreeNextKey"]) > max(cles)
    for n, page in enumerate(lecteur.pages):
        assert page["/Tabs"] == "/S", n
        assert int(page["/StructParents"]) in cles, n


@pytest.mark.parametrize("ident", ORDRE)
def test_pdfinfo_dit_balise(ident, generes, tmp_path) -> None:
    chemin = tmp_path / "f.pdf"
    chemin.write_bytes(generes[(ident, "pdf")])
    sortie = subprocess.run(["pdfinfo", str(chemin)], capture_output=True, text=True,
                            check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", sortie, re.M), sortie


def _parents(lecteur: PdfReader) -> dict[int, object]:
    nums = lecteur.trailer["/Root"]["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    return {int(k): v for k, v in zip(nums[::2], nums[1::2], strict=True)}


def verifier_contenu_marque(lecteur: PdfReader) -> None:
    """Every MCID of the pages is referenced once from the tree, and the parent tree sends it
    back to its element; no ink outside tagged content or an artifact."""
    marques = _marques(lecteur)
    arbre = _arbre(lecteur)
    assert len(marques) == len(set(marques)), "MCID répété dans une page"
    doublons = [m for m, n in Counter(arbre.mcr).items() if n > 1]
    assert doublons == [], "MCID référencé deux fois dans l’arbre"
    assert set(arbre.mcr) == set(marques), "MCID sans élément, ou élément sans contenu"
    parents = _parents(lecteur)
    for n, page in enumerate(lecteur.pages):
        tableau = parents[int(page["/StructParents"])]
        mcids = sorted(m for p, m in marques if p == n)
        assert mcids == list(range(len(tableau))), n
        for mcid, element in enumerate(tableau):
            assert _num(element) == arbre.elements[(n, mcid)], (n, mcid)


def verifier_widgets(lecteur: PdfReader) -> None:
    """Each widget has a /StructParent leading to its own /Form element, which is in the tree."""
    arbre = _arbre(lecteur)
    parents = _parents(lecteur)
    widgets = _widgets(lecteur)
    assert widgets
    for _, widget in widgets:
        nom = widget.get("/T", widget.get("/Parent", {}).get("/T"))
        assert "/StructParent" in widget, nom
        form = parents[int(widget["/StructParent"])].get_object()
        assert form["/S"] == "/Form", nom
        cibles = [_num(k.get_object()["/Obj"]) for k in form["/K"]]
        assert cibles == [widget.indirect_reference.idnum], nom
        assert arbre.chemins[widget.indirect_reference.idnum][0] == "/Document", nom
    assert sorted(arbre.objr) == sorted(w.indirect_reference.idnum for _, w in widgets)


def verifier_libelles(pdf: bytes, definition: dict, dossier) -> None:
    """poppler's structure text holds every wording of the definition, in reading order, and
    one Form element per widget."""
    sortie = _struct_text(pdf, dossier)
    assert sortie.startswith("Document\n  H1")
    formes = sum(1 for ligne in sortie.splitlines() if ligne.strip() == "Form")
    assert formes == len(_widgets(_lecteur(pdf)))
    # a wrapped line ends with the space it was cut at (so readers don't run words together)
    texte = re.sub(r" +", " ", " ".join(re.findall(r'^\s*"(.*)"$', sortie, re.M)))
    position = 0
    for libelle in libelles(definition):
        assert libelle in texte, libelle
        suivante = texte.find(libelle, position)
        # a wording already read (a table titled as its section) is not written again
        assert suivante >= 0 or libelle in texte[:position], libelle
        position = suivante if suivante >= 0 else position


@pytest.mark.parametrize("ident", ORDRE)
def test_chaque_mcid_une_fois_dans_l_arbre_et_aucun_texte_hors_arbre(ident, generes) -> None:
    verifier_contenu_marque(_lecteur(generes[(ident, "pdf")]))


@pytest.mark.parametrize("ident", ORDRE)
def test_chaque_widget_a_son_element_form(ident, generes) -> None:
    verifier_widgets(_lecteur(generes[(ident, "pdf")]))


@pytest.mark.parametrize("ident", ORDRE)
def test_struct_text_donne_chaque_libelle_dans_l_ordre(ident, definitions, generes,
                                                         tmp_path) -> None:
    verifier_libelles(generes[(ident, "pdf")], definitions[ident], tmp_path)


def test_les_champs_des_tableaux_sont_dans_des_cellules(definitions, generes) -> None:
    tableaux = [c for s in definitions["evaluation-stage"]["sections"] for c in s["champs"]
                if c["type"] == "tableau"]
    lecteur = _lecteur(generes[("evaluation-stage", "pdf")])
    arbre = _arbre(lecteur)
    chemins = {
        str(w.get("/T", w.get("/Parent", {}).get("/T"))): arbre.chemins[w.indirect_reference.idnum]
        for _, w in _widgets(lecteur)
    }
    assert chemins["comportement_ponctualite_note"] == [
        "/Document", "/Sect", "/Table", "/TR", "/TD", "/Form"]
    assert chemins["entreprise"] == ["/Document", "/Sect", "/Form"]
    assert arbre.roles["/Table"] == len(tableaux)
    # a heading row (a TH per column and one over the row labels), then one TH per row
    assert arbre.roles["/TH"] == sum(1 + len(t["colonnes"]) + len(lignes_tableau(t))
                                     for t in tableaux)
    assert arbre.roles["/TR"] == sum(1 + len(lignes_tableau(t)) for t in tableaux)


# -- the checks catch a PDF tagged wrongly ------------------------------------------------------
def _mal_balise(monkeypatch, methode: str, remplacement) -> bytes:
    monkeypatch.setattr(Balisage, methode, remplacement)
    return generer_pdf(charger_definitions()[0])


def test_un_libelle_dessine_hors_arbre_est_vu(monkeypatch, tmp_path) -> None:
    contenu = Balisage.contenu

    @contextmanager
    def sans_lbl(self, element):
        if element.role == "Lbl":
            yield
        else:
            with contenu(self, element):
                yield

    pdf = _mal_balise(monkeypatch, "contenu", sans_lbl)
    with pytest.raises(AssertionError, match="hors de tout contenu marqué"):
        verifier_contenu_marque(_lecteur(pdf))
    with pytest.raises(AssertionError):
        verifier_libelles(pdf, charger_definitions()[0], tmp_path)


def test_un_mcid_reference_deux_fois_est_vu(monkeypatch) -> None:
    contenu = Balisage.contenu

    @contextmanager
    def deux_fois(self, element):
        with contenu(self, element):
            yield
        element.kids.append(element.kids[-1])

    with pytest.raises(AssertionError, match="deux fois"):
        verifier_contenu_marque(_lecteur(_mal_balise(monkeypatch, "contenu", deux_fois)))


def test_un_widget_hors_arbre_est_vu(monkeypatch) -> None:
    pdf = _mal_balise(monkeypatch, "widget", lambda self, parent: None)
    with pytest.raises(AssertionError):
        verifier_widgets(_lecteur(pdf))
