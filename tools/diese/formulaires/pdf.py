"""Fillable PDF (AcroForm) from a form definition, with reportlab: A4, printable blank, one
field per answer, each with a tooltip (/TU) that screen readers announce.

Tagged (see `_balisage`): every text is drawn as the content of a structure element, in
reading order (Document → Sect → H1/H2/H3, P, Lbl, L, Table/TR/TH/TD), each widget is a /Form
element next to its label, decoration is an artifact; title, language (/Lang) and "display
the title" are set."""

from __future__ import annotations

import io
from collections.abc import Callable

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen.canvas import Canvas

from ._balisage import Balisage, Element
from ._reportlab import corriger
from .definition import (
    BORNES_PAR_DEFAUT,
    ECHELLE,
    lignes_tableau,
    nom_champ,
    sections_et_parties,
    suite,
)

LARGEUR, HAUTEUR = A4
MARGE_X, MARGE_HAUT, MARGE_BAS = 40.0, 44.0, 46.0
UTILE = LARGEUR - 2 * MARGE_X
POLICE, GRAS, ITALIQUE = "Helvetica", "Helvetica-Bold", "Helvetica-Oblique"
ENCRE = HexColor("#1a1a2e")
GRIS = HexColor("#555a66")
TRAIT = HexColor("#6b7080")
FOND_CHAMP = HexColor("#eef1f8")
FOND_SECTION = HexColor("#e3e7f3")
TRANSPARENT = Color(1, 1, 1, alpha=0)
H_CHAMP = 17.0
CASE = 9.0
INTERLIGNE = 1.25


def _lignes(texte: str, police: str, corps: float, largeur: float) -> list[str]:
    """Wrapped lines; each but the last keeps the space it was cut at, invisible on the page,
    so that text extraction and screen readers don't run the words together."""
    lignes = simpleSplit(texte, police, corps, largeur) or [""]
    return [ligne + " " for ligne in lignes[:-1]] + lignes[-1:]


