"""HTML of a checklist and of the lists' summary. Every piece of data goes through `escape`."""

from __future__ import annotations

import hashlib
import json
import posixpath
from html import escape

from diese.contenu.checklists import Checklist, catalogue, charger_checklists
from diese.contenu.ids_publies import remplacements

CATALOGUE = "checklists/catalogue.json"


def url_relative(cible: str, page_url: str) -> str:
    """`cible` (path from the site root) seen from a page whose URL is `page_url`."""
    dossier = page_url if page_url.endswith("/") else posixpath.dirname(page_url)
    return posixpath.relpath(cible, dossier.rstrip("/") or ".")


def _element(element, liste_id: str) -> str:
    champ = f"cl-{element.id}"
    detail = f'<p class="diese-cl-detail">{escape(element.detail)}</p>' if element.detail else ""
    source = (
        f'<span class="diese-cl-source-element">({escape(element.source)})</span>'
        if element.source
        else ""
    )
    return (
        f'<li class="diese-cl-element" data-id="{escape(element.id)}">'
        f'<input type="checkbox" id="{escape(champ)}" name="{escape(element.id)}" '
        f'data-liste="{escape(liste_id)}">'
        f'<label for="{escape(champ)}">{escape(element.texte)}</label>'
        f"{detail}{source}</li>"
    )


def adresse_catalogue(listes: dict[str, Checklist], page_url: str) -> str:
    """The catalogue's URL from the page, versioned by its content (no stale HTTP cache)."""
    contenu = json.dumps(catalogue(listes), ensure_ascii=False, sort_keys=True)
    version = hashlib.sha256(contenu.encode()).hexdigest()[:12]
    return f"{url_relative(CATALOGUE, page_url)}?v={version}"


def remplacements_publies() -> str:
    """{old id: current id} of the published ids that were replaced (JSON): the script moves a
    dossier's ticks and notes from the old id to its successor when it reads them."""
    return json.dumps(remplacements(charger_checklists()), ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True)


def ids_du_guide(listes: dict[str, Checklist]) -> str:
    """Every item id of this build, for the page itself: the script sets aside what a dossier
    holds beyond them (removed items) without waiting for the catalogue or trusting a cache."""
    return " ".join(e.id for liste in listes.values() for e in liste.elements)


def rendre_checklist(
    liste: Checklist, page_url: str, listes: dict[str, Checklist] | None = None
) -> str:
    """The whole list: one section per group (heading + checkbox list), in the guide's order.
    `listes`: every list of the build (item ids and catalogue version), this one alone if None."""
    listes = listes or {liste.id: liste}
    adresse = escape(adresse_catalogue(listes, page_url))
    tous_les_ids = ids_du_guide(listes)
    sections = []
    for groupe in liste.groupes:
        titre_id = f"cl-groupe-{liste.id}-{groupe.id}"
        elements = "".join(_element(e, liste.id) for e in groupe.elements)
        sections.append(
            f'<section class="diese-cl-groupe" data-groupe="{escape(groupe.id)}" '
            f'aria-labelledby="{escape(titre_id)}">'
            f'<h2 class="diese-cl-titre-groupe" id="{escape(titre_id)}">{escape(groupe.titre)} '
            f'<span class="diese-cl-compte" data-compte>'
            f"({len(groupe.elements)} éléments)</span></h2>"
            f'<ul class="diese-cl-liste">{elements}</ul></section>'
        )
    sous_titre = (
        f'<p class="diese-cl-sous-titre">{escape(liste.sous_titre)}</p>' if liste.sous_titre else ""
    )
    return (
        f'<div class="diese-cl" data-diese-checklist="{escape(liste.id)}" '
        f'data-titre="{escape(liste.titre)}" data-catalogue="{adresse}" '
        f'data-ids-guide="{escape(tous_les_ids)}" '
        f'data-remplacements="{escape(remplacements_publies())}">'
        f"{sous_titre}"
        f'<p class="diese-cl-source">Source : {escape(liste.source)} — '
        f"{len(liste.elements)} éléments.</p>"
        '<p class="diese-cl-sans-js">Sans JavaScript, les cases se cochent et la page '
        "s’imprime, mais rien n’est enregistré.</p>"
        f"{''.join(sections)}</div>"
    )


def rendre_sommaire(listes: dict[str, Checklist], page_url: str) -> str:
    """The lists' table of contents, with a progress cell the script fills for the open dossier."""
    lignes = []
    for liste in listes.values():
        lien = escape(url_relative(f"checklists/{liste.id}/", page_url))
        lignes.append(
            f'<tr data-liste="{escape(liste.id)}" '
            f'data-ids="{escape(" ".join(e.id for e in liste.elements))}"><th scope="row">'
            f'<a href="{lien}">{escape(liste.titre)}</a></th>'
            f"<td>{escape(liste.source)}</td>"
            f'<td class="diese-cl-nombre">{len(liste.elements)}</td>'
            f'<td class="diese-cl-nombre" data-progression-liste>—</td></tr>'
        )
    adresse = escape(adresse_catalogue(listes, page_url))
    return (
        f'<div class="diese-cl diese-cl-sommaire" data-diese-checklist-sommaire '
        f'data-catalogue="{adresse}" data-ids-guide="{escape(ids_du_guide(listes))}" '
        f'data-remplacements="{escape(remplacements_publies())}">'
        '<table><caption>Les listes et leur avancement dans le dossier '
        "ouvert</caption><thead><tr><th scope=\"col\">Liste</th><th scope=\"col\">D’après</th>"
        '<th scope="col">Éléments</th><th scope="col">Cochés</th></tr></thead>'
        f"<tbody>{''.join(lignes)}</tbody></table></div>"
    )


def rendre_elements_du_guide(liste: Checklist, groupe_id: str) -> str:
    """The items of one group as a plain list, for the guide's own chapter VI tables: the
    guide's text comes from the same data as the tickable list, on one line so that it can sit
    inside an indented admonition."""
    groupes = {g.id: g for g in liste.groupes}
    if groupe_id not in groupes:
        raise KeyError(
            f"checklist « {liste.id} » : groupe « {groupe_id} » inconnu "
            f"(connus : {', '.join(groupes)})"
        )
    items = "".join(f"<li>{escape(e.texte)}</li>" for e in groupes[groupe_id].elements)
    return f'<ul class="diese-cl-guide" data-liste="{escape(liste.id)}">{items}</ul>'
