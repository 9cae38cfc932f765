"""Word document (DOCX) from a form definition, with python-docx: real headings, bordered
tables whose empty cells are typed into, and check-box content controls (w14:checkbox) that
Word ticks with a click; other word processors show the ☐ glyph."""

from __future__ import annotations

import datetime as dt
import io

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor

from ._zip import zip_fige
from .definition import BORNES_PAR_DEFAUT, ECHELLE, lignes_tableau, sections_et_parties, suite

LARGEUR_UTILE_CM = 17.0
GRIS = RGBColor(0x55, 0x5A, 0x66)
FOND = "E3E7F3"
_compteur = 0


def _case(paragraphe, libelle: str) -> None:
    """A clickable check-box content control (Word 2010+), followed by its label."""
    global _compteur
    _compteur += 1
    sdt = parse_xml(
        f'<w:sdt {nsdecls("w", "w14")}><w:sdtPr><w:id w:val="{_compteur}"/>'
        f'<w:alias w:val="{_echapper(libelle or "case")}"/>'
        "<w14:checkbox><w14:checked w14:val=\"0\"/>"
        '<w14:checkedState w14:val="2612" w14:font="MS Gothic"/>'
        '<w14:uncheckedState w14:val="2610" w14:font="MS Gothic"/></w14:checkbox></w:sdtPr>'
        '<w:sdtContent><w:r><w:rPr><w:rFonts w:ascii="MS Gothic" w:eastAsia="MS Gothic" '
        'w:hAnsi="MS Gothic" w:hint="eastAsia"/></w:rPr><w:t>☐</w:t></w:r></w:sdtContent></w:sdt>'
    )
    paragraphe._p.append(sdt)
    if libelle:
        paragraphe.add_run(f" {libelle}")


def _echapper(texte: str) -> str:
    return texte.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def _fond(cellule, couleur: str = FOND) -> None:
    cellule._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:shd {nsdecls("w")} w:val="clear" w:color="auto" w:fill="{couleur}"/>'))


def _vertical(cellule) -> None:
    cellule._tc.get_or_add_tcPr().append(
        parse_xml(f'<w:textDirection {nsdecls("w")} w:val="btLr"/>'))


def _hauteur(ligne, cm: float) -> None:
    ligne.height = Cm(cm)


def _entete_repetee(ligne) -> None:
    ligne._tr.get_or_add_trPr().append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))


def _ecrire(cellule, texte: str, gras: bool = False, taille: float = 9,
            italique: bool = False, couleur: RGBColor | None = None):
    premier = cellule.paragraphs[0]
    paragraphe = premier if not premier.text else cellule.add_paragraph()
    run = paragraphe.add_run(texte)
    run.bold, run.italic, run.font.size = gras, italique, Pt(taille)
    if couleur:
        run.font.color.rgb = couleur
    paragraphe.paragraph_format.space_after = Pt(0)
    return paragraphe


class _Redacteur:
    def __init__(self) -> None:
        self.doc = Document()
        section = self.doc.sections[0]
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Cm(21), Cm(29.7)
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(1.5)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Arial"
        normal.font.size = Pt(10)
        normal.element.get_or_add_rPr().append(
            parse_xml(f'<w:lang {nsdecls("w")} w:val="fr-FR" w:eastAsia="fr-FR"/>'))
        for nom, taille in (("Title", 20), ("Heading 1", 14), ("Heading 2", 12.5),
                            ("Heading 3", 11.5)):
            style = self.doc.styles[nom]
            style.font.name = "Arial"
            style.font.size = Pt(taille)
            style.font.color.rgb = RGBColor(0x1A, 0x1A, 0x2E)

    def tableau(self, lignes: int, largeurs_cm: list[float]):
        table = self.doc.add_table(rows=lignes, cols=len(largeurs_cm))
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        table.autofit = False
        for ligne in table.rows:
            for cellule, largeur in zip(ligne.cells, largeurs_cm, strict=True):
                cellule.width = Cm(largeur)
        return table

    def libelle(self, champ: dict) -> None:
        paragraphe = self.doc.add_paragraph()
        run = paragraphe.add_run(champ["libelle"])
        run.bold, run.font.size = True, Pt(9.5)
        paragraphe.paragraph_format.space_after = Pt(2)
        paragraphe.paragraph_format.keep_with_next = True
        if champ.get("aide"):
            self.aide(champ["aide"])

    def aide(self, texte: str) -> None:
        paragraphe = self.doc.add_paragraph()
        run = paragraphe.add_run(texte)
        run.italic, run.font.size, run.font.color.rgb = True, Pt(8.5), GRIS
        paragraphe.paragraph_format.space_after = Pt(3)
        paragraphe.paragraph_format.keep_with_next = True


def _textes_courts(r: _Redacteur, champs: list[dict]) -> None:
    table = r.tableau(len(champs), [6.0, LARGEUR_UTILE_CM - 6.0])
    for ligne, champ in zip(table.rows, champs, strict=True):
        _hauteur(ligne, 0.75)
        libelle = champ["libelle"] + (" (jj/mm/aaaa)" if champ["type"] == "date" else "")
        _ecrire(ligne.cells[0], libelle, gras=True)
        if champ.get("aide"):
            _ecrire(ligne.cells[0], champ["aide"], italique=True, taille=7.5, couleur=GRIS)
        _fond(ligne.cells[0])
    r.doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _texte_long(r: _Redacteur, champ: dict) -> None:
    r.libelle(champ)
    table = r.tableau(1, [LARGEUR_UTILE_CM])
    _hauteur(table.rows[0], 0.55 * champ.get("lignes", 3))


