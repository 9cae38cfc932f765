"""Results of the engine as HTML: one renderer for the build (pre-rendered default situation,
visible without JavaScript) and for the browser (the Pyodide worker calls the same functions).

Standard library only: this module ships in the wheel. Every value from the engine is escaped.
Each figure carries its raw value in `data-valeur` (tests compare it with CPython's result).
"""

from __future__ import annotations

from html import escape
from typing import Any
from urllib.parse import urlencode

from diese.simulation.champs import (
    CHAMPS_COMPARER_EMPLOYEUR,
    CHAMPS_COMPARER_PROFIL,
    CHAMPS_SIMULER,
)

MOIS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
        "octobre", "novembre", "décembre")
# Monthly columns of `simuler`, in display order, with their French headings.
COLONNES = (
    ("salaire_brut", "Salaire brut"),
    ("cotisations_patronales", "Cotisations patronales"),
    ("reduction_generale", "Réduction générale"),
    ("cout_employeur", "Coût employeur"),
    ("aides", "Aides versées"),
    ("cout_net_aides", "Coût net des aides"),
    ("salaire_net", "Salaire net"),
)
LIBELLES = dict(COLONNES)
# Standard French abbreviations (short months are written in full).
MOIS_ABREGES = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.",
                "oct.", "nov.", "déc.")


# ---------------------------------------------------------------- formatting
def nombre(valeur: float, decimales: int = 2) -> str:
    """French number: narrow no-break space between thousands, decimal comma."""
    texte = f"{valeur:,.{decimales}f}"
    return texte.replace(",", "\u202f").replace(".", ",").replace("-", "−")


def euros(valeur: Any) -> str:
    if valeur is None:
        return "—"
    return nombre(float(valeur)) + "\u00a0€"


def date_longue(iso: str | None) -> str:
    """'2026-06-01' → '1er juin 2026'; '2026-06' → 'juin 2026'."""
    if not iso:
        return ""
    morceaux = str(iso).split("-")
    try:
        annee, mois = int(morceaux[0]), int(morceaux[1])
        if len(morceaux) == 2:
            return f"{MOIS[mois - 1]} {annee}"
        jour = int(morceaux[2][:2])
    except (ValueError, IndexError):
        return escape(str(iso))
    return f"{'1er' if jour == 1 else jour} {MOIS[mois - 1]} {annee}"


def mois_court(iso: str) -> str:
    annee, _, mois = str(iso).partition("-")
    try:
        return f"{MOIS_ABREGES[int(mois[:2]) - 1]}\u00a0{annee}"
    except (ValueError, IndexError):
        return str(iso)


def _valeur(cle: str, montant: Any, libelle: str | None = None, classe: str = "") -> str:
    """A summary figure: label, formatted amount, raw value for tests and scripts."""
    brut = "" if montant is None else repr(float(montant))
    classes = f"diese-chiffre {classe}".strip()
    return (
        f'<div class="{classes}" data-cle="{escape(cle)}">'
        f"<dt>{escape(libelle or LIBELLES.get(cle, cle))}</dt>"
        f'<dd data-valeur="{brut}">{euros(montant)}</dd></div>'
    )


def _lien(reference: Any) -> str:
    if not isinstance(reference, dict) or not reference.get("url"):
        return escape(str(reference.get("titre", ""))) if isinstance(reference, dict) else ""
    return (
        f'<a href="{escape(reference["url"])}" rel="noopener">'
        f'{escape(str(reference.get("titre") or reference["url"]))}</a>'
    )


def _texte(element: Any) -> str:
    if isinstance(element, dict):
        return str(element.get("message") or element.get("texte") or element)
    return str(element)


# ---------------------------------------------------------------- blocks
def avertissements(liste: list) -> str:
    if not liste:
        return ""
    items = "".join(f"<li>{escape(_texte(a))}</li>" for a in liste)
    return (
        '<div class="admonition warning diese-avertissements">'
        '<p class="admonition-title">À savoir</p>'
        f"<ul>{items}</ul></div>"
    )


AVERTISSEMENT_EMBAUCHE = ("Ce résultat est une <strong>estimation</strong> : il ne remplace ni le "
                          "bulletin de paie ni la réponse de l’organisme qui verse l’aide.")
AVERTISSEMENT_OETH = ("Ce résultat est une <strong>estimation</strong> : il ne remplace pas la "
                      "déclaration annuelle en DSN, qui fixe la contribution due.")


