"""Every form generated once per test session, in each format."""

from __future__ import annotations

import pytest
from diese.formulaires.definition import charger_definitions
from diese.formulaires.fichiers import FORMATS


@pytest.fixture(scope="session")
def definitions() -> dict[str, dict]:
    return {d["id"]: d for d in charger_definitions()}


@pytest.fixture(scope="session")
def generes(definitions) -> dict[tuple[str, str], bytes]:
    """(form id, extension) -> bytes."""
    return {
        (ident, f.extension): f.generer(definition)
        for ident, definition in definitions.items()
        for f in FORMATS
    }
