"""Build time: the simulator widget of a page — the form made from the engine's field metadata
(`diese.simulation.champs`), the default situation computed by the engine and pre-rendered by
`rendu`, and the data attributes the page script needs to start Pyodide.

The default hire date is the first day of the month after the build date
(`DIESE_DATE_REFERENCE=AAAA-MM-JJ` pins the build date, for tests and reproducible builds); the
page script moves it to the month after the reader's own today, and the pre-rendered figures
say which date they assume. Questions that do not matter for the situation (`visible_si` in the
field metadata) are rendered hidden and left out of the engine input.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from html import escape
from typing import Any

from diese.simulateurs import rendu, roue
from diese.simulation import champs as champs_moteur
from diese.simulation.api import executer
from diese.simulation.textes import date_fr


@dataclass(frozen=True)
class Groupe:
    cle: str | None  # key of the sub-object in the engine input (comparer: profil/employeur)
    legende: str
    champs: list[dict]


AVANCES = "Précisions facultatives"
# How the many `simuler` fields are laid out (fieldsets only: the engine input stays flat).
DISPOSITION_SIMULER = (
    ("Le contrat", ("date_embauche", "contrat", "duree_mois", "salaire_connu",
                    "salaire_brut_mensuel", "salaire_net_mensuel", "cout_mensuel",
                    "heures_hebdo")),
    ("La personne embauchée", ("age", "niveau_diplome", "rqth", "demandeur_emploi",
                               "residence_qpv", "beneficiaire_rsa")),
    ("L’entreprise", ("effectif", "ratio_alternants", "engagement_alternance")),
    (AVANCES, (
        "date_naissance", "demandeur_emploi_depuis_mois", "taux_at_mp",
        "mutuelle_part_employeur", "taux_versement_mobilite")),
)


def _disposer(champs: list[dict]) -> list[Groupe]:
    par_nom = {c["nom"]: c for c in champs}
    groupes_ = [Groupe(None, legende, [par_nom[n] for n in noms if n in par_nom])
                for legende, noms in DISPOSITION_SIMULER]
    places = {n for _, noms in DISPOSITION_SIMULER for n in noms}
    autres = [c for c in champs if c["nom"] not in places]  # a field the engine added later
    if autres:
        groupes_.append(Groupe(None, "Autres paramètres", autres))
    return [g for g in groupes_ if g.champs]


def groupes(commande: str) -> list[Groupe]:
    if commande == "simuler":
        return _disposer(champs_moteur.CHAMPS_SIMULER)
    if commande == "comparer":
        return [
            Groupe("profil", "Le candidat", champs_moteur.CHAMPS_COMPARER_PROFIL),
            Groupe("employeur", "L’employeur", champs_moteur.CHAMPS_COMPARER_EMPLOYEUR),
        ]
    if commande == "oeth":
        return [Groupe(None, "L’employeur", champs_moteur.CHAMPS_OETH)]
    raise RuntimeError(f"Simulateur inconnu : « {commande} » (simuler, comparer ou oeth)")


def date_reference() -> dt.date:
    valeur = os.environ.get("DIESE_DATE_REFERENCE")
    if not valeur:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(valeur)
    except ValueError as exc:
        raise RuntimeError(f"DIESE_DATE_REFERENCE={valeur!r} : date AAAA-MM-JJ attendue") from exc


def premier_du_mois_suivant(jour: dt.date) -> dt.date:
    return dt.date(jour.year + jour.month // 12, jour.month % 12 + 1, 1)


def date_par_defaut(champ: dict, aujourdhui: dt.date) -> str:
    """A hire is planned ahead: the first day of next month, within the field's bounds."""
    jour = premier_du_mois_suivant(aujourdhui).isoformat()
    if champ.get("max") and jour > champ["max"]:
        return champ["max"]
    return max(jour, champ.get("min") or jour)


def defaut(champ: dict, aujourdhui: dt.date) -> Any:
    """The field's default; « today » (hire date, year) is the build's reference date."""
    valeur = champ.get("defaut")
    if valeur is not None and champ.get("type") == "date":
        return date_par_defaut(champ, aujourdhui)
    if champ["nom"] == "annee" and valeur is not None:
        return aujourdhui.year
    return valeur


def valeurs_par_defaut(commande: str, aujourdhui: dt.date) -> dict[str, Any]:
    return {c["nom"]: defaut(c, aujourdhui) for g in groupes(commande) for c in g.champs}


def _tient(condition: Any, v: Any) -> bool:
    if isinstance(condition, list):
        return str(v).lower() in {str(a).lower() for a in condition}
    if "min" in condition and not (isinstance(v, int | float) and v >= condition["min"]):
        return False
    return "avant" not in condition or (isinstance(v, str) and v < condition["avant"])