def mention_estimation(parametres_au: str | None, date_embauche: str | None = None,
                       avertissement: str = AVERTISSEMENT_EMBAUCHE) -> str:
    if parametres_au:
        quand = f"confirmés au <strong>{escape(date_longue(parametres_au))}</strong>"
    elif date_embauche:
        quand = f"en vigueur au <strong>{escape(date_longue(date_embauche))}</strong>"
    else:
        quand = "en vigueur à la date d’embauche"
    return (
        f'<p class="diese-mention" data-parametres-au="{escape(str(parametres_au or ""))}">'
        f"Paramètres légaux {quand}. {avertissement}</p>"
    )


# Axis text size in viewBox units: on a wide screen, and on a phone (set in the CSS, where the
# 640-unit chart is shrunk to about 360 px, so the text must be larger to stay legible).
POLICE_AXE, POLICE_AXE_ETROIT = 13, 22


def _largeur_texte(texte: str, police: float) -> float:
    """Rough width of a label in viewBox units (digits and lowercase ≈ 0.56 em)."""
    return len(texte) * police * 0.56


def etiquettes_x(positions: list[float], textes: list[str], police: float, droite: float,
                 parmi: list[int] | None = None) -> list[int]:
    """Indices of the month labels to draw without overlap: evenly spaced from the first month,
    and the last month always (a regular label too close to it is dropped). The last label is
    right-aligned on its point, so it stays inside the chart; the others are centred."""
    n = len(positions)
    candidats = parmi if parmi is not None else list(range(n))

    def intervalle(i: int) -> tuple[float, float]:
        w = _largeur_texte(textes[i], police)
        if i == n - 1:
            return min(positions[i], droite) - w, min(positions[i], droite)
        return positions[i] - w / 2, positions[i] + w / 2

    marge = police * 0.8

    def libres(choisis: list[int]) -> bool:
        bords = sorted(intervalle(i) for i in choisis)
        return all(g[1] + marge <= d[0] for g, d in zip(bords, bords[1:], strict=False))

    for pas in range(1, len(candidats) + 1):  # smallest regular step without overlap
        gardes = candidats[::pas]
        if libres(gardes):
            break
    dernier = candidats[-1]
    if dernier not in gardes:  # the last month always shows: drop labels too close to it
        while len(gardes) > 1 and not libres([*gardes, dernier]):
            gardes = gardes[:-1]
        gardes = [*gardes, dernier]
    return gardes


def graphique(mois: list[dict]) -> str:
    """SVG line chart: employer cost vs. cost net of aids, month by month."""
    if not mois:
        return ""
    largeur, hauteur, marge_g, marge_b, marge_h, marge_d = 640, 260, 76, 38, 12, 8
    series = [
        ("cout_employeur", "diese-graphique__cout"),
        ("cout_net_aides", "diese-graphique__net"),
    ]
    valeurs = [float(m.get(cle) or 0) for m in mois for cle, _ in series]
    haut = max(valeurs + [1.0])
    bas = min(valeurs + [0.0])
    etendue = (haut - bas) or 1.0
    n = len(mois)
    pas_x = (largeur - marge_g - marge_d) / max(n - 1, 1)

    def x(i: int) -> float:
        return marge_g + i * pas_x if n > 1 else marge_g + (largeur - marge_g) / 2

    def y(v: float) -> float:
        return marge_h + (haut - v) / etendue * (hauteur - marge_h - marge_b)

    graduations = []
    for k in range(5):
        v = bas + etendue * k / 4
        graduations.append(
            f'<line class="diese-graphique__grille" x1="{marge_g}" x2="{largeur}" '
            f'y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
            f'<text class="diese-graphique__axe" x="{marge_g - 6}" y="{y(v) + 5:.1f}" '
            f'text-anchor="end">{escape(nombre(v, 0))}</text>'
        )
    textes = [mois_court(m.get("mois", "")) for m in mois]
    positions = [x(i) for i in range(n)]
    larges = etiquettes_x(positions, textes, POLICE_AXE, largeur - 2)
    etroits = set(etiquettes_x(positions, textes, POLICE_AXE_ETROIT, largeur - 2, larges))
    etiquettes = []
    for i in larges:
        ancre = "end" if i == n - 1 and n > 1 else "middle"
        classe = "diese-graphique__axe" + ("" if i in etroits else
                                           " diese-graphique__axe--secondaire")
        etiquettes.append(
            f'<text class="{classe}" x="{min(x(i), largeur - 2):.1f}" y="{hauteur - 10}" '
            f'text-anchor="{ancre}">{escape(textes[i])}</text>'
        )
    traces = []
    for cle, classe in series:
        points = " ".join(f"{x(i):.1f},{y(float(m.get(cle) or 0)):.1f}" for i, m in enumerate(mois))
        traces.append(f'<polyline class="{classe}" points="{points}"/>')
        if n == 1:
            cy = y(float(mois[0].get(cle) or 0))
            traces.append(f'<circle class="{classe}" cx="{x(0):.1f}" cy="{cy:.1f}" r="4"/>')
    debut, fin = mois[0], mois[-1]
    description = (
        f"Coût employeur de {euros(debut.get('cout_employeur'))} à "
        f"{euros(fin.get('cout_employeur'))} par mois ; coût net des aides de "
        f"{euros(debut.get('cout_net_aides'))} à {euros(fin.get('cout_net_aides'))}. "
        "Les valeurs exactes figurent dans le tableau mois par mois."
    )
    return (
        '<figure class="diese-graphique">'
        f'<svg viewBox="0 0 {largeur} {hauteur}" role="img" aria-labelledby="diese-graphique-titre '
        'diese-graphique-desc" focusable="false">'
        '<title id="diese-graphique-titre">Coût mensuel, avant et après les aides</title>'
        f'<desc id="diese-graphique-desc">{escape(description)}</desc>'
        + "".join(graduations) + "".join(etiquettes) + "".join(traces)
        + "</svg>"
        '<figcaption><span class="diese-legende diese-legende--cout">Coût employeur</span> '
        '<span class="diese-legende diese-legende--net">Coût net des aides</span> '
        "(€ par mois)</figcaption></figure>"
    )


