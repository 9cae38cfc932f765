"""OpenDocument text (ODT) from a form definition, with odfpy: real headings, bordered tables
whose empty cells are typed into, and ☐ boxes to replace with ☒ in the word processor."""

from __future__ import annotations

import io

from odf import dc, meta
from odf.element import Element
from odf.namespaces import nsdict
from odf.opendocument import OpenDocumentText
from odf.style import (
    MasterPage,
    PageLayout,
    PageLayoutProperties,
    ParagraphProperties,
    Style,
    TableCellProperties,
    TableColumnProperties,
    TableProperties,
    TableRowProperties,
    TextProperties,
)
from odf.table import Table, TableCell, TableColumn, TableHeaderRows, TableRow
from odf.text import H, List, ListItem, P, Span

from ._zip import zip_fige
from .definition import BORNES_PAR_DEFAUT, ECHELLE, lignes_tableau, sections_et_parties, suite

CASE = "☐"
LARGEUR_UTILE_CM = 17.0
BORDURE = "0.5pt solid #6b7080"


def _style(doc: OpenDocumentText, nom: str, famille: str, automatique: bool = False,
           **proprietes) -> Style:
    style = Style(name=nom, family=famille)
    for element in proprietes.values():
        style.addElement(element)
    (doc.automaticstyles if automatique else doc.styles).addElement(style)
    return style


class _Styles:
    def __init__(self, doc: OpenDocumentText) -> None:
        police = {"fontfamily": "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif"}
        self.defaut = _style(
            doc, "Standard", "paragraph",
            t=TextProperties(fontsize="10pt", language="fr", country="FR", **police),
            p=ParagraphProperties(margintop="0cm", marginbottom="0.12cm"),
        )
        self.titre = _style(doc, "Title", "paragraph",
                            t=TextProperties(fontsize="18pt", fontweight="bold", **police),
                            p=ParagraphProperties(marginbottom="0.1cm"))
        self.titre.setAttribute("parentstylename", "Standard")
        self.h2 = _style(doc, "Heading_20_2", "paragraph",
                         t=TextProperties(fontsize="13pt", fontweight="bold", **police),
                         p=ParagraphProperties(margintop="0.45cm", marginbottom="0.15cm",
                                               keepwithnext="always", backgroundcolor="#e3e7f3",
                                               padding="0.08cm"))
        self.h2.setAttribute("displayname", "Heading 2")
        self.h3 = _style(doc, "Heading_20_3", "paragraph",
                         t=TextProperties(fontsize="11.5pt", fontweight="bold", **police),
                         p=ParagraphProperties(margintop="0.35cm", marginbottom="0.12cm",
                                               keepwithnext="always", backgroundcolor="#e3e7f3",
                                               padding="0.06cm"))
        self.h3.setAttribute("displayname", "Heading 3")
        self.libelle = _style(doc, "Libelle", "paragraph",
                              t=TextProperties(fontweight="bold", fontsize="9.5pt"),
                              p=ParagraphProperties(margintop="0.15cm", marginbottom="0.05cm",
                                                    keepwithnext="always"))
        self.aide = _style(doc, "Aide", "paragraph",
                           t=TextProperties(fontstyle="italic", fontsize="8.5pt", color="#555a66"),
                           p=ParagraphProperties(marginbottom="0.08cm", keepwithnext="always"))
        self.cellule = _style(doc, "Cellule", "paragraph",
                              t=TextProperties(fontsize="9pt"),
                              p=ParagraphProperties(marginbottom="0cm"))
        self.entete = _style(doc, "Entete", "paragraph",
                             t=TextProperties(fontsize="8.5pt", fontweight="bold"),
                             p=ParagraphProperties(marginbottom="0cm"))
        self.petit = _style(doc, "Petit", "paragraph",
                            t=TextProperties(fontsize="7.5pt", fontstyle="italic", color="#555a66"),
                            p=ParagraphProperties(marginbottom="0cm"))
        self.case = _style(doc, "Case", "text", automatique=True,
                           t=TextProperties(fontsize="11pt"))
        self.tableau = _style(doc, "Tableau", "table", automatique=True,
                              t=TableProperties(width=f"{LARGEUR_UTILE_CM}cm", align="left",
                                                marginbottom="0.2cm"))
        self.bord = _style(doc, "Bord", "table-cell", automatique=True,
                           c=TableCellProperties(border=BORDURE, padding="0.08cm"))
        self.bord_entete = _style(doc, "BordEntete", "table-cell", automatique=True,
                                  c=TableCellProperties(border=BORDURE, padding="0.08cm",
                                                        backgroundcolor="#e3e7f3"))
        self.bord_vertical = _style(doc, "BordVertical", "table-cell", automatique=True,
                                    c=TableCellProperties(border=BORDURE, padding="0.05cm",
                                                          backgroundcolor="#e3e7f3",
                                                          verticalalign="bottom"))
        # characters turned a quarter turn, like the source's vertical headers
        self.vertical = _style(doc, "Vertical", "paragraph", automatique=True,
                               t=TextProperties(fontsize="8pt", fontweight="bold",
                                                textrotationangle="90"),
                               p=ParagraphProperties(marginbottom="0cm"))
        self._colonnes: dict[str, Style] = {}
        self._lignes: dict[str, Style] = {}
        self.doc = doc

    def colonne(self, largeur_cm: float) -> Style:
        cle = f"{largeur_cm:.2f}"
        if cle not in self._colonnes:
            self._colonnes[cle] = _style(
                self.doc, f"Col{len(self._colonnes) + 1}", "table-column", automatique=True,
                c=TableColumnProperties(columnwidth=f"{cle}cm"))
        return self._colonnes[cle]

    def ligne(self, hauteur_cm: float) -> Style:
        cle = f"{hauteur_cm:.2f}"
        if cle not in self._lignes:
            self._lignes[cle] = _style(
                self.doc, f"Ligne{len(self._lignes) + 1}", "table-row", automatique=True,
                r=TableRowProperties(minrowheight=f"{cle}cm", keeptogether="always"))
        return self._lignes[cle]