class _Page:
    """A cursor on the current page: places blocks top-down and turns the page when needed.
    `parent` is the structure element that what is drawn next belongs to."""

    def __init__(self, canvas: Canvas, titre: str) -> None:
        self.c = canvas
        self.titre = titre
        self.numero = 1
        self.y = HAUTEUR - MARGE_HAUT
        self.form = canvas.acroForm
        self.b = Balisage(canvas)
        self.parent = self.b.document

    def element(self, role: str, parent: Element | None = None, **attributs: str) -> Element:
        return self.b.element(role, parent or self.parent, **attributs)

    def reserver(self, hauteur: float, entete: Callable[[], None] | None = None) -> None:
        if self.y - hauteur < MARGE_BAS:
            self.tourner()
            if entete:
                entete()

    def tourner(self) -> None:
        self.pied()
        self.c.showPage()
        self.b.page_suivante()
        self.numero += 1
        self.y = HAUTEUR - MARGE_HAUT

    def pied(self) -> None:
        with self.b.artefact("Footer"):
            self.c.setFont(POLICE, 7.5)
            self.c.setFillColor(GRIS)
            self.c.drawString(MARGE_X, 24, f"{self.titre} — Guide DIESE")
            self.c.drawRightString(LARGEUR - MARGE_X, 24, f"Page {self.numero}")

    # -- text ---------------------------------------------------------------------------------
    def paragraphe(self, element: Element, texte: str, corps: float = 9, police: str = POLICE,
                   couleur=ENCRE, retrait: float = 0, apres: float = 4) -> None:
        """Wrapped text that may run onto the next page (one marked line at a time)."""
        lignes = _lignes(texte, police, corps, UTILE - retrait)
        pas = corps * INTERLIGNE
        for ligne in lignes:
            self.reserver(pas)
            self.y -= pas
            self.c.setFont(police, corps)
            self.c.setFillColor(couleur)
            with self.b.contenu(element):
                self.c.drawString(MARGE_X + retrait, self.y + corps * 0.22, ligne)
        self.y -= apres

    def texte_en(self, element: Element, x: float, y_haut: float, largeur: float, texte: str,
                 corps: float, police: str = POLICE, couleur=ENCRE) -> float:
        """Draws wrapped text from y_haut down as `element`'s content; returns the height."""
        lignes = _lignes(texte, police, corps, largeur)
        self.c.setFont(police, corps)
        self.c.setFillColor(couleur)
        pas = corps * INTERLIGNE
        with self.b.contenu(element):
            for n, ligne in enumerate(lignes):
                self.c.drawString(x, y_haut - (n + 1) * pas + corps * 0.22, ligne)
        return len(lignes) * pas

    @staticmethod
    def hauteur_texte(texte: str, largeur: float, corps: float, police: str = POLICE) -> float:
        return len(_lignes(texte, police, corps, largeur)) * corps * INTERLIGNE

    # -- widgets (each one a /Form element under `parent`, where it is read) -------------------
    def champ_texte(self, parent: Element, nom: str, bulle: str, x: float, y: float,
                    largeur: float, hauteur: float = H_CHAMP, multiligne: bool = False) -> None:
        self.form.textfield(
            name=nom, tooltip=bulle, x=x, y=y, width=largeur, height=hauteur,
            borderWidth=0.6, borderColor=TRAIT, fillColor=FOND_CHAMP, textColor=ENCRE,
            fontName=POLICE, fontSize=0 if multiligne else 9,
            fieldFlags="multiline doNotSpellCheck" if multiligne else "doNotSpellCheck",
            maxlen=None,
        )
        self.b.widget(parent)

    def case(self, parent: Element, nom: str, bulle: str, x: float, y: float) -> None:
        self.form.checkbox(
            name=nom, tooltip=bulle, x=x, y=y, size=CASE, buttonStyle="cross",
            borderWidth=0.6, borderColor=TRAIT, fillColor=HexColor("#ffffff"),
            textColor=ENCRE, fieldFlags="",
        )
        self.b.widget(parent)

    def radio(self, parent: Element, nom: str, bulle: str, valeur: str, x: float,
              y: float) -> None:
        self.form.radio(
            name=nom, tooltip=bulle, value=valeur, x=x, y=y, size=CASE, buttonStyle="circle",
            shape="circle", borderWidth=0.6, borderColor=TRAIT, fillColor=HexColor("#ffffff"),
            textColor=ENCRE, fieldFlags="radio noToggleToOff",
        )
        self.b.widget(parent)


def _bulle(champ: dict, suffixe: str = "") -> str:
    texte = champ["libelle"] + suffixe
    return f"{texte}. {champ['aide']}" if champ.get("aide") else texte


def _titre(p: _Page, definition: dict) -> None:
    p.c.setFillColor(ENCRE)
    p.y -= p.texte_en(p.element("H1"), MARGE_X, p.y, UTILE, definition["titre"], 17, GRAS,
                      ENCRE) + 2
    p.y -= p.texte_en(p.element("P"), MARGE_X, p.y, UTILE, definition["source"], 7.5,
                      ITALIQUE, GRIS) + 8
    for texte in definition.get("introduction", []):
        p.paragraphe(p.element("P"), texte, 9.5, apres=5)


def _partie(p: _Page, titre: str) -> None:
    p.reserver(60)
    p.y -= 10
    p.y -= p.texte_en(p.element("H2"), MARGE_X, p.y, UTILE, titre, 13.5, GRAS, ENCRE) + 3
    with p.b.artefact():
        p.c.setStrokeColor(ENCRE)
        p.c.setLineWidth(1.2)
        p.c.line(MARGE_X, p.y, LARGEUR - MARGE_X, p.y)
    p.y -= 6