# Shown only when not zero throughout (most contracts have neither).
FACULTATIVES = (
    ("indemnite_fin_contrat", "Indemnité de fin de contrat", "salaire_brut"),
    ("autres_charges", "Autres charges", "reduction_generale"),
)


def colonnes(totaux: dict) -> list[tuple[str, str]]:
    """The monthly columns, with the optional ones inserted where they belong."""
    liste = list(COLONNES)
    for cle, titre, apres in FACULTATIVES:
        if float(totaux.get(cle) or 0):
            rang = [c for c, _ in liste].index(apres) + 1
            liste.insert(rang, (cle, titre))
    return liste


def _cellule(cle: str, montant: Any) -> str:
    return f'<td data-cle="{cle}" data-valeur="{float(montant or 0)!r}">{euros(montant)}</td>'


def tableau_mois(mois: list[dict], totaux: dict) -> str:
    cols = colonnes(totaux)
    entetes = "".join(f'<th scope="col">{escape(t)}</th>' for _, t in cols)
    lignes = []
    for ligne in mois:
        cellules = "".join(_cellule(c, ligne.get(c)) for c, _ in cols)
        lignes.append(
            f'<tr data-mois="{escape(str(ligne.get("mois", "")))}"><th scope="row">'
            f"{escape(mois_court(ligne.get('mois', '')))}</th>{cellules}</tr>"
        )
    total = "".join(_cellule(c, totaux.get(c)) for c, _ in cols)
    return (
        '<p class="diese-indice-defilement" aria-hidden="true">Faites défiler le tableau vers '
        "la droite pour voir toutes les colonnes →</p>"
        '<div class="diese-defilement" role="region" aria-labelledby="diese-titre-mois" '
        'tabindex="0">'
        '<table class="diese-tableau-mois">'
        '<caption id="diese-titre-mois">Montants de chaque mois, en euros</caption>'
        f'<thead><tr><th scope="col">Mois</th>{entetes}</tr></thead>'
        f"<tbody>{''.join(lignes)}</tbody>"
        f'<tfoot><tr class="diese-total"><th scope="row">Total</th>{total}</tr></tfoot>'
        "</table></div>" + notes_reduction(mois)
    )


def _coefficient(valeur: Any) -> str:
    return nombre(float(valeur), 4).rstrip("0").rstrip(",")


