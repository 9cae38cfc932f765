"""Nothing lost, nothing claimed falsely: two tabs on one dossier, a full storage, a malformed
stored state, and a spreadsheet formula in an imported note (the cases reproduced in issue 12)."""

from __future__ import annotations

import csv
import io
import json

import pytest

from tests.browser.test_checklists_navigateur import (
    AVANT,
    CLE,
    confirmer,
    dossier_ouvert,
    exporter,
    ouvrir,
    stockage,
)

pytestmark = pytest.mark.browser

PLEIN = """() => {
  Storage.prototype.setItem = function () {
    throw new DOMException("La mémoire est pleine", "QuotaExceededError");
  };
}"""


@pytest.fixture
def deux_onglets(contexte):
    onglets = []
    for _ in range(2):
        p = contexte.new_page()
        p.erreurs_js = []
        p.on("pageerror", lambda exc, p=p: p.erreurs_js.append(str(exc)))
        onglets.append(p)
    yield onglets
    for p in onglets:
        p.close()


def _attendre_coche(page, selecteur: str) -> None:
    page.wait_for_function(f"() => document.querySelector('{selecteur}').checked")


def test_renommer_pendant_qu_un_autre_onglet_ecrit(deux_onglets) -> None:
    a, b = deux_onglets
    ouvrir(a)
    a.check("#cl-av-ent-fichier")
    ouvrir(b)
    a.click("[data-action=renommer]")
    a.locator("dialog[open] input").fill("Léa — visite du 12")
    # Pendant que le dialogue est ouvert, l'autre onglet coche et note.
    b.check("#cl-av-ent-contact")
    b.click("[data-note=av-sta-visite]")
    b.fill("#diese-cl-note-av-sta-visite-champ", "jeudi 10 h")
    _attendre_coche(a, "#cl-av-ent-contact")  # l'événement storage est arrivé dans l'onglet A
    confirmer(a)
    assert a.text_content(".diese-cl-message") == "Dossier renommé « Léa — visite du 12 »."
    d = dossier_ouvert(a)
    assert d["nom"] == "Léa — visite du 12"
    assert set(d["elements"]) == {"av-ent-fichier", "av-ent-contact", "av-sta-visite"}
    assert d["elements"]["av-sta-visite"]["note"] == "jeudi 10 h"
    b.reload()
    b.wait_for_selector(".diese-cl--active")
    assert b.locator("#diese-cl-choix option:checked").text_content() == "Léa — visite du 12"
    assert b.is_checked("#cl-av-ent-contact") and b.is_checked("#cl-av-ent-fichier")
    assert a.erreurs_js == [] and b.erreurs_js == []


def test_decocher_la_liste_pendant_qu_un_autre_onglet_ecrit(deux_onglets) -> None:
    a, b = deux_onglets
    ouvrir(a)
    a.check("#cl-av-ent-fichier")
    a.check("#cl-av-ent-contact")
    ouvrir(b, "checklists/pendant-stage/")
    a.click("[data-action=reinitialiser]")
    a.locator("dialog[open]").wait_for()
    premiere = b.locator(".diese-cl-element input[type=checkbox]").first
    premiere.check()
    ident = premiere.get_attribute("name")
    a.wait_for_timeout(200)  # laisse passer l'événement storage dans l'onglet A
    confirmer(a)
    assert a.text_content(".diese-cl-message") == "Liste décochée."
    assert not a.is_checked("#cl-av-ent-fichier")
    elements = dossier_ouvert(a)["elements"]
    assert set(elements) == {ident}, "la liste décochée, la case de l'autre onglet gardée"
    a.reload()
    a.wait_for_selector(".diese-cl--active")
    assert not a.is_checked("#cl-av-ent-fichier") and not a.is_checked("#cl-av-ent-contact")


def test_supprime_dans_un_autre_onglet_pendant_le_dialogue(deux_onglets) -> None:
    a, b = deux_onglets
    ouvrir(a)
    a.click("[data-action=nouveau]")
    confirmer(a, nom="Éphémère")
    ouvrir(b)
    a.click("[data-action=renommer]")
    a.locator("dialog[open] input").fill("Autre nom")
    b.click("[data-action=supprimer]")
    confirmer(b)
    confirmer(a)
    assert "supprimé entre-temps" in a.text_content(".diese-cl-alerte")
    assert "renommé" not in a.text_content(".diese-cl-message")
    noms = [d["nom"] for d in stockage(a)["dossiers"].values()]
    assert noms == ["Mon dossier"]