def _section(p: _Page, section: dict, niveau: str) -> None:
    h = p.hauteur_texte(section["titre"], UTILE - 12, 11, GRAS) + 6
    # keep a heading with the start of its content
    premier = _hauteur_debut(p, section["champs"][0]) if section["champs"] else 0
    texte = sum(p.hauteur_texte(t, UTILE, 9) + 4 for t in section.get("texte", []))
    p.reserver(h + 12 + premier + texte)
    p.y -= 6
    with p.b.artefact():
        p.c.setFillColor(FOND_SECTION)
        p.c.rect(MARGE_X, p.y - h, UTILE, h, stroke=0, fill=1)
    p.texte_en(p.element(niveau), MARGE_X + 6, p.y - 3, UTILE - 12, section["titre"], 11, GRAS,
               ENCRE)
    p.y -= h + 6
    for texte in section.get("texte", []):
        p.paragraphe(p.element("P"), texte, 9)
    if section.get("puces"):
        liste = p.element("L")
        for puce in section["puces"]:
            _puce(p, p.element("LI", liste), puce)
        p.y -= 4


def _puce(p: _Page, item: Element, texte: str) -> None:
    """A list item: the bullet is its Lbl, the wording its LBody (same lines as one string)."""
    puce, corps = p.element("Lbl", item), p.element("LBody", item)
    taille, pas = 8.5, 8.5 * INTERLIGNE
    for n, ligne in enumerate(_lignes("•  " + texte, POLICE, taille, UTILE - 8)):
        p.reserver(pas)
        p.y -= pas
        p.c.setFont(POLICE, taille)
        p.c.setFillColor(ENCRE)
        x, y = MARGE_X + 8, p.y + taille * 0.22
        if n == 0:
            with p.b.contenu(puce):
                p.c.drawString(x, y, "•")
            x += p.c.stringWidth("• ", POLICE, taille)
            ligne = ligne.removeprefix("• ")
        with p.b.contenu(corps):
            p.c.drawString(x, y, ligne)
    p.y -= 2


def _hauteur_debut(p: _Page, champ: dict) -> float:
    """Height of a field's first block, so that a heading is never left alone at a page foot."""
    etiquette = _hauteur_etiquette(p, champ, UTILE)
    match champ["type"]:
        case "texte_long":
            return etiquette + champ.get("lignes", 3) * 13 + 11
        case "tableau":
            return 110
        case "signature":
            return 78
        case _:
            return etiquette + 26


def _etiquette(p: _Page, champ: dict, x: float, largeur: float) -> float:
    """Label (bold) and help (italic) above a widget; returns the height they take."""
    h = p.texte_en(p.element("Lbl"), x, p.y, largeur, champ["libelle"], 8.5, GRAS)
    if champ.get("aide"):
        h += p.texte_en(p.element("P"), x, p.y - h, largeur, champ["aide"], 7.5, ITALIQUE, GRIS)
    return h + 2


def _hauteur_etiquette(p: _Page, champ: dict, largeur: float) -> float:
    h = p.hauteur_texte(champ["libelle"], largeur, 8.5, GRAS)
    if champ.get("aide"):
        h += p.hauteur_texte(champ["aide"], largeur, 7.5, ITALIQUE)
    return h + 2


def _textes_courts(p: _Page, champs: list[dict]) -> None:
    """One or two single-line fields side by side (label above each box)."""
    ecart = 14.0
    largeur = (UTILE - ecart * (len(champs) - 1)) / len(champs)
    h_etiq = max(_hauteur_etiquette(p, c, largeur) for c in champs)
    p.reserver(h_etiq + H_CHAMP + 6)
    for n, champ in enumerate(champs):
        x = MARGE_X + n * (largeur + ecart)
        _etiquette(p, champ, x, largeur)
        bulle = _bulle(champ, " (jj/mm/aaaa)" if champ["type"] == "date" else "")
        p.champ_texte(p.parent, champ["id"], bulle, x, p.y - h_etiq - H_CHAMP, largeur)
    p.y -= h_etiq + H_CHAMP + 7


