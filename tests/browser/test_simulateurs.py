"""Simulators in a real browser: Pyodide self-hosted in one Web Worker, figures equal to CPython's.

Starting Pyodide takes seconds in headless Chromium on 2 cores, so the tests in this module share
one page (started once, then navigated instantly between the three simulators) where they can.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlencode, urlparse

import pytest
from diese.simulateurs import widget
from diese.simulation.api import executer

from tests.conftest import GardeOrigine

pytestmark = pytest.mark.browser

ATTENTE_MS = 90_000
PRET = '#simulateur[data-etat="pret"]'
# python_stdlib.zip and pyodide.asm.wasm are fetched only by a normal start (no snapshot): a
# restored Python mounts the wheel's complement zip (`….stdlib.zip`) instead, and its module
# comes without data segments (the snapshot holds the data).
RUNTIME = {"pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.sans-donnees.wasm", "pyodide-lock.json"}

# Situations compared with CPython: several contracts, both sides of 2026-06-01, RQTH, ≥ 250.
SITUATIONS = [
    {"contrat": "cdi", "date_embauche": "2026-05-15"},
    {"contrat": "cdi", "date_embauche": "2026-06-15", "salaire_brut_mensuel": "2600",
     "effectif": "60"},
    {"contrat": "cdd", "date_embauche": "2026-04-01", "duree_mois": "6", "heures_hebdo": "24"},
    {"contrat": "apprentissage", "date_embauche": "2026-09-01", "age": "19",
     "niveau_diplome": "4", "duree_mois": "24"},
    {"contrat": "apprentissage", "date_embauche": "2026-05-20", "age": "27", "rqth": True,
     "niveau_diplome": "5", "duree_mois": "24"},
    {"contrat": "apprentissage", "date_embauche": "2026-07-01", "age": "18", "effectif": "300",
     "ratio_alternants": "6", "niveau_diplome": "3", "duree_mois": "12"},
    {"contrat": "professionnalisation", "date_embauche": "2026-06-01", "age": "47",
     "demandeur_emploi": True, "duree_mois": "12"},
]

REMPLIR = """([situation]) => {
  const racine = document.getElementById("simulateur");
  const formulaire = racine.querySelector("form");
  const avant = Number(racine.dataset.calculs || 0);
  for (const champ of formulaire.querySelectorAll("[name][data-type]")) {
    const voulu = champ.name in situation ? situation[champ.name] : null;
    if (champ.dataset.type === "booleen") {
      champ.checked = voulu === null ? champ.dataset.initial === "1" : voulu;
    }
    else champ.value = voulu === null ? champ.dataset.initial : String(voulu);
  }
  // Filled and left (a `change`): errors show then, not while typing.
  formulaire.dispatchEvent(new Event("change", {bubbles: true}));
  return avant;
}"""

VALEURS = """() => Array.from(document.querySelectorAll(
  "#simulateur .diese-simulateur__resultat [data-valeur]")).map((e) => e.dataset.valeur)"""


def champs_connus(commande: str) -> dict[str, dict]:
    return {c["nom"]: c for g in widget.groupes(commande) for c in g.champs}


def entree_cpython(commande: str, date_reference: str, situation: dict) -> dict:
    """The engine input the page sends for `situation` (the form's defaults otherwise)."""
    import datetime as dt

    entree = widget.situation_par_defaut(commande, dt.date.fromisoformat(date_reference))
    for groupe in widget.groupes(commande):
        cible = entree.setdefault(groupe.cle, {}) if groupe.cle else entree
        for champ in groupe.champs:
            if champ["type"] == "booleen":
                cible[champ["nom"]] = bool(situation.get(champ["nom"], champ.get("defaut")))
            if champ["nom"] not in situation:
                continue
            brut = situation[champ["nom"]]
            if champ["type"] == "entier":
                cible[champ["nom"]] = int(brut)
            elif champ["type"] == "decimal":
                cible[champ["nom"]] = float(brut)
            elif champ["type"] != "booleen":
                cible[champ["nom"]] = brut
    return entree


def html_cpython(commande: str, entree: dict) -> str:
    from diese.simulateurs import rendu

    sortie = json.loads(executer(commande, json.dumps(entree)))
    assert sortie["ok"], sortie
    return rendu.rendre(commande, sortie["resultat"])


def valeurs_cpython(commande: str, entree: dict) -> list[str]:
    return re.findall(r'data-valeur="([^"]*)"', html_cpython(commande, entree))


# The page updates the result in place: its DOM must be the one the renderer's HTML parses to,
# but for the two attributes the page manages (`hidden` scroll hints, `open` details).
MEME_DOM = """(html) => {
  const modele = document.createElement("template");
  modele.innerHTML = html;
  const copie = document.querySelector("#simulateur .diese-simulateur__resultat").cloneNode(true);
  for (const e of copie.querySelectorAll("[hidden]")) e.removeAttribute("hidden");
  for (const e of copie.querySelectorAll("details[open]")) e.removeAttribute("open");
  return copie.innerHTML === modele.innerHTML;
}"""


def attendre_calcul(page, avant: int) -> None:
    # A function, not an expression string: the site's CSP forbids eval.
    page.wait_for_function(
        "(avant) => Number(document.getElementById('simulateur').dataset.calculs || 0) > avant",
        arg=avant,
        timeout=ATTENTE_MS,
    )


class Session:
    """One browser context and page kept across this module's tests, with what they observed."""

    def __init__(self, navigateur, serveur: str) -> None:
        self.garde = GardeOrigine(serveur)
        self.contexte = navigateur.new_context(base_url=serveur, locale="fr-FR")
        self.garde.installer(self.contexte)
        self.contexte.add_init_script(
            "window.__etats = [];"
            "new MutationObserver(() => { const r = document.getElementById('simulateur');"
            " if (r && window.__etats[window.__etats.length - 1] !== r.dataset.etat)"
            " window.__etats.push(r.dataset.etat); })"
            ".observe(document, {subtree: true, childList: true, attributes: true,"
            " attributeFilter: ['data-etat']});"
        )
        self.page = self.contexte.new_page()
        self.workers: list[str] = []
        self.echecs: list[str] = []
        self.requetes: list[str] = []
        self.erreurs_js: list[str] = []
        self.page.on("worker", lambda w: self.workers.append(w.url))
        self.page.on("pageerror", lambda e: self.erreurs_js.append(str(e)))
        self.contexte.on("request", lambda r: self.requetes.append(r.url))
        self.contexte.on("requestfailed", lambda r: self.echecs.append(f"échec {r.url}"))
        self.contexte.on(
            "response", lambda r: r.status >= 400 and self.echecs.append(f"{r.status} {r.url}")
        )

    def workers_pyodide(self) -> list[str]:
        return [url for url in self.workers if "diese-pyodide-worker" in url]


@pytest.fixture(scope="module")
def session(navigateur, serveur):
    s = Session(navigateur, serveur)
    s.page.goto("outils/cout-embauche/")
    s.page.wait_for_selector(PRET, timeout=ATTENTE_MS)
    yield s
    s.contexte.close()
    assert not s.garde.sorties, f"Requêtes hors de l'origine du site : {s.garde.sorties}"
    assert not s.echecs, s.echecs
    assert not s.erreurs_js, s.erreurs_js


def test_demarrage_dans_un_worker_sans_requete_superflue(session) -> None:
    page = session.page
    assert page.evaluate("window.__etats") == ["prerendu", "chargement", "pret"]
    assert len(session.workers_pyodide()) == 1
    assert "prêt" in page.inner_text(".diese-simulateur__etat")
    chemins = {urlparse(u).path for u in session.requetes}
    runtime = {c.rsplit("/", 1)[1] for c in chemins if "/assets/pyodide/" in c}
    assert runtime == RUNTIME
    moteur = sorted(c.rsplit("/", 1)[1] for c in chemins if "/assets/wheels/" in c)
    assert [m.rsplit("-", 1)[1] for m in moteur] == ["any.instantane", "any.stdlib.zip", "any.whl"]
    # Python was restored from the build's memory snapshot, not booted from scratch.
    assert page.evaluate("window.dieseSimulateurs.etapes.instantane") is True
    assert not session.echecs and not session.garde.sorties


def test_sans_instantane_demarrage_normal(navigateur, serveur) -> None:
    """If the snapshot cannot be had (here: refused), Pyodide starts the normal way."""
    contexte = navigateur.new_context(base_url=serveur, locale="fr-FR")
    contexte.route("**/*.instantane", lambda route: route.fulfill(status=404, body=""))
    page = contexte.new_page()
    page.goto("outils/cout-embauche/")
    page.wait_for_selector(PRET, timeout=ATTENTE_MS)
    assert page.evaluate("window.dieseSimulateurs.etapes.instantane") is False
    assert "prêt" in page.inner_text(".diese-simulateur__etat")
    # The normal start computes too, with the original module and the whole reduced library.
    avant = int(page.get_attribute("#simulateur", "data-calculs") or 0)
    page.fill("#champ-salaire_brut_mensuel", "2400")
    attendre_calcul(page, avant)
    assert page.locator("#simulateur .diese-simulateur__resultat [data-valeur]").count() > 0
    contexte.close()


@pytest.mark.parametrize("situation", SITUATIONS, ids=lambda s: "-".join(map(str, s.values())))
def test_chiffres_du_navigateur_egaux_a_cpython(session, situation) -> None:
    page = session.page
    connus = champs_connus("simuler")
    situation = {k: v for k, v in situation.items() if k in connus}
    avant = page.evaluate(REMPLIR, [situation])
    attendre_calcul(page, avant)
    assert page.locator("#simulateur .diese-sim-champ__erreur:not([hidden])").count() == 0
    date = page.get_attribute("#simulateur", "data-date-reference")
    html = html_cpython("simuler", entree_cpython("simuler", date, situation))
    assert page.evaluate(VALEURS) == re.findall(r'data-valeur="([^"]*)"', html)
    assert page.evaluate(MEME_DOM, html)


def test_un_detail_ouvert_le_reste_apres_un_calcul(session) -> None:
    page = session.page
    avant = page.evaluate(REMPLIR, [{}])
    attendre_calcul(page, avant)
    detail = page.locator("#simulateur .diese-detail")
    detail.locator("summary").click()
    avant = page.evaluate(REMPLIR, [{"salaire_brut_mensuel": "2400"}])
    attendre_calcul(page, avant)
    assert detail.get_attribute("open") is not None
    detail.locator("summary").click()
    assert detail.get_attribute("open") is None


def test_saisie_invalide_message_au_champ_et_dernier_resultat_garde(session) -> None:
    page = session.page
    avant = page.evaluate(REMPLIR, [{}])
    attendre_calcul(page, avant)
    valides = page.evaluate(VALEURS)
    avant = page.evaluate(REMPLIR, [{"age": "3"}])
    attendre_calcul(page, avant)
    champ = page.locator("#champ-age")
    assert champ.get_attribute("aria-invalid") == "true"
    message = page.locator("#erreur-champ-age")
    assert message.is_visible()
    assert re.search(r"[a-zéèà]", message.inner_text()), "message en français attendu"
    assert "erreur-champ-age" in champ.get_attribute("aria-describedby").split()
    assert page.evaluate(VALEURS) == valides
    assert "dernière saisie valide" in page.inner_text(".diese-simulateur__annonce")
    avant = page.evaluate(REMPLIR, [{}])
    attendre_calcul(page, avant)
    assert champ.get_attribute("aria-invalid") is None
    assert not message.is_visible()


def test_clavier_seul(session, axe) -> None:
    page = session.page
    avant = page.evaluate(REMPLIR, [{}])
    attendre_calcul(page, avant)
    valides = page.evaluate(VALEURS)
    page.focus("#simulateur form [name][data-type]")
    champ_salaire = "#champ-salaire_brut_mensuel"
    # Tab through the form until the pay field, as a keyboard user would.
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == champ_salaire[1:]:
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == champ_salaire[1:]
    page.keyboard.press("Control+A")
    page.keyboard.type("2750")
    page.keyboard.press("Enter")
    # Each keystroke computes (2, 27, 275: refused, below the minimum wage), then 2750.
    page.wait_for_url("**salaire_brut_mensuel=2750**", timeout=ATTENTE_MS)
    assert page.locator("#champ-salaire_brut_mensuel[aria-invalid]").count() == 0
    assert page.evaluate(VALEURS) != valides
    page.focus(".diese-detail summary")
    page.keyboard.press("Enter")
    assert page.locator(".diese-detail").get_attribute("open") is not None
    violations = axe(page, ".md-content")  # theme chrome: site-wide tests
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)