def notes_reduction(mois: list[dict]) -> str:
    """A plain note under the month table for each 1 January where the general reduction's
    coefficient changes: its rules are set per calendar year, so the amount jumps there."""
    notes = []
    for avant, apres in zip(mois, mois[1:], strict=False):
        debut = str(apres.get("mois", ""))
        if not debut.endswith("-01") or avant.get("coefficient_reduction") is None:
            continue
        if avant.get("coefficient_reduction") == apres.get("coefficient_reduction"):
            continue
        r_avant, r_apres = (float(m.get("reduction_generale") or 0) for m in (avant, apres))
        sens = "augmente" if r_apres > r_avant else "diminue"
        notes.append(
            f'<p class="diese-note-tableau" data-annee="{escape(debut[:4])}">'
            f"La réduction générale change au {escape(date_longue(debut + '-01'))} : elle "
            f"{sens} de {euros(r_avant)} en {escape(date_longue(str(avant.get('mois', ''))))} à "
            f"{euros(r_apres)} en {escape(date_longue(debut))} (coefficient "
            f"{_coefficient(avant.get('coefficient_reduction') or 0)} puis "
            f"{_coefficient(apres.get('coefficient_reduction') or 0)}). Ses règles, dont le SMIC "
            "de référence, sont fixées pour chaque année civile : le détail du calcul les "
            "donne.</p>"
        )
    return "".join(notes)


def _echeancier(echeances: Any) -> str:
    """Payments grouped into runs of equal consecutive amounts (12 × 500 €, not 12 lines)."""
    if not echeances:
        return ""
    series: list[list] = []  # [first month, last month, amount, count]
    for e in echeances:
        if not isinstance(e, dict):
            continue
        quand, montant = str(e.get("mois") or e.get("date") or ""), e.get("montant")
        if series and series[-1][2] == montant and _mois_suivant(series[-1][1]) == quand[:7]:
            series[-1][1] = quand[:7]
            series[-1][3] += 1
        else:
            series.append([quand[:7], quand[:7], montant, 1])
    items = []
    for debut, fin, montant, nombre_ in series:
        if nombre_ == 1:
            items.append(f"<li>{escape(date_longue(debut))} : {euros(montant)}</li>")
        else:
            items.append(
                f"<li>de {escape(date_longue(debut))} à {escape(date_longue(fin))} : "
                f"{nombre_} versements mensuels de {euros(montant)}</li>"
            )
    return f'<ul class="diese-echeancier">{"".join(items)}</ul>'


def _mois_suivant(mois: str) -> str:
    try:
        annee, numero = int(mois[:4]), int(mois[5:7])
    except ValueError:
        return ""
    return f"{annee + numero // 12}-{numero % 12 + 1:02d}"


def liste_aides(aides: list[dict]) -> str:
    if not aides:
        return '<p class="diese-aides-vide">Aucune aide à l\'embauche pour cette situation.</p>'
    blocs = []
    for aide in aides:
        echeances = aide.get("echeancier", aide.get("échéancier"))
        reference = _lien(aide.get("reference"))
        blocs.append(
            f'<li class="diese-aide" data-aide="{escape(str(aide.get("id", "")))}">'
            f'<p><strong>{escape(str(aide.get("nom", "")))}</strong> : '
            f'<span data-valeur="{float(aide.get("montant") or 0)!r}">'
            f"{euros(aide.get('montant'))}</span></p>"
            + (f"<p>{escape(str(aide['conditions']))}</p>" if aide.get("conditions") else "")
            + (f"<p>Échéancier :</p>{_echeancier(echeances)}" if echeances else "")
            + (f'<p class="diese-source">Source : {reference}</p>' if reference else "")
            + "</li>"
        )
    return f'<ul class="diese-aides">{"".join(blocs)}</ul>'


def _parametres(parametres: Any) -> str:
    if not parametres:
        return ""
    lignes = []
    for p in parametres:
        valeur = p.get("valeur_texte")
        if valeur is None:
            brute = p.get("valeur")
            valeur = (nombre(float(brute), 4).rstrip("0").rstrip(",")
                      if isinstance(brute, float | int) and not isinstance(brute, bool)
                      else str(brute))
        date = p.get("date_effet") or p.get("date") or ""
        note = (f'<br><span class="diese-note">{escape(str(p["note"]))}</span>'
                if p.get("note") else "")
        lignes.append(
            f'<tr data-parametre="{escape(str(p.get("id", "")))}">'
            f"<td>{escape(str(p.get('libelle') or p.get('id', '')))}{note}</td>"
            f"<td>{escape(str(valeur))}</td>"
            f"<td>{escape(date_longue(date)) if date else ''}</td>"
            f"<td>{_lien(p.get('source') or p.get('reference'))}</td></tr>"
        )
    return (
        '<div class="diese-defilement" role="region" aria-label="Paramètres utilisés" tabindex="0">'
        '<table class="diese-parametres"><thead><tr><th scope="col">Paramètre</th>'
        '<th scope="col">Valeur</th><th scope="col">En vigueur depuis</th>'
        f'<th scope="col">Source</th></tr></thead><tbody>{"".join(lignes)}</tbody></table></div>'
    )