def _texte_long(p: _Page, champ: dict) -> None:
    hauteur = champ.get("lignes", 3) * 13 + 4
    h_etiq = _hauteur_etiquette(p, champ, UTILE)
    p.reserver(h_etiq + hauteur + 6)
    _etiquette(p, champ, MARGE_X, UTILE)
    p.champ_texte(p.parent, champ["id"], _bulle(champ), MARGE_X, p.y - h_etiq - hauteur, UTILE,
                  hauteur, multiligne=True)
    p.y -= h_etiq + hauteur + 7


def _case(p: _Page, champ: dict) -> None:
    h = p.hauteur_texte(champ["libelle"], UTILE - 16, 9)
    p.reserver(h + 4)
    etiquette = p.element("Lbl")  # read before its box
    p.case(p.parent, champ["id"], _bulle(champ), MARGE_X, p.y - CASE - 1)
    p.texte_en(etiquette, MARGE_X + 16, p.y, UTILE - 16, champ["libelle"], 9)
    p.y -= max(h, CASE + 2) + 5


def _options(p: _Page, champ: dict) -> None:
    """Radio buttons (one answer) or check-boxes (several), laid out in a wrapping row; each
    option's wording is read just before its button, as for a single check-box."""
    h_etiq = _hauteur_etiquette(p, champ, UTILE)
    p.reserver(h_etiq + 16)
    p.y -= _etiquette(p, champ, MARGE_X, UTILE)
    x, pas = MARGE_X + 4, 14.0
    p.y -= pas
    for option in champ["options"]:
        largeur = p.c.stringWidth(option["libelle"], POLICE, 9) + CASE + 18
        if x + largeur > LARGEUR - MARGE_X:
            x = MARGE_X + 4
            p.reserver(pas)
            p.y -= pas
        etiquette = p.element("Lbl")
        if champ.get("multiple"):
            p.case(p.parent, nom_champ(champ["id"], option["id"]),
                   _bulle(champ, f" : {option['libelle']}"), x, p.y)
        else:
            p.radio(p.parent, champ["id"], _bulle(champ), option["id"], x, p.y)
        p.c.setFont(POLICE, 9)
        p.c.setFillColor(ENCRE)
        with p.b.contenu(etiquette):
            p.c.drawString(x + CASE + 4, p.y + 1.5, option["libelle"])
        x += largeur
    p.y -= 8


def _liste(p: _Page, champ: dict) -> None:
    h_etiq = _hauteur_etiquette(p, champ, UTILE)
    p.reserver(h_etiq + H_CHAMP + 18)
    _etiquette(p, champ, MARGE_X, UTILE)
    options = [o["libelle"] for o in champ["options"]]
    p.form.choice(
        name=champ["id"], tooltip=_bulle(champ), value="", options=["", *options],
        x=MARGE_X, y=p.y - h_etiq - H_CHAMP, width=UTILE / 2, height=H_CHAMP,
        borderWidth=0.6, borderColor=TRAIT, fillColor=FOND_CHAMP, textColor=ENCRE,
        fontName=POLICE, fontSize=9, fieldFlags="combo",
    )
    p.b.widget(p.parent)
    p.y -= h_etiq + H_CHAMP + 2
    # on paper a drop-down shows nothing: print the choices under it
    p.paragraphe(p.element("P"), "Choix : " + " · ".join(options), 7.5, ITALIQUE, GRIS, apres=6)


def _echelle_en(p: _Page, parent: Element, nom: str, bulle: str, x: float, y: float,
                largeur: float) -> None:
    pas = largeur / len(ECHELLE)
    for n, valeur in enumerate(ECHELLE):
        cx = x + pas * n + pas / 2 - (CASE + 8) / 2
        etiquette = p.element("Lbl", parent)  # "1", then its button
        p.radio(parent, nom, bulle, valeur, cx, y)
        p.c.setFont(POLICE, 8)
        p.c.setFillColor(ENCRE)
        with p.b.contenu(etiquette):
            p.c.drawString(cx + CASE + 2.5, y + 1.5, valeur)