def test_calculer_sur_un_telephone_montre_le_resultat(session) -> None:
    """The result sits below a long form on a phone: « Calculer » brings it into view."""
    page = session.page
    taille = page.viewport_size
    page.set_viewport_size({"width": 390, "height": 844})
    try:
        page.evaluate("() => window.scrollTo(0, 0)")
        page.fill("#champ-salaire_brut_mensuel", "2300")
        avant = page.evaluate("() => Number(document.getElementById('simulateur').dataset.calculs)")
        page.click("#simulateur button[type=submit]")
        attendre_calcul(page, avant)
        page.wait_for_function(
            "() => { const b = document.querySelector("
            "'#simulateur .diese-simulateur__resultat h2').getBoundingClientRect();"
            " return b.top >= 0 && b.bottom <= innerHeight; }",
            timeout=5_000)
        assert page.evaluate("() => document.activeElement.type") == "submit"  # focus stays
    finally:
        page.set_viewport_size(taille)


def test_navigation_instantanee_garde_un_seul_worker(session, axe) -> None:
    page = session.page
    for lien, commande in (("Comparer les contrats", "comparer"), ("Contribution OETH", "oeth")):
        page.locator(".md-nav a", has_text=lien).first.click()
        page.wait_for_selector(f'#simulateur[data-commande="{commande}"][data-etat="pret"]',
                               timeout=ATTENTE_MS)
        # Instant navigation: the document was not reloaded, the worker was reused.
        assert page.evaluate("window.__etats[0]") == "prerendu"
        assert len(session.workers_pyodide()) == 1
        avant = page.evaluate(REMPLIR, [{}])
        attendre_calcul(page, avant)
        date = page.get_attribute("#simulateur", "data-date-reference")
        assert page.evaluate(VALEURS) == valeurs_cpython(
            commande, entree_cpython(commande, date, {})
        )
        violations = axe(page, ".md-content")  # theme chrome: site-wide tests
    assert violations == [], json.dumps(violations, ensure_ascii=False, indent=1)
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1


