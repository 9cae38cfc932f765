"""One month of pay: employer contributions (detailed), general reduction, net pay.

Parameters are read once per day of effect into a `Bareme` (cached), so a 36-month simulation
costs a few dictionary lookups per month. Every lookup in `Bareme.v` is recorded by the active
trace (`parametres.tracer`) under the figure being computed: the sources of each figure are what
its computation read."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from .parametres import ValeursDatees, passer_a, tous
from .textes import arrondi
from .tranches import tranche

E = "cotisations.employeur."
S = "cotisations.salarie."
RG = "reduction_generale."
HS = "heures_supplementaires."

IDENTS = tuple(
    i for i in tous() if i.startswith(("cotisations.", "reduction_generale.", "smic.", "pss.",
                                       "seuils.", "cdd.", "apprentissage.exoneration", HS,
                                       "stage_etudiant.",
                                       "apprentissage.remuneration", "professionnalisation.remun",
                                       "professionnalisation.niveau_remuneration"))
)


class Bareme:
    """Every parameter value in force on one day, with the index of the dated value used."""

    __slots__ = ("jour", "v", "rangs")

    def __init__(self, jour: str) -> None:
        params = tous()
        self.jour = jour
        self.v = ValeursDatees()  # reads are traced
        self.rangs = self.v.rangs
        for ident in IDENTS:
            p = params[ident]
            r = p.rang(jour)
            self.rangs[ident] = r
            dict.__setitem__(self.v, ident, None if r < 0 else p.valeurs[r])

    @property
    def smic_h(self) -> float:
        return self.v["smic.horaire"]

    @property
    def heures(self) -> float:
        return self.v["smic.heures_mensuelles"]

    @property
    def pss(self) -> float:
        return self.v["pss.mensuel"]


_PAR_RANGS: dict[tuple[int, ...], Bareme] = {}


@lru_cache(maxsize=4096)
def bareme(jour: str) -> Bareme:
    """The Bareme in force on `jour`; days with the same values share one object, so callers
    can tell "nothing changed" by identity."""
    params = tous()
    rangs = tuple(params[i].rang(jour) for i in IDENTS)
    b = _PAR_RANGS.get(rangs)
    if b is None:
        b = _PAR_RANGS[rangs] = Bareme(jour)
    return b


@dataclass(slots=True)
class Employeur:
    effectif: int
    taux_at: float  # fraction
    taux_vm: float  # fraction
    mutuelle: float  # € per month
    ratio_alternants: float  # fraction


@dataclass(slots=True)
class Mois:
    brut: float
    indemnite: float
    detail: dict[str, float]
    patronales: float
    coefficient: float
    reduction: float
    autres_charges: float
    cout: float
    salariales: float
    csg_crds: float
    net: float
    smic_reference: float
    deduction_heures_sup: float = 0.0  # employer's flat deduction (L241-18 CSS)
    reduction_salariale_heures_sup: float = 0.0  # employee's reduction (L241-17 CSS)


LIBELLES = {
    "maladie": "Maladie, maternité, invalidité, décès",
    "vieillesse_plafonnee": "Vieillesse plafonnée",
    "vieillesse_deplafonnee": "Vieillesse déplafonnée",
    "famille": "Allocations familiales",
    "at_mp": "Accidents du travail et maladies professionnelles",
    "csa": "Contribution solidarité autonomie",
    "chomage": "Assurance chômage",
    "ags": "AGS (garantie des salaires)",
    "agirc_arrco": "Retraite complémentaire Agirc-Arrco",
    "ceg": "Contribution d’équilibre général",
    "cet": "Contribution d’équilibre technique",
    "fnal": "FNAL (aide au logement)",
    "formation": "Formation professionnelle",
    "taxe_apprentissage": "Taxe d’apprentissage",
    "csa_apprentissage": "Contribution supplémentaire à l’apprentissage",
    "dialogue_social": "Contribution au dialogue social",
    "peec": "Participation à l’effort de construction",
    "versement_mobilite": "Versement mobilité",
    "cpf_cdd": "Contribution CPF-CDD",
    "forfait_social": "Forfait social sur la mutuelle",
}


def plafond_taux_reduit(b: Bareme, ident: str, quotite: float) -> float | None:
    """Monthly pay ceiling for a reduced maladie/famille rate (2024–2025), None if abolished."""
    p = b.v[ident]
    if p is None:
        return None
    heures = b.heures * quotite
    plafond = p["multiple"] * p["smic_horaire_reference"] * heures
    return max(plafond, p["plancher_multiple_smic_courant"] * b.smic_h * heures)


def taux_csa_apprentissage(b: Bareme, emp: Employeur) -> float:
    p = b.v[E + "csa_apprentissage"]
    if p is None or emp.effectif < p["seuil_effectif"]:
        return 0.0
    haut = p["majoration"]  # the largest companies far below the share pay a higher rate
    if emp.effectif >= haut["seuil_effectif"] and emp.ratio_alternants < haut[
            "ratio_alternants_max_exclu"]:
        return haut["taux"]
    for plafond, taux in p["tranches"]:
        if emp.ratio_alternants < plafond:
            return taux
    return 0.0


def coefficient_reduction(b: Bareme, remuneration: float, smic_ref: float, effectif: int
                          ) -> float:
    """General reduction coefficient for one month (rounded to 4 decimals)."""
    if remuneration <= 0:
        return 0.0
    grand = effectif >= b.v[RG + "seuil_effectif"]
    plafond = b.v[RG + "plafond_smic"]
    tmax = b.v[RG + ("fillon_tmax_50_plus" if grand else "fillon_tmax_moins_50")]
    if tmax is not None:  # "Fillon" formula, until 2025-12-31
        c = tmax / (plafond - 1) * (plafond * smic_ref / remuneration - 1)
        c = min(tmax, max(0.0, c))
    else:  # RGDU, from 2026-01-01
        if remuneration >= plafond * smic_ref:
            return 0.0
        tmin = b.v[RG + "rgdu_tmin"]
        tdelta = b.v[RG + ("rgdu_tdelta_50_plus" if grand else "rgdu_tdelta_moins_50")]
        base = 0.5 * (plafond * smic_ref / remuneration - 1)
        c = min(tmin + tdelta, tmin + tdelta * base ** b.v[RG + "rgdu_puissance"])
    return round(c + 1e-12, int(b.v[RG + "arrondi_coefficient"]))


def smic_reference(b: Bareme, quotite: float) -> float:
    """SMIC of reference for the reduction over one month, pro rata of working time. In 2026 the
    RGDU keeps the SMIC of 1 January even after a revaluation (décret 2026-509)."""
    # Which formula is in force is not a value the figure uses: an untraced look (`get`).
    rgdu = b.v.get(RG + "fillon_tmax_moins_50") is None
    smic = b.v[RG + "smic_reference_rgdu"] if rgdu else None
    return (smic or b.smic_h) * b.heures * quotite


def deduction_heures_sup(b: Bareme, effectif: int, heures: float) -> float:
    """Employer's flat deduction for `heures` overtime hours (L241-18 and L241-18-1 CSS)."""
    p = b.v[HS + "deduction_forfaitaire_patronale"]
    if not heures or p is None:
        return 0.0
    return arrondi(p[tranche(p, effectif)] * heures)  # the keys carry the headcount bands


