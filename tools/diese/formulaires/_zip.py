"""Same bytes for the same content: ODT and DOCX are zip files whose entries carry the time of
writing. Rewritten with a fixed date, in the same order (ODT's `mimetype` stays first, stored)."""

from __future__ import annotations

import io
import zipfile

DATE_FIXE = (2005, 3, 17, 0, 0, 0)  # the guide's version 9


def zip_fige(donnees: bytes) -> bytes:
    sortie = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(donnees)) as source, zipfile.ZipFile(sortie, "w") as cible:
        for info in source.infolist():
            entree = zipfile.ZipInfo(info.filename, DATE_FIXE)
            entree.compress_type = info.compress_type
            entree.external_attr = 0o644 << 16
            entree.create_system = 3
            cible.writestr(entree, source.read(info.filename))
    return sortie.getvalue()