def test_un_lien_reproduit_sa_simulation(page) -> None:
    situation = {"contrat": "cdd", "date_embauche": "2026-07-01", "salaire_brut_mensuel": "2100",
                 "duree_mois": "6"}
    connus = champs_connus("simuler")
    situation = {k: v for k, v in situation.items() if k in connus}
    page.goto("outils/cout-embauche/?" + urlencode(situation))
    attendre_calcul(page, 0)
    for nom, valeur in situation.items():
        assert page.input_value(f"#champ-{nom}") == valeur
    date = page.get_attribute("#simulateur", "data-date-reference")
    assert page.evaluate(VALEURS) == valeurs_cpython(
        "simuler", entree_cpython("simuler", date, situation)
    )
    assert page.erreurs_js == []


@pytest.mark.parametrize("chemin", ["cout-embauche", "comparer", "oeth"])
def test_prerendu_visible_sans_javascript(navigateur, serveur, chemin) -> None:
    garde = GardeOrigine(serveur)
    contexte = navigateur.new_context(base_url=serveur, java_script_enabled=False)
    garde.installer(contexte)
    page = contexte.new_page()
    page.goto(f"outils/{chemin}/")
    racine = page.locator("#simulateur")
    assert racine.get_attribute("data-etat") == "prerendu"
    commande = racine.get_attribute("data-commande")
    date = racine.get_attribute("data-date-reference")
    html = racine.inner_html()
    valeurs = re.findall(r'data-valeur="([^"]*)"', html.split("diese-simulateur__resultat", 1)[1])
    assert valeurs == valeurs_cpython(commande, entree_cpython(commande, date, {}))
    assert page.locator(".diese-resultat [data-valeur]").first.is_visible()
    mention = page.inner_text(".diese-mention")
    assert re.match(r"Paramètres légaux (confirmés|en vigueur) au \d", mention)
    assert "estimation" in mention
    contexte.close()
    assert not garde.sorties


def test_moteur_indisponible_message_clair_et_prerendu_garde(navigateur, serveur) -> None:
    """If Python cannot start (here the runtime is refused, as when WebAssembly is blocked),
    the widget says so in French and keeps the pre-rendered figures."""
    contexte = navigateur.new_context(base_url=serveur, locale="fr-FR")
    contexte.route("**/assets/pyodide/**", lambda route: route.fulfill(status=404, body=""))
    page = contexte.new_page()
    page.goto("outils/cout-embauche/")
    chiffres = page.inner_text(".diese-simulateur__resultat")
    page.wait_for_selector('#simulateur[data-etat="erreur"]', timeout=ATTENTE_MS)
    etat = page.inner_text(".diese-simulateur__etat")
    assert "moteur de calcul" in etat.lower()
    assert page.inner_text(".diese-simulateur__resultat") == chiffres and "€" in chiffres
    contexte.close()
