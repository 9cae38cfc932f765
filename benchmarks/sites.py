"""Reference sites: build-time cost of loading and rendering the data, page weight, and the link
checker's throughput against a local server (never the internet)."""

from __future__ import annotations

import http.server
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from diese.annuaire.commun import Contexte
from diese.annuaire.ressources import filtre_ressources, liste_ressources
from diese.annuaire.sites import tableau_sites
from diese.contenu.ressources import charger_ressources
from diese.contenu.sites import charger_sites
from diese.liens.requetes import verifier


class _Ok(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args) -> None:
        pass

    def do_HEAD(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()


def _chrono(fonction, fois: int = 20) -> float:
    debut = time.perf_counter()
    for _ in range(fois):
        fonction()
    return (time.perf_counter() - debut) / fois * 1000


def main() -> None:
    ctx = Contexte("guide/annexes/sites-references.md", "guide/annexes/sites-references/")
    sites = charger_sites()
    ressources = charger_ressources()
    index = {s.id: s for s in sites}
    print(f"chargement sites.yml + validation : {_chrono(charger_sites):.1f} ms")
    print(f"chargement ressources.yml + validation : {_chrono(charger_ressources):.1f} ms")
    html = tableau_sites(sites, ctx)
    print(f"rendu du tableau de l'annexe 1 : {_chrono(lambda: tableau_sites(sites, ctx)):.2f} ms,"
          f" {len(html.encode()) / 1024:.1f} Kio de HTML")
    listes = filtre_ressources(ressources) + "".join(
        liste_ressources(liste, ressources, index, ctx) for liste in ressources.listes.values()
    )
    print(f"rendu des listes de ressources : {len(listes.encode()) / 1024:.1f} Kio de HTML")

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/"
    for concurrence in (1, 8):
        debut = time.perf_counter()
        with ThreadPoolExecutor(concurrence) as ex:
            list(ex.map(lambda _: verifier(url, 2), range(200)))
        duree = time.perf_counter() - debut
        print(f"vérificateur, 200 adresses locales, concurrence {concurrence} : "
              f"{200 / duree:.0f} adresses/s")
    httpd.shutdown()


if __name__ == "__main__":
    main()
