"""Explanations for company heads: for every figure, the formula in words and the parameter
values used, with their date of effect and their source."""

from __future__ import annotations

from .paie import LIBELLES, Bareme
from .parametres import tous
from .saisie import Situation
from .textes import date_fr, euros, nombre, phrase_prolongation, pourcent, valeur_texte

PRIORITAIRES = {"SMIC horaire", "plafond mensuel de la sécurité sociale",
                "aide à l’embauche d’un apprenti", "emploi franc", "SMIC de référence de la RGDU"}


class Usages:
    """Which dated parameter values each figure used, and up to which day."""

    __slots__ = ("par_cle", "_jusqu_au", "_vus", "_par_bareme", "_jour_bareme")

    def __init__(self) -> None:
        self.par_cle: dict[str, dict[tuple[str, int], None]] = {}
        self._jusqu_au: dict[str, str] = {}
        self._vus: set = set()
        self._par_bareme: dict[int, set[str]] = {}
        self._jour_bareme: dict[int, str] = {}

    def ajouter(self, cle: str, ident: str, rang: int, jour: str = "") -> None:
        self.par_cle.setdefault(cle, {})[(ident, rang)] = None
        if jour > self._jusqu_au.get(ident, ""):
            self._jusqu_au[ident] = jour

    def ajouter_bareme(self, cle: str, idents, b: Bareme, jour: str) -> None:
        cle_b = id(b)
        if jour > self._jour_bareme.get(cle_b, ""):
            self._jour_bareme[cle_b] = jour
        signature = (cle, cle_b, tuple(idents))
        if signature in self._vus:  # same values as an earlier month: nothing new
            return
        self._vus.add(signature)
        cible = self.par_cle.setdefault(cle, {})
        self._par_bareme.setdefault(cle_b, set()).update(idents)
        for ident in idents:
            cible[(ident, b.rangs[ident])] = None

    @property
    def jusqu_au(self) -> dict[str, str]:
        """Last day each parameter was used on."""
        jours = dict(self._jusqu_au)
        for cle_b, idents in self._par_bareme.items():
            jour = self._jour_bareme[cle_b]
            for ident in idents:
                if jour > jours.get(ident, ""):
                    jours[ident] = jour
        return jours

    def prolonges(self) -> dict[str, list[str]]:
        """Parameters used after their last confirmed date, grouped by that date."""
        params = tous()
        groupes: dict[str, list[str]] = {}
        for ident, jour in self.jusqu_au.items():
            p = params[ident]
            if jour > p.derniere_date_confirmee and p.valeur(jour) is not None:
                groupes.setdefault(p.derniere_date_confirmee, []).append(p.libelle)
        return {d: sorted(set(noms), key=lambda n: (n not in PRIORITAIRES, n))
                for d, noms in sorted(groupes.items())}

    def prolongations(self) -> list[str]:
        """The one plain sentence for the « À savoir » box (the list is in the explanations)."""
        groupes = self.prolonges()
        return [phrase_prolongation(list(groupes))] if groupes else []

    def explication_prolongations(self) -> dict | None:
        groupes = self.prolonges()
        if not groupes:
            return None
        notes = [f"Confirmées jusqu’au {date_fr(d)} : {', '.join(noms)}."
                 for d, noms in groupes.items()]
        return {"libelle": "Valeurs reprises au-delà de leur dernière confirmation",
                "formule": ("Pour les mois où une valeur légale n’a pas encore été publiée ou "
                            "confirmée, la simulation reprend la dernière valeur connue."),
                "parametres": [], "notes": notes}

    def parametres_au(self) -> str:
        params = tous()
        jusqu_au = self.jusqu_au
        dates = [params[i].derniere_date_confirmee for i in jusqu_au
                 if params[i].valeur(jusqu_au[i] or "9999") is not None]
        return min(dates) if dates else max(p.derniere_date_confirmee for p in params.values())

    def liste(self, cle: str) -> list[dict]:
        params = tous()
        sortie = []
        for ident, rang in self.par_cle.get(cle, {}):
            p = params[ident]
            val = p.valeurs[rang] if rang >= 0 else None
            entree = {
                "id": ident,
                "libelle": p.libelle,
                "valeur": val,
                "valeur_texte": valeur_texte(val, p.unite),
                "unite": p.unite,
                "date_effet": p.dates[rang] if rang >= 0 else None,
                "source": p.source(rang),
                "statut": p.statut,
                "confirme_jusqu_au": p.derniere_date_confirmee,
            }
            if p.note_publique():
                entree["note"] = p.note_publique()
            sortie.append(entree)
        sortie.sort(key=lambda e: (e["id"], e["date_effet"] or ""))
        return sortie