class _Redacteur:
    def __init__(self) -> None:
        self.doc = OpenDocumentText()
        self.s = _Styles(self.doc)
        mise = PageLayout(name="A4")
        mise.addElement(PageLayoutProperties(
            pagewidth="21cm", pageheight="29.7cm", printorientation="portrait",
            margintop="1.5cm", marginbottom="1.5cm", marginleft="2cm", marginright="2cm"))
        self.doc.automaticstyles.addElement(mise)
        self.doc.masterstyles.addElement(MasterPage(name="Standard", pagelayoutname=mise))

    def p(self, texte: str, style: Style | None = None) -> P:
        return P(stylename=style or self.s.defaut, text=texte)

    def ajouter(self, element) -> None:
        self.doc.text.addElement(element)

    def tableau(self, nom: str, largeurs_cm: list[float]) -> Table:
        table = Table(name=nom, stylename=self.s.tableau)
        for largeur in largeurs_cm:
            table.addElement(TableColumn(stylename=self.s.colonne(largeur)))
        return table

    def cellule(self, contenu: list | str = "", style: Style | None = None,
                style_p: Style | None = None, colonnes: int = 1) -> TableCell:
        cellule = TableCell(stylename=style or self.s.bord, valuetype="string")
        if colonnes > 1:
            cellule.setAttribute("numbercolumnsspanned", str(colonnes))
        for morceau in [contenu] if isinstance(contenu, str) else contenu:
            cellule.addElement(morceau if not isinstance(morceau, str)
                               else self.p(morceau, style_p or self.s.cellule))
        return cellule


def _cases(r: _Redacteur, libelles: list[str], style: Style) -> P:
    paragraphe = P(stylename=style)
    for n, libelle in enumerate(libelles):
        if n:
            paragraphe.addText("    ")
        paragraphe.addElement(Span(stylename=r.s.case, text=CASE))
        paragraphe.addText(f" {libelle}")
    return paragraphe


def _etiquette(r: _Redacteur, champ: dict) -> None:
    r.ajouter(r.p(champ["libelle"], r.s.libelle))
    if champ.get("aide"):
        r.ajouter(r.p(champ["aide"], r.s.aide))


def _textes_courts(r: _Redacteur, champs: list[dict], nom: str) -> None:
    table = r.tableau(nom, [6.0, LARGEUR_UTILE_CM - 6.0])
    for champ in champs:
        ligne = TableRow(stylename=r.s.ligne(0.75))
        libelle = champ["libelle"] + (" (jj/mm/aaaa)" if champ["type"] == "date" else "")
        contenu = [r.p(libelle, r.s.entete)]
        if champ.get("aide"):
            contenu.append(r.p(champ["aide"], r.s.petit))
        ligne.addElement(r.cellule(contenu, r.s.bord_entete))
        ligne.addElement(r.cellule(""))
        table.addElement(ligne)
    r.ajouter(table)


def _texte_long(r: _Redacteur, champ: dict) -> None:
    _etiquette(r, champ)
    table = r.tableau(f"{champ['id']}", [LARGEUR_UTILE_CM])
    ligne = TableRow(stylename=r.s.ligne(0.55 * champ.get("lignes", 3)))
    ligne.addElement(r.cellule(""))
    table.addElement(ligne)
    r.ajouter(table)


def _bornes(colonne: dict) -> str:
    bornes = colonne.get("bornes", BORNES_PAR_DEFAUT)
    return f"1 = {bornes[0]} · 5 = {bornes[1]}"


