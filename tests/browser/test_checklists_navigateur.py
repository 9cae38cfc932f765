"""Checklists in a real browser: ticks kept on the device, dossiers, export / import, content
edits, print, keyboard and axe."""

from __future__ import annotations

import json
import re

import pytest

pytestmark = pytest.mark.browser

CLE = "diese-checklists"
AVANT = "checklists/avant-stage/"
PAGES = [
    "checklists/",
    "checklists/avant-stage/",
    "checklists/pendant-stage/",
    "checklists/apres-stage/",
    "checklists/preparer-visite/",
    "checklists/accompagnement-social/",
    "checklists/suivi-post-stage/",
]


def ouvrir(page, chemin: str = AVANT) -> None:
    page.goto(chemin)
    page.wait_for_selector(".diese-cl--active")


def stockage(page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{CLE}')"))


def dossier_ouvert(page) -> dict:
    etat = stockage(page)
    return etat["dossiers"][etat["actif"]]


def confirmer(page, bouton: str = "ok", nom: str | None = None) -> None:
    dialogue = page.locator("dialog.diese-cl-dialogue[open]")
    dialogue.wait_for()
    if nom is not None:
        dialogue.locator("input").fill(nom)
    dialogue.locator(f"button[value={bouton}]").click()
    # Not the [open] locator: `open` goes at close(), but the "close" event that applies
    # the answer (and removes the element) comes in a later task.
    page.locator("dialog.diese-cl-dialogue").wait_for(state="detached")


def exporter(page, action: str = "export-json"):
    with page.expect_download() as attente:
        page.click(f"[data-action={action}]")
    return attente.value


def test_boutons_en_mots_courants_et_dossier_neuf_sans_modification(page) -> None:
    ouvrir(page)
    barre = page.locator(".diese-cl-barre")
    for nom in ("Enregistrer le dossier dans un fichier", "Résumé à envoyer (texte)",
                "Résumé pour tableur (CSV)"):
        assert barre.get_by_role("button", name=nom, exact=True).is_visible(), nom
    assert barre.get_by_text("Ouvrir un dossier enregistré", exact=True).is_visible()
    assert page.get_by_label("Ouvrir un dossier enregistré").count() == 1
    # A new, empty dossier has not been modified yet: its creation time is not a modification.
    etat = page.locator(".diese-cl-etat")
    assert etat.text_content() == "Aucune modification"
    page.check("#cl-av-ent-fichier")
    assert etat.text_content().startswith("Dernière modification : ")
    page.uncheck("#cl-av-ent-fichier")
    assert etat.text_content().startswith("Dernière modification : ")


def test_cocher_noter_recharger(page) -> None:
    ouvrir(page)
    page.check("#cl-av-ent-fichier")
    page.check("#cl-av-reu-tuteur")
    page.click("[data-note=av-sta-logistique]")
    page.fill("#diese-cl-note-av-sta-logistique-champ", "Bus ligne 4, arrêt Mairie")
    annonce = page.locator(".diese-cl-barre [aria-live=polite]")
    assert "Pour réussir : 1 sur 4" in annonce.text_content()
    page.reload()
    page.wait_for_selector(".diese-cl--active")
    assert page.is_checked("#cl-av-ent-fichier") and page.is_checked("#cl-av-reu-tuteur")
    assert not page.is_checked("#cl-av-ent-contact")
    assert page.input_value("#diese-cl-note-av-sta-logistique-champ") == "Bus ligne 4, arrêt Mairie"
    assert page.is_visible("#diese-cl-note-av-sta-logistique-champ")
    assert page.text_content("#diese-cl-avancement-texte").startswith("2 sur 26")
    compte = page.locator("[data-groupe=entreprise] [data-compte]").text_content()
    assert compte == "— 1 sur 8"
    assert re.search(r"\d{4} à \d{2}:\d{2}", page.text_content(".diese-cl-date"))
    elements = dossier_ouvert(page)["elements"]
    assert set(elements) == {"av-ent-fichier", "av-reu-tuteur", "av-sta-logistique"}
    assert elements["av-ent-fichier"]["liste"] == "avant-stage"
    # Le sommaire compte les cases du dossier ouvert, liste par liste.
    ouvrir(page, "checklists/")
    ligne = page.locator("tr[data-liste=avant-stage] [data-progression-liste]")
    # Functions, not bare expressions: Playwright eval()s expressions, which the CSP forbids.
    page.wait_for_function("() => document.querySelector('tr[data-liste=avant-stage] "
                           "[data-progression-liste]').textContent !== '—'")
    assert ligne.text_content() == "2 / 26"
    assert page.erreurs_js == []


def test_deux_dossiers_separes(page) -> None:
    ouvrir(page)
    page.check("#cl-av-ent-fichier")
    page.click("[data-action=nouveau]")
    confirmer(page, nom="Stagiaire B")
    assert page.locator("#diese-cl-choix option:checked").text_content() == "Stagiaire B"
    assert not page.is_checked("#cl-av-ent-fichier")
    page.check("#cl-av-ent-contact")
    page.select_option("#diese-cl-choix", label="Mon dossier")
    assert page.is_checked("#cl-av-ent-fichier") and not page.is_checked("#cl-av-ent-contact")
    page.reload()
    page.wait_for_selector(".diese-cl--active")
    assert page.locator("#diese-cl-choix option:checked").text_content() == "Mon dossier"
    page.select_option("#diese-cl-choix", label="Stagiaire B")
    assert page.is_checked("#cl-av-ent-contact") and not page.is_checked("#cl-av-ent-fichier")
    # Renommer
    page.click("[data-action=renommer]")
    confirmer(page, nom="B. — visite du 12")
    assert page.locator("#diese-cl-choix option:checked").text_content() == "B. — visite du 12"
    # Supprimer : annuler d'abord, puis confirmer.
    page.click("[data-action=supprimer]")
    confirmer(page, "annuler")
    assert page.locator("#diese-cl-choix option").count() == 2
    page.click("[data-action=supprimer]")
    confirmer(page)
    assert page.locator("#diese-cl-choix option").all_text_contents() == ["Mon dossier"]
    assert page.is_checked("#cl-av-ent-fichier")
    # Décocher toute la liste, avec confirmation.
    page.click("[data-action=reinitialiser]")
    confirmer(page, "annuler")
    assert page.is_checked("#cl-av-ent-fichier")
    page.click("[data-action=reinitialiser]")
    confirmer(page)
    assert not page.is_checked("#cl-av-ent-fichier")
    assert dossier_ouvert(page)["elements"] == {}
    assert page.erreurs_js == []


def test_export_effacement_import_identique(page, tmp_path) -> None:
    ouvrir(page)
    page.click("[data-action=renommer]")
    confirmer(page, nom="Léa M.")
    for case in ("#cl-av-ent-fichier", "#cl-av-sta-visite", "#cl-av-out-voiture"):
        page.check(case)
    page.click("[data-note=av-ent-contact]")
    page.fill("#diese-cl-note-av-ent-contact-champ", "Rappeler « M. Durand » ; jeudi")
    avant = dossier_ouvert(page)
    fichier = tmp_path / "dossier.json"
    telechargement = exporter(page)
    assert telechargement.suggested_filename.startswith("checklists-lea-m-")
    telechargement.save_as(fichier)
    exporte = json.loads(fichier.read_text(encoding="utf-8"))
    assert exporte["format"] == "diese-checklists-dossier" and exporte["dossier"]["nom"] == "Léa M."

    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector(".diese-cl--active")
    assert not page.is_checked("#cl-av-ent-fichier")

    page.set_input_files("#diese-cl-import", str(fichier))
    page.wait_for_selector(".diese-cl-message:has-text('ouvert depuis le fichier')")
    apres = dossier_ouvert(page)
    for cle in ("nom", "cree", "modifie", "elements"):
        assert apres[cle] == avant[cle], cle
    assert page.is_checked("#cl-av-ent-fichier") and page.is_checked("#cl-av-out-voiture")
    assert page.input_value("#diese-cl-note-av-ent-contact-champ").startswith("Rappeler")

    # Résumés texte et CSV (toutes les listes, depuis le catalogue).
    texte = exporter(page, "export-texte").path().read_text(encoding="utf-8")
    assert "Dossier : Léa M." in texte
    assert "[x] Maintenir à jour le fichier d’entreprise" in texte
    # Seulement ce qui est coché ou noté : la seule case vide est celle qui porte une note.
    assert texte.count("[ ]") == 1
    assert "    [ ] Maintenir un contact avec l’entreprise" in texte
    assert "        Note : Rappeler « M. Durand » ; jeudi" in texte
    assert "Note : Rappeler « M. Durand » ; jeudi" in texte
    csv = exporter(page, "export-csv").path().read_bytes().decode("utf-8-sig")
    lignes = csv.strip().split("\r\n")
    assert lignes[0] == '"Liste";"Groupe";"Identifiant";"Élément";"Coché";"Note"'
    assert len(lignes) == 1 + 129
    assert any('"av-ent-fichier"' in ligne and '"oui"' in ligne for ligne in lignes)
    assert page.erreurs_js == []


@pytest.mark.parametrize(
    ("contenu", "raison"),
    [
        (b"{pas du json", "pas du JSON"),
        (b'{"format": "autre", "version": 1}', "pas un dossier"),
        (b'{"format": "diese-checklists-dossier", "version": 1, "dossier": {"nom": "X", '
         b'"elements": {"av-ent-fichier": {"coche": "oui"}}}}', "case cochée illisible"),
        (b'{"format": "diese-checklists-dossier", "version": 1, "dossier": {"nom": "", '
         b'"elements": {}}}', "nom du dossier"),
        (b'{"format": "diese-checklists-dossier", "version": 7, "dossier": {}}', "version"),
    ],
)
def test_import_corrompu_refuse_sans_rien_toucher(page, contenu, raison) -> None:
    ouvrir(page)
    page.check("#cl-av-ent-fichier")
    avant = page.evaluate(f"localStorage.getItem('{CLE}')")
    page.set_input_files(
        "#diese-cl-import", files=[{"name": "d.json", "mimeType": "application/json",
                                    "buffer": contenu}])
    alerte = page.locator(".diese-cl-alerte")
    alerte.wait_for()
    assert "Ouverture refusée" in alerte.text_content() and raison in alerte.text_content()
    assert "Aucun dossier n’a été modifié" in alerte.text_content()
    assert page.evaluate(f"localStorage.getItem('{CLE}')") == avant
    assert page.is_checked("#cl-av-ent-fichier")
    assert page.locator("#diese-cl-choix option").count() == 1


def test_element_renomme_ou_retire_par_import(page) -> None:
    """A dossier saved by an older build: one item reworded since (same id), one removed."""
    ancien = {
        "format": "diese-checklists-dossier", "version": 1,
        "dossier": {"nom": "Ancien", "modifie": "2025-01-10T09:00:00.000Z", "elements": {
            "av-ent-fichier": {"coche": True, "texte": "Ancien libellé", "liste": "avant-stage"},
            "av-ent-disparu": {"coche": True, "texte": "Élément supprimé depuis",
                               "liste": "avant-stage", "note": "vu le 3"},
        }},
    }
    ouvrir(page)
    page.set_input_files("#diese-cl-import", files=[{
        "name": "ancien.json", "mimeType": "application/json",
        "buffer": json.dumps(ancien).encode()}])
    retires = page.locator(".diese-cl-retires")
    retires.wait_for()
    assert page.is_checked("#cl-av-ent-fichier")
    assert "Éléments retirés du guide" in retires.text_content()
    assert "Élément supprimé depuis" in retires.text_content()
    assert "vu le 3" in retires.text_content()
    # Cocher ailleurs ne perd pas l'élément mis à part.
    page.check("#cl-av-ent-contact")
    assert "av-ent-disparu" in dossier_ouvert(page)["elements"]
    ouvrir(page, "checklists/")
    page.locator(".diese-cl-retires").wait_for()
    assert "Élément supprimé depuis" in page.text_content(".diese-cl-retires")


def test_impression_montre_les_coches(page) -> None:
    ouvrir(page)
    page.check("#cl-av-ent-fichier")
    page.click("[data-note=av-ent-contact]")
    page.fill("#diese-cl-note-av-ent-contact-champ", "Note imprimée")
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    marque = "el => getComputedStyle(el, '::before').content"
    assert page.eval_on_selector("label[for=cl-av-ent-fichier]", marque) == '"☑"'
    assert page.eval_on_selector("label[for=cl-av-ent-contact]", marque) == '"☐"'
    affichage = "el => getComputedStyle(el).display"
    for cache in (".md-header", ".md-sidebar--primary", ".md-footer", ".diese-cl-barre",
                  "[data-note=av-ent-fichier]"):
        assert page.eval_on_selector(cache, affichage) == "none", cache
    entete = page.locator(".diese-cl-entete-impression")
    assert entete.is_visible()
    assert "Dossier : Mon dossier" in entete.text_content()
    assert "imprimé le" in entete.text_content()
    assert page.locator(".diese-cl-note-imprimee:has-text('Note imprimée')").is_visible()
    assert len(page.pdf()) > 10_000  # la page s'imprime réellement
    page.emulate_media(media="screen")
    assert page.eval_on_selector(".diese-cl-barre", affichage) != "none"


def test_clavier(page) -> None:
    ouvrir(page)
    page.focus("#cl-av-ent-fichier")
    page.keyboard.press("Space")
    assert page.is_checked("#cl-av-ent-fichier")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.note") == "av-ent-fichier"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "diese-cl-note-av-ent-fichier-champ"
    page.keyboard.type("au clavier")
    page.focus("[data-action=nouveau]")
    page.keyboard.press("Enter")
    page.locator("dialog[open] input").wait_for()
    assert page.evaluate("document.activeElement.tagName") == "INPUT"
    page.keyboard.press("Escape")  # Échap annule
    page.locator("dialog").wait_for(state="detached")
    assert page.evaluate("document.activeElement.dataset.action") == "nouveau"
    page.keyboard.press("Enter")
    page.keyboard.type("Clavier")
    page.keyboard.press("Enter")
    page.locator("dialog").wait_for(state="detached")
    assert page.locator("#diese-cl-choix option:checked").text_content() == "Clavier"
    page.focus("#diese-cl-choix")
    page.keyboard.press("ArrowUp")  # revient au premier dossier
    assert page.locator("#diese-cl-choix option:checked").text_content() == "Mon dossier"
    assert page.is_checked("#cl-av-ent-fichier")
    assert page.input_value("#diese-cl-note-av-ent-fichier-champ") == "au clavier"


def test_axe_sur_chaque_page(page, axe) -> None:
    """The page content and the dialog (the theme's header, tabs and progress bar are the
    foundation's: reported separately)."""
    for chemin in PAGES:
        ouvrir(page, chemin)
        if chemin == AVANT:
            page.check("#cl-av-ent-fichier")
            page.click("[data-note=av-ent-contact]")
        assert axe(page, ".md-content") == [], chemin
    ouvrir(page)
    page.click("[data-action=nouveau]")
    page.locator("dialog[open]").wait_for()
    assert axe(page, "dialog") == [], "dialogue"
    assert page.erreurs_js == []


def test_sans_javascript(navigateur, serveur) -> None:
    contexte = navigateur.new_context(base_url=serveur, java_script_enabled=False)
    try:
        page = contexte.new_page()
        page.goto(AVANT)
        assert page.locator(".diese-cl input[type=checkbox]").count() == 26
        assert page.is_visible(".diese-cl-sans-js")
        assert page.locator(".diese-cl-barre").count() == 0
        page.click("label[for=cl-av-ent-fichier]")
        assert page.is_checked("#cl-av-ent-fichier")
    finally:
        contexte.close()
