"""Fidelity of the site to the 2005 guide: every sentence or fragment of `source/guide-2005.txt`
must be found in the text of the built site, so that nothing is silently dropped.

The source is a text extraction of a word-processor document: bullet glyphs became `�`, tables
were flattened, words were cut at line ends, page footers were interleaved with the text. Both
sides are normalised the same way (whitespace, quotes, apostrophes, dashes, ellipses, dotted
lines, case, accents on capitals) and compared fragment by fragment. Where the site repairs the
source on purpose (a spelling slip, a table the extraction scrambled), the repair is listed in
CORRECTIONS or RECONSTRUCTIONS below, with its reason: nothing else may differ.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

import pytest

RACINE = Path(__file__).resolve().parents[2]
SOURCE = RACINE / "source" / "guide-2005.txt"

# --- Repairs of passages the extraction scrambled (regex on the raw source → what the site
# shows). Each must match exactly `n` times, so a stale entry fails instead of hiding a loss.
RECONSTRUCTIONS: list[tuple[str, str, int, str]] = [
    (
        # Column headings of the « fiche de suivi apprenti », written vertically in the
        # original: one or two letters a line. « Accompagnem/e » was cut by the cell width.
        r"^ D\nA\nT\nE\n.*?^ct\n",
        "\n- DATE\n- Intervenant\n- Négociation\n- Accompagnement\n- Liaison\n- Suivi\n"
        "- Post-Contact\n",
        1,
        "en-têtes verticaux du tableau de la fiche de suivi apprenti",
    ),
    (
        # Two column headings of the « bonnes pratiques » tables flattened on one line.
        r"L’ENTREPRISE DU /DE LA STAGIAIRE",
        "L’ENTREPRISE\nDU /DE LA STAGIAIRE",
        2,
        "deux en-têtes de colonnes des tableaux avant / après le stage",
    ),
]

# --- Spelling slips fixed on the site (source text → site text, after joining lines). Each
# one is listed for readers in the « Notes d'édition » of docs/guide/index.md.
CORRECTIONS: list[tuple[str, str]] = [
    ("sur leur propres actions", "sur leurs propres actions"),
    ("répondu a un questionnaire", "répondu à un questionnaire"),
    ("ont permis de d’échanger", "ont permis d’échanger"),
    ("DIAGNOSTIC DES ENTREPRISE :", "DIAGNOSTIC DES ENTREPRISES :"),
    ("Il n’y a pas réponse unique", "Il n’y a pas de réponse unique"),
    ("et formaliser dans un rapport", "et formalisé dans un rapport"),
    ("Informatisée les données", "Informatiser les données"),
    ("Les entreprise prospectées- sensibilisées", "Les entreprises prospectées-sensibilisées"),
    ("Des visite de l’entreprise", "Des visites de l’entreprise"),
    ("chaque stagiaire réfléchi aux", "chaque stagiaire réfléchit aux"),
    ("si le stagiaire à un besoin", "si le stagiaire a un besoin"),
    ("EN MATIERE SE SUIVI", "EN MATIERE DE SUIVI"),
    ("que le stagiaire remplis au", "que le stagiaire remplit au"),
    ("est généralisé à l’ensemble", "est généralisée à l’ensemble"),
    ("exta-professionnels", "extra-professionnels"),
    ("planning familiale", "planning familial"),
    ("interventions sociales nécessaire :", "interventions sociales nécessaires :"),
    ("en matières d’accompagnement", "en matière d’accompagnement"),
    ("nous l’avons expérimenté et obtenu", "nous l’avons expérimentée et obtenu"),
    ("dans l’éntreprise", "dans l’entreprise"),
    ("n’hésiter pas à faire-part", "n’hésitez pas à faire part"),
    ("qui viendrait enrichir", "qui viendraient enrichir"),
    ("n’hésitez-pas", "n’hésitez pas"),
    ("les avez-vous rencontré ?", "les avez-vous rencontrés ?"),
    ("Ce fichier est- informatisé", "Ce fichier est-il informatisé"),
    ("comment se présente-il ?", "comment se présente-t-il ?"),
    ("Possedez-vous", "Possédez-vous"),
    ("susceptible d’être affecter", "susceptible d’être affecté"),
]

# Page footers of the original document (« A3-c-Guide bonnes pratiques version 9 17 mars 2005
# 9/36 »): layout, not content.
PIED_DE_PAGE = re.compile(
    r"^\s*A3-c-Guide bonnes pratiques version 9 17 mars 2005\s+\d+/36\s*$", re.M
)
# The 1-to-5 scales of the evaluation form: drawn as radio buttons on the site.
ECHELLE = re.compile(r"1\s+2\s+3\s+4\s+5")
# Bullet glyphs lost by the extraction (`�`, sometimes four in a row; « 4444 » is the same
# Wingdings arrow read as digits) and runs of 3+ spaces or tabs (flattened table columns).
SEPARATEURS = re.compile(r"�+|^4444|\s{3,}|\t+")
# List markers at the start of a line: •, *, o, -, « 1 », « 2. ».
MARQUEUR = re.compile(r"^(?:[•*]\s*|o\s+|-\s*|\d{1,2}[.)]?\s+(?=\D))")
FIN_DE_PHRASE = re.compile(r"(?<=[.!?…])\s+(?=[«\"(A-ZÀ-Ý])")
LETTRE = re.compile(r"[^\W\d_]")


def normaliser(texte: str) -> str:
    """Same normalisation for the source and the site: only what layout and typing vary."""
    t = unicodedata.normalize("NFC", texte)
    t = t.replace("\u00a0", " ").replace("\u202f", " ").replace("�", " ")
    t = re.sub(r"[☐☑☒□■]", " ", t)
    t = re.sub(r"«\s*", "«", t)
    t = re.sub(r"\s*»", "»", t)
    t = re.sub(r"[«»“”„]", '"', t)
    t = re.sub(r"[’‘ʼ´`]", "'", t)
    t = re.sub(r"'\s+", "'", t)
    t = re.sub(r"\s*[-‐‑–—−]\s*", "-", t)
    t = re.sub(r"\s*/\s*", "/", t)
    t = t.replace("…", "...")
    t = re.sub(r"\.{5,}|_{3,}", " ", t)  # dotted lines and blanks to fill in
    t = re.sub(r"\.{3,4}", "…", t)
    t = re.sub(r"\s+", " ", t)
    t = re.sub(r"\s+([,.:;!?)…])", r"\1", t)
    t = re.sub(r"\(\s+", "(", t)
    # Capitals lose their accent (« Etat » in 2005, « État » on the site), then fold case.
    t = "".join(unicodedata.normalize("NFD", c)[0] if c.isupper() else c for c in t).casefold()
    return t.strip()


def sans_accents(texte: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texte) if not unicodedata.combining(c))


class Fragment(NamedTuple):
    texte: str  # normalised
    capitales: bool  # typed in capitals in the source (« METHODOLOGIE »): accents absent


def _en_capitales(phrase: str) -> bool:
    """Mostly capitals, or holding a long word in capitals (« DELEGUE(E) ENTREPRISE »)."""
    lettres = LETTRE.findall(phrase)
    return sum(c.isupper() for c in lettres) >= 0.6 * len(lettres) or bool(
        re.search(r"\b[A-Z]{6,}\b", phrase)
    )


def _joindre(precedent: str, suite: str) -> str:
    # A compound cut after its hyphen (« socio-| économique », « handiformation-|auvergne.org »):
    # the source has no other word cut at a line end.
    if re.search(r"\w-$", precedent) and suite[:1].islower():
        return precedent + suite
    return f"{precedent} {suite}"


def fragments(
    texte: str, corrections=CORRECTIONS, reconstructions=RECONSTRUCTIONS
) -> list[Fragment]:
    """Cut the source into normalised fragments: list items, table cells and sentences."""
    texte = unicodedata.normalize("NFC", texte)
    for motif, remplacement, attendu, raison in reconstructions:
        texte, nombre = re.subn(motif, remplacement, texte, flags=re.M | re.S)
        assert nombre == attendu, f"reconstruction « {raison} » : {nombre} au lieu de {attendu}"
    texte = PIED_DE_PAGE.sub("", texte)
    texte = ECHELLE.sub("\n", texte)

    # 1. Logical lines: a line continues the previous one unless it starts a new item
    #    (marker, capital letter, glyph, table column).
    logiques: list[str] = []
    for ligne in texte.splitlines():
        morceaux = SEPARATEURS.split(ligne.strip())
        for rang, morceau in enumerate(morceaux):
            morceau = morceau.strip()
            if not morceau:
                if rang:
                    logiques.append("")
                continue
            sans_marqueur = MARQUEUR.sub("", morceau)
            nouveau = (
                rang > 0 or sans_marqueur != morceau or not logiques or not morceau[0].islower()
            )
            if nouveau:
                logiques.append(sans_marqueur)
            else:
                logiques[-1] = _joindre(logiques[-1], morceau)
    joint = "\n".join(re.sub(r"\s+", " ", ligne).strip() for ligne in logiques)

    # 2. Deliberate repairs.
    for avant, apres in corrections:
        assert avant in joint, f"correction introuvable dans la source : « {avant} »"
        joint = joint.replace(avant, apres)

    # 3. Sentences.
    resultat: list[Fragment] = []
    for ligne in joint.split("\n"):
        for phrase in FIN_DE_PHRASE.split(ligne):
            norme = re.sub(r"[\s:;,.]+$", "", normaliser(phrase))
            if len(LETTRE.findall(norme)) >= 2:
                resultat.append(Fragment(norme, _en_capitales(phrase)))
    return resultat


class _Texte(HTMLParser):
    """Visible text of the page's article (not navigation, not permalinks or back-links)."""

    BLOCS = set(
        "p div li ul ol td th tr table h1 h2 h3 h4 h5 h6 br hr dt dd dl section blockquote"
        " summary details figcaption caption label legend fieldset option input".split()
    )
    IGNORES = {"script", "style", "template", "svg", "button"}
    VIDES = {"br", "hr", "input", "img", "meta", "link", "col", "wbr"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.morceaux: list[str] = []
        self.pile: list[tuple[str, bool]] = []  # (tag, ignored)
        self.dans_article = 0

    def _ignore(self) -> bool:
        return any(ignore for _, ignore in self.pile)

    def handle_starttag(self, tag: str, attrs) -> None:
        attributs = dict(attrs)
        classes = (attributs.get("class") or "").split()
        if tag == "article" and "md-content__inner" in classes:
            self.dans_article += 1
        if tag in self.BLOCS:
            self.morceaux.append(" ")
        if tag in self.VIDES:
            return
        ignore = tag in self.IGNORES or bool(
            {"headerlink", "footnote-backref", "md-content__button"} & set(classes)
        )
        self.pile.append((tag, ignore))

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VIDES:
            return
        while self.pile:
            ouvert, _ = self.pile.pop()
            if ouvert == tag:
                break
        if tag == "article" and self.dans_article:
            self.dans_article -= 1
        if tag in self.BLOCS:
            self.morceaux.append(" ")

    def handle_data(self, data: str) -> None:
        if self.dans_article and not self._ignore():
            self.morceaux.append(data)


def texte_html(html: str) -> str:
    analyseur = _Texte()
    analyseur.feed(html)
    return "".join(analyseur.morceaux)


def manquants(frags: list[Fragment], texte_site: str) -> list[str]:
    """Fragments absent from the site text. Headings typed in capitals in the source carry no
    accents (« METHODOLOGIE »): they alone are compared without accents."""
    site = normaliser(texte_site)
    site_large = sans_accents(site)
    return [
        f.texte
        for f in frags
        if f.texte not in site and not (f.capitales and sans_accents(f.texte) in site_large)
    ]


def texte_du_site(site_dir: Path) -> str:
    pages = sorted(site_dir.rglob("*.html"))
    assert pages, f"aucune page HTML dans {site_dir}"
    return "\n".join(texte_html(p.read_text(encoding="utf-8")) for p in pages)


# --------------------------------------------------------------------------------------------
def test_chaque_fragment_du_guide_est_sur_le_site(site_dir: Path) -> None:
    frags = fragments(SOURCE.read_text(encoding="utf-8"))
    absents = manquants(frags, texte_du_site(site_dir))
    print(f"\n{len(frags)} fragments du guide vérifiés, {len(absents)} absents")
    assert len(frags) > 600
    assert not absents, "Fragments du guide absents du site :\n" + "\n".join(
        f"  - {a}" for a in absents
    )


def test_une_phrase_retiree_est_detectee() -> None:
    source = (
        "• Définition \nDIESE a pour objectif général d’expérimenter et de mettre en œuvre "
        "de nouvelles \nformes de mobilisation. Cette action est cofinancée par le Fonds "
        "Social Européen.\n� Etre présent dans les salons socio-\néconomiques \n"
    )
    site_complet = (
        "<article class='md-content__inner'><h2>Définition<a class='headerlink'>#</a></h2>"
        "<p>DIESE a pour objectif général d'expérimenter et de mettre en œuvre de nouvelles "
        "formes de mobilisation. Cette action est cofinancée par le "
        "<abbr title='x'>Fonds Social Européen</abbr>.</p>"
        "<ul><li>Être présent dans les salons socio-économiques</li></ul></article>"
    )
    frags = fragments(source, corrections=[], reconstructions=[])
    assert len(frags) == 4
    assert manquants(frags, texte_html(site_complet)) == []
    site_ampute = site_complet.replace(
        " Cette action est cofinancée par le <abbr title='x'>Fonds Social Européen</abbr>.", ""
    )
    assert manquants(frags, texte_html(site_ampute)) == [
        "cette action est cofinancée par le fonds social européen"
    ]
    # A changed word is caught too, and a page outside the article does not count.
    assert manquants(frags, texte_html(site_complet.replace("salons", "foires"))) == [
        "etre présent dans les salons socio-économiques"
    ]
    # Text outside the page's article (navigation, footer) does not count.
    hors_article = site_complet.replace("article", "nav")
    assert len(manquants(frags, texte_html(hors_article))) == 4
    # Headings typed in capitals match without their accents; sentences do not.
    titre = fragments("II. METHODOLOGIE\nEtat des lieux.\n", [], [])
    assert [f.capitales for f in titre] == [True, True, False]  # « II », « METHODOLOGIE »
    assert (
        manquants(
            titre,
            "<article class='md-content__inner'><h1>II. Méthodologie</h1>"
            "<p>État des lieux.</p></article>",
        )
        == []
    )
    assert manquants(
        titre,
        "<article class='md-content__inner'><p>Etät des lieux.</p>"
        "<h1>II. Méthodologie</h1></article>",
    ) == ["etat des lieux"]


def test_correction_perimee_signalee() -> None:
    with pytest.raises(AssertionError, match="correction introuvable"):
        fragments("Un texte.", corrections=[("mot absent", "mot")], reconstructions=[])


# --- What the site adds around the text, checked on the built pages. -----------------------
def test_notes_ce_qui_a_change_et_glossaire_sur_le_site(site_dir: Path) -> None:
    from diese.contenu.changements import TITRE_ADMONITION, charger_changements
    from diese.contenu.glossaire import charger_glossaire

    guide = "\n".join(p.read_text(encoding="utf-8") for p in (site_dir / "guide").rglob("*.html"))
    assert guide.count(f'<p class="admonition-title">{TITRE_ADMONITION} — ') == len(
        charger_changements()
    )
    glossaire = (site_dir / "ressources" / "glossaire" / "index.html").read_text(encoding="utf-8")
    for terme in charger_glossaire():
        assert f'<dt id="{terme.id}">' in glossaire, terme.id
    # Every page carries the tooltips (snippet appended), and no macro call is left unrendered.
    assert '<abbr title="Revenu minimum d' in guide
    texte = "".join(texte_html(p.read_text(encoding="utf-8")) for p in site_dir.rglob("*.html"))
    assert "{{" not in texte and "{%" not in texte


def test_contacts_de_2003_marques_et_sans_lien(site_dir: Path) -> None:
    for page in ("mode-emploi-questionnaire", "questionnaire-etat-des-lieux"):
        html = (site_dir / "guide" / "annexes" / page / "index.html").read_text(encoding="utf-8")
        assert "agnes.bonnet.diese@wanadoo.fr" in html
        assert "mailto:" not in html and "tel:" not in html
        assert "ne sont plus valables" in html