def _bornes(champ: dict) -> str:
    bornes = champ.get("bornes", BORNES_PAR_DEFAUT)
    return f"1 = {bornes[0]} · 5 = {bornes[1]}"


def _cases(paragraphe, libelles: list[str]) -> None:
    for n, libelle in enumerate(libelles):
        if n:
            paragraphe.add_run("   ")
        _case(paragraphe, libelle)


def _tableau(r: _Redacteur, champ: dict, legende: bool) -> None:
    if legende:
        r.libelle({"libelle": champ["libelle"]})
    vierges = isinstance(champ["lignes"], int)
    colonnes = champ["colonnes"]
    poids = [0.6 if vierges else 3.2] + [c.get("largeur", 2) for c in colonnes]
    unite = LARGEUR_UTILE_CM / sum(poids)
    lignes = lignes_tableau(champ)
    table = r.tableau(len(lignes) + 1, [w * unite for w in poids])
    entete = table.rows[0]
    _entete_repetee(entete)
    _ecrire(entete.cells[0], "" if vierges else champ.get("entete_lignes", ""), gras=True,
            taille=8.5)
    for cellule in entete.cells:
        _fond(cellule)
    for cellule, colonne in zip(entete.cells[1:], colonnes, strict=True):
        _ecrire(cellule, colonne["libelle"], gras=True, taille=8.5)
        if colonne.get("vertical"):
            _vertical(cellule)
            _hauteur(entete, 2.6)
        if colonne["type"] == "echelle":
            _ecrire(cellule, _bornes(colonne), italique=True, taille=7, couleur=GRIS)
    for ligne, rangee in zip(table.rows[1:], lignes, strict=True):
        _hauteur(ligne, 0.7)
        texte = rangee["libelle"].split()[-1] if vierges else rangee["libelle"]
        _ecrire(ligne.cells[0], texte, taille=8.5 if vierges else 9,
                couleur=GRIS if vierges else None)
        for cellule, colonne in zip(ligne.cells[1:], colonnes, strict=True):
            if colonne["type"] == "case":
                _case(cellule.paragraphs[0], "")
            elif colonne["type"] == "echelle":
                _cases(cellule.paragraphs[0], list(ECHELLE))
    r.doc.add_paragraph().paragraph_format.space_after = Pt(0)


def _signatures(r: _Redacteur, champs: list[dict]) -> None:
    table = r.tableau(1, [LARGEUR_UTILE_CM / len(champs)] * len(champs))
    _hauteur(table.rows[0], 2.6)
    for cellule, champ in zip(table.rows[0].cells, champs, strict=True):
        _ecrire(cellule, f"Signature – {champ['libelle']}", gras=True, taille=8.5)


def _champs(r: _Redacteur, section: dict) -> None:
    champs = section["champs"]
    n = 0
    while n < len(champs):
        champ, type_ = champs[n], champs[n]["type"]
        if type_ in {"texte", "date", "signature"}:
            groupe = suite(champs, n, {"signature"} if type_ == "signature" else {"texte", "date"})
            (_signatures if type_ == "signature" else _textes_courts)(r, groupe)
            n += len(groupe)
            continue
        if type_ == "texte_long":
            _texte_long(r, champ)
        elif type_ == "case":
            _case(r.doc.add_paragraph(), champ["libelle"])
        elif type_ == "choix":
            r.libelle(champ)
            _cases(r.doc.add_paragraph(), [o["libelle"] for o in champ["options"]])
        elif type_ == "echelle":
            r.libelle(champ)
            _cases(r.doc.add_paragraph(), list(ECHELLE))
            r.aide(_bornes(champ))
        elif type_ == "tableau":
            _tableau(r, champ, legende=champ["libelle"] != section["titre"])
        n += 1


def generer_docx(definition: dict) -> bytes:
    global _compteur
    _compteur = 0
    r = _Redacteur()
    proprietes = r.doc.core_properties
    proprietes.title = definition["titre"]
    proprietes.subject = definition["objet"]
    proprietes.author = proprietes.last_modified_by = "Guide DIESE"
    proprietes.language = "fr-FR"
    proprietes.keywords = "formulaire, relation entreprise, DIESE"
    proprietes.created = proprietes.modified = dt.datetime(2005, 3, 17)
    proprietes.revision = 1
    r.doc.add_heading(definition["titre"], level=0)
    r.aide(definition["source"])
    for texte in definition.get("introduction", []):
        r.doc.add_paragraph(texte)
    r.aide("Cochez une case d’un clic (ou remplacez ☐ par ☒) ; écrivez dans les cases vides "
           "des tableaux.")
    for etape in sections_et_parties(definition):
        section = etape.section
        if etape.titre_partie:
            r.doc.add_heading(etape.titre_partie, level=1)
        niveau = 2 if etape.dans_une_partie else 1
        r.doc.add_heading(section["titre"], level=niveau)
        for texte in section.get("texte", []):
            r.doc.add_paragraph(texte)
        for puce in section.get("puces", []):
            r.doc.add_paragraph(puce, style="List Bullet")
        _champs(r, section)
    tampon = io.BytesIO()
    r.doc.save(tampon)
    return zip_fige(tampon.getvalue())
