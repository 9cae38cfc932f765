"""Simulators on a phone network: cold and warm visits of /outils/cout-embauche/ in Debian's
Chromium, served by a host that compresses like a real one (tests/serveur_compresse.py:
pre-compressed `.br`/`.gz` when present, gzip on the fly otherwise).

Network: CDP `Network.emulateNetworkConditions` on the page and on every worker it starts (the
engine's worker, the service worker), attached with `Target.setAutoAttach`.
CPU ×4: DevTools' `Emulation.setCPUThrottlingRate` is refused on worker targets ("Operation is
only supported for pages, not workers") and leaves the engine's worker at full speed, so every
thread of the page's renderer processes is put in its own cgroup (v1 `cpu`) capped at 25 % of a
core (cfs quota 25 ms per 100 ms): each thread, the worker and V8's background compilers
included, runs at most a quarter as fast as on a core of its own. The benchmark checks it by
timing the same busy loop in the page and in the worker, with and without the cap (on a busy
machine the free loop is already slower, so the ratio shown is below 4).

Per visit: time to `data-etat="pret"` from navigation start, bytes the server sent (compressed,
as on the wire), first contentful paint and whether the first cost figure is inside the viewport
at 1 280×720 and 390×844, the loading texts shown (progress), and whether `erreur` was ever shown.

    PYTHONPATH=tools python benchmarks/reseau.py [--runs 3] [--profils fast4g,slow4g] [--site DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

RACINE = Path(__file__).resolve().parents[1]
sys.path[:0] = [p for p in (str(RACINE), str(RACINE / "tools")) if p not in sys.path]

from tests.serveur_compresse import ServeurCompresse  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
        "--disable-quic"]
PAGE = "outils/cout-embauche/"
CGROUP_CPU = Path("/sys/fs/cgroup/cpu")
QUOTA_US, PERIODE_US = 25_000, 100_000  # ×4

# name: (down bit/s, up bit/s, latency ms, CPU slowed down)
PROFILS = {
    "boucle": (0, 0, 0, False),
    "fast4g": (9_000_000, 1_500_000, 40, True),
    "slow4g": (1_600_000, 750_000, 150, True),
}

SONDE = """
window.__bench = {etats: {}, textes: []};
new MutationObserver(() => {
  const r = document.getElementById("simulateur");
  if (!r) return;
  const etats = window.__bench.etats;
  if (!(r.dataset.etat in etats)) etats[r.dataset.etat] = performance.now();
  const e = r.querySelector(".diese-simulateur__etat");
  const b = r.querySelector(".diese-simulateur__progres");
  const t = ((e ? e.textContent.trim() : "") + (b ? " | " + b.textContent.trim() : "")).trim();
  const textes = window.__bench.textes;
  if (t && (!textes.length || textes[textes.length - 1][1] !== t)) {
    textes.push([performance.now(), t]);
  }
}).observe(document, {subtree: true, childList: true, characterData: true, attributes: true});
"""

MOTEUR_GARDE = """async () => {
  const enregistrement = await navigator.serviceWorker.getRegistration();
  // The site's precache done too: the service worker installed, nothing left installing.
  if (!enregistrement || !enregistrement.active || enregistrement.installing) return false;
  const noms = (await caches.keys()).filter((n) => n.startsWith("diese-moteur-"));
  if (!noms.length) return false;
  const urls = (await (await caches.open(noms[0])).keys()).map((r) => r.url);
  return urls.some((u) => u.endsWith(".wasm")) && urls.some((u) => u.endsWith(".instantane"))
    && urls.some((u) => u.endsWith(".whl")) && urls.some((u) => u.endsWith(".zip"));
}"""

# The first cost figure: the one-line answer above the form (pre-rendered, then live).
VISIBLE = """() => {
  const e = document.querySelector("#simulateur .diese-simulateur__apercu-texte");
  if (!e) return false;
  const r = e.getBoundingClientRect();
  return r.top >= 0 && r.bottom <= innerHeight && r.width > 0;
}"""

PROGRES = re.compile(r"\d+(?:[,.]\d+)?\s(?:Mo|Ko|octets) sur")
# Long enough (≈ 0.3 s free) to span several 100 ms periods of the cap: a shorter loop fits in
# one period's 25 ms budget plus its start-of-period burst and shows less than ×4.
BOUCLE = """() => { const t = performance.now(); let x = 0;
  for (let i = 0; i < 2e8; i++) x += i % 7; return performance.now() - t; }"""


# ------------------------------------------------------------------ CPU ×4 through cgroups
def _descend_de(pid: int, ancetre: int) -> bool:
    try:
        while pid > 1:
            if pid == ancetre:
                return True
            with open(f"/proc/{pid}/stat") as f:
                pid = int(f.read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError):
        return False
    return False


class Ralentisseur:
    """Caps every thread of this process's Chromium renderers at 25 % of a core, one cgroup per
    thread, re-scanned every 50 ms (renderers and workers come and go)."""

    def __init__(self) -> None:
        self.racine = CGROUP_CPU / f"diese-bench-{os.getpid()}"
        self.places: set[int] = set()
        self.quota_us = QUOTA_US
        self.actif = False
        self._fin = threading.Event()
        self._fil: threading.Thread | None = None

    @staticmethod
    def disponible() -> bool:
        return (CGROUP_CPU / "cgroup.procs").exists() and os.access(CGROUP_CPU, os.W_OK)

    def demarrer(self) -> None:
        self.racine.mkdir(exist_ok=True)
        self.actif = True
        self._fin.clear()
        self._fil = threading.Thread(target=self._boucle, daemon=True)
        self._fil.start()

    def _boucle(self) -> None:
        while not self._fin.wait(0.05):
            self.balayer()

    def balayer(self) -> None:
        moi = os.getpid()
        for entree in os.listdir("/proc"):
            if not entree.isdigit():
                continue
            try:
                with open(f"/proc/{entree}/cmdline", "rb") as f:
                    if b"--type=renderer" not in f.read():
                        continue
                if not _descend_de(int(entree), moi):
                    continue
                fils = os.listdir(f"/proc/{entree}/task")
            except OSError:
                continue
            for tid in map(int, fils):
                if tid in self.places:
                    continue
                groupe = self.racine / str(tid)
                try:
                    groupe.mkdir(exist_ok=True)
                    (groupe / "cpu.cfs_period_us").write_text(str(PERIODE_US))
                    (groupe / "cpu.cfs_quota_us").write_text(str(self.quota_us))
                    (groupe / "tasks").write_text(str(tid))
                    self.places.add(tid)
                except OSError:
                    pass  # the thread ended meanwhile

    def arreter(self) -> None:
        self._fin.set()
        if self._fil:
            self._fil.join()
        self.actif = False
        parent = CGROUP_CPU / "tasks"
        for groupe in list(self.racine.glob("*")):
            try:
                for tid in (groupe / "tasks").read_text().split():
                    try:
                        parent.write_text(tid)
                    except OSError:
                        pass
                groupe.rmdir()
            except OSError:
                pass
        self.places.clear()

    def nettoyer(self) -> None:
        self.arreter()
        try:
            self.racine.rmdir()
        except OSError:
            pass


# ------------------------------------------------------------------ network through CDP
class Reseau:
    """Network conditions on a page and on the workers it starts."""

    def __init__(self, contexte, page, profil: tuple) -> None:
        descendant, montant, latence, _ = profil
        self.conditions = {"offline": False, "latency": latence,
                           "downloadThroughput": descendant / 8 if descendant else -1,
                           "uploadThroughput": montant / 8 if montant else -1}
        self.refus: list[str] = []
        self.cdp = contexte.new_cdp_session(page)
        self.cdp.send("Network.enable")
        self.cdp.send("Network.setCacheDisabled", {"cacheDisabled": False})
        if descendant:
            self.cdp.send("Network.emulateNetworkConditions", self.conditions)
        self.cdp.on("Target.attachedToTarget", self._attache)
        self.cdp.on("Target.receivedMessageFromTarget", self._recu)
        self.cdp.send("Target.setAutoAttach",
                      {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})
        self._id = 10_000

    def _envoyer(self, session: str, methode: str, parametres: dict) -> None:
        self._id += 1
        message = {"id": self._id, "method": methode, "params": parametres}
        self.cdp.send("Target.sendMessageToTarget",
                      {"sessionId": session, "message": json.dumps(message)})

    def _attache(self, evenement: dict) -> None:
        session = evenement["sessionId"]
        if self.conditions["downloadThroughput"] != -1:
            self._envoyer(session, "Network.enable", {})
            self._envoyer(session, "Network.emulateNetworkConditions", self.conditions)
        self._envoyer(session, "Runtime.runIfWaitingForDebugger", {})

    def _recu(self, evenement: dict) -> None:
        message = json.loads(evenement["message"])
        if "error" in message:
            self.refus.append(message["error"].get("message", ""))


# ------------------------------------------------------------------ one visit
def visite(contexte, url: str, serveur: ServeurCompresse, profil: tuple) -> dict:
    avant = serveur.octets
    requetes_avant = len(serveur.requetes)
    page = contexte.new_page()
    reseau = Reseau(contexte, page, profil)
    debut = time.monotonic()
    page.goto(url, wait_until="commit", timeout=120_000)
    try:
        page.wait_for_selector('#simulateur[data-etat="pret"], #simulateur[data-etat="erreur"]',
                               timeout=150_000)
    except Exception:  # noqa: BLE001 — a visit that never ends is a figure too
        pass
    octets_pret = serveur.octets - avant  # what the simulator needed (the offline copy comes after)
    requetes_pret = serveur.requetes[requetes_avant:]
    mesures = page.evaluate("""() => ({etats: window.__bench.etats, textes: window.__bench.textes,
        fcp: (performance.getEntriesByName("first-contentful-paint")[0] || {}).startTime,
        demarrage: (performance.getEntriesByName("diese-moteur-demarrage")[0] || {}).startTime,
        etapes: window.dieseSimulateurs && window.dieseSimulateurs.etapes})""")
    visible_large = page.evaluate(VISIBLE)
    page.set_viewport_size({"width": 390, "height": 844})
    visible_tel = page.evaluate(VISIBLE)
    # Let the visit's background work (precache, engine kept for offline) finish, as a reader
    # reading the result would, before the next visit: the service worker installed (the site's
    # precache complete) and the engine's offline copy holding its files.
    debut_copie = time.monotonic()
    copie_s = None  # reported as such: the next visit is then not a warm one
    while time.monotonic() - debut_copie < 60:
        if page.evaluate(MOTEUR_GARDE):  # evaluate awaits the check's promise
            copie_s = time.monotonic() - debut_copie
            break
        page.wait_for_timeout(250)
    page.wait_for_timeout(500)
    page.close()
    return {
        "pret_ms": mesures["etats"].get("pret"),
        "erreur": "erreur" in mesures["etats"],
        "fcp_ms": mesures["fcp"],
        "demarrage_ms": mesures["demarrage"],
        "octets": octets_pret,
        "octets_total": serveur.octets - avant,
        "visible_1280": visible_large,
        "visible_390": visible_tel,
        "textes": mesures["textes"],
        "etapes": mesures["etapes"],
        "duree_s": time.monotonic() - debut,
        "copie_moteur_s": copie_s,
        "requetes": requetes_pret,
        "refus_cdp": sorted(set(reseau.refus)),
    }


def verifier_cpu(contexte, url: str, ralentisseur: Ralentisseur) -> str:
    """Times the same busy loop in the page and in the engine's worker, free then capped. The cap
    is fixed (25 % of a core per thread: 4× slower than a thread with a core of its own); on a
    busy machine a free thread gets less than a core, so the measured ratio is lower."""
    page = contexte.new_page()
    page.goto(url)
    page.wait_for_selector('#simulateur[data-etat="pret"]', timeout=120_000)
    worker = next(w for w in page.workers if "diese-pyodide-worker" in w.url)

    def mesurer() -> tuple[float, float]:
        return (statistics.median(page.evaluate(BOUCLE) for _ in range(3)),
                statistics.median(worker.evaluate(BOUCLE) for _ in range(3)))

    libre = mesurer()
    ralentisseur.demarrer()
    time.sleep(0.3)
    plafond = mesurer()
    ralentisseur.arreter()
    page.close()
    return (f"boucle libre : page {libre[0]:.0f} ms, worker {libre[1]:.0f} ms ; plafonnée à "
            f"{ralentisseur.quota_us / PERIODE_US:.0%} d’un cœur par fil : page {plafond[0]:.0f} ms"
            f" (×{plafond[0] / libre[0]:.1f}), worker {plafond[1]:.0f} ms"
            f" (×{plafond[1] / libre[1]:.1f})")


def construire() -> Path:
    site = Path(os.environ.get("DIESE_SITE_DIR", RACINE / "site"))
    if not (site / PAGE / "index.html").exists():
        env = {**os.environ, "PYTHONPATH": str(RACINE / "tools"), "NO_MKDOCS_2_WARNING": "1"}
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                       cwd=RACINE, env=env, check=True)
    return site


def resume(nom: str, mesures: list[dict]) -> str:
    prets = [m["pret_ms"] for m in mesures if m["pret_ms"] is not None]
    demarrage = statistics.median(m["demarrage_ms"] or 0 for m in mesures) / 1000
    pret = (f"prêt médian {statistics.median(prets) / 1000:5.1f} s "
            f"(min {min(prets) / 1000:.1f}, max {max(prets) / 1000:.1f}),"
            f" moteur lancé à {demarrage:.2f} s" if prets else "prêt jamais")
    erreurs = sum(m["erreur"] for m in mesures)
    octets = statistics.median(m["octets"] for m in mesures) / 1e6
    total = statistics.median(m["octets_total"] for m in mesures) / 1e6
    fcp = statistics.median(m["fcp_ms"] or 0 for m in mesures) / 1000
    textes = mesures[len(mesures) // 2]["textes"]
    copies = [m["copie_moteur_s"] for m in mesures if m.get("copie_moteur_s") is not None]
    copie = (f" | moteur gardé hors ligne {statistics.median(copies):.1f} s après prêt"
             if copies else " | moteur non gardé hors ligne")
    progres = sum(1 for _, t in textes if PROGRES.search(t))
    return (f"  {nom:<5} {pret} | {octets:5.2f} Mo transférés jusqu’à prêt ({total:.2f} Mo avec"
            f" la copie hors ligne qui suit) | 1er chiffre peint à {fcp:.2f} s,"
            f" visible 1280×720 {all(m['visible_1280'] for m in mesures)},"
            f" 390×844 {all(m['visible_390'] for m in mesures)}"
            f" | erreur {erreurs}/{len(mesures)} | {len(textes)} textes d’attente"
            f" dont {progres} en octets{copie}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profils", default="boucle,fast4g,slow4g")
    parser.add_argument("--site", type=Path)
    parser.add_argument("--detail", action="store_true", help="loading texts of each visit")
    args = parser.parse_args(argv if argv is not None else [])
    site = args.site or construire()
    from playwright.sync_api import sync_playwright

    serveur = ServeurCompresse(site)
    url = serveur.base + PAGE
    ralentisseur = Ralentisseur() if Ralentisseur.disponible() else None
    print(f"Réseau : {args.runs} visites froides + chaudes de /{PAGE} par profil"
          f" (charge moyenne {os.getloadavg()[0]:.1f} sur {os.cpu_count()} cœurs)")
    if not ralentisseur:
        print("  (pas de cgroup cpu inscriptible : CPU non ralenti)")
    try:
        with sync_playwright() as p:
            if ralentisseur and any(PROFILS[n][3] for n in args.profils.split(",")):
                with tempfile.TemporaryDirectory(prefix="diese-bench-") as profil_dir:
                    contexte = p.chromium.launch_persistent_context(
                        profil_dir, executable_path=CHROMIUM, headless=True, args=ARGS)
                    print("  CPU ×4 —", verifier_cpu(contexte, url, ralentisseur))
                    contexte.close()
            for nom in args.profils.split(","):
                profil = PROFILS[nom]
                froids, chauds = [], []
                for _ in range(args.runs):
                    profil_dir = tempfile.mkdtemp(prefix="diese-bench-")
                    contexte = p.chromium.launch_persistent_context(
                        profil_dir, executable_path=CHROMIUM, headless=True, args=ARGS,
                        viewport={"width": 1280, "height": 720}, locale="fr-FR")
                    contexte.add_init_script(SONDE)
                    if profil[3] and ralentisseur:
                        ralentisseur.demarrer()
                    try:
                        froids.append(visite(contexte, url, serveur, profil))
                        chauds.append(visite(contexte, url, serveur, profil))
                    finally:
                        if ralentisseur:
                            ralentisseur.arreter()
                        contexte.close()
                        shutil.rmtree(profil_dir, ignore_errors=True)
                cpu = " CPU ×4" if profil[3] and ralentisseur else ""
                debit = (f"{profil[0] / 1e6:g} Mbit/s, {profil[2]} ms" if profil[0]
                         else "boucle locale")
                print(f" {nom} ({debit}{cpu})")
                print(resume("froid", froids))
                print(resume("chaud", chauds))
                refus = sorted({r for m in froids + chauds for r in m["refus_cdp"]})
                if refus:
                    print(f"  refus CDP sur les workers : {refus}")
                if args.detail:
                    for m in froids + chauds:
                        print("   ", [(round(t / 1000, 1), x) for t, x in m["textes"]],
                              m["etapes"], "requêtes avant prêt :", m["requetes"])
    finally:
        if ralentisseur:
            ralentisseur.nettoyer()
        serveur.arreter()
    print("Objectifs : Fast 4G CPU ×4 froid ≤ 8 s et ≤ 8 Mo, chaud ≤ 2 s ;"
          " Slow 4G froid ≤ 45 s avec progression, jamais « erreur » ;"
          " chiffre visible sans défiler")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