def _cotisations(detail: dict) -> str:
    if not detail:
        return ""
    lignes = "".join(
        f'<tr><td>{escape(COTISATIONS.get(cle, cle.replace("_", " ")))}</td>'
        f'<td data-valeur="{float(v or 0)!r}">{euros(v)}</td></tr>'
        for cle, v in detail.items()
    )
    return (
        '<table class="diese-cotisations"><caption>Cotisations patronales du premier mois, '
        'une à une</caption><thead><tr><th scope="col">Cotisation</th>'
        f'<th scope="col">Montant</th></tr></thead><tbody>{lignes}</tbody></table>'
    )


COTISATIONS = {
    "maladie": "Assurance maladie", "vieillesse_plafonnee": "Vieillesse plafonnée",
    "vieillesse_deplafonnee": "Vieillesse déplafonnée", "famille": "Allocations familiales",
    "at_mp": "Accidents du travail (AT/MP)", "csa": "Contribution solidarité autonomie",
    "chomage": "Assurance chômage", "ags": "AGS (garantie des salaires)",
    "agirc_arrco": "Retraite complémentaire Agirc-Arrco", "ceg": "Contribution d’équilibre général",
    "cet": "Contribution d’équilibre technique", "fnal": "FNAL",
    "dialogue_social": "Contribution au dialogue social", "formation": "Formation professionnelle",
    "taxe_apprentissage": "Taxe d’apprentissage", "versement_mobilite": "Versement mobilité",
    "prevoyance": "Prévoyance", "mutuelle": "Mutuelle (part employeur)",
}


def detail_calcul(explications: Any, cotisations: dict | None = None) -> str:
    """The expandable « détail du calcul »: for each figure, its formula and parameters."""
    if not explications:
        return ""
    if isinstance(explications, dict):
        elements = [{"cle": k, **(v if isinstance(v, dict) else {"formule": v})}
                    for k, v in explications.items()]
    else:
        elements = list(explications)
    blocs = []
    for e in elements:
        cle = str(e.get("cle") or e.get("figure") or e.get("id") or "")
        titre = e.get("libelle") or e.get("titre") or LIBELLES.get(cle) or TITRES.get(cle, cle)
        formule = e.get("formule") or e.get("explication") or e.get("texte") or ""
        notes = "".join(f"<li>{escape(str(n))}</li>" for n in e.get("notes") or [])
        blocs.append(
            f'<section class="diese-explication" data-cle="{escape(cle)}">'
            f"<h4>{escape(str(titre))}</h4>"
            f"<p>{escape(str(formule))}</p>"
            + (f"<ul>{notes}</ul>" if notes else "")
            + (_cotisations(cotisations or {}) if cle == "cotisations_patronales" else "")
            + _parametres(e.get("parametres"))
            + "</section>"
        )
    return (
        '<details class="diese-detail"><summary>Détail du calcul</summary>'
        f"{''.join(blocs)}</details>"
    )


TITRES = {
    "contribution_actuelle": "Contribution annuelle actuelle",
    "contribution_apres_embauche": "Contribution après l’embauche d’un bénéficiaire",
    "economie": "Économie", "indemnite_fin_contrat": "Indemnité de fin de contrat",
    "valeurs_prolongees": "Valeurs reprises au-delà de leur dernière confirmation",
    "autres_charges": "Autres charges",
}


