"""Glossary renderers."""

from diese.contenu.glossaire import charger_glossaire


def enregistrer(env) -> None:
    @env.macro
    def glossaire_termes():
        return charger_glossaire()
