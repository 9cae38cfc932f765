"""Markdown blocks for the site's pages (called by the thin macros in macros/formulaires.py):
the downloads list, a form's page, and a link from a guide page. Links are relative to the
page's source file, so MkDocs checks them in strict mode."""

from __future__ import annotations

from html import escape

from diese.simulation.urls import url_relative

from .definition import charger_definitions
from .fichiers import DOSSIER_BUILD, FORMATS, URL_SITE, generer_tout, nom_fichier, taille_lisible
from .html import generer_html

PAGES = "ressources/formulaires"


def _definitions() -> dict[str, dict]:
    return {d["id"]: d for d in charger_definitions()}


def _definition(ident: str) -> dict:
    definitions = _definitions()
    if ident not in definitions:
        connus = ", ".join(definitions)
        raise KeyError(f"formulaire inconnu : « {ident} » (connus : {connus})")
    return definitions[ident]


def _relatif(cible: str, page: str) -> str:
    return url_relative(cible, page)


def _taille(ident: str, extension: str) -> str:
    chemin = DOSSIER_BUILD / nom_fichier(ident, extension)
    if not chemin.exists():  # a macro run without the build hook (tests, previews)
        generer_tout(DOSSIER_BUILD)
    return taille_lisible(chemin.stat().st_size)


def liens_fichiers(ident: str, page: str, nu: bool = False) -> str:
    """A Markdown list: the three files with format, size and what opens them."""
    lignes = []
    for f in FORMATS:
        url = _relatif(f"{URL_SITE}/{nom_fichier(ident, f.extension)}", page)
        lignes.append(f"- [{f.nom} ({_taille(ident, f.extension)})]({url}) — {f.description}")
    return "\n".join(lignes) if nu else _bloc("\n".join(lignes))


def _bloc(markdown: str) -> str:
    """Wrapped for styling (underlined links) and for print (hidden on paper)."""
    return f'<div class="diese-telechargements" markdown>\n\n{markdown}\n\n</div>\n'



def liste(page: str) -> str:
    blocs = []
    for ident, definition in _definitions().items():
        lien_page = _relatif(f"{PAGES}/{ident}.md", page)
        en_ligne = (f"- [Remplir dans le navigateur]({lien_page}) — rien n’est envoyé, "
                    "impression possible\n")
        blocs.append(
            f"## {definition['titre']}\n\n{definition['objet']}\n\n"
            f"{_bloc(en_ligne + liens_fichiers(ident, page, nu=True))}"
        )
    return "\n".join(blocs)


def entete(ident: str, page: str) -> str:
    definition = _definition(ident)
    return (f"{definition['objet']}\n\n*Source : {definition['source']}.*\n\n"
            f"## Télécharger\n\n{liens_fichiers(ident, page)}\n")


def formulaire(ident: str, niveau: int = 3) -> str:
    """The HTML form, with the notice that answers stay in the browser."""
    note = ("Les réponses restent dans ce navigateur : elles ne sont envoyées nulle part. "
            "Un brouillon est gardé sur cet appareil jusqu’à ce que vous vidiez le formulaire. "
            "Pour garder une trace, imprimez la page ou enregistrez-la en PDF depuis la boîte "
            "d’impression.")
    return (f'<p class="diese-formulaire__note">{escape(note)}</p>\n\n'
            f"{generer_html(_definition(ident), niveau)}\n")


def lien(ident: str, page: str, texte: str | None = None) -> str:
    """Inline Markdown for a guide page: the form's page and its three files."""
    definition = _definition(ident)
    vers_page = _relatif(f"{PAGES}/{ident}.md", page)
    fichiers = ", ".join(
        f"[{f.nom}]({_relatif(f'{URL_SITE}/{nom_fichier(ident, f.extension)}', page)})"
        for f in FORMATS
    )
    return f"[{texte or definition['titre']}]({vers_page}) (à remplir en ligne ou en {fichiers})"


def encart(ident: str, page: str) -> str:
    """An admonition block announcing the form, for a guide page."""
    definition = _definition(ident)
    return (f'!!! example "Formulaire : {definition["titre"]}"\n\n'
            f"    {definition['objet']}\n\n"
            f"    {lien(ident, page, 'Ouvrir le formulaire')}\n")
