"""The visit kit on a phone (390 × 844): the items first, one « Actions » menu, big targets, the
placement's next visit and next action at the top; the summary to share holds only what was
ticked or noted."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from tests.browser.test_checklists_navigateur import AVANT, PAGES, confirmer, exporter, ouvrir

pytestmark = pytest.mark.browser

LARGEUR, HAUTEUR = 390, 844
DEMAIN = date.today() + timedelta(days=1)


@pytest.fixture
def telephone(navigateur, serveur):
    contexte = navigateur.new_context(
        base_url=serveur, locale="fr-FR", viewport={"width": LARGEUR, "height": HAUTEUR},
        has_touch=True, is_mobile=True, device_scale_factor=2,
    )
    p = contexte.new_page()
    p.erreurs_js = []
    p.on("pageerror", lambda exc: p.erreurs_js.append(str(exc)))
    yield p
    contexte.close()


def test_premiere_case_visible_sans_defiler(telephone) -> None:
    for chemin in PAGES[1:]:
        ouvrir(telephone, chemin)
        case = telephone.locator(".diese-cl-element input[type=checkbox]").first
        boite = case.bounding_box()
        print(f"{chemin} : première case à {boite['y']:.0f} px")
        assert telephone.evaluate("scrollY") == 0
        assert boite["y"] + boite["height"] <= HAUTEUR, (chemin, boite)
        assert telephone.evaluate("document.documentElement.scrollWidth") <= LARGEUR, chemin
    assert telephone.erreurs_js == []


def test_un_menu_et_de_grandes_cibles(telephone, axe) -> None:
    ouvrir(telephone)
    bascule = telephone.get_by_role("button", name="Actions du dossier")
    assert bascule.get_attribute("aria-expanded") == "false"
    assert not telephone.is_visible("[data-action=nouveau]")
    choix = telephone.locator("#diese-cl-choix").bounding_box()
    assert abs(choix["y"] - bascule.bounding_box()["y"]) < 10  # sur la même ligne
    bascule.tap()
    assert bascule.get_attribute("aria-expanded") == "true"
    assert telephone.evaluate("document.activeElement.dataset.action") == "nouveau"
    boutons = telephone.locator(".diese-cl-menu .diese-cl-bouton")
    for i in range(boutons.count()):
        boite = boutons.nth(i).bounding_box()
        assert boite["height"] >= 44 and boite["width"] >= 300, boutons.nth(i).text_content()
    assert axe(telephone, ".md-content") == []
    telephone.keyboard.press("Escape")
    assert not telephone.is_visible("[data-action=nouveau]")
    assert telephone.evaluate("document.activeElement") == telephone.evaluate(
        "document.querySelector('.diese-cl-bascule')")
    for cible in (".diese-cl-element input[type=checkbox]", ".diese-cl-bouton-note"):
        boite = telephone.locator(cible).first.bounding_box()
        assert boite["height"] >= 20, cible
    # Une case se coche au doigt, et l'on crée un dossier depuis le menu.
    telephone.locator("label[for=cl-av-ent-fichier]").tap()
    assert telephone.is_checked("#cl-av-ent-fichier")
    bascule.tap()
    telephone.locator("[data-action=nouveau]").tap()
    confirmer(telephone, nom="Sur le parking")
    assert telephone.locator("#diese-cl-choix option:checked").text_content() == "Sur le parking"


def _fichier_avec_stage(id_dossier: str) -> dict:
    return {"format": "diese-fichier-entreprises", "version": 1, "entreprises": [{
        "id": "ent0001", "raison_sociale": "Boulangerie Durand", "statut": "partenaire",
        "cree": "2026-11-01T09:00:00.000Z", "modifie": "2026-11-01T09:00:00.000Z",
        "stages": [{"id": "sta0001", "stagiaire": "Léa M.", "dossier": id_dossier}],
        "contacts": [
            {"id": "con0001", "date": "2026-11-20", "type": "telephone",
             "action": "Apporter la convention", "echeance": DEMAIN.isoformat()},
            {"id": "con0002", "date": DEMAIN.isoformat(), "type": "visite", "heure": "09:30",
             "qui": "Mme Durand"},
        ]}]}


def test_prochaine_visite_en_haut_et_resume_a_partager(telephone, axe) -> None:
    ouvrir(telephone)
    etat = json.loads(telephone.evaluate("localStorage.getItem('diese-checklists')"))
    telephone.evaluate("(v) => localStorage.setItem('diese-fichier-entreprises', v)",
                       json.dumps(_fichier_avec_stage(etat["actif"])))
    telephone.check("#cl-av-ent-fichier")
    telephone.click("[data-note=av-sta-logistique]")
    telephone.fill("#diese-cl-note-av-sta-logistique-champ", "Bus 4, arrêt Mairie")
    stage = telephone.locator(".diese-cl-stage")
    stage.wait_for()
    assert "Stage de Léa M. chez Boulangerie Durand" in stage.text_content()
    assert "Prochaine visite" in stage.text_content() and "9 h 30 avec Mme Durand" in (
        stage.text_content())
    assert "Prochaine action : Apporter la convention" in stage.text_content()
    boite = stage.bounding_box()
    assert boite["y"] + boite["height"] <= HAUTEUR  # en haut, sans défiler
    assert telephone.locator(".diese-cl-element input").first.bounding_box()["y"] < HAUTEUR

    telephone.get_by_role("button", name="Actions du dossier").tap()
    telephone.locator("[data-action=partager]").tap()
    dialogue = telephone.locator("dialog[open]")
    dialogue.wait_for()
    assert axe(telephone, "dialog") == []
    texte = dialogue.locator("textarea").input_value()
    lignes = texte.splitlines()
    assert lignes[0] == "Dossier : Mon dossier"
    assert lignes[1] == "Stage de Léa M. chez Boulangerie Durand"
    assert "AVANT L’ENTRÉE EN STAGE" in lignes
    assert any(ligne.startswith("    [x] Maintenir à jour le fichier d’entreprise")
               for ligne in lignes)
    assert "        Note : Bus 4, arrêt Mairie" in lignes
    # Non coché mais noté : il y figure, avec sa note ; rien d'autre de non coché.
    assert texte.count("[ ]") == 1 and "[ ] Organiser l’aspect logistique" in texte
    assert "PENDANT LE STAGE" not in texte  # une liste sans rien n'apparaît pas
    assert len(lignes) < 20
    courriel = dialogue.get_by_role("link", name="Préparer un courriel").get_attribute("href")
    assert courriel.startswith("mailto:?subject=Check-lists%20%3A%20Mon%20dossier&body=Dossier")
    # Copier : le presse-papiers reçoit le résumé.
    telephone.context.grant_permissions(["clipboard-read", "clipboard-write"])
    dialogue.get_by_role("button", name="Copier").tap()
    dialogue.locator("[role=status]:has-text('copié')").wait_for()
    assert telephone.evaluate("navigator.clipboard.readText()") == texte
    dialogue.get_by_role("button", name="Fermer").tap()
    telephone.locator("dialog").wait_for(state="detached")
    # Le nom du stage mène à la fiche de l'entreprise dans le fichier.
    stage.get_by_role("link").tap()
    telephone.wait_for_selector("#diese-fe-titre-fiche:has-text('Boulangerie Durand')")
    assert "9 h 30 avec Mme Durand" in telephone.text_content(".diese-fe-prochain")
    assert telephone.erreurs_js == []


def test_partage_systeme_quand_il_existe(page) -> None:
    page.add_init_script("""
        window.__partages = [];
        navigator.share = (donnees) => {
            window.__partages.push(donnees);
            return Promise.resolve();
        };
    """)
    ouvrir(page)
    page.check("#cl-av-ent-fichier")
    page.click("[data-action=partager]")
    page.get_by_role("button", name="Partager…").click()
    page.locator("dialog[open] [role=status]:has-text('transmis')").wait_for()
    (partage,) = page.evaluate("window.__partages")
    assert partage["title"] == "Check-lists : Mon dossier"
    assert "[x] Maintenir à jour le fichier d’entreprise" in partage["text"]


def test_resume_texte_seulement_coche_ou_note(page) -> None:
    ouvrir(page, AVANT)
    page.check("#cl-av-ent-fichier")
    texte = exporter(page, "export-texte").path().read_text(encoding="utf-8")
    assert "[x] Maintenir à jour le fichier d’entreprise" in texte
    assert "[ ]" not in texte
    assert len(texte.splitlines()) < 12
