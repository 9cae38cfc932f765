"""Simulator widgets: `{{ simulateur("simuler") }}` (or "comparer", "oeth") in a page."""

from diese.simulateurs.widget import widget
from diese.simulation.urls import url_relative


def enregistrer(env) -> None:
    @env.macro
    def simulateur(commande: str) -> str:
        return widget(commande, url_relative("", env.page.url))  # the site root
