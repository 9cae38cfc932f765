"""The site changes or the network goes: a content edit keeps what was ticked, the service worker
serves pages and assets with the server gone, and a new build replaces its cache.

These tests run their own server (same origin across "deployments", and one they can really cut)
and their own context with service workers allowed and no request routing (Playwright routes
would bypass the worker); requests leaving the origin are watched with `on("request")`."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from diese.site import hors_ligne

from tests.outils_checklists import ServeurCommutable, construire, copie_du_projet

pytestmark = pytest.mark.browser


def _contexte(navigateur, serveur: ServeurCommutable, service_workers: str):
    contexte = navigateur.new_context(
        base_url=serveur.base, locale="fr-FR", service_workers=service_workers
    )
    contexte.sorties = []

    def surveiller(requete) -> None:
        if not requete.url.startswith((serveur.base, "data:", "blob:")):
            contexte.sorties.append(requete.url)

    contexte.on("request", surveiller)
    return contexte


def _page(contexte):
    page = contexte.new_page()
    page.erreurs_js = []
    page.on("pageerror", lambda exc: page.erreurs_js.append(str(exc)))
    return page


def _ouvrir(page, chemin: str) -> None:
    page.goto(chemin)
    page.wait_for_selector(".diese-cl--active")


@pytest.fixture(scope="module")
def site_modifie(site_dir: Path, tmp_path_factory) -> Path:
    """The same site after a content edit: one item reworded, one removed, one given a new id
    with a replacement declared (published ids are forever)."""
    racine = tmp_path_factory.mktemp("variante")
    projet = copie_du_projet(racine / "projet")
    fichier = projet / "docs" / "data" / "checklists" / "avant-stage.yml"
    donnees = yaml.safe_load(fichier.read_text(encoding="utf-8"))
    for element in donnees["elements"]:
        if element["id"] == "av-ent-contact":
            element["texte"] = "Garder un contact suivi avec l’entreprise"
        if element["id"] == "av-ent-interlocuteur":
            element["id"] = "av-ent-referent"
    donnees["elements"] = [e for e in donnees["elements"] if e["id"] != "av-ent-outils"]
    fichier.write_text(yaml.safe_dump(donnees, allow_unicode=True), encoding="utf-8")
    registre = projet / "docs" / "data" / "checklists-ids-publies.yml"
    registre.write_text(registre.read_text(encoding="utf-8").replace(
        "    - av-ent-interlocuteur\n", "    - av-ent-interlocuteur\n    - av-ent-referent\n"
    ).replace(  # one retired on purpose, one replaced
        "remplacements: {}",
        "remplacements:\n  av-ent-outils: null\n  av-ent-interlocuteur: av-ent-referent"),
        encoding="utf-8")
    resultat = construire(projet, racine / "site")
    assert resultat.returncode == 0, resultat.stderr[-2000:]
    return racine / "site"


def test_edition_du_contenu_garde_les_coches(navigateur, site_dir, site_modifie) -> None:
    serveur = ServeurCommutable(site_dir)
    contexte = _contexte(navigateur, serveur, "block")
    try:
        page = _page(contexte)
        _ouvrir(page, "checklists/avant-stage/")
        for case in ("av-ent-fichier", "av-ent-contact", "av-ent-outils", "av-ent-interlocuteur"):
            page.check(f"#cl-{case}")
        page.click("[data-note=av-ent-outils]")
        page.fill("#diese-cl-note-av-ent-outils-champ", "convention signée")

        serveur.dossier = site_modifie  # nouvelle version publiée, même adresse
        _ouvrir(page, "checklists/avant-stage/")
        assert page.locator(".diese-cl input[type=checkbox]").count() == 25
        assert page.is_checked("#cl-av-ent-fichier")
        assert page.is_checked("#cl-av-ent-contact")
        assert page.is_checked("#cl-av-ent-referent")  # the tick followed the replaced id
        assert page.text_content("label[for=cl-av-ent-contact]") == (
            "Garder un contact suivi avec l’entreprise"
        )
        retires = page.locator(".diese-cl-retires")
        retires.wait_for()
        assert "Prévoir les outils (convention)" in retires.text_content()
        assert "convention signée" in retires.text_content()
        assert "Identifier la personne" not in retires.text_content()
        assert page.text_content("#diese-cl-avancement-texte").startswith("3 sur 25")
        # Toucher une autre case ne fait pas disparaître l'élément mis à part.
        page.check("#cl-av-sta-visite")
        page.reload()
        page.locator(".diese-cl-retires").wait_for()
        assert "Prévoir les outils (convention)" in page.text_content(".diese-cl-retires")
        assert page.erreurs_js == []
        assert contexte.sorties == []
    finally:
        contexte.close()
        serveur.couper()


def _attendre(page, promesse: str, essais: int = 150) -> None:
    """wait_for_function does not await a promise: poll it (the service worker lives on its own
    schedule; no timing is asserted, only the outcome)."""
    for _ in range(essais):
        if page.evaluate(promesse):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"jamais vrai : {promesse}")


def _nom_du_cache(site: Path) -> str:
    return re.search(r'const CACHE = "([^"]+)"', (site / "sw.js").read_text("utf-8")).group(1)


def test_hors_ligne_puis_nouvelle_version(navigateur, site_dir, tmp_path) -> None:
    site = tmp_path / "site"
    shutil.copytree(site_dir, site)
    fichiers = json.loads(
        re.search(r"const FICHIERS = (\[.*?\]);", (site / "sw.js").read_text("utf-8"), re.S)[1]
    )
    serveur = ServeurCommutable(site)
    contexte = _contexte(navigateur, serveur, "allow")
    try:
        page = _page(contexte)
        _ouvrir(page, "checklists/avant-stage/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
        # Precached during install, before activation: the whole list is there.
        premier = _nom_du_cache(site)
        assert page.evaluate("caches.keys()") == [premier]
        compte = f"caches.open('{premier}').then(c => c.keys()).then(k => k.length)"
        assert page.evaluate(compte) >= len(fichiers)

        # A new build: a page changes, sw.js is regenerated, the browser picks it up.
        accueil = site / "index.html"
        accueil.write_text(
            accueil.read_text("utf-8").replace("</h1>", " — version 2</h1>", 1), "utf-8"
        )
        hors_ligne.on_post_build(
            {"site_dir": str(site), "site_name": "DIESE Guide", "site_description": ""}
        )
        second = _nom_du_cache(site)
        assert second != premier
        page.evaluate("navigator.serviceWorker.getRegistration().then(r => r.update())")
        _attendre(page, f"caches.keys().then(k => k.length === 1 && k[0] === '{second}')")
        _attendre(page, "navigator.serviceWorker.getRegistration()"
                        ".then(r => !r.installing && !r.waiting && r.active.state === 'activated')")
        page.check("#cl-av-ent-fichier")

        # Network gone: the server stops answering and the context is offline.
        serveur.couper()
        contexte.set_offline(True)
        page.reload()
        page.wait_for_selector(".diese-cl--active")
        assert page.is_checked("#cl-av-ent-fichier")
        barre = page.eval_on_selector(".diese-cl-barre", "el => getComputedStyle(el).borderStyle")
        assert barre == "solid"  # the stylesheets came from the cache too
        page.check("#cl-av-reu-horaires")
        assert page.text_content("#diese-cl-avancement-texte").startswith("2 sur 26")

        # Pages never opened before, reached by address and by a link (instant navigation).
        page.goto("")
        assert "version 2" in page.text_content("h1")
        page.goto("guide/methodologie/")
        assert page.title().startswith("II. Méthodologie")
        _ouvrir(page, "checklists/apres-stage/")
        page.locator("article").get_by_role("link", name="Suivi à 3 et 6 mois").click()
        page.wait_for_url("**/checklists/suivi-post-stage/")
        page.wait_for_selector(".diese-cl--active")
        page.check("#cl-ps-3-situation")
        _ouvrir(page, "checklists/")
        page.wait_for_function(
            "() => document.querySelector('tr[data-liste=avant-stage] [data-progression-liste]')"
            ".textContent === '2 / 26'"
        )
        assert page.text_content("tr[data-liste=suivi-post-stage] [data-progression-liste]") == (
            "1 / 14"
        )
        assert page.erreurs_js == []
        assert contexte.sorties == []
    finally:
        contexte.close()
        serveur.couper()
