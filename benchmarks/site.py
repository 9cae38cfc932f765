"""Site figures: full build time, and for typical content pages the bytes transferred (raw and
gzip-compressed, as a static host would serve them) and the request count, measured in Debian's
Chromium with an empty cache."""

from __future__ import annotations

import gzip
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
PAGES_TYPES = [
    "guide/sensibilisation-entreprises/",
    "guide/accompagnement-social/",
    "guide/fiches-outils/",
    "ressources/glossaire/",
]
COMPRESSIBLES = (".html", ".js", ".mjs", ".css", ".json", ".svg", ".xml", ".txt", ".webmanifest")


def temps_de_build(essais: int = 3) -> list[float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(RACINE / "tools")}
    durees = []
    for _ in range(essais):
        with tempfile.TemporaryDirectory() as dossier:
            debut = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", dossier],
                cwd=RACINE, env=env, check=True,
            )
            durees.append(time.perf_counter() - debut)
    return durees


def poids_des_pages(site: Path) -> list[tuple[str, int, int, int]]:
    from playwright.sync_api import sync_playwright

    from benchmarks.serveur_statique import servir

    base, httpd = servir(site)
    mesures = []
    with sync_playwright() as p:
        navigateur = p.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        for chemin in PAGES_TYPES:
            if not (site / chemin / "index.html").exists():
                continue
            contexte = navigateur.new_context()
            page = contexte.new_page()
            corps: list[tuple[str, bytes]] = []

            def noter(reponse, corps=corps) -> None:
                try:
                    corps.append((reponse.url, reponse.body()))
                except Exception:  # redirects and aborted requests have no body
                    corps.append((reponse.url, b""))

            page.on("response", noter)
            page.goto(base + chemin)
            page.wait_for_load_state("networkidle")
            brut = sum(len(b) for _, b in corps)
            compresse = sum(
                len(gzip.compress(b, 6)) if url.split("?")[0].endswith(COMPRESSIBLES)
                or url.endswith("/") else len(b)
                for url, b in corps
            )
            mesures.append((chemin, len(corps), brut, compresse))
            contexte.close()
        navigateur.close()
    httpd.shutdown()
    return mesures


def main() -> None:
    durees = temps_de_build()
    print(
        f"build complet (mkdocs build --strict) : médiane {statistics.median(durees):.2f} s "
        f"sur {len(durees)} essais ({', '.join(f'{d:.2f}' for d in durees)})"
    )
    site = RACINE / "site"
    print("page de contenu (cache vide)          requêtes    octets bruts   octets gzip")
    for chemin, requetes, brut, compresse in poids_des_pages(site):
        print(f"  {chemin:<36} {requetes:>8} {brut / 1024:>12.1f} Ko {compresse / 1024:>10.1f} Ko")
    print("  objectif : ≤ 150 Ko compressés par page de contenu")


if __name__ == "__main__":
    main()