def _bornes_texte(bornes: list[str]) -> str:
    return f" (de 1 : {bornes[0].lower()} à 5 : {bornes[1].lower()})"


def _echelle(p: _Page, champ: dict) -> None:
    bornes = champ.get("bornes", BORNES_PAR_DEFAUT)
    h_etiq = _hauteur_etiquette(p, champ, UTILE)
    p.reserver(h_etiq + 30)
    p.y -= _etiquette(p, champ, MARGE_X, UTILE)
    p.y -= 14
    _echelle_en(p, p.parent, champ["id"], _bulle(champ, _bornes_texte(bornes)), MARGE_X, p.y,
                200)
    p.c.setFont(ITALIQUE, 7)
    p.c.setFillColor(GRIS)
    with p.b.contenu(p.element("P")):
        p.c.drawString(MARGE_X + 210, p.y + 2, f"1 = {bornes[0]} · 5 = {bornes[1]}")
    p.y -= 10


def _tableau(p: _Page, champ: dict, legende: bool = False) -> None:
    """A real table: TR rows of TH (column headings, row labels) and TD holding the widgets.
    The heading row, repeated on each new page, is an artifact after its first drawing."""
    colonnes = champ["colonnes"]
    lignes = lignes_tableau(champ)
    vierges = isinstance(champ["lignes"], int)
    # Blank rows get a narrow number column; labelled rows a label column.
    poids_entete = 0.55 if vierges else 3.2
    poids = [poids_entete] + [c.get("largeur", 2) for c in colonnes]
    unite = UTILE / sum(poids)
    largeurs = [w * unite for w in poids]
    xs = [MARGE_X + sum(largeurs[:n]) for n in range(len(largeurs))]
    entete_lignes = "" if vierges else champ.get("entete_lignes", "")

    def hauteur_cellule_entete(n: int, colonne: dict) -> float:
        if colonne.get("vertical"):
            return p.c.stringWidth(colonne["libelle"], GRAS, 7.5) + 10
        h = p.hauteur_texte(colonne["libelle"], largeurs[n + 1] - 6, 7.5, GRAS) + 6
        if colonne["type"] == "echelle":
            h += 19
        return h

    h_entete = max(
        [p.hauteur_texte(entete_lignes or " ", largeurs[0] - 6, 7.5, GRAS) + 6]
        + [hauteur_cellule_entete(n, c) for n, c in enumerate(colonnes)]
    )

    table: Element | None = None
    repetee = False

    def entete() -> None:
        nonlocal repetee
        with p.b.artefact():
            p.c.setFillColor(FOND_SECTION)
            p.c.setStrokeColor(TRAIT)
            p.c.setLineWidth(0.5)
            for n, x in enumerate(xs):
                p.c.rect(x, p.y - h_entete, largeurs[n], h_entete, stroke=1, fill=1)
        if repetee:
            with p.b.artefact("Header"):
                _cellules_entete(None)
        else:
            _cellules_entete(p.element("TR", table))
            repetee = True
        p.y -= h_entete

    def _cellules_entete(rangee: Element | None) -> None:
        """Heading texts, as TH of `rangee` (None: page furniture, already in an artifact)."""
        def th(rangee: Element | None) -> Element | None:
            return rangee and p.element("TH", rangee, O="Table", Scope="Column")

        def texte(cellule: Element | None, x: float, y: float, largeur: float, texte: str,
                  corps: float, police: str = GRAS, couleur=ENCRE) -> float:
            if cellule is None:
                p.c.setFont(police, corps)
                p.c.setFillColor(couleur)
                for n, ligne in enumerate(_lignes(texte, police, corps, largeur)):
                    p.c.drawString(x, y - (n + 1) * corps * INTERLIGNE + corps * 0.22, ligne)
                return p.hauteur_texte(texte, largeur, corps, police)
            return p.texte_en(cellule, x, y, largeur, texte, corps, police, couleur)

        p.c.setFillColor(ENCRE)
        premiere = th(rangee)
        if entete_lignes:
            texte(premiere, xs[0] + 3, p.y - 3, largeurs[0] - 6, entete_lignes, 7.5)
        for n, colonne in enumerate(colonnes, start=1):
            cellule = th(rangee)
            if colonne.get("vertical"):
                p.c.saveState()
                p.c.translate(xs[n] + largeurs[n] / 2 + 2.5, p.y - h_entete + 5)
                p.c.rotate(90)
                texte(cellule, 0, 7.5 * INTERLIGNE - 7.5 * 0.22, 1e6, colonne["libelle"], 7.5)
                p.c.restoreState()
                continue
            h = texte(cellule, xs[n] + 3, p.y - 3, largeurs[n] - 6, colonne["libelle"], 7.5)
            if colonne["type"] == "echelle":
                bornes = colonne.get("bornes", BORNES_PAR_DEFAUT)
                texte(cellule, xs[n] + 3, p.y - h - 9 + 6 * (INTERLIGNE - 0.22), 1e6,
                      f"1 = {bornes[0]}", 6, ITALIQUE, GRIS)
                texte(cellule, xs[n] + 3, p.y - h - 17 + 6 * (INTERLIGNE - 0.22), 1e6,
                      f"5 = {bornes[1]}", 6, ITALIQUE, GRIS)

    p.reserver(h_entete + 22 * min(3, len(lignes)) + (14 if legende else 0))
    table = p.element("Table")
    if legende:
        p.y -= p.texte_en(p.element("Caption", table), MARGE_X, p.y, UTILE, champ["libelle"],
                          9, GRAS) + 3
    entete()
    for ligne in lignes:
        texte_ligne = ligne["libelle"] if not vierges else ligne["libelle"].split()[-1]
        h_ligne = max(20.0, p.hauteur_texte(texte_ligne, largeurs[0] - 6, 8) + 8)
        p.reserver(h_ligne, entete)
        haut, bas = p.y, p.y - h_ligne
        with p.b.artefact():
            p.c.setStrokeColor(TRAIT)
            p.c.setLineWidth(0.5)
            for n, x in enumerate(xs):
                p.c.rect(x, bas, largeurs[n], h_ligne, stroke=1, fill=0)
        rangee = p.element("TR", table)
        h_texte = p.hauteur_texte(texte_ligne, largeurs[0] - 6, 8)
        p.texte_en(p.element("TH", rangee, O="Table", Scope="Row"), xs[0] + 3,
                   haut - (h_ligne - h_texte) / 2, largeurs[0] - 6, texte_ligne, 8, POLICE,
                   GRIS if vierges else ENCRE)
        for n, colonne in enumerate(colonnes, start=1):
            cellule = p.element("TD", rangee)
            nom = nom_champ(champ["id"], ligne["id"], colonne["id"])
            bulle = f"{champ['libelle']}, {ligne['libelle']}, {colonne['libelle']}"
            milieu = bas + h_ligne / 2
            if colonne["type"] in {"texte", "date"}:
                suffixe = " (jj/mm/aaaa)" if colonne["type"] == "date" else ""
                p.form.textfield(
                    name=nom, tooltip=bulle + suffixe, x=xs[n] + 1.5, y=bas + 1.5,
                    width=largeurs[n] - 3, height=h_ligne - 3, borderWidth=0,
                    fillColor=TRANSPARENT, textColor=ENCRE, fontName=POLICE, fontSize=8,
                    fieldFlags="doNotSpellCheck", maxlen=None,
                )
                p.b.widget(cellule)
            elif colonne["type"] == "case":
                p.case(cellule, nom, bulle, xs[n] + largeurs[n] / 2 - CASE / 2,
                       milieu - CASE / 2)
            else:
                bornes = colonne.get("bornes", BORNES_PAR_DEFAUT)
                _echelle_en(p, cellule, nom, bulle + _bornes_texte(bornes), xs[n] + 2,
                            milieu - CASE / 2, largeurs[n] - 4)
        p.y = bas
    p.y -= 10


