"""Field metadata for forms: one entry per engine key, with a French label and one plain
sentence of help. Defaults are those the engine applies when the key is absent.

`visible_si` says when a question matters (table QUAND below): a rule {field: condition}, every
entry to hold, or a list of rules, one of which must hold. A condition is a list of accepted
values, {"min": number} or {"avant": "AAAA-MM-JJ"} (dates before, excluded). A field absent from
the form (the compare page has no contract field) does not restrict, a hidden one fails. A
hidden field is not sent, so the engine applies its default."""

from __future__ import annotations

import datetime as dt

from .aides import AIDE_APP, parts_engagement
from .oeth import libelle_sans_action
from .parametres import parametre, tous, valeur
from .saisie import DATE_MAX, DATE_MIN, DUREES, MOTIFS_CDD, TOUS_CONTRATS


def _champ(nom, libelle, type_, aide, defaut=None, mini=None, maxi=None, pas=None, choix=None,
           unite=None) -> dict:
    return {"nom": nom, "libelle": libelle, "type": type_, "defaut": defaut, "min": mini,
            "max": maxi, "pas": pas, "choix": choix, "aide": aide, "unite": unite,
            "visible_si": quand().get(nom)}


ALTERNANCE = ["apprentissage", "professionnalisation"]
SALARIES = ["cdi", "cdd", "apprentissage", "professionnalisation"]  # not the unpaid placement
EMPLOI_FRANC = "emploi_franc.montants"


def _fermeture(ident: str) -> str | None:
    """The first date from which an aid has no value any more (closed to new hires), if any."""
    try:
        p = tous()[ident]
    except KeyError:
        return None
    for date, avant, apres in zip(p.dates[1:], p.valeurs, p.valeurs[1:], strict=False):
        if avant is not None and apres is None:
            return date
    return None


def quand() -> dict[str, dict | list[dict]]:
    """When each question matters (thresholds and closing dates read from the parameters)."""
    ferme = _fermeture(EMPLOI_FRANC)
    # The emploi franc asks for a job seeker living in a QPV; closed to hires from `ferme`.
    emploi_franc = {"contrat": SALARIES[:2] + ["professionnalisation"],
                    **({"date_embauche": {"avant": ferme}} if ferme else {})}
    payes = [*SALARIES, "stage_etudiant"]  # a student intern's gratification is pay too
    return {
        "motif_cdd": {"contrat": ["cdd"]},
        "salaire_connu": {"contrat": payes},
        "salaire_brut_mensuel": {"contrat": payes, "salaire_connu": ["brut"]},
        "salaire_net_mensuel": {"contrat": payes, "salaire_connu": ["net"]},
        "cout_mensuel": {"contrat": payes, "salaire_connu": ["cout"]},
        "date_naissance": {"contrat": ALTERNANCE},
        "niveau_diplome": {"contrat": ALTERNANCE},
        # Professionalisation: open after 26 to job seekers, aid for those of 45 and more.
        "demandeur_emploi": [{"contrat": ["professionnalisation"]}, emploi_franc],
        "demandeur_emploi_depuis_mois": {"demandeur_emploi": [True]},
        "residence_qpv": {**emploi_franc, "demandeur_emploi": [True]},
        "beneficiaire_rsa": {"contrat": ["professionnalisation"]},
        "ratio_alternants": {"effectif": {"min": _seuil_csa()}},
        # The apprentice aid's commitment (companies at or above its headcount).
        "engagement_alternance": {"contrat": ["apprentissage"],
                                  "effectif": {"min": _seuil_aide_apprenti()}},
        "taux_versement_mobilite": {"effectif": {"min": _v("seuils.versement_mobilite")}},
    }


def _aujourd_hui() -> str:
    return dt.date.today().isoformat()


def _v(ident: str):
    """A parameter's value today: the help texts and bounds of the forms are built with the
    values in force on the day the site is built (the engine checks at the hire date)."""
    return valeur(ident, _aujourd_hui())


def _seuil_csa() -> int:
    """Headcount from which the supplementary apprenticeship contribution applies (the last
    value that sets one, as the contribution may be abolished)."""
    p = parametre("cotisations.employeur.csa_apprentissage")
    return next(v["seuil_effectif"] for v in reversed(p.valeurs) if v)


def _seuil_aide_apprenti() -> int:
    return _v(AIDE_APP)["aide_unique"]["seuil_effectif"]


def _choix_engagement() -> list[dict]:
    haut, bas = parts_engagement(_aujourd_hui()).values()
    return [{"valeur": "5_pourcent", "libelle": f"{haut} d’alternants"},
            {"valeur": "3_pourcent_et_condition",
             "libelle": f"{bas} d’alternants et la condition de progression"}]


def _heures() -> str:
    legale = _v("heures_supplementaires.majorations")["duree_legale_hebdo"]
    maxi = _v("travail.duree_maximale_hebdomadaire")
    return f"{legale:g} heures pour un temps plein ; {maxi:g} heures au plus."


