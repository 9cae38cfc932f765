"""Checklists and offline figures: data loading and rendering time, asset sizes, what the
service worker precaches, and in-browser mount / tick times. Needs a built site
(DIESE_SITE_DIR or site/)."""

from __future__ import annotations

import gzip
import json
import os
import re
import statistics
import time
from pathlib import Path

from diese.checklists.rendu import rendre_checklist
from diese.contenu.checklists import charger_checklists

RACINE = Path(__file__).resolve().parents[1]
SITE = Path(os.environ.get("DIESE_SITE_DIR", RACINE / "site"))
ASSETS = RACINE / "overrides" / "assets"


def _chrono(fonction, repetitions: int = 20) -> float:
    durees = []
    for _ in range(repetitions):
        debut = time.perf_counter()
        fonction()
        durees.append(time.perf_counter() - debut)
    return statistics.median(durees) * 1000


def donnees() -> None:
    listes = charger_checklists()
    for liste in listes.values():
        print(f"  {liste.id:24} {len(liste.elements):3} éléments, {len(liste.groupes)} groupes")
    print(f"  total : {sum(len(li.elements) for li in listes.values())} éléments")
    print(f"chargement + validation des 6 fichiers : {_chrono(charger_checklists):.1f} ms")
    rendu = _chrono(
        lambda: [rendre_checklist(li, "checklists/x/", listes) for li in listes.values()]
    )
    print(f"rendu HTML des 6 listes : {rendu:.1f} ms")


def tailles() -> None:
    for chemin in ("javascripts/diese-checklists.js", "javascripts/diese-hors-ligne.js",
                   "stylesheets/diese-checklists.css"):
        contenu = (ASSETS / chemin).read_bytes()
        print(f"{chemin:36} {len(contenu):6} o ({len(gzip.compress(contenu)):5} o gzip)")


def cache() -> None:
    sw = (SITE / "sw.js").read_text(encoding="utf-8")
    fichiers = json.loads(re.search(r"const FICHIERS = (\[.*?\]);", sw, re.S).group(1))
    total = 0
    for url in fichiers:
        chemin = SITE / ("index.html" if url == "./" else url + "index.html" if url.endswith("/")
                         else url)
        total += chemin.stat().st_size
    complet = sum(p.stat().st_size for p in SITE.rglob("*") if p.is_file())
    print(f"service worker : {len(fichiers)} fichiers précachés, {total / 1024:.0f} Kio "
          f"(site construit : {complet / 1024:.0f} Kio)")


def navigateur() -> None:
    from playwright.sync_api import sync_playwright

    from benchmarks.serveur_statique import servir

    base, httpd = servir(SITE)
    with sync_playwright() as p:
        navigateur = p.chromium.launch(executable_path="/usr/bin/chromium",
                                       args=["--no-sandbox", "--disable-gpu"])
        page = navigateur.new_page(service_workers="block")
        montages, coches = [], []
        for _ in range(5):
            page.goto(base + "checklists/accompagnement-social/")
            page.wait_for_selector(".diese-cl--active")
            montages.append(page.evaluate(
                "performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"))
            debut = time.perf_counter()
            for case in page.locator(".diese-cl input[type=checkbox]").all():
                case.check()
            coches.append((time.perf_counter() - debut) * 1000 / 29)
            page.evaluate("localStorage.clear()")
        print(f"page accompagnement social (29 cases) : DOMContentLoaded "
              f"{statistics.median(montages):.0f} ms ; cocher une case (Playwright aller-retour "
              f"compris) {statistics.median(coches):.1f} ms")
        navigateur.close()
    httpd.shutdown()


def main() -> None:
    print("== Check-lists ==")
    donnees()
    tailles()
    if (SITE / "sw.js").exists():
        cache()
        navigateur()
    else:
        print(f"(pas de site construit dans {SITE} : mesures navigateur omises)")


if __name__ == "__main__":
    main()
