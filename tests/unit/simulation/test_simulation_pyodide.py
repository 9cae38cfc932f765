"""The engine runs unchanged in Pyodide: standard library only, data read from its own folder,
and the `python -m diese` entry point works as a separate process."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import diese.simulation

DOSSIER = Path(diese.simulation.__file__).parent
RACINE = Path(__file__).resolve().parents[3]


def test_bibliotheque_standard_seulement():
    for fichier in DOSSIER.glob("*.py"):
        arbre = ast.parse(fichier.read_text(encoding="utf-8"))
        for noeud in ast.walk(arbre):
            if isinstance(noeud, ast.Import):
                noms = [a.name for a in noeud.names]
            elif isinstance(noeud, ast.ImportFrom) and noeud.level == 0:
                noms = [noeud.module]
            else:
                continue
            for nom in noms:
                assert nom.split(".")[0] in sys.stdlib_module_names | {"__future__"}, (
                    f"{fichier.name} importe {nom}")


def test_donnees_dans_le_paquet():
    assert (DOSSIER / "parametres.json").exists()


def test_python_m_diese(tmp_path):
    env = {"PYTHONPATH": str(RACINE / "tools"), "PATH": "/usr/bin:/bin"}
    sortie = subprocess.run([sys.executable, "-m", "diese", "simuler"], input='{"duree_mois": 2}',
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert sortie.returncode == 0 and len(json.loads(sortie.stdout)["mois"]) == 2
    sortie = subprocess.run([sys.executable, "-m", "diese", "comparer"], input='{"profil": 3}',
                            capture_output=True, text=True, env=env, cwd=tmp_path)
    assert sortie.returncode == 2 and sortie.stderr and "Traceback" not in sortie.stderr