def champs_simuler() -> list[dict]:
    return [
        _champ("date_embauche", "Date d’embauche", "date",
               "Le jour où le contrat commence ; elle fixe les règles et les aides applicables.",
               _aujourd_hui(), DATE_MIN.isoformat(), DATE_MAX.isoformat()),
        _champ("contrat", "Type de contrat", "choix", "Le contrat envisagé pour cette embauche.",
               "cdi", choix=[{"valeur": k, "libelle": v} for k, v in TOUS_CONTRATS.items()]),
        _champ("motif_cdd", "Motif du CDD", "choix",
               "CDD seulement : sans indemnité de fin de contrat pour un emploi saisonnier, un "
               "CDD d’usage, un jeune pendant ses vacances, un CDI refusé ou qui suit le CDD.",
               "general", choix=[{"valeur": k, "libelle": v} for k, v in MOTIFS_CDD.items()]),
        _champ("duree_mois", "Durée", "entier",
               "Durée du contrat ; pour un CDI, nombre de mois à simuler (jusqu’à 48).",
               12, 1, 48, 1, unite="mois")
        # Until the reader sets it, the duration follows the contract (a placement: one month).
        | {"defaut_selon": {"contrat": {k: d[1] for k, d in DUREES.items()}}},
        _champ("salaire_connu", "Le salaire que vous connaissez", "choix",
               "Partez du montant que vous avez en tête : le simulateur retrouve le salaire brut.",
               "brut", choix=[{"valeur": "brut", "libelle": "Le salaire brut"},
                              {"valeur": "net", "libelle": "Le salaire net (ce que la personne "
                               "touche)"},
                              {"valeur": "cout", "libelle": "Le coût total pour l’entreprise "
                               "(votre budget)"}]),
        _champ("salaire_brut_mensuel", "Salaire brut mensuel", "decimal",
               "Laissez vide pour le minimum légal du contrat et de l’âge.", None, 0, 100000, 0.01,
               unite="€"),
        _champ("salaire_net_mensuel", "Salaire net mensuel visé", "decimal",
               "Le net avant impôt sur le revenu que la personne touchera le premier mois.", None,
               0, 100000, 0.01, unite="€"),
        _champ("cout_mensuel", "Budget mensuel (coût total)", "decimal",
               "Ce que l’embauche peut coûter à l’entreprise le premier mois, cotisations "
               "comprises, avant les aides.", None, 0, 200000, 0.01, unite="€"),
        _champ("heures_hebdo", "Heures par semaine", "decimal", _heures(),
               _v("heures_supplementaires.majorations")["duree_legale_hebdo"], 1,
               _v("travail.duree_maximale_hebdomadaire"), 0.5, unite="h"),
        _champ("effectif", "Effectif de l’entreprise", "entier",
               "Nombre de salariés de l’entreprise ; il change certains taux et les aides.",
               10, 0, 1000000, 1, unite="salariés"),
        _champ("age", "Âge de la personne", "entier",
               "Âge à la date d’embauche ; il fixe le salaire minimum d’un alternant.",
               None, 14, 75, 1, unite="ans"),
        _champ("date_naissance", "Date de naissance", "date",
               "Facultatif : plus précis que l’âge, car le salaire d’un apprenti change après "
               "chaque anniversaire."),
        _champ("niveau_diplome", "Niveau du diplôme", "choix",
               "Niveau du diplôme préparé (apprentissage) ou déjà obtenu (professionnalisation).",
               4, choix=[{"valeur": 3, "libelle": "3 — CAP, BEP"},
                         {"valeur": 4, "libelle": "4 — baccalauréat"},
                         {"valeur": 5, "libelle": "5 — bac + 2 (BTS, BUT 2e année)"},
                         {"valeur": 6, "libelle": "6 — bac + 3 (licence, BUT)"},
                         {"valeur": 7, "libelle": "7 — bac + 5 (master, ingénieur)"},
                         {"valeur": 8, "libelle": "8 — doctorat"}]),
        _champ("rqth", "Reconnaissance de travailleur handicapé (RQTH)", "booleen",
               "Décision de la MDPH que la personne peut vous communiquer si elle le souhaite : "
               "elle lève la limite d’âge de l’apprentissage et ouvre des aides. Dans le doute, "
               "laissez décoché.", False),
        _champ("demandeur_emploi", "Demandeur d’emploi", "booleen",
               "Cochez si la personne est inscrite à France Travail ; certaines aides en "
               "dépendent.", False),
        _champ("demandeur_emploi_depuis_mois", "Inscrit depuis", "entier",
               "Facultatif : depuis combien de mois la personne est inscrite.", None, 0, 600, 1,
               unite="mois"),
        _champ("residence_qpv", "Habite un quartier prioritaire (QPV)", "booleen",
               "Quartier prioritaire de la politique de la ville : l’adresse se vérifie sur "
               "sig.ville.gouv.fr. Ne compte que pour l’aide « emploi franc » ; dans le doute, "
               "laissez décoché.",
               False),
        _champ("beneficiaire_rsa", "Bénéficiaire du RSA", "booleen",
               "Cochez si la personne perçoit le revenu de solidarité active : après "
               f"{_v('professionnalisation.age_max') + 1} ans, le contrat de "
               "professionnalisation lui reste ouvert.", False),
        _champ("ratio_alternants", "Part d’alternants dans l’effectif", "decimal",
               "Alternants (apprentis, contrats de professionnalisation) parmi vos salariés : à "
               f"partir de {_seuil_csa()} salariés, une part trop faible ajoute une "
               "contribution.",
               0, 0, 100, 0.1, unite="%"),
        _champ("engagement_alternance",
               f"Engagement d’alternance ({_seuil_aide_apprenti()} salariés ou plus)", "choix",
               "Pour l’aide à l’embauche d’un apprenti : l’engagement pris auprès de l’ASP sur la "
               "part d’alternants de l’année suivante.", "aucun",
               choix=[{"valeur": "aucun", "libelle": "Aucun engagement"},
                      *_choix_engagement()]),
        _champ("taux_at_mp", "Taux accidents du travail (AT/MP)", "decimal",
               "Cotisation accidents du travail et maladies professionnelles : son taux figure "
               "sur la notification annuelle de la Carsat (compte AT/MP sur net-entreprises.fr). "
               "Laissez vide : le taux moyen national est retenu.", None, 0, 30,
               0.01, unite="%"),
        _champ("mutuelle_part_employeur", "Part employeur de la mutuelle", "decimal",
               "Ce que l’entreprise paie chaque mois pour la complémentaire santé de ce salarié.",
               0, 0, 2000, 0.01, unite="€ par mois"),
        _champ("taux_versement_mobilite", "Taux du versement mobilité", "decimal",
               "Contribution qui finance les transports en commun, due à partir de "
               f"{_v('seuils.versement_mobilite')} salariés là où la collectivité l’a instituée ; "
               "l’Urssaf publie le taux de chaque "
               "commune. Laissez 0 si vous ne le connaissez pas.",
               0, 0, 5, 0.01, unite="%"),
    ]


