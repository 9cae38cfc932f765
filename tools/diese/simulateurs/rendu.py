"""Results of the engine as HTML: one renderer for the build (pre-rendered default situation,
visible without JavaScript) and for the browser (the Pyodide worker calls the same functions).

It reads the `en_dict()` form of the typed result (`diese.simulation.resultat`) by its fixed keys:
every label, warning and explanation comes from the engine, numbers and dates are written by the
one French formatter (`diese.simulation.textes`).

Standard library only: this module ships in the wheel. Every value from the engine is escaped.
Each figure carries its raw value in `data-valeur` (tests compare it with CPython's result).
"""

from __future__ import annotations

import math
from html import escape
from typing import Any
from urllib.parse import urlencode

from diese.simulation.champs import (
    CHAMPS_COMPARER_EMPLOYEUR,
    CHAMPS_COMPARER_PROFIL,
    CHAMPS_SIMULER,
)
from diese.simulation.parametres import cache_lie
from diese.simulation.textes import accorder, euros, mois_court, nombre, nombre_court
from diese.simulation.textes import date_fr as date_longue
from diese.simulation.urls import url_relative


def _valeur(cle: str, montant: Any, libelle: str, classe: str = "") -> str:
    """A summary figure: label, formatted amount, raw value for tests and scripts."""
    brut = "" if montant is None else repr(float(montant))
    classes = f"diese-chiffre {classe}".strip()
    return (
        f'<div class="{classes}" data-cle="{escape(cle)}">'
        f"<dt>{escape(libelle)}</dt>"
        f'<dd data-valeur="{brut}">{euros(montant)}</dd></div>'
    )


def _lien(reference: dict) -> str:
    """A source {titre, url}: its title, linked when it has an address."""
    if not reference.get("url"):
        return escape(reference["titre"])
    return f'<a href="{escape(reference["url"])}" rel="noopener">{escape(reference["titre"])}</a>'


# ---------------------------------------------------------------- blocks
def avertissements(liste: list[dict]) -> str:
    """The « À savoir » box: each warning {code, niveau, texte}, its level as a class."""
    if not liste:
        return ""
    items = "".join(
        f'<li class="diese-avertissement--{escape(a["niveau"])}" data-code="{escape(a["code"])}">'
        f'{escape(a["texte"])}</li>' for a in liste)
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


def graduations(bas: float, haut: float, cible: int = 4) -> list[float]:
    """Round ticks covering [bas, haut]: a step of 1, 2, 2.5 or 5 × 10^k giving at most
    `cible` intervals (0 / 250 / 500 / 750…, never 208 / 416 / 623)."""
    bas, haut = min(bas, 0.0), max(haut, bas + 1.0)
    brut = (haut - bas) / cible
    puissance = 10 ** math.floor(math.log10(brut))
    pas = next(m * puissance for m in (1, 2, 2.5, 5, 10) if m * puissance >= brut - 1e-9)
    debut = math.floor(bas / pas + 1e-9) * pas
    fin = math.ceil(haut / pas - 1e-9) * pas
    return [debut + k * pas for k in range(round((fin - debut) / pas) + 1)]


# The two lines: key, CSS class, marker (a circle, a square): told apart without colour.
SERIES = (("cout_employeur", "diese-graphique__cout", "rond"),
          ("cout_net_aides", "diese-graphique__net", "carre"))


def _repere(forme: str, classe: str, x: float, y: float, taille: float | None = None) -> str:
    """A marker; where the lines meet, the larger circle still shows around the square."""
    taille = taille or (6.5 if forme == "rond" else 4)
    if forme == "rond":
        return f'<circle class="{classe}" cx="{x:.1f}" cy="{y:.1f}" r="{taille:g}"/>'
    return (f'<rect class="{classe}" x="{x - taille:.1f}" y="{y - taille:.1f}" '
            f'width="{2 * taille:g}" height="{2 * taille:g}"/>')


def _echantillon(forme: str, classe: str) -> str:
    """The legend's sample: a bit of the line with its marker (hidden from screen readers)."""
    return (f'<svg class="diese-legende__echantillon" viewBox="0 0 36 12" width="36" height="12" '
            f'aria-hidden="true" focusable="false"><polyline class="{classe}" '
            f'points="2,6 34,6"/>{_repere(forme, classe, 18, 6, 4.5)}</svg>')


