"""Write statuses back into sites.yml by editing only the lines concerned, so comments, order,
quoting and folded notes written by people survive (PyYAML would drop every comment)."""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

LARGEUR = 96


@dataclass(frozen=True)
class MiseAJour:
    site: str
    statut: str
    date: str
    methode: str
    detail: str


def _indentation(ligne: str) -> int:
    return len(ligne) - len(ligne.lstrip(" "))


def _bloc(lignes: list[str], ident: str) -> tuple[int, int, int]:
    """(first line, end line exclusive, key indentation) of the entry `- id: ident`."""
    motif = re.compile(rf"^(\s*)- id:\s*[\"']?{re.escape(ident)}[\"']?\s*(#.*)?$")
    for debut, ligne in enumerate(lignes):
        trouve = motif.match(ligne)
        if not trouve:
            continue
        retrait = len(trouve.group(1))
        fin = debut + 1
        while fin < len(lignes):
            courante = lignes[fin]
            if courante.strip() and _indentation(courante) <= retrait:
                break
            fin += 1
        # Blank lines and comments just before the next entry belong to it, not to this one.
        while fin - 1 > debut and (
            not lignes[fin - 1].strip() or lignes[fin - 1].lstrip().startswith("#")
        ):
            fin -= 1
        return debut, fin, retrait + 2
    raise KeyError(f"entrée « {ident} » introuvable dans le fichier")


def _cle(lignes: list[str], debut: int, fin: int, retrait: int, cle: str) -> int:
    for i in range(debut, fin):
        ligne = lignes[i]
        contenu = ligne[retrait:] if i > debut else ligne.lstrip(" -")
        if _indentation(ligne) in {retrait, retrait - 2} and re.match(rf"{cle}:", contenu):
            return i
    raise KeyError(f"champ « {cle} » introuvable")


def _fin_valeur(lignes: list[str], i: int, fin: int, retrait: int) -> int:
    j = i + 1
    while j < fin and (not lignes[j].strip() or _indentation(lignes[j]) > retrait):
        j += 1
    while j - 1 > i and not lignes[j - 1].strip():
        j -= 1
    return j


def _verification(maj: MiseAJour, retrait: int) -> list[str]:
    marge = " " * retrait
    sous = " " * (retrait + 2)
    texte = textwrap.wrap(maj.detail, LARGEUR - retrait - 4) or [""]
    return [
        f"{marge}verification:\n",
        f'{sous}date: "{maj.date}"\n',
        f"{sous}methode: {maj.methode}\n",
        f"{sous}detail: >-\n",
        *[f"{sous}  {ligne}\n" for ligne in texte],
    ]


def appliquer(texte: str, mises_a_jour: list[MiseAJour]) -> str:
    lignes = texte.splitlines(keepends=True)
    for maj in mises_a_jour:
        debut, fin, retrait = _bloc(lignes, maj.site)
        i = _cle(lignes, debut, fin, retrait, "verification")
        j = _fin_valeur(lignes, i, fin, retrait)
        lignes[i:j] = _verification(maj, retrait)
        debut, fin, retrait = _bloc(lignes, maj.site)
        k = _cle(lignes, debut, fin, retrait, "statut")
        lignes[k] = f"{' ' * retrait}statut: {maj.statut}\n"
    return "".join(lignes)
