"""Checklist renderers: `{{ checklist("avant-stage") }}` and `{{ checklists_sommaire() }}`."""

from diese.checklists.rendu import rendre_checklist, rendre_sommaire
from diese.contenu.checklists import charger_checklists


def enregistrer(env) -> None:
    @env.macro
    def checklist(identifiant: str) -> str:
        listes = charger_checklists()
        if identifiant not in listes:
            raise KeyError(f"checklist inconnue « {identifiant} » (connues : {', '.join(listes)})")
        return rendre_checklist(listes[identifiant], env.page.url, listes)

    @env.macro
    def checklists_sommaire() -> str:
        return rendre_sommaire(charger_checklists(), env.page.url)
