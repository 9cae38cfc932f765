"""The explained result: the one typed contract between the engine and its readers.

The engine (`simuler`, `comparer`, `calculer_oeth`) builds these objects; the renderer
(`diese.simulateurs.rendu`), the command line and the JSON bridge (`api.executer`) read their
`en_dict()` form, whose keys are fixed here and nowhere else. Every text a user sees is French
and written by the engine (labels included): a reader never guesses a key nor keeps its own
label table.

    Resultat        mois, totaux, figures (columns with labels), annees (one-line answer),
                    aides, avertissements, explications, parametres_au, situation
    Option          one contract of `comparer` (eligible or not, with its reason)
    ResultatOETH    the annual OETH contribution, now and after one hire
    Avertissement   {code, niveau: info|attention|erreur, texte}
    Explication     one figure: label, formula, notes, the parameters its computation read
    ParametreLu     one dated value read: value, date of effect, reference, evidence, statut
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .parametres import Parametre, cache_lie, tous
from .textes import arrondi, euros_ronds, mois_court, ordinal, valeur_texte

NIVEAUX = ("info", "attention", "erreur")

# The figures of a simulation, in display order, with the one French label each has.
FIGURES = {
    "salaire_brut": "Salaire brut",
    "indemnite_fin_contrat": "Indemnité de fin de contrat",
    "cotisations_patronales": "Cotisations patronales",
    "reduction_generale": "Réduction générale",
    "deduction_heures_supplementaires": "Déduction heures supplémentaires",
    "autres_charges": "Autres charges",
    "cout_employeur": "Coût employeur",
    "aides": "Aides versées",
    "cout_net_aides": "Coût net des aides",
    "salaire_net": "Salaire net",
}
# Shown only when not zero over the whole simulation (most contracts have neither).
FACULTATIVES = ("indemnite_fin_contrat", "deduction_heures_supplementaires", "autres_charges")
# Titles of the explanations that are not columns of the month table.
TITRES = {
    "aides": "Aides à l’embauche",
    "valeurs_prolongees": "Valeurs reprises au-delà de leur dernière confirmation",
    "contribution_actuelle": "Contribution annuelle actuelle",
    "contribution_apres_embauche": "Contribution après l’embauche d’un bénéficiaire",
}


def titre(cle: str) -> str:
    return TITRES.get(cle) or FIGURES[cle]


@dataclass(slots=True)
class Avertissement:
    code: str  # stable identifier, e.g. "valeurs_prolongees", "salaire_releve"
    niveau: str  # one of NIVEAUX
    texte: str  # one French sentence (or a few)

    def __post_init__(self) -> None:
        if self.niveau not in NIVEAUX:
            raise ValueError(f"niveau inconnu : {self.niveau}")

    def en_dict(self) -> dict:
        return {"code": self.code, "niveau": self.niveau, "texte": self.texte}


def avertissement(element: Avertissement | str, code: str = "general",
                  niveau: str = "attention") -> Avertissement:
    """A warning from a module that still produces plain sentences (code given by the caller)."""
    if isinstance(element, Avertissement):
        return element
    return Avertissement(code, niveau, str(element))


@dataclass(slots=True, frozen=True)
class ParametreLu:
    """One dated value a computation read."""

    id: str
    libelle: str
    valeur: Any
    valeur_texte: str
    unite: str
    date_effet: str | None
    source: dict  # {titre, url}: the value's own reference, else the parameter's
    preuves: list[dict]  # [{titre, url, extrait, consulte_le}]
    statut: str  # this value's statut: verifie | non_verifie | desaccord
    confirme_jusqu_au: str
    note: str = ""  # what the user may be told (never a maintainer note)

    @property
    def verifie(self) -> bool:
        # « desaccord »: the reference models disagree, but the value carries its evidence.
        return self.statut != "non_verifie"

    def en_dict(self) -> dict:
        d = {"id": self.id, "libelle": self.libelle, "valeur": self.valeur,
             "valeur_texte": self.valeur_texte, "unite": self.unite,
             "date_effet": self.date_effet, "source": self.source, "preuves": self.preuves,
             "statut": self.statut, "confirme_jusqu_au": self.confirme_jusqu_au}
        if self.note:
            d["note"] = self.note
        return d


def parametre_lu(ident: str, rang: int) -> ParametreLu:
    """One description per (parameter, value): a result lists the same ones at every keystroke."""
    lus = cache_lie("parametres_lus")
    lu = lus.get((ident, rang))
    if lu is None:
        lu = lus[(ident, rang)] = _decrire(tous()[ident], ident, rang)
    return lu


def _decrire(p: Parametre, ident: str, rang: int) -> ParametreLu:
    val = p.valeurs[rang] if rang >= 0 else None
    return ParametreLu(
        id=ident, libelle=p.libelle, valeur=val, valeur_texte=valeur_texte(val, p.unite),
        unite=p.unite, date_effet=p.dates[rang] if rang >= 0 else None, source=p.source(rang),
        preuves=p.preuves(rang), statut=p.statut_valeur(rang),
        confirme_jusqu_au=p.derniere_date_confirmee, note=p.note_publique())


def parametres_lus(lus) -> list[ParametreLu]:
    """The values read, abolished ones (null) left out, sorted by identifier and date."""
    params = tous()
    sortie = [parametre_lu(i, r) for i, r in lus if r >= 0 and params[i].valeurs[r] is not None]
    sortie.sort(key=lambda e: (e.id, e.date_effet or ""))
    return sortie


@dataclass(slots=True)
class Ligne:
    """One labelled amount (e.g. one employer contribution of the first month)."""

    cle: str
    libelle: str
    montant: float

    def en_dict(self) -> dict:
        return {"cle": self.cle, "libelle": self.libelle, "montant": self.montant}


@dataclass(slots=True)
class Explication:
    cle: str
    libelle: str
    formule: str
    notes: list[str] = field(default_factory=list)
    parametres: list[ParametreLu] = field(default_factory=list)
    lignes: list[Ligne] = field(default_factory=list)  # detail table, when the figure has one
    references: list[dict] = field(default_factory=list)  # legal basis, when not a parameter

    @property
    def valeurs_non_verifiees(self) -> list[str]:
        """Labels of the values this figure used that our sources could not confirm."""
        return [p.libelle for p in self.parametres if not p.verifie]

    def en_dict(self) -> dict:
        return {"cle": self.cle, "libelle": self.libelle, "formule": self.formule,
                "notes": list(self.notes), "parametres": [p.en_dict() for p in self.parametres],
                "valeurs_non_verifiees": self.valeurs_non_verifiees,
                "lignes": [x.en_dict() for x in self.lignes], "references": self.references}


@dataclass(slots=True)
class Echeance:
    mois: str  # YYYY-MM
    montant: float

    def en_dict(self) -> dict:
        return {"mois": self.mois, "montant": self.montant}


@dataclass(slots=True)
class Aide:
    id: str
    nom: str
    montant: float  # total paid over the simulation
    montant_annuel: float
    echeancier: list[Echeance]
    conditions: str
    reference: dict  # {titre, url}

    def en_dict(self) -> dict:
        return {"id": self.id, "nom": self.nom, "montant": self.montant,
                "montant_annuel": self.montant_annuel,
                "echeancier": [e.en_dict() for e in self.echeancier],
                "conditions": self.conditions, "reference": self.reference}


@dataclass(slots=True)
class Figure:
    """A column of the month table: its key in each month and its French label."""

    cle: str
    libelle: str

    def en_dict(self) -> dict:
        return {"cle": self.cle, "libelle": self.libelle}


@dataclass(slots=True)
class Annee:
    """One year of the contract (the last may be shorter), as monthly averages: the one-line
    answer « coût, aides, reste par mois »."""

    rang: int  # 1 for the first year of the contract
    debut: str  # YYYY-MM
    fin: str  # YYYY-MM
    nombre_de_mois: int
    cout_employeur: float  # per month
    aides: float  # per month
    cout_net_aides: float  # per month

    def periode(self) -> str:
        """« 1re année (sept. 2026 – août 2027) »."""
        nom = f"{ordinal(self.rang)} année"
        if self.debut == self.fin:
            return f"{nom} ({mois_court(self.debut)})"
        return f"{nom} ({mois_court(self.debut)} – {mois_court(self.fin)})"

    def texte(self) -> str:
        """The one-line answer: « ≈ 415 € par mois après aides (coût employeur ≈ 1 915 €,
        aides ≈ 1 500 € par mois) »."""
        if not self.aides and not self.cout_employeur:
            return "rien à payer"
        if not self.aides:
            return f"≈ {euros_ronds(self.cout_employeur)} par mois (aucune aide)"
        return (f"≈ {euros_ronds(self.cout_net_aides)} par mois après aides (coût employeur "
                f"≈ {euros_ronds(self.cout_employeur)}, aides ≈ {euros_ronds(self.aides)} par "
                "mois)")

    def en_dict(self) -> dict:
        return {"rang": self.rang, "debut": self.debut, "fin": self.fin,
                "nombre_de_mois": self.nombre_de_mois, "cout_employeur": self.cout_employeur,
                "aides": self.aides, "cout_net_aides": self.cout_net_aides,
                "periode": self.periode(), "texte": self.texte()}


@dataclass(slots=True)
class Resultat:
    mois: list[dict]  # one row per month: "mois", "debut", every key of FIGURES, …
    totaux: dict  # every key of FIGURES, "nombre_de_mois"
    figures: list[Figure]
    annees: list[Annee]
    aides: list[Aide]
    avertissements: list[Avertissement]
    explications: dict[str, Explication]  # in display order
    parametres_au: str
    situation: dict

    @property
    def valeurs_non_verifiees(self) -> list[str]:
        """Every unconfirmed value any figure used, once each."""
        return list(dict.fromkeys(n for e in self.explications.values()
                                  for n in e.valeurs_non_verifiees))

    def en_dict(self) -> dict[str, Any]:
        return {
            "mois": self.mois,
            "totaux": self.totaux,
            "figures": [f.en_dict() for f in self.figures],
            "annees": [a.en_dict() for a in self.annees],
            "aides": [a.en_dict() for a in self.aides],
            "avertissements": [a.en_dict() for a in self.avertissements],
            "explications": {c: e.en_dict() for c, e in self.explications.items()},
            "parametres_au": self.parametres_au,
            "situation": self.situation,
        }


def figures(totaux: dict) -> list[Figure]:
    """The month table's columns: optional ones only when not zero throughout."""
    return [Figure(c, lib) for c, lib in FIGURES.items()
            if c not in FACULTATIVES or float(totaux.get(c) or 0)]


