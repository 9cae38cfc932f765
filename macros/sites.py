"""Reference sites (Annex 1) and the guide's resource lists: thin wrappers over diese.annuaire."""

from diese.annuaire import ressources as rendu_ressources
from diese.annuaire import sites as rendu_sites
from diese.annuaire.commun import Contexte
from diese.contenu.ressources import charger_ressources
from diese.contenu.sites import charger_sites, index_sites


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