def _explication(formule: str, usages: Usages, cle: str, notes=None, **extra) -> dict:
    d = {"formule": formule, "parametres": usages.liste(cle), "notes": list(notes or [])}
    d.update(extra)
    return d


def construire(s: Situation, mois: list[dict], premier, minima, usages: Usages,
               aides: list[dict], notes: list[str], indemnite: float, notes_brut: list[str],
               notes_cotis: list[str]) -> dict:
    m0 = mois[0]
    part0, mini0 = minima[0]
    brut_notes = list(notes_brut)
    if s.contrat in {"apprentissage", "professionnalisation"}:
        brut_notes.insert(0, f"Premier mois : minimum légal de {nombre(part0 * 100, 0)} % du SMIC, "
                          f"soit {euros(mini0)}.")
    if s.contrat == "apprentissage":
        formule_brut = ("Rémunération minimale de l’apprenti : un pourcentage du SMIC qui dépend "
                        "de "
                        "son âge et de l’année d’exécution du contrat (1re, 2e, 3e année), "
                        "appliqué "
                        "au SMIC mensuel (SMIC horaire × 151,67 heures pour 35 h par semaine). Le "
                        "taux augmente le mois qui suit un anniversaire (18, 21, 26 ans) et à "
                        "chaque "
                        "nouvelle année du contrat.")
        brut_notes.append("À partir de 21 ans, la base est le plus élevé du SMIC et du salaire "
                          "minimum conventionnel : vérifiez votre convention collective.")
    elif s.contrat == "professionnalisation":
        formule_brut = ("Rémunération minimale en contrat de professionnalisation : un pourcentage "
                        "du SMIC selon l’âge (moins de 21 ans, 21 à 25 ans, 26 ans et plus) et le "
                        "niveau de formation (inférieur ou au moins égal au bac, niveau 4).")
    else:
        formule_brut = ("Au moins le SMIC : SMIC horaire × 151,67 heures par mois pour 35 heures "
                        "par semaine, au prorata des heures (heures supplémentaires majorées de "
                        "25 % jusqu’à 43 h, de 50 % au-delà).")
    if s.salaire_brut_mensuel is not None:
        formule_brut = (f"Salaire indiqué : {euros(s.salaire_brut_mensuel)} par mois, jamais moins "
                        "que le minimum légal. " + formule_brut)
    else:
        formule_brut = "Salaire au minimum légal. " + formule_brut
    if indemnite:
        brut_notes.append(f"Le dernier mois inclut l’indemnité de fin de CDD : 10 % du total des "
                          f"salaires bruts, soit {euros(indemnite)}. L’indemnité compensatrice de "
                          "congés payés n’est pas comptée (congés supposés pris).")
    detail = [{"id": k, "libelle": LIBELLES[k], "montant": v}
              for k, v in m0["detail_cotisations"].items()]
    grand = s.effectif >= 50
    if premier.coefficient and m0["debut"] < "2026-01-01":
        formule_red = ("Réduction générale des cotisations patronales (formule en vigueur jusqu’au "
                       "31 décembre 2025) : coefficient = Tmax ÷ 0,6 × (1,6 × SMIC du mois ÷ "
                       "salaire "
                       "brut − 1), plafonné à Tmax et arrondi à 4 décimales ; réduction = "
                       "coefficient × salaire brut. Elle s’annule à 1,6 SMIC. En 2024 et 2025 "
                       "s’ajoutent des taux réduits de cotisation maladie (7 %) et d’allocations "
                       "familiales (3,45 %) sous un plafond de salaire.")
    else:
        formule_red = ("Réduction générale dégressive unique (RGDU, depuis le 1er janvier 2026) : "
                       "coefficient = Tmin + Tdelta × [½ × (3 × SMIC ÷ salaire brut − 1)]^1,75, "
                       "plafonné à Tmin + Tdelta et arrondi à 4 décimales ; réduction = "
                       "coefficient "
                       "× salaire brut. Elle s’annule à 3 SMIC. En 2026, le SMIC retenu est celui "
                       "du "
                       "1er janvier (12,02 € de l’heure), même après la revalorisation de juin.")
    red_notes = [f"Premier mois : SMIC de référence {euros(premier.smic_reference)} (au prorata "
                 f"du temps de travail), coefficient {str(premier.coefficient).replace('.', ',')}, "
                 f"réduction {euros(premier.reduction)}.",
                 "Calcul mois par mois : la régularisation annuelle peut la modifier un peu, "
                 "notamment le mois où l’indemnité de fin de CDD est versée.",
                 f"Entreprise de {'50 salariés ou plus' if grand else 'moins de 50 salariés'} : "
                 "les coefficients correspondants s’appliquent."]
    cout_notes = []
    if s.mutuelle_part_employeur:
        cout_notes.append(f"Part employeur de la complémentaire santé : "
                          f"{euros(s.mutuelle_part_employeur)} par mois (soumise au forfait social "
                          "de 8 % à partir de 11 salariés, et à la CSG-CRDS du salarié).")
    else:
        cout_notes.append("La complémentaire santé d’entreprise est obligatoire et l’employeur en "
                          "paie au moins la moitié : indiquez sa part mensuelle pour l’inclure.")
    net_formule = ("Salaire net = salaire brut − cotisations salariales (vieillesse, retraite "
                   "complémentaire) − CSG et CRDS (9,7 % sur 98,25 % du brut, plus la part "
                   "employeur "
                   "de la mutuelle). Avant prélèvement à la source et hors part salariale de la "
                   "mutuelle.")
    if s.contrat == "apprentissage":
        net_formule += (" Apprenti : cotisations salariales calculées seulement sur la part du "
                        "salaire au-delà d’un seuil en pourcentage du SMIC (79 % pour un contrat "
                        "conclu avant le 1er mars 2025, 50 % ensuite) ; CSG-CRDS : exonération "
                        "totale avant le 1er mars 2025, au-delà de 50 % du SMIC ensuite.")
    aides_texte = "Aucune aide à l’embauche retenue pour cette situation."
    if aides:
        aides_texte = ("Aides versées par l’État ou France Travail, mois par mois, selon "
                       "l’échéancier de chaque aide.")
    return {
        "salaire_brut": _explication(formule_brut, usages, "salaire_brut", brut_notes,
                                     premier_mois={"minimum_legal": mini0,
                                                   "part_du_smic": part0}),
        "cotisations_patronales": _explication(
            "Somme des cotisations et contributions patronales : chaque taux × son assiette (le "
            "salaire brut, ou la part du salaire sous le plafond de la sécurité sociale pour la "
            "vieillesse plafonnée, la tranche 1 de retraite complémentaire et le FNAL des moins de "
            "50 salariés ; dans la limite de 4 plafonds pour le chômage et l’AGS). Le taux AT/MP "
            f"retenu est {pourcent(s.taux_at_mp / 100)}.",
            usages, "cotisations_patronales", notes_cotis, detail_premier_mois=detail),
        "reduction_generale": _explication(formule_red, usages, "reduction_generale", red_notes),
        "cout_employeur": _explication(
            "Coût employeur = salaire brut + cotisations patronales − réduction générale + autres "
            "charges (part employeur de la mutuelle, participation forfaitaire à l’apprentissage "
            "le cas échéant).", usages, "cout_employeur", cout_notes),
        "aides": _explication(aides_texte, usages, "aides", notes,
                              liste=[{"id": a["id"], "nom": a["nom"], "montant": a["montant"],
                                      "conditions": a["conditions"], "source": a["reference"]}
                                     for a in aides]),
        "cout_net_aides": _explication(
            "Coût net des aides = coût employeur − aides versées le même mois.", usages,
            "cout_net_aides"),
        "salaire_net": _explication(net_formule, usages, "salaire_net"),
    }


def construire_stage(s: Situation, usages: Usages, notes: list[str]) -> dict:
    p = tous()["stage.reference"]
    texte = ("Stagiaire de la formation professionnelle ou période de mise en situation en milieu "
             "professionnel (PMSMP) : l’entreprise d’accueil ne verse ni salaire ni gratification "
             "et ne paie pas de cotisations. " + p.note_usager)
    vide = {"formule": "Rien à payer pour l’entreprise d’accueil.", "parametres": [], "notes": []}
    sources = usages.liste("salaire_brut")
    return {
        "salaire_brut": {"formule": texte, "parametres": sources, "notes": [],
                         "references": p.references},
        "cotisations_patronales": dict(vide),
        "reduction_generale": dict(vide),
        "cout_employeur": dict(vide),
        "aides": {"formule": "Aucune aide : il ne s’agit pas d’une embauche.", "parametres": [],
                  "notes": list(notes)},
        "cout_net_aides": dict(vide),
        "salaire_net": {"formule": "Pas de salaire versé par l’entreprise d’accueil.",
                        "parametres": [], "notes": []},
    }