def _tableau(r: _Redacteur, champ: dict, legende: bool) -> None:
    if legende:
        r.ajouter(r.p(champ["libelle"], r.s.libelle))
    vierges = isinstance(champ["lignes"], int)
    poids = [0.6 if vierges else 3.2] + [c.get("largeur", 2) for c in champ["colonnes"]]
    unite = LARGEUR_UTILE_CM / sum(poids)
    table = r.tableau(champ["id"], [w * unite for w in poids])
    entetes = TableHeaderRows()
    ligne = TableRow()
    ligne.addElement(r.cellule("" if vierges else champ.get("entete_lignes", ""),
                               r.s.bord_entete, r.s.entete))
    for colonne in champ["colonnes"]:
        if colonne.get("vertical"):
            ligne.addElement(r.cellule(colonne["libelle"], r.s.bord_vertical, r.s.vertical))
            continue
        contenu = [r.p(colonne["libelle"], r.s.entete)]
        if colonne["type"] == "echelle":
            contenu.append(r.p(_bornes(colonne), r.s.petit))
        ligne.addElement(r.cellule(contenu, r.s.bord_entete))
    entetes.addElement(ligne)
    table.addElement(entetes)
    for rangee in lignes_tableau(champ):
        ligne = TableRow(stylename=r.s.ligne(0.7))
        texte = rangee["libelle"].split()[-1] if vierges else rangee["libelle"]
        ligne.addElement(r.cellule(texte, r.s.bord, r.s.petit if vierges else r.s.cellule))
        for colonne in champ["colonnes"]:
            if colonne["type"] == "case":
                ligne.addElement(r.cellule([_cases(r, [""], r.s.cellule)]))
            elif colonne["type"] == "echelle":
                ligne.addElement(r.cellule([_cases(r, list(ECHELLE), r.s.cellule)]))
            else:
                ligne.addElement(r.cellule(""))
        table.addElement(ligne)
    r.ajouter(table)


def _signatures(r: _Redacteur, champs: list[dict]) -> None:
    table = r.tableau(f"signatures-{champs[0]['id']}",
                      [LARGEUR_UTILE_CM / len(champs)] * len(champs))
    ligne = TableRow(stylename=r.s.ligne(2.6))
    for champ in champs:
        ligne.addElement(r.cellule(f"Signature – {champ['libelle']}", r.s.bord, r.s.entete))
    table.addElement(ligne)
    r.ajouter(table)


def _champs(r: _Redacteur, section: dict) -> None:
    champs = section["champs"]
    n = 0
    while n < len(champs):
        champ, type_ = champs[n], champs[n]["type"]
        if type_ in {"texte", "date", "signature"}:
            groupe = suite(champs, n, {"signature"} if type_ == "signature" else {"texte", "date"})
            if type_ == "signature":
                _signatures(r, groupe)
            else:
                _textes_courts(r, groupe, f"{section['id']}-{champ['id']}")
            n += len(groupe)
            continue
        if type_ == "texte_long":
            _texte_long(r, champ)
        elif type_ == "case":
            r.ajouter(_cases(r, [champ["libelle"]], r.s.defaut))
        elif type_ == "choix":
            _etiquette(r, champ)
            r.ajouter(_cases(r, [o["libelle"] for o in champ["options"]], r.s.defaut))
        elif type_ == "echelle":
            _etiquette(r, champ)
            r.ajouter(_cases(r, list(ECHELLE), r.s.defaut))
            r.ajouter(r.p(_bornes(champ), r.s.aide))
        elif type_ == "tableau":
            _tableau(r, champ, legende=champ["libelle"] != section["titre"])
        n += 1


def _espaces_de_noms_fixes() -> None:
    # odfpy declares, on each root, the namespaces used so far *in the process* (a class-level
    # dict): declare them all, in a fixed order, so that the bytes do not depend on history.
    Element.namespaces.clear()
    Element.namespaces.update(sorted(nsdict.items(), key=lambda paire: paire[1]))


def generer_odt(definition: dict) -> bytes:
    _espaces_de_noms_fixes()
    r = _Redacteur()
    r.doc.meta.addElement(dc.Title(text=definition["titre"]))
    r.doc.meta.addElement(dc.Subject(text=definition["objet"]))
    r.doc.meta.addElement(dc.Language(text="fr-FR"))
    r.doc.meta.addElement(meta.InitialCreator(text="Guide DIESE"))
    r.doc.meta.addElement(meta.CreationDate(text="2005-03-17T00:00:00"))
    r.ajouter(H(outlinelevel=1, stylename=r.s.titre, text=definition["titre"]))
    r.ajouter(r.p(definition["source"], r.s.aide))
    for texte in definition.get("introduction", []):
        r.ajouter(r.p(texte))
    r.ajouter(r.p("Cochez une case en remplaçant ☐ par ☒ ; écrivez dans les cases vides des "
                  "tableaux.", r.s.aide))
    for etape in sections_et_parties(definition):
        section = etape.section
        if etape.titre_partie:
            r.ajouter(H(outlinelevel=2, stylename=r.s.h2, text=etape.titre_partie))
        niveau = 3 if etape.dans_une_partie else 2
        r.ajouter(H(outlinelevel=niveau, stylename=r.s.h3 if niveau == 3 else r.s.h2,
                    text=section["titre"]))
        for texte in section.get("texte", []):
            r.ajouter(r.p(texte))
        if section.get("puces"):
            liste = List()
            for puce in section["puces"]:
                element = ListItem()
                element.addElement(r.p("• " + puce))
                liste.addElement(element)
            r.ajouter(liste)
        _champs(r, section)
    tampon = io.BytesIO()
    r.doc.write(tampon)
    return zip_fige(tampon.getvalue())