def graphique(mois: list[dict], libelles: dict[str, str]) -> str:
    """SVG line chart: employer cost vs. cost net of aids, month by month. Round ticks; each line
    has its own marker and dash, and the legend shows them."""
    if not mois:
        return ""
    # The top margin leaves room for the highest tick's label at the phone's larger font.
    largeur, hauteur, marge_g, marge_b, marge_h, marge_d = 640, 260, 76, 38, 22, 8
    # No aid: both lines would be one; draw the cost alone and say so in the legend.
    series = SERIES if any(m["aides"] for m in mois) else SERIES[:1]
    valeurs = [float(m[cle]) for m in mois for cle, _, _ in series]
    ticks = graduations(min(valeurs), max(valeurs))
    bas, haut = ticks[0], ticks[-1]
    etendue = (haut - bas) or 1.0
    n = len(mois)
    pas_x = (largeur - marge_g - marge_d) / max(n - 1, 1)

    def x(i: int) -> float:
        return marge_g + i * pas_x if n > 1 else marge_g + (largeur - marge_g) / 2

    def y(v: float) -> float:
        return marge_h + (haut - v) / etendue * (hauteur - marge_h - marge_b)

    lignes = []
    for v in ticks:
        lignes.append(
            f'<line class="diese-graphique__grille" x1="{marge_g}" x2="{largeur}" '
            f'y1="{y(v):.1f}" y2="{y(v):.1f}"/>'
            f'<text class="diese-graphique__axe" x="{marge_g - 6}" y="{y(v) + 5:.1f}" '
            f'text-anchor="end">{escape(nombre(v, 0))}</text>'
        )
    textes = [mois_court(m["mois"]) for m in mois]
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
    reperes = sorted(etroits)  # markers where a month label shows, even on a phone
    for cle, classe, forme in series:
        points = " ".join(f"{x(i):.1f},{y(float(m[cle])):.1f}" for i, m in enumerate(mois))
        traces.append(f'<polyline class="{classe}" points="{points}"/>')
        traces += [_repere(forme, classe, x(i), y(float(mois[i][cle]))) for i in reperes]
    debut, fin = mois[0], mois[-1]
    cout, net = libelles["cout_employeur"], libelles["cout_net_aides"]
    description = (
        f"{cout} de {euros(debut['cout_employeur'])} à {euros(fin['cout_employeur'])} par mois ; "
        f"{net.lower()} de {euros(debut['cout_net_aides'])} à {euros(fin['cout_net_aides'])}. "
        "Les valeurs exactes figurent dans le tableau mois par mois."
    )
    legende = " ".join(
        f'<span class="diese-legende diese-legende--{"cout" if forme == "rond" else "net"}">'
        f"{_echantillon(forme, classe)} {escape(libelles[cle])}</span>"
        for cle, classe, forme in series)
    if len(series) == 1:
        legende += f" (sans aide, égal au {escape(net.lower())})"
    return (
        '<figure class="diese-graphique">'
        f'<svg viewBox="0 0 {largeur} {hauteur}" role="img" aria-labelledby="diese-graphique-titre '
        'diese-graphique-desc" focusable="false">'
        '<title id="diese-graphique-titre">Coût mensuel, avant et après les aides</title>'
        f'<desc id="diese-graphique-desc">{escape(description)}</desc>'
        + "".join(lignes) + "".join(etiquettes) + "".join(traces)
        + "</svg>"
        f"<figcaption>{legende} (€ par mois)</figcaption></figure>"
    )


def colonnes(r: dict) -> list[tuple[str, str]]:
    """The month table's columns and their labels, as the engine lists them."""
    return [(f["cle"], f["libelle"]) for f in r["figures"]]


def _cellule(cle: str, montant: Any) -> str:
    return f'<td data-cle="{cle}" data-valeur="{float(montant or 0)!r}">{euros(montant)}</td>'


def tableau_mois(r: dict) -> str:
    mois, totaux = r["mois"], r["totaux"]
    cols = colonnes(r)
    entetes = "".join(f'<th scope="col">{escape(t)}</th>' for _, t in cols)
    lignes = []
    for ligne in mois:
        cellules = "".join(_cellule(c, ligne[c]) for c, _ in cols)
        lignes.append(
            f'<tr data-mois="{escape(ligne["mois"])}"><th scope="row">'
            f"{escape(mois_court(ligne['mois']))}</th>{cellules}</tr>"
        )
    total = "".join(_cellule(c, totaux[c]) for c, _ in cols)
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


