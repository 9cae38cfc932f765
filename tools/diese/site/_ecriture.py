"""Rewriting a built file in place: never a half-written file on a failed build."""

from __future__ import annotations

from pathlib import Path


def remplacer_texte(cible: Path, contenu: str) -> None:
    """Write `contenu` to a temporary copy beside `cible`, read it back, then rename it over
    `cible`; `cible` is left intact if the copy does not read back the same."""
    temporaire = cible.with_name(cible.name + ".tmp")
    temporaire.write_text(contenu, encoding="utf-8")
    if temporaire.read_text(encoding="utf-8") != contenu:
        temporaire.unlink()
        raise OSError(f"{temporaire} : copie illisible, {cible.name} laissé intact")
    temporaire.replace(cible)
