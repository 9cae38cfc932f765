"""Checklist renderers: `{{ checklist("avant-stage") }}`, `{{ checklists_sommaire() }}`, the
company file `{{ fichier_entreprises() }}` and, for the guide's chapter VI,
`{{ checklist_elements("avant-stage", "entreprise") }}`."""

from diese.checklists.fichier import rendre_fichier
from diese.checklists.rendu import rendre_checklist, rendre_elements_du_guide, rendre_sommaire
from diese.contenu.checklists import charger_checklists


def enregistrer(env) -> None:
    @env.macro
    def checklist(identifiant: str) -> str:
        listes = charger_checklists()
        if identifiant not in listes:
            raise KeyError(f"checklist inconnue « {identifiant} » (connues : {', '.join(listes)})")
        return rendre_checklist(listes[identifiant], env.page.url, listes)

    @env.macro
    def checklist_elements(identifiant: str, groupe: str) -> str:
        listes = charger_checklists()
        if identifiant not in listes:
            raise KeyError(f"checklist inconnue « {identifiant} » (connues : {', '.join(listes)})")
        return rendre_elements_du_guide(listes[identifiant], groupe)

    @env.macro
    def fichier_entreprises() -> str:
        return rendre_fichier(env.page.url)

    @env.macro
    def checklists_sommaire() -> str:
        return rendre_sommaire(charger_checklists(), env.page.url)