def _signatures(p: _Page, champs: list[dict]) -> None:
    # reportlab cannot make /Sig fields: a framed area to sign on paper or with a PDF reader's
    # own signing tool.
    ecart = 10.0
    largeur = (UTILE - ecart * (len(champs) - 1)) / len(champs)
    hauteur = 70.0
    p.reserver(hauteur + 8)
    for n, champ in enumerate(champs):
        x = MARGE_X + n * (largeur + ecart)
        with p.b.artefact():
            p.c.setStrokeColor(TRAIT)
            p.c.setLineWidth(0.6)
            p.c.rect(x, p.y - hauteur, largeur, hauteur, stroke=1, fill=0)
        p.texte_en(p.element("P"), x + 5, p.y - 3, largeur - 10,
                   f"Signature – {champ['libelle']}", 8, GRAS)
    p.y -= hauteur + 8


def _champs(p: _Page, champs: list[dict], titre_section: str = "") -> None:
    n = 0
    while n < len(champs):
        champ = champs[n]
        type_ = champ["type"]
        if type_ in {"texte", "date"}:
            groupe = [champ]
            suivant = champs[n + 1] if n + 1 < len(champs) else None
            if (champ.get("largeur") == "demie" and suivant
                    and suivant["type"] in {"texte", "date"} and suivant.get("largeur") == "demie"):
                groupe.append(suivant)
            _textes_courts(p, groupe)
            n += len(groupe)
            continue
        if type_ == "signature":
            groupe = suite(champs, n, {"signature"})
            _signatures(p, groupe)
            n += len(groupe)
            continue
        if type_ == "tableau":
            _tableau(p, champ, legende=champ["libelle"] != titre_section)
        elif type_ == "choix":
            (_liste if champ.get("liste") and not champ.get("multiple") else _options)(p, champ)
        else:
            {"texte_long": _texte_long, "case": _case, "echelle": _echelle}[type_](p, champ)
        n += 1


