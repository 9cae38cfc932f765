"""HTML form from a form definition: filled in the browser, printed on paper, never sent (no
action, no submit button). Input names are the PDF field names, so one vocabulary serves both.
Every control has a real <label> (or a <legend> for a group)."""

from __future__ import annotations

from html import escape

from .definition import (
    BORNES_PAR_DEFAUT,
    ECHELLE,
    lignes_tableau,
    nom_champ,
    sections_et_parties,
    suite,
)


def _e(texte: str) -> str:
    return escape(texte, quote=True)


class _Rendu:
    def __init__(self, definition: dict) -> None:
        self.ident = definition["id"]
        self.morceaux: list[str] = []

    def id(self, *parties: str) -> str:
        return "f-" + self.ident + "-" + "-".join(parties)

    def __call__(self, texte: str) -> None:
        self.morceaux.append(texte)


def _aide(r: _Rendu, champ: dict, ident: str) -> tuple[str, str]:
    """The help paragraph and the matching aria-describedby attribute."""
    if not champ.get("aide"):
        return "", ""
    return (f'<p class="diese-champ__aide" id="{ident}-aide">{_e(champ["aide"])}</p>',
            f' aria-describedby="{ident}-aide"')


def _texte(r: _Rendu, champ: dict) -> None:
    ident = r.id(champ["id"])
    aide, decrit = _aide(r, champ, ident)
    demi = " diese-champ--demi" if champ.get("largeur") == "demie" else ""
    if champ["type"] == "texte_long":
        controle = (f'<textarea id="{ident}" name="{champ["id"]}" rows="{champ.get("lignes", 3)}"'
                    f'{decrit}></textarea>')
    else:
        genre = "date" if champ["type"] == "date" else "text"
        controle = f'<input type="{genre}" id="{ident}" name="{champ["id"]}"{decrit}>'
    r(f'<div class="diese-champ{demi}"><label for="{ident}">{_e(champ["libelle"])}</label>'
      f"{aide}{controle}</div>")


def _case(r: _Rendu, champ: dict) -> None:
    ident = r.id(champ["id"])
    aide, decrit = _aide(r, champ, ident)
    r(f'<div class="diese-champ diese-champ--case"><input type="checkbox" id="{ident}" '
      f'name="{champ["id"]}"{decrit}><label for="{ident}">{_e(champ["libelle"])}</label>'
      f"{aide}</div>")


def _choix(r: _Rendu, champ: dict) -> None:
    ident = r.id(champ["id"])
    aide, decrit = _aide(r, champ, ident)
    if champ.get("liste") and not champ.get("multiple"):
        options = "".join(f'<option value="{_e(o["id"])}">{_e(o["libelle"])}</option>'
                          for o in champ["options"])
        r(f'<div class="diese-champ"><label for="{ident}">{_e(champ["libelle"])}</label>{aide}'
          f'<select id="{ident}" name="{champ["id"]}"{decrit}><option value="">—</option>'
          f"{options}</select></div>")
        return
    r(f'<fieldset class="diese-champ diese-choix"{decrit}><legend>{_e(champ["libelle"])}</legend>'
      f'{aide}<div class="diese-choix__options">')
    for option in champ["options"]:
        ident_option = r.id(champ["id"], option["id"])
        if champ.get("multiple"):
            controle = (f'<input type="checkbox" id="{ident_option}" '
                        f'name="{nom_champ(champ["id"], option["id"])}">')
        else:
            controle = (f'<input type="radio" id="{ident_option}" name="{champ["id"]}" '
                        f'value="{_e(option["id"])}">')
        r(f'<span class="diese-choix__option">{controle}'
          f'<label for="{ident_option}">{_e(option["libelle"])}</label></span>')
    r("</div></fieldset>")


def _bornes(bornes: list[str]) -> str:
    return f"1 = {bornes[0].lower()}, 5 = {bornes[1].lower()}"


def _radios_echelle(r: _Rendu, nom: str) -> str:
    morceaux = []
    for valeur in ECHELLE:
        ident = r.id(nom, valeur)
        morceaux.append(f'<span class="diese-echelle__point"><input type="radio" id="{ident}" '
                        f'name="{nom}" value="{valeur}"><label for="{ident}">{valeur}</label>'
                        "</span>")
    return "".join(morceaux)


def _echelle(r: _Rendu, champ: dict) -> None:
    bornes = champ.get("bornes", BORNES_PAR_DEFAUT)
    r(f'<fieldset class="diese-champ diese-echelle"><legend>{_e(champ["libelle"])}</legend>'
      f'<p class="diese-champ__aide">{_e(_bornes(bornes))}</p>'
      f'<div class="diese-echelle__points">{_radios_echelle(r, champ["id"])}</div></fieldset>')