def taux_reduction_salariale(b: Bareme) -> float:
    """Employee's reduction rate on overtime pay: the employee's old-age contribution rates,
    capped (L241-17 and D241-21 CSS)."""
    v = b.v
    somme = (v[S + "vieillesse_plafonnee"] + v[S + "vieillesse_deplafonnee"]
             + v[S + "agirc_arrco_t1"] + v[S + "ceg_t1"])
    plafond = v[HS + "reduction_salariale_taux_max"]
    return somme if plafond is None else min(somme, plafond)


def _t2_max(v, pss: float) -> float:
    """Top of the complementary pension's tranche 2 (and of the CET's base), read only when
    some pay is above the ceiling."""
    return v["seuils.retraite_complementaire_plafond"] * pss


def calculer(b: Bareme, brut: float, emp: Employeur, *, quotite: float, cdd: bool,
             apprenti: dict | None, indemnite: float = 0.0, autres_charges: float = 0.0,
             heures_sup: float = 0.0, paie_heures_sup: float = 0.0,
             cumul: tuple[float, float, float] | None = None) -> Mois:
    """`brut` includes `indemnite` (end-of-CDD pay). `apprenti`: None, or the apprentice's
    employee-side exemption parameters {seuil_cotisations, csg_crds_exoneration_totale,
    seuil_csg_crds} fixed by the contract date. `heures_sup`, `paie_heures_sup`: the month's
    overtime hours and their pay. `cumul`: (gross pay, SMIC of reference, reduction) of the
    earlier months of the same year, to compute the general reduction on the cumulated pay
    (progressive regularisation, D241-7 CSS) instead of on this month alone."""
    v = b.v
    eff = emp.effectif
    passer_a("cotisations_patronales")  # reads below count for this figure (see `parametres`)
    pss = b.pss * min(1.0, quotite)  # part time: ceiling pro rata (art. R242-7 CSS)
    t1 = min(brut, pss)
    t2 = min(brut - pss, _t2_max(v, pss) - pss) if brut > pss else 0.0
    assiette_chomage = min(brut, v["seuils.chomage_ags_plafond"] * pss)
    d: dict[str, float] = {}

    plafond_mal = plafond_taux_reduit(b, E + "maladie_plafond_reduit", quotite)
    if (plafond_mal is not None and brut <= plafond_mal
            and v[E + "maladie_taux_reduit"] is not None):
        d["maladie"] = brut * v[E + "maladie_taux_reduit"]
    else:
        d["maladie"] = brut * v[E + "maladie"]
    d["vieillesse_plafonnee"] = t1 * v[E + "vieillesse_plafonnee"]
    d["vieillesse_deplafonnee"] = brut * v[E + "vieillesse_deplafonnee"]
    plafond_fam = plafond_taux_reduit(b, E + "famille_plafond_reduit", quotite)
    if (plafond_fam is not None and brut <= plafond_fam
            and v[E + "famille_taux_reduit"] is not None):
        d["famille"] = brut * v[E + "famille_taux_reduit"]
    else:
        d["famille"] = brut * v[E + "famille"]
    d["at_mp"] = brut * emp.taux_at
    d["csa"] = brut * v[E + "csa"]
    d["chomage"] = assiette_chomage * v[E + "chomage"]
    d["ags"] = assiette_chomage * v[E + "ags"]
    # Tranche 2 rates are read only when there is pay above the ceiling.
    d["agirc_arrco"] = t1 * v[E + "agirc_arrco_t1"] + (t2 * v[E + "agirc_arrco_t2"] if t2 else 0.0)
    d["ceg"] = t1 * v[E + "ceg_t1"] + (t2 * v[E + "ceg_t2"] if t2 else 0.0)
    if t2 > 0:
        d["cet"] = min(brut, _t2_max(v, pss)) * v[E + "cet"]
    if eff < v["seuils.fnal"]:
        d["fnal"] = t1 * v[E + "fnal_moins_50"]
    else:
        d["fnal"] = brut * v[E + "fnal_50_plus"]
    if eff >= v["seuils.peec"]:
        d["peec"] = brut * v[E + "peec"]
    exonere_petite = apprenti is not None and eff < v["seuils.apprentis_exoneration"]
    if not exonere_petite:
        grand = eff >= v["seuils.formation_professionnelle"]
        cle = "formation_11_plus" if grand else "formation_moins_11"
        d["formation"] = brut * v[E + cle]
        d["taxe_apprentissage"] = brut * v[E + "taxe_apprentissage"]
    taux_csa = taux_csa_apprentissage(b, emp)
    if taux_csa:
        d["csa_apprentissage"] = brut * taux_csa
    d["dialogue_social"] = brut * v[E + "dialogue_social"]
    if emp.taux_vm and eff >= v["seuils.versement_mobilite"]:
        d["versement_mobilite"] = brut * emp.taux_vm
    if cdd:
        d["cpf_cdd"] = brut * v[E + "cpf_cdd"]
    if emp.mutuelle and eff >= v["seuils.forfait_social_prevoyance"]:
        d["forfait_social"] = emp.mutuelle * v[E + "forfait_social_prevoyance"]
    for cle in d:
        d[cle] = arrondi(d[cle])
    patronales = arrondi(sum(d.values()))

    passer_a("reduction_generale")
    smic_ref = smic_reference(b, quotite)
    if cumul is None:
        coef = coefficient_reduction(b, brut, smic_ref, eff)
        reduction = min(arrondi(coef * brut), patronales)
    else:
        brut_avant, smic_avant, reduction_avant = cumul
        coef = coefficient_reduction(b, brut_avant + brut, smic_avant + smic_ref, eff)
        reduction = min(arrondi(coef * (brut_avant + brut) - reduction_avant), patronales)
    deduction = 0.0
    if heures_sup:
        passer_a("cout_employeur")
        deduction = min(deduction_heures_sup(b, eff, heures_sup), max(0.0, patronales - reduction))

    # Employee side, for the net pay.
    passer_a("salaire_net")
    pss = b.pss * min(1.0, quotite)  # read again: the net pay uses it too
    base_sal, base_csg, t1s, t2s = brut, brut, t1, t2
    if apprenti is not None:
        smic_mois = b.smic_h * b.heures * quotite
        base_sal = max(0.0, brut - apprenti["seuil_cotisations"] * smic_mois)
        base_csg = 0.0 if apprenti["csg_crds_exoneration_totale"] else max(
            0.0, brut - apprenti["seuil_csg_crds"] * smic_mois)
        t1s = min(base_sal, pss)
        t2s = min(base_sal - pss, _t2_max(v, pss) - pss) if base_sal > pss else 0.0
    salariales = (t1s * v[S + "vieillesse_plafonnee"] + base_sal * v[S + "vieillesse_deplafonnee"]
                  + t1s * v[S + "agirc_arrco_t1"] + (t2s * v[S + "agirc_arrco_t2"] if t2s else 0.0)
                  + t1s * v[S + "ceg_t1"] + (t2s * v[S + "ceg_t2"] if t2s else 0.0))
    if t2s > 0:
        salariales += min(base_sal, _t2_max(v, pss)) * v[S + "cet"]
    reduction_sal = 0.0
    if paie_heures_sup:
        reduction_sal = min(arrondi(paie_heures_sup * taux_reduction_salariale(b)), salariales)
    salariales = arrondi(salariales - reduction_sal)
    plafond_abattement = v["seuils.abattement_csg_plafond"] * pss
    abattu = (min(base_csg, plafond_abattement) * (1 - v[S + "abattement_csg"])
              + max(base_csg - plafond_abattement, 0.0))
    assiette_csg = abattu + (emp.mutuelle if base_csg > 0 or apprenti is None else 0.0)
    taux_csg = v[S + "csg_deductible"] + v[S + "csg_non_deductible"] + v[S + "crds"]
    csg_crds = arrondi(assiette_csg * taux_csg)
    net = arrondi(brut - salariales - csg_crds)
    cout = arrondi(brut + patronales - reduction - deduction + autres_charges)
    return Mois(
        brut=arrondi(brut), indemnite=arrondi(indemnite), detail=d, patronales=patronales,
        coefficient=coef, reduction=reduction, autres_charges=arrondi(autres_charges), cout=cout,
        salariales=salariales, csg_crds=csg_crds, net=net, smic_reference=arrondi(smic_ref),
        deduction_heures_sup=deduction, reduction_salariale_heures_sup=reduction_sal,
    )
