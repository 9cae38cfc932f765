"""The engine as the browser restores it (Node.js, the built site's files): Python from the
snapshot and the WebAssembly module without data segments, only the complement zip mounted. Every module left in that zip still imports, the
commands answer, and the snapshot is the lean one (-OO, free memory zeroed)."""

from __future__ import annotations

import json
import subprocess
import zipfile
from pathlib import Path

SCRIPT = Path(__file__).with_name("reprise.mjs")


def test_python_restaure_avec_le_complement_seul(site_dir: Path) -> None:
    sortie = subprocess.run(["node", str(SCRIPT), str(site_dir)], capture_output=True, text=True,
                            timeout=300, check=False)
    assert sortie.returncode == 0, sortie.stderr[-3000:]
    r = json.loads(sortie.stdout.strip().splitlines()[-1])
    assert r["ok"] == [True, True, True, False]  # simuler, comparer, oeth, then a bad age
    assert r["erreur"][0]["champ"] == "age"
    assert r["optimise"] == 2
    # Started from the module without data segments, the range filled from the snapshot.
    assert 0 < r["plage"][0] < r["plage"][1]
    # What the engine may import after the restore is there: dates, codecs, tracebacks' helpers.
    assert {"_strptime", "encodings.cp1252", "encodings.latin_1"} <= set(r["importes"])
    # A failure is tolerated only for a module whose dependency is absent from the reduced
    # library too (a normal start fails the same way: argparse needs gettext, idna stringprep).
    with zipfile.ZipFile(site_dir / "assets" / "pyodide" / "python_stdlib.zip") as archive:
        reduite = set(archive.namelist())
    for module, erreur in r["echecs"].items():
        manquant = erreur.split("No module named '", 1)[1].split("'", 1)[0]
        assert f"{manquant}.py" not in reduite and f"{manquant}/__init__.py" not in reduite, (
            module, erreur)


def test_le_complement_ne_reprend_pas_ce_qui_est_en_memoire(site_dir: Path) -> None:
    roues = site_dir / "assets" / "wheels"
    (complement,) = roues.glob("*.stdlib.zip")
    with zipfile.ZipFile(complement) as archive:
        noms = set(archive.namelist())
    with zipfile.ZipFile(site_dir / "assets" / "pyodide" / "python_stdlib.zip") as archive:
        reduite = set(archive.namelist())
    assert noms < reduite and "_strptime.py" in noms
    # Loaded by every start (hence in the snapshot's memory), so not shipped a second time.
    assert not noms & {"typing.py", "enum.py", "json/decoder.py", "re/_parser.py"}
    assert complement.stat().st_size < (site_dir / "assets/pyodide/python_stdlib.zip").stat().st_size / 5
