"""Fingerprinted names for the site's own stylesheets and scripts: `diese-simulateurs.js` is
published as `diese-simulateurs.<hash>.js`, `<hash>` being the start of its content's SHA-256, and
every reference to it (pages, and the scripts that load others: diese-chargeur.js) is rewritten.
A page therefore always gets the CSS/JS it was built with — never an older copy from the HTTP
cache or from a service worker — and a host may send these files with
`Cache-Control: immutable` (README, « Hébergement »). Material's own bundles are fingerprinted
by the theme already.

A script that names another is named after the rewritten content, so a change anywhere down the
chain changes every name above it. Runs after the CSP step (src attributes are not hashed there)
and before the offline step, whose precache list must carry the final names."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

ORDRE = 92
CIBLES = (("assets/javascripts", "diese-*.js"), ("assets/stylesheets", "diese*.css"))
REFERENCANTS = (".html", ".js", ".css")  # where a target may be named
LONGUEUR = 10
DEJA = re.compile(rf"\.[0-9a-f]{{{LONGUEUR}}}\.(js|css)$")


def nom_empreinte(nom: str, contenu: bytes) -> str:
    racine, extension = nom.rsplit(".", 1)
    return f"{racine}.{hashlib.sha256(contenu).hexdigest()[:LONGUEUR]}.{extension}"


def _motif(noms: list[str]) -> re.Pattern:
    # Longest first (diese.css must not match inside diese-sites.css, the look-arounds see to that
    # too); a name is a whole path segment: after / or a quote, not followed by more of a name.
    choix = "|".join(re.escape(n) for n in sorted(noms, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])({choix})(?![\w-]|\.\w)")


def cibles(site: Path) -> list[Path]:
    trouves = [f for dossier, motif in CIBLES for f in (site / dossier).glob(motif)]
    return sorted(f for f in trouves if f.is_file() and not DEJA.search(f.name))


def empreinter(site: Path) -> dict[str, str]:
    """Rename the targets in `site` and rewrite their references; return {old: new} names."""
    fichiers = {f.name: f for f in cibles(site)}
    if not fichiers:
        return {}
    motif = _motif(list(fichiers))
    contenus = {nom: f.read_text(encoding="utf-8") for nom, f in fichiers.items()}
    dependances = {
        nom: {m.group(1) for m in motif.finditer(texte)} - {nom} for nom, texte in contenus.items()
    }
    noms: dict[str, str] = {}
    while len(noms) < len(fichiers):
        prets = [n for n in fichiers if n not in noms and dependances[n] <= noms.keys()]
        if not prets:
            cycle = sorted(set(fichiers) - noms.keys())
            raise RuntimeError(f"Empreintes : ces fichiers se citent en boucle : {cycle}")
        for nom in prets:
            texte = motif.sub(lambda m: noms.get(m.group(1), m.group(1)), contenus[nom])
            donnees = texte.encode("utf-8")
            noms[nom] = nom_empreinte(nom, donnees)
            fichiers[nom].with_name(noms[nom]).write_bytes(donnees)
            fichiers[nom].unlink()
    nouveaux = set(noms.values())
    for fichier in site.rglob("*"):
        if (fichier.suffix not in REFERENCANTS or not fichier.is_file()
                or fichier.name in nouveaux or "assets/pyodide" in fichier.as_posix()):
            continue
        texte = fichier.read_text(encoding="utf-8", errors="surrogateescape")
        nouveau = motif.sub(lambda m: noms[m.group(1)], texte)
        if nouveau != texte:
            fichier.write_text(nouveau, encoding="utf-8", errors="surrogateescape")
    return noms


def on_post_build(config, **_) -> None:
    empreinter(Path(config["site_dir"]))
