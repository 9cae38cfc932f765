"""A tagged PDF with reportlab, which writes no structure tree of its own.

While a page is drawn, every piece of real text goes into a marked-content sequence with an
MCID (`/P <</MCID n>> BDC … EMC`) and every decoration into `/Artifact BMC … EMC`, straight
into the canvas's code stream; each MCID and each widget annotation is recorded against a
structure element. `terminer` then writes the structure tree (Document → Sect → H/P/Lbl/Table…
→ Form with an /OBJR to its widget), the parent tree, /StructParent(s), /Tabs /S and
/MarkInfo, as reportlab objects, so the file is still written in one pass and stays
byte-identical across builds."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFObjectReference
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class _Contenu:
    """A marked-content sequence: its page (index) and MCID."""

    page: int
    mcid: int


@dataclass(frozen=True)
class _Widget:
    page: int
    ref: PDFObjectReference
    annotation: PDFDictionary


@dataclass(eq=False)
class Element:
    """A structure element; `kids` in reading order."""

    role: str
    attributs: dict[str, str] = field(default_factory=dict)
    kids: list[Element | _Contenu | _Widget] = field(default_factory=list)


class Balisage:
    def __init__(self, canvas: Canvas) -> None:
        self.c = canvas
        self.document = Element("Document")
        self.page = 0
        self._refs_pages = [canvas._doc.thisPageRef()]
        self._mcids: list[list[Element]] = [[]]  # per page: MCID -> its element
        self._widgets: list[tuple[_Widget, Element]] = []

    def element(self, role: str, parent: Element, **attributs: str) -> Element:
        nouveau = Element(role, attributs)
        parent.kids.append(nouveau)
        return nouveau

    @contextmanager
    def contenu(self, element: Element) -> Iterator[None]:
        """What is drawn inside is `element`'s content (never across a page turn)."""
        mcid = len(self._mcids[self.page])
        self._mcids[self.page].append(element)
        element.kids.append(_Contenu(self.page, mcid))
        self.c._code.append(f"/{element.role} <</MCID {mcid}>> BDC")
        yield
        self.c._code.append("EMC")

    @contextmanager
    def artefact(self, pagination: str = "") -> Iterator[None]:
        """Decoration (rules, frames, fills) or, with `pagination` (Header, Footer), page
        furniture that assistive technology skips."""
        if pagination:
            self.c._code.append(f"/Artifact <</Type /Pagination /Subtype /{pagination}>> BDC")
        else:
            self.c._code.append("/Artifact BMC")
        yield
        self.c._code.append("EMC")

    def widget(self, parent: Element) -> None:
        """The widget annotation just added to the canvas becomes a /Form element."""
        ref = self.c._annotationrefs[-1]
        annotation = self.c._doc.idToObject[ref.name]
        form = self.element("Form", parent)
        self._widgets.append((_Widget(self.page, ref, annotation), form))
        form.kids.append(self._widgets[-1][0])

    def page_suivante(self) -> None:
        """To call right after `showPage`."""
        self.page += 1
        self._refs_pages.append(self.c._doc.thisPageRef())
        self._mcids.append([])

    # -- the tree, once every page is shown -----------------------------------------------------
    def terminer(self) -> None:
        doc = self.c._doc
        pages = doc.Pages.pages
        assert len(pages) == len(self._mcids), "terminer() after the last showPage()"
        dictionnaires: dict[int, PDFDictionary] = {}
        refs: dict[int, PDFObjectReference] = {}

        def enregistrer(element: Element) -> None:
            dictionnaires[id(element)] = PDFDictionary({})
            refs[id(element)] = doc.Reference(dictionnaires[id(element)])
            for kid in element.kids:
                if isinstance(kid, Element):
                    enregistrer(kid)

        enregistrer(self.document)
        racine = PDFDictionary({})
        ref_racine = doc.Reference(racine)

        def remplir(element: Element, parent: PDFObjectReference) -> None:
            kids: list = []
            page = next((k.page for k in element.kids if not isinstance(k, Element)), None)
            for kid in element.kids:
                if isinstance(kid, Element):
                    remplir(kid, refs[id(element)])
                    kids.append(refs[id(kid)])
                elif isinstance(kid, _Contenu):
                    kids.append(kid.mcid if kid.page == page else PDFDictionary({
                        "Type": PDFName("MCR"), "Pg": self._refs_pages[kid.page],
                        "MCID": kid.mcid}))
                else:
                    kids.append(PDFDictionary({
                        "Type": PDFName("OBJR"), "Obj": kid.ref,
                        "Pg": self._refs_pages[kid.page]}))
            d = dictionnaires[id(element)].dict
            d.update({"Type": PDFName("StructElem"), "S": PDFName(element.role), "P": parent,
                      "K": PDFArray(kids)})
            if page is not None:
                d["Pg"] = self._refs_pages[page]
            if element.attributs:
                d["A"] = PDFDictionary({k: PDFName(v) for k, v in element.attributs.items()})

        remplir(self.document, ref_racine)

        # Parent tree: page n (key n) -> its MCIDs' elements; each widget (key ≥ pages) -> its
        # /Form element.
        nums: list = []
        for n, (page, elements) in enumerate(zip(pages, self._mcids, strict=True)):
            page.StructParents = n
            page.Tabs = PDFName("S")
            # reportlab writes only the page keys its class lists: extend this page's list
            page.__NoDefault__ = [*page.__NoDefault__, "StructParents", "Tabs"]
            nums += [n, PDFArray([refs[id(e)] for e in elements])]
        cle = len(pages)
        for widget, form in self._widgets:
            widget.annotation.dict["StructParent"] = cle
            nums += [cle, refs[id(form)]]
            cle += 1
        racine.dict.update({
            "Type": PDFName("StructTreeRoot"), "K": PDFArray([refs[id(self.document)]]),
            "ParentTree": doc.Reference(PDFDictionary({"Nums": PDFArray(nums)})),
            "ParentTreeNextKey": cle,
        })
        doc.Catalog.StructTreeRoot = ref_racine
        doc.Catalog.MarkInfo = PDFDictionary({"Marked": "true"})