_PROFIL = ("age", "date_naissance", "rqth", "demandeur_emploi", "demandeur_emploi_depuis_mois",
           "residence_qpv", "beneficiaire_rsa", "niveau_diplome")
_EMPLOYEUR = ("effectif", "ratio_alternants", "engagement_alternance", "taux_at_mp",
              "mutuelle_part_employeur", "taux_versement_mobilite", "date_embauche", "heures_hebdo")


def _extraire(noms) -> list[dict]:
    par_nom = {c["nom"]: c for c in champs_simuler()}
    return [par_nom[n] for n in noms]


def champs_comparer_profil() -> list[dict]:
    return _extraire(_PROFIL)


def champs_comparer_employeur() -> list[dict]:
    return _extraire(_EMPLOYEUR) + [
        _champ("salaire_brut_mensuel", "Salaire brut mensuel proposé", "decimal",
               "Le même pour chaque contrat quand la loi le permet ; sous le minimum d’un "
               "contrat, ce minimum est retenu (et dit). Laissez vide pour le minimum de chacun.",
               None, 0, 100000, 0.01, unite="€"),
        _champ("horizon_mois", "Horizon de comparaison", "entier",
               "Nombre de mois sur lequel les contrats sont comparés.", 12, 1, 48, 1, unite="mois")]


def champs_oeth() -> list[dict]:
    return [
        _champ("effectif", "Effectif moyen annuel", "decimal",
               "Effectif de l’entreprise en moyenne sur l’année ; l’obligation commence à "
               f"{_v('oeth.seuil_effectif')}.",
               50, 0, 1000000, 1, unite="salariés"),
        _champ("beneficiaires", "Bénéficiaires employés", "decimal",
               "Nombre de travailleurs handicapés employés (RQTH ou équivalent), en équivalent "
               "temps plein.",
               0, 0, 1000000, 0.1, unite="personnes"),
        _champ("annee", "Année", "entier", "L’année pour laquelle la contribution est due.",
               dt.date.today().year, 2024, 2030, 1),
        _champ("aucune_action_depuis_3_ans", libelle_sans_action(_aujourd_hui()), "booleen",
               "Cochez si, depuis plus de "
               f"{_v('oeth.multiplicateurs')['sans_action_annees']} ans, l’entreprise n’emploie "
               "aucun bénéficiaire et "
               "n’a ni sous-traitance ni accord agréé.", False),
    ]


CHAMPS_SIMULER = champs_simuler()
CHAMPS_COMPARER_PROFIL = champs_comparer_profil()
CHAMPS_COMPARER_EMPLOYEUR = champs_comparer_employeur()
CHAMPS_OETH = champs_oeth()


def tous_les_champs() -> dict:
    """Fresh copy (the default date is today's)."""
    return {"simuler": champs_simuler(), "comparer_profil": champs_comparer_profil(),
            "comparer_employeur": champs_comparer_employeur(), "oeth": champs_oeth()}
