"""Glossary renderers: `{{ glossaire() }}` writes the glossary page from docs/data/glossaire.yml."""

from diese.contenu.glossaire import charger_glossaire, page_glossaire


def enregistrer(env) -> None:
    @env.macro
    def glossaire_termes():
        return charger_glossaire()

    @env.macro
    def glossaire() -> str:
        return page_glossaire(charger_glossaire())