# ---------------------------------------------------------------- pages
def simulation(r: dict) -> str:
    mois, totaux = r.get("mois") or [], r.get("totaux") or {}
    n = len(mois)
    synthese = (
        _valeur("cout_employeur", totaux.get("cout_employeur"), f"Coût employeur sur {n} mois")
        + _valeur("aides", totaux.get("aides"), "Aides à l’embauche")
        + _valeur("cout_net_aides", totaux.get("cout_net_aides"), "Coût net des aides",
                  "diese-chiffre--fort")
        + _valeur("cout_mensuel_moyen",
                  (float(totaux.get("cout_net_aides") or 0) / n) if n else None,
                  "Coût net moyen par mois")
        + _valeur("salaire_net", totaux.get("salaire_net"), f"Salaire net sur {n} mois")
    )
    return (
        '<section class="diese-resultat" data-commande="simuler">'
        '<h2 id="resultat">Résultat</h2>'
        + mention_estimation(r.get("parametres_au"))
        + f'<dl class="diese-synthese">{synthese}</dl>'
        + avertissements(r.get("avertissements") or [])
        + graphique(mois)
        + '<h3 id="aides">Aides et calendrier de versement</h3>'
        + liste_aides(r.get("aides") or [])
        + '<h3 id="mois-par-mois">Mois par mois</h3>'
        + tableau_mois(mois, totaux)
        + detail_calcul(r.get("explications"),
                        mois[0].get("detail_cotisations") if mois else None)
        + "</section>"
    )


def _uniques(listes: list[list]) -> list:
    vus: list = []
    for liste in listes:
        for element in liste or []:
            if element not in vus:
                vus.append(element)
    return vus


PROLONGE = "Certaines valeurs légales"
# The engine's note when a contract's duration differs from the horizon: shown under the table.
DUREE_RETENUE = "Durée retenue pour ce contrat"
STAGE = "stage"


def avertissements_comparaison(eligibles: list[dict]) -> list[str]:
    """One list for all options: a warning shared by every option once, the others prefixed
    with their option; the « valeurs prolongées » sentence once. Durations that differ from the
    horizon are not repeated here: the table says them."""
    listes = [[_texte(a) for a in o.get("avertissements") or []
               if not _texte(a).startswith(DUREE_RETENUE)] for o in eligibles]
    # The sentence of the earliest confirmation date: the one the page's mention gives.
    prolonges = [a for _, a in sorted(
        (str(o.get("parametres_au") or "9999"), a)
        for o, liste in zip(eligibles, listes, strict=True) for a in liste if a.startswith(PROLONGE)
    )]
    communs = [a for a in _uniques(listes) if all(a in liste for liste in listes)]
    sortie = [a for a in communs if not a.startswith(PROLONGE)]
    for o, liste in zip(eligibles, listes, strict=True):
        nom = str(o.get("libelle") or o.get("contrat"))
        sortie += [f"{nom} : {a}" for a in liste if a not in communs and not a.startswith(PROLONGE)]
    return sortie + prolonges[:1]


def _stage(o: dict) -> str:
    """The trainee placement, outside the cost table: nothing is owed by the company."""
    refs = [r for r in o.get("references") or [] if isinstance(r, dict)]
    base = ""
    if refs:
        base = ('<p class="diese-source">Base légale : '
                + " ; ".join(_lien(r) for r in refs) + "</p>")
    texte = o.get("explication") or ("L’entreprise d’accueil ne verse ni salaire ni "
                                     "gratification et ne paie pas de cotisations.")
    return (
        f'<section class="diese-stage" data-contrat="{escape(str(o.get("contrat", "")))}">'
        f'<h3 id="stage">{escape(str(o.get("libelle") or "Stage"))} : aucun salaire à verser</h3>'
        f"<p>{escape(str(texte))}</p>{base}</section>"
    )


def _libelle(o: dict) -> str:
    return str(o.get("libelle") or o.get("contrat"))


def lien_detail(o: dict) -> str:
    """The « coût d’une embauche » page's own link (its URL mirrors its form) for this option:
    the comparison's inputs, the option's contract and duration."""
    situation = o.get("situation") or {}
    noms = [c["nom"] for c in CHAMPS_COMPARER_PROFIL + CHAMPS_COMPARER_EMPLOYEUR]
    valeurs = {n: situation.get(n) for n in noms if n in situation}
    valeurs.update(contrat=o.get("contrat"), duree_mois=o.get("duree_mois"))
    # Derived by the engine from the age (birthday on the hire date): the age says it already.
    if valeurs.get("age") is not None and _annees_avant(
            situation.get("date_embauche"), valeurs["age"]) == valeurs.get("date_naissance"):
        valeurs.pop("date_naissance")

    def texte(v: Any) -> str:
        if isinstance(v, bool):
            return "1" if v else "0"
        return str(int(v)) if isinstance(v, float) and v.is_integer() else str(v)

    # A field left at the form's default stays out of the link, as the page's own links do.
    defauts = {c["nom"]: c.get("defaut") for c in CHAMPS_SIMULER}
    gardes = [(n, v) for n, v in valeurs.items() if v is not None and (
        n in ("date_embauche", "contrat", "duree_mois") or v != defauts.get(n))]
    requete = urlencode([(n, texte(v)) for n, v in gardes])
    return f"../cout-embauche/?{requete}"