def generer_pdf(definition: dict) -> bytes:
    """The blank fillable PDF; identical bytes for an identical definition (invariant mode)."""
    corriger()
    tampon = io.BytesIO()
    canvas = Canvas(tampon, pagesize=A4, invariant=1, lang="fr-FR", pageCompression=1)
    canvas.setTitle(definition["titre"])
    canvas.setSubject(definition["objet"])
    canvas.setAuthor("Guide DIESE")
    canvas.setCreator("DIESE Guide — diese.formulaires")
    canvas.setKeywords(["formulaire", "relation entreprise", "DIESE"])
    canvas.setViewerPreference("DisplayDocTitle", "true")
    p = _Page(canvas, definition["titre"])
    _titre(p, definition)
    partie: Element | None = None
    for etape in sections_et_parties(definition):
        section = etape.section
        if etape.titre_partie:
            p.parent = partie = p.element("Sect", p.b.document)
            _partie(p, etape.titre_partie)
        if etape.dans_une_partie:
            p.parent = p.element("Sect", partie)
        else:
            # a section titled as its part stands for the part: the next ones go inside it
            p.parent = p.element("Sect", p.b.document)
            partie = p.parent if section.get("partie") else None
        _section(p, section, "H3" if etape.dans_une_partie else "H2")
        _champs(p, section["champs"], section["titre"])
    p.pied()
    canvas.showPage()
    p.b.terminer()
    canvas.save()
    return tampon.getvalue()
