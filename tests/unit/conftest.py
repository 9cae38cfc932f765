"""Fixtures shared by the unit tests of the engine and of its renderer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from diese.simulation import paie, parametres


@pytest.fixture
def parametres_modifies(tmp_path: Path, monkeypatch):
    """A temporary copy of the compiled parameters, changed by the test, used by the engine."""

    def modifier(changer) -> None:
        brut = json.loads(parametres.FICHIER.read_text(encoding="utf-8"))
        changer(brut["parametres"])
        copie = tmp_path / "parametres.json"
        copie.write_text(json.dumps(brut), encoding="utf-8")
        monkeypatch.setattr(parametres, "FICHIER", copie)
        _vider()

    def _vider() -> None:
        parametres.tous.cache_clear()
        paie.bareme.cache_clear()
        paie._PAR_RANGS.clear()

    yield modifier
    monkeypatch.undo()
    _vider()