def _annees_avant(date_iso: Any, annees: Any) -> str | None:
    try:
        a, m, j = (int(x) for x in str(date_iso).split("-"))
        return f"{a - int(annees):04d}-{m:02d}-{j:02d}"
    except ValueError:
        return None


def _liens_detail(salaries: list[dict]) -> str:
    liens = " · ".join(
        f'<a href="{escape(lien_detail(o))}" data-contrat="{escape(str(o.get("contrat", "")))}">'
        f"{escape(_libelle(o))}</a>" for o in salaries)
    return ('<p class="diese-astuce">Le détail mois par mois de chaque option, dans le simulateur '
            f"« Coût d’une embauche » : {liens}.</p>")


def comparaison(r: Any) -> str:
    options = (r.get("options") if isinstance(r, dict) else r) or []
    eligibles = [o for o in options if o.get("eligible")]
    salaries = [o for o in eligibles if o.get("contrat") != STAGE]
    stages = [o for o in eligibles if o.get("contrat") == STAGE]
    exclues = [o for o in options if not o.get("eligible")]
    horizon = next((o.get("horizon_mois") for o in eligibles if o.get("horizon_mois")), None)
    situation = next((o.get("situation") for o in options if o.get("situation")), {}) or {}
    parametres_au = (r.get("parametres_au") if isinstance(r, dict) else None) or min(
        (o["parametres_au"] for o in options if o.get("parametres_au")), default=None
    )
    blocs = ['<section class="diese-resultat" data-commande="comparer">',
             '<h2 id="resultat">Résultat</h2>',
             mention_estimation(parametres_au, situation.get("date_embauche")),
             avertissements(avertissements_comparaison(salaries or eligibles))]
    if salaries:
        autres = [o for o in salaries if horizon and o.get("duree_mois") != horizon]

        def entete(o: dict) -> str:
            duree = ""
            if o in autres:
                duree = (f'<br><span class="diese-duree-differente">sur '
                         f'{escape(str(o.get("duree_mois")))} mois</span>')
            return (f'<th scope="col" data-contrat="{escape(str(o.get("contrat", "")))}">'
                    f"{escape(_libelle(o))}{duree}</th>")

        tete = "".join(entete(o) for o in salaries)

        def rangee(titre: str, cle: str, source: str = "totaux") -> str:
            cellules = []
            for o in salaries:
                v = o.get(cle) if source == "option" else (o.get("totaux") or {}).get(cle)
                brut = "" if v is None else repr(float(v))
                cellules.append(
                    f'<td data-contrat="{escape(str(o.get("contrat", "")))}" data-cle="{cle}" '
                    f'data-valeur="{brut}">{euros(v)}</td>'
                )
            return f'<tr><th scope="row">{escape(titre)}</th>{"".join(cellules)}</tr>'

        def texte(o: dict) -> str:
            aides = o.get("aides") or []
            if not aides:
                return '<td class="diese-texte">Aucune</td>'
            return '<td class="diese-texte">' + "<br>".join(
                f"{escape(str(a.get('nom', '')))} ({euros(a.get('montant'))})" for a in aides
            ) + "</td>"

        durees = "".join(
            f"<td>{escape(str(o.get('duree_mois', '')))} mois</td>" for o in salaries
        )
        duree = f"sur {horizon} mois" if horizon else "sur l’horizon commun"
        notes = "".join(
            f'<p class="diese-note-tableau" data-contrat="{escape(str(o.get("contrat", "")))}">'
            f"{escape(_libelle(o))} : totaux sur {escape(str(o.get('duree_mois')))} mois, car la "
            f"durée demandée ({escape(str(horizon))} mois) sort des durées permises pour ce "
            "contrat.</p>"
            for o in autres
        )
        blocs.append(
            '<p class="diese-indice-defilement" aria-hidden="true">Faites défiler le tableau '
            "vers la droite pour voir toutes les options →</p>"
            '<div class="diese-defilement" role="region" aria-labelledby="diese-titre-comparaison"'
            ' tabindex="0"><table class="diese-comparaison">'
            f'<caption id="diese-titre-comparaison">Options possibles, {escape(duree)}</caption>'
            f'<thead><tr><th scope="col">Option</th>{tete}</tr></thead><tbody>'
            + f'<tr><th scope="row">Durée retenue</th>{durees}</tr>'
            + rangee("Salaire brut mensuel", "salaire_brut_mensuel", "option")
            + rangee("Coût employeur", "cout_employeur")
            + rangee("Aides", "aides")
            + rangee("Coût net des aides", "cout_net_aides")
            + rangee("Coût net moyen par mois", "cout_mensuel_moyen", "option")
            + rangee("Salaire net versé", "salaire_net")
            + '<tr><th scope="row">Aides mobilisables</th>'
            + "".join(texte(o) for o in salaries) + "</tr>"
            + "</tbody></table></div>"
            + notes
            + _liens_detail(salaries)
        )
    elif not stages:
        blocs.append("<p>Aucune option n’est ouverte pour ce profil et cet employeur.</p>")
    blocs += [_stage(o) for o in stages]
    if exclues:
        items = "".join(
            f'<li data-contrat="{escape(str(o.get("contrat", "")))}"><strong>'
            f"{escape(_libelle(o))}</strong> : "
            f"{escape(str(o.get('raison') or 'non éligible'))}</li>"
            for o in exclues
        )
        blocs.append(f'<h3 id="non-eligibles">Options non ouvertes</h3><ul>{items}</ul>')
    blocs.append("</section>")
    return "".join(blocs)


