"""How the simulators and the site reach the reader: offline after a first use, a slow network
judged on progress, a deploy that is whole or not at all.

These tests serve the built site with tests/serveur_compresse.py (a host that sends the build's
.br/.gz copies, and whose network can be cut) in contexts of their own: service workers allowed
where they are under test, and then no request routing (Playwright routes bypass the worker)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from diese.site import compression, empreintes, hors_ligne

from tests.serveur_compresse import ServeurCompresse

pytestmark = pytest.mark.browser

ATTENTE_MS = 90_000
PRET = '#simulateur[data-etat="pret"]'
ERREUR = '#simulateur[data-etat="erreur"]'
# Records when the widget changes state, and every loading text and progress value it shows.
SONDE = """
window.__etats = []; window.__progres = [];
new MutationObserver(() => {
  const r = document.getElementById("simulateur");
  if (!r) return;
  const etats = window.__etats;
  if (!etats.length || etats[etats.length - 1][0] !== r.dataset.etat) {
    etats.push([r.dataset.etat, performance.now()]);
  }
  const barre = r.querySelector(".diese-simulateur__progres progress");
  if (barre) window.__progres.push([barre.value, barre.max,
    r.querySelector(".diese-simulateur__progres").textContent]);
}).observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
"""


def _attendre(page, promesse: str, essais: int = 150) -> None:
    """wait_for_function does not await a promise: poll it."""
    for _ in range(essais):
        if page.evaluate(promesse):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"jamais vrai : {promesse}")


def _sw(site: Path) -> tuple[str, str, list[str], list[str]]:
    texte = (site / "sw.js").read_text("utf-8")
    return (
        re.search(r'const CACHE = "([^"]+)"', texte)[1],
        re.search(r'const MOTEUR = "([^"]+)"', texte)[1],
        json.loads(re.search(r"const FICHIERS = (\[.*?\]);", texte, re.S)[1]),
        json.loads(re.search(r"const FICHIERS_MOTEUR = (\[.*?\]);", texte, re.S)[1]),
    )


@pytest.fixture
def serveur_compresse(site_dir):
    serveur = ServeurCompresse(site_dir)
    yield serveur
    serveur.arreter()


def _contexte(navigateur, serveur: ServeurCompresse, service_workers: str = "allow"):
    contexte = navigateur.new_context(base_url=serveur.base, locale="fr-FR",
                                      service_workers=service_workers)
    contexte.add_init_script(SONDE)
    contexte.sorties = []
    contexte.on("request", lambda r: r.url.startswith((serveur.base, "data:", "blob:"))
                or contexte.sorties.append(r.url))
    return contexte


def test_hors_ligne_apres_une_premiere_utilisation(navigateur, site_dir, serveur_compresse) -> None:
    _, moteur, _, fichiers_moteur = _sw(site_dir)
    contexte = _contexte(navigateur, serveur_compresse)
    try:
        page = contexte.new_page()
        erreurs: list[str] = []
        page.on("pageerror", lambda e: erreurs.append(str(e)))
        page.goto("outils/cout-embauche/")
        page.wait_for_selector(PRET, timeout=ATTENTE_MS)
        # The engine is kept on the device, in its own cache, once the simulator is ready.
        _attendre(page, f"caches.open('{moteur}').then(c => c.keys())"
                        f".then(k => k.length === {len(fichiers_moteur)})")
        _attendre(page, "navigator.serviceWorker.controller !== null")

        serveur_compresse.coupe = True  # the network is gone
        contexte.set_offline(True)
        page.reload()
        page.wait_for_selector(PRET, timeout=ATTENTE_MS)
        assert [e for e, _ in page.evaluate("window.__etats")] == ["prerendu", "chargement", "pret"]
        print("hors ligne, prêt à", round(page.evaluate("window.__etats")[-1][1]), "ms")
        avant = int(page.get_attribute("#simulateur", "data-calculs") or 0)
        page.fill("#champ-salaire_brut_mensuel", "2400")
        page.wait_for_function(
            "(avant) => Number(document.getElementById('simulateur').dataset.calculs || 0) > avant",
            arg=avant, timeout=ATTENTE_MS)
        assert page.locator("#simulateur .diese-simulateur__resultat [data-valeur]").count() > 0
        assert erreurs == [] and contexte.sorties == []
    finally:
        contexte.close()


def test_hors_ligne_sans_premiere_utilisation_le_dit_et_garde_l_exemple(
        navigateur, site_dir, serveur_compresse) -> None:
    contexte = _contexte(navigateur, serveur_compresse)
    try:
        page = contexte.new_page()
        page.goto("guide/methodologie/")  # a reading page: the site is kept, not the engine
        _attendre(page, "navigator.serviceWorker.controller !== null")
        cache, moteur, _, _ = _sw(site_dir)
        _attendre(page, f"caches.keys().then(k => k.includes('{cache}'))")
        assert not page.evaluate(f"caches.has('{moteur}')")
        assert not [r for r in serveur_compresse.requetes if "/assets/pyodide/" in r]

        serveur_compresse.coupe = True
        contexte.set_offline(True)
        page.goto("outils/cout-embauche/")
        page.wait_for_selector(ERREUR, timeout=10_000)
        texte = page.inner_text(".diese-simulateur__etat")
        assert "hors ligne" in texte and "une fois avec une connexion" in texte
        etats = page.evaluate("window.__etats")
        print("hors ligne sans moteur, message à", round(etats[-1][1]), "ms")
        # Said at once, from the device's own cache: no worker was even started.
        assert not [w for w in page.workers if "diese-pyodide-worker" in w.url]
        chiffres = page.locator("#simulateur .diese-simulateur__resultat [data-valeur]")
        assert chiffres.count() > 0 and chiffres.first.is_visible()
        assert "€" in page.inner_text(".diese-simulateur__resultat")
    finally:
        contexte.close()


def test_reseau_lent_progression_en_octets_et_jamais_d_erreur(navigateur, serveur_compresse,
                                                             axe) -> None:
    """A download far longer than the no-progress delay (shortened here to 1.5 s) is not cut
    while bytes arrive, and a progress bar counts them."""
    contexte = _contexte(navigateur, serveur_compresse, service_workers="block")
    contexte.add_init_script("window.DIESE_DELAI_SANS_PROGRES_MS = 1500;")
    try:
        page = contexte.new_page()
        cdp = contexte.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.emulateNetworkConditions", {
            "offline": False, "latency": 40, "downloadThroughput": 700_000,
            "uploadThroughput": 200_000})
        page.goto("outils/cout-embauche/")
        page.wait_for_selector(".diese-simulateur__progres progress", timeout=ATTENTE_MS)
        barre = page.locator(".diese-simulateur__progres progress")
        assert barre.get_attribute("aria-label") == "Téléchargement du moteur de calcul"
        # The live status line says the phase once; the bar, outside it, carries the bytes.
        assert page.locator("[role=status] progress, [aria-live] progress").count() == 0
        violations = axe(page, "#simulateur")
        assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
        page.wait_for_selector(PRET, timeout=ATTENTE_MS)
        etats = page.evaluate("window.__etats")
        assert [e for e, _ in etats] == ["prerendu", "chargement", "pret"]
        assert etats[-1][1] - etats[1][1] > 3 * 1500  # it did outlast the delay several times
        progres = page.evaluate("window.__progres")
        valeurs = [v for v, _, _ in progres]
        assert len(set(valeurs)) > 5 and valeurs == sorted(valeurs)
        assert re.search(r"\d+,\d Mo sur \d+,\d Mo", progres[-1][2])
        assert page.locator(".diese-simulateur__progres").count() == 0  # gone once ready
        assert contexte.sorties == []
    finally:
        contexte.close()


def test_telechargement_bloque_erreur_apres_le_delai_sans_progres(
        navigateur, serveur_compresse) -> None:
    contexte = _contexte(navigateur, serveur_compresse, service_workers="block")
    contexte.add_init_script("window.DIESE_DELAI_SANS_PROGRES_MS = 1500;")
    bloquees = []
    contexte.route("**/*.instantane", lambda route: bloquees.append(route))  # never answered
    try:
        page = contexte.new_page()
        page.goto("outils/cout-embauche/")
        page.wait_for_selector(ERREUR, timeout=ATTENTE_MS)
        assert "ne progresse plus" in page.inner_text(".diese-simulateur__etat")
        assert "€" in page.inner_text(".diese-simulateur__resultat")
        assert bloquees
    finally:
        contexte.close()


def _nouvelle_version(site: Path) -> tuple[str, str]:
    """Deploys build 2 over `site`: a restyled diese.css (new fingerprinted name, old file
    removed), a changed home page, and a regenerated sw.js; returns the old and new CSS names."""
    ancien = next((site / "assets/stylesheets").glob("diese.*.css"))
    contenu = ancien.read_bytes() + b"\n.md-typeset h1 { color: rgb(1, 2, 3); }\n"
    nouveau = empreintes.nom_empreinte("diese.css", contenu)
    (ancien.parent / nouveau).write_bytes(contenu)
    ancien.unlink()
    for page in site.rglob("*.html"):
        texte = page.read_text("utf-8")
        if ancien.name in texte:
            page.write_text(texte.replace(ancien.name, nouveau), "utf-8")
    accueil = site / "index.html"
    accueil.write_text(accueil.read_text("utf-8").replace("</h1>", " — version 2</h1>", 1), "utf-8")
    hors_ligne.on_post_build({"site_dir": str(site), "site_name": "DIESE Guide",
                              "site_description": ""})
    compression.compresser(site)  # as the build does last: sw.js.br must be the new sw.js
    return ancien.name, nouveau


def test_deploiement_incomplet_pages_coherentes_sans_boucle(navigateur, site_dir, tmp_path) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    serveur = ServeurCompresse(site)
    contexte = _contexte(navigateur, serveur)
    try:
        page = contexte.new_page()
        page.goto("checklists/avant-stage/")
        _attendre(page, "navigator.serviceWorker.controller !== null")
        premier = _sw(site)[0]
        _attendre(page, f"caches.keys().then(k => k.includes('{premier}'))")

        # Build 2 is uploaded, but one precached file never made it (an interrupted upload).
        _nouvelle_version(site)
        second, _, fichiers, _ = _sw(site)
        assert second != premier
        manquant = next(f for f in fichiers if f.endswith(".pdf"))
        (site / manquant).unlink()
        deja = len(serveur.requetes)

        pages = ["", "checklists/avant-stage/", "outils/cout-embauche/", "guide/methodologie/"]
        for rang in range(6):
            page.goto(pages[rang % len(pages)])
            # Every page has the stylesheet it was built with, never the older one.
            assert page.eval_on_selector(".md-typeset h1", "e => getComputedStyle(e).color") == (
                "rgb(1, 2, 3)"), pages[rang % len(pages)]
        page.goto("")
        assert "version 2" in page.inner_text("h1")
        # The new worker installed once, without the missing file, and replaced the old cache.
        _attendre(page, f"caches.keys().then(k => k.includes('{second}')"
                        f" && !k.includes('{premier}'))")
        _attendre(page, "navigator.serviceWorker.getRegistration()"
                        ".then(r => !r.installing && !r.waiting && r.active.state === 'activated')")
        for _ in range(3):
            page.reload()
        demandes = [r for r in serveur.requetes[deja:] if r.split("?")[0] == "/" + manquant]
        assert len(demandes) == 1, demandes  # one install, not one per navigation
        garde = page.evaluate(
            "([nom, fichiers]) => caches.open(nom).then(c => Promise.all(fichiers.map("
            "f => c.match(new URL(f, location.origin + '/')).then(r => Boolean(r)))))",
            [second, fichiers])
        assert [f for f, oui in zip(fichiers, garde, strict=True) if not oui] == [manquant]

        # Offline, pages come from that cache with their own stylesheet too.
        serveur.coupe = True
        contexte.set_offline(True)
        page.goto("checklists/avant-stage/")
        assert page.eval_on_selector(".md-typeset h1", "e => getComputedStyle(e).color") == (
            "rgb(1, 2, 3)")
        assert contexte.sorties == []
    finally:
        contexte.close()
        serveur.arreter()
