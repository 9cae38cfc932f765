"""Stops the build when the engine's compiled parameters (diese/simulation/parametres.json) no
longer match the YAML files: the browser would otherwise compute with stale values."""

from __future__ import annotations

from diese import parametres

ORDRE = 5


def on_config(config, **_):
    if not parametres.est_a_jour():
        raise RuntimeError(
            f"{parametres.CIBLE} ne correspond plus aux fichiers de tools/diese/parametres : "
            "lancez « python -m diese.parametres » puis relancez le build.")
    return config
