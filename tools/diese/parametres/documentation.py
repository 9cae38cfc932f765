"""HTML tables for the page « Données et méthode de calcul », rendered from the compiled
parameters and the engine's field metadata (so no number is copied into prose)."""

from __future__ import annotations

from html import escape

from diese.simulation.champs import champs_simuler
from diese.simulation.parametres import Parametre, tous
from diese.simulation.textes import date_fr, valeur_texte

FAMILLES = {
    "smic": "SMIC et durée du travail",
    "pss": "Plafond de la sécurité sociale",
    "cotisations": "Cotisations et contributions",
    "reduction_generale": "Réduction générale des cotisations patronales",
    "cdd": "CDD",
    "seuils": "Seuils d’effectif et plafond d’assiette",
    "apprentissage": "Contrat d’apprentissage",
    "professionnalisation": "Contrat de professionnalisation",
    "emploi_franc": "Emploi franc",
    "oeth": "Obligation d’emploi des travailleurs handicapés (OETH)",
    "stage": "Stage de formation et PMSMP",
    "stage_etudiant": "Stage d’étudiant (gratification)",
    "heures_supplementaires": "Heures supplémentaires",
    "temps_partiel": "Temps partiel",
    "travail": "Âge d’admission et durées maximales du travail",
}
# Material's own wrappers: the table keeps the theme's style and scrolls sideways on a phone.
_ENVELOPPE = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
# The parameter tables are long lists of rates: kept out of the search index, which every page
# downloads (the page's headings and text still lead there).
_ENVELOPPE_HORS_RECHERCHE = (
    '<div class="md-typeset__scrollwrap" data-search-exclude><div class="md-typeset__table">'
)
# On a phone the theme makes each table scroll sideways: it takes the keyboard focus so that the
# scrolling works without a mouse (WCAG 2.1.1, axe « scrollable-region-focusable »).
_TABLE = '<table tabindex="0">'
STATUTS = {
    "verifie": "vérifié",
    "desaccord": "sources en désaccord",
    "non_verifie": "non vérifié",
}
# Values shown per parameter: the last four, and at least every value in force since this day
# (the ones that must carry their evidence).
DEBUT_PREUVES = "2024-01-01"


def premier_rang_prouve(p: Parametre) -> int:
    """Index of the first value that must carry evidence: the one in force on DEBUT_PREUVES
    (or the first value, when the parameter starts later)."""
    return max(p.rang(DEBUT_PREUVES), 0)


def _preuves(p: Parametre, rang: int) -> str:
    """The evidence of one dated value, folded: each excerpt quoted, its linked page and the day
    it was read; « non vérifié » stays visible beside the value itself."""
    marque = ""
    if p.statut_valeur(rang) == "non_verifie":
        marque = ' <strong class="diese-non-verifie">non vérifié</strong>'
    preuves = p.preuves(rang)
    if not preuves:
        return marque
    citations = "".join(
        f'<blockquote><p>{escape(pr["extrait"])}</p></blockquote><p><a href="{escape(pr["url"])}">'
        f'{escape(pr["titre"])}</a>, consulté le {escape(date_fr(pr["consulte_le"]))}</p>'
        for pr in preuves)
    # Screen readers hear which value the proof is for (the summaries look alike on screen).
    pour = (f'<span class="diese-masque"> de la valeur du {escape(date_fr(p.dates[rang]))} '
            f"({escape(p.libelle)})</span>")
    return (f"{marque}<details class=\"diese-preuve\"><summary>Preuve"
            f"{'s' if len(preuves) > 1 else ''}{pour}</summary>{citations}</details>")


def _ligne(p: Parametre) -> str:
    debut = max(0, min(len(p.dates) - 4, premier_rang_prouve(p)))
    valeurs = "".join(
        f"<li>{escape(date_fr(p.dates[i]))}\u00a0: {valeur_texte(p.valeurs[i], p.unite)}"
        f"{_preuves(p, i)}</li>"
        for i in range(debut, len(p.dates)))
    sources = "".join(f'<li><a href="{escape(r["url"])}">{escape(r["titre"])}</a></li>'
                      for r in p.references)
    note = f" {escape(p.note)}" if p.note else ""
    verification = (f"<strong>{escape(STATUTS[p.statut].capitalize())}</strong>, confirmé "
                    f"jusqu’au {escape(date_fr(p.derniere_date_confirmee))}.{note} Contrôlé "
                    f"dans\u00a0: {escape(' ; '.join(p.sources))}.")
    return (f"<tr><td><strong>{escape(p.libelle[:1].upper() + p.libelle[1:])}</strong><br>"
            f"<code>{escape(p.ident)}</code></td><td><ul>{valeurs}</ul></td>"
            f"<td><ul>{sources}</ul><small>{verification}</small></td></tr>")


