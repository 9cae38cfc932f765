"""Benchmark of the in-browser simulators (headless Debian Chromium, site served on 127.0.0.1).

Per run: time to `data-etat="pret"` from navigation start, cold (fresh profile) then warm (same
profile, second visit), the longest main-thread task during start-up (PerformanceObserver
`longtask`), bytes the server sent, and the time from an input change to updated figures, with
its two shares: the engine in the worker (Python + JSON) and the page (result update + layout).
Targets (issue 7): ≤ 1.5 s cold, ≤ 0.8 s warm, recompute ≤ 10 ms, no main-thread task > 50 ms.

    PYTHONPATH=tools python benchmarks/simulateurs.py [--runs 5] [--site DIR]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PAGE = "outils/cout-embauche/"
SAISIES = 20

# Installed before any page script: records long tasks and when data-etat changes.
SONDE = """
window.__bench = {longues: [], etats: {}};
new PerformanceObserver((liste) => {
  for (const e of liste.getEntries()) window.__bench.longues.push(e.duration);
}).observe({type: "longtask", buffered: true});
// Long animation frames also count the browser's own style, layout and paint, which the
// longtask entries leave out: the longest frame and the longest single script in one.
window.__bench.cadres = [];
new PerformanceObserver((liste) => {
  for (const e of liste.getEntries()) {
    window.__bench.cadres.push({duree: e.duration,
      rendu: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      script: Math.max(0, ...e.scripts.map((s) => s.duration))});
  }
}).observe({type: "long-animation-frame", buffered: true});
new MutationObserver(() => {
  const r = document.getElementById("simulateur");
  const etats = window.__bench.etats;
  if (r && !(r.dataset.etat in etats)) etats[r.dataset.etat] = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true,
                      attributeFilter: ["data-etat"]});
"""

RECALCUL = """async (valeur) => {
  const racine = document.getElementById("simulateur");
  const champ = racine.querySelector('[name="salaire_brut_mensuel"]');
  const fini = new Promise((ok) =>
    racine.addEventListener("diese-simulateur:resultat", ok, {once: true}));
  const debut = performance.now();
  champ.value = String(valeur);
  champ.dispatchEvent(new Event("input", {bubbles: true}));
  await fini;
  await new Promise((ok) => requestAnimationFrame(() => ok()));
  return {total: performance.now() - debut, moteur: Number(racine.dataset.dureeMoteur),
          affichage: Number(racine.dataset.dureeAffichage)};
}"""


class Compteur:
    def __init__(self) -> None:
        self.octets = 0
        self.verrou = threading.Lock()

    def ajouter(self, n: int) -> None:
        with self.verrou:
            self.octets += n


def serveur(site: Path, compteur: Compteur) -> http.server.ThreadingHTTPServer:
    class Gestionnaire(http.server.SimpleHTTPRequestHandler):
        extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                          ".wasm": "application/wasm", ".mjs": "text/javascript",
                          ".js": "text/javascript", ".whl": "application/zip"}

        def log_message(self, *args) -> None:
            pass

        def copyfile(self, source, destination) -> None:
            debut = source.tell()
            super().copyfile(source, destination)
            compteur.ajouter(source.tell() - debut)

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Gestionnaire, directory=str(site))
    )
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return httpd


def visite(contexte, url: str, compteur: Compteur) -> dict:
    avant = compteur.octets
    page = contexte.new_page()
    page.goto(url)
    page.wait_for_selector('#simulateur[data-etat="pret"]', timeout=120_000)
    mesures = page.evaluate(
        "() => ({etats: window.__bench.etats, longues: window.__bench.longues,"
        " cadres: window.__bench.cadres, etapes: window.dieseSimulateurs.etapes})"
    )
    recalculs = [page.evaluate(RECALCUL, 1900 + 37 * i) for i in range(SAISIES)]
    page.close()
    return {
        "pret_ms": mesures["etats"]["pret"],
        "tache_max_ms": max(mesures["longues"], default=0.0),
        "cadre_max_ms": max((c["duree"] for c in mesures["cadres"]), default=0.0),
        "rendu_max_ms": max((c["rendu"] for c in mesures["cadres"]), default=0.0),
        "script_max_ms": max((c["script"] for c in mesures["cadres"]), default=0.0),
        "octets": compteur.octets - avant,
        "recalcul_ms": statistics.median(r["total"] for r in recalculs),
        "recalcul_max_ms": max(r["total"] for r in recalculs),
        # Where a recomputation goes: Python in the worker, then the page (update + layout).
        "moteur_ms": statistics.median(r["moteur"] for r in recalculs),
        "affichage_ms": statistics.median(r["affichage"] for r in recalculs),
        "etapes": mesures["etapes"],
    }


def construire() -> Path:
    site = Path(os.environ.get("DIESE_SITE_DIR", RACINE / "site"))
    if not (site / "outils" / "cout-embauche" / "index.html").exists():
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(site)],
                       cwd=RACINE, check=True)
    return site


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args(argv)
    site = args.site or construire()
    from playwright.sync_api import sync_playwright

    compteur = Compteur()
    httpd = serveur(site, compteur)
    url = f"http://127.0.0.1:{httpd.server_address[1]}/{PAGE}"
    froids, chauds = [], []
    with sync_playwright() as p:
        for _ in range(args.runs):
            with tempfile.TemporaryDirectory() as profil:
                contexte = p.chromium.launch_persistent_context(
                    profil, executable_path=CHROMIUM, headless=True, args=ARGS
                )
                contexte.add_init_script(SONDE)
                froids.append(visite(contexte, url, compteur))
                chauds.append(visite(contexte, url, compteur))
                contexte.close()
    httpd.shutdown()

    def ligne(nom: str, mesures: list[dict]) -> str:
        def med(cle: str) -> float:
            return statistics.median(m[cle] for m in mesures)

        etapes = mesures[len(mesures) // 2]["etapes"] or {}
        detail = ", ".join(f"{k} {v:.0f}" for k, v in etapes.items())
        return (
            f"{nom:<6} prêt {med('pret_ms'):7.0f} ms (min {min(m['pret_ms'] for m in mesures):.0f},"
            f" max {max(m['pret_ms'] for m in mesures):.0f})"
            f" | tâche max {med('tache_max_ms'):4.0f} ms (cadre max {med('cadre_max_ms'):.0f},"
            f" dont rendu {med('rendu_max_ms'):.0f} ; script max {med('script_max_ms'):.0f})"
            f" | {med('octets') / 1e6:6.2f} Mo | recalcul médian {med('recalcul_ms'):5.1f} ms"
            f" (max {max(m['recalcul_max_ms'] for m in mesures):.1f} ; moteur"
            f" {med('moteur_ms'):.1f}, page {med('affichage_ms'):.1f}) | worker cumulé : {detail}"
        )

    charge = os.getloadavg()[0]  # other processes skew every figure: say how busy the machine was
    print(f"Simulateurs : {args.runs} visites froides + {args.runs} chaudes de /{PAGE}"
          f" (charge moyenne {charge:.1f} sur {os.cpu_count()} cœurs)")
    print(ligne("froid", froids))
    print(ligne("chaud", chauds))
    print("Objectifs : prêt ≤ 1500 ms froid, ≤ 800 ms chaud ; recalcul ≤ 10 ms ; tâche ≤ 50 ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
