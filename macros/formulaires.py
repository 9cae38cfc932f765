"""Form renderers: downloads list, HTML forms and links from the guide (logic in
diese.formulaires.pages)."""

from diese.formulaires import pages


def enregistrer(env) -> None:
    def page() -> str:
        return env.page.file.src_uri

    @env.macro
    def liste_formulaires() -> str:
        return pages.liste(page())

    @env.macro
    def formulaire_entete(ident: str) -> str:
        return pages.entete(ident, page())

    @env.macro
    def formulaire_html(ident: str, niveau: int = 3) -> str:
        return pages.formulaire(ident, niveau)

    @env.macro
    def lien_formulaire(ident: str, texte: str | None = None) -> str:
        return pages.lien(ident, page(), texte)

    @env.macro
    def encart_formulaire(ident: str) -> str:
        return pages.encart(ident, page())