def visible(champ: dict, valeurs: dict[str, Any], champs: dict[str, dict]) -> bool:
    """Whether a question matters (the page script applies the same rule as the reader types):
    one of the `visible_si` rules holds, each of its entries holding; a field absent from the
    form does not restrict, a hidden one fails."""
    regles = champ.get("visible_si")
    if not regles:
        return True
    for regle in regles if isinstance(regles, list) else [regles]:
        if all(nom not in champs or (visible(champs[nom], valeurs, champs)
                                     and _tient(condition, valeurs.get(nom)))
               for nom, condition in regle.items()):
            return True
    return False


def situation_par_defaut(commande: str, aujourdhui: dt.date) -> dict:
    """The engine input the page pre-renders: every shown field's default (empty ones left
    out)."""
    valeurs = valeurs_par_defaut(commande, aujourdhui)
    tous = {c["nom"]: c for g in groupes(commande) for c in g.champs}
    entree: dict = {}
    for groupe in groupes(commande):
        cible = entree.setdefault(groupe.cle, {}) if groupe.cle else entree
        for champ in groupe.champs:
            valeur = valeurs[champ["nom"]]
            if valeur is not None and valeur != "" and visible(champ, valeurs, tous):
                cible[champ["nom"]] = valeur
    return entree


def _nombre_html(valeur: Any) -> str:
    return "" if valeur is None else (str(valeur) if not isinstance(valeur, float) or
                                      not valeur.is_integer() else str(int(valeur)))


def champ_html(champ: dict, valeur: Any, prefixe: str, montre: bool = True) -> str:
    nom = str(champ["nom"])
    ident = f"{prefixe}{nom}"
    type_ = champ.get("type", "decimal")
    unite = champ.get("unite")
    libelle = escape(str(champ.get("libelle") or nom))
    if unite and f"({unite})" not in libelle:
        libelle += f' <span class="diese-sim-champ__unite">({escape(str(unite))})</span>'
    decrit = []
    aide = ""
    if champ.get("aide"):
        decrit.append(f"aide-{ident}")
        texte_aide = escape(str(champ["aide"]))
        aide = f'<p class="diese-sim-champ__aide" id="aide-{ident}">{texte_aide}</p>'
    erreur = f'<p class="diese-sim-champ__erreur" id="erreur-{ident}" hidden></p>'
    communs = (
        f'id="{ident}" name="{escape(nom)}" data-type="{escape(type_)}"'
        + (f' aria-describedby="{" ".join(decrit)}"' if decrit else "")
    )
    if champ.get("defaut_selon"):  # a default that follows another answer (page script)
        regle = json.dumps(champ["defaut_selon"], ensure_ascii=False, separators=(",", ":"))
        communs += f' data-defaut-selon="{escape(regle)}"'

    # When the question matters: the rule for the page script, and its state at the defaults.
    condition = ""
    if champ.get("visible_si"):
        regle = json.dumps(champ["visible_si"], ensure_ascii=False, separators=(",", ":"))
        condition = f' data-visible-si="{escape(regle)}"' + ("" if montre else " hidden")
    if type_ == "booleen":
        coche = " checked" if valeur else ""
        return (
            f'<div class="diese-sim-champ diese-sim-champ--case" data-champ="{escape(nom)}"'
            f"{condition}>"
            f'<input type="checkbox" value="1" {communs}{coche}>'
            f'<label for="{ident}">{libelle}</label>{aide}{erreur}</div>'
        )
    if type_ == "choix":
        options = "".join(
            f'<option value="{escape(str(c["valeur"]))}"'
            f'{" selected" if str(c["valeur"]) == str(valeur) else ""}>'
            f'{escape(str(c.get("libelle") or c["valeur"]))}</option>'
            for c in champ.get("choix") or []
        )
        numerique = all(isinstance(c["valeur"], int | float) for c in champ.get("choix") or [])
        controle = f"<select {communs}{' data-nombre' if numerique else ''}>{options}</select>"
    elif type_ == "date":
        controle = f'<input type="date" {communs} value="{escape(str(valeur or ""))}">'
    else:
        # A text field, not type=number: French users type « 1 500,50 € », which a number
        # field turns into 150050 or rejects; the page script and the engine read it.
        mode = "numeric" if type_ == "entier" else "decimal"
        controle = (
            f'<input type="text" inputmode="{mode}" autocomplete="off" spellcheck="false" '
            f'{communs} value="{escape(_nombre_html(valeur))}">'
        )
    return (
        f'<div class="diese-sim-champ" data-champ="{escape(nom)}"{condition}>'
        f'<label for="{ident}">{libelle}</label>{controle}{aide}{erreur}</div>'
    )


