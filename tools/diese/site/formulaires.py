"""Generates the forms (PDF, ODT, DOCX) before pages are rendered, so the downloads page can
show their sizes, and adds them to the site under ressources/formulaires/fichiers/."""

from __future__ import annotations

from mkdocs.structure.files import File

from diese.formulaires.fichiers import DOSSIER_BUILD, URL_SITE, generer_tout

ORDRE = 20
_generes: list = []


def on_config(config, **_):
    # A bad definition stops the build here, naming the file and the field.
    _generes[:] = generer_tout(DOSSIER_BUILD)
    return config


def on_files(files, config, **_):
    for chemin in _generes:
        files.append(File.generated(config, f"{URL_SITE}/{chemin.name}", abs_src_path=str(chemin)))
    return files