def annees(mois: list[dict]) -> list[Annee]:
    """Monthly averages per year of contract (12 months each, the last may be shorter)."""
    sortie = []
    for k in range(0, len(mois), 12):
        bloc = mois[k:k + 12]
        n = len(bloc)

        def moyenne(cle: str, bloc=bloc, n=n) -> float:
            return arrondi(sum(m[cle] for m in bloc) / n)

        sortie.append(Annee(k // 12 + 1, bloc[0]["mois"], bloc[-1]["mois"], n,
                            moyenne("cout_employeur"), moyenne("aides"),
                            moyenne("cout_net_aides")))
    return sortie


@dataclass(slots=True)
class Option:
    """One contract of `comparer`."""

    contrat: str
    libelle: str
    horizon_mois: int
    eligible: bool = False
    raison: str | None = None
    duree_mois: int = 0
    totaux: dict | None = None
    aides: list[Aide] = field(default_factory=list)
    salaire_brut_mensuel: float | None = None
    cout_mensuel_moyen: float | None = None
    avertissements: list[Avertissement] = field(default_factory=list)
    situation: dict | None = None
    parametres_au: str | None = None
    # Trainee placement only: what the host company owes (nothing) and the legal basis.
    explication: str | None = None
    references: list[dict] = field(default_factory=list)
    # Labels of the values our sources could not confirm, that this option's figures used.
    valeurs_non_verifiees: list[str] = field(default_factory=list)
    # Aids this candidate would have had, closed on the hire date: {id, nom, ferme_depuis,
    # raison} (filled by `comparer` once the aids engine lists them).
    aides_fermees: list[dict] = field(default_factory=list)
    # One plain line: what makes this option cost more or less than the others.
    pourquoi: str | None = None

    def en_dict(self) -> dict:
        return {"contrat": self.contrat, "libelle": self.libelle, "eligible": self.eligible,
                "raison": self.raison, "horizon_mois": self.horizon_mois,
                "duree_mois": self.duree_mois, "totaux": self.totaux,
                "aides": [a.en_dict() for a in self.aides],
                "salaire_brut_mensuel": self.salaire_brut_mensuel,
                "cout_mensuel_moyen": self.cout_mensuel_moyen,
                "avertissements": [a.en_dict() for a in self.avertissements],
                "situation": self.situation, "parametres_au": self.parametres_au,
                "explication": self.explication, "references": self.references,
                "valeurs_non_verifiees": self.valeurs_non_verifiees,
                "aides_fermees": self.aides_fermees, "pourquoi": self.pourquoi}