def oeth(r: dict) -> str:
    chiffres = "".join(
        _valeur(cle, r.get(cle), libelle, classe)
        for cle, libelle, classe in (
            ("contribution_actuelle", "Contribution annuelle actuelle", ""),
            ("contribution_apres_embauche", "Après l’embauche d’un bénéficiaire", ""),
            ("economie", "Économie annuelle", "diese-chiffre--fort"),
        )
    )
    if r.get("assujetti") is False:
        constat = ("<p>L’entreprise compte moins de 20 salariés : elle n’est pas soumise à "
                   "l’obligation d’emploi, il n’y a pas de contribution.</p>")
    else:
        constat = (
            f"<p>Obligation : <strong>{escape(str(r.get('obligation', '')))}</strong> "
            f"bénéficiaire{'s' if (r.get('obligation') or 0) >= 2 else ''} ; unités manquantes : "
            f"<strong>{escape(nombre(float(r.get('unites_manquantes') or 0), 2))}</strong> ; "
            f"multiplicateur : {escape(str(r.get('multiplicateur', '')))} × SMIC horaire "
            f"({euros(r.get('smic_horaire'))}).</p>"
        )
    return (
        '<section class="diese-resultat" data-commande="oeth">'
        '<h2 id="resultat">Résultat</h2>'
        + mention_estimation(r.get("parametres_au"), avertissement=AVERTISSEMENT_OETH)
        + f'<dl class="diese-synthese">{chiffres}</dl>'
        + constat
        + avertissements(r.get("avertissements") or [])
        + detail_calcul(r.get("explications"))
        + "</section>"
    )


RENDUS = {"simuler": simulation, "comparer": comparaison, "oeth": oeth}


def rendre(commande: str, resultat: Any) -> str:
    return RENDUS[commande](resultat)


def annonce(commande: str, r: Any) -> str:
    """One sentence for the polite live region (the full result is not read aloud)."""
    if commande == "simuler":
        t = r.get("totaux") or {}
        return (
            f"Résultat mis à jour : coût net des aides {euros(t.get('cout_net_aides'))} "
            f"sur {len(r.get('mois') or [])} mois, dont {euros(t.get('aides'))} d’aides."
        )
    if commande == "comparer":
        options = r.get("options") if isinstance(r, dict) else r
        n = sum(1 for o in options or [] if o.get("eligible"))
        pluriel = "s" if n > 1 else ""
        return f"Comparaison mise à jour : {n} option{pluriel} possible{pluriel}."
    return (
        "Résultat mis à jour : contribution annuelle "
        f"{euros(r.get('contribution_actuelle'))}, économie {euros(r.get('economie'))}."
    )