def tableau_parametres() -> str:
    params = tous()
    blocs = []
    for famille, titre in FAMILLES.items():
        lignes = [_ligne(p) for i, p in sorted(params.items()) if i.split(".")[0] == famille]
        if not lignes:
            continue
        blocs.append(
            f"<h3>{escape(titre)}</h3>{_ENVELOPPE_HORS_RECHERCHE}{_TABLE}"
            '<thead><tr><th scope="col">Paramètre</th><th scope="col">Valeurs, par date '
            'd\'effet</th><th scope="col">Sources et vérification</th></tr></thead><tbody>'
            + "".join(lignes) + "</tbody></table></div></div>")
    manquants = {i.split(".")[0] for i in params} - set(FAMILLES)
    if manquants:
        raise RuntimeError(f"famille de paramètres sans titre : {sorted(manquants)}")
    return "\n".join(blocs)


def _defaut(champ: dict) -> str:
    valeur = champ["defaut"]
    if champ["nom"] == "date_embauche":
        return "aujourd’hui"
    if valeur is None:
        return "—"
    if isinstance(valeur, bool):
        return "oui" if valeur else "non"
    return str(valeur).replace(".", ",")


def tableau_champs() -> str:
    lignes = []
    for c in champs_simuler():
        bornes = {"date": "date AAAA-MM-JJ", "booleen": "oui ou non"}.get(c["type"], "")
        if c["min"] is not None and c["max"] is not None:
            bornes = f"{c['min']} à {c['max']}".replace(".", ",")
            if c["type"] == "date":
                bornes = f"du {date_fr(c['min'])} au {date_fr(c['max'])}"
        if c["choix"]:
            bornes = ", ".join(str(ch["valeur"]) for ch in c["choix"])
        unite = f" ({c['unite']})" if c["unite"] else ""
        lignes.append(
            f"<tr><td>{escape(c['libelle'])}{escape(unite)}<br><code>{escape(c['nom'])}</code>"
            f"</td><td>{escape(_defaut(c))}</td><td>{escape(bornes)}</td>"
            f"<td>{escape(c['aide'])}</td></tr>")
    return (f'{_ENVELOPPE}{_TABLE}<thead><tr><th scope="col">Champ et clé</th>'
            '<th scope="col">Par défaut</th><th scope="col">Valeurs permises</th>'
            '<th scope="col">Aide</th></tr></thead><tbody>'
            + "".join(lignes) + "</tbody></table></div></div>")


def non_verifies() -> list[Parametre]:
    return [p for _, p in sorted(tous().items()) if p.statut != "verifie"]


def liste_non_verifies() -> str:
    return "<ul>" + "".join(
        f"<li><strong>{escape(p.libelle)}</strong> ({escape(STATUTS[p.statut])})\u00a0: "
        f"{escape(p.note)}</li>" for p in non_verifies()) + "</ul>"


def phrase_date_des_parametres() -> str:
    """One sentence for pages outside the simulators (« À propos »): up to which date most
    parameters are confirmed, and how many stop earlier."""
    dates = [p.derniere_date_confirmee for p in tous().values()]
    courante = max(set(dates), key=dates.count)
    plus_tot = sum(1 for d in dates if d < courante)
    phrase = (
        f"Paramètres juridiques des simulateurs : {len(dates)} paramètres datés et sourcés, "
        f"en vigueur au {date_fr(courante)} pour {dates.count(courante)} d’entre eux"
    )
    if plus_tot:
        phrase += (
            f" ; {plus_tot} n’ont été confirmés qu’à une date antérieure, et toute simulation "
            "qui les prolonge le signale"
        )
    return phrase + "."