@dataclass(slots=True)
class ResultatOETH:
    annee: int
    effectif: float
    beneficiaires: float
    assujetti: bool
    obligation: int
    unites_manquantes: float
    multiplicateur: int
    multiplicateur_apres_embauche: int
    smic_horaire: float
    contribution_actuelle: float
    contribution_apres_embauche: float
    economie: float
    explications: dict[str, Explication]
    avertissements: list[Avertissement]
    parametres_au: str
    situation: dict
    # Labels of the three figures (the renderer shows them as they are).
    libelles: dict[str, str] = field(default_factory=lambda: {
        "contribution_actuelle": "Contribution annuelle actuelle",
        "contribution_apres_embauche": "Après l’embauche d’un bénéficiaire",
        "economie": "Économie annuelle"})

    def en_dict(self) -> dict:
        return {
            "annee": self.annee, "effectif": self.effectif, "beneficiaires": self.beneficiaires,
            "assujetti": self.assujetti, "obligation": self.obligation,
            "unites_manquantes": self.unites_manquantes, "multiplicateur": self.multiplicateur,
            "multiplicateur_apres_embauche": self.multiplicateur_apres_embauche,
            "smic_horaire": self.smic_horaire,
            "contribution_actuelle": self.contribution_actuelle,
            "contribution_apres_embauche": self.contribution_apres_embauche,
            "economie": self.economie, "libelles": dict(self.libelles),
            "explications": {c: e.en_dict() for c, e in self.explications.items()},
            "avertissements": [a.en_dict() for a in self.avertissements],
            "parametres_au": self.parametres_au, "situation": self.situation,
        }