def notes_reduction(mois: list[dict]) -> str:
    """A plain note under the month table for each 1 January where the general reduction's
    coefficient changes: its rules are set per calendar year, so the amount jumps there."""
    notes = []
    for avant, apres in zip(mois, mois[1:], strict=False):
        debut = apres["mois"]
        if not debut.endswith("-01"):
            continue
        if avant["coefficient_reduction"] == apres["coefficient_reduction"]:
            continue
        r_avant, r_apres = avant["reduction_generale"], apres["reduction_generale"]
        sens = "augmente" if r_apres > r_avant else "diminue"
        notes.append(
            f'<p class="diese-note-tableau" data-annee="{escape(debut[:4])}">'
            f"La réduction générale change au {escape(date_longue(debut + '-01'))} : elle "
            f"{sens} de {euros(r_avant)} en {escape(date_longue(avant['mois']))} à "
            f"{euros(r_apres)} en {escape(date_longue(debut))} (coefficient "
            f"{nombre_court(avant['coefficient_reduction'])} puis "
            f"{nombre_court(apres['coefficient_reduction'])}). Ses règles, dont le SMIC "
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
        quand, montant = e["mois"], e["montant"]
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
        return '<p class="diese-aides-vide">Aucune aide à l’embauche pour cette situation.</p>'
    blocs = []
    for aide in aides:
        echeances = aide["echeancier"]
        reference = _lien(aide["reference"])
        blocs.append(
            f'<li class="diese-aide" data-aide="{escape(aide["id"])}">'
            f'<p><strong>{escape(aide["nom"])}</strong> : '
            f'<span data-valeur="{float(aide["montant"])!r}">'
            f"{euros(aide['montant'])}</span></p>"
            + (f"<p>{escape(aide['conditions'])}</p>" if aide["conditions"] else "")
            + (f"<p>Échéancier :</p>{_echeancier(echeances)}" if echeances else "")
            + (f'<p class="diese-source">Source : {reference}</p>' if reference else "")
            + "</li>"
        )
    return f'<ul class="diese-aides">{"".join(blocs)}</ul>'


NON_VERIFIEE = "valeur non vérifiée"


def _ligne_parametre(p: dict) -> str:
    """A parameter's row depends only on the value read (its label, note and source are the
    parameter's): written once per value for the parameters loaded, not at every keystroke."""
    lignes = cache_lie("lignes_parametres")
    cle = (p["id"], p["date_effet"], p["statut"], p["valeur_texte"])
    ligne = lignes.get(cle)
    if ligne is None:
        note = (f'<br><span class="diese-note">{escape(p["note"])}</span>'
                if p.get("note") else "")
        mention = ("" if p["statut"] != "non_verifie" else
                   f' <strong class="diese-non-verifie">({NON_VERIFIEE})</strong>')
        ligne = lignes[cle] = (
            f'<tr data-parametre="{escape(p["id"])}" data-statut="{escape(p["statut"])}">'
            f"<td>{escape(p['libelle'])}{note}</td>"
            f"<td>{escape(p['valeur_texte'])}{mention}</td>"
            f"<td>{escape(date_longue(p['date_effet']))}</td>"
            f"<td>{_lien(p['source'])}</td></tr>"
        )
    return ligne


def _parametres(parametres: list[dict]) -> str:
    if not parametres:
        return ""
    lignes = [_ligne_parametre(p) for p in parametres]
    return (
        '<div class="diese-defilement" role="region" aria-label="Paramètres utilisés" tabindex="0">'
        '<table class="diese-parametres"><thead><tr><th scope="col">Paramètre</th>'
        '<th scope="col">Valeur</th><th scope="col">En vigueur depuis</th>'
        f'<th scope="col">Source</th></tr></thead><tbody>{"".join(lignes)}</tbody></table></div>'
    )


def _lignes(e: dict) -> str:
    """The figure's detail table (the first month's employer contributions, one by one)."""
    if not e["lignes"]:
        return ""
    lignes = "".join(
        f'<tr data-cle="{escape(x["cle"])}"><td>{escape(x["libelle"])}</td>'
        f'<td data-valeur="{float(x["montant"])!r}">{euros(x["montant"])}</td></tr>'
        for x in e["lignes"]
    )
    return (
        '<table class="diese-cotisations"><caption>Cotisations patronales du premier mois, '
        'une à une</caption><thead><tr><th scope="col">Cotisation</th>'
        f'<th scope="col">Montant</th></tr></thead><tbody>{lignes}</tbody></table>'
    )


def non_verifiees(e: dict, nommer: bool = False) -> str:
    """Beside a figure: the values it used that our sources could not confirm."""
    noms = e["valeurs_non_verifiees"]
    if not noms:
        return ""
    quoi = f"{escape(e['libelle'])} : " if nommer else ""
    return (f'<p class="diese-non-verifie" data-cle="{escape(e["cle"])}">{quoi}'
            f"<strong>{NON_VERIFIEE}</strong> ({escape(', '.join(noms))}).</p>")


def detail_calcul(explications: dict) -> str:
    """The expandable « détail du calcul »: for each figure, its formula and parameters."""
    if not explications:
        return ""
    blocs = []
    for cle, e in explications.items():
        notes = "".join(f"<li>{escape(n)}</li>" for n in e["notes"])
        blocs.append(
            f'<section class="diese-explication" data-cle="{escape(cle)}">'
            f"<h4>{escape(e['libelle'])}</h4>"
            f"<p>{escape(e['formule'])}</p>"
            + non_verifiees(e)
            + (f"<ul>{notes}</ul>" if notes else "")
            + _lignes(e)
            + _parametres(e["parametres"])
            + "</section>"
        )
    return (
        '<details class="diese-detail"><summary>Détail du calcul</summary>'
        f"{''.join(blocs)}</details>"
    )


# ---------------------------------------------------------------- pages
def apercu(r: dict) -> str:
    """The first year's answer in a few words, for the line above the form (« ≈ 401 € par mois
    après aides »): the first figure is on screen before any scrolling."""
    annees = r.get("annees") or []
    if not annees:
        return ""
    texte = annees[0]["texte"].split(" (", 1)[0]
    if len(annees) > 1:
        texte += " la 1re année"
    return texte[:1].upper() + texte[1:]


def reponse(r: dict) -> str:
    """The one-line answer first: per month, cost, aid and what remains, year by year."""
    annees = r["annees"]
    if not annees:
        return ""
    if len(annees) == 1:
        texte = annees[0]["texte"]
        return (f'<p class="diese-reponse" data-annee="1"><strong>'
                f"{escape(texte[:1].upper() + texte[1:])}</strong></p>")
    items = "".join(
        f'<li data-annee="{a["rang"]}"><span>{escape(a["periode"])} :</span> '
        f"<strong>{escape(a['texte'])}</strong></li>" for a in annees)
    return f'<ul class="diese-reponse">{items}</ul>'


def _figures_non_verifiees(r: dict) -> str:
    """Under the summary: each figure that used a value our sources could not confirm."""
    explications = r["explications"]
    blocs = [non_verifiees(e, nommer=True) for e in explications.values()]
    return "".join(blocs)


def simulation(r: dict) -> str:
    mois, totaux = r["mois"], r["totaux"]
    n = len(mois)
    libelles = dict(colonnes(r))
    synthese = (
        _valeur("cout_employeur", totaux["cout_employeur"],
                f"{libelles['cout_employeur']} sur {n} mois")
        + _valeur("aides", totaux["aides"], f"{libelles['aides']} sur {n} mois")
        + _valeur("cout_net_aides", totaux["cout_net_aides"],
                  f"{libelles['cout_net_aides']} sur {n} mois", "diese-chiffre--fort")
        + _valeur("salaire_net", totaux["salaire_net"], f"{libelles['salaire_net']} sur {n} mois")
    )
    return (
        '<section class="diese-resultat" data-commande="simuler">'
        '<h2 id="resultat">Résultat</h2>'
        + reponse(r)
        + mention_estimation(r["parametres_au"])
        + f'<dl class="diese-synthese">{synthese}</dl>'
        + _figures_non_verifiees(r)
        + avertissements(r["avertissements"])
        + graphique(mois, libelles)
        + '<h3 id="aides">Aides et calendrier de versement</h3>'
        + liste_aides(r["aides"])
        + '<h3 id="mois-par-mois">Mois par mois</h3>'
        + tableau_mois(r)
        + detail_calcul(r["explications"])
        + "</section>"
    )


def _uniques(listes: list[list]) -> list:
    vus: list = []
    for liste in listes:
        for element in liste or []:
            if element not in vus:
                vus.append(element)
    return vus


STAGE = "stage"
PROLONGE = "valeurs_prolongees"
# The engine's note when a contract's duration differs from the horizon: the table says it.
DUREE_RETENUE = "duree_retenue"


def avertissements_comparaison(eligibles: list[dict]) -> list[dict]:
    """One list for all options: a warning shared by every option once, the others prefixed
    with their option; the « valeurs prolongées » sentence once (the earliest date's)."""
    listes = [[a for a in o["avertissements"] if a["code"] != DUREE_RETENUE] for o in eligibles]
    prolonges = [a for _, _, a in sorted(
        (str(o["parametres_au"] or "9999"), k, a)
        for k, (o, liste) in enumerate(zip(eligibles, listes, strict=True))
        for a in liste if a["code"] == PROLONGE
    )]
    communs = [a for a in _uniques(listes) if all(a in liste for liste in listes)]
    sortie = [a for a in communs if a["code"] != PROLONGE]
    for o, liste in zip(eligibles, listes, strict=True):
        sortie += [{**a, "texte": f"{o['libelle']} : {a['texte']}"} for a in liste
                   if a not in communs and a["code"] != PROLONGE]
    return sortie + prolonges[:1]


def _stage(o: dict) -> str:
    """The trainee placement, outside the cost table: nothing is owed by the company."""
    base = ""
    if o["references"]:
        base = ('<p class="diese-source">Base légale : '
                + " ; ".join(_lien(r) for r in o["references"]) + "</p>")
    return (
        f'<section class="diese-stage" data-contrat="{escape(o["contrat"])}">'
        f'<h3 id="stage">{escape(o["libelle"])} : aucun salaire à verser</h3>'
        f"<p>{escape(o['explication'])}</p>{base}</section>"
    )


def _libelle(o: dict) -> str:
    return o["libelle"]


PAGE_COMPARER, PAGE_COUT = "outils/comparer/", "outils/cout-embauche/"


def lien_detail(o: dict) -> str:
    """The « coût d’une embauche » page's own link (its URL mirrors its form) for this option:
    the comparison's inputs, the option's contract and duration."""
    situation = o["situation"] or {}
    noms = [c["nom"] for c in CHAMPS_COMPARER_PROFIL + CHAMPS_COMPARER_EMPLOYEUR]
    valeurs = {n: situation.get(n) for n in noms if n in situation}
    valeurs.update(contrat=o["contrat"], duree_mois=o["duree_mois"])
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
    return f"{url_relative(PAGE_COUT, PAGE_COMPARER)}?{requete}"


def _annees_avant(date_iso: Any, annees: Any) -> str | None:
    try:
        a, m, j = (int(x) for x in str(date_iso).split("-"))
        return f"{a - int(annees):04d}-{m:02d}-{j:02d}"
    except ValueError:
        return None


def _liens_detail(salaries: list[dict]) -> str:
    liens = " · ".join(
        f'<a href="{escape(lien_detail(o))}" data-contrat="{escape(o["contrat"])}">'
        f"{escape(_libelle(o))}</a>" for o in salaries)
    return ('<p class="diese-astuce">Le détail mois par mois de chaque option, dans le simulateur '
            f"« Coût d’une embauche » : {liens}.</p>")


def comparaison(r: Any) -> str:
    options = r  # the engine's list of options, one per contract
    eligibles = [o for o in options if o["eligible"]]
    salaries = [o for o in eligibles if o["contrat"] != STAGE]
    stages = [o for o in eligibles if o["contrat"] == STAGE]
    exclues = [o for o in options if not o["eligible"]]
    horizon = options[0]["horizon_mois"] if options else None
    situation = next((o["situation"] for o in options if o["situation"]), {})
    parametres_au = min((o["parametres_au"] for o in options if o["parametres_au"]),
                        default=None)
    blocs = ['<section class="diese-resultat" data-commande="comparer">',
             '<h2 id="resultat">Résultat</h2>',
             mention_estimation(parametres_au, situation.get("date_embauche")),
             avertissements(avertissements_comparaison(salaries or eligibles))]
    if salaries:
        autres = [o for o in salaries if horizon and o["duree_mois"] != horizon]

        def entete(o: dict) -> str:
            duree = ""
            if o in autres:
                duree = (f'<br><span class="diese-duree-differente">sur '
                         f'{escape(str(o["duree_mois"]))} mois</span>')
            return (f'<th scope="col" data-contrat="{escape(o["contrat"])}">'
                    f"{escape(_libelle(o))}{duree}</th>")

        tete = "".join(entete(o) for o in salaries)

        def rangee(titre: str, cle: str, source: str = "totaux") -> str:
            cellules = []
            for o in salaries:
                v = o[cle] if source == "option" else o["totaux"][cle]
                brut = "" if v is None else repr(float(v))
                cellules.append(
                    f'<td data-contrat="{escape(o["contrat"])}" data-cle="{cle}" '
                    f'data-valeur="{brut}">{euros(v)}</td>'
                )
            return f'<tr><th scope="row">{escape(titre)}</th>{"".join(cellules)}</tr>'

        def texte(o: dict) -> str:
            aides = o["aides"]
            if not aides:
                return '<td class="diese-texte">Aucune</td>'
            return '<td class="diese-texte">' + "<br>".join(
                f"{escape(a['nom'])} ({euros(a['montant'])})" for a in aides
            ) + "</td>"

        durees = "".join(
            f"<td>{escape(str(o['duree_mois']))} mois</td>" for o in salaries
        )
        duree = f"sur {horizon} mois" if horizon else "sur l’horizon commun"
        notes = "".join(
            f'<p class="diese-note-tableau" data-contrat="{escape(o["contrat"])}">'
            f"{escape(_libelle(o))} : totaux sur {escape(str(o['duree_mois']))} mois, car la "
            f"durée demandée ({escape(str(horizon))} mois) sort des durées permises pour ce "
            "contrat.</p>"
            for o in autres
        )
        notes += "".join(
            f'<p class="diese-non-verifie" data-contrat="{escape(o["contrat"])}">'
            f"{escape(_libelle(o))} : <strong>{NON_VERIFIEE}</strong> "
            f"({escape(', '.join(o['valeurs_non_verifiees']))}).</p>"
            for o in salaries if o["valeurs_non_verifiees"]
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
            # simul-form: one plain line per option on what makes it cost more or less.
            + '<tr class="diese-pourquoi"><th scope="row">Ce qui fait la différence</th>'
            + "".join(f'<td class="diese-texte">{escape(str(o.get("pourquoi") or ""))}</td>'
                      for o in salaries) + "</tr>"
            + "</tbody></table></div>"
            + notes
            + _liens_detail(salaries)
        )
    elif not stages:
        blocs.append("<p>Aucune option n’est ouverte pour ce profil et cet employeur.</p>")
    blocs += [_stage(o) for o in stages]
    if exclues:
        items = "".join(
            f'<li data-contrat="{escape(o["contrat"])}"><strong>'
            f"{escape(_libelle(o))}</strong> : "
            f"{escape(o['raison'] or 'non éligible')}</li>"
            for o in exclues
        )
        blocs.append(f'<h3 id="non-eligibles">Options non ouvertes</h3><ul>{items}</ul>')
    blocs.append("</section>")
    return "".join(blocs)


def oeth(r: dict) -> str:
    chiffres = "".join(
        _valeur(cle, r[cle], r["libelles"][cle], classe)
        for cle, classe in (("contribution_actuelle", ""), ("contribution_apres_embauche", ""),
                            ("economie", "diese-chiffre--fort"))
    )
    if not r["assujetti"]:  # the engine's sentence says why there is no contribution
        constat = f"<p>{escape(r['explications']['contribution_actuelle']['formule'])}</p>"
    else:
        constat = (
            f"<p>Obligation : <strong>{escape(accorder(r['obligation'], 'bénéficiaire'))}"
            "</strong> ; unités manquantes : "
            f"<strong>{escape(nombre_court(float(r['unites_manquantes']), 2))}</strong> ; "
            f"multiplicateur : {escape(nombre(r['multiplicateur'], 0))} × SMIC horaire "
            f"({euros(r['smic_horaire'])}).</p>"
        )
    return (
        '<section class="diese-resultat" data-commande="oeth">'
        '<h2 id="resultat">Résultat</h2>'
        + mention_estimation(r["parametres_au"], avertissement=AVERTISSEMENT_OETH)
        + f'<dl class="diese-synthese">{chiffres}</dl>'
        + constat
        + avertissements(r["avertissements"])
        + detail_calcul(r["explications"])
        + "</section>"
    )


RENDUS = {"simuler": simulation, "comparer": comparaison, "oeth": oeth}


def rendre(commande: str, resultat: Any) -> str:
    return RENDUS[commande](resultat)


def annonce(commande: str, r: Any) -> str:
    """One sentence for the polite live region (the full result is not read aloud)."""
    if commande == "simuler":
        return f"Résultat mis à jour : {r['annees'][0]['texte']}."
    if commande == "comparer":
        n = sum(1 for o in r if o["eligible"])
        pluriel = "s" if n > 1 else ""
        return f"Comparaison mise à jour : {n} option{pluriel} possible{pluriel}."
    return (
        "Résultat mis à jour : contribution annuelle "
        f"{euros(r['contribution_actuelle'])}, économie {euros(r['economie'])}."
    )
