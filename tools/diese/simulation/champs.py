"""Field metadata for forms: one entry per engine key, with a French label and one plain
sentence of help. Defaults are those the engine applies when the key is absent."""

from __future__ import annotations

import datetime as dt

from .saisie import DATE_MAX, DATE_MIN, MOTIFS_CDD, TOUS_CONTRATS


def _champ(nom, libelle, type_, aide, defaut=None, mini=None, maxi=None, pas=None, choix=None,
           unite=None) -> dict:
    return {"nom": nom, "libelle": libelle, "type": type_, "defaut": defaut, "min": mini,
            "max": maxi, "pas": pas, "choix": choix, "aide": aide, "unite": unite}


def _aujourd_hui() -> str:
    return dt.date.today().isoformat()


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
               12, 1, 48, 1, unite="mois"),
        _champ("salaire_brut_mensuel", "Salaire brut mensuel", "decimal",
               "Laissez vide pour le minimum légal du contrat et de l’âge.", None, 0, 100000, 0.01,
               unite="€"),
        _champ("heures_hebdo", "Heures par semaine", "decimal",
               "35 heures pour un temps plein ; 48 heures au plus.", 35, 1, 48, 0.5, unite="h"),
        _champ("effectif", "Effectif de l’entreprise", "entier",
               "Nombre de salariés de l’entreprise ; il change certains taux et les aides.",
               10, 0, 1000000, 1, unite="salariés"),
        _champ("age", "Âge de la personne", "entier",
               "Âge à la date d’embauche ; il fixe le salaire minimum d’un apprenti.",
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
               "Cochez si la personne a une RQTH : certaines aides et règles changent.", False),
        _champ("demandeur_emploi", "Demandeur d’emploi", "booleen",
               "Cochez si la personne est inscrite à France Travail.", False),
        _champ("demandeur_emploi_depuis_mois", "Inscrit depuis", "entier",
               "Facultatif : depuis combien de mois la personne est inscrite.", None, 0, 600, 1,
               unite="mois"),
        _champ("residence_qpv", "Habite un quartier prioritaire (QPV)", "booleen",
               "Cochez si la personne réside dans un quartier prioritaire de la politique de la "
               "ville.",
               False),
        _champ("beneficiaire_rsa", "Bénéficiaire du RSA", "booleen",
               "Cochez si la personne perçoit le revenu de solidarité active.", False),
        _champ("ratio_alternants", "Part d’alternants dans l’effectif", "decimal",
               "Pour les entreprises de 250 salariés ou plus : part d’alternants, en pourcentage.",
               0, 0, 100, 0.1, unite="%"),
        _champ("engagement_alternance", "Engagement d’alternance (250 salariés ou plus)", "choix",
               "Pour l’aide à l’embauche d’un apprenti : l’engagement pris auprès de l’ASP sur la "
               "part d’alternants de l’année suivante.", "aucun",
               choix=[{"valeur": "aucun", "libelle": "Aucun engagement"},
                      {"valeur": "5_pourcent", "libelle": "5 % d’alternants"},
                      {"valeur": "3_pourcent_et_condition",
                       "libelle": "3 % d’alternants et la condition de progression"}]),
        _champ("taux_at_mp", "Taux accidents du travail (AT/MP)", "decimal",
               "Le taux notifié à votre entreprise ; vide : taux moyen national.", None, 0, 30,
               0.01, unite="%"),
        _champ("mutuelle_part_employeur", "Part employeur de la mutuelle", "decimal",
               "Ce que l’entreprise paie chaque mois pour la complémentaire santé de ce salarié.",
               0, 0, 2000, 0.01, unite="€ par mois"),
        _champ("taux_versement_mobilite", "Taux du versement mobilité", "decimal",
               "Taux de votre commune, dû à partir de 11 salariés ; 0 si vous ne le connaissez "
               "pas.",
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
        _champ("horizon_mois", "Horizon de comparaison", "entier",
               "Nombre de mois sur lequel les contrats sont comparés.", 12, 1, 48, 1, unite="mois")]


def champs_oeth() -> list[dict]:
    return [
        _champ("effectif", "Effectif moyen annuel", "decimal",
               "Effectif de l’entreprise en moyenne sur l’année ; l’obligation commence à 20.",
               50, 0, 1000000, 1, unite="salariés"),
        _champ("beneficiaires", "Bénéficiaires employés", "decimal",
               "Nombre de travailleurs handicapés employés (RQTH ou équivalent), en équivalent "
               "temps plein.",
               0, 0, 1000000, 0.1, unite="personnes"),
        _champ("annee", "Année", "entier", "L’année pour laquelle la contribution est due.",
               dt.date.today().year, 2024, 2030, 1),
        _champ("aucune_action_depuis_3_ans", "Aucune action depuis plus de trois ans", "booleen",
               "Cochez si, depuis plus de trois ans, l’entreprise n’emploie aucun bénéficiaire et "
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
