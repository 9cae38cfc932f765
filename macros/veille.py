"""The date of the last law watch (python -m diese parametres veille), for the method page."""

from diese.veille.affichage import phrase_derniere_veille


def enregistrer(env) -> None:
    @env.macro
    def derniere_veille() -> str:
        return phrase_derniere_veille()
