"""Every address the data holds, each with the places that use it (checked once even when it
appears several times: agefiph.fr is a successor, a « voir aussi » and a resource link)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from diese.contenu.ressources import charger_ressources
from diese.contenu.sites import DOCS, Site, charger_sites


@dataclass(frozen=True)
class Usage:
    role: str  # origine | successeur | voir-aussi | ressource | archive
    ou: str  # site id or resource list id


@dataclass
class Adresse:
    url: str
    usages: list[Usage] = field(default_factory=list)

    @property
    def est_origine(self) -> bool:
        return any(u.role == "origine" for u in self.usages)


def collecter(
    sites: list[Site],
    fichier_ressources: Path | None = None,
    fichier_sites: Path | None = None,
    docs: Path = DOCS,
    archives: bool = False,
) -> list[Adresse]:
    adresses: dict[str, Adresse] = {}

    def ajouter(url: str, role: str, ou: str) -> None:
        adresses.setdefault(url, Adresse(url)).usages.append(Usage(role, ou))

    for site in sites:
        ajouter(site.url_originale, "origine", site.id)
        if site.successeur and site.successeur.adresse:
            ajouter(site.successeur.adresse, "successeur", site.id)
        for lien in site.voir_aussi:
            if lien.adresse:
                ajouter(lien.adresse, "voir-aussi", site.id)
        if archives:
            ajouter(site.archive, "archive", site.id)
    if fichier_ressources is not None:
        kwargs = {"fichier_sites": fichier_sites} if fichier_sites else {}
        ressources = charger_ressources(fichier_ressources, docs, **kwargs)
        for liste in ressources.listes.values():
            for element in liste.elements:
                for lien in element.liens:
                    if lien.adresse:
                        ajouter(lien.adresse, "ressource", liste.id)
    return list(adresses.values())


def charger(fichier_sites: Path, docs: Path = DOCS) -> list[Site]:
    return charger_sites(fichier_sites, docs)
