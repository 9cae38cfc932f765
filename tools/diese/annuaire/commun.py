"""Pieces shared by the sites table and the resource lists: links between pages, external links,
French dates and the filter form that `diese-sites.js` brings to life."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from diese.contenu.sites import Lien
from diese.simulation.textes import date_fr as date_fr  # re-exported: the one French formatter
from diese.simulation.urls import url_relative


@dataclass(frozen=True)
class Contexte:
    """The page being rendered: its source path and URL, and how MkDocs builds URLs."""

    page_src: str = ""
    page_url: str = ""
    dir_urls: bool = True


def url_de_page(src: str, dir_urls: bool = True) -> str:
    """URL (relative to the site root) that MkDocs gives to docs/<src>."""
    racine = src[: -len(".md")]
    if racine == "index" or racine.endswith("/index"):
        dossier = racine[: -len("index")]
        return dossier if dir_urls else f"{dossier}index.html"
    return f"{racine}/" if dir_urls else f"{racine}.html"


def href_page(src: str, ctx: Contexte, ancre: str = "") -> str:
    """Relative link from the current page to docs/<src> (works under any site prefix)."""
    suffixe = f"#{ancre}" if ancre else ""
    if src == ctx.page_src:
        return suffixe or "./"
    return url_relative(url_de_page(src, ctx.dir_urls), ctx.page_url) + suffixe


def lien_html(lien: Lien, ctx: Contexte, classe: str = "") -> str:
    attr_classe = f' class="{classe}"' if classe else ""
    if lien.page:
        return f'<a{attr_classe} href="{escape(href_page(lien.page, ctx))}">{escape(lien.nom)}</a>'
    return lien_externe(lien.adresse, lien.nom, classe)


def lien_externe(adresse: str, texte: str, classe: str = "") -> str:
    classes = " ".join(c for c in ("diese-lien-externe", classe) if c)
    return (
        f'<a class="{classes}" href="{escape(adresse)}" rel="noopener noreferrer">'
        f"{escape(texte)}</a>"
    )


def formulaire_filtre(
    groupe: str,
    titre: str,
    criteres: list[tuple[str, str, list[tuple[str, str, int]]]],
    unite: tuple[str, str],
    total: int,
) -> str:
    """A filter form hidden until the script mounts it (without JS everything stays visible).

    criteres: (key matched against `data-<key>` on elements, legend, [(value, label, count)]).
    """
    morceaux = [
        f'<form class="diese-filtre" data-diese-filtre="{escape(groupe)}" '
        f'data-singulier="{escape(unite[0])}" data-pluriel="{escape(unite[1])}" '
        f'aria-label="{escape(titre)}" hidden>'
    ]
    for cle, legende, choix in criteres:
        nom = f"{groupe}-{cle}"
        morceaux.append(
            f'<fieldset class="diese-filtre__groupe" data-cle="{escape(cle)}">'
            f"<legend>{escape(legende)}</legend><div class=\"diese-filtre__choix\">"
        )
        for rang, (valeur, libelle, nombre) in enumerate([("", "Tous", total), *choix]):
            ident = f"{nom}-{rang}"
            coche = " checked" if rang == 0 else ""
            morceaux.append(
                f'<span class="diese-filtre__option"><input type="radio" id="{escape(ident)}" '
                f'name="{escape(nom)}" value="{escape(valeur)}"{coche}>'
                f'<label for="{escape(ident)}">{escape(libelle)} '
                f'<span class="diese-filtre__nombre">({nombre})</span></label></span>'
            )
        morceaux.append("</div></fieldset>")
    morceaux.append('<p class="diese-filtre__compte" role="status" aria-live="polite"></p>')
    morceaux.append("</form>")
    return "".join(morceaux)
