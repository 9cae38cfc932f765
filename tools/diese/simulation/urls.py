"""The one helper for links between pages made in Python: relative URLs, so the site works under
any prefix (a sub-directory of a host, a file copy) and no link leaves its origin."""

from __future__ import annotations

import posixpath


def url_relative(cible: str, page: str) -> str:
    """`cible` (a path from the site root; a trailing « / » for a directory URL, "" for the root)
    seen from `page` (the page's URL from the site root, e.g. "outils/comparer/", or a source
    path such as "guide/visite.md": its directory is used)."""
    dossier = page if page.endswith("/") or not page else posixpath.dirname(page) + "/"
    relatif = posixpath.relpath("/" + cible.lstrip("/"), "/" + dossier.strip("/"))
    if cible.endswith("/") or cible == "":
        return "./" if relatif == "." else relatif + "/"
    return relatif
