"""Write statuses back into sites.yml by editing only the lines concerned, so comments, order,
quoting and folded notes written by people survive (PyYAML would drop every comment).

The file is never half-written nor written with something it should not hold: the new text goes
to a temporary copy beside it, which is read back, validated, and compared with the original
(only `statut` and `verification` may differ), and only then renamed over it."""

from __future__ import annotations

import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from diese.contenu.validation import ErreurDonnees, lire_yaml

from .requetes import nettoyer

CHAMPS_DU_VERIFICATEUR = ("statut", "verification")
STATUTS_PERMIS = {"actif", "déplacé", "disparu", "inconnu"}
METHODES_PERMISES = {"automatique", "documentaire"}


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


def texte_ecrit(texte: str) -> str:
    """What the file will hold for a text: cleaned of controls and separators, trimmed."""
    return nettoyer(texte, 1000).strip()


def guillemets(texte: str) -> str:
    """A YAML double-quoted scalar that can only ever be read back as this one string: no
    control or separator character survives (nettoyer), and « \\ » and « " » are escaped."""
    propre = texte_ecrit(texte).replace("\\", "\\\\").replace('"', '\\"')
    return f'"{propre}"'


def _verification(maj: MiseAJour, retrait: int) -> list[str]:
    marge = " " * retrait
    sous = " " * (retrait + 2)
    return [
        f"{marge}verification:\n",
        f"{sous}date: {guillemets(maj.date)}\n",
        f"{sous}methode: {maj.methode}\n",
        f"{sous}detail: {guillemets(maj.detail)}\n",
    ]


def _controler(maj: MiseAJour) -> None:
    if maj.statut not in STATUTS_PERMIS or maj.methode not in METHODES_PERMISES:
        raise ValueError(f"mise à jour refusée pour « {maj.site} » : {maj.statut}/{maj.methode}")
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", maj.date):
        raise ValueError(f"mise à jour refusée pour « {maj.site} » : date {maj.date!r}")


def appliquer(texte: str, mises_a_jour: list[MiseAJour]) -> str:
    lignes = texte.splitlines(keepends=True)
    for maj in mises_a_jour:
        _controler(maj)
        debut, fin, retrait = _bloc(lignes, maj.site)
        i = _cle(lignes, debut, fin, retrait, "verification")
        j = _fin_valeur(lignes, i, fin, retrait)
        lignes[i:j] = _verification(maj, retrait)
        debut, fin, retrait = _bloc(lignes, maj.site)
        k = _cle(lignes, debut, fin, retrait, "statut")
        lignes[k] = f"{' ' * retrait}statut: {maj.statut}\n"
    return "".join(lignes)


def _sans_champs_du_verificateur(donnees: object) -> object:
    if not isinstance(donnees, dict):
        return donnees
    copie = dict(donnees)
    copie["sites"] = [
        {k: v for k, v in site.items() if k not in CHAMPS_DU_VERIFICATEUR}
        if isinstance(site, dict) else site
        for site in donnees.get("sites", [])
    ]
    return copie


def ecrire(fichier: Path, mises_a_jour: list[MiseAJour], valider) -> None:
    """Apply the updates to `fichier` atomically. `valider(chemin)` loads a candidate file as
    the site would (it raises ErreurDonnees when the data is wrong). Raises ErreurDonnees, and
    leaves the original untouched byte for byte, when anything is off."""
    ancien = fichier.read_text(encoding="utf-8")
    nouveau = appliquer(ancien, mises_a_jour)
    descripteur, nom = tempfile.mkstemp(prefix=f".{fichier.name}.", suffix=".tmp",
                                        dir=fichier.parent)
    temporaire = Path(nom)
    try:
        with os.fdopen(descripteur, "w", encoding="utf-8", newline="") as flux:
            flux.write(nouveau)
            flux.flush()
            os.fsync(flux.fileno())
        valider(temporaire)
        avant, apres = lire_yaml(fichier), lire_yaml(temporaire)
        if _sans_champs_du_verificateur(avant) != _sans_champs_du_verificateur(apres):
            raise ErreurDonnees(
                f"{fichier} : écriture refusée : la réécriture changerait d’autres champs que "
                f"{' et '.join(CHAMPS_DU_VERIFICATEUR)} ; rien n’a été écrit")
        voulus = {m.site: m for m in mises_a_jour}
        for site in apres.get("sites", []):
            maj = voulus.get(site.get("id"))
            if maj and (site.get("statut"), site.get("verification", {}).get("detail")) != (
                    maj.statut, texte_ecrit(maj.detail)):
                raise ErreurDonnees(
                    f"{fichier} : écriture refusée : « {maj.site} » ne se relit pas comme "
                    "écrit ; rien n’a été écrit")
        os.chmod(temporaire, fichier.stat().st_mode & 0o777)
        os.replace(temporaire, fichier)
    finally:
        temporaire.unlink(missing_ok=True)
