"""Read and validate every data file before anything else reads one (the macros' `define_env`
calls `verifier_donnees` first, and MkDocs runs it before any hook), and stop the build with the
French message alone (file, line, field): no Python traceback for a typo in a YAML file.
Set DIESE_DEBUG=1 to get the traceback."""

from __future__ import annotations

import os

from mkdocs.exceptions import PluginError

from diese.contenu.changements import charger_changements
from diese.contenu.checklists import charger_checklists
from diese.contenu.glossaire import charger_glossaire
from diese.contenu.ids_publies import remplacements
from diese.contenu.ressources import charger_ressources
from diese.contenu.validation import ErreurDonnees
from diese.formulaires.definition import charger_definitions
from diese.parametres import compiler as compiler_parametres

CHARGEURS = (
    charger_glossaire,
    charger_changements,
    lambda: remplacements(charger_checklists()),  # published checklist ids are forever
    charger_ressources,  # reads sites.yml too
    charger_definitions,
    compiler_parametres,  # every legal parameter file
)


def verifier_tout() -> None:
    for charger in CHARGEURS:
        charger()


def verifier_donnees() -> None:
    if os.environ.get("DIESE_DEBUG") == "1":
        verifier_tout()
        return
    try:
        verifier_tout()
    except ErreurDonnees as exc:
        raise PluginError(f"Données invalides, build arrêté.\n{exc}") from None
