"""The strict build is clean, and the data files are validated at build time."""

import subprocess
import sys
from pathlib import Path

RACINE = Path(__file__).resolve().parents[2]


def test_build_strict_sans_avertissement(tmp_path: Path) -> None:
    sortie = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "site")],
        cwd=RACINE,
        capture_output=True,
        text=True,
        env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
    )
    assert sortie.returncode == 0, sortie.stderr
    assert "WARNING" not in sortie.stderr, sortie.stderr
    assert (tmp_path / "site" / "index.html").exists()