def formulaire_html(commande: str, aujourdhui: dt.date) -> str:
    blocs = []
    valeurs = valeurs_par_defaut(commande, aujourdhui)
    tous = {c["nom"]: c for g in groupes(commande) for c in g.champs}
    for groupe in groupes(commande):
        prefixe = f"champ-{groupe.cle}-" if groupe.cle else "champ-"
        champs = "".join(
            champ_html(c, valeurs[c["nom"]], prefixe, visible(c, valeurs, tous))
            for c in groupe.champs
        )
        groupe_attr = f' data-groupe="{escape(groupe.cle)}"' if groupe.cle else ""
        bloc = (
            f'<fieldset class="diese-sim-groupe"{groupe_attr}>'
            f"<legend>{escape(groupe.legende)}</legend>"
            f"{champs}</fieldset>"
        )
        if groupe.legende == AVANCES:  # rarely needed: folded, opened by the script if used
            bloc = (
                '<details class="diese-avances"><summary>Précisions facultatives (date de '
                "naissance, taux AT/MP, mutuelle, versement mobilité…)</summary>"
                f"{bloc}</details>"
            )
        blocs.append(bloc)
    return (
        '<form class="diese-sim-formulaire" novalidate>'
        '<div class="diese-sim-formulaire__erreur" id="erreur-formulaire" hidden></div>'
        + "".join(blocs)
        + '<div class="diese-sim-formulaire__actions">'
        '<button type="submit" class="md-button md-button--primary">Calculer</button>'
        '<button type="button" class="md-button" data-action="imprimer" hidden>'
        "Imprimer la simulation</button>"
        '<button type="button" class="md-button" data-action="copier-lien" hidden>'
        "Copier le lien de cette simulation</button>"
        + (IMPRIMER_MOIS if commande == "simuler" else "")
        + "</div></form>"
        # The situation in one paragraph, written by the page script for the printed page.
        + '<p class="diese-sim-resume" hidden></p>'
    )


# Printing: the answer fits one page; the month table is a second page when asked for (CSS).
IMPRIMER_MOIS = (
    '<label class="diese-sim-imprimer-mois"><input type="checkbox" '
    'data-option="imprimer-mois"> Imprimer aussi le tableau mois par mois</label>'
)


def _date_supposee(entree: dict) -> str:
    """« (embauche le 1er janvier 2027) »: the date the pre-rendered figures assume."""
    jour = entree.get("date_embauche") or (entree.get("employeur") or {}).get("date_embauche")
    return f" (embauche le {escape(date_fr(jour))})" if jour else ""


def widget(commande: str, racine_site: str) -> str:
    """The whole widget; `racine_site` is the relative URL of the site root from the page."""
    aujourdhui = date_reference()
    entree = situation_par_defaut(commande, aujourdhui)
    sortie = json.loads(executer(commande, json.dumps(entree, ensure_ascii=False)))
    if not sortie.get("ok"):
        raise RuntimeError(
            f"La situation par défaut de « {commande} » est refusée par le moteur : "
            f"{sortie.get('erreurs')}"
        )
    resultat = rendu.rendre(commande, sortie["resultat"])
    en_bref = rendu.apercu(sortie["resultat"]) if commande == "simuler" else ""
    nom_roue = roue.construire().nom
    attributs = {
        "class": "diese-simulateur",
        "id": "simulateur",
        "data-commande": commande,
        "data-etat": "prerendu",
        "data-date-reference": aujourdhui.isoformat(),
        "data-worker": f"{racine_site}assets/javascripts/diese-pyodide-worker.js",
        "data-roue": f"{racine_site}assets/wheels/{nom_roue}",
    }
    attrs = " ".join(f'{k}="{escape(v)}"' for k, v in attributs.items())
    # The engine's downloads start from here, before the page's own scripts have arrived.
    amorce = (f'<script async src="{escape(racine_site)}assets/javascripts/diese-moteur-amorce.js"'
              f' data-worker="{escape(attributs["data-worker"])}"'
              f' data-roue="{escape(attributs["data-roue"])}"></script>')
    return (
        # Out of the search index: figures and form labels are no answer to a search, and every
        # page downloads that index (Material's search loads it at once).
        f"<div {attrs} data-diese-pyodide data-search-exclude>" + amorce
        # The answer first, above the form (the detail follows it): a link to the result.
        + (f'<p class="diese-simulateur__apercu"><a href="#resultat">'
           f'<span class="diese-simulateur__apercu-texte">{escape(en_bref)}</span> '
           "<span>— voir le détail</span></a></p>" if en_bref else "")
        + formulaire_html(commande, aujourdhui)
        + '<p class="diese-simulateur__etat" role="status">'
        "Résultat calculé à la publication du site pour la situation par défaut"
        + _date_supposee(entree)
        + ". "
        '<span class="diese-sans-js">Activez JavaScript pour modifier la simulation.</span></p>'
        '<div class="diese-simulateur__annonce" aria-live="polite"></div>'
        # Figures of one example situation: not what a search should find (and heavy to index).
        f'<div class="diese-simulateur__resultat" data-search-exclude>{resultat}</div>'
        "</div>"
    )