def _tableau(r: _Rendu, champ: dict, legende_visible: bool) -> None:
    vierges = isinstance(champ["lignes"], int)
    colonnes = champ["colonnes"]
    classe_legende = "" if legende_visible else ' class="diese-masque"'
    # The scrolling region is named apart from its section, which often bears the same title.
    r(f'<div class="diese-tableau" role="region" tabindex="0" '
      f'aria-label="{_e(champ["libelle"])} (tableau)"><table class="diese-tableau__grille">'
      f'<caption{classe_legende}>{_e(champ["libelle"])}</caption><thead><tr>')
    entete = "N°" if vierges else champ.get("entete_lignes", "")
    r(f'<th scope="col">{_e(entete)}</th>')
    for colonne in colonnes:
        classe = ' class="diese-vertical"' if colonne.get("vertical") else ""
        contenu = f"<span>{_e(colonne['libelle'])}</span>"
        if colonne["type"] == "echelle":
            bornes = colonne.get("bornes", BORNES_PAR_DEFAUT)
            contenu += f'<small class="diese-bornes">{_e(_bornes(bornes))}</small>'
        r(f'<th scope="col"{classe}>{contenu}</th>')
    r("</tr></thead><tbody>")
    for ligne in lignes_tableau(champ):
        texte_ligne = ligne["libelle"].split()[-1] if vierges else ligne["libelle"]
        r(f'<tr><th scope="row">{_e(texte_ligne)}</th>')
        for colonne in colonnes:
            nom = nom_champ(champ["id"], ligne["id"], colonne["id"])
            ident = r.id(nom)
            nom_lisible = _e(f"{ligne['libelle']} – {colonne['libelle']}")
            if colonne["type"] == "echelle":
                r(f'<td><fieldset class="diese-echelle diese-echelle--cellule">'
                  f'<legend class="diese-masque">{nom_lisible}</legend>'
                  f'{_radios_echelle(r, nom)}</fieldset></td>')
                continue
            genre = {"texte": "text", "date": "date", "case": "checkbox"}[colonne["type"]]
            classe = ' class="diese-cellule-case"' if genre == "checkbox" else ""
            r(f'<td{classe}><label class="diese-masque" for="{ident}">{nom_lisible}</label>'
              f'<input type="{genre}" id="{ident}" name="{nom}"></td>')
        r("</tr>")
    r("</tbody></table></div>")


def _signatures(r: _Rendu, champs: list[dict]) -> None:
    r('<div class="diese-signatures">')
    for champ in champs:
        r(f'<div class="diese-signature"><span>Signature – {_e(champ["libelle"])}</span></div>')
    r("</div>")


def _champs(r: _Rendu, section: dict) -> None:
    champs = section["champs"]
    n = 0
    while n < len(champs):
        champ, type_ = champs[n], champs[n]["type"]
        if type_ == "signature":
            groupe = suite(champs, n, {"signature"})
            _signatures(r, groupe)
            n += len(groupe)
            continue
        if type_ in {"texte", "date", "texte_long"}:
            _texte(r, champ)
        elif type_ == "case":
            _case(r, champ)
        elif type_ == "choix":
            _choix(r, champ)
        elif type_ == "echelle":
            _echelle(r, champ)
        elif type_ == "tableau":
            _tableau(r, champ, legende_visible=champ["libelle"] != section["titre"])
        n += 1


def generer_html(definition: dict, niveau: int = 2) -> str:
    """The <form> element; section headings start at <h{niveau}>. One line, no blank line, so
    that Markdown passes it through as a raw HTML block."""
    r = _Rendu(definition)
    # The fields repeat the guide's fiches and questionnaire, already indexed on the guide pages.
    r(f'<form class="diese-formulaire" id="{r.id("formulaire")}" data-search-exclude '
      f'data-diese-formulaire="{_e(definition["id"])}" autocomplete="off" '
      f'aria-label="{_e(definition["titre"])}">')
    r('<div class="diese-formulaire__barre" hidden>'
      '<button type="button" class="md-button" data-action="imprimer">Imprimer</button>'
      '<button type="button" class="md-button" data-action="vider">Vider le formulaire</button>'
      '<p class="diese-formulaire__etat" role="status" aria-live="polite"></p></div>')
    for texte in definition.get("introduction", []):
        r(f'<p class="diese-formulaire__intro">{_e(texte)}</p>')
    partie = ""
    for etape in sections_et_parties(definition):
        section = etape.section
        ident = r.id("section", section["id"])
        if etape.titre_partie:
            partie = r.id("partie", section["id"])
            r(f'<h{niveau} class="diese-formulaire__partie" id="{partie}">'
              f'{_e(etape.titre_partie)}</h{niveau}>')
        h = niveau + 1 if etape.dans_une_partie else niveau
        # Parts repeat their sections' titles (« I. État des lieux » in each): a section in a
        # part is named by its title and its part's, so that no two regions share a name.
        noms = f"{ident} {partie}" if etape.dans_une_partie and partie else ident
        r(f'<section class="diese-formulaire__section" aria-labelledby="{noms}">'
          f'<h{h} id="{ident}">{_e(section["titre"])}</h{h}>')
        for texte in section.get("texte", []):
            r(f"<p>{_e(texte)}</p>")
        if section.get("puces"):
            r("<ul>" + "".join(f"<li>{_e(p)}</li>" for p in section["puces"]) + "</ul>")
        _champs(r, section)
        r("</section>")
    r("</form>")
    return "".join(r.morceaux)
