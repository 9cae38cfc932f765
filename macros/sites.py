"""Reference sites (Annex 1) and the guide's resource lists: thin wrappers over diese.annuaire."""

from diese.annuaire import ressources as rendu_ressources
from diese.annuaire import sites as rendu_sites
from diese.annuaire.commun import Contexte
from diese.contenu.ressources import FICHIER as FICHIER_RESSOURCES
from diese.contenu.ressources import charger_ressources as _charger_ressources
from diese.contenu.sites import FICHIER as FICHIER_SITES
from diese.contenu.sites import charger_sites as _charger_sites
from diese.contenu.sites import index_sites

_cache: dict = {}


def _memo(nom: str, charger):
    """Load once per build (and again under `mkdocs serve` when a data file changes)."""
    cle = (nom, FICHIER_SITES.stat().st_mtime_ns, FICHIER_RESSOURCES.stat().st_mtime_ns)
    if cle not in _cache:
        _cache[cle] = charger()
    return _cache[cle]


def charger_sites():
    return _memo("sites", _charger_sites)


def charger_ressources():
    return _memo("ressources", _charger_ressources)


def enregistrer(env) -> None:
    def contexte() -> Contexte:
        page = env.page
        return Contexte(
            page_src=page.file.src_uri if page else "",
            page_url=page.url if page else "",
            dir_urls=env.conf.get("use_directory_urls", True),
        )

    def trouver(ident: str):
        sites = index_sites(charger_sites())
        if ident not in sites:
            raise KeyError(f"site(« {ident} ») : identifiant absent de docs/data/sites.yml")
        return sites[ident]

    @env.macro
    def tableau_sites() -> str:
        return rendu_sites.tableau_sites(charger_sites(), contexte())

    @env.macro
    def sites_note_verification() -> str:
        return rendu_sites.note_verification(charger_sites())

    @env.macro
    def sites_legende() -> str:
        return rendu_sites.legende_statuts()

    @env.macro
    def site(ident: str, texte: str | None = None) -> str:
        return rendu_sites.renvoi_site(trouver(ident), contexte(), texte)

    @env.macro
    def filtre_ressources() -> str:
        return rendu_ressources.filtre_ressources(charger_ressources())

    @env.macro
    def liste_ressources(ident: str) -> str:
        ressources = charger_ressources()
        if ident not in ressources.listes:
            raise KeyError(
                f"liste_ressources(« {ident} ») : liste absente de docs/data/ressources.yml "
                f"(listes : {', '.join(ressources.listes)})"
            )
        sites = index_sites(charger_sites())
        return rendu_ressources.liste_ressources(
            ressources.listes[ident], ressources, sites, contexte()
        )
