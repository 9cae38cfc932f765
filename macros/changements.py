"""« Ce qui a changé depuis 2005 » notes: `{{ changement("id") }}` renders one admonition."""

from diese.contenu.changements import charger_changements, rendre, verifier_termes
from diese.contenu.glossaire import FICHIER as GLOSSAIRE
from diese.contenu.glossaire import charger_glossaire


def enregistrer(env) -> None:
    changements = charger_changements()
    verifier_termes(changements, {t.id for t in charger_glossaire(GLOSSAIRE)}, "changements.yml")

    @env.macro
    def changement(ident: str) -> str:
        return rendre(changements, ident)
