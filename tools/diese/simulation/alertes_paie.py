"""Payroll warnings, each with a stable short code and a level (typed `{code, niveau, texte}`)."""

from __future__ import annotations

from .parametres import valeur
from .resultat import Avertissement
from .textes import euros

TEMPS_PARTIEL_24H = "temps_partiel_moins_24h"
NET_NEGATIF = "salaire_net_negatif"
COUT_NET_NEGATIF = "cout_net_negatif"
NAISSANCE_SUPPOSEE = "naissance_supposee"
CDD_SANS_INDEMNITE = "cdd_sans_indemnite"
GRATIFICATION_NON_DUE = "gratification_non_obligatoire"

TEXTES = {
    TEMPS_PARTIEL_24H: (
        "Temps partiel de {heures} h par semaine : la durée minimale légale est de {minimum} "
        "heures (Code du travail, art. L3123-27), sauf accord de branche étendu, demande écrite "
        "et motivée du salarié (contraintes personnelles ou cumul d’emplois), étudiant de moins "
        "de {age_etudiant} ans, CDD de {cdd_jours} jours au plus ou de remplacement, salarié d’un "
        "particulier "
        "employeur (art. L3123-7 et L3123-19). Vérifiez que l’une de ces dérogations "
        "s’applique."),
    NET_NEGATIF: (
        "Le salaire net est négatif certains mois ({montant} au plus bas) : les cotisations et la "
        "CSG sur la part employeur de la mutuelle dépassent le salaire. Vérifiez les heures et la "
        "mutuelle indiquées."),
    COUT_NET_NEGATIF: (
        "Le coût net des aides est négatif certains mois ({montant} au plus bas) : les aides "
        "versées ces mois-là dépassent le coût du salarié."),
    NAISSANCE_SUPPOSEE: (
        "Âge indiqué sans date de naissance : la simulation suppose que le prochain anniversaire "
        "tombe 12 mois après l’embauche. Indiquez la date de naissance pour un calcul exact."),
    CDD_SANS_INDEMNITE: (
        "Pas d’indemnité de fin de contrat pour ce motif ({motif}) : Code du travail, "
        "art. L1243-10, sauf convention collective plus favorable."),
    GRATIFICATION_NON_DUE: (
        "Stage de {heures} heures de présence : la gratification n’est obligatoire qu’au-delà "
        "de {seuil} heures (deux mois) au cours d’une même année d’enseignement."),
}


# What each warning asks of the user: check something (attention) or just know it (info).
NIVEAUX = {
    TEMPS_PARTIEL_24H: "attention",
    NET_NEGATIF: "attention",
    COUT_NET_NEGATIF: "attention",
    NAISSANCE_SUPPOSEE: "info",
    CDD_SANS_INDEMNITE: "info",
    GRATIFICATION_NON_DUE: "info",
}


def heures_texte(heures: float) -> str:
    return f"{heures:g}".replace(".", ",")


def texte(code: str, **valeurs) -> str:
    return TEXTES[code].format(**valeurs)


def avertir(code: str, **valeurs) -> Avertissement:
    return Avertissement(code, NIVEAUX[code], texte(code, **valeurs))


def verifier_mois(mois: list[dict]) -> list[Avertissement]:
    """Warnings that read the month-by-month result."""
    sortie = []
    net = min((m["salaire_net"] for m in mois), default=0.0)
    if net < 0:
        sortie.append(avertir(NET_NEGATIF, montant=euros(net)))
    cout = min((m["cout_net_aides"] for m in mois), default=0.0)
    if cout < 0:
        sortie.append(avertir(COUT_NET_NEGATIF, montant=euros(cout)))
    return sortie


def temps_partiel(heures_hebdo: float, jour: str) -> list[Avertissement]:
    """Part time under the legal minimum in force on `jour` (accepted, with the mention)."""
    minimum = valeur("temps_partiel.duree_minimale", jour)
    if minimum is not None and heures_hebdo < minimum:
        derog = valeur("temps_partiel.derogations", jour)
        return [avertir(TEMPS_PARTIEL_24H, heures=heures_texte(heures_hebdo),
                        minimum=heures_texte(minimum),
                        age_etudiant=derog["age_etudiant_max_exclu"],
                        cdd_jours=derog["cdd_jours_max"])]
    return []
