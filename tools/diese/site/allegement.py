"""The site's own stylesheets published without their comments and indentation.

Every page loads them (about 45 KB of source, a third of it comments that explain the rules):
without them a reading page downloads about 4 KB less, compressed. The sources in `overrides/`
keep their comments. Runs before the fingerprinting step, so that a file's name follows its
published content, and rewrites each file through a checked temporary copy (`_ecriture`).
"""

from __future__ import annotations

from pathlib import Path

from diese.site._ecriture import remplacer_texte

ORDRE = 91  # after the CSP (which does not read stylesheets), before fingerprints (92)
CIBLES = ("assets/stylesheets", "diese*.css")


class CssIllisible(ValueError):
    pass


def sans_commentaires(css: str, nom: str = "?") -> str:
    """`css` without its comments (strings left as they are), blank lines and indentation."""
    sortie: list[str] = []
    i, n = 0, len(css)
    while i < n:
        c = css[i]
        if c in "\"'":
            fin = i + 1
            while fin < n and css[fin] != c:
                fin += 2 if css[fin] == "\\" else 1
            if fin >= n:
                raise CssIllisible(f"{nom} : chaîne non fermée à la position {i}")
            sortie.append(css[i : fin + 1])
            i = fin + 1
        elif css.startswith("/*", i):
            fin = css.find("*/", i + 2)
            if fin < 0:
                raise CssIllisible(f"{nom} : commentaire non fermé à la position {i}")
            i = fin + 2
        else:
            sortie.append(c)
            i += 1
    lignes = (ligne.strip() for ligne in "".join(sortie).splitlines())
    return "\n".join(ligne for ligne in lignes if ligne) + "\n"


def alleger(fichier: Path) -> None:
    """Rewrite `fichier` without comments."""
    source = fichier.read_text(encoding="utf-8")
    allege = sans_commentaires(source, fichier.name)
    if allege.count("{") != allege.count("}"):
        raise CssIllisible(f"{fichier.name} : accolades déséquilibrées après allègement")
    remplacer_texte(fichier, allege)


def on_post_build(config, **_) -> None:
    dossier, motif = CIBLES
    for fichier in sorted((Path(config["site_dir"]) / dossier).glob(motif)):
        alleger(fichier)