def test_memoire_pleine_dite_aussitot_et_rien_d_annonce(page) -> None:
    ouvrir(page)
    page.check("#cl-av-ent-fichier")
    avant = page.evaluate(f"localStorage.getItem('{CLE}')")
    page.evaluate(PLEIN)
    page.click("[data-action=nouveau]")
    confirmer(page, nom="Stagiaire C")
    alerte = page.text_content(".diese-cl-alerte")
    assert alerte.startswith("Enregistrement impossible"), alerte
    assert "créé" not in page.text_content(".diese-cl-message")
    assert page.locator("#diese-cl-choix option").all_text_contents() == ["Mon dossier"]
    # Une case cochée que l'on ne peut garder se décoche aussitôt, et on le dit.
    page.click("#cl-av-ent-contact")
    page.wait_for_function("() => !document.querySelector('#cl-av-ent-contact').checked")
    assert page.text_content(".diese-cl-alerte").startswith("Enregistrement impossible")
    # Import d'un fichier : pas de « ouvert depuis le fichier ».
    fichier = {"format": "diese-checklists-dossier", "version": 1,
               "dossier": {"nom": "Importé", "elements": {}}}
    page.set_input_files("#diese-cl-import", files=[{
        "name": "d.json", "mimeType": "application/json",
        "buffer": json.dumps(fichier).encode()}])
    page.wait_for_timeout(300)
    assert "ouvert depuis le fichier" not in page.text_content(".diese-cl-message")
    assert page.text_content(".diese-cl-alerte").startswith("Enregistrement impossible")
    assert page.evaluate(f"localStorage.getItem('{CLE}')") == avant
    page.reload()
    page.wait_for_selector(".diese-cl--active")
    assert page.locator("#diese-cl-choix option").all_text_contents() == ["Mon dossier"]
    assert page.is_checked("#cl-av-ent-fichier") and not page.is_checked("#cl-av-ent-contact")
    assert page.erreurs_js == []


def test_etat_malforme_mis_de_cote_et_le_reste_charge(page) -> None:
    bon = {"id": "dbon1", "nom": "Bon dossier", "cree": "2026-11-01T09:00:00.000Z",
           "modifie": "2026-11-02T09:00:00.000Z",
           "elements": {"av-ent-fichier": {"coche": True, "liste": "avant-stage"},
                        "av-ent-contact": None}}
    etat = {"format": "diese-checklists-stockage", "version": 1, "actif": "__proto__",
            "dossiers": {"dnul": None, "dbon1": bon, "__proto__": {"nom": "x", "elements": {}}}}
    page.goto(AVANT)
    page.evaluate("(v) => localStorage.setItem('diese-checklists', v)", json.dumps(etat))
    for chemin in (AVANT, "checklists/"):
        page.goto(chemin)
        page.wait_for_selector(".diese-cl--active")
    ouvrir(page)
    assert page.locator("#diese-cl-choix option").all_text_contents() == ["Bon dossier"]
    assert page.is_checked("#cl-av-ent-fichier")
    page.check("#cl-av-ent-contact")
    de_cote = page.evaluate(
        "() => Object.keys(localStorage).filter(k => k.startsWith('diese-checklists-illisible-'))"
        ".map(k => localStorage.getItem(k))")
    assert de_cote and json.loads(de_cote[0]) == etat
    assert dossier_ouvert(page)["nom"] == "Bon dossier"
    assert page.erreurs_js == []


def test_csv_neutralise_les_formules(page) -> None:
    fichier = {"format": "diese-checklists-dossier", "version": 1, "dossier": {
        "nom": "=HYPERLINK(\"http://exemple.invalid\";\"clic\")",
        "elements": {
            "av-ent-fichier": {"coche": True, "note": "=HYPERLINK(\"http://x.invalid\";\"x\")"},
            "av-ent-contact": {"coche": True, "note": "+33 6 12"},
            "av-sta-visite": {"coche": True, "note": "-2+3"},
            "av-reu-tuteur": {"coche": True, "note": "@SOMME(A1)"},
            "av-ent-outils": {"coche": True, "note": "\tcalcul"},
        }}}
    ouvrir(page)
    page.set_input_files("#diese-cl-import", files=[{
        "name": "d.json", "mimeType": "application/json",
        "buffer": json.dumps(fichier).encode()}])
    page.wait_for_selector(".diese-cl-message:has-text('ouvert depuis le fichier')")
    texte = exporter(page, "export-csv").path().read_bytes().decode("utf-8-sig")
    lignes = list(csv.reader(io.StringIO(texte), delimiter=";"))
    notes = {ligne[2]: ligne[5] for ligne in lignes[1:]}
    assert notes["av-ent-fichier"] == "'=HYPERLINK(\"http://x.invalid\";\"x\")"
    assert notes["av-ent-contact"] == "'+33 6 12"
    assert notes["av-sta-visite"] == "'-2+3"
    assert notes["av-reu-tuteur"] == "'@SOMME(A1)"
    assert notes["av-ent-outils"] == "'\tcalcul"
    for ligne in lignes:
        for cellule in ligne:
            assert not cellule or cellule[0] not in "=+-@\t\r", cellule
