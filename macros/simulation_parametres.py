"""Renderers for the page « Données et méthode de calcul »: thin calls into diese.parametres."""

from diese.parametres import documentation


def enregistrer(env) -> None:
    @env.macro
    def simulation_parametres() -> str:
        return documentation.tableau_parametres()

    @env.macro
    def simulation_champs() -> str:
        return documentation.tableau_champs()

    @env.macro
    def parametres_en_vigueur() -> str:
        return documentation.phrase_date_des_parametres()

    @env.macro
    def simulation_non_verifies() -> str:
        return documentation.liste_non_verifies()
