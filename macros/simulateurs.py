"""Simulator widgets: `{{ simulateur("simuler") }}` (or "comparer", "oeth") in a page."""

from diese.simulateurs.widget import widget


def enregistrer(env) -> None:
    @env.macro
    def simulateur(commande: str) -> str:
        url = env.page.url  # e.g. "outils/cout-embauche/": one "../" per level
        return widget(commande, "../" * url.count("/"))
